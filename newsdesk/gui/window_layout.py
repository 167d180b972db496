"""The window's panes: the workflow bar over them, the panes side by side as many as
fit (pane_layout.py), and Tab / F6 walking them in reading order (focus_order.py)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from newsdesk.gui.focus_order import PaneFocusOrder
from newsdesk.gui.pane_layout import AdaptiveSplitter, Pane, PaneLayout
from newsdesk.gui.window_actions import WindowActions

# Pane widths (px) at which their content still fits: the editor's date field shows a
# whole date, the credits show a role and its names without a horizontal scrollbar.
LIST_MIN, EDITOR_MIN, PREVIEW_MIN, SIDE_MIN = 200, 360, 240, 300
DEFAULT_SPLIT = [300, 430, 270, 360]


@dataclass
class WindowLayout:
    splitter: AdaptiveSplitter
    panes: PaneLayout
    focus_order: PaneFocusOrder


def lay_out(
    window: QMainWindow,
    actions: WindowActions,
    *,
    bar: QWidget,
    article_list: QWidget,
    editor: QWidget,
    preview: QWidget,
    side: QWidget,
    switcher: QWidget,
) -> WindowLayout:
    splitter = AdaptiveSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName("main_splitter")
    central = QWidget()
    central_layout = QVBoxLayout(central)
    central_layout.setContentsMargins(0, 0, 0, 0)
    central_layout.setSpacing(0)
    central_layout.addWidget(bar)
    central_layout.addWidget(splitter, 1)
    window.setCentralWidget(central)
    panes = PaneLayout(
        splitter,
        [
            Pane(
                "list",
                article_list,
                LIST_MIN,
                label=QT_TRANSLATE_NOOP("PaneLayout", "article list"),
            ),
            Pane("editor", editor, EDITOR_MIN, label=QT_TRANSLATE_NOOP("PaneLayout", "editor")),
            Pane(
                "preview",
                preview,
                PREVIEW_MIN,
                actions.toggle_preview,
                QT_TRANSLATE_NOOP("PaneLayout", "page preview"),
            ),
            Pane(
                "side",
                side,
                SIDE_MIN,
                actions.toggle_side,
                QT_TRANSLATE_NOOP("PaneLayout", "credits and notes panel"),
            ),
        ],
        window,
    )
    splitter.setSizes(DEFAULT_SPLIT)
    # Reading order: the toolbar's "Working as", the workflow bar, then left to right.
    order = PaneFocusOrder(window, lambda: [switcher, bar, article_list, editor, preview, side])
    for keys, forward in (("F6", True), ("Shift+F6", False)):
        jump = QAction(window)
        jump.setShortcut(QKeySequence(keys))
        jump.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        jump.triggered.connect(lambda _checked=False, f=forward: order.jump(f))
        window.addAction(jump)
    return WindowLayout(splitter, panes, order)
