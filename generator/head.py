"""The top of a story: where the story starts, and what stands above it.

Scraped pages put many things above a story's lead: page furniture (share bars, menus, breadcrumbs, section
names), the headline, a standfirst, a byline, `Published ...` lines, a dateline on a line of its own, desk notes and
summary bullets, in any order. The lead is found first (the paragraph that opens with a dateline, or the first
paragraph of prose); each line above it is then told apart by what it is, and the headline is the best candidate
among the lines that are none of the known kinds, chosen by features: its shape, its words shared with the lead,
its place relative to the lead and whether the page repeats it below the story."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from generator.agencies import AGENCIES, AGENCY_NAMES
from generator.dateline import known_city, opening_place, parse_dateline, parse_dateline_line
from generator.dates import TIME_ZONES, ZONE_MINUTES, find_dates, has_time, without_other_calendars
from generator.filed import filing_time as time_of_day
from generator.furniture import (
    CONTROL_WORDS,
    FUNCTION_WORDS,
    SECTION_WORDS,
    is_control_line,
    is_furniture,
    is_label,
    is_section_name,
    is_slogan,
    names_publisher,
    words_of,
)
from generator.layout import LIST_ITEM, SENTENCE_END, Chunk, is_list, split_lines, wrap_width
from generator.model import Dateline, StatedDate

HEAD_LINES = 200  # the lead is looked for within this many lines of the top
LOOKAHEAD = 4  # a dateline paragraph this many paragraphs after the first prose one still opens the story
PROSE_WORDS = 12  # a paragraph of prose, not a headline or a standfirst, has at least this many words
MAX_HEADLINE_CHARS = 300
MAX_LEDE_CHARS = 600
MAX_BYLINE_CHARS = 160
EDITORS_NOTE = re.compile(r"\s*editor'?s'? note\b", re.IGNORECASE)
_SENTENCE_INSIDE = re.compile(r"[.!?][\"”’']?\s{1,3}[\"“‘']?[A-Z]")
_ROLE_WORDS = frozenset("writer writers correspondent correspondents reporter reporters staff editor editors columnist "
                        "contributor business political diplomatic economics chief senior special science medical "
                        "sports legal energy markets golf tennis football soccer baseball basketball cricket rugby "
                        "racing boxing auto motorsport aviation religion entertainment".split())  # `AP Golf Writer`
_NAME_TOKEN = re.compile(r"[^\W\d_][\w.'’-]{0,40}")
_ARTICLED_NAME = re.compile(r"(?:al|el|ad|ash|bin|ibn|abu)-[A-Z]")  # `by Karam al-Masri`
# Where the byline's reporters filed from, at its end: `... with Rana Moussaoui in Beirut`.
_FILED_FROM = re.compile(r"\s{1,3}in\s{1,3}[A-Z][\w.'’-]{1,30}(?:\s{1,3}[A-Z][\w.'’-]{1,30}){0,2}\s{0,3}$")
_WITH_AGENCIES = re.compile(r"[\s,]{0,3}(?:with|and|&)\s{1,3}(?:agencies|wires|wire services|agency reports)\s{0,3}$",
                            re.IGNORECASE)  # `By RFI with agencies`, `By Jane Doe and wires`
# A byline may carry the desk's label of the version before it: `(LEAD) By Kang Yoon-seung`, `(2nd LD) By ...`.
_BY = re.compile(r"\s{0,8}(?:\((?:LEAD|URGENT|UPDATE|CORRECTED|\d{1,2}(?:st|nd|rd|th)\s{1,3}LD)\)\s{1,3})?"
                 r"by\s{1,3}(?=[^\W\d_])", re.IGNORECASE)
_LABEL_VALUE = re.compile(r"\s{0,3}(?:source|editor|editors|author|by|reporter|writer|filed|dateline|date|time|updated|"
                          r"published|posted|last updated)\s{0,3}:\s{0,3}[^:]{0,60}", re.IGNORECASE)
_META_WORDS = frozenset("""published publish posted updated update last modified first filed created issued released date
time dateline gmt utc msk est edt cet cest bst pst cst et local am pm a.m p.m source news agency on at by of all
monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun uhr h à um de le eastern pacific
central mountain standard daylight summer stand aktualisiert veröffentlicht publié mis jour actualizado publicado
actualización aggiornato pubblicato il alle mo di mi do fr sa so cycle edition final""".split())
_META_SEPARATORS = re.compile(r"[|•·/–—-]")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}[:.h]\d\d(?::\d\d)?(?:\s{0,3}[ap]\.?m\.?)?"
                    r"|(?<!\d)\d{3,4}\s{0,3}(?=" + TIME_ZONES + r"\b)"
                    r"|\b(?:GMT|UTC)\s{0,3}[+-]\s{0,3}\d{1,2}(?::?\d\d)?", re.IGNORECASE)
# A time of day and its zone: `14:06 GMT`, `1406 GMT`, `10:32 AM EST`, `1522CDT`.
_ZONED_TIME = re.compile(r"(?<![\w.,:])(?P<clock>(?:[01]?\d|2[0-3])[:.h]?[0-5]\d(?:\s{0,3}[ap]\.?m\.?)?)\s{0,3}"
                         r"(?P<zone>" + TIME_ZONES + r"|AET)\b", re.IGNORECASE)
_TOKEN = re.compile(r"[^\s,:;|]+")
_DOMAIN = re.compile(r"[a-z0-9-]{1,40}(?:\.[a-z0-9-]{1,40}){1,3}\.(?:com|net|org|cn|ru|uk|de|fr|jp|kr|in|info|news)")
_OFFSET = re.compile(r"\b(?:GMT|UTC)\s{0,2}[+-]\s{0,2}\d", re.IGNORECASE)
_TAG_LIST = re.compile(r"\s{0,3}[A-Z][\w'’-]{0,30}(?:\s{0,3},\s{0,3}[A-Z][\w'’-]{0,30}){1,8}\s{0,3}")  # `All, Japan, Disaster`
_DESK_CODE = re.compile(r"[A-Z]{2,4}(?:-[A-Z]{2,4}){0,3}")
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
_IN_PLACE = re.compile(r"\s{1,3}in\s{1,3}[A-Z][\w'’.-]{0,40}(?:\s{1,3}[A-Z][\w'’.-]{0,40}){0,2}$")
_ROLE_SUFFIX = re.compile(r",\s{0,3}[a-z]{1,20}(?:\s{1,3}[a-z]{1,20}){0,2}$")  # `Keith Harper, transport editor`
_NAME_SEPARATOR = re.compile(r"\s{0,3},\s{0,3}|\s{1,3}(?:and|&)\s{1,3}")
_ARTICLE_FIRST = re.compile(r"(?:the|a|an)\s", re.IGNORECASE)
_ABBREVIATION_END = re.compile(r"\b[A-Z]\.$|\b[A-Z][a-z]{0,3}\.$")  # `U.S.`, `Co.`: a headline may end so
_NAME_PARTICLES = frozenset("de da di del della van von der den le la al bin ibn dos das du".split())
STANDFIRST_RATIO = 1.3
PUBLISHER_PENALTY = 3.0
NEAR_BEST = 0.6
LEAD_RUN = 4  # a line that opens with this many of the lead's words in a row restates the lead
PAIR_SHARE_GAIN = 0.25  # of two stacked headline-like lines, the lower one wins with this much more of the lead
MENU_WORDS, MENU_RUN = 3, 3  # three lines of at most three words in a row are a menu  # a candidate scoring this close to the best is as good, and the first such is the headline  # a standfirst under a headline is clearly the longer of the two


@dataclass
class Head:
    """What stands above a story's lead, by kind."""

    headline: Chunk | None = None
    lede: str | None = None
    byline: str | None = None
    byline_agency: str | None = None
    dateline: Dateline | None = None  # a dateline on a line of its own
    time: dt.time | None = None  # the first filing time a date line gives in GMT/UTC
    stated: list[tuple[StatedDate, str]] = field(default_factory=list)  # dates of metadata lines, with the line
    lead_ins: list[Chunk] = field(default_factory=list)  # summary bullets, an editor's note: they follow the lead
    before_lead: list[Chunk] = field(default_factory=list)  # other lines after the headline, in reading order


