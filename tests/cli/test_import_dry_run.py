"""`newsdesk import --dry-run --json FILE...` as a user runs it: a real process, a real
database, and nothing written (issue 13, section 5)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newsdesk.storage.sqlite.store import SQLiteStore
from tests.fixtures.word_documents import river_report, tiny_png

CORPUS = Path(__file__).parents[1] / "fixtures" / "import"


def _run(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "NEWSDESK_USER"},
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def _state(db: Path) -> tuple:
    store = SQLiteStore(db)
    try:
        return store.count(), len(store.audit_events()), len(store.people())
    finally:
        store.close()


def test_dry_run_prints_what_each_file_would_become_and_writes_nothing(tmp_path):
    db = tmp_path / "newsroom.db"
    assert _run(db, "users", "add", "Anna Berg", "--role", "reporter").returncode == 0
    before = _state(db)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    files = [
        str(CORPUS / "zh-editor-note-and-chrome.txt"),
        str(river_report(tmp_path / "river.docx")),
        str(empty),
        str(CORPUS / "pelican-full.md"),
    ]
    done = _run(db, "import", "--dry-run", "--json", *files)
    assert done.returncode == 1  # one file refused, as a real import would say
    assert done.stderr == ""
    page, word, refused, pelican = json.loads(done.stdout)

    assert page["file"] == files[0] and page["format"] == "text"
    assert page["fields"]["headline"] == "山村学校的第一支足球队"
    assert page["credits"][-1] == {"role": "责编", "names": ["岳弘彬", "牛镛"]}
    assert page["paragraphs"] == 2 and page["images"] == 0
    assert [item["what"] for item in page["left_out"]] == ["page chrome"] * 4

    assert word["format"] == "docx"
    assert word["credits"][0] == {"role": "Reporter", "names": ["Anna Berg", "Li Wen"]}
    assert word["keywords"] == ["floods", "rivers"]
    assert word["images"] == 1

    assert refused == {"file": files[2], "refused": f"{files[2]}: the file is empty"}
    assert pelican["fields"]["slug"] == "comet-watchers-2024.05"
    assert {item["what"] for item in pelican["left_out"]} == {"metadata", "link", "image"}

    assert _state(db) == before  # nothing written


def test_dry_run_without_a_database_creates_none(tmp_path):
    db = tmp_path / "not-yet.db"
    done = _run(db, "import", "--dry-run", str(CORPUS / "bare-article-zh.txt"))
    assert done.returncode == 0, done.stderr
    assert "河道清淤完成" in done.stdout and "note: no breadcrumb line" in done.stdout
    assert not db.exists()


def test_a_real_import_of_a_word_file_stores_its_picture(tmp_path):
    db = tmp_path / "newsroom.db"
    assert _run(db, "users", "add", "Anna Berg", "--role", "reporter").returncode == 0
    assert _run(db, "users", "add", "Kai Web", "--role", "web").returncode == 0
    done = _run(db, "import", str(river_report(tmp_path / "river.docx")), "--as", "Anna Berg")
    assert done.returncode == 0, done.stderr
    article_id = done.stdout.split("\t")[0]
    shown = json.loads(_run(db, "show", article_id, "--json").stdout)
    [image] = shown["images"]
    out = tmp_path / "site"
    exported = _run(db, "export", article_id, "--out", str(out), "--as", "Kai Web")
    assert exported.returncode == 0, exported.stderr
    assert (out / image["name"]).read_bytes() == tiny_png()
