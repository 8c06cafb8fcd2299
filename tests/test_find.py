"""Search in a real browser on the corpus site served by nginx under /digest/, checked against a slow scan.

The slow scan is the obvious search: every story's headline, lede, body and tag names, folded (case, accents),
scanned with a regular expression for each query word as a whole word. A run of query words that is a tag's
name or alias in tags.yaml is that tag: a story has it when it has all the words of the run, of the canonical
name, or of an alias of four letters or more; a shorter alias (US, IS, Fed: also common words) only where the
story writes it as spelled, in its capitals ("U.S." too), in a headline, lede or body not all in capitals. The run
typed is an alternative too unless it is such a short alias typed as spelled ("us" also finds the word us). The
stories search finds must be the ones the scan finds, every one reachable, and the best ones first."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from lxml import html

from checktools import ARTIFACTS, AXE_JS, KEY_PAGES, Site, axe_violations
from conftest import PROJECT, need_tool
from generator.search_index.aliases import alias_groups as search_alias_groups

try:
    from playwright.sync_api import Browser, Page, expect
except ImportError:  # reported by the browser fixture: a skip locally, a failure under CI=true
    pass

pytest_plugins = ["corpus_site"]

WAIT_MS = 15_000
FIXTURES = PROJECT / "tests" / "fixtures" / "search"
STORY = re.compile(r"\d{4}/\d{2}/\d{2}/[^/]+\.html")
QUERIES = ["Putin", "Lavrov", "OPEC", "oil", "Kyiv", "Kiev", "crude oil", "Moscow", "United States", "prices",
           "Syria", "dollar", "Vladimir Putin", "the", "said"]


# ---- the slow scan ----------------------------------------------------------------------------------------------
def folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def joined_initials(text: str) -> str:
    """Initials written with periods as one word ("U.S." -> "US"), as a reader means them."""
    return re.sub(r"(?<![^\W_])(?:[^\W\d_]\.)+[^\W\d_](?![^\W_])\.?", lambda found: found.group().replace(".", ""), text)


def query_words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", folded(joined_initials(text)))


class Story:
    """One built story page as the scan reads it."""

    def __init__(self, path: str, tree: html.HtmlElement):
        article = tree.xpath("//article")[0]
        data = json.loads(tree.xpath("//script[@type='application/ld+json']/text()")[0])
        self.path = path
        self.headline = folded(article.xpath("string(.//h1)"))
        parts = [article.xpath("string(.//h1)"), *article.xpath(".//*[contains(@class, 'lede')]//text()"),
                 *article.xpath(".//div[contains(@class, 'body')]//text()"), *data["keywords"]]
        self.text = folded(joined_initials(" ".join(parts)))
        self.raw_parts = [" ".join(article.xpath(".//h1//text()")), " ".join(article.xpath(".//*[contains(@class, 'lede')]//text()")),
                          " ".join(article.xpath(".//div[contains(@class, 'body')]//text()"))]
        self.tags = set(data["keywords"])
        self.places = {place["name"] for place in data.get("contentLocation", [])}
        self.source = data["sourceOrganization"]["name"]
        self.date = data["datePublished"]

    def has(self, words: list[str], text: str | None = None) -> bool:
        return all(re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text or self.text) for word in words)

    def writes(self, alias: str) -> bool:
        """Whether a headline, lede or body not all in capitals writes the alias as spelled ("US" or "U.S.")."""
        letters = alias.replace(".", "")
        spelled = r"\.?".join(map(re.escape, letters)) + r"\.?" if letters.isupper() else re.escape(letters)
        return any(re.search(rf"(?<![^\W_]){spelled}(?![^\W_])", part) for part in self.raw_parts
                   if any(character.islower() for character in part))


@lru_cache(maxsize=4)
def stories_of(output: Path) -> dict[str, Story]:
    found = {}
    for path in sorted(output.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*.html")):
        relative = path.relative_to(output).as_posix()
        if STORY.fullmatch(relative) and path.name != "index.html":
            found[relative] = Story(relative, html.fromstring(path.read_bytes()))
    return found


@lru_cache(maxsize=1)
def alias_groups() -> dict[tuple[str, ...], list[str]]:
    """Each tag name or alias (as words) -> its group: the canonical name, then its aliases; an alias that is also
    a word of another entity's name ("America" of "Latin America") is left out, as search leaves it out."""
    aliases = yaml.safe_load((PROJECT / "tags.yaml").read_text(encoding="utf-8"))["aliases"]
    searched = {alias for group in search_alias_groups(PROJECT / "tags.yaml", search=True) for alias in group[1:]}
    groups: dict[str, list[str]] = {}
    for variant, canonical in aliases.items():
        if variant in searched:
            groups.setdefault(canonical, [canonical]).append(variant)
    return {tuple(query_words(name)): group for group in groups.values() for name in group}


