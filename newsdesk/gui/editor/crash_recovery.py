"""Putting back what the editor held when newsdesk stopped without saving it.

The session writes unsaved text to its own journal within half a second of typing
(see newsroom/journal.py); a successful save removes it. At start, a journal the same
person left in a session that is gone holds what that session could not save: the
window reopens that article with the recovered text and says so, and autosave stores
it as a new revision. If someone saved the article meanwhile, the save meets a
conflict and the user chooses, both kept. Another window's journal, or another
person's, is never offered.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from newsdesk.domain.article import Article
from newsdesk.domain.errors import NewsdeskError
from newsdesk.newsroom import Newsroom
from newsdesk.newsroom.journal import JournalEntry, SessionJournal


@dataclass(frozen=True)
class Recovery:
    base: Article  # what the session saves against (the revision the edit began from)
    recovered: Article  # what the editor shows: the journal's content
    notice: str
    pending_fields: dict[str, str]  # raw text of fields that were not valid yet


def find_recovery(journal: SessionJournal, newsroom: Newsroom, user: str) -> Recovery | None:
    """The newest text `user` left unsaved in a session that is gone, taken over into
    this session's journal; None when there is none. Journals whose text was saved
    after all, or whose article is gone, are removed."""
    candidates = journal.stale(user)
    try:
        while candidates:
            stale = candidates.pop(0)
            entry = stale.entry
            try:
                stored = newsroom.article(entry.article_id)
            except NewsdeskError:
                stale.discard()  # the article is gone; nothing to put the text back into
                continue
            if stored.content() == entry.content and not entry.pending_fields:
                stale.discard()  # it was saved after all
                continue
            journal.take_over(stale)
            return Recovery(
                base=dataclasses.replace(stored, revision=entry.base_revision),
                recovered=entry.apply_to(stored),
                notice=_notice(entry, stored),
                pending_fields=entry.pending_fields,
            )
        return None
    finally:
        for left in candidates:  # older ones wait for a later start
            left.release()


def _notice(entry: JournalEntry, stored: Article) -> str:
    when = entry.written_at
    with contextlib.suppress(ValueError):  # an odd stamp is still worth showing as is
        when = dt.datetime.fromisoformat(entry.written_at).astimezone().strftime("%H:%M:%S")
    text = QCoreApplication.translate(
        "CrashRecovery",
        "newsdesk stopped before saving the last changes to “{headline}”."
        " They were recovered (typed until {time}) and are back in the editor; they are"
        " being saved as a new revision.",
    ).format(headline=stored.headline, time=when)
    if stored.revision != entry.base_revision:
        text += QCoreApplication.translate(
            "CrashRecovery",
            " Someone saved revision {revision} meanwhile: you will choose which"
            " version continues, and both are kept.",
        ).format(revision=stored.revision)
    return text
