"""The article's HTML page, rendered with the site templates (Jinja2).

Templates live in `resources/templates` (the package `newsdesk_resources`):
`article.html` is the full page and includes `article_part.html`, the article part a
fragment export consists of; `index.html` lists a bundle's articles. The stylesheet
is `resources/site/site.css`, linked relatively as `site.css`. The markup's class
names are documented in docs/page-markup.md.

`PageTemplates` holds the one Jinja2 environment (autoescape on, StrictUndefined) and a
fingerprint of the template files and stylesheet, so an export can tell when pages
must be rendered again. `render_page` uses the shipped templates; pass `templates=` to
render with another set (a restyled site, or a test).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

import jinja2
from markupsafe import Markup

from newsdesk.domain.article import Article
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import NewsdeskError
from newsdesk.domain.site import SiteProfile
from newsdesk.domain.status import Status
from newsdesk.publish.formats.ninjs import reporters_of
from newsdesk.publish.markdown.pipeline import render_body
from newsdesk.publish.markdown.plain_text import html_blocks_to_text, normalize_space

logger = logging.getLogger(__name__)

PAGE_TEMPLATE = "article.html"
FRAGMENT_TEMPLATE = "article_part.html"
INDEX_TEMPLATE = "index.html"
STYLESHEET_NAME = "site.css"
TEMPLATE_PREFIX = "templates/"
DESCRIPTION_LENGTH = 160
REPORTER_KEY = "reporter"


def _build_environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    """The only place a Jinja2 environment is made: every page goes through these rules."""
    environment = jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    # `tojson` (used for JSON-LD) already escapes <, > and & as \u003c...; sorted keys
    # keep the output byte-identical, and non-ASCII stays readable.
    environment.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return environment


class PageTemplates:
    """A set of site templates and its stylesheet.

    `root` is a folder holding `templates/` and `site/site.css`; by default the ones
    shipped in `newsdesk_resources`.
    """

    def __init__(self, root: Traversable | Path | None = None) -> None:
        self.root: Traversable = root if root is not None else files("newsdesk_resources")
        self._templates = self.root / "templates"
        self.environment = _build_environment(jinja2.FunctionLoader(self._load))
        # Compiled once per set (the loader never reloads: auto_reload is off).
        self._compiled: dict[str, jinja2.Template] = {}

    def _load(self, name: str) -> tuple[str, str, Callable[[], bool]] | None:
        resource = self._templates / name
        if not resource.is_file():
            return None
        # The file name shows in tracebacks, so an error can name the template at fault.
        return resource.read_text(encoding="utf-8"), f"{TEMPLATE_PREFIX}{name}", lambda: True

    def stylesheet(self) -> bytes:
        return (self.root / "site" / STYLESHEET_NAME).read_bytes()

    @functools.cached_property
    def fingerprint(self) -> str:
        """SHA-256 over every template file and the stylesheet (names and contents)."""
        digest = hashlib.sha256()
        entries = sorted(
            (entry.name, entry.read_bytes())
            for entry in self._templates.iterdir()
            if entry.is_file()
        )
        entries.append((f"site/{STYLESHEET_NAME}", self.stylesheet()))
        for name, data in entries:
            digest.update(name.encode("utf-8") + b"\0" + str(len(data)).encode() + b"\0" + data)
        return digest.hexdigest()

    def render(self, template: str, **context: object) -> str:
        try:
            return self._template(template).render(**context)
        except _TEMPLATE_FAILURES as error:
            raise _template_failure(template, error) from error

    def stream(self, template: str, **context: object) -> Iterator[str]:
        """`render` piece by piece, for a page too long to hold whole (the index of a
        whole site); its errors as render's."""
        try:
            yield from self._template(template).generate(**context)
        except _TEMPLATE_FAILURES as error:
            raise _template_failure(template, error) from error

    def _template(self, template: str) -> jinja2.Template:
        """The compiled template, compiled once per set."""
        compiled = self._compiled.get(template)
        if compiled is None:
            compiled = self._compiled[template] = self.environment.get_template(template)
        return compiled


# A template expression that fails in Python ({{ a / 0 }}, a filter given the wrong
# type) is a template error too: named, never a traceback.
_TEMPLATE_FAILURES = (
    jinja2.TemplateError,
    ArithmeticError,
    LookupError,
    TypeError,
    ValueError,
    AttributeError,
)


