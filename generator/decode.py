"""Seed bytes to clean text: detect the encoding, repair mojibake, normalise whitespace and Unicode."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import charset_normalizer
import ftfy

from generator.errors import SeedError
from generator.schema import clean_text, remove_characters

MAX_SEED_BYTES = 2_000_000
"""Largest seed file accepted; a wire story is a few kilobytes, so anything near this is not one."""

# Signatures that plain text cannot start with; other binaries are caught by their NUL bytes.
_MAGIC = (
    (re.compile(rb"\x89PNG\r\n\x1a\n"), "PNG image"),
    (re.compile(rb"\xff\xd8\xff"), "JPEG image"),
    (re.compile(rb"GIF8[79]a"), "GIF image"),
    (re.compile(rb"\x1f\x8b"), "gzip archive"),
    (re.compile(rb"PK\x03\x04"), "ZIP archive"),
    (re.compile(rb"%PDF-\d"), "PDF document"),
    (re.compile(rb"\x7fELF"), "executable"),
    (re.compile(rb"MZ[\x00-\x1f\x80-\xff]"), "Windows executable"),
    (re.compile(rb"BZh[1-9]1AY&SY"), "bzip2 archive"),
    (re.compile(rb"\xfd7zXZ\x00"), "xz archive"),
    (re.compile(rb"7z\xbc\xaf\x27\x1c"), "7-Zip archive"),
    (re.compile(rb"SQLite format 3\x00"), "SQLite database"),
    (re.compile(rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), "Microsoft Office document"),
)

# Longest first: the UTF-32 LE BOM begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MULTIBYTE_LEGACY = {
    "shift_jis", "cp932", "euc_jp", "euc_jis_2004", "iso2022_jp", "gb2312", "gbk", "gb18030",
    "hz", "big5", "big5hkscs", "cp950", "euc_kr", "cp949", "johab",
}
_MIN_EVIDENCE_BYTES = 64  # below this many non-ASCII bytes charset-normalizer guesses too wildly

FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    explain=False,
)

_LINES = re.compile(r"[^\n]*\n|[^\n]+")
_PLAIN_LINE = re.compile(r"[\x20-\x7e\t]*\n?")
_UNICODE_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# ZWSP, word joiner, BOM/ZWNBSP, soft hyphen, Mongolian vowel separator, direction marks and
# embeddings; ZWNJ and ZWJ stay because emoji sequences and some scripts need them.
_INVISIBLES = re.compile("[\u200b\u2060\ufeff\u00ad\u180e\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LEADING_TABS = re.compile(r"^[ \t]+", re.MULTILINE)
_BINARY_CONTROL_RATIO = 0.05
_BINARY_CONTROLS = bytes(byte for byte in [*range(32), 127] if byte not in b"\t\n\r\x0b\x0c\x1b")
_KOI8_LOWER = bytes(range(0xC0, 0xE0)) + b"\xa3"  # а-я and ё in KOI8-R; capitals in cp1251
_CP1251_LOWER = bytes(range(0xE0, 0x100)) + b"\xb8"
_WORD_SAMPLE_CHARS = 65536
_MIN_WORD_SAMPLE_CHARS = 512
_MAX_AVERAGE_WORD = 25  # characters per whitespace-separated word
_LINE_BREAKS = ("\u2028", "\x85", "\x0b", "\x0c")  # line separator, NEL, vertical tab, form feed


def decode_seed(data: bytes, path: Path) -> str:
    """Return the seed's bytes as clean NFC text with LF line ends, or raise SeedError."""
    _check_size(data, path)
    text = _normalise(fix_text(_decode(data, path)))
    if not text.strip():
        raise SeedError(path, "file is empty (only whitespace)")
    if not any(ch.isalpha() for ch in text):
        raise SeedError(path, "no readable text (no letters) after decoding")
    return text


def fix_text(text: str) -> str:
    """ftfy's fix_text, which fixes each line on its own, run only on the lines it could change: a line of
    printable ASCII has no mojibake, controls or odd line breaks to fix, and ftfy costs time on every line it is given."""
    return "".join(line if _PLAIN_LINE.fullmatch(line) else ftfy.fix_text(line, FTFY_CONFIG)
                   for line in _LINES.findall(text))


def _check_size(data: bytes, path: Path) -> None:
    """Refuse empty files and files over the seed limit."""
    if not data:
        raise SeedError(path, "file is empty")
    if len(data) > MAX_SEED_BYTES:
        size, limit = _megabytes(len(data)), _megabytes(MAX_SEED_BYTES)
        raise SeedError(path, f"file is {size} MB, over the {limit} MB seed limit")


