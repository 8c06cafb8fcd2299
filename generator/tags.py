"""Enrich stage, tagging: people, places, organisations and topics of an article, canonical and ranked."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import TypeVar

import yaml

from generator.agencies import NAMES_NEVER_TAGGED
from generator.errors import ConfigError
from generator.model import Article, Tags
from generator.tagging.entities import Entity, Resolver
from generator.tagging.gazetteer import Place, gazetteer
from generator.tagging.lexicon import (
    COMMON_WORDS,
    LEGAL_SUFFIXES,
    REGION_ABBREVIATIONS,
    TITLES,
)
from generator.tagging.text import fold, mentions

TAXONOMY_PATH = Path(__file__).resolve().parent.parent / "tags.yaml"
KINDS = ("person", "place", "organisation", "topic")
TAXONOMY_KEYS = frozenset(
    "max_tags min_city_population topic_threshold fallback_topics "
    "aliases types merges block always topics demonyms".split()
)
HEADLINE_WEIGHT, LEDE_WEIGHT, OPENING_WEIGHT, BODY_WEIGHT, DATELINE_WEIGHT = 3.0, 2.0, 1.5, 1.0, 1.0
DEMONYM_MINIMUM = 1.5
# The agencies are a story's source (it has its own page), never one of its tags.
BOILERPLATE = frozenset({"all news", *(fold(name) for name in NAMES_NEVER_TAGGED)})
NEVER_TAGS = COMMON_WORDS | TITLES | LEGAL_SUFFIXES | BOILERPLATE
MIN_TAGS, MAX_TAGS = 3, 10
MAX_TOPIC_SLOTS = 2
OTHER_KIND_MINIMUM = 2.0  # a person or organisation this salient earns a slot that a place would otherwise take
T = TypeVar("T")


@dataclass(frozen=True)
class AlwaysRule:
    """Tag `tag` (of `kind`) whenever `pattern` matches the article text."""

    pattern: re.Pattern[str]
    tag: str
    kind: str


@dataclass
class Taxonomy:
    """The editable tagging vocabulary of tags.yaml; keys of the name maps are folded (see text.fold)."""

    aliases: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    merges: dict[str, str] = field(default_factory=dict)
    block: frozenset[str] = frozenset()
    always: list[AlwaysRule] = field(default_factory=list)
    topics: dict[str, re.Pattern[str]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    fallback_topics: list[str] = field(default_factory=lambda: ["general"])
    max_tags: int = 8
    min_city_population: int = 100_000
    topic_threshold: float = 2.0


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """The taxonomy in path; None means the project's tags.yaml, or built-in defaults if it is absent."""
    if path is None and not TAXONOMY_PATH.exists():
        return Taxonomy()
    path = path or TAXONOMY_PATH
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(str(path), f"cannot read taxonomy: {error}") from error
    if not isinstance(data, dict):
        raise ConfigError(str(path), "taxonomy must be a mapping")
    unknown = sorted(set(data) - TAXONOMY_KEYS)
    if unknown:
        raise ConfigError(f"{path}: {unknown[0]}", f"unknown taxonomy key (known: {', '.join(sorted(TAXONOMY_KEYS))})")
    return _taxonomy_from(data, path)


