"""Folding names for comparison, and finding capitalised name spans (mentions) in text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

from generator.tagging.lexicon import PLURAL_POSSESSIVES

TOKEN = re.compile(
    r"<(?P<bracket>[^<>\n]{1,80})>"
    r"|(?P<word>[^\W\d_](?:[\w&]|[.'’\-](?=[^\W_])|/(?=[A-Z]))*\.?)"
    r"|(?P<number>\d(?:[\w]|[.,'’\-](?=\w))*)"
    r"|(?P<mark>\S)"
)
TICKER = re.compile(r"^[A-Z0-9.\-/ ]{1,10}$")
ORDINAL_NUMBER = re.compile(r"^\d+(?:st|nd|rd|th)$")
POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
YEAR = re.compile(r"1[89]\d\d|20\d\d")
PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|bin|ibn|abu|ul|ud|ur|d|o)-?['’-][A-Z]", re.IGNORECASE)  # "Zia ul-Haq"
# Lower-case words that join a name's capitalised words: "Bank of England", "Hans van den Broek", "Luiz Inacio
# Lula da Silva", "Siti Nurhaliza binti Tarudin", "Ortega y Gasset".
CONNECTORS = frozenset("of the for and & de des da di du del der den dos das los las van von ter ten bin binti bint bte ibn y "
                       "la le zu zur vom".split())
# A span said to speak in writing: "Barki Tojik said in a statement", "Novatek said in a regulatory filing".
IN_WRITING = re.compile(r"(?:said|says|announced) (?:on \w+ )?in an? (?:\w+ )?(?:statement|filing|release|notice)\b")
# Particles that open a surname written without the given name: "de Klerk said", "told von Weizsaecker".
SURNAME_PARTICLES = frozenset("de da di du del della dos van von ter le bin".split())
QUOTES = frozenset('"“”«»')
SENTENCE_MARKS = frozenset('.!?:;"“”‘’«»()[]—–')
# Words that keep their trailing period: abbreviations, not sentence ends.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st mt ft gen lt col capt sgt sen rep gov gov't pres prof jr sr inc co corp ltd bros no vs "
    "adm cmdr brig maj cpl pvt supt insp det rev "
    "jan feb mar apr jun jul aug sep sept oct nov dec ala ariz ark calif colo conn del fla ga ill ind kan ky la "
    "mass md mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo".split()
)


_POSSESSIVE = re.compile(r"'s\b")
_QUIET_MARKS = re.compile(r"[.'`]")
_SEPARATORS = re.compile(r"[\s\-_/]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A comparison key: no diacritics, case, periods, possessives or hyphen/space differences."""
    text = unidecode(text).casefold()
    text = _QUIET_MARKS.sub("", _POSSESSIVE.sub("", text))
    return _SEPARATORS.sub(" ", text).strip()


@dataclass(frozen=True)
class Mention:
    """One capitalised span: its words, section weight and the context that hints at its type."""

    words: tuple[str, ...]
    weight: float
    initial: bool
    before: tuple[str, ...] = ()
    after: str = ""
    bracketed: bool = False
    quoted: bool = False  # the whole span in quotation marks: a title, a product line or a nickname
    ordinal: str = ""  # a numbered ordinal just before the span: "9th" (U.S. Circuit Court of Appeals)
    listed_after_name: bool = False  # the span follows a name and a comma: "Sears, | Roebuck and Co"
    owns_common_noun: bool = False  # a possessive before a lower-case word: "Canada's central bank"
    lower_after: bool = False  # a lower-case word follows: "U.S. chipmaker Nvidia", "Canada's central bank"
    listed_before_name: bool = False  # a comma and a capitalised word follow: "Brazil" of "Brazil, Mexico and India"
    apposed_to: str = ""  # the lower-case noun the span is put beside: "ship" in "its sister ship, the Alexei Kosygin"
    in_writing: bool = False  # "said in a statement", "said in a filing": a firm's or a body's way of speaking
    owned: bool = False  # a possessive word before: "the archbishop's Italianate residence" (no title of the span)
    figure_follows: bool = False  # a figure after the next word: "Philip Morris gained 1 1/4"

    @property
    def text(self) -> str:
        """The span as written, words joined by spaces."""
        return " ".join(self.words)


def _tokens(text: str) -> list[tuple[str, str]]:
    """(kind, token) pairs; a trailing period is split off unless the word is an abbreviation."""
    tokens: list[tuple[str, str]] = []
    for bracket, word, number, mark in TOKEN.findall(text.replace("’", "'")):
        if word:
            initial = len(word) == 2 and word[0].isupper()  # "P. Simmons", "N. Korea": an initial keeps its period
            if word[-1] == "." and "." not in word[:-1] and not initial and fold(word) not in ABBREVIATIONS:
                tokens += [("word", word[:-1]), ("mark", ".")]
            else:
                tokens.append(("word", word))
        elif mark:
            tokens.append(("mark", mark))
        elif number:
            tokens.append(("number", number))
        else:
            tokens.append(("bracket", bracket))
    return tokens


