"""Running the workflow bar's actions: confirm, store pending edits, transition.

The transition runs on the database worker; the change hub then tells every view
what moved (the list, the side panel, the bar itself), so nothing is refreshed from
here. A failed checklist opens the checklist dialog, where a producer may override
with a reason. A refusal because someone saved a newer revision meanwhile is shown,
and what it taught us about that other desk goes to the hub (origin "remote"), so the
open article shows the revision that would have been acted on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from newsdesk.domain.article import Article, Person
from newsdesk.domain.checklist import CheckFailure, ChecklistFailed
from newsdesk.domain.errors import ConflictError
from newsdesk.domain.status import Status, UserRole
from newsdesk.domain.workflow import Action
from newsdesk.gui.i18n.core_text import action_name
from newsdesk.gui.ops.change_hub import ChangeHub
from newsdesk.gui.ops.worker import DatabaseWorker
from newsdesk.gui.workflow.bar import TransitionDialog, WorkflowBar
from newsdesk.gui.workflow.checklist_view import ChecklistDialog
from newsdesk.gui.workflow.refusals import reason_text
from newsdesk.newsroom.changes import REMOTE, Change, ChangeKind, Changes

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Seen:
    """The article and revision the user confirmed an action for."""

    article_id: int
    revision: int


class WorkflowController(QObject):
    """Runs the bar's actions. `prepare()` is called before anything is asked, to store
    what the editor holds (False: stop). The open dialog is kept in `dialog` (tests and
    screenshots reach it)."""

    checks_known = Signal(object, object)  # article id, list[CheckFailure]

    def __init__(
        self,
        bar: WorkflowBar,
        worker: DatabaseWorker,
        hub: ChangeHub,
        *,
        person: Callable[[], Person],
        article: Callable[[], Article | None],
        prepare: Callable[[], bool],
        parent_widget: QWidget,
    ) -> None:
        super().__init__(parent_widget)
        self.bar = bar
        self._worker = worker
        self._hub = hub
        self._person = person
        self._article = article
        self._prepare = prepare
        self._parent = parent_widget
        self.dialog: QDialog | None = None
        self.message_box: QMessageBox | None = None
        self._checks_generation = 0
        bar.action_requested.connect(self._on_bar_action_requested)
        bar.delete_requested.connect(self._on_bar_delete_requested)

    # -- the checklist, shown before anyone presses Submit ----------------------------

    def refresh_checks(self, article: Article | None) -> None:
        """Run the checklist for `article` on the worker; the bar shows the answer."""
        self._checks_generation += 1
        generation = self._checks_generation
        if article is None or article.status not in (Status.DRAFT, Status.SUBMITTED):
            self.bar.show_checks(None)
            return
        self._worker.submit(
            lambda newsroom: newsroom.checklist(article),
            lambda failures: self._on_checks(generation, article.id, failures),
        )

    def _on_checks(self, generation: int, article_id: int, failures: list[CheckFailure]) -> None:
        if generation == self._checks_generation:
            self.bar.show_checks(failures)
            self.checks_known.emit(article_id, failures)

    # -- actions ------------------------------------------------------------------------

    def _on_bar_action_requested(self, action: Action) -> None:
        if self._article() is None or not self._prepare():
            return
        article = self._article()  # as stored now, after the pending edits were saved
        if article is None:
            return
        dialog = TransitionDialog(action, article, self._parent)
        seen = _Seen(article.id, article.revision)
        dialog.accepted.connect(lambda: self._run(action, seen, dialog.comment(), None))
        self._show(dialog)

    def _on_bar_delete_requested(self) -> None:
        if self._article() is None or not self._prepare():
            return
        article = self._article()
        if article is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete the draft?"),
            self.tr(
                "Delete the draft “{headline}”? It leaves every list and search."
                " The audit log keeps a record that it existed and that you deleted it."
            ).format(headline=article.headline),
            QMessageBox.StandardButton.Cancel,
            self._parent,
        )
        delete = box.addButton(self.tr("&Delete draft"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(delete)
        seen = _Seen(article.id, article.revision)
        box.finished.connect(
            lambda _result: self._delete(seen) if box.clickedButton() is delete else None
        )
        self.message_box = box
        box.open()

    def _delete(self, seen: _Seen) -> None:
        actor = self._person().name
        self._worker.submit(
            lambda newsroom: newsroom.delete_draft(
                seen.article_id, actor=actor, expected_revision=seen.revision
            ),
            None,  # the hub announces it: the list drops the row, the editor closes it
            lambda exc: self._say_refused(self.tr("Cannot delete"), reason_text(exc)),
        )

    def _say_refused(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self._parent
        )
        self.message_box = box
        box.open()

    def _run(self, action: Action, seen: _Seen, comment: str, override: str | None) -> None:
        actor = self._person().name
        self._worker.submit(
            lambda newsroom: newsroom.transition(
                seen.article_id,
                action,
                actor=actor,
                comment=comment,
                override=override,
                expected_revision=seen.revision,  # approve what was seen, nothing newer
            ),
            None,  # the hub announces the move to every view
            lambda exc: self._on_refused(exc, action, seen, comment),
        )

    def _on_refused(self, exc: Exception, action: Action, seen: _Seen, comment: str) -> None:
        if isinstance(exc, ChecklistFailed):
            person = self._person()
            dialog = ChecklistDialog(
                action.value,
                exc.failures,
                can_override=UserRole.PRODUCER in person.roles,
                parent=self._parent,
            )
            dialog.override_requested.connect(
                lambda reason: self._run(action, seen, comment, reason)
            )
            self._show(dialog)
            return
        text = reason_text(exc)
        if isinstance(exc, ConflictError):
            text = self.tr(
                "Revision {actual} was saved after the revision {expected} you were"
                " looking at, so nothing was done. Read the new revision, then {action}"
                " again."
            ).format(actual=exc.actual, expected=exc.expected, action=action_name(action))
            # Another desk saved it: every view hears of that revision, as of any change.
            self._hub.publish(
                Changes.of(Change(ChangeKind.CONTENT, seen.article_id, exc.actual), origin=REMOTE)
            )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Cannot {action}").format(action=action_name(action)),
            text,
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        self.message_box = box
        box.open()

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
