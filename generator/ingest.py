"""Ingest: every seed in seeds/ to a content file, keeping hand edits and reporting every failure.

A run holds the project's lock (the build's), and records each content file it writes or removes before doing
so (see Manifest), so that a run interrupted at any moment leaves content/ and its record consistent and the
next run writes no story twice. A content file no record explains is adopted when it is exactly what its seed
gives, and otherwise kept and reported.

The parsing stages (parse, enrich and the tagger's taxonomy) are imported when a seed needs parsing: an ingest
with nothing to do, as on every rebuild, does not pay for them."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import frontmatter

from generator.errors import ConfigError, NewsdigestError, SeedError, WriteError
from generator.files import SafeWriter, UnsafePathError, code_fingerprint, holding_locks, open_own_file, read_json_object
from generator.model import Article
from generator.resends import Filing, Group, filing, find_groups
from generator.seeds import (fields_file_problem, folder_defaults, list_seeds, printable_path, refuse_non_regular,
                             sidecar_path)
from generator.workers import TaskFailed, run_tasks
from generator.write import front_matter, render_article, render_body

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


def prepare(seed: Path, seeds_dir: Path, default_year: int | None, taxonomy_path: str | None,
            defaults: dict | None = None) -> Article | SeedError:
    """Parse and enrich one seed (with its folder defaults); a failure comes back as a SeedError."""
    from generator.decode import MAX_SEED_BYTES
    from generator.enrich import enrich
    from generator.parse import parse_seed

    try:
        refuse_non_regular(seed)
        size = seed.stat().st_size
        if size > 2 * MAX_SEED_BYTES:  # not even read; a size just over the limit is reported by decode
            raise SeedError(seed, f"file is {size / 1e6:.0f} MB, over the {MAX_SEED_BYTES / 1e6:g} MB seed limit")
        return enrich(parse_seed(seed, seed.relative_to(seeds_dir)), seed, cached_taxonomy(taxonomy_path), default_year,
                      defaults)
    except SeedError as error:
        return error
    except Exception as error:  # noqa: BLE001 - one bad seed must not stop the others
        return SeedError(seed, f"internal error while parsing ({type(error).__name__}: {error})")


def prepare_all(seeds: list[Path], seeds_dir: Path, default_year: int | None, taxonomy_path: str | None,
                jobs: int | None = None, limit: float | None = SEED_TIME_LIMIT,
                defaults: dict[Path, dict] | None = None) -> Iterator[Article | SeedError]:
    """prepare() for each seed (with its folder defaults, seeds.folder_defaults), in seed order, on every core,
    each seed within the time limit: a seed that runs past it (or kills its worker) comes back as a SeedError and
    the others go on."""
    if not seeds:
        return
    warm_up(taxonomy_path)
    defaults = defaults or {}
    tasks = [(seed, seeds_dir, default_year, taxonomy_path, defaults.get(seed, {})) for seed in seeds]
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


def input_key(seed: Path, shared: bytes, defaults: dict | None = None) -> str:
    """A hash of everything a seed's content file depends on: what all share (see shared_input), the seed's bytes
    and mtime, its folder defaults, its sidecar. '' when the seed cannot be read (it is parsed, and fails with the
    reason)."""
    try:
        folder = json.dumps(defaults or {}, sort_keys=True, default=str)
        digest = hashlib.sha256(shared + f"|{seed.stat().st_mtime_ns}|{folder}|".encode())
        digest.update(seed.read_bytes())
        sidecar = sidecar_path(seed)
        if sidecar is not None:  # one that cannot be read (a pipe) is never read here: parsing says why
            digest.update(b"\0" + (sidecar.read_bytes() if not fields_file_problem(sidecar, "sidecar") else b"?"))
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


def is_slug_of(name: str, slug: str) -> bool:
    """The name is the slug or the slug with a `-2`, `-3`... suffix (not a longer headline's slug)."""
    return name == slug or (name.startswith(slug + "-") and name[len(slug) + 1:].isdigit())


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
            if is_slug_of(old_slug, slug):
                self.taken.add(old_slug)
                return old_slug
        chosen = unique_slug(slug, self.taken, self.reserved)
        self.taken.add(chosen)
        return chosen


class Manifest:
    """What ingest wrote: content path -> {"seed", "sha256" of the text written, and "duplicates" (the other seeds
    of a story filed more than once) or "redirect" (a page that keeps an old address working)}, and the input key
    each story was made from (a local cache; a merged story's is its seeds' keys, space-separated).

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
                self.stories[path] = story_entry(change["seed"], change["sha256"], change.get("duplicates"),
                                                 change.get("redirect"))
                self.inputs[path] = change.get("key", "")
            elif on_disk is None:
                self.stories.pop(path, None)
                self.inputs.pop(path, None)
            elif change.get("kept"):
                self.stories[path] = story_entry(change["seed"], "", change.get("duplicates"))

    def log(self, **change: str | bool | list) -> None:
        """Append one change to the journal (one write: a crash cannot leave half of it)."""
        if self.journal is None:
            self.journal = open_own_file(self.content_dir / JOURNAL, os.O_WRONLY | os.O_APPEND)
        line = json.dumps(change, ensure_ascii=True) + "\n"
        try:
            os.write(self.journal, line.encode("ascii"))
        except OSError as error:
            raise WriteError(f"{self.content_dir / JOURNAL}: cannot write: {error.strerror or error}") from error

    def will_write(self, path: str, seed: str, text: str, key: str, duplicates: list[str] | None = None,
                   redirect: bool = False) -> dict:
        """Journal a story about to be written at path; its manifest entry, for `wrote` once it is on disk."""
        entry = story_entry(seed, sha256_text(text), duplicates, redirect)
        self.log(path=path, key=key, **entry)
        return entry

    def wrote(self, path: str, entry: dict, key: str) -> None:
        """Record a story that is on disk (written, or found exactly as it would be written)."""
        self.stories[path] = entry
        self.inputs[path] = key

    def keep(self, path: str, seed: str, duplicates: list[str] | None = None) -> None:
        """Record a content file ingest did not write (or that was edited since) as the seed's story (and its other
        filings', which it names)."""
        if path not in self.stories:
            self.log(path=path, seed=seed, kept=True, duplicates=duplicates or [])
            self.stories[path] = story_entry(seed, "", duplicates)

    def reseed(self, path: str, seed: str) -> None:
        """Record the story at path as a renamed seed's, with no input key: parsed again, it is written in place
        (or kept, if edited by hand) naming its new seed."""
        entry = {**self.stories[path], "seed": seed}
        self.log(path=path, key="", kept=True, **entry)
        self.stories[path] = entry
        self.inputs[path] = ""

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
        self.defaults: dict[Path, dict] = {}  # each seed's folder defaults

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
        """Retire the stories of removed seeds, then parse the seeds that changed (with the seeds of any story
        they turn out to be filed again with) and store their stories, one per story filed more than once."""
        problems: list[SeedError] = []
        seeds = list_seeds(self.seeds_dir, problems)
        self.report.failures.extend(problems)
        self.defaults, unusable = folder_defaults(seeds, self.seeds_dir)
        self.report.failures.extend(unusable)
        keys = self.input_keys(seeds)
        self.retire_removed(seeds, problems, keys)
        self.unrecorded = unrecorded_files(self.content_dir, self.manifest.stories)
        by_seed = self.stories_by_seed()
        fresh = self.changed(seeds, by_seed, keys)
        if fresh:
            cached_taxonomy(self.taxonomy_path)  # a broken tags.yaml fails here, once, naming the key
            articles = self.parse_with_copies(fresh, by_seed, keys)
            slugs = self.slug_book(list(fresh), by_seed)
            for article, others in self.one_per_story(articles, self.edited_stories(by_seed)):
                try:
                    self.store_story(article, others, by_seed, keys, slugs)
                except UnsafePathError as error:  # a folder of content/ that links out of it: this story only
                    self.report.failures.append(SeedError(self.seeds_dir / article.seed, str(error)))
        self.report_second_copies(by_seed)

    def store_story(self, article: Article, others: list[str], by_seed: dict[str, str], keys: dict[Path, str],
                    slugs: SlugBook) -> None:
        """Store one story (with the seeds of its other filings), at the address it keeps."""
        members = [article.seed.as_posix(), *others]
        earlier = [by_seed[seed] for seed in members if seed in by_seed]
        old = old_story(earlier, article.slug)
        article.slug = slugs.assign(article.slug, Path(old).stem if old else None)
        key = " ".join(sorted(keys.get(self.seeds_dir / seed, "") for seed in members))
        if not others:
            self.store(article, key, old)
        elif path := self.store(article, key, old if old == story_path(article) else None, others):
            self.keep_addresses(path, earlier)

    def input_keys(self, seeds: list[Path]) -> dict[Path, str]:
        """Each seed's input key (see input_key)."""
        shared = shared_input(self.default_year, self.taxonomy_path)
        return {seed: input_key(seed, shared, self.defaults.get(seed)) for seed in seeds}

    def retire_removed(self, seeds: list[Path], problems: list[SeedError], keys: dict[Path, str]) -> None:
        """Remove the stories of seeds that are gone (first, so that their slugs are free again); a seed that is
        there but cannot be read now keeps its story, and a renamed seed (see renamed_seeds) keeps it too."""
        present = {seed.relative_to(self.seeds_dir).as_posix() for seed in seeds}
        present |= {Path(problem.path).relative_to(self.seeds_dir).as_posix() for problem in problems
                    if Path(problem.path).is_relative_to(self.seeds_dir)}
        renamed = self.renamed_seeds(seeds, present, keys)
        for path, entry in list(self.manifest.stories.items()):
            if entry["seed"] in renamed:
                self.manifest.reseed(path, renamed[entry["seed"]])
            elif entry["seed"] not in present:
                self.retire(path, "its seed was removed")

    def renamed_seeds(self, seeds: list[Path], present: set[str], keys: dict[Path, str]) -> dict[str, str]:
        """Seeds that are gone -> the new seed each was renamed to: a seed no story records whose input key (its
        bytes, file time, sidecar and defaults: what `mv` keeps) is the one the gone seed's story was made from.
        Its story stays where it is, edited by hand or not, instead of a second copy at a new address."""
        recorded = {name for entry in self.manifest.stories.values() for name in [entry["seed"], *entry.get("duplicates", [])]}
        new_by_key: dict[str, str] = {}
        for seed in seeds:
            name = seed.relative_to(self.seeds_dir).as_posix()
            if name not in recorded and keys.get(seed):
                new_by_key.setdefault(keys[seed], name)
        renamed = {}
        for path, entry in self.manifest.stories.items():
            new = new_by_key.get(self.manifest.inputs.get(path, ""))
            if entry["seed"] not in present and not entry.get("duplicates") and not entry.get("redirect") and new:
                renamed[entry["seed"]] = new_by_key.pop(self.manifest.inputs[path])
        return renamed

    def changed(self, seeds: list[Path], by_seed: dict[str, str], keys: dict[Path, str]) -> dict[Path, str]:
        """The seeds to parse, with their input keys: new, changed, or with a story that was edited, deleted, or is
        missing from the record, and every seed of a story filed more than once of which one is (or is gone); the others'
        stories are unchanged."""
        fresh = {}
        for seed in seeds:
            old = by_seed.get(seed.relative_to(self.seeds_dir).as_posix())
            key = keys[seed]
            if old and not self.force and key and key in self.manifest.inputs.get(old, "").split() and self.on_disk(old):
                if old not in self.report.unchanged:
                    self.report.unchanged.append(old)
            else:
                fresh[seed] = key
        names = {seed.relative_to(self.seeds_dir).as_posix(): seed for seed in seeds}
        for path, entry in self.manifest.stories.items():
            members = [entry["seed"], *entry.get("duplicates", [])]
            if len(members) > 1 and any(member not in names or names[member] in fresh for member in members):
                fresh.update({names[member]: keys[names[member]] for member in members if member in names})
                if path in self.report.unchanged:
                    self.report.unchanged.remove(path)
        return fresh

    def stories_by_seed(self) -> dict[str, str]:
        """Each seed's story: the recorded one (a re-sent seed's is the story it was merged into), or else an
        unrecorded file naming the seed (adopted if it is exactly what the seed gives, kept and reported
        otherwise; see store). Pages that keep an old address working are no seed's story."""
        by_seed = {}
        for path, entry in self.manifest.stories.items():
            if not entry.get("redirect"):
                by_seed[entry["seed"]] = path
                by_seed.update({seed: path for seed in entry.get("duplicates", [])})
        for path, seed in sorted(self.unrecorded.items()):
            recorded = by_seed.get(seed) if seed else ""
            if recorded is None or (recorded and not (self.content_dir / recorded).is_file()):
                if recorded:  # its file is gone: the unrecorded one stands in
                    self.manifest.will_remove(recorded)
                    self.manifest.removed(recorded)
                by_seed[seed] = path
                for other in named_seeds(self.content_dir / path)[1:]:  # a merged story's other filings
                    by_seed.setdefault(other, path)
        return by_seed

    def parse_with_copies(self, fresh: dict[Path, str], by_seed: dict[str, str], keys: dict[Path, str]) -> dict[str, Article]:
        """The fresh seeds' articles, by seed; and the articles of the seeds of earlier stories that one of them
        is filed again with (a re-send or update of a story already written), which are added to `fresh`."""
        articles = {article.seed.as_posix(): article for article in self.prepared(list(fresh))}
        fresh_paths = {by_seed[seed] for seed in articles if seed in by_seed}
        earlier = {path: entry for path, entry in self.manifest.stories.items()
                   if path not in fresh_paths and not entry.get("redirect") and entry["seed"] not in articles}
        again = set()
        for group in find_groups([*filter(None, map(filing_of, articles.values())), *recorded_filings(self.content_dir, earlier)]):
            stories = [member.key for member in group.members if member.key not in articles]
            if stories and len(stories) < len(group.members):
                again.update(seed for path in stories for seed in [earlier[path]["seed"], *earlier[path].get("duplicates", [])])
        more = [self.seeds_dir / seed for seed in sorted(again) if self.seeds_dir / seed in keys]
        if more:
            fresh.update({seed: keys[seed] for seed in more})
            articles.update({article.seed.as_posix(): article for article in self.prepared(more)})
        return articles

    def one_per_story(self, articles: dict[str, Article], edited: dict[str, str]) -> Iterator[tuple[Article, list[str]]]:
        """Each story once, in parsing order: a story filed more than once as one article (see merged), with the seeds
        of its other filings; a group with a seed whose story was edited by hand is not merged (each stands alone,
        and it is said)."""
        groups = find_groups(filter(None, map(filing_of, articles.values())))
        merged_into: dict[str, tuple[Article, list[str]]] = {}
        for group in groups:
            seeds = [member.key for member in group.members]
            hand_edited = [self.content_dir / edited[seed] for seed in seeds if seed in edited]
            if hand_edited:
                others = ", ".join(str(self.seeds_dir / seed) for seed in seeds if seed not in edited)
                self.report.warnings.append(f"{', '.join(map(str, hand_edited))}: edited by hand, so not merged with "
                                            f"{others} ({'its update' if group.updated else 'its re-send'}): each is "
                                            "published on its own (ingest --force merges them)")
                continue
            story = merged(group, articles)
            merged_into[group.kept.key] = (story, [member.key for member in group.others])
            merged_into.update({member.key: None for member in group.others})
        for seed in articles:
            if seed not in merged_into:
                yield articles[seed], []
            elif merged_into[seed] is not None:
                yield merged_into[seed]

    def edited_stories(self, by_seed: dict[str, str]) -> dict[str, str]:
        """Seeds whose content file was edited by hand (never merged away or replaced; none with --force) -> it. A
        file no record explains is not among them: it is adopted when it is exactly the story (see store)."""
        if self.force:
            return {}
        return {seed: path for seed, path in by_seed.items() if path not in self.unrecorded and not self.untouched(path)}

    def keep_addresses(self, path: str, old_paths: list[str], moved: bool = False) -> None:
        """The earlier stories of seeds now merged into the story at path (or, `moved`, the story's own earlier
        address: its headline or date changed) become pages that send their readers there, so that every address
        already published keeps working."""
        for old in sorted(set(old_paths) - {path}):
            seed = self.manifest.stories.get(old, {}).get("seed", "")
            text = redirect_page(self.content_dir / old, path, seed, "moved" if moved else "was filed again")
            if text is None or not (self.untouched(old) or self.force):
                self.retire(old, f"its story moved to {path}" if moved else f"its seed is filed again in {path}")
                continue
            if not self.untouched(old):  # --force: the hand edits it replaces are backed up
                self.back_up(old, (self.content_dir / old).read_bytes())
            self.write(old, seed, text, "", redirect=True)

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
        results = prepare_all(seeds, self.seeds_dir, self.default_year, self.taxonomy_path, self.jobs,
                              defaults=self.defaults)
        for done, (seed, result) in enumerate(zip(seeds, results), start=1):
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
        (reserved for them; an unrecorded file naming its seed counts as that seed's old story). The pages at a
        story's old addresses hold no slug against it: a story whose headline changes back takes its address back."""
        names = {seed.relative_to(self.seeds_dir).as_posix() for seed in fresh}
        old_paths = {by_seed[name] for name in names if name in by_seed}
        own_pages = {path for path, entry in self.manifest.stories.items() if entry.get("redirect") and entry["seed"] in names}
        taken = {Path(path).stem for path in [*self.manifest.stories, *self.unrecorded] if path not in old_paths | own_pages}
        return SlugBook(taken, {Path(old).stem for old in old_paths} - taken)

    def store(self, article: Article, key: str, old_path: str | None, duplicates: list[str] = ()) -> str | None:
        """Write one story's content file unless a hand edit is in the way; retire its old path if it moved. The
        path it is at; None when a file no record explains is kept in its place.

        An old path no record explains (a file an interrupted run wrote, or one added by hand naming this seed) is
        adopted when it is exactly the story, and otherwise kept and reported: never a second copy."""
        path = story_path(article)
        text = render_article(article)
        seed = article.seed.as_posix()
        target = self.content_dir / path
        if old_path in self.unrecorded and old_path != path and not self.force:
            self.keep(old_path, seed, f"not what seed {seed} gives now (it gives {path}): kept, not overwritten (ingest --force replaces it, keeping a backup)")
            return None
        if old_path and old_path != path and not self.force and not self.untouched(old_path):
            self.keep(old_path, seed, f"hand-edited, kept where it is: seed {seed} now gives {path} (ingest --force "
                                      "moves it there, keeping a backup)")
            return old_path  # never a second story of the seed
        current = read_text_or_none(target)
        if current == text:
            if path in self.unrecorded:
                self.report.adopted.append(path)
            else:
                self.report.unchanged.append(path)
        elif current is not None and not self.untouched(path):
            if not self.force:
                self.keep(path, seed, "hand-edited, not overwritten (ingest --force regenerates it, keeping a backup)")
                return path
            self.back_up(path, target.read_bytes())
            self.write(path, seed, text, key, duplicates)
        else:
            self.write(path, seed, text, key, duplicates)
        if self.manifest.stories.get(path) != story_entry(seed, sha256_text(text), duplicates) or self.manifest.inputs.get(path) != key:
            self.manifest.wrote(path, self.manifest.will_write(path, seed, text, key, duplicates), key)  # unchanged or adopted
        if old_path and old_path != path:
            self.keep_addresses(path, [old_path], moved=True)
        return path

    def write(self, path: str, seed: str, text: str, key: str, duplicates: list[str] = (), redirect: bool = False) -> None:
        """Journal, write, then record one content file."""
        entry = self.manifest.will_write(path, seed, text, key, list(duplicates), redirect)
        self.writer.write_text(path, text)
        self.manifest.wrote(path, entry, key)
        self.report.written.append(path)

    def keep(self, path: str, seed: str, why: str) -> None:
        """Leave a content file as it is, recorded as the seed's story, and say why."""
        self.report.kept.append(f"{self.content_dir / path}: {why}")
        named = named_seeds(self.content_dir / path)
        self.manifest.keep(path, seed, [other for other in named[1:] if other != seed] if named[:1] == [seed] else None)

    def on_disk(self, path: str) -> bool:
        """The content file is exactly what ingest last wrote there (a file deleted by hand is written again: the
        seed is what says a story is on the site)."""
        return (self.content_dir / path).is_file() and self.untouched(path)

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


def filing_of(article: Article) -> Filing | None:
    """An article as a Filing, from the front matter and body it is written with."""
    return filing(article.seed.as_posix(), front_matter(article), render_body(article))


def recorded_filings(content_dir: Path, stories: dict[str, dict]) -> Iterator[Filing]:
    """The content files ingest wrote, as Filings keyed by their path (those that cannot be read are left out)."""
    from generator.schema import read_front_matter

    for path in stories:
        try:
            fields, body = read_front_matter(content_dir / path)
        except NewsdigestError:
            continue
        found = filing(path, fields, body)
        if found is not None:
            yield found


def story_path(article: Article) -> str:
    """Where a story's content file is: year/month/slug.md."""
    return f"{article.date:%Y}/{article.date:%m}/{article.slug}.md"


def old_story(paths: list[str], slug: str) -> str | None:
    """Of the earlier stories of a story's seeds, the one whose address it keeps: the one with its slug, else the
    first."""
    return next((path for path in paths if is_slug_of(Path(path).stem, slug)),
                paths[0] if paths else None)


def merged(group: Group, articles: dict[str, Article]) -> Article:
    """The one article of a story filed more than once: the kept filing's text (an update's latest version), the
    first filing's date, time and address, `updated` when a later version replaced it, the others' seeds as
    `duplicates`."""
    first, latest = articles[group.first.key], articles[group.kept.key]
    story = copy.copy(latest)
    story.overrides = dict(latest.overrides)
    story.date, story.date_source, story.time, story.slug = first.date, first.date_source, first.time, first.slug
    if group.updated and (latest.date, latest.time) != (first.date, first.time):
        story.overrides["updated"] = dt.datetime.combine(latest.date, latest.time) if latest.time else latest.date
    story.overrides["duplicates"] = sorted(member.key for member in group.others)
    return story


def redirect_page(old: Path, target: str, seed: str, why: str) -> str | None:
    """A content file at an old story's address that sends its readers to the story at `target` (a content
    path): the old story's title, date and slug (so its address), hidden from every list, `moved_to` the target,
    and a line saying the story `why` ("moved", "was filed again"). None when the old file cannot be read."""
    from generator.schema import read_story

    try:
        fields, _ = read_story(old)
    except NewsdigestError:
        return None
    page = {"title": fields["title"], "date": fields["date"], "slug": fields.get("slug") or old.stem,
            "status": "hidden", "moved_to": target, "seed": seed}
    post = frontmatter.Post(f"This story {why}: it is now at the address this page sends you to.\n", **page)
    return frontmatter.dumps(post, sort_keys=False, width=1000) + "\n"


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
    return next(iter(named_seeds(path)), None)


def named_seeds(path: Path) -> list[str]:
    """The `seed` a content file's front matter names, then its `duplicates` (a story filed more than once); []
    when it names none or cannot be read."""
    from generator.schema import read_front_matter

    try:
        fields, _ = read_front_matter(path)
    except NewsdigestError:
        return []
    seed, others = fields.get("seed"), fields.get("duplicates")
    if not isinstance(seed, str) or not seed:
        return []
    return [seed, *(other for other in (others if isinstance(others, list) else []) if isinstance(other, str) and other)]


def remove_temporary_files(content_dir: Path) -> None:
    """Remove the temporary files of writes a killed run left half done (see files.write_atomically)."""
    for folder, folders, names in os.walk(content_dir):
        for name in names:
            if name.startswith(".") and name.endswith(".tmp"):
                Path(folder, name).unlink(missing_ok=True)


def default_taxonomy_path() -> str | None:
    """The project's tags.yaml when ingest runs from the project folder; one that is there but no file (a pipe, a
    folder, a link to nothing) is a ConfigError, never passed over."""
    candidate = Path("tags.yaml")
    if not os.path.lexists(candidate):
        return None
    if not candidate.is_file():
        raise ConfigError(str(candidate.resolve()), "is not a file: the taxonomy is a YAML file")
    return str(candidate.resolve())


def read_stories(content_dir: Path) -> dict[str, dict]:
    """The stories the saved manifest records: content path -> {"seed", "sha256"}."""
    stories = read_json_object(content_dir / MANIFEST).get("stories")
    if not isinstance(stories, dict):
        return {}
    return {key: value for key, value in stories.items()
            if isinstance(value, dict) and isinstance(value.get("seed"), str)}


def story_entry(seed: str, sha256: str, duplicates: list[str] | None = None, redirect: bool | None = False) -> dict:
    """A manifest entry: the seed and hash, the duplicates' seeds when there are any, `redirect` for a page that
    keeps an old address."""
    entry: dict = {"seed": seed, "sha256": sha256}
    if duplicates:
        entry["duplicates"] = sorted(duplicates)
    if redirect:
        entry["redirect"] = True
    return entry


def address_order(content_dir: Path, paths: list[str]) -> list[str]:
    """Content paths (relative, POSIX) in the order they claim a page address when two give the same one: the
    stories ingest wrote first (a seed's story keeps its address), then the others, each in path order."""
    recorded = set(read_manifest(content_dir))
    return sorted(paths, key=lambda path: (path not in recorded, path))


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