def top_paragraphs(chunks: list[Chunk]) -> list[tuple[int, int, Chunk]]:
    """The paragraphs of the first chunks, line by line (wrapped lines joined): (chunk index, line offset, para)."""
    found, lines, width = [], 0, wrap_width(chunks)
    for index, chunk in enumerate(chunks):
        offset = 0
        for paragraph in split_lines(Chunk(chunk.line, chunk.lines[: HEAD_LINES - lines]), stands_alone, width):
            found.append((index, offset, paragraph))
            offset += len(paragraph.lines)
        lines += offset
        if lines >= HEAD_LINES:
            break
    return found


def kind_of(paragraph: Chunk) -> str:
    """What a paragraph at the top of a story is by itself: `dateline` (a dateline line of its own), `metadata` (it
    dates the story), `byline`, `furniture` (a role line such as `Science correspondent` included), `label` (furniture
    whose value is the next line: `Image caption,`), `lead-in` (summary bullets, an editor's note) or `text` (a
    headline, a standfirst, a name, or something unknown)."""
    return _kind_of_text(paragraph.text, is_list(paragraph.lines))


@lru_cache(maxsize=4096)  # page furniture repeats from seed to seed, and each line is asked about more than once
def _kind_of_text(text: str, listed: bool) -> str:
    if parse_dateline_line(text) is not None:
        return "dateline"
    if metadata_rest(text) is not None:
        return "metadata"
    if parse_byline(text):
        return "byline"
    if is_label(text):
        return "label"
    if is_furniture(text) or is_role(text):
        return "furniture"
    if listed or EDITORS_NOTE.match(text) or LIST_ITEM.match(text):
        return "lead-in"
    return "text"


