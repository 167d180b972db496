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

from PySide6.QtCore import Qt
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

from newsdesk.newsroom.importing import FilePreview

REFUSED_COLOUR = "#c0392b"


def preview_html(preview: FilePreview) -> str:
    """One file's preview as the dialog shows it (from the report's JSON, the very
    data the CLI's dry run prints)."""
    e = html.escape
    data = preview.to_json()
    if "refused" in data:
        return (
            f"<h3>{e(preview.path.name)}</h3>"
            f'<p style="color:{REFUSED_COLOUR}"><b>Cannot be imported:</b> {e(data["refused"])}</p>'
            "<p>Nothing of this file will be saved.</p>"
        )
    fields = data["fields"]
    title = f"{fields['kicker']}丨{fields['headline']}" if fields["kicker"] else fields["headline"]
    rows = [
        ("Headline", title),
        ("Section", " > ".join(fields["section"])),
        ("Date", fields["date"] or "none yet"),
        ("Source", fields["source"]),
        ("Language", fields["language"]),
        ("Summary", fields["summary"]),
        ("Status", fields["status"]),
        ("Read as", data["format"]),
    ]
    parts = [f"<h3>{e(title)}</h3>", "<table>"]
    parts += [
        f"<tr><td><b>{e(label)}</b>&nbsp;</td><td>{e(str(value))}</td></tr>"
        for label, value in rows
        if value
    ]
    parts.append("</table><h4>Credits</h4>")
    if data["credits"]:
        parts.append("<ul>")
        parts += [f"<li>{e(c['role'])}: {e(', '.join(c['names']))}</li>" for c in data["credits"]]
        parts.append("</ul>")
    else:
        parts.append("<p>No credits.</p>")
    if data["keywords"]:
        parts.append(f"<p><b>Keywords:</b> {e(', '.join(data['keywords']))}</p>")
    parts.append(f"<p>{data['paragraphs']} paragraph(s), {data['images']} image(s)</p>")
    if data["notes"]:
        parts.append("<h4>Notes</h4><ul>")
        parts += [f"<li>{e(note)}</li>" for note in data["notes"]]
        parts.append("</ul>")
    if data["left_out"]:
        parts.append("<h4>Left out</h4><ul>")
        parts += [
            f"<li><b>{e(item['what'])}</b>: {e(item['text'])} — {e(item['reason'])}</li>"
            for item in data["left_out"]
        ]
        parts.append("</ul>")
    if data["unknown_roles"]:
        roles = ", ".join(data["unknown_roles"])
        parts.append(f"<p><b>Roles not in the vocabulary</b> (kept as written): {e(roles)}</p>")
    return "".join(parts)


class ImportPreviewDialog(QDialog):
    def __init__(self, previews: Sequence[FilePreview], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previews = list(previews)
        self.setWindowTitle("Import articles")
        self.resize(900, 560)
        refused = sum(1 for p in self.previews if p.report is None)
        intro = QLabel(
            "Nothing is saved until you press Import. Each file below shows what it would"
            " become; untick a file to leave it out."
            + (f" {refused} file(s) cannot be imported: select one to read why." if refused else "")
        )
        intro.setWordWrap(True)
        self.files = QListWidget()
        self.files.setAccessibleName("Files to import")
        for preview in self.previews:
            item = QListWidgetItem(preview.path.name)
            item.setToolTip(str(preview.path))
            if preview.report is None:
                item.setText(f"✗ {preview.path.name}")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                item.setForeground(Qt.GlobalColor.red)
                item.setToolTip(preview.refused)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
            self.files.addItem(item)
        self.details = QTextBrowser()
        self.details.setAccessibleName("What the file would become")
        self.details.setOpenLinks(False)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.files)
        split.addWidget(self.details)
        split.setSizes([280, 620])
        split.setChildrenCollapsible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName("Import the ticked files")
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
            f"Import {count} article{'s' if count != 1 else ''}" if count else "Import"
        )
