"""Setting up a team base: a newsroom on a PostgreSQL server, for many desks at once."""

from __future__ import annotations

from newsdesk.domain.errors import InvalidInputError
from newsdesk.storage.open import init_server as _init_server
from newsdesk.storage.open import is_server
from newsdesk.storage.store import Login

__all__ = ["Login", "init_server", "is_server"]


def init_server(target: str):
    """Create or upgrade the newsroom on the server `target` names: its schema (versioned
    migrations under an advisory lock), its three group roles (reporters, producers, web
    team) and the rules the database enforces. Run as the database owner; safe to
    repeat. Returns what was done (schema versions before and now, the group roles)."""
    if not is_server(str(target)):
        raise InvalidInputError(
            "server init sets up a newsroom server: give --db postgresql://OWNER@HOST/NEWSROOM"
            " (a newsroom file needs no init)"
        )
    return _init_server(str(target))


def migrate_to_server(source, target: str, *, ask_password=None):
    """Copy the newsroom file `source` into the empty, initialised server newsroom
    `target` (as its owner), with every id, revision, comment, image, setting and audit
    entry, in one transaction; refused, writing nothing, when the source fails its
    check or the target is not empty. Returns a MigrateReport (rows per table)."""
    if is_server(str(source)):
        raise InvalidInputError(
            "migrate copies a newsroom file onto a server: give the file first, then the"
            " postgresql:// URL"
        )
    if not is_server(str(target)):
        raise InvalidInputError(
            f"migrate needs a newsroom server to copy into (postgresql://OWNER@HOST/NEWSROOM),"
            f" not {target}"
        )
    from newsdesk.storage.migrate import migrate_file_to_server

    return migrate_file_to_server(source, str(target).strip(), ask_password=ask_password)


def readable_location(target) -> str:
    """The newsroom `target` names, as a person may read it (a server URL without any
    password; a file path as it is)."""
    if is_server(str(target)):
        from newsdesk.storage.postgres.connection import display_url

        return display_url(str(target).strip())
    return str(target)


def server_address(url: str):
    """The ServerAddress (server, newsroom, login, TLS) a server URL names."""
    from newsdesk.storage.postgres.address import ServerAddress

    return ServerAddress.from_url(url)


def server_url(server: str, newsroom: str, login: str, *, verify_tls: bool = False) -> str:
    """The postgresql:// URL of a newsroom server as a person fills it in: `server` is
    a host name, host:port or a socket folder; `verify_tls` asks for a certificate
    that names the host (sslmode=verify-full)."""
    from newsdesk.storage.postgres.address import ServerAddress

    return ServerAddress(server, newsroom, login, verify_tls).to_url()
