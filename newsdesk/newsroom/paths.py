"""Where the newsroom database lives by default."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from newsdesk.storage.open import is_server as _is_server

APP_NAME = "newsdesk"
DB_ENV = "NEWSDESK_DB"


def default_database_path() -> Path:
    """`NEWSDESK_DB` when set, else `newsdesk.db` in the per-user data directory."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "newsdesk.db"


def is_server(target: Path | str | None) -> bool:
    """True when `target` names a newsroom server (a postgresql:// URL), not a file."""
    return target is not None and _is_server(target)


def default_target() -> Path | str:
    """What to open by default: `NEWSDESK_DB` as given when it is a server URL (a
    path would mangle its `//`), else `default_database_path()`."""
    override = os.environ.get(DB_ENV, "").strip()
    if override.lower().startswith(("postgresql://", "postgres://")):
        return override
    return default_database_path()


def server_backup_folder() -> Path:
    """Where `newsdesk backup` puts a newsroom server's archives unless told otherwise."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "server-backups"


def log_directory() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
