"""The `newsdigest` command: a thin shell over ingest, build, parse, check and serve."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from generator import settings
from generator.build import DEFAULT_SITE_URL, build_site
from generator.errors import NewsdigestError, SeedError
from generator.ingest import IngestReport, ingest
from generator.write import front_matter, render_body

EXIT_OK, EXIT_SEED_FAILED, EXIT_ERROR = 0, 1, 2


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
    return option if option is not None else settings.default_year(settings_file)


def print_report(report: IngestReport) -> None:
    """One line per problem on stderr, a summary on stdout."""
    for line in report.warnings:
        print(f"warning: {line}", file=sys.stderr)
    for line in report.kept:
        print(f"kept: {line}", file=sys.stderr)
    for failure in report.failures:
        print(f"error: {failure}", file=sys.stderr)
    print_dated_by_file(report.dated_by_file)
    print(
        f"ingest: {len(report.written)} written, {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed, {len(report.kept)} kept, {len(report.failures)} failed"
    )


def print_dated_by_file(seeds: list[str]) -> None:
    """List the stories whose date came from the seed file's time, for an editor to fix with a sidecar."""
    if seeds:
        print(f"{len(seeds)} dated by the file's time (nothing in the text gives the year; fix with a sidecar "
              "`date: YYYY-MM-DD` or a YYYY-MM-DD- file name):")
        for seed in seeds:
            print(f"  {seed}")


def run_ingest(args: argparse.Namespace) -> IngestReport:
    """Ingest with the command's folders and options, printing the report."""
    if not args.seeds.is_dir():
        raise NewsdigestError(f"{args.seeds}: no such seeds folder")
    with progress_bar("parsing seeds") as progress:
        report = ingest(args.seeds, args.content, default_year=default_year(args.year, args.settings),
                        force=args.force, taxonomy_path=project_taxonomy(), progress=progress)
    print_report(report)
    return report


def project_taxonomy() -> Path | None:
    """The project's tags.yaml, when the command runs in the project folder."""
    return Path("tags.yaml").resolve() if Path("tags.yaml").is_file() else None


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
    """Ingest, then build; the site is built even when some seeds failed, and the exit code says so."""
    report = run_ingest(args)
    built = build_site(args.content, args.output, settings_file=args.settings, site_url=args.site_url,
                       protected=[args.seeds], force=args.force)
    print(f"build: site written to {args.output}" if built else f"build: {args.output} is up to date")
    return EXIT_OK if report.ok else EXIT_SEED_FAILED


def command_parse(args: argparse.Namespace) -> int:
    """Print the article model of one seed (date and tags resolved too)."""
    from generator.enrich import enrich
    from generator.parse import parse_seed
    from generator.tagging.taxonomy import load_taxonomy

    article = parse_seed(args.file)
    enrich(article, args.file, load_taxonomy(project_taxonomy()), default_year(args.year))
    for warning in article.warnings:
        print(f"warning: {args.file}: {warning}", file=sys.stderr)
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
    """Parse every seed and read every content file's front matter; one line per problem."""
    from generator.check import check_content, check_seeds

    taxonomy = project_taxonomy()
    seeds, seed_errors, warnings, dated_by_file = check_seeds(args.seeds, default_year(args.year), str(taxonomy) if taxonomy else None) if args.seeds.is_dir() else (0, [], [], [])
    files, content_problems = check_content(args.content) if args.content.is_dir() else (0, [])
    for line in warnings:
        print(f"warning: {line}", file=sys.stderr)
    for line in [*seed_errors, *content_problems]:
        print(f"error: {line}", file=sys.stderr)
    print_dated_by_file(dated_by_file)
    print(f"check: {seeds} seeds, {len(seed_errors)} failed; {files} content files, {len(content_problems)} with problems")
    return EXIT_OK if not seed_errors and not content_problems else EXIT_SEED_FAILED


def command_serve(args: argparse.Namespace) -> int:
    """Serve output/ on localhost until interrupted; --watch rebuilds on changes and reloads open pages."""
    from generator.serve import serve

    if args.watch:
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


def main(argv: list[str] | None = None) -> int:
    """Entry point: run one subcommand; every failure is one line on stderr and a non-zero exit."""
    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except SeedError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_SEED_FAILED
    except NewsdigestError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted; output/ left as it was", file=sys.stderr)
        return 130


def run() -> None:
    """The console command: main(), then leave at once. Freeing a built site's objects one by one at interpreter
    exit takes seconds after a large build, and nothing of ours needs it: files are closed, workers and
    temporary folders gone when main() returns; the output streams are flushed here."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BrokenPipeError):  # a reader that stopped early (`| head`) wants no traceback
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
