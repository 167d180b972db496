"""The window's panes side by side, as many as fit: a layout that adapts to the width.

The list and the editor are always there. The page preview and the side panel
(metadata, credits, notes) are shown when the person wants them *and* there is room
for them at a width where their content still fits; otherwise they fold away, and
come back when the window is wide enough again. Each optional pane has a View action
whose check mark says whether it is on screen: triggering a folded pane's action
brings it back by folding the other one instead (the pane asked for last goes first).

So a 900-pixel window shows the list, the editor and the credits, never a date field
squeezed to one digit, and a wide one shows all four panes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QWidget

log = logging.getLogger(__name__)


@dataclass
class Pane:
    name: str
    widget: QWidget
    minimum: int  # the narrowest width at which its content still fits
    action: QAction | None = None  # its View toggle; None: always shown
    label: str = ""  # how the status bar names it


def pane_label(pane) -> str:
    """How the status bar names a pane, in the interface's language."""
    return QCoreApplication.translate("PaneLayout", pane.label) if pane.label else pane.name


class AdaptiveSplitter(QSplitter):
    """A splitter whose minimum width is that of the panes that never fold, so the
    window may be made narrower than all panes together (they fold, see PaneLayout)."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self.required_width = 0

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.required_width:
            hint.setWidth(min(hint.width(), self.required_width))
        return hint


class PaneLayout(QObject):
    """Decides which panes `splitter` shows, from what is wanted and what fits."""

    shown_changed = Signal()
    too_narrow = Signal(str)  # a pane asked for that cannot fit even alone

    def __init__(self, splitter: AdaptiveSplitter, panes: list[Pane], parent: QObject) -> None:
        super().__init__(parent)
        self._splitter = splitter
        self._panes = {pane.name: pane for pane in panes}
        self._optional = [pane.name for pane in panes if pane.action is not None]
        self._wanted = set(self._optional)
        # Who gets room first: the last optional pane given (the side panel holds the
        # credits, which a submission needs; the preview is for looking).
        self._priority = list(reversed(self._optional))
        self._shown = {pane.name for pane in panes}
        for pane in panes:
            splitter.addWidget(pane.widget)
            pane.widget.setMinimumWidth(pane.minimum)
            if pane.action is not None:
                pane.action.setCheckable(True)
                pane.action.setChecked(True)
                pane.action.triggered.connect(lambda _on, name=pane.name: self.toggle(name))
        splitter.setChildrenCollapsible(False)
        splitter.required_width = sum(
            p.minimum + splitter.handleWidth() for p in panes if p.action is None
        )
        splitter.installEventFilter(self)

    # -- what the window asks ---------------------------------------------------------

    def shown(self) -> set[str]:
        return set(self._shown)

    def folded(self) -> set[str]:
        """Panes wanted but not on screen for lack of room."""
        return self._wanted - self._shown

    def is_wanted(self, name: str) -> bool:
        return name in self._wanted

    def toggle(self, name: str) -> None:
        """What the pane's action does: hide it when shown, else bring it (first)."""
        if name in self._shown:
            self._wanted.discard(name)
        else:
            self._wanted.add(name)
            self._priority.remove(name)
            self._priority.insert(0, name)
        self.fit()
        pane = self._panes[name]
        if name in self._wanted and name not in self._shown:
            self.too_narrow.emit(
                QCoreApplication.translate(
                    "PaneLayout",
                    "The window is too narrow for the {pane} beside the list and"
                    " the editor: make it wider.",
                ).format(pane=pane_label(pane))
            )

    def set_wanted(self, name: str, wanted: bool) -> None:
        if wanted:
            self._wanted.add(name)
        else:
            self._wanted.discard(name)
        self.fit()

    def state(self) -> str:
        """What to remember: the panes wanted, in the order they get room."""
        return ",".join(name for name in self._priority if name in self._wanted) or "-"

    def restore(self, state: str) -> None:
        if not state:
            return  # never saved: everything wanted
        names = [n for n in state.split(",") if n in self._optional]
        self._wanted = set(names)
        self._priority = names + [n for n in reversed(self._optional) if n not in names]
        self.fit()

    # -- fitting ------------------------------------------------------------------------

    def fit(self) -> None:
        available = self._splitter.width()
        handle = self._splitter.handleWidth()
        shown = {name for name, pane in self._panes.items() if pane.action is None}
        used = sum(self._panes[name].minimum + handle for name in shown)
        for name in self._priority:
            pane = self._panes[name]
            if name in self._wanted and used + pane.minimum + handle <= available:
                shown.add(name)
                used += pane.minimum + handle
        changed = shown != self._shown
        self._shown = shown
        for name, pane in self._panes.items():
            if pane.widget.isVisibleTo(self._splitter) != (name in shown):
                pane.widget.setVisible(name in shown)
            if pane.action is not None:
                self._show_action_state(pane)
        if changed:
            log.debug("panes shown at %d px: %s", available, sorted(shown))
            self.shown_changed.emit()

    def _show_action_state(self, pane: Pane) -> None:
        action = pane.action
        assert action is not None
        blocked = action.blockSignals(True)
        action.setChecked(pane.name in self._shown)
        action.blockSignals(blocked)
        shortcut = action.shortcut().toString()
        keys = f" ({shortcut})" if shortcut else ""
        if pane.name in self.folded():
            tip = (
                QCoreApplication.translate(
                    "PaneLayout",
                    "Folded away: the window is too narrow. Show it instead of the others",
                )
                + keys
            )
        elif pane.name in self._shown:
            tip = (
                QCoreApplication.translate("PaneLayout", "Hide the {pane}").format(
                    pane=pane_label(pane)
                )
                + keys
            )
        else:
            tip = (
                QCoreApplication.translate("PaneLayout", "Show the {pane}").format(
                    pane=pane_label(pane)
                )
                + keys
            )
        action.setToolTip(tip)
        action.setStatusTip(tip)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._splitter and event.type() == QEvent.Type.Resize:
            self.fit()
        return super().eventFilter(watched, event)
