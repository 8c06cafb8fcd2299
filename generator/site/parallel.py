"""Work shared among forked processes: one fork-and-join for reading stories ahead and for writing pages.

`Workers.start()` forks count - 1 copies of this process; each learns its share number (the parent is 0), does
its part, and hands back one picklable result (`hand_back`) or the reason it failed (`fail`); neither returns.
The parent `join`s them: the results in share order, a `WorkerFailed` for each that failed.

Parallelism is declared, as Sphinx extensions declare `parallel_write_safe`: while several processes write,
Pelican sends some signals in each of them for its own share of the pages only (content_written, feeds'
signals), or in all of them (article_generator_write_article). A plugin listening to those is safe only if it
says so, with `PARALLEL_WRITE_SAFE = True` in its module (or a package above it); `unsafe_listeners` names the
others, and the writer then writes with one process."""

from __future__ import annotations

import os
import pickle
import shutil
import signal
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from blinker import ANY
from pelican import signals

from generator.workers import die_with_parent

WRITE_PROCESSES = "NEWSDIGEST_WRITE_PROCESSES"  # setting: how many processes may write the pages
PARALLEL_WRITE_SAFE = "PARALLEL_WRITE_SAFE"
# Signals sent while several processes write (article_writer_finalized: by receivers before the join).
SIGNALS_WHILE_SHARED = (signals.content_written, signals.feed_generated, signals.feed_written,
                        signals.article_generator_write_article, signals.article_writer_finalized)


@dataclass
class WorkerFailed:
    """A worker that did not hand back its result, and why."""

    share: int
    reason: str


class Workers:
    """Forked copies of this process, each with a share number; see the module's docstring."""

    def __init__(self, count: int):
        self.count = max(1, count)
        self.share = 0
        self.parent = os.getpid()
        self.children: list[int] = []
        self.folder: Path | None = None

    def start(self) -> int:
        """Fork the other workers; this process's share number (0 in the parent)."""
        if self.count > 1:
            self.folder = Path(tempfile.mkdtemp(prefix="newsdigest-workers-"))
        for share in range(1, self.count):
            pid = os.fork()
            if pid == 0:
                die_with_parent()  # a killed build leaves no worker behind
                self.share, self.children = share, []
                return share
            self.children.append(pid)
        return 0

    @property
    def in_worker(self) -> bool:
        """This process is a forked worker, which must never return into the caller's code."""
        return self.share != 0 and os.getpid() != self.parent

    def hand_back(self, result: object) -> NoReturn:
        """In a worker: leave the result for the parent and exit."""
        try:
            data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            (self.folder / f"{self.share}.pickle").write_bytes(data)
        except BaseException as error:  # noqa: BLE001 - the parent is told why
            self.fail(error)
        self.exit(0)

    def fail(self, error: BaseException) -> NoReturn:
        """In a worker: leave the reason for the parent and exit."""
        try:
            (self.folder / f"{self.share}.error").write_text(f"{type(error).__name__}: {error}", encoding="utf-8")
        finally:
            self.exit(1)

    @staticmethod
    def exit(code: int) -> NoReturn:
        """Leave at once: a worker runs none of the parent's clean-up (at-exit handlers, temporary folders)."""
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)

    def join(self) -> list[object]:
        """In the parent: wait for the workers; their results in share order (a WorkerFailed for each that failed)."""
        results: list[object] = []
        for share, pid in enumerate(self.children, start=1):
            _, status = os.waitpid(pid, 0)
            results.append(self.result_of(share, os.waitstatus_to_exitcode(status)))
        self.children = []
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
        return results

    def result_of(self, share: int, code: int) -> object:
        result, error = self.folder / f"{share}.pickle", self.folder / f"{share}.error"
        if code == 0 and result.is_file():
            return pickle.loads(result.read_bytes())
        reason = error.read_text(encoding="utf-8") if error.is_file() else f"worker {share} died (exit {code})"
        return WorkerFailed(share, reason)

    def stop(self) -> None:
        """In the parent: end workers still running (the parent failed or was interrupted)."""
        for pid in self.children:
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self.children = []
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def share_of(name: str, count: int) -> int:
    """The share number of the process that writes the page or feed of that name."""
    return zlib.crc32(name.encode("utf-8")) % count


def unsafe_listeners() -> list[str]:
    """The receivers of the signals sent while several processes write that do not declare themselves safe for
    it (PARALLEL_WRITE_SAFE in their module or a package above it), as module.name."""
    unsafe = []
    for sent in SIGNALS_WHILE_SHARED:
        for receiver in sent.receivers_for(ANY):
            if sent is signals.article_writer_finalized and declared_safe(receiver):
                break  # ours joins the writers: the receivers after it run in the parent alone
            if not declared_safe(receiver):
                unsafe.append(f"{getattr(receiver, '__module__', '?')}.{getattr(receiver, '__qualname__', receiver)}")
    return sorted(set(unsafe))


def declared_safe(receiver: object) -> bool:
    """The receiver's module, or a package above it, sets PARALLEL_WRITE_SAFE = True."""
    parts = str(getattr(receiver, "__module__", "") or "").split(".")
    return any(getattr(sys.modules.get(".".join(parts[:length])), PARALLEL_WRITE_SAFE, False) is True
               for length in range(len(parts), 0, -1))
