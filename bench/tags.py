"""Tagging benchmark: entity precision, recall of expected entities, `never` spans tagged and ms per story.

Usage: python bench/tags.py [FOLDER ...] [--show] [--taxonomy tags.yaml]

Each FOLDER holds stories and an entities.json in the corpus format (../shared/corpus/ENTITIES.md): per story
`must` (expected), `ok` (acceptable) and `never` (spans that must not be tags). With no FOLDER the development
corpus is measured (../shared/corpus/{reuters,tass,seed}). Scoring follows ENTITIES.md: both sides lower-cased,
accents, punctuation and legal suffixes (Inc, Corp, Co, Ltd, Plc, N.V., ...) ignored; a tag matches an entity if
it equals its name or one of its aliases; "no right tag" counts the stories with expected entities none of whose
tags is right. Precision counts the person, place and organisation tags (topics are not
entities); recall counts the `must` entities found; ms per story times tag_article alone (parsing excluded, the
gazetteer loaded before the clock starts). --person-surname also lets a person be matched by surname, as the CoNLL
check does (see bench/conll.py).

--unlisted prints, story by story, every tag (topics included) that matches no `must` or `ok` entity, beside the
headline, for a reader to judge as the outside check does ("plainly wrong": not an entity or topic of the story, a
malformed span, the wrong type, a second name). Topics are never in the gold, so all of them are listed; entity
tags are listed with their type. The last line counts the tags listed and all tags, topics included.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from unidecode import unidecode

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator.model import Tags  # noqa: E402
from generator.parse import parse_seed  # noqa: E402
from generator.tagging.tagger import tag_article  # noqa: E402
from generator.tagging.taxonomy import load_taxonomy  # noqa: E402

# The shared corpus beside the project (or beside the folder of worktrees it sits in); NEWSDIGEST_CORPUS overrides.
CORPUS = Path(os.environ.get("NEWSDIGEST_CORPUS") or next(
    (folder / "shared" / "corpus" for folder in PROJECT.parents if (folder / "shared" / "corpus").is_dir()),
    PROJECT / "tests" / "corpus"))
LEGAL_SUFFIX = re.compile(
    r"(?:\s+(?:inc|corp|co|ltd|plc|n\s?v|a\s?g|s\s?p\s?a|l\s?p|limited partnership|incorporated|corporation|limited))+$"
)


# Common aliases the CoNLL check ignores (--person-surname mode): one key for each group.
COMMON_ALIASES = {"us": "united states", "u s": "united states", "usa": "united states", "america": "united states",
                  "britain": "united kingdom", "uk": "united kingdom", "great britain": "united kingdom",
                  "ussr": "soviet union", "un": "united nations", "eu": "european union"}


def normal(name: str) -> str:
    """A comparison key: no case, accents, punctuation or legal suffix; whitespace collapsed."""
    text = unidecode(name).casefold().replace("&", " and ")
    text = re.sub(r"['’`.]", "", text)
    text = re.sub(r"[^\w]+", " ", text).strip()
    return LEGAL_SUFFIX.sub("", text).strip() or text


@dataclass
class Score:
    """Counts over the stories of one folder, and the misses and wrong tags to show."""

    stories: int = 0
    tags: int = 0
    right: int = 0
    expected: int = 0
    found: int = 0
    never: int = 0
    topics: int = 0
    blind: int = 0  # stories with expected entities and not one right tag
    seconds: float = 0.0
    wrong: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)  # per story: headline, then every tag not in must/ok
    missed: list[str] = field(default_factory=list)
    nevers: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("stories", "tags", "right", "expected", "found", "never", "topics", "blind", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self, label: str) -> str:
        precision = self.right / self.tags if self.tags else 1.0
        recall = self.found / self.expected if self.expected else 1.0
        ms = self.seconds * 1000 / self.stories if self.stories else 0.0
        return (f"{label:<28} stories {self.stories:4d}  tags {self.tags:5d}  precision {precision:6.1%}  "
                f"recall {recall:6.1%} ({self.found}/{self.expected})  never {self.never:3d}  "
                f"no right tag {self.blind:2d}  topics {self.topics:4d}  {ms:6.2f} ms/story")


def entity_keys(entity: dict, person_surname: bool) -> set[str]:
    """The comparison keys of one gold entity: its name, its aliases and, if asked, a person's surname."""
    names = [entity["name"], *entity.get("aliases", [])]
    keys = {normal(name) for name in names}
    if person_surname:
        keys |= {COMMON_ALIASES[key] for key in keys if key in COMMON_ALIASES}
    if person_surname and entity["type"] == "person":
        keys |= {key.split()[-1] for key in keys if key}
    return keys - {""}


