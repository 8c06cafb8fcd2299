"""The front-matter schema: the one list of keys a story's front matter has, the type of each, and which ones a
sidecar or a folder's defaults may set. Ingest, the build's reader and `check` all go through it, so what `check`
passes the build builds.

Values are checked as data: text is cleaned (control characters, Unicode non-characters and bidirectional
overrides removed, NFC), a list given as text is split on commas as Pelican splits it, a date is a date, a URL is
http or https. YAML is loaded with alias expansion bounded (see load_yaml). A value of the wrong type is a
FrontMatterError naming the file and the key. README.md's table of keys is made from SCHEMA (markdown_table)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import frontmatter
import yaml
from frontmatter.default_handlers import YAMLHandler

from generator.errors import NewsdigestError, printable

TEXT, TEXTS, NAME, NAMES, DATE, YEAR, SLUG, URL, TIME, STATUS, SEED, SEEDS, LANG, CONTENT = (
    "text", "list of text", "name", "list of names", "date", "year", "slug", "URL", "time", "status", "seed path",
    "list of seed paths", "language", "content path")


@dataclass(frozen=True)
class Key:
    """One front-matter key: its type, whether a sidecar or folder defaults may set it, what it means."""

    kind: str
    settable: bool
    meaning: str


SCHEMA: dict[str, Key] = {
    "title": Key(TEXT, True, "the headline (required)"),
    "summary": Key(TEXT, True, "the lede or standfirst"),
    "date": Key(DATE, True, "the story's date, `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` (required)"),
    "year": Key(YEAR, True, "the year for a dateline that gives none (sidecars and folder defaults)"),
    "time": Key(TIME, True, "the filing time, `'14:06'` (or `1406`, `4:40pm`, `14:06 GMT`), universal time"),
    "updated": Key(DATE, True, "when the story was last updated"),
    "date_source": Key(TEXT, False, "where the date came from: `sidecar`, `dateline`, `metadata`, `folder`, `filename`, `option`, `weekday` or `mtime` (README: Dates)"),
    "dateline": Key(TEXT, True, "the dateline as written"),
    "place": Key(TEXT, True, "the place the story was filed from"),
    "place_tag": Key(NAME, True, "that place under its tag name, when it differs"),
    "region": Key(TEXT, True, "the region or state of the place"),
    "source": Key(NAME, True, "the agency (the story's source page and feed)"),
    "source_url": Key(URL, True, "where the story was published, an `http` or `https` URL"),
    "byline": Key(TEXT, True, "the writers' names"),
    "signoff": Key(TEXT, True, "the sign-off line (`Reuter`, `(Reporting by ...)`)"),
    "credits": Key(TEXT, True, "contributor lines"),
    "title_original": Key(TEXT, False, "the headline as written, when it was recased"),
    "tags": Key(NAMES, True, "the tags, ranked"),
    "people": Key(NAMES, True, "tags that are people"),
    "places": Key(NAMES, True, "tags that are places"),
    "organisations": Key(NAMES, True, "tags that are organisations"),
    "topics": Key(NAMES, True, "tags that are topics"),
    "slug": Key(SLUG, True, "the story's address: lower-case ASCII words joined by hyphens (a sidecar's is slugified)"),
    "status": Key(STATUS, True, "`published` (the default), `hidden` (a page, in no list or feed) or `draft` (under drafts/)"),
    "lang": Key(LANG, False, "the story's language, when not the site's (`de`, `pt-BR`)"),
    "seed": Key(SEED, False, "the seed file the story was made from, relative to seeds/"),
    "duplicates": Key(SEEDS, False, "the other seeds of a story filed more than once: re-sends and earlier versions"),
    "moved_to": Key(CONTENT, False, "on a page that keeps an old address working: the story it sends readers to"),
}
# Pelican keys that choose where a page is written and what renders it: never from a sidecar or a story.
PATH_KEYS = ("save_as", "url", "template")
STATUSES = ("published", "hidden", "draft")
MAX_NAMES = 50  # names in one list: the tagger gives at most 20 a story
MAX_NAME = 100  # characters in a tag's or source's name: each names a page, and its address is a file name
MAX_SLUG = 200  # characters in an address's last part (a file name is at most 255 bytes)
RESERVED_SLUGS = ("index",)  # a story's page would replace the day's list (YYYY/MM/DD/index.html)
SLUG_SUBSTITUTIONS = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]  # Pelican's
MAX_YAML_VALUES = 10_000  # values once aliases are expanded: a story's front matter has a few hundred
MAX_YAML_DEPTH = 20

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LANG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
# C0 and C1 controls, bidirectional embeddings, overrides and isolates, non-characters, lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff"
                     "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
                     "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
                     "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
                     "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff"
                     "\ud800-\udfff]")


class FrontMatterError(NewsdigestError, ValueError):
    """Front matter that breaks the schema: the file, and one line per problem (each naming its key). A
    ValueError too, as Pelican and its plugins expect of a value they cannot read."""

    def __init__(self, path: Path | str, problems: list[str]):
        self.path = str(path)
        self.problems = list(problems)
        super().__init__(f"{printable(self.path)}: {'; '.join(self.problems)}")

    def __reduce__(self):
        return type(self), (self.path, self.problems)


_CLOSING = frozenset(".,;:!?)]}»”’…%")
_REMOVALS: dict[str, re.Pattern[str]] = {}  # remove_characters' pattern for each class of characters


def clean_text(text: str) -> str:
    """Text without control characters (but tab and line feed), non-characters, bidi overrides; NFC."""
    return unicodedata.normalize("NFC", remove_characters(text, _UNSAFE))


def remove_characters(text: str, characters: re.Pattern[str]) -> str:
    """The text less what `characters` (a one-character class) matches, leaving no doubled space, no space before
    closing punctuation or a line end, and no space after a line start or an opening bracket where a removed
    character stood between them. Linear: a removed run takes at most one space before it."""
    spaced = _REMOVALS.get(characters.pattern)
    if spaced is None:
        spaced = _REMOVALS[characters.pattern] = re.compile(f"([ \t]?)(?:{characters.pattern})+([ \t]*)")
    return spaced.sub(_spacing, text) if characters.search(text) else text


def _spacing(match: re.Match[str]) -> str:
    """What stands in place of a removed run and the spaces around it: one of those spaces between two words,
    nothing before punctuation, a line end or the text's end, nor after a line start or an opening bracket."""
    text, start, end = match.string, match.start(), match.end()
    after = text[end] if end < len(text) else "\n"
    before = text[start - 1] if start else "\n"
    if after == "\n" or after in _CLOSING:
        return ""
    if before in "\n([{«“‘" and not match.group(1):
        return ""
    return match.group(1) or match.group(2)


