"""Re-sends and updates once: the same agency's story filed again is one page, a later version replaces the
earlier one (keeping its date and address, saying "Updated"), an address already published keeps working, and
a story edited by hand is never merged away. Fixtures are written here in the style of each wire."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import frontmatter

from generator.build import build_site
from generator.ingest import ingest
from generator.resends import Filing, find_groups, relation, words_of

BODY = [
    "The finance minister of Moldova resigned on Tuesday after parliament rejected his draft budget for next year, "
    "saying he could not carry out spending cuts that lawmakers had voted down twice in a week.",
    "Ion Ciobanu, who took office in March, told reporters outside the government building that the coalition had "
    "lost the discipline needed to pass a budget that creditors would accept.",
    "The International Monetary Fund has tied the next tranche of a standby loan to a deficit target of three per "
    "cent of gross domestic product, which the rejected draft would have met.",
    "Prime Minister Andrei Sangheli said a successor would be named within days and that talks with the fund would "
    "go on as planned.",
]
MORE = [
    "Opposition deputies said they would call a confidence vote in the government next week, arguing that the "
    "cabinet had run out of ideas for the country's energy debts.",
    "The leu weakened to a record low against the dollar in late trading on the interbank market, dealers said.",
]


def reuters_web(headline: str, stamp: str, paragraphs: list[str], furniture: bool = False, width: int = 0) -> str:
    """A story as the Reuters site of the 2000s laid it out, optionally with page furniture and hard wrapping."""
    lead = f"CHISINAU (Reuters) - {paragraphs[0]}"
    paragraphs = [lead, *paragraphs[1:]]
    if width:
        paragraphs = [textwrap.fill(paragraph, width) for paragraph in paragraphs]
    top = ["Share this article", "Email | Print", ""] if furniture else []
    bottom = ["", "Read more: Europe's poorest country faces budget crunch", "ADVERTISEMENT"] if furniture else []
    return "\n".join([*top, headline, "", stamp, "", "\n\n".join(paragraphs), "", "(Reporting by Alexei Rusu)",
                      *bottom]) + "\n"


def afp_wire(headline: str) -> str:
    """The same event told by AFP, in its own words."""
    return (f"{headline}\n\nCHISINAU, Oct 3, 1995 (AFP) - Moldova's finance minister quit on Tuesday, a day after "
            "deputies threw out his spending plan for a second time, leaving the former Soviet republic without a "
            "budget as winter approaches and its gas bills to Russia mount.\n\nIon Ciobanu said in a short statement "
            "that he could no longer answer for public finances. The prime minister accepted the resignation and "
            "promised a new nominee quickly.\n\nWestern lenders have made further credit conditional on deep cuts.\n")


def add(seeds: Path, name: str, text: str) -> None:
    (seeds / name).write_text(text, encoding="utf-8")


def pages(content: Path) -> dict[str, frontmatter.Post]:
    """Every story (not redirect pages) by seed."""
    posts = [frontmatter.load(path) for path in sorted(content.rglob("*.md"))]
    return {post["seed"]: post for post in posts if "moved_to" not in post.metadata}


def filing(key: str, text: str, agency: str = "reuters", headline: str = "budget row", rank: int = 0,
           place: str = "chisinau", time: str = "") -> Filing:
    import datetime as dt
    from collections import Counter

    return Filing(key, agency, headline, rank, place, dt.date(1995, 10, 3), time, Counter(words_of(text)))


def test_relation_tells_resends_updates_and_other_stories_apart() -> None:
    story = " ".join(BODY)
    wrapped = textwrap.fill(story, 40)
    assert relation(filing("a", story), filing("b", wrapped)) == "resend"
    assert relation(filing("a", story), filing("b", story.replace("Tuesday", "Tusday"))) == "resend"  # a typo
    assert relation(filing("a", story), filing("b", story + " " + " ".join(MORE))) == "update"  # more text
    assert relation(filing("a", story), filing("b", " ".join(BODY[:3]) + " A new last line.", rank=1)) == "update"
    assert relation(filing("a", story), filing("b", story, agency="afp")) is None  # another agency's
    assert relation(filing("a", story), filing("b", " ".join(MORE) * 3)) is None  # only the headline in common
    assert relation(filing("a", story), filing("b", story, headline="markets close higher")) is None


def test_groups_are_found_without_comparing_every_pair() -> None:
    stories = [filing(f"s{number}", f"unique{number} " + " ".join(BODY[number % 4:]) + f" tail{number} " * 30)
               for number in range(200)]
    copy = filing("copy", f"unique7 {' '.join(BODY[3:])}" + " tail7 " * 30)
    groups = find_groups([*stories, copy])
    assert [[member.key for member in group.members] for group in groups] == [["copy", "s7"]] or \
        [[member.key for member in group.members] for group in groups] == [["s7", "copy"]]


def test_a_resend_and_an_update_are_one_page_each_and_other_stories_stay(project: Path) -> None:
    seeds, content = project / "seeds", project / "content"
    headline = "Moldovan finance minister resigns over budget"
    add(seeds, "reuters-1.txt", reuters_web(headline, "Tue Oct 3, 1995 9:12am GMT", BODY))
    add(seeds, "copy-of-1.txt", reuters_web(headline, "Tue Oct 3, 1995 9:40am GMT", BODY, furniture=True, width=64))
    add(seeds, "reuters-1-update.txt", reuters_web("UPDATE 1-" + headline, "Tue Oct 3, 1995 3:05pm GMT",
                                                   [*BODY, *MORE]))
    add(seeds, "afp.txt", afp_wire("Moldovan finance minister resigns over budget"))
    add(seeds, "decoy.txt", reuters_web("Moldovan finance minister resigns over budget", "Wed Oct 3, 2001 8:00am GMT",
                                        [paragraph.replace("Moldova", "Georgia") for paragraph in MORE * 3]))
    report = ingest(seeds, content)
    assert report.ok, report.failures
    stories = pages(content)
    assert sorted(stories) == ["afp.txt", "decoy.txt", "reuters-1-update.txt"]
    kept = stories["reuters-1-update.txt"]
    assert kept["duplicates"] == ["copy-of-1.txt", "reuters-1.txt"]
    assert str(kept["date"]) == "1995-10-03" and kept["time"] == "09:12"  # the first filing's
    assert str(kept["updated"]) == "1995-10-03 15:05:00"
    assert "leu weakened" in kept.content  # the latest version's text
    assert ingest(seeds, content).parsed == []  # nothing to do the second time

    build_site(content, project / "output", settings_file=project / "pelicanconf.py")
    page = (project / "output" / "1995" / "10" / "03" / f"{kept['slug']}.html").read_text(encoding="utf-8")
    assert re.search(r'class="updated">Updated <time datetime="1995-10-03T15:05:00[^"]*">3 October 1995, 15:05</time>',
                     page)


def test_an_address_already_published_keeps_working(project: Path) -> None:
    seeds, content = project / "seeds", project / "content"
    add(seeds, "late-copy.txt", reuters_web("Moldovan finanse minister resigns over budget",
                                            "Tue Oct 3, 1995 9:40am GMT", BODY, width=70))
    assert ingest(seeds, content).ok
    old = next(content.rglob("*.md")).relative_to(content).as_posix()
    assert old == "1995/10/moldovan-finanse-minister-resigns-over-budget.md"
    add(seeds, "first.txt", reuters_web("Moldovan finance minister resigns over budget", "Tue Oct 3, 1995 9:12am GMT",
                                        BODY))
    report = ingest(seeds, content)
    assert report.ok, report.failures
    assert sorted(pages(content)) == ["first.txt"] and pages(content)["first.txt"]["duplicates"] == ["late-copy.txt"]
    redirect = frontmatter.load(content / old)
    assert redirect["moved_to"] == "1995/10/moldovan-finance-minister-resigns-over-budget.md"
    assert redirect["status"] == "hidden" and redirect["seed"] == "late-copy.txt"
    manifest = json.loads((content / ".newsdigest.json").read_text())["stories"]
    assert manifest[old]["redirect"] is True
    assert ingest(seeds, content).parsed == []

    build_site(content, project / "output", settings_file=project / "pelicanconf.py", site_url="https://example.org")
    page = (project / "output" / "1995" / "10" / "03" / "moldovan-finanse-minister-resigns-over-budget.html").read_text()
    target = "1995/10/03/moldovan-finance-minister-resigns-over-budget.html"
    assert f'<meta http-equiv="refresh" content="0; url=../../../{target}">' in page  # works from disk too
    assert f'<link rel="canonical" href="https://example.org/{target}">' in page
    assert '>Moldovan finance minister resigns over budget</a>' in page
    listed = (project / "output" / "index.html").read_text()
    assert "finanse" not in listed and "finance-minister" in listed

    (seeds / "first.txt").unlink()  # the seed kept is gone: its copy has its own story again
    assert ingest(seeds, content).ok
    assert sorted(pages(content)) == ["late-copy.txt"] and "duplicates" not in pages(content)["late-copy.txt"].metadata


def test_a_story_edited_by_hand_is_never_merged_away(project: Path) -> None:
    seeds, content = project / "seeds", project / "content"
    add(seeds, "late-copy.txt", reuters_web("Moldovan finance minister resigns over budget",
                                            "Tue Oct 3, 1995 9:40am GMT", BODY, width=70))
    assert ingest(seeds, content).ok
    story = next(content.rglob("*.md"))
    story.write_text(story.read_text() + "\nAn editor's note.\n")
    add(seeds, "first.txt", reuters_web("Moldovan finance minister resigns over budget", "Tue Oct 3, 1995 9:12am GMT",
                                        BODY))
    report = ingest(seeds, content)
    assert story.read_text().endswith("An editor's note.\n")
    assert sorted(pages(content)) == ["first.txt", "late-copy.txt"]
    notes = [line for line in report.warnings if "not merged" in line]
    assert len(notes) == 1 and str(story) in notes[0] and "first.txt" in notes[0]


def test_copies_of_a_story_of_no_known_agency_are_one_story(project) -> None:
    from generator.ingest import ingest

    text = ("Palm oil futures end higher on firm soyoil\nKUALA LUMPUR 1996-10-08\n\nMalaysian crude palm oil futures "
            "ended higher on Tuesday, tracking firmer soyoil prices on the Chicago Board of Trade, dealers said. "
            "The benchmark December contract rose 12 ringgit to 1,215 ringgit a tonne. Trading volume was thin as "
            "buyers waited for export figures due later in the week, dealers added.\n")
    for name in ("a.txt", "1996-10-08-b.txt", "sub/1996-10-08-c.txt"):
        (project / "seeds" / name).parent.mkdir(exist_ok=True)
        (project / "seeds" / name).write_text(text, encoding="utf-8")
    report = ingest(project / "seeds", project / "content", default_year=1996)
    stories = [path for path in (project / "content").rglob("*.md")]
    assert report.ok and len(stories) == 1, [str(path) for path in stories]
