"""Fault injection: ingest and build stopped at many points (SIGINT, SIGTERM, SIGKILL, a full disk), overlapping
runs, hundreds of seeds with bad ones among them. After each: content/, its record and output/ are consistent, no
story is written twice, nothing is left behind, and a rebuild changes nothing."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PROJECT, need_tool
from generator.build import current_record
from generator.cli import main
from generator.ingest import JOURNAL, content_files, ingest, read_manifest
from test_bench_synth import synth

HARNESS = Path(__file__).resolve().parent / "faultpoints.py"
BAD_SEEDS = {"empty.txt": b"", "binary.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8}
ARGUMENTS = ["build", "--site-url", "https://example.org/digest/"]


def make_seeds(project: Path, count: int) -> set[str]:
    """count synthetic seeds plus an empty and a binary one: the names of the good ones."""
    good = {path.name for path in synth.synthesise(project / "seeds", count)}
    for name, data in BAD_SEEDS.items():
        (project / "seeds" / name).write_bytes(data)
    return good


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder (the project's records and caches left out), by relative path."""
    skip = (".newsdigest-cache",)
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file() and not path.name.startswith(skip)}


def assert_consistent(project: Path, good: set[str], complete: bool) -> None:
    """content/ and its record agree (as the record reads, its journal replayed); no seed has two stories; when
    complete, every good seed has its story and nothing of a stopped run is left."""
    content = project / "content"
    manifest = read_manifest(content)
    assert set(manifest) == set(content_files(content))
    for path, entry in manifest.items():
        assert entry["sha256"] == hashlib.sha256((content / path).read_bytes()).hexdigest(), path
    seeds = [entry["seed"] for entry in manifest.values()]
    assert len(seeds) == len(set(seeds)) and set(seeds) <= good
    if complete:
        assert set(seeds) == good
        assert not (content / JOURNAL).exists()
        assert not [path for path in content.rglob("*.tmp")]
        assert not [path.name for path in project.iterdir() if path.name.startswith(".output-")]  # (a retired site
        # may still be being deleted in the background: .newsdigest-trash-*)
        assert current_record(project / "output") is not None


def no_process_in(folder: Path) -> bool:
    """No process runs with its working folder in the project (a worker or writer of a killed run would)."""
    deadline = time.monotonic() + 5  # the kernel ends them as their parent dies; give it a moment to reap
    while time.monotonic() < deadline:
        found = []
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and Path(os.readlink(entry / "cwd")).is_relative_to(folder):
                    found.append(entry.name)
            except OSError:
                continue
        if not found:
            return True
        time.sleep(0.1)
    return False


def run_stopped(project: Path, point: str, occurrence: int, signal_name: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(HARNESS), point, str(occurrence), signal_name, "--", *ARGUMENTS],
                          cwd=project, capture_output=True, text=True, timeout=300)


