"""Topics of an article: keyword scores per topic of tags.yaml, looked up word by word."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from generator.tagging.taxonomy import Taxonomy, once_per_taxonomy


@dataclass(frozen=True)
class TopicScore:
    """A topic's keyword score (mentions weighted by section), the distinct keywords that made it and whether one
    of them is in the headline."""

    topic: str
    score: float
    keywords: frozenset[str]
    headline: bool = False


def score_topics(sections: list[tuple[str, float]], taxonomy: Taxonomy, headline_weight: float = 3.0) -> list[TopicScore]:
    """The score of every topic whose keywords occur, best first.

    A word capitalised beside another capitalised word is part of a name ("Bill Clinton", "European Union", "Gold
    Coast") and counts only inside a keyword phrase ("Red Cross", "Grand Prix"); a headline written in capitals or
    Title Case counts whole. Words are looked up, not scanned for: each distinct word (or phrase, where a keyword
    has several words) is checked against every topic's pattern once per process and remembered, so a word such as
    "cocoa" counts for each topic that lists it. The words of all sections of one weight are counted together, and
    only those that belong to a topic are looked at one by one (the weights are halves, so the sums do not depend
    on the order)."""
    index = topic_index(taxonomy)
    by_weight: dict[float, list[str]] = {}
    for text, weight in sections:
        words, names = words_and_names(text)
        by_weight.setdefault(weight, []).extend(index.keywords(words, names))
    scores: dict[str, float] = {}
    keywords_of: dict[str, set[str]] = {}
    headlined: set[str] = set()
    for weight, keywords in by_weight.items():
        for keyword, count in index.topical_counts(Counter(keywords)):
            for topic in index.topics_of(keyword):
                scores[topic] = scores.get(topic, 0.0) + weight * count
                keywords_of.setdefault(topic, set()).add(keyword)
                if weight >= headline_weight:
                    headlined.add(topic)
    order = list(taxonomy.topics)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], order.index(item[0])))
    return [TopicScore(topic, score, frozenset(keywords_of[topic]), topic in headlined) for topic, score in ranked]


WORD = re.compile(r"[^\W\d_]\w*")
# A capitalised word and what separates it from the next word: names run over spaces, not punctuation.
_CASED_WORD = re.compile(r"([^\W\d_]\w*)([^\w]*)")
TITLE_CASE_SHARE = 0.6


def words_and_names(text: str) -> tuple[list[str], list[bool]]:
    """The folded words of text, and for each whether it is written as part of a name: capitalised, with a
    capitalised word beside it across a space (all False for a text in capitals or Title Case)."""
    found = _CASED_WORD.findall(text)
    words = [word.casefold() for word, _ in found]
    capital = [word[0].isupper() for word, _ in found]
    if not any(capital) or sum(capital) > TITLE_CASE_SHARE * len(found) and len(found) >= 3:
        return words, [False] * len(words)
    joined = [gap.strip() == "" for _, gap in found]  # only a space before the next word
    names = [capital[i] and (i > 0 and capital[i - 1] and joined[i - 1] or i + 1 < len(found) and capital[i + 1]
                             and joined[i]) for i in range(len(found))]
    return words, names


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

    def keywords(self, words: list[str], names: list[bool]) -> list[str]:
        """The words with each keyword phrase joined into one, read left to right: at a starter, the longest
        phrase that is a keyword (a starter inside a phrase starts none); words of names (see words_and_names)
        are left out unless they make a keyword phrase."""
        keywords: list[str] = []
        end = 0
        starts = [] if self.starters.isdisjoint(words) else [p for p, word in enumerate(words) if word in self.starters]
        for position in starts:
            size = self.phrase_size(words, position) if position >= end else 1
            if size > 1:
                keywords += [word for word, name in zip(words[end:position], names[end:position]) if not name]
                keywords.append(" ".join(words[position:position + size]))
                end = position + size
        return keywords + [word for word, name in zip(words[end:], names[end:]) if not name]

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

