from __future__ import annotations

import os

# Before anything imports Qt: tests never open a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from newsdesk.domain.article import Article
from newsdesk.newsroom.journal import SessionJournal


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
