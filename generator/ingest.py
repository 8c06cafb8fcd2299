"""Ingest: every seed in seeds/ to a content file, keeping hand edits and reporting every failure.

The parsing stages (parse, enrich and the tagger's taxonomy) are imported when a seed needs parsing: an ingest
with nothing to do, as on every rebuild, does not pay for them."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import SeedError
from generator.files import SafeWriter, code_fingerprint, read_json_object
from generator.model import Article
from generator.seeds import list_seeds, sidecar_path
from generator.write import render_article

if TYPE_CHECKING:
    from generator.tagging.taxonomy import Taxonomy

CACHE_ROOT = ".newsdigest-cache"  # local cache beside content/: what Pelican read
MANIFEST = ".newsdigest.json"
INPUT_CACHE = ".newsdigest-cache.json"  # local (not committed): what each story was made from
BACKUPS = ".newsdigest-backup"
PARALLEL_FROM = 64  # below this many seeds to parse, worker start-up costs more than it saves


@dataclass
class IngestReport:
    """What an ingest did: files written, kept, removed; seeds that failed; warnings."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failures: list[SeedError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dated_by_file: list[str] = field(default_factory=list)  # stories dated by the seed file's time (issue 15)

    @property
    def ok(self) -> bool:
        """True when every seed was parsed."""
        return not self.failures


@lru_cache(maxsize=4)
def cached_taxonomy(path: str | None) -> Taxonomy:
    """The taxonomy, loaded once per process."""
    from generator.tagging.taxonomy import load_taxonomy

    return load_taxonomy(Path(path) if path else None)


def warm_up() -> None:
    """Import the parsing stages and load the place gazetteer once, before worker processes are forked."""
    import generator.enrich
    import generator.parse  # noqa: F401 - imported for the workers to inherit
    from generator.tagging.gazetteer import gazetteer

    gazetteer()


def prepare(seed: Path, seeds_dir: Path, default_year: int | None, taxonomy_path: str | None) -> Article | SeedError:
    """Parse and enrich one seed; a failure comes back as a SeedError."""
    from generator.enrich import enrich
    from generator.parse import parse_seed

    try:
        return enrich(parse_seed(seed, seed.relative_to(seeds_dir)), seed, cached_taxonomy(taxonomy_path), default_year)
    except SeedError as error:
        return error
    except Exception as error:  # noqa: BLE001 - one bad seed must not stop the others
        return SeedError(seed, f"internal error while parsing ({type(error).__name__}: {error})")


def shared_input(default_year: int | None, taxonomy_path: str | None) -> bytes:
    """A hash of what every seed's content file depends on: our code, the default year, the taxonomy."""
    digest = hashlib.sha256(f"{code_fingerprint()}|{default_year}|".encode())
    if taxonomy_path and Path(taxonomy_path).is_file():
        digest.update(Path(taxonomy_path).read_bytes())
    return digest.digest()


def input_key(seed: Path, shared: bytes) -> str:
    """A hash of everything a seed's content file depends on: what all share (see shared_input), the seed's bytes
    and mtime, its sidecar."""
    digest = hashlib.sha256(shared + f"|{seed.stat().st_mtime_ns}|".encode())
    digest.update(seed.read_bytes())
    sidecar = sidecar_path(seed)
    if sidecar is not None:
        digest.update(b"\0" + sidecar.read_bytes())
    return digest.hexdigest()


