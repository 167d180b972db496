"""Ranked search on PostgreSQL: the SQLite engine's tiers (every word in the headline;
in the headline, kicker and keywords; there or in the credits; anywhere), newest first
within a tier, with a first screen that costs the same whether or not the server's
statistics are fresh.

A GIN index returns its matches unordered, so "the newest 100 of a tier" read through
it costs every match of the word: 120-200 ms for a word in 80,000 of 100,000 articles.
Walking the primary key newest first and testing each row stops after a few hundred
rows for such a word, but reads the whole table for a rare one. The planner picks
between the two from its statistics, which are missing after a bulk fill and which
ignore a tsquery's weights (a name found in most credits but in no headline looked
frequent to the headline tier and cost a 100,000-row walk). So the first screen:

1. walks the newest WINDOW rows once and finds each match's tier there (a fixed cost
   of a few milliseconds, whatever the statistics say);
2. for each tier in rank order, takes its matches walked so far; while the screen is
   still short, walks on when the rate of the tier's matches in the walked rows says
   a walk is cheaper, else reads the tier's older matches through that tier's own GIN
   index (migration 0006: `ts_filter(doc, ...)` keeps the tier's fields only, so the
   index knows a headline word from a body word), or, when even "anywhere" is rare,
   every tier left in one ranked query.

The whole list is one query ranking every match by its tier.
"""

from __future__ import annotations

from collections.abc import Callable

from newsdesk.domain.query import ArticleQuery
from newsdesk.storage.postgres.queries import list_filters
from newsdesk.storage.postgres.search import tsquery
from newsdesk.storage.search_text import query_terms

Fetch = Callable[..., list[tuple]]

# article_search rows walked newest first before any index is asked. A tier with at
# least a tenth of recent articles fills a 100-row screen from the window alone.
WINDOW = 1_000
# What the index costs per match, in rows walked: a match read through the index is
# a heap page read at random, a walked row one of the ~8 on a page read in order.
INDEX_COST = 8

# The tiers' weights (headline A; kicker and keywords B; credits C) and the expression
# of their GIN indexes (migration 0006): the tier's fields only, found in part 0.
TIER_WEIGHTS = ("A", "AB", "ABC")
_TIER_DOC = {
    "A": "ts_filter(s.doc, '{a}')",
    "AB": "ts_filter(s.doc, '{a,b}')",
    "ABC": "ts_filter(s.doc, '{a,b,c}')",
}


class _Search:
    """The SQL pieces of one search: its words, filters and each tier's test."""

    def __init__(self, query: ArticleQuery, words: list[list[tuple[str, bool]]]) -> None:
        where, self.params = list_filters(query)
        self.joined = " JOIN articles a ON a.id = s.article_id" if where else ""
        self.filtered = "".join(f" AND {w}" for w in where)
        self.each = [tsquery(phrase) for phrase in words]
        # Rows holding any word; an article matches when every word is in some part.
        self.any = " | ".join(f"({w})" for w in self.each)
        self.every = [
            " & ".join(f"({tsquery(p, weights)})" for p in words) for weights in TIER_WEIGHTS
        ]
        self.unweighted_every = " & ".join(f"({w})" for w in self.each)

    def having(self) -> tuple[str, list[object]]:
        if len(self.each) == 1:
            return "", []
        return " HAVING " + " AND ".join("bool_or(s.doc @@ %s::tsquery)" for _ in self.each), [
            *self.each
        ]

    def tier_case(self) -> tuple[str, list[object]]:
        """An aggregate giving each article its tier, 0 (headline) to 3 (anywhere)."""
        cases = " ".join(
            f"WHEN bool_or(s.doc @@ %s::tsquery) THEN {n}" for n in range(len(TIER_WEIGHTS))
        )
        return f"CASE {cases} ELSE {len(TIER_WEIGHTS)} END", list(self.every)


