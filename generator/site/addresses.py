"""One story per address: two content files that give one page address (the same date and slug; hand-written
stories can) would overwrite each other's page. The first (generator.ingest.address_order) keeps the address; the other
is left out of the site and reported with the reason, as `newsdigest check` reports it. A story ingest wrote from
a seed comes first: a file written by hand never takes a seed's story's address."""

from __future__ import annotations

import logging
import os
from pathlib import Path

logger = logging.getLogger(__name__)
KINDS = ("articles", "hidden_articles", "drafts")  # Pelican's lists of stories, by status


def one_story_per_address(generator) -> None:
    """Pelican's article_generator_pretaxonomy: leave out every story whose page address a content file before it
    (in address_order) already has; each is logged as skipped, so the build names it and exits 1."""
    from generator.ingest import address_order

    root = generator.settings["PATH"]
    stories = {os.path.relpath(article.source_path, root).replace(os.sep, "/"): article
               for kind in KINDS for article in getattr(generator, kind, [])}
    owners: dict[str, object] = {}
    for path in address_order(Path(root), list(stories)):
        owners.setdefault(stories[path].save_as, stories[path])
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
