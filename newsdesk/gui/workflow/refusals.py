"""What the current person may not do, in the words of the domain's rules.

The app enables an action only when the rule the newsroom enforces would allow it,
and its tooltip gives the rule's refusal; so the app, the CLI and any later front end
refuse alike, for the same reason. No rule is decided here: each function asks one
check of domain/workflow.py and turns its refusal into a sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from newsdesk.domain.article import Article, AuditEvent, Person
from newsdesk.domain.errors import RuleViolation
from newsdesk.domain.status import Status
from newsdesk.domain.workflow import (
    check_create,
    check_delete,
    check_edit,
    check_export,
    check_slug_change,
)
from newsdesk.gui.i18n.core_text import refusal_text
from newsdesk.newsroom.audit_trail import Trail

# In English here; shown through tr() (the same words in English).
WITHDRAWN_BANNER = QT_TRANSLATE_NOOP(
    "Refusals", "Edited after approval, needs approval again: this article is back to submitted."
)
EDIT_APPROVED_TITLE = QT_TRANSLATE_NOOP("Refusals", "Edit the approved article?")
EDIT_APPROVED_QUESTION = QT_TRANSLATE_NOOP(
    "Refusals",
    "This withdraws the approval; the site keeps the approved version until a producer"
    " approves again. Edit anyway?",
)
READING_HISTORY = QT_TRANSLATE_NOOP("Refusals", "Reading the article's history…")


def tr(text: str) -> str:
    return QCoreApplication.translate("Refusals", text)


def reason_text(refusal: str | Exception) -> str:
    """A refusal as a sentence for a person, in the interface's language when the app
    knows its rule (else the core's English), without the rule's tag."""
    return refusal_text(refusal)


def _refusal(check: Callable[[], object]) -> str:
    try:
        check()
    except RuleViolation as refusal:
        return reason_text(refusal)
    return ""


def edit_refusal(article: Article, person: Person) -> str:
    """Why `person` may not edit `article` ("" when they may)."""
    return _refusal(lambda: check_edit(article, person))


def edit_withdraws_approval(article: Article, person: Person) -> bool:
    """Whether `person`'s edit of `article` would take its approval away (the rule the
    newsroom applies when the edit is saved)."""
    try:
        return check_edit(article, person) is not article.status
    except RuleViolation:
        return False  # the edit is refused outright; nothing to ask


def create_refusal(person: Person) -> str:
    """Why `person` may not start articles ("" when they may)."""
    return _refusal(lambda: check_create(person))


def export_refusal(person: Person) -> str:
    """Why `person` may not export for the site ("" when they may)."""
    return _refusal(lambda: check_export(person))


def delete_refusal(article: Article, person: Person, trail: Trail | None) -> str:
    """Why `person` may not delete `article` ("" when they may; refused while its
    audit trail is not known yet)."""
    if trail is None:
        return tr(READING_HISTORY)
    return _refusal(lambda: check_delete(article, person, ever_submitted=trail.ever_submitted))


def slug_refusal(article: Article, person: Person, trail: Trail | None) -> str:
    """Why `person` may not change the article's web address ("" when they may)."""
    if trail is None:
        return tr(READING_HISTORY)
    return _refusal(lambda: check_slug_change(article, person, published=trail.published))


def article_notice(article: Article | None, person: Person, trail: Trail | None) -> str:
    """The banner over the editor: why it is read-only, that approval was withdrawn, or
    why a producer returned it."""
    if article is None:
        return ""
    refusal = edit_refusal(article, person)
    if refusal:
        return refusal
    withdrawn = trail.withdrawn if trail else None
    if withdrawn is not None and article.status is Status.SUBMITTED:
        when = withdrawn.at.astimezone().strftime("%Y-%m-%d %H:%M")
        return QCoreApplication.translate(
            "Refusals", "{banner} ({who}, {when}, revision {revision})"
        ).format(
            banner=tr(WITHDRAWN_BANNER), who=withdrawn.actor, when=when, revision=withdrawn.revision
        )
    returned = trail.returned if trail else None
    if returned is not None and article.status is Status.DRAFT:
        return returned_notice(returned)
    return ""


def returned_notice(event: AuditEvent) -> str:
    when = event.at.astimezone().strftime("%Y-%m-%d %H:%M")
    comment = event.comment.strip()
    if comment:
        return QCoreApplication.translate(
            "Refusals", "Returned by {who} on {when}: “{comment}”"
        ).format(who=event.actor, when=when, comment=comment)
    return QCoreApplication.translate("Refusals", "Returned by {who} on {when}").format(
        who=event.actor, when=when
    )
