"""The `newsdigest` command: a thin shell over ingest, build, parse, check and serve.

Every problem is one line naming the file (or setting) and the reason, and the exit code says what happened:
0 success, 1 a seed or content file failed (the rest was done), 2 a usage or configuration problem, 3 the run
failed as a whole (a full disk, a failing theme or plugin: output/ left as it was), 130 and 143 interrupted
(Ctrl-C, SIGTERM). A reader that closes the pipe early (`newsdigest build | head`) gets no traceback;
the work goes on."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

from typing import TYPE_CHECKING

from generator import settings
from generator.errors import BuildError, ConfigError, NewsdigestError, SeedError, WriteError, printable
from generator.settings import DEFAULT_SITE_URL

if TYPE_CHECKING:  # the stages are imported by the commands that run them: Ctrl-C at once is one line too
    from generator.build import BuildReport
    from generator.ingest import IngestReport

EXIT_OK, EXIT_SEED_FAILED, EXIT_ERROR, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 3, 130, 143


def parser() -> argparse.ArgumentParser:
    """The argument parser with one subcommand per stage."""
    top = argparse.ArgumentParser(prog="newsdigest", description="Turn raw wire articles into a static news site.")
    commands = top.add_subparsers(dest="command", required=True)

    def folders(command: argparse.ArgumentParser, output: bool = False) -> None:
        command.add_argument("--seeds", type=Path, default=Path("seeds"), help="seed folder (default: seeds)")
        command.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
        command.add_argument("--year", type=int, help="year for datelines that state none (default: DEFAULT_YEAR)")
        command.add_argument("--force", action="store_true", help="regenerate hand-edited content files (a backup is kept)")
        command.add_argument("--settings", type=Path, default=Path("pelicanconf.py"), help="Pelican settings file (DEFAULT_YEAR)")
        command.add_argument("--no-wait", dest="wait", action="store_false",
                             help="when another run holds the project's lock, stop at once instead of waiting")
        if output:
            command.add_argument("--output", type=Path, default=Path("output"), help="site folder (default: output)")
            command.add_argument("--site-url", default=DEFAULT_SITE_URL, help=f"absolute site URL for feeds (default: {DEFAULT_SITE_URL})")

    folders(commands.add_parser("ingest", help="parse seeds/ into content/"))
    folders(commands.add_parser("build", help="ingest, then build the site with Pelican"), output=True)
    parse = commands.add_parser("parse", help="show the article model of one seed")
    parse.add_argument("file", type=Path)
    parse.add_argument("--json", action="store_true", help="print JSON: the front-matter keys plus body")
    parse.add_argument("--year", type=int, help="year for a dateline that states none")
    check = commands.add_parser("check", help="report on every seed and content file without building")
    check.add_argument("--seeds", type=Path, default=Path("seeds"))
    check.add_argument("--content", type=Path, default=Path("content"))
    check.add_argument("--year", type=int)
    serve = commands.add_parser("serve", help="serve the built site over HTTP")
    folders(serve, output=True)
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--watch", action="store_true", help="rebuild when seeds, content, theme or settings change, and reload the browser")
    return top


def default_year(option: int | None, settings_file: Path = Path("pelicanconf.py")) -> int | None:
    """The --year option, else DEFAULT_YEAR from the settings file when there is one."""
    if option is not None:
        if not 1 <= option <= 9999:
            raise ConfigError("--year", f"must be a year such as 2016, not {option}")
        return option
    year = settings.default_year(settings_file)
    if year is not None and not (isinstance(year, int) and not isinstance(year, bool) and 1 <= year <= 9999):
        raise ConfigError("DEFAULT_YEAR", f"must be a year such as 2016, not {year!r} (in {settings_file})")
    return year


def require_settings(settings_file: Path) -> None:
    """Stop with one line when the settings file is missing (outside a project, or a wrong --settings)."""
    if not settings_file.is_file():
        raise NewsdigestError(f"{settings_file}: no such settings file: run newsdigest in the project folder, or give --settings")


def check_folders(args: argparse.Namespace) -> None:
    """Refuse a seeds or content folder that would have a run read or write far outside the project (the root,
    the home folder, the project folder or one above it) or mix the project's folders (one inside another, or
    inside theme/ or output/). A seeds folder elsewhere (a scraper's) is fine."""
    project = getattr(args, "settings", Path("pelicanconf.py")).resolve().parent
    named = {"--seeds": args.seeds, "--content": args.content, "--output": getattr(args, "output", None),
             "the theme": project / "theme"}
    for option in ("--seeds", "--content"):
        folder = named[option]
        target = folder.resolve()
        if folder.exists() and not target.is_dir():
            raise NewsdigestError(f"{option} {folder}: it is not a folder")
        for top in (Path("/"), Path.home().resolve(), project):
            if top.is_relative_to(target):
                raise NewsdigestError(f"{option} {folder}: refused: it is or contains {top}")
        for name, other in named.items():
            if name != option and other is not None and target.is_relative_to(other.resolve()):
                raise NewsdigestError(f"{option} {folder}: refused: it is inside {name} ({other})")


def print_report(report: IngestReport) -> None:
    """One line per problem on stderr, a summary on stdout."""
    for line in report.warnings:
        print(f"warning: {printable(line)}", file=sys.stderr)
    for line in report.kept:
        print(f"kept: {printable(line)}", file=sys.stderr)
    for path in report.adopted:
        print(f"adopted: {printable(str(path))}: exactly what its seed gives, written by an earlier run that was cut short", file=sys.stderr)
    for failure in report.failures:
        print(f"error: {printable(str(failure))}", file=sys.stderr)
    print_dated_by_file(report.dated_by_file)
    adopted = f", {len(report.adopted)} adopted" if report.adopted else ""
    print(
        f"ingest: {len(report.written)} written, {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed, {len(report.kept)} kept{adopted}, {len(report.failures)} failed"
    )


def print_dated_by_file(seeds: list[str]) -> None:
    """List the stories whose date came from the seed file's time, for an editor to fix with a sidecar."""
    if seeds:
        print(f"{len(seeds)} dated by the file's time (nothing in the text gives the year; fix with a sidecar "
              "`date: YYYY-MM-DD` or a YYYY-MM-DD- file name):")
        for seed in seeds:
            print(f"  {printable(str(seed))}")


def say_waiting(message: str) -> None:
    """Tell the user this run waits for another one (printed at once: the wait may be long)."""
    print(f"waiting: {message}", file=sys.stderr, flush=True)


def run_ingest(args: argparse.Namespace) -> IngestReport:
    """Ingest with the command's folders and options, printing the report."""
    from generator.ingest import ingest

    if not args.seeds.is_dir():
        raise NewsdigestError(f"{args.seeds}: no such seeds folder")
    with progress_bar("parsing seeds") as progress:
        report = ingest(args.seeds, args.content, default_year=default_year(args.year, args.settings),
                        force=args.force, taxonomy_path=project_taxonomy(), progress=progress, wait=args.wait,
                        waiting=say_waiting)
    print_report(report)
    return report


def project_taxonomy() -> Path | None:
    """The project's tags.yaml, when the command runs in the project folder (see ingest.default_taxonomy_path)."""
    from generator.ingest import default_taxonomy_path

    found = default_taxonomy_path()
    return Path(found) if found else None


@contextlib.contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on an interactive terminal; nothing in CI, pipes and files."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def command_build(args: argparse.Namespace) -> int:
    """Ingest, then build; the site is built even when some seeds or content files failed, and the exit code
    says so. Ingest and build run under one hold of the project's lock, so two runs never interleave."""
    from generator.build import build_site, check_output_dir
    from generator.files import holding_locks

    require_settings(args.settings)
    project = args.settings.resolve().parent
    check_output_dir(args.output, project, [args.content, args.seeds, project / "theme"])
    with holding_locks([args.content, args.output], wait=args.wait, waiting=say_waiting):
        report = run_ingest(args)
        built = build_site(args.content, args.output, settings_file=args.settings, site_url=args.site_url,
                           protected=[args.seeds], force=args.force)
    print_build(built, args.output)
    return EXIT_OK if report.ok and not built.skipped else EXIT_SEED_FAILED


def print_build(built: BuildReport, output: Path) -> None:
    """The content files the build left out, one line each on stderr, and what it did on stdout."""
    for line in built.skipped:
        print(f"error: {printable(line)} (left out of the site)", file=sys.stderr)
    print(f"build: site written to {output}" if built else f"build: {output} is up to date")


def command_parse(args: argparse.Namespace) -> int:
    """Print the article model of one seed (date and tags resolved too), within the seed time limit."""
    from generator.ingest import prepare_all
    from generator.seeds import refuse_non_regular
    from generator.write import front_matter, render_body

    refuse_non_regular(args.file)
    file = args.file.absolute()
    article = next(prepare_all([file], file.parent, default_year(args.year), str(project_taxonomy() or "") or None))
    if isinstance(article, SeedError):
        raise SeedError(args.file, article.reason, article.line)
    for warning in article.warnings:
        print(f"warning: {printable(str(args.file))}: {printable(warning)}", file=sys.stderr)
    fields = {"title": None, "summary": None, "place": None, **front_matter(article)}
    fields["month"], fields["day"] = article.dateline.month, article.dateline.day
    fields["paragraphs"] = len(article.paragraphs)
    fields["body"] = render_body(article)
    if args.json:
        print(json.dumps(fields, default=json_value, ensure_ascii=False, indent=2))
    else:
        for key, value in fields.items():
            if key != "body":
                print(f"{key}: {json_value(value) if isinstance(value, dt.date) else value}")
        print()
        print(fields["body"])
    return EXIT_OK


def json_value(value: object) -> str:
    """JSON for dates: ISO format."""
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def command_check(args: argparse.Namespace) -> int:
    """Parse every seed, check every content file against the schema and against what ingest recorded; one line
    per problem."""
    from generator.check import check_content, check_records, check_seeds

    if not args.seeds.is_dir() and not args.content.is_dir():
        raise NewsdigestError(f"{args.seeds}, {args.content}: no such folders: run newsdigest check in the project "
                              "folder, or give --seeds and --content")
    taxonomy = project_taxonomy()
    seeds, seed_errors, warnings, dated_by_file = check_seeds(args.seeds, default_year(args.year), str(taxonomy) if taxonomy else None) if args.seeds.is_dir() else (0, [], [], [])
    pages = settings.read(Path("pelicanconf.py")).get("PAGE_PATHS", ["pages"]) if Path("pelicanconf.py").is_file() else ["pages"]
    files, content_problems = check_content(args.content, pages) if args.content.is_dir() else (0, [])
    record_problems, record_notes = check_records(args.seeds, args.content, pages) if args.content.is_dir() else ([], [])
    for line in [*warnings, *record_notes]:
        print(f"warning: {printable(line)}", file=sys.stderr)
    for line in [*seed_errors, *content_problems, *record_problems]:
        print(f"error: {printable(line)}", file=sys.stderr)
    print_dated_by_file(dated_by_file)
    print(f"check: {seeds} seeds, {len(seed_errors)} failed; {files} content files, "
          f"{len(content_problems) + len(record_problems)} problems")
    return EXIT_OK if not seed_errors and not content_problems and not record_problems else EXIT_SEED_FAILED


def command_serve(args: argparse.Namespace) -> int:
    """Serve output/ on localhost until interrupted; --watch rebuilds on changes and reloads open pages."""
    from generator.serve import serve

    if not 0 <= args.port <= 65535:
        raise ConfigError("--port", f"must be a port number from 1 to 65535, not {args.port}")
    if args.watch:
        args.wait = True  # a rebuild waits for a build run by hand, and the other way round
        command_build(args)
        watched = [args.seeds, args.content, Path("theme"), args.settings, Path("tags.yaml")]
        serve(args.output, args.port, watch=watched, rebuild=lambda: command_build(args))
        return EXIT_OK
    if not args.output.is_dir():
        raise NewsdigestError(f"{args.output}: no site to serve; run 'newsdigest build' first")
    serve(args.output, args.port)
    return EXIT_OK


COMMANDS = {
    "ingest": lambda args: EXIT_OK if run_ingest(args).ok else EXIT_SEED_FAILED,
    "build": command_build,
    "parse": command_parse,
    "check": command_check,
    "serve": command_serve,
}


class Terminated(BaseException):
    """SIGTERM, raised where the program is so that the same clean-up runs as for Ctrl-C."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


class QuietPipe:
    """A text stream that stops writing, without an error, once its reader has gone (`| head`)."""

    def __init__(self, stream):
        self.stream = stream
        self.closed_by_reader = False

    def write(self, text: str) -> int:
        if not self.closed_by_reader:
            try:
                return self.stream.write(text)
            except BrokenPipeError:
                self.reader_gone()
        return len(text)

    def flush(self) -> None:
        if not self.closed_by_reader:
            try:
                self.stream.flush()
            except BrokenPipeError:
                self.reader_gone()

    def reader_gone(self) -> None:
        self.closed_by_reader = True
        with contextlib.suppress(OSError):  # later writes and the final flush go nowhere
            os.dup2(os.open(os.devnull, os.O_WRONLY), self.stream.fileno())

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run one subcommand; every failure is one line on stderr and a non-zero exit."""
    try:
        args = parser().parse_args(argv)
        if hasattr(args, "content"):
            check_folders(args)
        return COMMANDS[args.command](args)
    except SeedError as error:
        print(f"error: {printable(str(error))}", file=sys.stderr)
        return EXIT_SEED_FAILED
    except (BuildError, WriteError) as error:
        print(f"error: {printable(str(error))}", file=sys.stderr)
        return EXIT_FAILED
    except NewsdigestError as error:
        print(f"error: {printable(str(error))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted: content/ and its record are consistent, output/ left as it was", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("terminated: content/ and its record are consistent, output/ left as it was", file=sys.stderr)
        return EXIT_TERMINATED
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        print(f"error: {printable(where)}{error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:  # noqa: BLE001 - a defect of ours: one line, the traceback only when asked for
        if os.environ.get("NEWSDIGEST_DEBUG"):
            traceback.print_exc()
        print(f"error: internal error ({type(error).__name__}: {printable(str(error))}); NEWSDIGEST_DEBUG=1 shows where", file=sys.stderr)
        return EXIT_FAILED


def run(previous: dict | None = None) -> None:
    """The console command (after generator.console): main(), then leave at once. Freeing a built site's objects
    one by one at interpreter exit takes seconds after a large build, and nothing of ours needs it: files are
    closed, workers and temporary folders gone when main() returns; the output streams are flushed here. Ctrl-C
    raises KeyboardInterrupt again (unless the command was started with it ignored), SIGTERM Terminated."""
    sys.stdout, sys.stderr = QuietPipe(sys.stdout), QuietPipe(sys.stderr)
    interrupt = (previous or {}).get(signal.SIGINT, signal.getsignal(signal.SIGINT))
    signal.signal(signal.SIGINT, signal.SIG_IGN if interrupt is signal.SIG_IGN else signal.default_int_handler)
    signal.signal(signal.SIGTERM, _terminate)
    code = main()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
