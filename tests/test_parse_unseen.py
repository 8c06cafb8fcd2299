"""The parser on layouts of agencies' sites, archives and terminals that no other fixture has: mastheads and publisher
lines, menus, archive records, ID and byline lines, dates in other forms and languages, datelines in other forms,
press releases and wire slugs. Each class has stories written for these tests in the style of several agencies; each
story must give the headline, place and date a reader sees, never the file's time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.dateline import opening_place, parse_dateline
from generator.dates import DateHints, find_dates, resolve_date
from generator.furniture import is_furniture, names_publisher
from generator.head import metadata_rest, places_in_stamp
from generator.headline import strip_desk_labels
from generator.parse import parse_text

# The file's time in these tests: a story dated by it would be dated this day, which no story here is.
FILE_DAY = dt.date(2026, 12, 1)


def read(text: str) -> tuple[str, str | None, str, str]:
    """Headline, place, date (ISO) and where the date came from, as the parser and the date resolution give them."""
    article = parse_text(text, Path("story.txt"))
    date, source, _ = resolve_date(article, DateHints(FILE_DAY))
    return article.headline, article.dateline.place, date.isoformat(), source


LEAD_WORDS = "the ministry said in a statement, adding that talks would continue next month in the capital."

MASTHEADS = {
    "trend": (f"""Trend News Agency - Azerbaijan's Leading Information Source
Politics | Economy | Business | Society | Region

Azerbaijan, Georgia agree to expand rail freight corridor

BAKU, Azerbaijan, March 3, 2020 (Trend) - Azerbaijan and Georgia agreed on Tuesday to expand the rail freight
corridor between the Caspian and Black Sea ports, {LEAD_WORDS}

Freight volumes on the route rose by a fifth last year.
""", ("Azerbaijan, Georgia agree to expand rail freight corridor", "Baku", "2020-03-03")),
    "wam": (f"""Emirates News Agency (WAM)
Home | UAE | World | Business | Sports
Wed 14-06-2023 16:40

UAE, France sign agreement on clean energy research

ABU DHABI, 14th June, 2023 (WAM) -- The UAE and France signed an agreement on Wednesday on joint research into clean
energy and hydrogen, {LEAD_WORDS}

The agreement runs for five years.
""", ("UAE, France sign agreement on clean energy research", "Abu Dhabi", "2023-06-14")),
    "bta": (f"""BTA. Bulgarian News Agency
News | Bulgaria | World | Economy | Culture

Bulgaria to cut fuel excise duties from July

Sofia, May 11, 2022 (BTA) - Bulgaria will cut excise duties on diesel and petrol from July 1, the finance minister
said on Wednesday, {LEAD_WORDS}

The cut is expected to cost the budget 800 million leva.
""", ("Bulgaria to cut fuel excise duties from July", "Sofia", "2022-05-11")),
    "one-word brand": (f"""GulfToday
Business | World | Opinion | Sports
Thursday, 02/09/2021 - 10:15

Dubai port traffic recovers to pre-pandemic levels

DUBAI - Container traffic at Dubai's ports has recovered to the levels seen before the pandemic, {LEAD_WORDS}

Jebel Ali handled 6.9 million containers in the first half.
""", ("Dubai port traffic recovers to pre-pandemic levels", "Dubai", "2021-09-02")),
    "agency in cyrillic": ("""БЕЛТА - Новости Беларуси
Политика | Экономика | Общество | Регионы
05.07.2022 09:40

Беларусь и Китай подписали соглашение о поставках молочной продукции

МИНСК, 5 июля /БЕЛТА/ - Беларусь и Китай подписали соглашение о поставках молочной продукции, сообщили в
министерстве сельского хозяйства и продовольствия страны во вторник утром.

Соглашение рассчитано на пять лет.
""", ("Беларусь и Китай подписали соглашение о поставках молочной продукции", "Минск", "2022-07-05")),
}


@pytest.mark.parametrize("name", sorted(MASTHEADS))
def test_a_masthead_or_publisher_line_is_never_the_headline(name: str) -> None:
    text, (headline, place, date) = MASTHEADS[name]
    assert read(text)[:3] == (headline, place, date)


@pytest.mark.parametrize("line", ["Kuwait News Agency (KUNA)", "VietnamPlus", "MercoPress. South Atlantic News Agency",
                                  "Islamic Republic News Agency - Multimedia Platform for News and Broadcasting",
                                  "Saudi Press Agency", "Ahram Online", "Japan Economic Newswire", "Acme Robotics Inc.",
                                  "Press Trust of India", "APA - Austria Presse Agentur",
                                  "Anadolu Agency - Türkiye's leading news agency",
                                  "Kyodo News | Japan's leading news source", "Harbour Energy plc", "Siemens AG",
                                  "PAP - Polish Press Agency", "XYZ International News Agency"])
def test_publisher_lines(line: str) -> None:
    assert names_publisher(line)


def test_a_slogan_under_the_agency_s_name_is_not_the_headline() -> None:
    text = f"""Ukrinform
