"""Feed entries made once per build: a story is in the site's feeds, its source's and each of its tags' feeds,
and Pelican builds and serialises its entry again for each of them (a fifth of the page-writing time).

`FeedEntries` keeps, per feed type and site URL, the entry feedgenerator built for a story, and the XML that
feedgenerator wrote for it; every later feed with that story copies the XML. The bytes are feedgenerator's own:
each entry is written by its code, once, and reused only while the entry is unchanged.

An entry is one dict shared by every feed of that type with the story: a `feed_generated` handler may replace a
field (the XML is then written again), but what it sets is seen by every feed, so it must set the same for all
(ours marks RSS guids as not permalinks) and not change a field's list in place."""

from __future__ import annotations

import io
from collections.abc import Callable

from feedgenerator import Atom1Feed, SyndicationFeed
from feedgenerator.django.utils.xmlutils import SimplerXMLGenerator


class FeedEntries:
    """A build's feed entries, by feed type, story and site URL, and the XML of each."""

    def __init__(self) -> None:
        self.entries: dict[tuple, dict] = {}
        self.xml: dict[int, tuple[dict, dict, str]] = {}  # id(entry) -> (entry, its fields when written, XML)

    def add(self, feed: SyndicationFeed, story, site_url: str, build: Callable[[SyndicationFeed, object], None]) -> None:
        """Put the story's entry in the feed: the one made before for this feed type, or a new one by build()."""
        key = (type(feed), story, site_url)
        entry = self.entries.get(key)
        if entry is None:
            build(feed, story)
            self.entries[key] = feed.items[-1]
        else:
            feed.items.append(entry)

    def use_in(self, feed: SyndicationFeed) -> SyndicationFeed:
        """Make the feed write its entries from this cache."""
        feed.write_items = lambda handler: self.write_items(feed, handler)
        return feed

    def write_items(self, feed: SyndicationFeed, handler: SimplerXMLGenerator) -> None:
        """feedgenerator's write_items, with each entry's XML written once and copied after."""
        for entry in feed.items:
            handler._finish_pending_start_element()  # as startElement would: close the tag before
            handler._write(self.entry_xml(feed, entry))

    def entry_xml(self, feed: SyndicationFeed, entry: dict) -> str:
        """The entry's XML as feedgenerator writes it; written again if a feed_generated handler has replaced
        one of its fields since (ours sets the same value in every feed)."""
        known = self.xml.get(id(entry))
        if known is None or known[1] != entry:
            element = "entry" if isinstance(feed, Atom1Feed) else "item"
            text = io.StringIO()
            handler = SimplerXMLGenerator(text, "utf-8", short_empty_elements=True)
            handler.startElement(element, feed.item_attributes(entry))
            feed.add_item_elements(handler, entry)
            handler.endElement(element)
            known = self.xml[id(entry)] = (entry, dict(entry), text.getvalue())
        return known[2]
