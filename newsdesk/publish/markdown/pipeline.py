"""The one place that turns an article body (Markdown) into safe HTML.

Everything that shows a body as HTML (the exported page, the GUI preview, ninjs) calls
`render_body`, so the page, the preview and the text export cannot drift apart.

Markdown dialect
----------------
Python-Markdown with these extensions, chosen so that the reporter's words come out
exactly as typed:

- ``tables`` (pipe tables; column alignment becomes ``align="left|center|right"``),
- ``fenced_code`` (code blocks between ``` fences),
- ``sane_lists`` (a numbered list and a bullet list next to each other stay two lists).

Deliberately left out: ``smarty`` and anything typographic (no smart quotes, no dash or
ellipsis replacement: the text is the reporter's), ``attr_list`` (reporters would be
able to type attributes that the sanitizer then silently drops, and ``{...}`` in prose
would vanish), ``footnotes``/``def_list``/``abbr``/``md_in_html`` (their markup is not
in the site's allow-list), ``toc`` (ids are not allowed either, and it is slow).

The page's only ``<h1>`` is the title, so a level-1 heading in the body (``# ...``)
is rendered as ``<h2>``; other levels are kept.

Spaces that are text are kept: Python-Markdown strips a paragraph's leading whitespace
with ``str.lstrip()``, which would also remove the ideographic spaces (U+3000) that
Chinese paragraphs are indented with, and no-break spaces. Here only ASCII whitespace
(Markdown's own) is stripped, so ``　　市民说`` renders as ``<p>　　市民说</p>``, as
`plain_text` promises.

Images with a caption
---------------------
An image that opens a paragraph on a line of its own becomes a figure; the remaining
lines of the same paragraph, if any, are its caption::

    ![Boats on the river at dawn](regatta.jpg)
    The first crews set off at six.

renders as ``<figure><img alt="Boats on the river at dawn" src="regatta.jpg">
<figcaption>The first crews set off at six.</figcaption></figure>``. An image alone in
its paragraph becomes a figure without a caption. An image inside running text (text
before it, or text after it on the same line) stays an inline image.

Sanitizing
----------
The HTML Markdown produces (including any raw HTML a reporter typed) goes through nh3
with an explicit allow-list of tags and attributes (see `ALLOWED_TAGS`,
`ALLOWED_ATTRIBUTES`). Link targets must be http, https or mailto URLs; image sources
must be http or https URLs or a relative file name (no ``..``, no absolute path), which
is how exported images are referenced (a placeholder such as Pelican's ``{static}``
is not a file name). Every link gets ``rel="noopener noreferrer"``. A link whose
target is refused keeps its text and loses the ``<a>`` (never an empty ``<a>``); an
image whose source is refused is left out (never an ``<img>`` without ``src``); the
submit checklist names both, from the body as written.
The output is a pure function of the input (no ids, counters or timestamps).
"""

from __future__ import annotations

import logging
import re
import threading
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:  # both load at the first conversion (an export from the cache needs neither)
    import markdown
    import nh3

logger = logging.getLogger(__name__)

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "p",
        "br",
        "hr",
        "em",
        "strong",
        "a",
        "code",
        "pre",
        "ul",
        "ol",
        "li",
        "blockquote",
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
        "figure",
        "figcaption",
    }
)

ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title"}),
}

# Attributes whose values are restricted to a fixed set (nh3 wants these kept out of
# ALLOWED_ATTRIBUTES). `align` is what the tables extension writes for `:--:` columns.
_ALIGN = frozenset({"left", "center", "right"})
ALLOWED_ATTRIBUTE_VALUES: dict[str, dict[str, frozenset[str]]] = {
    "th": {"align": _ALIGN},
    "td": {"align": _ALIGN},
}

LINK_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})
IMAGE_SCHEMES: frozenset[str] = frozenset({"http", "https"})

