"""A one-line label that fits any width: what does not fit ends in "…", never cut off.

When shortened, the whole text is the label's tooltip (its accessible name is the
whole text anyway), so nothing is lost to a narrow pane: a long slug, a chip with a
long organisation name.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MINIMUM_CHARACTERS = 3


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:  # Qt's name: a drop-in for QLabel
        super().setText(text)
        self._update_tip()
        self.updateGeometry()

    def is_elided(self) -> bool:
        return self.displayed_text() != self.text()

    def displayed_text(self) -> str:
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        metrics = self.fontMetrics()
        least = metrics.horizontalAdvance(self.text()[:MINIMUM_CHARACTERS] + "…")
        margins = self.contentsMargins()
        return QSize(min(hint.width(), least + margins.left() + margins.right()), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.is_elided():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.displayed_text())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tip()

    def _update_tip(self) -> None:
        self.setToolTip(self.text() if self.is_elided() else "")
