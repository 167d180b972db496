"""Search at newsroom scale on both engines: the list's first screen of ranked
results, as a user waits for it, and the whole ranked list read after it.

    python -m benchmarks.bench_search_engines [--articles 100000] [--repeat 15]
                                              [--engines sqlite,postgres] [--before DIR]

The SQLite newsroom is the cached benchmark fixture (benchmarks/newsroom_fixture.py);
the PostgreSQL one is filled with the same synthetic articles in a throwaway cluster
(tests/pg_cluster.py), or on NEWSDESK_BENCH_PG_URL (a database its role may
initialise). "first screen" is what the list asks for before it paints: the first
100 ids of the query in rank order and the 40 rows shown. `--before DIR` measures the
SQLite engine of an older newsdesk (DIR holds its package) in the same run; that code
has no first-screen limit, so its first screen is the whole ranked list's first rows,
which is what its list waited for. Medians and 95th percentiles in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.newsroom_fixture import REPORTERS, _article, build, fixture_path
from newsdesk.domain.article import Person
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import UserRole

ROOT = Path(__file__).resolve().parents[1]
FIRST_SCREEN, ROWS_SHOWN = 100, 40
QUERIES = {
    "selective word (a story number)": "54321",
    "word in most articles": "harbour",
    "first letter typed": "h",
    "prefix": "harb",
    "two words": "harbour council",
    "Chinese, in a fifth": "发布会",
    "Chinese, two words": "防汛 交通",
    "no match": "zeppelin",
}


def fill(store, count: int) -> None:
    rng = random.Random(7)
    for name in REPORTERS:
        store.add_person(Person(name, frozenset({UserRole.REPORTER})))
    for start in range(0, count, 1_000):
        with store.transaction():
            for i in range(start, min(count, start + 1_000)):
                store.insert_article(_article(rng, i), actor=rng.choice(REPORTERS))


def _first_screen(store, query: ArticleQuery) -> int:
    try:
        ids = store.article_ids(query, limit=FIRST_SCREEN)
    except TypeError:  # an older store: the list read every ranked id first
        ids = store.article_ids(query)
    store.summaries(ids[:ROWS_SHOWN])
    return len(ids)


def _timed(fn, repeat: int) -> tuple[float, float]:
    fn()  # warm
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def measure(store, repeat: int) -> dict[str, dict[str, float]]:
    results = {}
    for name, text in {**QUERIES, "(no search: newest first)": ""}.items():
        query = ArticleQuery(search=text)
        median, p95 = _timed(lambda q=query: _first_screen(store, q), repeat)
        whole, _ = _timed(lambda q=query: store.article_ids(q), max(3, repeat // 3))
        results[f"{name} '{text}'" if text else name] = {
            "first screen ms": median,
            "first screen p95 ms": p95,
            "whole list ms": whole,
            "found": len(store.article_ids(query)),
        }
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


def _sqlite(count: int, cache: Path, repeat: int) -> dict:
    from newsdesk.storage.open import open_store

    store = open_store(str(build(fixture_path(cache, count), count)))
    try:
        return measure(store, repeat)
    finally:
        store.close()


def _postgres(count: int, repeat: int) -> dict:
    from newsdesk.storage.open import init_server, open_store

    url, cluster = _postgres_url(count)
    try:
        init_server(url)
        store = open_store(url)
        try:
            start = time.perf_counter()
            fill(store, count)
            print(f"postgres: {count:,} articles stored in {time.perf_counter() - start:.0f} s")
            return measure(store, repeat)
        finally:
            store.close()
    finally:
        if cluster is not None:
            cluster.stop()


def _before(code: str, count: int, cache: Path, repeat: int) -> dict:
    """The older code's SQLite figures, from this module run under it."""
    done = subprocess.run(
        [
            *(sys.executable, "-m", "benchmarks.bench_search_engines", "--engines", "sqlite"),
            *("--articles", str(count), "--repeat", str(repeat), "--cache", str(cache)),
            *("--json", "-"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([code, str(ROOT)])},
        cwd=tempfile.gettempdir(),  # the checkout's folder must not shadow PYTHONPATH
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])["sqlite"]


def run(count: int, repeat: int, engines: list[str], cache: Path, before: str | None) -> dict:
    cache.mkdir(parents=True, exist_ok=True)
    readings: dict[str, dict] = {}
    if before:
        readings["sqlite before"] = _before(before, count, cache, repeat)
    if "sqlite" in engines:
        readings["sqlite"] = _sqlite(count, cache, repeat)
    if "postgres" in engines:
        readings["postgres"] = _postgres(count, repeat)
    return readings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--engines", default="sqlite,postgres")
    parser.add_argument("--before", help="a folder with an older newsdesk package")
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "newsdesk-bench"))
    parser.add_argument("--json", help="also write the figures to this file ('-': stdout)")
    args = parser.parse_args()
    readings = run(
        args.articles, args.repeat, args.engines.split(","), Path(args.cache), args.before
    )
    if args.json == "-":
        print(json.dumps(readings))
        return
    print(f"\n{args.articles:,} articles; first screen median / p95, whole list median (ms)")
    print(f"{'query':44}" + "".join(f"{name:>34}" for name in readings))
    for query in next(iter(readings.values())):
        cells = []
        for engine in readings.values():
            r = engine[query]
            cells.append(
                f"{r['first screen ms']:7.1f} /{r['first screen p95 ms']:7.1f} "
                f"{r['whole list ms']:8.1f} ({r['found']:6d})"
            )
        print(f"{query:44}" + "".join(f"{c:>34}" for c in cells))
    if args.json:
        Path(args.json).write_text(json.dumps(readings, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
