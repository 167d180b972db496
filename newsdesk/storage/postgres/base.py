"""The PostgreSQL store's plumbing: opening (schema and login checks), units of work on
pooled connections, retries, row helpers, settings and the audit chain's append."""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import psycopg
from psycopg.rows import dict_row, tuple_row
from psycopg_pool import PoolTimeout

from newsdesk.domain.errors import RuleViolation, StorageError
from newsdesk.domain.said import Said
from newsdesk.storage import codec
from newsdesk.storage.audit_chain import entry_hash
from newsdesk.storage.postgres.connection import (
    AskPassword,
    connect_asking,
    display_url,
    is_retryable,
    make_pool,
    translate,
)
from newsdesk.storage.postgres.schema import SCHEMA_VERSION, schema_version
from newsdesk.storage.read_cancel import ReadCancel, ReadSuperseded
from newsdesk.storage.store import Login

log = logging.getLogger(__name__)

T = TypeVar("T")
RETRIES = 5
# How often a cancelled read's cancel is sent again while its unit still runs (one
# that reaches the server before the statement does is lost): a round trip each.
CANCEL_REPEAT_S = 0.05
CANCEL_TIMEOUT_S = 5  # a server that does not take a cancel in that time: given up


# Connections closed on purpose after a cancel was sent to them: the pool discards
# each one with a warning meant for connections lost by accident; not these.
_closed_after_cancel: weakref.WeakSet[psycopg.Connection] = weakref.WeakSet()


