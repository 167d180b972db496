"""A desk that loses the newsroom server: it says so, keeps the text (the recovery
journal goes on), reconnects by itself, and saves what waited through the usual merge
with what another desk saved meanwhile."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import psycopg
import pytest
from PySide6.QtCore import QSettings

from newsdesk.domain.article import Article, Credit
from newsdesk.gui.main_window import MainWindow
from newsdesk.newsroom import Newsroom

LENA, OMAR = "Lena Park", "Omar Diaz"
BODY = "The council met at nine.\n\nThe vote was close."


@pytest.fixture
def server(pg_newsroom):
    pg_newsroom.add_person(LENA, ["reporter"])
    omar_login = pg_newsroom.add_person(OMAR, ["producer", "reporter"])
    room = Newsroom.open(pg_newsroom.url_as(LENA))
    room.create_article(
        Article(
            headline="Harbour wall vote",
            date=dt.date(2026, 9, 14),
            body=BODY,
            credits=[Credit("Reporter", (LENA,))],
        ),
        actor=LENA,
    )
    room.close()
    return pg_newsroom, omar_login


def _admin(server) -> psycopg.Connection:
    return psycopg.connect(server.server.url, autocommit=True)


def _cut_off(server, login: str, omar_login: str) -> None:
    """The server stops taking `login`'s connections and ends the ones it has (as a
    dropped line would), while other desks go on."""
    with _admin(server) as admin:
        admin.execute(f'REVOKE CONNECT ON DATABASE "{server.name}" FROM PUBLIC')
        admin.execute(f'GRANT CONNECT ON DATABASE "{server.name}" TO "{omar_login}"')
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
            [login],
        )


def _let_back(server) -> None:
    with _admin(server) as admin:
        admin.execute(f'GRANT CONNECT ON DATABASE "{server.name}" TO PUBLIC')


def _journaled(window) -> str:
    texts = []
    for path in window.journal.folder.glob("*.json"):
        try:
            texts.append(json.loads(path.read_text(encoding="utf-8"))["content"]["body"])
        except (OSError, ValueError, KeyError):
            continue
    return "\n".join(texts)


def test_offline_the_text_is_kept_and_saved_with_a_merge_once_back(qtbot, server, tmp_path):
    newsroom, omar_login = server
    url = newsroom.url_as(LENA)
    room = Newsroom.open(url)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(room, url, LENA, settings)
    qtbot.addWidget(window)
    window.show()
    window.open_article(1)
    qtbot.waitUntil(lambda: window.session.article is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.live.desk != "", timeout=5000)
    # The list reads its rows when it paints them, on the UI thread: read them now,
    # before the line goes (while the server is gone a read there waits for it).
    model = window.list_panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    assert model.data(model.index(0, 0)) == "Harbour wall vote"

    _cut_off(newsroom, newsroom.login_name(LENA), omar_login)
    offline = window.controller.live.offline_label
    qtbot.waitUntil(lambda: offline.isVisible(), timeout=10_000)
    assert offline.text().startswith("Offline since ")
    assert offline.text().endswith(", your text is kept")
    assert window.controller.live_bar.offline.text() == offline.text()

    body = window.editor.body.rich_edit
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, " Seven to six.")
    qtbot.waitUntil(lambda: "Seven to six." in _journaled(window), timeout=5000)
    qtbot.wait(2500)  # longer than an autosave: nothing is tried, nothing is said
    assert window.session.is_dirty()
    assert "Seven to six." in window.editor.body.markdown()

    # Meanwhile another desk saves the first paragraph.
    omar = Newsroom.open(newsroom.url_as(OMAR))
    current = omar.article(1)
    omar.save_article(
        dataclasses.replace(current, body=BODY.replace("at nine", "at ten")), actor=OMAR
    )

    _let_back(newsroom)
    qtbot.waitUntil(lambda: not offline.isVisible(), timeout=20_000)  # reconnects itself
    qtbot.waitUntil(lambda: omar.article(1).revision == 3, timeout=10_000)
    stored = omar.article(1)
    assert stored.body.strip().split("\n\n") == [
        "The council met at ten.",
        "The vote was close. Seven to six.",
    ]
    assert omar.audit_events(1)[-1].action == "merge"
    qtbot.waitUntil(lambda: "at ten" in window.editor.body.markdown(), timeout=5000)
    assert not window.session.is_dirty()
    omar.close()
    window.close()
    room.close()
