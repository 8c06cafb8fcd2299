"""What the theme's templates get beyond Pelican's context: filters and globals, and compiled templates kept
between builds. Handlers of Pelican's generator_init signal."""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup

from generator.site.coverage import also, as_items, filed_label
from generator.site.metadata import absolute_url, host_of, news_article, original_url

SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
COMPILED_TEMPLATES = "templates"  # beside the build's read cache (CACHE_PATH)


def script_json(value: object) -> Markup:
    """JSON for a <script> element: <, >, & and line separators escaped so no tag can close it early."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in SCRIPT_UNSAFE.items():
        text = text.replace(character, escaped)
    return Markup(text)


class RenderedOnce:
    """`once(macro, page_key, story, ...)`: a macro's output for a story, rendered once per page_key (SITEURL).

    A story's entry in a list reads only the story and the page's depth, and a big digest shows each story in ten
    or more lists (front page, day, month, year, tags, place, source): render it once, not each time."""

    def __init__(self) -> None:
        self.rendered: dict[tuple, Markup] = {}  # stories hash by identity (Pelican's Content has no __eq__)

    def __call__(self, macro, page_key: str, story, *arguments) -> Markup:
        key = (macro.name, page_key, story, *arguments)
        if key not in self.rendered:
            self.rendered[key] = macro(story, *arguments)
        return self.rendered[key]


def add_template_helpers(generator) -> None:
    """Give templates the `script_json` filter, `absolute_url(path)`, `news_article(article)` (its JSON-LD,
    computed only for the pages that are rendered) and `once` (see RenderedOnce); and the filters of lists and
    stories: `as_items` (a list's stories as its items, an event once), `also` (the other versions under an
    item's story, with their labels), `filed` (a story's filing time), `original_url` and `host` (the original
    story's address)."""
    generator.env.filters["script_json"] = script_json
    generator.env.filters.update(as_items=as_items, also=also, filed=filed_label, original_url=original_url,
                                 host=host_of)
    generator.env.globals["once"] = RenderedOnce()
    generator.env.globals["absolute_url"] = lambda path: absolute_url(generator.settings, path)
    generator.env.globals["news_article"] = lambda article: news_article(article, generator.settings)


def keep_compiled_templates(generator) -> None:
    """When the build keeps a read cache (generator.build does), keep the compiled templates beside it, so that a
    rebuild, and each writer process, loads them instead of compiling the theme again. Jinja checks each
    template's source before using its cached code."""
    settings = generator.settings
    if settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE"):
        folder = Path(settings["CACHE_PATH"]) / COMPILED_TEMPLATES
        folder.mkdir(parents=True, exist_ok=True)
        generator.env.bytecode_cache = FileSystemBytecodeCache(str(folder))
