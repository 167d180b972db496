"""`newsdesk backup` and `restore` on a newsroom server, as CLI processes: pg_dump and
pg_restore in their custom format, or a clear refusal; never a file copy."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest

from newsdesk.domain.errors import StorageError
from newsdesk.newsroom import backups
from tests.cli.conftest import run_newsdesk as newsdesk


def _story(tmp_path, name: str, headline: str):
    path = tmp_path / f"{name}.md"
    path.write_text(f"# {headline}\n\nThe tram runs every ten minutes.\n", "utf-8")
    return str(path)


@pytest.fixture
def desk(pg_newsroom):
    login = pg_newsroom.add_person("Mei Lin", ["reporter"])
    return pg_newsroom.url_as(login)


def _headlines(url: str) -> list[str]:
    code, out, err = newsdesk("--db", url, "list")
    assert code == 0, err
    return sorted(line.split("\t")[-1] for line in out.splitlines())


def test_backup_then_restore_brings_the_newsroom_back_and_keeps_the_one_replaced(
    pg_newsroom, desk, tmp_path
):
    url = pg_newsroom.url
    newsdesk("--db", desk, "import", _story(tmp_path, "a", "Tram line opens"), check=0)
    archive = tmp_path / "newsroom.dump"
    code, out, err = newsdesk("--db", url, "backup", "--out", str(archive))
    assert code == 0, err
    assert out.strip() == str(archive)
    assert archive.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    newsdesk("--db", desk, "import", _story(tmp_path, "b", "Ferry returns"), check=0)
    assert _headlines(desk) == ["Ferry returns", "Tram line opens"]

    code, out, err = newsdesk("--db", url, "restore", str(archive))
    assert code == 1 and "add --yes" in err and "nothing was changed" in err
    code, out, err = newsdesk("--db", url, "restore", str(archive), "--yes")
    assert code == 0, err
    assert "restored postgresql://" in out
    kept = out.strip().splitlines()[-1].removeprefix("the previous newsroom is kept as ")
    assert kept.endswith("-before-restore.dump")
    assert _headlines(desk) == ["Tram line opens"]
    code, out, err = newsdesk("--db", url, "check")
    assert code == 0 and out.startswith("verdict: OK"), out + err
    # The desk still works under the database's rules: its groups came back with init,
    # and the id sequence with the archive.
    code, out, err = newsdesk("--db", desk, "import", _story(tmp_path, "c", "Bridge reopens"))
    assert code == 0 and out.startswith("2\t"), err
    for statement in ("DELETE FROM articles", "UPDATE articles SET status = 'published'"):
        with psycopg.connect(desk) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(statement)
    # The newsroom as it was before the restore is a backup of its own.
    newsdesk("--db", url, "restore", kept, "--yes", check=0)
    assert _headlines(desk) == ["Ferry returns", "Tram line opens"]


def test_a_backup_by_default_goes_to_the_data_folder_and_names_the_newsroom(pg_newsroom, tmp_path):
    data = tmp_path / "data"
    code, out, err = newsdesk("--db", pg_newsroom.url, "backup", env={"XDG_DATA_HOME": str(data)})
    assert code == 0, err
    made = out.strip()
    assert made.startswith(str(data / "newsdesk" / "server-backups" / pg_newsroom.name))
    assert made.endswith(".dump")


def test_wrong_kinds_of_backup_are_refused_with_what_to_do(pg_newsroom, tmp_path):
    url = pg_newsroom.url
    lite = tmp_path / "desk.db"
    newsdesk("--db", str(lite), "users", "add", "Mei Lin", "--role", "reporter", check=0)
    file_backup = tmp_path / "desk-backup.db"
    newsdesk("--db", str(lite), "backup", "--out", str(file_backup), check=0)
    code, _, err = newsdesk("--db", url, "restore", str(file_backup), "--yes")
    assert code == 1 and "it is a newsroom file (SQLite)" in err and "nothing was changed" in err
    archive = tmp_path / "server.dump"
    newsdesk("--db", url, "backup", "--out", str(archive), check=0)
    code, _, err = newsdesk("--db", str(lite), "restore", str(archive), "--yes")
    assert code == 1 and "backup of a newsroom server (pg_dump)" in err
    with sqlite3.connect(lite) as conn:  # the file is untouched
        assert conn.execute("SELECT name FROM people").fetchall() == [("Mei Lin",)]
    junk = tmp_path / "junk.dump"
    junk.write_bytes(b"not an archive at all")
    code, _, err = newsdesk("--db", url, "restore", str(junk), "--yes")
    assert code == 1 and "pg_restore cannot read it" in err
    assert len(err.strip().splitlines()) == 1


def test_a_desk_login_cannot_back_up_and_is_told_whose_login_can(desk, tmp_path):
    code, out, err = newsdesk("--db", desk, "backup", "--out", str(tmp_path / "x.dump"))
    assert code == 1 and out == ""
    assert "needs the login of the newsroom database's owner" in err
    assert len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("*.dump")) and not list(tmp_path.glob(".*partial"))


def test_without_pg_dump_a_server_backup_is_refused_saying_how(monkeypatch, pg_newsroom):
    from newsdesk.storage.postgres import backup as server_backup

    monkeypatch.setattr(server_backup, "find_tool", lambda name: None)
    with pytest.raises(StorageError) as refused:
        backups.backup(pg_newsroom.url)
    message = str(refused.value)
    assert "needs PostgreSQL's pg_dump" in message
    assert "apt-get install postgresql-client" in message
    assert "pg_dump --format=custom" in message  # how to back up on the server instead


def test_the_apps_automatic_backups_do_nothing_on_a_server(pg_newsroom, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    policy = backups.auto_backup(pg_newsroom.url)
    assert policy.on_start() is None and policy.maybe_backup() is None
    assert list(tmp_path.iterdir()) == []  # no "postgresql:" folder, no backups folder
