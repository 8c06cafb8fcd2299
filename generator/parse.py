"""Parse stage: a seed's text to an Article (headline, lede, dateline, body, sign-off), page furniture dropped.

The story's top (generator.head) is read line by line: the lead is found, and the headline, standfirst, byline,
dates and dateline above it are told apart from page furniture. The body below is read paragraph by paragraph."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from generator.agencies import INLINE_SIGNOFF_WORDS, SIGNOFF_WORDS, agency_from_signoff, writes_month_first
from generator.dateline import opening_place, parse_dateline
from generator.dates import find_dates, stated_date_in
from generator.decode import decode_seed
from generator.errors import SeedError
from generator.furniture import LINK_LABEL, LINKS_LIST_LABEL, is_furniture, is_label, is_section_name
from generator.head import MAX_HEADLINE_CHARS, Head, Kinds, find_lead, metadata_rest, read_head, top_paragraphs
from generator.headline import strip_desk_labels, unescaped
from generator.layout import (
    LIST_ITEM,
    SENTENCE_END,
    Chunk,
    is_list,
    join_lines,
    split_chunks,
    split_paragraphs,
    without_wire_codes,
    wrap_width,
)
from generator.model import Article, Block, Dateline, StatedDate
from generator.records import as_story

MAX_SUBHEAD_WORDS = 16
HEADLINE_FROM_LEAD = 100  # the longest headline made from a lead (a story filed without one)
MAX_CAPTION_CHARS = 400
TRAILING_WORDS = 8  # a short line that is no sentence, below the story's last sentence, is the page's
TRAILING_LINES_KEPT = 3  # a story this short keeps its last lines whatever they are
MAX_PAGE_LINES_BELOW = 60  # the most lines taken for the page's below a story
# Possessive leading spaces (\s*+): a line of many spaces is never tried again from each of them (quadratic).
_SIGNOFF = re.compile(
    rf"^\s*+(?:{SIGNOFF_WORDS}|\(?\s*(?:reporting|writing|editing|additional reporting|compiled) by\b.*"
    r"|editors?\s{0,3}:\s{0,3}[\w .'’-]{1,60})\s*$",
    re.IGNORECASE,
)
_INLINE_SIGNOFF = re.compile(rf"^(.*[.!?\"”])\s+({INLINE_SIGNOFF_WORDS})\s*$")
# A closing block that starts "To contact the reporter on this story:" (Bloomberg): contacts, not the story.
_CONTACTS = re.compile(r"\s*to contact the (?:reporters?|editors?|authors?)\b.{0,80}:\s*$", re.IGNORECASE)
_CREDITS = re.compile(
    r"^\s*+(?:\(\s*)?(?:[\w .'’-]{0,80}\b(?:writers?|reporters?|correspondents?|staff)\b[\w ,.'’&-]{0,200}"
    r"\bcontributed(?: to)?(?: this)?(?: report(?:ing)?| story)?|contributed by [\w ,.'’&-]{1,120}"
    r"|[\w.'’-]+(?: (?:and )?[\w.'’-]+){0,3} reported from [\w ,.'’-]{1,80}"
    r"|-{0,2}\s{0,3}with (?:additional )?assistance from [\w ,.'’&-]{1,200}|sources?:\s{0,3}[\w ,.'’&-]{1,80})"
    r"\.?\)?\s*$",
    re.IGNORECASE,
)
_NUMBERED_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s")
_PLAIN_WORD = re.compile(r"[^\W\d_][\w'’.&-]{0,40}|&")
_UPDATED = re.compile(r"\b(?:updated|modified|last)\b", re.IGNORECASE)


def parse_seed(path: Path, seed_name: Path | None = None) -> Article:
    """Read, decode and parse one seed file; raise SeedError naming the file and why."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SeedError(path, f"cannot read file: {error.strerror or error}") from error
    text = decode_seed(data, path)
    return parse_text(text, seed_name or Path(path.name), path)


