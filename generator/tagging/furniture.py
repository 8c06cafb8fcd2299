"""Page furniture the parser may leave in a story's text: bylines, credit lines, read-time and listen buttons,
copyright lines. Their names are reporters and editors, never entities of the story, so the tagger reads the text
without them."""

from __future__ import annotations

import re

# A reporter's name as bylines write it: "Huw Jones", "JUAN A. LOZANO", "Mai Nguyen", "Mo Hong'e".
_NAME = r"(?:[A-Z][\w'’.\-]*|[a-z]{1,3}(?=\s+[A-Z]))(?:\s+(?:[A-Z][\w'’.\-]*|van|von|de|der|da|di|del|la|le|bin)){0,4}"
# What follows the names in a byline: the agency and the reporter's role ("Associated Press Writer", "AP Business
# Writer", "Reuters", "Staff Correspondent").
_ROLE = (r"(?:(?:The\s+)?Associated\s+Press|AP|Reuters|AFP|Bloomberg|Xinhua|TASS|Kyodo|Yonhap|dpa|UPI|Interfax)"
         r"|(?:[A-Z][a-z]+\s+){0,3}(?:Writers?|Correspondents?|Reporters?|Editors?|Staff|Columnist|Analyst)")
BYLINE = re.compile(
    rf"By\s+{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*(?:\s*[,;]?\s*(?:{_ROLE}))*\s*[.:]?")
# A byline of names in capitals ahead of the dateline in one block: "By LARRY NEUMEISTER Associated Press Writer
# NEW YORK (AP) -- ...".
SHOUTED_BYLINE = re.compile(
    rf"By\s+[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]*){{0,3}}(?:\s*(?:,|\band\b)\s*[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]*){{0,3}})*"
    rf"(?:\s*,?\s*(?:{_ROLE}))+\s+")
# Credit lines: "(Reporting by X in Y; additional reporting by Z; Editing by W)", "Writing by X", "(Editor: X)".
CREDIT = re.compile(
    r"\(?\b(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Ee]dited|[Cc]ompiled|[Pp]roduced|[Rr]esearch"
    r"|[Gg]raphics|[Pp]hotos?|[Vv]ideo)\s+by\s+[A-Z][^()\n]*\)?"
    r"|\((?:Editor|Editors|Editing|Contact|Writer|Reporter|Reporters|Compiled)\s*:[^()\n]*\)")
# Buttons and lines of the page, not of the story.
FURNITURE_LINE = re.compile(
    r"(?:\d+\s+Min(?:ute)?s?\s+Read|Listen(?:\s+to\s+(?:this|the)\s+(?:article|story))?(?:\s*\d+\s*min(?:ute)?s?)?"
    r"|Share|Save|Print|E-?mail|Advertisement|Sign up here\.?|Our Standards:.*|Copyright\b.*|.*All rights reserved\.?"
    r"|\(c\)\s.*|©.*)",
    re.IGNORECASE)
READ_TIME = re.compile(r"\b\d+\s+Min(?:ute)?s?\s+Read\b", re.IGNORECASE)


def without_furniture(text: str) -> str:
    """The block's text with bylines, credit lines and page buttons taken out ('' if it is only furniture)."""
    stripped = text.strip()
    if FURNITURE_LINE.fullmatch(stripped) or _is_byline(stripped):
        return ""
    if stripped.startswith("By "):
        shouted = SHOUTED_BYLINE.match(stripped)
        if shouted:
            stripped = stripped[shouted.end():]
    stripped = READ_TIME.sub(" ", stripped)
    return CREDIT.sub(" ", stripped) if "by " in stripped or ":" in stripped else stripped


def _is_byline(text: str) -> bool:
    """True for a block that is only a byline: 'By Huw Jones and Iain Withers', 'By JANE DOE Associated Press
    Writer' (not 'By the close Yorkshire had...': a byline has no lower-case word but connectors)."""
    return text.startswith("By ") and len(text) <= 160 and BYLINE.fullmatch(text) is not None
