"""Two revisions of an article side by side: the text and the credits, line by line.

The history view shows the older revision on the left and the newer on the right, each
row one line of either side, so an editor sees at a glance what was added, removed or
rewritten. This module builds the rows; it draws nothing.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum
from itertools import zip_longest

from newsdesk.domain.article import Article


class RowKind(StrEnum):
    SAME = "same"
    CHANGED = "changed"  # a line rewritten: both sides hold text
    REMOVED = "removed"  # only on the left
    ADDED = "added"  # only on the right


@dataclass(frozen=True)
class DiffRow:
    left: str | None
    right: str | None
    kind: RowKind


@dataclass(frozen=True)
class DiffSection:
    title: str
    rows: tuple[DiffRow, ...]

    @property
    def changed(self) -> bool:
        return any(row.kind is not RowKind.SAME for row in self.rows)


def side_by_side(old: list[str], new: list[str]) -> list[DiffRow]:
    """Rows pairing `old` with `new`; a rewritten block pairs its lines in order."""
    rows: list[DiffRow] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(DiffRow(line, line, RowKind.SAME) for line in old[i1:i2])
            continue
        for left, right in zip_longest(old[i1:i2], new[j1:j2]):
            if left is None:
                rows.append(DiffRow(None, right, RowKind.ADDED))
            elif right is None:
                rows.append(DiffRow(left, None, RowKind.REMOVED))
            else:
                rows.append(DiffRow(left, right, RowKind.CHANGED))
    return rows


def text_lines(article: Article) -> list[str]:
    """The fields a reader sees, one per line, then the body as stored (Markdown)."""
    lines = [
        f"Kicker: {article.kicker}",
        f"Headline: {article.headline}",
        f"Section: {' > '.join(article.section)}",
        f"Date: {article.date.isoformat() if article.date else ''}",
        f"Source: {article.source}",
        "",
    ]
    lines.extend(article.body.splitlines())
    for image in article.images:
        lines.append(f"Image: {image.name} (alt: {image.alt}; caption: {image.caption})")
    return lines


def credit_lines(article: Article) -> list[str]:
    """One line per credit row, in the article's order, as `Role: Name, Name`."""
    return [f"{credit.role}: {', '.join(credit.names)}" for credit in article.credits]


def compare_revisions(old: Article, new: Article) -> list[DiffSection]:
    """The text and the credits of `old` and `new`, side by side."""
    return [
        DiffSection("Text", tuple(side_by_side(text_lines(old), text_lines(new)))),
        DiffSection("Credits", tuple(side_by_side(credit_lines(old), credit_lines(new)))),
    ]
