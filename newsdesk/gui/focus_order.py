"""Tab through the window pane by pane, in reading order.

Qt's focus chain follows the order widgets were made in, and panels that rebuild
their rows (the credits) move parts of it around, so the window keeps its own order
instead: the panes top to bottom, left to right, and inside each pane Qt's own chain
(which each panel keeps sensible for itself). Tab and Shift+Tab walk the widgets of
that order; F6 and Shift+F6 jump to the first widget of the next or previous pane.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def takes_tab_focus(widget: QWidget) -> bool:
    """Whether Tab stops at `widget` (as Qt decides it for its own chain)."""
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
    )


class PaneFocusOrder:
    """The focusable widgets of `panes()` (shown ones, in order), and moving among them."""

    def __init__(self, window: QWidget, panes: Callable[[], Sequence[QWidget]]) -> None:
        self._window = window
        self._panes = panes

    def pane_widgets(self) -> list[tuple[QWidget, list[QWidget]]]:
        """Each shown pane that has a focusable widget, with those widgets in Qt's
        chain order."""
        panes = [p for p in self._panes() if p.isVisible()]
        found: list[list[QWidget]] = [[] for _ in panes]
        widget = self._window.nextInFocusChain()
        seen: set[int] = set()
        while widget is not None and id(widget) not in seen and widget is not self._window:
            seen.add(id(widget))
            if takes_tab_focus(widget):
                for index, pane in enumerate(panes):
                    if widget is pane or pane.isAncestorOf(widget):
                        found[index].append(widget)
                        break
            widget = widget.nextInFocusChain()
        return [(pane, widgets) for pane, widgets in zip(panes, found, strict=True) if widgets]

    def widgets(self) -> list[QWidget]:
        return [w for _pane, widgets in self.pane_widgets() for w in widgets]

    def move(self, forward: bool) -> bool:
        """Tab or Shift+Tab from the focused widget; False when the focus is not in a
        pane (Qt's own order applies there)."""
        panes = self.pane_widgets()
        order = [w for _pane, widgets in panes for w in widgets]
        current = QApplication.focusWidget()
        if current is None or not order:
            return False
        if current in order:
            target = order[(order.index(current) + (1 if forward else -1)) % len(order)]
        else:  # inside a pane, on a widget Tab does not stop at (a read-only field)
            index = self._pane_of(panes, current)
            if index is None:
                return False
            target = panes[(index + 1) % len(panes)][1][0] if forward else panes[index][1][0]
        reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True

    def jump(self, forward: bool) -> None:
        """F6 / Shift+F6: the first widget of the next or previous pane."""
        panes = self.pane_widgets()
        if not panes:
            return
        current = self._pane_of(panes, QApplication.focusWidget())
        if current is None:
            target = 0 if forward else len(panes) - 1
        else:
            target = (current + (1 if forward else -1)) % len(panes)
        panes[target][1][0].setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _pane_of(panes: list[tuple[QWidget, list[QWidget]]], widget: QWidget | None) -> int | None:
        if widget is None:
            return None
        for index, (pane, _widgets) in enumerate(panes):
            if widget is pane or pane.isAncestorOf(widget):
                return index
        return None
