"""Resolve a story's full date from a dateline that rarely states its year."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from generator.model import Article

_FILENAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")
_WEEKDAY_MENTION = re.compile(
    r"\b(?:on|said|says|told|announced|reported|stated)\s+(" + "|".join(calendar.day_name) + r")\b"
)


@dataclass
class DateHints:
    """Where a year or date may come from, besides the article text."""

    modified: dt.date
    sidecar_date: dt.date | None = None
    sidecar_year: int | None = None
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


def resolve_date(article: Article, hints: DateHints) -> tuple[dt.date, str, list[str]]:
    """The story date, where it came from, and warnings (guessed year, contradicting weekday)."""
    month, day = article.dateline.month, article.dateline.day
    from_name = filename_date(article.seed)
    warnings: list[str] = []
    if hints.sidecar_date:
        date, source = hints.sidecar_date, "sidecar"
    elif article.dateline.year and month and day:
        date, source = safe_date(article.dateline.year, month, day), "text"
    elif hints.sidecar_year and month and day:
        date, source = safe_date(hints.sidecar_year, month, day), "sidecar"
    elif from_name:
        date, source = (nearest_with(month, day, from_name) if month and day else from_name), "filename"
    elif hints.default_year and month and day:
        date, source = safe_date(hints.default_year, month, day), "option"
    else:
        modified = hints.modified
        date = latest_not_after(month, day, modified) if month and day else modified
        source = "mtime"
        what = "year" if month and day else "date"
        warnings.append(
            f"{what} guessed from the file's modification time: {date.isoformat()}; "
            "set it with a sidecar, a YYYY-MM-DD- file name prefix or --year"
        )
    warnings.extend(weekday_warnings(article, date))
    return date, source, warnings


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


def weekday_warnings(article: Article, date: dt.date) -> list[str]:
    """Warn when the lead paragraph names a weekday ("said on Wednesday") that is not the story's."""
    lead = article.paragraphs[0] if article.paragraphs else ""
    named = {match.group(1) for match in _WEEKDAY_MENTION.finditer(lead)}
    actual = calendar.day_name[date.weekday()]
    if named and actual not in named:
        return [f"the text says {', '.join(sorted(named))} but {date.isoformat()} is a {actual}"]
    return []
