"""Standards checks on the corpus site: the Nu HTML checker on every page, strict validity of every feed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from conftest import PROJECT, need_tool
from checktools import VNU_JAR, Site
from feedcheck import check_feed

pytest_plugins = ["corpus_site"]

INVALID_PAGE = '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><p><div>x</p></body></html>\n'


def nu_errors(folder: Path) -> tuple[int, str]:
    """Run the Nu HTML checker on every HTML file under folder: its exit code and its error lines."""
    java = shutil.which("java")
    need_tool(java is not None, "Java (Debian package default-jre-headless)")
    need_tool(VNU_JAR.is_file(), f"the Nu HTML checker ({VNU_JAR.relative_to(PROJECT)}: npm ci in tools/)")
    done = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "gnu",
                           str(folder)], capture_output=True, text=True)
    return done.returncode, (done.stdout + done.stderr).strip()


def test_nu_checker_reports_an_invalid_page(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text(INVALID_PAGE, encoding="utf-8")
    code, errors = nu_errors(tmp_path)
    assert code != 0 and "bad.html" in errors and "error" in errors


def test_nu_checker_finds_no_error_on_any_page(corpus_site: Site) -> None:
    pages = list(corpus_site.output.rglob("*.html"))
    assert len(pages) > 111, "expected a page per story plus indexes"
    code, errors = nu_errors(corpus_site.output)
    assert (code, errors) == (0, ""), errors.replace(f"file:{corpus_site.output}/", "")


def test_every_feed_is_strictly_valid(corpus_site: Site) -> None:
    feeds = sorted(corpus_site.output.rglob("*.xml"))
    assert corpus_site.output / "feeds" / "all.atom.xml" in feeds
    assert corpus_site.output / "tag" / "sergey-lavrov" / "rss.xml" in feeds
    errors = [error for feed in feeds if feed.name != "sitemap.xml"
              for error in check_feed(feed, corpus_site.url + feed.relative_to(corpus_site.output).as_posix())]
    assert errors == [], "\n".join(errors[:40])
