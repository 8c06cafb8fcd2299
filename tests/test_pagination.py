"""Stable pagination: pages of older stories keep their URL and stories as new stories arrive."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from conftest import corpus_folder
from generator.site.pagination import StablePaginator
from test_incremental import add, build, tree

SETTINGS = {
    "DEFAULT_ORPHANS": 0,
    "PAGINATION_PATTERNS": [(1, "{url}", "{save_as}"), (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html")],
}


def pages(count: int, per_page: int) -> list:
    from pelican.paginator import PaginationRule

    settings = SETTINGS | {"PAGINATION_PATTERNS": [PaginationRule(*rule) for rule in SETTINGS["PAGINATION_PATTERNS"]]}
    stories = list(range(count, 0, -1))  # newest first: story n is the n-th filed
    paginator = StablePaginator("tag/x/index.html", "tag/x/", stories, settings, per_page)
    return [paginator.page(number) for number in range(1, paginator.num_pages + 1)]


def seen(page) -> tuple:
    """What a template may show of a page."""
    return page.url, page.object_list, page.newer_url, page.older_url, page.story_before, page.total


def test_first_page_holds_the_newest_and_older_pages_count_from_the_oldest() -> None:
    first, *older = pages(7, 3)
    assert seen(first) == ("tag/x/", [7, 6, 5], None, "tag/x/page/3/", None, 7)
    assert [seen(page) for page in older] == [("tag/x/page/3/", [4], "tag/x/", "tag/x/page/2/", 5, None),
                                              ("tag/x/page/2/", [3, 2, 1], "tag/x/page/3/", None, 4, None)]
    assert [page.save_as for page in older] == ["tag/x/page/3/index.html", "tag/x/page/2/index.html"]


@given(st.integers(min_value=0, max_value=200), st.integers(min_value=1, max_value=12))
def test_a_new_story_changes_only_the_first_page_and_the_newest_blocks(count: int, per_page: int) -> None:
    before, after = pages(count, per_page), pages(count + 1, per_page)
    shown = [story for page in after for story in page.object_list]
    assert shown == list(range(count + 1, 0, -1))  # every story once, newest first
    assert all(0 < len(page.object_list) <= per_page for page in after if count)
    old = {page.save_as: seen(page) for page in before[1:]}
    new = {page.save_as: seen(page) for page in after[1:]}
    assert set(old) <= set(new)
    changed = {name for name in new if old.get(name) != new[name]}
    # The newest block takes the story that left the first page; when a block is opened, the one before it
    # links to it.
    assert len(changed) <= (2 if len(new) > len(old) else 1)


def test_adding_a_story_rerenders_two_pages_of_a_long_list(project: Path, site_runs: list) -> None:
    settings = project / "pelicanconf.py"
    settings.write_text(settings.read_text() + "\nDEFAULT_PAGINATION = 2\n")
    for name in sorted(path.name for path in corpus_folder("tass").glob("*.txt"))[:7]:
        add(project, "tass", name, 2024)
    assert build(project, "output")
    assert (project / "output" / "page" / "4" / "index.html").is_file()
    descriptions = {re.search(r'<meta name="description" content="([^"]*)"', (project / "output" / name).read_text()).group(1)
                    for name in ("index.html", "page/2/index.html", "page/3/index.html", "page/4/index.html")}
    assert len(descriptions) == 4  # each page of the list says which days it holds
    oldest = (project / "output" / "page" / "2" / "index.html").read_bytes()
    add(project, "tass", sorted(path.name for path in corpus_folder("tass").glob("*.txt"))[7], 2025)
    assert build(project, "output")
    rendered = site_runs[-1].writer.pages.rendered
    assert {"index.html", "page/4/index.html"} <= rendered
    assert not {"page/2/index.html", "page/3/index.html"} & rendered
    assert (project / "output" / "page" / "2" / "index.html").read_bytes() == oldest
    assert build(project, "full", force=True)
    assert tree(project / "output") == tree(project / "full")
