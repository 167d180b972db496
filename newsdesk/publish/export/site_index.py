"""The export's index page, streamed: its entries are spooled to a temporary file as
the export goes and the page is rendered from there piece by piece, so an export of
100,000 articles holds neither the entries nor the page. A digest of everything the
page shows (the entries, the site, the templates) is recorded in the manifest with the
SHA-256 of the page written: a re-export whose digest and page are the ones recorded
renders nothing."""

from __future__ import annotations

import hashlib
import json
import marshal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

from newsdesk.domain.site import SiteProfile
from newsdesk.publish.formats.page_html import PageTemplates, index_chunks, page_title

_FLUSH = 1 << 16


class SiteIndex:
    """Entries of the index page, in export order: `add` each, then `unchanged` or
    `write`. Close it (or use it as a context manager) to drop the spool."""

    def __init__(self, site: SiteProfile, templates: PageTemplates, folder: Path) -> None:
        self._site = site
        self._templates = templates
        # Spooled in the export's own folder (no file name; gone when closed): where the
        # export may write, whatever the system's temporary folder allows.
        self._spool = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 (closed by close())
        self._digest = hashlib.sha256()
        shown = {"site": site.to_dict(), "templates": templates.fingerprint}
        self._digest.update(json.dumps(shown, sort_keys=True).encode("utf-8"))

    def __enter__(self) -> SiteIndex:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._spool.close()

    def add(
        self, kicker: str, headline: str, date: str, href: str, others: tuple[tuple[str, str], ...]
    ) -> None:
        """One article's line: its title is made from `kicker` and `headline` only if
        the page is rendered (most re-exports do not render it)."""
        # marshal's version 2: exact and the same bytes for the same entry.
        data = marshal.dumps((kicker, headline, date, href, others), 2)
        self._digest.update(data)
        self._spool.write(data)

    @property
    def digest(self) -> str:
        """SHA-256 of what the page shows."""
        return self._digest.hexdigest()

    def unchanged(self, page: Path, record: dict) -> bool:
        """Whether `page` is the page of these entries already: the manifest's `record`
        of the index names this digest and the page's bytes are the ones written then
        (a page edited or removed by hand is written again)."""
        if record.get("entries") != self.digest or not isinstance(record.get("sha256"), str):
            return False
        return _file_sha256(page) == record["sha256"]

    def write(self, stream: BinaryIO) -> str:
        """Render the page into `stream`; the SHA-256 of the bytes written."""
        digest = hashlib.sha256()
        pending: list[bytes] = []
        size = 0
        for chunk in index_chunks(self._entries(), site=self._site, templates=self._templates):
            data = chunk.encode("utf-8")
            pending.append(data)
            size += len(data)
            if size >= _FLUSH:
                block = b"".join(pending)
                digest.update(block)
                stream.write(block)
                pending, size = [], 0
        block = b"".join(pending)
        digest.update(block)
        stream.write(block)
        return digest.hexdigest()

    def _entries(self) -> Iterator[dict]:
        self._spool.flush()
        self._spool.seek(0)
        while True:
            try:
                kicker, headline, date, href, others = marshal.load(self._spool)
            except EOFError:
                return
            title = page_title(_Titled(kicker, headline), self._site)
            yield {"title": title, "date": date, "href": href, "others": list(others)}


class _Titled(NamedTuple):
    """What page_title reads of an article."""

    kicker: str
    headline: str


def _file_sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()
