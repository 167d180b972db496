"""Shown when someone saved the article while you were editing it, and both of you
changed the same part (or when you ask to review their revision before saving).

Every part either of you changed is one row: yours on the left, theirs on the right,
the words that differ highlighted (domain/merge.py's word_diff, difflib's). Parts only
one of you changed are merged already; for each part both changed you take mine,
theirs or both. Nothing is lost either way: your whole version and the resolution both
become revisions (Newsroom.save_resolution).
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from newsdesk.domain.article import Article
from newsdesk.domain.merge import ArticleMerge, Choice, FieldPart, Part, Side, word_diff
from newsdesk.gui.i18n.merge_text import field_label, part_label

MINE_MARK = "#f4c7c3"  # what only your text has
THEIRS_MARK = "#c6ecc6"  # what only theirs has


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConflictDialog", text)


def _value_text(value) -> str:
    if value is None:
        return QCoreApplication.translate("ConflictDialog", "(none)")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        items = [getattr(v, "name", v) for v in value]
        return (
            QCoreApplication.translate("ConflictDialog", ", ").join(str(v) for v in items)
            if items
            else QCoreApplication.translate("ConflictDialog", "(none)")
        )
    if hasattr(value, "sha256"):
        return QCoreApplication.translate(
            "ConflictDialog", "{name} (alt: {alt}; caption: {caption})"
        ).format(name=value.name, alt=value.alt, caption=value.caption)
    return str(value) if value != "" else QCoreApplication.translate("ConflictDialog", "(empty)")


def _highlighted(pieces: list[tuple[str, bool]], colour: str) -> str:
    out = []
    for text, changed in pieces:
        escaped = html.escape(text).replace("\n\n", "<br><br>").replace("\n", "<br>")
        out.append(f'<span style="background:{colour}">{escaped}</span>' if changed else escaped)
    nothing = html.escape(QCoreApplication.translate("ConflictDialog", "(nothing)"))
    return "".join(out) or f"<i>{nothing}</i>"


class _Row(QFrame):
    """One changed part: both versions, and a choice when both changed it."""

    def __init__(self, title: str, mine: str, theirs: str, side: Side, theirs_name: str):
        super().__init__()
        self.side = side
        self.setFrameShape(QFrame.Shape.StyledPanel)
        left, right = word_diff(mine, theirs)
        grid = QGridLayout(self)
        heading = QLabel(f"<b>{html.escape(title)}</b>")
        grid.addWidget(heading, 0, 0, 1, 2)
        self.mine_label = QLabel(_highlighted(left, MINE_MARK))
        self.theirs_label = QLabel(_highlighted(right, THEIRS_MARK))
        for label, name in (
            (self.mine_label, QCoreApplication.translate("ConflictDialog", "Yours")),
            (self.theirs_label, theirs_name),
        ):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(
                QCoreApplication.translate("ConflictDialog", "{part}: {whose}").format(
                    part=title, whose=name
                )
            )
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.mine_label, 1, 0)
        grid.addWidget(self.theirs_label, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.choice: Choice | None = None
        self.group = QButtonGroup(self)
        self.buttons: dict[Choice, QRadioButton] = {}
        if side is Side.CONFLICT:
            choices = QHBoxLayout()
            for choice, text in (
                (Choice.MINE, QCoreApplication.translate("ConflictDialog", "Keep mine")),
                (
                    Choice.THEIRS,
                    QCoreApplication.translate("ConflictDialog", "Take {name}'s").format(
                        name=theirs_name
                    ),
                ),
                (
                    Choice.BOTH,
                    QCoreApplication.translate("ConflictDialog", "Keep both (mine first)"),
                ),
            ):
                button = QRadioButton(text)
                button.setAccessibleName(
                    QCoreApplication.translate("ConflictDialog", "{part}: {whose}").format(
                        part=title, whose=text
                    )
                )
                self.group.addButton(button)
                self.buttons[choice] = button
                button.toggled.connect(lambda on, c=choice: on and self._choose(c))
                choices.addWidget(button)
            choices.addStretch()
            grid.addLayout(choices, 2, 0, 1, 2)
        self.on_choice = lambda: None

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.on_choice()


class ConflictDialog(QDialog):
    def __init__(
        self,
        merge: ArticleMerge,
        *,
        theirs_name: str,
        theirs_revision: int,
        reviewing: bool = False,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.merge = merge
        self.setWindowTitle(
            QCoreApplication.translate("ConflictDialog", "Review revision {revision}").format(
                revision=theirs_revision
            )
            if reviewing
            else QCoreApplication.translate("ConflictDialog", "You both changed this article")
        )
        self.taken: Article | None = None  # the text to continue with, once taken
        conflicts = merge.conflicts
        said = QCoreApplication.translate(
            "ConflictDialog",
            "{name} saved revision {revision} while you were editing."
            " What only one of you changed is merged below.",
        ).format(name=theirs_name, revision=theirs_revision)
        if conflicts:
            said += QCoreApplication.translate(
                "ConflictDialog",
                " You both changed the same parts: choose what to keep for each."
                " Your whole version stays in the history either way.",
            )
        elif reviewing:
            said += QCoreApplication.translate(
                "ConflictDialog", " Nothing is saved until you take the merged text."
            )
        intro = QLabel(said)
        intro.setWordWrap(True)
        self.rows: list[_Row] = []
        self._part_rows: dict[int, _Row] = {}
        self._field_rows: dict[str, _Row] = {}
        body = QWidget()
        column = QVBoxLayout(body)
        for f in merge.fields:
            if f.side is not Side.SAME:
                row = self._add(column, self._field_title(f, theirs_name), f, theirs_name)
                self._field_rows[f.key] = row
        for i, part in enumerate(merge.parts):
            if part.side is not Side.SAME:
                title = self._part_title(part, theirs_name)
                self._part_rows[i] = self._add(column, title, part, theirs_name)
        column.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(
            QCoreApplication.translate("ConflictDialog", "Take the merged text")
            if reviewing
            else QCoreApplication.translate("ConflictDialog", "Save the merged text")
        )
        self.later_button = QPushButton(
            QCoreApplication.translate("ConflictDialog", "Decide later")
        )
        self.later_button.setToolTip(
            QCoreApplication.translate(
                "ConflictDialog", "Keep editing; your text stays unsaved in the editor"
            )
        )
        for button in (self.save_button, self.later_button):
            button.setAccessibleName(button.text())
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self._take)
        self.later_button.clicked.connect(self.reject)
        only_mine = html.escape(QCoreApplication.translate("ConflictDialog", "only in yours"))
        only_theirs = html.escape(
            QCoreApplication.translate("ConflictDialog", "only in {name}'s").format(
                name=theirs_name
            )
        )
        self.legend = QLabel(
            f'<span style="background:{MINE_MARK}">&nbsp;{only_mine}&nbsp;</span>&nbsp;'
            f'<span style="background:{THEIRS_MARK}">&nbsp;{only_theirs}&nbsp;</span>'
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        header = QHBoxLayout()
        header.addWidget(
            QLabel(QCoreApplication.translate("ConflictDialog", "<b>Yours</b> (not saved)")), 1
        )
        header.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "ConflictDialog", "<b>{name}'s</b>, revision {revision}"
                ).format(name=html.escape(theirs_name), revision=theirs_revision)
            ),
            1,
        )
        layout.addLayout(header)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.legend)
        layout.addWidget(buttons)
        self._update_save()
        self.resize(960, 620)

    def _add(self, column: QVBoxLayout, title: str, part, theirs_name: str) -> _Row:
        if isinstance(part, Part):
            mine, theirs = "\n\n".join(part.mine), "\n\n".join(part.theirs)
        else:
            mine, theirs = _value_text(part.mine), _value_text(part.theirs)
        row = _Row(title, mine, theirs, part.side, theirs_name)
        row.on_choice = self._update_save
        column.addWidget(row)
        self.rows.append(row)
        return row

    def _part_title(self, part: Part, theirs_name: str) -> str:
        return self._title(part_label(self.merge, part), part.side, theirs_name)

    def _field_title(self, f: FieldPart, theirs_name: str) -> str:
        return self._title(field_label(f), f.side, theirs_name)

    @staticmethod
    def _title(what: str, side: Side, theirs_name: str) -> str:
        what = what[0].upper() + what[1:]
        return {
            Side.MINE: QCoreApplication.translate(
                "ConflictDialog", "{part}: only you changed it (yours is kept)"
            ),
            Side.THEIRS: QCoreApplication.translate(
                "ConflictDialog", "{part}: only {name} changed it (theirs is taken)"
            ),
            Side.BOTH: QCoreApplication.translate(
                "ConflictDialog", "{part}: you both made the same change"
            ),
            Side.CONFLICT: QCoreApplication.translate(
                "ConflictDialog", "{part}: you both changed it: choose"
            ),
        }[side].format(part=what, name=theirs_name)

    def _update_save(self) -> None:
        open_choices = [r for r in self.rows if r.side is Side.CONFLICT and r.choice is None]
        self.save_button.setEnabled(not open_choices)
        self.save_button.setToolTip(
            self.tr("Choose for %n more part(s) first", "", len(open_choices))
            if open_choices
            else ""
        )

    def choices(self) -> tuple[dict[int, Choice], dict[str, Choice]]:
        parts = {i: r.choice for i, r in self._part_rows.items() if r.choice is not None}
        fields = {k: r.choice for k, r in self._field_rows.items() if r.choice is not None}
        return parts, fields

    def summary(self) -> str:
        """What was chosen for each part both changed, for the audit log."""
        parts, fields = self.choices()
        said = [
            f"{self.merge.part_label(self.merge.parts[i])}: {c.value}" for i, c in parts.items()
        ]
        said += [
            f"{next(f.label for f in self.merge.fields if f.key == k)}: {c.value}"
            for k, c in fields.items()
        ]
        return "; ".join(said)

    def resolution(self) -> Article:
        parts, fields = self.choices()
        return self.merge.article(parts, fields)

    def _take(self) -> None:
        self.taken = self.resolution()
        self.accept()
