"""Dateline recognition: one golden case per wire form, ordinary sentences refused, the corpus, any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import corpus_folder, corpus_gold
from generator.dateline import opening_place, parse_dateline, parse_dateline_line
from generator.decode import decode_seed

# text, raw, place, region, month, day, year, agency, remaining text
GOLDEN = [
    ("ATHENS, November 2. /TASS/. Moscow still expects",
     "ATHENS, November 2. /TASS/.", "Athens", None, 11, 2, None, "TASS", "Moscow still expects"),
    ("IGORA /Leningrad Region/, December 26. /TASS/. Russia could use",
     "IGORA /Leningrad Region/, December 26. /TASS/.", "Igora", "Leningrad Region", 12, 26, None, "TASS",
     "Russia could use"),
    ("MINSK, May 25 / TASS/. Belarus said", "MINSK, May 25 / TASS/.", "Minsk", None, 5, 25, None, "TASS",
     "Belarus said"),
    ("МОСКВА, 5 марта. /ТАСС/. Президент России", "МОСКВА, 5 марта. /ТАСС/.", "Москва", None, 3, 5, None, "TASS",
     "Президент России"),
    ("НОВОСИБИРСК, 28 декабря. /Интерфакс/ - Власти", "НОВОСИБИРСК, 28 декабря. /Интерфакс/ -", "Новосибирск", None,
     12, 28, None, "Interfax", "Власти"),
    ("TARTUS (Syria), March 3. /TASS/. The frigate", "TARTUS (Syria), March 3. /TASS/.", "Tartus", "Syria", 3, 3,
     None, "TASS", "The frigate"),  # a region in brackets before the comma, the place not in the gazetteer
    ("PARIS, Oct 22 (Reuters) - France said", "PARIS, Oct 22 (Reuters) -", "Paris", None, 10, 22, None,
     "Reuters", "France said"),
    ("PORTLAND, Ore., Feb 26 - Red Lion Inns", "PORTLAND, Ore., Feb 26 -", "Portland", "Oregon", 2, 26, None,
     None, "Red Lion Inns"),
    ("Caracas, feb 26 - venezuela is seeking", "Caracas, feb 26 -", "Caracas", None, 2, 26, None, None,
     "venezuela is seeking"),
    ("WEST HARTFORD, Conn., FEb 26 - Coleco said", "WEST HARTFORD, Conn., FEb 26 -", "West Hartford",
     "Connecticut", 2, 26, None, None, "Coleco said"),
    ("NEW YORK, FEB 26 - Diamond Shamrock", "NEW YORK, FEB 26 -", "New York", None, 2, 26, None, None,
     "Diamond Shamrock"),
    ("Oct 22 (Reuters) - Shares rose", "Oct 22 (Reuters) -", None, None, 10, 22, None, "Reuters", "Shares rose"),
    ("MEXICO CITY (AP) — Mexico's president", "MEXICO CITY (AP) —", "Mexico City", None, None, None, None, "AP",
     "Mexico's president"),
    ("JACKSON, Ga. (AP) — A man was", "JACKSON, Ga. (AP) —", "Jackson", "Georgia", None, None, None, "AP",
     "A man was"),
    ("ATLANTA (AP) _ The storm", "ATLANTA (AP) _", "Atlanta", None, None, None, None, "AP", "The storm"),
    ("PARIS, Jan 1 (AFP) - France rang", "PARIS, Jan 1 (AFP) -", "Paris", None, 1, 1, None, "AFP", "France rang"),
    ("GAZA, Dec. 1 (Xinhua) -- Israeli", "GAZA, Dec. 1 (Xinhua) --", "Gaza", None, 12, 1, None, "Xinhua",
     "Israeli"),
    ("BRISBANE, Australia, Jan. 1(Xinhua) -- The", "BRISBANE, Australia, Jan. 1(Xinhua) --", "Brisbane",
     "Australia", 1, 1, None, "Xinhua", "The"),
    ("MOSCOW. April 2 (Interfax) - Russia", "MOSCOW. April 2 (Interfax) -", "Moscow", None, 4, 2, None,
     "Interfax", "Russia"),
    ("BEIRUT, Lebanon, Sept. 20 (UPI) -- Gunmen", "BEIRUT, Lebanon, Sept. 20 (UPI) --", "Beirut", "Lebanon",
     9, 20, None, "UPI", "Gunmen"),
    ("Mumbai, Dec 9 (PTI) Kunal Kamra said", "Mumbai, Dec 9 (PTI)", "Mumbai", None, 12, 9, None, "PTI",
     "Kunal Kamra said"),
    ("New Delhi, Dec 9 (IANS) The Centre", "New Delhi, Dec 9 (IANS)", "New Delhi", None, 12, 9, None, "IANS",
     "The Centre"),
    ("TOKYO (Kyodo) -- Japan's", "TOKYO (Kyodo) --", "Tokyo", None, None, None, None, "Kyodo", "Japan's"),
    ("SEOUL, Jan. 27 (Yonhap) -- South Korea", "SEOUL, Jan. 27 (Yonhap) --", "Seoul", None, 1, 27, None,
     "Yonhap", "South Korea"),
    ("ANKARA (AA) – Turkey's", "ANKARA (AA) –", "Ankara", None, None, None, None, "Anadolu", "Turkey's"),
    ("MOSCOW, March 3 (RIA Novosti) - The", "MOSCOW, March 3 (RIA Novosti) -", "Moscow", None, 3, 3, None,
     "RIA Novosti", "The"),
    ("MOSCOW, (Sputnik) - Russia", "MOSCOW, (Sputnik) -", "Moscow", None, None, None, None, "Sputnik", "Russia"),
    ("Valletta (dpa) - Malta's", "Valletta (dpa) -", "Valletta", None, None, None, None, "DPA", "Malta's"),
    ("(Bloomberg) -- Stocks fell", "(Bloomberg) --", None, None, None, None, None, "Bloomberg", "Stocks fell"),
    ("LONDON, Dec 26, 2024 (Reuters) - Britain", "LONDON, Dec 26, 2024 (Reuters) -", "London", None, 12, 26,
     2024, "Reuters", "Britain"),
    ("WASHINGTON, Dec. 26, 2024 /PRNewswire/ -- Acme Corp", "WASHINGTON, Dec. 26, 2024 /PRNewswire/ --",
     "Washington", None, 12, 26, 2024, "PR Newswire", "Acme Corp"),
    ("DEARBORN, MICH., Feb 26 - Ford", "DEARBORN, MICH., Feb 26 -", "Dearborn", "Michigan", 2, 26, None, None,
     "Ford"),
    ("COMMACK, N.Y., Feb 26 - Computer", "COMMACK, N.Y., Feb 26 -", "Commack", "New York", 2, 26, None, None,
     "Computer"),
    ("CAPE CANAVERAL, Fla, Feb 26 - An", "CAPE CANAVERAL, Fla, Feb 26 -", "Cape Canaveral", "Florida", 2, 26,
     None, None, "An"),
    ("PALO ALTO, Calif., Feb 26 - Varian", "PALO ALTO, Calif., Feb 26 -", "Palo Alto", "California", 2, 26,
     None, None, "Varian"),
    ("BUENOS AIRES, Feb 26 - Argentina", "BUENOS AIRES, Feb 26 -", "Buenos Aires", None, 2, 26, None, None,
     "Argentina"),
    ("McALLEN, Texas (AP) — Border", "McALLEN, Texas (AP) —", "McAllen", "Texas", None, None, None, "AP",
     "Border"),
    ("RIO DE JANEIRO, Dec 26 (Reuters) - Brazil", "RIO DE JANEIRO, Dec 26 (Reuters) -", "Rio de Janeiro", None,
     12, 26, None, "Reuters", "Brazil"),
    ("RAS AL-KHAIMAH, Dec 26 (WAM) -- The", "RAS AL-KHAIMAH, Dec 26 (WAM) --", "Ras al-Khaimah", None, 12, 26,
     None, "WAM", "The"),
    ("ABU DHABI, 26th December, 2024 (WAM) -- The", "ABU DHABI, 26th December, 2024 (WAM) --", "Abu Dhabi",
     None, 12, 26, 2024, "WAM", "The"),
    ("New Delhi [India], December 26 (ANI): The", "New Delhi [India], December 26 (ANI):", "New Delhi",
     "India", 12, 26, None, "ANI", "The"),
    ("(ANSA) - ROME, DEC 26 - Italy", "(ANSA) - ROME, DEC 26 -", "Rome", None, 12, 26, None, "ANSA", "Italy"),
    ("Madrid, Dec 26 (EFE).- Spain", "Madrid, Dec 26 (EFE).-", "Madrid", None, 12, 26, None, "EFE", "Spain"),
    ("KUALA LUMPUR, Dec 26 (Bernama) -- The", "KUALA LUMPUR, Dec 26 (Bernama) --", "Kuala Lumpur", None, 12,
     26, None, "Bernama", "The"),
    ("WASHINGTON/NEW YORK, Oct 22 (Reuters) - The", "WASHINGTON/NEW YORK, Oct 22 (Reuters) -", "Washington",
     None, 10, 22, None, "Reuters", "The"),
    ("SÃO PAULO, Dec 26 (Reuters) - Brazil", "SÃO PAULO, Dec 26 (Reuters) -", "São Paulo", None, 12, 26, None,
     "Reuters", "Brazil"),
    ("PORT-AU-PRINCE, Haiti (AP) — Gangs", "PORT-AU-PRINCE, Haiti (AP) —", "Port-au-Prince", "Haiti", None,
     None, None, "AP", "Gangs"),
    ("ST. JOHN'S, Newfoundland (CP) - The", "ST. JOHN'S, Newfoundland (CP) -", "St. John's", "Newfoundland",
     None, None, None, "The Canadian Press", "The"),
    ("BEIRUT, LEBANON, Sept. 20 (UPI) -- Gunmen", "BEIRUT, LEBANON, Sept. 20 (UPI) --", "Beirut", "Lebanon",
     9, 20, None, "UPI", "Gunmen"),
    ("LONDON — The prime minister", "LONDON —", "London", None, None, None, None, None, "The prime minister"),
    ("TOKYO - Japan's economy", "TOKYO -", "Tokyo", None, None, None, None, None, "Japan's economy"),
    ("BUENOS AIRES _ Argentina", "BUENOS AIRES _", "Buenos Aires", None, None, None, None, None, "Argentina"),
    ("Kyiv, Dec 26 (Interfax-Ukraine) - The", "Kyiv, Dec 26 (Interfax-Ukraine) -", "Kyiv", None, 12, 26, None,
     "Interfax-Ukraine", "The"),
    ("LONDON, Dec 26 (Reuters Breakingviews) - The", "LONDON, Dec 26 (Reuters Breakingviews) -", "London",
     None, 12, 26, None, "Reuters", "The"),
]


@pytest.mark.parametrize(
    ("text", "raw", "place", "region", "month", "day", "year", "agency", "rest"), GOLDEN, ids=[g[1] for g in GOLDEN]
)
def test_golden_dateline(text, raw, place, region, month, day, year, agency, rest):
    dateline, remaining = parse_dateline(text)
    assert (dateline.raw, dateline.place, dateline.region) == (raw, place, region)
    assert (dateline.month, dateline.day, dateline.year, dateline.agency) == (month, day, year, agency)
    assert remaining == rest


@pytest.mark.parametrize(
    "text",
    [
        "PARIS , Oct 22 ( Reuters ) - France said",
        "PARIS,Oct 22(Reuters)-France said",
        "Paris, OCTOBER 22 (REUTERS) - France said",
        "Paris, oct 22 (reuters) - France said",
        "PARIS, Oct 22 (Reuters)  -  France said",
        "PARIS,\n    Oct 22 (Reuters) -\nFrance said",
        "  PARIS, October 22 (Reuters) — France said",
    ],
)
def test_case_and_spacing_variations(text):
    dateline, remaining = parse_dateline(text)
    assert (dateline.place, dateline.month, dateline.day, dateline.agency) == ("Paris", 10, 22, "Reuters")
    assert remaining == "France said"


@pytest.mark.parametrize(
    ("text", "month", "day"),
    [("ATHENS, November 2. /TASS/. x", 11, 2), ("Feb 29 (Reuters) - x", 2, 29), ("Dec 31 (AP) — x", 12, 31)],
)
def test_dates_that_exist_are_kept(text, month, day):
    dateline, _ = parse_dateline(text)
    assert (dateline.month, dateline.day) == (month, day)


def test_impossible_date_is_dropped_but_dateline_kept():
    dateline, remaining = parse_dateline("LONDON, Feb 30 (Reuters) - Shares")
    assert (dateline.place, dateline.month, dateline.day, dateline.agency) == ("London", None, None, "Reuters")
    assert remaining == "Shares"


@pytest.mark.parametrize(
    "text",
    [
        "Moscow still expects Washington to meet its commitments.",
        "The U.S., Japan and South Korea agreed on Monday.",
        "In Libya, unfortunately, the fighting goes on.",
        "Sens. Alan Cranston (D-Cal.) and Daniel Inouye said.",
        "BankAmerica Corp (BAC) said - it would not.",
        "Apple (AAPL) - shares fell.",
        "NATO - The alliance said it would respond.",
        "OPEC _ the cartel met.",
        "NASA — The agency said.",
        "BONUS WHEAT FLOUR FOR NORTH YEMEN -- USDA",
        "London - based firms",
        "BREAKING — Something happened.",
        "UPDATE 1-Oil rises on supply worries",
        "IN BRIEF: Putin talks to reporters",
        "He said, Dec 26 - the day after Christmas.",
        "March 3 was the day it began.",
        "Putin, December 26 says he will go.",
        "The company said (AP) — nothing.",
        "(Reuters) said nothing about it.",
        "All news",
        "",
        "   ",
    ],
)
def test_ordinary_sentences_have_no_dateline(text):
    assert parse_dateline(text) is None


def _first_body_paragraph(folder: str, text: str) -> str:
    """TASS: the 4th non-empty line; Reuters: the paragraph after the headline."""
    if folder == "tass":
        return [line for line in text.splitlines() if line.strip()][3]
    return [part for part in re.split(r"\n\s*\n", text) if part.strip()][1]


@pytest.mark.parametrize("folder", ["tass", "reuters"])
def test_corpus_datelines_match_gold(folder):
    gold = corpus_gold(folder)
    wrong = []
    for name, expected in gold.items():
        path = corpus_folder(folder) / name
        found = parse_dateline(_first_body_paragraph(folder, decode_seed(path.read_bytes(), path)))
        want = (expected["place"], expected["month"], expected["day"], "TASS" if folder == "tass" else None)
        got = found and (found[0].place, found[0].month, found[0].day, found[0].agency)
        if got != want:
            wrong.append(f"{name}: {got} != {want}")
    assert len(gold) >= 10
    assert not wrong, "\n".join(wrong)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text):
    result = parse_dateline(text)
    assert result is None or text.endswith(result[1])


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["PARIS", "NEW YORK", "Buenos Aires", "IGORA /Leningrad Region/"]),
    st.sampled_from(["Jan", "Feb.", "March", "Sept.", "December"]),
    st.integers(1, 28),
    st.sampled_from(["(Reuters) -", "(AFP) --", "/TASS/.", "(Xinhua) —", "(PTI)"]),
    st.text(alphabet="abcdefghij ", min_size=1).map(lambda s: "Word " + s.strip()),
)
def test_composed_datelines_round_trip(place, month, day, marker, rest):
    text = f"{place}, {month} {day} {marker} {rest}"
    dateline, remaining = parse_dateline(text)
    assert dateline.raw == f"{place}, {month} {day} {marker}"
    assert dateline.day == day
    assert remaining == rest


# --- a dateline on a line of its own, and a place opening the lead in no wire's form -----------------------------

@pytest.mark.parametrize(("text", "place", "region", "date"), [
    ("ROME 1996-12-06", "Rome", None, (1996, 12, 6)),
    ("AL-AIN, United Arab Emirates 1996-12-06", "Al-Ain", "United Arab Emirates", (1996, 12, 6)),
    ("RIO DE JANEIRO 1996-12-06", "Rio de Janeiro", None, (1996, 12, 6)),
    ("NEW YORK, Dec 6 -", "New York", None, (None, 12, 6)),
    ("Rome, 6 December 1996", "Rome", None, (1996, 12, 6)),
    ("LIRCAY 1989-11-14", "Lircay", None, (1989, 11, 14)),  # not in the gazetteer, but a full date follows
    ("ANKARA", "Ankara", None, (None, None, None)),  # a city alone on its line, above the lead
])
def test_a_dateline_line_of_its_own(text, place, region, date):
    dateline = parse_dateline_line(text)
    assert (dateline.place, dateline.region, (dateline.year, dateline.month, dateline.day)) == (place, region, date)


@pytest.mark.parametrize("text", ["Europe", "EUROPE", "World", "Government resigns", "Published April 2, 1996",
                                  "NATO 1996-12-06 statement", "ROME Italian police said on Friday"])
def test_other_lines_are_no_dateline_line(text):
    assert parse_dateline_line(text) is None


@pytest.mark.parametrize(("text", "place", "rest"), [
    ("ROME Italian police arrested 12 people on Friday.", "Rome", "Italian police arrested 12 people on Friday."),
    ("SINGAPORE Two oil tankers collided.", "Singapore", "Two oil tankers collided."),
    ("NEW YORK 1996-12-06 - Stocks rose.", "New York", "Stocks rose."),
    ("AL-AIN, United Arab Emirates 1996-12-06 - Camels raced.", "Al-Ain", "Camels raced."),
])
def test_an_upper_case_place_opens_a_lead_whatever_follows(text, place, rest):
    dateline, remaining = opening_place(text)
    assert (dateline.place, remaining) == (place, rest)


@pytest.mark.parametrize("text", ["NATO allies agreed on Friday.", "UN Security Council met.", "EU leaders met.",
                                  "CHINA'S exports rose.", "BREAKING — Something happened.", "IBM said it would."])
def test_acronyms_and_labels_opening_a_lead_are_no_place(text):
    assert opening_place(text) is None
