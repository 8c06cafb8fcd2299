"""Recognise the dateline that opens a wire story (TASS, Reuters, AP, AFP, Xinhua and the other wires), a dateline
written on a line of its own (`ROME 1996-12-06`), and the upper-case place that opens a lead in any other form."""

from __future__ import annotations

import calendar
import re

from generator.agencies import AGENCIES, known_agency
from generator.dates import find_dates, without_other_calendars
from generator.model import Dateline
from generator.tagging.gazetteer import gazetteer
from generator.tagging.regions import REGION_ABBREVIATIONS

# Lower-case words inside a place name ("Rio de Janeiro", "Dar es Salaam", "Port-au-Prince").
_PARTICLES = {
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les", "el", "es",
    "al", "ad", "as", "an", "ar", "at", "az", "ash", "ul", "y", "of", "the", "on", "upon", "am", "im",
    "sur", "en", "au", "aux", "van", "von", "der", "den", "ter", "d", "l", "bin",
}
# All-caps openings that are story labels, not places.
_LABELS = {
    "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "CORRECTED", "CORRECTION", "ANALYSIS", "FACTBOX",
    "URGENT", "FLASH", "NOTE", "EDITORS", "EDITOR'S", "ADVISORY", "WATCH", "LIVE", "OPINION", "COMMENT",
    "REVIEW", "INTERVIEW", "PHOTOS", "VIDEO", "EXPLAINER", "BRIEF", "IN", "WRAPUP", "INSIGHT",
    "FEATURE", "SPECIAL", "POLL", "NEWS", "ALERT", "FILE",
}

_UPPER = "".join(ch for ch in map(chr, range(0x530)) if ch.isupper())
_LETTER = r"[^\W\d_]"
_CAP_WORD = (
    rf"(?:(?i:St|Ste|Ft|Mt|Pt)\.|(?:(?i:al|el|ad|as|an|ar|at|az|ash|ul)-)?"
    rf"[{_UPPER}](?:[\w'’\-]*{_LETTER})?)"
)
_LINK = rf"\s+(?:(?:{'|'.join(sorted(_PARTICLES, key=len, reverse=True))})\s+)*"
_CITY = rf"{_CAP_WORD}(?:{_LINK}{_CAP_WORD}){{0,5}}"
# Russian-language wires (TASS, RIA Novosti, Interfax in Russian) write the month in the genitive: "5 марта".
_RUSSIAN_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                   "ноября", "декабря")
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    rf"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|{'|'.join(_RUSSIAN_MONTHS)})\b\.?"
)
# Weekdays, which a dateline may write in the place of its date (`SYDNEY, Thursday (AAP) -`) and which are never
# its place or region.
_WEEKDAY = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"

_YEAR = r"(?:19|20)\d\d"
_DASH = r"(?:--?(?=\s|$)|_(?=\s|$)|[–—])"
_MARKER_DASH = r"(?:--?(?!-)|_(?=\s|$)|[–—])"  # after a marker the dash may touch the text

# An agency named without brackets before the dash: `SYDNEY, March 3 AAP -`, `TOKYO, Jan. 17 Kyodo -`.
_BARE_AGENCY = "(?i:" + "|".join(re.escape(alias) for alias in sorted(AGENCIES, key=len, reverse=True)
                                 if len(alias) > 2 and alias.replace(" ", "").isalpha()) + r")\b"
