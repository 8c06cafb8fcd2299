"""Findability of the built site: the Pagefind full-text index, the from-disk story list, sitemap.xml, robots.txt."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

from markupsafe import Markup

from generator.errors import BuildError
from generator.files import SafeWriter, scratch_folder
from generator.site.metadata import public_path
from generator.site.parallel import WRITE_PROCESSES
from generator.site.reuse import PageKeys, link_previous
from generator.site.run import run_of
from generator.site.templates import script_json

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
PAGEFIND_DIR = "pagefind"
PAGEFIND_BODY = "data-pagefind-body"
STORY_LIST = "search/stories.js"
STORY_PAGE = re.compile(r"\d{4}/\d{2}/\d{2}/[^/]+\.html")
# Pages that are not worth a search engine's visit: they say "not found" or need a query.
UNLISTED = {"404.html", "search/index.html"}


def finish_site(pelican) -> None:
    """Pelican's finalized: once every page is written (Pelican's, its plugins'), the story list, sitemap,
    robots.txt and the search index."""
    run = run_of(pelican.settings)
    if run.articles is None:
        return
    articles, settings = run.articles.articles, pelican.settings
    output = Path(pelican.output_path)
    files = SafeWriter(output)
    files.write_text(settings.get("SEARCH_STORIES_SAVE_AS", STORY_LIST), story_list(articles))
    sitemap_name = settings.get("SITEMAP_SAVE_AS", "sitemap.xml")
    site_url = settings["FEED_DOMAIN"].rstrip("/") + "/"
    unlisted = {article.save_as for article in (*run.articles.hidden_articles, *run.articles.drafts)}  # Pelican's
    files.write_text(sitemap_name, sitemap(output, articles, site_url, unlisted))  # hidden stories and drafts
    files.write_text("robots.txt", robots(site_url + sitemap_name))
    if settings.get("SEARCH_INDEX", True):
        pages = getattr(run.writer, "pages", None)
        previous = pages.previous if pages is not None and Path(run.writer.output_path) == output else None
        changed = (lambda month, listed: search_input_changed(month, listed, pages, output, previous)) if previous else None
        index_site(output, changed, previous, int(settings.get(WRITE_PROCESSES) or 1), unlisted)


def story_list(articles: list) -> str:
    """A script that sets `newsdigestStories` to [url, title, date, place, source, teaser, tags] rows."""
    rows = [[article.url, Markup(article.title).unescape(), article.locale_date, getattr(article, "place", None) or "",
             article.author.name, article.teaser or "", [tag.name for tag in article.tags]] for article in articles]
    return f"window.newsdigestStories={script_json(rows)};\n"


def site_pages(output: Path) -> list[str]:
    """Every HTML page of the built site worth listing, as paths relative to its root, sorted."""
    pages = (path.relative_to(output).as_posix() for path in output.rglob("*.html"))
    return sorted(page for page in pages if page not in UNLISTED and not page.startswith(PAGEFIND_DIR + "/"))


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


def index_site(site: Path, changed: Callable[[str, list[str]], bool] | None = None, previous: Path | None = None,
               processes: int = 1, unlisted: set[str] = frozenset()) -> list[str]:
    """Build the Pagefind index of the stories into one bundle per month, site/pagefind/YYYY-MM/.

    Bundles bound Pagefind's memory by a month of stories and let a rebuild index only the months whose stories
    changed (`changed(month, its story pages)`); the others are linked from the previous build. Returns the
    months indexed."""
    by_month: dict[str, list[str]] = {}
    for page in (page for page in story_pages(site) if page not in unlisted):
        by_month.setdefault(page[:7], []).append(page)
    months = sorted(by_month)
    fresh = [month for month in months if previous is None or changed is None or changed(month, by_month[month])
             or not (previous / PAGEFIND_DIR / month.replace("/", "-")).is_dir()]
    for month in months:
        if month not in fresh:
            link_tree(previous / PAGEFIND_DIR / month.replace("/", "-"), site / PAGEFIND_DIR / month.replace("/", "-"))
    run_pagefind(site, {month: by_month[month] for month in fresh}, max(1, processes))
    return fresh


def story_pages(site: Path) -> list[str]:
    """The story pages of a built site (YYYY/MM/DD/slug.html), relative to it."""
    pages = (path.relative_to(site).as_posix() for path in site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*.html"))
    return sorted(page for page in pages if is_story_page(page))


def is_story_page(page: str) -> bool:
    """A path relative to the site is a story page: YYYY/MM/DD/slug.html, not a day's index.html."""
    return STORY_PAGE.fullmatch(page) is not None and not page.endswith("/index.html")


