"""Markdown with metadata: the file format static site generators such as Pelican read.

A document is a header of `Key: value` lines, one blank line, then the body exactly as
the article stores it (Markdown). The header is parsed by Python-Markdown's own `meta`
extension preprocessor, the same one Pelican uses, so both read the same keys.

Keys written, in this order (keys are case-insensitive when read):

    Title: {headline}
    Kicker: {kicker}                      only when there is one
    Date: YYYY-MM-DD                      only when the article has a date
    Section: news > world                 the section path, parts joined by " > "
    Source: {source}                      only when there is one
    Lang: {language}
    Slug: {slug}                          only when the article has one
    Status: published | draft             Pelican's view: published only when published
    Newsdesk-Status: {status}             our workflow status, exactly
    Summary: {summary}                    only when there is one; a summary of several
                                          lines continues on lines indented by 4 spaces
    Tags: {keyword}, {keyword}            only when there are keywords (Pelican's key)
    Authors: {reporter}; {reporter}       derived from the credits (the reporter role in
                                          either language), for Pelican; ignored when read
    Credit: {role}: {name}; {name}        one line per credit, in the article's order
    Image: {name}; {sha256}; {media type}; {alt}; {caption}
                                          one line per attached image

List values (Section, Tags, Credit, Image) escape their separators so that any name survives:
a backslash makes the next character literal, so `\\;`, `\\:`, `\\>`, `\\,` and `\\\\` stand for
`;`, `:`, `>`, `,` and `\\`. Every value is one line: a line break in a headline, name or other
field cannot be written and raises InvalidInputError. Whitespace around a value or list
item is not kept (Python-Markdown strips it), and empty names are dropped. The body is
kept byte for byte.

Reading: a document with `Newsdesk-Status` is ours and is read exactly here
(`read_own_header`); a missing Section or Lang takes the site's default, a missing
Kicker or Source is empty. Any other header (Pelican's, YAML or TOML front matter) is
mapped by `publish/importers/markdown.py`, which `read_markdown_document` calls.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsdesk.domain.article import Article, Credit, Image
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.site import SiteProfile
from newsdesk.domain.status import Status
from newsdesk.publish.formats.ninjs import reporters_of
from newsdesk.publish.markdown.pipeline import render_body
from newsdesk.publish.markdown.plain_text import html_blocks_to_text
from newsdesk.publish.slugs import is_valid_slug

if TYPE_CHECKING:
    from newsdesk.publish.importers.front_matter import FrontMatter

logger = logging.getLogger(__name__)

SECTION_SEPARATOR = ">"
KEYWORD_SEPARATOR = ","
NAME_SEPARATOR = ";"
ROLE_SEPARATOR = ":"
IMAGE_FIELDS = ("name", "sha256", "media_type", "alt", "caption")

# --- writing -------------------------------------------------------------------------


def write_markdown_document(article: Article, *, site: SiteProfile) -> str:
    """The article as a Markdown document with a Pelican-style metadata header.

    `site` is accepted for symmetry with the reader (which takes its defaults from it);
    the document itself carries every field explicitly, so it reads the same anywhere.
    """
    del site  # every field is written explicitly; see the docstring
    header: list[tuple[str, str]] = [("Title", _single_line("headline", article.headline))]
    if article.kicker:
        header.append(("Kicker", _single_line("kicker", article.kicker)))
    if article.date is not None:
        header.append(("Date", article.date.isoformat()))
    header.append(("Section", _join("section", article.section, SECTION_SEPARATOR)))
    if article.source:
        header.append(("Source", _single_line("source", article.source)))
    header.append(("Lang", _single_line("language", article.language)))
    if article.slug:
        header.append(("Slug", _single_line("slug", article.slug)))
    if article.summary.strip():
        # Further lines continue the value, indented (Python-Markdown's meta syntax).
        lines = [line.strip() for line in article.summary.strip().splitlines()]
        header.append(("Summary", "\n    ".join(line for line in lines if line)))
    if article.keywords:
        header.append(("Tags", _join("keyword", article.keywords, KEYWORD_SEPARATOR)))
    pelican_status = "published" if article.status is Status.PUBLISHED else "draft"
    header.append(("Status", pelican_status))
    header.append(("Newsdesk-Status", article.status.value))
    reporters = reporters_of(article, CreditVocabulary())
    if reporters:
        header.append(("Authors", "; ".join(_single_line("name", n) for n in reporters)))
    for credit in article.credits:
        role = _escape(_single_line("credit role", credit.role), ROLE_SEPARATOR)
        names = _join("credit names", credit.names, NAME_SEPARATOR)
        header.append(("Credit", f"{role}{ROLE_SEPARATOR} {names}".rstrip()))
    for image in article.images:
        fields = [getattr(image, name) for name in IMAGE_FIELDS]
        header.append(("Image", _join("image", fields, NAME_SEPARATOR)))
    lines = [f"{key}: {value}".rstrip() for key, value in header]
    return "\n".join(lines) + "\n\n" + article.body


def _single_line(what: str, value: str) -> str:
    if len(value.splitlines()) > 1 or (value and value.splitlines()[0] != value):
        raise InvalidInputError(
            f"the {what} {value[:40]!r} contains a line break, which a metadata line cannot hold"
        )
    return value.strip()


def _escape(value: str, separator: str) -> str:
    return value.replace("\\", "\\\\").replace(separator, "\\" + separator)


def _join(what: str, items: Iterable[str], separator: str) -> str:
    escaped = [_escape(_single_line(what, item), separator) for item in items]
    joiner = f" {separator} " if separator == SECTION_SEPARATOR else f"{separator} "
    return joiner.join(escaped)


# --- reading -------------------------------------------------------------------------


def read_markdown_document(text: str, *, site: SiteProfile) -> Article:
    """Read a Markdown document with a metadata header: ours exactly, any other
    (Pelican, YAML, TOML) as `publish/importers/markdown.py` maps it."""
    from newsdesk.publish.importers.front_matter import split_front_matter
    from newsdesk.publish.importers.markdown import read_markdown_report

    if not split_front_matter(text).kind:
        raise InvalidInputError(
            "this Markdown file has no metadata header (lines such as 'Title: ...' and a"
            " blank line before the body); import it as plain Markdown instead"
        )
    return read_markdown_report(text, site=site).article


def read_own_header(front: FrontMatter, *, site: SiteProfile) -> Article:
    """A document written by `write_markdown_document`, every field exactly."""
    meta: dict[str, list[str]] = {key: list(value) for key, value in front.meta.items()}  # type: ignore[call-overload]
    if "title" not in meta:
        raise InvalidInputError("the metadata header has no 'Title:' line (the headline)")
    article = Article(headline=_one(meta, "title"), body=front.body)
    article.kicker = _one(meta, "kicker", "")
    article.source = _one(meta, "source", "")
    article.language = _one(meta, "lang", site.language) or site.language
    if "section" in meta:
        article.section = [p for p in _split(_one(meta, "section"), SECTION_SEPARATOR) if p]
    else:
        article.section = site.default_section_path
    date_text = _one(meta, "date", "")
    if date_text:
        article.date = _parse_date(date_text)
    slug = _one(meta, "slug", "")
    if slug:
        if not is_valid_slug(slug):
            raise InvalidInputError(
                f"Slug: {slug!r} is not a valid slug (lowercase letters and digits, with"
                " single hyphens, dots or underscores between them)"
            )
        article.slug = slug
    article.summary = "\n".join(meta.get("summary", []))
    tags = _one(meta, "tags", "")
    article.keywords = [k for k in _split(tags, KEYWORD_SEPARATOR) if k] if tags else []
    article.status = Status.parse(_one(meta, "newsdesk-status"))
    article.credits = [parse_credit(value) for value in meta.get("credit", [])]
    article.images = [parse_image(value) for value in meta.get("image", [])]
    return article


def _one(meta: dict[str, list[str]], key: str, default: str | None = None) -> str:
    values = meta.get(key)
    if not values:
        if default is None:
            raise InvalidInputError(f"the metadata header has no {key!r} line")
        return default
    if len(values) > 1:
        raise InvalidInputError(
            f"the metadata header has {len(values)} values for {key.title()!r} (lines"
            " indented under it count too); it takes exactly one"
        )
    return values[0]


def _parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(f"Date: {value!r} is not a date in the form YYYY-MM-DD") from None


def parse_credit(value: str) -> Credit:
    parts = _partition(value, ROLE_SEPARATOR)
    role = _split(parts[0], ROLE_SEPARATOR)[0] if parts else ""
    if parts is None or not role:
        raise InvalidInputError(
            f"Credit: {value!r} needs a role, a colon, then the names separated by"
            " semicolons, as in 'Credit: Reporter: Ada Lovelace; Li Na'"
        )
    return Credit(role=role, names=tuple(n for n in _split(parts[1], NAME_SEPARATOR) if n))


def parse_image(value: str) -> Image:
    fields = _split(value, NAME_SEPARATOR)
    if len(fields) != len(IMAGE_FIELDS):
        raise InvalidInputError(
            f"Image: {value!r} needs {len(IMAGE_FIELDS)} fields separated by semicolons"
            f" ({', '.join(IMAGE_FIELDS)}), found {len(fields)}"
        )
    return Image(**dict(zip(IMAGE_FIELDS, fields, strict=True)))


def _split(value: str, separator: str) -> list[str]:
    """Split at each unescaped `separator`, undo the escapes and strip each part."""
    parts: list[str] = []
    current: list[str] = []
    chars = iter(value)
    for char in chars:
        if char == "\\":
            current.append(next(chars, "\\"))
        elif char == separator:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return parts


def _partition(value: str, separator: str) -> tuple[str, str] | None:
    """The raw text before and after the first unescaped `separator`, or None."""
    index = 0
    while index < len(value):
        if value[index] == "\\":
            index += 2
        elif value[index] == separator:
            return value[:index], value[index + 1 :]
        else:
            index += 1
    return None


# --- plain Markdown ------------------------------------------------------------------

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX_H1_RE = re.compile(r"^ {0,3}#(?!#)")
_SETEXT_H1_RE = re.compile(r"^ {0,3}=+\s*$")


def read_plain_markdown(text: str, *, site: SiteProfile) -> Article:
    """A plain .md file: its first level-1 heading is the headline, the rest the body.

    The body stays Markdown, with the heading's lines removed and the blank lines that
    followed it trimmed. Section and language take the site's defaults.
    """
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    found = _find_h1(lines)
    if found is None:
        raise InvalidInputError(
            "no level-1 heading found: the first '# Headline' line (or a line underlined"
            " with '===') becomes the headline"
        )
    start, end = found
    heading_html = render_body("\n".join(lines[start:end]))
    blocks = html_blocks_to_text(heading_html)
    headline = " ".join(" ".join(blocks).split())
    if not headline:
        raise InvalidInputError(f"the level-1 heading on line {start + 1} is empty")
    before = "\n".join(lines[:start]).strip("\n")
    after = "\n".join(lines[end:]).lstrip("\n")
    body = f"{before}\n\n{after}" if before and after else before or after
    return Article(
        headline=headline,
        body=body,
        section=site.default_section_path,
        language=site.language,
    )


def _find_h1(lines: list[str]) -> tuple[int, int] | None:
    """Lines [start, end) of the first level-1 heading outside fenced code, or None.

    A candidate found by its shape is confirmed by Python-Markdown itself rendering it
    as a heading, so an indented code line is not mistaken for one.
    """
    fence: str | None = None
    for index, line in enumerate(lines):
        opened = _FENCE_RE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        if _ATX_H1_RE.match(line) and _renders_as_h1([line]):
            return index, index + 1
        if (
            index + 1 < len(lines)
            and line.strip()
            and _SETEXT_H1_RE.match(lines[index + 1])
            and (index == 0 or not lines[index - 1].strip())
            and _renders_as_h1(lines[index : index + 2])
        ):
            return index, index + 2
    return None


def _renders_as_h1(lines: list[str]) -> bool:
    # The body pipeline renders level-1 headings as <h2> (the page's only <h1> is the
    # title), so a line already shaped like a level-1 heading is confirmed by rendering
    # as a heading at all.
    return render_body("\n".join(lines)).lstrip().startswith("<h2")
