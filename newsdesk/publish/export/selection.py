"""What an export reads: articles in export order, in batches, and the checks that
refuse a broken or unsafe bundle before anything is put in place.

A list of articles is sorted newest first (date, then id, descending) and checked
whole before the export starts. An `ArticleSelection` (the newsroom's, for the whole
site) is already in that order and is read one batch at a time, so an export of
100,000 articles never holds them all; its articles are checked batch by batch, and
the names that need every slug (images against the export's own files) at the end,
still before any file is renamed into place.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsdesk.domain.article import Article, ArticleHead, Image
from newsdesk.publish.export import problems
from newsdesk.publish.export.staging import ExportError
from newsdesk.publish.slugs import is_valid_slug

BATCH = 500
# Pictures a browser shows and cannot run code from (SVG can carry scripts).
IMAGE_EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"})
_UNSAFE_NAME_CHARS = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')


@dataclass
class ArticleSelection:
    """Articles by id, already in export order, loaded `batch` at a time by `load`
    (which returns them in the order asked). `heads`, when given, reads the same ids'
    ArticleHeads (their stamps, no bodies): a re-export then loads only the articles
    whose stamp differs from the one the folder's manifest recorded."""

    ids: list[int]
    load: Callable[[Sequence[int]], list[Article]]
    batch: int = BATCH
    heads: Callable[[Sequence[int]], list[ArticleHead]] | None = None

    def id_batches(self) -> Iterator[list[int]]:
        for start in range(0, len(self.ids), self.batch):
            yield self.ids[start : start + self.batch]

    def __len__(self) -> int:
        return len(self.ids)

    def batches(self) -> Iterator[list[Article]]:
        for start in range(0, len(self.ids), self.batch):
            yield self.load(self.ids[start : start + self.batch])

    def __iter__(self) -> Iterator[Article]:
        for batch in self.batches():
            yield from batch


def newest_first(article: Article) -> tuple:
    # Sorted ascending on negated keys: dated articles first, newest date, highest id.
    date_key = -article.date.toordinal() if article.date else 1
    return (date_key, -(article.id or 0), article.slug)


class ListedArticles:
    def __init__(self, articles: Iterable[Article]) -> None:
        self.articles = sorted(articles, key=newest_first)

    def __len__(self) -> int:
        return len(self.articles)

    def batches(self) -> Iterator[list[Article]]:
        for start in range(0, len(self.articles), BATCH):
            yield self.articles[start : start + BATCH]


def in_batches(articles: Iterable[Article] | ArticleSelection) -> ArticleSelection | ListedArticles:
    return articles if isinstance(articles, ArticleSelection) else ListedArticles(articles)


class ExportChecks:
    """Refuses what would make a broken or unsafe bundle, article by article."""

    def __init__(self, file_patterns: Iterable[str], reserved: Iterable[str]) -> None:
        self._patterns = tuple(file_patterns)
        self._reserved = set(reserved)
        self._slugs: set[str] = set()
        self._ids: set[int] = set()
        self._images: list[tuple[int | None, Image]] = []

    def check(self, article: Article | ArticleHead) -> None:
        if not article.slug:
            raise ExportError(problems.no_slug(article.id, article.headline[:40]))
        if not is_valid_slug(article.slug):
            raise ExportError(problems.unsafe_slug(article.id, article.slug))
        if article.slug in self._slugs:
            raise ExportError(problems.slug_shared(article.id, article.slug))
        if article.id is not None:
            if article.id in self._ids:
                raise ExportError(problems.article_twice(article.id))
            self._ids.add(article.id)
        self._slugs.add(article.slug)
        for image in article.images:
            _check_image_name(article.id, image)
            self._images.append((article.id, image))

    def finish(self) -> None:
        """The checks that need every article's slug: images against the export's files."""
        if not self._images:
            return  # nothing to check (and no set of every file name to build)
        reserved = self._reserved | {p.format(slug=s) for s in self._slugs for p in self._patterns}
        for article_id, image in self._images:
            if image.name in reserved:
                raise ExportError(problems.image_name_taken(image.name, article_id))


def check_all(
    articles: Sequence[Article], file_patterns: Iterable[str], reserved: Iterable[str]
) -> None:
    checks = ExportChecks(file_patterns, reserved)
    for article in articles:
        checks.check(article)
    checks.finish()


def _check_image_name(article_id: int | None, image: Image) -> None:
    name = image.name
    if (
        not name
        or name in (".", "..")
        or name.startswith((".", "-", "~"))
        or name.endswith((".", " "))
        or _UNSAFE_NAME_CHARS.search(name)
        or os.path.isabs(name)
        or len(name.encode("utf-8")) > 200
    ):
        raise ExportError(problems.image_unsafe_name(name, article_id))
    if Path(name).suffix.lower() not in IMAGE_EXTENSIONS:
        raise ExportError(
            problems.image_kind(name, article_id, ", ".join(sorted(IMAGE_EXTENSIONS)))
        )
    if not image.media_type.startswith("image/") or image.media_type == "image/svg+xml":
        raise ExportError(problems.image_media_type(name, article_id, image.media_type))
