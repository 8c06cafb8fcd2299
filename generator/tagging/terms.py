"""Names a story uses as terms, not entities: "a Ponzi scheme", "the Heisei era", "Brent crude", "the State of the
Union address", "the Queen's Speech", "Thanksgiving Day", "Keynesian policies", "the Academy Awards", "the Dow Jones
Industrial Average", "the Starliner capsule", "HMS Queen Elizabeth".

A capitalised word is read as a name, but some name a kind of thing after a person, a place or a time: the shape
of the span and the word after it say so. Once a story uses a name so, every mention of it is of the term ("Brent
crude rose ... Brent has gained"), unless a list knows the name as an entity."""

from __future__ import annotations

import re

from generator.tagging.entities import GRADE_NOUNS
from generator.tagging.gazetteer import gazetteer
from generator.tagging.lexicon import GIVEN_NAMES, ORG_WORDS, SPEECH_VERBS
from generator.tagging.text import Mention, fold

# Lower-case nouns after a name that make it a term: a fraud named for its inventor, an era or a reign, a speech, a
# doctrine or a theory.
TERM_NOUNS = frozenset(
    "scheme schemes era eras period reign dynasty speech speeches address addresses ceremony ceremonies "
    "doctrine theory theories syndrome curve economics festival festivities holiday holidays pilgrimage "
    "celebrations".split())
# Of those, the ones a body's name may stand before and still be a term ("the State of the Union address"); a rate
# or a grade after a body is the body's ("the Bank of England rate decision" names the bank).
SPEECH_NOUNS = frozenset("speech speeches address addresses ceremony ceremonies".split())
# The last word of a capitalised span that names an occasion, not an entity: "the Queen's Speech", "Budget Day",
# "the State of the Union Address".
OCCASION_ENDINGS = frozenset("speech address day eve ceremony award awards prize prizes honours honors".split())
# A word that makes a span the name of a war ("the Vietnam War", "the Gulf War", "World War Two"): an event.
WAR_WORDS = frozenset("war wars".split())
WAR_NUMBERS = frozenset("i ii one two".split())
# The last word of a market index's name: "the Dow Jones Industrial Average", "the Nasdaq Composite".
INDEX_ENDINGS = frozenset("average index composite".split())
# Nouns after the name of a spacecraft: "Boeing's Starliner capsule", "the Orion spacecraft" (a name the story
# also has speak, "SpaceX said", is a firm's).
CRAFT_NOUNS = frozenset("capsule capsules spacecraft spaceship lander rover orbiter".split())
# The prefixes of a ship's name, which is often a person's or a place's: "HMS Queen Elizabeth", "USS Carl Vinson".
SHIP_PREFIXES = frozenset("HMS USS MV RMS INS HMAS HMCS USNS SS MS".split())
HOLIDAY_ENDINGS = frozenset("day eve".split())
# A name and a suffix in one word: "Showa-era", "Ponzi-style", "Madoff-like"; and "Kuwaiti-flagged", "Saudi-led",
# "Iranian-made": the name of no entity either way.
COMPOUND_TERM = re.compile(r"^([A-Z][\w']+)-(?:era|style|type|like|esque)$")
COMPOUND_PARTICIPLE = re.compile(r"^[A-Z][\w']+-(?:led|flagged|made|built|brokered|sponsored|designed|inspired)$")
# The adjectives of a school of thought or a leader's following: "Keynesian", "Marxist", "Thatcherite", "Gaullism".
FOLLOWER_ADJECTIVE = re.compile(r"^[A-Z][a-z]{2,}(?<!qu)(?:ian|ians|ist|ists|ite|ites|ism)$")  # not "Holmquist"