class Kinds:
    """The kind of each paragraph at the top of a story, with what its neighbours say, worked out when first asked
    for (the lead is usually a few paragraphs down): the value after a label is furniture; a bare name next to a
    date, a byline or a role line (`Jonathan Amos` over `Science correspondent`) is a byline, `name`."""

    def __init__(self, paragraphs: list[Chunk]):
        self.paragraphs = paragraphs
        self.alone: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self.paragraphs)

    def __getitem__(self, index: int) -> str:
        kind = self.by_itself(index)
        if kind == "label" or kind == "text" and index and self.by_itself(index - 1) == "label":
            return "furniture"
        if kind == "text" and self.is_byline_name(index):
            return "name"
        return kind

    def by_itself(self, index: int) -> str:
        """The kind of the paragraph at `index` on its own."""
        if index not in self.alone:
            self.alone[index] = kind_of(self.paragraphs[index])
        return self.alone[index]

    def is_byline_name(self, index: int) -> bool:
        """A bare name, not the first text of the page (a headline), with a date, byline, dateline line or role line
    next to it."""
        if not bare_name(self.paragraphs[index].text):
            return False
        if all(self.by_itself(other) != "text" for other in range(index)):
            return False
        neighbours = [other for other in (index - 1, index + 1) if 0 <= other < len(self.paragraphs)]
        return any(self.by_itself(other) in ("metadata", "byline", "dateline") or is_role(self.paragraphs[other].text)
                   for other in neighbours)

    def upto(self, end: int) -> list[str]:
        """The kinds of the paragraphs before `end`."""
        return [self[index] for index in range(end)]


