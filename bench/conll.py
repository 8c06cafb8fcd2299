"""Lay CoNLL-2003 documents out as wire copy, with an entities.json that bench/tags.py scores against.

Usage: python bench/conll.py CONLL_FILE OUT_FOLDER

CONLL_FILE is in the CoNLL-2003 column format (one token a line, its entity tag in the last column, IOB1 or IOB2,
documents opened by -DOCSTART-). Its text is Reuters' and stays outside this repository: give a copy kept elsewhere
and an OUT_FOLDER outside the repository too. Each document becomes OUT_FOLDER/conll-N.txt: the headline as the
first line, a byline if the document has one, the dateline line ("LONDON 1996-08-30"), then one paragraph per
sentence. entities.json lists, per story, the salient person, place and organisation entities (named twice or in
the headline) as `must` and every other annotated entity as `ok` (MISC ones only with --misc). A person's mentions
are one entity when they share a surname, or when a lone first name is that of one fuller mention.

Then `python bench/tags.py OUT_FOLDER --person-surname` prints the share of person, place and organisation tags that
name an annotated entity of their story (precision) and the share of salient entities found (recall).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

KINDS = {"PER": "person", "LOC": "place", "ORG": "organisation", "MISC": "misc"}
DATE_TOKEN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Sentence:
    """The tokens of one sentence and its entity mentions as (first, end, kind) token ranges."""

    tokens: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)


def read_documents(path: Path) -> list[list[Sentence]]:
    """The documents of a CoNLL file, each a list of sentences."""
    documents: list[list[Sentence]] = []
    sentence = Sentence()
    previous = "O"

    def close() -> None:
        nonlocal sentence, previous
        if sentence.tokens and documents:
            documents[-1].append(sentence)
        sentence, previous = Sentence(), "O"

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        columns = line.split()
        if not columns:
            close()
            continue
        if columns[0] == "-DOCSTART-":
            close()
            documents.append([])
            continue
        token, tag = columns[0], columns[-1]
        if tag == "O":
            previous = "O"
        else:
            prefix, kind = tag.split("-", 1)
            if prefix == "B" or previous != kind:
                sentence.mentions.append((len(sentence.tokens), len(sentence.tokens) + 1, kind))
            else:
                first, _, _ = sentence.mentions[-1]
                sentence.mentions[-1] = (first, len(sentence.tokens) + 1, kind)
            previous = kind
        sentence.tokens.append(token)
    close()
    return [document for document in documents if document]


def detokenize(tokens: list[str]) -> str:
    """Tokens joined as running text: no space before punctuation, clitics or after an opening bracket."""
    text = " ".join(tokens)
    text = re.sub(r" ([.,;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    text = re.sub(r" ('s|'S|n't|N'T|'re|'ll|'ve|'m|'d|')(?=\s|$)", r"\1", text)
    text = re.sub(r'" (.*?) "', r'"\1"', text)
    return text


def layout(document: list[Sentence]) -> tuple[str, int]:
    """The document as wire copy, and the number of sentences of its headline (always 1)."""
    lines = [detokenize(document[0].tokens)]
    body_from = 1
    for index in (1, 2):
        if index < len(document) and DATE_TOKEN.match(document[index].tokens[-1]):
            lines += [detokenize(sentence.tokens) for sentence in document[1:index + 1]]
            body_from = index + 1
            break
    paragraphs = [detokenize(sentence.tokens) for sentence in document[body_from:]]
    return "\n".join(lines) + "\n\n" + "\n\n".join(paragraphs) + "\n", body_from


def entities(document: list[Sentence], include_misc: bool) -> dict:
    """must (salient person, place, organisation), ok (the rest) and never (none) for one document."""
    mentions: list[tuple[str, str, bool]] = []  # (text, kind, in headline)
    for number, sentence in enumerate(document):
        for first, end, kind in sentence.mentions:
            text = detokenize(sentence.tokens[first:end]).strip("()\" ")
            if text:
                mentions.append((text, KINDS[kind], number == 0))
    groups: list[dict] = []
    for text, kind, headline in sorted(mentions, key=lambda mention: -len(mention[0])):
        group = next((group for group in groups if same_entity(group, text, kind)), None)
        if group is None:
            group = {"name": text, "type": kind, "aliases": set(), "count": 0, "headline": False}
            groups.append(group)
        group["count"] += 1
        group["headline"] |= headline
        if text.casefold() != group["name"].casefold():
            group["aliases"].add(text)
    result: dict[str, list] = {"must": [], "ok": [], "never": []}
    for group in groups:
        if group["type"] == "misc" and not include_misc:
            continue
        salient = group["type"] != "misc" and (group["count"] >= 2 or group["headline"])
        entry = {"name": group["name"], "type": group["type"] if group["type"] != "misc" else "organisation",
                 "aliases": sorted(group["aliases"])}
        result["must" if salient else "ok"].append(entry)
    return result


def same_entity(group: dict, text: str, kind: str) -> bool:
    """True if a mention belongs to a group: the same name, or a person's surname or lone first name."""
    if group["type"] != kind:
        return False
    names = [group["name"], *group["aliases"]]
    if any(text.casefold() == name.casefold() for name in names):
        return True
    if kind != "person":
        return False
    words, full = text.casefold().split(), group["name"].casefold().split()
    return len(full) > 1 and (words[-1] == full[-1] or (len(words) == 1 and words[0] == full[0]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conll", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--misc", action="store_true", help="count MISC entities as acceptable tags")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    gold = {}
    for number, document in enumerate(read_documents(args.conll), start=1):
        name = f"conll-{number}.txt"
        text, _ = layout(document)
        (args.out / name).write_text(text, encoding="utf-8")
        gold[name] = entities(document, args.misc)
    (args.out / "entities.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False), encoding="utf-8")
    salient = sum(len(entry["must"]) for entry in gold.values())
    print(f"conll: {len(gold)} stories, {salient} salient entities, written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
