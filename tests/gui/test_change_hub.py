"""One change notification: every view follows the newsroom's changes by itself.

Changes made in this window reach the views through the change hub; so do changes
from another desk, fed in with origin "remote" (as the team server's live updates and
an SQLite poll will be): here another process's newsroom writes, and what it announced
is published on the window's hub.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from newsdesk.domain.status import Status
from newsdesk.domain.workflow import Action
from newsdesk.newsroom import Newsroom
from newsdesk.newsroom.changes import REMOTE, Changes
from tests.gui.workflow_helpers import (
    PRODUCER,
    REPORTER,
    add_article,
    close_window,
    confirm,
    make_newsroom,
    open_window,
    wait_status,
)


@pytest.fixture
def db(tmp_path):
    return make_newsroom(tmp_path)


class OtherDesk:
    """Another desk on the same database; what it writes reaches `window` as remote."""

    def __init__(self, db: Path, window) -> None:
        self.room = Newsroom.open(db)
        self.room.subscribe(
            lambda changes: window.hub.publish(Changes(changes.items, origin=REMOTE))
        )

    def close(self) -> None:
        self.room.close()


def _row_text(window, article_id: int, column: int) -> str:
    model = window.list_panel.model
    row = model.row_of(article_id)
    return "" if row is None else model.data(model.index(row, column))


def test_an_open_unchanged_article_reloads_when_another_desk_saves_it(qtbot, db):
    article_id = add_article(db, "Tram stop moves")
    window = open_window(qtbot, db, REPORTER, article_id)
    window.show_history()
    history = window.history_dialog
    qtbot.waitUntil(lambda: len(history.revisions) == 1, timeout=5000)
    desk = OtherDesk(db, window)
    current = desk.room.article(article_id)
    desk.room.save_article(
        dataclasses.replace(current, headline="Tram stop moves north", body="Two streets up."),
        actor=PRODUCER,
    )
    qtbot.waitUntil(lambda: window.session.article.revision == 2, timeout=5000)
    assert window.editor.fields.headline_edit.text() == "Tram stop moves north"
    assert "Two streets up." in window.editor.body.markdown()
    assert window.save_status.revision.text() == "Revision 2"
    assert window.side.revision.text() == "2"
    assert "Tram stop moves north" in window.workflow_bar.title_label.toolTip()
    qtbot.waitUntil(lambda: _row_text(window, article_id, 0) == "Tram stop moves north")
    qtbot.waitUntil(lambda: len(history.revisions) == 2, timeout=5000)  # the history too
    desk.close()
    close_window(window)


def test_unsaved_text_is_never_replaced_by_another_desks_save(qtbot, db):
    article_id = add_article(db, "Bakery reopens")
    window = open_window(qtbot, db, REPORTER, article_id)
    window.session.set_writable(False)  # my save is slow: my text is unsaved meanwhile
    body = window.editor.body.rich_edit
    body.setFocus()
    qtbot.keyClicks(body, " My unsaved sentence.")
    desk = OtherDesk(db, window)
    current = desk.room.article(article_id)
    desk.room.save_article(dataclasses.replace(current, body="Their text."), actor=PRODUCER)
    review = window.controller.live_bar.review
    qtbot.waitUntil(lambda: review.text() == f"{PRODUCER} saved revision 2 — Review")
    assert "My unsaved sentence." in window.editor.body.markdown()
    assert window.session.article.revision == 1  # my next save meets the conflict
    desk.close()
    window.session.load(None)  # let it go without asking
    close_window(window)


def test_a_status_change_elsewhere_moves_the_bar_the_badge_and_the_queues(qtbot, db):
    article_id = add_article(db, "Pier repairs approved")
    other = add_article(db, "Market day moves")
    desk_room = Newsroom.open(db)
    desk_room.transition(article_id, Action.SUBMIT, actor=REPORTER)
    desk_room.close()
    window = open_window(qtbot, db, PRODUCER, article_id)
    panel = window.list_panel
    panel.waiting_filter.setChecked(True)  # what waits for me: the submitted one

    def listed() -> set[int]:
        return {panel.model.article_id(r) for r in range(panel.model.rowCount())}

    qtbot.waitUntil(lambda: listed() == {article_id}, timeout=5000)
    desk = OtherDesk(db, window)
    desk.room.transition(article_id, Action.RETURN, actor=PRODUCER, comment="Add the cost")
    qtbot.waitUntil(lambda: window.session.article.status is Status.DRAFT, timeout=5000)
    assert "draft" in window.workflow_bar.status_label.text()
    assert "draft" in window.side.status.text()
    assert not window.workflow_bar.buttons[Action.APPROVE].isEnabled()
    qtbot.waitUntil(lambda: listed() == set(), timeout=5000)  # waits for me no more
    panel.waiting_filter.setChecked(False)
    qtbot.waitUntil(lambda: listed() == {article_id, other}, timeout=5000)
    assert _row_text(window, article_id, 1) == "draft ↩ returned"  # and marked so
    desk.close()
    close_window(window)


def test_a_note_from_another_desk_appears_in_the_thread(qtbot, db):
    article_id = add_article(db, "Library roof fixed")
    window = open_window(qtbot, db, REPORTER, article_id)
    desk = OtherDesk(db, window)
    desk.room.comment(article_id, "Photo of the roof?", actor=PRODUCER)
    qtbot.waitUntil(lambda: len(window.notes.comments) == 1, timeout=5000)
    assert window.side.notes_box.title() == "Notes (1)"
    desk.close()
    close_window(window)


def test_a_new_article_from_another_desk_is_listed(qtbot, db):
    window = open_window(qtbot, db, PRODUCER)
    qtbot.waitUntil(lambda: window.list_panel.stack.currentIndex() == 1, timeout=5000)
    desk = OtherDesk(db, window)
    from newsdesk.domain.article import Article

    desk.room.create_article(Article(headline="Ferry strike called off"), actor=REPORTER)
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 1, timeout=5000)
    assert window.list_panel.stack.currentIndex() == 0
    desk.close()
    close_window(window)


def test_a_person_added_elsewhere_can_be_chosen_and_credited(qtbot, db):
    window = open_window(qtbot, db, REPORTER)
    desk = OtherDesk(db, window)
    desk.room.add_person("Ana Ruiz", ["reporter"])
    combo = window.user_switcher.combo
    qtbot.waitUntil(lambda: combo.findText("Ana Ruiz") >= 0, timeout=5000)
    assert combo.currentText() == REPORTER  # still me
    assert "Ana Ruiz" in window.side.credits.known_people()
    desk.close()
    close_window(window)


def test_this_windows_own_actions_refresh_every_view_through_the_hub(qtbot, db):
    article_id = add_article(db, "Swimming pool extends hours")
    window = open_window(qtbot, db, REPORTER, article_id)
    heard: list[Changes] = []
    window.hub.changed.connect(heard.append)
    confirm(qtbot, window, Action.SUBMIT)
    wait_status(qtbot, window, article_id, "submitted")
    assert any(c.kind.value == "status" and c.article_id == article_id for ch in heard for c in ch)
    qtbot.waitUntil(lambda: _row_text(window, article_id, 1) == "submitted", timeout=5000)
    qtbot.waitUntil(lambda: "submitted" in window.side.status.text(), timeout=5000)
    window.notes.compose.setFocus()
    qtbot.keyClicks(window.notes.compose, "Sent before noon.")
    qtbot.mouseClick(window.notes.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.notes.comments) == 1, timeout=5000)
    close_window(window)


def test_the_main_window_refreshes_nothing_by_hand():
    source = (Path(__file__).resolve().parents[2] / "newsdesk/gui/main_window.py").read_text()
    assert not re.findall(r"\.(refresh_article|refresh_checks|show_article)\(", source)
    # The list is loaded once, at start; after that it follows the hub.
    assert len(re.findall(r"\.reload\(", source)) == 1
    assert len(source.splitlines()) < 300