def stands_alone(line: str, following: str) -> bool:
    """A line that never continues a wrapped headline: a byline, a date, furniture, a dateline line, a section's
    name, or a bare name over a date or a role line (`Buchizya Mseteka` over `DAR ES SALAAM 1996-08-28`)."""
    kind = kind_of(Chunk(0, [line]))
    if line.lstrip()[:1].islower():  # `weather`: the rest of a wrapped line, unless it dates the story
        return kind == "metadata"
    if kind not in ("text", "lead-in") or is_section_name(line):
        return True
    return bool(bare_name(line)) and (kind_of(Chunk(0, [following])) in ("metadata", "dateline", "byline")
                                      or is_role(following))


def find_lead(paragraphs: list[Chunk], kinds: Kinds) -> int | None:
    """The index of the paragraph that opens the story: one opening with a dateline, else the first paragraph of
    prose, unless bylines or dates follow it closely (then it was a standfirst or a caption, and the story starts
    after them). A paragraph of text (the headline) must stand above it, except above a first paragraph of prose
    that opens with a dateline (the story has no headline). Without either, the second paragraph of text; None when
    there is none."""
    texts = []
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        if opens_with_dateline(text) and (texts or kinds[index] == "text" and is_prose(text)):
            return index  # with no headline above it when it is the first text: a wire flash, headed by its lead
        if texts and kinds[index] == "text" and is_prose(text):
            return story_start(paragraphs, kinds, index)
        if kinds[index] == "text":
            texts.append(index)
    return texts[1] if len(texts) > 1 else None


def story_start(paragraphs: list[Chunk], kinds: Kinds, prose: int) -> int:
    """Where the story starts, given the first paragraph of prose under the headline: a dateline paragraph soon
    after it with no other prose between (the prose was a standfirst), or the first prose after bylines and dates
    that follow it closely (the prose was a standfirst or a caption), else the prose itself. Furniture between
    does not count towards `LOOKAHEAD`."""
    steps, others, dated = 0, 0, False
    for index in range(prose + 1, len(paragraphs)):
        text, kind = paragraphs[index].text, kinds[index]
        if opens_with_dateline(text) and (dated or not others):
            return index
        if kind in ("metadata", "byline", "dateline", "name"):
            dated, steps = True, 0
        elif kind == "text" and is_prose(text):
            if dated:
                return index
            others += 1
            if others > 2:
                break
        steps += kind != "furniture"
        if steps > LOOKAHEAD:
            break
    return prose


def opens_with_dateline(text: str) -> bool:
    """The paragraph opens with a dateline and goes on with the story. An upper-case place without a wire's
    dateline form (`UAE, France sign deal`) opens the story only in a paragraph of prose's length: a headline may
    start with one too."""
    found = parse_dateline(text)
    if found is None and len(text.split()) >= PROSE_WORDS:
        found = opening_place(text)
    return found is not None and bool(found[1].strip())


def is_prose(text: str) -> bool:
    """A paragraph of running text: long enough, with a sentence ended in it or at its end."""
    return len(text.split()) >= PROSE_WORDS and bool(SENTENCE_END.search(text) or _SENTENCE_INSIDE.search(text))


def metadata_rest(text: str, month_first: bool = False) -> str | None:
    """For a line that dates the story (`Published April 2, 1996 13:45 GMT`, `1420 GMT`, `Source: Xinhua|
    1989-11-14| Editor: Wang Yan`, `By Jane Doe | May 22, 2001`): what it says besides dates, times and labels, a
    byline or nothing (''). None for a line with no date or time, or with other words."""
    if len(text) > 200:
        return None
    text = without_other_calendars(text)
    dates = list(find_dates(text, month_first))
    if not dates and not has_time(text):
        return None
    rest = AGENCY_NAMES.sub(" ", _CLOCK.sub(" ", without_dates(text, dates)))
    byline = ""
    for part in _META_SEPARATORS.split(rest):
        if not part.strip(" ,:;") or _LABEL_VALUE.fullmatch(part):
            continue
        if all(_is_label_word(token) for token in _TOKEN.findall(part)) or _TAG_LIST.fullmatch(part):
            continue
        name = part.strip(" ,:;")
        if stamp_place(name) is not None:
            continue
        if not byline and (parse_byline(name) or bare_name(name)):
            byline = name
            continue
        return None
    return byline


