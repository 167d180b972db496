"""Merging two edits of one revision: what does not overlap is merged, the rest is named.

The property tests draw a random base text and random edits by two people that touch
different paragraphs (replacing, deleting, inserting, next to each other included),
and check the merge holds both edits and nothing else, whoever saved first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.domain.article import Article, Credit, Image
from newsdesk.domain.merge import Choice, Side, merge_articles, merge_sequences, word_diff

WORDS = st.sampled_from(
    ["harbour", "council", "ferry", "vote", "rain", "bridge", "school", "night", "港口", "会议"]
)


def _article(body: str, **fields) -> Article:
    return Article(headline=fields.pop("headline", "Harbour vote"), body=body, **fields)


@st.composite
def base_and_edits(draw):
    """A base text of distinct paragraphs, and two people's edits of different ones."""
    count = draw(st.integers(0, 9))
    words = draw(st.lists(st.lists(WORDS, min_size=1, max_size=6), min_size=count, max_size=count))
    base = [f"Paragraph {i}: {' '.join(w)}." for i, w in enumerate(words)]
    owners = draw(st.lists(st.sampled_from(["", "mine", "theirs"]), min_size=count + 1))
    edits: dict[str, dict] = {"mine": {}, "theirs": {}}
    serial = 0
    for slot in range(-1, count):  # -1: new text before the first paragraph
        owner = owners[slot + 1]
        if not owner:
            continue
        ops = ["insert"] if slot < 0 else ["replace", "delete", "insert", "replace+insert"]
        op = draw(st.sampled_from(ops))
        serial += 1
        new = f"{owner} wrote {serial}: {' '.join(draw(st.lists(WORDS, min_size=1)))}."
        edits[owner][slot] = (op, new)
    return base, edits


def _apply(base: list[str], edits: dict[int, tuple[str, str]]) -> list[str]:
    out = [edits[-1][1]] if -1 in edits else []
    for i, paragraph in enumerate(base):
        op, new = edits.get(i, ("keep", ""))
        if op.startswith("replace"):
            out.append(new.replace("wrote", "rewrote"))
        elif op != "delete":
            out.append(paragraph)
        if op.endswith("insert"):
            out.append(new)
    return out


def _both(base: list[str], edits: dict[str, dict]) -> list[str]:
    merged = {**edits["mine"], **edits["theirs"]}  # different slots: no key in both
    return _apply(base, merged)


@settings(max_examples=300, deadline=None)
@given(base_and_edits())
def test_edits_of_different_paragraphs_merge_to_both_and_nothing_else(drawn):
    base, edits = drawn
    base_text = "\n\n".join(base)
    mine = _article("\n\n".join(_apply(base, edits["mine"])))
    theirs = _article("\n\n".join(_apply(base, edits["theirs"])))
    result = merge_articles(_article(base_text), mine, theirs)
    assert result.clean, result.conflicts
    assert result.article().body == "\n\n".join(_both(base, edits))
    # Whoever saved first, the same text.
    swapped = merge_articles(_article(base_text), theirs, mine)
    assert swapped.clean
    assert swapped.article().body == result.article().body