def clean_line(text: str) -> str:
    """One line of clean text: runs of white space as one space, trimmed."""
    return " ".join(clean_text(text).split())


def describe(value: object) -> str:
    """A value's type as a reader would name it, with the fix where there is an obvious one."""
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads yes/no/on/off/true/false so: put the text in quotes)"
    if value is None:
        return "empty"
    if isinstance(value, (dt.date, dt.datetime)):
        return "a date (put it in quotes if it is text)"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def as_text(value: object) -> str:
    """A scalar as one clean line; numbers become their text; raises ValueError for any other type."""
    if isinstance(value, str):
        return clean_line(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise ValueError(f"must be text, not {describe(value)}")


def as_texts(value: object) -> list[str]:
    """A list of clean text items; a text is split on commas (on semicolons when it has one), as Pelican does;
    empty and repeated items are left out."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(";" if ";" in value else ",")
    if not isinstance(value, list):
        raise ValueError(f"must be a list of names, not {describe(value)}")
    items = []
    for number, item in enumerate(value, start=1):
        if item is None:
            continue
        try:
            items.append(as_text(item))
        except ValueError:
            raise ValueError(f"must be a list of names; item {number} is {describe(item)}") from None
    return list(dict.fromkeys(item for item in items if item))


def as_name(value: object) -> str:
    """A tag's or source's name: text that gives its page an address (Pelican's slug of it is not empty, and not
    too long for a file name)."""
    text = as_text(value)
    if len(text) > MAX_NAME:
        raise ValueError(f"is {len(text)} characters long: a name has at most {MAX_NAME} (it names a page)")
    slug = page_slug(text)
    if not slug:
        raise ValueError(f"{text!r} has no letter or digit (its page needs an address)")
    if len(slug) > MAX_SLUG:
        raise ValueError(f"{text!r} makes an address of {len(slug)} characters: at most {MAX_SLUG}")
    return text


@lru_cache(maxsize=65536)
def page_slug(name: str) -> str:
    """Pelican's slug of a name (its page's address), made once per name: the same tags recur in every story."""
    from pelican.utils import slugify

    return slugify(name, SLUG_SUBSTITUTIONS)


def as_names(value: object) -> list[str]:
    """A list of at most MAX_NAMES names (text split on commas, as for any list), each one as_name."""
    items = as_texts(value)
    if len(items) > MAX_NAMES:
        raise ValueError(f"has {len(items):,} names: at most {MAX_NAMES} (each is a page and a feed)")
    for number, item in enumerate(items, start=1):
        try:
            as_name(item)
        except ValueError as error:
            raise ValueError(f"item {number} {error}" if str(error).startswith("is ") else f"item {number}: {error}") from None
    return items


def as_date(value: object) -> dt.date:
    """A date or date and time; ISO text is read as one."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            text = value.strip()
            return dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)
        except ValueError:
            pass
    raise ValueError(f"must be a date (YYYY-MM-DD), not {value!r}" if isinstance(value, str) else
                     f"must be a date (YYYY-MM-DD), not {describe(value)}")


