"""The centre of the window: the article's fields, the formatting bar and the body.

It turns an Article into widget state and back; it does not save. `edited` fires
on every change the user makes (not on loading).

A new window shows "No article open": the fields, the address row and the body (and
the body editor's modules: about 20 ms of a start, benchmarks/bench_launches.py) are
made when first needed, which is when an article is first shown or any of them is
first asked for (`fields`, `address`, `body`). The formatting bar is made at once:
its actions are in the window's menus.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QToolButton, QVBoxLayout, QWidget

from newsdesk.domain.article import Article, Credit, Image
from newsdesk.domain.language import article_text, detect_language
from newsdesk.domain.site import SiteProfile
from newsdesk.gui.editor.formatting_toolbar import FormattingToolbar

if TYPE_CHECKING:
    from newsdesk.gui.editor.address_row import AddressRow
    from newsdesk.gui.editor.body.editor import BodyEditor, LoadImage, StoreImage
    from newsdesk.gui.editor.fields_form import FieldsForm


class ArticleEditor(QWidget):
    edited = Signal()
    fields_changed = Signal()  # the fields' own (FieldsForm), once they are made
    address_change_requested = Signal()  # the address row's "Change…"

    def __init__(
        self,
        *,
        site: SiteProfile,
        store_image: StoreImage | None = None,
        load_image: LoadImage | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._article: Article | None = None
        self.images: list[Image] = []  # attached to the open article, with the body
        self._loading = False
        self.banner = QLabel()
        self.banner.setObjectName("article_banner")
        self.banner.setAccessibleName(self.tr("Article notice"))
        self.banner.setWordWrap(True)
        # Fixed colours with their own dark text: it must stand out on any palette.
        self.banner.setStyleSheet(
            "QLabel#article_banner { background: #fff1c7; color: #4d3800;"
            " border: 1px solid #d9a81e; border-radius: 4px; padding: 6px; }"
        )
        self.banner.hide()
        self._site = site
        self._site_language = site.language
        self._language_follows = False  # the stored language is what the text says
        self._store_image, self._load_image = store_image, load_image
        self._parts: tuple[FieldsForm, AddressRow, BodyEditor] | None = None
        self._read_only = False
        self.toolbar = FormattingToolbar(
            body=lambda: self.body, can_store_images=store_image is not None
        )
        overflow = self.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        if overflow is not None:  # Qt's » button, shown when the bar is narrower than its actions
            overflow.setAccessibleName(self.tr("More formatting actions"))
        self.placeholder = QLabel(
            self.tr("No article open.\nChoose one from the list, or start a new one with Ctrl+N.")
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        # The form's page: the notices, the banner and the bar now, the rest when built.
        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(6, 0, 6, 0)
        form_layout.addWidget(self.banner)
        form_layout.addWidget(self.toolbar)
        self._form_layout = form_layout
        self.pages = QStackedWidget()
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    # -- the form, made when first needed ---------------------------------------------

    @property
    def fields(self) -> FieldsForm:
        return self._built()[0]

    @property
    def address(self) -> AddressRow:
        return self._built()[1]

    @property
    def body(self) -> BodyEditor:
        return self._built()[2]

    def is_built(self) -> bool:
        return self._parts is not None

    def _built(self) -> tuple[FieldsForm, AddressRow, BodyEditor]:
        if self._parts is None:
            self._parts = self._build()
        return self._parts

    def _build(self) -> tuple[FieldsForm, AddressRow, BodyEditor]:
        from newsdesk.gui.editor.address_row import AddressRow
        from newsdesk.gui.editor.body.editor import BodyEditor
        from newsdesk.gui.editor.fields_form import FieldsForm

        fields = FieldsForm.for_site(self._site)
        address = AddressRow(self._site.base_url)
        fields.headline_edit.textChanged.connect(address.follow_headline)
        body = BodyEditor(self._store_image, load_image=self._load_image)
        self.toolbar.bind(body)
        at = self._form_layout.indexOf(self.toolbar)
        self._form_layout.insertWidget(at, fields)
        self._form_layout.insertWidget(at + 1, address)
        self._form_layout.addWidget(body, 1)
        fields.fields_changed.connect(self._on_part_changed)
        fields.fields_changed.connect(self.fields_changed)
        address.change_requested.connect(self.address_change_requested)
        body.body_changed.connect(self._on_part_changed)
        address.show_address(None, follows=False, frozen=False, refusal="")
        if self._read_only:
            fields.set_read_only(True)
            body.set_read_only(True)
        return fields, address, body

    def load(self, article: Article | None) -> None:
        self._loading = True
        try:
            self._article = article
            self.images = list(article.images) if article is not None else []
            if article is not None:
                self._built()
            self.pages.setCurrentIndex(0 if article is None else 1)
            if article is not None:
                self.fields.set_article(article)
                self.body.set_markdown(article.body)
                told = detect_language(
                    article_text(article.headline, article.kicker, article.body),
                    self._site_language,
                )
                self._language_follows = article.language == told
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool, reason: str = "") -> None:
        self._read_only = read_only
        if self._parts is not None:
            self.fields.set_read_only(read_only)
            self.body.set_read_only(read_only)
        self.toolbar.setEnabled(not read_only)
        self.setToolTip(reason if read_only else "")

    def read_only(self) -> bool:
        return self._read_only

    def focus_headline(self) -> None:
        self.fields.headline_edit.setFocus()
        self.fields.headline_edit.selectAll()

    def add_notice(self, widget: QWidget) -> None:
        """Put `widget` (a bar of notices) over the article's fields, above the banner."""
        self._form_layout.insertWidget(0, widget)

    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def article(self, base: Article, credits: list[Credit]) -> Article:
        """`base` with what the widgets show now.

        A field with a problem (an empty headline, a half-typed date) keeps `base`'s
        value, so the rest can still be saved; `pending_fields()` has its raw text.
        """
        values = self.fields.values()
        for name in self.fields.problems():
            values[name] = getattr(base, name)
        body = self.body.markdown()
        if body.rstrip("\n") == base.body.rstrip("\n"):
            body = base.body  # Qt's writer adds a final newline: not an edit
        return dataclasses.replace(
            base, **values, body=body, credits=credits, images=list(self.images)
        )

    def pending_fields(self) -> dict[str, str]:
        """Raw text of the fields with a problem, which article() could not take."""
        if self._parts is None:
            return {}  # no field was ever shown
        return {name: self.fields.edits[name].text() for name in self.fields.problems()}

    def restore_pending_fields(self, pending: dict[str, str]) -> None:
        """Put raw field text back on screen (after recovering from a crash)."""
        for name, text in pending.items():
            edit = self.fields.edits.get(name)
            if edit is not None:
                edit.setText(text)

    def add_image(self, image: Image) -> None:
        if all(i.sha256 != image.sha256 for i in self.images):
            self.images.append(image)

    def follow_language(self) -> None:
        """Show the language the text is in now, while the article's language follows
        its text (the newsroom keeps it so on save; see newsroom/content_rules.py)."""
        if self._article is None or not self._language_follows:
            return
        fields = self.fields
        text = article_text(
            fields.headline_edit.text(), fields.kicker_edit.text(), self.plain_text()
        )
        fields.show_detected_language(detect_language(text, self._site_language))

    def plain_text(self) -> str:
        """The body as the reader sees it (no Markdown marks), for word counts."""
        return self.body.rich_edit.toPlainText()

    def _on_part_changed(self) -> None:
        if not self._loading and self._article is not None:
            self.edited.emit()
