"""The layers of ARCHITECTURE.md, checked: imports point down only."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "newsdesk"


def _sources(*folders: str) -> list[Path]:
    return [p for folder in folders for p in sorted((PACKAGE / folder).rglob("*.py"))]


def _offenders(paths: list[Path], pattern: str) -> list[str]:
    rx = re.compile(pattern, re.M)
    return [
        f"{p.relative_to(PACKAGE.parent)}:{n}"
        for p in paths
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if rx.search(line)
    ]


def test_front_ends_never_reach_past_the_newsroom_into_the_store():
    assert _offenders(_sources("gui", "cli"), r"\.store\b") == []
    assert _offenders(_sources("gui", "cli"), r"^\s*(from|import) newsdesk\.storage\b") == []


def test_no_qt_below_the_gui():
    below = _sources("domain", "storage", "publish", "newsroom", "cli")
    assert _offenders(below, r"^\s*(from|import) (PySide6|PyQt)") == []


def test_sql_drivers_only_in_storage():
    outside = _sources("domain", "publish", "newsroom", "cli", "gui")
    assert _offenders(outside, r"^\s*(from|import) (sqlite3|sqlite_utils|psycopg)\b") == []


def test_the_domain_imports_only_the_domain():
    assert _offenders(_sources("domain"), r"^\s*(from|import) newsdesk\.(?!domain)") == []


def test_no_module_does_several_jobs_in_over_500_lines():
    long = [
        f"{p.relative_to(PACKAGE.parent)}: {n} lines"
        for p in sorted(PACKAGE.rglob("*.py"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500
    ]
    assert long == []
