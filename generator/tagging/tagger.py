"""Enrich stage, tagging: people, places, organisations and topics of an article, canonical and ranked."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.agencies import NAMES_NEVER_TAGGED
from generator.model import Article, Tags
from generator.tagging.entities import (
    BODY_WEIGHT,
    HEADLINE_WEIGHT,
    LEDE_WEIGHT,
    OPENING_WEIGHT,
    PRODUCT_NOUNS,
    Entity,
    Resolver,
    story_heads,
    story_inner,
    story_products,
)
from generator.tagging.furniture import without_furniture
from generator.tagging.gazetteer import dateline_region, gazetteer
from generator.tagging.institutions import country_adjectives, is_national_body, qualify_institutions
from generator.tagging.lexicon import (
    COMMON_WORDS,
    SPORT_WORDS,
    LEGAL_SUFFIXES,
    ORDINALS,
    TITLES,
)
from generator.tagging.second_names import drop_places_inside_names, fold_demonym_forms, fold_group_forms
from generator.tagging.taxonomy import Taxonomy, once_per_taxonomy
from generator.tagging.terms import story_terms
from generator.tagging.text import CONNECTORS, Mention, fold, mentions
from generator.tagging.topics import TopicScore, score_topics

DATELINE_WEIGHT = 1.0
DEMONYM_MINIMUM = 1.5
DEMONYM_SALIENT = 2.5
# The agencies are a story's source (it has its own page), never one of its tags.
BOILERPLATE = frozenset({"all news", *(fold(name) for name in NAMES_NEVER_TAGGED)})
NEVER_TAGS = COMMON_WORDS | ORDINALS | TITLES | LEGAL_SUFFIXES | BOILERPLATE
MAX_TOPIC_SLOTS = 2
BODY_SHARE = 0.5  # a national body implies its country if it weighs half the story's weightiest body at least
SECOND_TOPIC_SHARE = 0.5  # a second topic needs half the first one's score: not a side remark
# The tagger reads at most this many characters of a story's lede and body: a long feature is a few thousand words
# and keeps every one, while a seed of megabytes costs no more to tag than a long story (its work is bounded).
MAX_TAGGED_CHARS = 60_000


def tag_article(article: Article, taxonomy: Taxonomy) -> Tags:
    """Tags for the article: typed, canonical, ranked, between 3 and max_tags of them."""
    sections = _sections(article)
    topics = score_topics(sections, taxonomy, HEADLINE_WEIGHT, OPENING_WEIGHT)
    venue = any(found.topic in taxonomy.venue_topics and found.score >= taxonomy.topic_threshold for found in topics[:2])
    resolver = Resolver(
        taxonomy.aliases, taxonomy.types, taxonomy.demonyms, taxonomy.min_city_population, _known_names(taxonomy),
        venue=venue, not_names=_defined_non_names(sections), dateline=fold(article.dateline.place or ""),
        space=any(found.topic == "space" and found.score >= taxonomy.topic_threshold for found in topics),
    )
    headline_in_caps = _is_shouting(article.headline)
    long_forms = _defined_names(sections)
    spans = [mention for text, weight in sections if not (weight == HEADLINE_WEIGHT and headline_in_caps)
             for mention in mentions(text, weight, long_forms)]
    resolver.defined = frozenset(fold(" ".join(words)) for words in long_forms)
    resolver.acronyms = _story_acronyms(sections)
    resolver.spelled_out = _spelled_out(sections)
    resolver.heads = story_heads([mention.words for mention in spans])
    resolver.inner = story_inner(spans)
    resolver.alone = frozenset(fold(mention.words[0]) for mention in spans if len(mention.words) == 1)
    resolver.products = story_products(spans, resolver.known) | story_terms(spans, resolver.known)  # no entities
    for mention in _without_namesakes_abroad(spans, resolver):
        resolver.resolve(mention)
    resolver.resolve_deferred()
    resolver.merge_people()
    resolver.merge_organisations()
    resolver.fold_inverted_names()
    resolver.drop_weak_acronyms()
    fold_group_forms(resolver, spans)
    drop_places_inside_names(resolver, spans)
    if headline_in_caps:
        _credit_headline(resolver, article.headline, taxonomy)
    _add_demonyms(resolver)
    topical = bool(topics) and topics[0].score >= taxonomy.topic_threshold
    local = topics[0].topic in taxonomy.local_topics if topical else _private_lives(resolver, sections)
    dateline_place = _add_dateline(resolver, article, taxonomy, venue, local)
    qualify_institutions(resolver, taxonomy, article, sections)
    fold_demonym_forms(resolver, taxonomy)
    if not venue:
        _add_body_countries(resolver, taxonomy)
    _file_under_eras(resolver, taxonomy, article, sections)
    _file_shared_short_names(resolver, dateline_place, sections)
    must: set[str] = set()
    any_rule = _any_always_rule(taxonomy)
    matched = [(text, weight) for text, weight in sections if any_rule is None or any_rule.search(text)]
    for rule in taxonomy.always:
        hits = sum(len(rule.pattern.findall(text)) * weight for text, weight in matched)
        if hits:
            resolver.add(rule.tag, rule.kind, hits)
            must.add(fold(rule.tag))
    limit = taxonomy.max_venue_tags if venue else taxonomy.max_tags
    tags = _rank(_finalise(resolver.entities, taxonomy), topics, must, taxonomy, limit)
    tags.dateline_place = dateline_place
    return tags


def _without_namesakes_abroad(spans: list[Mention], resolver: Resolver) -> Iterator[Mention]:
    """The mentions less a city that the state or country written after it shows is another city of its name:
    "St Petersburg, Florida", "Paris, Texas", "London, Ontario" (the gazetteer knows the bigger namesake, and a
    tag would file the story under it). The state or country itself is still a mention."""
    for mention, following in zip(spans, [*spans[1:], None]):
        if following is not None and mention.listed_before_name and following.listed_after_name:
            city, where = resolver.known(mention.text), resolver.known(following.text)
            city_place = gazetteer().lookup(city[0], resolver.min_city_population) if city and city[1] == "place" \
                else None
            region = gazetteer().names.get(fold(where[0])) if where and where[1] == "place" else None
            if city_place is not None and city_place.kind == "city" and region is not None and \
                    region.kind in ("state", "country") and region.country != city_place.country:
                continue
        yield mention


@once_per_taxonomy
def _known_names(taxonomy: Taxonomy) -> dict[str, tuple[str, str] | None]:
    """Resolver.known's answers under a taxonomy, shared by the articles tagged with it in one process."""
    return {}


