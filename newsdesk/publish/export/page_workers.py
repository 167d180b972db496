"""An export's pages rendered on every core.

Python-Markdown and Jinja are pure Python, so one process renders one page at a time
whatever the machine. When a batch of the export has many files to write, the batch
is split between the body cache's processes (`BodyCache.pool`): each converts the
bodies the cache lacks, renders the pages and writes them straight into their staged
temporary files (`Staging.reserve`), and hands back only the bodies it converted, for
the cache. The export itself stays as it was: every file is staged before anything
is renamed into place, the progress is reported article by article in export order,
and a failure (or a stop) discards every staged file, whichever process wrote it.

A page rendered here is byte for byte the page the export renders alone: the same
`render_file`, given the same article, body and settings.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, wait
from dataclasses import dataclass
from pathlib import Path

from newsdesk.domain.article import Article
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.export import problems
from newsdesk.publish.export.body_cache import PARALLEL_FROM, BodyCache, RenderedBody
from newsdesk.publish.export.staging import ExportError, Staging, write_new_file
from newsdesk.publish.formats.page_html import PageTemplates, default_templates


@dataclass(frozen=True)
class PageSetting:
    """What every page of an export is rendered with. `templates_root` None: the
    templates newsdesk ships."""

    site: SiteProfile
    vocabulary: CreditVocabulary
    fragment: bool
    templates_root: Path | None
    templates_fingerprint: str  # a changed file is a new set, never a stale copy


@dataclass(frozen=True)
class PageWork:
    """One article's files to write: (format, file name, temporary path) each. `body`
    is the rendered body when the cache has it; None when the files need none (the
    Markdown format) or when the process must convert it (`convert`)."""

    article: Article
    body: RenderedBody | None
    convert: bool
    files: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class _Failure:
    position: int  # the work's index in its piece
    name: str
    strerror: str | None  # why writing failed; None: rendering failed


def setting_for(
    site: SiteProfile, vocabulary: CreditVocabulary, fragment: bool, templates: PageTemplates
) -> PageSetting | None:
    """The setting other processes can render with, or None when they cannot (templates
    that are not a folder on disk: render in this process)."""
    if templates is default_templates():
        return PageSetting(site, vocabulary, fragment, None, templates.fingerprint)
    if isinstance(templates.root, Path):
        return PageSetting(site, vocabulary, fragment, templates.root, templates.fingerprint)
    return None


@functools.lru_cache(maxsize=4)
def _templates(root: Path | None, fingerprint: str) -> PageTemplates:
    # Once per process and set: the templates are compiled at their first page.
    return default_templates() if root is None else PageTemplates(root)


def _render_piece(
    setting: PageSetting, works: Sequence[PageWork], templates: PageTemplates | None = None
) -> tuple[list[RenderedBody | None], _Failure | None]:
    """Render and write `works` in order (in a page process, or in the exporting one
    with its `templates`); the bodies converted (None where the cache had it), and the
    first failure, after which nothing more is done."""
    from newsdesk.publish.export.bundle import render_file

    if templates is None:
        templates = _templates(setting.templates_root, setting.templates_fingerprint)
    converted: list[RenderedBody | None] = []
    for position, work in enumerate(works):
        body = work.body
        if work.convert:
            body = RenderedBody.of_markdown(work.article.body)
        converted.append(body if work.convert else None)
        for fmt, name, temp in work.files:
            try:
                data = render_file(
                    fmt,
                    work.article,
                    name,
                    setting.site,
                    setting.vocabulary,
                    setting.fragment,
                    body,
                    templates,
                )
            except ExportError:
                return converted, _Failure(position, name, None)
            try:
                write_new_file(temp, data)
            except OSError as error:
                return converted, _Failure(position, name, error.strerror)
    return converted, None


def render_pages(
    pool: Executor,
    workers: int,
    setting: PageSetting,
    works: Sequence[PageWork],
    out: Path,
    templates: PageTemplates,
) -> list[RenderedBody | None]:
    """Render and write `works` on `workers` cores: a share each in the pool's
    processes and the last share here (this process would only wait meanwhile); per
    work, the body converted for it (None when the cache had it). Raises the
    ExportError the export would raise alone for the first failure in export order;
    returns only when no process is still writing."""
    size = -(-len(works) // max(1, workers))
    pieces = [works[start : start + size] for start in range(0, len(works), size)]
    futures: list[Future] = []
    try:
        futures = [pool.submit(_render_piece, setting, piece) for piece in pieces[:-1]]
        own = _render_piece(setting, pieces[-1], templates)
        results = [*(future.result() for future in futures), own]
    finally:
        # Stopped or failed part-way: the staged files are discarded next, so no
        # process may still be writing one.
        for future in futures:
            future.cancel()
        wait(futures)
    converted: list[RenderedBody | None] = []
    for piece, (bodies, failure) in zip(pieces, results, strict=True):
        if failure is not None:
            _raise(piece[failure.position], failure, out, setting, templates, bodies)
        converted.extend(bodies)
    return converted


def _raise(
    work: PageWork,
    failure: _Failure,
    out: Path,
    setting: PageSetting,
    templates: PageTemplates,
    bodies: list[RenderedBody | None],
) -> None:
    """Raise, in this process, the error the export raises alone for `failure`."""
    if failure.strerror is not None:
        raise ExportError(problems.cannot_write(out / failure.name, failure.strerror))
    from newsdesk.publish.export.bundle import render_file

    fmt = next(fmt for fmt, name, _ in work.files if name == failure.name)
    body = bodies[failure.position] if work.convert else work.body
    # Rendering is deterministic: the same call fails here, with the same reason.
    render_file(
        fmt,
        work.article,
        failure.name,
        setting.site,
        setting.vocabulary,
        setting.fragment,
        body,
        templates,
    )
    reason = RuntimeError("the page could not be rendered in the export's other process")
    raise ExportError(problems.cannot_render(failure.name, work.article.id, reason))


def _ready() -> None:
    """In a page process: load the renderers before the first batch arrives."""
    from newsdesk.publish.export import bundle  # noqa: F401  (Jinja, Python-Markdown)

    default_templates().environment.get_template("article.html")


def warm_up(cache: BodyCache, setting: PageSetting | None, files: int) -> None:
    """Start the page processes now, while the export reads its first batch, when
    about `files` files are to be written (a first export, a new folder)."""
    if setting is not None and cache.workers >= 2 and files >= PARALLEL_FROM:
        pool = cache.pool()
        for _ in range(cache.workers - 1):
            pool.submit(_ready)


def stage_in_parallel(
    items: Sequence[tuple[Article, Sequence[tuple[str, str]]]],
    *,
    cache: BodyCache,
    staged: Staging,
    setting: PageSetting | None,
    templates: PageTemplates,
    needs_body: Callable[[Sequence[str]], bool],
) -> bool:
    """Stage the files of `items` ((article, [(format, name)]) each, in export order),
    rendered in the page processes, when there are enough of them to be worth it;
    False (nothing done) otherwise."""
    if setting is None or cache.workers < 2:
        return False
    if sum(len(files) for _, files in items) < PARALLEL_FROM:
        return False
    wanting = [needs_body([fmt for fmt, _ in files]) for _, files in items]
    cache.prefetch((a.body for (a, _), wants in zip(items, wanting, strict=True) if wants), False)
    works = []
    for (article, files), wants in zip(items, wanting, strict=True):
        body = cache.cached(article.body) if wants else None
        temps = tuple((fmt, name, str(staged.reserve(name)[0])) for fmt, name in files)
        works.append(PageWork(article, body, wants and body is None, temps))
    converted = render_pages(cache.pool(), cache.workers, setting, works, staged.out, templates)
    cache.add_converted(
        {
            cache.key(w.article.body): b
            for w, b in zip(works, converted, strict=True)
            if b is not None
        }
    )
    return True
