"""Synthetic raw wire seeds for the benchmark: TASS-, Reuters- and AP-like layouts over a year of dates.

Every seed is a function of (--seed, index) alone, so seed number N is the same whatever the run size:
the benchmark's add-one rebuild adds seed N to a folder of seeds 0..N-1. Each file name starts with its
date (`2024-03-05-tass-000042.txt`), and one seed in eight also has a `<stem>.yaml` sidecar giving the
date, so every story date is deterministic. Names come from a fixed cast of people (with titles), countries,
cities, organisations and companies, drawn with a long tail so the tagger has real work to do.

Seeds tell events, as wire copy does: about one seed in three (FOLLOW_UP) is another agency's version of the
event of one of the three seeds before it, filed the same day. An event has a subject of its own, a made-up name
coined from its first seed's index ("the Kelobu corridor"), named in each version's headline, lede and every
paragraph, and a vocabulary of its own (made-up words drawn with a long tail, as a happening's words are), in a
sentence of every paragraph; each agency words its headline and first paragraph its own way. So unrelated
stories share few words (as real ones do, and as the coverage clusters need), the versions of one event share
their subject, names and vocabulary but no headline, lede or paragraph, and a new story touches as many pages
(related stories, search words, an event's pages) as real copy would.

    python bench/synth.py --n 1000 --out /tmp/seeds [--seed 0] [--start 0]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import random
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

YEAR = 2024
AGENCIES = ("TASS", "Reuters", "AP")
FOLLOW_UP = 0.3  # share of seeds that are another agency's version of an earlier seed's event
VOCABULARY = 40_000  # coined words an event's vocabulary is drawn from, with a long tail
EVENT_WORDS = 24  # words of an event's vocabulary; a version uses half of them and as many of its own
WORD_BASE = 10_000_000  # coined words are numbered from here: apart from the subjects' names
SIDECAR_EVERY = 8
WORDS = (300, 900)
WRAP = 64

# name pools: (first names, last names, family name first)
NAMES = {
    "slavic": ("Sergey Dmitry Alexei Mikhail Andrei Igor Nikolai Yuri Oleg Pavel Viktor Maxim Anna Maria Elena Olga "
               "Tatiana Irina Natalia Svetlana", "Ivanov Petrov Sokolov Volkov Kuznetsov Morozov Novikov Lebedev "
               "Kozlov Orlov Pavlov Belov Markov Zaitsev Grigoriev Fedorov Tkachenko Shevchenko Bondarenko Kovalenko"),
    "anglo": ("John Michael David James Robert Sarah Emily Jennifer Karen Thomas William Daniel Laura Rachel Peter "
              "Andrew Catherine Margaret Richard Susan", "Harris Mitchell Carter Bennett Hughes Foster Griffin Hayes "
              "Sullivan Reynolds Palmer Walsh Porter Crawford Fletcher Marshall Webb Spencer Lawson Gardner"),
    "german": ("Klaus Wolfgang Andreas Stefan Juergen Katrin Markus Uwe Sabine Monika", "Becker Hoffmann Schneider "
               "Fischer Wagner Keller Richter Zimmermann Krause Hartmann"),
    "french": ("Jean Pierre Francois Nicolas Claire Sophie Isabelle Laurent Olivier Camille", "Dubois Lefebvre Moreau "
               "Girard Bonnet Mercier Fontaine Chevalier Rousseau Lambert"),
    "italian": ("Marco Giuseppe Luca Giulia Francesca Matteo Paolo Chiara", "Rossi Bianchi Ricci Marino Greco Gallo "
                "Conti Esposito Lombardi Moretti"),
    "spanish": ("Carlos Javier Miguel Luis Ana Carmen Lucia Diego Alejandro Sofia", "Garcia Fernandez Lopez Martinez "
                "Sanchez Romero Navarro Torres Dominguez Vargas"),
    "portuguese": ("Joao Pedro Paulo Fernanda Beatriz Rafael", "Silva Santos Oliveira Souza Pereira Costa Almeida "
                   "Carvalho"),
    "chinese": ("Wei Fang Jun Hong Lei Ming Jian Yan", "Wang Zhang Liu Chen Yang Zhao Huang Zhou Xu Sun", True),
    "japanese": ("Hiroshi Takeshi Yuko Kenji Naoko Shinji Akira Yoshiko", "Tanaka Suzuki Takahashi Watanabe Yamamoto "
                 "Nakamura Kobayashi Kato Yoshida Matsumoto"),
    "korean": ("Min-jun Seo-yeon Ji-ho Hyun-woo Eun-ji Sung-min", "Kim Park Choi Jung Kang Yoon Jang", True),
    "indian": ("Rajesh Amit Priya Sunita Vikram Anil Deepak Kavita Arjun Sanjay", "Sharma Patel Gupta Kumar Reddy "
               "Iyer Nair Mehta Joshi Chatterjee"),
    "arabic": ("Mohammed Ahmed Khalid Omar Youssef Faisal Hassan Tariq Layla Nadia", "al-Rashid Haddad Mansour Nasser "
               "Khalil Saleh Hamdan Aziz Farouk al-Tamimi"),
    "persian": ("Hossein Mohammad Reza Mehdi Abbas Zahra Maryam", "Rezaei Ahmadi Hosseini Karimi Moradi Jafari Rahimi "
                "Sadeghi"),
    "turkish": ("Mehmet Mustafa Ahmet Emre Burak Elif Zeynep Kemal", "Yilmaz Kaya Demir Sahin Celik Ozturk Aydin "
                "Arslan Dogan"),
    "hebrew": ("Yosef Avi Moshe Noa Tamar Eitan Yael", "Cohen Levi Mizrahi Peretz Friedman Azoulay Katz Shapira"),
    "greek": ("Nikos Giorgos Dimitris Kostas Eleni Yannis", "Papadopoulos Georgiou Dimitriou Nikolaidis Vlachos "
              "Economou"),
    "polish": ("Piotr Tomasz Krzysztof Marek Agnieszka Katarzyna", "Nowak Kowalski Wisniewski Wojcik Kaminski "
               "Lewandowski Zielinski"),
    "hungarian": ("Laszlo Zoltan Istvan Gabor Eszter", "Nagy Horvath Kovacs Szabo Toth Varga"),
    "central": ("Nurlan Askar Yerlan Aigerim Daniyar", "Abenov Zhunusov Sultanov Kassymov Baimukhamedov"),
    "african": ("Chinedu Oluwaseun Amina Ngozi Kwame Wanjiru Thabo Sipho Kofi Fatima", "Okafor Adeyemi Mwangi "
                "Otieno Ndlovu Dlamini Mensah Nkosi Abubakar Kamau"),
    "malay": ("Budi Siti Agus Dewi Joko Rina", "Santoso Wijaya Hidayat Saputra Kusuma Pratama"),
    "vietnamese": ("Van Minh|Thi Lan|Duc Anh|Van Hung|Thi Mai", "Nguyen Tran Le Pham Hoang", True),
}

# country, demonym, capital, other cities, name pool; ordered by how often the news names them
COUNTRIES = [
    ("Russia", "Russian", "Moscow", "St. Petersburg|Kazan|Novosibirsk|Yekaterinburg|Sochi|Vladivostok", "slavic"),
    ("United States", "American", "Washington", "New York|Chicago|Houston|Los Angeles|Boston|Denver|Atlanta|Seattle|Dallas|Miami", "anglo"),
    ("Ukraine", "Ukrainian", "Kyiv", "Kharkiv|Odesa|Lviv|Dnipro", "slavic"),
    ("China", "Chinese", "Beijing", "Shanghai|Shenzhen|Guangzhou|Chongqing", "chinese"),
    ("Germany", "German", "Berlin", "Frankfurt|Munich|Hamburg|Cologne", "german"),
    ("United Kingdom", "British", "London", "Manchester|Birmingham|Edinburgh|Glasgow", "anglo"),
    ("France", "French", "Paris", "Marseille|Lyon|Toulouse", "french"),
    ("Japan", "Japanese", "Tokyo", "Osaka|Yokohama|Nagoya", "japanese"),
    ("India", "Indian", "New Delhi", "Mumbai|Bangalore|Chennai|Kolkata", "indian"),
    ("Turkey", "Turkish", "Ankara", "Istanbul|Izmir", "turkish"),
    ("Iran", "Iranian", "Tehran", "Isfahan|Mashhad", "persian"),
    ("Saudi Arabia", "Saudi", "Riyadh", "Jeddah", "arabic"),
    ("Israel", "Israeli", "Jerusalem", "Tel Aviv|Haifa", "hebrew"),
    ("Syria", "Syrian", "Damascus", "Aleppo|Latakia", "arabic"),
    ("Egypt", "Egyptian", "Cairo", "Alexandria", "arabic"),
    ("Brazil", "Brazilian", "Brasilia", "Sao Paulo|Rio de Janeiro", "portuguese"),
    ("Italy", "Italian", "Rome", "Milan|Naples|Turin", "italian"),
    ("Spain", "Spanish", "Madrid", "Barcelona|Valencia", "spanish"),
    ("Canada", "Canadian", "Ottawa", "Toronto|Montreal|Vancouver|Calgary", "anglo"),
    ("Poland", "Polish", "Warsaw", "Krakow|Gdansk", "polish"),
    ("South Korea", "South Korean", "Seoul", "Busan|Incheon", "korean"),
    ("Mexico", "Mexican", "Mexico City", "Monterrey|Guadalajara", "spanish"),
    ("Kazakhstan", "Kazakh", "Astana", "Almaty", "central"),
    ("Greece", "Greek", "Athens", "Thessaloniki", "greek"),
    ("Hungary", "Hungarian", "Budapest", "Debrecen", "hungarian"),
    ("Belarus", "Belarusian", "Minsk", "Gomel", "slavic"),
    ("Australia", "Australian", "Canberra", "Sydney|Melbourne|Perth", "anglo"),
    ("South Africa", "South African", "Pretoria", "Johannesburg|Cape Town|Durban", "african"),
    ("Nigeria", "Nigerian", "Abuja", "Lagos|Kano", "african"),
    ("Kenya", "Kenyan", "Nairobi", "Mombasa", "african"),
    ("Indonesia", "Indonesian", "Jakarta", "Surabaya", "malay"),
    ("Vietnam", "Vietnamese", "Hanoi", "Ho Chi Minh City", "vietnamese"),
    ("Argentina", "Argentine", "Buenos Aires", "Cordoba|Rosario", "spanish"),
    ("Austria", "Austrian", "Vienna", "Graz", "german"),
    ("Switzerland", "Swiss", "Bern", "Geneva|Zurich", "german"),
    ("Belgium", "Belgian", "Brussels", "Antwerp", "french"),
    ("Pakistan", "Pakistani", "Islamabad", "Karachi|Lahore", "indian"),
    ("Chile", "Chilean", "Santiago", "Valparaiso", "spanish"),
]
ROLES = ("President", "Prime Minister", "Foreign Minister", "Finance Minister", "Defence Minister", "Energy Minister",
         "Economy Minister", "Trade Minister", "Deputy Prime Minister", "Central Bank Governor")
US_STATES = {"Houston": "Tex.", "Dallas": "Tex.", "Denver": "Colo.", "Seattle": "Wash.", "Atlanta": "Ga.",
             "Miami": "Fla.", "Los Angeles": "Calif."}
BARE_NAMES = {"NATO", "OPEC", "IMF", "G20", "BRICS"}
THE_COUNTRIES = {"United States", "United Kingdom"}
ORGANISATIONS = ("United Nations", "UN Security Council", "NATO", "European Union", "OPEC", "IMF", "World Bank",
                 "World Health Organization", "International Atomic Energy Agency", "World Trade Organization",
                 "African Union", "Shanghai Cooperation Organisation", "Eurasian Economic Union", "Federal Reserve",
                 "European Central Bank", "International Committee of the Red Cross", "G20", "BRICS")
COMPANY_WORDS = ("Alder Kestrel Northwind Bluestone Meridian Granite Harbor Silverline Redwood Summit Pioneer Atlas "
                 "Crescent Falcon Ironbridge Lakeshore Orion Pacifica Sterling Westfield Cobalt Juniper Beacon Halcyon")
COMPANY_KINDS = ("Petroleum Mining Steel Motors Airlines Financial Technologies Chemicals Foods Energy Pharmaceuticals "
                 "Electronics Shipping Semiconductor Insurance")
COMPANY_SUFFIXES = ("Corp", "Inc", "Plc", "AG", "Co", "Ltd", "Holdings")

# per topic: a noun phrase for headlines and subheads, then fact sentences
TOPICS = {
    "diplomacy": ("talks", [
        "{name} held talks with {other_name} in {city} and discussed bilateral relations and regional security.",
        "The two sides agreed to prepare a visit by {other_demonym} President {other_leader} to {country} later this year.",
        "{surname} said {country} was open to dialogue with {other} but would not accept preconditions.",
        "The foreign ministers also discussed preparations for a summit of {the_org} in {month}.",
        "Diplomats said the negotiations were difficult but that both delegations wanted to keep the channel open.",
        "The {demonym} ambassador to {other} was summoned to the foreign ministry to receive a formal protest.",
        "{surname} added that an envoy would travel to {other_capital} next week to continue the consultations.",
    ]),
    "conflict": ("security", [
        "The {demonym} Defence Ministry said air defence systems had shot down {small} drones overnight.",
        "Troops repelled {small} attacks near the front line over the past day, the military said in a statement.",
        "{surname} said the armed forces would continue the offensive until all objectives had been achieved.",
        "{the_org} called on all parties to the conflict to respect a ceasefire and protect civilians.",
        "Military analysts said the use of long-range missiles marked a new stage in the hostilities.",
        "Officials said {small} civilians had been wounded in the shelling and a power line was damaged.",
        "The weapons deliveries promised by {other} would not change the situation on the battlefield, {surname} said.",
    ]),
    "energy": ("gas supplies", [
        "Gas exports to {other} rose {pct} pct in {month}, according to the energy ministry.",
        "{company} said crude output at its fields would reach {big} barrels per day by the end of the year.",
        "The pipeline, which can carry {big} million cubic meters of gas a year, has been idle since {past_month}.",
        "Oil prices rose after {the_org} agreed to extend output cuts, with Brent crude trading near {price} dlrs a barrel.",
        "{surname} said {country} was ready to supply more energy to partners in Asia and the Middle East.",
        "The refinery in {city} will be shut for maintenance for {small} weeks, {company} said.",
        "Electricity demand hit a record during the heatwave, forcing the grid operator to import power.",
    ]),
    "economy": ("the economy", [
        "Inflation in {country} slowed to {pct} pct in {month} from {pct2} pct a month earlier, official data showed.",
        "The economy grew {pct} pct in the {quarter} quarter, beating the forecast of economists polled last week.",
        "The central bank kept its key interest rate at {pct2} pct and said consumer prices should ease next year.",
        "{surname} said the government would cut spending to keep the budget deficit below {pct} pct of GDP.",
        "Unemployment fell to {pct} pct, the lowest level since {past_year}, the statistics office said.",
        "{the_org} raised its growth forecast for {country} to {pct} pct, citing strong domestic demand.",
        "Economists at {company} said the recovery remained fragile because of weak investment.",
    ]),
    "trade": ("trade", [
        "Trade between {country} and {other} rose {pct} pct last year to {big} million dlrs, {surname} said.",
        "The government will raise import tariffs on steel and aluminium from {month}, the trade ministry said.",
        "Exports of machinery and grain to {other} have almost doubled over the past two years.",
        "{surname} said customs procedures at the border with {other} would be simplified under the new agreement.",
        "{the_org} is expected to rule on the dispute over export quotas before the end of the year.",
        "Transit of goods through the port of {city} grew {pct} pct in the first half, port officials said.",
    ]),
    "markets": ("markets", [
        "Shares of {company} rose {pct} pct to {price} dlrs on the stock exchange after the results were published.",
        "The benchmark index closed {pct} pct higher, led by banks and energy stocks.",
        "{company} said it would buy back up to {big} million dlrs of its own shares over the next year.",
        "Bond yields fell as investors bet that the central bank would cut interest rates in {month}.",
        "Analysts said the offering of {big} million shares was priced at the top of the indicated range.",
        "{company} reported quarterly net profit of {big} million dlrs, up from {small} million dlrs a year earlier.",
    ]),
    "elections": ("the election", [
        "Voters in {country} will elect a new parliament on {month} {day_any}, the electoral commission said.",
        "Polls show the ruling party leading with {pct} pct support, ahead of the main opposition party.",
        "{surname} said the campaign would focus on jobs, housing and the cost of living.",
        "Observers from {the_org} will monitor the vote at more than {big} polling stations.",
        "Turnout reached {pct} pct by midday, higher than at the previous election in {past_year}.",
        "The opposition candidate said the ballot had been marred by irregularities and called for a recount.",
    ]),
    "sanctions": ("sanctions", [
        "{the_org} adopted a new package of sanctions targeting banks and energy companies.",
        "{surname} said the restrictive measures were illegal and would hurt {other} more than {country}.",
        "The embargo on technology exports will take effect from {month}, officials said.",
        "Companies have found ways to route payments through third countries despite the sanctions, analysts said.",
        "{other_demonym} officials said they would press for tighter enforcement of the existing restrictions.",
    ]),
    "agriculture": ("the harvest", [
        "The grain harvest is expected to reach {big} million tonnes this year, the agriculture ministry said.",
        "Wheat exports in {month} rose {pct} pct from a year earlier as farmers sold more of the crop.",
        "Drought in the south has cut the corn crop by about {pct} pct, according to farm groups.",
        "Cocoa and coffee prices hit multi-year highs as dry weather hurt crops in West Africa and Brazil.",
        "{surname} said the government would provide {big} million dlrs in subsidies to livestock farmers.",
    ]),
    "technology": ("technology", [
        "{company} unveiled a new generation of chips that it said would cut energy use by {pct} pct.",
        "The government plans to invest {big} million dlrs in semiconductor plants and software research.",
        "The satellite was launched on a rocket from the {city} space centre and reached orbit as planned.",
        "{surname} said digital services would account for a growing share of the economy.",
        "Regulators opened an investigation into how the internet platform handles personal data.",
    ]),
    "humanitarian": ("aid", [
        "{the_org} said more than {big} people had been displaced by the fighting and needed humanitarian aid.",
        "A convoy of {small} trucks carrying food and medicine reached {city} on {weekday_any}.",
        "Refugees continued to cross the border into {other}, relief agencies said.",
        "{surname} said the government had allocated {big} million dlrs for relief and reconstruction.",
        "Aid workers said hospitals were running short of fuel and medical supplies.",
    ]),
}
BACKGROUND = [
    "{the_org} has repeatedly said it is ready to help, {surname} recalled.",
    "{surname} made the remarks at a news conference after a meeting of the government in {city}.",
    "Relations between {country} and {other} have been strained since {past_year}.",
    "The ministry did not give further details, and officials declined to comment on the report.",
    "A similar proposal was rejected by {other} in {past_month}, according to diplomatic sources.",
    "The issue is expected to feature prominently at the meeting of {the_org} next month.",
    "{other_demonym} officials have not yet responded to the statement.",
    "Speaking earlier in {city}, {surname} said the government had prepared several options.",
    "Experts at {company} said the decision could affect markets across the region.",
    "The previous round of consultations took place in {other_capital} in {past_month}.",
]
QUOTES = (
    "We are ready to continue the dialogue, but only on the basis of mutual respect",
    "This decision is in the interests of our country and our partners",
    "The situation remains difficult, and we will do everything necessary to protect our citizens",
    "There is no alternative to a political settlement",
    "We expect our partners to honour their commitments",
    "These figures show that the economy has adapted to the new conditions",
    "We have never refused to negotiate, and we are not refusing now",
    "The market has already priced in most of this",
)
# Headlines and first sentences per agency: the versions of one event come from different agencies, so they never
# share a headline or a first paragraph.
HEADLINES = {
    "TASS": ("{surname} says {country} ready for talks on {subject} with {other}",
             "{country} and {other} agree to expand cooperation on {subject}",
             "{org} to discuss {subject} at meeting in {city}"),
    "Reuters": ("{demonym} {role} warns of risks to {subject}",
                "{company} to expand {subject} in {other} as demand grows",
                "{other} and {country} hold talks on {topic} and {subject}"),
    "AP": ("{surname} calls for new approach to {subject}",
           "Outlook for {subject} improves, {surname} says",
           "{country} presses ahead with {subject} despite {other_demonym} objections"),
}
LEADS = {
    "TASS": "{name} said on {weekday} that {country} would press ahead with {subject} despite objections from {other}.",
    "Reuters": "{country} will push on with {subject}, {name} said on {weekday}, brushing aside criticism from {other}.",
    "AP": "{name} vowed {weekday} to move forward with {subject}, a plan that has angered {other}.",
}
SUBHEADS = ("Talks with {other}", "Situation on the ground", "Cooperation with partners", "Outlook for {month}",
            "Position of {country}", "Role of {the_org}")
LEDES = (
    "According to {surname}, {country} remains open to cooperation with {other} on {subject}",
    "The {role} stressed that all agreements on {subject} reached earlier remain in force",
    "{surname} noted that {subject} would be raised again at the next meeting of {the_org}",
    "Earlier, the {demonym} side called for a comprehensive approach to {subject}",
)
# Sentences about the story's own subject: every paragraph has one, so no two seeds share a paragraph.
SUBJECT_SENTENCES = (
    "Work on {subject} is due to start in {month}, {surname} said.",
    "Backers of {subject} put its cost at {big} million dlrs.",
    "{subject_cap} has been under discussion since {past_year}.",
    "Officials in {city} said {subject} would create about {big} jobs.",
    "Critics of {subject} say it favours {other} too much.",
    "The first stage of {subject} should be finished within {small} months.",
    "{the_org} has asked for details of {subject} by {month} {day_any}.",
    "Under {subject}, {country} would take a {pct} pct share.",
    "{company} has bid to take part in {subject}.",
    "A review of {subject} found no objections, {surname} added.",
)
# Sentences that carry an event's own words (its vocabulary, {w1} to {w6}): what makes one happening unlike
# another, and what the versions of one event share.
DETAILS = (
    "The {w1} {w2} was {w3} by the {w4} {w5} in {w6}.",
    "Its {w1} and {w2} {w3} the {w4} of {w5} {w6}.",
    "There were {w1} {w2} and {w3} {w4} around the {w5}.",
    "It {w1} {w2} {w3}, {w4} {w5} and {w6}.",
    "Both the {w1} {w2} and the {w3} {w4} {w5}.",
    "A {w1} {w2} should {w3} the {w4} {w5} within {small} days.",
    "{w1_cap} {w2} and a {w3} {w4} {w5} the {w6}.",
    "After {w1} {w2}, the {w3} {w4} {w5} {w6}.",
    "The {w1} of {w2} {w3} has {w4} {w5} since {past_month}.",
    "Some {small} {w1} {w2} were {w3} at the {w4} {w5}.",
)
SUBJECT_KINDS = ("project", "accord", "corridor", "programme", "initiative", "plan", "scheme", "venture")
# Two-letter syllables, so a coined name reads back into exactly one sequence of syllables.
SYLLABLES = tuple(c + v for c in "bdfgklmnprstvz" for v in "aeiou")


@dataclass(frozen=True)
class Person:
    """A member of the cast: name, role and country."""

    name: str
    surname: str
    role: str
    country: int


@dataclass(frozen=True)
class Cast:
    """Everyone and everything the stories may name, fixed for one --seed."""

    people: tuple[Person, ...]
    by_country: dict[int, tuple[Person, ...]]
    companies: tuple[str, ...]


@dataclass(frozen=True)
class Seed:
    """One synthetic seed: file name, text, date, agency and the optional sidecar text."""

    name: str
    text: str
    date: dt.date
    agency: str
    sidecar: str | None


def person_name(rng: random.Random, pool: str) -> tuple[str, str]:
    """A full name and the surname from a name pool."""
    firsts, lasts, *family_first = NAMES[pool]
    first = rng.choice(firsts.split("|") if "|" in firsts else firsts.split())
    last = rng.choice(lasts.split())
    return (f"{last} {first}" if family_first else f"{first} {last}"), last


@lru_cache(maxsize=4)
def cast(seed: int) -> Cast:
    """The cast for one --seed: every role in every country, and a set of companies."""
    rng = random.Random(f"cast:{seed}")
    people, taken = [], set()
    for index, (*_, pool) in enumerate(COUNTRIES):
        for role in ROLES:
            name, surname = person_name(rng, pool)
            while name in taken:
                name, surname = person_name(rng, pool)
            taken.add(name)
            people.append(Person(name, surname, role, index))
    by_country = {index: tuple(p for p in people if p.country == index) for index in range(len(COUNTRIES))}
    companies = sorted({f"{a} {b} {rng.choice(COMPANY_SUFFIXES)}" for a in COMPANY_WORDS.split()
                        for b in rng.sample(COMPANY_KINDS.split(), 2)})
    return Cast(tuple(people), by_country, tuple(companies))


def with_article(name: str) -> str:
    """The name as a sentence uses it: 'the United Nations', 'the United States', but 'NATO', 'Russia'."""
    needs = name in THE_COUNTRIES or (name in ORGANISATIONS and name not in BARE_NAMES)
    return f"the {name}" if needs else name


def coined_name(index: int, seed: int = 0) -> str:
    """A made-up proper name that no other index of this --seed gets: the index in base len(SYLLABLES), three
    syllables at least, over an alphabet of syllables shuffled by the seed."""
    alphabet = random.Random(f"syllables:{seed}").sample(SYLLABLES, len(SYLLABLES))
    digits = []
    while index or len(digits) < 3:
        index, digit = divmod(index, len(alphabet))
        digits.append(alphabet[digit])
    return "".join(digits).capitalize()


def coined_word(rng: random.Random, seed: int = 0) -> str:
    """A made-up word of the vocabulary, drawn with a long tail but no head: no word is in most stories."""
    return coined_name(WORD_BASE + int(VOCABULARY ** rng.uniform(0.5, 1.0)), seed).lower()


def zipf_index(rng: random.Random, size: int) -> int:
    """An index in range(size), low ones much more likely (news names a few things often, many rarely)."""
    return min(int(size ** rng.random()) - 1, size - 1)


def choose_country(rng: random.Random, agency: str) -> int:
    """The story's country: TASS leans to Russia, AP to the United States."""
    home = {"TASS": 0, "AP": 1}.get(agency)
    if home is not None and rng.random() < 0.45:
        return home
    return zipf_index(rng, len(COUNTRIES))