@once_per_taxonomy
def _any_always_rule(taxonomy: Taxonomy) -> re.Pattern[str] | None:
    """A pattern that matches a text if and only if one of the always-rules does, so that one search skips the
    sections none of them match; None if the rules have groups (a backreference would change meaning when
    joined) or flags of their own."""
    patterns = [rule.pattern for rule in taxonomy.always]
    if not patterns or any(pattern.groups or pattern.flags != patterns[0].flags for pattern in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns), patterns[0].flags)
    except re.error:  # an inline global flag, allowed only at the start of a pattern
        return None


# A wire's sport slug before the headline: "Tennis-Sabalenka beats Gauff", "Rugby Union-Wallabies beat Ireland".
SPORT_SLUG = re.compile(r"([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2})-(?=[A-Z])")


def _sections(article: Article) -> list[tuple[str, float]]:
    """(text, weight) for the headline (without a sport slug), lede and body blocks, the dateline cut from the first
    paragraph and page furniture (bylines, credit lines) from every block; the first block with words is the
    opening."""
    headline = article.headline
    slug = SPORT_SLUG.match(headline)
    if slug and all(word in SPORT_WORDS for word in slug.group(1).casefold().split()):
        headline = f"{slug.group(1)} - {headline[slug.end():]}"
    texts = [(headline, HEADLINE_WEIGHT)]
    budget = MAX_TAGGED_CHARS
    if article.lede:
        lede = _within(article.lede, budget)
        texts.append((without_furniture(lede), LEDE_WEIGHT))
        budget -= len(lede)
    opening = True
    for block in article.body:
        if budget <= 0:
            break
        text = _within("\n".join([block.text, *block.items]), budget)
        budget -= len(text)
        if opening and article.dateline.raw and text.startswith(article.dateline.raw):
            text = text[len(article.dateline.raw):]
        text = without_furniture(text)
        if text.strip():
            texts.append((text, OPENING_WEIGHT if opening else BODY_WEIGHT))
            opening = False
    return texts


