"""What the app imports before its list is first painted: the dialogs wait for their
first use (or for the warm-up once the list is on screen), and so do the export and
import machinery and the editor's fields and body (made when an article is first
shown); each still works when first asked for with the keyboard.

Each test launches the app as the `newsdesk` command starts it (newsdesk.cli:main,
whose parser knows every command), in a process of its own on the offscreen
platform, and looks at sys.modules during the list's first paint with rows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.domain.article import Article
from newsdesk.gui.window_warm_up import DEFERRED
from newsdesk.newsroom import Newsroom

ROOT = Path(__file__).resolve().parents[2]

# Loaded last session at first use only; they must not creep back into the start.
HEAVY = (
    "jinja2",
    "markdown",
    "mammoth",
    "bs4",
    "newsdesk.publish.export.bundle",
    "newsdesk.gui.export.dialog",
    "filelock",  # the recovery journal's lock, taken once the list is on screen
)
# The store opens, reads and saves on its connection itself (storage/sqlite/
# connection.py): sqlite-utils, and the click, dateutil and pluggy it imports, load when
# a write first needs its table API.
STORE_LIBRARIES = ("sqlite_utils", "click", "dateutil", "pluggy")

_CHILD = """
import builtins, json, os, sys, time
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import newsdesk.cli
from newsdesk.gui import app as app_module

if os.environ.get("NO_WARM_UP"):  # the first use itself imports what it needs
    import newsdesk.gui.window_tools as window_tools

    window_tools.warm_up = lambda: None
seen = {}


class FirstRows(QObject):
    def __init__(self, window):
        super().__init__()
        self.window = window

    def eventFilter(self, watched, event):
        view = self.window.list_panel.view
        if (
            "at_paint" not in seen
            and event.type() == QEvent.Type.Paint
            and watched is view.viewport()
            and view.model().rowCount() > 0
        ):
            seen["at_paint"] = sorted(sys.modules)
            # The editor's fields and body are made when an article is first shown.
            seen["form_built_at_paint"] = self.window.editor.is_built()
            # PySide6's __feature__ import hook, which reads the source of every module
            # imported after PySide6, is off (gui/feature_hook.py).
            hook = getattr(builtins, "__feature_import__", None)
            seen["feature_hook_on"] = hook is not None and builtins.__import__ is hook
        return False


def wait_until(test, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if test():
            return True
        time.sleep(0.01)
    return False


def drive(window, spy):
    qapp = QApplication.instance()
    wait_until(lambda: "at_paint" in seen and window.deferred_start.done)
    qapp.removeEventFilter(spy)
    wanted = json.loads(sys.argv[2])
    warmed_up = lambda: all(name in sys.modules for name in wanted)  # noqa: E731
    seen["warmed_up"] = warmed_up() if os.environ.get("NO_WARM_UP") else wait_until(warmed_up, 10)
    window.activateWindow()
    wait_until(window.isActiveWindow, 5)
    QTest.keyClick(window, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)

    def why_dialog():
        shown = [w for w in qapp.topLevelWidgets() if w.isVisible()]
        return next((w for w in shown if w.windowTitle().startswith("Why")), None)

    seen["why_shown"] = wait_until(lambda: why_dialog() is not None, 10)
    seen["why_entries"] = len(why_dialog().entries()) if seen["why_shown"] else None
    if seen["why_shown"]:
        why_dialog().close()
    # The first article opened: its preview (a process of its own) renders, an edit saves.
    first = window.list_panel.model.article_id(0)
    window.open_article(first)
    seen["opened"] = wait_until(lambda: window.session.is_open(first), 10)
    seen["previewed"] = wait_until(lambda: "Story" in window.preview.html(), 20)
    body = window.editor.body.rich_edit
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    QTest.keyClicks(body, " Typed after the start.")
    window.session.save()
    seen["saved"] = wait_until(
        lambda: not window.session.is_dirty() and not window.session.is_saving(), 20
    )
    seen["sqlite_utils_after_save"] = "sqlite_utils" in sys.modules
    print(json.dumps(seen), flush=True)
    os._exit(0)


real_make_window = app_module.make_window


def make_window(*args, **kwargs):
    window = real_make_window(*args, **kwargs)
    spy = FirstRows(window)
    QApplication.instance().installEventFilter(spy)
    QTimer.singleShot(0, lambda: drive(window, spy))
    return window


app_module.make_window = make_window
# As the `newsdesk` command starts the app: its console script is newsdesk.cli:main.
sys.exit(newsdesk.cli.main(["--db", sys.argv[1]]))
"""


def _launch(db: Path, home: Path, *, warm_up: bool) -> dict:
    config = home / "config" / "newsdesk"
    config.mkdir(parents=True, exist_ok=True)
    (config / "newsdesk.conf").write_text("[user]\nname=Mei Lin\n", encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "PYTHONPATH": str(ROOT),
    }
    if not warm_up:
        env["NO_WARM_UP"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(db), json.dumps(DEFERRED)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def listed_db(desk_db) -> Path:
    room = Newsroom.open(desk_db)
    with room.store.transaction():
        for number in range(5):
            room.create_article(Article(headline=f"Story {number}"), actor="Mei Lin")
    room.close()
    return desk_db


def test_the_first_paint_imports_no_dialog_and_no_export_machinery(listed_db, tmp_path):
    seen = _launch(listed_db, tmp_path / "home", warm_up=True)
    loaded = set(seen["at_paint"])
    assert "newsdesk.gui.list.panel" in loaded  # the snapshot is of the painted list
    assert sorted(loaded & set(DEFERRED)) == []
    assert sorted(loaded & set(HEAVY)) == []
    assert sorted(name for name in loaded if name.split(".")[0] in STORE_LIBRARIES) == []
    assert not seen["feature_hook_on"]
    assert not seen["form_built_at_paint"]
    # Once the list is on screen, the dialogs are imported in the background, so their
    # first use does not wait for them either.
    assert seen["warmed_up"]
    assert seen["why_shown"] and seen["why_entries"]
    # What the start left out works when first used: the preview's process, a save.
    assert seen["opened"] and seen["previewed"] and seen["saved"]
    assert not seen["sqlite_utils_after_save"]  # saving needs no sqlite-utils either
    room = Newsroom.open(listed_db)
    try:
        assert room.article(first_listed(room)).body.strip() == "Typed after the start."
    finally:
        room.close()


def first_listed(room: Newsroom) -> int:
    """The article at the top of a new window's list (newest first)."""
    from newsdesk.gui.list.first_screen import START_QUERY

    return room.find(START_QUERY, limit=1)[0]


def test_a_deferred_dialog_opens_from_its_shortcut_on_first_use(listed_db, tmp_path):
    """Without the warm-up, Shift+F1 itself imports the dialog it opens."""
    seen = _launch(listed_db, tmp_path / "home", warm_up=False)
    assert "newsdesk.gui.unavailable_dialog" not in seen["at_paint"]
    assert not seen["warmed_up"]  # nothing imported them meanwhile
    assert seen["why_shown"] and seen["why_entries"]
