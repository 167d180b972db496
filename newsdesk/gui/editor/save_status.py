"""The status bar's permanent parts: save state, word and character counts, revision."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar

EDITING_TIP = QT_TRANSLATE_NOOP(
    "SaveStatus",
    "What you type is kept safe on this computer within half a second. It becomes a"
    " revision, which other desks see, when you leave the article, take a workflow"
    " action, press Ctrl+S or close newsdesk, and after five minutes of editing.",
)
STATES = {
    "editing": QT_TRANSLATE_NOOP("SaveStatus", "Editing… (Ctrl+S saves a revision)"),
    "saving": QT_TRANSLATE_NOOP("SaveStatus", "Saving…"),
    "failed": QT_TRANSLATE_NOOP("SaveStatus", "Not saved"),
    "conflict": QT_TRANSLATE_NOOP("SaveStatus", "Conflict: not saved"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SaveStatus", text)


class SaveStatus:
    def __init__(self, bar: QStatusBar) -> None:
        self.state = QLabel()
        self.state.setAccessibleName(QCoreApplication.translate("SaveStatus", "Save state"))
        self.counts = QLabel()
        self.counts.setAccessibleName(
            QCoreApplication.translate("SaveStatus", "Word and character count")
        )
        self.revision = QLabel()
        self.revision.setAccessibleName(QCoreApplication.translate("SaveStatus", "Revision"))
        for label in (self.state, self.counts, self.revision):
            bar.addPermanentWidget(label)
        # Wide enough for every text they show: a label that grows on the first key
        # typed ("Saved" -> "Editing…") relays out and repaints the whole window.
        widest_counts = QCoreApplication.translate(
            "SaveStatus", "{words} words, {chars} characters"
        ).format(words="99,999", chars="999,999")
        widest_state = max((_tr(text) for text in STATES.values()), key=len)
        for label, widest in ((self.state, widest_state), (self.counts, widest_counts)):
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance(widest) + 8)

    def show_state(self, state: str, saved_at: dt.datetime | None) -> None:
        if state == "saved":
            when = saved_at.astimezone().strftime("%H:%M") if saved_at else ""
            text = (
                QCoreApplication.translate("SaveStatus", "Saved {time}").format(time=when).strip()
            )
        else:
            text = _tr(STATES[state]) if state in STATES else state
        self.state.setText(text)
        self.state.setToolTip(_tr(EDITING_TIP) if state == "editing" else "")

    def show_counts(self, words: int, chars: int) -> None:
        self.counts.setText(
            QCoreApplication.translate("SaveStatus", "{words} words, {chars} characters").format(
                words=f"{words:,}", chars=f"{chars:,}"
            )
        )

    def show_revision(self, revision: int | None) -> None:
        self.revision.setText(
            QCoreApplication.translate("SaveStatus", "Revision {revision}").format(
                revision=revision
            )
            if revision
            else ""
        )
