"""Site context: what list and index pages show, worked out once after Pelican has read every story.

Each function is a handler of Pelican's article_generator_pretaxonomy or _finalized signal and adds to the
generator's context (the template variables) or to the stories; none replaces Pelican code."""

from __future__ import annotations

import hashlib
from collections import Counter

from pelican.urlwrappers import Tag

from generator.search_index.aliases import alias_groups, aliases_path
from generator.site.places import group_places
from generator.site.reader import TAG_TYPES
from generator.tagging.text import fold
from generator.site.related import unique_tags

OTHER_TAGS = "Tags"  # the group of tags of no known type
OTHER_INITIAL = "#"  # the A-Z index's letter for names that begin with a digit or another script's letter


def newest_first(article) -> tuple[float, bytes]:
    """ARTICLE_ORDER_BY: newest first (to the minute where the filing time is known), stories of the same time in
    an order that is stable from build to build and unrelated to the alphabet (a digest of the slug). Pelican
    would order by slug first to group translations; we have none, so pelicanconf.py turns that quadratic step
    off."""
    return -article.date.timestamp(), hashlib.blake2b(article.slug.encode("utf-8"), digest_size=8).digest()


def file_under_dateline_place(generator) -> None:
    """File every story under its dateline place too, so each place's page and feeds list the stories filed from
    there. The place's Tag is the story's `filed_from`; a place the story's own tags leave out (a city it does
    not discuss) is added to the tags Pelican files it under, not to `shown_tags`, the tags a reader sees."""
    settings = generator.settings
    for article in generator.articles:
        article.shown_tags = article.tags
        place = dateline_place(article)
        if not place:
            continue
        tag = article.filed_from = Tag(str(place), settings)
        if tag.slug not in {existing.slug for existing in article.tags}:
            article.tags = [*article.tags, tag]  # a new list: the read cache keeps the story's own


def dateline_place(article) -> str | None:
    """The place a story was filed from, under its tag name (`place_tag`: "Kyiv" for a "KIEV" dateline)."""
    return getattr(article, "place_tag", None) or getattr(article, "place", None)


def tag_index(generator) -> None:
    """Give templates `tag_groups` (every tag with its story count, grouped by type) and `tag_types`; each Tag
    its `group` (its type's label), which its page shows. A place only some stories are filed from counts them
    too, and is a place."""
    counts: Counter = Counter()
    types: dict[str, str] = {}
    tags: dict[str, Tag] = {}
    for article in generator.articles:
        for label, members in article.tag_groups:
            for tag in members:
                types.setdefault(tag.slug, label)
        filed_from = getattr(article, "filed_from", None)
        if filed_from is not None:
            types.setdefault(filed_from.slug, "Places")
        for tag in unique_tags(article.tags):
            counts[tag.slug] += 1
            tags[tag.slug] = tag
    grouped = []
    for _, label in (*TAG_TYPES, ("tags", OTHER_TAGS)):
        members = sorted((tag for slug, tag in tags.items() if types.get(slug, OTHER_TAGS) == label),
                         key=lambda t: (-counts[t.slug], t.name.casefold()))
        if members:
            grouped.append((label, [(tag, counts[tag.slug]) for tag in members]))
    generator.context["tag_groups"] = grouped
    generator.context["tag_letters"] = by_letter([(tag, counts[slug]) for slug, tag in tags.items()])
    generator.context["tag_types"] = types
    for article in generator.articles:  # every Tag object: a story read from the cache has its own
        for tag in article.tags:
            tag.group = types.get(tag.slug, OTHER_TAGS)


def by_letter(entries: list[tuple[Tag, int]]) -> list[tuple[str, list[tuple[Tag, int]]]]:
    """(tag, count) entries A to Z under their initial letter (accents folded: Ålesund under A); names that begin
    with no letter of A to Z last, under OTHER_INITIAL."""
    letters: dict[str, list[tuple[Tag, int]]] = {}
    for entry in sorted(entries, key=lambda entry: (fold(entry[0].name), entry[0].slug)):
        initial = fold(entry[0].name)[:1].upper()
        letters.setdefault(initial if "A" <= initial <= "Z" else OTHER_INITIAL, []).append(entry)
    return sorted(letters.items(), key=lambda item: (item[0] == OTHER_INITIAL, item[0]))


def place_index(generator) -> None:
    """Give templates `place_groups`: every place tag under its country, the others apart (generator.site.places)."""
    types = generator.context.get("tag_types", {})
    places = {tag: stories for tag, stories in generator.tags.items() if types.get(tag.slug) == "Places"}
    generator.context["place_groups"] = group_places(places, aliases=alias_groups(aliases_path(generator.settings)))


def period_neighbours(generator) -> None:
    """Give templates `period_neighbours`: archive file -> (older, newer) archive of the same kind, or None, each
    as its URL and period only, so that a new story changes no archive page but its own periods'."""
    neighbours = {}
    for archives in generator.period_archives.values():
        links = [{"url": archive["url"], "period": archive["period"]} for archive in archives]
        for index, archive in enumerate(archives):
            newer = links[index - 1] if index > 0 else None
            older = links[index + 1] if index + 1 < len(archives) else None
            neighbours[archive["save_as"]] = (older, newer)
    generator.context["period_neighbours"] = neighbours


def link_neighbours(generator) -> None:
    """Give each story its older and newer neighbour in time (Pelican sorts `articles` newest first)."""
    articles = generator.articles
    for index, article in enumerate(articles):
        article.newer_article = articles[index - 1] if index > 0 else None
        article.older_article = articles[index + 1] if index + 1 < len(articles) else None

