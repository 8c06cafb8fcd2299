"""Topic benchmark: precision of the topic tags and recall of the topics a reader expects.

Usage: python bench/topics.py FOLDER [FOLDER ...] [-v] [--taxonomy tags.yaml]

Each FOLDER holds stories, a cases.json giving each story's year (for datelines that state none) and a topics.json
with, per story, `must` (the topics a reader files it under) and `ok` (defensible ones); any other topic is wrong.
The stories are ingested as `newsdigest ingest --year YEAR` would, into a temporary folder, and each content file's
`topics:` (found by its `seed:`) is compared with the gold. Precision counts the topic tags in must or ok; must
recall counts the must topics tagged. -v lists each wrong topic and each missed must topic beside the headline.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator.ingest import ingest  # noqa: E402


@dataclass
class Score:
    """Counts over the stories of one folder, and the wrong and missed topics to show."""

    stories: int = 0
    tags: int = 0
    right: int = 0
    expected: int = 0
    found: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def line(self, label: str) -> str:
        precision = self.right / self.tags if self.tags else 1.0
        recall = self.found / self.expected if self.expected else 1.0
        return (f"{label:<12} stories {self.stories:4d}  topics {self.tags:4d}  precision {precision:6.1%} "
                f"({self.right}/{self.tags})  must recall {recall:6.1%} ({self.found}/{self.expected})")


def ingested_topics(folder: Path, years: dict[str, int], taxonomy: Path) -> dict[str, tuple[str, list[str]]]:
    """Seed name -> (headline, topics) of each story of folder, ingested one year's stories at a time."""
    by_year: dict[int, list[str]] = defaultdict(list)
    for name, year in years.items():
        by_year[year].append(name)
    found: dict[str, tuple[str, list[str]]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-topics-") as scratch:
        for year, names in sorted(by_year.items()):
            seeds, content = Path(scratch, str(year), "seeds"), Path(scratch, str(year), "content")
            seeds.mkdir(parents=True)
            for name in names:
                (seeds / name).write_bytes((folder / name).read_bytes())
            report = ingest(seeds, content, default_year=year, taxonomy_path=taxonomy, jobs=1)
            for failure in report.failures:
                print(f"  failed: {failure}", file=sys.stderr)
            for path in content.rglob("*.md"):
                post = frontmatter.load(path)
                found[str(post.get("seed"))] = (str(post.get("title", "")), list(post.get("topics") or []))
    return found


def measure(folder: Path, taxonomy: Path) -> Score:
    """Ingest the folder's stories and score their topics against its topics.json."""
    gold = json.loads((folder / "topics.json").read_text(encoding="utf-8"))
    cases = json.loads((folder / "cases.json").read_text(encoding="utf-8"))
    found = ingested_topics(folder, {name: cases[name]["year"] for name in gold}, taxonomy)
    score = Score()
    for name in sorted(gold):
        headline, topics = found.get(name, ("(not ingested)", []))
        must, ok = set(gold[name]["must"]), set(gold[name]["ok"])
        score.stories += 1
        score.tags += len(topics)
        score.right += len(set(topics) & (must | ok))
        score.expected += len(must)
        score.found += len(must & set(topics))
        score.wrong += [f"{name[:3]} {topic:<12} | {headline[:90]}" for topic in topics if topic not in must | ok]
        score.missed += [f"{name[:3]} {topic:<12} | {headline[:90]}  (tagged: {', '.join(topics) or '-'})"
                         for topic in sorted(must - set(topics))]
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders with stories, cases.json and topics.json")
    parser.add_argument("--taxonomy", type=Path, default=PROJECT / "tags.yaml")
    parser.add_argument("-v", "--verbose", action="store_true", help="list wrong and missed topics with headlines")
    args = parser.parse_args(argv)
    print(f"bench topics: {platform.node()} {platform.machine()} {platform.python_version()} "
          f"{time.strftime('%Y-%m-%d')}")
    for folder in args.folders:
        score = measure(folder, args.taxonomy)
        print(score.line(folder.name))
        if args.verbose:
            print("\n".join([*(f"  wrong:  {row}" for row in score.wrong),
                             *(f"  missed: {row}" for row in score.missed)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
