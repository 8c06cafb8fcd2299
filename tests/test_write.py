"""Write stage: escaped Markdown shows seed text literally; front matter survives YAML's traps."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import frontmatter
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Article, Block, Dateline, Tags
from generator.schema import clean_text
from generator.site.markup import story_html
from generator.write import escape_markdown, render_article


def rendered_text(markdown_text: str) -> str:
    """The text a reader sees: HTML from our Markdown converter, tags stripped, entities decoded."""
    rendered = story_html(markdown_text)
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


def article(**changes) -> Article:
    base = dict(
        seed=Path("x.txt"), headline="Markets: stocks fall", lede="NO", body=[Block("paragraph", "Body.")],
        dateline=Dateline(raw="PARIS, Oct 22 (Reuters) -", place="Paris", month=10, day=22, agency="Reuters"),
        agency="Reuters", date=dt.date(2024, 10, 22), date_source="text", slug="markets-stocks-fall",
        tags=Tags(places=["France"], ranked=["France", "1.10", "yes"]),
    )
    base.update(changes)
    return Article(**base)


def test_markdown_specials_show_literally() -> None:
    text = "Use *stars*, _under_ #hash <b>bold</b> [link](javascript:alert(1)) `code` & &amp; \\ 1. ok"
    assert rendered_text(escape_markdown(text)).strip() == text


def test_line_starts_that_markdown_would_read_as_blocks_are_escaped() -> None:
    for text in ("# not a heading", "> not a quote", "- not a list", "+ nor this", "1. not ordered", "---", "===",
                 "~~~ not a fence", "``` nor this", "* * *", "___", "1) one", "<div>", "[a]: b"):
        assert rendered_text(escape_markdown(text)).strip() == text


def test_no_raw_html_reaches_the_page() -> None:
    page = story_html(escape_markdown('<script>alert("x")</script><img src=x onerror=alert(1)>'))
    assert "<script" not in page and "<img" not in page


def test_unsafe_link_schemes_are_dropped_from_edited_markdown() -> None:
    for scheme in ("javascript:alert(1)", "JavaScript:alert(1)", "vbscript:x", "data:text/html,x"):
        page = story_html(f"[click]({scheme}) and [ok](https://example.org/) <{scheme}>")
        assert 'href="https://example.org/"' in page and page.count("href=") == 1


def test_raw_html_in_edited_markdown_shows_as_text() -> None:
    page = story_html("Some <b>bold</b> text\n\n<div onclick=x>\nblock\n</div>")
    assert "<b>" not in page and "<div" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200))
def test_any_paragraph_renders_to_exactly_its_text(text: str) -> None:
    expected = " ".join(clean_text(text).split())
    if not expected:
        return
    assert " ".join(rendered_text(escape_markdown(text)).split()) == expected


def test_front_matter_round_trips_yaml_traps() -> None:
    story = article(headline="Markets: stocks fall", lede="NO", body=[Block("paragraph", "---")])
    post = frontmatter.loads(render_article(story))
    assert post["title"] == "Markets: stocks fall"
    assert post["summary"] == "NO"
    assert post["tags"] == ["France", "1.10", "yes"]
    assert post["date"] == dt.date(2024, 10, 22)
    assert post["seed"] == "x.txt"
    assert rendered_text(post.content).strip() == "---"


def test_subheads_become_h2_and_lists_stay_lists() -> None:
    story = article(body=[Block("paragraph", "One."), Block("subhead", "A subhead"), Block("list", items=["a", "b"])])
    page = story_html(frontmatter.loads(render_article(story)).content)
    assert "<h2>A subhead</h2>" in page
    assert "<li>a</li>" in page and "<li>b</li>" in page


def test_title_original_is_kept_when_the_headline_was_recased() -> None:
    story = article(headline="Standard Oil <SRD> to Form Unit", headline_original="STANDARD OIL <SRD> TO FORM UNIT")
    post = frontmatter.loads(render_article(story))
    assert post["title_original"] == "STANDARD OIL <SRD> TO FORM UNIT"
