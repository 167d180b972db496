"""Reading ninjs from anywhere: ours exactly, agencies' (ninjs 1.x and 2.x) as best we can.

A document carrying our extension (formats/ninjs.py) is read exactly by `from_ninjs`.
Any other (IPTC's examples, AP, dpa, NTB, TT and other agencies) is mapped:

- headline: `headlines[role=main]`, else the first headline of any role, else the
  1.x `headline`; kicker: `headlines[role=kicker]`;
- date: `firstcreated`, else `versioncreated`, else `contentcreated` (the date part;
  the report notes that the time is not kept);
- credits: `by` split into people (a leading "By", "Von", "Av", "Par" dropped) as
  Reporter credits; `infosources` whose role is not a source add credits by role;
- source: an infosource with role source (or none), else `copyrightholder`;
- body: `bodies` (HTML preferred, then Markdown, then plain text), or the 1.x
  `body_html` / `body_text`, HTML converted to Markdown through the same cleaning as
  pasted text (`publish/markdown/from_html.py`); web images in it are kept;
- keywords: `subjects` (2.x), `subject` (1.x) names, and the 1.x `keywords` list;
- summary: `descriptions` with role summary, abstract, description or teaser (or no
  role), or the 1.x `description_text`;
- pictures: `associations` of type picture (a list in 2.x, an object in 1.x) become
  figures at the top of the body: the largest rendition's web address, alt text and
  caption where the document carries them;
- status: `pubstatus` usable -> published, withheld -> draft, canceled -> archived.

Every top-level field not used is listed in the report: nothing is dropped silently,
and nothing unknown stops an import. A field of the wrong type (a headline that is a
number) is left out with the reason, not a crash.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable

from dateutil import parser as date_parser

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.names import split_names
from newsdesk.domain.site import SiteProfile
from newsdesk.domain.status import Status
from newsdesk.publish.formats.ninjs import EXTENSION_ROLE, MARKDOWN_ROLE, from_ninjs
from newsdesk.publish.importers import notes, refusals
from newsdesk.publish.importers.report import ImportReport
from newsdesk.publish.markdown.from_html import html_to_markdown
from newsdesk.publish.markdown.pipeline import is_allowed_image_source, render_body
from newsdesk.publish.markdown.plain_text import html_blocks_to_text, plain_to_markdown
from newsdesk.publish.slugs import is_valid_slug

logger = logging.getLogger(__name__)

_STATUS = {"usable": Status.PUBLISHED, "withheld": Status.DRAFT, "canceled": Status.ARCHIVED}
_SUMMARY_ROLES = (None, "summary", "abstract", "description", "teaser", "lead", "standfirst")
_ALT_ROLES = ("alt", "alttext", "alt-text", "alternative", "alternativetext")
_CAPTION_ROLES = ("caption", "description", "summary", None)
_SOURCE_ROLES = ("", "source", "originator", "provider", "publisher")
_BY_PREFIX = re.compile(r"^(by|von|av|par|door|por|di)\s+", re.IGNORECASE)
# Fields this reader uses (the rest is listed in the report).
_USED = frozenset(
    {
        "uri",
        "type",
        "headlines",
        "headline",
        "firstcreated",
        "versioncreated",
        "contentcreated",
        "by",
        "byline",
        "infosources",
        "copyrightholder",
        "bodies",
        "body_html",
        "body_text",
        "body_xhtml",
        "subjects",
        "subject",
        "keywords",
        "descriptions",
        "description_text",
        "description_html",
        "associations",
        "pubstatus",
        "language",
        "slugline",
        "title",
        "version",
    }
)
# Fields that describe the document itself, not the article: used by nobody, not news.
_BOOKKEEPING = frozenset({"standard", "$schema", "representationtype", "profile"})


def read_ninjs_report(
    data: object,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary | None = None,
    known_people: Iterable[str] = (),
    source: str = "",
) -> ImportReport:
    if not isinstance(data, dict):
        raise InvalidInputError(refusals.not_ninjs())
    descriptions = data.get("descriptions")
    if isinstance(descriptions, list) and any(
        isinstance(d, dict) and d.get("role") == EXTENSION_ROLE for d in descriptions
    ):
        return ImportReport(source=source, format="ninjs", article=from_ninjs(data))
    vocabulary = CreditVocabulary() if vocabulary is None else vocabulary
    report = ImportReport(source=source, format="ninjs", article=Article(headline=""))
    _Reader(data, report, site, vocabulary, tuple(known_people)).read()
    return report


class _Reader:
    def __init__(
        self,
        data: dict,
        report: ImportReport,
        site: SiteProfile,
        vocabulary: CreditVocabulary,
        known_people: tuple[str, ...],
    ) -> None:
        self.data = data
        self.report = report
        self.article = report.article
        self.site = site
        self.vocabulary = vocabulary
        self.known_people = known_people

    # -- helpers --------------------------------------------------------------

    def _string(self, value: object, field: str) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value.strip()
        self.report.leave_out(
            "ninjs field", f"{field}: {value!r}"[:200], notes.should_be_text(field)
        )
        return ""

    def _items(self, field: str) -> list[dict]:
        value = self.data.get(field)
        if value is None:
            return []
        if isinstance(value, dict):  # ninjs 1.x keys its associations by name
            return [dict(v, name=v.get("name", k)) for k, v in value.items() if isinstance(v, dict)]
        if not isinstance(value, list):
            self.report.leave_out("ninjs field", field, notes.should_be_a_list(field))
            return []
        return [item for item in value if isinstance(item, dict)]

    # -- the mapping ----------------------------------------------------------

    def read(self) -> None:
        article = self.article
        article.headline, article.kicker = self._headlines()
        if not article.headline:
            raise InvalidInputError(refusals.ninjs_without_headline())
        article.language = self._string(self.data.get("language"), "language") or (
            self.site.language
        )
        article.section = self.site.default_section_path
        self.report.note(
            notes.default_section("ninjs", self.site.breadcrumb_separator.join(article.section))
        )
        article.date = self._date()
        article.status = _STATUS.get(str(self.data.get("pubstatus", "")), Status.DRAFT)
        article.source, article.credits = self._credits()
        article.keywords = self._keywords()
        article.summary = self._summary()
        body = self._body()
        pictures = self._pictures()
        article.body = "\n\n".join(part for part in (*pictures, body) if part)
        self._slug()
        for key in sorted(set(self.data) - _USED - _BOOKKEEPING):
            self.report.leave_out("ninjs field", key, notes.no_article_field())

    def _headlines(self) -> tuple[str, str]:
        headlines = self._items("headlines")
        by_role = {h.get("role"): h for h in headlines if isinstance(h.get("value"), str)}
        main = by_role.get("main") or next(iter(by_role.values()), None)
        if main is not None and main.get("role") not in (None, "main"):
            self.report.note(notes.headline_of_role(main["role"]))
        headline = self._string(main.get("value"), "headline") if main else ""
        headline = headline or self._string(self.data.get("headline"), "headline")
        kicker = by_role.get("kicker")
        return headline, self._string(kicker.get("value"), "kicker") if kicker else ""

    def _date(self) -> dt.date | None:
        for field in ("firstcreated", "versioncreated", "contentcreated"):
            text = self._string(self.data.get(field), field)
            if not text:
                continue
            try:
                moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                try:
                    moment = date_parser.parse(text)
                except (ValueError, OverflowError):
                    self.report.leave_out(field, text, notes.not_a_date_time())
                    continue
            self.report.note(notes.date_from_field(field))
            return moment.date()
        return None

    def _credits(self) -> tuple[str, list[Credit]]:
        source = ""
        credits: list[Credit] = []
        by = self._string(self.data.get("by") or self.data.get("byline"), "by")
        if by:
            names = split_names(_BY_PREFIX.sub("", by), self.known_people)
            if names:
                credits.append(Credit(self._reporter_label(), tuple(names)))
        for info in self._items("infosources"):
            name = self._string(info.get("name"), "infosources name")
            role = self._string(info.get("role"), "infosources role")
            if not name:
                continue
            if role.lower() in _SOURCE_ROLES:
                source = source or name
            elif credits and credits[-1].role == role:
                credits[-1] = Credit(role, (*credits[-1].names, name))
            else:
                credits.append(Credit(role, (name,)))
        if not source:
            source = self._string(self.data.get("copyrightholder"), "copyrightholder")
            if source:
                self.report.note(notes.source_is_copyright_holder())
        return source, credits

    def _reporter_label(self) -> str:
        role = next((r for r in self.vocabulary.roles if r.key == "reporter"), None)
        return role.label(self.article.language) if role else "Reporter"

    def _keywords(self) -> list[str]:
        names: list[str] = []
        for field in ("subjects", "subject"):
            for subject in self._items(field):
                name = subject.get("name") or subject.get("literal")
                if isinstance(name, str) and name.strip():
                    names.append(name.strip())
        keywords = self.data.get("keywords")
        if isinstance(keywords, list):
            names += [k.strip() for k in keywords if isinstance(k, str) and k.strip()]
        return list(dict.fromkeys(names))

    def _summary(self) -> str:
        for description in self._items("descriptions"):
            if description.get("role") in _SUMMARY_ROLES:
                value = self._string(description.get("value"), "description")
                if "html" in str(description.get("contenttype", "")):
                    value = _html_text(value)
                if value:
                    return value
        text = self._string(self.data.get("description_text"), "description_text")
        if text:
            return text
        return _html_text(self._string(self.data.get("description_html"), "description_html"))

    def _body(self) -> str:
        bodies = self._items("bodies")
        by_type: dict[str, str] = {}
        for body in bodies:
            value = body.get("value")
            if not isinstance(value, str):
                continue
            kind = str(body.get("contenttype", "")).lower()
            if body.get("role") == MARKDOWN_ROLE or "markdown" in kind:
                by_type.setdefault("markdown", value)
            elif "html" in kind:
                by_type.setdefault("html", value)
            else:
                by_type.setdefault("text", value)
        html = by_type.get("html") or self._string(self.data.get("body_html"), "body_html")
        html = html or self._string(self.data.get("body_xhtml"), "body_xhtml")
        if html:
            converted = html_to_markdown(html, image_source=_web_image)
            for src in converted.dropped_images:
                self.report.leave_out("image", src, notes.image_not_on_the_web())
            for href in converted.dropped_links:
                self.report.leave_out("link", href, notes.link_text_kept())
            return converted.markdown
        if "markdown" in by_type:
            return by_type["markdown"]
        text = by_type.get("text") or self._string(self.data.get("body_text"), "body_text")
        paragraphs = (plain_to_markdown(line) for line in text.split("\n"))
        return "\n\n".join(p for p in paragraphs if p)

    def _pictures(self) -> list[str]:
        figures = []
        for item in self._items("associations"):
            if item.get("type") != "picture":
                continue
            href = _largest_rendition(item.get("renditions"))
            if not href:
                self.report.leave_out("picture", str(item.get("name", "")), notes.no_rendition())
                continue
            alt = _description(item, _ALT_ROLES) or _one_line(item.get("headline"))
            caption = (
                _description(item, _CAPTION_ROLES)
                or _one_line(item.get("description_text"))
                or _one_line(item.get("body_text"))
            )
            figure = f"![{_alt_text(alt)}]({_destination(href)})"
            figures.append(f"{figure}\n{plain_to_markdown(caption)}" if caption else figure)
        return figures

    def _slug(self) -> None:
        slug = self._string(self.data.get("slugline"), "slugline").lower()
        if slug and is_valid_slug(slug):
            self.article.slug = slug
        elif slug:
            self.report.leave_out("slugline", slug, notes.unusable_slugline())


def _web_image(src: str, _alt: str) -> str | None:
    return (
        src
        if src.lower().startswith(("http://", "https://")) and is_allowed_image_source(src)
        else None
    )


def _largest_rendition(renditions: object) -> str:
    if isinstance(renditions, dict):  # ninjs 1.x
        renditions = [dict(v, name=k) for k, v in renditions.items() if isinstance(v, dict)]
    if not isinstance(renditions, list):
        return ""
    usable = [
        r
        for r in renditions
        if isinstance(r, dict) and isinstance(r.get("href"), str) and _web_image(r["href"], "")
    ]
    if not usable:
        return ""

    def size(rendition: dict) -> float:
        width = rendition.get("width")
        return float(width) if isinstance(width, int | float) else 0.0

    return max(usable, key=size)["href"]


def _description(item: dict, roles: tuple[str | None, ...]) -> str:
    descriptions = item.get("descriptions")
    if not isinstance(descriptions, list):
        return ""
    for role in roles:
        for description in descriptions:
            if isinstance(description, dict) and description.get("role") == role:
                value = _one_line(description.get("value"))
                if value:
                    return value
    return ""


def _one_line(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _alt_text(alt: str) -> str:
    # Inside ![...] the brackets and backslashes of the text must be escaped.
    return alt.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _destination(href: str) -> str:
    # A Markdown link destination ends at a space or an unbalanced parenthesis.
    return href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _html_text(html: str) -> str:
    if not html:
        return ""
    return "\n".join(html_blocks_to_text(render_body(html_to_markdown(html).markdown)))
