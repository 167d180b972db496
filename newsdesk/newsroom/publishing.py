"""The newsroom's way to the site: exports for the web team, previews for anyone,
and what the site may show of each article."""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.domain.article import Article, ArticleHead
from newsdesk.domain.status import Status
from newsdesk.domain.workflow import check_export
from newsdesk.newsroom.changes import Change, ChangeKind
from newsdesk.storage.codec import article_head

if TYPE_CHECKING:
    # Loaded at the first export, not at start: they bring Jinja, Python-Markdown and
    # process pools with them (a sixth of the app's start-up).
    from newsdesk.publish.export.body_cache import BodyCache
    from newsdesk.publish.export.bundle import ExportProgress
    from newsdesk.publish.export.selection import ArticleSelection


def _newest_first_key(date, article_id: int) -> tuple:
    # The bundle's export order (selection.newest_first): newest date first, undated
    # last, then the highest id.
    return (-date.toordinal() if date else 1, -article_id)


def _ids_of(articles: Sequence[Article] | ArticleSelection) -> list[int]:
    # A selection knows its ids without reading its articles.
    from newsdesk.publish.export.selection import ArticleSelection

    if isinstance(articles, ArticleSelection):
        return list(articles.ids)
    return [a.id for a in articles if a.id is not None]


class PublishingOps:
    """Part of Newsroom (see service.py)."""

    _preview_folder: Path | None = None

    def export_articles(
        self,
        articles: Sequence[Article] | ArticleSelection,
        out: str | os.PathLike[str],
        *,
        actor: str,
        formats: Iterable[str] = ("html",),
        fragment: bool = False,
        cache: BodyCache | None = None,
    ) -> Iterator[ExportProgress]:
        """Export `articles` into `out` (see publish.bundle), yielding its progress.

        Once the files are in place, each article whose files were written gets an
        `export` event in the audit log naming its revision and the folder: that is how
        the web team's queue knows an approved revision went out. Stop iterating early
        and nothing is written or recorded.
        """
        from newsdesk.publish.export.bundle import export_bundle

        person = self.person(actor)
        check_export(person)
        actor = person.name
        # Refuse before writing any file: the export's audit events could not be
        # recorded in a damaged database, and its content may be wrong.
        self.store.ensure_writable()
        own_cache = cache is None
        if cache is None:
            cache = self.body_cache()
        steps = export_bundle(
            articles,
            out,
            site=self.site(),
            vocabulary=self.vocabulary(),
            formats=formats,
            fragment=fragment,
            image_data=self.store.image_data,
            cache=cache,
            redirects=self.redirects(_ids_of(articles)),
        )
        written: list[int] = []
        revisions: dict[int, int] = {}
        # closing(): an interrupted export removes its temporary files now.
        try:
            with closing(steps):
                for step in steps:
                    if step.article_id is not None and step.files_written:
                        written.append(step.article_id)
                        revisions[step.article_id] = step.revision
                    yield step
        finally:
            if own_cache:
                cache.close()
        # Only now are the files in place (the bundle renames them in at the end).
        folder = str(Path(out).resolve())
        self.store.record_events(
            actor=actor,
            action="export",
            events=[(i, revisions[i], f"revision {revisions[i]} to {folder}") for i in written],
        )
        self._announce(
            *(
                Change(ChangeKind.EXPORTED, i, revisions[i], None, actor)
                for i in dict.fromkeys(written)
            )
        )

    def preview_page(self, article: Article) -> Path:
        """Write `article` (as it is now, saved or not) as a site page into a private
        folder made for this newsroom session, and return the page's path: for
        checking in a browser. Anyone may preview; nothing is recorded."""
        from newsdesk.publish.export.bundle import export_bundle

        if self._preview_folder is None:
            # mkdtemp: a fresh folder only this user can read, never a fixed name
            # another local user could have made first.
            self._preview_folder = Path(tempfile.mkdtemp(prefix="newsdesk-preview-"))
        folder = self._preview_folder
        steps = export_bundle(
            [article],
            folder,
            site=self.site(),
            vocabulary=self.vocabulary(),
            image_data=self.store.image_data,
        )
        with closing(steps):
            for _ in steps:
                pass
        return folder / f"{article.slug}.html"

    def site_version(self, article: Article) -> Article | None:
        """What the site may show of `article`: its approved revision, or None.

        An approved or published article is shown as it is. One edited after approval
        (back to submitted, or returned) keeps its last approved revision on the site
        until the new text is approved. Archived and never-approved articles: None.
        """
        if article.status in (Status.APPROVED, Status.PUBLISHED):
            return article
        if article.status is Status.ARCHIVED or article.approved_revision is None:
            return None
        approved = article.approved_revision
        # The article exactly as it stood after its last approval or publication, so
        # its exported files stay byte for byte what the site already has.
        last = next(
            e
            for e in reversed(self.store.audit_events(article.id))
            if e.action in ("approve", "publish") and e.revision == approved
        )
        return dataclasses.replace(
            self.store.get_revision(article.id, approved),
            status=Status.PUBLISHED if last.action == "publish" else Status.APPROVED,
            approved_revision=approved,
            updated_at=last.at,
            updated_by=last.actor,
        )

    def body_cache(self) -> BodyCache:
        """A cache of rendered bodies backed by the newsroom's database: a body
        converted once is reused by every later export, from any desk or process."""
        from newsdesk.publish.export.body_cache import BodyCache

        return BodyCache(lookup=self.store.cached_bodies, keep=self.store.cache_bodies)

    def site_articles(self) -> list[Article]:
        """Every article the site carries, each at the revision the site may show."""
        return list(self.site_selection())

    def site_selection(self) -> ArticleSelection:
        """The articles the site carries, at the revisions it may show, in export order
        and read batch by batch (an export of the whole site never holds them all)."""
        keys: dict[int, tuple] = {}
        stored_heads: dict[int, ArticleHead] = {}  # read once, with the site's order
        moved: dict[int, Article] = {}  # edited since approval: the site shows an older text
        shown_as_stored = (Status.APPROVED, Status.PUBLISHED)
        for status, head in self.store.site_heads():
            article_id, date = head.id, head.date
            if status in shown_as_stored:
                keys[article_id] = _newest_first_key(date, article_id)
                stored_heads[article_id] = head
                continue
            # Edited since approval: what the site shows is read from its history.
            version = self.site_version(self.store.get_article(article_id))
            if version is not None:
                moved[article_id] = version
                keys[article_id] = _newest_first_key(version.date, article_id)
        ordered = sorted(keys, key=keys.__getitem__)

        def load(chunk: Sequence[int]) -> list[Article]:
            plain = [i for i in chunk if i not in moved]
            stored = {a.id: a for a in self.store.get_articles(plain)}
            stored.update((i, moved[i]) for i in chunk if i in moved)
            return [stored[i] for i in chunk if i in stored]

        def heads(chunk: Sequence[int]) -> list[ArticleHead]:
            found = [stored_heads.get(i) or article_head(moved[i]) for i in chunk]
            return [h for h in found if h is not None]

        from newsdesk.publish.export.selection import ArticleSelection

        return ArticleSelection(ordered, load, heads=heads)

    def selection(self, ids: Sequence[int]) -> ArticleSelection:
        """The articles `ids`, as they are now, in export order, read batch by batch."""
        keys = {i: _newest_first_key(d, i) for i, _, d in self.store.statuses_and_dates(ids)}
        missing = [i for i in ids if i not in keys]
        if missing:
            self.store.get_article(missing[0])  # names the missing article
        from newsdesk.publish.export.selection import ArticleSelection

        return ArticleSelection(
            sorted(keys, key=keys.__getitem__),
            self.store.get_articles,
            heads=self.store.article_heads,
        )
