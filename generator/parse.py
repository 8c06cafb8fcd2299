"""Parse stage: a seed's text to an Article (headline, lede, dateline, body, sign-off), debris dropped."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from generator.dateline import AGENCIES, parse_dateline
from generator.decode import decode_seed
from generator.errors import SeedError
from generator.model import Article, Block, Dateline

MAX_HEADLINE_CHARS = 300
MAX_SUBHEAD_WORDS = 16
MAX_LEDE_CHARS = 600
WRAP_WIDTH = 100  # lines no longer than this, several in a row, are hard-wrapped text
DATELINE_SEARCH_BLOCKS = 4

_DEBRIS = re.compile(  # one alternation: a block is debris when one of them matches it whole
    "|".join(
        f"(?:{pattern})"
        for pattern in (
            r"all news|все новости|latest news|top stories|breaking news",
            r"(home|news|world|politics|business|economy|society|sport|science|culture)(\s*[>/»|›]\s*[\w ,&'-]+){1,5}",
            r"share( this)?( article| story)?:?",
            r"(share|tweet|email|print|comments?)(\s*[|/·•]\s*(share|tweet|email|print|comments?|facebook|twitter|whatsapp|telegram|linkedin))+",
            r"read (more|also|full story|the full story)\b.{0,200}",
            r"see also:?.{0,200}",
            r"related:.{0,200}",
            r"(follow|subscribe to) (tass|us|ria novosti|reuters)\b.{0,80}",
            r"(photo|image|picture|video)( credit)?s?\s*[:©].{0,150}",
            r"©.{0,150}",
            r"copyright\b.{0,150}",
            r"(this (web)?site|we) uses? cookies.{0,300}",
            r"(accept|manage) (all )?cookies.{0,80}",
            r"advertisement",
            r"\d{1,2}\s+[a-z]{3,9}\.?(\s+\d{4})?,?\s+\d{1,2}:\d{2}(\s*(gmt|utc|msk|[ap]m))?(\s*[+-]\d{1,2})?",
            r"(updated|published|posted)( on| at)?:?\s.{0,60}\d{1,2}:\d{2}.{0,20}",
            r"\d{1,2}:\d{2}(\s*(gmt|utc|msk|[ap]m))?(\s*[+-]\d{1,2})?",
            r"\d{1,2}\s+[a-z]{3,9}\s+\d{4}",
            r"(tags?|topics?):.{0,200}",
            r"share (on|via) (facebook|twitter|x|whatsapp|telegram|linkedin|email)\b.{0,120}",
            r"(published|updated|posted)\s+(\d+|an?|one)\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago",
            r"(sign up|subscribe) (for|to) (our|the|a) .{0,40}newsletters?.{0,80}",
            r"related (topics|stories|articles|coverage)",
            r"our standards:.{0,100}",
            r"_{3,}",  # AP's separator line (`---` stays: it may be the story's own text)
            r"\((adds|updates|recasts|corrects|changes|rewrites|refiles|repeats|writes through|new throughout|"
            r"fixes|removes|inserts|clarifies|amends)\b[^()]{0,200}\)",
        )
    ),
    re.IGNORECASE,
)
# A label that introduces a link to another story: the next line is that story's headline, not this one's text.
_LINK_LABEL = re.compile(r"(read (more|also)|see also|related( news| stories)?|more on this( story)?):?", re.IGNORECASE)
# A label over a list of other stories' headlines ("Most read" and its lines): label and list are dropped.
_LINKS_LIST_LABEL = re.compile(r"(most (read|popular|viewed|shared)|top stories|trending|more (stories|news)|"
                               r"you may (also )?like|recommended( for you)?|editor'?s picks?):?", re.IGNORECASE)
# A news site's section name standing before the headline (`All news`, then `Society & Culture`).
_SECTION_LABEL = re.compile(
    r"(world|politics|economy|business|markets|society|culture|science|space|technology|tech|health|sports?|"
    r"military|defen[cs]e|emergencies|opinion|russia|europe|asia|africa|americas|middle east|international|"
    r"lifestyle|entertainment|environment|climate|us|uk|national|regional|local)"
    r"( news)?((\s*(&|and|,)\s*|\s+)(world|politics|economy|business|markets|society|culture|science|space|"
    r"technology|diplomacy|defen[cs]e|panorama|pacific|news|affairs))*",
    re.IGNORECASE,
)
# Sign-offs: Reuters `Reuter`, Kyodo `==Kyodo`, Xinhua `Enditem`, Yonhap `(END)`, PTI/IANS `PTI KK NP` (desk
# initials), DPA `dpa ka xx n1`, AFP `burs-ab/cd`, and `(Reporting by ...; Editing by ...)`.
_SIGNOFF_WORDS = (
    r"reuters?|==\s*kyodo|enditem|end\s*item|\(\s*end\s*\)|(?:pti|ians)(?:\s+[a-z]{2,3}){0,6}"
    r"|dpa(?:\s+[a-z0-9]{1,4}){1,8}|(?:burs?-)?[a-z]{2,4}(?:/[a-z]{2,4}){1,5}|(?:the\s+)?canadian\s+press"
    r"|this report by the canadian press was first published\b.{0,40}"
)
_SIGNOFF = re.compile(
    rf"^\s*(?:{_SIGNOFF_WORDS}|\(?\s*(?:reporting|writing|editing|additional reporting|compiled) by\b.*)\s*$",
    re.IGNORECASE,
)
_INLINE_SIGNOFF = re.compile(r"^(.*[.!?\"”])\s+(REUTER|Reuter|Enditem|ENDITEM|\(END\)"
                             r"|(?:PTI|IANS)(?:\s+[A-Z]{2,3}){0,6}|\((?:ANSA|EFE|AFP|AAP|dpa|AP|UPI)\)\.?)\s*$")
# A closing block that starts "To contact the reporter on this story:" (Bloomberg): contacts, not the story.
_CONTACTS = re.compile(r"\s*to contact the (?:reporters?|editors?|authors?)\b.{0,80}:\s*$", re.IGNORECASE)
_NAME = r"[^\W\d_][\w.'’-]*"
_BYLINE = re.compile(rf"^\s*[Bb][Yy]\s+(?=[^\W\d_])({_NAME}(?:\s+{_NAME}){{0,4}}(?:\s*(?:,|and|&)\s*{_NAME}(?:\s+{_NAME}){{0,4}})*)\s*$")
_BYLINE_AGENCY = re.compile(r",?\s+(associated press|the associated press|ap|reuters|afp|bloomberg|pa media|pa)$",
                            re.IGNORECASE)
_CREDITS = re.compile(
    r"^\s*(?:\(?\s*)?(?:[\w .'’-]{0,80}\b(?:writers?|reporters?|correspondents?|staff)\b[\w ,.'’&-]{0,200}"
    r"\bcontributed(?: to)?(?: this)?(?: report(?:ing)?| story)?|contributed by [\w ,.'’&-]{1,120}"
    r"|[\w.'’-]+(?: (?:and )?[\w.'’-]+){0,3} reported from [\w ,.'’-]{1,80})\.?\)?\s*$",
    re.IGNORECASE,
)
# Desk notes that end a wire headline: `(ATTN: UPDATES with details in paras 4-5)`, `(EDS: ...)`, `(URGENT)`.
_HEADLINE_NOTE = re.compile(r"\s*\((?:ATTN|EDS|EDITORS?|UPDATES?|CORRECTS?|ADDS|RECASTS|URGENT|LEAD)\b[^()]*\)\s*$",
                            re.IGNORECASE)
# Desk labels that prefix a wire headline: `UPDATE 2-`, `REFILE-`, `(LEAD)`, `(ATTN: ...)`, `(2nd LD)`, `URGENT:`.
_HEADLINE_LABEL = re.compile(
    r"^\s*(?:(?:UPDATE|REFILE|CORRECTED|CORRECTION|RPT|REPEAT|FLASH|URGENT|BREAKING|WRAPUP|RPT-UPDATE|EXCLUSIVE"
    r"|ANALYSIS|FACTBOX|INSIGHT|EXPLAINER|PREVIEW|TIMELINE|BREAKINGVIEWS|GRAPHIC)(?:\s*\d+)?\s*[-:–]\s*"
    r"|\((?:LEAD|\d+(?:st|nd|rd|th)\s+LD|URGENT|CORRECTED|UPDATE|ATTN:[^)]*|AMENDED|REFILE|EDS:[^)]*)\)\s*(?:[-–]\s*)?)+",
    re.IGNORECASE,
)
_EDITORS_NOTE = re.compile(r"\s*editor'?s'? note\b", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-–•*·▪]|\d{1,2}[.)])\s+(?=\S)")
_NUMBERED_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s")
_SENTENCE_END = re.compile(r"[.!?…:;\"”»’')\]]$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'&.-]*[A-Za-z]|[A-Za-z]")
# Tickers and codes keep their case: `<SRD>`, `(DIA)`; split out of words like `WRATHER<WCO>`.
_HEADLINE_TOKEN = re.compile(r"(<[^<>\s]*>|\([A-Z.]{1,6}\)|\s+|[<>])")
_KEEP_AS_WRITTEN = re.compile(r"<[^<>\s]*>|\([A-Z.]{1,6}\)|[<>]")
# Words in a sign-off that name its agency, each with the agency's key in AGENCIES (one canonical name per agency).
_AGENCY_BY_SIGNOFF = (("canadian press", "canadian press"), ("reuter", "reuters"), ("kyodo", "kyodo"),
                      ("enditem", "xinhua"), ("end item", "xinhua"), ("pti", "pti"), ("ians", "ians"), ("dpa", "dpa"))


@dataclass
class Chunk:
    """A run of non-blank lines of the seed, with the 1-based number of its first line."""

    line: int
    lines: list[str]


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
    chunks = [chunk for chunk in split_chunks(text) if chunk.lines]
    signoff = take_signoff(chunks)
    blocks = joined_lists(without_debris([block for chunk in chunks for block in split_paragraphs(chunk)]))
    if not blocks:
        raise SeedError(where, "no headline: the file has no text after scraping debris is removed")
    head = blocks.pop(0)
    headline = " ".join(line.strip() for line in head.lines)
    if len(headline) > MAX_HEADLINE_CHARS:
        raise SeedError(where, f"no headline-like first line: it runs to {len(headline)} characters, over {MAX_HEADLINE_CHARS}", head.line)
    byline, byline_agency = take_byline(blocks)
    credits = take_credits(blocks)
    dateline, lede, body_blocks = find_dateline_and_lede(blocks)
    if not body_blocks and lede is None:
        raise SeedError(where, "no body: only a headline was found", head.line)
    if not body_blocks:
        body_blocks, lede = [Chunk(head.line, [lede])], None
    article = Article(
        seed=seed,
        headline=readable_headline(_HEADLINE_NOTE.sub("", _HEADLINE_LABEL.sub("", headline)) or headline, body_blocks),
        headline_original=headline,
        lede=lede,
        dateline=dateline,
        body=classify_blocks(body_blocks),
        byline=byline,
        signoff=signoff,
        credits=credits,
    )
    article.agency = dateline.agency or agency_from_signoff(signoff) or agency_from_form(dateline) or byline_agency
    return article


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


def take_signoff(chunks: list[Chunk]) -> str | None:
    """Remove trailing sign-off lines (`Reuter`, `==Kyodo`, `(Reporting by ...)`) and return them."""
    found: list[str] = []
    while chunks and is_debris(chunks[-1].lines):
        chunks.pop()
    last_two = range(max(0, len(chunks) - 2), len(chunks))
    contacts = next((index for index in last_two if _CONTACTS.match(chunks[index].lines[0])), None)
    if contacts is not None:
        found = [" ".join(line.strip() for chunk in chunks[contacts:] for line in chunk.lines)]
        del chunks[contacts:]
    while chunks:
        last = chunks[-1]
        if not (last.lines and _SIGNOFF.match(last.lines[-1])):
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


def split_paragraphs(chunk: Chunk) -> list[Chunk]:
    """Paragraphs of one chunk: hard-wrapped lines joined, split where a line is indented; long lines stand alone."""
    if len(chunk.lines) == 1 or is_list(chunk.lines):
        return [chunk]
    hard_wrapped = max(len(line) for line in chunk.lines) <= WRAP_WIDTH
    base = min(indent_of(line) for line in chunk.lines)
    paragraphs: list[Chunk] = []
    for offset, line in enumerate(chunk.lines):
        starts_paragraph = (
            not paragraphs or not hard_wrapped or indent_of(line) >= base + 2 or bool(_LIST_ITEM.match(line))
        )
        if starts_paragraph:
            paragraphs.append(Chunk(chunk.line + offset, [line]))
        else:
            paragraphs[-1].lines.append(line)
    return paragraphs


def joined_lists(blocks: list[Chunk]) -> list[Chunk]:
    """Runs of one-line list items (`- a`, a blank line or a new paragraph, `- b`) as one list block."""
    joined: list[Chunk] = []
    for block in blocks:
        item = len(block.lines) == 1 and _LIST_ITEM.match(block.lines[0])
        previous = joined[-1] if joined else None
        if item and previous is not None and all(_LIST_ITEM.match(line) for line in previous.lines):
            previous.lines.append(block.lines[0])
        else:
            joined.append(Chunk(block.line, list(block.lines)))
    return joined


def indent_of(line: str) -> int:
    """The number of leading spaces."""
    return len(line) - len(line.lstrip(" "))


def is_list(lines: list[str]) -> bool:
    """Every line is a list item (`- x`, `• x`, `1. x`)."""
    return len(lines) > 1 and all(_LIST_ITEM.match(line) for line in lines)


def is_debris(lines: list[str]) -> bool:
    """A block that is scraping debris: breadcrumb, share bar, read-more, credit, cookie notice, timestamp."""
    text = " ".join(line.strip() for line in lines)
    return len(text) < 320 and _DEBRIS.fullmatch(text) is not None


def without_debris(blocks: list[Chunk]) -> list[Chunk]:
    """The blocks less debris, less links to other stories (the headline after a bare `Read also`, a `Most read`
    list), and less section names before the headline."""
    kept: list[Chunk] = []
    after_link_label = after_links_label = False
    for block in blocks:
        text = join_lines(block.lines)
        if (after_links_label or (after_link_label and len(block.lines) == 1)) and all(
                len(line.split()) <= MAX_SUBHEAD_WORDS and not _SENTENCE_END.search(line) for line in block.lines):
            after_link_label = False
            continue
        after_link_label = after_links_label = False
        listed = block.lines[1:]
        if _LINKS_LIST_LABEL.fullmatch(block.lines[0].strip()) and not any(map(_SENTENCE_END.search, listed)):
            after_links_label = True
            continue
        after_link_label = bool(_LINK_LABEL.fullmatch(text))
        if not is_debris(block.lines):
            kept.append(block)
    while len(kept) > 2 and _SECTION_LABEL.fullmatch(join_lines(kept[0].lines)):
        kept.pop(0)
    return kept


def take_byline(blocks: list[Chunk]) -> tuple[str | None, str | None]:
    """Remove a `By Jane Doe` line standing within the first blocks: (the names, the agency named after them)."""
    for index, block in enumerate(blocks[:3]):
        if len(block.lines) == 1 and _BYLINE.match(block.lines[0]):
            del blocks[index]
            names = _BYLINE.match(block.lines[0]).group(1)
            agency = _BYLINE_AGENCY.search(names)
            names = names[: agency.start()] if agency else names
            shouting = re.sub(r"\band\b", "", names).isupper()
            names = names.title().replace(" And ", " and ") if shouting else names
            return names, AGENCIES.get(" ".join(agency.group(1).lower().split())) if agency else None
    return None, None


def take_credits(blocks: list[Chunk]) -> str | None:
    """Remove closing contributor lines ("AP writer X contributed to this report.") and return them."""
    found = []
    while blocks and len(blocks[-1].lines) <= 3 and _CREDITS.match(join_lines(blocks[-1].lines)):
        found.insert(0, join_lines(blocks.pop().lines))
    return " ".join(found) or None


def find_dateline_and_lede(blocks: list[Chunk]) -> tuple[Dateline, str | None, list[Chunk]]:
    """Locate the dateline paragraph; a single block between headline and dateline is the lede. Summary bullets
    and an editor's note before the dateline (Reuters' `* Shares fall 11%`) follow the dateline's paragraph, which
    opens the body as the dateline's lead-in."""
    for index, block in enumerate(blocks[:DATELINE_SEARCH_BLOCKS]):
        found = parse_dateline(join_lines(block.lines))
        if found is None:
            continue
        dateline, rest = found
        before = blocks[:index]
        bullets = [earlier for earlier in before if is_list(earlier.lines) or _EDITORS_NOTE.match(earlier.lines[0])]
        others = [earlier for earlier in before if earlier not in bullets]
        if len(others) > 1 or (others and not is_lede(others[0])):
            break
        lede = join_lines(others[0].lines) if others else None
        body = [Chunk(block.line, [rest])] if rest.strip() else []
        return dateline, lede, body + bullets + blocks[index + 1 :]
    # With no dateline to mark where the story starts, only an unpunctuated standfirst counts as a lede.
    first = blocks[0] if len(blocks) > 2 else None
    lede = join_lines(first.lines) if first and is_lede(first) and not _SENTENCE_END.search(first.lines[0]) else None
    return Dateline(), lede, blocks[1:] if lede else blocks


