"""Pelican plugin: our front-matter reader, safe Markdown, typed tags, places, related stories, news metadata."""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import logging
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from feedgenerator import Rss201rev2Feed
from markdown_it_pyrs import MarkdownIt
from markupsafe import Markup, escape
from pelican import signals
from pelican.contents import Content
from pelican.generators import ArticlesGenerator
from pelican.readers import BaseReader
from pelican.urlwrappers import Author, Category, Tag, URLWrapper
from pelican.utils import SafeDatetime
from pelican.writers import FileOverwriteFailedError

from generator import pagination, search
from generator.incremental import join_shards
from generator.schema import read_story
from generator.search import script_json

logger = logging.getLogger(__name__)
TAG_TYPES = (("people", "People"), ("places", "Places"), ("organisations", "Organisations"), ("topics", "Topics"))
WORDS_PER_MINUTE = 230
TEASER_CHARS = 320
RELATED_MAX = 5
# Related stories look at this many stories on each side in time per shared tag, so the work stays
# O(stories x tags) even when one tag (say "Russia") is on every story.
RELATED_WINDOW = 50
PERIOD_KEY_SIZE = {"year": 1, "month": 2, "day": 3}
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


class FrontMatterReader(BaseReader):
    """Read content/*.md: YAML front matter (python-frontmatter, libyaml; checked by generator.schema) and a
    CommonMark body."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def __init__(self, settings: dict):
        super().__init__(settings)
        self.tags: dict[str, Tag] = {}  # one Tag per name, so that its slug is worked out once
        self.ahead: dict[str, tuple[str, dict]] = {}  # stories read ahead in parallel (generator.parallel_read)

    def tag(self, name: str) -> Tag:
        """The Tag of that name."""
        if name not in self.tags:
            self.tags[name] = Tag(name, self.settings)
        return self.tags[name]

    def read(self, source_path: str) -> tuple[str, dict]:
        if source_path in self.ahead:
            return self.ahead.pop(source_path)
        fields, body = read_story(source_path)  # checked against the front-matter schema, text cleaned
        content = story_html(body, fields.get("dateline"))
        return content, self.metadata_for(fields, body, source_path)

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


def newest_first(article) -> tuple[float, str]:
    """ARTICLE_ORDER_BY: newest first, stories of the same time by slug (what Pelican gives when it groups
    translations by slug first; we have no translations, so pelicanconf.py turns that quadratic step off)."""
    return -article.date.timestamp(), article.slug


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


def file_under_dateline_place(generator) -> None:
    """Tag every story with its dateline place too, so each place has a page and feeds; the place's Tag is kept
    as the story's `filed_from` (counted by place_index)."""
    settings = generator.settings
    for article in generator.articles:
        place = dateline_place(article)
        if not place:
            continue
        tag = article.filed_from = Tag(str(place), settings)
        if tag.slug in {existing.slug for existing in article.tags}:
            continue
        article.tags.append(tag)
        add_to_group(article.tag_groups, "Places", tag)


def dateline_place(article) -> str | None:
    """The place a story was filed from, under its tag name (`place_tag`: "Kyiv" for a "KIEV" dateline)."""
    return getattr(article, "place_tag", None) or getattr(article, "place", None)


def add_to_group(groups: list[tuple[str, list[Tag]]], label: str, tag: Tag) -> None:
    """Append a tag to its type's group, creating the group in TAG_TYPES order when missing."""
    order = [name for _, name in TAG_TYPES] + ["Tags"]
    for name, members in groups:
        if name == label:
            members.append(tag)
            return
    position = sum(1 for name, _ in groups if order.index(name) < order.index(label))
    groups.insert(position, (label, [tag]))


def relate_stories(generator) -> None:
    """Give each story `related`: up to RELATED_MAX earlier stories (story, shared tags), the "earlier coverage" a
    reader follows back; shared tags weighted by rarity. Only earlier stories, so a new story changes no older page."""
    articles = generator.articles
    slugs = [{tag.slug for tag in article.tags} for article in articles]
    postings: dict[str, list[int]] = defaultdict(list)
    for index, story_slugs in enumerate(slugs):
        for slug in story_slugs:
            postings[slug].append(index)
    limit = generator.settings.get("RELATED_MAX", RELATED_MAX)
    for index, article in enumerate(articles):
        scores: dict[int, float] = {}
        own = unique_tags(article.tags)
        for tag in own:
            positions = postings[tag.slug]
            tag_weight = rarity(len(positions) - bisect.bisect_left(positions, index))
            for other in earlier(positions, index, RELATED_WINDOW):
                scores[other] = scores.get(other, 0.0) + tag_weight
        best = [other for _, other in heapq.nsmallest(limit, [(-score, other) for other, score in scores.items()])]
        article.related = [(articles[other], [tag for tag in own if tag.slug in slugs[other]]) for other in best]


