"""Launch the app many times in a row under load: every launch must show its window.

    python -m benchmarks.bench_launches [--launches 100] [--size 20000] [--load 2]

Each launch is the app as `newsdesk` starts it, in its own process (tests/gui/
app_process.py), on a copy of a benchmark newsroom; before each, an article is added
from outside, so every start finds changes to back up (the start-up check and backup
run as they would). `--load N` runs N busy processes meanwhile (bounded by the run).
Prints, per launch, the seconds to the window shown with its list, and the failures.
`--stacks DIR`: a launch that shows no window in 60 s has its threads written to DIR
(`py-spy dump`, native frames too, and /proc's view of it and its children), so a
start that hangs says where; such a launch is killed either way.

    python -m benchmarks.bench_launches --versus-retext [--size 100000] [--launches 7]
        [--before DIR] [--bytecode cached|source|both]

measures instead launch to painted window side by side: newsdesk on the newsroom of
`--size` articles (window shown, its list filled; started as the `newsdesk` command
starts it, its CLI parser first: benchmarks/launch_entry.py) and ReText on an empty file (its
window shown and painted), each launch a new process, interleaved; medians. With
`--before DIR` (an older checkout, e.g. `git archive main`), its app is launched the
same way in the same rounds (its own tests/gui/app_process.py). `--bytecode`: newsdesk
(and before) with its bytecode cached, as installed, or compiled from source at every
launch (PYTHONDONTWRITEBYTECODE), or both in the same rounds (the default). Beside the
wall time, each launch's CPU time up to that moment (its own and its children's:
the wall time under a load of 3-10 says more of the machine than of the app).
In the same rounds, each binding's bare window (a main window with a table, shown and
painted: PySide6 in newsdesk's interpreter, PyQt6 in the peers', which ReText runs
on), and each app's own start: its launch minus its binding's bare window.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.newsroom_fixture import build, fixture_path
from newsdesk.domain.article import Article
from newsdesk.newsroom import Newsroom
from tests.gui.app_process import AppProcess

WINDOW_TIMEOUT_S = 60
ROOT = Path(__file__).resolve().parents[1]
# Launches side by side with ReText start as the `newsdesk` command does (its parser).
ENTRY = ROOT / "benchmarks" / "launch_entry.py"

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

# Each binding's floor, run by the interpreter that has it (newsdesk's: PySide6;
# the peers': PyQt6, which ReText runs on): a main window with a 40-row table, shown
# and painted the way RETEXT_START paints ReText's. A launch minus its binding's
# floor is what the app's own code costs on top of starting Qt from Python.
BARE_WINDOW = """
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if sys.argv[1] == "PySide6":
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem
else:
    from PyQt6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem
app = QApplication(sys.argv[:1])
window = QMainWindow()
table = QTableWidget(40, 4)
for row in range(40):
    for column in range(4):
        table.setItem(row, column, QTableWidgetItem(f"row {row}, column {column}"))
window.setCentralWidget(table)
window.resize(1000, 700)
window.show()
app.processEvents()
window.repaint()
print("shown", flush=True)
os._exit(0)
"""
PYSIDE_FLOOR, PYQT_FLOOR = "PySide6 bare window", "PyQt6 bare window"


def _floor_of(name: str) -> str:
    """The bare window a launch is set against: its binding's."""
    return PYQT_FLOOR if name == "ReText" else PYSIDE_FLOOR


class _DumpedWhenHung(AppProcess):
    """An app process whose threads are written down when it misses its window."""

    stacks: Path | None = None

    def _answer(self, timeout: float) -> dict:
        try:
            return super()._answer(timeout)
        except TimeoutError:
            if self.stacks is not None:
                print(f"  its threads: {dump_threads(self.child.pid, self.stacks)}", flush=True)
            self.kill()  # left running, a hung launch outlived the run
            raise


