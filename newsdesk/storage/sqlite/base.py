"""The SQLite store's plumbing: opening the file, the damage check, write units of
work, row helpers, the settings table and the audit chain's append."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from newsdesk.domain.credit_roles import DEFAULT_CREDIT_ROLES
from newsdesk.domain.errors import StorageError
from newsdesk.domain.site import SiteProfile
from newsdesk.storage import codec
from newsdesk.storage.audit_chain import GENESIS, entry_hash
from newsdesk.storage.sqlite import check_record
from newsdesk.storage.sqlite.backup import damage_report, is_corruption
from newsdesk.storage.sqlite.connection import connect, describe_database_error, write_transaction
from newsdesk.storage.sqlite.schema import migrate

log = logging.getLogger(__name__)

AUDIT_HEAD = "audit_head"
SITE_PROFILE = "site_profile"


class SQLiteBase:
    """One connection to one newsroom file, guarded by a lock (see SQLiteStore)."""

    def __init__(self, path: Path | str, *, verify: bool = False) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        self._verified = False
        self._damage: str | None = None
        # The clean full check this store relies on (its own or a recent one remembered
        # by check_record), and SQLite's data_version then: see close().
        self._clean_check: tuple[dt.datetime, int] | None = None
        self._wrote = False
        self.db = connect(path)
        try:
            self._check_readable()
            migrate(self.db, self.path)
            self._seed_defaults()
            if verify:
                self.verify()
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise self._failure(exc) from exc
        except BaseException:
            self.db.close()
            raise

    # -- plumbing -------------------------------------------------------------

    def _check_readable(self) -> None:
        # A cheap read of the schema on every open; the full quick_check reads the
        # whole file (0.4 s at 100,000 articles), so it runs in quick_check() instead.
        try:
            self.db.read("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise self._failure(exc) from exc

    def quick_check(self) -> list[str]:
        """SQLite's quick_check: problems found, or an empty list."""
        try:
            lines = [r[0] for r in self.db.read("PRAGMA quick_check").fetchall()]
        except sqlite3.DatabaseError as exc:
            return [describe_database_error(self.path, exc)]
        return [] if lines == ["ok"] else lines

    def verify(self) -> list[str]:
        """Run quick_check now; a damaged store refuses writes from then on. A clean
        check is remembered for the next processes (check_record)."""
        with self._lock:
            checked_at = dt.datetime.now(dt.UTC)
            problems = self.quick_check()
            self._verified = True
            if problems:
                self._clean_check = None
                check_record.forget(self.path)
                if self._damage is None:
                    self._damage = damage_report(self.path, problems[0])
                    log.info("%s", self._damage)
            elif self._damage is None:
                self._trust(checked_at)
                check_record.remember_clean(self.path, checked_at)
        return problems

    def ensure_writable(self) -> None:
        """Raise StorageError when this database must not be written (it is damaged).
        The first time, the whole file is checked unless a recent clean check of the
        file as it is now is remembered (check_record)."""
        with self._lock:
            if not self._verified:
                checked_at = check_record.trusted_check(self.path)
                if checked_at is None:
                    self.verify()
                else:
                    self._verified = True
                    self._trust(checked_at)
            if self._damage is not None:
                raise StorageError(self._damage)

    def _trust(self, checked_at: dt.datetime) -> None:
        try:
            version = self.db.read("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return
        self._clean_check = (checked_at, version)

    @property
    def damaged(self) -> str | None:
        """Why this store refuses writes, or None while it is not known to be damaged."""
        return self._damage

    def _failure(self, exc: sqlite3.Error) -> StorageError:
        """The StorageError for a failed statement; corruption marks the store damaged."""
        if is_corruption(exc):
            with self._lock:
                self._clean_check = None
                check_record.forget(self.path)
                if self._damage is None:
                    self._damage = damage_report(self.path, str(exc))
                    # Raised to the caller, who shows it; logged for the app's log file.
                    log.info("%s", self._damage)
            return StorageError(self._damage)
        return StorageError(describe_database_error(self.path, exc))

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        self.ensure_writable()
        self._wrote = True
        try:
            with write_transaction(self.db, self.path):
                yield
        except StorageError as exc:
            cause = exc.__cause__
            if isinstance(cause, sqlite3.Error) and is_corruption(cause):
                raise self._failure(cause) from cause
            raise

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes into one unit: all of them land, or none."""
        with self._lock, self._write():
            yield

    def _rows(self, sql: str, params: Sequence | dict = ()) -> list[dict]:
        try:
            cursor = self.db.read(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except sqlite3.Error as exc:
            raise self._failure(exc) from exc

    def _tuples(self, sql: str, params: Sequence | dict = ()) -> list[tuple]:
        try:
            return self.db.read(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise self._failure(exc) from exc

    def _one(self, sql: str, params: Sequence | dict = ()) -> dict | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _seed_defaults(self) -> None:
        with self._lock:
            seeded = self.db.read("SELECT 1 FROM credit_roles LIMIT 1").fetchone()
            if seeded and self._setting(SITE_PROFILE) is not None:
                return  # opening an existing newsroom writes nothing
        with self._lock, self._write():
            if not self.db.read("SELECT 1 FROM credit_roles LIMIT 1").fetchone():
                self.db["credit_roles"].insert_all(
                    {"position": i, "key": r.key, "en": r.en, "zh": r.zh}
                    for i, r in enumerate(DEFAULT_CREDIT_ROLES)
                )
            if self._setting(SITE_PROFILE) is None:
                self._put_setting(SITE_PROFILE, codec.dumps(SiteProfile().to_dict()))

    def close(self) -> None:
        with self._lock:
            renew = self._renewable_check()
            self.db.close()
            if renew is not None:
                # Closing checkpoints this store's own commits into the file.
                check_record.renew(self.path, renew)

    def _renewable_check(self) -> dt.datetime | None:
        """The clean check to remember again after this store's own writes: only when
        no other connection committed meanwhile (those writes are not ours to vouch)."""
        if self._clean_check is None or self._damage is not None or not self._wrote:
            return None
        checked_at, version = self._clean_check
        try:
            now = self.db.read("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return None
        return checked_at if now == version else None

    def _setting(self, key: str) -> str | None:
        rows = self._tuples("SELECT value FROM settings WHERE key = ?", [key])
        return rows[0][0] if rows else None

    def _put_setting(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def _append_audit(
        self,
        *,
        actor: str,
        action: str,
        article_id: int | None,
        from_status: str | None = None,
        to_status: str | None = None,
        revision: int | None = None,
        comment: str = "",
    ) -> None:
        # The chain's head is read and extended inside one write transaction, which in
        # SQLite holds the database; the unique index on prev_hash refuses a fork.
        if not self.db.conn.in_transaction:
            raise RuntimeError("the audit log is only written inside a write transaction")
        last = self.db.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        entry = {
            "id": (last[0] + 1) if last else 1,
            "article_id": article_id,
            "at": codec.time_to_text(codec.now_utc()),
            "actor": actor,
            "action": action,
            "from_status": from_status,
            "to_status": to_status,
            "revision": revision,
            "comment": comment,
        }
        prev = last[1] if last else GENESIS
        entry["prev_hash"] = prev
        entry["hash"] = entry_hash(entry, prev)
        self.db.execute(*insert_sql("audit", entry))
        self._put_setting(AUDIT_HEAD, entry["hash"])


def insert_sql(table: str, row: dict) -> tuple[str, list]:
    """A plain INSERT of `row` (sqlite_utils' insert looks the table up on every call,
    which a batch of thousands of articles pays thousands of times)."""
    columns = list(row)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [row[c] for c in columns],
    )
