"""Type 3 fonts of a page (Chromium and Skia print every font as one): their weights, and
the file without their glyph outlines for PDFium to read the text from.

* **Weights.** PDFium does not read a Type 3 font's descriptor, so its name and weight come
  from the file: PDFium gives a text object per text-showing operator, in drawing order, and
  the content stream names the font resource in force for each; when the two sequences have
  the same length (no forms, nothing the scan misreads) they map PDFium's font handles to
  resources, whose descriptors say the weight. Otherwise the weights stay unknown (regular).
* **Outlines.** To place a Type 3 glyph PDFium parses its glyph procedure, a path of dozens
  of points, though only the procedure's first operator (``d1``: advance and box) counts for
  the text: that is 40 % of reading a page. So the reader gives PDFium the file with an
  incremental update appended in which each procedure of the page's Type 3 fonts is that
  ``d1`` alone (same character boxes, same text; the page view draws from the file itself).

Objects are read with :mod:`.rawpdf`; whatever it cannot read goes the slow way (qpdf for
the weights; the file as it is for PDFium).
"""
from __future__ import annotations

import re

import pikepdf

from editor.readers import rawpdf
from editor.readers.pdfglyphs import is_bold

_TOKEN = re.compile(rb"<<|>>|\[|\]|\((?:\\.|[^\\()])*\)|<[^<>]*>|/[^\s/<>\[\]()%{}]*|[^\s/<>\[\]()%{}]+|%[^\r\n]*", re.S)
_INT = re.compile(rb"\d+$")
_OPS = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s+[-+]?(?:\d+\.?\d*|\.\d+)\s+Tf\b|[)>\]]\s*(Tj|TJ|'|\")")
_TF_ALL = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s+[-+]?(?:\d+\.?\d*|\.\d+)\s+Tf(?![^\s/\[<(])")
_TYPE3 = re.compile(rb"/Subtype\s*/Type3\b")
_DESCRIPTOR = re.compile(rb"/FontDescriptor\s+(\d+)\s+(\d+)\s+R")
_CHARPROCS = re.compile(rb"/CharProcs\s*(?:(\d+)\s+(\d+)\s+R|<<)")
_FONT_REF = re.compile(rb"\s*/([^\s/<>\[\]()%{}]+)\s+(\d+)\s+(\d+)\s+R")
_HEX = re.compile(rb"#([0-9A-Fa-f]{2})")


def top_level(text: bytes) -> dict[bytes, bytes] | None:
    """The entries of the dictionary ``text`` (``<< ... >>``): key name → the value's bytes."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text) if not m.group().startswith(b"%")]
    if not toks or toks[0][2] != b"<<":
        return None
    out: dict[bytes, bytes] = {}
    k, depth = 1, 1
    while k < len(toks):
        tok = toks[k][2]
        if tok == b">>":
            return out
        if not tok.startswith(b"/") or k + 1 >= len(toks):
            return None
        first = k + 1
        k = first
        if toks[k][2] in (b"<<", b"["):
            depth = 1
            while depth and k + 1 < len(toks):
                k += 1
                t = toks[k][2]
                depth += (t in (b"<<", b"[")) - (t in (b">>", b"]"))
        elif (k + 2 < len(toks) and _INT.match(toks[k][2]) and _INT.match(toks[k + 1][2])
              and toks[k + 2][2] == b"R"):
            k += 2
        out[tok[1:]] = text[toks[first][0]:toks[k][1]]
        k += 1
    return None


def _value(raw: rawpdf.RawPdf, value: bytes | None) -> bytes | None:
    """A dictionary value as dictionary text, following one reference."""
    if value is None:
        return None
    if value.startswith(b"<<"):
        return value
    got = rawpdf.refs(value)
    return raw.text(got[0]) if len(got) == 1 else None


def page_fonts(raw: rawpdf.RawPdf, page_ref) -> dict[bytes, tuple] | None:
    """Resource name → (font ref, font body) of the page's fonts, or None."""
    page = raw.text(page_ref)
    entries = top_level(page.strip()) if page else None
    resources = _value(raw, entries.get(b"Resources")) if entries else None
    res = top_level(resources.strip()) if resources else None
    fonts = _value(raw, res.get(b"Font")) if res else None
    if not fonts:
        return None
    pairs = _FONT_REF.findall(fonts)
    if b"".join(_FONT_REF.sub(b"", fonts).split()) == b"<<>>":       # names and references only
        font_refs = {name: (int(num), int(gen)) for name, num, gen in pairs}
    else:
        entries = top_level(fonts.strip())
        if entries is None:
            return None
        font_refs = {name: rawpdf.refs(v)[0] for name, v in entries.items()
                     if len(rawpdf.refs(v)) == 1 and v.strip().endswith(b"R")}
    return {name: (ref, raw.text(ref)) for name, ref in font_refs.items()}


def glyph_procedures(raw: rawpdf.RawPdf, fonts: dict) -> list:
    """The glyph procedures of the Type 3 fonts among ``fonts``."""
    out = []
    for _ref, body in fonts.values():
        if not body or not _TYPE3.search(body):
            continue
        m = _CHARPROCS.search(body)
        if not m:
            continue
        if m.group(1) is not None:
            procs = raw.text((int(m.group(1)), int(m.group(2)))) or b""
        else:
            end = body.find(b">>", m.end())
            procs = body[m.end():end] if end >= 0 else b""
        out.extend(rawpdf.refs(procs))
    return out


def outline_free(raw: rawpdf.RawPdf, fonts: dict) -> bytes | None:
    """The incremental update that cuts the page's Type 3 glyph procedures to their ``d1``,
    or None when there are none to cut."""
    bodies = raw.glyph_metrics_of(list(dict.fromkeys(glyph_procedures(raw, fonts))))
    return rawpdf.update(raw, bodies) if bodies else None


def shown_fonts(content: bytes) -> list[bytes | None]:
    """The font resource in force at each text-showing operator of ``content``: the
    operators counted between the ``Tf`` operators (the exact scan where a literal string or
    a stray ``Tf`` could make the counts wrong)."""
    fonts = list(_TF_ALL.finditer(content))
    if b"(" in content or len(fonts) != content.count(b"Tf"):
        return _shown_exactly(content)
    quotes = b"'" in content or b'"' in content
    count = content.count
    shown: list[bytes | None] = []
    current, at = None, 0
    for m in fonts + [None]:
        end = m.start() if m is not None else len(content)
        n = count(b"Tj", at, end) + count(b"TJ", at, end)
        if quotes:
            n += count(b"'", at, end) + count(b'"', at, end)
        if n:
            shown += [current] * n
        if m is not None:
            current, at = m.group(1), m.end()
    return shown


def _shown_exactly(content: bytes) -> list[bytes | None]:
    shown: list[bytes | None] = []
    current = None
    for m in _OPS.finditer(content):
        if m.group(1) is not None:
            current = m.group(1)
        else:
            shown.append(current)
    return shown


def _name(value: bytes) -> str:
    value = value.strip()
    if not value.startswith(b"/"):
        return ""
    return _HEX.sub(lambda m: bytes([int(m.group(1), 16)]), value[1:]).decode("latin-1")


def _int(value: bytes | None) -> int:
    try:
        return int(float(value)) if value is not None else 0
    except (ValueError, OverflowError):
        return 0


def _descriptor_style(raw, body: bytes | None, seen: dict) -> tuple[str, bool] | None:
    m = _DESCRIPTOR.search(body) if body else None
    if m is None:
        return None
    ref = (int(m.group(1)), int(m.group(2)))
    if ref not in seen:       # a font's subsets (a Type 3 font each) share one descriptor
        seen[ref] = _read_descriptor(raw, ref)
    return seen[ref]


def _read_descriptor(raw, ref) -> tuple[str, bool] | None:
    text = raw.text(ref)
    desc = top_level(text.strip()) if text else None
    if desc is None:
        return None
    name = _name(desc.get(b"FontName", b""))
    return name, is_bold(name, _int(desc.get(b"FontWeight")), _int(desc.get(b"Flags")))


def _qpdf_style(qpage, name: bytes) -> tuple[str, bool] | None:
    try:
        font = qpage.obj.Resources.Font.get("/" + name.decode("latin-1"))
    except (AttributeError, KeyError):
        return None
    desc = font.get("/FontDescriptor") if isinstance(font, pikepdf.Dictionary) else None
    if not isinstance(desc, pikepdf.Dictionary):
        return None
    fname = str(desc.get("/FontName", "")).lstrip("/")
    try:
        weight = int(desc.get("/FontWeight", 0))
    except (TypeError, ValueError):
        weight = 0
    try:
        flags = int(desc.get("/Flags", 0))
    except (TypeError, ValueError):
        flags = 0
    return fname, is_bold(fname, weight, flags)


def styles(qpage, content: bytes, text_fonts: list[int], raw, fonts) -> dict[int, tuple[str, bool]]:
    """Font handle → (name, bold) for the page's Type 3 fonts, from their descriptors
    (``raw``, ``fonts``: the file's objects and the page's fonts, as :func:`page_fonts`
    reads them; None: qpdf reads them)."""
    if -1 in text_fonts:
        return {}
    shown = shown_fonts(content)
    if len(shown) != len(text_fonts):   # the quick count took a name's "Tj" for an operator?
        shown = _shown_exactly(content)
    if len(shown) != len(text_fonts):
        return {}
    names: dict[int, bytes] = {}
    for handle, name in zip(text_fonts, shown):
        if name is None or names.setdefault(handle, name) != name:
            return {}
    out: dict[int, tuple[str, bool]] = {}
    seen: dict = {}
    for handle, name in names.items():
        style = None
        if fonts is not None and name in fonts:
            style = _descriptor_style(raw, fonts[name][1], seen)
        if style is None:
            style = _qpdf_style(qpage, name)
        if style is not None:
            out[handle] = style
    return out