def _within(text: str, budget: int) -> str:
    """The text, or as many of its first characters as the budget allows, cut at a space so no word is halved."""
    if len(text) <= budget:
        return text
    cut = text.rfind(" ", 0, budget + 1)
    return text[:cut if cut > 0 else budget]


# A phrase and the acronym defined for it: "the export enhancement program (EEP)".
# Lower-case words inside a name spelt out before its acronym ("Organisation for Security and Cooperation in Europe").
NAME_JOINERS = frozenset("of for and the in on at to de des du la le del".split())
DEFINITION = re.compile(r"((?:[^\W\d_][\w'\-]*\s+){1,8})\(([A-Z]{2,6})\)")
NEW_NAME = re.compile(r"\b(?:takes?|took|taking|adopts?|adopted|adopting|chose|choosing|assumes?|assumed|assuming) "
                      r"(?:the )?(?:papal |regnal )?name (?:of )?([A-Z][\w'\-]+(?: [IVX]+\b)?)")
APPOSED_NAME = re.compile(r"\b([A-Z]{2,6}), the ((?:[A-Z][\w'\-]*|of|for|and|on|the)(?: (?:[A-Z][\w'\-]*|of|for|and|on|"
                          r"the))*(?<! of)(?<! for)(?<! and)(?<! on)(?<! the))(?=[,.;:)]|$)")  # "CERN, the European ..."
BRACKETED_ACRONYM = re.compile(r"((?:[^\W\d_][\w'\-]*\.?\s+){1,8})\(([A-Z]{2,6})\)")  # "... Co. Limited (CATL)"


def _defined_non_names(sections: list[tuple[str, float]]) -> frozenset[str]:
    """Folded acronyms, and long forms, that the story defines as no entity: an acronym for a lower-case phrase
    ("export enhancement program (EEP)") or for a product ("Geostationary Operational Environmental Satellite
    (GOES)"); and the name a person takes ("elected pope, taking the name Francis"): a second name of a person the
    story names, never a tag of its own."""
    found: set[str] = set()
    for text, _ in sections:
        if "(" not in text:
            continue
        for phrase, acronym in DEFINITION.findall(text):
            words = [word for word in phrase.split() if word.lower() not in CONNECTORS]
            long_form = words[-len(acronym):]
            if "".join(word[0] for word in long_form).upper() != acronym:
                continue
            if all(word.islower() for word in long_form):
                found.add(fold(acronym))
            elif fold(long_form[-1]) in PRODUCT_NOUNS:
                found |= {fold(acronym), fold(" ".join(long_form))}
    found |= {fold(name) for text, _ in sections for name in NEW_NAME.findall(text)}
    return frozenset(found)


def _bracketed(sections: list[tuple[str, float]],
               pattern: re.Pattern[str] = DEFINITION) -> Iterator[tuple[list[str], str]]:
    """The words before each bracketed acronym of the story's sections (as `pattern` reads them), with the acronym."""
    for text, _ in sections:
        if "(" in text:
            for phrase, acronym in pattern.findall(text):
                yield phrase.split(), acronym


