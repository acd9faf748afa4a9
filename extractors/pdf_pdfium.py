"""A fast first look at every page with pypdfium2, and its text where no rulings need parsing.

For each page: size and rotation, number of characters, whether vector strokes that could be
table rulings are drawn, how much of the page images cover, whether the text is rotated or
garbage. Pages without rulings are read from pdfium's characters directly (about ten times
faster than parsing the page with pdfplumber); the others are parsed with pdfplumber.
"""

from __future__ import annotations

import ctypes
import unicodedata
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extractors.pdf_words import Glyph

THIN = 3.0  # points: a stroke at most this thick is a ruling candidate
SAMPLE = 600  # characters looked at for the garbage test


@dataclass(slots=True)
class PageInfo:
    number: int  # 1-based
    width: float
    height: float
    rotation: int
    n_chars: int
    rulings: bool  # strokes that may be table rulings (or a drawing) are on the page
    image_cover: float  # share of the page area covered by images (capped at 1)
    rotated_text: bool
    garbage: bool  # a text layer that does not read as text

    @property
    def scanned(self) -> bool:
        if self.garbage:
            return True
        return self.n_chars < 10 and self.image_cover >= 0.3


def _box(obj: Any) -> tuple[float, float, float, float]:
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    return left.value, bottom.value, right.value, top.value


def _objects(page: Any, area: float) -> tuple[bool, float]:
    """(rulings present, image cover) from the page's top-level objects."""
    thin_h = thin_v = 0
    boxed = False
    cover = 0.0
    for k in range(raw.FPDFPage_CountObjects(page)):
        obj = raw.FPDFPage_GetObject(page, k)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            x0, y0, x1, y1 = _box(obj)
            w, h = x1 - x0, y1 - y0
            if h <= THIN and w > THIN:
                thin_h += 1
            elif w <= THIN and h > THIN:
                thin_v += 1
            elif w > THIN and h > THIN:
                boxed = True
        elif kind == raw.FPDF_PAGEOBJ_IMAGE:
            x0, y0, x1, y1 = _box(obj)
            cover += max(0.0, x1 - x0) * max(0.0, y1 - y0) / area
        elif kind == raw.FPDF_PAGEOBJ_FORM:
            boxed = True  # a form XObject may hold anything: let pdfplumber look
    return boxed or (thin_h >= 2 and thin_v >= 1), min(cover, 1.0)


def is_garbage(text: str) -> bool:
    """A text layer of wrongly mapped glyphs: few letters, many control/private/replacement chars."""
    chars = [ch for ch in text if not ch.isspace()]
    if len(chars) < 20:
        return False
    bad = sum(1 for ch in chars if ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs"))
    letters = [ch for ch in chars if ch.isalpha()]
    if bad > 0.2 * len(chars) or len(letters) + sum(ch.isdigit() for ch in chars) < 0.4 * len(chars):
        return True
    latin = [ch.lower() for ch in letters if ch.isascii()]
    if len(latin) >= 100:
        vowels = sum(ch in "aeiou" for ch in latin) / len(latin)
        return not 0.2 <= vowels <= 0.65
    return False


def _rotated(textpage: Any, n: int) -> bool:
    step = max(1, n // 40)
    angles = [raw.FPDFText_GetCharAngle(textpage, k) for k in range(0, n, step)]
    turned = sum(1 for a in angles if 0.3 < a % 6.283185307179586 < 5.98)
    return turned > len(angles) / 3


def page_info(pdf: Any, index: int) -> PageInfo:
    page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            n = textpage.count_chars()
            sample = textpage.get_text_range(0, min(n, SAMPLE)) if n else ""
            rotated = _rotated(textpage.raw, n) if n else False
        finally:
            textpage.close()
        rulings, cover = _objects(page.raw, max(1.0, width * height))
        return PageInfo(index + 1, float(width), float(height), int(page.get_rotation()), n, rulings, cover,
                        rotated, is_garbage(sample))
    finally:
        page.close()


def glyphs(pdf: Any, index: int) -> list[Glyph]:
    """The page's characters with their boxes in top-down points (unrotated, upright pages only)."""
    page = pdf[index]
    try:
        height = page.get_height()
        textpage = page.get_textpage()
        try:
            tp = textpage.raw
            rect = raw.FS_RECTF()
            out: list[Glyph] = []
            for k in range(textpage.count_chars()):
                code = raw.FPDFText_GetUnicode(tp, k)
                if code in (0, 0xFFFE, 0xFFFF) or chr(code).isspace():
                    continue
                if not raw.FPDFText_GetLooseCharBox(tp, k, rect):
                    continue
                out.append(Glyph(chr(code), rect.left, height - rect.top, rect.right, height - rect.bottom))
            return out
        finally:
            textpage.close()
    finally:
        page.close()


def open_document(path: str) -> Any:
    return pdfium.PdfDocument(path)
