"""Which newsroom the window works on, and as whom: its title, a permanent note in the
status bar, and on a team base a "Working as" that cannot be switched (the login is the
person: changing person means logging in as them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QMainWindow

from newsdesk.gui.app_identity import window_title as app_window_title
from newsdesk.newsroom.team import Login, is_server, server_address

LOGGED_IN = QT_TRANSLATE_NOOP("NewsroomLabel", "Logged in as")


def newsroom_name(location: str) -> str:
    """A short name for the newsroom: "newsroom on db.example.org", or the file's name."""
    if is_server(location):
        address = server_address(location)
        where = (
            address.server
            if address.server and not address.is_socket
            else QCoreApplication.translate("NewsroomLabel", "this computer")
        )
        return QCoreApplication.translate("NewsroomLabel", "{name} on {host}").format(
            name=address.newsroom, host=where
        )
    return Path(location).name


def window_title(location: str, person: str, login: Login | None) -> str:
    who = f"{person} ({login.name})" if login is not None else person
    return app_window_title(who, newsroom_name(location))  # the app's name once, last


def status_text(location: str, person: str, login: Login | None) -> str:
    # Short enough for the status bar; the whole address is the note's tooltip.
    if login is not None:
        return QCoreApplication.translate(
            "NewsroomLabel", "Newsroom {name} · logged in as {login} ({person})"
        ).format(name=newsroom_name(location), login=login.name, person=person)
    return QCoreApplication.translate(
        "NewsroomLabel", "Newsroom file {name} · working as {person}"
    ).format(name=newsroom_name(location), person=person)


class NewsroomLabel(QLabel):
    """The status bar's permanent note of the newsroom and the person."""

    def __init__(self, location: str, login: Login | None, parent=None) -> None:
        super().__init__(parent)
        self._location = location
        self._login = login
        self.setAccessibleName(self.tr("Newsroom and person"))

    def show_person(self, person: str) -> None:
        self.setText(status_text(self._location, person, self._login))
        self.setToolTip(self._location)


def attach(window: QMainWindow) -> NewsroomLabel:
    """Give `window` (a MainWindow) its title and status note, kept up to date with the
    person; on a team base, fix "Working as" to the login's person."""
    newsroom = window.newsroom
    login = newsroom.login
    label = NewsroomLabel(newsroom.location, login, window)
    window.statusBar().addPermanentWidget(label)

    def show(person) -> None:
        window.setWindowTitle(window_title(newsroom.location, person.name, login))
        label.show_person(person.name)

    window.controller.person_changed.connect(show)
    show(window.user)
    if login is not None:
        switcher = window.user_switcher
        switcher.label.setText(QCoreApplication.translate("NewsroomLabel", LOGGED_IN))
        switcher.combo.setEnabled(False)
        why = QCoreApplication.translate(
            "NewsroomLabel",
            "You are logged in as {login}, so you work as {person}. To work"
            " as someone else, log in as them: File › Connect to a newsroom server…",
        ).format(login=login.name, person=window.user.name)
        switcher.combo.setToolTip(why)
        switcher.setToolTip(why)
    return label