@lru_cache(maxsize=65536)
def is_capitalised(word: str) -> bool:
    """True for a word that may belong to a name: Capitalised, ACRONYM or al-Prefixed (remembered, as every
    word of every story is asked about)."""
    return word[:1].isupper() or bool(PARTICLE.match(word))


# The most words a capitalised run may have to be read as a name: the longest in wire copy are two titled names
# glued by "and" ("Secretary of State George Shultz and White House Chief of Staff Howard Baker", 13). A longer run
# is Title Case text (a heading, a table, a shouted line) whose capitals say nothing, and no mention; the bound also
# keeps the work on a run, which tries its cuts and prefixes, from growing with the square of its length.
MAX_RUN_WORDS = 16

# A quoted nickname inside a name: C.J. "Pete" Silas, Roberto "Hands of Stone" Duran.
NICKNAME = re.compile(r"(?<=[\w.]) (?:[\"“][A-Z][\w' ]{0,24}[\"”]|['‘][A-Z][\w ]{0,24}['’]) (?=[A-Z])")
# A currency written with its country's letters before the dollar sign (US$, U.S.$, HK$, C$, NZ$, NT$): an amount
# of money, which names no place.
CURRENCY = re.compile(r"(?<![\w.])(?:[A-Z]\.){0,2}[A-Z]{0,3}\$")


def mentions(text: str, weight: float, long_forms: frozenset[tuple[str, ...]] = frozenset()) -> list[Mention]:
    """The capitalised spans of text, split at punctuation, lower-case words and possessives (not at a plural
    noun's possessive inside a name: "People's Liberation Army", nor at a lower-case word of one of the long forms,
    names the story spells out before their acronym: "Organisation for Security and Cooperation in Europe"); runs
    of more than MAX_RUN_WORDS words are no mention."""
    prefixes = _prefixes(long_forms)
    tokens = _tokens(CURRENCY.sub("$", NICKNAME.sub(" ", text)))
    found: list[Mention] = []
    span: list[str] = []
    start = 0

    def close(end: int) -> None:
        while span and span[-1].lower() in CONNECTORS:
            span.pop()
        if span and len(span) <= MAX_RUN_WORDS:
            found.append(_mention(tokens, start, end, tuple(span), weight))
        span.clear()

    for index, (kind, token) in enumerate(tokens):
        if kind == "bracket":
            close(index)
            if not TICKER.match(token.strip()):
                words = tuple(word for kind_, word in _tokens(token) if kind_ == "word")
                if words:
                    found.append(Mention(words, weight, False, bracketed=True))
            continue
        if not span and kind == "word" and token in SURNAME_PARTICLES and _name_follows(tokens, index + 1):
            start = index  # "Asked about the Lions, de Klerk said"
            span.append(token)
        elif kind == "word" and is_capitalised(token):
            if not span:
                start = index
            part_of_name = _name_follows(tokens, index + 1) and (token.lower() in PLURAL_POSSESSIVES or POSSESSIVE.search(
                token) and index + 1 < len(tokens) and tokens[index + 1][1] == "of")  # "Lloyd's of London"
            part_of_name = part_of_name or _firm_possessive(tokens, index) or "&" in span and index + 1 < len(
                tokens) and tokens[index + 1][0] == "number" and POSSESSIVE.search(token) is not None  # "Standard &
            # Poor's 500": the firm whose index it is keeps its 's
            span.append(token if part_of_name else POSSESSIVE.sub("", token) or token)
            if POSSESSIVE.search(token) and len(token) > 3 and not part_of_name:
                close(index + 1)
        elif span and kind == "word" and prefixes and any(
                (*span[start:], token) in prefixes for start in range(max(0, len(span) - MAX_RUN_WORDS), len(span))):
            span.append(token)  # "Cooperation in Europe" inside the OSCE's name
        elif span and token == "'" and f"{span[-1].lower()}'" in PLURAL_POSSESSIVES and _name_follows(tokens, index + 1):
            span[-1] += "'"  # "Workers' Party"
        elif (span and (kind == "word" or token == "&") and token.lower() in CONNECTORS
              and _name_follows(tokens, index + 1)):
            span.append(token.lower())
        elif span:
            close(index)
    close(len(tokens))
    return found


