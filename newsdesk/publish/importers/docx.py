"""Reading Word documents (.docx) that reporters file, with mammoth.

mammoth turns the document into clean HTML (headings, bold, italic, lists, links,
tables, images); the HTML then takes the one cleaning path of every HTML body
(`publish/markdown/from_html.py`). On top of that:

- headline: the first paragraph styled Title or Heading 1 (split into kicker and
  headline like a page title); else the document's own title property; else the
  first paragraph. It is taken out of the body.
- date line: a paragraph right after the headline shaped like a page's date line
  (`2024-07-02 source:Valley bureau`, `2024-07-02 10:30 来源：…`) gives date and
  source and is taken out of the body.
- credits: paragraphs at the end read like a text page's credits block
  (`Reporter丨Anna Berg`, and in a Word file also `Reporter: Anna Berg`), with the
  same editor's notes and page chrome rules (`credits_block`).
- images: every embedded picture becomes an article image (`{file stem}-{n}.{ext}`,
  its alt text kept) shown where it stood; its bytes travel in the report for the
  caller to store.
- keywords and summary: the document's keywords and description properties.
- tracked changes and comments are not silently accepted: mammoth reads a document
  as if every change were accepted and drops comments, so the report says how many
  insertions, deletions and comments the file had, for the reporter to check.
- mammoth's own warnings (an unknown style, an unreadable image) are notes.
"""

from __future__ import annotations

import io
import logging
import mimetypes
import re
import zipfile
from collections.abc import Iterable
from pathlib import PurePath
from xml.etree import ElementTree

import mammoth
from bs4 import BeautifulSoup, Tag

from newsdesk.domain.article import Article, Image
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.importers import notes, refusals
from newsdesk.publish.importers.credits_block import DOCUMENT_SEPARATORS, find_credits
from newsdesk.publish.importers.report import ImageFile, ImportReport
from newsdesk.publish.importers.textpage import (
    known_profiles,
    page_language,
    parse_date_line,
    split_title,
)
from newsdesk.publish.markdown.from_html import html_to_markdown

logger = logging.getLogger(__name__)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CORE = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}
_STYLE_MAP = "\n".join(
    (
        "p[style-name='Title'] => h1:fresh",
        "p[style-name='Subtitle'] => p:fresh",
        "p[style-name='Caption'] => p:fresh",
    )
)
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote")


def read_docx_report(
    data: bytes,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary | None = None,
    known_people: Iterable[str] = (),
    source: str = "document.docx",
) -> ImportReport:
    vocabulary = CreditVocabulary() if vocabulary is None else vocabulary
    report = ImportReport(source=source, format="docx", article=Article(headline=""))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InvalidInputError(refusals.word_zip_damaged()) from None
    with archive:
        _report_revisions(archive, report)
        title_property, keywords, description = _core_properties(archive)

    stem = re.sub(r"[^a-z0-9]+", "-", PurePath(source).stem.lower()).strip("-") or "image"
    images = _ImageCollector(stem, report)
    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=_STYLE_MAP,
            convert_image=mammoth.images.img_element(images.convert),
        )
    except Exception as exc:  # mammoth raises many kinds for damaged documents
        raise InvalidInputError(refusals.unreadable_word(str(exc))) from None
    for message in result.messages:
        report.note(notes.word_says(message.message))

    soup = BeautifulSoup(result.value, "html.parser")
    blocks = [child for child in soup.children if isinstance(child, Tag) and child.name in _BLOCKS]
    article = report.article
    article.section = site.default_section_path
    report.note(notes.default_section("word", site.breadcrumb_separator.join(article.section)))
    title = _take_title(blocks, title_property)
    if not title:
        raise InvalidInputError(refusals.word_without_text())
    article.kicker, article.headline = split_title(title, site)
    article.language = page_language(title, site)
    _take_date_line(blocks, report, site)
    _take_credits(blocks, report, vocabulary, tuple(known_people))

    body = html_to_markdown("".join(str(block) for block in blocks), image_source=images.keep)
    for href in body.dropped_links:
        report.leave_out("link", href, notes.link_text_kept())
    article.body = body.markdown
    used = set(images.names) & {img.get("src") for block in blocks for img in block.find_all("img")}
    article.images = [image for image in images.images if image.name in used]
    report.images = [file for file in images.files if file.name in used]
    article.keywords = [k.strip() for k in re.split(r"[,;，；]", keywords) if k.strip()]
    article.summary = description.strip()
    return report


