"""The workflow tells people what happened: what is missing, which field cannot be
saved, why an article came back, who last changed the text; junk drafts go away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from newsdesk.domain.checklist import PLACEHOLDER_HEADLINE
from newsdesk.domain.errors import NotFoundError
from newsdesk.domain.site import CHINESE_SITE
from newsdesk.domain.status import Status
from newsdesk.domain.workflow import Action
from newsdesk.newsroom import Newsroom
from tests.gui.workflow_helpers import (
    PRODUCER,
    REPORTER,
    WEB,
    add_article,
    agree_to_edit,
    answer,
    close_window,
    confirm,
    make_newsroom,
    move,
    open_window,
    stored,
    wait_status,
)

CTRL = Qt.KeyboardModifier.ControlModifier
RETURNED_MARK = "↩ returned"
RETURNED_TIP = "Returned by a producer: open it to read why"


def _new_article(qtbot, window):
    window.actions.new.trigger()
    qtbot.waitUntil(lambda: window.session.article is not None, timeout=5000)
    return window.session.article


def test_a_new_article_names_what_is_missing_and_follows_the_typing(qtbot, typer, tmp_path):
    db = make_newsroom(tmp_path)
    window = open_window(qtbot, db, REPORTER)
    article = _new_article(qtbot, window)
    assert article.headline == PLACEHOLDER_HEADLINE
    bar = window.workflow_bar
    qtbot.waitUntil(
        lambda: bar.checks_label.text() == "⚠ Before submitting: a headline, the text",
        timeout=5000,
    )
    headline = window.editor.fields.headline_edit
    headline.setFocus()
    headline.selectAll()
    qtbot.keyClicks(headline, "Tram line reopens")
    body = window.editor.body.rich_edit
    body.setFocus()
    qtbot.keyClicks(body, "The tram runs again from Monday.")
    # Checked on what the editor shows, before anything is saved.
    qtbot.waitUntil(lambda: bar.checks_label.text() == "✓ checks pass", timeout=5000)
    assert stored(window, article.id).headline == PLACEHOLDER_HEADLINE
    close_window(window)


def test_a_field_that_cannot_be_saved_is_named_in_the_bar_and_when_leaving(
    qtbot, tmp_path, monkeypatch
):
    db = make_newsroom(tmp_path)
    article_id = add_article(db, "Tram line reopens")
    other = add_article(db, "Library opens late")
    window = open_window(qtbot, db, REPORTER, article_id)
    bar = window.workflow_bar
    headline = window.editor.fields.headline_edit
    headline.setFocus()
    headline.selectAll()
    qtbot.keyClick(headline, Qt.Key.Key_Delete)
    date = window.editor.fields.date_edit
    date.setFocus()
    date.selectAll()
    qtbot.keyClicks(date, "2026-13-01")
    assert bar.problems_label.isVisible()
    assert "✗ Headline: A headline is required." in bar.problems_label.text()
    assert "✗ Date: 2026-13-01 is not a date" in bar.problems_label.text()
    asked: list[str] = []

    def warning(parent, title, text, *rest):
        asked.append(text)
        return QMessageBox.StandardButton.Yes  # stay and fix it

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    window.open_article(other)
    assert len(asked) == 1
    assert "A headline is required." in asked[0] and "2026-13-01 is not a date" in asked[0]
    assert "could not be saved" not in asked[0]
    assert window.session.is_open(article_id)
    close_window_anyway(window, monkeypatch)


def close_window_anyway(window, monkeypatch) -> None:
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No)
    )
    close_window(window)


def test_a_new_chinese_article_is_credited_with_the_chinese_reporter_label(qtbot, tmp_path):
    db = make_newsroom(tmp_path)
    room = Newsroom.open(db)
    for key, value in CHINESE_SITE.to_dict().items():
        if key not in ("page_labels", "headline_max_length"):
            room.set_site_setting(key, str(value), actor=PRODUCER)
    room.close()
    window = open_window(qtbot, db, REPORTER)
    article = _new_article(qtbot, window)
    assert [(c.role, c.names) for c in article.credits] == [("记者", (REPORTER,))]
    assert article.language == "zh" and article.section == ["新闻", "新闻"]
    close_window(window)


def test_a_returned_article_says_who_when_and_why_and_is_marked_in_the_list(qtbot, tmp_path):
    db = make_newsroom(tmp_path)
    article_id = add_article(db, "Tram line reopens")
    move(db, article_id, ("submit", REPORTER))
    window = open_window(qtbot, db, PRODUCER, article_id)
    confirm(qtbot, window, Action.RETURN, "Name the second source.")
    wait_status(qtbot, window, article_id, "draft")
    close_window(window)

    window = open_window(qtbot, db, REPORTER, article_id)
    banner = window.editor.banner
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=5000)
    assert banner.text().startswith(f"Returned by {PRODUCER} on ")
    assert banner.text().endswith(": “Name the second source.”")
    model = window.list_panel.model
    row = model.row_of(article_id)
    status = model.index(row, 1)
    assert status.data() == f"draft {RETURNED_MARK}"
    assert status.data(Qt.ItemDataRole.ToolTipRole) == RETURNED_TIP
    # Submitted again: no longer marked, the banner goes.
    confirm(qtbot, window, Action.SUBMIT)
    wait_status(qtbot, window, article_id, "submitted")
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: model.index(model.row_of(article_id), 1).data() == "submitted")
    close_window(window)


def test_last_saved_names_who_changed_the_text_and_the_action_shows_as_an_action(qtbot, tmp_path):
    db = make_newsroom(tmp_path)
    article_id = add_article(db, "Tram line reopens")
    move(db, article_id, ("submit", REPORTER), ("approve", PRODUCER), ("publish", WEB))
    window = open_window(qtbot, db, WEB, article_id)
    side = window.side
    assert side.updated.text().endswith(f"by {REPORTER}")
    assert side.last_action.text().startswith("published: ")
    assert side.last_action.text().endswith(f"by {WEB}")
    close_window(window)


def test_a_draft_never_submitted_is_deleted_from_the_bar_by_its_creator(qtbot, tmp_path):
    db = make_newsroom(tmp_path)
    junk = add_article(db, "Test test")
    kept = add_article(db, "Tram line reopens")
    move(db, kept, ("submit", REPORTER), ("return", PRODUCER, "More, please."))
    window = open_window(qtbot, db, PRODUCER, junk)
    delete = window.workflow_bar.delete_button
    qtbot.waitUntil(lambda: "only its creator" in delete.toolTip(), timeout=5000)
    assert not delete.isEnabled()
    close_window(window)

    window = open_window(qtbot, db, REPORTER, kept)
    qtbot.waitUntil(lambda: "submitted once" in delete_tip(window), timeout=5000)
    window.open_article(junk)
    qtbot.waitUntil(lambda: window.session.is_open(junk), timeout=5000)
    delete = window.workflow_bar.delete_button
    qtbot.waitUntil(delete.isEnabled, timeout=5000)
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    box = window.workflow.message_box
    assert box is not None and "audit log keeps a record" in box.text()
    assert box.defaultButton().text().replace("&", "") == "Delete draft"
    answer(qtbot, box, "Delete draft")
    qtbot.waitUntil(lambda: window.session.article is None, timeout=5000)
    qtbot.waitUntil(lambda: window.list_panel.model.row_of(junk) is None, timeout=5000)
    try:
        stored(window, junk)
        raise AssertionError("the deleted draft is still there")
    except NotFoundError:
        pass
    assert [e.action for e in window.newsroom.audit_events(junk)] == ["create", "delete"]
    close_window(window)


def delete_tip(window) -> str:
    return window.workflow_bar.delete_button.toolTip()


def test_undoing_back_to_the_approved_text_restores_the_approval(qtbot, tmp_path):
    db = make_newsroom(tmp_path)
    article_id = add_article(db, "Tram line reopens")
    move(db, article_id, ("submit", REPORTER), ("approve", PRODUCER))
    window = open_window(qtbot, db, REPORTER, article_id)
    body = window.editor.body.rich_edit
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, " Late")
    agree_to_edit(qtbot, window)
    qtbot.keyClick(body, Qt.Key.Key_S, CTRL)
    wait_status(qtbot, window, article_id, "submitted")
    for _ in range(5):
        qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    assert not body.toPlainText().endswith("Late")
    qtbot.keyClick(body, Qt.Key.Key_S, CTRL)
    wait_status(qtbot, window, article_id, "approved")
    article = stored(window, article_id)
    assert article.approved_revision == article.revision == 3
    assert window.newsroom.audit_events(article_id)[-1].action == "approval-restored"
    assert QApplication.activeModalWidget() is None
    close_window(window)
    assert stored_status(db, article_id) is Status.APPROVED


def stored_status(db, article_id):
    room = Newsroom.open(db)
    try:
        return room.article(article_id).status
    finally:
        room.close()
