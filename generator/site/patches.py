"""Everything of ours that replaces Pelican's code or reaches into its private parts, for speed, each applied only
to the code it was written for.

A `Patch` lists the functions it replaces or relies on, each with a hash of its source as it is in the releases
it was written for (Pelican PELICAN_VERSION, with feedgenerator and Python's XML writer as Pelican installs
them). `apply_patches()` runs whenever the plugin registers (once per build): a patch is applied when Pelican is
that version and every hash matches; any other patch is left off (and undone, if an earlier build applied it),
the build runs Pelican's own code, correct and slower, and one warning names what is off. No patch changes a byte
of the site: the tests build the same site with all of them off.

The patches: story, tag and source URLs computed once (Pelican formats them on every use); each date format
remembered (Pelican formats a date one directive at a time); tag and source pages and period archives listing
their stories in one pass (Pelican filters every story once per tag, source and period: quadratic); the writer's
hooks for page reuse, shared writing and feed entries made once (generator.site.writer); the read cache's file
stamps shared, and read ahead only into an empty read cache (generator.site.readahead)."""

from __future__ import annotations

import functools
import hashlib
import inspect
import io
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.sax.saxutils import XMLGenerator

import feedgenerator.django.utils.feedgenerator as feeds
import pelican
import pelican.utils
from feedgenerator import Atom1Feed, SyndicationFeed
from feedgenerator.django.utils.xmlutils import SimplerXMLGenerator
from pelican.cache import FileDataCacher, FileStampDataCacher
from pelican.contents import Article, Content
from pelican.generators import ArticlesGenerator
from pelican.urlwrappers import URLWrapper
from pelican.utils import SafeDatetime
from pelican.writers import FileOverwriteFailedError, Writer

logger = logging.getLogger(__name__)
PELICAN_VERSION = "4.12.0"
PERIOD_KEY_SIZE = {"year": 1, "month": 2, "day": 3}


@functools.lru_cache(maxsize=None)
def source_hash(value: object) -> str:
    """A short hash of a function's source (a property's getter; a partial's function and arguments), taken once
    per function object in a process."""
    if isinstance(value, property):
        value = value.fget
    if isinstance(value, functools.partial):
        return source_hash(value.func) + repr(sorted(value.keywords.items()))
    return hashlib.sha256(inspect.getsource(value).encode("utf-8")).hexdigest()[:16]


@dataclass
class Patch:
    """Replacements of attributes, applied only while the originals are the ones recorded in `hashes`."""

    purpose: str
    hashes: dict[str, str]  # "module.Owner.name" of each original replaced or relied on -> its source_hash
    replacements: list[tuple[object, str, Callable[[object], object]]] = field(default_factory=list)
    applied: bool = False

    def __post_init__(self) -> None:
        # What each replaced attribute was before any patch (None: inherited): undoing restores it.
        self.originals = {(owner, name): owner.__dict__.get(name) for owner, name, _ in self.replacements}

    def fits(self) -> bool:
        """Pelican is the version written for, and every original's source hashes as recorded."""
        return pelican.__version__ == PELICAN_VERSION and all(
            hash_now(name, self.originals) == expected for name, expected in self.hashes.items())

    def apply(self) -> None:
        for owner, name, make in self.replacements:
            setattr(owner, name, make(self.originals[(owner, name)]))
        self.applied = True

    def undo(self) -> None:
        for (owner, name), original in self.originals.items():
            if original is not None:
                setattr(owner, name, original)
            elif name in owner.__dict__:
                delattr(owner, name)
        self.applied = False


def hash_now(dotted: str, originals: dict) -> str | None:
    """The source hash of the attribute named module.Owner.name (its original, where a patch replaced it)."""
    owner_path, name = dotted.rsplit(".", 1)
    owner = RELIED_ON_OWNERS[owner_path]
    value = originals.get((owner, name), owner.__dict__.get(name) if hasattr(owner, "__dict__") else None)
    try:
        return source_hash(value) if value is not None else None
    except (OSError, TypeError):
        return None


# ---- URLs computed once --------------------------------------------------------------------------------------

def remember_as(name: str, of: property | None = None) -> Callable[[property | None], property]:
    """A replacement for a read-only property (`of`, else the one replaced): the same value, computed once per
    object."""

    def make(original: property | None) -> property:
        getter = (of or original).fget
        slot = f"_newsdigest_{name}"

        def cached(self):
            values = self.__dict__
            if slot not in values:
                values[slot] = getter(self)
            return values[slot]

        return property(cached)

    return make


