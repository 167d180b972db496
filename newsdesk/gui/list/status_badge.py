"""Status colours and the delegate that paints a status as a coloured badge."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from newsdesk.gui.list.model import STATUS_ROLE

# Mid-tone accents that read on light and dark palettes alike.
STATUS_COLOURS = {
    "draft": "#7a869a",
    "submitted": "#d08a1a",
    "approved": "#2e9d5b",
    "published": "#2f6fd6",
    "archived": "#8a5cb8",
}


def status_colour(status: str) -> QColor:
    return QColor(STATUS_COLOURS.get(status, "#7a869a"))


class StatusBadgeDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        status = index.data(STATUS_ROLE)
        if not status:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None:
            # Selection/hover background, without the text.
            plain = QStyleOptionViewItem(option)
            self.initStyleOption(plain, index)
            plain.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The badge says what the row shows (a returned draft: "draft ↩ returned").
        text = index.data(Qt.ItemDataRole.DisplayRole) or status
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(text) + 14
        height = metrics.height() + 4
        rect = QRectF(
            option.rect.x() + 4,
            option.rect.y() + (option.rect.height() - height) / 2,
            min(width, option.rect.width() - 8),
            height,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(status_colour(status))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
