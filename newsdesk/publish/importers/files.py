"""Reading article files: checks every file first, then detects its format.

Formats: the site's text page (any known site profile) or a bare article, Markdown
with metadata (ours, Pelican's, YAML or TOML front matter), plain Markdown (first
level-1 heading = headline), ninjs JSON (ours or an agency's) and Word documents
(.docx, recognised by their content). One reader per format under this package; each
returns an `ImportReport` (the article and what was decided), which `import_file`
hands to front ends. A file is refused whole, with a message naming it and the
problem, before anything is written.

A text page file with a breadcrumb must end with the site's two footer lines. The text page reader
itself accepts a page without them (text pasted by hand), but a file without them was
most likely cut off (a broken download, a full disk), and importing it would store an
article whose credits end in the middle of a name without anyone noticing. A bare
article (no breadcrumb) has no footer to check; its report says so.
"""

from __future__ import annotations

import codecs
import io
import json
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

from newsdesk.domain.article import Article
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.said import said_of
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.importers import refusals
from newsdesk.publish.importers.front_matter import has_pelican_header
from newsdesk.publish.importers.report import ImportReport
from newsdesk.publish.importers.textpage import (
    is_bare_article,
    known_profiles,
    read_text_page_report,
)

# Articles are text; the largest real ones are a few hundred KB. A limit keeps a
# mistaken import (a video, a database dump) from filling memory and the database.
MAX_IMPORT_BYTES = 10 * 1024 * 1024