# ---- dates formatted once ------------------------------------------------------------------------------------

def remembered_strftime(pelican_strftime: Callable) -> Callable:
    """SafeDatetime.strftime remembering each result: a digest formats the same few days thousands of times."""

    @functools.lru_cache(maxsize=65536)
    def formatted(date: SafeDatetime, zone: object, fmt: str, safe: bool) -> str:
        return pelican_strftime(date, fmt, safe)

    def strftime(self: SafeDatetime, fmt: str, safe: bool = True) -> str:
        return formatted(self, self.tzinfo, fmt, safe)  # equal instants in two zones are written differently

    return strftime


# ---- tag and source pages, period archives in one pass ------------------------------------------------------

def stream_pages(kind: str) -> Callable[[Callable], Callable]:
    """Pelican's generate_tags / generate_authors, each page's stories put in date order in linear time."""

    def make(original: Callable) -> Callable:
        def generate(self, write) -> None:
            template = self.get_template(kind)
            position = {id(article): index for index, article in enumerate(self.dates)}
            groups = self.tags.items() if kind == "tag" else self.authors
            for wrapper, articles in groups:
                dates = sorted({id(article): article for article in articles}.values(), key=lambda a: position[id(a)])
                try:
                    write(wrapper.save_as, template, self.context, url=wrapper.url, articles=articles, dates=dates,
                          template_name=kind, blog=True, page_name=wrapper.page_name, all_articles=self.articles,
                          **{kind: wrapper})
                except FileOverwriteFailedError:
                    if wrapper.slug:
                        raise
                    logger.info("%s %r has no usable slug: its page is not written", kind, str(wrapper))

        return generate

    return make


def one_pass_archives(original: Callable) -> Callable:
    """Pelican's _build_period_archives, each archive's stories found in one pass over the stories."""

    def build(self, sorted_articles, articles, settings):
        archives = original(self, sorted_articles, [], settings)
        for granularity, entries in archives.items():
            by_period = {archive["period_num"]: archive for archive in entries}
            size = PERIOD_KEY_SIZE[granularity]
            for article in articles:
                by_period[(article.date.year, article.date.month, article.date.day)[:size]]["articles"].append(article)
        return archives

    return build


# ---- the writer's hooks ---------------------------------------------------------------------------------------

class WriterHooks:
    """Pelican's Writer private methods, for generator.site.writer.SiteWriter: a page another process writes is
    not written (`discard`), an unchanged page is linked from the previous build (`link`), and, where
    FEED_ENTRIES fits too, feed entries are made once (FeedEntries)."""

    fast = True

    def _open_w(self, filename, encoding, override=False):
        relative = os.path.relpath(filename, self.output_path)
        if self.discard == relative:
            self.discard = None
            return open(os.devnull, "w", encoding=encoding)
        if self.link == relative:
            self.link = None
            self.pages.link(relative, filename)
            self._written_files.add(filename)
            return open(os.devnull, "w", encoding=encoding)
        return super()._open_w(filename, encoding, override)

    def _create_new_feed(self, feed_type, feed_title, context):
        feed = super()._create_new_feed(feed_type, feed_title, context)
        if not FEED_ENTRIES.applied:
            return feed
        if not hasattr(self, "feed_entries"):
            self.feed_entries = FeedEntries()
        return self.feed_entries.use_in(feed)

    def _add_item_to_the_feed(self, feed, item):
        if not FEED_ENTRIES.applied:
            return super()._add_item_to_the_feed(feed, item)
        return self.feed_entries.add(feed, item, self.site_url, super()._add_item_to_the_feed)


@functools.lru_cache(maxsize=None)
def fast_writer(base: type) -> type:
    """The writer class with WriterHooks over `base`."""
    return type(f"Fast{base.__name__}", (WriterHooks, base), {"__module__": base.__module__})


