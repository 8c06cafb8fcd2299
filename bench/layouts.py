"""Accuracy of the parser's headline, place and date on any folder of seeds with a gold.json.

    .venv/bin/python bench/layouts.py FOLDER [FOLDER...] [--year Y] [--show-misses] [--no-copy]

Each FOLDER holds seed files and a gold.json mapping file name to the truth, in either form:

  the corpus form    {"title", "place", "month", "day", "year", "agency"}
  the layouts form   {"headline", "place", "date" (YYYY-MM-DD), "source", optional "layout" and "place_alt"
                     (other right answers for the place)}

The seeds are copied to a temporary folder first (with their sidecars and `_defaults.yaml` files), and the set's
`set_mtimes.py` (in the folder or beside it) is run on the copy, `python3 set_mtimes.py COPY`, so that file times
are what the set's author meant; without one, a story's "mtime" in gold.json sets its file's time. Then they are
parsed and
enriched exactly as `newsdigest ingest` does. A story's layout is gold's "layout" (with --by group, its "group"), else
the folder's name for the corpus form, else the leading letters of its file name after any date
(`1996-12-06-reuters-x.txt` -> reuters).

Headlines are compared ignoring case and punctuation, as the headline or as written (desk labels such as
`UPDATE 1-` included); places ignoring case. It prints, per layout, the share right of each and of all three, how
many stories were dated by the file's time, and with --show-misses every miss. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator.enrich import enrich  # noqa: E402
from generator.errors import SeedError  # noqa: E402
from generator.parse import parse_seed  # noqa: E402
from generator.seeds import folder_defaults  # noqa: E402
from generator.tagging.taxonomy import load_taxonomy  # noqa: E402

FIELDS = ("headline", "place", "date")
_LAYOUT_NAME = re.compile(r"^(?:\d{4}-\d{2}-\d{2}-)?([a-z]+)", re.IGNORECASE)


@dataclass
class Tally:
    """Right answers per field for one layout, with the misses."""

    stories: int = 0
    right: Counter = field(default_factory=Counter)
    sources: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)


def folded(text: str | None) -> str:
    """Lower-case words without punctuation: how headlines and places are compared."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", (text or "").casefold()).split())


def gold_fields(entry: dict) -> dict:
    """Headline, place, date (ISO) and source from either gold form."""
    if "date" in entry:
        date = str(entry["date"])[:10] if entry.get("date") else None
    elif entry.get("year") and entry.get("month") and entry.get("day"):
        date = dt.date(entry["year"], entry["month"], entry["day"]).isoformat()
    else:
        date = None
    return {"headline": entry.get("headline") or entry.get("title"), "place": entry.get("place"), "date": date,
            "source": entry.get("source") or entry.get("agency"), "place_alt": entry.get("place_alt") or []}


def layout_of(name: str, entry: dict, folder: Path, by: str = "layout") -> str:
    """The layout (or with by="group", the layout family) a story is counted under."""
    if entry.get(by):
        return str(entry[by])
    if "title" in entry:
        return folder.name
    match = _LAYOUT_NAME.match(name)
    return match.group(1).lower() if match else "other"


def copied(folder: Path, into: Path) -> Path:
    """A copy of the folder's files in `into`, with the set's set_mtimes.py (in the folder or beside it) run on it."""
    target = into / str(len(list(into.iterdir()))) / folder.name
    shutil.copytree(folder, target)
    script = next((path for path in (folder / "set_mtimes.py", folder.parent / "set_mtimes.py") if path.is_file()), None)
    if script is not None:
        subprocess.run([sys.executable, str(script), str(target)], check=True, stdout=subprocess.DEVNULL)
        return target
    for name, entry in json.loads((target / "gold.json").read_text(encoding="utf-8")).items():
        if entry.get("mtime") and (target / name).is_file():
            when = dt.datetime.fromisoformat(entry["mtime"].replace("Z", "+00:00")).timestamp()
            os.utime(target / name, (when, when))
    return target


def measure(folder: Path, year: int | None, taxonomy, by: str = "layout") -> dict[str, Tally]:
    """Parse and enrich every seed named in gold.json; tallies per layout."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    tallies: dict[str, Tally] = defaultdict(Tally)
    defaults, unusable = folder_defaults([folder / name for name in gold], folder)
    for problem in unusable:
        print(f"error: {problem}", file=sys.stderr)
    for name, entry in sorted(gold.items()):
        truth, tally = gold_fields(entry), tallies[layout_of(name, entry, folder, by)]
        tally.stories += 1
        seed = folder / name
        try:
            article = enrich(parse_seed(seed, Path(name)), seed, taxonomy, year, defaults.get(seed))
        except SeedError as error:
            tally.misses.append(f"{name}: failed: {error}")
            continue
        got = {"headline": article.headline, "place": article.dateline.place,
               "date": article.date.isoformat() if article.date else None}
        right = {
            "headline": folded(truth["headline"]) in {folded(article.headline), folded(article.headline_original)},
            "place": folded(got["place"]) in {folded(truth["place"]), *map(folded, truth["place_alt"])},
            "date": truth["date"] == got["date"],
        }
        tally.right.update(key for key, ok in right.items() if ok)
        tally.right["all"] += all(right.values())
        tally.sources[article.date_source] += 1
        for key in FIELDS:
            if not right[key]:
                tally.misses.append(f"{name}: {key} {got[key]!r}, gold {truth[key]!r} (date from {article.date_source})")
    return tallies


def report(title: str, tallies: dict[str, Tally], show_misses: bool) -> None:
    """One line per layout and a total line."""
    print(f"\n{title}")
    print(f"  {'layout':<16}{'stories':>8}{'headline':>10}{'place':>8}{'date':>8}{'all':>8}  date sources")
    total = Tally()
    for layout, tally in sorted(tallies.items()):
        print_row(layout, tally)
        total.stories += tally.stories
        total.right.update(tally.right)
        total.sources.update(tally.sources)
    print_row("ALL", total)
    if show_misses:
        for tally in tallies.values():
            for miss in tally.misses:
                print(f"    miss {miss}")


def print_row(layout: str, tally: Tally) -> None:
    """Counts as right/stories and the date sources."""
    cells = "".join(f"{tally.right[key]:>{width - 4}}/{tally.stories:<3}"
                    for key, width in (("headline", 10), ("place", 8), ("date", 8), ("all", 8)))
    sources = ", ".join(f"{source} {count}" for source, count in tally.sources.most_common())
    print(f"  {layout:<16}{tally.stories:>8}{cells}  {sources}")


def main() -> None:
    """Measure each folder given."""
    arguments = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    arguments.add_argument("folders", nargs="+", type=Path)
    arguments.add_argument("--year", type=int, help="as `newsdigest --year`")
    arguments.add_argument("--show-misses", action="store_true")
    arguments.add_argument("--by", choices=("layout", "group"), default="layout",
                           help="count by gold's layout label or by its layout family (group)")
    arguments.add_argument("--no-copy", action="store_true", help="measure in place, with the files' own times")
    options = arguments.parse_args()
    taxonomy = load_taxonomy(PROJECT / "tags.yaml")
    with tempfile.TemporaryDirectory() as scratch:
        for folder in options.folders:
            if not (folder / "gold.json").is_file():
                print(f"\n{folder}: no gold.json, skipped")
                continue
            where = folder if options.no_copy else copied(folder.resolve(), Path(scratch))
            report(str(folder), measure(where, options.year, taxonomy, options.by), options.show_misses)


if __name__ == "__main__":
    main()
