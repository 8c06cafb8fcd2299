"""The `newsdigest` console command's first step. Until the command has started, Ctrl-C or SIGTERM ends it at once
with its exit code and one line (nothing is open yet, so nothing needs cleaning up); then generator.cli, which
imports the rest, takes over with its own handling."""

from __future__ import annotations

import os
import signal
import sys

EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}


def _stop_at_once(signum: int, frame: object) -> None:
    os.write(sys.stderr.fileno(), b"interrupted: nothing was started\n")
    os._exit(EXIT_CODES[signum])


def run() -> None:
    """Run the command; a signal before it starts ends it quietly."""
    previous = {signum: signal.getsignal(signum) for signum in EXIT_CODES}
    for signum, handler in previous.items():
        if handler is not signal.SIG_IGN:  # a job started in the background keeps ignoring Ctrl-C
            signal.signal(signum, _stop_at_once)
    from generator.cli import run as run_command

    run_command(previous)
