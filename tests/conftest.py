"""Shared fixtures: the project's folders, the development corpus, a scratch project to build in."""

from __future__ import annotations

import json
import os
import shutil
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
