"""Timing of the seed parser on pathological inputs: shapes of text that make careless code quadratic or worse.

Each shape is a seed file within the 2 MB limit. Every shape runs in its own process with a deadline, so a shape
that hangs shows as a timeout instead of stopping the benchmark. For each it prints the seconds spent decoding,
parsing, enriching (dates, tags, slug) and writing the Markdown, and the outcome (a story, or the one-line refusal).

    .venv/bin/python bench/pathological.py [--only NAME ...] [--deadline 60] [--scale 1.0]
    .venv/bin/python bench/pathological.py --regexes

--regexes instead tries every compiled pattern of the seed-side modules on runs of 4,000 characters of short units
(spaces, capitals, commas...) with match, search and fullmatch, and prints the slowest: a pattern that is quadratic
on some run shows here even where its callers keep the run from reaching it.

Figures go to bench/RESULTS.md with the machine and date. This is a benchmark, not a test: nothing here asserts."""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 2_000_000
HEAD = "Officials meet in Moscow to discuss grain exports\n\nMOSCOW, December 26. /TASS/. Talks began on Monday.\n\n"
FOOT = "\n\nThe talks will go on next week.\n"


def fill(unit: str, budget: int = LIMIT - 400) -> str:
    """unit repeated to fill the budget (in UTF-8 bytes)."""
    return unit * max(1, budget // len(unit.encode("utf-8")))


def mojibake(text: str) -> str:
    """text as UTF-8 bytes read back as cp1252 (undefined bytes kept as their Latin-1 letters), as a careless scraper does."""
    return "".join(chr(byte) if byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([byte]).decode("cp1252")
                   for byte in text.encode("utf-8"))


def shapes(scale: float) -> dict[str, bytes]:
    """Pathological seeds by name; scale shrinks them (for a quick look), 1.0 is the full 2 MB."""
    budget = int((LIMIT - 400) * scale)
    run = int(150_000 * scale)

    def story(middle: str) -> bytes:
        return (HEAD + middle + FOOT).encode("utf-8")

    return {
        "spaces, one line of 150,000 then a word": story(" " * run + "x"),
        "no-break spaces, one line of 150,000": story("\u00a0" * run + "x"),
        "tabs, one line of 150,000": story("\t" * run + "x"),
        "trailing spaces, 150,000 before the line end": story("x" + " " * run + "\ny"),
        "spaces, 150,000 before a last line '(Reporting by'": story("Text.\n\n" + " " * run + "(Reporting by x"),
        "spaces, 150,000 before a last line 'By'": story(" " * run + "By x"),
        "spaces, a last line of 150,000 then a word": (HEAD + " " * run + "x\n").encode("utf-8"),
        "spaces, a last block of 3 lines of 50,000": (HEAD + ("x" + " " * (run // 3) + "y\n") * 3).encode("utf-8"),
        "short lines, 900,000 of 'a'": story(fill("a\n", budget)),
        "short lines, 600,000 of 'ab-' (hyphen wraps)": story(fill("ab-\n", budget)),
        "blank lines, 1.9 million": story("x" + "\n" * (budget - 2) + "y"),
        "paragraphs, 300,000 of one word": story(fill("Word.\n\n", budget)),
        "one line of 2 MB of words": story(fill("word ", budget)),
        "one word of 2 MB": story("a" * budget),
        "list items, 500,000": story(fill("- a\n", budget)),
        "numbered items, 400,000": story(fill("1. a\n", budget)),
        "open brackets, 2 MB": story("(" * budget),
        "brackets and desk notes, 2 MB": story(fill("(adds ", budget)),
        "angle brackets, 2 MB": story(fill("<a", budget)),
        "datelines, 2 MB of 'MOSCOW, December 26. /TASS/. '": story(fill("MOSCOW, December 26. /TASS/. ", budget)),
        "sign-offs, 200,000 lines of 'Reuter'": story(fill("Reuter\n", budget)),
        "timestamps, 2 MB of '12:30 '": story(fill("12:30 ", budget)),
        "bylines, 2 MB of 'By John Smith and '": story(fill("By John Smith and ", budget)),
        "capitals, 2 MB of 'UPDATE 2-'": story(fill("UPDATE 2-", budget)),
        "cyrillic, 2 MB in 80-letter lines": story(fill("Москва " * 11 + "\n", budget)),
        "cyrillic, 2 MB on one line": story(fill("Москва ", budget)),
        "mojibake, 2 MB in lines": story(fill("Ð¡Ð¾Ð¾Ð±Ñ‰ÐµÐ½Ð¸Ðµ\n", budget)),
        "mojibake, UTF-8 Cyrillic read as cp1252, 2 MB": story(fill(mojibake("Москва и Минск подписали соглашение.\n"), budget)),
        "mixed scripts, 2 MB of capitalised words": story(fill("Москва Paris Αθήνα Київ Berlin Tōkyō ", budget)),
        "names, one paragraph of 'Ivan Petrov, '": story(fill("Ivan Petrov, ", budget)),
        "credits, lines of '(Reporting by John Smith)'": story(fill("(Reporting by John Smith; Editing by Jane Doe)\n", budget)),
        "updates, lines of 'UPDATE 1-Grain talks'": story(fill("UPDATE 1-Grain talks resume in Moscow\n", budget)),
        "emoji, 2 MB": story(fill("🙂 ", budget)),
        "controls, 2 MB of \\x1b and text": story(fill("a\x1b[0m ", budget)),
        "non-characters, 2 MB of 'a \\uffff '": story(fill("a \uffff ", budget)),
        "names, 2 MB of capitalised words": story(fill("Vladimir Putin Met Sergey Lavrov In Moscow. ", budget)),
        "cp1252, 2 MB": (HEAD + fill("caf\u00e9 \u201cquoted\u201d ", budget) + FOOT).encode("cp1252"),
        "cp1251, 2 MB": (HEAD + fill("Москва и Минск ", budget) + FOOT).encode("cp1251"),
        "UTF-16, 2 MB": ("\ufeff" + HEAD + fill("word ", budget // 2) + FOOT).encode("utf-16-le"),
    }


def measure(path: str, seeds: str) -> dict:
    """In the child process: decode, parse, enrich one seed and time each stage."""
    sys.path.insert(0, str(ROOT))
    from generator.decode import decode_seed
    from generator.enrich import enrich
    from generator.errors import SeedError
    from generator.parse import parse_text
    from generator.tagging.taxonomy import load_taxonomy
    from generator.write import render_article

    from generator.tagging.gazetteer import gazetteer

    taxonomy = load_taxonomy(ROOT / "tags.yaml")
    gazetteer()  # loaded once before the workers fork, as ingest does: not the seed's cost
    seed = Path(path)
    times: dict[str, float] = {}
    started, cpu = time.perf_counter(), time.process_time()
    try:
        text = decode_seed(seed.read_bytes(), seed)
        times["decode"] = time.perf_counter() - started
        article = parse_text(text, Path(seed.name), seed)
        times["parse"] = time.perf_counter() - started - times["decode"]
        enrich(article, seed, taxonomy, 2024)
        times["enrich"] = time.perf_counter() - started - times["decode"] - times["parse"]
        render_article(article)
        times["write"] = time.perf_counter() - started - times["decode"] - times["parse"] - times["enrich"]
        outcome = f"story: {article.headline[:40]!r}, {len(article.body)} blocks"
    except SeedError as error:
        outcome = f"refused: {error.reason[:70]}"
    times["total"] = time.perf_counter() - started
    times["cpu"] = time.process_time() - cpu
    return {"times": times, "outcome": outcome}


def run_shape(name: str, data: bytes, deadline: float, folder: Path) -> dict:
    """One shape in its own process, killed at the deadline."""
    seed = folder / "seed.txt"
    seed.write_bytes(data)
    code = f"import json, sys; sys.path.insert(0, {str(ROOT / 'bench')!r}); import pathological as p; " \
           f"print(json.dumps(p.measure({str(seed)!r}, {str(folder)!r})))"
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=deadline)
    except subprocess.TimeoutExpired:
        return {"name": name, "bytes": len(data), "outcome": f"TIMEOUT after {deadline:g} s", "times": {}}
    if done.returncode != 0:
        return {"name": name, "bytes": len(data), "outcome": "CRASH: " + done.stderr.strip().splitlines()[-1][:80],
                "times": {}, "wall": time.perf_counter() - started}
    return {"name": name, "bytes": len(data), **json.loads(done.stdout.strip().splitlines()[-1])}


REGEX_MODULES = ("decode", "parse", "furniture", "layout", "headline", "head", "dateline", "dates", "filed", "agencies",
                 "seeds", "write", "schema", "tagging.text", "tagging.furniture", "tagging.entities", "tagging.tagger",
                 "tagging.topics")
REGEX_UNITS = (" ", "a", "A", "a ", "A ", "Aa ", "aA", "1", "1 ", "1.", ",", ", ", "a,", "-", "a-", "A-", ".", "a.", "A.",
               "A. ", "(", "( ", "'", ":", "/", "by ", "By ", "de ", "of ", "12:30 ", "Dec ", "\u00e9", "Москва ", "a\n", "\n")


def regex_scan(length: int = 4000, shown: int = 15) -> None:
    """Time every pattern of the seed-side modules on runs of each unit; print the slowest."""
    import importlib
    import re

    sys.path.insert(0, str(ROOT))
    rows = []
    for name in REGEX_MODULES:
        module = importlib.import_module(f"generator.{name}")
        for attribute, pattern in vars(module).items():
            if not (isinstance(pattern, re.Pattern) and isinstance(pattern.pattern, str)):
                continue
            for unit in REGEX_UNITS:
                text = unit * (length // len(unit)) + "\x00!"
                started = time.process_time()
                pattern.match(text), pattern.search(text), pattern.fullmatch(text)
                rows.append((time.process_time() - started, f"{name}.{attribute}", unit))
    print(f"| pattern | run of | CPU s for {length:,} characters |\n| --- | --- | ---: |")
    for seconds, pattern, unit in sorted(rows, reverse=True)[:shown]:
        print(f"| {pattern} | {unit!r} | {seconds:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="shapes whose name contains one of these words")
    parser.add_argument("--deadline", type=float, default=60.0, help="seconds before a shape counts as a hang")
    parser.add_argument("--scale", type=float, default=1.0, help="shrink every shape (1.0: the full 2 MB)")
    parser.add_argument("--regexes", action="store_true", help="time the seed-side patterns on long runs instead")
    args = parser.parse_args()
    if args.regexes:
        regex_scan()
        return
    print(f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, scale {args.scale}")
    print(f"load average {os.getloadavg()[0]:.1f} at the start (wall times stretch with it; CPU times do not)")
    print("| shape | bytes | decode s | parse s | enrich s | write s | total s | CPU s | outcome |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="newsdigest-pathological-") as folder:
        for name, data in shapes(args.scale).items():
            if args.only and not any(word.lower() in name.lower() for word in args.only):
                continue
            result = run_shape(name, data, args.deadline, Path(folder))
            times = result["times"]
            cells = [f"{times[stage]:.2f}" if stage in times else "-" for stage in ("decode", "parse", "enrich", "write", "total", "cpu")]
            worst = max(worst, times.get("cpu", args.deadline if "TIMEOUT" in result["outcome"] else 0.0))
            print(f"| {name} | {result['bytes']:,} | {' | '.join(cells)} | {result['outcome']} |", flush=True)
    print(f"\nslowest: {worst:.2f} CPU-s")


if __name__ == "__main__":
    main()
