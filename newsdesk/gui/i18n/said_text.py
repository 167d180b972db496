"""What the core says by name (a `Said`), in the interface's language.

The core writes English sentences that carry a stable name and their values
(domain/said.py): an importer's notes and its reasons for leaving something out
(publish/importers/notes.py), why a web address cannot be used (publish/slugs.py and
newsroom/addresses.py), and what went wrong with the database or the newsroom server
(storage/). Here each name has its sentence with the values as {placeholders}, marked
for Qt Linguist; a name the app does not know yet (a newer core) is said in the core's
English, so nothing is ever lost for want of a translation. In English the core's own
sentence is shown, as the CLI prints it.

Values that are themselves a `Said` (the reason inside a read-only error) are said in
the interface's language too. SQLite's and the server's own words (`detail`) are not
shown in translation: they are English, and the log and the CLI keep them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from newsdesk.domain.said import Said, said_of
from newsdesk.gui.i18n.export_problems import EXPORT_PROBLEMS
from newsdesk.gui.i18n.language import speaks_english

log = logging.getLogger(__name__)

# Notes in the import preview: what was decided on the way.
IMPORT_NOTES = {
    "default-section-bare-article": QT_TRANSLATE_NOOP(
        "ImportNote",
        "no breadcrumb line: a bare article; the section is the site's default ({section})",
    ),
    "default-section-markdown": QT_TRANSLATE_NOOP(
        "ImportNote", "no category in the metadata: the section is the site's default ({section})"
    ),
    "default-section-ninjs": QT_TRANSLATE_NOOP(
        "ImportNote", "ninjs has no section: the section is the site's default ({section})"
    ),
    "default-section-word": QT_TRANSLATE_NOOP(
        "ImportNote",
        "a Word document has no section: the section is the site's default ({section})",
    ),
    "time-on-date-line-not-kept": QT_TRANSLATE_NOOP(
        "ImportNote", "the time {time} on the date line is not kept (an article has a date only)"
    ),
    "time-of-date-not-kept": QT_TRANSLATE_NOOP(
        "ImportNote", "the time {time} of the date is not kept"
    ),
    "no-site-footer": QT_TRANSLATE_NOOP("ImportNote", "the page has no site footer"),
    "headline-from-heading": QT_TRANSLATE_NOOP(
        "ImportNote", "no title in the metadata: the headline is the body's first heading"
    ),
    "date-from-file-name": QT_TRANSLATE_NOOP(
        "ImportNote", "the date {date} is taken from the file name"
    ),
    "pelican-status-hidden": QT_TRANSLATE_NOOP(
        "ImportNote", "Pelican status 'hidden' (published, not listed) is imported as published"
    ),
    "pelican-status-skip": QT_TRANSLATE_NOOP(
        "ImportNote", "Pelican status 'skip' (not rendered) is imported as a draft"
    ),
    "unknown-status": QT_TRANSLATE_NOOP(
        "ImportNote", "status “{status}” is not one we know: imported as a draft"
    ),
    "slug-lower-cased": QT_TRANSLATE_NOOP(
        "ImportNote", "the slug “{slug}” is lower-cased to “{lowered}”"
    ),
    "headline-of-role": QT_TRANSLATE_NOOP(
        "ImportNote", "no main headline: the headline is the “{role}” one"
    ),
    "date-from-field": QT_TRANSLATE_NOOP(
        "ImportNote", "the date is {field} (its time of day is not kept)"
    ),
    "source-is-copyright-holder": QT_TRANSLATE_NOOP(
        "ImportNote", "the source is the copyright holder"
    ),
    "word-says": QT_TRANSLATE_NOOP("ImportNote", "Word: {message}"),
    "tracked-changes": QT_TRANSLATE_NOOP(
        "ImportNote",
        "the document has tracked changes ({insertions} insertion(s), {deletions} deletion(s))"
        " that were never accepted or rejected: the text is imported as if all were accepted;"
        " check it against the document",
    ),
    "comments-not-imported": QT_TRANSLATE_NOOP(
        "ImportNote",
        "the document has {count} comment(s): comments are not imported; read them in the document",
    ),
    # Why something was left out.
    "after-the-credits": QT_TRANSLATE_NOOP(
        "ImportNote", "after the credits: neither credits nor body"
    ),
    "link-text-kept": QT_TRANSLATE_NOOP("ImportNote", "not a web address: its text is kept"),
    "link-not-a-web-address": QT_TRANSLATE_NOOP(
        "ImportNote", "not a web address: the page keeps the link's text, not the link"
    ),
    "image-without-source": QT_TRANSLATE_NOOP(
        "ImportNote", "no usable source: the checklist names it and the page leaves it out"
    ),
    "image-not-on-the-web": QT_TRANSLATE_NOOP("ImportNote", "not a web address the page can show"),
    "not-a-picture": QT_TRANSLATE_NOOP("ImportNote", "not a picture"),
    "no-rendition": QT_TRANSLATE_NOOP("ImportNote", "no rendition with a web address"),
    "no-article-field": QT_TRANSLATE_NOOP("ImportNote", "no article field for it"),
    "should-be-text": QT_TRANSLATE_NOOP("ImportNote", "{field} should be text"),
    "should-be-a-list": QT_TRANSLATE_NOOP("ImportNote", "{field} should be a list"),
    "not-a-date-time": QT_TRANSLATE_NOOP("ImportNote", "not a date-time"),
    "unreadable-date": QT_TRANSLATE_NOOP(
        "ImportNote", "not a date python-dateutil can read; no date is set"
    ),
    "unsafe-slug": QT_TRANSLATE_NOOP(
        "ImportNote", "not safe as a file name; a slug is made from the headline"
    ),
    "unusable-slugline": QT_TRANSLATE_NOOP("ImportNote", "not usable as a slug"),
}

# What an import left out, as ImportReport.leave_out names it (its `what`).
LEFT_OUT_KINDS = {
    "link": QT_TRANSLATE_NOOP("ImportNote", "link"),
    "image": QT_TRANSLATE_NOOP("ImportNote", "image"),
    "picture": QT_TRANSLATE_NOOP("ImportNote", "picture"),
    "chrome": QT_TRANSLATE_NOOP("ImportNote", "page chrome"),
    "page chrome": QT_TRANSLATE_NOOP("ImportNote", "page chrome"),
    "metadata": QT_TRANSLATE_NOOP("ImportNote", "metadata"),
    "date": QT_TRANSLATE_NOOP("ImportNote", "date"),
    "slug": QT_TRANSLATE_NOOP("ImportNote", "slug"),
    "slugline": QT_TRANSLATE_NOOP("ImportNote", "slugline"),
    "ninjs field": QT_TRANSLATE_NOOP("ImportNote", "ninjs field"),
}

# Why a file cannot be imported (publish/importers/refusals.py).
IMPORT_REFUSALS = {
    "file-refused": QT_TRANSLATE_NOOP("ImportRefusal", "{file}: {reason}"),
    "no-such-file": QT_TRANSLATE_NOOP("ImportRefusal", "no such file"),
    "not-a-file": QT_TRANSLATE_NOOP("ImportRefusal", "not a file"),
    "a-folder": QT_TRANSLATE_NOOP("ImportRefusal", "a folder, not an article file"),
    "cannot-be-read": QT_TRANSLATE_NOOP("ImportRefusal", "cannot be read ({detail})"),
    "file-too-large": QT_TRANSLATE_NOOP(
        "ImportRefusal",
        "the file is {size} MB, larger than the {limit} MB import limit for one article",
    ),
    "file-empty": QT_TRANSLATE_NOOP("ImportRefusal", "the file is empty"),
    "file-binary": QT_TRANSLATE_NOOP(
        "ImportRefusal", "the file is binary (it contains NUL bytes), not text"
    ),
    "file-binary-characters": QT_TRANSLATE_NOOP(
        "ImportRefusal", "the file is binary (it contains NUL characters)"
    ),
    "unknown-encoding": QT_TRANSLATE_NOOP("ImportRefusal", "unknown encoding “{encoding}”"),
    "not-in-encoding": QT_TRANSLATE_NOOP(
        "ImportRefusal", "not valid {encoding} (byte {byte} at offset {offset})"
    ),
    "not-utf8": QT_TRANSLATE_NOOP(
        "ImportRefusal",
        # The app offers no choice of encoding (the CLI's --encoding does).
        "not valid UTF-8 (byte {byte} at offset {offset}); if it is in another encoding,"
        " save it as UTF-8 first",
    ),
    "unknown-layout": QT_TRANSLATE_NOOP(
        "ImportRefusal",
        "not in a known layout (expected a site text page starting with “{label}” or a bare"
        " article (title, then a dated line), Markdown with a metadata header or front matter"
        " or a '# ' heading, ninjs JSON, or a Word .docx document)",
    ),
    "not-json": QT_TRANSLATE_NOOP("ImportRefusal", "not valid JSON (line {line}, column {column})"),
    "page-cut-off": QT_TRANSLATE_NOOP(
        "ImportRefusal",
        "the page does not end with the site footer (the “{first}” and “{second}” lines):"
        " the file looks cut off after “{last}”",
    ),
    "text-page-empty": QT_TRANSLATE_NOOP("ImportRefusal", "not a text page: the text is empty"),
    "no-title-after-breadcrumb": QT_TRANSLATE_NOOP(
        "ImportRefusal", "not a text page: no title line after the breadcrumb"
    ),
    "no-breadcrumb": QT_TRANSLATE_NOOP(
        "ImportRefusal",
        "not a text page: no breadcrumb line starting with “{label}” (the first line is “{first}”)",
    ),
    "title-without-headline": QT_TRANSLATE_NOOP(
        "ImportRefusal", "the title line “{title}” has no headline"
    ),
    "no-date-line": QT_TRANSLATE_NOOP(
        "ImportRefusal", "not a text page: no date and “{label}” line after the title"
    ),
    "bad-date-line": QT_TRANSLATE_NOOP(
        "ImportRefusal",
        "not a text page: line {line} should be 'YYYY-MM-DD {label}…' (the date and the"
        " source), found “{found}”",
    ),
    "invalid-date": QT_TRANSLATE_NOOP("ImportRefusal", "line {line}: “{date}” is not a valid date"),
    "invalid-time": QT_TRANSLATE_NOOP("ImportRefusal", "line {line}: “{time}” is not a valid time"),
    "no-headline-in-markdown": QT_TRANSLATE_NOOP(
        "ImportRefusal",
        "the metadata header has no 'Title:' line (or 'title' key), and the body no level-1"
        " heading to take the headline from",
    ),
    "front-matter-not-closed": QT_TRANSLATE_NOOP(
        "ImportRefusal", "the {kind} front matter opened by “{fence}” on line 1 is never closed"
    ),
    "front-matter-invalid": QT_TRANSLATE_NOOP(
        "ImportRefusal", "the {kind} front matter is not valid {kind}{where}"
    ),
    "front-matter-not-a-mapping": QT_TRANSLATE_NOOP(
        "ImportRefusal", "the {kind} front matter is not a set of keys and values"
    ),
    "not-ninjs": QT_TRANSLATE_NOOP("ImportRefusal", "the JSON is not a ninjs object"),
    "ninjs-without-headline": QT_TRANSLATE_NOOP(
        "ImportRefusal", "the ninjs object has no headline (headlines[].value, or headline)"
    ),
    "unreadable-word": QT_TRANSLATE_NOOP("ImportRefusal", "not a readable Word document"),
    "word-zip-damaged": QT_TRANSLATE_NOOP(
        "ImportRefusal", "not a readable Word document (the zip is damaged)"
    ),
    "word-without-document-part": QT_TRANSLATE_NOOP(
        "ImportRefusal", "not a readable Word document (no document part)"
    ),
    "word-without-text": QT_TRANSLATE_NOOP(
        "ImportRefusal", "the Word document has no text to take a headline from"
    ),
}

# Why a web address cannot be used.
ADDRESS_PROBLEMS = {
    "address-required": QT_TRANSLATE_NOOP("AddressProblem", "An address is required."),
    "address-too-long": QT_TRANSLATE_NOOP(
        "AddressProblem", "The address has {length} characters; at most {limit}."
    ),
    "address-reserved": QT_TRANSLATE_NOOP(
        "AddressProblem", "{slug} is reserved for the site's own pages."
    ),
    "address-characters": QT_TRANSLATE_NOOP(
        "AddressProblem",
        "Use lowercase letters a-z, digits and single hyphens (e.g. harbour-reopens), with no"
        " hyphen at either end.",
    ),
    "not-an-address": QT_TRANSLATE_NOOP(
        "AddressProblem", "“{slug}” cannot be an address: {problem}"
    ),
    "address-in-use": QT_TRANSLATE_NOOP("AddressProblem", "the address “{slug}” is already in use"),
}

# What went wrong with the database (SQLite) or the newsroom server (PostgreSQL).
STORAGE_PROBLEMS = {
    "database-damaged": QT_TRANSLATE_NOOP(
        "StorageProblem", "the database {path} is damaged or not a newsdesk database"
    ),
    "database-damaged-not-written": QT_TRANSLATE_NOOP(
        "StorageProblem",
        "the database {path} is damaged or not a newsdesk database; newsdesk will not write"
        " to it; {advice}",
    ),
    "no-backup-found": QT_TRANSLATE_NOOP("StorageProblem", "no backup of it was found in {folder}"),
    "restore-newest-backup": QT_TRANSLATE_NOOP(
        "StorageProblem",
        "the newest backup is {backup}: restore it with `newsdesk restore {backup}`",
    ),
    "database-read-only-because": QT_TRANSLATE_NOOP(
        "StorageProblem", "cannot write to {path}: the database is read-only, {reason}"
    ),
    "read-only-file-system": QT_TRANSLATE_NOOP(
        "StorageProblem", "it is on a read-only file system"
    ),
    "read-only-file": QT_TRANSLATE_NOOP("StorageProblem", "{file} is read-only"),
    "read-only-folder": QT_TRANSLATE_NOOP("StorageProblem", "its folder is read-only"),
    "database-read-only": QT_TRANSLATE_NOOP(
        "StorageProblem", "cannot write to {path}: the database is read-only"
    ),
    "disk-full": QT_TRANSLATE_NOOP("StorageProblem", "cannot write to {path}: the disk is full"),
    "disk-failing": QT_TRANSLATE_NOOP(
        "StorageProblem", "cannot read or write {path}: the disk is failing or was removed"
    ),
    "database-locked": QT_TRANSLATE_NOOP(
        "StorageProblem", "the database {path} stayed locked by another program"
    ),
    "database-cannot-open": QT_TRANSLATE_NOOP("StorageProblem", "cannot open the database {path}"),
    "database-error": QT_TRANSLATE_NOOP("StorageProblem", "database error in {path}: {detail}"),
    "database-is-a-folder": QT_TRANSLATE_NOOP(
        "StorageProblem", "{path} is a folder, not a database file"
    ),
    "cannot-create-folder": QT_TRANSLATE_NOOP(
        "StorageProblem", "cannot create the folder for {path}"
    ),
    "backup-without-database": QT_TRANSLATE_NOOP(
        "StorageProblem", "there is no database at {path} to back up"
    ),
    "backup-onto-itself": QT_TRANSLATE_NOOP(
        "StorageProblem", "refusing to back up {path} onto itself"
    ),
    "backup-of-damaged-database": QT_TRANSLATE_NOOP(
        "StorageProblem",
        "the database {path} is damaged; a backup of it would be damaged too, so none was"
        " made; {advice}",
    ),
    "backup-not-written": QT_TRANSLATE_NOOP("StorageProblem", "cannot write the backup {backup}"),
    "backup-copy-failed": QT_TRANSLATE_NOOP("StorageProblem", "cannot copy {source} to {target}"),
    "cannot-create-backup-folder": QT_TRANSLATE_NOOP(
        "StorageProblem", "cannot create the backup folder {folder}"
    ),
    "cannot-create-a-folder": QT_TRANSLATE_NOOP(
        "StorageProblem", "cannot create the folder {folder}"
    ),
    "shared-memory-broken": QT_TRANSLATE_NOOP(
        "StorageProblem",
        "the database's shared-memory file {path} was changed by another program while"
        " newsdesk had it open: newsdesk stops using the database so that it neither crashes"
        " nor damages it; close newsdesk and start it again",
    ),
    "shared-memory-unusable": QT_TRANSLATE_NOOP(
        "StorageProblem",
        "the database {path} cannot be used: SQLite cannot map its shared-memory file. The"
        " folder is probably on a file system without shared memory maps (a network share,"
        " FUSE, virtiofs), or another program keeps changing that file: move the database to"
        " a local folder",
    ),
    "keyring-not-installed": QT_TRANSLATE_NOOP(
        "StorageProblem", "the keyring library is not installed"
    ),
    "no-keyring-running": QT_TRANSLATE_NOOP(
        "StorageProblem", "no system keyring is running on this computer"
    ),
    "password-not-kept": QT_TRANSLATE_NOOP("StorageProblem", "the password was not kept: {reason}"),
    "keyring-refused": QT_TRANSLATE_NOOP(
        "StorageProblem", "the system keyring refused the password"
    ),
    "password-file-unreadable": QT_TRANSLATE_NOOP("StorageProblem", "cannot read {path}"),
    "password-file-unwritable": QT_TRANSLATE_NOOP(
        "StorageProblem", "cannot write the password to {path}"
    ),
    # storage/not_found.py
    "article-not-found": QT_TRANSLATE_NOOP(
        "StorageProblem", "there is no article {article} (another desk may have deleted it)"
    ),
    "revision-not-found": QT_TRANSLATE_NOOP(
        "StorageProblem", "article {article} has no revision {revision}"
    ),
    "comment-not-found": QT_TRANSLATE_NOOP(
        "StorageProblem", "article {article} has no comment {comment}"
    ),
    "image-not-found": QT_TRANSLATE_NOOP("StorageProblem", "no image {image} in this database"),
    "person-not-found": QT_TRANSLATE_NOOP(
        "StorageProblem", "no person named “{person}” in this newsroom (File › People… adds one)"
    ),
    "schema-newer": QT_TRANSLATE_NOOP(
        "StorageProblem",
        "{path} was written by a newer newsdesk (schema {found}, this version knows {known});"
        " update newsdesk to open it",
    ),
    "server-not-set-up": QT_TRANSLATE_NOOP(
        "StorageProblem",
        "{path} is not set up as a newsroom yet: its owner runs `newsdesk --db URL server"
        " init` first",
    ),
    "server-schema-older": QT_TRANSLATE_NOOP(
        "StorageProblem",
        "the newsroom {path} has schema {found}, this newsdesk needs {needed}: its owner runs"
        " `newsdesk --db URL server init` to upgrade it",
    ),
    "server-no-connection-in-time": QT_TRANSLATE_NOOP(
        "StorageProblem",
        "the newsroom server is unreachable ({where}: no connection within {seconds} s)",
    ),
    "server-unreachable": QT_TRANSLATE_NOOP(
        "StorageProblem", "the newsroom server is unreachable ({where}); nothing was written"
    ),
    "server-refused-login": QT_TRANSLATE_NOOP(
        "StorageProblem", "the newsroom server refused the login at {where}"
    ),
    "server-no-such-newsroom": QT_TRANSLATE_NOOP(
        "StorageProblem", "{where}: no such newsroom (is the newsroom's name right?)"
    ),
    "server-too-busy": QT_TRANSLATE_NOOP(
        "StorageProblem",
        "the newsroom server was too busy to finish this; nothing was written, try again",
    ),
    "server-refused-duplicate": QT_TRANSLATE_NOOP(
        "StorageProblem", "the newsroom server refused a duplicate: {detail}"
    ),
    "server-error": QT_TRANSLATE_NOOP(
        "StorageProblem", "newsroom server error at {where}: {detail}"
    ),
}

_SENTENCES = {
    **{name: ("ImportNote", text) for name, text in IMPORT_NOTES.items()},
    **{name: ("ImportRefusal", text) for name, text in IMPORT_REFUSALS.items()},
    **{name: ("AddressProblem", text) for name, text in ADDRESS_PROBLEMS.items()},
    **{name: ("StorageProblem", text) for name, text in STORAGE_PROBLEMS.items()},
    **{name: ("ExportProblem", text) for name, text in EXPORT_PROBLEMS.items()},
}


def knows(name: str) -> bool:
    """Whether the app has its own sentence for what the core names `name`."""
    return name in _SENTENCES


def said_text(value: object) -> str:
    """`value` (a Said, or an exception raised with one) in the interface's language;
    anything else, or a name not known here, as the core's English."""
    said = said_of(value)
    if said is None:
        return str(value)
    if speaks_english() or said.name not in _SENTENCES:
        return str(said)
    context, template = _SENTENCES[said.name]
    shown = {
        key: said_text(item) if isinstance(item, Said) else item
        for key, item in said.params.items()
    }
    try:
        return QCoreApplication.translate(context, template).format(**shown)
    except (KeyError, IndexError, ValueError):
        # The core named it without a value this sentence needs: say it in English.
        log.info("%s lacks what its translation names: %s", said.name, dict(said.params))
        return str(said)


def left_out_kind(what: str) -> str:
    """What an import left out ("link", "page chrome"), in the interface's language."""
    if not speaks_english() and what in LEFT_OUT_KINDS:
        return QCoreApplication.translate("ImportNote", LEFT_OUT_KINDS[what])
    return what
