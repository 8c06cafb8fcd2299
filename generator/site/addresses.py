"""One story per address: two content files that give one page address (the same date and slug; hand-written
stories can) would overwrite each other's page. The first, in content path order, keeps the address; the other
is left out of the site and reported with the reason, as `newsdigest check` reports it."""

from __future__ import annotations

import logging
import os

logger = logging.getLogger(__name__)
KINDS = ("articles", "hidden_articles", "drafts")  # Pelican's lists of stories, by status


def one_story_per_address(generator) -> None:
    """Pelican's article_generator_pretaxonomy: leave out every story whose page address an earlier content file
    (in path order) already has; each is logged as skipped, so the build names it and exits 1."""
    root = generator.settings["PATH"]
    owners: dict[str, object] = {}
    for article in sorted((article for kind in KINDS for article in getattr(generator, kind, [])),
                          key=lambda article: article.source_path):
        owners.setdefault(article.save_as, article)
    for kind in KINDS:
        stories = getattr(generator, kind, None)
        if stories is None:
            continue
        kept = []
        for article in stories:
            owner = owners[article.save_as]
            if owner is article:
                kept.append(article)
            else:
                logger.error("Skipping %s: same date and slug as %s: the two stories would share one URL",
                             article.source_path, os.path.relpath(owner.source_path, os.path.dirname(root)))
        setattr(generator, kind, kept)
