"""Dates: find the dates a story's text states, and resolve the story's full date from them and other hints.

Resolution order, first wins: the seed's sidecar; a date or year stated in the text (the dateline, a dateline
line of its own, a `Published ...` line near the top); the folder defaults (`_defaults.yaml`); a `YYYY-MM-DD-`
file name; `--year`; the year in which the weekday the lead names falls on the dateline's day; the file's
modification time. `date_source` says which."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.model import Article, StatedDate

_FILENAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")
_RUSSIAN_MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр",
                   "декабр")
MONTH_NAMES = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
)
"""Month names and abbreviations (English, and Russian in the genitive: "5 марта"), any case."""
# Month and weekday names of the other languages European wires date their copy in (German, French, Spanish,
# Italian, Portuguese), read only where a date is written day first: `Donnerstag, 3. Februar 2022`, `3 février 2022`,
# `3 de febrero de 2022`.
_FOREIGN_MONTHS = {
    1: "januar jänner janvier enero gennaio janeiro", 2: "februar février fevrier febrero febbraio fevereiro",
    3: "märz maerz mars marzo março", 4: "april avril abril aprile", 5: "mai mayo maggio maio",
    6: "juni juin junio giugno junho", 7: "juli juillet julio luglio julho", 8: "august août aout agosto",
    9: "september septembre septiembre setiembre settembre setembro", 10: "oktober octobre octubre ottobre outubro",
    11: "november novembre noviembre novembro", 12: "dezember décembre decembre diciembre dicembre dezembro",
}
_FOREIGN_MONTH_NUMBERS = {name: number for number, names in _FOREIGN_MONTHS.items() for name in names.split()}
_FOREIGN_WEEKDAYS = {
    0: "montag lundi lunes lunedì segunda-feira понедельник", 1: "dienstag mardi martes martedì terça-feira вторник",
    2: "mittwoch mercredi miércoles mercoledì quarta-feira среда", 3: "donnerstag jeudi jueves giovedì quinta-feira четверг",
    4: "freitag vendredi viernes venerdì sexta-feira пятница", 5: "samstag sonnabend samedi sábado sabato суббота",
    6: "sonntag dimanche domingo domenica воскресенье",
}
_FOREIGN_WEEKDAY_NUMBERS = {name: number for number, names in _FOREIGN_WEEKDAYS.items() for name in names.split()}
_FOREIGN_MONTH = "(?i:" + "|".join(sorted(_FOREIGN_MONTH_NUMBERS, key=len, reverse=True)) + ")"
_WEEKDAY = (r"(?i:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?"
            r"|sun(?:day)?|" + "|".join(sorted(_FOREIGN_WEEKDAY_NUMBERS, key=len, reverse=True)) + ")")
_YEAR = r"(?:1[89]|20)\d\d"
# Every quantifier is bounded or separated from its neighbours by a literal, so a match attempt does bounded work
# at each position: finditer is linear in the length of the text.
_SPACE = r"[ \t]{1,3}"
_GAP = r"[ \t]{0,3}"
_WRITTEN_DATE = re.compile(
    rf"""
    (?<![\w/.:])
    (?:(?P<weekday>{_WEEKDAY})\.?,?{_SPACE})?
    (?:
        (?P<iso_year>{_YEAR})(?P<iso_sep>[-/.])(?P<iso_month>\d{{1,2}})(?P=iso_sep)(?P<iso_day>\d{{1,2}})(?!\d)
        (?:T\d\d:\d\d(?::\d\d(?:\.\d{{1,6}})?)?(?:Z|[+-]\d\d:?\d\d)?)?
      | (?P<first>\d{{1,2}})(?P<numeric_sep>[./-])(?P<second>\d{{1,2}})(?P=numeric_sep)
        (?P<numeric_year>{_YEAR}|\d\d)(?![\d.])
      | (?P<month>{MONTH_NAMES})\.?{_SPACE}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)
        (?:,?{_SPACE}(?P<year>{_YEAR})(?!\d))?
      | (?P<day_first>\d{{1,2}})(?:st|nd|rd|th|\.)?{_SPACE}(?:of{_SPACE}|de{_SPACE})?
        (?P<month_after>{MONTH_NAMES}|{_FOREIGN_MONTH})\b\.?
        (?:,?{_SPACE}(?:de{_SPACE})?(?P<year_after>{_YEAR})(?!\d))?
    )
    (?![\w])
    """,
    re.VERBOSE,
)
# A date of the Islamic or Persian calendar, which Gulf and Iranian wires print beside the Gregorian one
# (`Jumada Al-Awwal 12, 1445`, `12 Dey 1402`): read past it, never as the story's date. The year (13xx-14xx) beside
# the month keeps short month names (`Dey`, `Tir`) from matching ordinary words.
_OTHER_MONTHS = (r"muharram|safar|rabi['’]?[ -]?(?:a[lr]|ul|el)?[ -]?(?:awwal|akhir|akhar|thani|ula|oula)"
                 r"|jumad[ae]?[ -]?(?:a[lr]|ul|el)?[ -]?(?:awwal|akhir|akhirah|akhar|thani|ula|oula|ukhra)|rajab"
                 r"|sha['’]?ban|rama[dz]h?an|shawwal|dhu[ -']?(?:a?l)?[ -]?(?:qa['’]?dah|qi['’]?dah|hijjah?)"
                 r"|farvardin|ordibehesht|khordad|tir|a?mordad|shahrivar|mehr|aban|azar|dey|bahman|esfand")
_OTHER_CALENDAR_DATE = re.compile(
    rf"(?<![\w])(?:\d{{1,2}}[ \t]{{1,3}}(?:{_OTHER_MONTHS}),?[ \t]{{1,3}}1[34]\d\d"
    rf"|(?:{_OTHER_MONTHS})[ \t]{{1,3}}\d{{1,2}},?[ \t]{{1,3}}1[34]\d\d)(?:[ \t]{{0,3}}(?:AH|A\.H\.|SH|H)\b)?[ \t]{{0,3}},?",
    re.IGNORECASE)


def without_other_calendars(text: str) -> str:
    """The text with Islamic and Persian calendar dates blanked out (same length, so positions hold)."""
    return _OTHER_CALENDAR_DATE.sub(lambda match: " " * len(match.group()), text)


TIME_ZONES = r"(?:GMT|UTC|MSK|[ECMP][SD]T|BST|CES?T|EES?T|JST|KST|HKT|SGT|IST|AES?T|AEDT)"
"""The zone abbreviations wire copy stamps times with (`1420 GMT`, AP's `1522CDT`, `09:30 JST`)."""
ZONE_MINUTES = {"GMT": 0, "UTC": 0, "MSK": 180, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420,
                "MDT": -360, "PST": -480, "PDT": -420, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
                "JST": 540, "KST": 540, "HKT": 480, "SGT": 480, "IST": 330, "AEST": 600, "AEDT": 660, "AET": 600}
"""Each zone's offset from universal time in minutes (IST is India's: the wires' Irish summer time is `IST` too
rarely to matter; AET is read as standard time)."""
# A time of day: `14:06`, `14.06`, `4:40pm`, `1420 GMT` (four digits only with a zone: else a year or a number).
_TIME = re.compile(r"(?<![\d:.])(?:\d{1,2}[:.h]\d\d(?!\d)|\d{1,2}[:.h]?\d\d[ \t]{0,3}(?:[ap]\.?m\.?|" + TIME_ZONES + r")\b)",
                   re.IGNORECASE)
_WEEKDAY_NAMES = {name[:3].lower(): number for number, name in enumerate(calendar.day_name)}
_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
# The lead's weekday for the story's day: "said on Thursday", "on Thursday night", AP's "said Thursday", but not
# "last Thursday", "next Thursday", "since Thursday", "Thursday's", "on Thursdays".
_ANOTHER_DAY = (r"(?<!\blast )(?<!\bnext )(?<!\bthis )(?<!\bsince )(?<!\buntil )(?<!\bfrom )(?<!\bcoming )(?<!\bby )"
                r"(?<!\bbefore )(?<!\bafter )(?<!\bevery )(?<!\beach )(?<!\bprevious )(?<!\bfollowing )")
_A_WEEKDAY = r"\b(" + "|".join(calendar.day_name) + r")\b(?!['’]s|s\b)"
_WEEKDAY_MENTION = re.compile(_ANOTHER_DAY + _A_WEEKDAY)
# A weekday the reporting verb gives: "said on Thursday", "told reporters on Thursday", AP's "said Thursday".
_REPORTED_ON = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|added|noted|confirmed|declared|warned|wrote)\b"
    r"(?:\s{1,3}[\w,'’-]{1,30}){0,4}?\s{1,3}(?:on\s{1,3})?" + _ANOTHER_DAY + _A_WEEKDAY
)
_YEARS_SEARCHED = 40  # a weekday falls on a given month/day at least once in any 11 years