def build_in(project: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """`newsdigest build` in the project, in this process: (exit code, stderr)."""
    monkeypatch.chdir(project)
    capsys.readouterr()
    code = main(ARGUMENTS)
    return code, capsys.readouterr().err


@pytest.fixture(scope="module")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    """A project of 12 good seeds and 2 bad ones, ingested and built; the 13th seed waits in extra/."""
    root = tmp_path_factory.mktemp("faults") / "site"
    root.mkdir()
    for name in ("pelicanconf.py", "tags.yaml"):
        shutil.copy(PROJECT / name, root / name)
    shutil.copytree(PROJECT / "theme", root / "theme")
    good = make_seeds(root, 12)
    synth.synthesise(root / "extra", 1, start=12)
    assert subprocess.run([sys.executable, "-m", "generator.cli", *ARGUMENTS], cwd=root, capture_output=True).returncode == 1
    return root, good


def copy_of(built_project: tuple[Path, set[str]], tmp_path: Path, fresh: bool) -> tuple[Path, set[str]]:
    """A copy of the built project; fresh: without its content and site (ingest starts from nothing); else with
    the 13th seed added (the build has something new to write)."""
    source, good = built_project
    project = tmp_path / "site"
    shutil.copytree(source, project, symlinks=True)
    if fresh:
        shutil.rmtree(project / "content")
        shutil.rmtree(project / "output")
        return project, good
    extra = next((project / "extra").glob("*.txt"))
    shutil.copy(extra, project / "seeds" / extra.name)
    if extra.with_suffix(".yaml").is_file():
        shutil.copy(extra.with_suffix(".yaml"), project / "seeds")
    return project, good | {extra.name}


STOPS = [  # (where, which occurrence, from an empty content/, signal): ingest's two sides of a file, a page, the swap
    ("content-recorded", 5, True, "KILL"), ("content-written", 5, True, "INT"), ("content-written", 5, True, "TERM"),
    ("content-written", 5, True, "KILL"), ("content-written", 1, False, "TERM"), ("page", 3, False, "INT"),
    ("page", 3, False, "KILL"), ("swap", 1, False, "TERM"), ("swap", 1, False, "KILL")]


@pytest.mark.parametrize("point, occurrence, fresh, signal_name", STOPS)
def test_a_run_stopped_at_any_point_leaves_everything_consistent(built_project, tmp_path: Path, point: str,
                                                                 occurrence: int, fresh: bool, signal_name: str,
                                                                 capsys, monkeypatch) -> None:
    project, good = copy_of(built_project, tmp_path, fresh)
    site_before = None if fresh else tree(project / "output")
    stopped = run_stopped(project, point, occurrence, signal_name)
    expected = {"INT": 130, "TERM": 143, "KILL": -signal.SIGKILL}[signal_name]
    assert stopped.returncode == expected, stopped.stderr
    assert "Traceback" not in stopped.stderr
    if signal_name != "KILL":
        assert stopped.stderr.strip().splitlines()[-1].startswith(("interrupted:", "terminated:"))
    assert no_process_in(project)
    assert_consistent(project, good, complete=False)
    if site_before is not None:
        assert tree(project / "output") == site_before  # the previous site, exactly
    code, errors = build_in(project, capsys, monkeypatch)
    assert code == 1 and "Traceback" not in errors  # the two bad seeds
    assert sorted(line for line in errors.splitlines() if line.startswith("error:")) == [
        "error: seeds/binary.txt: looks like binary data (PNG image), not text", "error: seeds/empty.txt: file is empty"]
    assert_consistent(project, good, complete=True)
    content, site = tree(project / "content"), tree(project / "output")
    assert build_in(project, capsys, monkeypatch)[0] == 1
    assert tree(project / "content") == content and tree(project / "output") == site


def test_hundreds_of_seeds_with_bad_ones_interrupted_with_ctrl_c_then_rebuilt(tmp_path: Path, project: Path, capsys,
                                                                            monkeypatch) -> None:
    good = make_seeds(project, 300)
    stopped = run_stopped(project, "content-written", 150, "INT")
    assert stopped.returncode == 130 and "Traceback" not in stopped.stderr
    assert len(content_files(project / "content")) == 150
    assert_consistent(project, good, complete=False)
    code, errors = build_in(project, capsys, monkeypatch)
    assert code == 1 and "Traceback" not in errors and len(errors.strip().splitlines()) == 2
    assert_consistent(project, good, complete=True)
    assert len(content_files(project / "content")) == 300
    assert len(list((project / "output").glob("2024/*/*/*.html"))) - len(list((project / "output").glob("2024/*/*/index.html"))) == 300


def test_overlapping_builds_wait_for_each_other_and_write_each_story_once(project: Path) -> None:
    good = make_seeds(project, 60)
    runs = [subprocess.Popen([sys.executable, "-m", "generator.cli", *ARGUMENTS], cwd=project, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    assert [code for code, _, _ in results] == [1, 1, 1]  # the two bad seeds, reported by each
    assert not any("Traceback" in errors for _, _, errors in results)
    assert sum("waiting: another newsdigest run" in errors for _, _, errors in results) >= 1
    assert_consistent(project, good, complete=True)
    assert sum("60 written" in out for _, out, _ in results) == 1  # one run wrote them; the others found them


def test_an_ingest_that_fails_on_a_full_disk_is_consistent_and_the_next_run_completes(project: Path,
                                                                                     monkeypatch) -> None:
    import generator.files

    good = make_seeds(project, 8)
    real_replace, calls = os.replace, {"n": 0}

    def disk_fills(source, target):
        if not Path(target).is_relative_to(project / "content"):  # a cache elsewhere (the gazetteer's) is not counted
            return real_replace(source, target)
        calls["n"] += 1
        if calls["n"] >= 4:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(source, target)

    monkeypatch.setattr(generator.files.os, "replace", disk_fills)
    with pytest.raises(Exception, match="cannot write: No space left on device"):
        ingest(project / "seeds", project / "content")
    monkeypatch.setattr(generator.files.os, "replace", real_replace)
    assert len(content_files(project / "content")) == 3
    assert_consistent(project, good, complete=False)
    assert not list((project / "content").rglob("*.tmp"))
    report = ingest(project / "seeds", project / "content")
    assert len(report.written) == 5 and len(report.unchanged) == 3
    assert len(content_files(project / "content")) == 8


FULL_DISK = r"""
set -e
mount -t tmpfs -o size=6m tmpfs "$1"
cp -r "$2"/. "$1"/
cd "$1"
run() { "$3" -m generator.cli "$1" --site-url https://example.org/digest/ > /dev/null 2> "$4/$2" || echo "exit $?" >> "$4/$2"; }
fill() { rm -f filler; head -c $(( $(df --output=avail -B1 . | tail -1) - $1 )) /dev/zero > filler 2>/dev/null || true; }
fill 20000; run build ingest-full.txt "$3" "$4"; rm -f filler
"$3" -c "import sys; from pathlib import Path; from generator.ingest import read_manifest, content_files; \
m = read_manifest(Path('content')); sys.exit(0 if set(m) == set(content_files(Path('content'))) else 1)"
"$3" -m generator.cli ingest > /dev/null 2>&1 || true
fill 300000; run build build-full.txt "$3" "$4"; ls -a > "$4/after-build-full.txt"; rm -f filler
run build build-free.txt "$3" "$4"
ls content/2024/*/*.md | wc -l > "$4/stories.txt"
"""


def test_a_really_full_disk_is_one_line_and_the_next_run_completes(built_project, tmp_path: Path) -> None:
    available = shutil.which("unshare") and subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode == 0
    need_tool(bool(available), "unshare -rm (a private tmpfs to fill)")
    source, good = built_project
    work = tmp_path / "work"
    shutil.copytree(source, work, ignore=shutil.ignore_patterns("output", "content", ".newsdigest-cache", ".output*"))
    mount, results = tmp_path / "disk", tmp_path / "results"
    mount.mkdir()
    results.mkdir()
    done = subprocess.run(["unshare", "-rm", "sh", "-c", FULL_DISK, "sh", str(mount), str(work), sys.executable,
                           str(results)], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert done.returncode == 0, done.stderr
    ingest_full = (results / "ingest-full.txt").read_text()
    build_full = (results / "build-full.txt").read_text()
    for errors in (ingest_full, build_full):
        assert "Traceback" not in errors and "No space left on device" in errors
        assert [line for line in errors.splitlines() if "No space left" in line][0].startswith("error: ")
    assert "exit 3" in ingest_full and "exit 3" in build_full
    assert not [name for name in (results / "after-build-full.txt").read_text().split() if name.startswith(".output-")]
    assert "Traceback" not in (results / "build-free.txt").read_text()
    assert int((results / "stories.txt").read_text()) == len(good)
