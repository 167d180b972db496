"""The export folder's manifest: what the last export wrote (per article its revision,
a hash per format of what its file shows, and its files), the fingerprints that say
when a format must be written again (site settings, vocabulary, library versions,
templates), and the redirects from the former addresses of published articles."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import BinaryIO, NamedTuple

from newsdesk.domain.article import Article
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.formats.page_html import PageTemplates, is_approved

logger = logging.getLogger(__name__)

# Bump when the exporter's own output changes, so every file is written again.
EXPORT_VERSION = "1"
MANIFEST_NAME = "manifest.json"


def article_hash(article: Article, fmt: str) -> str:
    """SHA-256 of what the article's file in format `fmt` shows.

    Only what the file prints counts: a workflow action that changes nothing a format
    shows (publishing an approved article changes neither its page nor its text page)
    leaves that format's hash, and so the folder, as it was."""
    payload = json.dumps(
        shown_fields(article, fmt), default=_json_default, sort_keys=True, ensure_ascii=False
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def shown_fields(article: Article, fmt: str) -> dict:
    """The article's data a file in format `fmt` is made from (see each format)."""
    shown = {"content": article.content(), "slug": article.slug}
    if fmt == "html":
        # The page's modified time is its last content change; `approved` marks a page
        # shown before approval (page_html.is_approved).
        shown["modified"] = article.content_updated_at or article.updated_at
        shown["approved"] = is_approved(article)
    elif fmt == "markdown":
        shown["status"] = article.status  # Pelican's Status and Newsdesk-Status
    elif fmt != "text":
        # ninjs carries every field but the time of the last workflow action.
        everything = dataclasses.asdict(article)
        del everything["updated_at"]
        shown["all"] = everything
    return shown


def _json_default(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot hash {type(value).__name__}")


def format_fingerprints(
    formats: tuple[str, ...],
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    templates: PageTemplates,
    fragment: bool,
) -> dict[str, str]:
    common = {
        "export": EXPORT_VERSION,
        "site": site.to_dict(),
        "vocabulary": [[r.key, r.en, r.zh] for r in vocabulary.roles],
        "libraries": {name: _version(name) for name in ("markdown", "nh3", "jinja2")},
    }
    result = {}
    for fmt in formats:
        data = dict(common, format=fmt)
        if fmt == "html":
            data.update(templates=templates.fingerprint, fragment=fragment)
        encoded = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
        result[fmt] = hashlib.sha256(encoded).hexdigest()
    return result


def _version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "unknown"


def read_manifest(out: Path) -> dict:
    path = out / MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        logger.warning("ignoring unreadable %s (%s): every file is written again", path, error)
        return {}
    return data if isinstance(data, dict) else {}


def redirect_entries(redirects: dict[int, list[str]], slugs: dict[int, str]) -> list[dict]:
    """Manifest entries for the former addresses of the exported articles: each page
    the site carried under an old slug, and the page it moved to (`slugs`: article id
    -> current slug). Sorted, so the manifest is the same for the same data."""
    entries = []
    for article_id, former in redirects.items():
        current = slugs.get(article_id)
        if current is None:
            continue  # not in this export
        for old in former:
            if old != current:
                entries.append({"id": article_id, "from": f"{old}.html", "to": f"{current}.html"})
    return sorted(entries, key=lambda e: (e["from"], e["id"]))


def _line(value: object) -> bytes:
    # The C encoder (no indent): one article a line, the same bytes for the same data.
    return json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")


class ManifestWriter:
    """Writes the manifest as the export goes, one article entry a line, so an export
    never holds every entry: `add` each entry in export order, then `finish`.

    The layout (valid JSON, keys sorted): `{"articles": [` one entry a line `],
    "redirects": [...]` (only when there are any) `, "site": {...}}`."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._count = 0
        stream.write(b'{\n"articles": [')

    def add(self, entry: dict) -> None:
        self._stream.write(b"\n" if self._count == 0 else b",\n")
        self._stream.write(_line(entry))
        self._count += 1

    def add_line(self, line: bytes) -> None:
        """An entry already encoded as `_line` encodes it: an unchanged article's line
        of the last manifest, written again as it was."""
        self._stream.write(b"\n" if self._count == 0 else b",\n")
        self._stream.write(line)
        self._count += 1

    def finish(self, redirects: Iterable[dict], site: dict) -> None:
        write = self._stream.write
        write(b"\n],\n" if self._count else b"],\n")
        moved = list(redirects)
        if moved:
            write(b'"redirects": [\n' + b",\n".join(_line(m) for m in moved) + b"\n],\n")
        write(b'"site": ' + _line(site) + b"\n}\n")


# The keys of an entry the export writes for an article it did not read (see bundle).
_ENTRY_KEYS = frozenset({"id", "slug", "revision", "hashes", "files", "stamp"})


class PreviousEntry(NamedTuple):
    """One article of the folder's last manifest, kept compactly (an export of 100,000
    articles holds 100,000 of them): its line's bytes, parsed again only for an article
    that changed; its stamp (hex text); the formats whose file it recorded under the
    usual name with a hash (None: none usable); whether the export would write this
    very line again for an unchanged article with those formats (`as_is`); and the
    revision it recorded."""

    line: bytes
    stamp: str | None
    formats: frozenset[str] | None
    as_is: bool
    revision: int | None

    def parsed(self) -> dict:
        entry = json.loads(self.line)
        return entry if isinstance(entry, dict) else {}


@dataclass
class PreviousExport:
    """What the folder's last manifest says: its article entries by `entry_key`, the
    format fingerprints, and the index page's record (`index`: {} when none)."""

    entries: dict[int | str, PreviousEntry]
    fingerprints: dict
    index: dict

    def get(self, article_id: int | None, slug: str) -> PreviousEntry | None:
        return self.entries.get(entry_key(article_id, slug))

    def entry(self, article_id: int | None, slug: str) -> dict:
        """The article's entry parsed ({} when it has none)."""
        found = self.get(article_id, slug)
        return found.parsed() if found is not None else {}


def read_previous(
    out: Path, file_names: Mapping[str, str], formats: Iterable[str] = ()
) -> PreviousExport:
    """The folder's last manifest (`file_names`: per format, the file name pattern the
    export uses, `{slug}`). A manifest in the one-article-a-line layout is read a line
    at a time, so its text and its whole parse are never held; any other (an older
    layout) is read whole. A line exactly as ManifestWriter writes an article exported
    in `formats` is taken apart by one pattern, not parsed. Unreadable: nothing, and a
    warning."""
    path = out / MANIFEST_NAME
    reader = _EntryReader(file_names)
    formats = frozenset(formats)
    try:
        streamed = _read_by_line(path, reader, formats)
    except FileNotFoundError:
        return PreviousExport({}, {}, {})
    except (OSError, UnicodeDecodeError) as error:
        logger.warning("ignoring unreadable %s (%s): every file is written again", path, error)
        return PreviousExport({}, {}, {})
    if streamed is not None:
        return streamed
    data = read_manifest(out)
    entries = {}
    for e in data.get("articles", []):
        if isinstance(e, dict):
            entries[entry_key(e.get("id"), e.get("slug"))] = reader.compact(e, _line(e))
    return PreviousExport(entries, *_site_records(data.get("site")))


def entry_key(article_id: object, slug: object) -> int | str:
    return article_id if isinstance(article_id, int) else f"slug:{slug}"


def _site_records(site: object) -> tuple[dict, dict]:
    if not isinstance(site, dict):
        return {}, {}
    fingerprints, index = site.get("fingerprints", {}), site.get("index", {})
    return (
        fingerprints if isinstance(fingerprints, dict) else {},
        index if isinstance(index, dict) else {},
    )


class _EntryReader:
    def __init__(self, file_names: Mapping[str, str]) -> None:
        self._names = dict(file_names)
        # One frozenset per kind of entry, by the set or by its formats in file order.
        self._formats: dict[frozenset[str] | tuple[str, ...], frozenset[str]] = {}

    def compact(self, entry: dict, line: bytes) -> PreviousEntry:
        hashes, files, slug = entry.get("hashes"), entry.get("files"), entry.get("slug")
        formats = None
        if isinstance(hashes, dict) and isinstance(files, dict) and isinstance(slug, str):
            formats = self._usual(hashes, files, slug)
            if formats is None:
                usable = frozenset(
                    fmt
                    for fmt, digest in hashes.items()
                    if isinstance(digest, str)
                    and fmt in self._names
                    and files.get(fmt) == self._names[fmt].format(slug=slug)
                )
                formats = self._formats.setdefault(usable, usable)
        as_is = (
            formats is not None
            and entry.keys() == _ENTRY_KEYS
            and len(formats) == len(hashes) == len(files)
        )
        stamp = entry.get("stamp")
        revision = entry.get("revision")
        return PreviousEntry(
            line,
            stamp if isinstance(stamp, str) else None,
            formats,
            as_is,
            revision if isinstance(revision, int) else None,
        )

    def usual_line(self, formats: Iterable[str]) -> re.Pattern[bytes]:
        """A pattern matching exactly the line ManifestWriter writes for an article
        exported in `formats` under their usual names (keys sorted, the default
        separators): most lines of a manifest, read without parsing them as JSON."""
        files, hashes = [], []
        for n, fmt in enumerate(sorted(formats)):
            name = re.escape(self._names[fmt].encode()).split(re.escape(b"{slug}"))
            slug = rb"(?P<slug>[a-z0-9._-]+)" if n == 0 else rb"(?P=slug)"
            key = json.dumps(fmt).encode()
            files.append(key + rb': "' + name[0] + slug + name[1] + rb'"')
            hashes.append(key + rb': "[0-9a-f]{64}"')
        return re.compile(
            rb'\{"files": \{'
            + b", ".join(files)
            + rb'\}, "hashes": \{'
            + b", ".join(hashes)
            + rb'\}, "id": (?P<id>[0-9]+), "revision": (?P<revision>[0-9]+|null),'
            rb' "slug": "(?P=slug)", "stamp": "(?P<stamp>[0-9a-f]*)"\}'
        )

    def _usual(self, hashes: dict, files: dict, slug: str) -> frozenset[str] | None:
        """The entry's formats when they are the usual case (each known format with its
        hash and its usual file name), found without building a set: None otherwise."""
        kinds = tuple(files)
        if tuple(hashes) != kinds:
            return None
        formats = self._formats.get(kinds)
        if formats is None:
            if not all(fmt in self._names for fmt in kinds):
                return None
            formats = self._formats[kinds] = frozenset(kinds)
        for fmt, name in files.items():
            if name != self._names[fmt].format(slug=slug) or not isinstance(hashes[fmt], str):
                return None
        return formats


def _read_by_line(
    path: Path, reader: _EntryReader, formats: frozenset[str]
) -> PreviousExport | None:
    """The ManifestWriter layout read line by line; None when the file is not in it
    (then it is read whole, which also reports it when it is no JSON at all)."""
    entries: dict[int | str, PreviousEntry] = {}
    site = None
    pending: list[bytes] = []
    usual = reader.usual_line(formats).fullmatch if formats else None
    new_entry = tuple.__new__

    def take() -> None:
        # One parse per thousand lines, as a JSON array: a third of a parse per line.
        for raw, entry in zip(pending, json.loads(b"[" + b",".join(pending) + b"]"), strict=True):
            if isinstance(entry, dict):
                entries[entry_key(entry.get("id"), entry.get("slug"))] = reader.compact(entry, raw)
        pending.clear()

    with path.open("rb") as lines:
        if next(lines, None) != b"{\n":
            return None
        opening = next(lines, None)
        if opening not in (b'"articles": [\n', b'"articles": [],\n'):
            return None
        section = "articles" if opening == b'"articles": [\n' else ""
        try:
            for line in lines:
                if line == b"],\n":
                    section = ""
                    take()
                elif section == "articles":
                    raw = line.rstrip().removesuffix(b",")
                    found = usual(raw) if usual is not None else None
                    if found is None:
                        pending.append(raw)
                        if len(pending) == 1000:
                            take()
                        continue
                    if pending:
                        take()  # in the file's order: a later line of the same id wins
                    id_, revision, stamp = found.group("id", "revision", "stamp")
                    # tuple.__new__: the named tuple's own __new__ is a Python call.
                    entries[int(id_)] = new_entry(
                        PreviousEntry,
                        (
                            raw,
                            stamp.decode(),
                            formats,
                            True,
                            None if revision == b"null" else int(revision),
                        ),
                    )
                elif section == "redirects":
                    continue  # the redirects are worked out again by every export
                elif line == b'"redirects": [\n':
                    section = "redirects"
                elif line.startswith(b'"site": '):
                    site = json.loads(line.removeprefix(b'"site": '))
                elif line != b"}\n":
                    return None
        except ValueError:
            return None
    if not isinstance(site, dict):
        return None  # cut short (no site line): read whole, which says why
    return PreviousExport(entries, *_site_records(site))
