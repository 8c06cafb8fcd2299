"""Golden files: seeds -> content/*.md, for the seed, the TASS corpus, some Reuters and odd input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, GOLDEN, PROJECT, compare_golden, corpus_folder
from generator.ingest import ingest

REUTERS_SAMPLE = ("reuters-1.txt", "reuters-10.txt", "reuters-117.txt", "reuters-222.txt")


def ingested(tmp_path: Path, files: list[Path], year: int) -> dict[str, str]:
    """Ingest the files with a fixed year; seed name -> content file text."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in files:
        shutil.copy(path, seeds / path.name)
        sidecar = path.with_suffix(".yaml")
        if sidecar.is_file():
            shutil.copy(sidecar, seeds / sidecar.name)
    report = ingest(seeds, tmp_path / "content", default_year=year, taxonomy_path=PROJECT / "tags.yaml")
    assert report.ok, report.failures
    return {path.read_text().split("\nseed: ", 1)[1].split("\n", 1)[0]: path.read_text()
            for path in (tmp_path / "content").rglob("*.md")}


@pytest.mark.parametrize(("folder", "names", "year"), [
    ("seed", None, 2016),
    ("tass", None, 2024),
    ("reuters", REUTERS_SAMPLE, 1987),
    ("odd", None, 2024),
])
def test_content_files_match_goldens(tmp_path: Path, folder: str, names: tuple | None, year: int) -> None:
    source = PROJECT / "seeds" if folder == "seed" else FIXTURES / "odd" if folder == "odd" else corpus_folder(folder)
    files = sorted(path for path in source.glob("*.txt") if names is None or path.name in names)
    texts = ingested(tmp_path, files, year)
    assert sorted(texts) == [path.name for path in files]
    for name, text in texts.items():
        compare_golden(text, GOLDEN / "content" / folder / (Path(name).stem + ".md"))


def test_committed_content_is_what_the_seeds_give(tmp_path: Path) -> None:
    texts = ingested(tmp_path, sorted((PROJECT / "seeds").glob("*.txt")), 2016)
    committed = {path.read_text().split("\nseed: ", 1)[1].split("\n", 1)[0]: path.read_text()
                 for path in (PROJECT / "content").rglob("*.md")}
    assert committed == texts, "content/ is out of date with seeds/: run `make build` and commit content/"
