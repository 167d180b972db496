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

import re

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
