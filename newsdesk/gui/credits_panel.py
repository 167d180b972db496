"""Credits editing: rows of a role and the people in it, and the block as the site prints it.

Rows can be added, removed and reordered with buttons, by dragging the handle, or from
the keyboard (Alt+Up, Alt+Down, Alt+Delete in a row; Delete on a row's remove button).
A row without a role or without names stays while the reporter edits, flagged, and is
left out of `credits()` and of the preview, because the site would print it broken.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QEvent,
    QMimeData,
    QPoint,
    QRect,
    QSize,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from newsdesk.domain.article import Credit
from newsdesk.domain.credit_roles import CreditVocabulary

log = logging.getLogger(__name__)

# Accent for flags: readable on light and dark window backgrounds alike.
FLAG_COLOUR = "#d9822b"
ROW_MIME_TYPE = "application/x-newsdesk-credit-row"
# Names are separated by commas (ASCII, fullwidth, the Chinese enumeration comma) or
# semicolons, as reporters paste them from notes.
_NAME_SEPARATORS = re.compile(r"[,，、;；]")


def split_names(text: str) -> list[str]:
    return [part.strip() for part in _NAME_SEPARATORS.split(text) if part.strip()]


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps them onto new lines (for name chips)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
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
        return self.minimumSize()

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


class _Chip(QFrame):
    """One name, with a button to take it out."""

    remove_requested = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName("name_chip")
        # palette(...) keeps the chip in the system's colours, light or dark.
        self.setStyleSheet(
            "#name_chip { border: 1px solid palette(mid); border-radius: 9px;"
            " background: palette(button); }"
        )
        self.setAccessibleName(name)
        label = QLabel(name, self)
        label.setForegroundRole(QPalette.ColorRole.ButtonText)
        remove = QToolButton(self)
        remove.setText("✕")
        remove.setAutoRaise(True)
        # Not a tab stop: Backspace in the name field takes the last name out.
        remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        remove.setAccessibleName(f"Remove {name}")
        remove.setToolTip(f"Remove {name}")
        remove.clicked.connect(self.remove_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 2, 0)
        layout.setSpacing(2)
        layout.addWidget(label)
        layout.addWidget(remove)
        self.remove_button = remove


class PeopleEdit(QFrame):
    """Names as chips, typed in a field: a comma or Enter ends a name; Backspace in the
    empty field takes the last name back for editing. Completes from known people."""

    names_changed = Signal()

    def __init__(self, known_people: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._chips: list[_Chip] = []
        self.line_edit = QLineEdit(self)
        self.line_edit.setFrame(False)
        self.line_edit.setPlaceholderText("Add a name, then Enter or comma")
        self.line_edit.setMinimumWidth(140)
        self._model = QStringListModel(list(known_people), self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.line_edit.setCompleter(completer)
        self.completer = completer
        self._flow = FlowLayout(self)
        self._flow.setContentsMargins(4, 3, 4, 3)
        self._flow.addWidget(self.line_edit)
        self.setFocusProxy(self.line_edit)

        self.line_edit.textEdited.connect(self._on_line_edit_text_edited)
        self.line_edit.returnPressed.connect(self._commit_typed)
        self.line_edit.editingFinished.connect(self._commit_typed)
        completer.activated.connect(self._on_completer_activated)
        self.line_edit.installEventFilter(self)

    # API ---------------------------------------------------------------------------------
    def names(self) -> list[str]:
        return [chip.name for chip in self._chips]

    def set_names(self, names: Iterable[str]) -> None:
        for chip in list(self._chips):
            self._drop_chip(chip)
        for name in names:
            self._add_chip(name)
        self.line_edit.clear()
        self._update_accessibility()

    def set_known_people(self, names: Sequence[str]) -> None:
        self._model.setStringList(list(names))

    def add_names(self, text: str) -> bool:
        """Add the names in `text` (comma-separated). True when any was added."""
        added = False
        for name in split_names(text):
            if name.casefold() not in {n.casefold() for n in self.names()}:
                self._add_chip(name)
                added = True
        if added:
            self._update_accessibility()
            self.names_changed.emit()
        return added

    def remove_name(self, name: str) -> None:
        for chip in self._chips:
            if chip.name == name:
                self._remove_chip(chip)
                return

    def set_accessible_label(self, label: str) -> None:
        self._label = label
        self._update_accessibility()

    # Internals ----------------------------------------------------------------------------
    def _add_chip(self, name: str) -> None:
        chip = _Chip(name, self)
        chip.remove_requested.connect(lambda c=chip: self._on_chip_remove_requested(c))
        self._flow.insert_widget(len(self._chips), chip)
        self._chips.append(chip)
        chip.show()
        self.updateGeometry()

    def _drop_chip(self, chip: _Chip) -> None:
        self._chips.remove(chip)
        self._flow.removeWidget(chip)
        chip.hide()
        chip.deleteLater()
        self.updateGeometry()

    def _remove_chip(self, chip: _Chip) -> None:
        """Take a name out as the reporter's edit: screen readers and listeners are told."""
        self._drop_chip(chip)
        self._update_accessibility()
        self.names_changed.emit()

    def _on_chip_remove_requested(self, chip: _Chip) -> None:
        self._remove_chip(chip)
        self.line_edit.setFocus()

    def _on_line_edit_text_edited(self, text: str) -> None:
        if _NAME_SEPARATORS.search(text):
            # Everything before the last separator is finished names; the rest is typing.
            parts = _NAME_SEPARATORS.split(text)
            self.add_names(",".join(parts[:-1]))
            self.line_edit.setText(parts[-1].lstrip())

    def _commit_typed(self) -> None:
        text = self.line_edit.text()
        if text.strip():
            self.add_names(text)
            self.line_edit.clear()

    def _on_completer_activated(self, text: str) -> None:
        self.add_names(text)
        # QCompleter writes the chosen text into the field after this signal: clear after.
        QTimer.singleShot(0, self.line_edit.clear)

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self.line_edit
            and isinstance(event, QFocusEvent)
            and event.type() == QEvent.Type.FocusOut
            and event.reason() != Qt.FocusReason.PopupFocusReason
        ):
            # A name typed but not ended with Enter or a comma is kept when the reporter
            # moves on (editingFinished is not sent while the completion list is open).
            self._commit_typed()
            self.completer.popup().hide()
        if (
            watched is self.line_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Backspace
            and not self.line_edit.text()
            and self._chips
        ):
            chip = self._chips[-1]
            self.line_edit.setText(chip.name)
            self._remove_chip(chip)
            return True
        return super().eventFilter(watched, event)

    def _update_accessibility(self) -> None:
        label = getattr(self, "_label", "People")
        names = ", ".join(self.names()) or "none yet"
        self.line_edit.setAccessibleName(label)
        self.line_edit.setAccessibleDescription(
            f"Names: {names}. Type a name and press Enter or a comma; "
            "Backspace in the empty field edits the last name."
        )
        self.setAccessibleName(f"{label}: {names}")
        self.line_edit.setPlaceholderText(
            "Add a name" if self._chips else "Add a name, then Enter or comma"
        )


