"""Passwords typed in the app, kept in this process's memory for as long as it runs.

The window's workers open connections of their own (one per thread) to the newsroom the
user connected to; they find the password here instead of asking again. Nothing here
is ever written anywhere: a password is kept beyond the session only in the system
keyring or libpq's password file, and only when the person asks (credentials.py).
"""

from __future__ import annotations

from newsdesk.newsroom.team import readable_location

_typed: dict[str, str] = {}


def keep(target: str, password: str) -> None:
    _typed[readable_location(target)] = password


def forget(target: str) -> None:
    _typed.pop(readable_location(target), None)


def asker(target: str):
    """An `ask_password` for Newsroom.open: the password typed for `target`, if any."""
    key = readable_location(target)
    return lambda _prompt: _typed.get(key)
