"""Import of N text pages as the web team runs it (`newsdesk import`, its own
process), into a newsroom file and into a newsroom on a server, side by side with
older code (`--before DIR`) in one run, interleaved, so both meet the same load.

    python -m benchmarks.bench_import [--pages 2000] [--repeat 5] [--before DIR]
                                      [--engines sqlite,postgres]

The server is a throwaway PostgreSQL cluster (tests/pg_cluster.py: fsync off, on a
Unix socket), the import run on the reporter's own login, as a desk does. A figure
counts only if the command stored every page (one `ID<TAB>headline` line each) and
the newsroom then holds them all. Medians; seconds: wall time, and the CPU time of
the command's processes (`... CPU`: the import and its reading process, user +
system, from the operating system's accounting of children; a server's own
processes are not counted), which under load says more than wall time.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_export import code_env
from benchmarks.corpus import write_text_pages

REPORTER = "Lena Park"


def _newsdesk(args: list[str], code: str | None) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", *args],
        capture_output=True,
        text=True,
        env=code_env(code),
        cwd=tempfile.gettempdir(),
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"newsdesk {' '.join(args[:4])}… failed: {done.stderr[-2000:]}")
    return done


def timed_import(db: str, paths: list[str], code: str | None) -> float:
    """Seconds of one `newsdesk import` of `paths` into `db`; every page must land."""
    start = time.perf_counter()
    done = _newsdesk(["--db", db, "import", *paths, "--as", REPORTER], code)
    seconds = time.perf_counter() - start
    stored = [line for line in done.stdout.splitlines() if "\t" in line]
    if len(stored) != len(paths):
        raise RuntimeError(f"{len(stored)} of {len(paths)} pages stored")
    _check_count(db, len(paths))
    return seconds


def _children_cpu() -> float:
    """CPU seconds (user + system) of every child process that has ended, with
    their own children (an import's reading process) counted in."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _check_count(db: str, expected: int) -> None:
    from newsdesk.newsroom import Newsroom

    room = Newsroom.open(db)
    try:
        found = room.count()
    finally:
        room.close()
    if found != expected:
        raise RuntimeError(f"the newsroom holds {found} articles, not {expected}")


class _Server:
    """A throwaway cluster; each `newsroom()` a new newsroom database on it."""

    def __init__(self, cluster=None) -> None:
        from tests import pg_cluster

        self.owned = cluster is None
        self.cluster = cluster or pg_cluster.start_cluster()
        if self.cluster is None:
            raise SystemExit(pg_cluster.INSTALL_HINT)

    def newsroom(self, name: str) -> str:
        """A fresh newsroom database with the reporter's login; the login's URL."""
        import psycopg

        from newsdesk.newsroom import Newsroom
        from newsdesk.storage.open import init_server

        with psycopg.connect(self.cluster.url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        owner_url = self.cluster.database_url(name)
        init_server(owner_url)
        owner = Newsroom.open(owner_url)
        login = f"{name}_lena"
        owner.add_person(REPORTER, ["reporter"], login=login, password=None)
        owner.close()
        return self.cluster.database_url(name, user=login)

    def stop(self) -> None:
        if self.owned:
            self.cluster.stop()


def run(pages: int, repeat: int, engines: list[str], before: str | None, cluster=None) -> dict:
    """Medians by "engine: code" (and every run's seconds under "runs"). `cluster`: a
    running tests.pg_cluster.Cluster to use instead of starting one."""
    work = Path(tempfile.mkdtemp(prefix="newsdesk-bench-import-"))
    codes = {"newsdesk": None, **({"before": before} if before else {})}
    server = _Server(cluster) if "postgres" in engines else None
    times: dict[str, list[float]] = {}
    try:
        paths = [str(p) for p in write_text_pages(work / "pages", pages)]
        for run_no in range(repeat):
            for engine in engines:
                for label, code in codes.items():  # interleaved: the same load for each
                    if engine == "sqlite":
                        db = str(work / f"{label}-{run_no}.db")
                        add = ["users", "add", REPORTER, "--role", "reporter"]
                        _newsdesk(["--db", db, *add], code)
                    else:
                        db = server.newsroom(server.cluster.unique_name(f"bench_import_{label}"))
                    cpu = _children_cpu()
                    seconds = timed_import(db, paths, code)
                    cpu = _children_cpu() - cpu
                    times.setdefault(f"{engine}: {label}", []).append(seconds)
                    times.setdefault(f"{engine}: {label} CPU", []).append(cpu)
                    print(
                        f"{engine:9} {label:9} run {run_no + 1}: {seconds:6.2f} s,"
                        f" CPU {cpu:5.2f} s",
                        flush=True,
                    )
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    figures = {key: statistics.median(values) for key, values in times.items()}
    figures["runs"] = times
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--engines", default="sqlite,postgres")
    parser.add_argument("--before", help="a folder with an older newsdesk package")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    figures = run(args.pages, args.repeat, args.engines.split(","), args.before)
    for key, value in figures.items():
        if key != "runs":
            print(f"median  {key:24} {value:6.2f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
