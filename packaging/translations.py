"""Keep the interface's translations in step with the code, and compile them.

    python packaging/translations.py update   # pyside6-lupdate: new strings into the .ts
    python packaging/translations.py build    # pyside6-lrelease: .ts -> .qm (shipped)
    python packaging/translations.py check    # exit 1 naming what is untranslated or stale

The `.ts` files in resources/translations are the sources translators edit (with Qt
Linguist, `pyside6-linguist`, or by hand); the `.qm` files compiled from them are
committed and ship in the wheel and the frozen app as newsdesk_resources.translations,
so neither a user nor the build needs the Qt tools. newsdesk_zh_CN.ts holds every
string; newsdesk_en.ts only the plural forms English needs ("%n article(s)").
tests/gui/test_translation_files.py runs `check`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "newsdesk" / "gui"
FOLDER = ROOT / "resources" / "translations"
# language -> extra lupdate options
CATALOGS = {"zh_CN": [], "en": ["-pluralonly"]}


def ts_path(code: str, folder: Path = FOLDER) -> Path:
    return folder / f"newsdesk_{code}.ts"


def qm_path(code: str, folder: Path = FOLDER) -> Path:
    return folder / f"newsdesk_{code}.qm"


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"translations: {name} not found (it comes with PySide6)")
    return found


def python_sources() -> list[str]:
    return sorted(
        str(path.relative_to(ROOT))
        for path in SOURCES.rglob("*.py")
        if "__pycache__" not in path.parts
    )


def update(folder: Path = FOLDER) -> None:
    """Add new strings to each .ts (existing translations are kept; strings no longer in
    the code are dropped, so the files hold only what the app can show)."""
    for code, options in CATALOGS.items():
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                *python_sources(),
                "-no-obsolete",
                "-locations",
                "none",
                *options,
                "-target-language",
                code,
                "-ts",
                str(ts_path(code, folder)),
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
    english = ts_path("en", folder)
    english_plurals(english)
    # lupdate again: the file in lupdate's own layout, so `check` compares like with like.
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *python_sources(),
            "-no-obsolete",
            "-locations",
            "none",
            *CATALOGS["en"],
            "-target-language",
            "en",
            "-ts",
            str(english),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def english_plurals(ts: Path) -> None:
    """Fill English plural forms left open from the source's "(s)" convention:
    "%n article(s)" is "%n article" and "%n articles". A form someone wrote is kept."""
    text = ts.read_text(encoding="utf-8")
    tree = ET.ElementTree(ET.fromstring(text))
    changed = False
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if message.get("numerus") != "yes" or translation.get("type") != "unfinished":
            continue
        source = message.findtext("source") or ""
        for form in list(translation):
            translation.remove(form)
        for replacement in ("", "s"):
            ET.SubElement(translation, "numerusform").text = source.replace("(s)", replacement)
        del translation.attrib["type"]
        changed = True
    if changed:
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts.write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
            encoding="utf-8",
        )


def build(folder: Path = FOLDER, out: Path = FOLDER) -> None:
    for code in CATALOGS:
        subprocess.run(
            [
                _tool("pyside6-lrelease"),
                "-silent",
                str(ts_path(code, folder)),
                "-qm",
                str(qm_path(code, out)),
            ],
            check=True,
        )


def unfinished(ts: Path) -> list[str]:
    """'context: source' of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
                (form or "").strip() for form in forms
            ):
                missing.append(f"{name}: {message.findtext('source')}")
    return missing


def problems() -> list[str]:
    """What is untranslated or stale: the .ts as lupdate would make it from the code
    now, compared with the committed .ts, and the .qm built from it with the
    committed .qm."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        scratch_dir = Path(scratch)
        for code in CATALOGS:
            shutil.copy2(ts_path(code), ts_path(code, scratch_dir))
        update(scratch_dir)
        build(scratch_dir, scratch_dir)
        for code in CATALOGS:
            fresh = ts_path(code, scratch_dir)
            found += [f"{code} untranslated: {item}" for item in unfinished(fresh)]
            if fresh.read_bytes() != ts_path(code).read_bytes():
                found.append(f"{ts_path(code).name} is not what `update` makes of the code")
            built = qm_path(code, scratch_dir).read_bytes()
            if not qm_path(code).exists() or qm_path(code).read_bytes() != built:
                found.append(f"{qm_path(code).name} is stale: run `build`")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "build", "check"))
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    elif args.command == "build":
        build()
    else:
        found = problems()
        for line in found:
            print(line, file=sys.stderr)
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
