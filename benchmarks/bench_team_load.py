"""Twenty desks on one newsroom server: save, list and search latency under load.

    python -m benchmarks.bench_team_load [--desks 20] [--seconds 60] [--seed 1000]

The owner initialises a server newsroom (a throwaway cluster from tests/pg_cluster.py,
or NEWSDESK_BENCH_PG_URL), seeds it with articles and gives each desk a login of its
own. Then `--desks` processes (each `python -m benchmarks.bench_team_load --desk ...`,
its own Newsroom and connections, as an app would have) run at once for `--seconds`:
each round a desk saves its own article (or, one round in three, one of three shared
articles every desk edits, from the revision it just read), lists the newest 100
articles as the window's list does, searches a word, then thinks 1.5-2.5 s. With 20
desks that is about 10 saves a second in total. A save refused because another desk
saved the shared article first is a conflict: the desk reads it again and saves once
more, as the app's merge does.

Afterwards every save a desk was told succeeded is looked up in the history by its
revision number and must hold that desk's text (no revision lost), and the audit
chain and the newsroom's check must pass. Prints median, p95 and p99 per operation
in milliseconds, the conflicts, and the counts; exits 1 if anything was lost or the
chain is broken. Figures are in docs/benchmarks.md ("Twenty desks on one server").
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsdesk.domain.article import Article
from newsdesk.domain.errors import ConflictError
from newsdesk.domain.query import ArticleQuery
from newsdesk.newsroom import Newsroom
from newsdesk.storage.open import init_server

SHARED = 3
WORDS = ["harbour", "tram", "council", "budget", "school", "river", "festival", "bridge"]


def _as_login(url: str, login: str) -> str:
    from psycopg.conninfo import conninfo_to_dict

    from tests.pg_cluster import _to_url

    params = {**conninfo_to_dict(url), "user": login}
    params.pop("password", None)
    return _to_url(params)


def _percentiles(values: list[float]) -> dict[str, float]:
    if len(values) < 2:
        return {"n": len(values), "median": values[0] if values else 0.0, "p95": 0, "p99": 0}
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {
        "n": len(values),
        "median": statistics.median(values),
        "p95": cuts[94],
        "p99": cuts[98],
    }


def run_desk(url: str, desk: int, shared: list[int], seconds: float, out: Path) -> None:
    """One desk's process: its rounds, then its timings and its saves into `out`."""
    name = f"Desk {desk:02d}"
    rng = random.Random(desk)
    room = Newsroom.open(url)
    own = room.create_article(Article(headline=f"Desk {desk:02d} story", body="Start."), actor=name)
    times: dict[str, list[float]] = {"save": [], "list": [], "search": []}
    saved: list[tuple[int, int, str]] = []  # (article, revision, marker) the desk was told
    conflicts = 0
    deadline = time.monotonic() + seconds
    round_no = 0
    while time.monotonic() < deadline:
        round_no += 1
        target = rng.choice(shared) if rng.random() < 1 / 3 else own.id
        marker = f"desk {desk:02d} round {round_no} {rng.choice(WORDS)}"
        for _attempt in range(5):
            current = room.article(target)
            edited = _with_body(current, f"{current.body}\n\n{marker}")
            started = time.perf_counter()
            try:
                stored = room.save_article(edited, actor=name, expected_revision=current.revision)
            except ConflictError:
                conflicts += 1
                continue
            times["save"].append((time.perf_counter() - started) * 1000)
            saved.append((target, stored.revision, marker))
            break
        started = time.perf_counter()
        ids = room.find(ArticleQuery())
        room.summaries(ids[:100])
        times["list"].append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        room.find(ArticleQuery(search=rng.choice(WORDS)))
        times["search"].append((time.perf_counter() - started) * 1000)
        time.sleep(rng.uniform(1.5, 2.5))
    room.close()
    out.write_text(json.dumps({"times": times, "saved": saved, "conflicts": conflicts}))


def _with_body(article: Article, body: str) -> Article:
    import dataclasses

    return dataclasses.replace(article, body=body)


