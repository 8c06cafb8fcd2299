"""The one place that writes and removes files: paths stay inside their root, writes are atomic."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from functools import lru_cache
from pathlib import Path

from generator.errors import NewsdigestError, WriteError


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of newsdigest's own source: what it makes changes when the code does."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


MEMORY_FOLDER = Path("/dev/shm")
MEMORY_TO_SPARE = 512 * 2**20  # containers often give /dev/shm 64 MB: use it only with this much free


def scratch_folder(prefix: str) -> tempfile.TemporaryDirectory:
    """A temporary folder for many small files that live a few seconds: in memory (/dev/shm) where the system
    has it with room to spare, since creating thousands of files on disk costs more than writing them."""
    try:
        usable = os.access(MEMORY_FOLDER, os.W_OK | os.X_OK)
        room = os.statvfs(MEMORY_FOLDER)
        memory = usable and room.f_bavail * room.f_frsize >= MEMORY_TO_SPARE
    except OSError:
        memory = False
    return tempfile.TemporaryDirectory(prefix=prefix, dir=MEMORY_FOLDER if memory else None)


def read_json_object(path: Path) -> dict:
    """A JSON object saved by an earlier run; empty when the file is missing, unreadable or not an object."""
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


class UnsafePathError(NewsdigestError):
    """A write or removal that would land outside its root."""


class SafeWriter:
    """Atomic writes under one root folder, never the same path twice in one run."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.written: set[Path] = set()

    def inside(self, relative: Path | str) -> Path:
        """The absolute path of `relative` under the root; refuses anything that resolves outside it."""
        target = (self.root / relative).resolve()
        if target == self.root or not target.is_relative_to(self.root):
            raise UnsafePathError(f"refusing to touch {relative}: it is outside {self.root}")
        return target

    def write_text(self, relative: Path | str, text: str) -> Path:
        """Write text atomically (temp file in the same folder, then rename)."""
        return self.write_bytes(relative, text.encode("utf-8"))

    def write_bytes(self, relative: Path | str, data: bytes) -> Path:
        """Write bytes atomically (temp file in the same folder, then rename)."""
        target = self.inside(relative)
        if target in self.written:
            raise UnsafePathError(f"refusing to write {relative} twice in one run")
        self.written.add(target)
        try:
            write_atomically(target, data)
        except OSError as error:
            raise WriteError(f"{target}: cannot write: {error.strerror or error}") from error
        return target

    def remove(self, relative: Path | str) -> None:
        """Remove a file under the root, and the folders it leaves empty."""
        target = self.inside(relative)
        target.unlink(missing_ok=True)
        folder = target.parent
        while folder != self.root and folder.is_relative_to(self.root):
            try:
                folder.rmdir()  # only an empty one goes
            except FileNotFoundError:
                pass  # removed by hand already: its parent may be empty now
            except OSError:
                break  # not empty
            folder = folder.parent


def write_atomically(target: Path, data: bytes) -> None:
    """Write bytes to a temp file beside the target, then rename it over the target.

    The rename makes the write atomic: a reader sees the old file or the new one, never half of one. No fsync:
    it costs more than the write itself on many disks, and protects only against a power cut."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


LOCK_NAME = ".newsdigest.lock"
_held_locks: dict[Path, int] = {}  # lock files this process holds, with how many callers hold each


def lock_file(folder: Path) -> Path:
    """The lock guarding a project folder (content/ or output/): a file beside it, shared by ingest and build."""
    return folder.resolve().parent / LOCK_NAME


@contextmanager
def holding_locks(folders: list[Path], *, wait: bool, waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the locks of these folders (each lock once, in a fixed order, so two runs cannot wait on each other).

    A lock this process already holds is taken again at no cost (the build holds it while ingest runs). When
    another run holds one: with `wait`, call `waiting` with a message and block until it is free; else raise a
    NewsdigestError naming the folder and the other run's pid. The kernel drops a lock when its holder dies,
    so a killed run never leaves one behind."""
    with ExitStack() as stack:
        for path in sorted({lock_file(folder) for folder in folders}):
            stack.enter_context(_holding(path, wait, waiting))
        yield


def open_own_file(path: Path, flags: int) -> int:
    """Open (creating it) a file of ours such as a lock or a journal; a symbolic link in its place is no file of
    ours and is replaced, so that nothing outside the project is ever written through it."""
    if path.is_symlink():
        path.unlink()
    return os.open(path, flags | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644)


@contextmanager
def _holding(path: Path, wait: bool, waiting: Callable[[str], None] | None) -> Iterator[None]:
    """Hold one lock file (see holding_locks), writing this process's pid in it for whoever waits."""
    if path in _held_locks:
        _held_locks[path] += 1
        try:
            yield
        finally:
            _held_locks[path] -= 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open_own_file(path, os.O_RDWR)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            holder = _lock_holder(handle)
            message = f"another newsdigest run{holder} is working in {path.parent} (lock {path})"
            if not wait:
                raise NewsdigestError(f"{message}; try again when it ends") from error
            if waiting:
                waiting(f"{message}: waiting for it to end")
            fcntl.flock(handle, fcntl.LOCK_EX)
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"{os.getpid()}\n".encode(), 0)
        _held_locks[path] = 1
        try:
            yield
        finally:
            del _held_locks[path]
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


def _lock_holder(handle: int) -> str:
    """' (pid N)' for the run holding a lock, as it wrote in the lock file; '' when unknown."""
    try:
        pid = os.pread(handle, 32, 0).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""
