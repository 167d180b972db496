"""Importing from the app: choose files (or drop them on the list), read them on the
worker, show the preview, and import what the person kept, again on the worker.

The reading and the writing never run on the UI thread: a Word file with pictures,
or a dozen files dropped at once, take a moment the window does not wait for.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QStatusBar, QWidget

from newsdesk.domain.article import Person
from newsdesk.gui.i18n.core_text import refusal_text
from newsdesk.gui.i18n.language import speaks_english
from newsdesk.gui.importing.preview_dialog import ImportPreviewDialog
from newsdesk.gui.ops.worker import DatabaseWorker
from newsdesk.newsroom.importing import FilePreview, ImportOutcome, import_previews, preview_files

log = logging.getLogger(__name__)

FOLDER_KEY = "import/folder"
FILE_FILTER = QT_TRANSLATE_NOOP(
    "ImportController",
    "Article files (*.txt *.md *.markdown *.json *.docx);;"
    "Text pages (*.txt);;Markdown (*.md *.markdown);;ninjs (*.json);;Word (*.docx);;"
    "All files (*)",
)


class ImportController(QObject):
    imported = Signal(list)  # list[Article]: what the import made, in file order

    def __init__(
        self,
        worker: DatabaseWorker,
        *,
        person: Callable[[], Person],
        refusal: Callable[[], str],
        settings: QSettings,
        status_bar: QStatusBar,
        parent_widget: QWidget,
    ) -> None:
        super().__init__(parent_widget)
        self._worker = worker
        self._person = person
        self._refusal = refusal
        self._settings = settings
        self._status = status_bar
        self._parent = parent_widget
        self.dialog: ImportPreviewDialog | None = None
        self.message_box: QMessageBox | None = None

    def choose_files(self) -> None:
        """File › Import…: pick files, then the preview."""
        if self._refused():
            return
        folder = str(self._settings.value(FOLDER_KEY, str(Path.home()), str))
        names, _filter = QFileDialog.getOpenFileNames(
            self._parent,
            QCoreApplication.translate("ImportController", "Import article files"),
            folder,
            QCoreApplication.translate("ImportController", FILE_FILTER),
        )
        if names:
            self._settings.setValue(FOLDER_KEY, str(Path(names[0]).parent))
            self.preview([Path(name) for name in names])

    def preview(self, paths: Sequence[Path]) -> None:
        """Read `paths` on the worker and show what they would become."""
        if not paths or self._refused():
            return
        files = list(paths)
        self._status.showMessage(
            QCoreApplication.translate(
                "ImportController", "Reading {count} file(s) to import…"
            ).format(count=len(files))
        )
        self._worker.submit(
            lambda newsroom: preview_files(newsroom, files),
            self._show_preview,
            lambda exc: self._tell(
                QCoreApplication.translate("ImportController", "Cannot read the files"),
                refusal_text(exc),
            ),
        )

    def _show_preview(self, previews: list[FilePreview]) -> None:
        self._status.clearMessage()
        dialog = ImportPreviewDialog(previews, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._import(dialog.chosen()))
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def _import(self, previews: list[FilePreview]) -> None:
        if not previews or self._refused():
            return
        actor = self._person().name
        self._status.showMessage(
            QCoreApplication.translate("ImportController", "Importing {count} file(s)…").format(
                count=len(previews)
            )
        )
        self._worker.submit(
            lambda newsroom: import_previews(newsroom, previews, actor=actor),
            self._on_imported,
            lambda exc: self._tell(
                QCoreApplication.translate("ImportController", "The import failed"),
                refusal_text(exc),
            ),
        )

    def _on_imported(self, outcomes: list[ImportOutcome]) -> None:
        made = [o.article for o in outcomes if o.article is not None]
        refused = [o.refused for o in outcomes if o.article is None]
        if speaks_english():
            noun = "article" if len(made) == 1 else "articles"
            done = f"Imported {len(made)} {noun}"
        else:
            done = QCoreApplication.translate(
                "ImportController", "Imported {count} articles"
            ).format(count=len(made))
        self._status.showMessage(done, 8000)
        if refused:
            self._tell(
                QCoreApplication.translate("ImportController", "Some files were not imported"),
                done
                + QCoreApplication.translate(
                    "ImportController", ". Not imported (nothing of them was saved):"
                )
                + "\n\n"
                + "\n".join(refused),
            )
        self.imported.emit(made)

    def _refused(self) -> bool:
        why = self._refusal()
        if why:
            self._tell(QCoreApplication.translate("ImportController", "Cannot import"), why)
        return bool(why)

    def _tell(self, title: str, text: str) -> None:
        self._status.clearMessage()
        log.warning("%s: %s", title, text)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok)
        box.setParent(self._parent, box.windowFlags())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
