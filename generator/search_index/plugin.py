"""Pelican plugin: once every page is written, write the search index into the build (SEARCH_DATA_PATH).

A build that only adds stories newer than all the others (a day's news) adds them to the previous build's index
and links every file it did not change; any other change (an edit, a removal, a story dated earlier, another
layout or alias list) indexes every story afresh. See generator.search_index.index."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from pelican import signals

from generator.files import SafeWriter
from generator.search_index.aliases import alias_groups, aliases_path
from generator.search_index.encoding import from_script
from generator.search_index.index import FORMAT, TAG_URL, IndexBuilder, build_index, layout
from generator.search_index.stories import story_from_article, story_stamp
from generator.site.reuse import PageKeys, link_previous, sibling_records
from generator.site.run import run_of

logger = logging.getLogger(__name__)
DATA_PATH = "search/data"
STATE_RECORD = "search"  # the index's state: a record beside output/ (generator.site.reuse.sibling_records)


class PreviousIndex:
    """The index of the build being replaced: its state and its parts, read on demand."""

    def __init__(self, folder: Path, state_file: Path | None):
        self.folder = folder
        try:
            self.state = json.loads(state_file.read_text(encoding="utf-8")) if state_file else {}
        except (OSError, ValueError):
            self.state = {}

    def load(self, name: str) -> object:
        """The data of one part, None when the previous build has no such part."""
        path = self.folder / f"{name}.js"
        if not path.is_file():
            return None
        found, data = from_script(path.read_text(encoding="utf-8"))
        if found != name:
            raise ValueError(f"{path}: holds part {found!r}")
        return data

    def extends_to(self, articles: list, stamps: list[str], settings: dict, aliases: list) -> int | None:
        """How many of the (ordered) stories the previous index holds, unchanged and numbered as now, when the
        others can simply be added to it; None when the index must be made afresh."""
        state = self.state
        manifest = state.get("manifest", {})
        known = state.get("stories") or []
        if manifest.get("format") != FORMAT or manifest.get("aliases") != aliases or len(known) > len(articles):
            return None
        if any(manifest.get(key) != value for key, value in settings.items()):
            return None
        if any(known[index] != [articles[index].url, stamps[index]] for index in range(len(known))):
            return None
        return len(known)


def write_search_index(pelican) -> None:
    """Pelican's finalized: write (or extend) the search index of the run's stories."""
    run = run_of(pelican.settings)
    if run.articles is not None:
        index_stories(run.articles, getattr(run.writer, "pages", None))


def index_stories(generator, pages: PageKeys | None) -> None:
    """Write the search index of the generator's stories into its output, from the previous build's (`pages`
    knows it: generator.site.reuse) when it can."""
    settings = generator.settings
    output = Path(generator.output_path)
    folder = settings.get("SEARCH_DATA_PATH", DATA_PATH)
    aliases = alias_groups(aliases_path(settings), search=True)
    articles = sorted(generator.articles, key=lambda article: (article.date.isoformat(), article.url))
    stamps = [story_stamp(article, source_hash(pages, article)) for article in articles]
    shape = layout(len(articles), settings.get("TAG_URL", TAG_URL))
    old = pages.previous if pages is not None else None
    old_state, new_state = sibling_records(settings, STATE_RECORD)
    previous = PreviousIndex(old / folder, old_state) if old is not None else None
    builder = extended(previous, articles, stamps, shape, aliases) if previous else None
    if builder is None:
        builder = build_index((story_from_article(a, s) for a, s in zip(articles, stamps)), aliases, shape["tagUrl"])
    save(output, folder, builder, previous.folder if previous and builder.load else None, new_state)


def extended(previous: PreviousIndex, articles: list, stamps: list[str], shape: dict, aliases: list) -> IndexBuilder | None:
    """The previous index with the stories it lacks added, when it holds the others as they are now; None when
    it cannot be extended (see PreviousIndex.extends_to) or a part of it cannot be read."""
    kept = previous.extends_to(articles, stamps, shape, aliases)
    if kept is None:
        return None
    builder = IndexBuilder(shape, aliases, previous.state, previous.load)
    try:
        for article, stamp in zip(articles[kept:], stamps[kept:]):
            builder.add(story_from_article(article, stamp))
    except (OSError, ValueError, KeyError, IndexError, TypeError) as error:
        logger.warning("search index: the previous build's cannot be extended (%s); indexing every story", error)
        return None
    return builder


def save(output: Path, folder: str, builder: IndexBuilder, previous: Path | None, state: Path | None) -> None:
    """Write the parts the builder touched, and the state where the build keeps its records (none in a build that
    keeps none: the next one indexes afresh); link the previous build's other parts."""
    files = SafeWriter(output)
    texts = builder.files()
    for name, text in texts.items():
        files.write_text(f"{folder}/{name}.js", text)
    if previous is not None and previous.is_dir():
        for path in previous.glob("*.js"):
            if path.stem not in texts:
                link_previous(path, output / folder / path.name)
    if state is not None:
        state.write_text(json.dumps(builder.state(), separators=(",", ":")) + "\n", encoding="utf-8")


def source_hash(pages: PageKeys | None, article) -> str:
    """The hash of a story's source file: the build's own (see generator.site.reuse.Fingerprints), or made here."""
    if pages is not None:
        return pages.fingerprints.source(article.source_path)
    return hashlib.md5(Path(article.source_path).read_bytes()).hexdigest()


def register() -> None:
    """Pelican plugin entry point."""
    signals.finalized.connect(write_search_index)
