"""Enabling what the current person may do now, and saying why not otherwise.

Every decision asks a rule of domain/workflow.py (through workflow/refusals.py), the
same rule the newsroom enforces, so an action the app offers is one the core accepts
and a refusal reads the same in the app and on the command line. A database that
must not be written (damaged, read-only) refuses every write, with its reason.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QPushButton

from newsdesk.domain.article import Article, Person
from newsdesk.gui.editor.article_editor import ArticleEditor
from newsdesk.gui.side.credits_panel import CreditsPanel
from newsdesk.gui.window_actions import WindowActions
from newsdesk.gui.workflow.bar import WorkflowBar
from newsdesk.gui.workflow.refusals import (
    article_notice,
    create_refusal,
    delete_refusal,
    edit_refusal,
    export_refusal,
    slug_refusal,
)
from newsdesk.newsroom.audit_trail import Trail
from newsdesk.newsroom.content_rules import follows_headline

EXPORT_TIP = QT_TRANSLATE_NOOP(
    "Permissions", "Export approved articles to the site folder, then mark them published"
)
OPEN_A_DRAFT = QT_TRANSLATE_NOOP("Permissions", "Open a draft first")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Permissions", text)


@dataclass(frozen=True)
class Refusals:
    """Why each action is refused now ("" when it is allowed)."""

    create: str
    export: str
    edit: str  # the open article's content and credits ("" also when none is open)
    notice: str  # the banner over the editor
    delete: str = ""  # deleting the open article (a junk draft); "" only with one open


def refusals(
    person: Person, article: Article | None, *, trail: Trail | None, unwritable: str
) -> Refusals:
    edit = (unwritable or edit_refusal(article, person)) if article is not None else ""
    notice = (unwritable or article_notice(article, person, trail)) if article else ""
    refused = Refusals(
        create=unwritable or create_refusal(person),
        export=unwritable or export_refusal(person),  # an export records events
        edit=edit,
        notice=notice,
    )
    if article is None:
        return dataclasses.replace(refused, delete=_tr(OPEN_A_DRAFT))
    return dataclasses.replace(refused, delete=unwritable or delete_refusal(article, person, trail))


class Permissions:
    """Applies `refusals()` to the window's actions and panels."""

    def __init__(
        self,
        *,
        actions: WindowActions,
        editor: ArticleEditor,
        credits: CreditsPanel,
        workflow_bar: WorkflowBar,
        new_button: QPushButton,
    ) -> None:
        self._actions = actions
        self._editor = editor
        self._credits = credits
        self._bar = workflow_bar
        self._new_button = new_button

    def apply(
        self,
        person: Person,
        article: Article | None,
        *,
        trail: Trail | None = None,
        unwritable: str = "",
    ) -> Refusals:
        refused = refusals(person, article, trail=trail, unwritable=unwritable)
        a = self._actions
        a.new.setEnabled(not refused.create)
        a.new.setToolTip(
            refused.create
            or QCoreApplication.translate("Permissions", "Start a new article (Ctrl+N)")
        )
        self._new_button.setEnabled(not refused.create)
        self._new_button.setToolTip(refused.create)
        a.export.setEnabled(not refused.export)
        a.export.setToolTip(refused.export or _tr(EXPORT_TIP))
        a.history.setEnabled(article is not None)
        a.save.setEnabled(article is not None and not refused.edit)
        self._bar.show_article(
            article, person, unwritable=unwritable, delete_refusal=refused.delete
        )
        if article is None:
            if self._editor.is_built():  # a new form shows no address either
                self._editor.address.show_address(None, follows=False, frozen=False, refusal="")
            self._editor.set_read_only(True)
            self._credits.setEnabled(False)
            self._editor.show_banner("")
            return refused
        self._editor.set_read_only(bool(refused.edit), refused.edit)
        self._credits.setEnabled(not refused.edit)
        self._editor.show_banner(refused.notice)
        self._editor.address.show_address(
            article,
            follows=follows_headline(article),
            frozen=bool(trail and trail.published),
            refusal=unwritable or slug_refusal(article, person, trail),
        )
        return refused
