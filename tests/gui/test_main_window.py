"""The real main window, driven like a reporter would: create, type, credit, preview,
save, restart, find."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from newsdesk.gui.main_window import MainWindow
from newsdesk.newsroom import Newsroom


@pytest.fixture
def env(tmp_path):
    db = tmp_path / "newsroom.db"
    room = Newsroom.open(db)
    room.add_person("Mei Lin", ["reporter"])
    room.add_person("Tom Reed", ["producer"])
    room.close()
    return db, tmp_path / "settings.ini"


def _open_window(qtbot, env) -> MainWindow:
    db, ini = env
    newsroom = Newsroom.open(db)
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    window = MainWindow(newsroom, str(db), "Mei Lin", settings)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def _close(qtbot, window: MainWindow) -> None:
    window.close()
    window.newsroom.close()


def test_create_type_credit_preview_save_restart_search(qtbot, typer, env):
    window = _open_window(qtbot, env)
    qtbot.waitUntil(lambda: window.list_panel.stack.currentIndex() == 1, timeout=5000)
    assert window.list_panel.new_button.isVisible()  # the empty state offers a first article

    window.actions.new.trigger()
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 1, timeout=5000)
    fields = window.editor.fields
    assert fields.headline_edit.hasFocus() or fields.headline_edit.selectedText()

    fields.headline_edit.selectAll()
    qtbot.keyClicks(fields.headline_edit, "Lighthouse keeper retires after forty years")
    fields.kicker_edit.setFocus()
    qtbot.keyClicks(fields.kicker_edit, "Portrait")
    body = window.editor.body.rich_edit
    body.setFocus()
    qtbot.keyClicks(body, "The lamp at Cape Orla goes automatic on Monday.")
    typer(body, " 灯塔")

    credits = window.side.credits
    reporter_row = credits.rows()[0]
    assert reporter_row.role_combo.currentText() == "Reporter"
    qtbot.mouseClick(credits.add_button, Qt.MouseButton.LeftButton)
    row = credits.rows()[-1]
    row.role_combo.lineEdit().setFocus()
    qtbot.keyClicks(row.role_combo.lineEdit(), "Photography")
    row.people.line_edit.setFocus()
    qtbot.keyClicks(row.people.line_edit, "Ivo Brandt")
    qtbot.keyClick(row.people.line_edit, Qt.Key.Key_Return)

    # The preview follows the typing (throttled, off the UI thread).
    qtbot.waitUntil(
        lambda: (
            "Photography" in window.preview.html()
            and "Cape Orla" in window.preview.html()
            and "Portrait" in window.preview.html()
        ),
        timeout=10_000,
    )
    assert "Unified Service Email:" in window.preview.browser.toPlainText()

    window.actions.save.trigger()
    qtbot.waitUntil(lambda: window.save_status.state.text().startswith("Saved"), timeout=10_000)
    assert window.save_status.revision.text() == "Revision 2"
    stored = window.newsroom.article(window.session.article.id)
    assert stored.headline == "Lighthouse keeper retires after forty years"
    assert stored.kicker == "Portrait"
    assert "Cape Orla" in stored.body and "灯塔" in stored.body
    assert [c.to_dict() for c in stored.credits] == [
        {"role": "Reporter", "names": ["Mei Lin"]},
        {"role": "Photography", "names": ["Ivo Brandt"]},
    ]
    article_id = stored.id
    _close(qtbot, window)

    # Restart: the last article comes back, and search finds it (Chinese included).
    window = _open_window(qtbot, env)
    qtbot.waitUntil(
        lambda: window.session.article is not None and window.session.article.id == article_id,
        timeout=5000,
    )
    assert window.editor.fields.headline_edit.text() == stored.headline
    window.actions.find.trigger()
    assert window.list_panel.search_box.hasFocus()
    typer(window.list_panel.search_box, "灯塔")
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 1, timeout=5000)
    assert window.list_panel.model.article_id(0) == article_id
    _close(qtbot, window)


def test_switching_articles_saves_the_open_one(qtbot, env):
    window = _open_window(qtbot, env)
    window.actions.new.trigger()
    qtbot.waitUntil(lambda: window.session.article is not None, timeout=5000)
    first = window.session.article.id
    body = window.editor.body.rich_edit
    body.setFocus()
    qtbot.keyClicks(body, "Unsaved until I switch.")
    window.actions.new.trigger()  # switch away before autosave fires
    qtbot.waitUntil(lambda: window.session.article.id != first, timeout=5000)
    assert "Unsaved until I switch." in window.newsroom.article(first).body
    _close(qtbot, window)


def test_geometry_and_splitter_come_back(qtbot, env):
    window = _open_window(qtbot, env)
    window.splitter.setSizes([200, 600, 250, 250])
    sizes = window.splitter.sizes()
    _close(qtbot, window)
    window = _open_window(qtbot, env)
    assert window.splitter.sizes() == sizes
    _close(qtbot, window)


def test_every_control_has_an_accessible_name(qtbot, env):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    window = _open_window(qtbot, env)
    window.actions.new.trigger()
    qtbot.waitUntil(lambda: window.session.article is not None, timeout=5000)
    unnamed = []
    for kind in (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractButton):
        for widget in window.findChildren(kind):
            if not widget.isVisibleTo(window):
                continue
            parent = widget.parentWidget()
            if isinstance(parent, QComboBox | QLineEdit):  # Qt's own parts of a named control
                continue
            if not (widget.accessibleName() or getattr(widget, "text", lambda: "")()):
                unnamed.append(
                    f"{type(widget).__name__} {widget.objectName()} in {type(parent).__name__}"
                    f" {parent.objectName() if parent else ''}"
                )
    assert unnamed == []
    _close(qtbot, window)
