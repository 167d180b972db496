"""Choosing an article's web address: checked as it is typed, the resulting URL shown,
and for a published page the consequence said first."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from newsdesk.domain.article import Article, Person
from newsdesk.gui.editor.address_row import page_url
from newsdesk.gui.editor.fields_form import PROBLEM_COLOUR
from newsdesk.gui.i18n.said_text import said_text
from newsdesk.gui.ops.worker import DatabaseWorker
from newsdesk.gui.workflow.refusals import reason_text
from newsdesk.publish.slugs import slug_problem

PUBLISHED_WARNING = QT_TRANSLATE_NOOP(
    "SlugDialog",
    "The site has carried this page under its address, and links point at it. The page"
    " moves to the new address; the old one is kept as a redirect in the export"
    " manifest, for the web team to set up.",
)


class SlugDialog(QDialog):
    def __init__(
        self, slug: str, base_url: str, *, published: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Change the web address") if published else self.tr("Web address")
        )
        self._base_url = base_url
        self.slug_edit = QLineEdit(slug)
        self.slug_edit.setAccessibleName(self.tr("Address"))
        self.slug_edit.setPlaceholderText(self.tr("e.g. tram-line-reopens"))
        self.url_label = QLabel()
        self.url_label.setAccessibleName(self.tr("Resulting web address"))
        self.url_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Address problem"))
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        self.warning = QLabel(self.tr(PUBLISHED_WARNING) if published else "")
        self.warning.setAccessibleName(self.tr("What changing it does"))
        self.warning.setWordWrap(True)
        self.warning.setVisible(published)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(
            self.tr("Change address") if published else self.tr("Use this address"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Address:"), self.slug_edit)
        form.addRow(self.tr("Page:"), self.url_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # Default once it is inside the dialog (Return means "use this address").
        self.ok_button.setDefault(True)
        self.slug_edit.textChanged.connect(self._on_slug_edit_text_changed)
        self._original = slug
        self._on_slug_edit_text_changed(slug)
        self.setMinimumWidth(480)
        self.slug_edit.setFocus()
        self.slug_edit.selectAll()

    def slug(self) -> str:
        return self.slug_edit.text().strip()

    def accept(self) -> None:
        if self.ok_button.isEnabled():
            super().accept()

    def _on_slug_edit_text_changed(self, text: str) -> None:
        slug = text.strip()
        problem = slug_problem(slug)
        said = said_text(problem) if problem is not None else ""
        self.message.setText(said)
        self.slug_edit.setAccessibleDescription(said)
        # Only an address the site can have is shown as one.
        self.url_label.setText(page_url(self._base_url, slug) if problem is None else "—")
        self.ok_button.setEnabled(problem is None and slug != self._original)


def ask_for_address(
    parent: QWidget,
    worker: DatabaseWorker,
    article: Article,
    base_url: str,
    published: bool,
    person: Person,
) -> SlugDialog:
    """Open the dialog for `article`'s address; on OK the newsroom changes it on the
    worker (the change hub then tells every view) or says why not."""
    dialog = SlugDialog(article.slug, base_url, published=published, parent=parent)
    article_id, seen, actor = article.id, article.slug, person.name

    def change() -> None:
        slug = dialog.slug()
        worker.submit(
            lambda newsroom: newsroom.change_slug(
                article_id, slug, actor=actor, expected_slug=seen
            ),
            None,
            lambda exc: QMessageBox.warning(
                parent,
                QCoreApplication.translate("SlugDialog", "The address was not changed"),
                reason_text(exc),
            ),
        )

    dialog.accepted.connect(change)
    dialog.open()
    return dialog
