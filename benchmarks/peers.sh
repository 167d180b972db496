#!/usr/bin/env bash
# The peers of the benchmark suite in their own virtualenv (ReText brings PyQt6, which
# must not share an interpreter with newsdesk's PySide6), and the profilers.
#   bash benchmarks/peers.sh [VENV]      (default: .bench-peers beside the project)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${1:-.bench-peers}"
python3 -m venv "$VENV"
"$VENV/bin/pip" install -q "retext>=8.0" "pyqt6>=6.6" "markups>=4.0" "markdown>=3.5" \
    "pelican[markdown]>=4.9"
echo "peers installed in $VENV: $("$VENV/bin/python" -c 'import ReText, PyQt6.QtCore as q; print("ReText", ReText.app_version, "Qt", q.QT_VERSION_STR)')"
