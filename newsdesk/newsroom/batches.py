"""Many new articles in one go (an import of a folder of pages): the same rules per
article as `create_article`, in units of work of a batch each, so 2,000 pages cost a
handful of synced commits instead of 2,000."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence

from newsdesk.domain.article import Article
from newsdesk.domain.errors import NewsdeskError, RuleViolation
from newsdesk.domain.workflow import check_create
from newsdesk.newsroom.changes import Change, ChangeKind
from newsdesk.publish.slugs import make_slug

log = logging.getLogger(__name__)

BATCH = 200


class BatchOps:
    """Part of Newsroom (see service.py)."""

    def create_articles(
        self, articles: Sequence[Article], *, actor: str
    ) -> list[Article | NewsdeskError]:
        """Create each of `articles` (its slug made from its headline when it has
        none), as create_article does, in units of work of BATCH articles.

        Returns, in order, each stored article or the error that refused it; a refused
        article writes nothing and does not stop the others. When the store refuses an
        article inside a unit (which ends that unit on a server), that unit's
        articles are created one by one instead, so the others still land."""
        person = self.person(actor)
        check_create(person)
        results: list[Article | NewsdeskError] = []
        for start in range(0, len(articles), BATCH):
            results.extend(self._create_batch(articles[start : start + BATCH], person.name))
        return results

    def _create_batch(self, batch: Sequence[Article], actor: str) -> list[Article | NewsdeskError]:
        results: list[Article | NewsdeskError] = []
        try:
            with self.store.transaction():
                for article in batch:
                    try:
                        results.append(self._insert(article, actor))
                    except RuleViolation as error:  # refused before the store was asked
                        results.append(error)
        except NewsdeskError as error:
            log.info("a batch of %d articles was refused (%s): one by one", len(batch), error)
            results = []
            for article in batch:
                try:
                    with self.store.transaction():
                        results.append(self._insert(article, actor))
                except NewsdeskError as refused:
                    results.append(refused)
        self._announce(
            *(
                Change(ChangeKind.CREATED, a.id, a.revision, a.status, actor)
                for a in results
                if isinstance(a, Article)
            )
        )
        return results

    def _insert(self, article: Article, actor: str) -> Article:
        if not article.headline.strip():
            raise RuleViolation("headline-required", "an article needs a headline")
        # Inside the unit: a slug taken earlier in this batch is seen as taken.
        slug = article.slug or make_slug(article.headline, self.store.slug_taken)
        return self.store.insert_article(dataclasses.replace(article, slug=slug), actor=actor)
