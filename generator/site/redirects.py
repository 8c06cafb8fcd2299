"""Pages that keep an old address working: a story filed again (a re-send or a later version) is merged into
one story by ingest, and the address an earlier run published for it becomes a hidden page (`moved_to` the kept
story's content file) that the `redirect` template renders as a redirect with a canonical link."""

from __future__ import annotations

import os


def point_redirects(generator) -> None:
    """Give each hidden story that has `moved_to` the redirect template and the address and title of the story it
    names (when that story is not in the site, none: the page then links to the front page)."""
    moved = [article for article in generator.hidden_articles if getattr(article, "moved_to", None)]
    if not moved:
        return
    root = generator.settings["PATH"]
    by_file = {os.path.relpath(article.source_path, root).replace(os.sep, "/"): article
               for article in (*generator.articles, *generator.hidden_articles)}
    for article in moved:
        target = by_file.get(article.moved_to)
        article.template = "redirect"
        found = target is not None and target is not article
        article.moved_url = target.url if found else None
        article.moved_title = target.title if found else generator.settings["SITENAME"]
