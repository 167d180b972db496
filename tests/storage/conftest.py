from __future__ import annotations

import pytest

from newsdesk.domain.article import Person
from newsdesk.domain.status import UserRole
from newsdesk.storage.sqlite.store import SQLiteStore


def _sqlite(request, tmp_path):
    return SQLiteStore(tmp_path / "newsroom.db")


def _postgres(request, tmp_path):
    from newsdesk.storage.postgres.store import PostgresStore

    # As the newsroom's owner: the contract is the store's, not the rules' (the owner
    # may write under any name; tests/storage/test_pg_rules.py tries the desks').
    return PostgresStore(request.getfixturevalue("pg_newsroom").url)


# Every engine behind the Store interface is listed here and must pass the contract
# (tests/conftest.py's ENGINE_NAMES parametrises `engine` with the same names).
ENGINES = {"sqlite": _sqlite, "postgres": _postgres}


@pytest.fixture
def store(request, engine, tmp_path):
    opened = ENGINES[engine](request, tmp_path)
    opened.add_person(Person("Lena Park", frozenset({UserRole.REPORTER})))
    opened.add_person(Person("Omar Diaz", frozenset({UserRole.PRODUCER})))
    yield opened
    opened.close()


@pytest.fixture
def db_path(tmp_path):
    """A newsroom file with a reporter (Lena Park) and three articles."""
    from newsdesk.domain.article import Article, Person
    from newsdesk.domain.status import UserRole
    from newsdesk.storage.sqlite.store import SQLiteStore

    store = SQLiteStore(tmp_path / "n.db")
    store.add_person(Person("Lena Park", frozenset({UserRole.REPORTER})))
    for i in range(3):
        store.insert_article(Article(headline=f"Story {i}", slug=f"s{i}"), actor="Lena Park")
    store.close()
    return tmp_path / "n.db"
