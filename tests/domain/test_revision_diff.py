"""Two revisions side by side: which lines were kept, rewritten, removed or added."""

from __future__ import annotations

import datetime as dt

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.revision_diff import (
    DiffRow,
    RowKind,
    compare_revisions,
    side_by_side,
)


def test_rows_pair_old_and_new_lines():
    rows = side_by_side(["one", "two", "three"], ["one", "TWO", "three", "four"])
    assert rows == [
        DiffRow("one", "one", RowKind.SAME),
        DiffRow("two", "TWO", RowKind.CHANGED),
        DiffRow("three", "three", RowKind.SAME),
        DiffRow(None, "four", RowKind.ADDED),
    ]


def test_a_shorter_rewrite_leaves_the_rest_removed():
    rows = side_by_side(["a", "b", "c", "z"], ["x", "z"])
    assert [row.kind for row in rows] == [
        RowKind.CHANGED,
        RowKind.REMOVED,
        RowKind.REMOVED,
        RowKind.SAME,
    ]
    assert rows[1] == DiffRow("b", None, RowKind.REMOVED)


def test_identical_sides_have_no_change():
    assert all(row.kind is RowKind.SAME for row in side_by_side(["a", "b"], ["a", "b"]))
    assert side_by_side([], []) == []


def test_compare_shows_text_and_credits_separately():
    old = Article(
        headline="Tram depot opens to visitors",
        date=dt.date(2026, 7, 1),
        body="Doors open at nine.\n\nEntry is free.",
        credits=[Credit("Reporter", ("Rita Vance",))],
    )
    new = Article(
        headline="Tram depot opens to visitors on Sunday",
        date=dt.date(2026, 7, 1),
        body="Doors open at nine.\n\nEntry is free for children.",
        credits=[Credit("Reporter", ("Rita Vance", "Sam Okafor")), Credit("Photography", ("Li",))],
    )
    text, credits = compare_revisions(old, new)
    assert text.title == "Text" and credits.title == "Credits"
    changed = [(r.left, r.right) for r in text.rows if r.kind is RowKind.CHANGED]
    assert (
        "Headline: Tram depot opens to visitors",
        "Headline: Tram depot opens to visitors on Sunday",
    ) in changed
    assert ("Entry is free.", "Entry is free for children.") in changed
    assert [(r.left, r.right, r.kind) for r in credits.rows] == [
        ("Reporter: Rita Vance", "Reporter: Rita Vance, Sam Okafor", RowKind.CHANGED),
        (None, "Photography: Li", RowKind.ADDED),
    ]
    assert text.changed and credits.changed
    assert not compare_revisions(old, old)[1].changed
