"""Reading Markdown files with any metadata: ours, Pelican's, YAML or TOML front matter.

Which reader: `front_matter.split_front_matter` finds the metadata. A header that
carries `Newsdesk-Status` was written by us (formats/markdown_meta.py) and is read
exactly: every field comes back as written. Anything else is mapped as below, and
every decision goes into the import report.

==========================  =============================================================
article field               keys read (first found wins)
==========================  =============================================================
headline                    title; else the body's first level-1 heading (moved out of
                            the body); else refused
kicker, source              kicker, source
section                     section (`news > world`), category, categories (a list is a
                            path); else the site's default
date                        date (Pelican's formats, through python-dateutil; YAML and
                            TOML dates as they come); else a `YYYY-MM-DD` at the start
                            of the file name (Pelican's FILENAME_METADATA default)
language                    lang, language; else the site's
credits                     credit (ours); else author / authors as Reporter credits
                            (Pelican splits Authors at `;` when there is one, else at
                            `,`; YAML lists as they are)
keywords                    tags, keywords (split like authors; duplicates dropped)
summary                     summary, description, abstract (Markdown made plain text)
slug                        slug: any slug Pelican accepts that is safe as a file name
status                      newsdesk-status; status (published, draft; hidden is
                            published and unlisted, skip is a draft, both noted; any
                            other is a draft, noted); draft: true/false; published
==========================  =============================================================

Keys without an article field (modified, custom fields) are listed in the report as
left out. Links the page cannot use (`{filename}…`, `{static}…`, relative) keep their
text on the page and are listed; images without a usable source are listed too (the
checklist names them and the export leaves them out).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from pathlib import PurePath

from dateutil import parser as date_parser

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.site import SiteProfile, split_section
from newsdesk.domain.status import Status
from newsdesk.publish.formats import markdown_meta as ours
from newsdesk.publish.importers import notes, refusals
from newsdesk.publish.importers.front_matter import FrontMatter, split_front_matter
from newsdesk.publish.importers.report import ImportReport
from newsdesk.publish.markdown.inspect import body_references
from newsdesk.publish.markdown.pipeline import (
    is_allowed_image_source,
    is_allowed_link,
    render_body,
)
from newsdesk.publish.markdown.plain_text import html_blocks_to_text
from newsdesk.publish.slugs import is_valid_slug

logger = logging.getLogger(__name__)

_MAPPED_KEYS = frozenset(
    {
        "title",
        "kicker",
        "source",
        "section",
        "category",
        "categories",
        "date",
        "lang",
        "language",
        "credit",
        "image",
        "author",
        "authors",
        "tags",
        "keywords",
        "summary",
        "description",
        "abstract",
        "slug",
        "status",
        "newsdesk-status",
        "draft",
        "published",
    }
)
# Pelican's statuses: ours, and whether the person is told (notes.pelican_status).
_PELICAN_STATUS = {
    "published": (Status.PUBLISHED, False),
    "draft": (Status.DRAFT, False),
    "hidden": (Status.PUBLISHED, True),
    "skip": (Status.DRAFT, True),
}
_FILE_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def read_markdown_report(
    text: str,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary | None = None,
    source: str = "",
) -> ImportReport:
    """Read a Markdown file with metadata (any kind) or without (first `#` heading)."""
    vocabulary = CreditVocabulary() if vocabulary is None else vocabulary
    front = split_front_matter(text)
    if not front.kind:
        article = ours.read_plain_markdown(text, site=site)
        report = ImportReport(source=source, format="markdown", article=article)
    elif front.kind == "pelican" and "newsdesk-status" in front.meta:
        report = ImportReport(
            source=source, format="markdown-meta", article=ours.read_own_header(front, site=site)
        )
    else:
        report = _read_foreign(front, site=site, vocabulary=vocabulary, source=source)
    if report.article.date is None:
        _date_from_file_name(report, source)
    _report_unusable_references(report)
    return report


def _read_foreign(
    front: FrontMatter, *, site: SiteProfile, vocabulary: CreditVocabulary, source: str
) -> ImportReport:
    meta = front.meta
    typed = front.kind != "pelican"  # Pelican values are lists of lines
    report = ImportReport(
        source=source, format=front.kind, article=Article(headline="", body=front.body)
    )
    article = report.article

    title = _text(meta.get("title"), typed)
    if title:
        article.headline = title
    else:
        try:
            plain = ours.read_plain_markdown(front.body, site=site)
        except InvalidInputError:
            raise InvalidInputError(refusals.no_headline_in_markdown()) from None
        article.headline, article.body = plain.headline, plain.body
        report.note(notes.headline_from_heading())

    article.kicker = _text(meta.get("kicker"), typed)
    article.source = _text(meta.get("source"), typed)
    article.language = _text(meta.get("lang") or meta.get("language"), typed) or site.language
    article.section = _section(meta, typed) or site.default_section_path
    if not _section(meta, typed):
        report.note(
            notes.default_section("markdown", site.breadcrumb_separator.join(article.section))
        )
    _read_date(report, meta.get("date"), typed)
    article.status = _status(report, meta, typed)
    if "credit" in meta:
        article.credits = [ours.parse_credit(value) for value in _lines(meta["credit"])]
    else:
        authors = _authors(meta, typed)
        if authors:
            article.credits = [Credit(_reporter_label(vocabulary, article.language), authors)]
    article.images = [ours.parse_image(value) for value in _lines(meta.get("image"))]
    article.keywords = _unique(
        _list_value(meta.get("tags"), typed) + _list_value(meta.get("keywords"), typed)
    )
    summary = _text(
        meta.get("summary") or meta.get("description") or meta.get("abstract"), typed, joiner="\n"
    )
    article.summary = _plain(summary)
    _read_slug(report, _text(meta.get("slug"), typed))
    for key in sorted(set(meta) - _MAPPED_KEYS):
        value = _text(meta[key], typed)
        report.leave_out("metadata", f"{key}: {value}"[:200], notes.no_article_field())
    return report


def _text(value: object, typed: bool, joiner: str = " ") -> str:
    """One text value: Pelican's lines joined, YAML/TOML scalars as text."""
    if value is None:
        return ""
    if isinstance(value, list):
        return joiner.join(_text(v, typed) for v in value if v is not None).strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value).strip()


