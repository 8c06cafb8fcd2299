"""Check without building: every seed parses, every content file has usable front matter."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import frontmatter
import yaml

from generator.ingest import cached_taxonomy, prepare
from generator.seeds import list_seeds

# What every story has; a story without a dateline or sign-off has no place and no source, and is valid.
REQUIRED_FIELDS = ("title", "date", "slug", "tags")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check_seeds(seeds_dir: Path, default_year: int | None = None, taxonomy_path: str | None = None) -> tuple[int, list[str], list[str], list[str]]:
    """Parse every seed: (number of seeds, errors, warnings, seeds dated by the file's time), one line each naming
    the file."""
    cached_taxonomy(taxonomy_path)
    seeds = list_seeds(seeds_dir)
    errors, warnings, dated_by_file = [], [], []
    for seed in seeds:
        result = prepare(seed, seeds_dir, default_year, taxonomy_path)
        if isinstance(result, Exception):
            errors.append(str(result))
        else:
            warnings.extend(f"{seed}: {warning}" for warning in result.warnings)
            if result.date_source == "mtime":
                dated_by_file.append(f"{seed} ({result.date})")
    return len(seeds), errors, warnings, dated_by_file


def check_content(content_dir: Path) -> tuple[int, list[str]]:
    """Check the front matter of every content/*.md: (number of files, problems)."""
    files = sorted(path for path in content_dir.rglob("*.md") if not any(part.startswith(".") for part in path.relative_to(content_dir).parts))
    problems: list[str] = []
    urls: dict[tuple, Path] = {}
    for path in files:
        try:
            post = frontmatter.load(path)
        except (yaml.YAMLError, UnicodeDecodeError, ValueError) as error:
            problems.append(f"{path}: front matter is not valid YAML: {str(error).splitlines()[0]}")
            continue
        problems.extend(f"{path}: {problem}" for problem in front_matter_problems(post.metadata))
        date, slug = post.get("date"), post.get("slug")
        if isinstance(date, dt.date) and isinstance(slug, str):
            key = (date.isoformat()[:10], slug)
            if key in urls:
                problems.append(f"{path}: same date and slug as {urls[key]}: the two stories would share one URL")
            urls.setdefault(key, path)
    return len(files), problems


def front_matter_problems(fields: dict) -> list[str]:
    """What is missing or malformed in one story's front matter."""
    problems = [f"missing '{key}'" for key in REQUIRED_FIELDS if fields.get(key) in (None, "")]
    if "date" in fields and not isinstance(fields["date"], dt.date):
        problems.append(f"'date' must be an ISO date (YYYY-MM-DD), not {fields['date']!r}")
    if "tags" in fields and not (isinstance(fields["tags"], list) and all(isinstance(tag, str) for tag in fields["tags"])):
        problems.append("'tags' must be a YAML list of names")
    slug = fields.get("slug")
    if slug is not None and not (isinstance(slug, str) and _SLUG.match(slug)):
        problems.append(f"'slug' must be lower-case ASCII words joined by hyphens, not {slug!r}")
    return problems
