"""Stable pagination: a page of older stories keeps its URL and its stories when new stories arrive, every page
after the first is full, and pages are labelled by the days they hold.

A list (of items: generator.site.coverage.list_items) is cut into blocks of `per_page` counted from the oldest
item: block 1 holds the oldest, and block k is saved as page k + 1 of Pelican's PAGINATION_PATTERNS (`page/2/`
holds the oldest items). The newest block is partial until it fills; the first page shows it together with the
full block before it, so the first page holds at least a page's worth of the newest items (and fewer than two
pages' worth), "Older" leads to a full page, and so on back to the oldest. A new item changes the first page
only, and, when it fills the newest block, gives the block before it a page of its own (whose newer neighbour
changes with it); no other page changes, so an incremental build renders two or three pages of a long list.

Readers still page newest to oldest: `number` is the position in that order (1 is the first page), `url_number`
is the number in the URL, and `total` (how many stories the list holds) is given to the first page only, so
that the count a page shows never changes a page whose items did not change."""

from __future__ import annotations

import datetime as dt
from math import ceil

from pelican.paginator import Page, Paginator


class StablePage(Page):
    """One page of a list; its URL and save_as come from `url_number` (1 for the first page). It knows the URLs
    of its neighbours and the item just before it, so a template needs no other page to link or continue."""

    def __init__(self, name, url, object_list, number, paginator, settings, url_number: int, total: int | None):
        super().__init__(name, url, object_list, number, paginator, settings)
        self.url_number = url_number
        self.total = total
        self.newer_url: str | None = None
        self.older_url: str | None = None
        self.story_before: object | None = None

    @property
    def is_first(self) -> bool:
        return self.url_number == 1

    @property
    def url(self) -> str:
        return self.numbered_as_in_url().url

    @property
    def save_as(self) -> str:
        return self.numbered_as_in_url().save_as

    @property
    def continues_day(self) -> bool:
        """The page opens with a day whose first items are on the newer page."""
        return bool(self.object_list) and self.story_before is not None and self.story_before.day == self.object_list[0].day

    @property
    def days(self) -> str:
        """The days the page holds, for its label: "3-5 March 2024"; "(continued)" when it opens inside a day."""
        if not self.object_list:
            return ""
        label = span_of_days(self.object_list[-1].day, self.object_list[0].day)
        return f"{label} (continued)" if self.continues_day else label

    @property
    def newest_story(self) -> object | None:
        """The newest filed of the page's stories (each item's headline and other versions)."""
        return max((story for item in self.object_list for story in (item.story, *item.others)),
                   key=lambda story: story.date, default=None)

    def numbered_as_in_url(self) -> Page:
        """Pelican's page at the number in the URL: Pelican's PAGINATION_PATTERNS applied to that number."""
        return Page(self.full_name, self.base_url, self.object_list, self.url_number, self.paginator, self.settings)


class StablePaginator(Paginator):
    """Pelican's paginator with pages of older items anchored at the oldest item (see the module)."""

    def __init__(self, name, url, object_list, settings, per_page=None, total: int | None = None):
        super().__init__(name, url, object_list, settings, per_page)
        self.orphans = 0
        self.total = self.count if total is None else total

    @property
    def blocks(self) -> int:
        """Blocks of per_page items counted from the oldest; the newest may be partial."""
        return ceil(self.count / (self.per_page or 1))

    @property
    def first_page_blocks(self) -> int:
        """Blocks the first page shows: the newest, and the full one before it while the newest is partial."""
        partial = self.count % (self.per_page or 1) != 0
        return min(self.blocks, 2 if partial else 1) or 1

    @property
    def num_pages(self) -> int:
        return 1 + max(0, self.blocks - self.first_page_blocks)

    def page(self, number: int) -> StablePage:
        """The page at position `number` (1-based, newest first), linked to its neighbours."""
        page = self.bare_page(number)
        page.newer_url = self.bare_page(number - 1).url if number > 1 else None
        page.older_url = self.bare_page(number + 1).url if number < self.num_pages else None
        start = self.bounds(number)[0]
        page.story_before = self.object_list[start - 1] if start else None
        return page

    def bare_page(self, number: int) -> StablePage:
        start, end = self.bounds(number)
        url_number = 1 if number == 1 else self.block_of(number) + 1  # the oldest block is page 2
        return StablePage(self.name, self.url, self.object_list[start:end], number, self, self.settings,
                          url_number=url_number, total=self.total if number == 1 else None)

    def block_of(self, number: int) -> int:
        """The block (1: the oldest) shown by the page at position `number` > 1."""
        return self.num_pages - number + 1

    def bounds(self, number: int) -> tuple[int, int]:
        """[start, end) in the newest-first list of the page at position `number`."""
        if number == 1:
            oldest_shown = self.blocks - self.first_page_blocks + 1
            return 0, min(self.count, self.count - (oldest_shown - 1) * self.per_page)
        end = self.count - (self.block_of(number) - 1) * self.per_page
        return end - self.per_page, end


def span_of_days(oldest: dt.date, newest: dt.date) -> str:
    """Days as a reader says them: "5 March 2024", "3-5 March 2024", "28 February to 2 March 2024",
    "30 December 2023 to 2 January 2024"."""
    if oldest == newest:
        return f"{newest.day} {newest:%B %Y}"
    if (oldest.year, oldest.month) == (newest.year, newest.month):
        return f"{oldest.day}\u2013{newest.day} {newest:%B %Y}"
    if oldest.year == newest.year:
        return f"{oldest.day} {oldest:%B} to {newest.day} {newest:%B %Y}"
    return f"{oldest.day} {oldest:%B %Y} to {newest.day} {newest:%B %Y}"