@dataclass(frozen=True)
class WrittenDate:
    """A date as the text writes it: its span, the date (year None when unwritten) and any weekday."""

    start: int
    end: int
    year: int | None
    month: int
    day: int
    weekday: int | None = None


def find_dates(text: str, month_first: bool = False) -> Iterator[WrittenDate]:
    """Every date written in text, in order: `1996-12-06`, `Dec 6, 1996`, `6 December 1996`, `December 6`,
    `06.12.1996`, `12/06/1996` (day first unless `month_first`, or when only one reading exists), each with an
    optional weekday before it. Impossible dates are skipped."""
    for match in _WRITTEN_DATE.finditer(text):
        weekday = weekday_number(match["weekday"]) if match["weekday"] else None
        for year, month, day in _readings(match, month_first, weekday):
            if _exists(year, month, day):
                yield WrittenDate(match.start(), match.end(), year, month, day, weekday)
                break


def _readings(match: re.Match, month_first: bool, weekday: int | None) -> list[tuple[int | None, int, int]]:
    """The (year, month, day) readings of a match, the likeliest first."""
    if match["iso_year"]:
        return [(int(match["iso_year"]), int(match["iso_month"]), int(match["iso_day"]))]
    if match["numeric_year"]:
        year, first, second = full_year(match["numeric_year"]), int(match["first"]), int(match["second"])
        day_first, month_first_reading = (year, second, first), (year, first, second)
        if match["numeric_sep"] == ".":  # 06.12.1996 is written day first wherever dots are used
            return [day_first]
        readings = [month_first_reading, day_first] if month_first else [day_first, month_first_reading]
        if weekday is not None:  # a weekday settles an ambiguous order
            readings.sort(key=lambda reading: not (_exists(*reading) and dt.date(*reading).weekday() == weekday))
        return readings
    month = month_number(match["month"] or match["month_after"])
    day = int(match["day"] or match["day_first"])
    year = match["year"] or match["year_after"]
    return [(int(year) if year else None, month, day)]


