"""`newsdesk backup`, `newsdesk restore`, and the command line on a damaged database."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.storage.sqlite.backup import backup_folder, check_database_file, list_backups
from tests.storage.test_backup import REPORTER, damage_pages, make_newsroom_db

PAGE = """current location:news > region > text
Valley丨Orchard cooperative opens a cider press
2026-04-03 source:Regional desk

The cooperative pressed its first apples on Thursday.

Reporter丨Nadia Rahman

Unified Service Email:chinanewsonline@yeah.net
Copyright@ www.china-news-online.com"""


@pytest.fixture
def page(tmp_path) -> Path:
    path = tmp_path / "cider.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


@pytest.fixture
def no_tty(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def _headlines(cli) -> list[str]:
    code, out, err = cli("list", "--json")
    assert code == 0, err
    return sorted(row["headline"] for row in json.loads(out))


def _import(cli, page) -> None:
    code, _out, err = cli("import", str(page), "--as", "Nadia Rahman")
    assert code == 0, err


def test_backup_writes_a_checked_copy_beside_the_database(cli, page):
    _import(cli, page)
    code, out, err = cli("backup")
    assert code == 0, err
    made = Path(out.strip())
    assert made.parent == backup_folder(cli.db)
    assert list_backups(cli.db) == [made]
    assert check_database_file(made) == []


def test_backup_out_file(cli, tmp_path):
    target = tmp_path / "copies" / "before-deadline.db"
    code, out, err = cli("backup", "--out", str(target))
    assert code == 0, err
    assert out.strip() == str(target) and check_database_file(target) == []


def test_restore_needs_yes_when_nobody_can_answer(cli, page, no_tty):
    code, out, _ = cli("backup")
    backup = out.strip()
    _import(cli, page)
    before = Path(cli.db).read_bytes()
    code, out, err = cli("restore", backup)
    assert code == 1
    assert "add --yes" in err and err.count("\n") == 1
    assert Path(cli.db).read_bytes() == before
    assert _headlines(cli) == ["Orchard cooperative opens a cider press"]


def test_restore_yes_puts_the_backup_back_and_keeps_the_current_aside(cli, page, no_tty):
    backup = cli("backup")[1].strip()
    _import(cli, page)
    code, out, err = cli("restore", backup, "--yes")
    assert code == 0, err
    assert _headlines(cli) == []
    kept_line = next(line for line in out.splitlines() if "kept as" in line)
    kept = Path(kept_line.split("kept as ", 1)[1])
    assert kept.parent == Path(cli.db).parent and kept.exists()
    code, out, _ = cli("--db", str(kept), "list", "--json")
    assert [row["headline"] for row in json.loads(out)] == [
        "Orchard cooperative opens a cider press"
    ]


def test_restore_refuses_a_file_that_is_no_backup_before_asking(cli, tmp_path, no_tty):
    bogus = tmp_path / "photo.jpg"
    bogus.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40)
    before = Path(cli.db).read_bytes()
    code, _out, err = cli("restore", str(bogus), "--yes")
    assert code == 1
    assert "not a usable newsdesk backup" in err and "photo.jpg" in err
    assert "nothing was changed" in err and "Traceback" not in err
    assert Path(cli.db).read_bytes() == before
    assert not list(Path(cli.db).parent.glob("*before-restore*"))


def _run_on_a_terminal(args: list[str], answer: bytes, env: dict) -> tuple[int, str]:
    """Run `newsdesk ARGS` with a pseudo-terminal as its stdin and answer the prompt."""
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "newsdesk", *args],
            stdin=follower,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        os.write(leader, answer)
        out, err = process.communicate(timeout=60)
    finally:
        os.close(follower)
        os.close(leader)
    return process.returncode, (out + err).decode("utf-8")


def test_restore_asks_on_a_terminal(cli, page, tmp_path):
    backup = cli("backup")[1].strip()
    _import(cli, page)
    env = {**os.environ, "NEWSDESK_DB": cli.db}
    code, output = _run_on_a_terminal(["restore", backup], b"n\n", env)
    assert code == 1 and "nothing was changed" in output
    assert _headlines(cli) == ["Orchard cooperative opens a cider press"]
    code, output = _run_on_a_terminal(["restore", backup], b"y\n", env)
    assert code == 0, output
    assert "[y/N]" in output or "kept as" in output
    assert _headlines(cli) == []


# -- a damaged database ------------------------------------------------------------


@pytest.fixture
def damaged_cli(cli):
    """The CLI's database with enough articles to damage its middle, one good backup,
    then garbage over some pages."""
    make_newsroom_db(Path(cli.db), articles=120, body_words=300)
    code, out, err = cli("backup")
    assert code == 0, err
    damage_pages(Path(cli.db))
    return cli, Path(out.strip())


@pytest.mark.parametrize(
    "command",
    [
        ("import", "{page}", "--as", "Nadia Rahman"),
        ("users", "add", "Tariq Haddad", "--role", "reporter"),
        ("archive", "1", "--as", "Felix Ortner"),
        ("comment", "1", "Check the second source.", "--as", "Felix Ortner"),
        ("revert", "1", "1", "--as", REPORTER),
        ("site", "set", "source_label", "from:", "--as", "Kai Web"),
    ],
    ids=["import", "users-add", "archive", "comment", "revert", "site-set"],
)
def test_write_commands_refuse_a_damaged_database(damaged_cli, page, command):
    cli, good = damaged_cli
    db = Path(cli.db)
    before = db.read_bytes()
    args = [part.format(page=page) for part in command]
    code, _out, err = cli(*args)
    assert code == 1
    assert "damaged" in err and "will not write" in err
    assert str(good) in err and "newsdesk restore" in err
    assert "Traceback" not in err
    assert db.read_bytes() == before
    wal = Path(f"{db}-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_export_from_a_damaged_database_writes_no_file(damaged_cli, tmp_path):
    cli, good = damaged_cli
    out = tmp_path / "site"
    code, _out, err = cli("export", "1", "--out", str(out), "--as", "Kai Web")
    assert code == 1
    assert "damaged" in err and str(good) in err
    assert not out.exists() or not any(out.iterdir())


def test_backup_of_a_damaged_database_is_refused(damaged_cli):
    cli, good = damaged_cli
    code, _out, err = cli("backup")
    assert code == 1 and "damaged" in err and str(good) in err
    assert list_backups(cli.db) == [good]


def test_restoring_the_named_backup_makes_the_newsroom_writable_again(damaged_cli, page, no_tty):
    cli, good = damaged_cli
    code, _out, err = cli("restore", str(good), "--yes")
    assert code == 0, err
    assert cli("check")[0] == 0
    _import(cli, page)


def test_a_real_process_on_a_damaged_database_exits_1_with_one_line(damaged_cli):
    cli, good = damaged_cli
    before = Path(cli.db).read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", "users", "add", "Tariq Haddad", "--role", "reporter"],
        capture_output=True,
        text=True,
        env={**os.environ, "NEWSDESK_DB": cli.db},
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("newsdesk: the database ")
    assert "damaged" in done.stderr and str(good) in done.stderr
    assert Path(cli.db).read_bytes() == before


@pytest.mark.parametrize(
    "command", [("list",), ("list", "--search", "harbour"), ("show", "60"), ("history", "60")]
)
def test_reading_a_damaged_database_is_never_a_traceback(damaged_cli, command):
    """Reads go on as far as the file allows; a read that hits the damage says so."""
    cli, good = damaged_cli
    code, _out, err = cli(*command)
    if code != 0:
        assert code == 1 and err.count("\n") == 1
        assert "damaged" in err and str(good) in err


def test_check_reports_the_damage(damaged_cli):
    cli, _good = damaged_cli
    code, out, _err = cli("check")
    assert code == 1 and "verdict: DAMAGED" in out