_REGION_WORD = rf"(?!{_MONTH})(?!{_WEEKDAY})(?!{_BARE_AGENCY})[{_UPPER}][\w'’.\-]*"
_DATELINE = re.compile(
    rf"""
    \s*+
    (?:\(\s*+(?P<lead>[^()\n]{{1,30}}?)\s*+\)\s*+(?:--?|[–—])\s*+)?
    (?:
        (?!{_WEEKDAY})(?P<place>{_CITY})(?:\s*+/\s*+{_CITY})*
        (?:\s*+/\s*+(?P<slash_region>[^/\n]{{2,40}}?)\s*+/(?=\s*+,))?
        (?:\s*+\[\s*+(?P<bracket_region>[^\]\n]{{2,40}}?)\s*+\])?
        (?:\s*+\(\s*+(?P<paren_region>(?!{_BARE_AGENCY}){_REGION_WORD}(?:\s+{_REGION_WORD}){{0,3}})\s*+\)(?=\s*+,))?
        (?P<regions>(?:\s*+,\s*+{_REGION_WORD}(?:\s+{_REGION_WORD}){{0,3}}){{0,2}})
        (?:\s*+\(\s*+(?P<early>{_BARE_AGENCY})\s*+\))?  # `WARSAW (PAP), Jan. 19 -`: the marker before the date
        \s*+[,.]?
    )?
    (?:\s*+(?:
        (?P<month>{_MONTH})\s*+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s*+(?P<year>{_YEAR}))?
      | (?P<day_first>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month_after>{_MONTH})(?:,?\s*+(?P<year_after>{_YEAR}))?
      | (?P<weekday>{_WEEKDAY})
    )(?!\d))?
    \s*+[.,]?
    (?:
        \s*+(?:
            \(\s*+(?P<paren>{_LETTER}[^()\n]{{0,39}}?)\s*+\)
          | /\s*+(?P<slash>{_LETTER}[^/\n]{{0,39}}?)\s*+/
          | (?P<bare>{_BARE_AGENCY})(?=\s*+{_MARKER_DASH})
        )
        (?P<tail>\s*+[.:]?\s*+{_MARKER_DASH}|\s*+[.:])?
      | \s*+[.:]?\s*+(?P<dash>{_DASH})
    )
    """,
    re.VERBOSE,
)
_LONGEST_DATELINE = 300
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS |= {name[:3]: number for number, name in enumerate(_RUSSIAN_MONTHS, start=1)}


def parse_dateline(text: str) -> tuple[Dateline, str] | None:
    """Split a paragraph into its opening dateline and the rest, or None when it has none."""
    match = _DATELINE.match(without_other_calendars(text[:_LONGEST_DATELINE]))
    if match is None or not _is_dateline(match):
        return None
    month, day, year = _date(match)
    dateline = Dateline(
        raw=text[: match.end()].strip(),
        place=_place(match["place"]),
        region=_region(match),
        month=month,
        day=day,
        year=year,
        agency=_agency(match["lead"] or match["paren"] or match["slash"] or match["bare"] or match["early"]),
    )
    return dateline, text[match.end():].lstrip()


def _is_dateline(match: re.Match) -> bool:
    """Tell a real dateline from a sentence that happens to fit the pattern."""
    marker = match["lead"] or match["paren"] or match["slash"] or match["bare"] or match["early"]
    has_date = bool(match["month"] or match["month_after"])
    has_dash = bool(match["dash"]) or bool(re.search(r"[-–—_]", match["tail"] or ""))
    if match["lead"] and not known_agency(match["lead"]):
        return False
    if marker:
        if known_agency(marker):
            return has_dash or has_date
        return has_dash and (has_date or _is_caps_place(match))
    if not match["place"]:
        return False
    if has_date:
        return has_dash
    # A bare 'LONDON —' must name a known place: 'NATO - the alliance' and caps headlines are not datelines.
    return _is_caps_place(match) and gazetteer().lookup(_place(match["place"]), min_population=0) is not None


def _is_caps_place(match: re.Match) -> bool:
    """True for an ALL-CAPS place that is not a story label such as BREAKING or UPDATE."""
    place = match["place"]
    if not place or place != place.upper() or sum(ch.isalpha() for ch in place) < 2:
        return False
    first = place.split()[0].rstrip(":")
    return first not in _LABELS and not re.fullmatch(_WEEKDAY, first)


def _date(match: re.Match) -> tuple[int | None, int | None, int | None]:
    """Month, day and year as numbers, None where not written."""
    month = match["month"] or match["month_after"]
    if month is None:
        return None, None, None
    number = _MONTHS[month.lower().rstrip(".")[:3]]
    day = int(match["day"] or match["day_first"])
    written_year = match["year"] or match["year_after"]
    year = int(written_year) if written_year else None
    # An impossible date (Feb 30) is a typo: keep the dateline, trust none of its date.
    if not 1 <= day <= calendar.monthrange(year or 2000, number)[1]:
        return None, None, None
    return number, day, year


