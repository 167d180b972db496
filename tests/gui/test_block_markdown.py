"""The body's Markdown kept paragraph by paragraph is, after any edit, exactly what
Qt's whole-document writer gives (markdown_document.document_markdown)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextListFormat

from newsdesk.gui.editor.body.block_markdown import BlockMarkdown
from newsdesk.gui.editor.body.markdown_document import MARKDOWN_DIALECT, document_markdown

# "\uf8f0" is one of the stand-ins markdown_document swaps literals for.
TEXTS = st.sampled_from(
    [
        "harbour",
        "R&D",
        " ",
        "x_y",
        "*",
        "1. ",
        "[a](b)",
        "<b>",
        "新闻",
        "  ",
        "é",
        "`c`",
        "😀",
        "\uf8f0",
    ]
)
KINDS = ["type", "enter", "delete", "bold", "italic", "heading", "plain"]
EDITS = st.lists(
    st.tuples(
        # A list now and then: the whole document is written from then on.
        st.sampled_from(KINDS * 6 + ["list"]),
        st.floats(0, 1),
        st.floats(0, 1),
        TEXTS,
    ),
    max_size=40,
)
START = (
    "# The harbour\n\nThe ferry **sails** again, *at last*, with R&D money.\n\n"
    "## Tickets\n\nThey cost the same: see [the list](https://example.org/t).\n"
)


def _apply(document: QTextDocument, edit: tuple) -> None:
    kind, where, length, text = edit
    end = max(0, document.characterCount() - 1)
    cursor = QTextCursor(document)
    cursor.setPosition(int(where * end))
    if kind == "type":
        cursor.insertText(text)
    elif kind == "enter":
        cursor.insertBlock()
    elif kind == "delete":
        stop = min(end, cursor.position() + 1 + int(length * 12))
        cursor.setPosition(stop, cursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
    elif kind in ("bold", "italic"):
        stop = min(end, cursor.position() + int(length * 20))
        cursor.setPosition(stop, cursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        if kind == "bold":
            fmt.setFontWeight(QFont.Weight.Bold)
        else:
            fmt.setFontItalic(True)
        cursor.mergeCharFormat(fmt)
    elif kind in ("heading", "plain"):
        block_format = cursor.blockFormat()
        block_format.setHeadingLevel(2 if kind == "heading" else 0)
        cursor.setBlockFormat(block_format)
    elif kind == "list":
        cursor.createList(QTextListFormat.Style.ListDisc)


@settings(
    max_examples=int(os.environ.get("NEWSDESK_EXAMPLES", 200)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(EDITS)
def test_kept_paragraphs_write_what_the_whole_document_writes(qapp, edits):
    document = QTextDocument()
    document.setMarkdown(START, MARKDOWN_DIALECT)
    kept = BlockMarkdown(document)
    assert kept.markdown() == document_markdown(document)
    for edit in edits:
        _apply(document, edit)
        assert kept.markdown() == document_markdown(document), edit


def test_only_the_changed_paragraph_is_written_again(qapp, monkeypatch):
    document = QTextDocument()
    document.setMarkdown("\n\n".join(f"Paragraph {n} of the report." for n in range(50)))
    kept = BlockMarkdown(document)
    kept.markdown()
    written = []
    from newsdesk.gui.editor.body import block_markdown

    real = block_markdown.block_markdown
    monkeypatch.setattr(block_markdown, "block_markdown", lambda b: written.append(1) or real(b))
    cursor = QTextCursor(document.findBlockByNumber(20))
    cursor.insertText("Late news: ")
    assert "Late news: Paragraph 20" in kept.markdown()
    assert len(written) == 1
