"""Backups of a newsroom, for the front ends: make one, check one, restore one, and the
app's automatic backup policy. The engine's own tools do the work: SQLite's online
backup API for a file; pg_dump and pg_restore (custom format) for a newsroom server,
whose files are the server's to guard (the app never copies a server like a file)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from newsdesk.newsroom.paths import server_backup_folder
from newsdesk.storage.open import is_server
from newsdesk.storage.sqlite.backup import (
    AutoBackup,
    backup_database,
    check_database_file,
    restore_database,
)

__all__ = ["AutoBackup", "NoAutoBackup", "auto_backup", "backup", "check_backup", "restore"]

AskPassword = Callable[[str], str | None]


def backup(
    database: Path | str, out: Path | str | None = None, *, ask_password: AskPassword | None = None
) -> Path:
    """A checked copy of `database`: at `out`, else timestamped in its backups folder
    (beside a file; for a server, in the per-user data folder's server-backups)."""
    if is_server(database):
        from newsdesk.storage.postgres.backup import backup_server

        return backup_server(
            str(database).strip(), out, server_backup_folder(), ask_password=ask_password
        )
    return backup_database(Path(database), out)


def check_backup(path: Path | str, *, for_server: bool = False) -> list[str]:
    """Problems that make `path` unusable as a backup (empty: it is usable), as a
    backup of a newsroom file, or with `for_server` of a newsroom server."""
    if for_server:
        from newsdesk.storage.postgres.backup import check_archive

        return check_archive(path)
    problems = check_database_file(Path(path))
    if problems and Path(path).is_file() and _is_server_archive(Path(path)):
        return [
            "it is a backup of a newsroom server (pg_dump): restore it onto the server with"
            " `newsdesk --db postgresql://OWNER@HOST/NEWSROOM restore FILE`"
        ]
    return problems


def _is_server_archive(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(5) == b"PGDMP"  # pg_dump's custom format


def restore(
    backup_file: Path | str,
    database: Path | str,
    *,
    ask_password: AskPassword | None = None,
) -> Path | None:
    """Put `backup_file` in place of `database`; returns where the old one was kept."""
    if is_server(database):
        from newsdesk.storage.postgres.backup import restore_server

        return restore_server(
            backup_file, str(database).strip(), server_backup_folder(), ask_password=ask_password
        )
    return restore_database(Path(backup_file), Path(database))


class NoAutoBackup:
    """The policy for a newsroom server: the app never backs a server up by itself
    (its IT does, with pg_dump on the server; see docs/team-server.md)."""

    def on_start(self, now=None) -> None:
        return None

    def maybe_backup(self, now=None) -> None:
        return None


def auto_backup(database: Path | str) -> AutoBackup | NoAutoBackup:
    """The app's policy: for a file, a backup on start and every few minutes while data
    changes; for a server, none."""
    if is_server(database):
        return NoAutoBackup()
    return AutoBackup(Path(database))
