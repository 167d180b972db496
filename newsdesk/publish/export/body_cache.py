"""Rendered article bodies, kept by a key that names the renderer and the Markdown.

`BodyCache` keeps recent bodies in memory; given a `lookup` and a `keep` (the
newsroom's database cache, through the store), every body converted is kept there
too, so any later export, in any process and to any folder, reuses it: a body is
converted once per content. `prefetch(bodies)` reads a batch of keys in one query and
converts the missing ones together, on both cores when there are many.

A body is kept as its HTML and its visible text (`RenderedBody.blocks`, what the
page's description and the text page show), so an export from the cache parses no
HTML. An entry kept without its text (by an older newsdesk) gets it at its first use.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import sys
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext

from newsdesk.publish.markdown.pipeline import render_body
from newsdesk.publish.markdown.plain_text import html_blocks_to_text

log = logging.getLogger(__name__)

# Bump when the Markdown pipeline's output changes (its extensions, its cleaning), so
# kept bodies are converted again.
PIPELINE_VERSION = "1"
# Below this many conversions in one batch a second process costs more than it saves.
PARALLEL_FROM = 64

# A kept body as the store holds it: (html, plain text or None), see `plain_text`.
Kept = tuple[str, str | None]
Lookup = Callable[[Sequence[str]], Mapping[str, Kept]]
Keep = Callable[[Mapping[str, Kept]], None]


@dataclass(frozen=True, slots=True)
class RenderedBody:
    """A body rendered by `render_body`, and its visible text block by block
    (`html_blocks_to_text` of the HTML)."""

    html: str
    blocks: tuple[str, ...]

    @classmethod
    def of_html(cls, html: str) -> RenderedBody:
        return cls(html, tuple(html_blocks_to_text(html)))

    @classmethod
    def of_markdown(cls, markdown_text: str) -> RenderedBody:
        return cls.of_html(render_body(markdown_text))

    def plain_text(self) -> str:
        """The blocks one a line: a block never holds a line feed (its whitespace is
        normalised), so the lines are exactly the blocks."""
        return "\n".join(self.blocks)

    @classmethod
    def from_kept(cls, html: str, plain_text: str) -> RenderedBody:
        return cls(html, tuple(plain_text.split("\n")) if plain_text else ())


def _library_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


def renderer_fingerprint() -> str:
    """What a kept body depends on besides its Markdown."""
    libraries = ",".join(f"{n}={_library_version(n)}" for n in ("markdown", "nh3"))
    return f"pipeline={PIPELINE_VERSION};{libraries}"


def _start_method() -> BaseContext:
    """fork where it is safe: a Linux or BSD process running no other thread (the
    command line), whose processes then start in milliseconds with the renderers
    already loaded, instead of a new interpreter importing them (half a second of CPU
    each). A process with other threads (the window, beside Qt's) spawns: a fork copies
    locks other threads may hold, and Qt's own threads are not all known to Python."""
    if (
        sys.platform != "darwin"
        and "fork" in get_all_start_methods()
        and threading.active_count() == 1
        and not any(name in sys.modules for name in ("PySide6.QtCore", "PyQt6.QtCore"))
    ):
        return get_context("fork")
    return get_context("spawn")


def _fork_now(pool: ProcessPoolExecutor) -> None:
    """Start the pool's processes now (a pool that forks starts them all at its first
    task), with the objects this process holds frozen for the garbage collector, so a
    collection in the child neither scans nor copies them. It saves little: at 2,000
    pages the page process had 3,170 minor faults with it, 3,200 without."""
    gc.freeze()
    try:
        pool.submit(int)
    finally:
        gc.unfreeze()


def _render_all(texts: list[str]) -> list[RenderedBody]:
    return [RenderedBody.of_markdown(text) for text in texts]


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
        self._entries: OrderedDict[str, RenderedBody] = OrderedDict()
        self._lookup = lookup
        self._keep = keep
        self._workers = workers if workers is not None else min(2, os.cpu_count() or 1)
        self._prefix = (renderer_fingerprint() + "\0").encode("utf-8")
        self._pool: ProcessPoolExecutor | None = None
        self.hits = 0
        self.misses = 0  # bodies converted here
        self.stored_hits = 0  # bodies found in the database
        self.texts_filled = 0  # found without their plain text (an older entry): filled in

    def key(self, markdown_text: str) -> str:
        return hashlib.sha256(self._prefix + markdown_text.encode("utf-8")).hexdigest()

    def rendered(self, markdown_text: str) -> RenderedBody:
        key = self.key(markdown_text)
        body = self._entries.get(key)
        if body is not None:
            self.hits += 1
            self._entries.move_to_end(key)
            return body
        self.prefetch([markdown_text])
        return self._entries[key]

    def body_html(self, markdown_text: str) -> str:
        return self.rendered(markdown_text).html

    def prefetch(self, bodies: Iterable[str], convert: bool = True) -> None:
        """Have every body of `bodies` ready: from memory, the database, or converted
        now (all misses together) and kept in the database. With `convert` False the
        misses are left to the caller (`cached` says which; `add_converted` keeps them)."""
        wanted: dict[str, str] = {}
        for text in bodies:
            key = self.key(text)
            if key in self._entries:
                self._entries.move_to_end(key)
            else:
                wanted.setdefault(key, text)
        if not wanted:
            return
        kept = self._lookup(list(wanted)) if self._lookup else {}
        found: dict[str, RenderedBody] = {}
        filled: dict[str, RenderedBody] = {}  # kept by an older newsdesk, without text
        for key, (html, plain_text) in kept.items():
            if plain_text is None:
                found[key] = filled[key] = RenderedBody.of_html(html)
            else:
                found[key] = RenderedBody.from_kept(html, plain_text)
        self.stored_hits += len(found)
        self.texts_filled += len(filled)
        missing = [key for key in wanted if key not in found] if convert else []
        converted = dict(zip(missing, self._convert([wanted[key] for key in missing]), strict=True))
        self.misses += len(converted)
        self._keep_all({**filled, **converted})
        for key, body in (*found.items(), *converted.items()):
            self._entries[key] = body
        while len(self._entries) > max(self.max_entries, len(wanted)):
            self._entries.popitem(last=False)

    def add_converted(self, bodies: Mapping[str, RenderedBody]) -> None:
        """Keep `bodies`, converted by the caller (the export's page processes) for
        keys this cache lacked, in memory and in the database."""
        self.misses += len(bodies)
        self._entries.update(bodies)
        self._keep_all(bodies)

    def _keep_all(self, bodies: Mapping[str, RenderedBody]) -> None:
        if bodies and self._keep is not None:
            try:
                self._keep({key: (b.html, b.plain_text()) for key, b in bodies.items()})
            except Exception as error:  # a cache that cannot be written is only slower
                log.warning("rendered bodies not kept in the database: %s", error)

    def cached(self, markdown_text: str) -> RenderedBody | None:
        """The body if it is in memory now (nothing read or converted)."""
        return self._entries.get(self.key(markdown_text))

    @property
    def workers(self) -> int:
        return self._workers

    def pool(self) -> Executor:
        """The processes that convert and render beside this one, one per other core
        (Python-Markdown and Jinja are pure Python). They live as long as this cache
        (an export), so they start once."""
        if self._pool is None:
            context = _start_method()
            self._pool = ProcessPoolExecutor(max(1, self._workers - 1), mp_context=context)
            weakref.finalize(self, self._pool.shutdown, cancel_futures=True)
            if context.get_start_method() == "fork":
                _fork_now(self._pool)
        return self._pool

    def _convert(self, texts: list[str]) -> list[RenderedBody]:
        if len(texts) < PARALLEL_FROM or self._workers < 2:
            return _render_all(texts)
        parts = [texts[i :: self._workers] for i in range(self._workers)]
        # The first part here, the others in the pool meanwhile.
        futures = [self.pool().submit(_render_all, part) for part in parts[1:]]
        results = [_render_all(parts[0]), *(future.result() for future in futures)]
        merged: list[RenderedBody] = [None] * len(texts)  # type: ignore[list-item]
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
