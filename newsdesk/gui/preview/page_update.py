"""Putting a new preview page on screen by replacing only the blocks that changed.

`QTextBrowser.setHtml` parses the page and lays all of it out again on the UI thread:
tens of milliseconds for a long article, once per preview update, so typing with the
preview on stalled the window (issue 14). A key press changes one paragraph, so the
new page is parsed into a document of its own (parsing is cheap; the layout is what
costs, and a document no view shows is never laid out), its blocks are compared with
the blocks on screen (difflib on each block's text and formats), and only the blocks
that differ are replaced, through a QTextCursor, by copies of the new ones. The shown
document then holds exactly what `setHtml` would have made of the page (the tests
compare both documents' HTML), the layout is redone only around the changed blocks,
and the reader's scroll position is never touched.

Pages this does not handle block by block (tables and other frames, a change at both
ends of the page, or most of it changed) are put on screen whole with `setHtml`.

The preview's child process does the comparison itself (page_patch) and sends the
changed block ranges with the page: the window then only parses the page and copies
those blocks. The comparison here is left for pages that come without them (the first
after the child started, a renderer on a thread, a page the window did not show).
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import (
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser

log = logging.getLogger(__name__)

# Above this share of changed blocks one setHtml is cheaper than many replacements.
WHOLE_PAGE_SHARE = 0.5
# Blocks whose keys are taken in one turn of the event loop (about 0.5 ms here).
KEYS_PER_STEP = 50


class BlockKey:
    """What a block shows: its text, its block format and every run's char format.

    Hashed by the text alone (cheap; difflib only needs equal keys to hash alike) and
    equal only when the formats are equal too (QTextFormat compares its properties,
    whatever document it came from).
    """

    __slots__ = ("_hash", "block_format", "char_format", "runs", "text")

    def __init__(self, block: QTextBlock) -> None:
        self.text = block.text()
        self.block_format = block.blockFormat()
        self.char_format = block.charFormat()
        self.runs = [(r.start, r.length, _comparable(r.format)) for r in block.textFormats()]
        self._hash = hash(self.text)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, BlockKey)
            and self.text == other.text
            and self.block_format == other.block_format
            and self.char_format == other.char_format
            and self.runs == other.runs
        )


def _comparable(run_format: QTextCharFormat) -> QTextCharFormat:
    """A copy (a FormatRange's format dies with the range Qt hands out), without the
    object index an image carries: a number private to its document, which the same
    image has another of in the document on screen."""
    copied = QTextCharFormat(run_format)
    if copied.isImageFormat():
        copied.clearProperty(QTextFormat.Property.ObjectIndex)
    return copied


def block_keys(document: QTextDocument) -> list[BlockKey]:
    keys = []
    block = document.begin()
    while block.isValid():
        keys.append(BlockKey(block))
        block = block.next()
    return keys


def has_frames(document: QTextDocument) -> bool:
    """True when the page holds a table or another frame with content: their cells are
    blocks that a flat comparison would mix up. (Qt's HTML reader leaves an empty
    frame at every image, holding nothing: those do not count.)"""
    return any(
        frame.lastPosition() >= frame.firstPosition()
        for frame in document.rootFrame().childFrames()
    )


@dataclass
class PageUpdate:
    """How the last page went on screen (for the log and the tests)."""

    whole: bool  # True: setHtml; False: block by block
    replaced: int  # blocks of the new page copied in (block by block only)


class ShownPage(QObject):
    """The page on screen in `browser`, updated block by block where it can be.

    `show(html)` does it at once; `show_soon(html)` does the same work in steps, each
    in its own turn of the event loop (parse, keys, comparison, replacement), so that
    key presses and paints get in between them, and emits `shown` when the page is
    on screen. A newer page given meanwhile replaces the one on its way.
    """

    shown = Signal(object)  # PageUpdate, after show_soon's last step

    def __init__(self, browser: QTextBrowser) -> None:
        super().__init__(browser)
        self.browser = browser
        self._known = False  # the browser shows exactly the last page given (not forgotten)
        self._keys: list[BlockKey] | None = None  # of the blocks on screen, when taken
        self._number: int | None = None  # the job number of the page on screen
        self._steps: Iterator[PageUpdate | None] | None = None

    def show(self, html: str, number: int | None = None, patch: tuple | None = None) -> PageUpdate:
        self._steps = None  # a page on its way is older than this one
        for update in self._update(html, number, patch):
            if update is not None:
                return update
        raise AssertionError("the last step always says how the page went")

    def show_soon(self, html: str, number: int | None = None, patch: tuple | None = None) -> None:
        """Put page `html` (job `number`) on screen in steps; `patch` (page_patch), made
        by the child against the page of job patch[0], is applied instead when that
        page is the one on screen."""
        self._steps = self._update(html, number, patch)
        QTimer.singleShot(0, self._next_step)

    def is_showing(self) -> bool:
        """A page given to show_soon is not on screen yet."""
        return self._steps is not None

    def forget(self) -> None:
        """The browser's document was replaced elsewhere: show the next page whole."""
        self._known = False
        self._keys = None
        self._number = None

    def stop(self) -> None:
        """Drop the page on its way (nothing on screen changes)."""
        self._steps = None

    def _next_step(self) -> None:
        steps = self._steps
        if steps is None:
            return
        try:
            update = next(steps)
        except Exception:  # a bug here must not leave the pane waiting for ever
            log.exception("preview: the page could not be put on screen")
            self._steps = None
            return
        if steps is not self._steps:
            return  # show() ran meanwhile
        if update is None:
            QTimer.singleShot(0, self._next_step)
            return
        self._steps = None
        self.shown.emit(update)

    def _update(
        self, html: str, number: int | None, patch: tuple | None
    ) -> Iterator[PageUpdate | None]:
        """The work, step by step: None between steps, the PageUpdate last. Nothing on
        screen changes before the last step."""
        shown = self.browser.document()
        # The shown page was edited by us only; nothing to undo, nothing to keep.
        shown.setUndoRedoEnabled(False)
        if not self._known or has_frames(shown):
            yield self._whole(html, number)
            return
        if patch is not None and number is not None and patch[0] == self._number:
            yield from self._patched(html, number, patch)
            return
        if self._keys is None:
            self._keys = []
            block = shown.begin()
            while block.isValid():
                yield None
                for _ in range(KEYS_PER_STEP):
                    if not block.isValid():
                        break
                    self._keys.append(BlockKey(block))
                    block = block.next()
        new = self._parse(html, shown)
        if has_frames(new):
            yield self._whole(html, number)
            return
        new_keys: list[BlockKey] = []
        block = new.begin()
        while block.isValid():
            yield None
            for _ in range(KEYS_PER_STEP):
                if not block.isValid():
                    break
                new_keys.append(BlockKey(block))
                block = block.next()
        yield None
        matcher = difflib.SequenceMatcher(None, self._keys, new_keys, autojunk=False)
        changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
        changed = sum(j2 - j1 for _tag, _i1, _i2, j1, j2 in changes)
        yield None
        if changed > WHOLE_PAGE_SHARE * len(new_keys):
            yield self._whole(html, number)
            return
        cursor = QTextCursor(shown)
        cursor.beginEditBlock()
        # From the end, so that the block numbers of changes still to do hold.
        done = all(
            _replace(cursor, shown, (i1, i2), new, (j1, j2))
            for _tag, i1, i2, j1, j2 in reversed(changes)
        )
        cursor.endEditBlock()
        if not done:
            yield self._whole(html, number)
            return
        if shown.blockCount() != new.blockCount() or (
            shown.characterCount() != new.characterCount()
        ):
            # Never left showing something other than the page.
            log.warning("preview: block update went astray; page shown whole")
            yield self._whole(html, number)
            return
        title = QTextDocument.MetaInformation.DocumentTitle
        if shown.metaInformation(title) != new.metaInformation(title):
            shown.setMetaInformation(title, new.metaInformation(title))
        self._keys = new_keys
        self._number = number
        yield PageUpdate(whole=False, replaced=changed)

    def _patched(self, html: str, number: int, patch: tuple) -> Iterator[PageUpdate | None]:
        """The page, given which blocks changed since page patch[0], the one on screen
        (page_patch: worked out in the preview's child): parsed, and only those blocks
        copied in. No keys, no comparison on the UI thread."""
        shown = self.browser.document()
        _base, changes, block_count, character_count = patch
        new = self._parse(html, shown)
        if (new.blockCount(), new.characterCount()) != (block_count, character_count):
            yield self._whole(html, number)  # not the page the child read: never guess
            return
        yield None
        cursor = QTextCursor(shown)
        cursor.beginEditBlock()
        done = all(_replace(cursor, shown, (i1, i2), new, (j1, j2)) for i1, i2, j1, j2 in changes)
        cursor.endEditBlock()
        if not done or (shown.blockCount(), shown.characterCount()) != (
            block_count,
            character_count,
        ):
            log.warning("preview: the child's block update went astray; page shown whole")
            yield self._whole(html, number)
            return
        title = QTextDocument.MetaInformation.DocumentTitle
        if shown.metaInformation(title) != new.metaInformation(title):
            shown.setMetaInformation(title, new.metaInformation(title))
        self._keys = None  # taken again only if a page comes without its changes
        self._number = number
        yield PageUpdate(whole=False, replaced=sum(j2 - j1 for _i1, _i2, j1, j2 in changes))

    def _whole(self, html: str, number: int | None) -> PageUpdate:
        scroll = self.browser.verticalScrollBar()
        position = scroll.value()
        self.browser.setHtml(html)
        # Reading on while the preview refreshes: keep the reader's place.
        scroll.setValue(min(position, scroll.maximum()))
        document = self.browser.document()
        document.setUndoRedoEnabled(False)
        self._known = True
        self._keys = None  # taken when a page comes that needs them (in steps)
        self._number = number
        return PageUpdate(whole=True, replaced=document.blockCount())

    @staticmethod
    def _parse(html: str, like: QTextDocument) -> QTextDocument:
        """The page as `setHtml` on the shown document would read it (not laid out)."""
        new = QTextDocument()
        new.setUndoRedoEnabled(False)
        new.setDefaultFont(like.defaultFont())
        new.setDefaultStyleSheet(like.defaultStyleSheet())
        new.setBaseUrl(like.baseUrl())
        new.setHtml(html)
        return new


def _replace(
    cursor: QTextCursor,
    shown: QTextDocument,
    old: tuple[int, int],
    new: QTextDocument,
    fresh: tuple[int, int],
) -> bool:
    """Replace shown blocks old[0]..old[1]-1 with new blocks fresh[0]..fresh[1]-1.

    Both ranges are taken with the paragraph separator before them (after the
    unchanged block above), so the copied blocks bring their own block formats and
    the block above keeps its own. A change in the first block takes the separator
    after the range instead. False when neither is possible (the caller shows the
    page whole).
    """
    i1, i2 = old
    j1, j2 = fresh
    if i1 > 0 and j1 > 0:
        start = _end_of(shown, i1 - 1)
        end = _end_of(shown, i2 - 1) if i2 > i1 else start
        new_start = _end_of(new, j1 - 1)
        new_end = _end_of(new, j2 - 1) if j2 > j1 else new_start
    elif i2 < shown.blockCount() and j2 < new.blockCount():
        start = shown.findBlockByNumber(i1).position()
        end = shown.findBlockByNumber(i2).position()
        new_start = new.findBlockByNumber(j1).position()
        new_end = new.findBlockByNumber(j2).position()
    else:
        return False
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    if new_end > new_start:
        source = QTextCursor(new)
        source.setPosition(new_start)
        source.setPosition(new_end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertFragment(QTextDocumentFragment(source))
    else:
        cursor.removeSelectedText()
    return True


def _end_of(document: QTextDocument, number: int) -> int:
    """The position of block `number`'s paragraph separator (after its text)."""
    block = document.findBlockByNumber(number)
    return block.position() + block.length() - 1
