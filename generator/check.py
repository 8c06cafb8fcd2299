"""Check without building: every seed parses, every content file has front matter the build accepts (the same
schema, generator.schema), and every content file is explained by a seed or by what ingest recorded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.ingest import Manifest, address_order, cached_taxonomy, content_files, prepare_all, unrecorded_files
from generator.schema import FrontMatterError, read_story
from generator.seeds import folder_defaults, list_seeds


def check_seeds(seeds_dir: Path, default_year: int | None = None, taxonomy_path: str | None = None) -> tuple[int, list[str], list[str], list[str]]:
    """Parse every seed, as ingest does: (number of seeds, errors, warnings, seeds dated by the file's time), one
    line each naming the file."""
    cached_taxonomy(taxonomy_path)
    problems = []
    seeds = list_seeds(seeds_dir, problems)
    defaults, unusable = folder_defaults(seeds, seeds_dir)
    errors, warnings, dated_by_file = [str(problem) for problem in [*problems, *unusable]], [], []
    for seed, result in zip(seeds, prepare_all(seeds, seeds_dir, default_year, taxonomy_path, defaults=defaults)):
        if isinstance(result, Exception):
            errors.append(str(result))
        else:
            warnings.extend(f"{seed}: {warning}" for warning in result.warnings)
            if result.date_source == "mtime":
                dated_by_file.append(f"{seed} ({result.date})")
    return len(seeds) + len(problems), errors, warnings, dated_by_file


def story_files(content_dir: Path, page_folders: list[str]) -> list[str]:
    """The content files that are stories: not under one of the page folders (PAGE_PATHS, the owner's pages)."""
    folders = tuple(folder.strip("/") + "/" for folder in page_folders if folder.strip("/"))
    return [path for path in content_files(content_dir) if not path.startswith(folders)]


def check_content(content_dir: Path, page_folders: list[str] = ("pages",)) -> tuple[int, list[str]]:
    """Check every story in content/ as the build reads it: (number of files, problems, one line each)."""
    files = [content_dir / path for path in address_order(content_dir, story_files(content_dir, page_folders))]
    problems: list[str] = []
    urls: dict[tuple, Path] = {}
    for path in files:
        try:
            fields, _ = read_story(path)
        except FrontMatterError as error:
            problems.extend(f"{path}: {problem}" for problem in error.problems)
            continue
        date, slug = fields.get("date"), fields.get("slug") or path.stem
        if isinstance(date, dt.date):
            key = (date.isoformat()[:10], slug)
            if key in urls:
                problems.append(f"{path}: same date and slug as {urls[key]}: the two stories would share one URL")
            urls.setdefault(key, path)
    return len(files), problems


def check_records(seeds_dir: Path, content_dir: Path, page_folders: list[str] = ("pages",)) -> tuple[list[str], list[str]]:
    """Content files against what ingest recorded and the seeds: (problems, notes).

    A problem: a content file no record explains that names a seed whose story is elsewhere (a second copy), or
    a seed that is not there. A note: a recorded story deleted while its seed is there (the next ingest writes it
    again), a file no record explains that names its seed and is its only story (the
    next ingest adopts it when it is exactly what the seed gives, and reports it otherwise), a file that names no
    seed (written by hand: ingest leaves it alone), a recorded story whose seed is gone (the next ingest removes
    it, unless edited or its seed was renamed)."""
    manifest = Manifest(content_dir)
    seeds = {seed.relative_to(seeds_dir).as_posix() for seed in list_seeds(seeds_dir)} if seeds_dir.is_dir() else set()
    stories = {entry["seed"]: path for path, entry in manifest.stories.items() if (content_dir / path).is_file()}
    problems, notes = [], []
    listed = set(story_files(content_dir, page_folders))
    for path, seed in sorted(unrecorded_files(content_dir, manifest.stories).items()):
        if path not in listed:
            continue
        where = content_dir / path
        if seed is None:
            notes.append(f"{where}: names no seed and ingest did not write it: kept as a story written by hand")
        elif seed in stories:
            problems.append(f"{where}: a second story of seed {seed} (its story is {content_dir / stories[seed]}); "
                            "no seed and no record explain it: delete it if it is a copy")
        elif seed not in seeds:
            problems.append(f"{where}: its seed {seed} is not in {seeds_dir} and ingest has no record of it")
        else:
            stories[seed] = path
            notes.append(f"{where}: not recorded by ingest: the next ingest adopts it if it is exactly what {seed} "
                         "gives, and keeps it (reported) otherwise")
    notes += [f"{content_dir / path}: its seed {entry['seed']} is gone: the next ingest removes it (unless edited, "
              "or the seed was renamed)"
              for path, entry in sorted(manifest.stories.items()) if seeds and entry["seed"] not in seeds]
    notes += [f"{content_dir / path}: deleted, but its seed {entry['seed']} is there: the next ingest writes it again "
              "(to take a story off the site, remove its seed)"
              for path, entry in sorted(manifest.stories.items())
              if entry["seed"] in seeds and not entry.get("redirect") and not (content_dir / path).is_file()]
    return problems, notes
