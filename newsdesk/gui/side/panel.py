"""The right-hand panel: who and what the article is (metadata), its credits, and the
editorial notes beside them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QSplitter, QVBoxLayout, QWidget

from newsdesk.domain.article import Article
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.gui.list.status_badge import STATUS_COLOURS
from newsdesk.gui.side.credits_panel import CreditsPanel


class SidePanel(QWidget):
    def __init__(
        self,
        vocabulary: CreditVocabulary,
        known_people: list[str],
        *,
        language: str,
        separator: str,
        notes: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.status = QLabel()
        self.status.setAccessibleName("Status")
        self.revision = QLabel()
        self.revision.setAccessibleName("Revision")
        self.slug = QLabel()
        self.slug.setAccessibleName("Slug")
        self.created = QLabel()
        self.created.setAccessibleName("Created by")
        self.updated = QLabel()
        self.updated.setAccessibleName("Last saved")
        self.updated.setToolTip("The last change of the text: who saved it, and when")
        self.last_action = QLabel()
        self.last_action.setAccessibleName("Last action")
        details = QGroupBox("Article")
        form = QFormLayout(details)
        form.addRow("Status", self.status)
        form.addRow("Revision", self.revision)
        form.addRow("Slug", self.slug)
        form.addRow("Created by", self.created)
        form.addRow("Last saved", self.updated)
        form.addRow("Last action", self.last_action)
        self.credits = CreditsPanel(
            vocabulary, known_people, language=language, separator=separator
        )
        credits_box = QGroupBox("Credits")
        credits_layout = QVBoxLayout(credits_box)
        credits_layout.addWidget(self.credits)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(details)
        self.notes_box: QGroupBox | None = None
        if notes is None:
            layout.addWidget(credits_box, 1)
            return
        self.notes_box = QGroupBox("Notes")
        notes_layout = QVBoxLayout(self.notes_box)
        notes_layout.addWidget(notes)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("side_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(credits_box)
        self.splitter.addWidget(self.notes_box)
        self.splitter.setSizes([440, 260])
        layout.addWidget(self.splitter, 1)

    def show_note_count(self, count: int) -> None:
        if self.notes_box is not None:
            self.notes_box.setTitle(f"Notes ({count})" if count else "Notes")

    def show_article(self, article: Article | None) -> None:
        if article is None:
            for label in (
                self.status,
                self.revision,
                self.slug,
                self.created,
                self.updated,
                self.last_action,
            ):
                label.setText("")
            return
        colour = STATUS_COLOURS.get(article.status.value, "#7a869a")
        self.status.setText(
            f'<span style="background:{colour}; color:white; border-radius:6px;">'
            f"&nbsp;{article.status.value}&nbsp;</span>"
        )
        approved = f" (approved: {article.approved_revision})" if article.approved_revision else ""
        self.revision.setText(f"{article.revision}{approved}")
        self.slug.setText(article.slug)
        self.created.setText(article.created_by)
        # "Last saved" is the text's last change; a workflow action (approve, publish)
        # is not a save, and shows as what it was.
        saved_at = article.content_updated_at or article.updated_at
        saved_by = article.content_updated_by or article.updated_by
        self.updated.setText(_when_by(saved_at, saved_by))
        acted = (article.updated_at, article.updated_by) != (saved_at, saved_by)
        self.last_action.setText(
            f"{article.status.value}: {_when_by(article.updated_at, article.updated_by)}"
            if acted
            else ""
        )


def _when_by(when, who: str) -> str:
    text = when.astimezone().strftime("%Y-%m-%d %H:%M") if when else ""
    return f"{text} by {who}" if who else text
