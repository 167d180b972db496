"""Credits editing: rows of a role and the people in it, and the block as the site prints it.

Rows can be added, removed and reordered with buttons, by dragging the handle, or from
the keyboard (Alt+Up, Alt+Down, Alt+Delete in a row; Delete on a row's remove button).
A row without a role or without names stays while the reporter edits, flagged, and is
left out of `credits()` and of the preview, because the site would print it broken.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from newsdesk.domain.article import Credit
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.gui.side.credit_row import ROW_MIME_TYPE, CreditRow


class _AddButton(QPushButton):
    """A button whose Alt+letter acts at once.

    Qt answers a button's mnemonic with an animated click, a tenth of a second later:
    a reporter who pressed Alt+A and typed the role straight away had its first letters
    typed into whatever had the focus before (the body), seen on a real desktop.
    """

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut and self.isEnabled():
            self.click()
            return True
        return super().event(event)


class _RowsArea(QWidget):
    """Holds the rows; takes row drops and shows where a dragged row would land."""

    def __init__(self, panel: CreditsPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.setAcceptDrops(True)
        self.rows_layout = QVBoxLayout(self)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(2)
        # A bar in the selection colour where the dragged row would land.
        self.indicator = QWidget(self)
        self.indicator.setAutoFillBackground(True)
        self.indicator.setBackgroundRole(QPalette.ColorRole.Highlight)
        self.indicator.hide()

    def drop_index(self, y: float) -> int:
        """Where a row dropped at height `y` goes, as an index in the row list."""
        for index, row in enumerate(self.panel.rows()):
            if y < row.geometry().center().y():
                return index
        return len(self.panel.rows())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.panel.row_from_payload(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.panel.row_from_payload(event.mimeData()) is None:
            event.ignore()
            return
        event.acceptProposedAction()
        index = self.drop_index(event.position().y())
        rows = self.panel.rows()
        y = (
            rows[index].geometry().top() - 1
            if index < len(rows)
            else (rows[-1].geometry().bottom() + 1 if rows else 0)
        )
        self.indicator.setGeometry(0, y - 1, self.width(), 3)
        self.indicator.show()
        self.indicator.raise_()

    def dragLeaveEvent(self, event) -> None:
        self.indicator.hide()

    def dropEvent(self, event: QDropEvent) -> None:
        self.indicator.hide()
        row = self.panel.row_from_payload(event.mimeData())
        if row is None:
            event.ignore()
            return
        target = self.drop_index(event.position().y())
        current = self.panel.rows().index(row)
        # Taking the row out first shifts the places below it up by one.
        self.panel.move_row(current, target - 1 if target > current else target)
        event.acceptProposedAction()


class CreditsPanel(QWidget):
    """Edits an article's credits.

    `vocabulary` gives the roles offered (labels in `language`), `known_people` the
    names completed while typing, `separator` what the site prints between role and
    names. `credits()` returns complete rows only; incomplete rows stay on screen,
    flagged, until the reporter completes or removes them.
    """

    credits_changed = Signal()

    def __init__(
        self,
        vocabulary: CreditVocabulary | None = None,
        known_people: Sequence[str] = (),
        *,
        language: str = "en",
        separator: str = "丨",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary or CreditVocabulary()
        self._known_people = list(known_people)
        self._language = language
        self._separator = separator
        self._rows: list[CreditRow] = []
        self._loading = False

        self.rows_area = _RowsArea(self)
        self.rows_area.setAccessibleName(self.tr("Credit rows"))

        self.add_button = _AddButton(self.tr("&Add credit"), self)
        self.add_button.setAccessibleName(self.tr("Add credit"))
        self.add_button.setToolTip(self.tr("Add a credit row (Alt+A)"))
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))

        self.preview_heading = QLabel(self.tr("As printed on the page:"), self)
        self.preview = QLabel(self)
        self.preview.setAccessibleName(self.tr("Credits as printed"))
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setWordWrap(True)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setMargin(6)
        self.preview_heading.setBuddy(self.preview)

        # The rows and the printed block scroll together, vertically only: the rows
        # fit any width the side panel has (see CreditRow), so the panel never shows a
        # second scrollbar or clips a row's buttons. The Add button stays under them,
        # outside the scrolling part: with four credits on a 1,360×800 window it was
        # below the fold, to be found by scrolling.
        content = QWidget(self)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 4, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.rows_area)
        content_layout.addWidget(self.preview_heading)
        content_layout.addWidget(self.preview)
        content_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self._refresh()

    # API ---------------------------------------------------------------------------------
    def set_credits(self, credits: Iterable[Credit]) -> None:
        self._loading = True
        try:
            for row in list(self._rows):
                self._take_row(row)
            for credit in credits:
                self.add_row(credit.role, credit.names)
        finally:
            self._loading = False
        self._refresh()

    def credits(self) -> list[Credit]:
        """The complete credits in row order (incomplete rows are not printed)."""
        return [credit for row in self._rows if (credit := row.credit()) is not None]

    def incomplete_rows(self) -> list[int]:
        """Indexes of rows that are flagged as incomplete."""
        return [i for i, row in enumerate(self._rows) if row.credit() is None]

    def rows(self) -> list[CreditRow]:
        return list(self._rows)

    def role_labels(self) -> list[str]:
        return self._vocabulary.labels(self._language)

    def known_people(self) -> list[str]:
        return list(self._known_people)

    def set_known_people(self, names: Sequence[str]) -> None:
        self._known_people = list(names)
        for row in self._rows:
            row.people.set_known_people(self._known_people)

    def set_language(self, language: str) -> None:
        """Offer role labels and print the preview in `language` (the article's)."""
        self._language = language
        for row in self._rows:
            row.set_role_labels(self.role_labels())
        self._refresh()

    def set_separator(self, separator: str) -> None:
        self._separator = separator
        self._refresh()

    def preview_lines(self) -> list[str]:
        """The credit lines as the site prints them: `{Role}{sep}{names}`."""
        return [
            f"{self._vocabulary.label(c.role, self._language)}{self._separator}{' '.join(c.names)}"
            for c in self.credits()
        ]

    def add_row(
        self, role: str = "", names: Sequence[str] = (), *, focus: bool = False
    ) -> CreditRow:
        row = CreditRow(self, role, names)
        row.changed.connect(self._on_row_changed)
        row.move_requested.connect(lambda delta, r=row: self._on_row_move_requested(r, delta))
        row.remove_requested.connect(lambda r=row: self._on_row_remove_requested(r))
        self._rows.append(row)
        self.rows_area.rows_layout.insertWidget(len(self._rows) - 1, row)
        # Shown now, not when the layout gets round to it, so it can take focus and keys
        # straight away (the layout only queues the show of a widget added to it).
        row.show()
        if not self._loading:
            self._refresh()
            self.credits_changed.emit()
        if focus:
            row.role_combo.setFocus()
            self.scroll_area.ensureWidgetVisible(row)
        return row

    def remove_row(self, index: int) -> None:
        row = self._rows[index]
        had_focus = row.isAncestorOf(QApplication.focusWidget())
        self._take_row(row)
        self._refresh()
        self.credits_changed.emit()
        if had_focus:
            if self._rows:
                self._rows[min(index, len(self._rows) - 1)].role_combo.setFocus()
            else:
                self.add_button.setFocus()

    def move_row(self, index: int, new_index: int) -> None:
        new_index = max(0, min(new_index, len(self._rows) - 1))
        if new_index == index:
            return
        row = self._rows.pop(index)
        self._rows.insert(new_index, row)
        self.rows_area.rows_layout.removeWidget(row)
        self.rows_area.rows_layout.insertWidget(new_index, row)
        # Rows take their new places now: a drag that follows measures against them.
        self.rows_area.rows_layout.activate()
        self._refresh()
        self.credits_changed.emit()
        self.scroll_area.ensureWidgetVisible(row)

    # Drag and drop payload -----------------------------------------------------------------
    def drag_payload(self, row: CreditRow) -> bytes:
        return f"{id(self)}:{self._rows.index(row)}".encode()

    def row_from_payload(self, mime: QMimeData) -> CreditRow | None:
        """The row a drag carries, if it is one of this panel's rows."""
        if not mime.hasFormat(ROW_MIME_TYPE):
            return None
        panel_id, _, index = bytes(mime.data(ROW_MIME_TYPE)).decode().partition(":")
        if panel_id != str(id(self)) or not index.isdigit() or int(index) >= len(self._rows):
            return None
        return self._rows[int(index)]

    # Internals ------------------------------------------------------------------------------
    def _take_row(self, row: CreditRow) -> None:
        self._rows.remove(row)
        self.rows_area.rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _on_row_changed(self) -> None:
        self._refresh()
        if not self._loading:
            self.credits_changed.emit()

    def _on_row_move_requested(self, row: CreditRow, delta: int) -> None:
        index = self._rows.index(row)
        focus = QApplication.focusWidget()
        self.move_row(index, index + delta)
        if focus is not None and row.isAncestorOf(focus):
            focus.setFocus()  # the keyboard stays where it was, in the moved row

    def _on_row_remove_requested(self, row: CreditRow) -> None:
        self.remove_row(self._rows.index(row))

    def _refresh(self) -> None:
        roles_seen: dict[str, int] = {}
        for number, row in enumerate(self._rows, start=1):
            row.set_number(number)
            row.up_button.setEnabled(number > 1)
            row.down_button.setEnabled(number < len(self._rows))
            flag = row.problem()
            key = row.role().casefold()
            found = self._vocabulary.find(row.role())
            key = found.key if found else key
            if not flag and key in roles_seen:
                flag = self.tr("Same role as credit {number}: the page prints two lines.").format(
                    number=roles_seen[key]
                )
            roles_seen.setdefault(key, number)
            row.set_flag(flag)
        # Tab order follows the rows as they are now, whatever order they were made in.
        chain: list[QWidget] = []
        for row in self._rows:
            chain += [row.role_combo, row.people.line_edit, row.up_button, row.down_button]
            chain.append(row.remove_button)
        chain.append(self.add_button)
        previous = chain[0]
        for widget in chain[1:]:
            QWidget.setTabOrder(previous, widget)
            previous = widget
        lines = self.preview_lines()
        self.preview.setText("\n".join(lines) if lines else self.tr("(no credits printed)"))