def _megabytes(size: int) -> str:
    """Size in MB to one decimal, or as many as it takes to differ from the limit."""
    rounded = f"{size / 1_000_000:.1f}"
    if size > MAX_SEED_BYTES and float(rounded) * 1_000_000 <= MAX_SEED_BYTES:
        return f"{size / 1_000_000:.6f}".rstrip("0")
    return rounded.removesuffix(".0")


def _decode(data: bytes, path: Path) -> str:
    """Decode by BOM, then UTF-16 without BOM, then UTF-8, then a legacy single-byte guess."""
    for magic, kind in _MAGIC:
        if magic.match(data):
            raise SeedError(path, f"looks like binary data ({kind}), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, path)
    utf16 = _bomless_utf16(data)
    if utf16:
        return _strict(data, utf16, path)
    if b"\x00" in data:
        raise SeedError(path, "looks like binary data (NUL bytes), not text")
    if _control_ratio(data) > _BINARY_CONTROL_RATIO:
        raise SeedError(path, "looks like binary data (control bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _decode_legacy(data)
    if _without_words(text):
        raise SeedError(path, "looks like binary data (no words in any text encoding), not text")
    return text


def _strict(data: bytes, encoding: str, path: Path) -> str:
    """Decode with a known encoding; a failure means the file is damaged."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SeedError(path, f"invalid {encoding.upper()} at byte {exc.start}") from None


def _bomless_utf16(data: bytes) -> str | None:
    """Name the UTF-16 byte order when every other byte is mostly NUL (ASCII-range text)."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    pairs = len(sample) // 2
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls >= 0.6 * pairs and even_nuls <= 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.6 * pairs and odd_nuls <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _control_ratio(data: bytes) -> float:
    """Share of C0 control bytes other than tab, newlines, form feed and ESC."""
    sample = data[:65536]
    return (len(sample) - len(sample.translate(None, _BINARY_CONTROLS))) / len(sample)


def _decode_legacy(data: bytes) -> str:
    """Decode non-UTF-8 bytes: Cyrillic cp1251 or Western cp1252, or a CJK code when evidence is ample."""
    high = sum(1 for byte in data if byte >= 0x80)
    if high >= _MIN_EVIDENCE_BYTES:
        best = charset_normalizer.from_bytes(data).best()
        if best is not None and best.encoding in _MULTIBYTE_LEGACY:
            return str(best)
    if _looks_cyrillic(data):
        return data.decode("koi8-r" if _koi8_lower_case(data) else "cp1251", errors="replace")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_cyrillic(data: bytes) -> bool:
    """True when most letter-range high bytes stand in runs of three or more, as cp1251 words do."""
    runs = re.findall(rb"[\xc0-\xff\xa8\xb8]+", data)
    letters = sum(len(run) for run in runs)
    in_words = sum(len(run) for run in runs if len(run) >= 3)
    return letters > 0 and in_words >= 0.5 * letters


def _koi8_lower_case(data: bytes) -> bool:
    """True when Cyrillic bytes are KOI8-R rather than cp1251: running text is mostly lower case, which KOI8-R puts
    at 0xC0-0xDF and cp1251 at 0xE0-0xFF (the other code's capitals)."""
    koi8_lower = len(data) - len(data.translate(None, _KOI8_LOWER))
    cp1251_lower = len(data) - len(data.translate(None, _CP1251_LOWER))
    return koi8_lower > 2 * cp1251_lower


def _without_words(text: str) -> bool:
    """True when text decoded by a single-byte legacy code has almost no word breaks, as random bytes read in any
    such code do (a word of text averages under a dozen letters; a short file is not judged)."""
    sample = text[:_WORD_SAMPLE_CHARS]
    return len(sample) >= _MIN_WORD_SAMPLE_CHARS and len(sample) > _MAX_AVERAGE_WORD * len(sample.split())


def _normalise(text: str) -> str:
    """LF line ends, indentation tabs as four spaces, plain spaces, no invisibles, controls or non-characters (their
    removal leaves no doubled space: schema.remove_characters), NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2029", "\n\n")
    for line_break in _LINE_BREAKS:  # str.replace: translate() walks a long text character by character
        text = text.replace(line_break, "\n")
    if "\t" in text:
        text = _LEADING_TABS.sub(lambda m: m.group().replace("\t", "    "), text).replace("\t", " ")
    text = _UNICODE_SPACES.sub(" ", text)
    text = clean_text(remove_characters(text, _INVISIBLES))  # controls and non-characters too; NFC
    return "\n".join(line.rstrip(" \t") for line in text.split("\n"))  # a `[ \t]+$` pattern is quadratic on a long run
