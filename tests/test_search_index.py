"""The search index (generator.search_index): words, encoding, postings, and adding stories to a previous index."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PROJECT, corpus_folder
from generator.build import build_site, records_folder
from generator.ingest import ingest
from generator.search_index.aliases import acronym_finder, alias_groups
from generator.search_index.encoding import as_script, decode_numbers, encode_number, from_script, term_hash
from generator.search_index.index import PREFIX, IndexBuilder, build_index, layout, offer_keys
from generator.search_index import plugin
from generator.search_index.plugin import STATE_RECORD, PreviousIndex
from generator.search_index.stories import IndexedStory, StoryTag, word_weights
from generator.search_index.words import fold, words

SITE_URL = "https://example.org/digest/"
VOCABULARY = "oil price crude OPEC Putin Kyiv Kiev minister said bank rate São Paulo café U.S. talks".split()
TAGS = [StoryTag("Kyiv", "kyiv", "Places", "tag/kyiv/index.html"),
        StoryTag("Sergey Lavrov", "sergey-lavrov", "People", "tag/sergey-lavrov/index.html"),
        StoryTag("OPEC", "opec", "Organisations", "tag/opec/index.html"),
        StoryTag("energy", "energy", "Topics", "tag/energy/index.html")]
ALIASES = [["Kyiv", "Kiev"], ["OPEC", "Organization of Petroleum Exporting Countries"]]


def story(number: int, day: int, text: list[str], tags: list[StoryTag], source: str = "TASS") -> IndexedStory:
    return IndexedStory(
        url=f"2024/01/{day:02d}/story-{number}.html", when=f"2024-01-{day:02d}T00:00:00", date_text=f"{day} January 2024",
        title=" ".join(text[:3]) or "Untitled", lede=" ".join(text[3:6]), body=" ".join(text), teaser=" ".join(text[:8]),
        source=source, source_url=f"source/{source.lower()}/index.html", source_slug=source.lower(), place="Moscow",
        tags=tuple(tags), stamp=f"stamp-{number}")


stories_strategy = st.lists(
    st.builds(lambda day, text, tags, source: (day, text, tags, source),
              st.integers(1, 28), st.lists(st.sampled_from(VOCABULARY), max_size=12),
              st.lists(st.sampled_from(TAGS), max_size=3, unique_by=lambda tag: tag.slug), st.sampled_from(["TASS", "Reuters"])),
    max_size=14).map(lambda rows: [story(index, *row) for index, row in enumerate(rows)])


def postings(files: dict[str, str]) -> dict[str, dict[int, int]]:
    """Every word's stories and weights, decoded from the postings shards."""
    found = {}
    for name, text in files.items():
        if name.startswith("w"):
            for word, (count, last, encoded) in from_script(text)[1]["t"].items():
                numbers, story_number, own = decode_numbers(encoded), -1, {}
                for gap, weight in zip(numbers[::2], numbers[1::2]):
                    story_number += gap + 1
                    own[story_number] = weight
                assert len(own) == count and max(own) == last
                found[word] = own
    return found


def test_words_are_folded_whole_and_initials_join() -> None:
    assert fold("Café SÃO Paulo") == "cafe sao paulo"
    assert words("The U.S.-based firm, N.Y. Times; Russia's oil") == ["the", "us", "based", "firm", "ny", "times", "russia", "s", "oil"]
    assert words("E.ON and e.g. 16.25%") == ["e", "on", "and", "eg", "16", "25"]
    assert words("Zürich — «Kiev»") == ["zurich", "kiev"]


@given(st.lists(st.integers(0, 2**40)))
def test_numbers_read_back_as_written(numbers: list[int]) -> None:
    assert decode_numbers("".join(map(encode_number, numbers))) == numbers