# What follows a firm named in the possessive ("McDonald's said", "Moody's Investors Service"), never a country's
# or a person's possessive ("Japan's Toyota", "Smith's house"): the 's is part of the name. A verb or a plural
# written in lower case; a firm's word written either way.
FIRM_POSSESSIVE_VERBS = frozenset("said says told reported announced posted plans planned will would has had is was "
                                  "restaurants stores".split())
FIRM_POSSESSIVE_WORDS = frozenset("investors corp corporation inc co ltd plc holdings group".split())
# What follows a possessive inside a place's name: "St John's Wood", "Earl's Court", "King's Cross".
PLACE_POSSESSIVE_NEXT = frozenset("wood court cross bush park hill green heath gate lynn".split())


def _firm_possessive(tokens: list[tuple[str, str]], index: int) -> bool:
    """True if the possessive word at index is part of a firm's or a place's name, by the word after it (see
    FIRM_POSSESSIVE_VERBS, FIRM_POSSESSIVE_WORDS and PLACE_POSSESSIVE_NEXT)."""
    token = tokens[index][1]
    following = tokens[index + 1] if index + 1 < len(tokens) else ("", "")
    word = following[1].lower()
    firm = word in FIRM_POSSESSIVE_WORDS or word in FIRM_POSSESSIVE_VERBS and following[1].islower()
    return token.endswith(("'s", "’s")) and len(token) > 3 and following[0] == "word" and (
        firm and len(token) > 4 or following[1].istitle() and word in PLACE_POSSESSIVE_NEXT)


@lru_cache(maxsize=256)
def _prefixes(long_forms: frozenset[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    """Every prefix of the long forms' word tuples whose last word is lower case: where a span may go on."""
    return frozenset(form[:end] for form in long_forms for end in range(2, len(form)) if form[end - 1][0].islower())


def _name_follows(tokens: list[tuple[str, str]], index: int) -> bool:
    """True if, after at most one more connector ('of the'), a capitalised word comes next."""
    for kind, token in tokens[index:index + 2]:
        if kind != "word":
            return False
        if is_capitalised(token):
            return True
        if token.lower() not in CONNECTORS:
            return False
    return False


def _mention(tokens: list[tuple[str, str]], start: int, end: int, words: tuple[str, ...], weight: float) -> Mention:
    """A Mention with its sentence position and neighbouring lower-case words."""
    initial = start == 0 or tokens[start - 1][1] in SENTENCE_MARKS
    before: list[str] = []
    for kind, token in reversed(tokens[max(0, start - 2):start]):
        if kind != "word":
            if not before and kind == "number" and not YEAR.fullmatch(token):
                before.append("<figure>")  # "Boeing 737 MAX", "1,200 MW": a model or a unit follows a figure
            break
        before.insert(0, POSSESSIVE.sub("", token.lower()))
    quoted = start > 0 and tokens[start - 1][1] in QUOTES and end < len(tokens) and tokens[end][1] in QUOTES
    previous = tokens[start - 1] if start > 0 else ("", "")
    ordinal = previous[1] if previous[0] == "number" and ORDINAL_NUMBER.match(previous[1]) else ""
    listed = start > 1 and previous[1] == "," and tokens[start - 2][0] == "word" and is_capitalised(tokens[start - 2][1])
    following = tokens[end] if end < len(tokens) else ("", "")
    after = following[1].lower() if following[0] == "word" else ""
    if following[0] == "bracket" and TICKER.match(following[1].strip()):
        after = "<ticker>"
    elif following[0] == "number":
        after = "<number>"  # a score or a figure: "Essex 532-8", "Leicestershire 22 points"
    elif following[1] in ("(", ":"):
        after = following[1]
    lower = following[0] == "word" and following[1].islower()
    apposed = tokens[start - 3][1].lower() if start >= 3 and tokens[start - 1][1].lower() == "the" and tokens[
        start - 2][1] == "," and tokens[start - 3][0] == "word" else ""
    listed_before = following[1] == "," and end + 1 < len(tokens) and tokens[end + 1][0] == "word" and is_capitalised(
        tokens[end + 1][1])
    owns = lower and POSSESSIVE.search(tokens[end - 1][1]) is not None
    writing = " ".join(token.lower() for _, token in tokens[end:end + 5])
    return Mention(words, weight, initial, tuple(before), after, quoted=quoted, ordinal=ordinal, listed_after_name=listed,
                   owns_common_noun=owns, lower_after=lower, listed_before_name=listed_before, apposed_to=apposed,
                   in_writing=bool(IN_WRITING.match(writing)),
                   owned=start > 0 and tokens[start - 1][0] == "word" and bool(POSSESSIVE.search(tokens[start - 1][1])),
                   figure_follows=end + 1 < len(tokens) and tokens[end + 1][0] == "number")
