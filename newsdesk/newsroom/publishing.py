"""The newsroom's way to the site: exports for the web team, previews for anyone,
and what the site may show of each article."""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from pathlib import Path

from newsdesk.domain.article import Article
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import Status
from newsdesk.domain.workflow import check_export
from newsdesk.newsroom.changes import Change, ChangeKind
from newsdesk.publish.export.body_cache import BodyCache
from newsdesk.publish.export.bundle import ExportProgress, export_bundle


class PublishingOps:
    """Part of Newsroom (see service.py)."""

    _preview_folder: Path | None = None

    def export_articles(
        self,
        articles: Sequence[Article],
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
        person = self.person(actor)
        check_export(person)
        actor = person.name
        # Refuse before writing any file: the export's audit events could not be
        # recorded in a damaged database, and its content may be wrong.
        self.store.ensure_writable()
        steps = export_bundle(
            articles,
            out,
            site=self.site(),
            vocabulary=self.vocabulary(),
            formats=formats,
            fragment=fragment,
            image_data=self.store.image_data,
            cache=cache,
            redirects=self.redirects(a.id for a in articles),
        )
        written: list[int] = []
        # closing(): an interrupted export removes its temporary files now.
        with closing(steps):
            for step in steps:
                if step.article_id is not None and step.files_written:
                    written.append(step.article_id)
                yield step
        # Only now are the files in place (the bundle renames them in at the end).
        folder = str(Path(out).resolve())
        revisions = {a.id: a.revision for a in articles}
        with self.store.transaction():
            for article_id in written:
                revision = revisions[article_id]
                self.store.record_event(
                    actor=actor,
                    action="export",
                    article_id=article_id,
                    comment=f"revision {revision} to {folder}",
                    revision=revision,
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

    def site_articles(self) -> list[Article]:
        """Every article the site carries, each at the revision the site may show."""
        ids = self.store.article_ids(ArticleQuery(on_site=True, sort="id", descending=False))
        versions = (self.site_version(self.store.get_article(i)) for i in ids)
        return [v for v in versions if v is not None]