def sha256_text(text: str) -> str:
    """Hex SHA-256 of text as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def unique_slug(slug: str, *taken: set[str]) -> str:
    """The slug, or the slug with the lowest `-2`, `-3`... suffix that is in none of the taken sets."""
    candidate, number = slug, 2
    while any(candidate in names for names in taken):
        candidate = f"{slug}-{number}"
        number += 1
    return candidate


class SlugBook:
    """Unique slugs, handed out one story at a time: a story keeps the slug it already has (its old slug is
    reserved for it until it comes); a new one takes the next free suffix."""

    def __init__(self, taken: set[str], reserved: set[str]):
        self.taken = taken
        self.reserved = reserved

    def assign(self, slug: str, old_slug: str | None) -> str:
        """The slug for a story whose text gives `slug` and that had `old_slug` before (or None)."""
        if old_slug in self.reserved:
            self.reserved.discard(old_slug)
            if old_slug == slug or old_slug.startswith(slug + "-"):
                self.taken.add(old_slug)
                return old_slug
        chosen = unique_slug(slug, self.taken, self.reserved)
        self.taken.add(chosen)
        return chosen


class Ingest:
    """One ingest run of a seeds folder into a content folder."""

    def __init__(self, seeds_dir: Path, content_dir: Path, *, default_year: int | None = None,
                 force: bool = False, jobs: int | None = None, taxonomy_path: Path | None = None,
                 progress: Callable[[int, int], None] | None = None):
        self.seeds_dir = seeds_dir
        self.content_dir = content_dir
        self.default_year = default_year
        self.force = force
        self.jobs = jobs or os.cpu_count() or 1
        self.taxonomy_path = str(taxonomy_path) if taxonomy_path else default_taxonomy_path()
        self.writer = SafeWriter(content_dir)
        self.progress = progress or (lambda done, total: None)
        self.report = IngestReport()
        self.old_manifest = read_manifest(content_dir)
        self.old_inputs = read_inputs(content_dir)
        self.manifest: dict[str, dict] = {}
        self.inputs: dict[str, str] = {}
        self.failed_seeds: set[str] = set()

    def run(self) -> IngestReport:
        """Parse changed seeds, write their stories, remove stories of deleted seeds."""
        self.content_dir.mkdir(parents=True, exist_ok=True)
        seeds = list_seeds(self.seeds_dir)
        by_seed = {entry["seed"]: path for path, entry in self.old_manifest.items()}
        shared = shared_input(self.default_year, self.taxonomy_path)
        keys = {seed: input_key(seed, shared) for seed in seeds}
        fresh = []
        for seed in seeds:
            name = seed.relative_to(self.seeds_dir).as_posix()
            old = by_seed.get(name)
            if old and not self.force and self.old_inputs.get(old) == keys[seed] and self.untouched(old):
                self.manifest[old] = self.old_manifest[old]
                self.inputs[old] = keys[seed]
                self.report.unchanged.append(old)
            else:
                fresh.append(seed)
        if fresh:
            cached_taxonomy(self.taxonomy_path)  # a broken tags.yaml fails here, once, naming the key
            slugs = self.slug_book(fresh, by_seed)
            for article in self.prepared(fresh):  # stored as they come, while the workers parse the next ones
                old = by_seed.get(article.seed.as_posix())
                article.slug = slugs.assign(article.slug, Path(old).stem if old else None)
                self.store(article, keys[self.seeds_dir / article.seed], old)
        present = {seed.relative_to(self.seeds_dir).as_posix() for seed in seeds}
        stale = [path for path, entry in self.old_manifest.items() if entry["seed"] not in present]
        for path in stale:
            self.retire(path, "its seed was removed")
        for name in self.failed_seeds:
            old = by_seed.get(name)
            if old and old not in self.manifest:  # a seed that fails now keeps its previous story
                self.manifest[old] = self.old_manifest[old]
        write_json(self.writer, MANIFEST, {"version": 1, "stories": self.old_manifest}, {"version": 1, "stories": self.manifest})
        write_json(self.writer, INPUT_CACHE, self.old_inputs, self.inputs)
        return self.report

    def prepared(self, seeds: list[Path]) -> Iterator[Article]:
        """Parse and enrich seeds, on every core when there are many, yielding each article in seed order as
        soon as it is ready; failures and warnings go to the report."""
        arguments = [(seed, self.seeds_dir, self.default_year, self.taxonomy_path) for seed in seeds]
        with contextlib.ExitStack() as stack:
            if len(seeds) >= PARALLEL_FROM and self.jobs > 1:
                warm_up()  # workers are forked: they inherit the imports and the gazetteer instead of each loading them
                pool = ProcessPoolExecutor(max_workers=self.jobs)
                stack.callback(pool.shutdown, cancel_futures=True)  # on an error, stop: do not parse the rest
                results = pool.map(prepare, *zip(*arguments), chunksize=16)
            else:
                results = (prepare(*argument) for argument in arguments)
            for done, (seed, result) in enumerate(zip(seeds, results), start=1):
                self.progress(done, len(seeds))
                if isinstance(result, SeedError):
                    self.report.failures.append(result)
                    self.failed_seeds.add(seed.relative_to(self.seeds_dir).as_posix())
                else:
                    self.report.warnings.extend(f"{self.seeds_dir / result.seed}: {text}" for text in result.warnings)
                    if result.date_source == "mtime":
                        self.report.dated_by_file.append(f"{self.seeds_dir / result.seed} ({result.date})")
                    yield result

    def slug_book(self, fresh: list[Path], by_seed: dict[str, str]) -> SlugBook:
        """The slugs in use: kept stories', hand-added files', and the old slugs of the seeds parsed again."""
        taken = {Path(path).stem for path in self.manifest}
        taken |= {path.stem for path in self.content_dir.rglob("*.md") if self.relative(path) not in self.old_manifest}
        old_slugs = (by_seed.get(seed.relative_to(self.seeds_dir).as_posix()) for seed in fresh)
        return SlugBook(taken, {Path(old).stem for old in old_slugs if old} - taken)

    def store(self, article: Article, key: str, old_path: str | None) -> None:
        """Write one story's content file unless a hand edit is in the way; retire its old path if it moved."""
        path = f"{article.date:%Y}/{article.date:%m}/{article.slug}.md"
        text = render_article(article)
        target = self.content_dir / path
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            self.report.unchanged.append(path)
        elif current is not None and not self.untouched(path):
            if not self.force:
                self.report.kept.append(f"{target}: hand-edited, not overwritten (ingest --force regenerates it, keeping a backup)")
                self.manifest[path] = self.old_manifest.get(path, {"seed": article.seed.as_posix(), "sha256": ""})
                return
            self.back_up(path, current)
            self.writer.write_text(path, text)
            self.report.written.append(path)
        else:
            self.writer.write_text(path, text)
            self.report.written.append(path)
        self.manifest[path] = {"seed": article.seed.as_posix(), "sha256": sha256_text(text)}
        self.inputs[path] = key
        if old_path and old_path != path:
            self.retire(old_path, f"its story moved to {path}")

    def untouched(self, path: str) -> bool:
        """The content file is missing or exactly what ingest last wrote there."""
        target = self.content_dir / path
        if not target.is_file():
            return True
        recorded = self.old_manifest.get(path, {}).get("sha256")
        return recorded == hashlib.sha256(target.read_bytes()).hexdigest()

    def retire(self, path: str, why: str) -> None:
        """Remove a story that ingest wrote and nobody edited; report an edited one and keep it."""
        if self.untouched(path) or self.force:
            target = self.content_dir / path
            if target.is_file() and self.force and not self.untouched(path):
                self.back_up(path, target.read_text(encoding="utf-8"))
            self.writer.remove(path)
            self.report.removed.append(path)
        else:
            self.report.kept.append(f"{self.content_dir / path}: hand-edited, kept although {why}")
            self.manifest[path] = self.old_manifest[path]

    def back_up(self, path: str, text: str) -> None:
        """Keep a copy of a hand-edited file before --force replaces it."""
        backup = f"{BACKUPS}/{path}.{sha256_text(text)[:12]}.bak"
        SafeWriter(self.content_dir).write_text(backup, text)
        self.report.warnings.append(f"{self.content_dir / path}: hand edits backed up to {self.content_dir / backup}")

    def relative(self, path: Path) -> str:
        return path.relative_to(self.content_dir).as_posix()


