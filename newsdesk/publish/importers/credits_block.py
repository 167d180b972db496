"""Finding the credits block at the end of an article's text (text pages, Word files).

The lines of an article after its date line are body paragraphs, then the credits
block, then, on pages copied from a site, page chrome. This module decides which is
which, line by line, from the end:

- A *credit line* is `{Role}{sep}{names}`, `sep` one of 丨 | ｜ (Word documents also
  `:` and `：`), spaces around it or not. Its role is *known* when the vocabulary has
  it (labels spaced for alignment, `监 制`, included). An unknown role counts only
  when it looks like a role label (a few words of letters) and its names look like
  people or an organisation strictly: capitalised romanised words, Chinese names of
  2 to 4 characters. `Lantern night丨Old town` is therefore body, `Director system|Li
  Ting` a credit.
- An *editor's note*, `(责编:岳弘彬、牛镛)`, `【编辑:王超】`, `[Editor: Ann Lee]`, on a line
  of its own or appended to the last credit line, is a credit of the role it names
  (a role of the vocabulary), with the label as written.
- *Page chrome* after the credits starts at a line that carries a chrome marker
  (a "scan to join" prompt, "related", "share", see `CHROME_MARKERS`); it and every
  line after it are neither credits nor body: they are left out and reported.

The credits block is the last run of credit lines and notes that holds at least one
known role and is followed only by notes and chrome. When anything else follows (a
closing paragraph), there is no credits block and everything stays body, as before:
a body paragraph that merely contains 丨 is never taken for a credit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsdesk.domain.article import Credit
from newsdesk.domain.credit_roles import CreditVocabulary, compact_label
from newsdesk.domain.names import is_han, is_organisation, split_names

PAGE_SEPARATORS = ("丨", "|", "｜")
DOCUMENT_SEPARATORS = (*PAGE_SEPARATORS, ":", "：")

# Markers of page chrome (prompts, share bars, related links), compared case-folded.
# Latin markers match whole words; Chinese ones anywhere in the line.
CHROME_MARKERS = (
    "扫码",
    "扫一扫",
    "二维码",
    "微信",
    "公众号",
    "相关新闻",
    "相关阅读",
    "相关链接",
    "相关报道",
    "推荐阅读",
    "延伸阅读",
    "分享到",
    "客户端",
    "纠错",
    "scan",
    "qr code",
    "wechat",
    "related",
    "share",
    "follow us",
    "download",
    "read more",
    "recommended",
    "subscribe",
)

_ROLE_LABEL_MAX_WORDS = 4
_ROLE_LABEL_MAX_CHARS = 30
_NAME_PUNCTUATION = frozenset(" ·・.-'’、，,;；&")
_NOT_A_NAME_END = frozenset(".,;:、，；：&")
_NAME_CONNECTORS = frozenset(
    {"de", "da", "di", "del", "van", "von", "der", "den", "du", "la", "le", "al", "bin", "y"}
    | {"of", "the", "and", "for"}
)
_NOTE = re.compile(
    r"^[(（【\[]\s*(?P<role>[^:：丨|｜()（）【】\[\]]+?)\s*[:：丨|｜]\s*(?P<names>[^()（）【】\[\]]+?)\s*[)）】\]]$"
)
_TRAILING_NOTE = re.compile(r"^(?P<line>.*?\S)\s*(?P<note>[(（【\[][^()（）【】\[\]]+[)）】\]])$")
_CLOSERS = (")", "）", "】", "]")


@dataclass(frozen=True)
class CreditLine:
    role: str
    names: str
    known: bool

    def credit(self, known_people: Sequence[str] = ()) -> Credit:
        return Credit(role=self.role, names=tuple(split_names(self.names, known_people)))


@dataclass
class CreditsBlock:
    body: list[str]
    credits: list[CreditLine] = field(default_factory=list)
    chrome: list[str] = field(default_factory=list)


def parse_credit_line(
    line: str,
    vocabulary: CreditVocabulary,
    separators: Sequence[str] = PAGE_SEPARATORS,
) -> CreditLine | None:
    """The credit a line holds, or None when it is not credit-shaped."""
    found = [(line.find(sep), sep) for sep in separators if sep in line]
    if not found:
        return None
    index, sep = min(found)
    role = line[:index].strip()
    names = line[index + len(sep) :].strip()
    if not role or not names or not _looks_like_names(names):
        return None
    label = compact_label(role)
    if vocabulary.find(label) is not None:
        return CreditLine(label, names, known=True)
    if sep in (":", "："):
        return None  # a colon line is a credit only for a known role ("Note: ...")
    if _looks_like_role_label(role) and _strict_names(names):
        return CreditLine(label, names, known=False)
    return None


def parse_editor_note(text: str, vocabulary: CreditVocabulary) -> CreditLine | None:
    """`(责编:岳弘彬、牛镛)` -> a credit of 责编, when the role is one the vocabulary knows."""
    match = _NOTE.match(text.strip())
    if not match:
        return None
    label = compact_label(match.group("role"))
    names = match.group("names").strip()
    if vocabulary.find(label) is None or not _looks_like_names(names):
        return None
    return CreditLine(label, names, known=True)


def _classify(
    line: str, vocabulary: CreditVocabulary, separators: Sequence[str]
) -> list[CreditLine] | None:
    """The credits a line holds (one, or one plus an appended editor's note), or None."""
    note = parse_editor_note(line, vocabulary)
    if note is not None:
        return [note]
    parsed = parse_credit_line(line, vocabulary, separators)
    if parsed is not None:
        return [parsed]
    # The expression backtracks over the whole line; a line that does not end with a
    # closing bracket (every body paragraph, nearly) cannot hold a trailing note.
    trailing = _TRAILING_NOTE.match(line) if line.rstrip("\n").endswith(_CLOSERS) else None
    if trailing:
        note = parse_editor_note(trailing.group("note"), vocabulary)
        parsed = parse_credit_line(trailing.group("line"), vocabulary, separators)
        if note is not None and parsed is not None:
            return [parsed, note]
    return None


# Latin markers are whole words; the others are found anywhere in the line. One
# expression for all of them: this runs on every line of every page imported.
_CHROME = re.compile(
    "|".join(
        rf"(?<![a-z]){re.escape(m)}(?![a-z])" if m.isascii() else re.escape(m)
        for m in CHROME_MARKERS
    )
)


def is_chrome(line: str) -> bool:
    return _CHROME.search(line.casefold()) is not None


def find_credits(
    lines: Sequence[str],
    vocabulary: CreditVocabulary,
    separators: Sequence[str] = PAGE_SEPARATORS,
) -> CreditsBlock:
    """Split non-empty `lines` into body, the credits block and trailing chrome."""
    lines = list(lines)
    parsed = [_classify(line, vocabulary, separators) for line in lines]
    chrome_start = next(
        (
            i
            for i, line in enumerate(lines)
            # The cheap tests first: only a line right after credits can open chrome.
            if parsed[i] is None and _credits_before(parsed, i) and is_chrome(line)
        ),
        len(lines),
    )
    end = chrome_start
    while end > 0 and parsed[end - 1] is not None:
        end -= 1
    if end == chrome_start:
        return CreditsBlock(body=lines)  # the lines before the end are no credits
    start = end
    run = [c for p in parsed[start:chrome_start] for c in (p or [])]
    if not any(c.known for c in run):
        return CreditsBlock(body=lines)
    return CreditsBlock(body=lines[:start], credits=run, chrome=lines[chrome_start:])


def _credits_before(parsed: list[list[CreditLine] | None], index: int) -> bool:
    """True when the lines just before `index` are credit lines with a known role."""
    position = index
    known = False
    while position > 0 and parsed[position - 1] is not None:
        position -= 1
        known = known or any(c.known for c in parsed[position] or [])
    return known


def _looks_like_names(text: str) -> bool:
    if text[-1] in _NOT_A_NAME_END:
        return False
    return all(
        ch.isalpha() or ch in _NAME_PUNCTUATION or unicodedata.category(ch).startswith("M")
        for ch in text
    )


def _looks_like_role_label(role: str) -> bool:
    if len(role) > _ROLE_LABEL_MAX_CHARS or len(role.split()) > _ROLE_LABEL_MAX_WORDS:
        return False
    return role[0].isalpha() and all(ch.isalpha() or ch in " \u3000-&/" for ch in role)


def _strict_names(text: str) -> bool:
    """Names as people (or an organisation) are written: no lowercase word, no sentence."""
    if is_organisation(text):
        return True
    for token in re.split(r"[\s、，,;；]+", text):
        if not token:
            continue
        if any(is_han(ch) for ch in token):
            letters = [ch for ch in token if ch not in "·・"]
            if not 2 <= len(letters) <= 4 and "·" not in token and "・" not in token:
                return False
        elif not (token[0].isupper() or token.casefold() in _NAME_CONNECTORS):
            return False
    return True