def _template_failure(template: str, error: Exception) -> NewsdeskError:
    if isinstance(error, jinja2.TemplateSyntaxError):
        where = f"{error.name or template}, line {error.lineno}"
        return NewsdeskError(f"site template {where} is broken: {error.message}")
    where = _failing_template(error) or template
    if isinstance(error, jinja2.TemplateError):
        return NewsdeskError(f"site template {where} failed: {error}")
    return NewsdeskError(f"site template {where} failed: {type(error).__name__}: {error}")


def _failing_template(error: BaseException) -> str | None:
    """`name, line N` of the innermost template frame in the error's traceback."""
    found = None
    trace = error.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.startswith(TEMPLATE_PREFIX):
            found = f"{filename.removeprefix(TEMPLATE_PREFIX)}, line {trace.tb_lineno}"
        trace = trace.tb_next
    return found


@functools.cache
def default_templates() -> PageTemplates:
    return PageTemplates()


def render_page(
    article: Article,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    fragment: bool = False,
    approved: bool | None = None,
    body_html: str | None = None,
    templates: PageTemplates | None = None,
    body_blocks: Sequence[str] | None = None,
) -> str:
    """The article's HTML page (or, with `fragment`, only its article part).

    `approved` says whether this exact revision is approved for publication; None
    works it out from the article (approved or published, and the approved revision is
    the current one). A page that is not approved carries `robots: noindex` and the
    body class `unapproved` (the stylesheet marks it as a preview); its text is unchanged.
    `body_html` is the body already rendered by `render_body` (the export cache), and
    `body_blocks` its visible text (`html_blocks_to_text` of it), when known.
    """
    templates = templates or default_templates()
    site = site.for_language(article.language or site.language)
    context = page_context(
        article,
        site=site,
        vocabulary=vocabulary,
        approved=is_approved(article) if approved is None else approved,
        body_html=render_body(article.body) if body_html is None else body_html,
        body_blocks=body_blocks if body_html is not None else None,
    )
    template = FRAGMENT_TEMPLATE if fragment else PAGE_TEMPLATE
    return templates.render(template, page=context, site=site)


def is_approved(article: Article) -> bool:
    return (
        article.status in (Status.APPROVED, Status.PUBLISHED)
        and article.approved_revision == article.revision
    )


def canonical_url(article: Article, site: SiteProfile) -> str:
    """`{base_url}/{slug}.html`, or "" while the article has no slug."""
    if not article.slug:
        return ""
    return f"{site.base_url.rstrip('/')}/{article.slug}.html"


def credit_lines(
    article: Article, vocabulary: CreditVocabulary, language: str
) -> list[tuple[str, list[str]]]:
    """(role label, names) per credit, in the article's order, labelled in `language`.

    Mirrors the text page (textpage.py): whitespace runs collapsed, empty names dropped,
    a credit without names not shown, so both pages carry the same text.
    """
    lines = []
    for credit in article.credits:
        names = [normalize_space(name) for name in credit.names if normalize_space(name)]
        if names:
            lines.append((vocabulary.label(normalize_space(credit.role), language), names))
    return lines


def page_title(article: Article, site: SiteProfile) -> str:
    """`{kicker}{separator}{headline}`, or the headline alone, as the page prints it."""
    kicker = normalize_space(article.kicker)
    headline = normalize_space(article.headline)
    return f"{kicker}{site.kicker_separator}{headline}" if kicker else headline


def section_crumbs(article: Article, site: SiteProfile) -> list[str]:
    """The breadcrumb's section parts; an empty section shows the site's default."""
    parts = [normalize_space(part) for part in article.section if normalize_space(part)]
    return parts or site.default_section_path