def default_taxonomy_path() -> str | None:
    """The project's tags.yaml when ingest runs from the project folder."""
    candidate = Path("tags.yaml")
    return str(candidate.resolve()) if candidate.is_file() else None


def read_manifest(content_dir: Path) -> dict[str, dict]:
    """What ingest last wrote: content path -> seed, SHA-256 of the text written, input key."""
    stories = read_json_object(content_dir / MANIFEST).get("stories")
    if not isinstance(stories, dict):
        return {}
    return {key: value for key, value in stories.items() if isinstance(value, dict) and "seed" in value}


def read_inputs(content_dir: Path) -> dict[str, str]:
    """The local cache of input keys: content path -> hash of what the story was made from."""
    return read_json_object(content_dir / INPUT_CACHE)


def write_json(writer: SafeWriter, name: str, old: dict, new: dict) -> None:
    """Save a JSON file under content/ when it changed (so an ingest with nothing to do changes no byte)."""
    if new == old and (writer.root / name).is_file():
        return
    writer.write_text(name, json.dumps(new, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


def ingest(seeds_dir: Path, content_dir: Path, **options) -> IngestReport:
    """Ingest every seed of seeds_dir into content_dir; see Ingest for the options."""
    return Ingest(seeds_dir, content_dir, **options).run()
