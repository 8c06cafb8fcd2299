"""Measure how a built site groups the coverage of events on its lists, against a gold file.

    .venv/bin/python bench/events.py /work/testdata/events/dev [--work /tmp/events-site] [--true-dates]

Copies the set's seeds into a scratch project (with the project's settings, taxonomy and theme), builds it with
`newsdigest build`, and reads every list page of the site: the front page and its pages, day, month and year
archives, the archives page, and each tag, place and source page. An item of a list is one story entry (an
`<article class="story">`, or a line of a headline list); it shows the stories it links to. For each pair of
stories that gold.json says should be one item, and each pair that should not, it counts the lists that show both
beside another story of their day, and how many of those show the pair as one item:

  cross-agency  two files of one `event` from different agencies
  re-send       a file and the original it re-sends (`resend_group`)
  update        two versions of one story (`update_group`)
  interview     two files of one `interview` with different events: must stay apart

--true-dates writes each seed's gold date (and its gold filing time, where it has one) into a sidecar, for a
parser that still misdates some seeds. The issue's measure: each pair of the first two kinds grouped on at least
80% of its lists, interview pairs grouped on at most 20%.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import frontmatter
from lxml import html

PROJECT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("pelicanconf.py", "tags.yaml", "theme")
SITE_URL = "http://localhost:8000/"
LIST_GLOBS = ("index.html", "page/*/index.html", "archives/index.html", "[0-9][0-9][0-9][0-9]/index.html",
              "[0-9][0-9][0-9][0-9]/[0-9][0-9]/index.html", "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/index.html",
              "tag/*/index.html", "tag/*/page/*/index.html", "source/*/index.html", "source/*/page/*/index.html")
ITEMS = "//article[contains(concat(' ', @class, ' '), ' story ')] | //ul[contains(concat(' ', @class, ' '), ' headlines ')]/li"
GROUPED, APART = ("cross-agency", "re-send", "update"), ("interview",)
TARGET = {"cross-agency": 0.8, "re-send": 0.8, "update": 0.8, "interview": 0.2}


def prepare(dataset: Path, work: Path, true_dates: bool) -> dict:
    """The scratch project with the set's seeds (and gold sidecars); returns gold.json."""
    gold = json.loads((dataset / "gold.json").read_text(encoding="utf-8"))
    shutil.rmtree(work, ignore_errors=True)
    (work / "seeds").mkdir(parents=True)
    for name in PROJECT_FILES:
        source = PROJECT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, work / name)
    for name, entry in gold.items():
        shutil.copy(dataset / name, work / "seeds" / name)
        if true_dates:
            sidecar = f"date: {entry['date']}\n" + (f"time: '{entry['time']}'\n" if entry.get("time") else "")
            (work / "seeds" / name).with_suffix(".yaml").write_text(sidecar, encoding="utf-8")
    return gold


def build(work: Path) -> None:
    command = [str(Path(sys.executable).parent / "newsdigest"), "build", "--site-url", SITE_URL]
    done = subprocess.run(command, cwd=work, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"build failed:\n{done.stdout}\n{done.stderr}")


def story_files(work: Path) -> dict[str, tuple[str, str]]:
    """Story URL (relative to the site) -> (seed file name, date) for every content file."""
    stories = {}
    for path in (work / "content").rglob("*.md"):
        post = frontmatter.load(path)
        date = str(post["date"])[:10]
        stories[f"{date[:4]}/{date[5:7]}/{date[8:10]}/{post['slug']}.html"] = (Path(post["seed"]).name, date)
    return stories


def list_pages(output: Path) -> list[Path]:
    return sorted({path for pattern in LIST_GLOBS for path in output.glob(pattern)})


def items_of(page: Path, output: Path, stories: dict) -> list[set[str]]:
    """Each item of a list page as the set of seeds whose stories it links to."""
    tree = html.fromstring(page.read_bytes())
    base = SITE_URL + page.relative_to(output).as_posix()
    items = []
    for element in tree.xpath(ITEMS):
        seeds = set()
        for href in element.xpath(".//a/@href"):
            path = urlsplit(urljoin(base, href)).path.lstrip("/")
            if path in stories:
                seeds.add(stories[path][0])
        if seeds:
            items.append(seeds)
    return items


def pairs(gold: dict) -> dict[str, list[tuple[str, str]]]:
    """The pairs of each kind (see the module)."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for first, second in itertools.combinations(sorted(gold), 2):
        a, b = gold[first], gold[second]
        if a["event"] == b["event"] and a["source"] != b["source"]:
            found["cross-agency"].append((first, second))
        if a.get("resend_group") and a["resend_group"] == b.get("resend_group"):
            found["re-send"].append((first, second))
        if a.get("update_group") and a["update_group"] == b.get("update_group"):
            found["update"].append((first, second))
        if a.get("interview") and a["interview"] == b.get("interview") and a["event"] != b["event"]:
            found["interview"].append((first, second))
    return found


def measure(gold: dict, lists: list[list[set[str]]]) -> dict[str, dict]:
    """Per kind: the pairs, lists counted, lists grouping, and pairs meeting the target."""
    results = {}
    for kind, kind_pairs in pairs(gold).items():
        counted = grouped = meeting = 0
        misses = []
        for first, second in kind_pairs:
            days = {gold[first]["date"], gold[second]["date"]}
            shown = together = 0
            for items in lists:
                seen = set().union(*items) if items else set()
                others = {seed for seed in seen - {first, second} if gold.get(seed, {}).get("date") in days
                          and gold[seed]["event"] not in (gold[first]["event"], gold[second]["event"])}
                if first in seen and second in seen and others:
                    shown += 1
                    together += any(first in item and second in item for item in items)
            counted, grouped = counted + shown, grouped + together
            rate = together / shown if shown else None
            ok = rate is None or (rate >= TARGET[kind] if kind in GROUPED else rate <= TARGET[kind])
            meeting += ok
            if not ok:
                misses.append(f"{first} + {second}: {together}/{shown}")
        results[kind] = {"pairs": len(kind_pairs), "lists": counted, "grouped": grouped, "pairs_meeting": meeting,
                         "misses": misses}
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path, help="a folder of seeds with gold.json")
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsdigest-events"), help="scratch project")
    parser.add_argument("--true-dates", action="store_true", help="give each seed its gold date and time")
    args = parser.parse_args(argv)
    gold = prepare(args.dataset, args.work, args.true_dates)
    build(args.work)
    output, stories = args.work / "output", story_files(args.work)
    lists = [items_of(page, output, stories) for page in list_pages(output)]
    for kind, result in measure(gold, lists).items():
        share = result["grouped"] / result["lists"] if result["lists"] else 0.0
        print(f"{kind}: {result['pairs']} pairs, grouped on {result['grouped']}/{result['lists']} lists ({share:.0%}); "
              f"{result['pairs_meeting']}/{result['pairs']} pairs meet the target ({TARGET[kind]:.0%})")
        for miss in result["misses"]:
            print(f"    {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
