"""The tags, places and sources indexes: places under their countries (from the gazetteer), tags most used first
and A to Z with a letter jump and a filter box, sources with count, latest story and feeds; in a real build and,
on the corpus site served under /digest/, in Chromium (with and without JavaScript, axe-core, screenshots)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import frontmatter
import pytest
from lxml import html
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Tag

from checktools import ARTIFACTS, AXE_JS, Site, axe_violations
from conftest import PROJECT, need_tool
from generator.build import build_site
from generator.site.places import group_places

try:
    from playwright.sync_api import Browser, Page, expect
except ImportError:  # reported by the browser fixture: a skip locally, a failure under CI=true
    pass

pytest_plugins = ["corpus_site"]

INDEXES = {"tags": "tags/index.html", "places": "places/index.html", "sources": "sources/index.html"}
# (slug, date, source, places, people): what each story of the small site is filed under
STORIES = [
    ("london-talks", "2024-03-01", "Reuters", ["London", "United Kingdom"], ["Rishi Sunak"]),
    ("north-sea-oil", "2024-03-02", "Reuters", ["London", "North Sea"], []),
    ("paris-strike", "2024-03-03", "AFP", ["Paris"], ["Emmanuel Macron"]),
    ("kursk-harvest", "2024-03-04", "TASS", ["Kursk Region", "Russia"], ["Vladimir Putin"]),
    ("gaza-aid", "2024-03-05", "AP", ["Palestine", "Israel", "Middle East"], []),
    ("putin-speech", "2024-03-06", "TASS", ["Moscow", "Russia"], ["Vladimir Putin"]),
]


# ---- the gazetteer's countries --------------------------------------------------------------------------------
def test_places_go_under_their_country_and_seas_regions_and_unknown_places_apart() -> None:
    tags = {name: Tag(name, DEFAULT_CONFIG) for story in STORIES for name in story[3]}
    stories = [SimpleNamespace(tags=[tags[name] for name in story[3]]) for story in STORIES]
    places = {tag: [story for story in stories if tag in story.tags] for tag in tags.values()}
    groups = group_places(places)
    by_name = {country.name: country for country in groups.countries}
    assert [name for name in by_name] == sorted(by_name)  # A to Z
    assert [(tag.name, count) for tag, count in by_name["United Kingdom"].places] == [("London", 2)]
    assert by_name["United Kingdom"].tag is tags["United Kingdom"] and by_name["United Kingdom"].count == 1
    assert by_name["France"].tag is None and [tag.name for tag, _ in by_name["France"].places] == ["Paris"]
    assert [tag.name for tag, _ in by_name["Russia"].places] == ["Kursk Region", "Moscow"]  # a region named after its city
    assert by_name["Israel"].places == ()
    # Palestine, Texas (18,000 people) is not the Palestine of a story tagged Israel: no country for it
    assert sorted(tag.name for tag, _ in groups.elsewhere) == ["Middle East", "North Sea", "Palestine"]


def test_a_country_tag_named_by_an_alias_heads_the_gazetteers_country() -> None:
    bosnia, sarajevo = Tag("Bosnia", DEFAULT_CONFIG), Tag("Sarajevo", DEFAULT_CONFIG)
    stories = [SimpleNamespace(tags=[bosnia, sarajevo])]
    groups = group_places({bosnia: stories, sarajevo: stories}, aliases=[["Bosnia", "Bosnia and Herzegovina"]])
    assert [(country.name, country.tag, [tag.name for tag, _ in country.places]) for country in groups.countries] == \
        [("Bosnia", bosnia, ["Sarajevo"])] and groups.elsewhere == ()


def test_of_namesakes_the_one_in_the_country_the_stories_are_tagged_with_wins() -> None:
    london, canada = Tag("London", DEFAULT_CONFIG), Tag("Canada", DEFAULT_CONFIG)
    stories = [SimpleNamespace(tags=[london, canada]), SimpleNamespace(tags=[london])]
    groups = group_places({london: stories, canada: stories[:1]})
    assert [(country.name, [tag.name for tag, _ in country.places]) for country in groups.countries] == [("Canada", ["London"])]
    alone = group_places({london: [SimpleNamespace(tags=[london])]})  # no help from the stories: the biggest London
    assert [country.name for country in alone.countries] == ["United Kingdom"]


# ---- a real build of a small site -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The STORIES written straight into content/ and built with the project's settings and theme."""
    import shutil

    root = tmp_path_factory.mktemp("indexes")
    for name in ("pelicanconf.py", "tags.yaml"):
        shutil.copy(PROJECT / name, root / name)
    shutil.copytree(PROJECT / "theme", root / "theme")
    for slug, date, source, places, people in STORIES:
        post = frontmatter.Post(f"{slug.replace('-', ' ').capitalize()}: the story.", title=slug.replace("-", " ").capitalize(),
                                date=date, source=source, slug=slug, tags=[*places, *people], places=places, people=people)
        path = root / "content" / date[:4] / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")
    assert build_site(root / "content", root / "output", settings_file=root / "pelicanconf.py",
                      site_url="https://example.org/digest/")
    return root / "output"


