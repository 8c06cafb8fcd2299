"""News metadata of a story for search engines and link previews: its schema.org NewsArticle (JSON-LD) and the
absolute URLs that canonical and OpenGraph links, JSON-LD and the sitemap use (from FEED_DOMAIN); RSS guids
marked as what they are."""

from __future__ import annotations

from urllib.parse import urlsplit

from feedgenerator import Rss201rev2Feed
from markupsafe import Markup


def public_path(page: str) -> str:
    """The path a server answers for a page: folder URLs without their index.html."""
    return page[: -len("index.html")] if page == "index.html" or page.endswith("/index.html") else page


def absolute_url(settings: dict, path: str) -> str:
    """The public URL of a site path; a trailing index.html is dropped, as servers add it back."""
    return f"{settings['FEED_DOMAIN'].rstrip('/')}/{public_path(path)}"


def original_url(article) -> str | None:
    """The address of the story where its agency published it (front matter `source_url`, from a sidecar or the
    seed), when it is an absolute http or https URL; anything else (a `javascript:` link, a path) is ignored."""
    value = getattr(article, "source_url", None)
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    unsafe = any(character.isspace() or character in '<>"' for character in value)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or unsafe:
        return None
    return value


def host_of(url: str) -> str:
    """The site a URL is on, as a reader names it: `www.reuters.com` is reuters.com."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


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
        "keywords": [tag.name for tag in getattr(article, "shown_tags", article.tags)],
    }
    original = original_url(article)
    if original:
        data["isBasedOn"] = original
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


def mark_rss_guids(context, feed) -> None:
    """Pelican's feed_generated: RSS guids are tag: URIs, not URLs: say so (isPermaLink="false"), as RSS 2.0
    requires."""
    if isinstance(feed, Rss201rev2Feed):
        for item in feed.items:
            item["unique_id_is_permalink"] = False
