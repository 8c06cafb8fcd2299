"""Incremental and parallel rendering of pages and feeds (each feed entry made once: generator.feeds).

Parallel: after Pelican has read everything, the writer forks; each process renders the pages whose name hashes
to its shard, and the children exit once the stories' pages are written (`join_shards`).

Incremental: a page or feed whose inputs did not change is linked from the previous build.

Every page Pelican writes gets a key: the template, the output name and a fingerprint of the template variables it
uses (found by Jinja's own analysis of the template and everything it extends, imports or includes). When the
previous build recorded the same key for that file, the old file is hard-linked into the new build instead of
rendering it again. Settings, theme and code are not fingerprinted per page: build.py rebuilds everything when
they change (see PAGE_RECORDS and `generator.build.build_key`)."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import os
import signal
import zlib
from pathlib import Path

from jinja2 import FileSystemBytecodeCache, meta
from pelican import signals
from pelican.contents import Content
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper
from pelican.writers import Writer

from generator.feeds import FeedEntries
from generator.files import read_json_object
from generator.pagination import StablePage
from generator.workers import die_with_parent

PAGE_RECORDS = "NEWSDIGEST_PAGE_RECORDS"  # (the previous build's page keys, where to save this build's): files
PREVIOUS_OUTPUT = "NEWSDIGEST_PREVIOUS_OUTPUT"  # beside output/ (generator.build), never in the published site
WRITE_PROCESSES = "NEWSDIGEST_WRITE_PROCESSES"
SOURCE_HASH = "md5"  # of a story's source file in its page keys: Pelican's read cache stamps files with it too
SOURCE_STAMPS = "NEWSDIGEST_SOURCE_STAMPS"  # in the context: the function giving a path's hash as Pelican's cache took it
SHARD_FILE = ".newsdigest-shard-{}.{}"
_NEIGHBOURS = ("older_article", "newer_article", "related")


class Fingerprints:
    """Stable hashes of template values, memoised per object for one build."""

    def __init__(self) -> None:
        self.memo: dict[int, tuple[object, str]] = {}  # holds the object too, so that its id() is not reused
        self.sources: dict[str, str] = {}
        self.stamp = None  # the build's stamping function (context[SOURCE_STAMPS]), set by the writer

    def of(self, value: object) -> str:
        """A hash of everything a template could read from value; raises TypeError for unknown types."""
        if value is None or isinstance(value, (str, int, float, bool)):
            return repr(value)
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        key = id(value)
        if key not in self.memo:
            self.memo[key] = (value, self.compute(value))
        return self.memo[key][1]

    def compute(self, value: object) -> str:
        if isinstance(value, Content):
            return self.content(value)
        if isinstance(value, URLWrapper):
            return digest(type(value).__name__, value.name, value.slug)
        if isinstance(value, StablePage):  # its position and the list's length are not shown: see pagination.py
            return digest("page", value.url_number, value.total, value.save_as, value.url, value.newer_url,
                          value.older_url, self.of(value.story_before), *(self.of(item) for item in value.object_list))
        if isinstance(value, Paginator):
            return digest("paginator", value.count, value.num_pages, value.per_page)
        if isinstance(value, (list, tuple)):
            return digest("seq", *(self.of(item) for item in value))
        if isinstance(value, dict):
            return digest("map", *(f"{self.of(k)}={self.of(v)}" for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))))
        raise TypeError(f"no fingerprint for {type(value).__name__}")

    def content(self, item: Content) -> str:
        """An article: its source file's bytes, URL, and the titles and URLs of the stories it links to."""
        neighbours = []
        for name in _NEIGHBOURS:
            linked = getattr(item, name, None)
            for entry in linked if isinstance(linked, list) else [linked]:
                other, *extra = entry if isinstance(entry, tuple) else (entry,)
                if other is not None:
                    neighbours.append(f"{name}|{other.url}|{other.title}|{extra}")
        return digest("content", self.source(item.source_path), item.url, *neighbours)

    def source(self, path: str) -> str:
        """The SOURCE_HASH of the source file's bytes, as Pelican's read cache took it if it did."""
        if path not in self.sources:
            stamp = self.stamp(path) if self.stamp else None
            if not isinstance(stamp, bytes) or not stamp:
                stamp = hashlib.new(SOURCE_HASH, Path(path).read_bytes()).digest()
            self.sources[path] = stamp.hex()
        return self.sources[path]


def digest(*parts: object) -> str:
    """SHA-256 of the parts joined unambiguously."""
    return hashlib.sha256("\0".join(map(str, parts)).encode("utf-8")).hexdigest()


