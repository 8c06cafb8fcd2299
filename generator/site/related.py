"""Related stories: for each story, the earlier stories that share its rarest tags ("earlier coverage")."""

from __future__ import annotations

import bisect
import heapq
from collections import defaultdict

from pelican.urlwrappers import Tag

RELATED_MAX = 5
# Related stories look at this many stories on each side in time per shared tag, so the work stays
# O(stories x tags) even when one tag (say "Russia") is on every story.
RELATED_WINDOW = 50


def relate_stories(generator) -> None:
    """Give each story `related`: up to RELATED_MAX earlier stories (story, shared tags), the "earlier coverage" a
    reader follows back; shared tags weighted by rarity. Only earlier stories, so a new story changes no older page."""
    articles = generator.articles
    slugs = [{tag.slug for tag in article.tags} for article in articles]
    postings: dict[str, list[int]] = defaultdict(list)
    for index, story_slugs in enumerate(slugs):
        for slug in story_slugs:
            postings[slug].append(index)
    limit = generator.settings.get("RELATED_MAX", RELATED_MAX)
    for index, article in enumerate(articles):
        scores: dict[int, float] = {}
        own = unique_tags(article.tags)
        for tag in own:
            positions = postings[tag.slug]
            tag_weight = rarity(len(positions) - bisect.bisect_left(positions, index))
            for other in earlier(positions, index, RELATED_WINDOW):
                scores[other] = scores.get(other, 0.0) + tag_weight
        best = [other for _, other in heapq.nsmallest(limit, [(-score, other) for other, score in scores.items()])]
        article.related = [(articles[other], [tag for tag in own if tag.slug in slugs[other]]) for other in best]


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
