"""A story's Markdown body as safe HTML, and its teaser as plain text.

Story text comes from the wire and is untrusted: raw HTML in it shows as text, and a link whose scheme could run
code (javascript:, vbscript:, data:) never becomes a link. Pages (generator.site.reader) are the site owner's
own writing and are rendered as Pelican renders them."""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it_pyrs import MarkdownIt
from markupsafe import escape

TEASER_CHARS = 320
LIST_OR_HEADING = re.compile(r"#|- |\d+\. ")  # Markdown blocks that are no teaser
# CommonMark's rules but its two raw-HTML ones (html_block, html_inline).
MARKDOWN_RULES = ("blockquote", "code", "fence", "heading", "lheading", "hr", "list", "paragraph", "reference",
                  "newline", "escape", "backticks", "emphasis", "link", "image", "autolink", "entity")


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """CommonMark (markdown-it, in Rust) without raw HTML: HTML in a story shows as text, never as markup.

    markdown-it also leaves links with a scheme that could run code (javascript:, vbscript:, data:) as text."""
    parser = MarkdownIt("zero")
    parser.enable_many(list(MARKDOWN_RULES))
    return parser


def story_html(body: str, dateline: object = None) -> str:
    """A story's body as HTML, the dateline run into its first paragraph."""
    return with_dateline(markdown_parser().render(body, xhtml=False).rstrip("\n"), dateline)


def with_dateline(content: str, dateline: object) -> str:
    """Run the dateline into the first paragraph as a bold lead-in, newspaper style."""
    if not dateline or not content.startswith("<p>"):
        return content
    return f'<p><strong class="dateline">{escape(str(dateline))}</strong> ' + content[len("<p>"):]


def teaser_of(lede: str | None, body_markdown: str) -> str:
    """The lede, or the opening of the first paragraph when the story has no lede, as plain text."""
    if lede:
        return lede
    first = next((block for block in body_markdown.split("\n\n") if block and not LIST_OR_HEADING.match(block)), "")
    text = markdown_to_text(first)
    if len(text) <= TEASER_CHARS:
        return text
    return text[:TEASER_CHARS].rsplit(" ", 1)[0] + "…"


def markdown_to_text(source: str) -> str:
    """Undo our Markdown escaping of one block so it reads as the seed's text."""
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!>|~])", r"\1", source)
    return text.replace("&lt;", "<").replace("&amp;", "&")