def as_year(value: object) -> int:
    """A year from 1 to 9999."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
        return value
    raise ValueError(f"must be a year such as 2016, not {value!r}" if not isinstance(value, bool) else
                     f"must be a year such as 2016, not {describe(value)}")


def as_slug(value: object) -> str:
    """A story's slug as written: lower-case ASCII words joined by hyphens."""
    text = as_text(value)
    if not _SLUG.fullmatch(text):
        raise ValueError(f"must be lower-case ASCII words joined by hyphens, not {text!r}")
    if len(text) > MAX_SLUG:
        raise ValueError(f"is {len(text)} characters long: at most {MAX_SLUG} (it is a file name)")
    if text in RESERVED_SLUGS:
        raise ValueError(f"cannot be {text!r}: the story's page would replace the list of its day")
    return text


def as_url(value: object) -> str:
    """An absolute http or https URL (no javascript:, data: or relative one)."""
    text = as_text(value)
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in text:
        raise ValueError(f"must be an http or https URL, not {text!r}")
    return text


def as_time(value: object) -> str:
    """A time of day as `HH:MM`, from any form generator.filed reads (`14:06`, `1406`, `4:40pm`, `14:06 GMT`)."""
    from generator.filed import filing_time

    time = None if isinstance(value, bool) else filing_time(value)
    if time is None:
        raise ValueError(f"must be a time of day such as '14:06' or '4:40pm', not {value!r}")
    return f"{time:%H:%M}"


def as_status(value: object) -> str:
    """One of Pelican's statuses for a story."""
    text = as_text(value).lower()
    if text not in STATUSES:
        raise ValueError(f"must be one of {', '.join(STATUSES)}, not {text!r}")
    return text


def as_seed(value: object, folder: str = "seeds/") -> str:
    """A path inside seeds/ (or another folder), relative and not climbing out."""
    text = as_text(value)
    path = PurePosixPath(text)
    if not text or path.is_absolute() or ".." in path.parts or "\\" in text:
        raise ValueError(f"must be a path inside {folder}, not {text!r}")
    return text


def as_content_path(value: object) -> str:
    """A path inside content/."""
    return as_seed(value, "content/")


def as_seeds(value: object) -> list[str]:
    """A list of seed paths (text split on commas, as for any list)."""
    items = as_texts(value)
    for item in items:
        as_seed(item)
    return items


