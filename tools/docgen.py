"""What the doc generators share: write a generated doc, or check that it is up to date."""
from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(doc: Path, text: str, argv: list[str], script: str, summary: str = "") -> int:
    """With ``--check`` in ``argv``: exit status 1 if ``doc`` differs from ``text``.
    Otherwise write ``doc`` and say so."""
    root = Path(__file__).resolve().parent.parent
    name = doc.relative_to(root)
    if "--check" in argv:
        if not doc.exists() or doc.read_text(encoding="utf-8") != text:
            print(f"{name} is out of date: run python tools/{script}", file=sys.stderr)
            return 1
        return 0
    doc.parent.mkdir(exist_ok=True)
    doc.write_text(text, encoding="utf-8")
    print(f"wrote {name}{summary}")
    return 0