Multimedia platform for broadcasting in Ukraine and the world
War | Politics | Economy | Society
05.04.2024 09:30

Ukraine and Poland agree on border checkpoint for empty trucks

KYIV, April 5 (Ukrinform) - Ukraine and Poland agreed to open a checkpoint for empty trucks on Friday, {LEAD_WORDS}
"""
    assert read(text)[:3] == ("Ukraine and Poland agree on border checkpoint for empty trucks", "Kyiv", "2024-04-05")


def test_a_line_spelling_out_the_story_s_marker_is_its_publisher() -> None:
    assert names_publisher("Associated Press Of Pakistan", frozenset({"app"}))
    assert names_publisher("Mehr News Agency | The Voice of Iran", frozenset({"mna"}))
    assert not names_publisher("Afghan Peace Process Stalls", frozenset({"app"}))


@pytest.mark.parametrize("line", ["Police raid offices of independent news agency",
                                  "Strong Quake Jolts Western Japan, Hundreds Feared Dead",
                                  "Fed's Powell says rates to stay higher for longer", "Putin meets Xi in Beijing",
                                  "Turkey Detains Journalists", "INDEX", "BREXIT"])
def test_headlines_are_no_publisher_lines(line: str) -> None:
    assert not names_publisher(line)


@pytest.mark.parametrize("line", ["Politics | Business | World | Sports", "Local News | Arab News | World News",
                                  "General news | Economic news | Press releases | Interviews",
                                  "Home » Regional » Asia", "News / World / Europe", "News ID: 85712344",
                                  "Article ID: 20231104-0012", "News provided by", "3 hours ago",
                                  "Listen to this article", "Eds: UPDATES with death toll, ADDS quotes", "Foto: APA/HELMUT FOHRINGER",
                                  "2 days ago", "Yesterday",
                                  "BC-Japan-Quake, 1st Ld-Writethru,0512", "AM-Budget-Vote,0430",
                                  "President Biden speaks in Washington. AP Photo/Evan Vucci"])
def test_menus_ids_and_slugs_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", ["Ukraine war | Russia strikes Kyiv power plants overnight", "No 10 says PM will stay",
                                  "Search resumes for flight number MH370", "US-China talks, 2019",
                                  "ID cards to be scrapped", "Traders said gains and/or losses were small.",
                                  "• Rates held • Inflation at 3% • Jobs up",
                                  "RELIEF TO U.S. CORN/OATS GROWERS SAID LIKELY"])
def test_headlines_are_not_menus_ids_or_slugs(line: str) -> None:
    assert not is_furniture(line)


def test_a_lone_section_label_and_a_breadcrumb_are_not_the_headline() -> None:
    text = f"""Home > News > World
Economy

Chile's copper output falls for fourth month

SANTIAGO, Feb 28 2023 (EFE) - Chile's copper output fell for a fourth month in January as ore grades declined at
the largest mines, {LEAD_WORDS}
"""
    assert read(text)[:3] == ("Chile's copper output falls for fourth month", "Santiago", "2023-02-28")


RECORDS = {
    "lexis ap": ("""                              3 of 41 DOCUMENTS

              Copyright 1994 Associated Press  All Rights Reserved
                               Associated Press

                  December 8, 1994, Thursday, AM cycle

SECTION: International News

LENGTH: 412 words

HEADLINE: Russian troops mass on Chechen border

BYLINE: By ANNA KERR, Associated Press Writer

DATELINE: MOSCOW

BODY:
   Russian troops and armor massed on the border of the breakaway region of Chechnya on Thursday, and officials
said talks with the separatist leadership had failed.

   The Defense Ministry said more units would be moved to the region.

LOAD-DATE: December 9, 1994

LANGUAGE: ENGLISH
""", ("Russian troops mass on Chechen border", "Moscow", "1994-12-08", "Anna Kerr")),
    "factiva reuters": ("""Reuters News
January 5, 2001; Friday 10:42 Eastern Time

SECTION: Financial

