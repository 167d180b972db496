"""The web team's export through the real window: its queue, the folder and formats,
what changed since the last export (a diff of the pages), the progress, the audit
events, then Mark published."""

from __future__ import annotations

import dataclasses
import threading

import pytest
from PySide6.QtCore import Qt

from newsdesk.domain.status import Status
from newsdesk.gui.export.dialog import ExportDialog
from newsdesk.gui.export.jobs import mark_published, run_export
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


def _ready(db) -> tuple[int, int, int]:
    """Two approved articles and one already published."""
    first = add_article(db, "Bakery wins regional prize", body="The rye loaf won.")
    second = add_article(db, "Night trains to the coast", body="Trains run on Fridays.")
    third = add_article(db, "Cinema reopens its balcony", body="Seats for 80.")
    for article_id in (first, second, third):
        move(db, article_id, ("submit", REPORTER), ("approve", PRODUCER))
    move(db, third, ("publish", WEB))
    return first, second, third


def _open_dialog(qtbot, window) -> ExportDialog:
    window.actions.export.trigger()
    dialog = window.export_dialog
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 3, timeout=5000)
    return dialog


def _column(dialog: ExportDialog, column: int) -> dict[int, str]:
    tree = dialog.tree
    return {
        tree.topLevelItem(r).data(0, Qt.ItemDataRole.UserRole + 1): tree.topLevelItem(r).text(
            column
        )
        for r in range(tree.topLevelItemCount())
    }


def test_export_shows_changes_writes_records_and_marks_published(qtbot, db, tmp_path):
    first, second, third = _ready(db)
    window = open_window(qtbot, db, WEB)
    dialog = _open_dialog(qtbot, window)
    # The queue: approved and not yet exported.
    assert _column(dialog, 3) == {first: "waiting", second: "waiting", third: ""}
    assert not dialog.export_button.isEnabled()
    assert dialog.export_button.toolTip() == "Choose the export folder first"
    assert unnamed_controls(dialog) == []

    out = tmp_path / "site"
    dialog.folder_edit.setFocus()
    qtbot.keyClicks(dialog.folder_edit, str(out))
    dialog.format_boxes["text"].setChecked(True)
    qtbot.waitUntil(lambda: set(_column(dialog, 2).values()) == {"new"}, timeout=5000)
    assert "3 new, 0 changed" in dialog.changes_label.text()
    dialog.tree.setCurrentItem(dialog.item_of(first))
    slug = stored(window, first).slug
    assert f"+++ {slug}.html (this export)" in dialog.diff_view.toPlainText()
    assert f"+++ {slug}.txt (this export)" in dialog.diff_view.toPlainText()
    assert not out.exists()  # looking writes nothing

    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10_000)
    assert dialog.progress.value() == dialog.progress.maximum() == 3
    assert "Exported 3 articles" in dialog.status_label.text()
    for article_id in (first, second, third):
        slug = stored(window, article_id).slug
        assert (out / f"{slug}.html").is_file() and (out / f"{slug}.txt").is_file()
        exports = [
            e for e in window.newsroom.store.audit_events(article_id) if e.action == "export"
        ]
        assert [(e.actor, e.revision) for e in exports] == [
            (WEB, stored(window, article_id).revision)
        ]
    # The folder is up to date now, and the queue is empty.
    qtbot.waitUntil(lambda: set(_column(dialog, 2).values()) == {"unchanged"}, timeout=5000)
    waiting = window.newsroom.find(window.newsroom.waiting_query(window.user))
    assert waiting == []
    assert window.settings.value("export/folder") == str(out)
    assert window.settings.value("export/formats") == "html,text"

    assert dialog.publish_button.isEnabled()
    assert dialog.publish_button.text() == "Mark 2 published"
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: all(stored(window, i).status is Status.PUBLISHED for i in (first, second)),
        timeout=5000,
    )
    qtbot.waitUntil(lambda: "Marked 2 articles published" in dialog.status_label.text())
    assert not dialog.publish_button.isEnabled()
    dialog.close()
    close_window(window)


