"""Safety: nothing lost, nothing injected, nothing half-built; one build at a time; byte-identical rebuilds."""

from __future__ import annotations

import datetime as dt
import errno
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import frontmatter
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import corpus_folder
from feedcheck import check_feed
from sitecheck import page_links

pytest_plugins = ["corpus_site"]
from generator.build import build_site
from generator.errors import BuildError, NewsdigestError, SeedError
import generator.files
from generator.files import SafeWriter, UnsafePathError, holding_locks, scratch_folder
from generator.ingest import ingest
from generator.seeds import list_seeds
from generator.parse import parse_text
from generator.schema import clean_text
from generator.write import render_article

SITE_URL = "https://example.org/digest/"
HOSTILE = """All news

<script>alert("headline")</script> {{ 7*7 }} Markets: stocks fall

NO <img src=x onerror=alert("lede")> [click](javascript:alert(1))

MOSCOW, December 26. /TASS/. Text with <script>alert("body")</script> and &lt;b&gt; entities &amp; {% raw %} `ticks`.

<iframe src="javascript:alert(2)"></iframe> [x](javascript:alert(3)) <a href="javascript:alert(4)">a</a> --- 1.10
"""


def build(project: Path, output: str = "output") -> Path:
    build_site(project / "content", project / output, settings_file=project / "pelicanconf.py", site_url=SITE_URL,
               force=True)
    return project / output


def tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def with_stories(project: Path, count: int = 3) -> Path:
    for path in sorted(corpus_folder("tass").glob("*.txt"))[:count]:
        shutil.copy(path, project / "seeds" / path.name)
    assert ingest(project / "seeds", project / "content", default_year=2024).ok
    return project


def test_two_builds_are_byte_identical(project: Path) -> None:
    with_stories(project)
    first = tree(build(project, "one"))
    os.utime(project / "content", (0, 0))
    second = tree(build(project, "two"))
    assert first == second


@pytest.mark.parametrize("failure", [KeyboardInterrupt, OSError(errno.ENOSPC, "No space left on device"), RuntimeError("crash")])
def test_failure_mid_build_leaves_previous_output_exactly(project: Path, monkeypatch: pytest.MonkeyPatch, failure) -> None:
    with_stories(project)
    before = tree(build(project))
    from pelican.writers import Writer

    real_write = Writer.write_file
    calls = {"n": 0}

    def failing_write(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 5:
            raise failure
        return real_write(self, *args, **kwargs)

    monkeypatch.setattr(Writer, "write_file", failing_write)
    expected = KeyboardInterrupt if failure is KeyboardInterrupt else BuildError
    with pytest.raises(expected):
        build(project)
    assert calls["n"] == 5
    assert tree(project / "output") == before
    assert not [path for path in project.iterdir() if path.name.startswith(".output-")]


def test_a_second_concurrent_build_fails_with_a_clear_message_or_waits(project: Path) -> None:
    with_stories(project, 1)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(project / "output")], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        with pytest.raises(NewsdigestError, match=rf"another newsdigest run \(pid {holder.pid}\) is working in .*; try again"):
            build(project)
        with pytest.raises(NewsdigestError, match="another newsdigest run"):
            ingest(project / "seeds", project / "content")
        messages: list[str] = []
        waiting = lambda message: (messages.append(message), holder.stdin.close())  # the other run ends now
        assert build_site(project / "content", project / "output", settings_file=project / "pelicanconf.py",
                          wait=True, waiting=waiting).built
        assert len(messages) == 1 and "waiting for it to end" in messages[0]
    finally:
        holder.kill()
        holder.wait()


HOLD_LOCK = """import sys
from pathlib import Path
from generator.files import holding_locks
with holding_locks([Path(sys.argv[1])], wait=False):
    print("locked", flush=True)
    sys.stdin.read()
"""


def test_failing_content_write_is_one_error_naming_the_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(corpus_folder("tass") / "tass-1894059.txt", project / "seeds")

    def disk_full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("generator.files.os.replace", disk_full)
    with pytest.raises(NewsdigestError, match=r"content/2024/12/.*\.md: cannot write: No space left on device"):
        ingest(project / "seeds", project / "content", default_year=2024)
    assert not [path for path in (project / "content").rglob("*") if path.name.endswith(".tmp")]


