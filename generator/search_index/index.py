"""The search index: postings of every word, shards of it, story cards, filter columns, tags, and how a build
adds stories to it.

Stories are numbered oldest first. The index is a set of parts, each one file (see encoding.as_script):

    meta      the manifest: story count, layout, years (first number of each), sources, tag kinds, aliases
    w<i>      postings shard i: {"t": {word: [stories, last number, postings]}, "n": {word: [[tag, words]]}},
              the words whose hash falls in shard i; postings are (gap to the previous number, weight) pairs
              written with encoding.encode_number; "n" lists the tags whose name ends with the word (see
              offer_keys)
    p<i>      prefix shard i: {first three letters: [words]}, for words that begin with what a reader typed
    d<k>      cards: [url, title, date, source number, place, teaser] of stories k*CARD ... (k+1)*CARD-1
    c<k>      columns: per story of k*COLUMN ... (k+1)*COLUMN-1, its source then tag numbers, encoded
    g<k>      tags k*TAG_BLOCK ... (k+1)*TAG_BLOCK-1: [slug, name, kind, stories]

Numbers of sources and tags are given in order of first use. So when a build only adds stories newer than
all the others, every part it does not touch stays as it was, and the parts it touches are the previous ones with
the new stories added: `IndexBuilder` starts from the previous build's parts (read only when touched) and adds the
new stories; from nothing, it adds all of them. Both give the same files."""

from __future__ import annotations

import bisect
import hashlib
import json
from collections.abc import Callable, Iterable

from generator.search_index.encoding import ENCODED, LAST, SMALL, as_script, encode_number, term_hash
from generator.search_index.stories import IndexedStory, word_weights
from generator.search_index.words import words

FORMAT = 1
CARD, COLUMN, TAG_BLOCK = 10, 1000, 256
KINDS = ("People", "Places", "Organisations", "Topics", "Tags")
PREFIX = 3  # letters a prefix must have before words that begin with it are looked up
MIN_SHARDS, STORIES_PER_SHARD = 16, 32
TAG_URL = "tag/{slug}/index.html"


