"""The editorial workflow through the real window: who I am, the workflow bar, its
confirmations and refusals, checklists with override, the withdrawn-approval banner
and "Waiting for me"."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from newsdesk.domain.article import Credit
from newsdesk.domain.status import Status
from newsdesk.domain.workflow import Action
from newsdesk.gui.workflow.bar import TransitionDialog
from newsdesk.gui.workflow.checklist_view import ChecklistDialog
from newsdesk.gui.workflow.refusals import WITHDRAWN_BANNER
from newsdesk.newsroom import Newsroom
from tests.gui.workflow_helpers import (
    PRODUCER,
    REPORTER,
    WEB,
    add_article,
    agree_to_edit,
    close_window,
    confirm,
    make_newsroom,
    move,
    open_window,
    request,
    stored,
    unnamed_controls,
    wait_status,
)


@pytest.fixture
def db(tmp_path):
    return make_newsroom(tmp_path)


def _badges(window) -> list[str]:
    return [badge.text() for badge in window.user_switcher.badges()]


def test_the_user_is_chosen_from_the_directory_with_role_badges(qtbot, db):
    article_id = add_article(db, "Stone Island ferry returns")
    move(db, article_id, ("submit", REPORTER))
    window = open_window(qtbot, db, REPORTER, article_id)
    combo = window.user_switcher.combo
    assert sorted(combo.itemText(i) for i in range(combo.count())) == sorted(
        [REPORTER, PRODUCER, WEB]
    )
    assert combo.currentText() == REPORTER and _badges(window) == ["reporter"]
    assert not window.workflow_bar.buttons[Action.APPROVE].isEnabled()

    combo.setCurrentIndex(combo.findText(PRODUCER))
    assert window.user.name == PRODUCER
    assert _badges(window) == ["reporter", "producer"]
    assert PRODUCER in window.windowTitle()
    assert window.settings.value("user/name") == PRODUCER
    # What the bar allows follows the person at once.
    assert window.workflow_bar.buttons[Action.APPROVE].isEnabled()
    confirm(qtbot, window, Action.APPROVE)
    wait_status(qtbot, window, article_id, "approved")
    last = window.newsroom.store.audit_events(article_id)[-1]
    assert (last.actor, last.action) == (PRODUCER, "approve")
    close_window(window)


def test_actions_a_role_may_not_take_are_disabled_with_the_reason(qtbot, db):
    own = add_article(db, "Harbour crane to be listed", actor=PRODUCER)
    move(db, own, ("submit", PRODUCER))
    window = open_window(qtbot, db, REPORTER, own)
    buttons = window.workflow_bar.buttons
    assert not buttons[Action.SUBMIT].isEnabled()
    assert "it is submitted" in buttons[Action.SUBMIT].toolTip()
    assert "only a producer may" in buttons[Action.APPROVE].toolTip()
    assert "only a producer may" in buttons[Action.RETURN].toolTip()
    assert "allowed from: approved" in buttons[Action.PUBLISH].toolTip()
    assert "only a producer or its creator" in buttons[Action.ARCHIVE].toolTip()
    assert "[rule:" not in buttons[Action.APPROVE].toolTip()
    assert not window.actions.export.isEnabled()
    # In the words of the core's rule, as the CLI refuses it.
    assert "only the web team may" in window.actions.export.toolTip()

    window.switch_user(window.newsroom.person(PRODUCER))
    # A producer does not approve what they created.
    assert not buttons[Action.APPROVE].isEnabled()
    assert "created article" in buttons[Action.APPROVE].toolTip()
    assert buttons[Action.RETURN].isEnabled() and buttons[Action.ARCHIVE].isEnabled()

    window.switch_user(window.newsroom.person(WEB))
    assert window.actions.export.isEnabled()
    assert window.editor.body.rich_edit.isReadOnly()
    assert "may not edit articles" in window.editor.banner.text()
    close_window(window)


def test_the_web_team_starts_no_articles(qtbot, db):
    window = open_window(qtbot, db, WEB)
    qtbot.waitUntil(lambda: window.list_panel.stack.currentIndex() == 1, timeout=5000)
    assert not window.actions.new.isEnabled()
    assert "only a reporter or producer may" in window.actions.new.toolTip()
    assert not window.list_panel.new_button.isEnabled()
    window.new_article()  # the shortcut's way in, refused as well
    assert window.newsroom.find() == []
    window.switch_user(window.newsroom.person(REPORTER))
    assert window.actions.new.isEnabled() and window.list_panel.new_button.isEnabled()
    close_window(window)


@pytest.mark.parametrize(
    ("fields", "check"),
    [
        ({"headline": "Towpath " * 20}, "headline-length"),
        ({"credits": [Credit("Reporter", (REPORTER,)), Credit("Record", ())]}, "empty-credit-row"),
        ({"body": "Read [this](javascript:alert(1))."}, "link-schemes"),
        ({"body": "![](https://example.org/ferry.jpg)"}, "image-text"),
        ({"credits": [Credit("Photography", ("Ivo Brandt",))]}, "reporter-credited"),
        ({"date": None}, "date-set"),
    ],
)
def test_each_failed_check_is_named_in_the_app(qtbot, db, fields, check):
    article_id = add_article(db, fields.pop("headline", "Ferry timetable"), **fields)
    window = open_window(qtbot, db, REPORTER, article_id)
    confirm(qtbot, window, Action.SUBMIT)
    qtbot.waitUntil(lambda: isinstance(window.workflow.dialog, ChecklistDialog), timeout=5000)
    assert window.workflow.dialog.view.names() == [check]
    assert stored(window, article_id).status is Status.DRAFT
    window.workflow.dialog.reject()
    close_window(window)


def test_submit_asks_first_and_cancel_changes_nothing(qtbot, db):
    article_id = add_article(db, "Night market gets a roof")
    window = open_window(qtbot, db, REPORTER, article_id)
    dialog = request(qtbot, window, Action.SUBMIT)
    assert isinstance(dialog, TransitionDialog)
    assert "Night market gets a roof" in dialog.message.text()
    assert dialog.confirm_button.isEnabled()  # a comment is optional here
    assert unnamed_controls(dialog) == []
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: window.workflow.dialog is None, timeout=5000)
    assert stored(window, article_id).status is Status.DRAFT

    confirm(qtbot, window, Action.SUBMIT, "Ready for the evening edition")
    wait_status(qtbot, window, article_id, "submitted")
    event = window.newsroom.store.audit_events(article_id)[-1]
    assert (event.actor, event.action, event.comment) == (
        REPORTER,
        "submit",
        "Ready for the evening edition",
    )
    # The list's badge follows.
    model = window.list_panel.model
    qtbot.waitUntil(
        lambda: model.data(model.index(model.row_of(article_id), 1)) == "submitted", timeout=5000
    )
    close_window(window)


def test_unsaved_edits_are_saved_before_the_action(qtbot, db):
    article_id = add_article(db, "Bell tower repairs begin")
    window = open_window(qtbot, db, REPORTER, article_id)
    body = window.editor.body.rich_edit
    body.setFocus()
    qtbot.keyClicks(body, " Scaffolding goes up on Tuesday.")
    confirm(qtbot, window, Action.SUBMIT)
    wait_status(qtbot, window, article_id, "submitted")
    article = stored(window, article_id)
    assert "Scaffolding goes up on Tuesday." in article.body
    assert article.revision == 2
    close_window(window)


def test_return_needs_a_comment_and_lands_in_the_reporters_queue(qtbot, db):
    article_id = add_article(db, "Allotments to get a well")
    move(db, article_id, ("submit", REPORTER))
    window = open_window(qtbot, db, PRODUCER, article_id)
    dialog = request(qtbot, window, Action.RETURN)
    assert not dialog.confirm_button.isEnabled()
    assert "required" in dialog.comment_edit.placeholderText()
    dialog.comment_edit.setFocus()
    qtbot.keyClicks(dialog.comment_edit, "   ")
    assert not dialog.confirm_button.isEnabled()  # blanks are no comment
    qtbot.keyClicks(dialog.comment_edit, "Ask the council how deep")
    assert dialog.confirm_button.isEnabled()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    wait_status(qtbot, window, article_id, "draft")
    event = window.newsroom.store.audit_events(article_id)[-1]
    assert (event.action, event.comment) == ("return", "Ask the council how deep")

    window.switch_user(window.newsroom.person(REPORTER))
    window.list_panel.waiting_filter.setChecked(True)
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 1, timeout=5000)
    assert window.list_panel.model.article_id(0) == article_id
    close_window(window)


def test_failed_checks_block_submit_and_are_listed_by_name(qtbot, db):
    article_id = add_article(db, "Cycle lane opens early", date=None, credits=[])
    window = open_window(qtbot, db, REPORTER, article_id)
    # The bar names them before anyone presses Submit.
    qtbot.waitUntil(
        lambda: (
            window.workflow_bar.checks_label.text()
            == "⚠ Before submitting: a Reporter credit, a date"
        )
    )
    tip = window.workflow_bar.checks_label.toolTip()
    assert "reporter-credited" in tip and "date-set" in tip

    confirm(qtbot, window, Action.SUBMIT)
    qtbot.waitUntil(lambda: isinstance(window.workflow.dialog, ChecklistDialog), timeout=5000)
    checklist = window.workflow.dialog
    assert checklist.view.names() == ["reporter-credited", "date-set"]
    assert "no Reporter is credited" in checklist.view.item(0).text()
    assert checklist.reason_edit is None and checklist.override_button is None  # not a producer
    assert stored(window, article_id).status is Status.DRAFT
    checklist.reject()
    close_window(window)


def test_a_producer_overrides_failed_checks_with_a_recorded_reason(qtbot, db):
    article_id = add_article(db, "Wire: storm closes the pass", date=None)
    window = open_window(qtbot, db, PRODUCER, article_id)
    confirm(qtbot, window, Action.SUBMIT)
    qtbot.waitUntil(lambda: isinstance(window.workflow.dialog, ChecklistDialog), timeout=5000)
    checklist = window.workflow.dialog
    assert checklist.view.names() == ["date-set"]
    assert not checklist.override_button.isEnabled()  # a reason first
    assert unnamed_controls(checklist) == []
    checklist.reason_edit.setFocus()
    qtbot.keyClicks(checklist.reason_edit, "Wire copy, date follows")
    assert checklist.override_button.isEnabled()
    qtbot.mouseClick(checklist.override_button, Qt.MouseButton.LeftButton)
    wait_status(qtbot, window, article_id, "submitted")
    comment = window.newsroom.store.audit_events(article_id)[-1].comment
    assert "override: Wire copy, date follows" in comment and "date-set" in comment
    close_window(window)


def test_approve_runs_the_checklist_and_a_producer_may_override(qtbot, db):
    article_id = add_article(db, "Museum night moves to Friday", body="See [it](ftp://x.org/a).")
    room = Newsroom.open(db)
    room.transition(article_id, "submit", actor=PRODUCER, override="checked by phone")
    room.close()
    window = open_window(qtbot, db, PRODUCER, article_id)
    confirm(qtbot, window, Action.APPROVE)
    qtbot.waitUntil(lambda: isinstance(window.workflow.dialog, ChecklistDialog), timeout=5000)
    checklist = window.workflow.dialog
    assert checklist.view.names() == ["link-schemes"]
    assert stored(window, article_id).status is Status.SUBMITTED
    checklist.reason_edit.setFocus()
    qtbot.keyClicks(checklist.reason_edit, "Archive link, agreed")
    qtbot.mouseClick(checklist.override_button, Qt.MouseButton.LeftButton)
    wait_status(qtbot, window, article_id, "approved")
    close_window(window)


def test_an_edit_after_approval_shows_the_banner_and_needs_approval_again(qtbot, db):
    article_id = add_article(db, "Lido reopens after repairs")
    move(db, article_id, ("submit", REPORTER))
    window = open_window(qtbot, db, PRODUCER, article_id)
    confirm(qtbot, window, Action.APPROVE)
    wait_status(qtbot, window, article_id, "approved")
    assert not window.editor.banner.isVisible()

    window.switch_user(window.newsroom.person(REPORTER))
    body = window.editor.body.rich_edit
    body.setFocus()
    qtbot.keyClicks(body, " The slide stays closed.")
    agree_to_edit(qtbot, window)
    window.actions.save.trigger()
    qtbot.waitUntil(lambda: window.editor.banner.isVisible(), timeout=5000)
    assert WITHDRAWN_BANNER in window.editor.banner.text()
    assert REPORTER in window.editor.banner.text()
    wait_status(qtbot, window, article_id, "submitted")
    after = stored(window, article_id)
    assert after.approved_revision < after.revision  # the approved text stays for the site
    close_window(window)

    # Opened again later, the article still says why it waits; a new approval ends it.
    window = open_window(qtbot, db, PRODUCER, article_id)
    qtbot.waitUntil(lambda: WITHDRAWN_BANNER in window.editor.banner.text(), timeout=5000)
    confirm(qtbot, window, Action.APPROVE)
    wait_status(qtbot, window, article_id, "approved")
    qtbot.waitUntil(lambda: not window.editor.banner.isVisible(), timeout=5000)
    close_window(window)


def test_a_published_article_edited_needs_approval_again(qtbot, db):
    article_id = add_article(db, "Harbour baths open all year")
    move(db, article_id, ("submit", REPORTER), ("approve", PRODUCER), ("publish", WEB))
    window = open_window(qtbot, db, REPORTER, article_id)
    assert not window.editor.banner.isVisible()
    fields = window.editor.fields
    fields.headline_edit.setFocus()
    qtbot.keyClicks(fields.headline_edit, " and winter")
    agree_to_edit(qtbot, window)
    window.actions.save.trigger()
    wait_status(qtbot, window, article_id, "submitted")
    qtbot.waitUntil(lambda: WITHDRAWN_BANNER in window.editor.banner.text(), timeout=5000)
    assert stored(window, article_id).headline == "Harbour baths open all year and winter"
    close_window(window)


def test_web_marks_published_and_a_producer_archives(qtbot, db):
    article_id = add_article(db, "Old mill becomes a library")
    move(db, article_id, ("submit", REPORTER), ("approve", PRODUCER))
    window = open_window(qtbot, db, WEB, article_id)
    assert window.workflow_bar.buttons[Action.PUBLISH].isEnabled()
    dialog = confirm(qtbot, window, Action.PUBLISH)
    assert "published" in dialog.message.text()
    wait_status(qtbot, window, article_id, "published")

    window.switch_user(window.newsroom.person(PRODUCER))
    confirm(qtbot, window, Action.ARCHIVE)
    wait_status(qtbot, window, article_id, "archived")
    assert window.editor.body.rich_edit.isReadOnly()
    assert "archived" in window.editor.banner.text()
    assert not any(b.isEnabled() for b in window.workflow_bar.buttons.values())
    close_window(window)


def test_a_refusal_from_the_core_is_shown_plainly(qtbot, db):
    article_id = add_article(db, "Pier lights switched on")
    move(db, article_id, ("submit", REPORTER))
    window = open_window(qtbot, db, PRODUCER, article_id)
    dialog = request(qtbot, window, Action.APPROVE)
    move(db, article_id, ("return", PRODUCER, "Wrong pier"))  # someone else, meanwhile
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workflow.message_box is not None, timeout=5000)
    text = window.workflow.message_box.text()
    assert "cannot approve" in text and "it is draft" in text
    assert stored(window, article_id).status is Status.DRAFT
    window.workflow.message_box.close()
    close_window(window)


def test_waiting_for_me_lists_what_each_role_acts_on(qtbot, db):
    submitted = add_article(db, "Submitted: tram timetable")
    approved = add_article(db, "Approved: new footbridge")
    exported = add_article(db, "Exported: school roofs")
    returned = add_article(db, "Returned: harbour fees")
    other = add_article(db, "Someone else's draft", actor=PRODUCER)
    for article_id in (submitted, approved, exported, returned):
        move(db, article_id, ("submit", REPORTER))
    for article_id in (approved, exported):
        move(db, article_id, ("approve", PRODUCER))
    move(db, returned, ("return", PRODUCER, "Needs figures"))
    room = Newsroom.open(db)
    revision = room.article(exported).revision
    room.store.record_event(actor=WEB, action="export", article_id=exported, revision=revision)
    room.close()

    window = open_window(qtbot, db, PRODUCER)
    panel = window.list_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=5000)
    panel.waiting_filter.setChecked(True)

    def listed():
        return {panel.model.article_id(r) for r in range(panel.model.rowCount())}

    qtbot.waitUntil(lambda: listed() == {submitted}, timeout=5000)
    assert "submitted articles" in panel.waiting_filter.toolTip()
    window.switch_user(window.newsroom.person(WEB))
    qtbot.waitUntil(lambda: listed() == {approved}, timeout=5000)
    assert "not yet exported" in panel.waiting_filter.toolTip()
    window.switch_user(window.newsroom.person(REPORTER))
    qtbot.waitUntil(lambda: listed() == {returned}, timeout=5000)
    assert other not in listed()
    close_window(window)


def test_edited_meanwhile_article_is_refused_approval_as_a_conflict(qtbot, db):
    """Approval is bound to content: approving a revision someone replaced is refused."""
    article_id = add_article(db, "Orchard open day")
    move(db, article_id, ("submit", REPORTER))
    window = open_window(qtbot, db, PRODUCER, article_id)
    dialog = request(qtbot, window, Action.APPROVE)
    room = Newsroom.open(db)
    room.save_article(
        dataclasses.replace(room.article(article_id), body="Now on Sunday."), actor=REPORTER
    )
    room.close()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workflow.message_box is not None, timeout=5000)
    assert "Revision 2 was saved after the revision 1" in window.workflow.message_box.text()
    assert stored(window, article_id).status is Status.SUBMITTED
    # The editor now shows the text that would have been approved.
    qtbot.waitUntil(lambda: window.session.article.revision == 2, timeout=5000)
    assert "Now on Sunday." in window.editor.body.markdown()
    window.workflow.message_box.close()
    confirm(qtbot, window, Action.APPROVE)
    wait_status(qtbot, window, article_id, "approved")
    assert stored(window, article_id).approved_revision == 2
    close_window(window)
