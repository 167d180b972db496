"""The newsroom: the one door every front end (CLI, desktop app, tests) goes through."""

from __future__ import annotations

from newsdesk.newsroom.audit_trail import approval_withdrawn
from newsdesk.newsroom.service import Newsroom, ProbeRun
from newsdesk.storage.read_cancel import ReadCancel, ReadSuperseded

__all__ = ["Newsroom", "ProbeRun", "ReadCancel", "ReadSuperseded", "approval_withdrawn"]
