"""Backups of a newsroom, for the front ends: make one, check one, restore one, and the
app's automatic backup policy. The engine's own tools do the work (SQLite's online
backup API for a file)."""

from __future__ import annotations

from pathlib import Path

from newsdesk.storage.sqlite.backup import (
    BackupCancelled,
    backup_database,
    check_database_file,
    restore_database,
)
from newsdesk.storage.sqlite.backup_policy import AutoBackup

__all__ = ["AutoBackup", "BackupCancelled", "auto_backup", "backup", "check_backup", "restore"]


def backup(database: Path | str, out: Path | str | None = None) -> Path:
    """A checked copy of `database`: at `out`, else timestamped in its backups folder."""
    return backup_database(Path(database), out)


def check_backup(path: Path | str) -> list[str]:
    """Problems that make `path` unusable as a backup (empty: it is usable)."""
    return check_database_file(Path(path))


def restore(backup_file: Path | str, database: Path | str) -> Path | None:
    """Put `backup_file` in place of `database`; returns where the old one was kept."""
    return restore_database(Path(backup_file), Path(database))


def auto_backup(database: Path | str) -> AutoBackup:
    """The app's policy: a backup on start and every few minutes while data changes,
    at most one per interval (across starts too), so its cost is bounded at any size."""
    return AutoBackup(Path(database))