def _agency(marker: str | None) -> str | None:
    """The canonical agency name for a marker such as '(Reuters)' or '/ TASS/', else the marker as written."""
    if not marker:
        return None
    return known_agency(marker) or " ".join(marker.split())


def _place(place: str | None) -> str | None:
    """The first place of the dateline in readable title case ('NEW YORK' -> 'New York')."""
    if not place:
        return None
    words = place.split()
    return " ".join(_title_word(word, first=index == 0) for index, word in enumerate(words))


def _title_word(word: str, first: bool) -> str:
    """Title-case one word of a place: ALL-CAPS parts capitalised, particles lower, 'McALLEN' -> 'McAllen'."""
    if any(ch.islower() for ch in word):
        return re.sub(r"(?<=[a-z])([A-Z])([A-Z]+)\b", lambda m: m[1] + m[2].lower(), word)
    parts = re.split(r"([-'’])", word)
    titled = []
    for index, part in enumerate(parts):
        particle = part.lower() in _PARTICLES and not (first and index == 0)
        possessive = index > 0 and parts[index - 1] in "'’" and len(part) == 1
        titled.append(part.lower() if particle or possessive else part.capitalize())
    return "".join(titled)


def _region(match: re.Match) -> str | None:
    """The region after the place (`, Syria`, `/Syria/`, `[Syria]`, `(Syria),`), US state and Canadian province
    abbreviations spelt out."""
    raw = match["slash_region"] or match["bracket_region"] or match["paren_region"]
    parts = [raw] if raw else [part for part in (match["regions"] or "").split(",") if part.strip()]
    names = [_region_name(part.strip()) for part in parts]
    return ", ".join(names) or None


def _region_name(region: str) -> str:
    """Expand a state abbreviation ('Ore.', 'N.Y.', 'MICH.'); title-case an ALL-CAPS name."""
    key = region.lower().replace(".", "").replace(" ", "")
    if key in REGION_ABBREVIATIONS:
        return REGION_ABBREVIATIONS[key]
    if region.isupper() and len(region) > 3:
        return " ".join(_title_word(word, first=i == 0) for i, word in enumerate(region.split()))
    return region


_CAPS_WORD = rf"[{_UPPER}](?:[{_UPPER}'’.\-]{{0,40}}[{_UPPER}.])?"
_TITLE_WORD = rf"[{_UPPER}][\w'’.\-]{{0,40}}"
# An upper-case place opening a line, with an optional region after a comma ("AL-AIN, United Arab Emirates"):
# every repetition is bounded and separated by a literal space or comma, so matching is linear.
_OPENING_PLACE = re.compile(
    rf"[ \t]{{0,3}}(?P<place>{_CAPS_WORD}(?: {_CAPS_WORD}){{0,5}})(?![\w'’])"
    rf"(?:,[ \t]{{1,3}}(?P<region>{_TITLE_WORD}(?: (?:{_TITLE_WORD}|of|and|the)){{0,4}}))?"
)
_TITLE_PLACE = re.compile(rf"[ \t]{{0,3}}(?P<place>{_CITY})(?:,[ \t]{{1,3}}(?P<region>{_TITLE_WORD}(?: {_TITLE_WORD}){{0,3}}))?")
_TITLE_COLON = re.compile(rf"[ \t]{{0,3}}(?P<place>{_CITY}):[ \t]{{1,3}}(?=[{_UPPER}\"“])")
_AFTER_PLACE = re.compile(r"[ \t]{0,3}[,.]?[ \t]{0,3}")
_SEPARATOR_AFTER = re.compile(r"[ \t]{0,3}(?:--?|[–—_:]|/)?[ \t]{0,3}")


