"""The wheel ships every module and every resource, and building it warns about nothing.

The package list in pyproject.toml is explicit (resources/ ships under another name,
which setuptools' finder cannot express), so a new sub-package or resource folder must
be added there. This test builds the real wheel from a copy of the sources with the
project's own build backend and fails, naming what to add, when anything is missing,
and when the build prints a warning about the project's configuration (a deprecated
`license` table, a data folder that "would be ignored").
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What the sdist/wheel is built from: pyproject.toml names nothing else.
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "newsdesk", "resources")
WARNING_MARKS = ("Warning", "warning:", "deprecated", "would be ignored", "!!")
# Printed by the build tooling itself whatever the configuration says.
HARMLESS = ("byte-compiling is disabled",)


def _copy_sources(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)


@pytest.fixture(scope="module")
def built_wheel(tmp_path_factory) -> tuple[Path, str]:
    """(wheel path, everything the build printed). Built once for the module."""
    source = tmp_path_factory.mktemp("source")
    _copy_sources(source)
    dist = source / "dist"
    # The PEP 517 hook pip calls, in a child process so warnings reach its output.
    script = (
        "import sys, warnings; warnings.simplefilter('default');"
        "import setuptools.build_meta as backend;"
        "print('WHEEL=' + backend.build_wheel(sys.argv[1]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(dist)],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    name = next(line for line in result.stdout.splitlines() if line.startswith("WHEEL="))
    return dist / name.removeprefix("WHEEL="), output


def _wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_every_module_is_in_the_wheel(built_wheel):
    names = _wheel_names(built_wheel[0])
    modules = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "newsdesk").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    missing = sorted(modules - names)
    folders = sorted({".".join(Path(m).parent.parts) for m in missing})
    assert not missing, f"add these to [tool.setuptools] packages: {folders}"


def test_every_resource_file_is_in_the_wheel(built_wheel):
    names = _wheel_names(built_wheel[0])
    resources = {
        "newsdesk_resources/" + path.relative_to(ROOT / "resources").as_posix()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    missing = sorted(resources - names)
    folders = sorted({".".join(Path(m).parent.parts) for m in missing})
    assert not missing, f"add these to [tool.setuptools] packages: {folders}"


def test_the_build_prints_no_warning_about_the_configuration(built_wheel):
    lines = [
        line
        for line in built_wheel[1].splitlines()
        if any(mark in line for mark in WARNING_MARKS)
        and not any(harmless in line for harmless in HARMLESS)
    ]
    assert lines == [], "\n".join(lines)


def test_the_wheel_carries_the_spdx_license_and_the_one_version(built_wheel):
    from newsdesk import __version__

    wheel = built_wheel[0]
    assert wheel.name.startswith(f"newsdesk-{__version__}-")
    with zipfile.ZipFile(wheel) as archive:
        info = f"newsdesk-{__version__}.dist-info"
        metadata = archive.read(f"{info}/METADATA").decode("utf-8")
        assert f"{info}/licenses/LICENSE" in archive.namelist()
    assert "License-Expression: MIT" in metadata.splitlines()
    assert f"Version: {__version__}" in metadata.splitlines()
