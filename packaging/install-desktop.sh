#!/usr/bin/env bash
# Put newsdesk's menu entry, icons and AppStream metainfo where the desktop finds them
# (the XDG base directory and icon theme specifications), or take them away again.
#
#   install-desktop.sh [--user | --system | --data-dir DIR] [--exec PROGRAM] [--uninstall]
#
#   --user          into $XDG_DATA_HOME (default ~/.local/share): this user only (default)
#   --system        into /usr/local/share: everyone on the machine (run as root)
#   --data-dir DIR  into DIR (a share/ folder of your choice, e.g. for a package build)
#   --exec PROGRAM  what the menu entry starts. Default: the frozen app beside this script
#                   (dist/newsdesk/newsdesk), else the `newsdesk` found on PATH (pip
#                   install). Written as an absolute path: a venv is not on the
#                   desktop's PATH.
#   --uninstall     remove what an install put there
#
# It works from the source tree (packaging/install-desktop.sh) and from the folder
# packaging/build.sh makes (dist/newsdesk/install-desktop.sh).
set -euo pipefail

APP_ID="org.newsdesk.newsdesk"
ICON_SIZES="16 24 32 48 64 128 256 512"

here="$(cd "$(dirname "$0")" && pwd)"
say() { printf 'install-desktop.sh: %s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }

if [ -d "$here/desktop" ]; then          # the frozen app's folder
    data="$here/desktop"
    icons="$here/desktop/icons"
    beside="$here/newsdesk"
else                                     # the source tree
    data="$here/linux"
    icons="$here/../resources/icons/app"
    beside=""
fi

target="${XDG_DATA_HOME:-$HOME/.local/share}"
program=""
uninstall=false
while [ $# -gt 0 ]; do
    case "$1" in
        --user) target="${XDG_DATA_HOME:-$HOME/.local/share}" ;;
        --system) target="/usr/local/share" ;;
        --data-dir)
            [ $# -ge 2 ] || fail "--data-dir needs a folder"
            target="$2"; shift ;;
        --exec)
            [ $# -ge 2 ] || fail "--exec needs a program"
            program="$2"; shift ;;
        --uninstall) uninstall=true ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) fail "unknown option $1 (see --help)" ;;
    esac
    shift
done

applications="$target/applications"
metainfo="$target/metainfo"
hicolor="$target/icons/hicolor"
installed=(
    "$applications/$APP_ID.desktop"
    "$metainfo/$APP_ID.metainfo.xml"
    "$hicolor/scalable/apps/$APP_ID.svg"
)
for size in $ICON_SIZES; do
    installed+=("$hicolor/${size}x${size}/apps/$APP_ID.png")
done

# Desktops read these caches when they exist; a stale one hides a new icon or entry.
# Only refresh caches that are already there: creating one in a folder that had none
# would hide every icon other programs add later without refreshing it.
refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1 \
        && [ -f "$applications/mimeinfo.cache" ]; then
        update-desktop-database -q "$applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$hicolor/icon-theme.cache" ]; then
        gtk-update-icon-cache -q -t -f "$hicolor" || true
    fi
}

if $uninstall; then
    rm -f "${installed[@]}"
    refresh_caches
    say "removed newsdesk's menu entry, icons and metainfo from $target"
    exit 0
fi

if [ -z "$program" ]; then
    if [ -n "$beside" ] && [ -x "$beside" ]; then
        program="$beside"
    elif command -v newsdesk >/dev/null 2>&1; then
        program="$(command -v newsdesk)"
    else
        fail "no newsdesk program found: install newsdesk first (pip install), or give --exec PROGRAM"
    fi
fi
case "$program" in
    /*) ;;
    *) program="$(cd "$(dirname "$program")" && pwd)/$(basename "$program")" ;;
esac
[ -x "$program" ] || fail "$program is not an executable program"
# The specification writes a % as %%, but GLib (GNOME's and most menus' launcher) looks
# for the program under the unexpanded name and refuses the entry: say so up front.
case "$program" in
    *%*) fail "$program: a path with % cannot be started from a menu; move newsdesk elsewhere" ;;
esac

for file in "$data/$APP_ID.desktop" "$data/$APP_ID.metainfo.xml" "$icons/newsdesk.svg"; do
    [ -f "$file" ] || fail "missing $file: run this script from the source tree or the app folder"
done

# The Exec key quotes an argument with reserved characters in double quotes, escaping
# ", `, $ and \ (Desktop Entry Specification, "The Exec key"); TryExec takes the path
# as it is.
exec_value="$program"
if [[ "$program" =~ [^A-Za-z0-9/._+-] ]]; then
    escaped="${program//\\/\\\\}"
    escaped="${escaped//\"/\\\"}"
    escaped="${escaped//\`/\\\`}"
    escaped="${escaped//\$/\\\$}"
    exec_value="\"$escaped\""
fi
# As in every string value, a backslash itself is written \\.
exec_value="${exec_value//\\/\\\\}"
try_exec="${program//\\/\\\\}"

mkdir -p "$applications" "$metainfo" "$hicolor/scalable/apps"
# Written beside the target, then renamed: the desktop never reads half a file.
entry="$applications/.$APP_ID.desktop.tmp"
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
        Exec=newsdesk) printf 'Exec=%s\n' "$exec_value" ;;
        TryExec=newsdesk) printf 'TryExec=%s\n' "$try_exec" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < "$data/$APP_ID.desktop" > "$entry"
chmod 644 "$entry"
mv -f "$entry" "$applications/$APP_ID.desktop"

install -m 644 "$data/$APP_ID.metainfo.xml" "$metainfo/$APP_ID.metainfo.xml"
install -m 644 "$icons/newsdesk.svg" "$hicolor/scalable/apps/$APP_ID.svg"
for size in $ICON_SIZES; do
    mkdir -p "$hicolor/${size}x${size}/apps"
    install -m 644 "$icons/newsdesk-$size.png" "$hicolor/${size}x${size}/apps/$APP_ID.png"
done
refresh_caches
say "installed newsdesk's menu entry into $applications (starts $program)"
