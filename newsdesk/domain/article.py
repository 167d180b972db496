"""The article, its credits and the people of the newsroom."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from newsdesk.domain.status import Status, UserRole

# Fields whose change is a change of what readers see; approval is bound to them.
CONTENT_FIELDS = (
    "kicker",
    "headline",
    "section",
    "date",
    "source",
    "language",
    "body",
    "credits",
    "images",
    "summary",
    "keywords",
)


@dataclass(frozen=True)
class Credit:
    """One credit line: a role and the people in it, in order."""

    role: str
    names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", tuple(self.names))

    def to_dict(self) -> dict:
        return {"role": self.role, "names": list(self.names)}

    @classmethod
    def from_dict(cls, data: dict) -> Credit:
        return cls(role=str(data["role"]), names=tuple(str(n) for n in data.get("names", ())))


@dataclass(frozen=True)
class Image:
    """An image attached to an article. `name` is the safe file name it is exported under."""

    name: str
    sha256: str
    media_type: str
    alt: str = ""
    caption: str = ""

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Image:
        return cls(**{f.name: data[f.name] for f in dataclasses.fields(cls) if f.name in data})


@dataclass
class Article:
    """An article as the newsroom edits it. `body` is Markdown."""

    headline: str
    kicker: str = ""
    section: list[str] = field(default_factory=lambda: ["news", "news"])
    date: dt.date | None = None
    source: str = ""
    language: str = "en"
    body: str = ""
    credits: list[Credit] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    # The standfirst: a sentence or two saying what the article is about (the page's
    # description); empty means the description is taken from the body.
    summary: str = ""
    # Subject keywords (tags), in the order given; exported as ninjs subjects and
    # page keywords.
    keywords: list[str] = field(default_factory=list)
    id: int | None = None
    slug: str = ""
    status: Status = Status.DRAFT
    revision: int = 0
    approved_revision: int | None = None
    created_by: str = ""
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    updated_by: str = ""
    # The last change of the content (a new revision), and by whom: unlike
    # updated_at, a workflow action (approve, publish) leaves these as they were.
    content_updated_at: dt.datetime | None = None
    content_updated_by: str = ""

    def content(self) -> dict:
        """The reader-visible content, as plain data (what approval is bound to)."""
        data = {}
        for name in CONTENT_FIELDS:
            value = getattr(self, name)
            if name == "date":
                value = value.isoformat() if value else None
            elif name == "credits":
                value = [c.to_dict() for c in value]
            elif name == "images":
                value = [i.to_dict() for i in value]
            elif name in ("section", "keywords"):
                value = list(value)
            data[name] = value
        return data

    def with_content(self, content: dict) -> Article:
        """A copy of this article with its content replaced by `content` (from `content()`)."""
        return dataclasses.replace(self, **content_from_dict(content))

    def names_in_role(self, role: str) -> list[str]:
        wanted = role.casefold()
        return [n for c in self.credits if c.role.casefold() == wanted for n in c.names]

    @property
    def reporters(self) -> list[str]:
        return self.names_in_role("Reporter")

    @property
    def title(self) -> str:
        """Kicker and headline as the site prints them (with the default separator)."""
        return f"{self.kicker}丨{self.headline}" if self.kicker else self.headline


def content_from_dict(data: dict) -> dict:
    """Turn `Article.content()`-shaped data back into constructor arguments.

    A field missing from `data` (a revision stored before the field existed) takes the
    field's default: such a revision had none of it."""
    out: dict = {}
    for name in CONTENT_FIELDS:
        if name not in data:
            if name in _CONTENT_DEFAULTS:
                out[name] = _CONTENT_DEFAULTS[name]()
            continue
        value = data[name]
        if name == "date":
            value = dt.date.fromisoformat(value) if value else None
        elif name == "credits":
            value = [Credit.from_dict(c) for c in value]
        elif name == "images":
            value = [Image.from_dict(i) for i in value]
        elif name in ("section", "keywords"):
            value = [str(s) for s in value]
        out[name] = value
    return out


def _field_default(f: dataclasses.Field):
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory
    if f.default is not dataclasses.MISSING:
        return lambda: f.default
    return None


_CONTENT_DEFAULTS = {
    f.name: _field_default(f)
    for f in dataclasses.fields(Article)
    if f.name in CONTENT_FIELDS and _field_default(f) is not None
}


@dataclass(frozen=True)
class Person:
    name: str
    roles: frozenset[UserRole] = frozenset()
    # A deactivated person keeps their history and credits but no longer acts (see
    # newsroom/identity.py) and is not offered to choose from.
    active: bool = True

    def has_role(self, role: UserRole) -> bool:
        return role in self.roles


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the article list: what the list shows, nothing more."""

    id: int
    kicker: str
    headline: str
    status: Status
    section: tuple[str, ...]
    reporters: tuple[str, ...]
    date: dt.date | None
    updated_at: dt.datetime | None
    created_by: str
    revision: int
    # Sent back to its reporter by a producer and not submitted again since.
    returned: bool = False


class ArticleHead(NamedTuple):
    """One stored state of an article, named by `stamp`, with what an export needs of
    it before it reads the body: its files' names, its index line, its images' names.

    Equal stamps mean the same stored article (every field), so its exported files are
    the same too: a re-export skips reading and hashing the article. A named tuple: a
    whole-site export makes one per article, and a frozen dataclass costs five times
    as much to make."""

    id: int
    slug: str
    kicker: str
    headline: str
    date: dt.date | None
    images: tuple[Image, ...]
    stamp: str


@dataclass(frozen=True)
class FormerSlug:
    """An address the article had before: kept, and a redirect when the site had it."""

    slug: str
    replaced_at: dt.datetime | None
    replaced_by: str
    published: bool  # the article had been published under it (the site carried it)


@dataclass(frozen=True)
class RevisionInfo:
    article_id: int
    revision: int
    saved_at: dt.datetime
    saved_by: str
    status: Status
    note: str = ""


@dataclass(frozen=True)
class AuditEvent:
    id: int
    article_id: int | None
    at: dt.datetime
    actor: str
    action: str
    from_status: str | None
    to_status: str | None
    revision: int | None
    comment: str = ""