def stamp_place(part: str) -> Dateline | None:
    """A place standing alone in a part of a date line: upper-case (`Updated - Aug 14 2024 10:05 IST - NEW DELHI`),
    or a city of the gazetteer (`Doha, Sha'ban 24, 1445 | March 05, 2024`): the story's dateline place."""
    if not part.isupper():
        return known_city(part)
    found = opening_place(part)
    return found[0] if found is not None and not found[1].strip() else None


def places_in_stamp(text: str) -> list[Dateline]:
    """The places a date line names in its parts, its dates left out."""
    text = without_other_calendars(text)
    parts = (part.strip(" ,:;") for part in _META_SEPARATORS.split(without_dates(text, list(find_dates(text)))))
    return [found for found in map(stamp_place, parts) if found is not None]


def without_dates(text: str, dates: list) -> str:
    """The text with each of its written dates (found in it by find_dates) replaced by a space."""
    for written in reversed(dates):
        text = text[: written.start] + " " + text[written.end:]
    return text


def _is_label_word(token: str) -> bool:
    """A word a date line may carry besides its date: a label (`Published`, `GMT`), an agency or section name, a
    site's address (`english.news.cn`), a desk code (`AP-NR`)."""
    word = token.strip(".!?\"'“”()[]").lower()
    return (not any(ch.isalpha() for ch in word) or word in _META_WORDS or word in AGENCIES or word in SECTION_WORDS
            or bool(_DOMAIN.fullmatch(word)) or bool(_DESK_CODE.fullmatch(token)))


def filing_time(text: str) -> dt.time | None:
    """The time of day a date or stamp line gives, in universal time: `14:06 GMT`, `1406 GMT`, `10:32 AM EST`
    (15:32), AP's `1522CDT` (20:22). None when it gives none, gives it with an offset (`GMT+1`) or in no zone, or
    when the universal time falls on another day than the line's (`10:10 PM PDT` is the next day's 05:10)."""
    if _OFFSET.search(text):
        return None
    match = _ZONED_TIME.search(text)
    clock = time_of_day(match["clock"]) if match else None
    if clock is None:
        return None
    minutes = clock.hour * 60 + clock.minute - ZONE_MINUTES[match["zone"].upper()]
    return dt.time(*divmod(minutes, 60)) if 0 <= minutes < 24 * 60 else None


def parse_byline(text: str) -> tuple[str, str | None] | None:
    """`By Jane Doe`, `By MARK HOLLIS Associated Press Writer`, `By Jane Smith, PA`: (the names, the agency named
    after them), or None for any other line."""
    opening = _BY.match(text)
    if opening is None or len(text) > MAX_BYLINE_CHARS:
        return None
    rest = _WITH_AGENCIES.sub("", text[opening.end():])
    rest = _FILED_FROM.sub("", rest).replace(" with ", " , ")  # `By Fran Blandy with Robbie Corey-Boulet in Nairobi`
    tokens = rest.replace(",", " , ").replace("|", " , ").split()
    agency = None
    while tokens and (tokens[-1].lower() in _ROLE_WORDS or tokens[-1] == ","):
        tokens.pop()
    for size in (3, 2, 1):
        alias = " ".join(tokens[-size:]).lower()
        if len(tokens) > size and alias in AGENCIES and (len(alias) > 2 or tokens[-size - 1] == ","):
            agency, tokens = AGENCIES[alias], tokens[:-size]
            break
    while tokens and (tokens[-1].lower() in _ROLE_WORDS or tokens[-1] == ","):
        tokens.pop()
    names = [token for token in tokens if token not in (",", "and", "&")]
    if not names or len(names) > 12 or not all(_NAME_TOKEN.fullmatch(token) for token in names):
        return None
    if not all(token[0].isupper() or token in _NAME_PARTICLES or _ARTICLED_NAME.match(token) for token in names):
        return None
    joined = " ".join(tokens).replace(" , ", ", ")
    shouting = re.sub(r"\band\b", "", joined).isupper() and len(names) > 1  # one word in capitals: `By RFI`
    return (joined.title().replace(" And ", " and ") if shouting else joined), agency


