"""The front-matter schema: sidecars and content files are data, checked the same way by ingest, check and build."""

from __future__ import annotations

import copy
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import PROJECT
from feedcheck import check_feed
from generator.build import build_site
from generator.check import check_content
from generator.enrich import enrich
from generator.errors import SeedError
from generator.ingest import cached_taxonomy, ingest
from generator.parse import parse_text
from generator.schema import (PATH_KEYS, SCHEMA, SLUG_SUBSTITUTIONS, FrontMatterError, as_name, clean_text,
                              load_yaml, markdown_table, read_story, settable_fields)
from generator.write import render_article

SEED_TEXT = "Talks in Moscow\n\nA lede line\n\nMOSCOW, December 26. /TASS/. Talks went on in Moscow.\n\nMore talks.\n"
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]")
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n" \
       "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\ntags: [*e, *e, *e, *e, *e, *e]\n"

# Values a careless or hostile sidecar might hold: text with controls, bidi overrides and non-characters, YAML's
# yes/no/null traps, numbers, dates, nested lists and mappings.
nasty_text = st.lists(st.characters(codec="utf-8", exclude_categories=["Cs"]) | st.sampled_from(
    ["\u202e", "\u2066", "\uffff", "\ufdd0", "\x00", "\x1b", "\x85", "\n", ",", ";", "javascript:", "http://x.org/"]),
    max_size=12).map("".join)
scalars = st.one_of(nasty_text, st.integers(-10**6, 10**6), st.booleans(), st.none(), st.floats(allow_nan=False),
                    st.dates(min_value=dt.date(1, 1, 1)), st.sampled_from(["2016-11-02", "12:30", "draft", "hidden"]))
values = st.one_of(scalars, st.lists(scalars, max_size=5), st.dictionaries(st.text(max_size=5), scalars, max_size=3))
settable_keys = [key for key, spec in SCHEMA.items() if spec.settable]
sidecars = st.dictionaries(st.sampled_from(settable_keys + list(PATH_KEYS) + ["seed", "layout"]), values, max_size=4)


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("schema")
    seed = folder / "s.txt"
    seed.write_text(SEED_TEXT, encoding="utf-8")
    return folder, seed, parse_text(SEED_TEXT, Path("s.txt")), cached_taxonomy(str(PROJECT / "tags.yaml"))


def strings_in(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings_in(item)]
    return []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(sidecar=sidecars)
def test_any_sidecar_is_refused_in_one_line_naming_the_key_or_gives_a_story_the_build_reads(parsed, sidecar) -> None:
    folder, seed, article, taxonomy = parsed
    side = seed.with_suffix(".yaml")
    side.write_text(yaml.safe_dump(sidecar, allow_unicode=True), encoding="utf-8")
    try:
        story = enrich(copy.deepcopy(article), seed, taxonomy, 2024)
    except SeedError as error:
        message = str(error)
        assert "\n" not in message and message.startswith(f"{side}: ")
        assert any(f"'{key}'" in message for key in sidecar) or "not valid YAML" in message
        return
    assert not set(sidecar) & {*PATH_KEYS, "seed", "layout"}
    story.date_source, story.slug = story.date_source or "option", "s"
    content = folder / "story.md"
    content.write_text(render_article(story), encoding="utf-8")
    fields, body = read_story(content)  # never a FrontMatterError: what ingest writes, the build reads
    assert not any(UNSAFE.search(text) for text in strings_in(fields) + [body])
    assert all(isinstance(tag, str) and tag and tag != "None" for tag in fields["tags"])
    assert not set(fields) & set(PATH_KEYS)
    if "source_url" in fields:
        assert re.match(r"https?://", fields["source_url"], re.I)


front_matter = st.dictionaries(st.sampled_from([*SCHEMA, *PATH_KEYS, "plugin_key"]), values, max_size=6)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(fields=front_matter)
def test_check_and_the_build_s_reader_agree_on_any_front_matter(tmp_path: Path, fields: dict) -> None:
    story = tmp_path / "content" / "a.md"
    story.parent.mkdir(exist_ok=True)
    story.write_text("---\n" + yaml.safe_dump(fields, allow_unicode=True) + "---\nBody \ufffe text.\n", encoding="utf-8")
    _, problems = check_content(story.parent)
    try:
        checked, body = read_story(story)
    except FrontMatterError as error:
        assert problems == [f"{story}: {problem}" for problem in error.problems]
        assert all("'" in problem or "YAML" in problem for problem in error.problems)
        return
    assert problems == []
    assert {"title", "date"} <= set(checked) and not set(checked) & set(PATH_KEYS)
    assert not any(UNSAFE.search(text) for text in strings_in({k: v for k, v in checked.items() if k in SCHEMA}) + [body])