class IncrementalWriter(Writer):
    """Pelican's writer, reusing the previous build's file wherever a page's key is unchanged."""

    current: "IncrementalWriter | None" = None

    def __init__(self, output_path: str, settings: dict | None = None):
        super().__init__(output_path, settings)
        self.parent_pid = os.getpid()
        previous = (settings or {}).get(PREVIOUS_OUTPUT)
        self.previous = Path(previous) if previous else None
        old_record, self.record = (settings or {}).get(PAGE_RECORDS) or (None, None)
        self.old_keys = read_json_object(Path(old_record)) if self.previous and old_record else {}
        self.keys: dict[str, str] = {}
        self.fingerprints = Fingerprints()
        self.variables: dict[str, set[str] | None] = {}
        self.parsed_templates: dict[str, tuple[set[str], list[str | None]]] = {}
        self.reuse: str | None = None
        self.skip: str | None = None
        self.reused = 0
        self.rendered: set[str] = set()
        self.feed_entries = FeedEntries()
        IncrementalWriter.current = self
        self.shard, self.shards, self.children = fork_shards(int((settings or {}).get(WRITE_PROCESSES) or 1))

    def mine(self, name: str) -> bool:
        """This process renders the page or feed of that name."""
        return self.shards == 1 or zlib.crc32(name.encode("utf-8")) % self.shards == self.shard

    def write_file(self, name, template, context, *args, **kwargs):
        self.use_stamps(context)
        return super().write_file(name, _KeyedTemplate(template, self), context, *args, **kwargs)

    def use_stamps(self, context: dict) -> None:
        """Fingerprint stories with the hashes the build's read cache took of them (generator.parallel_read)."""
        self.fingerprints.stamp = context.get(SOURCE_STAMPS)

    def template_variables(self, template) -> set[str] | None:
        """Variables a template and everything it pulls in may read; None when that cannot be known."""
        if template.name not in self.variables:
            self.variables[template.name] = referenced_variables(template.environment, template.name, self.parsed_templates)
        return self.variables[template.name]

    def page_key(self, template, localcontext: dict) -> str | None:
        """The key of one page, or None when a variable it uses has no fingerprint (always render then)."""
        names = self.template_variables(template)
        if names is None:
            return None
        output_file = localcontext["output_file"]
        parts = [template.name, output_file]
        for name in sorted(names):
            if name.isupper() and name != "SITEURL":
                continue  # settings: covered by the build key
            value = localcontext.get(name)
            if isinstance(value, dict) and output_file in value:
                value = value[output_file]  # a map keyed by page: this page reads only its own entry
            try:
                parts.append(f"{name}={self.fingerprints.of(value)}")
            except TypeError:
                return None
        return digest(*parts)

    def _open_w(self, filename, encoding, override=False):
        relative = os.path.relpath(filename, self.output_path)
        if self.skip == relative:
            self.skip = None
            return open(os.devnull, "w", encoding=encoding)
        if self.reuse == relative:
            self.reuse = None
            link_previous(self.previous / relative, Path(filename))
            self._written_files.add(filename)
            self.reused += 1
            return open(os.devnull, "w", encoding=encoding)
        return super()._open_w(filename, encoding, override)

    def _create_new_feed(self, feed_type, feed_title, context):
        return self.feed_entries.use_in(super()._create_new_feed(feed_type, feed_title, context))

    def _add_item_to_the_feed(self, feed, item):
        self.feed_entries.add(feed, item, self.site_url, super()._add_item_to_the_feed)

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom", override_output=False, feed_title=None):
        if not path:
            return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)
        if not self.mine(path):
            return None
        self.use_stamps(context)
        limit = self.settings["FEED_MAX_ITEMS"]
        key = digest("feed", path, url, feed_type, feed_title, *(self.fingerprints.of(e) for e in elements[:limit]))
        self.keys[path] = key
        old = self.previous / path if self.previous else None
        if old and self.old_keys.get(path) == key and old.is_file():
            target = Path(self.output_path) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            link_previous(old, target)
            self.reused += 1
            return None
        return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)


class _KeyedTemplate:
    """Wraps a Jinja template: render() returns the previous build's text for a page whose key is unchanged."""

    def __init__(self, template, writer: IncrementalWriter):
        self.template = template
        self.writer = writer

    def render(self, localcontext: dict) -> str:
        writer = self.writer
        name = localcontext["output_file"]
        if not writer.mine(name):
            writer.skip = name
            return ""
        key = writer.page_key(self.template, localcontext)
        if key is not None:
            writer.keys[name] = key
        old = writer.previous / name if writer.previous else None
        if key is not None and writer.old_keys.get(name) == key and old is not None and old.is_file():
            writer.reuse = name
            return ""
        writer.rendered.add(name)
        return self.template.render(localcontext)

    def __getattr__(self, attribute):
        return getattr(self.template, attribute)


def referenced_variables(environment, name: str, parsed: dict | None = None) -> set[str] | None:
    """Undeclared variables of a template and of the templates it extends, imports and includes.

    `parsed` keeps each template file's variables and references for the next call (one theme per build), so
    that a base template shared by every page template is parsed once, not once for each of them."""
    parsed = {} if parsed is None else parsed
    seen, names, pending = set(), set(), [name]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        if current not in parsed:
            tree = environment.parse(environment.loader.get_source(environment, current)[0])
            parsed[current] = (meta.find_undeclared_variables(tree), list(meta.find_referenced_templates(tree)))
        variables, referenced = parsed[current]
        if None in referenced:
            return None  # a dynamic include: unknown dependencies
        names |= variables
        pending += referenced
    return names


