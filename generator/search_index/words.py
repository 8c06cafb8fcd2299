"""Words as search sees them: folded (case, accents) and split the same way here and in theme/static/js/find.js.

A word is a run of letters and digits; initials written with periods are one word ("U.S." is "us", "N.Y." is
"ny"), so a reader finds them however they are typed. Nothing is stemmed and no word is left out: a query word
finds the stories that have that whole word, as a reader scanning the text would."""

from __future__ import annotations

import re
import unicodedata

# The combining-mark blocks that NFKD splits accents into; find.js strips the same ranges.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# A run of initials ("u.s.", "n.y") or of letters and digits; find.js splits text with the same pattern.
_WORD = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_](?![^\W_])\.?|[^\W_]+")


def fold(text: str) -> str:
    """Lower case without accents ("Café" -> "cafe"), as find.js folds a query."""
    if not text.isascii():
        text = _MARKS.sub("", unicodedata.normalize("NFKD", text))
    return text.lower()


def words(text: str) -> list[str]:
    """The folded words of a text, in order: runs of letters and digits, initials joined ("U.S." -> "us")."""
    folded = fold(text)
    found = _WORD.findall(folded)
    if "." not in folded or not found:
        return found
    return " ".join(found).replace(".", "").split(" ")  # a word has no space: the periods of initials go
