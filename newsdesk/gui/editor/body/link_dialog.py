"""The link dialog, and the rule for which addresses an article may link to."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

ALLOWED_LINK_SCHEMES = ("http", "https", "mailto")

# Accent for inline notices: readable on light and dark window backgrounds alike.
NOTICE_COLOUR = "#d9534f"


def link_problem(url: str) -> str | None:
    """Why `url` cannot be a link in an article, or None when it can."""
    url = url.strip()
    allowed = QCoreApplication.translate(
        "LinkDialog", "only http, https and mailto links are allowed"
    )
    if not url:
        return QCoreApplication.translate(
            "LinkDialog", "Enter the link address ({allowed})."
        ).format(allowed=allowed)
    if any(ch.isspace() for ch in url):
        return QCoreApplication.translate(
            "LinkDialog",
            "The address contains spaces: copy it again from the browser's address bar.",
        )
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if not scheme:
        if "." in url and "@" not in url:
            return QCoreApplication.translate(
                "LinkDialog", "Add https:// in front of the address ({allowed})."
            ).format(allowed=allowed)
        if "@" in url:
            return QCoreApplication.translate(
                "LinkDialog", "Write mailto: in front of an e-mail address ({allowed})."
            ).format(allowed=allowed)
        return QCoreApplication.translate(
            "LinkDialog", "This is not a web address: {allowed}."
        ).format(allowed=allowed)
    if scheme not in ALLOWED_LINK_SCHEMES:
        return QCoreApplication.translate(
            "LinkDialog", "{scheme}: links are not accepted: {allowed}."
        ).format(scheme=scheme, allowed=allowed)
    if scheme in ("http", "https") and not parts.hostname:
        return QCoreApplication.translate(
            "LinkDialog",
            "The address needs a host name after {scheme}://, e.g. {scheme}://example.org/page.",
        ).format(scheme=scheme)
    if scheme == "mailto" and "@" not in parts.path:
        return QCoreApplication.translate(
            "LinkDialog", "A mailto link needs an e-mail address, e.g. mailto:desk@example.org."
        )
    return None


class LinkDialog(QDialog):
    """Asks for a link address (and the text, when nothing is selected)."""

    def __init__(
        self,
        url: str = "",
        text: str | None = None,
        *,
        editing: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit link") if editing else self.tr("Insert link"))
        self.setAccessibleName(self.windowTitle())
        self.remove_requested = False

        self.url_edit = QLineEdit(url)
        self.url_edit.setPlaceholderText("https://example.org/page")
        self.url_edit.setAccessibleName(self.tr("Link address"))
        self.text_edit = QLineEdit(text or "")
        self.text_edit.setAccessibleName(self.tr("Link text"))
        self.text_edit.setPlaceholderText(self.tr("Text readers click (the address if empty)"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Link address problem"))
        self.message.setStyleSheet(f"color: {NOTICE_COLOUR};")

        form = QFormLayout()
        form.addRow(self.tr("&Address:"), self.url_edit)
        if text is not None:
            form.addRow(self.tr("&Text:"), self.text_edit)
        else:
            self.text_edit.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setAccessibleName(self.tr("Apply link"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            self.tr("Cancel")
        )
        self.remove_button: QPushButton | None = None
        if editing:
            self.remove_button = self.buttons.addButton(
                self.tr("&Remove link"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.remove_button.setAccessibleName(self.tr("Remove link"))
            self.remove_button.clicked.connect(self._on_remove_clicked)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.url_edit.textChanged.connect(self._on_url_edit_text_changed)
        self._on_url_edit_text_changed(url)
        self.resize(420, self.sizeHint().height())

    def url(self) -> str:
        return self.url_edit.text().strip()

    def text(self) -> str:
        return self.text_edit.text().strip()

    def accept(self) -> None:
        if link_problem(self.url()) is None:
            super().accept()

    def _on_remove_clicked(self) -> None:
        self.remove_requested = True
        super().accept()

    def _on_url_edit_text_changed(self, text: str) -> None:
        problem = link_problem(text)
        # An empty field is not an error yet; the disabled button says enough.
        self.message.setText(problem if problem and text.strip() else "")
        self.url_edit.setAccessibleDescription(problem or "")
        self.ok_button.setEnabled(problem is None)
