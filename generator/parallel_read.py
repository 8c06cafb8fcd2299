"""Parallel reading: on a build with nothing in Pelican's read cache, forked processes read the stories.

Pelican reads content files one at a time. Before it starts, `read_ahead` splits the files among the build's
processes (WRITE_PROCESSES); each forked child reads its share with our reader and hands the results back in one
pickle; the parent reads its own share meanwhile. Pelican's loop then finds every story already read
(`FrontMatterReader.read` takes it from `ahead`). A file a child could not read is read again by Pelican, which
reports the error as usual. With a warm read cache (a rebuild) there is little to read and nothing is forked.

Pelican's read cache also stamps each file (an MD5 of its bytes, CHECK_MODIFIED_METHOD), twice per story, in the
parent (and the generator twice more, for a cache it does not keep), and our page keys hash each file again: here
each file is stamped once per build, by the process that reads it ahead where there is one, and all of them
share that stamp."""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path

from pelican import signals

from generator.incremental import SOURCE_HASH, SOURCE_STAMPS, WRITE_PROCESSES
from generator.workers import die_with_parent

logger = logging.getLogger(__name__)
READ_AHEAD_FROM = 200  # fewer files than this are read faster than a fork and a pickle cost


def read_ahead(generator) -> None:
    """Pelican's article_generator_init: share file stamps, then read every story on all processes when the read
    cache is empty."""
    stamps, stamp = share_stamps(generator)
    processes = int(generator.settings.get(WRITE_PROCESSES) or 1)
    reader = generator.readers.readers.get("md")
    if processes < 2 or reader is None or not hasattr(reader, "ahead") or getattr(generator.readers, "_cache", None):
        return
    files = generator.get_files(generator.settings["ARTICLE_PATHS"], exclude=generator.settings["ARTICLE_EXCLUDES"])
    paths = sorted(os.path.abspath(os.path.join(generator.path, name)) for name in files
                   if name.rsplit(".", 1)[-1] in reader.file_extensions)
    if len(paths) < READ_AHEAD_FROM:
        return
    reader.ahead, taken = read_in_processes(reader, paths, processes, stamp)
    stamps.update(taken)


def share_stamps(generator) -> tuple[dict[str, object], Callable[[str], object]]:
    """One stamp per content file and build, shared by Pelican's read caches (the generator's and the readers')
    and by our page keys (context[SOURCE_STAMPS]): (the stamps by absolute path, the stamping function)."""
    stamps: dict[str, object] = {}
    stamp = getattr(generator.readers, "_filestamp_func", None) or _no_stamp
    if stamp is _no_stamp:
        return stamps, stamp
    shared = remembered_stamps(stamps, stamp)
    for cacher in (generator.readers, generator):  # the generator stamps too, though it caches nothing here
        if getattr(cacher, "_filestamp_func", None) is not None:
            cacher._filestamp_func = shared
    if generator.settings.get("CHECK_MODIFIED_METHOD") == SOURCE_HASH:  # the page keys' hash of a source file
        generator.context[SOURCE_STAMPS] = shared
    return stamps, shared


def remembered_stamps(stamps: dict[str, object], stamp: Callable[[str], object]) -> Callable[[str], object]:
    """Pelican's file stamp function, taking each file's stamp once (or from stamps, where one was taken ahead)."""

    def stamp_of(path: str) -> object:
        key = os.path.abspath(path)
        if key not in stamps:
            stamps[key] = stamp(path)
        return stamps[key]

    return stamp_of


def _no_stamp(path: str) -> None:
    return None


def read_in_processes(reader, paths: list[str], processes: int,
                      stamp: Callable[[str], object] = _no_stamp) -> tuple[dict[str, tuple], dict[str, object]]:
    """For the paths that read without error, read by `processes` processes: path -> (content, metadata),
    and path -> stamp(path) taken just before the file was read."""
    with tempfile.TemporaryDirectory(prefix="newsdigest-read-") as folder:
        children = []
        for share in range(1, processes):
            result = Path(folder) / f"{share}.pickle"
            pid = os.fork()
            if pid == 0:
                _read_share_and_exit(reader, paths[share::processes], stamp, result)
            children.append((pid, result))
        read, stamps = read_share(reader, paths[0::processes], stamp)
        for pid, result in children:
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) == 0 and result.is_file():
                their_read, their_stamps = pickle.loads(result.read_bytes())
                read.update(their_read)
                stamps.update(their_stamps)
            else:
                logger.warning("a reading process failed: its stories are read again, one by one")
    return read, stamps


def read_share(reader, paths: list[str], stamp: Callable[[str], object]) -> tuple[dict[str, tuple], dict[str, object]]:
    """Stamp and read each path; one that fails is left for Pelican to read (and report) itself."""
    read, stamps = {}, {}
    for path in paths:
        try:
            stamps[path] = stamp(path)
            read[path] = reader.read(path)
        except Exception:  # noqa: BLE001 - Pelican reads it again and reports the error with the file's name
            stamps.pop(path, None)
            continue
    return read, stamps


def _read_share_and_exit(reader, paths: list[str], stamp: Callable[[str], object], result: Path) -> None:
    """In a forked child: read the share, pickle it to result, and leave without running the parent's code."""
    code = 1
    try:
        die_with_parent()  # a killed build leaves no reader behind
        result.write_bytes(pickle.dumps(read_share(reader, paths, stamp), protocol=pickle.HIGHEST_PROTOCOL))
        code = 0
    finally:
        os._exit(code)


def register() -> None:
    """Pelican plugin entry point."""
    signals.article_generator_init.connect(read_ahead)
