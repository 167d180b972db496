"""Importing in the app: File › Import… and files dropped on the list show the same
preview as `newsdesk import --dry-run` before anything is saved, read off the UI
thread; bad files are named, and what the person keeps becomes articles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from newsdesk.newsroom import Newsroom
from tests.fixtures.word_documents import river_report

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "import"


def _dry_run(db: Path, files: list[Path]) -> list[dict]:
    """What `newsdesk import --dry-run --json` prints for `files`, run as a user would."""
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", "--db", str(db), "import", "--dry-run", "--json"]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def _drop(widget, files: list[Path]) -> None:
    """Drop `files` on `widget` as a file manager does (a drop of file URLs)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    at = QPointF(widget.rect().center())
    for kind in (QDropEvent.Type.DragEnter, QDropEvent.Type.DragMove):
        event = QDropEvent(
            at,
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            kind,
        )
        QApplication.sendEvent(widget, event)
        assert event.isAccepted(), kind
    drop = QDropEvent(
        at,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()


def _stored_headlines(window) -> list[str]:
    from newsdesk.domain.query import ArticleQuery

    ids = window.newsroom.find(ArticleQuery())
    return sorted(s.headline for s in window.newsroom.summaries(ids))


def _preview_shows(text: str, report: dict) -> None:
    """Everything the dry run reports for a file is in the dialog's preview of it."""
    if "refused" in report:
        assert report["refused"] in text
        return
    fields = report["fields"]
    assert fields["headline"] in text
    if fields["kicker"]:
        assert fields["kicker"] in text
    assert " > ".join(fields["section"]) in text
    assert (fields["date"] or "none yet") in text
    for credit in report["credits"]:
        assert f"{credit['role']}: {', '.join(credit['names'])}" in text
    if report["keywords"]:
        assert ", ".join(report["keywords"]) in text
    assert f"{report['paragraphs']} paragraph(s), {report['images']} image(s)" in text
    for note in report["notes"]:
        assert note in text
    for item in report["left_out"]:
        assert item["text"] in text and item["reason"] in text
    for role in report["unknown_roles"]:
        assert role in text


def test_dropped_files_show_the_dry_run_preview_before_anything_is_saved(
    qtbot, tmp_path, desk_db, open_window, monkeypatch
):
    word = river_report(tmp_path / "river-report.docx")
    binary = tmp_path / "camera.bin"
    binary.write_bytes(b"\x00\x01\x02photo" * 50)
    files = [FIXTURES / "zh-editor-note-and-chrome.txt", FIXTURES / "pelican-full.md", word]
    files.append(binary)
    expected = _dry_run(desk_db, files)
    assert [("refused" in r) for r in expected] == [False, False, False, True]

    # The files are read on the long-jobs thread, never on the UI thread.
    from newsdesk.gui.importing import controller as import_controller

    read_on: list[threading.Thread] = []
    real_preview = import_controller.preview_files

    def watched(newsroom, paths, **kwargs):
        read_on.append(threading.current_thread())
        return real_preview(newsroom, paths, **kwargs)

    monkeypatch.setattr(import_controller, "preview_files", watched)

    window = open_window(desk_db)
    _drop(window.list_panel.view.viewport(), files)
    qtbot.waitUntil(lambda: window.tools.importer.dialog is not None, timeout=20_000)
    dialog = window.tools.importer.dialog
    qtbot.waitExposed(dialog)
    assert read_on and read_on[0] is not threading.main_thread()
    assert _stored_headlines(window) == []  # a preview writes nothing

    assert dialog.files.count() == 4
    for row, report in enumerate(expected):
        dialog.files.setCurrentRow(row)
        _preview_shows(dialog.details_text(), report)
    assert "camera.bin" in dialog.files.item(3).text()  # the bad file is named
    assert "binary" in dialog.files.item(3).toolTip()
    assert dialog.import_button.text() == "Import 3 articles"
    assert dialog.focusWidget() is dialog.import_button and dialog.import_button.isDefault()

    # Leave the Pelican post out (Space on its row), then Enter imports the rest.
    dialog.files.setFocus()
    dialog.files.setCurrentRow(1)
    qtbot.keyClick(dialog.files, Qt.Key.Key_Space)
    assert dialog.import_button.text() == "Import 2 articles"
    qtbot.keyClick(dialog.files, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(_stored_headlines(window)) == 2, timeout=20_000)
    headlines = _stored_headlines(window)
    assert expected[0]["fields"]["headline"] in headlines
    assert expected[2]["fields"]["headline"] in headlines
    # The list follows, and the first imported article is opened.
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 2, timeout=5000)
    qtbot.waitUntil(
        lambda: (
            window.session.article is not None
            and window.session.article.headline == expected[0]["fields"]["headline"]
        ),
        timeout=5000,
    )
    stored = window.session.article
    assert [c.to_dict() for c in stored.credits] == expected[0]["credits"]


def test_file_import_from_the_menu_and_cancel_saves_nothing(qtbot, desk_db, open_window):
    window = open_window(desk_db)
    chosen = FIXTURES / "bare-article-zh.txt"

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, choose)
            return
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        dialog.setDirectory(str(chosen.parent))
        name.setText(chosen.name)
        qtbot.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(50, choose)
    window.list_panel.search_box.setFocus()
    qtbot.keyClick(window.list_panel.search_box, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.tools.importer.dialog is not None, timeout=20_000)
    dialog = window.tools.importer.dialog
    expected = _dry_run(desk_db, [chosen])
    _preview_shows(dialog.details_text(), expected[0])
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.tools.importer.dialog is None, timeout=5000)
    qtbot.wait(200)
    assert _stored_headlines(window) == []


def test_only_bad_files_are_named_and_nothing_can_be_imported(
    qtbot, tmp_path, desk_db, open_window
):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Caf\xe9 au lait".encode("latin-1"))
    window = open_window(desk_db)
    window.tools.importer.preview([empty, latin])
    qtbot.waitUntil(lambda: window.tools.importer.dialog is not None, timeout=20_000)
    dialog = window.tools.importer.dialog
    assert not dialog.import_button.isEnabled()
    dialog.files.setCurrentRow(0)
    assert "empty.txt: the file is empty" in dialog.details_text()
    dialog.files.setCurrentRow(1)
    assert "latin1.txt: not valid UTF-8" in dialog.details_text()
    dialog.reject()


def test_a_person_who_may_not_start_articles_may_not_import(qtbot, desk_db, open_window):
    room = Newsroom.open(desk_db)
    room.add_person("Kai Web", ["web"])
    room.close()
    window = open_window(desk_db, user="Kai Web")
    action = window.actions.import_files
    assert not action.isEnabled()
    assert action.toolTip()  # the rule's reason, as the New action gives it

    told: list[str] = []

    def read_and_close() -> None:
        box = window.tools.importer.message_box
        if box is None or not box.isVisible():
            QTimer.singleShot(50, read_and_close)
            return
        told.append(box.text())
        box.close()

    QTimer.singleShot(50, read_and_close)
    _drop(window.list_panel.view.viewport(), [FIXTURES / "pelican-full.md"])
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert told[0] == action.toolTip()
    assert window.tools.importer.dialog is None
