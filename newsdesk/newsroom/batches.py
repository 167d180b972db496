"""Many new articles in one go (an import of a folder of pages): the same rules per
article as `create_article`, in units of work of a batch each, so 2,000 pages cost a
handful of synced commits instead of 2,000. The store writes each batch at once
(`insert_articles`): the same rows, revisions, search index and audit entries per
article as one by one, all of a batch or none of it."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence

from newsdesk.domain.article import Article
from newsdesk.domain.errors import InvalidInputError, NewsdeskError, RuleViolation
from newsdesk.domain.workflow import check_create
from newsdesk.newsroom.changes import Change, ChangeKind
from newsdesk.publish.slugs import (
    DEFAULT_MAX_LENGTH,
    base_slug,
    is_valid_slug,
    make_slug,
    unique_slug,
)

log = logging.getLogger(__name__)

BATCH = 200


class BatchOps:
    """Part of Newsroom (see service.py)."""

    def create_articles(
        self,
        articles: Sequence[Article],
        *,
        actor: str,
        slug_bases: Sequence[str] | None = None,
    ) -> list[Article | NewsdeskError]:
        """Create each of `articles` (its slug made from its headline when it has
        none), as create_article does, in units of work of BATCH articles.

        `slug_bases`, when given, holds for each article the slug its headline gives
        (publish.slugs.base_slug), made already by the caller: the reading process of
        an import makes them, so that the storing one need not load the Chinese
        transliteration. One that is empty or not a valid slug is made here instead.

        Returns, in order, each stored article or the error that refused it; a refused
        article writes nothing and does not stop the others. When the store refuses an
        article inside a unit (which ends that unit on a server), that unit's
        articles are created one by one instead, so the others still land."""
        person = self.person(actor)
        check_create(person)
        if slug_bases is not None and len(slug_bases) != len(articles):
            raise ValueError("one slug base per article")
        results: list[Article | NewsdeskError] = []
        for start in range(0, len(articles), BATCH):
            bases = slug_bases[start : start + BATCH] if slug_bases is not None else None
            results.extend(self._create_batch(articles[start : start + BATCH], person.name, bases))
        return results

    def _create_batch(
        self, batch: Sequence[Article], actor: str, made: Sequence[str] | None = None
    ) -> list[Article | NewsdeskError]:
        results: list[Article | NewsdeskError | None] = [None] * len(batch)
        try:
            with self.store.transaction():
                ready = self._prepare(batch, results, made)
                stored = self.store.insert_articles([a for _, a in ready], actor=actor)
        except NewsdeskError as error:
            log.info("a batch of %d articles was refused (%s): one by one", len(batch), error)
            results = []
            for article in batch:
                try:
                    with self.store.transaction():
                        results.append(self._insert(article, actor))
                except NewsdeskError as refused:
                    results.append(refused)
        else:
            for (index, _), article in zip(ready, stored, strict=True):
                results[index] = article
        self._announce(
            *(
                Change(ChangeKind.CREATED, a.id, a.revision, a.status, actor)
                for a in results
                if isinstance(a, Article)
            )
        )
        return results

    def _prepare(
        self,
        batch: Sequence[Article],
        results: list[Article | NewsdeskError | None],
        made: Sequence[str] | None = None,
    ) -> list[tuple[int, Article]]:
        """The batch's articles that pass the rules, each with its slug, by position;
        the refusal of each other one put in `results`. Inside the unit of work: slugs
        are seen as taken by the store or by an article earlier in the batch."""
        in_batch: set[str] = set()
        # The slugs the batch will ask about first, asked of the store at once (on a
        # server one round trip, not one an article); numbered ones one by one.
        bases = {
            i: _given(made, i) or base_slug(a.headline)
            for i, a in enumerate(batch)
            if a.headline.strip() and not a.slug
        }
        asked = {*bases.values(), *(a.slug for a in batch if a.slug)}
        in_use = self.store.slugs_in_use(asked)

        def taken(slug: str) -> bool:
            if slug in in_batch:
                return True
            return slug in in_use if slug in asked else self.store.slug_taken(slug)

        ready: list[tuple[int, Article]] = []
        for index, article in enumerate(batch):
            if not article.headline.strip():
                results[index] = _no_headline()
                continue
            if article.slug and taken(article.slug):
                # The store's own refusal, without ending the unit for the others.
                results[index] = InvalidInputError(f"the slug {article.slug!r} is already in use")
                continue
            slug = article.slug or unique_slug(bases[index], taken)
            in_batch.add(slug)
            ready.append((index, dataclasses.replace(article, slug=slug)))
        return ready

    def _insert(self, article: Article, actor: str) -> Article:
        if not article.headline.strip():
            raise _no_headline()
        # Inside the unit: a slug taken earlier in this batch is seen as taken.
        slug = article.slug or make_slug(article.headline, self.store.slug_taken)
        return self.store.insert_article(dataclasses.replace(article, slug=slug), actor=actor)


def _given(made: Sequence[str] | None, index: int) -> str:
    """The slug base the caller made for the article at `index`, if it can be one."""
    base = made[index] if made is not None else ""
    return base if len(base) <= DEFAULT_MAX_LENGTH and is_valid_slug(base) else ""


def _no_headline() -> RuleViolation:
    return RuleViolation("headline-required", "an article needs a headline")
