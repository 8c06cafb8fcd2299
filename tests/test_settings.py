"""The settings file is executed once per command, read again when it or a file it imports changes, and gives
Pelican the settings Pelican itself would read from it."""

from __future__ import annotations

import os
from pathlib import Path

from pelican.settings import read_settings

from conftest import corpus_folder
from generator import settings
from generator.cli import main

COUNTING = "\nimport pathlib\nwith open(pathlib.Path(__file__).with_name('executions'), 'a') as _out:\n    _out.write('x')\n"


def executions(project: Path) -> int:
    marker = project / "executions"
    return len(marker.read_text()) if marker.is_file() else 0


def test_a_build_command_executes_the_settings_file_once(chdir_project: Path) -> None:
    (chdir_project / "pelicanconf.py").write_text((chdir_project / "pelicanconf.py").read_text() + "DEFAULT_YEAR = 2024\n" + COUNTING)
    (chdir_project / "seeds" / "story.txt").write_bytes((corpus_folder("tass") / "tass-1894059.txt").read_bytes())
    assert main(["build", "--site-url", "https://example.org/"]) == 0
    assert executions(chdir_project) == 1
    assert list((chdir_project / "content").rglob("*.md"))[0].parts[-3] == "2024"  # DEFAULT_YEAR reached ingest
    assert main(["build", "--site-url", "https://example.org/"]) == 0
    assert executions(chdir_project) == 1  # nothing changed: the values read before


def test_an_edit_of_an_imported_settings_file_is_read(project: Path) -> None:
    conf = project / "pelicanconf.py"
    assert settings.read(project / "publishconf.py")["SITENAME"] == "newsdigest"
    conf.write_text(conf.read_text().replace('SITENAME = "newsdigest"', 'SITENAME = "Morning Wire"'))
    os.utime(conf, ns=(conf.stat().st_atime_ns, conf.stat().st_mtime_ns + 10**9))
    assert settings.read(project / "publishconf.py")["SITENAME"] == "Morning Wire"


def test_pelican_gets_the_settings_it_would_read_itself(project: Path) -> None:
    content, output = project / "content", project / "output"
    ours = settings.pelican_settings(project / "pelicanconf.py", content, output, "https://example.org/digest/")
    overrides = {"PATH": str(content), "OUTPUT_PATH": str(output), "SITEURL": "https://example.org/digest",
                 "FEED_DOMAIN": "https://example.org/digest"}
    pelicans = read_settings(str(project / "pelicanconf.py"), override=overrides)
    assert ours.keys() == pelicans.keys()
    assert {key: repr(value) for key, value in ours.items()} == {key: repr(value) for key, value in pelicans.items()}
    assert ours["THEME"] == str(project / "theme")


def test_a_build_may_change_its_settings_without_changing_the_next_builds(project: Path) -> None:
    first = settings.pelican_settings(project / "pelicanconf.py", project / "content", project / "output", "http://x/")
    first["MARKDOWN"].setdefault("extensions", []).append("markdown.extensions.meta")  # as Pelican's reader does
    second = settings.pelican_settings(project / "pelicanconf.py", project / "content", project / "output", "http://x/")
    assert "markdown.extensions.meta" not in second["MARKDOWN"].get("extensions", [])


def test_default_year_is_none_without_a_settings_file(tmp_path: Path) -> None:
    assert settings.default_year(tmp_path / "pelicanconf.py") is None
