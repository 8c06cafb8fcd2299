"""Build stage: Pelican renders content/ into a temporary folder that replaces output/ only on success.

The build holds the project's lock (ingest's), refuses an output path whose replacement would destroy anything
not ours, leaves out (and reports) a content file Pelican cannot read, and keeps its records of the site beside
output/, so that nothing but the site is published."""

from __future__ import annotations

import ctypes
import hashlib
import inspect
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import BuildError, ConfigError, printable
from generator.files import code_fingerprint, holding_locks, read_json_object
from generator.settings import DEFAULT_SITE_URL, pelican_settings
from generator.site.collection import resume_collection
from generator.site.writer import child_failed, in_child_writer, stop_children
from generator.ingest import CACHE_ROOT

LEGACY_MARKER = ".newsdigest-output"  # inside output/, from before the records moved beside it
LEGACY_PAGE_RECORD = ".newsdigest-pages.json"
RECORDS_SUFFIX = ".newsdigest"  # `.output.newsdigest/` beside output/: what the build knows of the site in it
TRASH_PREFIX = ".newsdigest-trash-"


class _PelicanErrors(logging.Handler):
    """Collects the ERROR records Pelican logs while it goes on: a content file it left out (with the reason,
    which Pelican logs only in debug mode), and any other error, which fails the build."""

    def __init__(self, content: Path) -> None:
        super().__init__(level=logging.ERROR)
        self.content = content
        self.skipped: list[str] = []
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == "Could not process %s" and record.args:
            self.skipped.append(f"{printable(str(self.content / str(record.args[0])))}: {reason_of(sys.exc_info()[1])}")
        elif isinstance(record.msg, str) and record.msg.startswith("Skipping %s"):
            self.skipped.append(record.getMessage().replace("Skipping ", "", 1))
        else:
            self.messages.append(record.getMessage().splitlines()[0] if record.getMessage() else record.levelname)


