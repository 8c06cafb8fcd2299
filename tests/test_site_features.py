"""Site features on a small real build: news metadata, sitemap, robots, 404, related stories, places, weight, search."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from lxml import etree, html
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Tag

from conftest import PROJECT, corpus_folder
from generator.build import build_site
from generator.ingest import ingest
from generator.search_index.encoding import from_script, term_hash
from generator.site.related import earlier, relate_stories
from generator.site.search import search_input_changed, slim_page
from generator.site.templates import script_json

SITE_URL = "https://example.org/digest/"
SEED = PROJECT / "seeds" / "000_5c9cc7032a8f1c3d.txt"
SEED_PAGE = "2016/11/02/lavrov-hopes-us-will-keep-promise-on-separating-syrian-opposition-terrorists.html"
TASS = ("tass-1893923.txt", "tass-1894059.txt", "tass-1894093.txt")
STORY = re.compile(r"^\d{4}/\d{2}/\d{2}/[^/]+\.html$")
PAGE_BUDGET = 30 * 1024
# The sitemaps.org schema's rules for what we emit: <urlset> of <url> with one <loc> (absolute, at most 2048
# characters) and an optional W3C <lastmod>.
SITEMAP_XSD = b"""<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9"
            xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" elementFormDefault="qualified">
  <xsd:element name="urlset">
    <xsd:complexType><xsd:sequence>
      <xsd:element name="url" maxOccurs="50000">
        <xsd:complexType><xsd:sequence>
          <xsd:element name="loc"><xsd:simpleType><xsd:restriction base="xsd:anyURI">
            <xsd:minLength value="12"/><xsd:maxLength value="2048"/></xsd:restriction></xsd:simpleType></xsd:element>
          <xsd:element name="lastmod" minOccurs="0"><xsd:simpleType><xsd:union memberTypes="xsd:date xsd:dateTime"/></xsd:simpleType></xsd:element>
        </xsd:sequence></xsd:complexType>
      </xsd:element>
    </xsd:sequence></xsd:complexType>
  </xsd:element>
</xsd:schema>"""
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed and three TASS stories of 2024, built as a user would for https://example.org/digest/."""
    root = tmp_path_factory.mktemp("features")
    for name in ("pelicanconf.py", "tags.yaml"):
        shutil.copy(PROJECT / name, root / name)
    shutil.copytree(PROJECT / "theme", root / "theme")
    seeds = root / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds)
    shutil.copy(SEED.with_suffix(".yaml"), seeds)
    for name in TASS:
        shutil.copy(corpus_folder("tass") / name, seeds / name)
        (seeds / name).with_suffix(".yaml").write_text("year: 2024\n")
    assert ingest(seeds, root / "content", taxonomy_path=root / "tags.yaml").ok
    build_site(root / "content", root / "output", settings_file=root / "pelicanconf.py", site_url=SITE_URL)
    return root / "output"


def page(site: Path, path: str) -> html.HtmlElement:
    return html.fromstring((site / path).read_bytes())


def meta(tree: html.HtmlElement, attribute: str, name: str) -> list[str]:
    return tree.xpath(f"//meta[@{attribute}=$name]/@content", name=name)


def stories(site: Path) -> list[str]:
    paths = (path.relative_to(site).as_posix() for path in site.rglob("*.html") if path.name != "index.html")
    return sorted(path for path in paths if STORY.match(path))


def html_pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html") if path.relative_to(site).parts[0] != "pagefind")


def story_tags(site: Path, path: str) -> set[str]:
    return set(meta(page(site, path), "property", "article:tag"))


def test_json_ld_is_a_complete_news_article(site: Path) -> None:
    scripts = page(site, SEED_PAGE).xpath("//script[@type='application/ld+json']/text()")
    assert len(scripts) == 1
    data = json.loads(scripts[0])
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == "Lavrov hopes US will keep promise on separating Syrian opposition, terrorists"
    assert data["datePublished"].startswith("2016-11-02T") and data["dateModified"].startswith("2016-11-02T")
    assert data["dateline"] == "ATHENS, November 2. /TASS/."
    assert data["locationCreated"] == {"@type": "Place", "name": "Athens"}
    assert {"@type": "Place", "name": "Greece"} in data["contentLocation"]
    for role in ("publisher", "sourceOrganization", "author"):
        assert data[role] == {"@type": "Organization", "name": "TASS"}
    assert "Sergey Lavrov" in data["keywords"]
    assert data["mainEntityOfPage"]["@id"] == SITE_URL + SEED_PAGE == data["url"]
    assert data["isAccessibleForFree"] is True