def read_head(paragraphs: list[Chunk], kinds: list[str], lead: Chunk | None, later: list[str],
              month_first: bool) -> Head:
    """Tell the paragraphs above the lead apart and choose the headline among those of no known kind."""
    head = Head()
    for paragraph, kind in zip(paragraphs, kinds):
        text = paragraph.text
        if kind == "metadata":
            dates = list(find_dates(text, month_first))
            if dates:
                written = dates[0]
                head.stated.append((StatedDate(written.year, written.month, written.day, "metadata"), text))
            head.time = head.time or filing_time(text)
            rest = metadata_rest(text, month_first)
            head.dateline = head.dateline or next(iter(places_in_stamp(text)), None)
            if rest and head.byline is None:
                head.byline, head.byline_agency = parse_byline(rest) or (bare_name(rest), None)
        elif kind in ("byline", "name") and head.byline is None:
            head.byline, head.byline_agency = parse_byline(text) or (bare_name(text), None)
        elif kind == "dateline":
            head.dateline = head.dateline or parse_dateline_line(text)
            head.time = head.time or filing_time(text)
        elif kind == "lead-in":
            head.lead_ins.append(paragraph)
    choose_headline(head, paragraphs, kinds, lead.text if lead else "", later)
    return head


def choose_headline(head: Head, paragraphs: list[Chunk], kinds: list[str], lead: str, later: list[str]) -> None:
    """The best-scoring paragraph of text is the headline; those above it are furniture; the one just after it is
    the standfirst when it is one; others under it stay with the story when they are prose, else they are
    furniture."""
    candidates = [index for index, kind in enumerate(kinds) if kind == "text"]
    if not candidates:
        return
    later_lines = {folded(line) for line in later}
    publishers = publishers_of(lead)
    scores = {index: headline_score(index, paragraphs, kinds, lead, later_lines, publishers) for index in candidates}
    # The headline comes first: the first candidate about as good as the best one.
    near = [index for index in candidates if scores[index] >= max(scores.values()) - NEAR_BEST]
    best = _headline_of_pair(near, paragraphs, kinds, lead)
    head.headline = paragraphs[best]
    after = [paragraphs[index] for index in candidates if index > best
             and folded(paragraphs[index].text) != folded(head.headline.text)]
    if after and is_standfirst(after[0]):
        head.lede = after.pop(0).text
    head.before_lead = [paragraph for paragraph in after if is_prose(paragraph.text)]


def _headline_of_pair(near: list[int], paragraphs: list[Chunk], kinds: list[str], lead: str) -> int:
    """The first of the near-best candidates, unless the next line of text stands right under it, is near-best too
    and tells the lead's story clearly better without being written as a sentence: then the first is a caption or
    kicker above the headline."""
    first = near[0]
    following = next((other for other in range(first + 1, len(kinds)) if kinds[other] != "furniture"), None)
    if (following in near[1:] and not _written_as_sentence(paragraphs[following].text)
            and not _opens_like(paragraphs[following].text, lead)):
        gain = _shared_words(paragraphs[following].text, lead) - _shared_words(paragraphs[first].text, lead)
        if gain >= PAIR_SHARE_GAIN:
            return following
    return first


