#!/bin/sh
# Refresh the core's gettext catalogs (editor/locale) from the _() / n_() messages in
# editor/, then compile them to .mo. Translate new entries in
# editor/locale/zh/LC_MESSAGES/jiaodui.po (by hand or with any PO editor) between the
# two steps. Needs Babel (pip install -e '.[test]').
#   tools/update_catalogs.sh            extract + update + compile
#   tools/update_catalogs.sh --compile  compile only
# tests/editor/test_catalogs.py fails while a message is untranslated or a .mo is stale.
set -e
cd "$(dirname "$0")/.."
BIN=${PYBABEL:-.venv/bin/pybabel}
LOCALE=editor/locale
if [ "$1" != "--compile" ]; then
    "$BIN" -q extract -F tools/babel.cfg -k n_:1,2 --add-location=file --sort-by-file \
        --no-wrap --project=jiaodui --copyright-holder="the jiaodui authors" -o "$LOCALE/jiaodui.pot" .
    for lang in zh; do
        po="$LOCALE/$lang/LC_MESSAGES/jiaodui.po"
        if [ -f "$po" ]; then
            "$BIN" -q update -i "$LOCALE/jiaodui.pot" -d "$LOCALE" -D jiaodui -l "$lang" \
                --no-wrap --ignore-obsolete --no-fuzzy-matching
        else
            "$BIN" -q init -i "$LOCALE/jiaodui.pot" -d "$LOCALE" -D jiaodui -l "$lang" --no-wrap
        fi
    done
fi
"$BIN" -q compile -d "$LOCALE" -D jiaodui
