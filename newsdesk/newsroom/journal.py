"""Crash-recovery journals: the open article's unsaved text, on disk within a second.

Revisions are saved when the reporter pauses; the journal covers the time between.
Each app session keeps its own journal in the per-user state folder (not beside the
database, whose disk may be the one failing), keyed by database and person, and holds
an OS lock on it while the session lives, from before its first text is written (the
window takes it once its list is on screen; a session that never wrote holds none,
and has no journal to mistake for an abandoned one). Two windows on one database
therefore never share a journal, and a journal is offered as recovered text only when
its session is gone (its lock is free: the process died, or it closed with text it
could not save) and only to the person who wrote it.

Each journal file is replaced atomically (write, fsync, rename), so a kill at any
moment leaves either the previous journal or the new one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import re
import secrets
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from newsdesk.domain.article import Article
from newsdesk.newsroom.paths import APP_NAME
from newsdesk.newsroom.team import is_server, readable_location, server_address

if TYPE_CHECKING:
    from filelock import FileLock

log = logging.getLogger(__name__)

LEGACY_SUFFIX = ".recovery.json"  # the one shared journal beside the database, before 0.2


@dataclass(frozen=True)
class JournalEntry:
    article_id: int
    base_revision: int  # the stored revision the unsaved edit started from
    user: str
    written_at: str
    content: dict  # Article.content()
    # Raw text of fields the editor could not accept yet (a half-typed date, say):
    # the content above holds their stored values, these are put back on screen.
    pending_fields: dict[str, str] = dataclasses.field(default_factory=dict)

    def apply_to(self, article: Article) -> Article:
        return article.with_content(self.content)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


def journal_root() -> Path:
    """Where every session's journals live: the per-user state folder."""
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)) / "journals"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def database_key(db_path: Path | str) -> str:
    """A folder name for one database: readable stem plus a hash of its real path (of
    a server newsroom: of its URL without any password, wherever the app runs from)."""
    if is_server(str(db_path)):
        location = readable_location(str(db_path))
        stem = re.sub(r"[^A-Za-z0-9_-]+", "_", server_address(location).newsroom)[:40] or "db"
        return f"{stem}-{_digest(location)}"
    resolved = Path(db_path).expanduser().resolve()
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", resolved.stem)[:40] or "db"
    return f"{stem}-{_digest(str(resolved))}"


def person_key(name: str) -> str:
    return _digest(name)


