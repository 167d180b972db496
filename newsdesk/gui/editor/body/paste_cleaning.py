"""Pasted HTML made into article Markdown: structure kept, looks and foreign images dropped."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from newsdesk.gui.editor.body.link_dialog import link_problem
from newsdesk.gui.editor.body.markdown_document import block_spans, blocks, document_markdown


def _plain_char_format(source: QTextCharFormat) -> QTextCharFormat:
    """Keep what Markdown can say (bold, italic, link); drop fonts, colours, sizes."""
    clean = QTextCharFormat()
    if source.fontWeight() > QFont.Weight.Medium:
        clean.setFontWeight(QFont.Weight.Bold)
    if source.fontItalic():
        clean.setFontItalic(True)
    href = source.anchorHref().strip()
    if source.isAnchor() and href and link_problem(href) is None:
        clean.setAnchor(True)
        clean.setAnchorHref(href)
    return clean


def _clean_pasted_document(document: QTextDocument) -> None:
    cursor = QTextCursor(document)
    for block in blocks(document):
        fmt = block.blockFormat()
        # <pre> and code blocks become plain paragraphs: a news body has no code.
        for prop in (
            QTextFormat.Property.BlockNonBreakableLines,
            QTextFormat.Property.BlockCodeFence,
            QTextFormat.Property.BlockCodeLanguage,
        ):
            fmt.clearProperty(prop)
        cursor.setPosition(block.position())
        cursor.setBlockFormat(fmt)
        # Images in pasted HTML point at other sites; articles carry only stored images.
        for position, length, _text, char_format in reversed(block_spans(block)):
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            if char_format.isImageFormat():
                cursor.removeSelectedText()
            else:
                cursor.setCharFormat(_plain_char_format(char_format))


def clean_html_to_markdown(html: str) -> str:
    """Markdown for pasted HTML: structure kept (paragraphs, emphasis, lists, links,
    headings, quotes), fonts, colours, sizes, underlines and foreign images dropped."""
    scratch = QTextDocument()
    scratch.setHtml(html)
    _clean_pasted_document(scratch)
    return document_markdown(scratch)
