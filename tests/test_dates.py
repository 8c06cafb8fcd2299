"""Date resolution: text year, sidecar, file name, --year, modification time; weekday checks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.dates import DateHints, latest_not_after, resolve_date
from generator.model import Article, Block, Dateline

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
