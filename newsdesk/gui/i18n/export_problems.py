"""Why an export stopped (publish/export/problems.py), as sentences for Qt Linguist.

A table of said_text.py's kind, kept beside it so that neither module grows past what
one reader takes in: each name the export core gives, with its values as
{placeholders}.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

EXPORT_PROBLEMS = {
    "export-outside-folder": QT_TRANSLATE_NOOP(
        "ExportProblem", "refusing to write “{name}”: it is outside {folder}"
    ),
    "export-folder-in-the-way": QT_TRANSLATE_NOOP(
        "ExportProblem", "cannot write {target}: a folder of that name is in the way"
    ),
    "export-cannot-write": QT_TRANSLATE_NOOP("ExportProblem", "cannot write {target}: {detail}"),
    "export-cannot-replace": QT_TRANSLATE_NOOP(
        "ExportProblem", "cannot replace {target}: {detail}; {outcome}"
    ),
    "export-cannot-keep-previous": QT_TRANSLATE_NOOP(
        "ExportProblem",
        "cannot keep the previous {target} while replacing it: {detail}; {outcome}",
    ),
    "export-left-as-it-was": QT_TRANSLATE_NOOP(
        "ExportProblem", "the previous export in {folder} was left as it was"
    ),
    "export-not-put-back": QT_TRANSLATE_NOOP(
        "ExportProblem",
        "{count} file(s) could not be put back, so the export in {folder} is incomplete:"
        " run it again",
    ),
    "export-cannot-create-folder": QT_TRANSLATE_NOOP(
        "ExportProblem", "cannot create the export folder {folder}: {detail}"
    ),
    "export-not-a-folder": QT_TRANSLATE_NOOP(
        "ExportProblem", "the export folder {folder} is not a folder"
    ),
    "export-cannot-render": QT_TRANSLATE_NOOP(
        "ExportProblem", "cannot write {name} (article {article}): {reason}"
    ),
    "export-an-article": QT_TRANSLATE_NOOP("ExportProblem", "an article"),
    "export-article": QT_TRANSLATE_NOOP("ExportProblem", "article {article}"),
    "export-no-slug": QT_TRANSLATE_NOOP(
        "ExportProblem",
        "{label} (“{headline}”) has no web address yet: save it first so its page gets a"
        " stable name",
    ),
    "export-unsafe-slug": QT_TRANSLATE_NOOP(
        "ExportProblem", "{label} has an unsafe web address “{slug}”"
    ),
    "export-slug-shared": QT_TRANSLATE_NOOP(
        "ExportProblem", "{label} and another article both have the web address “{slug}”"
    ),
    "export-article-twice": QT_TRANSLATE_NOOP(
        "ExportProblem", "article {article} is in the export twice"
    ),
    "export-image-name-taken": QT_TRANSLATE_NOOP(
        "ExportProblem",
        "image “{name}” of article {article}: the name is taken by a file of the export itself",
    ),
    "export-image-unsafe-name": QT_TRANSLATE_NOOP(
        "ExportProblem",
        "image “{name}” of article {article}: not a safe file name (no folders, no leading"
        ' dot, no control characters or any of / \\ : * ? " < > |)',
    ),
    "export-image-kind": QT_TRANSLATE_NOOP(
        "ExportProblem",
        "image “{name}” of article {article}: only {extensions} files are exported as images",
    ),
    "export-image-media-type": QT_TRANSLATE_NOOP(
        "ExportProblem",
        "image “{name}” of article {article}: media type “{media_type}” is not an exported picture",
    ),
    "export-image-name-clash": QT_TRANSLATE_NOOP(
        "ExportProblem",
        "image “{name}” of article {article}: another article of this export has a different"
        " image under the same name",
    ),
    "export-image-unreadable": QT_TRANSLATE_NOOP(
        "ExportProblem", "image “{name}” of article {article}: {reason}"
    ),
    "export-image-damaged": QT_TRANSLATE_NOOP(
        "ExportProblem",
        "image “{name}” of article {article}: its stored bytes do not match its SHA-256;"
        " the image is damaged",
    ),
}
