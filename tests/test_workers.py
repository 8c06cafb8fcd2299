"""Worker processes: results in order, every failure back as data, a time limit per task, no worker left behind."""

from __future__ import annotations

import os
import pickle
import signal
import time
from pathlib import Path

import pytest

from generator.errors import ConfigError, NewsdigestError, SeedError
from generator.files import UnsafePathError
from generator.ingest import prepare_all
from generator.schema import FrontMatterError
from generator import workers
from generator.workers import TaskFailed, run_tasks


def square_or_fail(number: int) -> int:
    if number == 3:
        raise ValueError("three is bad")
    if number == 5:
        os.kill(os.getpid(), signal.SIGKILL)  # a worker that dies (out of memory, a segfault)
    if number == 7:
        while True:  # a loop in Python code: the worker's CPU timer stops it
            pass
    if number == 8:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPROF})  # a loop where no signal is seen (C code)
        while True:
            pass
    if number == 9:
        time.sleep(60)  # waiting, using no CPU: stopped after WALL_FACTOR times the limit
    return number * number


def test_results_come_in_order_and_each_failure_is_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "WALL_FACTOR", 60)  # CPU time decides, however busy the machine is
    tasks = [(number,) for number in range(11) if number != 9]
    results = dict(run_tasks(square_or_fail, tasks, processes=3, limit=0.5))
    assert sorted(results) == list(range(10))
    assert [results[index] for index in (0, 1, 2, 4, 6, 9)] == [0, 1, 4, 16, 36, 100]
    assert results[3] == TaskFailed("internal error (ValueError: three is bad)")
    assert results[5] == TaskFailed("its worker process died")
    assert results[7] == TaskFailed("took more than 0.5 s of CPU time")
    assert results[8] == TaskFailed("took more than 0.5 s of CPU time (stopped)")
    monkeypatch.setattr(workers, "WALL_FACTOR", 2)
    assert list(run_tasks(square_or_fail, [(9,), (4,)], processes=1, limit=0.5)) == [
        (0, TaskFailed("had not ended after 1 s (stopped)")), (1, 16)]


def wait_for(path: str) -> str:
    """A task that runs until the file exists (the test never makes it)."""
    while not Path(path).exists():
        time.sleep(0.01)
    return path


def test_no_worker_outlives_the_run_even_when_the_caller_stops_early(tmp_path: Path) -> None:
    others = set(children_of(os.getpid()))  # processes earlier tests started (a retired site being deleted)
    never = str(tmp_path / "never")
    results = run_tasks(wait_for, [(str(tmp_path),), (never,), (never,)], processes=2, limit=None)
    assert next(results) == (0, str(tmp_path))
    workers = set(children_of(os.getpid())) - others
    assert len(workers) == 2  # both busy with a task that never ends
    results.close()  # the caller stops (Ctrl-C, an error): the workers are stopped and reaped
    assert not workers & set(children_of(os.getpid()))


def children_of(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(word) for word in path.read_text().split()] if path.is_file() else []


@pytest.mark.parametrize("error", [SeedError(Path("seeds/x.txt"), "file is empty", 3), ConfigError("tags.yaml", "bad"),
                                   FrontMatterError("content/a.md", ["'tags' must be a list"]),
                                   UnsafePathError("outside"), NewsdigestError("plain")])
def test_every_error_crosses_a_process_boundary(error: Exception) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and str(copy) == str(error) and vars(copy) == vars(error)


def test_a_seed_that_hangs_fails_with_a_clear_line_and_the_others_are_parsed(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.parse

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("a.txt", "slow.txt", "b.txt"):
        (seeds / name).write_text("Talks in Moscow\n\nMOSCOW, December 26. /TASS/. Talks went on.\n")
    parse_seed = generator.parse.parse_seed
    monkeypatch.setattr(generator.parse, "parse_seed",  # the workers are forked: they inherit this
                        lambda path, name=None: spin() if path.name == "slow.txt" else parse_seed(path, name))
    results = list(prepare_all(sorted(seeds.iterdir()), seeds, 2024, None, jobs=2, limit=0.5))
    assert [type(result).__name__ for result in results] == ["Article", "Article", "SeedError"]
    assert str(results[2]) == f"{seeds / 'slow.txt'}: gave up parsing: took more than 0.5 s of CPU time"


def spin() -> None:
    while True:
        pass


def spin_blind() -> None:
    """A loop where the worker's CPU timer's signal is never seen (as in C code): the parent kills the worker."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPROF})
    spin()


@pytest.mark.parametrize("processes", [1, 3, 4])
def test_slow_seeds_fail_with_one_line_each_while_the_others_are_written(tmp_path: Path, processes: int,
                                                                        monkeypatch: pytest.MonkeyPatch,
                                                                        capsys: pytest.CaptureFixture) -> None:
    import functools

    import generator.ingest
    import generator.parse
    from generator.cli import print_report

    seeds, content = tmp_path / "seeds", tmp_path / "content"
    seeds.mkdir()
    content.mkdir()
    cities = ["Moscow", "Minsk", "Kazan", "Omsk", "Tomsk", "Samara", "Sochi", "Perm", "Tver", "Kursk"]
    for number, city in enumerate(cities):
        (seeds / f"{number:02}-{city.lower()}.txt").write_text(
            f"Grain talks open in {city}\n\n{city.upper()}, December {number + 1}. /TASS/. Officials from {city} met "
            f"on day {number + 1} to discuss grain exports.\n")
    for name in ("03-slow.txt", "07-stuck.txt"):
        (seeds / name).write_text("Talks in Omsk\n\nOMSK, December 26. /TASS/. Talks went on.\n")
    hooks = {"03-slow.txt": spin, "07-stuck.txt": spin_blind}
    parse_seed = generator.parse.parse_seed
    monkeypatch.setattr(generator.parse, "parse_seed",  # the workers are forked: they inherit both hooks
                        lambda path, name=None: hooks[path.name]() if path.name in hooks else parse_seed(path, name))
    monkeypatch.setattr(generator.ingest, "prepare_all", functools.partial(generator.ingest.prepare_all, limit=0.5))
    monkeypatch.setattr(workers, "WALL_FACTOR", 60)  # CPU time decides, however busy the machine is
    report = generator.ingest.ingest(seeds, content, default_year=2024, jobs=processes)
    print_report(report)
    out, err = capsys.readouterr()
    assert err.splitlines() == [f"error: {seeds / '03-slow.txt'}: gave up parsing: took more than 0.5 s of CPU time",
                                f"error: {seeds / '07-stuck.txt'}: gave up parsing: took more than 0.5 s of CPU time "
                                "(stopped)"]
    assert out.startswith("ingest: 10 written, 0 unchanged, 0 removed, 0 kept, 2 failed")
    assert len(list(content.rglob("*.md"))) == 10
