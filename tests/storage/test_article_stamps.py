"""An article's stamp is kept by the database itself (SQLite schema 9, PostgreSQL
migration 0008): any change of any column of its row, by newsdesk or by plain SQL,
gives it a new one; what does not change the row (audit entries, comments, the body
cache, a save of the same text) leaves it. A whole-site export trusts it to skip
reading an article, so every write path must move it. Both engines."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import psycopg
import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.status import Status
from newsdesk.storage import codec
from newsdesk.storage.sqlite.store import SQLiteStore
from newsdesk.storage.store import CachedBody


def _article(**overrides) -> Article:
    base = Article(
        headline="Harbour ferry returns after winter repairs",
        kicker="Transport",
        slug="harbour-ferry",
        date=dt.date(2026, 3, 2),
        source="City desk",
        body="The ferry *Aurora* sails again.",
        credits=[Credit("Reporter", ("Lena Park",))],
    )
    return dataclasses.replace(base, **overrides)


def _stamp(store, article_id: int) -> str:
    (head,) = store.article_heads([article_id])
    return head.stamp


class _RawSql:
    """Plain SQL on the newsroom, outside newsdesk: another program on the file, or the
    server's owner."""

    def __init__(self, request, engine: str, store) -> None:
        self.engine = engine
        if engine == "sqlite":
            self.conn = sqlite3.connect(store.path, isolation_level=None)
            self.mark = "?"
        else:
            self.conn = psycopg.connect(request.getfixturevalue("pg_newsroom").url, autocommit=True)
            self.mark = "%s"

    def run(self, statement: str, params=()) -> list[tuple]:
        cursor = self.conn.execute(statement.replace("?", self.mark), params)
        return cursor.fetchall() if cursor.description else []

    def close(self) -> None:
        self.conn.close()


@pytest.fixture
def raw(request, engine, store):
    sql = _RawSql(request, engine, store)
    yield sql
    sql.close()


# A different value for each column of the row (`old`: its value now).
def _other(column: str, old):
    if column in ("revision", "approved_revision"):
        return (old or 0) + 1
    if column == "status":
        return "submitted" if old != "submitted" else "draft"
    if column == "date":
        return "2026-03-09"
    if column in ("section", "credits", "images", "keywords", "reporters"):
        return f" {old or '[]'}"  # the same list, other bytes: still a change of the row
    return f"{old or ''}-changed"


STAMPED = [c for c in codec.ARTICLE_COLUMNS if c != "id"]


def test_every_column_of_the_row_changed_by_sql_moves_the_stamp(store, raw):
    article = store.insert_article(_article(), actor="Lena Park")
    seen = {_stamp(store, article.id)}
    for column in STAMPED:
        ((old,),) = raw.run(f"SELECT {column} FROM articles WHERE id = ?", [article.id])
        raw.run(f"UPDATE articles SET {column} = ? WHERE id = ?", [_other(column, old), article.id])
        stamp = _stamp(store, article.id)
        assert stamp not in seen, f"a change of {column} left the stamp"
        seen.add(stamp)
    # The same values written again: the row did not change, nor does its stamp.
    raw.run("UPDATE articles SET headline = headline, body = body WHERE id = ?", [article.id])
    assert _stamp(store, article.id) == stamp


