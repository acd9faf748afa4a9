"""One look at a page with pypdfium2: what kind of page it is, its characters and its strokes.

pdfium (C) is several times faster than pdfminer (Python), so every upright page is read from
it: characters with their loose boxes (font ascent to descent, so that one line shares a top),
and the straight segments of the page's vector paths (table rulings), form XObjects included.
The same look tells whether a page is scanned (no text, or text that does not read, and an
image), carries rotated text, or has a /Rotate: the reader gives those to OCR or pdfplumber.
"""

from __future__ import annotations

import ctypes
import re
import struct
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extractors.model import BBox
from extractors.pdf_words import Glyph

SAMPLE = 600  # characters looked at for the garbage test
STRAIGHT = 1.0  # points: a segment whose ends differ by less than this across is straight
MAX_DEPTH = 4  # nesting of form XObjects followed for rulings
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
SPACES = frozenset([0xA0, 0xFFFF, *range(0x2000, 0x200C), 0x3000])


@dataclass(slots=True)
class PageInfo:
    number: int  # 1-based
    width: float
    height: float
    rotation: int
    n_chars: int
    image_cover: float  # share of the page area covered by images (capped at 1)
    rotated_text: bool
    garbage: bool  # a text layer that does not read as text

    @property
    def scanned(self) -> bool:
        if self.garbage:
            return True
        return self.n_chars < 10 and self.image_cover >= 0.3

    @property
    def upright(self) -> bool:
        return not self.rotated_text and self.rotation % 360 == 0


@dataclass(slots=True)
class PdfiumPage:
    info: PageInfo
    glyphs: list[Glyph] = field(default_factory=list)  # top-down points; upright pages only
    strokes: list[BBox] = field(default_factory=list)  # straight path segments as (thin) boxes
    shades: list[BBox] = field(default_factory=list)  # filled areas (cell shading, zebra rows), top-down boxes


_LATIN = re.compile("[A-Za-z]+")