@dataclass(frozen=True)
class Event:
    """A happening that one or more seeds tell: its first seed's index, agency and date."""

    root: int
    agency: str
    date: dt.date


@lru_cache(maxsize=65536)
def root_of(index: int, seed: int = 0) -> int:
    """The first seed of the event seed `index` tells: with probability FOLLOW_UP a seed tells the event of one
    of the three seeds before it, unless every agency has told that one already; else its own."""
    rng = random.Random(f"event:{seed}:{index}")
    if index == 0 or rng.random() >= FOLLOW_UP:
        return index
    root = root_of(max(0, index - rng.randint(1, 3)), seed)
    return root if versions_before(root, index, seed) < len(AGENCIES) - 1 else index


def versions_before(root: int, index: int, seed: int = 0) -> int:
    """How many seeds between the event's first one and `index` tell the event too."""
    return sum(root_of(other, seed) == root for other in range(root + 1, index))


def drawn_agency_and_date(rng: random.Random) -> tuple[str, dt.date]:
    """A seed's own agency and date: the first draws of its random generator."""
    agency = AGENCIES[rng.randrange(len(AGENCIES))]
    return agency, dt.date(YEAR, 1, 1) + dt.timedelta(days=rng.randrange(366))


def event_of(index: int, seed: int = 0) -> Event:
    """The event seed `index` tells."""
    root = root_of(index, seed)
    return Event(root, *drawn_agency_and_date(random.Random(f"seed:{seed}:{root}")))


