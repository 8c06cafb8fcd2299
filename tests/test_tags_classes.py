"""Tagging, issue 16 round 4: the classes of wrong tags met on unseen stories, each by its general rule.

The stories here are written for these tests in the manner of several wires; none is copied from a test set."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.model import Article, Block, Dateline
from generator.search_index.aliases import alias_groups
from generator.tagging.gazetteer import EXTRA_PLACES, gazetteer, read_extra_places
from generator.tagging.tagger import tag_article
from generator.tagging.taxonomy import Taxonomy, load_taxonomy
from generator.tagging.text import mentions

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def _tags(headline: str, *paragraphs: str, place: str | None = None, region: str | None = None):
    article = Article(Path("t.txt"), headline, None, Dateline(place=place, region=region),
                      [Block("paragraph", text) for text in paragraphs])
    return tag_article(article, taxonomy=load_taxonomy())


# 1. A dateline place the story does not discuss, and the country it implies.

def test_a_story_filed_from_one_country_about_firms_of_others_is_not_tagged_with_the_filing_country():
    tags = _tags("Dutch insurer sells Polish unit", "Van Riel Verzekeringen said on Monday it would sell its Polish "
                 "unit to Allegrus Ubezpieczenia for 300 million euros. Van Riel Verzekeringen said the sale would "
                 "close in May.", place="London")
    assert tags.dateline_place == "London"
    assert "London" not in tags.ranked and "United Kingdom" not in tags.ranked, tags.ranked


def test_the_home_of_a_company_filed_from_its_own_country_stays_a_tag():
    tags = _tags("Harlow Mills quarterly profit rises", "Harlow Mills Inc said on Tuesday its second-quarter profit "
                 "rose 12 pct on higher flour sales. Harlow Mills said it would raise its dividend.", place="Chicago")
    assert "United States" in tags.places and "Chicago" not in tags.ranked, tags.ranked


def test_a_country_the_story_speaks_of_stays_a_tag_whatever_else_it_names():
    tags = _tags("Rand slips", "The rand fell as South African miners went on strike, traders in Johannesburg said. "
                 "Japanese buyers held off.", place="Johannesburg")
    assert "South Africa" in tags.places, tags.ranked


# 2. Compound adjectives of home: X-based, X-listed, X-born, X-registered.

@pytest.mark.parametrize(("text", "home"), [
    ("The Boston-based fund manager Greyline Partners said it sold its stake in Marlow Foods.", "Boston"),
    ("Shares of Toronto-listed Northgate Minerals fell after Northgate Minerals cut its forecast.", "Toronto"),
    ("Cyprus-registered Pelagos Shipping owns the tanker, Pelagos Shipping said.", "Cyprus"),
    ("Texas-born investor Dale Whitcomb said Whitcomb Holdings would bid.", "Texas"),
    ("The Hong Kong-headquartered lender said profit rose; Lantau Bank said loans grew.", "Hong Kong"),
])
def test_where_a_firm_or_person_is_at_home_is_no_tag_of_the_story(text, home):
    tags = _tags("Deal news", text, place="Geneva")
    assert home not in tags.ranked, tags.ranked


def test_a_home_the_story_also_names_on_its_own_stays_a_tag():
    tags = _tags("Boston fund buys stake", "The Boston-based fund Greyline Partners said it bought a stake. Greyline "
                 "Partners also opened an office in Boston.", place="New York")
    assert "Boston" in tags.places, tags.ranked


def test_a_currency_written_with_a_countrys_letters_names_no_place():
    assert [m.text for m in mentions("Lin raised US$40 million, HK$2 billion and NT$9 billion in Taipei.", 1.0)] \
        == ["Lin", "Taipei"]
    tags = _tags("Seoul chipmaker profit falls", "Hanbit Semiconductor said profit fell to 95 billion won (US$71 "
                 "million). Hanbit Semiconductor blamed weak demand.", place="Seoul")
    assert "United States" not in tags.ranked, tags.ranked


# 3. Government bodies whose last word looks like a surname.

@pytest.mark.parametrize(("text", "body", "wrong"), [
    ("The Executive Yuan approved the budget. Premier Lin Chia-hao told the Legislative Yuan it was balanced.",
     "Executive Yuan", {"Yuan", "Lin Chia-hao Yuan"}),
    ("The State Duma passed the bill on Wednesday. The State Duma will debate it again in May.", "State Duma",
     {"Duma", "Dūmā"}),
    ("Deputies of the Verkhovna Rada voted 251-40 for the law. The Verkhovna Rada then adjourned.", "Verkhovna Rada",
     {"Rada"}),
    ("The Sejm approved the treaty, and Speaker Adam Wrona said the Sejm would vote again.", "Sejm", {"Speaker"}),
    ("Iran's Majlis backed the plan. Lawmakers in the Majlis said oil exports would rise.", "Majlis", set()),
])
def test_legislatures_in_their_own_language_are_organisations(text, body, wrong):
    tags = _tags("Parliament votes", text)
    assert body in tags.organisations and not wrong & set(tags.ranked) and body not in tags.people, tags


# 4. Firms and research bodies by what the text says around them.

@pytest.mark.parametrize(("text", "firm"), [
    ("Barki Tojik said in a statement that power would be rationed.", "Barki Tojik"),
    ("Tavrida Energo said in a regulatory filing that output rose.", "Tavrida Energo"),
    ("A court fined Yugraneftegaz. Yugraneftegaz will appeal, a lawyer said.", "Yugraneftegaz"),
    ("Gazprom Neft said it raised output. Gazprom Neft will pay a dividend.", "Gazprom Neft"),
    ("Pollsters at the Levada Centre found support fell. The Levada Centre polled 1,600 people.", "Levada Centre"),
    ("America Movil said it would cut prices. America Movil shares rose.", "America Movil"),
])
def test_firms_and_centres_are_organisations_not_people_or_places(text, firm):
    tags = _tags("Company news", text)
    assert firm in tags.organisations and firm not in tags.people + tags.places, tags


def test_a_person_who_speaks_in_writing_is_still_a_person():
    tags = _tags("Minister resigns", "Finance Minister Olga Varga said in a statement she would resign. Varga gave no "
                 "reason.")
    assert "Olga Varga" in tags.people, tags


# 5. Places the packages lack or spell otherwise.

@pytest.mark.parametrize(("written", "name", "kind", "country"), [
    ("Bangalore", "Bengaluru", "city", "IN"), ("Frankfurt", "Frankfurt", "city", "DE"),
    ("Nizhniy Novgorod", "Nizhny Novgorod", "city", "RU"), ("Odessa", "Odesa", "city", "UA"),
    ("Guangdong", "Guangdong", "state", "CN"), ("Bavaria", "Bavaria", "state", "DE"),
    ("Tamil Nadu", "Tamil Nadu", "state", "IN"), ("Sverdlovsk Oblast", "Sverdlovsk Region", "state", "RU"),
    ("Minas Gerais", "Minas Gerais", "state", "BR"), ("Hokkaido", "Hokkaido", "state", "JP"),
    ("Latin America", "Latin America", "region", None),
])
def test_the_extra_places_give_divisions_cities_and_spellings_their_country(written, name, kind, country):
    place = gazetteer().lookup(written, 100_000)
    assert (place.name, place.kind, place.country) == (name, kind, country)


def test_every_extra_place_row_is_well_formed():
    rows = read_extra_places(EXTRA_PLACES)
    assert len(rows) > 150
    countries = gazetteer().countries
    seen: dict[str, str] = {}
    for place, spellings in rows:
        assert place.kind in ("state", "region", "city"), place
        assert place.country is None or place.country in countries, place
        assert (place.population > 0) == (place.kind == "city"), place
        for spelling in (place.name, *spellings):
            assert seen.setdefault(spelling.casefold(), place.name) == place.name, (spelling, place)


def test_a_second_spelling_of_a_city_is_one_tag():
    tags = _tags("Bengaluru traffic", "Commuters in Bangalore lost 240 hours a year, a study of Bengaluru found. "
                 "Bangalore police disagreed.", place="Bengaluru")
    assert "Bengaluru" in tags.places and "Bangalore" not in tags.ranked, tags.ranked


# 6. "America" inside other names.

@pytest.mark.parametrize("text", [
    "Exports to Latin America rose. Latin America now buys a third of the output.",
    "Bank of America cut its forecast. Bank of America analysts expect a slowdown.",
    "Rains hit South America and Central America, forecasters said.",
])
def test_america_inside_another_name_is_not_the_united_states(text):
    tags = _tags("Regional report", text, place="Madrid")
    assert "United States" not in tags.ranked, tags.ranked


def test_search_aliases_leave_out_a_word_of_another_name_and_places_keep_it(tmp_path):
    taxonomy = tmp_path / "tags.yaml"
    taxonomy.write_text("aliases:\n  America: United States\n  US: United States\n  Kiev: Kyiv\n"
                        "types:\n  Bank of America: organisation\n", encoding="utf-8")
    assert alias_groups(taxonomy, search=True) == [["Kyiv", "Kiev"], ["United States", "US"]]
    assert alias_groups(taxonomy) == [["Kyiv", "Kiev"], ["United States", "America", "US"]]
    assert ["United States", "US", "USA", "United States of America"] in alias_groups(PROJECT / "tags.yaml", search=True)


def test_search_aliases_are_read_with_the_bounded_yaml_loader(tmp_path):
    bomb = tmp_path / "tags.yaml"
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join(f'*a{n - 1}' for _ in range(10))}]" for n in range(1, 8)]
    bomb.write_text("\n".join(lines) + "\naliases: {Kiev: Kyiv}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        alias_groups(bomb)
    assert str(bomb) in str(raised.value)


# 7. One canonical tag for a second name of an entity.

@pytest.mark.parametrize(("text", "one", "others"), [
    ("The Organisation of the Petroleum Exporting Countries met in Vienna. OPEC said output would hold.", "OPEC",
     {"Organisation of the Petroleum Exporting Countries", "Organization of the Petroleum Exporting Countries"}),
    ("The Financial Supervisory Service fined Hanul Bank. The Supervisory Service said more fines may follow.",
     "Financial Supervisory Service", {"Supervisory Service"}),
    ("The North Atlantic Treaty Organisation (NATO) met. NATO ministers agreed.", "NATO",
     {"North Atlantic Treaty Organisation"}),
    ("The Nordic Grain Council (NGC) cut its estimate. The NGC sees a smaller harvest.", "Nordic Grain Council",
     {"NGC"}),
])
def test_acronyms_short_forms_and_spellings_give_one_tag(text, one, others):
    tags = _tags("Report", text, place="Vienna")
    assert one in tags.organisations and not others & set(tags.ranked), tags.ranked


def test_a_short_form_of_generic_words_is_not_folded_into_a_longer_body():
    tags = _tags("Banks meet", "The European Central Bank held rates. The Central Bank of Ireland said it agreed, "
                 "and the Central Bank will publish minutes.", place="Dublin")
    assert "European Central Bank" in tags.organisations, tags.ranked


# 8. Round 5: spans that glue a post, a descriptor or a demonym to a name, two bodies joined by "and", things named
# like people, and legal suffixes of more countries.

def test_a_post_of_a_body_is_no_name_and_its_holder_is_a_person():
    tags = _tags("Trade pact signed", "Chairman of the Kazakh Council of Ministers Yerlan Sadykov signed the pact in "
                 "Astana on Friday. Sadykov said trade would double.",
                 "The Chief Executive of the Macau Special Administrative Region, Ho Wai-chung, attended.")
    assert "Yerlan Sadykov" in tags.people
    assert not [tag for tag in tags.ranked if tag.startswith(("Chairman", "Chief Executive"))]


def test_how_a_body_is_run_is_not_part_of_its_name():
    tags = _tags("Broadcaster silent", "State-owned Radio Kabul went off the air on Sunday, and Government-run "
                 "Television Kabul followed. Radio Kabul had broadcast for 60 years.")
    assert "Radio Kabul" in tags.organisations and not tags.people
    assert not [tag for tag in tags.ranked if "-" in tag.split()[0]]


def test_a_demonym_before_a_sea_or_region_is_not_part_of_the_place():
    tags = _tags("Grain shipments resume", "Ships loaded grain at the Ukrainian Black Sea port of Odesa. The "
                 "Turkish Aegean Sea coast was calm, and the Korean Peninsula stayed quiet.")
    assert {"Black Sea", "Aegean Sea", "Korean Peninsula"} <= set(tags.places)
    assert not [tag for tag in tags.places if tag.startswith(("Ukrainian", "Turkish"))]


def test_two_banks_joined_by_and_are_two_organisations():
    tags = _tags("Canadian banks rally", "Shares of National Bank of Canada and Bank of Nova Scotia rose 2 percent "
                 "on Tuesday. National Bank of Canada said profit rose.")
    assert {"National Bank of Canada", "Bank of Nova Scotia"} <= set(tags.organisations)
    assert not [tag for tag in tags.ranked if " and " in tag]


def test_a_painting_or_a_ship_named_like_a_person_is_no_person():
    tags = _tags("Girl with a Pearl Earring returns", "Crowds queued in The Hague to see the Anna Vermeer after its "
                 "restoration. The Anna Vermeer hangs in the Mauritshuis.",
                 "The Maria Kowalska, a Polish bulk carrier, docked in Gdansk. Captain Jan Nowak said the crossing "
                 "was rough.")
    assert "Jan Nowak" in tags.people
    assert not {"Anna Vermeer", "Maria Kowalska"} & set(tags.people)


@pytest.mark.parametrize("written, name", [("Petronas Dagangan Sdn Bhd", "Petronas Dagangan"),
                                            ("Volga Tanker Fleet PJSC", "Volga Tanker Fleet")])
def test_legal_suffixes_of_more_countries_are_dropped(written, name):
    tags = _tags("Results", f"{written} reported higher profit on Monday. {name} said sales rose 10 percent.")
    assert name in tags.organisations and written not in tags.organisations


@pytest.mark.parametrize("year, ministry", [(1987, "West German Finance Ministry"), (2008, "German Finance Ministry")])
def test_a_national_body_of_a_state_of_the_time_takes_its_adjective(year, ministry):
    import datetime as dt

    article = Article(Path("t.txt"), "Bundesbank holds rates", None, Dateline(place="Frankfurt"), [Block(
        "paragraph", "The Bundesbank left rates unchanged in Frankfurt on Thursday. The Finance Ministry in Bonn said "
        "the mark was stable. The Russian Orthodox Church in Bonn held a service.")])
    article.date = dt.date(year, 3, 5)
    tags = tag_article(article, load_taxonomy())
    assert ministry in tags.organisations and "Russian Orthodox Church" in tags.organisations


def test_rates_accounting_standards_and_competitions_are_no_entities():
    tags = _tags("Lukoil profit up 12% - IFRS", "Lukoil said on Friday its net profit under IFRS rose 12 percent. "
                 "The Bank of England kept Bank Rate at 5 percent, and the Federal Funds Rate was unchanged.",
                 "Andy Murray won Wimbledon for the second time; he will play the Davis Cup in Glasgow.")
    assert {"Lukoil", "Bank of England", "Andy Murray"} <= set(tags.ranked)
    assert not {"IFRS", "Bank Rate", "Federal Funds Rate", "Wimbledon", "Davis Cup"} & set(tags.ranked)


# 9. Round 6: demonyms of every country are evidence for it, never a tag (the tags.yaml list names the irregular ones;
# the regular ones, "Kuwaiti", "Rwandan", "Sudanese", are made from the country's name).

@pytest.mark.parametrize(("headline", "text", "place", "demonym", "country"), [
    ("Kuwaiti-owned tanker seized in Gulf", "A Kuwaiti-owned tanker was seized in the Gulf on Monday, shipping sources "
     "said. Kuwaiti officials declined to comment, and the Kuwaiti crew was safe.", "DUBAI", "Kuwaiti", "Kuwait"),
    ("Qatari fund buys stake in London tower", "A Qatari sovereign fund has bought a 20 percent stake in the Marlowe "
     "Tower, the Qatari investors said on Tuesday. Qatari officials declined comment.", "LONDON", "Qatari", "Qatar"),
    ("Omani envoy carries message to Tehran", "(AFP) - An Omani envoy carried a message to Tehran on Sunday, the Omani "
     "foreign ministry said. Omani mediation has helped before.", "MUSCAT", "Omani", "Oman"),
    ("Rwandan troops withdraw", "KIGALI, May 4 (Xinhua) -- Rwandan troops began withdrawing from the border area, "
     "the army said. Rwandan officials said the pull-back would take a week.", None, "Rwandan", "Rwanda"),
    ("Sudanese refugees cross into Chad", "Thousands of Sudanese refugees crossed the border this week, UNHCR said. "
     "Sudanese families described fighting in Darfur.", "GENEVA", "Sudanese", "Sudan"),
    ("Yemeni rebels claim attack", "Yemeni rebels said they fired drones at a ship on Friday. The Yemenis said "
     "more attacks would follow.", "ADEN", "Yemeni", "Yemen"),
    ("Emirati carrier orders 40 jets", "DUBAI (Reuters) - An Emirati carrier ordered 40 wide-body jets on Monday. "
     "Emirati aviation officials said deliveries would start in 2028.", None, "Emirati", "United Arab Emirates"),
])
def test_a_demonym_is_evidence_for_its_country_never_a_tag(headline, text, place, demonym, country):
    tags = _tags(headline, text, place=place)
    assert not [tag for tag in tags.ranked if tag.split("-")[0].startswith(demonym)], tags.ranked
    assert country in tags.places, tags.ranked


# 10. Round 6: names of things that are no entity: eponymous terms, eras, speeches, holidays, grades, craft.

@pytest.mark.parametrize(("headline", "text", "place", "kept", "wrong"), [
    ("Adviser jailed for $40 mln Ponzi scheme", "NEW YORK (AP) — A Long Island investment adviser who ran a $40 "
     "million Ponzi scheme was sentenced to 20 years in prison on Thursday. Prosecutors said the Ponzi scheme paid "
     "early investors with later investors' money.", "NEW YORK", set(), {"Ponzi"}),
    ("Fund accused of Ponzi-style fraud", "WASHINGTON (Reuters) - The Securities and Exchange Commission accused "
     "Harlan Capital of running a Ponzi-style fraud. Harlan Capital said it would fight the charges.", "WASHINGTON",
     {"Harlan Capital"}, {"Ponzi", "Ponzi-style"}),
    ("Japan bids farewell to Heisei", "TOKYO, April 30 (Kyodo) -- Japan bade farewell to the Heisei era on Tuesday as "
     "Emperor Akihito stepped down. Heisei began in 1989; the Reiwa era starts on Wednesday.", "TOKYO", {"Japan"},
     {"Heisei", "Reiwa"}),
    ("Showa-era flats razed", "Developers are razing Showa-era apartment blocks across Tokyo. Many were built in the "
     "Showa period, the developer Kintetsu Realty said.", "TOKYO", set(), {"Showa", "Showa-era"}),
    ("Trump's State of the Union", "WASHINGTON (Reuters) - President Donald Trump used his State of the Union address "
     "on Tuesday to call for unity. In the State of the Union, Trump also urged Congress to act.", "WASHINGTON",
     {"Donald Trump"}, {"State of the Union"}),
    ("King's Speech sets out 40 bills", "LONDON (PA) - The government set out 40 bills in the King's Speech on "
     "Wednesday, and Prime Minister Keir Starmer said the King's Speech would bring growth.", "LONDON",
     {"Keir Starmer"}, {"Speech", "King's Speech"}),
    ("Brent climbs", "LONDON, Jan 9 (Reuters) - Brent crude rose 50 cents to $82 a barrel. Brent has gained 10 "
     "percent this month, and Urals blend traded at a discount, traders said.", "LONDON", set(), {"Brent", "Urals"}),
    ("Oil climbs", "SINGAPORE (Bloomberg) -- Brent Crude futures rose 1 percent to $84 a barrel. Brent has gained "
     "for three days, while West Texas Intermediate crude added 0.8 percent.", "SINGAPORE", set(),
     {"Brent", "Brent Crude", "West Texas Intermediate", "Texas"}),
    ("Holiday travel record", "NEW YORK (AP) — A record 55 million people will travel for Thanksgiving, AAA said. "
     "Thanksgiving Day traffic will peak on Wednesday, and Budget Day in Britain falls the same week.", "NEW YORK",
     set(), {"Thanksgiving", "Thanksgiving Day", "Budget Day"}),
    ("Keynesians win the argument", "(AFP) - Economists are turning back to Keynesian ideas, while Marxist and "
     "Thatcherite critics say stimulus fuels inflation, said Paul Krugman.", "PARIS", {"Paul Krugman"},
     {"Keynesian", "Marxist", "Thatcherite"}),
    ("Challenger remembered", "CAPE CANAVERAL, Fla. (AP) — NASA remembered the crew of the shuttle Challenger. "
     "Challenger broke apart 73 seconds after liftoff, and the capsule Soyuz TMA-7 later flew.", "CAPE CANAVERAL",
     {"NASA"}, {"Challenger", "Soyuz TMA-7"}),
    ("Wall Street closes higher", "NEW YORK (Reuters) - The Dow Jones Industrial Average rose 300 points and the "
     "Nasdaq Composite gained 2 percent. In Seoul the Kospi fell 1 percent; the Kospi has lost 5 percent this "
     "month, and banks that rigged Libor paid fines.", "NEW YORK", set(),
     {"Dow Jones Industrial Average", "Nasdaq Composite", "Kospi", "Libor"}),
    ("Actor knighted", "LONDON (PA) - Actor Idris Elba was knighted in the King's Birthday Honours on Friday. The "
     "New Year Honours list will follow.", "LONDON", set(), {"Birthday Honours", "New Year Honours"}),
    ("Carrier sails for Asia", "LONDON (PA) - HMS Queen Elizabeth sailed from Portsmouth on Monday. HMS Queen "
     "Elizabeth will visit Japan, and the USS Carl Vinson will join her.", "LONDON", {"Portsmouth"},
     {"Queen Elizabeth", "HMS Queen Elizabeth", "Carl Vinson", "USS Carl Vinson"}),
    ("Probe reaches Jupiter", "PASADENA, Calif. (AP) — The Juno spacecraft went into orbit around Jupiter on Monday. "
     "Juno will study the planet's core, NASA said.", "PASADENA", {"NASA"}, {"Juno", "Jupiter"}),
    ("Pilgrims begin Hajj", "MECCA (AFP) - Two million pilgrims began the Hajj on Sunday, Saudi authorities said. "
     "The Hajj pilgrimage ends with Eid al-Adha, and Indian retailers expect record Diwali festival sales.",
     "MECCA", set(), {"Hajj", "Diwali", "Eid al-Adha"}),
    ("Oppenheimer wins at Oscars", "LOS ANGELES (Reuters) - Christopher Nolan won best director at the Academy Awards "
     "on Sunday. The Academy Awards telecast drew 19 million viewers, and the Nobel Peace Prize went to Narges "
     "Mohammadi.", "LOS ANGELES", {"Christopher Nolan"}, {"Academy Awards", "Nobel Peace Prize"}),
    ("Starliner docks", "HOUSTON (AP) — Boeing's Starliner capsule docked with the International Space Station on "
     "Thursday. Starliner will return next week, NASA said. Vantor Orbital said a Vantor Orbital capsule was ready "
     "if needed.", "HOUSTON", {"NASA", "Vantor Orbital"}, {"Starliner"}),
])
def test_names_of_terms_eras_speeches_and_craft_are_no_tags(headline, text, place, kept, wrong):
    tags = _tags(headline, text, place=place)
    assert kept <= set(tags.ranked) and not wrong & set(tags.ranked), tags.ranked


def test_a_person_or_a_place_in_a_compound_stays_an_entity_where_the_story_names_it():
    tags = _tags("Agency scraps Obama-era rule", "WASHINGTON (AP) — The Environmental Protection Agency scrapped an "
                 "Obama-era rule on Monday. Former President Barack Obama had called the rule vital, and Obama "
                 "allies vowed to sue. The Kuwaiti-flagged tanker and Moscow-style apartment blocks were not "
                 "affected, Moscow said.", place="WASHINGTON")
    assert {"Barack Obama", "Environmental Protection Agency"} <= set(tags.ranked), tags.ranked
    assert not {"Obama-era", "Kuwaiti-flagged", "Moscow-style"} & set(tags.ranked), tags.ranked


def test_a_body_or_a_place_before_a_term_noun_stays_an_entity():
    tags = _tags("Bank of England rate decision", "LONDON (Reuters) - Markets await the Bank of England rate decision "
                 "on Thursday. The Bank of England is expected to hold, and the Basra oil terminal in Iraq was shut.",
                 place="LONDON")
    assert {"Bank of England", "Iraq"} <= set(tags.ranked), tags.ranked


# 11. Round 6: one entity under one name: a company and its group form, a bank and a demonym's reordering of its name,
# the Pentagon and the Department of Defense; a place read from inside the name of a plant or a title is no tag.

@pytest.mark.parametrize(("headline", "text", "place", "one", "others"), [
    ("UBS profit beats forecasts", "ZURICH (Reuters) - UBS Group AG posted a second-quarter profit of $1.1 billion on "
     "Tuesday. UBS said its wealth management arm drew $27 billion of new money.", "ZURICH", "UBS", {"UBS Group"}),
    ("Sasol cuts output target", "JOHANNESBURG (Bloomberg) -- Sasol Holdings Ltd lowered its fuel output target. "
     "Sasol blamed outages at its Secunda refinery.", "JOHANNESBURG", "Sasol", {"Sasol Holdings"}),
    ("Harwell files for bankruptcy", "NEW YORK (Reuters) - Harwell Brothers Holdings Inc filed for Chapter 11 "
     "protection on Monday. Harwell said its broker-dealer unit would keep trading.", "NEW YORK", "Harwell Brothers",
     {"Harwell Brothers Holdings"}),
    ("SoftBank swings to loss", "TOKYO (Kyodo) -- SoftBank Group Corp posted a quarterly loss on Tuesday as SoftBank "
     "marked down its technology holdings.", "TOKYO", "SoftBank", {"SoftBank Group"}),
    ("SBI profit jumps", "MUMBAI (PTI) State Bank of India posted a 20 per cent rise in quarterly profit. The Indian "
     "State Bank said bad loans fell, and the State Bank would open 500 branches.", "MUMBAI", "State Bank of India",
     {"Indian State Bank", "State Bank"}),
    ("CBA record profit", "SYDNEY (AAP) - Commonwealth Bank of Australia reported a record profit. The Australian "
     "Commonwealth Bank said margins narrowed.", "SYDNEY", "Commonwealth Bank of Australia",
     {"Australian Commonwealth Bank"}),
    ("Pentagon seeks $850 bln", "WASHINGTON (AP) — The Pentagon asked Congress for $850 billion on Monday. The "
     "Defense Department said the money would buy ships, and a Department of Defense spokesman said Congress must "
     "act.", "WASHINGTON", "United States Department of Defense", {"Pentagon", "Department of Defense",
                                                                     "Defense Department"}),
])
def test_a_second_name_of_an_entity_is_folded_into_one_tag(headline, text, place, one, others):
    tags = _tags(headline, text, place=place)
    assert one in tags.organisations and not others & set(tags.ranked), tags.ranked


def test_a_group_whose_first_word_is_a_place_keeps_its_name():
    tags = _tags("China's rail network tops 40,000 km", "BEIJING, Jan. 3 (Xinhua) -- China's high-speed rail network "
                 "has passed 40,000 km, the China State Railway Group said Wednesday.", place="BEIJING")
    assert "China State Railway Group" in tags.organisations, tags.ranked


def test_a_family_firm_keeps_its_group_name_beside_the_family():
    tags = _tags("Tower sold", "NEW YORK (Reuters) - Rockefeller Group Inc sold the tower on Monday. The Rockefeller "
                 "family founded Rockefeller Group, and John D. Rockefeller Jr built the complex.", place="NEW YORK")
    assert "Rockefeller Group" in tags.organisations and "Rockefeller" not in tags.organisations, tags.ranked


def test_the_kremlin_stays_an_organisation_of_its_own():
    tags = _tags("Kremlin says Putin will attend", "MOSCOW (Interfax) - The Kremlin said President Vladimir Putin "
                 "would attend the summit. Kremlin spokesman Dmitry Peskov gave no details.", place="MOSCOW")
    assert "Kremlin" in tags.organisations, tags.ranked


@pytest.mark.parametrize(("headline", "text", "place", "inside"), [
    ("Japan starts releasing water from wrecked plant", "TOKYO (Kyodo) -- Tokyo Electric Power began releasing "
     "treated water from the Fukushima Daiichi nuclear plant on Thursday. The Fukushima Daiichi plant was wrecked by "
     "a tsunami in 2011.", "TOKYO", "Fukushima"),
    ("Royal visits hospital", "LONDON (PA) - The Prince of Wales visited a children's hospital on Tuesday. The Prince "
     "of Wales spoke to nurses and patients.", "LONDON", "Wales"),
    ("Royal steps back", "LONDON (Reuters) - The Duke of York will step back from public duties, the palace said. The "
     "Duke of York denied the claims.", "LONDON", "York"),
    ("Veterans gather on Memorial Day", "WASHINGTON (AP) — Veterans of the Vietnam War gathered at the memorial on "
     "Monday. The Vietnam War ended in 1975; others served in the Gulf War.", "WASHINGTON", "Vietnam"),
    ("Operator starts fourth release", "TOKYO, Feb 28 (Jiji Press) -- TEPCO began a fourth release of treated water "
     "from the Fukushima Daiichi Nuclear Power Station on Wednesday. The Fukushima Daiichi Nuclear Power Station "
     "holds 1.3 million tonnes.", "TOKYO", "Fukushima"),
    ("Reactor to restart", "NEW YORK (Reuters) - Constellation Energy will restart the Three Mile Island nuclear "
     "plant in 2027. The Three Mile Island plant closed in 2019.", "NEW YORK", "Mile Island"),
])
def test_a_place_inside_the_name_of_a_plant_or_a_title_is_no_tag(headline, text, place, inside):
    tags = _tags(headline, text, place=place)
    assert inside not in tags.ranked, tags.ranked


def test_a_place_inside_a_name_that_the_story_also_names_alone_stays_a_tag():
    tags = _tags("Fishermen protest water release", "Fishermen in Fukushima protested on Thursday as water was "
                 "released from the Fukushima Daiichi plant. Fukushima fishing cooperatives said prices fell.",
                 place="TOKYO")
    war = _tags("Iraq War veterans return to Iraq", "BAGHDAD (Reuters) - Twenty years after the Iraq War began, "
                "veterans returned to Iraq on Monday. Iraq's government welcomed them.", place="BAGHDAD")
    assert "Fukushima" in tags.places and "Iraq" in war.places, (tags.ranked, war.ranked)
    assert not {"Iraq War", "Gulf War"} & set(war.ranked), war.ranked
    court = _tags("Tribunal sentences commander", "THE HAGUE (AFP) - The International War Crimes Tribunal sentenced "
                  "a former commander to 20 years. The International War Crimes Tribunal said the ruling was final.",
                  place="THE HAGUE")
    assert "International War Crimes Tribunal" in court.organisations, court.ranked


# 12. Round 6: an implied country is a tag only when the story is about that country's government, policy or economy.

@pytest.mark.parametrize(("headline", "text", "place", "region"), [
    ("Financier charged in $20 mln fraud", "NEW YORK (Reuters) - A Manhattan financier was arrested on Tuesday on "
     "charges he defrauded investors of $20 million, prosecutors said. Kevin Dorsey, 45, was charged with securities "
     "fraud and wire fraud and was released on bail. His lawyer declined to comment.", "NEW YORK", None),
    ("Jury hears opening statements in murder trial", "LOS ANGELES (AP) — Opening statements began on Monday in the "
     "murder trial of Mark Ellison, who is accused of killing his wife at their Pasadena home. Prosecutors told the "
     "jury Ellison acted alone; his lawyer said the evidence was circumstantial.", "LOS ANGELES", None),
    ("Teacher sentenced for embezzlement", "HOUSTON, Texas, March 3 - A former school teacher was sentenced to "
     "eight years in prison on Friday for embezzling $300,000 from a booster club, a judge ruled. Laura Pike pleaded "
     "guilty in January.", "HOUSTON", "Texas"),
])
def test_a_local_crime_or_court_story_is_not_tagged_with_the_implied_country(headline, text, place, region):
    tags = _tags(headline, text, place=place, region=region)
    assert "law" in tags.topics and "United States" not in tags.ranked, tags.ranked


@pytest.mark.parametrize(("headline", "text", "place"), [
    ("Gunman kills three at Texas mall", "DALLAS (Reuters) - A gunman killed three people at a shopping mall in Allen, "
     "Texas, on Saturday before officers shot him dead. Police Chief Brian Harvey said the motive was unclear.",
     "DALLAS"),
    ("Woman turns 110", "BOSTON (AP) — Mary Collins celebrated her 110th birthday on Sunday with cake and a visit "
     "from the mayor. Collins said the secret was hard work.", "BOSTON"),
])
def test_a_story_of_people_alone_is_not_tagged_with_the_implied_country(headline, text, place):
    tags = _tags(headline, text, place=place)
    assert "United States" not in tags.ranked and tags.people, tags.ranked


def test_a_story_of_an_office_holder_keeps_the_implied_country():
    speech = _tags("Biden hails recovery", "WASHINGTON (AP) — President Joe Biden delivered his State of the Union "
                   "address on Thursday, hailing the recovery. Biden spoke for 68 minutes.", place="WASHINGTON")
    budget = _tags("Sunak sets out spending", "LONDON (Reuters) - Chancellor Rishi Sunak will set out his spending "
                   "plans on Wednesday. Sunak is expected to raise taxes.", place="LONDON")
    assert "United States" in speech.places and "United Kingdom" in budget.places, (speech.ranked, budget.ranked)


def test_a_lone_word_for_a_person_is_no_place():
    tags = _tags("Man arrested in subway stabbing", "CHICAGO (AP) — Police arrested a man on Tuesday in the stabbing "
                 "of a teenager on a Chicago train.", place="CHICAGO")
    assert "Man" not in tags.ranked, tags.ranked


def test_a_court_story_that_names_the_country_or_is_between_firms_keeps_it():
    named = _tags("Court upholds ban", "WASHINGTON (Reuters) - A federal appeals court upheld the ban on Friday, "
                  "ruling that the United States government acted within its powers. The judges ruled 2-1.",
                  place="WASHINGTON")
    firms = _tags("DELMAR CHEMICAL WINS PATENT SUIT AGAINST HOLLIS", "WILMINGTON, Del., March 2 - Delmar Chemical "
                  "Co said a federal court ruled that Hollis Plastics Corp infringed its patent, and enjoined Hollis "
                  "from selling the resin. The court will determine damages.", place="WILMINGTON", region="Del.")
    assert "United States" in named.places and "United States" in firms.places, (named.ranked, firms.ranked)


def test_a_foreign_body_named_beside_the_story_s_own_does_not_add_its_country():
    tags = _tags("Fed raises rates by a quarter point", "WASHINGTON (Reuters) - The Federal Reserve raised interest "
                 "rates by a quarter point on Wednesday, and Fed Chair Jerome Powell said more increases may come.",
                 "The Fed said inflation remained too high and the labor market tight. Fed officials see two more "
                 "increases this year.",
                 "Investors now look to the Bank of Japan, which meets next week. The Bank of Japan is expected to "
                 "keep its policy unchanged.", place="WASHINGTON")
    assert {"Federal Reserve", "United States"} <= set(tags.ranked) and "Japan" not in tags.ranked, tags.ranked


def test_a_story_of_a_foreign_body_adds_its_country():
    tags = _tags("BOJ keeps policy steady", "TOKYO (Kyodo) -- The Bank of Japan kept its policy unchanged on "
                 "Friday. The Bank of Japan said prices were rising moderately.", place="TOKYO")
    assert "Japan" in tags.places, tags.ranked


@pytest.mark.parametrize(("headline", "text", "place", "filed_from"), [
    ("BoE holds rates, sterling firms", "FRANKFURT (Reuters) - The Bank of England held interest rates on Thursday, "
     "and sterling firmed. The Bank of England said inflation would fall.", "FRANKFURT", "Germany"),
    ("Bundesbank warns on growth", "TOKYO (Kyodo) -- The Bundesbank warned that the German economy would shrink. The "
     "Bundesbank said exports fell.", "TOKYO", "Japan"),
])
def test_a_story_about_a_foreign_body_is_not_tagged_with_the_country_it_is_filed_from(headline, text, place,
                                                                                    filed_from):
    tags = _tags(headline, text, place=place)
    assert filed_from not in tags.ranked, tags.ranked


def test_the_peoples_of_a_continent_or_a_region_are_no_tags():
    tags = _tags("Four Africans among dead in Lampedusa", "ROME (ANSA) - Four Africans and two Europeans were among the "
                 "dead, the coast guard said. The Africans had sailed from Libya, and Europeans on the island helped.",
                 "Asian and Latin American investors also lost money, Scandinavian banks said.", place="ROME")
    assert not {"Africans", "Europeans", "Asian", "Latin American", "Scandinavian"} & set(tags.ranked), tags.ranked
