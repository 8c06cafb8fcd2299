"""Seed decoding: encodings, mojibake, whitespace and invisibles, and the files refused as not text."""

from __future__ import annotations

import bz2
import codecs
import gzip
import lzma
import random
import zlib
from pathlib import Path

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import corpus_folder
from generator.decode import FTFY_CONFIG, MAX_SEED_BYTES, decode_seed, fix_text
from generator.errors import SeedError
from generator.schema import clean_text

PATH = Path("seeds/story.txt")
RUSSIAN = "Москва ожидает, что Вашингтон выполнит обязательства.\nЁлка, ёж и «кавычки» — всё на месте.\n"


@pytest.fixture(scope="module")
def tass_text() -> str:
    """The project's first seed as UTF-8 text: curly quotes, dashes, plain LF lines."""
    path = corpus_folder("seed") / "000_5c9cc7032a8f1c3d.txt"
    return path.read_text(encoding="utf-8")


def test_plain_utf8_seed_is_unchanged(tass_text):
    assert decode_seed(tass_text.encode("utf-8"), PATH) == tass_text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_unicode_encodings_round_trip(tass_text, encoding):
    data = tass_text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = codecs.BOM_UTF16_LE + data if encoding == "utf-16-le" else codecs.BOM_UTF16_BE + data
    assert decode_seed(data, PATH) == tass_text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_is_recognised(tass_text, encoding):
    assert decode_seed(tass_text.encode(encoding), PATH) == tass_text


def test_cp1252_with_unencodable_characters_replaced(tass_text):
    data = (tass_text + "Café in Zürich, €5 — “quoted” naïve Ω\n").encode("cp1252", errors="replace")
    expected = data.decode("cp1252")
    assert "?" in expected  # the Greek omega could not be encoded
    assert decode_seed(data, PATH) == expected


@pytest.mark.parametrize(
    "text",
    [RUSSIAN, "Москва", "Привет, мир!", "Сергей Лавров: «Да».\n"],
)
def test_cp1251_russian_round_trips(text):
    assert decode_seed(text.encode("cp1251"), PATH) == text


@pytest.mark.parametrize(
    "text",
    ["café", "Zürich Grüße, naïve résumé", "“Quoted” – dashed… and €5", "Müller said the façade was done."],
)
def test_short_western_text_is_cp1252_not_cyrillic(text):
    assert decode_seed(text.encode("cp1252"), PATH) == text


def test_latin1_bytes_undefined_in_cp1252_still_decode():
    data = "Café ".encode("latin-1") + b"\x81" + b" ok"
    assert decode_seed(data, PATH) == "Café ok"  # the C1 control goes, and no doubled space with it


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_become_lf(tass_text, newline):
    assert decode_seed(tass_text.replace("\n", newline).encode("utf-8"), PATH) == tass_text


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Russiaâ€™s economy", "Russia’s economy"),
        ("The â€œdealâ€\x9d is done", "The “deal” is done"),
        ("CafÃ© in ZÃ¼rich", "Café in Zürich"),
    ],
)
def test_mojibake_is_repaired(broken, fixed):
    assert decode_seed(broken.encode("utf-8"), PATH) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "MZUZU, Malawi (AP) — Floods",
        "RIFF RAFF TO TOUR",
        "GIFT SHOP SALES RISE",
        "SÃO PAULO, Dec 26 (Reuters) - Brazil",
        "MÉXICO • Ñandú, Œuvre, 10³ m², ½ cup",
    ],
)
def test_legitimate_text_is_not_mistaken_for_binary_or_mojibake(text):
    assert decode_seed(text.encode("utf-8"), PATH) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\tIndented paragraph\n\t\tTwice", "    Indented paragraph\n        Twice"),
        ("a\tb", "a b"),
        ("non\u00a0breaking\u2009thin\u3000ideographic\u202fnarrow", "non breaking thin ideographic narrow"),
        ("zero\u200bwidth\u2060joiner\ufeffbom\u00adsoft", "zerowidthjoinerbomsoft"),
        ("emoji 👨\u200d👩\u200d👧 stays", "emoji 👨\u200d👩\u200d👧 stays"),
        ("Persian می\u200cخواهم", "Persian می\u200cخواهم"),
        ("bell\x07 and escape\x1b[1m bold", "bell and escape bold"),
        ("decomposed e\u0301", "decomposed é"),
        ("line\u2028break", "line\nbreak"),
        ("trailing spaces   \nnext", "trailing spaces\nnext"),
        ("tabs and no-break spaces end a line \t\u00a0\u00a0\r\nnext\t", "tabs and no-break spaces end a line\nnext"),
        ("a" + " " * 100_000 + "b  \n", "a" + " " * 100_000 + "b\n"),  # inner spaces stay, trailing ones go
        ("curly ‘quotes’ and “more” stay", "curly ‘quotes’ and “more” stay"),
    ],
)
def test_text_is_normalised(text, expected):
    assert decode_seed(text.encode("utf-8"), PATH) == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "file is empty"),
        (b"   \n\t\r\n  ", "file is empty (only whitespace)"),
        ("\ufeff\u00a0\u200b\n".encode("utf-8"), "file is empty (only whitespace)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like binary data (PNG image), not text"),
        (gzip.compress(b"hello world"), "looks like binary data (gzip archive), not text"),
        (bz2.compress(b"hello world"), "looks like binary data (bzip2 archive), not text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "looks like binary data (PDF document), not text"),
        (b"some text\x00\x01\x02\x03 more\x00\x00\xff binary", "looks like binary data (NUL bytes), not text"),
        (bytes(range(1, 32)) * 10 + b"abc", "looks like binary data (control bytes), not text"),
        (bytes(range(0x80, 0x100)) * 8, "looks like binary data (no words in any text encoding), not text"),
        (b"12345 -- 678 / 90\n", "no readable text (no letters) after decoding"),
    ],
)
def test_unreadable_files_raise_seed_error(data, reason):
    with pytest.raises(SeedError) as caught:
        decode_seed(data, PATH)
    assert caught.value.reason == reason
    assert str(caught.value) == f"{PATH}: {reason}"


