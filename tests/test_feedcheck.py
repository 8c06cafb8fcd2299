"""Tests for the strict feed checker: real feedgenerator output passes, each broken variant is reported."""

import datetime
import json
import pathlib

import pytest
from feedgenerator import Atom1Feed, Rss201rev2Feed, get_tag_uri

from feedcheck import check_atom, check_feed, check_json_feed, check_rss

SITE = "http://example.com/"
ATOM_URL = SITE + "feeds/all.atom.xml"
RSS_URL = SITE + "feeds/all.rss.xml"
WHEN = datetime.datetime(2024, 3, 5, 10, 0, tzinfo=datetime.timezone.utc)
BODY = '<p>Stocks fell &amp; rose. <a href="http://example.com/2024/03/04/x.html">Earlier</a>.</p>'


def _build(feed_class: type, feed_url: str, permalink: bool | None) -> bytes:
    """A two-item feed shaped like Pelican's Writer.write_feed output with an absolute SITEURL."""
    feed = feed_class(title="newsdigest", link=SITE, feed_url=feed_url, description="Wire stories",
                      subtitle="Wire stories")
    for number in range(2):
        link = f"{SITE}2024/03/05/story-{number}.html"
        feed.add_item(title=f"Story {number}: stocks & <bonds>", link=link, unique_id=get_tag_uri(link, WHEN),
                      unique_id_is_permalink=permalink, description="<p>Summary.</p>",
                      content=BODY if feed_class is Atom1Feed else None, categories=["markets", "world news"],
                      author_name="TASS", pubdate=WHEN)
    return feed.writeString("utf-8").encode("utf-8")


ATOM = _build(Atom1Feed, ATOM_URL, None)
RSS = _build(Rss201rev2Feed, RSS_URL, False)
ENTRY0_ID = "tag:example.com,2024-03-05:/2024/03/05/story-0.html"
ENTRY1_ID = "tag:example.com,2024-03-05:/2024/03/05/story-1.html"
ENTRY0_LINK = "http://example.com/2024/03/05/story-0.html"
CONTENT = ('<content type="html">&lt;p&gt;Stocks fell &amp;amp; rose. &lt;a href="http://example.com/2024/03/04/x.html"'
           '&gt;Earlier&lt;/a&gt;.&lt;/p&gt;</content>')


def _mutate(data: bytes, old: str, new: str, count: int = 1) -> bytes:
    """Replace the first count occurrences of old; fail loudly if the fixture lacks it."""
    assert old.encode() in data, f"fixture lacks {old!r}"
    return data.replace(old.encode(), new.encode(), count)


def _assert_reported(errors: list[str], expected: str) -> None:
    """At least one error mentions expected."""
    assert any(expected in error for error in errors), f"{expected!r} not in {errors}"


def test_feedgenerator_atom_passes() -> None:
    assert check_atom(ATOM, ATOM_URL) == []
    assert check_atom(ATOM) == []


def test_feedgenerator_rss_with_non_permalink_guids_passes() -> None:
    assert check_rss(RSS, RSS_URL) == []


def test_pelican_default_rss_guid_is_rejected_like_the_w3c_validator() -> None:
    # Pelican passes a tag: URI as guid without isPermaLink="false"; feedvalidator calls that an error.
    errors = check_rss(_build(Rss201rev2Feed, RSS_URL, None), RSS_URL)
    assert len(errors) == 2
    _assert_reported(errors, "is a permalink")


def test_feed_level_author_covers_entries() -> None:
    data = _mutate(ATOM, "<author><name>TASS</name></author>", "", count=2)
    data = _mutate(data, "<subtitle>", "<author><name>Desk</name></author><subtitle>")
    assert check_atom(data, ATOM_URL) == []


def test_source_author_covers_entry() -> None:
    data = _mutate(ATOM, "<author><name>TASS</name></author>",
                   "<source><author><name>TASS</name></author></source>", count=2)
    assert check_atom(data, ATOM_URL) == []


