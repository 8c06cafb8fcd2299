"""The names tags.yaml files a tag under besides its own (Kiev for Kyiv, U.S. for United States), for search."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.errors import ConfigError


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
