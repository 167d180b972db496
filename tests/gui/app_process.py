"""The real app in a process of its own, driven line by line from a test.

Run as a script, it starts newsdesk the way `newsdesk` does (gui.app.start) on the
offscreen platform and answers one JSON line per command read from stdin. Dialogs are
answered as a person would who wants to close (the message is recorded first). The
test side, `AppProcess`, gives each process its own settings (so its own user) while
all share the per-user state folder, where the recovery journals live.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class AppProcess:
    def __init__(
        self, db: Path, user: str, home: Path, *, root: Path = ROOT, entry: Path | None = None
    ) -> None:
        """`root`: the checkout to run (another one's tests/gui/app_process.py and
        newsdesk: a benchmark's "before"). `entry`: a script that runs this one after
        what the `newsdesk` command does first (benchmarks/launch_entry.py)."""
        config = home / "config"
        (config / "newsdesk").mkdir(parents=True, exist_ok=True)
        # Replaced whole, never rewritten in place: a window of the same home still
        # closing (bench_launches --overlap) re-reads the file as it saves its shape,
        # and one it read half-written lost the user: the next launch then waited on
        # the first-run dialog (tests/gui/test_start_up_settings_race.py).
        conf = config / "newsdesk" / "newsdesk.conf"
        staged = conf.with_name(f".{conf.name}.{os.getpid()}.staged")
        staged.write_text(f"[user]\nname={user}\n", encoding="utf-8")
        os.replace(staged, conf)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(config),
            "PYTHONPATH": str(root),
        }
        script = Path(root) / "tests" / "gui" / "app_process.py"
        self.child = subprocess.Popen(
            [sys.executable, *([str(entry)] if entry else []), str(script), str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.ready = self._answer(60)

    def _read(self) -> None:
        for line in self.child.stdout:
            self._lines.put(line)
        self._lines.put("")

    def _answer(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise TimeoutError("the app did not answer") from None
            if not line:
                code = self.child.wait(timeout=10)
                raise RuntimeError(f"the app ended (exit {code})")
            if line.startswith("{"):
                return json.loads(line)

    def ask(self, command: str, timeout: float = 30) -> dict:
        self.child.stdin.write(command + "\n")
        self.child.stdin.flush()
        return self._answer(timeout)

    def kill(self) -> None:
        self.child.send_signal(signal.SIGKILL)
        self.child.wait(timeout=10)

    def quit(self) -> int:
        """Close the window as a person would; the process's exit code."""
        with contextlib.suppress(RuntimeError):  # it may be gone already
            self.ask("quit")
        return self.child.wait(timeout=30)


# -- the child ---------------------------------------------------------------------------


def key_clicks(widget, text: str) -> None:
    """Real key events into `widget`. QtTest loads at the first command that types, not
    at start: the app does not load it, and a benchmark launch times the start."""
    from PySide6.QtTest import QTest

    QTest.keyClicks(widget, text)


def _child(db: str) -> int:
    from PySide6.QtCore import QObject, QTimer, Signal
    from PySide6.QtWidgets import QApplication, QMessageBox

    from newsdesk.gui import app as app_module

    qapp = app_module.application()
    dialogs: list[dict] = []
    say_yes: list[bool] = []  # the next question is answered Yes (see "yes")

    def answer_dialogs() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            dialogs.append({"title": box.windowTitle(), "text": box.text()})
            yes = box.button(QMessageBox.StandardButton.Yes) if say_yes else None
            if yes is not None:
                say_yes.clear()
            button = (
                yes
                or box.button(QMessageBox.StandardButton.No)
                or box.button(QMessageBox.StandardButton.Ok)
            )
            (button or box.buttons()[0]).click()

    watcher = QTimer(interval=30)
    watcher.timeout.connect(answer_dialogs)
    watcher.start()  # before the window: start() may ask or tell something first
    window = app_module.start(db)
    if isinstance(window, int):
        print(json.dumps({"exit": window, "dialogs": dialogs}), flush=True)
        return window

    def wait_until(test, seconds: float = 15) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            qapp.processEvents()
            if test():
                return True
            time.sleep(0.01)
        return False

    def journals() -> str:
        """The bodies in every journal, each on one line (Markdown wraps long lines)."""
        state = Path(os.environ.get("XDG_STATE_HOME", Path.home() / ".local/state"))
        bodies = []
        for path in sorted((state / "newsdesk" / "journals").glob("*/*.json")):
            try:
                bodies.append(json.loads(path.read_text(encoding="utf-8"))["content"]["body"])
            except (OSError, ValueError, KeyError):
                continue  # being replaced just now
        return "\n".join(" ".join(body.split()) for body in bodies)

    def rows() -> dict:
        from newsdesk.gui.list.model import PRESENCE_ROLE

        model = window.list_panel.model
        found = {}
        for row in range(model.rowCount()):
            article_id = model.article_id(row)
            found[str(article_id)] = {
                "headline": model.data(model.index(row, 0)),
                "status": model.data(model.index(row, 1)),
                "presence": model.data(model.index(row, 0), PRESENCE_ROLE),
            }
        return found

    def conflict() -> dict | None:
        dialog = window.controller.merging.dialog
        if dialog is None:
            return None
        return {
            "title": dialog.windowTitle(),
            "rows": [
                {
                    "side": row.side.value,
                    "mine": row.mine_label.text(),
                    "theirs": row.theirs_label.text(),
                }
                for row in dialog.rows
            ],
        }

    def state() -> dict:
        article = window.session.article
        bar, live = window.controller.live_bar, window.controller.live
        built = window.editor.is_built()
        return {
            "presence": bar.presence.text(),
            "waiting": live.waiting,
            "review": bar.review.text(),
            "notice": bar.notice.text(),
            "offline": bar.offline.text(),
            "offline_label": live.offline_label.text() if live.offline_label.isVisible() else "",
            "list": rows(),
            "workflow": window.workflow_bar.status_label.text(),
            "conflict": conflict(),
            # A window that never showed an article has made no fields or body yet
            # (editor/article_editor.py): asking for them here would make them.
            "headline": window.editor.fields.headline_edit.text() if built else "",
            "article": article.id if article else None,
            "revision": article.revision if article else None,
            "banner": window.editor.banner.text() if window.editor.banner.isVisible() else "",
            "body": " ".join(window.editor.body.markdown().split()) if built else "",  # unwrapped
            "dirty": window.session.is_dirty(),
            "saving": window.session.is_saving(),
            "save_state": window.save_status.state.text(),
            "read_only": (
                window.editor.body.rich_edit.isReadOnly() if built else window.editor.read_only()
            ),
            "dialogs": dialogs,
        }

    def run(command: str) -> dict:
        verb, _, rest = command.partition(" ")
        if verb == "open":
            window.open_article(int(rest))
            return {"ok": wait_until(lambda: window.session.is_open(int(rest)))}
        if verb == "type":
            body = window.editor.body.rich_edit
            body.setFocus()
            body.moveCursor(body.textCursor().MoveOperation.End)
            key_clicks(body, rest)
            return {"ok": True}
        if verb == "hold":  # this window's saves stop: what it types stays unsaved
            window.session.set_writable(False)
            return {"ok": True}
        if verb == "release":  # saves go on: what waited is saved now
            window.session.set_writable(True)
            window.session.save()
            wait_until(lambda: not window.session.is_saving())
            return state()
        if verb == "type_in":  # "type_in N TEXT": at the end of paragraph N (from 0)
            number, _, text = rest.partition(" ")
            body = window.editor.body.rich_edit
            body.setFocus()
            block = body.document().findBlockByNumber(int(number))
            cursor = body.textCursor()
            cursor.setPosition(block.position() + block.length() - 1)
            body.setTextCursor(cursor)
            key_clicks(body, text)
            return {"ok": True}
        if verb == "headline":
            edit = window.editor.fields.headline_edit
            edit.setFocus()
            edit.selectAll()
            key_clicks(edit, rest)
            return {"ok": True}
        if verb == "yes":  # the next question is answered Yes
            say_yes.append(True)
            return {"ok": True}
        if verb == "edit_anyway":
            say_yes.append(True)
            window.controller.live_bar.presence.button.click()
            return state()
        if verb == "approve":
            from newsdesk.domain.workflow import Action

            window.workflow_bar.buttons[Action.APPROVE].click()
            wait_until(lambda: window.workflow.dialog is not None)
            window.workflow.dialog.confirm_button.click()
            wait_until(lambda: "approved" in window.workflow_bar.status_label.text())
            return state()
        if verb == "choose":  # in the conflict dialog: "choose mine|theirs|both"
            from newsdesk.domain.merge import Choice, Side

            dialog = window.controller.merging.dialog
            for row in dialog.rows:
                if row.side is Side.CONFLICT:
                    row.buttons[Choice(rest)].setChecked(True)
            dialog.save_button.click()
            wait_until(lambda: window.controller.merging.dialog is None)
            return state()
        if verb == "until":  # "until SECONDS PYTHON-EXPRESSION over state s"
            seconds, _, test = rest.partition(" ")
            began = time.monotonic()
            met = wait_until(lambda: eval(test, {"s": state()}), float(seconds))
            return {**state(), "met": met, "took": time.monotonic() - began}
        if verb == "journaled":
            return {"ok": wait_until(lambda: rest in journals())}
        if verb == "save":
            window.session.save()
            wait_until(lambda: not window.session.is_saving())
            return state()
        if verb == "saved":  # until everything typed is stored (autosave included)
            wait_until(lambda: not window.session.is_dirty() and not window.session.is_saving())
            return state()
        if verb == "told":  # until the app has said something in a dialog
            wait_until(lambda: bool(dialogs))
            return state()
        if verb == "settle":  # until nothing more is under way: the feed wrote this
            # desk's mark, heard every commit so far, and what it heard was read again
            written = window.live.mark_written(15) and window.live.caught_up(15)
            wait_until(lambda: False, 0.1)  # the feed's report reaches the hub
            return {"ok": written and wait_until(lambda: not window.worker.busy)}
        if verb == "wait":
            wait_until(lambda: False, float(rest))
            return state()
        if verb == "state":
            return state()
        if verb == "quit":
            window.close()
            wait_until(lambda: not window.isVisible(), 30)
            return {"closed": not window.isVisible()}
        return {"error": f"unknown command {command!r}"}

    class Lines(QObject):
        arrived = Signal(str)

    lines = Lines()
    finished: list[bool] = []

    def on_line(line: str) -> None:
        print(json.dumps(run(line.strip()), ensure_ascii=False), flush=True)
        if line.startswith("quit") or not line:
            finished.append(True)
            qapp.quit()

    lines.arrived.connect(on_line)

    def read() -> None:
        for line in sys.stdin:
            lines.arrived.emit(line)
        lines.arrived.emit("")

    threading.Thread(target=read, daemon=True).start()

    def listed() -> bool:  # the first row shows its headline, not the placeholder yet
        model = window.list_panel.model
        return model.rowCount() > 0 and not model.is_loading(0)

    wait_until(lambda: listed() or window.session.article, 10)
    print(json.dumps({"ready": True, **state()}, ensure_ascii=False), flush=True)
    qapp.exec()
    window.newsroom.close()
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1]))
