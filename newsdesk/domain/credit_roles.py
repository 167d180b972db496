"""The credit role vocabulary: bilingual labels and aliases, in the site's default order.

The vocabulary is data: the store keeps the newsroom's copy, and these are only the
defaults it starts from. Each role has an English and a Chinese label and any number
of aliases (other spellings pages use for it: `Camera` for Photography, `责编` for
责任编辑). A credit stores the label it was entered with, and a page prints that label:
a role is never translated behind the user's back (an article credited `监制` prints
`监制` on any site). Only a credit stored under a role's bare key (`reporter`) is
printed with the label of the page's language.

Looking a role up ignores case, and whitespace anywhere in the label: pages align
their credit lines by spacing labels out (`监 制丨`, `编　导丨`), and those are the
same roles.

A store that does not hold aliases (it keeps key and labels) still matches the default
aliases: a stored role whose key is a default role's key gets that role's aliases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Any whitespace, including the ideographic space U+3000 pages align labels with.
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class CreditRole:
    key: str
    en: str
    zh: str
    aliases: tuple[str, ...] = ()

    def label(self, language: str) -> str:
        return self.zh if language.lower().startswith("zh") else self.en

    def spellings(self) -> tuple[str, ...]:
        """Every text that names this role: key, both labels, aliases."""
        return (self.key, self.en, self.zh, *self.aliases)


DEFAULT_CREDIT_ROLES: tuple[CreditRole, ...] = (
    CreditRole("producer", "Producer", "监制", ("Supervisor", "Supervising Producer")),
    CreditRole("reporter", "Reporter", "记者", ("Correspondent", "Journalist")),
    CreditRole(
        "photography",
        "Photography",
        "摄像",
        ("Camera", "Cameraman", "Camera operator", "Videographer", "Cinematography"),
    ),
    CreditRole("record", "Record", "录音", ("Sound", "Recording", "Sound recording")),
    CreditRole("translation", "Translation", "翻译", ("Translator", "Translated by")),
    CreditRole("editor", "Editor", "编辑"),
    CreditRole(
        "editor_in_charge",
        "Editor-in-charge",
        "责任编辑",
        ("责编", "Editor in charge", "Responsible editor"),
    ),
    CreditRole("video_editing", "Video editing", "剪辑", ("Editing", "Video editor", "Cutting")),
    CreditRole("director", "Director", "编导"),
    CreditRole("planning", "Planning", "策划", ("Planner", "Concept")),
    CreditRole("coordination", "Coordination", "统筹", ("Coordinator",)),
    CreditRole("voice_over", "Voice-over", "配音", ("Voiceover", "Voice over", "Dubbing")),
    CreditRole("technical_support", "Technical support", "技术"),
    CreditRole("chief_producer", "Chief Producer", "总监制", ("Chief Supervisor",)),
    CreditRole("executive_producer", "Executive Producer", "制片人", ("制片",)),
    CreditRole("narration", "Narration", "解说", ("Narrator",)),
    CreditRole("production", "Production", "制作", ("Produced by",)),
    CreditRole("assistance", "Assistance", "协助", ("Assistant", "Assisted by")),
    CreditRole("post_production", "Post-production", "后期", ("Post production", "后期制作")),
)

_DEFAULT_ALIASES = {role.key: role.aliases for role in DEFAULT_CREDIT_ROLES}


def role_lookup_key(label: str) -> str:
    """The form labels are compared in: case folded, all whitespace removed."""
    return _SPACES.sub("", label).casefold()


def compact_label(label: str) -> str:
    """A label as a page aligned it, with the alignment spacing taken out.

    `监 制` -> `监制`; Latin words keep one space between them (`Video  editing` ->
    `Video editing`), because there the space is part of the label."""
    words = label.split()
    out = ""
    for word in words:
        if out and not (_is_cjk(out[-1]) or _is_cjk(word[0])):
            out += " "
        out += word
    return out


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


class CreditVocabulary:
    """Looks roles up by key, either label or an alias (case and spacing ignored)."""

    def __init__(self, roles: Iterable[CreditRole] = DEFAULT_CREDIT_ROLES) -> None:
        self.roles: tuple[CreditRole, ...] = tuple(
            role if role.aliases else _with_default_aliases(role) for role in roles
        )
        self._index: dict[str, CreditRole] = {}
        for role in self.roles:
            for name in role.spellings():
                if name.strip():
                    self._index.setdefault(role_lookup_key(name), role)

    def find(self, label: str) -> CreditRole | None:
        return self._index.get(role_lookup_key(label))

    def label(self, role: str, language: str) -> str:
        """The label a page in `language` prints for a credit stored as `role`.

        The stored label itself (never translated), except for a role stored under its
        bare key (`reporter`, `editor_in_charge`), which prints the label of `language`.
        """
        found = self.find(role)
        if (
            found is not None
            and role.strip() == found.key
            and found.key not in (found.en, found.zh)
        ):
            return found.label(language)
        return role

    def order_of(self, role: str) -> int:
        found = self.find(role)
        return self.roles.index(found) if found else len(self.roles)

    def labels(self, language: str = "en") -> list[str]:
        return [r.label(language) for r in self.roles]


def _with_default_aliases(role: CreditRole) -> CreditRole:
    aliases = _DEFAULT_ALIASES.get(role.key, ())
    return CreditRole(role.key, role.en, role.zh, aliases) if aliases else role