def story_terms(spans: list[Mention], known) -> frozenset[str]:
    """Folded names the story uses as terms (see the module), and the folded spans of its occasions; a name a list
    knows (a place, a body) is never one, but for a grade of oil named for a town."""
    found: set[str] = set()
    for mention in spans:
        words = mention.words[1:] if mention.words[0] == "The" and len(mention.words) > 1 else mention.words
        key = fold(" ".join(words))
        compound = COMPOUND_TERM.match(words[0]) if len(words) == 1 else None
        if compound:
            found.add(key)
            if not known(compound.group(1)):
                found.add(fold(compound.group(1)))  # "Showa" of "Showa-era"; not "Moscow" of "Moscow-style"
        elif len(words) == 1 and COMPOUND_PARTICIPLE.match(words[0]):
            found.add(key)
        elif len(words) > 1 and words[0] in SHIP_PREFIXES:
            found |= {key, fold(" ".join(words[1:]))}  # "HMS Queen Elizabeth ... the Queen Elizabeth"
        elif mention.after in GRADE_NOUNS and key not in gazetteer().names:
            found.add(key)  # "Brent crude", "Urals blend": a grade, named for a field or a town
        elif len(words) > 1 and fold(words[-1]) in GRADE_NOUNS and fold(" ".join(words[:-1])) not in gazetteer().names:
            found |= {key, fold(" ".join(words[:-1]))}  # "Brent Crude futures ... Brent rose"
        elif known(" ".join(words)):
            continue
        elif _before_term_noun(words, mention) or _occasion(words) or _follower_adjective(words, mention) or (
                len(words) > 1 and fold(words[-1]) in INDEX_ENDINGS) or is_war(words):
            found.add(key)
            if len(words) == 2 and fold(words[1]) in HOLIDAY_ENDINGS and not known(words[0]):
                found.add(fold(words[0]))  # "Thanksgiving Day": "Thanksgiving" is the holiday too
    speakers = {fold(mention.text) for mention in spans if mention.after in SPEECH_VERBS}
    crafts = {fold(mention.text).removeprefix("the ") for mention in spans
              if mention.after in CRAFT_NOUNS and not known(mention.text)}
    found |= crafts - speakers
    return frozenset(found - _name_words(spans, found))


def _name_words(spans: list[Mention], terms: set[str]) -> set[str]:
    """Folded words that open or end a longer name of the story, not itself a term: "Obama" of "Barack Obama" (an
    "Obama-era rule" is still Obama's), "Brent" of "Brent Scowcroft" (not of "Brent Crude")."""
    return {fold(word) for mention in spans if len(mention.words) > 1 and mention.words[0] != "The"
            and fold(mention.text) not in terms for word in (mention.words[0], mention.words[-1])}


def is_war(words: tuple[str, ...]) -> bool:
    """True for the name of a war: "the Vietnam War", "the Napoleonic Wars", "World War II"; not a body named for
    war ("the International War Crimes Tribunal", "Ministry of War Veterans")."""
    folded = [fold(word) for word in words]
    return len(words) > 1 and (folded[-1] in WAR_WORDS or folded[-2] in WAR_WORDS and folded[-1] in WAR_NUMBERS)


def _before_term_noun(words: tuple[str, ...], mention: Mention) -> bool:
    """True for a name before a term's noun: "a Ponzi scheme", "the Meiji era"; after a body's name only a speech
    or a ceremony ("the State of the Union address")."""
    return mention.after in TERM_NOUNS and (mention.after in SPEECH_NOUNS or fold(words[-1]) not in ORG_WORDS)


def _occasion(words: tuple[str, ...]) -> bool:
    """True for a span ending in an occasion's word: "Thanksgiving Day", "the Queen's Speech" (whose "Speech" is a
    span of its own, cut at the possessive); not a person named Day ("Doris Day")."""
    last = fold(words[-1])
    if len(words) == 1:
        return last in OCCASION_ENDINGS - HOLIDAY_ENDINGS
    return last in OCCASION_ENDINGS and fold(words[0]) not in GIVEN_NAMES


def _follower_adjective(words: tuple[str, ...], mention: Mention) -> bool:
    """True for a follower's adjective before a lower-case word other than a verb of speech ("Marxist critics",
    "Thatcherite ministers"; not "Holmquist said")."""
    return len(words) == 1 and FOLLOWER_ADJECTIVE.match(words[0]) is not None and mention.lower_after and \
        mention.after not in SPEECH_VERBS
