"""Importing files into the newsroom in two steps: what they would become, then making it.

`preview_files` reads each file with the importers (publish/importers: the same
`import_file` and `ImportReport` as `newsdesk import --dry-run`) against this
newsroom's site profile, credit vocabulary and people, and writes nothing; a file
that cannot be imported is a refusal naming it. `import_previews` then makes an
article of each report the person kept, with the same rules per file as one at a
time: a refused one stops nothing else, and nothing of it is written.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.domain.article import Article
from newsdesk.domain.errors import NewsdeskError
from newsdesk.domain.said import said_of
from newsdesk.publish.importers import refusals

if TYPE_CHECKING:  # the report brings Python-Markdown with it: not needed at start
    from newsdesk.publish.importers.report import ImportReport

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FilePreview:
    """What one file would become (`report`), or why it cannot be imported."""

    path: Path
    report: ImportReport | None = None
    refused: str = ""

    def to_json(self) -> dict:
        """As `newsdesk import --dry-run --json` prints it."""
        if self.report is None:
            return {"file": str(self.path), "refused": self.refused}
        return self.report.to_json()


@dataclass(frozen=True)
class ImportOutcome:
    path: Path
    article: Article | None = None
    refused: str = ""


def _named(path: Path, exc: Exception) -> str:
    """Why, naming the file (a Said when the importer named the reason)."""
    message = str(exc)
    if message.startswith(str(path)):
        return said_of(exc) or message
    return refusals.named(str(path), said_of(exc) or message)


def preview_files(
    newsroom, paths: Iterable[Path | str], *, encoding: str | None = None
) -> list[FilePreview]:
    """Each file's import report, in the order given; nothing is written."""
    # Loaded at the first import, not at start: the readers bring mammoth,
    # BeautifulSoup and YAML with them.
    from newsdesk.publish.importers.files import import_file

    site, vocabulary = newsroom.site(), newsroom.vocabulary()
    known = [p.name for p in newsroom.people()]
    previews: list[FilePreview] = []
    for given in paths:
        path = Path(given)
        try:
            if path.is_dir():
                raise NewsdeskError(refusals.named(str(path), refusals.a_folder()))
            report = import_file(
                path, site=site, vocabulary=vocabulary, known_people=known, encoding=encoding
            )
        except (NewsdeskError, OSError) as exc:
            previews.append(FilePreview(path, refused=_named(path, exc)))
            continue
        previews.append(FilePreview(path, report=report))
    return previews


def import_previews(
    newsroom, previews: Sequence[FilePreview], *, actor: str
) -> list[ImportOutcome]:
    """A new article of each previewed report, as `actor`; refusals named per file.
    Stored as a batch (Newsroom.create_articles: the same rules per article, a few
    units of work for many files)."""
    outcomes: list[ImportOutcome | None] = [None] * len(previews)
    kept: list[tuple[int, Article]] = []
    for index, preview in enumerate(previews):
        if preview.report is None:
            outcomes[index] = ImportOutcome(preview.path, refused=preview.refused)
            continue
        try:
            # Pictures that came inside the file (Word) are stored by their hash, so
            # storing one for an article refused just after is harmless.
            for image in preview.report.images:
                newsroom.put_image(image.data, image.media_type)
        except NewsdeskError as exc:
            outcomes[index] = _refusal(preview.path, exc)
            continue
        kept.append((index, dataclasses.replace(preview.report.article, slug="")))
    if kept:
        try:
            results = newsroom.create_articles([a for _, a in kept], actor=actor)
        except NewsdeskError as exc:  # refused for everyone (who may not create articles)
            results = [exc] * len(kept)
        for (index, _), result in zip(kept, results, strict=True):
            path = previews[index].path
            if isinstance(result, NewsdeskError):
                outcomes[index] = _refusal(path, result)
            else:
                outcomes[index] = ImportOutcome(path, article=result)
    return [o for o in outcomes if o is not None]


def _refusal(path: Path, exc: NewsdeskError) -> ImportOutcome:
    log.warning("import of %s refused: %s", path, exc)
    return ImportOutcome(path, refused=_named(path, exc))