def test_xml_base_resolves_relative_links() -> None:
    data = _mutate(ATOM, '<feed xmlns="http://www.w3.org/2005/Atom">',
                   '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.com/2024/">')
    data = _mutate(data, f'href="{ENTRY0_LINK}"', 'href="03/05/story-0.html"')
    assert check_atom(data, ATOM_URL) == []


def test_xhtml_content_and_extensions_pass() -> None:
    xhtml = ('<content type="xhtml" xml:lang="en"><div xmlns="http://www.w3.org/1999/xhtml"><p>Fine '
             '<a href="http://example.com/">home</a><br/></p></div></content>')
    data = _mutate(ATOM, CONTENT, xhtml)
    data = _mutate(data, "<subtitle>", '<ext:rating xmlns:ext="urn:x-ext">5</ext:rating><subtitle>')
    assert check_atom(data, ATOM_URL) == []


ENTRY0_CONTENT = "&lt;p&gt;Stocks fell &amp;amp; rose."
ATOM_BREAKAGES = [
    ("not well-formed", "</feed>", "", "not well-formed XML"),
    ("latin-1 declared", 'encoding="utf-8"', 'encoding="iso-8859-1"', "expected UTF-8"),
    ("no declaration", '<?xml version="1.0" encoding="utf-8"?>', "", "no XML declaration"),
    ("doctype", "<feed ", "<!DOCTYPE feed>\n<feed ", "DOCTYPE is not allowed"),
    ("unknown atom element", "<published>", "<headline>x</headline><published>", "RFC 4287 schema"),
    ("bad hreflang", 'rel="alternate"/>', 'rel="alternate" hreflang="en_GB"/>', "RFC 4287 schema"),
    ("feed without id", f"<id>{SITE}</id>", "", "feed: missing <id>"),
    ("feed without title", "<title>newsdigest</title>", "", "feed: missing <title>"),
    ("entry without title", "<title>Story 0: stocks &amp; &lt;bonds&gt;</title>", "", "missing <title>"),
    ("entry without updated", "<updated>2024-03-05T10:00:00+00:00</updated><author>", "<author>",
     "missing <updated>"),
    ("id not an IRI", f"<id>{ENTRY0_ID}</id>", "<id>story 0</id>", "is not an absolute IRI"),
    ("malformed tag URI", f"<id>{ENTRY0_ID}</id>", "<id>tag:example.com:story-0</id>", "is not an absolute IRI"),
    ("duplicate id", f"<id>{ENTRY1_ID}</id>", f"<id>{ENTRY0_ID}</id>", "duplicate id"),
    ("date without zone", "<published>2024-03-05T10:00:00+00:00", "<published>2024-03-05T10:00:00",
     "is not an RFC 3339 date-time"),
    ("date with space", "<published>2024-03-05T10:00:00+00:00", "<published>2024-03-05 10:00:00Z",
     "is not an RFC 3339 date-time"),
    ("impossible date", "<published>2024-03-05", "<published>2023-02-29", "impossible date-time"),
    ("relative link", f'href="{ENTRY0_LINK}"', 'href="/2024/03/05/story-0.html"', "does not resolve"),
    ("relative xml:base", f'<link href="{ENTRY0_LINK}"', '<link xml:base="/2024/" href="03/05/story-0.html"',
     "does not resolve"),
    ("ftp link", f'href="{ENTRY0_LINK}"', 'href="ftp://example.com/story-0.html"', "does not resolve"),
    ("relative icon", "<subtitle>", "<icon>favicon.ico</icon><subtitle>", "does not resolve"),
    ("missing self link", f'<link href="{ATOM_URL}" rel="self"/>', "", 'missing <link rel="self">'),
    ("entry without alternate", f'<link href="{ENTRY0_LINK}" rel="alternate"/>',
     f'<link href="{ENTRY0_LINK}" rel="related"/>', 'no <link rel="alternate">'),
    ("duplicate alternate", f'<link href="{ENTRY0_LINK}" rel="alternate"/>',
     f'<link href="{ENTRY0_LINK}" rel="alternate"/><link href="{SITE}" />', '2 <link rel="alternate">'),
    ("unclosed html element", ENTRY0_CONTENT, "&lt;div&gt;&lt;p&gt;Stocks fell", "<div> is never closed"),
    ("misnested html", ENTRY0_CONTENT, "&lt;p&gt;&lt;em&gt;Stocks&lt;/p&gt;&lt;/em&gt;", "is not closed before"),
    ("stray end tag", ENTRY0_CONTENT, "&lt;/div&gt;&lt;p&gt;Stocks", "closes nothing"),
    ("unescaped < in html", ENTRY0_CONTENT, "&lt;p&gt;Stocks &amp;lt; bonds &lt; cash", "unescaped '<'"),
    ("xhtml without div", CONTENT, '<content type="xhtml"><p xmlns="http://www.w3.org/1999/xhtml">x</p></content>',
     "exactly one xhtml:div"),
    ("script in content", ENTRY0_CONTENT, "&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;Stocks",
     "unsafe <script> element"),
    ("event handler in content", ENTRY0_CONTENT, '&lt;p onclick="steal()"&gt;Stocks', "event handler attribute"),
    ("javascript URL", 'href="http://example.com/2024/03/04/x.html"', 'href="javascript:alert(1)"', "unsafe URL"),
    ("encoded javascript URL", 'href="http://example.com/2024/03/04/x.html"',
     'href="&amp;#106;ava&amp;#9;script:alert(1)"', "unsafe URL"),
    ("relative URL in content", 'href="http://example.com/2024/03/04/x.html"', 'href="/2024/03/04/x.html"',
     "relative URL"),
    ("script in summary", "&lt;p&gt;Summary.&lt;/p&gt;", "&lt;img src=x onerror=alert(1)&gt;", "event handler"),
    ("script in xhtml", CONTENT,
     '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><script>x()</script></div></content>',
     "unsafe <script> element"),
]


