"""Site features on a small real build: news metadata, sitemap, robots, 404, related stories, places, weight, search."""

from __future__ import annotations

import datetime as dt
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
from generator.site.related import earlier, region_names, relate_stories
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
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


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
            assert target != story and story_tags(site, story) & story_tags(site, target) - region_names(), target
            assert target[:10] <= story[:10], (story, target)
    assert with_related >= 1  # Putin's two stories; the ICRC story shares only Russia and the US with them
    assert not page(site, SEED_PAGE).xpath("//section[@class='related']")  # the oldest story: nothing earlier


def fake_story(name: str, tags: list[str], days_ago: int = 0, topics: tuple[str, ...] = ()) -> SimpleNamespace:
    """A story for relate_stories, filed `days_ago` days before 2024-12-31 (lists give them newest first)."""
    made = [Tag(tag, DEFAULT_CONFIG) for tag in tags]
    for tag in made:
        tag.group = "Topics" if tag.name in topics else "Places"
    return SimpleNamespace(name=name, tags=made, date=dt.datetime(2024, 12, 31) - dt.timedelta(days=days_ago))


def relate(stories: list, limit: int) -> dict[str, list[str]]:
    relate_stories(SimpleNamespace(articles=stories, settings={"RELATED_MAX": limit}))
    return {story.name: [other.name for other, _ in story.related] for story in stories}


def test_related_stories_are_earlier_coverage_preferring_rare_shared_tags_shown_newest_first() -> None:
    common = [fake_story(f"filler {n}", ["Moscow"], n) for n in range(6)]
    seed = fake_story("seed", ["Moscow", "Sergey Lavrov"], 1)
    rare = fake_story("rare", ["Sergey Lavrov"], 3)
    articles = [common[0], seed, *common[1:3], rare, *common[3:]]  # newest first
    related = relate(articles, 3)
    assert related["seed"] == ["filler 1", "filler 2", "rare"]  # the rarer name chosen first, then shown by date
    assert dict((other.name, [tag.name for tag in shared]) for other, shared in seed.related)["rare"] == ["Sergey Lavrov"]
    assert all(articles.index(story) > articles.index(seed) for story, _ in seed.related)
    assert related["rare"] == []  # it shares no name with an earlier story
    assert related["filler 0"][:1] == ["seed"]


def test_related_stories_are_within_a_year_of_other_events_and_never_on_a_topic_alone() -> None:
    story = fake_story("story", ["Sergey Lavrov", "diplomacy"], 0, topics=("diplomacy",))
    same_event = fake_story("same event", ["Sergey Lavrov"], 0)
    twin = fake_story("twin", ["Sergey Lavrov"], 5)
    twin_version = fake_story("twin version", ["Sergey Lavrov"], 5)
    topic_only = fake_story("topic only", ["diplomacy"], 10, topics=("diplomacy",))
    last_year = fake_story("last year", ["Sergey Lavrov"], 300)
    years_ago = fake_story("years ago", ["Sergey Lavrov"], 900)
    own, other = SimpleNamespace(), SimpleNamespace()
    story.coverage = same_event.coverage = own
    twin.coverage = twin_version.coverage = other
    related = relate([story, same_event, twin, twin_version, topic_only, last_year, years_ago], 5)
    assert related["story"] == ["twin", "last year"]


def test_a_newer_story_changes_no_older_storys_related_stories() -> None:
    # Tag "A" is on 3 stories, "B" on 4: x's rarer shared tag is "A". A newer story with "A" makes it as common as
    # "B" site-wide; x's related story must not change with that, or an incremental build re-renders its page and
    # every list showing it.
    names_and_tags = [("x", ["A", "B"]), ("q", ["B"]), ("p", ["A"]), ("r", ["A"]), ("s1", ["B"]), ("s2", ["B"])]
    articles = [fake_story(name, tags, days) for days, (name, tags) in enumerate(names_and_tags)]  # newest first
    before = relate(articles, 2)
    assert before["x"] == ["p", "r"]
    after = relate([fake_story("newer", ["A"], -1), *articles], 2)
    assert after.pop("newer") == ["x", "p"]
    assert after == before


def test_related_stories_look_at_a_bounded_window_per_tag() -> None:
    positions = list(range(0, 10_000, 2))
    assert earlier(positions, 5000, 50) == positions[2501:2551]
    assert earlier(positions, 9998, 50) == []


def test_places_index_lists_dateline_and_tag_places_with_their_pages_and_feeds(site: Path) -> None:
    tree = page(site, "places/index.html")
    links = tree.xpath("//main//section[contains(@class, 'country')]//*[self::h2 or self::li]/a[1]")
    entries = {a.text: a.get("href") for a in links}
    assert entries["Athens"] == "../tag/athens/index.html"  # the seed's dateline place
    assert entries["Greece"] == "../tag/greece/index.html"  # a place tag
    greece = tree.xpath("//section[@aria-label='Greece']")[0]
    assert greece.xpath(".//li/a[@class='name']/text()") == ["Athens"]  # a city under its country
    assert "filed" not in tree.xpath("string(//main)")
    # The seed never names Athens: it is filed there, listed on its page and in its feed, but not one of its tags.
    assert "Athens" not in story_tags(site, SEED_PAGE) and "Greece" in story_tags(site, SEED_PAGE)
    assert "../../" + SEED_PAGE in page(site, "tag/athens/index.html").xpath("//article//a/@href")
    assert f"{SITE_URL}{SEED_PAGE}" in (site / "tag" / "athens" / "atom.xml").read_text()
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
