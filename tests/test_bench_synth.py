"""The benchmark's seed synthesiser: deterministic, every seed parses with its agency, ingest takes them."""

from __future__ import annotations

from pathlib import Path

import frontmatter

from conftest import load_synth
from generator.ingest import ingest
from generator.parse import parse_seed

synth = load_synth()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_same_seed_same_files_and_seed_n_does_not_depend_on_run_size(tmp_path: Path) -> None:
    synth.synthesise(tmp_path / "a", 12, seed=3)
    synth.synthesise(tmp_path / "b", 8, seed=3)
    synth.synthesise(tmp_path / "b", 4, seed=3, start=8)
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")
    assert len([name for name in snapshot(tmp_path / "a") if name.endswith(".txt")]) == 12
    synth.synthesise(tmp_path / "c", 12, seed=4)
    assert snapshot(tmp_path / "c") != snapshot(tmp_path / "a")


def test_seeds_parse_with_their_agency_dateline_and_length(tmp_path: Path) -> None:
    paths = synth.synthesise(tmp_path, 60, seed=0)
    agencies = set()
    for path in paths:
        item = synth.make_seed(int(path.stem.rsplit("-", 1)[1]), 0)
        article = parse_seed(path)
        agencies.add(item.agency)
        assert article.agency == item.agency, path.name
        assert article.headline and article.dateline.place, path.name
        if item.agency != "AP":  # AP datelines carry no date
            assert (article.dateline.month, article.dateline.day) == (item.date.month, item.date.day), path.name
        words = sum(len(text.split()) for text in article.paragraphs)
        assert synth.WORDS[0] <= words <= synth.WORDS[1] + 200, (path.name, words)
        assert path.name.startswith(item.date.isoformat())
    assert agencies == set(synth.AGENCIES)


def test_ingest_of_30_synthetic_seeds_dates_and_tags_them(project: Path) -> None:
    paths = synth.synthesise(project / "seeds", 30, seed=0)
    assert any(path.with_suffix(".yaml").is_file() for path in paths)
    report = ingest(project / "seeds", project / "content", taxonomy_path=project / "tags.yaml")
    assert report.ok and len(report.written) == 30, report.failures
    dates = {synth.make_seed(index, 0).date for index in range(30)}
    with_people = 0
    for name in report.written:
        post = frontmatter.load(project / "content" / name)
        assert post["date"] in dates and post["date_source"] in ("filename", "sidecar")
        assert len(post["tags"]) >= 3, name
        with_people += bool(post.get("people"))
    assert with_people >= 24  # names with titles give the tagger people to find (it misses a few, e.g. Korean names)


def test_no_two_seeds_share_a_headline_a_lede_or_a_paragraph(tmp_path: Path) -> None:
    seen: dict[str, str] = {}
    for path in synth.synthesise(tmp_path, 400, seed=0):
        article = parse_seed(path)
        texts = [article.headline, *([article.lede] if article.lede else []), *article.paragraphs]
        assert len(article.paragraphs) >= 3, path.name
        for text in set(texts):
            assert text not in seen, (path.name, seen.get(text), text)
            seen[text] = path.name


def test_coined_names_differ_for_every_index_and_read_back_in_syllables() -> None:
    names = [synth.coined_name(index, seed=0) for index in range(0, 400_000, 7)]
    assert len(set(names)) == len(names)
    assert all(len(name) % 2 == 0 and len(name) >= 6 for name in names)
    assert synth.coined_name(5, seed=1) != synth.coined_name(5, seed=0)
