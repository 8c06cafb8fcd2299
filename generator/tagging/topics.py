"""Topics of an article: keyword scores per topic of tags.yaml, looked up word by word."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from generator.tagging.taxonomy import Taxonomy, once_per_taxonomy


@dataclass(frozen=True)
class TopicScore:
    """A topic's keyword score (mentions weighted by section), the distinct keywords that made it (one per keyword
    of tags.yaml: "farmers" and "farming" are one) and whether a keyword that needs no support is in the
    headline."""

    topic: str
    score: float
    keywords: frozenset[str]
    headline: bool = False
    central: bool = True  # not a side remark: a keyword in the headline, lede or first paragraph, keywords in two
    # sections (lede, paragraphs) at least, or a story of two paragraphs


def score_topics(sections: list[tuple[str, float]], taxonomy: Taxonomy, headline_weight: float = 3.0,
                 opening_weight: float = 1.5) -> list[TopicScore]:
    """The score of every topic whose keywords occur, best first.

    A word capitalised beside another capitalised word is part of a name ("Bill Clinton", "European Union", "Gold
    Coast") and counts only inside a keyword phrase ("Red Cross", "Grand Prix"); a headline written in capitals or
    Title Case counts whole. A weak keyword (a word with another sense: "strikes" from the air, a river "bank",
    "energy" as vigour) counts only for a topic that one of its other keywords gives, and never where it is written
    capitalised inside a sentence, as a name ("Labour", "the Bank"). Words are looked up, not scanned for: each
    distinct word (or phrase, where a keyword has several words) is checked against every topic's pattern once per
    process and remembered, so a word such as "cocoa" counts for each topic that lists it. The words of a section
    are counted together, and only those that belong to a topic are looked at one by one; which sections hold a
    topic's keywords tells whether it is central (see TopicScore; opening_weight is the weight of the lede and first
    paragraph)."""
    index = topic_index(taxonomy)
    evidence: dict[str, TopicEvidence] = {}
    for section, (text, weight) in enumerate(sections):
        for (keyword, capitalised), count in index.topical_counts(Counter(index.keywords(*words_and_names(text)))):
            for topic in index.topics_of(keyword):
                weak = index.is_weak(topic, keyword)
                if not (weak and capitalised):
                    evidence.setdefault(topic, TopicEvidence()).add(
                        index.keyword_of(topic, keyword), weight * count, weak, weight >= headline_weight,
                        weight >= opening_weight, section)
    order = list(taxonomy.topics)
    short = len(sections) <= SHORT_STORY_SECTIONS
    found = [TopicScore(topic, e.score, frozenset(e.keywords), e.headline,
                        e.headline or e.opening or len(e.sections) >= 2 or short)
             for topic, e in evidence.items() if e.supported]
    return sorted(found, key=lambda score: (-score.score, order.index(score.topic)))


@dataclass
class TopicEvidence:
    """What a story's words say for one topic: the score, the distinct keywords, whether one that needs no support
    is there at all and in the headline."""

    score: float = 0.0
    keywords: set[str] = field(default_factory=set)
    supported: bool = False
    headline: bool = False
    opening: bool = False
    sections: set[int] = field(default_factory=set)

    def add(self, keyword: str, score: float, weak: bool, headline: bool, opening: bool, section: int) -> None:
        self.score += score
        self.keywords.add(keyword)
        self.supported = self.supported or not weak
        self.headline = self.headline or headline and not weak
        self.opening = self.opening or opening and not weak
        self.sections.add(section)


SHORT_STORY_SECTIONS = 3  # a headline and two paragraphs: every paragraph is the story's core
WORD = re.compile(r"[^\W\d_]\w*")
# A capitalised word and what separates it from the next word: names run over spaces, not punctuation.
_CASED_WORD = re.compile(r"([^\W\d_]\w*)([^\w]*)")
TITLE_CASE_SHARE = 0.6
_SENTENCE_BREAK = re.compile(r"[.!?:;\n\"“‘'(\[]")


def words_and_names(text: str) -> tuple[list[str], list[bool], list[bool]]:
    """The folded words of text; for each whether it is written as part of a name (capitalised, with a capitalised
    word beside it across a space); and whether it is capitalised inside a sentence, as a name is (not after a
    full stop, colon, quote or line break). All False for a text in capitals or Title Case."""
    found = _CASED_WORD.findall(text)
    words = [word.casefold() for word, _ in found]
    capital = [word[0].isupper() for word, _ in found]
    if not any(capital) or sum(capital) > TITLE_CASE_SHARE * len(found) and len(found) >= 3:
        return words, [False] * len(words), [False] * len(words)
    joined = [gap.strip() == "" for _, gap in found]  # only a space before the next word
    names = [capital[i] and (i > 0 and capital[i - 1] and joined[i - 1] or i + 1 < len(found) and capital[i + 1]
                             and joined[i]) for i in range(len(found))]
    inside = [capital[i] and i > 0 and not _SENTENCE_BREAK.search(found[i - 1][1]) for i in range(len(found))]
    return words, names, inside


@dataclass
class TopicIndex:
    """Word or phrase -> topics, filled on demand from the taxonomy's topic patterns; and which keyword of a topic
    (an alternative of its pattern) a word is, and whether that keyword is weak."""

    taxonomy: Taxonomy
    starters: frozenset[str]
    alternatives: dict[str, list[tuple[str, re.Pattern[str]]]]
    known: dict[str, tuple[str, ...]] = field(default_factory=dict)
    topical: set[str] = field(default_factory=set)
    weak: dict[tuple[str, str], bool] = field(default_factory=dict)
    keyword: dict[tuple[str, str], str] = field(default_factory=dict)

    def topics_of(self, phrase: str) -> tuple[str, ...]:
        """The topics whose keywords include the word or phrase."""
        if phrase not in self.known:
            self.known[phrase] = tuple(t for t, pattern in self.taxonomy.topics.items() if pattern.fullmatch(phrase))
            if self.known[phrase]:
                self.topical.add(phrase)
        return self.known[phrase]

    def is_weak(self, topic: str, phrase: str) -> bool:
        """Whether the word or phrase is one of the topic's weak keywords (it counts only with support)."""
        if (topic, phrase) not in self.weak:
            pattern = self.taxonomy.weak_topic_keywords.get(topic)
            self.weak[topic, phrase] = bool(pattern and pattern.fullmatch(phrase))
        return self.weak[topic, phrase]

    def keyword_of(self, topic: str, phrase: str) -> str:
        """The keyword of the topic (the first alternative of its pattern) that the word or phrase is."""
        if (topic, phrase) not in self.keyword:
            self.keyword[topic, phrase] = next(
                (keyword for keyword, pattern in self.alternatives[topic] if pattern.fullmatch(phrase)),
                phrase)
        return self.keyword[topic, phrase]

    def keywords(self, words: list[str], names: list[bool], inside: list[bool]) -> list[tuple[str, bool]]:
        """The words with each keyword phrase joined into one, read left to right, each with whether it is
        capitalised inside a sentence: at a starter, the longest phrase that is a keyword (a starter inside a
        phrase starts none); words of names (see words_and_names) are left out unless they make a keyword
        phrase."""
        keywords: list[tuple[str, bool]] = []
        end = 0
        starts = [] if self.starters.isdisjoint(words) else [p for p, word in enumerate(words) if word in self.starters]
        for position in starts:
            size = self.phrase_size(words, position) if position >= end else 1
            if size > 1:
                keywords += _unnamed(words, names, inside, end, position)
                keywords.append((" ".join(words[position:position + size]), False))
                end = position + size
        return keywords + _unnamed(words, names, inside, end, len(words))

    def phrase_size(self, words: list[str], position: int) -> int:
        """The number of words (3 or 2) of the longest keyword phrase at position, or 1 if none starts there."""
        for size in (3, 2):
            if position + size <= len(words) and self.topics_of(" ".join(words[position:position + size])):
                return size
        return 1

    def topical_counts(self, counts: Counter[tuple[str, bool]]) -> list[tuple[tuple[str, bool], int]]:
        """((keyword, capitalised), count) for the counted words and phrases that belong to a topic."""
        for keyword, _ in counts:
            if keyword not in self.known:
                self.topics_of(keyword)
        return [(key, count) for key, count in counts.items() if key[0] in self.topical]