def _story_acronyms(sections: list[tuple[str, float]]) -> dict[str, tuple[str, ...]]:
    """Acronym -> the capitalised name the story spells it out as ("Election Commission (EC)"): the story's own
    meaning wins over the taxonomy's (EC is the European Community elsewhere)."""
    found: dict[str, tuple[str, ...]] = {}
    for phrase, acronym in _bracketed(sections):
        words = phrase[-len(acronym):]
        if len(words) == len(acronym) and "".join(word[0] for word in words) == acronym:
            found.setdefault(acronym, tuple(words))
    return found


def _spelled_out(sections: list[tuple[str, float]]) -> dict[str, str]:
    """Folded acronym -> the folded name written just before it in brackets, whatever its initials: "the Polish
    United Workers' Party (PZPR)", "Contemporary Amperex Technology Co. Limited (CATL)"."""
    found: dict[str, str] = {}
    for words, acronym in _bracketed(sections, BRACKETED_ACRONYM):
        start = len(words)
        while start and (words[start - 1][0].isupper() or words[start - 1] in NAME_JOINERS):
            start -= 1
        while start < len(words) and (words[start] in NAME_JOINERS or words[start] in ("The", "A", "An")):
            start += 1
        name = words[start:]
        if len(name) >= 2 and not all(word.isupper() for word in name):  # not "BOSTON (AP)", a dateline
            found.setdefault(fold(acronym), fold(" ".join(name)))
    for text, _ in sections:  # "CERN, the European Organization for Nuclear Research, said": the same apposed
        for acronym, name in APPOSED_NAME.findall(text):
            found.setdefault(fold(acronym), fold(name))
    return found


def _defined_names(sections: list[tuple[str, float]]) -> frozenset[tuple[str, ...]]:
    """The names the story spells out before their acronym, lower-case words and all ("Organisation for Security
    and Cooperation in Europe (OSCE)", "Hong Kong Special Administrative Region (HKSAR)", "Medicines and Healthcare
    products Regulatory Agency (MHRA)"): one name each, never split at a lower-case word."""
    found = set()
    for words, acronym in _bracketed(sections):
        capitals = lower = 0
        for start in range(len(words) - 1, -1, -1):
            word = words[start]
            if word[0].isupper():
                capitals += 1
            elif word not in NAME_JOINERS:
                lower += 1  # one common word may stand inside: "Medicines and Healthcare products Regulatory Agency"
                if lower > 1 or not capitals:
                    break
            if capitals == len(acronym):
                name = tuple(words[start:])
                if "".join(w[0] for w in name if w[0].isupper()) == acronym and any(w[0].islower() for w in name):
                    found.add(name)
                break
    return frozenset(found)


def _is_shouting(headline: str) -> bool:
    """True for an ALL-CAPS or Title Case headline, whose capitals say nothing about names."""
    words = re.findall(r"[^\W\d_]{4,}", headline)
    if not words:
        return False
    capitalised = sum(word[0].isupper() for word in words)
    shouting = sum(word.isupper() for word in words) * 2 > len(words)
    return shouting or (len(words) >= 3 and capitalised > 0.8 * len(words))


def _credit_headline(resolver: Resolver, headline: str, taxonomy: Taxonomy) -> None:
    """Credit entities named in a caps headline, matched case-insensitively against known names."""
    folded = f" {fold(re.sub(r'<[^<>]*>', ' ', headline))} "
    folded = re.sub(r"[^\w ]", " ", folded)
    for entity in list(resolver.entities.values()):
        names = entity.variants | {fold(entity.name)} | (
            {fold(entity.name.split()[-1])} if entity.kind == "person" else set())  # "Du Pont" of "Du Pont Co"
        if any(f" {name} " in folded for name in names if name not in COMMON_WORDS):
            entity.credit(HEADLINE_WEIGHT)
    words = folded.split()
    variants = {key for e in resolver.entities.values() for key in e.variants}
    covered: set[int] = set()  # words of a longer name already matched: not "England" of "BANK OF ENGLAND"
    for size in (4, 3, 2, 1):
        for start in range(len(words) - size + 1):
            if covered.intersection(range(start, start + size)):
                continue
            phrase = " ".join(words[start:start + size])
            if fold(phrase) in variants or _credit_known_phrase(resolver, phrase, taxonomy):
                covered.update(range(start, start + size))


