"""The reader: stories from YAML front matter with our metadata; pages in YAML or Pelican's `Key: value` form."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
from markupsafe import escape
from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG

from generator.site.reader import FrontMatterReader

STORY = """---
title: Markets <fall> & rise
summary: Stocks fell on Monday.
date: 2024-03-04
dateline: LONDON, March 4 (Reuters) -
source: Reuters
tags: [Bank of England, London]
places: [London]
organisations: [Bank of England]
---
Stocks fell <b>sharply</b>, [said](javascript:alert(1)) traders.
"""


@pytest.fixture
def reader(tmp_path: Path) -> FrontMatterReader:
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings["PATH"] = str(tmp_path)
    return FrontMatterReader(settings)


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_story_has_our_metadata_and_safe_html(reader: FrontMatterReader, tmp_path: Path) -> None:
    content, metadata = reader.read(write(tmp_path, "2024/03/markets.md", STORY))
    assert content.startswith('<p><strong class="dateline">LONDON, March 4 (Reuters) -</strong> Stocks fell')
    assert "&lt;b&gt;sharply&lt;/b&gt;" in content and "javascript" not in content and "href" not in content
    assert str(metadata["title"]) == "Markets &lt;fall&gt; &amp; rise"
    assert metadata["date"] == dt.datetime(2024, 3, 4) and metadata["author"].name == "Reuters"
    assert [(label, [tag.name for tag in tags]) for label, tags in metadata["tag_groups"]] == \
           [("Places", ["London"]), ("Organisations", ["Bank of England"])]


@pytest.mark.parametrize(("body", "teaser"), [
    ("Stocks fell **sharply**, [said](https://example.com/t) traders.", "Stocks fell sharply, said traders."),
    ("The index \\*rose\\* 3% & <b>bonds</b> `fell`.", "The index *rose* 3% & <b>bonds</b> fell."),
    ("## Markets\n\nA *hand-written* story.\n\nMore.", "A hand-written story."),
])
def test_a_story_without_a_lede_is_described_by_its_text_never_its_markdown(reader: FrontMatterReader,
                                                                             tmp_path: Path, body: str,
                                                                             teaser: str) -> None:
    story = STORY.replace("summary: Stocks fell on Monday.\n", "").split("---\n")
    _, metadata = reader.read(write(tmp_path, "2024/03/hand.md", f"---\n{story[1]}---\n{body}\n"))
    assert metadata["teaser"] == teaser and str(metadata["summary"]) == str(escape(teaser))


def test_a_page_in_yaml_front_matter_reads_as_pelican_reads_its_key_value_twin(reader: FrontMatterReader,
                                                                               tmp_path: Path) -> None:
    yaml_page = write(tmp_path, "pages/about.md", "---\ntitle: About us\nsummary: Who *we* are.\ntags: [a, b]\n"
                                                  "date: 2024-03-04\n---\nWe read the **wires**. <em>Ours</em>.\n")
    key_value = write(tmp_path, "twin/about.md", "Title: About us\nSummary: Who *we* are.\nTags: a, b\n"
                                                 "Date: 2024-03-04\n\nWe read the **wires**. <em>Ours</em>.\n")
    content, metadata = reader.read(yaml_page)
    pelican_content, pelican_metadata = MarkdownReader(reader.settings).read(key_value)
    assert content == pelican_content == "<p>We read the <strong>wires</strong>. <em>Ours</em>.</p>"
    assert metadata == pelican_metadata


def test_a_page_needs_no_date_and_may_use_pelicans_own_form(reader: FrontMatterReader, tmp_path: Path) -> None:
    content, metadata = reader.read(write(tmp_path, "pages/contact.md", "Title: Contact\nSlug: desk\n\nWrite to us.\n"))
    assert content == "<p>Write to us.</p>" and metadata == {"title": "Contact", "slug": "desk"}
    _, metadata = reader.read(write(tmp_path, "pages/plain.md", "---\ntitle: Plain\n---\nText.\n"))
    assert metadata == {"title": "Plain"}


def test_a_story_without_a_date_names_its_file(reader: FrontMatterReader, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="undated.md"):
        reader.read(write(tmp_path, "2024/undated.md", "---\ntitle: T\n---\nText.\n"))
