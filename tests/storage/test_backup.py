"""Online backups, rotation, restore, and what a damaged database does (real files)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newsdesk.domain.article import Article, Person
from newsdesk.domain.errors import StorageError
from newsdesk.domain.status import UserRole
from newsdesk.newsroom import Newsroom
from newsdesk.storage.sqlite.backup import (
    BackupCancelled,
    backup_database,
    backup_folder,
    check_database_file,
    list_backups,
    newest_backup,
    restore_database,
    rotate_backups,
)
from newsdesk.storage.sqlite.backup_policy import AutoBackup
from newsdesk.storage.sqlite.store import SQLiteStore

REPORTER = "Ines Moreau"


def make_newsroom_db(path: Path, articles: int = 3, body_words: int = 40) -> Path:
    """A real newsroom database with `articles` articles, closed (WAL folded in)."""
    store = SQLiteStore(path)
    try:
        store.add_person(Person(REPORTER, frozenset({UserRole.REPORTER})))
        words = ("tide", "harbour", "council", "ferry", "lantern", "orchard", "quarry")
        for number in range(1, articles + 1):
            body = " ".join(words[(number + i) % len(words)] for i in range(body_words))
            store.insert_article(
                Article(headline=f"Dispatch {number}", slug=f"dispatch-{number}", body=body),
                actor=REPORTER,
            )
    finally:
        store.close()
    return path


def damage_pages(path: Path, first_fraction: float = 0.4, pages: int = 4) -> None:
    """Overwrite `pages` pages in the middle of the file with garbage, as a failing disk
    or a stray write would; the first page (the header and schema) stays intact."""
    page_size = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    count = path.stat().st_size // page_size
    start = max(2, int(count * first_fraction))
    assert start + pages < count, "the database is too small to damage in the middle"
    garbage = random.Random(6).randbytes(page_size * pages)
    with path.open("r+b") as handle:
        handle.seek(start * page_size)
        handle.write(garbage)


def headlines(path: Path) -> list[str]:
    store = SQLiteStore(path)
    try:
        return [store.get_article(i).headline for i in store.article_ids()]
    finally:
        store.close()


@pytest.fixture
def db(tmp_path) -> Path:
    return make_newsroom_db(tmp_path / "newsroom.db")


# -- backups ------------------------------------------------------------------


def test_backup_goes_beside_the_database_and_is_one_checked_file(db):
    made = backup_database(db)
    assert made.parent == backup_folder(db) == db.parent / "backups"
    assert made.name.startswith("newsroom-") and made.suffix == ".db"
    assert not Path(f"{made}-wal").exists()
    assert check_database_file(made) == []
    assert sqlite3.connect(made).execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert headlines(made) == headlines(db)
    assert [p.name for p in made.parent.iterdir()] == [made.name]  # no temporary left


def test_backup_to_a_chosen_file_and_into_a_chosen_folder(db, tmp_path):
    out = tmp_path / "elsewhere" / "copy.db"
    assert backup_database(db, out) == out
    assert headlines(out) == headlines(db)
    folder = tmp_path / "folder"
    folder.mkdir()
    inside = backup_database(db, folder)
    assert inside.parent == folder and headlines(inside) == headlines(db)


def test_backup_refuses_to_overwrite_the_database_itself(db):
    before = db.read_bytes()
    with pytest.raises(StorageError, match="onto itself"):
        backup_database(db, db)
    assert db.read_bytes() == before


def test_backup_of_a_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(StorageError, match="no database at"):
        backup_database(tmp_path / "nothing.db")
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())


def test_backups_are_consistent_while_another_writer_saves(db):
    """A backup taken during writes is a snapshot: every copy passes the full check."""
    stop = threading.Event()
    saved: list[int] = []

    def write() -> None:
        newsroom = Newsroom.open(db)
        try:
            article = newsroom.article(1)
            number = 0
            while not stop.is_set():
                number += 1
                article = newsroom.save_article(
                    dataclasses.replace(article, body=f"Version {number}. " + "word " * 400),
                    actor=REPORTER,
                )
                saved.append(article.revision)
        finally:
            newsroom.close()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        while not saved:
            time.sleep(0.01)
        copies = [backup_database(db) for _ in range(5)]
    finally:
        stop.set()
        writer.join()
    assert len(saved) > 1
    for copy in copies:
        store = SQLiteStore(copy)
        try:
            assert store.check() == []
            article = store.get_article(1)
            number = int(article.body.split(".")[0].removeprefix("Version "))
            assert article.body == f"Version {number}. " + "word " * 400
        finally:
            store.close()


def test_newest_backup_and_list_are_newest_first(db):
    assert newest_backup(db) is None
    made = [backup_database(db) for _ in range(3)]
    assert list_backups(db) == made[::-1]
    assert newest_backup(db) == made[-1]


def test_rotation_keeps_the_newest_and_touches_nothing_else(db, tmp_path):
    made = [backup_database(db) for _ in range(5)]
    folder = backup_folder(db)
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    (folder / "newsroom-important.db").write_bytes(b"not a timestamped backup")
    other = make_newsroom_db(tmp_path / "other.db")
    other_backup = backup_database(other, folder)
    removed = rotate_backups(folder, keep=2)
    assert sorted(removed) == sorted(made[:3])
    assert list_backups(db) == [made[4], made[3]]
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert (folder / "newsroom-important.db").exists()
    assert other_backup.exists()  # another database's backups count separately
    with pytest.raises(ValueError):
        rotate_backups(folder, keep=0)


# -- restore ------------------------------------------------------------------


def _add_article(db: Path, headline: str) -> None:
    store = SQLiteStore(db)
    try:
        store.insert_article(
            Article(headline=headline, slug=headline.lower().replace(" ", "-")), actor=REPORTER
        )
    finally:
        store.close()


def test_restore_keeps_the_current_database_aside_and_puts_the_backup_in_place(db):
    backup = backup_database(db)
    _add_article(db, "Written after the backup")
    current = headlines(db)
    kept = restore_database(backup, db)
    assert kept is not None and kept.parent == db.parent and "before-restore" in kept.name
    assert headlines(db) == headlines(backup)
    assert "Written after the backup" not in headlines(db)
    assert headlines(kept) == current
    assert SQLiteStore(db).check() == []


def test_restore_carries_an_unmerged_wal_into_the_kept_database(db):
    """A database left by a crash has its last commits only in the -wal file: those
    must go aside with it, and must not be replayed into the restored database."""
    backup = backup_database(db)
    script = (
        "import os, sys\n"
        "from newsdesk.domain.article import Article\n"
        "from newsdesk.storage.sqlite.store import SQLiteStore\n"
        "store = SQLiteStore(sys.argv[1])\n"
        "store.insert_article(Article(headline='Only in the WAL', slug='wal-only'),"
        f" actor={REPORTER!r})\n"
        "os._exit(0)  # no close: the WAL is not folded into the database file\n"
    )
    subprocess.run([sys.executable, "-c", script, str(db)], check=True, timeout=60)
    wal = Path(f"{db}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    kept = restore_database(backup, db)
    assert not wal.exists() or wal.stat().st_size == 0
    assert "Only in the WAL" not in headlines(db)
    assert "Only in the WAL" in headlines(kept)


def test_restore_over_a_damaged_database_keeps_it_aside(tmp_path):
    db = make_newsroom_db(tmp_path / "newsroom.db", articles=120, body_words=300)
    backup = backup_database(db)
    damage_pages(db)
    damaged_bytes = db.read_bytes()
    kept = restore_database(backup, db)
    kept_bytes = kept.read_bytes()
    # Kept as it was: only SQLite's 100-byte file header changed (WAL folded in, so the
    # journal mode and the change counter); every page, damaged ones included, is intact.
    assert kept_bytes[100:] == damaged_bytes[100:]
    assert check_database_file(db) == []
    assert len(headlines(db)) == 120


def test_restore_without_a_current_database(tmp_path, db):
    backup = backup_database(db)
    target = tmp_path / "new" / "restored.db"
    assert restore_database(backup, target) is None
    assert headlines(target) == headlines(db)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"These are notes, not a database.\n" * 100, "not a database"),
        (b"", "not a newsdesk database"),
        ("plain-sqlite", "not a newsdesk database"),
        ("damaged", "damaged|quick_check"),
        ("newer", "newer newsdesk"),
    ],
)
def test_restore_refuses_an_unusable_backup_and_changes_nothing(db, tmp_path, content, message):
    bad = tmp_path / "bad.db"
    if content == "plain-sqlite":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE shopping (item TEXT)")
        conn.commit()
        conn.close()
    elif content == "damaged":
        make_newsroom_db(bad, articles=120, body_words=300)
        damage_pages(bad)
    elif content == "newer":
        make_newsroom_db(bad)
        conn = sqlite3.connect(bad)
        conn.execute("PRAGMA user_version = 999")
        conn.commit()
        conn.close()
    else:
        bad.write_bytes(content)
    before = sorted(p.name for p in tmp_path.iterdir())
    db_bytes = db.read_bytes()
    with pytest.raises(StorageError, match=message) as refused:
        restore_database(bad, db)
    assert "nothing was changed" in str(refused.value)
    assert ".partial" not in str(refused.value)  # the message names the user's file
    assert db.read_bytes() == db_bytes
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_restore_is_refused_while_the_database_is_open_elsewhere(db):
    backup = backup_database(db)
    _add_article(db, "Still being edited")
    holder = Newsroom.open(db)
    try:
        holder.article(1)
        with pytest.raises(StorageError, match="open in another program"):
            restore_database(backup, db)
        assert "Still being edited" in [holder.article(i).headline for i in holder.find()]
    finally:
        holder.close()
    assert not list(db.parent.glob("*before-restore*"))


def test_restore_refuses_the_database_itself(db):
    with pytest.raises(StorageError, match="the database itself"):
        restore_database(db, db)


# -- automatic backups ----------------------------------------------------------


def test_auto_backup_on_start_then_only_when_changed_and_due(db):
    policy = AutoBackup(db, every=dt.timedelta(minutes=5), keep=3)
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    first = policy.on_start(start)
    assert first is not None and list_backups(db) == [first]
    # Nothing changed: a second start makes no copy (older backups are not rotated away).
    assert policy.on_start(start + dt.timedelta(minutes=1)) is None

    newsroom = Newsroom.open(db)
    try:
        article = newsroom.article(1)
        newsroom.save_article(dataclasses.replace(article, body="Edited."), actor=REPORTER)
        assert policy.maybe_backup(start + dt.timedelta(minutes=2)) is None  # not due yet
        second = policy.maybe_backup(start + dt.timedelta(minutes=6))
        assert second is not None
        # Due, but nothing changed since.
        assert policy.maybe_backup(start + dt.timedelta(minutes=12)) is None
    finally:
        newsroom.close()
    assert policy.maybe_backup(start + dt.timedelta(minutes=20)) is None
    # A new start (a new policy object) compares with the newest backup on disk.
    assert AutoBackup(db, keep=3).on_start() is None
    assert read_body(second, 1) == "Edited."
    assert read_body(first, 1) != "Edited."
    assert list_backups(db) == [second, first]


def read_body(path: Path, article_id: int) -> str:
    """An article's body read straight from a file, without opening it as a store (which
    would switch a backup to WAL mode)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT body FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    finally:
        conn.close()


def test_auto_backup_keeps_the_newest_k(db):
    policy = AutoBackup(db, every=dt.timedelta(minutes=1), keep=3)
    now = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    made = []
    for step in range(6):
        _add_article(db, f"Hourly note {step}")
        result = policy.maybe_backup(now + dt.timedelta(minutes=2 * step))
        assert result is not None
        made.append(result)
    assert list_backups(db) == made[:-4:-1]
    assert "Hourly note 5" in headlines(made[-1])


def test_a_start_soon_after_a_backup_copies_nothing_whatever_changed(db):
    # Each start with changes used to copy the whole file (seconds at 100,000
    # articles): now a start within the interval of the newest backup costs nothing.
    now = dt.datetime.now(dt.UTC)
    first = AutoBackup(db, every=dt.timedelta(minutes=10)).on_start(now)
    assert first is not None
    for minute in (1, 4, 9):
        _add_article(db, f"Edited before restart {minute}")
        restarted = AutoBackup(db, every=dt.timedelta(minutes=10))
        assert restarted.on_start(now + dt.timedelta(minutes=minute)) is None
    later = AutoBackup(db, every=dt.timedelta(minutes=10)).on_start(now + dt.timedelta(minutes=11))
    assert later is not None and "Edited before restart 9" in headlines(later)
    assert list_backups(db) == [later, first]