def is_lede(block: Chunk) -> bool:
    """A standfirst: one short unwrapped line."""
    text = join_lines(block.lines)
    return len(block.lines) == 1 and len(text) <= MAX_LEDE_CHARS and not _LIST_ITEM.match(text)


def join_lines(lines: list[str]) -> str:
    """Hard-wrapped lines as one line: a hyphen at a line end before a lower-case word stays, unspaced."""
    if len(lines) == 1:  # most blocks: nothing to join
        return lines[0].strip()
    stripped = [line.strip() for line in lines]
    if not any(line.endswith("-") for line in stripped):  # no hyphen to keep: one join (the common case)
        first = next((index for index, line in enumerate(stripped) if line), len(stripped))
        return " ".join(stripped[first:])
    parts: list[str] = []
    tail = ""  # the joined text's last two characters (parts are joined once: += on a str is quadratic)
    for line in stripped:
        if tail.endswith("-") and tail[-2:-1].isalpha() and line[:1].islower():
            piece = line
        else:
            piece = f" {line}" if tail else line
        parts.append(piece)
        tail = (tail + piece)[-2:]
    return "".join(parts)


def classify_blocks(blocks: list[Chunk]) -> list[Block]:
    """Body blocks as paragraphs, subheads, lists and numbered lists."""
    body: list[Block] = []
    for index, block in enumerate(blocks):
        if is_list(block.lines):
            items = [_LIST_ITEM.sub("", line).strip() for line in block.lines]
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
        and not _SENTENCE_END.search(text)
    )


