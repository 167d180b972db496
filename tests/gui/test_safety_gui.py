"""The app on a bad day: killed mid-sentence, a damaged database, backups."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from newsdesk.domain.article import Article, Credit
from newsdesk.gui.main_window import MainWindow
from newsdesk.gui.window_state import WindowState
from newsdesk.newsroom import Newsroom
from newsdesk.storage.sqlite.backup import list_backups, newest_backup
from tests.storage.test_backup import damage_pages, make_newsroom_db

TYPED = "The harbour crane was moved overnight"

# Run as a separate process: open the real window, type into the body, and report
# once the keystrokes are in the recovery journal; the parent then kills it with
# SIGKILL before any autosave (2 s after typing) can run.
CHILD = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from newsdesk.gui.main_window import MainWindow
from newsdesk.newsroom import Newsroom

db, ini, typed = sys.argv[1], sys.argv[2], sys.argv[3]
app = QApplication([])
newsroom = Newsroom.open(db)
window = MainWindow(newsroom, db, "Mei Lin", QSettings(ini, QSettings.Format.IniFormat))
window.show()
deadline = time.monotonic() + 20
while window.session.article is None and time.monotonic() < deadline:
    app.processEvents()
body = window.editor.body.rich_edit
body.setFocus()
body.moveCursor(body.textCursor().MoveOperation.End)
QTest.keyClicks(body, " " + typed)
journal = window.journal.path_for("Mei Lin")
while time.monotonic() < deadline:
    app.processEvents()
    if journal.exists() and typed in journal.read_text(encoding="utf-8"):
        print("journaled", flush=True)
        break
while True:
    app.processEvents()
    time.sleep(0.01)
"""


@pytest.fixture
def newsroom_db(tmp_path) -> Path:
    db = tmp_path / "newsroom.db"
    room = Newsroom.open(db)
    room.add_person("Mei Lin", ["reporter"])
    room.add_person("Tom Reed", ["producer"])
    article = room.create_article(
        Article(
            headline="Port cranes to be replaced",
            body="The port will replace its cranes.",
            credits=[Credit("Reporter", ("Mei Lin",))],
        ),
        actor="Mei Lin",
    )
    room.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    WindowState(settings, str(db)).remember_article(article.id)
    settings.sync()
    return db


