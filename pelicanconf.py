"""Pelican settings for the newsdigest site; `pelican content -s pelicanconf.py` builds output/."""

import os
import sys

# Let `pelican content -s pelicanconf.py` find the generator package from a plain checkout too.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from generator.site.context import newest_first  # noqa: E402 - after the path is set
from generator.site.reader import FrontMatterReader  # noqa: E402

SITENAME = "newsdigest"
SITESUBTITLE = "Wire stories, tagged and indexed"
SITEURL = os.environ.get("NEWSDIGEST_SITE_URL", "http://localhost:8000").rstrip("/")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = True
DEFAULT_LANG = "en"
TIMEZONE = "UTC"
DEFAULT_DATE_FORMAT = "%A %-d %B %Y"
LOCALE = ("C.UTF-8", "C")  # English day and month names on every machine: builds are byte-identical

PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
ARTICLE_PATHS = [""]
# Pages (an About page): content/pages/about.md, written to pages/about.html and linked from the menu.
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
IGNORE_FILES = [".*", "__pycache__"]
# Our plugin (generator/site/): add other Pelican plugins after it.
PLUGINS = ["generator.site", "generator.search_index"]
# Stories and pages in content/ are Markdown with YAML front matter (pages may use Pelican's `Key: value` lines);
# an HTML file there is never read as a story (it may be a TEMPLATE_PAGES template).
READERS = {"md": FrontMatterReader, "markdown": FrontMatterReader, "html": None, "htm": None}
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}

# Stories keep day-based URLs: /YYYY/MM/DD/slug.html; archives per day, month and year.
ARTICLE_URL = ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{date:%d}/{slug}.html"
DAY_ARCHIVE_URL = "{date:%Y}/{date:%m}/{date:%d}/index.html"
DAY_ARCHIVE_SAVE_AS = DAY_ARCHIVE_URL
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/index.html"
MONTH_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_URL
YEAR_ARCHIVE_URL = "{date:%Y}/index.html"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL
ARCHIVES_SAVE_AS = "archives/index.html"

TAG_URL = TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_SAVE_AS = "tags/index.html"
# The source (agency) of a story is its Pelican author: pages and feeds per source for free.
AUTHOR_URL = AUTHOR_SAVE_AS = "source/{slug}/index.html"
AUTHORS_SAVE_AS = "sources/index.html"
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
DEFAULT_CATEGORY = "news"
PAGE_URL = PAGE_SAVE_AS = "pages/{slug}.html"
# Places: every place tag (dateline places are filed as place tags too), with counts and feeds.
PLACES_SAVE_AS = "places/index.html"
SEARCH_SAVE_AS = "search/index.html"
# "404" renders 404.html at the root, with absolute links so it works at any depth a server shows it.
DIRECT_TEMPLATES = ["index", "tags", "places", "authors", "archives", "search", "404"]
INDEX_SAVE_AS = "index.html"

# Lists show each event once and page from the oldest: every page after the first holds 40 events, the first
# page the newest 40 to 79 (generator/site/pagination.py).
DEFAULT_PAGINATION = 40
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/index.html", "{base_name}/page/{number}/index.html"),
)

# Feeds: site-wide (Atom, RSS and JSON Feed 1.1), per tag, place and source (Atom and RSS), with absolute URLs
# from SITEURL, each titled "SITENAME: subject" and linking its page; one OPML file lists every feed.
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
FEED_ALL_JSON = "feeds/all.json"
FEEDS_OPML_SAVE_AS = "feeds/feeds.opml"
FEED_ATOM = FEED_RSS = None
CATEGORY_FEED_ATOM = CATEGORY_FEED_RSS = None
TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None
TAG_FEED_ATOM = "tag/{slug}/atom.xml"
TAG_FEED_RSS = "tag/{slug}/rss.xml"
AUTHOR_FEED_ATOM = "source/{slug}/atom.xml"
AUTHOR_FEED_RSS = "source/{slug}/rss.xml"
FEED_MAX_ITEMS = 50  # the newest 50 stories per feed: readers poll; the pages hold the rest
RSS_FEED_SUMMARY_ONLY = False

SLUGIFY_SOURCE = "basename"
# Newest first; no translation groups (finding them compares every story with every other one).
ARTICLE_ORDER_BY = newest_first
ARTICLE_TRANSLATION_ID = None
SLUG_REGEX_SUBSTITUTIONS = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = False
OUTPUT_SOURCES = False
SUMMARY_MAX_LENGTH = None
TYPOGRIFY = False

# Findability: related stories per article, sitemap.xml, robots.txt and the search index (below).
# Canonical and OpenGraph URLs, JSON-LD, the sitemap and the 404 page use FEED_DOMAIN: the absolute site URL.
RELATED_MAX = 5
RELATED_DAYS = 365  # earlier coverage reaches back at most a year
SITEMAP_SAVE_AS = "sitemap.xml"
# Full-text search (generator.search_index, read by theme/static/js/find.js): the index's folder, and the tags.yaml
# whose aliases a query is widened with (Kiev finds what Kyiv finds).
SEARCH_DATA_PATH = "search/data"
SEARCH_ALIASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tags.yaml")

# Year used for datelines that state none, when neither a sidecar nor the file name gives it.
DEFAULT_YEAR = None
