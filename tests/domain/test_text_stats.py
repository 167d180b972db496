from __future__ import annotations

from newsdesk.domain.text_stats import count_chars, count_words, counts


def test_latin_words_are_space_separated_runs_with_a_letter():
    assert count_words("The tram - finally - runs again.") == 5


def test_each_cjk_character_is_a_word():
    assert count_words("市政府召开发布会") == 8
    assert count_words("Metro 新线 opens") == 4


def test_chars_count_spaces_once_and_trim_the_ends():
    assert count_chars(" a  b\tc\n") == 5
    assert counts(["two words", "三个字"]) == (5, 12)