def _credit_known_phrase(resolver: Resolver, phrase: str, taxonomy: Taxonomy) -> bool:
    """Credit a headline phrase that is a taxonomy name, a country or a demonym; True if it was one."""
    if phrase in COMMON_WORDS or phrase in TITLES:
        return False
    if phrase in taxonomy.demonyms:
        country = taxonomy.demonyms[phrase]
        resolver.demonym_scores[country] = resolver.demonym_scores.get(country, 0.0) + DEMONYM_MINIMUM
        return True
    canonical = taxonomy.aliases.get(phrase)
    kind = taxonomy.types.get(fold(canonical or phrase))
    place = gazetteer().names.get(fold(canonical or phrase))
    if kind:
        resolver.add(canonical or phrase.title(), kind, HEADLINE_WEIGHT)
    elif place is not None and place.kind == "country":
        resolver.add(place.name, "place", HEADLINE_WEIGHT)
    return bool(kind) or place is not None and place.kind == "country"


def _add_demonyms(resolver: Resolver) -> None:
    """Count demonyms ('Russian') for their country as weak evidence; a country the story keeps calling by its
    adjective (five times in the body, or in the headline and twice more) is one the story is about."""
    for country, score in resolver.demonym_scores.items():
        if fold(country) in resolver.entities or score >= DEMONYM_MINIMUM:
            resolver.add(country, "place", score, named=score >= DEMONYM_SALIENT)


def _add_dateline(resolver: Resolver, article: Article, taxonomy: Taxonomy, venue: bool, local: bool) -> str | None:
    """Credit the dateline place and its country as weak evidence, and return the place's tag name.

    A filing point names nothing the story is about: the place is a tag only if the story names it too. Its country
    is the home of the story's companies and bodies (wire editors file a Chicago earnings story under the United
    States), so it counts as named when the story names no country, names it, names a place inside it other than
    the dateline's or speaks of it ("U.S. officials", "Russian troops", "Washington said"); not when the story is
    of a venue topic (sport), whose dateline is where a match was played. A local story (see _private_lives and
    tags.yaml local_topics: a fraud arrest in New York, a murder trial in Los Angeles) is no story of the country's
    government, policy or economy: the country counts as named only where the story names it, or is the home of the
    firms its headline names (one firm's patent suit against another)."""
    place = article.dateline.place
    if not place:
        return None
    index = gazetteer()
    region_place = dateline_region(place, article.dateline.region or "")
    country = region_place.country if region_place else None
    canonical = taxonomy.aliases.get(fold(place))
    city = index.lookup(canonical, 0) if canonical else index.city(place, country) or index.lookup(place, 0)
    name = city.name if city else canonical or place.title()
    resolver.add(name, "place", DATELINE_WEIGHT, named=False)
    country = country or (city.country if city else None)
    if country in index.countries and fold(index.countries[country].name) != fold(name):
        home = index.countries[country].name
        spoken_of = resolver.demonym_scores.get(home, 0.0) > 0  # "U.S. officials", "Washington said"
        named = fold(home) in resolver.entities and resolver.entities[fold(home)].count > 0  # filed from the country
        alone = not _names_a_country(resolver) and not _points_abroad(resolver, taxonomy, country, name)
        about = named or alone or _names_inside(resolver, country, name)  # it names
        firms = any(entity.kind == "organisation" and entity.headline for entity in resolver.entities.values())
        implied = named or alone and firms if local else spoken_of or about
        resolver.add(home, "place", DATELINE_WEIGHT, named=not venue and implied)
    return name


