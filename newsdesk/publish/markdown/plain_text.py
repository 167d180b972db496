"""Plain text in and out of the Markdown body.

`plain_to_markdown` turns one plain paragraph (as read from a text page or pasted from
elsewhere) into Markdown that renders back to exactly that text; `html_blocks_to_text`
reads the visible text of rendered body HTML back out, one string per block.

Whitespace: HTML collapses runs of ASCII whitespace (space, tab, line feed, carriage
return, form feed) into one space, so both functions do the same (`normalize_space`).
Other spaces (no-break space, the ideographic space U+3000 that Chinese text indents
with...) are text and are kept, even at the start or end of a paragraph. Control
characters other than those whitespace characters are not text and are dropped.

Round trip, for any plain paragraph ``t``::

    html_blocks_to_text(render_body(plain_to_markdown(t))) == [normalize_space(t)]

whenever ``normalize_space(t)`` is not empty.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from html.parser import HTMLParser

logger = logging.getLogger(__name__)

_ASCII_SPACE_RUN = re.compile(r"[ \t\n\r\f]+")
ASCII_WHITESPACE = " \t\n\r\f"


def normalize_space(text: str) -> str:
    """Collapse runs of ASCII whitespace to one space and strip it from both ends."""
    # Tab, line feed, carriage return and form feed are not printable: printable text
    # without a double space has nothing to collapse (most fields), a scan in C.
    if "  " in text or not text.isprintable():
        text = _ASCII_SPACE_RUN.sub(" ", text)
    return text.strip(ASCII_WHITESPACE)


# Backslash-escaped wherever they appear: each can open emphasis, code, a link or an
# image, or (`|`) a table cell, anywhere in a line.
_ALWAYS_ESCAPED = frozenset("\\`*_[]|")
# Escaped only at the start of the paragraph, where they would open a block:
# heading, block quote, list item.
_ESCAPED_AT_START = frozenset("#>-+")
_ORDERED_LIST_START = re.compile(r"\d+\.")


def _drop_controls(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(ch for ch in text if ch in ASCII_WHITESPACE or unicodedata.category(ch) != "Cc")


def plain_to_markdown(text: str) -> str:
    """Markdown for one plain paragraph that renders as exactly that text.

    Markdown's special characters are escaped (with a backslash, or as a character
    reference for `<`, `&` and a leading `~`), line breaks become spaces, and spaces
    other than ASCII whitespace are written as character references so Markdown does
    not strip them. The result is one line; an empty paragraph gives "".
    """
    text = normalize_space(_drop_controls(text))
    if not text:
        return ""
    out: list[str] = []
    start = 0
    match = _ORDERED_LIST_START.match(text)
    if match:
        # "1. " would start a numbered list: escape the dot.
        out.append(match.group()[:-1] + "\\.")
        start = match.end()
    elif text[0] in _ESCAPED_AT_START:
        out.append("\\" + text[0])
        start = 1
    elif text[0] == "~":
        # "~~~" opens a fenced code block; "~" has no backslash escape in Markdown.
        out.append("&#126;")
        start = 1
    out.append(_ESCAPED_ANYWHERE.sub(_escape, text[start:]))
    return "".join(out)


# What is escaped anywhere in a paragraph: the characters that open markup, `&` and
# `<`, and whitespace other than the space (after normalize_space, only non-ASCII
# spaces are left; `\s` is str.isspace()). One pass in C instead of one per character.
_ESCAPED_ANYWHERE = re.compile("[" + re.escape("".join(sorted(_ALWAYS_ESCAPED))) + r"&<]|[^\S ]")


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ch == "&":
        return "&amp;"
    if ch == "<":
        return "&lt;"
    if ch in _ALWAYS_ESCAPED:
        return "\\" + ch
    return f"&#x{ord(ch):X};"


# Elements that start and end a block of text. Table rows are blocks and their cells
# are joined by a space; a line break inside a paragraph is whitespace.
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
        "caption",
    }
)
_SPACE_TAGS = frozenset({"br", "td", "th"})
# Content that is never visible text.
_HIDDEN_TAGS = frozenset({"script", "style", "template", "head", "title", "noscript"})


class _BlockTextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._buffer: list[str] = []
        self._hidden_depth = 0

    def _flush(self) -> None:
        text = normalize_space("".join(self._buffer))
        self._buffer.clear()
        if text:
            self.blocks.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden_depth += 1
        elif tag in _BLOCK_TAGS:
            self._flush()
        elif tag in _SPACE_TAGS:
            self._buffer.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()
        elif tag in _SPACE_TAGS:
            self._buffer.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in _BLOCK_TAGS:
            self._flush()
        elif tag in _SPACE_TAGS:
            self._buffer.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_blocks_to_text(html: str) -> list[str]:
    """The visible text of body HTML, one whitespace-normalised string per block.

    A block is a paragraph, heading, list item, paragraph of a block quote, figure
    caption, code block or table row (cells joined by one space). Character references
    are decoded; images contribute no text (their alt text is not shown on the page).
    """
    parser = _BlockTextParser()
    parser.feed(html)
    parser.close()
    return parser.blocks