def opening_place(text: str) -> tuple[Dateline, str] | None:
    """The upper-case place that opens a lead or a dateline line in a form no wire pattern covers, whatever follows
    it: `AL-AIN, United Arab Emirates 1996-12-06`, `ROME Italian police said`. The place or its region must be in
    the gazetteer, unless a full written date follows the place (`LIRCAY 1989-11-14`). A city or country of the
    gazetteer written in title case and followed by a colon opens a lead too (`New Delhi: The Cabinet ...`)."""
    colon = _TITLE_COLON.match(text[:_LONGEST_DATELINE])
    if colon and _is_city_or_country(_place(colon["place"])):
        return _opening_dateline(colon.group().strip(), colon["place"], None, None), text[colon.end():]
    match = _OPENING_PLACE.match(text[:_LONGEST_DATELINE])
    if match is None or not _is_caps_place(match) or re.search(r"['’]S$", match["place"]):
        return None
    place, region, end = match["place"], match["region"], match.end()
    if region and not _is_known(region):
        region, end = None, match.end("place")
    date, end = _date_after(text, end)
    known = _is_known(place) or bool(region)
    if not (known or (date and date.year)):
        return None
    rest = text[end:]
    separator = _SEPARATOR_AFTER.match(rest)
    bare = not (date or region or separator.group().strip())
    if bare and sum(ch.isalpha() for ch in place) < 4:  # `UN Security Council`, `EU leaders`: not a place
        return None
    raw = (text[: end + separator.end()]).strip()
    return _opening_dateline(raw, place, region, date), rest[separator.end():].lstrip()


def parse_dateline_line(text: str) -> Dateline | None:
    """A dateline on a line of its own (`ROME 1996-12-06`, `Rome, 6 December 1996`, `NEW YORK, Dec 6 -`): a place
    and a date and nothing else. A place alone is not enough: it could be a section's name."""
    found = parse_dateline(text) or opening_place(text)
    if found is not None and not found[1] and (found[0].month or _is_city_or_country(found[0].place)):
        return found[0]
    match = _TITLE_PLACE.match(text[:_LONGEST_DATELINE])
    if match is None or not _is_known(match["place"]):
        return None
    region = match["region"] if match["region"] and _is_known(match["region"]) else None
    date, end = _date_after(text, match.end() if region else match.end("place"))
    if date is None or text[end:].strip(" -–—:"):
        return None
    return _opening_dateline(text.strip(), match["place"], region, date)


def _date_after(text: str, start: int) -> tuple[object | None, int]:
    """A written date right after `start` (after a comma or period), and where the text goes on after it."""
    gap = _AFTER_PLACE.match(text, start)
    for written in find_dates(text[gap.end(): gap.end() + 80]):
        if written.start == 0:
            return written, gap.end() + written.end
        break
    return None, start


def _opening_dateline(raw: str, place: str, region: str | None, date) -> Dateline:
    """A Dateline from a place, an optional region and an optional written date."""
    return Dateline(raw=raw, place=_place(place), region=_region_name(region) if region else None,
                    month=date.month if date else None, day=date.day if date else None,
                    year=date.year if date else None)


def known_city(text: str) -> Dateline | None:
    """A city of the gazetteer written alone in title case (`Doha`), as a dateline with only a place; a country
    alone is more often a section's or a tag's name."""
    match = _TITLE_PLACE.fullmatch(text.strip())
    found = gazetteer().lookup(_place(match["place"]), min_population=0) if match and not match["region"] else None
    if found is None or found.kind != "city":
        return None
    return _opening_dateline(text.strip(), match["place"], None, None)


def _is_city_or_country(place: str | None) -> bool:
    """A city or a country of the gazetteer (`ANKARA` alone on a line is a dateline; `EUROPE` is a section)."""
    found = gazetteer().lookup(place, min_population=0) if place else None
    return found is not None and found.kind in ("city", "country")


def _is_known(name: str) -> bool:
    """The gazetteer knows the name as a place, or it is a US state or Canadian province abbreviation."""
    key = name.lower().replace(".", "").replace(" ", "")
    return key in REGION_ABBREVIATIONS or gazetteer().lookup(_place(name), min_population=0) is not None
