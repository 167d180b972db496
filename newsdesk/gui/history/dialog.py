"""An article's history: its revisions, any two side by side, restore, and the audit trail.

Restoring a revision never rewrites history: its content is saved as a new revision
(and, on an approved article, withdraws the approval like any edit). The audit trail
lists every event with who, what, when and the comment given. The dialog reads the
history again whenever the change hub reports a change to its article, made here or
at another desk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from newsdesk.domain.article import Article, AuditEvent, RevisionInfo
from newsdesk.domain.revision_diff import DiffSection, RowKind
from newsdesk.gui.i18n.core_text import (
    audit_action_name,
    refusal_text,
    revision_note,
    status_name,
    system_note,
)
from newsdesk.gui.ops.change_hub import ChangeHub
from newsdesk.gui.ops.worker import DatabaseWorker
from newsdesk.newsroom.changes import Changes

log = logging.getLogger(__name__)

# Translucent tints, so the palette's own base shows through on light and dark themes.
_REMOVED = QColor(220, 60, 60, 70)
_ADDED = QColor(40, 170, 80, 70)
_MARKERS = {RowKind.SAME: "", RowKind.CHANGED: "~", RowKind.REMOVED: "−", RowKind.ADDED: "+"}
_KIND_NAMES = {
    RowKind.SAME: QT_TRANSLATE_NOOP("HistoryDialog", "unchanged"),
    RowKind.CHANGED: QT_TRANSLATE_NOOP("HistoryDialog", "changed"),
    RowKind.REMOVED: QT_TRANSLATE_NOOP("HistoryDialog", "removed"),
    RowKind.ADDED: QT_TRANSLATE_NOOP("HistoryDialog", "added"),
}
# The core's names for the parts it compares and for the fields at the start of a line
# ("Headline: ..."), in the interface's language.
_SECTION_TITLES = {
    "Text": QT_TRANSLATE_NOOP("HistoryDialog", "Text"),
    "Credits": QT_TRANSLATE_NOOP("HistoryDialog", "Credits"),
}
_FIELD_LABELS = {
    "Kicker": QT_TRANSLATE_NOOP("HistoryDialog", "Kicker"),
    "Headline": QT_TRANSLATE_NOOP("HistoryDialog", "Headline"),
    "Section": QT_TRANSLATE_NOOP("HistoryDialog", "Section"),
    "Date": QT_TRANSLATE_NOOP("HistoryDialog", "Date"),
    "Source": QT_TRANSLATE_NOOP("HistoryDialog", "Source"),
    "Image": QT_TRANSLATE_NOOP("HistoryDialog", "Image"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryDialog", text)


def section_title(title: str) -> str:
    return _tr(_SECTION_TITLES[title]) if title in _SECTION_TITLES else title


def shown_line(text: str | None) -> str:
    """A line of a revision as the dialog shows it: its field's label translated."""
    if text is None:
        return ""
    label, colon, rest = text.partition(": ")
    if colon and label in _FIELD_LABELS:
        if label == "Image":
            alt = QCoreApplication.translate("HistoryDialog", "(alt: ")
            caption = QCoreApplication.translate("HistoryDialog", "; caption: ")
            rest = rest.replace("(alt: ", alt).replace("; caption: ", caption)
        shown = QCoreApplication.translate("HistoryDialog", "{field}: {value}")
        return shown.format(field=_tr(_FIELD_LABELS[label]), value=rest)
    return text


def _when(at) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


