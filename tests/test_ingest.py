"""Ingest: content files from seeds, stable unique slugs, idempotence, hand edits kept, bad seeds reported."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import frontmatter

from conftest import PROJECT, corpus_folder
from generator.ingest import SlugBook, ingest

SEED = PROJECT / "seeds" / "000_5c9cc7032a8f1c3d.txt"
TASS_LAYOUT = "All news\n\n{headline}\n\nA lede line that says a little more than the headline\n\nMOSCOW, December 26. /TASS/. {body}\n\nSecond paragraph.\n"


def add_seed(seeds: Path, name: str, text: str, year: int | None = 2024) -> Path:
    path = seeds / name
    path.write_text(text, encoding="utf-8")
    if year:
        path.with_suffix(".yaml").write_text(f"year: {year}\n", encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_seed_becomes_a_dated_content_file_with_its_front_matter(project: Path) -> None:
    shutil.copy(SEED, project / "seeds")
    shutil.copy(SEED.with_suffix(".yaml"), project / "seeds")
    report = ingest(project / "seeds", project / "content")
    assert report.ok and len(report.written) == 1
    path = project / "content" / "2016" / "11" / "lavrov-hopes-us-will-keep-promise-on-separating-syrian-opposition-terrorists.md"
    post = frontmatter.load(path)
    assert post["date"].isoformat() == "2016-11-02" and post["date_source"] == "sidecar"
    assert post["dateline"] == "ATHENS, November 2. /TASS/." and post["place"] == "Athens"
    assert post["source"] == "TASS" and post["seed"] == "000_5c9cc7032a8f1c3d.txt"
    assert 1 <= len(post["tags"]) <= 12 and "Sergey Lavrov" in post["tags"]
    assert "## Russia, US, Saudi Arabia, Qatar, Turkey seek to solve Syrian crisis together" in post.content


def test_second_ingest_changes_no_byte(project: Path) -> None:
    for path in sorted(corpus_folder("tass").glob("*.txt"))[:4]:
        add_seed(project / "seeds", path.name, path.read_text())
    ingest(project / "seeds", project / "content")
    before = snapshot(project / "content")
    report = ingest(project / "seeds", project / "content")
    assert report.written == [] and snapshot(project / "content") == before


def test_a_seed_is_parsed_again_when_its_sidecar_or_the_taxonomy_changes(project: Path) -> None:
    seeds, content, taxonomy = project / "seeds", project / "content", project / "tags.yaml"
    add_seed(seeds, "a.txt", TASS_LAYOUT.format(headline="Talks in Moscow", body="Talks went on."))
    add_seed(seeds, "b.txt", TASS_LAYOUT.format(headline="Trade in Minsk", body="Trade grew."))

    def parsed_by_ingest() -> list[str]:
        report = ingest(seeds, content, taxonomy_path=taxonomy)
        assert report.ok
        return sorted(report.parsed)

    assert parsed_by_ingest() == ["a.txt", "b.txt"]
    assert parsed_by_ingest() == []
    (seeds / "a.yaml").write_text("year: 2023\n", encoding="utf-8")
    assert parsed_by_ingest() == ["a.txt"]
    assert (content / "2023" / "12" / "talks-in-moscow.md").is_file()
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert parsed_by_ingest() == ["a.txt", "b.txt"]
    assert parsed_by_ingest() == []


def test_colliding_headlines_get_stable_suffixes(project: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        add_seed(project / "seeds", name, TASS_LAYOUT.format(headline="Same headline", body="Text."))
    ingest(project / "seeds", project / "content")
    names = sorted(path.name for path in (project / "content" / "2024" / "12").glob("*.md"))
    assert names == ["same-headline-2.md", "same-headline-3.md", "same-headline.md"]
    os.remove(project / "seeds" / "a.txt")
    add_seed(project / "seeds", "0.txt", TASS_LAYOUT.format(headline="Same headline", body="New."))
    ingest(project / "seeds", project / "content")
    owners = {path.name: frontmatter.load(path)["seed"] for path in (project / "content" / "2024" / "12").glob("*.md")}
    assert owners["same-headline-2.md"] == "b.txt" and owners["same-headline-3.md"] == "c.txt"
    assert owners["same-headline.md"] == "0.txt"


def test_symbols_only_headline_still_gets_an_ascii_slug(project: Path) -> None:
    add_seed(project / "seeds", "sym.txt", TASS_LAYOUT.format(headline="??? — !!! ***", body="Text."))
    add_seed(project / "seeds", "cyr.txt", TASS_LAYOUT.format(headline="Путин: «Орешник»", body="Text."))
    report = ingest(project / "seeds", project / "content")
    assert report.ok
    slugs = sorted(path.stem for path in (project / "content").rglob("*.md"))
    assert slugs[0] == "putin-oreshnik" and slugs[1].startswith("story-")
    assert all(slug.isascii() for slug in slugs)


def test_a_headline_that_slugs_to_a_site_page_s_name_gets_another_slug(project: Path) -> None:
    add_seed(project / "seeds", "index.txt", TASS_LAYOUT.format(headline="INDEX", body="Text."))
    report = ingest(project / "seeds", project / "content")
    assert report.ok and [Path(path).name for path in report.written] == ["index-story.md"]


def test_a_content_file_deleted_by_hand_is_written_again_and_check_says_so(project: Path) -> None:
    from generator.check import check_records

    add_seed(project / "seeds", "one.txt", TASS_LAYOUT.format(headline="One", body="Text."))
    add_seed(project / "seeds", "two.txt", TASS_LAYOUT.format(headline="Two", body="Text."))
    ingest(project / "seeds", project / "content")
    deleted = next((project / "content").rglob("one.md"))
    before = deleted.read_bytes()
    deleted.unlink()
    problems, notes = check_records(project / "seeds", project / "content")
    assert problems == [] and notes == [f"{deleted}: deleted, but its seed one.txt is there: the next ingest writes it "
                                        "again (to take a story off the site, remove its seed)"]
    report = ingest(project / "seeds", project / "content")
    assert report.ok and deleted.read_bytes() == before and len(report.written) == 1
    assert check_records(project / "seeds", project / "content") == ([], [])


def test_a_removed_seed_whose_story_s_folder_is_gone_too_is_no_error(project: Path) -> None:
    gone = add_seed(project / "seeds", "gone.txt", TASS_LAYOUT.format(headline="Gone", body="Text."))
    add_seed(project / "seeds", "kept.txt", TASS_LAYOUT.format(headline="Kept", body="Text."), 2023)
    ingest(project / "seeds", project / "content")
    story = next((project / "content").rglob("gone.md"))
    shutil.rmtree(story.parent.parent)  # content/2024, deleted by hand along with the seed
    gone.unlink()
    report = ingest(project / "seeds", project / "content")
    assert report.ok and report.removed == [story.relative_to(project / "content").as_posix()]
    assert list((project / "content").rglob("*.md")) == list((project / "content").rglob("kept.md"))


def test_bad_seed_is_reported_by_name_and_the_others_are_written(project: Path) -> None:
    add_seed(project / "seeds", "good.txt", TASS_LAYOUT.format(headline="Good story", body="Text."))
    (project / "seeds" / "empty.txt").write_text("   \n\n")
    (project / "seeds" / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    report = ingest(project / "seeds", project / "content")
    assert not report.ok
    failed = sorted(failure.path.name for failure in report.failures)
    assert failed == ["binary.txt", "empty.txt"]
    assert all(str(failure).startswith(str(project / "seeds")) for failure in report.failures)
    assert [Path(path).name for path in report.written] == ["good-story.md"]


def test_hand_edited_story_is_never_overwritten(project: Path) -> None:
    seed = add_seed(project / "seeds", "s.txt", TASS_LAYOUT.format(headline="Story", body="Text."))
    ingest(project / "seeds", project / "content")
    story = next((project / "content").rglob("story.md"))
    story.write_text(story.read_text().replace("title: Story", "title: Story, corrected"))
    seed.write_text(TASS_LAYOUT.format(headline="Story", body="Changed text."))
    report = ingest(project / "seeds", project / "content")
    assert "title: Story, corrected" in story.read_text() and "Changed text" not in story.read_text()
    assert len(report.kept) == 1 and "hand-edited" in report.kept[0]
    report = ingest(project / "seeds", project / "content", force=True)
    assert "Changed text" in story.read_text()
    backups = list((project / "content" / ".newsdigest-backup").rglob("*.bak"))
    assert len(backups) == 1 and "Story, corrected" in backups[0].read_text()


def test_removed_seed_removes_its_story_unless_edited(project: Path) -> None:
    first = add_seed(project / "seeds", "one.txt", TASS_LAYOUT.format(headline="One", body="Text."))
    second = add_seed(project / "seeds", "two.txt", TASS_LAYOUT.format(headline="Two", body="Text."))
    ingest(project / "seeds", project / "content")
    edited = next((project / "content").rglob("two.md"))
    edited.write_text(edited.read_text() + "\nAn editor's note.\n")
    first.unlink()
    second.unlink()
    report = ingest(project / "seeds", project / "content")
    assert not list((project / "content").rglob("one.md"))
    assert edited.is_file() and any("two.md" in line for line in report.kept)


def rename_seed(seeds: Path, old: str, new: str) -> None:
    """As `mv` renames a seed and its sidecar: bytes and file times kept."""
    for suffix in (".txt", ".yaml"):
        os.rename(seeds / (old + suffix), seeds / (new + suffix))


def test_a_renamed_seed_keeps_its_story_at_its_address_edited_or_not(project: Path) -> None:
    seeds, content = project / "seeds", project / "content"
    add_seed(seeds, "one.txt", TASS_LAYOUT.format(headline="Grain deal signed", body="Text."))
    add_seed(seeds, "two.txt", TASS_LAYOUT.format(headline="Port reopens", body="Text."))
    ingest(seeds, content)
    edited = next(content.rglob("grain-deal-signed.md"))
    edited.write_text(edited.read_text() + "\nAn editor's note.\n")
    before = snapshot(content)
    (seeds / "2024").mkdir()
    rename_seed(seeds, "one", "2024/uno")
    rename_seed(seeds, "two", "dos")
    report = ingest(seeds, content)
    assert report.ok and report.removed == []
    assert sorted(path.name for path in content.rglob("*.md")) == ["grain-deal-signed.md", "port-reopens.md"]
    assert edited.read_text() == before[str(edited.relative_to(content))].decode()  # the hand edit stays
    assert frontmatter.load(next(content.rglob("port-reopens.md")))["seed"] == "dos.txt"
    assert ingest(seeds, content).written == []  # and the record now names the new seeds
    (seeds / "2024" / "uno.txt").unlink()
    assert any("grain-deal-signed.md" in line for line in ingest(seeds, content).kept)


def test_seed_that_starts_failing_keeps_its_previous_story(project: Path) -> None:
    seed = add_seed(project / "seeds", "s.txt", TASS_LAYOUT.format(headline="Story", body="Text."))
    ingest(project / "seeds", project / "content")
    seed.write_text("")
    report = ingest(project / "seeds", project / "content")
    assert not report.ok and list((project / "content").rglob("story.md"))


def test_slugs_are_handed_out_in_order_and_a_story_keeps_its_old_slug() -> None:
    book = SlugBook(taken={"kept-story"}, reserved={"oil-rises", "talks-end-2", "grain-talks"})
    assert book.assign("oil-rises", None) == "oil-rises-2"  # a new story: the old slug waits for its own story
    assert book.assign("oil-rises", "oil-rises") == "oil-rises"
    assert book.assign("kept-story", None) == "kept-story-2"
    assert book.assign("talks-end", "talks-end-2") == "talks-end-2"  # a suffixed slug is kept too
    assert book.assign("grain", "grain-talks") == "grain"  # a longer headline's slug is not kept
    assert book.assign("new-headline", "old-headline") == "new-headline"  # never reserved: a fresh slug
    assert book.assign("oil-rises", None) == "oil-rises-3"


def test_files_an_interrupted_run_wrote_are_adopted_when_exact_and_kept_otherwise(project: Path) -> None:
    seeds, content = project / "seeds", project / "content"
    for name, headline in (("a.txt", "Talks in Moscow"), ("b.txt", "Trade in Minsk"), ("c.txt", "Rain in Kyiv")):
        add_seed(seeds, name, TASS_LAYOUT.format(headline=headline, body="Text."))
    assert len(ingest(seeds, content).written) == 3
    (content / ".newsdigest.json").unlink()  # as if the run had stopped before saving its record
    edited = next(content.rglob("trade-in-minsk.md"))
    edited.write_text(edited.read_text().replace("Text.", "Text, edited."))
    report = ingest(seeds, content)
    assert sorted(Path(path).name for path in report.adopted) == ["rain-in-kyiv.md", "talks-in-moscow.md"]
    assert report.written == [] and len(report.kept) == 1 and "trade-in-minsk.md" in report.kept[0]
    assert sorted(path.name for path in content.rglob("*.md")) == ["rain-in-kyiv.md", "talks-in-moscow.md",
                                                                   "trade-in-minsk.md"]  # never a second copy
    assert "Text, edited." in edited.read_text()
    before = snapshot(content)
    again = ingest(seeds, content)
    assert again.written == [] and again.adopted == [] and snapshot(content) == before


def test_a_second_copy_of_a_story_is_reported_and_never_multiplied(project: Path) -> None:
    seeds, content = project / "seeds", project / "content"
    add_seed(seeds, "a.txt", TASS_LAYOUT.format(headline="Talks in Moscow", body="Text."))
    ingest(seeds, content)
    story = next(content.rglob("talks-in-moscow.md"))
    shutil.copy(story, story.with_name("talks-in-moscow-copy.md"))
    (content / "2024" / "by-hand.md").write_text("---\ntitle: By hand\ndate: 2024-01-02\n---\nText.\n")
    for _ in range(2):
        report = ingest(seeds, content, force=True)
        assert [line for line in report.warnings if "second story" in line] == [
            f"{story.with_name('talks-in-moscow-copy.md')}: a second story of seed a.txt (its story is {story}); "
            "left as it is: delete it if it is a copy"]
    assert sorted(path.name for path in content.rglob("*.md")) == ["by-hand.md", "talks-in-moscow-copy.md",
                                                                   "talks-in-moscow.md"]


def test_the_record_is_kept_as_each_file_is_written(project: Path, monkeypatch) -> None:
    from generator import files
    from generator.ingest import JOURNAL, read_manifest

    seeds, content = project / "seeds", project / "content"
    for name in ("a.txt", "b.txt", "c.txt"):
        add_seed(seeds, name, TASS_LAYOUT.format(headline=f"Story {name[0]}", body="Text."))
    real_write, written = files.write_atomically, []

    def stop_after_two(target, data):
        if len(written) == 2 and target.suffix == ".md":
            raise KeyboardInterrupt  # Ctrl-C while the third story is written
        real_write(target, data)
        written.append(target)

    monkeypatch.setattr(files, "write_atomically", stop_after_two)
    try:
        ingest(seeds, content)
    except KeyboardInterrupt:
        pass
    monkeypatch.setattr(files, "write_atomically", real_write)
    assert not (content / JOURNAL).exists()  # stopped by Ctrl-C: the record was saved as it stood
    stories = [path.relative_to(content).as_posix() for path in written if path.suffix == ".md"]
    assert len(stories) == 2 and sorted(read_manifest(content)) == sorted(stories)
    report = ingest(seeds, content)
    assert len(report.written) == 1 and len(report.unchanged) == 2 and report.adopted == []
    assert not (content / JOURNAL).exists() and len(read_manifest(content)) == 3


REUTERS_1987 = "{headline}\n    {dateline} - {body}\n    The talks go on next week.\n{signoff}"


def add_1987(folder: Path, name: str, headline: str, dateline: str, signoff: str = " Reuter\n") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    text = REUTERS_1987.format(headline=headline, dateline=dateline, body=f"{headline.capitalize()}, officials said.",
                               signoff=signoff)
    path.write_text(text, encoding="utf-8")
    return path


def stories_by_seed(content: Path) -> dict[str, frontmatter.Post]:
    posts = [frontmatter.load(path) for path in content.rglob("*.md")]
    return {post["seed"]: post for post in posts if "moved_to" not in post}  # not the pages at old addresses


def test_folder_defaults_apply_below_their_folder_nearest_first_after_the_text_and_sidecar(project: Path) -> None:
    seeds, content = project / "seeds", project / "content"
    archive = seeds / "reuters-1987"
    archive.mkdir()
    (archive / "_defaults.yaml").write_text("year: 1987\nsource: Reuters\nplace: London\ncredits: Reuters archive\n",
                                            encoding="utf-8")
    (archive / "late").mkdir()
    (archive / "late" / "_defaults.yml").write_text("year: 1988\n", encoding="utf-8")
    add_1987(archive, "a.txt", "BANK RAISES RATES", "LONDON, March 3", signoff="")
    add_1987(archive / "late", "b.txt", "MINERS END STRIKE", "CARDIFF, June 9")
    add_1987(archive / "late", "c.txt", "DOCKERS VOTE", "HULL, June 10")
    (archive / "late" / "c.yaml").write_text("year: 1990\n", encoding="utf-8")
    add_1987(archive, "d.txt", "OIL PRICES FALL", "HOUSTON, Dec 6, 1986")
    add_1987(archive, "1985-05-02-e.txt", "GRAIN SALES", "CHICAGO, May 2")
    add_1987(seeds, "f.txt", "WHEAT HARVEST", "OTTAWA, Aug 1")
    (seeds / "f.yaml").write_text("year: 2001\n", encoding="utf-8")

    report = ingest(seeds, content)
    assert report.ok, report.failures
    assert not any("_defaults" in name for name in report.parsed)
    posts = stories_by_seed(content)
    assert sorted(posts) == ["f.txt", "reuters-1987/1985-05-02-e.txt", "reuters-1987/a.txt", "reuters-1987/d.txt",
                             "reuters-1987/late/b.txt", "reuters-1987/late/c.txt"]
    dated = {seed: (str(post["date"]), post["date_source"]) for seed, post in posts.items()}
    assert dated["reuters-1987/a.txt"] == ("1987-03-03", "folder")
    assert dated["reuters-1987/late/b.txt"] == ("1988-06-09", "folder")  # the nearer folder wins
    assert dated["reuters-1987/late/c.txt"] == ("1990-06-10", "sidecar")  # the sidecar wins over the folder
    assert dated["reuters-1987/d.txt"] == ("1986-12-06", "dateline")  # the text's year wins over the folder
    assert dated["reuters-1987/1985-05-02-e.txt"] == ("1987-05-02", "folder")  # the folder wins over the name
    assert dated["f.txt"] == ("2001-08-01", "sidecar")  # outside the folder: no defaults
    assert posts["reuters-1987/late/b.txt"]["credits"] == "Reuters archive"  # the story gives none: filled
    assert posts["reuters-1987/late/b.txt"]["place"] == "Cardiff"  # the story's own place stays
    assert "credits" not in posts["f.txt"].metadata

    assert ingest(seeds, content).parsed == []
    (archive / "_defaults.yaml").write_text("year: 1986\nsource: Reuters\n", encoding="utf-8")
    assert sorted(ingest(seeds, content).parsed) == ["reuters-1987/1985-05-02-e.txt", "reuters-1987/a.txt",
                                                     "reuters-1987/d.txt", "reuters-1987/late/b.txt",
                                                     "reuters-1987/late/c.txt"]
    assert str(stories_by_seed(content)["reuters-1987/a.txt"]["date"]) == "1986-03-03"


def test_an_unusable_folder_defaults_file_is_one_error_and_its_seeds_still_ingest(project: Path) -> None:
    seeds, content = project / "seeds", project / "content"
    add_1987(seeds / "bad", "a.txt", "BANK RAISES RATES", "LONDON, March 3")
    (seeds / "bad" / "a.yaml").write_text("year: 1987\n", encoding="utf-8")
    (seeds / "bad" / "_defaults.yaml").write_text("source: Reuters\ndate_source: folder\n", encoding="utf-8")
    add_1987(seeds / "broken", "b.txt", "MINERS END STRIKE", "CARDIFF, June 9")
    (seeds / "broken" / "b.yaml").write_text("year: 1987\n", encoding="utf-8")
    (seeds / "broken" / "_defaults.yaml").write_text("year: [1987\n", encoding="utf-8")

    report = ingest(seeds, content)
    bad, broken = sorted(str(failure) for failure in report.failures)
    assert bad == (f"{seeds / 'bad' / '_defaults.yaml'}: 'date_source' cannot be set here (the keys that can are "
                   "listed in README.md, 'Front matter')")
    assert broken.startswith(f"{seeds / 'broken' / '_defaults.yaml'}: defaults file is not valid YAML (line 2")
    assert sorted(stories_by_seed(content)) == ["bad/a.txt", "broken/b.txt"]


def test_a_hand_edited_story_whose_seed_now_gives_another_address_stays_one_story(project: Path) -> None:
    seed = add_seed(project / "seeds", "s.txt", TASS_LAYOUT.format(headline="Grain talks open", body="Text."))
    ingest(project / "seeds", project / "content")
    story = next((project / "content").rglob("*.md"))
    story.write_text(story.read_text() + "\nAn editor's note.\n")
    seed.write_text(TASS_LAYOUT.format(headline="Grain talks open in Moscow", body="Text."))
    for _ in range(3):
        report = ingest(project / "seeds", project / "content")
        assert list((project / "content").rglob("*.md")) == [story] and "An editor's note" in story.read_text()
        assert len(report.kept) == 1 and "kept where it is" in report.kept[0] and not report.written
    ingest(project / "seeds", project / "content", force=True)  # moved, the edited file backed up, and its
    old = frontmatter.load(story)  # address kept working by a page that sends readers to the story's new one
    assert old["moved_to"].endswith("/grain-talks-open-in-moscow.md") and old["status"] == "hidden"
    assert len(list((project / "content" / ".newsdigest-backup").rglob("*.bak"))) == 1
    assert sorted(path.name for path in (project / "content").rglob("*.md")) == ["grain-talks-open-in-moscow.md",
                                                                                  "grain-talks-open.md"]


def test_a_story_that_moves_leaves_a_page_at_its_old_address(project: Path) -> None:
    seeds, content = project / "seeds", project / "content"
    seed = add_seed(seeds, "s.txt", TASS_LAYOUT.format(headline="Grain talks open", body="Text."))
    ingest(seeds, content)
    first = next(content.rglob("*.md"))
    seed.with_suffix(".yaml").write_text("year: 2024\ntitle: Grain talks open in Moscow\n", encoding="utf-8")
    report = ingest(seeds, content)
    moved = frontmatter.load(first)
    assert report.ok and moved["moved_to"] == "2024/12/grain-talks-open-in-moscow.md" and moved["status"] == "hidden"
    assert "This story moved" in moved.content
    seed.with_suffix(".yaml").write_text("year: 2024\n", encoding="utf-8")  # and back: the story takes its
    ingest(seeds, content)  # first address again, and the other sends readers there
    assert "moved_to" not in frontmatter.load(first)
    assert frontmatter.load(content / "2024/12/grain-talks-open-in-moscow.md")["moved_to"] == "2024/12/grain-talks-open.md"


def test_a_story_filed_twice_is_adopted_whole_when_the_record_is_lost(project: Path) -> None:
    text = (corpus_folder("tass") / "tass-1894059.txt").read_text(encoding="utf-8")
    add_seed(project / "seeds", "a.txt", text)
    add_seed(project / "seeds", "b.txt", text)  # the agency sent it again
    ingest(project / "seeds", project / "content")
    before = snapshot(project / "content")
    assert len([name for name in before if name.endswith(".md")]) == 1
    (project / "content" / ".newsdigest.json").unlink()
    report = ingest(project / "seeds", project / "content")
    assert report.ok and not report.written and not report.kept and len(report.adopted) == 1
    assert len(list((project / "content").rglob("*.md"))) == 1


def test_a_hand_edited_story_filed_twice_stays_one_story_when_the_record_is_lost(project: Path) -> None:
    text = (corpus_folder("tass") / "tass-1894059.txt").read_text(encoding="utf-8")
    add_seed(project / "seeds", "a.txt", text)
    add_seed(project / "seeds", "b.txt", text)  # the agency sent it again
    ingest(project / "seeds", project / "content")
    story = next((project / "content").rglob("*.md"))
    story.write_text(story.read_text() + "\nAn editor's note.\n")
    (project / "content" / ".newsdigest.json").unlink()
    for _ in range(3):
        report = ingest(project / "seeds", project / "content")
        assert report.ok and not report.written
        assert list((project / "content").rglob("*.md")) == [story] and "An editor's note" in story.read_text()