def layout(stories: int, tag_url: str) -> dict:
    """The shape of an index of that many stories: how many postings and prefix shards (a power of two, so that
    it changes rarely: a build that changes it indexes every story afresh), block sizes, tag page URLs."""
    shards = MIN_SHARDS
    while shards * STORIES_PER_SHARD < stories:
        shards *= 2
    return {"shards": shards, "prefixes": max(MIN_SHARDS // 2, shards // 4), "card": CARD, "column": COLUMN,
            "tagBlock": TAG_BLOCK, "tagUrl": tag_url}


def alias_names(aliases: list[list[str]]) -> dict[tuple[str, ...], list[str]]:
    """The alias groups ([canonical, variant, ...]) by the words of their canonical name."""
    return {tuple(words(group[0])): group for group in aliases}


class IndexBuilder:
    """Adds stories, in order, to an index: empty, or the previous build's (whose parts `load` reads by name)."""

    def __init__(self, settings: dict, aliases: list[list[str]], state: dict | None = None,
                 load: Callable[[str], object] | None = None):
        state = state or {}
        manifest = state.get("manifest", {})
        self.layout = settings
        self.aliases = aliases
        self.named = alias_names(aliases)
        self.stories: list[list[str]] = list(state.get("stories", []))
        self.tags: list[str] = list(state.get("tags", []))
        self.sources: list[list[str]] = list(manifest.get("sources", []))
        self.years: list[list[int]] = [list(year) for year in manifest.get("years", [])]
        self.source_number = {source[0]: index for index, source in enumerate(self.sources)}
        self.tag_number = {slug: index for index, slug in enumerate(self.tags)}
        self.load = load
        self.parts: dict[str, object] = {}
        self.terms: dict[str, list] = {}  # the postings entries of the words met so far, from their shards

    def part(self, name: str, empty: Callable[[], object]) -> object:
        """A part, from the previous build when it has it, else empty; from now on it will be written."""
        if name not in self.parts:
            previous = self.load(name) if self.load else None
            self.parts[name] = previous if previous is not None else empty()
        return self.parts[name]

    def add(self, story: IndexedStory) -> None:
        """Give the story the next number and add it to every part that lists it."""
        number = len(self.stories)
        self.stories.append([story.url, story.stamp])
        year = int(story.when[:4])
        if not self.years or self.years[-1][0] != year:
            self.years.append([year, number])
        source = self.source_of(story)
        tags = [self.tag_of(tag) for tag in story.tags]
        self.part(f"d{number // CARD}", list).append(
            [story.url, story.title, story.date_text, source, story.place, story.teaser])
        self.part(f"c{number // COLUMN}", list).append("".join(encode_number(value) for value in [source, *tags]))
        terms, encoded = self.terms, ENCODED
        for word, weight in word_weights(story).items():  # the hot loop of a full build: kept lean
            entry = terms.get(word) or self.entry(word)
            gap = number - entry[1] - 1
            entry[2] += (encoded[gap] if gap < SMALL else encode_number(gap), LAST[weight])
            entry[0] += 1
            entry[1] = number

    def source_of(self, story: IndexedStory) -> int:
        """The number of the story's source, given on first use."""
        if story.source not in self.source_number:
            self.source_number[story.source] = len(self.sources)
            self.sources.append([story.source, story.source_url, story.source_slug])
        return self.source_number[story.source]

    def tag_of(self, tag) -> int:
        """The number of a tag, given on first use (its name and aliases then point to it); one more story."""
        number = self.tag_number.get(tag.slug)
        if number is None:
            number = self.tag_number[tag.slug] = len(self.tags)
            self.tags.append(tag.slug)
            self.part(f"g{number // TAG_BLOCK}", list).append([tag.slug, tag.name, kind_number(tag.kind), 0])
            for word, need in offer_keys(tag, self.named.get(tuple(words(tag.name)), [])):
                self.shard(word)["n"].setdefault(word, []).append([number, need])
        self.part(f"g{number // TAG_BLOCK}", list)[number % TAG_BLOCK][3] += 1
        return number

    def shard(self, word: str) -> dict:
        """The postings shard that holds a word."""
        return self.part(f"w{term_hash(word) & (self.layout['shards'] - 1)}", lambda: {"t": {}, "n": {}})

    def entry(self, word: str) -> list:
        """The word's postings entry [stories, last number, pieces of postings], from its shard; a new word gets
        an empty one and joins its prefix list."""
        terms = self.shard(word)["t"]
        entry = terms.get(word)
        if entry is None:
            entry = terms[word] = [0, -1, []]
            if len(word) >= PREFIX:
                self.add_prefix(word)
        elif isinstance(entry[2], str):
            entry[2] = [entry[2]]
        self.terms[word] = entry
        return entry

    def add_prefix(self, word: str) -> None:
        """List a word under its first PREFIX letters."""
        key = word[:PREFIX]
        shard = self.part(f"p{term_hash(key) & (self.layout['prefixes'] - 1)}", dict)
        bisect.insort(shard.setdefault(key, []), word)

    def manifest(self) -> dict:
        """What find.js reads first; `version` changes with the stories, so that no browser mixes two builds."""
        version = hashlib.sha256(json.dumps(self.stories).encode("utf-8")).hexdigest()[:12]
        return {"format": FORMAT, **self.layout, "count": len(self.stories), "version": version, "years": self.years,
                "sources": self.sources, "tagCount": len(self.tags), "kinds": list(KINDS), "aliases": self.aliases}

    def state(self) -> dict:
        """What the next build needs to add to this index: the manifest, each story's url and stamp, tag slugs."""
        return {"manifest": self.manifest(), "stories": self.stories, "tags": self.tags}

    def files(self) -> dict[str, str]:
        """The text of every part this build wrote or changed, by name, and of the manifest."""
        texts = {name: as_script(name, finished(data)) for name, data in sorted(self.parts.items())}
        texts["meta"] = as_script("meta", self.manifest())
        return texts


def offer_keys(tag, group: list[str]) -> list[tuple[str, int]]:
    """Where find.js looks for a tag to offer its page: under the last word of its name and of each alias (group:
    [canonical, aliases...]), with how many words that name has, as a reader must type them all; a person also
    under the family name alone ("Lavrov" offers Sergey Lavrov)."""
    spellings = [spelled for spelled in map(words, [tag.name, *group[1:]]) if spelled]
    keys = {(spelled[-1], len(spelled)) for spelled in spellings}
    if tag.kind == "People" and spellings:
        keys.add((spellings[0][-1], 1))
    return sorted(keys)


def kind_number(label: str) -> int:
    """The number of a tag type label in KINDS; unknown labels count as plain tags."""
    return KINDS.index(label) if label in KINDS else len(KINDS) - 1


def finished(data: object) -> object:
    """A part ready for JSON: postings kept as lists of pieces while stories were added joined into strings."""
    if isinstance(data, dict) and "t" in data:
        for entry in data["t"].values():
            if not isinstance(entry[2], str):
                entry[2] = "".join(entry[2])
    return data


def build_index(stories: Iterable[IndexedStory], aliases: list[list[str]], tag_url: str = TAG_URL) -> IndexBuilder:
    """An index of the stories from nothing."""
    ordered = sorted(stories, key=lambda story: story.order)
    builder = IndexBuilder(layout(len(ordered), tag_url), aliases)
    for story in ordered:
        builder.add(story)
    return builder