@pytest.mark.parametrize(
    ("size", "shown"), [(3_200_000, "3.2"), (MAX_SEED_BYTES + 1, "2.000001"), (2_050_000, "2.05")]
)
def test_oversized_file_is_refused(size, shown):
    with pytest.raises(SeedError, match=rf"file is {shown} MB, over the 2 MB seed limit"):
        decode_seed(b"a" * size, PATH)


def test_file_at_the_limit_is_accepted():
    assert len(decode_seed(b"a" * MAX_SEED_BYTES, PATH)) == MAX_SEED_BYTES


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_text_or_seed_error(data):
    try:
        text = decode_seed(data, PATH)
    except SeedError as error:
        assert error.path == PATH and error.reason
    else:
        assert text.strip() and any(ch.isalpha() for ch in text)
        assert "\r" not in text and "\t" not in text and "\x00" not in text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zs", "Zl", "Zp")), min_size=1))
def test_any_clean_text_survives_utf8_and_utf16(text):
    try:
        expected = decode_seed(text.encode("utf-8"), PATH)
    except SeedError:
        return
    assert decode_seed(text.encode("utf-16"), PATH) == expected
    assert decode_seed(text.encode("utf-8-sig"), PATH) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(alphabet=st.characters(max_codepoint=0x7F)), st.text(),
                          st.sampled_from(["cafÃ©", "â€œquotedâ€\x9d", "ﬁne", "\x1b[31mred\x1b[0m", "a\rb", "\x85", "\u2028"])),
                max_size=12))
def test_fix_text_skipping_plain_lines_is_ftfy_exactly(parts: list[str]) -> None:
    text = "\n".join(parts)
    assert fix_text(text) == ftfy.fix_text(text, FTFY_CONFIG)


def random_bytes(seed: int, size: int, keep: bytes | None = None) -> bytes:
    """`size` random bytes, or as many drawn only from `keep` (so no NUL or control byte gives them away)."""
    data = random.Random(seed).randbytes(size * 3 if keep else size)
    return data.translate(None, bytes(set(range(256)) - set(keep)))[:size] if keep else data


TEXT_LIKE_BYTES = bytes([9, 10, 13, *range(32, 256)])
HIGH_BYTES = bytes(range(0x80, 0x100))
MAGIC = [b"\x89PNG\r\n\x1a\n", b"%PDF-1.7\n", b"\x7fELF\x02\x01\x01", b"GIF89a", b"\xff\xd8\xff\xe0", b"PK\x03\x04"]
BINARIES = st.one_of(
    st.builds(random_bytes, st.integers(0, 2**32), st.integers(1024, 65536)),  # os.urandom-like
    st.builds(random_bytes, st.integers(0, 2**32), st.integers(1024, 65536), st.just(TEXT_LIKE_BYTES)),
    st.builds(random_bytes, st.integers(0, 2**32), st.integers(1024, 65536), st.just(HIGH_BYTES)),
    st.builds(lambda magic, seed: magic + random_bytes(seed, 20_000), st.sampled_from(MAGIC), st.integers(0, 2**32)),
    st.builds(lambda compress, seed: compress(random_bytes(seed, 20_000, TEXT_LIKE_BYTES)),
              st.sampled_from([gzip.compress, bz2.compress, lzma.compress, zlib.compress]), st.integers(0, 2**32)),
)


