"""Write stage: an enriched article to Markdown with YAML front matter (through python-frontmatter)."""

from __future__ import annotations

import re

import frontmatter

from generator.model import Article, Block
from generator.schema import as_name, clean_text, clean_values

# Markdown punctuation that would change the meaning of seed text; escaped with a backslash.
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]{}])")
# A line start that Markdown would read as a heading, quote, list item, rule or code fence.
_BLOCK_START = re.compile(r"^(\s*)([#>+\-]|~~~|\d+[.)](?=\s|$))")


def escape_markdown(text: str) -> str:
    """Seed text as Markdown that renders to exactly that text (no markup, no raw HTML), cleaned of what no page
    or feed may carry (see schema.clean_text)."""
    text = clean_text(text).replace("&", "&amp;").replace("<", "&lt;")
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    text = " ".join(text.split())
    return _BLOCK_START.sub(_escape_block_start, text)


def _escape_block_start(match: re.Match) -> str:
    marker = match.group(2)
    if marker[0].isdigit():
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def render_block(block: Block) -> str:
    """One body block as Markdown: a paragraph, a `##` subhead, a bulleted or a numbered list."""
    if block.kind == "subhead":
        return "## " + escape_markdown(block.text)
    if block.kind == "list":
        return "\n".join("- " + escape_markdown(item) for item in block.items)
    if block.kind == "numbered":
        return "\n".join(f"{number}. " + escape_markdown(item) for number, item in enumerate(block.items, start=1))
    return escape_markdown(block.text)


def render_body(article: Article) -> str:
    """The article body as Markdown, blocks separated by blank lines."""
    return "\n\n".join(render_block(block) for block in article.body) + "\n"


def front_matter(article: Article) -> dict:
    """The front-matter fields of an article, in a stable order; folder defaults fill the empty ones, sidecar
    overrides win."""
    place_tag = next(iter(usable_names([article.tags.dateline_place])), None)
    fields: dict = {
        "title": article.headline,
        "summary": article.lede,
        "date": article.date,
        "date_source": article.date_source,
        "time": f"{article.time:%H:%M}" if article.time else None,
        "dateline": article.dateline.raw or None,
        "place": article.dateline.place,
        "place_tag": place_tag if place_tag != article.dateline.place else None,
        "region": article.dateline.region,
        "source": article.agency,
        "byline": article.byline,
        "tags": usable_names(article.tags.ranked),
        "people": usable_names(article.tags.people),
        "places": usable_names(article.tags.places),
        "organisations": usable_names(article.tags.organisations),
        "topics": usable_names(article.tags.topics),
        "slug": article.slug,
        "seed": article.seed.as_posix(),
    }
    if article.headline_original and article.headline_original != article.headline:
        fields["title_original"] = article.headline_original
    if article.signoff:
        fields["signoff"] = article.signoff
    if article.credits:
        fields["credits"] = article.credits
    fields.update({key: value for key, value in article.defaults.items() if fields.get(key) in (None, [], "")})
    fields.update(article.overrides)
    return clean_values({key: value for key, value in fields.items() if key == "tags" or value not in (None, [])})


def usable_names(names: list[str | None]) -> list[str]:
    """The tagger's names that can name a page (see schema.as_name); a run of words too long for one is no tag."""
    usable = []
    for name in names:
        try:
            usable.append(as_name(name))
        except ValueError:
            continue
    return usable


def render_article(article: Article) -> str:
    """The whole content file: front matter then Markdown body."""
    post = frontmatter.Post(render_body(article), **front_matter(article))
    return frontmatter.dumps(post, sort_keys=False, width=1000) + "\n"
