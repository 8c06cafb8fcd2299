"""Topics of an article: keyword scores per topic of tags.yaml, looked up word by word."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from generator.tagging.taxonomy import Taxonomy, once_per_taxonomy


def score_topics(sections: list[tuple[str, float]], taxonomy: Taxonomy) -> list[tuple[str, float]]:
    """(topic, keyword score) for every topic whose keywords occur, best first.

    Words are looked up, not scanned for: each distinct word (or phrase, where a keyword has several words) is
    checked against every topic's pattern once per process and remembered, so a word such as "cocoa" counts for
    each topic that lists it. The words of all sections of one weight are counted together, and only those that
    belong to a topic are looked at one by one (the weights are halves, so the sums do not depend on the order)."""
    index = topic_index(taxonomy)
    by_weight: dict[float, list[str]] = {}
    for text, weight in sections:
        by_weight.setdefault(weight, []).extend(index.keywords(WORD.findall(text.casefold())))
    scores: dict[str, float] = {}
    for weight, keywords in by_weight.items():
        for keyword, count in index.topical_counts(Counter(keywords)):
            for topic in index.topics_of(keyword):
                scores[topic] = scores.get(topic, 0.0) + weight * count
    order = list(taxonomy.topics)
    return sorted(scores.items(), key=lambda item: (-item[1], order.index(item[0])))


WORD = re.compile(r"[^\W\d_]\w*")


@dataclass
class TopicIndex:
    """Word or phrase -> topics, filled on demand from the taxonomy's topic patterns."""

    taxonomy: Taxonomy
    starters: frozenset[str]
    known: dict[str, tuple[str, ...]] = field(default_factory=dict)
    topical: set[str] = field(default_factory=set)

    def topics_of(self, phrase: str) -> tuple[str, ...]:
        """The topics whose keywords include the word or phrase."""
        if phrase not in self.known:
            self.known[phrase] = tuple(t for t, pattern in self.taxonomy.topics.items() if pattern.fullmatch(phrase))
            if self.known[phrase]:
                self.topical.add(phrase)
        return self.known[phrase]

    def keywords(self, words: list[str]) -> list[str]:
        """The words with each keyword phrase joined into one, read left to right: at a starter, the longest
        phrase that is a keyword (a starter inside a phrase starts none)."""
        if self.starters.isdisjoint(words):
            return words
        keywords: list[str] = []
        end = 0
        for position in [position for position, word in enumerate(words) if word in self.starters]:
            size = self.phrase_size(words, position) if position >= end else 1
            if size > 1:
                keywords += words[end:position]
                keywords.append(" ".join(words[position:position + size]))
                end = position + size
        return keywords + words[end:]

    def phrase_size(self, words: list[str], position: int) -> int:
        """The number of words (3 or 2) of the longest keyword phrase at position, or 1 if none starts there."""
        for size in (3, 2):
            if position + size <= len(words) and self.topics_of(" ".join(words[position:position + size])):
                return size
        return 1

    def topical_counts(self, counts: Counter[str]) -> list[tuple[str, int]]:
        """(keyword, count) for the counted words and phrases that belong to a topic."""
        for keyword in set(counts).difference(self.known):
            self.topics_of(keyword)
        return [(keyword, counts[keyword]) for keyword in counts.keys() & self.topical]


@once_per_taxonomy
def topic_index(taxonomy: Taxonomy) -> TopicIndex:
    """The word index of a taxonomy's topics, built once per taxonomy."""
    starters = set()
    for pattern in taxonomy.topics.values():
        for alternative in re.sub(r"^\\b\(\?:|\)\\b$", "", pattern.pattern).split("|"):
            if " " in alternative:
                starters.add(re.sub(r"[^\w'-].*", "", alternative.split(" ")[0]).casefold())
    return TopicIndex(taxonomy, frozenset(starters))

