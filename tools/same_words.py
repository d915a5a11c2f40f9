"""Proof of sameness for the dictionary table (issue 17): our cut against jieba's, and the
CLI's outputs against another tree of the project's (e.g. main before the change).

    .venv/bin/python tools/same_words.py words FILE_OR_FOLDER...
        every text file: editor.words' cut (the table on disk) == jieba.lcut (jieba's
        dictionary loaded whole), HMM on and off
    .venv/bin/python tools/same_words.py outputs BEFORE_TREE FILE...
        ``main.py check --format json`` and ``main.py export`` of each file, run from
        BEFORE_TREE and from this tree (each with its own empty cache folder), the same
        bytes (the export's timestamps apart)

Prints one line a file that differs and a summary; exit 1 if any differs.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_STAMP = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)")


def text_files(names: list[str]) -> list[Path]:
    out = []
    for name in map(Path, names):
        out += sorted(name.rglob("*.txt")) if name.is_dir() else [name]
    return out


def same_words(names: list[str]) -> int:
    from editor import words

    ours = words.load()
    jieba_dt = words.jieba_tokenizer()
    assert ours.source == "table", "no table in the cache folder: run a check once first"
    files, differ, tokens = text_files(names), 0, 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for hmm in (True, False):
            theirs = jieba_dt.lcut(text, HMM=hmm)
            tokens += len(theirs)
            if ours.lcut(text, HMM=hmm) != theirs:
                differ += 1
                print(f"differs: {path} (HMM={hmm})")
    print(f"{len(files)} files, {tokens:,} words in both modes: {differ} differ")
    return 1 if differ else 0


def outputs(tree: Path, path: Path, cache: Path) -> tuple[bytes, bytes, int]:
    env = {**os.environ, "JIAODUI_CACHE_DIR": str(cache)}
    main = [sys.executable, str(tree / "main.py")]
    check = subprocess.run([*main, "check", "--format", "json", str(path)], capture_output=True, env=env,
                           cwd=tree)
    with tempfile.TemporaryDirectory() as out:
        xml = Path(out) / "page.xml"
        done = subprocess.run([*main, "export", str(path), "-o", str(xml), "--quiet"], capture_output=True,
                              env=env, cwd=tree)
        exported = _STAMP.sub(b"TIME", xml.read_bytes()) if xml.exists() else b""
    return check.stdout + check.stderr, exported + done.stderr, check.returncode * 10 + done.returncode


def same_outputs(before: Path, names: list[str]) -> int:
    differ = 0
    with tempfile.TemporaryDirectory() as caches:
        for path in text_files(names):
            old = outputs(before, path.resolve(), Path(caches) / "before")
            new = outputs(ROOT, path.resolve(), Path(caches) / "after")
            for what, a, b in zip(("check --format json", "export", "exit codes"), old, new):
                if a != b:
                    differ += 1
                    print(f"differs: {path}: {what}")
        print(f"{len(text_files(names))} files: {differ} outputs differ")
    return 1 if differ else 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "words":
        return same_words(argv[1:])
    if len(argv) >= 3 and argv[0] == "outputs":
        return same_outputs(Path(argv[1]).resolve(), argv[2:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
