"""The command line for an article's address and junk drafts, as a user runs it (a
process of its own): the newsroom's rules refuse here as in the app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def newsdesk(tmp_path):
    db = tmp_path / "newsroom.db"

    def run(*args: str) -> tuple[int, str, str]:
        done = subprocess.run(
            [sys.executable, "-m", "newsdesk", "--db", str(db), *args],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=120,
        )
        return done.returncode, done.stdout, done.stderr

    people = (("Nadia Rahman", "reporter"), ("Felix Ortner", "producer"), ("Kai Web", "web"))
    for name, role in people:
        assert run("users", "add", name, "--role", role)[0] == 0
    page = tmp_path / "buses.md"
    page.write_text(
        "Title: Night buses return\nDate: 2026-02-14\nAuthors: Nadia Rahman\n\n"
        "Three lines return on Friday.\n",
        encoding="utf-8",
    )
    code, out, err = run("import", str(page), "--as", "Nadia Rahman")
    assert code == 0, err
    run.article_id = out.split("\t")[0]
    return run


def test_the_address_is_shown_changed_and_frozen_once_published(newsdesk):
    aid = newsdesk.article_id
    code, out, _ = newsdesk("address", aid)
    assert code == 0 and out.split("\t")[1] == "night-buses-return"
    assert out.rstrip().endswith("/night-buses-return.html")
    code, out, err = newsdesk("address", aid, "Night Buses", "--as", "Nadia Rahman")
    assert code == 1 and "cannot be an address" in err and len(err.strip().splitlines()) == 1
    assert newsdesk("address", aid, "buses", "--as", "Nadia Rahman")[0] == 0

    for action, who in (("submit", "Nadia Rahman"), ("approve", "Felix Ortner")):
        assert newsdesk(action, aid, "--as", who)[0] == 0
    assert newsdesk("publish", aid, "--as", "Kai Web")[0] == 0
    code, _, err = newsdesk("address", aid, "buses-back", "--as", "Nadia Rahman")
    assert code == 1 and "only a producer or the web team" in err
    code, out, _ = newsdesk("address", aid, "buses-back", "--as", "Kai Web")
    assert code == 0 and "\tbuses-back\t" in out
    code, out, _ = newsdesk("address", aid)
    assert out.splitlines()[1:] == ["redirect\tbuses"]


def test_a_junk_draft_is_deleted_by_its_creator_only(newsdesk):
    aid = newsdesk.article_id
    code, _, err = newsdesk("delete", aid, "--as", "Felix Ortner")
    assert code == 1 and "only its creator" in err
    assert newsdesk("delete", aid, "--as", "Nadia Rahman") == (0, f"{aid}\tdeleted\n", "")
    code, out, _ = newsdesk("list")
    assert code == 0 and "Night buses" not in out
    code, _, err = newsdesk("show", aid)
    assert code == 1 and f"no article with id {aid}" in err
