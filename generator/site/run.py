"""One Pelican run's own objects, kept in its settings: Pelican hands the same settings dict to itself, every
generator and the writer, so a run's state travels with it and no module keeps any (a process may build more than
once: `serve --watch`, `pelican -r`, the tests)."""

from __future__ import annotations

from dataclasses import dataclass

RUN = "NEWSDIGEST_RUN"


@dataclass
class SiteRun:
    """What later steps of one run need from earlier ones."""

    writer: object = None  # the run's SiteWriter
    articles: object = None  # the run's ArticlesGenerator


def start_run(pelican) -> None:
    """Pelican's get_generators, the first signal of a run: a fresh SiteRun in its settings."""
    pelican.settings[RUN] = SiteRun()


def run_of(settings: dict) -> SiteRun:
    """The SiteRun of the run these settings belong to (an empty one outside a run)."""
    return settings.get(RUN) or SiteRun()


def remember_articles(generator) -> None:
    """Pelican's article_generator_finalized: the run's stories, for the steps after the writers."""
    run_of(generator.settings).articles = generator
