"""Page furniture: what a scraped page carries around a story, told apart from the story's own lines.

Share bars, menus, breadcrumbs, section names, timestamps, photo credits, cookie notices, `Read more` links: alone
or several on one line, anywhere in the file. A line is furniture by what it is made of (words of a page's
controls, separators, counters), not by matching a list of known lines; the few fixed forms (credits, copyright,
desk notes) are one alternation. Every pattern here runs on seed text and is linear in its length."""

from __future__ import annotations

import re
from functools import lru_cache

from generator.agencies import AGENCIES

# Words of a page's controls and navigation. A line made only of these (and of function words, numbers and
# symbols) is furniture: `Share`, `Read more`, `Print | Email | Share`, `Text size A A A`, `Listen 3 min`.
CONTROL_WORDS = frozenset("""
share shares sharing shared tweet tweets retweet email e-mail mail print printer listen listening subscribe
subscribed unsubscribe subscription subscriptions facebook twitter x whatsapp telegram linkedin reddit pinterest vk
vkontakte viber messenger flipboard instagram youtube tiktok copy copied link links url bookmark bookmarks save saved
comments comment menu search login logout log sign register account home homepage close download pdf audio
play pause video videos photo photos gallery image images font text size zoom aa a+ a- next previous prev back top
skip more read follow like likes views feedback advertisement advertisements advertising ad ads sponsored promoted
newsletter newsletters rss feed feeds app apps cookie cookies accept settings privacy policy terms contact help faq
archive archives latest news all trending popular most viewed section sections topics topic tags tag
related recommended min mins minute minutes ago hour hours day days week weeks month months yesterday today seconds
continue continues continued below above scroll
toggle navigation nav main content page full screen fullscreen options tools translate edition
reading time listen audio podcast podcasts live updates update breaking exclusive subscriber subscribers premium
free trial offer get send gift report correction corrections print-friendly embed open view expand collapse
caption captions credit credits source sources info click here social media enter add favourites favorites error
give trending now show also see load partner reject manage preferences use about rights reserved jump edition
international english pictures explainer coverage full updated version русская версия
поделиться слушать читать читайте подписаться подписывайтесь печать комментарии ещё еще новости все главное лента
видео фото телеграм дзен вконтакте
""".split())
# Words that may stand between control words without making the line the story's: `Share this article`.
FUNCTION_WORDS = frozenset("the this to on in of for and or with via our your us a an by at from up out it here "
                           "story stories article articles "
                           "в и на с к по о также".split())
# Sections of a news site. Alone or joined (`Society & Culture`, `World > Europe`) they name a section, not a story.
SECTION_WORDS = frozenset("""
world politics political economy business markets market society culture science space technology tech health sport
sports military defence defense emergencies opinion opinions russia europe asia africa americas international
lifestyle entertainment environment climate national regional local diplomacy panorama pacific affairs press review
energy finance companies industry arts life style travel food media analysis features feature commentary
columns column editorial editorials weather crime justice education investigations middle east north south
west america us uk world-news
экономика бизнес политика общество культура спорт наука мир происшествия регионы армия опк международная панорама
noticias mundo nacionales internacionales deportes economía economia política politica cultura actualidad ultimas
últimas nachrichten welt wirtschaft politik kultur actualités actualites monde économie economie notizie esteri cronaca
mondo economia
""".split())
_SEPARATOR = r"[|/>»›•·→]"
_BREADCRUMB_SPLIT = re.compile(r"\s{1,3}[|/>»›•·→]\s{1,3}|[>»›→]")
_ANY_SEPARATOR = re.compile(r"[|/>»›•·→]")
_ALIAS_WORDS = frozenset(word for alias in AGENCIES for word in alias.split())
# Words beside an agency's name in its masthead line, in the languages wires file in: `EFE -- Servicio Internacional`.
_AGENCY_WORDS = frozenset("russian news agency international information wire service online english world desk "
                          "servicio internacional agencia noticias agence presse servizio internazionale agenzia "
                          "nachrichtenagentur dienst - -- — –".split())
_TOKEN = re.compile(r"[^\s|/>»›•·→,:;()\[\]]+")
_COUNTER = re.compile(r"(?<=[^\W\d_])\d{1,6}$")
_NUMBER = re.compile(r"[\d.,]+[kKmM]?")
_SECTION_LINE = re.compile(rf"[^\W\d_][\w'’-]*(?:\s{{1,3}}(?:&|and|{_SEPARATOR})?\s{{0,3}}[^\W\d_][\w'’-]*){{0,4}}")

