"""The search index on PostgreSQL: our own normalised words (storage/search_text.py,
the same reading as the SQLite engine) written as `tsvector` values, and what the user
typed as `tsquery` values.

We build both as literals instead of calling to_tsvector: PostgreSQL's parser then
never re-splits our words, whatever the server's locale. Each word gets a weight for
its field (headline A, kicker and keywords B, credits C, body D), which the search's
tiers ask for (queries.py: the SQLite engine's ranking). A tsvector keeps positions
only up to 16,383 and may not exceed 1 MB, so a long body is split into parts, each its own
row, overlapping by a few words so a phrase across a cut is still found.
"""

from __future__ import annotations

import json

from newsdesk.storage.search_text import index_terms

_MAX_POSITION = 16_383
# Words per part of a long body: far below 16,383 positions and 1 MB of lexemes.
PART_WORDS = 8_000
# Words repeated at the start of the next part, so a phrase of up to this many words
# (a Chinese word of 17 characters) is found across a cut.
_OVERLAP = 16
# Positions left empty between fields, so no phrase matches across two fields.
_FIELD_GAP = 4


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def _tsvector(fields: list[tuple[list[str], str]]) -> str:
    """A tsvector literal of `fields` ((terms, weight) in order)."""
    positions: dict[str, list[str]] = {}
    position = 1
    for terms, weight in fields:
        # Once per word of every article imported: no call more than needed.
        for at, term in enumerate(terms, position):
            mark = f"{at if at < _MAX_POSITION else _MAX_POSITION}{weight}"
            found = positions.get(term)
            if found is None:
                positions[term] = [mark]
            else:
                found.append(mark)
        position += len(terms) + _FIELD_GAP
    return " ".join(f"{_lexeme(t)}:{','.join(p)}" for t, p in positions.items())


def search_documents(
    headline: str, kicker: str, body: str, credits_json: str, summary: str, keywords_json: str
) -> list[str]:
    """The tsvector literals (parts) of an article, from its stored columns."""
    credits = " ".join(
        f"{c['role']} {' '.join(c.get('names', ()))}" for c in json.loads(credits_json or "[]")
    )
    body_terms = index_terms(f"{summary or ''}\n{body or ''}")
    head = [
        (index_terms(headline or ""), "A"),
        (index_terms(kicker or ""), "B"),
        (index_terms(" ".join(json.loads(keywords_json or "[]"))), "B"),
        (index_terms(credits), "C"),
    ]
    parts = [_tsvector([*head, (body_terms[:PART_WORDS], "D")])]
    start = PART_WORDS
    while start < len(body_terms):
        parts.append(_tsvector([(body_terms[start - _OVERLAP : start + PART_WORDS], "D")]))
        start += PART_WORDS
    return parts


def tsquery(phrase: list[tuple[str, bool]], weights: str = "") -> str:
    """The tsquery literal of one word the user typed (a phrase of (term, prefix)
    pairs, see search_text.query_terms), found only under `weights` when given."""
    return " <-> ".join(
        _lexeme(term) + (":" + ("*" if prefix else "") + weights if prefix or weights else "")
        for term, prefix in phrase
    )
