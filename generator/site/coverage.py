"""Coverage of events on the site: the stories of one event grouped into a cluster (generator.site.clusters),
every list showing an event once, every story linking the other versions of its event.

`cover_events` (Pelican's article_generator_finalized) gives each story `coverage` (its event: the stories,
the fullest first, and the event's rank in day order) and `other_coverage` (the other versions, each with its
agency and filing time, for its page). `list_items` turns any list of stories into the items a list page
shows: one per event, its fullest version in the list as the headline, every other version under it, on the
headline's day; days newest first, a day's events in day order (generator.site.day_order).

Clusters are kept between builds beside Pelican's read cache (CLUSTER_CACHE): a story whose text, date, time,
agency and people are unchanged keeps its cluster, and only the new or changed stories are compared, with the
stories filed near them (add_stories); a rebuild that changes no story imports no clustering library."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from markupsafe import Markup

from generator.files import read_json_object, write_atomically
from generator.site.clusters import Cluster, Story, add_stories, cluster_stories, make_cluster
from generator.site.day_order import order_day
from generator.filed import filing_time, time_in_text
from generator.story_text import plain_text, without_dateline

CLUSTER_CACHE = "clusters.json"  # in CACHE_PATH, whose folder changes with the code and settings
CACHE_VERSION = 1


@dataclass(eq=False)
class Coverage:
    """The stories of one event on the site: the lead (its fullest version) first, then the others in filing
    order; `rank` orders events within a day (lower first)."""

    id: str
    stories: list
    agencies: tuple[str, ...]
    rank: int


class ListItem(NamedTuple):
    """One entry of a list page: an event shown once."""

    story: object  # the headline: the fullest of the event's stories in the list
    others: tuple  # every other version of the event, in the list or not, the lead first
    day: dt.date  # the headline's day, under which the list shows the item
    listed: int  # how many of the list's stories the item stands for


def cover_events(generator) -> None:
    """Cluster the site's stories and give each its `coverage` and `other_coverage` (see the module)."""
    articles = {story_key(article): article for article in generator.articles}
    stories = [story_of(article) for article in generator.articles]
    clusters = clusters_of(stories, cache_file(generator.settings))
    for rank, cluster in enumerate(order_day(clusters)):
        members = [articles[story.key] for story in cluster.stories]
        coverage = Coverage(cluster.id, members, cluster.agencies, rank)
        for article in members:
            article.coverage = coverage
            article.other_coverage = [(other, agency_of(other), filed_label(other))
                                      for other in members if other is not article]


def story_key(article) -> str:
    """A story's key among clusters: its URL, unique on the site."""
    return article.url


def agency_of(article) -> str:
    """The agency that filed a story (its `source`, which is also its Pelican author)."""
    return str(getattr(article, "source", None) or article.author.name)


def story_of(article) -> Story:
    """What clustering needs of a Pelican story: headline, lede and body as plain text, date, filing time,
    agency and people. The time is the front matter's `time`, else the first GMT time of the text."""
    text = "\n".join(filter(None, (getattr(article, "lede", None), plain_text(without_dateline(article.content)))))
    time = filing_time(getattr(article, "time", None)) or time_in_text(text)
    people = tuple(str(person) for person in getattr(article, "people", None) or ())
    return Story(key=story_key(article), title=Markup(article.title).unescape(), text=text, date=article.date.date(),
                 source=agency_of(article), time=time, people=people)


def filed_label(article) -> str | None:
    """`14:06 GMT` when the story's front matter gives its filing time, else None."""
    time = filing_time(getattr(article, "time", None))
    return f"{time:%H:%M} GMT" if time else None


# ---- clusters kept between builds ------------------------------------------------------------------------------

def cache_file(settings: dict) -> Path | None:
    """Where the clusters are kept: beside the read cache, when the build keeps one (generator.build does)."""
    if settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE") and settings.get("CACHE_PATH"):
        return Path(settings["CACHE_PATH"]) / CLUSTER_CACHE
    return None


