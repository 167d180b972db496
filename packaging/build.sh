#!/usr/bin/env bash
# Build the one-folder app: dist/newsdesk/ (Linux; dist/newsdesk.app on macOS).
#
#   packaging/build.sh            # needs python3 (3.11+) with venv, its shared
#                                 # library (libpython3.X) and binutils
#   NEWSDESK_BUILD_DIR=DIR packaging/build.sh   # keep the build venv elsewhere
#
# A clean venv under build/ gets the project as a wheel (what users get, not the
# editable checkout) and the pinned PyInstaller, so the build does not depend on the
# developer's own venv. On Linux the desktop entry, AppStream metainfo, icons and
# install-desktop.sh are copied into the app folder, so IT can hand out that one
# folder. Then the size and the time taken are printed.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${NEWSDESK_BUILD_DIR:-$root/build/pyinstaller}"
dist="$root/dist"
python="${PYTHON:-python3}"
started=$(date +%s)

say() { printf 'build.sh: %s\n' "$*" >&2; }

case "${1:-}" in
    "") ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) say "takes no arguments (see --help)"; exit 2 ;;
esac

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    say "needs Python 3.11 or newer as \$PYTHON or python3"
    exit 1
fi

# PyInstaller reads each library's dependencies with objdump on Linux.
if [ "$(uname -s)" = Linux ] && ! command -v objdump >/dev/null 2>&1; then
    say "needs objdump: apt-get install binutils"
    exit 1
fi

# The frozen app carries Python's shared library; Debian's python3 is linked statically
# and ships the library apart (libpython3.X).
if [ "$(uname -s)" = Linux ] && ! "$python" -c '
import ctypes, sys, sysconfig
try:
    ctypes.CDLL(sysconfig.get_config_var("INSTSONAME") or "")
except OSError:
    sys.exit(1)' 2>/dev/null; then
    minor="$("$python" -c 'import sys; print(sys.version_info.minor)')"
    say "needs Python's shared library: apt-get install libpython3.$minor"
    exit 1
fi

# A fresh venv each time: a stale one could hide a missing dependency.
rm -rf "$build/venv" "$build/work"
mkdir -p "$build"
"$python" -m venv "$build/venv"
venv_python="$build/venv/bin/python"
say "installing newsdesk and PyInstaller into $build/venv"
"$venv_python" -m pip install -q --upgrade pip
"$venv_python" -m pip install -q "$root" -r "$root/packaging/build-requirements.txt"

say "freezing"
rm -rf "$dist/newsdesk" "$dist/newsdesk.app"
"$venv_python" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$dist" --workpath "$build/work" "$root/packaging/newsdesk.spec"

if [ "$(uname -s)" = Linux ]; then
    app="$dist/newsdesk"
    # What install-desktop.sh installs, in the layout it looks for beside itself.
    mkdir -p "$app/desktop/icons"
    cp "$root/packaging/linux/"* "$app/desktop/"
    cp "$root/resources/icons/app/"newsdesk*.png "$root/resources/icons/app/newsdesk.svg" \
        "$app/desktop/icons/"
    cp "$root/packaging/install-desktop.sh" "$app/"
    cp "$root/LICENSE" "$app/"
    # The archive IT hands out: unpack anywhere (say /opt), run install-desktop.sh.
    version="$("$app/newsdesk" --version | cut -d' ' -f2)"
    archive="$dist/newsdesk-$version-linux-$(uname -m).tar.gz"
    tar -C "$dist" -czf "$archive" newsdesk
    say "archive $archive: $(du -sh "$archive" | cut -f1)"
else
    app="$dist/newsdesk.app"
fi

elapsed=$(( $(date +%s) - started ))
size=$(du -sh "$app" | cut -f1)
say "built $app: $size in ${elapsed}s"
