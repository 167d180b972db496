"""The article list as a Qt table model that holds ids and fetches rows on demand.

A query returns only ids (100,000 ints is under a megabyte); the columns of a row are
read in blocks the first time the view paints it, and kept in a bounded cache. So the
list opens instantly whatever the size of the newsroom.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon

from newsdesk.domain.article import ArticleSummary
from newsdesk.domain.errors import NewsdeskError
from newsdesk.gui.i18n.core_text import status_name
from newsdesk.gui.icons import icon

BLOCK = 200
CACHE_ROWS = 5_000

# (title, sort key of the store)
COLUMNS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("ArticleListModel", "Headline"), "headline"),
    (QT_TRANSLATE_NOOP("ArticleListModel", "Status"), "status"),
    (QT_TRANSLATE_NOOP("ArticleListModel", "Section"), "section"),
    (QT_TRANSLATE_NOOP("ArticleListModel", "Reporter"), "reporter"),
    (QT_TRANSLATE_NOOP("ArticleListModel", "Updated"), "updated"),
)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
PRESENCE_ROLE = Qt.ItemDataRole.UserRole + 3  # "Lena Park is editing" ("" for nobody)
RETURNED_ROLE = Qt.ItemDataRole.UserRole + 4  # a draft a producer sent back
RETURNED_MARK = QT_TRANSLATE_NOOP("ArticleListModel", "↩ returned")
RETURNED_TIP = QT_TRANSLATE_NOOP("ArticleListModel", "Returned by a producer: open it to read why")


UNREADABLE = QT_TRANSLATE_NOOP("ArticleListModel", "(this row could not be read)")


class ArticleListModel(QAbstractTableModel):
    sort_requested = Signal(str, bool)  # store sort key, descending
    rows_unreadable = Signal(str)  # why a block of rows could not be read (once per list)

    def __init__(self, fetch_rows: Callable[[Sequence[int]], list[ArticleSummary]], parent=None):
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._ids: list[int] = []
        self._rows: OrderedDict[int, ArticleSummary] = OrderedDict()
        self._unreadable: set[int] = set()
        self._presence: dict[int, str] = {}  # article id -> who else has it open
        self._presence_icon: QIcon | None = None

    # -- what the panel calls --------------------------------------------------

    def set_presence(self, marks: dict[int, str]) -> None:
        """Who else has which article open ("Lena Park is editing"), shown on its row."""
        changed = set(marks) ^ set(self._presence)
        changed |= {i for i in marks if self._presence.get(i) != marks[i]}
        self._presence = dict(marks)
        for article_id in changed:
            row = self.row_of(article_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def presence_of(self, article_id: int) -> str:
        return self._presence.get(article_id, "")

    def set_ids(self, ids: Sequence[int]) -> None:
        ids = list(ids)
        if ids == self._ids:
            return  # the same rows: keep the view (scroll, selection) and the cache
        shown = len(self._ids)
        if shown and len(ids) > shown and ids[:shown] == self._ids:
            # The rest of a list whose first screen is shown: added below it, so the
            # view keeps its place and selection.
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = ids
            self.endInsertRows()
            return
        self.beginResetModel()
        self._ids = list(ids)
        self._rows.clear()
        self._unreadable.clear()
        self.endResetModel()

    def article_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: int) -> int | None:
        try:
            return self._ids.index(article_id)
        except ValueError:
            return None

    def refresh_article(self, article_id: int) -> None:
        """Re-read one article's row (after a save) without resetting the view."""
        self._rows.pop(article_id, None)
        row = self.row_of(article_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # -- Qt overrides -----------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][0])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):
        if not index.isValid():
            return None
        summary = self._summary(index.row())
        if summary is None:
            unreadable = self.article_id(index.row()) in self._unreadable
            if unreadable and index.column() == 0 and role == Qt.ItemDataRole.DisplayRole:
                return self.tr(UNREADABLE)
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if column == 0 and role in (
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.DecorationRole,
            PRESENCE_ROLE,
        ):
            present = self._presence.get(summary.id, "")
            if role == PRESENCE_ROLE:
                return present
            if role == Qt.ItemDataRole.DecorationRole:
                return self._editing_icon() if present else None
            return (
                f"{self._display(summary, 0)} — {present}" if present else self._display(summary, 0)
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and summary.returned:
            return self.tr(RETURNED_TIP)
        if role == RETURNED_ROLE:
            return summary.returned
        if role == ID_ROLE:
            return summary.id
        if role == STATUS_ROLE:
            return summary.status.value
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_requested.emit(COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder)

    # -- rows on demand ----------------------------------------------------------

    def _summary(self, row: int) -> ArticleSummary | None:
        article_id = self.article_id(row)
        if article_id is None:
            return None
        cached = self._rows.get(article_id)
        if cached is not None:
            self._rows.move_to_end(article_id)
            return cached
        if article_id in self._unreadable:
            return None
        start = (row // BLOCK) * BLOCK
        wanted = [i for i in self._ids[start : start + BLOCK] if i not in self._rows]
        try:
            fetched = self._fetch_rows(wanted)
        except NewsdeskError as exc:
            # Painting must go on (a damaged page, say): mark the block, say why once.
            first = not self._unreadable
            self._unreadable.update(wanted)
            if first:
                self.rows_unreadable.emit(str(exc))
            return None
        for summary in fetched:
            self._rows[summary.id] = summary
        while len(self._rows) > CACHE_ROWS:
            self._rows.popitem(last=False)
        return self._rows.get(article_id)

    def _editing_icon(self) -> QIcon:
        if self._presence_icon is None:
            self._presence_icon = icon("editing")
        return self._presence_icon

    @staticmethod
    def _display(summary: ArticleSummary, column: int) -> str:
        if column == 0:
            return f"{summary.kicker}丨{summary.headline}" if summary.kicker else summary.headline
        if column == 1:
            returned = QCoreApplication.translate("ArticleListModel", RETURNED_MARK)
            mark = f" {returned}" if summary.returned else ""
            return f"{status_name(summary.status)}{mark}"
        if column == 2:
            return " > ".join(summary.section)
        if column == 3:
            return ", ".join(summary.reporters)
        if summary.updated_at is None:
            return ""
        return summary.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
