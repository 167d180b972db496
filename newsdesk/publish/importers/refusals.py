"""Why a file cannot be imported, each reason named (a `Said`), in one place.

The import preview shows these in the interface's language (the app translates them
by name, gui/i18n/said_text.py); the CLI prints the English, one line per file. Like
notes.py for the notes: the readers raise `InvalidInputError(refusals.x(...))` rather
than writing sentences.
"""

from __future__ import annotations

from newsdesk.domain.said import Said


def named(file: str, reason: str) -> Said:
    """`reason` (a Said, or text) said of the file `file`: "story.txt: …"."""
    return Said("file-refused", f"{file}: {reason}", file=file, reason=reason)


# -- the file itself ------------------------------------------------------------------


def no_such_file() -> Said:
    return Said("no-such-file", "no such file")


def not_a_file() -> Said:
    return Said("not-a-file", "not a file")


def a_folder() -> Said:
    return Said("a-folder", "a folder, not an article file")


def cannot_be_read(detail: str) -> Said:
    return Said("cannot-be-read", f"cannot be read ({detail})", detail=detail)


def too_large(megabytes: float, limit: int) -> Said:
    return Said(
        "file-too-large",
        f"the file is {megabytes:.1f} MB, larger than the {limit} MB import limit for one article",
        size=f"{megabytes:.1f}",
        limit=limit,
    )


def empty() -> Said:
    return Said("file-empty", "the file is empty")


def binary(what: str) -> Said:
    """NUL bytes (before decoding) or NUL characters (after)."""
    if what == "bytes":
        return Said("file-binary", "the file is binary (it contains NUL bytes), not text")
    return Said("file-binary-characters", "the file is binary (it contains NUL characters)")


def unknown_encoding(encoding: str) -> Said:
    return Said("unknown-encoding", f"unknown encoding {encoding!r}", encoding=encoding)


def not_in_encoding(encoding: str, byte: int, offset: int) -> Said:
    return Said(
        "not-in-encoding",
        f"not valid {encoding} (byte {byte:#04x} at offset {offset})",
        encoding=encoding,
        byte=f"{byte:#04x}",
        offset=offset,
    )


def not_utf8(byte: int, offset: int) -> Said:
    return Said(
        "not-utf8",
        f"not valid UTF-8 (byte {byte:#04x} at offset {offset}); if it is in another"
        " encoding, say which with --encoding",
        byte=f"{byte:#04x}",
        offset=offset,
    )


def unknown_layout(breadcrumb_label: str) -> Said:
    return Said(
        "unknown-layout",
        f"not in a known layout (expected a site text page starting with"
        f" {breadcrumb_label!r} or a bare article (title, then a dated line), Markdown"
        " with a metadata header or front matter or a '# ' heading, ninjs JSON, or a Word"
        " .docx document)",
        label=breadcrumb_label,
    )


def not_json(line: int, column: int, detail: str) -> Said:
    return Said(
        "not-json",
        f"not valid JSON (line {line}, column {column}: {detail})",
        line=line,
        column=column,
        detail=detail,
    )


# -- text pages ------------------------------------------------------------------------


def cut_off(first_label: str, second_label: str, last_line: str) -> Said:
    return Said(
        "page-cut-off",
        f"the page does not end with the site footer (the {first_label!r} and"
        f" {second_label!r} lines): the file looks cut off after {last_line!r}",
        first=first_label,
        second=second_label,
        last=last_line,
    )


def text_page_empty() -> Said:
    return Said("text-page-empty", "not a text page: the text is empty")


def no_title_after_breadcrumb() -> Said:
    return Said("no-title-after-breadcrumb", "not a text page: no title line after the breadcrumb")


def no_breadcrumb(label: str, first_line: str) -> Said:
    return Said(
        "no-breadcrumb",
        f"not a text page: no breadcrumb line starting with {label!r}"
        f" (the first line is {first_line!r})",
        label=label,
        first=first_line,
    )


def title_without_headline(title: str) -> Said:
    return Said("title-without-headline", f"the title line {title!r} has no headline", title=title)


def no_date_line(source_label: str) -> Said:
    return Said(
        "no-date-line",
        f"not a text page: no date and {source_label!r} line after the title",
        label=source_label,
    )


def bad_date_line(line: int, source_label: str, found: str) -> Said:
    return Said(
        "bad-date-line",
        f"not a text page: line {line} should be 'YYYY-MM-DD {source_label}…'"
        f" (the date and the source), found {found!r}",
        line=line,
        label=source_label,
        found=found,
    )


def invalid_date(line: int, date: str) -> Said:
    return Said("invalid-date", f"line {line}: {date!r} is not a valid date", line=line, date=date)


def invalid_time(line: int, time: str) -> Said:
    return Said("invalid-time", f"line {line}: {time!r} is not a valid time", line=line, time=time)


# -- Markdown, front matter, ninjs, Word ----------------------------------------------


def no_headline_in_markdown() -> Said:
    return Said(
        "no-headline-in-markdown",
        "the metadata header has no 'Title:' line (or 'title' key), and the body no"
        " level-1 heading to take the headline from",
    )


def front_matter_not_closed(kind: str, fence: str) -> Said:
    return Said(
        "front-matter-not-closed",
        f"the {kind.upper()} front matter opened by {fence!r} on line 1 is never closed",
        kind=kind.upper(),
        fence=fence,
    )


def front_matter_invalid(kind: str, where: str, detail: str) -> Said:
    """Not valid YAML or TOML; `where` is " (line N)" or ""; `detail` the parser's."""
    return Said(
        "front-matter-invalid",
        f"the {kind.upper()} front matter is not valid {kind.upper()}{where}: {detail}",
        kind=kind.upper(),
        where=where,
        detail=detail,
    )


def front_matter_not_a_mapping(kind: str) -> Said:
    return Said(
        "front-matter-not-a-mapping",
        f"the {kind.upper()} front matter is not a set of keys and values",
        kind=kind.upper(),
    )


def not_ninjs() -> Said:
    return Said("not-ninjs", "the JSON is not a ninjs object")


def ninjs_without_headline() -> Said:
    return Said(
        "ninjs-without-headline",
        "the ninjs object has no headline (headlines[].value, or headline)",
    )


def unreadable_word(detail: str) -> Said:
    """A Word document mammoth cannot read; `detail` is mammoth's own English."""
    return Said("unreadable-word", f"not a readable Word document ({detail})", detail=detail)


def word_zip_damaged() -> Said:
    return Said("word-zip-damaged", "not a readable Word document (the zip is damaged)")


def word_without_document_part() -> Said:
    return Said("word-without-document-part", "not a readable Word document (no document part)")


def word_without_text() -> Said:
    return Said("word-without-text", "the Word document has no text to take a headline from")
