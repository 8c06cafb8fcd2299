"""Typing mentions as people, places and organisations, and adding up their salience."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from generator.tagging.gazetteer import gazetteer
from generator.tagging.lexicon import (
    CALENDAR,
    COMMON_WORDS,
    COMPETITION_WORDS,
    DOCUMENT_WORDS,
    DESCRIPTORS,
    FAITHS,
    FAMILY_NAMES_FIRST,
    GENERIC_ORG_WORDS,
    GIVEN_NAMES,
    INDEX_WORDS,
    INDUSTRY_WORDS,
    INSTITUTION_HEADS,
    LEGAL_SUFFIXES,
    LOCATIVES,
    NOT_ACRONYMS,
    NOT_NAME_WORDS,
    NUMBER_WORDS,
    ORDINALS,
    PARTY_MEMBERS,
    ORG_WORDS,
    PLACE_OPENERS,
    PLACE_PREFIXES,
    PLACE_WORDS,
    REGION_NOUNS,
    RESULT_WORDS,
    SPEECH_VERBS,
    TITLE_MODIFIERS,
    TITLES,
    VESSEL_NOUNS,
)
from generator.tagging.text import CONNECTORS, Mention, fold, is_capitalised

# Letters of the Latin alphabets, so that "Erdoğan" and "Šefčovič" are name words too.
_LETTERS = [chr(code) for code in range(0x250)]
_UPPER = "".join(letter for letter in _LETTERS if letter.isupper())
_LOWER = "".join(letter for letter in _LETTERS if letter.islower())
NAME_WORD = re.compile(
    rf"^(?:(?:[{_UPPER}]')?[{_UPPER}][{_LOWER}]+(?:['\-][{_UPPER}{_LOWER}][{_LOWER}]+)*|(?:[{_UPPER}]\.){{1,3}}"
    rf"|(?:al|el|bin|ibn|abu)-[{_UPPER}][{_LOWER}]+|Mc[{_UPPER}][{_LOWER}]+|Jr\.?|Sr\.?|II|III|IV)$"
)
NAME_PARTICLES = frozenset("von der van den de del della di da du la le bin ibn al el".split())
ACRONYM = re.compile(r"^[A-Z]{2,6}$")
INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
ARTICLES = frozenset({"the", "a", "an"})
DEMONYM_WEIGHT = 0.5
# Unions of word lists that the checks below ask about, built once rather than at every check.
ACTING_VERBS = SPEECH_VERBS | frozenset(
    "has had will would reported posted agreed plans planned won bought sold acquired earned raised cut "
    "filed offered launched signed beat beats lost".split())
# Verbs after a capital that make it its government ("Washington said", "Moscow rejected", "Bonn welcomed").
GOVERNMENT_VERBS = SPEECH_VERBS | frozenset(
    "rejected accused denied welcomed protested demanded refused recognised recognized threatened ordered backed "
    "opposed supported wants wanted sought seeks insisted agreed condemned responded retaliated vetoed".split())
PRODUCT_NOUNS = frozenset(
    "missile missiles system systems drug drugs vaccine vaccines car cars jet jets aircraft plane planes model "
    "models phone phones engine engines rifle tank tanks software app device devices brand sedan truck trucks "
    "pill pills treatment rocket rockets satellite satellites platform".split())
ADJECTIVE_ENDING = re.compile(r"(?:ern|ean|ian|ese|ish|ic|al|an)$|-")  # Western, European, Soviet-American
NOT_A_SINGLE_NAME = ORDINALS | PARTY_MEMBERS | COMMON_WORDS | TITLES | ORG_WORDS | PLACE_WORDS | DESCRIPTORS | NUMBER_WORDS | LEGAL_SUFFIXES
NOT_NAMES_ALONE = COMMON_WORDS | LEGAL_SUFFIXES
ORG_ENDINGS = ORG_WORDS | LEGAL_SUFFIXES
NAME_STOPS = TITLE_MODIFIERS | ORG_WORDS
TITLE_TAILS = TITLE_MODIFIERS | CONNECTORS
NOT_PERSON_WORDS = NOT_NAME_WORDS | ORG_WORDS
ORG_OPENERS = ORG_WORDS - COMMON_WORDS
NOT_ACRONYM_WORDS = NOT_ACRONYMS | COMMON_WORDS
PERSON_TITLES = TITLES - COMMON_WORDS
ORG_TRAILERS = LEGAL_SUFFIXES | CONNECTORS


# Section weights: what a mention there says about what the story is about.
HEADLINE_WEIGHT, LEDE_WEIGHT, OPENING_WEIGHT, BODY_WEIGHT = 3.0, 2.0, 1.5, 1.0


@dataclass
class Entity:
    """A typed tag with its salience: score (mentions weighted by section), how often it is named, whether in the
    headline or the opening (lede, first paragraph), and the order of its first mention."""

    name: str
    kind: str
    score: float = 0.0
    first: int = 0
    variants: set[str] = field(default_factory=set)
    count: int = 0
    headline: bool = False
    opening: bool = False

    def credit(self, weight: float, named: bool = True) -> None:
        """Add a mention of this section weight; named=False for weaker evidence (a demonym, the dateline)."""
        self.score += weight
        if named:
            self.count += 1
            self.headline |= weight >= HEADLINE_WEIGHT
            self.opening |= weight >= OPENING_WEIGHT

    def absorb(self, other: Entity) -> None:
        """Take over the mentions of another name of the same entity."""
        self.score += other.score
        self.count += other.count
        self.headline |= other.headline
        self.opening |= other.opening
        self.first = min(self.first, other.first)
        self.variants |= other.variants


@dataclass
class Resolver:
    """Types each mention against the taxonomy and gazetteer, collecting scored entities."""

    aliases: dict[str, str]
    types: dict[str, str]
    demonyms: dict[str, str]
    min_city_population: int
    known_names: dict[str, tuple[str, str] | None] = field(default_factory=dict)
    venue: bool = False  # a story of a venue topic (sport): result lines name teams and players
    team_words: set[str] = field(default_factory=set)  # single names met where a result names a team
    vessels: set[str] = field(default_factory=set)  # names met after "the tanker", "the ship"
    not_names: frozenset[str] = frozenset()  # folded names the story defines as no entity (see tagger)
    entities: dict[str, Entity] = field(default_factory=dict)
    deferred: list[Mention] = field(default_factory=list)
    demonym_scores: dict[str, float] = field(default_factory=dict)

    def add(self, name: str, kind: str, weight: float, variant: str = "", named: bool = True) -> None:
        """Credit weight to the entity name of this kind, creating it on first mention."""
        name = self.aliases.get(fold(name), name)
        key = fold(name)
        entity = self.entities.setdefault(key, Entity(name, kind, first=len(self.entities)))
        entity.credit(weight, named)
        entity.variants.add(fold(variant or name))

    def known(self, text: str) -> tuple[str, str] | None:
        """(canonical, kind) for a name the taxonomy or gazetteer knows, else None; the answers are kept in
        known_names, which the resolvers of one taxonomy may share."""
        if text not in self.known_names:
            self.known_names[text] = self._look_up(text)
        return self.known_names[text]

    def _look_up(self, text: str) -> tuple[str, str] | None:
        """(canonical, kind) for text from the taxonomy's aliases and types, then the gazetteer, else None."""
        aliased = fold(text) in self.aliases
        canonical = self.aliases.get(fold(text), text)
        kind = self.types.get(fold(canonical))
        if kind:
            return canonical, kind
        population = self.min_city_population if not ACRONYM.match(canonical) else 10**12
        place = gazetteer().lookup(canonical, population)
        if place is not None:
            return place.name, "place"
        return (canonical, _guess_kind(canonical)) if aliased else None

    def resolve(self, mention: Mention) -> None:
        """Type one mention on strong evidence, or keep it for the second pass."""
        self._count_demonyms(mention)
        self._resolve(mention)

    def _resolve(self, mention: Mention) -> None:
        """Type a mention or a part of one (demonyms already counted)."""
        words = self._strip_leading(self._strip_openers(mention), mention.weight, mention.initial)
        if mention.quoted and fold(self.aliases.get(fold(mention.text), mention.text)) not in self.types:
            return  # 'the "Anne Klein" line', '"Return of the Legend"': a product, a title or a nickname
        if mention.before[-1:] and mention.before[-1] in VESSEL_NOUNS:
            self.vessels.add(fold(" ".join(words)))  # "the tanker Eleni Vardinoyannis": a ship, named for a person
        if not words or self._is_demonym(words) or self._names_no_entity(words, mention):
            return
        if mention.after in REGION_NOUNS and all(NAME_WORD.match(word) for word in words):
            suffix = "" if mention.after == "province" else f" {mention.after.capitalize()}"  # Jiangsu; Kursk Region
            self.add(f"{' '.join(words)}{suffix}", "place", mention.weight)
            return
        known = self.known(" ".join(words))
        if known and known[1] == "place" and mention.after in GOVERNMENT_VERBS and fold(known[0]) in gazetteer().capitals:
            # "Moscow rejected the plan": the government, not the city; weak evidence for its country
            country = gazetteer().countries.get(gazetteer().capitals[fold(known[0])])
            if country is not None:
                self.add(country.name, "place", mention.weight * DEMONYM_WEIGHT, named=False)
                return
        if known and len(words) == 1 and known[1] == "place" and fold(known[0]) not in gazetteer().names:
            # A one-word city may be a surname ('Wilson', 'Lincoln'): decide once all people are known.
            self.deferred.append(Mention(words, mention.weight, mention.initial, mention.before, mention.after))
            return
        if known:
            self.add(known[0], known[1], mention.weight, " ".join(words))
            return
        if words[-1].endswith("-based") and len(words) > 1:  # "Hong Kong-based group": Hong Kong is named
            self._resolve(Mention((*words[:-1], words[-1][: -len("-based")]), mention.weight * DEMONYM_WEIGHT, False))
            return
        if self.venue and len(words) >= 3 and words[1] == "of" and NAME_WORD.match(words[0]) and self._names_a_country(
                " ".join(words[2:])):  # "Benetton of Italy beat Dinamo of Russia": a side and its country
            self.team_words.add(words[0])
            self.deferred.append(Mention(words[:1], mention.weight, False, (), "beat"))
            self._resolve(Mention(words[2:], mention.weight, False))
            return
        owner = _split_owner(words)
        if owner:  # "Dow Chemical Co of the United States": the company, and its country
            self._resolve(Mention(owner, mention.weight, False, mention.before))
            self._resolve(Mention(words[len(owner) + 1:], mention.weight, False, (), mention.after))
            return
        person = _split_affiliation(words)
        if person:
            self.add(" ".join(person), "person", mention.weight)
            self._resolve(Mention(words[len(person) + 1:], mention.weight, False))
            return
        parts = _split_conjunction(words, self.known)
        if parts:
            for part in parts:
                self._resolve(Mention(part, mention.weight, False, mention.before, mention.after))
            return
        self._resolve_unknown(words, mention)

    def _resolve_unknown(self, words: tuple[str, ...], mention: Mention) -> None:
        """Type a span no list knows: by a title, by a known entity it shortens, or by its shape."""
        if len(words) > 1 and all(word.isupper() for word in words) and not mention.bracketed:
            return  # a shouted heading ("CRUDE OIL", "MAJOR LEAGUE RESULTS"): only known names count in capitals
        if self._team(words, mention):
            return
        plural_after_the = (mention.words[0] == "The" or mention.before[-1:] == ("the",)) and words[0].endswith("s")
        if self.venue and len(words) == 1 and (_in_result(mention) or plural_after_the):
            self.team_words.add(words[0])  # "Essex 532-8", "beat Dinamo", "the Phillies"
        person, prefix = _split_title(words)
        if person:
            self.add(" ".join(person), "person", mention.weight)
        elif self._split_place_head(words, mention):
            return
        target = None if person else self._match_known(words)
        kind = None if person or target else _kind_by_shape(words, mention)
        if kind == "person" and fold(words[0]) in self.demonyms:
            kind = "organisation"
        if target:
            target.credit(mention.weight)
        elif kind:
            self.add(_canonical(words, kind), kind, mention.weight, " ".join(words))
        elif not person and not prefix:
            self.deferred.append(Mention(words, mention.weight, mention.initial, mention.before, mention.after))
        if prefix and not kind and len(prefix) < len(words):
            # 'US' in 'US President Joe Biden' qualifies the title: weak evidence, like a demonym.
            self._resolve(Mention(prefix, mention.weight * DEMONYM_WEIGHT, False))

    def _names_no_entity(self, words: tuple[str, ...], mention: Mention) -> bool:
        """True for the name of a competition or event ("World Cup", "Hong Kong Open", in sport "National League")
        or of a market index ("the Nikkei index", "the Dow Jones industrial average"): names, but of no entity."""
        key = fold(" ".join(words))
        if mention.after in INDEX_WORDS or key in self.vessels or key in self.not_names or fold(words[-1]) in FAITHS:
            return True
        if len(words) > 1 and all(fold(word) in GENERIC_ORG_WORDS for word in words) and not self.known(" ".join(words)):
            return not INSTITUTION_HEADS.intersection(fold(word) for word in words)  # "Trade Union", "Oil Company"
        last = fold(words[-1])
        if self.venue and len(words) > 1 and "league" in {fold(word) for word in words}:
            return True  # "National League East", "Premier League": competitions
        if last in COMPETITION_WORDS or last in DOCUMENT_WORDS and len(words) > 1 or (
                self.venue and last == "league" and len(words) > 1):
            return fold(self.aliases.get(fold(" ".join(words)), " ".join(words))) not in self.types
        return False

    def _team(self, words: tuple[str, ...], mention: Mention) -> bool:
        """In a sport story, add a club or side known by the shape of its name: a name and a city ("Dynamo Moscow",
        "Standard Liege"), a city and a plural nickname ("Cincinnati Reds"), or two or three name words before a
        score ("Red Star 70"). True if added. Single names wait for the second pass (they may be surnames)."""
        if not self.venue or not 2 <= len(words) <= 3 or not all(NAME_WORD.match(word) for word in words):
            return False
        folded = [fold(word) for word in words]
        if folded[0] in GIVEN_NAMES or INITIALS.match(words[0]) or any(f in NOT_A_SINGLE_NAME for f in folded):
            return False
        head = self.known(" ".join(words[:-1]))
        tail = self.known(words[-1])
        city_last = bool(tail and tail[1] == "place" and fold(tail[0]) not in gazetteer().names)
        nickname = bool(head and head[1] == "place") and folded[-1].endswith("s")
        scored = mention.after == "<number>" and not head
        if not ((city_last and folded[0] not in PLACE_PREFIXES and not head) or nickname or scored):
            return False
        self.add(" ".join(words), "organisation", mention.weight)
        return True

    def _split_place_head(self, words: tuple[str, ...], mention: Mention) -> bool:
        """Split a country or state from the capitalised words after it when they do not make a body of it: "U.S.
        Oil" is the United States and a common noun; "Japan Airlines", "Texas Instruments" stay whole. True if
        split."""
        for cut in range(len(words) - 1, 0, -1):
            head = self.known(" ".join(words[:cut]))
            if head and head[1] == "place" and fold(head[0]) in gazetteer().names:  # a country or state, not a
                break  # city that is also a given name ("Vladimir Putin")
        else:
            return False
        rest = words[cut:]
        trade = all(fold(word) in INDUSTRY_WORDS for word in rest)
        if not trade and any(fold(word) in ORG_ENDINGS for word in rest) and not self.known(" ".join(rest)):
            return False
        self.add(head[0], "place", mention.weight, " ".join(words[:cut]))
        self._resolve(Mention(rest, mention.weight, False, (), mention.after))
        return True

    def _strip_leading(self, words: tuple[str, ...], weight: float, initial: bool = False) -> tuple[str, ...]:
        """Drop what stands before a name without being part of it: a role or descriptor ("Striker", "Former",
        "Fly-half"), a number word ("One Japanese"), "Seattle-based" (Seattle is named), and a country or demonym
        before a given name ("Vietnam Gennady Bezdetko": Vietnam is named, and so is Gennady Bezdetko)."""
        while len(words) > 1:
            first = fold(words[0])
            if first in DESCRIPTORS or first in NUMBER_WORDS:
                words = words[1:]
            elif initial and words[1] == "of" and first not in ORG_WORDS | PLACE_WORDS | TITLES and not self.known(
                    " ".join(words)):
                words = words[2:]  # "Directors of the Chicago Mercantile Exchange", "Shares of Exxon"
            elif first.endswith(" based") and len(first) > 6:
                self._resolve(Mention((words[0][: -len("-based")],), weight, False))
                words = words[1:]
                if len(words) == 1 and not self.known(words[0]) and NAME_WORD.match(words[0]):
                    self.add(words[0], "organisation", weight)  # "Seattle-based Boeing": a firm is based
                    return ()
            elif len(words) >= 3 and fold(words[1]) in GIVEN_NAMES and self._names_a_country(words[0]):
                if not self._is_demonym(words[:1]):
                    self._resolve(Mention(words[:1], weight, False))
                words = words[1:]
            else:
                break
        while words and words[0] in CONNECTORS:
            words = words[1:]
        if len(words) > 1 and fold(words[-1]) in PARTY_MEMBERS:
            words = words[:-1]
        return words

    def _names_a_country(self, word: str) -> bool:
        """True for a country or its demonym ('Russia', 'Australian', 'Croat')."""
        known = self.known(word)
        return self._is_demonym((word,)) or bool(known and known[1] == "place")

    def _is_demonym(self, words: tuple[str, ...]) -> bool:
        """True for a span that is only a demonym ('West German', 'Americans'): evidence, never a tag."""
        key = fold(" ".join(words))
        return key in self.demonyms or (key.endswith("s") and key[:-1] in self.demonyms)

    def _count_demonyms(self, mention: Mention) -> None:
        """Weak evidence: each demonym ('Russian', 'Americans') in the span counts for its country."""
        for word in mention.words:
            country = self.demonyms.get(fold(word)) or self.demonyms.get(fold(word).removesuffix("s"))
            if country:
                self.demonym_scores[country] = self.demonym_scores.get(country, 0.0) + DEMONYM_WEIGHT * mention.weight

    def _strip_openers(self, mention: Mention) -> tuple[str, ...]:
        """Drop a leading article or sentence opener ('The', 'According', 'Latest') unless part of a name."""
        words = mention.words
        while len(words) > 1 and not self.known(" ".join(words)):
            first = fold(words[0])
            opener = first in COMMON_WORDS and (mention.initial or first in ARTICLES or first in CALENDAR)
            plain = mention.initial and bool(NAME_WORD.match(words[0])) and first not in self.types \
                and first not in ORG_WORDS  # "Bank of England" at a sentence start stays whole
            rest = 1
            while plain and rest < len(words) - 1 and words[rest] in CONNECTORS:
                rest += 1
            if not (opener or (plain and self.known(" ".join(words[rest:])))):
                break
            words = words[1 if opener else rest:]
            while len(words) > 1 and words[0] in CONNECTORS:
                words = words[1:]
        acronym = len(words) == 1 and len(words[0]) > 1 and words[0].replace(".", "").isupper()
        if len(words) == 1 and not acronym and fold(words[0]) in NOT_NAMES_ALONE:
            return ()
        return words

    def resolve_deferred(self) -> None:
        """Second pass: surnames of known people, short forms of known organisations, reused surnames; then a
        single name no list knows that the story repeats is an organisation ("Airbus wins Lufthansa order")."""
        places = self._add_located_places()
        result_names = {m.words[0] for m in self.deferred if self.venue and len(m.words) == 1 and _in_result(m)}
        singles = {fold(m.words[-1]) for m in self.deferred if len(m.words) == 1} - places
        singles |= {fold(e.name.split()[-1]) for e in self.entities.values()  # "Gareth Kinsey" beside "G. Kinsey"
                    if e.kind == "person" and " " in e.name and INITIALS.match(e.name.split()[0])}
        unresolved: list[Mention] = []
        for mention in self.deferred:
            words = mention.words
            if len(words) == 1 and fold(words[0]) in places:
                self.add(words[0], "place", mention.weight)
                continue
            if len(words) > 1 and fold(words[-1]) in places | gazetteer().names.keys():
                person = self._match_known(words[:-1])  # "Yeltsin endorses Lebed Chechnya peace plan"
                if person is not None and person.kind == "person":
                    person.credit(mention.weight)
                    self._resolve(Mention(words[-1:], mention.weight, False))
                    continue
            targets = [self._match_known((word,)) for word in words] if len(words) > 1 else []
            if targets and all(target and target.kind == "person" for target in targets):
                for target in targets:
                    target.credit(mention.weight)
            elif target := self._match_known(words):
                target.credit(mention.weight)
            elif len(words) == 1 and words[0] in result_names and self.known(words[0]):
                self.add(words[0], "organisation", mention.weight)  # "Kent 388-6", "beat Milan": the club
            elif known := self.known(" ".join(words)):
                self.add(known[0], known[1], mention.weight, " ".join(words))
            elif len(words) >= 2 and all(NAME_WORD.match(w) for w in words) and fold(words[-1]) in singles:
                self.add(" ".join(words), "person", mention.weight)
            else:
                unresolved.append(mention)
        self._add_repeated_names(unresolved)

    def _add_located_places(self) -> set[str]:
        """Folded single names no list knows that the story puts places in ("peace in Chechnya", "troops to
        Chechnya"): named twice, once after a locative word, never where a result names a team."""
        singles = [m for m in self.deferred if len(m.words) == 1 and NAME_WORD.match(m.words[0])]
        counts = Counter(fold(m.words[0]) for m in singles)
        located = {fold(m.words[0]) for m in singles if m.before[-1:] and m.before[-1] in LOCATIVES
                   or self.venue and (m.before[-1:] == ("at",) or m.initial and m.after == ":")}  # "Hove: Sussex 246"
        figures = {fold(m.words[0]) for m in singles if m.after == "<number>"}  # "fell Rs 96 to Rs 1,620"
        return {key for key in located - figures if counts[key] >= 2 and key not in NOT_A_SINGLE_NAME
                and not ADJECTIVE_ENDING.search(key) and key not in {fold(w) for w in self.team_words}
                and not getattr(self._match_known((key,)), "kind", "") == "person"}

    def _add_repeated_names(self, mentions: list[Mention]) -> None:
        """Add single capitalised names, met twice or more and once at least inside a sentence, that are no common
        word, title, role, demonym or surname of a person named in full: organisations."""
        singles = [m for m in mentions if len(m.words) == 1]
        counts = Counter(m.words[0] for m in singles)
        inside = {m.words[0] for m in singles if not m.initial}
        # A product or a weapon is repeated too, but does not speak, report or buy: one such verb is needed, or a
        # mention in the headline as well as the body.
        acting = {m.words[0] for m in singles if m.after in ACTING_VERBS}
        products = {m.words[0] for m in singles if m.after in PRODUCT_NOUNS}  # "Oreshnik missile", "Taurus car"
        headlined = {m.words[0] for m in singles if m.weight >= HEADLINE_WEIGHT}
        for mention in singles:
            word = mention.words[0]
            key = fold(word)
            team = self.venue and (word in self.team_words or counts[word] >= 2)  # sport: clubs and sides
            named = counts[word] >= 2 and (word in inside or word in headlined) and (word in acting or word in headlined)
            shaped = word in self.team_words or not ADJECTIVE_ENDING.search(key)  # a result beats a word's shape
            if ((team or named) and NAME_WORD.match(word) and not INITIALS.match(word) and key not in NOT_A_SINGLE_NAME
                    and shaped and word not in products and not self._is_demonym((word,))
                    and not self._match_known((word,))):
                self.add(word, "organisation", mention.weight)

    def _match_known(self, words: tuple[str, ...]) -> Entity | None:
        """The known person whose surname, or organisation whose opening words, these words are."""
        key = fold(" ".join(words))
        if not key or key in COMMON_WORDS:
            return None
        people = [e for e in self.entities.values() if e.kind == "person" and key in surname_keys(e.name)]
        if not people and " " not in key:  # a first name on second reference ("I'm sure Alan is the man")
            people = [e for e in self.entities.values() if e.kind == "person" and " " in e.name
                      and fold(e.name.split()[0]) == key]
        if len(people) == 1:
            return people[0]
        orgs = [e for e in self.entities.values() if e.kind == "organisation" and fold(e.name).startswith(key + " ")]
        if not orgs and len(words) == 1 and key not in NOT_A_SINGLE_NAME and not self.known(words[0]):
            # "the Reds": the Cincinnati Reds (not "Montreal": the city, not "Le Journal de Montreal")
            orgs = [e for e in self.entities.values() if e.kind == "organisation" and fold(e.name).endswith(" " + key)]
        return orgs[0] if len(orgs) == 1 else None

    def merge_people(self) -> None:
        """Fold a person known only by surname into the one full name that ends with it."""
        for key, entity in list(self.entities.items()):
            if entity.kind != "person" or " " in key:
                continue
            fuller = [
                e for k, e in self.entities.items() if e.kind == "person" and k != key and key in surname_keys(e.name)
            ]
            if len(fuller) == 1:
                self._fold_into(key, fuller[0])
        for key, entity in list(self.entities.items()):
            words = entity.name.split()
            if entity.kind != "person" or len(words) < 2 or not all(INITIALS.match(word) for word in words[:-1]):
                continue  # "P. Simmons" in a scorecard is the Phil Simmons of the report
            fuller = [e for k, e in self.entities.items() if e.kind == "person" and k != key
                      and fold(e.name.split()[-1]) == fold(words[-1]) and e.name[0] == words[0][0]]
            if len(fuller) == 1:
                self._fold_into(key, fuller[0])

    def merge_organisations(self) -> None:
        """Fold an acronym into the organisation it abbreviates, 'Foreign Ministry' into 'Russian Foreign Ministry'."""
        orgs = {key: e for key, e in self.entities.items() if e.kind == "organisation"}
        for key, entity in orgs.items():
            longer = [
                other for other_key, other in orgs.items()
                if other_key != key and (_abbreviates(entity.name, other) or _qualifies(key, other_key, self.demonyms))
            ]
            if len(longer) == 1 and key not in self.types:
                self._fold_into(key, longer[0])

    def drop_weak_acronyms(self) -> None:
        """Forget bare acronyms mentioned once that neither the taxonomy nor the article explains."""
        for key, entity in list(self.entities.items()):
            bare = entity.kind == "organisation" and ACRONYM.match(entity.name) and key not in self.types
            if bare and entity.score < 2:
                del self.entities[key]

    def _fold_into(self, key: str, target: Entity) -> None:
        """Move the score of entity key onto target and forget key."""
        target.absorb(self.entities.pop(key))


