"""Feeds as a subscriber expects them: each titled by the site and its subject ("newsdigest: Sergey Lavrov") and
linking its own page, a JSON Feed 1.1 of the whole site beside its Atom and RSS feeds, and an OPML file listing
every feed, to subscribe to many at once.

Pelican writes the Atom and RSS feeds (FEED_MAX_ITEMS entries each, one per story, newest first; an entry's
date carries the filing time where the front matter gives one). `feed_subjects` (article_generator_finalized)
names the subject and page of each feed, `name_feed` (feed_generated) gives them to the feed before it is
written, and `write_json_feed_and_opml` (finalized) writes the two other files."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

from feedgenerator import get_tag_uri
from markupsafe import Markup

from generator.files import SafeWriter
from generator.site.metadata import absolute_url, original_url
from generator.site.run import run_of

SUBJECTS = "newsdigest_feed_subjects"  # in the context: feed URL -> FeedSubject
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
OPML_FOLDERS = (("Atom", "atom"), ("RSS", "rss"), ("JSON Feed", "json"))


class FeedSubject:
    """What a feed is about: its subject's name, the page that lists its stories, a description, and its kind
    (the site, a source, or a tag's type) for the OPML file."""

    def __init__(self, name: str, page: str, description: str, kind: str):
        self.name, self.page, self.description, self.kind = name, page, description, kind


def feed_subjects(generator) -> None:
    """Name the subject and page of every feed Pelican will write: the site's, each source's and each tag's."""
    settings, context = generator.settings, generator.context
    site = settings["SITENAME"]
    subjects: dict[str, tuple[str, FeedSubject]] = {}

    def add(patterns: tuple[str, ...], subject: FeedSubject, **values: str) -> None:
        for kind in ("atom", "rss", "json"):
            pattern = dict(zip(("atom", "rss", "json"), patterns)).get(kind)
            if pattern:
                subjects[absolute_url(settings, pattern.format(**values))] = (kind, subject)

    add(site_feeds(settings), FeedSubject("all stories", "index.html", f"Every story on {site}, newest first", "Site"))
    for author, _ in generator.authors:
        add((settings.get("AUTHOR_FEED_ATOM"), settings.get("AUTHOR_FEED_RSS")),
            FeedSubject(author.name, author.url, f"Stories from {author.name} on {site}", "Sources"), slug=author.slug)
    for tag in generator.tags:
        add((settings.get("TAG_FEED_ATOM"), settings.get("TAG_FEED_RSS")),
            FeedSubject(tag.name, tag.url, f"Stories {phrase(tag)} {tag.name} on {site}", tag_kind(tag)), slug=tag.slug)
    context[SUBJECTS] = subjects


def site_feeds(settings: dict) -> tuple[str | None, str | None, str | None]:
    """The site's Atom, RSS and JSON feeds (each may be off)."""
    return settings.get("FEED_ALL_ATOM"), settings.get("FEED_ALL_RSS"), settings.get("FEED_ALL_JSON")


def tag_kind(tag) -> str:
    """The type of a tag, as the tags page groups it."""
    return getattr(tag, "group", None) or "Tags"


def phrase(tag) -> str:
    """How a feed's description says what its stories have to do with the tag."""
    return "about or filed from" if tag_kind(tag) == "Places" else "tagged"


def name_feed(context: dict, feed) -> None:
    """Pelican's feed_generated: the feed's title "site: subject", its page as its link, its own URL as its
    Atom id (Pelican gives every feed the site's address for both), its description and language."""
    known = (context.get(SUBJECTS) or {}).get(feed.feed.get("feed_url"))
    if known is None:
        return
    _, subject = known
    feed.feed["title"] = f"{context['SITENAME']}: {subject.name}"
    feed.feed["link"] = absolute_url(context, subject.page)
    feed.feed["id"] = feed.feed["feed_url"]
    feed.feed["description"] = feed.feed["subtitle"] = subject.description
    feed.feed["language"] = context.get("DEFAULT_LANG")


def write_json_feed_and_opml(pelican) -> None:
    """Pelican's finalized: the site's JSON Feed and the OPML file of every feed, when their settings name them."""
    run, settings = run_of(pelican.settings), pelican.settings
    if run.articles is None:
        return
    files = SafeWriter(Path(pelican.output_path))
    subjects = run.articles.context.get(SUBJECTS) or {}
    if settings.get("FEED_ALL_JSON"):
        files.write_text(settings["FEED_ALL_JSON"], json_feed(run.articles.articles, settings))
    if settings.get("FEEDS_OPML_SAVE_AS"):
        files.write_text(settings["FEEDS_OPML_SAVE_AS"], opml(subjects, settings))


def json_feed(articles: list, settings: dict) -> str:
    """The site's newest FEED_MAX_ITEMS stories as a JSON Feed 1.1 document."""
    site = settings["SITENAME"]
    document = {
        "version": JSON_FEED_VERSION,
        "title": f"{site}: all stories",
        "home_page_url": absolute_url(settings, "index.html"),
        "feed_url": absolute_url(settings, settings["FEED_ALL_JSON"]),
        "description": f"Every story on {site}, newest first",
        "language": settings.get("DEFAULT_LANG") or "en",
        "items": [json_item(article, settings) for article in articles[: settings.get("FEED_MAX_ITEMS")]],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def json_item(article, settings: dict) -> dict:
    """One story as a JSON Feed item; its id is the tag: URI its Atom entry has."""
    url = absolute_url(settings, article.url)
    item = {
        "id": get_tag_uri(url, article.date),
        "url": url,
        "title": Markup(article.title).unescape(),
        "content_html": article.get_content(settings["FEED_DOMAIN"]),
        "summary": article.teaser or "",
        "date_published": article.date.isoformat(),
        "authors": [{"name": article.author.name}],
        "tags": [tag.name for tag in getattr(article, "shown_tags", article.tags)],
        "language": getattr(article, "lang", None) or settings.get("DEFAULT_LANG") or "en",
    }
    if getattr(article, "modified", None):
        item["date_modified"] = article.modified.isoformat()
    original = original_url(article)
    if original:
        item["external_url"] = original
    return item


def opml(subjects: dict[str, tuple[str, FeedSubject]], settings: dict) -> str:
    """An OPML 2.0 subscription list of every feed: a folder per format (Atom, RSS, JSON Feed), the site's feed
    first, then sources, then tags by type, each by name."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = f"{settings['SITENAME']}: every feed"
    ElementTree.SubElement(head, "docs").text = "http://opml.org/spec2.opml"
    body = ElementTree.SubElement(root, "body")
    order = {"Site": 0, "Sources": 1}
    for label, kind in OPML_FOLDERS:
        feeds = sorted(((url, subject) for url, (feed_kind, subject) in subjects.items() if feed_kind == kind),
                       key=lambda entry: (order.get(entry[1].kind, 2), entry[1].kind, entry[1].name.casefold(), entry[0]))
        if not feeds:
            continue
        folder = ElementTree.SubElement(body, "outline", text=f"{label} feeds")
        for url, subject in feeds:
            name = f"{settings['SITENAME']}: {subject.name}"
            ElementTree.SubElement(folder, "outline", type="rss", text=name, title=name, xmlUrl=url,
                                   htmlUrl=absolute_url(settings, subject.page), description=subject.description,
                                   category=f"/{subject.kind}")
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"