def _unnamed(words: list[str], names: list[bool], inside: list[bool], start: int, end: int) -> list[tuple[str, bool]]:
    """The words from start to end that are not part of a name, each with whether it is capitalised in a sentence."""
    return [(words[i], inside[i]) for i in range(start, end) if not names[i]]


def alternatives(pattern: re.Pattern[str]) -> list[str]:
    """The top-level alternatives of a topic's pattern (tags.yaml's keywords between the word boundaries)."""
    source = re.sub(r"^\\b\(\?:|\)\\b$", "", pattern.pattern)
    found, depth, klass, current = [], 0, False, ""
    for position, char in enumerate(source):
        escaped = position > 0 and source[position - 1] == "\\"
        if not escaped and not klass and char == "|" and depth == 0:
            found.append(current)
            current = ""
            continue
        if not escaped:
            klass = klass and char != "]" or not klass and char == "["
            depth += 0 if klass else (char == "(") - (char == ")")
        current += char
    return [*found, current]


@once_per_taxonomy
def topic_index(taxonomy: Taxonomy) -> TopicIndex:
    """The word index of a taxonomy's topics, built once per taxonomy."""
    starters = set()
    split = {topic: alternatives(pattern) for topic, pattern in taxonomy.topics.items()}
    for keywords in split.values():
        for alternative in keywords:
            if " " in alternative:
                starters.add(re.sub(r"[^\w'-].*", "", alternative.split(" ")[0]).casefold())
    return TopicIndex(taxonomy, frozenset(starters),
                      {topic: [(keyword, re.compile(keyword, re.IGNORECASE)) for keyword in keywords]
                       for topic, keywords in split.items()})