class FeedEntries:
    """A build's feed entries, by feed type, story and site URL, and the XML of each.

    A story is in the site's feeds, its source's and each of its tags' feeds, and feedgenerator builds and
    serialises its entry again for each. Here the entry feedgenerator built for a story is kept, with the XML
    feedgenerator wrote for it; every later feed with that story copies the XML. An entry is one dict shared by
    every feed of that type with the story: a `feed_generated` handler may replace a field (the XML is then written
    again), but what it sets is seen by every feed, so it must set the same for all (ours marks RSS guids as not
    permalinks) and not change a field's list in place."""

    def __init__(self) -> None:
        self.entries: dict[tuple, dict] = {}
        self.xml: dict[int, tuple[dict, dict, str]] = {}  # id(entry) -> (entry, its fields when written, XML)

    def add(self, feed: SyndicationFeed, story, site_url: str, build: Callable[[SyndicationFeed, object], None]) -> None:
        """Put the story's entry in the feed: the one made before for this feed type, or a new one by build()."""
        key = (type(feed), story, site_url)
        entry = self.entries.get(key)
        if entry is None:
            build(feed, story)
            self.entries[key] = feed.items[-1]
        else:
            feed.items.append(entry)

    def use_in(self, feed: SyndicationFeed) -> SyndicationFeed:
        """Make the feed write its entries from this cache."""
        feed.write_items = lambda handler: self.write_items(feed, handler)
        return feed

    def write_items(self, feed: SyndicationFeed, handler: SimplerXMLGenerator) -> None:
        """feedgenerator's write_items, with each entry's XML written once and copied after."""
        for entry in feed.items:
            handler._finish_pending_start_element()  # as startElement would: close the tag before
            handler._write(self.entry_xml(feed, entry))

    def entry_xml(self, feed: SyndicationFeed, entry: dict) -> str:
        """The entry's XML as feedgenerator writes it; written again if a feed_generated handler has replaced
        one of its fields since (ours sets the same value in every feed)."""
        known = self.xml.get(id(entry))
        if known is None or known[1] != entry:
            element = "entry" if isinstance(feed, Atom1Feed) else "item"
            text = io.StringIO()
            handler = SimplerXMLGenerator(text, "utf-8", short_empty_elements=True)
            handler.startElement(element, feed.item_attributes(entry))
            feed.add_item_elements(handler, entry)
            handler.endElement(element)
            known = self.xml[id(entry)] = (entry, dict(entry), text.getvalue())
        return known[2]


# ---- the read cache's file stamps ---------------------------------------------------------------------------

def read_cache_is_empty(generator) -> bool:
    """The generator's readers start with nothing in Pelican's read cache (a first build)."""
    return not getattr(generator.readers, "_cache", None)


def share_file_stamps(generator, stamp_of: Callable[[Callable], Callable]) -> Callable | None:
    """Give Pelican's read caches (the generator's and its readers') the stamping function stamp_of(theirs)
    makes; returns theirs (None when they stamp nothing)."""
    theirs = getattr(generator.readers, "_filestamp_func", None)
    if theirs is None:
        return None
    shared = stamp_of(theirs)
    for cacher in (generator.readers, generator):  # the generator stamps too, though it caches nothing here
        if getattr(cacher, "_filestamp_func", None) is not None:
            cacher._filestamp_func = shared
    return shared


# ---- the patches and their guard --------------------------------------------------------------------------------

RELIED_ON_OWNERS = {
    "pelican.contents.Content": Content,
    "pelican.urlwrappers.URLWrapper": URLWrapper,
    "pelican.utils.SafeDatetime": SafeDatetime,
    "pelican.utils": pelican.utils,
    "pelican.generators.ArticlesGenerator": ArticlesGenerator,
    "pelican.writers.Writer": Writer,
    "pelican.cache.FileDataCacher": FileDataCacher,
    "pelican.cache.FileStampDataCacher": FileStampDataCacher,
    "feedgenerator.SyndicationFeed": SyndicationFeed,
    "feedgenerator.RssFeed": feeds.RssFeed,
    "feedgenerator.Atom1Feed": feeds.Atom1Feed,
    "feedgenerator.SimplerXMLGenerator": SimplerXMLGenerator,
    "xml.sax.saxutils.XMLGenerator": XMLGenerator,
}

