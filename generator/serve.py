"""Serve output/ on localhost; with --watch, rebuild on changes and reload open pages."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable
from pathlib import Path

from generator.errors import NewsdigestError

RELOAD_PATH = "/__newsdigest_reload"
# Only the development server adds this to pages it serves; the built site has no script.
RELOAD_SCRIPT = (
    "<script>new EventSource('" + RELOAD_PATH + "').onmessage = function () { location.reload(); };</script>"
).encode()


class SiteVersion:
    """A counter bumped after every rebuild; reload streams wait on it."""

    def __init__(self) -> None:
        self.number = 0
        self.changed = threading.Condition()

    def bump(self) -> None:
        with self.changed:
            self.number += 1
            self.changed.notify_all()

    def wait_past(self, number: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.number > number, timeout=timeout)
            return self.number


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files of output/; in watch mode, HTML gets the reload script and /__newsdigest_reload streams events."""

    version: SiteVersion | None = None

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:
        if self.version is not None and self.path == RELOAD_PATH:
            self.stream_reloads()
            return
        path = Path(self.translate_path(self.path))
        if self.version is not None and (path.suffix == ".html" or (path / "index.html").is_file()):
            self.send_page(path / "index.html" if path.is_dir() else path)
            return
        super().do_GET()

    def send_page(self, path: Path) -> None:
        if not path.is_file():
            self.send_error(404)
            return
        page = path.read_bytes().replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(page)

    def stream_reloads(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = self.version.number
        try:
            while True:
                now = self.version.wait_past(seen, timeout=15)
                self.wfile.write(b"data: reload\n\n" if now > seen else b": keep-alive\n\n")
                self.wfile.flush()
                seen = now
        except (BrokenPipeError, ConnectionResetError):
            return


def watch_and_rebuild(paths: list[Path], rebuild: Callable[[], None], version: SiteVersion,
                      stop: threading.Event) -> None:
    """Rebuild whenever a watched path changes, then tell open pages to reload."""
    from watchfiles import watch

    existing = [str(path) for path in paths if path.exists()]
    for _changes in watch(*existing, stop_event=stop, debounce=400):
        try:
            rebuild()
        except Exception as error:  # noqa: BLE001 - a failed rebuild is reported and watching goes on
            print(f"error: rebuild failed: {error}")
            continue
        version.bump()


def serve(output: Path, port: int, *, watch: list[Path] | None = None,
          rebuild: Callable[[], None] | None = None) -> None:
    """Serve output/ on 127.0.0.1:port until interrupted; with watch paths, rebuild and live-reload."""
    version = SiteVersion() if watch else None
    handler = type("Handler", (SiteHandler,), {"version": version})
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(output)))
    except OSError as error:
        raise NewsdigestError(f"cannot serve on port {port}: {error.strerror or error}") from None
    server.daemon_threads = True
    stop = threading.Event()
    if watch and rebuild:
        threading.Thread(target=watch_and_rebuild, args=(watch, rebuild, version, stop), daemon=True).start()
    print(f"serving {output} at http://localhost:{port}/" + (" (watching for changes)" if watch else "") + " (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
