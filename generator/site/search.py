"""Findability of the built site: sitemap.xml and robots.txt (the full-text search index is generator.search_index)."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from generator.files import SafeWriter
from generator.site.metadata import public_path
from generator.site.run import run_of

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# Pages that are not worth a search engine's visit: they say "not found" or need a query.
UNLISTED = {"404.html", "search/index.html"}


def finish_site(pelican) -> None:
    """Pelican's finalized: once every page is written (Pelican's, its plugins'), sitemap.xml and robots.txt."""
    run = run_of(pelican.settings)
    if run.articles is None:
        return
    settings = pelican.settings
    output = Path(pelican.output_path)
    files = SafeWriter(output)
    sitemap_name = settings.get("SITEMAP_SAVE_AS", "sitemap.xml")
    site_url = settings["FEED_DOMAIN"].rstrip("/") + "/"
    unlisted = {article.save_as for article in (*run.articles.hidden_articles, *run.articles.drafts)}  # Pelican's
    files.write_text(sitemap_name, sitemap(output, run.articles.articles, site_url, unlisted))  # hidden stories and drafts
    files.write_text("robots.txt", robots(site_url + sitemap_name))


def site_pages(output: Path) -> list[str]:
    """Every HTML page of the built site worth listing, as paths relative to its root, sorted."""
    pages = (path.relative_to(output).as_posix() for path in output.rglob("*.html"))
    return sorted(page for page in pages if page not in UNLISTED)


def sitemap(output: Path, articles: list, site_url: str, unlisted: set[str] = frozenset()) -> str:
    """sitemap.xml for every page of the site but the unlisted, with the story's date as lastmod for stories."""
    modified = {article.url: getattr(article, "modified", article.date) for article in articles}
    ElementTree.register_namespace("", SITEMAP_NS)
    urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    for page in (page for page in site_pages(output) if page not in unlisted):
        entry = ElementTree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ElementTree.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = site_url + public_path(page)
        if page in modified:
            ElementTree.SubElement(entry, f"{{{SITEMAP_NS}}}lastmod").text = modified[page].date().isoformat()
    ElementTree.indent(urlset)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(urlset, encoding="unicode") + "\n"


def robots(sitemap_url: str) -> str:
    """robots.txt that lets every crawler in and names the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n"
