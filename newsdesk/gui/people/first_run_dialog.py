"""First run: who is using this copy of newsdesk, and in which roles.

A small newsroom's reporter often edits too: any of the roles may be ticked, at
least one.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from newsdesk.domain.status import UserRole
from newsdesk.gui.i18n.core_text import role_name

ROLE_LABELS = {
    UserRole.REPORTER: QT_TRANSLATE_NOOP("FirstRunDialog", "Reporter: writes and submits articles"),
    UserRole.PRODUCER: QT_TRANSLATE_NOOP(
        "FirstRunDialog", "Producer: edits, approves or returns articles"
    ),
    UserRole.WEB: QT_TRANSLATE_NOOP(
        "FirstRunDialog", "Web team: exports and publishes approved articles"
    ),
}


class RoleChoice(QWidget):
    """One check box per newsroom role."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[UserRole, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for role, label in ROLE_LABELS.items():
            box = QCheckBox(QCoreApplication.translate("FirstRunDialog", label))
            box.setAccessibleName(
                QCoreApplication.translate("FirstRunDialog", "Role: {role}").format(
                    role=role_name(role)
                )
            )
            self.boxes[role] = box
            layout.addWidget(box)

    def roles(self) -> frozenset[UserRole]:
        return frozenset(role for role, box in self.boxes.items() if box.isChecked())

    def set_roles(self, roles) -> None:
        for role, box in self.boxes.items():
            box.setChecked(role in roles)


class FirstRunDialog(QDialog):
    def __init__(self, existing_names: list[str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to newsdesk"))
        self._existing = {n.casefold() for n in existing_names}
        intro = QLabel(
            self.tr(
                "Tell newsdesk who you are. Your name goes on every revision and action you take."
            )
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Mei Lin"))
        self.role_choice = RoleChoice()
        self.role_boxes = self.role_choice.boxes
        self.role_boxes[UserRole.REPORTER].setChecked(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.start_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText(self.tr("Start"))
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.name_edit)
        form.addRow(self.tr("Your roles"), self.role_choice)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._update)
        for box in self.role_boxes.values():
            box.toggled.connect(self._update)
        self._update()
        # Enter starts; the keyboard starts in the name, never on Cancel.
        self.start_button.setDefault(True)
        self.name_edit.setFocus()

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def roles(self) -> frozenset[UserRole]:
        return self.role_choice.roles()

    def _update(self, *_args) -> None:
        name = self.name()
        known = bool(name) and name.casefold() in self._existing
        self.start_button.setEnabled(bool(name) and (known or bool(self.roles())))
        if not name:
            self.message.setText(self.tr("A name is required."))
        elif known:
            self.message.setText(
                self.tr("{name} is already in this newsroom: you will sign in as them.").format(
                    name=name
                )
            )
        elif not self.roles():
            self.message.setText(self.tr("Tick at least one role."))
        else:
            self.message.setText("")