URLS_ONCE = Patch(
    "story, tag and source URLs computed once",
    {
        "pelican.contents.Content.url": "7fd9b8dd55c6030b",
        "pelican.contents.Content.save_as": "4df34b66c0bf99bf",
        "pelican.contents.Content.get_url_setting": "e0eb063bf0a5ae24",
        "pelican.contents.Content._expand_settings": "371c714a24a4cdd7",
        "pelican.urlwrappers.URLWrapper.url": "3f019ee963ab3ece[('key', 'URL')]",
        "pelican.urlwrappers.URLWrapper.save_as": "3f019ee963ab3ece[('key', 'SAVE_AS')]",
        "pelican.urlwrappers.URLWrapper._from_settings": "3f019ee963ab3ece",
    },
    # Stories' URLs, not every Content's: a static file's location may still move ({attach}) after it was read.
    [(Article, "url", remember_as("url", Content.__dict__["url"])),
     (Article, "save_as", remember_as("save_as", Content.__dict__["save_as"])),
     (URLWrapper, "url", remember_as("url")), (URLWrapper, "save_as", remember_as("save_as"))],
)
DATES_ONCE = Patch(
    "each date format remembered",
    {
        "pelican.utils.SafeDatetime.strftime": "b74e03f1fab79c9a",
        "pelican.utils.strftime": "0b3c59004b3eaa07",
    },
    [(SafeDatetime, "strftime", remembered_strftime)],
)
LISTS_IN_ONE_PASS = Patch(
    "tag and source pages and period archives listing their stories in one pass",
    {
        "pelican.generators.ArticlesGenerator.generate_tags": "37f65d284c713dd4",
        "pelican.generators.ArticlesGenerator.generate_authors": "982c57fcfcf0435e",
        "pelican.generators.ArticlesGenerator._build_period_archives": "c19e3024444c4c43",
    },
    [(ArticlesGenerator, "generate_tags", stream_pages("tag")),
     (ArticlesGenerator, "generate_authors", stream_pages("author")),
     (ArticlesGenerator, "_build_period_archives", one_pass_archives)],
)
WRITER_HOOKS = Patch(
    "unchanged pages reused, pages shared among processes",
    {
        "pelican.writers.Writer.write_file": "6a604ad67bbeec99",
        "pelican.writers.Writer._open_w": "69700ea0b4668663",
        "pelican.writers.Writer.write_feed": "a3b5bc0d0a446c10",
    },
)
FEED_ENTRIES = Patch(
    "feed entries made once",
    {
        "pelican.writers.Writer._create_new_feed": "bc35a96207b4780b",
        "pelican.writers.Writer._add_item_to_the_feed": "c52ed4daa728c7bc",
        "feedgenerator.SyndicationFeed.item_attributes": "16da97a5a37204c7",
        "feedgenerator.RssFeed.write": "ebca16375ba34e5b",
        "feedgenerator.RssFeed.write_items": "41a87a18ff91f6aa",
        "feedgenerator.Atom1Feed.write": "0fea57f52532cc08",
        "feedgenerator.Atom1Feed.write_items": "621de3e7dc946117",
        "feedgenerator.SimplerXMLGenerator.startElement": "8ccdb8cf50f828ee",
        "xml.sax.saxutils.XMLGenerator._finish_pending_start_element": "62e499e9c55bbc38",
        "xml.sax.saxutils.XMLGenerator.__init__": "1faa55697680b40b",
    },
)
READ_CACHE = Patch(
    "stories read ahead on every process, each file stamped once",
    {
        "pelican.cache.FileDataCacher.__init__": "0e94df62b258a9c2",
        "pelican.cache.FileStampDataCacher.__init__": "f37211462c4b3e80",
        "pelican.cache.FileStampDataCacher._get_file_stamp": "771a0b92fd2c314a",
    },
)
PATCHES = (URLS_ONCE, DATES_ONCE, LISTS_IN_ONE_PASS, WRITER_HOOKS, FEED_ENTRIES, READ_CACHE)


def apply_patches() -> list[Patch]:
    """Apply every patch that fits the installed Pelican, undo the others; one warning names those left off.
    Returns the patches left off."""
    off = [patch for patch in PATCHES if not patch.fits()]
    for patch in PATCHES:
        if patch in off:
            patch.undo()
        elif not patch.applied:
            patch.apply()
    if off:
        logger.warning("newsdigest: speed-ups written for Pelican %s are off on Pelican %s, whose code differs (%s): "
                       "Pelican's own code runs instead, slower, for the same site", PELICAN_VERSION,
                       pelican.__version__, "; ".join(patch.purpose for patch in off))
    return off
