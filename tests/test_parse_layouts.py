"""The parser on page layouts it was not written for: headline, place and date wherever a person would read them.

The fixtures in tests/fixtures/layouts are written for these tests in the style of each wire or site: share bars
and menus above the headline, bylines with and without `By`, date lines in many forms, a dateline on a line of its
own, captions and their labels. Each has golden content (tests/golden/content/layouts, UPDATE_GOLDENS=1 rewrites
them) and the facts a reader would check. The property tests add furniture, blank lines, CRLF and hard wrapping to
stories and check that the headline, place and date survive."""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import shutil
import textwrap
from pathlib import Path

import frontmatter
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, GOLDEN, PROJECT, compare_golden
from generator.dates import DateHints, resolve_date
from generator.decode import decode_seed
from generator.ingest import ingest
from generator.parse import parse_seed, parse_text

LAYOUTS = FIXTURES / "layouts"
# The seeds' file time in these tests: a weekday in the lead gives the latest year not after it.
FILE_TIME = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.timezone.utc)

# file: (headline, place, date, date_source, byline, standfirst starts with)
EXPECTED = {
    "tass-share-bar.txt": ("Russian grain exports to Africa up by a third, Agriculture Ministry says", "Moscow",
                           "2025-03-12", "weekday", None, "Egypt, Algeria"),
    "tass-weekday.txt": ("Lavrov, Wang Yi discuss Arctic shipping route", "Moscow", "2025-03-06", "weekday", None,
                         "The ministers agreed"),
    "reuters-1996.txt": ("Italian treasury sells 5-year bonds at lower yield", "Rome", "1996-12-06", "dateline",
                         "Marco Bellini", None),
    "reuters-1996-region.txt": ("Gulf camel racing season opens with record prize money", "Al-Ain", "1996-12-06",
                                "dateline", None, None),
    "ap-web.txt": ("Dutch court orders halt to gas drilling near Groningen villages", "The Hague", "2024-11-14",
                   "metadata", "Anneke van Dijk", None),
    "ap-wire-1986.txt": ("Storm Knocks Out Power to Thousands in Ohio", "Columbus", "1986-03-14", "metadata",
                         "David Keller", None),
    "afp-wire.txt": ("Strikers block Lisbon port as dock talks collapse", "Lisbon", "1997-02-19", "dateline", None,
                     None),
    "xinhua-web.txt": ("China's high-speed rail network tops 40,000 km", "Beijing", "2022-09-21", "metadata", None,
                       None),
    "interfax-wire.txt": ("Murmansk port handles record coal volumes in first half", "Murmansk", "2021-07-14",
                          "metadata", None, None),
    "kyodo-web.txt": ("Japan's machinery orders rise for first time in three months", "Tokyo", "2020-01-17",
                      "metadata", None, None),
    "yonhap-web.txt": ("S. Korea's jobless rate rises to 4.4 pct in April", "Sejong", "2019-05-10", "metadata",
                       "Kim Eun-jung", None),
    "upi-1985.txt": ("Farm Credit System Seeks Federal Rescue", "Washington", "1985-11-06", "metadata", "Helen Marsh",
                     None),
    "dpa-numeric.txt": ("Berlin storm topples trees, halts trains", "Berlin", "2023-09-14", "metadata", None, None),
    "anadolu-web.txt": ("Turkish exports hit monthly record in March", "Ankara", "2022-04-02", "metadata",
                        "Selin Kaya", "Exports rose 19%"),
    "site-bbc.txt": ("Floods force thousands from homes in northern Italy", None, "2023-04-08", "metadata",
                     "Giulia Rossi", None),
    "site-guardian.txt": ("Norway to build Europe's largest battery plant for ferries", None, "2022-10-03", "metadata",
                          "Ingrid Nilsen", "Project in Trondheim"),
    "afp-web.txt": ("Chile's central bank cuts rate as inflation eases", "Santiago", "2023-06-08", "metadata", None, None),
    "site-dw.txt": ("German car exports fall for third month as chip shortage bites", None, "2021-11-03", "metadata",
                    "Lena Hartmann", "Carmakers shipped"),
}
# Lines no story paragraph may be: the page's furniture in these fixtures.
FURNITURE = ("Share", "Read more", "Save", "Copy", "Link copied", "Print", "Listen to this article", "Image caption,",
             "Getty Images", "Follow TASS on Telegram", "Text Size", "English.news.cn", "Related topics", "Italy",
             "Editor:", "Associated Press Writer", "United Press International", "BBC News, Bologna",
             "(c) Reuters Limited 1996", "Send us your feedback", "Germany", "Cars", "China", "kej@yna.co.kr",
             "Most read", "Aeroflot adds flights to Antalya", "Shoppers at a market in Santiago (AFP / Martin Bernetti)",
             "mdl-pa/ach", "© 2023 AFP")