def agency_from_signoff(signoff: str | None) -> str | None:
    """The agency a sign-off names (`Reuter` -> Reuters), if any."""
    lowered = (signoff or "").lower()
    return next((AGENCIES[agency] for key, agency in _AGENCY_BY_SIGNOFF if key in lowered), None)


def agency_from_form(dateline: Dateline) -> str | None:
    """Reuters, for its marker-less form `CITY[, State], Mon D -`; no other wire writes datelines so."""
    if dateline.place and dateline.month and dateline.day and re.search(r"\d\s+-$", dateline.raw):
        return "Reuters"
    return None


_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
                "or", "over", "per", "the", "to", "up", "vs", "via", "with"}


def readable_headline(headline: str, body: list[Chunk]) -> str:
    """An ALL-CAPS headline in title case; words take the casing the body gives them (acronyms, names)."""
    letters = [c for c in headline if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.9 * len(letters):
        return headline
    casings: dict[str, Counter] = {}
    for chunk in body:
        for word in _WORD.findall(" ".join(chunk.lines)):
            if word[0].isupper():
                casings.setdefault(word.casefold(), Counter())[word] += 1
    tokens = _HEADLINE_TOKEN.split(headline)
    cased, position = [], 0
    for token in tokens:
        if not token or token.isspace() or _KEEP_AS_WRITTEN.fullmatch(token):
            cased.append(token)
            continue
        cased.append(_case_word(token, position, casings))
        position += 1
    return "".join(cased)


def _case_word(word: str, position: int, casings: dict[str, Counter]) -> str:
    core = word.strip("\"'()[],:;!?")
    if not core or any(c.isdigit() for c in core):
        return re.sub(r"(?<=\d)(ST|ND|RD|TH)\b", lambda m: m.group(1).lower(), word)
    lowered = word.lower()
    if position and core.lower() in _SMALL_WORDS:
        return lowered
    seen = casings.get(core.casefold())
    if seen:
        return word.replace(core, seen.most_common(1)[0][0])
    if "." in core.rstrip("."):
        return word
    return re.sub(r"(^[^a-z]*|[-/])([a-z])", lambda m: m.group(1) + m.group(2).upper(), lowered)
