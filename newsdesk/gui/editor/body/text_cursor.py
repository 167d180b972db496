"""Small operations on Qt's text document that the body editor's parts share."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import (
    QFont,
    QTextBlock,
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
