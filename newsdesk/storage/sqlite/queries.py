"""The article list's SQL: filters, "waiting for me", what the site carries, search
ranking and every sort order of the list."""

from __future__ import annotations

from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import UserRole
from newsdesk.storage.codec import ON_SITE_SQL
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


def _filters(query: ArticleQuery) -> tuple[list[str], list[object]]:
    """The WHERE conditions on `a` (the articles row) of every filter but search."""
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
        where.append(ON_SITE_SQL)
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
    order = _SORT_SQL[query.sort].format(dir="DESC" if query.descending else "ASC")
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return f"SELECT a.id FROM articles a{clause} ORDER BY {order}", params


# Search ranks by where the words are found, then newest first: all of them in the
# headline; in the headline, kicker and keywords; there or in the credits; anywhere
# (the body and summary too). Each tier holds the ones before it, and each is read in
# the index's own order (rowid, the article id, descending), so the first screen of
# results costs a few index pages, not a score for every match: a word found in most
# of 100,000 articles is ranked without reading them all.
SEARCH_TIERS = (
    "{headline}",
    "{headline kicker keywords}",
    "{headline kicker keywords credits}",
    None,
)


def search_tiers_sql(query: ArticleQuery) -> list[tuple[str, list[object]]] | None:
    """One SELECT of ids per tier (best first, each newest first, without LIMIT),
    with its parameters; None when the search has no word (it finds nothing)."""
    match = build_match_query(query.search)
    if match is None:
        return None
    where, params = _filters(query)
    tiers = []
    for columns in SEARCH_TIERS:
        expression = match if columns is None else f"{columns} : ({match})"
        if where:
            sql = (
                "SELECT f.rowid FROM articles_fts f JOIN articles a ON a.id = f.rowid"
                f" WHERE articles_fts MATCH ? AND {' AND '.join(where)} ORDER BY f.rowid DESC"
            )
        else:
            sql = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC"
        tiers.append((sql, [expression, *params]))
    return tiers
