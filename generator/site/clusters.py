"""Coverage clusters: the stories about one event, from any agency, grouped, each group led by its fullest version.

An event is one happening (a statement, an accident, a decision), not a topic or a speaker. Two stories are
linked when they were filed at most `WINDOW_DAYS` calendar days apart and tell the same happening:

* What happened is told by a story's content words: headline, lede and body, lower-cased, numbers kept (`1,500`
  and `1500` agree), less English stop words, wire furniture (agency names, weekdays, months) and the words of
  speaking (titles such as minister or spokesman, said, told, news conference). The names of the story's people
  are left out too: distinct stories from one press conference or interview share their speaker and setting,
  and differ in what was said. Counts are damped (1 + log tf) and each story's vector has unit length
  (scikit-learn's HashingVectorizer and TfidfTransformer, without IDF), so no weight depends on other stories
  and whether two stories are linked is decided by those two alone.
* A pair of stories from two agencies (or of unknown agency) is linked when the cosine of their vectors reaches
  `SAME_EVENT` and they share a particular: a proper name, a word capitalised inside a sentence of the body
  (the river, the vessel, the company, the town, the accused; not an abbreviation such as `U.S.`), or a precise
  number (three digits or more, such as a new interest rate of 16.25, not a round hundred nor a year).
  Agencies tell one event in their own words, so its versions meet on its particular words, names and figures;
  stories that share a market or a topic share the common words of their kind and, often, no particular.
* A pair filed on different days needs `SAME_EVENT_LATER`: by then the news has moved on, and reports that recur
  (markets, weather) share their vocabulary from one day to the next, which would chain a season of them into one
  cluster.
* A pair from one agency is linked only when the cosine reaches `SAME_TEXT`: a re-send, a correction or an
  updated version, which repeat most of the words. An agency files one story per happening; two of its stories
  that share less are two happenings: two parts of one news conference, two days' market reports, two storms
  under one headline.

Clusters are the connected groups of linked stories (scipy's connected_components). Adding a story adds links
to that story only, so it can change no cluster it is not linked to: it joins one cluster, joins the clusters
it links, or stands alone. The lead of a cluster is its fullest version: the most words; among equals the
earliest filed (date, then time where known, then key), so a re-send never displaces the original. A cluster's
id is its lead's key (the story's slug), never a number that depends on other clusters.

Because a link depends on its two stories alone, an incremental rebuild need not compare everything again:
add_stories() compares new stories with those filed within the window of them and merges the clusters they
link, remove_stories() forms again only the clusters that held a removed story; both give what cluster_stories()
gives on all the stories.

Stories are compared only with those filed within the window (stories sorted by date, one sparse product per
block of days against the days up to the window's end), so the work grows with the number of stories times
the stories of a few days, not with the square of the site.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from generator.agencies import AGENCIES
from generator.filed import filing_time, time_in_text

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

WINDOW_DAYS = 2
SAME_EVENT = 0.25
SAME_EVENT_LATER = 0.4
SAME_TEXT = 0.6
HASH_FEATURES = 2**20
BLOCK_ROWS = 256  # stories whose products are taken at once: whole days, at least this many
# Words of every wire story: agency names (from the agency table), furniture, days and months.
WIRE_WORDS = frozenset(word for alias in AGENCIES for word in re.split(r"[\s-]+", alias)) | frozenset(
    "agency agencies news copyright "
    "reporting editing writing additional share monday tuesday wednesday thursday friday saturday sunday today "
    "tonight yesterday tomorrow week year gmt utc january february march april may june july august september october "
    "november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Words of speaking: who spoke and where, said by every story of one news conference.
SPEAKING_WORDS = frozenset(
    "said says say saying told tell telling added adding stressed noted announced declared disclosed reiterated "
    "urged answering asked speaking remarks statement statements conference briefing interview journalists "
    "reporters question questions minister ministers ministry president presidential premier prime spokesman "
    "spokeswoman spokesperson deputy secretary chairman official officials government foreign".split()
)
# Nouns in scikit-learn's English stop words that can name what happened.
EVENT_NOUNS = frozenset({"bill", "fire", "interest", "system", "mill"})
_TOKEN = re.compile(r"\w[\w.]*\w")
_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f](?=\d{3}\b)")
_NUMBER = re.compile(r"(?<![\w.])(?=(?:\d\.?){3})\d+(?:\.\d+)?(?![\w.]\d)")
_YEAR = re.compile(r"(19|20)\d\d")
_POSSESSIVE = re.compile(r"['\u2019]s$")
# A capitalised word inside a sentence: after a letter, digit, comma, semicolon or bracket and one space.
_NAME_IN_SENTENCE = re.compile(r"(?<=[\w,;)] )[A-Z][\w'\u2019.-]*\w")


@dataclass(frozen=True)
class Story:
    """What clustering needs of a story: a unique key (its slug), text, filing date and time, agency."""

    key: str
    title: str
    text: str
    date: dt.date
    source: str | None = None
    time: dt.time | None = None
    people: tuple[str, ...] = ()  # people named (tagged) in the story: their names are not compared
    words: int | None = None  # counted from text when not given

    def __post_init__(self) -> None:
        if self.words is None:
            object.__setattr__(self, "words", len(self.text.split()))

    @property
    def filed(self) -> tuple[dt.date, bool, dt.time, str]:
        """Sort key, earliest first: date, a known time before an unknown one, time, key."""
        return (self.date, self.time is None, self.time or dt.time(), self.key)


@dataclass(frozen=True)
class Cluster:
    """The stories of one event: its lead (the fullest version) and the other versions, earliest filed first."""

    lead: Story
    others: tuple[Story, ...] = ()
    id: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", self.lead.key)

    @property
    def stories(self) -> tuple[Story, ...]:
        """The lead, then the other versions."""
        return (self.lead, *self.others)

    @property
    def agencies(self) -> tuple[str, ...]:
        """The distinct agencies that told the event, the lead's first."""
        return tuple(dict.fromkeys(story.source for story in self.stories if story.source))


