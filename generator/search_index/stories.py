"""What the search index knows of a story (IndexedStory), made from a Pelican article, and its words' weights."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from generator.search_index.words import words
from generator.story_text import plain_text

# BM25F: a word's count in each part of a story, weighted by the part, saturates as in BM25 (K1, B) against the
# story's length over a fixed PIVOT, so that a story's weights depend on that story alone: adding a story changes
# no other story's postings. The browser multiplies a weight by the word's rarity over the whole site (IDF).
TITLE_WEIGHT, TAG_WEIGHT, LEDE_WEIGHT, BODY_WEIGHT = 5, 3, 2, 1
K1, B, PIVOT = 1.2, 0.75, 500
WEIGHT_LEVELS = 31  # a weight is stored as one character: 1..31
TEASER_CHARS = 160


@dataclass(frozen=True)
class StoryTag:
    """One tag of a story: its name, slug, type label (People, Places, Organisations, Topics, Tags) and page."""

    name: str
    slug: str
    kind: str
    url: str


@dataclass(frozen=True)
class IndexedStory:
    """A story as the search index sees it. `stamp` changes whenever anything else here may have changed."""

    url: str
    when: str  # ISO date and time: stories are numbered in this order, then by url
    date_text: str
    title: str
    lede: str
    body: str
    teaser: str
    source: str
    source_url: str
    source_slug: str
    place: str
    tags: tuple[StoryTag, ...]
    stamp: str

    @property
    def order(self) -> tuple[str, str]:
        """Where the story goes among the others: oldest first, then by url."""
        return self.when, self.url


def story_from_article(article, stamp: str) -> IndexedStory:
    """The IndexedStory of a Pelican article of our reader, with its stamp (see story_stamp)."""
    tags = []
    for label, members in article.tag_groups:
        tags += [StoryTag(tag.name, tag.slug, label, tag.url) for tag in members]
    return IndexedStory(
        url=article.url, when=article.date.isoformat(), date_text=article.locale_date,
        title=Markup(article.title).unescape(), lede=getattr(article, "lede", None) or "",
        body=plain_text(article._content), teaser=short(getattr(article, "teaser", None) or ""),
        source=article.author.name, source_url=article.author.url, source_slug=article.author.slug, place=str(getattr(article, "place", None) or ""),
        tags=tuple(unique_tags(tags)), stamp=stamp)


def story_stamp(article, source_hash: str) -> str:
    """What a story's entry in the index is made from, hashed: its source file's hash (`source_hash`), URL, date
    and tags (the build adds its dateline place). Settings and code are not in it: a build that changes them
    indexes every story afresh."""
    tags = [(label, tag.slug) for label, members in article.tag_groups for tag in members]
    text = repr((source_hash, article.url, article.date.isoformat(), tags))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def short(text: str) -> str:
    """At most TEASER_CHARS characters of text, cut at a word, with an ellipsis when cut."""
    if len(text) <= TEASER_CHARS:
        return text
    return text[:TEASER_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def unique_tags(tags: list[StoryTag]) -> list[StoryTag]:
    """The tags with a repeated slug left out, in order."""
    seen: set[str] = set()
    return [tag for tag in tags if not (tag.slug in seen or seen.add(tag.slug))]


def word_weights(story: IndexedStory, acronyms: Callable[[str], list[str]] = lambda text: []) -> dict[str, int]:
    """Every word of the story (headline, lede, body and its tags' names) with its weight, 1..WEIGHT_LEVELS, and
    the terms `acronyms` finds in its headline, lede and body (aliases.acronym_finder) weighted as words there."""
    title, lede, body = words(story.title), words(story.lede), words(story.body)
    counts = Counter(body)
    counts.update(acronyms(story.body))
    for part, weight in ((title, TITLE_WEIGHT), (lede, LEDE_WEIGHT), ([w for tag in story.tags for w in words(tag.name)], TAG_WEIGHT),
                         (acronyms(story.title), TITLE_WEIGHT), (acronyms(story.lede), LEDE_WEIGHT)):
        for word in part:
            counts[word] += weight
    norm = K1 * (1 - B + B * (len(title) + len(lede) + len(body)) / PIVOT)
    levels = {count: level(count * (K1 + 1) / (count + norm)) for count in set(counts.values())}
    return {word: levels[count] for word, count in counts.items()}


def level(saturated: float) -> int:
    """A saturated weight (0 to K1 + 1) as one of WEIGHT_LEVELS steps, never 0 (a posting always counts)."""
    return max(1, min(WEIGHT_LEVELS, round(saturated / (K1 + 1) * WEIGHT_LEVELS)))
