"""Reading ahead: on a build with nothing in Pelican's read cache, forked processes read the stories.

Pelican reads content files one at a time. Before it starts, `read_ahead` splits the files among the build's
processes (WRITE_PROCESSES); each forked worker reads its share with our reader and hands the results back; the
parent reads its own share meanwhile. Pelican's loop then finds every story already read
(`FrontMatterReader.read` takes it from `ahead`). A file a worker could not read is read again by Pelican, which
reports the error as usual. With a warm read cache (a rebuild) there is little to read and nothing is forked.

Pelican's read cache also stamps each file (a hash of its bytes, CHECK_MODIFIED_METHOD) several times per build,
and our page keys hash each file again: here each file is stamped once per build, by the process that reads it
ahead where there is one, and all of them share that stamp. Both reach into the read cache's private parts, so
both are on only where generator.site.patches says that cache is the one they were written for."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from generator.site import patches
from generator.site.parallel import WRITE_PROCESSES, WorkerFailed, Workers
from generator.site.reuse import SOURCE_HASH, SOURCE_STAMPS

logger = logging.getLogger(__name__)
READ_AHEAD_FROM = 200  # fewer files than this are read faster than a fork and a pickle cost


def read_ahead(generator) -> None:
    """Pelican's article_generator_init: share file stamps, then read every story on all processes when the read
    cache is empty."""
    if not patches.READ_CACHE.applied:
        return
    stamps: dict[str, object] = {}
    stamp = patches.share_file_stamps(generator, lambda theirs: remembered_stamps(stamps, theirs))
    if stamp is not None and generator.settings.get("CHECK_MODIFIED_METHOD") == SOURCE_HASH:
        generator.context[SOURCE_STAMPS] = stamp  # the page keys' hash of a source file
    processes = int(generator.settings.get(WRITE_PROCESSES) or 1)
    reader = generator.readers.readers.get("md")
    if processes < 2 or not hasattr(reader, "ahead") or not patches.read_cache_is_empty(generator):
        return
    files = generator.get_files(generator.settings["ARTICLE_PATHS"], exclude=generator.settings["ARTICLE_EXCLUDES"])
    paths = sorted(os.path.abspath(os.path.join(generator.path, name)) for name in files
                   if name.rsplit(".", 1)[-1] in reader.file_extensions)
    if len(paths) < READ_AHEAD_FROM:
        return
    reader.ahead, taken = read_in_processes(reader, paths, processes, stamp or _no_stamp)
    stamps.update(taken)


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
    workers = Workers(processes)
    share = workers.start()
    try:
        result = read_share(reader, paths[share::processes], stamp)
    except BaseException as error:
        if share:
            workers.fail(error)  # a worker never returns into Pelican's code
        workers.stop()
        raise
    if share:
        workers.hand_back(result)
    read, stamps = result
    for outcome in workers.join():
        if isinstance(outcome, WorkerFailed):
            logger.warning("a reading process failed (%s): its stories are read again, one by one", outcome.reason)
            continue
        read.update(outcome[0])
        stamps.update(outcome[1])
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
    return read, stamps