def _lines(value: object) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _list_value(value: object, typed: bool) -> list[str]:
    """A list of items: YAML/TOML lists as they are; text split like Pelican does
    (at `;` when there is one, else at `,`)."""
    if value is None:
        return []
    if typed and isinstance(value, list):
        return [_text(v, typed) for v in value if _text(v, typed)]
    text = _text(value, typed)
    separator = ";" if ";" in text else ","
    return [item.strip() for item in text.split(separator) if item.strip()]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(item for item in items if item))


def _section(meta: dict[str, object], typed: bool) -> list[str]:
    if "section" in meta:
        return split_section(_text(meta["section"], typed))
    for key in ("category", "categories"):
        value = meta.get(key)
        if typed and isinstance(value, list):
            return [_text(v, typed) for v in value if _text(v, typed)]
        text = _text(value, typed)
        if text:
            return split_section(text) if ">" in text else [text]
    return []


def _authors(meta: dict[str, object], typed: bool) -> tuple[str, ...]:
    names = _list_value(meta.get("authors"), typed)
    single = meta.get("author")
    if typed and isinstance(single, list):
        names += [_text(v, typed) for v in single]
    elif single is not None:
        names.append(_text(single, typed))
    return tuple(_unique(names))


def _reporter_label(vocabulary: CreditVocabulary, language: str) -> str:
    role = next((r for r in vocabulary.roles if r.key == "reporter"), None)
    return role.label(language) if role else "Reporter"


def _plain(markdown_text: str) -> str:
    """A summary written in Markdown (Pelican allows inline markup) as plain text."""
    if not markdown_text.strip():
        return ""
    return "\n".join(html_blocks_to_text(render_body(markdown_text)))


def _read_date(report: ImportReport, value: object, typed: bool) -> None:
    if value is None or value == "" or value == []:
        return
    if isinstance(value, dt.datetime):
        report.article.date = value.date()
        report.note(notes.time_of_date_not_kept(value.time().isoformat()))
        return
    if isinstance(value, dt.date):
        report.article.date = value
        return
    text = _text(value, typed)
    try:
        parsed = date_parser.parse(text, default=dt.datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        report.leave_out("date", text, notes.unreadable_date())
        return
    report.article.date = parsed.date()
    if parsed.time() != dt.time(0, 0) and re.search(r"\d:\d", text):
        report.note(notes.time_of_date_not_kept(parsed.time().isoformat()))


def _date_from_file_name(report: ImportReport, source: str) -> None:
    match = _FILE_DATE.match(PurePath(source).name) if source else None
    if not match:
        return
    try:
        report.article.date = dt.date.fromisoformat(match.group(1))
    except ValueError:
        return
    report.note(notes.date_from_file_name(match.group(1)))


def _status(report: ImportReport, meta: dict[str, object], typed: bool) -> Status:
    value = _text(meta.get("status"), typed).lower()
    if value:
        status, noted = _PELICAN_STATUS.get(value, (Status.DRAFT, True))
        if noted:
            known = value in _PELICAN_STATUS
            report.note(notes.pelican_status(value) if known else notes.unknown_status(value))
        return status
    draft = meta.get("draft")
    if draft is not None:
        return Status.DRAFT if _truthy(draft) else Status.PUBLISHED
    published = meta.get("published")
    if published is not None:
        return Status.PUBLISHED if _truthy(published) else Status.DRAFT
    return Status.DRAFT


def _truthy(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return _text(value, False).lower() in ("true", "yes", "on", "1")


def _read_slug(report: ImportReport, slug: str) -> None:
    if not slug:
        return
    lowered = slug.lower()
    if is_valid_slug(lowered):
        report.article.slug = lowered
        if lowered != slug:
            report.note(notes.slug_lower_cased(slug, lowered))
        return
    report.leave_out("slug", slug, notes.unsafe_slug())


def _report_unusable_references(report: ImportReport) -> None:
    references = body_references(report.article.body)
    for link in references.links:
        if not is_allowed_link(link):
            report.leave_out("link", link, notes.link_not_a_web_address())
    for image in references.images:
        if not is_allowed_image_source(image.src):
            report.leave_out("image", image.src or image.alt, notes.image_without_source())
