"""Topics are what a story is about, not a word it uses once: weak keywords need support, names are no keywords,
forms of one keyword are one piece of evidence. Stories written for these tests in the style of several wires."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.parse import parse_text
from generator.tagging.tagger import tag_article
from generator.tagging.taxonomy import Taxonomy, load_taxonomy
from generator.tagging.topics import alternatives, score_topics, topic_index, words_and_names


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def _topics(seed: str, taxonomy: Taxonomy) -> set[str]:
    return set(tag_article(parse_text(seed.strip() + "\n", Path("story.txt")), taxonomy).topics)


# (seed text, topics the story must not get, topics it must get)
STORIES = {
    "air strikes are no labour strikes (Reuters)": ("""
NATO jets pound positions near Tripoli

TRIPOLI, June 7 (Reuters) - NATO warplanes carried out a wave of air strikes on the Libyan capital on Tuesday, hitting
compounds near the leader's residence, witnesses said.

The alliance said the strikes targeted command centres. Government officials said 31 people were killed.

Rebels in the east said they had advanced towards Brega after heavy shelling overnight.
""", {"labour"}, {"conflict"}),
    "palm oil is no energy (Bernama-style Reuters)": ("""
Malaysia's palm oil exports rise 8 pct in May

KUALA LUMPUR, June 1 (Reuters) - Malaysia's palm oil exports rose 8 percent in May from April to 1.42 million tonnes,
cargo surveyor data showed on Monday, as buyers in India restocked ahead of festivals.

Crude palm oil futures on the Bursa Malaysia Derivatives exchange rose 1.2 percent. Exports of palm olein to China
fell, the surveyor said. Traders said soybean oil prices in Chicago also supported the market.
""", {"energy"}, {"commodities"}),
    "a gold mine rescue is no commodity story (AP)": ("""
Rescuers free 12 miners trapped in flooded shaft

JOHANNESBURG, South Africa (AP) - Rescuers on Thursday pulled 12 miners alive from a flooded gold mine west of
Johannesburg, two days after water burst into a shaft 800 metres underground.

Three miners are still missing, the company said. Rescue teams pumped out thousands of tonnes of water and mud before
reaching the men, who were taken to hospital. Survivors said they had shared one bottle of water.
""", {"commodities", "energy"}, {"humanitarian"}),
    "the bank of a river is no bank (AFP)": ("""
Floods force thousands from homes in Bangladesh

DHAKA, Aug 3 (AFP) - Floods swept through northern Bangladesh on Saturday after the Jamuna river burst its bank,
forcing 20,000 people from their homes, officials said.

Relief workers handed out rice and water. The river bank gave way near Sirajganj, and the death toll rose to 14.
""", {"banking", "labour"}, {"humanitarian"}),
    "the Labour party is no labour topic (Reuters)": ("""
Labour holds seat in northern by-election

LONDON, March 5 (Reuters) - Britain's opposition Labour party held the seat of Hartlepool in a by-election on Thursday,
with turnout at 42 percent.

Labour's candidate won 14,000 votes. Labour leader Keir Starmer said voters had rejected the government. The
Conservatives came second, and the Liberal Democrats lost their deposit.
""", {"labour"}, {"elections"}),
    "a price war and energy as vigour are neither conflict nor energy (AP)": ("""
Supermarkets cut milk prices as price war deepens

LONDON (AP) - Britain's biggest supermarkets cut the price of milk again on Wednesday in a price war that shoppers
welcomed and farmers fear.

The chains are fighting for customers with unusual energy, analysts said. The company said its prices would stay low.
""", {"conflict", "energy"}, set()),
    "a World Bank named in passing makes no banking (Xinhua-style Reuters)": ("""
Western nations suspend high-level contacts with China

WASHINGTON, June 20 (Reuters) - The United States and its allies suspended high-level contacts with China on Tuesday
in protest at the crackdown in Beijing, the State Department said.

Diplomats said ambassadors would be recalled for consultations. The World Bank postponed two loans.
""", {"banking", "economy"}, {"diplomacy"}),
    "a confidence vote is politics, not elections or agriculture (TASS)": ("""