def lead_key(story: Story) -> tuple:
    """Sort key putting the lead first: most words, then earliest filed."""
    return (-story.words, story.filed)


def make_cluster(members: Iterable[Story]) -> Cluster:
    """A cluster of these stories: the fullest one leads, the others follow in filing order."""
    lead, *others = sorted(members, key=lead_key)
    return Cluster(lead, tuple(sorted(others, key=lambda story: story.filed)))


def cluster_stories(stories: Iterable[Story]) -> list[Cluster]:
    """Every story in exactly one cluster; clusters in the filing order of their leads."""
    ordered = _in_filing_order(stories)
    return _group(ordered, _links(ordered))


def add_stories(clusters: Iterable[Cluster], new: Iterable[Story]) -> list[Cluster]:
    """The clusters of the old stories and the new ones, equal to cluster_stories() of them all, comparing only the
    new stories with those filed within the window of them: an incremental rebuild's clusters."""
    from scipy.sparse import coo_matrix

    clusters, new = list(clusters), list(new)
    ordered = _in_filing_order([*(story for cluster in clusters for story in cluster.stories), *new])
    at = {story.key: index for index, story in enumerate(ordered)}
    new_keys = {story.key for story in new}
    new_days = sorted({story.date.toordinal() for story in new})
    near = [story for story in ordered if story.key in new_keys or _near_any(story.date.toordinal(), new_days)]
    links = _links(near).tocoo()
    rows = [at[near[index].key] for index in links.row.tolist()]
    cols = [at[near[index].key] for index in links.col.tolist()]
    for cluster in clusters:  # what the old stories' links made of them stands
        rows.extend(at[cluster.lead.key] for _ in cluster.others)
        cols.extend(at[story.key] for story in cluster.others)
    size = len(ordered)
    return _group(ordered, coo_matrix(([1] * len(rows), (rows, cols)), shape=(size, size)).tocsr())


def remove_stories(clusters: Iterable[Cluster], keys: Iterable[str]) -> list[Cluster]:
    """The clusters without the stories of these keys, equal to cluster_stories() of the rest: only the clusters
    that held one are formed again, from their remaining stories (an edited story is removed, then added)."""
    keys = set(keys)
    kept, remaining = [], []
    for cluster in clusters:
        if any(story.key in keys for story in cluster.stories):
            remaining.extend(story for story in cluster.stories if story.key not in keys)
        else:
            kept.append(cluster)
    return sorted([*kept, *cluster_stories(remaining)], key=lambda cluster: cluster.lead.filed)


def _in_filing_order(stories: Iterable[Story]) -> list[Story]:
    ordered = sorted(stories, key=lambda story: story.filed)
    _check_unique_keys(ordered)
    return ordered


def _near_any(day: int, days: Sequence[int]) -> bool:
    """Whether day is within WINDOW_DAYS of one of the sorted days."""
    at = bisect.bisect_left(days, day - WINDOW_DAYS)
    return at < len(days) and days[at] <= day + WINDOW_DAYS


def _group(ordered: Sequence[Story], links: csr_matrix) -> list[Cluster]:
    """The clusters of the connected groups of a link graph over the stories; in the filing order of their leads."""
    if not ordered:
        return []
    from scipy.sparse.csgraph import connected_components

    _, labels = connected_components(links, directed=False)
    groups: dict[int, list[Story]] = defaultdict(list)
    for story, label in zip(ordered, labels.tolist()):
        groups[label].append(story)
    return sorted((make_cluster(group) for group in groups.values()), key=lambda cluster: cluster.lead.filed)


def _check_unique_keys(stories: Sequence[Story]) -> None:
    seen: set[str] = set()
    for story in stories:
        if story.key in seen:
            raise ValueError(f"two stories have the key {story.key!r}; cluster ids need unique keys")
        seen.add(story.key)


