"""Links in the body: the link at the cursor, the link dialog, setting and removing.

A part of BodyEditor (see editor.py): it works on the editor's `rich_edit`.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from newsdesk.domain.errors import InvalidInputError
from newsdesk.gui.editor.body.link_dialog import LinkDialog, link_problem
from newsdesk.gui.editor.body.markdown_document import block_spans
from newsdesk.gui.editor.body.text_cursor import fragments_in, one_undo_step, without_link


class LinksMixin:
    """Link commands of the body editor (mixed into BodyEditor)."""

    rich_edit: QTextEdit
    source_edit: QPlainTextEdit
    link_dialog: LinkDialog | None

    # Links --------------------------------------------------------------------------------
    def _link_range(self) -> tuple[int, int, str] | None:
        """Start, end and address of the link at the cursor, if any."""
        cursor = self.rich_edit.textCursor()
        position = cursor.position()
        links: list[tuple[int, int, str]] = []
        for span in block_spans(cursor.block()):
            fmt = span.char_format
            href = fmt.anchorHref() if fmt.isAnchor() else ""
            start, end = span.position, span.position + span.length
            if href and links and links[-1][2] == href and links[-1][1] == start:
                links[-1] = (links[-1][0], end, href)
            elif href:
                links.append((start, end, href))
        for start, end, href in links:
            inside = (
                start <= position <= end
                if not cursor.hasSelection()
                else (start <= cursor.selectionStart() and cursor.selectionEnd() <= end)
            )
            if inside:
                return start, end, href
        return None

    def ask_link(self) -> LinkDialog:
        """Open the link dialog (window-modal, not blocking) for the cursor or selection.

        In the Markdown source the link is written as Markdown, around the selection."""
        if self.is_source_mode():
            selected = self.source_edit.textCursor().selectedText()
            dialog = LinkDialog(text=selected, parent=self)
            dialog.accepted.connect(lambda: self._insert_source_link(dialog))
            dialog.finished.connect(lambda _result: self._on_link_dialog_finished(dialog))
            self.link_dialog = dialog
            dialog.open()
            return dialog
        cursor = self.rich_edit.textCursor()
        existing = self._link_range()
        if existing is not None:
            dialog = LinkDialog(existing[2], editing=True, parent=self)
        elif cursor.hasSelection():
            dialog = LinkDialog(parent=self)
        else:
            dialog = LinkDialog(text="", parent=self)
        dialog.accepted.connect(lambda: self._on_link_dialog_accepted(dialog))
        dialog.finished.connect(lambda _result: self._on_link_dialog_finished(dialog))
        self.link_dialog = dialog
        dialog.open()
        return dialog

    def _on_link_dialog_accepted(self, dialog: LinkDialog) -> None:
        if dialog.remove_requested:
            self.remove_link()
        else:
            self.set_link(
                dialog.url(), dialog.text() if dialog.text_edit.isVisibleTo(dialog) else None
            )

    def _on_link_dialog_finished(self, dialog: LinkDialog) -> None:
        if self.link_dialog is dialog:
            self.link_dialog = None
        dialog.deleteLater()
        (self.source_edit if self.is_source_mode() else self.rich_edit).setFocus()

    def _insert_source_link(self, dialog: LinkDialog) -> None:
        url = dialog.url()
        text = dialog.text() or url
        # Brackets and backslashes in the text would end or escape the link's text.
        escaped = "".join("\\" + ch if ch in "\\[]" else ch for ch in text)
        cursor = self.source_edit.textCursor()
        cursor.insertText(f"[{escaped}](<{url}>)")
        self.source_edit.setTextCursor(cursor)

    def set_link(self, url: str, text: str | None = None) -> None:
        """Link the selection (or the link at the cursor) to `url`; with nothing selected,
        insert `text` (or the address) as a new link."""
        url = url.strip()
        problem = link_problem(url)
        if problem is not None:
            raise InvalidInputError(problem)
        link_format = self.link_format(url)
        cursor = self.rich_edit.textCursor()
        existing = self._link_range()
        if cursor.hasSelection():
            cursor.mergeCharFormat(link_format)
        elif existing is not None:
            cursor.setPosition(existing[0])
            cursor.setPosition(existing[1], QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(link_format)
        else:
            base = self.rich_edit.currentCharFormat()
            base.merge(link_format)
            cursor.insertText(text or url, base)
            self.rich_edit.setTextCursor(cursor)
            # Typing on after a new link must not lengthen the link.
            self.rich_edit.setCurrentCharFormat(without_link(self.rich_edit.currentCharFormat()))
        self._emit_format_state()

    def link_format(self, url: str) -> QTextCharFormat:
        """How a link to `url` looks in the editor (the palette's link colour, underlined)."""
        link_format = QTextCharFormat()
        link_format.setAnchor(True)
        link_format.setAnchorHref(url)
        link_format.setForeground(self.palette().brush(QPalette.ColorRole.Link))
        link_format.setFontUnderline(True)
        return link_format

    def remove_link(self) -> None:
        existing = self._link_range()
        cursor = self.rich_edit.textCursor()
        if existing is not None:
            start, end = existing[0], existing[1]
        elif cursor.hasSelection():
            start, end = cursor.selectionStart(), cursor.selectionEnd()
        else:
            return
        edit = QTextCursor(self.rich_edit.document())
        with one_undo_step(edit):
            # Collected first: changing formats while walking fragments invalidates them.
            spans = list(fragments_in(self.rich_edit.document(), start, end))
            for position, length, fmt in spans:
                edit.setPosition(position)
                edit.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
                edit.setCharFormat(without_link(fmt))
        self.rich_edit.setCurrentCharFormat(without_link(self.rich_edit.currentCharFormat()))
        self._emit_format_state()
