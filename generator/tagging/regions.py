"""US states and Canadian provinces as wire datelines abbreviate them: one table for the parser and the tagger."""

from __future__ import annotations

# Folded abbreviation (lower case, no periods or spaces: "n.y." -> "ny") -> the region's name.
REGION_ABBREVIATIONS = {
    "ala": "Alabama", "al": "Alabama", "ak": "Alaska", "ariz": "Arizona", "az": "Arizona",
    "ark": "Arkansas", "ar": "Arkansas", "calif": "California", "cal": "California", "ca": "California",
    "colo": "Colorado", "co": "Colorado", "conn": "Connecticut", "ct": "Connecticut",
    "del": "Delaware", "de": "Delaware", "dc": "District of Columbia", "fla": "Florida", "fl": "Florida",
    "ga": "Georgia", "hi": "Hawaii", "ida": "Idaho", "id": "Idaho", "ill": "Illinois", "il": "Illinois",
    "ind": "Indiana", "in": "Indiana", "ia": "Iowa", "kan": "Kansas", "kans": "Kansas", "ks": "Kansas",
    "ky": "Kentucky", "la": "Louisiana", "me": "Maine", "md": "Maryland", "mass": "Massachusetts",
    "ma": "Massachusetts", "mich": "Michigan", "mi": "Michigan", "minn": "Minnesota", "mn": "Minnesota",
    "miss": "Mississippi", "ms": "Mississippi", "mo": "Missouri", "mont": "Montana", "mt": "Montana",
    "neb": "Nebraska", "nebr": "Nebraska", "ne": "Nebraska", "nev": "Nevada", "nv": "Nevada",
    "nh": "New Hampshire", "nj": "New Jersey", "nm": "New Mexico", "nmex": "New Mexico",
    "ny": "New York", "nc": "North Carolina", "nd": "North Dakota", "okla": "Oklahoma", "ok": "Oklahoma",
    "ore": "Oregon", "oreg": "Oregon", "or": "Oregon", "pa": "Pennsylvania", "penn": "Pennsylvania",
    "ri": "Rhode Island", "sc": "South Carolina", "sd": "South Dakota", "tenn": "Tennessee",
    "tn": "Tennessee", "tex": "Texas", "tx": "Texas", "ut": "Utah", "vt": "Vermont", "va": "Virginia",
    "wash": "Washington", "wa": "Washington", "wva": "West Virginia", "wv": "West Virginia",
    "wis": "Wisconsin", "wisc": "Wisconsin", "wi": "Wisconsin", "wyo": "Wyoming", "wy": "Wyoming",
    "alta": "Alberta", "bc": "British Columbia", "man": "Manitoba", "nb": "New Brunswick",
    "nfld": "Newfoundland", "ns": "Nova Scotia", "ont": "Ontario", "pei": "Prince Edward Island",
    "que": "Quebec", "sask": "Saskatchewan",
}
