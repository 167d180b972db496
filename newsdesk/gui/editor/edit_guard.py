"""Asking before the first edit of an approved or published article.

Saving such an edit withdraws the approval (domain/workflow.py check_edit), so the
person is told first, and may keep the approved text instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from newsdesk.domain.article import Article, Person
from newsdesk.gui.workflow import refusals
from newsdesk.gui.workflow.refusals import (
    EDIT_APPROVED_QUESTION,
    EDIT_APPROVED_TITLE,
    edit_withdraws_approval,
)


class EditGuard(QObject):
    """`holds()` is asked on every edit; it opens the question on the first edit of an
    approved article and holds edits until the answer. `agreed()` then replays the
    edit; `declined(article)` puts the approved text back."""

    def __init__(
        self,
        parent: QWidget,
        *,
        agreed: Callable[[], None],
        declined: Callable[[Article], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._agreed = agreed
        self._declined = declined
        # (article id, revision) whose approval the person agreed to withdraw by editing.
        self._agreed_for: tuple[int, int] | None = None
        self.question: QMessageBox | None = None  # open while it asks
        self._typing_in: QWidget | None = None  # where the edit was typed

    def holds(self, article: Article | None, person: Person, dirty: bool) -> bool:
        if (
            article is None
            or dirty
            or self._agreed_for == (article.id, article.revision)
            or not edit_withdraws_approval(article, person)
        ):
            return False
        if self.question is None:
            self._typing_in = QApplication.focusWidget()
            box = QMessageBox(
                QMessageBox.Icon.Question,
                refusals.tr(EDIT_APPROVED_TITLE),
                refusals.tr(EDIT_APPROVED_QUESTION),
                QMessageBox.StandardButton.Cancel,
                self._parent,
            )
            edit = box.addButton(
                self.tr("&Edit anyway"),
                QMessageBox.ButtonRole.AcceptRole,
            )
            box.setDefaultButton(edit)
            box.finished.connect(
                lambda _result: self._answered(article, box.clickedButton() is edit)
            )
            self.question = box
            box.open()
        return True

    def _answered(self, article: Article, edit: bool) -> None:
        self.question = None
        # Typing goes on where it was (the window is active again, the field focused).
        self._parent.activateWindow()
        if self._typing_in is not None:
            self._typing_in.setFocus()
        if edit:
            self._agreed_for = (article.id, article.revision)
            self._agreed()
        else:
            self._declined(article)