def clusters_of(stories: list[Story], cache: Path | None) -> list[Cluster]:
    """The clusters of the stories: those of the cache file kept where none of their stories changed, the new and
    changed stories added (equal to cluster_stories of them all); the cache file updated."""
    prints = {story.key: fingerprint(story) for story in stories}
    known = read_json_object(cache) if cache else {}
    if known.get("version") != CACHE_VERSION:
        known = {}
    old_prints = known.get("stories") or {}
    fresh = [story for story in stories if old_prints.get(story.key) != prints[story.key]]
    if len(fresh) == len(stories):
        clusters = cluster_stories(stories)
    else:
        unchanged = {story.key: story for story in stories if old_prints.get(story.key) == prints[story.key]}
        kept, broken = kept_clusters(known.get("clusters") or [], unchanged)
        clusters = kept + (cluster_stories(broken) if broken else [])
        clusters = add_stories(clusters, fresh) if fresh else clusters
    if cache and (fresh or set(old_prints) != set(prints)):
        save_clusters(cache, prints, clusters)
    return clusters


def kept_clusters(groups: list[list[str]], unchanged: dict[str, Story]) -> tuple[list[Cluster], list[Story]]:
    """The cached clusters whose stories are all unchanged (stories in no cached group stand alone), and the
    unchanged stories of the other groups, to be clustered again."""
    kept, broken, grouped = [], [], set()
    for keys in groups:
        grouped.update(keys)
        members = [unchanged[key] for key in keys if key in unchanged]
        if len(members) == len(keys):
            kept.append(make_cluster(members))
        else:
            broken.extend(members)
    kept.extend(make_cluster([story]) for key, story in unchanged.items() if key not in grouped)
    return kept, broken


def save_clusters(cache: Path, prints: dict[str, str], clusters: list[Cluster]) -> None:
    """Keep each story's fingerprint and the clusters of more than one story."""
    groups = sorted(sorted(story.key for story in cluster.stories) for cluster in clusters if cluster.others)
    data = {"version": CACHE_VERSION, "stories": prints, "clusters": groups}
    write_atomically(cache, json.dumps(data, separators=(",", ":"), sort_keys=True).encode("utf-8"))


def fingerprint(story: Story) -> str:
    """A hash of everything clustering reads of a story."""
    parts = (story.key, story.title, story.text, story.date.isoformat(), story.source or "",
             story.time.isoformat() if story.time else "", "\x1f".join(story.people), str(story.words))
    return hashlib.blake2b("\x1e".join(parts).encode("utf-8"), digest_size=16).hexdigest()


# ---- lists -------------------------------------------------------------------------------------------------------

def list_items(stories) -> list[ListItem]:
    """The items a list of stories shows: one per event, newest day first, a day's events in day order."""
    groups: dict[int, list] = {}
    for story in stories:
        groups.setdefault(id(coverage_of(story)), []).append(story)
    items = []
    for members in groups.values():
        event = coverage_of(members[0])
        shown = min(members, key=lambda story: position(event, story))
        others = tuple(story for story in event.stories if story is not shown)
        items.append(ListItem(shown, others, shown.day, len(members)))
    items.sort(key=lambda item: (-item.day.toordinal(), coverage_of(item.story).rank))
    return items


def as_items(entries) -> list[ListItem]:
    """The `as_items` filter: a list of stories as its items; a list of items as it is."""
    entries = list(entries)
    return entries if all(isinstance(entry, ListItem) for entry in entries) else list_items(entries)


def also(story, others) -> list[tuple[object, str]]:
    """The other versions of the event an item shows `story` of, each with its label: its agency ("Also:
    Reuters, AP"); an agency named already (a re-send, an update) says when ("Reuters, 16:40 GMT", "Reuters,
    23 May") or "another version"."""
    named = {agency_of(story)}
    labelled = []
    for other in others:
        label = agency_of(other)
        if label in named:
            day = f"{other.day.day} {other.day:%b}" if other.day != story.day else "another version"
            label = f"{label}, {filed_label(other) or day}"
        named.add(agency_of(other))
        labelled.append((other, label))
    return labelled


def coverage_of(story) -> Coverage:
    """A story's event; a story that cover_events did not see (another plugin's) stands alone."""
    event = getattr(story, "coverage", None)
    if event is None:
        event = story.coverage = Coverage(story_key(story), [story], (agency_of(story),), -1)
    return event


def position(event: Coverage, story) -> int:
    """A story's place among its event's versions (0: the lead)."""
    return next(index for index, member in enumerate(event.stories) if member is story)
