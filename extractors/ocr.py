"""OCR of scanned pages (an optional extra): Tesseract with the Indonesian and English models.

A page is rendered with pypdfium2 (300 dpi), read word by word with pytesseract's
``image_to_data``; each word keeps the height of its Tesseract line so that words of one line
share a top. Ruling lines are found in the image with OpenCV morphology (long thin runs of dark
pixels); words and rulings, both in PDF points, then go through the same page layout as a
born-digital page (:mod:`extractors.pdf_page`): cells from the rulings, else column clustering.
"""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from extractors.model import BBox, Grid, TextLine
from extractors.pdf_page import PagePart, finish, ruled_part
from extractors.pdf_rulings import Seg
from extractors.pdf_running import PAGE_NUMBER, in_band
from extractors.pdf_words import Frame, Word

DPI = 300
# pixels at most of one rendered page (0: no cap); the batch runner sets it from --max-pixels. A page
# whose size at DPI would pass it is rendered at a lower dpi (a 14,400-pt poster page would need 3.6 Gpx)
MAX_PIXELS = 60_000_000
LANGS = ("ind", "eng")
MISSING = "OCR not installed (install tesseract-ocr tesseract-ocr-ind)"
INSET = 4  # pixels trimmed off a cell's sides before looking for ink (ruling remnants)
MIN_INK = 12  # dark pixels that make a cell worth reading again
MIN_CONF = 10.0  # Tesseract word confidence below which a "word" is noise
PERCENT_MISREAD = regex.compile(r"Yo|%o|o/o|9%|Y%|Vo")
NUMBER = regex.compile(r"\d[\d.,]*$")


@lru_cache(maxsize=1)
def unavailable() -> str:
    """Why OCR cannot run here ("" when it can)."""
    try:
        import pytesseract
    except ImportError:
        return MISSING
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None and shutil.which("tesseract") is None:
        return MISSING
    try:
        langs = set(pytesseract.get_languages(config=""))
    except Exception:
        return MISSING
    if not langs & set(LANGS):
        return MISSING
    return ""


@lru_cache(maxsize=1)
def languages() -> str:
    import pytesseract

    have = set(pytesseract.get_languages(config=""))
    return "+".join(lang for lang in LANGS if lang in have) or "eng"


def render(path: Path, page_no: int, dpi: int = DPI) -> tuple[Any, float, float]:
    """The page as a greyscale image, and its width and height in points."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[page_no - 1]
        width, height = page.get_size()
        image = page.render(scale=dpi / 72).to_pil().convert("L")
        page.close()
        return image, float(width), float(height)
    finally:
        pdf.close()


def _percent(words: list[tuple[str, tuple[int, int, int, int]]]) -> list[str]:
    """Tesseract's usual misreadings of a percent sign standing after a number ("137 Yo")."""
    out = []
    for i, (text, line) in enumerate(words):
        if PERCENT_MISREAD.fullmatch(text) and i and words[i - 1][1] == line and NUMBER.search(words[i - 1][0]):
            text = "%"
        out.append(text)
    return out


def ocr_words(image: Any, scale: float) -> list[Word]:
    """Words with boxes in points (``scale`` = points per pixel), tops shared within a Tesseract line."""
    import pytesseract

    data = pytesseract.image_to_data(image, lang=languages(), config="--psm 3",
                                     output_type=pytesseract.Output.DICT)
    spans: dict[tuple[int, int, int, int], tuple[int, int]] = {}
    kept: list[tuple[int, tuple[int, int, int, int]]] = []
    for i, level in enumerate(data["level"]):
        key = (data["page_num"][i], data["block_num"][i], data["par_num"][i], data["line_num"][i])
        if level == 4:
            spans[key] = (data["top"][i], data["top"][i] + data["height"][i])
        elif level == 5 and (data["text"][i] or "").strip() and float(data["conf"][i]) >= MIN_CONF:
            kept.append((i, key))
    texts = _percent([(data["text"][i].strip(), key) for i, key in kept])
    words = []
    for (i, key), text in zip(kept, texts, strict=True):
        top, bottom = spans.get(key, (data["top"][i], data["top"][i] + data["height"][i]))
        left = data["left"][i]
        words.append(Word(text, left * scale, top * scale, (left + data["width"][i]) * scale, bottom * scale))
    return words


def rulings(image: Any, scale: float) -> tuple[list[Seg], Any]:
    """Horizontal and vertical ruling lines in the image (in points), and the image with them erased.

    Tesseract reads the text of a ruled table far better once the rulings are gone.
    """
    import cv2
    import numpy as np
    from PIL import Image

    gray = np.array(image)
    binary = cv2.adaptiveThreshold(255 - gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, -2)
    per_pt = 1 / scale
    segs: list[Seg] = []
    erase = np.zeros_like(binary)
    for vertical, length in ((False, 20.0), (True, 15.0)):
        size = (1, max(8, int(length * per_pt))) if vertical else (max(8, int(length * per_pt)), 1)
        mask = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, size))
        mask = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
        erase |= mask
        n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for k in range(1, n):
            x, y, w, h = (int(v) for v in stats[k][:4])
            if vertical and h > 3 * w:
                segs.append(Seg(True, (x + w / 2) * scale, y * scale, (y + h) * scale))
            elif not vertical and w > 3 * h:
                segs.append(Seg(False, (y + h / 2) * scale, x * scale, (x + w) * scale))
    clean = gray.copy()
    clean[erase > 0] = 255
    return segs, Image.fromarray(clean)