def write_entry(path: Path, entry: JournalEntry) -> None:
    """Replace the journal at `path` with `entry`, atomically and durably."""
    payload = json.dumps(entry.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8")
    fd, temp = tempfile.mkstemp(prefix=".journal-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError:
        Path(temp).unlink(missing_ok=True)
        raise


def read_entry(path: Path) -> JournalEntry | None:
    """The journal at `path`, or None (also for an unreadable one, which is logged)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return JournalEntry(
            article_id=int(data["article_id"]),
            base_revision=int(data["base_revision"]),
            user=str(data["user"]),
            written_at=str(data["written_at"]),
            content=dict(data["content"]),
            pending_fields={
                str(k): str(v) for k, v in dict(data.get("pending_fields") or {}).items()
            },
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring an unreadable recovery journal %s: %s", path, exc)
        return None


def _locked(path: Path) -> FileLock | None:
    """The lock at `path`, taken; None when another process holds it. Raises OSError
    when it cannot be taken at all.

    A real OS lock (flock), never a marker file: the kernel frees it when the process
    dies, which is exactly how a dead session is told from a live one. The library
    loads here, not at start (about 10 ms of imports): a start with no journals to
    look at never needs it before the list is on screen."""
    from filelock import FileLock, Timeout

    lock = FileLock(path, timeout=0, thread_local=False, fallback_to_soft=False)
    try:
        lock.acquire()
    except Timeout:
        return None
    return lock


@dataclass
class StaleJournal:
    """A journal whose session is gone, locked by us while we look at it."""

    path: Path
    entry: JournalEntry
    _lock: FileLock | None = None

    def discard(self) -> None:
        """Remove it (its text is saved, taken over, or its article is gone)."""
        self.path.unlink(missing_ok=True)
        if self._lock is not None:
            Path(self._lock.lock_file).unlink(missing_ok=True)
        self.release()

    def release(self) -> None:
        """Leave it for a later session."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None


class SessionJournal:
    """The journal of one app session on one database.

    Locked from its first write (or `hold_lock()`) to `close()`. `write()` keeps the
    unsaved text of the person named by `user`; `clear()` removes it once it is saved.
    A session that ends with text it could not save keeps its journal (and frees the
    lock), so the next session of that person offers it.
    """

    def __init__(self, db_path: Path | str, *, root: Path | None = None) -> None:
        self._target = db_path
        self.db_path = Path(db_path)
        self.folder = (root or journal_root()) / database_key(db_path)
        self.session_id = f"{os.getpid()}-{secrets.token_hex(4)}"
        self._lock: FileLock | None = None
        self._locking = threading.Lock()  # the first write may come from a worker thread
        self._no_lock = False
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            self._cannot_lock(exc)

    def _cannot_lock(self, exc: OSError) -> None:
        # Without its lock a journal would look abandoned to every other window.
        log.warning("no recovery journal for this session (%s): %s", self.folder, exc)
        self._no_lock = True

    def hold_lock(self) -> bool:
        """Take this session's lock unless it holds it already (the first write does;
        the window asks once its list is on screen): False when it cannot be taken,
        and then this session keeps no journal."""
        with self._locking:
            if self._lock is not None or self._no_lock:
                return self._lock is not None
            try:
                self._lock = _locked(self.folder / f"{self.session_id}.lock")
            except OSError as exc:
                self._cannot_lock(exc)
                return False
            if self._lock is None:  # our own session id, held elsewhere: never expected
                self._cannot_lock(OSError("its lock is held by another process"))
            return self._lock is not None

    def path_for(self, user: str) -> Path:
        return self.folder / f"{self.session_id}.{person_key(user)}.json"

    # -- this session's text ----------------------------------------------------

    def write(
        self,
        article: Article,
        *,
        base_revision: int,
        user: str,
        written_at: str,
        pending_fields: dict[str, str] | None = None,
    ) -> None:
        if article.id is None:
            return
        self.write_entry(
            JournalEntry(
                article_id=article.id,
                base_revision=base_revision,
                user=user,
                written_at=written_at,
                content=article.content(),
                pending_fields=dict(pending_fields or {}),
            )
        )

    def write_entry(self, entry: JournalEntry) -> None:
        if not self.hold_lock():
            raise OSError(f"the recovery journal in {self.folder} could not be locked")
        target = self.path_for(entry.user)
        write_entry(target, entry)
        # One article is open at a time: a journal kept under another person's name
        # (before a switch) is superseded.
        for other in self._own_files():
            if other != target:
                other.unlink(missing_ok=True)

    def read(self, user: str) -> JournalEntry | None:
        return read_entry(self.path_for(user))

    def clear(self) -> None:
        for path in self._own_files():
            path.unlink(missing_ok=True)

    def close(self) -> None:
        """End the session: free the lock; unsaved text stays for the next session."""
        with self._locking:
            self._no_lock = True  # ended: nothing more is written
            if self._lock is None:
                return
            # A journal left without its lock file reads as abandoned, as it should.
            Path(self._lock.lock_file).unlink(missing_ok=True)
            self._lock.release()
            self._lock = None

    def _own_files(self) -> Iterator[Path]:
        return self.folder.glob(f"{self.session_id}.*.json")

    # -- what other sessions left -------------------------------------------------

    def stale(self, user: str) -> list[StaleJournal]:
        """Journals `user` wrote in sessions that are gone, newest first. Each is locked
        for us until it is discarded or released, so two windows never both take one."""
        found: list[StaleJournal] = []
        for path in self.folder.glob(f"*.{person_key(user)}.json"):
            session = path.name.split(".", 1)[0]
            if session == self.session_id:
                continue
            try:
                lock = _locked(self.folder / f"{session}.lock")
            except OSError as exc:
                log.warning("cannot check recovery journal %s: %s", path, exc)
                continue
            if lock is None:
                continue  # its session is alive: that window is still editing it
            entry = read_entry(path)
            if entry is None or entry.user != user:
                lock.release()
                continue
            found.append(StaleJournal(path, entry, lock))
        # Journals of old versions lay beside the database file (a server has none).
        legacy = self.db_path.with_name(self.db_path.name + LEGACY_SUFFIX)
        entry = None if is_server(str(self._target)) else read_entry(legacy)
        if entry is not None and entry.user == user:
            found.append(StaleJournal(legacy, entry))
        found.sort(key=lambda s: s.entry.written_at, reverse=True)
        return found

    def take_over(self, stale: StaleJournal) -> None:
        """Make `stale`'s text this session's journal, then remove `stale`: at every
        moment one of the two files holds the text."""
        try:
            self.write_entry(stale.entry)
        except OSError as exc:
            log.warning("kept %s: this session's journal could not be written: %s", stale.path, exc)
            stale.release()
            return
        stale.discard()
