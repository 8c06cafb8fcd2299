"""The parser against the development corpus: every TASS and Reuters file and the seed match gold.json."""

from __future__ import annotations

import pytest

from conftest import PROJECT, corpus_folder, corpus_gold
from generator.parse import parse_seed

TASS_GOLD = corpus_gold("tass")
REUTERS_GOLD = corpus_gold("reuters")


def parsed_fields(name: str, folder: str) -> dict:
    article = parse_seed(corpus_folder(folder) / name)
    return {
        "title": article.headline_original,
        "summary": article.lede,
        "place": article.dateline.place,
        "month": article.dateline.month,
        "day": article.dateline.day,
        "agency": article.agency,
        "paragraphs": len(article.paragraphs),
    }


@pytest.mark.parametrize("name", sorted(TASS_GOLD))
def test_tass_file_matches_gold(name: str) -> None:
    gold = TASS_GOLD[name]
    assert parsed_fields(name, "tass") == {key: gold[key] for key in parsed_fields(name, "tass")}


@pytest.mark.parametrize("name", sorted(REUTERS_GOLD))
def test_reuters_file_matches_gold(name: str) -> None:
    gold = REUTERS_GOLD[name]
    fields = parsed_fields(name, "reuters")
    assert fields == {key: gold[key] for key in fields}


def test_seed_parses_to_ten_paragraphs_and_one_subhead() -> None:
    article = parse_seed(PROJECT / "seeds" / "000_5c9cc7032a8f1c3d.txt")
    assert article.headline == "Lavrov hopes US will keep promise on separating Syrian opposition, terrorists"
    assert article.lede.startswith("Moscow calls to solve all issues")
    assert (article.dateline.raw, article.dateline.place, article.dateline.month, article.dateline.day) == (
        "ATHENS, November 2. /TASS/.", "Athens", 11, 2)
    assert article.agency == "TASS"
    assert len(article.paragraphs) == 10
    assert [block.text for block in article.body if block.kind == "subhead"] == [
        "Russia, US, Saudi Arabia, Qatar, Turkey seek to solve Syrian crisis together"]
    assert article.paragraphs[0].startswith("Moscow still expects Washington")
    assert "All news" not in " ".join(article.paragraphs)


def test_quotes_are_kept_untouched() -> None:
    article = parse_seed(PROJECT / "seeds" / "000_5c9cc7032a8f1c3d.txt")
    assert article.paragraphs[1].startswith('"I remember well that when we adopted this resolution (on Syria)')
    assert "Russia’s top diplomat" in article.paragraphs[4]


def test_reuters_all_caps_headline_is_readable_and_keeps_tickers() -> None:
    from generator.enrich import enrich
    from generator.tagging.taxonomy import load_taxonomy

    path = corpus_folder("reuters") / "reuters-2.txt"
    article = enrich(parse_seed(path), path, load_taxonomy(PROJECT / "tags.yaml"), 1987)
    assert article.headline_original == "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT"
    assert article.headline == "Standard Oil <SRD> to Form Financial Unit"
    assert article.signoff == "Reuter"


def test_every_word_of_a_reuters_story_survives() -> None:
    path = corpus_folder("reuters") / "reuters-10.txt"
    article = parse_seed(path)
    source_words = path.read_text().split()
    kept = " ".join([article.headline_original, article.dateline.raw, *article.paragraphs, article.signoff or ""]).split()
    assert sorted(source_words) == sorted(kept)
