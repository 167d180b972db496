"""Where a desk's password may be kept, only when the person asks: the system keyring
(Secret Service, KWallet, macOS Keychain, Windows Credential Locker, through the
`keyring` library) or libpq's own password file (~/.pgpass, or PGPASSFILE), which every
libpq program then reads too (psql, pg_dump, the newsdesk command line). Never the
app's settings file."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from pathlib import Path

from newsdesk.domain.errors import StorageError
from newsdesk.domain.said import Said

log = logging.getLogger(__name__)

KEYRING_SERVICE = "newsdesk"


def _account(url: str) -> str:
    """The keyring's name for a login on a newsroom: the URL without any password."""
    from newsdesk.storage.postgres.connection import display_url

    return display_url(url)


def keyring_problem() -> Said | None:
    """Why the system keyring cannot keep a password here (None: it can)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return Said("keyring-not-installed", "the keyring library is not installed")
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return Said("no-keyring-running", "no system keyring is running on this computer")
    return None


def keyring_password(url: str) -> str | None:
    """The password kept in the system keyring for this login, if any."""
    if keyring_problem():
        return None
    import keyring

    try:
        return keyring.get_password(KEYRING_SERVICE, _account(url))
    except Exception as exc:  # a locked or broken keyring is no reason not to connect
        log.warning("the system keyring could not be read: %s", exc)
        return None


def keep_in_keyring(url: str, password: str) -> None:
    problem = keyring_problem()
    if problem:
        raise StorageError(
            Said("password-not-kept", f"the password was not kept: {problem}", reason=problem)
        )
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, _account(url), password)
    except Exception as exc:
        raise StorageError(
            Said(
                "keyring-refused",
                f"the system keyring refused the password: {exc}",
                detail=str(exc),
            )
        ) from exc


def forget_in_keyring(url: str) -> None:
    if keyring_problem():
        return
    import keyring
    from keyring.errors import PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError):  # nothing kept: nothing to forget
        keyring.delete_password(KEYRING_SERVICE, _account(url))


def pgpass_path() -> Path:
    """libpq's password file: PGPASSFILE, else ~/.pgpass."""
    return Path(os.environ.get("PGPASSFILE") or Path.home() / ".pgpass").expanduser()


def _escape(field: str) -> str:
    # The file's one quoting rule (libpq docs, "The Password File"): \ and : take a \.
    return field.replace("\\", "\\\\").replace(":", "\\:")


def keep_in_pgpass(url: str, password: str) -> Path:
    """Add (or replace) this login's line in libpq's password file, readable by its
    owner only (libpq ignores a file others may read). Returns the file."""
    from newsdesk.storage.postgres.address import pgpass_fields

    path = pgpass_path()
    key = ":".join(_escape(f) for f in pgpass_fields(url))
    line = f"{key}:{_escape(password)}"
    try:
        old = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    except OSError as exc:
        raise StorageError(
            Said(
                "password-file-unreadable",
                f"cannot read {path}: {exc.strerror}",
                path=path,
                detail=exc.strerror,
            )
        ) from exc
    kept = [entry for entry in old if not entry.startswith(key + ":")]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".pgpass-", dir=path.parent)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write("\n".join([*kept, line]) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise StorageError(
            Said(
                "password-file-unwritable",
                f"cannot write the password to {path}: {exc.strerror}",
                path=path,
                detail=exc.strerror,
            )
        ) from exc
    return path