def test_closing_the_app_stops_a_backup_under_way_and_leaves_nothing(db):
    policy = AutoBackup(db)
    policy.cancel()
    with pytest.raises(BackupCancelled):
        policy.on_start()
    assert list_backups(db) == []
    assert [p.name for p in backup_folder(db).iterdir()] == []


def test_auto_backup_of_a_new_install_does_nothing(tmp_path):
    assert AutoBackup(tmp_path / "none.db").on_start() is None


# -- a damaged database ----------------------------------------------------------


@pytest.fixture
def damaged(tmp_path) -> tuple[Path, Path]:
    """A real database with garbage over pages in its middle, and its last good backup."""
    db = make_newsroom_db(tmp_path / "newsroom.db", articles=120, body_words=300)
    good = backup_database(db)
    damage_pages(db)
    return db, good


def test_verify_finds_the_damage_and_every_write_is_refused(damaged):
    db, good = damaged
    before = db.read_bytes()
    store = SQLiteStore(db)  # opening stays cheap: only the schema is read
    try:
        assert store.damaged is None
        problems = store.verify()
        assert problems
        assert store.damaged is not None
        assert "damaged" in store.damaged and str(good) in store.damaged
        with pytest.raises(StorageError, match="will not write") as refused:
            store.add_person(Person("Tariq Haddad", frozenset({UserRole.REPORTER})))
        assert str(good) in str(refused.value)
        with pytest.raises(StorageError, match="will not write"):
            store.set_setting("anything", "value")
    finally:
        store.close()
    assert db.read_bytes() == before


