"""A site of 160 wire stories from three agencies, as a reader and a feed reader meet it: feeds of 50 entries titled
"newsdigest: subject" that link their pages, entries that carry the filing time, a JSON Feed 1.1 and an OPML file
of every feed; a front page whose "Older" page is full and older, and so on back; no list in A-Z order."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from lxml import etree, html

from conftest import load_synth
from feedcheck import check_feed, check_json_feed
from test_coverage import SITE_URL, build, make_project

STORIES = 160
ATOM = "{http://www.w3.org/2005/Atom}"
ITEMS = "//article[contains(concat(' ', @class, ' '), ' story ')]"
TIMED_SEED = 5  # given a filing time by its sidecar


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """160 synthetic seeds (one given a filing time and the original's address), built as a user would."""
    synth = load_synth()
    seeds = synth.synthesise(tmp_path_factory.mktemp("seeds"), STORIES)
    date = synth.make_seed(TIMED_SEED).date
    seeds[TIMED_SEED].with_suffix(".yaml").write_text(
        f"date: {date.isoformat()}\ntime: '14:06'\nsource_url: https://example.com/wire/{TIMED_SEED}\n")
    project = make_project(tmp_path_factory.mktemp("wide") / "site", seeds, sidecars=True)
    return build(project)


def atom(site: Path, path: str) -> etree._Element:
    return etree.parse(str(site / path)).getroot()


def feed_files(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.xml") if path.name != "sitemap.xml")


def test_feeds_carry_up_to_50_entries_each_newest_first(site: Path) -> None:
    for path in ("feeds/all.atom.xml", "feeds/all.rss.xml"):
        text = (site / path).read_text()
        assert text.count("<entry>") + text.count("<item>") == 50, path
    entries = atom(site, "feeds/all.atom.xml").findall(f"{ATOM}entry")
    published = [entry.findtext(f"{ATOM}published") for entry in entries]
    assert published == sorted(published, reverse=True)
    document = json.loads((site / "feeds/all.json").read_text())
    assert len(document["items"]) == 50
    assert [item["id"] for item in document["items"]] == [entry.findtext(f"{ATOM}id") for entry in entries]


def test_every_feed_is_titled_by_site_and_subject_and_links_its_page(site: Path) -> None:
    tags = list(site.glob("tag/*/atom.xml")) + list(site.glob("source/*/atom.xml"))
    assert len(tags) > 100
    for feed_path in tags:
        feed = etree.parse(str(feed_path)).getroot()
        page = feed_path.parent / "index.html"
        name = html.fromstring(page.read_bytes()).xpath("//h1/text()")[0].strip()
        assert feed.findtext(f"{ATOM}title") == f"newsdigest: {name}", feed_path
        page_url = SITE_URL + feed_path.parent.relative_to(site).as_posix() + "/"
        assert feed.find(f"{ATOM}link[@rel='alternate']").get("href") == page_url
        rss = etree.parse(str(feed_path.with_name("rss.xml"))).getroot()
        assert rss.findtext("channel/link") == page_url and rss.findtext("channel/title") == f"newsdigest: {name}"
        newest = max(entry.findtext(f"{ATOM}updated") for entry in feed.findall(f"{ATOM}entry"))
        assert feed.findtext(f"{ATOM}updated") == newest  # updated from its newest entry
    main = atom(site, "feeds/all.atom.xml")
    assert main.findtext(f"{ATOM}title") == "newsdigest: all stories"
    assert main.findtext(f"{ATOM}id") == SITE_URL + "feeds/all.atom.xml"  # each feed its own id


def test_an_entry_carries_its_filing_time_and_the_story_page_links_the_original(site: Path) -> None:
    entries = atom(site, f"source/{load_synth().make_seed(TIMED_SEED).agency.lower()}/atom.xml").findall(f"{ATOM}entry")
    timed = [entry for entry in entries if entry.findtext(f"{ATOM}published").endswith("T14:06:00+00:00")]
    assert len(timed) == 1
    url = timed[0].find(f"{ATOM}link").get("href")
    story = html.fromstring((site / url[len(SITE_URL):]).read_bytes())
    assert "14:06 GMT" in story.xpath("string(//header//time)")
    assert story.xpath("//a[@class='original']/@href") == [f"https://example.com/wire/{TIMED_SEED}"]


def test_every_feed_is_strictly_valid_and_the_json_feed_meets_the_1_1_specification(site: Path) -> None:
    errors = [error for path in feed_files(site) for error in check_feed(site / path, SITE_URL + path)]
    assert errors == [], errors[:10]
    assert check_json_feed((site / "feeds/all.json").read_bytes(), SITE_URL + "feeds/all.json") == []


def test_the_opml_file_lists_every_feed_and_is_linked_from_the_index_pages(site: Path) -> None:
    opml = etree.parse(str(site / "feeds/feeds.opml")).getroot()
    assert opml.tag == "opml" and opml.get("version") == "2.0" and opml.findtext("head/title")
    listed = [outline.get("xmlUrl") for outline in opml.iter("outline") if outline.get("xmlUrl")]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted([SITE_URL + path for path in feed_files(site)] + [SITE_URL + "feeds/all.json"])
    for outline in opml.iter("outline"):
        if outline.get("xmlUrl"):
            assert outline.get("type") == "rss" and outline.get("text").startswith("newsdigest: ") and outline.get("htmlUrl")
    for page in ("tags/index.html", "places/index.html", "sources/index.html"):
        tree = html.fromstring((site / page).read_bytes())
        links = tree.xpath("//main//a[@type='text/x-opml']/@href")
        assert [urljoin(SITE_URL + page, link) for link in links] == [SITE_URL + "feeds/feeds.opml"], page
        for tag_page in tree.xpath("//main//ul[contains(@class, 'counted')]//a/@href")[:20]:
            target = site / urljoin(page, tag_page)
            alternates = html.fromstring(target.read_bytes()).xpath("//link[@rel='alternate']/@href")
            assert set(alternates) <= set(listed), target


def items(site: Path, page: str) -> list[list[str]]:
    """Each item of a list page as the story pages it links to, relative to the site."""
    tree = html.fromstring((site / page).read_bytes())
    return [[urljoin(page, href) for href in item.xpath(".//a/@href") if re.fullmatch(r"\d{4}/\d\d/\d\d/[^/]+\.html", urljoin(page, href))]
            for item in tree.xpath(ITEMS)]


def test_older_pages_are_full_and_older_back_to_the_oldest(site: Path) -> None:
    page, seen, shown_days = "index.html", set(), []
    first = items(site, page)
    assert len(first) >= 40
    while True:
        entries = items(site, page)
        stories = [story for entry in entries for story in entry]
        assert not seen & set(stories)
        seen |= set(stories)
        days = [entry[0][:10] for entry in entries]
        assert days == sorted(days, reverse=True)
        assert not shown_days or days[0] <= shown_days[-1]  # older than the page before
        shown_days += days
        tree = html.fromstring((site / page).read_bytes())
        if page != "index.html":
            assert len(entries) == 40, page  # every page after the first is full
            title = tree.findtext(".//title")
            assert re.search(r"\d{1,2}(\u2013\d{1,2})? [A-Z][a-z]+ 2024", title) and "part" not in title, title
        older = tree.xpath("//nav[@class='pager']//a[@rel='next']/@href")
        if not older:
            break
        page = urljoin(page, older[0])
    assert len(seen) == STORIES


def test_no_list_of_stories_is_in_a_to_z_order(site: Path) -> None:
    pages = [path.relative_to(site).as_posix() for path in site.rglob("index.html")]
    checked = 0
    for page in pages:
        tree = html.fromstring((site / page).read_bytes())
        headlines = [item.xpath("string(.//*[contains(@class, 'headline')])").strip().casefold() for item in tree.xpath(ITEMS)]
        headlines += [line.xpath("string(.//a[1])").strip().casefold() for line in tree.xpath("//ul[@class='headlines']/li")]
        if len(headlines) >= 8:
            checked += 1
            assert headlines != sorted(headlines), page
    assert checked >= 5
