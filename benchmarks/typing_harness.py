"""Typing with real key events, measured the same way in newsdesk, ReText and a bare
QTextEdit: run inside the target's own interpreter (ReText brings PyQt6 in its own
virtualenv), it prints one JSON line.

    python benchmarks/typing_harness.py --target newsdesk|retext|bare --words 3000

- key press: QTest.keyClick on the editor, then the events it posted (layout, paint),
  timed one by one (`--keys`, median and 95th percentile, milliseconds);
- stall: 200 keys typed steadily (one every 50 ms) with the preview on, while a 1 ms
  heartbeat timer notes when the event loop runs: the longest gap between two beats
  is the longest time the window could not react (minus the beat itself);
- preview updates: how many times the preview showed a new page during those keys;
- window CPU: the CPU time of the window's process (every thread, not the preview's
  child) during those keys, which the machine's load does not inflate as it does the
  wall-clock stalls.

Standard library and Qt only (no newsdesk import outside the newsdesk target), so the
file runs unchanged under the peers' interpreter.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORDS = (
    "council budget harbour ferry school library transit housing river storm election "
    "museum festival hospital market bridge park water energy climate report vote"
).split()
TYPED = "the harbour ferry keeps its winter crossing "


def long_body(words: int, seed: int = 11) -> str:
    """The typing body: about `words` words in paragraphs of 40-90, some bold and
    italic, links and a heading now and then, as a long feature looks (kept here, not
    in benchmarks/corpus.py, so this file needs nothing but Qt)."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < words:
        count = rng.randint(40, 90)
        chosen = [rng.choice(WORDS) for _ in range(count)]
        if rng.random() < 0.3:
            chosen[3] = f"**{chosen[3]}**"
        if rng.random() < 0.2:
            chosen[10] = f"*{chosen[10]}*"
        if rng.random() < 0.1:
            chosen[20] = "[the report](https://example.org/report)"
        if rng.random() < 0.1:
            chosen[15] = "R&D"
        out.append(" ".join(chosen).capitalize() + ".")
        total += count
        if rng.random() < 0.05:
            out.append("## " + " ".join(rng.choice(WORDS) for _ in range(4)).capitalize())
    return "\n\n".join(out) + "\n"


class Target:
    """The editor to type into, and a counter of preview updates."""

    def __init__(self, editor, app, count_previews) -> None:
        self.editor = editor
        self.app = app
        self.previews = count_previews  # () -> int


def newsdesk_target(words: int, work: Path) -> tuple[Target, object]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from newsdesk.domain.article import Article, Credit
    from newsdesk.gui.main_window import MainWindow
    from newsdesk.newsroom import Newsroom

    app = QApplication.instance() or QApplication([])
    db = work / "newsroom.db"
    room = Newsroom.open(db)
    room.add_person("Mei Lin", ["reporter"])
    article = room.create_article(
        Article(
            headline="Long read",
            body=long_body(words),
            credits=[Credit("Reporter", ("Mei Lin",))],
        ),
        actor="Mei Lin",
    )
    room.close()
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Newsroom.open(db), str(db), "Mei Lin", settings)
    window.resize(1360, 820)
    window.show()
    window.open_article(article.id)
    rendered = [0]
    window.preview.rendered.connect(lambda: rendered.__setitem__(0, rendered[0] + 1))
    deadline = time.monotonic() + 30
    while rendered[0] == 0 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    editor = window.editor.body.rich_edit
    return Target(editor, app, lambda: rendered[0]), window


def retext_target(words: int, work: Path) -> tuple[Target, object]:
    import multiprocessing

    from PyQt6.QtWidgets import QApplication
    from ReText import globalSettings, tab

    multiprocessing.set_start_method("spawn", force=True)
    app = QApplication.instance() or QApplication([])
    app.setOrganizationName("newsdesk-bench-retext")
    globalSettings.defaultPreviewState = "live-preview"
    globalSettings.useWebEngine = False
    globalSettings.openLastFilesOnStartup = False
    updates = [0]
    original = tab.ReTextTab.updatePreviewBox

    def counted(self):
        updates[0] += 1
        return original(self)

    tab.ReTextTab.updatePreviewBox = counted
    from ReText.window import ReTextWindow

    path = work / "long.md"
    path.write_text(long_body(words), encoding="utf-8")
    window = ReTextWindow()
    window.resize(1360, 820)
    window.show()
    window.openFileWrapper(str(path))
    window.enableLivePreview(True)
    deadline = time.monotonic() + 30
    while updates[0] == 0 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    return Target(window.currentTab.editBox, app, lambda: updates[0]), window


