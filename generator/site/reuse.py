"""Page reuse: a page or feed whose inputs did not change is linked from the previous build, not rendered again.

Every page Pelican writes gets a key: the template, the output name and a fingerprint of the template variables it
uses (found by Jinja's own analysis of the template and everything it extends, imports or includes). When the
previous build recorded the same key for that file, the old file is hard-linked into the new build instead of
rendering it again. Settings, theme and code are not fingerprinted per page: generator.build rebuilds everything
when they change (its build key), so only content is."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

from jinja2 import TemplateNotFound, meta
from pelican.contents import Content
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper

from generator.files import read_json_object
from generator.site.pagination import StablePage

PREVIOUS_OUTPUT = "NEWSDIGEST_PREVIOUS_OUTPUT"  # setting: the previous build's output folder, if any
PAGE_RECORDS = "NEWSDIGEST_PAGE_RECORDS"  # setting: (the previous build's page keys, where to save this build's):
# files beside output/ (generator.build), never in the published site
SOURCE_HASH = "md5"  # of a story's source file in its page keys: Pelican's read cache stamps files with it too
SOURCE_STAMPS = "NEWSDIGEST_SOURCE_STAMPS"  # in the context: the function giving a path's hash as Pelican's cache took it
_NEIGHBOURS = ("older_article", "newer_article", "related", "other_coverage")


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
            return digest(type(value).__name__, value.name, value.slug, getattr(value, "group", None))
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
        """A story or page: its source file's bytes, URL, and the titles and URLs of the stories it links to."""
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


class PageKeys:
    """One build's page keys, the previous build's, and what was reused or rendered."""

    def __init__(self, previous: str | None, old_record: str | None = None) -> None:
        self.previous = Path(previous) if previous else None
        self.old_keys = read_json_object(Path(old_record)) if self.previous and old_record else {}
        self.keys: dict[str, str] = {}
        self.fingerprints = Fingerprints()
        self.variables: dict[str, set[str] | None] = {}
        self.parsed_templates: dict[str, tuple[set[str], list[str | None]]] = {}
        self.reused = 0
        self.rendered: set[str] = set()

    def use_stamps(self, context: dict) -> None:
        """Fingerprint stories with the hashes the build's read cache took of them (generator.site.readahead)."""
        self.fingerprints.stamp = context.get(SOURCE_STAMPS)

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

    def feed_key(self, path: str, url: str | None, feed_type: str, feed_title: str | None, elements: list) -> str:
        """The key of one feed: its address, kind and title, and its stories."""
        return digest("feed", path, url, feed_type, feed_title, *(self.fingerprints.of(e) for e in elements))

    def template_variables(self, template) -> set[str] | None:
        """Variables a template and everything it pulls in may read; None when that cannot be known (a template
        that its environment cannot load again by name, as a plugin's own template made from a string)."""
        if template.name is None or getattr(template.environment, "loader", None) is None:
            return None
        if template.name not in self.variables:
            try:
                found = referenced_variables(template.environment, template.name, self.parsed_templates)
            except TemplateNotFound:
                found = None
            self.variables[template.name] = found
        return self.variables[template.name]

    def reusable(self, name: str, key: str | None) -> bool:
        """The previous build has this page or feed, made from the same key."""
        if key is None:
            return False
        self.keys[name] = key
        return self.previous is not None and self.old_keys.get(name) == key and (self.previous / name).is_file()

    def link(self, name: str, target: str | Path) -> None:
        """Put the previous build's file of that name at target."""
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        link_previous(self.previous / name, target)
        self.reused += 1

    def merge(self, other: dict) -> None:
        """Add what another writer process did (see `done`)."""
        self.keys.update(other["keys"])
        self.reused += other["reused"]
        self.rendered.update(other["rendered"])

    def done(self) -> dict:
        """What this process did, for the parent: keys, pages reused and rendered."""
        return {"keys": self.keys, "reused": self.reused, "rendered": sorted(self.rendered)}


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


def sibling_records(settings: dict, name: str) -> tuple[Path | None, Path | None]:
    """Another record of the build beside its page keys (PAGE_RECORDS: `pages-<build>.json`), for a plugin that
    keeps state between builds out of the published site: (the previous build's `<name>-<build>.json`, where to
    save this build's); (None, None) in a build that keeps no records (plain `pelican content`)."""
    old, new = (settings.get(PAGE_RECORDS) or (None, None))

    def renamed(record: str | None) -> Path | None:
        if not record:
            return None
        path = Path(record)
        return path.with_name(name + "-" + path.name.removeprefix("pages-"))

    return renamed(old), renamed(new)


def write_record(record: Path, keys: dict[str, str]) -> None:
    """Save the keys of this build's pages where the build asked (PAGE_RECORDS), for the next build."""
    record.write_text(json.dumps(keys, indent=0, sort_keys=True) + "\n", encoding="utf-8")
