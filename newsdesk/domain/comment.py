"""An editorial note on an article (never exported)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Comment:
    id: int
    article_id: int
    parent_id: int | None
    at: str
    author: str
    text: str
