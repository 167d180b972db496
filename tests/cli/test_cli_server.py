"""The team base from the command line, as separate processes like real desks:
`server init`, `users add --login`, each desk acting as its own login's person."""

from __future__ import annotations

import psycopg
import pytest

from newsdesk.storage.postgres.schema import SCHEMA_VERSION
from tests import pg_cluster
from tests.cli.conftest import run_newsdesk as newsdesk

STORY = """current location:news > news > text
Tram line opens to the harbour
2026-05-02 source:City desk

The new tram line runs every ten minutes.

Reporter丨Mei Lin

Unified Service Email:desk@example.org
Copyright@ example.org"""


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "tram.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_server_init_creates_then_is_safe_to_repeat(pg_server):
    name = pg_server.unique_name("nd_cli_init")
    with psycopg.connect(pg_server.url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = pg_server.database_url(name)
    try:
        code, out, err = newsdesk("--db", url, "server", "init")
        assert code == 0, err
        assert f"newsroom {name}: created, schema {SCHEMA_VERSION}" in out
        assert f"group\treporter\tnewsdesk_{name}_reporter" in out
        code, out, _ = newsdesk("--db", url, "server", "init")
        assert code == 0 and "already up to date" in out
        code, out, _ = newsdesk("--db", url, "check")
        assert code == 0 and out.startswith("verdict: OK")
    finally:
        with psycopg.connect(pg_server.url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            for kind in ("reporter", "producer", "web"):
                conn.execute(f'DROP ROLE IF EXISTS "newsdesk_{name}_{kind}"')


def test_a_database_never_initialised_is_named_as_such(pg_server):
    code, _, err = newsdesk("--db", pg_server.url, "list")
    assert code == 1
    assert "is not set up as a newsroom yet" in err and "server init" in err
    assert len(err.strip().splitlines()) == 1


def test_each_desk_acts_as_its_own_login(pg_newsroom, story):
    url = pg_newsroom.url
    mei, tom = pg_newsroom.login_name("Mei Lin"), pg_newsroom.login_name("Tom Reed")
    newsdesk(
        "--db", url, "users", "add", "Mei Lin", "--role", "reporter", "--login", mei,
        "--no-password", check=0,
    )  # fmt: skip
    newsdesk(
        "--db", url, "users", "add", "Tom Reed", "--role", "producer", "--login", tom,
        "--no-password", check=0,
    )  # fmt: skip
    mei_url, tom_url = pg_newsroom.url_as(mei), pg_newsroom.url_as(tom)
    # No --as: the login is the person.
    code, out, err = newsdesk("--db", mei_url, "import", str(story))
    assert code == 0, err
    article_id = out.split("\t")[0]
    code, out, _ = newsdesk("--db", mei_url, "show", article_id, "--json")
    assert '"created_by": "Mei Lin"' in out
    # A new revision from a file: read and written in one unit on the server too.
    story.write_text(STORY.replace("every ten minutes", "every eight minutes"), "utf-8")
    code, out, err = newsdesk("--db", mei_url, "import", str(story), "--into", article_id)
    assert code == 0, err
    code, out, _ = newsdesk("--db", mei_url, "show", article_id, "--json")
    assert '"revision": 2' in out and "every eight minutes" in out
    # Naming someone else is refused, naming the rule; nothing is written.
    code, _, err = newsdesk("--db", mei_url, "submit", article_id, "--as", "Tom Reed")
    assert code == 1
    assert "[rule: act-as-your-login]" in err and "log in as them" in err
    code, _, err = newsdesk(
        "--db", mei_url, "submit", article_id, env={"NEWSDESK_USER": "Tom Reed"}
    )
    assert code == 1 and "act-as-your-login" in err
    newsdesk("--db", mei_url, "submit", article_id, "--as", "Mei Lin", check=0)
    # The reporter's login cannot approve; the producer's can, and it says who did.
    code, _, err = newsdesk("--db", mei_url, "approve", article_id)
    assert code == 1 and "[rule: approve-needs-producer]" in err
    code, out, err = newsdesk("--db", tom_url, "list", "--waiting")
    assert code == 0 and out.startswith(f"{article_id}\tsubmitted"), err
    newsdesk("--db", tom_url, "approve", article_id, check=0)
    code, out, _ = newsdesk("--db", tom_url, "history", article_id, "--json")
    assert '"actor": "Tom Reed"' in out and '"action": "approve"' in out
    # A desk may not add people.
    code, _, err = newsdesk(
        "--db", mei_url, "users", "add", "Eve", "--role", "producer", "--login", "eve",
        "--no-password",
    )  # fmt: skip
    assert code == 1 and "people-are-added-by-the-owner" in err


def test_the_owner_is_warned_and_may_not_act_as_a_desk(pg_newsroom, story):
    url = pg_newsroom.url
    code, out, err = newsdesk("--db", url, "list")
    assert code == 0 and "warning: connected as" in err and "owner" in err
    code, _, err = newsdesk("--db", url, "import", str(story), "--as", "Anyone")
    assert code == 1 and "desks-never-connect-as-owner" in err
    code, out, _ = newsdesk("--db", url, "list")
    assert out == ""
    # The owner's own login, or a superuser, is never a desk's login.
    code, _, err = newsdesk(
        "--db", url, "users", "add", "Boss", "--role", "producer", "--login", "postgres",
        "--no-password",
    )  # fmt: skip
    assert code == 1 and "cannot be a desk's login" in err


def test_a_new_login_needs_a_password_or_no_password_said_plainly(pg_newsroom):
    login = pg_newsroom.login_name("Ana Cruz")
    code, _, err = newsdesk(
        "--db", pg_newsroom.url, "users", "add", "Ana Cruz", "--role", "web", "--login", login
    )
    assert code == 1 and "NEWSDESK_PASSWORD" in err and "--no-password" in err
    with psycopg.connect(pg_newsroom.url, autocommit=True) as conn:
        assert not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [login]).fetchone()
        assert not conn.execute("SELECT 1 FROM people WHERE name = 'Ana Cruz'").fetchone()
    newsdesk(
        "--db", pg_newsroom.url, "users", "add", "Ana Cruz", "--role", "web", "--login", login,
        env={"NEWSDESK_PASSWORD": "harbour-tram-42"}, check=0,
    )  # fmt: skip
    with psycopg.connect(pg_newsroom.url, autocommit=True) as conn:
        stored = conn.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = %s", [login]
        ).fetchone()[0]
        assert stored.startswith("SCRAM-SHA-256$") and "harbour-tram-42" not in stored


