"""Benchmark: coverage clustering (generator/clusters.py) on N stories; prints milliseconds.

    .venv/bin/python bench/clusters.py [--n 1000 10000] [--days 366 30] [--corpus events synth] [--repeat 3]

Two corpora, dates spread evenly over --days days (10,000 stories over 30 days put about 1,000 in each window):

  events  stories with the word statistics of wire copy: words drawn with a long tail from 50,000 coined words,
          each event told by one to three agencies that share about half their words and a few names, one
          story in twenty re-sent. Unrelated stories share few words, as real ones do.
  synth   bench/synth.py's seeds: sentences from a few dozen templates over one cast, so nearly every pair of
          stories shares words and many pass the thresholds: the worst case for the candidate pairs.

Each size, spread and corpus is timed --repeat times in this process, then the incremental path: add_stories()
with the corpus's last story, and with its last 100 stories given one new date (a day's news), onto the clusters
of the rest. The import of the module's libraries is timed once, in a fresh process, since a build pays it once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import synth

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator.site.clusters import Story, add_stories, cluster_stories  # noqa: E402

RESEND_EVERY = 20
VOCABULARY = 50_000
NAMES = 10_000
START = dt.date(synth.YEAR, 1, 1)


def synth_stories(n: int, days: int, seed: int) -> list[Story]:
    """n of the site benchmark's seeds as stories, plus a re-send of every RESEND_EVERY-th one."""
    made = []
    for index in range(n):
        item = synth.make_seed(index, seed, START + dt.timedelta(days=index * days // n))
        title, _, text = item.text.partition("\n")
        made.append(Story(key=item.name, title=title, text=text, date=item.date, source=item.agency))
    return made + [Story(**{**story.__dict__, "key": story.key + "-resend"}) for story in made[::RESEND_EVERY]]


def event_stories(n: int, days: int, seed: int) -> list[Story]:
    """About n stories of events told by one to three agencies (see the module's docstring)."""
    rng = random.Random(f"events:{seed}")
    words = [synth.coined_name(index, seed).lower() for index in range(VOCABULARY)]
    names = [synth.coined_name(index, seed) for index in range(VOCABULARY, VOCABULARY + NAMES)]

    def common_words(count: int) -> list[str]:
        return [words[synth.zipf_index(rng, VOCABULARY)] for _ in range(count)]

    made: list[Story] = []
    while len(made) < n:
        date = START + dt.timedelta(days=len(made) * days // n)
        core, particular = common_words(150), rng.sample(names, 3)
        for agency in rng.sample(synth.AGENCIES, rng.choice((1, 1, 1, 2, 3))):
            body = rng.sample(core, 100) + common_words(rng.randint(150, 450))
            rng.shuffle(body)
            for name in particular:
                body.insert(rng.randint(1, len(body)), name)
            made.append(Story(key=f"e{len(made):06d}", title=" ".join(body[:8]), text=" ".join(body), date=date,
                              source=agency))
    return made + [Story(**{**story.__dict__, "key": story.key + "-resend"}) for story in made[::RESEND_EVERY]]


CORPORA = {"events": event_stories, "synth": synth_stories}


def incremental(made: list[Story]) -> str:
    """Milliseconds of add_stories() for the last story, and for the last 100 on one new day, onto the rest."""
    figures = []
    for count in (1, 100):
        last_day = max(story.date for story in made) + dt.timedelta(days=1)
        added = [Story(**{**story.__dict__, "date": last_day}) for story in made[-count:]]
        clusters = cluster_stories(made[:-count])
        start = time.perf_counter()
        add_stories(clusters, added)
        figures.append(f"add {count}: {(time.perf_counter() - start) * 1000:.0f} ms")
    return ", ".join(figures)


def import_ms() -> float:
    """Milliseconds to import the module and cluster one story (its libraries load then), in a fresh interpreter."""
    code = ("import time, datetime; t = time.perf_counter(); from generator.site.clusters import Story, cluster_stories; "
            "cluster_stories([Story('a', 'T', 'x y', datetime.date(2024, 1, 1))]); print((time.perf_counter() - t) * 1000)")
    done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=True)
    return float(done.stdout)


def main(argv: list[str] | None = None) -> int:
    """Time cluster_stories for each corpus, size and spread; print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10000], help="numbers of stories")
    parser.add_argument("--days", type=int, nargs="+", default=[366, 30], help="days the stories are spread over")
    parser.add_argument("--corpus", nargs="+", choices=sorted(CORPORA), default=["events", "synth"])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each (default 3)")
    parser.add_argument("--seed", type=int, default=0, help="synthesiser seed (default 0)")
    args = parser.parse_args(argv)
    print(f"bench clusters: import and one story {import_ms():.0f} ms (fresh process)")
    for corpus in args.corpus:
        for n in args.n:
            for days in args.days:
                made = CORPORA[corpus](n, days, args.seed)
                runs = []
                for _ in range(args.repeat):
                    start = time.perf_counter()
                    clusters = cluster_stories(made)
                    runs.append((time.perf_counter() - start) * 1000)
                print(f"bench clusters: {corpus}, {len(made):,} stories over {days} days -> {len(clusters):,} clusters "
                      f"(largest {max(len(cluster.stories) for cluster in clusters)}): median {statistics.median(runs):.0f} ms, "
                      f"best {min(runs):.0f} ms ({args.repeat} runs); {incremental(made)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