def link_previous(old: Path, new: Path) -> None:
    """Hard-link the previous build's file into the new one (copy where links are not possible)."""
    try:
        os.link(old, new)
    except OSError:
        new.write_bytes(old.read_bytes())


def write_record(pelican) -> None:
    """Save the keys of this build's pages where the build asked (PAGE_RECORDS), for the next build."""
    writer = IncrementalWriter.current
    if writer is None or Path(writer.output_path) != Path(pelican.output_path) or not writer.record:
        return
    text = json.dumps(writer.keys, indent=0, sort_keys=True) + "\n"
    Path(writer.record).write_text(text, encoding="utf-8")


def fork_shards(count: int) -> tuple[int, int, list[int]]:
    """Fork count - 1 writer processes: (this process's shard, shards, child pids; the parent is shard 0)."""
    children: list[int] = []
    gc.freeze()  # the site as read is never scanned again, in this process or the children (nor copied on write)
    gc.enable()  # after pause_collection
    for shard in range(1, count):
        pid = os.fork()
        if pid == 0:
            die_with_parent()  # a killed build leaves no writer behind
            return shard, count, []
        children.append(pid)
    return 0, count, children


def pause_collection(pelican=None) -> None:
    """Pelican's get_generators, sent just before the generators load the read cache: no cyclic garbage
    collection while the cache is loaded and the stories are read. Both make the long-lived site and almost no
    cyclic garbage (34 objects at 10,000 stories), yet each full collection scans everything read so far (1.4 s
    of the parent's time at 10,000; the read cache of 10,000 stories loads in 0.17 s instead of 0.40 s).
    `fork_shards` freezes what was read and turns collection on again (rendering does make cyclic garbage);
    `resume_collection` ends any pause."""
    gc.disable()


def resume_collection(pelican=None) -> None:
    """After a build: collection on, and the frozen site collectable again, as a process may build again (`serve
    --watch`, `pelican -r`). Pelican's finalized signal, and generator.build after any build, failed ones too."""
    gc.unfreeze()
    gc.enable()


def join_shards(generator=None, writer=None) -> None:
    """Once the stories' pages are written: a child saves its page keys and exits; the parent waits for the
    children, takes their keys, and fails the build if one of them failed."""
    current = IncrementalWriter.current
    if current is None or current.shards == 1:
        return
    output = Path(current.output_path)
    if current.shard:
        done = {"keys": current.keys, "reused": current.reused, "rendered": sorted(current.rendered)}
        (output / SHARD_FILE.format(current.shard, "json")).write_text(json.dumps(done), encoding="utf-8")
        os._exit(0)
    failures = []
    for shard, pid in enumerate(current.children, start=1):
        _, status = os.waitpid(pid, 0)
        error = output / SHARD_FILE.format(shard, "error")
        keys = output / SHARD_FILE.format(shard, "json")
        if os.waitstatus_to_exitcode(status) != 0 or not keys.is_file():
            failures.append(error.read_text(encoding="utf-8") if error.is_file() else f"writer {shard} died")
        else:
            done = json.loads(keys.read_text(encoding="utf-8"))
            current.keys.update(done["keys"])
            current.reused += done["reused"]
            current.rendered.update(done["rendered"])
        for leftover in (error, keys):
            leftover.unlink(missing_ok=True)
    current.children = []
    if failures:
        raise RuntimeError("; ".join(failures))


def in_child_writer() -> bool:
    """This process is a forked writer, which must never return into the caller's code."""
    current = IncrementalWriter.current
    return current is not None and current.shard != 0 and os.getpid() != current.parent_pid


def child_failed(error: BaseException) -> None:
    """End a forked writer that failed, leaving the reason for the parent."""
    current = IncrementalWriter.current
    try:
        path = Path(current.output_path) / SHARD_FILE.format(current.shard, "error")
        path.write_text(f"{type(error).__name__}: {error}", encoding="utf-8")
    finally:
        os._exit(1)


def stop_children() -> None:
    """Stop forked writers still running (the parent failed or was interrupted)."""
    current = IncrementalWriter.current
    if current is None:
        return
    for pid in current.children:
        try:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
    current.children = []


def cache_templates(generator) -> None:
    """Pelican's generator_init: when the build keeps a content cache (generator.build does), compiled templates
    are kept beside it, so that a rebuild, and each writer process, loads them instead of compiling the theme
    again (0.1 s a process). Jinja checks each template's source before using its cached code."""
    settings = generator.settings
    if settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE"):
        folder = Path(settings["CACHE_PATH"]) / "templates"
        folder.mkdir(parents=True, exist_ok=True)
        generator.env.bytecode_cache = FileSystemBytecodeCache(str(folder))


def get_writer(pelican) -> type[Writer]:
    """Pelican's hook for a writer class."""
    return IncrementalWriter


def register() -> None:
    """Pelican plugin entry point."""
    signals.get_generators.connect(pause_collection)
    signals.generator_init.connect(cache_templates)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(write_record)
    signals.finalized.connect(resume_collection)