LENGTH: 220 words

HEADLINE: Sterling firms as factory data beat forecasts

DATELINE: london, jan 5

BODY:
Sterling firmed against the dollar and the euro on Friday after data showed British factory output rose more
than forecast in November.

Dealers said the gains could be short-lived.

LOAD-DATE: January 7, 2001

PUBLICATION-TYPE: Newswire
""", ("Sterling firms as factory data beat forecasts", "London", "2001-01-05", None)),
    "aap weekday dateline": ("""Copyright 2004 AAP Information Services Pty. Ltd.
AAP General News Wire

March 18, 2004 Thursday

LENGTH: 210 words

HEADLINE: Drought aid extended for NSW farmers

BODY:
MELBOURNE, Thursday (AAP) - The federal government today extended drought aid for farmers in New South Wales by
another six months.

Farm groups welcomed the decision.

AAP mj/tw

LOAD-DATE: March 19, 2004
""", ("Drought aid extended for NSW farmers", "Melbourne", "2004-03-18", None)),
    "factiva codes": ("""HD
Japan's current account surplus widens in May
BY
Yuki Tanaka
WC
180 words
PD
10 July 2023
SN
Kyodo News
LA
English
LP
TOKYO, July 10 Kyodo - Japan's current account surplus widened in May from a year earlier as the deficit in
goods trade narrowed, the Finance Ministry said Monday.

TD
The surplus stood at 1.86 trillion yen.

AN
Document KYODO00020230710ej7a000zz
""", ("Japan's current account surplus widens in May", "Tokyo", "2023-07-10", "Yuki Tanaka")),
}


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_archive_records_are_read_as_fields(name: str) -> None:
    text, (headline, place, date, byline) = RECORDS[name]
    article = parse_text(text, Path("record.txt"))
    assert read(text)[:3] == (headline, place, date)
    assert article.byline == byline
    paragraphs = " ".join(article.paragraphs)
    assert not any(label in paragraphs for label in ("LOAD-DATE", "LENGTH:", "HEADLINE:", "Copyright", "DOCUMENTS"))


BYLINES = {
    "byline with a date": (f"""Ahram Online
Home > Business
Egypt's tourism revenue hits record high
Nour Hassan , Monday 4 Sep 2023
Listen to this article

Egypt's tourism revenue rose to a record 13.6 billion dollars in the fiscal year that ended in June, {LEAD_WORDS}
""", ("Egypt's tourism revenue hits record high", None, "2023-09-04")),
    "updated with a place": (f"""Home / Business
Tata Steel to shut two blast furnaces at Port Talbot
By Priya Sharma | Updated: Sep 15 2023 08:40 IST - MUMBAI
2 min read

Tata Steel will close the two blast furnaces at its Port Talbot plant in Wales by the end of next year, {LEAD_WORDS}
""", ("Tata Steel to shut two blast furnaces at Port Talbot", "Mumbai", "2023-09-15")),
    "published with an offset, caption above": (f"""Photo: AA
A view of the Bosphorus Bridge in Istanbul. (AA Photo)

Türkiye's exports climb to monthly record in May
News ID: 4412087
Published: 02/06/2024 11:20 GMT+3

Türkiye's exports rose 8.3% in May to a record for the month, {LEAD_WORDS}
""", ("Türkiye's exports climb to monthly record in May", None, "2024-06-02")),
    "caption with an agency's credit above": (f"""Firefighters work at the site of a missile strike in Kharkiv, Ukraine, on Monday. REUTERS/Vyacheslav Madiyevskyy

Russian missiles hit Kharkiv power plant, cutting heat to thousands