def as_lang(value: object) -> str:
    """A language code (it chooses a translation's address in Pelican, so only letters, digits, hyphens)."""
    text = as_text(value)
    if not _LANG.fullmatch(text):
        raise ValueError(f"must be a language code such as en or pt-BR, not {text!r}")
    return text


CONVERTERS = {TEXT: as_text, TEXTS: as_texts, NAME: as_name, NAMES: as_names, DATE: as_date, YEAR: as_year, SLUG: as_slug, URL: as_url,
              TIME: as_time, STATUS: as_status, SEED: as_seed, SEEDS: as_seeds, LANG: as_lang, CONTENT: as_content_path}


def checked(fields: dict, *, settable_only: bool) -> tuple[dict, list[str]]:
    """The fields with known keys converted to their type: (fields, problems, one line each naming the key).

    settable_only (sidecars, folder defaults): every key must be one they may set. Otherwise (a story) other keys
    are kept as they are, but for the Pelican path keys, which no story may carry."""
    result, problems = {}, []
    for key, value in fields.items():
        if not isinstance(key, str):
            problems.append(f"key {key!r} is not a name")
            continue
        if key in PATH_KEYS:
            problems.append(f"'{key}' is not allowed: a story's address comes from its date and slug, and its "
                            "template from the theme")
            continue
        spec = SCHEMA.get(key)
        if spec is None or (settable_only and not spec.settable):
            if settable_only:
                problems.append(f"'{key}' cannot be set here (the keys that can are listed in README.md, "
                                "'Front matter')")
            else:
                result[key] = value
            continue
        kind = TEXT if (settable_only and spec.kind == SLUG) else spec.kind  # a sidecar's slug is slugified
        try:
            converted = CONVERTERS[kind](value)
        except ValueError as error:
            problems.append(f"'{key}' {error}")
            continue
        if converted not in ("", []) or kind in (TEXTS, NAMES):
            result[key] = converted
    return result, problems


def settable_fields(fields: object, where: Path | str) -> dict:
    """A sidecar's or folder defaults' fields, checked: only settable keys, each of its type."""
    if fields is None:
        return {}
    if not isinstance(fields, dict):
        raise FrontMatterError(where, ["must be a YAML mapping of front-matter keys, e.g. 'date: 2016-11-02'"])
    result, problems = checked(fields, settable_only=True)
    if problems:
        raise FrontMatterError(where, problems)
    return result


REQUIRED = ("title", "date")


def story_fields(fields: dict, where: Path | str) -> dict:
    """A content file's front matter, checked: its known keys converted, title and date present."""
    result, problems = checked(fields, settable_only=False)
    for key in REQUIRED:
        if key not in result and not any(problem.startswith(f"'{key}'") for problem in problems):
            problems.append(f"'{key}' is {'empty' if key in fields else 'missing'}")
    if problems:
        raise FrontMatterError(where, problems)
    return result


def clean_values(fields: dict) -> dict:
    """Every string in the fields (and in their lists) cleaned: what ingest writes reads back unchanged."""
    def clean(value: object) -> object:
        if isinstance(value, str):
            return clean_text(value)
        if isinstance(value, list):
            return [clean(item) for item in value]
        return value

    return {key: clean(value) for key, value in fields.items()}


YAML_INT, YAML_STR = "tag:yaml.org,2002:int", "tag:yaml.org,2002:str"