def _taxonomy_from(data: dict, path: Path) -> Taxonomy:
    """Check each section of the parsed tags.yaml and build the Taxonomy."""
    max_tags = _number(data, "max_tags", 8, path)
    if not MIN_TAGS <= max_tags <= MAX_TAGS:
        raise ConfigError(f"{path}: max_tags", f"must be between {MIN_TAGS} and {MAX_TAGS}, not {max_tags}")
    types = {fold(name): kind for name, kind in _mapping(data, "types", path).items()}
    for name, kind in types.items():
        if kind not in KINDS:
            raise ConfigError(f"{path}: types.{name}", f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return Taxonomy(
        aliases={fold(variant): canonical for variant, canonical in _mapping(data, "aliases", path).items()},
        types=types,
        merges={fold(tag): target for tag, target in _mapping(data, "merges", path).items()},
        block=frozenset(fold(str(name)) for name in data.get("block") or []),
        always=[_always_rule(rule, index, path) for index, rule in enumerate(data.get("always") or [])],
        topics={topic: _keywords(topic, words, path) for topic, words in _mapping(data, "topics", path).items()},
        demonyms={fold(word): country for word, country in _mapping(data, "demonyms", path).items()},
        fallback_topics=[str(topic) for topic in data.get("fallback_topics") or ["general"]],
        max_tags=max_tags,
        min_city_population=_number(data, "min_city_population", 100_000, path),
        topic_threshold=float(_number(data, "topic_threshold", 2, path)),
    )


def _mapping(data: dict, key: str, path: Path) -> dict[str, str]:
    """Section key of tags.yaml as a str -> str mapping (empty if absent)."""
    section = data.get(key) or {}
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: {key}", "must be a mapping")
    return {str(name): str(value) for name, value in section.items()}


def _number(data: dict, key: str, default: int, path: Path) -> int:
    """Integer setting key of tags.yaml, or default."""
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ConfigError(f"{path}: {key}", f"must be a whole number, not {value!r}")
    return value


def _compile(pattern: str, key: str, path: Path) -> re.Pattern[str]:
    """A case-insensitive regex from tags.yaml, with the key named if it does not compile."""
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise ConfigError(f"{path}: {key}", f"bad pattern {pattern!r}: {error}") from error


def _always_rule(rule: object, index: int, path: Path) -> AlwaysRule:
    """One always-tag rule: {pattern, tag, type}."""
    key = f"always[{index}]"
    if not isinstance(rule, dict) or not {"pattern", "tag"} <= set(rule):
        raise ConfigError(f"{path}: {key}", "needs pattern and tag")
    kind = rule.get("type", "topic")
    if kind not in KINDS:
        raise ConfigError(f"{path}: {key}.type", f"must be one of {', '.join(KINDS)}")
    return AlwaysRule(_compile(str(rule["pattern"]), key, path), str(rule["tag"]), kind)


def _keywords(topic: str, keywords: str, path: Path) -> re.Pattern[str]:
    """A topic's keywords, a regex of alternatives, as one pattern matched at word boundaries."""
    if not keywords.strip():
        raise ConfigError(f"{path}: topics.{topic}", "must be a regex of keywords such as 'oil|gas|pipelines?'")
    return _compile(r"\b(?:" + keywords + r")\b", f"topics.{topic}", path)


def _once_per_taxonomy(build: Callable[[Taxonomy], T]) -> Callable[[Taxonomy], T]:
    """build(taxonomy) made once per Taxonomy object in a process and then shared; another taxonomy (a test's
    tags.yaml) gets its own. The taxonomy is kept with its result, so that its id is never another's."""
    built: dict[int, tuple[Taxonomy, T]] = {}

    @wraps(build)
    def once(taxonomy: Taxonomy) -> T:
        if id(taxonomy) not in built:
            built[id(taxonomy)] = (taxonomy, build(taxonomy))
        return built[id(taxonomy)][1]

    return once


def tag_article(article: Article, taxonomy: Taxonomy) -> Tags:
    """Tags for the article: typed, canonical, ranked, between 3 and max_tags of them."""
    sections = _sections(article)
    resolver = Resolver(
        taxonomy.aliases, taxonomy.types, taxonomy.demonyms, taxonomy.min_city_population, _known_names(taxonomy)
    )
    headline_in_caps = _is_shouting(article.headline)
    for text, weight in sections:
        if not (weight == HEADLINE_WEIGHT and headline_in_caps):
            for mention in mentions(text, weight):
                resolver.resolve(mention)
    resolver.resolve_deferred()
    resolver.merge_people()
    resolver.merge_organisations()
    resolver.drop_weak_acronyms()
    if headline_in_caps:
        _credit_headline(resolver, article.headline, taxonomy)
    _add_demonyms(resolver)
    dateline_keys, dateline_place = _add_dateline(resolver, article, taxonomy)
    must = set(dateline_keys[:1])
    any_rule = _any_always_rule(taxonomy)
    matched = [(text, weight) for text, weight in sections if any_rule is None or any_rule.search(text)]
    for rule in taxonomy.always:
        hits = sum(len(rule.pattern.findall(text)) * weight for text, weight in matched)
        if hits:
            resolver.add(rule.tag, rule.kind, hits)
            must.add(fold(rule.tag))
    tags = _rank(_finalise(resolver.entities, taxonomy), _topics(sections, taxonomy), must, taxonomy)
    tags.dateline_place = dateline_place
    return tags


@_once_per_taxonomy
def _known_names(taxonomy: Taxonomy) -> dict[str, tuple[str, str] | None]:
    """Resolver.known's answers under a taxonomy, shared by the articles tagged with it in one process."""
    return {}


@_once_per_taxonomy
def _any_always_rule(taxonomy: Taxonomy) -> re.Pattern[str] | None:
    """A pattern that matches a text if and only if one of the always-rules does, so that one search skips the
    sections none of them match; None if the rules have groups (a backreference would change meaning when
    joined) or flags of their own."""
    patterns = [rule.pattern for rule in taxonomy.always]
    if not patterns or any(pattern.groups or pattern.flags != patterns[0].flags for pattern in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns), patterns[0].flags)
    except re.error:  # an inline global flag, allowed only at the start of a pattern
        return None


