"""Formatting the body: bold, italic, headings, quotes, lists, rules; the format at the
cursor, for the toolbar's checked buttons.

A part of BodyEditor (see editor.py): it works on the editor's `rich_edit`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import (
    QBrush,
    QFont,
    QPalette,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextLength,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit

from newsdesk.gui.editor.body.markdown_document import blocks
from newsdesk.gui.editor.body.text_cursor import (
    QUOTE_INDENT,
    is_bullet,
    is_rule,
    one_undo_step,
    paragraph_margins,
    set_heading_chars,
    with_paragraph_spacing,
)


@dataclass(frozen=True)
class FormatState:
    """The formatting at the cursor, for toolbars to show as checked buttons."""

    bold: bool = False
    italic: bool = False
    heading_level: int = 0
    quote: bool = False
    list_style: str | None = None  # "bullet", "numbered" or None
    link: str | None = None


class FormattingMixin:
    """Formatting commands of the body editor (mixed into BodyEditor)."""

    rich_edit: QTextEdit
    format_state_changed: Signal

    # Format state ---------------------------------------------------------------------
    def format_state(self) -> FormatState:
        cursor = self.rich_edit.textCursor()
        char_format = self.rich_edit.currentCharFormat()
        block_format = cursor.blockFormat()
        text_list = cursor.currentList()
        list_style = None
        if text_list is not None:
            list_style = "bullet" if is_bullet(text_list.format().style()) else "numbered"
        link = char_format.anchorHref() if char_format.isAnchor() else None
        return FormatState(
            bold=char_format.fontWeight() > QFont.Weight.Medium,
            italic=char_format.fontItalic(),
            heading_level=block_format.headingLevel(),
            quote=block_format.intProperty(QTextFormat.Property.BlockQuoteLevel) > 0,
            list_style=list_style,
            link=link or None,
        )

    def _emit_format_state(self) -> None:
        self._said_format_state = self.format_state()
        self.format_state_changed.emit(self._said_format_state)

    def _on_rich_cursor_moved(self) -> None:
        # Every typed key moves the cursor: the toolbar hears of it only when the
        # formatting at the cursor is not what it was last told (its eight buttons were
        # set again on every key press before).
        state = self.format_state()
        if state != getattr(self, "_said_format_state", None):
            self._said_format_state = state
            self.format_state_changed.emit(state)

    # Inline formatting ------------------------------------------------------------------
    def _merge_char_format(self, char_format: QTextCharFormat) -> None:
        # With a selection, the selection changes. Without one, only what is typed next:
        # never the word under the cursor (Ctrl+B at the end of "20 per cent" must not
        # take "cent" out of the bold run just typed). mergeCurrentCharFormat with no
        # selection sets the format of the next insertion only.
        self.rich_edit.mergeCurrentCharFormat(char_format)
        self._emit_format_state()

    def toggle_bold(self) -> None:
        char_format = QTextCharFormat()
        weight = QFont.Weight.Normal if self.format_state().bold else QFont.Weight.Bold
        char_format.setFontWeight(weight)
        self._merge_char_format(char_format)

    def toggle_italic(self) -> None:
        char_format = QTextCharFormat()
        char_format.setFontItalic(not self.format_state().italic)
        self._merge_char_format(char_format)

    # Block formatting -------------------------------------------------------------------
    def _selected_blocks(self) -> list[QTextBlock]:
        cursor = self.rich_edit.textCursor()
        document = self.rich_edit.document()
        first = document.findBlock(cursor.selectionStart())
        last = document.findBlock(cursor.selectionEnd())
        blocks = [first]
        while blocks[-1] != last and blocks[-1].next().isValid():
            blocks.append(blocks[-1].next())
        return blocks

    def _edit_blocks(self, change: Callable[[QTextCursor, QTextBlock], None]) -> None:
        cursor = self.rich_edit.textCursor()
        with one_undo_step(cursor):
            for block in self._selected_blocks():
                change(QTextCursor(block), block)
        self._emit_format_state()

    def toggle_heading(self, level: int) -> None:
        """Make the selected paragraphs headings of `level`, or paragraphs again."""
        blocks = self._selected_blocks()
        turn_off = all(b.blockFormat().headingLevel() == level for b in blocks)
        new_level = 0 if turn_off else level

        def change(cursor: QTextCursor, block: QTextBlock) -> None:
            if block.textList() is not None:
                block.textList().remove(block)
            fmt = block.blockFormat()
            fmt.setHeadingLevel(new_level)
            fmt.setIndent(0)
            fmt.clearProperty(QTextFormat.Property.BlockQuoteLevel)
            fmt.setLeftMargin(0)
            fmt.setRightMargin(0)
            # Spaced as Qt's Markdown reader spaces them: headings by their size,
            # paragraphs by a margin (so the body looks the same after a reload).
            top, bottom = paragraph_margins() if new_level == 0 else (0.0, 0.0)
            fmt.setTopMargin(top)
            fmt.setBottomMargin(bottom)
            cursor.setBlockFormat(fmt)
            set_heading_chars(cursor, new_level)

        self._edit_blocks(change)
        self.rich_edit.setCurrentCharFormat(self.rich_edit.textCursor().charFormat())
        self._emit_format_state()

    def toggle_quote(self) -> None:
        blocks = self._selected_blocks()
        turn_off = all(
            b.blockFormat().intProperty(QTextFormat.Property.BlockQuoteLevel) > 0 for b in blocks
        )

        def change(cursor: QTextCursor, block: QTextBlock) -> None:
            fmt = block.blockFormat()
            if turn_off:
                fmt.clearProperty(QTextFormat.Property.BlockQuoteLevel)
                fmt.clearBackground()
                fmt.setLeftMargin(0)
                fmt.setRightMargin(0)
            else:
                fmt.setProperty(QTextFormat.Property.BlockQuoteLevel, 1)
                fmt.setLeftMargin(QUOTE_INDENT)
                fmt.setRightMargin(QUOTE_INDENT)
                fmt.setBackground(self._quote_background())
                if fmt.headingLevel():
                    fmt.setHeadingLevel(0)
                    set_heading_chars(cursor, 0)
            cursor.setBlockFormat(fmt)

        self._edit_blocks(change)

    def _quote_background(self) -> QBrush:
        return self.palette().brush(QPalette.ColorRole.AlternateBase)

    def _shade_quotes(self) -> None:
        """Give quoted paragraphs a shade (Markdown ignores it) so they read as quotes."""
        cursor = QTextCursor(self.rich_edit.document())
        for block in blocks(self.rich_edit.document()):
            fmt = block.blockFormat()
            if (
                fmt.intProperty(QTextFormat.Property.BlockQuoteLevel) > 0
                and fmt.background() != self._quote_background()
            ):
                fmt.setBackground(self._quote_background())
                cursor.setPosition(block.position())
                cursor.setBlockFormat(fmt)

    def toggle_list(self, style: str) -> None:
        """Make the selected paragraphs a "bullet" or "numbered" list, or plain again."""
        if style not in ("bullet", "numbered"):
            raise ValueError(f"unknown list style {style!r}")
        wanted = (
            QTextListFormat.Style.ListDisc
            if style == "bullet"
            else QTextListFormat.Style.ListDecimal
        )
        cursor = self.rich_edit.textCursor()
        current = cursor.currentList()
        with one_undo_step(cursor):
            if current is not None and is_bullet(current.format().style()) == (style == "bullet"):
                for block in self._selected_blocks():
                    if block.textList() is not None:
                        block.textList().remove(block)
                        fmt = block.blockFormat()
                        fmt.setIndent(0)
                        QTextCursor(block).setBlockFormat(fmt)
            elif current is not None:
                list_format = current.format()
                list_format.setStyle(wanted)
                current.setFormat(list_format)
            else:
                for block in self._selected_blocks():
                    if block.blockFormat().headingLevel():
                        block_cursor = QTextCursor(block)
                        fmt = block.blockFormat()
                        fmt.setHeadingLevel(0)
                        block_cursor.setBlockFormat(fmt)
                        set_heading_chars(block_cursor, 0)
                list_format = QTextListFormat()
                list_format.setStyle(wanted)
                cursor.createList(list_format)
        self._emit_format_state()

    def insert_rule(self) -> None:
        """A horizontal rule after the current paragraph, and a paragraph after it."""
        cursor = self.rich_edit.textCursor()
        with one_undo_step(cursor):
            rule = QTextBlockFormat()
            rule.setProperty(
                QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
                QTextLength(QTextLength.Type.PercentageLength, 100),
            )
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            if cursor.block().text() or is_rule(cursor.block()):
                cursor.insertBlock(rule, QTextCharFormat())
            else:
                if cursor.currentList() is not None:
                    cursor.currentList().remove(cursor.block())
                cursor.setBlockFormat(rule)
            cursor.insertBlock(with_paragraph_spacing(QTextBlockFormat()), QTextCharFormat())
        self.rich_edit.setTextCursor(cursor)
        self.rich_edit.setCurrentCharFormat(QTextCharFormat())