def dump_threads(pid: int, folder: Path) -> Path:
    """What process `pid` and its children are doing, written to a file in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"hung-{pid}.txt"
    with out.open("w", encoding="utf-8") as report:
        for args in (
            ["py-spy", "dump", "--pid", str(pid)],
            ["py-spy", "dump", "--native", "--pid", str(pid)],
        ):
            report.write(f"== {' '.join(args)}\n")
            report.flush()
            try:
                subprocess.run(args, stdout=report, stderr=subprocess.STDOUT, timeout=60)
            except (OSError, subprocess.TimeoutExpired) as error:
                report.write(f"{error}\n")
        for name in ("status", "wchan"):
            try:
                report.write(f"== /proc/{pid}/{name}\n{Path(f'/proc/{pid}/{name}').read_text()}\n")
            except OSError as error:
                report.write(f"{error}\n")
        children = subprocess.run(
            ["ps", "-o", "pid,stat,etime,wchan:32,args", "--ppid", str(pid)],
            capture_output=True,
            text=True,
        )
        report.write(f"== its children\n{children.stdout}")
    return out


def _burn(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        sum(range(10_000))


def run(
    launches: int,
    size: int,
    load: int,
    cache: Path,
    overlap: bool = False,
    stacks: Path | None = None,
) -> dict:
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
    launch = type("Launch", (_DumpedWhenHung,), {"stacks": stacks})
    try:
        for number in range(launches):
            room = Newsroom.open(db)
            room.create_article(Article(headline=f"Launch {number}"), actor="Mei Lin")
            room.close()
            start = time.perf_counter()
            try:
                app = launch(db, "Mei Lin", work / "home")
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


# How newsdesk's own modules are loaded: "cached" from bytecode compiled once, as an
# installed wheel has it (pip compiles at install) and as a checkout gets it after its
# first run; "source" compiled again at every launch, as happens when
# PYTHONDONTWRITEBYTECODE is set (this session machine sets it: no checkout has a
# single .pyc). ReText runs from its own venv, compiled by pip, either way.
BYTECODE = ("cached", "source")


def _bytecode_env(kind: str, cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    if kind == "cached":
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(cache)  # the checkouts themselves stay untouched
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def _cpu_seconds(pid: int) -> float:
    """CPU time a process has used so far, its waited-for children included (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _launch(db: Path, home: Path, env: dict[str, str], root: Path = ROOT) -> tuple[float, float]:
    """(wall, CPU) seconds from the launch to the window shown with its list."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)  # AppProcess passes this process's environment on
    try:
        start = time.perf_counter()
        app = AppProcess(db, "Mei Lin", home, root=root, entry=ENTRY)
        taken = time.perf_counter() - start
        cpu = _cpu_seconds(app.child.pid)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    app.quit()
    return taken, cpu


def _run_until_shown(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of a process that shows its window and exits at once."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, capture_output=True, env=env, timeout=WINDOW_TIMEOUT_S, check=True)
    taken = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return taken, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def versus_retext(
    size: int,
    launches: int,
    cache: Path,
    peers: Path,
    before: Path | None = None,
    bytecode: Sequence[str] = BYTECODE,
) -> dict:
    """Seconds from launch to painted window: newsdesk at `size`, ReText empty file;
    newsdesk (and `before`) once per kind of `bytecode` in each round."""
    work = Path(tempfile.mkdtemp(prefix="newsdesk-start-"))
    db = work / "newsroom.db"
    shutil.copy(build(fixture_path(cache, size), size), db)
    empty = work / "empty.md"
    empty.write_text("", encoding="utf-8")
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    roots = {"newsdesk": ROOT, **({"before": before} if before is not None else {})}
    runs = [(f"{name} ({kind})", root, kind) for kind in bytecode for name, root in roots.items()]
    envs = {kind: _bytecode_env(kind, work / "pycache") for kind in bytecode}
    times: dict[str, list[float]] = {name: [] for name, _root, _kind in runs}
    times["ReText"] = []
    times[PYSIDE_FLOOR] = []
    times[PYQT_FLOOR] = []
    cpu: dict[str, list[float]] = {name: [] for name in times}
    pyside = [sys.executable, "-c", BARE_WINDOW, "PySide6"]
    peer_python = str(peers / "bin" / "python")
    # Besides the newsdesk launches, each round: the two floors and ReText.
    others = {
        PYSIDE_FLOOR: (pyside, envs[bytecode[0]]),
        PYQT_FLOOR: ([peer_python, "-c", BARE_WINDOW, "PyQt6"], clean),
        "ReText": ([peer_python, "-c", RETEXT_START, str(empty)], clean),
    }
    try:
        room = Newsroom.open(db)
        room.add_person("Mei Lin", ["reporter"])
        room.close()
        for name, root, kind in runs:  # untimed: "cached" writes its bytecode here
            _launch(db, work / f"home-{name}", envs[kind], root)
        for number in range(launches):
            for name, root, kind in runs:
                taken, used = _launch(db, work / f"home-{name}", envs[kind], root)
                times[name].append(taken)
                cpu[name].append(used)
            for name, (command, env) in others.items():
                taken, used = _run_until_shown(command, {**env, "HOME": str(work / "peer-home")})
                times[name].append(taken)
                cpu[name].append(used)
            print(
                f"launch {number}: "
                + ", ".join(f"{name} {taken[-1]:.2f} s" for name, taken in times.items()),
                flush=True,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        name: (statistics.median(taken), statistics.median(cpu[name]))
        for name, taken in times.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--launches", type=int, default=100)
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--load", type=int, default=2)
    parser.add_argument(
        "--overlap", action="store_true", help="start each launch while the last one closes"
    )
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "newsdesk-bench"))
    parser.add_argument(
        "--stacks", help="write the threads of a launch that shows no window into this folder"
    )
    parser.add_argument("--versus-retext", action="store_true")
    parser.add_argument("--peers", default=str(ROOT / ".bench-peers"))
    parser.add_argument("--before", help="an older checkout, launched in the same rounds")
    parser.add_argument(
        "--bytecode",
        choices=[*BYTECODE, "both"],
        default="both",
        help="newsdesk's modules from cached bytecode (as installed), from source, or both",
    )
    args = parser.parse_args()
    if args.versus_retext:
        before = Path(args.before).resolve() if args.before else None
        kinds = BYTECODE if args.bytecode == "both" else (args.bytecode,)
        medians = versus_retext(
            args.size, args.launches, Path(args.cache), Path(args.peers), before, kinds
        )
        print(
            f"launch to painted window at {args.size:,} articles, median of"
            f" {args.launches} (ReText on an empty file):"
        )
        wall, cpu = medians["ReText"]
        for name, (median, used) in medians.items():
            print(
                f"  {name:20s} wall {median:5.2f} s ({median / wall:4.2f}x ReText)"
                f"  CPU {used:5.2f} s ({used / cpu:4.2f}x ReText)"
            )
        print("  own start (a launch minus its binding's bare window, medians):")
        own_retext = wall - medians[PYQT_FLOOR][0]
        for name, (median, _used) in medians.items():
            if name in (PYSIDE_FLOOR, PYQT_FLOOR):
                continue
            floor = medians[_floor_of(name)][0]
            print(
                f"  {name:20s} {median - floor:6.3f} s ({(median - floor) / own_retext:4.2f}x"
                f" ReText's own), over {_floor_of(name)} {floor:5.2f} s"
            )
        print(f"  load average at the end: {os.getloadavg()[0]:.1f}")
        return
    result = run(
        args.launches,
        args.size,
        args.load,
        Path(args.cache),
        args.overlap,
        Path(args.stacks) if args.stacks else None,
    )
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
