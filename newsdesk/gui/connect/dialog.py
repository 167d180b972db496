"""File › Connect to a newsroom server…: where the newsroom is, and whose login."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from newsdesk.domain.errors import NewsdeskError
from newsdesk.gui.i18n.core_text import refusal_text
from newsdesk.newsroom.team import is_server, server_address, server_url


class ConnectDialog(QDialog):
    """Asks for the server, the newsroom and the login (the password comes later, and
    only if the server wants one). `url()` is the address to open."""

    def __init__(self, last_url: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a newsroom server"))
        intro = QLabel(
            self.tr(
                "Your newsroom's IT gives you the server, the newsroom's name and your own"
                " login. You work as the person that login belongs to."
            )
        )
        intro.setWordWrap(True)
        self.server_edit = QLineEdit()
        self.server_edit.setAccessibleName(self.tr("Server"))
        self.server_edit.setPlaceholderText(
            self.tr("newsroom.example.org, host:port or /run/postgresql")
        )
        self.server_edit.setToolTip(
            self.tr(
                "The server's name (and :port if not 5432), or the folder of its local socket."
                " A whole postgresql:// address may be pasted here too."
            )
        )
        self.newsroom_edit = QLineEdit()
        self.newsroom_edit.setAccessibleName(self.tr("Newsroom"))
        self.newsroom_edit.setPlaceholderText(self.tr("newsroom"))
        self.login_edit = QLineEdit()
        self.login_edit.setAccessibleName(self.tr("Login"))
        self.login_edit.setPlaceholderText(self.tr("your login, e.g. mei"))
        self.tls_check = QCheckBox(self.tr("Verify the server's certificate (TLS)"))
        self.tls_check.setAccessibleName(self.tr("Verify the server's certificate"))
        self.tls_check.setToolTip(
            self.tr(
                "sslmode=verify-full: the connection is encrypted and the server must show a"
                " certificate, signed by your newsroom's authority, that names it."
            )
        )
        self.tls_check.setChecked(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Problem"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("Connect"))
        self.connect_button.setDefault(True)
        form = QFormLayout()
        form.addRow(self.tr("&Server"), self.server_edit)
        form.addRow(self.tr("&Newsroom"), self.newsroom_edit)
        form.addRow(self.tr("&Login"), self.login_edit)
        form.addRow("", self.tls_check)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.server_edit, self.newsroom_edit, self.login_edit):
            edit.textChanged.connect(self._on_text_changed)
        self._url = ""
        self._extra: tuple = ()
        if last_url and is_server(last_url):
            self._fill(last_url)
        self._on_text_changed()
        (self.login_edit if self.server_edit.text() else self.server_edit).setFocus()

    def url(self) -> str:
        """The server URL to open (valid once the dialog was accepted)."""
        return self._url

    def _fill(self, url: str) -> None:
        try:
            address = server_address(url)
        except NewsdeskError:
            return
        for edit, text in (
            (self.server_edit, address.server),
            (self.newsroom_edit, address.newsroom),
            (self.login_edit, address.login),
        ):
            blocked = edit.blockSignals(True)
            edit.setText(text)
            edit.blockSignals(blocked)
        self.tls_check.setChecked(address.verify_tls)
        self._extra = address.extra

    def _on_text_changed(self, _text: str = "") -> None:
        pasted = self.server_edit.text().strip()
        if is_server(pasted):  # a whole address pasted into the server field
            self._fill(pasted)
        socket = not self.server_edit.text().strip() or self.server_edit.text().startswith("/")
        self.tls_check.setEnabled(not socket)  # a local socket never leaves the machine
        ready = bool(self.newsroom_edit.text().strip() and self.login_edit.text().strip())
        self.connect_button.setEnabled(ready)
        self.message.clear()

    def _on_buttons_accepted(self) -> None:
        try:
            self._url = _address_url(
                self.server_edit.text(),
                self.newsroom_edit.text(),
                self.login_edit.text(),
                self.tls_check.isChecked() and self.tls_check.isEnabled(),
                self._extra,
            )
        except NewsdeskError as exc:
            self.message.setText(refusal_text(exc))
            return
        self.accept()


def _address_url(server: str, newsroom: str, login: str, tls: bool, extra: tuple) -> str:
    url = server_url(server.strip(), newsroom.strip(), login.strip(), verify_tls=tls)
    if not extra:
        return url
    # Parameters that came with a pasted address (sslrootcert, say) are kept.
    tail = "&".join(f"{k}={v}" for k, v in extra)
    return url + ("&" if "?" in url else "?") + tail
