"""Headlines as a reader should see them: desk labels and notes taken off, ALL-CAPS recased.

A wire headline may carry the desk's labels (`UPDATE 2-`, `REFILE-`, `(LEAD)`) and notes (`(ATTN: ...)`); they
are not the story's words. An ALL-CAPS headline is recased to title case, each word taking the casing the story's
own text gives it; acronyms and initials known from the taxonomy or the gazetteer (`EC`, `BH`, `NATO`) keep their
capitals when the text does not say otherwise."""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

# Desk notes that end a wire headline: `(ATTN: UPDATES with details in paras 4-5)`, `(EDS: ...)`, `(URGENT)`.
_HEADLINE_NOTE = re.compile(r"\s{0,3}\((?:ATTN|EDS|EDITORS?|UPDATES?|CORRECTS?|ADDS|RECASTS|URGENT|LEAD)\b[^()]{0,200}\)"
                            r"[ \t]{0,3}$", re.IGNORECASE)
# Desk labels that prefix a wire headline: `UPDATE 2-`, `REFILE-`, `(LEAD)`, `(ATTN: ...)`, `(2nd LD)`, `URGENT:`.
_HEADLINE_LABEL = re.compile(
    r"^\s{0,3}(?:(?:UPDATE|REFILE|CORRECTED|CORRECTION|RPT|REPEAT|FLASH|URGENT|BREAKING|WRAPUP|RPT-UPDATE|EXCLUSIVE"
    r"|ANALYSIS|FACTBOX|INSIGHT|EXPLAINER|PREVIEW|TIMELINE|BREAKINGVIEWS|GRAPHIC)(?:\s{0,3}\d{1,3})?\s{0,3}[-:–]"
    r"\s{0,3}"
    r"|\((?:LEAD|\d{1,2}(?:st|nd|rd|th)\s{1,3}LD|URGENT|CORRECTED|UPDATE|ATTN:[^)]{0,200}|AMENDED|REFILE|EDS:[^)]{0,200}"
    r"|NEWS\s{1,3}(?:FOCUS|ANALYSIS)|(?:YONHAP\s{1,3})?(?:INTERVIEW|FEATURE)|FLASH|BREAKING)"
    r"\)\s{0,3}(?:[-–]\s{0,3})?){1,4}",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z](?:[A-Za-z'’&.-]{0,40}[A-Za-z])?")
_POSSESSIVE = re.compile(r"['’][sS]$")
# Tickers and codes keep their case: `<SRD>`, `(DIA)`; split out of words like `WRATHER<WCO>`.
_HEADLINE_TOKEN = re.compile(r"(<[^<>\s]{0,20}>|\([A-Z.]{1,6}\)|\s+|[<>])")
_KEEP_AS_WRITTEN = re.compile(r"<[^<>\s]{0,20}>|\([A-Z.]{1,6}\)|[<>]")
_ORDINAL = re.compile(r"(?<=\d)(ST|ND|RD|TH)\b")
_CAPITALISE = re.compile(r"(^[^a-z]*|[-/])([a-z])")
SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
                         "or", "over", "per", "the", "to", "up", "vs", "via", "with"})
# Abbreviations written with one capital: `Co`, `St`, `Mr`; never kept in capitals as initials are.
ABBREVIATIONS = frozenset("co st mr mrs ms dr jr sr ft mt pt no vs ltd plc inc corp bhd pty".split())


# Labels that mark a later version of a story: `UPDATE 2-` (the second update), `REFILE-`, `CORRECTED-`, `(LEAD)`,
# `(2nd LD)`; a repeat (`RPT-`) is not one.
_VERSION_LABEL = re.compile(r"^\s{0,3}(?:UPDATE\s{0,3}(?P<update>\d{1,3})?\s{0,3}[-:–]|(?:REFILE|CORRECTED|CORRECTION)\s{0,3}[-:–]"
                            r"|\((?:LEAD|(?P<lead>\d{1,2})(?:st|nd|rd|th)\s{1,3}LD|CORRECTED|REFILE|UPDATE)\))", re.IGNORECASE)


