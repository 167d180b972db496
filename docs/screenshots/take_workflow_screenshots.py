"""Save screenshots of the editorial workflow for the user guide.

Run: QT_QPA_PLATFORM=offscreen python docs/screenshots/take_workflow_screenshots.py
Writes beside this file:
- workflow-bar.png: the top of the window as a producer sees an article edited after
  approval (user switcher with role badge, workflow bar, the banner);
- history-diff.png: the history dialog comparing two revisions, text and credits;
- export-dialog.png: the web team's export, showing what changed since the last export.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QApplication

from newsdesk.domain.article import Article, Credit
from newsdesk.gui.main_window import MainWindow
from newsdesk.gui.window_state import WindowState
from newsdesk.newsroom import Newsroom

HERE = Path(__file__).resolve().parent
REPORTER, PRODUCER, WEB = "Mei Lin", "Tom Reed", "Kai Web"

BODY = """The harbour ferry to Stone Island runs again from Monday, after eight weeks
in dry dock.

Boats leave every **forty minutes** from Pier 2 between six and midnight."""

EDITED_BODY = """The harbour ferry to Stone Island runs again from Monday, after eight weeks
in dry dock.

Boats leave every **thirty minutes** from Pier 2 between six and midnight.

Season tickets bought before the repairs stay valid until June."""


def pump(app: QApplication, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()


def fill(room: Newsroom, site_folder: Path) -> int:
    room.add_person(REPORTER, ["reporter"])
    room.add_person(PRODUCER, ["producer"])
    room.add_person(WEB, ["web"])
    stories = [
        ("Library extends its opening hours", "Open until ten on weekdays."),
        ("Night market gets a roof", "Stalls stay dry from April."),
        ("Cycle lane on Mill Road opens early", "The lane opened on Tuesday."),
    ]
    ids = []
    for number, (headline, body) in enumerate(stories):
        article = room.create_article(
            Article(
                headline=headline,
                date=dt.date(2026, 9, 10 + number),
                body=body,
                credits=[Credit("Reporter", (REPORTER,))],
            ),
            actor=REPORTER,
        )
        room.transition(article.id, "submit", actor=REPORTER)
        room.transition(article.id, "approve", actor=PRODUCER)
        ids.append(article.id)
    ferry = room.create_article(
        Article(
            headline="Stone Island ferry returns after repairs",
            kicker="Transport",
            date=dt.date(2026, 9, 14),
            source="Harbour desk",
            body=BODY,
            credits=[Credit("Reporter", (REPORTER,))],
        ),
        actor=REPORTER,
    )
    room.transition(ferry.id, "submit", actor=REPORTER, comment="Timetable checked")
    room.transition(ferry.id, "approve", actor=PRODUCER)
    # The web team exported the approved ones once...
    articles = [room.article(i) for i in [*ids[:2], ferry.id]]
    for _ in room.export_articles(articles, site_folder, actor=WEB, formats=["html"]):
        pass
    # ...then the reporter updated the timetable and added a photographer: the approval
    # is withdrawn and the producer approves the new text again later.
    room.save_article(
        dataclasses.replace(
            room.article(ferry.id),
            body=EDITED_BODY,
            credits=[
                Credit("Reporter", (REPORTER,)),
                Credit("Photography", ("Ivo Brandt",)),
            ],
        ),
        actor=REPORTER,
    )
    room.comment(ferry.id, "New timetable from the operator, 30 minutes.", actor=REPORTER)
    return ferry.id


def main() -> None:
    app = QApplication(sys.argv)
    app.setStyle("Fusion")
    app.setPalette(app.style().standardPalette())
    folder = Path(tempfile.mkdtemp())
    site_folder = folder / "site"
    room = Newsroom.open(folder / "newsroom.db")
    ferry = fill(room, site_folder)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    WindowState(settings, str(folder / "newsroom.db")).remember_article(ferry)
    settings.setValue("export/folder", str(site_folder))
    window = MainWindow(room, str(folder / "newsroom.db"), PRODUCER, settings)
    window.resize(1440, 860)
    window.show()
    pump(app, 2)

    # The toolbar, the workflow bar and the editor's first lines with the banner.
    bottom = window.editor.mapTo(window, window.editor.fields.geometry().bottomLeft()).y()
    window.grab(QRect(0, 0, window.width(), bottom + 8)).save(str(HERE / "workflow-bar.png"))

    window.show_history()
    dialog = window.history_dialog
    pump(app, 1)
    dialog.select_pair(1, 2)
    pump(app, 1)
    dialog.grab().save(str(HERE / "history-diff.png"))
    dialog.close()

    # Kai finishes: the producer approved again, and the web team looks at the export.
    room.transition(ferry, "approve", actor=PRODUCER)
    window.switch_user(room.person(WEB))
    window.show_export()
    export = window.export_dialog
    pump(app, 2)
    export.tree.setCurrentItem(export.item_of(ferry))
    pump(app, 0.5)
    export.grab().save(str(HERE / "export-dialog.png"))
    export.close()
    window.close()
    room.close()
    for name in ("workflow-bar.png", "history-diff.png", "export-dialog.png"):
        print(f"wrote {HERE / name}")


if __name__ == "__main__":
    main()
