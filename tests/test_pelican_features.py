"""Pelican as a dependency: every Pelican feature a user adds works beside ours.

One site of 120 stories with an About page (YAML front matter), a contact page (Pelican's `Key: value` lines),
8 TEMPLATE_PAGES, another plugin's generator and every list type, built three ways: by `newsdigest` with two
writer processes, by plain `pelican content`, and with our patches of Pelican off (as after a Pelican upgrade).
All three must write the same files, byte for byte."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT, load_synth
from generator.build import build_site
from generator.ingest import ingest
from generator.site import patches, readahead

pytestmark = pytest.mark.usefixtures("plugins_left_behind")
SITE_URL = "https://example.org/digest/"
STORIES = 120
TEMPLATE_PAGES = 8
BUILD_RECORDS = {".newsdigest-output", ".newsdigest-pages.json"}  # what the build keeps about itself
ABOUT = """---
title: About this digest
summary: Who reads the wires for you, and how.
---
We read the **wires** so that you need not. Stories are [tagged](../tags/index.html) by people, places and topics.
"""
CONTACT = """Title: Contact
Slug: contact

Write to the desk: [desk@example.org](mailto:desk@example.org).
"""
TEMPLATE_PAGE = """{% extends "base.html" %}
{% block title %}Extra NUMBER · {{ SITENAME }}{% endblock %}
{% block content %}<h1 class="page-title">Extra NUMBER</h1>{{ ui.digest(articles[:2]) }}{% endblock %}
"""
# Another plugin (beside the settings file, where pelicanconf.py puts itself on sys.path): a generator writing
# pages through Pelican's writer, with a template of its own, and one file directly.
OTHER_PLUGIN = '''
import os

from jinja2 import Environment
from pelican import signals


class OtherPages:
    def __init__(self, context, settings, path, theme, output_path, **kwargs):
        self.context, self.output_path = context, output_path

    def generate_output(self, writer):
        template = Environment(autoescape=True).from_string("<p>{{ SITENAME }}: {{ articles|length }}, {{ n }}</p>")
        for n in range(1, 4):
            writer.write_file(f"other/page-{n}.html", template, self.context, n=n)
        with open(os.path.join(self.output_path, "other", "direct.txt"), "w") as out:
            out.write("written directly\\n")


def get_generators(pelican):
    return OtherPages


def register():
    signals.get_generators.connect(get_generators)
'''
SETTINGS = f"""
DEFAULT_PAGINATION = 10
TEMPLATE_PAGES = {{f"extra-templates/t{{n}}.html": f"extra/template-{{n}}.html" for n in range(1, {TEMPLATE_PAGES + 1})}}
PLUGINS = [*PLUGINS, "other_pages"]
"""


def tree(folder: Path) -> dict[str, bytes]:
    """Every file of a built site but the build's own records, by path."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file() and path.name not in BUILD_RECORDS}


def feature_project(root: Path) -> Path:
    """A project of 120 synthetic stories with pages, template pages and another plugin."""
    root.mkdir()
    for name in ("pelicanconf.py", "tags.yaml"):
        shutil.copy(PROJECT / name, root / name)
    shutil.copytree(PROJECT / "theme", root / "theme")
    load_synth().synthesise(root / "seeds", STORIES)
    assert ingest(root / "seeds", root / "content", taxonomy_path=root / "tags.yaml").ok
    (root / "content" / "pages").mkdir()
    (root / "content" / "pages" / "about.md").write_text(ABOUT, encoding="utf-8")
    (root / "content" / "pages" / "contact.md").write_text(CONTACT, encoding="utf-8")
    (root / "content" / "extra-templates").mkdir()
    for number in range(1, TEMPLATE_PAGES + 1):
        page = TEMPLATE_PAGE.replace("NUMBER", str(number))
        (root / "content" / "extra-templates" / f"t{number}.html").write_text(page, encoding="utf-8")
    (root / "other_pages.py").write_text(OTHER_PLUGIN, encoding="utf-8")
    with open(root / "pelicanconf.py", "a", encoding="utf-8") as settings:
        settings.write(SETTINGS)
    return root


def build(project: Path, output: str) -> Path:
    build_site(project / "content", project / output, settings_file=project / "pelicanconf.py", site_url=SITE_URL,
               force=True)
    return project / output


