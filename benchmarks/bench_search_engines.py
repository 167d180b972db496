"""Search at newsroom scale on both engines: the list's first screen of ranked
results, as a user waits for it, and the whole ranked list read after it.

    python -m benchmarks.bench_search_engines [--articles 100000] [--repeat 15]
                                              [--engines sqlite,postgres] [--before DIR]

The SQLite newsroom is the cached benchmark fixture (benchmarks/newsroom_fixture.py);
the PostgreSQL one is filled with the same synthetic articles in a throwaway cluster
(tests/pg_cluster.py), or on NEWSDESK_BENCH_PG_URL (a database its role may
initialise; kept and reused when it already holds as many articles). "first screen"
is what the list asks for before it paints: the first 100 ids of the query in rank
order and the 40 rows shown (benchmarks/search_timer.py).

The server is measured twice: with fresh statistics (ANALYZE) and with none (as after
a bulk fill, before autovacuum has analysed it: the state in which the planner chose
the slow plans). Dropping statistics needs a superuser (the throwaway cluster's).

`--before DIR` measures an older newsdesk (DIR holds its package) in child processes
(search_timer.py), interleaved with this one query by query: on SQLite the same file,
on PostgreSQL a copy of the filled database without this version's later migrations.
Medians and 95th percentiles in milliseconds.
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
import urllib.parse
from pathlib import Path

from benchmarks.newsroom_fixture import REPORTERS, _article, build, fixture_for, fixture_path
from benchmarks.search_timer import timed
from newsdesk.domain.article import Person
from newsdesk.domain.status import UserRole

ROOT = Path(__file__).resolve().parents[1]
QUERIES = {
    "selective word (a story number)": "54321",
    "word in most articles": "harbour",
    "first letter typed": "h",
    "prefix": "harb",
    "two words": "harbour council",
    "reporter's name (credits only)": "lena",
    "Chinese, in a fifth": "发布会",
    "Chinese, two words": "防汛 交通",
    "no match": "zeppelin",
    "(no search: newest first)": "",
}
# What migrations after an older version added (dropped from the copy it measures).
_LATER_INDEXES = {6: ("article_search_tier_a", "article_search_tier_ab", "article_search_tier_abc")}


def fill(store, count: int) -> None:
    rng = random.Random(7)
    for name in REPORTERS:
        store.add_person(Person(name, frozenset({UserRole.REPORTER})))
    for start in range(0, count, 1_000):
        with store.transaction():
            for i in range(start, min(count, start + 1_000)):
                store.insert_article(_article(rng, i), actor=rng.choice(REPORTERS))


class _InProcess:
    def __init__(self, store) -> None:
        self.store = store

    def time(self, op: str, text: str) -> tuple[float, int]:
        return timed(self.store, op, text)

    def close(self) -> None:
        self.store.close()


class _Child:
    """An older newsdesk's store in a process of its own (search_timer.py)."""

    def __init__(self, code: str, target: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "benchmarks" / "search_timer.py"), target],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": code},
            cwd=tempfile.gettempdir(),  # the checkout's folder must not shadow PYTHONPATH
        )
        if json.loads(self.process.stdout.readline()).get("ready") is not True:
            raise RuntimeError(f"the older newsdesk in {code} did not open {target}")

    def time(self, op: str, text: str) -> tuple[float, int]:
        self.process.stdin.write(json.dumps({"op": op, "search": text}) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        return answer["ms"], answer["found"]

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)


def _percentile95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def interleaved(targets: dict[str, object], repeat: int) -> dict[str, dict]:
    """Every query on every target, round by round, the targets one after the other
    within each query (so each meets the same load)."""
    first: dict[tuple[str, str], list[float]] = {}
    whole: dict[tuple[str, str], list[float]] = {}
    found: dict[tuple[str, str], int] = {}
    for target in targets.values():  # warm: connections, caches, prepared plans
        for text in QUERIES.values():
            target.time("first", text)
    for round_ in range(repeat):
        for text in QUERIES.values():
            for name, target in targets.items():
                first.setdefault((name, text), []).append(target.time("first", text)[0])
                if round_ < max(3, repeat // 3):
                    ms, found[(name, text)] = target.time("whole", text)
                    whole.setdefault((name, text), []).append(ms)
    for text in QUERIES.values():
        counts = {name: found[(name, text)] for name in targets}
        if len(set(counts.values())) > 1:  # a figure counts only if all found the same
            raise RuntimeError(f"the search {text!r} found different counts: {counts}")
    results: dict[str, dict] = {}
    for name in targets:
        results[name] = {}
        for label, text in QUERIES.items():
            times = first[(name, text)]
            results[name][f"{label} '{text}'" if text else label] = {
                "first screen ms": statistics.median(times),
                "first screen p95 ms": _percentile95(times),
                "whole list ms": statistics.median(whole[(name, text)]),
                "found": found[(name, text)],
            }
    return results


def measure(store, repeat: int) -> dict[str, dict[str, float]]:
    """One store's figures alone (the smoke test's)."""
    return interleaved({"store": _InProcess(store)}, repeat)["store"]


def _postgres_url():
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


def _filled_server(url: str, count: int) -> None:
    from newsdesk.storage.open import init_server, open_store

    init_server(url)
    store = open_store(url)
    try:
        if store.count() == count:
            return
        if store.count():
            raise SystemExit(f"{url} holds {store.count():,} articles, not {count:,}")
        start = time.perf_counter()
        fill(store, count)
        print(f"postgres: {count:,} articles stored in {time.perf_counter() - start:.0f} s")
    finally:
        store.close()


def _older_schema(code: str) -> int:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from newsdesk.storage.postgres.schema import SCHEMA_VERSION; print(SCHEMA_VERSION)",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": code},
        cwd=tempfile.gettempdir(),
        check=True,
    )
    return int(done.stdout.strip())


