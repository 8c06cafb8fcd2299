"""Dates: the written forms found in a text, and the resolution order (sidecar, text, file name, --year, the lead's
weekday, file time) with the date_source each gives; weekday checks."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from generator.dates import DateHints, find_dates, has_time, latest_not_after, resolve_date
from generator.model import Article, Block, Dateline, StatedDate
from generator.head import metadata_rest

MODIFIED = dt.date(2026, 11, 28)


def story(month=11, day=2, year=None, lead="Lavrov said on Wednesday.", seed="seed.txt") -> Article:
    return Article(seed=Path(seed), headline="H", lede=None, body=[Block("paragraph", lead)],
                   dateline=Dateline(raw="ATHENS, November 2. /TASS/.", place="Athens", month=month, day=day, year=year))


def test_year_in_the_dateline_wins_over_everything_but_a_sidecar() -> None:
    date, source, _ = resolve_date(story(year=2016, seed="2020-01-01-x.txt"), DateHints(MODIFIED, default_year=2019))
    assert (date, source) == (dt.date(2016, 11, 2), "dateline")


def test_sidecar_date_overrides_the_parse() -> None:
    date, source, warnings = resolve_date(story(year=2015), DateHints(MODIFIED, sidecar_date=dt.date(2016, 11, 2)))
    assert (date, source, warnings) == (dt.date(2016, 11, 2), "sidecar", [])


def test_file_name_prefix_gives_the_year_nearest_its_date() -> None:
    date, source, _ = resolve_date(story(month=12, day=31, lead="x"), DateHints(MODIFIED))
    assert source == "mtime"
    date, source, _ = resolve_date(story(month=12, day=31, lead="x", seed="2025-01-01-story.txt"), DateHints(MODIFIED))
    assert (date, source) == (dt.date(2024, 12, 31), "filename")


def test_year_option_comes_before_the_modification_time() -> None:
    date, source, warnings = resolve_date(story(lead="x"), DateHints(MODIFIED, default_year=2016))
    assert (date, source, warnings) == (dt.date(2016, 11, 2), "option", [])


def test_modification_time_guess_is_the_latest_date_not_after_it_and_warns() -> None:
    date, source, warnings = resolve_date(story(month=12, day=26, lead="x"), DateHints(MODIFIED))
    assert (date, source) == (dt.date(2025, 12, 26), "mtime")
    assert any("guessed" in warning for warning in warnings)


def test_weekday_contradicting_the_date_warns() -> None:
    _, _, warnings = resolve_date(story(lead="Lavrov said on Monday."), DateHints(MODIFIED, default_year=2016))
    assert warnings == ["the text says Monday but 2016-11-02 is a Wednesday"]
    _, _, warnings = resolve_date(story(), DateHints(MODIFIED, default_year=2016))
    assert warnings == []


def test_leap_day_goes_back_to_a_leap_year() -> None:
    assert latest_not_after(2, 29, dt.date(2026, 11, 28)) == dt.date(2024, 2, 29)


# --- dates as texts write them ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "month_first", "found"), [
    ("ROME 1996-12-06", False, (1996, 12, 6)),
    ("Dec 6, 1996", False, (1996, 12, 6)),
    ("Dec. 6, 1996", False, (1996, 12, 6)),
    ("December 6, 1996 14:06 GMT", False, (1996, 12, 6)),
    ("6 December 1996", False, (1996, 12, 6)),
    ("6th of December, 1996", False, (1996, 12, 6)),
    ("Friday, December 6", False, (None, 12, 6)),
    ("26 DEC 2024, 14:06 GMT", False, (2024, 12, 26)),
    ("06.12.1996", True, (1996, 12, 6)),  # dots: day first wherever they are used
    ("06/12/2023", False, (2023, 12, 6)),  # a European agency, or none: day first
    ("06/12/2023", True, (2023, 6, 12)),  # an American agency: month first
    ("13/12/2023", True, (2023, 12, 13)),  # only one reading exists
    ("Tue 06/12/2023", True, (2023, 6, 12)),
    ("Wed 06/12/2023", True, (2023, 12, 6)),  # the weekday settles the order
    ("2001.05.22 14:00 GMT", False, (2001, 5, 22)),
    ("Updated: 2024-12-26T14:06:00Z", False, (2024, 12, 26)),
    ("Source: Xinhua| 1989-11-14| Editor: Wang Yan", False, (1989, 11, 14)),
    ("AP-NR-01-28-86 1358EST", True, (1986, 1, 28)),
    ("17:29 February 08, 2017", False, (2017, 2, 8)),  # the clock's minutes are not a day
    ("5 марта 2024", False, (2024, 3, 5)),
    ("Tue May 22, 2001 4:40pm GMT", False, (2001, 5, 22)),
])
def test_a_date_is_found_in_each_written_form(text: str, month_first: bool, found: tuple) -> None:
    written = next(find_dates(text, month_first))
    assert (written.year, written.month, written.day) == found


@pytest.mark.parametrize("text", ["Feb 30, 2001", "29 Feb 2023", "the 1996 budget", "won 3-1 in 86", "May 2024",
                                  "1996-13-01", "32 December 2024"])
def test_impossible_or_partial_dates_are_not_dates(text: str) -> None:
    assert list(find_dates(text)) == []


@pytest.mark.parametrize("line", ["AP-NR-04-19-95 1522CDT", "AP-PM-04-30-92 1244PDT", "AP-NR-11-02-88 0931MST",
                                  "Published 10:32 AM EST", "26 Dec 2024 09:30 JST"])
def test_a_stamp_line_in_any_time_zone_dates_the_story(line: str) -> None:
    """A wire stamp line's time carries its zone (the AP's US zones, Asian ones): the line is metadata, so the
    date on it dates the story instead of the file's time."""
    assert metadata_rest(line) == ""


