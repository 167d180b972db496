"""The newsroom: the one door every front end (CLI, desktop app, tests) goes through."""

from __future__ import annotations

from newsdesk.newsroom.audit_trail import approval_withdrawn
from newsdesk.newsroom.service import Newsroom, ProbeRun

__all__ = ["Newsroom", "ProbeRun", "approval_withdrawn"]