def dated_copy(path: Path, folder: Path) -> Path:
    """A copy of a fixture with the tests' file time."""
    folder.mkdir(exist_ok=True)
    copy = folder / path.name
    shutil.copy(path, copy)
    os.utime(copy, (FILE_TIME.timestamp(), FILE_TIME.timestamp()))
    return copy


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_layout_gives_headline_place_date_byline_and_standfirst(name: str, tmp_path: Path) -> None:
    from generator.enrich import enrich
    from generator.tagging.taxonomy import load_taxonomy

    seed = dated_copy(LAYOUTS / name, tmp_path)
    article = enrich(parse_seed(seed), seed, load_taxonomy(PROJECT / "tags.yaml"))
    headline, place, date, source, byline, standfirst = EXPECTED[name]
    assert (article.headline, article.dateline.place) == (headline, place)
    assert (article.date.isoformat(), article.date_source) == (date, source)
    assert article.byline == byline
    assert (article.lede or "").startswith(standfirst or "") and (article.lede is None) == (standfirst is None)
    texts = [article.lede or "", *article.paragraphs]
    assert not [text for text in texts if is_one_of(text, FURNITURE)], "furniture left in the story"


def is_one_of(text: str, lines: tuple[str, ...]) -> bool:
    """The text is one of the lines, or starts with one ending in a label's `:` or `,`."""
    return any(text == line or line.endswith((":", ",")) and text.startswith(line) for line in lines)


def test_sign_offs_below_the_story() -> None:
    assert parse_seed(LAYOUTS / "yonhap-web.txt").signoff == "kej@yna.co.kr (END)"
    assert parse_seed(LAYOUTS / "afp-web.txt").signoff == "mdl-pa/ach"


def test_every_layout_fixture_is_checked() -> None:
    assert sorted(path.name for path in LAYOUTS.glob("*.txt")) == sorted(EXPECTED)