def is_short(alias: str) -> bool:
    return len("".join(query_words(alias))) < 4


def scan(stories: dict[str, Story], query: str) -> set[str]:
    """The stories that have every term of the query (see the module docstring)."""
    typed, spelled, terms, start = query_words(query), re.findall(r"[^\W_]+", joined_initials(query)), [], 0
    while start < len(typed):
        end = next((end for end in range(len(typed), start, -1) if tuple(typed[start:end]) in alias_groups()), start + 1)
        group = alias_groups().get(tuple(typed[start:end]), [])
        as_typed = " ".join(spelled[start:end])
        words = [query_words(name) for name in group if not is_short(name)]
        short = [name for name in group if is_short(name)]
        if not any(name.replace(".", "") == as_typed for name in short):
            words.append(typed[start:end])
        terms.append((words, short))
        start = end
    return {path for path, story in stories.items()
            if all(any(story.has(run) for run in words) or any(story.writes(name) for name in short) for words, short in terms)}


# ---- the browser ------------------------------------------------------------------------------------------------
@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    yield page
    context.close()
    assert problems == []


def wait_for_results(page: Page) -> str:
    status = page.locator("#search-status")
    expect(status).not_to_have_text(re.compile(r"^$|Searching"), timeout=WAIT_MS)
    return status.inner_text()


def search(page: Page, words: str) -> str:
    """Type the words into the search box and press Enter, as a reader would; the status line once done."""
    field = page.locator("input[type=search]")
    field.fill("")
    field.press_sequentially(words)
    field.press("Enter")
    expect(page.locator("#search-status")).to_contain_text(words, timeout=WAIT_MS)
    return wait_for_results(page)


def every_result(page: Page, site_root: str) -> list[str]:
    """Click "show more" until every result is listed; their paths inside the site, in order."""
    more = page.locator("#search-more")
    while more.is_visible():
        shown = page.locator("#search-results > li").count()
        more.click()
        expect(page.locator("#search-results > li")).not_to_have_count(shown, timeout=WAIT_MS)
    links = page.locator("#search-results h2 a").evaluate_all("links => links.map(link => link.href)")
    return [link.removeprefix(site_root) for link in links]


def counted(status: str) -> int:
    """The number of stories the status line says were found."""
    match = re.search(r"(\d+) stor(?:y|ies) (?:match|has|have)", status)
    assert match or status.startswith("No story matches"), status
    return int(match.group(1)) if match else 0


# ---- the tests --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_what_the_slow_scan_finds_all_reachable_best_first(served_site: Site, page: Page, query: str) -> None:
    stories = stories_of(served_site.output)
    expected = scan(stories, query)
    page.goto(served_site.url + KEY_PAGES["search"])
    status = search(page, query)
    found = every_result(page, served_site.url)
    assert counted(status) == len(found) == len(expected), status
    assert set(found) == expected
    words = query_words(query)
    in_headline = [path for path in expected if stories[path].has(words, stories[path].headline)]
    if in_headline and len(expected) <= len(stories) // 3:  # not for words most stories have ("the", "said")
        assert found[0] in in_headline, f"{query}: {found[0]} first, though {len(in_headline)} stories have it in the headline"


def test_the_names_asked_for_are_found_first(served_site: Site, page: Page) -> None:
    stories = stories_of(served_site.output)
    page.goto(served_site.url + KEY_PAGES["search"])
    for name in ("Putin", "Lavrov", "OPEC"):
        search(page, name)
        first = every_result(page, served_site.url)[:3]
        assert first and all(stories[path].has(query_words(name)) for path in first), name


