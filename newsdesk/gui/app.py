"""Starting the desktop app: logging, the database, who the user is, the window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from newsdesk.domain.errors import NewsdeskError
from newsdesk.gui.people.first_run_dialog import FirstRunDialog
from newsdesk.gui.window_state import WindowState
from newsdesk.newsroom import Newsroom
from newsdesk.newsroom.paths import default_database_path, log_directory

log = logging.getLogger(__name__)

ORGANIZATION = "newsdesk"
APPLICATION = "newsdesk"


def _log_to_file() -> None:
    folder = log_directory()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(folder / "newsdesk.log", encoding="utf-8")
    except OSError:
        return  # no log file is no reason not to start
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)


def ensure_user(newsroom: Newsroom, settings: QSettings) -> str | None:
    """The current user's name: remembered, or asked on first run and stored as a Person."""
    state = WindowState(settings)
    remembered = state.user()
    known = {p.name: p for p in newsroom.people()}
    if remembered and remembered in known:
        return remembered
    dialog = FirstRunDialog(list(known))
    if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
        return None
    name = dialog.name()
    existing = next((p for p in known.values() if p.name.casefold() == name.casefold()), None)
    if existing is None:
        newsroom.add_person(name, [dialog.role()])
    else:
        name = existing.name
    state.remember_user(name)
    return name


def run(db_path: str | Path | None = None) -> int:
    _log_to_file()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("newsdesk")
    path = Path(db_path) if db_path else default_database_path()
    try:
        newsroom = Newsroom.open(path)
    except NewsdeskError as exc:
        QMessageBox.critical(None, "newsdesk cannot open its database", str(exc))
        return 1
    settings = QSettings()
    user = ensure_user(newsroom, settings)
    if user is None:
        newsroom.close()
        return 0
    from newsdesk.gui.main_window import MainWindow

    window = MainWindow(newsroom, str(path), user, settings)
    window.show()
    code = app.exec()
    newsroom.close()
    return code
