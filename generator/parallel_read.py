"""Parallel reading: on a build with nothing in Pelican's read cache, forked processes read the stories.

Pelican reads content files one at a time. Before it starts, `read_ahead` splits the files among the build's
processes (WRITE_PROCESSES); each forked child reads its share with our reader and hands the results back in one
pickle; the parent reads its own share meanwhile. Pelican's loop then finds every story already read
(`FrontMatterReader.read` takes it from `ahead`). A file a child could not read is read again by Pelican, which
reports the error as usual. With a warm read cache (a rebuild) there is little to read and nothing is forked."""

from __future__ import annotations

import logging
import os
import pickle
from pathlib import Path

from pelican import signals

from generator.files import scratch_folder
from generator.incremental import WRITE_PROCESSES

logger = logging.getLogger(__name__)
READ_AHEAD_FROM = 200  # fewer files than this are read faster than a fork and a pickle cost


def read_ahead(generator) -> None:
    """Pelican's article_generator_init: read every story on all processes when the read cache is empty."""
    processes = int(generator.settings.get(WRITE_PROCESSES) or 1)
    reader = generator.readers.readers.get("md")
    if processes < 2 or reader is None or not hasattr(reader, "ahead") or getattr(generator.readers, "_cache", None):
        return
    files = generator.get_files(generator.settings["ARTICLE_PATHS"], exclude=generator.settings["ARTICLE_EXCLUDES"])
    paths = sorted(os.path.abspath(os.path.join(generator.path, name)) for name in files
                   if name.rsplit(".", 1)[-1] in reader.file_extensions)
    if len(paths) < READ_AHEAD_FROM:
        return
    reader.ahead = read_in_processes(reader, paths, processes)


def read_in_processes(reader, paths: list[str], processes: int) -> dict[str, tuple]:
    """path -> (content, metadata) for the paths that read without error, read by `processes` processes."""
    with scratch_folder("newsdigest-read-") as folder:
        children = []
        for share in range(1, processes):
            result = Path(folder) / f"{share}.pickle"
            pid = os.fork()
            if pid == 0:
                _read_share_and_exit(reader, paths[share::processes], result)
            children.append((pid, result))
        read = read_share(reader, paths[0::processes])
        for pid, result in children:
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) == 0 and result.is_file():
                read.update(pickle.loads(result.read_bytes()))
            else:
                logger.warning("a reading process failed: its stories are read again, one by one")
    return read


def read_share(reader, paths: list[str]) -> dict[str, tuple]:
    """Read each path; one that fails is left for Pelican to read (and report) itself."""
    read = {}
    for path in paths:
        try:
            read[path] = reader.read(path)
        except Exception:  # noqa: BLE001 - Pelican reads it again and reports the error with the file's name
            continue
    return read


def _read_share_and_exit(reader, paths: list[str], result: Path) -> None:
    """In a forked child: read the share, pickle it to result, and leave without running the parent's code."""
    code = 1
    try:
        result.write_bytes(pickle.dumps(read_share(reader, paths), protocol=pickle.HIGHEST_PROTOCOL))
        code = 0
    finally:
        os._exit(code)


def register() -> None:
    """Pelican plugin entry point."""
    signals.article_generator_init.connect(read_ahead)
