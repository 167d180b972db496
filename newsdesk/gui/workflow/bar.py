"""The workflow bar over the open article: its status and the actions the user may take.

Each action (Submit, Return, Approve, Mark published, Archive) is a button. One the
current user may not take is disabled, and its tooltip says why, in the words of the
workflow rules (`allowed_actions`). Taking an action asks for confirmation first (a
comment is required to return an article, see TransitionDialog); workflow/actions.py
then runs it on the database worker.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.domain.article import Article, Person
from newsdesk.domain.checklist import CheckFailure
from newsdesk.domain.status import Status
from newsdesk.domain.workflow import TRANSITIONS, Action, allowed_actions
from newsdesk.gui.list.status_badge import STATUS_COLOURS
from newsdesk.gui.workflow.checklist_view import check_title
from newsdesk.gui.workflow.refusals import reason_text

log = logging.getLogger(__name__)

ACTION_LABELS: dict[Action, str] = {
    Action.SUBMIT: "Submit",
    Action.RETURN: "Return…",
    Action.APPROVE: "Approve",
    Action.PUBLISH: "Mark published",
    Action.ARCHIVE: "Archive",
}
# What the confirmation's main button says: the action, in full.
CONFIRM_LABELS: dict[Action, str] = {
    Action.SUBMIT: "Submit for approval",
    Action.RETURN: "Return to the reporter",
    Action.APPROVE: "Approve",
    Action.PUBLISH: "Mark published",
    Action.ARCHIVE: "Archive",
}


def confirmation_text(action: Action, article: Article) -> str:
    title = f"“{article.headline}”"
    return {
        Action.SUBMIT: f"Submit {title} for approval? A producer reviews it next.",
        Action.RETURN: (
            f"Return {title} to its reporter as a draft? Say what needs to change:"
            " the comment is required and goes into the history."
        ),
        Action.APPROVE: (
            f"Approve revision {article.revision} of {title} for the site? Any later edit"
            " withdraws the approval."
        ),
        Action.PUBLISH: (
            f"Mark {title} as published? Do this once its exported page is on the site."
        ),
        Action.ARCHIVE: f"Archive {title}? An archived article can no longer be edited.",
    }[action]


def status_badge_html(status: Status) -> str:
    colour = STATUS_COLOURS.get(status.value, "#7a869a")
    return f'<span style="background:{colour}; color:white;">&nbsp;{status.value}&nbsp;</span>'


class TransitionDialog(QDialog):
    """Asks to confirm one workflow action, with a comment (required for Return)."""

    def __init__(self, action: Action, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.needs_comment = TRANSITIONS[action].needs_comment
        self.setWindowTitle(f"{ACTION_LABELS[action].rstrip('…')} article {article.id}")
        self.message = QLabel(confirmation_text(action, article))
        self.message.setWordWrap(True)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setAccessibleName("Comment")
        self.comment_edit.setPlaceholderText(
            "What needs to change (required)"
            if self.needs_comment
            else "Comment for the history (optional)"
        )
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setFixedHeight(80)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = self.buttons.addButton(
            CONFIRM_LABELS[action], QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm_button.setAccessibleName(CONFIRM_LABELS[action])
        self.confirm_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.comment_edit.textChanged.connect(self._update_confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.comment_edit)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._update_confirm()
        self.comment_edit.setFocus()

    def comment(self) -> str:
        return self.comment_edit.toPlainText().strip()

    def _update_confirm(self) -> None:
        missing = self.needs_comment and not self.comment()
        self.confirm_button.setEnabled(not missing)
        self.confirm_button.setToolTip("Write a comment first" if missing else "")


# What each failed check asks for, as the bar lists it ("Before submitting: ...").
CHECK_NEEDS = {
    "headline": "a headline",
    "headline-length": "a shorter headline",
    "body": "the text",
    "reporter-credited": "a Reporter credit",
    "empty-credit-row": "names in every credit row",
    "date-set": "a date",
    "link-schemes": "http(s) or mailto links only",
    "image-text": "a caption for every image",
    "image-source": "a usable source for every image",
}
FIELD_TITLES = {
    "kicker": "Kicker",
    "headline": "Headline",
    "section": "Section",
    "date": "Date",
    "source": "Source",
}
PROBLEM_COLOUR = "#d9534f"  # readable on light and dark palettes


class WorkflowBar(QFrame):
    """Status, revision and the workflow buttons of the open article, and what stops it
    from going on: each field that cannot be saved, each check that fails."""

    action_requested = Signal(object)  # Action
    delete_requested = Signal()
    history_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workflow_bar")
        self.setAccessibleName("Workflow")
        self.status_label = QLabel()
        self.status_label.setAccessibleName("Status")
        self.title_label = QLabel()
        self.title_label.setAccessibleName("Open article")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setMinimumWidth(80)
        bold = self.title_label.font()
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.revision_label = QLabel()
        self.revision_label.setAccessibleName("Revision")
        self.checks_label = QLabel()
        self.checks_label.setAccessibleName("Checklist")
        self.checks_label.setTextFormat(Qt.TextFormat.PlainText)
        self.checks_label.setWordWrap(True)
        self.problems_label = QLabel()
        self.problems_label.setAccessibleName("Fields that cannot be saved")
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        self.problems_label.hide()
        self._failures: list[CheckFailure] | None = None
        self.buttons: dict[Action, QPushButton] = {}
        # A strip of its own, set apart from the toolbar above and the panes below.
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.status_label)
        layout.addWidget(self.title_label, 1)
        layout.addWidget(self.revision_label)
        layout.addWidget(self.problems_label, 2)
        layout.addWidget(self.checks_label, 2)
        layout.addSpacing(12)
        for action in Action:
            button = QPushButton(ACTION_LABELS[action])
            button.setAccessibleName(ACTION_LABELS[action].rstrip("…"))
            button.setObjectName(f"workflow_{action.value}")
            button.clicked.connect(lambda _checked=False, a=action: self.action_requested.emit(a))
            self.buttons[action] = button
            layout.addWidget(button)
        self.delete_button = QPushButton("Delete draft…")
        self.delete_button.setAccessibleName("Delete draft")
        self.delete_button.setObjectName("workflow_delete")
        self.delete_button.clicked.connect(self.delete_requested)
        layout.addWidget(self.delete_button)
        layout.addSpacing(12)
        self.history_button = QPushButton("History…")
        self.history_button.setAccessibleName("History")
        self.history_button.setToolTip("Revisions, differences, restore, and the audit trail")
        self.history_button.clicked.connect(self.history_requested)
        layout.addWidget(self.history_button)
        self._full_title = ""
        self.show_article(None, None)

    def show_article(
        self,
        article: Article | None,
        person: Person | None,
        *,
        unwritable: str = "",
        delete_refusal: str = "Open a draft first",
    ) -> None:
        """Show `article`'s state, and enable what `person` may do to it (nothing while
        the database must not be written: `unwritable` says why)."""
        self.delete_button.setEnabled(article is not None and not delete_refusal)
        self.delete_button.setToolTip(
            reason_text(delete_refusal)
            if delete_refusal
            else "Delete this draft: it was never submitted (the audit log keeps a record)"
        )
        self.delete_button.setVisible(article is not None and article.status is Status.DRAFT)
        if article is None or person is None:
            self.status_label.clear()
            self.title_label.setText("No article open")
            self.revision_label.clear()
            self.show_checks(None)
            self.show_field_problems({})
            for button in self.buttons.values():
                button.setEnabled(False)
                button.setToolTip("Open an article first")
            self.history_button.setEnabled(False)
            return
        self.status_label.setText(status_badge_html(article.status))
        self._full_title = f"#{article.id} {article.headline}"
        self._elide_title()
        self.title_label.setToolTip(self._full_title)
        approved = (
            f", approved revision {article.approved_revision}" if article.approved_revision else ""
        )
        self.revision_label.setText(f"revision {article.revision}{approved}")
        for action, refusal in allowed_actions(article, person).items():
            button = self.buttons[action]
            if unwritable and refusal is None:
                refusal = unwritable
            button.setEnabled(refusal is None)
            button.setToolTip(reason_text(refusal) if refusal else confirmation_hint(action))
        self.history_button.setEnabled(True)

    def show_checks(self, failures: list[CheckFailure] | None) -> None:
        """What the Submit/Approve checklist says now (None: not known / not relevant):
        each thing still missing, named."""
        self._failures = failures
        if failures is None:
            self.checks_label.clear()
            self.checks_label.setToolTip("")
        elif failures:
            needs = ", ".join(dict.fromkeys(CHECK_NEEDS.get(f.name, f.name) for f in failures))
            self.checks_label.setText(f"⚠ Before submitting: {needs}")
            self.checks_label.setToolTip(
                "\n".join(f"{check_title(f.name)} ({f.name}): {f.message}" for f in failures)
            )
        else:
            self.checks_label.setText("✓ checks pass")
            self.checks_label.setToolTip("Every Submit/Approve check passes")

    def show_field_problems(self, problems: dict[str, str]) -> None:
        """Fields the editor cannot save as they are (an empty headline, a half-typed
        date): each named with what is wrong. The rest of the article is saved."""
        text = "  ".join(f"✗ {FIELD_TITLES.get(n, n)}: {m}" for n, m in problems.items())
        self.problems_label.setText(text)
        self.problems_label.setToolTip(
            "Not saved until fixed (the last saved value stays); the rest is saved."
            if problems
            else ""
        )
        self.problems_label.setVisible(bool(problems))

    def checks_text(self) -> str:
        """Everything the bar says stops the article now (what a screen reader reads)."""
        return " ".join(t for t in (self.problems_label.text(), self.checks_label.text()) if t)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide_title()

    def _elide_title(self) -> None:
        width = max(40, self.title_label.width())
        metrics = self.title_label.fontMetrics()
        self.title_label.setText(
            metrics.elidedText(self._full_title, Qt.TextElideMode.ElideRight, width)
        )


def confirmation_hint(action: Action) -> str:
    return {
        Action.SUBMIT: "Send to a producer for approval (the checklist runs first)",
        Action.RETURN: "Send back to the reporter as a draft, with a comment",
        Action.APPROVE: "Approve this revision for the site (the checklist runs first)",
        Action.PUBLISH: "Record that the exported page is on the site",
        Action.ARCHIVE: "Take the article out of the workflow; it becomes read-only",
    }[action]
