from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Qt must never try to open a display in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the user's real newsroom, settings or logs: every per-user
# folder (platformdirs and QSettings follow XDG on Linux) points into a scratch dir.
_SCRATCH = tempfile.mkdtemp(prefix="newsdesk-tests-")
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = os.path.join(_SCRATCH, _var.lower())
os.environ.pop("NEWSDESK_DB", None)
os.environ.pop("NEWSDESK_USER", None)

# Property tests explore new examples on developers' machines; in CI they replay a
# fixed set (derandomize), so a landing never depends on the luck of one run. What
# exploration finds locally becomes a regular test.
from hypothesis import settings  # noqa: E402

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def read_only():
    """`read_only(*paths)` makes files refuse writes as a read-only disk does, even to
    a process that has them open: `chattr +i` as root (root ignores permissions),
    else the permission bits (which bind new opens only). Undone after the test."""
    changed: list[tuple[Path, str]] = []

    def make(*paths: Path, running: bool = False) -> None:
        for path in paths:
            if os.geteuid() == 0:
                done = shutil.which("chattr") and subprocess.run(
                    ["chattr", "+i", str(path)], capture_output=True
                )
                if not done or done.returncode != 0:
                    pytest.skip("running as root without chattr +i on this file system")
                changed.append((path, "chattr"))
            elif running:
                pytest.skip("only root can take write access from an open file (chattr +i)")
            else:
                changed.append((path, oct(path.stat().st_mode)))
                path.chmod(0o444)

    yield make
    for path, how in reversed(changed):
        if how == "chattr":
            subprocess.run(["chattr", "-i", str(path)], capture_output=True)
        else:
            path.chmod(int(how, 8))


# -- PostgreSQL: one throwaway cluster per session, a fresh newsroom database per test --

from tests import pg_cluster as _pg  # noqa: E402


@pytest.fixture(scope="session")
def pg_server():
    """The test session's PostgreSQL server (see tests/pg_cluster.py), with a template
    database that holds the newsroom schema. Skips (fails under CI) without one."""
    import psycopg

    from newsdesk.storage.open import init_server

    try:
        cluster = _pg.start_cluster()
    except Exception as exc:  # a broken install must not pass as a skip in CI
        if os.environ.get("CI"):
            pytest.fail(f"the test PostgreSQL server did not start: {exc}")
        pytest.skip(f"PostgreSQL tests skipped: the test server did not start ({exc})")
    if cluster is None:
        if os.environ.get("CI"):
            pytest.fail(_pg.INSTALL_HINT)
        pytest.skip(_pg.INSTALL_HINT)
    template = cluster.unique_name("newsdesk_template")
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{template}"')
    init_server(cluster.database_url(template))
    cluster.template = template
    yield cluster
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
        for (role,) in conn.execute(
            "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)",
            [f"newsdesk_{template}_"],
        ).fetchall():
            conn.execute(f'DROP ROLE "{role}"')
    cluster.stop()


@dataclass
class PgNewsroom:
    """A fresh newsroom database on the test server: `url` as its owner, and one login
    per person added with `add_person` (names unique on the cluster)."""

    server: _pg.Cluster
    name: str
    logins: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return self.server.database_url(self.name)

    def login_name(self, person: str) -> str:
        return f"{self.name}_{re.sub(r'[^a-z0-9]+', '_', person.lower()).strip('_')}"

    def url_as(self, person_or_login: str) -> str:
        login = self.logins.get(person_or_login, person_or_login)
        return self.server.database_url(self.name, user=login)

    def add_person(self, name: str, roles) -> str:
        """Add `name` with their own login, as the owner; returns the login."""
        from newsdesk.newsroom import Newsroom

        login = self.login_name(name)
        owner = Newsroom.open(self.url)
        try:
            owner.add_person(name, roles, login=login)
        finally:
            owner.close()
        self.logins[name] = login
        return login