# Offices of state: a story that names one is about government, whatever else it is about.
OFFICES = re.compile(r"\b(?:president|prime minister|premier|chancellor|minister|senator|congress\w*|governor|"
                     r"secretary|parliament\w*|government|king|queen|ambassador|lawmakers?|white house)\b", re.I)


def _private_lives(resolver: Resolver, sections: list[tuple[str, float]]) -> bool:
    """True for a story of people alone, with no topic: it names people and no organisation, and no office of state
    (a mall shooting, a 110th birthday; not a president's speech or a chancellor's budget)."""
    kinds = {entity.kind for entity in resolver.entities.values() if entity.count}
    return "person" in kinds and "organisation" not in kinds and not any(OFFICES.search(text) for text, _ in sections)


def _names_a_country(resolver: Resolver) -> bool:
    """True if the story names a country."""
    index = gazetteer()
    return any(entity.count and entity.kind == "place" and getattr(index.lookup(entity.name, 0), "kind", "") == "country"
               for entity in resolver.entities.values())


def _points_abroad(resolver: Resolver, taxonomy: Taxonomy, country: str, city: str) -> bool:
    """True if the story places what it is about in another country: a home ("the New York-based fund",
    "Frankfurt-listed"), a foreign city or region, a foreign body (the Bank of England, the Bundesbank in a story
    filed from elsewhere), or demonyms that add up to a mention ("Japanese carmakers" in the headline; not "Spanish
    ports" once in the body). Filed from London about a New York fund, it is no story of the United Kingdom."""
    index = gazetteer()
    home = index.countries[country].name
    if any(score >= DEMONYM_MINIMUM and other != home for other, score in resolver.demonym_scores.items()):
        return True
    for key, entity in resolver.entities.items():
        if entity.kind != "organisation" or not entity.count:
            continue
        owner = taxonomy.bodies.get(key) or _owner_place(key)
        if owner and fold(owner) != fold(home):  # the Bundesbank, the Bank of England, filed from elsewhere
            return True
    for key, entity in resolver.entities.items():
        place = index.lookup(entity.name, 0) if entity.kind == "place" and key != fold(city) else None
        if place is not None and place.country not in (None, country):
            return True
    return False


def _owner_place(key: str) -> str | None:
    """The country of the place a body's name ends with ("bank of england": United Kingdom), if one."""
    index = gazetteer()
    _, of, owner = key.rpartition(" of ")
    place = index.names.get(owner.removeprefix("the ")) if of else None
    return index.countries[place.country].name if place is not None and place.country in index.countries else None


def _names_inside(resolver: Resolver, country: str, city: str) -> bool:
    """True if the story names a place inside the country other than the dateline's city (a state, a party label's
    state, another city): the story is about the country, not only filed from it."""
    index = gazetteer()
    for key, entity in resolver.entities.items():
        if entity.count and entity.kind == "place" and key != fold(city):
            place = index.lookup(entity.name, 0)
            if place is not None and place.country == country and place.kind != "country":
                return True
    return False


def _file_under_eras(resolver: Resolver, taxonomy: Taxonomy, article: Article,
                     sections: list[tuple[str, float]]) -> None:
    """In a story of a state's time, file what the dateline, capitals and demonyms credit to today's country under
    the state of the time (a 1986 MOSCOW story naming the CPSU is about the Soviet Union, not Russia): the story is
    dated up to the state's last year, or names the state or its demonym and never today's country."""
    for era in taxonomy.eras:
        today, state = fold(era.today), fold(era.state)
        if today not in resolver.entities and today not in {fold(c) for c in resolver.demonym_scores}:
            continue
        dated = article.date is not None and article.date.year <= era.ended
        named = (state in resolver.entities and resolver.entities[state].count > 0
                 or resolver.demonym_scores.get(era.state, 0.0) > 0)
        if not (dated or named and not _writes(era.today, sections, [other.state for other in taxonomy.eras])):
            continue
        if era.today in resolver.demonym_scores:
            score = resolver.demonym_scores.pop(era.today)
            resolver.demonym_scores[era.state] = resolver.demonym_scores.get(era.state, 0.0) + score
        if today in resolver.entities:
            resolver.add(era.state, "place", 0.0, named=False)
            resolver.entities[fold(resolver.aliases.get(state, era.state))].absorb(resolver.entities.pop(today))
        _rename_bodies(resolver, taxonomy, era)


