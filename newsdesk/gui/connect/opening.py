"""Opening a newsroom from the app: off the UI thread (a server may take seconds to
answer, or not answer at all), asking for a password only when the server wants one
that libpq's own places (PGPASSWORD, ~/.pgpass) and the system keyring did not hold,
and keeping it where the person asked."""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from newsdesk.domain.errors import NewsdeskError, StorageError
from newsdesk.gui.connect import session_passwords
from newsdesk.gui.connect.password_dialog import KeepIn, PasswordDialog
from newsdesk.gui.i18n.core_text import refusal_text
from newsdesk.gui.list.first_screen import FirstScreen, read_start_screen
from newsdesk.newsroom import Newsroom, ProbeRun, credentials
from newsdesk.newsroom.team import is_server, readable_location

log = logging.getLogger(__name__)

SHOW_PROGRESS_AFTER_MS = 400


class Cancelled(Exception):
    """The person stopped waiting (or would not give a password)."""


@dataclasses.dataclass
class Opened:
    newsroom: Newsroom
    target: str
    # On a server: the login's person (who the app works as); on a file: None (asked).
    person: str | None
    # A file that can be read but not written: why (the window opens read-only).
    read_only: str = ""
    # The list's first screen, read with the opening (the window paints it at once).
    first_screen: FirstScreen | None = None


def run_off_ui_thread(
    work: Callable[[], Any],
    *,
    parent: QWidget | None,
    text: str,
    discard: Callable[[Any], None] | None = None,
) -> Any:
    """`work()` on a thread of its own while the UI goes on; a busy dialog with Cancel
    shows when it takes a while. Returns its value or raises its exception; Cancelled
    when the person gave up (what `work` still returns then goes to `discard`)."""
    done = threading.Event()
    box: dict[str, Any] = {}
    given_up = threading.Event()

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the UI thread as it is
            box["error"] = exc
        finally:
            done.set()
            if given_up.is_set() and "value" in box and discard is not None:
                discard(box["value"])

    threading.Thread(target=run, name="newsdesk-open", daemon=True).start()
    loop = QEventLoop()
    progress = QProgressDialog(text, QCoreApplication.translate("Connect", "Cancel"), 0, 0, parent)
    progress.setWindowTitle("newsdesk")
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
    progress.setAutoClose(False)
    progress.setValue(0)
    cancelled: list[bool] = []
    progress.canceled.connect(lambda: (cancelled.append(True), loop.quit()))
    poll = QTimer(interval=10)
    poll.timeout.connect(lambda: done.is_set() and loop.quit())
    poll.start()
    if not done.is_set():
        loop.exec()
    poll.stop()
    progress.reset()
    progress.deleteLater()
    if cancelled and not done.is_set():
        given_up.set()
        if done.is_set() and "value" in box and discard is not None:
            discard(box["value"])  # it finished just as the person gave up
        raise Cancelled()
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _close(opened: Opened | Newsroom) -> None:
    (opened.newsroom if isinstance(opened, Opened) else opened).close()


def open_newsroom(
    target: str, parent: QWidget | None = None, *, probe: ProbeRun | None = None
) -> Opened:
    """The newsroom at `target`, ready for the window. Raises NewsdeskError (to show)
    or Cancelled. `probe`: Newsroom.begin_probe(target), started earlier."""
    target = str(target)
    where = readable_location(target)
    if not is_server(target):

        def open_file() -> Opened:
            # Tried in a child process first: a file system that cannot map SQLite's
            # shared memory kills the process that touches it.
            access = probe.result() if probe is not None else Newsroom.probe(target)
            if access.problem:
                raise StorageError(access.problem)
            room = Newsroom.open(target)
            return Opened(room, target, None, access.read_only, read_start_screen(room))

        return run_off_ui_thread(
            open_file,
            parent=parent,
            text=QCoreApplication.translate("Connect", "Opening {where}…").format(where=where),
            discard=_close,
        )
    password = run_off_ui_thread(
        lambda: credentials.keyring_password(target),
        parent=parent,
        text=QCoreApplication.translate("Connect", "Reading the keyring…"),
    )
    from_keyring = password is not None
    keep = KeepIn.NOWHERE
    problem = ""
    while True:
        asked: list[str] = []

        def ask(prompt: str, _given=password, _asked=asked) -> str | None:
            _asked.append(prompt)
            return _given

        def work(ask=ask) -> Opened:
            room = Newsroom.open(target, ask_password=ask)
            try:
                # The login is the person: resolved here, off the UI thread too.
                person = room.person(None).name if room.login is not None else None
            except BaseException:
                room.close()
                raise
            return Opened(room, target, person, first_screen=read_start_screen(room))

        try:
            opened = run_off_ui_thread(
                work,
                parent=parent,
                text=QCoreApplication.translate("Connect", "Connecting to {where}…").format(
                    where=where
                ),
                discard=_close,
            )
        except NewsdeskError as exc:
            if not asked:
                raise
            if password is not None:
                problem = QCoreApplication.translate(
                    "Connect", "The server refused this password. Type it again."
                )
                log.info("login refused at %s: %s", where, exc)
                if from_keyring:
                    credentials.forget_in_keyring(target)  # it no longer works
                    from_keyring = False
            dialog = PasswordDialog(
                asked[-1],
                problem=problem,
                keyring_problem=credentials.keyring_problem(),
                pgpass=str(credentials.pgpass_path()),
                parent=parent,
            )
            if dialog.exec() != PasswordDialog.DialogCode.Accepted:
                raise Cancelled() from None
            password, keep = dialog.password(), dialog.keep_in()
            continue
        if password and asked:
            session_passwords.keep(target, password)  # for the window's other connections
            if not from_keyring:
                _keep(target, password, keep, parent)
        return opened


def _keep(target: str, password: str, keep: KeepIn, parent: QWidget | None) -> None:
    try:
        if keep is KeepIn.KEYRING:
            credentials.keep_in_keyring(target, password)
        elif keep is KeepIn.PGPASS:
            credentials.keep_in_pgpass(target, password)
    except NewsdeskError as exc:
        # Connected all the same: the password is only not kept for next time.
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Connect", "The password was not kept"),
            refusal_text(exc),
        )