class _CancelledConnectionsDiscarded(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        return not (
            str(record.msg).startswith("discarding closed connection")
            and any(arg in _closed_after_cancel for arg in args)
        )


logging.getLogger("psycopg.pool").addFilter(_CancelledConnectionsDiscarded())


class PostgresBase:
    """A pool of connections to one newsroom database on a server.

    Each unit of work runs on one connection in one transaction. Write units first take
    the audit chain's head row FOR UPDATE: writers follow each other (as SQLite's
    BEGIN IMMEDIATE makes them), so the chain never forks and no two units deadlock.
    A unit refused for a serialisation failure or a deadlock is run again, up to
    RETRIES times, unless it is part of an enclosing `transaction()`.
    """

    def __init__(
        self,
        conninfo: str,
        *,
        verify: bool = False,
        ask_password: AskPassword | None = None,
    ) -> None:
        self.conninfo = conninfo
        self.path = display_url(conninfo)
        self._local = threading.local()
        self._damage: str | None = None
        first, password = connect_asking(conninfo, ask_password)
        self._password = password  # for the desk's own line (listen.py), never stored
        try:
            self._check_schema(first)
            self._login = self._read_login(first)
        except psycopg.errors.InsufficientPrivilege as exc:
            # A login in none of the newsroom's groups: a deactivated person's (see
            # store.set_person_active), or one never given a role.
            raise RuleViolation(
                "login-in-no-group",
                f"the login {first.info.user} may not use this newsroom: it is in none"
                " of its groups (its person may have been deactivated; the newsroom's owner"
                " activates them again with `newsdesk users activate NAME`)",
            ) from exc
        except psycopg.Error as exc:
            raise translate(exc, conninfo) from exc
        finally:
            first.close()
        try:
            self._pool = make_pool(conninfo, password)
        except (psycopg.Error, PoolTimeout) as exc:
            raise translate(exc, conninfo) from exc
        if verify:
            self.verify()

    # -- opening ----------------------------------------------------------------

    def _check_schema(self, conn: psycopg.Connection) -> None:
        found = schema_version(conn)
        if found == 0:
            raise StorageError(
                Said(
                    "server-not-set-up",
                    f"{self.path} is not set up as a newsroom yet: its owner runs"
                    " `newsdesk --db URL server init` first",
                    path=self.path,
                )
            )
        if found > SCHEMA_VERSION:
            raise StorageError(
                Said(
                    "schema-newer",
                    f"the newsroom {self.path} was set up by a newer newsdesk (schema {found},"
                    f" this version knows {SCHEMA_VERSION}); update newsdesk to open it",
                    path=self.path,
                    found=found,
                    known=SCHEMA_VERSION,
                )
            )
        if found < SCHEMA_VERSION:
            raise StorageError(
                Said(
                    "server-schema-older",
                    f"the newsroom {self.path} has schema {found}, this newsdesk needs"
                    f" {SCHEMA_VERSION}: its owner runs `newsdesk --db URL server init` to"
                    " upgrade it",
                    path=self.path,
                    found=found,
                    needed=SCHEMA_VERSION,
                )
            )

    @staticmethod
    def _read_login(conn: psycopg.Connection) -> Login:
        name, person, admin = conn.execute(
            "SELECT session_user, newsdesk_person(), newsdesk_is_admin()"
        ).fetchone()
        return Login(name=name, person=person, bypasses_rules=bool(admin))

    def login(self) -> Login:
        """The login this store is connected as, and whose person it is."""
        return self._login

    def _refresh_login(self) -> None:
        with self._unit(write=False) as conn:
            self._login = self._read_login(conn)

    # -- health -----------------------------------------------------------------

    def verify(self) -> list[str]:
        """Reach the server and read the schema version; problems found (empty: none)."""
        try:
            with self._unit(write=False) as conn:
                self._check_schema(conn)
        except StorageError as exc:
            return [exc.args[0] if exc.args else str(exc)]  # its Said, named
        return []

    def ensure_writable(self) -> None:
        if self._damage is not None:
            raise StorageError(self._damage)

    @property
    def damaged(self) -> str | None:
        """A server's files are the server's to guard: never marked damaged here."""
        return self._damage

    def close(self) -> None:
        self._pool.close()

    # -- units of work ----------------------------------------------------------

    @contextlib.contextmanager
    def _unit(self, *, write: bool) -> Iterator[psycopg.Connection]:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            # Inside an enclosing unit: part of its transaction (no savepoint), so every
            # row the unit writes carries its transaction id, which the server's rules
            # check (newsdesk_set_search). A step refused by the server ends the unit.
            yield conn
            return
        try:
            with self._pool.connection() as conn:
                if not write:
                    yield conn  # a single read: autocommit, no BEGIN/COMMIT round trips
                    return
                self._local.conn = conn
                try:
                    with conn.transaction():
                        conn.execute("SELECT id FROM newsdesk_lock_audit_head()")
                        yield conn
                finally:
                    self._local.conn = None
        except (psycopg.Error, PoolTimeout) as exc:
            raise translate(exc, self.conninfo) from exc

    @contextlib.contextmanager
    def _cancellable_read(self, cancel: ReadCancel | None) -> Iterator[psycopg.Connection]:
        """A read unit that `cancel.cancel()` may stop from another thread: its
        statement is cancelled on the server and the unit raises ReadSuperseded.

        The cancel goes only to this unit's own connection, taken from the pool for
        it, and only while the unit runs (read_cancel.py); a connection a cancel was
        sent to is closed, never given to another unit, so a cancel that reaches the
        server late can never stop someone's save. Inside an enclosing write unit
        the read is part of it, and nothing is ever cancelled.
        """
        if cancel is None or self._in_unit():
            with self._unit(write=False) as conn:
                yield conn
            return
        try:
            with self._pool.connection() as conn:
                try:
                    stop = functools.partial(conn.cancel_safe, timeout=CANCEL_TIMEOUT_S)
                    with cancel.interruptible(stop, CANCEL_REPEAT_S):
                        yield conn
                except psycopg.errors.QueryCanceled as exc:
                    if not cancel.cancelled:
                        raise  # not ours (a statement timeout, say): an error as ever
                    raise ReadSuperseded("a newer read replaced this one") from exc
                finally:
                    if cancel.interrupt_sent:
                        _closed_after_cancel.add(conn)
                        conn.close()  # the pool opens a fresh one in its place
        except (psycopg.Error, PoolTimeout) as exc:
            raise translate(exc, self.conninfo) from exc

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes into one unit: all of them land, or none."""
        with self._unit(write=True):
            yield

    def _write(self, work: Callable[[psycopg.Connection], T]) -> T:
        """Run `work(conn)` as one write unit, again after a serialisation failure."""
        nested = getattr(self._local, "conn", None) is not None
        for attempt in range(RETRIES):
            try:
                with self._unit(write=True) as conn:
                    return work(conn)
            except StorageError as exc:
                if nested or attempt == RETRIES - 1 or not is_retryable(exc.__cause__):
                    raise
                log.info("retrying a unit of work on %s: %s", self.path, exc.__cause__)
                time.sleep(0.01 * 2**attempt)
        raise AssertionError("unreachable")

    def _rows(self, query: str, params: Sequence | dict = ()) -> list[dict[str, Any]]:
        with self._unit(write=False) as conn, conn.cursor(row_factory=dict_row) as cur:
            cur.execute(query, params)
            return cur.fetchall()

    def _tuples(self, query: str, params: Sequence | dict = ()) -> list[tuple]:
        with self._unit(write=False) as conn, conn.cursor(row_factory=tuple_row) as cur:
            cur.execute(query, params)
            return cur.fetchall()

    def _one(self, query: str, params: Sequence | dict = ()) -> dict[str, Any] | None:
        rows = self._rows(query, params)
        return rows[0] if rows else None

    def _in_unit(self) -> bool:
        return getattr(self._local, "conn", None) is not None

    # -- settings and the audit chain ---------------------------------------------

    def _setting(self, key: str) -> str | None:
        rows = self._tuples("SELECT value FROM settings WHERE key = %s", [key])
        return rows[0][0] if rows else None

    @staticmethod
    def _put_setting(conn: psycopg.Connection, key: str, value: str) -> None:
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (%s, %s)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    @staticmethod
    def _append_audit(
        conn: psycopg.Connection,
        *,
        actor: str,
        action: str,
        article_id: int | None,
        from_status: str | None = None,
        to_status: str | None = None,
        revision: int | None = None,
        comment: str = "",
    ) -> None:
        # The head row is locked by this unit (taken first); the trigger on audit
        # checks the entry extends it and moves it on.
        head_id, head_hash = conn.execute(
            "SELECT id, hash FROM newsdesk_lock_audit_head()"
        ).fetchone()
        entry = {
            "id": head_id + 1,
            "article_id": article_id,
            "at": codec.time_to_text(codec.now_utc()),
            "actor": actor,
            "action": action,
            "from_status": from_status,
            "to_status": to_status,
            "revision": revision,
            "comment": comment,
        }
        entry["prev_hash"] = head_hash
        entry["hash"] = entry_hash(entry, head_hash)
        conn.execute(
            "INSERT INTO audit (id, article_id, at, actor, action, from_status, to_status,"
            " revision, comment, prev_hash, hash) VALUES (%(id)s, %(article_id)s, %(at)s,"
            " %(actor)s, %(action)s, %(from_status)s, %(to_status)s, %(revision)s,"
            " %(comment)s, %(prev_hash)s, %(hash)s)",
            entry,
        )