Ukrainian parliament backs government in confidence vote

KIEV, February 16. /TASS/. Ukraine's parliament on Tuesday backed the government in a no confidence vote, with 194
lawmakers voting against the motion.

The opposition had accused the cabinet of failing to carry out reforms. The prime minister, a farmer's son, thanked
parliament. Lawmakers from the ruling coalition said the vote ended a month of crisis.
""", {"elections", "agriculture"}, {"politics"}),
    "a money-laundering probe of a bank is no economy story (Reuters)": ("""
Danske Bank faces criminal probe over Estonian branch

COPENHAGEN, Nov 28 (Reuters) - Danish prosecutors charged Danske Bank with breaching anti-money laundering laws at its
Estonian branch, where 200 billion euros of suspicious payments flowed through, the prosecutor said.

The bank said it would cooperate. Its shares fell 3 percent. Economic crime investigators said the case was the
largest they had handled.
""", {"economy"}, {"law"}),
    "a labour strike is still labour (Interfax-style)": ("""
Dockworkers strike over wages at St Petersburg port

ST PETERSBURG, May 12 (Interfax) - Dockworkers at the St Petersburg port went on strike on Monday demanding higher wages,
the dockers' trade union said.

Union leaders said 2,000 workers had joined the strike. The port operator said loading of ships had slowed.
""", set(), {"labour"}),
    "a central bank rate decision is still banking (Reuters)": ("""
Bank of Canada raises key interest rate to 4.5 pct

OTTAWA, Jan 25 (Reuters) - The Bank of Canada raised its key interest rate by a quarter point to 4.5 percent on
Wednesday and said it expected to pause, as inflation slows.

The central bank said higher borrowing costs were weighing on spending, and commercial banks raised their prime rates.
""", {"labour", "agriculture"}, {"banking"}),
    "a terrorist bombing is security, not war (AP)": ("""
Man charged in federal building bombing

DENVER (AP) - A man was charged on Friday with the truck bombing of a federal office building that killed 41 people,
and prosecutors said he had acted alone.

Federal agents said the bomb was made of fertiliser and fuel oil. Police said the suspect was arrested near the
motorway an hour after the explosion, and the FBI said it had found explosives at a farm he rented.
""", {"conflict", "transport", "agriculture"}, {"security"}),
    "a rail strike threat is labour (Canadian Press)": ("""
Railway, Teamsters reach tentative deal ending strike threat

CALGARY (CP) - Canada's second-largest railway and the union representing its engineers reached a tentative
agreement on Saturday, averting a strike that would have halted freight trains across the country.

