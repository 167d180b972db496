"""Editing an approved or published article asks first, because saving the edit
withdraws the approval; declining puts the approved text back."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from newsdesk.domain.status import Status
from newsdesk.gui.workflow.refusals import EDIT_APPROVED_QUESTION
from tests.gui.workflow_helpers import (
    PRODUCER,
    REPORTER,
    WEB,
    add_article,
    answer,
    close_window,
    edit_question,
    make_newsroom,
    move,
    open_window,
    stored,
)

BODY = "The ferry to Stone Island runs again from Monday."


def _approved(tmp_path, *, published: bool = False):
    db = make_newsroom(tmp_path)
    article_id = add_article(db, "Ferry returns")
    steps = [("submit", REPORTER), ("approve", PRODUCER)]
    if published:
        steps.append(("publish", WEB))
    move(db, article_id, *steps)
    return db, article_id


def _type_at_end(qtbot, window, text: str) -> None:
    body = window.editor.body.rich_edit
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, text)


def test_declining_keeps_the_approved_text_and_the_approval(qtbot, tmp_path):
    db, article_id = _approved(tmp_path, published=True)
    window = open_window(qtbot, db, REPORTER, article_id)
    _type_at_end(qtbot, window, "x")
    box = edit_question(qtbot, window)
    assert box.text() == EDIT_APPROVED_QUESTION
    assert box.defaultButton().text().replace("&", "") == "Edit anyway"
    answer(qtbot, box, "Cancel")
    assert window.editor.body.rich_edit.toPlainText() == BODY
    assert not window.session.is_dirty()
    window.session.save_now()
    assert (stored(window, article_id).status, stored(window, article_id).revision) == (
        Status.PUBLISHED,
        1,
    )
    close_window(window)


def test_editing_anyway_withdraws_the_approval_when_saved(qtbot, tmp_path):
    db, article_id = _approved(tmp_path)
    window = open_window(qtbot, db, REPORTER, article_id)
    _type_at_end(qtbot, window, " Tickets")
    answer(qtbot, edit_question(qtbot, window), "Edit anyway")
    qtbot.waitUntil(window.editor.body.rich_edit.hasFocus, timeout=3000)  # typing goes on
    # The keystroke that asked is kept, and typing goes on without asking again.
    qtbot.keyClicks(window.editor.body.rich_edit, " online.")
    assert window.controller.edit_guard.question is None
    assert window.editor.body.rich_edit.toPlainText().endswith("Tickets online.")
    window.session.save_now()
    article = stored(window, article_id)
    assert article.status is Status.SUBMITTED and article.body.rstrip().endswith("online.")
    close_window(window)
