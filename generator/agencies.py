"""News agencies: the one table of their names and of how wire copy writes them.

Every stage that recognises an agency reads it from here: the dateline's marker (`/TASS/`, `(Reuters)`), a
sign-off (`Reuter`, `==Kyodo`, `Enditem`), a byline's suffix (`By Jane Smith, PA`), the tagger's list of names
that are a story's source and never one of its tags, and the order in which an agency writes numeric dates."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Agency:
    """One agency: its canonical name and the forms that name it.

    aliases: lower-case forms a dateline marker or a byline uses ("itar-tass", "associated press").
    signoff: a pattern (case-insensitive) of a closing line that is this agency's sign-off.
    inline_signoff: a pattern (case as written) of a sign-off that ends the last paragraph ("... said. Reuter").
    month_first: numeric dates are written month first (06/12/2023 is June 12), as in the United States.
    tag_name: the name is never one of a story's tags (False where the name is also an ordinary name or a
    company a story may be about, e.g. Bloomberg, Petra)."""

    name: str
    aliases: tuple[str, ...] = ()
    signoff: str | None = None
    inline_signoff: str | None = None
    month_first: bool = False
    tag_name: bool = True


TABLE: tuple[Agency, ...] = (
    Agency("TASS", ("tass", "itar-tass", "itar tass", "тасс", "итар-тасс")),
    Agency("RIA Novosti", ("ria novosti", "ria", "риа новости")),
    Agency("Interfax", ("interfax", "интерфакс")),
    Agency("Interfax-Ukraine", ("interfax-ukraine",), tag_name=False),
    Agency("Sputnik", ("sputnik",)),
    Agency("Reuters", ("reuters", "reuter"), signoff=r"reuters?", inline_signoff=r"REUTER|Reuter"),
    Agency("AP", ("ap", "associated press", "the associated press"), inline_signoff=r"\(AP\)\.?", month_first=True),
    Agency("AFP", ("afp", "agence france-presse", "agence france presse"), inline_signoff=r"\(AFP\)\.?"),
    Agency("Xinhua", ("xinhua",), signoff=r"enditem|end\s*item", inline_signoff=r"Enditem|ENDITEM"),
    Agency("UPI", ("upi", "united press international"), inline_signoff=r"\(UPI\)\.?", month_first=True),
    Agency("PTI", ("pti",), signoff=r"pti(?:\s+[a-z]{2,3}){0,6}", inline_signoff=r"PTI(?:\s+[A-Z]{2,3}){0,6}"),
    Agency("IANS", ("ians",), signoff=r"ians(?:\s+[a-z]{2,3}){0,6}", inline_signoff=r"IANS(?:\s+[A-Z]{2,3}){0,6}"),
    Agency("ANI", ("ani",), tag_name=False),
    Agency("UNI", ("uni",), tag_name=False),
    Agency("Kyodo", ("kyodo", "kyodo news"), signoff=r"==\s*kyodo"),
    Agency("Jiji Press", ("jiji", "jiji press")),
    Agency("Yonhap", ("yonhap",)),
    Agency("Anadolu", ("anadolu", "aa", "anadolu agency")),
    Agency("DPA", ("dpa",), signoff=r"dpa(?:\s+[a-z0-9]{1,4}){1,8}", inline_signoff=r"\(dpa\)\.?"),
    Agency("Bloomberg", ("bloomberg",), month_first=True, tag_name=False),
    Agency("Dow Jones", ("dow jones", "dow jones newswires"), signoff=r"\(end\)\s{0,3}dow jones newswires",
           month_first=True, tag_name=False),
    Agency("EFE", ("efe",), inline_signoff=r"\(EFE\)\.?"),
    Agency("ANSA", ("ansa",), inline_signoff=r"\(ANSA\)\.?"),
    Agency("APA", ("apa", "austria presse agentur"), tag_name=False),
    Agency("AAP", ("aap", "australian associated press"), signoff=r"aap\s{1,3}[a-z]{2,4}(?:/[a-z]{2,4}){1,5}",
           inline_signoff=r"\(AAP\)\.?"),
    Agency("Bernama", ("bernama",)),
    Agency("KUNA", ("kuna", "kuwait news agency")),
    Agency("WAM", ("wam",), tag_name=False),
    Agency("IRNA", ("irna", "islamic republic news agency")),
    Agency("PNA", ("pna",), tag_name=False),
    Agency("MENA", ("mena", "middle east news agency"), tag_name=False),
    Agency("SPA", ("spa", "saudi press agency"), tag_name=False),
    Agency("QNA", ("qna",), tag_name=False),
    Agency("BNA", ("bna",), tag_name=False),
    Agency("WAFA", ("wafa",), tag_name=False),
    Agency("SANA", ("sana",), tag_name=False),
    Agency("Petra", ("petra",), tag_name=False),
    Agency("The Canadian Press", ("cp", "canadian press", "the canadian press"),
           signoff=r"(?:the\s+)?canadian\s+press|this report by the canadian press was first published\b.{0,40}",
           month_first=True),
    Agency("PA Media", ("pa", "pa media")),
    Agency("IPS", ("ips",), tag_name=False),
    Agency("Antara", ("antara",), tag_name=False),
    Agency("VNA", ("vna", "vietnam news agency"), tag_name=False),
    Agency("KCNA", ("kcna",), tag_name=False),
    Agency("CNA", ("cna",), tag_name=False),
    Agency("BelTA", ("belta", "белта"), tag_name=False),
    Agency("Ukrinform", ("ukrinform",)),
    Agency("UNIAN", ("unian",), tag_name=False),
    Agency("AZERTAC", ("azertac",), tag_name=False),
    Agency("Kazinform", ("kazinform",), tag_name=False),
    Agency("Lusa", ("lusa",), tag_name=False),
    Agency("PAP", ("pap", "polish press agency"), tag_name=False),
    Agency("MTI", ("mti",), tag_name=False),
    Agency("BTA", ("bta",), tag_name=False),
    Agency("HINA", ("hina",), tag_name=False),
    Agency("Tanjug", ("tanjug",), tag_name=False),
    Agency("Prensa Latina", ("prensa latina", "pl")),
    Agency("Notimex", ("notimex",)),
    Agency("Agencia Brasil", ("agencia brasil", "agência brasil")),
    Agency("CTK", ("ctk", "čtk")),
    Agency("Belga", ("belga",)),
    Agency("ATS", ("ats", "ats-sda", "keystone-ats")),
    Agency("BSS", ("bss",)),
    Agency("APP", ("app", "associated press of pakistan")),
    Agency("NZPA", ("nzpa",)),
    Agency("SAPA", ("sapa",)),
    Agency("NAN", ("nan", "news agency of nigeria")),
    Agency("KNA", ("kna", "kenya news agency")),
    Agency("CNN", ("cnn",), month_first=True, tag_name=False),
    Agency("NHK", ("nhk",), tag_name=False),
    Agency("PR Newswire", ("prnewswire", "pr newswire"), month_first=True, tag_name=False),
    Agency("Business Wire", ("business wire", "businesswire"), month_first=True, tag_name=False),
    Agency("GlobeNewswire", ("globe newswire", "globenewswire"), month_first=True, tag_name=False),
    Agency("ACCESSWIRE", ("accesswire",), month_first=True, tag_name=False),
    Agency("CNW", ("cnw",), tag_name=False),
    Agency("EIN Presswire", ("ein presswire",), month_first=True, tag_name=False),
)

AGENCIES: dict[str, str] = {alias: agency.name for agency in TABLE for alias in agency.aliases}
"""Lower-case alias -> canonical name ("itar-tass" -> "TASS")."""

_BY_NAME = {agency.name: agency for agency in TABLE}
AGENCY_NAMES = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(alias) for alias in sorted(AGENCIES, key=len, reverse=True) if len(alias) > 3)
    + r")(?![\w-])", re.IGNORECASE)
"""The longer aliases (over three letters) written anywhere in a line: `Agence France-Presse -- 13 October 2002`."""
# Closing lines that sign a story off without naming an agency: Yonhap's `(END)`, AFP's desk initials `burs-ab/cd`
# and `sid-bk/lal`, a reporter's address (`ksy@yna.co.kr`).
_ANONYMOUS_SIGNOFFS = (r"\(\s*end\s*\)", r"(?:burs?-)?[a-z]{2,4}(?:-[a-z]{2,4})?(?:/[a-z]{2,4}){1,5}",
                       r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}")
SIGNOFF_WORDS = "|".join([*(agency.signoff for agency in TABLE if agency.signoff), *_ANONYMOUS_SIGNOFFS])
"""One alternation of every sign-off line's words (case-insensitive)."""
INLINE_SIGNOFF_WORDS = "|".join([*(agency.inline_signoff for agency in TABLE if agency.inline_signoff), r"\(END\)"])
"""One alternation of the sign-offs that may end the last paragraph (as written)."""
_SIGNOFF_AGENCY = [(re.compile(rf"(?:^|\s)(?:{agency.signoff})(?:\s|$)", re.IGNORECASE), agency.name)
                   for agency in TABLE if agency.signoff]
NAMES_NEVER_TAGGED = frozenset(
    name for agency in TABLE if agency.tag_name for name in (agency.name.lower(), *agency.aliases) if len(name) > 2
)
"""Agency names a tagger must not take for a story's subject (lower case)."""


def known_agency(marker: str) -> str | None:
    """The canonical name of a known agency, also for longer forms ('Reuters Breakingviews'), else None."""
    key = " ".join(marker.lower().split())
    if key in AGENCIES:
        return AGENCIES[key]
    # Short aliases (AP, AA, PA) only match whole markers: 'AP Photo' is not a dateline marker.
    return next((name for alias, name in AGENCIES.items()
                 if len(alias) > 3 and key.startswith(alias) and not key[len(alias):][:1].isalnum()), None)


def agency_from_signoff(signoff: str | None) -> str | None:
    """The agency a sign-off names (`Reuter` -> Reuters, `==Kyodo` -> Kyodo), if any."""
    return next((name for pattern, name in _SIGNOFF_AGENCY if pattern.search(signoff or "")), None)


def writes_month_first(agency: str | None) -> bool:
    """True when the agency writes numeric dates month first (US style)."""
    found = _BY_NAME.get(agency or "")
    return bool(found and found.month_first)
