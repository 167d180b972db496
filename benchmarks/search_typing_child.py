"""One newsdesk's article list, typed into, in a process of its own (offscreen Qt).

    PYTHONPATH=CODE python benchmarks/search_typing_child.py TARGET

bench_search_typing runs one child per version (this checkout and an older one) and
interleaves their trials. Each request line is JSON `{"first": "h", "second": "ha"}`;
the child clears the search box and waits until its worker is idle, types the first
text into the real search box (key events; a Chinese character as an input method
commits it), waits until that query's first screen is in the list's model, then at
once types the rest of the second text, and answers one JSON line: milliseconds from
that key press to the second query's first rows in the model (`model_ms`) and to
the list's next paint after them (`paint_ms`), and from the first key press to its
own first screen (`first_ms`). It uses only what older versions share: the panel,
its model's `set_ids`, the worker, and the panel's query generation.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TIMEOUT_S = 60


def main() -> None:
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from newsdesk.gui.list.panel import ArticleListPanel
    from newsdesk.gui.ops.worker import DatabaseWorker
    from newsdesk.newsroom import Newsroom

    app = QApplication([])
    target = sys.argv[1]
    room = Newsroom.open(target)
    worker = DatabaseWorker(target)
    panel = ArticleListPanel(room, worker)
    panel.resize(700, 600)
    panel.show()

    # Every answer the list takes, with the query generation it was taken for.
    answers: list[tuple[float, int]] = []
    set_ids = panel.model.set_ids

    def recorded(*args, **kwargs):
        answers.append((time.perf_counter(), panel._generation))
        return set_ids(*args, **kwargs)

    panel.model.set_ids = recorded
    paints: list[float] = []

    class Paints(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                paints.append(time.perf_counter())
            return False

    painter = Paints()
    panel.view.viewport().installEventFilter(painter)

    # Waiting sleeps in Qt's event loop (an answer is a queued event: it wakes the
    # loop at once); a 2 ms timer wakes it to look at conditions no event tells.
    waker = QTimer(interval=2)
    waker.start()

    def wait_for(condition) -> None:
        deadline = time.monotonic() + TIMEOUT_S
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the list did not answer in time")
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    def settle() -> None:
        wait_for(lambda: not panel._debounce.isActive() and not worker.busy)

    def type_text(text: str) -> None:
        if text.isascii():
            QTest.keyClicks(panel.search_box, text)
        else:
            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(panel.search_box, event)

    def answer_after(start: float, generation: int) -> float:
        wait_for(lambda: any(t >= start and g > generation for t, g in answers))
        return next(t for t, g in answers if t >= start and g > generation)

    def painted_after(moment: float) -> float:
        wait_for(lambda: any(p >= moment for p in paints))
        return next(p for p in paints if p >= moment)

    panel.reload()
    settle()
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        first, second = request["first"], request["second"]
        panel.search_box.clear()
        settle()
        panel.search_box.setFocus()
        generation = panel._generation
        began = time.perf_counter()
        type_text(first)
        first_at = answer_after(began, generation)
        generation = panel._generation
        pressed = time.perf_counter()
        type_text(second[len(first) :])
        model_at = answer_after(pressed, generation)
        paint_at = painted_after(model_at)
        settle()
        print(
            json.dumps(
                {
                    "first_ms": (first_at - began) * 1000,
                    "model_ms": (model_at - pressed) * 1000,
                    "paint_ms": (paint_at - pressed) * 1000,
                    "rows": panel.model.rowCount(),
                }
            ),
            flush=True,
        )
    worker.shutdown()
    room.close()


if __name__ == "__main__":
    main()