# Short names two countries share, with the gazetteer's codes of the one the gazetteer files them under and of the
# other: "Congo" is the Republic of the Congo to the gazetteer, and the Democratic Republic to a story from Kinshasa.
SHARED_SHORT_NAMES = {"congo": ("CG", "Democratic Republic of the Congo", "CD")}


def _file_shared_short_names(resolver: Resolver, dateline_place: str | None,
                             sections: list[tuple[str, float]]) -> None:
    """A country written only by a short name two countries share is the one whose cities the story names or is
    filed from, when it names cities of that one alone ("KINSHASA, Congo": the Democratic Republic)."""
    for short, (filed, other, other_code) in SHARED_SHORT_NAMES.items():
        country = gazetteer().lookup(short, 0)
        entity = resolver.entities.get(fold(country.name)) if country else None
        written = entity.variants - {fold(country.name)} if entity else set()
        if written != {short} or _writes(country.name, sections, [other]):
            continue
        cities = [place.name for place in resolver.entities.values() if place.kind == "place"] + [dateline_place or ""]
        codes = {place.country for name in cities if (place := gazetteer().lookup(name, 0)) and place.kind == "city"}
        if other_code in codes and filed not in codes:
            resolver.add(other, "place", 0.0, named=False)
            resolver.entities[fold(other)].absorb(resolver.entities.pop(fold(country.name)))


def _rename_bodies(resolver: Resolver, taxonomy: Taxonomy, era) -> None:
    """A national body named by today's country's adjective takes the state of the time's ("German Finance
    Ministry" of a 1987 story is the West German one; the "Russian Orthodox Church" stays)."""
    adjectives = country_adjectives(taxonomy)
    today, then = adjectives.get(fold(era.today)), adjectives.get(fold(era.state))
    if not today or not then:
        return
    for key, entity in list(resolver.entities.items()):
        body = key[len(fold(today)) + 1:].split()
        if entity.kind == "organisation" and key.startswith(fold(today) + " ") and is_national_body(body):
            name = f"{then.title()} {entity.name[len(today) + 1:]}"
            resolver.add(name, "organisation", 0.0, named=False)
            resolver.entities[fold(resolver.aliases.get(fold(name), name))].absorb(resolver.entities.pop(key))


def _writes(name: str, sections: list[tuple[str, float]], besides: list[str]) -> bool:
    """True if the text writes the name other than inside one of the names besides ('Germany' of 'West Germany')."""
    inside = re.compile("|".join(re.escape(other) for other in besides)) if besides else None
    pattern = re.compile(rf"\b{re.escape(name)}\b(?![-\w])")
    return any(pattern.search(inside.sub(" ", text) if inside else text) for text, _ in sections)


def _add_body_countries(resolver: Resolver, taxonomy: Taxonomy) -> None:
    """Credit the country of each national body the story is about (the Fed: the United States), twice if the body
    is salient, so that a story about a government is tagged with its country; a body named beside a weightier one
    of another country (the Bank of Japan in a story of the Fed) and not in the headline says nothing of its own."""
    bodies = [(entity, taxonomy.bodies[key]) for key, entity in resolver.entities.items()
              if key in taxonomy.bodies and entity.count]
    top = max((entity.score for entity, _ in bodies), default=0.0)
    for entity, country in bodies:
        if entity.headline or entity.score >= BODY_SHARE * top:
            for _ in range(1 + (entity.headline or entity.count >= 2)):
                resolver.add(country, "place", BODY_WEIGHT)


