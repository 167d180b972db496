"""New articles as both engines store them: the first revision of a draft, and the
checks a batch of them passes before anything of it is written."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Collection, Sequence

from newsdesk.domain.article import Article
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.status import Status


def first_revision(article: Article, *, actor: str, now: dt.datetime) -> Article:
    """`article` as a new draft of `actor`'s, at revision 1 (its id still unknown)."""
    return dataclasses.replace(
        article,
        id=None,
        revision=1,
        status=Status.DRAFT,
        approved_revision=None,
        created_by=actor,
        updated_by=actor,
        created_at=now,
        updated_at=now,
        content_updated_at=now,
        content_updated_by=actor,
    )


def creation_entries(stored: Sequence[Article], *, actor: str, at: str) -> list[dict[str, object]]:
    """The audit entries of a batch of new drafts (their ids known), one "create" each,
    before their chain links are added (audit_chain.extend_chain)."""
    return [
        {
            "article_id": article.id,
            "at": at,
            "actor": actor,
            "action": "create",
            "from_status": None,
            "to_status": Status.DRAFT.value,
            "revision": 1,
            "comment": "",
        }
        for article in stored
    ]


def check_new_slugs(
    articles: Sequence[Article], taken: Callable[[Collection[str]], Collection[str]]
) -> None:
    """Refuse the batch, naming the first slug at fault, when an article has none, two
    articles of the batch share one, or `taken(slugs)` (the ones already in use) holds
    one: the same refusals as insert_article's, before anything is written."""
    seen: set[str] = set()
    for article in articles:
        if not article.slug:
            raise InvalidInputError("an article needs a slug before it is stored")
        if article.slug in seen:
            raise InvalidInputError(f"the slug {article.slug!r} is already in use")
        seen.add(article.slug)
    in_use = taken(seen)
    for article in articles:
        if article.slug in in_use:
            raise InvalidInputError(f"the slug {article.slug!r} is already in use")
