"""The credit role vocabulary: bilingual labels in the site's default order.

The vocabulary is data: the store keeps the newsroom's copy, and these are only the
defaults it starts from. A credit stores the label it was entered with; a page looks
the role up here to print the label of its own language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class CreditRole:
    key: str
    en: str
    zh: str

    def label(self, language: str) -> str:
        return self.zh if language.lower().startswith("zh") else self.en


DEFAULT_CREDIT_ROLES: tuple[CreditRole, ...] = (
    CreditRole("producer", "Producer", "监制"),
    CreditRole("reporter", "Reporter", "记者"),
    CreditRole("photography", "Photography", "摄像"),
    CreditRole("record", "Record", "录音"),
    CreditRole("translation", "Translation", "翻译"),
    CreditRole("editor", "Editor", "编辑"),
    CreditRole("editor_in_charge", "Editor-in-charge", "责任编辑"),
    CreditRole("video_editing", "Video editing", "剪辑"),
    CreditRole("director", "Director", "编导"),
    CreditRole("planning", "Planning", "策划"),
    CreditRole("coordination", "Coordination", "统筹"),
    CreditRole("voice_over", "Voice-over", "配音"),
    CreditRole("technical_support", "Technical support", "技术"),
)


class CreditVocabulary:
    """Looks roles up by key or by either label, case-insensitively."""

    def __init__(self, roles: Iterable[CreditRole] = DEFAULT_CREDIT_ROLES) -> None:
        self.roles: tuple[CreditRole, ...] = tuple(roles)
        self._index: dict[str, CreditRole] = {}
        for role in self.roles:
            for name in (role.key, role.en, role.zh):
                self._index.setdefault(name.casefold(), role)

    def find(self, label: str) -> CreditRole | None:
        return self._index.get(label.strip().casefold())

    def label(self, role: str, language: str) -> str:
        """The label a page in `language` prints for `role`; unknown roles print as given."""
        found = self.find(role)
        return found.label(language) if found else role

    def order_of(self, role: str) -> int:
        found = self.find(role)
        return self.roles.index(found) if found else len(self.roles)

    def labels(self, language: str = "en") -> list[str]:
        return [r.label(language) for r in self.roles]
