"""Where the real checks' tools live (npm packages in tools/, Debian's Chromium) and the corpus site's shape."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from conftest import PROJECT

TOOLS = PROJECT / "tools" / "node_modules"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = TOOLS / "axe-core" / "axe.min.js"
LIGHTHOUSE = TOOLS / "lighthouse" / "cli" / "index.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
ARTIFACTS = PROJECT / "test-artifacts"
PREFIX = "digest"
SEED = PROJECT / "seeds" / "000_5c9cc7032a8f1c3d.txt"
SEED_SLUG = "lavrov-hopes-us-will-keep-promise-on-separating-syrian-opposition-terrorists"
# The event fixtures' earthquake, told by TASS, Reuters and AP: its fullest version leads the front page's top day.
QUAKE_PAGE = "2025/03/11/quake-of-magnitude-5-9-kills-two-in-turkey-s-malatya-province.html"
# The pages the browser checks look at, by name: path inside the site.
KEY_PAGES = {
    "front": "index.html",
    "article": f"2016/11/02/{SEED_SLUG}.html",
    "tag-index": "tags/index.html",
    "tag": "tag/sergey-lavrov/index.html",
    "search": "search/index.html",
    "about": "pages/about.html",
    "coverage": QUAKE_PAGE,
}
# The corpus site's About page (content/pages/about.md), a Pelican page in YAML front matter.
ABOUT_PAGE = """---
title: About newsdigest
menulabel: About
summary: What this site is and where its stories come from.
---
This digest gathers **wire stories** from news agencies and files each under its people, places, organisations
and topics. Every story links to the [tags](../tags/index.html) it carries and to *earlier coverage*.

## Where the stories come from

- TASS, from Moscow
- Reuters, from its bureaux
"""


@dataclass(frozen=True)
class Site:
    """A built site: its folder (served as /digest/ of www) and its public address."""

    www: Path
    port: int

    @property
    def output(self) -> Path:
        """The site's own folder."""
        return self.www / PREFIX

    @property
    def url(self) -> str:
        """The address the site was built for and is served at, ending in /."""
        return f"http://127.0.0.1:{self.port}/{PREFIX}/"


def axe_violations(page) -> list[str]:
    """Run axe-core in the page: one line per violation, with the first few offending elements."""
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate("async () => (await axe.run(document)).violations.map(v => "
                               "[v.id, v.impact, v.help, v.nodes.slice(0, 3).map(n => n.target.join(' '))])")
    return [f"{rule} ({impact}): {help_text} at {targets}" for rule, impact, help_text, targets in violations]
