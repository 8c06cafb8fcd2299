"""Second names of an entity the story already names, and places read from inside another name.

A story names a company by its group form once and by its common name after ("UBS Group AG ... UBS said"), a bank
by its proper name and then by a demonym and a reordered name ("State Bank of India ... the Indian State Bank"): one
entity, one tag, under the name readers know. A place inside the name of a plant, a war or a title ("the Fukushima
Daiichi plant", "the Vietnam War", "the Prince of Wales") is no place the story is about, unless the story names it
on its own too."""

from __future__ import annotations

from generator.tagging.entities import Entity, Resolver
from generator.tagging.gazetteer import gazetteer
from generator.tagging.lexicon import LEGAL_SUFFIXES, ROYAL_TITLES
from generator.tagging.taxonomy import Taxonomy
from generator.tagging.terms import is_war
from generator.tagging.text import Mention, fold

# Words after a company's common name that make its group or holding form: "UBS Group", "HSBC Holdings", "Alibaba
# Group Holding".
GROUP_WORDS = frozenset("group holding holdings".split())
# Lower-case nouns after the name of a plant, a mine or a field that is named for a place ("the Fukushima Daiichi
# plant", "the Hinkley Point C power station").
FACILITY_NOUNS = frozenset(
    "plant plants station reactor reactors refinery mine mines dam field oilfield gasfield terminal complex facility "
    "site smelter factory works".split())
# Words between such a name and its noun: "the Fukushima Daiichi nuclear plant", "the Grasberg copper mine".
FACILITY_KINDS = frozenset(
    "nuclear atomic power hydroelectric hydro coal gas oil wind solar copper gold iron steel chemical".split())
# Titles held "of" a place, which is part of the title: "Prince of Wales", "Duke of York", "Archbishop of Canterbury".
PLACE_TITLES = ROYAL_TITLES | frozenset("earl countess baron baroness marquess viscount archbishop bishop".split())


def fold_group_forms(resolver: Resolver, spans: list[Mention]) -> None:
    """Fold a company's group form ("UBS Group", "Sasol Holdings") into its common name where the story also writes
    the common name, or its first word, alone ("Lehman Brothers Holdings ... Lehman said"; not a place's name, as
    "China" of "China State Railway Group"); not a family's name ("Rockefeller Group" beside David Rockefeller)."""
    written = {fold(mention.text).removeprefix("the ") for mention in spans}
    family = {word for entity in resolver.entities.values() if entity.kind == "person"
              for word in fold(entity.name).split()}
    for key, entity in list(resolver.entities.items()):
        common = _common_name(entity)
        if entity.kind != "organisation" or common is None or fold(common) in family:
            continue  # a family's firm: "Rockefeller Group" beside David Rockefeller
        first = common.split()[0]
        short = fold(first) in written and fold(first) not in family and not resolver.known(first)
        if fold(common) in written or fold(common) in resolver.entities or short:
            _fold_under(resolver, key, common)


def _common_name(entity: Entity) -> str | None:
    """"UBS" of "UBS Group", "Alibaba" of "Alibaba Group Holding", else None."""
    words = [word for word in entity.name.split() if fold(word) not in LEGAL_SUFFIXES]
    cut = len(words)
    while cut > 1 and fold(words[cut - 1]) in GROUP_WORDS:
        cut -= 1
    return " ".join(words[:cut]) if cut < len(words) else None


def fold_demonym_forms(resolver: Resolver, taxonomy: Taxonomy) -> None:
    """Fold "<demonym> <name>" into "<name> of <country>" where the story names that ("Indian State Bank" into State
    Bank of India, "Australian Commonwealth Bank" into Commonwealth Bank of Australia): never a reordered name."""
    for key, entity in list(resolver.entities.items()):
        if entity.kind != "organisation":
            continue
        for size in (2, 1):
            head, rest = " ".join(key.split()[:size]), " ".join(key.split()[size:])
            country = taxonomy.demonyms.get(head) or taxonomy.demonyms.get(head.removesuffix("s"))
            if not country or not rest:
                continue
            names = {fold(country)} | {alias for alias, name in taxonomy.aliases.items() if fold(name) == fold(country)}
            target = next((f"{rest} of {name}" for name in names | {f"the {name}" for name in names}
                           if f"{rest} of {name}" in resolver.entities), None)
            if target:
                _fold_under(resolver, key, resolver.entities[target].name)
            break
    _fold_country_forms(resolver, taxonomy)


