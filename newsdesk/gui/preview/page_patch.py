"""Which blocks of the preview page changed, worked out in the preview's child process,
so that the window does not.

Putting a page on screen block by block (page_update) took, on the UI thread, every
block's key (its text and formats: a dozen Qt calls a block) and a comparison of the
new page's keys with the shown page's: at 10,000 words four steps of about 0.5 ms and
one of 1-2 ms per preview update; with the parse, a quarter of the window's busy time
while typing (py-spy). The child, which rendered the page, now reads it too, compares it with the
page it answered with before, and sends the changed block ranges with the page. The
window still parses the page (one Qt call: a QTextDocument cannot cross a process) and
copies the changed blocks from it, exactly as before; it checks that the page it read
has the size the child read, and shows the page whole when anything does not fit.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QTextDocument

from newsdesk.gui.preview.page_update import WHOLE_PAGE_SHARE, BlockKey, block_keys, has_frames

# (the job number of the page the ranges apply to, ((i1, i2, j1, j2) from the last
# change to the first), the new page's block count, its character count)
Patch = tuple[int, tuple[tuple[int, int, int, int], ...], int, int]


@dataclass(frozen=True)
class PageLook:
    """What the window's preview document reads a page with (the child must read it
    the same way): its default font (QFont.toString), style sheet and base address."""

    font: str
    style_sheet: str
    base_url: str


def read_page(html: str, look: PageLook) -> QTextDocument:
    """The page as the preview's `setHtml` reads it (never laid out)."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    font = QFont()
    if font.fromString(look.font):
        document.setDefaultFont(font)
    document.setDefaultStyleSheet(look.style_sheet)
    document.setBaseUrl(QUrl(look.base_url))
    document.setHtml(html)
    return document


class PagePatcher:
    """Keeps the keys of the page it last answered with; `patch(number, html, look)`
    says which blocks differ in the new page, or None (show it whole)."""

    def __init__(self) -> None:
        self._keys: list[BlockKey] | None = None
        self._number: int | None = None
        self._look: PageLook | None = None

    def patch(self, number: int, html: str, look: PageLook) -> Patch | None:
        new = read_page(html, look)
        old_keys, base, same_look = self._keys, self._number, look == self._look
        keys = None if has_frames(new) else block_keys(new)
        self._keys, self._number, self._look = keys, number, look
        if old_keys is None or keys is None or not same_look:
            return None
        matcher = difflib.SequenceMatcher(None, old_keys, keys, autojunk=False)
        changes = [op[1:] for op in matcher.get_opcodes() if op[0] != "equal"]
        if sum(j2 - j1 for _i1, _i2, j1, j2 in changes) > WHOLE_PAGE_SHARE * len(keys):
            return None
        # From the end, so that the block numbers of changes still to do hold.
        return (base, tuple(reversed(changes)), new.blockCount(), new.characterCount())
