"""History through the real window: revisions, any two side by side (text and
credits), restore as a new revision, and the audit trail with comments."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from newsdesk.domain.article import Credit
from newsdesk.domain.revision_diff import RowKind
from newsdesk.domain.status import Status
from newsdesk.newsroom import Newsroom
from tests.gui.workflow_helpers import (
    PRODUCER,
    REPORTER,
    WEB,
    add_article,
    close_window,
    make_newsroom,
    move,
    open_window,
    stored,
    unnamed_controls,
)


@pytest.fixture
def db(tmp_path):
    return make_newsroom(tmp_path)


def _three_revisions(db) -> int:
    article_id = add_article(db, "Reservoir level falls", body="The reservoir is at 61%.")
    room = Newsroom.open(db)
    article = room.article(article_id)
    article = room.save_article(
        dataclasses.replace(
            article,
            body="The reservoir is at 58%.",
            credits=[Credit("Reporter", (REPORTER, "Ana Ruiz"))],
        ),
        actor=REPORTER,
    )
    room.save_article(
        dataclasses.replace(article, headline="Reservoir level falls again"), actor=PRODUCER
    )
    room.close()
    move(db, article_id, ("submit", REPORTER), ("return", PRODUCER, "Source the figure"))
    return article_id


def _open_history(qtbot, window):
    qtbot.mouseClick(window.workflow_bar.history_button, Qt.MouseButton.LeftButton)
    dialog = window.history_dialog
    qtbot.waitUntil(
        lambda: len(dialog.revisions) == 3 and bool(dialog.diff_view.rows()), timeout=5000
    )
    return dialog


def test_revisions_listed_and_two_compared_side_by_side(qtbot, db):
    article_id = _three_revisions(db)
    window = open_window(qtbot, db, REPORTER, article_id)
    dialog = _open_history(qtbot, window)
    table = dialog.revisions_table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["3", "2", "1"]
    assert [table.item(r, 2).text() for r in range(table.rowCount())] == [
        PRODUCER,
        REPORTER,
        REPORTER,
    ]
    # By default the newest two: only the headline changed.
    changed = [r for r in dialog.diff_view.rows() if r[2] not in (RowKind.SAME, None)]
    assert changed == [
        (
            "Headline: Reservoir level falls",
            "Headline: Reservoir level falls again",
            RowKind.CHANGED,
        )
    ]
    assert dialog.compare_label.text() == "Text differs"

    # Any two: revision 1 against 2 shows the body and the credits.
    dialog.a_combo.setCurrentIndex(dialog.a_combo.findData(1))
    dialog.b_combo.setCurrentIndex(dialog.b_combo.findData(2))
    qtbot.waitUntil(
        lambda: (
            ("The reservoir is at 61%.", "The reservoir is at 58%.", RowKind.CHANGED)
            in dialog.diff_view.rows()
        ),
        timeout=5000,
    )
    assert (
        f"Reporter: {REPORTER}",
        f"Reporter: {REPORTER}, Ana Ruiz",
        RowKind.CHANGED,
    ) in dialog.diff_view.rows()
    headers = [dialog.diff_view.horizontalHeaderItem(c).text() for c in (0, 1)]
    assert headers == ["Revision 1", "Revision 2"]
    # Tinted cells say what they are, for those who cannot see the colour.
    row = next(
        i for i, r in enumerate(dialog.diff_view.rows()) if r[0] == "The reservoir is at 61%."
    )
    assert dialog.diff_view.item(row, 0).toolTip() == "changed"
    assert dialog.diff_view.verticalHeaderItem(row).text() == "~"

    # Double-clicking a revision compares it with the current one.
    rect = dialog.revisions_table.visualItemRect(dialog.revisions_table.item(2, 0))
    viewport = dialog.revisions_table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(
        lambda: (
            dialog.diff_view.horizontalHeaderItem(1).text() == "Revision 3"
            and dialog.diff_view.horizontalHeaderItem(0).text() == "Revision 1"
        ),
        timeout=5000,
    )
    assert dialog.compare_label.text() == "Text and credits differ"
    assert unnamed_controls(dialog) == []
    dialog.close()
    close_window(window)


def test_restore_makes_a_new_revision_and_the_editor_shows_it(qtbot, db):
    article_id = _three_revisions(db)
    window = open_window(qtbot, db, REPORTER, article_id)
    dialog = _open_history(qtbot, window)
    table = dialog.revisions_table
    table.selectRow(0)  # the newest cannot be restored onto itself
    assert not dialog.restore_button.isEnabled()
    assert dialog.restore_button.toolTip() == "This is the current revision"
    table.selectRow(2)
    assert dialog.restore_button.text() == "Restore revision 1…"
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    box = dialog.message_box
    assert box is not None and "new revision" in box.text()
    confirm = next(b for b in box.buttons() if b.text() == "Restore revision 1")
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: stored(window, article_id).revision == 4, timeout=5000)
    article = stored(window, article_id)
    assert article.body == "The reservoir is at 61%."
    assert article.headline == "Reservoir level falls"
    assert [c.names for c in article.credits] == [(REPORTER,)]
    qtbot.waitUntil(lambda: window.session.article.revision == 4, timeout=5000)
    assert window.editor.fields.headline_edit.text() == "Reservoir level falls"
    assert "61%" in window.editor.body.markdown()
    qtbot.waitUntil(lambda: len(dialog.revisions) == 4, timeout=5000)
    assert "restored as revision 4" in dialog.status_label.text()
    # Nothing was rewritten: revision 3 is still there.
    assert window.newsroom.store.get_revision(article_id, 3).headline.endswith("again")
    dialog.close()
    close_window(window)


def test_audit_trail_shows_who_did_what_when_with_comments(qtbot, db):
    article_id = _three_revisions(db)
    window = open_window(qtbot, db, REPORTER, article_id)
    dialog = _open_history(qtbot, window)
    tree = dialog.audit_tree
    rows = [
        [tree.topLevelItem(i).text(c) for c in range(6)] for i in range(tree.topLevelItemCount())
    ]
    actions = [(row[1], row[2]) for row in rows]
    assert actions == [
        (REPORTER, "create"),
        (REPORTER, "edit"),
        (PRODUCER, "slug-changed"),  # the draft's address follows its new headline
        (PRODUCER, "edit"),
        (REPORTER, "submit"),
        (PRODUCER, "return"),
    ]
    returned = rows[-1]
    assert returned[3] == "submitted → draft"
    assert returned[5] == "Source the figure"
    assert all(row[0][:4].isdigit() for row in rows)  # when
    dialog.close()
    close_window(window)


def test_restore_refused_to_those_who_may_not_edit(qtbot, db):
    article_id = _three_revisions(db)
    window = open_window(qtbot, db, WEB, article_id)
    dialog = _open_history(qtbot, window)
    dialog.revisions_table.selectRow(2)
    assert not dialog.restore_button.isEnabled()
    assert "may not edit articles" in dialog.restore_button.toolTip()
    dialog.close()
    close_window(window)


def test_restoring_on_an_approved_article_withdraws_the_approval(qtbot, db):
    article_id = _three_revisions(db)
    move(db, article_id, ("submit", REPORTER), ("approve", PRODUCER))
    window = open_window(qtbot, db, REPORTER, article_id)
    dialog = _open_history(qtbot, window)
    dialog.revisions_table.selectRow(1)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    confirm = next(b for b in dialog.message_box.buttons() if b.text() == "Restore revision 2")
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stored(window, article_id).status is Status.SUBMITTED, timeout=5000)
    qtbot.waitUntil(lambda: "needs approval again" in window.editor.banner.text(), timeout=5000)
    dialog.close()
    close_window(window)
