"""Full-text search of the stories: an index built here (index, stories, words, encoding, aliases) and read in
the browser by theme/static/js/find.js; `plugin` writes it into each build (a Pelican plugin)."""

from generator.search_index.plugin import register

__all__ = ["register"]
