"""The app's automatic backups: when one is made, and which are kept.

A backup copies the whole file (at 100,000 articles about 600 MB, some seconds), so
how often it runs is what bounds its cost: at most once every `every` (ten minutes),
also across starts of the app, and only when the data changed since the newest
backup. Starting the app ten times in a minute makes at most one copy, whatever the
size of the database; closing the app stops a copy under way (it is made again at
the next occasion).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import sqlite3
import threading
from pathlib import Path

from newsdesk.storage.sqlite.backup import (
    _BACKUP_NAME,
    _STAMP,
    DEFAULT_EVERY,
    DEFAULT_KEEP,
    _read_only,
    backup_database,
    backup_folder,
    newest_backup,
    rotate_backups,
)


def backup_time(path: Path) -> dt.datetime | None:
    """When the automatic backup at `path` was made (from its name, UTC)."""
    match = _BACKUP_NAME.match(path.name)
    if match is None:
        return None
    return dt.datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=dt.UTC)


@dataclasses.dataclass
class AutoBackup:
    """The app's backup policy: a backup on start, then one every `every` while the
    database changes (at most one per `every`, across starts too), keeping the newest
    `keep`. No Qt: the app calls `on_start()`
    once and `maybe_backup(now)` from a timer or after saves.

    A backup is only made when the data changed since the newest backup, so starting
    the app ten times without editing does not rotate older, different backups away.
    "Changed" compares `state_signature` (the audit chain's head and the settings; every
    change to the newsroom appends to the audit chain) of the database and the backup.
    Both methods return the new backup's path or None, and raise StorageError when a
    backup fails (a damaged database, a full disk); the app shows that and goes on.
    """

    db_path: Path
    every: dt.timedelta = DEFAULT_EVERY
    keep: int = DEFAULT_KEEP
    last_backup_at: dt.datetime | None = dataclasses.field(default=None, init=False)
    _backed_up: tuple[Path, str] | None = dataclasses.field(default=None, init=False, repr=False)
    _cancel: threading.Event = dataclasses.field(
        default_factory=threading.Event, init=False, repr=False
    )

    def __post_init__(self) -> None:
        self.db_path = Path(self.db_path)
        if self.keep < 1:
            raise ValueError("keep at least one backup")

    @property
    def folder(self) -> Path:
        return backup_folder(self.db_path)

    def on_start(self, now: dt.datetime | None = None) -> Path | None:
        """Back up as the app starts, unless the newest backup already holds this state
        or is younger than `every` (a start soon after the last backup copies nothing)."""
        now = now or dt.datetime.now(dt.UTC)
        newest = newest_backup(self.db_path)
        made = backup_time(newest) if newest is not None else None
        if made is not None and dt.timedelta(0) <= now - made < self.every:
            self.last_backup_at = made
            return None
        return self._backup_if_changed(now)

    def cancel(self) -> None:
        """Stop a backup under way (the app is closing): it leaves nothing behind."""
        self._cancel.set()

    def maybe_backup(self, now: dt.datetime | None = None) -> Path | None:
        """Back up when `every` has passed since the last backup and the data changed."""
        now = now or dt.datetime.now(dt.UTC)
        if self.last_backup_at is not None and now - self.last_backup_at < self.every:
            return None
        return self._backup_if_changed(now)

    def changed_since_newest_backup(self) -> bool:
        """True when the database holds data its newest backup does not (or no backup)."""
        if not self.db_path.is_file():
            return False
        newest = newest_backup(self.db_path)
        if newest is None:
            return True
        current = state_signature(self.db_path)
        if current is None:
            return True  # unreadable: let the backup say why
        if self._backed_up is not None and self._backed_up[0] == newest:
            return current != self._backed_up[1]
        return current != state_signature(newest)

    def _backup_if_changed(self, now: dt.datetime) -> Path | None:
        if not self.changed_since_newest_backup():
            return None
        path = backup_database(self.db_path, cancel=self._cancel)
        self.last_backup_at = now
        signature = state_signature(path)
        if signature is not None:
            self._backed_up = (path, signature)
        rotate_backups(self.folder, keep=self.keep)
        return path


def state_signature(path: Path | str) -> str | None:
    """A fingerprint of the newsroom's state: the audit chain's head (every change of
    articles, people and site settings appends to the chain), the settings and the
    stored images. None when the file cannot be read as a newsdesk database."""
    digest = hashlib.sha256()
    try:
        with _read_only(Path(path)) as conn:
            for key, value in conn.execute("SELECT key, value FROM settings ORDER BY key"):
                digest.update(f"{key}\0{value}\0".encode())
            count, last = conn.execute("SELECT count(*), max(rowid) FROM images").fetchone()
    except sqlite3.Error:
        return None
    digest.update(f"images\0{count}\0{last}".encode())
    return digest.hexdigest()
