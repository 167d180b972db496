"""The article list's SQL on PostgreSQL: the same filters, "waiting for me", what the
site carries, and sort orders as the SQLite engine's queries.py (its search: ranking.py)."""

from __future__ import annotations

from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import UserRole
from newsdesk.storage.codec import ON_SITE_SQL

# COLLATE "C": SQLite compares text byte by byte; so does this, whatever the locale.
_SORT_SQL = {
    "updated": 'a.updated_at COLLATE "C" {dir}, a.id {dir}',
    "headline": 'lower(a.headline) COLLATE "C" {dir}, a.id {dir}',
    "status": 'a.status COLLATE "C" {dir}, a.updated_at COLLATE "C" DESC, a.id DESC',
    "section": 'a.section COLLATE "C" {dir}, a.updated_at COLLATE "C" DESC, a.id DESC',
    "reporter": 'a.reporters COLLATE "C" {dir}, a.updated_at COLLATE "C" DESC, a.id DESC',
    # SQLite puts NULL first when ascending (an undated article), PostgreSQL last.
    "date": 'a.date COLLATE "C" {dir} NULLS {nulls}, a.id {dir}',
    "id": "a.id {dir}",
}


def _waiting_clause(roles: tuple[UserRole, ...], user: str) -> tuple[str, list[object]]:
    """SQL for "waiting for me": what each of the user's roles has to act on."""
    parts: list[str] = []
    values: list[object] = []
    if UserRole.PRODUCER in roles:
        parts.append("a.status = 'submitted'")
    if UserRole.WEB in roles:
        parts.append(
            "(a.status = 'approved' AND NOT EXISTS (SELECT 1 FROM audit e"
            " WHERE e.article_id = a.id AND e.action = 'export' AND e.revision = a.revision))"
        )
    if UserRole.REPORTER in roles:
        parts.append(
            "(a.status = 'draft' AND (SELECT e.action FROM audit e WHERE e.article_id = a.id"
            " AND e.action IN ('submit', 'return', 'approve', 'publish', 'archive')"
            " ORDER BY e.id DESC LIMIT 1) = 'return'"
            " AND (a.created_by = %s OR jsonb_exists(a.reporters::jsonb, %s)))"
        )
        values.extend([user, user])
    return "(" + " OR ".join(parts or ["false"]) + ")", values


def list_filters(query: ArticleQuery) -> tuple[list[str], list[object]]:
    """The WHERE conditions on `a` (the articles row) of every filter but search."""
    where: list[str] = []
    params: list[object] = []
    statuses = list(query.statuses) + ([query.status] if query.status else [])
    if statuses:
        where.append("a.status = ANY(%s)")
        params.append([s.value for s in statuses])
    if query.created_by:
        where.append("a.created_by = %s")
        params.append(query.created_by)
    if query.reporter:
        where.append("jsonb_exists(a.reporters::jsonb, %s)")
        params.append(query.reporter)
    if query.on_site:
        where.append(ON_SITE_SQL)
    if query.waiting_roles:
        clause, values = _waiting_clause(query.waiting_roles, query.waiting_user)
        where.append(clause)
        params.extend(values)
    return where, params


def article_ids_sql(query: ArticleQuery) -> tuple[str, list[object]]:
    """The SELECT of the ids `query` lists, in its sort order (not for a search: see
    ranking.py), with its parameters."""
    where, params = list_filters(query)
    if query.sort not in _SORT_SQL:
        raise InvalidInputError(f"unknown sort key {query.sort!r}")
    direction = "DESC" if query.descending else "ASC"
    order = _SORT_SQL[query.sort].format(
        dir=direction, nulls="LAST" if query.descending else "FIRST"
    )
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return f"SELECT a.id FROM articles a{clause} ORDER BY {order}", params