def _walk(fetch: Fetch, search: _Search, upto: int | None, rows: int) -> tuple[int, list[tuple]]:
    """The matches among the newest `rows` rows with ids up to `upto` (None: all),
    newest first, each with its tier; and the id below which nothing was walked (0:
    the walk reached the oldest row). The articles above that id are walked whole."""
    below = "" if upto is None else " WHERE article_id <= %s"
    bound = [] if upto is None else [upto]
    cut = fetch(
        f"SELECT article_id FROM article_search{below} ORDER BY article_id DESC, part DESC"
        " OFFSET %s LIMIT 1",
        [*bound, rows],
    )
    floor = cut[0][0] if cut else 0
    tier, tier_params = search.tier_case()
    having, having_params = search.having()
    # The LIMIT inside makes this a walk of the primary key whatever the statistics
    # say (they are missing after a bulk fill, and blind to weights).
    sql = (
        f"SELECT s.article_id, {tier} FROM (SELECT article_id, doc FROM article_search"
        f"{below} ORDER BY article_id DESC, part DESC LIMIT %s) s{search.joined}"
        f" WHERE s.doc @@ %s::tsquery AND s.article_id > %s{search.filtered}"
        f" GROUP BY s.article_id{having} ORDER BY s.article_id DESC"
    )
    found = fetch(
        sql, [*tier_params, *bound, rows, search.any, floor, *search.params, *having_params]
    )
    return floor, found


def _through_index(fetch: Fetch, search: _Search, rank: int, upto: int, limit: int) -> list[int]:
    """The newest `limit` matches of tier `rank` (or a better one) with ids up to
    `upto`, through the tier's own index."""
    if rank < len(TIER_WEIGHTS):
        test = f"{_TIER_DOC[TIER_WEIGHTS[rank]]} @@ %s::tsquery"
        first = [search.unweighted_every]
        having, having_params = "", []
    else:
        test = "s.doc @@ %s::tsquery"
        first = [search.any]
        having, having_params = search.having()
    # article_id + 0: the primary key is neither walked here (that is _walk's, chosen
    # from what the walks saw) nor read whole for the bound (without statistics the
    # planner did, 5-17 ms): the tier's index alone.
    sql = (
        f"SELECT s.article_id FROM article_search s{search.joined}"
        f" WHERE {test} AND s.article_id + 0 <= %s{search.filtered}"
        f" GROUP BY s.article_id{having} ORDER BY s.article_id + 0 DESC LIMIT %s"
    )
    return [r[0] for r in fetch(sql, [*first, upto, *search.params, *having_params, limit])]


def _ranked_below(fetch: Fetch, search: _Search, upto: int, limit: int) -> list[tuple]:
    """The first `limit` matches with ids up to `upto` in rank order, with their
    tiers: one query for every tier left, when even "anywhere" is rare."""
    tier, tier_params = search.tier_case()
    having, having_params = search.having()
    sql = (
        f"SELECT s.article_id, {tier} FROM article_search s{search.joined}"
        f" WHERE s.doc @@ %s::tsquery AND s.article_id + 0 <= %s{search.filtered}"
        f" GROUP BY s.article_id{having} ORDER BY 2, s.article_id DESC LIMIT %s"
    )
    return fetch(sql, [*tier_params, search.any, upto, *search.params, *having_params, limit])


def _walk_on(
    fetch: Fetch, search: _Search, rank: int, upto: int, rows: int
) -> tuple[int, list[int]]:
    """Like _walk below `upto`, testing each row for tier `rank` (or a better one)
    only: one tsquery test a row where classifying every tier took several."""
    cut = fetch(
        "SELECT article_id FROM article_search WHERE article_id <= %s"
        " ORDER BY article_id DESC, part DESC OFFSET %s LIMIT 1",
        [upto, rows],
    )
    floor = cut[0][0] if cut else 0
    if rank < len(TIER_WEIGHTS):
        # Only part 0 holds the tiers' fields: one row an article, nothing to group.
        test, first, grouped, having_params = "%s::tsquery", [search.every[rank]], "", []
    else:
        having, having_params = search.having()
        test, first, grouped = "%s::tsquery", [search.any], f" GROUP BY s.article_id{having}"
    sql = (
        "SELECT s.article_id FROM (SELECT article_id, doc FROM article_search"
        " WHERE article_id <= %s ORDER BY article_id DESC, part DESC LIMIT %s) s"
        f"{search.joined} WHERE s.doc @@ {test} AND s.article_id > %s{search.filtered}"
        f"{grouped} ORDER BY s.article_id DESC"
    )
    found = fetch(sql, [upto, rows, *first, floor, *search.params, *having_params])
    return floor, [r[0] for r in found]


