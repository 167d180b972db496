"""The web team's export: the articles ready for the site into a folder, then published.

The dialog lists the articles ready for the site (approved and published; the queue of
approved ones not yet exported is marked). Choosing the folder and the formats shows
what the export would change there since the last export (a diff of each page, see
diff_view.py), before anything is written. Export runs on the database worker with a
progress bar and records an `export` event per article written (jobs.py); then the
exported approved articles can be marked published in one step.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import (
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from newsdesk.domain.article import Article, Person
from newsdesk.gui.export.diff_view import change_text, changes_summary, diff_view, state_text
from newsdesk.gui.export.jobs import (
    Candidates,
    ExportOutcome,
    ProgressRelay,
    load_candidates,
    mark_published,
    run_export,
)
from newsdesk.gui.export.labels import COLUMNS, format_title
from newsdesk.gui.i18n.core_text import refusal_text, status_name
from newsdesk.gui.ops.worker import DatabaseWorker
from newsdesk.newsroom import Newsroom
from newsdesk.publish.export.bundle import FORMAT_FILES, ExportProgress
from newsdesk.publish.export.changes import ChangeState, PageChange, export_changes

log = logging.getLogger(__name__)

FOLDER_KEY = "export/folder"
FORMATS_KEY = "export/formats"
CHANGES_DELAY_MS = 250
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportOutcome

    def __init__(
        self,
        worker: DatabaseWorker,
        person: Person,
        *,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export for the site"))
        self._worker = worker
        self._person = person
        self._settings = settings
        self._articles: dict[int, Article] = {}
        self._waiting: frozenset[int] = frozenset()
        self.changes: dict[int | None, PageChange] = {}
        self._changes_generation = 0
        self._cancel = threading.Event()
        self._relay = ProgressRelay(self)
        self._relay.step.connect(self._on_progress)
        self.outcome: ExportOutcome | None = None
        self.exporting = False

        self.folder_edit = QLineEdit()
        self.folder_edit.setAccessibleName(self.tr("Export folder"))
        self.folder_edit.setPlaceholderText(self.tr("The site folder (created if missing)"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.setAccessibleName(self.tr("Choose the export folder"))
        self.format_boxes: dict[str, QCheckBox] = {}
        formats_box = QGroupBox(self.tr("Formats"))
        formats_layout = QHBoxLayout(formats_box)
        for fmt in FORMAT_FILES:
            box = QCheckBox(format_title(fmt))
            box.setAccessibleName(format_title(fmt))
            pattern = FORMAT_FILES[fmt].format(slug=self.tr("ADDRESS"))
            box.setToolTip(self.tr("Writes {pattern} per article").format(pattern=pattern))
            self.format_boxes[fmt] = box
            formats_layout.addWidget(box)
        self.fragment_box = QCheckBox(self.tr("HTML: article part only"))
        self.fragment_box.setToolTip(
            self.tr("For pasting into a content system: the article, without page frame")
        )
        formats_layout.addWidget(self.fragment_box)
        formats_layout.addStretch(1)

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Articles to export"))
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([self.tr(column) for column in COLUMNS])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.diff_view = diff_view()
        self.queue_label = QLabel()
        self.queue_label.setAccessibleName(self.tr("Articles ready for the site"))
        self.changes_label = QLabel()
        self.changes_label.setAccessibleName(self.tr("Changes since the last export"))
        self.changes_label.setWordWrap(True)

        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.setTextVisible(True)
        self.progress.setValue(0)
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Export status"))
        self.status_label.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setAccessibleName(self.tr("Export"))
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.setAccessibleName(self.tr("Stop the export"))
        self.cancel_button.setEnabled(False)
        self.publish_button = QPushButton(self.tr("Mark published"))
        self.publish_button.setAccessibleName(self.tr("Mark the exported articles published"))
        self.publish_button.setEnabled(False)
        self.publish_button.setToolTip(
            self.tr("Export first; then mark the approved articles published")
        )
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Folder")))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        lists = QSplitter(Qt.Orientation.Horizontal)
        tree_box = QWidget()
        tree_layout = QVBoxLayout(tree_box)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        tree_layout.addWidget(self.queue_label)
        tree_layout.addWidget(self.tree, 1)
        lists.addWidget(tree_box)
        diff_box = QWidget()
        diff_layout = QVBoxLayout(diff_box)
        diff_layout.setContentsMargins(0, 0, 0, 0)
        diff_layout.addWidget(self.changes_label)
        diff_layout.addWidget(self.diff_view, 1)
        lists.addWidget(diff_box)
        lists.setSizes([480, 640])
        lists.setChildrenCollapsible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.publish_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(folder_row)
        layout.addWidget(formats_box)
        layout.addWidget(lists, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.resize(1160, 680)

        self._changes_timer = QTimer(self, singleShot=True, interval=CHANGES_DELAY_MS)
        self._changes_timer.timeout.connect(self.refresh_changes)
        self._restore_choices()
        self.folder_edit.textChanged.connect(self._on_choice_changed)
        for box in (*self.format_boxes.values(), self.fragment_box):
            box.toggled.connect(self._on_choice_changed)
        self.tree.itemChanged.connect(lambda *_: self._on_choice_changed())
        self.tree.currentItemChanged.connect(lambda *_: self._show_diff())
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self._cancel.set)
        self.publish_button.clicked.connect(self.publish)
        self._update_buttons()
        self.load()
        # The keyboard starts on the action the dialog is for (Enter exports), or on the
        # folder when there is nothing to export yet; never on Close.
        (self.export_button if self.export_button.isEnabled() else self.folder_edit).setFocus()

    # -- choices ------------------------------------------------------------------------

    def formats(self) -> list[str]:
        return [fmt for fmt, box in self.format_boxes.items() if box.isChecked()]

    def folder(self) -> str:
        return self.folder_edit.text().strip()

    def checked_ids(self) -> list[int]:
        ids = []
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            checkable = bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable)
            if checkable and item.checkState(0) == Qt.CheckState.Checked:
                ids.append(item.data(0, ID_ROLE))
        return ids

    def item_of(self, article_id: int) -> QTreeWidgetItem | None:
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item.data(0, ID_ROLE) == article_id:
                return item
        return None

    def _restore_choices(self) -> None:
        folder = self._settings.value(FOLDER_KEY, "", str) if self._settings else ""
        saved = self._settings.value(FORMATS_KEY, "html", str) if self._settings else "html"
        chosen = {f for f in saved.split(",") if f in FORMAT_FILES} or {"html"}
        self.folder_edit.setText(folder)
        for fmt, box in self.format_boxes.items():
            box.setChecked(fmt in chosen)

    def _remember_choices(self) -> None:
        if self._settings is not None:
            self._settings.setValue(FOLDER_KEY, self.folder())
            self._settings.setValue(FORMATS_KEY, ",".join(self.formats()))

    def _on_choose_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export folder"), self.folder())
        if folder:
            self.folder_edit.setText(folder)

    def _on_choice_changed(self) -> None:
        self._update_buttons()
        self._changes_timer.start()

    def _update_buttons(self) -> None:
        reason = ""
        if self.exporting:
            reason = self.tr("An export is running")
        elif not self.folder():
            reason = self.tr("Choose the export folder first")
        elif not self.formats():
            reason = self.tr("Choose at least one format")
        elif self.fragment_box.isChecked() and "html" not in self.formats():
            reason = self.tr("The article-part option shapes HTML pages: add Site pages (HTML)")
        elif not self.checked_ids():
            reason = self.tr("Tick at least one article")
        self.export_button.setEnabled(not reason)
        self.export_button.setToolTip(
            reason or self.tr("Write the chosen articles into the folder")
        )
        self.cancel_button.setEnabled(self.exporting)

    # -- loading and comparing ------------------------------------------------------------

    def load(self) -> None:
        person = self._person
        self.queue_label.setText(self.tr("Reading the articles ready for the site…"))
        self._worker.submit(
            lambda newsroom: load_candidates(newsroom, person),
            self._on_candidates,
            lambda exc: self.queue_label.setText(
                self.tr("The articles could not be read: {reason}").format(reason=refusal_text(exc))
            ),
        )

    def _on_candidates(self, candidates: Candidates) -> None:
        self._articles = {a.id: a for a in candidates.articles}
        self._waiting = candidates.waiting
        blocked = self.tree.blockSignals(True)
        self.tree.clear()
        for article in candidates.articles:
            queued = article.id in candidates.waiting
            item = QTreeWidgetItem(
                [
                    f"#{article.id} {article.title}",
                    status_name(article.status),
                    "",
                    self.tr("waiting") if queued else "",
                ]
            )
            item.setData(0, ID_ROLE, article.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setToolTip(
                3, self.tr("Approved, not yet exported at this revision") if queued else ""
            )
            self.tree.addTopLevelItem(item)
        self.tree.blockSignals(blocked)
        for column in range(1, len(COLUMNS)):
            self.tree.resizeColumnToContents(column)
        queue = len(candidates.waiting)
        self.queue_label.setText(
            self.tr("%n article(s) ready for the site", "", len(candidates.articles))
            + self.tr("; {waiting} waiting to be exported.").format(waiting=queue)
            if candidates.articles
            else self.tr("No article is approved or published: nothing to export.")
        )
        self._update_buttons()
        self.refresh_changes()

    def refresh_changes(self) -> None:
        """Work out (on the worker) what an export of the ticked articles would change."""
        self._changes_timer.stop()
        folder, formats = self.folder(), self.formats()
        ids = self.checked_ids()
        self._changes_generation += 1
        generation = self._changes_generation
        if not folder or not formats or (self.fragment_box.isChecked() and "html" not in formats):
            self._show_changes(generation, [])
            self.changes_label.setText(
                self.tr("Choose a folder and formats to see what changes there.")
            )
            return
        articles = [self._articles[i] for i in ids if i in self._articles]
        fragment = self.fragment_box.isChecked()

        def compare(newsroom: Newsroom) -> list[PageChange]:
            return export_changes(
                articles,
                folder,
                site=newsroom.site(),
                vocabulary=newsroom.vocabulary(),
                formats=formats,
                fragment=fragment,
            )

        self.changes_label.setText(self.tr("Comparing with the folder…"))
        self._worker.submit(
            compare,
            lambda changes: self._show_changes(generation, changes),
            lambda exc: self.changes_label.setText(
                self.tr("Cannot compare with the folder: {reason}").format(reason=refusal_text(exc))
            ),
        )

    def _show_changes(self, generation: int, changes: list[PageChange]) -> None:
        if generation != self._changes_generation:
            return
        self.changes = {c.article_id: c for c in changes}
        blocked = self.tree.blockSignals(True)
        for row in reversed(range(self.tree.topLevelItemCount())):
            item = self.tree.topLevelItem(row)
            if not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                self.tree.takeTopLevelItem(row)  # a dropped row of an older comparison
                continue
            change = self.changes.get(item.data(0, ID_ROLE))
            item.setText(2, state_text(change.state) if change else "")
        for change in changes:
            if change.state is ChangeState.DROPPED:
                item = QTreeWidgetItem(
                    [f"#{change.article_id} {change.slug}", "", state_text(change.state), ""]
                )
                item.setData(0, ID_ROLE, change.article_id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(
                    2, self.tr("In the folder's last export but not in this one: its files stay")
                )
                self.tree.addTopLevelItem(item)
        self.tree.blockSignals(blocked)
        self.tree.resizeColumnToContents(2)
        self.changes_label.setText(changes_summary(changes))
        self._show_diff()

    def _show_diff(self) -> None:
        item = self.tree.currentItem()
        change = self.changes.get(item.data(0, ID_ROLE)) if item is not None else None
        self.diff_view.setPlainText(change_text(change))

    # -- exporting ------------------------------------------------------------------------

    def start_export(self) -> None:
        ids, folder, formats = self.checked_ids(), self.folder(), self.formats()
        if not ids or not folder or not formats:
            return
        self._remember_choices()
        self._cancel.clear()
        self.exporting = True
        self.publish_button.setEnabled(False)
        self.progress.setRange(0, len(ids))
        self.progress.setValue(0)
        self.status_label.setText(self.tr("Exporting…"))
        self._update_buttons()
        relay, cancel, actor = self._relay, self._cancel, self._person.name
        fragment = self.fragment_box.isChecked()
        self._worker.submit(
            lambda newsroom: run_export(
                newsroom,
                ids,
                folder,
                actor=actor,
                formats=formats,
                fragment=fragment,
                report=relay.step.emit,
                cancel=cancel,
            ),
            self._on_exported,
            self._on_export_failed,
        )

    def _on_progress(self, step: ExportProgress) -> None:
        self.progress.setRange(0, max(step.total, 1))
        self.progress.setValue(step.done)
        self.progress.setFormat(f"%v/%m {step.current}")

    def _on_exported(self, outcome: ExportOutcome) -> None:
        self.exporting = False
        self.outcome = outcome
        self._update_buttons()
        if outcome.cancelled:
            self.status_label.setText(
                self.tr("Stopped: nothing was written, the folder is as it was.")
            )
            self.progress.setValue(0)
            return
        self.progress.setValue(self.progress.maximum())
        lines = [
            self.tr("Exported %n article(s) to {folder}:", "", len(outcome.exported)).format(
                folder=Path(outcome.folder)
            )
            + self.tr(" %n file(s) written,", "", outcome.files_written)
            + self.tr(" %n article(s) unchanged.", "", outcome.unchanged)
        ]
        if outcome.skipped:
            lines.append(
                self.tr("Skipped (no longer ready): {articles}").format(
                    articles="; ".join(outcome.skipped)
                )
            )
        count = len(outcome.publishable)
        if count:
            lines.append(self.tr("%n approved article(s) can now be marked published.", "", count))
        self.status_label.setText("\n".join(lines))
        self.publish_button.setEnabled(bool(count))
        self.publish_button.setText(
            self.tr("Mark %n published", "", count) if count else self.tr("Mark published")
        )
        self.publish_button.setToolTip(
            self.tr("Record that the exported approved articles are on the site")
            if count
            else self.tr("No exported article is waiting to be marked published")
        )
        self.exported.emit(outcome)
        self.refresh_changes()

    def _on_export_failed(self, exc: Exception) -> None:
        self.exporting = False
        self._update_buttons()
        self.progress.setValue(0)
        self.status_label.setText(
            self.tr("Not exported: {reason}").format(reason=refusal_text(exc))
        )

    def publish(self) -> None:
        outcome = self.outcome
        if outcome is None or not outcome.publishable:
            return
        ids, actor = list(outcome.publishable), self._person.name
        exported = {i: outcome.revisions[i] for i in ids}
        self.publish_button.setEnabled(False)
        self._worker.submit(
            lambda newsroom: mark_published(newsroom, exported, actor),
            lambda refusals: self._on_published(ids, refusals),
            lambda exc: self.status_label.setText(
                self.tr("Not marked published: {reason}").format(reason=refusal_text(exc))
            ),
        )

    def _on_published(self, ids: list[int], refusals: list[str]) -> None:
        done = len(ids) - len(refusals)
        text = self.tr("Marked %n article(s) published.", "", done)
        if refusals:
            text += self.tr(" Not marked: {articles}").format(articles="; ".join(refusals))
        self.status_label.setText(text)
        if self.outcome is not None:
            self.outcome.publishable = []
        self.publish_button.setText(self.tr("Mark published"))
        self.load()  # what is ready (and what waits) changed with it

    def reject(self) -> None:
        if self.exporting:
            self._cancel.set()  # the worker stops at the next article; nothing is half-written
        super().reject()
