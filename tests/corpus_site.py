"""Fixtures: the site built once from the seed plus the TASS and Reuters corpus, served by nginx under /digest/.

A pytest plugin shared by the real checks (validators, nginx, browser, Lighthouse): test modules load it with
`pytest_plugins = ["corpus_site"]` (and do not import it), so the session-scoped fixtures build and serve ONE site
for all of them.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from checktools import ABOUT_PAGE, CHROMIUM, CHROMIUM_ARGS, PROJECT, SEED, Site
from conftest import FIXTURES, corpus_folder, need_tool

CORPUS_YEARS = {"tass": 2024, "reuters": 1987}
EVENTS = FIXTURES / "events"
# Two of the event fixtures: an earthquake told by TASS, Reuters and AP, and a runway accident told by three
# agencies, AP twice (a re-send). Only these: the search tests' expectations were written for the corpus, and the
# fixtures' short stories outrank its long ones on some names.
CORPUS_EVENTS = ("*-quake.txt", "*-runway*.txt")
START_TIMEOUT = 15.0


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def corpus_seeds(seeds: Path) -> None:
    """Copy the project's seed (with its sidecar), every TASS and Reuters item, each with a year sidecar, and two
    events of the event fixtures (CORPUS_EVENTS), dated by name."""
    shutil.copy(SEED, seeds)
    shutil.copy(SEED.with_suffix(".yaml"), seeds)
    for folder, year in CORPUS_YEARS.items():
        for item in sorted(corpus_folder(folder).glob("*.txt")):
            shutil.copy(item, seeds / item.name)
            (seeds / item.name).with_suffix(".yaml").write_text(f"year: {year}\n", encoding="utf-8")
    for pattern in CORPUS_EVENTS:
        for item in sorted(EVENTS.glob(pattern)):
            shutil.copy(item, seeds / item.name)


def build_corpus_site(root: Path, port: int) -> Site:
    """Build the corpus site, with an About page, by the `newsdigest build` command in a scratch copy of the project."""
    for name in ("pelicanconf.py", "publishconf.py", "tags.yaml"):
        shutil.copy(PROJECT / name, root / name)
    shutil.copytree(PROJECT / "theme", root / "theme")
    (root / "seeds").mkdir()
    corpus_seeds(root / "seeds")
    (root / "content" / "pages").mkdir(parents=True)
    (root / "content" / "pages" / "about.md").write_text(ABOUT_PAGE, encoding="utf-8")
    site = Site(root / "www", port)
    command = [sys.executable, "-m", "generator.cli", "build", "--seeds", "seeds", "--content", "content",
               "--output", str(site.output), "--site-url", site.url]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, f"newsdigest build of the corpus site failed:\n{done.stdout}\n{done.stderr}"
    return site


def nginx_binary() -> str | None:
    """Debian's nginx, also when /usr/sbin is not on PATH."""
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")


def nginx_config(site: Site, state: Path) -> str:
    """A foreground, single-process nginx serving site.www on the site's loopback port, all files in state."""
    return f"""daemon off;
master_process off;
worker_processes 1;
pid {state}/nginx.pid;
error_log {state}/error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {state}/access.log;
    client_body_temp_path {state}/client;
    proxy_temp_path {state}/proxy;
    fastcgi_temp_path {state}/fastcgi;
    uwsgi_temp_path {state}/uwsgi;
    scgi_temp_path {state}/scgi;
    server {{
        listen 127.0.0.1:{site.port};
        root {site.www};
    }}
}}
"""


def wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    """Return once something accepts connections on the port; fail if the server exits or never listens."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx exited with {process.returncode}: {log.read_text(errors='replace') if log.exists() else ''}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    pytest.fail(f"nginx did not listen on 127.0.0.1:{port} within {START_TIMEOUT} s")


@contextmanager
def nginx(site: Site, state: Path) -> Iterator[None]:
    """Run nginx on the site while the block runs; stop it afterwards."""
    binary = nginx_binary()
    need_tool(binary is not None and Path("/etc/nginx/mime.types").is_file(), "nginx (Debian package nginx)")
    state.mkdir(parents=True, exist_ok=True)
    config = state / "nginx.conf"
    config.write_text(nginx_config(site, state), encoding="utf-8")
    process = subprocess.Popen([binary, "-p", str(state), "-e", str(state / "error.log"), "-c", str(config)],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(site.port, process, state / "error.log")
        yield
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The corpus site, built once per test session for the address it is served at."""
    return build_corpus_site(tmp_path_factory.mktemp("corpus-site"), free_port())


@pytest.fixture(scope="session")
def served_site(corpus_site: Site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The corpus site served by a real nginx at its address, http://127.0.0.1:PORT/digest/."""
    with nginx(corpus_site, tmp_path_factory.mktemp("nginx")):
        yield corpus_site


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """Debian's Chromium, headless, launched once for the module; never a downloaded browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    need_tool(sync_playwright is not None, "Playwright (pip install -e '.[test]')")
    need_tool(CHROMIUM.is_file(), f"Chromium at {CHROMIUM} (Debian package chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
