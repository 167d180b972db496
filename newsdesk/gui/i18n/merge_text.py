"""What a merge took from whom, in the interface's language.

domain/merge.py names the parts of an article it compares in English ("paragraph 3",
"the Reporter credit") for the audit log and the CLI; the app says the same from the
parts themselves (their position, their field's key), so no English sentence is parsed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from newsdesk.domain.merge import ArticleMerge, FieldPart, Part, Side
from newsdesk.gui.i18n.language import speaks_english

FIELDS = {
    "kicker": QT_TRANSLATE_NOOP("Merge", "kicker"),
    "headline": QT_TRANSLATE_NOOP("Merge", "headline"),
    "section": QT_TRANSLATE_NOOP("Merge", "section"),
    "date": QT_TRANSLATE_NOOP("Merge", "date"),
    "source": QT_TRANSLATE_NOOP("Merge", "source"),
    "summary": QT_TRANSLATE_NOOP("Merge", "standfirst"),
    "keywords": QT_TRANSLATE_NOOP("Merge", "keywords"),
    "language": QT_TRANSLATE_NOOP("Merge", "language"),
    "slug": QT_TRANSLATE_NOOP("Merge", "web address"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Merge", text)


def field_label(field: FieldPart) -> str:
    """ "标题", "记者 署名", "图片 map.png" (the domain's own label in English)."""
    if speaks_english():
        return field.label
    kind, _, key = field.key.partition(":")
    if kind == "credit":
        return QCoreApplication.translate("Merge", "the {role} credit").format(role=key)
    if kind == "image":
        name = field.label.removeprefix("image ")
        return QCoreApplication.translate("Merge", "image {name}").format(name=name)
    return _tr(FIELDS[field.key]) if field.key in FIELDS else field.label


def part_label(merge: ArticleMerge, part: Part) -> str:
    """ "第 3 段", "第 3-4 段", "第 2 段后的新文字"."""
    if speaks_english():
        return merge.part_label(part)
    first, count = part.start + 1, len(part.base)
    if count == 0:
        if first == 1:
            return QCoreApplication.translate("Merge", "new text at the start")
        text = QCoreApplication.translate("Merge", "new text after paragraph {number}")
        return text.format(number=first - 1)
    if count == 1:
        return QCoreApplication.translate("Merge", "paragraph {number}").format(number=first)
    text = QCoreApplication.translate("Merge", "paragraphs {first}-{last}")
    return text.format(first=first, last=first + count - 1)


def taken(merge: ArticleMerge, side: Side) -> list[str]:
    names = [field_label(f) for f in merge.fields if f.side is side]
    names += [part_label(merge, p) for p in merge.parts if p.side is side]
    return names


def merge_summary(merge: ArticleMerge, mine_name: str, theirs_name: str) -> str:
    """One sentence: what came from whom (ArticleMerge.summary in English)."""
    if speaks_english():
        return merge.summary(mine_name, theirs_name)
    said = []
    joined = QCoreApplication.translate("Merge", ", ")
    sentence = QCoreApplication.translate("Merge", "{parts} from {who}")
    for side, who in ((Side.THEIRS, theirs_name), (Side.MINE, mine_name)):
        names = taken(merge, side)
        if names:
            said.append(sentence.format(parts=joined.join(names), who=who))
    if not said:
        return QCoreApplication.translate("Merge", "both made the same changes")
    return QCoreApplication.translate("Merge", "; ").join(said)
