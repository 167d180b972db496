"""Rendered article bodies, kept by the SHA-256 of their Markdown."""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from newsdesk.publish.markdown.pipeline import render_body


class BodyCache:
    """Rendered body HTML by SHA-256 of the Markdown; the least recently used entry
    goes first when full. Keep one between exports to skip unchanged conversions."""

    def __init__(self, max_entries: int = 4096) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[str, str] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def body_html(self, markdown_text: str) -> str:
        key = hashlib.sha256(markdown_text.encode("utf-8")).hexdigest()
        html = self._entries.get(key)
        if html is not None:
            self.hits += 1
            self._entries.move_to_end(key)
            return html
        self.misses += 1
        html = render_body(markdown_text)
        self._entries[key] = html
        if len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)
        return html

    def __len__(self) -> int:
        return len(self._entries)
