"""What a content save does beyond storing the text, decided inside its write unit:
the language follows the text, the address follows the headline until the article is
first published, and a save that gives the approved text back restores the approval.

Each follows only while nobody chose otherwise: a language or an address set by hand
is kept (told apart because it is not what the text would give).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsdesk.domain.article import Article, AuditEvent
from newsdesk.domain.checklist import PLACEHOLDER_HEADLINE
from newsdesk.domain.language import article_text, detect_language
from newsdesk.domain.status import Status
from newsdesk.domain.workflow import restored_approval
from newsdesk.newsroom.audit_trail import approval_withdrawn, ever_published
from newsdesk.publish.slugs import base_slug, make_slug


@dataclass(frozen=True)
class SavePlan:
    content: dict  # Article.content() to store
    slug: str  # the address after the save
    restored: Status | None  # approved or published again (the approved text is back)


def plan_save(
    current: Article,
    edited: Article,
    *,
    site_language: str,
    events: Sequence[AuditEvent],
    approved: Callable[[], Article | None],
    slug_taken: Callable[[str], bool],
) -> SavePlan:
    """`approved()` reads the approved revision (only when it matters)."""
    content = edited.content()
    content["language"] = followed_language(current, edited, site_language)
    published = ever_published(events)
    slug = current.slug
    if not published and follows_headline(current) and content["headline"] != current.headline:
        slug = make_slug(content["headline"], lambda s: s != current.slug and slug_taken(s))
    withdrawn = approval_withdrawn(events)
    restored = None
    if withdrawn is not None and current.status is Status.SUBMITTED:
        restored = restored_approval(
            current,
            content,
            approved=approved(),
            withdrawn_from=Status(withdrawn.from_status),
        )
    return SavePlan(content, slug, restored)


def followed_language(current: Article, edited: Article, site_language: str) -> str:
    """The edited article's language: what its text says while the stored language is
    what the stored text says (nobody chose another), else the one chosen."""
    if edited.language != current.language:
        return edited.language  # chosen in this edit
    told = detect_language(
        article_text(current.headline, current.kicker, current.body), site_language
    )
    if current.language != told:
        return current.language  # chosen before: kept
    return detect_language(article_text(edited.headline, edited.kicker, edited.body), told)


def follows_headline(article: Article) -> bool:
    """Whether the article's address is the one its headline (or the placeholder a
    new article starts with) gives, perhaps numbered: then it follows the headline."""
    for headline in (article.headline, PLACEHOLDER_HEADLINE):
        if re.fullmatch(rf"{re.escape(base_slug(headline))}(-\d+)?", article.slug):
            return True
    return False