def _links(stories: Sequence[Story]) -> csr_matrix:
    """The adjacency of linked pairs (row < column) among stories sorted by date."""
    import numpy as np
    from scipy.sparse import coo_matrix

    if not stories:
        return coo_matrix((0, 0)).tocsr()
    vectors = vectorise([content_words(story) for story in stories])
    marks = vectorise([sorted(particulars(story)) for story in stories])
    days = np.array([story.date.toordinal() for story in stories])
    agency_codes: dict[str, int] = {}
    agencies = np.array([agency_codes.setdefault(story.source.casefold(), len(agency_codes)) if story.source else -1
                         for story in stories])
    rows, cols = [], []
    for first, last, reach in _blocks(days):
        block = (vectors[first:last] @ vectors[first:reach].T).tocoo()
        row, col = block.row + first, block.col + first
        keep = (col > row) & (block.data >= SAME_EVENT) & (days[col] - days[row] <= WINDOW_DAYS)
        row, col, cosine = row[keep], col[keep], block.data[keep]
        one_agency = (agencies[row] == agencies[col]) & (agencies[row] >= 0)
        enough = np.where(days[row] == days[col], SAME_EVENT, SAME_EVENT_LATER)
        linked = cosine >= SAME_TEXT
        ask = ~linked & ~one_agency & (cosine >= enough)  # these need a shared name or precise number
        linked[ask] = np.asarray(marks[row[ask]].multiply(marks[col[ask]]).sum(axis=1)).ravel() > 0
        rows.append(row[linked])
        cols.append(col[linked])
    row, col = (np.concatenate(parts) if parts else np.zeros(0, dtype=int) for parts in (rows, cols))
    return coo_matrix((np.ones(len(row)), (row, col)), shape=(len(stories), len(stories))).tocsr()


def _blocks(days: Sequence[int]) -> Iterable[tuple[int, int, int]]:
    """Blocks of whole days of a day-sorted list, each of BLOCK_ROWS stories or more (or the rest):
    (first index, end of the block, end of the window after its last day)."""
    first = reach = 0
    while first < len(days):
        last = min(first + BLOCK_ROWS, len(days))
        while last < len(days) and days[last] == days[last - 1]:
            last += 1
        reach = max(reach, last)
        while reach < len(days) and days[reach] <= days[last - 1] + WINDOW_DAYS:
            reach += 1
        yield first, last, reach
        first = last


@cache
def stop_words() -> frozenset[str]:
    """Words never compared: scikit-learn's English stop words less EVENT_NOUNS, wire and speaking words."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return (ENGLISH_STOP_WORDS - EVENT_NOUNS) | WIRE_WORDS | SPEAKING_WORDS


def _people_words(story: Story) -> set[str]:
    return {word for person in story.people for word in _TOKEN.findall(person.lower())}


def content_words(story: Story) -> list[str]:
    """The words compared: headline and text, lower-cased, less stop, furniture and speaking words and people."""
    skip = stop_words() | _people_words(story)
    text = _THOUSANDS.sub("", f"{story.title}\n{story.text}".lower())
    return [word for word in _TOKEN.findall(text) if word not in skip]


def particulars(story: Story) -> frozenset[str]:
    """What belongs to one event rather than to a kind of story: its proper names and its precise numbers."""
    return proper_names(story) | precise_numbers(story)


def proper_names(story: Story) -> frozenset[str]:
    """Words capitalised inside a sentence of the text, lower-cased, possessive `'s` dropped, less abbreviations
    (`U.S.`) and words never compared."""
    found = (_POSSESSIVE.sub("", word.lower()) for word in _NAME_IN_SENTENCE.findall(story.text))
    return frozenset(word for word in found if word not in stop_words() and "." not in word)


def precise_numbers(story: Story) -> frozenset[str]:
    """Numbers of the text precise enough to tell an event (16.25, 164, 52000): three digits or more, not a round
    hundred nor a year (1900-2099) unless it has decimals."""
    text = _THOUSANDS.sub("", story.text)
    return frozenset(number for number in _NUMBER.findall(text)
                     if "." in number or not (number.endswith("00") or _YEAR.fullmatch(number)))


def vectorise(texts: Sequence[Sequence[str]]) -> csr_matrix:
    """Unit-length rows of damped word counts, one a list of words; each row depends on its own words alone."""
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

    hashing = HashingVectorizer(n_features=HASH_FEATURES, alternate_sign=False, norm=None, analyzer=_as_given)
    return TfidfTransformer(use_idf=False, sublinear_tf=True).fit_transform(hashing.transform(texts)).tocsr()


def _as_given(words: Sequence[str]) -> Sequence[str]:
    return words


def story_from_fields(key: str, fields: Mapping, body: str) -> Story:
    """A Story from a content file's front matter (or a Pelican article's metadata) and its Markdown body.

    The time is the `time` field's, else a datetime's time of day when it is not midnight, else the first GMT
    or UTC time of the text (generator.filed)."""
    date = fields["date"]
    text = "\n".join(filter(None, (fields.get("summary"), body)))
    time = filing_time(fields.get("time"))
    if isinstance(date, dt.datetime):
        time = time or (date.time() if date.time() != dt.time() else None)
        date = date.date()
    return Story(key=key, title=str(fields.get("title") or ""), text=text, date=date, source=fields.get("source"),
                 time=time or time_in_text(text), people=tuple(str(person) for person in fields.get("people") or ()))