def full_year(written: str) -> int:
    """A year as written, two digits read as 1950-2049 (`86` is 1986, `05` is 2005)."""
    year = int(written)
    if len(written) == 2:
        return year + (1900 if year >= 50 else 2000)
    return year


def weekday_number(name: str) -> int | None:
    """0-6 (Monday 0) for a weekday's name or abbreviation in English or another language of `_FOREIGN_WEEKDAYS`."""
    key = name.lower().rstrip(".")
    return _FOREIGN_WEEKDAY_NUMBERS.get(key, _WEEKDAY_NAMES.get(key[:3]))


def month_number(name: str) -> int:
    """1-12 for an English, Russian or other month name or abbreviation ('Sept.' -> 9, 'марта' -> 3, 'Februar' ->
    2)."""
    key = name.lower().rstrip(".")
    if key in _FOREIGN_MONTH_NUMBERS:
        return _FOREIGN_MONTH_NUMBERS[key]
    if key[:3] in _MONTH_NUMBERS:
        return _MONTH_NUMBERS[key[:3]]
    return next(number for number, stem in sorted(enumerate(_RUSSIAN_MONTHS, start=1), key=lambda pair: -len(pair[1]))
                if key.startswith(stem))


def _exists(year: int | None, month: int, day: int) -> bool:
    """True for a real date (29 February only in a leap year, or any year when the year is unwritten)."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year or 2000, month)[1]


def has_time(text: str) -> bool:
    """The text writes a time of day (`14:06 GMT`, `1420 GMT`, `4:40pm`)."""
    return _TIME.search(text) is not None


@dataclass
class DateHints:
    """Where a year or date may come from, besides the article text."""

    modified: dt.date
    sidecar_date: dt.date | None = None
    sidecar_year: int | None = None
    folder_date: dt.date | None = None
    folder_year: int | None = None
    default_year: int | None = None


def filename_date(path: Path) -> dt.date | None:
    """The date of a leading `YYYY-MM-DD-` in a seed's file name."""
    match = _FILENAME_DATE.match(path.name)
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def story_month_day(article: Article) -> tuple[int | None, int | None]:
    """The story's month and day as its text gives them: the dateline's, else a stated date's."""
    if article.dateline.month and article.dateline.day:
        return article.dateline.month, article.dateline.day
    if article.stated_date:
        return article.stated_date.month, article.stated_date.day
    return None, None


def stated_full_date(article: Article) -> tuple[str, dt.date] | None:
    """The story's date when its text states the year: (where it was stated, date)."""
    month, day = story_month_day(article)
    if article.dateline.year and month and day:
        return "dateline", safe_date(article.dateline.year, month, day)
    stated = article.stated_date
    if stated is None or stated.year is None:
        return None
    written = safe_date(stated.year, stated.month, stated.day)
    # The dateline's day is the story's; the stated date (a Published line) gives the year nearest it.
    date = nearest_with(month, day, written) if month and day else written
    return stated.source, date


