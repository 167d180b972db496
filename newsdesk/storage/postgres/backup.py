"""Backups of a newsroom on a server: PostgreSQL's own pg_dump and pg_restore, in their
custom format. Never a copy of the server's files: those are the server's to guard.

`backup_server` writes a checked archive: pg_dump into a temporary name, then
`pg_restore --list` must read it and find the newsroom's tables, and only then is it
renamed into place (a backup that exists is whole). `restore_server` checks the
archive first, keeps the current newsroom aside as a backup of its own, then restores
in one transaction (`--single-transaction --exit-on-error`: all of it or none of it)
and runs `server init`, which gives the restored tables this database's groups and
rules back (the archive carries no privileges: group roles belong to a cluster, and a
newsroom restored elsewhere gets groups of its own).

Both run as the newsroom's owner: desks' logins may not read everything a dump needs.
Passwords reach the tools as libpq's PGPASSWORD, in their environment only.
"""

from __future__ import annotations

import datetime as dt
import glob
import logging
import os
import shutil
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

import psycopg
from psycopg import conninfo as pg_conninfo

from newsdesk.domain.errors import InvalidInputError, StorageError
from newsdesk.storage.postgres.connection import (
    CONNECT_TIMEOUT_S,
    AskPassword,
    connect,
    display_url,
    translate,
)
from newsdesk.storage.postgres.schema import init_server

log = logging.getLogger(__name__)

SUFFIX = ".dump"
_STAMP = "%Y%m%d-%H%M%S-%fZ"
# What every newsroom archive lists (pg_restore --list: "TABLE public NAME OWNER").
_REQUIRED = ("newsdesk_schema", "articles", "revisions", "audit", "people")
TOOL_TIMEOUT_S = 3600
HOW_TO = (
    "back it up on the server instead: `pg_dump --format=custom --file newsroom.dump"
    " NEWSROOM` as its owner (see docs/team-server.md, Backups)"
)


def find_tool(name: str) -> Path | None:
    """pg_dump or pg_restore: the newest of Debian's installs, else the one on PATH (a
    newer client reads and dumps older servers, never the other way round)."""
    installed = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if installed:
        return Path(installed[-1])
    found = shutil.which(name)
    return Path(found) if found else None


def _tool(name: str, doing: str) -> Path:
    tool = find_tool(name)
    if tool is None:
        raise StorageError(
            f"{doing} a newsroom server needs PostgreSQL's {name}, which is not installed"
            f" here (Debian or Ubuntu: apt-get install postgresql-client); or {HOW_TO}"
        )
    return tool


def server_database(conninfo: str) -> str:
    """The newsroom's database name in `conninfo`."""
    try:
        return pg_conninfo.conninfo_to_dict(conninfo).get("dbname") or "newsroom"
    except Exception as exc:  # psycopg.ProgrammingError: not a conninfo at all
        raise InvalidInputError(f"not a newsroom server address ({exc})") from exc


def new_backup_path(folder: Path, database: str, note: str = "") -> Path:
    """A new timestamped file name in `folder` (UTC, so names sort by age)."""
    while True:
        stamp = dt.datetime.now(dt.UTC).strftime(_STAMP)
        candidate = folder / f"{database}-{stamp}{note}{SUFFIX}"
        if not candidate.exists():
            return candidate
        time.sleep(0.000_001)