@settings(max_examples=200, deadline=None)
@given(base_and_edits(), st.data())
def test_two_different_edits_of_one_paragraph_conflict_and_are_named(drawn, data):
    base, _ = drawn
    if not base:
        return
    target = data.draw(st.integers(0, len(base) - 1))
    mine_list, theirs_list = list(base), list(base)
    mine_list[target] = base[target] + " Mine adds this."
    theirs_list[target] = base[target] + " Theirs adds that."
    result = merge_articles(
        _article("\n\n".join(base)),
        _article("\n\n".join(mine_list)),
        _article("\n\n".join(theirs_list)),
    )
    assert not result.clean
    assert result.conflicts == [f"paragraph {target + 1}"]
    [i] = [i for i, p in enumerate(result.parts) if p.side is Side.CONFLICT]
    assert result.article({i: Choice.MINE}).body == "\n\n".join(mine_list)
    assert result.article({i: Choice.THEIRS}).body == "\n\n".join(theirs_list)
    both = result.article({i: Choice.BOTH}).body.split("\n\n")
    assert both[target : target + 2] == [mine_list[target], theirs_list[target]]


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["Reporter", "Producer", "Photography", "Record"]),
        st.lists(
            st.sampled_from(["Mei Lin", "Tom Reed", "Ana Ruiz"]),
            min_size=1,
            max_size=2,
            unique=True,
        ).map(tuple),
    ),
    st.data(),
)
def test_credits_merge_role_by_role(base_roles, data):
    roles = list(base_roles)
    names = st.lists(
        st.sampled_from(["Ivo Tan", "Lu Yan", "Sam Okafor"]), min_size=1, max_size=2, unique=True
    ).map(tuple)
    mine_roles, theirs_roles = dict(base_roles), dict(base_roles)
    for role in roles:
        who = data.draw(st.sampled_from(["", "mine", "theirs"]))
        if who:
            target = mine_roles if who == "mine" else theirs_roles
            if data.draw(st.booleans()):
                target[role] = data.draw(names)
            else:
                del target[role]
    if data.draw(st.booleans()) and "Translation" not in base_roles:
        mine_roles["Translation"] = ("Lu Yan",)

    def article(roles: dict) -> Article:
        return _article("Text.", credits=[Credit(r, n) for r, n in roles.items()])

    result = merge_articles(article(base_roles), article(mine_roles), article(theirs_roles))
    assert result.clean, result.conflicts
    merged = {c.role: c.names for c in result.article().credits}
    expected = {}
    for role in {*base_roles, *mine_roles, *theirs_roles}:
        changed_mine = mine_roles.get(role) != base_roles.get(role)
        value = mine_roles.get(role) if changed_mine else theirs_roles.get(role)
        if value is not None:
            expected[role] = value
    assert merged == expected
    swapped = merge_articles(article(base_roles), article(theirs_roles), article(mine_roles))
    assert swapped.article().credits == result.article().credits


def test_fields_merge_one_by_one_and_the_same_field_changed_twice_conflicts():
    base = _article("One.\n\nTwo.\n", kicker="", source="Agency")
    mine = dataclasses.replace(base, headline="Harbour vote passes", body="One.\n\nTwo, now.\n")
    theirs = dataclasses.replace(base, date=dt.date(2026, 3, 1), kicker="Update")
    result = merge_articles(base, mine, theirs)
    assert result.clean
    merged = result.article()
    assert (merged.headline, merged.kicker, merged.date) == (
        "Harbour vote passes",
        "Update",
        dt.date(2026, 3, 1),
    )
    assert merged.body == "One.\n\nTwo, now.\n"
    assert result.summary("Mei Lin", "Tom Reed") == (
        "kicker and date from Tom Reed; headline and paragraph 2 from Mei Lin"
    )
    clash = dataclasses.replace(theirs, headline="Harbour vote fails")
    refused = merge_articles(base, mine, clash)
    assert refused.conflicts == ["headline"]
    assert refused.article(field_choices={"headline": Choice.THEIRS}).headline == (
        "Harbour vote fails"
    )


def test_the_same_change_on_both_sides_is_taken_once():
    base = _article("One.\n\nTwo.")
    same = _article("One.\n\nTwo, corrected.")
    result = merge_articles(base, same, same)
    assert result.clean and result.article().body == "One.\n\nTwo, corrected."
    assert [p.side for p in result.parts] == [Side.SAME, Side.BOTH]


def test_images_merge_one_by_one():
    a = Image("a.png", "a" * 64, "image/png", alt="Quay")
    b = Image("b.png", "b" * 64, "image/png", alt="Boat")
    base = _article("Text.", images=[a])
    mine = dataclasses.replace(base, images=[a, b])
    theirs = dataclasses.replace(base, images=[dataclasses.replace(a, alt="The quay at night")])
    merged = merge_articles(base, mine, theirs).article()
    assert [(i.name, i.alt) for i in merged.images] == [
        ("a.png", "The quay at night"),
        ("b.png", "Boat"),
    ]


def test_insertions_at_one_place_conflict_but_beside_a_change_do_not():
    parts = merge_sequences(["a", "b"], ["a", "x", "b"], ["a", "y", "b"])
    assert [p.side for p in parts] == [Side.SAME, Side.CONFLICT, Side.SAME]
    parts = merge_sequences(["a", "b"], ["a", "x", "b"], ["a", "B"])
    assert [p.side for p in parts] == [Side.SAME, Side.MINE, Side.THEIRS]


def test_word_diff_marks_the_words_that_differ_chinese_character_by_character():
    left, right = word_diff("The vote was close.", "The vote was 7 to 6.")
    assert "".join(p for p, _ in left) == "The vote was close."
    assert [p for p, changed in left if changed] == ["close."]
    assert [p for p, changed in right if changed] == ["7 to 6."]
    left, right = word_diff("会议在九点开始", "会议在十点开始")
    assert [p for p, changed in left if changed] == ["九"]
    assert [p for p, changed in right if changed] == ["十"]
