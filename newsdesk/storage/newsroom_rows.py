"""A whole newsroom as rows: the tables both engines hold column for column, in one
order, so a newsroom can be copied from one engine to the other and the copy compared
with its source value for value (`newsdesk migrate`).

Each engine has a reader (sqlite/dump.py, postgres/dump.py) that fills NewsroomRows
from one consistent snapshot; the server has a writer (postgres/load.py).
"""

from __future__ import annotations

import dataclasses

# (table, columns, ordering): every table that holds newsroom data, parents first (a
# foreign key never points at a row not yet copied). The search index is not here:
# it is derived from the articles, and each engine builds its own.
TABLES: tuple[tuple[str, tuple[str, ...], str], ...] = tuple(
    (table, tuple(columns.split()), order)
    for table, columns, order in (
        ("people", "name roles created_at", "name"),
        (
            "articles",
            "id slug kicker headline section date source language body credits images"
            " summary keywords reporters status revision approved_revision created_by"
            " created_at updated_at updated_by content_updated_at content_updated_by",
            "id",
        ),
        (
            "revisions",
            "article_id revision saved_at saved_by status note data",
            "article_id, revision",
        ),
        ("comments", "id article_id parent_id at author text", "id"),
        ("images", "sha256 media_type data created_at", "sha256"),
        ("settings", "key value", "key"),
        ("credit_roles", "position key en zh", "position, key"),
        (
            "audit",
            "id article_id at actor action from_status to_status revision comment prev_hash hash",
            "id",
        ),
    )
)

# Settings an engine keeps for itself, not newsroom data: SQLite keeps the audit
# chain's head here, the server in its own audit_head row.
ENGINE_SETTINGS = frozenset({"audit_head"})

# Tables whose rows make a newsroom "not empty" (a fresh server newsroom holds only
# the seeded site profile and credit vocabulary).
CONTENT_TABLES = ("people", "articles", "revisions", "comments", "images", "audit")


@dataclasses.dataclass
class NewsroomRows:
    """Every table of TABLES as a list of tuples, in its columns' and ordering's order."""

    tables: dict[str, list[tuple]]

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items()}

    def audit_entries(self) -> list[dict]:
        columns = dict((t, c) for t, c, _ in TABLES)["audit"]
        return [dict(zip(columns, row, strict=True)) for row in self.tables["audit"]]

    def first_difference(self, other: NewsroomRows) -> str | None:
        """Where `other` differs from these rows (None: equal, value for value)."""
        for table, columns, _ in TABLES:
            mine, theirs = self.tables.get(table, []), other.tables.get(table, [])
            if len(mine) != len(theirs):
                return f"{table}: {len(mine)} rows here, {len(theirs)} there"
            for a, b in zip(mine, theirs, strict=True):
                if a != b:
                    for column, x, y in zip(columns, a, b, strict=True):
                        if x != y:
                            return f"{table} row {a[0]!r}: {column} differs"
        return None


def normalise(value: object) -> object:
    """One Python type per stored value, whichever engine read it (bytea is memoryview
    or bytes, a SQLite blob bytes)."""
    if isinstance(value, memoryview | bytearray):
        return bytes(value)
    return value
