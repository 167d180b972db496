"""Export articles into a folder the web team can publish: pages, formats, manifest.

`export_bundle` is a generator: it yields an `ExportProgress` after each article, so a
dialog or a command-line bar can follow it without the exporter knowing about either.
Iterate it to the end; the manifest is written last.

What the folder holds after an export:

- per article, the formats asked for: `{slug}.html` (the page, or only its article
  part with `fragment=True`), `{slug}.txt` (the text page), `{slug}.ninjs.json`
  (IPTC ninjs 2.2), `{slug}.md` (Markdown with Pelican metadata);
- the article's images beside its page, under their own names (only when
  `image_data` is given: it is called with an image's SHA-256 and returns its bytes);
- `index.html`, a list of the exported articles, and `site.css`;
- `manifest.json`: `{"site": {...}, "articles": [{"id", "slug", "revision", "hashes",
  "files": {format: path}}], "redirects": [...]}`, `files` and `hashes` holding only
  the formats asked for. `site` names the site and holds one fingerprint per format
  (site settings, vocabulary, library versions and, for html, the templates and
  stylesheet). `redirects` (only when there are any) lists `{"id", "from", "to"}` for
  every former address a published article of the export was renamed from.

Incremental: `hashes` holds, per format, the SHA-256 of what that format's file shows
(manifest.shown_fields: publishing an approved article changes neither its page nor
its text page). A file is written again only when its format's hash or fingerprint
differs from the previous manifest's, or the file is gone. Rendered bodies are cached
by the SHA-256 of their Markdown in a `BodyCache` the caller may keep between exports,
so a template change re-renders pages without converting Markdown again.

Atomic: every file is first written under a temporary name in the folder; only when
all of them are ready are they renamed into place (os.replace), the manifest last. Any
failure before that removes the temporary files and leaves the previous export as it
was, and raises ExportError naming the file. While renaming, each file being replaced
is kept under a temporary name (a hard link, or a copy where links are impossible);
if a rename fails (the folder turned read-only, a file locked by another program),
the files already renamed are put back, so the previous export is still whole. Files
of articles not in this export are left alone (never deleted); the manifest and index
list this export's articles.

Articles are exported newest first (date, then id, descending), the same order in
the manifest and the index, whatever order they were passed in.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsdesk.domain.article import Article, Image
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import InvalidInputError, NewsdeskError
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.export.body_cache import BodyCache
from newsdesk.publish.export.manifest import (
    MANIFEST_NAME,
    article_hash,
    format_fingerprints,
    read_manifest,
    redirect_entries,
)
from newsdesk.publish.export.staging import ExportError, Staging, differs
from newsdesk.publish.formats.markdown_meta import write_markdown_document
from newsdesk.publish.formats.ninjs import to_ninjs
from newsdesk.publish.formats.page_html import (
    STYLESHEET_NAME,
    PageTemplates,
    default_templates,
    page_title,
    render_index,
    render_page,
)
from newsdesk.publish.formats.textpage import write_text_page
from newsdesk.publish.slugs import is_valid_slug

logger = logging.getLogger(__name__)

INDEX_NAME = "index.html"

FORMAT_FILES: dict[str, str] = {
    "html": "{slug}.html",
    "text": "{slug}.txt",
    "ninjs": "{slug}.ninjs.json",
    "markdown": "{slug}.md",
}
FORMAT_ALIASES = {"md": "markdown", "txt": "text", "json": "ninjs"}
FORMAT_LABELS = {"html": "page", "text": "text", "ninjs": "ninjs", "markdown": "Markdown"}
# Pictures a browser shows and cannot run code from (SVG can carry scripts).
IMAGE_EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"})
_UNSAFE_NAME_CHARS = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')


@dataclass(frozen=True)
class ExportProgress:
    """One step of an export. `files_written` are paths relative to the folder; an
    article whose files were all up to date has `unchanged` set and writes none."""

    done: int
    total: int
    current: str
    article_id: int | None
    files_written: tuple[str, ...] = ()
    unchanged: bool = False


def normalize_formats(formats: Iterable[str]) -> tuple[str, ...]:
    """Canonical format names in a fixed order; `md`, `txt` and `json` are aliases."""
    wanted: set[str] = set()
    for name in formats:
        key = FORMAT_ALIASES.get(name.strip().lower(), name.strip().lower())
        if key not in FORMAT_FILES:
            known = ", ".join([*FORMAT_FILES, *FORMAT_ALIASES])
            raise InvalidInputError(f"unknown export format {name!r} (one of: {known})")
        wanted.add(key)
    if not wanted:
        raise InvalidInputError("no export format asked for")
    return tuple(name for name in FORMAT_FILES if name in wanted)


def export_bundle(
    articles: Iterable[Article],
    out_dir: str | os.PathLike[str],
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    formats: Iterable[str] = ("html",),
    fragment: bool = False,
    image_data: Callable[[str], bytes] | None = None,
    cache: BodyCache | None = None,
    templates: PageTemplates | None = None,
    redirects: dict[int, list[str]] | None = None,
) -> Iterator[ExportProgress]:
    """Export `articles` into `out_dir`, yielding progress; see the module docstring.

    `redirects`: per article id, the former slugs the site carried it under."""
    wanted = normalize_formats(formats)
    templates = templates or default_templates()
    cache = cache if cache is not None else BodyCache()
    out = Path(out_dir)
    ordered = sorted(articles, key=_newest_first)
    _check_articles(ordered, wanted)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"cannot create the export folder {out}: {error.strerror}") from None
    if not out.is_dir():
        raise ExportError(f"the export folder {out} is not a folder")

    previous = read_manifest(out)
    previous_articles = {
        _entry_key(entry.get("id"), entry.get("slug")): entry
        for entry in previous.get("articles", [])
        if isinstance(entry, dict)
    }
    previous_fingerprints = previous.get("site", {}).get("fingerprints", {})
    fingerprints = format_fingerprints(wanted, site, vocabulary, templates, fragment)

    staged = Staging(out)
    try:
        entries: list[dict] = []
        index_entries: list[dict] = []
        claimed_images: dict[str, str] = {}
        for number, article in enumerate(ordered, start=1):
            hashes = {fmt: article_hash(article, fmt) for fmt in wanted}
            before = previous_articles.get(_entry_key(article.id, article.slug), {})
            files: dict[str, str] = {}
            written: list[str] = []
            body_html: str | None = None
            for fmt in wanted:
                name = FORMAT_FILES[fmt].format(slug=article.slug)
                files[fmt] = name
                if (
                    before.get("hashes", {}).get(fmt) == hashes[fmt]
                    and before.get("files", {}).get(fmt) == name
                    and previous_fingerprints.get(fmt) == fingerprints[fmt]
                    and (out / name).is_file()
                ):
                    continue
                if fmt in ("html", "text", "ninjs") and body_html is None:
                    body_html = cache.body_html(article.body)
                data = render_file(
                    fmt, article, name, site, vocabulary, fragment, body_html, templates
                )
                staged.add(name, data)
                written.append(name)
            if image_data is not None:
                for image in article.images:
                    if _stage_image(staged, out, article, image, image_data, claimed_images):
                        written.append(image.name)
            entries.append(
                {
                    "id": article.id,
                    "slug": article.slug,
                    "revision": article.revision,
                    "hashes": hashes,
                    "files": files,
                }
            )
            index_entries.append(_index_entry(article, files, site))
            yield ExportProgress(
                done=number,
                total=len(ordered),
                current=article.slug,
                article_id=article.id,
                files_written=tuple(written),
                unchanged=not written,
            )

        finishing: list[str] = []
        index_html = render_index(index_entries, site=site, templates=templates)
        for name, data in (
            (INDEX_NAME, index_html.encode("utf-8")),
            (STYLESHEET_NAME, templates.stylesheet()),
        ):
            if differs(out / name, data):
                staged.add(name, data)
                finishing.append(name)
        manifest = {
            "site": {
                "name": site.name,
                "site_name": site.site_name,
                "base_url": site.base_url,
                "language": site.language,
                "fingerprints": fingerprints,
            },
            "articles": entries,
        }
        moved = redirect_entries(redirects or {}, {a.id: a.slug for a in ordered})
        if moved:
            manifest["redirects"] = moved
        manifest_bytes = (
            json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        ).encode("utf-8")
        if differs(out / MANIFEST_NAME, manifest_bytes):
            staged.add(MANIFEST_NAME, manifest_bytes)
            finishing.append(MANIFEST_NAME)
        staged.commit()
    finally:
        staged.discard()
    logger.info("exported %d article(s) to %s", len(ordered), out)
    yield ExportProgress(
        done=len(ordered),
        total=len(ordered),
        current=f"{INDEX_NAME} and {MANIFEST_NAME}",
        article_id=None,
        files_written=tuple(finishing),
        unchanged=not finishing,
    )


def _newest_first(article: Article) -> tuple:
    # Sorted ascending on negated keys: dated articles first, newest date, highest id.
    date_key = -article.date.toordinal() if article.date else 1
    return (date_key, -(article.id or 0), article.slug)


def _entry_key(article_id: object, slug: object) -> str:
    return f"id:{article_id}" if article_id is not None else f"slug:{slug}"


def _check_articles(articles: list[Article], formats: tuple[str, ...]) -> None:
    """Refuse, before anything is written, what would make a broken or unsafe bundle."""
    seen_slugs: dict[str, Article] = {}
    seen_ids: set[int] = set()
    for article in articles:
        label = f"article {article.id}" if article.id is not None else "an article"
        if not article.slug:
            raise ExportError(
                f"{label} ({article.headline[:40]!r}) has no slug yet: save it first so"
                " its page gets a stable name"
            )
        if not is_valid_slug(article.slug):
            raise ExportError(f"{label} has an unsafe slug {article.slug!r}")
        if article.slug in seen_slugs:
            raise ExportError(f"{label} and another article both have the slug {article.slug!r}")
        if article.id is not None:
            if article.id in seen_ids:
                raise ExportError(f"article {article.id} is in the export twice")
            seen_ids.add(article.id)
        seen_slugs[article.slug] = article
    reserved = {INDEX_NAME, STYLESHEET_NAME, MANIFEST_NAME}
    reserved |= {FORMAT_FILES[f].format(slug=s) for s in seen_slugs for f in FORMAT_FILES}
    for article in articles:
        for image in article.images:
            _check_image_name(article, image, reserved)


def _check_image_name(article: Article, image: Image, reserved: set[str]) -> None:
    name = image.name
    where = f"image {name!r} of article {article.id}"
    if (
        not name
        or name in (".", "..")
        or name.startswith((".", "-", "~"))
        or name.endswith((".", " "))
        or _UNSAFE_NAME_CHARS.search(name)
        or os.path.isabs(name)
        or len(name.encode("utf-8")) > 200
    ):
        raise ExportError(
            f"{where}: not a safe file name (no folders, no leading dot, no control"
            ' characters or any of / \\ : * ? " < > |)'
        )
    if Path(name).suffix.lower() not in IMAGE_EXTENSIONS:
        raise ExportError(
            f"{where}: only {', '.join(sorted(IMAGE_EXTENSIONS))} files are exported as images"
        )
    if not image.media_type.startswith("image/") or image.media_type == "image/svg+xml":
        raise ExportError(f"{where}: media type {image.media_type!r} is not an exported picture")
    if name in reserved:
        raise ExportError(f"{where}: the name is taken by a file of the export itself")


def _stage_image(
    staged: Staging,
    out: Path,
    article: Article,
    image: Image,
    image_data: Callable[[str], bytes],
    claimed: dict[str, str],
) -> bool:
    """Stage the image unless the folder already holds it; True when staged."""
    owner = claimed.get(image.name)
    if owner is not None:
        if owner != image.sha256:
            raise ExportError(
                f"image {image.name!r} of article {article.id}: another article of this export"
                " has a different image under the same name"
            )
        return False
    claimed[image.name] = image.sha256
    target = out / image.name
    if target.is_file() and _file_sha256(target) == image.sha256:
        return False
    try:
        data = image_data(image.sha256)
    except NewsdeskError as error:
        raise ExportError(f"image {image.name!r} of article {article.id}: {error}") from None
    if hashlib.sha256(data).hexdigest() != image.sha256:
        raise ExportError(
            f"image {image.name!r} of article {article.id}: its stored bytes do not match"
            " its SHA-256; the image is damaged"
        )
    staged.add(image.name, data)
    return True


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def render_file(
    fmt: str,
    article: Article,
    name: str,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    fragment: bool,
    body_html: str | None,
    templates: PageTemplates,
) -> bytes:
    """The bytes of `article`'s file `name` in format `fmt`, exactly as the export writes
    them (`body_html`: the body already rendered, for html, text and ninjs, or None)."""
    try:
        if fmt == "html":
            text = render_page(
                article,
                site=site,
                vocabulary=vocabulary,
                fragment=fragment,
                body_html=body_html,
                templates=templates,
            )
        elif fmt == "text":
            text = write_text_page(article, site=site, vocabulary=vocabulary, body_html=body_html)
        elif fmt == "ninjs":
            data = to_ninjs(article, site=site, vocabulary=vocabulary, body_html=body_html)
            text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        else:
            text = write_markdown_document(article, site=site)
    except NewsdeskError as error:
        raise ExportError(f"cannot write {name} (article {article.id}): {error}") from None
    return text.encode("utf-8")


def _index_entry(article: Article, files: dict[str, str], site: SiteProfile) -> dict:
    title = page_title(article, site)
    others = [(FORMAT_LABELS[fmt], path) for fmt, path in files.items() if fmt != "html"]
    return {
        "title": title,
        "date": article.date.isoformat() if article.date else "",
        "href": files.get("html", ""),
        "others": others,
    }
