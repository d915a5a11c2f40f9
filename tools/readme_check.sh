#!/usr/bin/env bash
# Follow the README as a new user would, on a fresh clone: run its setup command, then its
# headless export of the sample page, then validate the file against the NewsML-G2 schema.
#   tools/readme_check.sh [SCHEMA.xsd]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
schema=${1:-$repo/../shared/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/jiaodui"
cd "$work/jiaodui"
# The README's first command, without its last step (which opens the window).
setup=$(grep -m1 '^python3 -m venv .venv && .venv/bin/pip install -e \. && ' README.md | sed 's/ && \.venv\/bin\/python main\.py .*$//')
export_cmd=$(grep -m1 -o '\.venv/bin/python main\.py export resources/samples/[^`]*' README.md)
[ -n "$setup" ] && [ -n "$export_cmd" ] || { echo "README commands not found"; exit 1; }
echo "+ $setup";      bash -c "$setup" >/dev/null
echo "+ $export_cmd"; bash -c "$export_cmd"
out=$(echo "$export_cmd" | sed -E 's/.* -o ([^ ]+).*/\1/')
if [ -f "$schema" ]; then
  .venv/bin/python - "$out" "$schema" <<'PY'
import sys
from editor.newsml import validate_schema
errors = validate_schema(open(sys.argv[1], "rb").read(), sys.argv[2])
print("valid NewsML-G2" if not errors else "\n".join(errors))
sys.exit(1 if errors else 0)
PY
else
  echo "schema not found at $schema: exported $out, not validated"
fi
