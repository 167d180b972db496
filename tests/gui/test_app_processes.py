"""Several real app processes on one database, as several windows of a newsroom are:
each keeps its own recovery journal, and a failing disk ends in a message.

Each process is the app as `newsdesk` starts it (tests/gui/app_process.py), with its
own settings (its own user) and the per-user state folder shared by all.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.newsroom import Newsroom
from newsdesk.newsroom.paths import log_directory
from tests.gui.app_process import AppProcess

REPORTER, PRODUCER = "Mei Lin", "Tom Reed"
TYPED = "The night ferry keeps its Sunday crossing"


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "newsroom.db"
    room = Newsroom.open(path)
    room.add_person(REPORTER, ["reporter"])
    room.add_person(PRODUCER, ["producer", "reporter"])
    room.create_article(
        Article(
            headline="Ferry timetable changes",
            body="The winter timetable starts in May.",
            credits=[Credit("Reporter", (REPORTER,))],
        ),
        actor=REPORTER,
    )
    room.close()
    return path


@pytest.fixture
def apps(tmp_path):
    started: list[AppProcess] = []

    def start(db: Path, user: str) -> AppProcess:
        app = AppProcess(db, user, tmp_path / f"home-{len(started)}")
        started.append(app)
        return app

    yield start
    for app in started:
        if app.child.poll() is None:
            app.kill()


def _stored(db: Path) -> Article:
    room = Newsroom.open(db)
    try:
        return room.article(1)
    finally:
        room.close()


def test_two_windows_keep_their_own_journals_and_a_killed_ones_goes_to_its_writer(db, apps):
    a = apps(db, REPORTER)
    assert a.ask("open 1")["ok"]
    a.ask("hold")  # A's saves stop: its text stays unsaved while B starts
    a.ask("type  " + TYPED)
    assert a.ask("journaled " + TYPED)["ok"]

    b = apps(db, PRODUCER)  # started while A has unsaved text
    assert "stopped before saving" not in b.ready["banner"]
    assert b.ask("open 1")["ok"]
    seen = b.ask("wait 2.5")  # longer than the pause that once made a revision
    assert TYPED not in seen["body"] and not seen["dirty"]
    assert seen["dialogs"] == []
    assert b.quit() == 0
    assert TYPED not in _stored(db).body and _stored(db).revision == 1  # nobody saved it

    a.kill()  # A dies with its text unsaved
    c = apps(db, PRODUCER)  # the other person is not offered A's text
    assert c.ready["article"] != 1 or TYPED not in c.ready["body"]
    assert "stopped before saving" not in c.ready["banner"]
    assert c.quit() == 0

    d = apps(db, REPORTER)  # A's writer is
    assert d.ready["article"] == 1
    assert TYPED in d.ready["body"]
    assert "stopped before saving" in d.ready["banner"]
    saved = d.ask("save")  # a save (Ctrl+S) stores it, under the person who wrote it
    assert not saved["dirty"], saved
    stored = _stored(db)
    assert TYPED in stored.body and stored.revision == 2
    assert stored.updated_by == REPORTER
    assert d.quit() == 0


def _break_shared_memory(db: Path, how: str, read_only) -> None:
    shm = Path(f"{db}-shm")
    if how == "truncated":
        os.truncate(shm, 0)  # what a careless sync or cleanup tool does
    else:
        read_only(shm, running=True)  # what a disk remounted read-only does


@pytest.mark.parametrize("how", ["truncated", "read-only"])
def test_a_broken_shared_memory_file_is_said_plainly_and_the_text_kept(db, apps, read_only, how):
    a = apps(db, REPORTER)
    assert a.ask("open 1")["ok"]
    a.ask("type  First paragraph saved.")
    assert not a.ask("save")["dirty"]
    # The desk's presence mark is written by the feed's thread a moment after the save.
    # The break comes once it is written: a commit already under way while another
    # program cuts or freezes the -shm file is a SIGBUS no check can foresee (the check
    # came before the cut); what the app can do is notice at its next statement.
    assert a.ask("settle")["ok"]
    _break_shared_memory(db, how, read_only)
    a.ask("type  " + TYPED)
    after = a.ask("save")  # today: the process dies here (SIGBUS)
    assert a.child.poll() is None, f"the app died ({signal.Signals(-a.child.poll()).name})"
    a.ask("told")
    after = a.ask("wait 1")  # and nothing more is said
    texts = [d["text"] for d in after["dialogs"]]
    assert len(texts) == 1, texts  # said once, plainly
    assert "shared-memory file" in texts[0] and "journal" in texts[0]
    assert after["read_only"]  # nothing more is accepted that could not be kept
    assert TYPED in after["body"]
    assert a.ask("journaled " + TYPED)["ok"]
    log = (log_directory() / "newsdesk.log").read_text(encoding="utf-8")
    assert "shared-memory file" in log
    assert a.quit() == 0  # closing asks "stay?": the answer is no, and no signal follows
