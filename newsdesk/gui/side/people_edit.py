"""The names of a credit, edited as chips in one field."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from newsdesk.gui.elided_label import ElidedLabel
from newsdesk.gui.flow_layout import FlowLayout

# Names are separated by commas (ASCII, fullwidth, the Chinese enumeration comma) or
# semicolons, as reporters paste them from notes.
_NAME_SEPARATORS = re.compile(r"[,，、;；]")


def split_names(text: str) -> list[str]:
    """The names in `text`, trimmed, empty ones left out."""
    return [part.strip() for part in _NAME_SEPARATORS.split(text) if part.strip()]


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
        # A name wider than the field (a long organisation) ends in "…", whole in its
        # tooltip, instead of running out of the field.
        label = ElidedLabel(name, self)
        label.setForegroundRole(QPalette.ColorRole.ButtonText)
        remove = QToolButton(self)
        remove.setText("✕")
        remove.setAutoRaise(True)
        # Not a tab stop: Backspace in the name field takes the last name out.
        remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        remove.setAccessibleName(
            QCoreApplication.translate("PeopleEdit", "Remove {name}").format(name=name)
        )
        remove.setToolTip(
            QCoreApplication.translate("PeopleEdit", "Remove {name}").format(name=name)
        )
        remove.clicked.connect(self.remove_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 2, 0)
        layout.setSpacing(2)
        layout.addWidget(label)
        layout.addWidget(remove)
        self.remove_button = remove
        self.label = label


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
        self.line_edit.setPlaceholderText(self.tr("Add a name, then Enter or comma"))
        self.line_edit.setMinimumWidth(110)
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
        label = getattr(self, "_label", None) or self.tr("People")
        names = self.tr(", ").join(self.names()) or self.tr("none yet")
        self.line_edit.setAccessibleName(label)
        self.line_edit.setAccessibleDescription(
            self.tr(
                "Names: {names}. Type a name and press Enter or a comma; "
                "Backspace in the empty field edits the last name."
            ).format(names=names)
        )
        self.setAccessibleName(self.tr("{label}: {names}").format(label=label, names=names))
        self.line_edit.setPlaceholderText(
            self.tr("Add a name") if self._chips else self.tr("Add a name, then Enter or comma")
        )
