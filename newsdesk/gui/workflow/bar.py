"""The workflow bar over the open article: its status and the actions the user may take.

Each action (Submit, Return, Approve, Mark published, Archive) is a button. One the
current user may not take is disabled, and its tooltip says why, in the words of the
workflow rules (`allowed_actions`). Taking an action asks for confirmation first (a
comment is required to return an article, see TransitionDialog); workflow/actions.py
then runs it on the database worker.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
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
from newsdesk.domain.workflow import TRANSITIONS, Action, refusals_by_action
from newsdesk.gui.flow_layout import FlowLayout
from newsdesk.gui.i18n.core_text import check_message, check_title, status_name
from newsdesk.gui.list.status_badge import STATUS_COLOURS
from newsdesk.gui.workflow.refusals import reason_text

log = logging.getLogger(__name__)

ACTION_LABELS: dict[Action, str] = {
    Action.SUBMIT: QT_TRANSLATE_NOOP("WorkflowBar", "Submit"),
    Action.RETURN: QT_TRANSLATE_NOOP("WorkflowBar", "Return…"),
    Action.APPROVE: QT_TRANSLATE_NOOP("WorkflowBar", "Approve"),
    Action.PUBLISH: QT_TRANSLATE_NOOP("WorkflowBar", "Mark published"),
    Action.ARCHIVE: QT_TRANSLATE_NOOP("WorkflowBar", "Archive"),
}
# What the confirmation's main button says: the action, in full.
CONFIRM_LABELS: dict[Action, str] = {
    Action.SUBMIT: QT_TRANSLATE_NOOP("WorkflowBar", "Submit for approval"),
    Action.RETURN: QT_TRANSLATE_NOOP("WorkflowBar", "Return to the reporter"),
    Action.APPROVE: QT_TRANSLATE_NOOP("WorkflowBar", "Approve"),
    Action.PUBLISH: QT_TRANSLATE_NOOP("WorkflowBar", "Mark published"),
    Action.ARCHIVE: QT_TRANSLATE_NOOP("WorkflowBar", "Archive"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkflowBar", text)


def action_label(action: Action) -> str:
    return _tr(ACTION_LABELS[action])


def confirm_label(action: Action) -> str:
    return _tr(CONFIRM_LABELS[action])


def confirmation_text(action: Action, article: Article) -> str:
    title = article.headline
    texts = {
        Action.SUBMIT: QT_TRANSLATE_NOOP(
            "WorkflowBar", "Submit “{title}” for approval? A producer reviews it next."
        ),
        Action.RETURN: QT_TRANSLATE_NOOP(
            "WorkflowBar",
            "Return “{title}” to its reporter as a draft? Say what needs to change:"
            " the comment is required and goes into the history.",
        ),
        Action.APPROVE: QT_TRANSLATE_NOOP(
            "WorkflowBar",
            "Approve revision {revision} of “{title}” for the site? Any later edit"
            " withdraws the approval.",
        ),
        Action.PUBLISH: QT_TRANSLATE_NOOP(
            "WorkflowBar",
            "Mark “{title}” as published? Do this once its exported page is on the site.",
        ),
        Action.ARCHIVE: QT_TRANSLATE_NOOP(
            "WorkflowBar", "Archive “{title}”? An archived article can no longer be edited."
        ),
    }
    return _tr(texts[action]).format(title=title, revision=article.revision)


def status_badge_html(status: Status) -> str:
    colour = STATUS_COLOURS.get(status.value, "#7a869a")
    name = status_name(status)
    return f'<span style="background:{colour}; color:white;">&nbsp;{name}&nbsp;</span>'


class TransitionDialog(QDialog):
    """Asks to confirm one workflow action, with a comment (required for Return)."""

    def __init__(self, action: Action, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.needs_comment = TRANSITIONS[action].needs_comment
        self.setWindowTitle(
            self.tr("{action} article {id}").format(
                action=action_label(action).rstrip("…"), id=article.id
            )
        )
        self.message = QLabel(confirmation_text(action, article))
        self.message.setWordWrap(True)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setAccessibleName(self.tr("Comment"))
        self.comment_edit.setPlaceholderText(
            self.tr("What needs to change (required)")
            if self.needs_comment
            else self.tr("Comment for the history (optional)")
        )
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setFixedHeight(80)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = self.buttons.addButton(
            confirm_label(action), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm_button.setAccessibleName(confirm_label(action))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.comment_edit.textChanged.connect(self._update_confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.comment_edit)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._update_confirm()
        # Made the default once the button is in the dialog (before, Qt has no dialog
        # to tell), so Enter confirms. The keyboard starts where the person acts: on
        # the comment a Return needs, else on the action itself, never on Cancel.
        self.confirm_button.setDefault(True)
        (self.comment_edit if self.needs_comment else self.confirm_button).setFocus()

    def comment(self) -> str:
        return self.comment_edit.toPlainText().strip()

    def _update_confirm(self) -> None:
        missing = self.needs_comment and not self.comment()
        self.confirm_button.setEnabled(not missing)
        self.confirm_button.setToolTip(self.tr("Write a comment first") if missing else "")


# What each failed check asks for, as the bar lists it ("Before submitting: ...").
CHECK_NEEDS = {
    "headline": QT_TRANSLATE_NOOP("WorkflowBar", "a headline"),
    "headline-length": QT_TRANSLATE_NOOP("WorkflowBar", "a shorter headline"),
    "body": QT_TRANSLATE_NOOP("WorkflowBar", "the text"),
    "reporter-credited": QT_TRANSLATE_NOOP("WorkflowBar", "a Reporter credit"),
    "empty-credit-row": QT_TRANSLATE_NOOP("WorkflowBar", "names in every credit row"),
    "date-set": QT_TRANSLATE_NOOP("WorkflowBar", "a date"),
    "link-schemes": QT_TRANSLATE_NOOP("WorkflowBar", "http(s) or mailto links only"),
    "image-text": QT_TRANSLATE_NOOP("WorkflowBar", "a caption for every image"),
    "image-source": QT_TRANSLATE_NOOP("WorkflowBar", "a usable source for every image"),
}
FIELD_TITLES = {
    "kicker": QT_TRANSLATE_NOOP("WorkflowBar", "Kicker"),
    "headline": QT_TRANSLATE_NOOP("WorkflowBar", "Headline"),
    "section": QT_TRANSLATE_NOOP("WorkflowBar", "Section"),
    "date": QT_TRANSLATE_NOOP("WorkflowBar", "Date"),
    "source": QT_TRANSLATE_NOOP("WorkflowBar", "Source"),
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
        self.setAccessibleName(self.tr("Workflow"))
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Status"))
        self.title_label = QLabel()
        self.title_label.setAccessibleName(self.tr("Open article"))
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setMinimumWidth(80)
        bold = self.title_label.font()
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.revision_label = QLabel()
        self.revision_label.setAccessibleName(self.tr("Revision"))
        self.checks_label = QLabel()
        self.checks_label.setAccessibleName(self.tr("Checklist"))
        self.checks_label.setTextFormat(Qt.TextFormat.PlainText)
        self.checks_label.setWordWrap(True)
        self.problems_label = QLabel()
        self.problems_label.setAccessibleName(self.tr("Fields that cannot be saved"))
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
        # The buttons wrap onto a second line in a narrow window (900 px), instead of
        # making the window wider than the screen allows.
        buttons_box = QWidget()
        buttons_box.setObjectName("workflow_buttons")
        buttons_layout = FlowLayout(buttons_box, spacing=6, one_line_hint=True)
        for action in Action:
            button = QPushButton(action_label(action))
            button.setAccessibleName(action_label(action).rstrip("…"))
            button.setObjectName(f"workflow_{action.value}")
            button.clicked.connect(lambda _checked=False, a=action: self.action_requested.emit(a))
            self.buttons[action] = button
            buttons_layout.addWidget(button)
        self.delete_button = QPushButton(self.tr("Delete draft…"))
        self.delete_button.setAccessibleName(self.tr("Delete draft"))
        self.delete_button.setObjectName("workflow_delete")
        self.delete_button.clicked.connect(self.delete_requested)
        buttons_layout.addWidget(self.delete_button)
        self.history_button = QPushButton(self.tr("History…"))
        self.history_button.setAccessibleName(self.tr("History"))
        self.history_button.setToolTip(
            self.tr("Revisions, differences, restore, and the audit trail")
        )
        self.history_button.clicked.connect(self.history_requested)
        buttons_layout.addWidget(self.history_button)
        layout.addWidget(buttons_box)
        self._full_title = ""
        self.show_article(None, None)

    def show_article(
        self,
        article: Article | None,
        person: Person | None,
        *,
        unwritable: str = "",
        delete_refusal: str | None = None,
    ) -> None:
        """Show `article`'s state, and enable what `person` may do to it (nothing while
        the database must not be written: `unwritable` says why)."""
        if delete_refusal is None:
            delete_refusal = self.tr("Open a draft first")
        self.delete_button.setEnabled(article is not None and not delete_refusal)
        self.delete_button.setToolTip(
            reason_text(delete_refusal)
            if delete_refusal
            else self.tr("Delete this draft: it was never submitted (the audit log keeps a record)")
        )
        self.delete_button.setVisible(article is not None and article.status is Status.DRAFT)
        if article is None or person is None:
            self.status_label.clear()
            self.title_label.setText(self.tr("No article open"))
            self.revision_label.clear()
            self.show_checks(None)
            self.show_field_problems({})
            for button in self.buttons.values():
                button.setEnabled(False)
                button.setToolTip(self.tr("Open an article first"))
            self.history_button.setEnabled(False)
            return
        self.status_label.setText(status_badge_html(article.status))
        self._full_title = f"#{article.id} {article.headline}"
        self._elide_title()
        self.title_label.setToolTip(self._full_title)
        revision = self.tr("revision {revision}").format(revision=article.revision)
        if article.approved_revision:
            revision += self.tr(", approved revision {revision}").format(
                revision=article.approved_revision
            )
        self.revision_label.setText(revision)
        for action, refusal in refusals_by_action(article, person).items():
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
            needs = self.tr(", ").join(
                dict.fromkeys(
                    _tr(CHECK_NEEDS[f.name]) if f.name in CHECK_NEEDS else f.name for f in failures
                )
            )
            self.checks_label.setText(self.tr("⚠ Before submitting: {needs}").format(needs=needs))
            self.checks_label.setToolTip(
                "\n".join(
                    self.tr("{title} ({name}): {message}").format(
                        title=check_title(f.name), name=f.name, message=check_message(f)
                    )
                    for f in failures
                )
            )
        else:
            self.checks_label.setText(self.tr("✓ checks pass"))
            self.checks_label.setToolTip(self.tr("Every Submit/Approve check passes"))

    def show_field_problems(self, problems: dict[str, str]) -> None:
        """Fields the editor cannot save as they are (an empty headline, a half-typed
        date): each named with what is wrong. The rest of the article is saved."""
        text = "  ".join(
            self.tr("✗ {field}: {problem}").format(
                field=_tr(FIELD_TITLES[n]) if n in FIELD_TITLES else n, problem=m
            )
            for n, m in problems.items()
        )
        self.problems_label.setText(text)
        self.problems_label.setToolTip(
            self.tr("Not saved until fixed (the last saved value stays); the rest is saved.")
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
    hints = {
        Action.SUBMIT: QT_TRANSLATE_NOOP(
            "WorkflowBar", "Send to a producer for approval (the checklist runs first)"
        ),
        Action.RETURN: QT_TRANSLATE_NOOP(
            "WorkflowBar", "Send back to the reporter as a draft, with a comment"
        ),
        Action.APPROVE: QT_TRANSLATE_NOOP(
            "WorkflowBar", "Approve this revision for the site (the checklist runs first)"
        ),
        Action.PUBLISH: QT_TRANSLATE_NOOP(
            "WorkflowBar", "Record that the exported page is on the site"
        ),
        Action.ARCHIVE: QT_TRANSLATE_NOOP(
            "WorkflowBar", "Take the article out of the workflow; it becomes read-only"
        ),
    }
    return _tr(hints[action])
