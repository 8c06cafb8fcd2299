"""Ingest: every seed in seeds/ to a content file, keeping hand edits and reporting every failure.

A run holds the project's lock (the build's), and records each content file it writes or removes before doing
so (see Manifest), so that a run interrupted at any moment leaves content/ and its record consistent and the
next run writes no story twice. A content file no record explains is adopted when it is exactly what its seed
gives, and otherwise kept and reported.

The parsing stages (parse, enrich and the tagger's taxonomy) are imported when a seed needs parsing: an ingest
with nothing to do, as on every rebuild, does not pay for them."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import ConfigError, NewsdigestError, SeedError
from generator.files import SafeWriter, code_fingerprint, holding_locks, read_json_object
from generator.model import Article
from generator.seeds import list_seeds, printable_path, refuse_non_regular, sidecar_path
from generator.workers import TaskFailed, run_tasks
from generator.write import render_article

if TYPE_CHECKING:
    from generator.tagging.taxonomy import Taxonomy

CACHE_ROOT = ".newsdigest-cache"  # local cache beside content/: what Pelican read
MANIFEST = ".newsdigest.json"
JOURNAL = ".newsdigest-journal"  # what a run is doing, one line a file, until the manifest is saved
INPUT_CACHE = ".newsdigest-cache.json"  # local (not committed): what each story was made from
BACKUPS = ".newsdigest-backup"
SEED_TIME_LIMIT = 5.0  # seconds of CPU time parsing a seed may take before it fails (a pathological file)


@dataclass
class IngestReport:
    """What an ingest did: files written, kept, removed, adopted; seeds parsed and failed; warnings."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    adopted: list[str] = field(default_factory=list)
    parsed: list[str] = field(default_factory=list)
    failures: list[SeedError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dated_by_file: list[str] = field(default_factory=list)  # stories dated by the seed file's time (issue 15)

    @property
    def ok(self) -> bool:
        """True when every seed was parsed."""
        return not self.failures


@lru_cache(maxsize=4)
def cached_taxonomy(path: str | None) -> Taxonomy:
    """The taxonomy, loaded once per process; a tags.yaml that cannot be used is one ConfigError."""
    from generator.tagging.taxonomy import load_taxonomy

    try:
        return load_taxonomy(Path(path) if path else None)
    except NewsdigestError:
        raise
    except Exception as error:  # noqa: BLE001 - any defect of the file is one line naming it
        raise ConfigError(path or "tags.yaml", f"unusable taxonomy ({type(error).__name__}: {error})") from error


def warm_up(taxonomy_path: str | None) -> None:
    """Import the parsing stages and load the taxonomy and place gazetteer once, before the workers are forked:
    they inherit them instead of each loading them."""
    import generator.enrich
    import generator.parse  # noqa: F401 - imported for the workers to inherit
    from generator.tagging.gazetteer import gazetteer

    cached_taxonomy(taxonomy_path)
    gazetteer()


def prepare(seed: Path, seeds_dir: Path, default_year: int | None, taxonomy_path: str | None) -> Article | SeedError:
    """Parse and enrich one seed; a failure comes back as a SeedError."""
    from generator.decode import MAX_SEED_BYTES
    from generator.enrich import enrich
    from generator.parse import parse_seed

    try:
        refuse_non_regular(seed)
        size = seed.stat().st_size
        if size > 2 * MAX_SEED_BYTES:  # not even read; a size just over the limit is reported by decode
            raise SeedError(seed, f"file is {size / 1e6:.0f} MB, over the {MAX_SEED_BYTES / 1e6:g} MB seed limit")
        return enrich(parse_seed(seed, seed.relative_to(seeds_dir)), seed, cached_taxonomy(taxonomy_path), default_year)
    except SeedError as error:
        return error
    except Exception as error:  # noqa: BLE001 - one bad seed must not stop the others
        return SeedError(seed, f"internal error while parsing ({type(error).__name__}: {error})")


def prepare_all(seeds: list[Path], seeds_dir: Path, default_year: int | None, taxonomy_path: str | None,
                jobs: int | None = None, limit: float | None = SEED_TIME_LIMIT) -> Iterator[Article | SeedError]:
    """prepare() for each seed, in seed order, on every core, each seed within the time limit: a seed that runs
    past it (or kills its worker) comes back as a SeedError and the others go on."""
    if not seeds:
        return
    warm_up(taxonomy_path)
    tasks = [(seed, seeds_dir, default_year, taxonomy_path) for seed in seeds]
    for index, result in run_tasks(prepare, tasks, processes=jobs or os.cpu_count() or 1, limit=limit):
        if isinstance(result, TaskFailed):
            result = SeedError(seeds[index], f"gave up parsing: {result.reason}")
        yield result


def shared_input(default_year: int | None, taxonomy_path: str | None) -> bytes:
    """A hash of what every seed's content file depends on: our code, the default year, the taxonomy."""
    digest = hashlib.sha256(f"{code_fingerprint()}|{default_year}|".encode())
    if taxonomy_path and Path(taxonomy_path).is_file():
        digest.update(Path(taxonomy_path).read_bytes())
    return digest.digest()


def input_key(seed: Path, shared: bytes) -> str:
    """A hash of everything a seed's content file depends on: what all share (see shared_input), the seed's bytes
    and mtime, its sidecar. '' when the seed cannot be read (it is parsed, and fails with the reason)."""
    try:
        digest = hashlib.sha256(shared + f"|{seed.stat().st_mtime_ns}|".encode())
        digest.update(seed.read_bytes())
        sidecar = sidecar_path(seed)
        if sidecar is not None:
            digest.update(b"\0" + sidecar.read_bytes())
    except OSError:
        return ""
    return digest.hexdigest()


def sha256_text(text: str) -> str:
    """Hex SHA-256 of text as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_file(path: Path) -> str | None:
    """Hex SHA-256 of a file's bytes; None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


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


class Manifest:
    """What ingest wrote: content path -> {"seed", "sha256" of the text written}, and the input key each story
    was made from (a local cache).

    Saved in .newsdigest.json (and .newsdigest-cache.json) at the end of a run. Until then each change is first
    appended to a journal, one line, before the file is written or removed; reading the manifest replays the
    journal, keeping only the changes that reached the disk (the file there has the recorded hash, or is gone).
    So whenever a run stops, the manifest as read matches content/."""

    def __init__(self, content_dir: Path):
        self.content_dir = content_dir
        self.saved_stories = read_stories(content_dir)
        self.saved_inputs = read_json_object(content_dir / INPUT_CACHE)
        self.stories = dict(self.saved_stories)
        self.inputs = {key: value for key, value in self.saved_inputs.items() if isinstance(value, str)}
        self.journal: int | None = None
        self.replay()

    def replay(self) -> None:
        """Apply the journal a run left when it stopped before saving."""
        try:
            lines = (self.content_dir / JOURNAL).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return
        for line in lines:
            try:
                change = json.loads(line)
                path = change["path"]
            except (ValueError, TypeError, KeyError):
                continue  # a line cut short by a crash: its change never started
            on_disk = sha256_file(self.content_dir / path)
            if change.get("sha256") and on_disk == change["sha256"]:
                self.stories[path] = {"seed": change["seed"], "sha256": change["sha256"]}
                self.inputs[path] = change.get("key", "")
            elif on_disk is None:
                self.stories.pop(path, None)
                self.inputs.pop(path, None)
            elif change.get("kept"):
                self.stories[path] = {"seed": change["seed"], "sha256": ""}

    def log(self, **change: str | bool) -> None:
        """Append one change to the journal (one write: a crash cannot leave half of it)."""
        if self.journal is None:
            self.journal = os.open(self.content_dir / JOURNAL, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o644)
        line = json.dumps(change, ensure_ascii=True) + "\n"
        try:
            os.write(self.journal, line.encode("ascii"))
        except OSError as error:
            raise NewsdigestError(f"{self.content_dir / JOURNAL}: cannot write: {error.strerror or error}") from error

    def will_write(self, path: str, seed: str, text: str, key: str) -> dict:
        """Journal a story about to be written at path; its manifest entry, for `wrote` once it is on disk."""
        entry = {"seed": seed, "sha256": sha256_text(text)}
        self.log(path=path, seed=seed, sha256=entry["sha256"], key=key)
        return entry

    def wrote(self, path: str, entry: dict, key: str) -> None:
        """Record a story that is on disk (written, or found exactly as it would be written)."""
        self.stories[path] = entry
        self.inputs[path] = key

    def keep(self, path: str, seed: str) -> None:
        """Record a content file ingest did not write (or that was edited since) as the seed's story."""
        if path not in self.stories:
            self.log(path=path, seed=seed, kept=True)
            self.stories[path] = {"seed": seed, "sha256": ""}

    def will_remove(self, path: str) -> None:
        """Journal a story about to be removed."""
        self.log(path=path, seed=self.stories.get(path, {}).get("seed", ""), sha256="")

    def removed(self, path: str) -> None:
        """Record a story that is gone."""
        self.stories.pop(path, None)
        self.inputs.pop(path, None)

    def save(self, writer: SafeWriter) -> None:
        """Write the manifest and input cache where they changed, then drop the journal."""
        write_json(writer, MANIFEST, {"version": 1, "stories": self.saved_stories}, {"version": 1, "stories": self.stories})
        write_json(writer, INPUT_CACHE, self.saved_inputs, self.inputs)
        self.close()
        (self.content_dir / JOURNAL).unlink(missing_ok=True)

    def close(self) -> None:
        if self.journal is not None:
            os.close(self.journal)
            self.journal = None


class Ingest:
    """One ingest run of a seeds folder into a content folder."""

    def __init__(self, seeds_dir: Path, content_dir: Path, *, default_year: int | None = None,
                 force: bool = False, jobs: int | None = None, taxonomy_path: Path | None = None,
                 progress: Callable[[int, int], None] | None = None, wait: bool = False,
                 waiting: Callable[[str], None] | None = None):
        self.seeds_dir = seeds_dir
        self.content_dir = content_dir
        self.default_year = default_year
        self.force = force
        self.jobs = jobs or os.cpu_count() or 1
        self.taxonomy_path = str(taxonomy_path) if taxonomy_path else default_taxonomy_path()
        self.writer = SafeWriter(content_dir)
        self.progress = progress or (lambda done, total: None)
        self.wait, self.waiting = wait, waiting
        self.report = IngestReport()
        self.manifest: Manifest
        self.unrecorded: dict[str, str | None] = {}  # content files no record explains -> the seed they name

    def run(self) -> IngestReport:
        """Parse changed seeds, write their stories, remove stories of deleted seeds; under the project's lock."""
        self.content_dir.mkdir(parents=True, exist_ok=True)
        with holding_locks([self.content_dir], wait=self.wait, waiting=self.waiting):
            remove_temporary_files(self.content_dir)
            self.manifest = Manifest(self.content_dir)
            try:
                self.ingest()
            except BaseException:  # stopped (Ctrl-C, SIGTERM) or failed: the record is saved as the disk stands
                self.manifest.close()  # (the journal, replayed against the files; on a full disk it stays for the
                with contextlib.suppress(Exception):  # next run to fold in)
                    Manifest(self.content_dir).save(SafeWriter(self.content_dir))
                raise
            else:
                self.manifest.save(self.writer)
            finally:
                self.manifest.close()
        return self.report

    def ingest(self) -> None:
        """Retire the stories of removed seeds, then parse the seeds that changed and store their stories."""
        problems: list[SeedError] = []
        seeds = list_seeds(self.seeds_dir, problems)
        self.report.failures.extend(problems)
        self.retire_removed(seeds, problems)
        self.unrecorded = unrecorded_files(self.content_dir, self.manifest.stories)
        by_seed = self.stories_by_seed()
        fresh = self.changed(seeds, by_seed)
        if fresh:
            cached_taxonomy(self.taxonomy_path)  # a broken tags.yaml fails here, once, naming the key
            slugs = self.slug_book(list(fresh), by_seed)
            for article in self.prepared(list(fresh)):  # stored as they come, while the workers parse on
                old = by_seed.get(article.seed.as_posix())
                article.slug = slugs.assign(article.slug, Path(old).stem if old else None)
                self.store(article, fresh[self.seeds_dir / article.seed], old)
        self.report_second_copies(by_seed)

    def retire_removed(self, seeds: list[Path], problems: list[SeedError]) -> None:
        """Remove the stories of seeds that are gone (first, so that their slugs are free again); a seed that is
        there but cannot be read now keeps its story."""
        present = {seed.relative_to(self.seeds_dir).as_posix() for seed in seeds}
        present |= {Path(problem.path).relative_to(self.seeds_dir).as_posix() for problem in problems
                    if Path(problem.path).is_relative_to(self.seeds_dir)}
        for path, entry in list(self.manifest.stories.items()):
            if entry["seed"] not in present:
                self.retire(path, "its seed was removed")

    def changed(self, seeds: list[Path], by_seed: dict[str, str]) -> dict[Path, str]:
        """The seeds to parse, with their input keys: new, changed, or with a story that was edited or is missing
        from the record; the others' stories are unchanged."""
        shared = shared_input(self.default_year, self.taxonomy_path)
        fresh = {}
        for seed in seeds:
            old = by_seed.get(seed.relative_to(self.seeds_dir).as_posix())
            key = input_key(seed, shared)
            if old and not self.force and key and self.manifest.inputs.get(old) == key and self.untouched(old):
                self.report.unchanged.append(old)
            else:
                fresh[seed] = key
        return fresh

    def stories_by_seed(self) -> dict[str, str]:
        """Each seed's story: the recorded one, or else an unrecorded file naming the seed (adopted if it is
        exactly what the seed gives, kept and reported otherwise; see store)."""
        by_seed = {entry["seed"]: path for path, entry in self.manifest.stories.items()}
        for path, seed in sorted(self.unrecorded.items()):
            recorded = by_seed.get(seed) if seed else ""
            if recorded is None or (recorded and not (self.content_dir / recorded).is_file()):
                if recorded:  # its file is gone: the unrecorded one stands in
                    self.manifest.will_remove(recorded)
                    self.manifest.removed(recorded)
                by_seed[seed] = path
        return by_seed

    def report_second_copies(self, by_seed: dict[str, str]) -> None:
        """Warn of unrecorded files naming a seed that has its story elsewhere: never a third."""
        for path, seed in sorted(self.unrecorded.items()):
            story = by_seed.get(seed) if seed else None
            if story and story != path and path not in self.manifest.stories:
                self.report.warnings.append(f"{self.content_dir / path}: a second story of seed {seed} (its story is "
                                            f"{self.content_dir / story}); left as it is: delete it if it is a copy")

    def prepared(self, seeds: list[Path]) -> Iterator[Article]:
        """Parse and enrich seeds on every core, each within the time limit, yielding each article in seed order
        as soon as it is ready; failures and warnings go to the report."""
        for done, (seed, result) in enumerate(zip(seeds, prepare_all(seeds, self.seeds_dir, self.default_year,
                                                                      self.taxonomy_path, self.jobs)), start=1):
            self.progress(done, len(seeds))
            self.report.parsed.append(seed.relative_to(self.seeds_dir).as_posix())
            if isinstance(result, SeedError):
                self.report.failures.append(result)
            else:
                self.report.warnings.extend(f"{self.seeds_dir / result.seed}: {text}" for text in result.warnings)
                if result.date_source == "mtime":
                    self.report.dated_by_file.append(f"{self.seeds_dir / result.seed} ({result.date})")
                yield result

    def slug_book(self, fresh: list[Path], by_seed: dict[str, str]) -> SlugBook:
        """The slugs in use: recorded stories', hand-added files', and the old slugs of the seeds parsed again
        (reserved for them; an unrecorded file naming its seed counts as that seed's old story)."""
        old_paths = {by_seed[name] for seed in fresh if (name := seed.relative_to(self.seeds_dir).as_posix()) in by_seed}
        taken = {Path(path).stem for path in [*self.manifest.stories, *self.unrecorded] if path not in old_paths}
        return SlugBook(taken, {Path(old).stem for old in old_paths} - taken)

    def store(self, article: Article, key: str, old_path: str | None) -> None:
        """Write one story's content file unless a hand edit is in the way; retire its old path if it moved.

        An old path no record explains (a file an interrupted run wrote, or one added by hand naming this seed) is
        adopted when it is exactly the story, and otherwise kept and reported: never a second copy."""
        path = f"{article.date:%Y}/{article.date:%m}/{article.slug}.md"
        text = render_article(article)
        seed = article.seed.as_posix()
        target = self.content_dir / path
        if old_path in self.unrecorded and old_path != path and not self.force:
            self.keep(old_path, seed, f"not what seed {seed} gives now (it gives {path}): kept, not overwritten (ingest --force replaces it, keeping a backup)")
            return
        current = read_text_or_none(target)
        if current == text:
            if path in self.unrecorded:
                self.report.adopted.append(path)
            else:
                self.report.unchanged.append(path)
        elif current is not None and not self.untouched(path):
            if not self.force:
                self.keep(path, seed, "hand-edited, not overwritten (ingest --force regenerates it, keeping a backup)")
                return
            self.back_up(path, target.read_bytes())
            self.write(path, seed, text, key)
        else:
            self.write(path, seed, text, key)
        if self.manifest.stories.get(path) != {"seed": seed, "sha256": sha256_text(text)} or self.manifest.inputs.get(path) != key:
            self.manifest.wrote(path, self.manifest.will_write(path, seed, text, key), key)  # unchanged or adopted
        if old_path and old_path != path:
            self.retire(old_path, f"its story moved to {path}")

    def write(self, path: str, seed: str, text: str, key: str) -> None:
        """Journal, write, then record one content file."""
        entry = self.manifest.will_write(path, seed, text, key)
        self.writer.write_text(path, text)
        self.manifest.wrote(path, entry, key)
        self.report.written.append(path)

    def keep(self, path: str, seed: str, why: str) -> None:
        """Leave a content file as it is, recorded as the seed's story, and say why."""
        self.report.kept.append(f"{self.content_dir / path}: {why}")
        self.manifest.keep(path, seed)

    def untouched(self, path: str) -> bool:
        """The content file is missing or exactly what ingest last wrote there."""
        target = self.content_dir / path
        if not target.is_file():
            return True
        recorded = self.manifest.stories.get(path, {}).get("sha256")
        return bool(recorded) and recorded == sha256_file(target)

    def retire(self, path: str, why: str) -> None:
        """Remove a story that ingest wrote and nobody edited; report an edited one and keep it."""
        seed = self.manifest.stories.get(path, {}).get("seed", "")
        if self.untouched(path) or self.force:
            target = self.content_dir / path
            if target.is_file() and not self.untouched(path):
                self.back_up(path, target.read_bytes())
            self.manifest.will_remove(path)
            self.writer.remove(path)
            self.manifest.removed(path)
            self.report.removed.append(path)
        else:
            self.keep(path, seed, f"hand-edited, kept although {why}")

    def back_up(self, path: str, data: bytes) -> None:
        """Keep a copy of a hand-edited file before --force replaces or removes it."""
        backup = f"{BACKUPS}/{path}.{hashlib.sha256(data).hexdigest()[:12]}.bak"
        SafeWriter(self.content_dir).write_bytes(backup, data)
        self.report.warnings.append(f"{self.content_dir / path}: hand edits backed up to {self.content_dir / backup}")


def read_text_or_none(path: Path) -> str | None:
    """A content file's text; None when it is missing or not UTF-8 (then it is not what ingest would write)."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return ""


def content_files(content_dir: Path) -> list[str]:
    """The Markdown files of content/ (relative, POSIX), hidden files and folders left out, as Pelican does."""
    found = []
    for folder, folders, names in os.walk(content_dir):
        folders[:] = [name for name in folders if not name.startswith(".")]
        relative = Path(folder).relative_to(content_dir)
        found += [(relative / name).as_posix() for name in names if name.endswith(".md") and not name.startswith(".")]
    return sorted(found)


def unrecorded_files(content_dir: Path, stories: dict[str, dict]) -> dict[str, str | None]:
    """Content files that the manifest does not record -> the seed their front matter names (None if none)."""
    return {path: named_seed(content_dir / path) for path in content_files(content_dir) if path not in stories}


def named_seed(path: Path) -> str | None:
    """The `seed` a content file's front matter names; None when it names none or cannot be read."""
    from generator.schema import read_front_matter

    try:
        fields, _ = read_front_matter(path)
    except NewsdigestError:
        return None
    seed = fields.get("seed")
    return seed if isinstance(seed, str) and seed else None


def remove_temporary_files(content_dir: Path) -> None:
    """Remove the temporary files of writes a killed run left half done (see files.write_atomically)."""
    for folder, folders, names in os.walk(content_dir):
        for name in names:
            if name.startswith(".") and name.endswith(".tmp"):
                Path(folder, name).unlink(missing_ok=True)


def default_taxonomy_path() -> str | None:
    """The project's tags.yaml when ingest runs from the project folder."""
    candidate = Path("tags.yaml")
    return str(candidate.resolve()) if candidate.is_file() else None


def read_stories(content_dir: Path) -> dict[str, dict]:
    """The stories the saved manifest records: content path -> {"seed", "sha256"}."""
    stories = read_json_object(content_dir / MANIFEST).get("stories")
    if not isinstance(stories, dict):
        return {}
    return {key: value for key, value in stories.items()
            if isinstance(value, dict) and isinstance(value.get("seed"), str)}


def read_manifest(content_dir: Path) -> dict[str, dict]:
    """What ingest wrote, as it stands now (the saved manifest and what a stopped run's journal adds)."""
    return Manifest(content_dir).stories


def write_json(writer: SafeWriter, name: str, old: dict, new: dict) -> None:
    """Save a JSON file under content/ when it changed (so an ingest with nothing to do changes no byte)."""
    if new == old and (writer.root / name).is_file():
        return
    writer.write_text(name, json.dumps(new, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


def ingest(seeds_dir: Path, content_dir: Path, **options) -> IngestReport:
    """Ingest every seed of seeds_dir into content_dir; see Ingest for the options."""
    return Ingest(seeds_dir, content_dir, **options).run()
