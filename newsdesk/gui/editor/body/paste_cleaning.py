"""Pasted HTML made into article Markdown: structure kept, looks and foreign images dropped.

The cleaning itself is the publish layer's (`publish/markdown/from_html.py`), the one
path every HTML body takes (paste, agency ninjs, Word documents), so a pasted text and
an imported one come out the same. Images in pasted HTML point at other sites: they are
dropped (articles carry only stored images).
"""

from __future__ import annotations


def clean_html_to_markdown(html: str) -> str:
    """Markdown for pasted HTML: structure kept (paragraphs, emphasis, lists, links,
    headings, quotes), fonts, colours, sizes, underlines and foreign images dropped."""
    # Loaded at the first paste: BeautifulSoup was a sixth of the app's start-up.
    from newsdesk.publish.markdown.from_html import html_to_markdown

    return html_to_markdown(html).markdown
