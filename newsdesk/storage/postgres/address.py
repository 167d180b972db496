"""A newsroom server's address as a person fills it in (server, newsroom, login, TLS)
and as libpq reads it (a postgresql:// URL). Parsing is libpq's own, through psycopg."""

from __future__ import annotations

import dataclasses
from urllib.parse import quote

import psycopg
from psycopg import conninfo as pg_conninfo

from newsdesk.domain.errors import InvalidInputError

DEFAULT_PORT = 5432
# libpq's "check the certificate and that it names this host" (docs/team-server.md).
VERIFIED_TLS = "verify-full"


@dataclasses.dataclass(frozen=True)
class ServerAddress:
    """`server` is a host name, `host:port`, or a socket folder (`/run/postgresql`);
    empty means libpq's default socket. `extra` keeps any other libpq parameters."""

    server: str
    newsroom: str
    login: str
    verify_tls: bool = False
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def is_socket(self) -> bool:
        return not self.server or self.server.startswith("/")

    def to_url(self) -> str:
        if not self.newsroom.strip():
            raise InvalidInputError("say which newsroom: its database name on the server")
        if not self.login.strip():
            raise InvalidInputError("say which login: your own login on the newsroom server")
        server = self.server.strip()
        query: dict[str, str] = dict(self.extra)
        netloc = quote(self.login.strip(), safe="") + "@"
        if server.startswith("/"):
            query["host"] = server
        elif server:
            host, _, port = server.rpartition(":") if server.count(":") == 1 else (server, "", "")
            if port and not port.isdigit():
                raise InvalidInputError(f"{server!r}: the port after ':' must be a number")
            netloc += quote(host or server, safe=".-") + (f":{port}" if port else "")
        if self.verify_tls and not self.is_socket:
            query["sslmode"] = VERIFIED_TLS
        tail = "&".join(f"{k}={quote(v, safe='/')}" for k, v in query.items())
        url = f"postgresql://{netloc}/{quote(self.newsroom.strip(), safe='')}"
        return url + (f"?{tail}" if tail else "")

    @classmethod
    def from_url(cls, url: str) -> ServerAddress:
        try:
            params = pg_conninfo.conninfo_to_dict(url)
        except psycopg.ProgrammingError as exc:
            raise InvalidInputError(f"not a newsroom server address ({exc})") from exc
        params.pop("password", None)
        host = params.pop("host", "") or ""
        port = params.pop("port", "") or ""
        server = host if host.startswith("/") or not port else f"{host}:{port}"
        sslmode = params.pop("sslmode", "")
        return cls(
            server=server,
            newsroom=params.pop("dbname", "") or "",
            login=params.pop("user", "") or "",
            verify_tls=sslmode == VERIFIED_TLS,
            extra=tuple((k, str(v)) for k, v in params.items() if k != "connect_timeout"),
        )


def pgpass_fields(url: str) -> tuple[str, str, str, str]:
    """(host, port, database, user) as libpq looks them up in a password file: a socket
    connection without a host is "localhost", a missing port the default."""
    params = pg_conninfo.conninfo_to_dict(url)
    host = params.get("host") or "localhost"
    return (
        host,
        str(params.get("port") or DEFAULT_PORT),
        params.get("dbname") or params.get("user") or "",
        params.get("user") or "",
    )