@pytest.mark.parametrize(("old", "new", "expected"), [case[1:] for case in ATOM_BREAKAGES],
                         ids=[case[0] for case in ATOM_BREAKAGES])
def test_broken_atom_is_reported(old: str, new: str, expected: str) -> None:
    _assert_reported(check_atom(_mutate(ATOM, old, new), ATOM_URL), expected)


def test_atom_missing_author_is_reported_per_entry() -> None:
    errors = check_atom(_mutate(ATOM, "<author><name>TASS</name></author>", "", count=2), ATOM_URL)
    assert [error for error in errors if "no <author>" in error] == [
        f"line 2: feed/entry[1]{{{ENTRY0_ID}}}: no <author>, and the feed has none",
        f"line 2: feed/entry[2]{{{ENTRY1_ID}}}: no <author>, and the feed has none",
    ]


def test_atom_wrong_self_href_is_reported() -> None:
    errors = check_atom(ATOM, SITE + "feeds/other.atom.xml")
    assert errors == [f"line 2: feed/link: rel=\"self\" href '{ATOM_URL}' is not the feed URL "
                      f"'{SITE}feeds/other.atom.xml'"]


def test_invalid_utf8_is_reported() -> None:
    errors = check_atom(ATOM.replace(b"newsdigest", b"news\xe9digest", 1))
    assert errors and "not valid UTF-8" in errors[0]


