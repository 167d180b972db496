"""A person's own login on the server: a PostgreSQL login role in the newsroom's group
roles for that person's roles (and in no other group of this newsroom)."""

from __future__ import annotations

from collections.abc import Iterable

import psycopg
from psycopg import sql

from newsdesk.domain.errors import InvalidInputError, StorageError
from newsdesk.domain.status import UserRole


def group_roles(conn: psycopg.Connection) -> dict[str, str]:
    """The newsroom's group role per newsroom role (set by `server init`)."""
    keys = [f"{role.value}_role" for role in UserRole]
    rows = conn.execute(
        "SELECT key, value FROM newsdesk_meta WHERE key = ANY(%s)", [keys]
    ).fetchall()
    return {key.removesuffix("_role"): value for key, value in rows}


def ensure_login(
    conn: psycopg.Connection,
    login: str,
    roles: Iterable[UserRole],
    *,
    password: str | None = None,
) -> None:
    """Create `login` if it does not exist, set its password when one is given, and
    make it a member of exactly the groups of `roles`."""
    login = login.strip()
    if not login:
        raise InvalidInputError("a login needs a name")
    found = conn.execute(
        "SELECT rolsuper, rolcanlogin FROM pg_roles WHERE rolname = %s", [login]
    ).fetchone()
    owner = conn.execute(
        "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'articles'::regclass"
    ).fetchone()[0]
    groups = group_roles(conn)
    if login == owner or (found and found[0]):
        raise InvalidInputError(
            f"{login} owns the newsroom or is a superuser: such a login passes every rule"
            " the server enforces, so it cannot be a desk's login; choose another"
        )
    if login in groups.values():
        raise InvalidInputError(f"{login} is one of the newsroom's group roles, not a login")
    ident = sql.Identifier(login)
    try:
        if found is None:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(ident))
        elif not found[1]:
            raise InvalidInputError(f"{login} is a role that cannot log in, not a login")
        if password:
            # Encrypted here (SCRAM, as the server asks), so the password itself never
            # travels in a statement the server might log.
            hashed = conn.pgconn.encrypt_password(password.encode("utf-8"), login.encode("utf-8"))
            conn.execute(
                sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                    ident, sql.Literal(hashed.decode("ascii"))
                )
            )
        wanted = {r.value if isinstance(r, UserRole) else str(r) for r in roles}
        for kind, group in groups.items():
            statement = "GRANT {} TO {}" if kind in wanted else "REVOKE {} FROM {}"
            conn.execute(sql.SQL(statement).format(sql.Identifier(group), ident))
    except psycopg.errors.InsufficientPrivilege as exc:
        raise StorageError(
            f"cannot set up the login {login}: {exc.diag.message_primary} (run this as the"
            " newsroom's owner, with a login that may create roles)"
        ) from exc