def _first_screen(fetch: Fetch, search: _Search, wanted: int) -> list[int]:
    """The first `wanted` ids in rank order: each tier in turn, newest first, from the
    window, then from walks of its own further down or from the tier's index,
    whichever the rate of its matches in the rows walked says is cheaper."""
    ranked: dict[int, None] = {}
    window_floor, window = _walk(fetch, search, None, WINDOW)
    anywhere = len(window) / WINDOW
    for rank in range(len(TIER_WEIGHTS) + 1):
        # This tier's matches in the window follow the better tiers' in the list.
        found = [i for i, tier in window if tier <= rank]
        floor, walked_rows, stuck = window_floor, WINDOW, False
        while True:
            recent = [i for i in found if i not in ranked]
            if len(ranked) + len(recent) >= wanted or floor == 0:
                ranked.update(dict.fromkeys(recent))
                break
            need = wanted - len(ranked) - len(recent)
            rate = len(found) / walked_rows
            # A walk costs a row each, the index a heap page per match (about
            # INDEX_COST rows' worth), and the ids below `floor` are about as many as
            # their rows: walk on while the rate says that is the cheaper way.
            if not stuck and rate and need / rate <= INDEX_COST * rate * floor:
                rows = max(WINDOW, int(1.5 * need / rate))
                before = floor
                floor, more = _walk_on(fetch, search, rank, floor, rows)
                found.extend(more)
                walked_rows += rows
                # An article with more parts than the walk's rows: none walked whole.
                stuck = floor == before
                continue
            if not (anywhere and need / anywhere <= INDEX_COST * anywhere * window_floor):
                # Even "anywhere" is rare in the window (so this tier walked no
                # further): the tiers left in one query, each tier's matches in the
                # window before its older ones. The better tiers' older matches, all
                # seen, come back first.
                older_seen = sum(1 for i in ranked if i <= window_floor)
                older = _ranked_below(
                    fetch, search, window_floor, wanted - len(ranked) + older_seen
                )
                for left in range(rank, len(TIER_WEIGHTS) + 1):
                    for article_id, tier in (*window, *older):
                        if tier == left:
                            ranked.setdefault(article_id, None)
                return list(ranked)[:wanted]
            ranked.update(dict.fromkeys(recent))
            # The better tiers are complete: their older matches come back here, seen.
            older_seen = sum(1 for i in ranked if i <= floor)
            for article_id in _through_index(fetch, search, rank, floor, need + older_seen):
                ranked.setdefault(article_id, None)
            break
        if len(ranked) >= wanted:
            break
    return list(ranked)[:wanted]


def _whole_list(fetch: Fetch, search: _Search) -> list[int]:
    tier, tier_params = search.tier_case()
    having, having_params = search.having()
    sql = (
        f"SELECT s.article_id FROM article_search s{search.joined}"
        f" WHERE s.doc @@ %s::tsquery{search.filtered} GROUP BY s.article_id{having}"
        f" ORDER BY {tier}, s.article_id DESC"
    )
    return [r[0] for r in fetch(sql, [search.any, *search.params, *having_params, *tier_params])]


def ranked_search_ids(fetch: Fetch, query: ArticleQuery, wanted: int | None) -> list[int] | None:
    """The ids `query.search` finds, in rank order; with `wanted`, that many at most
    (the first screen). None when the search has no word (it finds nothing)."""
    words = query_terms(query.search)
    if words is None:
        return None
    search = _Search(query, words)
    if wanted is None:
        return _whole_list(fetch, search)
    return _first_screen(fetch, search, wanted)
