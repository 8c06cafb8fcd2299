"""Archive records (LexisNexis, Factiva and the like): a story stored as labelled fields, read as fields.

A LexisNexis record gives a story as a header (the document's number, the copyright, the publication's name, the date
line `October 3, 1997, Friday`) and fields: `SECTION:`, `LENGTH: 274 words`, `HEADLINE: ...`, `BYLINE: ...`,
`DATELINE: TOKYO, Oct. 3 Kyodo`, `BODY:` and, after the body, `LOAD-DATE:`, `LANGUAGE:`, `PUBLICATION-TYPE:`; a
Factiva record writes codes on lines of their own (`HD`, `BY`, `PD`, `LP`, `TD`) with the values below them. The
record is laid out again as a story is (headline, byline, date line, the body opening with its dateline) for the
parser: the headline is the HEADLINE field, the date the header's date line (not the day the archive loaded it), the
dateline the DATELINE field's when the body does not open with one."""

from __future__ import annotations

import re

from generator.dateline import opening_place, parse_dateline
from generator.dates import find_dates
from generator.head import metadata_rest

# The labels of an archive record's fields: a line that opens with one of them (and a colon) starts that field.
FIELD_LABELS = frozenset("""headline byline dateline body section length load-date language publication-type
document-type graphic journal-code acc-no type source highlight correction-date correction notes distribution series
url subject organization geographic person company ticker industry city state country column edition page abstract
copyright publication""".split())
_FIELD = re.compile(r"^[ \t]{0,8}(?P<label>[A-Z][A-Z-]{1,24})[ \t]{0,2}:[ \t]{0,8}(?P<value>[^\n]{0,2000})$")
MIN_FIELDS = 3  # a record has a HEADLINE, a BODY and at least one other field
_END_OF_RECORD = re.compile(r"^\s*(?:end of document|\d{1,6} of \d{1,6} documents?)\s*$", re.IGNORECASE)
_DASH_END = re.compile(r"(?:--?|[–—_])\s*$")


# Factiva writes each field's two- or three-letter code on a line of its own, its value on the lines below: `HD` the
# headline, `BY` the byline, `PD` the date, `LP` the lead paragraphs and `TD` the rest of the text.
_CODE = re.compile(r"^[ \t]{0,4}(?P<code>HD|BY|WC|PD|ET|SN|SC|ED|PG|LA|CY|LP|TD|CO|IN|NS|RE|IPC|IPD|PUB|AN|CR|ART|SE|CLM"
                   r"|RF|NGC)[ \t]{0,4}$")
_CODE_FIELDS = {"hd": "headline", "by": "byline", "pd": "date", "lp": "body", "td": "body"}


def as_story(text: str) -> str:
    """The text of an archive record laid out as a story; any other text as it is."""
    fields = labelled_fields(text) or coded_fields(text)
    if fields is None:
        return text
    parts = [" ".join(fields["headline"].split())]
    byline = " ".join(fields.get("byline", "").split())
    if byline:
        parts.append(byline if byline.lower().startswith("by ") else f"By {byline}")
    parts.extend(date for date in map(date_of_line, fields.get("date", "").split("\n")) if date)
    parts.append(with_dateline(fields["body"], fields.get("dateline", "")))
    return "\n\n".join(part for part in parts if part.strip()) + "\n"


def labelled_fields(text: str) -> dict[str, str] | None:
    """A LexisNexis-style record's fields (`HEADLINE: ...`), its header's lines as `date`; None for other text."""
    if "HEADLINE" not in text or "BODY" not in text:
        return None
    header, fields = read_fields(text.split("\n"))
    if "headline" not in fields or "body" not in fields or len(fields) < MIN_FIELDS:
        return None
    return {**fields, "date": "\n".join(header)}


def coded_fields(text: str) -> dict[str, str] | None:
    """A Factiva-style record's fields (a code such as `HD` on a line of its own, the value below it); None for
    other text."""
    if "\nHD" not in f"\n{text.lstrip()}":
        return None
    fields: dict[str, list[str]] = {}
    current: list[str] | None = None
    codes = 0
    for line in text.split("\n"):
        match = _CODE.match(line)
        if match:
            codes += 1
            name = _CODE_FIELDS.get(match["code"].lower())
            current = fields.setdefault(name, []) if name else None
            if current:
                current.append("")  # the lead paragraphs and the rest of the text stay apart
        elif current is not None:
            current.append(line)
    if codes < MIN_FIELDS or not fields.get("headline") or not fields.get("body"):
        return None
    return {name: "\n".join(lines).strip("\n") for name, lines in fields.items()}


def read_fields(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """The header's lines (above the first field) and each field's value (the first of a label that repeats). A
    field runs to the next field's label; a value on lines of its own below the label is the field's too."""
    header: list[str] = []
    fields: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        match = _FIELD.match(line)
        if match and match["label"].lower() in FIELD_LABELS:
            current = [] if match["label"].lower() in fields else fields.setdefault(match["label"].lower(), [])
            current.append(match["value"])
        elif _END_OF_RECORD.match(line):
            current = None
        elif current is None:
            header.append(line)
        else:
            current.append(line)
    return header, {label: "\n".join(value).strip("\n") for label, value in fields.items()}


def date_of_line(line: str) -> str | None:
    """The date as written on a header line that only dates the story (`October 3, 1997, Friday`, `June 3, 1998;
    Wednesday 02:15 Eastern Time`); None for any other line."""
    stripped = line.strip()
    dates = [written for written in find_dates(stripped) if written.year]
    if not dates or metadata_rest(stripped) != "":
        return None
    return stripped[dates[0].start: dates[0].end]


def with_dateline(body: str, dateline: str) -> str:
    """The body, its first paragraph opened by the DATELINE field's value when it has no dateline of its own."""
    dateline = " ".join(dateline.split())
    lines = body.split("\n")
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if not dateline or first is None:
        return body
    opening = lines[first].strip()
    if parse_dateline(opening) or opening_place(opening):
        return body
    place, comma, rest = dateline.partition(",")
    written = f"{place.upper()}{comma}{rest}"  # `beijing, march 12`: the place in capitals, as datelines write it
    separator = " " if _DASH_END.search(written) else " - "
    lines[first] = f"{written}{separator}{opening}"
    return "\n".join(lines)