def _sections(article: Article) -> list[tuple[str, float]]:
    """(text, weight) for the headline, lede and body blocks, the dateline cut from the first paragraph."""
    texts = [(article.headline, HEADLINE_WEIGHT)]
    if article.lede:
        texts.append((article.lede, LEDE_WEIGHT))
    for index, block in enumerate(article.body):
        text = "\n".join([block.text, *block.items])
        if index == 0 and article.dateline.raw and text.startswith(article.dateline.raw):
            text = text[len(article.dateline.raw):]
        texts.append((text, OPENING_WEIGHT if index == 0 else BODY_WEIGHT))
    return texts


def _is_shouting(headline: str) -> bool:
    """True for an ALL-CAPS or Title Case headline, whose capitals say nothing about names."""
    words = re.findall(r"[^\W\d_]{4,}", headline)
    if not words:
        return False
    capitalised = sum(word[0].isupper() for word in words)
    shouting = sum(word.isupper() for word in words) * 2 > len(words)
    return shouting or (len(words) >= 3 and capitalised > 0.8 * len(words))


def _credit_headline(resolver: Resolver, headline: str, taxonomy: Taxonomy) -> None:
    """Credit entities named in a caps headline, matched case-insensitively against known names."""
    folded = f" {fold(re.sub(r'<[^>]*>', ' ', headline))} "
    folded = re.sub(r"[^\w ]", " ", folded)
    for entity in list(resolver.entities.values()):
        names = entity.variants | ({fold(entity.name.split()[-1])} if entity.kind == "person" else set())
        if any(f" {name} " in folded for name in names if name not in COMMON_WORDS):
            entity.score += HEADLINE_WEIGHT
    words = folded.split()
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start:start + size])
            if fold(phrase) in {key for e in resolver.entities.values() for key in e.variants}:
                continue
            _credit_known_phrase(resolver, phrase, taxonomy)


