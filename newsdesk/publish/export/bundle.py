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
  "files": {format: path}, "stamp"}], "redirects": [...]}`, `files` and `hashes`
  holding only the formats asked for; `stamp` (only for an ArticleSelection with
  heads: stored articles) names the stored state of the article the files were made
  from (the database renews it at every change of the row). `site` names the site
  and holds one fingerprint per format (site settings, vocabulary, library versions
  and, for html, the templates and stylesheet), and `index`: `{"entries", "sha256"}`,
  a digest of what the index page shows and the SHA-256 of the page written (see
  site_index). `redirects` (only when there are any) lists `{"id", "from", "to"}` for
  every former address a published article of the export was renamed from.

Incremental: `hashes` holds, per format, the SHA-256 of what that format's file shows
(manifest.shown_fields: publishing an approved article changes neither its page nor
its text page). A file is written again only when its format's hash or fingerprint
differs from the previous manifest's, or the file is gone. An article whose stamp is
the manifest's (stored exactly as it was: no column changed since) is not even read: its hashes are
the manifest's, so a re-export of an unchanged site reads no body. Rendered bodies are cached
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
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from newsdesk.domain.article import Article, ArticleHead, Image
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import InvalidInputError, NewsdeskError
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.export import page_workers, problems
from newsdesk.publish.export.body_cache import BodyCache
from newsdesk.publish.export.file_bytes import render_file
from newsdesk.publish.export.format_names import FORMAT_ALIASES, FORMAT_FILES, FORMAT_LABELS
from newsdesk.publish.export.manifest import (
    MANIFEST_NAME,
    ManifestWriter,
    PreviousEntry,
    PreviousExport,
    article_hash,
    format_fingerprints,
    read_previous,
    redirect_entries,
)
from newsdesk.publish.export.selection import (
    ArticleSelection,
    ExportChecks,
    ListedArticles,
    check_all,
    in_batches,
)
from newsdesk.publish.export.site_index import SiteIndex
from newsdesk.publish.export.staging import ExportError, Staging, differs
from newsdesk.publish.formats.page_html import STYLESHEET_NAME, PageTemplates, default_templates

logger = logging.getLogger(__name__)

INDEX_NAME = "index.html"

# The formats made from the rendered body.
_BODY_FORMATS = frozenset({"html", "text", "ninjs"})


class ExportProgress(NamedTuple):
    """One step of an export. `files_written` are paths relative to the folder; an
    article whose files were all up to date has `unchanged` set and writes none. (A
    named tuple: a whole-site export makes one per article.)"""

    done: int
    total: int
    current: str
    article_id: int | None
    files_written: tuple[str, ...] = ()
    unchanged: bool = False
    revision: int | None = None  # the revision exported (None for the closing step)


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
    articles: Iterable[Article] | ArticleSelection,
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

    `articles` may be an ArticleSelection (export order, read batch by batch: an
    export of the whole site holds one batch of articles at a time). `redirects`: per
    article id, the former slugs the site carried it under."""
    wanted = normalize_formats(formats)
    templates = templates or default_templates()
    cache = cache if cache is not None else BodyCache()
    out = Path(out_dir)
    source = in_batches(articles)
    patterns = FORMAT_FILES.values()
    reserved = (INDEX_NAME, STYLESHEET_NAME, MANIFEST_NAME)
    if not isinstance(source, ArticleSelection):
        check_all(source.articles, patterns, reserved)  # a list: refused before anything
    checks = ExportChecks(patterns, reserved)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(problems.cannot_create_folder(out, error.strerror)) from None
    if not out.is_dir():
        raise ExportError(problems.not_a_folder(out))

    previous = read_previous(out, FORMAT_FILES, wanted)
    previous_fingerprints = previous.fingerprints
    fingerprints = format_fingerprints(wanted, site, vocabulary, templates, fragment)
    same_formats = all(previous_fingerprints.get(f) == fingerprints[f] for f in wanted)
    wanted_set = frozenset(wanted)
    others = tuple((fmt, FORMAT_LABELS[fmt]) for fmt in wanted if fmt != "html")
    patterns_wanted = [(fmt, FORMAT_FILES[fmt]) for fmt in wanted]
    # One listing of the folder instead of a file-system look-up per file.
    present = _files_in(out)
    total = len(source)
    # The last manifest's entry and the file names of each article found unchanged.
    unchanged: dict[int, tuple[PreviousEntry, dict[str, str]]] = {}
    previous_entries = previous.entries

    def reusable(head: ArticleHead) -> bool:
        """Whether the folder holds `head`'s files exactly as the manifest recorded them
        for this stored state of the article: then it is not read at all."""
        # A stored article's head always has an id: its manifest key (entry_key).
        before = previous_entries.get(head.id)
        if before is None or before.stamp != head.stamp or not same_formats:
            return False
        if before.formats is None or not wanted_set <= before.formats:
            return False
        slug = head.slug
        files = {fmt: pattern.format(slug=slug) for fmt, pattern in patterns_wanted}
        for name in files.values():
            if name not in present:
                return False
        unchanged[head.id] = (before, files)
        return True

    site_info = {
        "name": site.name,
        "site_name": site.site_name,
        "base_url": site.base_url,
        "language": site.language,
        "fingerprints": fingerprints,
    }
    setting = page_workers.setting_for(site, vocabulary, fragment, templates)
    if not previous.entries:  # every file is to be written: start the page processes
        page_workers.warm_up(cache, setting, total * len(wanted))
    staged = Staging(out)
    pages = page_workers.PageProcesses(cache, staged, setting, templates)
    try:
        index = SiteIndex(site, templates, out)
    except OSError as error:
        raise ExportError(problems.cannot_write(out / INDEX_NAME, error.strerror)) from None
    try:
        finishing: list[str] = []
        claimed_images: dict[str, str] = {}
        slugs: dict[int, str] = {}  # the exported articles' addresses, for the redirects
        number = 0
        # The manifest is written as the export goes (never every entry at once).
        with staged.writing(MANIFEST_NAME) as stream:
            manifest = ManifestWriter(stream)
            for batch in _read_batches(source, reusable):
                plans = []
                for article, head in batch:
                    if article is None:
                        # Stored exactly as when the folder's files were written (same stamp):
                        # its hashes are the manifest's, and nothing is read or hashed again.
                        checks.check(head)
                        before, files = unchanged[head.id]
                        plans.append(
                            (None, head, *_recorded(before, wanted_set, wanted), files, [])
                        )
                        continue
                    checks.check(article)
                    slug = article.slug
                    files = {fmt: pattern.format(slug=slug) for fmt, pattern in patterns_wanted}
                    before = previous.entry(article.id, slug)
                    hashes = {fmt: article_hash(article, fmt) for fmt in wanted}
                    stale = [
                        fmt
                        for fmt in wanted
                        if not (
                            before.get("hashes", {}).get(fmt) == hashes[fmt]
                            and before.get("files", {}).get(fmt) == files[fmt]
                            and previous_fingerprints.get(fmt) == fingerprints[fmt]
                            and files[fmt] in present
                        )
                    ]
                    plans.append((article, head, article.revision, hashes, files, stale))
                # Many files: rendered and staged on both cores.
                elsewhere = pages.stage(
                    [(p[0], [(fmt, p[4][fmt]) for fmt in p[5]]) for p in plans if p[5]],
                    _needs_body,
                )
                if not elsewhere and any(p[5] for p in plans):
                    # The bodies this batch converts, read or converted together.
                    cache.prefetch(a.body for a, _, _, _, _, stale in plans if _needs_body(stale))
                for article, head, revision, hashes, files, stale in plans:
                    number += 1
                    shown = article if article is not None else head
                    written: list[str] = [files[fmt] for fmt in stale] if elsewhere else []
                    body = None
                    if _needs_body(stale) and not elsewhere:
                        body = cache.rendered(article.body)
                    for fmt in stale if not elsewhere else ():
                        name = files[fmt]
                        data = render_file(
                            fmt, article, name, site, vocabulary, fragment, body, templates
                        )
                        staged.add(name, data)
                        written.append(name)
                    if image_data is not None:
                        for image in shown.images:
                            if _stage_image(staged, out, shown, image, image_data, claimed_images):
                                written.append(image.name)
                    if article is None and not hashes:  # its line, written again as it was
                        manifest.add_line(unchanged.pop(shown.id)[0].line)
                    elif (kept := _kept_line(previous, head, revision, hashes, files)) is not None:
                        manifest.add_line(kept)
                    else:
                        entry = {
                            "id": shown.id,
                            "slug": shown.slug,
                            "revision": revision,
                            "hashes": hashes,
                            "files": files,
                        }
                        if head is not None:
                            entry["stamp"] = head.stamp
                        manifest.add(entry)
                    index.add(*_index_entry(shown, files, others))
                    slugs[shown.id] = shown.slug
                    yield ExportProgress(
                        done=number,
                        total=total,
                        current=shown.slug,
                        article_id=shown.id,
                        files_written=tuple(written),
                        unchanged=not written,
                        revision=revision,
                    )
            pages.finish()  # every page staged, whichever process wrote it
            checks.finish()
            site_info["index"] = _stage_index(index, staged, out, previous.index, finishing)
            manifest.finish(redirect_entries(redirects or {}, slugs), site_info)

        stylesheet = templates.stylesheet()
        if differs(out / STYLESHEET_NAME, stylesheet):
            staged.add(STYLESHEET_NAME, stylesheet)
            finishing.append(STYLESHEET_NAME)
        if staged.unless_unchanged(MANIFEST_NAME):
            finishing.append(MANIFEST_NAME)
        staged.commit()
    finally:
        pages.close()  # no process writes a staged file once they are discarded
        staged.discard()
        index.close()
    logger.info("exported %d article(s) to %s", total, out)
    yield ExportProgress(
        done=total,
        total=total,
        current=f"{INDEX_NAME} and {MANIFEST_NAME}",
        article_id=None,
        files_written=tuple(finishing),
        unchanged=not finishing,
    )


def _needs_body(stale: Sequence[str]) -> bool:
    """Whether writing the formats `stale` needs the rendered body."""
    return not _BODY_FORMATS.isdisjoint(stale)


def _read_batches(
    source: ArticleSelection | ListedArticles, reusable: Callable[[ArticleHead], bool]
) -> Iterator[list[tuple[Article | None, ArticleHead | None]]]:
    """The export's articles batch by batch, each as (article, head). With heads (a
    selection of stored articles), an article whose head is `reusable` is not read
    (article None); otherwise head is None and every article is read."""
    if not isinstance(source, ArticleSelection) or source.heads is None:
        for batch in source.batches():
            yield [(article, None) for article in batch]
        return
    for ids in source.id_batches():
        heads = source.heads(ids)
        wanted = {h.id for h in heads if not reusable(h)}
        loaded = {a.id: a for a in source.load([h.id for h in heads if h.id in wanted])}
        # An article deleted between the two reads is skipped, as `load` skips it.
        yield [(loaded.get(h.id), h) for h in heads if h.id in loaded or h.id not in wanted]


def _files_in(folder: Path) -> set[str]:
    """Names of the regular files in `folder`."""
    try:
        with os.scandir(folder) as entries:
            return {e.name for e in entries if e.is_file()}
    except OSError:
        return set()


def _stage_image(
    staged: Staging,
    out: Path,
    article: Article | ArticleHead,
    image: Image,
    image_data: Callable[[str], bytes],
    claimed: dict[str, str],
) -> bool:
    """Stage the image unless the folder already holds it; True when staged."""
    owner = claimed.get(image.name)
    if owner is not None:
        if owner != image.sha256:
            raise ExportError(problems.image_name_clash(image.name, article.id))
        return False
    claimed[image.name] = image.sha256
    target = out / image.name
    if target.is_file() and _file_sha256(target) == image.sha256:
        return False
    try:
        data = image_data(image.sha256)
    except NewsdeskError as error:
        raise ExportError(problems.image_unreadable(image.name, article.id, error)) from None
    if hashlib.sha256(data).hexdigest() != image.sha256:
        raise ExportError(problems.image_damaged(image.name, article.id))
    staged.add(image.name, data)
    return True


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _recorded(found: PreviousEntry, wanted_set: frozenset[str], wanted: tuple[str, ...]) -> tuple:
    """(revision, hashes) the last manifest recorded for an article not read again;
    no hashes when its line is written again as it was."""
    if _same_line(found, wanted_set) is not None:
        return found.revision, {}
    before = found.parsed()
    return before.get("revision"), {fmt: before["hashes"][fmt] for fmt in wanted}


def _kept_line(
    previous: PreviousExport,
    head: ArticleHead | None,
    revision: int | None,
    hashes: dict[str, str],
    files: dict[str, str],
) -> bytes | None:
    """For an article read again whose head has no stamp (rebuilt from its history,
    see codec.article_head): the manifest's line for it, kept as it was when it records
    exactly these files and hashes, so an unchanged site keeps its manifest byte for
    byte. Its old stamp names the stored state those files were made from."""
    if head is None or head.stamp:
        return None
    found = previous.get(head.id, head.slug)
    if found is None or not found.as_is:
        return None
    before = found.parsed()
    same = before.get("revision") == revision and before.get("slug") == head.slug
    if same and before.get("hashes") == hashes and before.get("files") == files:
        return found.line
    return None


def _same_line(found: PreviousEntry, wanted_set: frozenset[str]) -> bytes | None:
    """The manifest line of an unchanged article when it is written again as it was."""
    return found.line if found.as_is and found.formats == wanted_set else None


def _index_entry(
    article: Article | ArticleHead, files: dict[str, str], others: tuple[tuple[str, str], ...]
) -> tuple:
    """(kicker, headline, date, href, links) of the article's line in the index page
    (`others`: (format, label) of each format but html, in the files' order)."""
    links = tuple((label, files[fmt]) for fmt, label in others) if others else ()
    date = article.date.isoformat() if article.date else ""
    return article.kicker, article.headline, date, files.get("html", ""), links


def _stage_index(
    index: SiteIndex, staged: Staging, out: Path, record: dict, finishing: list[str]
) -> dict:
    """Stage the index page unless the folder holds it as recorded; the manifest's
    record of it ({"entries": digest of what it shows, "sha256": of its bytes})."""
    if index.unchanged(out / INDEX_NAME, record):
        return record
    with staged.writing(INDEX_NAME) as stream:
        sha256 = index.write(stream)
    if staged.unless_unchanged(INDEX_NAME):
        finishing.append(INDEX_NAME)
    return {"entries": index.digest, "sha256": sha256}
