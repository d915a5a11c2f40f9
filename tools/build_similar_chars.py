"""Build editor/rules/data/similar_chars.tsv: characters that look alike (形近字), from glyph shapes.

    python tools/build_similar_chars.py            # rewrite the table
    python tools/build_similar_chars.py --show 局  # print a character's neighbours, write nothing

OCR engines confuse characters whose printed shapes are close (冢/家, 乎/平, 士/土, 局/启). This
script measures that closeness directly: it draws every Han character of GB 2312 (the 6,763 of
simplified Chinese print) in Noto Serif CJK SC and Noto Sans CJK SC (SIL Open Font License 1.1;
Debian ``fonts-noto-cjk``), blurs and shrinks each drawing to a coarse grey grid (about what a
scan at body size leaves), and scores every pair by the correlation of those grids, averaged over
the two typefaces (a Song face as newspapers set body text, a Hei face as headlines are set), so
that no single font's quirks decide. For each character it keeps the closest neighbours above a
threshold. The table is derived data (similarity scores, no glyphs); its source and licence are
stated in its header and in the README.

Needs PySide6 (to draw; a project dependency), numpy (``pip install numpy``; only this script
uses it) and the two fonts (``apt-get install fonts-noto-cjk``). Takes about a minute on 2 cores.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "editor" / "rules" / "data" / "similar_chars.tsv"
FONT_DIR = Path("/usr/share/fonts/opentype/noto")
FONTS = {"Noto Serif CJK SC": "NotoSerifCJK-Regular.ttc", "Noto Sans CJK SC": "NotoSansCJK-Regular.ttc"}

CANVAS = 64      # pixels a glyph is drawn in
GRID = 16        # the coarse grid compared (a body-size character at 300 dpi is ~40 px; OCR sees less)
BLUR = 1.0       # Gaussian blur (grid cells) before comparing: tolerance for small shifts
KEEP = 12        # neighbours kept per character at most
MIN_SCORE = 0.80  # below this two characters are not "alike"


def gb2312_han() -> list[str]:
    """The 6,763 Han characters of GB 2312 (rows 16–87), in code order."""
    out = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes([hi, lo]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            if "\u4e00" <= ch <= "\u9fff":
                out.append(ch)
    return out


def render(chars: list[str], family: str):
    """Grey glyph images (len(chars), CANVAS, CANVAS) as floats 0..1, ink = 1."""
    import numpy as np
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter

    app = QGuiApplication.instance() or QGuiApplication(["build_similar_chars", "-platform", "offscreen"])
    font_id = QFontDatabase.addApplicationFont(str(FONT_DIR / FONTS[family]))
    if font_id < 0:
        raise SystemExit(f"cannot load {FONT_DIR / FONTS[family]}: apt-get install fonts-noto-cjk")
    font = QFont(family)
    font.setPixelSize(int(CANVAS * 0.9))
    font.setHintingPreference(QFont.PreferNoHinting)
    out = np.zeros((len(chars), CANVAS, CANVAS), dtype=np.float32)
    for i, ch in enumerate(chars):
        img = QImage(CANVAS, CANVAS, QImage.Format_Grayscale8)
        img.fill(QColor(255, 255, 255))
        painter = QPainter(img)
        painter.setFont(font)
        painter.setPen(QColor(0, 0, 0))
        painter.drawText(QRectF(0, 0, CANVAS, CANVAS), Qt.AlignCenter, ch)
        painter.end()
        buf = np.frombuffer(img.constBits(), dtype=np.uint8).reshape(CANVAS, img.bytesPerLine())[:, :CANVAS]
        out[i] = 1.0 - buf.astype(np.float32) / 255.0
    del app
    return out


def features(images):
    """Shrink to GRID×GRID by area, blur, and normalise to zero mean and unit length."""
    import numpy as np

    n = images.shape[0]
    f = CANVAS // GRID
    small = images.reshape(n, GRID, f, GRID, f).mean(axis=(2, 4))
    radius = 2
    xs = np.arange(-radius, radius + 1)
    kernel = np.exp(-(xs ** 2) / (2 * BLUR ** 2))
    kernel /= kernel.sum()
    pad = np.pad(small, ((0, 0), (radius, radius), (radius, radius)))
    rows = sum(kernel[k] * pad[:, k:k + GRID, :] for k in range(2 * radius + 1))
    blurred = sum(kernel[k] * rows[:, :, k:k + GRID] for k in range(2 * radius + 1))
    vec = blurred.reshape(n, -1)
    vec = vec - vec.mean(axis=1, keepdims=True)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    return vec


def similarity(chars: list[str]):
    import numpy as np

    sims = None
    for family in FONTS:
        vec = features(render(chars, family))
        s = vec @ vec.T
        sims = s if sims is None else sims + s
    sims /= len(FONTS)
    np.fill_diagonal(sims, -1.0)
    return sims


def neighbours(chars, sims, i: int):
    import numpy as np

    order = np.argsort(-sims[i])[:KEEP]
    return [(chars[j], float(sims[i, j])) for j in order if sims[i, j] >= MIN_SCORE]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", default="", help="print these characters' neighbours and exit")
    args = ap.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    chars = gb2312_han()
    sims = similarity(chars)
    index = {c: i for i, c in enumerate(chars)}
    if args.show:
        for ch in args.show:
            if ch in index:
                print(ch, " ".join(f"{c}{s:.2f}" for c, s in neighbours(chars, sims, index[ch])))
        return 0
    lines = [
        "# 形近字 similar-looking characters, derived from glyph shapes by tools/build_similar_chars.py.",
        "# Source: GB 2312 Han characters drawn in Noto Serif CJK SC and Noto Sans CJK SC",
        "# (Adobe/Google, SIL Open Font License 1.1, Debian fonts-noto-cjk); scores are the correlation",
        f"# of blurred {GRID}x{GRID} renderings averaged over the two faces (1.0 = identical),"
        f" at most {KEEP} per character, >= {MIN_SCORE}.",
        "# This table is data derived by the jiaodui project and is under the project's MIT licence.",
        "# Format: character TAB neighbour:score SPACE neighbour:score ...",
    ]
    kept = 0
    for i, ch in enumerate(chars):
        near = neighbours(chars, sims, i)
        if near:
            kept += 1
            lines.append(ch + "\t" + " ".join(f"{c}:{s:.2f}" for c, s in near))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {kept} of {len(chars)} characters have look-alikes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