@pytest.fixture
def pg_newsroom(pg_server):
    """A newsroom database copied from the session's template, with groups of its own."""
    import psycopg

    from newsdesk.storage.open import init_server

    name = pg_server.unique_name("nd")
    with psycopg.connect(pg_server.url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{pg_server.template}" STRATEGY FILE_COPY')
    init_server(pg_server.database_url(name))
    room = PgNewsroom(pg_server, name)
    yield room
    with psycopg.connect(pg_server.url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        for (role,) in conn.execute(
            "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)"
            " OR starts_with(rolname, %s)",
            [f"newsdesk_{name}_", f"{name}_"],
        ).fetchall():
            conn.execute(f'DROP ROLE "{role}"')


# -- one newsroom, every engine ---------------------------------------------------------

ENGINE_NAMES = ("postgres", "sqlite")


@pytest.fixture(params=ENGINE_NAMES)
def engine(request) -> str:
    """The name of the engine a test runs on (every engine in turn)."""
    return request.param


class Desks:
    """A newsroom as its people meet it. Each call naming `actor=` runs on that person's
    desk: on a server their own connection with their own login; on a file the one
    newsroom (it trusts names). Other calls run on the first person's desk."""

    def __init__(self, desks: dict, default, session) -> None:
        self._desks = desks
        self._default = default
        self._session = session

    def desk(self, person: str):
        return self._desks.get(person, self._default)

    def session(self, person: str | None = None):
        """A separate, new newsroom session (the caller closes it)."""
        return self._session(person)

    def __getattr__(self, name: str):
        attribute = getattr(self._default, name)
        if not callable(attribute):
            return attribute

        def call(*args, **kwargs):
            room = self._desks.get(kwargs.get("actor") or "", self._default)
            return getattr(room, name)(*args, **kwargs)

        return call

    def close(self) -> None:
        for room in {id(r): r for r in [self._default, *self._desks.values()]}.values():
            room.close()


@pytest.fixture
def open_desks(request, engine, tmp_path):
    """`open_desks({name: [roles]})`: the newsroom of these people on the engine under
    test (see Desks); closed at the end of the test."""
    from newsdesk.newsroom import Newsroom

    opened: list[Desks] = []

    def make(people: dict[str, list[str]]) -> Desks:
        if engine == "sqlite":
            path = tmp_path / "newsroom.db"
            room = Newsroom.open(path)
            for name, roles in people.items():
                room.add_person(name, roles)
            desks = Desks({}, room, lambda person=None: Newsroom.open(path))
        else:
            server = request.getfixturevalue("pg_newsroom")
            for name, roles in people.items():
                server.add_person(name, roles)
            rooms = {name: Newsroom.open(server.url_as(name)) for name in people}
            first = next(iter(people))
            desks = Desks(
                rooms,
                rooms[first],
                lambda person=None: Newsroom.open(server.url_as(person or first)),
            )
        opened.append(desks)
        return desks

    yield make
    for desks in opened:
        desks.close()


@dataclass
class DeskTargets:
    """Where each person's desk points, for front ends started as processes: one file
    for everybody (names given with NEWSDESK_USER), or each person's own login."""

    engine: str
    target_of: dict[str, str]

    def db(self, person: str) -> str:
        return self.target_of[person]

    def env(self, person: str) -> dict[str, str]:
        return {**os.environ, "NEWSDESK_USER": person}

    def open(self, person: str):
        from newsdesk.newsroom import Newsroom

        return Newsroom.open(self.db(person))


@pytest.fixture
def desk_targets(request, engine, tmp_path):
    """`desk_targets({name: [roles]})`: a newsroom with these people on the engine
    under test, and where each one's desk connects (see DeskTargets)."""

    def make(people: dict[str, list[str]]) -> DeskTargets:
        from newsdesk.newsroom import Newsroom

        if engine == "sqlite":
            path = tmp_path / "newsroom.db"
            room = Newsroom.open(path)
            for name, roles in people.items():
                room.add_person(name, roles)
            room.close()
            return DeskTargets(engine, {name: str(path) for name in people})
        server = request.getfixturevalue("pg_newsroom")
        for name, roles in people.items():
            server.add_person(name, roles)
        return DeskTargets(engine, {name: server.url_as(name) for name in people})

    return make