def test_layouts_match_golden_content(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    for path in sorted(LAYOUTS.glob("*.txt")):
        dated_copy(path, seeds)
    report = ingest(seeds, tmp_path / "content", taxonomy_path=PROJECT / "tags.yaml")
    assert report.ok, report.failures
    written = {path.read_text().split("\nseed: ", 1)[1].split("\n", 1)[0]: path for path in
               (tmp_path / "content").rglob("*.md")}
    assert sorted(written) == sorted(EXPECTED)
    for name, path in written.items():
        compare_golden(path.read_text(encoding="utf-8"), GOLDEN / "content" / "layouts" / (Path(name).stem + ".md"))


def test_filing_time_in_gmt_is_kept_and_an_offset_one_is_not() -> None:
    assert parse_seed(LAYOUTS / "afp-wire.txt").time == dt.time(15, 35)
    assert parse_seed(LAYOUTS / "interfax-wire.txt").time == dt.time(10, 20)
    assert parse_seed(LAYOUTS / "ap-web.txt").time is None  # `3:15 PM GMT+1`
    assert parse_seed(LAYOUTS / "ap-wire-1986.txt").time == dt.time(16, 22)  # `AP-NR-03-14-86 1122EST`
    assert parse_seed(LAYOUTS / "site-guardian.txt").time == dt.time(13, 20)  # `Mon 3 Oct 2022 14.20 BST`


@pytest.mark.parametrize(("line", "universal"), [
    ("Published 10:32 AM EST, March 3, 2024", "15:32"),
    ("Updated 11:46 AM EDT, September 29, 2022", "15:46"),
    ("Published: January 26, 2001 15:40 IST", "10:10"),
    ("Tue May 22, 2001 9:12am GMT", "09:12"),
    ("ROME 1996-12-06 1406 GMT", "14:06"),
    ("05.03.2014 16:40 MSK", "13:40"),
    ("Published 10:10 PM PDT, June 13, 2019", None),  # 05:10 the next day: not this date's time
    ("Published 3:15 PM GMT+1, June 13, 2019", None),
    ("November 30, 2016, 7:47 PM ET", None),  # eastern time, standard or summer: not known
    ("Published June 13, 2019", None),
])
def test_a_stamp_line_s_time_is_kept_in_universal_time(line: str, universal: str | None) -> None:
    from generator.head import filing_time

    found = filing_time(line)
    assert (f"{found:%H:%M}" if found else None) == universal


def test_a_time_at_the_top_reaches_the_front_matter(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "ap.txt").write_text(
        "Senate passes stopgap spending bill\n\nBy LISA MASCARO\n\nPublished 10:32 AM EST, March 3, 2024\n\n"
        "WASHINGTON (AP) — The Senate passed a stopgap spending bill on Sunday, sending it to the House with days "
        "to spare before a partial shutdown.\n\nThe vote was 77-13.\n", encoding="utf-8")
    assert ingest(seeds, tmp_path / "content").ok
    post = frontmatter.load(next((tmp_path / "content").rglob("*.md")))
    assert post["time"] == "15:32" and str(post["date"]) == "2024-03-03"


# --- property tests: furniture in any order, CRLF, blank lines, hard wrapping -----------------------------------

# (head lines above the lead, body paragraphs, headline, place, date the text states)
STORIES = [
    (["Russian grain exports to Africa up by a third",
      "Egypt, Algeria and Kenya remain the largest buyers of Russian wheat, the ministry said"],
     ["MOSCOW, March 12, 2025. /TASS/. Russian grain shipments to African countries grew by 33% year-on-year in "
      "the first two months of the season, the Agriculture Ministry said on Wednesday.",
      "Egypt bought 2.1 million tonnes of Russian wheat over the period, followed by Algeria and Kenya, the "
      "ministry said in a statement."],
     "Russian grain exports to Africa up by a third", "Moscow", dt.date(2025, 3, 12)),
    (["Italian treasury sells 5-year bonds at lower yield", "ROME 1996-12-06"],
     ["Italy's Treasury sold 3.5 trillion lire of five-year BTP bonds at an average yield of 7.12 percent on "
      "Friday, down from 7.61 percent at the previous auction a month earlier, the Bank of Italy said.",
      "Demand was strong, with bids totalling 6.2 trillion lire, dealers said on the Milan market."],
     "Italian treasury sells 5-year bonds at lower yield", "Rome", dt.date(1996, 12, 6)),
    (["Dutch court orders halt to gas drilling near Groningen villages", "By Anneke van Dijk",
      "Published November 14, 2024"],
     ["THE HAGUE, Netherlands (AP) — A Dutch court on Thursday ordered the state energy company to stop drilling "
      "at two gas wells near villages in the northern province of Groningen.",
      "The ruling is a setback for the government, which had sought to keep the wells open through the winter."],
     "Dutch court orders halt to gas drilling near Groningen villages", "The Hague", dt.date(2024, 11, 14)),
    (["China's high-speed rail network tops 40,000 km", "2022-09-21 16:05:11"],
     ["BEIJING, Sept. 21 (Xinhua) -- China's high-speed railway network has exceeded 40,000 km in length, the "
      "China State Railway Group said Wednesday.",
      "The network now links more than 90 percent of cities with a population of over 500,000, it said."],
     "China's high-speed rail network tops 40,000 km", "Beijing", dt.date(2022, 9, 21)),
]
FURNITURE_LINES = ["Share", "Read more", "Share Read more", "Print | Email | Share", "Home > World > Europe",
                   "All news", "Advertisement", "Listen 4 min", "Copy link", "Facebook Twitter LinkedIn Email",
                   "Follow us on Telegram", "Subscribe", "Text size A A A", "Share this article", "Save",
                   "Politics", "Society & Culture", "Skip to main content", "Sign in"]


@st.composite
def laid_out(draw: st.DrawFn) -> tuple[bytes, str, str, dt.date]:
    """A story with furniture lines above, between and below its top lines, in any order, blank lines or none
    between the top lines, optionally hard-wrapped body paragraphs and CRLF line ends."""
    head, body, headline, place, date = draw(st.sampled_from(STORIES))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    lines: list[str] = []
    for line in head:
        lines += rng.sample(FURNITURE_LINES, draw(st.integers(0, 3)))
        lines.append(line)
    lines += rng.sample(FURNITURE_LINES, draw(st.integers(0, 2)))
    gap = "\n" * draw(st.integers(1, 3))
    top = gap.join(lines) if draw(st.booleans()) else "\n".join(lines)
    width = draw(st.sampled_from([0, 60, 72, 80]))
    paragraphs = [textwrap.fill(text, width) if width else text for text in body]
    tail = rng.sample(FURNITURE_LINES, draw(st.integers(0, 2)))
    text = "\n\n".join([top, *paragraphs, *tail]) + "\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text.encode("utf-8"), headline, place, date


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(laid_out())
def test_headline_place_and_date_survive_furniture_blank_lines_crlf_and_wrapping(story) -> None:
    data, headline, place, date = story
    article = parse_text(decode_seed(data, Path("story.txt")), Path("story.txt"))
    assert article.headline == headline
    assert article.dateline.place == place
    assert resolve_date(article, DateHints(modified=dt.date(2026, 6, 1)))[:2] in (
        (date, "dateline"), (date, "metadata"))
    assert not [text for text in article.paragraphs if text in FURNITURE_LINES]


# --- the parts: furniture, bylines, headline casing ---------------------------------------------------------------

@pytest.mark.parametrize("line", ["Share", "Read more", "Share Read more", "Print | Email | Share", "Copy link",
                                  "Home > World > Europe", "News / Politics", "Facebook Twitter LinkedIn Email",
                                  "Text size A A A", "Listen 4 min", "Advertisement · Scroll to continue",
                                  "Story continues below advertisement", "Follow TASS on Telegram", "TASS",
                                  "Xinhua News Agency", "12 comments", "share2", "|", "Поделиться", "Читать ТАСС в",
                                  "Skip to main content",
                                  "Officials inspect the site. Photograph: Jane Roe/EPA",
                                  "Activists protest in Dubai [Amr Alfiky/Reuters]",
                                  "EFE -- Servicio Internacional", "AFP — English desk",
                                  "Prensa Latina > Cuba > Noticias", "POLAND-ELECTIONS", "INTERFAX-AVN",
                                  "Ref: ING-0304-URU-PORT", "RICs: .STI", "Language: English",
                                  "BC-JAPAN-QUAKE",
                                  "The agency's website contains only a portion of the news stories offered to "
                                  "subscribers of its wire service, and in summarized form."])
def test_page_furniture(line: str) -> None:
    from generator.furniture import is_furniture

    assert is_furniture(line)


@pytest.mark.parametrize("line", ["Government resigns", "Stocks close higher", "Read my lips", "Share prices fall",
                                  "Storm hits coast | Reuters", "Tornado Rips Through Oklahoma Town", "Story",
                                  "Print media loses ground to online news, survey says",
                                  "EFE wins award for Spanish service", "Reuters desk moves to Singapore",
                                  "Cuba > Havana > Prices rise as harvest fails", "US-China talks resume",
                                  "Reference rates rise as inflation bites", "Language barrier slows rescue",
                                  "The archive contains only part of the stories the paper printed in 1912, the "
                                  "library said"])
def test_headlines_are_not_furniture(line: str) -> None:
    from generator.furniture import is_furniture

    assert not is_furniture(line)


@pytest.mark.parametrize(("line", "names", "agency"), [
    ("By MARK HOLLIS Associated Press Writer", "Mark Hollis", "AP"),
    ("By MARGARET HOLLIS and DANIEL ORTEGA Associated Press", "Margaret Hollis and Daniel Ortega", "AP"),
    ("By Jane Smith, PA", "Jane Smith", "PA Media"),
    ("By Giada Zampano | AP", "Giada Zampano", "AP"),
    ("By Anneke van Dijk", "Anneke van Dijk", None),
    ("By Yoo Jee-ho", "Yoo Jee-ho", None),
])
def test_bylines(line: str, names: str, agency: str | None) -> None:
    from generator.head import parse_byline

    assert parse_byline(line) == (names, agency)


@pytest.mark.parametrize("line", ["By the way, prices rose", "By 2030 the plant will close", "Bystanders fled"])
def test_sentences_starting_with_by_are_no_bylines(line: str) -> None:
    from generator.head import parse_byline

    assert parse_byline(line) is None


@pytest.mark.parametrize(("line", "rest"), [
    ("Published April 2, 1996 13:45 GMT", ""), ("1420 GMT", ""), ("Tue May 22, 2001 4:40pm GMT", ""),
    ("Source: Xinhua| 1989-11-14| Editor: Wang Yan", ""), ("KYODO NEWS - Oct 13, 2019 - 21:34 | All, Japan", ""),
    ("Agence France-Presse -- 21 March 1997 16:48 GMT", ""), ("English.news.cn   2017-05-14 10:30:33", ""),
    ("Selin Kaya  | 02.04.2022 - Update : 02.04.2022", "Selin Kaya"),
    ("Russia to hold elections on March 17, 2024", None), ("Shares fell 3% by 14:06 in Tokyo trading", None),
])
def test_date_lines(line: str, rest: str | None) -> None:
    from generator.head import metadata_rest

    assert metadata_rest(line) == rest


@pytest.mark.parametrize(("shouted", "read"), [
    ("PROPOSED EC OILS TAX CRITICISED", "Proposed EC Oils Tax Criticised"),
    ("NORTH BH SETS HIGHER DIVIDEND", "North BH Sets Higher Dividend"),
    ("NATO, EU DISCUSS BALTIC SECURITY", "NATO, EU Discuss Baltic Security"),
    ("IT IS TIME FOR OPEC TO ACT, SAYS MINISTER", "It Is Time for OPEC to Act, Says Minister"),
    ("CHINA'S EXPORTS RISE IN MAY", "China's Exports Rise in May"),
    ("DU PONT CO <DD> SETS DIVIDEND", "Du Pont Co <DD> Sets Dividend"),
])
def test_an_all_caps_headline_keeps_known_acronyms(shouted: str, read: str) -> None:
    from generator.enrich import known_acronyms
    from generator.headline import readable_headline
    from generator.tagging.taxonomy import load_taxonomy

    body = ["Du Pont Co said on Tuesday it would raise its dividend."]
    assert readable_headline(shouted, body, known_acronyms(load_taxonomy(PROJECT / "tags.yaml"))) == read


def test_acronyms_known_from_the_taxonomy_and_gazetteer_but_not_ordinary_words() -> None:
    from generator.enrich import known_acronyms
    from generator.tagging.taxonomy import load_taxonomy

    acronyms = known_acronyms(load_taxonomy(PROJECT / "tags.yaml"))
    assert {"EC", "BH", "NATO", "EU", "UN", "OPEC"} <= acronyms
    assert not {"IS", "IT", "NO", "CO", "ST", "AM", "TO", "IN"} & acronyms


# --- the corpus stories laid out as other pages -------------------------------------------------------------------

BARS = [["Share", "Read more"], ["Share Read more Listen Print"], ["Share | Read more | Listen | Print | Subscribe"],
        ["Listen", "Print", "Subscribe", "Copy link"]]
SECTIONS = ["World", "Economy", "Russian Politics & Diplomacy", "Military & Defense", "Society & Culture", "All news"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def as_tass_page(text: str, gold: dict, rng: random.Random) -> str:
    """A TASS corpus story as a web page: a share bar above the section, between headline and body or below the
    standfirst, the headline perhaps twice, a timestamp in one of TASS's forms, blank lines or none, related
    headlines at the end."""
    _, headline, standfirst, *body = [line for line in text.split("\n") if line.strip()]
    year, month, day = gold["year"], gold["month"], gold["day"]
    stamp = rng.choice([f"{day} {MONTHS[month - 1][:3].upper()} {year}, 14:06", f"{MONTHS[month - 1]} {day}, {year}, "
                        f"14:06 UTC+3"])
    bar, where = rng.choice(BARS), rng.randrange(3)
    top = [*(bar if where == 0 else []), rng.choice(SECTIONS), headline, *([headline] if rng.random() < 0.3 else []),
           standfirst, *(bar if where == 1 else []), stamp, *(bar[:1] if where == 2 else [])]
    related = rng.choice(["Read also", "Also read", "Most read"])
    return (rng.choice(["\n", "\n\n"]).join(top) + "\n\n" + "\n\n".join(body)
            + f"\n\n{related}\n\nRussia, Kazakhstan discuss gas supplies\nUzbekistan raises wheat import quotas\n")


def as_rcv1_page(text: str, gold: dict, rng: random.Random) -> str:
    """A Reuters-21578 corpus story laid out as the Reuters corpus of 1996 gives stories: the headline (as written
    or in title case), perhaps a byline, a `PLACE YYYY-MM-DD` line, the body without its dateline."""
    headline, body = text.split("\n\n", 1)
    body = re.sub(r"\s*Reuter\s*$", "", body)  # the sign-off
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n|\n(?=    )", body) if part.strip()]
    paragraphs[0] = paragraphs[0].split(" - ", 1)[1]  # the dateline
    top = [headline if rng.random() < 0.5 else headline.title(), *(["Philip Blenkinsop"] if rng.random() < 0.5 else []),
           f"{gold['place'].upper()} {gold['year']}-{gold['month']:02d}-{gold['day']:02d}"]
    separator = rng.choice(["\n", "\n\n"])
    return separator.join([*top, *paragraphs]) + rng.choice(["\n", "\n\n(c) Reuters Limited 1996\n"])


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["tass", "reuters"]), st.integers(0, 2**32 - 1))
def test_corpus_stories_laid_out_as_other_pages_keep_headline_place_and_date(folder: str, seed: int) -> None:
    from conftest import corpus_folder, corpus_gold

    rng = random.Random(seed)
    name, gold = rng.choice(sorted(corpus_gold(folder).items()))
    text = (corpus_folder(folder) / name).read_text(encoding="utf-8")
    page = as_tass_page(text, gold, rng) if folder == "tass" else as_rcv1_page(text, gold, rng)
    article = parse_text(page, Path(name))
    assert article.headline_original.casefold() == gold["title"].casefold()
    assert article.dateline.place == gold["place"]
    date = dt.date(gold["year"], gold["month"], gold["day"])
    assert resolve_date(article, DateHints(modified=FILE_TIME.date()))[:2] in ((date, "dateline"), (date, "metadata"))