def tag_keys(tag: str, person: bool, person_surname: bool) -> set[str]:
    """The keys a tag may match by: the tag itself and, for a person under --person-surname, the surname."""
    key = normal(tag)
    return {key, key.split()[-1]} if person and person_surname and key else {key}


def score_story(gold: dict, tags: Tags, person_surname: bool, name: str) -> Score:
    """Precision, recall and never hits of one story's tags."""
    score = Score(stories=1, topics=len(tags.topics))
    must = [entity_keys(entity, person_surname) for entity in gold.get("must", [])]
    acceptable = set().union(*must, *(entity_keys(e, person_surname) for e in gold.get("ok", [])))
    never = {normal(span) for span in gold.get("never", [])}
    people = set(tags.people)
    entity_tags = [*tags.people, *tags.places, *tags.organisations]
    kinds = {**{tag: "organisation" for tag in tags.organisations}, **{tag: "place" for tag in tags.places},
             **{tag: "person" for tag in tags.people}}
    tag_sets = [tag_keys(tag, tag in people, person_surname) for tag in entity_tags]
    for tag, keys in zip(entity_tags, tag_sets):
        score.tags += 1
        if keys & acceptable:
            score.right += 1
        else:
            score.wrong.append(f"{name}: {tag}")
            score.unlisted.append(f"{kinds[tag]}: {tag}")
        if normal(tag) in never:
            score.never += 1
            score.nevers.append(f"{name}: {tag}")
    score.unlisted += [f"topic: {topic}" for topic in tags.topics]
    score.blind = int(bool(must) and not score.right)
    if score.blind:
        score.missed.append(f"{name}: no right tag")
    for entity, keys in zip(gold.get("must", []), must):
        score.expected += 1
        if any(keys & tag_set for tag_set in tag_sets):
            score.found += 1
        else:
            score.missed.append(f"{name}: {entity['name']}")
    return score


def measure(folder: Path, taxonomy, person_surname: bool) -> Score:
    """Tag every story of the folder's entities.json and score it."""
    gold = json.loads((folder / "entities.json").read_text(encoding="utf-8"))
    articles = {name: parse_seed(folder / name) for name in sorted(gold)}
    total = Score()
    for name, article in articles.items():
        start = time.perf_counter()
        tags = tag_article(article, taxonomy)
        elapsed = time.perf_counter() - start
        story = score_story(gold[name], tags, person_surname, name)
        story.seconds = elapsed
        total.add(story)
        total.wrong += story.wrong
        if story.unlisted:
            total.unlisted += [f"{name} | {article.headline[:90]}", *(f"    {row}" for row in story.unlisted)]
        total.missed += story.missed
        total.nevers += story.nevers
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, help="folders with entities.json (default: the corpus)")
    parser.add_argument("--taxonomy", type=Path, default=PROJECT / "tags.yaml")
    parser.add_argument("--show", action="store_true", help="list wrong tags, missed entities and never hits")
    parser.add_argument("--person-surname", action="store_true", help="a person also matches by surname")
    parser.add_argument("--unlisted", action="store_true",
                        help="list every tag, topics included, that matches no must or ok entity, to judge by hand")
    args = parser.parse_args(argv)
    folders = args.folders or [CORPUS / name for name in ("reuters", "tass", "seed")]
    taxonomy = load_taxonomy(args.taxonomy)
    warm = next(iter(sorted(folders[0].glob("*.txt"))), None)
    if warm is not None:
        tag_article(parse_seed(warm), taxonomy)  # loads the gazetteer: not a story's cost
    print(f"bench tags: {platform.node()} {platform.machine()} {platform.python_version()} "
          f"{time.strftime('%Y-%m-%d')}")
    total = Score()
    for folder in folders:
        score = measure(folder, taxonomy, args.person_surname)
        print(score.line(folder.name))
        if args.show:
            for title, rows in (("wrong", score.wrong), ("missed", score.missed), ("never", score.nevers)):
                for row in rows:
                    print(f"  {title}: {row}")
        if args.unlisted:
            print("\n".join(score.unlisted))
            listed = sum(row.startswith("    ") for row in score.unlisted)
            print(f"{folder.name}: {listed} of {score.tags + score.topics} tags (topics included) in no must/ok list")
        total.add(score)
    if len(folders) > 1:
        print(total.line("all"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
