from __future__ import annotations

import pytest

from newsdesk.domain.article import Person
from newsdesk.domain.status import UserRole
from newsdesk.storage.sqlite.store import SQLiteStore


def _sqlite(tmp_path):
    return SQLiteStore(tmp_path / "newsroom.db")


# Every engine behind the Store interface is listed here and must pass the contract.
ENGINES = {"sqlite": _sqlite}


@pytest.fixture(params=sorted(ENGINES))
def store(request, tmp_path):
    engine = ENGINES[request.param](tmp_path)
    engine.add_person(Person("Lena Park", frozenset({UserRole.REPORTER})))
    engine.add_person(Person("Omar Diaz", frozenset({UserRole.PRODUCER})))
    yield engine
    engine.close()
