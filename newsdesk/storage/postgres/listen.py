"""A desk's line to a newsroom server: LISTEN for changes, and its presence mark.

One connection of its own (autocommit), used by one thread: it LISTENs on
newsdesk_changes (every audit entry NOTIFYs it at commit, see migrations/0002) and
holds the desk's presence mark as a session-level shared advisory lock, which other
desks see in pg_locks and which the server drops the moment the connection ends (the
app quits, is killed, or its machine drops off the network: TCP keepalives tell).
"""

from __future__ import annotations

import logging

import psycopg
from psycopg.rows import dict_row

from newsdesk.domain.article import AuditEvent
from newsdesk.domain.presence import Presence, PresenceMode
from newsdesk.storage import codec
from newsdesk.storage.postgres.connection import _defaults, translate

log = logging.getLogger(__name__)

CHANNEL = "newsdesk_changes"
# pg_advisory_lock keys (the first of two int4 keys; the second is the article id).
LOCK_KEYS = {PresenceMode.EDITING: 0x4E44_0002, PresenceMode.VIEWING: 0x4E44_0003}
MODES = {key: mode for mode, key in LOCK_KEYS.items()}
# A silent network drop is noticed within about 15 s (keepalives), not hours.
KEEPALIVE = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    "tcp_user_timeout": 15_000,
}


class PostgresChannel:
    def __init__(self, conninfo: str, password: str | None = None) -> None:
        self.conninfo = conninfo
        # (libpq ignores the keepalive options on a Unix socket, which needs none.)
        params = {**_defaults(conninfo, password), **KEEPALIVE}
        params["application_name"] = "newsdesk desk"
        try:
            self._conn = psycopg.connect(conninfo, autocommit=True, **params)
            self._conn.execute(f"LISTEN {CHANNEL}")
            self.desk = str(self._conn.info.backend_pid)
            self._held: tuple[int, int] | None = None  # (lock key, article) of the mark
        except psycopg.Error as exc:
            raise translate(exc, conninfo) from exc

    def _run(self, query: str, params: list | None = None) -> list[dict]:
        try:
            with self._conn.cursor(row_factory=dict_row) as cur:
                cur.execute(query, params)
                return cur.fetchall() if cur.description else []
        except psycopg.Error as exc:
            raise translate(exc, self.conninfo) from exc

    def wait(self, timeout: float) -> bool:
        try:
            heard = list(self._conn.notifies(timeout=timeout, stop_after=1))
        except psycopg.Error as exc:
            raise translate(exc, self.conninfo) from exc
        return bool(heard)

    def newest_event_id(self) -> int:
        return self._run("SELECT coalesce(max(id), 0) AS id FROM audit")[0]["id"]

    def events_after(self, event_id: int, limit: int = 500) -> list[AuditEvent]:
        rows = self._run(
            "SELECT * FROM audit WHERE id > %s ORDER BY id LIMIT %s", [event_id, limit]
        )
        return [codec.audit_event_from_row(r) for r in rows]

    def set_presence(self, article_id: int | None, mode: PresenceMode, person: str) -> None:
        # The login is the person on a server: `person` is not needed here.
        wanted = None if article_id is None else (LOCK_KEYS[PresenceMode(mode)], article_id)
        if wanted == self._held:
            return  # set again (each time the desk applies its permissions): kept as is
        if wanted is not None:
            # Shared and tried: any number of desks hold it at once, nobody ever waits.
            self._run("SELECT pg_try_advisory_lock_shared(%s, %s)", list(wanted))
        # The new mark is taken before the old one goes, so others never see the desk
        # leave while it changes its mark.
        if self._held is not None:
            self._run("SELECT pg_advisory_unlock_shared(%s, %s)", list(self._held))
        self._held = wanted
        # Other desks look at once rather than at their next poll.
        self._run("SELECT pg_notify(%s, 'presence')", [CHANNEL])

    def heartbeat(self) -> None:
        self._run("SELECT 1")  # the mark lives as long as the session: only check it does

    def presence(self) -> list[Presence]:
        rows = self._run(
            "SELECT l.objid::bigint AS article_id, l.classid::bigint AS key, l.pid,"
            " coalesce(p.name, a.usename) AS person"
            " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            " LEFT JOIN people p ON p.login = a.usename"
            " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2"
            " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            " AND l.classid::bigint = ANY(%s)",
            [list(MODES)],
        )
        return sorted(
            Presence(r["article_id"], r["person"], MODES[r["key"]], str(r["pid"])) for r in rows
        )

    def close(self) -> None:
        self._conn.close()  # the server drops the mark with the session
