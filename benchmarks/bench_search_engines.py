"""Search latency on both engines at the same size (a quick reading, not the load test).

    python -m benchmarks.bench_search_engines [--articles 20000] [--repeat 30]

The SQLite newsroom is built in a temporary folder; the PostgreSQL one in a throwaway
cluster (tests/pg_cluster.py), or on NEWSDESK_BENCH_PG_URL (a database its role may
initialise). Both hold the same synthetic articles (benchmarks/newsroom_fixture.py).
Prints the median and p95 of each query, in milliseconds, per engine.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.newsroom_fixture import REPORTERS, _article
from newsdesk.domain.article import Person
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import UserRole
from newsdesk.storage.open import init_server, open_store

QUERIES = ["ferry", "fer", "harbour council", "新闻", "发布会", "防汛 交通", "zeppelin"]


def fill(store, count: int) -> None:
    rng = random.Random(7)
    for name in REPORTERS:
        store.add_person(Person(name, frozenset({UserRole.REPORTER})))
    for start in range(0, count, 1_000):
        with store.transaction():
            for i in range(start, min(count, start + 1_000)):
                store.insert_article(_article(rng, i), actor=rng.choice(REPORTERS))


def measure(store, repeat: int) -> dict[str, tuple[float, float, int]]:
    results = {}
    for query in [*QUERIES, "(list, newest first)"]:
        asked = ArticleQuery() if query.startswith("(") else ArticleQuery(search=query)
        store.article_ids(asked)  # warm
        times = []
        found = 0
        for _ in range(repeat):
            start = time.perf_counter()
            found = len(store.article_ids(asked))
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        results[query] = (statistics.median(times), p95, found)
    return results


def _postgres_url(count: int):
    external = os.environ.get("NEWSDESK_BENCH_PG_URL")
    if external:
        return external, None
    import psycopg

    from tests import pg_cluster

    cluster = pg_cluster.start_cluster()
    if cluster is None:
        raise SystemExit(pg_cluster.INSTALL_HINT)
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute("CREATE DATABASE bench")
    return cluster.database_url("bench"), cluster


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-bench-"))
    url, cluster = _postgres_url(args.articles)
    try:
        init_server(url)
        engines = {"sqlite": str(folder / "bench.db"), "postgres": url}
        readings = {}
        for name, target in engines.items():
            store = open_store(target)
            try:
                start = time.perf_counter()
                fill(store, args.articles)
                took = time.perf_counter() - start
                print(f"{name}: {args.articles} articles stored in {took:.1f} s")
                readings[name] = measure(store, args.repeat)
            finally:
                store.close()
        print(f"\n{'query':24} " + "  ".join(f"{n:>26}" for n in engines))
        print(f"{'':24} " + "  ".join(f"{'median / p95 ms (found)':>26}" for _ in engines))
        for query in readings["sqlite"]:
            cells = []
            for name in engines:
                median, p95, found = readings[name][query]
                cells.append(f"{median:8.2f} / {p95:8.2f} ({found:5d})")
            print(f"{query:24} " + "  ".join(f"{c:>26}" for c in cells))
    finally:
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    main()
