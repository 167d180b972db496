"""Golden files: compare output with a stored reference, naming the first difference.

Set NEWSDESK_UPDATE_GOLDEN=1 to (re)write the references from the current output;
review the diff before committing them.
"""

from __future__ import annotations

import os
from pathlib import Path

REFERENCE_DIR = Path(__file__).parent / "reference"
UPDATE_ENV = "NEWSDESK_UPDATE_GOLDEN"


def first_difference(expected: str, actual: str) -> str | None:
    """A short description of the first differing line, or None when equal."""
    if expected == actual:
        return None
    expected_lines = expected.split("\n")
    actual_lines = actual.split("\n")
    for number, (want, got) in enumerate(zip(expected_lines, actual_lines, strict=False), 1):
        if want != got:
            column = next(
                (i for i, (a, b) in enumerate(zip(want, got, strict=False)) if a != b),
                min(len(want), len(got)),
            )
            return (
                f"first difference at line {number}, column {column + 1}:\n"
                f"  expected: {want!r}\n"
                f"  actual:   {got!r}"
            )
    if len(expected_lines) != len(actual_lines):
        number = min(len(expected_lines), len(actual_lines)) + 1
        longer, which = (
            (expected_lines, "expected")
            if len(expected_lines) > len(actual_lines)
            else (actual_lines, "actual")
        )
        return (
            f"first difference at line {number}: only the {which} text has it:"
            f" {longer[number - 1]!r} ({len(expected_lines)} lines expected,"
            f" {len(actual_lines)} actual)"
        )
    return "the texts differ in line endings only"  # pragma: no cover - split covers \n


def assert_golden(actual: str, name: str) -> None:
    """Compare `actual` with tests/reference/`name` (UTF-8 text, compared exactly)."""
    path = REFERENCE_DIR / name
    if os.environ.get(UPDATE_ENV) == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    if not path.exists():
        raise AssertionError(
            f"no golden file {path}; run the tests with {UPDATE_ENV}=1 to create it"
        )
    expected = path.read_bytes().decode("utf-8")
    difference = first_difference(expected, actual)
    if difference is not None:
        raise AssertionError(
            f"{name} differs from its golden file ({path}); {difference}\n"
            f"(if the change is intended, rerun with {UPDATE_ENV}=1 and review the diff)"
        )