def test_small_numbers_take_one_character_and_a_file_is_a_script_that_reads_back() -> None:
    assert [len(encode_number(n)) for n in (0, 31, 32, 1023, 1024)] == [1, 1, 2, 2, 3]
    data = {"t": {"</script>": [1, 0, "0v"]}, "text": "Ünïcode \u2028"}
    text = as_script("w3", data)
    assert text.isascii() and "</" not in text
    assert from_script(text) == ("w3", data)
    with pytest.raises(ValueError):
        from_script("alert(1);\n")


def test_term_hash_is_fnv1a_over_code_points() -> None:
    assert term_hash("") == 0x811C9DC5 and term_hash("a") == 0xE40C292C
    assert term_hash("киев") != term_hash("kiev")


def test_title_and_tag_words_weigh_more_than_a_body_mention() -> None:
    plain = story(0, 1, [], [TAGS[2]])
    body = " ".join(["oil"] + ["bank"] * 3 + ["rate"] * 9 + [f"filler{n}" for n in range(400)])
    weights = word_weights(IndexedStory(**{**plain.__dict__, "title": "Talks end", "lede": "", "body": body}))
    assert weights["rate"] > weights["talks"] > weights["bank"] > weights["oil"]  # saturating: 9 mentions beat the headline
    assert weights["opec"] > weights["oil"]
    assert weights["filler1"] == weights["oil"] >= 1
    assert all(1 <= weight <= 31 for weight in weights.values())


@settings(max_examples=60, deadline=None)
@given(stories_strategy)
def test_postings_hold_every_words_stories_numbered_oldest_first(stories: list[IndexedStory]) -> None:
    files = build_index(stories, ALIASES).files()
    ordered = sorted(stories, key=lambda item: item.order)
    expected: dict[str, dict[int, int]] = {}
    for number, item in enumerate(ordered):
        for word, weight in word_weights(item).items():
            expected.setdefault(word, {})[number] = weight
    assert postings(files) == expected
    manifest = from_script(files["meta"])[1]
    assert manifest["count"] == len(stories)
    cards = [row for name in sorted((n for n in files if n.startswith("d")), key=lambda n: int(n[1:]))
             for row in from_script(files[name])[1]]
    assert [row[0] for row in cards] == [item.url for item in ordered]


@settings(max_examples=60, deadline=None)
@given(stories_strategy, st.data())
def test_adding_newer_stories_to_an_index_gives_the_index_of_all_of_them(stories: list[IndexedStory], data) -> None:
    ordered = sorted(stories, key=lambda item: item.order)
    cut = data.draw(st.integers(0, len(ordered)))
    whole = build_index(ordered, ALIASES).files()
    before = build_index(ordered[:cut], ALIASES)
    old = before.files()
    state = json.loads(json.dumps(before.state()))
    builder = IndexBuilder(layout(len(ordered), "tag/{slug}/index.html"), ALIASES, state,
                           lambda name: from_script(old[name])[1] if name in old else None)
    if builder.layout != before.layout:
        return  # a new layout: the plugin indexes every story afresh (see test_previous_index_*)
    for item in ordered[cut:]:
        builder.add(item)
    changed = builder.files()
    assert {**old, **changed} == whole
    assert builder.state() == build_index(ordered, ALIASES).state()


def test_tags_are_offered_under_the_last_word_of_each_name_and_a_persons_family_name() -> None:
    assert offer_keys(TAGS[1], []) == [("lavrov", 1), ("lavrov", 2)]
    assert offer_keys(TAGS[0], ALIASES[0]) == [("kiev", 1), ("kyiv", 1)]
    assert offer_keys(TAGS[2], ALIASES[1]) == [("countries", 5), ("opec", 1)]
    files = build_index([story(0, 1, ["oil"], [TAGS[0]]), story(1, 2, ["oil"], [TAGS[0], TAGS[1]])], ALIASES).files()
    shards = [from_script(text)[1] for name, text in files.items() if name.startswith("w")]
    offered = {word: entry for shard in shards for word, entry in shard["n"].items()}
    assert offered == {"kiev": [[0, 1]], "kyiv": [[0, 1]], "lavrov": [[1, 1], [1, 2]]}
    tags = from_script(files["g0"])[1]
    assert tags == [["kyiv", "Kyiv", 1, 2], ["sergey-lavrov", "Sergey Lavrov", 0, 1]]