class _WarningPrinter(logging.Handler):
    """Shows each WARNING Pelican or a plugin logs while it runs (ours: speed-ups left off after a Pelican
    upgrade) as one `warning:` line on stderr."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno == logging.WARNING:
            print(f"warning: {record.getMessage().splitlines()[0]}", file=sys.stderr)


def reason_of(error: BaseException | None) -> str:
    """Why something failed, in one line."""
    if error is None:
        return "Pelican could not read it"
    problems = getattr(error, "problems", None)
    if problems:
        return "; ".join(problems)
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


@dataclass
class BuildReport:
    """What a build did: whether it wrote the site (true) or found it up to date, and the content files left
    out, each with its reason."""

    built: bool
    skipped: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.built


def check_output_dir(output: Path, project: Path, inside: list[Path]) -> None:
    """Refuse an output folder whose replacement would destroy something that is not ours: a path that exists
    and is not a folder; the project, the home folder, the root or a folder above one of them; a folder inside
    content/, seeds/ or the theme (`inside`); a non-empty folder that is not a site newsdigest built."""
    target = output.resolve()
    if (output.exists() or output.is_symlink()) and not target.is_dir():
        raise ConfigError("OUTPUT_PATH", f"refusing to build into {output}: it exists and is not a folder")
    for folder in (Path("/"), Path.home().resolve(), project.resolve()):
        if folder.is_relative_to(target):
            raise ConfigError("OUTPUT_PATH", f"refusing to build into {output}: it is or contains {folder}")
    for folder in inside:
        if target.is_relative_to(folder.resolve()):
            raise ConfigError("OUTPUT_PATH", f"refusing to build into {output}: it is inside {folder}")
    if target.is_dir() and any(target.iterdir()) and current_record(target) is None:
        raise ConfigError("OUTPUT_PATH", f"refusing to replace {output}: it is not empty and was not built by "
                                         "newsdigest (delete it or choose another --output)")


def records_folder(output: Path) -> Path:
    """Where the build keeps its records of the site in output/: beside it, so that they are never published."""
    return output.parent / f".{output.name}{RECORDS_SUFFIX}"


def site_identity(folder: Path) -> str | None:
    """What tells a site newsdigest built from any other folder: the SHA-256 of its front page (index.html, which
    every build writes). It survives copying the project; a folder of other files has no such page."""
    try:
        return hashlib.sha256((folder / "index.html").read_bytes()).hexdigest()
    except OSError:
        return None


def current_record(output: Path) -> dict | None:
    """The record of the site now in output/: {"site", "inputs": [environment key, content key], "complete",
    "pages": its page keys' file}; None when output/ holds no site newsdigest built."""
    identity = site_identity(output)
    if identity is None:
        return None
    folder = records_folder(output)
    for path in sorted(folder.glob("site-*.json")) if folder.is_dir() else []:
        record = read_json_object(path)
        if record.get("site") == identity and isinstance(record.get("inputs"), list):
            return {**record, "pages": folder / str(record.get("pages"))}
    marker = output / LEGACY_MARKER  # a site built before the records moved out of it
    words = marker.read_text(encoding="utf-8").split() if marker.is_file() else []
    if len(words) >= 2:
        return {"inputs": words[-2:], "complete": True, "pages": output / LEGACY_PAGE_RECORD}
    return None


def remove_leftovers(output: Path) -> None:
    """Under the build lock: remove what killed builds of this output left (staging and retired sites, records
    of sites that are gone), and finish deleting retired sites whose deletion was cut short."""
    parent = output.parent
    for pattern in (f".{output.name}-build-*", f".{output.name}-old-*"):
        for folder in parent.glob(pattern):
            shutil.rmtree(folder, ignore_errors=True)
    trash = sorted(parent.glob(f"{TRASH_PREFIX}{output.name}-old-*"))
    if trash:
        subprocess.Popen(["rm", "-rf", "--", *map(str, trash)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    remove_stale_records(output)


def remove_stale_records(output: Path) -> None:
    """Remove the records of sites no longer in output/ (a replaced site's, or one whose swap never happened)."""
    records = records_folder(output)
    if not records.is_dir():
        return
    identity = site_identity(output)
    for path in records.glob("site-*.json"):
        record = read_json_object(path)
        if record.get("site") != identity:
            path.unlink(missing_ok=True)
    for path in records.glob("*-*.json"):  # a build's other records (pages-, search-...) go with its site record
        build = path.name.split("-", 1)[1]
        if not (records / f"site-{build}").is_file():
            path.unlink(missing_ok=True)


def run_pelican(settings: dict) -> list[str]:
    """Run Pelican in this process: the content files it left out (each with its reason); any other error it
    logs or raises fails the build."""
    from pelican import Pelican

    errors, printer = _PelicanErrors(Path(settings["PATH"])), _WarningPrinter()
    logging.getLogger().addHandler(errors)
    logging.getLogger().addHandler(printer)
    try:
        Pelican(settings).run()
    except BaseException as error:
        if in_child_writer(settings):
            child_failed(settings, error)  # a forked writer never returns into this code
        if isinstance(error, Exception):
            raise BuildError(f"Pelican failed: {reason_of(error)}") from error
        raise
    finally:
        stop_children(settings)
        resume_collection()
        logging.getLogger().removeHandler(errors)
        logging.getLogger().removeHandler(printer)
    if errors.messages:
        raise BuildError("Pelican reported errors: " + "; ".join(errors.messages[:5]))
    return errors.skipped


def hash_files(digest, root: Path, files: list[Path]) -> None:
    """Feed file names (relative to root, so the project can move) and bytes to a hash, in order."""
    for path in files:
        hash_file(digest, path.relative_to(root).as_posix(), path)


def hash_file(digest, name: str, path: str | Path) -> None:
    """Feed one file's name and bytes to a hash."""
    digest.update(f"\0{name}\0".encode())
    with open(path, "rb") as handle:
        digest.update(handle.read())


def environment_key(settings_file: Path, settings: dict, site_url: str) -> str:
    """A hash of what every page depends on: the settings (the values they give, which may come from a file the
    settings file imports, as publishconf.py takes pelicanconf.py's; the Python files beside it, which hold
    the code of any function among them; and the bytes of any file a setting names by its absolute path, as
    SEARCH_ALIASES names tags.yaml), the theme, our code, the site URL."""
    project = settings_file.resolve().parent
    values = {key: value for key, value in settings.items() if key not in FOLDER_SETTINGS}
    digest = hashlib.sha256(f"{code_fingerprint()}|{site_url}|".encode())
    digest.update(stable_text(values).replace(str(project), "<project>").encode())  # the project can move
    theme = Path(settings["THEME"])
    python_files = sorted({settings_file.resolve(), *project.glob("*.py")})  # the code of functions in settings
    for root, files in ((project, python_files), (theme, sorted(theme.rglob("*")))):
        hash_files(digest, root, [path for path in files if path.is_file()])
    for key, value in sorted(values.items()):
        if isinstance(value, str) and os.path.isabs(value) and os.path.isfile(value):
            hash_file(digest, key, value)
    return digest.hexdigest()


def stable_text(value: object) -> str:
    """A setting's value as text that is the same in every run: functions and modules by name, no addresses."""
    if isinstance(value, dict):
        return "{" + ",".join(sorted(f"{stable_text(key)}:{stable_text(item)}" for key, item in value.items())) + "}"
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted(map(stable_text, value))) + "}"
    if isinstance(value, (list, tuple)):
        return type(value).__name__ + "[" + ",".join(map(stable_text, value)) + "]"
    if callable(value) or inspect.ismodule(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', getattr(value, '__name__', ''))}"
    return _ADDRESS.sub("", repr(value))


_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
FOLDER_SETTINGS = ("PATH", "OUTPUT_PATH")  # the content and output folders: the content key covers the one, the other is where pages go


def content_key(content: Path) -> str:
    """A hash of the content files (not our local caches); plain strings and os.walk, as it runs on every build."""
    files = []
    for folder, _, names in os.walk(content):
        relative = os.path.relpath(folder, content).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        files += [(prefix + name, os.path.join(folder, name)) for name in names if not name.startswith(".newsdigest-cache")]
    digest = hashlib.sha256()
    for name, path in sorted(files):
        if os.path.isfile(path):
            hash_file(digest, name, path)
    return digest.hexdigest()


def build_site(content: Path, output: Path, *, settings_file: Path, site_url: str = DEFAULT_SITE_URL,
               protected: list[Path] | None = None, force: bool = False, wait: bool = False,
               waiting: Callable[[str], None] | None = None) -> BuildReport:
    """Render content/ into a fresh folder beside output/ and swap it in; output/ is untouched on failure.

    Pages whose inputs did not change are linked from the current output/ (see generator.site.reuse). A content
    file Pelican cannot read is left out and reported; the rest is built. Holds the lock of content/ and output/
    (the one ingest takes); with `wait`, waits for another run to end (after telling `waiting`), else refuses."""
    project = settings_file.resolve().parent
    output = output.resolve()
    inside = [content, *(protected or []), project / "theme"]
    check_output_dir(output, project, inside)
    with holding_locks([content, output], wait=wait, waiting=waiting):
        settings = pelican_settings(settings_file, content, output, site_url)
        check_output_dir(output, project, [*inside, Path(settings["THEME"])])
        output.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(output)
        keys = [environment_key(settings_file, settings, site_url), content_key(content)]
        record = current_record(output)
        if not force and record and record["inputs"] == keys and record.get("complete"):
            return BuildReport(False)
        skipped = render(settings, output, keys, None if force else record, cache_folder(project, keys[0]))
        remove_stale_records(output)
    return BuildReport(True, skipped)


def render(settings: dict, output: Path, keys: list[str], previous: dict | None, cache: Path) -> list[str]:
    """Build the site into a staging folder, record it, and swap it in for output/: the files left out."""
    records = records_folder(output)
    records.mkdir(exist_ok=True)
    token = f"{os.getpid()}-{time.time_ns()}"
    pages, site = records / f"pages-{token}.json", records / f"site-{token}.json"
    staging = output.parent / f".{output.name}-build-{os.getpid()}"
    staging.mkdir()
    try:
        reuse = previous is not None and previous["inputs"][0] == keys[0]
        page_records = (str(previous["pages"]) if reuse else None, str(pages))
        skipped = run_pelican(with_build_folders(settings, staging, output if reuse else None, cache, page_records))
        record = {"site": site_identity(staging), "inputs": keys, "complete": not skipped, "pages": pages.name}
        site.write_text(json.dumps(record) + "\n", encoding="utf-8")  # before the swap: a crash leaves both records
        swap_in(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        for record in records.glob(f"*-{token}.json"):
            record.unlink(missing_ok=True)
        raise
    return skipped


def with_build_folders(settings: dict, staging: Path, previous: Path | None, cache: Path,
                       page_records: tuple[str | None, str]) -> dict:
    """Settings for one build: write into staging, reuse unchanged pages of previous (by the page keys in the
    first record), save this build's page keys in the second, cache what was read."""
    from generator.site.parallel import WRITE_PROCESSES
    from generator.site.reuse import PAGE_RECORDS, PREVIOUS_OUTPUT

    return {**settings, "OUTPUT_PATH": str(staging), PREVIOUS_OUTPUT: str(previous) if previous else None,
            PAGE_RECORDS: page_records, WRITE_PROCESSES: os.cpu_count() or 1, "CACHE_PATH": str(cache),
            "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "GZIP_CACHE": False,
            "CONTENT_CACHING_LAYER": "reader", "CHECK_MODIFIED_METHOD": "md5"}


def cache_folder(project: Path, environment: str) -> Path:
    """Where Pelican caches what it read, per environment key so that a code or settings change starts afresh."""
    if (project / CACHE_ROOT).is_symlink():  # a cache is ours and local: never written through a link
        (project / CACHE_ROOT).unlink()
    root = project / CACHE_ROOT / "pelican"
    for stale in root.glob("*") if root.is_dir() else []:
        if stale.name != environment[:16]:
            shutil.rmtree(stale, ignore_errors=True)
    return root / environment[:16]


def swap_in(staging: Path, output: Path) -> None:
    """Put the staging folder in place of output/ in one atomic exchange; the old site is removed after."""
    retired = output.parent / f".{output.name}-old-{os.getpid()}-{time.time_ns()}"  # unique: the last one's may
    # still be being deleted when one process builds twice (serve --watch)
    if output.exists() and exchange(staging, output):
        os.rename(staging, retired)
    else:
        if output.exists():
            os.rename(output, retired)
        try:
            os.rename(staging, output)
        except BaseException:
            if retired.exists():
                os.rename(retired, output)
            raise
    remove_in_background(retired)


def remove_in_background(folder: Path) -> None:
    """Delete a retired site without making the build wait (deleting thousands of files is slow on some disks)."""
    if not folder.exists():
        return
    trash = folder.parent / f"{TRASH_PREFIX}{folder.name.lstrip('.')}"
    os.rename(folder, trash)
    subprocess.Popen(["rm", "-rf", "--", str(trash)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True)


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with Linux renameat2(RENAME_EXCHANGE); False where that is unavailable."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    return result == 0
