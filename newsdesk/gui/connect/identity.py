"""Which newsroom the window works on, and as whom: its title, a permanent note in the
status bar, and on a team base a "Working as" that cannot be switched (the login is the
person: changing person means logging in as them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QMainWindow

from newsdesk.gui.app_identity import window_title as app_window_title
from newsdesk.newsroom.team import Login, is_server, server_address

LOGGED_IN = "Logged in as"


def newsroom_name(location: str) -> str:
    """A short name for the newsroom: "newsroom on db.example.org", or the file's name."""
    if is_server(location):
        address = server_address(location)
        where = address.server if address.server and not address.is_socket else "this computer"
        return f"{address.newsroom} on {where}"
    return Path(location).name


def window_title(location: str, person: str, login: Login | None) -> str:
    who = f"{person} ({login.name})" if login is not None else person
    return app_window_title(who, newsroom_name(location))  # the app's name once, last


def status_text(location: str, person: str, login: Login | None) -> str:
    # Short enough for the status bar; the whole address is the note's tooltip.
    if login is not None:
        return f"Newsroom {newsroom_name(location)} · logged in as {login.name} ({person})"
    return f"Newsroom file {newsroom_name(location)} · working as {person}"


class NewsroomLabel(QLabel):
    """The status bar's permanent note of the newsroom and the person."""

    def __init__(self, location: str, login: Login | None, parent=None) -> None:
        super().__init__(parent)
        self._location = location
        self._login = login
        self.setAccessibleName("Newsroom and person")

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
        switcher.label.setText(LOGGED_IN)
        switcher.combo.setEnabled(False)
        why = (
            f"You are logged in as {login.name}, so you work as {window.user.name}. To work"
            " as someone else, log in as them: File › Connect to a newsroom server…"
        )
        switcher.combo.setToolTip(why)
        switcher.setToolTip(why)
    return label
