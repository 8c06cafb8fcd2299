"""Benchmark of search: the index's share of a build, its size, and query latency in a browser.

    .venv/bin/python bench/search.py --n 10000 [--work bench/work] [--seed 0] [--browser] [--pagefind-single]

In <work>/search-n<N>/ (kept between runs: seeds are made only when missing) it ingests and builds the site in
this process, as `newsdigest build` does, and times the ingest, the site build, and inside it the search index
(generator.search_index: its `index_stories`) and Pagefind (generator.site.search: `index_site`, when
SEARCH_INDEX is on): the full build (every seed ingested again, every page built), a rebuild with nothing
changed, one story added (dated the next day) and a day's 100 stories added (bench/run.py's add-one and
add-day). It prints the index's files and sizes. --browser serves the site from a local HTTP server and times
queries in Chromium (Playwright): from the address with ?q= to the results shown, with a cold cache, and the
bytes of index files each query loaded. --pagefind-single times Pagefind indexing every story page in one
bundle. Nothing is asserted; figures go to bench/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import synth

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator.site import search as pagefind_search  # noqa: E402
from generator.build import build_site  # noqa: E402
from generator.ingest import ingest  # noqa: E402
from generator.search_index import plugin as index_plugin  # noqa: E402

SITE_URL = "http://localhost:8000/"
ADDITIONS = (("add-one", 1, dt.date(synth.YEAR + 1, 1, 1)), ("add-day", 100, dt.date(synth.YEAR + 1, 1, 2)))
QUERIES = ("Putin", "oil", "minister", "said", "Sergey Lavrov", "Kiev", "central bank rate", "Kelobu", "xyzzy")
PROJECT_FILES = ("pelicanconf.py", "tags.yaml", "theme")


def timed(module, name: str, spent: dict[str, float]) -> None:
    """Make module.name add its wall time to spent[name] on every call."""
    original = getattr(module, name)

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - start

    setattr(module, name, wrapper)


def prepare(work: Path, n: int, seed: int) -> None:
    """The project's settings, taxonomy and theme (always fresh), and N seeds ingested (made when missing, and
    those an earlier run added removed)."""
    work.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source, target = PROJECT / name, work / name
        if source.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    seeds = work / "seeds"
    for path in seeds.glob("*"):  # stories an earlier run added
        if int(path.stem.rsplit("-", 1)[-1]) >= n:
            path.unlink()
    if len(list(seeds.glob("*.txt"))) != n:
        shutil.rmtree(seeds, ignore_errors=True)
        shutil.rmtree(work / "content", ignore_errors=True)
        synth.synthesise(seeds, n, seed)
    print(f"bench: {n} seeds", flush=True)


def build(work: Path, spent: dict[str, float], force: bool = False) -> dict[str, float]:
    """Ingest and build work/ as `newsdigest build` does (everything again with force): wall and CPU seconds
    (this process and its workers) of the ingest, the site build, and the search index and Pagefind in it."""
    spent.clear()
    before, start = os.times(), time.perf_counter()
    ingest(work / "seeds", work / "content", taxonomy_path=work / "tags.yaml", force=force)
    ingested = time.perf_counter()
    built = build_site(work / "content", work / "output", settings_file=work / "pelicanconf.py", site_url=SITE_URL,
                       force=force)
    after, end = os.times(), time.perf_counter()
    while any(work.glob(".newsdigest-trash-*")):  # the replaced site is deleted in the background: let it go
        time.sleep(0.5)
    cpu = sum(after[:4]) - sum(before[:4])
    print(f"bench: ingest {ingested - start:.2f} s, site {end - ingested:.2f} s (index {spent.get('index_stories', 0.0):.2f} s)",
          flush=True)
    return {"built": built, "ingest": ingested - start, "site": end - ingested, "wall": end - start, "cpu": cpu,
            "index": spent.get("index_stories", 0.0),
            "pagefind": spent.get("index_site", 0.0)}


def add_seeds(work: Path, count: int, seed: int, date: dt.date) -> None:
    """`count` more seeds, the next indices, all dated `date`."""
    start = len(list((work / "seeds").glob("*.txt")))
    synth.synthesise(work / "seeds", count, seed, start=start, date=date)


def index_sizes(output: Path) -> str:
    """Files and sizes of the search index, by kind of part."""
    folder = output / "search" / "data"
    kinds: dict[str, list[int]] = {}
    for path in folder.glob("*.js"):
        kinds.setdefault(path.stem.rstrip("0123456789") or path.stem, []).append(path.stat().st_size)
    lines = []
    for kind, sizes in sorted(kinds.items()):
        lines.append(f"  {kind:5} {len(sizes):5} files {sum(sizes) / 1024:9.1f} KB  median {statistics.median(sizes) / 1024:6.1f} KB"
                     f"  largest {max(sizes) / 1024:6.1f} KB")
    total = sum(size for sizes in kinds.values() for size in sizes)
    state = (output / index_plugin.STATE_FILE).stat().st_size
    pagefind = sum(path.stat().st_size for path in (output / "pagefind").rglob("*") if path.is_file()) if (output / "pagefind").is_dir() else 0
    lines.append(f"  total {total / 2**20:.2f} MB in {sum(map(len, kinds.values()))} files; build state {state / 1024:.0f} KB;"
                 f" Pagefind bundles {pagefind / 2**20:.2f} MB")
    return "\n".join(lines)


def pagefind_single(output: Path) -> str:
    """Pagefind on every story page at once, into a scratch folder: wall and CPU seconds."""
    from pagefind.service import get_executable

    target = output.parent / "pagefind-single"
    shutil.rmtree(target, ignore_errors=True)
    before, start = os.times(), time.perf_counter()
    subprocess.run([str(get_executable()), "--site", str(output), "--glob", "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*.html",
                    "--output-path", str(target), "--silent"], check=True)
    after = os.times()
    shutil.rmtree(target, ignore_errors=True)
    return f"{time.perf_counter() - start:.1f} s wall, {after[2] + after[3] - before[2] - before[3]:.1f} CPU-s"


def browser_latency(output: Path) -> list[str]:
    """Each query timed in a fresh browser context (cold cache) against a local HTTP server of the site."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(QuietHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/search/index.html"
    lines = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for query in QUERIES:
                lines.append(time_query(browser, url, query))
            browser.close()
    finally:
        server.shutdown()
    return lines


