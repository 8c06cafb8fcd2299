"""Worker processes for per-seed work: a time limit on each task, every result (a failure too) sent back as data,
and no worker outliving the run that started it.

Workers are forked, so they inherit what the parent imported and loaded (the parsing stages, the gazetteer). The
limit is CPU time, so that a machine busy with other work does not fail a good seed. A task that uses more is
interrupted inside the worker (SIGPROF, which also stops a slow regular expression); one stuck where no signal is
seen (in C code) is killed by the parent a little later, as is one that has not finished after WALL_FACTOR times
the limit in wall time (waiting on something), and its worker is replaced. A worker ignores Ctrl-C (the parent
stops it) and is killed by the kernel if the parent dies, so a run that is interrupted or killed leaves no
process behind."""

from __future__ import annotations

import ctypes
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection, Pipe, wait
from pathlib import Path

KILL_GRACE = 1.0  # seconds of CPU past a task's limit before the parent kills its worker
WALL_FACTOR = 60  # a task that has not ended after this many times its limit in wall time is stopped too (one that
# waits on something; the CPU limit is what stops slow parsing, so a busy machine fails no good seed)
POLL = 0.25  # seconds between the parent's looks at the busy workers' CPU time
_PR_SET_PDEATHSIG = 1
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


class TimeLimitReached(BaseException):
    """A task ran past its time limit. A BaseException, so that no `except Exception` on the way swallows it."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise TimeLimitReached in this thread once the process has used `seconds` more of CPU time (only in the
    main thread, where Python runs signal handlers; elsewhere, and with no limit, nothing is timed)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGPROF, _time_is_up)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _time_is_up(signum: int, frame: object) -> None:
    """The CPU timer's signal handler."""
    raise TimeLimitReached()


def die_with_parent() -> None:
    """In a forked child: have the kernel kill this process when its parent ends (Linux; elsewhere nothing), and
    end now if the parent is already gone."""
    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(1)


@dataclass
class Worker:
    """One forked worker: its pid, the parent's end of its pipe, the task it runs, and the wall time and the
    worker's CPU time when it started that task."""

    pid: int
    connection: Connection
    task: int | None = None
    started: float = 0.0
    cpu_at_start: float = 0.0

    def cpu_time(self) -> float:
        """The worker's CPU time so far (Linux /proc); 0 where it cannot be read."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            return 0.0
        return (int(fields[11]) + int(fields[12])) / _TICKS  # utime and stime, in clock ticks


class WorkerPool:
    """Runs function(*arguments) for each task in forked workers; see run_tasks."""

    def __init__(self, function: Callable, processes: int, limit: float | None):
        self.function = function
        self.processes = max(1, processes)
        self.limit = limit
        self.workers: list[Worker] = []

    def start_worker(self) -> Worker:
        """Fork a worker that closes the pipes it does not own and serves tasks until told or forced to stop."""
        ours, theirs = Pipe()
        pid = os.fork()
        if pid == 0:  # the worker: never returns into the caller's code
            code = 0
            try:
                ours.close()
                for other in self.workers:
                    other.connection.close()
                self.serve(theirs)
            except BaseException:  # noqa: BLE001 - a worker ends here whatever happens
                code = 1
            finally:
                os._exit(code)
        theirs.close()
        worker = Worker(pid, ours)
        self.workers.append(worker)
        return worker

    def serve(self, connection: Connection) -> None:
        """The worker's loop: take a task, run it under the time limit, send back its index and result."""
        die_with_parent()
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        while True:
            try:
                message = connection.recv()
            except (EOFError, OSError):
                return
            if message is None:
                return
            index, arguments = message
            try:
                with time_limit(self.limit):
                    result = self.function(*arguments)
            except TimeLimitReached:
                result = TaskFailed(f"took more than {self.limit:g} s of CPU time")
            except Exception as error:  # noqa: BLE001 - sent back as data, never lost
                result = TaskFailed(f"internal error ({type(error).__name__}: {error})")
            try:
                connection.send((index, result))
            except Exception as error:  # noqa: BLE001 - a result that cannot be pickled
                connection.send((index, TaskFailed(f"internal error (result not sendable: {error})")))

    def stop(self, worker: Worker) -> None:
        """End a worker at once and reap it."""
        worker.connection.close()
        try:
            os.kill(worker.pid, signal.SIGKILL)
            os.waitpid(worker.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        self.workers.remove(worker)

    def close(self) -> None:
        """Stop every worker (called on success, failure and interruption alike)."""
        for worker in list(self.workers):
            self.stop(worker)


@dataclass
class TaskFailed:
    """A task that did not give a result: why (its worker died, it ran too long, it raised)."""

    reason: str


def run_tasks(function: Callable, tasks: list[tuple], *, processes: int,
              limit: float | None) -> Iterator[tuple[int, object]]:
    """(index, result) of function(*task) for every task, in task order, each computed in a forked worker as soon
    as one is free. A task that raises, runs past `limit` seconds or kills its worker gives a TaskFailed."""
    pool = WorkerPool(function, min(processes, len(tasks)), limit)
    queue = list(range(len(tasks)))[::-1]
    results: dict[int, object] = {}
    next_out = 0
    try:
        for _ in range(pool.processes):
            give_next(pool, pool.start_worker(), tasks, queue)
        while next_out < len(tasks):
            while next_out in results:
                yield next_out, results.pop(next_out)
                next_out += 1
            if next_out >= len(tasks):
                break
            collect(pool, tasks, queue, results)
    finally:
        pool.close()


def give_next(pool: WorkerPool, worker: Worker, tasks: list[tuple], queue: list[int]) -> None:
    """Send the worker the next task, or tell it to stop when there is none."""
    if not queue:
        worker.task = None
        pool.stop(worker)
        return
    worker.task, worker.started, worker.cpu_at_start = queue.pop(), time.monotonic(), worker.cpu_time()
    worker.connection.send((worker.task, tasks[worker.task]))


def collect(pool: WorkerPool, tasks: list[tuple], queue: list[int], results: dict[int, object]) -> None:
    """Wait for the next result (looking at the busy workers' time now and then) and hand out the freed workers'
    next tasks."""
    busy = [worker for worker in pool.workers if worker.task is not None]
    ready = set(wait([worker.connection for worker in busy], POLL if pool.limit else None))
    for worker in busy:
        if worker.connection in ready:
            try:
                index, result = worker.connection.recv()
            except (EOFError, OSError):
                results[worker.task] = TaskFailed("its worker process died")
                replace(pool, worker, tasks, queue)
                continue
            results[index] = result
            give_next(pool, worker, tasks, queue)
        elif pool.limit and worker.cpu_time() - worker.cpu_at_start > pool.limit + KILL_GRACE:
            results[worker.task] = TaskFailed(f"took more than {pool.limit:g} s of CPU time (stopped)")
            replace(pool, worker, tasks, queue)
        elif pool.limit and time.monotonic() - worker.started > WALL_FACTOR * pool.limit:
            results[worker.task] = TaskFailed(f"had not ended after {WALL_FACTOR * pool.limit:g} s (stopped)")
            replace(pool, worker, tasks, queue)


def replace(pool: WorkerPool, worker: Worker, tasks: list[tuple], queue: list[int]) -> None:
    """Kill a worker that died or hangs, and start another when tasks are waiting."""
    pool.stop(worker)
    if queue:
        give_next(pool, pool.start_worker(), tasks, queue)
