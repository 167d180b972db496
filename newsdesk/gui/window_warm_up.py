"""The window's dialogs are imported once the list is on screen, not before.

The first paint needs the list, the editor and the panes; File › Import…, People…,
History, Connect…, the conflict and address dialogs, Help's "why is this unavailable"
and the editor's fields and body are imported where they are first used
(window_tools.py, app.py, main_window.py, editor/merge_flow.py, editor/controller.py,
editor/article_editor.py). So that first use is not slow
either, a thread imports them once the list has painted: the interpreter lock is
handed back to the UI thread every few milliseconds, where an import on the UI
thread would hold it for the whole module (History alone, 36 ms: two frames).

The export dialog is not among them: it brings the whole export machinery (Jinja,
Python-Markdown, the formats: about 0.3 s of CPU), which a start would then pay
every time, for a dialog most desks open rarely; it loads when first opened.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Sequence

log = logging.getLogger(__name__)

# Absent from sys.modules when the list first paints (tests/gui/test_launch_imports.py).
DEFERRED = (
    "newsdesk.gui.connect.choose",
    "newsdesk.gui.editor.conflict_dialog",
    "newsdesk.gui.editor.slug_dialog",
    # The article's fields and body, made when an article is first shown
    # (editor/article_editor.py).
    "newsdesk.gui.editor.address_row",
    "newsdesk.gui.editor.body.editor",
    "newsdesk.gui.editor.fields_form",
    "newsdesk.gui.history.dialog",
    "newsdesk.gui.importing.controller",
    "newsdesk.gui.people.people_dialog",
    "newsdesk.gui.unavailable_dialog",
    "newsdesk.gui.preview.page_patch",  # what the preview reads its first page with
    "newsdesk.newsroom.backups",  # the start's backup (gui/ops/database_guard.py)
    "multiprocessing",  # the preview's process, started when an article is first opened
)


def warm_up(modules: Sequence[str] = DEFERRED) -> threading.Thread:
    """Import `modules` on a thread of their own; returns the thread (started)."""

    def run() -> None:
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:  # the first use imports it again, and says what is wrong
                log.exception("warm-up import of %s failed", name)

    thread = threading.Thread(target=run, name="newsdesk-warm-up", daemon=True)
    thread.start()
    return thread
