"""Fault points for tests/test_faults.py: the newsdigest command, sending itself a signal at a chosen point.

    python tests/faultpoints.py POINT N SIGNAL -- newsdigest arguments...

POINT is where, N which occurrence (1 = the first), SIGNAL one of INT, TERM, KILL:
- content-recorded: ingest recorded the Nth content file in its journal and has not written it;
- content-written: ingest has just written the Nth content file;
- page: the build's main process is about to write its Nth page;
- swap: the new site is built and recorded, and not yet swapped in for output/.
Hooks in the process itself make each run stop at exactly that point."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))


def arm(point: str, occurrence: int, signal_name: str) -> None:
    """Patch the code at POINT to send the signal on its Nth occurrence."""
    signum = getattr(signal, f"SIG{signal_name}")
    main_pid = os.getpid()
    count = {"n": 0}

    def reached() -> None:
        if os.getpid() != main_pid:
            return  # a forked writer or worker: the point is in the main process
        count["n"] += 1
        if count["n"] == occurrence:
            os.kill(main_pid, signum)  # INT and TERM raise here, in the main thread; KILL ends the process
            time.sleep(60)

    if point.startswith("content-"):
        from generator.files import SafeWriter

        write_bytes = SafeWriter.write_bytes

        def hooked(self, relative, data):
            content = str(relative).endswith(".md") and not str(relative).startswith(".")
            if content and point == "content-recorded":
                reached()
            written = write_bytes(self, relative, data)
            if content and point == "content-written":
                reached()
            return written

        SafeWriter.write_bytes = hooked
    elif point == "page":
        from pelican.writers import Writer

        write_file = Writer.write_file

        def page(self, *args, **kwargs):
            reached()
            return write_file(self, *args, **kwargs)

        Writer.write_file = page
    elif point == "swap":
        import generator.build

        swap_in = generator.build.swap_in

        def swap(staging, output):
            reached()
            return swap_in(staging, output)

        generator.build.swap_in = swap
    else:
        raise SystemExit(f"unknown fault point {point}")


if __name__ == "__main__":
    point, occurrence, signal_name, separator, *arguments = sys.argv[1:]
    assert separator == "--"
    arm(point, int(occurrence), signal_name)
    from generator.cli import run

    sys.argv = ["newsdigest", *arguments]
    run()
