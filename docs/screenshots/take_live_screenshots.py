"""Save screenshots of two desks working on one article, for the user guide.

Run: QT_QPA_PLATFORM=offscreen python docs/screenshots/take_live_screenshots.py
Two windows on one newsroom file (each with its own live feed, as two desks are).
Writes beside this file:
- presence-banner.png: Omar's window on an article Lena is editing (list row marked,
  "Lena Park is editing" over the editor, with Edit anyway);
- review-bar.png: Omar's unsaved text when Lena saves ("Lena Park saved revision 2 —
  Review");
- conflict-dialog.png: the review of both versions, the same paragraph changed by
  both, the differing words highlighted.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from newsdesk.domain.article import Article, Credit
from newsdesk.gui.main_window import MainWindow
from newsdesk.newsroom import Newsroom

HERE = Path(__file__).resolve().parent
LENA, OMAR = "Lena Park", "Omar Diaz"
BODY = (
    "The council met at nine to vote on the new harbour wall.\n\n"
    "Fishermen asked for a gap wide enough for two boats.\n\n"
    "The vote was close."
)


def pump(app: QApplication, seconds: float, until=None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if until is not None and until():
            return
        time.sleep(0.01)


def window(db: Path, user: str, folder: Path) -> MainWindow:
    settings = QSettings(str(folder / f"{user}.ini"), QSettings.Format.IniFormat)
    shown = MainWindow(Newsroom.open(db), str(db), user, settings)
    shown.resize(1360, 800)
    shown.show()
    return shown


def type_at_end_of(shown: MainWindow, paragraph: int, text: str) -> None:
    body = shown.editor.body.rich_edit
    block = body.document().findBlockByNumber(paragraph)
    cursor = body.textCursor()
    cursor.setPosition(block.position() + block.length() - 1)
    body.setTextCursor(cursor)
    body.insertPlainText(text)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-live-shots-"))
    db = folder / "newsroom.db"
    room = Newsroom.open(db)
    room.add_person(LENA, ["reporter"])
    room.add_person(OMAR, ["producer", "reporter"])
    for headline in ("Harbour wall vote", "Ferry timetable changes", "Library opens later"):
        room.create_article(
            Article(
                headline=headline,
                date=dt.date(2026, 9, 14),
                body=BODY,
                credits=[Credit("Reporter", (LENA,))],
            ),
            actor=LENA,
        )
    room.close()
    lena, omar = window(db, LENA, folder), window(db, OMAR, folder)
    lena.open_article(1)
    pump(app, 3, lambda: omar.list_panel.model.presence_of(1) != "")
    omar.open_article(1)
    pump(app, 3, lambda: omar.controller.live.waiting)
    pump(app, 0.5)
    omar.grab().save(str(HERE / "presence-banner.png"))

    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    omar.controller.live_bar.presence.button.click()
    omar.session.set_writable(False)  # Omar's text stays unsaved while Lena saves
    type_at_end_of(omar, 2, " Seven councillors voted for it, six against.")
    type_at_end_of(lena, 2, " It passed by one vote.")
    lena.session.save()
    pump(app, 5, lambda: omar.controller.live_bar.review.text() != "")
    pump(app, 0.5)
    omar.grab().save(str(HERE / "review-bar.png"))

    omar.controller.live_bar.review.button.click()
    pump(app, 3, lambda: omar.controller.merging.dialog is not None)
    dialog = omar.controller.merging.dialog
    dialog.resize(960, 560)
    pump(app, 0.5)
    dialog.grab().save(str(HERE / "conflict-dialog.png"))
    dialog.reject()
    omar.session.load(None)  # let it go without asking
    for shown in (lena, omar):
        shown.close()
        shown.newsroom.close()
    print("wrote presence-banner.png, review-bar.png, conflict-dialog.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
