"""`newsdesk backup` and `newsdesk restore`: safe copies of the database and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsdesk.domain.errors import NewsdeskError, StorageError
from newsdesk.newsroom import backups
from newsdesk.newsroom.paths import default_database_path


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    backup = sub.add_parser(
        "backup",
        parents=[common],
        help="copy the database safely, even while it is in use",
        description="Copy the database with SQLite's online backup API into one checked"
        " file: by default a timestamped file in the backups folder beside the database.",
    )
    backup.add_argument("--out", metavar="FILE", help="where to write the backup")
    backup.set_defaults(handler=run_backup)

    restore = sub.add_parser(
        "restore",
        parents=[common],
        help="replace the database by a backup (the current one is kept aside)",
        description="Check FILE, keep the current database aside beside it under a"
        " timestamped name, then put FILE in its place.",
    )
    restore.add_argument("file", metavar="FILE", help="the backup to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(handler=run_restore)


def _database(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_database_path()


def run_backup(args: argparse.Namespace) -> int:
    path = backups.backup(_database(args), args.out)
    print(path)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    database = _database(args)
    backup = Path(args.file)
    # Check before asking: nobody should confirm the restore of an unusable file.
    problems = backups.check_backup(backup)
    if problems:
        raise StorageError(
            f"{backup} is not a usable newsdesk backup ({problems[0]}); nothing was changed"
        )
    if not args.yes and not _confirmed(database, backup):
        return 1
    kept = backups.restore(backup, database)
    print(f"restored {database} from {backup}")
    if kept is not None:
        print(f"the previous database is kept as {kept}")
    return 0


def _confirmed(database: Path, backup: Path) -> bool:
    if not sys.stdin.isatty():
        raise NewsdeskError(
            f"restoring replaces {database} with {backup}: add --yes to confirm"
            " (nothing was changed)"
        )
    try:
        answer = input(
            f"Replace {database} with {backup}? The current database is kept aside. [y/N] "
        )
    except EOFError:
        answer = ""
    if answer.strip().lower() in ("y", "yes"):
        return True
    print("newsdesk: restore cancelled; nothing was changed", file=sys.stderr)
    return False
