"""Seed files: which files in seeds/ are seeds, and where a seed's sidecar of front-matter overrides is.

Kept apart from the parsing stages so that an ingest with nothing to parse does not import them."""

from __future__ import annotations

import os
from pathlib import Path

SIDECAR_SUFFIXES = (".yaml", ".yml")
IGNORED_SEED_NAMES = {"readme", "readme.md", "readme.txt"}


def list_seeds(seeds_dir: Path) -> list[Path]:
    """Seed files in seeds/: regular, non-hidden, not sidecars or READMEs, and not links out of the folder.

    Plain strings and os.walk, as every build lists the seeds: only a symbolic link is resolved (links to folders
    are not followed, so a file that is not a link is inside), and the order is the paths' (by their parts)."""
    root = seeds_dir.resolve()
    found = []
    for folder, folders, names in os.walk(seeds_dir):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in names:
            lower = name.lower()
            if name.startswith(".") or lower.endswith(SIDECAR_SUFFIXES) or lower in IGNORED_SEED_NAMES:
                continue
            path = os.path.join(folder, name)
            if os.path.islink(path) and not Path(path).resolve().is_relative_to(root):
                continue
            if os.path.isfile(path):
                found.append(os.path.relpath(path, seeds_dir).split(os.sep))
    return [seeds_dir.joinpath(*parts) for parts in sorted(found)]


def sidecar_path(seed: Path) -> Path | None:
    """The `<seed-stem>.yaml` (or .yml) next to a seed, if there is one."""
    for suffix in SIDECAR_SUFFIXES:
        candidate = seed.with_suffix(suffix)
        if candidate != seed and candidate.is_file():
            return candidate
    return None
