"""The places index's shape: each place tag under its country (from the gazetteer), the others apart.

A tag that names a country heads it; a state, province or city goes under its country. Of several namesakes
(London in England or Ontario, Georgia the country or the US state) the one whose country the place's own stories
are tagged with most wins; with no such story, the gazetteer's own answer stands when it is a country, state or
province, or a city of at least MIN_POPULATION people (the size the tagger trusts a bare city name at), so that a
little-known namesake abroad (Palestine, Texas) does not take a place the stories never put there. Seas, regions,
continents and places of another time (North Sea, Middle East, Soviet Union) have no country: they are listed
apart."""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from generator.tagging.gazetteer import Gazetteer, Place, gazetteer
from generator.tagging.text import fold

MIN_POPULATION = 100_000
ADMINISTRATIVE = re.compile(r" (?:region|province|oblast|krai|prefecture|governorate|district)$")


class Country(NamedTuple):
    """A country of the index: its name, its own tag and story count when it has one, and its places. Tuples, so
    that the writer can fingerprint the page (generator.site.reuse)."""

    name: str
    initial: str  # the first letter of its name, accents folded (the index's letter jump)
    tag: object | None
    count: int
    places: tuple[tuple[object, int], ...]


class PlaceGroups(NamedTuple):
    """Countries A to Z with their places (most stories first), and the places in no country."""

    countries: tuple[Country, ...]
    elsewhere: tuple[tuple[object, int], ...]


def group_places(places: dict, index: Gazetteer | None = None, aliases: list[list[str]] = ()) -> PlaceGroups:
    """`places` maps each place Tag to its stories (each with `.tags`); their PlaceGroups. `aliases` ([canonical,
    variant, ...], tags.yaml's) give a tag the gazetteer's name of its country (Bosnia: Bosnia and Herzegovina)."""
    index = index or gazetteer()
    variants = {group[0]: group[1:] for group in aliases}
    own = {tag.slug: next(filter(None, (country_of_name(name, index) for name in (tag.name, *variants.get(tag.name, ())))), None)
           for tag in places}
    heads: dict[str, tuple[object, int]] = {}  # country code -> its own tag and count
    under: dict[str, list[tuple[object, int]]] = {}
    elsewhere = []
    for tag, stories in sorted(places.items(), key=lambda item: (-len(item[1]), item[0].name.casefold())):
        code = own[tag.slug]
        if code is not None and code not in heads:
            heads[code] = (tag, len(stories))
            continue
        code = code or country_of_place(tag.name, cotagged_countries(stories, own, tag.slug), index)
        if code is None:
            elsewhere.append((tag, len(stories)))
        else:  # a state or city, or a second tag naming a country (its places)
            under.setdefault(code, []).append((tag, len(stories)))
    countries = []
    for code in heads.keys() | under.keys():
        tag, count = heads.get(code, (None, 0))
        name = tag.name if tag else index.countries[code].name
        countries.append(Country(name, fold(name)[:1].upper(), tag, count, tuple(under.get(code, ()))))
    return PlaceGroups(tuple(sorted(countries, key=lambda country: fold(country.name))), tuple(elsewhere))


def country_of_name(name: str, index: Gazetteer) -> str | None:
    """The code of the country the name is, None when it is no country's name."""
    place = index.names.get(fold(name))
    return place.country if place is not None and place.kind == "country" and place.country in index.countries else None


def cotagged_countries(stories: list, countries: dict[str, str | None], slug: str) -> Counter:
    """How many of a place's stories are tagged with each country (by code)."""
    found: Counter = Counter()
    for story in stories:
        found.update({countries.get(tag.slug) for tag in story.tags if tag.slug != slug} - {None})
    return found


def country_of_place(name: str, cotagged: Counter, index: Gazetteer) -> str | None:
    """The code of the country a state, province or city is in (see the module docstring), None for none; a
    region named after its capital ("Kursk Region", "Lijiang Province") is in the capital's country."""
    key = ADMINISTRATIVE.sub("", fold(name)) or fold(name)
    namesakes = [place for place in (index.names.get(key), index.states.get(key), *index.cities.get(key, ()))
                 if place is not None and place.country in index.countries]
    if not namesakes:
        return None
    best = max(namesakes, key=lambda place: (cotagged[place.country], place.kind != "city", place.population))
    if cotagged[best.country]:
        return best.country
    alone = index.lookup(key, 0)
    return alone.country if alone is not None and trusted(alone) and alone.country in index.countries else None


def trusted(place: Place) -> bool:
    """A place the gazetteer names without the stories' help: a state or province, or a big enough city."""
    return place.kind != "city" or place.population >= MIN_POPULATION
