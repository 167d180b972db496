"""The list's headline column sized so the status badge beside it stays in view.

The list has more columns than a narrow pane shows (status, section, reporter, date);
with the headline at a fixed width, a pane of 230-300 pixels (the 900×600 and
1,360×800 windows) showed the headline and none or half of the status, so a reporter
scrolled sideways to see which drafts were submitted. The headline column now takes
what the pane has left after the status column; the columns after it are a scroll
away. Once the reporter drags the headline column's edge, their width stays.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

HEADLINE, STATUS = 0, 1
# Below this the headline is too short to tell articles apart: the status scrolls.
MINIMUM_HEADLINE = 120
# The widest the headline grows, however wide the pane: the other columns follow it.
MAXIMUM_HEADLINE = 420


class HeadlineColumnFit(QObject):
    """Keeps `view`'s headline column as wide as the viewport less the status column."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._fitting = False
        self.set_by_hand = False
        view.horizontalHeader().sectionResized.connect(self._on_section_resized)
        view.viewport().installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        if self.set_by_hand:
            return
        header = self._view.horizontalHeader()
        room = self._view.viewport().width() - header.sectionSize(STATUS)
        width = max(MINIMUM_HEADLINE, min(MAXIMUM_HEADLINE, room))
        if width != header.sectionSize(HEADLINE):
            self._fitting = True
            try:
                header.resizeSection(HEADLINE, width)
            finally:
                self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _on_section_resized(self, section: int, _old: int, _new: int) -> None:
        if section == HEADLINE and not self._fitting:
            self.set_by_hand = True
