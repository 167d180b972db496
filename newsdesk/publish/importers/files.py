"""Reading article files: checks every file first, then detects its format.

Formats: the site's text page (any known site profile), Markdown with metadata,
plain Markdown (first level-1 heading = headline) and our own ninjs JSON. A file is
refused whole, with a message naming it and the problem, before anything is written.

A text page file must end with the site's two footer lines. The text page reader
itself accepts a page without them (text pasted by hand), but a file without them was
most likely cut off (a broken download, a full disk), and importing it would store an
article whose credits end in the middle of a name without anyone noticing.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable
from pathlib import Path

from newsdesk.domain.article import Article
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.site import CHINESE_SITE, SiteProfile

# Articles are text; the largest real ones are a few hundred KB. A limit keeps a
# mistaken import (a video, a database dump) from filling memory and the database.
MAX_IMPORT_BYTES = 10 * 1024 * 1024

_METADATA_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*:\s")


def _too_large(name: str, size: int) -> InvalidInputError:
    return InvalidInputError(
        f"{name}: the file is {size / 1_048_576:.1f} MB, larger than the"
        f" {MAX_IMPORT_BYTES // 1_048_576} MB import limit for one article"
    )


def decode_article_bytes(name: str, data: bytes, encoding: str | None = None) -> str:
    """The text of a file, or InvalidInputError saying why it is not article text."""
    if len(data) > MAX_IMPORT_BYTES:
        raise _too_large(name, len(data))
    if not data.strip():
        raise InvalidInputError(f"{name}: the file is empty")
    if encoding is None and b"\x00" in data[:65536]:
        raise InvalidInputError(f"{name}: the file is binary (it contains NUL bytes), not text")
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InvalidInputError(f"unknown encoding {encoding!r}") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InvalidInputError(
                f"{name}: not valid {encoding} (byte {data[exc.start]:#04x} at offset {exc.start})"
            ) from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidInputError(
                f"{name}: not valid UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start});"
                " if it is in another encoding, say which with --encoding"
            ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InvalidInputError(f"{name}: the file is empty")
    if "\x00" in text:
        raise InvalidInputError(f"{name}: the file is binary (it contains NUL characters)")
    return text


def detect_format(text: str, *, sites: Iterable[SiteProfile], suffix: str = "") -> str | None:
    """'text', 'markdown-meta', 'markdown', 'ninjs' or None when no layout fits."""
    stripped = text.lstrip()
    first_line = stripped.split("\n", 1)[0].strip()
    if stripped.startswith("{"):
        return "ninjs"
    if any(first_line.startswith(site.breadcrumb_label.strip()) for site in sites):
        return "text"
    if _METADATA_LINE.match(first_line) and first_line.split(":", 1)[0].lower() == "title":
        return "markdown-meta"
    if re.search(r"^#\s+\S", text, flags=re.MULTILINE) or suffix.lower() in (".md", ".markdown"):
        return "markdown"
    return None


def parse_article_text(
    name: str,
    text: str,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    known_people: Iterable[str] = (),
    suffix: str = "",
) -> Article:
    """Parse `text` in whichever known format it is in."""
    from newsdesk.publish.formats.markdown_meta import read_markdown_document, read_plain_markdown
    from newsdesk.publish.formats.ninjs import from_ninjs
    from newsdesk.publish.formats.textpage import read_text_page

    sites = [site, *(p for p in (SiteProfile(), CHINESE_SITE) if p != site)]
    kind = detect_format(text, sites=sites, suffix=suffix)
    try:
        if kind == "text":
            first_line = text.lstrip().split("\n", 1)[0]
            page_site = next(s for s in sites if first_line.startswith(s.breadcrumb_label.strip()))
            _require_footer(text, page_site)
            return read_text_page(
                text, site=page_site, vocabulary=vocabulary, known_people=list(known_people)
            )
        if kind == "markdown-meta":
            return read_markdown_document(text, site=site)
        if kind == "markdown":
            return read_plain_markdown(text, site=site)
        if kind == "ninjs":
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InvalidInputError(
                    f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
                ) from None
            if not isinstance(data, dict):
                raise InvalidInputError("the JSON is not a ninjs object")
            return from_ninjs(data)
    except InvalidInputError as exc:
        message = str(exc)
        prefix = f"{name}: "
        raise InvalidInputError(
            message if message.startswith(prefix) else prefix + message
        ) from None
    raise InvalidInputError(
        f"{name}: not in a known layout (expected a site text page starting with"
        f" {site.breadcrumb_label!r}, Markdown with a 'Title:' header or a '# ' heading,"
        " or ninjs JSON)"
    )


def _require_footer(text: str, site: SiteProfile) -> None:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    labels = [label.strip() for label in (site.service_email_label, site.copyright_label)]
    ending = lines[-2:]
    if len(ending) == 2 and all(
        line.startswith(label) for line, label in zip(ending, labels, strict=True)
    ):
        return
    last = lines[-1] if lines else ""
    preview = last if len(last) <= 60 else last[:59] + "…"
    raise InvalidInputError(
        f"the page does not end with the site footer (the {labels[0]!r} and {labels[1]!r}"
        f" lines): the file looks cut off after {preview!r}"
    )


def read_article_file(
    path: Path | str,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    known_people: Iterable[str] = (),
    encoding: str | None = None,
) -> Article:
    path = Path(path)
    name = str(path)
    try:
        if not path.exists():
            raise InvalidInputError(f"{name}: no such file")
        if not path.is_file():
            raise InvalidInputError(f"{name}: not a file")
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise _too_large(name, size)
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInputError(f"{name}: cannot be read ({exc.strerror})") from None
    text = decode_article_bytes(name, data, encoding)
    return parse_article_text(
        name,
        text,
        site=site,
        vocabulary=vocabulary,
        known_people=known_people,
        suffix=path.suffix,
    )
