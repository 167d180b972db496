"""Starting `newsdesk` where it cannot work says so in words, never with a signal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.domain.article import Article
from newsdesk.newsroom import Newsroom
from tests.gui.app_process import AppProcess

ROOT = Path(__file__).resolve().parents[2]
SESSION_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def _newsdesk(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in SESSION_VARIABLES}
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", "--db", str(tmp_path / "newsroom.db")],
        env={**clean, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_a_display_one_line_says_how_to_run_it(tmp_path):
    done = _newsdesk(tmp_path)
    assert done.returncode == 1, done.stderr  # not 134 (Qt's abort)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "no display" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]
    assert "xcb" not in done.stderr  # Qt's misleading plugin story stays in the log
    assert not (tmp_path / "newsroom.db").exists()  # nothing was made


def test_a_display_that_cannot_be_reached_is_named(tmp_path):
    if Path("/tmp/.X11-unix/X97").exists():
        pytest.skip("an X server runs on :97 here")
    done = _newsdesk(tmp_path, DISPLAY=":97")
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "':97' cannot be reached" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]


def test_a_read_only_database_opens_for_reading_and_says_so_once(tmp_path, read_only):
    db = tmp_path / "newsroom.db"
    room = Newsroom.open(db)
    room.add_person("Mei Lin", ["reporter"])
    room.create_article(Article(headline="Harbour lights return", body="x"), actor="Mei Lin")
    room.close()
    read_only(db)
    app = AppProcess(db, "Mei Lin", tmp_path / "home")
    assert app.ask("open 1")["ok"]
    seen = app.ask("wait 2.5")
    assert [d["title"] for d in seen["dialogs"]] == ["The database is read-only"]
    assert "read-only" in seen["dialogs"][0]["text"]
    assert "full" not in seen["dialogs"][0]["text"]
    assert seen["read_only"] and "read-only" in seen["banner"]
    assert app.quit() == 0
