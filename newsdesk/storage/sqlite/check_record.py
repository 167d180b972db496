"""When the SQLite store runs its full damage check (quick_check), across processes.

quick_check reads the whole file (1.3 GB at 100,000 articles). Run before the first
write of every process, it was most of a no-op export from the command line (each
command its own process). So a clean check is remembered beside the database, in
`<db>-checked` (a small JSON file), with the file's identity, size and modification
time at that moment, as backups remember theirs (backup_policy). A later process
skips the check only while

- the record is younger than `CHECK_EVERY`, and
- the database is the same file (device, inode) with the same size and modification
  time: anything that wrote into it since (another program, a restore, a stray write
  of a failing disk driver) makes the next process check the whole file again.

Damage that changes no file time (a disk losing bits) is found by the next full check
(within `CHECK_EVERY`) or by the first statement that reads it: the store is marked
damaged at once, and the record is removed (`forget`), so the next process checks too.

A store's own commits change the file's time when they are checkpointed into it (at
the latest when the last connection closes). A store that trusted or made a clean
check renews the record at close, keeping the time of the real check, when no other
connection committed while it was open (SQLite's `data_version`): what it wrote itself
went through SQLite.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)

CHECK_EVERY = dt.timedelta(hours=1)
SUFFIX = "-checked"


@dataclass(frozen=True)
class FileState:
    """What says the database file was not written since: its identity, size, time."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str | os.PathLike[str]) -> FileState | None:
        try:
            st = os.stat(path)
        except OSError:
            return None
        return cls(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def record_path(db_path: str | os.PathLike[str]) -> Path:
    return Path(f"{os.fspath(db_path)}{SUFFIX}")


def trusted_check(
    db_path: str | os.PathLike[str],
    *,
    now: dt.datetime | None = None,
    every: dt.timedelta = CHECK_EVERY,
) -> dt.datetime | None:
    """When the last clean full check of `db_path` was made, if it still holds (the
    file unchanged since, the check younger than `every`); None: check now."""
    try:
        data = json.loads(record_path(db_path).read_text(encoding="utf-8"))
        checked_at = dt.datetime.fromisoformat(data.pop("checked_at"))
        recorded = FileState(**data)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # none, or unreadable: check
    now = now or dt.datetime.now(dt.UTC)
    if checked_at.tzinfo is None or not dt.timedelta(0) <= now - checked_at < every:
        return None
    return checked_at if FileState.of(db_path) == recorded else None


def remember_clean(db_path: str | os.PathLike[str], checked_at: dt.datetime) -> None:
    """Record that `db_path`, as it is now, passed a full check at `checked_at`. Best
    effort: a record that cannot be written only means the next process checks."""
    state = FileState.of(db_path)
    if state is None:
        return
    target = record_path(db_path)
    data = json.dumps({"checked_at": checked_at.isoformat(), **asdict(state)})
    temp: str | None = None
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(data)
        os.chmod(temp, 0o644)  # mkstemp's 0600 would keep other desks' processes out
        os.replace(temp, target)
    except OSError as error:
        log.info("could not remember the database check in %s: %s", target, error)
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def renew(db_path: str | os.PathLike[str], checked_at: dt.datetime) -> None:
    """Record the file as it is now under the check made at `checked_at`, after the
    store's own writes, unless the record changed meanwhile (another process found
    damage and forgot it, or checked again)."""
    try:
        data = json.loads(record_path(db_path).read_text(encoding="utf-8"))
        recorded_at = dt.datetime.fromisoformat(data["checked_at"])
    except (OSError, ValueError, TypeError, KeyError):
        return
    if recorded_at == checked_at:
        remember_clean(db_path, checked_at)


def forget(db_path: str | os.PathLike[str]) -> None:
    """The database is (or may be) damaged: the next process checks it whole."""
    try:
        record_path(db_path).unlink(missing_ok=True)
    except OSError as error:
        log.warning("could not remove %s: %s", record_path(db_path), error)