def test_json_for_a_script_cannot_close_it_or_open_a_comment() -> None:
    value = {"headline": "</script><script>alert(1)</script> <!-- & \u2028"}
    text = str(script_json(value))
    assert "</" not in text and "<!--" not in text and "\u2028" not in text
    assert json.loads(text) == value


def test_article_has_open_graph_and_an_absolute_canonical_url(site: Path) -> None:
    tree = page(site, SEED_PAGE)
    assert tree.xpath("//link[@rel='canonical']/@href") == [SITE_URL + SEED_PAGE]
    assert meta(tree, "property", "og:url") == [SITE_URL + SEED_PAGE]
    assert meta(tree, "property", "og:type") == ["article"]
    assert meta(tree, "property", "og:title") == ["Lavrov hopes US will keep promise on separating Syrian opposition, terrorists"]
    assert meta(tree, "property", "og:site_name") == ["newsdigest"]
    assert meta(tree, "property", "og:description")[0].startswith("Moscow calls to solve all issues")
    assert meta(tree, "property", "article:published_time")[0].startswith("2016-11-02T")


def test_every_page_has_title_description_and_canonical_url(site: Path) -> None:
    for path in html_pages(site):
        tree = page(site, path)
        assert tree.findtext(".//title").strip(), path
        assert meta(tree, "name", "description")[0].strip(), path
        canonical = tree.xpath("//link[@rel='canonical']/@href")
        if path == "404.html":
            assert canonical == [], "the 404 page is shown at many addresses: it names none"
            continue
        expected = SITE_URL + (path[: -len("index.html")] if path.endswith("index.html") else path)
        assert canonical == [expected] == meta(tree, "property", "og:url"), path


def test_sitemap_lists_every_story_and_index_page_with_absolute_urls(site: Path) -> None:
    document = etree.parse(str(site / "sitemap.xml"))
    assert etree.XMLSchema(etree.fromstring(SITEMAP_XSD)).validate(document)
    locations = document.xpath("//s:url/s:loc/text()", namespaces=SITEMAP_NS)
    assert len(locations) == len(set(locations))
    assert all(location.startswith(SITE_URL) for location in locations)
    assert {SITE_URL + story for story in stories(site)} <= set(locations)
    assert len(stories(site)) == 4
    for index in ("", "tags/", "places/", "sources/", "archives/", "tag/sergey-lavrov/", "2016/11/02/"):
        assert SITE_URL + index in locations
    assert SITE_URL + "404.html" not in locations and SITE_URL + "search/" not in locations
    seed = document.xpath("//s:url[s:loc=$loc]/s:lastmod/text()", namespaces=SITEMAP_NS, loc=SITE_URL + SEED_PAGE)
    assert seed == ["2016-11-02"]


def test_robots_txt_points_to_the_sitemap(site: Path) -> None:
    lines = (site / "robots.txt").read_text().splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines
    assert not [line for line in lines if line.startswith("Disallow: /")]


def test_404_page_links_absolutely_so_it_works_at_any_depth(site: Path) -> None:
    tree = page(site, "404.html")
    assert tree.findtext(".//h1") == "Page not found"
    assert meta(tree, "name", "robots") == ["noindex"]
    links = tree.xpath("//a/@href | //link/@href")
    assert links and all(link.startswith(SITE_URL) or link == "#main" for link in links), links
    assert SITE_URL + "theme/css/digest.css" in links and SITE_URL + "index.html" in links


def test_related_stories_are_earlier_share_tags_and_are_at_most_five(site: Path) -> None:
    with_related = 0
    for story in stories(site):
        links = page(site, story).xpath("//section[@class='related']//a/@href")
        assert len(links) <= 5
        with_related += bool(links)
        for link in links:
            target = (site / story).parent.joinpath(link).resolve().relative_to(site.resolve()).as_posix()
            assert target != story and story_tags(site, story) & story_tags(site, target), target
            assert target[:10] <= story[:10], (story, target)
    assert with_related >= 2
    assert not page(site, SEED_PAGE).xpath("//section[@class='related']")  # the oldest story: nothing earlier


def fake_story(name: str, tags: list[str]) -> SimpleNamespace:
    return SimpleNamespace(name=name, tags=[Tag(tag, DEFAULT_CONFIG) for tag in tags])