class _Grip(QLabel):
    """The drag handle of a row."""

    def __init__(self, row: CreditRow) -> None:
        super().__init__("≡", row)
        self._row = row
        self._press: QPoint | None = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip("Drag to reorder (or Alt+Up / Alt+Down)")
        self.setAccessibleName("Drag handle")
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
        self.role_combo.lineEdit().setPlaceholderText("Role")
        self.role_combo.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.role_combo.setMinimumContentsLength(12)
        self.role_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.people = PeopleEdit(panel.known_people(), self)
        self.people.set_names(names)
        self.up_button = self._button("▲", "Move up (Alt+Up)", self._request_move_up)
        self.down_button = self._button("▼", "Move down (Alt+Down)", self._request_move_down)
        self.remove_button = self._button("✕", "Remove (Alt+Delete)", self.remove_requested.emit)
        self.flag = QLabel(self)
        self.flag.setStyleSheet(f"color: {FLAG_COLOUR};")
        self.flag.setWordWrap(True)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.grip, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.role_combo, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.people, 1)
        for button in (self.up_button, self.down_button, self.remove_button):
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(1)
        layout.addLayout(top)
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
            return "Empty row: not printed. Choose a role and add names, or remove it."
        if not self.role():
            return "No role: this line is not printed until it has one."
        if not self.names():
            return "No names yet: this line is not printed until it has one."
        return ""

    def set_number(self, number: int) -> None:
        self.role_combo.setAccessibleName(f"Credit {number} role")
        self.people.set_accessible_label(f"Credit {number} people")
        self.up_button.setAccessibleName(f"Move credit {number} up")
        self.down_button.setAccessibleName(f"Move credit {number} down")
        self.remove_button.setAccessibleName(f"Remove credit {number}")
        self.grip.setAccessibleName(f"Credit {number} drag handle")
        self.setAccessibleName(f"Credit {number}")

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


