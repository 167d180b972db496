"""Save screenshots of the main window with a Chinese article open, light and dark, at
900×600, 1,360×800 and at 2× scale (1,360×800 logical pixels).

Run: python docs/screenshots/take_screenshots.py   (offscreen; no display needed)
It runs take_chinese_screenshots.py too (the Chinese interface, main-zh-*.png).
Writes window-900x600-*.png, window-1360x800-*.png, window-2x-*.png beside this file,
and main-light.png / main-dark.png (the 1,360×800 ones, used by the README). Each
scale runs in a child process: QT_SCALE_FACTOR is read once, when Qt starts. The
offscreen screen is made as large as a desktop's (it is 800×800 by default, and the
window keeps itself on its screen).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from newsdesk.domain.article import Article, Credit
from newsdesk.gui.main_window import MainWindow
from newsdesk.gui.window_state import WindowState
from newsdesk.newsroom import Newsroom

HERE = Path(__file__).resolve().parent

BODY = """The new metro line links the airport with the old town in twenty-two minutes.

It has **twelve** stations, runs until midnight and, for the first month, is *free*
on weekends.

- Trains every four minutes at peak hours
- Step-free access at every station

> "We built it for the people who cross the river every day," the transit chief said."""


BODY_ZH = """新线连接机场和老城区，全程**二十二分钟**。

共设十二座车站，运营至午夜；首月周末*免费*乘坐。

- 高峰时段每四分钟一班
- 所有车站均设无障碍通道

> “我们为每天过江的人修了这条线，”交通局负责人说。"""


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
            headline="城市地铁新线今日开通",
            kicker="独家",
            date=dt.date(2026, 5, 16),
            source="新华社",
            language="zh",
            body=BODY_ZH,
            credits=[
                Credit("监制", ("王超",)),
                Credit("记者", ("岳弘彬", "牛镛", "严帅楠")),
                Credit("摄像", ("李挺",)),
                Credit("编辑", ("中央广播电视总台新闻中心摄像组",)),
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


SIZES = {"900x600": (900, 600), "1360x800": (1360, 800)}


def shoot(app: QApplication, scheme: Qt.ColorScheme, size: tuple[int, int], out: Path) -> None:
    app.styleHints().setColorScheme(scheme)
    app.setPalette(
        dark_palette() if scheme == Qt.ColorScheme.Dark else app.style().standardPalette()
    )
    folder = Path(tempfile.mkdtemp())
    db = folder / "newsroom.db"
    newsroom = Newsroom.open(db)
    featured = _fill(newsroom)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    WindowState(settings, str(db)).remember_article(featured)
    window = MainWindow(newsroom, str(db), "Mei Lin", settings)
    window.resize(*size)
    window.show()
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        app.processEvents()
    window.grab().save(str(out))
    print(f"wrote {out} ({window.width()}x{window.height()} at {window.devicePixelRatio():g}x)")
    window.close()
    newsroom.close()


def run(scale: str, sizes: list[str], prefix: str) -> None:
    """In this process (Qt started with QT_SCALE_FACTOR=`scale`): every size, both schemes."""
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")  # the same look on every platform, and it follows the scheme
    for name in sizes:
        for scheme, suffix in ((Qt.ColorScheme.Light, "light"), (Qt.ColorScheme.Dark, "dark")):
            label = name if prefix == "window" else prefix
            out = HERE / f"window-{label}-{suffix}.png"
            shoot(app, scheme, SIZES[name], out)
            if name == "1360x800" and prefix == "window":
                (HERE / f"main-{suffix}.png").write_bytes(out.read_bytes())


def _screen_config(scale: int) -> str:
    """A 1,920×1,200 desktop (in logical pixels at `scale`) for the offscreen platform."""
    config = Path(tempfile.mkdtemp(prefix="newsdesk-screen-")) / "screen.json"
    screen = {"name": "desktop", "x": 0, "y": 0, "width": 1920 * scale, "height": 1200 * scale}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96}]}))
    return f"offscreen:configfile={config}"


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        run(os.environ["QT_SCALE_FACTOR"], sys.argv[3].split(","), sys.argv[2])
        return
    for scale, prefix, sizes in ((1, "window", "900x600,1360x800"), (2, "2x", "1360x800")):
        env = {**os.environ, "QT_SCALE_FACTOR": str(scale)}
        if env.get("QT_QPA_PLATFORM", "offscreen").startswith("offscreen"):
            env["QT_QPA_PLATFORM"] = _screen_config(scale)
        subprocess.run([sys.executable, __file__, "--child", prefix, sizes], env=env, check=True)
    # The Chinese interface: main-zh-light/dark.png and the dialogs for the Chinese guide.
    subprocess.run([sys.executable, str(HERE / "take_chinese_screenshots.py")], check=True)


if __name__ == "__main__":
    main()
