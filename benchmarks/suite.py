"""Run the whole benchmark suite and write its report: the machine, the load during each
benchmark, and every figure with its ratio to the older code measured in the same run.

    python -m benchmarks.suite [--preset smoke|standard|full] [--before DIR]
                               [--peers .bench-peers] [--only export,typing]
                               [--out docs/benchmarks-run.md]

Each benchmark runs as its own process (`python -m benchmarks.bench_...`), one after
another, so none shares the cores with another; its figures come back through its
`--json` file. The report is generated: docs/benchmarks.md is the annotated reading of
such runs (where the time goes, what changed, which targets are met).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Each benchmark's arguments by preset. smoke: seconds, for CI and for trying the suite;
# standard: the figures of issue 14 at 2,000 pages and 10,000 articles (about an hour);
# full: the same up to 100,000 articles (several hours on two cores).
PRESETS: dict[str, dict[str, list[str]]] = {
    "smoke": {
        "export": ["--pages", "4", "--sizes", "6", "--repeat", "1", "--before-sizes", "6"],
        "import": ["--pages", "4", "--repeat", "1", "--engines", "sqlite"],
        "search": ["--articles", "50", "--repeat", "1", "--engines", "sqlite"],
        "typing": ["--words", "300", "--rounds", "1", "--keys", "5", "--stall-keys", "12"],
        "list": ["--small", "20", "--size", "200", "--repeat", "1"],
        "noop": ["--sizes", "30", "--repeat", "1"],
        "next-letter": ["--articles", "300", "--rounds", "1", "--engines", "sqlite"],
    },
    "standard": {
        "export": ["--pages", "2000", "--sizes", "1000,10000", "--repeat", "3"],
        "import": ["--pages", "2000", "--repeat", "5"],
        "search": ["--articles", "100000", "--repeat", "15"],
        "typing": ["--words", "3000,10000", "--rounds", "3"],
        "list": ["--size", "100000"],
        "noop": ["--sizes", "10000"],
        "next-letter": ["--articles", "100000"],
    },
    "full": {
        "export": ["--pages", "2000", "--sizes", "1000,10000,100000", "--repeat", "3"],
        "import": ["--pages", "2000", "--repeat", "5"],
        "search": ["--articles", "100000", "--repeat", "15"],
        "typing": ["--words", "3000,10000", "--rounds", "5"],
        "list": ["--size", "100000"],
        "noop": ["--sizes", "10000,100000"],
        "next-letter": ["--articles", "100000"],
    },
}
MODULES = {
    "export": "benchmarks.bench_export",
    "import": "benchmarks.bench_import",
    "search": "benchmarks.bench_search_engines",
    "typing": "benchmarks.bench_typing",
    "list": "benchmarks.bench_article_list",
    "noop": "benchmarks.bench_noop_export",
    "next-letter": "benchmarks.bench_search_typing",
}
TAKES_PEERS = {"typing"}
TAKES_BEFORE = {"export", "import", "search", "typing", "noop", "next-letter"}


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        cpu = found.group(1).strip() if found else cpu
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.MULTILINE)
        memory = f"{int(found.group(1)) / 1024 / 1024:.1f} GB" if found else memory
    try:
        from PySide6 import __version__ as pyside
    except ImportError:  # the suite's report still says what it can
        pyside = "not installed"
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    return {
        "processor": f"{cpu}, {os.cpu_count()} cores",
        "memory": memory,
        "system": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "PySide6": pyside,
        "SQLite": sqlite3.sqlite_version,
        "newsdesk": commit or "unknown",
    }


def run_one(name: str, args: list[str], work: Path) -> dict:
    """One benchmark in its own process; its figures, wall time and load averages."""
    out = work / f"{name}.json"
    command = [sys.executable, "-m", MODULES[name], *args, "--json", str(out)]
    load_before = os.getloadavg()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed with status {done.returncode}")
    return {
        "command": " ".join(["python", "-m", MODULES[name], *args]),
        "seconds": seconds,
        "load": (load_before[0], os.getloadavg()[0]),
        "figures": json.loads(out.read_text(encoding="utf-8")),
    }


def _records(figures: dict, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], dict]:
    """Every dict of plain values in `figures`, by its path; nested dicts go deeper and
    lists (the single runs behind a median) are left out."""
    found: dict[tuple[str, ...], dict] = {}
    scalars = {k: v for k, v in figures.items() if isinstance(v, int | float | str)}
    if scalars:
        found[path] = scalars
    for key, value in figures.items():
        if isinstance(value, dict):
            found.update(_records(value, (*path, key)))
    return found


def _twin_names(name: str) -> list[str]:
    """The names the same figure may have for the older code ("newsdesk: import" /
    "before: import", "sqlite" / "sqlite before", "after" / "before")."""
    if "before" in name:
        return []
    found = [name.replace("newsdesk", "before", 1), f"{name} before"]
    found.append(name.replace("after", "before", 1))
    return [twin for twin in found if twin != name]


def _before_twin(name: str, names: object) -> str | None:
    """The name the same figure has for the older code, when `names` holds it."""
    return next((twin for twin in _twin_names(name) if twin in names), None)


def _older_parent(parent: tuple[str, ...], shape: tuple[str, ...], groups: dict) -> tuple | None:
    """The key of the older code's table beside the table at `parent`, if there is one."""
    for index, name in enumerate(parent):
        for twin in _twin_names(name):
            key = ((*parent[:index], twin, *parent[index + 1 :]), shape)
            if key in groups:
                return key
    return None


