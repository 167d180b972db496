"""The checks that stopped a Submit or an Approve, each listed by name.

The user fixes them and tries again; a producer may instead override them with a
reason, which the audit log records beside the names of the checks that failed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.domain.checklist import CheckFailure

# How each check is called where a person reads it; the stable name stays beside it.
CHECK_TITLES = {
    "headline": "Headline",
    "body": "Text",
    "image-source": "Images have a usable source",
    "headline-length": "Headline length",
    "reporter-credited": "Reporter credited",
    "empty-credit-row": "No empty credit rows",
    "date-set": "Date set",
    "link-schemes": "Links are http(s) or mailto",
    "image-text": "Images have a caption or alt text",
}


def check_title(name: str) -> str:
    return CHECK_TITLES.get(name, name)


class ChecklistView(QListWidget):
    """One row per failed check: its title and name, then what to fix."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Failed checks")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)

    def set_failures(self, failures: list[CheckFailure]) -> None:
        self.clear()
        for failure in failures:
            item = QListWidgetItem(
                f"✗ {check_title(failure.name)} ({failure.name})\n    {failure.message}"
            )
            item.setToolTip(failure.message)
            item.setData(Qt.ItemDataRole.UserRole, failure.name)
            self.addItem(item)

    def names(self) -> list[str]:
        """The failed checks' names, in order (what a test or screen reader reads)."""
        return [self.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.count())]


class ChecklistDialog(QDialog):
    override_requested = Signal(str)  # the reason

    def __init__(
        self,
        action: str,
        failures: list[CheckFailure],
        *,
        can_override: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Cannot {action} yet")
        count = len(failures)
        intro = QLabel(
            f"{count} check{'s' if count != 1 else ''} failed, so the article was not"
            f" {'submitted' if action == 'submit' else action + 'd'}. Fix"
            f" {'them' if count != 1 else 'it'} and {action} again."
        )
        intro.setWordWrap(True)
        self.view = ChecklistView()
        self.view.set_failures(failures)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        self.reason_edit: QLineEdit | None = None
        self.override_button: QPushButton | None = None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if can_override:
            layout.addWidget(
                QLabel("As a producer you may override, with a reason for the record:")
            )
            self.reason_edit = QLineEdit()
            self.reason_edit.setAccessibleName("Override reason")
            self.reason_edit.setPlaceholderText("Why it goes ahead anyway (kept in the history)")
            layout.addWidget(self.reason_edit)
            self.override_button = buttons.addButton(
                f"Override and {action}", QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.override_button.setAccessibleName(f"Override and {action}")
            self.override_button.setEnabled(False)
            self.override_button.clicked.connect(self._on_override_clicked)
            self.reason_edit.textChanged.connect(
                lambda text: self.override_button.setEnabled(bool(text.strip()))
            )
        else:
            note = QLabel("Only a producer may override failed checks.")
            note.setAccessibleName("Override not allowed")
            layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, 320)

    def _on_override_clicked(self) -> None:
        reason = self.reason_edit.text().strip() if self.reason_edit is not None else ""
        if reason:
            self.accept()
            self.override_requested.emit(reason)