def time_query(browser, url: str, query: str) -> str:
    """One query from a cold cache: milliseconds to the results, index bytes loaded, the status line."""
    context = browser.new_context()
    page = context.new_page()
    loaded: list[int] = []
    page.on("response", lambda response: "/search/data/" in response.url and loaded.append(len(response.body())))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    start = time.perf_counter()
    page.evaluate("query => { history.pushState(null, '', '?q=' + encodeURIComponent(query)); "
                  "dispatchEvent(new PopStateEvent('popstate')); }", query)
    page.wait_for_function("() => { const s = document.getElementById('search-status').textContent; "
                           "return s && !s.startsWith('Searching'); }", timeout=60_000)
    milliseconds = (time.perf_counter() - start) * 1000
    status = page.inner_text("#search-status")
    context.close()
    return f"  {query!r:22} {milliseconds:7.0f} ms  {len(loaded):3} files {sum(loaded) / 1024:7.1f} KB  {status}"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that logs nothing."""

    def log_message(self, format, *args) -> None:  # noqa: A002 - the name http.server gives it
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=PROJECT / "bench" / "work")
    parser.add_argument("--browser", action="store_true", help="time queries in Chromium")
    parser.add_argument("--pagefind-single", action="store_true", help="time Pagefind on all stories in one bundle")
    args = parser.parse_args(argv)
    work = args.work.resolve() / f"search-n{args.n}"
    prepare(work, args.n, args.seed)
    spent: dict[str, float] = {}
    timed(index_plugin, "index_stories", spent)
    timed(pagefind_search, "index_site", spent)
    rows = [("full build", build(work, spent, force=True)), ("no-change", build(work, spent))]
    for label, count, date in ADDITIONS:
        add_seeds(work, count, args.seed, date)
        rows.append((label, build(work, spent)))
    full = rows[0][1]
    print(f"\nN = {args.n} ({time.strftime('%Y-%m-%d %H:%M %Z')}, load {os.getloadavg()[0]:.1f}); x = share of the full build's wall time")
    print(f"{'':12} {'ingest s':>8} {'site s':>8} {'total s':>8} {'CPU s':>8} {'/ full':>7} {'index s':>8} {'/ full':>7} {'Pagefind s':>10}")
    for label, row in rows:
        print(f"{label:12} {row['ingest']:8.2f} {row['site']:8.2f} {row['wall']:8.2f} {row['cpu']:8.2f} {row['wall'] / full['wall']:6.3f}x"
              f" {row['index']:8.2f} {row['index'] / full['wall']:6.3f}x {row['pagefind']:10.2f}"
              + ("" if row["built"] else "  (site: nothing to do)"))
    print("\nsearch index files (search/data):")
    print(index_sizes(work / "output"))
    if args.pagefind_single:
        print(f"\nPagefind, every story in one bundle: {pagefind_single(work / 'output')}")
    if args.browser:
        print("\nqueries in Chromium, cold cache, local HTTP server:")
        print("\n".join(browser_latency(work / "output")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