def test_kyiv_and_kiev_find_the_same_stories_including_those_that_write_kiev(served_site: Site, page: Page) -> None:
    stories = stories_of(served_site.output)
    writing_kiev = {path for path, story in stories.items() if story.has(["kiev"])}
    assert writing_kiev
    page.goto(served_site.url + KEY_PAGES["search"])
    search(page, "Kyiv")
    kyiv = set(every_result(page, served_site.url))
    search(page, "Kiev")
    assert kyiv == set(every_result(page, served_site.url)) and writing_kiev <= kyiv


def test_short_alias_and_canonical_name_find_the_same_stories_and_mark_only_their_names(served_site: Site, page: Page) -> None:
    stories = stories_of(served_site.output)
    page.goto(served_site.url + KEY_PAGES["search"])
    search(page, "U.S.")
    found = every_result(page, served_site.url)
    writing_us = {path for path, story in stories.items() if story.writes("US")}
    assert writing_us and writing_us <= set(found)
    marks = page.locator("#search-results mark").all_inner_texts()
    names = {"us", "usa", "united states", "america", "united states of america"}
    assert marks and all(" ".join(query_words(mark)) in names and mark != "us" for mark in marks), sorted(set(marks))
    search(page, "United States")
    assert set(every_result(page, served_site.url)) == set(found)


def test_typing_a_tags_name_offers_its_page_first(served_site: Site, page: Page) -> None:
    stories = stories_of(served_site.output)
    page.goto(served_site.url + KEY_PAGES["search"])
    for typed, name, slug in (("Lavrov", "Sergey Lavrov", "sergey-lavrov"), ("kiev", "Kyiv", "kyiv"), ("opec", "OPEC", "opec")):
        search(page, typed)
        offer = page.locator("#search-tags li").first
        tagged = sum(1 for story in stories.values() if name in story.tags)
        expect(offer).to_have_text(re.compile(rf"^{re.escape(name)} \(\w+\): {tagged} stor(y|ies)$"))
        assert offer.locator("a").get_attribute("href") == served_site.url + f"tag/{slug}/index.html"


def test_filters_combine_and_stay_in_the_address(served_site: Site, page: Page) -> None:
    stories = stories_of(served_site.output)
    page.goto(served_site.url + KEY_PAGES["search"])
    search(page, "prices")
    page.locator(".filters summary").click()
    expect(page.locator("#filter-source option")).not_to_have_count(1, timeout=WAIT_MS)
    page.select_option("#filter-source", "reuters")
    expect(page.locator("#search-status")).to_contain_text("with the filters chosen", timeout=WAIT_MS)
    place = page.locator("#filter-place option").nth(1)
    place_slug, place_name = place.get_attribute("value"), re.sub(r" \(\d+\)$", "", place.inner_text())
    page.select_option("#filter-place", place_slug)
    expect(page).to_have_url(re.compile(f"place={place_slug}"), timeout=WAIT_MS)
    wait_for_results(page)
    found = every_result(page, served_site.url)
    expected = {path for path in scan(stories, "prices")
                if stories[path].source == "Reuters" and place_name in stories[path].places | stories[path].tags}
    assert expected and set(found) == expected
    address = parse_qs(urlsplit(page.url).query)
    assert address == {"q": ["prices"], "source": ["reuters"], "place": [place_slug]}
    page.goto(page.url)  # a bookmark of the filtered search gives the same stories
    wait_for_results(page)
    assert set(every_result(page, served_site.url)) == expected
    assert page.locator("#filter-source").input_value() == "reuters"


@pytest.mark.parametrize("width, scheme", [(375, "light"), (375, "dark"), (1280, "light")])
def test_results_with_filters_open_are_accessible_and_fit_a_phone(served_site: Site, page: Page, width: int,
                                                                  scheme: str) -> None:
    need_tool(AXE_JS.is_file(), f"axe-core ({AXE_JS.relative_to(PROJECT)}: npm ci in tools/)")
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(served_site.url + KEY_PAGES["search"] + "?q=oil&source=reuters")
    wait_for_results(page)
    expect(page.locator("#filter-place option")).not_to_have_count(1, timeout=WAIT_MS)
    assert page.locator(".filters").get_attribute("open") is not None  # a filter in the address shows them
    shot = ARTIFACTS / "screenshots" / f"search-filtered-{width}-{scheme}.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot), full_page=True)
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert axe_violations(page) == []


