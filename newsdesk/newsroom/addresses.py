"""The article's web address: what it is, and changing it on purpose (a mixin of
Newsroom, service.py).

Until the article is first published the address follows the headline on every save
(content_rules.py) and anyone who may edit the article may change it. Once the site has
carried it, changing it is a deliberate act of a producer or the web team, and the old
address is kept: the export manifest lists it as a redirect.
"""

from __future__ import annotations

from newsdesk.domain.article import Article, FormerSlug
from newsdesk.domain.errors import ConflictError, InvalidInputError
from newsdesk.domain.said import Said
from newsdesk.domain.workflow import check_slug_change
from newsdesk.newsroom.audit_trail import ever_published
from newsdesk.newsroom.changes import Change, ChangeKind
from newsdesk.publish.slugs import slug_problem


class AddressOperations:
    def web_address(self, article: Article) -> str:
        """The page's address on the site: `{base_url}/{slug}.html`."""
        return f"{self.site().base_url.rstrip('/')}/{article.slug}.html"

    def address_frozen(self, article_id: int) -> bool:
        """Whether the article was published, so its address changes only on purpose."""
        return ever_published(self.store.audit_events(article_id))

    def former_slugs(self, article_id: int) -> list[FormerSlug]:
        return self.store.former_slugs(article_id)

    def change_slug(
        self, article_id: int, slug: str, *, actor: str, expected_slug: str | None = None
    ) -> Article:
        """Give the article the address `slug`. `expected_slug` is the address the
        person saw: when it changed meanwhile, ConflictError and nothing is written."""
        person = self.person(actor)
        slug = slug.strip()
        problem = slug_problem(slug)
        if problem is not None:
            raise InvalidInputError(
                Said(
                    "not-an-address",
                    f"{slug!r} cannot be an address: {problem}",
                    slug=slug,
                    problem=problem,
                )
            )
        with self.store.transaction():
            current = self.store.lock_article(article_id)
            if expected_slug is not None and current.slug != expected_slug:
                raise ConflictError(article_id, current.revision, current.revision)
            published = ever_published(self.store.audit_events(article_id))
            check_slug_change(current, person, published=published)
            if slug != current.slug and self.store.slug_taken(slug):
                raise InvalidInputError(
                    Said("address-in-use", f"the address {slug!r} is already in use", slug=slug)
                )
            stored = self.store.change_slug(
                article_id,
                slug=slug,
                actor=person.name,
                expected_slug=current.slug,
                published=published,
            )
        if stored.slug != current.slug:
            self._announce(
                Change(ChangeKind.STATUS, stored.id, stored.revision, stored.status, person.name)
            )
        return stored

    def redirects(self, article_ids) -> dict[int, list[str]]:
        """Per article, the former addresses the site carried (for the manifest)."""
        # One query for the whole site, not one per article: a site export asks for
        # every article's redirects.
        live = self.store.published_former_slugs()
        return {i: live[i] for i in article_ids if i in live}
