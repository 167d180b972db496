"""A layout that sets widgets left to right and wraps them onto new lines."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QLineEdit, QWidget, QWidgetItem


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps them onto new lines (for name chips)."""

    def __init__(
        self, parent: QWidget | None = None, spacing: int = 4, *, one_line_hint: bool = False
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        # Ask for one line of everything (a row of buttons that wraps only when the
        # window is too narrow), rather than for the narrowest column.
        self._one_line_hint = one_line_hint
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insert_widget(self, index: int, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        if not self._one_line_hint:
            return self.minimumSize()
        shown = [item.sizeHint() for item in self._items if not item.isEmpty()]
        margins = self.contentsMargins()
        width = sum(s.width() for s in shown) + self.spacing() * max(0, len(shown) - 1)
        height = max((s.height() for s in shown), default=0)
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            # An item wider than a whole line gets the line (it shortens itself, see
            # ElidedLabel) rather than running past the edge.
            hint.setWidth(max(min(hint.width(), area.width()), item.minimumSize().width()))
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x = area.x()
                y += line_height + self.spacing()
                line_height = 0
            width = hint.width()
            if isinstance(item.widget(), QLineEdit):
                # The typing field takes the rest of the line (at least its own hint).
                width = max(hint.width(), area.right() + 1 - x)
            if apply:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self.spacing()
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()
