"""The body's Markdown dialect: Python-Markdown with its extensions and ours (level-1
headings as h2, an image opening a paragraph as a figure, text indents kept), as
`pipeline.py` describes it. Loaded at the first conversion (`pipeline`), or ahead of
it by the export's page processes.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.blockprocessors import ParagraphProcessor
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor


class _BodyTreeprocessor(Treeprocessor):
    """Level-1 headings become h2; an image opening a paragraph on its own line a figure."""

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "h1":
                    child.tag = "h2"
                elif child.tag == "p":
                    figure = _figure_from_paragraph(child)
                    if figure is not None:
                        parent.remove(child)
                        parent.insert(index, figure)


def _figure_from_paragraph(paragraph: etree.Element) -> etree.Element | None:
    if (paragraph.text or "").strip() or len(paragraph) == 0:
        return None
    image = paragraph[0]
    if image.tag != "img":
        return None
    tail = image.tail or ""
    rest = list(paragraph)[1:]
    caption_follows = tail.lstrip(" ").startswith("\n")
    if not caption_follows and (tail.strip() or rest):
        return None  # text after the image on its own line: an inline image
    figure = etree.Element("figure")
    figure.tail = paragraph.tail
    image.tail = None
    figure.append(image)
    # Only the line break before the caption goes: a space before inline markup stays.
    caption_text = tail.lstrip(" \n") if rest else tail.strip(" \n")
    if caption_text or rest:
        caption = etree.SubElement(figure, "figcaption")
        caption.text = caption_text
        for element in rest:
            paragraph.remove(element)
            caption.append(element)
        if rest and rest[-1].tail:
            rest[-1].tail = rest[-1].tail.rstrip()
    return figure


_MARKDOWN_WHITESPACE = " \t\n\r\f\v"


def _text_indent(block: str) -> str:
    """The leading whitespace of `block` that str.lstrip() removes but is text: from
    the first character that is not ASCII whitespace (U+3000, U+00A0 ...) on."""
    leading = block[: len(block) - len(block.lstrip())]
    return leading.lstrip(_MARKDOWN_WHITESPACE)


class _TextKeepingParagraphProcessor(ParagraphProcessor):
    """Markdown's paragraph processor, giving back the indent its lstrip() took."""

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        indent = _text_indent(blocks[0]) if blocks else ""
        children, text_before = len(parent), parent.text
        super().run(parent, blocks)
        if not indent:
            return
        if len(parent) > children:
            paragraph = parent[-1]  # a new <p>
            paragraph.text = indent + (paragraph.text or "")
        elif not text_before and parent.text:
            parent.text = indent + parent.text  # the text of a tight list item


class _BodyExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # Markdown's camelCase API
        # Same name and priority as the built-in one, which it replaces.
        md.parser.blockprocessors.register(
            _TextKeepingParagraphProcessor(md.parser), "paragraph", 10
        )
        # After inline parsing (20), so images are elements; before prettify (10).
        md.treeprocessors.register(_BodyTreeprocessor(md), "newsdesk_body", 15)


def build_markdown() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[
            "tables",
            "fenced_code",
            "sane_lists",
            _BodyExtension(),
        ],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )
