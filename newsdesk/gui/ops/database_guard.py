"""Keeps the newsroom database safe while the app runs.

On start it runs SQLite's quick_check and a backup, both on the worker thread; then
it backs up every few minutes while the newsroom changes. A damaged database is
reported once, with the newest backup to restore, and the window stops writing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from newsdesk.domain.errors import SERVER_PASSING_TROUBLE, named
from newsdesk.domain.said import said_of
from newsdesk.gui.ops.worker import DatabaseWorker
from newsdesk.newsroom import Newsroom

if TYPE_CHECKING:
    from newsdesk.newsroom.backups import AutoBackup, NoAutoBackup

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 60_000  # how often to ask the policy; it backs up every `every` at most


class DatabaseGuard(QObject):
    # Why, as str (a Said when the core named it: the app says it in its language).
    damaged = Signal(object)  # what is wrong and which backup to restore
    backup_failed = Signal(object)
    backed_up = Signal(str, bool)  # path of the new backup; whether it is the start's

    def __init__(self, worker: DatabaseWorker, db_path: str | Path, parent=None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._db_path = db_path
        # Made by start(), after the first paint: the backup code (about 5 ms of
        # imports) is not on the path to the window.
        self._policy: AutoBackup | NoAutoBackup | None = None
        self._stopped = False
        self._damage: str | None = None
        self._timer = QTimer(self, interval=CHECK_EVERY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def damage(self) -> str | None:
        return self._damage

    def start(self) -> None:
        """Check the database, then back it up (both on the worker)."""
        from newsdesk.newsroom.backups import auto_backup

        self._policy = policy = auto_backup(self._db_path)
        if self._stopped:
            policy.cancel()  # the window closed first: its backup stops at once

        def check_then_back_up(newsroom: Newsroom) -> tuple[str | None, Path | None]:
            newsroom.verify()
            if newsroom.damaged:
                return newsroom.damaged, None
            return None, self._unless_closing(policy.on_start)

        self._worker.submit(
            check_then_back_up,
            lambda result: self._on_checked(result, at_start=True),
            self._on_backup_failed,
        )
        self._timer.start()

    def stop(self) -> None:
        """The window closes: no more backups, and one under way stops (so closing
        does not wait for a copy of the whole file)."""
        self._timer.stop()
        self._stopped = True
        if self._policy is not None:
            self._policy.cancel()

    def recheck(self, then: Callable[[str | None], None] | None = None) -> None:
        """Look again (after a failed save, say): damage is reported, once; `then`
        hears what was found (None: nothing wrong with the database itself)."""

        def check(newsroom: Newsroom) -> tuple[str | None, None]:
            newsroom.verify()
            return newsroom.damaged, None

        def checked(result: tuple[str | None, Path | None]) -> None:
            self._on_checked(result)
            if then is not None:
                then(result[0])

        def failed(exc: Exception) -> None:
            # Busy for a while (a colleague's long write), or the server out of reach
            # (the offline bar says so, and the text is kept until it is back): the
            # database itself may be fine, so this is no damage.
            if "locked" in str(exc) or named(exc, SERVER_PASSING_TROUBLE):
                log.warning("database check postponed: %s", exc)
                if then is not None:
                    then(None)
                return
            # Not even the check could read it: it is unusable, whatever the cause.
            why = said_of(exc) or str(exc)
            self._report_damage(why)
            if then is not None:
                then(why)

        self._worker.submit(check, checked, failed)

    def _on_checked(
        self, result: tuple[str | None, Path | None], *, at_start: bool = False
    ) -> None:
        damage, backup = result
        if damage:
            self._report_damage(damage)
        elif backup is not None:
            self.backed_up.emit(str(backup), at_start)

    def _on_timer_timeout(self) -> None:
        policy = self._policy
        if self._damage or policy is None:  # damaged, or not started
            return

        def back_up(newsroom: Newsroom) -> tuple[str | None, Path | None]:
            if newsroom.damaged:
                return newsroom.damaged, None
            return None, self._unless_closing(policy.maybe_backup)

        self._worker.submit(back_up, self._on_checked, self._on_backup_failed)

    @staticmethod
    def _unless_closing(back_up: Callable[[], Path | None]) -> Path | None:
        # On the worker: a backup stopped because the window closes is no failure, so
        # it is not reported, nor logged as a failed job with its traceback.
        from newsdesk.newsroom.backups import BackupCancelled

        try:
            return back_up()
        except BackupCancelled:
            log.info("the backup under way was stopped: the window closes")
            return None

    def _on_backup_failed(self, exc: Exception) -> None:
        log.warning("automatic backup failed: %s", exc)
        self.backup_failed.emit(said_of(exc) or str(exc))
        self.recheck()  # a backup refused because the database is damaged says so here

    def _report_damage(self, message: str) -> None:
        if self._damage is None:
            self._damage = message
            self._timer.stop()
            self.damaged.emit(message)