def test_the_diff_shows_what_changed_since_the_last_export(qtbot, db, tmp_path):
    first, second, third = _ready(db)
    out = tmp_path / "site"
    room = Newsroom.open(db)
    articles = [room.article(i) for i in (first, second, third)]
    for _ in room.export_articles(articles, out, actor=WEB, formats=["html"]):
        pass
    # The producer edits one; it needs approval again, then goes out changed.
    room.save_article(
        dataclasses.replace(room.article(second), body="Trains run on Fridays and Sundays."),
        actor=PRODUCER,
    )
    room.close()
    move(db, second, ("approve", PRODUCER))

    window = open_window(qtbot, db, WEB)
    window.settings.setValue("export/folder", str(out))
    dialog = _open_dialog(qtbot, window)
    assert dialog.folder() == str(out)
    qtbot.waitUntil(
        lambda: _column(dialog, 2) == {first: "unchanged", second: "changed", third: "unchanged"},
        timeout=5000,
    )
    assert _column(dialog, 3)[second] == "waiting"
    dialog.tree.setCurrentItem(dialog.item_of(second))
    diff = dialog.diff_view.toPlainText().splitlines()
    assert any(line.startswith("-") and "Trains run on Fridays.<" in line for line in diff)
    assert any(line.startswith("+") and "Fridays and Sundays" in line for line in diff)
    dialog.tree.setCurrentItem(dialog.item_of(first))
    assert dialog.diff_view.toPlainText() == "Its pages in the folder are up to date."

    # Unticking an article: it would leave the folder's index.
    dialog.item_of(third).setCheckState(0, Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: "1 leaving the index" in dialog.changes_label.text(), timeout=5000)
    assert "leaves the index" in _column(dialog, 2).values()
    dialog.close()
    close_window(window)


def test_an_article_edited_after_the_dialog_opened_goes_out_at_its_approved_revision(
    qtbot, db, tmp_path
):
    first, second, _third = _ready(db)
    room = Newsroom.open(db)
    approved_body = room.article(first).body
    room.save_article(
        dataclasses.replace(room.article(first), body="Changed after approval."), actor=REPORTER
    )
    outcome = run_export(
        room,
        [first, second],
        str(tmp_path / "site"),
        actor=WEB,
        formats=["html"],
        fragment=False,
        report=lambda step: None,
        cancel=threading.Event(),
    )
    assert sorted(outcome.exported) == sorted([first, second])
    assert outcome.skipped == []
    assert outcome.publishable == [second]  # the first awaits approval of its new text
    page = (tmp_path / "site" / f"{room.article(first).slug}.html").read_text(encoding="utf-8")
    assert "Changed after approval." not in page
    assert approved_body.split()[0] in page
    room.close()


def test_a_stopped_export_writes_and_records_nothing(db, tmp_path):
    first, second, _third = _ready(db)
    room = Newsroom.open(db)
    stop = threading.Event()
    seen = []

    def report(step):
        seen.append(step)
        stop.set()  # the user presses Stop while the first article is rendered

    outcome = run_export(
        room,
        [first, second],
        str(tmp_path / "site"),
        actor=WEB,
        formats=["html"],
        fragment=False,
        report=report,
        cancel=stop,
    )
    assert outcome.cancelled and len(seen) == 1
    assert not any(p.suffix == ".html" for p in (tmp_path / "site").iterdir())
    assert all(e.action != "export" for e in room.store.audit_events(first))
    room.close()


def test_only_the_web_team_opens_the_export(qtbot, db):
    window = open_window(qtbot, db, PRODUCER)
    assert not window.actions.export.isEnabled()
    window.show_export()
    assert window.export_dialog is None
    close_window(window)


def test_mark_published_refuses_an_article_approved_again_since_the_export(db, tmp_path):
    first, _second, _third = _ready(db)
    room = Newsroom.open(db)
    outcome = run_export(
        room,
        [first],
        str(tmp_path / "site"),
        actor=WEB,
        formats=["html"],
        fragment=False,
        report=lambda step: None,
        cancel=threading.Event(),
    )
    assert outcome.revisions == {first: 1}
    # Meanwhile the reporter corrects it and the producer approves the correction.
    room.save_article(
        dataclasses.replace(room.article(first), body="The rye loaf and the spelt loaf won."),
        actor=REPORTER,
    )
    move(db, first, ("approve", PRODUCER))
    refusals = mark_published(room, outcome.revisions, WEB)
    assert len(refusals) == 1 and "revision" in refusals[0]
    assert room.article(first).status is Status.APPROVED  # revision 2 is not on the site yet
    room.close()
