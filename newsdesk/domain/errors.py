"""Errors the core raises. Each carries a message a user can act on."""

from __future__ import annotations

from newsdesk.domain.said import said_of


class NewsdeskError(Exception):
    """Base class: anything the user should see as one clear line."""


class RuleViolation(NewsdeskError):
    """An editorial rule refused the action.

    `rule` names the rule and never changes (tests, the CLI's users and the server's
    own rules rely on it); `message` says it in English; `params` are the values the
    message names (person, article, status ...), so a front end can say the same in
    another language from the rule's name, and fall back to `message` for a rule it
    does not know."""

    def __init__(self, rule: str, message: str, **params: object) -> None:
        super().__init__(f"{message} [rule: {rule}]")
        self.rule = rule
        self.message = message
        self.params = {key: str(value) for key, value in params.items()}


class ConflictError(NewsdeskError):
    """Someone saved a newer revision since this edit started."""

    def __init__(self, article_id: int, expected: int, actual: int) -> None:
        super().__init__(
            f"article {article_id} was changed by someone else: you edited revision "
            f"{expected}, the newest is revision {actual}; nothing was overwritten"
        )
        self.article_id = article_id
        self.expected = expected
        self.actual = actual


class NotFoundError(NewsdeskError):
    """An article, person or revision does not exist."""


class InvalidInputError(NewsdeskError):
    """Input (a file, a field, a value) is not acceptable."""


class StorageError(NewsdeskError):
    """The database cannot be read or written (damaged, locked, disk full)."""


# The names of what the storage says (a Said) when the newsroom server cannot be reached
# or is too busy for a while: trouble that passes, nothing wrong with the database.
SERVER_OUT_OF_REACH = frozenset({"server-unreachable", "server-no-connection-in-time"})
SERVER_PASSING_TROUBLE = SERVER_OUT_OF_REACH | {"server-too-busy"}


def named(value: object, names: frozenset[str]) -> bool:
    """Whether `value` (a message, or an exception carrying one) is said under one of
    `names` (see newsdesk.domain.said)."""
    said = said_of(value)
    return said is not None and said.name in names
