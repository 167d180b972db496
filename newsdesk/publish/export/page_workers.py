"""An export's pages rendered on every core.

Python-Markdown and Jinja are pure Python, so one process renders one page at a time
whatever the machine. When a batch of the export has many files to write, it is
shared between the exporting process and the body cache's processes
(`BodyCache.pool`, one per other core), a few pages at a time as each is ready for
more (`PageProcesses`): each converts the bodies the cache lacks, renders the pages
and writes them straight into their staged temporary files (`Staging.reserve`); the
pool hands back only the bodies it converted, for the cache. The export itself stays
as it was: every file is staged before anything is renamed into place, the progress
is reported article by article in export order, and a failure (or a stop) discards
every staged file, whichever process wrote it.

A page rendered here is byte for byte the page the export renders alone: the same
`render_file`, given the same article, body and settings.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from concurrent.futures import Future, wait
from dataclasses import dataclass
from pathlib import Path

from newsdesk.domain.article import Article
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.export import problems
from newsdesk.publish.export.body_cache import PARALLEL_FROM, BodyCache, RenderedBody
from newsdesk.publish.export.file_bytes import render_file
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


# Works handed over at a time: at most CHUNK, so that both cores end together
# whatever each one's speed or load (fewer towards the end of a batch, down to
# LAST_CHUNK); enough that handing them over (pickling articles and bodies) costs
# little beside rendering them.
CHUNK = 16
LAST_CHUNK = 4


def _chunk(remaining: int) -> int:
    return max(LAST_CHUNK, min(CHUNK, remaining // 8))


class PageProcesses:
    """An export's pages rendered and staged on every core, batch by batch.

    In each batch the pool's processes take works from the front, a few at a time,
    and this process from the back, until they meet: whichever core is faster (or
    less busy with other programs) renders more. This process does not wait for the
    pool's last pieces of a batch: they are rendered while it reads and prepares the
    next batch, and collected then or at `finish`, which the export calls before it
    renames anything into place. A failure anywhere is raised as the export raises
    it alone: the first failing page in export order, once every earlier page is
    known. `close` (always, last) waits for any piece still being written, so that
    no process writes a staged file after the export discarded them.
    """

    def __init__(
        self,
        cache: BodyCache,
        staged: Staging,
        setting: PageSetting | None,
        templates: PageTemplates,
    ) -> None:
        self._cache = cache
        self._staged = staged
        self._setting = setting
        self._templates = templates
        self._offset = 0  # the export's works handed out so far, in export order
        self._running: dict[Future, tuple[int, Sequence[PageWork]]] = {}
        self._failures: dict[int, tuple[PageWork, _Failure, RenderedBody | None]] = {}
        # Bodies converted by the pieces collected: kept together (one write a batch).
        self._converted: dict[str, RenderedBody] = {}

    def stage(
        self,
        items: Sequence[tuple[Article, Sequence[tuple[str, str]]]],
        needs_body: Callable[[Sequence[str]], bool],
    ) -> bool:
        """Stage the files of `items` ((article, [(format, name)]) each, in export
        order) on every core when there are enough of them to be worth it; False
        (nothing done) otherwise."""
        cache, setting = self._cache, self._setting
        if setting is None or cache.workers < 2:
            return False
        if sum(len(files) for _, files in items) < PARALLEL_FROM:
            return False
        wanting = [needs_body([fmt for fmt, _ in files]) for _, files in items]
        bodies = (a.body for (a, _), wants in zip(items, wanting, strict=True) if wants)
        cache.prefetch(bodies, False)
        works = []
        for (article, files), wants in zip(items, wanting, strict=True):
            body = cache.cached(article.body) if wants else None
            temps = tuple((fmt, name, str(self._staged.reserve(name)[0])) for fmt, name in files)
            works.append(PageWork(article, body, wants and body is None, temps))
        self._render(works)
        return True

    def _render(self, works: Sequence[PageWork]) -> None:
        pool, offset = self._cache.pool(), self._offset
        self._offset += len(works)
        # Each of the pool's processes finds its next piece queued when it ends one.
        ahead = 2 * max(1, self._cache.workers - 1)
        front, back = 0, len(works)  # works[front:back] are not taken yet
        while True:
            while len(self._running) < ahead and front < back:
                end = min(back, front + _chunk(back - front))
                piece = works[front:end]
                future = pool.submit(_render_piece, self._setting, piece)
                self._running[future] = (offset + front, piece)
                front = end
            if front >= back:
                break
            start = max(front, back - _chunk(back - front))
            piece = works[start:back]
            self._took(offset + start, piece, _render_piece(self._setting, piece, self._templates))
            back = start
            self._collect(wait_for_all=False)
        if self._failures:
            self.finish()  # raises the first failure in export order
        self._keep_converted()

    def _collect(self, wait_for_all: bool) -> None:
        for future in list(self._running):
            if wait_for_all or future.done():
                start, piece = self._running.pop(future)
                self._took(start, piece, future.result())

    def _took(self, start: int, piece: Sequence[PageWork], result: tuple) -> None:
        converted, failure = result
        if failure is not None:
            work = piece[failure.position]
            self._failures[start + failure.position] = (work, failure, converted[-1])
            converted = converted[: failure.position]  # the failing page's body: not kept
        for work, body in zip(piece, converted, strict=False):
            if body is not None:
                self._converted[self._cache.key(work.article.body)] = body

    def _keep_converted(self) -> None:
        if self._converted:
            self._cache.add_converted(self._converted)
            self._converted = {}

    def finish(self) -> None:
        """Wait for every piece; raise the export's error for the first page that
        failed, in export order."""
        self._collect(wait_for_all=True)
        self._keep_converted()
        if self._failures:
            work, failure, converted = self._failures[min(self._failures)]
            _raise(work, failure, self._staged.out, self._setting, self._templates, converted)

    def close(self) -> None:
        """Stop: pieces not started are dropped, the others are waited for."""
        for future in self._running:
            future.cancel()
        wait(self._running)
        self._running.clear()


def _raise(
    work: PageWork,
    failure: _Failure,
    out: Path,
    setting: PageSetting,
    templates: PageTemplates,
    converted: RenderedBody | None,
) -> None:
    """Raise, in this process, the error the export raises alone for `failure`
    (`converted`: the body converted for `work`, if it was)."""
    if failure.strerror is not None:
        raise ExportError(problems.cannot_write(out / failure.name, failure.strerror))
    fmt = next(fmt for fmt, name, _ in work.files if name == failure.name)
    body = converted if work.convert else work.body
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
    import nh3  # noqa: F401  (for bodies the cache lacks: loaded, not built)

    from newsdesk.publish.export import bundle  # noqa: F401  (Jinja)
    from newsdesk.publish.markdown import body_dialect  # noqa: F401  (Python-Markdown)

    default_templates().environment.get_template("article.html")


def warm_up(cache: BodyCache, setting: PageSetting | None, files: int) -> None:
    """Start the page processes now, while the export reads its first batch, when
    about `files` files are to be written (a first export, a new folder)."""
    if setting is not None and cache.workers >= 2 and files >= PARALLEL_FROM:
        pool = cache.pool()
        for _ in range(cache.workers - 1):
            pool.submit(_ready)
