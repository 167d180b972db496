"""The shipped translations are complete and current, and the app picks its language.

`packaging/translations.py check` runs lupdate over the code as it is now: a string
wrapped for translation but not translated, a .ts that no longer matches the code, or
a .qm not rebuilt from its .ts fails here, naming it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import translations  # noqa: E402


def test_every_wrapped_string_is_translated_and_the_catalogs_are_built():
    assert translations.problems() == []


def test_a_missing_translation_is_found(tmp_path, monkeypatch):
    """The check above can fail: a message left unfinished is named."""
    ts = tmp_path / "newsdesk_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">'
        "<context><name>ExportDialog</name><message><source>Export</source>"
        '<translation type="unfinished"></translation></message></context></TS>',
        encoding="utf-8",
    )
    assert translations.unfinished(ts) == ["ExportDialog: Export"]


SHOW_WINDOW = """
import json, sys
from newsdesk.gui import app
window = app.start(sys.argv[1])
menus = [a.text() for a in window.menuBar().actions()]
print(json.dumps({"menus": menus, "new": window.actions.new.text()}), flush=True)
window.close()
window.newsroom.close()
"""


def _start(tmp_path: Path, **env: str) -> dict:
    from newsdesk.newsroom import Newsroom

    db = tmp_path / "newsroom.db"
    room = Newsroom.open(db)
    room.add_person("林美", ["reporter"])
    room.close()
    config = tmp_path / "config"
    (config / "newsdesk").mkdir(parents=True, exist_ok=True)
    settings = "[user]\nname=林美\n" + env.pop("SETTINGS", "")
    (config / "newsdesk" / "newsdesk.conf").write_text(settings, encoding="utf-8")
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "NEWSDESK_LANGUAGE")
    }
    environment.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(config),
        XDG_STATE_HOME=str(tmp_path / "state"),
        PYTHONPATH=str(ROOT),
        **env,
    )
    result = subprocess.run(
        [sys.executable, "-c", SHOW_WINDOW, str(db)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("lang", ["zh_CN.UTF-8", "zh_SG.UTF-8"])
def test_a_chinese_system_gets_a_chinese_window(tmp_path, lang):
    shown = _start(tmp_path, LANG=lang)
    assert shown["menus"][0] == "文件(&F)"
    assert shown["new"] == "新建稿件(&N)"


def test_an_english_system_gets_an_english_window(tmp_path):
    shown = _start(tmp_path, LANG="en_GB.UTF-8")
    assert shown["menus"][0] == "&File"


def test_the_setting_overrides_the_system(tmp_path):
    chinese = _start(tmp_path, LANG="en_US.UTF-8", SETTINGS="[interface]\nlanguage=zh_CN\n")
    assert chinese["menus"][0] == "文件(&F)"
    english = _start(tmp_path, LANG="zh_CN.UTF-8", SETTINGS="[interface]\nlanguage=en\n")
    assert english["menus"][0] == "&File"
