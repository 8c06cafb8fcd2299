"""Site context: what list and index pages show, worked out once after Pelican has read every story.

Each function is a handler of Pelican's article_generator_pretaxonomy or _finalized signal and adds to the
generator's context (the template variables) or to the stories; none replaces Pelican code."""

from __future__ import annotations

from collections import Counter

from pelican.urlwrappers import Tag

from generator.search_index.aliases import alias_groups
from generator.search_index.plugin import aliases_path
from generator.site.places import group_places
from generator.site.reader import TAG_TYPES
from generator.tagging.text import fold

OTHER_TAGS = "Tags"  # the group of tags of no known type
OTHER_INITIAL = "#"  # the A-Z index's letter for names that begin with a digit or another script's letter


def newest_first(article) -> tuple[float, str]:
    """ARTICLE_ORDER_BY: newest first, stories of the same time by slug (what Pelican gives when it groups
    translations by slug first; we have no translations, so pelicanconf.py turns that quadratic step off)."""
    return -article.date.timestamp(), article.slug


def file_under_dateline_place(generator) -> None:
    """Tag every story with its dateline place too, so each place has a page and feeds."""
    settings = generator.settings
    for article in generator.articles:
        place = dateline_place(article)
        if not place:
            continue
        tag = Tag(str(place), settings)
        if tag.slug in {existing.slug for existing in article.tags}:
            continue
        article.tags.append(tag)
        add_to_group(article.tag_groups, "Places", tag)


def dateline_place(article) -> str | None:
    """The place a story was filed from, under its tag name (`place_tag`: "Kyiv" for a "KIEV" dateline)."""
    return getattr(article, "place_tag", None) or getattr(article, "place", None)


def add_to_group(groups: list[tuple[str, list[Tag]]], label: str, tag: Tag) -> None:
    """Append a tag to its type's group, creating the group in TAG_TYPES order when missing."""
    order = [name for _, name in TAG_TYPES] + [OTHER_TAGS]
    for name, members in groups:
        if name == label:
            members.append(tag)
            return
    position = sum(1 for name, _ in groups if order.index(name) < order.index(label))
    groups.insert(position, (label, [tag]))


def tag_index(generator) -> None:
    """Give templates `tag_groups` (every tag with its story count, grouped by type) and `tag_types`; each Tag
    its `group` (its type's label), which its page shows."""
    counts: Counter = Counter()
    types: dict[str, str] = {}
    tags: dict[str, Tag] = {}
    for article in generator.articles:
        for label, members in article.tag_groups:
            for tag in members:
                counts[tag.slug] += 1
                types.setdefault(tag.slug, label)
                tags[tag.slug] = tag
    grouped = []
    for _, label in (*TAG_TYPES, ("tags", OTHER_TAGS)):
        members = sorted((tag for slug, tag in tags.items() if types[slug] == label), key=lambda t: (-counts[t.slug], t.name.casefold()))
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