def load_yaml(text: str, where: Path | str, what: str = "sidecar", max_values: int = MAX_YAML_VALUES) -> object:
    """YAML as data (safe types only, a base-60 number such as 14:06 read as text), refusing alias bombs (more than
    max_values values once aliases are expanded, or nesting deeper than MAX_YAML_DEPTH: a recursive alias too) and
    keys given twice. Any problem is a FrontMatterError saying `what` is not valid YAML, and at which line of its
    file (front matter's text starts on the first)."""
    loader = yaml.CSafeLoader(text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        bound_expansion(node, where, max_values)
        return loader.construct_document(node)
    except FrontMatterError:
        raise  # a bound passed: already one line naming the file
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        at = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = " ".join(str(error.problem or error.context or "").split())
        raise FrontMatterError(where, [f"{what} is not valid YAML{at}: {problem}"]) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:  # a date such as 2024-13-45
        raise FrontMatterError(where, [f"{what} is not valid YAML: {' '.join(str(error).split())}"]) from None
    finally:
        loader.dispose()


def bound_expansion(root: yaml.Node, where: Path | str, max_values: int = MAX_YAML_VALUES) -> None:
    """Walk the YAML graph with aliases expanded, stopping at the first value past the limits; on the one walk,
    refuse a mapping's repeated key and retype a base-60 number as text, before the document is constructed."""
    pending, seen = [(root, 0)], 0
    while pending:
        node, depth = pending.pop()
        seen += 1
        if seen > max_values:
            raise FrontMatterError(where, [f"YAML expands to more than {max_values:,} values (an alias bomb?)"])
        if depth > MAX_YAML_DEPTH:
            raise FrontMatterError(where, [f"YAML nested more than {MAX_YAML_DEPTH} deep (or a recursive alias)"])
        if isinstance(node, yaml.ScalarNode) and node.tag == YAML_INT and ":" in node.value:
            node.tag = YAML_STR  # YAML 1.1's base-60 number: `time: 14:06` is the text 14:06, not 846
        elif isinstance(node, yaml.SequenceNode):
            pending.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            refuse_repeated_keys(node, where)
            pending.extend((child, depth + 1) for pair in node.value for child in pair)


def refuse_repeated_keys(mapping: yaml.MappingNode, where: Path | str) -> None:
    """A key given twice in one mapping is refused (YAML forbids it; PyYAML would keep the last value silently,
    so a sidecar's or a story's second `date:` or `tags:` would win unseen)."""
    first_line: dict[tuple[str, str], int] = {}
    for key, _ in mapping.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
            continue
        line, earlier = key.start_mark.line + 1, first_line.get((key.tag, key.value))
        first_line[(key.tag, key.value)] = line
        if earlier is not None:
            raise FrontMatterError(where, [f"key '{printable(key.value)}' is given twice (lines {earlier} and {line})"])


class BoundedYAML(YAMLHandler):
    """python-frontmatter's YAML handler, loading with load_yaml and wanting a mapping (for any front matter,
    a story's or a page's: `frontmatter.loads(text, handler=BoundedYAML(path))`)."""

    def __init__(self, where: Path | str):
        super().__init__()
        self.where = where

    def load(self, fm: str, **kwargs: object) -> dict:
        value = load_yaml(fm, self.where, "front matter")
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise FrontMatterError(self.where, [f"front matter must be a mapping of keys, not {describe(value)}"])
        bad = [key for key in value if not isinstance(key, str)]
        if bad:
            raise FrontMatterError(self.where, [f"key {bad[0]!r} is not a name"])
        return value


def read_front_matter(path: Path | str) -> tuple[dict, str]:
    """A content file's front matter (as YAML gives it) and body, through python-frontmatter."""
    try:
        text = Path(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise FrontMatterError(path, [f"not UTF-8 text (byte {error.start}): save it as UTF-8"]) from None
    except OSError as error:
        raise FrontMatterError(path, [f"cannot read: {error.strerror or error}"]) from None
    post = frontmatter.loads(text, handler=BoundedYAML(path))
    return dict(post.metadata), post.content


def read_story(path: Path | str) -> tuple[dict, str]:
    """A content file as the build reads it: its front matter checked (see story_fields), its body cleaned."""
    fields, body = read_front_matter(path)
    return story_fields(fields, path), clean_text(body)


def markdown_table() -> str:
    """The README's table of front-matter keys."""
    rows = ["| key | type | set by a sidecar | meaning |", "| --- | --- | --- | --- |"]
    rows += [f"| `{key}` | {spec.kind} | {'yes' if spec.settable else 'no'} | {spec.meaning} |"
             for key, spec in SCHEMA.items()]
    return "\n".join(rows) + "\n"