def page_context(
    article: Article,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    approved: bool,
    body_html: str,
    body_blocks: Sequence[str] | None = None,
) -> dict:
    """Everything the templates show, computed once here so templates stay simple.
    `body_blocks`: the visible text of `body_html` when the caller has it (the cache)."""
    # The page's labels are those of the article's language (the site profile has a
    # set per language); a bare role key prints that language's label too.
    site = site.for_language(article.language or site.language)
    language = site.language
    title = page_title(article, site)
    blocks = html_blocks_to_text(body_html) if body_blocks is None else body_blocks
    # The standfirst when there is one, else the body's first block, else the title.
    summary = normalize_space(article.summary)
    description = _description(summary or (blocks[0] if blocks else title))
    keywords = [normalize_space(k) for k in article.keywords if normalize_space(k)]
    canonical = canonical_url(article, site)
    date = article.date.isoformat() if article.date else ""
    # The page changed when its content did: a workflow action (approve, publish) is
    # not a change readers see, and must not make the exported page differ.
    changed = article.content_updated_at or article.updated_at
    modified = _time_text(changed) if changed else date
    base = site.base_url.rstrip("/")
    image_urls = [f"{base}/{image.name}" for image in article.images]
    credits = credit_lines(article, vocabulary, language)
    return _Fields(
        {
            "lang": article.language or site.language,
            "og_locale": (article.language or site.language).replace("-", "_"),
            "title": title,
            "kicker": normalize_space(article.kicker),
            "kicker_separator": site.kicker_separator,
            "headline": normalize_space(article.headline),
            "breadcrumb_label": site.breadcrumb_label,
            "breadcrumb_separator": site.breadcrumb_separator,
            "crumbs": section_crumbs(article, site),
            "page_type_crumb": site.page_type_crumb,
            "date": date,
            "modified": modified,
            "source_label": site.source_label,
            "source": normalize_space(article.source),
            # Already sanitized by the body pipeline (nh3): the one place HTML is trusted.
            "body_html": Markup(body_html),
            "credits": [_Fields(role=role, names=names) for role, names in credits],
            "credit_separator": site.credit_separator,
            "service_email_label": site.service_email_label,
            "service_email": site.service_email,
            "copyright_label": site.copyright_label,
            "copyright_domain": site.copyright_domain,
            "description": description,
            "keywords": keywords,
            "canonical": canonical,
            "image_urls": image_urls,
            "stylesheet": STYLESHEET_NAME,
            "approved": approved,
            "json_ld": _json_ld(
                article,
                site=site,
                vocabulary=vocabulary,
                description=description,
                keywords=keywords,
                canonical=canonical,
                modified=modified,
                image_urls=image_urls,
                credits=credits,
            ),
        }
    )


class _Fields(dict):
    """A dictionary whose keys are also its attributes: `page.title` in a template is
    then found at once, where on a plain dict Jinja first tries the attribute, fails
    (an exception per field, some fifty a page) and only then the key."""

    def __init__(self, *args: object, **fields: object) -> None:
        super().__init__(*args, **fields)
        self.__dict__ = self


def _json_ld(
    article: Article,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    description: str,
    keywords: list[str],
    canonical: str,
    modified: str,
    image_urls: list[str],
    credits: list[tuple[str, list[str]]],
) -> dict:
    """schema.org NewsArticle: authors are the reporters; every other credit is a
    contributor in a schema.org Role carrying the role's label (`credits`: the page's
    credit_lines)."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "name": page_title(article, site),
        "description": description,
        "inLanguage": article.language or site.language,
        "articleSection": section_crumbs(article, site),
        "author": [_person(name) for name in reporters_of(article, vocabulary)],
        "contributor": [
            {
                "@type": "Role",
                "roleName": role,
                "contributor": [_person(name) for name in names],
            }
            for role, names in credits
            if not _is_reporter(role, vocabulary)
        ],
        "publisher": {"@type": "Organization", "name": site.publisher, "url": site.base_url},
    }
    if article.date:
        data["datePublished"] = article.date.isoformat()
    if modified:
        data["dateModified"] = modified
    if canonical:
        data["url"] = canonical
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": canonical}
    if image_urls:
        data["image"] = image_urls
    if keywords:
        data["keywords"] = keywords
    return data


def _person(name: str) -> dict:
    return {"@type": "Person", "name": name}


def _is_reporter(role: str, vocabulary: CreditVocabulary) -> bool:
    found = vocabulary.find(role)
    return found is not None and found.key == REPORTER_KEY


def _time_text(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()


def _description(text: str) -> str:
    """At most DESCRIPTION_LENGTH characters, cut at a space when there is one."""
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    cut = text[: DESCRIPTION_LENGTH - 1]
    if " " in cut[DESCRIPTION_LENGTH // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


def render_index(
    entries: Iterable[dict],
    *,
    site: SiteProfile,
    templates: PageTemplates | None = None,
) -> str:
    """The bundle's index page. Each entry: `title`, `date`, `href` (the page, or "")
    and `others` (a list of (label, href) for the other formats)."""
    templates = templates or default_templates()
    return templates.render(
        INDEX_TEMPLATE, entries=list(entries), site=site, stylesheet=STYLESHEET_NAME
    )


def index_chunks(
    entries: Iterable[dict],
    *,
    site: SiteProfile,
    templates: PageTemplates | None = None,
) -> Iterator[str]:
    """render_index's page piece by piece, reading `entries` as it goes: the index of
    100,000 articles is never held whole, nor its entries."""
    templates = templates or default_templates()
    return templates.stream(INDEX_TEMPLATE, entries=entries, site=site, stylesheet=STYLESHEET_NAME)
