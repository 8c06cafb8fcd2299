"""Strict Atom 1.0 and RSS 2.0 feed checks for the test suite, modelled on the W3C Feed Validation Service, and
JSON Feed 1.1 checked against its specification."""

import datetime
import functools
import json
import pathlib
import re
from collections import Counter
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from lxml import etree

ATOM_NS = "http://www.w3.org/2005/Atom"
XHTML_NS = "http://www.w3.org/1999/xhtml"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
ATOM_SCHEMA = pathlib.Path(__file__).parent / "schemas" / "atom.rng"

_XML_DECLARATION = re.compile(rb"\A(?:\xef\xbb\xbf)?<\?xml\s[^>]*\?>")
_DECLARED_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']*)["']""")
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`\x00-\x1f\x7f]+")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_TAG_URI = re.compile(r"tag:[^,\s]+,\d{4}(?:-\d{2}(?:-\d{2})?)?:\S*")
_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|([+-])(\d{2}):(\d{2}))"
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_RFC822 = re.compile(
    rf"(?:({'|'.join(_DAYS)}), +)?(\d{{1,2}}) +({'|'.join(_MONTHS)}) +(\d{{4}}) +"
    r"(\d{2}):(\d{2})(?::(\d{2}))? +([+-]\d{4}|UT|GMT|Z|[ECMP][SD]T)"
)

# Element children that the RSS 2.0 specification defines, per unqualified parent; anything else is unknown.
_RSS_CHILDREN = {
    "rss": {"channel"},
    "channel": {
        "title", "link", "description", "language", "copyright", "managingEditor", "webMaster", "pubDate",
        "lastBuildDate", "category", "generator", "docs", "cloud", "ttl", "image", "rating", "textInput",
        "skipHours", "skipDays", "item",
    },
    "item": {"title", "link", "description", "author", "category", "comments", "enclosure", "guid", "pubDate",
             "source"},
    "image": {"url", "title", "link", "width", "height", "description"},
    "textInput": {"title", "description", "name", "link"},
    "skipHours": {"hour"},
    "skipDays": {"day"},
}
_RSS_REPEATABLE = {"category", "item", "hour", "day"}
_RSS_ATTRIBUTES = {
    "rss": {"version"},
    "guid": {"isPermaLink"},
    "category": {"domain"},
    "enclosure": {"url", "length", "type"},
    "source": {"url"},
    "cloud": {"domain", "port", "path", "registerProcedure", "protocol"},
}
_RSS_URL_ELEMENTS = ("channel/link", "channel/docs", "channel/image/url", "channel/image/link",
                     "channel/textInput/link", "channel/item/link", "channel/item/comments")
_RSS_URL_ATTRIBUTES = (("channel/item/enclosure", "url"), ("channel/item/source", "url"))

_VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                  "track", "wbr"}
# Elements whose end tag HTML lets the parser imply.
_OPTIONAL_END = {"p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rt",
                 "rp", "colgroup"}
_UNSAFE_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "meta", "base", "link",
                    "style", "form"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "background", "cite", "data", "poster", "longdesc",
                   "lowsrc", "dynsrc"}
_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


def check_feed(path: pathlib.Path, feed_url: str | None = None) -> list[str]:
    """Check the feed file at path as Atom or RSS 2.0, chosen by its root element."""
    data = path.read_bytes()
    root, errors = _parse(data)
    if root is not None:
        checker = {_atom("feed"): check_atom, "rss": check_rss}.get(root.tag)
        errors = checker(data, feed_url) if checker else [f"root: <{root.tag}> is neither Atom <feed> nor <rss>"]
    return [f"{path}: {error}" for error in errors]


def check_atom(data: bytes, feed_url: str | None = None) -> list[str]:
    """Return every problem of an Atom 1.0 feed document; [] means valid."""
    root, errors = _parse(data)
    if root is None:
        return errors
    if root.tag != _atom("feed"):
        return errors + [f"root: expected Atom <feed>, found <{root.tag}>"]
    return (errors + _schema_errors(root) + _atom_required(root) + _atom_ids(root) + _atom_dates(root)
            + _atom_references(root) + _atom_links(root, feed_url) + _atom_text_constructs(root))


def check_rss(data: bytes, feed_url: str | None = None) -> list[str]:
    """Return every problem of an RSS 2.0 feed document; [] means valid."""
    root, errors = _parse(data)
    if root is None:
        return errors
    if root.tag != "rss":
        return errors + [f"root: expected <rss>, found <{root.tag}>"]
    if root.get("version") != "2.0":
        errors.append(f"{_where(root)}: version is {root.get('version')!r}, expected '2.0'")
    errors += _rss_vocabulary(root)
    channels = root.findall("channel")
    if len(channels) != 1:
        return errors + [f"{_where(root)}: {len(channels)} <channel> elements, expected exactly one"]
    channel = channels[0]
    return (errors + _rss_channel(channel, feed_url) + _rss_items(channel) + _rss_dates(channel)
            + _rss_urls(root) + _rss_payloads(channel))


# --- shared: parsing, locations, values ---------------------------------------------------------------------


def _parse(data: bytes) -> tuple[etree._Element | None, list[str]]:
    """Parse a feed that must be well-formed UTF-8 XML declared as such; return (root or None, errors)."""
    errors = _encoding_errors(data)
    if errors:
        return None, errors
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return None, [f"line {exc.lineno}, column {exc.position[1]}: not well-formed XML: {exc.msg}"]
    if root.getroottree().docinfo.doctype:
        errors.append("document: DOCTYPE is not allowed in a feed")
    return root, errors


def _encoding_errors(data: bytes) -> list[str]:
    """Problems with the bytes being UTF-8 and the XML declaration saying so."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [f"byte {exc.start}: not valid UTF-8 ({exc.reason})"]
    declaration = _XML_DECLARATION.match(data)
    if not declaration:
        return ["document: no XML declaration stating encoding UTF-8 at the start"]
    encoding = _DECLARED_ENCODING.search(declaration.group())
    if not encoding or encoding.group(1).lower() != b"utf-8":
        named = encoding.group(1).decode("ascii", "replace") if encoding else "none"
        return [f"document: XML declaration names encoding {named!r}, expected UTF-8"]
    return []