def _too_large(name: str, size: int) -> InvalidInputError:
    return InvalidInputError(
        refusals.named(name, refusals.too_large(size / 1_048_576, MAX_IMPORT_BYTES // 1_048_576))
    )


def decode_article_bytes(name: str, data: bytes, encoding: str | None = None) -> str:
    """The text of a file, or InvalidInputError saying why it is not article text."""
    if len(data) > MAX_IMPORT_BYTES:
        raise _too_large(name, len(data))
    if not data.strip():
        raise InvalidInputError(refusals.named(name, refusals.empty()))
    if encoding is None and b"\x00" in data[:65536]:
        raise InvalidInputError(refusals.named(name, refusals.binary("bytes")))
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InvalidInputError(refusals.unknown_encoding(encoding)) from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InvalidInputError(
                refusals.named(name, refusals.not_in_encoding(encoding, data[exc.start], exc.start))
            ) from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidInputError(
                refusals.named(name, refusals.not_utf8(data[exc.start], exc.start))
            ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InvalidInputError(refusals.named(name, refusals.empty()))
    if "\x00" in text:
        raise InvalidInputError(refusals.named(name, refusals.binary("characters")))
    return text


def detect_format(text: str, *, sites: Iterable[SiteProfile], suffix: str = "") -> str | None:
    """'text', 'markdown-meta', 'markdown', 'ninjs' or None when no layout fits.

    'markdown-meta' is any Markdown with metadata: ours, Pelican's header (whatever
    its first key), YAML (`---`) or TOML (`+++`) front matter. 'text' is a site page
    or a bare article (title, then a dated date line)."""
    sites = list(sites)
    stripped = text.lstrip()
    first_line = stripped.split("\n", 1)[0].strip()
    if stripped.startswith("{"):
        return "ninjs"
    if any(first_line.startswith(site.breadcrumb_label.strip()) for site in sites):
        return "text"
    if split_front_matter_kind(text):
        return "markdown-meta"
    if is_bare_article(text, sites):
        return "text"
    if re.search(r"^#\s+\S", text, flags=re.MULTILINE) or suffix.lower() in MARKDOWN_SUFFIXES:
        return "markdown"
    return None


MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn")


def split_front_matter_kind(text: str) -> str:
    first = text.removeprefix("\ufeff").split("\n", 1)[0].rstrip()
    if first in ("---", "+++"):
        return "yaml" if first == "---" else "toml"
    return "pelican" if has_pelican_header(text) else ""


def import_text(
    name: str,
    text: str,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    known_people: Iterable[str] = (),
    suffix: str = "",
) -> ImportReport:
    """What `text` (the content of the file `name`) would become, in whichever known
    format it is in. Raises InvalidInputError naming the file for text in none."""
    sites = known_profiles(site)
    kind = detect_format(text, sites=sites, suffix=suffix)
    try:
        if kind == "text":
            first_line = text.lstrip().split("\n", 1)[0]
            page_site = next(
                (s for s in sites if first_line.startswith(s.breadcrumb_label.strip())), None
            )
            if page_site is not None:
                _require_footer(text, page_site)
            return read_text_page_report(
                text,
                site=page_site or site,
                vocabulary=vocabulary,
                known_people=list(known_people),
                source=name,
            )
        # The Markdown and ninjs readers (Python-Markdown, YAML, dateutil, BeautifulSoup)
        # are loaded for the first file of their kind: a reader of text pages (the
        # second process of a big import) needs none of them.
        if kind in ("markdown-meta", "markdown"):
            from newsdesk.publish.importers.markdown import read_markdown_report

            return read_markdown_report(text, site=site, vocabulary=vocabulary, source=name)
        if kind == "ninjs":
            from newsdesk.publish.importers.ninjs import read_ninjs_report

            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InvalidInputError(refusals.not_json(exc.lineno, exc.colno, exc.msg)) from None
            return read_ninjs_report(
                data, site=site, vocabulary=vocabulary, known_people=known_people, source=name
            )
    except InvalidInputError as exc:
        raise _named(name, exc) from None
    raise InvalidInputError(refusals.named(name, refusals.unknown_layout(site.breadcrumb_label)))


def _named(name: str, exc: InvalidInputError) -> InvalidInputError:
    message = str(exc)
    if message.startswith(f"{name}: "):
        return exc
    return InvalidInputError(refusals.named(name, said_of(exc) or message))


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
    return import_text(
        name, text, site=site, vocabulary=vocabulary, known_people=known_people, suffix=suffix
    ).article


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
    raise InvalidInputError(refusals.cut_off(labels[0], labels[1], preview))


def is_docx(data: bytes) -> bool:
    """True for a Word (OOXML) document: a zip holding word/document.xml."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def import_file(
    path: Path | str,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    known_people: Iterable[str] = (),
    encoding: str | None = None,
) -> ImportReport:
    """What the file at `path` would become: checks it, detects its format, reads it.
    Writes nothing. Raises InvalidInputError naming the file and the problem."""
    path = Path(path)
    name = str(path)
    try:
        if not path.exists():
            raise InvalidInputError(refusals.named(name, refusals.no_such_file()))
        if not path.is_file():
            raise InvalidInputError(refusals.named(name, refusals.not_a_file()))
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise _too_large(name, size)
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInputError(
            refusals.named(name, refusals.cannot_be_read(exc.strerror or str(exc)))
        ) from None
    if is_docx(data):
        # Loaded for the first Word file only: mammoth and BeautifulSoup cost a reader
        # of text pages (a second process in a big import) a fifth of a second.
        from newsdesk.publish.importers.docx import read_docx_report

        try:
            return read_docx_report(
                data, site=site, vocabulary=vocabulary, known_people=known_people, source=name
            )
        except InvalidInputError as exc:
            raise _named(name, exc) from None
    text = decode_article_bytes(name, data, encoding)
    return import_text(
        name,
        text,
        site=site,
        vocabulary=vocabulary,
        known_people=known_people,
        suffix=path.suffix,
    )


def read_article_file(
    path: Path | str,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    known_people: Iterable[str] = (),
    encoding: str | None = None,
) -> Article:
    """The article the file at `path` holds (`import_file` says what was decided)."""
    return import_file(
        path, site=site, vocabulary=vocabulary, known_people=known_people, encoding=encoding
    ).article
