"""The server's schema, created and upgraded by versioned migrations, and the roles and
rules of roles.sql: what `newsdesk server init` does, as the database owner.

Migrations are the files in migrations/ (NNNN_name.sql), applied in order, each in its
own transaction together with its row in newsdesk_schema, all under an advisory lock so
two inits at once run one after the other. Never edit a migration that has shipped: add
the next one. Desks never migrate: a desk finding an older schema is told to run init.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
from importlib import resources

import psycopg
from psycopg import sql

from newsdesk.domain.article import Article
from newsdesk.domain.credit_roles import DEFAULT_CREDIT_ROLES
from newsdesk.domain.errors import StorageError
from newsdesk.domain.site import SiteProfile
from newsdesk.domain.status import UserRole
from newsdesk.storage import codec

log = logging.getLogger(__name__)

# pg_advisory_lock key of "newsdesk server init" (any constant; this one spells ND).
MIGRATION_LOCK = 0x4E44_0001
SITE_PROFILE = "site_profile"
_FILE = re.compile(r"^(?P<version>\d{4})_(?P<name>[\w-]+)\.sql$")


@dataclasses.dataclass(frozen=True)
class InitReport:
    """What `server init` found and did."""

    database: str
    schema_before: int
    schema_now: int
    group_roles: dict[str, str]


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, SQL) of every migration, in order."""
    folder = resources.files(__package__) / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _FILE.match(entry.name)
        if match:
            found.append((int(match["version"]), match["name"], entry.read_text("utf-8")))
    found.sort()
    if [v for v, _, _ in found] != list(range(1, len(found) + 1)):
        raise RuntimeError("the PostgreSQL migrations are not numbered 1, 2, 3 ...")
    return found


SCHEMA_VERSION = len(migrations())


def schema_version(conn: psycopg.Connection) -> int:
    """The schema version of the connected database: 0 when newsdesk never ran init."""
    exists = conn.execute("SELECT to_regclass('public.newsdesk_schema') IS NOT NULL").fetchone()
    if not exists[0]:
        return 0
    return conn.execute("SELECT coalesce(max(version), 0) FROM newsdesk_schema").fetchone()[0]


def group_role_names(database: str) -> dict[str, str]:
    """This newsroom's group roles, one per newsroom role. Roles are cluster-wide, so
    the names carry the database's: two newsrooms on one server never share a group."""
    stem = re.sub(r"[^a-z0-9_]", "_", database.lower()).strip("_") or "newsroom"
    if len(stem) > 36 or stem != database:
        digest = hashlib.sha256(database.encode("utf-8")).hexdigest()[:8]
        stem = f"{stem[:36]}_{digest}"
    return {role.value: f"newsdesk_{stem}_{role.value}" for role in UserRole}


def init_server(conn: psycopg.Connection) -> InitReport:
    """Create or upgrade the schema, the group roles and the rules. Safe to repeat."""
    database = conn.execute("SELECT current_database()").fetchone()[0]
    conn.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
    try:
        before = schema_version(conn)
        if before > SCHEMA_VERSION:
            raise StorageError(
                f"the newsroom {database} was set up by a newer newsdesk (schema {before},"
                f" this version knows {SCHEMA_VERSION}); update newsdesk first"
            )
        with conn.transaction():
            conn.execute(
                "CREATE TABLE IF NOT EXISTS newsdesk_schema (version integer PRIMARY KEY,"
                " name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
            )
        for version, name, text in migrations()[before:]:
            with conn.transaction():
                conn.execute("SET LOCAL search_path = public")
                conn.execute(text)
                conn.execute(
                    "INSERT INTO newsdesk_schema (version, name) VALUES (%s, %s)", [version, name]
                )
            log.info("newsroom %s: schema version %d (%s)", database, version, name)
        with conn.transaction():
            groups = _ensure_group_roles(conn, database)
            conn.execute("SET LOCAL search_path = public")
            rules = (resources.files(__package__) / "roles.sql").read_text("utf-8")
            conn.execute(sql.SQL(rules).format(**{k: sql.Identifier(v) for k, v in groups.items()}))
            _seed_defaults(conn)
            _fill_approved_digests(conn)
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])
    return InitReport(database, before, SCHEMA_VERSION, groups)


def _ensure_group_roles(conn: psycopg.Connection, database: str) -> dict[str, str]:
    wanted = group_role_names(database)
    rows = dict(conn.execute("SELECT key, value FROM newsdesk_meta").fetchall())
    previous = {k: rows.get(f"{k}_role") for k in wanted}
    for kind, name in wanted.items():
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone()
        if not exists:
            try:
                conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
            except psycopg.errors.InsufficientPrivilege as exc:
                raise StorageError(
                    f"server init needs a login that may create roles (CREATEROLE or a"
                    f" superuser) to make the group {name}: {exc.diag.message_primary}"
                ) from exc
        conn.execute(
            "INSERT INTO newsdesk_meta (key, value) VALUES (%s, %s)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [f"{kind}_role", name],
        )
        old = previous[kind]
        # A database copied from another newsroom (CREATE DATABASE ... TEMPLATE) gets
        # groups of its own, and the template's groups lose every right in the copy.
        if old and old != name:
            old_id = sql.Identifier(old)
            conn.execute(
                sql.SQL(
                    "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {0};"
                    " REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {0};"
                    " REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM {0};"
                    " REVOKE ALL ON SCHEMA public FROM {0}"
                ).format(old_id)
            )
    return wanted


# The columns newsdesk_content_digest (migration 2) reads, in its order.
DIGEST_COLUMNS = (
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
)


def _fill_approved_digests(conn: psycopg.Connection) -> None:
    """The approved text's digest of articles edited after approval before schema 3:
    their approved text is in a revision (compressed), which only Python reads."""
    rows = conn.execute(
        "SELECT a.id, r.data FROM articles a JOIN revisions r ON r.article_id = a.id"
        " AND r.revision = a.approved_revision WHERE a.approved_digest IS NULL"
    ).fetchall()
    digest = sql.SQL("md5(row({})::text)").format(
        sql.SQL(", ").join(sql.SQL("%s::text") for _ in DIGEST_COLUMNS)
    )
    for article_id, blob in rows:
        row = codec.article_to_row(
            Article(headline="").with_content(codec.unpack_revision(bytes(blob)))
        )
        conn.execute(
            sql.SQL("UPDATE articles SET approved_digest = {} WHERE id = %s").format(digest),
            [*(row[name] for name in DIGEST_COLUMNS), article_id],
        )


def _seed_defaults(conn: psycopg.Connection) -> None:
    if not conn.execute("SELECT 1 FROM credit_roles LIMIT 1").fetchone():
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO credit_roles (position, key, en, zh) VALUES (%s, %s, %s, %s)",
                [(i, r.key, r.en, r.zh) for i, r in enumerate(DEFAULT_CREDIT_ROLES)],
            )
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (%s, %s) ON CONFLICT (key) DO NOTHING",
        [SITE_PROFILE, codec.dumps(SiteProfile().to_dict())],
    )
