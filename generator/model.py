"""The article model that every stage passes along: parse -> enrich -> write -> build."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

BlockKind = Literal["paragraph", "subhead", "list", "numbered"]


@dataclass
class Block:
    """One block of the article body, in reading order."""

    kind: BlockKind
    text: str = ""
    items: list[str] = field(default_factory=list)


@dataclass
class Dateline:
    """The dateline as written and what it says: place, region, month/day, agency."""

    raw: str = ""
    place: str | None = None
    region: str | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    agency: str | None = None


@dataclass(frozen=True)
class StatedDate:
    """A date the text states besides the dateline's own (a `Published ...` line, a byline with a date, the
    sign-off): the year (None when unwritten) and where it was found (the `date_source` it gives)."""

    year: int | None
    month: int
    day: int
    source: str


@dataclass
class Tags:
    """Typed entities found in an article, each list ranked by salience."""

    people: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    ranked: list[str] = field(default_factory=list)
    dateline_place: str | None = None  # the dateline's place under its tag name ("KIEV" -> "Kyiv")


@dataclass
class Article:
    """A parsed wire story; enrich fills date, slug and tags."""

    seed: Path
    headline: str
    lede: str | None
    dateline: Dateline
    body: list[Block]
    headline_original: str | None = None
    byline: str | None = None
    signoff: str | None = None
    credits: str | None = None
    agency: str | None = None
    stated_date: StatedDate | None = None
    time: dt.time | None = None  # the filing time a line at the top states in GMT/UTC (`Published ... 14:06 GMT`)
    date: dt.date | None = None
    date_source: str | None = None
    slug: str | None = None
    tags: Tags = field(default_factory=Tags)
    overrides: dict = field(default_factory=dict)
    defaults: dict = field(default_factory=dict)  # folder defaults for the fields the story leaves empty
    warnings: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        """The body paragraphs, subheads and lists left out."""
        return [block.text for block in self.body if block.kind == "paragraph"]
