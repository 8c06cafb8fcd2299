"""Shared fixtures: the project's folders, the development corpus, a scratch project to build in."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
# The development corpus: ../shared/corpus beside the project when it is there, else the copy in tests/corpus.
SHARED_CORPUS = PROJECT.parent / "shared" / "corpus"
CORPUS = Path(os.environ.get("NEWSDIGEST_CORPUS") or (SHARED_CORPUS if SHARED_CORPUS.is_dir() else Path(__file__).resolve().parent / "corpus"))
GOLDEN = Path(__file__).resolve().parent / "golden"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
UPDATE_GOLDENS = os.environ.get("UPDATE_GOLDENS") == "1"
IN_CI = os.environ.get("CI", "").lower() == "true"
# Fixtures that build a site (or a scratch project to build), directly or through the fixtures they use: a test
# using one is marked `build`, and `pytest -m "not build"` runs the fast unit tests alone.
SITE_FIXTURES = {"project", "chdir_project", "site", "corpus_site", "served_site", "browser", "features_site"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "build: builds a site with Pelican (deselect with -m 'not build')")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `build` every test that uses a site-building fixture."""
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)


def load_synth():
    """bench/synth.py, the benchmark's seed synthesiser, as a module (bench/ is a folder of scripts, not a package)."""
    spec = importlib.util.spec_from_file_location("bench_synth", PROJECT / "bench" / "synth.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def corpus_folder(name: str) -> Path:
    """A folder of the development corpus; the tests need it (set NEWSDIGEST_CORPUS if it lives elsewhere)."""
    folder = CORPUS / name
    assert folder.is_dir(), f"development corpus not found at {folder}; set NEWSDIGEST_CORPUS"
    return folder


def corpus_gold(name: str) -> dict:
    """The gold.json of one corpus folder."""
    return json.loads((corpus_folder(name) / "gold.json").read_text(encoding="utf-8"))


def need_tool(available: bool, what: str) -> None:
    """Skip locally when a real tool is missing; under CI=true a missing tool is a failure."""
    if not available:
        if IN_CI:
            pytest.fail(f"{what} is required under CI=true (.ci/run installs it)")
        pytest.skip(f"{what} not installed")


def compare_golden(actual: str, golden: Path) -> None:
    """Compare text with a golden file; UPDATE_GOLDENS=1 rewrites the golden instead (review the diff)."""
    if UPDATE_GOLDENS:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    assert golden.is_file(), f"missing golden {golden}; run UPDATE_GOLDENS=1 pytest and review the diff"
    assert actual == golden.read_text(encoding="utf-8"), f"differs from golden {golden.relative_to(PROJECT)}"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch copy of the project's settings, theme and taxonomy with empty seeds/ and content/."""
    root = tmp_path / "site"
    root.mkdir()
    for name in ("pelicanconf.py", "publishconf.py", "tags.yaml"):
        shutil.copy(PROJECT / name, root / name)
    shutil.copytree(PROJECT / "theme", root / "theme")
    (root / "seeds").mkdir()
    (root / "content").mkdir()
    return root


@pytest.fixture
def chdir_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run with the scratch project as the working folder, as a user would."""
    monkeypatch.chdir(project)
    return project


@pytest.fixture
def site_runs() -> Iterator[list]:
    """The SiteRun of each Pelican run during the test, in order: its writer has the page keys and counts."""
    from pelican import signals

    from generator.site.run import run_of

    runs: list = []

    def keep(pelican) -> None:
        runs.append(run_of(pelican.settings))

    signals.finalized.connect(keep)
    yield runs
    signals.finalized.disconnect(keep)


@pytest.fixture(scope="module")
def plugins_left_behind() -> Iterator[None]:
    """Disconnect, after the module, the signal receivers its builds' plugins connected: Pelican registers the
    plugins of each build's PLUGINS anew, but a receiver stays connected in the process, so another test's
    build would run a plugin it never asked for."""
    from blinker import Signal
    from pelican.plugins import signals

    every = [value for value in vars(signals).values() if isinstance(value, Signal)]
    before = {id(signal): set(signal.receivers) for signal in every}
    yield
    for signal in every:
        for receiver_id in set(signal.receivers) - before[id(signal)]:
            receiver = signal.receivers[receiver_id]
            receiver = receiver() if isinstance(receiver, weakref.ref) else receiver  # blinker keeps weak references
            if receiver is not None:
                signal.disconnect(receiver)