KHARKIV, Ukraine, Feb 12, 2024 (Reuters) - Russian missiles struck a power plant in Kharkiv on Monday, {LEAD_WORDS}
""", ("Russian missiles hit Kharkiv power plant, cutting heat to thousands", "Kharkiv", "2024-02-12")),
}


@pytest.mark.parametrize("name", sorted(BYLINES))
def test_ids_bylines_and_captions_above_the_story(name: str) -> None:
    text, expected = BYLINES[name]
    assert read(text)[:3] == expected


@pytest.mark.parametrize(("line", "date"), [
    ("Donnerstag, 3. Februar 2022, 14:22 Uhr", "2022-02-03"), ("Mittwoch, 9. März 2022", "2022-03-09"),
    ("jeudi 3 février 2022 à 10h15", "2022-02-03"), ("3 de febrero de 2022", "2022-02-03"),
    ("Thursday, 02/09/2021 - 10:15", "2021-09-02"), ("Tuesday, 09/02/2021 - 10:15", "2021-02-09"),
    ("1 December 2026", "2026-12-01"), ("2021-11-25T14:32:00+01:00", "2021-11-25"),
    ("Jumada Al-Awwal 12, 1445 | November 26, 2023", "2023-11-26"), ("12 Dey 1402 - 13:05 | 2024-01-02", "2024-01-02"),
    ("Stand: 03.02.2022 14:22 Uhr", "2022-02-03"), ("Do., 3. Feb. 2022, 14:22 Uhr", "2022-02-03"),
    ("Publié le 3 février 2022 à 10h15, mis à jour le 3 février 2022 à 12h00", "2022-02-03"),
    ("Actualizado: 3 de febrero de 2022 - 10:15", "2022-02-03"), ("Aggiornato il 3 febbraio 2022 alle 10:15", "2022-02-03"),
    ("AP-NY-01-17-95 0342EST", "1995-01-17"), ("February 20, 2024 08:00 AM Eastern Standard Time", "2024-02-20"),
])
def test_date_lines_in_other_forms_and_languages(line: str, date: str) -> None:
    assert metadata_rest(line, month_first="AP-" in line) == ""
    written = next(find_dates(metadata_rest.__globals__["without_other_calendars"](line), "AP-" in line))
    assert dt.date(written.year, written.month, written.day).isoformat() == date


def test_a_german_wire_header_dates_the_story() -> None:
    text = """APA - Austria Presse Agentur
Mittwoch, 9. März 2022, 11:05 Uhr

Inflation in Österreich steigt auf 5,8 Prozent

Wien (APA) - Die Inflation in Österreich ist im Februar auf 5,8 Prozent gestiegen. Das teilte die Statistik
Austria am Mittwoch mit, nach einer Schnellschätzung vom Monatsanfang.
"""
    assert read(text)[:3] == ("Inflation in Österreich steigt auf 5,8 Prozent", "Wien", "2022-03-09")


def test_a_gregorian_date_beside_an_islamic_one_in_the_dateline() -> None:
    text = f"""Qatar signs gas supply deal with Germany

Doha, Rabi Al-Awwal 4, 1444, September 30, 2022, QNA -- Qatar signed a long-term gas supply agreement with Germany
on Friday, {LEAD_WORDS}
"""
    assert read(text)[:3] == ("Qatar signs gas supply deal with Germany", "Doha", "2022-09-30")


@pytest.mark.parametrize(("text", "place", "month_day", "agency"), [
    ("Hanoi (VNA) – Vietnam's exports rose", "Hanoi", None, "VNA"),
    ("KUWAIT, Feb 25 (KUNA) -- The Amir received", "Kuwait", (2, 25), "KUNA"),
    ("Kobe, Japan (AP) _ A powerful earthquake", "Kobe", None, "AP"),
    ("МИНСК, 16 июня /БЕЛТА/ - Президент Беларуси", "Минск", (6, 16), "BelTA"),
    ("МОСКВА, 12 апреля. /ТАСС/. Президент России", "Москва", (4, 12), "TASS"),
    ("WARSAW (PAP), Jan. 19 - Poland will build", "Warsaw", (1, 19), "PAP"),
    ("Tehran, IRNA -- Iran's oil exports", "Tehran", None, "IRNA"),
    ("SYDNEY, Thursday (AAP) - The treasurer said", "Sydney", None, "AAP"),
    ("ASTANA. KAZINFORM – Kazakhstan and Uzbekistan", "Astana", None, "Kazinform"),
])
def test_datelines_in_other_forms(text: str, place: str, month_day, agency: str) -> None:
    dateline, rest = parse_dateline(text)
    assert (dateline.place, dateline.agency, dateline.region) == (place, agency, "Japan" if place == "Kobe" else None)
    assert ((dateline.month, dateline.day) if dateline.month else None) == month_day
    assert rest[:1].isupper()


@pytest.mark.parametrize("text", ["Tuesday, March 5 - The vote", "Monday, March 4th 2024 - 09:12 UTC"])
def test_a_weekday_is_never_the_place(text: str) -> None:
    found = parse_dateline(text)
    assert found is None or found[0].place is None


@pytest.mark.parametrize(("text", "place"), [("New Delhi: The Union Cabinet on Wednesday approved", "New Delhi"),
                                            ('Kolkata: "We will not allow it," the chief minister said', "Kolkata"),
                                            ("Note: The figures are provisional", None),
                                            ("Putin: Russia will respond", None)])
def test_a_city_and_a_colon_open_a_lead(text: str, place: str | None) -> None:
    found = opening_place(text)
    assert (found[0].place if found else None) == place


def test_a_persian_date_beside_a_gregorian_one_on_a_site() -> None:
    text = f"""Tehran Times
