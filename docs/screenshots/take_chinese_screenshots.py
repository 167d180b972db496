"""Save screenshots of the Chinese interface, for the Chinese user guide and the README.

Run: QT_QPA_PLATFORM=offscreen python docs/screenshots/take_chinese_screenshots.py
(take_screenshots.py runs it too). The app's translations are installed as the
language setting 简体中文 installs them at start, and the newsroom is written in
Chinese. Writes beside this file:
- main-zh-light.png, main-zh-dark.png: the main window as a reporter sees her article;
- workflow-bar-zh.png: the top of the window as a producer sees an article edited
  after its approval;
- history-diff-zh.png: the history dialog comparing two revisions;
- export-dialog-zh.png: the web team's export, with what changed since the last one;
- import-preview-zh.png: File › Import… on a Pelican page, its notes and what was left
  out said in Chinese.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication

from newsdesk.domain.article import Article, Credit
from newsdesk.gui.i18n.language import choose_language, install_translations
from newsdesk.gui.main_window import MainWindow
from newsdesk.gui.window_state import WindowState
from newsdesk.newsroom import Newsroom

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from take_screenshots import _screen_config, dark_palette  # noqa: E402

REPORTER, PRODUCER, WEB = "林美", "唐睿", "高伟"

BODY = """市地铁新线今天上午正式开通，从机场到老城区只需二十二分钟。

新线共设**十二**座车站，运营至午夜，开通后第一个月的*周末免费*乘坐。

- 高峰时段每四分钟一班
- 每座车站都有无障碍通道

> “我们为每天过江的市民修了这条线。”交通局负责人说。"""

FERRY = """停航八周的石岛渡轮周一起恢复运营。

渡轮每**四十分钟**一班，从二号码头出发，运营时间为早六点至午夜。"""

FERRY_EDITED = """停航八周的石岛渡轮周一起恢复运营。

渡轮每**三十分钟**一班，从二号码头出发，运营时间为早六点至午夜。