def _inked(image: Any, box: BBox, scale: float) -> Any | None:
    """The cell's image (rulings erased) when it holds ink, else None."""
    import numpy as np

    x0, y0, x1, y1 = (int(round(v / scale)) for v in box)
    crop = np.array(image)[y0 + INSET:y1 - INSET, x0 + INSET:x1 - INSET]
    if crop.size == 0 or int((crop < 128).sum()) < MIN_INK:
        return None
    return crop


def reread_empty_cells(part: PagePart, image: Any, scale: float) -> int:
    """Cells of ruled tables that came out empty but hold ink (a lone "-", "1", "0"), read again.

    Tesseract's page layout analysis drops isolated short marks; the inked empty cells are stacked
    into one image (a line each) and read in one call, each line going back to its cell.
    """
    import numpy as np
    import pytesseract
    from PIL import Image

    crops: list[tuple[list[tuple[str, BBox | None]], int, Any]] = []
    dashes = 0
    for table in part.tables:
        for row in table.rows:
            for j, (text, box) in enumerate(row):
                if text or box is None or (crop := _inked(image, box, scale)) is None:
                    continue
                if _is_dash(crop, scale):
                    row[j] = ("-", box)
                    dashes += 1
                else:
                    crops.append((row, j, crop))
    if not crops:
        return dashes
    pad = 24
    width = max(c.shape[1] for _, _, c in crops) + 2 * pad
    height = sum(c.shape[0] + pad for _, _, c in crops) + pad
    sheet = np.full((height, width), 255, dtype=np.uint8)
    spans = []
    y = pad
    for _, _, crop in crops:
        sheet[y:y + crop.shape[0], pad:pad + crop.shape[1]] = crop
        spans.append((y, y + crop.shape[0]))
        y += crop.shape[0] + pad
    data = pytesseract.image_to_data(Image.fromarray(sheet), lang=languages(), config="--psm 6",
                                     output_type=pytesseract.Output.DICT)
    found: dict[int, list[tuple[int, str]]] = {}
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        if data["level"][i] != 5 or not text:
            continue
        cy = data["top"][i] + data["height"][i] / 2
        k = next((k for k, (a, b) in enumerate(spans) if a - pad / 2 <= cy <= b + pad / 2), None)
        if k is not None:
            found.setdefault(k, []).append((data["left"][i], text))
    for k, words in found.items():
        row, j, _ = crops[k]
        row[j] = (" ".join(t for _, t in sorted(words)), row[j][1])
    return dashes + len(found)


def _is_dash(crop: Any, scale: float) -> bool:
    """One short, flat blob of ink: a "-" standing alone in its cell (Tesseract skips those)."""
    import cv2
    import numpy as np

    ink = (crop < 128).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    blobs = [stats[k] for k in range(1, n) if stats[k][4] >= 4]
    if len(blobs) != 1:
        return False
    _, _, w, h, _ = (int(v) for v in blobs[0])
    return w >= 2 * h and h * scale <= 2.0 and w * scale <= 12.0


def fit_dpi(width: float, height: float, dpi: float, max_pixels: int) -> float:
    """`dpi`, or the lower dpi at which a `width` x `height` pt page stays within `max_pixels` (0: no cap)."""
    pixels = (width * dpi / 72) * (height * dpi / 72)
    if max_pixels <= 0 or pixels <= max_pixels:
        return dpi
    return dpi * (max_pixels / pixels) ** 0.5


def page_dpi(path: Path, page_no: int, dpi: float = DPI) -> float:
    """The dpi to render a page at: `dpi` unless the page is so large that MAX_PIXELS caps it."""
    if MAX_PIXELS <= 0:
        return dpi
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        width, height = pdf[page_no - 1].get_size()
    finally:
        pdf.close()
    return fit_dpi(float(width), float(height), dpi, MAX_PIXELS)


def page_part(path: Path, page_no: int, dpi: int = DPI) -> PagePart:
    """The OCR'd page after its ruled tables took their words (running lines not dropped yet)."""
    dpi = page_dpi(path, page_no, dpi)
    image, width, height = render(path, page_no, dpi)
    scale = 72 / dpi
    segs, clean = rulings(image, scale)
    words = ocr_words(clean, scale)
    part = ruled_part(page_no, Frame("ltr", width, height), words, segs, "ocr")
    reread_empty_cells(part, clean, scale)
    return part


def read_page(path: Path, page_no: int, dpi: int = DPI) -> tuple[list[TextLine], list[Grid]]:
    """One scanned page on its own: text lines and grids (bare page numbers dropped)."""
    part = page_part(path, page_no, dpi)
    height = part.frame.height
    part.lines = [ln for ln in part.lines if not (in_band(ln, height) and PAGE_NUMBER.match(ln.text))]
    return finish(part)