@lru_cache(maxsize=65536)
def surname_keys(name: str) -> frozenset[str]:
    """Folded short forms a person is referred to by: the surname, with and without an al- particle (remembered:
    each short form met is checked against every person named so far)."""
    words = name.split()
    last = fold(words[-1])
    keys = {last, re.sub(r"^(?:al|el|bin|ibn|abu) ", "", last)}
    if len(words) in (2, 3) and fold(words[0]) in FAMILY_NAMES_FIRST:
        keys.add(fold(words[0]))  # Li Peng is "Li" on second reference
    return frozenset(keys)


def _abbreviates(acronym: str, entity: Entity) -> bool:
    """True if acronym ('ICRC') is the initials of one of the entity's names."""
    if not ACRONYM.match(acronym):
        return False
    for variant in entity.variants | {fold(entity.name)}:
        words = [word for word in variant.split() if word not in CONNECTORS]
        for kept in (words, [word for word in words if word not in LEGAL_SUFFIXES]):
            if "".join(word[0] for word in kept) == acronym.lower():
                return True
    return False


def _qualifies(key: str, other: str, demonyms: dict[str, str]) -> bool:
    """True if other is key with a demonym or country in front ('russian foreign ministry')."""
    if not other.endswith(" " + key):
        return False
    head = other[: -len(key) - 1]
    return head in demonyms or fold(demonyms.get(head, "")) == head or head in {fold(c) for c in demonyms.values()}


