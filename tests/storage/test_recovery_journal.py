"""Per-session recovery journals: one per app session, locked while it lives, offered
only when its session is gone and only to the person who wrote it."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.newsroom.journal import SessionJournal, journal_root, read_entry


def _article(body: str = "Crews worked through the night.\n\n消防员通宵作业。") -> Article:
    return Article(
        id=7,
        revision=3,
        headline="Tram depot fire contained",
        date=dt.date(2026, 8, 1),
        body=body,
        credits=[Credit("Reporter", ("Lena Park",))],
    )


def _write(journal: SessionJournal, user: str = "Lena Park", **kwargs) -> None:
    journal.write(
        kwargs.pop("article", _article()),
        base_revision=3,
        user=user,
        written_at=kwargs.pop("written_at", "2026-08-01T10:00:00+00:00"),
        **kwargs,
    )


def test_written_journal_reads_back_whole_outside_the_database_folder(tmp_path):
    db = tmp_path / "db" / "newsroom.db"
    db.parent.mkdir()
    journal = SessionJournal(db)
    article = _article()
    _write(journal)
    entry = journal.read("Lena Park")
    assert entry is not None
    assert (entry.article_id, entry.base_revision, entry.user) == (7, 3, "Lena Park")
    assert entry.apply_to(Article(headline="old", id=7)).content() == article.content()
    path = journal.path_for("Lena Park")
    assert path.is_relative_to(journal_root())  # the per-user state folder, not the db's
    assert list(db.parent.iterdir()) == []
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".journal-")]
    journal.close()


def test_clear_and_missing_and_damaged(tmp_path):
    journal = SessionJournal(tmp_path / "newsroom.db")
    assert journal.read("Lena Park") is None
    _write(journal)
    journal.clear()
    assert journal.read("Lena Park") is None
    journal.path_for("Lena Park").write_text('{"article_id": 7, "content": ', encoding="utf-8")
    assert journal.read("Lena Park") is None  # cut short: ignored, never a crash
    journal.close()


def test_a_live_sessions_journal_is_never_offered(tmp_path):
    db = tmp_path / "newsroom.db"
    first = SessionJournal(db)
    _write(first)
    second = SessionJournal(db)
    assert second.stale("Lena Park") == []  # the first session still holds its lock
    first.close()  # closed with text it could not save: now it is for the next session
    found = second.stale("Lena Park")
    assert [s.entry.content for s in found] == [_article().content()]
    for stale in found:
        stale.release()
    second.close()


def test_only_the_person_who_wrote_it_is_offered_it(tmp_path):
    db = tmp_path / "newsroom.db"
    gone = SessionJournal(db)
    _write(gone, user="Lena Park")
    gone.close()
    other = SessionJournal(db)
    assert other.stale("Tom Reed") == []
    assert len(other.stale("Lena Park")) == 1
    other.close()


def test_journals_of_another_database_are_not_offered(tmp_path):
    gone = SessionJournal(tmp_path / "a.db")
    _write(gone)
    gone.close()
    other = SessionJournal(tmp_path / "b.db")
    assert other.stale("Lena Park") == []
    other.close()


def test_taking_over_moves_the_text_into_this_sessions_journal(tmp_path):
    db = tmp_path / "newsroom.db"
    gone = SessionJournal(db)
    _write(gone)
    gone.close()
    now = SessionJournal(db)
    (stale,) = now.stale("Lena Park")
    now.take_over(stale)
    assert not stale.path.exists()
    assert now.read("Lena Park").content == _article().content()
    assert now.stale("Lena Park") == []  # offered once
    now.close()


def test_a_switch_of_person_leaves_one_journal_per_session(tmp_path):
    journal = SessionJournal(tmp_path / "newsroom.db")
    _write(journal, user="Lena Park")
    _write(journal, user="Tom Reed")
    assert journal.read("Lena Park") is None
    assert journal.read("Tom Reed") is not None
    journal.close()


def test_the_shared_journal_of_older_versions_is_offered_to_its_writer(tmp_path):
    db = tmp_path / "newsroom.db"
    legacy = db.with_name(db.name + ".recovery.json")
    entry = {
        "article_id": 7,
        "base_revision": 3,
        "user": "Lena Park",
        "written_at": "2026-08-01T10:00:00+00:00",
        "content": _article().content(),
        "pending_fields": {},
    }
    legacy.write_text(json.dumps(entry), encoding="utf-8")
    journal = SessionJournal(db)
    assert journal.stale("Tom Reed") == []
    (stale,) = journal.stale("Lena Park")
    journal.take_over(stale)
    assert not legacy.exists()
    journal.close()


KILLED_SESSION = textwrap.dedent(
    """
    import sys, time
    from newsdesk.domain.article import Article
    from newsdesk.newsroom.journal import SessionJournal
    journal = SessionJournal(sys.argv[1])
    article = Article(id=7, revision=3, headline="Tram depot fire contained", body=sys.argv[2])
    journal.write(article, base_revision=3, user="Lena Park", written_at="2026-08-01T10:00:00")
    print("written", flush=True)
    time.sleep(60)
    """
)


def test_a_killed_sessions_journal_is_offered_and_a_living_ones_is_not(tmp_path):
    db = tmp_path / "newsroom.db"
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_SESSION, str(db), "Typed before the kill."],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    try:
        assert child.stdout.readline().strip() == "written"
        journal = SessionJournal(db)
        assert journal.stale("Lena Park") == []  # that process lives: its lock is held
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    (stale,) = journal.stale("Lena Park")  # the kernel freed the dead process's lock
    assert stale.entry.content["body"] == "Typed before the kill."
    assert read_entry(stale.path) == stale.entry
    stale.release()
    journal.close()


def test_a_session_takes_its_lock_at_its_first_write_and_none_after_closing(tmp_path):
    db = tmp_path / "newsroom.db"
    journal = SessionJournal(db)
    lock = journal.folder / f"{journal.session_id}.lock"
    assert not lock.exists()  # nothing written yet: no lock, no journal to offer
    _write(journal)
    assert lock.exists()
    other = SessionJournal(db)
    assert other.stale("Lena Park") == []  # held: this session is alive
    journal.close()
    assert not lock.exists()
    with pytest.raises(OSError):
        _write(journal)  # a closed session keeps no more text
    assert [s.entry.user for s in other.stale("Lena Park")] == ["Lena Park"]
    other.close()
