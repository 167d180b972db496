"""Putting back what the editor held when newsdesk stopped without saving it.

The session writes unsaved text to a journal within half a second of typing (see
newsroom/journal.py); a clean exit removes it. Found at start, it holds what
the last session could not save: the window reopens that article with the recovered
text and says so, and autosave stores it as a new revision. If someone saved the
article meanwhile, the save meets a conflict and the user chooses, both kept.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from dataclasses import dataclass

from newsdesk.domain.article import Article
from newsdesk.domain.errors import NewsdeskError
from newsdesk.newsroom import Newsroom
from newsdesk.newsroom.journal import JournalEntry, RecoveryJournal


@dataclass(frozen=True)
class Recovery:
    base: Article  # what the session saves against (the revision the edit began from)
    recovered: Article  # what the editor shows: the journal's content
    notice: str
    pending_fields: dict[str, str]  # raw text of fields that were not valid yet


def find_recovery(journal: RecoveryJournal, newsroom: Newsroom) -> Recovery | None:
    entry = journal.read()
    if entry is None:
        return None
    try:
        stored = newsroom.article(entry.article_id)
    except NewsdeskError:
        journal.clear()  # the article is gone; nothing to put the text back into
        return None
    if stored.content() == entry.content and not entry.pending_fields:
        journal.clear()  # it was saved after all
        return None
    base = dataclasses.replace(stored, revision=entry.base_revision)
    return Recovery(
        base=base,
        recovered=entry.apply_to(stored),
        notice=_notice(entry, stored),
        pending_fields=entry.pending_fields,
    )


def _notice(entry: JournalEntry, stored: Article) -> str:
    when = entry.written_at
    with contextlib.suppress(ValueError):  # an odd stamp is still worth showing as is
        when = dt.datetime.fromisoformat(entry.written_at).astimezone().strftime("%H:%M:%S")
    text = (
        f"newsdesk stopped before saving the last changes to “{stored.headline}”."
        f" They were recovered (typed until {when}) and are back in the editor; they are"
        " being saved as a new revision."
    )
    if stored.revision != entry.base_revision:
        text += (
            f" Someone saved revision {stored.revision} meanwhile: you will choose which"
            " version continues, and both are kept."
        )
    return text
