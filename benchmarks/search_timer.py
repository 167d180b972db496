"""Search timings of one newsroom, in-process or as a child process of its own.

As a child (`python benchmarks/search_timer.py TARGET`, with an older newsdesk on
PYTHONPATH) it answers one JSON line per request line, so bench_search_engines can
interleave an older newsdesk's timings with this one's in one run. It imports nothing
but newsdesk's public store API, which older versions share.
"""

from __future__ import annotations

import json
import sys
import time

FIRST_SCREEN, ROWS_SHOWN = 100, 40


def first_screen(store, text: str) -> int:
    """What the list asks before it paints: the first 100 ids, and the 40 rows shown."""
    from newsdesk.domain.query import ArticleQuery

    query = ArticleQuery(search=text)
    try:
        ids = store.article_ids(query, limit=FIRST_SCREEN)
    except TypeError:  # an older store: the list read every ranked id first
        ids = store.article_ids(query)
    store.summaries(ids[:ROWS_SHOWN])
    return len(ids)


def whole_list(store, text: str) -> int:
    """Every ranked id, as the list reads it after the first screen."""
    from newsdesk.domain.query import ArticleQuery

    return len(store.article_ids(ArticleQuery(search=text)))


def timed(store, op: str, text: str) -> tuple[float, int]:
    """(milliseconds, ids found) of one first screen or whole list."""
    fn = first_screen if op == "first" else whole_list
    start = time.perf_counter()
    found = fn(store, text)
    return (time.perf_counter() - start) * 1000, found


def main() -> None:
    from newsdesk.storage.open import open_store

    store = open_store(sys.argv[1])
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        ms, found = timed(store, request["op"], request["search"])
        print(json.dumps({"ms": ms, "found": found}), flush=True)
    store.close()


if __name__ == "__main__":
    main()
