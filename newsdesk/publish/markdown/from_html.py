"""HTML from elsewhere made into article Markdown: the one cleaning path for HTML bodies.

Pasted HTML (the editor), agency ninjs `body_html` and Word documents (through
mammoth) all come here, so an article body looks the same whichever way it arrived:

- structure is kept: paragraphs, headings, bold, italic, lists, block quotes, links,
  tables;
- looks are dropped: fonts, colours, sizes, underlines, classes, styles. Styling that
  *means* emphasis is read first: a `span` whose style is `font-weight:700` (or bold)
  is bold, `font-style:italic` is italic, and a `<b style="font-weight:normal">`
  wrapper (Google Docs puts one around everything) is not bold;
- `<pre>` and `<code>` become plain text: a news body has no code;
- links keep only http, https and mailto targets; any other link keeps its text;
- images: the caller decides (`image_source`): it returns the source the article
  uses (an attached image's name, a web address) or None to leave the image out.
  Without `image_source` every image is left out (pasted images point at other sites).

Parsing is Beautiful Soup's (html.parser), the allow-list is nh3 with the body
pipeline's rules, and the Markdown is written by markdownify with every Markdown
character in the text escaped, so text that looks like Markdown stays literal.
What was left out is returned with the Markdown, for the import report.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import nh3
from bs4 import BeautifulSoup, Comment, Tag
from markdownify import MarkdownConverter

from newsdesk.publish.markdown.pipeline import is_allowed_link

logger = logging.getLogger(__name__)

# What survives into markdownify: structure only.
_STRUCTURE_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "b",
    "em",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "img",
}
_DROP_WITH_CONTENT = {"script", "style", "template", "noscript", "iframe", "object", "head"}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)\b", re.IGNORECASE)
_NOT_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(normal|lighter|[1-4]00)\b", re.IGNORECASE)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*(italic|oblique)\b", re.IGNORECASE)

_NOT_BACKSLASH_ESCAPES = {"\\&": "&amp;", "\\<": "&lt;", "\\~": "&#126;", "\\=": "&#61;"}

ImageSource = Callable[[str, str], "str | None"]


@dataclass
class HtmlBody:
    """Markdown made from HTML, and what was left out of it."""

    markdown: str
    dropped_images: list[str] = field(default_factory=list)
    dropped_links: list[str] = field(default_factory=list)


class _Writer(MarkdownConverter):
    """markdownify with the body's conventions: ATX headings, `-` bullets, `*` emphasis."""

    def __init__(self) -> None:
        super().__init__(
            heading_style="ATX",
            bullets="-",
            strong_em_symbol="*",
            escape_asterisks=True,
            escape_underscores=True,
            escape_misc=True,
            autolinks=False,
        )

    def escape(self, text: str, parent_tags: set[str]) -> str:
        # markdownify escapes with a backslash; Python-Markdown has no backslash escape
        # for these, so they become character references instead.
        escaped = super().escape(text, parent_tags)
        # `#tag` at the start of a line is a heading to Python-Markdown (no space
        # needed); `\#` is always read as `#`, so every bare hash is escaped.
        escaped = re.sub(r"(?<!\\)#", r"\\#", escaped)
        for backslashed, reference in _NOT_BACKSLASH_ESCAPES.items():
            escaped = escaped.replace(backslashed, reference)
        return escaped


def html_to_markdown(html: str, *, image_source: ImageSource | None = None) -> HtmlBody:
    """Article Markdown for an HTML fragment or document (see the module docstring)."""
    soup = BeautifulSoup(html, "html.parser")
    result = HtmlBody(markdown="")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(list(_DROP_WITH_CONTENT)):
        tag.decompose()
    _read_emphasis_from_styles(soup)
    for tag in soup.find_all(["pre", "code"]):
        tag.name = "p" if tag.name == "pre" else "span"
    for link in soup.find_all("a"):
        href = (link.get("href") or "").strip()
        if href and not is_allowed_link(href):
            result.dropped_links.append(href)
        if not href or not is_allowed_link(href):
            link.unwrap()
    for image in soup.find_all("img"):
        src = (image.get("src") or "").strip()
        alt = (image.get("alt") or "").strip()
        new_src = image_source(src, alt) if image_source is not None else None
        if new_src:
            image.attrs = {"src": new_src, "alt": alt}
        else:
            result.dropped_images.append(src[:80] if not src.startswith("data:") else "data:…")
            image.decompose()
    structural = nh3.clean(
        str(soup),
        tags=_STRUCTURE_TAGS,
        clean_content_tags=_DROP_WITH_CONTENT - {"head"},
        attributes={"a": {"href"}, "img": {"src", "alt"}},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
        attribute_filter=lambda _tag, _attr, value: value,
    )
    markdown = _Writer().convert(structural)
    result.markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip("\n")
    return result


def _read_emphasis_from_styles(soup: BeautifulSoup) -> None:
    for tag in list(soup.find_all(["b", "strong"])):
        if _NOT_BOLD_STYLE.search(tag.get("style", "")):
            tag.unwrap()
    for tag in list(soup.find_all("span")):
        style = tag.get("style", "")
        bold = bool(_BOLD_STYLE.search(style))
        italic = bool(_ITALIC_STYLE.search(style))
        if not (bold or italic) or not tag.get_text(strip=True):
            continue
        _wrap_children(soup, tag, "strong" if bold else "em")
        if bold and italic:
            inner = tag.contents[0]
            if isinstance(inner, Tag):
                _wrap_children(soup, inner, "em")


def _wrap_children(soup: BeautifulSoup, tag: Tag, name: str) -> None:
    wrapper = soup.new_tag(name)
    for child in list(tag.contents):
        wrapper.append(child.extract())
    tag.append(wrapper)
