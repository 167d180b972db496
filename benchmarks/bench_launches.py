"""Launch the app many times in a row under load: every launch must show its window.

    python -m benchmarks.bench_launches [--launches 100] [--size 20000] [--load 2]

Each launch is the app as `newsdesk` starts it, in its own process (tests/gui/
app_process.py), on a copy of a benchmark newsroom; before each, an article is added
from outside, so every start finds changes to back up (the start-up check and backup
run as they would). `--load N` runs N busy processes meanwhile (bounded by the run).
Prints, per launch, the seconds to the window shown with its list, and the failures.

    python -m benchmarks.bench_launches --versus-retext [--size 100000] [--launches 7]
        [--before DIR]

measures instead launch to painted window side by side: newsdesk on the newsroom of
`--size` articles (window shown, its list filled) and ReText on an empty file (its
window shown and painted), each launch a new process, interleaved; medians. With
`--before DIR` (an older checkout, e.g. `git archive main`), its app is launched the
same way in the same rounds (its own tests/gui/app_process.py).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.newsroom_fixture import build, fixture_path
from newsdesk.domain.article import Article
from newsdesk.newsroom import Newsroom
from tests.gui.app_process import AppProcess

WINDOW_TIMEOUT_S = 60
ROOT = Path(__file__).resolve().parents[1]

# Run by ReText's own interpreter (benchmarks/peers.sh): its window on an empty file.
RETEXT_START = """
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PyQt6.QtWidgets import QApplication
app = QApplication(sys.argv)
app.setOrganizationName("newsdesk-bench-retext")
from ReText import globalSettings
globalSettings.openLastFilesOnStartup = False
from ReText.window import ReTextWindow
window = ReTextWindow()
window.show()
window.openFileWrapper(sys.argv[1])
app.processEvents()
window.repaint()
print("shown", flush=True)
os._exit(0)
"""


def _burn(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        sum(range(10_000))


def run(launches: int, size: int, load: int, cache: Path, overlap: bool = False) -> dict:
    work = Path(tempfile.mkdtemp(prefix="newsdesk-launches-"))
    db = work / "newsroom.db"
    shutil.copy(build(fixture_path(cache, size), size), db)
    room = Newsroom.open(db)
    room.add_person("Mei Lin", ["reporter"])
    room.close()
    burners = [
        multiprocessing.get_context("spawn").Process(target=_burn, args=(launches * 20,))
        for _ in range(load)
    ]
    for burner in burners:
        burner.start()
    times: list[float] = []
    failures: list[str] = []
    closing: list[AppProcess] = []
    try:
        for number in range(launches):
            room = Newsroom.open(db)
            room.create_article(Article(headline=f"Launch {number}"), actor="Mei Lin")
            room.close()
            start = time.perf_counter()
            try:
                app = AppProcess(db, "Mei Lin", work / "home")
            except (TimeoutError, RuntimeError) as error:
                failures.append(f"launch {number}: {error}")
                print(f"launch {number:3d}: FAILED ({error})", flush=True)
                continue
            seconds = time.perf_counter() - start
            times.append(seconds)
            if overlap:
                # Closed as a person closes it and starts the next at once: the closing
                # one may still be finishing its backup while the next one starts.
                app.child.stdin.write("quit\n")
                app.child.stdin.flush()
                closing.append(app)
                print(f"launch {number:3d}: window in {seconds:5.2f} s", flush=True)
                continue
            code = app.quit()
            print(f"launch {number:3d}: window in {seconds:5.2f} s, exit {code}", flush=True)
            if code != 0:
                failures.append(f"launch {number}: exit {code}")
        for app in closing:
            code = app.child.wait(timeout=120)
            if code != 0:
                failures.append(f"a closed window's process ended with {code}")
    finally:
        for app in closing:
            if app.child.poll() is None:
                app.kill()
        for burner in burners:
            burner.kill()
            burner.join()
        shutil.rmtree(work, ignore_errors=True)
    return {"launches": launches, "shown": len(times), "failures": failures, "times": times}


def versus_retext(
    size: int, launches: int, cache: Path, peers: Path, before: Path | None = None
) -> dict:
    """Seconds from launch to painted window: newsdesk at `size`, ReText empty file."""
    work = Path(tempfile.mkdtemp(prefix="newsdesk-start-"))
    db = work / "newsroom.db"
    shutil.copy(build(fixture_path(cache, size), size), db)
    empty = work / "empty.md"
    empty.write_text("", encoding="utf-8")
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    times: dict[str, list[float]] = {"newsdesk": [], "ReText": []}
    if before is not None:
        times["before"] = []
    try:
        room = Newsroom.open(db)
        room.add_person("Mei Lin", ["reporter"])
        room.close()
        for number in range(launches):
            start = time.perf_counter()
            app = AppProcess(db, "Mei Lin", work / "home")
            times["newsdesk"].append(time.perf_counter() - start)
            app.quit()
            start = time.perf_counter()
            subprocess.run(
                [str(peers / "bin" / "python"), "-c", RETEXT_START, str(empty)],
                capture_output=True,
                env={**clean, "HOME": str(work / "retext-home")},
                timeout=WINDOW_TIMEOUT_S,
                check=True,
            )
            times["ReText"].append(time.perf_counter() - start)
            if before is not None:
                start = time.perf_counter()
                app = AppProcess(db, "Mei Lin", work / "home-before", root=before)
                times["before"].append(time.perf_counter() - start)
                app.quit()
            print(
                f"launch {number}: "
                + ", ".join(f"{name} {taken[-1]:.2f} s" for name, taken in times.items()),
                flush=True,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {name: statistics.median(taken) for name, taken in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--launches", type=int, default=100)
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--load", type=int, default=2)
    parser.add_argument(
        "--overlap", action="store_true", help="start each launch while the last one closes"
    )
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "newsdesk-bench"))
    parser.add_argument("--versus-retext", action="store_true")
    parser.add_argument("--peers", default=str(ROOT / ".bench-peers"))
    parser.add_argument("--before", help="an older checkout, launched in the same rounds")
    args = parser.parse_args()
    if args.versus_retext:
        before = Path(args.before).resolve() if args.before else None
        medians = versus_retext(
            args.size, args.launches, Path(args.cache), Path(args.peers), before
        )
        ratio = medians["newsdesk"] / medians["ReText"]
        print(
            f"launch to painted window, median of {args.launches}: newsdesk at"
            f" {args.size:,} articles {medians['newsdesk']:.2f} s, ReText on an empty file"
            f" {medians['ReText']:.2f} s ({ratio:.2f}x)"
            + (
                f"; before {medians['before']:.2f} s ({medians['before'] / medians['ReText']:.2f}x)"
                if before is not None
                else ""
            )
        )
        return
    result = run(args.launches, args.size, args.load, Path(args.cache), args.overlap)
    times = result["times"]
    print(
        f"{result['shown']} of {result['launches']} launches showed their window"
        + (f"; median {statistics.median(times):.2f} s, max {max(times):.2f} s" if times else "")
    )
    for failure in result["failures"]:
        print("  " + failure)
    sys.exit(1 if result["failures"] else 0)


if __name__ == "__main__":
    main()