def publishers_of(lead: str) -> frozenset[str]:
    """The names (lower case) the lead's dateline gives the story's agency: as written, its canonical name and its
    aliases (`/БЕЛТА/` gives `белта`, `belta`)."""
    found = parse_dateline(lead)
    agency = found[0].agency if found else None
    if not agency:
        return frozenset()
    names = {agency.lower(), *(alias for alias, name in AGENCIES.items() if name == agency)}
    return frozenset(names)


def headline_score(index: int, paragraphs: list[Chunk], kinds: list[str], lead: str, later: set[str],
                   publishers: frozenset[str] = frozenset()) -> float:
    """How much the paragraph at `index` looks like the story's headline (higher is likelier): by its shape and
    style, its words shared with the lead, what stands under it, and repetition."""
    text = paragraphs[index].text
    words = text.split()
    score = _length_score(len(words))
    if len(text) > MAX_HEADLINE_CHARS:
        score -= 5
    if text.endswith(".") and not _ABBREVIATION_END.search(text):
        score -= 1.0  # a standfirst or a caption ends a sentence; a headline rarely does
    if is_section_name(text) or is_control_line(text):
        score -= 2.0
    if in_menu(index, paragraphs, kinds):
        score -= 1.5
    if bare_name(text):
        score -= 1.0
    if names_publisher(text, publishers) or is_slogan(text) and index and names_publisher(paragraphs[index - 1].text,
                                                                                           publishers):
        score -= PUBLISHER_PENALTY  # a masthead (the site's or agency's name, or its slogan), never the headline
    if is_title_case(text):
        score += 0.5  # a headline's own style; standfirsts and captions are written as sentences
    if _ARTICLE_FIRST.match(text):
        score -= 0.75  # headlines drop the article a standfirst or a caption starts with
    score += 1.5 * min(1.0, _shared_words(text, lead) / 0.3)  # any real share of the lead's words will do
    score += _under_score(index, paragraphs, kinds)
    if folded(text) in later:
        score -= 1.5  # a line the page repeats below the story is a link or a menu item
    if any(folded(paragraphs[other].text) == folded(text) for other in range(index) if kinds[other] == "text"):
        score += 0.5  # the page's title repeated as its heading
    return score


def in_menu(index: int, paragraphs: list[Chunk], kinds: list[str]) -> bool:
    """One of three or more short lines in a row (sections excepted from the count only by being short too): a
    menu, not a headline."""
    def short(other: int) -> bool:
        return kinds[other] in ("text", "furniture") and len(paragraphs[other].text.split()) <= MENU_WORDS

    if not short(index):
        return False
    run = 1
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(kinds) and short(other):
            run, other = run + 1, other + step
    return run >= MENU_RUN


def is_title_case(text: str) -> bool:
    """Most words capitalised, small words aside, and not all in capitals: `Japan Stocks Plunge 12% as Rout
    Deepens`."""
    words = [word for word in _CONTENT_WORD.findall(text)]
    if len(words) < 3 or text.isupper():
        return False
    return sum(word[0].isupper() for word in words) >= 0.8 * len(words)


def _under_score(index: int, paragraphs: list[Chunk], kinds: list[str]) -> float:
    """What stands under a headline, past any furniture: a byline or a date (+1), or a standfirst (+0.5) with a
    byline or a date under that (+0.5). A second line of text that does not read as a standfirst counts as the
    headline's dek when a byline or a date follows it (+1 in all), so of two such lines the first, the headline in
    a page's order, is chosen."""
    following = [other for other in range(index + 1, len(kinds)) if kinds[other] != "furniture"][:2]
    signing = ("metadata", "byline", "name", "dateline")
    if not following:
        return 0.0
    if kinds[following[0]] in signing:
        return 1.0
    if kinds[following[0]] != "text":
        return 0.0
    signed = len(following) > 1 and kinds[following[1]] in signing
    if not reads_as_standfirst(paragraphs[following[0]].text, paragraphs[index].text):
        return 1.0 if signed else 0.0  # two headline-like lines over a byline or date: a headline and its dek
    return 0.5 + (0.5 if signed else 0.0)


