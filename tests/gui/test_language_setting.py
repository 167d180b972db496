"""Help › Language: the choice is kept, said to apply at the next start, and that start
speaks it (a real second process on the same settings)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

from newsdesk.gui.i18n.language import LANGUAGE_KEY
from newsdesk.gui.i18n.language_menu import LanguageMenu
from newsdesk.gui.main_window import MainWindow
from newsdesk.newsroom import Newsroom

ROOT = Path(__file__).resolve().parents[2]
SHOW_MENUS = """
import json, sys
from newsdesk.gui import app
window = app.start(sys.argv[1])
print(json.dumps([a.text() for a in window.menuBar().actions()]), flush=True)
window.close()
window.newsroom.close()
"""


def _language_menu(window: MainWindow) -> LanguageMenu:
    help_menu = window.menuBar().actions()[-1].menu()
    found = [a.menu() for a in help_menu.actions() if isinstance(a.menu(), QMenu)]
    menus = [m for m in found if isinstance(m, LanguageMenu)]
    assert menus, "Help has no Language menu"
    return menus[0]


def test_choosing_chinese_is_kept_and_the_next_start_speaks_it(qtbot, tmp_path):
    db = tmp_path / "newsroom.db"
    room = Newsroom.open(db)
    room.add_person("Mei Lin", ["reporter"])
    room.close()
    config = tmp_path / "config"
    (config / "newsdesk").mkdir(parents=True)
    conf = config / "newsdesk" / "newsdesk.conf"
    conf.write_text("[user]\nname=Mei Lin\n", encoding="utf-8")
    settings = QSettings(str(conf), QSettings.Format.IniFormat)
    window = MainWindow(Newsroom.open(db), str(db), "Mei Lin", settings)
    qtbot.addWidget(window)
    window.show()
    menu = _language_menu(window)
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "System language",
        "English",
        "简体中文",
    ]
    assert menu.actions_by_code["system"].isChecked()

    menu.actions_by_code["zh_CN"].trigger()
    assert menu.note.isVisible()
    assert "简体中文" in menu.note.text() and "starts again" in menu.note.text()
    assert settings.value(LANGUAGE_KEY) == "zh_CN"
    menu.note.accept()
    window.close()
    window.newsroom.close()
    settings.sync()

    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "NEWSDESK_LANGUAGE")
    }
    env.update(
        LANG="en_US.UTF-8",
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(config),
        XDG_STATE_HOME=str(tmp_path / "state"),
        PYTHONPATH=str(ROOT),
    )
    shown = subprocess.run(
        [sys.executable, "-c", SHOW_MENUS, str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout.strip().splitlines()[-1])[0] == "文件(&F)"
