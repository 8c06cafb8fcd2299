"""Pelican plugin: our front-matter reader, safe Markdown, and the typed-tag context for the theme."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from pathlib import Path
from xml.etree.ElementTree import Element

import frontmatter
import markdown
from feedgenerator import Rss201rev2Feed
from markupsafe import Markup, escape
from markdown.treeprocessors import Treeprocessor
from pelican import signals
from pelican.readers import BaseReader
from pelican.urlwrappers import Author, Tag

TAG_TYPES = (("people", "People"), ("places", "Places"), ("organisations", "Organisations"), ("topics", "Topics"))
WORDS_PER_MINUTE = 230
TEASER_CHARS = 320
SAFE_URL = re.compile(r"^(?:https?:|mailto:|#|/|\.{0,2}/|[^:]*$)", re.IGNORECASE)


class _DropUnsafeLinks(Treeprocessor):
    """Remove href/src values whose scheme could run code (javascript:, data:, vbscript:)."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not SAFE_URL.match(value.strip()):
                    del element.attrib[attribute]


def make_markdown() -> markdown.Markdown:
    """A Markdown converter that shows raw HTML literally instead of passing it through."""
    converter = markdown.Markdown(extensions=[], output_format="html")
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    converter.treeprocessors.register(_DropUnsafeLinks(converter), "drop_unsafe_links", 0)
    return converter


def with_dateline(content: str, dateline: object) -> str:
    """Run the dateline into the first paragraph as a bold lead-in, newspaper style."""
    if not dateline or not content.startswith("<p>"):
        return content
    return f'<p><strong class="dateline">{escape(str(dateline))}</strong> ' + content[len("<p>"):]


def teaser_of(lede: str | None, body_markdown: str) -> str:
    """The lede, or the opening of the first paragraph when the story has no lede, as plain text."""
    if lede:
        return lede
    first = next((block for block in body_markdown.split("\n\n") if block and not block.startswith("#")), "")
    text = markdown_to_text(first)
    if len(text) <= TEASER_CHARS:
        return text
    return text[:TEASER_CHARS].rsplit(" ", 1)[0] + "…"


def markdown_to_text(source: str) -> str:
    """Undo our Markdown escaping of one block so it reads as the seed's text."""
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!>|])", r"\1", source)
    return text.replace("&lt;", "<").replace("&amp;", "&")


class FrontMatterReader(BaseReader):
    """Read content/*.md: YAML front matter (python-frontmatter, libyaml) and a Markdown body, converted once."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def __init__(self, settings: dict):
        super().__init__(settings)
        self._markdown = make_markdown()

    def read(self, source_path: str) -> tuple[str, dict]:
        post = frontmatter.load(source_path)
        self._markdown.reset()
        content = with_dateline(self._markdown.convert(post.content), post.metadata.get("dateline"))
        return content, self.metadata_for(post.metadata, post.content, source_path)

    def metadata_for(self, fields: dict, body: str, source_path: str) -> dict:
        """Pelican metadata from our front matter: escaped title/summary, Tag and Author objects."""
        settings = self.settings
        title = str(fields.get("title") or Path(source_path).stem)
        lede = fields.get("summary")
        teaser = teaser_of(str(lede) if lede else None, body)
        metadata = {key: value for key, value in fields.items() if key not in ("title", "summary", "date", "tags")}
        metadata["title"] = Markup(escape(title))
        metadata["lede"] = str(lede) if lede else None
        metadata["teaser"] = teaser
        metadata["summary"] = Markup(escape(teaser))
        metadata["date"] = as_datetime(fields.get("date"), source_path)
        metadata["day"] = metadata["date"].date()
        tags = [Tag(str(name), settings) for name in fields.get("tags") or []]
        metadata["tags"] = tags
        metadata["tag_groups"] = group_tags(tags, fields)
        source = str(fields.get("source") or "Unknown source")
        metadata["author"] = Author(source, settings)
        metadata["authors"] = [metadata["author"]]
        words = len(body.split())
        metadata["word_count"] = words
        metadata["reading_time"] = max(1, math.ceil(words / WORDS_PER_MINUTE))
        return metadata


def as_datetime(value: object, source_path: str) -> dt.datetime:
    """The story date as a naive datetime; Pelican adds the site's TIMEZONE."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{source_path}: front matter 'date' must be an ISO date (YYYY-MM-DD), not {value!r}")


def group_tags(tags: list[Tag], fields: dict) -> list[tuple[str, list[Tag]]]:
    """The story's tags grouped by type, in rank order; tags of no known type go under 'Tags'."""
    by_name = {tag.name.casefold(): tag for tag in tags}
    placed: set[str] = set()
    groups = []
    for key, label in TAG_TYPES:
        members = []
        for name in fields.get(key) or []:
            tag = by_name.get(str(name).casefold())
            if tag is not None and tag.slug not in placed:
                members.append(tag)
                placed.add(tag.slug)
        if members:
            groups.append((label, members))
    rest = [tag for tag in tags if tag.slug not in placed]
    if rest:
        groups.append(("Tags", rest))
    return groups


def tag_index(generator) -> None:
    """Give templates `tag_groups`: every tag with its type and story count, grouped by type."""
    counts: Counter = Counter()
    types: dict[str, str] = {}
    tags: dict[str, Tag] = {}
    for article in generator.articles:
        for label, members in article.tag_groups:
            for tag in members:
                counts[tag.slug] += 1
                types.setdefault(tag.slug, label)
                tags[tag.slug] = tag
    grouped = []
    for _, label in (*TAG_TYPES, ("tags", "Tags")):
        members = sorted((tag for slug, tag in tags.items() if types[slug] == label), key=lambda t: (-counts[t.slug], t.name.casefold()))
        if members:
            grouped.append((label, [(tag, counts[tag.slug]) for tag in members]))
    generator.context["tag_groups"] = grouped
    generator.context["tag_types"] = types


def link_neighbours(generator) -> None:
    """Give each story its older and newer neighbour in time (Pelican sorts `articles` newest first)."""
    articles = generator.articles
    for index, article in enumerate(articles):
        article.newer_article = articles[index - 1] if index > 0 else None
        article.older_article = articles[index + 1] if index + 1 < len(articles) else None


def mark_rss_guids(context, feed) -> None:
    """RSS guids are tag: URIs, not URLs: say so (isPermaLink="false"), as RSS 2.0 requires."""
    if isinstance(feed, Rss201rev2Feed):
        for item in feed.items:
            item["unique_id_is_permalink"] = False


def add_reader(readers) -> None:
    """Let our reader handle .md files in place of Pelican's Markdown reader."""
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader


def register() -> None:
    """Pelican plugin entry point."""
    signals.readers_init.connect(add_reader)
    signals.article_generator_finalized.connect(tag_index)
    signals.article_generator_finalized.connect(link_neighbours)
    signals.feed_generated.connect(mark_rss_guids)