class _RowsArea(QWidget):
    """Holds the rows; takes row drops and shows where a dragged row would land."""

    def __init__(self, panel: CreditsPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.setAcceptDrops(True)
        self.rows_layout = QVBoxLayout(self)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(2)
        self.rows_layout.addStretch(1)
        # A bar in the selection colour where the dragged row would land.
        self.indicator = QWidget(self)
        self.indicator.setAutoFillBackground(True)
        self.indicator.setBackgroundRole(QPalette.ColorRole.Highlight)
        self.indicator.hide()

    def drop_index(self, y: float) -> int:
        """Where a row dropped at height `y` goes, as an index in the row list."""
        for index, row in enumerate(self.panel.rows()):
            if y < row.geometry().center().y():
                return index
        return len(self.panel.rows())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.panel.row_from_payload(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.panel.row_from_payload(event.mimeData()) is None:
            event.ignore()
            return
        event.acceptProposedAction()
        index = self.drop_index(event.position().y())
        rows = self.panel.rows()
        y = (
            rows[index].geometry().top() - 1
            if index < len(rows)
            else (rows[-1].geometry().bottom() + 1 if rows else 0)
        )
        self.indicator.setGeometry(0, y - 1, self.width(), 3)
        self.indicator.show()
        self.indicator.raise_()

    def dragLeaveEvent(self, event) -> None:
        self.indicator.hide()

    def dropEvent(self, event: QDropEvent) -> None:
        self.indicator.hide()
        row = self.panel.row_from_payload(event.mimeData())
        if row is None:
            event.ignore()
            return
        target = self.drop_index(event.position().y())
        current = self.panel.rows().index(row)
        # Taking the row out first shifts the places below it up by one.
        self.panel.move_row(current, target - 1 if target > current else target)
        event.acceptProposedAction()


class CreditsPanel(QWidget):
    """Edits an article's credits.

    `vocabulary` gives the roles offered (labels in `language`), `known_people` the
    names completed while typing, `separator` what the site prints between role and
    names. `credits()` returns complete rows only; incomplete rows stay on screen,
    flagged, until the reporter completes or removes them.
    """

    credits_changed = Signal()

    def __init__(
        self,
        vocabulary: CreditVocabulary | None = None,
        known_people: Sequence[str] = (),
        *,
        language: str = "en",
        separator: str = "丨",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary or CreditVocabulary()
        self._known_people = list(known_people)
        self._language = language
        self._separator = separator
        self._rows: list[CreditRow] = []
        self._loading = False

        self.rows_area = _RowsArea(self)
        self.rows_area.setAccessibleName("Credit rows")
        scroll = QScrollArea(self)
        scroll.setWidget(self.rows_area)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area = scroll

        self.add_button = QPushButton("&Add credit", self)
        self.add_button.setAccessibleName("Add credit")
        self.add_button.setToolTip("Add a credit row (Alt+A)")
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))

        self.preview_heading = QLabel("As printed on the page:", self)
        self.preview = QLabel(self)
        self.preview.setAccessibleName("Credits as printed")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setWordWrap(True)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setMargin(6)
        self.preview_heading.setBuddy(self.preview)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.preview_heading)
        layout.addWidget(self.preview)
        self._refresh()

    # API ---------------------------------------------------------------------------------
    def set_credits(self, credits: Iterable[Credit]) -> None:
        self._loading = True
        try:
            for row in list(self._rows):
                self._take_row(row)
            for credit in credits:
                self.add_row(credit.role, credit.names)
        finally:
            self._loading = False
        self._refresh()

    def credits(self) -> list[Credit]:
        """The complete credits in row order (incomplete rows are not printed)."""
        return [credit for row in self._rows if (credit := row.credit()) is not None]

    def incomplete_rows(self) -> list[int]:
        """Indexes of rows that are flagged as incomplete."""
        return [i for i, row in enumerate(self._rows) if row.credit() is None]

    def rows(self) -> list[CreditRow]:
        return list(self._rows)

    def role_labels(self) -> list[str]:
        return self._vocabulary.labels(self._language)

    def known_people(self) -> list[str]:
        return list(self._known_people)

    def set_known_people(self, names: Sequence[str]) -> None:
        self._known_people = list(names)
        for row in self._rows:
            row.people.set_known_people(self._known_people)

    def set_language(self, language: str) -> None:
        """Offer role labels and print the preview in `language` (the article's)."""
        self._language = language
        for row in self._rows:
            row.set_role_labels(self.role_labels())
        self._refresh()

    def set_separator(self, separator: str) -> None:
        self._separator = separator
        self._refresh()

    def preview_lines(self) -> list[str]:
        """The credit lines as the site prints them: `{Role}{sep}{names}`."""
        return [
            f"{self._vocabulary.label(c.role, self._language)}{self._separator}{' '.join(c.names)}"
            for c in self.credits()
        ]

    def add_row(
        self, role: str = "", names: Sequence[str] = (), *, focus: bool = False
    ) -> CreditRow:
        row = CreditRow(self, role, names)
        row.changed.connect(self._on_row_changed)
        row.move_requested.connect(lambda delta, r=row: self._on_row_move_requested(r, delta))
        row.remove_requested.connect(lambda r=row: self._on_row_remove_requested(r))
        self._rows.append(row)
        self.rows_area.rows_layout.insertWidget(len(self._rows) - 1, row)
        # Shown now, not when the layout gets round to it, so it can take focus and keys
        # straight away (the layout only queues the show of a widget added to it).
        row.show()
        if not self._loading:
            self._refresh()
            self.credits_changed.emit()
        if focus:
            row.role_combo.setFocus()
            self.scroll_area.ensureWidgetVisible(row)
        return row

    def remove_row(self, index: int) -> None:
        row = self._rows[index]
        had_focus = row.isAncestorOf(QApplication.focusWidget())
        self._take_row(row)
        self._refresh()
        self.credits_changed.emit()
        if had_focus:
            if self._rows:
                self._rows[min(index, len(self._rows) - 1)].role_combo.setFocus()
            else:
                self.add_button.setFocus()

    def move_row(self, index: int, new_index: int) -> None:
        new_index = max(0, min(new_index, len(self._rows) - 1))
        if new_index == index:
            return
        row = self._rows.pop(index)
        self._rows.insert(new_index, row)
        self.rows_area.rows_layout.removeWidget(row)
        self.rows_area.rows_layout.insertWidget(new_index, row)
        # Rows take their new places now: a drag that follows measures against them.
        self.rows_area.rows_layout.activate()
        self._refresh()
        self.credits_changed.emit()
        self.scroll_area.ensureWidgetVisible(row)

    # Drag and drop payload -----------------------------------------------------------------
    def drag_payload(self, row: CreditRow) -> bytes:
        return f"{id(self)}:{self._rows.index(row)}".encode()

    def row_from_payload(self, mime: QMimeData) -> CreditRow | None:
        """The row a drag carries, if it is one of this panel's rows."""
        if not mime.hasFormat(ROW_MIME_TYPE):
            return None
        panel_id, _, index = bytes(mime.data(ROW_MIME_TYPE)).decode().partition(":")
        if panel_id != str(id(self)) or not index.isdigit() or int(index) >= len(self._rows):
            return None
        return self._rows[int(index)]

    # Internals ------------------------------------------------------------------------------
    def _take_row(self, row: CreditRow) -> None:
        self._rows.remove(row)
        self.rows_area.rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _on_row_changed(self) -> None:
        self._refresh()
        if not self._loading:
            self.credits_changed.emit()

    def _on_row_move_requested(self, row: CreditRow, delta: int) -> None:
        index = self._rows.index(row)
        focus = QApplication.focusWidget()
        self.move_row(index, index + delta)
        if focus is not None and row.isAncestorOf(focus):
            focus.setFocus()  # the keyboard stays where it was, in the moved row

    def _on_row_remove_requested(self, row: CreditRow) -> None:
        self.remove_row(self._rows.index(row))

    def _refresh(self) -> None:
        roles_seen: dict[str, int] = {}
        for number, row in enumerate(self._rows, start=1):
            row.set_number(number)
            row.up_button.setEnabled(number > 1)
            row.down_button.setEnabled(number < len(self._rows))
            flag = row.problem()
            key = row.role().casefold()
            found = self._vocabulary.find(row.role())
            key = found.key if found else key
            if not flag and key in roles_seen:
                flag = f"Same role as credit {roles_seen[key]}: the page prints two lines."
            roles_seen.setdefault(key, number)
            row.set_flag(flag)
        # Tab order follows the rows as they are now, whatever order they were made in.
        chain: list[QWidget] = []
        for row in self._rows:
            chain += [row.role_combo, row.people.line_edit, row.up_button, row.down_button]
            chain.append(row.remove_button)
        chain.append(self.add_button)
        previous = chain[0]
        for widget in chain[1:]:
            QWidget.setTabOrder(previous, widget)
            previous = widget
        lines = self.preview_lines()
        self.preview.setText("\n".join(lines) if lines else "(no credits printed)")
