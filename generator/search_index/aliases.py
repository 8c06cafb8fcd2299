"""The names tags.yaml files a tag under besides its own (Kiev for Kyiv, U.S. for United States), for search.

An alias of fewer than ALIAS_LETTERS letters (US, IS, Fed, SEC) is also a common word: a story has it only where
it is written as the alias is, in its capitals ("US", "U.S."; not "us", "is", "fed up"), in a part of the story
not written all in capitals. The index lists those places under the alias's own term (acronym_term), which
find.js looks up for the alias's tag, so that "U.S." and "United States" find the same stories."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml

from generator.errors import ConfigError
from generator.search_index.words import words
from generator.tagging.taxonomy import TAXONOMY_PATH

ALIAS_LETTERS = 4  # an alias this long or longer is a name in any case ("Kiev", "kiev"); find.js knows it too
ACRONYM_MARK = "="  # starts the term of a short alias as written: no word has it (words.py)


def alias_groups(path: Path | None) -> list[list[str]]:
    """[canonical name, alias, ...] for every name tags.yaml gives aliases to, sorted; [] without the file.

    Aliases keep their spelling: find.js widens a query with an alias only when it is not written in capitals
    ("Kiev" finds what "Kyiv" finds, but "US" is not "us")."""
    if path is None or not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(str(path), f"cannot read taxonomy: {error}") from error
    section = data.get("aliases") if isinstance(data, dict) else None
    groups: dict[str, set[str]] = {}
    for variant, canonical in (section or {}).items() if isinstance(section, dict) else ():
        groups.setdefault(str(canonical), set()).add(str(variant))
    return [[canonical, *sorted(variants)] for canonical, variants in sorted(groups.items())]


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
