"""`newsdesk migrate SRC.db URL`, as a CLI process: a newsroom file moves onto a server
with its whole history, and every front-end reading of it stays the same."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3

import psycopg
import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.newsroom import Newsroom
from newsdesk.storage.audit_chain import GENESIS, entry_hash
from tests.cli.conftest import run_newsdesk as newsdesk
from tests.fixtures.word_documents import river_report


@pytest.fixture(scope="module")
def source_template(tmp_path_factory):
    """A newsroom file with a life behind it: three people, a Chinese article through
    the whole workflow, a returned draft with comments and a restored revision, a Word
    import with its picture, a site setting."""
    tmp_path = tmp_path_factory.mktemp("source")
    db = tmp_path / "desk.db"
    newsdesk("--db", str(db), "users", "add", "Mei Lin", "--role", "reporter", check=0)
    newsdesk("--db", str(db), "users", "add", "Tom Reed", "--role", "producer", check=0)
    newsdesk("--db", str(db), "users", "add", "Kai Web", "--role", "web", check=0)
    newsdesk(
        "--db", str(db), "import", str(river_report(tmp_path / "river.docx")), "--as", "Mei Lin",
        check=0,
    )  # fmt: skip
    room = Newsroom.open(db)
    try:
        first = room.create_article(
            Article(
                headline="市政府召开新闻发布会",
                kicker="本地",
                body="今天上午，市政府召开新闻发布会。\n\n防汛工作进入关键期。",
                credits=(Credit("reporter", ("Mei Lin",)),),
                date=dt.date(2026, 5, 2),
            ),
            actor="Mei Lin",
        )
        first = room.save_article(
            dataclasses_replace(first, body=first.body + "\n\n交通恢复正常。"), actor="Mei Lin"
        )
        room.transition(first.id, "submit", actor="Mei Lin")
        room.transition(first.id, "approve", actor="Tom Reed")
        room.transition(first.id, "publish", actor="Kai Web")
        second = room.create_article(
            Article(
                headline="Harbour ferry returns",
                body="The ferry runs again.",
                credits=(Credit("reporter", ("Mei Lin",)),),
                date=dt.date(2026, 5, 3),
            ),
            actor="Mei Lin",
        )
        second = room.save_article(
            dataclasses_replace(second, body="The ferry runs again from Monday."), actor="Mei Lin"
        )
        room.transition(second.id, "submit", actor="Mei Lin")
        room.transition(second.id, "return", actor="Tom Reed", comment="Name the operator.")
        note = room.comment(second.id, "Which operator?", actor="Tom Reed")
        room.comment(second.id, "Bay Lines.", actor="Mei Lin", parent_id=note.id)
        room.revert(second.id, 1, actor="Mei Lin")
        room.set_site_setting("source_label", "来源：", actor="Kai Web")
    finally:
        room.close()
    return db


@pytest.fixture
def source(source_template, tmp_path):
    db = tmp_path / "desk.db"
    shutil.copy(source_template, db)
    assert not source_template.with_name("desk.db-wal").exists()
    return db


def dataclasses_replace(article, **changes):
    import dataclasses

    return dataclasses.replace(article, **changes)


def _ids(db: str) -> list[str]:
    _, out, _ = newsdesk("--db", db, "list", check=0)
    return sorted(line.split("\t")[0] for line in out.splitlines())


def _readings(db: str, ids: list[str]) -> dict[str, str]:
    """What every front end reads, command by command."""
    seen = {}
    for article_id in ids:
        for command in ("show", "history"):
            seen[f"{command} {article_id}"] = newsdesk("--db", db, command, article_id, "--json")[1]
    for command in (("list", "--json"), ("users", "list", "--json"), ("site", "show", "--json")):
        seen[" ".join(command)] = newsdesk("--db", db, *command)[1]
    seen["search"] = newsdesk("--db", db, "list", "--search", "发布会")[1]
    return seen


def _server_counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("people", "articles", "revisions", "comments", "images", "audit")
        }


def test_migrate_moves_the_whole_newsroom_and_every_reading_stays_the_same(source, pg_newsroom):
    url = pg_newsroom.url
    ids = _ids(str(source))
    before = _readings(str(source), ids)
    source_bytes = source.read_bytes()

    code, out, err = newsdesk("migrate", str(source), url)
    assert code == 0, err
    assert out.splitlines()[0].startswith(f"migrated {source} to postgresql://")
    assert "articles\t3" in out and "comments\t2" in out and "images\t1" in out

    code, out, err = newsdesk("--db", url, "check")
    assert code == 0 and out.startswith("verdict: OK"), out + err
    after = _readings(url, ids)
    for key, text in before.items():
        assert after[key] == text, key
    assert json.loads(before["show " + ids[0]])["images"]  # the Word picture came along
    assert source.read_bytes() == source_bytes  # the source was only read

    # Byte for byte: revision snapshots, pictures and the audit chain with its hashes.
    with sqlite3.connect(source) as lite, psycopg.connect(url) as pg:
        for query in (
            "SELECT article_id, revision, data FROM revisions ORDER BY article_id, revision",
            "SELECT sha256, media_type, data FROM images ORDER BY sha256",
            "SELECT id, prev_hash, hash, actor, action FROM audit ORDER BY id",
        ):
            mine = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r)
                    for r in pg.execute(query).fetchall()]  # fmt: skip
            assert mine == lite.execute(query).fetchall(), query
        head = lite.execute("SELECT value FROM settings WHERE key = 'audit_head'").fetchone()[0]
        assert pg.execute("SELECT hash FROM audit_head").fetchone()[0] == head


def test_after_migrate_desks_go_on_with_new_ids_and_the_chain_holds(source, pg_newsroom, tmp_path):
    url = pg_newsroom.url
    newsdesk("migrate", str(source), url, check=0)
    login = pg_newsroom.login_name("Mei Lin")
    newsdesk(
        "--db", url, "users", "add", "Mei Lin", "--role", "reporter", "--login", login,
        "--no-password", check=0,
    )  # fmt: skip
    mei = pg_newsroom.url_as(login)
    story = tmp_path / "story.md"
    story.write_text("# Tram line opens\n\nThe tram runs every ten minutes.\n", "utf-8")
    code, out, err = newsdesk("--db", mei, "import", str(story))
    assert code == 0, err
    assert out.split("\t")[0] == "4"  # after the three copied articles, not 1
    code, _, err = newsdesk("--db", mei, "comment", "4", "First tram at six.")
    assert code == 0, err
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT max(id) FROM comments").fetchone()[0] == 3
    code, out, err = newsdesk("--db", url, "check")
    assert code == 0 and out.startswith("verdict: OK"), out + err
    code, out, _ = newsdesk("--db", mei, "list", "--search", "发布会")
    assert out.startswith("2\tpublished")


def test_a_target_that_is_not_empty_is_refused_and_left_as_it_was(source, pg_newsroom):
    url = pg_newsroom.url
    newsdesk("migrate", str(source), url, check=0)
    counts = _server_counts(url)
    code, out, err = newsdesk("migrate", str(source), url)
    assert code == 1 and out == ""
    assert "is not empty" in err and "nothing was written" in err
    assert len(err.strip().splitlines()) == 1
    assert _server_counts(url) == counts


def test_a_source_that_fails_its_check_is_refused_and_nothing_is_written(
    source, pg_newsroom, tmp_path
):
    broken = tmp_path / "broken.db"
    shutil.copy(source, broken)
    with sqlite3.connect(broken) as conn:
        conn.execute("UPDATE audit SET comment = 'rewritten' WHERE id = 3")
    code, _, err = newsdesk("migrate", str(broken), pg_newsroom.url)
    assert code == 1
    assert "fails its check" in err and "audit entry 3" in err and "nothing was written" in err
    assert set(_server_counts(pg_newsroom.url).values()) == {0}


def test_a_copy_refused_half_way_leaves_nothing(source, pg_newsroom, tmp_path):
    # A chain whose hashes hold but whose ids skip one: the file's check passes, the
    # server's audit trigger refuses the entry after the gap, once people, articles
    # and revisions are already copied. The one transaction takes all of it back.
    gapped = tmp_path / "gapped.db"
    shutil.copy(source, gapped)
    with sqlite3.connect(gapped) as conn:
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute("SELECT * FROM audit ORDER BY id")]
        conn.execute("DELETE FROM audit")
        prev = GENESIS
        for row in rows:
            if row["id"] >= 5:
                row["id"] += 1
            row["prev_hash"] = prev
            row["hash"] = entry_hash(row, prev)
            prev = row["hash"]
            names = ", ".join(row)
            conn.execute(
                f"INSERT INTO audit ({names}) VALUES ({', '.join('?' for _ in row)})",
                list(row.values()),
            )
        conn.execute("UPDATE settings SET value = ? WHERE key = 'audit_head'", [prev])
    assert newsdesk("--db", str(gapped), "check")[0] == 0
    code, _, err = newsdesk("migrate", str(gapped), pg_newsroom.url)
    assert code == 1
    assert "audit-appends-to-its-head" in err and "nothing was written" in err
    assert set(_server_counts(pg_newsroom.url).values()) == {0}


def test_migrate_is_refused_for_a_desk_login_an_uninitialised_server_or_swapped_arguments(
    source, pg_newsroom, pg_server
):
    login = pg_newsroom.add_person("Ana Cruz", ["web"])
    code, _, err = newsdesk("migrate", str(source), pg_newsroom.url_as(login))
    assert code == 1 and "only the database's owner may" in err
    with psycopg.connect(pg_newsroom.url, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    # The postgres database of the test server holds no newsroom.
    code, _, err = newsdesk("migrate", str(source), pg_server.url)
    assert code == 1 and "not set up as a newsroom yet" in err
    code, _, err = newsdesk("migrate", pg_newsroom.url, str(source))
    assert code == 1 and "give the file first" in err
    code, _, err = newsdesk("migrate", str(source.with_name("nothing.db")), pg_newsroom.url)
    assert code == 1 and "there is no newsroom file" in err
