"""The article list as a Qt table model that holds ids and fetches rows on demand.

A query returns only ids (100,000 ints is under a megabyte); the columns of a row are
read in blocks the first time the view paints it, and kept in a bounded cache. So the
list opens instantly whatever the size of the newsroom.

Blocks are read off the UI thread (on a server each is a round trip, and a server out
of reach would hold a paint until the connection times out): a row not read yet shows
a placeholder, or what it showed before it changed, until its block arrives. A reply
for ids the list no longer shows, or older than a change to one of its rows, is
dropped.
"""

from __future__ import annotations

import logging
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
from newsdesk.gui.i18n.core_text import status_name
from newsdesk.gui.icons import icon

log = logging.getLogger(__name__)

BLOCK = 200
CACHE_ROWS = 5_000
# Shown in a row whose block is still being read: no word, so no language.
PLACEHOLDER = "…"

# read_rows(ids, on_done, on_failed): reads the summaries of `ids` somewhere other
# than the UI thread and answers on it, `on_done(summaries)` or `on_failed(exc)`.
RowReader = Callable[
    [Sequence[int], Callable[[list[ArticleSummary]], None], Callable[[Exception], None]], None
]

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

    def __init__(self, read_rows: RowReader, parent=None):
        super().__init__(parent)
        self._read_rows = read_rows
        self._ids: list[int] = []
        self._rows: OrderedDict[int, ArticleSummary] = OrderedDict()
        # Shown while a row is read again (it changed, or the list was reset).
        self._stale: dict[int, ArticleSummary] = {}
        self._unreadable: set[int] = set()
        self._pending: set[int] = set()  # ids whose block is being read
        self._missing: set[int] = set()  # read, but not found (deleted meanwhile)
        # A reply is dropped when the ids were reset since it was asked for...
        self._generation = 0
        # ...and keeps no row that changed after it was asked for (id -> when).
        self._clock = 0
        self._changed_at: dict[int, int] = {}
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

    def set_ids(
        self,
        ids: Sequence[int],
        rows: Sequence[ArticleSummary] = (),
        read_mark: int | None = None,
    ) -> None:
        """Show `ids`; `rows` are summaries read with them (the first screen's, so it
        paints at once), asked for at `read_mark` (see read_mark())."""
        ids = list(ids)
        if ids == self._ids:
            if self._keep(rows, read_mark):
                self._rows_changed((0, len(ids) - 1))
            return  # the same rows: keep the view (scroll, selection) and the cache
        shown = len(self._ids)
        if shown and len(ids) > shown and ids[:shown] == self._ids:
            # The rest of a list whose first screen is shown: added below it, so the
            # view keeps its place and selection.
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = ids
            self.endInsertRows()
            self._keep(rows, read_mark)
            return
        self.beginResetModel()
        self._ids = list(ids)
        self._generation += 1
        # What was read stays on screen until it is read again (no blank flash).
        self._stale.update(self._rows)
        while len(self._stale) > CACHE_ROWS:
            self._stale.pop(next(iter(self._stale)))
        self._rows.clear()
        self._pending.clear()
        self._unreadable.clear()
        self._missing.clear()
        self._keep(rows, read_mark)
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
        old = self._rows.pop(article_id, None)
        if old is not None:
            self._stale[article_id] = old
        self._clock += 1
        self._changed_at[article_id] = self._clock
        self._pending.discard(article_id)  # a read under way may predate the change
        self._missing.discard(article_id)
        self._unreadable.discard(article_id)
        row = self.row_of(article_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def is_loading(self, row: int) -> bool:
        """Whether the row waits for its block (shown as a placeholder or its old text)."""
        article_id = self.article_id(row)
        return article_id is not None and article_id in self._pending

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
            if index.column() == 0 and role == Qt.ItemDataRole.DisplayRole:
                article_id = self.article_id(index.row())
                if article_id in self._unreadable:
                    return self.tr(UNREADABLE)
                return None if article_id in self._missing else PLACEHOLDER
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
        """The row's summary if read (else its old one meanwhile, or None); a block not
        read yet is asked for, once."""
        article_id = self.article_id(row)
        if article_id is None:
            return None
        cached = self._rows.get(article_id)
        if cached is not None:
            self._rows.move_to_end(article_id)
            return cached
        if article_id in self._unreadable or article_id in self._missing:
            return None
        if article_id not in self._pending:
            self._request_block(row)
        return self._stale.get(article_id)

    def _request_block(self, row: int) -> None:
        start = (row // BLOCK) * BLOCK
        wanted = [
            i
            for i in self._ids[start : start + BLOCK]
            if i not in self._rows and i not in self._pending and i not in self._unreadable
        ]
        self._pending.update(wanted)
        generation, asked_at = self._generation, self._clock
        rows = (start, min(start + BLOCK, len(self._ids)) - 1)
        self._read_rows(
            wanted,
            lambda fetched: self._on_rows_read(generation, asked_at, wanted, rows, fetched),
            lambda exc: self._on_rows_failed(generation, wanted, rows, exc),
        )

    def read_mark(self) -> int:
        """Pass to set_ids with rows read after this call: a row that changes between
        the two is not taken from them."""
        return self._clock

    def _keep(self, rows: Sequence[ArticleSummary], asked_at: int | None = None) -> set[int]:
        """Cache `rows`, but none that changed after `asked_at`; the ids kept."""
        kept = set()
        for summary in rows:
            changed = self._changed_at.get(summary.id)
            if asked_at is not None and changed is not None and changed > asked_at:
                continue  # read before its change: a newer read brings it
            self._changed_at.pop(summary.id, None)
            self._rows[summary.id] = summary
            self._rows.move_to_end(summary.id)
            self._stale.pop(summary.id, None)
            self._pending.discard(summary.id)
            kept.add(summary.id)
        while len(self._rows) > CACHE_ROWS:
            self._rows.popitem(last=False)
        return kept

    def _on_rows_read(
        self,
        generation: int,
        asked_at: int,
        wanted: list[int],
        rows: tuple[int, int],
        fetched: list[ArticleSummary],
    ) -> None:
        if generation != self._generation:
            return  # the list was reset since: these ids are no longer its rows
        self._keep(fetched, asked_at)
        found = {summary.id for summary in fetched}
        for article_id in wanted:
            if article_id in self._pending and article_id not in found:
                # Not found (deleted meanwhile): blank until the next query drops it,
                # not asked for again at every paint.
                self._pending.discard(article_id)
                self._missing.add(article_id)
                self._stale.pop(article_id, None)
        self._rows_changed(rows)

    def _on_rows_failed(
        self, generation: int, wanted: list[int], rows: tuple[int, int], exc: Exception
    ) -> None:
        if generation != self._generation:
            return
        # Painting goes on (a damaged page, a server out of reach): mark the block,
        # say why once.
        first = not self._unreadable
        asked = [i for i in wanted if i in self._pending]
        self._pending.difference_update(asked)
        self._unreadable.update(asked)
        for article_id in asked:
            self._stale.pop(article_id, None)
        log.warning("rows of the article list could not be read: %s", exc)
        if first:
            self.rows_unreadable.emit(str(exc))
        self._rows_changed(rows)

    def _rows_changed(self, rows: tuple[int, int]) -> None:
        first, last = rows
        if 0 <= first <= last < len(self._ids):
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

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