def test_the_first_write_verifies_even_without_asking(damaged):
    db, good = damaged
    before = db.read_bytes()
    newsroom = Newsroom.open(db)
    try:
        with pytest.raises(StorageError, match="damaged") as refused:
            newsroom.add_person("Tariq Haddad", ["reporter"])
        assert str(good) in str(refused.value)
    finally:
        newsroom.close()
    assert db.read_bytes() == before


def test_open_with_verify_marks_the_store_damaged(damaged):
    db, _good = damaged
    newsroom = Newsroom.open(db, verify=True)
    try:
        assert newsroom.store.damaged
    finally:
        newsroom.close()


def test_a_read_that_fails_as_corrupt_also_stops_writes(damaged):
    db, good = damaged
    store = SQLiteStore(db)
    try:
        failures = []
        for article_id in range(1, 121):
            try:
                store.get_revision(article_id, 1)
            except StorageError as exc:
                failures.append(str(exc))
        assert failures, "the damaged pages should hold some article"
        assert "damaged" in failures[0] and str(good) in failures[0]
        assert store.damaged is not None
    finally:
        store.close()


def test_a_sound_database_verifies_clean_and_writes(db):
    newsroom = Newsroom.open(db, verify=True)
    try:
        assert newsroom.store.damaged is None
        newsroom.add_person("Tariq Haddad", ["reporter"])
    finally:
        newsroom.close()


def test_a_damaged_database_without_backups_says_so(tmp_path):
    db = make_newsroom_db(tmp_path / "newsroom.db", articles=120, body_words=300)
    damage_pages(db)
    store = SQLiteStore(db)
    try:
        store.verify()
        assert "no backup of it was found" in store.damaged
    finally:
        store.close()


def test_backup_of_a_damaged_database_is_refused_and_keeps_old_backups(damaged):
    db, good = damaged
    with pytest.raises(StorageError, match="damaged") as refused:
        backup_database(db)
    assert str(good) in str(refused.value)
    assert list_backups(db) == [good]
    assert [p.name for p in backup_folder(db).iterdir()] == [good.name]
