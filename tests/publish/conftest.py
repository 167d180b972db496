"""Fixtures shared by the publish tests."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Vendored with its licence note (tests/fixtures/specs/README.md): the schema tests
# run on a fresh clone.
SCHEMA_PATH = Path(__file__).parents[1] / "fixtures" / "specs" / "ninjs-schema_2.2.json"
_RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


@pytest.fixture(scope="session")
def validator():
    import jsonschema  # a test dependency: the schema tests never skip

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    # jsonschema checks these two formats only with optional packages; check them here.
    checker = jsonschema.FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def _date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        dt.datetime.fromisoformat(value)
        return bool(_RFC3339.match(value))

    @checker.checks("uri", raises=ValueError)
    def _uri(value: object) -> bool:
        return not isinstance(value, str) or bool(urlsplit(value).scheme)

    return jsonschema.Draft202012Validator(schema, format_checker=checker)
