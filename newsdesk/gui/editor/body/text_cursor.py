"""Small operations on Qt's text document that the body editor's parts share."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
)

from newsdesk.gui.editor.body.markdown_document import block_spans

# The importer indents quotes by 40 px (same as Qt's HTML <blockquote>); quotes made
# here look the same so a reader cannot tell loaded quotes from new ones.
QUOTE_INDENT = 40.0
# Heading sizes as Qt's Markdown importer sets them (h1 = 3 ... h3 = 1).
HEADING_SIZE_ADJUSTMENT = {1: 3, 2: 2, 3: 1, 4: 0, 5: -1, 6: -2}


@contextmanager
def one_undo_step(cursor: QTextCursor) -> Iterator[None]:
    """Group the edits made in the block into one undo step (Ctrl+Z takes all back)."""
    cursor.beginEditBlock()
    try:
        yield
    finally:
        cursor.endEditBlock()


@functools.cache
def paragraph_margins() -> tuple[float, float]:
    """Top and bottom margin Qt's Markdown reader gives a paragraph: the space between
    paragraphs a loaded body shows. Paragraphs typed here get the same, so a body looks
    the same before and after it is saved and opened again (as on the page, where
    paragraphs are set apart)."""
    scratch = QTextDocument()
    scratch.setMarkdown("x")
    fmt = scratch.firstBlock().blockFormat()
    return fmt.topMargin(), fmt.bottomMargin()


def needs_paragraph_spacing(block: QTextBlock) -> bool:
    """A body paragraph (not a heading, rule, code or list item) that has no spacing."""
    fmt = block.blockFormat()
    return (
        fmt.headingLevel() == 0
        and block.textList() is None
        and not is_rule(block)
        and not fmt.nonBreakableLines()
        and not fmt.hasProperty(QTextFormat.Property.BlockCodeFence)
        and fmt.topMargin() == 0
        and fmt.bottomMargin() == 0
    )


def space_paragraph(cursor: QTextCursor) -> None:
    """Give the cursor's paragraph the spacing of a loaded paragraph, if it has none."""
    if needs_paragraph_spacing(cursor.block()):
        fmt = cursor.blockFormat()
        top, bottom = paragraph_margins()
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        cursor.setBlockFormat(fmt)


def with_paragraph_spacing(fmt: QTextBlockFormat) -> QTextBlockFormat:
    spaced = QTextBlockFormat(fmt)
    top, bottom = paragraph_margins()
    spaced.setTopMargin(top)
    spaced.setBottomMargin(bottom)
    return spaced


def is_rule(block: QTextBlock) -> bool:
    return block.blockFormat().hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth)


def is_bullet(style: QTextListFormat.Style) -> bool:
    return style in (
        QTextListFormat.Style.ListDisc,
        QTextListFormat.Style.ListCircle,
        QTextListFormat.Style.ListSquare,
    )


def set_heading_chars(cursor: QTextCursor, level: int) -> None:
    """Size and weight the characters of the cursor's paragraph as Qt's Markdown importer
    does for a heading of `level` (0: body text), and select the paragraph."""
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    char_format = QTextCharFormat()
    char_format.setProperty(
        QTextFormat.Property.FontSizeAdjustment, HEADING_SIZE_ADJUSTMENT.get(level, 0)
    )
    char_format.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
    cursor.mergeCharFormat(char_format)
    cursor.mergeBlockCharFormat(char_format)


def without_link(char_format: QTextCharFormat) -> QTextCharFormat:
    clean = QTextCharFormat(char_format)
    for prop in (
        QTextFormat.Property.IsAnchor,
        QTextFormat.Property.AnchorHref,
        QTextFormat.Property.AnchorName,
        QTextFormat.Property.ForegroundBrush,
        QTextFormat.Property.TextUnderlineStyle,
        QTextFormat.Property.FontUnderline,
    ):
        clean.clearProperty(prop)
    return clean


def fragments_in(
    document: QTextDocument, start: int, end: int
) -> Iterator[tuple[int, int, QTextCharFormat]]:
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        for span in block_spans(block):
            f_start = max(span.position, start)
            f_end = min(span.position + span.length, end)
            if f_start < f_end:
                yield f_start, f_end - f_start, span.char_format
        block = block.next()
