"""Online backups of the newsroom database, their rotation, and restoring one.

A backup is made with SQLite's online backup API, so it is a consistent snapshot
even while the app and the command line write (WAL: the copy reads one snapshot,
writers go on). Each backup is written under a temporary name, checked (quick_check
and the newsdesk tables), switched to a single self-contained file (no -wal) and only
then renamed into place: a backup that exists is whole. A damaged database is never
"backed up": its copy fails the check, so a bad copy can never rotate a good backup
away.

Automatic backups live in a `backups/` folder beside the database, named
`{stem}-{YYYYMMDD-HHMMSS-ffffff}Z.db` (UTC, so names sort by age even across a
daylight-saving change). `rotate_backups` only ever removes files with that shape.

`restore_database` checks the backup first, keeps the current database aside (its WAL
merged into it, or moved along with it when the file is too damaged to merge), and
then renames a checked copy of the backup into place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from newsdesk.domain.errors import StorageError
from newsdesk.domain.said import Said
from newsdesk.storage.sqlite.connection import BUSY_TIMEOUT_MS, describe_database_error
from newsdesk.storage.sqlite.schema import SCHEMA_VERSION

log = logging.getLogger(__name__)

BACKUP_FOLDER = "backups"
DEFAULT_KEEP = 10
DEFAULT_EVERY = dt.timedelta(minutes=10)
_STAMP = "%Y%m%d-%H%M%S-%fZ"
_BACKUP_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6}Z)\.db$")
# Tables every newsdesk database has since schema version 1.
_REQUIRED_TABLES = frozenset({"articles", "revisions", "audit", "people", "settings"})
# How long a restore waits for another program to let go of the database.
_RESTORE_LOCK_WAIT_S = 2.0
# Pages per step of a copy (4 MB of 4 KB pages): writers go on between steps.
_STEP_PAGES = 1024


def backup_folder(db_path: Path | str) -> Path:
    """Where automatic backups of `db_path` go: `backups/` beside it."""
    return Path(db_path).parent / BACKUP_FOLDER


def list_backups(db_path: Path | str) -> list[Path]:
    """The automatic backups of `db_path`, newest first."""
    db_path = Path(db_path)
    return [path for path, _ in _named_backups(backup_folder(db_path), stem=db_path.stem)]


def newest_backup(db_path: Path | str) -> Path | None:
    """The newest automatic backup of `db_path`, or None when there is none."""
    backups = list_backups(db_path)
    return backups[0] if backups else None


def recovery_advice(db_path: Path | str) -> Said:
    """What to do about a damaged database: restore the newest backup, if there is one."""
    newest = newest_backup(db_path)
    if newest is None:
        folder = backup_folder(db_path)
        return Said("no-backup-found", f"no backup of it was found in {folder}", folder=folder)
    return Said(
        "restore-newest-backup",
        f"the newest backup is {newest}: restore it with `newsdesk restore {newest}`",
        backup=newest,
    )


def damage_report(db_path: Path | str, problem: str) -> Said:
    """The one-line message a damaged database is refused with (`problem`: SQLite's
    or the check's own words)."""
    advice = recovery_advice(db_path)
    return Said(
        "database-damaged-not-written",
        f"the database {db_path} is damaged or not a newsdesk database ({problem});"
        f" newsdesk will not write to it; {advice}",
        path=db_path,
        detail=problem,
        advice=advice,
    )


# SQLITE_CORRUPT and SQLITE_NOTADB (primary codes; extended codes keep them in the low byte).
_CORRUPTION_CODES = frozenset({11, 26})


def is_corruption(exc: sqlite3.Error) -> bool:
    """True when SQLite says the file itself is damaged (not locked, full or read-only)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _CORRUPTION_CODES:
        return True
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


def backup_database(
    db_path: Path | str,
    out_path: Path | str | None = None,
    *,
    cancel: threading.Event | None = None,
) -> Path:
    """Copy the database, while it may be in use, into a checked single-file backup.

    `out_path` defaults to a new timestamped file in `backup_folder(db_path)`; an
    existing folder gets a timestamped file inside it. Returns the backup's path.
    Raises StorageError (nothing is left behind) when the database is missing or
    damaged, or the backup cannot be written; BackupCancelled when `cancel` is set.
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        raise StorageError(
            Said(
                "backup-without-database",
                f"there is no database at {db_path} to back up",
                path=db_path,
            )
        )
    if out_path is None:
        out = _new_backup_path(backup_folder(db_path), db_path.stem)
    else:
        out = Path(out_path)
        if out.is_dir():
            out = _new_backup_path(out, db_path.stem)
    if out.exists() and _same_file(out, db_path):
        raise StorageError(
            Said("backup-onto-itself", f"refusing to back up {db_path} onto itself", path=db_path)
        )
    _make_folder(out.parent, "the backup folder")
    temp = out.with_name(f".{out.name}.{os.getpid()}.partial")
    try:
        _copy_database(db_path, temp, cancel=cancel)
        problems = check_database_file(temp)
        if problems:
            advice = recovery_advice(db_path)
            raise StorageError(
                Said(
                    "backup-of-damaged-database",
                    f"the database {db_path} is damaged ({problems[0]}); a backup of it would"
                    f" be damaged too, so none was made; {advice}",
                    path=db_path,
                    detail=problems[0],
                    advice=advice,
                )
            )
        _fsync_file(temp)
        os.replace(temp, out)
        _fsync_dir(out.parent)
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise StorageError(
            Said(
                "backup-not-written",
                f"cannot write the backup {out}: {detail}",
                backup=out,
                detail=detail,
            )
        ) from exc
    finally:
        _remove_quietly(temp)
    log.info("backed up %s to %s", db_path, out)
    return out


def rotate_backups(folder: Path | str, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Remove all but the newest `keep` backups of each database in `folder`.

    Only files named like automatic backups are touched. Returns the removed paths.
    """
    if keep < 1:
        raise ValueError("keep at least one backup")
    removed: list[Path] = []
    by_stem: dict[str, list[Path]] = {}
    for path, stem in _named_backups(Path(folder)):
        by_stem.setdefault(stem, []).append(path)
    for paths in by_stem.values():
        for path in paths[keep:]:
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                log.warning("could not remove the old backup %s: %s", path, exc)
                continue
            removed.append(path)
    if removed:
        log.info("removed %d old backup(s) from %s", len(removed), folder)
    return removed


def check_database_file(path: Path | str, *, name: Path | str | None = None) -> list[str]:
    """Problems that make `path` unusable as a newsdesk database (empty: none).

    quick_check, the newsdesk tables, and a schema version this newsdesk can open.
    Meant for backups, not a database in use: the file is opened read-only and never
    changed, and the -wal/-shm files SQLite makes to read it are removed again.
    `name` is how messages call the file (default: `path`).
    """
    path = Path(path)
    name = path if name is None else name
    if not path.is_file():
        return [f"{name} is not a file"]
    try:
        with _read_only(path, tidy=True) as conn:
            lines = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
            if lines != ["ok"]:
                return [f"quick_check: {line}" for line in lines]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
    except sqlite3.DatabaseError as exc:
        return [describe_database_error(name, exc)]
    missing = sorted(_REQUIRED_TABLES - tables)
    if missing:
        return [f"{name} is not a newsdesk database (no {', '.join(missing)} table)"]
    if version > SCHEMA_VERSION:
        return [f"{name} was made by a newer newsdesk (schema {version}); update newsdesk first"]
    if version < 1:
        return [f"{name} is not a newsdesk database (no schema version)"]
    return []


def restore_database(backup: Path | str, db_path: Path | str) -> Path | None:
    """Put `backup` in place of the database at `db_path`.

    The backup is checked first (nothing changes if it is not a sound newsdesk
    database). The current database, if any, is kept aside as
    `{stem}-before-restore-{stamp}.db` beside it (its WAL merged in, or moved with it
    when the file is too damaged to merge); that path is returned. Refused while
    another program has the database open.
    """
    backup, db_path = Path(backup), Path(db_path)
    if not backup.is_file():
        raise StorageError(f"{backup}: no such backup file")
    if db_path.exists() and _same_file(backup, db_path):
        raise StorageError(f"{backup} is the database itself, not a backup of it")
    _make_folder(db_path.parent, "the folder")
    staged = db_path.with_name(f".{db_path.name}.restore-{os.getpid()}.partial")
    try:
        # Check the copy that will be put in place, not only the file it came from.
        try:
            _copy_database(backup, staged, tidy=True)
            problems = check_database_file(staged, name=backup)
        except StorageError as exc:
            problems = [str(exc)]
        if problems:
            raise StorageError(
                f"{backup} is not a usable newsdesk backup ({problems[0]}); nothing was changed"
            )
        _fsync_file(staged)
        kept = _set_aside(db_path)
        os.replace(staged, db_path)
        _fsync_dir(db_path.parent)
    except OSError as exc:
        raise StorageError(f"cannot restore {db_path}: {exc.strerror or exc}") from exc
    finally:
        _remove_quietly(staged)
    log.info("restored %s from %s (previous database kept as %s)", db_path, backup, kept)
    return kept


def aside_path(db_path: Path | str) -> Path:
    """A new, unused name beside `db_path` for keeping the current database aside."""
    db_path = Path(db_path)
    stamp = dt.datetime.now(dt.UTC).strftime(_STAMP)
    candidate = db_path.with_name(f"{db_path.stem}-before-restore-{stamp}{db_path.suffix}")
    while _exists_with_sidecars(candidate):
        time.sleep(0.000_001)
        stamp = dt.datetime.now(dt.UTC).strftime(_STAMP)
        candidate = db_path.with_name(f"{db_path.stem}-before-restore-{stamp}{db_path.suffix}")
    return candidate


# -- helpers ------------------------------------------------------------------


def _named_backups(folder: Path, stem: str | None = None) -> list[tuple[Path, str]]:
    """(path, stem) of files in `folder` named like automatic backups, newest first."""
    try:
        entries = list(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = []
    for entry in entries:
        match = _BACKUP_NAME.match(entry.name)
        if not match or (stem is not None and match["stem"] != stem) or not entry.is_file():
            continue
        found.append((match["stamp"], entry, match["stem"]))
    found.sort(key=lambda item: item[0], reverse=True)
    return [(path, found_stem) for _stamp, path, found_stem in found]


def _new_backup_path(folder: Path, stem: str) -> Path:
    while True:
        stamp = dt.datetime.now(dt.UTC).strftime(_STAMP)
        candidate = folder / f"{stem}-{stamp}.db"
        if not candidate.exists():
            return candidate
        time.sleep(0.000_001)


class BackupCancelled(StorageError):
    """A backup was stopped before it was done (the app is closing); nothing is left."""


def _copy_database(
    source: Path, target: Path, *, tidy: bool = False, cancel: threading.Event | None = None
) -> None:
    """A consistent copy of `source` as a single file at `target` (no -wal needed).

    Copied in steps, so writers go on between them and `cancel` stops it within one.
    The steps read one snapshot: without a read transaction held across them, SQLite
    starts the copy again from its first page whenever another connection commits
    between two steps, so a large file never finished while another desk saved."""
    _remove_quietly(target)

    def progress(_status: int, _remaining: int, _total: int) -> None:
        if cancel is not None and cancel.is_set():
            raise BackupCancelled(f"the backup of {source} was stopped before it was done")

    try:
        with _read_only(source, tidy=tidy) as src:
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot
            dst = sqlite3.connect(str(target))
            try:
                src.backup(dst, pages=_STEP_PAGES, progress=progress)
                # The copy keeps the source's WAL flag; a backup should be one file
                # that opens on its own (even from read-only media).
                dst.execute("PRAGMA journal_mode = DELETE").fetchone()
            finally:
                dst.close()
    except BackupCancelled:
        _remove_quietly(target)
        raise
    except sqlite3.DatabaseError as exc:
        _remove_quietly(target)
        if is_corruption(exc):
            raise StorageError(describe_database_error(source, exc)) from exc
        raise StorageError(
            Said(
                "backup-copy-failed",
                f"cannot copy {source} to {target}: {exc}",
                source=source,
                target=target,
                detail=str(exc),
            )
        ) from exc


@contextlib.contextmanager
def _read_only(path: Path, *, tidy: bool = False) -> Iterator[sqlite3.Connection]:
    """A read-only connection. Reading a WAL-mode file makes SQLite create -wal and
    -shm files; with `tidy` (files nobody else uses: backups) the ones it created
    empty are removed afterwards, so checking a backup leaves no trace."""
    sidecars = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    existed = [side.exists() for side in sidecars]
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        yield conn
    finally:
        conn.close()
        wal, shm = sidecars
        if tidy and not existed[0] and wal.exists() and wal.stat().st_size == 0:
            wal.unlink()
        if tidy and not existed[1] and not wal.exists():
            _remove_quietly(shm)


def _set_aside(db_path: Path) -> Path | None:
    """Move the current database (and its WAL) to a new name; None when there is none."""
    sidecars = [Path(f"{db_path}{suffix}") for suffix in ("-wal", "-shm", "-journal")]
    if not db_path.exists() and not any(p.exists() for p in sidecars):
        return None
    merged = False
    if db_path.exists():
        merged = _merge_wal(db_path)
    target = aside_path(db_path)
    # The WAL moves first: a WAL left behind under the old name would be replayed
    # into the restored database on its next open.
    for suffix in ("-wal", "-journal"):
        side = Path(f"{db_path}{suffix}")
        if side.exists():
            if merged and suffix == "-wal" and side.stat().st_size == 0:
                side.unlink()
            else:
                os.replace(side, Path(f"{target}{suffix}"))
    # The shared-memory index is rebuilt from the WAL by whoever opens it next.
    _remove_quietly(Path(f"{db_path}-shm"))
    if db_path.exists():
        os.replace(db_path, target)
    _fsync_dir(db_path.parent)
    return target


def _merge_wal(db_path: Path) -> bool:
    """Fold the WAL into the database file, which proves nobody else has it open.

    Leaving WAL mode needs the database to itself; True when done. A file too
    damaged to open is moved as it is (False), WAL and all.
    """
    wait_ms = int(_RESTORE_LOCK_WAIT_S * 1000)
    try:
        conn = sqlite3.connect(str(db_path), timeout=_RESTORE_LOCK_WAIT_S)
    except sqlite3.DatabaseError as exc:
        log.info("keeping %s aside as it is: %s", db_path, exc)
        return False
    try:
        conn.execute(f"PRAGMA busy_timeout = {wait_ms}")
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
        return True
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise StorageError(
                f"the database {db_path} is open in another program (the newsdesk app?);"
                " close it and restore again; nothing was changed"
            ) from exc
        log.info("keeping %s aside with its WAL: %s", db_path, exc)
        return False
    except sqlite3.DatabaseError as exc:
        log.info("keeping %s aside with its WAL: %s", db_path, exc)
        return False
    finally:
        conn.close()


def _exists_with_sidecars(path: Path) -> bool:
    return any(Path(f"{path}{suffix}").exists() for suffix in ("", "-wal", "-journal"))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _make_folder(folder: Path, what: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        text = f"cannot create {what} {folder}: {exc.strerror}"
        if what == "the backup folder":
            said = Said("cannot-create-backup-folder", text, folder=folder, detail=exc.strerror)
        else:
            said = Said("cannot-create-a-folder", text, folder=folder, detail=exc.strerror)
        raise StorageError(said) from exc


def _remove_quietly(path: Path) -> None:
    for candidate in (path, Path(f"{path}-journal")):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not every platform can open a folder.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
