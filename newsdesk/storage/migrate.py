"""Moving a newsroom file onto a server: `newsdesk migrate SRC.db URL`.

The source must pass its full check; it is read from one snapshot and never written.
The target must be an initialised, empty server newsroom, reached as its owner. The
copy is one transaction that first takes the audit chain's head (no desk can write
meanwhile), copies every row with its ids, hashes and bytes, then reads everything
back and compares it with the source value for value and runs the server's check:
only then does it commit. Any refusal or failure leaves the target as it was.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import psycopg

from newsdesk.domain.errors import InvalidInputError, StorageError
from newsdesk.storage.audit_chain import verify_chain
from newsdesk.storage.newsroom_rows import NewsroomRows
from newsdesk.storage.postgres.connection import AskPassword, connect_asking, display_url, translate
from newsdesk.storage.postgres.dump import read_rows as read_server_rows
from newsdesk.storage.postgres.health import check_database
from newsdesk.storage.postgres.load import load_rows, refuse_unless_empty
from newsdesk.storage.postgres.schema import SCHEMA_VERSION, schema_version
from newsdesk.storage.sqlite.dump import read_rows as read_file_rows
from newsdesk.storage.sqlite.store import SQLiteStore

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class MigrateReport:
    source: str
    target: str
    counts: dict[str, int]


def migrate_file_to_server(
    source: Path | str, target: str, *, ask_password: AskPassword | None = None
) -> MigrateReport:
    source = Path(source)
    if not source.is_file():
        raise InvalidInputError(f"there is no newsroom file at {source}; nothing was written")
    where = display_url(target)
    rows = _checked_source(source)
    conn, _ = connect_asking(target, ask_password)
    try:
        _check_target(conn, where)
        with conn.transaction():
            conn.execute("SELECT id FROM newsdesk_lock_audit_head()")
            refuse_unless_empty(conn, where)
            load_rows(conn, rows)
            difference = rows.first_difference(read_server_rows(conn))
            if difference:
                raise StorageError(
                    f"the copy on {where} does not equal {source} ({difference});"
                    " nothing was written"
                )
            problems = check_database(conn, where)
            if problems:
                raise StorageError(
                    f"the copy on {where} fails its check ({problems[0]}); nothing was written"
                )
    except psycopg.Error as exc:
        raise StorageError(f"{translate(exc, target)}; nothing was written") from exc
    finally:
        conn.close()
    log.info("migrated %s to %s: %s", source, where, rows.counts())
    return MigrateReport(str(source), where, rows.counts())


def _checked_source(source: Path) -> NewsroomRows:
    rows = read_file_rows(source)  # refuses another schema version before anything opens it
    store = SQLiteStore(source)
    try:
        problems = store.check()
    finally:
        store.close()
    problems = problems or verify_chain(rows.audit_entries(), None)
    if problems:
        raise StorageError(
            f"{source} fails its check ({problems[0]}): run `newsdesk --db {source} check`,"
            " mend or restore it first; nothing was written"
        )
    return rows


def _check_target(conn: psycopg.Connection, where: str) -> None:
    found = schema_version(conn)
    if found == 0:
        raise InvalidInputError(
            f"{where} is not set up as a newsroom yet: its owner runs"
            " `newsdesk --db URL server init` first; nothing was written"
        )
    if found != SCHEMA_VERSION:
        raise InvalidInputError(
            f"the newsroom {where} has schema {found}, this newsdesk writes schema"
            f" {SCHEMA_VERSION}: run `newsdesk --db URL server init` with this newsdesk"
            " first; nothing was written"
        )
    owner = conn.execute("SELECT newsdesk_is_admin()").fetchone()[0]
    if not owner:
        user = conn.execute("SELECT session_user").fetchone()[0]
        raise InvalidInputError(
            f"migrate writes a whole newsroom, which only the database's owner may: {user}"
            f" is a desk's login; connect as the owner of {where}; nothing was written"
        )