ITEM0_PUBDATE = "<pubDate>Tue, 05 Mar 2024 10:00:00 +0000</pubDate>"
RSS_BREAKAGES = [
    ("not well-formed", "</rss>", "", "not well-formed XML"),
    ("wrong version", 'version="2.0"', 'version="0.91"', "expected '2.0'"),
    ("no channel description", "<description>Wire stories</description>", "", "missing <description>"),
    ("no channel link", f"<link>{SITE}</link>", "", "missing <link>"),
    ("relative channel link", f"<link>{SITE}</link>", "<link>/</link>", "not an absolute http(s) URL"),
    ("item without title or description",
     f"<title>Story 0: stocks &amp; &lt;bonds&gt;</title><link>{ENTRY0_LINK}</link><description>&lt;p&gt;Summary."
     "&lt;/p&gt;</description>", f"<link>{ENTRY0_LINK}</link>", "has neither <title> nor <description>"),
    ("relative item link", f"<link>{ENTRY0_LINK}</link>", "<link>2024/03/05/story-0.html</link>",
     "not an absolute http(s) URL"),
    ("wrong day name", ITEM0_PUBDATE, "<pubDate>Wed, 05 Mar 2024 10:00:00 +0000</pubDate>",
     "says Wed but 05 Mar 2024 is a Tue"),
    ("bad zone name", ITEM0_PUBDATE, "<pubDate>Tue, 05 Mar 2024 10:00:00 CET</pubDate>", "is not an RFC 822 date"),
    ("impossible zone", ITEM0_PUBDATE, "<pubDate>Tue, 05 Mar 2024 10:00:00 +2500</pubDate>",
     "impossible time zone"),
    ("two-digit year", ITEM0_PUBDATE, "<pubDate>Tue, 05 Mar 24 10:00:00 +0000</pubDate>", "is not an RFC 822 date"),
    ("ISO pubDate", ITEM0_PUBDATE, "<pubDate>2024-03-05T10:00:00Z</pubDate>", "is not an RFC 822 date"),
    ("impossible lastBuildDate", "<lastBuildDate>Tue, 05 Mar 2024", "<lastBuildDate>Tue, 30 Feb 2024",
     "impossible date"),
    ("duplicate guid", ENTRY1_ID + "</guid>", ENTRY0_ID + "</guid>", "duplicate guid"),
    ("relative permalink guid", f'<guid isPermaLink="false">{ENTRY0_ID}</guid>',
     '<guid isPermaLink="true">/2024/03/05/story-0.html</guid>', "not an absolute http(s) URL"),
    ("bad isPermaLink", 'isPermaLink="false"', 'isPermaLink="no"', "expected 'true' or 'false'"),
    ("missing self link", f'<atom:link href="{RSS_URL}" rel="self"/>', "", 'missing <atom:link rel="self">'),
    ("relative self link", f'<atom:link href="{RSS_URL}"', '<atom:link href="/feeds/all.rss.xml"',
     "not an absolute http(s) URL"),
    ("unknown element", "<category>markets</category>", "<category>markets</category><headline>x</headline>",
     "is not an RSS 2.0 element of <item>"),
    ("repeated element", ITEM0_PUBDATE, ITEM0_PUBDATE * 2, "<pubDate> appears 2 times"),
    ("unknown attribute", "<category>markets</category>", '<category scheme="x">markets</category>',
     "unexpected attribute 'scheme'"),
    ("script in description", "&lt;p&gt;Summary.&lt;/p&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;",
     "unsafe <script> element"),
    ("event handler in description", "&lt;p&gt;Summary.&lt;/p&gt;", '&lt;p onmouseover="x()"&gt;Summary.&lt;/p&gt;',
     "event handler attribute"),
    ("javascript URL in content:encoded", "<category>markets</category>",
     '<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">'
     '&lt;a href="javascript:go()"&gt;x&lt;/a&gt;</content:encoded><category>markets</category>', "unsafe URL"),
]


@pytest.mark.parametrize(("old", "new", "expected"), [case[1:] for case in RSS_BREAKAGES],
                         ids=[case[0] for case in RSS_BREAKAGES])
def test_broken_rss_is_reported(old: str, new: str, expected: str) -> None:
    _assert_reported(check_rss(_mutate(RSS, old, new), RSS_URL), expected)


