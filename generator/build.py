"""Build stage: Pelican renders content/ into a temporary folder that replaces output/ only on success."""

from __future__ import annotations

import ctypes
import fcntl
import hashlib
import inspect
import logging
import os
import re
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from generator.errors import BuildError, ConfigError
from generator.files import code_fingerprint
from generator.settings import pelican_settings
from generator.site.collection import resume_collection
from generator.site.writer import child_failed, in_child_writer, stop_children
from generator.ingest import CACHE_ROOT

OUTPUT_MARKER = ".newsdigest-output"
LOCK_NAME = ".newsdigest.lock"
TRASH_PREFIX = ".newsdigest-trash-"
DEFAULT_SITE_URL = "http://localhost:8000/"


class _ErrorCounter(logging.Handler):
    """Collects the ERROR records Pelican logs while it goes on (a template or reader failure)."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage().splitlines()[0] if record.getMessage() else record.levelname)


class _WarningPrinter(logging.Handler):
    """Shows each WARNING Pelican or a plugin logs while it runs (ours: speed-ups left off after a Pelican
    upgrade) as one `warning:` line on stderr."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno == logging.WARNING:
            print(f"warning: {record.getMessage().splitlines()[0]}", file=sys.stderr)


def check_output_dir(output: Path, project: Path, protected: list[Path]) -> None:
    """Refuse an output folder whose replacement would destroy something that is not ours."""
    target = output.resolve()
    forbidden = {Path("/"), Path.home().resolve(), project.resolve(), *(path.resolve() for path in protected)}
    if target in forbidden or any(path.is_relative_to(target) for path in forbidden if path != Path("/")):
        raise ConfigError("OUTPUT_PATH", f"refusing to build into {output}: it is or contains the project, home, seeds or content folder")
    if target.is_dir() and any(target.iterdir()) and not (target / OUTPUT_MARKER).is_file():
        raise ConfigError("OUTPUT_PATH", f"refusing to replace {output}: it is not empty and was not built by newsdigest")


@contextmanager
def build_lock(output: Path, wait: bool = False) -> Iterator[None]:
    """One build at a time per output folder; a second one fails at once with a clear message (or waits)."""
    lock_path = output.resolve().parent / f"{LOCK_NAME}"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as error:
            raise BuildError(f"another build of {output} is running (lock {lock_path}); try again when it ends") from error
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def run_pelican(settings: dict) -> None:
    """Run Pelican in this process; an error it logs or raises fails the build."""
    from pelican import Pelican

    counter, printer = _ErrorCounter(), _WarningPrinter()
    logging.getLogger().addHandler(counter)
    logging.getLogger().addHandler(printer)
    try:
        Pelican(settings).run()
    except BaseException as error:
        if in_child_writer(settings):
            child_failed(settings, error)  # a forked writer never returns into this code
        if isinstance(error, Exception):
            raise BuildError(f"Pelican failed: {type(error).__name__}: {error}") from error
        raise
    finally:
        stop_children(settings)
        resume_collection()
        logging.getLogger().removeHandler(counter)
        logging.getLogger().removeHandler(printer)
    if counter.messages:
        raise BuildError("Pelican reported errors: " + "; ".join(counter.messages[:5]))


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
    settings file imports, as publishconf.py takes pelicanconf.py's; and the Python files beside it, which hold
    the code of any function among them), the theme, our code, the site URL."""
    project = settings_file.resolve().parent
    values = {key: value for key, value in settings.items() if key not in FOLDER_SETTINGS}
    digest = hashlib.sha256(f"{code_fingerprint()}|{site_url}|".encode())
    digest.update(stable_text(values).replace(str(project), "<project>").encode())  # the project can move
    theme = Path(settings["THEME"])
    python_files = sorted({settings_file.resolve(), *project.glob("*.py")})  # the code of functions in settings
    for root, files in ((project, python_files), (theme, sorted(theme.rglob("*")))):
        hash_files(digest, root, [path for path in files if path.is_file()])
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


def previous_keys(output: Path) -> tuple[str, str]:
    """The environment and content keys the current output/ was built from ('' when unknown)."""
    marker = output / OUTPUT_MARKER
    words = marker.read_text(encoding="utf-8").split() if marker.is_file() else []
    return (words[-2], words[-1]) if len(words) >= 2 else ("", "")


def build_site(content: Path, output: Path, *, settings_file: Path, site_url: str = DEFAULT_SITE_URL,
               protected: list[Path] | None = None, force: bool = False) -> bool:
    """Render content/ into a fresh folder beside output/ and swap it in; output/ is untouched on failure.

    Pages whose inputs did not change are linked from the current output/ (see generator.site.reuse).
    Returns False when output/ was already built from the same inputs and nothing was done."""
    project = settings_file.resolve().parent
    output = output.resolve()
    check_output_dir(output, project, [content, *(protected or [])])
    output.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(output):
        settings = pelican_settings(settings_file, content, output, site_url)
        keys = (environment_key(settings_file, settings, site_url), content_key(content))
        old = previous_keys(output)
        if not force and old == keys:
            return False
        staging = output.parent / f".{output.name}-build-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        try:
            reuse = output if not force and old[0] == keys[0] else None
            run_pelican(with_build_folders(settings, staging, reuse, cache_folder(project, keys[0])))
            (staging / OUTPUT_MARKER).write_text(f"built by newsdigest from inputs {keys[0]} {keys[1]}\n")
            swap_in(staging, output)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return True


def with_build_folders(settings: dict, staging: Path, previous: Path | None, cache: Path) -> dict:
    """Settings for one build: write into staging, reuse unchanged pages of previous, cache what was read."""
    from generator.site.parallel import WRITE_PROCESSES
    from generator.site.reuse import PREVIOUS_OUTPUT

    return {**settings, "OUTPUT_PATH": str(staging), PREVIOUS_OUTPUT: str(previous) if previous else None,
            WRITE_PROCESSES: os.cpu_count() or 1, "CACHE_PATH": str(cache), "CACHE_CONTENT": True,
            "LOAD_CONTENT_CACHE": True, "GZIP_CACHE": False, "CONTENT_CACHING_LAYER": "reader",
            "CHECK_MODIFIED_METHOD": "md5"}


def cache_folder(project: Path, environment: str) -> Path:
    """Where Pelican caches what it read, per environment key so that a code or settings change starts afresh."""
    root = project / CACHE_ROOT / "pelican"
    for stale in root.glob("*") if root.is_dir() else []:
        if stale.name != environment[:16]:
            shutil.rmtree(stale, ignore_errors=True)
    return root / environment[:16]


def swap_in(staging: Path, output: Path) -> None:
    """Put the staging folder in place of output/ in one atomic exchange; the old site is removed after."""
    retired = output.parent / f".{output.name}-old-{os.getpid()}"
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
