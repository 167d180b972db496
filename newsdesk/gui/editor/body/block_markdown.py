"""The body's Markdown kept paragraph by paragraph, so that writing it while the
reporter types costs the paragraphs that changed, not the whole article.

Qt writes a whole document at a time (toMarkdown: tens of milliseconds on the UI
thread for a long article). A document made only of plain paragraphs and headings
(markdown_document.is_plain_block) is written as the concatenation of its blocks
written alone; this cache keeps each block's part and, on every change Qt reports,
forgets the parts of the blocks the change touched. A document with anything else
(lists, quotes, tables, code) is written whole, as before; so is one whose parts,
joined, do not give exactly what Qt writes for the whole (checked whenever the cache
is filled), so the shortcut can never change a body.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocument

from newsdesk.gui.editor.body.markdown_document import (
    block_markdown,
    blocks,
    document_markdown,
    finish_markdown,
    has_stand_ins,
    is_plain_block,
)


class BlockMarkdown(QObject):
    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._parts: list[str | None] | None = None  # per block; None: not kept
        self._whole = False  # written whole until the next reset
        # Qt reports what changed (contentsChange) only for a document with a layout,
        # as an editor's has: make sure there is one.
        document.documentLayout()
        document.contentsChange.connect(self._on_contents_change)

    def reset(self) -> None:
        """A new body was loaded: look at it afresh."""
        self._parts = None
        self._whole = False

    def markdown(self) -> str:
        """The document's Markdown, exactly document_markdown's."""
        if self._whole:
            return document_markdown(self._document)
        # The stand-ins markdown_document uses, typed as text: it then leaves the whole
        # document to Qt, which block by block would differ. Kept parts were looked at
        # when they were written, so only the changed blocks' text is searched (the
        # whole text, taken and searched on every preview update, cost ~0.3 ms at
        # 10,000 words).
        if self._parts is None:
            if has_stand_ins(self._document.toPlainText()):
                return document_markdown(self._document)
            return self._fill()
        for number, part in enumerate(self._parts):
            if part is None:
                block = self._document.findBlockByNumber(number)
                if has_stand_ins(block.text()):
                    self._parts = None  # looked at afresh, whole, until they are gone
                    return document_markdown(self._document)
                if not is_plain_block(block):
                    self._whole = True  # a list or a quote now: written whole from here
                    self._parts = None
                    return document_markdown(self._document)
                self._parts[number] = block_markdown(block)
        return finish_markdown("".join(self._parts))  # type: ignore[arg-type]

    def _fill(self) -> str:
        whole = document_markdown(self._document)
        parts: list[str | None] = []
        for block in blocks(self._document):
            if not is_plain_block(block):
                self._whole = True
                return whole
            parts.append(block_markdown(block))
        if finish_markdown("".join(parts)) != whole:  # type: ignore[arg-type]
            self._whole = True  # Qt joins these blocks its own way: never guess
            return whole
        self._parts = parts
        return whole

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        parts = self._parts
        if parts is None:
            return
        document = self._document
        first = document.findBlock(position).blockNumber()
        last = document.findBlock(position + added).blockNumber()
        if last < 0:
            last = document.blockCount() - 1
        grown = document.blockCount() - len(parts)
        old_last = last - grown
        if first < 0 or old_last < first - 1 or old_last >= len(parts):
            self._parts = None  # not a change this cache can follow: fill it again
            return
        parts[first : old_last + 1] = [None] * (last - first + 1)
