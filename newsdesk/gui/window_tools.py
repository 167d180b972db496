"""The window's commands beside the open article: importing files (File › Import…,
or files dropped on the list), the people of the newsroom (File › People…), why an
action is unavailable (Help, Shift+F1), and what the status bar says of the window
itself (folded panes, backups). MainWindow makes one and forgets it."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from newsdesk.domain.article import Article
from newsdesk.gui.i18n.said_text import said_text
from newsdesk.gui.window_warm_up import warm_up
from newsdesk.gui.workflow.refusals import create_refusal

if TYPE_CHECKING:
    from newsdesk.gui.importing.controller import ImportController
    from newsdesk.gui.main_window import MainWindow
    from newsdesk.gui.people.people_dialog import PeopleDialog

log = logging.getLogger(__name__)


class WindowTools(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        a = window.actions
        self._importer: ImportController | None = None
        a.import_files.triggered.connect(lambda: self.importer.choose_files())
        window.list_panel.files_dropped.connect(lambda paths: self.importer.preview(paths))
        # Importing makes articles: allowed exactly when starting one is.
        a.new.changed.connect(self._follow_new_action)
        self._follow_new_action()
        self.people_dialog: PeopleDialog | None = None
        a.people.triggered.connect(self.show_people)
        # What the status bar says of the window itself.
        status = window.statusBar()
        window.panes.too_narrow.connect(lambda text: status.showMessage(text, 8000))
        window.guard.backed_up.connect(self._on_guard_backed_up)
        window.guard.backup_failed.connect(
            lambda message: status.showMessage(
                QCoreApplication.translate("WindowTools", "Backup failed: {reason}").format(
                    reason=said_text(message)
                ),
                15000,
            )
        )
        a.why.triggered.connect(self._show_unavailable)
        # The dialogs above are imported when first used, or once the list is painted.
        window.list_panel.first_paint.painted.connect(lambda: warm_up())

    @property
    def importer(self) -> ImportController:
        """Made on first use: File › Import…, or files dropped on the list."""
        if self._importer is None:
            from newsdesk.gui.importing.controller import ImportController

            window = self._window
            # Imports read and write on the long-jobs thread: saves never queue behind.
            self._importer = ImportController(
                window.background,
                person=lambda: window.user,
                refusal=self.import_refusal,
                settings=window.settings,
                status_bar=window.statusBar(),
                parent_widget=window,
            )
            self._importer.imported.connect(self._on_imported)
        return self._importer

    def _show_unavailable(self) -> None:
        from newsdesk.gui.unavailable_dialog import show_unavailable

        bar = self._window.workflow_bar
        show_unavailable(self._window, [*bar.buttons.values(), bar.history_button])

    def import_refusal(self) -> str:
        window = self._window
        return window.controller.unwritable or create_refusal(window.user)

    def _follow_new_action(self) -> None:
        a = self._window.actions
        a.import_files.setEnabled(a.new.isEnabled())
        why = self.import_refusal()
        a.import_files.setToolTip(why or a.import_files.statusTip())

    def show_people(self) -> None:
        from newsdesk.gui.people.people_dialog import PeopleDialog, manage_refusal

        window = self._window
        if self.people_dialog is not None:
            self.people_dialog.close()
        self.people_dialog = PeopleDialog(
            window.worker,
            window.hub,
            actor=lambda: window.user.name,
            manage_refusal=manage_refusal(window.newsroom.login),
            parent=window,
        )
        self.people_dialog.show()

    def _on_guard_backed_up(self, path: str, at_start: bool) -> None:
        # The backup every start makes is routine: the log has it. Saying so in the
        # status bar was the first thing a new user read, before anything of theirs.
        if at_start:
            log.info("backed up at start to %s", path)
        else:
            self._window.statusBar().showMessage(
                QCoreApplication.translate("WindowTools", "Backed up to {path}").format(path=path),
                5000,
            )

    def _on_imported(self, articles: list[Article]) -> None:
        if articles:
            self._window.controller.open_article(articles[0].id)
