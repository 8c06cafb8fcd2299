"""Coverage of events on a built site: every list shows an event once, its fullest version leading and the other
versions under it; each story page links the other coverage of its event; a day's events are in day order; a new
version of an event re-renders its event's pages and the lists, and clusters are kept between builds.

The site is built from tests/fixtures/events/ (seeds `DATE-AGENCY-EVENT[-resend].txt` in the house style of TASS,
Reuters and AP: one event told by two or three agencies, re-sends, and distinct stories of one interview)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import pytest
from lxml import html

from conftest import FIXTURES, PROJECT
from generator.build import build_site
from generator.ingest import ingest
from generator.site import coverage
from generator.site.clusters import Story, cluster_stories
from generator.site.coverage import CLUSTER_CACHE, also, clusters_of, list_items
from test_clusters import event_of

EVENTS = FIXTURES / "events"
SITE_URL = "https://example.org/digest/"
LISTS = ("index.html", "page/*/index.html", "archives/index.html", "2025/index.html", "2025/03/index.html",
         "2025/03/*/index.html", "tag/*/index.html", "source/*/index.html")
ITEMS = "//article[contains(concat(' ', @class, ' '), ' story ')] | //ul[contains(concat(' ', @class, ' '), ' headlines ')]/li"


def make_project(root: Path, seeds: list[Path], sidecars: bool = False) -> Path:
    """A project of the settings, taxonomy and theme with these seeds (and their sidecars), ingested."""
    root.mkdir(parents=True)
    for name in ("pelicanconf.py", "tags.yaml"):
        shutil.copy(PROJECT / name, root / name)
    shutil.copytree(PROJECT / "theme", root / "theme")
    (root / "seeds").mkdir()
    for seed in seeds:
        shutil.copy(seed, root / "seeds" / seed.name)
        if sidecars and seed.with_suffix(".yaml").is_file():
            shutil.copy(seed.with_suffix(".yaml"), root / "seeds" / seed.with_suffix(".yaml").name)
    assert ingest(root / "seeds", root / "content", taxonomy_path=root / "tags.yaml").ok
    return root


def build(project: Path, output: str = "output", force: bool = False) -> Path:
    build_site(project / "content", project / output, settings_file=project / "pelicanconf.py", site_url=SITE_URL,
               force=force)
    return project / output


@pytest.fixture(scope="module")
def events_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The event fixtures built as a site; and each story page's seed name."""
    project = make_project(tmp_path_factory.mktemp("events") / "site", sorted(EVENTS.glob("*.txt")))
    return build(project), seeds_of_pages(project)


def seeds_of_pages(project: Path) -> dict[str, str]:
    """Story page (relative to the site) -> seed file name."""
    import frontmatter

    pages = {}
    for path in (project / "content").rglob("*.md"):
        post = frontmatter.load(path)
        pages[f"{post['date']:%Y/%m/%d}/{post['slug']}.html"] = post["seed"]
    return pages


def linked_pages(element, page: str) -> list[str]:
    """The site pages an element links to, relative to the site."""
    return [urljoin(SITE_URL + page, href)[len(SITE_URL):] for href in element.xpath(".//a/@href")]


def list_items_of(site: Path, page: str, seeds: dict[str, str]) -> list[list[str]]:
    """Each item of a list page as the seeds of the stories it links to."""
    tree = html.fromstring((site / page).read_bytes())
    return [[seeds[link] for link in linked_pages(item, page) if link in seeds] for item in tree.xpath(ITEMS)]


def list_pages(site: Path) -> list[str]:
    return sorted({path.relative_to(site).as_posix() for pattern in LISTS for path in site.glob(pattern)})


def test_every_list_shows_an_event_once_and_never_two_events_as_one(events_site) -> None:
    site, seeds = events_site
    pages = list_pages(site)
    assert {"index.html", "archives/index.html", "2025/03/11/index.html", "tag/malatya/index.html",
            "source/reuters/index.html"} <= set(pages)
    grouped = 0
    for page in pages:
        items = [item for item in list_items_of(site, page, seeds) if item]
        for item in items:
            assert len({event_of(seed) for seed in item}) == 1, (page, item)  # interview splits stay apart
            grouped += len(item) > 1
        events = [event_of(seed) for item in items for seed in item]
        for event in set(events):  # the versions a list shows are all in the event's one item
            assert sum(event in {event_of(seed) for seed in item} for item in items) == 1, (page, event)
    assert grouped >= 20


AGENCIES = {"tass": "TASS", "reuters": "Reuters", "ap": "AP"}


def agency(seed: str) -> str:
    return AGENCIES[seed.split("-")[3]]


def test_the_fullest_version_leads_and_the_others_are_named_by_agency(events_site) -> None:
    site, seeds = events_site
    day = "2025/03/11/index.html"
    tree = html.fromstring((site / day).read_bytes())
    quake = [item for item in tree.xpath(ITEMS) if any("quake" in seeds.get(link, "") for link in linked_pages(item, day))]
    assert len(quake) == 1
    words = {page: int(re.search(r"\((\d+) words\)", (site / page).read_text()).group(1))
             for page, seed in seeds.items() if event_of(seed) == "quake"}
    lead = max(words, key=words.get)
    assert linked_pages(quake[0].xpath(".//*[contains(@class, 'headline')]")[0], day) == [lead]
    also_line = quake[0].xpath(".//p[@class='also']")[0].text_content()
    assert also_line.startswith("Also: ")
    assert sorted(also_line[len("Also: "):].split(", ")) == sorted(agency(seeds[page]) for page in words if page != lead)


