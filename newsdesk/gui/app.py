"""Starting the desktop app: logging, a display, the database, who the user is, the window.

Failures at start say what to do, in one line or one dialog: no display (Qt itself
would abort with a misleading plugin message), a database that cannot be used at all
(tried in a child process first: a file system that cannot map SQLite's shared memory
kills the process that touches it), or one that can be read but not written.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from newsdesk.domain.errors import NewsdeskError
from newsdesk.gui.app_identity import identify
from newsdesk.gui.i18n.core_text import refusal_text
from newsdesk.gui.i18n.language import install_translations
from newsdesk.gui.people.first_run_dialog import FirstRunDialog
from newsdesk.gui.window_state import WindowState
from newsdesk.newsroom import Newsroom
from newsdesk.newsroom.paths import default_target, is_server, log_directory

log = logging.getLogger(__name__)

LOG_NAME = "newsdesk.log"
HOW_TO_RUN = (
    "run it in a desktop session, or set QT_QPA_PLATFORM=offscreen to run it without a screen"
)


def _log_to_file() -> None:
    folder = log_directory()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(folder / LOG_NAME, encoding="utf-8")
        # A fatal signal (SIGBUS, SIGSEGV) can not be handled, but it is written down.
        faulthandler.enable(open(folder / LOG_NAME, "a", encoding="utf-8"))  # noqa: SIM115
    except OSError:
        return  # no log file is no reason not to start
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)


def no_window_message(qt_messages: list[str]) -> str:
    """One line saying why Qt could not open a window, and how to run newsdesk."""
    text = "\n".join(qt_messages)
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    display = os.environ.get("DISPLAY", "")
    no_session = not display and not os.environ.get("WAYLAND_DISPLAY")
    if "could not connect to display" in text or (not platform and no_session):
        where = (
            f"the display {display!r} cannot be reached"
            if display
            else "there is no display (DISPLAY and WAYLAND_DISPLAY are not set)"
        )
        return f"newsdesk: cannot open its window: {where}; {HOW_TO_RUN}"
    plugin = f" {platform!r}" if platform else ""
    return (
        f"newsdesk: Qt could not start its window platform{plugin}; {HOW_TO_RUN}"
        f" (QT_DEBUG_PLUGINS=1 names a missing system library; see {log_directory() / LOG_NAME})"
    )


def application() -> QApplication:
    """The QApplication; without a usable display, one line on stderr and exit 1.

    Qt reports a platform it cannot start as a fatal message and aborts (SIGABRT)
    right after; its message handler is the one place to speak before that.
    """
    existing = QApplication.instance()
    if existing is not None:
        identify(existing)  # type: ignore[arg-type]
        return existing  # type: ignore[return-value]
    heard: list[str] = []

    def handler(kind: QtMsgType, _context, message: str) -> None:
        heard.append(message)
        log.info("Qt at start: %s", message)
        if kind == QtMsgType.QtFatalMsg:
            print(no_window_message(heard), file=sys.stderr, flush=True)
            logging.shutdown()
            os._exit(1)

    qInstallMessageHandler(handler)
    try:
        app = QApplication(sys.argv)
    finally:
        qInstallMessageHandler(None)
    identify(app)
    return app


def ensure_user(newsroom: Newsroom, settings: QSettings) -> str | None:
    """The current user's name: remembered, or asked on first run and stored as a Person."""
    state = WindowState(settings)
    remembered = state.user()
    everyone = newsroom.people()
    known = {p.name: p for p in everyone if p.active}  # a deactivated person cannot act
    if remembered and remembered in known:
        return remembered
    dialog = FirstRunDialog(list(known))
    if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
        return None
    name = dialog.name()
    existing = next((p for p in everyone if p.name.casefold() == name.casefold()), None)
    if existing is not None and not existing.active:
        QMessageBox.warning(
            None,
            QCoreApplication.translate("App", "Deactivated"),
            QCoreApplication.translate(
                "App",
                "{name} has been deactivated in this newsroom and cannot work in it;"
                " someone else can activate them again under File › People….",
            ).format(name=existing.name),
        )
        return None
    if existing is None:
        newsroom.add_person(name, dialog.roles())
    else:
        name = existing.name
    state.remember_user(name)
    return name


def start(db_path: str | Path | None = None):
    """Open the window on the database (the app's event loop is not run yet).

    Returns the MainWindow, or an exit code when there is nothing to show."""
    _log_to_file()
    application()
    install_translations(QSettings())
    # A server URL stays text (a Path would mangle its "//").
    path = (db_path if is_server(db_path) else Path(db_path)) if db_path else default_target()
    access = Newsroom.probe(path)
    if access.problem:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("App", "newsdesk cannot use its database"),
            access.problem,
        )
        return 1
    try:
        newsroom = Newsroom.open(path)
    except NewsdeskError as exc:
        log.error("cannot open %s: %s", path, exc)
        QMessageBox.critical(
            None,
            QCoreApplication.translate("App", "newsdesk cannot open its database"),
            refusal_text(exc),
        )
        return 1
    settings = QSettings()
    try:
        user = ensure_user(newsroom, settings)
    except NewsdeskError as exc:  # a first run on a database that cannot be written
        newsroom.close()
        QMessageBox.critical(
            None, QCoreApplication.translate("App", "newsdesk cannot start"), refusal_text(exc)
        )
        return 1
    if user is None:
        newsroom.close()
        return 0
    from newsdesk.gui.main_window import MainWindow

    window = MainWindow(newsroom, str(path), user, settings, read_only=access.read_only)
    window.show()
    return window


def run(db_path: str | Path | None = None) -> int:
    window = start(db_path)
    if isinstance(window, int):
        return window
    code = QApplication.instance().exec()
    window.newsroom.close()
    return code
