"""The password a newsroom server asks for, and whether (and where) to keep it."""

from __future__ import annotations

import enum

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from newsdesk.gui.i18n.said_text import said_text


class KeepIn(enum.Enum):
    NOWHERE = "nowhere"
    KEYRING = "keyring"
    PGPASS = "pgpass"


class PasswordDialog(QDialog):
    """`keyring_problem`: why the system keyring cannot be offered (None: it can)."""

    def __init__(
        self,
        prompt: str,
        *,
        problem: str = "",
        keyring_problem: str | None = None,
        pgpass: str = "~/.pgpass",
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Password for the newsroom server"))
        self.prompt = QLabel(prompt.rstrip(": "))
        self.prompt.setWordWrap(True)
        self.problem = QLabel(problem)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.setStyleSheet("QLabel { color: #b3261e; }")
        self.problem.setVisible(bool(problem))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.remember_check = QCheckBox(self.tr("Remember this password"))
        self.remember_check.setAccessibleName(self.tr("Remember this password"))
        self.where_combo = QComboBox()
        self.where_combo.setAccessibleName(self.tr("Where to keep it"))
        self.where_combo.addItem(self.tr("in the system keyring"), KeepIn.KEYRING.value)
        self.where_combo.addItem(
            self.tr("in libpq's password file ({path})").format(path=pgpass), KeepIn.PGPASS.value
        )
        if keyring_problem:
            # Offered, but greyed out with the reason: a person can see why.
            item = self.where_combo.model().item(0)
            item.setEnabled(False)
            item.setToolTip(
                self.tr("Not available: {reason}").format(reason=said_text(keyring_problem))
            )
            self.where_combo.setCurrentIndex(1)
        self.where_combo.setEnabled(False)
        self.remember_check.toggled.connect(self.where_combo.setEnabled)
        note = QLabel(
            self.tr("Otherwise it is forgotten when newsdesk closes; never kept in its settings.")
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Log in"))
        self.ok_button.setDefault(True)
        remember = QHBoxLayout()
        remember.addWidget(self.remember_check)
        remember.addWidget(self.where_combo, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.problem)
        layout.addWidget(self.password_edit)
        layout.addLayout(remember)
        layout.addWidget(note)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.password_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text)))
        self.ok_button.setEnabled(False)
        self.password_edit.setFocus()

    def password(self) -> str:
        return self.password_edit.text()

    def keep_in(self) -> KeepIn:
        if not self.remember_check.isChecked():
            return KeepIn.NOWHERE
        return KeepIn(self.where_combo.currentData())