def page(site: Path, path: str) -> html.HtmlElement:
    return html.fromstring((site / path).read_bytes())


def text(element: html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def test_places_page_lists_each_country_with_its_places_counts_and_feeds(small_site: Path) -> None:
    tree = page(small_site, INDEXES["places"])
    sections = {text(section.xpath(".//h2")[0]): section for section in tree.xpath("//section[contains(@class, 'country')]")}
    assert list(sections)[:-1] == ["France", "Israel", "Russia", "United Kingdom"]
    assert list(sections)[-1] == "Seas, regions and other places"
    uk = sections["United Kingdom"]
    assert uk.xpath(".//h2/a/@href") == ["../tag/united-kingdom/index.html"]
    rows = uk.xpath(".//li")
    assert [text(row) for row in rows] == ["London 2 stories Atom feed of London RSS feed of London"]
    assert rows[0].xpath(".//a/@href") == ["../tag/london/index.html", "../tag/london/atom.xml", "../tag/london/rss.xml"]
    assert "1 story" in text(uk.xpath(".//div[@class='country-head']")[0])
    assert sections["France"].xpath(".//h2/a") == []  # no story is tagged France: a heading, no page
    assert [text(row).split(" ")[0] for row in sections["Seas, regions and other places"].xpath(".//li")] == ["Middle", "North", "Palestine"]
    assert "filed" not in text(tree.xpath("//main")[0])  # no internal terms
    jump = tree.xpath("//nav[@id='letters']//a/@href")
    assert jump == ["#letter-f", "#letter-i", "#letter-r", "#letter-u", "#elsewhere"]
    assert all(tree.xpath(f"//*[@id='{target[1:]}']") for target in jump)


def test_tags_page_has_the_most_used_first_and_every_tag_a_to_z_under_its_letter(small_site: Path) -> None:
    tree = page(small_site, INDEXES["tags"])
    counts = Counter(name for story in STORIES for name in [*story[3], *story[4]])
    most_people = tree.xpath("//section[contains(@class, 'most-used')]//ul[@aria-labelledby='most-people']/li")
    assert [text(item) for item in most_people] == ["Vladimir Putin 2 stories", "Emmanuel Macron 1 story", "Rishi Sunak 1 story"]
    letters = tree.xpath("//nav[@id='letters']//a")
    assert [link.text for link in letters] == sorted({name[0] for name in counts})
    listed = []
    for link in letters:
        target = tree.xpath(f"//*[@id='{link.get('href')[1:]}']")[0]
        assert target.xpath("ancestor::details[contains(@class, 'letter')]")  # a letter opens to show its tags
        names = [text(item.xpath("a")[0]) for item in target.xpath("li")]
        assert names and all(name.startswith(link.text) for name in names) and names == sorted(names, key=str.casefold)
        listed += names
    assert sorted(listed) == sorted(counts)
    assert tree.xpath("//div[contains(@class, 'index-filter')]/@hidden") == [""]  # shown by indexes.js only
    assert tree.xpath("//script/@src") == ["../theme/js/indexes.js"]


def test_sources_page_gives_each_source_its_count_latest_story_and_feeds(small_site: Path) -> None:
    tree = page(small_site, INDEXES["sources"])
    items = {text(item.xpath(".//h2")[0]): item for item in tree.xpath("//ul[@class='sources']/li")}
    assert sorted(items) == ["AFP", "AP", "Reuters", "TASS"]
    tass = items["TASS"]
    assert "2 stories" in text(tass)
    assert tass.xpath(".//p[@class='latest']/a/@href") == ["../2024/03/06/putin-speech.html"]  # the newer of its two
    assert tass.xpath(".//p[@class='latest']/time/@datetime") == ["2024-03-06"]
    assert tass.xpath(".//span[@class='feeds']/a/@href") == ["../source/tass/atom.xml", "../source/tass/rss.xml"]
    assert "1 story" in text(items["AFP"])


# ---- in the browser, on the corpus site --------------------------------------------------------------------------
@pytest.fixture
def page_in(browser: Browser) -> Iterator:
    """page_in(javascript=True): a fresh page whose script errors fail the test."""
    contexts, problems = [], []

    def open_page(javascript: bool = True, width: int = 375) -> Page:
        context = browser.new_context(java_script_enabled=javascript, viewport={"width": width, "height": 900})
        contexts.append(context)
        opened = context.new_page()
        opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        opened.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
        return opened

    yield open_page
    for context in contexts:
        context.close()
    assert problems == []


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name", INDEXES)
def test_indexes_fit_a_phone_pass_axe_and_are_screenshot(served_site: Site, page_in, name: str, width: int) -> None:
    need_tool(AXE_JS.is_file(), f"axe-core ({AXE_JS.relative_to(PROJECT)}: npm ci in tools/)")
    for scheme in ("light", "dark"):
        browser_page = page_in(width=width)
        browser_page.emulate_media(color_scheme=scheme)
        browser_page.goto(served_site.url + INDEXES[name], wait_until="networkidle")
        if scheme == "light":
            shot = ARTIFACTS / "screenshots" / f"index-{name}-{width}.png"
            shot.parent.mkdir(parents=True, exist_ok=True)
            browser_page.screenshot(path=str(shot), full_page=True)
        assert browser_page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
        assert axe_violations(browser_page) == []


def test_tags_letter_jump_and_filter_box_work(served_site: Site, page_in) -> None:
    browser_page = page_in()
    browser_page.goto(served_site.url + INDEXES["tags"])
    letter = browser_page.locator("#letters a", has_text="L").first
    letter.click()
    shown = browser_page.locator("#letter-l li a")
    expect(shown.first).to_be_visible()
    assert all(name.upper().startswith("L") for name in shown.all_inner_texts())
    field = browser_page.get_by_label("Find a tag")
    field.fill("lav")
    expect(browser_page.locator("#index-filter-status")).to_have_text(re.compile(r"^1 tag matches “lav”\.$"))
    visible = browser_page.locator("#index-lists .cloud li:visible a")
    assert visible.all_inner_texts() == ["Sergey Lavrov"]
    shot = ARTIFACTS / "screenshots" / "index-tags-375-filtered.png"
    browser_page.screenshot(path=str(shot), full_page=True)
    field.fill("")
    expect(browser_page.locator(".most-used")).to_be_visible()
    expect(browser_page.locator("#letter-l")).to_be_visible()  # opened by the reader: stays open
    expect(browser_page.locator("#letter-m")).to_be_hidden()


def test_places_filter_keeps_a_country_with_the_places_that_match(served_site: Site, page_in) -> None:
    browser_page = page_in()
    browser_page.goto(served_site.url + INDEXES["places"])
    browser_page.get_by_label("Find a place").fill("lond")
    sections = browser_page.locator("section.country:visible")
    expect(sections).to_have_count(1)
    assert sections.locator("h2").inner_text() == "United Kingdom"
    assert sections.locator("li:visible a.name").all_inner_texts() == ["London"]


def test_indexes_work_without_javascript(served_site: Site, page_in) -> None:
    browser_page = page_in(javascript=False)
    browser_page.goto(served_site.url + INDEXES["tags"])
    expect(browser_page.locator(".index-filter")).to_be_hidden()
    browser_page.locator("#letters a", has_text="S").first.click()
    expect(browser_page.locator("#letter-s li").first).to_be_visible()  # the browser opens the letter jumped to
    browser_page.goto(served_site.url + INDEXES["places"])
    browser_page.locator("#letters a", has_text="U").first.click()
    expect(browser_page.locator("section.country", has_text="United Kingdom").locator("a.name", has_text="London")).to_be_visible()
