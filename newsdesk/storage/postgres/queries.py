"""The article list's SQL on PostgreSQL: the same filters, "waiting for me", what the
site carries, search ranking and sort orders as the SQLite engine's queries.py."""

from __future__ import annotations

from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import UserRole
from newsdesk.storage.postgres.search import tsquery
from newsdesk.storage.search_text import query_terms

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


def _filters(query: ArticleQuery) -> tuple[list[str], list[object]]:
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
        where.append(
            "(a.status IN ('approved', 'published') OR (a.status IN ('submitted', 'draft')"
            " AND a.approved_revision IS NOT NULL))"
        )
    if query.waiting_roles:
        clause, values = _waiting_clause(query.waiting_roles, query.waiting_user)
        where.append(clause)
        params.extend(values)
    return where, params


def article_ids_sql(query: ArticleQuery) -> tuple[str, list[object]]:
    """The SELECT of the ids `query` lists, in its sort order (not for a search: see
    search_tiers_sql), with its parameters."""
    where, params = _filters(query)
    if query.sort not in _SORT_SQL:
        raise InvalidInputError(f"unknown sort key {query.sort!r}")
    direction = "DESC" if query.descending else "ASC"
    order = _SORT_SQL[query.sort].format(
        dir=direction, nulls="LAST" if query.descending else "FIRST"
    )
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return f"SELECT a.id FROM articles a{clause} ORDER BY {order}", params


# The SQLite engine's tiers (see its queries.py): every word in the headline (weight A);
# in the headline, kicker and keywords (A, B); there or in the credits (A, B, C);
# anywhere. The first three are found in an article's first part, which holds those
# fields; anywhere means every word in some part. Newest first within a tier.
SEARCH_TIER_WEIGHTS = ("A", "AB", "ABC", None)


def search_tiers_sql(query: ArticleQuery) -> list[tuple[str, list[object]]] | None:
    """One SELECT of ids per tier (best first, each newest first, without LIMIT),
    with its parameters; None when the search has no word (it finds nothing)."""
    words = query_terms(query.search)
    if words is None:
        return None
    where, params = _filters(query)
    joined = " JOIN articles a ON a.id = s.article_id" if where else ""
    filtered = "".join(f" AND {w}" for w in where)
    tiers = []
    for weights in SEARCH_TIER_WEIGHTS:
        if weights is not None:
            every = " & ".join(f"({tsquery(phrase, weights)})" for phrase in words)
            sql = (
                f"SELECT s.article_id FROM article_search s{joined}"
                f" WHERE s.doc @@ %s::tsquery{filtered} GROUP BY s.article_id"
                " ORDER BY s.article_id DESC"
            )
            tiers.append((sql, [every, *params]))
            continue
        each = [tsquery(phrase) for phrase in words]
        if len(each) == 1:
            having = ""
            values = [each[0], *params]
        else:
            # A long body is split into parts: every word must be in some part.
            having = " HAVING " + " AND ".join("bool_or(s.doc @@ %s::tsquery)" for _ in each)
            values = [" | ".join(f"({w})" for w in each), *params, *each]
        sql = (
            f"SELECT s.article_id FROM article_search s{joined}"
            f" WHERE s.doc @@ %s::tsquery{filtered} GROUP BY s.article_id{having}"
            " ORDER BY s.article_id DESC"
        )
        tiers.append((sql, values))
    return tiers