def _number(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _ratio(new: object, old: object) -> str:
    if isinstance(new, int | float) and isinstance(old, int | float) and old:
        return f"{new / old:.2f}"
    return ""


def _cell(new: object, old: object | None) -> str:
    """A figure, and beside it the older code's with the ratio, when there is one."""
    if old is None or new is None:
        return _number(new) if new is not None else ""
    ratio = _ratio(new, old)
    return f"{_number(new)} (before {_number(old)}{', ' + ratio + 'x' if ratio else ''})"


def _vertical(values: dict) -> list[str]:
    """One record: a figure a line, its older twin beside it."""
    lines = ["| figure | value |", "|---|---:|"]
    twins = {_before_twin(key, values) for key in values} - {None}
    for key, value in values.items():
        if key not in twins:
            twin = _before_twin(key, values)
            lines.append(f"| {key} | {_cell(value, values[twin] if twin else None)} |")
    return lines


def _grid(records: dict[str, dict], older: dict[str, dict] | None) -> list[str]:
    """Records as rows, their figures as columns; each cell beside the older code's
    (from the twin row, or from the same row of the twin table `older`)."""
    columns = list(dict.fromkeys(k for values in records.values() for k in values))
    lines = ["| | " + " | ".join(columns) + " |", "|---|" + "---:|" * len(columns)]
    twins = {_before_twin(name, records) for name in records} - {None}
    for name, values in records.items():
        if name in twins:
            continue
        twin = _before_twin(name, records)
        old = records[twin] if twin else (older or {}).get(name)
        cells = (_cell(values.get(c), None if old is None else old.get(c)) for c in columns)
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def tables(figures: dict) -> list[str]:
    """Markdown tables of one benchmark's figures, each beside the older code's."""
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], dict[str, dict]] = {}
    for path, values in _records(figures).items():
        # Records under one parent and with the same figures make one table.
        key = (path[:-1], tuple(values))
        groups.setdefault(key, {})[path[-1] if path else ""] = values
    lines: list[str] = []
    shown_beside = {
        twin for parent, shape in groups if (twin := _older_parent(parent, shape, groups))
    }
    for (parent, shape), records in groups.items():
        if (parent, shape) in shown_beside:
            continue  # shown inside its newsdesk twin's table
        twin = _older_parent(parent, shape, groups)
        older = groups[twin] if twin else None
        if parent:
            lines += [f"**{' / '.join(parent)}**", ""]
        if len(records) == 1 and older is None:
            ((name, values),) = records.items()
            if name and not parent:
                lines += [f"**{name}**", ""]
            lines += _vertical(values)
        else:
            lines += _grid(records, older)
        lines.append("")
    return lines


def report(preset: str, before: str | None, results: dict[str, dict], about: dict) -> str:
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmark run",
        "",
        f"Written by `python -m benchmarks.suite --preset {preset}` on {when}; do not edit",
        "by hand (run it again). docs/benchmarks.md reads such runs against issue 14's",
        "targets. Each benchmark ran alone, one after another; compare figures within one",
        "run: the load average is given for each.",
        "",
        "| machine | |",
        "|---|---|",
        *(f"| {key} | {value} |" for key, value in about.items()),
        f"| older code (before) | {before or 'not measured'} |",
        "",
    ]
    for name, result in results.items():
        low, high = result["load"]
        lines += [
            f"## {name}",
            "",
            f"`{result['command']}` — {result['seconds']:.0f} s, load average {low:.1f}"
            f" at the start, {high:.1f} at the end.",
            "",
            *tables(result["figures"]),
        ]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", choices=sorted(PRESETS), default="standard")
    parser.add_argument("--before", help="a folder with an older newsdesk package")
    parser.add_argument("--peers", default=str(ROOT / ".bench-peers"))
    parser.add_argument("--only", help="these benchmarks only, by name: " + ",".join(MODULES))
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks-run.md"))
    args = parser.parse_args(argv)
    chosen = PRESETS[args.preset]
    names = args.only.split(",") if args.only else list(chosen)
    unknown = [n for n in names if n not in chosen]
    if unknown:
        parser.error(f"no benchmark named {', '.join(unknown)}: {', '.join(chosen)}")
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="newsdesk-suite-") as work:
        for name in names:
            extra = list(chosen[name])
            if args.before and name in TAKES_BEFORE:
                extra += ["--before", args.before]
            if name in TAKES_PEERS:
                extra += ["--peers", args.peers]
            print(f"== {name}: {' '.join(extra)}", flush=True)
            results[name] = run_one(name, extra, Path(work))
    Path(args.out).write_text(report(args.preset, args.before, results, machine()), "utf-8")
    print(f"report written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
