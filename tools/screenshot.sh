#!/bin/sh
# Refresh docs/screenshot.png: the window with the bundled sample page, under Xvfb, with
# the first flag selected (as after pressing F8). Needs xvfb-run and a CJK font
# (e.g. fonts-noto-cjk). Usage: tools/screenshot.sh [zh_CN|en] [output.png]
set -e
cd "$(dirname "$0")/.."
LANG_UI=${1:-zh_CN}
OUT=${2:-docs/screenshot.png}
PY=${PYTHON:-.venv/bin/python}
SETTINGS=$(mktemp --suffix=.ini)   # fresh settings: never the user's, never a recent file
trap 'rm -f "$SETTINGS"' EXIT
mkdir -p "$(dirname "$OUT")"
QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$PY" main.py resources/samples/liaocheng-page.txt --settings "$SETTINGS" --lang "$LANG_UI" \
    --size 1500x930 --screenshot "$OUT"
