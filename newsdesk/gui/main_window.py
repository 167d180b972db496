"""The main window: composes the panels and connects their signals.

The workflow bar of the open article across the top; the list on the left, the editor
in the centre, the page preview beside it, metadata, credits and notes on the right.
Panes fold away when the window is too narrow (window_layout.py). The open article's
lifecycle and permissions live in editor/controller.py; every view follows the
newsroom's changes from the one change hub (ops/change_hub.py). This class only
builds, lays out and wires.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QMainWindow

from newsdesk.domain.article import Person
from newsdesk.gui.app_identity import app_icon, window_title
from newsdesk.gui.editor.article_editor import ArticleEditor
from newsdesk.gui.editor.controller import ArticleController, Views
from newsdesk.gui.editor.images import ArticleImages
from newsdesk.gui.editor.save_status import SaveStatus
from newsdesk.gui.i18n.core_text import refusal_text
from newsdesk.gui.list.panel import ArticleListPanel, FirstScreen
from newsdesk.gui.ops.change_hub import ChangeHub
from newsdesk.gui.ops.database_guard import DatabaseGuard
from newsdesk.gui.ops.deferred_start import DeferredStart
from newsdesk.gui.ops.live_feed import LiveFeed
from newsdesk.gui.ops.worker import DatabaseWorker
from newsdesk.gui.people.user_switcher import UserSwitcher
from newsdesk.gui.preview.pane import PreviewPane
from newsdesk.gui.preview.renderers import ProcessRenderer
from newsdesk.gui.preview.site_page import render_site_page
from newsdesk.gui.side.notes_panel import CommentsPanel
from newsdesk.gui.side.panel import SidePanel
from newsdesk.gui.window_actions import build_actions, in_focused_editor, show_about
from newsdesk.gui.window_layout import lay_out
from newsdesk.gui.window_state import KeepsOnScreen, WindowState
from newsdesk.gui.window_tools import WindowTools
from newsdesk.gui.workflow.actions import WorkflowController
from newsdesk.gui.workflow.bar import WorkflowBar
from newsdesk.gui.workflow.refusals import edit_refusal
from newsdesk.newsroom import Newsroom
from newsdesk.newsroom.journal import SessionJournal

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1360, 820)


class MainWindow(QMainWindow):
    def __init__(
        self,
        newsroom: Newsroom,
        db_path: str,
        user: str,
        settings: QSettings,
        parent=None,
        *,
        read_only: str = "",
        first_screen: FirstScreen | None = None,
    ) -> None:
        super().__init__(parent)
        self.newsroom = newsroom
        self.settings = settings
        self.state = WindowState(settings, newsroom.location)
        self.site = newsroom.site()
        self.vocabulary = newsroom.vocabulary()
        self.hub = ChangeHub(self)
        self.hub.watch(newsroom)
        self.worker = DatabaseWorker(db_path, self, hub=self.hub)
        # Long jobs (backups, exports) get their own thread and connection, so a save
        # or a search never queues behind them.
        self.background = DatabaseWorker(db_path, self, hub=self.hub)
        self.journal = SessionJournal(db_path)
        # What other desks commit, and who has what open (its own thread and line).
        self.live = LiveFeed(newsroom, self.hub, self)
        self.setWindowIcon(app_icon())
        self.resize(*DEFAULT_SIZE)
        self.history_dialog: QDialog | None = None
        self.export_dialog: QDialog | None = None

        person = newsroom.person(user)
        self.list_panel = ArticleListPanel(newsroom, self.worker, hub=self.hub, first=first_screen)
        self.images = ArticleImages(
            self.worker,
            newsroom.image_data,
            self._on_image_not_stored,
            attached=lambda: self.editor.images,
            attach=lambda image: self.editor.add_image(image),
        )
        self.editor = ArticleEditor(
            site=self.site, store_image=self.images.keep, load_image=self.images.load
        )
        self.preview = PreviewPane(
            ProcessRenderer(partial(render_site_page, site=self.site, vocabulary=self.vocabulary)),
            open_in_browser=lambda _shown=None: self.controller.open_in_browser(),
        )
        people = newsroom.people(active_only=True)  # deactivated people are not offered
        self.notes = CommentsPanel(self.worker, lambda: self.user.name, self.hub)
        self.side = SidePanel(
            self.vocabulary,
            [p.name for p in people],
            language=self.site.language,
            separator=self.site.credit_separator,
            notes=self.notes,
        )
        self.user_switcher = UserSwitcher()
        self.user_switcher.set_people(people, person.name)
        self.workflow_bar = WorkflowBar()
        self.actions = build_actions(self, self.editor.toolbar, self.user_switcher)
        layout = lay_out(
            self,
            self.actions,
            bar=self.workflow_bar,
            article_list=self.list_panel,
            editor=self.editor,
            preview=self.preview,
            side=self.side,
            switcher=self.user_switcher,
        )
        self.splitter, self.panes = layout.splitter, layout.panes
        self.focus_order = layout.focus_order
        self.save_status = SaveStatus(self.statusBar())
        self.guard = DatabaseGuard(self.background, db_path, self)
        self.workflow = WorkflowController(
            self.workflow_bar,
            self.worker,
            self.hub,
            person=lambda: self.user,
            article=lambda: self.session.article,
            prepare=lambda: self.controller.leave_current_article(),
            parent_widget=self,
        )
        self.controller = ArticleController(
            newsroom=newsroom,
            worker=self.worker,
            background=self.background,
            hub=self.hub,
            guard=self.guard,
            journal=self.journal,
            person=person,
            site=self.site,
            views=Views(
                editor=self.editor,
                side=self.side,
                notes=self.notes,
                preview=self.preview,
                save_status=self.save_status,
                status_bar=self.statusBar(),
                actions=self.actions,
                new_button=self.list_panel.new_button,
            ),
            workflow=self.workflow,
            parent=self,
            live=self.live,
        )
        self.session = self.controller.session
        self._connect()
        self.tools = WindowTools(self)
        self.state.restore(self, self.splitter, self.side.splitter)
        KeepsOnScreen(self)  # and once shown, its frame too
        self.panes.restore(self.state.panes())
        self._on_person_changed(person)
        if read_only:
            self.controller.set_read_only(read_only)
        recovered = self.controller.recover_unsaved()
        self.list_panel.reload(select_id=recovered or self.state.last_article_id())
        self.live.start()
        jobs = [self.guard.start, self.controller.warm_up]  # held up the first paint
        self.deferred_start = DeferredStart(self.list_panel.first_paint.painted, jobs, self)

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab and Shift+Tab anywhere in the window end here (QWidget passes them up).
        return self.focus_order.move(next) or super().focusNextPrevChild(next)

    @property
    def user(self) -> Person:
        return self.controller.person

    # -- wiring -------------------------------------------------------------------

    def _connect(self) -> None:
        a, c = self.actions, self.controller
        a.new.triggered.connect(c.new_article)
        a.save.triggered.connect(self.session.save)
        a.find.triggered.connect(self.list_panel.focus_search)
        a.undo.triggered.connect(lambda: in_focused_editor("undo"))
        a.redo.triggered.connect(lambda: in_focused_editor("redo"))
        a.quit.triggered.connect(self.close)
        a.open_in_browser.triggered.connect(c.open_in_browser)
        a.about.triggered.connect(lambda: show_about(self, self.newsroom.location))
        a.history.triggered.connect(self.show_history)
        a.export.triggered.connect(self.show_export)
        self.workflow_bar.history_requested.connect(self.show_history)
        self.user_switcher.user_changed.connect(self.switch_user)
        self.notes.count_changed.connect(self.side.show_note_count)
        self.list_panel.open_article_requested.connect(c.open_article)
        self.list_panel.new_article_requested.connect(c.new_article)
        self.list_panel.model.rows_unreadable.connect(lambda _why: self.guard.recheck())
        self.live.presence_changed.connect(
            lambda marks: self.list_panel.show_presence(marks, self.live.desk)
        )
        c.article_shown.connect(self._on_article_shown)
        c.person_changed.connect(self._on_person_changed)
        c.people_changed.connect(
            lambda people: self.user_switcher.set_people(people, self.user.name)
        )

    def _on_article_shown(self, article) -> None:
        self.list_panel.show_current(article.id if article else None)
        if article is not None:
            self.state.remember_article(article.id)

    def _on_person_changed(self, person: Person) -> None:
        self.user_switcher.select(person.name)
        # Open dialogs were made for the previous person's rights: close them.
        for dialog in (self.history_dialog, self.export_dialog):
            if dialog is not None:
                dialog.close()
        if self.newsroom.login is None:  # a team base's person is its login's, not "you"
            self.state.remember_user(person.name)
        self.setWindowTitle(window_title(person.name))
        self.list_panel.set_person(person)

    # -- the article, who I am --------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        self.controller.open_article(article_id)

    def new_article(self) -> None:
        self.controller.new_article()

    def switch_user(self, person: Person) -> None:
        """Work as `person` from now on (what is open is saved first, under the old name)."""
        if not self.controller.switch_person(person):
            self.user_switcher.select(self.user.name)
            return
        self.statusBar().showMessage(self.tr("Working as {name}").format(name=person.name), 5000)

    # -- dialogs ------------------------------------------------------------------------

    def show_history(self) -> None:
        article = self.session.article
        if article is None:
            return
        from newsdesk.gui.history.dialog import HistoryDialog

        if self.history_dialog is not None:
            self.history_dialog.close()
        self.history_dialog = HistoryDialog(
            self.worker,
            article,
            hub=self.hub,
            actor=lambda: self.user.name,
            restore_refusal=self.controller.unwritable or edit_refusal(article, self.user),
            prepare=self.controller.leave_current_article,
            parent=self,
        )
        self.history_dialog.show()

    def show_export(self) -> None:
        if not self.actions.export.isEnabled():
            return  # the shortcut's way in is refused as the action is
        from newsdesk.gui.export.dialog import ExportDialog

        if self.export_dialog is not None:
            self.export_dialog.close()
        self.export_dialog = ExportDialog(
            self.background, self.user, settings=self.settings, parent=self
        )
        self.export_dialog.show()

    # -- the rest ---------------------------------------------------------------------

    def _on_image_not_stored(self, exc: Exception) -> None:
        self.statusBar().showMessage(
            self.tr("The image was not stored: {reason}").format(reason=refusal_text(exc)), 15000
        )

    def save_settings(self) -> None:
        self.state.save(self, self.splitter, self.panes.state(), self.side.splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.controller.leave_current_article():
            event.ignore()
            return
        self.save_settings()
        self.preview.wait_for_idle()
        self.guard.stop()  # a backup under way stops: closing does not wait for it
        self.worker.shutdown()
        self.background.shutdown()
        self.session.finish()  # unsaved text (a database that refused it) stays journaled
        self.live.stop()  # this desk's presence mark goes with it
        self.journal.close()
        event.accept()