def test_words_are_listed_under_their_first_letters_for_prefix_search() -> None:
    files = build_index([story(0, 1, ["Putin", "Putting", "put", "oil"], [])], []).files()
    listed = {key: values for name, text in files.items() if name.startswith("p") for key, values in from_script(text)[1].items()}
    assert listed["put"] == ["put", "putin", "putting"] and "oi" not in listed and all(len(key) == PREFIX for key in listed)


def test_shards_are_a_power_of_two_that_grows_with_the_stories() -> None:
    assert layout(10, "")["shards"] == 16 and layout(1000, "")["shards"] == 32 and layout(10_000, "")["shards"] == 512


def test_short_aliases_are_found_only_as_spelled_and_not_in_a_text_in_capitals() -> None:
    find = acronym_finder([["United States", "America", "US", "USA"], ["Federal Reserve", "Fed"], ["New York", "N.Y."]])
    assert find("The U.S.-based firm told us the US and USA plan; the Fed, fed up, met in N.Y. and NY.") == \
        ["=us", "=us", "=usa", "=fed", "=ny", "=ny"]
    assert find("US TROOPS LEAVE") == [] and find("Let us talk about the usual fed") == []
    assert acronym_finder([["Kyiv", "Kiev"]])("Kiev US") == []  # no short alias: nothing to find
    plain = story(0, 1, [], [])
    weights = word_weights(IndexedStory(**{**plain.__dict__, "title": "US talks", "lede": "", "body": "Told us. U.S. said."}), find)
    assert weights["=us"] > weights["said"] and "=fed" not in weights and weights["us"] >= 1


def test_alias_groups_keep_their_spelling(tmp_path: Path) -> None:
    taxonomy = tmp_path / "tags.yaml"
    taxonomy.write_text("aliases:\n  Kiev: Kyiv\n  US: United States\n  America: United States\n", encoding="utf-8")
    assert alias_groups(taxonomy) == [["Kyiv", "Kiev"], ["United States", "America", "US"]]
    assert alias_groups(tmp_path / "missing.yaml") == []
    assert ["Kyiv", "Kiev"] in alias_groups(PROJECT / "tags.yaml")


def test_previous_index_is_extended_only_when_it_holds_the_first_stories_unchanged(tmp_path: Path) -> None:
    articles = [type("A", (), {"url": f"s{n}.html"})() for n in range(3)]
    shape = layout(3, "tag/{slug}/index.html")
    state = build_index([story(n, n + 1, ["oil"], []) for n in range(2)], ALIASES).state()
    state["stories"] = [["s0.html", "a"], ["s1.html", "b"]]
    (tmp_path / "state.json").write_text(json.dumps(state))
    previous = PreviousIndex(tmp_path, tmp_path / "state.json")
    assert previous.extends_to(articles, ["a", "b", "c"], shape, ALIASES) == 2
    assert previous.extends_to(articles, ["a", "edited", "c"], shape, ALIASES) is None
    assert previous.extends_to(articles[1:], ["b", "c"], shape, ALIASES) is None  # the oldest removed
    assert previous.extends_to(articles, ["a", "b", "c"], shape, ALIASES[:1]) is None
    assert previous.extends_to(articles, ["a", "b", "c"], {**shape, "shards": 64}, ALIASES) is None
    assert PreviousIndex(tmp_path, tmp_path / "missing.json").extends_to(articles, ["a", "b", "c"], shape, ALIASES) is None


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_build_adding_the_newest_story_extends_the_index_as_a_full_build_would(project: Path, monkeypatch) -> None:
    def build(output: str, force: bool = False) -> bool:
        return build_site(project / "content", project / output, settings_file=project / "pelicanconf.py",
                          site_url=SITE_URL, force=force)

    def add(name: str, year: int) -> None:
        shutil.copy(corpus_folder("tass") / name, project / "seeds" / name)
        (project / "seeds" / name).with_suffix(".yaml").write_text(f"year: {year}\n")

    names = sorted(path.name for path in corpus_folder("tass").glob("*.txt"))
    for name in names[:-1]:
        add(name, 2024)
    assert ingest(project / "seeds", project / "content", taxonomy_path=project / "tags.yaml").ok
    assert build("output")
    data = project / "output" / "search" / "data"
    before = {path.name: (path.stat().st_ino, path.read_bytes()) for path in data.glob("*.js")}
    add(names[-1], 2025)  # newer than every other story
    assert ingest(project / "seeds", project / "content", taxonomy_path=project / "tags.yaml").ok
    afresh = []
    monkeypatch.setattr(plugin, "build_index", lambda *args: afresh.append(args) or build_index(*args))
    assert build("output")
    assert afresh == []
    for path in data.glob("*.js"):
        inode, text = before.get(path.name, (None, None))
        assert (path.stat().st_ino == inode) == (path.read_bytes() == text), path.name  # linked when unchanged
    assert before["meta.js"][1] != (data / "meta.js").read_bytes()
    assert build("full", force=True) and len(afresh) == 1
    assert tree(project / "output" / "search") == tree(project / "full" / "search")
    state = search_state(project / "output")
    assert state == search_state(project / "full") and len(state["stories"]) == len(names)
    assert not list((project / "output").glob(".*")), "the index's state is kept beside the site, not in it"


