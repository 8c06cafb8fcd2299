"""National bodies named without their country ("the Finance Ministry", "the Supreme Court"): whose they are.

A ministry, central bank, court or parliament is a tag only under its country ("Japanese Finance Ministry"), and
only when the story says which country: the sentence that names it, the place it is put in, a possessive ("Japan's
Finance Ministry"), a "<body> of <country>" the story also names, or, failing those, the one country the story is
about. When the story is about several countries and the sentence does not say, the body is no tag."""

from __future__ import annotations

import re

from generator.model import Article
from generator.tagging.entities import Resolver
from generator.tagging.gazetteer import dateline_region, gazetteer
from generator.tagging.lexicon import INSTITUTION_HEADS, INSTITUTION_WORDS
from generator.tagging.taxonomy import Taxonomy, once_per_taxonomy
from generator.tagging.text import fold

MAIN_COUNTRY_MARGIN = 1.5
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z])")
CAPITALISED_RUN = re.compile(r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,2}")
# "Ministry of Finance", "Ministry of Foreign Affairs": filed as "Finance Ministry", "Foreign Ministry".
MINISTRY_OF = re.compile(r"^(ministry|department) of (?:the )?(\w+)(?: affairs)?$")


def qualify_institutions(resolver: Resolver, taxonomy: Taxonomy, article: Article,
                         sections: list[tuple[str, float]]) -> None:
    """Give each national body named without its country the country the story gives it, or drop it."""
    adjective = country_adjectives(taxonomy)
    home = _dateline_country(article)
    main = _main_country(resolver, taxonomy)
    for key, entity in list(resolver.entities.items()):
        words = key.split()
        if entity.kind != "organisation" or not is_national_body(words):
            continue
        del resolver.entities[key]
        written = _of_country(key, resolver)
        if written is not None:  # "the Supreme Court" of a story that names the "Supreme Court of Ukraine"
            written.absorb(entity)
            continue
        qualified = [other for other_key, other in resolver.entities.items() if other_key.endswith(f" {key}")]
        decided, candidates = _countries_of(entity.name, sections, taxonomy)
        if not decided and not candidates and len(qualified) == 1:  # "the Foreign Ministry" beside the Russian one
            qualified[0].absorb(entity)
            continue
        country = decided or _choose(candidates, home, main)
        if country and fold(country) == "united states" and "ministry" in words:
            continue  # the United States has departments, no ministries: the story's ministry is another country's
        qualifier = "U.S." if country and fold(country) == "united states" else adjective.get(fold(country or ""), "")
        if qualifier:
            name = f"{qualifier.title() if qualifier != 'U.S.' else qualifier} {_short_form(entity.name)}"
            resolver.add(name, "organisation", 0.0, named=False)
            resolver.entities[fold(resolver.aliases.get(fold(name), name))].absorb(entity)


def is_national_body(words: list[str]) -> bool:
    """Folded words that name a body every country has ("finance ministry", "supreme court")."""
    return set(words) <= INSTITUTION_WORDS and not INSTITUTION_HEADS.isdisjoint(words)


@once_per_taxonomy
def country_adjectives(taxonomy: Taxonomy) -> dict[str, str]:
    """Folded country -> the adjective that names its bodies: the first demonym tags.yaml lists for it ("Turkish",
    not "Turk"; "British", not "Scottish"); never a form made by rule, which may be one nobody writes."""
    adjective: dict[str, str] = {}
    for word, country in taxonomy.demonyms.items():
        if word not in taxonomy.made_demonyms:
            adjective.setdefault(fold(country), word)
    return adjective


def _short_form(name: str) -> str:
    """'Ministry of Finance' as 'Finance Ministry', 'Ministry of Foreign Affairs' as 'Foreign Ministry' (the form
    ministries are filed under); other names unchanged."""
    found = MINISTRY_OF.match(fold(name))
    if not found:
        return name
    return f"{found.group(2).title()} {found.group(1).title()}"


def _of_country(key: str, resolver: Resolver):
    """The entity '<key> of <country>' ('supreme court of ukraine') the story names, if one."""
    index = gazetteer()
    for other, entity in resolver.entities.items():
        head, of, country = other.partition(f"{key} of ")
        if of and not head and entity.count:
            place = index.names.get(country.removeprefix("the "))
            if place is not None and place.kind == "country":
                return entity
    return None


