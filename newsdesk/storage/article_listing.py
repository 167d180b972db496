"""The article list's ids, decided the same way on both engines: each engine brings its
own SQL (its queries module) and placeholder; what is read, and what is left out, is
decided here once."""

from __future__ import annotations

from collections.abc import Callable

from newsdesk.domain.query import ArticleQuery
from newsdesk.storage.read_cancel import ReadCancel
from newsdesk.storage.search_text import ranked_ids

Fetch = Callable[..., list[tuple]]
SqlOf = Callable[[ArticleQuery], tuple[str, list[object]]]
TiersOf = Callable[[ArticleQuery], list[tuple[str, list[object]]] | None]
# An engine's own ranked search: (fetch, query, how many at most) -> ids in rank
# order, or None when the search has no word.
SearchOf = Callable[[Fetch, ArticleQuery, int | None], list[int] | None]


def tiered_search(tiers_sql: TiersOf) -> SearchOf:
    """A ranked search reading `tiers_sql`'s tier SELECTs in turn (search_text.ranked_ids)."""

    def search(fetch: Fetch, query: ArticleQuery, wanted: int | None) -> list[int] | None:
        tiers = tiers_sql(query)
        if tiers is None:
            return None
        return ranked_ids(lambda sql, params: fetch(sql, params), tiers, wanted)

    return search


def listed_article_ids(
    fetch: Fetch,
    query: ArticleQuery,
    limit: int | None,
    *,
    ids_sql: SqlOf,
    search: SearchOf,
    placeholder: str,
    cancel: ReadCancel | None = None,
) -> list[int]:
    """The ids `query` lists, in its order (a search: in rank order); with `limit`,
    the first screen of them only. Deleted drafts are left out. With `cancel`, the
    read stops (ReadSuperseded) between statements once it is cancelled; the engine
    stops the statement running."""
    if cancel is not None:
        fetch = _checked(fetch, cancel)
    if before_reading is not None:
        before_reading(fetch, query, limit)
    # Deleted drafts are few: leaving them out here is cheaper than a lookup per
    # row in SQL, which would cost every list at 100,000 articles a third more.
    # With a limit, as many more are read as could be left out, so a first screen
    # is never short (the list reads the rest only after a full first screen).
    deleted = {r[0] for r in fetch("SELECT article_id FROM deleted_articles")}
    wanted = None if limit is None else limit + len(deleted)
    if query.search.strip():
        found = search(fetch, query, wanted)
        if found is None:
            return []  # a search with no words finds nothing
        ids = found
    else:
        sql, params = ids_sql(query)
        if wanted is not None:
            sql, params = f"{sql} LIMIT {placeholder}", [*params, wanted]
        ids = [r[0] for r in fetch(sql, params)]
    if deleted:
        ids = [i for i in ids if i not in deleted]
    return ids if limit is None else ids[:limit]


# A test's hook, run before a read's own statements with its fetch, query and limit
# (tests make a read last until it is cancelled). None outside tests.
before_reading: Callable[[Fetch, ArticleQuery, int | None], object] | None = None


def _checked(fetch: Fetch, cancel: ReadCancel) -> Fetch:
    """`fetch`, checking the cancel before and after each statement."""

    def checked(sql: str, params: list[object] | tuple = ()) -> list[tuple]:
        cancel.check()
        rows = fetch(sql, params)
        cancel.check()  # a statement that ran to its end after all: not wanted
        return rows

    return checked
