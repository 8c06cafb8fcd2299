"""A real Pelican build of a small site: pages, strictly valid feeds, relative links, atomic output."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GOLDEN, PROJECT, compare_golden, corpus_folder
from feedcheck import check_feed
from generator import build
from generator.build import build_site
from generator.errors import BuildError, ConfigError
from generator.ingest import ingest
from sitecheck import body_paragraphs, broken_links

SITE_URL = "https://example.org/digest/"
SEED = PROJECT / "seeds" / "000_5c9cc7032a8f1c3d.txt"
SEED_PAGE = "2016/11/02/lavrov-hopes-us-will-keep-promise-on-separating-syrian-opposition-terrorists.html"


def small_project(root: Path) -> None:
    """The seed with its sidecar, three TASS and three Reuters stories (years by sidecar)."""
    seeds = root / "seeds"
    shutil.copy(SEED, seeds)
    shutil.copy(SEED.with_suffix(".yaml"), seeds)
    for folder, names, year in (("tass", ("tass-1893923.txt", "tass-1894059.txt", "tass-1894093.txt"), 2024),
                                ("reuters", ("reuters-2.txt", "reuters-10.txt", "reuters-222.txt"), 1987)):
        for name in names:
            shutil.copy(corpus_folder(folder) / name, seeds / name)
            (seeds / name).with_suffix(".yaml").write_text(f"year: {year}\n")
    assert ingest(seeds, root / "content", taxonomy_path=root / "tags.yaml").ok


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("built")
    for name in ("pelicanconf.py", "tags.yaml"):
        shutil.copy(PROJECT / name, root / name)
    shutil.copytree(PROJECT / "theme", root / "theme")
    (root / "seeds").mkdir()
    small_project(root)
    build_site(root / "content", root / "output", settings_file=root / "pelicanconf.py", site_url=SITE_URL)
    return root


def test_front_page_shows_the_seed_headline(site: Path) -> None:
    front = (site / "output" / "index.html").read_text()
    assert "Lavrov hopes US will keep promise on separating Syrian opposition, terrorists" in front
    assert "Standard Oil &lt;SRD&gt; to Form Financial Unit" in front


def test_article_page_has_dateline_ten_paragraphs_and_the_subhead(site: Path) -> None:
    page = site / "output" / SEED_PAGE
    paragraphs = body_paragraphs(page)
    assert len(paragraphs) == 10
    assert paragraphs[0].startswith('<strong class="dateline">ATHENS, November 2. /TASS/.</strong> Moscow still')
    assert "<h2>Russia, US, Saudi Arabia, Qatar, Turkey seek to solve Syrian crisis together</h2>" in page.read_text()


def test_key_pages_and_feeds_match_goldens(site: Path) -> None:
    for page in ("index.html", SEED_PAGE, "tags/index.html", "tag/sergey-lavrov/index.html", "feeds/all.atom.xml",
                 "feeds/all.rss.xml", "tag/sergey-lavrov/atom.xml", "tag/sergey-lavrov/rss.xml"):
        compare_golden((site / "output" / page).read_text(), GOLDEN / "site" / page)


def test_every_feed_is_strictly_valid_with_absolute_urls(site: Path) -> None:
    feeds = sorted(feed for feed in (site / "output").rglob("*.xml") if feed.name != "sitemap.xml")
    assert (site / "output" / "feeds" / "all.atom.xml") in feeds and (site / "output" / "feeds" / "all.rss.xml") in feeds
    assert (site / "output" / "tag" / "sergey-lavrov" / "atom.xml") in feeds
    assert (site / "output" / "tag" / "sergey-lavrov" / "rss.xml") in feeds
    errors = [error for feed in feeds
              for error in check_feed(feed, SITE_URL + feed.relative_to(site / "output").as_posix())]
    assert errors == []


def test_pages_announce_their_feeds(site: Path) -> None:
    tag_page = (site / "output" / "tag" / "sergey-lavrov" / "index.html").read_text()
    assert f'href="{SITE_URL}tag/sergey-lavrov/atom.xml"' in tag_page
    assert 'type="application/rss+xml"' in tag_page
    assert f'href="{SITE_URL}feeds/all.atom.xml"' in (site / "output" / "index.html").read_text()


def test_links_are_relative_and_resolve_from_disk(site: Path) -> None:
    assert broken_links(site / "output") == []


def test_pelican_command_builds_the_same_site(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "pelican-output"
    environment = dict(os.environ, NEWSDIGEST_SITE_URL=SITE_URL.rstrip("/"))
    subprocess.run([sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", str(out)],
                   cwd=site, env=environment, check=True, capture_output=True)
    compared = filecmp.dircmp(site / "output", out, ignore=[])
    assert_same_tree(compared)


def assert_same_tree(compared: filecmp.dircmp) -> None:
    assert compared.left_only == [] and compared.right_only == [], compared.left
    _, mismatch, errors = filecmp.cmpfiles(compared.left, compared.right, compared.common_files, shallow=False)
    assert mismatch == [] and errors == [], (compared.left, mismatch)
    for sub in compared.subdirs.values():
        assert_same_tree(sub)


def test_broken_template_leaves_the_previous_site_as_it_was(site: Path, tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(site, root, ignore=shutil.ignore_patterns("output"))
    build_site(root / "content", root / "output", settings_file=root / "pelicanconf.py", site_url=SITE_URL)
    before = {p: p.read_bytes() for p in (root / "output").rglob("*") if p.is_file()}
    (root / "theme" / "templates" / "article.html").write_text("{% extends 'base.html' %}{% block content %}{{ nope( }}{% endblock %}")
    with pytest.raises(BuildError):
        build_site(root / "content", root / "output", settings_file=root / "pelicanconf.py", site_url=SITE_URL)
    after = {p: p.read_bytes() for p in (root / "output").rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in root.iterdir() if p.name.startswith(".output-")]


@pytest.mark.parametrize("target", [".", "..", "seeds", "content", "content/2024/site", "seeds/out", "theme/out",
                                    "tags.yaml", "pelicanconf.py"])
def test_refuses_an_output_that_would_destroy_what_is_not_ours(site: Path, target: str) -> None:
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file() and "output" not in path.parts}
    with pytest.raises(ConfigError, match="refusing"):
        build_site(site / "content", site / target, settings_file=site / "pelicanconf.py", protected=[site / "seeds"])
    assert {path: path.read_bytes() for path in site.rglob("*") if path.is_file() and "output" not in path.parts} == before


def test_the_site_holds_no_build_record_and_one_built_before_is_still_recognised(site: Path, tmp_path: Path) -> None:
    assert not [path.name for path in (site / "output").iterdir() if path.name.startswith(".")]
    assert list((site / ".output.newsdigest").glob("site-*.json")) and list((site / ".output.newsdigest").glob("pages-*.json"))
    root = tmp_path / "p"
    shutil.copytree(site, root, ignore=shutil.ignore_patterns(".output.newsdigest"))
    (root / "output" / ".newsdigest-output").write_text("built by newsdigest from inputs x y\n")  # as builds did
    assert build_site(root / "content", root / "output", settings_file=root / "pelicanconf.py", site_url=SITE_URL).built
    assert not (root / "output" / ".newsdigest-output").exists()
    assert not build_site(root / "content", root / "output", settings_file=root / "pelicanconf.py", site_url=SITE_URL).built
    (root / "output" / "index.html").write_text("my own front page")  # no longer the site it built: refused
    with pytest.raises(ConfigError, match="not empty and was not built by newsdigest"):
        build_site(root / "content", root / "output", settings_file=root / "pelicanconf.py", site_url=SITE_URL)


def test_refuses_a_non_empty_folder_it_did_not_create(site: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "holiday.jpg").write_bytes(b"jpeg")
    with pytest.raises(ConfigError):
        build_site(site / "content", foreign, settings_file=site / "pelicanconf.py")
    assert (foreign / "holiday.jpg").read_bytes() == b"jpeg"


def test_an_up_to_date_site_is_not_rebuilt(site: Path, tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(site, root)
    arguments = dict(settings_file=root / "pelicanconf.py", site_url=SITE_URL)
    front = root / "output" / "index.html"
    stamp = front.stat().st_mtime_ns
    assert build_site(root / "content", root / "output", **arguments).built is False
    assert front.stat().st_mtime_ns == stamp
    story = next((root / "content").rglob("*.md"))
    story.write_text(story.read_text().replace("\n---\n", "\n---\nAn editor's first line.\n\n", 1))
    assert build_site(root / "content", root / "output", **arguments).built is True
    assert build_site(root / "content", root / "output", site_url="https://other.example/", settings_file=root / "pelicanconf.py")


def test_one_process_builds_again_while_the_last_retired_site_is_still_being_deleted(site: Path, tmp_path: Path,
                                                                                  monkeypatch) -> None:
    root = tmp_path / "p"
    shutil.copytree(site, root)
    monkeypatch.setattr(build.subprocess, "Popen", lambda *args, **kwargs: None)  # the deletions never finish
    for _ in range(3):  # serve --watch rebuilds in one process
        assert build_site(root / "content", root / "output", settings_file=root / "pelicanconf.py",
                          site_url=SITE_URL, force=True).built
    assert len(list(tmp_path.joinpath("p").glob(".newsdigest-trash-*"))) == 3


def test_a_setting_changed_in_an_imported_settings_file_rebuilds_every_page(site: Path, tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(site, root)
    shutil.copy(PROJECT / "publishconf.py", root)
    arguments = dict(settings_file=root / "publishconf.py", site_url=SITE_URL)
    assert build_site(root / "content", root / "output", **arguments).built is True
    settings = root / "pelicanconf.py"
    settings.write_text(settings.read_text().replace('SITENAME = "newsdigest"', 'SITENAME = "Morning Wire"'))
    assert build_site(root / "content", root / "output", **arguments).built is True  # publishconf.py itself is unchanged
    assert "Morning Wire" in (root / "output" / SEED_PAGE).read_text() and "Morning Wire" in (root / "output" / "index.html").read_text()
    settings.write_text(settings.read_text() + 'JINJA_FILTERS = {"shout": lambda text: text.upper()}\n')
    assert build_site(root / "content", root / "output", **arguments).built is True
    settings.write_text(settings.read_text().replace("text.upper()", "text.lower()"))  # same names, other code
    assert build_site(root / "content", root / "output", **arguments).built is True


def test_settings_modules_are_read_again_but_plugins_beside_them_stay_loaded(tmp_path: Path, monkeypatch) -> None:
    import types

    from generator.settings import forget_modules_of

    for name in ("localconf", "localplugin", "elsewhere"):
        if name != "elsewhere":
            (tmp_path / f"{name}.py").write_text("")
        module = types.ModuleType(name)
        if name == "localplugin":
            module.register = lambda: None  # a Pelican plugin: imported again, it would connect its handlers twice
        monkeypatch.setitem(sys.modules, name, module)
    forget_modules_of(tmp_path)
    assert "localconf" not in sys.modules and {"localplugin", "elsewhere"} <= set(sys.modules)


def test_settings_are_keyed_by_value_the_same_in_every_run(site: Path) -> None:
    from generator.build import stable_text
    from generator.site.context import newest_first

    settings = {"ORDER": newest_first, "MAP": {"y": (1, [2]), "x": object()}}
    assert stable_text(settings) == stable_text(dict(reversed(settings.items())))
    assert "generator.site.context.newest_first" in stable_text(settings) and "0x" not in stable_text(settings)
    assert stable_text({"NAMES": ["a", "b"]}) != stable_text({"NAMES": ["b", "a"]})
    script = ("import sys; from pathlib import Path; from generator.build import pelican_settings, stable_text; "
              "p = Path(sys.argv[1]); print(stable_text({**pelican_settings(p / 'pelicanconf.py', p / 'content', "
              "p / 'output', 'https://example.org'), 'NAMES': set('abcdefgh')}))")
    runs = {subprocess.run([sys.executable, "-c", script, str(site)], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(runs) == 1 and "PLUGINS" in runs.pop()  # sets, dicts and functions alike under any hash seed


@pytest.mark.parametrize("target", [Path("/"), Path.home()])
def test_refuses_to_build_over_the_root_or_home_folder(site: Path, target: Path) -> None:
    with pytest.raises(ConfigError, match="refusing"):
        build_site(site / "content", target, settings_file=site / "pelicanconf.py")
