"""Stable pagination: a page of older stories keeps its URL and its stories when new stories arrive.

Pelican numbers pages from the newest story, so one new story shifts every story of a list onto another page and
every page must be rendered again. Here the first page shows the newest `per_page` stories; the older ones are cut
into blocks of `per_page` counted from the oldest story, and block k is saved as page k + 1 of the pattern
(`page/2/` holds the oldest stories). A new story changes the first page and the newest block only, so an
incremental build re-renders two pages of a long list instead of all of them.

Readers still page newest to oldest: `number` is the position in that order (1 is the first page), `url_number`
is the number in the URL, and `total` (the list's length) is given to the first page only, so that the count a
page shows never changes a page whose stories did not change."""

from __future__ import annotations

from math import ceil

from pelican.paginator import Page, Paginator


class StablePage(Page):
    """One page of a list; its URL and save_as come from `url_number` (1 for the first page). It knows the URLs
    of its neighbours and the story just before it, so a template needs no other page to link or continue."""

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

    def numbered_as_in_url(self) -> Page:
        """Pelican's page at the number in the URL: Pelican's PAGINATION_PATTERNS applied to that number."""
        return Page(self.full_name, self.base_url, self.object_list, self.url_number, self.paginator, self.settings)


class StablePaginator(Paginator):
    """Pelican's paginator with pages of older stories anchored at the oldest story."""

    def __init__(self, name, url, object_list, settings, per_page=None):
        super().__init__(name, url, object_list, settings, per_page)
        self.orphans = 0

    @property
    def blocks(self) -> int:
        """Pages after the first one."""
        return ceil(max(0, self.count - self.per_page) / (self.per_page or 1))

    @property
    def num_pages(self) -> int:
        return 1 + self.blocks

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
        url_number = 1 if number == 1 else self.blocks - number + 3  # the oldest block is page 2
        return StablePage(self.name, self.url, self.object_list[start:end], number, self, self.settings,
                          url_number=url_number, total=self.count if number == 1 else None)

    def bounds(self, number: int) -> tuple[int, int]:
        """[start, end) in the newest-first list of the page at position `number`."""
        if number == 1:
            return 0, min(self.per_page, self.count)
        block = self.blocks - number + 2  # 1 is the oldest block
        end = self.count - (block - 1) * self.per_page
        return max(self.per_page, end - self.per_page), end

