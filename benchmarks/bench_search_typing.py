"""Search as you type at newsroom scale: does the next letter wait for the first?

    python -m benchmarks.bench_search_typing [--articles 100000] [--rounds 9]
                                             [--engines sqlite,postgres] [--before DIR]

The real article list (offscreen, real key events; benchmarks/search_typing_child.py)
of this checkout, and with `--before DIR` of an older newsdesk, each in a child
process of its own on the same newsroom, trial by trial in turn (the order swapped
every round). A trial types the first letter, waits until its first screen is in
the list, then types the next one at once: the moment the first letter's whole
ranked list begins to be read, the worst moment for the next letter. The figure is
the time from that key press to the second query's first rows in the list's model
(and to the list's next paint): the 200 ms debounce plus whatever the worker does
first. Wall-clock milliseconds, median and 95th percentile.

The SQLite newsroom is the cached benchmark fixture (benchmarks/newsroom_fixture.py);
the server one is filled with the same synthetic articles in a throwaway cluster
(tests/pg_cluster.py) or on NEWSDESK_BENCH_PG_URL, with fresh statistics (ANALYZE).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_search_engines import _filled_server, _postgres_url, _set_statistics
from benchmarks.newsroom_fixture import build, fixture_for, fixture_path

ROOT = Path(__file__).resolve().parents[1]
CHILD = ROOT / "benchmarks" / "search_typing_child.py"
# (first text, second text): a letter, then the next one typed on.
PAIRS = [("h", "ha"), ("发", "发布")]


class _Child:
    """One newsdesk's list in a process of its own (search_typing_child.py)."""

    def __init__(self, code: str, target: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD), target],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": code, "QT_QPA_PLATFORM": "offscreen"},
            cwd=tempfile.gettempdir(),  # the checkout's folder must not shadow PYTHONPATH
        )
        if json.loads(self.process.stdout.readline()).get("ready") is not True:
            raise RuntimeError(f"the newsdesk in {code} did not open {target}")

    def trial(self, first: str, second: str) -> dict:
        self.process.stdin.write(json.dumps({"first": first, "second": second}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("a list process ended during a trial")
        return json.loads(line)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=120)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def interleaved(children: dict[str, _Child], rounds: int) -> dict[str, dict]:
    """Every pair on every child, round by round (a first round to warm up)."""
    trials: dict[tuple[str, str], list[dict]] = {}
    names = list(children)
    for round_ in range(rounds + 1):
        for first, second in PAIRS:
            for name in names if round_ % 2 else reversed(names):
                result = children[name].trial(first, second)
                if round_:
                    trials.setdefault((name, second), []).append(result)
    figures: dict[str, dict] = {}
    for (name, second), results in trials.items():
        rows = {r["rows"] for r in results}
        if len(rows) > 1:
            raise RuntimeError(f"{name} listed different row counts for {second!r}: {rows}")
        figures.setdefault(name, {})[second] = {
            key: {"median": statistics.median(v), "p95": _p95(v)}
            for key in ("model_ms", "paint_ms", "first_ms")
            for v in [[r[key] for r in results]]
        } | {"rows": rows.pop(), "trials": len(results)}
    return figures


def _run_on(
    target: str, before: str | None, rounds: int, before_target: str | None = None
) -> dict[str, dict]:
    children: dict[str, _Child] = {}
    try:
        if before:
            children["before"] = _Child(before, before_target or target)
        children["after"] = _Child(str(ROOT), target)
        return interleaved(children, rounds)
    finally:
        for child in children.values():
            child.close()


def run(count: int, rounds: int, engines: list[str], cache: Path, before: str | None) -> dict:
    readings: dict[str, dict] = {}
    if "sqlite" in engines:
        cache.mkdir(parents=True, exist_ok=True)
        path = str(build(fixture_path(cache, count), count))
        older = str(fixture_for(before, cache, count)) if before else None
        readings["sqlite"] = _run_on(path, before, rounds, older)
    if "postgres" in engines:
        url, cluster = _postgres_url()
        try:
            _filled_server(url, count)
            _set_statistics([url], "analyzed")
            readings["postgres"] = _run_on(url, before, rounds)
        finally:
            if cluster is not None:
                cluster.stop()
    return readings


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--engines", default="sqlite,postgres")
    parser.add_argument("--before", help="a folder with an older newsdesk package")
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "newsdesk-bench"))
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    print(f"load average at the start: {_load()}", flush=True)
    readings = run(
        args.articles, args.rounds, args.engines.split(","), Path(args.cache), args.before
    )
    print(f"load average at the end: {_load()}")
    print(
        f"\n{args.articles:,} articles; ms from the next key press: to the second query's"
        " first rows in the model, to the next paint; the first letter's own first screen"
        " (median / p95)"
    )
    for engine, by_version in readings.items():
        for version, by_text in by_version.items():
            for text, r in by_text.items():
                print(
                    f"  {engine:9} {version:7} {text!r:8} rows {r['rows']:4}"
                    f"  model {r['model_ms']['median']:7.1f} / {r['model_ms']['p95']:7.1f}"
                    f"  paint {r['paint_ms']['median']:7.1f} / {r['paint_ms']['p95']:7.1f}"
                    f"  first {r['first_ms']['median']:7.1f} / {r['first_ms']['p95']:7.1f}"
                )
    if args.json:
        Path(args.json).write_text(json.dumps(readings, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