def _choose(candidates: set[str], home: str | None, main: str | None) -> str | None:
    """The country of a body from the countries of the sentences naming it, the dateline's (home) and the one the
    story is most about (main): the story's country when the dateline agrees (a Tokyo story about Japan), or when
    the story has no dateline and the sentences name no country; else the one country the sentences name; None when
    unsure."""
    if main is not None and (home == main or home is None and not candidates):
        return main
    return next(iter(candidates)) if len(candidates) == 1 else None


def _countries_of(name: str, sections: list[tuple[str, float]], taxonomy: Taxonomy) -> tuple[str | None, set[str]]:
    """(decided, candidates): the country the text puts a body in ("the Finance Ministry in Tokyo") or gives it by a
    possessive ("Japan's Finance Ministry"), else None and the countries the sentences naming it name or call by
    demonym."""
    placed = re.compile(rf"(?i:{re.escape(name)})\s+in\s+([A-Z][\w'.\-]*(?:\s[A-Z][\w'.\-]*)?)")
    owned = re.compile(rf"([A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*)?)['’]s\s+(?i:{re.escape(name)})")
    named: set[str] = set()
    for text, _ in sections:
        for pattern in (placed, owned):
            found = pattern.search(text)
            place = _country_named(found.group(1), taxonomy, capitals=True) if found else None
            if place:
                return place, set()
        for sentence in SENTENCE_END.split(text):
            if name.casefold() in " ".join(sentence.split()).casefold():
                named |= _countries_in(sentence, taxonomy)
    return None, named


def _countries_in(sentence: str, taxonomy: Taxonomy) -> set[str]:
    """The countries a sentence names, by name or by demonym ("Japanese insurers"); not by a capital, often a
    destination ("will attend a meeting in Seoul")."""
    found = set()
    for run in CAPITALISED_RUN.findall(sentence):
        words = run.split()
        for size in range(len(words), 0, -1):
            country = _country_named(" ".join(words[:size]), taxonomy)
            if country:
                found.add(country)
                break
    return found


def _country_named(phrase: str, taxonomy: Taxonomy, capitals: bool = False) -> str | None:
    """The country a phrase names: a country, a demonym or, if asked, a capital ("Tokyo": Japan), else None."""
    index = gazetteer()
    key = fold(phrase).removesuffix(" s")
    if key in taxonomy.demonyms:
        return taxonomy.demonyms[key]
    canonical = fold(taxonomy.aliases.get(key, phrase))
    place = index.names.get(canonical)
    if place is not None and place.kind == "country":
        return place.name
    code = index.capitals.get(canonical) if capitals else None
    return index.countries[code].name if code in index.countries else None


def _dateline_country(article: Article) -> str | None:
    """The country of the dateline's place, if the story has a dateline."""
    if not article.dateline.place:
        return None
    index = gazetteer()
    region = dateline_region(article.dateline.place, article.dateline.region or "")
    city = index.city(article.dateline.place, region.country if region else None)
    code = region.country if region else city.country if city else None
    return index.countries[code].name if code in index.countries else None


def _main_country(resolver: Resolver, taxonomy: Taxonomy) -> str | None:
    """The country the story is most about: its own mentions, those of places inside it and its demonyms, added
    up; None unless it outweighs the next by half again (a story of Russia and India is about both)."""
    index = gazetteer()
    scores: dict[str, float] = dict(resolver.demonym_scores)
    for entity in resolver.entities.values():
        if entity.kind != "place":
            continue
        place = index.lookup(entity.name, 0)
        if place is not None and place.country in index.countries:
            country = index.countries[place.country].name
            scores[country] = scores.get(country, 0.0) + entity.score
        elif fold(entity.name) in {fold(country) for country in taxonomy.demonyms.values()}:
            scores[entity.name] = scores.get(entity.name, 0.0) + entity.score  # West Germany, Soviet Union
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if not ranked or len(ranked) > 1 and ranked[1][1] * MAIN_COUNTRY_MARGIN > ranked[0][1]:
        return None
    return ranked[0][0]
