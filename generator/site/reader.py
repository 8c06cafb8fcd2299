"""Read stage: content/*.md to Pelican's (content, metadata), for stories and for pages.

A story is Markdown with YAML front matter written by ingest (python-frontmatter): its metadata is ours (escaped
title and summary, typed tags, the source as Pelican's author). A page (a file under one of PAGE_PATHS, such as
content/pages/about.md) is the site owner's: its front matter may be YAML or Pelican's own `Key: value` lines,
and it is read as Pelican's Markdown reader reads one, with no date needed."""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from pathlib import Path

import frontmatter
from markupsafe import Markup, escape
from pelican.readers import BaseReader, MarkdownReader
from pelican.urlwrappers import Author, Category, Tag

from generator.schema import BoundedYAML, read_story
from generator.filed import at_filing_time
from generator.site.markup import markdown_from_settings, story_html, story_markdown, teaser_of

TAG_TYPES = (("people", "People"), ("places", "Places"), ("organisations", "Organisations"), ("topics", "Topics"))
WORDS_PER_MINUTE = 230
YAML_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n")


class FrontMatterReader(BaseReader):
    """Pelican's reader for .md files (READERS in pelicanconf.py): stories and pages."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def __init__(self, settings: dict):
        super().__init__(settings)
        self.tags: dict[str, Tag] = {}  # one Tag per name, so that its slug is worked out once
        self.ahead: dict[str, tuple[str, dict]] = {}  # stories read ahead in parallel (generator.site.readahead)
        self.markdown = story_markdown(settings)

    def read(self, source_path: str) -> tuple[str, dict]:
        if source_path in self.ahead:
            return self.ahead.pop(source_path)
        if self.is_page(source_path):
            return self.read_page(source_path)
        fields, body = read_story(source_path)  # checked against the front-matter schema, text cleaned
        content = story_html(body, fields.get("dateline"), self.markdown)
        return content, self.metadata_for(fields, body, source_path)

    def tag(self, name: str) -> Tag:
        """The Tag of that name."""
        if name not in self.tags:
            self.tags[name] = Tag(name, self.settings)
        return self.tags[name]

    def metadata_for(self, fields: dict, body: str, source_path: str) -> dict:
        """A story's Pelican metadata from its front matter: escaped title/summary, Tag and Author objects."""
        settings = self.settings
        title = str(fields.get("title") or Path(source_path).stem)
        lede = fields.get("summary")
        teaser = teaser_of(str(lede) if lede else None, body, self.markdown)
        metadata = {key: value for key, value in fields.items() if key not in ("title", "summary", "date", "tags")}
        metadata["title"] = Markup(escape(title))
        metadata["lede"] = str(lede) if lede else None
        metadata["teaser"] = teaser
        metadata["summary"] = Markup(escape(teaser))
        metadata["date"] = at_filing_time(as_datetime(fields.get("date"), source_path), fields.get("time"))
        metadata["day"] = metadata["date"].date()
        if fields.get("updated"):  # Pelican's name for it: the page says "Updated", feeds and sitemap use it
            metadata["modified"] = as_datetime(fields["updated"], source_path)
        tags = [self.tag(str(name)) for name in fields.get("tags") or []]
        metadata["tags"] = tags
        metadata["tag_groups"] = group_tags(tags, fields)
        source = str(fields.get("source") or "Unknown source")
        metadata["author"] = Author(source, settings)
        metadata["authors"] = [metadata["author"]]
        if metadata.get("status") == "draft":  # Pelican's draft pages need one; with no category pages none is set
            metadata["category"] = Category(settings["DEFAULT_CATEGORY"], settings)
        words = len(body.split())
        metadata["word_count"] = words
        metadata["reading_time"] = max(1, math.ceil(words / WORDS_PER_MINUTE))
        return metadata

    def is_page(self, source_path: str) -> bool:
        """The file lies under one of PAGE_PATHS: a page, not a story."""
        path = os.path.abspath(source_path)
        root = os.path.abspath(self.settings["PATH"])
        return any(path.startswith(os.path.join(root, folder, "")) for folder in self.settings.get("PAGE_PATHS") or [])

    def read_page(self, source_path: str) -> tuple[str, dict]:
        """A page as Pelican's Markdown reader reads it; YAML front matter is taken as its `Key: value` lines."""
        text = Path(source_path).read_text(encoding="utf-8-sig")
        if not YAML_FRONT_MATTER.match(text):
            return MarkdownReader(self.settings).read(source_path)
        post = frontmatter.loads(text, handler=BoundedYAML(source_path))  # no alias bomb
        markdown = markdown_from_settings(self.settings)
        formatted = self.settings["FORMATTED_FIELDS"]
        metadata = {}
        for key, value in post.metadata.items():
            name = key.lower()
            if name in formatted:
                metadata[name] = self.process_metadata(name, markdown.reset().convert(as_text(value)))
            else:
                metadata[name] = self.process_metadata(name, as_text(value))
        return markdown.reset().convert(post.content), metadata


def as_text(value: object) -> object:
    """A YAML value as Pelican's `Key: value` reader would give it: dates in ISO form, list items as text."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [str(item) for item in value]
    return value if isinstance(value, str) else str(value)


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
