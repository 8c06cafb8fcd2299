"""Re-sends and updates: the same agency's story filed more than once, found so that the site shows it once.

A re-send is the same agency's story filed again: at least nine words in ten in common (counted with repeats,
over the headline, lede and body), however it is wrapped or what page furniture came with it. An update is a
later version: a desk label on the headline (`UPDATE 2-`, `REFILE-`, `CORRECTED-`, `(LEAD)`) with most of the
earlier version's words, or the same headline and place re-filed with more text. Two stories that only share a
headline, or the same event told by two agencies, are never one story; nor are two whose headlines have less than
half their words in common, or texts too short to tell a copy from a shared template.

Each story is a Filing: what comparing needs, made from its front matter and body, whether the story was just
parsed or is a content file an earlier run wrote. Filings are compared only with those of the same agency that
share one of their rarest words or their headline, so finding the groups is not quadratic in the seeds."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.headline import version_rank

RESEND_SHARE = 0.9  # words in common over the longer story's words: a re-send
UPDATE_SHARE = 0.6  # the earlier version's words found in a labelled later one
MORE_TEXT = 1.05  # a re-filed story with the same headline and place and this much more text is an update
UPDATE_DAYS = 2  # versions of one story are filed within days of each other
MIN_WORDS = 25  # a shorter text is not compared: too few words to tell a copy from a shared template
HEADLINE_SHARE = 0.5  # the headline words that versions and copies of one story have in common, at least
RARE_WORDS = 6  # a filing is indexed under its agency and this many of its rarest words
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Filing:
    """One story as comparing needs it: its key (the seed path), agency, headline words, version rank, place,
    date and time, and its words with their counts."""

    key: str
    agency: str
    headline: str
    rank: int
    place: str
    date: dt.date
    time: str
    words: Counter = field(repr=False)

    @property
    def size(self) -> int:
        return sum(self.words.values())

    def order(self) -> tuple:
        """Filing order: date, time (none last), version rank, length, then the key without its suffix (a copy's
        name is often the first's with something added: `x.txt`, `x-2.txt`)."""
        return self.date, self.time or "99:99", self.rank, self.size, self.key.rsplit(".", 1)[0], self.key


def words_of(text: str) -> list[str]:
    """The text's words, lower case, without punctuation."""
    return _WORD.findall(text.lower())


def filing(key: str, fields: dict, body: str) -> Filing | None:
    """A Filing from a story's front matter and Markdown body; None when it has no date to compare by. Stories of
    no known agency are compared with each other (the same text saved twice is one story whoever sent it)."""
    agency, date = str(fields.get("source") or "").strip().lower() or "(no agency)", fields.get("date")
    if not isinstance(date, dt.date):
        return None
    title = str(fields.get("title") or "")
    text = " ".join([title, str(fields.get("summary") or ""), body])
    return Filing(key=key, agency=agency, headline=" ".join(words_of(title)),
                  rank=version_rank(str(fields.get("title_original") or title)),
                  place=str(fields.get("place") or "").lower(),
                  date=date.date() if isinstance(date, dt.datetime) else date,
                  time=str(fields.get("time") or ""), words=Counter(words_of(text)))


def relation(one: Filing, other: Filing) -> str | None:
    """`resend`, `update` or None for two filings."""
    if one.agency != other.agency or abs((one.date - other.date).days) > UPDATE_DAYS:
        return None
    shorter, longer = sorted((one.size, other.size))
    titles = sorted((set(one.headline.split()), set(other.headline.split())), key=len)
    if shorter < MIN_WORDS or len(titles[0] & titles[1]) < HEADLINE_SHARE * len(titles[0]):
        return None
    common = sum((one.words & other.words).values())
    same_top = one.headline == other.headline and one.place == other.place
    if one.rank != other.rank and common >= UPDATE_SHARE * shorter:
        return "update"
    if same_top and longer >= MORE_TEXT * shorter and common >= RESEND_SHARE * shorter:
        return "update"
    if common >= RESEND_SHARE * longer:
        return "resend"
    return None


@dataclass
class Group:
    """Filings that are one story: the one whose text is shown (`kept`), the others, and whether a later version
    replaced an earlier one (`updated`)."""

    members: list[Filing]
    updated: bool

    @property
    def first(self) -> Filing:
        return self.members[0]

    @property
    def kept(self) -> Filing:
        """An update's latest version; a re-send's first filing."""
        return self.members[-1] if self.updated else self.members[0]

    @property
    def others(self) -> list[Filing]:
        return [member for member in self.members if member is not self.kept]


def candidate_pairs(filings: list[Filing]) -> set[tuple[int, int]]:
    """Pairs of filings worth comparing: the same agency, and the same headline or one of the rarest words of
    either (a story with nine in ten of another's words has that one's rarest words)."""
    postings: dict[tuple, list[int]] = defaultdict(list)
    for index, one in enumerate(filings):
        postings[(one.agency, "headline", one.headline)].append(index)
        for word in one.words:
            postings[(one.agency, word)].append(index)
    pairs = set()
    for index, one in enumerate(filings):
        rare = sorted((word for word in one.words if len(word) > 3 and not word.isdigit()),
                      key=lambda word: (len(postings[(one.agency, word)]), word))[:RARE_WORDS]
        for key in [(one.agency, "headline", one.headline), *((one.agency, word) for word in rare)]:
            pairs.update((min(index, other), max(index, other)) for other in postings[key] if other != index)
    return pairs


def find_groups(filings: Iterable[Filing]) -> list[Group]:
    """The groups of two or more filings that are one story (re-sends and versions), members in filing order."""
    filings = list(filings)
    parent = list(range(len(filings)))
    updated: set[int] = set()

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    links = []
    for a, b in sorted(candidate_pairs(filings)):
        kind = relation(filings[a], filings[b])
        if kind:
            links.append((a, b, kind))
            parent[root(a)] = root(b)
    for a, _, kind in links:
        if kind == "update":
            updated.add(root(a))
    grouped: dict[int, list[Filing]] = defaultdict(list)
    for index, one in enumerate(filings):
        grouped[root(index)].append(one)
    return [Group(sorted(members, key=Filing.order), top in updated)
            for top, members in grouped.items() if len(members) > 1]
