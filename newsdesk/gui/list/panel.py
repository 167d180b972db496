"""The article list panel: search, filters, the lazy table, and an empty state.

Given the change hub, the list follows every change by itself: the rows of changed
articles are re-read at once, and the query runs again shortly after (a burst of
changes, say a dozen imports, is one query), since a new article, a status change or
an export may add a row to a filter or to "Waiting for me", or take one away.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from newsdesk.domain.article import ArticleSummary, Person
from newsdesk.domain.presence import Presence, others
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import Status, UserRole
from newsdesk.gui.flow_layout import FlowLayout
from newsdesk.gui.i18n.core_text import presence_text, refusal_text, status_name
from newsdesk.gui.list.column_fit import HeadlineColumnFit
from newsdesk.gui.list.count_text import count_text
from newsdesk.gui.list.first_paint import FirstPaint
from newsdesk.gui.list.first_screen import FIRST_SCREEN, FirstScreen, read_first_screen
from newsdesk.gui.list.model import COLUMNS, ArticleListModel
from newsdesk.gui.list.status_badge import StatusBadgeDelegate
from newsdesk.gui.ops.change_hub import ChangeHub
from newsdesk.gui.ops.worker import DatabaseWorker
from newsdesk.newsroom import Newsroom, ReadCancel
from newsdesk.newsroom.changes import ChangeKind, Changes

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 200
CHANGES_DEBOUNCE_MS = 150
# What can change which articles a query lists, or what a row shows.
LIST_KINDS = frozenset(
    {
        ChangeKind.CREATED,
        ChangeKind.CONTENT,
        ChangeKind.STATUS,
        ChangeKind.DELETED,
        ChangeKind.EXPORTED,
    }
)
ALL_STATUSES = QT_TRANSLATE_NOOP("ArticleListPanel", "All statuses")
# What "Waiting for me" lists, per role (the store's waiting query decides).
WAITING_TIPS = {
    UserRole.PRODUCER: QT_TRANSLATE_NOOP(
        "ArticleListPanel", "submitted articles to approve or return"
    ),
    UserRole.WEB: QT_TRANSLATE_NOOP("ArticleListPanel", "approved articles not yet exported"),
    UserRole.REPORTER: QT_TRANSLATE_NOOP("ArticleListPanel", "your articles returned to you"),
}


# Keys in the search box that move into the results.
INTO_RESULTS_KEYS = frozenset({Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter})


def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local files a drag carries (folders and remote URLs are not articles)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class ArticleListPanel(QWidget):
    open_article_requested = Signal(int)
    new_article_requested = Signal()
    count_changed = Signal(int)
    files_dropped = Signal(list)  # list[Path]: files dropped on the list, to import

    def __init__(
        self,
        newsroom: Newsroom,
        worker: DatabaseWorker,
        parent=None,
        *,
        hub: ChangeHub | None = None,
        first: FirstScreen | None = None,  # read at opening: see use_first_screen
    ) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._worker = worker
        self._user = ""
        self._person: Person | None = None
        self._sort = ("updated", True)
        self._generation = 0
        self._rest_read: ReadCancel | None = None  # the whole list being read, if any
        self._pending_select: int | None = None
        self._read_at_opening = first
        self._open_pending = False

        self.search_box = QLineEdit(placeholderText=self.tr("Search headlines, text, credits…"))
        self.search_box.setAccessibleName(self.tr("Search articles"))
        self.search_box.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        self.status_filter.addItem(self.tr(ALL_STATUSES), None)
        for status in Status:
            self.status_filter.addItem(status_name(status).capitalize(), status.value)
        self.mine_filter = QCheckBox(self.tr("Mine"))
        self.mine_filter.setAccessibleName(self.tr("Only my articles"))
        self.mine_filter.setToolTip(self.tr("Articles you created or are credited on as reporter"))
        self.waiting_filter = QCheckBox(self.tr("Waiting for me"))
        self.waiting_filter.setAccessibleName(self.tr("Only articles waiting for me"))

        self.model = ArticleListModel(self._read_rows, self)
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Article list"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(
            len(COLUMNS) - 1, Qt.SortOrder.DescendingOrder
        )
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Headline first and widest; the rest sized for their usual content.
        for column, width in enumerate((250, 92, 96, 110, 120)):
            header.resizeSection(column, width)
        # ... but the headline gives way so the status stays in view in a narrow pane.
        self.headline_fit = HeadlineColumnFit(self.view)
        self.view.setItemDelegateForColumn(1, StatusBadgeDelegate(self.view))
        # Tab leaves the list for the next pane; arrows walk the rows (each one opens).
        self.view.setTabKeyNavigation(False)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Articles listed"))
        self.count_label.setContentsMargins(4, 1, 4, 1)

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New article"))
        self.new_button.setAccessibleName(self.tr("New article"))
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch()
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(empty)
        # Once the first answer is painted (the start's other work waits for it).
        self.first_paint = FirstPaint([self.view.viewport(), empty], self)

        # The filters wrap onto a second line in a narrow list instead of being cut.
        filters_box = QWidget()
        filters = FlowLayout(filters_box)
        for widget in (self.status_filter, self.mine_filter, self.waiting_filter):
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(filters_box)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.count_label)
        self.setAcceptDrops(True)  # article files dropped anywhere on the list: import

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.reload)
        self._changes_timer = QTimer(self, singleShot=True, interval=CHANGES_DEBOUNCE_MS)
        self._changes_timer.timeout.connect(self._requery)
        if hub is not None:
            hub.changed.connect(self._on_hub_changed)
        self._select_first_pending = False
        self.search_box.installEventFilter(self)
        self.search_box.textChanged.connect(self._debounce.start)
        self.status_filter.currentIndexChanged.connect(self.reload)
        self.mine_filter.toggled.connect(self.reload)
        self.waiting_filter.toggled.connect(self.reload)
        self.model.sort_requested.connect(self._on_model_sort_requested)
        self.view.selectionModel().currentRowChanged.connect(self._on_view_current_changed)
        self.new_button.clicked.connect(self.new_article_requested)

    # -- queries -----------------------------------------------------------------

    def set_user(self, name: str) -> None:
        self._user = name
        if self.mine_filter.isChecked():
            self.reload()

    def set_person(self, person: Person) -> None:
        """The current user, for "Mine" and "Waiting for me" (reloads when they are on)."""
        self._person = person
        tips = [self.tr(WAITING_TIPS[r]) for r in UserRole if r in person.roles]
        self.waiting_filter.setToolTip(
            self.tr("What waits for you: {what}").format(what=self.tr("; ").join(tips))
            if tips
            else self.tr("Nothing waits for you")
        )
        self._user = person.name
        if self.mine_filter.isChecked() or self.waiting_filter.isChecked():
            self.reload()

    def query(self) -> ArticleQuery:
        status = self.status_filter.currentData()
        fields = dict(
            status=Status(status) if status else None,
            search=self.search_box.text(),
            reporter=self._user if self.mine_filter.isChecked() and self._user else None,
            sort=self._sort[0],
            descending=self._sort[1],
        )
        if self.waiting_filter.isChecked() and self._person is not None:
            return self._newsroom.waiting_query(self._person, **fields)
        return ArticleQuery(**fields)

    def reload(self, select_id: int | None = None) -> None:
        """Re-run the query on the worker; only the newest answer is shown.

        `select_id` is selected (and opened) when the answer comes; without it the
        current row stays selected, quietly.
        """
        self._debounce.stop()
        self._changes_timer.stop()
        self._generation += 1
        if self._rest_read is not None:  # the last query's whole list: not wanted now
            self._rest_read.cancel()
        generation = self._generation
        query = self.query()
        self._open_pending = select_id is not None
        if select_id is not None:
            self._pending_select = select_id
        elif self._pending_select is None:
            self._pending_select = self.current_id()
        # The first screen first (a few index pages, even for a one-letter search of
        # a large newsroom) with its rows, so it paints at once; then the rest of the
        # list behind it.
        mark = self.model.read_mark()
        read, self._read_at_opening = self._read_at_opening, None
        if read is not None and read.query == query:
            # Read with the opening of the newsroom: shown in the window's first paint.
            self._on_first_screen(generation, query, read, mark)
            return
        self._worker.submit(
            lambda newsroom: read_first_screen(newsroom, query),
            lambda found: self._on_first_screen(generation, query, found, mark),
            lambda exc: self._on_query_failed(generation, exc),
        )

    def use_first_screen(self, read: FirstScreen | None) -> None:
        """The first screen read while the newsroom was opened: the next reload shows
        it at once if it asks the same query (see first_screen.py)."""
        self._read_at_opening = read

    def _read_rows(self, ids, on_done, on_failed) -> None:
        """The model's blocks of rows, read on the worker (never on the UI thread)."""
        self._worker.submit(lambda newsroom: newsroom.summaries(ids), on_done, on_failed)

    def _on_first_screen(
        self, generation: int, query: ArticleQuery, found: FirstScreen, mark: int
    ) -> None:
        ids, rows = found.ids, found.rows
        if generation != self._generation:
            return  # an older query answered late
        if len(ids) < FIRST_SCREEN:
            self._on_ids_found(generation, ids, rows, mark)  # that is the whole list
            return
        self.model.set_ids(ids, rows, mark)
        self._show_empty_state(False)
        self.first_paint.arm(self.stack.currentWidget())
        if self._pending_select in ids:
            self.select_article(self._pending_select, emit=self._open_pending)
            self._pending_select = None
            self._open_pending = False

        # Most of a second on a server for one letter: asked once the first screen is
        # painted (first_paint.py), and cancelled by the next query.
        cancel = self._rest_read = ReadCancel()

        def rest(newsroom: Newsroom) -> list[int] | None:
            # Typed on meanwhile: the newer query is already queued behind this one.
            if generation != self._generation:
                return None
            return newsroom.find(query, cancel=cancel)

        self.first_paint.after(
            lambda: self._worker.submit(
                rest,
                lambda found: found is not None and self._on_ids_found(generation, found),
                lambda exc: self._on_query_failed(generation, exc),
            )
        )

    def _on_hub_changed(self, changes: Changes) -> None:
        if not changes.has(*LIST_KINDS):
            return
        for article_id in changes.article_ids:
            self.model.refresh_article(article_id)
        if not self._debounce.isActive():  # a search about to run will list them anyway
            self._changes_timer.start()

    def _requery(self) -> None:
        if self._open_pending:  # an answer that opens an article is awaited: not over it
            self._changes_timer.start()
        else:
            self.reload()

    def _on_ids_found(
        self,
        generation: int,
        ids: list[int],
        rows: list[ArticleSummary] = (),  # type: ignore[assignment]
        mark: int | None = None,
    ) -> None:
        if generation != self._generation:
            return  # an older query answered late
        self.model.set_ids(ids, rows, mark)
        self._show_empty_state(not ids)
        self.first_paint.arm(self.stack.currentWidget())
        self.count_label.setText(count_text(len(ids), filtered=self.is_filtered()))
        self.count_changed.emit(len(ids))
        into_results = self._select_first_pending
        if into_results and ids:
            self._pending_select, self._open_pending = ids[0], True
        self._select_first_pending = False
        if self._pending_select is not None:
            self.select_article(self._pending_select, emit=self._open_pending)
            self._pending_select = None
        self._open_pending = False
        if into_results:
            self._focus_results_now()

    def _on_query_failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self._open_pending = False
            self.model.set_ids([])
            self.empty_label.setText(
                self.tr("The list could not be loaded:\n{reason}").format(reason=refusal_text(exc))
            )
            self.stack.setCurrentIndex(1)
            self.first_paint.arm(self.stack.currentWidget())

    def is_filtered(self) -> bool:
        return bool(
            self.search_box.text().strip()
            or self.status_filter.currentData()
            or self.mine_filter.isChecked()
            or self.waiting_filter.isChecked()
        )

    def _show_empty_state(self, empty: bool) -> None:
        if not empty:
            self.stack.setCurrentIndex(0)
            return
        filtered = self.is_filtered()
        if self.waiting_filter.isChecked():
            text = self.tr("Nothing is waiting for you.")
        elif filtered:
            text = self.tr("No article matches these filters.")
        else:
            text = self.tr("No articles yet.\nStart the first one.")
        self.empty_label.setText(text)
        self.new_button.setVisible(not filtered)
        self.stack.setCurrentIndex(1)

    # -- selection ---------------------------------------------------------------

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.article_id(index.row()) if index.isValid() else None

    def select_article(self, article_id: int, *, emit: bool = True) -> bool:
        row = self.model.row_of(article_id)
        if row is None:
            return False
        selection = self.view.selectionModel()
        was_blocked = selection.blockSignals(not emit)
        self.view.selectRow(row)
        self.view.setCurrentIndex(self.model.index(row, 0))
        selection.blockSignals(was_blocked)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def focus_results(self) -> None:
        """Into the results, from the search box: the first row when none is current
        (opened, as choosing a row does). A search still typed is run first."""
        if self._debounce.isActive():
            # The results on screen are of the search before: go in once the new
            # ones are there (the view would pick a stale row on taking the focus).
            self._select_first_pending = True
            self.reload()
            return
        if self.current_id() is None and self.model.rowCount():
            self.view.selectRow(0)
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._focus_results_now()

    def _focus_results_now(self) -> None:
        target = self.view if self.stack.currentIndex() == 0 else self.new_button
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search_box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in INTO_RESULTS_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.focus_results()
            return True
        return super().eventFilter(watched, event)

    # -- files dropped on the list ------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event)
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(files)

    def show_current(self, article_id: int | None) -> None:
        """Mark `article_id` as the open one, quietly (now, or once a query lists it)."""
        if article_id is None or self.select_article(article_id, emit=False):
            return
        self._pending_select = article_id

    def _on_view_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.model.article_id(current.row()) if current.isValid() else None
        if article_id is not None:
            self.open_article_requested.emit(article_id)

    def show_presence(self, marks: list[Presence], my_desk: str) -> None:
        """Mark the rows that other desks have open ("Lena Park is editing")."""
        by_article: dict[int, list[Presence]] = {}
        for mark in marks:
            if mark.desk != my_desk:
                by_article.setdefault(mark.article_id, []).append(mark)
        self.model.set_presence(
            {
                article_id: presence_text(others(found, article_id, my_desk), me=self._user)
                for article_id, found in by_article.items()
            }
        )

    def _on_model_sort_requested(self, key: str, descending: bool) -> None:
        self._sort = (key, descending)
        self.reload()
