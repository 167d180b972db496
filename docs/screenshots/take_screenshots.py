"""Save screenshots of the main window with a fixture article, light and dark.

Run: QT_QPA_PLATFORM=offscreen python docs/screenshots/take_screenshots.py
Writes main-light.png and main-dark.png beside this file (used by the README).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from newsdesk.domain.article import Article, Credit
from newsdesk.gui.main_window import MainWindow
from newsdesk.newsroom import Newsroom

HERE = Path(__file__).resolve().parent

BODY = """The new metro line links the airport with the old town in twenty-two minutes.

It has **twelve** stations, runs until midnight and, for the first month, is *free*
on weekends.

- Trains every four minutes at peak hours
- Step-free access at every station

> "We built it for the people who cross the river every day," the transit chief said."""


def _fill(newsroom: Newsroom) -> int:
    newsroom.add_person("Mei Lin", ["reporter"])
    newsroom.add_person("Tom Reed", ["producer"])
    newsroom.add_person("Ada Moss", ["reporter"])
    topics = [
        ("Harbour ferry timetable changes for summer", "Ada Moss"),
        ("Council approves library extension", "Mei Lin"),
        ("暴雨预警：全市启动防汛四级响应", "Mei Lin"),
        ("Marathon closes riverside roads on Sunday", "Ada Moss"),
        ("School meals go fully organic next term", "Mei Lin"),
    ]
    for i, (headline, author) in enumerate(topics):
        article = newsroom.create_article(
            Article(
                headline=headline,
                date=dt.date(2026, 5, 10 + i),
                body="Draft text.",
                credits=[Credit("Reporter", (author,))],
            ),
            actor=author,
        )
        if i % 2:
            newsroom.transition(article.id, "submit", actor=author)
    featured = newsroom.create_article(
        Article(
            headline="城市地铁新线今日开通 New metro line opens",
            kicker="Exclusive",
            date=dt.date(2026, 5, 16),
            source="Metro desk",
            body=BODY,
            credits=[
                Credit("Producer", ("Tom Reed",)),
                Credit("Reporter", ("Mei Lin", "Zhou Ning")),
                Credit("Photography", ("Ivo Brandt",)),
            ],
        ),
        actor="Mei Lin",
    )
    return featured.id


def dark_palette() -> QPalette:
    """What a desktop in dark mode hands the app (the offscreen platform has no theme)."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2d31",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1f22",
        QPalette.ColorRole.AlternateBase: "#26282c",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#33363b",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d6fb6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#33363b",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8b8f96",
        QPalette.ColorRole.Link: "#7fb2ff",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6d7178"))
    return palette


def shoot(app: QApplication, scheme: Qt.ColorScheme, out: Path) -> None:
    app.styleHints().setColorScheme(scheme)
    app.setPalette(
        dark_palette() if scheme == Qt.ColorScheme.Dark else app.style().standardPalette()
    )
    folder = Path(tempfile.mkdtemp())
    newsroom = Newsroom.open(folder / "newsroom.db")
    featured = _fill(newsroom)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/last_article", featured)
    window = MainWindow(newsroom, str(folder / "newsroom.db"), "Mei Lin", settings)
    window.resize(1440, 860)
    window.show()
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        app.processEvents()
    window.grab().save(str(out))
    window.close()
    newsroom.close()
    print(f"wrote {out}")


def main() -> None:
    app = QApplication(sys.argv)
    app.setStyle("Fusion")  # the same look on every platform, and it follows the scheme
    shoot(app, Qt.ColorScheme.Light, HERE / "main-light.png")
    shoot(app, Qt.ColorScheme.Dark, HERE / "main-dark.png")


if __name__ == "__main__":
    main()
