"""A small newsroom and the real main window, for the workflow tests.

Names and stories are our own. Mei Lin reports, Tom Reed produces (and writes
sometimes), Kai Web is the web team.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.workflow import Action
from newsdesk.gui.main_window import MainWindow
from newsdesk.gui.workflow.bar import TransitionDialog
from newsdesk.newsroom import Newsroom

REPORTER, PRODUCER, WEB = "Mei Lin", "Tom Reed", "Kai Web"


def make_newsroom(folder: Path) -> Path:
    db = folder / "newsroom.db"
    room = Newsroom.open(db)
    room.add_person(REPORTER, ["reporter"])
    room.add_person(PRODUCER, ["producer", "reporter"])
    room.add_person(WEB, ["web"])
    room.close()
    return db


def add_article(db: Path, headline: str, *, actor: str = REPORTER, **fields) -> int:
    values = dict(
        headline=headline,
        date=dt.date(2026, 9, 14),
        body="The ferry to Stone Island runs again from Monday.",
        credits=[Credit("Reporter", (actor,))],
    )
    values.update(fields)
    room = Newsroom.open(db)
    try:
        return room.create_article(Article(**values), actor=actor).id
    finally:
        room.close()


def move(db: Path, article_id: int, *steps: tuple[str, str] | tuple[str, str, str]) -> None:
    """Run workflow steps through the core: (action, actor[, comment])."""
    room = Newsroom.open(db)
    try:
        for action, actor, *comment in steps:
            room.transition(article_id, action, actor=actor, comment=comment[0] if comment else "")
    finally:
        room.close()


def open_window(qtbot, db: Path, user: str, article_id: int | None = None) -> MainWindow:
    newsroom = Newsroom.open(db)
    settings = QSettings(str(db.parent / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(newsroom, str(db), user, settings)
    qtbot.addWidget(window)
    window.resize(1400, 820)
    window.show()
    qtbot.waitExposed(window)
    if article_id is not None:
        window.open_article(article_id)
        qtbot.waitUntil(lambda: window.session.article is not None, timeout=5000)
    return window


def close_window(window: MainWindow) -> None:
    window.close()
    window.newsroom.close()


def stored(window: MainWindow, article_id: int) -> Article:
    return window.newsroom.article(article_id)


def request(qtbot, window: MainWindow, action: Action) -> QDialog:
    """Press the workflow bar's button for `action`; return the dialog it opens."""
    button = window.workflow_bar.buttons[action]
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, _left())
    qtbot.waitUntil(lambda: window.workflow.dialog is not None, timeout=5000)
    return window.workflow.dialog


def confirm(qtbot, window: MainWindow, action: Action, comment: str = "") -> TransitionDialog:
    dialog = request(qtbot, window, action)
    assert isinstance(dialog, TransitionDialog)
    if comment:
        dialog.comment_edit.setFocus()
        qtbot.keyClicks(dialog.comment_edit, comment)
    qtbot.mouseClick(dialog.confirm_button, _left())
    return dialog


def wait_status(qtbot, window: MainWindow, article_id: int, status: str) -> None:
    qtbot.waitUntil(lambda: stored(window, article_id).status.value == status, timeout=5000)
    qtbot.waitUntil(
        lambda: (
            window.session.article.status.value == status
            and status in window.workflow_bar.status_label.text()
        ),
        timeout=5000,
    )


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def unnamed_controls(root) -> list[str]:
    """Controls under `root` a screen reader could not name (no accessible name, no text)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    unnamed = []
    for kind in (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractButton):
        for widget in root.findChildren(kind):
            parent = widget.parentWidget()
            if not widget.isVisibleTo(root) or isinstance(parent, QComboBox | QLineEdit):
                continue
            if not (widget.accessibleName() or getattr(widget, "text", lambda: "")()):
                unnamed.append(f"{type(widget).__name__} in {type(parent).__name__}")
    return unnamed


def edit_question(qtbot, window: MainWindow):
    """The question the first edit of an approved article asks, once it is on screen."""
    guard = window.controller.edit_guard
    qtbot.waitUntil(lambda: guard.question is not None and guard.question.isVisible(), timeout=3000)
    return guard.question


def answer(qtbot, box, text: str) -> None:
    """Press the button of `box` labelled `text` (mnemonic ampersands aside)."""
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def agree_to_edit(qtbot, window: MainWindow) -> None:
    answer(qtbot, edit_question(qtbot, window), "Edit anyway")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
