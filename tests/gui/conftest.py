from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

# Before anything imports Qt: tests never open a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _desktop_sized_offscreen_screen() -> None:
    """The offscreen platform's screen is 800×800 by default, smaller than the
    window's default size, which the window would then shrink to fit (as it must on
    a real screen). Tests get a common desktop screen, 1920×1200, instead; a test of
    another screen runs the app in a child process with its own configuration."""
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return
    config = Path(tempfile.mkdtemp(prefix="newsdesk-screen-")) / "screen.json"
    screen = {"name": "desktop", "x": 0, "y": 0, "width": 1920, "height": 1200}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


_desktop_sized_offscreen_screen()

import pytest  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from newsdesk.domain.article import Article  # noqa: E402
from newsdesk.newsroom.journal import SessionJournal  # noqa: E402


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type `text` into `widget` as a user would.

    ASCII goes through real key presses. Anything else is committed the way an input
    method commits it, because QTest.keyClicks with non-ASCII text aborts the process.
    """
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def typer(qtbot):
    return lambda widget, text: type_text(qtbot, widget, text)


def leave_journal(db, article: Article, *, base_revision: int, user: str, written_at: str) -> None:
    """What a session that ended with unsaved text leaves: its journal, unlocked."""
    journal = SessionJournal(db)
    journal.write(article, base_revision=base_revision, user=user, written_at=written_at)
    journal.close()


@pytest.fixture
def abandoned_journal():
    return leave_journal


@pytest.fixture(scope="session", autouse=True)
def interface_in_english(qapp, tmp_path_factory):
    """The English catalog, installed as the app installs it at start on an English
    system (its plural forms: "1 article", "2 articles"), whatever the machine's locale."""
    from PySide6.QtCore import QSettings

    from newsdesk.gui.i18n.language import choose_language, install_translations

    settings = QSettings(
        str(tmp_path_factory.mktemp("language") / "english.ini"), QSettings.Format.IniFormat
    )
    choose_language(settings, "en")
    install_translations(settings)
    return settings


@pytest.fixture
def chinese_interface(tmp_path, interface_in_english):
    """The app's Chinese catalog installed as Help › Language installs it; the settings
    that ask for it (the English catalog is back after the test)."""
    from PySide6.QtCore import QSettings

    from newsdesk.gui.i18n.language import choose_language, install_translations

    settings = QSettings(str(tmp_path / "chinese.ini"), QSettings.Format.IniFormat)
    choose_language(settings, "zh_CN")
    assert install_translations(settings) == "zh_CN"
    yield settings
    install_translations(interface_in_english)


# -- a newsroom and the real window on it ---------------------------------------------

CHINESE_CREDITS = (
    ("监制", ("王超",)),
    ("记者", ("岳弘彬", "牛镛", "严帅楠")),
    ("摄像", ("李挺",)),
    ("编辑", ("中央广播电视总台新闻中心摄像组",)),
)


def chinese_article(newsroom, actor: str = "Mei Lin") -> Article:
    """A Chinese article as the newsroom gets them: kicker, four credits, one of them
    an organisation with a long name."""
    import datetime as dt

    from newsdesk.domain.article import Credit

    return newsroom.create_article(
        Article(
            headline="城市地铁新线今日开通",
            kicker="独家",
            date=dt.date(2026, 5, 16),
            source="新华社",
            language="zh",
            body="新线连接机场和老城区，全程二十二分钟。\n\n共设十二座车站，运营至午夜。",
            credits=[Credit(role, names) for role, names in CHINESE_CREDITS],
        ),
        actor=actor,
    )


@pytest.fixture
def desk_db(tmp_path) -> Path:
    """A newsroom file with a reporter (Mei Lin) and a producer (Tom Reed)."""
    from newsdesk.newsroom import Newsroom

    db = tmp_path / "newsroom.db"
    room = Newsroom.open(db)
    room.add_person("Mei Lin", ["reporter"])
    room.add_person("Tom Reed", ["producer"])
    room.close()
    return db


@pytest.fixture
def open_window(qtbot, tmp_path):
    """`open_window(db, user="Mei Lin", size=(w, h), settings=None)`: the real main
    window on `db`, shown, with settings of its own (closed after the test)."""
    from PySide6.QtCore import QSettings

    from newsdesk.gui.main_window import MainWindow
    from newsdesk.newsroom import Newsroom

    opened = []

    def open_(db, user="Mei Lin", size=(1360, 800), settings=None):
        newsroom = Newsroom.open(db)
        settings = settings or QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(newsroom, str(db), user, settings)
        qtbot.addWidget(window)
        opened.append(window)
        if size is not None:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        # Active, as a window opened on a desktop is: its shortcuts take keys. (Polled:
        # qtbot.waitActive holds the interpreter lock while it waits, and so can
        # deadlock with the window's worker threads.)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        return window

    yield open_
    for window in opened:
        if window.isVisible():
            window.close()
        window.newsroom.close()


@pytest.fixture
def told_dialogs(monkeypatch) -> list[tuple[str, str]]:
    """Every warning or critical message box the test's window shows, as (title, text),
    answered No instead of waiting for a click."""
    from PySide6.QtWidgets import QMessageBox

    told: list[tuple[str, str]] = []

    def tell(_parent, title, text, *_args, **_kwargs):
        told.append((title, text))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(tell))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(tell))
    return told
