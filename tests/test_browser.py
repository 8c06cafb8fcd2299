"""A real browser (Playwright driving Debian's Chromium) on the corpus site served under /digest/."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from checktools import ARTIFACTS, AXE_JS, KEY_PAGES, QUAKE_PAGE, SEED_SLUG, Site, axe_violations
from conftest import PROJECT, need_tool

try:
    from playwright.sync_api import Browser, Locator, Page, expect
except ImportError:  # reported by the browser fixture: a skip locally, a failure under CI=true
    pass

pytest_plugins = ["corpus_site"]

# Every kind of page the theme renders, by name: path inside the site.
ALL_KINDS = {
    **KEY_PAGES,
    "front-page-2": "page/2/index.html",
    "sources": "sources/index.html",
    "source": "source/tass/index.html",
    "places": "places/index.html",
    "archives": "archives/index.html",
    "year": "2016/index.html",
    "month": "2016/11/index.html",
    "day": "2016/11/02/index.html",
    "not-found": "404.html",
}
WIDTHS = (320, 375, 1280)
SCREENSHOT_WIDTHS = (375, 1280)
SEARCH_WAIT_MS = 15_000


@pytest.fixture
def problems() -> list[str]:
    """What went wrong in the page: console errors, script errors, failed requests, HTTP errors."""
    return []


@pytest.fixture
def page(browser: Browser, problems: list[str]) -> Iterator[Page]:
    """A fresh page in its own context, whose problems are recorded."""
    context = browser.new_context()
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text} ({message.location.get('url')})"))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"request failed: {request.url} {request.failure}"))
    page.on("response", lambda response: response.status >= 400
            and problems.append(f"HTTP {response.status}: {response.url}"))
    yield page
    context.close()


def search(page: Page, words: str) -> None:
    """Type words into the search page's input and submit them, as a reader would."""
    field = page.locator("input[type=search]")
    expect(field).to_have_count(1)
    field.click()
    field.press_sequentially(words)
    field.press("Enter")


def story_link(page: Page) -> Locator:
    """The search results' link to the seed's Lavrov story."""
    return page.locator(f"a[href*='{SEED_SLUG}']")


@pytest.mark.parametrize("name", ALL_KINDS)
def test_page_loads_without_console_errors(served_site: Site, page: Page, problems: list[str], name: str) -> None:
    response = page.goto(served_site.url + ALL_KINDS[name], wait_until="networkidle")
    assert response is not None and response.status == 200
    assert page.title()
    assert problems == []


def test_search_for_lavrov_finds_the_seed_story(served_site: Site, page: Page, problems: list[str]) -> None:
    page.goto(served_site.url + KEY_PAGES["search"])
    search(page, "Lavrov")
    expect(story_link(page).first).to_be_visible(timeout=SEARCH_WAIT_MS)
    story_link(page).first.click()
    page.wait_for_load_state()
    assert page.url == served_site.url + KEY_PAGES["article"]
    assert problems == []


def test_search_works_opened_from_disk(corpus_site: Site, page: Page) -> None:
    page.goto((corpus_site.output / KEY_PAGES["search"]).as_uri())
    search(page, "Lavrov")
    expect(story_link(page).first).to_be_visible(timeout=SEARCH_WAIT_MS)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", KEY_PAGES)
def test_axe_finds_no_violation(served_site: Site, page: Page, name: str, scheme: str) -> None:
    need_tool(AXE_JS.is_file(), f"axe-core ({AXE_JS.relative_to(PROJECT)}: npm ci in tools/)")
    page.emulate_media(color_scheme=scheme)
    page.goto(served_site.url + KEY_PAGES[name], wait_until="networkidle")
    if name == "search":
        search(page, "Lavrov")
        expect(story_link(page).first).to_be_visible(timeout=SEARCH_WAIT_MS)
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", KEY_PAGES)
def test_page_fits_the_width_and_is_screenshot(served_site: Site, page: Page, name: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(served_site.url + KEY_PAGES[name], wait_until="networkidle")
    if width in SCREENSHOT_WIDTHS:
        shot = ARTIFACTS / "screenshots" / f"{name}-{width}.png"
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 0
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow} px at {width} px wide"


def test_an_event_shows_once_on_the_front_page_and_its_story_links_its_other_coverage(
        served_site: Site, page: Page, problems: list[str]) -> None:
    page.goto(served_site.url + KEY_PAGES["front"], wait_until="networkidle")
    quake = page.locator("article.story", has=page.locator(f"a[href$='{QUAKE_PAGE}']"))
    expect(quake).to_have_count(1)  # one item for the event, whichever version is its headline
    links = quake.locator("a[href*='/2025/03/11/']").evaluate_all("links => links.map(link => link.href)")
    versions = {link for link in links if "quake" in link or "earthquake" in link}
    assert len(versions) == 3  # TASS, Reuters and AP, in that one item
    also = quake.locator("p.also")
    expect(also).to_contain_text("Also:")
    also.get_by_role("link", name="Reuters").click()
    page.wait_for_load_state()
    assert page.url == served_site.url + QUAKE_PAGE
    coverage = page.locator("section.coverage")
    expect(coverage.get_by_role("heading", name="Other coverage of this event")).to_be_visible()
    expect(coverage.locator("a")).to_have_count(2)
    assert {link for link in versions if not link.endswith(QUAKE_PAGE)} == set(
        coverage.locator("a").evaluate_all("links => links.map(link => link.href)"))
    assert problems == []