Politics | Economy | Culture | Sports | Tourism
Sunday, 5 March 2023 | 14 Esfand 1401

Iran and Saudi Arabia hold talks in Baghdad

TEHRAN – Iranian and Saudi officials held a new round of talks in Baghdad on Sunday, {LEAD_WORDS}
"""
    assert read(text)[:4] == ("Iran and Saudi Arabia hold talks in Baghdad", "Tehran", "2023-03-05", "metadata")


def test_a_date_line_naming_a_city_gives_the_place_and_the_gregorian_date() -> None:
    text = f"""Qatar News Agency
Local | Gulf | Arab | International | Economy
Doha, Sha'ban 24, 1445 | March 05, 2024

Qatar, France discuss Gaza ceasefire efforts

Qatar's foreign minister and his French counterpart discussed ceasefire efforts in Gaza on Tuesday, {LEAD_WORDS}
"""
    assert read(text)[:4] == ("Qatar, France discuss Gaza ceasefire efforts", "Doha", "2024-03-05", "metadata")


def test_the_company_under_news_provided_by_is_not_the_headline() -> None:
    text = """News provided by
Nordlicht Biotech AG
12 Apr, 2023, 07:00 GMT

Nordlicht Biotech Reports Positive Phase 2 Data for Psoriasis Drug

MUNICH, April 12, 2023 /PRNewswire/ -- Nordlicht Biotech AG today reported positive results from a phase 2 trial
of its oral psoriasis drug, with 62% of patients reaching the main goal.
"""
    assert read(text)[:3] == ("Nordlicht Biotech Reports Positive Phase 2 Data for Psoriasis Drug", "Munich",
                              "2023-04-12")


def test_an_updated_line_names_the_place() -> None:
    assert [found.place for found in places_in_stamp("Updated - Aug 14 2024 10:05 IST - NEW DELHI")] == ["New Delhi"]
    assert metadata_rest("Updated - Aug 14 2024 10:05 IST - NEW DELHI") == ""


def test_a_press_release_headline_is_its_title_with_entities_decoded() -> None:
    text = """News provided by
Northwind Solar Holdings Ltd.
Mar 02, 2021, 07:30 ET

Northwind Solar Completes Acquisition of Brightfield Energy &amp; Storage

HOUSTON, March 2, 2021 /PRNewswire/ -- Northwind Solar Holdings Ltd. today announced that it has completed the
acquisition of Brightfield Energy, a developer of battery storage projects in Texas and Arizona.

SOURCE Northwind Solar Holdings Ltd.
"""
    assert read(text)[:3] == ("Northwind Solar Completes Acquisition of Brightfield Energy & Storage", "Houston",
                              "2021-03-02")


SLUGS = {
    "ap 1990s": ("""^BC-Storm-Midwest, 2nd Ld-Writethru,0466<
^Blizzard Shuts Highways Across Plains<
^Eds: UPDATES with death toll<
^By MARY BETH COLE=
^Associated Press Writer=
   OMAHA, Neb. (AP) _ A blizzard packing winds of 50 mph closed highways across Nebraska and the Dakotas on
Wednesday, and officials said at least four deaths were blamed on the storm.
   Schools and government offices were closed in dozens of counties.
   AP-NY-03-13-96 1508EST<
""", ("Blizzard Shuts Highways Across Plains", "Omaha", "1996-03-13")),
    "dow jones": ("""DJ ECB's Lagarde Says Inflation Fight Not Over

By Paul Hannon

FRANKFURT (Dow Jones)--European Central Bank President Christine Lagarde said Thursday that the bank's fight
against inflation was not over, even as price growth slowed in the eurozone.

(END) Dow Jones Newswires

October 26, 2023 09:12 ET (13:12 GMT)
""", ("ECB's Lagarde Says Inflation Fight Not Over", "Frankfurt", "2023-10-26")),
    "yonhap lead": ("""(LEAD) S. Korea's exports rise for 3rd month on chip demand

SEJONG, Dec. 1, 2023 (Yonhap) -- South Korea's exports rose for a third straight month in November on
strong demand for semiconductors, government data showed Friday.