def plain_pelican(project: Path, output: str) -> Path:
    """`pelican content` as a user runs it in the project, without newsdigest's build."""
    environment = dict(os.environ, NEWSDIGEST_SITE_URL=SITE_URL.rstrip("/"))
    subprocess.run([sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", output],
                   cwd=project, env=environment, check=True, capture_output=True)
    return project / output


@pytest.fixture(scope="module")
def features_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project of this module's builds (its own, so that conftest's `project` stays the plain scratch one)."""
    return feature_project(tmp_path_factory.mktemp("features") / "site")


@pytest.fixture(scope="module")
def two_writers(features_site: Path) -> tuple[Path, object]:
    """The site built by `newsdigest` on two processes, reading ahead too; and its writer."""
    from pelican import signals

    from generator.site.run import run_of

    writers = []

    def keep(pelican) -> None:
        writers.append(run_of(pelican.settings).writer)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "cpu_count", lambda: 2)
        patch.setattr(readahead, "READ_AHEAD_FROM", 1)
        signals.finalized.connect(keep)
        try:
            site = build(features_site, "two-writers")
        finally:
            signals.finalized.disconnect(keep)
    return site, writers[-1]


def test_two_writers_write_every_page_of_pages_template_pages_and_other_plugins(two_writers) -> None:
    site, writer = two_writers
    assert writer.writing_processes == 2 and writer.fast
    for number in range(1, TEMPLATE_PAGES + 1):
        assert f"Extra {number}</h1>" in (site / f"extra/template-{number}.html").read_text()
    assert "written directly" in (site / "other" / "direct.txt").read_text()
    for number in (1, 2, 3):
        assert (site / f"other/page-{number}.html").read_text() == f"<p>newsdigest: {STORIES}, {number}</p>"
    about = (site / "pages" / "about.html").read_text()
    assert "<strong>wires</strong>" in about and "<title>About this digest · newsdigest</title>" in about
    assert 'href="mailto:desk@example.org"' in (site / "pages" / "contact.html").read_text()
    sitemap = (site / "sitemap.xml").read_text()
    assert f"{SITE_URL}pages/about.html" in sitemap and f"{SITE_URL}extra/template-8.html" in sitemap


def test_pages_are_in_every_pages_menu(two_writers) -> None:
    site, _ = two_writers
    for page in ("index.html", "tags/index.html", "extra/template-3.html", "pages/contact.html"):
        text = (site / page).read_text()
        assert "pages/about.html\"" in text and ">About this digest</a>" in text and ">Contact</a>" in text, page
    assert 'href="../pages/about.html" aria-current="page">About this digest' in (site / "pages" / "about.html").read_text()


def test_every_list_type_is_written(two_writers) -> None:
    site, _ = two_writers
    files = set(tree(site))
    expected = {"index.html", "page/2/index.html", "archives/index.html", "tags/index.html", "places/index.html",
                "sources/index.html", "search/index.html", "404.html", "feeds/all.atom.xml", "feeds/all.rss.xml",
                "robots.txt", "sitemap.xml", "search/stories.js"}
    assert expected <= files
    assert any(name.startswith("tag/") and "/page/2/" in name for name in files)  # a paged tag
    assert any(name.startswith("source/") and name.endswith("/page/2/index.html") for name in files)  # a paged source
    assert any(name.startswith("source/") and name.endswith("atom.xml") for name in files)
    for depth in (1, 2, 3):  # year, month and day archives
        assert any(name.endswith("/index.html") and name.count("/") == depth and name[:4].isdigit() for name in files)


def test_plain_pelican_writes_the_same_site(features_site: Path, two_writers) -> None:
    site, _ = two_writers
    plain = tree(plain_pelican(features_site, "plain"))
    assert sorted(plain) == sorted(tree(site))
    assert plain == tree(site)


def test_with_our_patches_off_pelican_builds_the_same_site_with_one_warning(
        features_site: Path, two_writers, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    site, _ = two_writers
    monkeypatch.setattr(patches, "PELICAN_VERSION", "4.12.0-not-installed")  # as if Pelican had been upgraded
    with caplog.at_level(logging.WARNING, logger="generator.site.patches"):
        fallback = build(features_site, "pelican-code")
    warnings = [record for record in caplog.records if record.name == "generator.site.patches"]
    assert len(warnings) == 1 and "Pelican's own code runs instead" in warnings[0].getMessage()
    assert not any(patch.applied for patch in patches.PATCHES)
    assert tree(fallback) == tree(site)


def test_the_command_shows_the_fallback_as_one_warning_line(chdir_project: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture) -> None:
    from generator.cli import main

    load_synth().synthesise(chdir_project / "seeds", 2)
    # A version of its own: Pelican's loggers drop a message they have logged before in the process.
    monkeypatch.setattr(patches, "PELICAN_VERSION", "4.12.0-faked-for-the-command")
    assert main(["build", "--site-url", SITE_URL]) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if line.startswith("warning: newsdigest: speed-ups")]
    assert len(warnings) == 1 and "Pelican's own code runs instead" in warnings[0]


def test_a_registry_plugin_runs_beside_ours(features_site: Path, monkeypatch: pytest.MonkeyPatch,
                                           caplog: pytest.LogCaptureFixture) -> None:
    """pelican-sitemap (PyPI) lists every page it is told of through content_written: not declared parallel-safe,
    so the pages are written by one process, and its sitemap lists every page."""
    settings = features_site / "pelicanconf.py"
    original = settings.read_text(encoding="utf-8")
    settings.write_text(original + 'PLUGINS = [*PLUGINS, "pelican.plugins.sitemap"]\nSITEMAP = {"format": "txt"}\n',
                        encoding="utf-8")
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    try:
        with caplog.at_level(logging.INFO, logger="generator.site.writer"):
            site = build(features_site, "with-sitemap")
        plain = plain_pelican(features_site, "plain-with-sitemap")
    finally:
        settings.write_text(original, encoding="utf-8")
    assert any("pelican.plugins.sitemap" in record.getMessage() for record in caplog.records)
    listed = set((site / "sitemap.txt").read_text().split())
    pages = {SITE_URL.rstrip("/") + "/" + name.removesuffix("index.html") for name in tree(site)
             if name.endswith(".html") and not name.startswith("pagefind/")}
    assert listed == pages
    assert tree(site) == tree(plain)


def test_every_patch_fits_the_pinned_pelican() -> None:
    assert [patch.purpose for patch in patches.PATCHES if not patch.fits()] == []


def test_a_patch_whose_original_changed_is_left_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from pelican.generators import ArticlesGenerator

    patch = patches.LISTS_IN_ONE_PASS
    patches.apply_patches()
    assert patch.applied and ArticlesGenerator.generate_tags is not patch.originals[(ArticlesGenerator, "generate_tags")]
    monkeypatch.setitem(patch.hashes, "pelican.generators.ArticlesGenerator.generate_tags", "changed upstream")
    assert patches.apply_patches() == [patch]
    assert not patch.applied and ArticlesGenerator.generate_tags is patch.originals[(ArticlesGenerator, "generate_tags")]
    assert all(other.applied for other in patches.PATCHES if other is not patch)
    monkeypatch.undo()
    assert patches.apply_patches() == [] and patch.applied