def bare_target(words: int, work: Path) -> tuple[Target, object]:
    from PySide6.QtWidgets import QApplication, QTextEdit

    app = QApplication.instance() or QApplication([])
    editor = QTextEdit()
    editor.setMarkdown(long_body(words))
    editor.resize(700, 800)
    editor.show()
    return Target(editor, app, lambda: 0), editor


def qt_modules(target: str):
    if target == "retext":
        from PyQt6.QtCore import QEventLoop, Qt, QTimer
        from PyQt6.QtGui import QTextCursor
        from PyQt6.QtTest import QTest
    else:
        from PySide6.QtCore import QEventLoop, Qt, QTimer
        from PySide6.QtGui import QTextCursor
        from PySide6.QtTest import QTest
    return Qt, QTimer, QTest, QTextCursor, QEventLoop


def measure(target_name: str, words: int, keys: int, stall_keys: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix="newsdesk-typing-"))
    make = {"newsdesk": newsdesk_target, "retext": retext_target, "bare": bare_target}
    target, keep = make[target_name](words, work)
    Qt, QTimer, QTest, QTextCursor, QEventLoop = qt_modules(target_name)
    app, editor = target.app, target.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    for _ in range(5):  # settle: the first paint, the first preview
        app.processEvents()
        time.sleep(0.05)
    length_before = len(editor.toPlainText())

    # Key presses one by one.
    times = []
    for number in range(keys):
        char = TYPED[number % len(TYPED)]
        start = time.perf_counter()
        QTest.keyClick(editor, char)
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
        time.sleep(0.002)  # not a burst: each key on its own
    # Let timers that typing started run out before the steady run.
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)

    # Steady typing with the heartbeat.
    beats: list[float] = []
    typed = [0]
    previews_before = target.previews()
    previews_while_typing = [0]
    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(1)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    typist = QTimer()
    typist.setTimerType(Qt.TimerType.PreciseTimer)
    typist.setInterval(50)

    def type_one() -> None:
        if typed[0] == stall_keys:
            typist.stop()
            previews_while_typing[0] = target.previews() - previews_before
            # A loop of our own: quitting the application would close the windows
            # (ReText then asks whether to save).
            QTimer.singleShot(300, loop.quit)
            return
        QTest.keyClick(editor, TYPED[typed[0] % len(TYPED)])
        typed[0] += 1

    typist.timeout.connect(type_one)
    loop = QEventLoop()
    # CPU time of the window's process (all its threads) while typing: on a loaded
    # machine wall-clock stalls also count the time the process waited for a core.
    used = resource.getrusage(resource.RUSAGE_SELF)
    heartbeat.start()
    typist.start()
    loop.exec()
    heartbeat.stop()
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu_ms = (after.ru_utime - used.ru_utime + after.ru_stime - used.ru_stime) * 1000
    gaps = sorted(b - a for a, b in itertools.pairwise(beats))
    # What was typed must have reached the document (a key lost is a benchmark lie).
    added = len(editor.toPlainText()) - length_before
    times.sort()
    result = {
        "target": target_name,
        "words": words,
        "key_median_ms": statistics.median(times),
        "key_p95_ms": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
        "longest_stall_ms": (gaps[-1] * 1000 - 1) if gaps else None,
        "stalls_over_16ms": sum(1 for g in gaps if g * 1000 - 1 > 16),
        "preview_updates": previews_while_typing[0],
        "window_cpu_ms": cpu_ms,
        "typing_seconds": stall_keys * 0.05,
        "characters_added": added,
    }
    del keep
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=["newsdesk", "retext", "bare"], required=True)
    parser.add_argument("--words", type=int, default=3000)
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--stall-keys", type=int, default=200)
    args = parser.parse_args()
    print(json.dumps(measure(args.target, args.words, args.keys, args.stall_keys)), flush=True)
    sys.stdout.flush()
    os._exit(0)  # the peers' windows and processes: nothing to save, nothing to wait for


if __name__ == "__main__":
    main()