_DEBRIS = re.compile(  # one alternation: a block is debris when one of them matches it whole
    "|".join(
        f"(?:{pattern})"
        for pattern in (
            r"read (more|also|full story|the full story)\b.{0,200}",
            r"see also:?.{0,200}",
            r"related:.{0,200}",
            r"(follow|subscribe to) \S+( \S+){0,3} on \S+( \S+){0,2}",
            r"(photo|foto|bild|image|picture|video|фото)( credit)?s?\s{0,3}[:©].{0,150}",
            # a caption ending with its credit: `... in Brussels. Photograph: Olivier Hoslet/EPA`, `... [Amr Alfiky/Reuters]`
            r".{0,300}\b(photograph|photo|picture|image)( credit)?:\s{0,3}[^.:]{1,80}",
            r".{0,300}\[[^\[\]]{1,60}/[^\[\]]{1,40}\]",
            r".{0,300}\(\s{0,2}[A-Z][\w.-]{1,20}\s{0,2}/\s{0,2}[^()/]{1,60}\)",  # `... in Dakar (AFP / Seyllou)`
            # a caption ending with an agency's photo credit: `... on Monday. REUTERS/Vyacheslav Madiyevskyy`
            r".{0,300}[.)]\s{1,3}(?-i:(?:[A-Z]{2,10}|[A-Z][a-z]{1,20} (?:Images|Pictures))(?: Photo)?\s{0,2}/\s{0,2}"
            r"[A-Z][a-z][\w'’.-]{0,30}(?:\s[A-Z][a-z][\w'’.-]{0,30}){0,3})",
            r"©.{0,150}",
            r"\(c\)\s{0,3}(?=[^.]{0,100}\b(1[89]\d\d|20\d\d|limited|ltd|inc|rights)\b).{0,150}",
            r"copyright\b.{0,150}",
            # a desk's contact line: `-- Sao Paulo newsroom +55 11 232 4411`, `Tel: +44 20 7542 1234`
            r"--?\s{0,3}[\w .,'’-]{0,60}\b(newsroom|desk|bureau)\b[^\n]{0,80}",
            r"[\w .,'’-]{0,60}\b(tel|phone|fax)\b\.?:?\s{0,3}\+?[\d ()./-]{6,30}",
            r"(this (web)?site|we) uses? cookies.{0,300}",
            r"(accept|manage) (all )?cookies.{0,80}",
            r"\d{1,2}\s{1,3}[a-z]{3,9}\.?(\s{1,3}\d{4})?,?\s{1,3}\d{1,2}:\d{2}(\s{0,3}(gmt|utc|msk|[ap]m))?"
            r"(\s{0,3}[+-]\d{1,2})?",
            r"\d{1,2}:\d{2}(\s{0,3}(gmt|utc|msk|[ap]m))?(\s{0,3}[+-]\d{1,2})?",
            r"(updated|published|posted)( on| at)?:?\s.{0,60}\d{1,2}:\d{2}.{0,20}",
            r"\d{1,2}\s{1,3}[a-z]{3,9}\s{1,3}\d{4}",
            r"(tags?|topics?):.{0,200}",
            # a wire system's record fields: `Ref: ING-0304-URU-PORT`, `RICs: .STI`, `Language: English`
            r"(ref|reference|slug|rics?|keywords?|priority|category|categories|language|codes?)\s{0,3}:\s{0,3}"
            r"[^\n]{1,120}",
            r"share (on|via) (facebook|twitter|x|whatsapp|telegram|linkedin|email)\b.{0,120}",
            r"(published|updated|posted)\s{1,3}(\d+|an?|one)\s{1,3}(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)"
            r"\s{1,3}ago",
            r"(sign up|subscribe) (for|to) (our|the|a) .{0,40}newsletters?.{0,80}",
            r"(sign up|subscribe)\b.{0,60}",  # a short line inviting to subscribe: `Sign up for Al Jazeera`
            r"related (topics|stories|articles|coverage)",
            r"our standards:.{0,100}",
            # a wire's contact lines: `To contact the reporters on this story: Joel Rosenblatt in San Francisco at
            # jrosenblatt@bloomberg.net`
            r"to contact the (reporters?|editors?|writers?)\b[^:\n]{0,60}:[\s\S]{0,300}",
            r"[^@\n]{0,80}\bat\s{1,3}[\w.+-]{1,40}@[\w-]{1,40}(\.[\w-]{1,20}){1,4}\.?",  # its wrapped end: `... at a@b.net`
            # a wire's note that its site carries part of its service: `Anadolu Agency website contains only a
            # portion of the news stories offered to subscribers in the AA News Broadcasting System (HAS), ...`
            r".{0,80}\b(website|site) contains only (a portion|part|some) of the (news )?(stories|items|news)\b.{0,200}",
            r"_{3,}",  # AP's separator line (`---` stays: it may be the story's own text)
            r"\((adds|updates|recasts|corrects|changes|rewrites|refiles|repeats|writes through|new throughout|"
            r"fixes|removes|inserts|clarifies|amends)\b[^()]{0,200}\)",
            r"(eds?|editors?)\s{0,3}:\s{0,3}[^\n]{0,200}",  # a desk's note to editors: `Eds: UPDATES death toll`
            # a record's number: `News ID: 85712344`, `Story No. 4521`, `Article ID 2024-118`
            r"([a-z]\w{0,15}\s{1,3}){0,2}(id|no|number|code)\.?\s{0,3}:?\s{0,3}#?\d[\d-]{3,20}",
            # a wire's slug line: `BC-Japan-Quake, 1st Ld-Writethru,0512`, `AM-Budget-Vote,0430`, `a0512 BC-...`
            r"([a-z]\d{3,4}\s{1,3})?[a-z]{1,3}-[\w-]{1,60}(\s{0,3},\s{0,3}[\w -]{1,40}){0,3}\s{0,3},\s{0,3}\d{3,4}",
        )
    ),
    re.IGNORECASE,
)
# A desk's slug or service code on a line of its own, capitals joined by hyphens: `POLAND-ELECTIONS`, `INTERFAX-AVN`,
# `BC-JAPAN-QUAKE` (a headline has spaces).
_DESK_SLUG = re.compile(r"[A-Z][A-Z0-9]{1,20}(?:-[A-Z0-9]{2,20}){1,4}")
MAX_DEBRIS_CHARS = 320
MAX_CONTROL_WORDS = 24
# A label that introduces a link to another story: the next line is that story's headline, not this one's text.
LINK_LABEL = re.compile(r"(read (more|also)|see also|related( news| stories)?|more on this( story)?):?", re.IGNORECASE)
# A label over a list of other stories' headlines ("Most read" and its lines): label and list are dropped.
LINKS_LIST_LABEL = re.compile(r"(most (read|popular|viewed|shared)|top stories|trending|more (stories|news)|"
                              r"you may (also )?like|recommended( for you)?|editor'?s picks?|related (topics|stories)|"
                              r"topics|tags|more on this (story|topic)):?", re.IGNORECASE)