def test_rss_wrong_self_href_is_reported() -> None:
    errors = check_rss(RSS, SITE + "feeds/other.rss.xml")
    assert errors == [f"line 2: rss/channel/atom:link: rel=\"self\" href '{RSS_URL}' is not the feed URL "
                      f"'{SITE}feeds/other.rss.xml'"]


def test_rss_allows_namespaced_extensions_and_short_dates() -> None:
    data = _mutate(RSS, "<category>markets</category>",
                   '<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">'
                   '&lt;p&gt;Full &lt;a href="https://example.com/"&gt;text&lt;/a&gt;&lt;/p&gt;</content:encoded>'
                   '<dc:subject xmlns:dc="http://purl.org/dc/elements/1.1/">x</dc:subject>'
                   "<category>markets</category>")
    data = _mutate(data, ITEM0_PUBDATE, "<pubDate>5 Mar 2024 10:00 GMT</pubDate>")
    assert check_rss(data, RSS_URL) == []


def test_rss_needs_exactly_one_channel() -> None:
    data = b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"/>'
    assert check_rss(data) == ["line 2: rss: 0 <channel> elements, expected exactly one"]


def test_check_feed_dispatches_on_root_and_names_the_file(tmp_path: pathlib.Path) -> None:
    atom, rss, other = tmp_path / "all.atom.xml", tmp_path / "all.rss.xml", tmp_path / "page.xml"
    atom.write_bytes(ATOM)
    rss.write_bytes(_mutate(RSS, ITEM0_PUBDATE, "<pubDate>Wed, 05 Mar 2024 10:00:00 +0000</pubDate>"))
    other.write_bytes(b'<?xml version="1.0" encoding="utf-8"?>\n<html/>')
    assert check_feed(atom, ATOM_URL) == []
    errors = check_feed(rss, RSS_URL)
    assert len(errors) == 1 and errors[0].startswith(f"{rss}: line 2: rss/channel/item[1]")
    assert check_feed(other) == [f"{other}: root: <html> is neither Atom <feed> nor <rss>"]
    assert check_feed(rss, None) == errors


JSON_FEED = {"version": "https://jsonfeed.org/version/1.1", "title": "newsdigest: all stories",
             "home_page_url": "https://example.org/", "feed_url": "https://example.org/feeds/all.json",
             "items": [{"id": "tag:example.org,2024-03-05:/a.html", "url": "https://example.org/a.html",
                        "content_html": "<p>Text</p>", "date_published": "2024-03-05T14:06:00+00:00",
                        "authors": [{"name": "TASS"}], "tags": ["Athens"]}]}


def test_a_json_feed_with_the_required_members_passes() -> None:
    assert check_json_feed(json.dumps(JSON_FEED).encode(), "https://example.org/feeds/all.json") == []


@pytest.mark.parametrize(("change", "expected"), [
    (lambda feed: feed.pop("title"), "missing 'title'"),
    (lambda feed: feed.update(version="https://jsonfeed.org/version/1"), "version is"),
    (lambda feed: feed["items"][0].pop("id"), "missing 'id'"),
    (lambda feed: feed["items"][0].pop("content_html"), "neither content_html nor content_text"),
    (lambda feed: feed["items"][0].update(date_published="5 March 2024"), "RFC 3339"),
    (lambda feed: feed["items"].append(dict(feed["items"][0])), "used before"),
    (lambda feed: feed["items"][0].update(url="a.html"), "not an absolute http(s) URL"),
    (lambda feed: feed["items"][0].update(authors=[{}]), "none of name, url, avatar"),
    (lambda feed: feed.update(author={"name": "x"}), "not a JSON Feed 1.1 member"),
])
def test_a_broken_json_feed_is_reported(change, expected: str) -> None:
    feed = json.loads(json.dumps(JSON_FEED))
    change(feed)
    errors = check_json_feed(json.dumps(feed).encode())
    assert any(expected in error for error in errors), errors
