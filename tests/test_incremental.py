"""Incremental builds: adding a story re-renders only what it affects, and gives exactly the full build's site."""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest
from jinja2 import Environment
from pelican import signals

from conftest import corpus_folder
from generator.build import build_site
from generator.settings import pelican_settings
from generator.errors import BuildError
from generator.site.reuse import referenced_variables
from generator.ingest import ingest

SITE_URL = "https://example.org/digest/"


def tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def add(project: Path, folder: str, name: str, year: int) -> None:
    shutil.copy(corpus_folder(folder) / name, project / "seeds" / name)
    (project / "seeds" / name).with_suffix(".yaml").write_text(f"year: {year}\n")
    assert ingest(project / "seeds", project / "content", taxonomy_path=project / "tags.yaml").ok


def build(project: Path, output: str, force: bool = False) -> bool:
    return build_site(project / "content", project / output, settings_file=project / "pelicanconf.py",
                      site_url=SITE_URL, force=force)


def test_add_one_rebuild_equals_a_full_build_and_reuses_most_pages(project: Path, site_runs: list) -> None:
    for name in sorted(path.name for path in corpus_folder("tass").glob("*.txt"))[:6]:
        add(project, "tass", name, 2024)
    for name in ("reuters-2.txt", "reuters-10.txt", "reuters-43.txt"):
        add(project, "reuters", name, 1987)
    assert build(project, "output")
    assert site_runs[-1].writer.pages.reused == 0
    add(project, "reuters", "reuters-208.txt", 1987)
    assert build(project, "output")
    incremental = site_runs[-1].writer.pages
    assert incremental.reused >= len(incremental.keys) // 5
    assert build(project, "full", force=True)
    assert site_runs[-1].writer.pages.reused == 0
    assert tree(project / "output") == tree(project / "full")


def test_edited_story_and_removed_story_rebuild_exactly(project: Path) -> None:
    for name in sorted(path.name for path in corpus_folder("tass").glob("*.txt"))[:5]:
        add(project, "tass", name, 2024)
    assert build(project, "output")
    story = sorted((project / "content").rglob("*.md"))[0]
    story.write_text(story.read_text() + "\nAn editor's correction.\n")
    gone = sorted((project / "content").rglob("*.md"))[-1]
    gone.unlink()
    assert build(project, "output")
    assert build(project, "full", force=True)
    assert tree(project / "output") == tree(project / "full")


def test_theme_change_renders_every_page_again(project: Path, site_runs: list) -> None:
    add(project, "tass", "tass-1894059.txt", 2024)
    assert build(project, "output")
    base = project / "theme" / "templates" / "base.html"
    base.write_text(base.read_text().replace("</footer>", "<p>Edited footer</p></footer>"))
    assert build(project, "output")
    assert site_runs[-1].writer.pages.reused == 0
    assert "Edited footer" in (project / "output" / "index.html").read_text()


def test_compiled_templates_are_kept_for_the_next_build(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                        site_runs: list) -> None:
    add(project, "tass", "tass-1894059.txt", 2024)
    compiled: list[str] = []
    compile_template = Environment.compile

    def counted(self, source, name=None, *args, **kwargs):
        compiled.append(name)
        return compile_template(self, source, name, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counted)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)  # one writer: with two, either may compile a template first
    assert build(project, "output")
    assert site_runs[-1].writer.workers.count == 1 and "base.html" in compiled
    compiled.clear()
    assert build(project, "output", force=True)  # every page rendered again, from the templates compiled before
    assert site_runs[-1].writer.pages.reused == 0 and compiled == []


def test_a_dateline_place_is_filed_under_its_tag_name_only(project: Path) -> None:
    seed = project / "seeds" / "kiev.txt"
    text = (corpus_folder("tass") / "tass-1894059.txt").read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if "/TASS/" in line)
    seed.write_text(text.replace(first, "KIEV, December 26. /TASS/. " + first.split("/TASS/.", 1)[1].strip()),
                    encoding="utf-8")
    seed.with_suffix(".yaml").write_text("year: 2024\n")
    assert ingest(project / "seeds", project / "content", taxonomy_path=project / "tags.yaml").ok
    assert build(project, "output")
    assert (project / "output" / "tag" / "kyiv" / "index.html").is_file()
    assert not (project / "output" / "tag" / "kiev").exists()


def test_template_variables_span_what_it_extends_and_includes_each_file_parsed_once() -> None:
    import jinja2

    files = {"base.html": "{{ title }}{% block body %}{% endblock %}{% include 'foot.html' %}",
             "foot.html": "{{ year }}", "page.html": "{% extends 'base.html' %}{% block body %}{{ page }}{% endblock %}",
             "list.html": "{% extends 'base.html' %}{% block body %}{% for a in articles %}{{ a }}{% endfor %}{% endblock %}",
             "any.html": "{% include chosen %}{{ title }}"}
    environment = jinja2.Environment(loader=jinja2.DictLoader(files))
    parsed_names = []
    parse = environment.parse
    environment.parse = lambda source: parsed_names.append(source) or parse(source)
    parsed: dict = {}
    assert referenced_variables(environment, "page.html", parsed) == {"title", "page", "year"}
    assert referenced_variables(environment, "list.html", parsed) == {"title", "articles", "year"}
    assert sorted(parsed_names) == sorted(files[name] for name in ("base.html", "foot.html", "page.html", "list.html"))
    assert referenced_variables(environment, "any.html", parsed) is None  # a dynamic include: cannot know


def test_collection_pauses_while_stories_are_read_and_is_on_after_every_build(project: Path) -> None:
    for name in sorted(path.name for path in corpus_folder("tass").glob("*.txt"))[:2]:
        add(project, "tass", name, 2024)
    seen = {}

    def loaded(generator) -> None:  # sent once the generator has loaded its read cache
        seen.setdefault("loading", gc.isenabled())

    def read(generator) -> None:
        seen["reading"] = gc.isenabled()

    def written(generator, writer=None) -> None:
        seen["writing"] = (gc.isenabled(), gc.get_freeze_count() > 0)  # on, with the site as read frozen

    def broken(generator) -> None:
        raise RuntimeError("a plugin failed")

    signals.generator_init.connect(loaded)
    signals.article_generator_finalized.connect(read)
    signals.article_writer_finalized.connect(written)
    try:
        assert build(project, "output")
        assert seen == {"loading": False, "reading": False, "writing": (True, True)}
        assert gc.isenabled() and gc.get_freeze_count() == 0
        signals.article_generator_finalized.connect(broken)
        with pytest.raises(BuildError, match="a plugin failed"):
            build(project, "output", force=True)
        assert gc.isenabled() and gc.get_freeze_count() == 0
        signals.article_generator_finalized.disconnect(broken)
        from pelican import Pelican  # as `pelican content` (or its autoreload) runs it, without generator.build

        Pelican(pelican_settings(project / "pelicanconf.py", project / "content", project / "plain", SITE_URL)).run()
        assert (project / "plain" / "index.html").is_file()
        assert gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        for signal, handler in ((signals.generator_init, loaded), (signals.article_generator_finalized, read),
                                (signals.article_writer_finalized, written), (signals.article_generator_finalized, broken)):
            signal.disconnect(handler)
