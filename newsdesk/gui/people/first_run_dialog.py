"""First run: who is using this copy of newsdesk."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from newsdesk.domain.status import UserRole

ROLE_LABELS = {
    UserRole.REPORTER: "Reporter: writes and submits articles",
    UserRole.PRODUCER: "Producer: edits, approves or returns articles",
    UserRole.WEB: "Web team: exports and publishes approved articles",
}


class FirstRunDialog(QDialog):
    def __init__(self, existing_names: list[str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to newsdesk")
        self._existing = {n.casefold() for n in existing_names}
        intro = QLabel(
            "Tell newsdesk who you are. Your name goes on every revision and action you take."
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Your name")
        self.name_edit.setPlaceholderText("e.g. Mei Lin")
        self.role_combo = QComboBox()
        self.role_combo.setAccessibleName("Your role")
        for role, label in ROLE_LABELS.items():
            self.role_combo.addItem(label, role.value)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Start")
        form = QFormLayout()
        form.addRow("Your name", self.name_edit)
        form.addRow("Your role", self.role_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._on_name_edit_changed)
        self._on_name_edit_changed("")

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def role(self) -> UserRole:
        return UserRole(self.role_combo.currentData())

    def _on_name_edit_changed(self, _text: str) -> None:
        name = self.name()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(name))
        if not name:
            self.message.setText("A name is required.")
        elif name.casefold() in self._existing:
            self.message.setText(f"{name} is already in this newsroom: you will sign in as them.")
        else:
            self.message.setText("")