def test_a_password_comes_from_pgpassword_or_the_prompt(pg_newsroom):
    from newsdesk.domain.errors import StorageError
    from newsdesk.newsroom import Newsroom

    login = pg_newsroom.login_name("Ana Cruz")
    env = {"NEWSDESK_PASSWORD": "harbour-tram-42"}
    newsdesk(
        "--db", pg_newsroom.url, "users", "add", "Ana Cruz", "--role", "web", "--login", login,
        env=env, check=0,
    )  # fmt: skip
    with psycopg.connect(pg_newsroom.url, autocommit=True) as conn:
        if not conn.execute(
            "SELECT 1 FROM pg_roles WHERE rolname = %s", [pg_cluster.PASSWORD_GROUP]
        ).fetchone():
            pytest.skip("this server has no password-only group (an external test server)")
        conn.execute(f'GRANT {pg_cluster.PASSWORD_GROUP} TO "{login}"')
    url = pg_newsroom.url_as(login)
    code, _, err = newsdesk("--db", url, "list")
    assert code == 1 and "refused the login" in err and "password" in err
    code, _, err = newsdesk("--db", url, "list", env={"PGPASSWORD": "harbour-tram-42"})
    assert code == 0, err
    asked = []
    room = Newsroom.open(url, ask_password=lambda prompt: asked.append(prompt) or "harbour-tram-42")
    try:
        assert room.login.person == "Ana Cruz"
        assert asked and login in asked[0] and "harbour-tram-42" not in room.location
    finally:
        room.close()
    with pytest.raises(StorageError, match="refused the login"):
        Newsroom.open(url, ask_password=lambda prompt: "wrong")


def test_logins_belong_to_a_server_not_a_file(tmp_path):
    db = str(tmp_path / "desk.db")
    code, _, err = newsdesk(
        "--db", db, "users", "add", "Mei Lin", "--role", "reporter", "--login", "mei"
    )
    assert code == 1 and "logins belong to a newsroom server" in err
    assert len(err.strip().splitlines()) == 1
    code, out, _ = newsdesk("--db", db, "users", "list")
    assert out == ""
    code, _, err = newsdesk("--db", db, "server", "init")
    assert code == 1 and "server init sets up a newsroom server" in err


def test_an_unreachable_server_is_named_plainly(tmp_path):
    url = f"postgresql://nobody@/newsroom?host={tmp_path}/no-such-socket-dir"
    code, _, err = newsdesk("--db", url, "list")
    assert code == 1
    assert "the newsroom server is unreachable" in err
    assert len(err.strip().splitlines()) == 1
    code, _, err = newsdesk("list", env={"NEWSDESK_DB": url})
    assert code == 1 and "the newsroom server is unreachable" in err


@pytest.mark.parametrize(
    "url", ["postgresql://[bad/newsroom", "postgresql://mei@/newsroom?host=/tmp&colour=red"]
)
def test_a_malformed_server_address_is_one_clear_line(url):
    code, _, err = newsdesk("--db", url, "list")
    assert code == 1
    assert err.startswith("newsdesk: not a newsroom server address")
    assert len(err.strip().splitlines()) == 1


def test_an_owner_who_is_no_superuser_sets_up_the_newsroom(pg_server, story):
    # The production shape: the database belongs to a login that may create roles,
    # not to a superuser.
    name = pg_server.unique_name("nd_owned")
    owner, mei = f"{name}_owner", f"{name}_mei"
    with psycopg.connect(pg_server.url, autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{owner}" LOGIN CREATEROLE')
        conn.execute(f'CREATE DATABASE "{name}" OWNER "{owner}"')
    owner_url = pg_server.database_url(name, user=owner)
    try:
        newsdesk("--db", owner_url, "server", "init", check=0)
        newsdesk(
            "--db", owner_url, "users", "add", "Mei Lin", "--role", "reporter",
            "--login", mei, "--no-password", check=0,
        )  # fmt: skip
        mei_url = pg_server.database_url(name, user=mei)
        code, out, err = newsdesk("--db", mei_url, "import", str(story))
        assert code == 0, err
        article_id = out.split("\t")[0]
        newsdesk("--db", mei_url, "submit", article_id, check=0)
        with (
            pytest.raises(psycopg.errors.InsufficientPrivilege, match="approve-needs-producer"),
            psycopg.connect(mei_url, autocommit=True) as conn,
        ):
            conn.execute(
                "UPDATE articles SET status = 'approved', approved_revision = revision,"
                " updated_by = 'Mei Lin' WHERE id = %s",
                [int(article_id)],
            )
        code, out, _ = newsdesk("--db", owner_url, "check")
        assert code == 0 and out.startswith("verdict: OK")
    finally:
        with psycopg.connect(pg_server.url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            for role in (
                mei,
                owner,
                *(f"newsdesk_{name}_{k}" for k in ("reporter", "producer", "web")),
            ):
                conn.execute(f'DROP ROLE IF EXISTS "{role}"')