def _finalise(entities: dict[str, Entity], taxonomy: Taxonomy) -> list[Entity]:
    """Apply merges and the block list, drop junk, and order by salience then first mention."""
    merged: dict[str, Entity] = {}
    for key, entity in entities.items():
        target = taxonomy.merges.get(key)
        if target:
            key, name, kind = fold(target), target, entities.get(fold(target), entity).kind
        else:
            name, kind = entity.name, taxonomy.types.get(key, entity.kind)
        if key in taxonomy.block or _is_junk(name):
            continue
        merged.setdefault(key, Entity(_display(name), kind, first=entity.first)).absorb(entity)
    return sorted(merged.values(), key=lambda e: (-e.score, e.first))


def _display(name: str) -> str:
    """Arabic articles inside a name in lower case, as style guides write them: "Jabhat al-Nusra"."""
    return re.sub(r"(?<=\s)(Al|El|Ad|Ar|As|Ash|An)-(?=\w)", lambda m: m.group(1).lower() + "-", name)


def _is_junk(name: str) -> bool:
    """True for names that are never tags: weekdays, months, pronouns, bare titles, agency boilerplate."""
    key = fold(name)
    return key in NEVER_TAGS or len(key) < 2



def _strong_topics(topics: list[TopicScore], taxonomy: Taxonomy, names: set[str]) -> list[str]:
    """Up to two topics the story is about: a score over the threshold from a headline keyword or two different
    keywords at least (one word repeated in the body, "court" or "visit", says little), none a side remark (see
    TopicScore.central: "campaigning for elections" in a rail crash's last paragraph), the second with half the
    first one's score; a story of a venue topic (sport) has no other ("gold", "court" and "strike" are its words
    too), even where a word of another topic outweighs it ("Phelps wins eighth gold")."""
    strong = [found for found in topics if found.score >= taxonomy.topic_threshold and fold(found.topic) not in names
              and (len(found.keywords) >= 2 or found.headline) and found.central]
    venues = [found.topic for found in strong if found.topic in taxonomy.venue_topics]
    if venues:
        return venues[:1]
    return [found.topic for found in strong[:MAX_TOPIC_SLOTS]
            if found.score >= SECOND_TOPIC_SHARE * strong[0].score and found.topic not in taxonomy.venue_topics
            or found is strong[0]]


def _rank(entities: list[Entity], topics: list[TopicScore], must: set[str], taxonomy: Taxonomy,
          limit: int) -> Tags:
    """Pick up to limit tags: the entities the story names (those of the headline, those named more than once and
    the always-rules' first), then up to two strong topics, then entities named once while there are fewer than
    max_tags; no filler. limit is max_tags, or max_venue_tags for a story of a venue topic (a results round-up
    names twenty clubs twice each)."""
    named = [e for e in entities if e.count or fold(e.name) in must]
    salient = [e for e in named if fold(e.name) in must] + [
        e for e in named if fold(e.name) not in must and (e.headline or e.count >= 2)]
    chosen_topics = _strong_topics(topics, taxonomy, {fold(e.name) for e in entities})
    entity_slots = max(limit - len(chosen_topics), 1)
    chosen = salient[:entity_slots]
    once_slots = min(entity_slots, taxonomy.max_tags - len(chosen_topics)) - len(chosen)
    chosen += [e for e in named if e not in salient][:max(once_slots, 0)]
    chosen.sort(key=lambda e: (-e.score, e.first))
    chosen_topics = chosen_topics[:limit - len(chosen)]
    return Tags(
        people=[e.name for e in chosen if e.kind == "person"],
        places=[e.name for e in chosen if e.kind == "place"],
        organisations=[e.name for e in chosen if e.kind == "organisation"],
        topics=[e.name for e in chosen if e.kind == "topic"] + chosen_topics,
        ranked=[e.name for e in chosen] + chosen_topics,
    )