def test_hostile_seed_shows_literally_and_injects_nothing(project: Path) -> None:
    (project / "seeds" / "hostile.txt").write_text(HOSTILE)
    assert ingest(project / "seeds", project / "content", default_year=2024).ok
    post = frontmatter.load(next((project / "content").rglob("*.md")))
    assert post["title"] == '<script>alert("headline")</script> {{ 7*7 }} Markets: stocks fall'
    assert post["summary"].startswith("NO <img")
    site = build(project)
    story = next(path for path in site.glob("2024/12/26/*.html") if path.name != "index.html")
    page = story.read_text()
    assert not re.search(r'<(script(?! type="application/ld\+json")|iframe|img)\b', page, re.I)
    structured = re.search(r'ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "</" not in structured and "<script" not in structured
    assert not [link for link in page_links(story) if "javascript:" in link.lower()]
    visible = html.unescape(re.sub(r"<[^>]+>", " ", page))
    for text in ('<script>alert("headline")</script> {{ 7*7 }} Markets: stocks fall', '<script>alert("body")</script>',
                 "&lt;b&gt; entities &amp; {% raw %} `ticks`", "[click](javascript:alert(1))", "--- 1.10"):
        assert text in visible, text
    assert "49" not in visible
    for feed in (path for path in site.rglob("*.xml") if path.name != "sitemap.xml"):
        assert check_feed(feed, SITE_URL + feed.relative_to(site).as_posix()) == []


def test_links_out_of_seeds_pipes_and_dangling_links_are_not_read_and_each_is_one_line(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text((corpus_folder("tass") / "tass-1894059.txt").read_text())
    seeds = project / "seeds"
    (seeds / "link.txt").symlink_to(outside)
    (seeds / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(seeds / "pipe.txt")
    shutil.copy(corpus_folder("tass") / "tass-1894063.txt", seeds / "inside.txt")
    (seeds / "inner-link.txt").symlink_to(seeds / "inside.txt")
    problems: list[SeedError] = []
    assert [path.name for path in list_seeds(seeds, problems)] == ["inner-link.txt", "inside.txt"]
    assert sorted(str(problem) for problem in problems) == [
        f"{seeds / 'dangling.txt'}: a symbolic link to nothing ({tmp_path / 'nowhere.txt'}): not read",
        f"{seeds / 'link.txt'}: a symbolic link out of seeds/ (to {outside}): not read; copy the file in instead",
        f"{seeds / 'pipe.txt'}: not a regular file (a pipe, socket or device): a seed is a text file"]
    report = ingest(seeds, project / "content")  # never blocks on the pipe; the good seeds are written
    assert len(report.failures) == 3 and len(report.written) == 1


@pytest.mark.parametrize("name", ["with spaces.txt", "Ünïcødé — новости.txt", "a..b.txt", "-dash-first.txt",
                                  "x" * 240 + ".txt"])
def test_odd_seed_names_stay_inside_content(project: Path, name: str) -> None:
    (project / "seeds" / name).write_text((corpus_folder("tass") / "tass-1894059.txt").read_text())
    report = ingest(project / "seeds", project / "content", default_year=2024)
    assert report.ok, report.failures
    written = [project / "content" / path for path in report.written]
    assert written and all(path.resolve().is_relative_to((project / "content").resolve()) for path in written)
    assert frontmatter.load(written[0])["seed"] == name


@pytest.mark.parametrize("relative", ["../escape.md", "/etc/passwd", "a/../../escape.md", "."])
def test_writer_refuses_paths_outside_its_root(tmp_path: Path, relative: str) -> None:
    with pytest.raises(UnsafePathError):
        SafeWriter(tmp_path / "root").write_text(relative, "x")
    assert not (tmp_path / "escape.md").exists()


def test_writer_refuses_a_symlink_pointing_out(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (root / "out").symlink_to(tmp_path)
    with pytest.raises(UnsafePathError):
        SafeWriter(root).write_text("out/escape.md", "x")


def test_scratch_folders_are_in_memory_where_there_is_room_and_on_disk_elsewhere(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    memory = tmp_path / "shm"
    memory.mkdir()
    monkeypatch.setattr(generator.files, "MEMORY_FOLDER", memory)
    monkeypatch.setattr(generator.files, "MEMORY_TO_SPARE", 0)
    with scratch_folder("t-") as folder:
        assert Path(folder).parent == memory and Path(folder).name.startswith("t-")
    assert not list(memory.iterdir())
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.setattr(generator.files, "MEMORY_TO_SPARE", 2**62)  # a small /dev/shm, as in a container
    with scratch_folder("t-") as folder:
        assert Path(folder).parent == tmp_path
    monkeypatch.setattr(generator.files, "MEMORY_FOLDER", tmp_path / "none")
    monkeypatch.setattr(generator.files, "MEMORY_TO_SPARE", 0)
    with scratch_folder("t-") as folder:
        assert Path(folder).parent == tmp_path


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=400), st.text(min_size=1, max_size=120))
def test_parse_write_read_back_keeps_every_field(body: str, headline: str) -> None:
    text = f"{headline}\n\nMOSCOW, December 26. /TASS/. {body}\n"
    try:
        article = parse_text(text, Path("prop.txt"))
    except SeedError:
        return
    article.date, article.date_source, article.slug = dt.date(2024, 12, 26), "option", "s"
    post = frontmatter.loads(render_article(article))
    assert post["title"] == clean_text(article.headline)
    assert post.get("summary") == (clean_text(article.lede) if article.lede else None)
    assert post["seed"] == "prop.txt" and post["slug"] == "s"
    assert post.get("dateline") == (clean_text(article.dateline.raw) if article.dateline.raw else None)


def test_a_failing_parallel_writer_fails_the_build_and_keeps_output(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.site import writer

    with_stories(project)
    before = tree(build(project))
    real_render = writer.KeyedTemplate.render

    def render_failing_in_child(self, localcontext):
        if self.writer.share == 1:
            raise RuntimeError("disk on fire")
        return real_render(self, localcontext)

    monkeypatch.setattr(writer.KeyedTemplate, "render", render_failing_in_child)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    with pytest.raises(BuildError, match="disk on fire"):
        build(project)
    assert tree(project / "output") == before
    assert not [path for path in project.iterdir() if path.name.startswith(".output-")]


def test_hostile_seed_runs_nothing_in_a_real_browser(project: Path, browser) -> None:
    payloads = ('<script>window.ran = "script"</script>', '<img src=x onerror="window.ran = \'img\'">',
                '<svg onload="window.ran = \'svg\'">', '[link](javascript:window.ran="link")',
                '<a href="javascript:window.ran=\'a\'">a</a>', '{{ 7*7 }}')
    text = HOSTILE.replace("Second paragraph.", " ".join(payloads))
    text += "\n\n" + "\n\n".join(payloads) + "\n"
    (project / "seeds" / "hostile.txt").write_text(text)
    assert ingest(project / "seeds", project / "content", default_year=2024).ok
    site = build(project)
    dialogs: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for path in [next(p for p in site.glob("2024/12/26/*.html") if p.name != "index.html"), site / "index.html",
                     site / "tag" / "moscow" / "index.html"]:
            page.goto(path.as_uri())
            for link in page.locator("a[href^='javascript']").all():
                link.click()
            page.wait_for_timeout(200)
            assert page.evaluate("window.ran") is None, path
            assert page.evaluate("document.querySelectorAll('script:not([type=\"application/ld+json\"]), iframe, svg, img').length") == 0, path
        assert dialogs == []
        assert page.locator("a[href^='javascript']").count() == 0
    finally:
        context.close()


def test_sidecars_and_defaults_that_link_out_or_are_pipes_are_one_line_each(project: Path, tmp_path: Path) -> None:
    seeds = project / "seeds"
    (seeds / "sub").mkdir()
    for name in ("a.txt", "c.txt", "sub/b.txt"):
        shutil.copy(corpus_folder("tass") / "tass-1894059.txt", seeds / name)
    outside = tmp_path / "outside.yaml"
    outside.write_text("title: Not from the project\n", encoding="utf-8")
    (seeds / "a.yaml").symlink_to(outside)
    (seeds / "sub" / "_defaults.yaml").symlink_to(outside)
    os.mkfifo(seeds / "c.yaml")
    report = ingest(seeds, project / "content", default_year=2024)  # never blocks on the pipe
    assert sorted(str(failure) for failure in report.failures) == [
        f"{seeds / 'a.yaml'}: sidecar is a symbolic link out of its folder (to {outside}): not read",
        f"{seeds / 'c.yaml'}: sidecar is not a regular file (a pipe, socket or device)",
        f"{seeds / 'sub' / '_defaults.yaml'}: defaults file is a symbolic link out of its folder (to {outside}): not read"]
    assert len(report.written) == 1 and "Not from the project" not in (project / "content" / report.written[0]).read_text()


def test_links_in_place_of_the_lock_journal_and_cache_write_nothing_outside(chdir_project: Path, tmp_path: Path) -> None:
    from generator.cli import main

    shutil.copy(corpus_folder("tass") / "tass-1894059.txt", chdir_project / "seeds")
    outside = {name: tmp_path / name for name in ("lock", "journal")}
    for path in outside.values():
        path.write_text("PRECIOUS\n", encoding="utf-8")
    (tmp_path / "cache").mkdir()
    (chdir_project / ".newsdigest.lock").symlink_to(outside["lock"])
    (chdir_project / "content" / ".newsdigest-journal").symlink_to(outside["journal"])
    (chdir_project / ".newsdigest-cache").symlink_to(tmp_path / "cache")
    assert main(["build", "--year", "2024"]) == 0
    assert all(path.read_text(encoding="utf-8") == "PRECIOUS\n" for path in outside.values())
    assert list((tmp_path / "cache").iterdir()) == []


def test_a_content_folder_that_links_out_fails_its_stories_only(project: Path, tmp_path: Path) -> None:
    seeds, content = project / "seeds", project / "content"
    shutil.copy(corpus_folder("tass") / "tass-1894059.txt", seeds / "tass.txt")
    (seeds / "tass.yaml").write_text("year: 2024\n", encoding="utf-8")
    shutil.copy(corpus_folder("reuters") / sorted(p.name for p in corpus_folder("reuters").glob("*.txt"))[0], seeds / "r.txt")
    (seeds / "r.yaml").write_text("year: 1987\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (content / "2024").symlink_to(tmp_path / "elsewhere")
    report = ingest(seeds, content)
    assert [failure.path.name for failure in report.failures] == ["tass.txt"]
    assert "outside" in str(report.failures[0]) and len(report.written) == 1
    assert list((tmp_path / "elsewhere").iterdir()) == []
