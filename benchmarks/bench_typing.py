"""Typing, side by side: newsdesk, ReText (its own virtualenv) and a bare QTextEdit,
each in a process of its own running benchmarks/typing_harness.py (real key events).

    python -m benchmarks.bench_typing [--words 3000,10000] [--rounds 3]
                                      [--peers .bench-peers] [--before DIR]

`--peers` is the virtualenv made by benchmarks/peers.sh (ReText and PyQt6); without it
ReText is left out. `--before DIR` adds the newsdesk in DIR (an older checkout's
package) as a fourth target. Rounds are interleaved (every target once, then again) so
that each meets the same machine load; the figures are medians over the rounds.
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

ROOT = Path(__file__).resolve().parents[1]
HARNESS = ROOT / "benchmarks" / "typing_harness.py"
FIGURES = (
    "key_median_ms",
    "key_p95_ms",
    "longest_stall_ms",
    "stalls_over_16ms",
    "preview_updates",
    "window_cpu_ms",
)


def targets(peers: str | None, before: str | None) -> dict[str, tuple[list[str], dict]]:
    """label -> (command prefix, environment) for each target that can run here."""
    mine = {**os.environ, "PYTHONPATH": str(ROOT)}
    found = {
        "newsdesk": ([sys.executable, str(HARNESS), "--target", "newsdesk"], mine),
        "bare QTextEdit": ([sys.executable, str(HARNESS), "--target", "bare"], mine),
    }
    if before:
        older = {**os.environ, "PYTHONPATH": os.pathsep.join([before, str(ROOT)])}
        found["newsdesk before"] = ([sys.executable, str(HARNESS), "--target", "newsdesk"], older)
    python = Path(peers or "", "bin", "python")
    if peers and python.exists():
        # ReText's own interpreter: PyQt6 must not meet PySide6 in one process.
        clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        found["ReText"] = ([str(python), str(HARNESS), "--target", "retext"], clean)
    return found


def one(command: list[str], env: dict, words: int, keys: int, stall_keys: int) -> dict:
    done = subprocess.run(
        [*command, "--words", str(words), "--keys", str(keys), "--stall-keys", str(stall_keys)],
        capture_output=True,
        text=True,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        cwd=tempfile.gettempdir(),  # so the checkout's folder never shadows PYTHONPATH
        timeout=300,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{command[-1]} typed nothing: {done.stderr[-2000:]}")
    return json.loads(lines[-1])


def run(words: list[int], rounds: int, keys: int, stall_keys: int, found: dict) -> dict:
    readings: dict[tuple[int, str], list[dict]] = {}
    for _ in range(rounds):
        for size in words:
            for label, (command, env) in found.items():
                reading = one(command, env, size, keys, stall_keys)
                readings.setdefault((size, label), []).append(reading)
                print(f"{size:6,} words  {label:16} {json.dumps(reading)}", flush=True)
    return {
        f"{size} words, {label}": {
            figure: statistics.median(r[figure] for r in taken) for figure in FIGURES
        }
        for (size, label), taken in readings.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", default="3000,10000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--stall-keys", type=int, default=200)
    parser.add_argument("--peers", default=str(ROOT / ".bench-peers"))
    parser.add_argument("--before", help="a folder with an older newsdesk package")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    found = targets(args.peers, args.before)
    sizes = [int(w) for w in args.words.split(",") if w]
    figures = run(sizes, args.rounds, args.keys, args.stall_keys, found)
    print(f"\nmedians of {args.rounds} rounds; key times in ms")
    print(f"{'':26}" + "".join(f"{f:>18}" for f in FIGURES))
    for name, values in figures.items():
        print(f"{name:26}" + "".join(f"{values[f]:18.2f}" for f in FIGURES))
    print("\nlongest stall against the floor (the bare QTextEdit's, same run):")
    for line in floor_ratios(figures, sizes):
        print(line)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")


def floor_ratios(figures: dict, sizes: list[int]) -> list[str]:
    """Each target's longest stall and stalls over a frame, beside the bare QTextEdit's:
    on a loaded machine the floor itself misses a frame, so the ratio is the figure."""
    lines = []
    for size in sizes:
        floor = figures.get(f"{size} words, bare QTextEdit")
        if not floor or not floor["longest_stall_ms"]:
            continue
        for name, values in figures.items():
            if name.startswith(f"{size} words, ") and not name.endswith("bare QTextEdit"):
                lines.append(
                    f"{name:26} {values['longest_stall_ms']:7.1f} ms"
                    f" = {values['longest_stall_ms'] / floor['longest_stall_ms']:4.2f}x the"
                    f" floor's {floor['longest_stall_ms']:.1f} ms;"
                    f" {values['stalls_over_16ms']:.0f} stalls over 16 ms"
                    f" (floor {floor['stalls_over_16ms']:.0f})"
                )
    return lines


if __name__ == "__main__":
    main()
