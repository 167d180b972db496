"""Starting the desktop app: logging, a display, the newsroom, who the user is, the window.

The newsroom is --db, NEWSDESK_DB, the one last worked on, or the local file in the
data folder; a newsroom server is opened off the UI thread (gui/connect/), asking for
a password only when the server wants one. On a team base the login is the person: no
name is asked. Failures at start say what to do, in one line or one dialog: no display
(Qt itself would abort with a misleading plugin message), a database that cannot be
used at all (tried in a child process first: a file system that cannot map SQLite's
shared memory kills the process that touches it), one that can be read but not
written, or a server out of reach (then: try again, another server, a local newsroom).
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
from newsdesk.gui import feature_hook  # noqa: F401  (first: the imports below run without it)
from newsdesk.gui.app_identity import identify
from newsdesk.gui.connect import identity
from newsdesk.gui.connect.opening import Cancelled, Opened, open_newsroom
from newsdesk.gui.i18n.core_text import refusal_text
from newsdesk.gui.i18n.language import install_translations
from newsdesk.gui.window_state import WindowState
from newsdesk.newsroom import Newsroom, ProbeRun
from newsdesk.newsroom.paths import DB_ENV, default_database_path, default_target, log_directory
from newsdesk.newsroom.team import is_server, readable_location

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
    from newsdesk.gui.people.first_run_dialog import FirstRunDialog  # a first run only

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


LAST_NEWSROOM_KEY = "newsroom/last"


def start_target(db_path: str | Path | None, settings: QSettings) -> str:
    """What to open: --db, else NEWSDESK_DB, else the newsroom last worked on, else
    the local newsroom in the data folder. Kept as text: a server URL is no path."""
    if db_path:
        return str(db_path)
    if os.environ.get(DB_ENV, "").strip():
        return str(default_target())
    last = str(settings.value(LAST_NEWSROOM_KEY, "", str) or "")
    return last or str(default_database_path())


def start(db_path: str | Path | None = None):
    """Open the window on the newsroom (the app's event loop is not run yet).

    Returns the MainWindow, or an exit code when there is nothing to show."""
    _log_to_file()
    application()
    settings = QSettings()
    install_translations(settings)  # before the first dialog the start may show
    target = start_target(db_path, settings)
    # The database is tried in a child process while the window's code is imported.
    probe: ProbeRun | None = Newsroom.begin_probe(target)
    import newsdesk.gui.main_window  # noqa: F401  (meanwhile)

    while True:
        try:
            opened = open_newsroom(target, probe=probe)
        except Cancelled:
            return 0
        except NewsdeskError as exc:
            log.error("cannot open %s: %s", readable_location(target), exc)
            if not is_server(target):
                QMessageBox.critical(
                    None,
                    QCoreApplication.translate("App", "newsdesk cannot use its database"),
                    refusal_text(exc),
                )
                return 1
            # The last newsroom may be out of reach: never a dead end.
            from newsdesk.gui.connect.choose import cannot_reach

            choice = cannot_reach(target, refusal_text(exc))
            if choice is None:
                return 1
            target, probe = choice, None
            continue
        person = _who(opened, settings)
        if person is None:
            opened.newsroom.close()
            return 0
        return make_window(opened, person, settings)


def _who(opened: Opened, settings: QSettings) -> str | None:
    """Who works: on a team base the login's person; on a file, remembered or asked."""
    if opened.person is not None:
        return opened.person
    try:
        return ensure_user(opened.newsroom, settings)
    except NewsdeskError as exc:  # a first run on a database that cannot be written
        QMessageBox.critical(
            None, QCoreApplication.translate("App", "newsdesk cannot start"), refusal_text(exc)
        )
        return None


def make_window(opened: Opened, person: str, settings: QSettings):
    """The main window on an opened newsroom, with File › Connect… and Open local…"""
    from newsdesk.gui.main_window import MainWindow

    window = MainWindow(
        opened.newsroom,
        opened.target,
        person,
        settings,
        read_only=opened.read_only,
        first_screen=opened.first_screen,
    )
    identity.attach(window)
    settings.setValue(LAST_NEWSROOM_KEY, readable_location(opened.target))
    window.actions.connect_server.triggered.connect(
        lambda: _switch(window, settings, lambda: _choose().ask_server(window, settings))
    )
    window.actions.open_local.triggered.connect(
        lambda: _switch(window, settings, lambda: _choose().ask_local_file(window, opened.target))
    )
    window.show()
    _CURRENT[0] = window
    return window


def _choose():
    """File › Connect… and Open local…'s dialogs, imported when first asked for."""
    from newsdesk.gui.connect import choose

    return choose


# The window on screen: File › Connect… replaces it by one on another newsroom.
_CURRENT: list = [None]


def _switch(window, settings: QSettings, choose) -> None:
    target = choose()
    if not target:
        return
    try:
        opened = open_newsroom(target, window)
    except Cancelled:
        return
    except NewsdeskError as exc:
        QMessageBox.warning(
            window,
            QCoreApplication.translate("App", "newsdesk cannot open that newsroom"),
            refusal_text(exc),
        )
        return
    person = _who(opened, settings)
    if person is None:
        opened.newsroom.close()
        return
    app = QApplication.instance()
    quits = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # between the two windows, none is open
    try:
        if not window.close():  # the open article could not be left (its save refused)
            opened.newsroom.close()
            return
        window.newsroom.close()
        window.deleteLater()
        make_window(opened, person, settings)
    finally:
        app.setQuitOnLastWindowClosed(quits)


def run(db_path: str | Path | None = None) -> int:
    window = start(db_path)
    if isinstance(window, int):
        return window
    code = QApplication.instance().exec()
    _CURRENT[0].newsroom.close()
    return code
