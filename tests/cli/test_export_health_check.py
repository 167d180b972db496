"""The damage check before an export, as the web team meets it from the command line:
the whole file is checked at most once per interval while nothing else writes into it,
and a damaged database still refuses every export."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from newsdesk.storage.sqlite import check_record
from newsdesk.storage.sqlite.base import SQLiteBase
from tests.cli.conftest import run_newsdesk
from tests.storage.test_backup import damage_pages, make_newsroom_db

IDS = [str(i) for i in range(1, 121)]


@pytest.fixture
def newsroom(cli) -> Path:
    """The CLI's database with 120 articles (enough to damage its middle)."""
    make_newsroom_db(Path(cli.db), articles=120, body_words=300)
    return Path(cli.db)


@pytest.fixture
def full_checks(monkeypatch) -> list[str]:
    """The databases whose whole file was checked (SQLite's quick_check), in order."""
    checked: list[str] = []
    original = SQLiteBase.quick_check

    def counting(self):
        checked.append(self.path)
        return original(self)

    monkeypatch.setattr(SQLiteBase, "quick_check", counting)
    return checked


def export(cli, out: Path) -> tuple[int, str, str]:
    return cli("export", *IDS, "--out", str(out), "--as", "Kai Web")


def silently_damage(db: Path) -> None:
    """Garbage over pages in the middle of the file, its size and time kept: damage
    no program wrote through the file system's front door (a disk losing bits)."""
    state = os.stat(db)
    damage_pages(db)
    os.utime(db, ns=(state.st_atime_ns, state.st_mtime_ns))


def test_the_next_exports_do_not_check_the_whole_file_again(cli, newsroom, full_checks, tmp_path):
    out = tmp_path / "site"
    check_record.forget(newsroom)  # as after an upgrade: no check remembered yet
    assert export(cli, out)[0] == 0  # checks, writes 120 pages, records their export
    assert full_checks == [str(newsroom)]
    for _ in range(3):
        code, stdout, err = export(cli, out)
        assert code == 0, err
        assert "0 files written, 120 unchanged" in stdout
    assert len(full_checks) == 1  # each CLI run opens the newsroom afresh: none checked again


def test_a_write_by_another_program_makes_the_next_export_check(cli, newsroom, tmp_path):
    out = tmp_path / "site"
    assert (
        run_newsdesk("--db", str(newsroom), "export", *IDS, "--out", str(out), "--as", "Kai Web")[0]
        == 0
    )
    manifest = (out / "manifest.json").read_bytes()
    damage_pages(newsroom)  # written after the last check: the file's time changed
    code, _out, err = run_newsdesk(
        "--db", str(newsroom), "export", *IDS, "--out", str(out), "--as", "Kai Web"
    )
    assert code == 1
    assert "damaged" in err and "will not write" in err and "Traceback" not in err
    assert (out / "manifest.json").read_bytes() == manifest


def test_damage_met_between_checks_refuses_the_export_and_the_next_run_checks(
    cli, newsroom, full_checks, tmp_path
):
    out = tmp_path / "site"
    check_record.forget(newsroom)
    assert export(cli, out)[0] == 0
    assert export(cli, out)[0] == 0
    assert len(full_checks) == 1
    pages = {p.name: p.read_bytes() for p in out.iterdir()}
    silently_damage(newsroom)
    code, _out, err = export(cli, out)  # trusts the recent check; reading the articles meets it
    assert len(full_checks) == 1
    assert code == 1
    assert "damaged" in err and "will not write" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == pages
    assert not check_record.record_path(newsroom).exists()
    # The next command checks the whole file again, and refuses to write.
    code, _out, err = cli("users", "add", "Tariq Haddad", "--role", "reporter")
    assert len(full_checks) == 2
    assert code == 1 and "damaged" in err


def test_a_check_older_than_the_interval_is_made_again(cli, newsroom, full_checks, tmp_path):
    out = tmp_path / "site"
    check_record.forget(newsroom)
    assert export(cli, out)[0] == 0
    assert len(full_checks) == 1
    record = check_record.record_path(newsroom)
    data = json.loads(record.read_text(encoding="utf-8"))
    old = dt.datetime.fromisoformat(data["checked_at"]) - check_record.CHECK_EVERY
    record.write_text(json.dumps({**data, "checked_at": old.isoformat()}), encoding="utf-8")
    silently_damage(newsroom)
    # A write that reads no damaged page: only the full check can refuse it.
    code, _out, err = cli("users", "add", "Tariq Haddad", "--role", "reporter")
    assert len(full_checks) == 2
    assert code == 1 and "damaged" in err


def test_a_copy_of_the_database_is_checked_on_its_own(cli, newsroom, full_checks, tmp_path):
    assert export(cli, tmp_path / "site")[0] == 0
    copy = tmp_path / "copy.db"
    copy.write_bytes(newsroom.read_bytes())
    record = check_record.record_path(newsroom)
    check_record.record_path(copy).write_bytes(record.read_bytes())  # the record copied too
    assert check_record.trusted_check(newsroom) is not None
    assert check_record.trusted_check(copy) is None  # another file (inode)