@pytest.mark.parametrize(("text", "written"), [("1420 GMT", True), ("1522CDT", True), ("0930 JST", True), ("at 14:06", True), ("4:40pm", True),
                                               ("in 1996", False), ("1420 people", False)])
def test_times_of_day(text: str, written: bool) -> None:
    assert has_time(text) is written


# --- where the date comes from ----------------------------------------------------------------------------------

def test_a_stated_date_beats_file_name_option_weekday_and_file_time() -> None:
    article = story(month=None, day=None, seed="2020-01-01-x.txt")
    article.stated_date = StatedDate(2016, 11, 2, "metadata")
    assert resolve_date(article, DateHints(MODIFIED, default_year=2019))[:2] == (dt.date(2016, 11, 2), "metadata")


def test_a_stated_year_goes_with_the_datelines_day() -> None:
    # The Published line says 23 May 00:25; the dateline's day is 22 May: the story's day, in the stated year.
    article = story(month=5, day=22)
    article.stated_date = StatedDate(2001, 5, 23, "metadata")
    assert resolve_date(article, DateHints(MODIFIED))[:2] == (dt.date(2001, 5, 22), "metadata")


def test_a_sidecar_year_comes_before_the_text() -> None:
    article = story(year=2015)
    assert resolve_date(article, DateHints(MODIFIED, sidecar_year=2016))[:2] == (dt.date(2016, 11, 2), "sidecar")


def test_the_weekday_in_the_lead_gives_the_latest_year_not_after_the_file_time() -> None:
    # 26 December fell on a Thursday in 2024 (not in 2025 or 2026): TASS's "said on Thursday".
    article = story(month=12, day=26, lead="Putin said on Thursday that talks would go on.")
    date, source, warnings = resolve_date(article, DateHints(MODIFIED))
    assert (date, source) == (dt.date(2024, 12, 26), "weekday")
    assert warnings and "weekday" in warnings[0] and "Thursday" in warnings[0]


@pytest.mark.parametrize("lead", ["Putin said last Thursday that talks would go on.",
                                  "Talks will resume next Thursday, Putin said.",
                                  "Talks have gone on since Thursday.", "Thursday's talks went on."])
def test_a_weekday_not_naming_the_storys_day_gives_no_year(lead: str) -> None:
    article = story(month=12, day=26, lead=lead)
    assert resolve_date(article, DateHints(MODIFIED))[1] == "mtime"


def test_the_file_name_and_the_option_come_before_the_weekday() -> None:
    lead = "Putin said on Thursday."
    assert resolve_date(story(12, 26, lead=lead, seed="2023-12-20-x.txt"), DateHints(MODIFIED))[:2] == (
        dt.date(2023, 12, 26), "filename")
    assert resolve_date(story(12, 26, lead=lead), DateHints(MODIFIED, default_year=2019))[:2] == (
        dt.date(2019, 12, 26), "option")


def test_stories_dated_by_the_file_time_are_listed_by_check(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from generator.cli import main

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "undated.txt").write_text("Oil rises\n\nLONDON, March 3 (Reuters) - Oil rose in early trade.\n")
    (seeds / "dated.txt").write_text("Oil rises\n\nLONDON, March 3, 2025 (Reuters) - Oil rose on Monday.\n")
    os.utime(seeds / "undated.txt", (1_780_000_000, 1_780_000_000))  # 2026-05-28
    main(["check", "--seeds", str(seeds), "--content", str(tmp_path / "content")])
    out = capsys.readouterr().out
    assert "1 dated by the file's time" in out
    assert f"{seeds / 'undated.txt'} (2026-03-03)" in out and "dated.txt" not in out.replace("undated.txt", "")


def test_the_build_summary_lists_stories_dated_by_the_file_time(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from generator.cli import print_report
    from generator.ingest import ingest

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "undated.txt").write_text("Oil rises\n\nLONDON, March 3 (Reuters) - Oil rose in early trade.\n")
    os.utime(seeds / "undated.txt", (1_780_000_000, 1_780_000_000))
    report = ingest(seeds, tmp_path / "content")
    assert report.dated_by_file == [f"{seeds / 'undated.txt'} (2026-03-03)"]
    print_report(report)
    assert f"1 dated by the file's time" in capsys.readouterr().out


def test_the_weekday_of_the_reporting_verb_is_the_storys() -> None:
    # Talks began on a Monday; the minister spoke on Thursday 26 December 2024.
    article = story(month=12, day=26, lead="The talks, which opened on Monday, ended, the minister said on Thursday.")
    assert resolve_date(article, DateHints(MODIFIED))[:2] == (dt.date(2024, 12, 26), "weekday")
