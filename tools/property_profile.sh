#!/usr/bin/env bash
# The long property profile: 10,000 generated pages per property (CI runs a few hundred).
#   tools/property_profile.sh [EXAMPLES]
set -euo pipefail
cd "$(dirname "$0")/.."
export JIAODUI_PROPERTY_EXAMPLES="${1:-10000}" QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q -p no:cacheprovider --hypothesis-show-statistics \
  tests/editor/test_parser_properties.py tests/editor/test_export_properties.py
