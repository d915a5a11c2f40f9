#!/bin/sh
# Walk through the proofreading loop in the window under Xvfb and save a screenshot of
# each step (tools/walkthrough.py). Needs xvfb-run and a CJK font (Debian: apt-get
# install xvfb fonts-noto-cjk). Usage: tools/walkthrough.sh [OUT_DIR] [zh_CN|en] [--page P]...
set -e
cd "$(dirname "$0")/.."
OUT=${1:-walkthrough}
LANG_UI=${2:-zh_CN}
[ $# -ge 1 ] && shift
[ $# -ge 1 ] && shift
PY=${PYTHON:-.venv/bin/python}
QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$PY" tools/walkthrough.py "$OUT" --lang "$LANG_UI" "$@"
