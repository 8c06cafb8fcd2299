"""Feed entries made once per build (generator.site.patches): the same bytes as feedgenerator, less work."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from feedgenerator import Atom1Feed, Rss201rev2Feed

from generator.site.patches import FeedEntries

SITE = "https://example.org/digest"


@dataclass(eq=False)
class Story:
    """What a feed entry is made of; hashed by identity, as Pelican's Content is."""

    number: int
    title: str
    url: str
    date: dt.datetime


def story(number: int) -> Story:
    return Story(number, f"Story <{number}> & more", f"2024/03/0{number}/s{number}.html",
                 dt.datetime(2024, 3, number, 12, tzinfo=dt.timezone.utc))


def add_entry(feed, item) -> None:
    """A stand-in for Pelican's Writer._add_item_to_the_feed, counting its calls."""
    add_entry.calls += 1
    feed.add_item(title=item.title, link=f"{SITE}/{item.url}", description=f"<p>Body of {item.number} & co</p>",
                  content=f"<p>Full text of {item.number}</p>", pubdate=item.date, unique_id=f"tag:{item.number}",
                  categories=["Athens", "Sergey Lavrov"], author_name="TASS")


def feeds(kind, entries: FeedEntries | None, stories: list, title: str):
    feed = kind(title=title, link=SITE + "/", description="Wire stories", feed_url=f"{SITE}/{title}.xml")
    if entries is not None:
        entries.use_in(feed)
    for item in stories:
        if entries is None:
            add_entry(feed, item)
        else:
            entries.add(feed, item, SITE, add_entry)
    return feed


@pytest.mark.parametrize("kind", [Atom1Feed, Rss201rev2Feed])
def test_feeds_sharing_stories_are_written_byte_for_byte_as_feedgenerator_writes_them(kind) -> None:
    stories = [story(number) for number in (1, 2, 3)]
    groups = {"all": stories, "athens": stories[:2], "lavrov": stories[1:]}
    add_entry.calls = 0
    plain = {name: feeds(kind, None, group, name).writeString("utf-8") for name, group in groups.items()}
    assert add_entry.calls == 7
    add_entry.calls = 0
    entries = FeedEntries()
    cached = {name: feeds(kind, entries, group, name).writeString("utf-8") for name, group in groups.items()}
    assert add_entry.calls == 3  # one entry per story
    assert len(entries.xml) == 3  # and one serialisation
    assert cached == plain
    assert cached["all"].count("<entry>" if kind is Atom1Feed else "<item>") == 3


def test_an_entry_changed_after_it_was_written_is_written_again() -> None:
    entries = FeedEntries()
    first = feeds(Rss201rev2Feed, entries, [story(1)], "one")
    assert 'isPermaLink' not in first.writeString("utf-8")
    second = feeds(Rss201rev2Feed, entries, [story(1)], "two")
    second.items[0]["unique_id_is_permalink"] = False
    assert '<guid isPermaLink="false">tag:1</guid>' in second.writeString("utf-8")


def test_entries_are_kept_per_feed_type_and_site_url() -> None:
    entries = FeedEntries()
    add_entry.calls = 0
    item = story(1)
    for kind in (Atom1Feed, Rss201rev2Feed):
        feed = feeds(kind, entries, [], "x")
        entries.add(feed, item, SITE, add_entry)
        entries.add(feed, item, "http://localhost:8000", add_entry)
    assert add_entry.calls == 4
