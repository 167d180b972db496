"""Small things a reporter notices on the first day: the title, the icon, what the
first start says, which article comes back, a browser that does not start, and how
many articles the list holds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.status import UserRole
from newsdesk.gui import app as gui_app
from newsdesk.gui.people.first_run_dialog import FirstRunDialog
from newsdesk.newsroom import Newsroom

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "icons" / "app"


def _articles(db: Path, *headlines: str) -> list[int]:
    room = Newsroom.open(db)
    ids = [
        room.create_article(
            Article(
                headline=h, date=dt.date(2026, 5, 1), credits=[Credit("Reporter", ("Mei Lin",))]
            ),
            actor="Mei Lin",
        ).id
        for h in headlines
    ]
    room.close()
    return ids


def test_the_title_names_the_app_once_and_the_window_has_its_icon(qtbot, desk_db, open_window):
    gui_app.application()  # names the running application, as `newsdesk` does
    window = open_window(desk_db)
    title = window.windowTitle()
    name = QGuiApplication.applicationDisplayName()
    assert name == "newsdesk"
    # Qt appends the display name to a title that does not end with it; this one does,
    # so what the title bar shows is exactly this: the person, then the app, once.
    assert title == "Mei Lin — newsdesk"
    assert QGuiApplication.desktopFileName() == "org.newsdesk.newsdesk"
    icon = window.windowIcon()
    assert not icon.isNull()
    drawn = icon.pixmap(48, 48).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    shipped = QImage(str(RESOURCES / "newsdesk-48.png")).convertToFormat(
        QImage.Format.Format_ARGB32
    )
    # The app's own icon, not Qt's default (pixels equal up to the rounding of a
    # premultiplied pixmap's translucent edges).
    worst = max(
        max(abs(a - b) for a, b in zip(_rgba(drawn, x, y), _rgba(shipped, x, y), strict=True))
        for x in range(48)
        for y in range(48)
    )
    assert worst <= 3, worst


def _rgba(image: QImage, x: int, y: int) -> tuple[int, int, int, int]:
    # Compared as drawn (premultiplied): colour under near-transparency hardly shows.
    colour = image.pixelColor(x, y)
    alpha = colour.alpha()
    return (
        colour.red() * alpha // 255,
        colour.green() * alpha // 255,
        colour.blue() * alpha // 255,
        alpha,
    )


def test_the_first_thing_a_new_user_sees_is_not_a_backup_notice(qtbot, typer, tmp_path):
    db = tmp_path / "fresh.db"

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstRunDialog)
        typer(dialog.name_edit, "Ada Moss")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, answer)
    window = gui_app.start(db)
    assert not isinstance(window, int)
    qtbot.addWidget(window)
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    backups = db.parent / "backups"
    qtbot.waitUntil(lambda: backups.exists() and any(backups.iterdir()), timeout=10_000)
    qtbot.wait(300)
    assert not [m for m in said if "ackup" in m], said  # made, but not announced
    assert window.list_panel.empty_label.text().startswith("No articles yet")
    window.close()
    window.newsroom.close()


def test_the_last_opened_article_is_remembered_per_database(qtbot, tmp_path, open_window):
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    for db in (first, second):
        room = Newsroom.open(db)
        room.add_person("Mei Lin", ["reporter"])
        room.close()
    ids_first = _articles(first, "Ferry timetable", "Library extension")
    ids_second = _articles(second, "Harbour cranes", "Night buses")
    settings = QSettings(str(tmp_path / "shared.ini"), QSettings.Format.IniFormat)

    def open_and_choose(db: Path, article_id: int) -> None:
        window = open_window(db, settings=settings)
        qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 2, timeout=5000)
        window.list_panel.select_article(article_id)
        qtbot.waitUntil(lambda: window.session.article is not None, timeout=5000)
        assert window.session.article.id == article_id
        window.close()

    open_and_choose(first, ids_first[0])
    open_and_choose(second, ids_second[1])
    # Back to the first newsroom: its own last article, not the other one's number.
    window = open_window(first, settings=settings)
    qtbot.waitUntil(lambda: window.session.article is not None, timeout=5000)
    assert window.session.article.id == ids_first[0]
    assert window.session.article.headline == "Ferry timetable"


def test_open_in_browser_says_so_when_no_browser_could_be_started(qtbot, desk_db, open_window):
    # The offscreen platform has no browser to start, as a desktop without a default
    # browser has none: QDesktopServices.openUrl answers False.
    _articles(desk_db, "Ferry timetable")
    window = open_window(desk_db)
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 1, timeout=5000)
    window.list_panel.select_article(window.list_panel.model.article_id(0))
    qtbot.waitUntil(lambda: window.session.article is not None, timeout=5000)
    told: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, read_and_close)
            return
        told.append(box.windowTitle() + "\n" + box.text())
        box.accept()

    QTimer.singleShot(50, read_and_close)
    window.editor.fields.headline_edit.setFocus()
    qtbot.keyClick(
        window.editor.fields.headline_edit,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert "No browser could be started" in told[0]
    page = Path(told[0].split("saved at:\n")[1].split("\n")[0])
    assert page.exists() and "Ferry timetable" in page.read_text(encoding="utf-8")


def test_the_list_says_how_many_articles_match(qtbot, desk_db, open_window, typer):
    _articles(desk_db, "Ferry timetable", "Library extension", "地铁新线开通")
    window = open_window(desk_db)
    panel = window.list_panel
    qtbot.waitUntil(lambda: panel.count_label.text() == "3 articles", timeout=5000)
    panel.search_box.setFocus()
    typer(panel.search_box, "地铁")
    qtbot.waitUntil(lambda: panel.count_label.text() == "1 article matches", timeout=5000)
    panel.search_box.clear()
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("approved"))
    qtbot.waitUntil(lambda: panel.count_label.text() == "No article matches", timeout=5000)
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("draft"))
    qtbot.waitUntil(lambda: panel.count_label.text() == "3 articles match", timeout=5000)


def test_the_first_run_dialog_allows_several_roles(qtbot, typer, tmp_path):
    newsroom = Newsroom.open(tmp_path / "first.db")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstRunDialog)
        assert dialog.focusWidget() is dialog.name_edit  # where the person starts typing
        typer(dialog.name_edit, "Zhou Ning")
        start = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert start.isDefault()
        dialog.role_boxes[UserRole.REPORTER].setChecked(True)
        dialog.role_boxes[UserRole.PRODUCER].setChecked(True)
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Enter starts

    QTimer.singleShot(0, answer)
    assert gui_app.ensure_user(newsroom, settings) == "Zhou Ning"
    assert newsroom.person("Zhou Ning").roles == {UserRole.REPORTER, UserRole.PRODUCER}
    newsroom.close()
