"""Seed text as laid out: chunks between blank lines, paragraphs within them, hard-wrapped lines joined."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

WRAP_WIDTH = 100  # lines no longer than this, several in a row, are hard-wrapped text
MIN_WRAP_WIDTH = 40  # narrower lines than this are a list of short lines, not text wrapped to a width
WRAPPED_SHARE = 0.8  # text wrapped to a width has several lines this close to the longest
WRAPPED_LINES = 3
PARAGRAPH_END_SHARE = 0.5  # in wrapped text, a line shorter than half the width ends its paragraph

LIST_ITEM = re.compile(r"^\s*(?:[-–•*·▪]|\d{1,2}[.)])\s+(?=\S)")
SENTENCE_END = re.compile(r"[.!?…:;\"”»’')\]]$")


@dataclass
class Chunk:
    """A run of non-blank lines of the seed, with the 1-based number of its first line."""

    line: int
    lines: list[str]

    @property
    def text(self) -> str:
        """The lines joined as one line of text."""
        return join_lines(self.lines)


# 1990s wire copy marks its header lines with `^` and ends them with `<` (`=` for a byline's): layout codes.
_WIRE_CODES = re.compile(r"^([ \t]{0,8})\^|[<=][ \t]{0,3}$", re.MULTILINE)
_WIRE_CODED_LINE = re.compile(r"^[ \t]{0,8}\^[^\n]{0,300}[<=][ \t]{0,3}$", re.MULTILINE)
MIN_WIRE_CODED_LINES = 2


def without_wire_codes(text: str) -> str:
    """The text less the `^` and `<` layout codes of old wire copy, when at least two lines carry them."""
    if "^" not in text or len(_WIRE_CODED_LINE.findall(text, 0, 20_000)) < MIN_WIRE_CODED_LINES:
        return text
    return _WIRE_CODES.sub(lambda match: match.group(1) or "", text)


def split_chunks(text: str) -> list[Chunk]:
    """Runs of non-blank lines, split at blank lines."""
    chunks: list[Chunk] = []
    current: Chunk | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if current is None:
                current = Chunk(number, [])
                chunks.append(current)
            current.lines.append(line.rstrip())
        else:
            current = None
    return chunks


def wrap_width(chunks: list[Chunk]) -> int:
    """The width the text was hard-wrapped to, or 0 when it was not: most lines of MIN_WRAP_WIDTH to WRAP_WIDTH
    characters come close to the longest of them, and few lines are longer (a standfirst left unwrapped at the
    top does not count against it)."""
    lengths = [len(line) for chunk in chunks for line in chunk.lines if len(line) >= MIN_WRAP_WIDTH]
    fitting = [length for length in lengths if length <= WRAP_WIDTH]
    if len(fitting) < WRAPPED_LINES:
        return 0
    width = max(fitting)
    near = sum(length >= WRAPPED_SHARE * width for length in fitting)
    wrapped = near >= WRAPPED_LINES and near >= len(fitting) / 2 and len(lengths) - len(fitting) <= near / 4
    return width if wrapped else 0


def split_paragraphs(chunk: Chunk, width: int) -> list[Chunk]:
    """Paragraphs of one chunk of body text. In text hard-wrapped to `width`, lines are joined unless a line is
    indented, starts a list item or follows a line much shorter than the width (a paragraph's end); in text that
    is not (`width` 0), each line is a paragraph unless it starts in lower case."""
    if len(chunk.lines) == 1 or is_list(chunk.lines):
        return [chunk]
    base = min(indent_of(line) for line in chunk.lines)
    paragraphs: list[Chunk] = []
    for offset, line in enumerate(chunk.lines):
        previous = paragraphs[-1].lines[-1] if paragraphs else ""
        joined = paragraphs and not starts_block(line, base) and (
            line.lstrip()[:1].islower() or width and len(previous.rstrip()) >= PARAGRAPH_END_SHARE * width)
        if joined:
            paragraphs[-1].lines.append(line)
        else:
            paragraphs.append(Chunk(chunk.line + offset, [line]))
    return paragraphs


def starts_block(line: str, base: int) -> bool:
    """The line is indented past the chunk's margin or starts a list item: it begins a paragraph or an item."""
    return indent_of(line) >= base + 2 or bool(LIST_ITEM.match(line))


def split_lines(chunk: Chunk, stands_alone: Callable[[str, str], bool], width: int) -> list[Chunk]:
    """The lines of a chunk at the top of a story, each its own paragraph unless it continues the line before: a
    headline wrapped over two lines is one, a headline, byline and date written on three lines are three. `width`
    is the text's wrap width (0 when it was not wrapped). A line for which `stands_alone(line, next line)` is true
    (a byline, a date, a menu) never continues another, and no line continues it."""
    if is_list(chunk.lines):
        return [chunk]
    base = min(indent_of(line) for line in chunk.lines)
    paragraphs: list[Chunk] = []
    for offset, line in enumerate(chunk.lines):
        following = chunk.lines[offset + 1] if offset + 1 < len(chunk.lines) else ""
        previous = paragraphs[-1].lines[-1] if paragraphs else ""
        if (paragraphs and continues(previous, line, width, base) and not stands_alone(line, following)
                and not stands_alone(previous, line)):
            paragraphs[-1].lines.append(line)
        else:
            paragraphs.append(Chunk(chunk.line + offset, [line]))
    return paragraphs


def continues(previous: str, line: str, width: int, base: int) -> bool:
    """True when `line` goes on with the text of `previous`: it starts in lower case, or `previous` was filled to
    `width` (its next word would not have fitted; 0 when the lines were not wrapped to a width), and `line` is
    neither indented nor a list item."""
    stripped = line.strip()
    if starts_block(line, base) or not stripped:
        return False
    if stripped[0].islower():
        return True
    first_word = stripped.split()[0]
    return width >= MIN_WRAP_WIDTH and len(previous.rstrip()) + 1 + len(first_word) > width


def indent_of(line: str) -> int:
    """The number of leading spaces."""
    return len(line) - len(line.lstrip(" "))


def is_list(lines: list[str]) -> bool:
    """Every line is a list item (`- x`, `• x`, `1. x`)."""
    return len(lines) > 1 and all(LIST_ITEM.match(line) for line in lines)


def join_lines(lines: list[str]) -> str:
    """Hard-wrapped lines as one line: a hyphen at a line end before a lower-case word stays, unspaced."""
    if len(lines) == 1:
        return lines[0].strip()
    stripped = [line.strip() for line in lines]
    if "-\n" not in "\n".join(stripped):  # no line ends in a hyphen before another: one join, no loop
        return " ".join(filter(None, stripped))
    parts: list[list[str]] = []  # pieces of each space-separated part, joined once at the end (linear)
    for line in stripped:
        if parts and parts[-1][-1].endswith("-") and parts[-1][-1][-2:-1].isalpha() and line[:1].islower():
            parts[-1].append(line)
        elif line:
            parts.append([line])
    return " ".join("".join(pieces) for pieces in parts)
