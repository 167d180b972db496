"""A throwaway PostgreSQL cluster for the test session.

The cluster lives in a temporary folder with its own socket folder and listens on no
TCP port. As root it runs as the `postgres` user (PostgreSQL refuses root), in a folder
that user owns, with `--pdeathsig` so it stops when the test process dies (pytest
killed); at the end of the session it is stopped with `pg_ctl stop` and its folder
removed. `NEWSDESK_TEST_PG_URL` points the tests at an existing server instead; its
role must be allowed to create databases and roles.

Each test gets a fresh database copied from a template that already holds the
newsroom schema (`CREATE DATABASE ... TEMPLATE`, about as fast as an empty one).
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# Logins in this group must give a password on the test cluster (see start_cluster).
PASSWORD_GROUP = "newsdesk_test_password_required"
INSTALL_HINT = (
    "PostgreSQL tests skipped: no PostgreSQL server binaries (initdb, pg_ctl) found;"
    " install them (Debian/Ubuntu: apt-get install postgresql) or set NEWSDESK_TEST_PG_URL"
)


def find_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else the newest Debian install."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return Path(candidates[-1]).parent if candidates else None


@dataclass
class Cluster:
    """A running server: `url` reaches it as a role that may create databases and roles."""

    url: str
    host: str | None = None
    # The postmaster's process id and the cluster's folder (a throwaway cluster only).
    pid: int | None = None
    folder: Path | None = None
    _stop: list = field(default_factory=list, repr=False)
    _names: itertools.count = field(default_factory=itertools.count, repr=False)

    def database_url(self, dbname: str, user: str | None = None) -> str:
        """A URL for `dbname` on this server (as `user`, default the admin role)."""
        import psycopg.conninfo

        params = psycopg.conninfo.conninfo_to_dict(self.url)
        params["dbname"] = dbname
        if user is not None:
            params["user"] = user
            params.pop("password", None)
        return _to_url(params)

    def unique_name(self, stem: str) -> str:
        return f"{stem}_{os.getpid()}_{next(self._names)}"

    def stop(self) -> None:
        while self._stop:
            self._stop.pop()()


def _to_url(params: dict) -> str:
    from urllib.parse import quote

    user = params.pop("user", "")
    password = params.pop("password", "")
    dbname = params.pop("dbname", "")
    host = params.pop("host", "")
    port = params.pop("port", "")
    auth = ""
    if user:
        auth = quote(user, safe="")
        if password:
            auth += ":" + quote(password, safe="")
        auth += "@"
    netloc = auth
    query = dict(params)
    if host and not host.startswith("/"):
        netloc += host + (f":{port}" if port else "")
    else:
        if host:
            query["host"] = host
        if port:
            query["port"] = port
    tail = "&".join(f"{k}={quote(str(v), safe='/')}" for k, v in query.items())
    return f"postgresql://{netloc}/{quote(dbname, safe='')}" + (f"?{tail}" if tail else "")


def _as_postgres(argv: list[str], *, pdeathsig: bool = False) -> list[str]:
    """Run `argv` as the postgres user when we are root (PostgreSQL refuses root)."""
    if os.geteuid() != 0:
        return argv
    entry = pwd.getpwnam("postgres")
    wrap = [
        "setpriv",
        f"--reuid={entry.pw_uid}",
        f"--regid={entry.pw_gid}",
        "--init-groups",
    ]
    if pdeathsig:
        wrap.append("--pdeathsig=INT")
    return [*wrap, *argv]


def start_cluster() -> Cluster | None:
    """Start a throwaway cluster; None when PostgreSQL is not installed."""
    external = os.environ.get("NEWSDESK_TEST_PG_URL")
    if external:
        return Cluster(url=external)
    binaries = find_binaries()
    if binaries is None:
        return None
    root = Path(tempfile.mkdtemp(prefix="newsdesk-pg-"))
    data, sockets, logfile = root / "data", root / "sockets", root / "server.log"
    sockets.mkdir()
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        for path in (root, sockets):
            os.chown(path, entry.pw_uid, entry.pw_gid)
        os.chmod(root, 0o755)
        superuser = "postgres"
    else:
        superuser = pwd.getpwuid(os.geteuid()).pw_name
    subprocess.run(
        _as_postgres(
            [
                str(binaries / "initdb"),
                "--no-sync",
                "-D",
                str(data),
                "-U",
                superuser,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    # Members of PASSWORD_GROUP must give a password (SCRAM); everyone else is trusted
    # on the socket, which only this user can reach.
    hba = data / "pg_hba.conf"
    hba.write_text(
        f"local all +{PASSWORD_GROUP} scram-sha-256\n" + hba.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    # In postgresql.conf, not `-o`: a later pg_ctl start would forget `-o` settings.
    with open(data / "postgresql.conf", "a", encoding="utf-8") as conf:
        conf.write(
            f"\nunix_socket_directories = '{sockets}'\nlisten_addresses = ''\n"
            "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
            "max_connections = 200\n"
        )
    # The postmaster runs in the foreground of a child that dies with us (pdeathsig);
    # -l keeps it off our stdout (a CI pipe waiting on it would never close).
    server = subprocess.Popen(
        _as_postgres(
            [str(binaries / "postgres"), "-D", str(data), "-k", str(sockets)], pdeathsig=True
        ),
        stdout=open(logfile, "ab"),  # noqa: SIM115 - the server's own log, closed with it
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"postgresql://{superuser}@/postgres?host={sockets}"
    deadline = time.monotonic() + 30
    import psycopg

    while True:
        try:
            psycopg.connect(url, connect_timeout=2).close()
            break
        except psycopg.OperationalError:
            if server.poll() is not None or time.monotonic() > deadline:
                log = logfile.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"the test PostgreSQL server did not start:\n{log}") from None
            time.sleep(0.05)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {PASSWORD_GROUP} NOLOGIN")

    def stop() -> None:
        subprocess.run(
            _as_postgres([str(binaries / "pg_ctl"), "stop", "-D", str(data), "-m", "immediate"]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=10)
        if server.poll() is None:
            server.kill()
            server.wait()
        shutil.rmtree(root, ignore_errors=True)

    cluster = Cluster(url=url, host=str(sockets), pid=server.pid, folder=root)
    cluster._stop.append(stop)
    return cluster
