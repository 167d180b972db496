"""Article statuses and the user roles of the newsroom."""

from __future__ import annotations

from enum import StrEnum

from newsdesk.domain.errors import InvalidInputError


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    PUBLISHED = "published"
    ARCHIVED = "archived"

    @classmethod
    def parse(cls, value: str) -> Status:
        try:
            return cls(value.strip().lower())
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise InvalidInputError(f"unknown status {value!r} (one of: {names})") from None


class UserRole(StrEnum):
    REPORTER = "reporter"
    PRODUCER = "producer"
    WEB = "web"

    @classmethod
    def parse(cls, value: str) -> UserRole:
        try:
            return cls(value.strip().lower())
        except ValueError:
            names = ", ".join(r.value for r in cls)
            raise InvalidInputError(f"unknown role {value!r} (one of: {names})") from None
