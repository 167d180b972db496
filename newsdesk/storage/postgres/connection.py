"""Reaching the newsroom server: the URL, the password, a pool of connections, and
PostgreSQL's errors (by SQLSTATE) as the messages and errors newsdesk shows.

Passwords come from libpq's usual places (PGPASSWORD, ~/.pgpass, the URL itself) or,
when the server asks for one and a front end can ask the user, from `ask_password`;
never from newsdesk's settings.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from urllib.parse import quote

import psycopg
from psycopg import conninfo as pg_conninfo
from psycopg import errors as pg_errors
from psycopg_pool import ConnectionPool, PoolTimeout

from newsdesk.domain.errors import NewsdeskError, RuleViolation, StorageError
from newsdesk.domain.said import Said

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 10
# How long a unit of work waits for a free connection (a lost server: then fails).
POOL_WAIT_S = 15
UNREACHABLE = "the newsroom server is unreachable"
# SQLSTATEs a unit of work is simply run again for.
RETRY_STATES = frozenset({"40001", "40P01"})

AskPassword = Callable[[str], str | None]

_RULE = re.compile(r"^newsdesk rule (?P<rule>[\w-]+): (?P<message>.*)$", re.S)


def display_url(conninfo: str) -> str:
    """The URL as a person may read it: without any password."""
    try:
        params = pg_conninfo.conninfo_to_dict(conninfo)
    except psycopg.ProgrammingError:
        return "a newsroom server"
    params.pop("password", None)
    user = params.pop("user", "")
    host = params.pop("host", "")
    port = params.pop("port", "")
    dbname = params.pop("dbname", "")
    netloc = (quote(user, safe="") + "@") if user else ""
    query = {k: v for k, v in params.items() if k not in ("connect_timeout",)}
    if host and not host.startswith("/"):
        netloc += host + (f":{port}" if port else "")
    else:
        if host:
            query["host"] = host
        if port:
            query["port"] = port
    tail = "&".join(f"{k}={v}" for k, v in query.items())
    return f"postgresql://{netloc}/{dbname}" + (f"?{tail}" if tail else "")


def _defaults(conninfo: str, password: str | None) -> dict:
    """What newsdesk adds to the URL, unless the URL says otherwise."""
    try:
        given = pg_conninfo.conninfo_to_dict(conninfo)
    except psycopg.ProgrammingError as exc:
        raise StorageError(f"not a newsroom server address ({str(exc).strip()})") from exc
    extra: dict = {}
    if "connect_timeout" not in given:
        extra["connect_timeout"] = CONNECT_TIMEOUT_S
    if "application_name" not in given:
        extra["application_name"] = "newsdesk"
    if password:
        extra["password"] = password
    return extra


def connect(conninfo: str, *, password: str | None = None) -> psycopg.Connection:
    """One connection (autocommit: units of work open their own transactions)."""
    extra = _defaults(conninfo, password)
    try:
        return psycopg.connect(conninfo, autocommit=True, **extra)
    except psycopg.Error as exc:
        raise translate(exc, conninfo) from exc


def needs_password(exc: BaseException) -> bool:
    """True when the server refused a login for want of the (right) password."""
    cause = exc.__cause__ if isinstance(exc, NewsdeskError) else exc
    if not isinstance(cause, psycopg.Error):
        return False
    text = str(cause).lower()
    return getattr(cause, "sqlstate", None) == "28P01" or "no password supplied" in text


def connect_asking(
    conninfo: str, ask_password: AskPassword | None
) -> tuple[psycopg.Connection, str | None]:
    """Connect, asking for the password once when the server wants one and the
    libpq places held none. Returns the connection and the password that worked."""
    try:
        return connect(conninfo), None
    except StorageError as exc:
        if ask_password is None or not needs_password(exc):
            raise
        user = pg_conninfo.conninfo_to_dict(conninfo).get("user") or "your login"
        password = ask_password(f"Password for {user} at {display_url(conninfo)}: ")
        if not password:
            raise
        return connect(conninfo, password=password), password


def make_pool(conninfo: str, password: str | None) -> ConnectionPool:
    """A small pool whose connections are checked before use, so a desk survives a
    server restart (the first unit after it reconnects)."""
    kwargs: dict = {"autocommit": True, **_defaults(conninfo, password)}
    pool = ConnectionPool(
        conninfo,
        kwargs=kwargs,
        min_size=1,
        max_size=4,
        open=False,
        timeout=POOL_WAIT_S,
        check=ConnectionPool.check_connection,
        num_workers=1,
        name="newsdesk",
    )
    pool.open(wait=True, timeout=POOL_WAIT_S)
    return pool


def translate(exc: BaseException, conninfo: str = "") -> NewsdeskError:
    """The newsdesk error for a PostgreSQL failure (see the module docstring)."""
    where = display_url(conninfo) if conninfo else "the newsroom server"
    if isinstance(exc, PoolTimeout):
        return StorageError(
            Said(
                "server-no-connection-in-time",
                f"{UNREACHABLE} ({where}: no connection within {POOL_WAIT_S} s)",
                where=where,
                seconds=POOL_WAIT_S,
            )
        )
    if not isinstance(exc, psycopg.Error):
        return StorageError(_server_error(where, str(exc)))
    state = exc.sqlstate or ""
    primary = exc.diag.message_primary or str(exc).strip().splitlines()[0]
    if state == "42501":
        rule = _RULE.match(primary)
        if rule:
            return RuleViolation(rule["rule"], f"the newsroom server refused: {rule['message']}")
        if "row-level security" in primary:
            return RuleViolation(
                "write-under-your-own-name",
                "the newsroom server refused a row not written under your own login's"
                f" person ({primary})",
            )
        return RuleViolation(
            "server-privilege", f"the newsroom server refused this to your login: {primary}"
        )
    if state in ("28P01", "28000"):
        return StorageError(_login_refused(where, primary))
    if state == "3D000":
        return StorageError(
            Said(
                "server-no-such-newsroom",
                f"{where}: {primary} (is the newsroom's name right?)",
                where=where,
                detail=primary,
            )
        )
    if state in RETRY_STATES:
        return StorageError(
            Said(
                "server-too-busy",
                f"the newsroom server was too busy to finish this ({primary}); nothing was"
                " written, try again",
                detail=primary,
            )
        )
    lost = state.startswith("08") or state in ("57P01", "57P02", "57P03") or not state
    if lost and isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if "password" in text.lower():
            return StorageError(_login_refused(where, text))
        return StorageError(
            Said(
                "server-unreachable",
                f"{UNREACHABLE} ({where}: {text}); nothing was written",
                where=where,
                detail=text,
            )
        )
    if isinstance(exc, pg_errors.UniqueViolation):
        return StorageError(
            Said(
                "server-refused-duplicate",
                f"the newsroom server refused a duplicate: {primary}",
                detail=primary,
            )
        )
    return StorageError(_server_error(where, primary))


def _login_refused(where: str, detail: str) -> Said:
    return Said(
        "server-refused-login",
        f"the newsroom server refused the login at {where}: {detail}",
        where=where,
        detail=detail,
    )


def _server_error(where: str, detail: str) -> Said:
    return Said(
        "server-error", f"newsroom server error at {where}: {detail}", where=where, detail=detail
    )


def is_retryable(exc: BaseException) -> bool:
    return isinstance(exc, psycopg.Error) and (exc.sqlstate or "") in RETRY_STATES