# Removed together with their content: what is inside them is not article text.
_DROP_WITH_CONTENT = {
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "object",
    "textarea",
    "select",
}

LINK_REL = "noopener noreferrer"


def _url_probe(value: str) -> str:
    # Browsers ignore leading/trailing C0 controls and spaces and drop tabs and line
    # breaks anywhere in a URL ("java\tscript:"), so judge the URL the way they read it.
    probe = value.strip("".join(chr(c) for c in range(0x21)))
    return probe.replace("\t", "").replace("\n", "").replace("\r", "")


def is_allowed_link(value: str) -> bool:
    """True for an absolute http, https or mailto URL."""
    probe = _url_probe(value)
    try:
        scheme = urlsplit(probe).scheme.lower()
    except ValueError:
        return False
    return scheme in LINK_SCHEMES and probe.lower().startswith(scheme + ":")


def is_allowed_image_source(value: str) -> bool:
    """True for an http(s) URL or a relative file name such as `images/flood.jpg`."""
    probe = _url_probe(value)
    if not probe:
        return False
    try:
        parts = urlsplit(probe)
    except ValueError:
        return False
    if parts.scheme:
        return parts.scheme.lower() in IMAGE_SCHEMES and bool(parts.netloc)
    if probe.startswith(("/", "\\")) or "\\" in probe or parts.netloc:
        return False
    if ":" in probe.split("/", 1)[0]:
        return False  # looks like a scheme urlsplit did not recognise
    if any(ch in probe for ch in "{}|"):
        return False  # a generator's placeholder ({static}/..., |filename|...), not a file
    return ".." not in parts.path.split("/")


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "a" and attribute == "href":
        return value if is_allowed_link(value) else None
    if element == "img" and attribute == "src":
        return value if is_allowed_image_source(value) else None
    return value


def _build_cleaner() -> nh3.Cleaner:
    import nh3

    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(_DROP_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        tag_attribute_values={
            tag: {name: set(values) for name, values in attrs.items()}
            for tag, attrs in ALLOWED_ATTRIBUTE_VALUES.items()
        },
        attribute_filter=_filter_attribute,
        url_schemes=set(LINK_SCHEMES | IMAGE_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )


# One Markdown instance is reused (building one costs more than a short conversion);
# Markdown objects keep state while converting, so conversions are serialised.
_lock = threading.Lock()
_markdown: markdown.Markdown | None = None
_cleaner: nh3.Cleaner | None = None


def render_markdown_unsafe(markdown_text: str) -> str:
    """Markdown to HTML *before* sanitizing. Only for tests and diagnostics."""
    global _markdown
    with _lock:
        if _markdown is None:
            from newsdesk.publish.markdown.body_dialect import build_markdown

            _markdown = build_markdown()
        _markdown.reset()
        return _markdown.convert(markdown_text)


# nh3 writes attributes double-quoted and tags lowercase, so its output has one form.
_LINK_WITHOUT_HREF = re.compile(r"<a(?![^>]*\shref=)[^>]*>(.*?)</a>", re.DOTALL)
_IMAGE_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")
_EMPTY_FIGURE = re.compile(r"<figure>\s*</figure>")


def sanitize_html(html: str) -> str:
    """Sanitize an HTML fragment with the body allow-list."""
    global _cleaner
    with _lock:
        if _cleaner is None:
            _cleaner = _build_cleaner()
        cleaner = _cleaner
    clean = cleaner.clean(html)
    # The sanitizer drops a refused href or src but keeps the element: a link keeps
    # its text without the <a>, an image without a source goes.
    clean = _LINK_WITHOUT_HREF.sub(r"\1", clean)
    clean = _IMAGE_WITHOUT_SRC.sub("", clean)
    return _EMPTY_FIGURE.sub("", clean)


def render_body(markdown_text: str) -> str:
    """Safe HTML for an article body written in Markdown. Safe to call from any thread."""
    return sanitize_html(render_markdown_unsafe(markdown_text))