def rarity(uses: int) -> float:
    """The weight of a tag that `uses` stories carry, up to and including the story being related: rarer weighs
    more, in steps (uses doubling). Counted up to the story, not over the whole site, so that a newer story
    changes no older story's related list (nor every page listing those stories, in an incremental build)."""
    return 1.0 / uses.bit_length()


def unique_tags(tags: list[Tag]) -> list[Tag]:
    """The tags with repeated slugs left out, in order."""
    seen: set[str] = set()
    return [tag for tag in tags if not (tag.slug in seen or seen.add(tag.slug))]


def earlier(positions: list[int], index: int, window: int) -> list[int]:
    """Up to `window` stories filed before the one at `index` (positions are newest first, sorted)."""
    start = bisect.bisect_right(positions, index)
    return positions[start: start + window]


def place_index(generator) -> None:
    """Give templates `place_index`: every place tag with its story count and how many were filed from it."""
    types = generator.context.get("tag_types", {})
    datelined = Counter(article.filed_from.slug for article in generator.articles if hasattr(article, "filed_from"))
    places = [(tag, len(stories), datelined[tag.slug]) for tag, stories in generator.tags.items()
              if types.get(tag.slug) == "Places"]
    generator.context["place_index"] = sorted(places, key=lambda entry: (-entry[1], entry[0].name.casefold()))


def period_neighbours(generator) -> None:
    """Give templates `period_neighbours`: archive file -> (older, newer) archive of the same kind, or None, each
    as its URL and period only, so that a new story changes no archive page but its own periods'."""
    neighbours = {}
    for archives in generator.period_archives.values():
        links = [{"url": archive["url"], "period": archive["period"]} for archive in archives]
        for index, archive in enumerate(archives):
            newer = links[index - 1] if index > 0 else None
            older = links[index + 1] if index + 1 < len(archives) else None
            neighbours[archive["save_as"]] = (older, newer)
    generator.context["period_neighbours"] = neighbours


def absolute_url(settings: dict, path: str) -> str:
    """The public URL of a site path; a trailing index.html is dropped, as servers add it back."""
    return f"{settings['FEED_DOMAIN'].rstrip('/')}/{search.public_path(path)}"


def news_article(article, settings: dict) -> dict:
    """The schema.org NewsArticle of a story, for JSON-LD."""
    url = absolute_url(settings, article.url)
    agency = {"@type": "Organization", "name": article.author.name}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": Markup(article.title).unescape(),
        "description": article.teaser,
        "datePublished": article.date.isoformat(),
        "dateModified": getattr(article, "modified", article.date).isoformat(),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": getattr(article, "lang", None) or settings.get("DEFAULT_LANG", "en"),
        "isAccessibleForFree": True,
        "wordCount": article.word_count,
        "author": agency,
        "publisher": agency,
        "sourceOrganization": agency,
        "keywords": [tag.name for tag in article.tags],
    }
    if getattr(article, "dateline", None):
        data["dateline"] = str(article.dateline)
    place = getattr(article, "place", None)
    if place:
        region = getattr(article, "region", None)
        data["locationCreated"] = {"@type": "Place", "name": f"{place}, {region}" if region else str(place)}
    places = [tag.name for label, members in article.tag_groups if label == "Places" for tag in members]
    if places:
        data["contentLocation"] = [{"@type": "Place", "name": name} for name in places]
    return data


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
    computed only for the pages that are rendered) and `once` (see RenderedOnce)."""
    generator.env.filters["script_json"] = script_json
    generator.env.globals["once"] = RenderedOnce()
    generator.env.globals["absolute_url"] = lambda path: absolute_url(generator.settings, path)
    generator.env.globals["news_article"] = lambda article: news_article(article, generator.settings)


def add_reader(readers) -> None:
    """Let our reader handle .md files in place of Pelican's Markdown reader."""
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader


def remember(getter, name: str) -> property:
    """A read-only property that computes once per object (Pelican recomputes URLs on every access)."""
    slot = f"_newsdigest_{name}"

    def cached(self):
        values = self.__dict__
        if slot not in values:
            values[slot] = getter(self)
        return values[slot]

    return property(cached)


