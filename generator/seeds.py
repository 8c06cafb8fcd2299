"""Seed files: which files in seeds/ are seeds, and where a seed's sidecar of front-matter overrides is.

Kept apart from the parsing stages so that an ingest with nothing to parse does not import them."""

from __future__ import annotations

from pathlib import Path

SIDECAR_SUFFIXES = (".yaml", ".yml")
IGNORED_SEED_NAMES = {"readme", "readme.md", "readme.txt"}


def list_seeds(seeds_dir: Path) -> list[Path]:
    """Seed files in seeds/: regular, non-hidden, not sidecars or READMEs, and not links out of the folder."""
    root = seeds_dir.resolve()
    seeds = []
    for path in sorted(seeds_dir.rglob("*")):
        relative = path.relative_to(seeds_dir)
        if any(part.startswith(".") for part in relative.parts) or path.suffix.lower() in SIDECAR_SUFFIXES:
            continue
        if path.name.lower() in IGNORED_SEED_NAMES or not path.is_file():
            continue
        if not path.resolve().is_relative_to(root):
            continue
        seeds.append(path)
    return seeds


def sidecar_path(seed: Path) -> Path | None:
    """The `<seed-stem>.yaml` (or .yml) next to a seed, if there is one."""
    for suffix in SIDECAR_SUFFIXES:
        candidate = seed.with_suffix(suffix)
        if candidate != seed and candidate.is_file():
            return candidate
    return None
