"""The few PDFium calls the PDF reader makes per character, declared with plain pointers.

pypdfium2 opens documents and pages; reading thousands of characters through its typed
wrappers costs more than PDFium's own work, so the hot calls are declared here once more
(fresh function objects from the same library, so pypdfium2's own declarations stay as
they are) taking and returning plain addresses.
"""
from __future__ import annotations

import ctypes
import threading
from ctypes import POINTER, c_char_p, c_double, c_float, c_int, c_size_t, c_ushort, c_void_p

import pypdfium2_raw.bindings as _bindings


class RectF(ctypes.Structure):
    _fields_ = [("left", c_float), ("top", c_float), ("right", c_float), ("bottom", c_float)]


class Matrix(ctypes.Structure):
    _fields_ = [(name, c_float) for name in "abcdef"]


_lib = _bindings._libs["pdfium"]

#: PDFium is not thread-safe: one call at a time in the process (the window reads a PDF's
#: pages on its loader thread while the page view draws one on another). Every use of
#: pypdfium2, from opening a document to closing it, holds this.
LOCK = threading.RLock()


def _fn(name, restype, *argtypes):
    f = _lib[name]          # item access: a new function object, not pypdfium2's
    f.restype = restype
    f.argtypes = argtypes
    return f


get_unicode = _fn("FPDFText_GetUnicode", ctypes.c_uint, c_void_p, c_int)
is_generated = _fn("FPDFText_IsGenerated", c_int, c_void_p, c_int)
count_chars = _fn("FPDFText_CountChars", c_int, c_void_p)
get_text = _fn("FPDFText_GetText", c_int, c_void_p, c_int, c_int, POINTER(c_ushort))
loose_box = _fn("FPDFText_GetLooseCharBox", c_int, c_void_p, c_int, POINTER(RectF))
#: the same, writing into a given address (one buffer for all the page's characters)
loose_box_at = _fn("FPDFText_GetLooseCharBox", c_int, c_void_p, c_int, c_void_p)
text_object = _fn("FPDFText_GetTextObject", c_void_p, c_void_p, c_int)
font_size = _fn("FPDFText_GetFontSize", c_double, c_void_p, c_int)
obj_font = _fn("FPDFTextObj_GetFont", c_void_p, c_void_p)
obj_matrix = _fn("FPDFPageObj_GetMatrix", c_int, c_void_p, POINTER(Matrix))
obj_matrix_at = _fn("FPDFPageObj_GetMatrix", c_int, c_void_p, c_void_p)
font_name = _fn("FPDFFont_GetBaseFontName", c_size_t, c_void_p, c_char_p, c_size_t)
font_weight = _fn("FPDFFont_GetWeight", c_int, c_void_p)
font_flags = _fn("FPDFFont_GetFlags", c_int, c_void_p)
count_objects = _fn("FPDFPage_CountObjects", c_int, c_void_p)
get_object = _fn("FPDFPage_GetObject", c_void_p, c_void_p, c_int)
object_type = _fn("FPDFPageObj_GetType", c_int, c_void_p)
object_bounds = _fn("FPDFPageObj_GetBounds", c_int, c_void_p, POINTER(c_float), POINTER(c_float),
                    POINTER(c_float), POINTER(c_float))
bounds_at = _fn("FPDFPageObj_GetBounds", c_int, c_void_p, c_void_p, c_void_p, c_void_p, c_void_p)
form_count = _fn("FPDFFormObj_CountObjects", c_int, c_void_p)

OBJ_TEXT, OBJ_PATH, OBJ_IMAGE, OBJ_SHADING, OBJ_FORM = 1, 2, 3, 4, 5


def address(handle) -> int:
    """The address behind a pypdfium2 raw handle (a typed ctypes pointer)."""
    return ctypes.cast(handle, c_void_p).value or 0


def text_of(textpage: int, n: int) -> str:
    buf = (c_ushort * (n + 1))()
    got = get_text(textpage, 0, n, buf)
    # UTF-16; the caller checks that it has one character per index (else it asks per char)
    return bytes(buf)[: 2 * max(0, got - 1)].decode("utf-16-le", "replace")


def base_font_name(font: int) -> str:
    buf = ctypes.create_string_buffer(256)
    n = font_name(font, buf, 256)
    return buf.value.decode("utf-8", "replace") if n else ""


def bounds(obj: int) -> tuple[float, float, float, float]:
    l, b, r, t = c_float(), c_float(), c_float(), c_float()
    object_bounds(obj, ctypes.byref(l), ctypes.byref(b), ctypes.byref(r), ctypes.byref(t))
    return l.value, b.value, r.value, t.value
