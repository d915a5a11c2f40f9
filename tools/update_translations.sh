#!/bin/sh
# Refresh the .ts sources from the tr() strings in widgets/, then compile them to .qm.
# Edit resources/translations/*.ts (by hand or with pyside6-linguist) between the two steps.
#   tools/update_translations.sh            lupdate + lrelease
#   tools/update_translations.sh --release  lrelease only
set -e
cd "$(dirname "$0")/.."
BIN=${PYSIDE6_BIN:-.venv/bin}
TS=resources/translations
if [ "$1" != "--release" ]; then
    "$BIN/pyside6-lupdate" widgets/*.py -ts "$TS/jiaodui_zh_CN.ts" -no-obsolete
    # English needs only its plural forms ("1 article", "2 articles").
    "$BIN/pyside6-lupdate" widgets/*.py -ts "$TS/jiaodui_en.ts" -pluralonly -no-obsolete
fi
for ts in "$TS"/jiaodui_*.ts; do
    "$BIN/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done