def _credit_known_phrase(resolver: Resolver, phrase: str, taxonomy: Taxonomy) -> None:
    """Credit a headline phrase that is a taxonomy name, a country or a demonym."""
    if phrase in COMMON_WORDS or phrase in TITLES:
        return
    if phrase in taxonomy.demonyms:
        country = taxonomy.demonyms[phrase]
        resolver.demonym_scores[country] = resolver.demonym_scores.get(country, 0.0) + DEMONYM_MINIMUM
        return
    canonical = taxonomy.aliases.get(phrase)
    kind = taxonomy.types.get(fold(canonical or phrase))
    place = gazetteer().names.get(fold(canonical or phrase))
    if kind:
        resolver.add(canonical or phrase.title(), kind, HEADLINE_WEIGHT)
    elif place is not None and place.kind == "country":
        resolver.add(place.name, "place", HEADLINE_WEIGHT)


def _add_demonyms(resolver: Resolver) -> None:
    """Count demonyms ('Russian') for their country: in full if it is named, else only when salient."""
    for country, score in resolver.demonym_scores.items():
        if fold(country) in resolver.entities or score >= DEMONYM_MINIMUM:
            resolver.add(country, "place", score)


def _add_dateline(resolver: Resolver, article: Article, taxonomy: Taxonomy) -> tuple[list[str], str | None]:
    """Credit the dateline place and the country it lies in: (their folded names, the place's tag name)."""
    place = article.dateline.place
    if not place:
        return [], None
    index = gazetteer()
    region_place = dateline_region(place, article.dateline.region or "")
    country = region_place.country if region_place else None
    canonical = taxonomy.aliases.get(fold(place))
    city = index.lookup(canonical, 0) if canonical else index.city(place, country) or index.lookup(place, 0)
    name = city.name if city else canonical or place.title()
    resolver.add(name, "place", DATELINE_WEIGHT)
    found = [fold(name)]
    country = country or (city.country if city else None)
    if country in index.countries and fold(index.countries[country].name) != fold(name):
        resolver.add(index.countries[country].name, "place", DATELINE_WEIGHT)
        found.insert(0, fold(index.countries[country].name))
    return found, name


def dateline_region(place: str, region: str) -> Place | None:
    """The state, province or country a dateline's region names; of a state and a country of one name
    (Georgia), the one that has a city called `place`, the state when the region is abbreviated ("Ga.")."""
    index = gazetteer()
    key = fold(REGION_ABBREVIATIONS.get(fold(region), region)) if region else ""
    candidates = [found for found in (index.states.get(key), index.names.get(key)) if found is not None]
    if fold(region) in REGION_ABBREVIATIONS:
        candidates = candidates[:1]
    for candidate in candidates:
        if index.city(place, candidate.country):
            return candidate
    return candidates[-1] if candidates else None


def _finalise(entities: dict[str, Entity], taxonomy: Taxonomy) -> list[Entity]:
    """Apply merges and the block list, drop junk, and order by salience then first mention."""
    merged: dict[str, Entity] = {}
    for key, entity in entities.items():
        target = taxonomy.merges.get(key)
        if target:
            kind = entities.get(fold(target), entity).kind
            key, entity = fold(target), Entity(target, kind, entity.score, entity.first)
        if key in taxonomy.block or _is_junk(entity.name):
            continue
        if key in merged:
            merged[key].score += entity.score
            merged[key].first = min(merged[key].first, entity.first)
        else:
            merged[key] = Entity(_display(entity.name), taxonomy.types.get(key, entity.kind), entity.score, entity.first)
    return sorted(merged.values(), key=lambda e: (-e.score, e.first))


def _display(name: str) -> str:
    """Arabic articles inside a name in lower case, as style guides write them: "Jabhat al-Nusra"."""
    return re.sub(r"(?<=\s)(Al|El|Ad|Ar|As|Ash|An)-(?=\w)", lambda m: m.group(1).lower() + "-", name)


def _is_junk(name: str) -> bool:
    """True for names that are never tags: weekdays, months, pronouns, bare titles, agency boilerplate."""
    key = fold(name)
    return key in NEVER_TAGS or len(key) < 2


