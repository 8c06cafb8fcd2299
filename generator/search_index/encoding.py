"""How the index is written: numbers as short runs of letters, terms spread over shards, files as scripts.

Every index file is a script calling `newsdigestIndex(name, data)` with JSON data, so that find.js can load it
with a <script> element: that works from disk (file://, where browsers refuse fetch) as well as over HTTP."""

from __future__ import annotations

import json
from functools import lru_cache

# A number is written little end first in 5-bit digits: a digit from the first half of DIGITS ends the number,
# one from the second half says more digits follow. Numbers below 32 take one character, below 1,024 two.
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
LAST, MORE = DIGITS[:32], DIGITS[32:]
CALLBACK = "newsdigestIndex"
SMALL = 1 << 15  # numbers below this are looked up in ENCODED


def encode_number(number: int) -> str:
    """A non-negative integer in DIGITS (see above)."""
    if number < SMALL:
        return ENCODED[number]
    return _encode(number)


def _encode(number: int) -> str:
    out = []
    while number >= 32:
        out.append(MORE[number & 31])
        number >>= 5
    out.append(LAST[number])
    return "".join(out)


ENCODED = [_encode(number) for number in range(SMALL)]
_VALUE = {character: index for index, character in enumerate(DIGITS)}


def decode_numbers(text: str) -> list[int]:
    """The numbers written in text by encode_number, in order."""
    numbers, value, shift = [], 0, 0
    for character in text:
        digit = _VALUE[character]
        if digit >= 32:
            value |= (digit - 32) << shift
            shift += 5
        else:
            numbers.append(value | digit << shift)
            value, shift = 0, 0
    return numbers


@lru_cache(maxsize=1 << 18)
def term_hash(term: str) -> int:
    """FNV-1a (32 bits) over the term's code points; find.js computes the same."""
    value = 0x811C9DC5
    for character in term:
        value = ((value ^ ord(character)) * 0x01000193) & 0xFFFFFFFF
    return value


def as_script(name: str, data: object) -> str:
    """The file that hands `data` to find.js under `name`: ASCII, and no "<" (so no "</script>"), should the
    text ever be put inside a page."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=True).replace("<", "\\u003c")
    return f"{CALLBACK}({json.dumps(name)},{text});\n"


def from_script(text: str) -> tuple[str, object]:
    """(name, data) of a file written by as_script; ValueError when it is not one."""
    prefix = CALLBACK + "("
    if not text.startswith(prefix) or not text.endswith(");\n"):
        raise ValueError("not a search index file")
    name, rest = json.JSONDecoder().raw_decode(text, len(prefix))
    if text[rest] != ",":
        raise ValueError("not a search index file")
    return name, json.loads(text[rest + 1:-3])
