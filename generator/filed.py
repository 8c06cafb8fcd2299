"""When a story was filed, where a sidecar, the front matter or the text says: a time of day, for ordering a day.

A `time:` field wins: `14:06` (which generator.schema reads as text, never as YAML 1.1's base-60 number 846),
`1406` (text or number), `14:06 GMT`, `4:40pm`, or a time or datetime object. Otherwise the first time
the text gives in universal time (`14:06 GMT`, `1406 GMT`, `14.06 UTC`, `4:40pm GMT`) stands for it: wire copy
stamps a story `8 February 2005 09:20 GMT`, market reports `by 1040 GMT`, and states events `at 0117 GMT`. A
local time (`04:17 local time`, `15:00 Moscow time`) is not taken, since stories from different places could not
be compared by it.
"""

from __future__ import annotations

import datetime as dt
import re

_CLOCK = re.compile(r"(?P<hour>[01]?\d|2[0-3])(?:[:.h]?)(?P<minute>[0-5]\d)(?::[0-5]\d)?\s*(?P<half>[ap]\.?m\.?)?")
_FIELD = re.compile(rf"\s*{_CLOCK.pattern}\s*(?:GMT|UTC|Z)?\s*", re.IGNORECASE)
_IN_TEXT = re.compile(rf"(?<![\w.,:]){_CLOCK.pattern}\s*(?:GMT|UTC)\b", re.IGNORECASE)


def filing_time(value: object) -> dt.time | None:
    """A `time:` value from a sidecar or front matter as a time of day; None when it is not one."""
    if isinstance(value, dt.datetime):
        return value.time().replace(tzinfo=None)
    if isinstance(value, dt.time):
        return value.replace(tzinfo=None)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # an unquoted `time: 1406`
    if isinstance(value, str):
        match = _FIELD.fullmatch(value)
        if match:
            return _clock_time(match)
    return None


def at_filing_time(date: dt.datetime, value: object) -> dt.datetime:
    """A story's date at its filing time, when `value` (its `time:` field) gives one and the date has no time of
    its own; the date as it is otherwise."""
    time = filing_time(value)
    if time is None or date.time() != dt.time():
        return date
    return dt.datetime.combine(date.date(), time, date.tzinfo)


def _clock_time(match: re.Match) -> dt.time | None:
    """The time of a _CLOCK match; `4:40pm` is 16:40, `12:05 am` is 00:05; None for an impossible `13:00 pm`."""
    hour, minute, half = int(match["hour"]), int(match["minute"]), (match["half"] or "").lower()[:1]
    if half and not 1 <= hour <= 12:
        return None
    if half:
        hour = hour % 12 + (12 if half == "p" else 0)
    return dt.time(hour, minute)


def time_in_text(text: str) -> dt.time | None:
    """The first time of day the text gives in GMT or UTC (`14:06 GMT`, `1406 GMT`); None when it gives none."""
    match = _IN_TEXT.search(text)
    return _clock_time(match) if match else None