def _topics(sections: list[tuple[str, float]], taxonomy: Taxonomy) -> list[tuple[str, float]]:
    """(topic, keyword score) for every topic whose keywords occur, best first.

    Words are looked up, not scanned for: each distinct word (or phrase, where a keyword has several words) is
    checked against every topic's pattern once per process and remembered, so a word such as "cocoa" counts for
    each topic that lists it. The words of all sections of one weight are counted together, and only those that
    belong to a topic are looked at one by one (the weights are halves, so the sums do not depend on the order)."""
    index = _topic_index(taxonomy)
    by_weight: dict[float, list[str]] = {}
    for text, weight in sections:
        by_weight.setdefault(weight, []).extend(index.keywords(_WORD.findall(text.casefold())))
    scores: dict[str, float] = {}
    for weight, keywords in by_weight.items():
        for keyword, count in index.topical_counts(Counter(keywords)):
            for topic in index.topics_of(keyword):
                scores[topic] = scores.get(topic, 0.0) + weight * count
    order = list(taxonomy.topics)
    return sorted(scores.items(), key=lambda item: (-item[1], order.index(item[0])))


_WORD = re.compile(r"[^\W\d_]\w*")


@dataclass
class _TopicIndex:
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


@_once_per_taxonomy
def _topic_index(taxonomy: Taxonomy) -> _TopicIndex:
    """The word index of a taxonomy's topics, built once per taxonomy."""
    starters = set()
    for pattern in taxonomy.topics.values():
        for alternative in re.sub(r"^\\b\(\?:|\)\\b$", "", pattern.pattern).split("|"):
            if " " in alternative:
                starters.add(re.sub(r"[^\w'-].*", "", alternative.split(" ")[0]).casefold())
    return _TopicIndex(taxonomy, frozenset(starters))


def _rank(entities: list[Entity], topics: list[tuple[str, float]], must: set[str], taxonomy: Taxonomy) -> Tags:
    """Pick up to max_tags: the must-haves, up to two strong topics, then entities by salience, places capped so
    that people and organisations get room; never fewer than 3."""
    names = {fold(e.name) for e in entities}
    scored = [(topic, score) for topic, score in topics if fold(topic) not in names]
    strong = [topic for topic, score in scored if score >= taxonomy.topic_threshold]
    topic_slots = min(len(strong), MAX_TOPIC_SLOTS, max(1, taxonomy.max_tags - len(entities)) if len(entities) < taxonomy.max_tags else MAX_TOPIC_SLOTS)
    entity_slots = taxonomy.max_tags - topic_slots
    others = sum(1 for e in entities if e.kind != "place" and e.score >= OTHER_KIND_MINIMUM)
    place_cap = max(entity_slots - min(others, entity_slots // 3), 1)
    keep = [e for e in entities if fold(e.name) in must]
    for entity in entities:
        if len(keep) >= entity_slots:
            break
        places = sum(1 for kept in keep if kept.kind == "place")
        if entity not in keep and not (entity.kind == "place" and places >= place_cap):
            keep.append(entity)
    chosen = [e for e in entities if e in keep][:entity_slots]
    extra = [topic for topic, _ in scored if topic not in strong] + taxonomy.fallback_topics
    chosen_topics = strong[:topic_slots]
    for topic in extra:
        if len(chosen) + len(chosen_topics) >= MIN_TAGS:
            break
        chosen_topics += [] if topic in chosen_topics else [topic]
    chosen_topics = chosen_topics[: taxonomy.max_tags - len(chosen)]
    return Tags(
        people=[e.name for e in chosen if e.kind == "person"],
        places=[e.name for e in chosen if e.kind == "place"],
        organisations=[e.name for e in chosen if e.kind == "organisation"],
        topics=[e.name for e in chosen if e.kind == "topic"] + chosen_topics,
        ranked=[e.name for e in chosen] + chosen_topics,
    )