def test_related_stories_are_earlier_coverage_preferring_rare_shared_tags() -> None:
    common = [fake_story(f"filler {n}", ["Russia"]) for n in range(6)]
    seed = fake_story("seed", ["Russia", "Sergey Lavrov"])
    rare = fake_story("rare", ["Sergey Lavrov"])
    articles = [common[0], seed, *common[1:3], rare, *common[3:]]  # newest first
    relate_stories(SimpleNamespace(articles=articles, settings={"RELATED_MAX": 3}))
    related = [(story.name, [tag.name for tag in shared]) for story, shared in seed.related]
    assert related[0] == ("rare", ["Sergey Lavrov"])
    assert len(related) == 3 and all(shared == ["Russia"] for _, shared in related[1:])
    assert all(articles.index(story) > articles.index(seed) for story, _ in seed.related)
    assert rare.related == [] or all(articles.index(story) > articles.index(rare) for story, _ in rare.related)
    assert [story.name for story, _ in common[0].related][:1] == ["seed"]


def test_a_newer_story_changes_no_older_storys_related_stories() -> None:
    # Tag "A" is on 3 stories, "B" on 4: x's rarer shared tag is "A". A newer story with "A" makes it as common as
    # "B" site-wide; x's related story must not change with that, or an incremental build re-renders its page and
    # every list showing it.
    names_and_tags = [("x", ["A", "B"]), ("q", ["B"]), ("p", ["A"]), ("r", ["A"]), ("s1", ["B"]), ("s2", ["B"])]
    articles = [fake_story(name, tags) for name, tags in names_and_tags]  # newest first

    def related_names(stories: list) -> dict[str, list[str]]:
        relate_stories(SimpleNamespace(articles=stories, settings={"RELATED_MAX": 2}))
        return {story.name: [other.name for other, _ in story.related] for story in stories}

    before = related_names(articles)
    assert before["x"] == ["p", "r"]
    after = related_names([fake_story("newer", ["A"]), *articles])
    assert after.pop("newer") == ["x", "p"]
    assert after == before


def test_related_stories_look_at_a_bounded_window_per_tag() -> None:
    positions = list(range(0, 10_000, 2))
    assert earlier(positions, 5000, 50) == positions[2501:2551]
    assert earlier(positions, 9998, 50) == []


def test_places_index_lists_dateline_and_tag_places_with_their_pages_and_feeds(site: Path) -> None:
    tree = page(site, "places/index.html")
    entries = {a.text: a.get("href") for a in tree.xpath("//main//ul[contains(@class, 'counted')]//a")}
    assert entries["Athens"] == "../tag/athens/index.html"  # the seed's dateline place
    assert entries["Greece"] == "../tag/greece/index.html"  # a place tag
    counts = {li.findtext("a"): li.findtext("span") for li in tree.xpath("//main//ul[contains(@class, 'counted')]/li")}
    assert counts["Athens"].endswith(" filed") and "filed" not in counts["Greece"]
    assert "Athens" in story_tags(site, SEED_PAGE)
    for name, link in entries.items():
        tag_page = (site / "places" / link).resolve()
        assert tag_page.is_file(), name
        assert (tag_page.parent / "atom.xml").is_file() and (tag_page.parent / "rss.xml").is_file(), name
    feeds = page(site, "tag/athens/index.html").xpath("//link[@rel='alternate']/@href")
    assert SITE_URL + "tag/athens/atom.xml" in feeds and SITE_URL + "tag/athens/rss.xml" in feeds


def test_article_page_html_and_css_stay_within_30_kb(site: Path) -> None:
    css = (site / "theme" / "css" / "digest.css").stat().st_size
    for story in stories(site):
        assert (site / story).stat().st_size + css <= PAGE_BUDGET, story


def test_day_archive_links_to_the_next_day_with_stories(site: Path) -> None:
    tree = page(site, "2016/11/02/index.html")
    assert tree.findtext(".//h1").startswith("2 November 2016")
    assert "../../../2024/12/26/index.html" in tree.xpath("//nav[@aria-label='Other periods']//a/@href")


def test_search_index_holds_every_story_and_finds_lavrov(site: Path) -> None:
    data = site / "search" / "data"
    manifest = from_script((data / "meta.js").read_text())[1]
    assert manifest["count"] == len(stories(site))
    cards = [row[0] for path in sorted(data.glob("d*.js")) for row in from_script(path.read_text())[1]]
    assert sorted(cards) == stories(site)
    shard = from_script((data / f"w{term_hash('lavrov') % manifest['shards']}.js").read_text())[1]
    assert shard["t"]["lavrov"][:2] == [1, cards.index(SEED_PAGE)]  # one story has the word: the seed
    assert not (site / "pagefind").exists()


