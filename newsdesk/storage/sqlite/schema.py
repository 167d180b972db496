"""The schema, created and migrated by version (PRAGMA user_version).

Each migration runs in its own transaction together with the version bump, so a
database is always at one whole version. Never edit a migration that has shipped:
add the next one.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from newsdesk.domain.errors import StorageError
from newsdesk.domain.said import Said
from newsdesk.storage.search_text import segment_for_index
from newsdesk.storage.sqlite.connection import Database, write_transaction

if TYPE_CHECKING:  # the connection's Database: sqlite-utils' API, built when used
    import sqlite_utils

log = logging.getLogger(__name__)


def _v1(db: sqlite_utils.Database) -> None:
    db["people"].create(
        {"name": str, "roles": str, "created_at": str},
        pk="name",
    )
    db["articles"].create(
        {
            "id": int,
            "slug": str,
            "kicker": str,
            "headline": str,
            "section": str,
            "date": str,
            "source": str,
            "language": str,
            "body": str,
            "credits": str,
            "images": str,
            "reporters": str,
            "status": str,
            "revision": int,
            "approved_revision": int,
            "created_by": str,
            "created_at": str,
            "updated_at": str,
            "updated_by": str,
        },
        pk="id",
        not_null={"slug", "headline", "status", "revision", "created_by"},
    )
    db["articles"].create_index(["slug"], unique=True)
    db["articles"].create_index(["status", "updated_at"])
    db["articles"].create_index(["updated_at"])
    db["articles"].create_index(["created_by"])
    # One index per sortable list column, so a header click never scans the table.
    db.execute("CREATE INDEX idx_articles_headline ON articles (headline COLLATE NOCASE, id)")
    db["articles"].create_index(["section", "updated_at"])
    db["articles"].create_index(["reporters", "updated_at"])
    db["articles"].create_index(["date", "id"])
    db["revisions"].create(
        {
            "article_id": int,
            "revision": int,
            "saved_at": str,
            "saved_by": str,
            "status": str,
            "note": str,
            "data": bytes,
        },
        pk=("article_id", "revision"),
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["audit"].create(
        {
            "id": int,
            "article_id": int,
            "at": str,
            "actor": str,
            "action": str,
            "from_status": str,
            "to_status": str,
            "revision": int,
            "comment": str,
            "prev_hash": str,
            "hash": str,
        },
        pk="id",
    )
    db["audit"].create_index(["article_id"])
    db["settings"].create({"key": str, "value": str}, pk="key")
    db["credit_roles"].create({"position": int, "key": str, "en": str, "zh": str}, pk="key")
    db["images"].create(
        {"sha256": str, "media_type": str, "data": bytes, "created_at": str}, pk="sha256"
    )
    # Our own content (segmented text, see search_text.py), rowid = article id.
    db.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "headline, kicker, body, credits, tokenize = 'unicode61 remove_diacritics 2')"
    )


def _v2(db: sqlite_utils.Database) -> None:
    db["comments"].create(
        {
            "id": int,
            "article_id": int,
            "parent_id": int,
            "at": str,
            "author": str,
            "text": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("parent_id", "comments", "id")],
    )
    db["comments"].create_index(["article_id"])


def _v3(db: sqlite_utils.Database) -> None:
    # A standfirst and keywords per article; the time and author of the last change of
    # content, which a workflow action (approve, publish) leaves as it was.
    for column in ("summary", "keywords", "content_updated_at", "content_updated_by"):
        db.execute(f"ALTER TABLE articles ADD COLUMN {column} TEXT")
    db.execute(
        "UPDATE articles SET summary = '', keywords = '[]',"
        " content_updated_at = (SELECT r.saved_at FROM revisions r"
        "   WHERE r.article_id = articles.id AND r.revision = articles.revision),"
        " content_updated_by = (SELECT r.saved_by FROM revisions r"
        "   WHERE r.article_id = articles.id AND r.revision = articles.revision)"
    )
    # Two writers can never chain onto the same audit entry: the second insert fails
    # (and its whole unit of work with it) instead of forking the chain. A database
    # whose chain already forked keeps opening; `newsdesk check` reports the fork.
    forked = db.execute(
        "SELECT 1 FROM audit GROUP BY prev_hash HAVING count(*) > 1 LIMIT 1"
    ).fetchone()
    if forked:
        log.warning("the audit chain has a fork; not adding its unique index")
    else:
        db.execute("CREATE UNIQUE INDEX idx_audit_prev_hash ON audit (prev_hash)")
    # Keywords get a column of their own in the search index (weighted like the kicker).
    db.execute("DROP TABLE articles_fts")
    _create_fts(db)
    for row in db.execute(
        "SELECT id, headline, kicker, body, credits, summary, keywords FROM articles"
    ).fetchall():
        db.execute(
            "INSERT INTO articles_fts (rowid, headline, kicker, body, credits, keywords)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            search_row(*row),
        )


def _v4(db: sqlite_utils.Database) -> None:
    # Who has which article open, one row per desk, renewed by a heartbeat (see
    # channel.py). Not history: rows come and go, nothing is audited.
    db.execute(
        "CREATE TABLE presence (desk TEXT PRIMARY KEY, article_id INTEGER NOT NULL,"
        " person TEXT NOT NULL, mode TEXT NOT NULL, seen_at REAL NOT NULL)"
    )
    db.execute("CREATE INDEX idx_presence_seen ON presence (seen_at)")


def _v5(db: sqlite_utils.Database) -> None:
    # A junk draft deleted by its creator stays in the file (its revisions, and the
    # audit log naming its creation and deletion) but in no list and no search. A
    # table of its own, not a column: the list's queries then still read only their
    # indexes (`id NOT IN` this small table), not every article row.
    db["deleted_articles"].create(
        {"article_id": int, "deleted_at": str, "deleted_by": str},
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    # Every address an article had before its current slug; those the site carried
    # (published) are redirects, and no other article may take them.
    db["former_slugs"].create(
        {
            "id": int,
            "article_id": int,
            "slug": str,
            "replaced_at": str,
            "replaced_by": str,
            "published": int,
        },
        pk="id",
        not_null={"article_id", "slug", "published"},
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["former_slugs"].create_index(["article_id"])
    db.execute(
        "CREATE UNIQUE INDEX idx_former_slugs_live ON former_slugs (slug) WHERE published = 1"
    )


def _v6(db: sqlite_utils.Database) -> None:
    # People are deactivated, never deleted: their revisions, audit entries and
    # credits keep naming them.
    db.execute("ALTER TABLE people ADD COLUMN active INTEGER NOT NULL DEFAULT 1")


def _create_fts(db: sqlite_utils.Database) -> None:
    # Our own content (segmented text, see search_text.py), rowid = article id.
    db.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "headline, kicker, body, credits, keywords,"
        " tokenize = 'unicode61 remove_diacritics 2')"
    )


def search_row(
    article_id: int,
    headline: str,
    kicker: str,
    body: str,
    credits_json: str,
    summary: str,
    keywords_json: str,
) -> list:
    """The articles_fts row of an article, from its stored columns."""
    credits = " ".join(
        f"{c['role']} {' '.join(c.get('names', ()))}" for c in json.loads(credits_json or "[]")
    )
    return [
        article_id,
        segment_for_index(headline or ""),
        segment_for_index(kicker or ""),
        segment_for_index(f"{summary or ''}\n{body or ''}"),
        segment_for_index(credits),
        segment_for_index(" ".join(json.loads(keywords_json or "[]"))),
    ]


def _v7(db: sqlite_utils.Database) -> None:
    # Rendered bodies by the SHA-256 of the renderer's version and the Markdown, so
    # every export (any process, any folder) converts a body once per content.
    db.execute("CREATE TABLE body_cache (key TEXT PRIMARY KEY, html TEXT NOT NULL) WITHOUT ROWID")


def _v8(db: sqlite_utils.Database) -> None:
    # The body's visible text beside its HTML (one block a line), so an export does
    # not parse the HTML again for the page's description or the text page. Entries
    # kept before have none: the exporter derives it once and fills it in.
    db.execute("ALTER TABLE body_cache ADD COLUMN plain_text TEXT")


# The columns of an article row that make up its stored state (every one but the id):
# a change of any of them gives the article a new stamp. Written out here, not taken
# from the codec, so this migration stays what it was when it shipped.
_STAMPED_COLUMNS = (
    "slug",
    "kicker",
    "headline",
    "section",
    "date",
    "source",
    "language",
    "body",
    "credits",
    "images",
    "summary",
    "keywords",
    "reporters",
    "status",
    "revision",
    "approved_revision",
    "created_by",
    "created_at",
    "updated_at",
    "updated_by",
    "content_updated_at",
    "content_updated_by",
)


def _v9(db: sqlite_utils.Database) -> None:
    # Each article's stamp: a random value the database itself gives it again at every
    # change of its row (triggers), so an export tells an unchanged article from the
    # manifest without reading its body. Random, not a counter: a restored backup
    # brings back each row with the stamp it had then, never one another content had.
    # A table of its own: a column added to articles lands after the body (in its
    # overflow pages), and filling it in would rewrite every row of the file.
    db.execute("CREATE TABLE article_stamps (article_id INTEGER PRIMARY KEY, stamp BLOB NOT NULL)")
    db.execute("INSERT INTO article_stamps SELECT id, randomblob(16) FROM articles")
    # Deleted first, then inserted: a conflict clause inside a trigger gives way to the
    # statement's own, so INSERT OR REPLACE here could still fail.
    renew = (
        "DELETE FROM article_stamps WHERE article_id = NEW.id;"
        " INSERT INTO article_stamps (article_id, stamp) VALUES (NEW.id, randomblob(16));"
    )
    db.execute(f"CREATE TRIGGER article_stamp_new AFTER INSERT ON articles BEGIN {renew} END")
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in ("id", *_STAMPED_COLUMNS))
    db.execute(
        f"CREATE TRIGGER article_stamp_changed AFTER UPDATE ON articles WHEN {changed}"
        f" BEGIN DELETE FROM article_stamps WHERE article_id = OLD.id; {renew} END"
    )
    db.execute(
        "CREATE TRIGGER article_stamp_gone AFTER DELETE ON articles"
        " BEGIN DELETE FROM article_stamps WHERE article_id = OLD.id; END"
    )
    # What an export needs of every article before it reads any body (the site's
    # order, the index line, the files' names), in one small index: status, images
    # and the approved revision lie after the body in each row.
    db.execute(
        "CREATE INDEX idx_articles_heads ON articles"
        " (id, status, approved_revision, date, slug, kicker, headline, images)"
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1,
    _v2,
    _v3,
    _v4,
    _v5,
    _v6,
    _v7,
    _v8,
    _v9,
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: Database) -> int:
    return db.read("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database, path: str = "") -> int:
    """Bring the schema to SCHEMA_VERSION; returns the version found before."""
    found = schema_version(db)
    if found > SCHEMA_VERSION:
        raise StorageError(
            Said(
                "schema-newer",
                f"the database {path} was written by a newer newsdesk (schema {found}, this "
                f"version knows {SCHEMA_VERSION}); update newsdesk to open it",
                path=path,
                found=found,
                known=SCHEMA_VERSION,
            )
        )
    for version in range(found + 1, SCHEMA_VERSION + 1):
        with write_transaction(db, path):
            MIGRATIONS[version - 1](db)
            db.execute(f"PRAGMA user_version = {version}")
        log.info("migrated %s to schema version %d", path, version)
    return found
