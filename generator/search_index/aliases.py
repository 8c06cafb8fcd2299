"""The names tags.yaml files a tag under besides its own (Kiev for Kyiv, U.S. for United States), for search.

An alias of fewer than ALIAS_LETTERS letters (US, IS, Fed, SEC) is also a common word: a story has it only where
it is written as the alias is, in its capitals ("US", "U.S."; not "us", "is", "fed up"), in a part of the story
not written all in capitals. The index lists those places under the alias's own term (acronym_term), which
find.js looks up for the alias's tag, so that "U.S." and "United States" find the same stories."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from generator.search_index.words import words
from generator.tagging.gazetteer import gazetteer
from generator.tagging.taxonomy import TAXONOMY_PATH, read_taxonomy_file
from generator.tagging.text import fold

ALIAS_LETTERS = 4  # an alias this long or longer is a name in any case ("Kiev", "kiev"); find.js knows it too
ACRONYM_MARK = "="  # starts the term of a short alias as written: no word has it (words.py)


def alias_groups(path: Path | None, search: bool = False) -> list[list[str]]:
    """[canonical name, alias, ...] for every name tags.yaml gives aliases to, sorted; [] without the file.
    tags.yaml is read with the schema's bounded YAML loader, as the tagger reads it.

    Aliases keep their spelling: find.js widens a query with an alias only when it is not written in capitals
    ("Kiev" finds what "Kyiv" finds, but "US" is not "us"). For search, an alias that is also a word of another
    entity's name is left out ("America" of "Latin America": see _inside_other_name)."""
    if path is None or not path.is_file():
        return []
    data = read_taxonomy_file(path)
    section = data.get("aliases") if isinstance(data, dict) else None
    pairs = [(str(variant), str(canonical)) for variant, canonical in section.items()] if isinstance(section, dict) else []
    longer = _longer_names(data, pairs) if search else {}
    groups: dict[str, set[str]] = {}
    for variant, canonical in pairs:
        if not _inside_other_name(variant, canonical, longer):
            groups.setdefault(canonical, set()).add(variant)
    return [[canonical, *sorted(variants)] for canonical, variants in sorted(groups.items())]


def _longer_names(data: dict, pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Folded names of several words the taxonomy and the gazetteer know -> the folded entity each names."""
    names = {fold(variant): fold(canonical) for variant, canonical in pairs}
    types = data.get("types")
    names.update({fold(str(name)): fold(str(name)) for name in types} if isinstance(types, dict) else {})
    names.update({key: fold(place.name) for key, place in gazetteer().names.items()})
    return {key: entity for key, entity in names.items() if " " in key}


def _inside_other_name(variant: str, canonical: str, longer: dict[str, str]) -> bool:
    """True for an alias that is also a word of another entity's name: "America" of "Latin America" and "Bank of
    America" would widen a search for the United States to their stories (a search term is a word)."""
    if variant.replace(".", "").isupper():
        return False  # an acronym is found as written, in its capitals (acronym_finder): not in "US Virgin Islands"
    word = f" {fold(variant)} "
    return any(word in f" {name} " and entity != fold(canonical) for name, entity in longer.items())


def acronym_term(alias: str) -> str:
    """The index term of a short alias written as it is spelled ("U.S." or "US" -> "=us")."""
    return ACRONYM_MARK + "".join(words(alias))


def short_aliases(groups: list[list[str]]) -> list[str]:
    """The aliases of fewer than ALIAS_LETTERS letters, as spelled in tags.yaml, periods left out ("N.Y." -> "NY")."""
    return sorted({alias.replace(".", "") for group in groups for alias in group[1:]
                   if len("".join(words(alias))) < ALIAS_LETTERS and alias.replace(".", "").isalnum()})


def acronym_finder(groups: list[list[str]]) -> Callable[[str], list[str]]:
    """A function giving the acronym terms of the short aliases written in a text (one per place), none in a text
    with no lower-case letter (a headline in capitals says "US" for "us" too). An alias in capitals may have a
    period after each letter ("US" is also "U.S." and "U.S")."""
    spelled = short_aliases(groups)
    if not spelled:
        return lambda text: []
    patterns = [r"\.?".join(map(re.escape, alias)) + r"\.?" if alias.isupper() else re.escape(alias) for alias in spelled]
    finder = re.compile(r"(?<![^\W_])(?:" + "|".join(sorted(patterns, key=len, reverse=True)) + r")(?![^\W_])")

    def find(text: str) -> list[str]:
        if not any(character.islower() for character in text):
            return []
        return [acronym_term(found) for found in finder.findall(text)]

    return find


def aliases_path(settings: dict) -> Path | None:
    """The tags.yaml whose aliases search knows: SEARCH_ALIASES, else the project's."""
    configured = settings.get("SEARCH_ALIASES")
    return Path(configured) if configured else TAXONOMY_PATH
