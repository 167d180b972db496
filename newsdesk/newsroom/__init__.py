"""The newsroom: the one door every front end (CLI, desktop app, tests) goes through."""

from __future__ import annotations

from newsdesk.newsroom.service import Newsroom, approval_withdrawn

__all__ = ["Newsroom", "approval_withdrawn"]
