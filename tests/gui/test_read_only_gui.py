"""A database that stops taking writes while the window is open: said once, as
read-only (SQLite itself calls it a disk I/O error), and the text is kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from newsdesk.domain.article import Article, Credit
from newsdesk.gui.main_window import MainWindow
from newsdesk.newsroom import Newsroom


def test_a_database_that_turns_read_only_is_said_once_and_the_text_kept(
    qtbot, tmp_path, read_only, told_dialogs
):
    db = tmp_path / "newsroom.db"
    room = Newsroom.open(db)
    room.add_person("Mei Lin", ["reporter"])
    room.create_article(
        Article(headline="Lido opens", body="x", credits=[Credit("Reporter", ("Mei Lin",))]),
        actor="Mei Lin",
    )
    room.close()
    window = MainWindow(
        Newsroom.open(db),
        str(db),
        "Mei Lin",
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(window)
    window.show()
    window.open_article(1)
    body = window.editor.body.rich_edit
    body.setFocus()
    qtbot.keyClicks(body, " Saved before.")
    window.session.save_now()
    read_only(db, Path(f"{db}-wal"), running=True)  # the disk stops taking writes

    qtbot.keyClicks(body, " Typed after.")
    window.actions.save.trigger()
    qtbot.waitUntil(lambda: bool(told_dialogs), timeout=10_000)
    qtbot.keyClicks(body, " And more.")  # refused: the editor is read-only now
    qtbot.wait(2_500)  # an autosave's time: nothing more is said
    assert len(told_dialogs) == 1, told_dialogs
    title, text = told_dialogs[0]
    assert title == "The database is read-only"
    assert "read-only" in text and "full" not in text and "journal" in text
    assert body.isReadOnly() and "read-only" in window.editor.banner.text()
    assert window.save_status.state.text() == "Not saved"
    qtbot.waitUntil(lambda: window.journal.read("Mei Lin") is not None, timeout=5000)
    assert "Typed after." in window.journal.read("Mei Lin").content["body"]
    window.close()
    window.newsroom.close()
