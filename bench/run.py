"""Benchmark: newsdigest on N synthetic seeds against stock Pelican 4.12 on the same Markdown.

    make bench N=1000          # or: .venv/bin/python bench/run.py --n 1000 [--work bench/work] [--seed 0]

In bench/work/n<N>/ (replaced on every run) it writes N synthetic seeds (bench/synth.py), copies the project's
pelicanconf.py, tags.yaml and theme/, and times, each as a subprocess run from that folder as a user would:

  ours   `newsdigest ingest` (seeds to content/), then `newsdigest build` (ingest with nothing to do, then the
         site); then `newsdigest build` again with nothing changed; then one more seed and `newsdigest build`
         (add-one); then a day's 100 more seeds, all of one new day, and `newsdigest build` (add-day).
  stock  `pelican` with its default theme (notmyidea) and default settings plus site, tag and category Atom
         feeds, no plugin, on our content/ converted to Pelican's native Markdown metadata (Title/Date/Slug/
         Author/Tags/Summary); then, with Pelican's content cache on, a cold build, a no-change rebuild and
         the add-one and add-day rebuilds with the same extra stories.

Each figure is wall time, the peak RSS of the whole process tree (sampled every 20 ms, RSS summed over the
process and its workers, so pages shared after fork count once per process) and the largest single process
(exact, from wait4). Nothing is asserted: the run prints the figures and saves them as results.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import frontmatter

import synth

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PROJECT_FILES = ("pelicanconf.py", "tags.yaml", "theme")
SITE_URL = "http://localhost:8000/"
SAMPLE_SECONDS = 0.02
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")

STOCK_SETTINGS = {
    "AUTHOR": "newsdigest bench",
    "SITENAME": "Stock Pelican baseline",
    "SITEURL": SITE_URL.rstrip("/"),
    "PATH": "content",
    "TIMEZONE": "UTC",
    "DEFAULT_LANG": "en",
    "FEED_ALL_ATOM": "feeds/all.atom.xml",
    "CATEGORY_FEED_ATOM": "feeds/{slug}.atom.xml",
    "TAG_FEED_ATOM": "feeds/tag/{slug}.atom.xml",
}
STOCK_CACHE = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}


@dataclass
class Measure:
    """One timed command: wall and CPU seconds, peak RSS of its process tree and largest process (MB), load after."""

    label: str
    seconds: float
    cpu_seconds: float
    tree_rss_mb: float
    max_rss_mb: float
    load: float


@dataclass
class Site:
    """What a build left in its output folder."""

    files: int
    megabytes: float


@dataclass
class Results:
    """Every figure of one benchmark run."""

    n: int
    seed: int
    machine: dict
    ours: dict[str, Measure] = field(default_factory=dict)
    stock: dict[str, Measure] = field(default_factory=dict)
    ours_site: Site | None = None
    stock_site: Site | None = None


def machine(project: Path) -> dict:
    """Cores, CPU model, RAM, Python and Pelican versions of this machine, and the project measured."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    pelican = subprocess.run([str(BIN / "pelican"), "--version"], capture_output=True, text=True).stdout.strip()
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": round(memory / 2**20, 1), "python": platform.python_version(),
            "pelican": pelican, "date": time.strftime("%Y-%m-%d %H:%M %Z"), "project": str(project),
            "commit": commit(project)}


