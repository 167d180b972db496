"""The fields above the body: kicker, headline, section, date and source.

Each field is checked as the reporter types and says what is wrong right under it.
The rules come from the site profile (headline length, separators), passed in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from newsdesk.domain.article import Article
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.site import SiteProfile, primary_language
from newsdesk.gui.i18n.core_text import language_name

log = logging.getLogger(__name__)

# Accent for problems: readable on light and dark window backgrounds alike.
PROBLEM_COLOUR = "#d9534f"
FIELDS = ("kicker", "headline", "section", "date", "source")
LINK_KEY = QKeySequence("Ctrl+K")


class FieldsForm(QWidget):
    """Kicker, headline, section path, date and source of one article."""

    fields_changed = Signal()
    validity_changed = Signal(bool)

    def __init__(
        self,
        *,
        headline_max_length: int = 120,
        section_separator: str = " > ",
        kicker_separator: str = "丨",
        languages: tuple[str, ...] = ("en", "zh"),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._headline_max = headline_max_length
        self._section_separator = section_separator
        self._kicker_separator = kicker_separator
        self._loading = False
        self._valid = True

        self.kicker_edit = self._line_edit(
            self.tr("Kicker"), self.tr("e.g. Exclusive video (optional)")
        )
        self.headline_edit = self._line_edit(
            self.tr("Headline"), self.tr("What happened, in a line")
        )
        self.section_edit = self._line_edit(
            self.tr("Section"),
            self.tr("e.g. {example} (parts joined by {separator})").format(
                example=section_separator.join([self.tr("news"), self.tr("world")]),
                separator=section_separator.strip(),
            ),
        )
        self.date_edit = self._line_edit(
            self.tr("Date"), self.tr("YYYY-MM-DD, empty for no date yet")
        )
        self.source_edit = self._line_edit(
            self.tr("Source"), self.tr("Agency or outlet (optional)")
        )
        self.edits: dict[str, QLineEdit] = {
            "kicker": self.kicker_edit,
            "headline": self.headline_edit,
            "section": self.section_edit,
            "date": self.date_edit,
            "source": self.source_edit,
        }
        self.language_combo = QComboBox(self)
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.setToolTip(
            self.tr(
                "The article's language: its page prints that language's labels."
                " Told from the text until you choose one."
            )
        )
        for code in languages:
            self.language_combo.addItem(language_name(code), code)
        self.language_combo.activated.connect(self._on_language_combo_activated)
        self._loaded_language = ""
        self.language_chosen = False  # chosen in the combo since the article was loaded
        self.messages: dict[str, QLabel] = {}
        for name, edit in self.edits.items():
            message = QLabel(self)
            message.setWordWrap(True)
            message.setAccessibleName(
                self.tr("{field} problem").format(field=edit.accessibleName())
            )
            message.setStyleSheet(f"color: {PROBLEM_COLOUR};")
            message.hide()
            self.messages[name] = message

        self.headline_counter = QLabel(self)
        self.headline_counter.setAccessibleName(self.tr("Headline length"))
        self.headline_counter.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )

        self.calendar = QCalendarWidget(self)
        self.calendar.setAccessibleName(self.tr("Choose the date"))
        self.calendar.setGridVisible(True)
        self.calendar.activated.connect(self._on_calendar_activated)
        self.calendar.clicked.connect(self._on_calendar_activated)
        menu = QMenu(self)
        calendar_action = QWidgetAction(menu)
        calendar_action.setDefaultWidget(self.calendar)
        menu.addAction(calendar_action)
        self.calendar_menu = menu
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText(self.tr("Calendar…"))
        self.calendar_button.setAccessibleName(self.tr("Choose the date from a calendar"))
        self.calendar_button.setToolTip(self.tr("Choose the date from a calendar"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar_button.setMenu(menu)
        menu.aboutToShow.connect(self._on_calendar_menu_about_to_show)

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        headline_row = QHBoxLayout()
        headline_row.addWidget(self.headline_edit, 1)
        headline_row.addWidget(self.headline_counter)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit, 1)
        date_row.addWidget(self.calendar_button)
        rows = {
            "kicker": (self.tr("&Kicker:"), self.kicker_edit),
            "headline": (self.tr("&Headline:"), headline_row),
            "section": (self.tr("&Section:"), self.section_edit),
            "date": (self.tr("&Date:"), date_row),
            "source": (self.tr("S&ource:"), self.source_edit),
            "language": (self.tr("&Language:"), self.language_combo),
        }
        for name, (label_text, field) in rows.items():
            cell = QVBoxLayout()
            cell.setSpacing(1)
            if isinstance(field, QWidget):
                cell.addWidget(field)
            else:
                cell.addLayout(field)
            if name in self.messages:
                cell.addWidget(self.messages[name])
            label = QLabel(label_text, self)
            label.setBuddy(self.edits.get(name, self.language_combo))
            form.addRow(label, cell)

        for edit in self.edits.values():
            edit.installEventFilter(self)
            edit.textChanged.connect(self._on_edit_text_changed)
            edit.textEdited.connect(self._on_edit_text_edited)
        self.date_edit.editingFinished.connect(self._on_date_edit_editing_finished)
        self._validate()

    @classmethod
    def for_site(cls, site: SiteProfile, parent: QWidget | None = None) -> FieldsForm:
        """A form with the rules of `site` (headline limit, separators)."""
        return cls(
            headline_max_length=site.headline_max_length,
            section_separator=site.breadcrumb_separator,
            kicker_separator=site.kicker_separator,
            languages=site.languages,
            parent=parent,
        )

    def _line_edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        return edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl+K means "link" in the editor. On X11 a line edit takes it as "delete to the
        # end of the line": a reporter reaching for a link must never lose text that way.
        if (
            event.type() == QEvent.Type.KeyPress
            and QKeySequence(event.keyCombination()) == LINK_KEY
            and watched in self.edits.values()
        ):
            return True
        return super().eventFilter(watched, event)

    # API ---------------------------------------------------------------------------------
    def set_article(self, article: Article) -> None:
        self._loading = True
        try:
            self.kicker_edit.setText(article.kicker)
            self.headline_edit.setText(article.headline)
            self.section_edit.setText(self._section_separator.join(article.section))
            self.date_edit.setText(article.date.isoformat() if article.date else "")
            self.source_edit.setText(article.source)
            self._loaded_language = article.language
            self.language_chosen = False
            self._select_language(article.language)
        finally:
            self._loading = False
        self._validate()

    def _select_language(self, language: str) -> None:
        code = primary_language(language)
        index = self.language_combo.findData(code)
        if index < 0:  # a language the site has no labels for: shown as its code
            self.language_combo.addItem(code, code)
            index = self.language_combo.count() - 1
        self.language_combo.setCurrentIndex(index)

    def language(self) -> str:
        """The language the combo shows; the loaded tag (`zh-CN`) while it shows that."""
        code = self.language_combo.currentData() or ""
        if primary_language(self._loaded_language) == code:
            return self._loaded_language
        return code

    def show_detected_language(self, language: str) -> None:
        """Follow the text's language (unless the person chose one): shown, and what
        the article is saved with."""
        if not self.language_chosen:
            self._select_language(language)

    def values(self) -> dict[str, Any]:
        """The fields as Article values: section as a list, date as a date (None when
        empty or not a date; is_valid() tells which)."""
        return {
            "kicker": self.kicker_edit.text().strip(),
            "headline": self.headline_edit.text().strip(),
            "section": self._section_parts(),
            "date": self._date_value(),
            "source": self.source_edit.text().strip(),
            "language": self.language(),
        }

    def apply_to(self, article: Article) -> Article:
        """A copy of `article` with these fields. Raises InvalidInputError if any field
        has a problem (the message names every one)."""
        problems = self.problems()
        if problems:
            raise InvalidInputError("; ".join(problems.values()))
        return dataclasses.replace(article, **self.values())

    def is_valid(self) -> bool:
        return not self.problems()

    def problems(self) -> dict[str, str]:
        """Field name -> what is wrong with it, for every field with a problem."""
        checks = {
            "kicker": self._kicker_problem(),
            "headline": self._headline_problem(),
            "section": self._section_problem(),
            "date": self._date_problem(),
        }
        return {name: problem for name, problem in checks.items() if problem}

    def set_read_only(self, read_only: bool) -> None:
        for edit in self.edits.values():
            edit.setReadOnly(read_only)
        self.calendar_button.setEnabled(not read_only)
        self.language_combo.setEnabled(not read_only)

    # Checks --------------------------------------------------------------------------------
    def _kicker_problem(self) -> str:
        if self._kicker_separator.strip() and self._kicker_separator in self.kicker_edit.text():
            return self.tr(
                "The kicker cannot contain {separator}: the page puts it between "
                "kicker and headline."
            ).format(separator=self._kicker_separator)
        return ""

    def _headline_problem(self) -> str:
        headline = self.headline_edit.text().strip()
        if not headline:
            return self.tr("A headline is required.")
        if len(headline) > self._headline_max:
            return self.tr(
                "The headline is {length} characters; the site allows {limit}."
                " Shorten it by {over}."
            ).format(
                length=len(headline),
                limit=self._headline_max,
                over=len(headline) - self._headline_max,
            )
        if self._kicker_separator.strip() and self._kicker_separator in headline:
            return self.tr(
                "The headline cannot contain {separator}: the page uses it to "
                "separate the kicker. Put the first part in the kicker field."
            ).format(separator=self._kicker_separator)
        return ""

    def _raw_section_parts(self) -> list[str]:
        separator = self._section_separator.strip() or ">"
        return [part.strip() for part in self.section_edit.text().split(separator)]

    def _section_parts(self) -> list[str]:
        return [part for part in self._raw_section_parts() if part]

    def _section_problem(self) -> str:
        example = self._section_separator.join([self.tr("news"), self.tr("world")])
        if not self.section_edit.text().strip():
            return self.tr("A section is required, e.g. {example}.").format(example=example)
        if any(not part for part in self._raw_section_parts()):
            separator = self._section_separator.strip() or ">"
            return self.tr(
                "The section has an empty part: put a name on each side of every {separator}."
            ).format(separator=separator)
        return ""

    def _date_value(self) -> dt.date | None:
        text = self.date_edit.text().strip()
        if not text:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None

    def _date_problem(self) -> str:
        text = self.date_edit.text().strip()
        if not text:
            return ""
        try:
            dt.date.fromisoformat(text)
        except ValueError as error:
            example = dt.date.today().isoformat()
            reason = str(error)
            if reason.startswith("Invalid isoformat string"):
                return self.tr(
                    "{text} is not a date. Write it as YYYY-MM-DD, e.g. {example}."
                ).format(text=text, example=example)
            return self.tr(
                "{text} is not a date ({reason}). Write it as YYYY-MM-DD, e.g. {example}."
            ).format(text=text, reason=reason, example=example)
        return ""

    def _validate(self) -> None:
        problems = self.problems()
        for name, message in self.messages.items():
            text = problems.get(name, "")
            message.setText(text)
            message.setVisible(bool(text))
            self.edits[name].setAccessibleDescription(text)
        length = len(self.headline_edit.text().strip())
        self.headline_counter.setText(f"{length} / {self._headline_max}")
        over = length > self._headline_max
        self.headline_counter.setStyleSheet(f"color: {PROBLEM_COLOUR};" if over else "")
        valid = not problems
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    # Slots -----------------------------------------------------------------------------------
    def _on_edit_text_changed(self, _text: str) -> None:
        self._validate()

    def _on_edit_text_edited(self, _text: str) -> None:
        if not self._loading:
            self.fields_changed.emit()

    def _on_date_edit_editing_finished(self) -> None:
        # ISO forms such as 20250304 are accepted; show them as the page prints them.
        value = self._date_value()
        if value is not None and self.date_edit.text().strip() != value.isoformat():
            self.date_edit.setText(value.isoformat())
            self.fields_changed.emit()

    def _on_language_combo_activated(self, _index: int) -> None:
        self.language_chosen = True  # chosen: no longer told from the text
        if not self._loading:
            self.fields_changed.emit()

    def _on_calendar_menu_about_to_show(self) -> None:
        value = self._date_value() or dt.date.today()
        self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))
        self.calendar.setFocus()

    def _on_calendar_activated(self, date: QDate) -> None:
        self.date_edit.setText(dt.date(date.year(), date.month(), date.day()).isoformat())
        self.calendar_menu.hide()
        self.date_edit.setFocus()
        self.fields_changed.emit()