def parse_text(text: str, seed: Path, path: Path | None = None) -> Article:
    """Parse decoded seed text into an Article; `seed` is recorded, `path` named in errors."""
    where = path or seed
    chunks = [chunk for chunk in split_chunks(without_wire_codes(as_story(text))) if chunk.lines]
    signoff = take_signoff(chunks)
    top = top_paragraphs(chunks)
    kinds = Kinds([paragraph for _, _, paragraph in top])
    lead = find_lead(kinds.paragraphs, kinds)
    if lead is None:
        if not any(not is_furniture(paragraph.text) for _, _, paragraph in top):
            raise SeedError(where, "no headline: the file has no text after scraping debris is removed")
        raise SeedError(where, "no body: only a headline was found", top[0][2].line)
    index, offset, _ = top[lead]
    first = chunks[index]
    body_chunks = [Chunk(first.line + offset, first.lines[offset:]), *chunks[index + 1:]]
    width = wrap_width(body_chunks)
    blocks = joined_lists(without_debris([block for chunk in body_chunks for block in split_paragraphs(chunk, width)]))
    if not blocks:
        raise SeedError(where, "no body: only a headline was found", top[0][2].line)
    credits = take_credits(blocks)
    dateline, lead_rest = opening_dateline(blocks[0])
    later = [line for block in blocks[1:] for line in block.lines]
    head = read_head(kinds.paragraphs[:lead], kinds.upto(lead), blocks[0], later, month_first(dateline))
    headline = head.headline.text if head.headline else headline_from_lead(lead_rest)
    if len(headline) > MAX_HEADLINE_CHARS:
        raise SeedError(where, f"no headline-like first line: it runs to {len(headline)} characters, over "
                               f"{MAX_HEADLINE_CHARS}", head.headline.line)
    dateline = with_dateline_line(dateline, head.dateline)
    # A dateline, a byline or a date line marks where the story starts: what stands above it is its top.
    marked = bool(dateline.raw or head.byline or head.stated or head.time)
    body_blocks, lede = story_blocks(blocks, lead_rest, head, marked)
    headline = unescaped(headline)
    article = Article(
        seed=seed,
        headline=headline,
        headline_original=headline,
        lede=lede,
        dateline=dateline,
        body=classify_blocks(body_blocks),
        byline=head.byline,
        signoff=signoff,
        credits=credits,
        stated_date=stated_date(head, signoff, month_first(dateline)),
        time=head.time,
    )
    article.agency = dateline.agency or agency_from_signoff(signoff) or agency_from_form(dateline) or head.byline_agency
    article.headline = strip_desk_labels(headline, article.agency)
    return article


def headline_from_lead(text: str) -> str:
    """A headline for a story filed without one (a wire flash that opens with its dateline): the lead's first
    sentence, cut at a word before HEADLINE_FROM_LEAD characters."""
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text.strip(), maxsplit=1)[0].rstrip(".")
    if len(sentence) <= HEADLINE_FROM_LEAD:
        return sentence
    return sentence[:HEADLINE_FROM_LEAD].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def opening_dateline(lead: Chunk) -> tuple[Dateline, str]:
    """The lead paragraph's dateline (empty when it has none) and the paragraph's text after it."""
    text = join_lines(lead.lines)
    found = parse_dateline(text) or opening_place(text)
    return found if found else (Dateline(), text)


def month_first(dateline: Dateline) -> bool:
    """Numeric dates of this story are written month first (its agency is American)."""
    return writes_month_first(dateline.agency)


def with_dateline_line(dateline: Dateline, line: Dateline | None) -> Dateline:
    """The lead's dateline, completed by a dateline written on a line of its own above it (`ROME 1996-12-06`)."""
    if line is None:
        return dateline
    if not dateline.raw:
        return line
    if dateline.month is None and line.month:
        dateline.month, dateline.day, dateline.year = line.month, line.day, line.year
    elif dateline.year is None and line.year and (line.month, line.day) == (dateline.month, dateline.day):
        dateline.year = line.year
    dateline.place = dateline.place or line.place
    dateline.region = dateline.region or line.region
    return dateline