def is_garbage(text: str) -> bool:
    """A text layer of wrongly mapped glyphs: few letters, many control/private/replacement chars."""
    chars = "".join(text.split())
    if len(chars) < 20:
        return False
    bad = chars.count("\ufffd")
    if not chars.isprintable():  # only then can a control, private, unassigned or surrogate character be there
        bad += sum(1 for ch in chars if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs"))
    letters = sum(map(str.isalpha, chars))
    if bad > 0.2 * len(chars) or letters + sum(map(str.isdigit, chars)) < 0.4 * len(chars):
        return True
    latin = "".join(_LATIN.findall(chars)).lower()
    if len(latin) >= 100:
        vowels = sum(map(latin.count, "aeiou")) / len(latin)
        return not 0.2 <= vowels <= 0.65
    return False


def _matrix(obj: Any) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _bounds(obj: Any) -> tuple[float, float, float, float]:
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    return left.value, bottom.value, right.value, top.value


def _path_segments(obj: Any, m: Matrix, out: list[tuple[float, float, float, float]],
                   shades: list[tuple[float, float, float, float]] | None = None) -> None:
    """Straight (horizontal or vertical) segments of a path, in PDF user space (y up); a filled area (cell
    shading, a zebra row) goes to ``shades`` as its bounds instead."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    raw.FPDFPath_GetDrawMode(obj, fill, stroke)
    if not stroke.value:
        x0, y0, x1, y1 = _bounds(obj)
        if min(x1 - x0, y1 - y0) > 3.0:
            if shades is not None and fill.value:
                shades.append((x0, y0, x1, y1))
            return  # a filled area (cell shading), not a ruling; thin filled bars are rulings
    a, b, c, d, e, f = m
    x = ctypes.c_float()
    y = ctypes.c_float()
    start = prev = None
    for k in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, k)
        raw.FPDFPathSegment_GetPoint(seg, x, y)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = prev = point
            continue
        if kind == raw.FPDF_SEGMENT_LINETO and prev is not None:
            out.append((*prev, *point))
        prev = point
        if raw.FPDFPathSegment_GetClose(seg) and start is not None and prev != start:
            out.append((*prev, *start))
            prev = start


def _walk(container: Any, count: int, get: Any, outer: Matrix, depth: int, area: float,
          lines: list[tuple[float, float, float, float]],
          shades: list[tuple[float, float, float, float]] | None = None) -> float:
    """Collect path segments under a page or form; return the image cover found there."""
    cover = 0.0
    for k in range(count):
        obj = get(container, k)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            _path_segments(obj, _compose(_matrix(obj), outer) if depth else _matrix(obj), lines,
                           shades if not depth else None)
        elif kind == raw.FPDF_PAGEOBJ_IMAGE:
            x0, y0, x1, y1 = _bounds(obj)
            cover += max(0.0, x1 - x0) * max(0.0, y1 - y0) / area
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < MAX_DEPTH:
            m = _compose(_matrix(obj), outer) if depth else _matrix(obj)
            cover += _walk(obj, raw.FPDFFormObj_CountObjects(obj), raw.FPDFFormObj_GetObject, m, depth + 1, area,
                           lines)
    return cover


def _rotated(textpage: Any, n: int) -> bool:
    step = max(1, n // 40)
    angles = [raw.FPDFText_GetCharAngle(textpage, k) for k in range(0, n, step)]
    turned = sum(1 for a in angles if 0.3 < a % 6.283185307179586 < 5.98)
    return turned > len(angles) / 3


def _codes(tp: Any, n: int) -> Sequence[int]:
    """The page's character codes in one call (UTF-16 units; one per character index)."""
    buf = ctypes.create_string_buffer((n + 1) * 2)
    raw.FPDFText_GetText(tp, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    codes = memoryview(buf.raw).cast("H")[:n]
    if n and max(codes) >= 0xD800 and any(0xD800 <= c <= 0xDFFF for c in codes):
        # surrogate pairs shift the indexes: ask one by one
        return [raw.FPDFText_GetUnicode(tp, k) for k in range(n)]
    return codes


def _unchecked(function: Any) -> Any:
    """The same C function called without ctypes' argument conversion (a third of the cost of a call here).

    pypdfium2's bindings declare every argument type, and ctypes converts each argument against it on every
    call; reading a page's glyphs makes one call per character, where that conversion is most of the time.
    The caller passes exactly the C types: a ``c_void_p`` for a handle, a Python int for an ``int``, a
    ``byref`` for an out-pointer."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(function.restype)(address)


_LOOSE_BOX = _unchecked(raw.FPDFText_GetLooseCharBox)
_IS_GENERATED = _unchecked(raw.FPDFText_IsGenerated)
_UNUSUAL = SPACES | {0xFFFE}  # above 32, yet no printed glyph of its own
_RECT = struct.Struct("4f").unpack  # FS_RECTF: left, top, right, bottom (floats)


def _glyphs(tp: Any, n: int, left: float, top: float) -> list[Glyph]:
    rect = raw.FS_RECTF()
    out_rect = ctypes.byref(rect)
    handle = ctypes.c_void_p(ctypes.cast(tp, ctypes.c_void_p).value)
    get_box, generated, unpack = _LOOSE_BOX, _IS_GENERATED, _RECT
    glyph = tuple.__new__  # Glyph's fields in order, without the NamedTuple's keyword handling
    out: list[Glyph] = []
    append = out.append
    spaced = False
    for k, code in enumerate(_codes(tp, n)):
        if code <= 32 or code in _UNUSUAL:
            if code in (2, 0xFFFE):
                code = 45  # pdfium's marks for a hyphen at the end of a line (GetUnicode / GetText)
            elif code == 32 or code in SPACES:
                # a space the PDF prints: the next glyph starts a word, however close it stands (pdfium's own
                # spaces, guessed from a gap, add nothing: the gap says as much)
                spaced = spaced or generated(handle, k) == 0
                continue
            elif code < 32:
                continue
        if get_box(handle, k, out_rect):
            x0, y1, x1, y0 = unpack(rect)
            append(glyph(Glyph, (chr(code), x0 - left, top - y1, x1 - left, top - y0, spaced)))
            spaced = False
    return out


def read_page(pdf: Any, index: int, content: bool = True) -> PdfiumPage:
    """The page's kind, and (when ``content`` and the page is upright) its glyphs and strokes."""
    page = pdf[index]
    try:
        width, height = page.get_size()
        left, bottom, _, top = page.get_mediabox()
        rotation = int(page.get_rotation())
        textpage = page.get_textpage()
        try:
            tp = textpage.raw
            n = textpage.count_chars()
            sample = textpage.get_text_range(0, min(n, SAMPLE)) if n else ""
            rotated = _rotated(tp, n) if n else False
            lines: list[tuple[float, float, float, float]] = []
            shades: list[tuple[float, float, float, float]] = []
            cover = _walk(page.raw, raw.FPDFPage_CountObjects(page.raw), raw.FPDFPage_GetObject, IDENTITY, 0,
                          max(1.0, width * height), lines, shades)
            info = PageInfo(index + 1, float(width), float(height), rotation, n, min(cover, 1.0), rotated,
                            is_garbage(sample))
            result = PdfiumPage(info)
            if content and info.upright and not info.scanned:
                result.glyphs = _glyphs(tp, n, left, top)
                result.strokes = _strokes(lines, left, top)
                result.shades = [(x0 - left, top - y1, x1 - left, top - y0) for x0, y0, x1, y1 in shades]
            return result
        finally:
            textpage.close()
    finally:
        page.close()


def _strokes(lines: list[tuple[float, float, float, float]], left: float, top: float) -> list[BBox]:
    out: list[BBox] = []
    for x0, y0, x1, y1 in lines:
        if abs(x1 - x0) > STRAIGHT and abs(y1 - y0) > STRAIGHT:
            continue  # a slanted stroke (chart, drawing)
        out.append((min(x0, x1) - left, top - max(y0, y1), max(x0, x1) - left, top - min(y0, y1)))
    return out


def open_document(path: str) -> Any:
    return pdfium.PdfDocument(path)
