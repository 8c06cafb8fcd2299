"""The tagging vocabulary of tags.yaml: loaded, checked key by key, and shared by the articles tagged with it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import TypeVar

from generator.errors import ConfigError
from generator.schema import FrontMatterError, load_yaml
from generator.tagging.gazetteer import derived_demonyms
from generator.tagging.patterns import UnsafePattern, check_pattern
from generator.tagging.text import fold

TAXONOMY_PATH = Path(__file__).resolve().parent.parent.parent / "tags.yaml"
KINDS = ("person", "place", "organisation", "topic")
TAXONOMY_KEYS = frozenset(
    "max_tags max_venue_tags min_city_population topic_threshold "
    "aliases bodies types merges block always topics demonyms venue_topics local_topics eras".split()
)
MIN_TAGS, MAX_TAGS = 1, 20
# Values of tags.yaml once aliases are expanded: the project's has under a thousand, a newsroom's may have tens of
# thousands of aliases; an alias bomb expands to billions.
MAX_TAXONOMY_VALUES = 200_000
T = TypeVar("T")


@dataclass(frozen=True)
class AlwaysRule:
    """Tag `tag` (of `kind`) whenever `pattern` matches the article text."""

    pattern: re.Pattern[str]
    tag: str
    kind: str


@dataclass(frozen=True)
class Era:
    """A state of the time (Soviet Union) that stands for today's country (Russia) in the stories of its time."""

    state: str
    today: str
    ended: int  # the last year it existed: a story dated up to then is of its time


@dataclass
class Taxonomy:
    """The editable tagging vocabulary of tags.yaml; keys of the name maps are folded (see text.fold)."""

    aliases: dict[str, str] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    merges: dict[str, str] = field(default_factory=dict)
    block: frozenset[str] = frozenset()
    always: list[AlwaysRule] = field(default_factory=list)
    topics: dict[str, re.Pattern[str]] = field(default_factory=dict)  # every keyword of each topic
    weak_topic_keywords: dict[str, re.Pattern[str]] = field(default_factory=dict)  # those that need support
    demonyms: dict[str, str] = field(default_factory=dict)
    made_demonyms: frozenset[str] = frozenset()  # those made by rule, not listed (see _demonyms): never an adjective
    venue_topics: frozenset[str] = frozenset()
    local_topics: frozenset[str] = frozenset()  # a story mainly of these (a trial) is about its place, not its country
    eras: list[Era] = field(default_factory=list)
    max_tags: int = 8
    max_venue_tags: int = 8  # the cap for stories of a venue topic: a results round-up is about twenty clubs
    min_city_population: int = 100_000
    topic_threshold: float = 2.0


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """The taxonomy in path; None means the project's tags.yaml, or built-in defaults if it is absent."""
    if path is None and not TAXONOMY_PATH.exists():
        return Taxonomy()
    path = path or TAXONOMY_PATH
    data = read_taxonomy_file(path)
    if not isinstance(data, dict):
        raise ConfigError(str(path), "taxonomy must be a mapping")
    unknown = sorted(set(data) - TAXONOMY_KEYS)
    if unknown:
        raise ConfigError(f"{path}: {unknown[0]}", f"unknown taxonomy key (known: {', '.join(sorted(TAXONOMY_KEYS))})")
    return _taxonomy_from(data, path)


def read_taxonomy_file(path: Path) -> object:
    """The parsed YAML of a taxonomy file, through the schema's bounded loader (an alias bomb is refused); any
    problem is one ConfigError naming the file."""
    try:
        return load_yaml(path.read_text(encoding="utf-8"), path, "taxonomy", MAX_TAXONOMY_VALUES) or {}
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), f"cannot read taxonomy: {error}") from error
    except FrontMatterError as error:
        raise ConfigError(str(path), "; ".join(error.problems)) from None