@settings(max_examples=200, deadline=None)
@given(BINARIES)
def test_binary_data_is_refused_as_binary(data):
    with pytest.raises(SeedError) as caught:
        decode_seed(data, PATH)
    assert caught.value.reason.startswith("looks like binary data (")


def test_real_binary_files_are_refused_as_binary():
    elf = Path("/bin/sh").read_bytes()[:MAX_SEED_BYTES]
    for data in (elf, gzip.compress(elf[:50_000]), bz2.compress(elf[:50_000])):
        with pytest.raises(SeedError, match=r"looks like binary data \("):
            decode_seed(data, PATH)


CYRILLIC_WORDS = ("Москва", "заявил", "министр", "переговоры", "в", "и", "на", "Ёлка", "съезд", "объявил",
                  "правительство", "Лавров", "щедрый", "ёж", "цены", "выросли")
WESTERN_WORDS = ("Zürich", "café", "Müller", "a", "dit", "que", "façade", "Ærø", "señor", "niño", "straße",
                 "été", "Óscar", "Ísland", "the", "øre", "Göteborg")
JAPANESE_WORDS = ("東京", "政府", "会議", "を", "が", "開いた", "首相", "は", "経済", "対策", "について", "話し合った",
                  "輸出", "大阪", "日本銀行")


def prose(words: tuple[str, ...], separator: str = " ", min_lines: int = 3) -> st.SearchStrategy[str]:
    """Lines of sentences made of the words, as a story in that language would run."""
    sentence = st.lists(st.sampled_from(words), min_size=3, max_size=12).map(lambda chosen: separator.join(chosen))
    line = st.lists(sentence, min_size=1, max_size=4).map(lambda sentences: ". ".join(sentences) + ".")
    return st.lists(line, min_size=min_lines, max_size=30).map("\n".join)


@settings(max_examples=60, deadline=None)
@given(st.one_of(
    st.tuples(prose(CYRILLIC_WORDS), st.sampled_from(["cp1251", "koi8-r", "utf-16", "utf-8"])),
    st.tuples(prose(WESTERN_WORDS), st.sampled_from(["latin-1", "cp1252", "utf-16", "utf-8"])),
    # a multi-byte legacy code is told apart from a single-byte one with 64 non-ASCII bytes or more (decode.py)
    st.tuples(prose(JAPANESE_WORDS, "", min_lines=12), st.sampled_from(["shift_jis", "utf-16", "utf-8"])),
))
def test_text_in_real_encodings_is_read_as_that_text(story_and_encoding):
    story, encoding = story_and_encoding
    assert decode_seed(story.encode(encoding), PATH) == story


WORDS = st.sampled_from(["Talks", "went", "on", "in", "Moscow", "talks,", "end.", "(Reuters)", "“quoted”", "said:",
                         "Zürich", "5%", "it’s", "done!", "why?", "[sic]", "«Да»", "Москва", "东京"])
CLEAN_LINES = st.lists(st.lists(WORDS, min_size=1, max_size=8).map(" ".join), min_size=1, max_size=4).map("\n".join)
REMOVED = st.sampled_from(["\uffff", "\ufffe", "\U0001ffff", "\U0010fffe", "\ufdd0", "\x07", "\x1f", "\x7f",
                           "\u202e", "\u2066", "\u200b", "\ufeff", "\u00ad"])


@settings(max_examples=300, deadline=None)
@given(CLEAN_LINES, st.lists(st.tuples(st.integers(min_value=0), REMOVED), min_size=1, max_size=6))
def test_removing_a_character_leaves_no_doubled_space_or_space_before_punctuation(text, insertions):
    """Controls, non-characters and invisibles put anywhere in clean text (beside a space, before punctuation,
    at a line's start or end) are removed by the decoder, and the text is as it was."""
    text = " ".join(["Officials met in Moscow on Monday to discuss grain exports."] * 4) + "\n" + text  # few controls
    dirty = text
    for position, character in insertions:
        position %= len(dirty) + 1
        dirty = dirty[:position] + character + dirty[position:]
    assert decode_seed(dirty.encode("utf-8"), PATH) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Talks \uffff end", "Talks end"), ("Talks \ufffe.", "Talks."), ("Talks\x07 end", "Talks end"),
    ("(\U0001ffff Talks)", "(Talks)"), ("Talks end \uffff", "Talks end"), ("a\ufffeb", "ab"),
    ("first \x1f\nsecond", "first\nsecond"), ("keep   three \uffff spaces", "keep   three spaces"),
])
def test_front_matter_text_is_cleaned_the_same_way(text, expected):
    assert clean_text(text) == expected
