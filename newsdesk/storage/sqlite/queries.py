"""The article list's SQL: filters, "waiting for me", what the site carries, search
ranking and every sort order of the list."""

from __future__ import annotations

from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import UserRole
from newsdesk.storage.search_text import build_match_query

_SORT_SQL = {
    "updated": "updated_at {dir}, id {dir}",
    "headline": "headline COLLATE NOCASE {dir}, id {dir}",
    "status": "status {dir}, updated_at DESC, id DESC",
    "section": "section {dir}, updated_at DESC, id DESC",
    "reporter": "reporters {dir}, updated_at DESC, id DESC",
    "date": "date {dir}, id {dir}",
    "id": "id {dir}",
}
# bm25 weights for headline, kicker, body (with the summary), credits, keywords.
_RANK = "bm25(articles_fts, 10.0, 5.0, 1.0, 2.0, 5.0)"


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
            " AND (a.created_by = ? OR EXISTS (SELECT 1 FROM json_each(a.reporters)"
            " WHERE value = ?)))"
        )
        values.extend([user, user])
    return "(" + " OR ".join(parts or ["0"]) + ")", values


def article_ids_sql(query: ArticleQuery) -> tuple[str, list[object]] | None:
    """The SELECT of the ids `query` lists, in its order, with its parameters; None
    when it is a search without any word (it finds nothing)."""
    where: list[str] = []
    params: list[object] = []
    statuses = list(query.statuses) + ([query.status] if query.status else [])
    if statuses:
        where.append(f"a.status IN ({','.join('?' * len(statuses))})")
        params.extend(s.value for s in statuses)
    if query.created_by:
        where.append("a.created_by = ?")
        params.append(query.created_by)
    if query.reporter:
        where.append("EXISTS (SELECT 1 FROM json_each(a.reporters) WHERE value = ?)")
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
        match = build_match_query(query.search)
        if match is None:
            return None
        sql = (
            "SELECT a.id FROM articles_fts f JOIN articles a ON a.id = f.rowid"
            f" WHERE articles_fts MATCH ? {''.join(' AND ' + w for w in where)}"
            f" ORDER BY {_RANK}, a.updated_at DESC, a.id DESC"
        )
        return sql, [match, *params]
    if query.sort not in _SORT_SQL:
        raise InvalidInputError(f"unknown sort key {query.sort!r}")
    order = _SORT_SQL[query.sort].format(dir="DESC" if query.descending else "ASC")
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return f"SELECT a.id FROM articles a{clause} ORDER BY {order}", params
