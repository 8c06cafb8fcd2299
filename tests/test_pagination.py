"""Stable pagination: pages of older stories keep their URL and stories as new stories arrive, every page after
the first is full, the first holds at least a page, and pages are labelled by their days."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given
from lxml import html
from hypothesis import strategies as st
from pelican.paginator import PaginationRule

from conftest import corpus_folder
from generator.site.pagination import StablePaginator, span_of_days
from generator.ingest import ingest
from test_incremental import build, tree

SETTINGS = {
    "DEFAULT_ORPHANS": 0,
    "PAGINATION_PATTERNS": [(1, "{url}", "{save_as}"), (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html")],
}


PAGINATION_SETTINGS = SETTINGS | {"PAGINATION_PATTERNS": [PaginationRule(*rule) for rule in SETTINGS["PAGINATION_PATTERNS"]]}


def pages(count: int, per_page: int) -> list:
    stories = list(range(count, 0, -1))  # newest first: story n is the n-th filed
    paginator = StablePaginator("tag/x/index.html", "tag/x/", stories, PAGINATION_SETTINGS, per_page)
    return [paginator.page(number) for number in range(1, paginator.num_pages + 1)]


def seen(page) -> tuple:
    """What a template may show of a page."""
    return page.url, page.object_list, page.newer_url, page.older_url, page.story_before, page.total


def test_first_page_holds_the_newest_part_page_and_the_full_page_before_it() -> None:
    first, *older = pages(7, 3)
    assert seen(first) == ("tag/x/", [7, 6, 5, 4], None, "tag/x/page/2/", None, 7)
    assert [seen(page) for page in older] == [("tag/x/page/2/", [3, 2, 1], "tag/x/", None, 4, None)]
    first, *older = pages(9, 3)  # the newest block is full: the first page shows it alone
    assert seen(first)[1] == [9, 8, 7] and [page.url for page in older] == ["tag/x/page/3/", "tag/x/page/2/"]
    assert [page.object_list for page in older] == [[6, 5, 4], [3, 2, 1]]


@given(st.integers(min_value=0, max_value=200), st.integers(min_value=1, max_value=12))
def test_every_older_page_is_full_and_the_first_holds_at_least_a_page(count: int, per_page: int) -> None:
    first, *older = pages(count, per_page)
    assert [story for page in (first, *older) for story in page.object_list] == list(range(count, 0, -1))
    assert min(count, per_page) <= len(first.object_list) < 2 * per_page
    assert all(len(page.object_list) == per_page for page in older)
    assert [page.url_number for page in older] == list(range(len(older) + 1, 1, -1))  # newest first, oldest page 2
    for newer, page in zip((first, *older), older):  # "Older" leads to the next older stories, and back
        assert newer.older_url == page.url and page.newer_url == newer.url


@given(st.integers(min_value=0, max_value=200), st.integers(min_value=1, max_value=12))
def test_a_new_story_changes_only_the_first_page_and_at_most_two_older_ones(count: int, per_page: int) -> None:
    before, after = pages(count, per_page), pages(count + 1, per_page)
    old = {page.save_as: seen(page) for page in before[1:]}
    new = {page.save_as: seen(page) for page in after[1:]}
    assert set(old) <= set(new) and len(new) - len(old) <= 1  # a page never goes away; at most one is added
    changed = {name for name in new if old.get(name) != new[name]}
    # When the newest block fills, the block before it leaves the first page for a page of its own, and the
    # page after that links to it as its newer page.
    assert len(changed) <= (2 if len(new) > len(old) else 0)


def test_pages_are_labelled_by_their_days() -> None:
    assert span_of_days(dt.date(2024, 3, 5), dt.date(2024, 3, 5)) == "5 March 2024"
    assert span_of_days(dt.date(2024, 3, 3), dt.date(2024, 3, 5)) == "3\u20135 March 2024"
    assert span_of_days(dt.date(2024, 2, 28), dt.date(2024, 3, 2)) == "28 February to 2 March 2024"
    assert span_of_days(dt.date(2023, 12, 30), dt.date(2024, 1, 2)) == "30 December 2023 to 2 January 2024"
    day = SimpleNamespace(day=dt.date(2024, 3, 5))
    earlier = SimpleNamespace(day=dt.date(2024, 3, 4))
    paginator = StablePaginator("x/index.html", "x/", [day, day, earlier, earlier], PAGINATION_SETTINGS, 1)
    assert [paginator.page(number).days for number in range(1, paginator.num_pages + 1)] == [
        "5 March 2024", "5 March 2024 (continued)", "4 March 2024", "4 March 2024 (continued)"]


def add_dated(project: Path, name: str, day: int) -> None:
    """A TASS corpus story filed on `day` December 2024."""
    shutil.copy(corpus_folder("tass") / name, project / "seeds" / name)
    (project / "seeds" / name).with_suffix(".yaml").write_text(f"date: 2024-12-{day:02d}\n")
    assert ingest(project / "seeds", project / "content", taxonomy_path=project / "tags.yaml").ok


def test_adding_a_story_rerenders_the_first_page_and_the_page_it_opens(project: Path, site_runs: list) -> None:
    settings = project / "pelicanconf.py"
    settings.write_text(settings.read_text() + "\nDEFAULT_PAGINATION = 2\n")
    names = sorted(path.name for path in corpus_folder("tass").glob("*.txt"))
    for day, name in enumerate(names[:7], start=1):
        add_dated(project, name, day)
    assert build(project, "output")
    output = project / "output"
    assert (output / "page" / "3" / "index.html").is_file() and not (output / "page" / "4").exists()
    first = html.fromstring((output / "index.html").read_bytes())
    assert len(first.xpath("//article[contains(@class, 'story')]")) == 3  # the part-page and the full page before it
    assert first.xpath("//a[@rel='next']/@href") == ["./page/3/index.html"]
    descriptions = [re.search(r'<meta name="description" content="([^"]*)"', (output / name).read_text()).group(1)
                    for name in ("page/3/index.html", "page/2/index.html")]
    assert descriptions == ["Stories of 3\u20134 December 2024 on newsdigest.", "Stories of 1\u20132 December 2024 on newsdigest."]
    oldest = (output / "page" / "2" / "index.html").read_bytes()
    add_dated(project, names[7], 8)
    assert build(project, "output")
    rendered = site_runs[-1].writer.pages.rendered
    assert {"index.html", "page/4/index.html", "page/3/index.html"} <= rendered  # page 3's newer page is now page 4
    assert "page/2/index.html" not in rendered
    assert (output / "page" / "2" / "index.html").read_bytes() == oldest
    assert build(project, "full", force=True)
    assert tree(output) == tree(project / "full")