def _split_conjunction(words: tuple[str, ...], known) -> list[tuple[str, ...]]:
    """Split 'Saudi Arabia and Qatar' in two; keep 'Securities and Exchange Commission' whole, and every name
    with an ampersand ('Marks & Spencer')."""
    if "and" not in words:
        return []
    cut = max(index for index, word in enumerate(words) if word == "and")
    left, right = words[:cut], words[cut + 1:]
    if not left or not right:
        return []
    whole_is_org = fold(words[-1]) in ORG_ENDINGS
    left_is_name = known(" ".join(left)) or fold(left[-1]) in LEGAL_SUFFIXES or len(left) > 3
    left_is_name = left_is_name or fold(left[-1]) in ORG_WORDS
    right_is_generic = "and" not in left and all(fold(word) in ORG_ENDINGS for word in right)
    if whole_is_org and (right_is_generic or not left_is_name):
        return []
    if _names_a_domain(left, right, known):
        return []
    return [left, right]


def _names_a_domain(left: tuple[str, ...], right: tuple[str, ...], known) -> bool:
    """'Ministry of Industry and Trade', 'Board of Pardons and Paroles': a body 'of X and Y', one name."""
    return (
        "of" in left[1:]
        and fold(left[left.index("of") - 1]) in ORG_WORDS
        and len(right) <= 2
        and not known(" ".join(right))
        and not any(fold(word) in ORG_ENDINGS for word in right)
    )