def test_each_story_page_links_the_other_coverage_of_its_event(events_site) -> None:
    site, seeds = events_site
    by_event: dict[str, set[str]] = {}
    for page, seed in seeds.items():
        by_event.setdefault(event_of(seed), set()).add(page)
    for page in seeds:
        tree = html.fromstring((site / page).read_bytes())
        others = set(by_event[event_of(seeds[page])]) - {page}
        section = tree.xpath("//section[contains(@class, 'coverage')]")
        if not others:
            assert section == [], page
            continue
        assert section[0].findtext(".//h2") == "Other coverage of this event"
        assert set(linked_pages(section[0], page)) == others, page
        related = tree.xpath("//section[@class='related']")
        assert not related or not set(linked_pages(related[0], page)) & others  # never twice, nor as "related"


def test_a_day_lists_events_told_by_more_agencies_first_never_a_to_z(events_site) -> None:
    site, seeds = events_site
    items = list_items_of(site, "2025/03/12/index.html", seeds)
    agencies = [len({agency(seed) for seed in item}) for item in items]
    assert agencies == sorted(agencies, reverse=True) and agencies[0] == 3  # the runway: TASS, Reuters, AP
    for page in list_pages(site):
        tree = html.fromstring((site / page).read_bytes())
        headlines = [item.xpath("string(.//a[1])").strip().casefold() for item in tree.xpath(ITEMS)]
        if len(headlines) >= 6:
            assert headlines != sorted(headlines), page


def test_a_new_version_rerenders_its_event_and_the_lists_and_builds_the_full_site(tmp_path: Path, site_runs) -> None:
    seeds = sorted(EVENTS.glob("*.txt"))
    added = EVENTS / "2025-03-11-ap-quake.txt"
    project = make_project(tmp_path / "site", [seed for seed in seeds if seed != added])
    build(project)
    shutil.copy(added, project / "seeds" / added.name)
    assert ingest(project / "seeds", project / "content", taxonomy_path=project / "tags.yaml").ok
    output = build(project)
    pages = seeds_of_pages(project)
    new_page = next(page for page, seed in pages.items() if seed == added.name)
    neighbours = {link for link in linked_pages(html.fromstring((output / new_page).read_bytes()).xpath(
        "//nav[@class='neighbours']")[0], new_page)}
    own_event = {page for page, seed in pages.items() if event_of(seed) == "quake"}
    rendered = site_runs[-1].writer.pages.rendered
    story_pages = {page for page in rendered if page in pages}
    assert own_event <= story_pages <= own_event | neighbours
    assert {"index.html", "2025/03/11/index.html", "source/ap/index.html"} <= rendered
    assert "2025/03/13/index.html" not in rendered
    full = build(project, "full", force=True)
    assert tree(output) == tree(full)


def tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


# ---- clusters kept between builds, and list items ---------------------------------------------------------------

def story(key: str, words: str, day: int, source: str = "TASS") -> Story:
    return Story(key=key, title=key, text=words, date=dt.date(2025, 3, day), source=source)


STORIES = [story("quake-tass", "Malatya quake magnitude tremor Yesilyurt rescue 5.9 collapsed buildings", 11),
           story("quake-ap", "Malatya quake magnitude tremor Yesilyurt rescue 5.9 collapsed homes", 11, "AP"),
           story("oil", "Brent crude prices rose supply worries Libya output", 11, "Reuters"),
           story("runway", "Pobeda jet skidded runway Kazan snow passengers hurt", 12, "Reuters")]


def test_kept_clusters_equal_clustering_everything_and_need_no_library_when_nothing_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / CLUSTER_CACHE
    assert clusters_of(STORIES[:3], cache) == cluster_stories(STORIES[:3])
    assert json.loads(cache.read_text())["clusters"] == [["quake-ap", "quake-tass"]]
    edited = Story(**{**STORIES[1].__dict__, "text": "Brent crude prices rose supply worries Libya output"})
    for stories in ([*STORIES[:3], STORIES[3]], [STORIES[0], edited, STORIES[2]], STORIES[1:3], STORIES[:3]):
        assert clusters_of(stories, cache) == cluster_stories(stories)

    expected = cluster_stories(STORIES[:3])

    def not_called(*args, **kwargs):
        raise AssertionError("clustered again although no story changed")

    monkeypatch.setattr(coverage, "cluster_stories", not_called)
    monkeypatch.setattr(coverage, "add_stories", not_called)
    assert sorted(clusters_of(STORIES[:3], cache), key=lambda cluster: cluster.id) == sorted(expected, key=lambda cluster: cluster.id)


def fake(name: str, day: int, rank: int = 0) -> SimpleNamespace:
    return SimpleNamespace(name=name, day=dt.date(2025, 3, day), url=name, source="TASS", rank=rank)


def test_a_list_item_shows_the_fullest_version_in_the_list_on_its_day() -> None:
    lead, later, other, single = fake("lead", 11), fake("later", 12), fake("other", 12), fake("single", 12)
    event = coverage.Coverage("lead", [lead, later], ("TASS",), rank=1)
    lead.coverage = later.coverage = event
    other.coverage = coverage.Coverage("other", [other], ("TASS",), rank=0)
    single.coverage = coverage.Coverage("single", [single], ("TASS",), rank=2)
    items = list_items([single, later, other, lead])
    assert [(item.story.name, [o.name for o in item.others], item.day.day, item.listed) for item in items] == [
        ("other", [], 12, 1), ("single", [], 12, 1), ("lead", ["later"], 11, 2)]
    only_later = list_items([later, single])  # a tag page without the lead: its own version, on its own day
    assert [(item.story.name, [o.name for o in item.others], item.day.day) for item in only_later] == [
        ("later", ["lead"], 12), ("single", [], 12)]
    assert [label for _, label in also(lead, (later, fake("resend", 11)))] == ["TASS, 12 Mar", "TASS, another version"]