def words_of(line: str) -> list[str]:
    """The lower-case tokens of a line, separators and brackets left out, counters stuck to a word dropped
    (`share2` is `share`)."""
    words = [token.strip(".!?\"'“”‘’«»").lower() for token in _TOKEN.findall(line)]
    return [_COUNTER.sub("", word) or word if word[-1:].isdigit() else word for word in words]


def is_control_line(line: str) -> bool:
    """A line made of a page's controls: `Share`, `Read more`, `Facebook Twitter Email`, `Listen 4 min`."""
    if line.count(" ") > MAX_CONTROL_WORDS * 2 or not _may_be_control(line):
        return False
    controls = words = 0
    for token in _TOKEN.finditer(line):  # word by word, to stop at the first that is not a control's
        word = token.group().strip(".!?\"'“”‘’«»").lower()
        if word[-1:].isdigit():
            word = _COUNTER.sub("", word) or word
        if not word:
            continue
        words += 1
        if word in CONTROL_WORDS:
            controls += 1
        elif not (word in FUNCTION_WORDS or word in AGENCIES or _NUMBER.fullmatch(word)
                  or not any(ch.isalnum() for ch in word)):
            return False
    if not words:
        return bool(line.strip())  # separators and symbols only: `|`, `•••`
    return 0 < controls and words <= MAX_CONTROL_WORDS


def _may_be_control(line: str) -> bool:
    """A quick look at the first word: one that no control line starts with rules the line out."""
    first = line.split(None, 1)[0].strip(".!?\"'“”‘’«»|/>»›•·→,:;()[]").lower() if line.strip() else ""
    return (not first or first in CONTROL_WORDS or first in FUNCTION_WORDS or first in _ALIAS_WORDS
            or not first.isalpha())


_MENU_SPLIT = re.compile(r"\s{0,3}[|•·]\s{0,3}")
MENU_ITEMS, MENU_ITEM_WORDS = 3, 3


