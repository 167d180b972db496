"""Why an export stops, each reason named (a `Said`), in one place.

The export dialog shows these in the interface's language (the app translates them by
name, gui/i18n/export_problems.py); the CLI prints the English, as it always did. Like
publish/importers/refusals.py for the import: the exporter raises
`ExportError(problems.x(...))` rather than writing sentences.
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.domain.said import Said, said_of

# -- the folder and its files ----------------------------------------------------------


def outside_folder(name: str, folder: Path) -> Said:
    return Said(
        "export-outside-folder",
        f"refusing to write {name!r}: it is outside {folder}",
        name=name,
        folder=folder,
    )


def folder_in_the_way(target: Path) -> Said:
    return Said(
        "export-folder-in-the-way",
        f"cannot write {target}: a folder of that name is in the way",
        target=target,
    )


def cannot_write(target: Path | str, detail: str | None) -> Said:
    return Said(
        "export-cannot-write", f"cannot write {target}: {detail}", target=target, detail=detail
    )


def cannot_replace(target: Path, detail: str | None, outcome: Said) -> Said:
    return Said(
        "export-cannot-replace",
        f"cannot replace {target}: {detail}; {outcome}",
        target=target,
        detail=detail,
        outcome=outcome,
    )


def cannot_keep_previous(target: Path, detail: str | None, outcome: Said) -> Said:
    return Said(
        "export-cannot-keep-previous",
        f"cannot keep the previous {target} while replacing it: {detail}; {outcome}",
        target=target,
        detail=detail,
        outcome=outcome,
    )


def left_as_it_was(folder: Path) -> Said:
    return Said(
        "export-left-as-it-was",
        f"the previous export in {folder} was left as it was",
        folder=folder,
    )


def not_put_back(count: int, folder: Path) -> Said:
    return Said(
        "export-not-put-back",
        f"{count} file(s) could not be put back, so the export in {folder} is incomplete:"
        " run it again",
        count=count,
        folder=folder,
    )


def cannot_create_folder(folder: Path, detail: str | None) -> Said:
    return Said(
        "export-cannot-create-folder",
        f"cannot create the export folder {folder}: {detail}",
        folder=folder,
        detail=detail,
    )


def not_a_folder(folder: Path) -> Said:
    return Said("export-not-a-folder", f"the export folder {folder} is not a folder", folder=folder)


def cannot_render(name: str, article_id: int | None, error: Exception) -> Said:
    reason = said_of(error) or str(error)
    return Said(
        "export-cannot-render",
        f"cannot write {name} (article {article_id}): {reason}",
        name=name,
        article=article_id,
        reason=reason,
    )


# -- the articles ----------------------------------------------------------------------


def article_label(article_id: int | None) -> Said:
    if article_id is None:
        return Said("export-an-article", "an article")
    return Said("export-article", f"article {article_id}", article=article_id)


def no_slug(article_id: int | None, headline: str) -> Said:
    label = article_label(article_id)
    return Said(
        "export-no-slug",
        f"{label} ({headline!r}) has no slug yet: save it first so its page gets a stable name",
        label=label,
        headline=headline,
    )


def unsafe_slug(article_id: int | None, slug: str) -> Said:
    label = article_label(article_id)
    return Said(
        "export-unsafe-slug", f"{label} has an unsafe slug {slug!r}", label=label, slug=slug
    )


def slug_shared(article_id: int | None, slug: str) -> Said:
    label = article_label(article_id)
    return Said(
        "export-slug-shared",
        f"{label} and another article both have the slug {slug!r}",
        label=label,
        slug=slug,
    )


def article_twice(article_id: int) -> Said:
    return Said(
        "export-article-twice", f"article {article_id} is in the export twice", article=article_id
    )


# -- the images ------------------------------------------------------------------------


def _where(name: str, article_id: int | None) -> str:
    return f"image {name!r} of article {article_id}"


def image_name_taken(name: str, article_id: int | None) -> Said:
    return Said(
        "export-image-name-taken",
        f"{_where(name, article_id)}: the name is taken by a file of the export itself",
        name=name,
        article=article_id,
    )


def image_unsafe_name(name: str, article_id: int | None) -> Said:
    return Said(
        "export-image-unsafe-name",
        f"{_where(name, article_id)}: not a safe file name (no folders, no leading dot, no"
        ' control characters or any of / \\ : * ? " < > |)',
        name=name,
        article=article_id,
    )


def image_kind(name: str, article_id: int | None, extensions: str) -> Said:
    return Said(
        "export-image-kind",
        f"{_where(name, article_id)}: only {extensions} files are exported as images",
        name=name,
        article=article_id,
        extensions=extensions,
    )


def image_media_type(name: str, article_id: int | None, media_type: str) -> Said:
    return Said(
        "export-image-media-type",
        f"{_where(name, article_id)}: media type {media_type!r} is not an exported picture",
        name=name,
        article=article_id,
        media_type=media_type,
    )


def image_name_clash(name: str, article_id: int | None) -> Said:
    return Said(
        "export-image-name-clash",
        f"{_where(name, article_id)}: another article of this export has a different image"
        " under the same name",
        name=name,
        article=article_id,
    )


def image_unreadable(name: str, article_id: int | None, error: Exception) -> Said:
    reason = said_of(error) or str(error)
    return Said(
        "export-image-unreadable",
        f"{_where(name, article_id)}: {reason}",
        name=name,
        article=article_id,
        reason=reason,
    )


def image_damaged(name: str, article_id: int | None) -> Said:
    return Said(
        "export-image-damaged",
        f"{_where(name, article_id)}: its stored bytes do not match its SHA-256; the image is"
        " damaged",
        name=name,
        article=article_id,
    )