@pytest.mark.parametrize("sidecar, problem", [
    ("save_as: index.html\n", "'save_as' is not allowed"),
    ("url: 'javascript:alert(1)'\n", "'url' is not allowed"),
    ("template: page\n", "'template' is not allowed"),
    ("layout: x\n", "'layout' cannot be set here"),
    ("year: true\n", "'year' must be a year such as 2016, not true"),
    ("date: 2016-13-45\n", "sidecar is not valid YAML"),
    ("source_url: 'javascript:alert(1)'\n", "'source_url' must be an http or https URL"),
    ("tags: [NO, Norway]\n", "'tags' must be a list of names; item 1 is false"),
    ("time: 25:00\n", "'time' must be a time of day such as '14:06' or '4:40pm', not '25:00'"),
    ("date: 2016-01-02\ntags: [a]\ndate: 2017-01-02\n", "key 'date' is given twice (lines 1 and 3)"),
    ("{tags: [a], tags: [b]}\n", "key 'tags' is given twice (lines 1 and 1)"),
    ("- a list\n", "must be a YAML mapping"),
    ("tags: [" + ", ".join(f"T{number}" for number in range(51)) + "]\n", "'tags' has 51 names: at most 50"),
    (BOMB, "YAML expands to more than 10,000 values (an alias bomb?)"),
    ("a: &a [*a]\ntags: *a\n", "YAML nested more than 20 deep (or a recursive alias)"),
])
def test_hostile_sidecars_are_one_line_naming_the_key(tmp_path: Path, sidecar: str, problem: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(sidecar, encoding="utf-8")
    with pytest.raises(FrontMatterError) as raised:
        settable_fields(load_yaml(sidecar, path), path)
    assert problem in str(raised.value) and str(raised.value).startswith(f"{path}: ") and "\n" not in str(raised.value)


def test_sidecar_values_are_normalised_as_pelican_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    text = ("tags: Greece, Syria, Greece\npeople: 'Putin; Lavrov'\ntitle: \"A\\u202e title\\uffff\\x07 here \"\n"
            "places: [Kyiv, null, Odesa]\nsummary: 1984\nstatus: Hidden\ntime: 14:06\nsource_url: https://example.org/a\n")
    assert settable_fields(load_yaml(text, path), path) == {
        "tags": ["Greece", "Syria"], "people": ["Putin", "Lavrov"], "title": "A title here", "places": ["Kyiv", "Odesa"],
        "summary": "1984", "status": "hidden", "time": "14:06", "source_url": "https://example.org/a"}


def test_readme_lists_every_front_matter_key() -> None:
    assert markdown_table() in (PROJECT / "README.md").read_text(encoding="utf-8")


@pytest.fixture
def hostile_project(project: Path) -> Path:
    """Three seeds: one plain, one whose sidecar is hostile but valid, one whose sidecar is refused."""
    seeds = project / "seeds"
    for name, headline in (("plain.txt", "Grain talks in Moscow"), ("odd.txt", "Oil prices \uffff rise"),
                           ("refused.txt", "Refused story")):
        (seeds / name).write_text(SEED_TEXT.replace("Talks in Moscow", headline, 1), encoding="utf-8")
    (seeds / "odd.yaml").write_text("year: 2024\ntags: 'Greece, \u202eSyria'\ntitle: \"Oil \\x07prices \\uffff rise\"\n",
                                    encoding="utf-8")
    (seeds / "plain.yaml").write_text("year: 2024\n", encoding="utf-8")
    (seeds / "refused.yaml").write_text("year: 2024\nsave_as: index.html\n", encoding="utf-8")
    return project


# Front matter that would give a page no address, one too long for a file name, or the address of a site page.
PAGE_ADDRESS_BREAKERS = {
    "index.md": "slug: index\n",
    "long-tag.md": f"tags: [Moscow, {'A' * 101}]\n",
    "dot-tag.md": "tags: ['.', Moscow]\n",
    "star-person.md": "people: ['\u2605']\n",
    "long-source.md": f"source: {'Agency ' * 20}\n",
    "long-place.md": "place_tag: " + "\u4e2d" * 90 + "\n",
    "long-slug.md": f"slug: {'-'.join(['word'] * 50)}\n",
}


@settings(max_examples=300, deadline=None)
@given(name=st.text(max_size=120) | st.text(alphabet="\u4e2d\u0416ab .-\u2605", max_size=120))
def test_a_name_the_schema_takes_gives_its_page_a_file_name(name: str) -> None:
    from pelican.urlwrappers import Tag

    try:
        accepted = as_name(name)
    except ValueError as error:
        assert str(error)
        return
    slug = Tag(accepted, {"SLUG_REGEX_SUBSTITUTIONS": SLUG_SUBSTITUTIONS}).slug
    assert slug and len(slug.encode("utf-8")) <= 255 - len(".html")


def test_hostile_sidecars_and_front_matter_reach_no_page_or_feed(hostile_project: Path) -> None:
    project = hostile_project
    report = ingest(project / "seeds", project / "content", taxonomy_path=project / "tags.yaml")
    assert [str(failure) for failure in report.failures] == [
        f"{project / 'seeds' / 'refused.yaml'}: 'save_as' is not allowed: a story's address comes from its date and "
        "slug, and its template from the theme"]
    content = project / "content"
    (content / "2024" / "bad.md").write_text(
        "---\ntitle: Takeover\ndate: 2024-12-26\nsave_as: index.html\nurl: 'javascript:alert(1)'\n---\nX\n", encoding="utf-8")
    (content / "2024" / "draft.md").write_text("---\ntitle: Draft\ndate: 2024-12-26\nstatus: draft\n---\nD\n", encoding="utf-8")
    (content / "2024" / "hidden.md").write_text("---\ntitle: Hidden\ndate: 2024-12-26\nstatus: hidden\n---\nH\n", encoding="utf-8")
    (content / "2024" / "cp1252.md").write_bytes("---\ntitle: Caf\u00e9\ndate: 2024-12-26\n---\nx\n".encode("cp1252"))
    (content / "2024" / "bomb.md").write_text("---\ntitle: B\ndate: 2024-12-26\n" + BOMB + "---\nx\n", encoding="utf-8")
    for name, fields in PAGE_ADDRESS_BREAKERS.items():
        (content / "2024" / name).write_text(f"---\ntitle: T {name}\ndate: 2024-12-26\n{fields}---\nBody.\n", encoding="utf-8")
    (content / "2024" / "same-slug-a.md").write_text("---\ntitle: First\ndate: 2024-12-27\nslug: same\n---\nA\n", encoding="utf-8")
    (content / "2024" / "same-slug-b.md").write_text("---\ntitle: Second\ndate: 2024-12-27\nslug: same\n---\nB\n", encoding="utf-8")
    built = build_site(content, project / "output", settings_file=project / "pelicanconf.py",
                       site_url="https://example.org/digest/")
    assert sorted(line.split(": ", 1)[0] for line in built.skipped) == sorted(
        str(content / "2024" / name) for name in ("bad.md", "bomb.md", "cp1252.md", "same-slug-b.md", *PAGE_ADDRESS_BREAKERS))
    assert "same date and slug as content/2024/same-slug-a.md" in " ".join(built.skipped)
    assert "'save_as' is not allowed" in " ".join(built.skipped) and "not UTF-8 text (byte" in " ".join(built.skipped)
    site = project / "output"
    front = (site / "index.html").read_text(encoding="utf-8")
    assert "Takeover" not in front and "Grain talks in Moscow" in front and "Oil prices rise" in front
    assert "<title>" in front and "T index.md" not in front and (site / "2024" / "12" / "27" / "same.html").is_file()
    assert (site / "drafts" / "draft.html").is_file() and "Draft" not in front
    assert (site / "2024" / "12" / "26" / "hidden.html").is_file() and "Hidden" not in front
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "hidden.html" not in sitemap and "drafts/" not in sitemap
    everything = "".join(path.read_text(encoding="utf-8") for path in site.rglob("*") if path.suffix in (".html", ".xml", ".js"))
    assert "\uffff" not in everything and "\u202e" not in everything and "javascript:alert" not in everything
    for feed in (path for path in site.rglob("*.xml") if path.name != "sitemap.xml"):
        assert check_feed(feed, "https://example.org/digest/" + feed.relative_to(site).as_posix()) == []
    _, problems = check_content(content)
    assert sorted({line.split(": ", 1)[0] for line in problems}) == sorted(line.split(": ", 1)[0] for line in built.skipped)


def test_a_story_written_by_hand_never_takes_the_address_of_a_seed_s_story(project: Path) -> None:
    shutil.copy(PROJECT / "seeds" / "000_5c9cc7032a8f1c3d.txt", project / "seeds" / "seed.txt")
    (project / "seeds" / "seed.yaml").write_text("year: 2016\n", encoding="utf-8")
    content = project / "content"
    ingest(project / "seeds", content)
    story = next(content.rglob("*.md"))
    fields, _ = read_story(story)
    squat = content / "0hand" / "squat.md"  # before the seed's story in path order
    squat.parent.mkdir()
    squat.write_text(f"---\ntitle: Squatter\ndate: {fields['date']}\nslug: {fields['slug']}\n---\nx\n", encoding="utf-8")
    built = build_site(content, project / "output", settings_file=project / "pelicanconf.py")
    assert [line.split(": ", 1)[0] for line in built.skipped] == [str(squat)]
    page = project / "output" / f"{fields['date']:%Y/%m/%d}" / f"{fields['slug']}.html"
    assert "Squatter" not in page.read_text(encoding="utf-8")
    assert [line.split(": ", 1)[0] for line in check_content(content)[1]] == [str(squat)]
