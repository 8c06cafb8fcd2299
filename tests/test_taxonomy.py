"""tags.yaml checked on load: every wrong type or unsafe pattern is one line naming its key, exit 2."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PROJECT
from generator.cli import main
from generator.errors import ConfigError
from generator.tagging.patterns import UnsafePattern, check_pattern
from generator.tagging.taxonomy import load_taxonomy

CATASTROPHIC = [
    r"(a+)+$",  # nested quantifiers: exponential on a line of a's
    r"(a|aa)+b",  # a quantified alternation
    r"(\w+\s?)*x",
    r"(?:x*)*y",
    r"(?:(?:ab){1,3}){1,3}",
    r"(x)\1",  # backreference
    r"(?P<w>\w{1,5}) (?P=w)",
    r"\d+x",  # unbounded: quadratic as the search retries every start
    r".*foo",
    r"\bfoo\b[^.]*\bbar",
    r"a{2,}",
    r"a{0,1000}",  # a bound too large
    r"[a-z]{0,30}[a-z]{0,30}[a-z]{0,30}x",  # too many ways to match at one position
]
SAFE = [r"\bG-?7\b", r"\bArab spring\b", r"(?-i:\bArab) spring\b", r"\bBRICS\b", r"\bOPEC\+?", r"a{0,30}b",
        r"\b(?:Brexit|Grexit)\b", r"\bArab spring(?=\W)", r"(?<!\w)G20(?!\w)"]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_patterns_that_can_backtrack_without_bound_are_refused(pattern):
    with pytest.raises(UnsafePattern):
        check_pattern(pattern)


@pytest.mark.parametrize("pattern", SAFE)
def test_bounded_patterns_pass(pattern):
    check_pattern(pattern)


def test_topic_keywords_may_use_star_but_not_nested_quantifiers():
    check_pattern(r"\b(?:econom\w*|gdp|inflation)\b", unbounded_ok=True)  # matched whole against one word
    with pytest.raises(UnsafePattern):
        check_pattern(r"\b(?:(?:econ\w*)+)\b", unbounded_ok=True)


ATOMS = st.sampled_from(["a", r"\w", r"\d", ".", "[ab]", "(?:a|b)", "x"])
QUANTIFIERS = st.sampled_from(["", "?", "*", "+", "{0,5}", "{2,}", "{1,3}"])


@st.composite
def patterns(draw, depth: int = 2) -> str:
    """Small regexes built from atoms, quantifiers, groups and alternations."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        atom = draw(patterns(depth - 1)) if depth and draw(st.booleans()) else draw(ATOMS)
        parts.append(f"(?:{atom}){draw(QUANTIFIERS)}")
    return "|".join(parts) if draw(st.booleans()) else "".join(parts)


@settings(max_examples=300, deadline=None)
@given(patterns())
def test_a_passed_pattern_has_no_unbounded_or_nested_quantifier(pattern):
    try:
        check_pattern(pattern)
    except UnsafePattern:
        return
    assert not re.search(r"[*+]|\{\d+,\}", pattern), pattern  # no unbounded quantifier got through
    assert "(?:(?:" not in pattern or not re.search(r"\)(?:\?|\{\d+,\d+\})\)(?:\?|\{\d+,\d+\})", pattern), pattern


BAD_TAXONOMIES = [
    ("aliases:\n  US: [United States]\n", "aliases.US"),
    ("aliases:\n  Foo:\n", "aliases.Foo"),
    ("aliases: [US, USA]\n", "aliases"),
    ("block: [Mobile, {a: b}]\n", "block[1]"),
    ("block: Mobile\n", "block"),
    ("always: {pattern: x}\n", "always"),
    ("always:\n  - {pattern: 7, tag: G7}\n", "always[0].pattern"),
    ("always:\n  - {pattern: '\\bG7\\b', tag: [G7]}\n", "always[0].tag"),
    ("always:\n  - {pattern: '\\bG7\\b', tag: G7, kind: topic}\n", "always[0].kind"),
    ("always:\n  - {pattern: '(a+)+$', tag: X}\n", "always[0].pattern"),
    ("always:\n  - {pattern: '\\bG7\\b', tag: G7, type: group}\n", "always[0].type"),
    ("topics:\n  war: '(war|wars)+'\n", "topics.war"),
    ("types:\n  Gazprom: 3\n", "types.Gazprom"),
    ("venue_topics: sport\n", "venue_topics"),
    ("local_topics: law\n", "local_topics"),
    ("max_tags: '12'\n", "max_tags"),
    ("max_tags: 0\n", "max_tags"),
    ("bodies:\n  Federal Reserve: {country: US}\n", "bodies.Federal Reserve"),
    ("eras: [Soviet Union]\n", "eras"),
    ("eras:\n  Soviet Union: Russia\n", "eras.Soviet Union"),
    ("eras:\n  Soviet Union: {today: Russia}\n", "eras.Soviet Union"),
    ("eras:\n  Soviet Union: {today: [Russia], ended: 1991}\n", "eras.Soviet Union.today"),
    ("eras:\n  Soviet Union: {today: Russia, ended: '1991'}\n", "eras.Soviet Union.ended"),
    ("merges:\n  EC: European Community\n  European Community: European Union\n", "merges.EC"),
    ("merges:\n  Burma: Myanmar\n  Myanmar: Burma\n", "merges.Burma"),
    ("min_city_population: -1\n", "min_city_population"),
]


@pytest.mark.parametrize(("text", "key"), BAD_TAXONOMIES)
def test_a_wrong_type_names_its_key(tmp_path, text, key):
    path = tmp_path / "tags.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(f"{path}: {key}:")):
        load_taxonomy(path)


@pytest.mark.parametrize(("text", "key"), BAD_TAXONOMIES[:1] + BAD_TAXONOMIES[9:10])
def test_a_bad_taxonomy_stops_the_run_with_one_line_and_exit_two(chdir_project: Path, capsys, text, key):
    shutil.copy(PROJECT / "seeds" / "000_5c9cc7032a8f1c3d.txt", chdir_project / "seeds")
    (chdir_project / "tags.yaml").write_text(text, encoding="utf-8")
    assert main(["ingest"]) == 2
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and f"tags.yaml: {key}:" in error and "Traceback" not in error


ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{key}: &{key} [{', '.join(['*' + previous] * 10)}]\n" for previous, key in zip("abcdefgh", "bcdefghi"))


@pytest.mark.parametrize("text", [ALIAS_BOMB, "aliases: &loop\n  US: *loop\n", "aliases: [unclosed\n"])
def test_an_alias_bomb_or_bad_yaml_in_tags_yaml_is_one_config_error(tmp_path, text):
    path = tmp_path / "tags.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(f"setting {path}: ")) as error:
        load_taxonomy(path)
    assert "\n" not in str(error.value)


def test_an_alias_bomb_in_tags_yaml_stops_ingest_with_one_line_and_exit_two(chdir_project: Path, capsys):
    shutil.copy(PROJECT / "seeds" / "000_5c9cc7032a8f1c3d.txt", chdir_project / "seeds")
    (chdir_project / "tags.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    assert main(["ingest"]) == 2
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "alias bomb" in error and "Traceback" not in error


def test_aliases_inside_the_limit_still_load(tmp_path):
    path = tmp_path / "tags.yaml"
    path.write_text("aliases:\n  US: &us United States\n  USA: *us\n  America: *us\n", encoding="utf-8")
    assert load_taxonomy(path).aliases["usa"] == "United States"
