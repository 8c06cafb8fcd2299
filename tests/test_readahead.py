"""Reading ahead on every process gives exactly the site that reading one story at a time gives."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.site import readahead, reuse
from generator.build import build_site
from generator.ingest import CACHE_ROOT
from generator.site.reader import FrontMatterReader
from test_incremental import SITE_URL, add, tree


def build(project: Path, output: str) -> list[str]:
    """Build with an empty read cache (the case reading ahead is for); the content files left out."""
    shutil.rmtree(project / CACHE_ROOT, ignore_errors=True)
    return build_site(project / "content", project / output, settings_file=project / "pelicanconf.py",
                      site_url=SITE_URL).skipped


@pytest.fixture
def spied(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Read ahead from the first story on; the sizes of what was read ahead, per build."""
    counts: list[int] = []
    read_in_processes = readahead.read_in_processes

    def spy(reader, paths, processes, stamp):
        read, stamps = read_in_processes(reader, paths, processes, stamp)
        counts.append(len(read))
        return read, stamps

    monkeypatch.setattr(readahead, "read_in_processes", spy)
    monkeypatch.setattr(readahead, "READ_AHEAD_FROM", 1)
    return counts


def test_reading_ahead_builds_the_same_site(project: Path, spied: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("reuters-2.txt", "reuters-10.txt", "reuters-43.txt", "reuters-208.txt"):
        add(project, "reuters", name, 1987)
    build(project, "ahead")
    assert spied == [4]
    monkeypatch.setattr(readahead, "READ_AHEAD_FROM", 10**9)
    build(project, "one-by-one")
    assert spied == [4]
    assert tree(project / "ahead") == tree(project / "one-by-one")


def test_a_story_that_fails_to_read_ahead_is_reported_by_name(project: Path, spied: list[int]) -> None:
    for name in ("reuters-2.txt", "reuters-10.txt"):
        add(project, "reuters", name, 1987)
    broken = sorted((project / "content").rglob("*.md"))[0]
    broken.write_text(broken.read_text().replace("date: 1987-", "date: not a date 1987-", 1))
    skipped = build(project, "output")  # left out of the site, with the reason; the other story is built
    assert len(skipped) == 1 and broken.name in skipped[0] and "'date' must be a date" in skipped[0]
    assert spied == [1]


def test_the_stamps_taken_while_reading_ahead_are_pelicans_own(project: Path, spied: list[int],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Pelican's read cache keeps the stamps: a wrong one would make the next build read that story again."""
    for name in ("reuters-2.txt", "reuters-10.txt", "reuters-43.txt"):
        add(project, "reuters", name, 1987)
    build(project, "output")
    assert spied == [3]
    read = []
    original = FrontMatterReader.read
    monkeypatch.setattr(FrontMatterReader, "read", lambda self, path: read.append(Path(path).name) or original(self, path))
    before = set((project / "content").rglob("*.md"))
    add(project, "reuters", "reuters-208.txt", 1987)
    added = set((project / "content").rglob("*.md")) - before
    build_site(project / "content", project / "output", settings_file=project / "pelicanconf.py", site_url=SITE_URL)
    assert spied == [3]  # a warm cache: nothing read ahead
    assert read == [path.name for path in added]


def test_remembered_stamps_take_each_file_once_and_answer_from_those_taken_ahead(tmp_path: Path) -> None:
    asked = []
    stamps = {str(tmp_path / "a.md"): b"kept"}
    stamp = readahead.remembered_stamps(stamps, lambda path: asked.append(path) or b"new")
    assert stamp(str(tmp_path / "a.md")) == b"kept"
    assert stamp(str(tmp_path / "x" / ".." / "a.md")) == b"kept"
    assert stamp(str(tmp_path / "b.md")) == b"new" and stamp(str(tmp_path / "b.md")) == b"new"
    assert asked == [str(tmp_path / "b.md")] and stamps[str(tmp_path / "b.md")] == b"new"


def test_page_keys_take_each_story_s_hash_from_the_read_cache(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("reuters-2.txt", "reuters-10.txt"):
        add(project, "reuters", name, 1987)
    hashed = []
    counting = SimpleNamespace(sha256=hashlib.sha256, new=lambda name, data: hashed.append(name) or hashlib.new(name, data))
    monkeypatch.setattr(reuse, "hashlib", counting)
    build(project, "output")
    assert hashed == []  # this process's page keys hashed no story again
    monkeypatch.setattr(readahead, "SOURCE_HASH", "sha1")  # Pelican's stamps are not the page keys' hash
    build(project, "other")
    assert hashed and set(hashed) == {reuse.SOURCE_HASH}