def _written_as_sentence(text: str) -> bool:
    """Written as a sentence, as a standfirst is and a headline rarely: an article first, a full stop last, or
    many words."""
    return bool(_ARTICLE_FIRST.match(text)) or text.endswith(".") or len(text.split()) >= PROSE_WORDS


def reads_as_standfirst(text: str, headline: str) -> bool:
    """Under a headline, a standfirst rather than a second headline: clearly longer than the headline, or written
    as a sentence (an article first, a full stop last, or many words)."""
    words = len(text.split())
    return is_standfirst(Chunk(0, [text])) and (
        words >= STANDFIRST_RATIO * len(headline.split()) or _written_as_sentence(text))


def _length_score(words: int) -> float:
    """A headline has a few words to a couple of dozen."""
    if words <= 1:
        return 0.0
    if words == 2:
        return 0.5
    if words <= 18:
        return 1.0
    if words <= 30:
        return 0.3
    return -2.0


def _opens_like(text: str, lead: str) -> bool:
    """The line opens with words the lead has in a row (a standfirst copied from the lead, which a headline that
    tells the story in its own words does not)."""
    opening = " ".join(text.lower().split()[:LEAD_RUN])
    return len(opening.split()) == LEAD_RUN and f" {opening} " in f" {' '.join(lead.lower().split())} "


def _shared_words(text: str, lead: str) -> float:
    """The share of a line's longer words that the lead also uses (by their first five letters)."""
    mine = {word.lower()[:5] for word in _CONTENT_WORD.findall(text)}
    if not mine:
        return 0.0
    theirs = {word.lower()[:5] for word in _CONTENT_WORD.findall(lead)}
    return len(mine & theirs) / len(mine)


def is_standfirst(paragraph: Chunk) -> bool:
    """A standfirst: one short paragraph, not a list, not a name."""
    text = paragraph.text
    return len(text) <= MAX_LEDE_CHARS and not LIST_ITEM.match(text) and not bare_name(text)


def bare_name(text: str) -> str | None:
    """A byline without `By`: `Jonathan Amos`, `Jennifer Rankin in Brussels`, `Giada Zampano and Ana Lopez`: each
    name two or three capitalised words (particles aside). The names, or None."""
    if len(text) > MAX_BYLINE_CHARS:
        return None
    names = _ROLE_SUFFIX.sub("", _IN_PLACE.sub("", text.strip().rstrip(",|")))
    groups = [group.split() for group in _NAME_SEPARATOR.split(names)]
    if not groups or len(groups) > 4:
        return None
    for tokens in groups:
        words = [token for token in tokens if token not in _NAME_PARTICLES]
        if not 2 <= len(words) <= 3 or not all(_NAME_TOKEN.fullmatch(word) and word[0].isupper() for word in words):
            return None
        if any(word.lower() in CONTROL_WORDS or word.lower() in SECTION_WORDS or word.lower() in _ROLE_WORDS
               for word in words):
            return None
    return names


def is_role(text: str) -> bool:
    """A byline's second line: `Science correspondent`, `Associated Press Writer`, `BBC News, Nairobi`."""
    words = text.replace(",", " , ").split()
    if not words or len(words) > 6:
        return False
    if "," in words:  # `BBC News, Nairobi`: a place may follow a comma
        words = words[: words.index(",")]
    lowered = [word.lower().strip(".") for word in words]
    allowed = _ROLE_WORDS | SECTION_WORDS | FUNCTION_WORDS | {"news", "press", "associated", "agency"}
    return any(word in _ROLE_WORDS or word == "news" for word in lowered) and all(
        word in allowed or word in AGENCIES or (original.isupper() and len(original) <= 4)
        for word, original in zip(lowered, words))


def folded(text: str) -> str:
    """Lower case, spaces normalised: how lines are compared for repetition."""
    return " ".join(text.lower().split())
