"""Atomic writes of an export: files staged under temporary names in the export
folder, renamed into place all together (the manifest last), and the folder's previous
state put back when a rename fails part-way.

Each staged file costs four system calls (create, write, set its mode, close): the
folder is listed once, not looked up per file, and temporary names come from one
random token per export and a counter (created exclusively), not from mkstemp's
search. Durability: before the first rename the staged files' data is flushed to disk
once (`os.sync`, one call for the export, not an fsync per file), and after the last
rename the folder itself is synced once, so after a power cut the folder holds either
the previous export or this one with every file whole, never names pointing at data
that never reached the disk.
"""

from __future__ import annotations

import contextlib
import filecmp
import logging
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from newsdesk.domain.errors import NewsdeskError
from newsdesk.domain.said import Said
from newsdesk.publish.export import problems
from newsdesk.publish.export.manifest import MANIFEST_NAME

logger = logging.getLogger(__name__)

TEMP_PREFIX = ".newsdesk-export-"
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_SEPARATORS = frozenset(sep for sep in (os.sep, os.altsep, "/", "\\") if sep)


class ExportError(NewsdeskError):
    """An export could not be completed; the message names the file or article."""


def differs(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() != data
    except OSError:
        return True


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as error:
        logger.warning("could not remove temporary file %s: %s", path, error)


def create_file(path: str) -> int:
    """A new file at `path` (never an existing one), readable by all as a published
    page must be: its descriptor."""
    fd = os.open(path, _CREATE, 0o644)
    # Whatever the umask; without fchmod (older Windows) the mode given to open stands.
    with contextlib.suppress(AttributeError, OSError):
        os.fchmod(fd, 0o644)
    return fd


def write_new_file(path: str, data: bytes) -> None:
    """Write `data` into the new file `path`: one open, write and close."""
    fd = create_file(path)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """Put the folder's entries (the renames) on disk; where a folder cannot be opened
    (Windows) its renames are durable when they return."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as error:
        logger.warning("could not sync the export folder %s: %s", folder, error)
    finally:
        os.close(fd)


def _flush_written_data() -> None:
    """The staged files' data on disk before any name points at it: one flush for the
    whole export."""
    if hasattr(os, "sync"):
        os.sync()


class Staging:
    """Files written under temporary names in the export folder, renamed in on commit."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self._pending: list[tuple[Path, Path]] = []
        self._token = f"{TEMP_PREFIX}{secrets.token_hex(8)}-"
        self._count = 0
        # One listing of the folder: what is in the way of a name (a folder, or a link
        # that may lead out of it), instead of a look-up per file.
        self._folders: set[str] = set()
        self._links: set[str] = set()
        try:
            with os.scandir(out) as entries:
                for entry in entries:
                    if entry.is_symlink():
                        self._links.add(entry.name)
                    elif entry.is_dir():
                        self._folders.add(entry.name)
        except OSError:
            pass

    def add(self, name: str, data: bytes) -> None:
        temp, target = self.reserve(name)
        try:
            write_new_file(str(temp), data)
        except OSError as error:
            raise ExportError(problems.cannot_write(target, error.strerror)) from None

    def reserve(self, name: str) -> tuple[Path, Path]:
        """(temporary path, target) for the file `name`, staged from now on: the caller
        (or a rendering process) creates the temporary file; until it does, the
        temporary name is simply missing and discarded with the rest."""
        target = self.out / name
        if not name or name in (".", "..") or not _SEPARATORS.isdisjoint(name) or "\0" in name:
            raise ExportError(problems.outside_folder(name, self.out))
        if name in self._links and target.resolve().parent != self.out.resolve():
            raise ExportError(problems.outside_folder(name, self.out))
        if name in self._folders or (name in self._links and target.is_dir()):
            raise ExportError(problems.folder_in_the_way(target))
        self._count += 1
        temp = self.out / f"{self._token}{self._count}.tmp"
        self._pending.append((temp, target))
        return temp, target

    @contextmanager
    def writing(self, name: str) -> Iterator[BinaryIO]:
        """A stream for the file `name`, staged when the block ends: for a file written
        piece by piece (the manifest), never held whole."""
        temp, target = self.reserve(name)
        try:
            handle = create_file(str(temp))
        except OSError as error:
            raise ExportError(problems.cannot_write(target, error.strerror)) from None
        try:
            with os.fdopen(handle, "wb") as stream:
                yield stream
        except OSError as error:
            raise ExportError(problems.cannot_write(target, error.strerror)) from None

    def unless_unchanged(self, name: str) -> bool:
        """Drop the staged `name` if the folder already holds the same bytes; True when
        it stays staged (it differs)."""
        target = self.out / name
        for temp, staged_target in self._pending:
            if staged_target == target:
                try:
                    same = target.is_file() and filecmp.cmp(temp, target, shallow=False)
                except OSError:
                    same = False
                if same:
                    _remove(temp)
                    self._pending.remove((temp, staged_target))
                return not same
        return False

    def commit(self) -> None:
        """Rename every staged file into place, the manifest last; all or nothing."""
        pending = sorted(self._pending, key=lambda pair: pair[1].name == MANIFEST_NAME)
        done: list[tuple[Path, Path | None]] = []  # (target, its previous version)
        if pending:
            _flush_written_data()
        for temp, target in pending:
            previous = self._keep_previous(target, done)
            try:
                os.replace(temp, target)
            except OSError as error:
                if previous is not None:
                    _remove(previous)
                raise ExportError(
                    problems.cannot_replace(target, error.strerror, self._roll_back(done))
                ) from None
            self._pending.remove((temp, target))
            done.append((target, previous))
        if done:
            sync_folder(self.out)
        for _target, previous in done:
            if previous is not None:
                _remove(previous)

    def _keep_previous(self, target: Path, done: list[tuple[Path, Path | None]]) -> Path | None:
        """The file `target` holds now, kept under a temporary name; None if none."""
        if not target.is_file():
            return None
        kept = self.out / f"{TEMP_PREFIX}{secrets.token_hex(8)}.previous"
        try:
            os.link(target, kept)
        except OSError:
            try:
                shutil.copy2(target, kept)
            except OSError as error:
                _remove(kept)
                raise ExportError(
                    problems.cannot_keep_previous(target, error.strerror, self._roll_back(done))
                ) from None
        return kept

    def _roll_back(self, done: list[tuple[Path, Path | None]]) -> Said:
        """Put back what `done` replaced; the end of the error message saying how it went."""
        failed: list[Path] = []
        for target, previous in reversed(done):
            try:
                if previous is None:
                    target.unlink()
                else:
                    os.replace(previous, target)
            except OSError as error:
                logger.error("could not put back %s: %s", target, error)
                failed.append(target)
        if failed:
            return problems.not_put_back(len(failed), self.out)
        return problems.left_as_it_was(self.out)

    def discard(self) -> None:
        for temp, _target in self._pending:
            try:
                temp.unlink()
            except FileNotFoundError:
                pass
            except OSError as error:
                logger.warning("could not remove temporary file %s: %s", temp, error)
        self._pending.clear()