def story_blocks(blocks: list[Chunk], lead_rest: str, head: Head, marked: bool) -> tuple[list[Chunk], str | None]:
    """The body's blocks in reading order, and the standfirst. The lead paragraph (less its dateline) opens the
    body; summary bullets and notes written above it follow it. When nothing (a dateline, a byline, a date line)
    marks where the story starts, only an unpunctuated standfirst over at least two paragraphs counts as one."""
    lede = head.lede
    lead = [Chunk(blocks[0].line, [lead_rest])] if lead_rest.strip() else []
    others = sorted(head.before_lead + head.lead_ins, key=lambda chunk: chunk.line)
    if marked:
        body = lead + others + blocks[1:]
    else:
        if lede is not None and (SENTENCE_END.search(lede) or len(blocks) < 2):
            others = sorted([Chunk(head.headline.line + 1, [lede]), *others], key=lambda chunk: chunk.line)
            lede = None
        body = others + lead + blocks[1:]
    if not body and lede is not None:
        body, lede = [Chunk(blocks[0].line, [lede])], None
    return body, lede


def stated_date(head: Head, signoff: str | None, month_first: bool) -> StatedDate | None:
    """The date stated near the top (a `Published` line before an `Updated` one), else in the sign-off
    (`This report ... was first published March 3, 2024`, a closing stamp `AP-NY-01-17-95 0342EST`)."""
    stated = sorted(head.stated, key=lambda pair: bool(_UPDATED.search(pair[1])))
    if stated:
        return stated[0][0]
    return stated_date_in([signoff], "metadata", month_first) if signoff else None


def take_signoff(chunks: list[Chunk]) -> str | None:
    """Remove trailing sign-off lines (`Reuter`, `==Kyodo`, `(Reporting by ...)`) and return them; the page's lines
    below them go too."""
    found: list[str] = []
    drop_trailing(chunks, is_furniture_below)
    last_two = range(max(0, len(chunks) - 2), len(chunks))
    contacts = next((index for index in last_two if _CONTACTS.match(chunks[index].lines[0])), None)
    if contacts is not None:
        found = [" ".join(line.strip() for chunk in chunks[contacts:] for line in chunk.lines)]
        del chunks[contacts:]
    drop_trailing(chunks, is_page_line_below)
    while chunks:
        last = chunks[-1]
        if not (last.lines and (_SIGNOFF.match(last.lines[-1]) or is_date_stamp(last.lines[-1]))):
            break
        found.insert(0, last.lines.pop().strip())
        if not last.lines:
            chunks.pop()
    if chunks and not found:
        inline = _INLINE_SIGNOFF.match(chunks[-1].lines[-1])
        if inline:
            chunks[-1].lines[-1], signoff = inline.groups()
            found.append(signoff)
    return " ".join(found) or None


def is_date_stamp(line: str) -> bool:
    """A line that only dates the story, with its year: a wire's closing stamp (`AP-NY-01-17-95 0342EST`, `September
    20, 2023 14:45 ET (18:45 GMT)`, `2024/01/14 16:40`). Below the story it closes the sign-off."""
    return metadata_rest(line) == "" and any(written.year for written in find_dates(line))


def drop_trailing(chunks: list[Chunk], is_the_pages: Callable[[str, list[Chunk]], bool]) -> None:
    """Remove the last lines while they are the page's (MAX_PAGE_LINES_BELOW at most), stopping at a sign-off."""
    for _ in range(MAX_PAGE_LINES_BELOW):
        if not chunks:
            return
        line = chunks[-1].lines[-1]
        if _SIGNOFF.match(line) or not is_the_pages(line.strip(), chunks):
            return
        chunks[-1].lines.pop()
        if not chunks[-1].lines:
            chunks.pop()


def is_furniture_below(text: str, chunks: list[Chunk]) -> bool:
    """Below the story, furniture, and a section's name (a category link: `Society & Culture`)."""
    return is_furniture(text) or is_section_name(text)