@pytest.mark.parametrize("page", [
    "<html><body><p>no marker</p></body></html>",
    '<html><body><article data-pagefind-body><article>nested</article></article></body></html>',
    '<html><body><div data-pagefind-body>one</div><div data-pagefind-body>two</div></body></html>',
    '<html><body><article data-pagefind-body>never closed</body></html>',
])
def test_a_page_that_cannot_be_cut_safely_is_indexed_whole(page: str) -> None:
    assert slim_page(page) == page


def test_a_slim_page_keeps_the_language_title_and_indexed_element() -> None:
    page = ('<!doctype html><html lang="el"><head><title>T &amp; U</title><script>x</script></head><body><nav>menu</nav>'
            '<article class="full" data-pagefind-body><h1>Head</h1><p>Text</p></article><footer>f</footer></body></html>')
    assert slim_page(page) == ('<html lang="el"><head><title>T &amp; U</title></head><body><article class="full" '
                               'data-pagefind-body><h1>Head</h1><p>Text</p></article></body></html>')


def test_a_months_search_bundle_is_rebuilt_only_when_what_pagefind_indexes_changed(tmp_path: Path) -> None:
    def story(body: str, newer: str) -> str:
        return (f'<html lang="en"><head><title>T</title></head><body><article data-pagefind-body><p>{body}</p>'
                f'</article><nav><a rel="next" href="{newer}">Next story</a></nav></body></html>')

    previous, site = tmp_path / "old", tmp_path / "new"
    pages = ["2024/03/01/a.html", "2024/03/02/b.html"]
    for folder in (previous, site):
        for page in pages:
            (folder / page).parent.mkdir(parents=True, exist_ok=True)
            (folder / page).write_text(story(page, "x.html"))
    old_keys = {page: "key" for page in [*pages, "2024/03/index.html", "2024/03/02/index.html", "2024/04/01/c.html"]}
    keys = SimpleNamespace(old_keys=old_keys, rendered={"2024/03/02/b.html", "2024/03/index.html"})
    (site / pages[1]).write_text(story(pages[1], "2024/04/01/new.html"))  # only its link to a newer story changed
    assert not search_input_changed("2024/03", pages, keys, site, previous)
    (site / pages[1]).write_text(story("an edited body", "x.html"))
    assert search_input_changed("2024/03", pages, keys, site, previous)
    (site / pages[1]).write_text(story(pages[1], "x.html"))
    assert search_input_changed("2024/03", [*pages, "2024/03/03/added.html"], keys, site, previous)
    assert search_input_changed("2024/03", pages[:1], keys, site, previous)  # a story gone


def test_search_page_works_without_fetch_and_explains_itself_without_javascript(site: Path) -> None:
    tree = page(site, "search/index.html")
    form = tree.xpath("//form[@role='search']")[0]
    assert form.get("data-index") == "../search/data/" and form.get("data-site") == "../"
    assert tree.xpath("//form//input[@type='search']/@name") == ["q"]
    assert tree.xpath("//form//select/@name") == ["sort", "source", "year", "place", "person", "organisation", "topic", "tag"]
    assert "needs JavaScript" in "".join(tree.xpath("//noscript//text()"))
    assert tree.xpath("//script/@src") == ["../theme/js/find.js"]
    index_files = list((site / "search" / "data").glob("*.js"))
    assert index_files and all(path.read_text().startswith("newsdigestIndex(") for path in index_files)


def test_remembered_date_formats_keep_each_zone() -> None:
    import datetime as dt

    from pelican.utils import SafeDatetime

    from generator.site.patches import DATES_ONCE

    assert DATES_ONCE.fits()
    if not DATES_ONCE.applied:
        DATES_ONCE.apply()
    utc = SafeDatetime(2024, 3, 1, tzinfo=dt.timezone.utc)
    moscow = SafeDatetime(2024, 3, 1, 3, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert utc == moscow and hash(utc) == hash(moscow)
    assert [utc.strftime("%A %-d %B %Y %H"), moscow.strftime("%A %-d %B %Y %H")] == \
           ["Friday 1 March 2024 00", "Friday 1 March 2024 03"]
    assert format(moscow, "%Y/%m/%d %H") == "2024/03/01 03" and moscow.strftime("%H", safe=False) == "03"
