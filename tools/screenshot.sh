#!/bin/sh
# Refresh docs/screenshot.png: the window with the bundled sample page, under Xvfb, with
# the first flag selected (as after pressing F8). Needs xvfb-run and a CJK font
# (e.g. fonts-noto-cjk). Usage: tools/screenshot.sh [zh_CN|en] [output.png] [--pdf]
# --pdf: the sample typeset as a PDF page (tools/sample_pdf.py), shown with its page image
# (docs/screenshot-pdf.png in the README).
set -e
cd "$(dirname "$0")/.."
LANG_UI=${1:-zh_CN}
OUT=${2:-docs/screenshot.png}
PY=${PYTHON:-.venv/bin/python}
SETTINGS=$(mktemp --suffix=.ini)   # fresh settings: never the user's, never a recent file
PAGE=resources/samples/liaocheng-page.txt
TMP=$(mktemp -d)
trap 'rm -rf "$SETTINGS" "$TMP"' EXIT
if [ "$3" = "--pdf" ]; then
    PAGE="$TMP/liaocheng-page.pdf"
    "$PY" tools/sample_pdf.py "$PAGE" --articles 3 > /dev/null
fi
mkdir -p "$(dirname "$OUT")"
QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$PY" main.py "$PAGE" --settings "$SETTINGS" --lang "$LANG_UI" \
    --size 1500x930 --screenshot "$OUT"
