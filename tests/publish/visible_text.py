"""What a reader sees of an HTML page: its visible text, block by block.

Independent of the code under test (it does not use plain_text.py): html.parser, with
head, script, style and template content skipped, block elements starting a new
block, <br> and table cells read as a space.
"""

from __future__ import annotations

from html.parser import HTMLParser

HIDDEN = frozenset({"head", "script", "style", "template", "noscript", "title"})
BLOCKS = frozenset(
    {
        "article",
        "aside",
        "blockquote",
        "body",
        "div",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
    }
)
SPACES = frozenset({"br", "td", "th"})
VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "source", "wbr"})


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._hidden: list[str] = []

    def _break(self) -> None:
        text = "".join(self._current)
        self._current = []
        if text.split():
            self.blocks.append(text)

    def handle_starttag(self, tag, attrs):
        if self._hidden:
            if tag == self._hidden[-1] and tag not in VOID:
                self._hidden.append(tag)
            return
        if tag in HIDDEN:
            self._hidden.append(tag)
        elif tag in BLOCKS:
            self._break()
        elif tag in SPACES:
            self._current.append(" ")

    def handle_endtag(self, tag):
        if self._hidden:
            if tag == self._hidden[-1]:
                self._hidden.pop()
            return
        if tag in BLOCKS:
            self._break()
        elif tag in SPACES:
            self._current.append(" ")

    def handle_data(self, data):
        if not self._hidden:
            self._current.append(data)

    def close(self):
        super().close()
        self._break()


def visible_blocks(html: str) -> list[str]:
    """The visible text of `html`, one string per block, whitespace as in the source."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return parser.blocks


def squash(text: str) -> str:
    """Whitespace aside: every run of whitespace becomes one space, ends stripped."""
    return " ".join(text.split())
