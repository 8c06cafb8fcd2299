"""The second half of newsdigest, content/ to the site: a Pelican plugin (PLUGINS = ["generator.site"]).

Its stages, each a module, in the order a build runs them:

- read: `reader` (stories and pages; the reader READERS names), `markup` (a story's Markdown as safe HTML),
  `readahead` (reading on every process into an empty read cache);
- site context: `addresses` (one story per page address), `context` (tag, place and period indexes, neighbours), `coverage` (the stories of one event,
  from `clusters`, and a list's items, an event once, in `day_order`; filing times from generator.filed, which
  the parser reads too), `related` (earlier coverage), `metadata` (JSON-LD, absolute URLs, RSS guids, the
  original's address);
- render: `templates` (filters, globals, compiled templates), `pagination` (stable pages), `writer` (the one
  writer), with `reuse` (unchanged pages linked from the previous build) and `parallel` (forked workers);
  `feeds` (titles and links of the feeds, the JSON Feed and the OPML file of every feed);
- findability: `search` (sitemap, robots.txt), when every page is written; the full-text search index is
  the second plugin, generator.search_index.

`patches` holds every replacement of Pelican's own code, applied only to the Pelican it was written for;
`collection` pauses garbage collection while the site is read; `run` keeps one build's objects. Everything else
connects to Pelican's signals."""

from __future__ import annotations

from pelican import signals

from generator.site import addresses, context, coverage, feeds, metadata, redirects, related, run, search, templates, writer
from generator.site.collection import pause_collection, resume_collection
from generator.site.patches import apply_patches
from generator.site.readahead import read_ahead

PARALLEL_WRITE_SAFE = True  # our handlers of the signals sent while several processes write (generator.site.parallel)


def register() -> None:
    """Pelican plugin entry point: apply the patches that fit this Pelican, connect every stage."""
    apply_patches()
    signals.get_generators.connect(run.start_run)
    signals.get_generators.connect(pause_collection)
    signals.generator_init.connect(templates.add_template_helpers)
    signals.generator_init.connect(templates.keep_compiled_templates)
    signals.article_generator_init.connect(read_ahead)
    signals.article_generator_pretaxonomy.connect(addresses.one_story_per_address)
    signals.article_generator_pretaxonomy.connect(context.file_under_dateline_place)
    signals.article_generator_finalized.connect(redirects.point_redirects)
    for step in (context.tag_index, context.place_index, context.period_neighbours, context.link_neighbours,
                 coverage.cover_events, related.relate_stories, feeds.feed_subjects,
                 run.remember_articles):
        signals.article_generator_finalized.connect(step)
    signals.get_writer.connect(writer.writer_class)
    signals.feed_generated.connect(metadata.mark_rss_guids)
    signals.feed_generated.connect(feeds.name_feed)
    signals.article_writer_finalized.connect(writer.join_writers)
    signals.finalized.connect(feeds.write_json_feed_and_opml)
    signals.finalized.connect(search.finish_site)
    signals.finalized.connect(writer.record_page_keys)
    signals.finalized.connect(resume_collection)