def _split_affiliation(words: tuple[str, ...]) -> tuple[str, ...]:
    """The person in 'David Wyss of Data Resources' (the rest is the organisation), else ()."""
    if "of" not in words:
        return ()
    left = words[:words.index("of")]
    folded = {fold(word) for word in left}
    bad = ORG_WORDS | PLACE_WORDS | TITLES | COMMON_WORDS
    if 2 <= len(left) <= 3 and all(NAME_WORD.match(w) for w in left) and not folded & bad:
        return left
    return ()


def _is_title(word: str) -> bool:
    """True for a title word, hyphenated ones too ('President-elect')."""
    return any(part in TITLES for part in fold(word).split())


@lru_cache(maxsize=65536)
def _split_title(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(person, rest) for a span like 'Russian Foreign Minister Sergey Lavrov'; person is () if none (remembered,
    as the same spans recur from story to story)."""
    end = len(words)
    start = end
    while start > 0 and (NAME_WORD.match(words[start - 1]) or words[start - 1] in NAME_PARTICLES and start < end) \
            and not _is_title(words[start - 1]) and fold(words[start - 1]) not in NAME_STOPS:
        start -= 1
    while start < end and words[start] in NAME_PARTICLES:
        start += 1  # a name does not start with 'von' or 'der'
    if start == 0 or not any(_is_title(word) for word in words[:start]):
        return (), ()
    if not (_is_title(words[start - 1]) or fold(words[start - 1]) in TITLE_MODIFIERS) and start < len(words):
        return (), tuple(words[:start])
    rest = list(words[:start])
    while rest and (_is_title(rest[-1]) or fold(rest[-1]) in TITLE_TAILS):
        rest.pop()
    person = words[start:] if 1 <= end - start <= 4 else ()
    if any(fold(word) in NOT_PERSON_WORDS for word in person) or _body_of_title(words[:start]):
        return (), ()  # "General Staff Building", "Association of Head Teachers": a name with a title word in it
    return person, tuple(rest)


def _body_of_title(words: tuple[str, ...]) -> bool:
    """'National Association of Head': a body 'of' a title (unlike 'Secretary of State', a title of a title)."""
    return any(word == "of" and 0 < index < len(words) - 1 and _is_title(words[index + 1])
               and not _is_title(words[index - 1]) and fold(words[index - 1]) not in TITLE_MODIFIERS
               for index, word in enumerate(words))


def _kind_by_shape(words: tuple[str, ...], mention: Mention) -> str | None:
    """Type a span that no list knows by its own words and its context, or None if unclear."""
    folded = [fold(word) for word in words]
    if mention.bracketed or mention.after == "<ticker>" or folded[-1] in LEGAL_SUFFIXES or "&" in words:
        return "organisation"
    if len(words) > 1 and (folded[-1] in PLACE_WORDS or folded[0] in PLACE_OPENERS):
        return "place"
    if any(word in ORG_WORDS for word in folded[1:]) or (len(words) > 1 and folded[0] in ORG_OPENERS):
        return "organisation"
    if len(words) == 1 and ACRONYM.match(words[0]) and folded[0] not in NOT_ACRONYM_WORDS:
        return "organisation"
    if 2 <= len(words) <= 4 and all(NAME_WORD.match(word) for word in words):
        said = mention.after in SPEECH_VERBS or mention.before[-2:] == ("according", "to")
        said = said or bool(mention.before) and mention.before[-1] in ("said", "says", "told")
        titled = bool(mention.before) and (mention.before[-1] in TITLES or mention.before[-1] in DESCRIPTORS)
        if said or titled:
            return "person"
    if len(words) == 1 and NAME_WORD.match(words[0]) and mention.before and mention.before[-1] in PERSON_TITLES:
        return "person"
    if 2 <= len(words) <= 4 and all(NAME_WORD.match(word) or word in NAME_PARTICLES for word in words) and (
            fold(words[0]) in GIVEN_NAMES or INITIALS.match(words[0])) and not NAME_WORD.match(words[-1]).group().endswith(".") \
            and not any(fold(word) in NOT_PERSON_WORDS for word in words):
        return "person"  # a given name or initials first: "Gennady Bezdetko", "C.J. Silas", "F.W. de Klerk"
    return None


def _canonical(words: tuple[str, ...], kind: str) -> str:
    """The display name: legal suffixes dropped from organisations, region nouns added to regions."""
    words = tuple(word for word in words if is_capitalised(word) or word in CONNECTORS)
    if kind == "organisation":
        while len(words) > 1 and fold(words[-1]) in ORG_TRAILERS:
            words = words[:-1]
    return " ".join(words)


def _guess_kind(name: str) -> str:
    """Kind of an alias target nothing else types: organisation, unless a place word ends it."""
    folded = fold(name).split()
    return "place" if folded and folded[-1] in PLACE_WORDS else "organisation"


def _in_result(mention: Mention) -> bool:
    """True for a name placed as a result places a team: before a score, or next to 'beat', 'against', 'v'."""
    return (mention.after == "<number>" or mention.after in RESULT_WORDS
            or bool(mention.before) and mention.before[-1] in RESULT_WORDS)


def _split_owner(words: tuple[str, ...]) -> tuple[str, ...]:
    """The company in 'Dow Chemical Co of the United States' (a legal suffix, then 'of' and its home), else ()."""
    if "of" not in words:
        return ()
    cut = words.index("of")
    return words[:cut] if cut >= 2 and fold(words[cut - 1]) in LEGAL_SUFFIXES and cut + 1 < len(words) else ()