class SideBySideView(QTableWidget):
    """Two revisions in two columns, a row per line, tinted where they differ."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setAccessibleName(self.tr("Differences side by side"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(True)
        self.setShowGrid(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verticalHeader().setToolTip(self.tr("~ changed, − removed, + added"))
        # The corner heads the column of marks; there is nothing to select.
        self.setCornerButtonEnabled(False)
        corner = self.findChild(QAbstractButton)
        if corner is not None:
            corner.setAccessibleName(self.tr("Change marks"))
        self._rows: list[tuple[str | None, str | None, RowKind | None]] = []

    def set_sections(self, sections: list[DiffSection], left_label: str, right_label: str) -> None:
        self.clearSpans()
        self.setRowCount(0)
        self._rows = []
        self.setHorizontalHeaderLabels([left_label, right_label])
        markers: list[str] = []
        bold = QFont(self.font())
        bold.setBold(True)
        for section in sections:
            row = self.rowCount()
            self.insertRow(row)
            title = section_title(section.title)
            if not section.changed:
                title = self.tr("{section} (no change)").format(section=title)
            heading = QTableWidgetItem(title)
            heading.setFont(bold)
            heading.setBackground(self.palette().alternateBase())
            self.setItem(row, 0, heading)
            self.setSpan(row, 0, 1, 2)
            self._rows.append((section.title, section.title, None))
            markers.append("")
            for diff_row in section.rows:
                row = self.rowCount()
                self.insertRow(row)
                for column, text, tint in (
                    (0, diff_row.left, _REMOVED),
                    (1, diff_row.right, _ADDED),
                ):
                    item = QTableWidgetItem(shown_line(text))
                    item.setToolTip(_tr(_KIND_NAMES[diff_row.kind]))
                    if diff_row.kind is not RowKind.SAME and text is not None:
                        item.setBackground(QBrush(tint))
                    self.setItem(row, column, item)
                self._rows.append((diff_row.left, diff_row.right, diff_row.kind))
                markers.append(_MARKERS[diff_row.kind])
        self.setVerticalHeaderLabels(markers)
        self.resizeRowsToContents()

    def rows(self) -> list[tuple[str | None, str | None, RowKind | None]]:
        """(left, right, kind) per row as shown; section headings have kind None."""
        return list(self._rows)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resizeRowsToContents()  # wrapped lines need taller rows when narrower


class HistoryDialog(QDialog):
    restored = Signal(object)  # Article: the new revision made from an old one

    def __init__(
        self,
        worker: DatabaseWorker,
        article: Article,
        *,
        hub: ChangeHub,
        actor: Callable[[], str],
        restore_refusal: str = "",
        prepare: Callable[[], bool] = lambda: True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._article_id = article.id
        self._actor = actor
        self._restore_refusal = restore_refusal
        self._prepare = prepare
        self._generation = 0
        self.revisions: list[RevisionInfo] = []
        self.events: list[AuditEvent] = []
        self.message_box: QMessageBox | None = None
        self.setWindowTitle(
            self.tr("History of #{id} {headline}").format(id=article.id, headline=article.headline)
        )

        self.revisions_table = QTableWidget(0, 5)
        self.revisions_table.setAccessibleName(self.tr("Revisions"))
        self.revisions_table.setHorizontalHeaderLabels(
            [
                self.tr("Revision"),
                self.tr("Saved"),
                self.tr("By"),
                self.tr("Status"),
                self.tr("Note"),
            ]
        )
        self.revisions_table.verticalHeader().setVisible(False)
        self.revisions_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.revisions_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.revisions_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.revisions_table.horizontalHeader().setStretchLastSection(True)
        self.revisions_table.setAlternatingRowColors(True)
        self.a_combo = QComboBox()
        self.a_combo.setAccessibleName(self.tr("Older revision"))
        self.b_combo = QComboBox()
        self.b_combo.setAccessibleName(self.tr("Newer revision"))
        for combo in (self.a_combo, self.b_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setAccessibleName(self.tr("Restore the selected revision"))
        self.diff_view = SideBySideView()
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("History status"))
        self.compare_label = QLabel()
        self.compare_label.setAccessibleName(self.tr("Comparison"))

        compare = QHBoxLayout()
        compare.addWidget(QLabel(self.tr("Compare revision")))
        compare.addWidget(self.a_combo)
        compare.addWidget(QLabel(self.tr("with")))
        compare.addWidget(self.b_combo)
        compare.addWidget(self.compare_label, 1)
        compare.addWidget(self.restore_button)
        diff_box = QWidget()
        diff_layout = QVBoxLayout(diff_box)
        diff_layout.setContentsMargins(0, 0, 0, 0)
        diff_layout.addLayout(compare)
        diff_layout.addWidget(self.diff_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.revisions_table)
        splitter.addWidget(diff_box)
        splitter.setSizes([170, 430])
        splitter.setChildrenCollapsible(False)

        self.audit_tree = QTreeWidget()
        self.audit_tree.setAccessibleName(self.tr("Audit trail"))
        self.audit_tree.setColumnCount(6)
        self.audit_tree.setHeaderLabels(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("Action"),
                self.tr("Status"),
                self.tr("Revision"),
                self.tr("Comment"),
            ]
        )
        self.audit_tree.setRootIsDecorated(False)
        self.audit_tree.setWordWrap(True)
        self.audit_tree.setUniformRowHeights(False)
        self.audit_tree.setAlternatingRowColors(True)

        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, self.tr("Revisions"))
        self.tabs.addTab(self.audit_tree, self.tr("Audit trail"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.resize(980, 680)

        self.a_combo.currentIndexChanged.connect(self.compare)
        self.b_combo.currentIndexChanged.connect(self.compare)
        self.revisions_table.currentCellChanged.connect(lambda *_: self._update_restore())
        self.revisions_table.cellDoubleClicked.connect(self._on_revision_double_clicked)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        hub.changed.connect(self._on_hub_changed)
        self.load()

    # -- loading ------------------------------------------------------------------------

    def load(self) -> None:
        article_id = self._article_id
        self._worker.submit(
            lambda newsroom: (
                newsroom.revisions(article_id),
                newsroom.audit_events(article_id),
            ),
            self._on_loaded,
            lambda exc: self.status_label.setText(
                self.tr("The history could not be read: {reason}").format(reason=refusal_text(exc))
            ),
        )

    def _on_hub_changed(self, changes: Changes) -> None:
        if changes.touches(self._article_id):  # a revision, a status, an export, a note
            self.load()

    def _on_loaded(self, loaded: tuple[list[RevisionInfo], list[AuditEvent]]) -> None:
        # Read again after a change: what the user was comparing stays as chosen.
        kept = (self.a_combo.currentData(), self.b_combo.currentData(), self.selected_revision())
        self.revisions, self.events = loaded
        newest_first = list(reversed(self.revisions))
        self.revisions_table.setRowCount(len(newest_first))
        for row, info in enumerate(newest_first):
            cells = [
                str(info.revision),
                _when(info.saved_at),
                info.saved_by,
                status_name(info.status),
                revision_note(info.note),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, info.revision)
                self.revisions_table.setItem(row, column, item)
        self.revisions_table.resizeColumnsToContents()
        self.revisions_table.horizontalHeader().setSectionResizeMode(
            4, QHeaderView.ResizeMode.Stretch
        )
        for combo in (self.a_combo, self.b_combo):
            blocked = combo.blockSignals(True)
            combo.clear()
            for info in self.revisions:
                combo.addItem(f"{info.revision} ({info.saved_by})", info.revision)
            combo.blockSignals(blocked)
        count = len(self.revisions)
        known = [info.revision for info in self.revisions]
        a, b, selected = kept
        if a in known and b in known:
            self.a_combo.setCurrentIndex(self.a_combo.findData(a))
            self.b_combo.setCurrentIndex(self.b_combo.findData(b))
        else:
            self.a_combo.setCurrentIndex(max(count - 2, 0))
            self.b_combo.setCurrentIndex(max(count - 1, 0))
        if selected in known:
            self.revisions_table.selectRow(list(reversed(known)).index(selected))
        elif count:
            self.revisions_table.selectRow(min(1, count - 1))
        self._fill_audit()
        self._update_restore()
        self.compare()

    def _fill_audit(self) -> None:
        self.audit_tree.clear()
        for event in self.events:
            if event.from_status and event.to_status and event.from_status != event.to_status:
                status = f"{status_name(event.from_status)} → {status_name(event.to_status)}"
            else:
                status = status_name(event.to_status) if event.to_status else ""
            item = QTreeWidgetItem(
                [
                    _when(event.at),
                    event.actor,
                    audit_action_name(event.action),
                    status,
                    str(event.revision) if event.revision is not None else "",
                    system_note(event.comment),
                ]
            )
            item.setToolTip(5, system_note(event.comment))
            self.audit_tree.addTopLevelItem(item)
        for column in range(5):
            self.audit_tree.resizeColumnToContents(column)

    # -- comparing ----------------------------------------------------------------------

    def select_pair(self, revision_a: int, revision_b: int) -> None:
        """Compare `revision_a` (left) with `revision_b` (right)."""
        blocked = self.a_combo.blockSignals(True)
        self.a_combo.setCurrentIndex(self.a_combo.findData(revision_a))
        self.a_combo.blockSignals(blocked)
        self.b_combo.setCurrentIndex(self.b_combo.findData(revision_b))
        self.compare()

    def compare(self) -> None:
        a, b = self.a_combo.currentData(), self.b_combo.currentData()
        if a is None or b is None:
            return
        self._generation += 1
        generation = self._generation
        article_id = self._article_id
        self._worker.submit(
            lambda newsroom: newsroom.compare(article_id, a, b),
            lambda sections: self._on_compared(generation, a, b, sections),
            lambda exc: self.compare_label.setText(
                self.tr("Cannot compare: {reason}").format(reason=refusal_text(exc))
            ),
        )

    def _on_compared(self, generation: int, a: int, b: int, sections: list[DiffSection]) -> None:
        if generation != self._generation:
            return
        self.diff_view.set_sections(
            sections,
            self.tr("Revision {revision}").format(revision=a),
            self.tr("Revision {revision}").format(revision=b),
        )
        changed = [s.title for s in sections if s.changed]
        if not changed:
            text = self.tr("No difference")
        elif len(changed) == 1:
            text = self.tr("{part} differs").format(part=section_title(changed[0]))
        elif set(changed) == {"Text", "Credits"}:
            text = self.tr("Text and credits differ")
        else:
            text = self.tr("{parts} differ").format(
                parts=self.tr(", ").join(section_title(t) for t in changed)
            )
        self.compare_label.setText(text)

    def _on_revision_double_clicked(self, row: int, _column: int) -> None:
        item = self.revisions_table.item(row, 0)
        if item is not None and self.revisions:
            self.select_pair(item.data(Qt.ItemDataRole.UserRole), self.revisions[-1].revision)

    # -- restoring ----------------------------------------------------------------------

    def selected_revision(self) -> int | None:
        item = self.revisions_table.item(self.revisions_table.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_restore(self) -> None:
        revision = self.selected_revision()
        newest = self.revisions[-1].revision if self.revisions else None
        self.restore_button.setText(
            self.tr("Restore revision {revision}…").format(revision=revision)
            if revision is not None
            else self.tr("Restore…")
        )
        if self._restore_refusal:
            reason = self._restore_refusal
        elif revision is None:
            reason = self.tr("Select a revision to restore")
        elif revision == newest:
            reason = self.tr("This is the current revision")
        else:
            reason = ""
        self.restore_button.setEnabled(not reason)
        self.restore_button.setToolTip(
            reason
            or self.tr("Save revision {revision}'s text and credits as a new revision").format(
                revision=revision
            )
        )

    def _on_restore_clicked(self) -> None:
        revision = self.selected_revision()
        if revision is None or not self.revisions:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore a revision"),
            self.tr(
                "Save revision {revision}'s text and credits as a new revision? The history"
                " keeps every revision; an approved article needs approval again."
            ).format(revision=revision),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        confirm = box.addButton(
            self.tr("Restore revision {revision}").format(revision=revision),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.setDefaultButton(confirm)
        confirm.clicked.connect(lambda: self._restore(revision))
        self.message_box = box
        box.open()

    def _restore(self, revision: int) -> None:
        if not self._prepare():
            return
        article_id, actor = self._article_id, self._actor()
        # On top of the newest revision, whoever saved it: it stays in the history.
        self._worker.submit(
            lambda newsroom: newsroom.revert(article_id, revision, actor=actor),
            lambda article: self._on_restored(article, revision),
            lambda exc: self.status_label.setText(
                self.tr("Not restored: {reason}").format(reason=refusal_text(exc))
            ),
        )

    def _on_restored(self, article: Article, revision: int) -> None:
        self.status_label.setText(
            self.tr("Revision {old} restored as revision {new}").format(
                old=revision, new=article.revision
            )
        )
        self.restored.emit(article)  # the hub has told every view (and this dialog) by now
