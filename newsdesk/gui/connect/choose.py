"""Choosing another newsroom: a server (File › Connect to a newsroom server…), a local
file (File › Open a local newsroom…), or, when the newsroom at start is out of reach,
what to do instead of giving up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from newsdesk.gui.connect.dialog import ConnectDialog
from newsdesk.newsroom.paths import default_database_path
from newsdesk.newsroom.team import is_server, readable_location

LAST_SERVER_KEY = "newsroom/last_server"


def ask_server(parent: QWidget | None, settings: QSettings) -> str | None:
    """The server URL the person filled in (prefilled with the last one), or None."""
    last = str(settings.value(LAST_SERVER_KEY, "", str) or "")
    dialog = ConnectDialog(last, parent)
    if dialog.exec() != ConnectDialog.DialogCode.Accepted:
        return None
    url = dialog.url()
    settings.setValue(LAST_SERVER_KEY, readable_location(url))
    return url


def ask_local_file(parent: QWidget | None, current: str = "") -> str | None:
    """A newsroom file to open (a new name makes a new newsroom), or None."""
    start = default_database_path() if is_server(current) or not current else Path(current)
    dialog = QFileDialog(
        parent, QCoreApplication.translate("Connect", "Open a local newsroom"), str(start.parent)
    )
    dialog.setObjectName("open_local_newsroom")
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setNameFilters(
        [
            QCoreApplication.translate("Connect", "Newsroom files (*.db)"),
            QCoreApplication.translate("Connect", "All files (*)"),
        ]
    )
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.selectFile(start.name)
    dialog.setLabelText(
        QFileDialog.DialogLabel.Accept, QCoreApplication.translate("Connect", "Open")
    )
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return dialog.selectedFiles()[0]


def cannot_reach(target: str, message: str, parent: QWidget | None = None) -> str | None:
    """The newsroom server at start could not be opened: say why in one dialog, and
    offer to try again, another server or the local newsroom. The next target, or None
    to quit."""
    settings = QSettings()
    while True:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(
            QCoreApplication.translate("Connect", "newsdesk cannot reach its newsroom")
        )
        box.setText(
            QCoreApplication.translate(
                "Connect", "newsdesk could not open the newsroom at {where}."
            ).format(where=readable_location(target))
        )
        box.setInformativeText(message)
        again = box.addButton(
            QCoreApplication.translate("Connect", "Try again"), QMessageBox.ButtonRole.AcceptRole
        )
        other = box.addButton(
            QCoreApplication.translate("Connect", "Connect to another…"),
            QMessageBox.ButtonRole.ActionRole,
        )
        local = box.addButton(
            QCoreApplication.translate("Connect", "Open the local newsroom"),
            QMessageBox.ButtonRole.ActionRole,
        )
        leave = box.addButton(
            QCoreApplication.translate("Connect", "Quit"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(again)
        box.setEscapeButton(leave)
        box.exec()
        clicked = box.clickedButton()
        if clicked is again:
            return target
        if clicked is local:
            return str(default_database_path())
        if clicked is other:
            chosen = ask_server(parent, settings)
            if chosen:
                return chosen
            continue  # back to the choice
        return None
