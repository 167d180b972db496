"""Rendered article bodies, kept by a key that names the renderer and the Markdown.

`BodyCache` keeps recent bodies in memory; given a `lookup` and a `keep` (the
newsroom's database cache, through the store), every body converted is kept there
too, so any later export, in any process and to any folder, reuses it: a body is
converted once per content. `prefetch(bodies)` reads a batch of keys in one query and
converts the missing ones together, on both cores when there are many.
"""

from __future__ import annotations

import hashlib
import logging
import os
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import PackageNotFoundError, version
from multiprocessing import get_context

from newsdesk.publish.markdown.pipeline import render_body

log = logging.getLogger(__name__)

# Bump when the Markdown pipeline's output changes (its extensions, its cleaning), so
# kept bodies are converted again.
PIPELINE_VERSION = "1"
# Below this many conversions in one batch a second process costs more than it saves.
PARALLEL_FROM = 64

Lookup = Callable[[Sequence[str]], Mapping[str, str]]
Keep = Callable[[Mapping[str, str]], None]


def _library_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


def renderer_fingerprint() -> str:
    """What a kept body depends on besides its Markdown."""
    libraries = ",".join(f"{n}={_library_version(n)}" for n in ("markdown", "nh3"))
    return f"pipeline={PIPELINE_VERSION};{libraries}"


def _render_all(texts: list[str]) -> list[str]:
    return [render_body(text) for text in texts]


class BodyCache:
    """Rendered body HTML by key; the least recently used entry leaves memory first.

    Keep one between exports to skip unchanged conversions; give it `lookup`/`keep`
    to share conversions through the database.
    """

    def __init__(
        self,
        max_entries: int = 4096,
        *,
        lookup: Lookup | None = None,
        keep: Keep | None = None,
        workers: int | None = None,
    ) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[str, str] = OrderedDict()
        self._lookup = lookup
        self._keep = keep
        self._workers = workers if workers is not None else min(2, os.cpu_count() or 1)
        self._prefix = (renderer_fingerprint() + "\0").encode("utf-8")
        self._pool: ProcessPoolExecutor | None = None
        self.hits = 0
        self.misses = 0  # bodies converted here
        self.stored_hits = 0  # bodies found in the database

    def key(self, markdown_text: str) -> str:
        return hashlib.sha256(self._prefix + markdown_text.encode("utf-8")).hexdigest()

    def body_html(self, markdown_text: str) -> str:
        key = self.key(markdown_text)
        html = self._entries.get(key)
        if html is not None:
            self.hits += 1
            self._entries.move_to_end(key)
            return html
        self.prefetch([markdown_text])
        return self._entries[key]

    def prefetch(self, bodies: Iterable[str]) -> None:
        """Have every body of `bodies` ready: from memory, the database, or converted
        now (all misses together) and kept in the database."""
        wanted: dict[str, str] = {}
        for text in bodies:
            key = self.key(text)
            if key in self._entries:
                self._entries.move_to_end(key)
            else:
                wanted.setdefault(key, text)
        if not wanted:
            return
        found: dict[str, str] = dict(self._lookup(list(wanted))) if self._lookup else {}
        self.stored_hits += len(found)
        missing = [key for key in wanted if key not in found]
        converted = dict(zip(missing, self._convert([wanted[key] for key in missing]), strict=True))
        self.misses += len(converted)
        if converted and self._keep is not None:
            try:
                self._keep(converted)
            except Exception as error:  # a cache that cannot be written is only slower
                log.warning("rendered bodies not kept in the database: %s", error)
        for key, html in (*found.items(), *converted.items()):
            self._entries[key] = html
        while len(self._entries) > max(self.max_entries, len(wanted)):
            self._entries.popitem(last=False)

    def _convert(self, texts: list[str]) -> list[str]:
        if len(texts) < PARALLEL_FROM or self._workers < 2:
            return _render_all(texts)
        # Python-Markdown is pure Python: processes convert on every core. The pool
        # lives as long as this cache (an export), so it starts once.
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self._workers, mp_context=get_context("spawn"))
            weakref.finalize(self, self._pool.shutdown, cancel_futures=True)
        parts = [texts[i :: self._workers] for i in range(self._workers)]
        results = list(self._pool.map(_render_all, parts))
        merged: list[str] = [""] * len(texts)
        for index, part in enumerate(results):
            merged[index :: self._workers] = part
        return merged

    def close(self) -> None:
        """Stop the conversion processes, if any were started."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __len__(self) -> int:
        return len(self._entries)