def _server_url() -> tuple[str, object]:
    import os

    external = os.environ.get("NEWSDESK_BENCH_PG_URL")
    if external:
        return external, None
    import psycopg

    from tests import pg_cluster

    cluster = pg_cluster.start_cluster()
    if cluster is None:
        raise SystemExit(pg_cluster.INSTALL_HINT)
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute("CREATE DATABASE bench_team")
    return cluster.database_url("bench_team"), cluster


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desks", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1000, help="articles there before")
    parser.add_argument("--desk", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--shared", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.desk is not None:  # one desk's process
        shared = [int(i) for i in args.shared.split(",")]
        run_desk(args.url, args.desk, shared, args.seconds, Path(args.out))
        return 0

    url, cluster = _server_url()
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-team-load-"))
    try:
        init_server(url)
        owner = Newsroom.open(url)
        owner.add_person("Seeder", ["reporter"], login="bench_seeder", password=None)
        for desk in range(args.desks):
            owner.add_person(
                f"Desk {desk:02d}", ["reporter"], login=f"bench_desk{desk:02d}", password=None
            )
        owner.close()
        seeder = Newsroom.open(_as_login(url, "bench_seeder"))
        rng = random.Random(0)
        for n in range(args.seed):
            words = " ".join(rng.choice(WORDS) for _ in range(40))
            seeder.create_article(Article(headline=f"Seed story {n}", body=words), actor="Seeder")
        shared = [
            seeder.create_article(Article(headline=f"Shared {n}", body="Start."), actor="Seeder").id
            for n in range(SHARED)
        ]
        seeder.close()
        print(f"{args.seed} articles seeded; {args.desks} desks for {args.seconds:.0f} s")
        desks = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "benchmarks.bench_team_load",
                    "--desk",
                    str(desk),
                    "--url",
                    _as_login(url, f"bench_desk{desk:02d}"),
                    "--shared",
                    ",".join(map(str, shared)),
                    "--seconds",
                    str(args.seconds),
                    "--out",
                    str(folder / f"desk{desk:02d}.json"),
                ]
            )
            for desk in range(args.desks)
        ]
        started = time.monotonic()
        failed = [p.args for p in desks if p.wait() != 0]
        elapsed = time.monotonic() - started
        if failed:
            print(f"{len(failed)} desk processes failed")
            return 1
        results = [json.loads(p.read_text()) for p in sorted(folder.glob("desk*.json"))]
        ops = ("save", "list", "search")
        times = {op: [t for r in results for t in r["times"][op]] for op in ops}
        saved = [tuple(s) for r in results for s in r["saved"]]
        conflicts = sum(r["conflicts"] for r in results)
        checker = Newsroom.open(_as_login(url, "bench_seeder"))
        lost = [
            (aid, rev, marker)
            for aid, rev, marker in saved
            if marker not in checker.revision(aid, rev).body
        ]
        revisions = sum(len(checker.revisions(aid)) - 1 for aid in {a for a, _, _ in saved})
        chain = checker.verify()
        problems = checker.check()
        checker.close()
        rate = len(saved) / args.seconds
        print(
            f"{len(saved)} saves in the {args.seconds:.0f} s run ({rate:.1f}/s; {elapsed:.0f} s"
            f" with the desks' start-up), {conflicts} conflicts (read again and saved)"
        )
        for op, values in times.items():
            p = _percentiles(values)
            print(
                f"{op:7s} n={p['n']:5d}  median {p['median']:6.1f} ms  "
                f"p95 {p['p95']:6.1f} ms  p99 {p['p99']:6.1f} ms"
            )
        print(
            f"revisions saved after the first: {revisions}; desk saves: {len(saved)}; "
            f"lost: {len(lost)}; audit chain: {'intact' if not chain else chain[:3]}; "
            f"check: {'passes' if not problems else problems[:3]}"
        )
        return 1 if lost or chain or problems or revisions != len(saved) else 0
    finally:
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    raise SystemExit(main())
