"""The command line end to end: import, list, show, workflow, history, check."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.publish.markdown.pipeline import render_body
from newsdesk.publish.markdown.plain_text import html_blocks_to_text

FIXTURES = Path(__file__).parents[1] / "fixtures" / "pages"

PAGE = """current location:news > city > text
Weekend丨Night buses return to the river district
2026-02-14 source:Metro desk

Three night bus lines return on Friday after a two-year pause.

Fares stay at *two* euros & tickets <work> on every line.

Reporter丨Nadia Rahman

Photography |Jonas Weber Clara Holt

Unified Service Email:chinanewsonline@yeah.net
Copyright@ www.china-news-online.com"""


@pytest.fixture
def page(tmp_path) -> Path:
    path = tmp_path / "night-buses.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def _import(cli, path) -> int:
    code, out, err = cli("import", str(path), "--as", "Nadia Rahman")
    assert code == 0, err
    article_id, headline = out.strip().split("\t")
    assert headline == "Night buses return to the river district"
    return int(article_id)


def test_import_then_show_json_has_every_field(cli, page):
    article_id = _import(cli, page)
    code, out, _ = cli("show", str(article_id), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["id"] == article_id
    assert data["kicker"] == "Weekend"
    assert data["section"] == ["news", "city"]
    assert data["date"] == "2026-02-14"
    assert data["source"] == "Metro desk"
    assert data["status"] == "draft"
    assert data["revision"] == 1
    assert data["created_by"] == "Nadia Rahman"
    assert data["credits"] == [
        {"role": "Reporter", "names": ["Nadia Rahman"]},
        {"role": "Photography", "names": ["Jonas Weber", "Clara Holt"]},
    ]
    assert data["slug"]
    # Characters special to Markdown or HTML stay literal text on the page.
    paragraphs = html_blocks_to_text(render_body(data["body"]))
    assert paragraphs[1] == "Fares stay at *two* euros & tickets <work> on every line."


def test_workflow_through_the_cli(cli, page):
    article_id = str(_import(cli, page))
    assert (
        cli("submit", article_id, "--as", "Nadia Rahman")[1].strip() == f"{article_id}\tsubmitted"
    )
    code, _, err = cli("approve", article_id, "--as", "Nadia Rahman")
    assert code == 1
    assert "approve-needs-producer" in err and "Traceback" not in err
    code, _, err = cli("return", article_id, "--as", "Felix Ortner")
    assert code == 2  # --comment is required: a usage error
    assert cli("return", article_id, "--as", "Felix Ortner", "--comment", "Add fares")[0] == 0
    assert cli("submit", article_id, "--as", "Nadia Rahman")[0] == 0
    assert cli("approve", article_id, "--as", "Felix Ortner")[0] == 0
    code, out, _ = cli("list", "--status", "approved", "--json")
    assert [a["id"] for a in json.loads(out)] == [int(article_id)]
    assert cli("publish", article_id, "--as", "Kai Web")[0] == 0
    code, out, _ = cli("history", article_id, "--json")
    history = json.loads(out)
    actions = [e["action"] for e in history["events"]]
    assert actions == ["create", "submit", "return", "submit", "approve", "publish"]
    assert history["events"][2]["comment"] == "Add fares"
    assert [r["revision"] for r in history["revisions"]] == [1]


def test_import_into_with_expected_revision_detects_conflicts(cli, page, tmp_path):
    article_id = str(_import(cli, page))
    newer = tmp_path / "newer.txt"
    newer.write_text(PAGE.replace("Three night bus lines", "Four night bus lines"), "utf-8")
    code, _, err = cli(
        "import", str(newer), "--into", article_id, "--expect-revision", "1", "--as", "Nadia Rahman"
    )
    assert code == 0, err
    stale = tmp_path / "stale.txt"
    stale.write_text(PAGE.replace("Three night bus lines", "Five night bus lines"), "utf-8")
    code, _, err = cli(
        "import", str(stale), "--into", article_id, "--expect-revision", "1", "--as", "Nadia Rahman"
    )
    assert code == 1
    assert "revision 1" in err and "revision 2" in err
    body = json.loads(cli("show", article_id, "--json")[1])["body"]
    assert body.startswith("Four night bus lines")


def test_search_finds_imported_text(cli, page):
    article_id = _import(cli, page)
    code, out, _ = cli("list", "--search", "river")
    assert code == 0
    assert out.startswith(f"{article_id}\tdraft")
    assert cli("list", "--search", "nothing-like-this")[1] == ""


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("current location:news > text\nCaf\u00e9".encode("latin-1"), "not valid UTF-8"),
        (b"Just some notes without any layout.\nSecond line.", "not in a known layout"),
    ],
)
def test_bad_files_are_refused_by_name_and_nothing_is_written(cli, tmp_path, content, problem):
    bad = tmp_path / "bad-input.txt"
    bad.write_bytes(content)
    code, _out, err = cli("import", str(bad), "--as", "Nadia Rahman")
    assert code == 1
    assert "bad-input.txt" in err and problem in err
    assert "Traceback" not in err
    assert cli("list", "--json")[1].strip() == "[]"


def test_each_file_stands_alone(cli, page, tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    code, out, err = cli("import", str(bad), str(page), "--as", "Nadia Rahman")
    assert code == 1
    assert "broken.txt" in err
    assert out.count("\t") == 1  # the good file was imported
    assert len(json.loads(cli("list", "--json")[1])) == 1


def test_encoding_option_reads_other_encodings(cli, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(PAGE.replace("Night buses", "Caf\u00e9 buses").encode("latin-1", "replace"))
    code, out, err = cli("import", str(path), "--as", "Nadia Rahman", "--encoding", "latin-1")
    assert code == 0, err
    assert "Caf\u00e9 buses" in out


def test_actor_comes_from_environment(cli, page, monkeypatch):
    article_id = str(_import(cli, page))
    monkeypatch.setenv("NEWSDESK_USER", "Nadia Rahman")
    assert cli("submit", article_id)[0] == 0
    monkeypatch.delenv("NEWSDESK_USER")
    code, _, err = cli("archive", article_id)
    assert code == 1 and "--as NAME" in err


def test_unknown_user_and_article_are_clear_errors(cli):
    code, _, err = cli("submit", "99", "--as", "Nadia Rahman")
    assert code == 1 and "no article with id 99" in err
    code, _, err = cli("submit", "1", "--as", "Nobody Here")
    assert code == 1 and "Nobody Here" in err


def test_users_list_and_site_profile(cli):
    _code, out, _ = cli("users", "list", "--json")
    assert {p["name"]: p["roles"] for p in json.loads(out)}["Felix Ortner"] == ["producer"]
    assert cli("site", "set", "source_label", "来源：", "--as", "Nadia Rahman")[0] == 1
    assert cli("site", "set", "source_label", "来源：", "--as", "Kai Web")[0] == 0
    assert json.loads(cli("site", "show", "--json")[1])["source_label"] == "来源："


def test_check_gives_a_verdict(cli, page):
    _import(cli, page)
    code, out, _ = cli("check")
    assert code == 0 and "verdict: OK" in out


def test_check_reports_damage(cli, page):
    import sqlite3

    _import(cli, page)
    conn = sqlite3.connect(cli.db)
    conn.execute("UPDATE audit SET actor = 'Someone Else' WHERE id = 1")
    conn.commit()
    conn.close()
    code, out, _ = cli("check")
    assert code == 1
    assert "verdict: DAMAGED" in out and "audit entry 1 was changed" in out


def test_real_process_exit_codes(tmp_path, page):
    env = {**os.environ, "NEWSDESK_DB": str(tmp_path / "proc.db")}

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "newsdesk", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )

    assert run("users", "add", "Nadia Rahman", "--role", "reporter").returncode == 0
    done = run("import", str(page), "--as", "Nadia Rahman")
    assert done.returncode == 0, done.stderr
    refused = run("approve", "1", "--as", "Nadia Rahman")
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    assert run("frobnicate").returncode == 2


def test_users_deactivate_and_activate(cli):
    code, out, err = cli("users", "deactivate", "Kai Web", "--as", "Felix Ortner")
    assert code == 0 and out.strip() == "Kai Web\tdeactivated", err
    _code, out, _ = cli("users", "list")
    assert "Kai Web\tweb\tdeactivated" in out.splitlines()
    code, _out, err = cli("site", "set", "source_label", "来源：", "--as", "Kai Web")
    assert code != 0 and "deactivated" in err and len(err.strip().splitlines()) == 1
    code, _out, err = cli("users", "deactivate", "Felix Ortner", "--as", "Felix Ortner")
    assert code != 0 and "cannot deactivate themselves" in err
    assert cli("users", "activate", "Kai Web", "--as", "Felix Ortner")[0] == 0
    _code, out, _ = cli("users", "list", "--json")
    assert all(p["active"] for p in json.loads(out))
    assert cli("site", "set", "source_label", "来源：", "--as", "Kai Web")[0] == 0
