"""The newsdigest command as a user runs it: parse --json, ingest, build, exit codes, one line per problem."""

from __future__ import annotations

import json
import os
import shutil
import socket
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, PROJECT, corpus_folder, corpus_gold
from generator.cli import main

NEWSDIGEST = Path(sys.executable).parent / "newsdigest"
TASS_GOLD = corpus_gold("tass")


@pytest.mark.parametrize("name", sorted(TASS_GOLD))
def test_parse_json_matches_gold(name: str, capsys: pytest.CaptureFixture) -> None:
    assert main(["parse", str(corpus_folder("tass") / name), "--json", "--year", "2024"]) == 0
    model = json.loads(capsys.readouterr().out)
    gold = TASS_GOLD[name]
    for key in ("title", "summary", "place", "month", "day", "paragraphs"):
        assert model[key] == gold[key], key
    assert model["source"] == gold["agency"] and model["date"] == f"{gold['year']}-12-26"
    assert {"dateline", "tags", "slug", "seed", "body", "date_source"} <= set(model)


def test_parse_json_of_the_seed_uses_its_sidecar(capsys: pytest.CaptureFixture) -> None:
    assert main(["parse", str(PROJECT / "seeds" / "000_5c9cc7032a8f1c3d.txt"), "--json"]) == 0
    model = json.loads(capsys.readouterr().out)
    assert model["date"] == "2016-11-02" and model["date_source"] == "sidecar"
    assert model["paragraphs"] == 10 and "\n## Russia, US" in model["body"]


def test_console_script_builds_and_reports_a_bad_seed(chdir_project: Path) -> None:
    seeds = chdir_project / "seeds"
    shutil.copy(PROJECT / "seeds" / "000_5c9cc7032a8f1c3d.txt", seeds)
    shutil.copy(PROJECT / "seeds" / "000_5c9cc7032a8f1c3d.yaml", seeds)
    (seeds / "broken.txt").write_bytes(b"")
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    result = subprocess.run([str(NEWSDIGEST), "build", "--site-url", "https://example.org/digest/"],
                            capture_output=True, text=True, env=buffered)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == ["error: seeds/broken.txt: file is empty"]
    assert "Traceback" not in result.stderr
    # the command leaves without interpreter shutdown (generator.cli.run): what it printed to a pipe is all there
    assert result.stdout.splitlines()[0].startswith("ingest: 1 written") and result.stdout.endswith("build: site written to output\n")
    assert (chdir_project / "output" / "index.html").is_file()
    assert "Lavrov hopes US" in (chdir_project / "output" / "index.html").read_text()


def test_ingest_exit_code_is_zero_when_every_seed_parses(chdir_project: Path) -> None:
    shutil.copy(corpus_folder("tass") / "tass-1894059.txt", chdir_project / "seeds")
    assert main(["ingest", "--year", "2024"]) == 0
    assert list((chdir_project / "content" / "2024" / "12").glob("*.md"))


def test_missing_seeds_folder_is_one_line_and_exit_two(chdir_project: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["ingest", "--seeds", "nowhere"]) == 2
    assert capsys.readouterr().err.strip() == "error: nowhere: no such seeds folder"


@pytest.mark.parametrize("argv, error", [
    (["build", "--content", "theme/c"], "error: --content theme/c: refused: it is inside the theme ("),
    (["ingest", "--content", "seeds/c"], "error: --content seeds/c: refused: it is inside --seeds (seeds)"),
    (["build", "--content", "output/c"], "error: --content output/c: refused: it is inside --output (output)"),
    (["ingest", "--seeds", ".."], "error: --seeds ..: refused: it is or contains "),
    (["check", "--seeds", "/"], "error: --seeds /: refused: it is or contains /"),
    (["ingest", "--content", "pelicanconf.py"], "error: --content pelicanconf.py: it is not a folder"),
])
def test_folders_that_would_mix_the_project_or_reach_out_of_it_are_refused(chdir_project: Path, argv: list[str],
                                                                           error: str, capsys) -> None:
    before = sorted(path.relative_to(chdir_project) for path in chdir_project.rglob("*"))
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(error) and err.count("\n") == 1
    assert sorted(path.relative_to(chdir_project) for path in chdir_project.rglob("*")) == before


def test_a_theme_that_fails_is_one_line_exit_three_and_the_site_stays(chdir_project: Path, capsys) -> None:
    shutil.copy(corpus_folder("tass") / "tass-1894059.txt", chdir_project / "seeds")
    assert main(["build", "--year", "2024"]) == 0
    before = (chdir_project / "output" / "index.html").read_bytes()
    (chdir_project / "theme" / "templates" / "index.html").write_text(
        "{% extends 'base.html' %}{% block content %}{{ 1 / 0 }}{% endblock %}")
    capsys.readouterr()
    assert main(["build", "--year", "2024"]) == 3
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith("error: Pelican failed: ") and "ZeroDivisionError" in errors[0]
    assert (chdir_project / "output" / "index.html").read_bytes() == before


