"""Typing mentions as people, places and organisations, and adding up their salience."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from generator.tagging.gazetteer import gazetteer
from generator.tagging.lexicon import (
    ADMINISTRATIVE_WORDS,
    BODY_WORDS,
    BUILDING_WORDS,
    CALENDAR,
    COMMON_WORDS,
    DOMAIN_WORDS,
    COMPETITION_WORDS,
    DOCUMENT_WORDS,
    DESCRIPTORS,
    EVENT_OPENERS,
    EVENT_WORDS,
    FAITHS,
    FAMILY_NAMES_FIRST,
    GENERIC_ORG_WORDS,
    GIVEN_NAMES,
    INDEX_WORDS,
    INDUSTRY_WORDS,
    INSTITUTION_HEADS,
    INSTITUTION_WORDS,
    LEGAL_PREFIXES,
    LEGAL_SUFFIXES,
    LOCATIVES,
    NOT_ACRONYMS,
    NOT_NAME_WORDS,
    NUMBER_WORDS,
    ORDINALS,
    ORG_NOUNS,
    ORGAN_ADJECTIVES,
    ORGANS,
    PARTY_MEMBERS,
    ORG_WORDS,
    PLACE_OPENERS,
    PLACE_PREFIXES,
    PLACE_WORDS,
    REGION_NOUNS,
    RESULT_WORDS,
    ROYAL_TITLES,
    SESSION_WORDS,
    SPEECH_VERBS,
    SPORT_WORDS,
    TITLE_MODIFIERS,
    TITLES,
    VESSEL_NOUNS,
    WEEKDAYS,
    WORK_NOUNS,
)
from generator.tagging.text import CONNECTORS, POSSESSIVE, SURNAME_PARTICLES, Mention, fold, is_capitalised

# Letters of the Latin alphabets, so that "Erdoğan" and "Šefčovič" are name words too.
_LETTERS = [chr(code) for code in range(0x250)]
_UPPER = "".join(letter for letter in _LETTERS if letter.isupper())
_LOWER = "".join(letter for letter in _LETTERS if letter.islower())
NAME_WORD = re.compile(
    rf"^(?:(?:[{_UPPER}]')?[{_UPPER}][{_LOWER}]+(?:['\-][{_UPPER}{_LOWER}][{_LOWER}]+)*|(?:[{_UPPER}]\.){{1,3}}"
    rf"|(?:al|el|bin|ibn|abu|ul|ud|ur)-[{_UPPER}][{_LOWER}]+|(?:Mc|Mac|Fitz|Di|De|Da|Du|La|Le|Van)[{_UPPER}][{_LOWER}]+"
    rf"|Jr\.?|Sr\.?|II|III|IV)$"
)
NAME_PARTICLES = frozenset(
    "von der van den ter ten de del della di da du dos das los las la le y bin binti bint bte ibn al el zu zur "
    "vom".split())
# Particles of Spanish and Portuguese names, between a person's first surname and the second ("Carlos Salinas de
# Gortari", "Jose Ortega y Gasset").
ROMANCE_PARTICLES = frozenset("de del da das dos y".split())
# Particles that join a person's own name to the father's: "Abdul Razak bin Hussein", "Siti Nurhaliza binti Tarudin".
PATRONYMIC_PARTICLES = frozenset("bin binti bint bte ibn".split())
# Particles that, first inside a span, only join a person's names (not "de", "da" or "der": "Banco de Chile",
# "Verband der Automobilindustrie").
PERSON_PARTICLES = PATRONYMIC_PARTICLES | frozenset("van von ter ten".split())
ACRONYM = re.compile(r"^[A-Z]{2,6}(?:-[A-Z]{1,4})?$")  # and "ZANU-PF", "PML-N"
TRADED_BEFORE = frozenset({("shares", "of"), ("stake", "in"), ("stock", "of"), ("shareholders", "of"),
                           ("takeover", "of"), ("subsidiary", "of"), ("unit", "of")})  # not "bid for": a player
TRADED_AFTER = frozenset("shares stock shareholders stockholders subsidiary".split())
# Before a name an entity had before the one the story uses: "born Jorge Mario Bergoglio", "formerly Daewoo".
BIRTH_NAME_WORDS = frozenset({"born", "nee", "née", "formerly", "previously"})
INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
FAMILY_ARTICLE = re.compile(r"(?:al|el|Al|El)-")  # an Arabic family name's article: "al-Jaber"
INITIAL_LETTER = re.compile(r"[A-Z]")  # an initial without its period, before a name: "K Rammohan Naidu"
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
    "pill pills treatment rocket rockets satellite satellites platform maker makers weedkiller herbicide pesticide "
    "brands variant variants strain strains rover rovers telescope spacecraft".split())
# "a spokesman for Canada's central bank": a country owning a common noun after these is named in passing.
OWNER_PREPOSITIONS = frozenset("for of from at with by about to".split())
ADJECTIVE_ENDING = re.compile(r"(?:ern|ean|ian|ese|ish|ic|al|an)$|-")  # Western, European, Soviet-American
NOT_A_SINGLE_NAME = ORDINALS | PARTY_MEMBERS | COMMON_WORDS | TITLES | ORG_WORDS | PLACE_WORDS | DESCRIPTORS | NUMBER_WORDS | LEGAL_SUFFIXES
NOT_NAMES_ALONE = COMMON_WORDS | LEGAL_SUFFIXES
# "State-run", "Government-owned", "Kremlin-backed": how a body is run, before its name
STATE_RUN = re.compile(r"[A-Z][a-z]+-(?:run|owned|controlled|backed|funded|held|operated|affiliated|linked|led|ruled|"
                       r"dominated|sponsored)")  # "Congress-led United Democratic Front"
ORG_ENDINGS = ORG_WORDS | LEGAL_SUFFIXES
NAME_STOPS = TITLE_MODIFIERS | ORG_WORDS | DOMAIN_WORDS | LEGAL_SUFFIXES
TITLE_TAILS = TITLE_MODIFIERS | CONNECTORS
NOT_PERSON_WORDS = NOT_NAME_WORDS | ORG_WORDS | PLACE_WORDS | {"city"}  # "King Abdulaziz Medical City"
# Words after "and" that make a firm of one name: "Smith and Sons Ltd", "Central Bank and Trust Co".
PARTNER_WORDS = LEGAL_SUFFIXES | frozenset("partners associates sons son brothers bros company companies trust savings loan "
                                             "loans".split())  # and "Central Bank and Trust Co"
# Words that are a kind of thing, not a name, when they stand alone before "and" ("Securities and Futures
# Authority", "Oil and Natural Gas Corporation", "Food and Drug Administration").
GENERIC_WORDS = DOMAIN_WORDS | GENERIC_ORG_WORDS | INDUSTRY_WORDS | frozenset(
    "industrial commercial agricultural scientific technical cultural social telephone".split())  # "Industrial and
# Commercial", "Nippon Telegraph and Telephone"
ORG_OPENERS = ORG_WORDS - COMMON_WORDS | {"radio", "television", "air", "hotel"}  # "Radio Rangoon", "Hotel Lotte"
NOT_ACRONYM_WORDS = NOT_ACRONYMS | COMMON_WORDS
PERSON_TITLES = TITLES - COMMON_WORDS
ORG_TRAILERS = LEGAL_SUFFIXES | CONNECTORS
# Words that make no name on their own: a short form made only of them ("Central Bank", "Foreign Ministry") may be
# another body than the longer name it ends.
GENERIC_NAME_WORDS = GENERIC_ORG_WORDS | ORGAN_ADJECTIVES | INSTITUTION_WORDS | DOMAIN_WORDS
# Endings of one-word firm names of the former Soviet Union ("Gazprom", "Rosneft", "Transneft", "Sibneftegaz",
# "Uralkali", "Aeroflot", "Tatneft", "Surgutneftegaz", "Norilsk Nickel"'s "Nornickel", "Rostelecom",
# "Promsvyazbank"): gas, oil, industry, bank, telecom, fleet, metal. No place in the gazetteer ends so.
FIRM_ENDING = re.compile(r"\w{2,}(?:gaz|neft|neftegaz|prom|bank|telecom|flot|nickel|metall|khim|stroy|energo)$")
# "New York-based", "Frankfurt-listed", "Texas-born": a compound adjective naming where someone or something is at
# home (see Resolver._credit_home).
HOME_SUFFIX = re.compile(r"-(?:based|listed|born|registered|headquartered|incorporated|domiciled)$", re.IGNORECASE)
# Nouns after a place that make it the name of a grade of a commodity: "Brent crude", "Urals blend".
GRADE_NOUNS = frozenset("crude blend".split())
# Countries whose first-level divisions (oblasts) are named after their capital cities, which wires write "the Perm
# region" for the division, not the city; and region words that are only ever the name of such a division.
OBLAST_COUNTRIES = frozenset("RU UA BY KZ KG UZ TJ".split())
DIVISION_NOUNS = frozenset("oblast krai".split())
# Head words of a facility's name: the name ends there unless "of" goes on ("Kuala Lumpur International Airport").
FACILITY_HEADS = frozenset(
    "airport airfield port harbour harbor stadium dam bridge station hospital university mine plant site "
    "cosmodrome terminal terminus refinery shipyard base".split())
# Facility heads no surname is ("Robert Plant", "Jeff Bridges" are people; "Victoria Terminus" is a station).
NO_SURNAME_HEADS = frozenset("airport airfield cosmodrome terminal terminus refinery shipyard university".split())
CLUB_ENDINGS = frozenset("united city rovers wanderers athletic albion rangers county hotspur villa wednesday "
                          "dynamo sporting olympic".split())
MODEL_NUMBER = re.compile(r"[A-Z][A-Za-z]+-\d{1,4}[A-Za-z]?")  # "Ilyushin-76", "Tupolev-154", "Sukhoi-30K"
LOCALITY_NOUNS = frozenset("district neighbourhood neighborhood suburb township village municipality borough ward "
                            "prefecture county".split())  # after a place's name: "the Itaewon district" (not "town":
# "the former Trabant town" is the car's)
SURNAME_TITLES = frozenset({"Sen"})  # a title's abbreviation that ends a name, written without its period: "Hun Sen"
ORG_SURNAMES = frozenset("church post mills banks press union".split())  # words of bodies that are surnames too
AGE = re.compile(r"[a-z0-9]+ years? old")  # "Seventeen-year-old Boris Becker" (folded): an age, then the name
ARTICLE_OPENERS = frozenset("la le el los las il lo les".split())  # a Romance article opening a place's name
LAUNCH_SITES = frozenset("site center centre complex base pad".split())  # heads after "Launch": a place
# Trades a sentence opens with before a firm's name, none of them a word of a name: "Insurer AIG said".
TRADE_NOUNS = frozenset("insurer lender retailer miner carmaker automaker chipmaker drugmaker brewer "
                        "conglomerate".split())
REGNAL_NUMBER = re.compile(r"(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,3}I{0,3})")  # "Abdullah II", "Louis XIV" not: up to XIII
CLUB_CITY_POPULATION = 1_000_000
NATIONAL_SOCIETIES = frozenset({"red cross", "red crescent"})  # a demonym before them names a country's own society
# Who works "at" a firm ("chief economist at Morgan Grenfell"), what a firm is ("bookmaker William Hill"), and the
# positions players hold at a club ("Buffalo Bills running back"): names beside them are employers, not people.
STAFF_NOUNS = frozenset("economist economists analyst analysts strategist strategists trader traders banker bankers "
                        "partner partners executive executives director manager managers official officials "
                        "spokesman spokeswoman spokesperson employee employees engineer engineers chairman".split())
EMPLOYER_NOUNS = frozenset("firm company bank lender insurer retailer carmaker automaker chipmaker drugmaker brewer "
                           "airline carrier bookmaker bookmakers conglomerate subsidiary brokerage broker "
                           "stockbroker newspaper daily weekly magazine broadcaster".split())
OWNED_UNITS = frozenset("unit subsidiary division affiliate".split())  # "General Motors' Adam Opel unit"
PRICE_MOVES = frozenset("gained added rose climbed slipped eased shed declined firmed".split())  # and a figure
PLAYER_POSITIONS = frozenset("quarterback running linebacker receiver pitcher shortstop catcher striker midfielder "
                             "defender goalkeeper winger forward fullback fly-half scrum-half lock prop hooker "
                             "batsman bowler wicketkeeper".split())
STREET_OPENERS = frozenset("jalan jl rue calle avenida rua".split())  # "street" or "road" before a street's name
CONTESTED_LEAGUES = frozenset("champions nations europa conference".split())  # words before a competition's "League"
# Facilities that are places, not bodies: one finds them on a map, flies from them, plays or launches at them.
STRUCTURE_HEADS = frozenset("dam bridge airport airfield stadium cosmodrome".split())
NAMED_BY_TITLE = frozenset("lord lady sheikh".split())  # with one name: how one is known
COURT_TITLES = frozenset("emperor empress crown sultan emir".split())  # never part of how one is known
TOWN_HEADS = frozenset("station terminus port harbour harbor bridge".split())  # heads that end towns' names too
# A verb's -ing or -ed form as a sentence opens with it: "Chasing", "Citing", "Asked", "Backed".
VERB_FORM = re.compile(r"[A-Z][a-z]{2,}(?:ing|ed)|Born|Known|Seen|Taken|Given|Shown|Held|Built|Made|Sent|Told|Found|"
                       r"Brought|Kept|Hit|Led|Won|Lost|Sold|Bought")  # and the irregular ones: "Born Karol Wojtyla"
# Words that say what kind of body a name is, and name none alone: "Football Club" of "Reading Football Club".
BODY_KIND_WORDS = GENERIC_WORDS | LEGAL_SUFFIXES | SPORT_WORDS | frozenset(
    "club fc athletic rovers wanderers works stores".split())
# Words between a name and a building word after it: "the Dewan Filharmonik Petronas concert hall".
# Words that end a firm's name, never a public body's ("National Oceanic and Atmospheric Administration").
FIRM_ENDINGS = LEGAL_SUFFIXES | frozenset(
    "technology technologies holding holdings group motors systems electronics pharmaceuticals semiconductors "
    "industries brands airlines airways foods resources mining mines petroleum communications entertainment media networks "
    "logistics therapeutics labs laboratories capital investments securities financial insurance partners".split())
# Words of the names of courts every county or district has ("Superior Court", "Crown Court", "Court of Appeals").
LOCAL_COURT_WORDS = frozenset(
    "court courts of the superior district circuit county magistrates magistrate crown appeals appeal appellate "
    "municipal city family juvenile criminal civil small claims".split())
GENERIC_BOARDS = frozenset({"board of directors", "board of governors", "board of trustees", "board of management",
                            "management board", "supervisory board", "executive board", "annual general meeting"})
# A nationality written before a given name: "Hawaiian Jesse Kuhaulua", "Kenyan Eliud Kipchoge", "Iraqi Ali
# Hassan", and the nouns "Scot Paul Lawrie", "Swede Henrik Stenson".
DEMONYM_SHAPE = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish|an|i)")
NOUN_DEMONYMS = frozenset("scot swede dane finn pole briton brit kiwi aussie spaniard frenchman englishman scotsman "
                          "welshman irishman dutchman turk".split())
TOWNSFOLK = re.compile(r"([A-Z][a-z]+?)(?:ers|ites|ians)")  # "Quebecers", "Muscovites"
PLANETS = frozenset("mars venus mercury".split())  # named like firms and people: planets only in space stories
PARTY_WORDS = frozenset("party front movement alliance bloc".split())
# A reporting period written after a name: "Q3", "H1", "1Q", "FY2024", "9M".
PERIOD_CODE = re.compile(r"(?:Q[1-4]|H[12]|[1-4]Q|[1-4]H|9M|FY\d{2,4}|Q[1-4]FY\d{2,4})")
FATHERS_TITLES = frozenset("tun haji".split())  # honorifics a Malay name keeps from the father's
AWARD_NAMES = frozenset("oscar oscars nobel emmy grammy pulitzer booker bafta tony golden".split())
AWARD_NOUNS = frozenset("trophy prize medal award shield plate memorial".split())  # "the Sakharov prize"
HYPHENATED_GIVEN_NAME = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,5}")  # Korean and Cantonese: "Jae-in", "Chee-hwa"
HALL_KINDS = frozenset("concert convention exhibition conference sports".split())
FACILITIES_AFTER = frozenset("prison jail penitentiary airport airfield".split())  # after a name: a facility named
# for someone ("Marcos Paz prison", "John F. Kennedy airport")
HOUSES = frozenset({("parliament", "house"), ("government", "house"), ("state", "house"), ("opera", "house")})
# Kinds of a centre that is a venue, not a body: "Putra World Trade Centre", "Sai Kung Outdoor Recreation Centre".
VENUE_KINDS = HALL_KINDS | frozenset("exhibition trade recreation shopping leisure community".split())


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
    space: bool = False  # a story of space flight: Mars, Venus and Mercury are planets, not firms or gods
    team_words: set[str] = field(default_factory=set)  # single names met where a result names a team
    vessels: set[str] = field(default_factory=set)  # names met after "the tanker", "the ship"
    articled: set[str] = field(default_factory=set)  # names met as "the Mona Lisa": a thing, never a person
    not_names: frozenset[str] = frozenset()  # folded names the story defines as no entity (see tagger)
    heads: frozenset[str] = frozenset()  # folded words the story uses as a name on their own (see story_heads)
    inner: frozenset[str] = frozenset()  # folded words the story writes as names inside a sentence (see story_inner)
    alone: frozenset[str] = frozenset()  # folded words the story writes as a whole span of their own
    products: frozenset[str] = frozenset()  # folded names the story gives products and works (see story_products)
    defined: frozenset[str] = frozenset()  # folded names the story spells out before their acronym (see tagger)
    acronyms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # acronym -> the name the story gives it
    spelled_out: dict[str, str] = field(default_factory=dict)  # folded acronym -> the folded name bracketing it
    dateline: str = ""  # the folded dateline place: a single name the story repeats that is it is a place
    traded: set[str] = field(default_factory=set)  # folded names whose shares the story trades (_note_traded)
    scorecard: bool = False  # a person's surname met before a figure: "(Stokes 135 not out, Root 77)", so the
    # other single names before figures are players too, not teams (see _add_repeated_names)
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
        key = next((spelling for spelling in _spellings(fold(text)) if spelling in self.aliases), fold(text))
        aliased = key in self.aliases
        canonical = self.aliases.get(key, text)
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
        self._note_traded(mention)
        self._resolve(mention)

    def _note_traded(self, mention: Mention) -> None:
        """Remember a name whose shares or stakes change hands ("shares of Morton Thiokol", "Dow Jones shares"):
        a firm, however much its name looks like a person's (see merge_people)."""
        words = mention.words
        if len(words) > 2 and (fold(words[0]), words[1]) in TRADED_BEFORE:
            words = words[2:]  # "Shares of Morton Thiokol fell": the opener is in the span
        elif mention.before[-2:] not in TRADED_BEFORE and not (
                mention.after in TRADED_AFTER and not POSSESSIVE.search(words[-1])):  # not "Buffett's stake"
            return
        self.traded.add(fold(" ".join(words)))

    def _resolve(self, mention: Mention) -> None:
        """Type a mention or a part of one (demonyms already counted)."""
        if fold(mention.text) in self.vessels:
            return  # "Costa Concordia's captain" after "the cruise liner Costa Concordia"
        if mention.before == ("<figure>",) and len(mention.words) == 1 and mention.words[0].isupper() and not \
                self.known(mention.words[0]):
            return  # "the Boeing 737 MAX", "a 1,200 MW plant": a model or a unit, not a body named by its initials
        if mention.before[-1:] and mention.before[-1] in BIRTH_NAME_WORDS:
            return  # "Pope Francis, born Jorge Mario Bergoglio", "Hanwha Ocean, formerly Daewoo": a second name
        opened = self._strip_openers(mention)
        if self._names_a_craft(opened):
            return
        words = self._strip_leading(opened, mention.weight, mention.initial)
        if 0 < len(words) < len(opened) and fold(opened[-len(words) - 1]) in DESCRIPTORS:
            # "Striker Thierry Henry": the role says what the name is, as "the striker Thierry Henry" does
            mention = replace(mention, before=(*mention.before, fold(opened[-len(words) - 1])))
        if mention.quoted and fold(self.aliases.get(fold(mention.text), mention.text)) not in self.types:
            return  # 'the "Anne Klein" line', '"Return of the Legend"': a product, a title or a nickname
        if mention.before[-1:] and mention.before[-1] in VESSEL_NOUNS or mention.apposed_to in VESSEL_NOUNS:
            self.vessels.add(fold(" ".join(words)))  # "the tanker Eleni Vardinoyannis": a ship, named for a person
        if not words or self._is_demonym(words) or self._names_no_entity(words, mention) or self._truncated(words, mention):
            return
        if len(words) > 1 and fold(words[0]) in STREET_OPENERS:
            return  # "Jalan Sultan Ismail", "Rue de Rivoli": a street, whoever it is named for (see BUILDING_WORDS)
        if len(words) == 1 and STATE_RUN.fullmatch(words[0]):
            return  # "Kuwaiti-owned", "State-run": who owns or runs a thing, no name (a demonym in it is counted)
        if len(words) == 1 and words[0] in self.acronyms and self._means_otherwise(words[0]):
            self._resolve(Mention(self.acronyms[words[0]], mention.weight, False))  # "Election Commission (EC)
            return  # ... the EC said": the story's EC, not the taxonomy's (the European Community)
        if len(words) > 1 and words[0].isupper() and fold(words[0]) in LEGAL_PREFIXES and "and" not in words:
            # "PJSC Gazprom", "PT Vale Indonesia Tbk": a firm, named without its legal form
            known = self.known(" ".join(_canonical(words, "organisation").split()))
            self.add(*(known or (_canonical(words, "organisation"), "organisation")), mention.weight, " ".join(words))
            return
        facility = self._split_facility(words)
        if facility:  # "Kuala Lumpur International Airport for Beijing", "Peking University Beijing": two names
            for part in facility:
                self._resolve(Mention(part, mention.weight, False, mention.before, mention.after))
            return
        if mention.ordinal:  # "9th U.S. Circuit Court of Appeals": the number is part of the name
            words = (mention.ordinal, *words)
        if fold(" ".join(words)) in self.defined and not self.known(" ".join(words)):
            self.add(" ".join(words), "organisation", mention.weight)  # "Organisation for Security and Cooperation
            return  # in Europe (OSCE)": one name, the story says so
        if len(words) > 2 and tuple(fold(word) for word in words[-2:]) in ORGANS or fold(words[-1]) in {
                organ[0] for organ in ORGANS if len(organ) == 1} and len(words) > 1:
            # "CPSU Central Committee", "CPC Politburo": the body whose organ it is
            organ = 1 if fold(words[-1]) in {organ[0] for organ in ORGANS if len(organ) == 1} else 2
            self._resolve(Mention(words[:-organ], mention.weight, False, mention.before))
            return
        if mention.after.removesuffix("s") in REGION_NOUNS and all(NAME_WORD.match(word) for word in words):
            self._resolve_region(words, mention)
            return
        known = self.known(" ".join(words))
        if known and known[1] == "place" and mention.after in GRADE_NOUNS:
            return  # "Brent crude", "Urals blend": a grade of oil, not the place
        if known and known[1] == "place" and mention.after in GOVERNMENT_VERBS and fold(known[0]) in gazetteer().capitals:
            # "Moscow rejected the plan": the government, not the city; weak evidence for its country
            country = gazetteer().countries.get(gazetteer().capitals[fold(known[0])])
            if country is not None:
                self.add(country.name, "place", mention.weight * DEMONYM_WEIGHT, named=False)
                return
        if known and len(words) == 1 and known[1] == "place" and fold(known[0]) not in gazetteer().names:
            # A one-word city may be a surname ('Wilson', 'Lincoln'): decide once all people are known.
            self.deferred.append(Mention(words, mention.weight, _opens(words, mention), mention.before, mention.after,
                                         in_writing=mention.in_writing))
            return
        if known and self._attributive(words, known, mention):
            # "U.S. chipmaker Nvidia", "U.S. officials": the abbreviation used as a demonym, weak evidence like one
            self.demonym_scores[known[0]] = self.demonym_scores.get(known[0], 0.0) + DEMONYM_WEIGHT * mention.weight
            return
        if known:
            # "a spokesman for Canada's central bank" in the body: a country in passing, weak evidence
            passing = mention.owns_common_noun and mention.weight <= BODY_WEIGHT and known[1] == "place" and \
                mention.before[-1:] and mention.before[-1] in OWNER_PREPOSITIONS
            # "makes cars in Brazil, Mexico, Thailand and India": places listed in the body, examples in passing
            passing = passing or (mention.listed_after_name or mention.listed_before_name) and not self.venue and \
                mention.weight <= BODY_WEIGHT and known[1] == "place"
            self.add(known[0], known[1], mention.weight * (DEMONYM_WEIGHT if passing else 1), " ".join(words),
                     named=not passing)
            return
        if self._split_glued(words, mention):
            return
        home = HOME_SUFFIX.search(words[-1])
        if home and len(words) > 1:  # "the Hong Kong-based group": where it is based, not what the story is about
            self._credit_home((*words[:-1], words[-1][:home.start()]), mention.weight)
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
        if self._split_body_of_body(words, mention):
            return
        person = _split_affiliation(words, self.known, self.alone)
        if person:
            self.add(" ".join(person), "person", mention.weight)
            self._resolve(Mention(words[words.index("of") + 1:], mention.weight, False))
            return
        leader = _split_led_by(words)
        if leader:  # "New National Party of Marthinus van Schalkwyk": a party, and the person whose it is
            self._resolve(Mention(words[:words.index("of")], mention.weight, False, mention.before))
            self.add(" ".join(leader), "person", mention.weight)
            return
        firms = None if self.known(" ".join(words)) else _two_firms(words)
        if firms and not any(self.known(" ".join(firm)) for firm in firms) and (fold(words[-1]) in FIRM_ENDINGS or any(
                fold(" ".join(firm)) in self.heads for firm in firms)):  # a firm's ending, or one named alone too
            for firm in firms:  # the first typed by the second
                self.add(_canonical(firm, "organisation"), "organisation", mention.weight, " ".join(firm))
            return
        parts = _split_conjunction(words, self.known, self.heads)
        if parts:
            role = mention.before[-1:] and (mention.before[-1] in TITLES or fold(mention.before[-1]) in DESCRIPTORS)
            for index, part in enumerate(parts):  # a role before the span is its first name's ("leader X and Umno")
                # and a person-shaped name's after it ("captain X and Dinesh Wickrama"); a preposition the list's
                before = ("and",) if index and role and not _person_shaped(part) else mention.before
                self._resolve(Mention(part, mention.weight, False, before, mention.after,
                                      listed_after_name=mention.listed_after_name,
                                      listed_before_name=mention.listed_before_name, owned=mention.owned and not index))
            return
        self._resolve_unknown(words, mention)

    def _names_a_craft(self, words: tuple[str, ...]) -> bool:
        """True for a ship or a craft with its kind written before it as part of the span ("Tanker Sea Empress",
        "Shuttle Challenger"): no entity, and no other mention of its name is one (see vessels)."""
        if len(words) < 2 or fold(words[0]) not in VESSEL_NOUNS or fold(words[-1]) in ORG_ENDINGS:
            return False  # "Carrier Corp", "Ship Finance International": firms
        if self.known(" ".join(words)):
            return False
        self.vessels.add(fold(" ".join(words[1:])))
        return True

    def _split_facility(self, words: tuple[str, ...]) -> list[tuple[str, ...]]:
        """A facility's name and the name after it, where the facility's ends at its head word ("Kuala Lumpur
        International Airport | for Beijing", "Heathrow Airport | London", "Wembley Stadium | Saturday"); [] if
        the span is one name: an "of" name goes on ("Port of Rotterdam"), and so does a body the facility names
        ("Heathrow Airport Authority", "United Mine Workers", "Columbia University Medical Center")."""
        for index in range(1, len(words) - 1):
            if fold(words[index]) not in FACILITY_HEADS or words[index + 1] == "of":
                continue
            tail = words[index + 1:]
            while tail and tail[0] in CONNECTORS:
                tail = tail[1:]
            known = self.known(" ".join(tail)) if tail else None
            joined = len(tail) < len(words) - index - 1
            place = next((found for found in (self.known(" ".join(tail[:size])) for size in (2, 1)) if found), None)
            alone = len(tail) == 1 and (fold(tail[0]) in CALENDAR or fold(tail[0]) in self.alone)
            if tail and (known and joined or (place and place[1] == "place") or alone):
                # "Changi Airport | Singapore Airlines", "Narita Airport | Tuesday", "Daiichi Nuclear Power Plant |
                # Tepco" where the story names Tepco alone
                return [words[:index + 1], tail]
        return []

    def _resolve_region(self, words: tuple[str, ...], mention: Mention) -> None:
        """A name before a lower-case region word ("the Paris region", "Jiangsu province", "the Kursk region"): the
        division the wires name so where there is one (Kursk Region, or an oblast named for its capital city:
        "Perm region"), else the place itself (Paris, Hanshin); nothing for an area it describes ("the
        Asia-Pacific region")."""
        name, noun = " ".join(words), mention.after.removesuffix("s")  # "the Belgorod and Kursk regions"
        division = self.known(f"{name} {noun.capitalize()}")
        if division and division[1] == "place":
            self.add(division[0], "place", mention.weight, name)  # "Kursk region", "Kursk oblast": Kursk Region
            return
        known = self.known(name)
        place = gazetteer().lookup(known[0], 0) if known and known[1] == "place" else None
        if noun in DIVISION_NOUNS or place is not None and place.kind == "city" and place.country in OBLAST_COUNTRIES \
                and noun == "region":
            self.add(f"{known[0] if place else name} {'Krai' if noun == 'krai' else 'Region'}", "place", mention.weight)
        elif known:
            if known[1] == "place":  # "the Paris region", "the Gulf region": the place
                self.add(known[0], "place", mention.weight, name)
        elif not self._describes_an_area(words) and not ADJECTIVE_ENDING.search(fold(words[-1])):
            self.add(name, "place", mention.weight)  # "the Hanshin region", "the Marche region" no list knows

    @staticmethod
    def _attributive(words: tuple[str, ...], known: tuple[str, str], mention: Mention) -> bool:
        """True for a country's abbreviation before a common noun ("U.S. chipmaker", "UK banks"), not before a
        verb or a function word ("the U.S. said", "the U.S. and Japan")."""
        short = len(words) == 1 and len(words[0].replace(".", "")) <= 4 and words[0].replace(".", "").isupper()
        return (short and known[1] == "place" and mention.lower_after and mention.weight < HEADLINE_WEIGHT
                and mention.after not in COMMON_WORDS and mention.after not in GOVERNMENT_VERBS
                and mention.after not in ACTING_VERBS and getattr(gazetteer().names.get(fold(known[0])), "kind", "") == "country")

    def _split_glued(self, words: tuple[str, ...], mention: Mention) -> bool:
        """Resolve the names glued into one span apart, True if it was: a person after a title ("HSBC Chair Mark
        Tucker", "Chairman of the Oil and Natural Gas Corporation Arun Kumar Singh"), names on either side of a
        slash ("Unilever/Nestle") or after a legal suffix inside the span ("Vale SA Rio Tinto")."""
        person, prefix = _split_title(words)
        if person:
            self.add(" ".join(person), "person", mention.weight)
            if words[len(prefix):len(prefix) + 1] == ("and",) and _split_title(prefix)[0]:
                # "Secretary of State George Shultz and Defense Secretary Caspar Weinberger"; not "General Mills"
                self._resolve(Mention(prefix, mention.weight, False))
                return True
            for cut in (index for index, word in enumerate(prefix) if word == "and"):
                if _split_title(prefix[:cut])[0]:  # "Deputy Prime Minister Alexander Novak and Indian Petroleum"
                    self._resolve(Mention(prefix[:cut], mention.weight, False))
                    prefix = prefix[cut + 1:]
                    break
            holder = _title_holder(prefix)
            if holder:  # 'US' in 'US President Joe Biden', 'HSBC' in 'HSBC Chair Mark Tucker': weak evidence
                self._resolve(Mention(holder, mention.weight * DEMONYM_WEIGHT, False))
            return True
        parts = _split_slash(words) or _split_after_suffix(words) or self._split_after_body(words, mention)
        for part in parts:
            self._resolve(Mention(part, mention.weight, False, mention.before, mention.after))
        return bool(parts)

    def _split_after_body(self, words: tuple[str, ...], mention: Mention) -> list[tuple[str, ...]]:
        """A body's name glued to a single name the story writes alone or a maker a model number follows ("Ethiopian
        Airlines Boeing", "Saudi Arabian Airlines Boeing 747"): two names; to a model or a flight ("Kazakhstan
        Airlines Ilyushin-76", "Malaysia Airlines Flight MH370"): the body alone; else []."""
        if len(words) < 3 or fold(words[-2]) not in ORG_ENDINGS and "Flight" not in words:
            return []
        if MODEL_NUMBER.fullmatch(words[-1]):
            return [words[:-1]]
        flight = next((index for index, word in enumerate(words[:-1]) if word == "Flight" and any(
            character.isdigit() for character in words[index + 1])), 0)
        if flight >= 2:
            return [words[:flight]]  # "Malaysia Airlines Flight MH370": the airline; the flight is no entity
        if (fold(words[-1]) in self.alone or mention.after == "<number>") and NAME_WORD.match(words[-1]):
            return [words[:-1], words[-1:]]
        return []

    def _resolve_unknown(self, words: tuple[str, ...], mention: Mention) -> None:
        """Type a span no list knows: by a known entity it shortens, or by its shape."""
        if len(words) > 1 and all(word.isupper() for word in words) and not mention.bracketed:
            return  # a shouted heading ("CRUDE OIL", "MAJOR LEAGUE RESULTS"): only known names count in capitals
        if self._team(words, mention):
            return
        if len(words) > 2 and fold(words[0]) in PERSON_TITLES and "for" in words[1:3]:
            # "Vice President for Financial Communications", "Minister for Foreign Affairs": a post, no entity
            return
        if len(words) == 1 and mention.initial and VERB_FORM.fullmatch(words[0]) and fold(words[0]) not in self.inner \
                and fold(words[0]) not in GIVEN_NAMES:
            return  # "Chasing 275, India were ...": a sentence's opening verb, no team or firm
        plural_after_the = (mention.words[0] == "The" or mention.before[-1:] == ("the",)) and words[0].endswith("s")
        if self.venue and len(words) == 1 and (_in_result(mention) or plural_after_the):
            self.team_words.add(words[0])  # "Essex 532-8", "beat Dinamo", "the Phillies"
        prefix = _split_title(words)[1]  # a title and no name after it: "Prime Minister of Japan"
        if self._split_place_head(words, mention):
            return
        target = self._match_known(words)
        kind = None if target else _kind_by_shape(words, mention)
        if kind == "person" and (fold(words[0]) in self.demonyms or fold(words[0]) in self.aliases or fold(
                words[0]) not in GIVEN_NAMES and (self._names_a_country(words[0]) or self._names_a_firm(words[0])
                                                  or self._club_shaped(words))):
            kind = "organisation"  # "Russian Railways", "America Movil", "Gazprom Neft": no person's name opens
            # with a country or a firm; "Wydad Casablanca", "Dynamo Kyiv": a club, named for its city
        if (kind in (None, "person") or target is not None and target.kind == "person") and _after_the(words, mention):
            self.articled.add(fold(" ".join(words)))  # "the Mona Lisa", "the Exxon Valdez": a work or a ship named
            # for a person; no person has an article before the name (merge_people drops it if it stays a person)
        if target:
            target.credit(mention.weight)
            self.scorecard |= target.kind == "person" and len(words) == 1 and mention.after == "<number>"
        elif kind and not (kind == "organisation" and fold(_canonical(words, kind)) in GENERIC_WORDS):
            self.add(_canonical(words, kind), kind, mention.weight, " ".join(words))  # not "Development" of
        elif not kind and not prefix:  # "1Malaysia Development Berhad": a kind of body, and a name we cannot read
            self.deferred.append(Mention(words, mention.weight, _opens(words, mention), mention.before, mention.after,
                                         in_writing=mention.in_writing))
        if prefix and not kind and len(prefix) < len(words):
            self._resolve(Mention(prefix, mention.weight * DEMONYM_WEIGHT, False))

    def _truncated(self, words: tuple[str, ...], mention: Mention) -> bool:
        """True for the rest of a name cut at a comma or before a lower-case word: "Roebuck and Co" of "Sears,
        Roebuck and Co", "Senate Appropriations" of "Senate Appropriations subcommittee" (either the whole name or
        nothing)."""
        if mention.listed_after_name and len(words) > 2 and words[1] in ("and", "&") and fold(words[-1]) in ORG_ENDINGS:
            return True  # and "Sachs & Co" of "Goldman, Sachs & Co"
        if len(words) > 1 and fold(words[-1]) in ("majority", "minority") and mention.after in TITLES:
            return True  # "Senate Majority" of "Senate Majority leader Robert Byrd": a title's start
        return len(words) > 1 and fold(words[-1]) in DOMAIN_WORDS and (
            mention.after in ORG_WORDS or mention.after in ("subcommittee", "panel"))

    def _split_body_of_body(self, words: tuple[str, ...], mention: Mention) -> bool:
        """Resolve "Standing Committee of the National People's Congress" as the two bodies it names (a body of
        two words or more "of" another body); True if split."""
        if "of" not in words[2:-1] or self.known(" ".join(words)):
            return False
        cut = words.index("of", 2)
        owner = words[cut + 1:]
        while owner and owner[0] in CONNECTORS:
            owner = owner[1:]
        if not owner or "and" in owner or fold(words[cut - 1]) not in ORG_WORDS or not (
                fold(owner[-1]) in BODY_WORDS or len(owner) == 1 and ACRONYM.match(owner[0])):
            return False  # not "National Association of Software and Service Companies", "Royal Bank of Scotland",
            # nor "State Bank of India and the National Housing Bank" (two names, split at "and the")
        self._resolve(Mention(words[:cut], mention.weight, False, mention.before))
        self._resolve(Mention(owner, mention.weight, False, (), mention.after))
        return True

    def _names_no_entity(self, words: tuple[str, ...], mention: Mention) -> bool:
        """True for the name of a competition or event ("World Cup", "Hong Kong Open", in sport "National League",
        "Hurricane Andrew", "Expo 92", "27th Congress of the CPSU"), of a market index ("the Nikkei index"), of a
        building ("Great Hall of the People", "Rod Laver Arena"), of a product or work the story names so ("the
        hospital drama ER"), or of a body's organ alone ("Central Committee"): names, but of no entity."""
        key = fold(" ".join(words))
        court, folded_first = {fold(word) for word in words}, fold(words[0])
        if len(words) > 1 and court <= LOCAL_COURT_WORDS and not court.isdisjoint({"court", "courts"}):
            return True  # "Superior Court", "District Court", "Court of Appeals": one of many, until a place says which
        if key in GENERIC_BOARDS or self.space and key in PLANETS:
            return True  # "Board of Directors": every firm's; "Mars" in a space story: the planet
        if len(words) > 2 and folded_first in AWARD_NAMES and "for" in words:
            return True  # "Oscar for Best International Feature Film", "Nobel Prize for Literature": an award
        if mention.after in AWARD_NOUNS and mention.before[-1:] == ("the",):
            return True  # "the William Webb Ellis trophy", "the Sakharov prize": an award named for someone
        if mention.after in INDEX_WORDS or key in self.vessels or key in self.not_names or fold(words[-1]) in FAITHS:
            return True
        if self._known_type(words):
            return False
        folded = [fold(word) for word in words]
        if len(words) > 1 and all(word in ADMINISTRATIVE_WORDS or word in PLACE_WORDS for word in folded):
            return True  # "the new Special Administrative Region government": the kind of a place, not its name
        if key in self.products or len(words) > 1 and not EVENT_OPENERS.isdisjoint(folded[:2]) or \
                folded[-1] in EVENT_WORDS:  # and "Super Typhoon Haiyan", "Severe Tropical Cyclone Yasi"
            return True
        if len(words) > 1 and folded[-1] in ("rate", "rates"):
            return True  # "Bank Rate", "Prime Rate", "Federal Funds Rate": a rate, named like a body
        if len(words) == 2 and folded[0] in ("group", "pool") and len(words[1]) == 1:
            return True  # "Group A", "Pool B": a stage of a competition
        numbered = mention.ordinal or folded[0] in ORDINALS
        if numbered and any(word in SESSION_WORDS for word in folded):
            return True
        if self._names_building(words, folded) or len(words) > 1 and mention.after in BUILDING_WORDS | HALL_KINDS | \
                FACILITIES_AFTER:  # and "Marcos Paz prison"
            return True  # "the Dewan Filharmonik Petronas concert hall", "the Jawaharlal Nehru stadium"
        if len(words) > 1 and all(word in ORGAN_ADJECTIVES or word in GENERIC_ORG_WORDS for word in folded) and \
                not ORGAN_ADJECTIVES.isdisjoint(folded):
            # "Central Committee", "Joint Committee"; not "Central Bank" (of the story's country)
            return not INSTITUTION_HEADS.intersection(folded) or not set(folded) <= INSTITUTION_WORDS
        if len(words) > 1 and all(fold(word) in GENERIC_ORG_WORDS for word in words) and not self.known(" ".join(words)):
            return not INSTITUTION_HEADS.intersection(fold(word) for word in words)  # "Trade Union", "Oil Company"
        last = fold(words[-1])
        if self.venue and len(words) > 1 and "league" in {fold(word) for word in words}:
            return True  # "National League East", "Premier League": competitions
        if len(words) > 1 and last == "league" and folded[-2] in CONTESTED_LEAGUES:
            return True  # "CAF Champions League", "UEFA Nations League": competitions in any story, unlike the
            # "Arab League" or the "Awami League"
        if last in COMPETITION_WORDS or last in DOCUMENT_WORDS and len(words) > 1 or (
                self.venue and last == "league" and len(words) > 1):
            return fold(self.aliases.get(fold(" ".join(words)), " ".join(words))) not in self.types
        return False

    @staticmethod
    def _names_building(words: tuple[str, ...], folded: list[str]) -> bool:
        """True for a building, a hall or a room: a building word last or before "of" ("Rod Laver Arena", "Great
        Hall of the People"), not a person named Hall ("Gary Hall Jr")."""
        at = next((i for i, word in enumerate(folded) if word in BUILDING_WORDS and (
            i == len(folded) - 1 or folded[i + 1] == "of")), None)
        if tuple(folded[-2:]) in HOUSES:
            return True  # "Parliament House", "Government House": a building, not the body that sits in it
        if at is None:
            return len(folded) > 2 and folded[-1] in ("centre", "center") and folded[-2] in VENUE_KINDS
            # "Hong Kong Convention and Exhibition Centre", "Putra World Trade Centre": a hall, by its kind
        return folded[at] not in ("hall", "tower") or not (folded[0] in GIVEN_NAMES or INITIALS.match(words[0]))

    def _known_type(self, words: tuple[str, ...]) -> bool:
        """True if the taxonomy types this name ("White House", "Kremlin"): its decision stands."""
        key = fold(" ".join(words))
        return fold(self.aliases.get(key, " ".join(words))) in self.types

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
        scored = mention.after == "<number>" and not head and folded[-1] not in self.alone  # not "Sachin Tendulkar
        # 105" of a scorecard when the report calls him "Tendulkar": a player, by his surname alone
        if not ((city_last and folded[0] not in PLACE_PREFIXES and not head) or nickname or scored):
            return False
        self.add(" ".join(words), "organisation", mention.weight)
        return True

    def _split_place_head(self, words: tuple[str, ...], mention: Mention) -> bool:
        """Split a country or state from the capitalised words after it when they do not make a body of it: "U.S.
        Oil" is the United States and a common noun; "Japan Airlines", "Texas Instruments" stay whole. True if
        split."""
        for cut in range(len(words) - 1, 0, -1):
            head = self.known(" ".join(words[:cut])) if fold(words[cut - 1]) not in PLACE_PREFIXES else None
            if head and head[1] == "place" and fold(head[0]) in gazetteer().names:  # not "San" of "San Francisco"  # a country or state, not a
                break  # city that is also a given name ("Vladimir Putin")
        else:
            return False
        rest = words[cut:]
        if rest[0] in CONNECTORS or "&" in rest:
            return False  # "Palau de la Generalitat", "UK Trade & Investment": one name the place opens
        if cut == 1 and len(rest) == 1 and fold(words[0]) in GIVEN_NAMES and (
                mention.after in ACTING_VERBS or fold(rest[0]) in self.alone or self.venue) and \
                NAME_WORD.match(rest[0]) and fold(rest[0]) not in NOT_PERSON_WORDS | INDUSTRY_WORDS and \
                not self.known(rest[0]):
            return False  # "Chad Morrison said": a given name and a surname who speaks, one person
        trade = all(fold(word) in INDUSTRY_WORDS for word in rest)
        if not trade and _nickname(words[:cut], head[0]):
            return False  # "America Movil", "Britain Stevens": a country's other name opening a firm's, not the country
        if all(fold(word) in ADMINISTRATIVE_WORDS for word in rest):  # "Hong Kong Special Administrative Region"
            self.add(head[0], "place", mention.weight, " ".join(words))
            return True
        if len(rest) >= 3 and all(fold(word) in ADMINISTRATIVE_WORDS for word in rest[-2:]):
            self.add(" ".join(words), "place", mention.weight)  # "Guangxi Zhuang Autonomous Region": one name
            return True
        if len(rest) == 1 and fold(rest[0]) in REGION_NOUNS | {"prefecture"} and head[0] != " ".join(words) and \
                getattr(gazetteer().names.get(fold(head[0])), "kind", "") == "state":
            self.add(head[0], "place", mention.weight, " ".join(words))  # "Sichuan Province" of Xinhua: Sichuan
            return True
        if len(rest) == 1 and fold(rest[0]) in PLACE_WORDS:  # "Niger Delta", "Congo Basin": a place of its own
            self.add(" ".join(words), "place", mention.weight)
            return True
        if not trade and (any(fold(word) in ORG_ENDINGS for word in rest) or fold(rest[-1]) in FACILITY_HEADS) and \
                not self.known(" ".join(rest)):  # and "Fukushima Daiichi Nuclear Power Plant": one facility
            return False
        self.add(head[0], "place", mention.weight, " ".join(words[:cut]))
        self._resolve(Mention(rest, mention.weight, False, (), mention.after))
        return True

    def _strip_leading(self, words: tuple[str, ...], weight: float, initial: bool = False) -> tuple[str, ...]:
        """Drop what stands before a name without being part of it: a role or descriptor ("Striker", "Former",
        "Fly-half"), a number word ("One Japanese"), "Seattle-based" (Seattle is named), and a country or demonym
        before a given name ("Vietnam Gennady Bezdetko": Vietnam is named, and so is Gennady Bezdetko); and a weekday
        or a reporting period after a name."""
        while len(words) > 1:
            first = fold(words[0])
            if first in DESCRIPTORS or AGE.fullmatch(first) or first in NUMBER_WORDS and not _numbered_name(
                    words) or first.removesuffix(
                    "s") in DESCRIPTORS and _person_shaped(words[1:3]):  # "Openers Mark Taylor and Michael Slater";
                # not "Investors Service", "Bankers Trust"
                words = words[1:]
            elif initial and first in TRADE_NOUNS and not self.known(" ".join(words)):
                words = words[1:]  # "Insurer American International Group Inc said": the kind, then the name
            elif initial and words[1] in ("of", "for") and first not in ORG_WORDS | PLACE_WORDS | TITLES and \
                    not self.known(" ".join(words)) and not POSSESSIVE.search(words[0]):
                words = words[2:]  # "Directors of the Chicago Mercantile Exchange", "Shares of Exxon"
            elif len(words) > 2 and fold(words[0]) in PLACE_PREFIXES and (home := HOME_SUFFIX.search(words[1])) \
                    and home.start() > 0:  # "South African-born Kevin Curren"
                self._credit_home((words[0], words[1][:home.start()]), weight)
                words = words[2:]
            elif HOME_SUFFIX.search(words[0]) and HOME_SUFFIX.search(words[0]).start() > 0:
                self._credit_home((words[0][:HOME_SUFFIX.search(words[0]).start()],), weight)
                words = words[1:]
                if len(words) == 1 and not self.known(words[0]) and NAME_WORD.match(words[0]):
                    self.add(words[0], "organisation", weight)  # "Seattle-based Boeing": a firm is based
                    return ()
            elif (board := _generic_board(words)) and len(words) > board + 1:
                owner = tuple(word for word in words[board + 1:] if word != "the") or words[-1:]
                known = self.known(" ".join(owner))  # "Board of Directors of Petronas": Petronas, a firm, whose
                self.add(*(known or (_canonical(owner, "organisation"), "organisation")), weight)  # board any has
                return ()
            elif len(words) >= 3 and self._is_demonym(words[:1]) and fold(" ".join(words[1:])) in NATIONAL_SOCIETIES:
                self.add(" ".join(words), "organisation", weight)  # "Indonesian Red Cross": the country's own
                return ()  # society, not the International Committee
            elif len(words) >= 3 and (DEMONYM_SHAPE.fullmatch(words[0]) and first not in GIVEN_NAMES and fold(
                    words[1]) in GIVEN_NAMES or first in NOUN_DEMONYMS) and not self.known(words[0]) \
                    and not self.known(" ".join(words)):  # "Dutchman Guus Hiddink": a noun, whoever follows
                words = words[1:]  # "Hawaiian Jesse Kuhaulua": where one is from, as "Former" says when
            elif STATE_RUN.fullmatch(words[0]):
                words = words[1:]  # "State-run Radio Rangoon": how it is run, not part of its name
            elif len(words) >= 3 and self._is_demonym(words[:1]) and "and" not in words and not self.known(" ".join(words)) and (fold(words[-1]) in PLACE_WORDS or (
                    self.known(" ".join(words[1:])) or ("", ""))[1] == "place"):
                words = words[1:]  # "the Russian Black Sea port": the sea (the demonym is counted as one)
            elif _opens_with_title(words) and not _split_title(words)[0] and (body := _post_of_body(words)):
                words = self._split_post_holder(body, weight)  # "Chairman of the USSR Council of
                # Ministers Nikolai Ryzhkov": the post is no name; the body and its holder are two
            elif 3 <= len(words) <= 5 and fold(words[1]) in GIVEN_NAMES and self._names_a_country(words[0]) and all(
                    NAME_WORD.match(word) and fold(word) not in NOT_PERSON_WORDS for word in words[1:]):
                if not self._is_demonym(words[:1]):
                    self._resolve(Mention(words[:1], weight, False))
                words = words[1:]
            else:
                break
        while words and words[0] in CONNECTORS and not (words[0] in SURNAME_PARTICLES and len(words) > 1 and all(
                NAME_WORD.match(word) or word in NAME_PARTICLES for word in words[1:])):  # but "de Klerk"
            words = words[1:]
        if len(words) > 1 and fold(words[-1]) in PARTY_MEMBERS and "of" not in words:  # "Kansas Republican", not
            words = words[:-1]  # "Party of European Socialists"
        while len(words) > 1 and (fold(words[-1]) in WEEKDAYS or PERIOD_CODE.fullmatch(words[-1])):
            words = words[:-1]  # "President Carter Saturday confirmed", "Samsung Electronics Q3 profit": when, not who
        return words

    def _split_post_holder(self, body: tuple[str, ...], weight: float) -> tuple[str, ...]:
        """The body a post is 'of', with the person who holds it (a given name and a surname at its end) typed
        apart."""
        holder = 2 if len(body) >= 3 and all(NAME_WORD.match(word) and fold(word) not in NOT_PERSON_WORDS
                                             for word in body[-2:]) else 0
        if holder and (fold(body[-2]) in GIVEN_NAMES or fold(body[-3]) in ORG_WORDS or _is_title(body[-3])):
            self.add(" ".join(body[-2:]), "person", weight)  # "... Council of Ministers Yerlan Sadykov"
            return body[:-2]
        return body

    def _credit_home(self, words: tuple[str, ...], weight: float) -> None:
        """Weak evidence, as a demonym is, for the place of "X-based", "X-listed", "X-born", "X-registered": the
        home of a firm or a person the story is about, which the story need not be about ("the New York-based fund
        said ..." is no New York story); a tag only if the story names the place too."""
        known = self.known(" ".join(words))
        if known and known[1] == "place":
            self.add(known[0], "place", weight * DEMONYM_WEIGHT, " ".join(words), named=False)

    def _names_a_firm(self, word: str) -> bool:
        """True for a name the taxonomy or the story already has as an organisation ("Gazprom" of "Gazprom Neft")."""
        known = self.known(word)
        entity = self.entities.get(fold(word))
        return bool(known and known[1] == "organisation" or entity and entity.kind == "organisation")

    def _describes_an_area(self, words: tuple[str, ...]) -> bool:
        """True if a word of the span, or a part of a hyphenated one, is a known place or a word of one ("Asia-Pacific",
        "Gulf"): a span that describes an area rather than naming a region."""
        return any(self.known(part) or fold(part) in PLACE_WORDS for word in words for part in word.split("-"))

    def _names_a_country(self, word: str) -> bool:
        """True for a country or its demonym ('Russia', 'Australian', 'Croat')."""
        known = self.known(word)
        return self._is_demonym((word,)) or bool(known and known[1] == "place" and fold(
            known[0]) in gazetteer().names and fold(word) not in PLACE_PREFIXES)  # not "San" of "San Francisco"

    def _is_demonym(self, words: tuple[str, ...]) -> bool:
        """True for a span that is only a demonym ('West German', 'Americans'): evidence, never a tag."""
        key = fold(" ".join(words))
        return key in self.demonyms or (key.endswith("s") and key[:-1] in self.demonyms) or self._townsfolk(words)

    def _townsfolk(self, words: tuple[str, ...]) -> bool:
        """True for the people of a place named as one plural word: "Quebecers", "Londoners", "Muscovites",
        "Berliners" (the place, with or without its last e, and -ers, -ites or -ians)."""
        found = TOWNSFOLK.fullmatch(words[0]) if len(words) == 1 else None
        if not found:
            return False
        stem = found.group(1)
        return any((place := self.known(name)) and place[1] == "place" for name in (stem, stem + "e", stem + "a"))

    def _count_demonyms(self, mention: Mention) -> None:
        """Weak evidence: each demonym ('Russian', 'Americans') in the span counts for its country."""
        words = [word.split("-")[0] if STATE_RUN.fullmatch(word) else word for word in mention.words]  # "Kuwaiti-owned"
        while words:  # two-word demonyms first: "South African", "New Zealander", "Sri Lankan"
            size = 2 if len(words) > 1 and self._demonym_of(f"{words[0]} {words[1]}") else 1
            country = self._demonym_of(" ".join(words[:size]))
            words = words[size:]
            if country:
                self.demonym_scores[country] = self.demonym_scores.get(country, 0.0) + DEMONYM_WEIGHT * mention.weight

    def _demonym_of(self, text: str) -> str | None:
        """The country a demonym or its plural names ('Russian', 'South Africans'), else None."""
        return self.demonyms.get(fold(text)) or self.demonyms.get(fold(text).removesuffix("s"))

    def _strip_openers(self, mention: Mention) -> tuple[str, ...]:
        """Drop a leading article or sentence opener ('The', 'According', 'Latest') unless part of a name."""
        words = mention.words
        while len(words) > 1 and not self.known(" ".join(words)):
            first = fold(words[0])
            korean = first in FAMILY_NAMES_FIRST and len(words) == 2 and bool(HYPHENATED_GIVEN_NAME.fullmatch(words[1]))
            opener = first in COMMON_WORDS and first != "all" and (  # "All Blacks", "All Nippon Airways"
                mention.initial or first in ARTICLES or first in CALENDAR) and not POSSESSIVE.search(words[0]) and not \
                korean  # a possessive kept in a span is part of the name ("People's Liberation"), and a Korean family
            # name that is a word too opens one ("An Chong-bum")
            society = fold(" ".join(words[1:])) in NATIONAL_SOCIETIES  # "Indonesian Red Cross" at a sentence start
            plain = mention.initial and bool(NAME_WORD.match(words[0])) and first not in self.types \
                and first not in ORG_WORDS | ORG_OPENERS and not POSSESSIVE.search(words[0]) and not society
            # "Bank of England", "Air Canada", "Lloyd's of London" at a sentence start stay whole, and so does a name
            # and a surname named like a town ("Lewis Hamilton won", "Toshio Yamaguchi, chief economist at ...")
            plain = plain and not (len(words) == 2 and first not in COMMON_WORDS and not VERB_FORM.fullmatch(
                words[0]) and (self._named_like_a_town(words[1]) or first in GIVEN_NAMES and mention.after in
                               ACTING_VERBS))  # "Toshio Yamaguchi, chief economist", "Lewis Hamilton won"
            rest = 1
            while plain and rest < len(words) - 1 and words[rest] in CONNECTORS:
                rest += 1
            verb = plain and self._opening_verb(words)
            if not (opener or verb or (plain and self.known(" ".join(words[rest:])))) or not opener and fold(
                    words[-1]) in ORG_WORDS and len(words) == rest + 1:
                break  # "State Duma", "Supreme Rada" at a sentence start: a body, not the town Duma
            words = words[1 if opener else rest:]
            while len(words) > 1 and words[0] in CONNECTORS:
                words = words[1:]
        acronym = len(words) == 1 and len(words[0]) > 1 and words[0].replace(".", "").isupper()
        if len(words) == 1 and not acronym and fold(words[0]) in NOT_NAMES_ALONE:
            return ()
        if words == mention.words[:1] and mention.initial and self._verb_opener(words[0]):
            return ()  # "Chasing 250, Kent ...", "Replying, Sussex ...": a verb, however often a report opens so
        return words

    def _club_shaped(self, words: tuple[str, ...]) -> bool:
        """True for a name that a club's could be and a person's seldom is: a big city last ("Wydad Casablanca"),
        or a city first and a club's word last ("Manchester United", "Bristol Rovers"; not "Rodriguez Zapatero", a
        surname that is a town too), its first word no given name (checked by callers)."""
        if fold(words[0]) in FAMILY_NAMES_FIRST:
            return False  # "Meng Wanzhou": a family name, then a given name that a city has too
        first = gazetteer().lookup(words[0], self.min_city_population)
        return self._named_like_a_city(words[-1]) or first is not None and first.kind == "city" and fold(
            words[-1]) in CLUB_ENDINGS

    def _named_like_a_city(self, word: str) -> bool:
        """True for a city of a million people or more, as clubs are named for ("Wydad Casablanca", "Dynamo Kyiv"),
        and surnames seldom are (a Japanese surname is a town's name: "Toshio Yamaguchi")."""
        place = gazetteer().lookup(word, CLUB_CITY_POPULATION)
        return place is not None and place.kind == "city"

    def _named_like_a_town(self, word: str) -> bool:
        """True for a word known only as a city or a town (no country, state, capital or body), as many surnames
        are ("Hamilton", "Yamaguchi"; not "Real Madrid")."""
        known = self.known(word)
        return bool(known) and known[1] == "place" and fold(known[0]) not in gazetteer().names and fold(
            known[0]) not in gazetteer().capitals

    def _means_otherwise(self, acronym: str) -> bool:
        """True if the taxonomy reads an acronym the story spells out as another entity than the story's."""
        spelled, listed = self.known(" ".join(self.acronyms[acronym])), self.known(acronym)
        return bool(listed) and fold(self.aliases.get(fold(acronym), acronym)) != fold(acronym) and (
            not spelled or fold(spelled[0]) != fold(listed[0]))

    def _opening_verb(self, words: tuple[str, ...]) -> bool:
        """True for a sentence's first word that is a verb's -ing or -ed form ("Chasing Toyota", "Citing Bank of
        Japan", "Asked Monday"): no part of the name after it, unless the story writes it capitalised inside a
        sentence too ("Boeing"), a list knows it or a name it opens ("United Nations"), or the rest only says what
        kind of body it is ("Reading Football Club", "Sterling Drug", "United Technologies"; not "Including Toyota
        Motor")."""
        if not self._verb_opener(words[0]) or any(self.known(" ".join(words[:end])) for end in range(2, min(
                len(words), 4) + 1)):
            return False  # "United Nations Secretary-General ...": a name it opens
        return bool(self.known(" ".join(words[1:]))) or not all(
            fold(word) in BODY_KIND_WORDS or word in CONNECTORS for word in words[1:])

    def _verb_opener(self, word: str) -> bool:
        """True for a word of a verb's -ing or -ed shape that the story never writes capitalised inside a sentence,
        that no list knows and that is no given name: a sentence's opening verb, not a name."""
        return bool(VERB_FORM.fullmatch(word)) and fold(word) not in self.inner and fold(
            word) not in GIVEN_NAMES and not self.known(word)

    def resolve_deferred(self) -> None:
        """Second pass: surnames of known people, short forms of known organisations, reused surnames; then a
        single name no list knows that the story repeats is an organisation ("Airbus wins Lufthansa order")."""
        places = self._add_located_places()
        if self.dateline and sum(len(m.words) == 1 and fold(m.words[0]) == self.dateline for m in self.deferred) >= 2:
            places.add(self.dateline)  # "Seville counts cost ...": the dateline's city, named twice
        result_names = {m.words[0] for m in self.deferred if self.venue and len(m.words) == 1 and _in_result(m)}
        firms = self._firms_named_for_towns()
        singles = {fold(m.words[-1]) for m in self.deferred if len(m.words) == 1} - places
        singles |= {fold(e.name.split()[-1]) for e in self.entities.values()  # "Gareth Kinsey" beside "G. Kinsey"
                    if e.kind == "person" and " " in e.name and INITIALS.match(e.name.split()[0])}
        unresolved: list[Mention] = []
        for mention in self.deferred:
            words = mention.words
            if len(words) == 1 and fold(words[0]) in places:
                known = self.known(words[0])  # under the gazetteer's name: "Bangalore" is Bengaluru
                self.add(known[0] if known and known[1] == "place" else words[0], "place", mention.weight, words[0])
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
            elif len(words) == 1 and (words[0] in result_names or fold(words[0]) in firms) and self.known(words[0]):
                self.add(words[0], "organisation", mention.weight)  # "Kent 388-6", "beat Milan": the club
            elif known := self.known(" ".join(words)):
                self.add(known[0], known[1], mention.weight, " ".join(words))
            elif len(words) >= 2 and all(NAME_WORD.match(w) for w in words) and fold(words[-1]) in singles and \
                    fold(words[0]) not in PLACE_PREFIXES | ARTICLE_OPENERS and not any(  # not "New Arctic" beside
                        fold(word) in FACILITY_HEADS | ORG_WORDS for word in words):  # "Arctic routes", nor "La Boca"
                club = fold(words[0]) not in GIVEN_NAMES and self._club_shaped(words)
                self.add(" ".join(words), "organisation" if club else "person", mention.weight)  # "Real Madrid"
            else:
                unresolved.append(mention)
        self._add_repeated_names(unresolved)

    def _firms_named_for_towns(self) -> set[str]:
        """Folded one-word towns the story uses as a firm and never as a place: "Toyota said", "carmaker
        Kawasaki", "shares of Hitachi", never "in Toyota" (a capital that speaks is its government, see _resolve)."""
        singles = [m for m in self.deferred if len(m.words) == 1]
        acting = {fold(m.words[0]) for m in singles if m.after in ACTING_VERBS - RESULT_WORDS
                  or m.before[-1:] and m.before[-1] in ORG_NOUNS or m.before[-2:] == ("shares", "of")}
        located = {fold(m.words[0]) for m in singles if m.before[-1:] and m.before[-1] in LOCATIVES | {"at", "of"}}
        return set() if self.venue else acting - located - gazetteer().capitals.keys() - {self.dateline}

    def _add_located_places(self) -> set[str]:
        """Folded single names no list knows that the story puts places in ("peace in Chechnya", "troops to
        Chechnya"): named twice, once after a locative word, or before a locality's noun ("the Itaewon district");
        never where a result names a team."""
        singles = [m for m in self.deferred if len(m.words) == 1 and NAME_WORD.match(m.words[0])]
        counts = Counter(fold(m.words[0]) for m in singles)
        localities = {fold(m.words[0]) for m in singles if m.after in LOCALITY_NOUNS and not m.initial}  # "the
        # Itaewon district", "Kadikoy district": a place, named once or more
        located = localities | {fold(m.words[0]) for m in singles if m.before[-1:] and m.before[-1] in LOCATIVES
                                or self.venue and (m.before[-1:] == ("at",) or m.initial and m.after == ":")}  # "Hove:
        # Sussex 246"
        figures = {fold(m.words[0]) for m in singles if m.after == "<number>"}  # "fell Rs 96 to Rs 1,620"
        surnames = {fold(m.words[-1]) for m in self.deferred if 2 <= len(m.words) <= 3 and all(
            NAME_WORD.match(word) for word in m.words) and fold(m.words[0]) not in PLACE_PREFIXES}  # "tries from
        # Joubert" after "wing Marius Joubert": a surname, wherever the story puts him
        return {key for key in located - figures - surnames if (counts[key] >= 2 or key in localities)
                and key not in NOT_A_SINGLE_NAME
                and not FIRM_ENDING.search(key)  # "a plant of Sibneftegaz": a firm, whatever the preposition
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
        acting = {m.words[0] for m in singles if m.after in ACTING_VERBS or m.before[-1:] and m.before[-1] in ORG_NOUNS}
        products = {m.words[0] for m in singles if m.after in PRODUCT_NOUNS}  # "Oreshnik missile", "Taurus car"
        headlined = {m.words[0] for m in singles if m.weight >= HEADLINE_WEIGHT}
        inside |= {m.words[0] for m in singles if m.weight >= HEADLINE_WEIGHT and not m.initial}  # not "Consumer
        # spending edges up": a headline's first word is capitalised whatever it is
        scorecard = self.scorecard or any(len(m.words) == 1 and m.after == "<number>" and getattr(
            self._match_known(m.words), "kind", "") == "person" for m in self.deferred)
        for mention in singles:
            word = mention.words[0]
            key = fold(word)
            team = self.venue and (word in self.team_words and not (scorecard and counts[word] == 1) or counts[
                word] >= 2)  # sport: clubs and sides
            named = counts[word] >= 2 and (word in inside or word in headlined and word in acting) and (
                word in acting or word in headlined)  # "Airbus wins ...: Airbus has won"; not "Consumer spending"
            named = named or mention.in_writing or FIRM_ENDING.search(key) is not None and counts[word] >= 2
            # "Rosneftegaz said in a statement"; "Sibneftegaz ... Sibneftegaz": a firm by the way it speaks or its name
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
        """Drop the 'people' the story also writes with an article (see articled) and the names of its ships and
        craft (see vessels); retype those whose shares it trades as firms (see traded); fold a person known only by
        a short form (a surname, "de Klerk", "Sheikh Tamim"), or a single name no list knows typed as an
        organisation ("Moon, Kim agree" in a headline), into the one full name it is a short form of, and drop it
        when several are."""
        for key in [key for key, entity in self.entities.items() if entity.kind == "person" and key in self.articled
                    or key in self.vessels]:  # and every name the story gives a ship or a craft, wherever met first
            del self.entities[key]
        for key in self.traded & self.entities.keys():
            if self.entities[key].kind == "person" and key not in self.types:
                self.entities[key].kind = "organisation"  # "Morton Thiokol", "Charles Schwab": a firm for a person
        for key, entity in list(self.entities.items()):
            words = key.split()
            bare = words[-1] if words and set(words[:-1]) <= ROYAL_TITLES else key  # "Sheikh Tamim": Tamim
            if not (entity.kind == "person" or entity.kind == "organisation" and " " not in key
                    and key not in self.types and not ACRONYM.match(entity.name) and not any(
                        variant.split()[-1] in LEGAL_SUFFIXES for variant in entity.variants if " " in variant)):
                continue  # "Dell Inc" is a firm, not Michael Dell
            fuller = [e for k, e in self.entities.items()  # "de Klerk" before "Faf de Klerk" too
                      if e.kind == "person" and k != key and len(k) > len(bare) and bare in surname_keys(e.name)]
            if not fuller and entity.kind == "person" and " " not in bare and bare not in GIVEN_NAMES:
                fuller = [e for k, e in self.entities.items()  # "Dr Mahathir" is the story's Mahathir Mohamad:
                          if e.kind == "person" and k != key and " " in k and k.split()[0] == bare]  # a first name
            if len(fuller) == 1:
                self._fold_into(key, fuller[0])
            elif fuller and " " not in bare:  # "Kim" in a story of Kim Jong-un and Kim Yo-jong: which one is not
                del self.entities[key]  # said, so no tag
        for key, entity in list(self.entities.items()):
            words = entity.name.split()
            if entity.kind != "person" or len(words) < 2 or not all(INITIALS.match(word) for word in words[:-1]):
                continue  # "P. Simmons" in a scorecard is the Phil Simmons of the report
            fuller = [e for k, e in self.entities.items() if e.kind == "person" and k != key
                      and fold(e.name.split()[-1]) == fold(words[-1]) and e.name[0] == words[0][0]]
            if len(fuller) == 1:
                self._fold_into(key, fuller[0])

    def merge_organisations(self) -> None:
        """Fold an acronym into the entity it abbreviates (HKSAR into Hong Kong, written 'Hong Kong Special
        Administrative Region', PZPR into the Polish United Workers' Party the story brackets it after), 'Foreign
        Ministry' into 'Russian Foreign Ministry'."""
        for acronym, spelled in self.spelled_out.items():
            targets = [entity for key, entity in self.entities.items() if key != acronym and spelled in entity.variants]
            targets = targets or [entity for key, entity in self.entities.items() if key != acronym and any(
                spelled.endswith(" " + variant) for variant in entity.variants if " " in variant)]  # "Physicists at
            # the European Organization for Nuclear Research (CERN)": the name ends the words before the bracket
            if len(targets) == 1 and self._owner_named(spelled, acronym, targets[0]):
                continue  # "Japan's International Cooperation Agency (JICA)": renamed, acronym and all
            if acronym in self.entities and not self.known(acronym) and len(targets) == 1:  # a listed one stands
                self._fold_into(acronym, targets[0])
            elif acronym in self.entities and len(targets) == 1 and not self.known(targets[0].name):
                long_key = next(key for key, entity in self.entities.items() if entity is targets[0])
                self._fold_into(long_key, self.entities[acronym])  # and takes its long form: "CERN"
        orgs = {key: e for key, e in self.entities.items() if e.kind == "organisation"}
        for key, entity in orgs.items():
            if key not in self.entities:
                continue  # folded into an acronym the taxonomy files it under
            longer = [
                other for other_key, other in self.entities.items()
                if other_key != key and (_abbreviates(entity.name, other) or other.kind == "organisation" and _qualifies(
                    key, other_key, self.demonyms) and not set(key.split()) <= INSTITUTION_WORDS)
            ]
            if not longer and " " in key and key not in self.types:  # "the Supervisory Service" for the
                longer = [other for other_key, other in self.entities.items()  # "Financial Supervisory Service"
                          if other.kind == "organisation" and other_key.endswith(" " + key)
                          and not set(key.split()) <= GENERIC_NAME_WORDS]
            if len(longer) == 1 and key not in self.types:
                self._fold_into(key, longer[0])
            elif len(longer) == 1 and _abbreviates(entity.name, longer[0]):  # "Organization of Petroleum Exporting
                long_key = next(k for k, other in self.entities.items() if other is longer[0])  # Countries (OPEC)"
                if long_key not in self.types:  # where tags.yaml files the body under its acronym: one tag
                    self._fold_into(long_key, entity)

    def _owner_named(self, spelled: str, acronym: str, target: Entity) -> bool:
        """Rename a body the story writes after its country's possessive to the name its acronym spells, the
        country's name first ("Japan's International Cooperation Agency (JICA)": Japan International Cooperation
        Agency), folding the acronym in; True if renamed."""
        key = fold(target.name)
        owner = spelled[:-len(key)].strip() if spelled.endswith(" " + key) else ""
        place = self.known(owner) if owner else None
        if not place or place[1] != "place" or "".join(word[0] for word in spelled.split() if word not in
                                                       CONNECTORS) != acronym:
            return False
        old_key = next(k for k, entity in self.entities.items() if entity is target)
        name = f"{place[0]} {target.name}"
        self.add(name, "organisation", 0.0, named=False)
        renamed = self.entities[fold(name)]
        self._fold_into(old_key, renamed)
        if acronym in self.entities and not self.known(acronym):
            self._fold_into(acronym, renamed)
        return True

    def fold_inverted_names(self) -> None:
        """Fold a body named with its place before it into the same body named with "of" the place ("Boston
        Archdiocese" into the "Roman Catholic Archdiocese of Boston", "Chicago Federal Reserve Bank" into the
        "Federal Reserve Bank of Chicago"): one entity, written two ways."""
        for key, entity in list(self.entities.items()):
            words = key.split()
            if entity.kind != "organisation" or len(words) < 2:
                continue
            for cut in range(1, len(words)):
                place = self.known(" ".join(words[:cut]))
                if place and place[1] == "place":
                    inverted = f"{' '.join(words[cut:])} of {' '.join(words[:cut])}"
                    targets = [other for other_key, other in self.entities.items() if other.kind == "organisation"
                               and other_key != key and (other_key == inverted or other_key.endswith(" " + inverted))]
                    if len(targets) == 1:
                        self._fold_into(key, targets[0])
                    break

    def drop_weak_acronyms(self) -> None:
        """Forget bare acronyms mentioned once that neither the taxonomy nor the article explains."""
        for key, entity in list(self.entities.items()):
            bare = entity.kind == "organisation" and ACRONYM.match(entity.name) and key not in self.types
            if bare and entity.score < 2:
                del self.entities[key]

    def _fold_into(self, key: str, target: Entity) -> None:
        """Move the score of entity key onto target and forget key."""
        target.absorb(self.entities.pop(key))


def _numbered_name(words: tuple[str, ...]) -> bool:
    """True for a name a number word opens: a plural or singular name word, then a place's, a facility's or a
    body's head ("Three Gorges Dam", "Three Mile Island", "Four Seasons Hotels"), not "Four Africans"."""
    heads = PLACE_WORDS | FACILITY_HEADS | ORG_ENDINGS | BUILDING_WORDS
    end = next((index for index in range(2, len(words)) if fold(words[index]) in heads), 0)
    return end > 0 and all(NAME_WORD.match(word) for word in words[1:end + 1]) and not any(
        fold(word) in GENERIC_NAME_WORDS for word in words[1:end])  # not "Two Interior Ministry brigades"


def _nickname(words: tuple[str, ...], canonical: str) -> bool:
    """True for a country's other name written out in words ("America", "Britain", "Holland"), not its own name
    nor an abbreviation ("U.S.", "UK"): one that other names begin with (America Movil, Holland America Line)."""
    written = " ".join(words)
    return fold(written) != fold(canonical) and not written.replace(".", "").isupper() and "." not in written


@lru_cache(maxsize=65536)
def surname_keys(name: str) -> frozenset[str]:
    """Folded short forms a person is referred to by: the surname, with and without an al- particle (remembered:
    each short form met is checked against every person named so far)."""
    words = name.split()
    last = fold(words[-1])
    keys = {last, re.sub(r"^(?:al|el|bin|ibn|abu) ", "", last)}
    if len(words) in (2, 3) and fold(words[0]) in FAMILY_NAMES_FIRST:
        keys.add(fold(words[0]))  # Li Peng is "Li" on second reference
    if len(words) >= 3:  # "Rodriguez Zapatero", "Lula da Silva", "van den Broek", "von Weizsaecker"; and "Wan
        # Azizah" of "Wan Azizah Wan Ismail", "Abdullah bin Zayed" of "Abdullah bin Zayed al-Nahyan"
        keys.update(fold(" ".join(words[start:])) for start in range(1, len(words) - 1))
        keys.update(fold(" ".join(words[:end])) for end in range(2, len(words)) if words[end - 1] not in NAME_PARTICLES)
    keys.update(fold(words[index]) for index in range(1, len(words) - 2) if words[index + 1] in ROMANCE_PARTICLES)
    # "Salinas" of "Carlos Salinas de Gortari", "Lula" of "Luiz Inacio Lula da Silva": the first surname
    own = next((index for index, word in enumerate(words) if word.lower() in PATRONYMIC_PARTICLES), 0)
    if own:  # "Abdul Razak bin Hussein" is "Razak" too: the last word of the own name
        keys.add(fold(words[own - 1]))
    if len(words) >= 3 and words[-2].lower() in PATRONYMIC_PARTICLES:
        keys.discard(last)  # the father's name alone is not his son's: "Salman" is not Mohammed bin Salman
    if len(words) == 3 and NAME_WORD.match(words[1]) and not INITIALS.match(words[1]) and fold(
            words[1]) not in GIVEN_NAMES and words[1] not in NAME_PARTICLES:
        keys.add(fold(words[1]))  # "Okello" of "Tito Okello Lutwa", "Zia" of "Mohammed Zia ul-Haq": the name in use
    if len(words) >= 2 and REGNAL_NUMBER.fullmatch(words[-1]):
        keys.add(fold(words[-2]))  # "Abdullah II" is "King Abdullah"
    if len(words) >= 3 and not any(word.endswith(".") or word.lower() in NAME_PARTICLES for word in words[1:-1]):
        keys.add(fold(f"{words[0]} {words[-1]}"))  # "Mikhail Gorbachev" of "Mikhail Sergeyevich Gorbachev" (never
        # "George Bush" of "George W. Bush": an initial may tell a father from his son)
    return frozenset(keys)


SPELLING_VARIANTS = ((" the ", " "), ("isation", "ization"), ("centre", "center"), ("defence", "defense"),
                     ("labour", "labor"))


def _spellings(key: str) -> list[str]:
    """A folded name and its other spellings that name one entity: without an inner "the" ("Organization of the
    Petroleum Exporting Countries"), and in American spelling ("Organisation", "Centre", "Defence", "Labour")."""
    spellings = [key]
    for british, american in SPELLING_VARIANTS:
        spellings += [spelling.replace(british, american) for spelling in spellings if british in spelling]
    return spellings


def _abbreviates(acronym: str, entity: Entity) -> bool:
    """True if acronym ('ICRC') is the initials of one of the entity's names."""
    if not ACRONYM.match(acronym):
        return False
    for variant in entity.variants | {fold(entity.name)}:
        words = [word for word in variant.split() if word not in CONNECTORS and word not in ("in", "on", "at", "to")]
        for kept in (words, [word for word in words if word not in LEGAL_SUFFIXES]):
            if "".join(word[0] for word in kept) == acronym.lower():
                return True
        if words and words[-1] in ("co", "corp") and "".join(word[0] for word in words[:-1]) + words[-1] == \
                acronym.lower():
            return True  # "TEPCO" of "Tokyo Electric Power Co": a company's suffix written whole
        if _spells_inside(acronym.lower(), [word for word in words if word not in LEGAL_SUFFIXES]):
            return True
    return False


COMPOUND_PART = 3  # a letter from inside a one-word name starts a part of the compound at the earliest here


def _spells_inside(acronym: str, words: list[str]) -> bool:
    """True if the acronym takes every word's initial in order and its other letters from inside those words, as
    makers of acronyms do: "ICCO" of "International Cocoa Organization", "VW" of "Volkswagen". A one-word name
    gives its inner letters only where a part of a compound may start ("VW", never "UN" of "Unilever")."""
    if not words or len(acronym) <= len(words) or acronym[0] != words[0][0]:
        return False
    at = 0  # the acronym's next letter to place
    for index, word in enumerate(words):
        if at >= len(acronym) or acronym[at] != word[0]:
            return False
        at += 1
        later = len(acronym) - (len(words) - index - 1)  # letters the words after this one still need
        start = COMPOUND_PART if len(words) == 1 else 1
        for letter in word[start:]:
            if at < later and letter == acronym[at]:
                at += 1
    return at == len(acronym)


def _qualifies(key: str, other: str, demonyms: dict[str, str]) -> bool:
    """True if other is key with a demonym or country in front ('russian foreign ministry')."""
    if not other.endswith(" " + key):
        return False
    head = other[: -len(key) - 1]
    return head in demonyms or fold(demonyms.get(head, "")) == head or head in {fold(c) for c in demonyms.values()}


def _split_conjunction(words: tuple[str, ...], known, heads: frozenset[str]) -> list[tuple[str, ...]]:
    """Split 'Saudi Arabia and Qatar' and 'Barclays and HSBC Holdings' in two; keep whole 'Securities and Futures
    Authority' (a kind of thing before 'and' is no name alone), 'Johnson and Johnson', 'Black and Decker Corp' (two
    words the story never uses alone, then a suffix), and every name with an ampersand ('Marks & Spencer'; but
    'Larsen & Toubro and ICICI Bank' is two)."""
    if "and" not in words:
        return []
    cut = words.index("and")
    if words.count("and") == 1 and 2 <= cut <= 4 and fold(words[0]) in GIVEN_NAMES and fold(words[cut + 1]) in \
            GIVEN_NAMES and all(NAME_WORD.match(word) for word in words[:cut]):
        return [words[:cut], words[cut + 1:]]  # "Ronald McNair and Gregory Jarvis of Hughes Aircraft": two people
    if len(words) == 3 and words[1] == "and" and not any(known(word) or fold(word) in heads | ORG_WORDS
                                                         for word in words[::2]):
        return []  # "Blue and White", "Law and Justice": one party's name, neither word a name the story uses alone
    if "the" in words[2:] and words[words.index("the", 2) - 1] == "and":  # "Agriculture Department and the Office
        cut = words.index("the", 2) - 1  # of Management and Budget": no name goes on across "and the"
        return [words[:cut], words[cut + 2:]]
    cuts = [index for index, word in enumerate(words) if word == "and"]
    cut = cuts[-1]
    named = [word for word in words[cut + 1:] if fold(word) not in LEGAL_SUFFIXES]
    if named and all(fold(word) in GENERIC_WORDS - BODY_WORDS or word in CONNECTORS for word in named):
        return []  # "Nippon Telegraph and Telephone Corp", "Ministry of Land, Transport and Maritime Affairs": one
        # name, whose words after "and" name nothing alone
    if len(cuts) > 1 and cut - cuts[-2] == 2 and fold(words[cut - 1]) in GENERIC_WORDS:
        cut = cuts[-2]  # "PetroChina and Industrial and Commercial Bank of China": a kind is no name alone
    left, right = words[:cut], words[cut + 1:]
    if not left or not right or left == right or "autonomous" in {fold(word) for word in right[1:]}:
        return []  # "Aba Tibetan and Qiang Autonomous Prefecture": one division, named for its peoples
    head = right[:right.index("of", 1)] if "of" in right[1:] else right  # "Commercial Bank" of "... Bank of China"
    whole_is_org = fold(words[-1]) in ORG_ENDINGS
    if whole_is_org and len(left) >= 2 and _is_title(left[-1]):
        return [left, right]  # "Interior Minister and League" (leader Matteo Salvini): a post, and a party; not
        # "Justice and Development Party", named with a word that is also a title
    if (whole_is_org or fold(head[-1]) in ORG_ENDINGS) and len(left) == 1 and fold(left[0]) in GENERIC_WORDS:
        return []
    places = [known(" ".join(part)) for part in (left, right[:2], right[:1])]
    if whole_is_org and places[0] and places[0][1] == "place" and any(p and p[1] == "place" for p in places[1:]):
        return []  # "Hong Kong and Macao Work Office", "Hong Kong and Shanghai Banking Corporation"
    left_is_name = known(" ".join(left)) or fold(left[-1]) in LEGAL_SUFFIXES or len(left) > 3
    left_is_name = left_is_name or fold(left[-1]) in ORG_WORDS and not all(fold(word) in GENERIC_WORDS for word in left)
    left_is_name = left_is_name or fold(" ".join(left)) in heads or "&" in left[1:-1]  # "Larsen & Toubro and ..."
    right_is_generic = "and" not in left and all(fold(word) in PARTNER_WORDS for word in right)  # "Smith and Sons Ltd"
    if whole_is_org and (right_is_generic or not left_is_name):
        return []
    if _names_a_domain(left, right, known):
        return []
    return [left, right]


def _two_firms(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The two names on either side of one "and" (two words or more each, or one word before a name of three),
    the second ending as a firm's does: two firms ("Moore Threads and Biren Technology", "Israir and Israel
    Aircraft Industries", when the second ends as a firm's name does or the story names one alone too), not one
    named for its founders ("Black and Decker Corp") or its trades ("Federal Savings and Loan Insurance
    Corporation"); None otherwise."""
    if words.count("and") != 1 or fold(words[-1]) not in ORG_ENDINGS:
        return None
    cut = words.index("and")
    left, right = words[:cut], words[cut + 1:]
    named = [word for word in right if fold(word) not in LEGAL_SUFFIXES]  # "Israel Aircraft Industries" after
    if len(left) < (1 if len(named) >= 3 else 2) or len(named) < 2 or not all(  # one name, not "Decker Corp"
            NAME_WORD.match(word) and fold(word) not in GENERIC_WORDS | PARTNER_WORDS | ORGAN_ADJECTIVES | ORG_WORDS
            for word in (*left, *right[:-1])):
        return None
    return left, right


def story_products(spans: list[Mention], known) -> frozenset[str]:
    """Folded names a story gives products and works: after a work's noun ("the hospital drama ER"), before a
    product's noun ("its Roundup weedkiller", "Roundup maker Monsanto") or in quotation marks ('"Dallas"'); every
    mention of them in the story is of the product. A name a list knows is a product only where quoted."""
    found = set()
    for mention in spans:
        product = mention.after in PRODUCT_NOUNS and not mention.owns_common_noun  # not "Vietnam's treatment"
        if mention.quoted or (product or mention.before[-1:] and mention.before[-1] in WORK_NOUNS) and not known(
                mention.text):
            found.add(fold(mention.text))
    return frozenset(found)


def story_inner(spans: list[Mention]) -> frozenset[str]:
    """Folded words a story writes capitalised other than as a sentence's first word, or as the one word before a
    verb a name does ("Corning said"): a name, whatever its shape."""
    return frozenset(fold(word) for mention in spans for index, word in enumerate(mention.words)
                     if index or not mention.initial or len(mention.words) == 1 and mention.after in ACTING_VERBS)


def story_heads(spans: list[tuple[str, ...]]) -> frozenset[str]:
    """Folded spans without 'and', and folded words a story uses as names on their own: those that open or end a
    span other than beside 'and' ('Barclays' of 'Barclays Chief Executive' and 'Shares of Barclays', not 'Black' of
    'Black and Decker')."""
    heads = set()
    for words in spans:
        if "and" not in words:
            heads.add(fold(" ".join(words)))
        if len(words) < 2 or words[1] != "and":
            heads.add(fold(words[0]))
        if len(words) < 2 or words[-2] != "and":
            heads.add(fold(words[-1]))
    return frozenset(heads)


def _split_slash(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The names on either side of a slash that ends the span: 'Unilever/Nestle', 'Deutsche Bank/Commerzbank' ([]
    if none; 'Hughes/Conserdyne Corp' and 'BP/Standard Financial Trading' are one name each)."""
    left, slash, right = words[-1].partition("/")
    if slash and left[:1].isupper() and right[:1].isupper():
        return [words[:-1] + (left,), (right,)]
    return []


def _split_after_suffix(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Two names run together after a legal suffix: 'Vale SA Rio Tinto' ([] if none)."""
    for index in range(1, len(words) - 1):
        following = words[index + 1]
        if fold(words[index]) in LEGAL_SUFFIXES and NAME_WORD.match(following) and fold(following) not in ORG_TRAILERS:
            return [words[:index + 1], words[index + 1:]]
    return []


def _title_holder(prefix: tuple[str, ...]) -> tuple[str, ...]:
    """Whose title it is, from the words before a person's title: 'HSBC' (HSBC Chair), 'U.S.' (U.S. Secretary of
    State), 'Oil and Natural Gas Corporation' (Chairman of the ...); nothing for a portfolio ('Petroleum and Natural
    Gas' Minister, Minister of 'Foreign Trade and Economic Cooperation', 'Chief Cabinet' Secretary)."""
    words = prefix
    if words and _is_title(words[0]):
        while words and (_is_title(words[0]) or fold(words[0]) in TITLE_MODIFIERS):
            words = words[1:]
        if not words or words[0] not in ("of", "for"):
            return ()  # a title of several words: "Chief Cabinet" Secretary
        while words and words[0] in CONNECTORS:
            words = words[1:]
    cut = next((index for index, word in enumerate(words) if _is_title(word)), len(words))
    words = words[:cut]  # "BHP Group" of "BHP Group Chief Legal" Officer
    folded = [fold(word) for word in words]
    if not words or folded[-1] in DOMAIN_WORDS and len(words) > 1:
        return ()
    if all(word in GENERIC_WORDS for word in folded) and INSTITUTION_HEADS.isdisjoint(folded):
        return ()  # "Insurance" Commissioner; not the "Reserve Bank" Governor (a central bank)
    return words


def _names_a_domain(left: tuple[str, ...], right: tuple[str, ...], known) -> bool:
    """'Ministry of Industry and Trade', 'Board of Pardons and Paroles', 'National Association of Software and Service
    Companies': a body 'of X and Y', one name."""
    return (
        "of" in left[1:]
        and fold(left[left.index("of") - 1]) in ORG_WORDS
        and len(right) <= 3
        and not known(" ".join(right))
        and not (len(right) == 3 and right[1] == "of" and fold(right[0]) in ORG_WORDS)  # "... and Bank of Montreal"
        and (fold(right[0]) in GENERIC_WORDS or not any(fold(word) in ORG_ENDINGS for word in right))
    )


def _split_affiliation(words: tuple[str, ...], known, alone: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The person in 'David Wyss of Data Resources', 'Bijan Moussavar-Rahmani of Harvard University' or 'Analyst
    Walter Spracklin of RBC Dominion Securities' (the rest after 'of' is the organisation; a title before the name
    is no part of it), or in 'Eliud Kipchoge of Kenya' where the story calls him by his surname alone (a folded
    word of `alone`), else () ('Gold Fields of South Africa Ltd' is a company: a place and a suffix after 'of')."""
    if "of" not in words:
        return ()
    left = words[:words.index("of")]
    titled = [index for index, word in enumerate(left[:-2]) if _is_title(word)]
    if titled:  # "Analyst Walter Spracklin", "Grand Steward Shoichi Fujimori": the name after the last title word
        left = left[titled[-1] + 1:]
    folded = {fold(word) for word in left}
    right = [fold(word) for word in words[len(left) + 1:]]
    bad = ORG_WORDS | PLACE_WORDS | TITLES | COMMON_WORDS | NOT_PERSON_WORDS | ORDINALS | BUILDING_WORDS
    given = fold(left[0]) in GIVEN_NAMES or INITIALS.match(left[0])  # not "Great Hall" of the People
    body = any(word in ORG_WORDS or word in LEGAL_SUFFIXES for word in right)  # "of Harvard University"
    place = known(" ".join(word for word in words[len(left) + 1:] if fold(word) not in ORG_TRAILERS))
    body = body and not (place and place[1] == "place")
    given = given or bool(place) and place[1] == "place" and bool(left) and fold(left[-1]) in alone  # a surname
    size = 2 <= len(left) <= 3 or len(left) == 1 and body and fold(left[0]) in alone or 4 <= len(left) <= 5 and (
        given or any(word in NAME_PARTICLES for word in left[1:-1]))
    # "Bolsonaro of the Liberal Party" (a surname the story writes alone), "Luiz Inacio Lula da Silva of the Workers'
    # Party"
    if size and (given or body) and all(NAME_WORD.match(w) or index and w in NAME_PARTICLES
                                        for index, w in enumerate(left)) and not folded & bad and not any(
            word.removesuffix("s") in TITLES for word in folded):  # "Joint Chiefs of Staff Committee": a body
        return left
    return ()


def _opens_with_title(words: tuple[str, ...]) -> bool:
    """True if a title opens the words, or an ordinal and a title ("First Deputy Chairman", "Second Secretary")."""
    return bool(words) and (_is_title(words[0]) or fold(words[0]) in ORDINALS and len(words) > 1 and _is_title(
        words[1]))


def _is_title(word: str) -> bool:
    """True for a title word, hyphenated ones too ('President-elect')."""
    return any(part in TITLES for part in fold(word).split())


@lru_cache(maxsize=65536)
def _fathers_title(words: tuple[str, ...], at: int) -> bool:
    """True for a Malay honorific inside a name, after a given name: the father's, part of the name ("Najib Tun
    Razak", "Hishammuddin Tun Hussein", "Mohd Yusof Haji Ismail"), not a title before it."""
    return 0 < at < len(words) - 1 and fold(words[at]) in FATHERS_TITLES and bool(NAME_WORD.match(words[at - 1])) \
        and not _is_title(words[at - 1])


def _split_title(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(person, rest) for a span like 'Russian Foreign Minister Sergey Lavrov'; person is () if none (remembered,
    as the same spans recur from story to story)."""
    end = len(words)
    start = end
    while start > 0 and (NAME_WORD.match(words[start - 1]) or (words[start - 1] in NAME_PARTICLES or INITIAL_LETTER.fullmatch(
            words[start - 1])) and start < end) \
            and (not _is_title(words[start - 1]) or _fathers_title(words, start - 1) or start == end and words[
                start - 1] in SURNAME_TITLES) \
            and fold(words[start - 1]) not in NAME_STOPS:
        start -= 1
    while start < end and words[start] in NAME_PARTICLES:
        start += 1  # a name does not start with 'von' or 'der'
    if start == 0 or not any(_is_title(word) for word in words[:start]):
        return (), ()
    before = fold(words[start - 1])
    after_body = (before in ORG_ENDINGS or before in DOMAIN_WORDS) and end - start >= 2 and any(
        _is_title(word) for word in words[:start - 1])  # "Minister of Foreign Trade and Economic Cooperation Shi Guangsheng"
    if not (_is_title(words[start - 1]) or before in TITLE_MODIFIERS or after_body) and start < len(words):
        return (), tuple(words[:start])  # but "Chairman of the Oil and Natural Gas Corporation Arun Kumar Singh"
    rest = list(words[:start])
    while rest and (_is_title(rest[-1]) or fold(rest[-1]) in TITLE_TAILS or len(rest) < start and _in_title(rest)):
        rest.pop()
    person = words[start:] if 1 <= sum(word not in NAME_PARTICLES for word in words[start:]) <= (
        5 if any(word in NAME_PARTICLES for word in words[start:]) else 4) else ()  # "Luiz Inacio Lula da Silva"
    if any(part in NOT_PERSON_WORDS and not (index == 0 and part in FAMILY_NAMES_FIRST)  # "Park Jeong-je"; and
           for index, word in enumerate(person) for part in fold(word).split()) or _body_of_title(words[:start]):
        # each part of a hyphenated word: "General Motors-Holden's" is a firm
        return (), ()  # "General Staff Building", "Prince William Sound": a name with a title word in it
    if len(person) == 1 and fold(person[0]) in GENERIC_WORDS:
        return (), ()  # "Duke Power", "King Coal": a firm or a thing named with a title word
    if len(person) == 1:
        royal = start
        while royal > 0 and fold(words[royal - 1]) in ROYAL_TITLES:
            royal -= 1
        titles = {fold(word) for word in words[royal:start]}
        # "Prince Charles", "Queen Sofia": a royal known by a common given name is known by title and name, and a
        # peer or a sheikh by title and one name ("Lord Carrington", "Sheikh Hasina"); a monarch of a court whose
        # titles are no part of a name is known by the name ("Emperor Hirohito", "Crown Prince Akihito", "Sultan
        # Qaboos": Hirohito, Akihito, Qaboos)
        if royal < start and (titles & NAMED_BY_TITLE or fold(person[0]) in GIVEN_NAMES and not titles & COURT_TITLES
                              or FAMILY_ARTICLE.match(person[0])):  # "Sultan al-Jaber": Sultan is his given name
            return tuple(words[royal:]), tuple(rest[:royal])
    return person, tuple(rest)


def _person_shaped(words: tuple[str, ...]) -> bool:
    """True for two to four name words none of which a person's name holds: "Dinesh Wickrama", not "Exxon Corp"."""
    return 2 <= len(words) <= 4 and all(NAME_WORD.match(word) and fold(word) not in NOT_PERSON_WORDS and fold(
        word) not in LEGAL_SUFFIXES for word in words)


def _in_title(words: list[str]) -> bool:
    """True if the last word, before a title word, is a portfolio between two title words ("Chief Legal Officer",
    "Chief Operating Officer", "Chief Investment Officer"), not a firm's word ("General Electric Chairman")."""
    last = fold(words[-1])
    return len(words) >= 2 and _is_title(words[-2]) and last not in ORG_ENDINGS and (
        last in DOMAIN_WORDS or bool(ADJECTIVE_ENDING.search(last)) or bool(VERB_FORM.fullmatch(words[-1])))


def _after_the(words: tuple[str, ...], mention: Mention) -> bool:
    """The whole mention is the words, with 'the' just before them, not a plural and not speaking."""
    whole = tuple(mention.words[1:] if mention.words[0] == "The" else mention.words) == tuple(words)
    plural = words[-1].endswith(("s", "s'", "s’"))  # "the All Blacks", "the Wallabies": a side, named as its players
    speaks = mention.after in SPEECH_VERBS  # "the Coast Guard said": a body; a ship or a painting says nothing
    return whole and not plural and not speaks and (mention.before[-1:] == ("the",) or mention.words[0] == "The")


def _post_of_body(words: tuple[str, ...]) -> tuple[str, ...]:
    """What follows 'Title(s) of (the)' when a body named by an organisation word does ('Chief Executive of the
    Hong Kong Special Administrative Region', 'Chairman of the ... Council of Ministers'), else ()."""
    start = 1 if _opens_with_title(words) and not _is_title(words[0]) else 0  # "First Deputy Chairman of"
    while start < len(words) and _is_title(words[start]):
        start += 1
    if start == 0 or start + 1 >= len(words) or words[start] != "of":
        return ()
    body = words[start + 1:]
    while body and body[0] in CONNECTORS:
        body = body[1:]
    return body if any(fold(word) in ORG_WORDS | PLACE_WORDS for word in body) else ()


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
    if len(words) > 2 and {"launch", "space"} & set(folded[1:-1]) and folded[-1] in LAUNCH_SITES:
        return "place"  # "Wenchang Space Launch Site", "Kennedy Space Center": where rockets fly from
    if mention.before[-1:] != () and mention.before[-1] in EMPLOYER_NOUNS and not mention.owned:
        return "organisation"  # "investment firm Silver Lake", "the bank Morgan Grenfell": what the story says it is
    facility = len(words) > 1 and folded[-1] in FACILITY_HEADS and (folded[0] not in GIVEN_NAMES or folded[-1] in
                                                                      NO_SURNAME_HEADS)  # "Victoria Terminus"
    if facility and folded[-1] in STRUCTURE_HEADS:
        return "place"  # "Zipingpu Dam", "Tsing Ma Bridge": a structure, no body
    if facility and folded[-1] not in TOWN_HEADS:
        return "organisation"  # "Narita Airport", "the Baltic Shipyard said", "Mount Sinai Hospital": not Robert Plant
    if len(words) > 1 and (folded[-1] in PLACE_WORDS - {"ocean"} or folded[0] in PLACE_OPENERS):  # the gazetteer
        # knows the oceans: "Hanwha Ocean" is a shipbuilder
        return "place"  # and "Cape Canaveral Air Force Station"
    if facility:
        return None  # a town may end so too: "Whitehouse Station, N.J.", "Pearl Harbor"
    speaks_as_a_person = len(words) == 2 and folded[0] in GIVEN_NAMES and NAME_WORD.match(words[1]) and (
        mention.after in SPEECH_VERBS and folded[1] not in ORG_ENDINGS - ORG_SURNAMES)  # "Frank Church said"
    if (any(word in ORG_WORDS for word in folded[1:]) or (len(words) > 1 and folded[0] in ORG_OPENERS)) and not \
            speaks_as_a_person:
        return "organisation"
    if len(words) == 1 and ACRONYM.match(words[0]) and folded[0] not in NOT_ACRONYM_WORDS:
        return "organisation"
    if len(words) == 1 and POSSESSIVE.search(words[0]) and NAME_WORD.match(POSSESSIVE.sub("", words[0])):
        return "organisation"  # "Sotheby's said": a name that keeps its 's is a firm's (see text._firm_possessive)
    if len(words) == 2 and folded[0] in FAMILY_NAMES_FIRST and HYPHENATED_GIVEN_NAME.fullmatch(words[1]):
        return "person"  # "Park Geun-hye", "Tung Chee-hwa": a family name, then a given name of two syllables
    if words[0] in SURNAME_PARTICLES and all(NAME_WORD.match(word) or word in NAME_PARTICLES for word in words[1:]) \
            and not any(fold(word) in NOT_PERSON_WORDS or fold(word) in COMMON_WORDS for word in words[1:]) and \
            mention.before != ("<figure>",):  # not "Avenida 9 de Julio", a date
        return "person"  # "de Klerk", "von Weizsaecker" written without the given name: only a surname opens so
    if 2 <= len(words) <= 4 and _employs(mention):
        return "organisation"  # "economist at Morgan Grenfell", "bookmaker William Hill", "Buffalo Bills running
        # back": a firm or a club named for people, by the people it employs
    body = folded[0] not in GIVEN_NAMES and any(part in ORG_WORDS for word in folded[1:] for part in word.split())
    # "World Food Programme said" is a body; "Frank Church said", "John Tower said" are people
    if (2 <= len(words) <= 4 or len(words) == 5 and any(word in NAME_PARTICLES for word in words[1:-1])) and all(
            NAME_WORD.match(word) or index and word in NAME_PARTICLES for index, word in enumerate(words)) and not body:
        said = (mention.after in SPEECH_VERBS or mention.before[-2:] == ("according", "to")) and not (
            len(words) == 2 and folded[0] in ARTICLE_OPENERS)  # "Le Figaro called it", "El Pais said": a paper
        said = said or bool(mention.before) and mention.before[-1] in ("said", "says", "told")
        if said and mention.before[-1:] == ("at",):
            return "organisation"  # "economists at Goldman Sachs and Itau Unibanco said": firms, not people
        if mention.in_writing and fold(words[0]) not in GIVEN_NAMES and not INITIALS.match(words[0]):
            return "organisation"  # "Barki Tojik said in a statement": no given name, speaking in writing
        titled = bool(mention.before) and not mention.owned and (mention.before[-1] in TITLES or fold(
            mention.before[-1]) in DESCRIPTORS)
        if said or titled:
            return "person"
    particle = next((word for word in words[1:-1] if word in NAME_PARTICLES), "")
    if 3 <= len(words) <= 6 and particle in PERSON_PARTICLES and all(
            NAME_WORD.match(word) or word in NAME_PARTICLES for word in words) and not any(
            fold(word) in NOT_PERSON_WORDS for word in words):
        return "person"  # "Siti Nurhaliza binti Tarudin", "Pieter van den Hoogenband"; not "Banco de Chile"
    if len(words) == 1 and NAME_WORD.match(words[0]) and mention.before and mention.before[-1] in PERSON_TITLES \
            and fold(words[0]) not in NOT_PERSON_WORDS and not mention.owned:
        return "person"  # "President Reagan", not the "Trade Representative's Office"
    if 2 <= len(words) <= 4 and all(NAME_WORD.match(word) or word in NAME_PARTICLES for word in words) and (
            fold(words[0]).partition(" ")[0] in GIVEN_NAMES or INITIALS.match(words[0])) and NAME_WORD.match(words[-1]) \
            and not words[-1].endswith(".") \
            and not any(fold(word) in NOT_PERSON_WORDS for word in words) \
            and not (fold(words[0]) in ARTICLE_OPENERS and (len(words) == 2 or mention.before[-1:] in (("in",), (
                "near",)))):
        return "person"  # a given name or initials first: "Gennady Bezdetko", "C.J. Silas", "Jean-Marie Le Pen"; not
        # "Le Figaro" or "in La Boca", a paper or a barrio named with its article
    return None


def _employs(mention: Mention) -> bool:
    """True if the words around a span make it an employer: a job "at" it ("chief economist at"), a player's
    position after it ("running back", "striker"), its shares' move ("Philip Morris gained 1 1/4") or a unit of it
    (a trade noun before it, "bookmaker William Hill", is read first: see _kind_by_shape)."""
    return (mention.before[-1:] == ("at",) and mention.before[-2:-1] != () and mention.before[-2] in STAFF_NOUNS
            or mention.after in PLAYER_POSITIONS or mention.after in PRICE_MOVES and mention.figure_follows
            or mention.after in OWNED_UNITS)


def _canonical(words: tuple[str, ...], kind: str) -> str:
    """The display name: legal suffixes and prefixes ("PT", "PJSC") dropped from organisations."""
    words = tuple(word for word in words if is_capitalised(word) or word in CONNECTORS or word[:1].isdigit())
    if kind == "organisation":
        while len(words) > 1 and (fold(words[-1]) in ORG_TRAILERS or words[-1] == "N.A."):
            words = words[:-1]  # "N.A." (a US national bank's) only with its periods: "Li Na" is a person
        while len(words) > 1 and words[0].isupper() and fold(words[0]) in LEGAL_PREFIXES:
            words = words[1:]
    return " ".join(words)


def _guess_kind(name: str) -> str:
    """Kind of an alias target nothing else types: organisation, unless a place word ends it."""
    folded = fold(name).split()
    return "place" if folded and folded[-1] in PLACE_WORDS else "organisation"


def _opens(words: tuple[str, ...], mention: Mention) -> bool:
    """True if the name opens its sentence ("Treuhand to sell..."), not if words before it were stripped ("The
    Treuhand controls"): only a name that opens a sentence may be capitalised for that alone."""
    return mention.initial and words[:1] == mention.words[:1]


def _in_result(mention: Mention) -> bool:
    """True for a name placed as a result places a team: before a score, or next to 'beat', 'against', 'v'."""
    return (mention.after == "<number>" or mention.after in RESULT_WORDS
            or bool(mention.before) and mention.before[-1] in RESULT_WORDS)


def _split_owner(words: tuple[str, ...]) -> tuple[str, ...]:
    """The company in 'Dow Chemical Co of the United States' or 'Micron Technology of the United States' (a firm's
    ending, then 'of' and its home), else ()."""
    if "of" not in words:
        return ()
    cut = words.index("of")
    ending = fold(words[cut - 1]) if cut >= 2 else ""
    city = gazetteer().lookup(" ".join(words[cut + 1:]), 0) if cut + 1 < len(words) else None
    home = words[cut + 1:cut + 2] == ("the",) or ending not in LEGAL_SUFFIXES or city is not None and \
        city.kind == "city"  # "Dow Chemical Co of the United States", "LG Electronics of South Korea", "Lockheed
    # Missiles and Space Co. of Sunnyvale"; but "Life Insurance Corporation of India" and the "Municipal Corporation
    # of Greater Bombay" are names of their own
    return words[:cut] if ending in FIRM_ENDINGS and home and cut + 1 < len(words) else ()


def _generic_board(words: tuple[str, ...]) -> int:
    """The number of words of a board every firm has that opens the span, when "of" follows it ("Board of
    Directors of Petronas": 3); 0 otherwise."""
    return next((length for length in (3, 2) if len(words) > length and words[length] == "of"
                 and fold(" ".join(words[:length])) in GENERIC_BOARDS), 0)


def _split_led_by(words: tuple[str, ...]) -> tuple[str, ...]:
    """The person a party or a front is 'of' ('New National Party of Marthinus van Schalkwyk': a given name, or a
    name with a particle inside it), else ()."""
    if "of" not in words:
        return ()
    cut = words.index("of")
    person = words[cut + 1:]
    if cut < 2 or fold(words[cut - 1]) not in PARTY_WORDS or not 2 <= len(person) <= 4:
        return ()
    shaped = (fold(person[0]) in GIVEN_NAMES or any(word in NAME_PARTICLES for word in person[1:-1])) and all(
        NAME_WORD.match(word) or word in NAME_PARTICLES for word in person)
    return person if shaped and not any(fold(word) in NOT_PERSON_WORDS for word in person) else ()