def is_page_line_below(text: str, chunks: list[Chunk]) -> bool:
    """Below the story's last sentence, a short line of plain words that is no sentence and stands alone or among
    other short lines (tags, a newsletter's name, related links), not a line of a wrapped paragraph; a story of a
    few lines keeps them."""
    last = chunks[-1].lines
    alone = len(last) == 1 or len(last) <= MAX_PAGE_LINES_BELOW and all(len(line.split()) <= TRAILING_WORDS
                                                                        for line in last)
    words = text.split()
    return (alone and sum(len(chunk.lines) for chunk in chunks[:TRAILING_LINES_KEPT + 1]) > TRAILING_LINES_KEPT
            and len(words) <= TRAILING_WORDS and all(map(_PLAIN_WORD.fullmatch, words))
            and not SENTENCE_END.search(text))


def joined_lists(blocks: list[Chunk]) -> list[Chunk]:
    """Runs of one-line list items (`- a`, a blank line or a new paragraph, `- b`) as one list block."""
    joined: list[Chunk] = []
    for block in blocks:
        listed = LIST_ITEM.match(block.lines[0])
        previous = joined[-1] if joined else None
        if listed and len(block.lines) == 1 and previous is not None and all(map(LIST_ITEM.match, previous.lines)):
            previous.lines.append(block.lines[0])
        else:  # a copy only of a block that items may be added to
            joined.append(Chunk(block.line, list(block.lines)) if listed else block)
    return joined


def without_debris(blocks: list[Chunk]) -> list[Chunk]:
    """The blocks less page furniture, less links to other stories (the headlines under `Read also` or `Most
    read`), and less the value of a label such as `Image caption,` (the caption)."""
    kept: list[Chunk] = []
    after_links_label = after_label = False
    for block in blocks:
        text = join_lines(block.lines)
        if after_label and len(text) < MAX_CAPTION_CHARS:
            after_label = False
            continue
        if after_links_label and all(len(line.split()) <= MAX_SUBHEAD_WORDS and not SENTENCE_END.search(line)
                                     for line in block.lines):
            continue
        after_links_label = after_label = False
        label = block.lines[0].strip()
        if LINKS_LIST_LABEL.fullmatch(label) or LINK_LABEL.fullmatch(label):
            # the label, and the headlines listed on its lines or in the blocks after it
            after_links_label = not any(map(SENTENCE_END.search, block.lines[1:]))
            if after_links_label or len(block.lines) == 1:
                continue
        if is_label(block.lines[0]):  # `Image caption,` and the caption: on the next lines, or the next block
            after_label = len(block.lines) == 1
            continue
        if not is_furniture(text):
            kept.append(block)
    return kept


def take_credits(blocks: list[Chunk]) -> str | None:
    """Remove closing contributor lines ("AP writer X contributed to this report.") and return them."""
    found = []
    while blocks and len(blocks[-1].lines) <= 3 and _CREDITS.match(join_lines(blocks[-1].lines)):
        found.insert(0, join_lines(blocks.pop().lines))
    return " ".join(found) or None


def classify_blocks(blocks: list[Chunk]) -> list[Block]:
    """Body blocks as paragraphs, subheads, lists and numbered lists."""
    body: list[Block] = []
    for index, block in enumerate(blocks):
        if is_list(block.lines):
            items = [LIST_ITEM.sub("", line).strip() for line in block.lines]
            numbered = all(_NUMBERED_ITEM.match(line) for line in block.lines)
            body.append(Block("numbered" if numbered else "list", items=items))
            continue
        text = join_lines(block.lines)
        followed = index + 1 < len(blocks)
        kind = "subhead" if followed and body and is_subhead(block.lines, text) else "paragraph"
        body.append(Block(kind, text))
    return body


def is_subhead(lines: list[str], text: str) -> bool:
    """A short single line that does not end a sentence, starting with a capital: an in-body subhead."""
    return (
        len(lines) == 1
        and len(text.split()) <= MAX_SUBHEAD_WORDS
        and text[:1].isupper()
        and not SENTENCE_END.search(text)
    )


def agency_from_form(dateline: Dateline) -> str | None:
    """Reuters, for its marker-less form `CITY[, State], Mon D -`; no other wire writes datelines so."""
    if dateline.place and dateline.month and dateline.day and re.search(r"\d\s+-$", dateline.raw):
        return "Reuters"
    return None
