"""Earlier coverage is never linked by a country or a continent alone (generator.site.related)."""

from __future__ import annotations

from test_site_features import fake_story, relate


def test_a_story_sharing_only_countries_and_continents_is_not_earlier_coverage() -> None:
    story = fake_story("story", ["Russia", "Europe", "Tavria Avia", "Moscow"], 0)
    same_country = fake_story("same country", ["Russia"], 1)
    same_setting = fake_story("same setting", ["Russia", "Europe", "South Korea"], 2)
    same_city = fake_story("same city", ["Moscow"], 3)
    same_company = fake_story("same company", ["Tavria Avia", "Russia"], 4)
    related = relate([story, same_country, same_setting, same_city, same_company], 5)
    assert related["story"] == ["same city", "same company"]  # newest first
    # A shared country still weighs with another name: of two stories sharing the city, the one that also shares
    # the country comes first when only one is shown.
    city_only = fake_story("city only", ["Moscow"], 1)
    city_and_country = fake_story("city and country", ["Moscow", "Russia"], 2)
    assert relate([story, city_only, city_and_country], 1)["story"] == ["city and country"]