@pytest.mark.parametrize("command", [["ingest"], ["check"], ["build"]])
def test_a_year_out_of_range_is_a_usage_error(chdir_project: Path, command: list[str], capsys) -> None:
    shutil.copy(corpus_folder("tass") / "tass-1894059.txt", chdir_project / "seeds")
    assert main([*command, "--year", "-5"]) == 2
    assert capsys.readouterr().err == "error: setting --year: must be a year such as 2016, not -5\n"


def test_a_seed_name_with_control_characters_is_one_escaped_line(chdir_project: Path, capsys) -> None:
    (chdir_project / "seeds" / "new\nline\x1b[31m.txt").write_bytes(b"")
    (chdir_project / "seeds" / "undated\u202e\rerror: forged.txt").write_text(
        "SOME HEADLINE HERE FOR A TEST\n\nThe minister said on Thursday that the plan would go ahead.\n")
    assert main(["ingest"]) == 1
    errors = capsys.readouterr().err.splitlines()
    assert "error: seeds/new\\x0aline\\x1b[31m.txt: file is empty" in errors
    assert not [line for line in errors if line.startswith("error: forged")]
    assert [line for line in errors if "undated\\u202e\\x0derror: forged.txt" in line]


def test_check_outside_a_project_is_one_line_and_exit_two(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert capsys.readouterr().err == ("error: seeds, content: no such folders: run newsdigest check in the project "
                                       "folder, or give --seeds and --content\n")


def test_parse_of_a_bad_file_names_it(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bad = tmp_path / "noise.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 100)
    assert main(["parse", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {bad}:") and "\n" not in err


def test_check_reports_every_bad_seed_and_content_file_without_building(chdir_project: Path,
                                                                        capsys: pytest.CaptureFixture) -> None:
    seeds, content = chdir_project / "seeds", chdir_project / "content"
    shutil.copy(corpus_folder("tass") / "tass-1894059.txt", seeds)
    shutil.copy(FIXTURES / "wire" / "bbc-style.txt", seeds)  # no dateline, no agency: a valid story
    (seeds / "empty.txt").write_bytes(b"")
    assert main(["ingest", "--year", "2024"]) == 1
    capsys.readouterr()
    assert main(["check", "--year", "2024"]) == 1  # the empty seed; the content files, with a story of no source, are fine
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if line.startswith("error:")] == ["error: seeds/empty.txt: file is empty"]
    (content / "2024" / "bad-yaml.md").write_text("---\ntitle: [unclosed\n---\nBody\n", encoding="utf-8")
    (content / "2024" / "bad-slug.md").write_text("---\ntitle: T\ndate: 2024-01-02\nslug: Not A Slug\ntags: [x]\n---\nB\n",
                                                 encoding="utf-8")
    (seeds / "empty.txt").unlink()
    assert main(["check", "--year", "2024"]) == 1
    captured = capsys.readouterr()
    errors = sorted(line for line in captured.err.splitlines() if line.startswith("error:"))
    assert len(errors) == 2 and "bad-slug.md: 'slug' must be lower-case ASCII" in errors[0]
    assert "bad-yaml.md: front matter is not valid YAML (line 3, column 1): did not find expected" in errors[1]
    assert "check: 2 seeds, 0 failed; 4 content files, 2 problems" in captured.out
    assert not (chdir_project / "output").exists()


def newsdigest(project: Path, *arguments: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run([str(NEWSDIGEST), *arguments], cwd=project, stdout=stdout, stderr=subprocess.PIPE,
                          text=True, timeout=300)


def one_error_line(result: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    return errors[0]


def test_bad_input_of_every_kind_is_one_line_and_the_good_seeds_are_built(chdir_project: Path) -> None:
    seeds = chdir_project / "seeds"
    shutil.copy(corpus_folder("tass") / "tass-1894059.txt", seeds)
    (seeds / "tass-1894059.yaml").write_text("year: 2024\n")
    (seeds / "loop.txt").symlink_to(seeds / "loop.txt")
    (seeds / os.fsdecode(b"caf\xe9.txt")).write_text("A headline\n\nText.\n")
    (seeds / "titled.txt").write_text("A headline\n\nMOSCOW, December 26. /TASS/. Text.\n")
    (seeds / "titled.yaml").write_text('year: 2024\ntitle: "Bell\\x07 \\u202eand \\uffff title"\ntags: Greece, Syria\n')
    result = newsdigest(chdir_project, "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    errors = sorted(line for line in result.stderr.splitlines() if line.startswith("error:"))
    assert errors == ["error: seeds/caf\\xe9.txt: file name is not valid UTF-8: rename the file",
                      "error: seeds/loop.txt: cannot follow the symbolic link: Symlink loop from "
                      f"'{seeds / 'loop.txt'}'"]
    front = (chdir_project / "output" / "index.html").read_text()
    assert "Bell and title" in front and ">Greece<" in (chdir_project / "output" / "tags" / "index.html").read_text()


@pytest.mark.parametrize("arguments, message, code", [
    (["build", "--settings", "nowhere.py"], "error: nowhere.py: no such settings file", 2),
    (["build", "--output", "tags.yaml"], "error: setting OUTPUT_PATH: refusing to build into tags.yaml: it exists and is not a folder", 2),
    (["build", "--output", "content/site"], "error: setting OUTPUT_PATH: refusing to build into content/site: it is inside content", 2),
    (["serve", "--port", "70000"], "error: setting --port: must be a port number from 1 to 65535, not 70000", 2),
    (["parse", "/dev/zero"], "error: /dev/zero: not a regular file (a device, pipe or socket): a seed is a text file", 1),
])
def test_each_usage_problem_is_one_line_before_anything_is_touched(chdir_project: Path, arguments: list[str],
                                                                    message: str, code: int) -> None:
    shutil.copy(corpus_folder("tass") / "tass-1894059.txt", chdir_project / "seeds")
    taxonomy = (chdir_project / "tags.yaml").read_bytes()
    result = newsdigest(chdir_project, *arguments)
    assert result.returncode == code and one_error_line(result).startswith(message)
    assert (chdir_project / "tags.yaml").read_bytes() == taxonomy and not list((chdir_project / "content").iterdir())


def test_outside_a_project_a_taken_port_and_a_broken_taxonomy_are_one_line(tmp_path: Path, chdir_project: Path) -> None:
    assert one_error_line(newsdigest(tmp_path, "build")) == \
        "error: pelicanconf.py: no such settings file: run newsdigest in the project folder, or give --settings"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        (chdir_project / "output").mkdir()
        result = newsdigest(chdir_project, "serve", "--port", str(taken.getsockname()[1]))
    assert result.returncode == 2 and "cannot serve on port" in one_error_line(result)
    shutil.copy(corpus_folder("tass") / "tass-1894059.txt", chdir_project / "seeds")
    (chdir_project / "tags.yaml").write_text("block: 5\n")
    result = newsdigest(chdir_project, "ingest", "--year", "2024")
    assert result.returncode == 2 and one_error_line(result).startswith(f"error: setting {chdir_project / 'tags.yaml'}: ")


def test_a_reader_closing_the_pipe_early_stops_nothing_and_sees_no_traceback(chdir_project: Path) -> None:
    shutil.copy(corpus_folder("tass") / "tass-1894059.txt", chdir_project / "seeds")
    (chdir_project / "seeds" / "empty.txt").write_bytes(b"")
    command = subprocess.Popen([str(NEWSDIGEST), "build", "--year", "2024"], cwd=chdir_project, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    command.stdout.close()  # `| head -0`: the reader is gone before the first line
    errors = command.stderr.read().decode()
    assert command.wait(timeout=300) == 1 and "Traceback" not in errors and "BrokenPipe" not in errors
    assert (chdir_project / "output" / "index.html").is_file()


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_before_the_command_starts_is_one_line_and_its_exit_code(signum: int, code: int) -> None:
    starting = ("import os, sys, time, types\n"
                f"sys.modules['generator.cli'] = types.SimpleNamespace(run=lambda previous: (os.kill(os.getpid(), {int(signum)}), time.sleep(30)))\n"
                "from generator.console import run\nrun()\n")
    done = subprocess.run([sys.executable, "-c", starting], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (code, "interrupted: nothing was started\n")


def test_a_tags_yaml_that_is_a_pipe_is_one_line_and_exit_two(chdir_project: Path, capsys) -> None:
    (chdir_project / "tags.yaml").unlink()
    os.mkfifo(chdir_project / "tags.yaml")
    shutil.copy(corpus_folder("tass") / "tass-1894059.txt", chdir_project / "seeds")
    assert main(["build", "--year", "2024"]) == 2
    assert capsys.readouterr().err == f"error: setting {chdir_project / 'tags.yaml'}: is not a file: the taxonomy is a YAML file\n"
