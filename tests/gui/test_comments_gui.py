"""Editorial notes beside the workflow: threaded, not an edit, never exported."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from newsdesk.newsroom import Newsroom
from tests.gui.workflow_helpers import (
    PRODUCER,
    REPORTER,
    add_article,
    close_window,
    make_newsroom,
    move,
    open_window,
    stored,
)


@pytest.fixture
def db(tmp_path):
    return make_newsroom(tmp_path)


def test_notes_thread_are_not_edits_and_are_never_exported(qtbot, typer, db, tmp_path):
    article_id = add_article(db, "Coastal path to close for repairs")
    window = open_window(qtbot, db, PRODUCER, article_id)
    notes = window.notes
    assert notes.empty_label.isVisible() and not notes.add_button.isEnabled()

    notes.compose.setFocus()
    qtbot.keyClicks(notes.compose, "Which stretch closes first? ")
    typer(notes.compose, "北段?")
    assert notes.add_button.isEnabled() and not notes.reply_button.isEnabled()
    qtbot.mouseClick(notes.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(notes.comments) == 1, timeout=5000)
    assert notes.compose.toPlainText() == ""
    first = notes.comments[0]
    assert (first.author, first.text) == (PRODUCER, "Which stretch closes first? 北段?")
    assert window.side.notes_box.title() == "Notes (1)"

    window.switch_user(window.newsroom.person(REPORTER))
    notes.tree.setCurrentItem(notes.tree.topLevelItem(0))
    notes.compose.setFocus()
    qtbot.keyClicks(notes.compose, "The northern one, from May.")
    qtbot.mouseClick(notes.reply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(notes.comments) == 2, timeout=5000)
    reply = notes.comments[1]
    assert (reply.author, reply.parent_id) == (REPORTER, first.id)
    assert notes.thread_of(first.id) == [reply.id]  # shown under the note it answers
    assert notes.tree.topLevelItemCount() == 1
    assert "The northern one, from May." in notes.tree.topLevelItem(0).child(0).text(0)
    assert window.side.notes_box.title() == "Notes (2)"

    # A note is not an edit, and it never reaches the site.
    assert stored(window, article_id).revision == 1
    close_window(window)
    move(db, article_id, ("submit", REPORTER), ("approve", PRODUCER))
    room = Newsroom.open(db)
    out = tmp_path / "site"
    for _ in room.export_articles(
        [room.article(article_id)],
        out,
        actor="Kai Web",
        formats=["html", "text", "ninjs", "markdown"],
    ):
        pass
    room.close()
    exported = "".join(p.read_text(encoding="utf-8") for p in out.iterdir() if p.is_file())
    assert "Coastal path to close for repairs" in exported
    assert "stretch closes" not in exported and "northern one" not in exported


def test_notes_follow_the_open_article(qtbot, db):
    first = add_article(db, "Skate park gets lights")
    second = add_article(db, "Bus depot moves north")
    room = Newsroom.open(db)
    room.comment(first, "Photo from the council?", actor=PRODUCER)
    room.close()
    window = open_window(qtbot, db, REPORTER, first)
    qtbot.waitUntil(lambda: len(window.notes.comments) == 1, timeout=5000)
    window.open_article(second)
    qtbot.waitUntil(lambda: window.notes.empty_label.isVisible(), timeout=5000)
    assert window.notes.comments == [] and window.side.notes_box.title() == "Notes"
    close_window(window)