def _atom(name: str) -> str:
    """Clark name of an element in the Atom namespace."""
    return f"{{{ATOM_NS}}}{name}"


def _where(element: etree._Element) -> str:
    """Location of an element: line, path of names, and entry/item position and id."""
    steps = []
    for node in [*reversed(list(element.iterancestors())), element]:
        qname = etree.QName(node)
        name = f"{node.prefix}:{qname.localname}" if node.prefix else qname.localname
        if name in ("entry", "item"):
            position = sum(1 for sibling in node.itersiblings(node.tag, preceding=True)) + 1
            key = node.findtext(_atom("id") if name == "entry" else "guid")
            name = f"{name}[{position}]" + (f"{{{key.strip()}}}" if key else "")
        steps.append(name)
    return f"line {element.sourceline}: " + "/".join(steps)


def _is_absolute_iri(value: str) -> bool:
    """True if value is an absolute IRI (tag: and http(s): ones checked in more detail)."""
    if not _IRI.fullmatch(value) or _BAD_PERCENT.search(value):
        return False
    scheme = value.split(":", 1)[0].lower()
    if scheme in ("http", "https"):
        return _is_http_url(value)
    return scheme != "tag" or bool(_TAG_URI.fullmatch(value))


def _is_http_url(value: str) -> bool:
    """True if value is an absolute http or https URL with a host."""
    if not _IRI.fullmatch(value) or _BAD_PERCENT.search(value):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _rfc3339_problem(value: str) -> str | None:
    """Why value is not an RFC 3339 date-time with a time zone, or None if it is one."""
    match = _RFC3339.fullmatch(value)
    if not match:
        return "is not an RFC 3339 date-time with time zone (YYYY-MM-DDThh:mm:ss[.f](Z|+hh:mm))"
    year, month, day, hour, minute, second = (int(group) for group in match.groups()[:6])
    if match.group(7) and (int(match.group(8)) > 23 or int(match.group(9)) > 59):
        return "has an impossible time zone offset"
    try:
        datetime.datetime(year, month, day, hour, minute, second)
    except ValueError as exc:
        return f"is an impossible date-time ({exc})"
    return None


