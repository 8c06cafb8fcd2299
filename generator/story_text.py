"""A story's HTML as plain text, for the stages that read its words: coverage clusters and the search index.

It imports nothing of generator.site or generator.search_index, so either can import it (those two packages
already import each other)."""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]*>")
# The dateline generator.site.markup.with_dateline runs into a story's first paragraph.
_DATELINE = re.compile(r'<strong class="dateline">.*?</strong>', re.DOTALL)


def plain_text(markup: str | None) -> str:
    """The text of a story's HTML, each tag a space (ours has no raw HTML: every tag is markup we made)."""
    return html.unescape(_TAG.sub(" ", markup or ""))


def without_dateline(markup: str) -> str:
    """A story's HTML without the dateline run into its first paragraph."""
    return _DATELINE.sub("", markup)