def cache_urls() -> None:
    """Story, tag and source URLs are fixed once read: compute each once instead of on every use."""
    for cls in (Content, URLWrapper):
        for name in ("url", "save_as"):
            current = cls.__dict__[name]
            if isinstance(current, property) and not getattr(current.fget, "__qualname__", "").startswith("remember"):
                setattr(cls, name, remember(current.fget, name))


def cache_date_formats() -> None:
    """Pelican formats a date in Python, one directive at a time (for a portable `%-d`), for every story and
    URL: remember each result, as a digest has hundreds of stories for each distinct day."""
    if getattr(SafeDatetime.strftime, "remembered", False):
        return
    pelican_strftime = SafeDatetime.strftime

    @lru_cache(maxsize=65536)
    def formatted(date: SafeDatetime, zone: object, fmt: str, safe: bool) -> str:
        return pelican_strftime(date, fmt, safe)

    def strftime(self: SafeDatetime, fmt: str, safe: bool = True) -> str:
        return formatted(self, self.tzinfo, fmt, safe)  # equal instants in two zones are written differently

    strftime.remembered = True
    SafeDatetime.strftime = strftime


def stream_pages(kind: str):
    """Pelican's generate_tags / generate_authors, with each page's stories put in date order in linear time
    (Pelican filters all stories once per tag or source: quadratic, minutes on a large digest)."""

    def generate(self, write) -> None:
        template = self.get_template(kind)
        position = {id(article): index for index, article in enumerate(self.dates)}
        groups = self.tags.items() if kind == "tag" else self.authors
        types = self.context.get("tag_types", {})
        for wrapper, articles in groups:
            dates = sorted({id(article): article for article in articles}.values(), key=lambda a: position[id(a)])
            own = {kind: wrapper, "tag_type": types.get(wrapper.slug, "Tags")} if kind == "tag" else {kind: wrapper}
            try:
                write(wrapper.save_as, template, self.context, url=wrapper.url, articles=articles, dates=dates,
                      template_name=kind, blog=True, page_name=wrapper.page_name, all_articles=self.articles, **own)
            except FileOverwriteFailedError:
                if wrapper.slug:
                    raise
                logger.info("%s %r has no usable slug: its page is not written", kind, str(wrapper))

    return generate


def fill_period_archives(build_archives):
    """Pelican's _build_period_archives, with each archive's stories found in one pass (Pelican filters every
    story once per day, month and year: quadratic, seconds at 10,000 stories)."""

    def build(self, sorted_articles, articles, settings):
        archives = build_archives(self, sorted_articles, [], settings)
        for granularity, entries in archives.items():
            by_period = {archive["period_num"]: archive for archive in entries}
            size = PERIOD_KEY_SIZE[granularity]
            for article in articles:
                by_period[(article.date.year, article.date.month, article.date.day)[:size]]["articles"].append(article)
        return archives

    if getattr(build_archives, "one_pass", False):
        return build_archives  # registered before: already in one pass
    build.one_pass = True
    return build


def search_bundles(generator) -> None:
    """Give the search page the months that have a Pagefind bundle, newest first."""
    generator.context["search_bundles"] = sorted({f"{article.date:%Y-%m}" for article in generator.articles}, reverse=True)


def finish_articles(generator, writer=None) -> None:
    """All stories' pages are written: gather the parallel writers, then index and map the site."""
    join_shards()
    search.finish_site(generator, writer)


def register() -> None:
    """Pelican plugin entry point."""
    cache_urls()
    cache_date_formats()
    ArticlesGenerator.generate_tags = stream_pages("tag")
    ArticlesGenerator.generate_authors = stream_pages("author")
    ArticlesGenerator._build_period_archives = fill_period_archives(ArticlesGenerator._build_period_archives)
    pagination.register()
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(add_template_helpers)
    signals.article_generator_pretaxonomy.connect(file_under_dateline_place)
    signals.article_generator_finalized.connect(tag_index)
    signals.article_generator_finalized.connect(place_index)
    signals.article_generator_finalized.connect(period_neighbours)
    signals.article_generator_finalized.connect(link_neighbours)
    signals.article_generator_finalized.connect(relate_stories)
    signals.article_generator_finalized.connect(search_bundles)
    signals.feed_generated.connect(mark_rss_guids)
    signals.article_writer_finalized.connect(finish_articles)
