"""Recovery you can see: after a crash the "recovered" banner stays up once the window
has settled (the list loading the same article must not clear it), and the word count
and the page preview show the recovered text, not the stored revision under it."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QSettings

from newsdesk.domain.article import Article, Credit
from newsdesk.gui.window_state import WindowState
from newsdesk.newsroom import Newsroom

RECOVERED = "Seven more words were typed before the crash."


def test_the_recovered_banner_stays_and_counts_and_preview_match(
    qtbot, desk_db, tmp_path, open_window, abandoned_journal
):
    room = Newsroom.open(desk_db)
    article = room.create_article(
        Article(
            headline="Port cranes to be replaced",
            body="The port will replace its cranes.",
            credits=[Credit("Reporter", ("Mei Lin",))],
        ),
        actor="Mei Lin",
    )
    unsaved = dataclasses.replace(article, body=article.body + "\n\n" + RECOVERED)
    abandoned_journal(desk_db, unsaved, base_revision=1, user="Mei Lin", written_at="t")
    room.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    WindowState(settings, str(desk_db)).remember_article(article.id)

    window = open_window(desk_db, settings=settings)
    banner = window.editor.banner
    # Settled: the list has loaded and selected the article, the preview rendered.
    qtbot.waitUntil(lambda: window.list_panel.current_id() == article.id, timeout=5000)
    qtbot.waitUntil(lambda: RECOVERED in window.preview.html(), timeout=5000)
    qtbot.wait(300)
    assert banner.isVisible() and "recovered" in banner.text().casefold()
    assert window.save_status.counts.text().startswith("14 words")  # 6 stored + 8 recovered
    # Saved by autosave, it is still said until another article is opened.
    qtbot.waitUntil(lambda: window.newsroom.article(article.id).revision == 2, timeout=10_000)
    assert banner.isVisible() and "recovered" in banner.text().casefold()
