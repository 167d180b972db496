"""Revisions a person can read: typing is kept safe at once (the recovery journal), but
a revision is cut only on leaving the article, a workflow action, Ctrl+S, closing, or
after a few minutes of continuous editing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from newsdesk.gui.editor import session as session_module
from tests.gui.workflow_helpers import (
    REPORTER,
    add_article,
    close_window,
    make_newsroom,
    open_window,
    stored,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def _type_in_body(qtbot, window, text: str) -> None:
    body = window.editor.body.rich_edit
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, text)


def test_a_pause_in_typing_cuts_no_revision_and_ctrl_s_cuts_one(qtbot, tmp_path):
    db = make_newsroom(tmp_path)
    article_id = add_article(db, "Ferry returns")
    window = open_window(qtbot, db, REPORTER, article_id)
    _type_in_body(qtbot, window, " Tickets are sold online.")
    # Longer than the 2 s pause that used to make a revision of every sentence.
    qtbot.waitUntil(lambda: window.journal.read(REPORTER) is not None, timeout=3000)
    qtbot.wait(2500)
    assert stored(window, article_id).revision == 1
    assert "Tickets are sold online." in window.journal.read(REPORTER).content["body"]
    assert window.save_status.state.text().startswith("Editing")
    assert "other desks" in window.save_status.state.toolTip()

    qtbot.keyClick(window.editor.body.rich_edit, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: stored(window, article_id).revision == 2, timeout=5000)
    assert "Tickets are sold online." in stored(window, article_id).body
    qtbot.waitUntil(lambda: window.journal.read(REPORTER) is None, timeout=3000)
    assert [r.revision for r in window.newsroom.revisions(article_id)] == [1, 2]
    close_window(window)


def test_continuous_editing_reaches_the_newsroom_after_the_interval(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(session_module, "REVISION_INTERVAL_MS", 1500)
    db = make_newsroom(tmp_path)
    article_id = add_article(db, "Ferry returns")
    window = open_window(qtbot, db, REPORTER, article_id)
    for word in ("One", "two", "three", "four", "five", "six", "seven", "eight"):
        _type_in_body(qtbot, window, f" {word}")
        qtbot.wait(300)  # never a pause: an idle timer would not fire
    assert stored(window, article_id).revision == 2  # cut once, while typing went on
    assert "One" in stored(window, article_id).body
    close_window(window)
    assert stored_after_close(db, article_id).revision == 3  # closing cuts the last one


def stored_after_close(db, article_id):
    from newsdesk.newsroom import Newsroom

    room = Newsroom.open(db)
    try:
        return room.article(article_id)
    finally:
        room.close()
