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
from newsdesk.gui.i18n.core_text import action_name, check_message, check_title

__all__ = ["ChecklistDialog", "ChecklistView", "check_title"]


class ChecklistView(QListWidget):
    """One row per failed check: its title and name, then what to fix."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Failed checks"))
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)

    def set_failures(self, failures: list[CheckFailure]) -> None:
        self.clear()
        for failure in failures:
            message = check_message(failure)
            # The check's stable name is kept beside its title where the language allows.
            item = QListWidgetItem(
                self.tr("✗ {title} ({name})\n    {message}").format(
                    title=check_title(failure.name), name=failure.name, message=message
                )
            )
            item.setToolTip(message)
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
        verb = action_name(action)
        self.setWindowTitle(self.tr("Cannot {action} yet").format(action=verb))
        count = len(failures)
        done = self.tr("submitted") if action == "submit" else self.tr("approved")
        intro = QLabel(
            self.tr("%n check(s) failed, so the article was not {done}.", "", count).format(
                done=done
            )
            + " "
            + self.tr("Fix what is listed and {action} again.").format(action=verb)
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
                QLabel(self.tr("As a producer you may override, with a reason for the record:"))
            )
            self.reason_edit = QLineEdit()
            self.reason_edit.setAccessibleName(self.tr("Override reason"))
            self.reason_edit.setPlaceholderText(
                self.tr("Why it goes ahead anyway (kept in the history)")
            )
            layout.addWidget(self.reason_edit)
            override = self.tr("Override and {action}").format(action=verb)
            self.override_button = buttons.addButton(
                override, QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.override_button.setAccessibleName(override)
            self.override_button.setEnabled(False)
            self.override_button.clicked.connect(self._on_override_clicked)
            self.reason_edit.textChanged.connect(
                lambda text: self.override_button.setEnabled(bool(text.strip()))
            )
        else:
            note = QLabel(self.tr("Only a producer may override failed checks."))
            note.setAccessibleName(self.tr("Override not allowed"))
            layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, 320)

    def _on_override_clicked(self) -> None:
        reason = self.reason_edit.text().strip() if self.reason_edit is not None else ""
        if reason:
            self.accept()
            self.override_requested.emit(reason)
