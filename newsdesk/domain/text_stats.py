"""Word and character counts, the way a newsroom counts them.

Each CJK character counts as one word (Chinese is written without spaces, and
editors count characters); any other run of non-space characters that holds a
letter or digit is one word, so a lone dash or bullet is not.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"


# Compiled at first use, not at import: the CJK ranges make each a 2-3 ms compile,
# and the window imports this module (through the editor) before its first paint.
@functools.cache
def _pattern(with_spaces: bool) -> re.Pattern[str]:
    spaces = r"|\s+" if with_spaces else ""
    return re.compile(rf"[{_CJK}]{spaces}|[^\s{_CJK}]+")


def word_pieces(text: str) -> list[str]:
    """`text` cut into its words (each CJK character one) and the spaces between them:
    joined again they give `text` back."""
    return _pattern(True).findall(text)


def count_words(text: str) -> int:
    return sum(1 for token in _pattern(False).findall(text) if any(ch.isalnum() for ch in token))


def count_chars(text: str) -> int:
    """Characters as printed: runs of whitespace count as one space, ends trimmed."""
    return len(" ".join(text.split()))


def counts(paragraphs: Iterable[str]) -> tuple[int, int]:
    """(words, characters) of several paragraphs."""
    words = chars = 0
    for paragraph in paragraphs:
        words += count_words(paragraph)
        chars += count_chars(paragraph)
    return words, chars
