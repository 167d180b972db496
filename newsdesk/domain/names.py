"""Splitting a credit line's names into people.

A credit line lists several people in one run of text: `Li Na Zhou Wei` is two people,
`李娜 周伟` too. `split_names` guesses the people, in order, so the user only has to
correct the guess:

0. An organisation (`Camera Team of the General Station News Center`, `新闻中心摄像组`)
   is one credit holder: text with a word organisations are named with (Team,
   Center, Station, Desk, 中心, 团队, ...) and no explicit delimiter stays whole.
1. Explicit delimiters win: when the text contains `、`, `，`, `,`, `;`, `；`, the word
   `and` or the word `&`, each delimited piece is one name, as written
   (`Yan Shuainan and Wang Shanshan` is two people). `和` between two Chinese names
   (`李娜和周伟`) separates them too, but only when both sides are 2 to 4 characters
   long, the length of a Chinese name: `王和平` is one person.
2. Otherwise the text is cut into whitespace-separated tokens and the people the
   newsroom already knows are matched first: at each position the longest known name
   (compared case-insensitively, token by token) is taken, spelled as the newsroom
   knows it.
3. A token in Chinese script is one name (Chinese names are written without spaces
   inside them, and between names with spaces). A token that is several known people
   run together (`李娜周伟`) is split into them when every leftover piece is 2 to 4
   characters long, the length of a Chinese name; otherwise it stays whole.
4. Runs of romanised tokens that are nobody known are taken in pairs, surname and
   given name (`Li Na Zhou Wei` -> `Li Na`, `Zhou Wei`). An odd run cannot be paired
   exactly: its last three tokens make one name (a given name written in two parts,
   as in `Zhang Xiao Long`), and a run of one token is a one-token name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_DELIMITERS = re.compile(r"\s*[、，,;；]\s*|\s+(?:and|&)\s+", re.IGNORECASE)
_HAN_AND = re.compile(r"^(?P<a>[^\s和]{2,4})\s*和\s*(?P<b>[^\s和]{2,4})$")
# Words organisations are named with; a credit holder containing one is not split.
_ORGANISATION_WORDS = frozenset(
    {
        "team",
        "center",
        "centre",
        "station",
        "desk",
        "department",
        "office",
        "bureau",
        "group",
        "agency",
        "studio",
        "studios",
        "network",
        "channel",
        "newsroom",
        "crew",
        "unit",
        "service",
        "press",
        "media",
        "committee",
        "association",
        "university",
        "institute",
        "corporation",
        "company",
        "ltd",
        "inc",
    }
)
_ORGANISATION_SUFFIXES = ("中心", "团队", "小组", "组", "部", "站", "台", "社", "工作室", "频道")


def is_han(ch: str) -> bool:
    """True for a Chinese character (a CJK unified or compatibility ideograph)."""
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEO"))


def _is_han_token(token: str) -> bool:
    return any(is_han(ch) for ch in token)


def split_names(text: str, known_people: Iterable[str] = ()) -> list[str]:
    """The people named in `text`, in order (see the module docstring for the rules)."""
    text = text.strip()
    if not text:
        return []
    known_people = tuple(known_people)
    if is_organisation(text) and not re.search(r"[、，,;；]", text):
        return [" ".join(text.split())]
    han_pair = _HAN_AND.match(text)
    if han_pair and all(_is_han_token(han_pair.group(g)) for g in "ab"):
        known_whole = {" ".join(p.split()) for p in known_people}
        if text not in known_whole:
            return [han_pair.group("a"), han_pair.group("b")]
    if _DELIMITERS.search(text):
        return [" ".join(piece.split()) for piece in _DELIMITERS.split(text) if piece.strip()]
    known = _KnownPeople(known_people)
    names: list[str] = []
    unknown_run: list[str] = []
    tokens = text.split()
    i = 0
    while i < len(tokens):
        match = known.longest_match(tokens, i)
        if match is not None:
            names.extend(_pair_up(unknown_run))
            unknown_run = []
            name, length = match
            names.append(name)
            i += length
            continue
        token = tokens[i]
        if _is_han_token(token):
            names.extend(_pair_up(unknown_run))
            unknown_run = []
            names.extend(known.split_run_together(token))
        else:
            unknown_run.append(token)
        i += 1
    names.extend(_pair_up(unknown_run))
    return names


def is_organisation(text: str) -> bool:
    """True for a credit holder named like an organisation, not a person."""
    words = {word.strip(".,").casefold() for word in text.split()}
    if words & _ORGANISATION_WORDS:
        return True
    compact = "".join(text.split())
    return _is_han_token(compact) and len(compact) > 4 and compact.endswith(_ORGANISATION_SUFFIXES)


def _pair_up(tokens: list[str]) -> list[str]:
    if len(tokens) <= 1:
        return [" ".join(tokens)] if tokens else []
    pairs = [" ".join(tokens[i : i + 2]) for i in range(0, len(tokens), 2)]
    if len(tokens) % 2:
        # The single leftover token joins the last pair: `Zhang Xiao Long`.
        last = pairs.pop()
        pairs[-1] = f"{pairs[-1]} {last}"
    return pairs


class _KnownPeople:
    def __init__(self, people: Iterable[str]) -> None:
        self._by_tokens: dict[tuple[str, ...], str] = {}
        self._compact: dict[str, str] = {}
        for person in people:
            tokens = tuple(t.casefold() for t in person.split())
            if not tokens:
                continue
            self._by_tokens.setdefault(tokens, " ".join(person.split()))
            if len(tokens) == 1 and _is_han_token(tokens[0]):
                self._compact.setdefault(tokens[0], tokens[0])
        self._longest = max((len(t) for t in self._by_tokens), default=0)

    def longest_match(self, tokens: list[str], start: int) -> tuple[str, int] | None:
        for length in range(min(self._longest, len(tokens) - start), 0, -1):
            key = tuple(t.casefold() for t in tokens[start : start + length])
            if key in self._by_tokens:
                return self._by_tokens[key], length
        return None

    def split_run_together(self, token: str) -> list[str]:
        """`李娜周伟` -> [`李娜`, `周伟`] when known people account for the run."""
        if not self._compact:
            return [token]
        pieces: list[str] = []
        unknown = ""
        i = 0
        longest = max(len(name) for name in self._compact)
        while i < len(token):
            for length in range(min(longest, len(token) - i), 0, -1):
                if token[i : i + length] in self._compact:
                    if unknown:
                        pieces.append(unknown)
                        unknown = ""
                    pieces.append(token[i : i + length])
                    i += length
                    break
            else:
                unknown += token[i]
                i += 1
        if unknown:
            pieces.append(unknown)
        known_count = sum(1 for p in pieces if p in self._compact)
        plausible = all(p in self._compact or 2 <= len(p) <= 4 for p in pieces)
        if known_count == 0 or not plausible:
            return [token]
        return pieces
