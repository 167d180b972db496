from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsdesk.publish.slugs import RESERVED_SLUGS, is_valid_slug, make_slug


def test_latin_headline_becomes_lowercase_words_joined_by_hyphens():
    assert make_slug("Harbour Ferries Resume Night Service!", set()) == (
        "harbour-ferries-resume-night-service"
    )


def test_accents_and_fullwidth_forms_are_reduced_to_ascii():
    assert make_slug("Zürich café opens Ｎｏ．２ branch", set()) == "zurich-cafe-opens-no-2-branch"


def test_chinese_headline_is_transliterated_to_pinyin():
    assert make_slug("长江大桥今日通车", set()) == "chang-jiang-da-qiao-jin-ri-tong-che"


def test_mixed_chinese_and_latin_keeps_both():
    assert make_slug("独家视频丨Tram line 3 opens", set()) == "du-jia-shi-pin-tram-line-3-opens"


def test_text_without_any_latin_equivalent_falls_back_to_a_stable_hash():
    assert make_slug("Ωμέγα", set()).startswith("article-")
    symbols = make_slug("★★★ ♥", set())
    assert symbols.startswith("article-")
    assert len(symbols) == len("article-") + 8
    assert make_slug("★★★ ♥", set()) == symbols


def test_taken_slug_gets_a_numbered_suffix():
    taken = {"rain-returns", "rain-returns-2"}
    assert make_slug("Rain returns", taken) == "rain-returns-3"


def test_taken_may_be_a_lookup_function():
    calls: list[str] = []

    def taken(slug: str) -> bool:
        calls.append(slug)
        return slug == "rain-returns"

    assert make_slug("Rain returns", taken) == "rain-returns-2"
    assert calls == ["rain-returns", "rain-returns-2"]


def test_reserved_name_index_is_never_returned():
    assert make_slug("Index", set()) == "index-2"
    assert not is_valid_slug("index")


def test_long_headline_is_cut_at_a_word_boundary():
    slug = make_slug("word " * 40, set(), max_length=22)
    assert slug == "word-word-word-word"
    suffixed = make_slug("word " * 40, {"word-word-word-word"}, max_length=22)
    assert suffixed == "word-word-word-word-2"
    assert len(suffixed) <= 22


def test_same_headline_gives_same_slug():
    assert make_slug("Budget vote delayed", set()) == make_slug("Budget vote delayed", set())


@given(st.text(max_size=200), st.sets(st.text(alphabet="abc-", max_size=6), max_size=5))
def test_any_headline_gives_a_valid_unused_slug(headline, taken):
    slug = make_slug(headline, taken)
    assert is_valid_slug(slug)
    assert slug not in taken
    assert slug not in RESERVED_SLUGS
    assert len(slug) <= 80