def test_year_filter_and_newest_first(served_site: Site, page: Page) -> None:
    stories = stories_of(served_site.output)
    page.goto(served_site.url + KEY_PAGES["search"] + "?q=said&sort=newest&year=2024")
    wait_for_results(page)
    found = every_result(page, served_site.url)
    assert set(found) == {path for path in scan(stories, "said") if stories[path].date.startswith("2024")}
    dates = [stories[path].date for path in found]
    assert dates == sorted(dates, reverse=True)


def test_a_word_no_story_has_whole_shows_the_words_that_begin_with_it(served_site: Site, page: Page) -> None:
    stories = stories_of(served_site.output)
    page.goto(served_site.url + KEY_PAGES["search"])
    status = search(page, "Lavro")
    assert status.startswith("No story has the word \u201clavro\u201d") and "(lavrov)" in status
    assert set(every_result(page, served_site.url)) == scan(stories, "Lavrov")


def test_full_text_search_works_opened_from_disk(corpus_site: Site, page: Page) -> None:
    stories = stories_of(corpus_site.output)
    page.goto((corpus_site.output / KEY_PAGES["search"]).as_uri())
    status = search(page, "crude oil")
    found = every_result(page, corpus_site.output.as_uri() + "/")
    assert counted(status) == len(found) and set(found) == scan(stories, "crude oil")


# ---- our own stories: accents, initials, another script, Kiev and Kyiv, a name in a headline ------------------
@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The stories of tests/fixtures/search, built with `newsdigest build` and served by nginx under /digest/."""
    from corpus_site import free_port, nginx  # the plugin this module loads (pytest_plugins)

    root = tmp_path_factory.mktemp("search-fixtures")
    for name in ("pelicanconf.py", "tags.yaml"):
        shutil.copy(PROJECT / name, root / name)
    shutil.copytree(PROJECT / "theme", root / "theme")
    shutil.copytree(FIXTURES, root / "seeds")
    site = Site(root / "www", free_port())
    command = [sys.executable, "-m", "generator.cli", "build", "--seeds", "seeds", "--content", "content",
               "--output", str(site.output), "--site-url", site.url]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, f"newsdigest build of the search fixtures failed:\n{done.stdout}\n{done.stderr}"
    with nginx(site, root / "nginx"):
        yield site


SLUGS = {"sao": "sao-paulo-governor-signs-grain-deal-with-zurich-based-trader",
         "kiev": "ukraine-grain-harvest-seen-lower-officials", "kyiv": "kyiv-opens-new-metro-line-after-years-of-delays",
         "fair": "putin-opens-national-grain-fair-in-moscow", "kremlin": "kremlin-meeting-reviews-spring-sowing-plans"}


@pytest.mark.parametrize("query, expected", [
    ("sao paulo", ["sao"]), ("SÃO PAULO", ["sao"]), ("São Paulo", ["sao"]), ("zurich", ["sao"]), ("Zürich-based", ["sao"]),
    ("U.S.", ["sao"]), ("US", ["sao"]), ("United States", ["sao"]), ("us", ["sao", "kyiv"]), ("сделка", ["sao"]), ("Kyiv", ["kiev", "kyiv"]), ("Kiev", ["kiev", "kyiv"]),
    ("Putin", ["fair", "kremlin"]), ("Vladimir Putin", ["fair"]), ("grain", ["sao", "kiev", "fair"]),
])
def test_case_accents_initials_scripts_and_aliases_find_the_same_whole_words(fixture_site: Site, page: Page, query: str,
                                                                           expected: list[str]) -> None:
    page.goto(fixture_site.url + KEY_PAGES["search"])
    search(page, query)
    found = [Path(path).stem for path in every_result(page, fixture_site.url)]
    assert sorted(found) == sorted(SLUGS[key] for key in expected)
    if query == "Putin":
        assert found[0] == SLUGS["fair"]  # the name in the headline first
