"""Small operations on Qt's text document that the body editor's parts share."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
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
    """Top and bottom margin of a body paragraph in the editor: the page sets its
    paragraphs apart by about a line (1em), so the editor does too, for loaded and
    typed paragraphs alike (Qt's Markdown reader leaves 6 px, which reads as a line
    break, and typed paragraphs got none)."""
    gap = QFontMetricsF(QGuiApplication.font()).height() * 0.8
    return 0.0, round(gap, 1)


def needs_paragraph_spacing(block: QTextBlock) -> bool:
    """A body paragraph (not a heading, rule, code or list item) not spaced as one."""
    fmt = block.blockFormat()
    return (
        fmt.headingLevel() == 0
        and block.textList() is None
        and not is_rule(block)
        and not fmt.nonBreakableLines()
        and not fmt.hasProperty(QTextFormat.Property.BlockCodeFence)
        and (fmt.topMargin(), fmt.bottomMargin()) != paragraph_margins()
    )


def space_paragraph(cursor: QTextCursor) -> None:
    """Give the cursor's paragraph the spacing of a body paragraph, if it lacks it."""
    if needs_paragraph_spacing(cursor.block()):
        cursor.setBlockFormat(with_paragraph_spacing(cursor.blockFormat()))


def space_paragraphs(document: QTextDocument) -> None:
    """Space every body paragraph of `document` (after loading or pasting Markdown)."""
    cursor = QTextCursor(document)
    block = document.firstBlock()
    with one_undo_step(cursor):  # one layout pass, not one per paragraph
        while block.isValid():
            if needs_paragraph_spacing(block):
                cursor.setPosition(block.position())
                cursor.setBlockFormat(with_paragraph_spacing(block.blockFormat()))
            block = block.next()


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
