"""Two desks at work on one newsroom, as people meet it: two real app windows in two
processes (tests/gui/app_process.py), on every engine. What one does shows in the
other within two seconds: a save in its list and editor, an approval in its workflow
bar, who is editing; edits of different paragraphs merge; edits of one paragraph open
the conflict dialog with the differences highlighted."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from newsdesk.domain.article import Article, Credit
from tests.gui.app_process import AppProcess

LENA, OMAR = "Lena Park", "Omar Diaz"
PARAGRAPHS = [
    "The council met at nine.",
    "It voted on the new harbour wall.",
    "The vote was close.",
]


@pytest.fixture
def newsroom(desk_targets):
    targets = desk_targets({LENA: ["reporter"], OMAR: ["producer", "reporter"]})
    room = targets.open(LENA)
    for headline in ("Harbour wall vote", "Ferry timetable"):
        room.create_article(
            Article(
                headline=headline,
                date=dt.date(2026, 9, 14),
                body="\n\n".join(PARAGRAPHS),
                credits=[Credit("Reporter", (LENA,))],
            ),
            actor=LENA,
        )
    room.close()
    return targets


@pytest.fixture
def desks(newsroom, tmp_path):
    started: list[AppProcess] = []

    def start(person: str) -> AppProcess:
        app = AppProcess(newsroom.db(person), person, tmp_path / f"home-{len(started)}")
        started.append(app)
        return app

    yield start
    for app in started:
        if app.child.poll() is None:
            app.kill()


def _stored(newsroom, article_id: int = 1) -> Article:
    room = newsroom.open(LENA)
    try:
        return room.article(article_id)
    finally:
        room.close()


def test_a_save_shows_in_the_other_windows_list_and_editor_within_two_seconds(desks):
    lena, omar = desks(LENA), desks(OMAR)
    assert lena.ask("open 1")["ok"] and omar.ask("open 2")["ok"]
    assert lena.ask("headline Harbour wall approved")["ok"]
    lena.ask("type_in 2  By one vote.")
    saved = lena.ask("save")
    assert saved["revision"] == 2, saved
    began = time.monotonic()
    seen = omar.ask("until 5 s['list']['1']['headline'] == 'Harbour wall approved'", timeout=10)
    assert seen["met"], seen["list"]
    assert time.monotonic() - began < 2.0
    assert omar.ask("open 1")["ok"]  # and, opened, the new revision
    shown = omar.ask("state")
    assert shown["revision"] == 2 and shown["headline"] == "Harbour wall approved"
    # An article open and unchanged here follows by itself: Omar saves, Lena's reloads.
    omar.ask("edit_anyway")
    omar.ask("type_in 0  Everyone came.")
    assert omar.ask("save")["revision"] == 3
    began = time.monotonic()
    seen = lena.ask("until 5 s['revision'] == 3 and 'Everyone came.' in s['body']", timeout=10)
    assert seen["met"], seen
    assert time.monotonic() - began < 2.0
    assert not seen["dirty"] and seen["review"] == ""


def test_an_approval_shows_in_the_other_windows_workflow_bar(desks, newsroom):
    room = newsroom.open(LENA)
    room.transition(1, "submit", actor=LENA)
    room.close()
    lena, omar = desks(LENA), desks(OMAR)
    assert lena.ask("open 1")["ok"] and omar.ask("open 1")["ok"]
    assert "submitted" in lena.ask("state")["workflow"]
    omar.ask("approve")
    began = time.monotonic()
    seen = lena.ask("until 5 'approved' in s['workflow']", timeout=10)
    assert seen["met"], seen["workflow"]
    assert time.monotonic() - began < 2.0
    assert seen["list"]["1"]["status"] == "approved"


def test_is_editing_appears_on_the_row_and_over_the_editor_and_goes_away(desks, engine):
    lena, omar = desks(LENA), desks(OMAR)
    assert lena.ask("open 1")["ok"]
    seen = omar.ask("until 5 s['list']['1']['presence'] == 'Lena Park is editing'", timeout=10)
    assert seen["met"], seen["list"]
    assert omar.ask("open 1")["ok"]
    seen = omar.ask("until 5 s['presence'] == 'Lena Park is editing'", timeout=10)
    assert seen["met"], seen
    assert seen["waiting"] and seen["read_only"]  # it waits, with "Edit anyway"
    seen = lena.ask("until 5 s['presence'] == 'Omar Diaz is viewing'", timeout=10)
    assert seen["met"], seen["presence"]
    assert lena.ask("open 2")["ok"]  # Lena's editor leaves the article
    seen = omar.ask("until 5 s['presence'] == '' and not s['read_only']", timeout=10)
    assert seen["met"], seen
    assert not seen["waiting"]  # nobody else edits: Omar may, without asking
    assert omar.ask("until 5 s['list']['2']['presence'] == 'Lena Park is editing'")["met"]
    assert lena.quit() == 0  # the app quits: its mark goes with it
    seen = omar.ask("until 5 s['list']['2']['presence'] == ''", timeout=10)
    assert seen["met"], seen["list"]
    if engine == "postgres":  # a desk that dies: the server ends its session, and its mark
        again = desks(LENA)
        assert again.ask("open 2")["ok"]
        assert omar.ask("until 5 s['list']['2']['presence'] == 'Lena Park is editing'")["met"]
        again.kill()
        seen = omar.ask("until 5 s['list']['2']['presence'] == ''", timeout=10)
        assert seen["met"], seen["list"]
        assert seen["took"] < 2.0


def test_edits_of_different_paragraphs_at_two_desks_merge(desks, newsroom):
    lena, omar = desks(LENA), desks(OMAR)
    assert lena.ask("open 1")["ok"]
    assert omar.ask("until 5 s['list']['1']['presence'] == 'Lena Park is editing'")["met"]
    assert omar.ask("open 1")["ok"]
    assert omar.ask("edit_anyway")["waiting"] is False  # asked, answered Yes
    omar.ask("hold")  # Omar's text stays unsaved while Lena saves
    omar.ask("type_in 2  Seven to six.")
    lena.ask("type_in 0  Everyone came.")
    assert lena.ask("save")["revision"] == 2
    seen = omar.ask("until 5 s['review'] == 'Lena Park saved revision 2 — Review'", timeout=10)
    assert seen["met"], seen
    assert "Seven to six." in seen["body"] and "Everyone came." not in seen["body"]  # kept
    merged = omar.ask("release")  # saved now: merged with Lena's revision
    assert merged["revision"] == 3, merged
    assert "Everyone came." in merged["body"] and "Seven to six." in merged["body"]
    assert merged["notice"] == (
        "Merged with Lena Park's revision 2: paragraph 1 from Lena Park; paragraph 3 from you"
    )
    assert merged["review"] == ""
    stored = _stored(newsroom)
    assert stored.body.strip().split("\n\n") == [
        "The council met at nine. Everyone came.",
        "It voted on the new harbour wall.",
        "The vote was close. Seven to six.",
    ]
    seen = lena.ask("until 5 s['revision'] == 3 and 'Seven to six.' in s['body']", timeout=10)
    assert seen["met"], seen


def test_edits_of_one_paragraph_open_the_dialog_with_the_differences_highlighted(desks, newsroom):
    lena, omar = desks(LENA), desks(OMAR)
    assert lena.ask("open 1")["ok"]
    assert omar.ask("until 5 s['list']['1']['presence'] == 'Lena Park is editing'")["met"]
    assert omar.ask("open 1")["ok"]
    omar.ask("edit_anyway")
    omar.ask("hold")
    omar.ask("type_in 2  Seven to six.")
    lena.ask("type_in 2  By one vote.")
    assert lena.ask("save")["revision"] == 2
    assert omar.ask("until 5 s['review'] != ''", timeout=10)["met"]
    omar.ask("release")  # the save meets the overlap: the dialog opens
    seen = omar.ask("until 5 s['conflict'] is not None", timeout=10)
    assert seen["met"], seen
    [row] = [r for r in seen["conflict"]["rows"] if r["side"] == "conflict"]
    assert 'background:#f4c7c3">Seven' in row["mine"]  # my words, highlighted
    assert 'background:#c6ecc6">By' in row["theirs"]  # theirs
    assert "The vote was close." in row["mine"] and "The vote was close." in row["theirs"]
    done = omar.ask("choose both")
    assert done["conflict"] is None
    assert _until_stored(newsroom, 4)
    stored = _stored(newsroom)
    assert stored.body.strip().split("\n\n")[2:] == [
        "The vote was close. Seven to six.",
        "The vote was close. By one vote.",
    ]
    room = newsroom.open(LENA)
    try:
        kept = room.revision(1, 3).body  # Omar's whole version, in the history
        assert "Seven to six." in kept and "By one vote." not in kept
        assert [e.action for e in room.audit_events(1)][-2:] == ["edit", "merge"]
    finally:
        room.close()


def _until_stored(newsroom, revision: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _stored(newsroom).revision >= revision:
            return True
        time.sleep(0.1)
    return False
