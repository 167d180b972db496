"""The status bar's permanent parts: save state, word and character counts, revision."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QStatusBar

EDITING_TIP = (
    "What you type is kept safe on this computer within half a second. It becomes a"
    " revision, which other desks see, when you leave the article, take a workflow"
    " action, press Ctrl+S or close newsdesk, and after five minutes of editing."
)


class SaveStatus:
    def __init__(self, bar: QStatusBar) -> None:
        self.state = QLabel()
        self.state.setAccessibleName("Save state")
        self.counts = QLabel()
        self.counts.setAccessibleName("Word and character count")
        self.revision = QLabel()
        self.revision.setAccessibleName("Revision")
        for label in (self.state, self.counts, self.revision):
            bar.addPermanentWidget(label)

    def show_state(self, state: str, saved_at: dt.datetime | None) -> None:
        if state == "saved":
            when = saved_at.astimezone().strftime("%H:%M") if saved_at else ""
            text = f"Saved {when}".strip()
        else:
            text = {
                "editing": "Editing… (Ctrl+S saves a revision)",
                "saving": "Saving…",
                "failed": "Not saved",
                "conflict": "Conflict: not saved",
            }.get(state, state)
        self.state.setText(text)
        self.state.setToolTip(EDITING_TIP if state == "editing" else "")

    def show_counts(self, words: int, chars: int) -> None:
        self.counts.setText(f"{words:,} words, {chars:,} characters")

    def show_revision(self, revision: int | None) -> None:
        self.revision.setText(f"Revision {revision}" if revision else "")
