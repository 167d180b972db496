"""One credit line of the credits panel: role, people, buttons, drag handle, flag."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
)

from newsdesk.domain.article import Credit
from newsdesk.gui.side.people_edit import PeopleEdit

if TYPE_CHECKING:
    # The row asks its panel for role labels, known people and its drag payload.
    from newsdesk.gui.side.credits_panel import CreditsPanel

# Accent for flags: readable on light and dark window backgrounds alike.
FLAG_COLOUR = "#d9822b"
# What a dragged row carries; the panel reads it back when the row is dropped.
ROW_MIME_TYPE = "application/x-newsdesk-credit-row"
# Room the names need beside the role for a row to stay on one line.
PEOPLE_ONE_LINE_MIN = 200
ONE_LINE_HYSTERESIS = 24


class _Grip(QLabel):
    """The drag handle of a row."""

    def __init__(self, row: CreditRow) -> None:
        super().__init__("≡", row)
        self._row = row
        self._press: QPoint | None = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(
            QCoreApplication.translate("CreditRow", "Drag to reorder (or Alt+Up / Alt+Down)")
        )
        self.setAccessibleName(QCoreApplication.translate("CreditRow", "Drag handle"))
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.setFont(font)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        moved = (event.position().toPoint() - self._press).manhattanLength()
        if moved < QApplication.startDragDistance():
            return
        self._press = None
        self._row.start_drag()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None


class CreditRow(QFrame):
    """One credit line: role, people, buttons, and a flag when it is incomplete."""

    changed = Signal()
    move_requested = Signal(int)  # -1 up, +1 down
    remove_requested = Signal()

    def __init__(
        self,
        panel: CreditsPanel,
        role: str = "",
        names: Sequence[str] = (),
    ) -> None:
        super().__init__(panel)
        self.panel = panel
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.grip = _Grip(self)
        self.role_combo = QComboBox(self)
        self.role_combo.setEditable(True)
        self.role_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.set_role_labels(panel.role_labels())
        self.role_combo.setEditText(role)
        self.role_combo.lineEdit().setPlaceholderText(self.tr("Role"))
        self.role_combo.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.role_combo.setMinimumContentsLength(12)
        self.role_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.people = PeopleEdit(panel.known_people(), self)
        self.people.set_names(names)
        self.up_button = self._button("▲", self.tr("Move up (Alt+Up)"), self._request_move_up)
        self.down_button = self._button(
            "▼", self.tr("Move down (Alt+Down)"), self._request_move_down
        )
        self.remove_button = self._button(
            "✕", self.tr("Remove (Alt+Delete)"), self.remove_requested.emit
        )
        self.flag = QLabel(self)
        self.flag.setStyleSheet(f"color: {FLAG_COLOUR};")
        self.flag.setWordWrap(True)

        self.top = QHBoxLayout()
        self.top.setContentsMargins(0, 0, 0, 0)
        self.top.addWidget(self.grip, 0, Qt.AlignmentFlag.AlignTop)
        self.top.addWidget(self.role_combo, 0, Qt.AlignmentFlag.AlignTop)
        self.top.addWidget(self.people, 1)
        for button in (self.up_button, self.down_button, self.remove_button):
            self.top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        # In a narrow panel the names get a line of their own, under the role, so
        # the buttons (✕ included) never leave the row and the chips have room.
        self.below = QHBoxLayout()
        self.below.setContentsMargins(self.grip.sizeHint().width() + 6, 0, 0, 0)
        self._one_line = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(1)
        layout.addLayout(self.top)
        layout.addLayout(self.below)
        layout.addWidget(self.flag)

        # Row keys are read from the row's own controls: an editable combo box would
        # otherwise take Alt+Down to open its list, and a window shortcut Alt+Up.
        for control in (
            self.role_combo,
            self.role_combo.lineEdit(),
            self.people.line_edit,
            self.up_button,
            self.down_button,
            self.remove_button,
        ):
            control.installEventFilter(self)

        self.role_combo.currentTextChanged.connect(self._on_changed)
        self.people.names_changed.connect(self._on_changed)

    def one_line_width(self) -> int:
        """The narrowest width at which role, names and buttons share one line."""
        top = self.top
        widths = [self.grip, self.role_combo, self.up_button, self.down_button]
        widths.append(self.remove_button)
        parts = sum(w.sizeHint().width() for w in widths)
        return parts + PEOPLE_ONE_LINE_MIN + top.spacing() * 6 + 4

    def is_one_line(self) -> bool:
        return self._one_line

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = event.size().width()
        needed = self.one_line_width()
        # A margin either way, so a scrollbar coming or going cannot flip it back.
        if self._one_line and width < needed:
            self._set_one_line(False)
        elif not self._one_line and width >= needed + ONE_LINE_HYSTERESIS:
            self._set_one_line(True)

    def _set_one_line(self, one_line: bool) -> None:
        self._one_line = one_line
        if one_line:
            self.below.removeWidget(self.people)
            self.top.insertWidget(2, self.people, 1)
            self.top.setStretchFactor(self.role_combo, 0)
        else:
            self.top.removeWidget(self.people)
            self.below.addWidget(self.people, 1)
            self.top.setStretchFactor(self.role_combo, 1)

    def _button(self, text: str, tip: str, handler) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(handler)
        return button

    def eventFilter(self, watched: object, event: object) -> bool:
        if isinstance(event, QKeyEvent):
            action = self._key_action(watched, event)
            if action is not None:
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # the key is the row's: no window shortcut takes it
                    return True
                if event.type() == QEvent.Type.KeyPress:
                    action()
                    return True
        return super().eventFilter(watched, event)

    def _key_action(self, watched: object, event: QKeyEvent):
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.AltModifier:
            return {
                Qt.Key.Key_Up: self._request_move_up,
                Qt.Key.Key_Down: self._request_move_down,
                Qt.Key.Key_Delete: self.remove_requested.emit,
            }.get(Qt.Key(event.key()))
        if (
            watched is self.remove_button
            and modifiers == Qt.KeyboardModifier.NoModifier
            and event.key() == Qt.Key.Key_Delete
        ):
            return self.remove_requested.emit
        return None

    def set_role_labels(self, labels: Sequence[str]) -> None:
        """Offer `labels` in the role list; the role typed or chosen stays as it is."""
        text = self.role_combo.currentText()
        self.role_combo.blockSignals(True)
        self.role_combo.clear()
        self.role_combo.addItems(labels)
        self.role_combo.setCurrentIndex(-1)
        self.role_combo.setEditText(text)
        self.role_combo.blockSignals(False)

    def role(self) -> str:
        return self.role_combo.currentText().strip()

    def names(self) -> list[str]:
        return self.people.names()

    def credit(self) -> Credit | None:
        """The credit this row stands for, or None while it is incomplete."""
        if not self.role() or not self.names():
            return None
        return Credit(self.role(), tuple(self.names()))

    def problem(self) -> str:
        if not self.role() and not self.names():
            return self.tr("Empty row: not printed. Choose a role and add names, or remove it.")
        if not self.role():
            return self.tr("No role: this line is not printed until it has one.")
        if not self.names():
            return self.tr("No names yet: this line is not printed until it has one.")
        return ""

    def set_number(self, number: int) -> None:
        self.role_combo.setAccessibleName(self.tr("Credit {number} role").format(number=number))
        self.people.set_accessible_label(self.tr("Credit {number} people").format(number=number))
        self.up_button.setAccessibleName(self.tr("Move credit {number} up").format(number=number))
        self.down_button.setAccessibleName(
            self.tr("Move credit {number} down").format(number=number)
        )
        self.remove_button.setAccessibleName(
            self.tr("Remove credit {number}").format(number=number)
        )
        self.grip.setAccessibleName(self.tr("Credit {number} drag handle").format(number=number))
        self.setAccessibleName(self.tr("Credit {number}").format(number=number))

    def set_flag(self, text: str) -> None:
        self.flag.setText(text)
        self.flag.setVisible(bool(text))
        self.flag.setAccessibleName(text)
        self.role_combo.setAccessibleDescription(text)

    def start_drag(self) -> None:
        drag = QDrag(self)
        mime = QMimeData()
        mime.setData(ROW_MIME_TYPE, self.panel.drag_payload(self))
        drag.setMimeData(mime)
        drag.setPixmap(self.grab())
        drag.setHotSpot(QPoint(10, 10))
        drag.exec(Qt.DropAction.MoveAction)

    def _request_move_up(self) -> None:
        self.move_requested.emit(-1)

    def _request_move_down(self) -> None:
        self.move_requested.emit(1)

    def _on_changed(self) -> None:
        self.changed.emit()