The strike threat had alarmed shippers. The union said members would vote on the three-year contract next month.
""", set(), {"labour"}),
}


@pytest.mark.parametrize("name", sorted(STORIES))
def test_a_topic_is_what_the_story_is_about(name, taxonomy):
    seed, wrong, right = STORIES[name]
    topics = _topics(seed, taxonomy)
    assert not topics & wrong, topics
    assert right <= topics, topics


def test_a_keyword_capitalised_inside_a_sentence_is_read_as_a_name():
    words, names, inside = words_and_names("Strikes spread. The Labour leader said labour costs rose (Energy is up).")
    assert [word for word, flag in zip(words, inside) if flag] == ["labour"]  # "Labour leader", not "labour costs"
    assert not inside[words.index("strikes")] and not inside[words.index("energy")]  # sentence start, bracket
    assert words_and_names("LABOUR STRIKES SPREAD")[2] == [False, False, False]  # a headline in capitals


def test_weak_keywords_count_only_beside_a_keyword_of_their_topic(taxonomy):
    weak_only = score_topics([("The workers went on strike over jobs.", 1.0)], taxonomy)
    assert "labour" not in {found.topic for found in weak_only}
    supported = score_topics([("The workers went on strike over jobs and wages.", 1.0)], taxonomy)
    labour = next(found for found in supported if found.topic == "labour")
    assert labour.score == 4.0 and len(labour.keywords) == 4


def test_forms_of_one_keyword_are_one_piece_of_evidence(taxonomy):
    found = score_topics([("Farmers said farming was hard for farmers on the farm.", 1.0)], taxonomy)
    agriculture = next(score for score in found if score.topic == "agriculture")
    assert agriculture.keywords == {"farming", "farmers?", "farm"}
    assert topic_index(taxonomy).keyword_of("agriculture", "farmer") == "farmers?"


def test_alternatives_split_only_at_the_top_level():
    import re
    assert alternatives(re.compile(r"\b(?:a(?:b|c)|[|x]|d\|e|f)\b")) == ["a(?:b|c)", "[|x]", r"d\|e", "f"]


@pytest.mark.parametrize(("yaml", "key"), [
    ("topics:\n  labour: {keywords: 'unions', weak: 'strikes?', also: 'x'}\n", "topics.labour"),
    ("topics:\n  labour: {weak: 'strikes?'}\n", "topics.labour"),
    ("topics:\n  labour: {keywords: 'unions', weak: ['strikes']}\n", "topics.labour"),
    ("topics:\n  labour: {keywords: 'unions', weak: '(strikes'}\n", "topics.labour"),
    ("topics:\n  labour: 3\n", "topics.labour"),
])
def test_a_bad_topic_entry_names_its_key(tmp_path, yaml, key):
    path = tmp_path / "tags.yaml"
    path.write_text(yaml, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_taxonomy(path)
    assert key in str(error.value)


def test_a_topic_with_weak_keywords_loads_them_apart(tmp_path):
    path = tmp_path / "tags.yaml"
    path.write_text("topics:\n  labour: {keywords: 'unions', weak: 'strikes?'}\n  sport: 'golf'\n", encoding="utf-8")
    taxonomy = load_taxonomy(path)
    assert taxonomy.topics["labour"].fullmatch("strikes") and taxonomy.topics["labour"].fullmatch("unions")
    assert taxonomy.weak_topic_keywords["labour"].fullmatch("strike")
    assert not taxonomy.weak_topic_keywords["labour"].fullmatch("unions") and "sport" not in taxonomy.weak_topic_keywords


def test_a_mountain_s_summit_is_no_diplomacy(taxonomy):
    volcano = score_topics([("Ash rose 3 km above the summit, and officials will visit the villages.", 1.0)], taxonomy)
    assert "diplomacy" not in {found.topic for found in volcano}
    meeting = score_topics([("Leaders met for summit talks on trade at the summit in Osaka.", 1.0)], taxonomy)
    assert "diplomacy" in {found.topic for found in meeting}


def test_a_topic_named_in_one_late_sentence_is_a_side_remark(taxonomy):
    story = """
Train derails near Eschede, scores feared dead

ESCHEDE, Germany, June 3 (Reuters) - A high-speed train derailed and hit a road bridge near Eschede on Wednesday,
killing at least 100 people, police said.

Rescue workers cut through the crushed carriages into the night, and rail officials closed the line.

Chancellor Helmut Kohl, campaigning for general elections in September, cancelled a rally and flew to the site.
"""
    topics = _topics(story, taxonomy)
    assert "elections" not in topics and "transport" in topics, topics


def test_a_toxic_gas_leak_is_no_energy_story_and_gas_transit_is(taxonomy):
    leak = _topics("""
Gas leak at pesticide plant kills hundreds

BHOPAL, India, Dec 3 - Poisonous gas leaking from a pesticide factory killed at least 410 people overnight.

The gas escaped from a storage tank shortly after midnight and drifted over the shanty towns, officials said.
""", taxonomy)
    transit = _topics("""
Contract for gas transit to EU cannot be renewed, Putin says

MOSCOW, Dec 26 (TASS) - The contract for gas transit through Ukraine cannot be renewed before the New Year, President
Vladimir Putin said on Thursday. Gas supplies to Europe will fall, he said.
""", taxonomy)
    assert "energy" not in leak and "energy" in transit, (leak, transit)
