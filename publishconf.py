"""Production settings: `make publish SITEURL=https://example.org/digest/` builds output/ for that URL."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = os.environ.get("NEWSDIGEST_SITE_URL", SITEURL).rstrip("/")  # noqa: F405
# FEED_DOMAIN is the public address of every absolute URL: feeds, canonical and OpenGraph URLs, JSON-LD,
# sitemap.xml, robots.txt and the links of 404.html (which a server shows at any depth).
FEED_DOMAIN = SITEURL
# Page links stay relative so the site also works from a subpath, a mirror or disk; feeds are absolute.
RELATIVE_URLS = True
