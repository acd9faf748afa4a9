"""OCR of scanned pages (an optional extra): Tesseract with the Indonesian and English models.

A page is rendered with pypdfium2, read word by word with pytesseract, and laid out into lines
of text; a table's cells come from the word boxes between the ruling lines found in the image
(OpenCV morphology), or, without rulings, from columns of aligned words.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import regex

from extractors.model import Cell, Grid, TextLine

DPI = 300
LANGS = "ind+eng"


def unavailable() -> str:
    """Why OCR cannot run here ("" when it can)."""
    try:
        import pytesseract
    except ImportError:
        return "OCR not installed (pip install 'lkjip[ocr]')"
    if shutil.which("tesseract") is None:
        return "OCR not installed (apt-get install tesseract-ocr tesseract-ocr-ind)"
    try:
        langs = set(pytesseract.get_languages(config=""))
    except Exception:  # pragma: no cover - a broken tesseract install
        return "tesseract does not run"
    if "ind" not in langs and "eng" not in langs:
        return "tesseract has neither the Indonesian nor the English model"
    return ""


def _langs() -> str:
    import pytesseract

    have = set(pytesseract.get_languages(config=""))
    return "+".join(lang for lang in LANGS.split("+") if lang in have) or "eng"


def render(path: Path, page_no: int, dpi: int = DPI) -> Any:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[page_no - 1]
        return page.render(scale=dpi / 72).to_pil().convert("L")
    finally:
        pdf.close()


def _words(image: Any) -> list[dict[str, Any]]:
    import pytesseract

    data = pytesseract.image_to_data(image, lang=_langs(), config="--psm 6", output_type=pytesseract.Output.DICT)
    words = []
    for i, text in enumerate(data["text"]):
        text = _fix((text or "").strip())
        if text and float(data["conf"][i]) >= 0:
            words.append({"text": text, "x0": data["left"][i], "top": data["top"][i],
                          "x1": data["left"][i] + data["width"][i], "bottom": data["top"][i] + data["height"][i],
                          "line": (data["block_num"][i], data["par_num"][i], data["line_num"][i])})
    return words


def _fix(text: str) -> str:
    """Tesseract's usual misreadings of the percent sign."""
    return regex.sub(r"^(?:Yo|%o|o/o|9%|Y%)$", "%", text)


def _rulings(image: Any) -> tuple[list[int], list[int], Any]:
    """x positions of vertical and y positions of horizontal ruling lines, and the image without them.

    Tesseract reads the cell text of a ruled table far better once the rulings are erased.
    """
    import cv2
    import numpy as np
    from PIL import Image

    gray = np.array(image)
    binary = cv2.adaptiveThreshold(~gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, -2)
    h, w = binary.shape
    horiz = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(w // 30, 10), 1)))
    vert = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(h // 40, 10))))
    ys = _positions(horiz.sum(axis=1), w * 255 * 0.2)
    xs = _positions(vert.sum(axis=0), h * 255 * 0.05)
    mask = cv2.dilate(horiz | vert, np.ones((3, 3), np.uint8))
    clean = gray.copy()
    clean[mask > 0] = 255
    return xs, ys, Image.fromarray(clean)


def _positions(profile: Any, threshold: float) -> list[int]:
    out: list[int] = []
    for i, v in enumerate(profile):
        if v >= threshold and (not out or i - out[-1] > 5):
            out.append(i)
    return out


def _group_lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    lines: dict[tuple[int, int, int], list[dict[str, Any]]] = {}
    for w in words:
        lines.setdefault(w["line"], []).append(w)
    return sorted((sorted(ws, key=lambda w: w["x0"]) for ws in lines.values()), key=lambda ws: ws[0]["top"])


def read_page(path: Path, page_no: int, dpi: int = DPI) -> tuple[list[TextLine], list[Grid]]:
    image = render(path, page_no, dpi)
    xs, ys, clean = _rulings(image)
    words = _words(clean)
    scale = 72 / dpi
    grids: list[Grid] = []
    table_box = None
    if len(xs) >= 3 and len(ys) >= 3:
        table_box = (xs[0], ys[0], xs[-1], ys[-1])
        rows: list[list[Cell]] = []
        for top, bottom in zip(ys, ys[1:], strict=False):
            row = []
            for left, right in zip(xs, xs[1:], strict=False):
                inside = [w for w in words if left <= (w["x0"] + w["x1"]) / 2 < right
                          and top <= (w["top"] + w["bottom"]) / 2 < bottom]
                text = " ".join(w["text"] for ws in _group_lines(inside) for w in ws)
                row.append(Cell(text, page=page_no, bbox=(left * scale, top * scale, right * scale, bottom * scale)))
            if any(c.text for c in row):
                rows.append(row)
        if rows:
            grids.append(Grid(rows=rows, order=page_no * 100_000.0 + ys[0] * scale, page=page_no, reader="ocr",
                              end_order=page_no * 100_000.0 + ys[-1] * scale))
    lines = []
    for ws in _group_lines(words):
        if table_box and all(table_box[0] <= w["x0"] <= table_box[2] and table_box[1] <= w["top"] <= table_box[3]
                             for w in ws):
            continue
        top = ws[0]["top"] * scale
        lines.append(TextLine(" ".join(w["text"] for w in ws), order=page_no * 100_000.0 + top, page=page_no,
                              bbox=(ws[0]["x0"] * scale, top, ws[-1]["x1"] * scale, ws[-1]["bottom"] * scale)))
    return lines, grids
