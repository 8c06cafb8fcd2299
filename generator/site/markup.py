"""A story's Markdown body as safe HTML (Python-Markdown, configured by Pelican's MARKDOWN setting), and its
teaser as plain text.

Story text comes from the wire and is untrusted: raw HTML in it shows as text, and what Markdown makes is
sanitised (nh3), so that no script, event attribute or link whose scheme could run code (javascript:,
vbscript:, data:) reaches a page. Each story is rendered once, by the reader, and Pelican's read cache keeps it.
Pages (generator.site.reader) are the site owner's own writing and are rendered as Pelican renders them."""

from __future__ import annotations

import re
import string
from functools import lru_cache

import nh3
from markdown import Markdown
from markupsafe import Markup, escape
from pelican.settings import DEFAULT_CONFIG

TEASER_CHARS = 320
LIST_OR_HEADING = re.compile(r"#|- |\d+\. ")  # Markdown blocks that are no teaser
META_EXTENSION = "markdown.extensions.meta"  # reads `Key: value` lines: the front matter, never a body's
RAW_HTML = (("preprocessors", "html_block"), ("inlinePatterns", "html"))  # Python-Markdown's raw-HTML steps
# What a story's HTML may hold once sanitised: nh3's (Ammonia's) defaults, whose links and images may use only
# schemes that run no code, plus the class and id attributes Markdown extensions set (footnotes, code).
STORY_ATTRIBUTES = {**nh3.ALLOWED_ATTRIBUTES, "*": {"class", "id", "lang", "title"}}


def markdown_from_settings(settings: dict) -> Markdown:
    """Python-Markdown configured by Pelican's MARKDOWN setting, as Pelican's Markdown reader configures it, but
    without the extension that reads `Key: value` metadata: front matter is read before the body."""
    config = dict(settings["MARKDOWN"])
    configs = dict(config.pop("extension_configs", {}))
    extensions = [name for name in [*config.pop("extensions", []), *configs] if name != META_EXTENSION]
    return Markdown(extensions=list(dict.fromkeys(extensions)), extension_configs=configs, **config)


def story_markdown(settings: dict) -> Markdown:
    """The site's Markdown for story bodies: raw HTML is text, and any ASCII punctuation may be escaped with a
    backslash, as in CommonMark (ingest escapes `~`, which Python-Markdown alone would show with its backslash)."""
    markdown = markdown_from_settings(settings)
    for registry, name in RAW_HTML:
        if name in getattr(markdown, registry):
            getattr(markdown, registry).deregister(name)
    markdown.ESCAPED_CHARS = sorted(set(markdown.ESCAPED_CHARS) | set(string.punctuation))
    return markdown


@lru_cache(maxsize=1)
def default_story_markdown() -> Markdown:
    """The story Markdown of Pelican's default settings."""
    return story_markdown(DEFAULT_CONFIG)


def story_html(body: str, dateline: object = None, markdown: Markdown | None = None) -> str:
    """A story's body as sanitised HTML, the dateline run into its first paragraph; `markdown` is the site's
    (story_markdown), Pelican's default one when not given."""
    html = (markdown or default_story_markdown()).reset().convert(body)
    return with_dateline(nh3.clean(html, attributes=STORY_ATTRIBUTES, link_rel=None), dateline)


def with_dateline(content: str, dateline: object) -> str:
    """Run the dateline into the first paragraph as a bold lead-in, newspaper style."""
    if not dateline or not content.startswith("<p>"):
        return content
    return f'<p><strong class="dateline">{escape(str(dateline))}</strong> ' + content[len("<p>"):]


def teaser_of(lede: str | None, body_markdown: str, markdown: Markdown | None = None) -> str:
    """The lede, or the opening of the first paragraph when the story has no lede, as plain text: the paragraph
    is rendered by the site's story Markdown (`markdown`, as story_html) and read without its markup, so a
    hand-written story's emphasis, links and escapes never show as Markdown source."""
    if lede:
        return lede
    first = next((block for block in body_markdown.split("\n\n") if block and not LIST_OR_HEADING.match(block)), "")
    text = Markup(story_html(first, markdown=markdown)).striptags()
    if len(text) <= TEASER_CHARS:
        return text
    return text[:TEASER_CHARS].rsplit(" ", 1)[0] + "…"