(END)
""", ("S. Korea's exports rise for 3rd month on chip demand", "Sejong", "2023-12-01")),
}


@pytest.mark.parametrize("name", sorted(SLUGS))
def test_wire_slugs_and_desk_labels_are_not_the_headline(name: str) -> None:
    text, expected = SLUGS[name]
    assert read(text)[:3] == expected


@pytest.mark.parametrize(("written", "agency", "headline"), [
    ("DJ Fed's Powell Says Rates to Stay High", "Dow Jones", "Fed's Powell Says Rates to Stay High"),
    ("DJ Khaled plays Dubai", None, "DJ Khaled plays Dubai"),
    ("(2nd LD) N. Korea fires missile", "Yonhap", "N. Korea fires missile"),
    ("(URGENT) N. Korea fires missile", "Yonhap", "N. Korea fires missile"),
    ("(News Focus) Chip exports set to rebound", "Yonhap", "Chip exports set to rebound"),
    ("(Yonhap Interview) Envoy says talks will resume", "Yonhap", "Envoy says talks will resume"),
])
def test_desk_labels(written: str, agency: str | None, headline: str) -> None:
    assert strip_desk_labels(written, agency) == headline


# --- property: a masthead at the top, menus, ID and relative-time lines in any order above the headline ------------

MASTHEAD_LINES = ["Kuwait News Agency (KUNA)", "XYZ International News Agency", "VietnamPlus", "Press Trust of India",
                  "MercoPress. South Atlantic News Agency", "Trend News Agency - Azerbaijan's Leading Information Source",
                  "Islamic Republic News Agency - Multimedia Platform for News and Broadcasting"]
PAGE_LINES = ["Politics | Business | World | Sports", "Local News | Arab News | World News", "Home > World > Asia",
              "General news | Economic news | Press releases | Interviews", "News ID: 85712344", "3 hours ago",
              "Listen to this article", "Politics", "Reading time: 3 min", "Economy / Markets"]
# (headline, lead, place, date)
TOLD = [
    ("Oman raises fuel subsidy cap for low-income families",
     "MUSCAT, Oct. 2, 2023 (ONA) -- Oman raised the monthly cap on fuel subsidies for low-income families on Monday, "
     f"{LEAD_WORDS}", "Muscat", "2023-10-02"),
    ("Philippine central bank holds key rate at 6.5%",
     "MANILA, Feb 15, 2024 (PNA) -- The Bangko Sentral ng Pilipinas kept its key policy rate at 6.5 percent on "
     f"Thursday, {LEAD_WORDS}", "Manila", "2024-02-15"),
    ("Kazakhstan to build second nuclear plant with Chinese partner",
     f"ASTANA, 14 June 2025 (Kazinform) - Kazakhstan will build a second nuclear power plant, {LEAD_WORDS}", "Astana",
     "2025-06-14"),
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TOLD), st.sampled_from(MASTHEAD_LINES), st.lists(st.sampled_from(PAGE_LINES), max_size=4),
       st.booleans())
def test_a_masthead_and_page_lines_above_never_take_the_headline(told, masthead, page_lines, blank_lines) -> None:
    headline, lead, place, date = told
    top = "\n\n" if blank_lines else "\n"
    text = top.join([masthead, *page_lines, headline]) + f"\n\n{lead}\n\nThe decision takes effect next month.\n"
    assert read(text)[:3] == (headline, place, date)


@pytest.mark.parametrize(("text", "headline", "place"), [
    ("MOSCOW. Aug 17 (Interfax) - The Russian government and the Central Bank have decided to widen the ruble's "
     "trading band and to restructure short-term bonds maturing before the end of 1999, the prime minister said.\n\n"
     "Under the joint statement, the ruble will trade in a corridor of 6 to 9.5 rubles to the dollar.\n",
     "The Russian government and the Central Bank have decided to widen the ruble's trading band and to…", "Moscow"),
    ("TOKYO, March 11 (Reuters) - A magnitude 8.9 earthquake struck off Japan. Tsunami warnings were issued.\n\n"
     "Buildings shook in Tokyo for two minutes, witnesses said.\n",
     "A magnitude 8.9 earthquake struck off Japan", "Tokyo"),
])
def test_a_flash_filed_without_a_headline_is_headed_by_its_lead(text: str, headline: str, place: str) -> None:
    from generator.parse import parse_text

    article = parse_text(text, Path("flash.txt"))
    assert article.headline == headline and article.dateline.place == place
    assert article.body[0].text.startswith(headline.rstrip("…").split(" and ")[0][:30])