def _taxonomy_from(data: dict, path: Path) -> Taxonomy:
    """Check each section of the parsed tags.yaml and build the Taxonomy."""
    max_tags = _number(data, "max_tags", 8, path)
    if not MIN_TAGS <= max_tags <= MAX_TAGS:
        raise ConfigError(f"{path}: max_tags", f"must be between {MIN_TAGS} and {MAX_TAGS}, not {max_tags}")
    max_venue_tags = _number(data, "max_venue_tags", max_tags, path)
    if not max_tags <= max_venue_tags <= MAX_TAGS:
        raise ConfigError(f"{path}: max_venue_tags", f"must be between max_tags and {MAX_TAGS}, not {max_venue_tags}")
    types = {fold(name): kind for name, kind in _mapping(data, "types", path).items()}
    merges = _merges(data, path)
    min_city_population = _number(data, "min_city_population", 100_000, path)
    if min_city_population < 0:
        raise ConfigError(f"{path}: min_city_population", f"must be 0 or more, not {min_city_population}")
    demonyms, made_demonyms = _demonyms(data, path)
    topics, weak_topic_keywords = _topics(data, path)
    for name, kind in types.items():
        if kind not in KINDS:
            raise ConfigError(f"{path}: types.{name}", f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return Taxonomy(
        aliases={fold(variant): canonical for variant, canonical in _mapping(data, "aliases", path).items()},
        bodies={fold(body): country for body, country in _mapping(data, "bodies", path).items()},
        types=types,
        merges=merges,
        block=frozenset(fold(name) for name in _strings(data, "block", path)),
        always=[_always_rule(rule, index, path) for index, rule in enumerate(_list(data, "always", path))],
        topics=topics,
        weak_topic_keywords=weak_topic_keywords,
        demonyms=demonyms,
        made_demonyms=made_demonyms,
        venue_topics=frozenset(_strings(data, "venue_topics", path)),
        local_topics=frozenset(_strings(data, "local_topics", path)),
        eras=_eras(data, path),
        max_tags=max_tags,
        max_venue_tags=max_venue_tags,
        min_city_population=min_city_population,
        topic_threshold=float(_number(data, "topic_threshold", 2, path)),
    )


def _demonyms(data: dict, path: Path) -> tuple[dict[str, str], frozenset[str]]:
    """The demonyms section followed by the regular demonyms of every country (see gazetteer.derived_demonyms), and
    the words only the rule made: "Kuwaiti" is evidence for Kuwait, never a tag, whether or not the list names it."""
    demonyms = {fold(word): country for word, country in _mapping(data, "demonyms", path).items()}
    made = frozenset(derived_demonyms().keys() - demonyms.keys())
    for word in made:
        demonyms[word] = derived_demonyms()[word]
    return demonyms, made


def _eras(data: dict, path: Path) -> list[Era]:
    """The eras section: state of the time -> {today: country, ended: last year}."""
    section = data.get("eras") or {}
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: eras", "must be a mapping of states, e.g. 'Soviet Union: {today: Russia, ended: 1991}'")
    eras = []
    for state, entry in section.items():
        key = f"eras.{state}"
        if not isinstance(entry, dict) or set(entry) != {"today", "ended"}:
            raise ConfigError(f"{path}: {key}", "must be {today: <country>, ended: <year>}")
        if not isinstance(entry["today"], str) or not entry["today"].strip():
            raise ConfigError(f"{path}: {key}.today", f"must be a name, not {entry['today']!r}")
        if not isinstance(entry["ended"], int) or isinstance(entry["ended"], bool):
            raise ConfigError(f"{path}: {key}.ended", f"must be a year, not {entry['ended']!r}")
        eras.append(Era(str(state), entry["today"], entry["ended"]))
    return eras


def _mapping(data: dict, key: str, path: Path) -> dict[str, str]:
    """Section key of tags.yaml as a str -> str mapping (empty if absent); a value that is not text (a list, a
    number, an empty value) is an error naming its key."""
    section = data.get(key) or {}
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: {key}", "must be a mapping of names")
    for name, value in section.items():
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{path}: {key}.{name}", f"must be a name, not {value!r}")
    return {str(name): value for name, value in section.items()}


def _list(data: dict, key: str, path: Path) -> list:
    """Section key of tags.yaml as a list (empty if absent)."""
    section = data.get(key) or []
    if not isinstance(section, list):
        raise ConfigError(f"{path}: {key}", f"must be a list, not {type(section).__name__}")
    return section


def _strings(data: dict, key: str, path: Path) -> list[str]:
    """Section key of tags.yaml as a list of names (empty if absent)."""
    section = _list(data, key, path)
    for index, item in enumerate(section):
        if not isinstance(item, str) or not item.strip():
            raise ConfigError(f"{path}: {key}[{index}]", f"must be a name, not {item!r}")
    return section


def _merges(data: dict, path: Path) -> dict[str, str]:
    """The merges section, folded: a tag merged into a target that is itself merged would be applied in one step
    only (a chain, or a cycle swapping two tags), so it is refused with its key and the target to name instead."""
    merges = {fold(tag): target for tag, target in _mapping(data, "merges", path).items()}
    for tag, target in _mapping(data, "merges", path).items():
        further = merges.get(fold(target))
        if further is not None and fold(further) != fold(target):
            raise ConfigError(f"{path}: merges.{tag}", f"its target {target!r} is merged into {further!r} itself: "
                                                        f"merge {tag!r} into {further!r} (or into itself: no merge)")
    return merges


def _number(data: dict, key: str, default: int, path: Path) -> int:
    """Integer setting key of tags.yaml, or default."""
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ConfigError(f"{path}: {key}", f"must be a whole number, not {value!r}")
    return value


def _compile(pattern: str, key: str, path: Path, whole_words: bool = False) -> re.Pattern[str]:
    """A case-insensitive regex from tags.yaml that cannot backtrack without bound (see patterns.py), with the
    key named if it does not compile or is unsafe; whole_words for patterns only matched whole against a word."""
    try:
        check_pattern(pattern, unbounded_ok=whole_words)
        return re.compile(pattern, re.IGNORECASE)
    except (re.error, UnsafePattern, RecursionError) as error:
        raise ConfigError(f"{path}: {key}", f"bad pattern {pattern!r}: {error}") from error


def _always_rule(rule: object, index: int, path: Path) -> AlwaysRule:
    """One always-tag rule: {pattern, tag, type}."""
    key = f"always[{index}]"
    if not isinstance(rule, dict) or not {"pattern", "tag"} <= set(rule):
        raise ConfigError(f"{path}: {key}", "needs pattern and tag, e.g. {pattern: '\\bG-?7\\b', tag: G7}")
    unknown = sorted(set(rule) - {"pattern", "tag", "type"}, key=str)
    if unknown:
        raise ConfigError(f"{path}: {key}.{unknown[0]}", "unknown key (known: pattern, tag, type)")
    for field_name in ("pattern", "tag"):
        if not isinstance(rule[field_name], str) or not rule[field_name].strip():
            raise ConfigError(f"{path}: {key}.{field_name}", f"must be text, not {rule[field_name]!r}")
    kind = rule.get("type", "topic")
    if kind not in KINDS:
        raise ConfigError(f"{path}: {key}.type", f"must be one of {', '.join(KINDS)}, not {kind!r}")
    return AlwaysRule(_compile(rule["pattern"], f"{key}.pattern", path), rule["tag"], kind)


def _topics(data: dict, path: Path) -> tuple[dict[str, re.Pattern[str]], dict[str, re.Pattern[str]]]:
    """The topics section: each topic's keywords (a regex, or {keywords: regex, weak: regex}) as one pattern of
    all its keywords, and the pattern of its weak ones (words with another sense, such as 'strikes' or 'bank',
    that count only beside another keyword of the topic)."""
    section = data.get("topics") or {}
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: topics", "must be a mapping of topics")
    topics, weak = {}, {}
    for topic, words in section.items():
        if isinstance(words, dict):
            if set(words) - {"keywords", "weak"} or not isinstance(words.get("keywords"), str) or not isinstance(
                    words.get("weak", ""), str):
                raise ConfigError(f"{path}: topics.{topic}", "must be a regex or {keywords: <regex>, weak: <regex>}")
            if words.get("weak", "").strip():
                weak[str(topic)] = _keywords(str(topic), words["weak"], path)
                words = f"{words['keywords']}|{words['weak']}"
            else:
                words = words["keywords"]
        if not isinstance(words, str):
            raise ConfigError(f"{path}: topics.{topic}", f"must be a regex of keywords, not {words!r}")
        topics[str(topic)] = _keywords(str(topic), words, path)
    return topics, weak


def _keywords(topic: str, keywords: str, path: Path) -> re.Pattern[str]:
    """A topic's keywords, a regex of alternatives, as one pattern matched at word boundaries."""
    if not keywords.strip():
        raise ConfigError(f"{path}: topics.{topic}", "must be a regex of keywords such as 'oil|gas|pipelines?'")
    return _compile(r"\b(?:" + keywords + r")\b", f"topics.{topic}", path, whole_words=True)


def once_per_taxonomy(build: Callable[[Taxonomy], T]) -> Callable[[Taxonomy], T]:
    """build(taxonomy) made once per Taxonomy object in a process and then shared; another taxonomy (a test's
    tags.yaml) gets its own. The taxonomy is kept with its result, so that its id is never another's."""
    built: dict[int, tuple[Taxonomy, T]] = {}

    @wraps(build)
    def once(taxonomy: Taxonomy) -> T:
        if id(taxonomy) not in built:
            built[id(taxonomy)] = (taxonomy, build(taxonomy))
        return built[id(taxonomy)][1]

    return once
