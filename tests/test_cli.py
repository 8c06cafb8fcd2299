"""The newsdigest command as a user runs it: parse --json, ingest, build, exit codes, one line per problem."""

from __future__ import annotations

import json
import os
import shutil
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
