"""Keys as a reporter presses them on an X11 desktop (run by test_x11_keys.py).

On X11 Qt's text fields take Ctrl+K as "delete to the end of the line" and know
Ctrl+Y as nothing at all (redo is Ctrl+Shift+Z); the offscreen platform of the other
tests uses the Windows keys, where neither surprise happens. So these run in a
process of their own on a real X server (Xvfb), through the real main window.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from tests.gui.workflow_helpers import (
    REPORTER,
    add_article,
    close_window,
    make_newsroom,
    open_window,
)

pytestmark = pytest.mark.skipif(
    os.environ.get("QT_QPA_PLATFORM") != "xcb", reason="runs on an X server (test_x11_keys.py)"
)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, tmp_path):
    db = make_newsroom(tmp_path)
    article_id = add_article(db, "Ferry returns", body="The pier reopened on Monday.\n")
    window = open_window(qtbot, db, REPORTER, article_id)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    yield window
    close_window(window)


def focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=3000)


def test_this_is_the_x11_keyboard(qapp):
    assert QKeySequence("Ctrl+Y") not in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    assert QKeySequence("Ctrl+K") in QKeySequence.keyBindings(
        QKeySequence.StandardKey.DeleteEndOfLine
    )


def test_ctrl_y_redoes_in_the_body_and_in_a_field(window, qtbot):
    body = window.editor.body.rich_edit
    focus(qtbot, body)
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, " Tickets online.")
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    assert "Tickets" not in body.toPlainText()
    qtbot.keyClick(body, Qt.Key.Key_Y, CTRL)
    assert body.toPlainText().endswith("Tickets online.")

    headline = window.editor.fields.headline_edit
    focus(qtbot, headline)
    headline.end(False)
    qtbot.keyClicks(headline, " again")
    qtbot.keyClick(headline, Qt.Key.Key_Z, CTRL)
    assert headline.text() == "Ferry returns"
    qtbot.keyClick(headline, Qt.Key.Key_Y, CTRL)
    assert headline.text() == "Ferry returns again"


def test_ctrl_k_never_deletes_text(window, qtbot):
    headline = window.editor.fields.headline_edit
    focus(qtbot, headline)
    headline.setCursorPosition(5)
    qtbot.keyClick(headline, Qt.Key.Key_K, CTRL)
    assert headline.text() == "Ferry returns"

    editor = window.editor.body
    body = editor.rich_edit
    focus(qtbot, body)
    body.moveCursor(body.textCursor().MoveOperation.Start)
    qtbot.keyClick(body, Qt.Key.Key_K, CTRL)
    assert editor.link_dialog is not None and editor.link_dialog.isVisible()
    editor.link_dialog.reject()
    assert body.toPlainText() == "The pier reopened on Monday."

    editor.set_source_mode(True)
    source = editor.source_edit
    focus(qtbot, source)
    source.moveCursor(source.textCursor().MoveOperation.Start)
    qtbot.keyClick(source, Qt.Key.Key_K, CTRL)
    assert editor.link_dialog is not None and editor.link_dialog.isVisible()
    editor.link_dialog.reject()
    assert source.toPlainText().startswith("The pier reopened on Monday.")
