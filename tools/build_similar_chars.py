"""Build editor/rules/data/similar_chars.tsv: characters that look alike (形近字), from glyph shapes.

    python tools/build_similar_chars.py            # rewrite the table
    python tools/build_similar_chars.py --show 局  # print a character's neighbours, write nothing

OCR engines confuse characters whose printed shapes are close (冢/家, 乎/平, 士/土), and, more
often than whole-glyph likeness suggests, characters that share a part: one half the same and
the other half smudged (煤/燧: 火 on the left, 详/洋: 羊 on the right, 墙/堵: 土 on the left). This
script measures both directly: it draws every Han character of GB 2312 (the 6,763 of simplified
Chinese print) in Noto Serif CJK SC and Noto Sans CJK SC (SIL Open Font License 1.1; Debian
``fonts-noto-cjk``), shrinks each drawing to a coarse grey grid and blurs it (about what a scan
at body size leaves), and scores every pair by

    PART_WEIGHT × (correlation of the best-matching half: left, right, top or bottom)
    + (1 − PART_WEIGHT) × (correlation of the whole grids)

averaged over the two typefaces (a Song face as newspapers set body text, a Hei face as headlines
are set), so that no single font's quirks decide. A half alone would pair every 火 character
with every other; the whole-glyph term ranks, among those, the ones whose other half is closest
too. For each character it keeps the KEEP closest neighbours above MIN_SCORE. The table is
derived data (similarity scores, no glyphs); its source and licence are stated in its header
and in the README.

Needs numpy and Pillow (``pip install .[build]``; only this script uses them, never the
program) and the two fonts (``apt-get install fonts-noto-cjk``). Takes under a minute.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "editor" / "rules" / "data" / "similar_chars.tsv"
FONT_DIR = Path("/usr/share/fonts/opentype/noto")
#: (file, face index of the SC face in the collection)
FONTS = {"Noto Serif CJK SC": ("NotoSerifCJK-Regular.ttc", 2), "Noto Sans CJK SC": ("NotoSansCJK-Regular.ttc", 2)}

CANVAS = 64       # pixels a glyph is drawn in
GRID = 32         # the grid compared (a body-size character at 300 dpi is ~40 px)
BLUR = 1.5        # Gaussian blur (grid cells) before comparing: tolerance for small shifts
PART_WEIGHT = 0.5  # the best half's share of the score (the whole glyph's: the rest)
KEEP = 24         # neighbours kept per character at most
MIN_SCORE = 0.75  # below this two characters are not "alike"
BLOCK = 512       # rows of the similarity matrix computed at a time


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
    """Grey glyph images (len(chars), CANVAS, CANVAS) as floats 0..1, ink = 1, each placed by
    the font's metrics (centred on the em square), not by its ink, so that position counts."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    name, index = FONTS[family]
    try:
        font = ImageFont.truetype(str(FONT_DIR / name), int(CANVAS * 0.9), index=index)
    except OSError:
        raise SystemExit(f"cannot load {FONT_DIR / name}: apt-get install fonts-noto-cjk")
    out = np.zeros((len(chars), CANVAS, CANVAS), dtype=np.float32)
    for i, ch in enumerate(chars):
        img = Image.new("L", (CANVAS, CANVAS), 0)
        ImageDraw.Draw(img).text((CANVAS / 2, CANVAS / 2), ch, fill=255, font=font, anchor="mm")
        out[i] = np.asarray(img, dtype=np.float32) / 255.0
    return out


def _blur(small):
    import numpy as np

    n, h, w = small.shape
    radius = int(2 * BLUR + 0.5)
    xs = np.arange(-radius, radius + 1)
    kernel = np.exp(-(xs ** 2) / (2 * BLUR ** 2))
    kernel /= kernel.sum()
    pad = np.pad(small, ((0, 0), (radius, radius), (radius, radius)))
    rows = sum(kernel[k] * pad[:, k:k + h, :] for k in range(2 * radius + 1))
    return sum(kernel[k] * rows[:, :, k:k + w] for k in range(2 * radius + 1))


def _unit(grids):
    """Each grid flattened, to zero mean and unit length (so a dot product is a correlation)."""
    import numpy as np

    vec = grids.reshape(grids.shape[0], -1)
    vec = vec - vec.mean(axis=1, keepdims=True)
    return (vec / (np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9)).astype(np.float32)


def features(images) -> dict[str, object]:
    """Shrink to GRID×GRID by area and blur; the whole grid and its four halves, each as unit
    vectors: {"whole", "left", "right", "top", "bottom"}."""
    n = images.shape[0]
    f = CANVAS // GRID
    grid = _blur(images.reshape(n, GRID, f, GRID, f).mean(axis=(2, 4)))
    h = GRID // 2
    return {"whole": _unit(grid), "left": _unit(grid[:, :, :h]), "right": _unit(grid[:, :, h:]),
            "top": _unit(grid[:, :h, :]), "bottom": _unit(grid[:, h:, :])}


def block_scores(faces: list[dict], lo: int, hi: int):
    """Rows lo..hi of the score matrix (see the module's docstring), averaged over the faces."""
    import numpy as np

    total = None
    for feats in faces:
        def corr(part):
            return feats[part][lo:hi] @ feats[part].T
        half = np.maximum(np.maximum(corr("left"), corr("right")), np.maximum(corr("top"), corr("bottom")))
        s = PART_WEIGHT * half + (1 - PART_WEIGHT) * corr("whole")
        total = s if total is None else total + s
    total /= len(faces)
    total[np.arange(hi - lo), np.arange(lo, hi)] = -1.0  # not its own neighbour
    return total


def table(chars: list[str]) -> list[list[tuple[str, float]]]:
    """Each character's neighbours, closest first."""
    import numpy as np

    faces = [features(render(chars, family)) for family in FONTS]
    out = []
    for lo in range(0, len(chars), BLOCK):
        hi = min(len(chars), lo + BLOCK)
        s = block_scores(faces, lo, hi)
        top = np.argsort(-s, axis=1)[:, :KEEP]
        for r in range(hi - lo):
            out.append([(chars[j], float(s[r, j])) for j in top[r] if s[r, j] >= MIN_SCORE])
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", default="", help="print these characters' neighbours and exit")
    args = ap.parse_args(argv)
    chars = gb2312_han()
    near = table(chars)
    if args.show:
        for ch in args.show:
            if ch in chars:
                print(ch, " ".join(f"{c}{s:.2f}" for c, s in near[chars.index(ch)]))
        return 0
    lines = [
        "# 形近字 similar-looking characters, derived from glyph shapes by tools/build_similar_chars.py.",
        "# Source: GB 2312 Han characters drawn in Noto Serif CJK SC and Noto Sans CJK SC",
        "# (Adobe/Google, SIL Open Font License 1.1, Debian fonts-noto-cjk); a score is the correlation",
        f"# of blurred {GRID}x{GRID} renderings, {PART_WEIGHT} of the best-matching half's and the rest",
        f"# the whole glyph's, averaged over the two faces (1.0 = identical), at most {KEEP} per",
        f"# character, >= {MIN_SCORE}.",
        "# This table is data derived by the jiaodui project and is under the project's MIT licence.",
        "# Format: character TAB neighbour:score SPACE neighbour:score ...",
    ]
    kept = 0
    for ch, items in zip(chars, near):
        if items:
            kept += 1
            lines.append(ch + "\t" + " ".join(f"{c}:{s:.2f}" for c, s in items))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {kept} of {len(chars)} characters have look-alikes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
