"""The right-hand panel: who and what the article is (metadata), its credits, and the
editorial notes beside them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QSplitter, QVBoxLayout, QWidget

from newsdesk.domain.article import Article
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.gui.elided_label import ElidedLabel
from newsdesk.gui.i18n.core_text import status_name
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
        self.status.setAccessibleName(self.tr("Status"))
        self.revision = QLabel()
        self.revision.setAccessibleName(self.tr("Revision"))
        # Long values (a slug of forty syllables) end in "…" in a narrow panel.
        self.slug = ElidedLabel()
        self.slug.setAccessibleName(self.tr("Slug"))
        self.created = ElidedLabel()
        self.created.setAccessibleName(self.tr("Created by"))
        self.updated = ElidedLabel()
        self.updated.setAccessibleName(self.tr("Last saved"))
        self.updated.setToolTip(self.tr("The last change of the text: who saved it, and when"))
        self.last_action = QLabel()
        self.last_action.setAccessibleName(self.tr("Last action"))
        details = QGroupBox(self.tr("Article"))
        form = QFormLayout(details)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Revision"), self.revision)
        form.addRow(self.tr("Slug"), self.slug)
        form.addRow(self.tr("Created by"), self.created)
        form.addRow(self.tr("Last saved"), self.updated)
        form.addRow(self.tr("Last action"), self.last_action)
        # Shown only when there was one since the last save: an empty row took the
        # height a fourth credit needs at 1,360×800.
        form.setRowVisible(self.last_action, False)
        self._details_form = form
        self.credits = CreditsPanel(
            vocabulary, known_people, language=language, separator=separator
        )
        credits_box = QGroupBox(self.tr("Credits"))
        credits_layout = QVBoxLayout(credits_box)
        credits_layout.addWidget(self.credits)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(details)
        self.notes_box: QGroupBox | None = None
        if notes is None:
            layout.addWidget(credits_box, 1)
            return
        self.notes_box = QGroupBox(self.tr("Notes"))
        notes_layout = QVBoxLayout(self.notes_box)
        notes_layout.addWidget(notes)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("side_splitter")
        self.splitter.addWidget(credits_box)
        self.splitter.addWidget(self.notes_box)
        # On a short screen the notes may be dragged shut; the credits stay.
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, True)
        # Credits first: four credit rows and the Add button fit a 1,360×800 window.
        self.splitter.setSizes([500, 200])
        layout.addWidget(self.splitter, 1)

    def show_note_count(self, count: int) -> None:
        if self.notes_box is not None:
            self.notes_box.setTitle(
                self.tr("Notes ({count})").format(count=count) if count else self.tr("Notes")
            )

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
            self._details_form.setRowVisible(self.last_action, False)
            return
        colour = STATUS_COLOURS.get(article.status.value, "#7a869a")
        self.status.setText(
            f'<span style="background:{colour}; color:white; border-radius:6px;">'
            f"&nbsp;{status_name(article.status)}&nbsp;</span>"
        )
        approved = (
            self.tr(" (approved: {revision})").format(revision=article.approved_revision)
            if article.approved_revision
            else ""
        )
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
            f"{status_name(article.status)}: {_when_by(article.updated_at, article.updated_by)}"
            if acted
            else ""
        )
        self._details_form.setRowVisible(self.last_action, acted)


def _when_by(when, who: str) -> str:
    text = when.astimezone().strftime("%Y-%m-%d %H:%M") if when else ""
    if not who:
        return text
    return QCoreApplication.translate("SidePanel", "{when} by {who}").format(when=text, who=who)
