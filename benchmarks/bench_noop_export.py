"""No-op re-export (nothing changed since the last export into the same folder), this
checkout and an older newsdesk interleaved run by run, so both meet the same load.

    python -m benchmarks.bench_noop_export --before /tmp/before [--sizes 10000,100000]
                                           [--repeat 3] [--work DIR]

For each size and each code: a copy of the approved site (benchmarks.newsroom_fixture)
and a first whole-site export into its own folder, made by that code (its figures are
printed, not summed up); then `--repeat` rounds, each one no-op export by every code
in turn.
Per run: wall seconds, CPU seconds (user + system, from wait4: what the shared machine's
load does not inflate) and peak resident memory of the export process. Medians.

`--work DIR` keeps the databases and folders there between runs (a first export of
100,000 articles takes minutes): a folder already exported by that code is reused.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_export import _site_fixture, code_env


def run_export(db: Path, out: Path, code: str | None) -> dict:
    """One `newsdesk export` of the whole site in its own process, measured by wait4."""
    command = [sys.executable, "-m", "newsdesk", "--db", str(db), "export", "--as", "Kai Web"]
    command += ["--out", str(out)]
    start = time.perf_counter()
    pid = os.posix_spawn(
        command[0],
        command,
        code_env(code),
        file_actions=[
            (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
        ],
    )
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"export of {db} into {out} failed")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "mb": usage.ru_maxrss // 1024,
    }


def prepare(size: int, label: str, code: str | None, work: Path, cache: Path) -> tuple[Path, Path]:
    db, out = work / f"{label}-{size}.db", work / f"{label}-{size}-site"
    if not (out / "manifest.json").is_file():
        shutil.rmtree(out, ignore_errors=True)
        shutil.copy(_site_fixture(cache, size, code), db)
        figures = run_export(db, out, code)
        print(f"{label:9} {size:>7,} first export {figures}", flush=True)
    return db, out


def run(args: argparse.Namespace) -> dict:
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="newsdesk-noop-"))
    work = work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    cache = Path(args.cache).resolve()
    cache.mkdir(parents=True, exist_ok=True)
    # `python -m` puts the current folder first: outside the checkout, so an older
    # newsdesk on PYTHONPATH is the one that runs.
    os.chdir(tempfile.gettempdir())
    codes = {"newsdesk": None, **({"before": args.before} if args.before else {})}
    results: dict = {}
    for size in [int(s) for s in args.sizes.split(",") if s]:
        sites = {label: prepare(size, label, code, work, cache) for label, code in codes.items()}
        runs: dict[str, list[dict]] = {label: [] for label in codes}
        for round_ in range(args.repeat):
            for label, code in codes.items():
                db, out = sites[label]
                figures = run_export(db, out, code)
                runs[label].append(figures)
                print(f"{label:9} {size:>7,} no-op {round_ + 1}: {figures}", flush=True)
        results[size] = {
            label: {
                key: statistics.median(r[key] for r in measured) for key in ("wall", "cpu", "mb")
            }
            | {"runs": measured}
            for label, measured in runs.items()
        }
        for label, figures in results[size].items():
            print(
                f"{label:9} {size:>7,} no-op median: {figures['wall']:.2f} s wall,"
                f" {figures['cpu']:.2f} s CPU, {figures['mb']} MB",
                flush=True,
            )
        print(f"load average: {os.getloadavg()}", flush=True)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", help="a folder with an older newsdesk package")
    parser.add_argument("--work", help="keep databases and folders here between runs")
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "newsdesk-bench"))
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    figures = run(args)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
