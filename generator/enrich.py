"""Enrich stage: sidecar overrides, full date, tags and a slug for a parsed article."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache
from pathlib import Path

from slugify import slugify

from generator.dates import DateHints, resolve_date
from generator.headline import ABBREVIATIONS, SMALL_WORDS, readable_headline
from generator.model import Article
from generator.schema import RESERVED_SLUGS
from generator.seeds import read_fields_file, sidecar_path
from generator.tagging.gazetteer import gazetteer
from generator.tagging.lexicon import COMMON_WORDS
from generator.tagging.tagger import tag_article
from generator.tagging.taxonomy import Taxonomy

MAX_SLUG_CHARS = 80
_DATE_KEYS = ("date", "year")


def load_sidecar(seed: Path) -> dict:
    """Front-matter overrides from the seed's sidecar, checked against the schema; a SeedError names the sidecar
    and the reason otherwise."""
    path = sidecar_path(seed)
    return {} if path is None else read_fields_file(path, "sidecar")


def day_of(value: dt.date | None) -> dt.date | None:
    """A date field's day (a datetime's date)."""
    return value.date() if isinstance(value, dt.datetime) else value


def date_hints(seed: Path, sidecar: dict, defaults: dict, default_year: int | None) -> DateHints:
    """Date hints for one seed: sidecar date or year (checked by load_sidecar), the folder defaults' date or year,
    the default year, the file's modification day."""
    modified = dt.datetime.fromtimestamp(seed.stat().st_mtime, tz=dt.timezone.utc).date()
    return DateHints(modified=modified, sidecar_date=day_of(sidecar.get("date")), sidecar_year=sidecar.get("year"),
                     folder_date=day_of(defaults.get("date")), folder_year=defaults.get("year"),
                     default_year=default_year)


def enrich(article: Article, seed_path: Path, taxonomy: Taxonomy, default_year: int | None = None,
           defaults: dict | None = None) -> Article:
    """Fill date, date_source, tags, overrides, folder defaults and a base slug; warnings are added to the
    article. `defaults` are the seed's folder defaults (seeds.folder_defaults): they give a date or year after
    the text, and any other field the story leaves empty; the sidecar wins over them."""
    sidecar = load_sidecar(seed_path)
    defaults = defaults or {}
    article.date, article.date_source, warnings = resolve_date(
        article, date_hints(seed_path, sidecar, defaults, default_year)
    )
    article.defaults = {key: value for key, value in defaults.items() if key not in _DATE_KEYS and key not in sidecar}
    article.warnings.extend(warnings)
    texts = [article.lede or "", *(block.text for block in article.body), *(item for block in article.body for item in block.items)]
    article.headline = readable_headline(article.headline, texts, known_acronyms(taxonomy))
    article.overrides = {key: value for key, value in sidecar.items() if key not in _DATE_KEYS}
    if "title" in article.overrides:
        article.headline = str(article.overrides.pop("title"))
    article.tags = tag_article(article, taxonomy)
    if isinstance(article.overrides.get("tags"), list):
        article.tags.ranked = [str(tag) for tag in article.overrides.pop("tags")]
    article.slug = base_slug(str(article.overrides.pop("slug", None) or article.headline), article.seed)
    return article


_CAPITALS = re.compile(r"\b[A-Z]{2,6}\b")


def known_acronyms(taxonomy: Taxonomy) -> frozenset[str]:
    """Acronyms and initials a recased headline keeps in capitals: those in the taxonomy's names (`NATO`, `UN
    Security Council`), its aliases that are their name's initials (`EU` for European Union), and country codes
    (`EC`, `BH`); never a word in ordinary use (`IS`, `IT`, `NO`) or an abbreviation written `Co`, `St`."""
    found = set(_CAPITALS.findall(" ".join([*taxonomy.aliases.values(), *taxonomy.merges.values()])))
    for alias, name in taxonomy.aliases.items():
        initials = "".join(word[0] for word in name.split() if word.lower() not in SMALL_WORDS and word[0].isalpha())
        if alias.isalpha() and alias.upper() == initials.upper():
            found.add(alias.upper())
    return frozenset(found | _country_codes()) - _ORDINARY_WORDS


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    """The gazetteer's two-letter country codes."""
    return frozenset(code for code in gazetteer().countries if len(code) == 2)


_ORDINARY_WORDS = frozenset(word.upper() for word in COMMON_WORDS | SMALL_WORDS | ABBREVIATIONS) | {"AM", "RE", "OH",
                                                                                               "OK", "HI", "TH"}


def base_slug(headline: str, seed: Path) -> str:
    """An ASCII slug of the headline (never a name the site's own pages use, such as `index`); a headline with no
    letters or digits gets one from the seed's name."""
    slug = slugify(headline, max_length=MAX_SLUG_CHARS, word_boundary=True)
    if slug in RESERVED_SLUGS:
        return f"{slug}-story"
    if slug:
        return slug
    return "story-" + hashlib.sha256(seed.as_posix().encode("utf-8")).hexdigest()[:10]