维修前购买的季票有效期延至六月。"""


def pump(app: QApplication, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()


def newsroom(folder: Path) -> tuple[Newsroom, int, int]:
    """A Chinese newsroom: a few stories in every state, the metro story open for the
    reporter, the ferry story approved, exported and then edited."""
    room = Newsroom.open(folder / "newsroom.db")
    room.add_person(REPORTER, ["reporter"])
    room.add_person(PRODUCER, ["producer"])
    room.add_person(WEB, ["web"])
    stories = [
        ("图书馆延长开放时间", "工作日开放到晚上十点。", 2),
        ("夜市加盖顶棚", "四月起摊位不再淋雨。", 1),
        ("磨坊路自行车道提前开通", "自行车道已于周二开通。", 2),
        ("暴雨预警：全市启动防汛四级响应", "气象台发布暴雨蓝色预警。", 0),
        ("学校午餐下学期全部改用有机食材", "家长委员会表示欢迎。", 1),
    ]
    for number, (headline, body, steps) in enumerate(stories):
        article = room.create_article(
            Article(
                headline=headline,
                kicker="本地",
                language="zh",
                date=dt.date(2026, 9, 8 + number),
                body=body,
                credits=[Credit("记者", (REPORTER,))],
            ),
            actor=REPORTER,
        )
        if steps >= 1:
            room.transition(article.id, "submit", actor=REPORTER)
        if steps >= 2:
            room.transition(article.id, "approve", actor=PRODUCER)
    ferry = room.create_article(
        Article(
            headline="石岛渡轮维修后恢复运营",
            kicker="交通",
            language="zh",
            section=("新闻", "本地"),
            date=dt.date(2026, 9, 14),
            source="港口记者站",
            body=FERRY,
            credits=[Credit("记者", (REPORTER,))],
        ),
        actor=REPORTER,
    )
    room.transition(ferry.id, "submit", actor=REPORTER, comment="时刻表已核对")
    room.transition(ferry.id, "approve", actor=PRODUCER)
    metro = room.create_article(
        Article(
            headline="城市地铁新线今日开通",
            kicker="独家",
            language="zh",
            section=("新闻", "城市"),
            date=dt.date(2026, 9, 16),
            source="地铁记者站",
            body=BODY,
            credits=[
                Credit("监制", (PRODUCER,)),
                Credit("记者", (REPORTER, "周宁")),
                Credit("摄像", ("白云",)),
            ],
        ),
        actor=REPORTER,
    )
    room.comment(metro.id, "车站数量和交通局核对过了吗？", actor=PRODUCER)
    return room, metro.id, ferry.id


def edit_after_approval(room: Newsroom, ferry: int, site_folder: Path) -> None:
    """The web team exported the approved ferry story once; then the reporter updated
    the timetable and added a photographer, which withdraws the approval."""
    articles = [room.article(ferry)]
    for _ in room.export_articles(articles, site_folder, actor=WEB, formats=["html"]):
        pass
    room.save_article(
        dataclasses.replace(
            room.article(ferry),
            body=FERRY_EDITED,
            credits=[Credit("记者", (REPORTER,)), Credit("摄像", ("白云",))],
        ),
        actor=REPORTER,
    )
    room.comment(ferry, "运营方发来新时刻表：三十分钟一班。", actor=REPORTER)


def window_for(room: Newsroom, folder: Path, user: str, article: int) -> MainWindow:
    settings = QSettings(str(folder / f"settings-{user}.ini"), QSettings.Format.IniFormat)
    WindowState(settings, str(folder / "newsroom.db")).remember_article(article)
    settings.setValue("export/folder", str(folder / "site"))
    window = MainWindow(room, str(folder / "newsroom.db"), user, settings)
    window.resize(1360, 800)
    window.show()
    return window


def shoot_main(app: QApplication, scheme: Qt.ColorScheme, out: Path) -> None:
    app.styleHints().setColorScheme(scheme)
    app.setPalette(
        dark_palette() if scheme == Qt.ColorScheme.Dark else app.style().standardPalette()
    )
    folder = Path(tempfile.mkdtemp())
    room, metro, _ferry = newsroom(folder)
    window = window_for(room, folder, REPORTER, metro)
    pump(app, 3)
    window.grab().save(str(out))
    window.close()
    room.close()
    print(f"wrote {out}")


def shoot_workflow(app: QApplication) -> None:
    app.styleHints().setColorScheme(Qt.ColorScheme.Light)
    app.setPalette(app.style().standardPalette())
    folder = Path(tempfile.mkdtemp())
    room, _metro, ferry = newsroom(folder)
    edit_after_approval(room, ferry, folder / "site")
    window = window_for(room, folder, PRODUCER, ferry)
    pump(app, 2)
    bottom = window.editor.mapTo(window, window.editor.fields.geometry().bottomLeft()).y()
    out = HERE / "workflow-bar-zh.png"
    window.grab(QRect(0, 0, window.width(), bottom + 8)).save(str(out))
    print(f"wrote {out}")

    window.show_history()
    dialog = window.history_dialog
    pump(app, 1)
    dialog.select_pair(1, 2)
    pump(app, 1)
    out = HERE / "history-diff-zh.png"
    dialog.grab().save(str(out))
    dialog.close()
    print(f"wrote {out}")

    room.transition(ferry, "approve", actor=PRODUCER)
    window.switch_user(room.person(WEB))
    window.show_export()
    export = window.export_dialog
    pump(app, 2)
    export.tree.setCurrentItem(export.item_of(ferry))
    pump(app, 0.5)
    out = HERE / "export-dialog-zh.png"
    export.grab().save(str(out))
    export.close()
    print(f"wrote {out}")
    window.close()
    room.close()


# A Pelican page with notes (no category, a time on the date, Pelican's "hidden", an
# upper-case slug) and things left out (a field of its own, a link the page cannot carry).
PELICAN_PAGE = """\
Title: 渡轮恢复运营
Date: 2026-09-14 08:30
Slug: Ferry-Back
Status: hidden
Lang: zh
Mood: 高兴

渡轮周一起恢复运营，[详情](javascript:void) 见码头公告。
"""


def shoot_import(app: QApplication) -> None:
    app.styleHints().setColorScheme(Qt.ColorScheme.Light)
    app.setPalette(app.style().standardPalette())
    folder = Path(tempfile.mkdtemp())
    room, metro, _ferry = newsroom(folder)
    page = folder / "渡轮.md"
    page.write_text(PELICAN_PAGE, encoding="utf-8")
    window = window_for(room, folder, REPORTER, metro)
    pump(app, 1)
    window.tools.importer.preview([page])
    deadline = time.monotonic() + 20
    while window.tools.importer.dialog is None and time.monotonic() < deadline:
        pump(app, 0.1)
    dialog = window.tools.importer.dialog
    dialog.resize(900, 520)
    pump(app, 0.5)
    out = HERE / "import-preview-zh.png"
    dialog.grab().save(str(out))
    dialog.reject()
    window.close()
    room.close()
    print(f"wrote {out}")


def main() -> None:
    # A desktop-sized offscreen screen (800×800 by default; the window keeps to its screen).
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = _screen_config(1)
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "language.ini"), QSettings.Format.IniFormat)
    choose_language(settings, "zh_CN")
    install_translations(settings)
    shoot_main(app, Qt.ColorScheme.Light, HERE / "main-zh-light.png")
    shoot_main(app, Qt.ColorScheme.Dark, HERE / "main-zh-dark.png")
    shoot_workflow(app)
    shoot_import(app)


if __name__ == "__main__":
    main()
