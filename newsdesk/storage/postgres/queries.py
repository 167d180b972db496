"""The article list's SQL on PostgreSQL: the same filters, "waiting for me", what the
site carries, search ranking and sort orders as the SQLite engine's queries.py."""

from __future__ import annotations

from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import UserRole
from newsdesk.storage.postgres.search import RANK_WEIGHTS, search_queries

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


def article_ids_sql(query: ArticleQuery) -> tuple[str, list[object]] | None:
    """The SELECT of the ids `query` lists, in its order, with its parameters; None
    when it is a search without any word (it finds nothing)."""
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
        where.append(
            "(a.status IN ('approved', 'published') OR (a.status IN ('submitted', 'draft')"
            " AND a.approved_revision IS NOT NULL))"
        )
    if query.waiting_roles:
        clause, values = _waiting_clause(query.waiting_roles, query.waiting_user)
        where.append(clause)
        params.extend(values)
    if query.search.strip():
        words = search_queries(query.search)
        if words is None:
            return None
        # Every word must be found in some part of the article (a long body is split
        # into parts); the rank adds up each part's weighted matches of any word. One
        # pass over the matching parts (HAVING) is faster than a subquery per word.
        any_word = " | ".join(f"({w})" for w in words)
        each = " AND ".join("bool_or(s.doc @@ %s::tsquery)" for _ in words)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        sql = (
            "SELECT a.id FROM articles a JOIN (SELECT s.article_id,"
            f" sum(ts_rank('{RANK_WEIGHTS}', s.doc, %s::tsquery)) AS rank"
            " FROM article_search s WHERE s.doc @@ %s::tsquery GROUP BY s.article_id"
            f" HAVING {each}) r ON r.article_id = a.id{clause}"
            ' ORDER BY r.rank DESC, a.updated_at COLLATE "C" DESC, a.id DESC'
        )
        return sql, [any_word, any_word, *words, *params]
    if query.sort not in _SORT_SQL:
        raise InvalidInputError(f"unknown sort key {query.sort!r}")
    direction = "DESC" if query.descending else "ASC"
    order = _SORT_SQL[query.sort].format(
        dir=direction, nulls="LAST" if query.descending else "FIRST"
    )
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return f"SELECT a.id FROM articles a{clause} ORDER BY {order}", params
