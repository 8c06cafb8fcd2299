"""`newsdigest serve`: serves output/; with --watch it rebuilds on a change and tells open pages to reload."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import corpus_folder

NEWSDIGEST = Path(sys.executable).parent / "newsdigest"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> bytes:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_watch_rebuilds_and_streams_a_reload(chdir_project: Path) -> None:
    seed = chdir_project / "seeds" / "story.txt"
    shutil.copy(corpus_folder("tass") / "tass-1894059.txt", seed)
    port = free_port()
    server = subprocess.Popen([str(NEWSDIGEST), "serve", "--watch", "--port", str(port), "--year", "2024"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        page = wait_for(f"http://127.0.0.1:{port}/index.html")
        assert b"Russia to press for progress on line of engagement" in page
        assert b"/__newsdigest_reload" in page
        assert b"__newsdigest_reload" not in (chdir_project / "output" / "index.html").read_bytes()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/__newsdigest_reload", timeout=60) as stream:
            seed.write_text(seed.read_text().replace("Russia to press for progress", "Russia presses for progress"))
            line = stream.readline()
            while line.startswith(b":") or line == b"\n":
                line = stream.readline()
            assert line == b"data: reload\n"
        assert b"Russia presses for progress" in wait_for(f"http://127.0.0.1:{port}/index.html")
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_plain_serve_sends_the_files_unchanged(chdir_project: Path) -> None:
    shutil.copy(corpus_folder("tass") / "tass-1894059.txt", chdir_project / "seeds")
    subprocess.run([str(NEWSDIGEST), "build", "--year", "2024"], check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([str(NEWSDIGEST), "serve", "--port", str(port)], stdout=subprocess.PIPE)
    try:
        assert wait_for(f"http://127.0.0.1:{port}/index.html") == (chdir_project / "output" / "index.html").read_bytes()
    finally:
        server.terminate()
        server.wait(timeout=10)
