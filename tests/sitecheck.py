"""Checks on a built site: links that resolve on disk, paragraphs of a page."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def page_links(page: Path) -> list[str]:
    """Every href and src on a page."""
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.links


def broken_links(site: Path) -> list[str]:
    """Relative links of every page that do not name an existing file, as opened from disk."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        for link in page_links(page):
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("#"):
                continue
            assert not link.startswith("/"), f"{page}: root-relative link {link} breaks under a subpath"
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {link}")
    return broken


def body_paragraphs(page: Path) -> list[str]:
    """The <p> elements of an article page's body."""
    text = page.read_text(encoding="utf-8")
    body = text[text.index('<div class="body">'):]
    body = body[: body.index("</div>")]
    return re.findall(r"<p>(.*?)</p>", body, re.S)