def commit(project: Path) -> str | None:
    """The project's git commit, marked '+changes' when its working tree differs; None outside git."""
    head = subprocess.run(["git", "-C", str(project), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    if head.returncode != 0 or not (project / ".git").exists():
        return None
    dirty = subprocess.run(["git", "-C", str(project), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return head.stdout.strip() + ("+changes" if dirty else "")


def tree_rss(root: int) -> int:
    """Bytes of RSS summed over a process and all its descendants (0 once it has gone)."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        tree.update(children)
        frontier.extend(children)
    total = 0
    for pid in tree:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            pass
    return total


def run_measured(label: str, command: list[str], cwd: Path, env: dict | None = None) -> Measure:
    """Run a command in cwd, its output to logs/<label>.log; time it and sample its tree's memory."""
    log_path = cwd / "logs" / f"{label}.log"
    log_path.parent.mkdir(exist_ok=True)
    peak = 0
    with open(log_path, "w") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env)
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.wait(SAMPLE_SECONDS):
                peak = max(peak, tree_rss(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log_path.read_text(errors="replace").splitlines()[-15:]
        raise SystemExit(f"bench: {label} failed (exit {process.returncode}): {' '.join(command)}\n" + "\n".join(tail))
    largest = usage.ru_maxrss * 1024
    cpu = usage.ru_utime + usage.ru_stime
    return Measure(label, round(seconds, 3), round(cpu, 3), round(max(peak, largest) / 2**20, 1),
                   round(largest / 2**20, 1), os.getloadavg()[0])


def site_size(output: Path) -> Site:
    """Number of files and megabytes under a built site."""
    sizes = [path.stat().st_size for path in output.rglob("*") if path.is_file()]
    return Site(len(sizes), round(sum(sizes) / 2**20, 1))


def prepare(work: Path, project: Path, n: int, seed: int) -> None:
    """A fresh work folder: the project's settings, taxonomy and theme, and N synthetic seeds."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = project / name
        if source.is_dir():
            shutil.copytree(source, work / name)
        else:
            shutil.copy2(source, work / name)
    start = time.perf_counter()
    synth.synthesise(work / "seeds", n, seed)
    print(f"bench: {n} seeds synthesised in {time.perf_counter() - start:.1f} s into {work / 'seeds'}")


def stock_markdown(path: Path) -> tuple[str, str]:
    """One of our content files as a Pelican-native Markdown file: (file name, text)."""
    post = frontmatter.load(path)
    fields = {
        "Title": post.get("title"),
        "Date": post.get("date"),
        "Slug": post.get("slug"),
        "Author": post.get("source"),
        "Tags": ", ".join(str(tag).replace(",", " ") for tag in post.get("tags") or []),
        "Summary": post.get("summary"),
    }
    header = "".join(f"{key}: {' '.join(str(value).split())}\n" for key, value in fields.items() if value)
    return f"{post.get('slug') or path.stem}.md", f"{header}\n{post.content}\n"


def convert_content(content: Path, stock_content: Path) -> int:
    """Convert every content file not yet converted; return how many were written."""
    stock_content.mkdir(parents=True, exist_ok=True)
    written = 0
    for path in sorted(content.rglob("*.md")):
        if any(part.startswith(".") for part in path.relative_to(content).parts):
            continue
        name, text = stock_markdown(path)
        target = stock_content / name
        if not target.exists():
            target.write_text(text, encoding="utf-8")
            written += 1
    return written


def settings_text(settings: dict) -> str:
    """A Pelican settings file for these values."""
    return "".join(f"{key} = {value!r}\n" for key, value in settings.items())


def pelican(settings: str) -> list[str]:
    """The stock pelican command for one settings file of the stock folder."""
    return [str(BIN / "pelican"), "content", "-s", settings, "-o", "output", "-q"]


def project_env(project: Path) -> dict:
    """The environment for our commands: the measured project's generator package comes first."""
    return os.environ | {"PYTHONPATH": os.pathsep.join(filter(None, [str(project), os.environ.get("PYTHONPATH")]))}


def bench_ours(work: Path, project: Path, results: Results) -> None:
    """Full build (ingest, then build), then the no-change rebuild."""
    newsdigest, env = str(BIN / "newsdigest"), project_env(project)
    build = [newsdigest, "build", "--site-url", SITE_URL]
    results.ours["ingest"] = run_measured("ours-ingest", [newsdigest, "ingest"], work, env)
    results.ours["build"] = run_measured("ours-build", build, work, env)
    results.ours_site = site_size(work / "output")
    results.ours["no-change"] = run_measured("ours-no-change", build, work, env)


def bench_stock_full(work: Path, results: Results) -> Path:
    """Stock Pelican on the converted content, no cache; returns the stock folder."""
    stock = work / "stock"
    stock.mkdir()
    (stock / "pelicanconf.py").write_text(settings_text(STOCK_SETTINGS))
    (stock / "cacheconf.py").write_text(settings_text(STOCK_SETTINGS | STOCK_CACHE))
    count = convert_content(work / "content", stock / "content")
    print(f"bench: {count} content files converted to Pelican's native metadata in {stock / 'content'}")
    results.stock["build"] = run_measured("stock-build", pelican("pelicanconf.py"), stock)
    results.stock_site = site_size(stock / "output")
    shutil.rmtree(stock / "output")
    results.stock["cache-cold"] = run_measured("stock-cache-cold", pelican("cacheconf.py"), stock)
    results.stock["no-change"] = run_measured("stock-no-change", pelican("cacheconf.py"), stock)
    return stock


# The additions, in order: label, how many seeds, their date (each after every story before it).
ADDITIONS = (("add-one", 1, dt.date(synth.YEAR + 1, 1, 1)), ("add-day", 100, dt.date(synth.YEAR + 1, 1, 2)))


def bench_added(work: Path, project: Path, stock: Path, results: Results, label: str, count: int, date: dt.date) -> None:
    """`count` more seeds, the next indices, all dated `date`: our rebuild, then stock's cached rebuild."""
    start = len(list((work / "seeds").glob("*.txt")))
    synth.synthesise(work / "seeds", count, results.seed, start=start, date=date)
    build = [str(BIN / "newsdigest"), "build", "--site-url", SITE_URL]
    results.ours[label] = run_measured(f"ours-{label}", build, work, project_env(project))
    if convert_content(work / "content", stock / "content") != count:
        raise SystemExit(f"bench: the {label} seeds did not give exactly {count} new content files")
    results.stock[label] = run_measured(f"stock-{label}", pelican("cacheconf.py"), stock)


def ratio(ours: float, stock: float) -> str:
    """ours/stock as '0.42x'."""
    return f"{ours / stock:.2f}x" if stock else "-"


def combined(first: Measure, second: Measure) -> Measure:
    """Two steps run one after the other as one: times add up, memory peaks take the larger."""
    return Measure(f"{first.label}+{second.label}", first.seconds + second.seconds, first.cpu_seconds + second.cpu_seconds,
                   max(first.tree_rss_mb, second.tree_rss_mb), max(first.max_rss_mb, second.max_rss_mb),
                   max(first.load, second.load))


def time_row(label: str, ours: Measure | None, stock: Measure | None) -> str:
    """A table row: wall and CPU seconds of ours and stock, and the ratios."""
    cells = [f"{m.seconds:.2f}" if m else "-" for m in (ours, stock)] + [f"{m.cpu_seconds:.2f}" if m else "-" for m in (ours, stock)]
    both = ours and stock
    cells += [ratio(ours.seconds, stock.seconds) if both else "", ratio(ours.cpu_seconds, stock.cpu_seconds) if both else ""]
    return f"| {label} | {cells[0]} | {cells[1]} | {cells[4]} | {cells[2]} | {cells[3]} | {cells[5]} |\n"


def report(results: Results) -> str:
    """The figures as Markdown tables: times (wall and CPU) of ours and stock with ratios, then size and memory."""
    ours, stock, n = results.ours, results.stock, results.n
    full = combined(ours["ingest"], ours["build"])
    load = max(measure.load for measure in (*ours.values(), *stock.values()))
    lines = [
        f"N = {n:,} seeds (synth --seed {results.seed}); highest 1-min load average after a step: {load:.1f}\n\n",
        "| seconds | ours wall | stock wall | wall ratio | ours CPU | stock CPU | CPU ratio |\n",
        "|---|---:|---:|---:|---:|---:|---:|\n",
        time_row("ingest", ours["ingest"], None),
        time_row("site build (ingest with nothing to do, then Pelican)", ours["build"], None),
        time_row("**full build**", full, stock["build"]),
        time_row("stock cold build with its content cache on", None, stock["cache-cold"]),
        time_row("no-change rebuild (stock: content cache)", ours["no-change"], stock["no-change"]),
        time_row("add-one rebuild (stock: content cache)", ours["add-one"], stock["add-one"]),
        time_row("add-day rebuild, 100 stories of one new day (stock: content cache)", ours.get("add-day"), stock.get("add-day")),
        "\n| | newsdigest | stock Pelican | ours/stock |\n|---|---:|---:|---:|\n",
        f"| ms per story, full build (wall) | {1000 * full.seconds / n:.1f} | {1000 * stock['build'].seconds / n:.1f} | {ratio(full.seconds, stock['build'].seconds)} |\n",
        f"| peak RSS, process tree (MB) | {full.tree_rss_mb:.0f} | {stock['build'].tree_rss_mb:.0f} | {ratio(full.tree_rss_mb, stock['build'].tree_rss_mb)} |\n",
        f"| peak RSS, largest process (MB) | {full.max_rss_mb:.0f} | {stock['build'].max_rss_mb:.0f} | {ratio(full.max_rss_mb, stock['build'].max_rss_mb)} |\n",
        f"| output files | {results.ours_site.files} | {results.stock_site.files} | |\n",
        f"| output MB | {results.ours_site.megabytes:.1f} | {results.stock_site.megabytes:.1f} | |\n",
        f"| no-change rebuild / own full build (wall) | {ratio(ours['no-change'].seconds, full.seconds)} | {ratio(stock['no-change'].seconds, stock['build'].seconds)} | |\n",
        f"| add-one rebuild / own full build (wall) | {ratio(ours['add-one'].seconds, full.seconds)} | {ratio(stock['add-one'].seconds, stock['build'].seconds)} | |\n",
    ]
    if "add-day" in ours and "add-day" in stock:
        lines.append(f"| add-day rebuild / own full build (wall) | {ratio(ours['add-day'].seconds, full.seconds)} | "
                     f"{ratio(stock['add-day'].seconds, stock['build'].seconds)} | |\n")
    return "".join(lines)


def load_results(path: Path) -> Results:
    """A results.json saved by an earlier run."""
    data = json.loads(path.read_text())
    measures = {side: {key: Measure(**{"cpu_seconds": 0.0, "load": 0.0} | value) for key, value in data[side].items()}
                for side in ("ours", "stock")}
    return Results(data["n"], data["seed"], data["machine"], measures["ours"], measures["stock"],
                   Site(**data["ours_site"]), Site(**data["stock_site"]))


def tagging_ms(seeds: Path, count: int = 200) -> float:
    """The tagger's cost per story on the synthetic seeds (the issue's budget: 20 ms)."""
    from generator.parse import parse_seed
    from generator.tagging.tagger import tag_article
    from generator.tagging.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(PROJECT / "tags.yaml")
    articles = [parse_seed(path) for path in sorted(seeds.glob("*.txt"))[:count]]
    tag_article(articles[0], taxonomy)  # loads the gazetteer: not part of a story's cost
    start = time.perf_counter()
    for article in articles:
        tag_article(article, taxonomy)
    return (time.perf_counter() - start) * 1000 / len(articles)


def main(argv: list[str] | None = None) -> int:
    """Run the whole benchmark for one N and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of seeds (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="synthesiser seed (default 0)")
    parser.add_argument("--project", type=Path, default=PROJECT,
                        help="project whose generator/, pelicanconf.py, tags.yaml and theme/ are measured (default: this one)")
    parser.add_argument("--work", type=Path, default=PROJECT / "bench" / "work", help="work folder (default bench/work)")
    parser.add_argument("--table", type=Path, metavar="RESULTS_JSON", help="only print the tables of a saved results.json")
    args = parser.parse_args(argv)
    if args.table:
        print(report(load_results(args.table)))
        return 0
    work = args.work.resolve() / f"n{args.n}"
    project = args.project.resolve()
    results = Results(args.n, args.seed, machine(project))
    print(f"bench: {results.machine}")
    prepare(work, project, args.n, args.seed)
    print(f"bench: tagging {tagging_ms(work / 'seeds'):.2f} ms per story (parse excluded, one process, 200 stories)")
    print("bench: newsdigest full build and no-change rebuild ...", flush=True)
    bench_ours(work, project, results)
    print("bench: stock Pelican full build, then cached cold and no-change builds ...", flush=True)
    stock = bench_stock_full(work, results)
    for label, count, date in ADDITIONS:
        print(f"bench: {label} rebuilds ({count} new seeds dated {date}) ...", flush=True)
        bench_added(work, project, stock, results, label, count, date)
    (work / "results.json").write_text(json.dumps(asdict(results), indent=1) + "\n")
    print()
    print(report(results))
    print(f"bench: figures saved in {work / 'results.json'}; command logs in {work / 'logs'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