def _window(qtbot, db: Path) -> MainWindow:
    newsroom = Newsroom.open(db)
    settings = QSettings(str(db.parent / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(newsroom, str(db), "Mei Lin", settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _close(window: MainWindow) -> None:
    window.close()
    window.newsroom.close()


def test_a_killed_app_gives_back_the_unsaved_text_and_says_so(qtbot, newsroom_db):
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD,
            str(newsroom_db),
            str(newsroom_db.parent / "settings.ini"),
            TYPED,
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert child.stdout.readline().strip() == "journaled"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    stored = Newsroom.open(newsroom_db)
    assert TYPED not in stored.article(1).body  # the kill came before any save
    stored.close()

    window = _window(qtbot, newsroom_db)
    qtbot.waitUntil(lambda: TYPED in window.editor.body.markdown(), timeout=5000)
    assert "recovered" in window.editor.banner.text()
    assert window.editor.banner.isVisible()
    # Autosave stores the recovered text as a new revision, and the journal goes.
    qtbot.waitUntil(lambda: TYPED in window.newsroom.article(1).body, timeout=10_000)
    assert window.newsroom.article(1).revision == 2
    qtbot.waitUntil(lambda: not list(window.journal.folder.glob("*.json")), timeout=5000)
    _close(window)


def test_recovered_text_meets_a_newer_revision_as_a_conflict(
    qtbot, newsroom_db, monkeypatch, abandoned_journal
):
    room = Newsroom.open(newsroom_db)
    article = room.article(1)
    abandoned_journal(
        newsroom_db,
        article.with_content({**article.content(), "body": "My unsaved paragraph."}),
        base_revision=1,
        user="Mei Lin",
        written_at="2026-05-01T09:00:00+00:00",
    )
    room.save_article(
        article.with_content({**article.content(), "body": "Their saved paragraph."}),
        actor="Tom Reed",
    )
    room.close()
    conflicts = []
    monkeypatch.setattr(
        "newsdesk.gui.editor.conflict_dialog.ConflictDialog.open",
        lambda dialog: conflicts.append(dialog) or dialog.later_button.click(),  # later
    )
    # Closing with the conflict undecided asks whether to stay: answer "close".
    monkeypatch.setattr(
        "newsdesk.gui.editor.controller.QMessageBox.warning",
        lambda *a, **k: QMessageBox.StandardButton.No,
    )
    window = _window(qtbot, newsroom_db)
    assert "Someone saved revision 2 meanwhile" in window.editor.banner.text()
    qtbot.waitUntil(lambda: bool(conflicts), timeout=10_000)
    assert window.newsroom.article(1).body == "Their saved paragraph."  # nothing overwritten
    assert window.editor.body.markdown() == "My unsaved paragraph."  # mine still there
    _close(window)


def test_start_checks_and_backs_up_the_database(qtbot, newsroom_db):
    window = _window(qtbot, newsroom_db)
    qtbot.waitUntil(lambda: len(list_backups(newsroom_db)) == 1, timeout=10_000)
    assert window.controller.unwritable is None
    _close(window)
    window = _window(qtbot, newsroom_db)  # nothing changed: no second backup
    window.worker.wait()
    qtbot.wait(100)
    assert len(list_backups(newsroom_db)) == 1
    _close(window)


def test_a_damaged_database_is_reported_and_never_written(qtbot, tmp_path, monkeypatch):
    db = make_newsroom_db(tmp_path / "damaged.db", articles=120, body_words=300)
    room = Newsroom.open(db)
    room.add_person("Mei Lin", ["reporter"])
    room.close()
    from newsdesk.storage.sqlite.backup import backup_database

    good = backup_database(db)
    damage_pages(db)
    shown = []
    monkeypatch.setattr(
        "newsdesk.gui.editor.controller.QMessageBox.critical",
        lambda parent, title, text: shown.append(text),
    )
    before = db.read_bytes()
    window = _window(qtbot, db)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "damaged" in shown[0] and str(good) in shown[0]
    assert "will not write" in shown[0]
    assert newest_backup(db) == good  # no backup of a damaged file
    warned = []
    monkeypatch.setattr(
        "newsdesk.gui.editor.controller.QMessageBox.warning",
        lambda *args, **kwargs: warned.append(args) or QMessageBox.StandardButton.No,
    )
    assert not window.actions.new.isEnabled()
    assert "damaged" in window.actions.new.toolTip()
    window.worker.wait()
    qtbot.wait(50)
    _close(window)
    assert db.read_bytes() == before


def test_a_backup_stopped_by_closing_is_not_a_failed_job(qtbot, newsroom_db, caplog):
    """Closing the window stops a start-up backup under way; that is no failure: the
    worker used to log it as a failed job with its traceback, every such close."""
    import logging

    from PySide6.QtWidgets import QWidget

    from newsdesk.gui.ops.database_guard import DatabaseGuard
    from newsdesk.gui.ops.worker import DatabaseWorker

    owner = QWidget()  # as the window owns them: deleted after the test, not during it
    qtbot.addWidget(owner)
    worker = DatabaseWorker(str(newsroom_db), owner)
    guard = DatabaseGuard(worker, newsroom_db, owner)
    failures: list[str] = []
    guard.backup_failed.connect(failures.append)
    guard.stop()  # the window closed before the start's backup got under way
    with caplog.at_level(logging.INFO):
        guard.start()
        qtbot.waitUntil(lambda: not worker.busy, timeout=10_000)
    assert failures == []
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    assert "stopped: the window closes" in caplog.text
    assert list_backups(newsroom_db) == []
    worker.shutdown()


def _server_troubles():
    """What the server's store raises when the server is out of reach or too busy, made
    by its own translation of the driver's errors (so the names cannot drift apart)."""
    import psycopg
    from psycopg import errors as pg_errors
    from psycopg_pool import PoolTimeout

    from newsdesk.storage.postgres.connection import translate

    where = "postgresql://desk@newsroom.example/news"
    return {
        "connection lost": translate(
            psycopg.OperationalError("server closed the connection"), where
        ),
        "no connection in time": translate(PoolTimeout("couldn't get a connection"), where),
        "too busy": translate(pg_errors.SerializationFailure("could not serialize"), where),
    }


@pytest.mark.parametrize("trouble", ["connection lost", "no connection in time", "too busy"])
def test_a_server_out_of_reach_during_the_check_is_no_damage(
    qtbot, newsroom_db, monkeypatch, trouble
):
    """A save failed because the newsroom server went away; the check after it fails
    for the same reason. That used to be reported as a damaged database, with a modal
    dialog and every write stopped, where the offline bar says what is wrong; a pool
    that found no connection in time still was."""
    from PySide6.QtWidgets import QWidget

    from newsdesk.gui.ops.database_guard import DatabaseGuard
    from newsdesk.gui.ops.worker import DatabaseWorker
    from newsdesk.newsroom import Newsroom

    error = _server_troubles()[trouble]

    def unreachable(self):
        raise error

    owner = QWidget()
    qtbot.addWidget(owner)
    worker = DatabaseWorker(str(newsroom_db), owner)
    guard = DatabaseGuard(worker, newsroom_db, owner)
    damage: list[str] = []
    guard.damaged.connect(damage.append)
    heard: list[str | None] = []
    monkeypatch.setattr(Newsroom, "verify", unreachable)
    guard.recheck(heard.append)
    qtbot.waitUntil(lambda: bool(heard), timeout=10_000)
    assert heard == [None] and damage == [] and guard.damage is None
    worker.shutdown()


@pytest.mark.parametrize(
    ("trouble", "dialogs"),
    [("connection lost", 0), ("no connection in time", 0), ("too busy", 1)],
)
def test_a_save_the_server_could_not_take_keeps_the_text(
    qtbot, desk_db, open_window, monkeypatch, told_dialogs, trouble, dialogs
):
    """A save the server could not take: out of reach, the editor says nothing more
    than its state (the offline bar speaks for the server) and no damage is reported;
    too busy, one "Not saved" dialog. Either way every word stays in the journal."""
    room = Newsroom.open(desk_db)
    room.create_article(
        Article(headline="Lido opens", body="x", credits=[Credit("Reporter", ("Mei Lin",))]),
        actor="Mei Lin",
    )
    room.close()
    window = open_window(desk_db)
    window.open_article(1)
    error = _server_troubles()[trouble]

    def refuse(self, *args, **kwargs):
        raise error

    monkeypatch.setattr(Newsroom, "merge_save", refuse)
    monkeypatch.setattr(Newsroom, "verify", refuse)
    body = window.editor.body.rich_edit
    body.setFocus()
    qtbot.keyClicks(body, " Typed while the server was away.")
    window.actions.save.trigger()
    qtbot.waitUntil(lambda: window.save_status.state.text() == "Not saved", timeout=10_000)
    qtbot.wait(500)  # the guard's re-check, and whatever it would say
    assert len(told_dialogs) == dialogs, told_dialogs
    assert all(title == "Not saved" for title, _ in told_dialogs)
    assert not body.isReadOnly() and window.guard.damage is None
    qtbot.waitUntil(lambda: window.journal.read("Mei Lin") is not None, timeout=5000)
    assert "server was away" in window.journal.read("Mei Lin").content["body"]
