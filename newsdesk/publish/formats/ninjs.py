"""IPTC ninjs 2.2 (News in JSON) for an article, and back.

Mapping (standard properties)
-----------------------------
- `uri`: `urn:newsdesk:{site host}:article:{id}` (`...:slug:{slug}` before the article
  has an id); `type` is "text"; `version` the article revision as a string.
- `firstcreated` / `versioncreated`: the article's created_at / content_updated_at (UTC,
  RFC 3339; a naive time is taken as UTC).
- `pubstatus`: published and approved -> "usable"; draft and submitted -> "withheld"
  (not cleared for use yet); archived -> "canceled" (taken off the site).
- `language`; `title`: the title as the site prints it (kicker, separator, headline).
- `headlines`: `{"role": "main"}` for the headline and `{"role": "kicker"}` for the
  kicker when there is one (ninjs leaves headline roles to the provider).
- `bodies`: `{"role": "main", "contenttype": "text/html"}` with the sanitized body HTML
  (the same HTML as the page) and its `wordcount`/`charcount`, then
  `{"role": "newsdesk-markdown", "contenttype": "text/markdown"}` with the body as
  written. Counts exclude figure captions, as ninjs defines them: a word is a run of
  letters or digits between spaces or punctuation, and each Chinese, Japanese or
  Korean character counts as one word; characters are those of the visible text of each
  block, whitespace runs counted as one, blocks not joined.
- `by`: the reporters (credits whose role is the vocabulary's `reporter`, in
  either language), joined by ", " (by "、" for Chinese).
- `slugline`: the slug; `copyrightholder`: the site's publisher;
  `copyrightnotice`: the site's copyright line (label + domain).
- `infosources`: the article's source (`role` "source"), then every credited person in
  credit order with the role label as stored (`{"name": "Ines Okafor", "role":
  "Reporter"}`): ninjs has no credits field, and infosources are the parties that
  "originated, modified, enhanced ... the content"; `people` is for people the news is
  about.
- `subjects`: one `{"name": keyword}` per keyword (ninjs 2.x calls its subject list
  `subjects`; 1.x's `subject` and `keywords` are read on import).
- `descriptions`: the summary (standfirst) as `{"role": "summary", "contenttype":
  "text/plain"}` when there is one, before the extension entry.
- `associations`: one `picture` per attached image (`name` = file name, alt text and
  caption as descriptions, a rendition `original` at `{base_url}/{name}`).
- `located` is not written: an article has no dateline field.

Extension (exact data)
----------------------
ninjs 2.2 forbids unknown top-level properties, so the fields ninjs cannot hold exactly
travel in one `descriptions` entry with `role` "newsdesk-article" and `contenttype`
"application/vnd.newsdesk.article+json"; its `value` is a JSON object with `id`,
`status`, `approved_revision`, `section`, `date`, `source`, `credits`
(`[{"role", "names"}]`), `images`, `summary`, `keywords`, `created_by` and
`updated_by` (an extension written before summary and keywords existed reads as
none). With it and the Markdown body, `from_ninjs(to_ninjs(a))` gives back every
field of the article. Without it (ninjs from elsewhere), `from_ninjs` falls back to the
standard properties; `publish/importers/ninjs.py` reads agencies' ninjs fully.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from urllib.parse import urlsplit

from newsdesk.domain.article import Article, Credit, Image
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.site import SiteProfile
from newsdesk.domain.status import Status
from newsdesk.publish.markdown.pipeline import render_body
from newsdesk.publish.markdown.plain_text import html_blocks_to_text

logger = logging.getLogger(__name__)

NINJS_VERSION = "2.2"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#"
EXTENSION_ROLE = "newsdesk-article"
EXTENSION_CONTENTTYPE = "application/vnd.newsdesk.article+json"
MARKDOWN_ROLE = "newsdesk-markdown"
SOURCE_ROLE = "source"
REPORTER_KEY = "reporter"

PUBSTATUS = {
    Status.DRAFT: "withheld",
    Status.SUBMITTED: "withheld",
    Status.APPROVED: "usable",
    Status.PUBLISHED: "usable",
    Status.ARCHIVED: "canceled",
}
# Reading ninjs without our extension: the closest status for each pubstatus.
_STATUS_FROM_PUBSTATUS = {
    "usable": Status.PUBLISHED,
    "withheld": Status.DRAFT,
    "canceled": Status.ARCHIVED,
}

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_TOKEN_RE = re.compile(rf"[{_CJK}]|[^\s{_CJK}]+")
# nh3 writes these tags in exactly this form; captions nest no other figcaption.
_FIGCAPTION_RE = re.compile(r"<figcaption>.*?</figcaption>", re.DOTALL)


def to_ninjs(
    article: Article,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    body_html: str | None = None,
) -> dict:
    """The article as a ninjs 2.2 object (plain JSON data, keys in a fixed order).

    `body_html` is the rendered body when the caller already has it (the export
    bundle's cache); otherwise the body is rendered here.
    """
    html = render_body(article.body) if body_html is None else body_html
    site = site.for_language(article.language or site.language)  # its language's labels
    uri = article_uri(article, site)
    data: dict = {
        "uri": uri,
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "type": "text",
        "representationtype": "full",
        "version": str(article.revision),
    }
    if article.created_at:
        data["firstcreated"] = _time_text(article.created_at)
    # This version of the content: its last change, not a later workflow action.
    version_time = article.content_updated_at or article.updated_at
    if version_time:
        data["versioncreated"] = _time_text(version_time)
    data["pubstatus"] = PUBSTATUS[article.status]
    data["language"] = article.language
    data["title"] = (
        f"{article.kicker}{site.kicker_separator}{article.headline}"
        if article.kicker
        else article.headline
    )
    data["headlines"] = [{"role": "main", "contenttype": "text/plain", "value": article.headline}]
    if article.kicker:
        data["headlines"].append(
            {"role": "kicker", "contenttype": "text/plain", "value": article.kicker}
        )
    words, chars = body_counts(html)
    data["bodies"] = [
        {
            "role": "main",
            "contenttype": "text/html",
            "value": html,
            "wordcount": words,
            "charcount": chars,
        },
        {"role": MARKDOWN_ROLE, "contenttype": "text/markdown", "value": article.body},
    ]
    reporters = reporters_of(article, vocabulary)
    if reporters:
        joiner = "、" if article.language.lower().startswith("zh") else ", "
        data["by"] = joiner.join(reporters)
    if article.slug:
        data["slugline"] = article.slug
    data["copyrightholder"] = site.publisher
    data["copyrightnotice"] = f"{site.copyright_label}{site.copyright_domain}"
    sources = [{"name": article.source, "role": SOURCE_ROLE}] if article.source else []
    sources += [{"name": n, "role": c.role} for c in article.credits for n in c.names]
    if sources:
        data["infosources"] = sources
    keywords = [k for k in article.keywords if k.strip()]
    if keywords:
        data["subjects"] = [{"name": keyword} for keyword in keywords]
    if article.images:
        data["associations"] = [_image_association(image, uri, site) for image in article.images]
    data["descriptions"] = []
    if article.summary.strip():
        data["descriptions"].append(
            {"role": "summary", "contenttype": "text/plain", "value": article.summary}
        )
    data["descriptions"] += [
        {
            "role": EXTENSION_ROLE,
            "contenttype": EXTENSION_CONTENTTYPE,
            "value": json.dumps(_extension(article), ensure_ascii=False, sort_keys=True),
        }
    ]
    return data


def reporters_of(article: Article, vocabulary: CreditVocabulary) -> list[str]:
    """The names credited as reporters, whichever label the credit was entered with
    (`Reporter`, `记者`, `reporter`)."""
    return [
        name
        for credit in article.credits
        if (role := vocabulary.find(credit.role)) is not None and role.key == REPORTER_KEY
        for name in credit.names
    ]


def article_uri(article: Article, site: SiteProfile) -> str:
    host = urlsplit(site.base_url).hostname or site.name
    if article.id is not None:
        return f"urn:newsdesk:{host}:article:{article.id}"
    if article.slug:
        return f"urn:newsdesk:{host}:slug:{article.slug}"
    raise InvalidInputError("an article needs an id or a slug before it can be given a ninjs uri")


def body_counts(html: str) -> tuple[int, int]:
    """(word count, character count) of body HTML's visible text, captions excluded."""
    blocks = html_blocks_to_text(_FIGCAPTION_RE.sub("", html))
    words = sum(
        1 for block in blocks for token in _TOKEN_RE.findall(block) if _has_word_char(token)
    )
    return words, sum(len(block) for block in blocks)


def _has_word_char(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def _time_text(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()


def _image_association(image: Image, uri: str, site: SiteProfile) -> dict:
    association: dict = {
        "name": image.name,
        "uri": f"{uri}:image:{image.sha256}",
        "type": "picture",
        "renditions": [
            {
                "name": "original",
                "href": f"{site.base_url.rstrip('/')}/{image.name}",
                "contenttype": image.media_type,
            }
        ],
    }
    descriptions = [
        {"role": role, "contenttype": "text/plain", "value": text}
        for role, text in (("alt", image.alt), ("caption", image.caption))
        if text
    ]
    if descriptions:
        association["descriptions"] = descriptions
    return association


def _extension(article: Article) -> dict:
    return {
        "id": article.id,
        "status": article.status.value,
        "approved_revision": article.approved_revision,
        "section": list(article.section),
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "credits": [credit.to_dict() for credit in article.credits],
        "images": [image.to_dict() for image in article.images],
        "summary": article.summary,
        "keywords": list(article.keywords),
        "created_by": article.created_by,
        "updated_by": article.updated_by,
    }


# --- reading -------------------------------------------------------------------------


def from_ninjs(data: dict) -> Article:
    """An article from ninjs: exact when it carries our extension, best effort otherwise."""
    if not isinstance(data, dict) or not isinstance(data.get("uri"), str):
        raise InvalidInputError("not a ninjs object: a JSON object with a 'uri' string is needed")
    headlines = _list(data, "headlines")
    headline = _by_role(headlines, "main")
    if headline is None:
        unroled = [h for h in headlines if isinstance(h, dict) and "role" not in h]
        headline = unroled[0] if unroled else None
    if headline is None:
        raise InvalidInputError("the ninjs object has no main headline (headlines[role=main])")
    kicker = _by_role(headlines, "kicker")
    article = Article(
        headline=_text(headline.get("value"), "headline"),
        kicker=_text(kicker.get("value"), "kicker") if kicker else "",
        language=_text(data.get("language", "en"), "language"),
        body=_body(_list(data, "bodies")),
        slug=_text(data.get("slugline", ""), "slugline"),
    )
    try:
        article.revision = int(data.get("version", 0))
    except (TypeError, ValueError):
        raise InvalidInputError(f"ninjs version {data.get('version')!r} is not a number") from None
    article.created_at = _time(data.get("firstcreated"), "firstcreated")
    article.updated_at = _time(data.get("versioncreated"), "versioncreated")
    extension = _by_role(_list(data, "descriptions"), EXTENSION_ROLE)
    if extension is not None:
        _apply_extension(article, extension.get("value"))
    else:
        _apply_standard(article, data)
    return article


def _list(data: dict, key: str) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise InvalidInputError(f"ninjs {key} must be a list")
    return value


def _by_role(items: list, role: str) -> dict | None:
    return next((i for i in items if isinstance(i, dict) and i.get("role") == role), None)


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise InvalidInputError(f"ninjs {what} must be text, found {type(value).__name__}")
    return value


def _time(value: object, what: str) -> dt.datetime | None:
    if value is None:
        return None
    try:
        return dt.datetime.fromisoformat(_text(value, what))
    except ValueError:
        raise InvalidInputError(f"ninjs {what} {value!r} is not an RFC 3339 date-time") from None


def _body(bodies: list) -> str:
    markdown = _by_role(bodies, MARKDOWN_ROLE)
    if markdown is None:
        markdown = next(
            (b for b in bodies if isinstance(b, dict) and b.get("contenttype") == "text/markdown"),
            None,
        )
    if markdown is not None:
        return _text(markdown.get("value"), "Markdown body")
    # Markdown passes HTML through, and the body pipeline sanitizes it when rendered.
    first = next((b for b in bodies if isinstance(b, dict)), None)
    return _text(first.get("value", ""), "body") if first else ""


def _apply_extension(article: Article, value: object) -> None:
    try:
        ext = json.loads(_text(value, "newsdesk extension"))
        article.id = ext["id"]
        article.status = Status.parse(ext["status"])
        article.approved_revision = ext["approved_revision"]
        article.section = [str(part) for part in ext["section"]]
        article.date = dt.date.fromisoformat(ext["date"]) if ext["date"] else None
        article.source = str(ext["source"])
        article.credits = [Credit.from_dict(c) for c in ext["credits"]]
        article.images = [Image.from_dict(i) for i in ext["images"]]
        article.summary = str(ext.get("summary", ""))
        article.keywords = [str(k) for k in ext.get("keywords", [])]
        article.created_by = str(ext["created_by"])
        article.updated_by = str(ext["updated_by"])
    except (ValueError, KeyError, TypeError) as error:
        raise InvalidInputError(
            f"the ninjs newsdesk extension ({EXTENSION_ROLE}) is damaged: {error}"
        ) from None


def _apply_standard(article: Article, data: dict) -> None:
    article.status = _STATUS_FROM_PUBSTATUS.get(str(data.get("pubstatus", "")), Status.DRAFT)
    credits: list[Credit] = []
    for source in _list(data, "infosources"):
        if not isinstance(source, dict) or not isinstance(source.get("name"), str):
            continue
        role = source.get("role", "")
        if role == SOURCE_ROLE and not article.source:
            article.source = source["name"]
        elif role and credits and credits[-1].role == role:
            credits[-1] = Credit(role, (*credits[-1].names, source["name"]))
        elif role:
            credits.append(Credit(role, (source["name"],)))
    if not credits and isinstance(data.get("by"), str) and data["by"].strip():
        names = re.split(r"\s*[,、]\s*", data["by"].strip())
        credits.append(Credit("Reporter", tuple(n for n in names if n)))
    article.credits = credits
