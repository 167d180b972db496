"""The export's work on the newsroom, run on the worker: what is ready for the site,
the export itself, and marking the exported articles published; the relay that carries
its progress back to the UI thread. No widgets here."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, Signal

from newsdesk.domain.article import Article, Person
from newsdesk.domain.errors import InvalidInputError, NewsdeskError
from newsdesk.domain.status import Status
from newsdesk.domain.workflow import Action
from newsdesk.gui.i18n.core_text import refusal_text, status_name
from newsdesk.newsroom import Newsroom
from newsdesk.publish.export.bundle import ExportProgress


class ProgressRelay(QObject):
    """Lives on the UI thread; the export emits from the worker (a queued signal)."""

    step = Signal(object)


@dataclass(frozen=True)
class Candidates:
    articles: list[Article]
    waiting: frozenset[int]  # approved and not exported at this revision


@dataclass
class ExportOutcome:
    folder: str
    exported: list[int] = field(default_factory=list)
    written: list[int] = field(default_factory=list)
    files_written: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)
    cancelled: bool = False
    publishable: list[int] = field(default_factory=list)  # exported, approved
    revisions: dict[int, int] = field(default_factory=dict)  # id -> revision exported


def load_candidates(newsroom: Newsroom, person: Person) -> Candidates:
    waiting = newsroom.find(newsroom.waiting_query(person))
    newest_first = sorted(newsroom.site_articles(), key=lambda a: a.id or 0, reverse=True)
    return Candidates(newest_first, frozenset(waiting))


def run_export(
    newsroom: Newsroom,
    ids: list[int],
    folder: str,
    *,
    actor: str,
    formats: list[str],
    fragment: bool,
    report: Callable[[ExportProgress], None],
    cancel: threading.Event,
) -> ExportOutcome:
    """Export the articles `ids` at the revision the site may show, read afresh: one
    edited meanwhile goes out at its last approved revision, one never approved or
    archived meanwhile is skipped. The export carries approved revisions only."""
    outcome = ExportOutcome(folder=folder)
    articles = []
    approved_now: list[int] = []  # may be marked published after the export
    for article_id in ids:
        article = newsroom.article(article_id)
        version = newsroom.site_version(article)
        if version is not None:
            articles.append(version)
            outcome.revisions[article_id] = version.revision
            if article.status is Status.APPROVED:
                approved_now.append(article_id)
        else:
            outcome.skipped.append(
                QCoreApplication.translate(
                    "ExportDialog", "#{id} {headline} is {status} now"
                ).format(
                    id=article.id, headline=article.headline, status=status_name(article.status)
                )
            )
    if not articles:
        raise InvalidInputError(
            QCoreApplication.translate(
                "ExportDialog", "nothing to export: no chosen article is approved or published"
            )
        )
    steps = newsroom.export_articles(
        articles, folder, actor=actor, formats=formats, fragment=fragment
    )
    with closing(steps):
        for step in steps:
            report(step)
            outcome.files_written += len(step.files_written)
            if step.article_id is None:
                continue  # the index and manifest: the files are in place now
            outcome.exported.append(step.article_id)
            if step.files_written:
                outcome.written.append(step.article_id)
            else:
                outcome.unchanged += 1
            # Stop between articles, before the bundle moves anything into the folder:
            # closing() then discards what was staged and nothing is recorded.
            if cancel.is_set():
                outcome.cancelled = True
                return outcome
    outcome.publishable = [i for i in approved_now if i in outcome.exported]
    return outcome


def mark_published(newsroom: Newsroom, exported: dict[int, int], actor: str) -> list[str]:
    """Mark each exported article published, if it is still at the revision that was
    exported (an article edited and approved again meanwhile is refused: its new text
    is not on the site yet). The refusals, one line each (empty: all done)."""
    refusals = []
    for article_id, revision in exported.items():
        try:
            newsroom.transition(article_id, Action.PUBLISH, actor=actor, expected_revision=revision)
        except NewsdeskError as refusal:
            refusals.append(f"#{article_id}: {refusal_text(refusal)}")
    return refusals