def search_state(output: Path) -> dict:
    """The search index's state that the build keeps beside its site (one record per site built there)."""
    records = list(records_folder(output).glob(f"{STATE_RECORD}-*.json"))
    assert len(records) == 1, records
    return json.loads(records[0].read_text())


def test_a_previous_index_that_cannot_be_read_is_made_afresh(project: Path, caplog) -> None:
    def add_and_build(name: str, year: int, output: str = "output", force: bool = False) -> None:
        shutil.copy(corpus_folder("tass") / name, project / "seeds" / name)
        (project / "seeds" / name).with_suffix(".yaml").write_text(f"year: {year}\n")
        assert ingest(project / "seeds", project / "content", taxonomy_path=project / "tags.yaml").ok
        assert build_site(project / "content", project / output, settings_file=project / "pelicanconf.py",
                          site_url=SITE_URL, force=force)

    first, second = sorted(path.name for path in corpus_folder("tass").glob("*.txt"))[:2]
    add_and_build(first, 2024)
    for path in (project / "output" / "search" / "data").glob("[wd]*.js"):
        path.write_text('newsdigestIndex("broken\n')
    add_and_build(second, 2025)  # the newest story: the build tries to extend the broken index
    assert "cannot be extended" in caplog.text
    add_and_build(second, 2025, "full", force=True)
    assert tree(project / "output" / "search") == tree(project / "full" / "search")


def test_changing_only_the_aliases_in_tags_yaml_rebuilds_the_search_index(project: Path) -> None:
    def build() -> bool:
        return build_site(project / "content", project / "output", settings_file=project / "pelicanconf.py",
                          site_url=SITE_URL)

    name = sorted(path.name for path in corpus_folder("tass").glob("*.txt"))[0]
    shutil.copy(corpus_folder("tass") / name, project / "seeds" / name)
    assert ingest(project / "seeds", project / "content", taxonomy_path=project / "tags.yaml").ok
    assert build() and not build()  # nothing changed: the build is skipped
    taxonomy = project / "tags.yaml"
    taxonomy.write_text(taxonomy.read_text().replace("aliases:\n", "aliases:\n  Moskva: Moscow\n", 1))
    assert build()  # content/ is as it was; the aliases the index hands find.js are not
    manifest = from_script((project / "output" / "search" / "data" / "meta.js").read_text())[1]
    assert ["Moscow", "Moskva"] in manifest["aliases"]


def test_the_search_index_package_imports_on_its_own() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", "import generator.search_index"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
