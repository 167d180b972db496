"""Which language the interface speaks, and loading its translations at start.

The interface is written in English and translated through Qt Linguist: the `.ts`
sources in resources/translations are compiled to `.qm` files (tools/translations.py)
that ship in `newsdesk_resources.translations`. The language is the system's (its
locale, e.g. LANG=zh_CN.UTF-8) unless the person chose one in Help › Language, which is
kept in the settings and applies from the next start; no reinstall is needed.
"""

from __future__ import annotations

import logging
import os
from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

log = logging.getLogger(__name__)

LANGUAGE_KEY = "interface/language"
SYSTEM = "system"
# The languages the interface is translated into: code -> its own name (never
# translated, so a person who cannot read the current language still finds theirs).
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
# Overrides the setting for one run (a support call, a test): a code of LANGUAGES.
ENVIRONMENT = "NEWSDESK_LANGUAGE"
CATALOG = "newsdesk"

_installed: list[QTranslator] = []
_speaking = ["en"]  # the language install_translations chose (English until then)


def speaks_english() -> bool:
    """Whether the interface speaks English, the core's own language."""
    return _speaking[0] == "en"


def chosen_language(settings: QSettings) -> str:
    """The person's choice: a code of LANGUAGES, or SYSTEM."""
    value = str(settings.value(LANGUAGE_KEY, SYSTEM, str) or SYSTEM)
    return value if value in LANGUAGES else SYSTEM


def choose_language(settings: QSettings, code: str) -> None:
    if code != SYSTEM and code not in LANGUAGES:
        raise ValueError(f"unknown interface language {code!r}")
    settings.setValue(LANGUAGE_KEY, code)
    settings.sync()


def interface_locale(settings: QSettings) -> QLocale:
    """The locale whose language the interface speaks."""
    forced = os.environ.get(ENVIRONMENT, "")
    code = forced if forced in LANGUAGES else chosen_language(settings)
    return QLocale.system() if code == SYSTEM else QLocale(code)


def speaks(locale: QLocale) -> str:
    """The code of LANGUAGES that `locale` gets: Chinese for any Chinese locale
    (Simplified is the only Chinese translation), English otherwise."""
    for name in locale.uiLanguages():
        if name.replace("-", "_").lower().startswith("zh"):
            return "zh_CN"
        if name.lower().startswith("en"):
            return "en"
    return "en"


def _load(translator: QTranslator, catalog: str, code: str, folder: str) -> bool:
    return translator.load(f"{catalog}_{code}", folder)


def install_translations(settings: QSettings) -> str:
    """Load the interface's translations (and Qt's own, for its standard buttons and
    dialogs) into the application; returns the language code in use.

    Calling it again replaces what an earlier call installed."""
    app = QCoreApplication.instance()
    assert app is not None, "the application comes first"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    code = speaks(interface_locale(settings))
    QLocale.setDefault(QLocale(code))
    with as_file(files("newsdesk_resources") / "translations") as folder:
        ours = QTranslator(app)
        if _load(ours, CATALOG, code, str(folder)):
            _installed.append(ours)
        else:
            log.warning("no %s translation of the interface in %s", code, folder)
    if code != "en":
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_own = QTranslator(app)
        if _load(qt_own, "qtbase", code, qt_folder):
            _installed.append(qt_own)
        else:
            log.warning("Qt's own %s translation is missing from %s", code, qt_folder)
    for translator in _installed:
        app.installTranslator(translator)
    _speaking[0] = code
    log.info("interface language: %s", code)
    return code
