"""Render stage: the one writer of the site, a subclass of Pelican's Writer (Pelican's get_writer signal).

Always: lists show each event once (generator.site.coverage) and are paged by the stable paginator
(generator.site.pagination). Where Pelican's writer is the one generator.site.patches was written for (its WriterHooks reach into the writer's private methods), also: a page or
feed whose key is unchanged is linked from the previous build (generator.site.reuse), each feed entry is made
once, and the stories' pages and feeds are shared among processes (generator.site.parallel): a page is written
by the process its name hashes to; the other processes exit once the stories' pages are written
(article_writer_finalized), and every later page (Pelican's pages, TEMPLATE_PAGES, other generators') is the
parent's. Otherwise the build writes with Pelican's own code, in one process."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pelican.writers import Writer

from generator.site import patches
from generator.site.collection import freeze_read_site
from generator.site.coverage import list_items
from generator.site.pagination import StablePaginator
from generator.site.parallel import WRITE_PROCESSES, WorkerFailed, Workers, share_of, unsafe_listeners
from generator.site.reuse import PAGE_RECORDS, PREVIOUS_OUTPUT, PageKeys, write_record
from generator.site.run import run_of

logger = logging.getLogger(__name__)


class SiteWriter(Writer):
    """Pelican's writer with stable pagination; with page reuse and shared writing where `fast` (see module)."""

    fast = False  # True in the class patches.fast_writer makes: Pelican's writer internals are the known ones

    def __init__(self, output_path: str, settings: dict | None = None):
        super().__init__(output_path, settings)
        settings = settings or {}
        old_record, self.record = settings.get(PAGE_RECORDS) or (None, None)
        self.pages = PageKeys(settings.get(PREVIOUS_OUTPUT) if self.fast else None, old_record)
        self.workers = Workers(self.processes(settings) if self.fast else 1)
        self.discard: str | None = None  # the page being written that another process writes
        self.link: str | None = None  # the page being written that the previous build has
        freeze_read_site()  # collection was paused while the site was read
        self.writing_processes = self.workers.count
        self.share = self.workers.start()
        run_of(settings).writer = self

    @staticmethod
    def processes(settings: dict) -> int:
        """How many processes write: WRITE_PROCESSES, or one while a plugin not declared parallel-safe listens
        to the signals sent while several processes write."""
        wanted = int(settings.get(WRITE_PROCESSES) or 1)
        unsafe = unsafe_listeners() if wanted > 1 else []
        if unsafe:
            logger.info("newsdigest: pages written by one process: %s not declared parallel-safe", ", ".join(unsafe))
            return 1
        return wanted

    def mine(self, name: str) -> bool:
        """This process writes the page or feed of that name."""
        return self.workers.count == 1 or share_of(name, self.workers.count) == self.share

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        """Pelican's write_file; a paginated list of stories is cut into pages of its items (an event once:
        generator.site.coverage) by the stable paginator, each page then
        written by Pelican as an unpaginated one with the same page variables Pelican gives."""
        if self.fast:
            template = KeyedTemplate(template, self)
        if paginated is None:
            paginated = {key: value for key, value in kwargs.items() if key in {"articles", "dates"}}
        if not (name and paginated and template_name in self.settings["PAGINATED_TEMPLATES"]):
            return super().write_file(name, template, context, relative_urls, {}, template_name, override_output,
                                      url, **kwargs)
        per_page = self.settings["PAGINATED_TEMPLATES"][template_name] or self.settings["DEFAULT_PAGINATION"]
        paginators = {key: StablePaginator(name, url, list_items(value), self.settings, per_page, total=len(value))
                      for key, value in paginated.items()}
        for number in range(1, next(iter(paginators.values())).num_pages + 1):
            page_variables = dict(kwargs)
            for key, paginator in paginators.items():
                page = paginator.page(number)
                page_variables.update({
                    f"{key}_paginator": paginator,
                    f"{key}_page": page,
                    f"{key}_previous_page": paginator.page(number - 1) if number > 1 else None,
                    f"{key}_next_page": paginator.page(number + 1) if number < paginator.num_pages else None,
                })
            super().write_file(page.save_as, template, context, relative_urls, {}, template_name, override_output,
                               url, **page_variables)
        return None

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom", override_output=False,
                   feed_title=None):
        """Pelican's write_feed; where fast, a feed is written by one process, and linked when unchanged."""
        if not (self.fast and path):
            return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)
        if not self.mine(path):
            return None
        self.pages.use_stamps(context)
        key = self.pages.feed_key(path, url, feed_type, feed_title, elements[: self.settings["FEED_MAX_ITEMS"]])
        if self.pages.reusable(path, key):
            self.pages.link(path, Path(self.output_path) / path)
            return None
        return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)

    def join_writers(self) -> None:
        """Once the stories' pages are written: a forked writer hands back its page keys and exits; the parent
        takes them, and fails the build if one of them failed. Every later page is the parent's."""
        if self.workers.count == 1:
            return
        if self.share:
            self.workers.hand_back(self.pages.done())
        outcomes = self.workers.join()
        self.workers = Workers(1)
        failures = [outcome.reason for outcome in outcomes if isinstance(outcome, WorkerFailed)]
        if failures:
            raise RuntimeError("; ".join(failures))
        for outcome in outcomes:
            self.pages.merge(outcome)


class KeyedTemplate:
    """Wraps a Jinja template for the fast writer: render() returns nothing for a page that another process
    writes or that the previous build has (the writer's hooks then write nothing, or link the old file)."""

    def __init__(self, template, writer: SiteWriter):
        self.template = template
        self.writer = writer

    def render(self, localcontext: dict) -> str:
        writer, name = self.writer, localcontext["output_file"]
        if not writer.mine(name):
            writer.discard = name
            return ""
        writer.pages.use_stamps(localcontext)
        if writer.pages.reusable(name, writer.pages.page_key(self.template, localcontext)):
            writer.link = name
            return ""
        writer.pages.rendered.add(name)
        return self.template.render(localcontext)

    def __getattr__(self, attribute):
        return getattr(self.template, attribute)


def writer_class(pelican=None) -> type[Writer]:
    """Pelican's get_writer: the fast writer where Pelican's writer is the known one, else the plain one."""
    return patches.fast_writer(SiteWriter) if patches.WRITER_HOOKS.applied else SiteWriter


def join_writers(generator, writer=None) -> None:
    """Pelican's article_writer_finalized: the stories' pages are written; see SiteWriter.join_writers."""
    if isinstance(writer, SiteWriter):
        writer.join_writers()


def record_page_keys(pelican) -> None:
    """Pelican's finalized: save this build's page keys where the build asked (beside output/), for the next."""
    writer = run_of(pelican.settings).writer
    if isinstance(writer, SiteWriter) and writer.fast and writer.record and os.path.samefile(writer.output_path, pelican.output_path):
        write_record(Path(writer.record), writer.pages.keys)


def in_child_writer(settings: dict) -> bool:
    """This process is a forked writer of the run these settings belong to (it must not return to the caller)."""
    writer = run_of(settings).writer
    return isinstance(writer, SiteWriter) and writer.workers.in_worker


def child_failed(settings: dict, error: BaseException) -> None:
    """End a forked writer that failed, leaving the reason for the parent."""
    run_of(settings).writer.workers.fail(error)


def stop_children(settings: dict) -> None:
    """Stop the run's forked writers still running (the parent failed or was interrupted)."""
    writer = run_of(settings).writer
    if isinstance(writer, SiteWriter):
        writer.workers.stop()
