"""What the files would become, before anything is saved: the import preview.

It shows per file what `newsdesk import --dry-run` prints (the same ImportReport):
the fields, credits, keywords, how many paragraphs and images, the notes, what was
left out and why, and the roles the vocabulary does not know; a file that cannot be
imported says why, naming it. Files are ticked to be imported (a refused one cannot
be); the main button imports the ticked ones.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from newsdesk.gui.i18n.core_text import language_name, status_name
from newsdesk.gui.i18n.said_text import left_out_kind, said_text
from newsdesk.newsroom.importing import FilePreview

REFUSED_COLOUR = "#c0392b"
FIELD_LABELS = {
    "headline": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Headline"),
    "section": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Section"),
    "date": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Date"),
    "no date": QT_TRANSLATE_NOOP("ImportPreviewDialog", "none yet"),
    "source": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Source"),
    "language": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Language"),
    "summary": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Summary"),
    "status": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Status"),
    "read as": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Read as"),
    "credits": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Credits"),
    "no credits": QT_TRANSLATE_NOOP("ImportPreviewDialog", "No credits."),
    "keywords": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Keywords:"),
    "notes": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Notes"),
    "left out": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Left out"),
    "unknown roles": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Roles not in the vocabulary"),
    "kept": QT_TRANSLATE_NOOP("ImportPreviewDialog", "(kept as written)"),
    "refused": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Cannot be imported:"),
    "nothing saved": QT_TRANSLATE_NOOP(
        "ImportPreviewDialog", "Nothing of this file will be saved."
    ),
}


def preview_html(preview: FilePreview) -> str:
    """One file's preview as the dialog shows it (from the report's JSON, the very
    data the CLI's dry run prints)."""
    e = html.escape
    data = preview.to_json()
    if "refused" in data:
        return (
            f"<h3>{e(preview.path.name)}</h3>"
            f'<p style="color:{REFUSED_COLOUR}"><b>{e(_tr(FIELD_LABELS["refused"]))}</b>'
            f" {e(said_text(preview.refused))}</p>"
            f"<p>{e(_tr(FIELD_LABELS['nothing saved']))}</p>"
        )
    fields = data["fields"]
    title = f"{fields['kicker']}丨{fields['headline']}" if fields["kicker"] else fields["headline"]
    rows = [
        (_tr(FIELD_LABELS["headline"]), title),
        (_tr(FIELD_LABELS["section"]), " > ".join(fields["section"])),
        (_tr(FIELD_LABELS["date"]), fields["date"] or _tr(FIELD_LABELS["no date"])),
        (_tr(FIELD_LABELS["source"]), fields["source"]),
        (_tr(FIELD_LABELS["language"]), language_name(fields["language"])),
        (_tr(FIELD_LABELS["summary"]), fields["summary"]),
        (_tr(FIELD_LABELS["status"]), status_name(fields["status"])),
        (_tr(FIELD_LABELS["read as"]), data["format"]),
    ]
    parts = [f"<h3>{e(title)}</h3>", "<table>"]
    parts += [
        f"<tr><td><b>{e(label)}</b>&nbsp;</td><td>{e(str(value))}</td></tr>"
        for label, value in rows
    ]
    parts.append(f"</table><h4>{e(_tr(FIELD_LABELS['credits']))}</h4>")
    if data["credits"]:
        parts.append("<ul>")
        parts += [f"<li>{e(c['role'])}: {e(', '.join(c['names']))}</li>" for c in data["credits"]]
        parts.append("</ul>")
    else:
        parts.append(f"<p>{e(_tr(FIELD_LABELS['no credits']))}</p>")
    if data["keywords"]:
        keywords = e(", ".join(data["keywords"]))
        parts.append(f"<p><b>{e(_tr(FIELD_LABELS['keywords']))}</b> {keywords}</p>")
    counts = QCoreApplication.translate(
        "ImportPreviewDialog", "{paragraphs} paragraph(s), {images} image(s)"
    ).format(paragraphs=data["paragraphs"], images=data["images"])
    parts.append(f"<p>{e(counts)}</p>")
    if data["notes"]:
        parts.append(f"<h4>{e(_tr(FIELD_LABELS['notes']))}</h4><ul>")
        parts += [f"<li>{e(said_text(note))}</li>" for note in data["notes"]]
        parts.append("</ul>")
    if data["left_out"]:
        parts.append(f"<h4>{e(_tr(FIELD_LABELS['left out']))}</h4><ul>")
        parts += [
            f"<li><b>{e(left_out_kind(item['what']))}</b>: {e(item['text'])}"
            f" — {e(said_text(item['reason']))}</li>"
            for item in data["left_out"]
        ]
        parts.append("</ul>")
    if data["unknown_roles"]:
        roles = ", ".join(data["unknown_roles"])
        unknown = e(_tr(FIELD_LABELS["unknown roles"]))
        kept = e(_tr(FIELD_LABELS["kept"]))
        parts.append(f"<p><b>{unknown}</b> {kept}: {e(roles)}</p>")
    return "".join(parts)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportPreviewDialog", text)


class ImportPreviewDialog(QDialog):
    def __init__(self, previews: Sequence[FilePreview], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previews = list(previews)
        self.setWindowTitle(self.tr("Import articles"))
        self.resize(900, 560)
        refused = sum(1 for p in self.previews if p.report is None)
        intro = QLabel(
            self.tr(
                "Nothing is saved until you press Import. Each file below shows what it would"
                " become; untick a file to leave it out."
            )
            + (
                self.tr(" %n file(s) cannot be imported: select one to read why.", "", refused)
                if refused
                else ""
            )
        )
        intro.setWordWrap(True)
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Files to import"))
        for preview in self.previews:
            item = QListWidgetItem(preview.path.name)
            item.setToolTip(str(preview.path))
            if preview.report is None:
                item.setText(f"✗ {preview.path.name}")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                item.setForeground(Qt.GlobalColor.red)
                item.setToolTip(said_text(preview.refused))
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
            self.files.addItem(item)
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("What the file would become"))
        self.details.setOpenLinks(False)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.files)
        split.addWidget(self.details)
        split.setSizes([280, 620])
        split.setChildrenCollapsible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName(self.tr("Import the ticked files"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        self.files.currentRowChanged.connect(self._on_files_current_changed)
        self.files.itemChanged.connect(self._update_button)
        self.files.setCurrentRow(0)
        self._update_button()
        self.import_button.setDefault(True)
        # The keyboard starts on the main action when there is one to take.
        (self.import_button if self.import_button.isEnabled() else self.files).setFocus()

    def chosen(self) -> list[FilePreview]:
        """The ticked files that can be imported, in the order given."""
        return [
            preview
            for row, preview in enumerate(self.previews)
            if preview.report is not None
            and self.files.item(row).checkState() == Qt.CheckState.Checked
        ]

    def details_text(self) -> str:
        return self.details.toPlainText()

    def _on_files_current_changed(self, row: int) -> None:
        if 0 <= row < len(self.previews):
            self.details.setHtml(preview_html(self.previews[row]))

    def _update_button(self, *_args) -> None:
        count = len(self.chosen())
        self.import_button.setEnabled(count > 0)
        self.import_button.setText(
            self.tr("Import %n article(s)", "", count) if count else self.tr("Import")
        )
