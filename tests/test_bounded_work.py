"""Bounded work per seed: what a seed of megabytes costs is capped by design, not by luck."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PROJECT
from generator.layout import join_lines
from generator.parse import _CREDITS, _SIGNOFF
from generator.parse import parse_text
from generator.tagging.tagger import MAX_TAGGED_CHARS, tag_article
from generator.tagging.taxonomy import load_taxonomy

FILLER = "the talks went on for hours and nothing new was said about the grain deal or the ships. "


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(PROJECT / "tags.yaml")


def story(filler_chars: int, paragraph_chars: int) -> str:
    paragraph = FILLER * (paragraph_chars // len(FILLER) + 1)
    paragraphs = [paragraph] * (filler_chars // len(paragraph) + 1)
    return ("Grain talks go on in Moscow\n\nMOSCOW, December 26. /TASS/. Officials met on Monday.\n\n"
            + "\n\n".join(paragraphs) + "\n\nLater Angela Merkel spoke in Lisbon about the talks.\n")


@pytest.mark.parametrize(("filler_chars", "paragraph_chars", "tagged"), [
    (MAX_TAGGED_CHARS // 2, 700, True),
    (MAX_TAGGED_CHARS * 3, 700, False),
    (MAX_TAGGED_CHARS * 3, MAX_TAGGED_CHARS * 3, False),  # one paragraph longer than the budget is cut
])
def test_the_tagger_reads_a_bounded_part_of_the_story(taxonomy, filler_chars, paragraph_chars, tagged):
    article = parse_text(story(filler_chars, paragraph_chars), Path("long.txt"))
    tags = tag_article(article, taxonomy)
    assert ("Angela Merkel" in tags.people) is tagged
    assert ("Lisbon" in tags.places) is tagged
    assert "Moscow" in tags.places  # the story's top is always read


def join_lines_one_by_one(lines: list[str]) -> str:
    """layout.join_lines as a plain loop over the lines: what its one-join fast path must equal."""
    parts: list[str] = []
    for line in (line.strip() for line in lines):
        if parts and parts[-1].endswith("-") and parts[-1][-2:-1].isalpha() and line[:1].islower():
            parts[-1] += line
        elif line:
            parts.append(line)
    return " ".join(parts)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("aB -\u00a0x.\t"), max_size=8), min_size=1, max_size=12))
def test_joining_lines_at_once_equals_joining_them_one_by_one(lines):
    assert join_lines(lines) == join_lines_one_by_one(lines)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", "(", "Reuter", "reporting by", "Jane Doe", "editor:", "staff", "writers",
                                 "contributed", "to this report", ".", ")", "x"]), max_size=8).map("".join))
def test_possessive_leading_spaces_change_no_match(line):
    """The sign-off and credit patterns take their leading spaces possessively (linear on a line of spaces); what
    they match is what the same patterns with plain `\\s*` match."""
    import re

    for pattern in (_SIGNOFF, _CREDITS):
        plain = re.compile(pattern.pattern.replace(r"^\s*+", r"^\s*", 1), pattern.flags)
        assert bool(pattern.match(line)) == bool(plain.match(line))
