"""A QTextDocument's body as Markdown the site reads as shown.

Qt writes the Markdown (QTextDocument.toMarkdown, GitHub dialect); this module patches,
in a scratch copy, the few places where Qt's Markdown and the site's renderer
(Python-Markdown) read the same text differently. It also holds the small walks over a
document's paragraphs and formatted runs that the editor's other modules share.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

# GitHub's dialect (tables, autolinks) without md4c's underline extension, which would
# read `_word_` as underlined where every other reader, the site's included, sees emphasis.
_MD_FLAG_UNDERLINE = 0x4000
MARKDOWN_DIALECT = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value & ~_MD_FLAG_UNDERLINE
)


def blocks(document: QTextDocument) -> Iterator[QTextBlock]:
    """The paragraphs of `document`, first to last."""
    block = document.firstBlock()
    while block.isValid():
        yield block
        block = block.next()


class Span(NamedTuple):
    """One run of equally formatted text in a paragraph."""

    position: int
    length: int  # in the document's positions (UTF-16 units), not Python characters
    text: str
    char_format: QTextCharFormat


def block_spans(block: QTextBlock) -> list[Span]:
    """The runs of `block`, copied out: editing the document while walking Qt's own
    fragments invalidates them."""
    spans = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        spans.append(
            Span(fragment.position(), fragment.length(), fragment.text(), fragment.charFormat())
        )
        it += 1
    return spans


# Characters Qt leaves unescaped (or escapes in a way only CommonMark reads) although
# Python-Markdown, which renders the site, would take them as markup or print the
# backslash: `_x_`, `*x*`, `` `x` `` and `[x](y)` typed as text (Qt escapes these only
# before a letter), `&` and `<` (Qt writes `\&`, `\<`), and `>` that Qt's line wrapping
# may move to the start of a line, where it opens a quote. They are swapped for
# private-use stand-ins in a scratch copy before Qt writes the Markdown, and the
# stand-ins for forms every dialect reads as the plain character.
_LITERALS = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "*": "\\*",
    "_": "\\_",
    "`": "\\`",
    "[": "\\[",
}
_STAND_IN = {char: chr(0xF8F0 + i) for i, char in enumerate(_LITERALS)}
_TO_STAND_IN = str.maketrans(_STAND_IN)
_FROM_STAND_IN = {stand_in: _LITERALS[char] for char, stand_in in _STAND_IN.items()}
# A paragraph that starts like "1. " or "1) " reads as a numbered list. Qt escapes the
# dot only when the paragraph's first run holds the whole "1. " (after a format change
# inside it, it does not), so the dot or parenthesis is protected here too.
_ORDERED_MARKER = re.compile(r"\d{1,9}([.)])\s")
_MARKER_STAND_IN = {".": chr(0xF8E0), ")": chr(0xF8E1)}
_FROM_STAND_IN.update({_MARKER_STAND_IN["."]: "\\.", _MARKER_STAND_IN[")"]: "\\)"})


def _is_code(block: QTextBlock, char_format: QTextCharFormat) -> bool:
    fmt = block.blockFormat()
    return (
        char_format.fontFixedPitch()
        or fmt.nonBreakableLines()
        or fmt.hasProperty(QTextFormat.Property.BlockCodeFence)
        or fmt.hasProperty(QTextFormat.Property.BlockCodeLanguage)
    )


def _protect_literals(document: QTextDocument) -> bool:
    """Swap markup-like characters of the text for stand-ins. False if impossible."""
    if any(stand_in in document.toPlainText() for stand_in in _FROM_STAND_IN):
        return False  # the text itself uses the stand-ins: leave it to Qt
    cursor = QTextCursor(document)
    for block in blocks(document):
        for position, length, text, char_format in block_spans(block):
            if char_format.isImageFormat() or _is_code(block, char_format):
                continue  # code is written verbatim, so its characters stay as they are
            if char_format.isAnchor() and char_format.anchorHref() == text:
                continue  # an address shown as itself: Qt writes it verbatim as <address>
            protected = text.translate(_TO_STAND_IN)
            if protected != text:
                # Same length, so the positions of later fragments stay valid. Positions
                # are UTF-16 units: an emoji is one Python character but two units.
                cursor.setPosition(position)
                cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(protected, char_format)
        marker = _ORDERED_MARKER.match(block.text())
        if marker and block.textList() is None and not _is_code(block, block.charFormat()):
            position = block.position() + marker.start(1)
            cursor.setPosition(position)
            cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(_MARKER_STAND_IN[marker.group(1)], cursor.charFormat())
    return True


def _restore_literals(markdown: str) -> str:
    return "".join(_FROM_STAND_IN.get(ch, ch) for ch in markdown)


def _separate_adjacent_lists(document: QTextDocument) -> None:
    """Put an empty paragraph between two different lists that touch.

    Qt writes them with no blank line between, and Python-Markdown then reads the
    second list as more items of the first (a numbered list swallowed by bullets).
    """
    block = document.firstBlock()
    while block.isValid():
        following = block.next()
        here, there = block.textList(), following.textList() if following.isValid() else None
        if here is not None and there is not None and here != there:
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        block = following


def _drop_empty_list_items(document: QTextDocument) -> None:
    """An empty bullet is never meant for readers (it is where typing stopped)."""
    for block in reversed(list(blocks(document))):
        if block.textList() is not None and not block.text().strip():
            if block.previous().isValid():
                cursor = QTextCursor(document)
                cursor.setPosition(block.position() - 1)
                cursor.setPosition(
                    block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor
                )
                cursor.removeSelectedText()
            else:
                block.textList().remove(block)


LINE_BREAK = "\u2028"  # QTextDocument's line break inside a paragraph
_OBJECT = "\ufffc"  # the character an inline image occupies


def break_after_leading_images(document: QTextDocument) -> None:
    """In a paragraph that opens with an image, start the text after it on a new line.

    The site prints such a paragraph as a figure whose caption is the text on the lines
    after the image (see newsdesk.publish.markdown.pipeline). Qt reads that line break
    as a space, and would write the caption back onto the image's line, where it is
    ordinary text; a QTextDocument line break is written as a newline, so it survives.
    """
    cursor = QTextCursor(document)
    for block in blocks(document):
        text = block.text()
        if len(text) > 1 and text[0] == _OBJECT and text[1] == " ":
            cursor.setPosition(block.position() + 1)
            cursor.setPosition(block.position() + 2, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(LINE_BREAK)


def _emphasis_off_edge_spaces(document: QTextDocument) -> None:
    """Take bold and italic off spaces at the edges of an emphasised run.

    Qt writes `**word **` for a bold "word " (a selection often takes the space after
    a word), and Markdown does not read `**` before a space as closing: the page
    would show the asterisks. A space looks the same either way.
    """
    plain = QTextCharFormat()
    plain.setFontWeight(QFont.Weight.Normal)
    plain.setFontItalic(False)
    cursor = QTextCursor(document)
    for block in blocks(document):
        for position, length, text, char_format in block_spans(block):
            emphasised = char_format.fontWeight() > QFont.Weight.Medium or char_format.fontItalic()
            if not emphasised or char_format.isImageFormat() or _is_code(block, char_format):
                continue
            # Whitespace is one UTF-16 unit per character, so these counts are positions;
            # the run's own extent must come from `length` (emoji take two units).
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            edges = [(position, lead)] if lead < len(text) else [(position, length)]
            if trail and lead < len(text):
                edges.append((position + length - trail, trail))
            for start, length in edges:
                if length:
                    cursor.setPosition(start)
                    cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
                    cursor.mergeCharFormat(plain)


def document_markdown(document: QTextDocument) -> str:
    """The Markdown of `document`, written so that Python-Markdown reads it as shown."""
    scratch = document.clone()
    break_after_leading_images(scratch)
    _emphasis_off_edge_spaces(scratch)
    _drop_empty_list_items(scratch)
    _separate_adjacent_lists(scratch)
    protected = _protect_literals(scratch)
    text = scratch.toMarkdown(MARKDOWN_DIALECT)
    if protected:
        text = _restore_literals(text)
    text = text.rstrip()
    return text + "\n" if text else ""