def version_rank(headline: str) -> int:
    """Which version of a story a headline's desk label says it is: 0 for none, `UPDATE 2-` 2, `(2nd LD)` 2, any
    other later version (`REFILE-`, `CORRECTED-`, `(LEAD)`) 1."""
    match = _VERSION_LABEL.match(headline)
    if not match:
        return 0
    return int(match["update"] or match["lead"] or 1)


# Dow Jones writes `DJ ` before its headlines: its desk's label, not the story's words.
_AGENCY_LABELS = {"Dow Jones": re.compile(r"^\s{0,3}DJ\s{1,3}(?=\S)")}
# Unicode categories of emoji and their modifiers: other symbols, non-spacing marks (variation selectors) and
# format characters (zero-width joiners).
SYMBOL_CATEGORIES = frozenset({"So", "Sk", "Mn", "Cf"})
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});")


def strip_desk_labels(headline: str, agency: str | None = None) -> str:
    """The headline without desk labels before it or notes after it (all of it, if nothing else is left); the
    agency's own label (`DJ ` of Dow Jones) goes too, and so do the emoji and symbols a channel puts around it
    (`🚇❗️ Novosibirsk metro closes two stations`)."""
    label = _AGENCY_LABELS.get(agency or "")
    stripped = _HEADLINE_NOTE.sub("", _HEADLINE_LABEL.sub("", label.sub("", headline) if label else headline))
    stripped = _without_symbols(stripped)
    return stripped or headline


def _without_symbols(headline: str) -> str:
    """The headline less the pictographs, symbols and joiners at either end (Unicode symbols, not punctuation)."""
    start, end = 0, len(headline)
    while start < end and (unicodedata.category(headline[start]) in SYMBOL_CATEGORIES or headline[start].isspace()):
        start += 1
    while end > start and (unicodedata.category(headline[end - 1]) in SYMBOL_CATEGORIES or headline[end - 1].isspace()):
        end -= 1
    return headline[start:end]


def unescaped(headline: str) -> str:
    """HTML character references (`&amp;`, `&#39;`) a scraper left in a headline, as the characters they stand for."""
    return _ENTITY.sub(lambda match: html.unescape(match.group()), headline) if "&" in headline else headline


def is_shouting(headline: str) -> bool:
    """Nine in ten of the headline's letters are capitals."""
    letters = [ch for ch in headline if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)


def readable_headline(headline: str, texts: Iterable[str], acronyms: frozenset[str] = frozenset()) -> str:
    """An ALL-CAPS headline in title case. A word takes the casing the story's texts give it most often when
    capitalised (names, `McDonnell`); else an upper-case word of `acronyms` keeps its capitals; else it is
    capitalised (small words in lower case)."""
    if not is_shouting(headline):
        return headline
    casings: dict[str, Counter] = {}
    for text in texts:
        for word in _WORD.findall(text):
            if word[0].isupper():
                word = _POSSESSIVE.sub("", word)
                casings.setdefault(word.casefold(), Counter())[word] += 1
    cased, position = [], 0
    for token in _HEADLINE_TOKEN.split(headline):
        if not token or token.isspace() or _KEEP_AS_WRITTEN.fullmatch(token):
            cased.append(token)
            continue
        cased.append(_case_word(token, position, casings, acronyms))
        position += 1
    return "".join(cased)


def _case_word(word: str, position: int, casings: dict[str, Counter], acronyms: frozenset[str]) -> str:
    core = word.strip("\"'()[],:;!?")
    if not core or any(ch.isdigit() for ch in core):
        return _ORDINAL.sub(lambda match: match.group(1).lower(), word)
    if position and core.lower() in SMALL_WORDS:
        return word.lower()
    possessive = _POSSESSIVE.search(core)
    stem, suffix = (core[: possessive.start()], possessive.group().lower()) if possessive else (core, "")
    seen = casings.get(stem.casefold())
    if seen:
        return word.replace(core, seen.most_common(1)[0][0] + suffix)
    if "." in stem.rstrip(".") or stem in acronyms:
        return word.replace(core, stem + suffix)
    return _CAPITALISE.sub(lambda match: match.group(1) + match.group(2).upper(), word.lower())
