"""Turning domain objects into rows and back, and revision snapshots into blobs."""

from __future__ import annotations

import datetime as dt
import json
import zlib

from newsdesk.domain.article import (
    Article,
    ArticleHead,
    ArticleSummary,
    AuditEvent,
    FormerSlug,
    Image,
    Person,
    content_from_dict,
)
from newsdesk.domain.status import Status, UserRole


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def time_to_text(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat() if value else None


def time_from_text(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


# One encoder for every call: json.dumps with options builds a new one each time,
# which was a third of the cost of the small lists an article row holds (an import
# of 2,000 pages makes 14,000 of them). Same text; encode keeps no state.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def dumps(value: object) -> str:
    return _ENCODER.encode(value)


def article_to_row(article: Article) -> dict:
    content = article.content()
    return {
        "id": article.id,
        "slug": article.slug,
        "kicker": content["kicker"],
        "headline": content["headline"],
        "section": dumps(content["section"]),
        "date": content["date"],
        "source": content["source"],
        "language": content["language"],
        "body": content["body"],
        "credits": dumps(content["credits"]),
        "images": dumps(content["images"]),
        "summary": content["summary"],
        "keywords": dumps(content["keywords"]),
        "reporters": dumps(article.reporters),
        "status": article.status.value,
        "revision": article.revision,
        "approved_revision": article.approved_revision,
        "created_by": article.created_by,
        "created_at": time_to_text(article.created_at),
        "updated_at": time_to_text(article.updated_at),
        "updated_by": article.updated_by,
        "content_updated_at": time_to_text(article.content_updated_at),
        "content_updated_by": article.content_updated_by,
    }


def article_from_row(row: dict) -> Article:
    content = content_from_dict(
        {
            "kicker": row["kicker"] or "",
            "headline": row["headline"],
            "section": json.loads(row["section"] or "[]"),
            "date": row["date"],
            "source": row["source"] or "",
            "language": row["language"] or "en",
            "body": row["body"] or "",
            "credits": json.loads(row["credits"] or "[]"),
            "images": json.loads(row["images"] or "[]"),
            "summary": row["summary"] or "",
            "keywords": json.loads(row["keywords"] or "[]"),
        }
    )
    return Article(
        id=row["id"],
        slug=row["slug"],
        status=Status(row["status"]),
        revision=row["revision"],
        approved_revision=row["approved_revision"],
        created_by=row["created_by"],
        created_at=time_from_text(row["created_at"]),
        updated_at=time_from_text(row["updated_at"]),
        updated_by=row["updated_by"] or "",
        content_updated_at=time_from_text(row["content_updated_at"]),
        content_updated_by=row["content_updated_by"] or "",
        **content,
    )


# Every column of an article row (article_to_row's), in a fixed order.
ARTICLE_COLUMNS = (
    "id",
    "slug",
    "kicker",
    "headline",
    "date",
    "images",
    "section",
    "source",
    "language",
    "body",
    "credits",
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

# What an export reads of an article (`a`) before its body: head_from_row's columns,
# which the stored stamp follows (SQLite v9, PostgreSQL 0008).
HEAD_COLUMNS = "a.id, a.slug, a.kicker, a.headline, a.date, a.images"
# The articles the site may carry (ArticleQuery(on_site=True) on both engines, and the
# whole-site export's heads). Plain SQL that both engines read alike.
ON_SITE_SQL = (
    "(a.status IN ('approved', 'published') OR (a.status IN ('submitted', 'draft')"
    " AND a.approved_revision IS NOT NULL))"
)


def head_from_row(row: tuple) -> ArticleHead:
    """An ArticleHead from HEAD_COLUMNS and the stored stamp as hex text (the database
    gives the row a new one at every change of any of its columns; "" when it has
    none, which no manifest matches). No body, no parsing but the images'."""
    id_, slug, kicker, headline, date, images, stamp = row
    # tuple.__new__ in ArticleHead's field order: its own __new__ is a Python call, and
    # a whole-site export makes a head per article.
    return _new_head(
        ArticleHead,
        (
            id_,
            slug or "",
            kicker or "",
            headline or "",
            _date_of(date) if date else None,
            _images_of(images) if images and images != "[]" else (),
            stamp or "",
        ),
    )


_new_head = tuple.__new__
_date_of = dt.date.fromisoformat


def _images_of(column: str | None) -> tuple[Image, ...]:
    if not column or column == "[]":  # most articles: no JSON to parse
        return ()
    return tuple(Image.from_dict(i) for i in json.loads(column))


def article_head(article: Article) -> ArticleHead:
    """The head of an article held whole (one the site shows at an older revision,
    rebuilt from its history): no stored state names it, so it has no stamp ("") and
    an export always checks it (it is in memory already); when nothing it shows
    changed, the export keeps the manifest's line for it as it was."""
    return ArticleHead(
        id=article.id or 0,
        slug=article.slug,
        kicker=article.kicker,
        headline=article.headline,
        date=article.date,
        images=tuple(article.images),
        stamp="",
    )


# A draft whose last workflow action was a return: the list marks it (the same test as
# the reporter's "waiting for me"). Plain SQL that both engines read alike.
RETURNED_SQL = (
    "(articles.status = 'draft' AND (SELECT e.action FROM audit e"
    " WHERE e.article_id = articles.id"
    " AND e.action IN ('submit', 'return', 'approve', 'publish', 'archive')"
    " ORDER BY e.id DESC LIMIT 1) = 'return')"
)
SUMMARY_COLUMNS = (
    "id, kicker, headline, status, section, reporters, date, updated_at, created_by, revision,"
    f" {RETURNED_SQL} AS returned"
)


def summary_from_row(row: tuple) -> ArticleSummary:
    (
        id_,
        kicker,
        headline,
        status,
        section,
        reporters,
        date,
        updated_at,
        created_by,
        rev,
        returned,
    ) = row
    return ArticleSummary(
        id=id_,
        kicker=kicker or "",
        headline=headline,
        status=Status(status),
        section=tuple(json.loads(section or "[]")),
        reporters=tuple(json.loads(reporters or "[]")),
        date=dt.date.fromisoformat(date) if date else None,
        updated_at=time_from_text(updated_at),
        created_by=created_by,
        revision=rev,
        returned=bool(returned),
    )


def person_to_row(person: Person, created_at: dt.datetime) -> dict:
    return {
        "name": person.name,
        "roles": dumps(sorted(r.value for r in person.roles)),
        "created_at": time_to_text(created_at),
    }


def person_from_row(row: dict) -> Person:
    return Person(
        name=row["name"],
        roles=frozenset(UserRole(r) for r in json.loads(row["roles"])),
        active=bool(row.get("active", True)),
    )


def pack_revision(article: Article) -> bytes:
    """A compressed snapshot of everything a revision restores (content + slug).
    zlib's fastest level: a third of the text's size, about 7% larger than level 6,
    in 60% of its time, which an import of many files pays per article."""
    return zlib.compress(dumps(article.content()).encode("utf-8"), 1)


def unpack_revision(blob: bytes) -> dict:
    return json.loads(zlib.decompress(blob).decode("utf-8"))


def audit_event_from_row(r: dict) -> AuditEvent:
    return AuditEvent(
        id=r["id"],
        article_id=r["article_id"],
        at=time_from_text(r["at"]),
        actor=r["actor"],
        action=r["action"],
        from_status=r["from_status"],
        to_status=r["to_status"],
        revision=r["revision"],
        comment=r["comment"] or "",
    )


def former_slug_from_row(row: dict) -> FormerSlug:
    """A row of former_slugs (the same columns on both engines)."""
    return FormerSlug(
        slug=row["slug"],
        replaced_at=time_from_text(row["replaced_at"]),
        replaced_by=row["replaced_by"] or "",
        published=bool(row["published"]),
    )