def _on_database(url: str, dbname: str) -> str:
    """`url` (a postgresql:// URL) on another database of the same server: still a
    URL, which newsdesk's opener needs to see a server (not a file) in it."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + urllib.parse.quote(dbname)))


def _copy_for_older(url: str, code: str) -> str:
    """A copy of the filled database as the older version's schema had it."""
    import psycopg
    import psycopg.conninfo

    version = _older_schema(code)
    dbname = psycopg.conninfo.conninfo_to_dict(url)["dbname"]
    name = f"{dbname}_before"
    with psycopg.connect(_on_database(url, "postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{dbname}"')
    copy = _on_database(url, name)
    with psycopg.connect(copy, autocommit=True) as conn:
        newest = conn.execute("SELECT max(version) FROM newsdesk_schema").fetchone()[0]
        for later in range(version + 1, newest + 1):
            if later not in _LATER_INDEXES:
                raise SystemExit(f"cannot take migration {later} back for the older code")
            for index in _LATER_INDEXES[later]:
                conn.execute(f"DROP INDEX {index}")
        conn.execute("DELETE FROM newsdesk_schema WHERE version > %s", [version])
    return copy


def _set_statistics(urls: list[str], state: str) -> None:
    import psycopg

    for url in urls:
        with psycopg.connect(url, autocommit=True) as conn:
            if state == "analyzed":
                conn.execute("ANALYZE articles")
                conn.execute("ANALYZE article_search")
            else:
                conn.execute(
                    "DELETE FROM pg_statistic WHERE starelid IN"
                    " (SELECT oid FROM pg_class WHERE relname LIKE 'article_search%')"
                )


def run(count: int, repeat: int, engines: list[str], cache: Path, before: str | None) -> dict:
    from newsdesk.storage.open import open_store

    cache.mkdir(parents=True, exist_ok=True)
    readings: dict[str, dict] = {}
    if "sqlite" in engines:
        path = str(build(fixture_path(cache, count), count))
        targets = {}
        if before:
            targets["sqlite before"] = _Child(before, str(fixture_for(before, cache, count)))
        targets["sqlite"] = _InProcess(open_store(path))
        try:
            readings.update(interleaved(targets, repeat))
        finally:
            for target in targets.values():
                target.close()
    if "postgres" in engines:
        url, cluster = _postgres_url()
        try:
            _filled_server(url, count)
            urls = [url]
            if before:
                urls.insert(0, _copy_for_older(url, before))
            for state in ("analyzed", "no statistics"):
                _set_statistics(urls, state)
                targets = {}
                if before:
                    targets[f"postgres before, {state}"] = _Child(before, urls[0])
                targets[f"postgres, {state}"] = _InProcess(open_store(url))
                try:
                    readings.update(interleaved(targets, repeat))
                finally:
                    for target in targets.values():
                        target.close()
            _set_statistics(urls, "analyzed")  # a kept database is left as it was found
        finally:
            if cluster is not None:
                cluster.stop()
    return readings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--engines", default="sqlite,postgres")
    parser.add_argument("--before", help="a folder with an older newsdesk package")
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "newsdesk-bench"))
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    readings = run(
        args.articles, args.repeat, args.engines.split(","), Path(args.cache), args.before
    )
    print(f"\n{args.articles:,} articles; first screen median / p95, whole list median (ms)")
    for name, figures in readings.items():
        print(f"\n{name}")
        for query, r in figures.items():
            print(
                f"  {query:48} {r['first screen ms']:8.1f} /{r['first screen p95 ms']:8.1f}"
                f" {r['whole list ms']:9.1f} ({r['found']:6d})"
            )
    if args.json:
        Path(args.json).write_text(json.dumps(readings, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