def _run(argv: Sequence[str], password: str | None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.setdefault("PGCONNECT_TIMEOUT", str(CONNECT_TIMEOUT_S))
    if password:
        env["PGPASSWORD"] = password
    try:
        return subprocess.run(
            list(argv),
            env=env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=TOOL_TIMEOUT_S,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise StorageError(f"{Path(argv[0]).name} did not run: {exc}") from exc


def _said(done: subprocess.CompletedProcess) -> str:
    """The tool's own first error line, without its name."""
    lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower()] or lines or ["no output"]
    text = errors[0]
    for prefix in ("pg_dump: error: ", "pg_restore: error: ", "pg_dump: ", "pg_restore: "):
        text = text.removeprefix(prefix)
    return text


def _wants_password(done: subprocess.CompletedProcess) -> bool:
    text = done.stderr.lower()
    return "no password supplied" in text or "password authentication failed" in text


def _run_asking(
    argv: Sequence[str], conninfo: str, ask_password: AskPassword | None, password: str | None
) -> tuple[subprocess.CompletedProcess, str | None]:
    """Run a libpq tool, asking once for the password when the server wants one."""
    done = _run(argv, password)
    if done.returncode != 0 and password is None and ask_password and _wants_password(done):
        user = pg_conninfo.conninfo_to_dict(conninfo).get("user") or "your login"
        password = ask_password(f"Password for {user} at {display_url(conninfo)}: ")
        if password:
            done = _run(argv, password)
    return done, password


def _explain(done: subprocess.CompletedProcess, doing: str, where: str) -> StorageError:
    said = _said(done)
    lowered = said.lower()
    if "permission denied" in lowered or "must be owner" in lowered:
        return StorageError(
            f"{doing} {where} needs the login of the newsroom database's owner, not a"
            f" desk's ({said})"
        )
    if "server version" in lowered and "mismatch" in lowered:
        return StorageError(
            f"{doing} {where}: the installed PostgreSQL tools are older than the server"
            f" ({said}); install the server's version of postgresql-client, or {HOW_TO}"
        )
    if "password" in lowered:
        return StorageError(f"the newsroom server refused the login at {where}: {said}")
    if "could not connect" in lowered or "connection to server" in lowered:
        return StorageError(f"the newsroom server is unreachable ({where}: {said})")
    return StorageError(f"{doing} {where} failed: {said}")


def check_archive(path: Path | str) -> list[str]:
    """Problems that make `path` unusable as a newsroom server backup (empty: none)."""
    path = Path(path)
    if not path.is_file():
        return [f"there is no file at {path}"]
    with open(path, "rb") as handle:
        if handle.read(16) == b"SQLite format 3\x00":
            return [
                "it is a newsroom file (SQLite), not a server backup: restore it into a file"
                " with `newsdesk --db FILE restore`, or move it onto the server with"
                " `newsdesk migrate`"
            ]
    done = _run([str(_tool("pg_restore", "checking a backup of")), "--list", str(path)], None)
    if done.returncode != 0:
        return [f"pg_restore cannot read it ({_said(done)})"]
    # Lines read "215; 1259 16390 TABLE public articles owner".
    tables = {
        parts[5]
        for parts in (line.split() for line in done.stdout.splitlines())
        if len(parts) > 5 and parts[3:5] == ["TABLE", "public"]
    }
    missing = [t for t in _REQUIRED if t not in tables]
    if missing:
        return [f"it holds no newsroom (no table {missing[0]})"]
    return []


def backup_server(
    conninfo: str,
    out: Path | str | None,
    default_folder: Path,
    *,
    ask_password: AskPassword | None = None,
    note: str = "",
) -> Path:
    """A checked pg_dump archive (custom format) of the newsroom: at `out` (a file, or a
    folder for a timestamped file), else timestamped in `default_folder`."""
    where = display_url(conninfo)
    database = server_database(conninfo)
    pg_dump = _tool("pg_dump", "backing up")
    target = Path(out) if out is not None else default_folder
    if out is None or target.is_dir():
        target = new_backup_path(target, database, note)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"cannot make the backup folder {target.parent}: {exc}") from exc
    temp = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        done, _ = _run_asking(
            [str(pg_dump), "--format=custom", "--no-password", "--file", str(temp),
             "--dbname", conninfo],
            conninfo,
            ask_password,
            None,
        )  # fmt: skip
        if done.returncode != 0:
            raise _explain(done, "backing up", where)
        problems = check_archive(temp)
        if problems:
            raise StorageError(
                f"the backup of {where} is not usable ({problems[0]}); none was made"
            )
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    log.info("backed up %s to %s", where, target)
    return target


def restore_server(
    archive: Path | str,
    conninfo: str,
    default_folder: Path,
    *,
    ask_password: AskPassword | None = None,
) -> Path:
    """Replace the newsroom at `conninfo` by `archive`; returns where the newsroom as it
    was is kept (a backup taken first)."""
    archive = Path(archive)
    where = display_url(conninfo)
    problems = check_archive(archive)
    if problems:
        raise StorageError(
            f"{archive} is not a usable newsroom server backup ({problems[0]}); nothing was changed"
        )
    pg_restore = _tool("pg_restore", "restoring")
    password: str | None = None

    def remembered(prompt: str) -> str | None:
        nonlocal password
        if password is None and ask_password is not None:
            password = ask_password(prompt)
        return password

    kept = backup_server(
        conninfo, None, default_folder, ask_password=remembered, note="-before-restore"
    )
    done, _ = _run_asking(
        [str(pg_restore), "--clean", "--if-exists", "--no-owner", "--no-privileges",
         "--single-transaction", "--exit-on-error", "--no-password", "--dbname", conninfo,
         str(archive)],
        conninfo,
        remembered,
        password,
    )  # fmt: skip
    if done.returncode != 0:
        raise _explain(done, "restoring", where)
    # The archive carries no privileges: this database's groups and rules come back.
    conn = connect(conninfo, password=password)
    try:
        init_server(conn)
    except psycopg.Error as exc:
        raise translate(exc, conninfo) from exc
    finally:
        conn.close()
    log.info("restored %s from %s; kept the previous newsroom as %s", where, archive, kept)
    return kept