def dateline_city(rng: random.Random, country: int) -> str:
    """Mostly the capital, sometimes another city of the country."""
    _, _, capital, others, _ = COUNTRIES[country]
    return capital if rng.random() < 0.6 else rng.choice(others.split("|"))


class Story:
    """The facts of one story and the fields its templates are filled with. The facts (subject, places, people,
    vocabulary) are its event's, the same in every version; the wording and the numbers are the story's own."""

    def __init__(self, rng: random.Random, agency: str, date: dt.date, people: Cast, event: Event, seed: int = 0):
        facts = random.Random(f"facts:{seed}:{event.root}")
        self.rng = rng
        self.subject = f"the {coined_name(event.root, seed)} {facts.choice(SUBJECT_KINDS)}"
        self.agency = agency
        self.date = date
        self.country = choose_country(facts, event.agency)
        other = choose_country(facts, "")
        self.other = other if other != self.country else (self.country + 1) % len(COUNTRIES)
        self.topics = rng.sample(list(TOPICS), 3)
        self.decks: dict[str, list] = {}
        self.person = facts.choice(people.by_country[self.country][:6] if facts.random() < 0.7 else people.by_country[self.country])
        self.other_person = facts.choice(people.by_country[self.other][:4])
        self.company = people.companies[zipf_index(facts, len(people.companies))]
        self.org = ORGANISATIONS[zipf_index(facts, len(ORGANISATIONS))]
        shared = [coined_word(facts, seed) for _ in range(EVENT_WORDS)]
        self.vocabulary = rng.sample(shared, EVENT_WORDS // 2) + [coined_word(rng, seed) for _ in range(EVENT_WORDS // 2)]
        self.city = dateline_city(facts, self.country)
        self.subject_sentences = rng.sample(SUBJECT_SENTENCES, 4)

    def fields(self) -> dict[str, str]:
        """Fresh values for one template: numbers change from sentence to sentence, names stay."""
        rng, home, away = self.rng, COUNTRIES[self.country], COUNTRIES[self.other]
        return {
            "country": with_article(home[0]), "demonym": home[1], "city": self.city, "other": with_article(away[0]),
            "other_demonym": away[1], "other_capital": away[2], "other_leader": self.other_person.name,
            "name": self.title_name(), "surname": self.person.surname, "role": self.person.role,
            "other_name": f"{away[1]} {self.other_person.role} {self.other_person.name}",
            "subject": self.subject, "subject_cap": self.subject[0].upper() + self.subject[1:], "company": self.company, "org": self.org, "the_org": with_article(self.org), "topic": TOPICS[self.topics[0]][0],
            "month": calendar.month_name[rng.randint(1, 12)], "past_month": calendar.month_name[rng.randint(1, 12)],
            "day_any": str(rng.randint(1, 28)), "weekday_any": calendar.day_name[rng.randrange(7)],
            "quarter": rng.choice(("first", "second", "third", "fourth")), "past_year": str(rng.randint(1995, 2019)),
            "pct": f"{rng.uniform(0.2, 9.9):.1f}", "pct2": f"{rng.uniform(0.2, 9.9):.1f}",
            "small": str(rng.randint(2, 40)), "big": f"{rng.randint(12, 980):,}", "price": f"{rng.uniform(8, 120):.2f}",
            **{f"w{number}": rng.choice(self.vocabulary) for number in range(1, 7)},
        } | {"w1_cap": rng.choice(self.vocabulary).capitalize()}

    def title_name(self) -> str:
        """The protagonist with the title a wire gives on first mention: 'Russian Foreign Minister Oleg Orlov'."""
        return f"{COUNTRIES[self.country][1]} {self.person.role} {self.person.name}"

    def fill(self, template: str) -> str:
        """One template filled, first letter upper-case."""
        text = template.format(**self.fields())
        return text[0].upper() + text[1:]

    def headline(self) -> str:
        """A headline without a final full stop, in the agency's words."""
        return self.fill(self.rng.choice(HEADLINES[self.agency]))

    def lead(self) -> str:
        """The first paragraph, in the agency's words: who said what, on the story's weekday."""
        return self.fill(LEADS[self.agency].replace("{weekday}", calendar.day_name[self.date.weekday()]))

    def sentence(self) -> str:
        """A fact of one of the story's topics, background or a quote; each used once before any repeats."""
        pool = self.rng.choices(["quote", "background", *self.topics], weights=(18, 14, 45, 15, 8))[0]
        if pool == "quote":
            verb = self.rng.choice(("said", "told reporters", "added", "stressed", "noted"))
            return f'"{self.draw(pool, QUOTES)}," {self.person.surname} {verb}.'
        return self.fill(self.draw(pool, BACKGROUND if pool == "background" else TOPICS[pool][1]))

    def draw(self, pool: str, templates: Sequence[str]) -> str:
        """The next template of a shuffled deck, reshuffled when it runs out."""
        deck = self.decks.get(pool)
        if not deck:
            deck = self.decks[pool] = self.rng.sample(list(templates), len(templates))
        return deck.pop()

    def paragraphs(self, words: int) -> list[str]:
        """Body paragraphs of about `words` words after the lead: each with a sentence or two in the event's own
        words, about half naming the story's subject, some with a fact of its topics, background or a quote;
        a TASS story may get short subheads."""
        body, count, subhead = [], 0, False
        while count < words:
            if self.agency == "TASS" and body and not subhead and self.rng.random() < 0.06:
                body.append(self.fill(self.draw("subhead", SUBHEADS)))
                subhead = True
                continue
            sentences = [self.sentence() for _ in range(self.rng.randint(0, 1))]
            sentences += [self.fill(self.draw("detail", DETAILS)) for _ in range(self.rng.randint(1, 2))]
            if not body or self.rng.random() < 0.5:
                sentences.append(self.fill(self.draw("subject", self.subject_sentences)))
            self.rng.shuffle(sentences)
            paragraph = " ".join(sentences)
            body.append(paragraph)
            count += len(paragraph.split())
            subhead = False
        return body


def wrap(text: str, width: int = WRAP) -> list[str]:
    """Lines of at most width characters (a long word stands alone)."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line] if line else lines


def tass_text(story: Story, words: int) -> str:
    """TASS layout: breadcrumb, headline, lede, `CITY, Month D. /TASS/.` paragraph, body."""
    date = story.date
    dateline = f"{story.city.upper()}, {calendar.month_name[date.month]} {date.day}. /TASS/."
    lede = story.fill(story.rng.choice(LEDES))
    blocks = ["All news", story.headline(), lede, f"{dateline} {story.lead()}", *story.paragraphs(words)]
    return "\n\n".join(blocks) + "\n"


REUTERS_MONTHS = ("", "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")


def reuters_text(story: Story, words: int) -> str:
    """Reuters layout: ALL-CAPS headline, `CITY, Mon D -`, body hard-wrapped at 64 with indented paragraphs, `Reuter`."""
    state = US_STATES.get(story.city)
    place = story.city.upper() + (f", {state}" if state else "")
    first = f"{place}, {REUTERS_MONTHS[story.date.month]} {story.date.day} - {story.lead()}"
    paragraphs = [first, *story.paragraphs(words)]
    headline = story.headline().upper()
    if story.rng.random() < 0.75:
        lines = wrap(first)
        for paragraph in paragraphs[1:]:
            wrapped = wrap(paragraph, WRAP - 4)
            lines += ["    " + wrapped[0], *wrapped[1:]]
        return f"{headline}\n\n" + "\n".join(lines) + "\n Reuter\n"
    return "\n\n".join([headline, *paragraphs, "Reuter"]) + "\n"


def ap_text(story: Story, words: int) -> str:
    """AP layout: headline, optional byline, `CITY (AP) —` or `CITY, Country (AP) —`, body."""
    country = COUNTRIES[story.country][0]
    place = story.city.upper() if country == "United States" else f"{story.city.upper()}, {country}"
    blocks = [story.headline()]
    if story.rng.random() < 0.5:
        blocks.append("By " + person_name(story.rng, "anglo")[0])
    blocks += [f"{place} (AP) — {story.lead()}", *story.paragraphs(words)]
    return "\n\n".join(blocks) + "\n"


LAYOUTS = {"TASS": tass_text, "Reuters": reuters_text, "AP": ap_text}


def make_seed(index: int, seed: int = 0, date: dt.date | None = None) -> Seed:
    """Seed number index for this --seed: the same text whatever else is generated. A seed that tells an earlier
    seed's event is another agency's version of it, filed the same day (unless `date` says otherwise)."""
    rng = random.Random(f"seed:{seed}:{index}")
    agency, drawn = drawn_agency_and_date(rng)
    event = event_of(index, seed)
    if event.root != index:  # the next agency in turn: the versions of an event are from different agencies
        version = versions_before(event.root, index, seed) + 1
        agency, drawn = AGENCIES[(AGENCIES.index(event.agency) + version) % len(AGENCIES)], event.date
    date = date or drawn
    story = Story(rng, agency, date, cast(seed), event, seed)
    text = LAYOUTS[agency](story, rng.randint(*WORDS))
    name = f"{date.isoformat()}-{agency.lower()}-{index:06d}.txt"
    sidecar = f"date: {date.isoformat()}\n" if index % SIDECAR_EVERY == 0 else None
    return Seed(name, text, date, agency, sidecar)


def write_seed(folder: Path, item: Seed) -> Path:
    """Write one seed (and its sidecar) into folder; return the seed's path."""
    path = folder / item.name
    path.write_text(item.text, encoding="utf-8")
    if item.sidecar is not None:
        path.with_suffix(".yaml").write_text(item.sidecar, encoding="utf-8")
    return path


def synthesise(folder: Path, n: int, seed: int = 0, start: int = 0, date: dt.date | None = None) -> list[Path]:
    """Write seeds start..start+n-1 into folder (created if needed), all dated `date` if given; return paths."""
    folder.mkdir(parents=True, exist_ok=True)
    return [write_seed(folder, make_seed(index, seed, date)) for index in range(start, start + n)]


def main(argv: list[str] | None = None) -> int:
    """Command line: write --n seeds into --out."""
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--n", type=int, required=True, help="how many seeds")
    args.add_argument("--out", type=Path, required=True, help="folder to write them into")
    args.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args.add_argument("--start", type=int, default=0, help="index of the first seed (default 0)")
    options = args.parse_args(argv)
    paths = synthesise(options.out, options.n, options.seed, options.start)
    print(f"synth: {len(paths)} seeds written to {options.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