def resolve_date(article: Article, hints: DateHints) -> tuple[dt.date, str, list[str]]:
    """The story date, where it came from (`date_source`), and warnings (guessed year, contradicting weekday).

    The first source that gives a date wins, in the order of the list below; the file's time is the last resort."""
    month, day = story_month_day(article)

    def in_year(year: int | None) -> dt.date | None:
        return safe_date(year, month, day) if year and month and day else None

    found = (
        ("sidecar", hints.sidecar_date),
        ("sidecar", in_year(hints.sidecar_year)),
        stated_full_date(article) or ("text", None),
        ("folder", hints.folder_date),
        ("folder", in_year(hints.folder_year)),
        ("filename", filename_from(article.seed, month, day)),
        ("option", in_year(hints.default_year)),
        ("weekday", weekday_year(article, month, day, hints.modified)),
    )
    source, date = next(((source, date) for source, date in found if date is not None), ("mtime", None))
    if date is None:
        date = latest_not_after(month, day, hints.modified) if month and day else hints.modified
    warnings = [_guess_warning(source, date, article)] if source in ("weekday", "mtime") else []
    warnings.extend(weekday_warnings(article, date))
    return date, source, warnings


def filename_from(seed: Path, month: int | None, day: int | None) -> dt.date | None:
    """The file name's date, or the dateline's month/day nearest it."""
    named = filename_date(seed)
    if named is None:
        return None
    return nearest_with(month, day, named) if month and day else named


def _guess_warning(source: str, date: dt.date, article: Article) -> str:
    """The warning for a date that the text does not state."""
    fix = "set it with a sidecar, a YYYY-MM-DD- file name prefix or --year"
    if source == "weekday":
        return (f"year taken from the weekday the lead names ({lead_weekday(article)}): {date.isoformat()}; if that "
                f"is not the story's own day the year may be wrong: {fix}")
    what = "year" if all(story_month_day(article)) else "date"
    return f"{what} guessed from the file's modification time: {date.isoformat()}; {fix}"


def safe_date(year: int, month: int, day: int) -> dt.date:
    """The date, or the last day of that month when the day does not exist that year (29 February)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def latest_not_after(month: int, day: int, limit: dt.date) -> dt.date:
    """The most recent month/day not after `limit` (29 February: the most recent leap year)."""
    year = limit.year
    while True:
        if day <= calendar.monthrange(year, month)[1]:
            candidate = dt.date(year, month, day)
            if candidate <= limit:
                return candidate
        year -= 1


def nearest_with(month: int, day: int, anchor: dt.date) -> dt.date:
    """The month/day closest to `anchor`, in the anchor's year or the one before or after."""
    candidates = [safe_date(year, month, day) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    return min(candidates, key=lambda candidate: abs((candidate - anchor).days))


def lead_weekday(article: Article) -> str | None:
    """The weekday the lead paragraph names for the story's day: the one its reporting verb gives ("said on
    Thursday"), else the first it names that is not another day ("last Thursday", "Thursday's"); None if none."""
    lead = article.paragraphs[0] if article.paragraphs else ""
    match = _REPORTED_ON.search(lead) or _WEEKDAY_MENTION.search(lead)
    return match.group(1) if match else None


def weekday_year(article: Article, month: int | None, day: int | None, limit: dt.date) -> dt.date | None:
    """The latest month/day not after `limit` that falls on the weekday the lead names."""
    named = lead_weekday(article)
    if not (named and month and day):
        return None
    wanted = list(calendar.day_name).index(named)
    for year in range(limit.year, limit.year - _YEARS_SEARCHED, -1):
        if _exists(year, month, day):
            candidate = dt.date(year, month, day)
            if candidate <= limit and candidate.weekday() == wanted:
                return candidate
    return None


def weekday_warnings(article: Article, date: dt.date) -> list[str]:
    """Warn when the lead paragraph names a weekday ("said on Wednesday") that is not the story's."""
    named = lead_weekday(article)
    actual = calendar.day_name[date.weekday()]
    if named and named != actual:
        return [f"the text says {named} but {date.isoformat()} is a {actual}"]
    return []


def stated_date_in(lines: list[str], source: str, month_first: bool = False) -> StatedDate | None:
    """The first date written in the lines, as a StatedDate recorded as coming from `source`."""
    for line in lines:
        for written in find_dates(line, month_first):
            return StatedDate(written.year, written.month, written.day, source)
    return None