def is_menu(line: str) -> bool:
    """A site's menu on one line: three or more short items between bars or bullets, none a sentence
    (`Politics | Business | World`, `Local News | Arab News | World News`, `Falklands/Malvinas | Argentina | Chile`)."""
    if line.count(" ") > 60 or not any(mark in line for mark in "|•·"):
        return False
    items = [item.strip() for item in _MENU_SPLIT.split(line.strip(" |•·"))]
    barred = "|" in line  # bullets may also run a summary's points together: there every item must be a name
    return len(items) >= MENU_ITEMS and all(
        item and len(item.split()) <= MENU_ITEM_WORDS and item[-1] not in ".!?:" and not item[0].islower()
        and (barred or all(word[:1].isupper() or not word[:1].isalpha() for word in item.split()))
        for item in items)


def is_breadcrumb(line: str) -> bool:
    """`Home > World > Europe`, `News / Politics`: short parts joined by separators, naming sections."""
    if line.count(" ") > 40 or not _ANY_SEPARATOR.search(line):
        return False
    parts = [part.strip() for part in _BREADCRUMB_SPLIT.split(line)]
    if len(parts) < 2 or not all(parts) or len(line.split()) > 14:
        return False
    if any(len(part.split()) > 4 or part[-1] in ".!?" for part in parts):
        return False
    known = sum(1 for part in parts if all(word in SECTION_WORDS or word in CONTROL_WORDS or word in FUNCTION_WORDS
                                           or word == "&" for word in words_of(part)))
    if known:  # `Prensa Latina > Cuba > Noticias`: beside a section, the agency's site is one too
        known += sum(1 for part in parts if is_agency_name(part))
    return known >= 1 and (known >= len(parts) - 1 or all(len(part.split()) <= 2 for part in parts))


def is_section_name(line: str) -> bool:
    """A news site's section name: `World`, `Society & Culture`, `Russian Politics & Diplomacy`, `Business`."""
    text = line.strip().rstrip(":")
    if not text or len(text) > 60 or not _SECTION_LINE.fullmatch(text):
        return False
    words = [word for word in words_of(text) if word not in ("&", "and")]
    if all(word in SECTION_WORDS or word in FUNCTION_WORDS or word == "news" for word in words):
        return any(word in SECTION_WORDS or word == "news" for word in words)
    # `Science & Space`-like: two to four capitalised words around an ampersand
    return "&" in text and len(words) <= 4 and all(word[:1].isupper() for word in text.replace("&", "").split())


def is_agency_name(line: str) -> bool:
    """A line that only names an agency or its site: `TASS`, `Reuters`, `Xinhua News Agency`, `Russian News
    Agency TASS`."""
    if line.count(" ") > 12 or not any(word in _ALIAS_WORDS for word in line.lower().split()):
        return False
    words = words_of(line)
    return any(
        " ".join(words[start:end]) in AGENCIES and all(word in _AGENCY_WORDS for word in words[:start] + words[end:])
        for start in range(len(words)) for end in range(start + 1, min(len(words), start + 3) + 1)
    ) if 0 < len(words) <= 6 else False


# Last words of an organisation's name: a masthead or publisher line names one (`Kuwait News Agency`, `Ahram
# Online`, `Japan Economic Newswire`, `Acme Robotics Inc.`).
ORGANISATION_WORDS = frozenset("""agency news press newswire newswires wire wires service services online broadcasting
broadcaster corporation network television tv radio times post herald tribune gazette journal telegraph daily media
group inc inc. ltd ltd. corp corp. plc llc co co. company holdings limited ag sa se nv gmbh asa oyj bhd agentur agence
agencia agenzia agência
presse prensa stampa агентство новости""".split())
_PUBLISHER_SPLIT = re.compile(r"\s{1,3}[-–—|:]\s{1,3}|[.:](?=\s)|[()]|\s[|•·]\s")
_NAME_LINK_WORDS = frozenset("of for and the de del di du la le el des & и".split())
_COMPANY_SUFFIXES = frozenset("plc inc inc. ltd ltd. llc corp. co. gmbh".split())
# The line a press release page puts over the company that issued it: its value (the next line) is no headline.
_PROVIDER_LABEL = re.compile(r"(?:news|content|story|article|release|information)?\s{0,3}"
                             r"(?:provided|distributed|supplied|issued)\s{1,3}by\s{0,3}:?", re.IGNORECASE)
MAX_ORGANISATION_WORDS = 6
MAX_SLOGAN_WORDS = 9


