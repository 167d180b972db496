"""Splitting a credit line's names into people."""

from __future__ import annotations

import pytest

from newsdesk.domain.names import is_han, split_names


def test_romanised_names_pair_up_as_surname_and_given_name() -> None:
    assert split_names("Li Na Zhou Wei Gao Mingyuan") == ["Li Na", "Zhou Wei", "Gao Mingyuan"]


def test_known_people_are_matched_first_and_longest_wins() -> None:
    known = ["Ouyang Xiao Feng", "Ouyang Xiao", "Tan Rui"]
    # Without the newsroom's list, pairs would give "Tan Rui", "Ouyang Xiao", "Feng Hu Jun".
    assert split_names("Tan Rui Ouyang Xiao Feng Hu Jun", known) == [
        "Tan Rui",
        "Ouyang Xiao Feng",
        "Hu Jun",
    ]


def test_known_people_split_unknown_runs_where_pairs_would_go_wrong() -> None:
    # One known one-token name in the middle shifts the pairing of the rest.
    assert split_names("Bai Lu Ahmet Xu Fang", ["Ahmet"]) == ["Bai Lu", "Ahmet", "Xu Fang"]


def test_known_people_match_case_insensitively_and_keep_the_known_spelling() -> None:
    assert split_names("de la cruz maria Qian Bo", ["De La Cruz Maria"]) == [
        "De La Cruz Maria",
        "Qian Bo",
    ]


def test_odd_run_gives_its_last_three_tokens_to_one_name() -> None:
    assert split_names("He Jun Zhang Xiao Long") == ["He Jun", "Zhang Xiao Long"]
    assert split_names("Mei") == ["Mei"]


def test_chinese_script_names_separated_by_spaces() -> None:
    assert split_names("李娜 周伟  欧阳明月") == ["李娜", "周伟", "欧阳明月"]


@pytest.mark.parametrize(
    "text", ["李娜、周伟、欧阳明月", "李娜，周伟，欧阳明月", "李娜, 周伟; 欧阳明月"]
)
def test_explicit_delimiters_win(text: str) -> None:
    assert split_names(text) == ["李娜", "周伟", "欧阳明月"]


def test_delimited_romanised_names_are_kept_whole() -> None:
    assert split_names("Anna Maria Lopez, Qian Bo") == ["Anna Maria Lopez", "Qian Bo"]


def test_run_together_chinese_names_split_only_when_known_people_account_for_them() -> None:
    assert split_names("李娜周伟", ["李娜"]) == ["李娜", "周伟"]
    assert split_names("李娜周伟", []) == ["李娜周伟"]
    # A leftover of one character is no name: keep the run whole for the user to fix.
    assert split_names("张李娜", ["李娜"]) == ["张李娜"]


def test_mixed_scripts() -> None:
    assert split_names("李娜 Tom Hale Zhou Wei 周伟") == ["李娜", "Tom Hale", "Zhou Wei", "周伟"]


def test_empty_text_has_no_names() -> None:
    assert split_names("") == []
    assert split_names("   ") == []
    assert split_names("、 ,") == []


def test_is_han() -> None:
    assert is_han("河")
    assert not is_han("a")
    assert not is_han("。")
    assert not is_han("カ")
