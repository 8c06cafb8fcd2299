"""Seed files: which files in seeds/ are seeds, where a seed's sidecar of front-matter overrides is, and the
defaults a folder's `_defaults.yaml` gives every seed below it.

Kept apart from the parsing stages so that an ingest with nothing to parse does not import them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.errors import SeedError, printable

SIDECAR_SUFFIXES = (".yaml", ".yml")
DEFAULTS_NAMES = ("_defaults.yaml", "_defaults.yml")  # a folder's defaults, for every seed below it
MAX_FIELDS_BYTES = 1_000_000  # a sidecar or defaults file holds a few front-matter fields
IGNORED_SEED_NAMES = {"readme", "readme.md", "readme.txt"}


def list_seeds(seeds_dir: Path, problems: list[SeedError] | None = None) -> list[Path]:
    """Seed files in seeds/: regular, non-hidden, not sidecars or READMEs, and not links out of the folder.

    Plain strings and os.walk, as every build lists the seeds: only a symbolic link is resolved (links to folders
    are not followed, so a file that is not a link is inside), and the order is the paths' (by their parts).
    Anything else that looks like a seed but cannot be one (a name that is not UTF-8, a link that loops, goes
    nowhere or leads out of seeds/, a pipe or device) is left out and, when `problems` is given, added to it as a
    SeedError: nothing in seeds/ is passed over without a word."""
    root = seeds_dir.resolve()
    found = []
    for folder, folders, names in os.walk(seeds_dir):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in names:
            lower = name.lower()
            if name.startswith(".") or lower.endswith(SIDECAR_SUFFIXES) or lower in IGNORED_SEED_NAMES:
                continue
            path = os.path.join(folder, name)
            problem = seed_name_problem(path, root)
            if problem is None:
                found.append(os.path.relpath(path, seeds_dir).split(os.sep))
            elif problems is not None:
                problems.append(SeedError(printable_path(path), problem))
    return [seeds_dir.joinpath(*parts) for parts in sorted(found)]


def seed_name_problem(path: str, root: Path) -> str | None:
    """Why a listed file cannot be a seed (one line to report), or None when it is one."""
    if not is_utf8(path):
        return "file name is not valid UTF-8: rename the file"
    if os.path.islink(path):
        try:
            target = Path(path).resolve(strict=True)
        except FileNotFoundError:
            return f"a symbolic link to nothing ({printable_path(os.readlink(path))}): not read"
        except (OSError, RuntimeError) as error:
            return f"cannot follow the symbolic link: {getattr(error, 'strerror', None) or error}"
        if not target.is_relative_to(root):
            return f"a symbolic link out of seeds/ (to {printable_path(target)}): not read; copy the file in instead"
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return f"cannot read file: {error.strerror or error}"
    return None if stat.S_ISREG(mode) else "not a regular file (a pipe, socket or device): a seed is a text file"


def is_utf8(name: str) -> bool:
    """The name decodes as UTF-8 (os.walk gives undecodable bytes as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable_path(path: str | Path) -> str:
    """A path as text that can always be printed on one line (see errors.printable)."""
    return printable(os.fsdecode(path))


def refuse_non_regular(path: Path) -> None:
    """Raise a SeedError unless path is a regular file (a device such as /dev/zero, a FIFO or a folder would
    never end or make no sense as a seed)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        raise SeedError(printable_path(path), f"cannot read file: {error.strerror or error}") from error
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "a device, pipe or socket"
        raise SeedError(printable_path(path), f"not a regular file ({kind}): a seed is a text file")


def sidecar_path(seed: Path) -> Path | None:
    """The `<seed-stem>.yaml` (or .yml) next to a seed, if there is one."""
    for suffix in SIDECAR_SUFFIXES:
        candidate = seed.with_suffix(suffix)
        if candidate != seed and candidate.name not in DEFAULTS_NAMES and os.path.lexists(candidate):
            return candidate  # a link or a pipe too: read_fields_file refuses it with the reason
    return None


def fields_file_problem(path: Path, what: str) -> str | None:
    """Why a sidecar or defaults file cannot be read (a link out of its folder, a pipe, a device), else None."""
    try:
        target = path.resolve(strict=True)
        mode = os.stat(path).st_mode
    except (OSError, RuntimeError) as error:
        return f"unreadable {what}: {getattr(error, 'strerror', None) or error}"
    if path.is_symlink() and not target.is_relative_to(path.parent.resolve()):
        return f"{what} is a symbolic link out of its folder (to {printable_path(target)}): not read"
    return None if stat.S_ISREG(mode) else f"{what} is not a regular file (a pipe, socket or device)"


def read_fields_file(path: Path, what: str) -> dict:
    """The front-matter fields of a sidecar or a folder's defaults (`what`), checked against the schema
    (generator.schema): only keys they may set, each of its type, YAML loaded with its limits; a SeedError names
    the file and the reason otherwise."""
    from generator.schema import FrontMatterError, load_yaml, settable_fields

    problem = fields_file_problem(path, what)
    if problem:
        raise SeedError(path, problem)
    try:
        if path.stat().st_size > MAX_FIELDS_BYTES:
            raise SeedError(path, f"{what} is over {MAX_FIELDS_BYTES // 1_000_000} MB: not front-matter fields")
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise SeedError(path, f"unreadable {what}: {str(error).splitlines()[0]}") from error
    try:
        return settable_fields(load_yaml(text, path, what), path)
    except FrontMatterError as error:
        raise SeedError(path, "; ".join(error.problems)) from None


def folder_defaults(seeds: list[Path], seeds_dir: Path) -> tuple[dict[Path, dict], list[SeedError]]:
    """Each seed's folder defaults: the fields of every `_defaults.yaml` from seeds_dir down to the seed's folder,
    the nearest folder's winning key by key; and the defaults files that cannot be used, one SeedError each (their
    seeds go on without them)."""
    by_folder: dict[Path, dict] = {}
    problems: list[SeedError] = []

    def fields_of(folder: Path) -> dict:
        if folder not in by_folder:
            by_folder[folder] = {}
            for name in DEFAULTS_NAMES:
                if os.path.lexists(folder / name):
                    try:
                        by_folder[folder] = read_fields_file(folder / name, "defaults file")
                    except SeedError as error:
                        problems.append(error)
                    break
        return by_folder[folder]

    result = {}
    for seed in seeds:
        merged: dict = {}
        folder = seeds_dir
        for part in ("", *seed.relative_to(seeds_dir).parent.parts):
            folder = folder / part if part else folder
            merged.update(fields_of(folder))
        result[seed] = merged
    return result, problems
