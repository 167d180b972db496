"""Text preparation for full-text search, Chinese included.

SQLite's unicode61 tokenizer keeps an unspaced Chinese sentence as one token, and the
trigram tokenizer cannot find two-character words. So we segment CJK runs ourselves
before indexing: each run becomes its overlapping bigrams plus its last character
("新闻发布会" -> "新闻 闻发 发布 布会 会"). A query word of two or more CJK characters
becomes the phrase of its bigrams; a single character becomes a prefix query, which
matches a bigram starting with it or the trailing unigram. Latin words go to unicode61
unchanged (case and diacritics folded) and are matched as prefixes, for search-as-you-type.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

# CJK ideographs (with extension A and compatibility), kana and hangul syllables.
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+")
_QUERY_TOKEN = re.compile(r"[\w\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+")


def _bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def segment_for_index(text: str) -> str:
    """The text as the index should see it: CJK runs replaced by their bigrams."""
    return _CJK_RUN.sub(lambda m: " " + " ".join(_bigrams(m.group())) + " ", text)


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def build_match_query(query: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None when it has no words.

    Every word must match (AND). Operators typed by the user are treated as text, so
    no input can make the MATCH expression invalid.
    """
    parts: list[str] = []
    for token in _QUERY_TOKEN.findall(query):
        pieces = re.split(f"({_CJK_RUN.pattern})", token)
        for piece in pieces:
            if not piece or piece == "_":
                continue
            if _CJK_RUN.fullmatch(piece):
                if len(piece) == 1:
                    parts.append(_quote(piece) + "*")
                else:
                    grams = [piece[i : i + 2] for i in range(len(piece) - 1)]
                    parts.append(_quote(" ".join(grams)))
            else:
                parts.append(_quote(piece) + "*")
    return " AND ".join(parts) if parts else None


# -- the same normalised words for engines that take terms, not text (PostgreSQL) -----

# A run of letters and digits (str.isalnum), as SQLite's unicode61 tokenizer sees a
# token; everything else separates words.
_WORD = re.compile(r"[^\W_]+")
# PostgreSQL refuses a lexeme longer than 2047 bytes; nobody searches for such a word.
_MAX_TERM_BYTES = 2046


def _fold(word: str) -> str:
    """Case and diacritics folded, like unicode61's `remove_diacritics 2`."""
    if word.isascii():
        return word.lower()
    return _fold_unicode(word)


# Words repeat (a Chinese body is mostly the same few hundred bigrams): each folded once.
@functools.lru_cache(maxsize=65_536)
def _fold_unicode(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def index_terms(text: str) -> list[str]:
    """The words of `text` as both engines index them: CJK runs segmented (see
    segment_for_index), then every word folded, in order (one position each)."""
    text = segment_for_index(text)
    if text.isascii():
        # Every word ASCII: folding is lower-casing, a byte a character; one pass in C
        # instead of one call per word (the index of an import spent most time here).
        return [w for w in _WORD.findall(text.lower()) if len(w) <= _MAX_TERM_BYTES]
    terms = []
    for word in _WORD.findall(text):
        term = _fold(word)
        if term and len(term.encode("utf-8")) <= _MAX_TERM_BYTES:
            terms.append(term)
    return terms


def query_terms(query: str) -> list[list[tuple[str, bool]]] | None:
    """What the user typed as a list of required words, each a phrase of (term,
    prefix) pairs: the same reading as build_match_query (CJK words as phrases of their
    bigrams, a single CJK character and Latin words as prefixes). None: no words."""
    words: list[list[tuple[str, bool]]] = []
    for token in _QUERY_TOKEN.findall(query):
        for piece in re.split(f"({_CJK_RUN.pattern})", token):
            if not piece or piece == "_":
                continue
            if _CJK_RUN.fullmatch(piece):
                if len(piece) == 1:
                    words.append([(piece, True)])
                else:
                    words.append([(piece[i : i + 2], False) for i in range(len(piece) - 1)])
                continue
            folded = [_fold(w) for w in _WORD.findall(piece)]
            folded = [w for w in folded if w and len(w.encode("utf-8")) <= _MAX_TERM_BYTES]
            if folded:
                words.append([(w, i == len(folded) - 1) for i, w in enumerate(folded)])
    return words or None


def ranked_ids(
    fetch: Callable[[str, list[object]], list[tuple]],
    tiers: list[tuple[str, list[object]]],
    limit: int | None,
) -> list[int]:
    """The ids of a tiered search (each engine's tier SELECTs, best first, each a
    superset of the ones before it), in rank order; with `limit`, only that many,
    reading no more of each tier than the first screen needs."""
    seen: dict[int, None] = {}
    for sql, params in tiers:
        if limit is not None:
            # A tier repeats the hits of the tiers before it: read past those.
            sql, params = f"{sql} LIMIT {int(limit) + len(seen)}", params
        for (article_id,) in fetch(sql, params):
            seen.setdefault(article_id, None)
        if limit is not None and len(seen) >= limit:
            break
    ids = list(seen)
    return ids if limit is None else ids[:limit]