def search_input_changed(month: str, pages: list[str], keys: PageKeys, site: Path, previous: Path) -> bool:
    """Whether a month's search bundle must be built again: a story page of the month added or gone since the
    previous build, or one rendered afresh whose indexed part (its slim copy) differs from the previous build's.
    A story page is rendered again when only what Pagefind leaves out changed, as its link to a newer story."""
    before = {page for page in keys.old_keys if page.startswith(month + "/") and is_story_page(page)}
    if before != set(pages):
        return True
    return any(slim_text(site / page) != slim_text(previous / page) for page in pages if page in keys.rendered)


def slim_text(path: Path) -> str | None:
    """The slim copy of a page (see slim_page), None when it cannot be read."""
    try:
        return slim_page(path.read_text(encoding="utf-8"))
    except OSError:
        return None


def run_pagefind(site: Path, months: dict[str, list[str]], processes: int) -> None:
    """Run Pagefind for each month (YYYY/MM -> its story pages), a few at a time, on slim copies of the pages
    (see slim_pages); a failure names the month and Pagefind's reason."""
    from pagefind.service import get_executable

    executable = get_executable()
    if executable is None:
        raise BuildError("search index: the pagefind binary is missing; install pagefind[bin] (see pyproject.toml)")
    with scratch_folder("newsdigest-search-") as folder:
        slim, pending, running = Path(folder), list(months), []
        while pending or running:
            while pending and len(running) < processes:
                month = pending.pop(0)
                slim_pages(site, slim, months[month])
                command = [str(executable), "--site", str(slim), "--glob", f"{month}/[0-9][0-9]/*.html",
                           "--output-path", str(site / PAGEFIND_DIR / month.replace("/", "-")), "--silent"]
                running.append((month, subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)))
            month, process = running.pop(0)
            output, _ = process.communicate()
            shutil.rmtree(slim / month, ignore_errors=True)
            if process.returncode != 0:
                for _, other in running:
                    other.kill()
                reason = output.strip().splitlines()
                raise BuildError(f"search index: pagefind failed on {month}: {reason[-1] if reason else process.returncode}")


def slim_pages(site: Path, slim: Path, pages: list[str]) -> None:
    """Copy story pages to slim/, each cut down to what Pagefind indexes: the <html> tag (its lang),
    the title and the element marked data-pagefind-body. Pagefind builds the same index from them with a
    quarter less work; a page without one such element is copied whole."""
    for page in pages:
        text = (site / page).read_text(encoding="utf-8")
        target = slim / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(slim_page(text), encoding="utf-8")


def slim_page(text: str) -> str:
    """The page's <html> tag, <title> and data-pagefind-body element, or the whole page when that element
    cannot be cut out safely (none, several, or one nested in an element of its own name)."""
    marker = text.find(PAGEFIND_BODY)
    start = text.rfind("<", 0, marker)
    name = text[start + 1:marker].split(None, 1)[0] if marker > 0 and start >= 0 else ""
    end = text.find(f"</{name}>", marker)
    body = text[start:end + len(name) + 3] if name.isalnum() and end > 0 else ""
    if not body or text.count(PAGEFIND_BODY) != 1 or body.count(f"<{name}") != 1:
        return text
    html = re.search(r"<html\b[^>]*>", text)
    title = re.search(r"<title>.*?</title>", text, re.DOTALL)
    return (f"{html.group(0) if html else '<html>'}<head>{title.group(0) if title else ''}</head>"
            f"<body>{body}</body></html>")


def link_tree(source: Path, target: Path) -> None:
    """Recreate a folder of the previous build in this one with hard links (copies where links fail)."""
    for path in sorted(source.rglob("*")):
        destination = target / path.relative_to(source)
        if path.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
        else:
            destination.parent.mkdir(parents=True, exist_ok=True)
            link_previous(path, destination)
