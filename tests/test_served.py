"""No broken internal link on the corpus site, served by a real nginx under /digest/ and opened from disk."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree

import lxml.html

from checktools import Site
from sitecheck import broken_links

pytest_plugins = ["corpus_site"]

CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def fetch(url: str) -> tuple[int, str, bytes]:
    """GET a URL: status, content type and body (also for error statuses)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), b""


def links_of(url: str, content_type: str, body: bytes) -> list[str]:
    """Absolute URLs (without fragment) that an HTML page or a stylesheet refers to."""
    if content_type == "text/html":
        found = [link for _, _, link, _ in lxml.html.fromstring(body).iterlinks()]
    elif content_type == "text/css":
        found = CSS_URL.findall(body.decode("utf-8"))
    else:
        return []
    return [urldefrag(urljoin(url, link.strip())).url for link in found if not link.startswith("data:")]


def crawl(start: str) -> tuple[dict[str, int], list[str]]:
    """Follow every same-origin link from start: status per URL, and links that leave the site's folder."""
    origin = urlsplit(start)._replace(path="", query="", fragment="").geturl()
    folder = start[: start.rindex("/") + 1]
    statuses: dict[str, int] = {}
    escapes: list[str] = []
    queue = [start]
    while queue:
        url = queue.pop()
        if url in statuses:
            continue
        status, content_type, body = fetch(url)
        statuses[url] = status
        for link in links_of(url, content_type, body):
            if not link.startswith(origin + "/"):
                continue
            if not link.startswith(folder):
                escapes.append(f"{url} -> {link}")
            elif link not in statuses:
                queue.append(link)
    return statuses, escapes


def test_nginx_answers_404_for_a_missing_page(served_site: Site) -> None:
    assert fetch(served_site.url + "index.html")[0] == 200
    assert fetch(served_site.url + "no-such-story.html")[0] == 404


def test_every_link_resolves_when_served_under_a_subpath(served_site: Site) -> None:
    statuses, escapes = crawl(served_site.url + "index.html")
    pages = [url for url in statuses if url.endswith(".html")]
    assert len(pages) > 111, f"the crawl reached only {len(pages)} pages"
    assert served_site.url + "feeds/all.atom.xml" in statuses
    broken = sorted(f"{status} {url}" for url, status in statuses.items() if status != 200)
    assert broken == [], "\n".join(broken[:40])
    assert escapes == [], "\n".join(escapes[:40])


def test_every_sitemap_address_is_served(served_site: Site) -> None:
    status, _, body = fetch(served_site.url + "sitemap.xml")
    assert status == 200, "no sitemap.xml"
    locations = [element.text.strip() for element in ElementTree.fromstring(body).iter(f"{SITEMAP_NS}loc")]
    assert served_site.url + "index.html" in locations or served_site.url in locations
    outside = [url for url in locations if not url.startswith(served_site.url)]
    assert outside == []
    broken = [f"{status} {url}" for url in locations if (status := fetch(url)[0]) != 200]
    assert broken == [], "\n".join(broken[:40])


def test_every_link_resolves_from_disk(corpus_site: Site) -> None:
    assert broken_links(corpus_site.output) == []