def _rfc822_problem(value: str) -> str | None:
    """Why value is not an RFC 822 date (4-digit year, day name matching), or None if it is one."""
    match = _RFC822.fullmatch(value.strip())
    if not match:
        return "is not an RFC 822 date like 'Tue, 05 Mar 2024 10:00:00 +0000'"
    day_name, day, month, year, hour, minute, second, zone = match.groups()
    if zone[0] in "+-" and (int(zone[1:3]) > 14 or int(zone[3:5]) > 59):
        return f"has an impossible time zone {zone!r}"
    try:
        moment = datetime.datetime(int(year), _MONTHS.index(month) + 1, int(day), int(hour), int(minute),
                                   int(second or 0))
    except ValueError as exc:
        return f"is an impossible date ({exc})"
    if day_name and day_name != _DAYS[moment.weekday()]:
        return f"says {day_name} but {moment:%d %b %Y} is a {_DAYS[moment.weekday()]}"
    return None


# --- HTML payloads --------------------------------------------------------------------------------------------


class _HtmlScan(HTMLParser):
    """Collects structural and safety problems of one HTML fragment."""

    def __init__(self, resolve: Callable[[str], str]) -> None:
        super().__init__(convert_charrefs=False)  # so an escaped &lt; never reaches handle_data
        self.resolve = resolve
        self.open: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check_element(tag, attrs)
        if tag.rsplit(":", 1)[-1] not in _VOID_ELEMENTS:
            self.open.append(tag)

    def handle_data(self, data: str) -> None:
        if "<" in data and self.open[-1:] != ["script"]:
            self.problems.append("unescaped '<' in text")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check_element(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.open:
            if tag.rsplit(":", 1)[-1] not in _VOID_ELEMENTS:
                self.problems.append(f"end tag </{tag}> closes nothing")
            return
        while (inner := self.open.pop()) != tag:
            if inner not in _OPTIONAL_END:
                self.problems.append(f"<{inner}> is not closed before </{tag}>")

    def close(self) -> None:
        super().close()
        self.problems += [f"<{tag}> is never closed" for tag in self.open if tag not in _OPTIONAL_END]

    def _check_element(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        name = tag.rsplit(":", 1)[-1]
        if name in _UNSAFE_ELEMENTS:
            self.problems.append(f"unsafe <{name}> element")
        for attribute, value in attrs:
            self._check_attribute(name, attribute, value or "")

    def _check_attribute(self, tag: str, attribute: str, value: str) -> None:
        squeezed = re.sub(r"[\x00-\x20]+", "", value).lower()
        if attribute.startswith("on"):
            self.problems.append(f"event handler attribute {attribute} on <{tag}>")
        elif attribute in _URL_ATTRIBUTES and squeezed.startswith(_UNSAFE_SCHEMES):
            self.problems.append(f"unsafe URL in <{tag} {attribute}={value!r}>")
        elif attribute == "style" and ("javascript:" in squeezed or "expression(" in squeezed):
            self.problems.append(f"script in style attribute of <{tag}>")
        if attribute in ("href", "src") and not urlsplit(self.resolve(value.strip())).scheme:
            self.problems.append(f"relative URL in <{tag} {attribute}={value!r}>")


def _html_problems(markup: str, resolve: Callable[[str], str]) -> list[str]:
    """Structural and safety problems of an HTML fragment; relative URLs are resolved with resolve first."""
    scan = _HtmlScan(resolve)
    scan.feed(markup)
    scan.close()
    return scan.problems


# --- Atom -----------------------------------------------------------------------------------------------------


@functools.cache
def _atom_schema() -> etree.RelaxNG:
    """The RFC 4287 RELAX NG grammar, loaded once."""
    return etree.RelaxNG(etree.parse(str(ATOM_SCHEMA)))


def _schema_errors(root: etree._Element) -> list[str]:
    """RFC 4287 RELAX NG violations."""
    schema = _atom_schema()
    if schema.validate(root):
        return []
    return [f"line {error.line}: RFC 4287 schema: {error.message}" for error in schema.error_log]


def _atom_required(feed: etree._Element) -> list[str]:
    """Missing id, title, updated on the feed and its entries, and entries without an author."""
    errors = _missing_children(feed, ("id", "title", "updated"))
    feed_has_author = feed.find(_atom("author")) is not None
    for entry in feed.iterchildren(_atom("entry")):
        errors += _missing_children(entry, ("id", "title", "updated"))
        own_author = entry.find(_atom("author")) is not None
        source_author = entry.find(f"{_atom('source')}/{_atom('author')}") is not None
        if not (own_author or source_author or feed_has_author):
            errors.append(f"{_where(entry)}: no <author>, and the feed has none")
    return errors


def _missing_children(element: etree._Element, names: tuple[str, ...]) -> list[str]:
    """One error per Atom child in names that element lacks."""
    return [f"{_where(element)}: missing <{name}>" for name in names if element.find(_atom(name)) is None]


def _atom_ids(feed: etree._Element) -> list[str]:
    """Every atom:id an absolute IRI; entry ids unique within the feed."""
    errors = [f"{_where(element)}: {element.text!r} is not an absolute IRI"
              for element in feed.iter(_atom("id")) if not _is_absolute_iri(element.text or "")]
    first_seen: dict[str, etree._Element] = {}
    for entry in feed.iterchildren(_atom("entry")):
        entry_id = (entry.findtext(_atom("id")) or "").strip()
        if entry_id in first_seen:
            errors.append(f"{_where(entry)}: duplicate id, first used at {_where(first_seen[entry_id])}")
        first_seen.setdefault(entry_id, entry)
    return errors


def _atom_dates(feed: etree._Element) -> list[str]:
    """Every atom:updated and atom:published an RFC 3339 date-time with time zone."""
    errors = []
    for element in feed.iter(_atom("updated"), _atom("published")):
        problem = _rfc3339_problem(element.text or "")
        if problem:
            errors.append(f"{_where(element)}: {element.text!r} {problem}")
    return errors


def _resolve(element: etree._Element, reference: str) -> str:
    """Resolve reference against the xml:base chain in scope at element."""
    url = ""
    for node in [*reversed(list(element.iterancestors())), element]:
        if node.get(XML_BASE) is not None:
            url = urljoin(url, node.get(XML_BASE))
    return urljoin(url, reference)


def _atom_url_values(feed: etree._Element) -> Iterator[tuple[etree._Element, str, str]]:
    """Every (element, what, reference) in the feed that must resolve to a web URL."""
    for link in feed.iter(_atom("link")):
        yield link, "href", link.get("href", "")
    for content in feed.iter(_atom("content")):
        if content.get("src") is not None:
            yield content, "src", content.get("src")
    for generator in feed.iter(_atom("generator")):
        if generator.get("uri") is not None:
            yield generator, "uri", generator.get("uri")
    for element in feed.iter(_atom("icon"), _atom("logo"), _atom("uri")):
        yield element, "value", (element.text or "").strip()


def _atom_references(feed: etree._Element) -> list[str]:
    """Every link, src, icon, logo and person uri resolves (with xml:base) to an absolute http(s) URL."""
    return [f"{_where(element)}: {what} {reference!r} does not resolve to an absolute http(s) URL"
            for element, what, reference in _atom_url_values(feed)
            if not _is_http_url(_resolve(element, reference))]


def _atom_links(feed: etree._Element, feed_url: str | None) -> list[str]:
    """The feed's self link (matching feed_url), one alternate link per entry, no duplicate alternates."""
    errors = []
    self_links = [link for link in feed.iterchildren(_atom("link")) if link.get("rel") == "self"]
    if not self_links:
        errors.append(f'{_where(feed)}: missing <link rel="self">')
    for link in self_links:
        href = _resolve(link, link.get("href", ""))
        if feed_url is not None and href != feed_url:
            errors.append(f'{_where(link)}: rel="self" href {href!r} is not the feed URL {feed_url!r}')
    errors += _duplicate_alternates(feed)
    for entry in feed.iterchildren(_atom("entry")):
        if not _alternates(entry):
            errors.append(f'{_where(entry)}: no <link rel="alternate">')
        errors += _duplicate_alternates(entry)
    return errors


def _alternates(element: etree._Element) -> list[etree._Element]:
    """The alternate links (rel absent or "alternate") that are direct children of element."""
    return [link for link in element.iterchildren(_atom("link")) if link.get("rel", "alternate") == "alternate"]


def _duplicate_alternates(element: etree._Element) -> list[str]:
    """Alternate links of element sharing type and hreflang (RFC 4287 4.1.1 and 4.1.2)."""
    counts = Counter((link.get("type"), link.get("hreflang")) for link in _alternates(element))
    return [f'{_where(element)}: {count} <link rel="alternate"> with type={kind!r} hreflang={lang!r}'
            for (kind, lang), count in counts.items() if count > 1]


def _atom_text_constructs(feed: etree._Element) -> list[str]:
    """type="html" text parses as a safe HTML fragment; type="xhtml" holds one safe xhtml:div."""
    errors = []
    names = ("title", "subtitle", "rights", "summary", "content")
    for element in feed.iter(*(_atom(name) for name in names)):
        kind = element.get("type", "text")
        if kind == "html":
            markup = element.text or ""
        elif kind == "xhtml":
            errors += _xhtml_shape(element)
            markup = "".join(etree.tostring(child, encoding="unicode", with_tail=False) for child in element)
        else:
            continue
        problems = _html_problems(markup, functools.partial(_resolve, element))
        errors += [f'{_where(element)}: type="{kind}": {problem}' for problem in problems]
    return errors


def _xhtml_shape(element: etree._Element) -> list[str]:
    """A type="xhtml" construct must hold exactly one xhtml:div and no text around it."""
    children = list(element)
    stray_text = (element.text or "").strip() or any((child.tail or "").strip() for child in children)
    if len(children) != 1 or children[0].tag != f"{{{XHTML_NS}}}div" or stray_text:
        return [f'{_where(element)}: type="xhtml" must contain exactly one xhtml:div child and nothing else']
    return []


# --- RSS 2.0 --------------------------------------------------------------------------------------------------


def _rss_vocabulary(root: etree._Element) -> list[str]:
    """Unknown or repeated unqualified elements and unexpected unqualified attributes."""
    errors = []
    for element in _rss_elements(root):
        allowed = _RSS_CHILDREN.get(element.tag, set())
        plain = [child for child in element if isinstance(child.tag, str) and not etree.QName(child).namespace]
        errors += [f"{_where(child)}: <{child.tag}> is not an RSS 2.0 element of <{element.tag}>"
                   for child in plain if child.tag not in allowed]
        counts = Counter(child.tag for child in plain if child.tag in allowed - _RSS_REPEATABLE)
        errors += [f"{_where(element)}: <{tag}> appears {count} times, at most once allowed"
                   for tag, count in counts.items() if count > 1]
        errors += [f"{_where(element)}: unexpected attribute {name!r}" for name in element.attrib
                   if not name.startswith("{") and name not in _RSS_ATTRIBUTES.get(element.tag, set())]
    return errors


def _rss_elements(element: etree._Element) -> Iterator[etree._Element]:
    """Element and its unqualified descendants, not descending into namespaced extensions."""
    yield element
    for child in element:
        if isinstance(child.tag, str) and not etree.QName(child).namespace:
            yield from _rss_elements(child)


def _rss_channel(channel: etree._Element, feed_url: str | None) -> list[str]:
    """Required channel elements and the atom:link rel="self" (equal to feed_url when given)."""
    errors = [f"{_where(channel)}: missing <{name}>" for name in ("title", "link", "description")
              if channel.find(name) is None]
    self_links = [link for link in channel.iterchildren(_atom("link")) if link.get("rel") == "self"]
    if not self_links:
        errors.append(f'{_where(channel)}: missing <atom:link rel="self">')
    for link in self_links:
        if feed_url is not None and link.get("href") != feed_url:
            errors.append(f'{_where(link)}: rel="self" href {link.get("href")!r} is not the feed URL {feed_url!r}')
    return errors


def _rss_items(channel: etree._Element) -> list[str]:
    """Each item has a title or description; guids are unique and permalinks are absolute URLs."""
    errors = []
    first_seen: dict[str, etree._Element] = {}
    for item in channel.iterchildren("item"):
        if not ((item.findtext("title") or "").strip() or (item.findtext("description") or "").strip()):
            errors.append(f"{_where(item)}: has neither <title> nor <description>")
        guid = item.find("guid")
        if guid is None:
            continue
        errors += _guid_problems(guid)
        value = (guid.text or "").strip()
        if value in first_seen:
            errors.append(f"{_where(guid)}: duplicate guid, first used at {_where(first_seen[value])}")
        first_seen.setdefault(value, guid)
    return errors


def _guid_problems(guid: etree._Element) -> list[str]:
    """A guid is non-empty; unless isPermaLink="false" it must be an absolute http(s) URL."""
    flag = guid.get("isPermaLink", "true")
    value = (guid.text or "").strip()
    if flag not in ("true", "false"):
        return [f"{_where(guid)}: isPermaLink is {flag!r}, expected 'true' or 'false'"]
    if not value:
        return [f"{_where(guid)}: empty guid"]
    if flag == "true" and not _is_http_url(value):
        return [f'{_where(guid)}: {value!r} is a permalink (isPermaLink defaults to "true") '
                "but not an absolute http(s) URL"]
    return []


def _rss_dates(channel: etree._Element) -> list[str]:
    """pubDate and lastBuildDate of the channel and its items are RFC 822 dates."""
    errors = []
    for element in channel.iterfind(".//pubDate"):
        errors += _rss_date_problem(element)
    for element in channel.iterfind("lastBuildDate"):
        errors += _rss_date_problem(element)
    return errors


def _rss_date_problem(element: etree._Element) -> list[str]:
    """The RFC 822 problem of one date element, if any."""
    problem = _rfc822_problem(element.text or "")
    return [f"{_where(element)}: {element.text!r} {problem}"] if problem else []


def _rss_urls(root: etree._Element) -> list[str]:
    """Links, docs, image and enclosure URLs and every atom:link href are absolute http(s) URLs."""
    values = [(element, (element.text or "").strip()) for path in _RSS_URL_ELEMENTS for element in root.iterfind(path)]
    values += [(element, element.get(name, "")) for path, name in _RSS_URL_ATTRIBUTES
               for element in root.iterfind(path)]
    values += [(link, link.get("href", "")) for link in root.iter(_atom("link"))]
    return [f"{_where(element)}: {value!r} is not an absolute http(s) URL"
            for element, value in values if not _is_http_url(value)]


def _rss_payloads(channel: etree._Element) -> list[str]:
    """Item descriptions and content:encoded are safe, well-formed HTML fragments with absolute URLs."""
    errors = []
    elements = channel.iterfind("item/description")
    encoded = channel.iterfind("item/{http://purl.org/rss/1.0/modules/content/}encoded")
    for element in [*elements, *encoded]:
        errors += [f"{_where(element)}: {problem}" for problem in _html_problems(element.text or "", str)]
    return errors


# --- JSON Feed 1.1 --------------------------------------------------------------------------------------------

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
# Top-level and item members of JSON Feed 1.1 (https://jsonfeed.org/version/1.1) and the JSON types they take.
_JSON_FEED_MEMBERS = {"version": str, "title": str, "home_page_url": str, "feed_url": str, "description": str,
                      "user_comment": str, "next_url": str, "icon": str, "favicon": str, "authors": list,
                      "language": str, "expired": bool, "hubs": list, "items": list}
_JSON_ITEM_MEMBERS = {"id": str, "url": str, "external_url": str, "title": str, "content_html": str,
                      "content_text": str, "summary": str, "image": str, "banner_image": str, "date_published": str,
                      "date_modified": str, "authors": list, "tags": list, "language": str, "attachments": list}
_JSON_URLS = ("home_page_url", "feed_url", "next_url", "icon", "favicon", "url", "external_url", "image",
              "banner_image")


def check_json_feed(data: bytes, feed_url: str | None = None) -> list[str]:
    """Return every problem of a JSON Feed 1.1 document; [] means valid. Required: version (the 1.1 URL), title,
    items; each item an id (a string, unique) and content_html or content_text. Known members have their types,
    URLs are absolute http(s), dates RFC 3339, authors objects with a name, url or avatar; extensions start with
    an underscore."""
    try:
        feed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return [f"document: not UTF-8 JSON ({exc})"]
    if not isinstance(feed, dict):
        return ["document: the top level is not an object"]
    errors = _json_members("feed", feed, _JSON_FEED_MEMBERS, ("version", "title", "items"))
    if feed.get("version") != JSON_FEED_VERSION:
        errors.append(f"feed: version is {feed.get('version')!r}, expected {JSON_FEED_VERSION!r}")
    if feed_url is not None and feed.get("feed_url") != feed_url:
        errors.append(f"feed: feed_url {feed.get('feed_url')!r} is not the feed's URL {feed_url!r}")
    errors += _json_authors("feed", feed.get("authors"))
    seen: set[str] = set()
    for position, item in enumerate(feed.get("items") if isinstance(feed.get("items"), list) else [], start=1):
        where = f"items[{position}]"
        if not isinstance(item, dict):
            errors.append(f"{where}: not an object")
            continue
        errors += _json_members(where, item, _JSON_ITEM_MEMBERS, ("id",))
        if isinstance(item.get("id"), str):
            if not item["id"].strip() or item["id"] in seen:
                errors.append(f"{where}: id {item['id']!r} is empty or used before")
            seen.add(item["id"])
        if not any(isinstance(item.get(key), str) for key in ("content_html", "content_text")):
            errors.append(f"{where}: neither content_html nor content_text")
        for key in ("date_published", "date_modified"):
            if isinstance(item.get(key), str) and _rfc3339_problem(item[key]):
                errors.append(f"{where}: {key} {item[key]!r} {_rfc3339_problem(item[key])}")
        if isinstance(item.get("tags"), list) and not all(isinstance(tag, str) for tag in item["tags"]):
            errors.append(f"{where}: tags must be strings")
        if isinstance(item.get("content_html"), str):
            errors += [f"{where}: content_html: {problem}" for problem in _html_problems(item["content_html"], str)]
        errors += _json_authors(where, item.get("authors"))
    return errors


def _json_members(where: str, value: dict, members: dict[str, type], required: tuple[str, ...]) -> list[str]:
    """Missing required members, unknown members (not extensions), members of the wrong type, bad URLs."""
    errors = [f"{where}: missing {name!r}" for name in required if name not in value]
    for name, member in value.items():
        if name.startswith("_"):
            continue
        if name not in members:
            errors.append(f"{where}: {name!r} is not a JSON Feed 1.1 member")
        elif not isinstance(member, members[name]):
            errors.append(f"{where}: {name!r} must be a {members[name].__name__}")
        elif name in _JSON_URLS and not _is_http_url(member):
            errors.append(f"{where}: {name} {member!r} is not an absolute http(s) URL")
    return errors


def _json_authors(where: str, authors: object) -> list[str]:
    """Each author an object with at least one of name, url, avatar."""
    if authors is None or not isinstance(authors, list):
        return []
    return [f"{where}: authors[{index}] has none of name, url, avatar" for index, author in enumerate(authors, 1)
            if not isinstance(author, dict) or not any(isinstance(author.get(key), str) for key in ("name", "url", "avatar"))]
