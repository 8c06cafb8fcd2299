"""The parser on wire layouts beyond the corpus: agencies, bylines, sign-offs, credits, debris, lists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, corpus_folder
from generator.errors import SeedError
from generator.parse import parse_seed, parse_text

WIRE = FIXTURES / "wire"
# file: (headline, lede, place, month/day, agency, paragraphs, byline, signoff, credits)
EXPECTED = {
    "ap-mexico.txt": ("Mexico's president proposes judicial overhaul after court setback", None, "Mexico City", None, "AP", 4,
                      "María Verza and Mark Stevenson", None, "Associated Press writer Fabiola Sánchez contributed to this report."),
    "reuters-modern.txt": ("Oil prices rise as OPEC+ signals deeper output cuts", None, "Paris", (10, 22), "Reuters", 4,
                           "Florence Tan", "(Reporting by Florence Tan in Singapore; Additional reporting by Natalie Grover in London; Editing by Jason Neely)", None),
    "xinhua-gaza.txt": ("Gaza health authorities say death toll rises", None, "Gaza", (12, 1), "Xinhua", 3, None, None, None),
    "kyodo-tokyo.txt": ("Japan, U.S. agree to boost defense industry cooperation", None, "Tokyo", None, "Kyodo", 3, None, "==Kyodo", None),
    "pti-mumbai.txt": ("Sensex climbs 600 points on foreign fund inflows", None, "Mumbai", (12, 9), "PTI", 3, None, None, None),
    "bbc-style.txt": ("Storm Darragh: Thousands without power as winds hit UK", None, None, None, None, 4, None, None, None),
    "interfax-moscow.txt": ("Russian central bank keeps key rate at 21%", None, "Moscow", (4, 2), "Interfax", 3, None, None, None),
    "ap-jackson-ga.txt": ("Georgia man set to be executed for 1998 killing of convenience store clerk", None, "Jackson", None,
                          "AP", 7, None, None, None),
    # Summary bullets and a desk note before the dateline; the bullets open the body.
    "reuters-bullets.txt": ("UK retailer Marlowe & Finch cuts profit outlook as shoppers rein in spending", None, "London",
                            (3, 3), "Reuters", 7, None,
                            "(Reporting by James Davey and Sarah Young; Editing by Kirsten Donovan and Jason Neely)", None),
    "xinhua-enditem.txt": ("China's manufacturing activity expands for second straight month", None, "Beijing", (12, 1),
                           "Xinhua", 7, None, "Enditem", None),
    "pti-initials.txt": ("Mumbai civic body to install 500 air purifiers at traffic junctions", None, "Mumbai", (12, 9), "PTI",
                         7, None, "PTI KK NP", None),
    "yonhap-lead.txt": ("S. Korea's exports rise 10 pct in January on strong chip sales", None, "Seoul", (1, 27), "Yonhap", 7,
                        None, "(END)", None),
    "dpa-valletta.txt": ("Malta rescues 87 migrants from overcrowded boat south of Lampedusa", None, "Valletta", None, "DPA", 6,
                         None, "dpa ka xx n1 jdm", None),
    # A section name after the breadcrumb, a related story after "Read also", a photo credit, CRLF, NBSP.
    "tass-messy.txt": ("Hermitage opens restoration workshop to visitors for first time",
                       "The museum says the open studio will run until the end of the year", "St. Petersburg", (10, 12),
                       "TASS", 5, None, None, None),
    # An editor's note opens the body; the byline loses its agency; `___` lines go; "X reported from Y." is a credit.
    "ap-editors-note.txt": ("Flood-ravaged town weighs whether to rebuild on the river", None, "Marshall Creek", None, "AP",
                            5, "Margaret Hollis and Daniel Ortega", None,
                            "Ortega reported from Montpelier, Vermont. Associated Press writer Lisa Rathke in Burlington, "
                            "Vermont, contributed to this report."),
    # A list under "Key points:"; the sign-off above Reuters' "Our Standards" line.
    "reuters-key-points.txt": ("U.S. lawmakers unveil bipartisan bill to curb drug prices", None, "Washington", (2, 5),
                               "Reuters", 5, "Jane Doe",
                               "(Reporting by Jane Doe; Additional reporting by Ahmed Aboulenein; Editing by Leslie Adler)",
                               None),
    "kyodo-jr.txt": ("Japan, Philippines agree to boost maritime security cooperation", None, "Tokyo", None, "Kyodo", 3,
                     None, "==Kyodo", None),
    "anadolu-diacritics.txt": ("Türkiye ready to host Russia-Ukraine talks, says Erdoğan", None, "Ankara", None, "Anadolu",
                               4, None, None, None),
    # A saved web page: navigation, share bar, relative time, newsletter, related topics, a "Most read" list.
    "web-debris.txt": ("Dutch farmers block motorways in protest over nitrogen rules", None, None, None, None, 3, None, None,
                       None),
    "interfax-list.txt": ("Russian inflation slows to 7.7% in March - Rosstat", None, "Moscow", (4, 2), "Interfax", 3, None,
                          None, None),
    # `(LEAD)` before and `(ATTN: ...)` after the headline are desk notes.
    "yonhap-attn.txt": ("N. Korea fires cruise missiles off west coast: JCS", None, "Seoul", (1, 27), "Yonhap", 5, None,
                        "(END)", None),
    "aap-sydney.txt": ("Albanese defends Pacific security pact after Solomon Islands criticism", None, "Sydney", (3, 3),
                       "AAP", 6, None, None, None),
    "cp-ottawa.txt": ("Freeland says federal budget will target housing, youth affordability", None, "Ottawa", None,
                      "The Canadian Press", 6, None,
                      "This report by The Canadian Press was first published March 3, 2024. The Canadian Press", None),
    "ansa-rome.txt": ("Meloni, D'Alema clash over Italy's stance on Ukraine aid", None, "Rome", (3, 3), "ANSA", 6, None,
                      "(ANSA).", None),
    # Bloomberg's contact block at the end is kept with the sign-off, out of the story.
    "bloomberg-contacts.txt": ("Nvidia Supplier TSMC Boosts Capex as AI Chip Demand Surges", None, None, None, "Bloomberg",
                               5, None, "To contact the reporter on this story: Debby Wu in Taipei at dwu123@bloomberg.net "
                               "To contact the editors responsible for this story: Edwin Chan at echan273@bloomberg.net "
                               "Sam Nagarajan", None),
    # No dateline; the agency comes from the byline ("By Jane Smith, PA").
    "pa-byline.txt": ("Junior doctors in England announce fresh five-day strike over pay", None, None, None, "PA Media", 6,
                      "Jane Smith", None, None),
    "tass-lists.txt": ("Putin lists priorities for 2025", "The Russian leader named the economy and security as key goals",
                       "Minsk", (5, 25), "TASS", 3, None, None, None),
}
DEBRIS = re.compile(r"^(?:(?:Share|Read more|Read also|Follow TASS|Copyright|We use cookies|Advertisement|Published|"
                    r"Sign up|Related Topics|Our Standards)\b|Home >|Photo:|©|\(Adds\b|___"
                    r"|\d{1,2} [A-Z]{3}, \d{1,2}:\d{2}$)", re.IGNORECASE)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_wire_layout(name: str) -> None:
    article = parse_seed(WIRE / name)
    headline, lede, place, month_day, agency, paragraphs, byline, signoff, credits = EXPECTED[name]
    assert article.headline == headline
    assert article.lede == lede
    assert article.dateline.place == place
    assert ((article.dateline.month, article.dateline.day) if article.dateline.month else None) == month_day
    assert article.agency == agency
    assert len(article.paragraphs) == paragraphs
    assert (article.byline, article.signoff, article.credits) == (byline, signoff, credits)
    assert not [text for text in article.paragraphs if DEBRIS.match(text)]


def test_list_lines_stay_a_list_and_subheads_are_found() -> None:
    article = parse_seed(WIRE / "tass-lists.txt")
    assert [block.kind for block in article.body] == ["paragraph", "paragraph", "list", "subhead", "paragraph"]
    assert article.body[2].items == ["taming inflation;", "continued economic growth;", "support for families."]


def article_words(path: Path) -> list[str]:
    article = parse_seed(path)
    byline = f"By {article.byline}" if article.byline else None
    parts = [article.headline_original, article.lede, byline, article.agency, article.dateline.raw, article.signoff,
             article.credits]
    for block in article.body:
        parts.extend(block.items or [block.text])
    return " ".join(part for part in parts if part).split()


@pytest.mark.parametrize("path", sorted([*corpus_folder("tass").glob("*.txt"), *corpus_folder("reuters").glob("*.txt"),
                                         *WIRE.glob("*.txt")]), ids=lambda path: path.name)
def test_no_word_of_the_article_is_lost(path: Path) -> None:
    # A hyphen ending a hard-wrapped line joins its word to the next line's: "American-\nmade".
    text = re.sub(r"(?<=[A-Za-z])-\n\s*(?=[a-z])", "-", path.read_text(encoding="utf-8"))
    source = [line.strip() for line in text.split("\n") if line.strip()]
    # Not the article's words: debris, the section name before the headline, the story linked after "Read also".
    linked = {line for before, line in zip(source, source[1:]) if before in ("Read also", "Read more")}
    if "Most read" in source:  # the headlines listed under it, to the end of the list
        listed = source[source.index("Most read") + 1:]
        linked |= set(listed[:next((i for i, line in enumerate(listed) if line.endswith(".")), len(listed))])
    kept = [line for line in source if not DEBRIS.match(line) and line not in linked
            and line not in ("All news", "Read also", "Most read", "Follow TASS on Telegram", "Society & Culture")]
    source_words = " ".join(kept).split()
    got = article_words(path)
    got_folded = {word.casefold().rstrip(",;") for word in got}
    markers = re.compile(r"[-•*].*|\d{1,2}[.)]")  # list markers: the list keeps them as structure
    missing = [word for word in set(source_words)
               if word.casefold().rstrip(",;") not in got_folded and not markers.fullmatch(word)]
    assert missing == []


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_any_text_gives_an_article_or_a_seed_error(text: str) -> None:
    try:
        article = parse_text(text, Path("any.txt"))
    except SeedError as error:
        assert str(error).startswith("any.txt")
        return
    assert article.headline.strip()
    assert article.body


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=120), min_size=1, max_size=12))
def test_any_lines_give_an_article_or_a_seed_error(lines: list[str]) -> None:
    try:
        parse_text("\n\n".join(lines), Path("lines.txt"))
    except SeedError:
        pass


def test_a_numbered_list_keeps_its_numbers_to_the_page() -> None:
    from generator.site.markup import story_html
    from generator.write import render_body

    article = parse_seed(WIRE / "ap-numbered.txt")
    numbered = [block for block in article.body if block.kind == "numbered"]
    assert len(numbered) == 1 and numbered[0].items[0].startswith("It extends funding")
    html = story_html(render_body(article))
    assert html.count("<ol>") == 1 and html.count("<li>") == len(numbered[0].items)


def test_the_dateline_paragraph_opens_the_body_before_bullets_and_notes() -> None:
    from generator.site.markup import teaser_of
    from generator.write import render_body

    for name, first in (("reuters-bullets.txt", "British department store group"), ("ap-editors-note.txt", "For the third")):
        article = parse_seed(WIRE / name)
        assert article.body[0].kind == "paragraph" and article.body[0].text.startswith(first)
        assert teaser_of(None, render_body(article)).startswith(first)
    assert parse_seed(WIRE / "reuters-bullets.txt").body[1].kind == "list"


@pytest.mark.parametrize(("written", "shown"), [
    ("UPDATE 2-Oil rises as OPEC+ signals cuts", "Oil rises as OPEC+ signals cuts"),
    ("REFILE-Oil rises as OPEC+ signals cuts", "Oil rises as OPEC+ signals cuts"),
    ("EXCLUSIVE-US weighs new curbs on chip exports", "US weighs new curbs on chip exports"),
    ("ANALYSIS-Why oil is falling", "Why oil is falling"),
    ("(LEAD) N. Korea fires missiles", "N. Korea fires missiles"),
    ("(2nd LD) N. Korea fires missiles", "N. Korea fires missiles"),
    ("N. Korea fires missiles (ATTN: UPDATES with details)", "N. Korea fires missiles"),
    ("URGENT: Quake hits Japan", "Quake hits Japan"),
    ("Analysis of the vote shows gains", "Analysis of the vote shows gains"),
])
def test_desk_labels_leave_the_headline(written: str, shown: str) -> None:
    article = parse_text(f"{written}\n\nLONDON, March 3 (Reuters) - The story begins here and goes on.\n", Path("s.txt"))
    assert article.headline == shown and article.headline_original == written


@pytest.mark.parametrize("label", ["(LEAD)", "(2nd LD)", "(URGENT)"])
def test_a_byline_under_a_desk_label_is_the_byline_not_the_lede(label: str) -> None:
    article = parse_text(f"Court jails chairman in bribery retrial\n\n{label} By Kim Min-ji\n\nSEOUL, Jan. 18 (Yonhap) "
                         "-- An appellate court on Monday jailed the chairman for two years.\n\nHe will appeal.\n",
                         Path("s.txt"))
    assert article.byline == "Kim Min-ji" and article.lede is None, (article.byline, article.lede)


@pytest.mark.parametrize("role", ["AP Golf Writer", "UPI Sports Writer", "AP Tennis Writer", "Associated Press Writer"])
def test_a_byline_s_role_line_is_no_lede(role: str) -> None:
    article = parse_text(f"Nicklaus charges to sixth Masters title\n\nBy BOB GREEN\n{role}\n\nAUGUSTA, Ga. (AP) - "
                         "Jack Nicklaus shot a 65 on Sunday to win his sixth Masters.\n\nHe was 46.\n", Path("s.txt"))
    assert article.lede is None and article.byline == "Bob Green", (article.lede, article.byline)


@pytest.mark.parametrize(("line", "names"), [
    ("By Fran Blandy with Robbie Corey-Boulet in Nairobi", "Fran Blandy, Robbie Corey-Boulet"),
    ("by Karam al-Masri with Rana Moussaoui in Beirut", "Karam al-Masri, Rana Moussaoui"),
])
def test_a_byline_with_a_second_reporter_and_a_filing_place_is_the_byline(line: str, names: str) -> None:
    article = parse_text(f"Kenya holds disputed vote\n\n{line}\n\nNAIROBI, Aug 8 (AFP) - Kenyans voted on Tuesday "
                         "in a tight race.\n\nLong queues formed before dawn.\n", Path("s.txt"))
    assert article.byline == names and article.lede is None, (article.byline, article.lede)


def test_a_wire_s_contact_lines_are_furniture() -> None:
    article = parse_text("Apple wins verdict\n\nSAN JOSE, Calif. (Bloomberg) -- Apple won a $1.05 billion verdict.\n\n"
                         "Samsung will appeal, a lawyer said.\n\nTo contact the reporters on this story: Joel Rosenblatt "
                         "in San\nFrancisco at jrosenblatt@bloomberg.net\n\nTo contact the editor responsible for this "
                         "story: Michael Hytha at\nmhytha@bloomberg.net\n", Path("s.txt"))
    assert not [text for text in article.paragraphs if "bloomberg.net" in text or "contact" in text], article.paragraphs


@pytest.mark.parametrize(("written", "shown"), [
    ("🚇❗️ Novosibirsk metro closes two stations", "Novosibirsk metro closes two stations"),
    ("Novosibirsk metro closes two stations 🔴", "Novosibirsk metro closes two stations"),
    ("Metro closes 2 stations: 'We had no choice'", "Metro closes 2 stations: 'We had no choice'"),
])
def test_emoji_around_a_headline_leave_it(written: str, shown: str) -> None:
    article = parse_text(f"{written}\n\nNOVOSIBIRSK, Feb 3 (Interfax) - Two metro stations closed on Monday.\n",
                         Path("s.txt"))
    assert article.headline == shown, article.headline


@pytest.mark.parametrize("signoff", ["Reuter", "==Kyodo", "Enditem", "PTI KK NP", "IANS", "dpa ka xx n1",
                                     "The Canadian Press"])
def test_an_agency_known_from_its_signoff_has_its_one_canonical_name(signoff: str) -> None:
    from generator.agencies import AGENCIES, agency_from_signoff

    assert agency_from_signoff(signoff) in set(AGENCIES.values())  # one source page, whatever named the agency


LEAD = ("MADRID, June 4. /TASS/. Spain's parliament on Tuesday approved the budget for next year after a debate that "
        "lasted two days, the parliament's press service said.")


@pytest.mark.parametrize(("top", "headline"), [
    # a headline and a dek of the same length over the date line: the first is the headline
    (["Spanish parliament approves next year's budget", "Budget passes after two-day debate",
      "4 JUN, 16:44"], "Spanish parliament approves next year's budget"),
    # a photo caption above the headline, a byline under it: the line that tells the lead's story
    (["Deputies sit in the chamber in Madrid, central Spain", "Spain's parliament approves budget after two-day debate",
      "By Ana Lopez with agencies"], "Spain's parliament approves budget after two-day debate"),
])
def test_of_two_stacked_headline_lines_the_one_telling_the_story_leads(top: list[str], headline: str) -> None:
    article = parse_text("\n\n".join(["Share", "Read more", *top, LEAD, "The vote was 180 to 170."]), Path("x.txt"))
    assert article.headline == headline
