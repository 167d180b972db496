"""Atomic writes of an export: files staged under temporary names in the export
folder, renamed into place all together (the manifest last), and the folder's previous
state put back when a rename fails part-way."""

from __future__ import annotations

import filecmp
import logging
import os
import secrets
import shutil
import tempfile
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


class Staging:
    """Files written under temporary names in the export folder, renamed in on commit."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self._pending: list[tuple[Path, Path]] = []

    def add(self, name: str, data: bytes) -> None:
        with self.writing(name) as stream:
            stream.write(data)

    @contextmanager
    def writing(self, name: str) -> Iterator[BinaryIO]:
        """A stream for the file `name`, staged when the block ends: for a file written
        piece by piece (the manifest), never held whole."""
        target = self.out / name
        if target.resolve().parent != self.out.resolve():
            raise ExportError(problems.outside_folder(name, self.out))
        if target.is_dir():
            raise ExportError(problems.folder_in_the_way(target))
        try:
            handle, temp_name = tempfile.mkstemp(dir=self.out, prefix=TEMP_PREFIX, suffix=".tmp")
        except OSError as error:
            raise ExportError(problems.cannot_write(target, error.strerror)) from None
        temp = Path(temp_name)
        self._pending.append((temp, target))
        try:
            with os.fdopen(handle, "wb") as stream:
                yield stream
            # mkstemp makes owner-only files; a published page must be readable.
            os.chmod(temp, 0o644)
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