def _fold_country_forms(resolver: Resolver, taxonomy: Taxonomy) -> None:
    """Fold "<country> <body>" into "<demonym> <body>" where the story names both ("UK Supreme Court" in a headline
    into the "British Supreme Court" of "Britain's Supreme Court"): one body, its country written two ways."""
    for key, entity in list(resolver.entities.items()):
        if entity.kind != "organisation" or key not in resolver.entities:
            continue
        for size in (2, 1):
            head, rest = " ".join(key.split()[:size]), " ".join(key.split()[size:])
            country = fold(taxonomy.aliases.get(head, head))
            if not rest or head in taxonomy.demonyms or country not in {fold(c) for c in taxonomy.demonyms.values()}:
                continue
            targets = [f"{demonym} {rest}" for demonym, name in taxonomy.demonyms.items()
                       if fold(name) == country and f"{demonym} {rest}" in resolver.entities]
            if targets:
                _fold_under(resolver, key, resolver.entities[targets[0]].name)
            break


def drop_places_inside_names(resolver: Resolver, spans: list[Mention]) -> None:
    """Forget a place every mention of which is inside the name of a plant, a mine or a field named for it ("the
    Fukushima Daiichi plant") or of a title held of it ("the Prince of Wales", "the Duke of York")."""
    inside: dict[str, int] = {}
    places = [key for key, entity in resolver.entities.items() if entity.kind == "place"]
    for mention in spans:
        place = _place_inside(mention, resolver, places)
        if place is not None:
            inside[place] = inside.get(place, 0) + 1
    for key, times in inside.items():
        entity = resolver.entities.get(key)
        if entity is not None and entity.kind == "place" and entity.count <= times:
            del resolver.entities[key]


def _place_inside(mention: Mention, resolver: Resolver, places: list[str]) -> str | None:
    """The folded tag of the place a span's name is read from, if the span is a facility's, a war's or a title's
    name: a known place opening it ("Fukushima" of "Fukushima Daiichi", "Vietnam" of "the Vietnam War") or a place
    of the story inside it ("Mile Island" of "Three Mile Island"); a country only in a war's ("Japan" of "Japan
    Atomic Power" stays)."""
    words = mention.words[1:] if mention.words[0] == "The" else mention.words
    if len(words) >= 3 and fold(words[0]) in PLACE_TITLES and words[1] == "of":
        found = resolver.known(" ".join(words[2:]))
        return fold(found[0]) if found and found[1] == "place" else None
    war = is_war(words)
    facility = mention.after in FACILITY_NOUNS | FACILITY_KINDS or fold(words[-1]) in FACILITY_NOUNS
    if len(words) < 2 or not facility and not war:  # "the Three Gorges Dam", "Hinkley Point C Nuclear Power Station"
        return None
    span = f" {fold(' '.join(words))} "
    opening = [fold(found[0]) for size in (2, 1) if size < len(words) and (
        found := resolver.known(" ".join(words[:size]))) and found[1] == "place"]
    within = [key for key in places if f" {key} " in span and f" {key} " != span]
    return next((key for key in opening + within
                 if war or getattr(gazetteer().names.get(key), "kind", "") != "country"), None)


def _fold_under(resolver: Resolver, key: str, name: str) -> None:
    """Move entity key's mentions onto the organisation called name (made if the story has none yet)."""
    entity = resolver.entities.pop(key)
    target_key = fold(resolver.aliases.get(fold(name), name))
    if target_key == key:
        resolver.entities[key] = entity
        return
    target = resolver.entities.setdefault(target_key, Entity(name, "organisation", first=entity.first))
    target.absorb(entity)
    target.variants.add(key)