class _ImageCollector:
    def __init__(self, stem: str, report: ImportReport) -> None:
        self.stem = stem
        self.report = report
        self.images: list[Image] = []
        self.files: list[ImageFile] = []
        self.names: list[str] = []

    def convert(self, image: mammoth.documents.Image) -> dict[str, str]:
        media_type = image.content_type or "application/octet-stream"
        if not media_type.startswith("image/"):
            self.report.leave_out("image", media_type, notes.not_a_picture())
            return {}
        with image.open() as stream:
            data = stream.read()
        extension = (mimetypes.guess_extension(media_type) or ".img").lstrip(".")
        extension = {"jpe": "jpg", "jpeg": "jpg"}.get(extension, extension)
        name = f"{self.stem}-{len(self.names) + 1}.{extension}"
        file = ImageFile(name=name, media_type=media_type, data=data)
        alt = " ".join((image.alt_text or "").split())
        self.names.append(name)
        self.files.append(file)
        self.images.append(Image(name=name, sha256=file.sha256, media_type=media_type, alt=alt))
        return {"src": name, "alt": alt}

    def keep(self, src: str, _alt: str) -> str | None:
        return src if src in self.names else None


def _report_revisions(archive: zipfile.ZipFile, report: ImportReport) -> None:
    try:
        document = ElementTree.fromstring(archive.read("word/document.xml"))
    except (KeyError, ElementTree.ParseError):
        raise InvalidInputError(refusals.word_without_document_part()) from None
    insertions = len(document.findall(f".//{_W}ins")) + len(document.findall(f".//{_W}moveTo"))
    deletions = len(document.findall(f".//{_W}del")) + len(document.findall(f".//{_W}moveFrom"))
    if insertions or deletions:
        report.note(notes.tracked_changes(insertions, deletions))
    comments = 0
    if "word/comments.xml" in archive.namelist():
        try:
            part = ElementTree.fromstring(archive.read("word/comments.xml"))
            comments = len(part.findall(f"{_W}comment"))
        except ElementTree.ParseError:
            comments = 0
    if comments:
        report.note(notes.comments_not_imported(comments))


def _core_properties(archive: zipfile.ZipFile) -> tuple[str, str, str]:
    try:
        core = ElementTree.fromstring(archive.read("docProps/core.xml"))
    except (KeyError, ElementTree.ParseError):
        return "", "", ""

    def text(path: str) -> str:
        element = core.find(path, _CORE)
        return " ".join((element.text or "").split()) if element is not None else ""

    return text("dc:title"), text("cp:keywords"), text("dc:description")


def _take_title(blocks: list[Tag], title_property: str) -> str:
    for block in blocks:
        if block.name == "h1" and block.get_text(strip=True):
            blocks.remove(block)
            return " ".join(block.get_text(" ").split())
    if title_property:
        return title_property
    for block in blocks:
        if block.get_text(strip=True):
            blocks.remove(block)
            return " ".join(block.get_text(" ").split())
    return ""


def _take_date_line(blocks: list[Tag], report: ImportReport, site: SiteProfile) -> None:
    first = next((b for b in blocks if b.get_text(strip=True)), None)
    if first is None or first.name != "p":
        return
    line = " ".join(first.get_text(" ").split())
    try:
        date, time, source = parse_date_line(line, 2, site, known_profiles(site))
    except InvalidInputError:
        return  # not a date line: the paragraph is body
    blocks.remove(first)
    report.article.date, report.article.source = date, source
    if time:
        report.note(notes.time_on_date_line_not_kept(time))


def _take_credits(
    blocks: list[Tag],
    report: ImportReport,
    vocabulary: CreditVocabulary,
    known_people: tuple[str, ...],
) -> None:
    paragraphs = [b for b in blocks if b.get_text(strip=True)]
    # Only the paragraphs after the last non-paragraph block can be credits.
    last_other = max((paragraphs.index(b) for b in paragraphs if b.name != "p"), default=-1)
    tail = paragraphs[last_other + 1 :]
    lines = [" ".join(b.get_text(" ").split()) for b in tail]
    found = find_credits(lines, vocabulary, DOCUMENT_SEPARATORS)
    taken = tail[len(found.body) :]
    for block in taken:
        blocks.remove(block)
    for line in found.chrome:
        report.leave_out("chrome", line, notes.after_the_credits())
    report.article.credits = [line.credit(known_people) for line in found.credits]
    report.unknown_roles = list(dict.fromkeys(c.role for c in found.credits if not c.known))
