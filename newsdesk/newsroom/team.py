"""Setting up a team base: a newsroom on a PostgreSQL server, for many desks at once."""

from __future__ import annotations

from newsdesk.domain.errors import InvalidInputError
from newsdesk.storage.open import init_server as _init_server
from newsdesk.storage.open import is_server

__all__ = ["init_server", "is_server"]


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