def test_every_write_path_moves_the_stamp_and_nothing_else_does(store):
    article = store.insert_article(_article(), actor="Lena Park")
    other = store.insert_article(_article(slug="other-story"), actor="Lena Park")
    first = _stamp(store, article.id)
    assert len(first) == 32 and first != _stamp(store, other.id)

    # What changes no row: the audit log (an export's entries), comments, the body
    # cache, a save of the same text.
    store.record_events(actor="Omar Diaz", action="export", events=[(article.id, 1, "to /site")])
    store.add_comment(article.id, author="Omar Diaz", text="Check the ferry's name.")
    store.cache_bodies({"key": CachedBody("<p>x</p>", "x")})
    store.save_article(
        store.get_article(article.id),
        actor="Lena Park",
        expected_revision=1,
        expected_status=Status.DRAFT,
        new_status=Status.DRAFT,
    )
    assert _stamp(store, article.id) == first

    stamps = [first]

    def moved() -> None:
        stamp = _stamp(store, article.id)
        assert stamp not in stamps
        stamps.append(stamp)

    current = store.get_article(article.id)
    for change in (
        {"headline": "Ferry back on the water"},
        {"body": "A new body."},
        {"kicker": "Ferries"},
        {"date": dt.date(2026, 3, 3)},
        {"credits": [Credit("Photography", ("Ivo Brandt",))]},
        {"summary": "Back after repairs."},
        {"keywords": ["ferry"]},
        {"section": ["City"]},
    ):
        current = store.save_article(
            dataclasses.replace(current, **change),
            actor="Lena Park",
            expected_revision=current.revision,
            expected_status=current.status,
            new_status=current.status,
        )
        moved()
    for action, status in (("submit", Status.SUBMITTED), ("approve", Status.APPROVED)):
        store.set_status(
            article.id,
            actor="Omar Diaz",
            action=action,
            expected_status=store.get_article(article.id).status,
            new_status=status,
        )
        moved()
    store.change_slug(
        article.id,
        slug="ferry-returns",
        actor="Omar Diaz",
        expected_slug="harbour-ferry",
        published=False,
    )
    moved()
    assert _stamp(store, other.id) != _stamp(store, article.id)


def test_a_server_stamp_cannot_be_set_by_sql(request, engine, store, raw):
    if engine != "postgres":
        pytest.skip("a file's owner may write anything into it; the server's rules hold")
    article = store.insert_article(_article(), actor="Lena Park")
    other = store.insert_article(_article(slug="other-story"), actor="Lena Park")
    stamp = _stamp(store, article.id)
    # Another article's stamp, asked for by hand with a change: a new one is made.
    raw.run(
        "UPDATE articles SET stamp = (SELECT stamp FROM articles WHERE id = ?),"
        " headline = 'By hand' WHERE id = ?",
        [other.id, article.id],
    )
    by_hand = _stamp(store, article.id)
    assert by_hand not in (stamp, _stamp(store, other.id))
    # Asked for without a change: the row keeps its own.
    raw.run("UPDATE articles SET stamp = gen_random_uuid() WHERE id = ?", [article.id])
    assert _stamp(store, article.id) == by_hand


def test_site_heads_are_the_articles_the_site_may_carry(store):
    draft = store.insert_article(_article(slug="a-draft"), actor="Lena Park")
    shown = store.insert_article(_article(slug="shown", date=None), actor="Lena Park")
    for action, status in (("submit", Status.SUBMITTED), ("approve", Status.APPROVED)):
        store.set_status(
            shown.id,
            actor="Omar Diaz",
            action=action,
            expected_status=store.get_article(shown.id).status,
            new_status=status,
        )
    heads = store.site_heads()
    assert [(s, h.id, h.slug, h.date) for s, h in heads] == [
        (Status.APPROVED, shown.id, "shown", None)
    ]
    assert heads[0][1] == store.article_heads([shown.id])[0]
    assert draft.id not in {h.id for _, h in heads}


def test_an_upgraded_file_gives_every_article_a_stamp(tmp_path):
    from tests.storage.test_sqlite_specifics import _v2_database

    path = tmp_path / "old.db"
    _v2_database(path)
    store = SQLiteStore(path)
    try:
        (head,) = store.article_heads([1])
        assert len(head.stamp) == 32
        store.set_status(
            1,
            actor="Lena Park",
            action="submit",
            expected_status=Status.DRAFT,
            new_status=Status.SUBMITTED,
        )
        assert store.article_heads([1])[0].stamp not in ("", head.stamp)
    finally:
        store.close()
