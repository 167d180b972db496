"""Merging two edits of one article that started from the same revision.

Base is the revision both edits started from, mine the edit being saved, theirs the
revision someone saved meanwhile. The body is compared paragraph by paragraph (the
blocks between blank lines), every other field as a whole, the credits role by role
and the images one by one. Where only one side changed something, its change is
taken; where both made the same change, it is taken once; where both changed the same
paragraph or field differently, that part conflicts and a person chooses.

The two comparisons (base with mine, base with theirs) are difflib's; this module
only lays them side by side. Two changes overlap when they touch a common paragraph of
the base, or insert at the same place. Changes to neighbouring paragraphs do not
overlap. Merging is symmetric: whichever side saved first, the result is the same.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from newsdesk.domain.article import Article, Credit, Image
from newsdesk.domain.errors import ConflictError
from newsdesk.domain.text_stats import word_pieces

_BLANK_LINE = re.compile(r"\n[ \t]*\n+")
# Fields compared as one value each (the body, credits and images have their own ways).
WHOLE_FIELDS = (
    "kicker",
    "headline",
    "section",
    "date",
    "source",
    "language",
    "summary",
    "keywords",
)
_LABELS = {"summary": "standfirst", "keywords": "keywords", "source": "source"}


class Side(StrEnum):
    SAME = "same"  # nobody changed it
    MINE = "mine"  # only my edit changed it
    THEIRS = "theirs"  # only the other revision changed it
    BOTH = "both"  # both made the very same change
    CONFLICT = "conflict"  # both changed it, differently


class Choice(StrEnum):
    """How a person resolves a conflicting part."""

    MINE = "mine"
    THEIRS = "theirs"
    BOTH = "both"  # mine, then theirs


@dataclass(frozen=True)
class Part:
    """A stretch of the base (`base`) and what each side made of it."""

    base: tuple
    mine: tuple
    theirs: tuple
    side: Side
    start: int = 0  # where `base` starts in the base sequence

    def merged(self) -> tuple:
        if self.side is Side.CONFLICT:
            raise ValueError("a conflicting part needs a choice")
        return self.theirs if self.side is Side.THEIRS else self.mine

    def resolved(self, choice: Choice | None) -> tuple:
        if self.side is not Side.CONFLICT:
            return self.merged()
        if choice is Choice.THEIRS:
            return self.theirs
        if choice is Choice.BOTH:
            return self.mine + tuple(x for x in self.theirs if x not in self.mine)
        if choice is Choice.MINE:
            return self.mine
        raise ValueError("a conflicting part needs a choice")


def _edits(base: Sequence, other: Sequence) -> list[tuple[int, int, tuple]]:
    matcher = difflib.SequenceMatcher(a=base, b=other, autojunk=False)
    return [
        (i1, i2, tuple(other[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def _overlap(a: tuple[int, int, tuple], b: tuple[int, int, tuple]) -> bool:
    (a1, a2, _), (b1, b2, _) = a, b
    if a1 == a2 and b1 == b2:
        return a1 == b1  # two insertions at one place: which goes first is a question
    if a1 == a2:
        return b1 < a1 < b2  # an insertion inside what the other replaced
    if b1 == b2:
        return a1 < b1 < a2
    return max(a1, b1) < min(a2, b2)


def _apply(base: Sequence, start: int, end: int, edits: list) -> tuple:
    out: list = []
    pos = start
    for i1, i2, replacement in edits:
        out.extend(base[pos:i1])
        out.extend(replacement)
        pos = i2
    out.extend(base[pos:end])
    return tuple(out)


def merge_sequences(base: Sequence, mine: Sequence, theirs: Sequence) -> list[Part]:
    """`base` cut into parts, each unchanged, changed by one side, by both alike, or
    in conflict. Items are compared whole (paragraphs, role names)."""
    tagged = [(e, "mine") for e in _edits(base, mine)] + [
        (e, "theirs") for e in _edits(base, theirs)
    ]
    # By place; an insertion (i, i) sorts before a change starting at i, so goes first.
    tagged.sort(key=lambda t: (t[0][0], t[0][1]))
    groups: list[list] = []
    for edit, side in tagged:
        if groups and any(_overlap(edit, other) for other, _ in groups[-1]):
            groups[-1].append((edit, side))
        else:
            groups.append([(edit, side)])
    parts: list[Part] = []
    pos = 0
    for group in groups:
        start = min(e[0] for e, _ in group)
        end = max(e[1] for e, _ in group)
        if pos < start:
            same = tuple(base[pos:start])
            parts.append(Part(same, same, same, Side.SAME, pos))
        span = tuple(base[start:end])
        mine_edits = [e for e, side in group if side == "mine"]
        theirs_edits = [e for e, side in group if side == "theirs"]
        mine_text = _apply(base, start, end, mine_edits)
        theirs_text = _apply(base, start, end, theirs_edits)
        if not theirs_edits:
            side = Side.MINE
        elif not mine_edits:
            side = Side.THEIRS
        elif mine_text == theirs_text:
            side = Side.BOTH
        else:
            side = Side.CONFLICT
        parts.append(Part(span, mine_text, theirs_text, side, start))
        pos = max(pos, end)
    if pos < len(base):
        same = tuple(base[pos:])
        parts.append(Part(same, same, same, Side.SAME, pos))
    return parts


def _three_way(base: Any, mine: Any, theirs: Any) -> Side:
    if mine == theirs:
        return Side.SAME if mine == base else Side.BOTH
    if mine == base:
        return Side.THEIRS
    if theirs == base:
        return Side.MINE
    return Side.CONFLICT


@dataclass(frozen=True)
class FieldPart:
    """One field (or one credit role, one image) and what each side made of it.
    None stands for "absent" (a role or image that side does not have)."""

    key: str  # "headline", "credit:Reporter", "image:<sha256>"
    label: str  # as a person reads it: "headline", "the Reporter credit"
    base: Any
    mine: Any
    theirs: Any
    side: Side

    def resolved(self, choice: Choice | None = None) -> Any:
        if self.side is Side.THEIRS or (self.side is Side.CONFLICT and choice is Choice.THEIRS):
            return self.theirs
        if self.side is not Side.CONFLICT or choice in (Choice.MINE, Choice.BOTH):
            return self.mine
        raise ValueError(f"{self.label} needs a choice")


def split_paragraphs(body: str) -> tuple[str, ...]:
    """The body's blocks: the text between blank lines (Markdown's paragraphs)."""
    text = body.strip("\n")
    return tuple(_BLANK_LINE.split(text)) if text else ()


def join_paragraphs(paragraphs: Sequence[str], trailing_newline: bool) -> str:
    text = "\n\n".join(paragraphs)
    return text + "\n" if text and trailing_newline else text


def _keyed(
    kind: str, base: Sequence, mine: Sequence, theirs: Sequence, key, label
) -> tuple[list[FieldPart], list[Hashable]]:
    """Items with a key (credit roles, images): each compared on its own, and their
    order merged as a sequence of keys (both inserting at one place: in key order,
    so the result does not depend on who saved first)."""
    b, m, t = ({key(x): x for x in seq} for seq in (base, mine, theirs))
    order: list[Hashable] = []
    for part in merge_sequences(list(b), list(m), list(t)):
        if part.side is Side.CONFLICT:
            order.extend(sorted(dict.fromkeys(part.mine + part.theirs), key=str))
        else:
            order.extend(part.merged())
    for k in sorted({*b, *m, *t} - set(order), key=str):
        order.append(k)  # kept by one side where the other moved it: still an item
    fields = []
    for k in order:
        was, mine_item, their_item = b.get(k), m.get(k), t.get(k)
        side = _three_way(was, mine_item, their_item)
        fields.append(FieldPart(f"{kind}:{k}", label(k), was, mine_item, their_item, side))
    return fields, order


@dataclass(frozen=True)
class ArticleMerge:
    """The merge of `mine` and `theirs`, both edits of `base`."""

    base: Article
    mine: Article
    theirs: Article
    parts: tuple[Part, ...]
    fields: tuple[FieldPart, ...]
    endings: tuple[bool, bool, bool]  # whether base, mine and theirs end in a newline

    @property
    def clean(self) -> bool:
        return not self.conflicts

    @property
    def conflicts(self) -> list[str]:
        """What both changed differently, as a person reads it."""
        found = [f.label for f in self.fields if f.side is Side.CONFLICT]
        found += [self.part_label(p) for p in self.parts if p.side is Side.CONFLICT]
        return found

    def part_label(self, part: Part) -> str:
        """ "paragraph 3", "paragraphs 3-4", "new text after paragraph 2" (numbered as
        in the revision both edits started from)."""
        first, count = part.start + 1, len(part.base)
        if count == 0:
            if first == 1:
                return "new text at the start"
            return f"new text after paragraph {first - 1}"
        return f"paragraph {first}" if count == 1 else f"paragraphs {first}-{first + count - 1}"

    def article(
        self,
        part_choices: Mapping[int, Choice] | None = None,
        field_choices: Mapping[str, Choice] | None = None,
    ) -> Article:
        """The merged article (theirs, with the merged content). Conflicting parts
        take the choice given by their index in `parts`, fields by their key."""
        part_choices, field_choices = part_choices or {}, field_choices or {}
        paragraphs: list[str] = []
        # The final newline goes with the last paragraph (Qt's writer adds one, a
        # revision written elsewhere may have none): whoever's text ends the body.
        either = self.endings[2] if _three_way(*self.endings) is Side.THEIRS else self.endings[1]
        trailing = either
        for i, part in enumerate(self.parts):
            text = part.resolved(part_choices.get(i))
            paragraphs.extend(text)
            if not text:
                continue
            if part.side in (Side.SAME, Side.BOTH):
                trailing = either
            else:
                choice = part_choices.get(i)
                theirs = part.side is Side.THEIRS or choice in (Choice.THEIRS, Choice.BOTH)
                trailing = self.endings[2] if theirs else self.endings[1]
        values: dict[str, Any] = {}
        credits: list[Credit] = []
        images: list[Image] = []
        for f in self.fields:
            value = f.resolved(field_choices.get(f.key))
            if f.key.startswith("credit:"):
                if value is not None:
                    credits.append(Credit(f.key.removeprefix("credit:"), value))
            elif f.key.startswith("image:"):
                if value is not None:
                    images.append(value)
            else:
                values[f.key] = value
        return dataclasses.replace(
            self.theirs,
            **values,
            body=join_paragraphs(paragraphs, trailing),
            credits=credits,
            images=images,
        )

    def taken(self, side: Side) -> list[str]:
        """What came from `side` alone (MINE or THEIRS), as a person reads it."""
        names = [f.label for f in self.fields if f.side is side]
        names += [self.part_label(p) for p in self.parts if p.side is side]
        return names

    def summary(self, mine_name: str, theirs_name: str) -> str:
        """One sentence: what came from whom."""
        said = []
        for side, who in ((Side.THEIRS, theirs_name), (Side.MINE, mine_name)):
            names = self.taken(side)
            if names:
                said.append(f"{_and(names)} from {who}")
        return "; ".join(said) if said else "both made the same changes"


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def merge_articles(base: Article, mine: Article, theirs: Article) -> ArticleMerge:
    """Compare `mine` and `theirs` with `base`, field by field (see the module)."""
    b, m, t = (split_paragraphs(a.body) for a in (base, mine, theirs))
    parts = merge_sequences(b, m, t)
    ends = tuple(a.body.endswith("\n") for a in (base, mine, theirs))
    fields = [
        FieldPart(
            name,
            _LABELS.get(name, name),
            getattr(base, name),
            getattr(mine, name),
            getattr(theirs, name),
            _three_way(getattr(base, name), getattr(mine, name), getattr(theirs, name)),
        )
        for name in WHOLE_FIELDS
    ]
    credit_fields, _ = _keyed(
        "credit",
        [(c.role, c.names) for c in base.credits],
        [(c.role, c.names) for c in mine.credits],
        [(c.role, c.names) for c in theirs.credits],
        key=lambda item: item[0],
        label=lambda role: f"the {role} credit",
    )
    # A credit field's value is its names; the role is in its key.
    credit_fields = [
        dataclasses.replace(
            f,
            base=_names(f.base),
            mine=_names(f.mine),
            theirs=_names(f.theirs),
            side=_three_way(_names(f.base), _names(f.mine), _names(f.theirs)),
        )
        for f in credit_fields
    ]
    image_fields, _ = _keyed(
        "image",
        base.images,
        mine.images,
        theirs.images,
        key=lambda image: image.sha256,
        label=lambda sha: f"image {_image_name(sha, base, mine, theirs)}",
    )
    return ArticleMerge(
        base, mine, theirs, tuple(parts), tuple(fields + credit_fields + image_fields), ends
    )


def _names(item: tuple[str, tuple[str, ...]] | None) -> tuple[str, ...] | None:
    return None if item is None else tuple(item[1])


def _image_name(sha: str, *articles: Article) -> str:
    for article in articles:
        for image in article.images:
            if image.sha256 == sha:
                return image.name
    return sha[:12]


class MergeConflict(ConflictError):
    """A save from an older revision whose changes overlap the newer revision's."""

    def __init__(self, article_id: int, expected: int, theirs: Article, merge: ArticleMerge):
        super().__init__(article_id, expected, theirs.revision)
        who = theirs.content_updated_by or theirs.updated_by or "someone"
        self.args = (
            f"article {article_id}: {who} saved revision {theirs.revision} since revision"
            f" {expected}, and both changed {_and(merge.conflicts)}; nothing was written",
        )
        self.theirs = theirs
        self.merge = merge


def word_diff(old: str, new: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Both texts as (piece, changed) runs, word by word (difflib), for highlighting
    what differs inside a paragraph (each CJK character is a word)."""
    a, b = word_pieces(old), word_pieces(new)
    left: list[tuple[str, bool]] = []
    right: list[tuple[str, bool]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        if i2 > i1:
            left.append(("".join(a[i1:i2]), changed))
        if j2 > j1:
            right.append(("".join(b[j1:j2]), changed))
    return _bridged(left), _bridged(right)


def _bridged(runs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A space left between two changed runs is part of the change (one highlight)."""
    out: list[tuple[str, bool]] = []
    for i, (text, changed) in enumerate(runs):
        between = 0 < i < len(runs) - 1 and runs[i - 1][1] and runs[i + 1][1]
        if not changed and between and not text.strip():
            changed = True
        if out and out[-1][1] == changed:
            out[-1] = (out[-1][0] + text, changed)
        else:
            out.append((text, changed))
    return out