def names_publisher(line: str, publishers: frozenset[str] = frozenset()) -> bool:
    """A masthead or publisher line: an organisation's name (`Kuwait News Agency (KUNA)`, `VietnamPlus`, `MercoPress.
    South Atlantic News Agency`), alone or with its abbreviation, a second name or a slogan in title case (`MENA -
    Middle East News Agency - The Voice of Egypt Since 1955`). `publishers` are the names (lower case) the story gives
    its agency elsewhere (a dateline marker): a part that is one of them is an organisation's name too."""
    text = line.strip()
    if not text or len(text) > 160 or text[-1] in "!?,;":
        return False
    parts = [part.strip() for part in _PUBLISHER_SPLIT.split(text) if part.strip(" .")]
    if not parts or not _is_organisation(parts[0], publishers):
        return False
    return all(_is_organisation(part, publishers) or _is_title_phrase(part, MAX_SLOGAN_WORDS) or is_slogan(part)
               for part in parts[1:])


def is_slogan(part: str) -> bool:
    """An agency's slogan after its name, on its line or the next: a few words that say what it is (`Türkiye's
    leading news agency`, `Multimedia platform for broadcasting in Ukraine and the world`)."""
    words = [word.lower().strip(".,'’") for word in part.split()]
    return len(words) <= MAX_SLOGAN_WORDS and any(word in ORGANISATION_WORDS for word in words)


def _is_organisation(part: str, publishers: frozenset[str]) -> bool:
    """A part of a line that is an organisation's name: a known agency or the story's, one branded word
    (`VietnamPlus`, `MercoPress`), or up to six capitalised words ending in an organisation's word."""
    words = part.split()
    key = part.lower().strip(" .")
    initials = "".join(word[0] for word in words if word.lower() not in _NAME_LINK_WORDS).lower()
    if key in AGENCIES or key in publishers or len(initials) >= 3 and initials in publishers:
        return True  # `Associated Press of Pakistan` for a story marked `(APP)`
    if len(words) == 1:
        word = words[0].strip(".")
        inner_capital = any(ch.isupper() for ch in word[1:]) and any(ch.islower() for ch in word)
        return word.isalpha() and inner_capital  # a word in capitals alone may be a shouted headline (`INDEX`)
    named = [word.lower().strip(".,") for word in words]
    if "of" in named[1:]:  # `Press Trust of India`, `Associated Press of Pakistan`: an organisation's word before `of`
        before = named[: named.index("of", 1)]
        found = any(word in ORGANISATION_WORDS for word in before)
    else:
        found = named[-1] in ORGANISATION_WORDS
    return len(words) <= MAX_ORGANISATION_WORDS and found and _is_title_phrase(part, MAX_ORGANISATION_WORDS)


def _is_title_phrase(part: str, most: int) -> bool:
    """A few words, each capitalised (or a number, a small linking word or a company's suffix written small, `plc`):
    a name or a slogan, not a sentence."""
    words = part.split()
    return 0 < len(words) <= most and all(word[:1].isupper() or word[:1].isdigit() or word.lower() in _NAME_LINK_WORDS
                                          or word in _COMPANY_SUFFIXES for word in words)


def is_label(line: str) -> bool:
    """A label whose value is the next line: `Image caption,`, `Image source,`, `Photo:`, `News provided by`; it and
    the value are furniture."""
    text = line.strip()
    if _PROVIDER_LABEL.fullmatch(text):  # `News provided by` over the company's name
        return True
    return text[-1:] in ",:" and len(text) < 40 and len(text.split()) <= 3 and is_control_line(text[:-1])


@lru_cache(maxsize=8192)  # a page's furniture repeats within a seed and from seed to seed
def is_furniture(line: str) -> bool:
    """True for a line that is page furniture, not the story's: debris, controls, breadcrumbs, an agency's name."""
    text = line.strip()
    if not text:
        return True
    if len(text) >= MAX_DEBRIS_CHARS:  # longer than any furniture form
        return False
    if _DEBRIS.fullmatch(text) or _DESK_SLUG.fullmatch(text):
        return True
    return (is_control_line(text) or is_breadcrumb(text) or is_menu(text) or is_agency_name(text)
            or _PROVIDER_LABEL.fullmatch(text) is not None)


def is_debris_text(text: str) -> bool:
    """A block of known debris forms: credits, copyright, cookie notices, timestamps, desk notes, `Read more: x`."""
    return len(text) < MAX_DEBRIS_CHARS and _DEBRIS.fullmatch(text) is not None
