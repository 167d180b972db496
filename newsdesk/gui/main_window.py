"""The main window: composes the panels and connects their signals.

The workflow bar of the open article across the top; the list on the left, the editor
in the centre, the page preview beside it, metadata, credits and notes on the right.
Work that touches the database or renders runs on the worker thread; this class only
wires things together.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from newsdesk.domain.article import Article, AuditEvent, Credit, Person
from newsdesk.domain.errors import NewsdeskError
from newsdesk.domain.status import UserRole
from newsdesk.domain.text_stats import counts
from newsdesk.gui.editor.article_editor import ArticleEditor
from newsdesk.gui.editor.conflict_dialog import ConflictDialog
from newsdesk.gui.editor.crash_recovery import find_recovery
from newsdesk.gui.editor.images import ArticleImages
from newsdesk.gui.editor.save_status import SaveStatus
from newsdesk.gui.editor.session import ArticleSession, Conflict
from newsdesk.gui.export.dialog import ExportDialog
from newsdesk.gui.history.dialog import HistoryDialog
from newsdesk.gui.list.panel import ArticleListPanel
from newsdesk.gui.ops.database_guard import DatabaseGuard
from newsdesk.gui.ops.worker import DatabaseWorker
from newsdesk.gui.people.user_switcher import UserSwitcher
from newsdesk.gui.preview.pane import PreviewPane
from newsdesk.gui.side.notes_panel import CommentsPanel
from newsdesk.gui.side.panel import SidePanel
from newsdesk.gui.window_actions import build_actions
from newsdesk.gui.window_state import WindowState
from newsdesk.gui.workflow.bar import (
    WorkflowBar,
    WorkflowController,
    article_notice,
    create_refusal,
    edit_refusal,
)
from newsdesk.newsroom import Newsroom
from newsdesk.newsroom.journal import RecoveryJournal
from newsdesk.publish.formats.page_html import render_page

log = logging.getLogger(__name__)

COUNTS_DELAY_MS = 300


class MainWindow(QMainWindow):
    def __init__(
        self, newsroom: Newsroom, db_path: str, user: str, settings: QSettings, parent=None
    ) -> None:
        super().__init__(parent)
        self.newsroom = newsroom
        self.settings = settings
        self.state = WindowState(settings)
        self.user = newsroom.person(user)
        self.site = newsroom.site()
        self.vocabulary = newsroom.vocabulary()
        self.worker = DatabaseWorker(db_path, self)
        # Long jobs (backups, exports) get their own thread and connection, so a save
        # or a search never queues behind them.
        self.background = DatabaseWorker(db_path, self)
        self.setWindowTitle(f"newsdesk — {self.user.name}")
        self.resize(1360, 820)
        self._withdrawn: AuditEvent | None = None  # the open article's lost approval
        self.history_dialog: HistoryDialog | None = None
        self.export_dialog: ExportDialog | None = None

        self.list_panel = ArticleListPanel(newsroom, self.worker)
        self.journal = RecoveryJournal(db_path)
        self.session = ArticleSession(
            self.worker, lambda: self.user.name, parent=self, journal=self.journal
        )
        self.session.collect = self._collect
        self.session.pending_fields = lambda: self.editor.pending_fields()
        self.images = ArticleImages(
            self.worker,
            newsroom.image_data,
            self._on_image_not_stored,
            attached=lambda: self.editor.images,
            attach=lambda image: self.editor.add_image(image),
        )
        self.guard = DatabaseGuard(self.background, db_path, self)
        self._damage: str | None = None
        self.editor = ArticleEditor(
            site=self.site,
            store_image=self.images.keep,
            load_image=self.images.load,
        )
        self.preview = PreviewPane(self._render_preview, open_in_browser=self._open_in_browser)
        people = newsroom.people()
        self.notes = CommentsPanel(self.worker, lambda: self.user.name)
        self.side = SidePanel(
            self.vocabulary,
            [p.name for p in people],
            language=self.site.language,
            separator=self.site.credit_separator,
            notes=self.notes,
        )
        self.user_switcher = UserSwitcher()
        self.user_switcher.set_people(people, self.user.name)
        self.workflow_bar = WorkflowBar()
        self.workflow = WorkflowController(
            self.workflow_bar,
            self.worker,
            person=lambda: self.user,
            article=lambda: self.session.article,
            prepare=self._leave_current_article,
            parent_widget=self,
        )

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.setChildrenCollapsible(False)
        for widget in (self.list_panel, self.editor, self.preview, self.side):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([340, 420, 250, 430])
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.workflow_bar)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.actions = build_actions(self, self.editor.toolbar, self.user_switcher)
        self.save_status = SaveStatus(self.statusBar())
        self._counts_timer = QTimer(self, singleShot=True, interval=COUNTS_DELAY_MS)
        self._counts_timer.timeout.connect(self._update_counts)
        self._connect()
        self.state.restore(self, self.splitter, self.actions.toggle_preview)
        self.preview.setVisible(self.actions.toggle_preview.isChecked())
        self.editor.load(None)
        self._apply_role()
        self._apply_permissions(None)
        self.list_panel.set_person(self.user)
        recovered = self._recover_unsaved()
        self.list_panel.reload(select_id=recovered or self.state.last_article_id())
        self.guard.start()

    # -- wiring -------------------------------------------------------------------

    def _connect(self) -> None:
        a = self.actions
        a.new.triggered.connect(self.new_article)
        a.save.triggered.connect(self.session.save)
        a.find.triggered.connect(self._on_find_triggered)
        a.undo.triggered.connect(lambda: self._focused_editor_call("undo"))
        a.redo.triggered.connect(lambda: self._focused_editor_call("redo"))
        a.quit.triggered.connect(self.close)
        a.toggle_preview.toggled.connect(self.preview.setVisible)
        a.open_in_browser.triggered.connect(self._open_in_browser)
        a.about.triggered.connect(self._on_about_triggered)
        a.history.triggered.connect(self.show_history)
        a.export.triggered.connect(self.show_export)
        self.workflow_bar.history_requested.connect(self.show_history)
        self.workflow.transitioned.connect(self._on_status_changed)
        self.workflow.outdated.connect(self._on_open_article_outdated)
        self.user_switcher.user_changed.connect(self.switch_user)
        self.notes.count_changed.connect(self.side.show_note_count)
        self.list_panel.open_article_requested.connect(self.open_article)
        self.list_panel.new_article_requested.connect(self.new_article)
        self.editor.edited.connect(self._on_editor_edited)
        self.side.credits.credits_changed.connect(self._on_editor_edited)
        self.session.state_changed.connect(self._on_session_state_changed)
        self.session.saved.connect(self._on_session_saved)
        self.session.save_failed.connect(self._on_session_save_failed)
        self.guard.damaged.connect(self._on_database_damaged)
        self.list_panel.model.rows_unreadable.connect(lambda _why: self.guard.recheck())
        self.guard.backed_up.connect(
            lambda path: self.statusBar().showMessage(f"Backed up to {path}", 5000)
        )
        self.guard.backup_failed.connect(
            lambda message: self.statusBar().showMessage(f"Backup failed: {message}", 15000)
        )
        self.session.conflict.connect(self._on_session_conflict)

    # -- opening and creating -------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        current = self.session.article
        if current is not None and current.id == article_id:
            return
        if not self._leave_current_article():
            if current is not None and current.id is not None:
                self.list_panel.select_article(current.id, emit=False)
            return
        try:
            article = self.newsroom.article(article_id)
        except NewsdeskError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return
        self._show_article(article)

    def _show_article(self, article: Article | None) -> None:
        self.session.load(article)
        self.editor.load(article)
        self.side.credits.set_credits(article.credits if article else [])
        self.side.show_article(article)
        self._withdrawn = None
        self._apply_permissions(article)
        self._update_counts()
        self.save_status.show_revision(article.revision if article else None)
        self.notes.load(article.id if article else None)
        self.workflow.refresh_checks(article)
        if article is not None:
            self._refresh_withdrawn(article.id)
            self.preview.request_render(article)
            self.state.remember_article(article.id)

    def new_article(self) -> None:
        if create_refusal(self.user) or not self._leave_current_article():
            return
        credits = (
            [Credit("Reporter", (self.user.name,))] if UserRole.REPORTER in self.user.roles else []
        )
        draft = Article(
            headline="Untitled article",
            section=self.site.default_section_path,
            date=dt.date.today(),
            language=self.site.language,
            credits=credits,
        )
        actor = self.user.name
        self.worker.submit(
            lambda newsroom: newsroom.create_article(draft, actor=actor),
            self._on_article_created,
            lambda exc: QMessageBox.warning(self, "Cannot create an article", str(exc)),
        )

    def _on_article_created(self, created: Article) -> None:
        self._show_article(created)
        self.list_panel.reload(select_id=created.id)
        self.editor.focus_headline()

    def _leave_current_article(self) -> bool:
        """Save what is open before showing something else. False: stay."""
        if not self.session.is_dirty() and not self.session.is_saving():
            return True
        if self.session.save_now():
            return True
        answer = QMessageBox.warning(
            self,
            "Not saved",
            "The open article could not be saved. Stay on it so that nothing is lost?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.No

    # -- editing and saving ---------------------------------------------------------

    def _collect(self) -> Article | None:
        base = self.session.article
        return None if base is None else self.editor.article(base, self.side.credits.credits())

    def _on_editor_edited(self) -> None:
        self.session.mark_edited()
        self._counts_timer.start()
        article = self._collect()
        if article is not None:
            self.preview.request_render(article)

    def _update_counts(self) -> None:
        # The document's plain text is what the reader sees; counting it is cheap,
        # and the timer keeps it off the path of every keystroke.
        text = self.editor.plain_text() if self.session.article else ""
        self.save_status.show_counts(*counts(text.split("\n")))

    def _on_session_state_changed(self, state: str) -> None:
        self.save_status.show_state(state, self.session.last_saved_at)

    def _on_session_saved(self, stored: Article) -> None:
        self.list_panel.refresh_article(stored.id)
        if self.session.article is not None and self.session.article.id == stored.id:
            self.side.show_article(stored)
            self.save_status.show_revision(stored.revision)
            self._apply_permissions(stored)
            self.workflow.refresh_checks(stored)
            self._refresh_withdrawn(stored.id)

    def _on_session_save_failed(self, message: str) -> None:
        self.guard.recheck()  # a damaged database is then reported once, plainly
        if self._damage is None:
            QMessageBox.warning(
                self,
                "Not saved",
                f"{message}\n\nYour text is still in the editor, and in the recovery journal"
                " beside the database if newsdesk stops.",
            )

    def _on_database_damaged(self, message: str) -> None:
        self._damage = message
        self.session.set_writable(False)
        self.actions.new.setEnabled(False)
        self.actions.new.setToolTip("The database is damaged; newsdesk does not write to it.")
        self._apply_permissions(self.session.article)
        QMessageBox.critical(
            self,
            "The database is damaged",
            f"{message}\n\nnewsdesk will not write to it. Text you had not saved stays in"
            " the editor and in the recovery journal beside the database.",
        )

    def _on_image_not_stored(self, exc: Exception) -> None:
        self.statusBar().showMessage(f"The image was not stored: {exc}", 15000)

    def _recover_unsaved(self) -> int | None:
        """Put back text the last session could not save; returns its article's id."""
        recovery = find_recovery(self.journal, self.newsroom)
        if recovery is None:
            return None
        self._show_article(recovery.base)
        self.editor.load(recovery.recovered)
        self.editor.restore_pending_fields(recovery.pending_fields)
        self.side.credits.set_credits(recovery.recovered.credits)
        self.editor.show_banner(recovery.notice)
        self.session.mark_edited()  # autosave stores it; a newer revision means a conflict
        return recovery.base.id

    def _on_session_conflict(self, conflict: Conflict) -> None:
        dialog = ConflictDialog(conflict, self)
        choice = dialog.exec_choice()
        if choice == ConflictDialog.KEEP_MINE:
            self.session.resolve_keep_mine(conflict)
        elif choice == ConflictDialog.TAKE_THEIRS:
            self.session.resolve_take_theirs(
                conflict, lambda copy: self._on_conflict_copy_saved(copy, conflict.theirs.id)
            )

    def _on_conflict_copy_saved(self, copy: Article, theirs_id: int) -> None:
        if self.session.is_open(theirs_id):
            self._show_article(self.session.article)  # the editor continues with theirs
        self.list_panel.reload()
        self.statusBar().showMessage(
            f"Your version was kept as a new draft: #{copy.id} {copy.headline}", 10000
        )

    def _apply_permissions(self, article: Article | None) -> None:
        self.workflow_bar.show_article(article, self.user)
        self.actions.history.setEnabled(article is not None)
        if article is None:
            self.editor.set_read_only(True)
            self.side.credits.setEnabled(False)
            self.editor.show_banner("")
            return
        reason = (
            "The database is damaged; newsdesk does not write to it." if self._damage else ""
        ) or edit_refusal(article, self.user)
        self.editor.set_read_only(bool(reason), reason)
        self.side.credits.setEnabled(not reason)
        self.editor.show_banner(article_notice(article, self.user, self._withdrawn))

    def _apply_role(self) -> None:
        refusal = create_refusal(self.user)
        self.actions.new.setEnabled(not refusal)
        self.actions.new.setToolTip(refusal or "Start a new article (Ctrl+N)")
        self.list_panel.new_button.setEnabled(not refusal)
        self.list_panel.new_button.setToolTip(refusal)
        web = UserRole.WEB in self.user.roles
        self.actions.export.setEnabled(web)
        self.actions.export.setToolTip(
            "Export approved articles to the site folder, then mark them published"
            if web
            else f"Only the web team exports; {self.user.name} is not on it"
        )

    def _refresh_withdrawn(self, article_id: int) -> None:
        """Ask (on the worker) whether an edit took the article's approval away."""

        def shown(event: AuditEvent | None) -> None:
            article = self.session.article
            if article is not None and article.id == article_id:
                self._withdrawn = event
                self._apply_permissions(article)

        self.worker.submit(lambda newsroom: newsroom.approval_withdrawn(article_id), shown)

    # -- workflow, history, export, who I am --------------------------------------------

    def _on_status_changed(self, article: Article) -> None:
        """The workflow moved `article` (its content is as it was)."""
        self.list_panel.refresh_article(article.id)
        self.list_panel.reload()  # "Waiting for me" and status filters may list it no more
        current = self.session.article
        if current is None or current.id != article.id:
            return
        self.session.article = article
        self.side.show_article(article)
        self._apply_permissions(article)
        self.workflow.refresh_checks(article)
        self._refresh_withdrawn(article.id)
        self.statusBar().showMessage(f"#{article.id} is {article.status.value} now", 8000)

    def _on_open_article_outdated(self, article_id: int) -> None:
        """Someone saved a newer revision: show it, unless the editor holds unsaved text
        (the next save then reports the conflict, keeping both texts)."""
        current = self.session.article
        if current is None or current.id != article_id or self.session.is_dirty():
            return
        self.worker.submit(lambda newsroom: newsroom.article(article_id), self._show_fetched)

    def _show_fetched(self, article: Article) -> None:
        current = self.session.article
        if current is not None and current.id == article.id and not self.session.is_dirty():
            self._show_article(article)
            self.list_panel.refresh_article(article.id)

    def _reread_open_article(self, ids: list[int]) -> None:
        current = self.session.article
        self.list_panel.reload()
        if current is not None and current.id in ids:
            article_id = current.id
            self.worker.submit(
                lambda newsroom: newsroom.article(article_id), self._on_status_changed
            )

    def show_history(self) -> None:
        article = self.session.article
        if article is None:
            return
        if self.history_dialog is not None:
            self.history_dialog.close()
        dialog = HistoryDialog(
            self.worker,
            article,
            actor=lambda: self.user.name,
            restore_refusal=edit_refusal(article, self.user),
            prepare=self._leave_current_article,
            parent=self,
        )
        dialog.restored.connect(self._on_revision_restored)
        self.history_dialog = dialog
        dialog.show()

    def _on_revision_restored(self, article: Article) -> None:
        if self.session.article is not None and self.session.article.id == article.id:
            self._show_article(article)
        self.list_panel.refresh_article(article.id)
        self.list_panel.reload()

    def show_export(self) -> None:
        if UserRole.WEB not in self.user.roles:
            return
        if self.export_dialog is not None:
            self.export_dialog.close()
        dialog = ExportDialog(self.background, self.user, settings=self.settings, parent=self)
        dialog.exported.connect(lambda _outcome: self.list_panel.reload())
        dialog.articles_changed.connect(self._reread_open_article)
        self.export_dialog = dialog
        dialog.show()

    def switch_user(self, person: Person) -> None:
        """Work as `person` from now on (what is open is saved first, under the old name)."""
        if person.name == self.user.name:
            return
        if not self._leave_current_article():
            self.user_switcher.select(self.user.name)
            return
        self.user = person
        self.user_switcher.select(person.name)
        # Open dialogs were made for the previous person's rights: close them.
        for dialog in (self.history_dialog, self.export_dialog):
            if dialog is not None:
                dialog.close()
        self.state.remember_user(person.name)
        self.setWindowTitle(f"newsdesk — {person.name}")
        self._apply_role()
        self._apply_permissions(self.session.article)
        self.list_panel.set_person(person)
        self.statusBar().showMessage(f"Working as {person.name}", 5000)

    # -- images ----------------------------------------------------------------------

    # -- preview ----------------------------------------------------------------------

    def _render_preview(self, article: Article) -> str:
        return render_page(article, site=self.site, vocabulary=self.vocabulary)

    def _open_in_browser(self, _shown: Article | None = None) -> None:
        article = self._collect() or self.session.article
        if article is None:
            return
        self.background.submit(
            lambda newsroom: newsroom.preview_page(article),
            lambda page: QDesktopServices.openUrl(QUrl.fromLocalFile(str(page))),
            lambda exc: QMessageBox.warning(self, "Cannot open the page", str(exc)),
        )

    # -- misc -------------------------------------------------------------------------

    def _on_find_triggered(self) -> None:
        self.list_panel.search_box.setFocus()
        self.list_panel.search_box.selectAll()

    def _focused_editor_call(self, method: str) -> None:
        widget = QApplication.focusWidget()
        if widget is not None and hasattr(widget, method):
            getattr(widget, method)()

    def _on_about_triggered(self) -> None:
        from newsdesk import __version__

        QMessageBox.about(
            self,
            "About newsdesk",
            f"newsdesk {__version__}\nDatabase: {self.newsroom.location}",
        )

    # -- closing ---------------------------------------------------------------------

    def save_settings(self) -> None:
        self.state.save(self, self.splitter, self.actions.toggle_preview)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leave_current_article():
            event.ignore()
            return
        self.save_settings()
        self.preview.wait_for_idle()
        self.worker.shutdown()
        self.background.shutdown()
        event.accept()
