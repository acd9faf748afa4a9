"""Read a PDF report: text lines and ruled table grids with pdfplumber, scanned pages with OCR.

Each page is parsed once. Ruled tables come from the page's rulings (pdfplumber's table finder,
run only on pages that have rulings); every other piece of text becomes a TextLine in reading
order (``order`` = page * 100000 + top), so captions stand just before their grids. Running
headers and footers repeated across pages and bare page numbers are dropped. Pages without a text
layer go to OCR (extractors.ocr) when Tesseract is installed, and are listed as unreadable
otherwise.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from pathlib import Path
from typing import Any

import pdfplumber
import regex
from pdfminer.pdfparser import PDFSyntaxError

from extractors.errors import InputError
from extractors.model import Cell, Document, Grid, TextLine
from extractors.text_reader import clean_text

log = logging.getLogger(__name__)

PAGE_STRIDE = 100_000.0
PAGE_NUMBER = regex.compile(r"^\W*(?:hal(?:aman)?\.?\s*)?[ivxlc\d]{1,4}\W*$", regex.I)
MARGIN = 0.08  # share of the page height at top and bottom where running headers/footers live


def order_of(page: int, top: float) -> float:
    return page * PAGE_STRIDE + top


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 - 1 <= x <= x1 + 1 and top - 1 <= y <= bottom + 1 for x0, top, x1, bottom in boxes)


def _grids(page: Any, page_no: int) -> tuple[list[Grid], list[tuple[float, float, float, float]]]:
    grids: list[Grid] = []
    boxes: list[tuple[float, float, float, float]] = []
    if not page.edges:
        return grids, boxes
    for table in page.find_tables():
        data = table.extract()
        if not data or max(len(r) for r in data) < 2:
            continue
        rows = [[Cell(clean_text((text or "").replace("\n", " ")), page=page_no) for text in r] for r in data]
        _, top, _, bottom = table.bbox
        boxes.append(table.bbox)
        grids.append(Grid(rows=rows, order=order_of(page_no, top), page=page_no, reader="pdfplumber",
                          end_order=order_of(page_no, bottom)))
    return grids, boxes


def _text_lines(page: Any, page_no: int, boxes: list[tuple[float, float, float, float]]) -> list[TextLine]:
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes)) if boxes else page
    lines = []
    for line in outside.extract_text_lines(return_chars=False):
        text = clean_text(line["text"])
        if text:
            lines.append(TextLine(text, order=order_of(page_no, line["top"]), page=page_no,
                                  bbox=(line["x0"], line["top"], line["x1"], line["bottom"])))
    return lines


def _drop_running(lines: list[TextLine], heights: dict[int, float], n_pages: int) -> list[TextLine]:
    """Drop page numbers and lines repeated in the page margins across pages."""
    def in_margin(t: TextLine) -> bool:
        h = heights.get(t.page or 0, 792.0)
        top = t.bbox[1] if t.bbox else 0.0
        return top < h * MARGIN or top > h * (1 - MARGIN)

    key = lambda t: regex.sub(r"\d+", "#", t.text.lower())  # noqa: E731
    repeats = Counter(key(t) for t in lines if in_margin(t))
    threshold = 2 if n_pages <= 3 else 3
    return [t for t in lines if not (in_margin(t) and (PAGE_NUMBER.match(t.text) or repeats[key(t)] >= threshold))]


def _scanned(page: Any) -> bool:
    chars = page.chars
    if len(chars) >= 20:
        text = "".join(c["text"] for c in chars[:400])
        letters = sum(ch.isalnum() for ch in text)
        return letters < len(text) * 0.3  # a text layer of garbage
    return bool(page.images)


def read_pdf(path: Path) -> Document:
    data = path.read_bytes()
    if not data.startswith(b"%PDF"):
        raise InputError(str(path), "not a PDF file (no %PDF header)")
    sha = hashlib.sha256(data).hexdigest()
    try:
        pdf = pdfplumber.open(path)
    except PDFSyntaxError as exc:
        raise InputError(str(path), f"damaged PDF: {exc}") from exc
    except Exception as exc:  # encrypted or otherwise unreadable
        raise InputError(str(path), f"cannot open PDF: {type(exc).__name__}: {exc}") from exc
    doc = Document(source_file=str(path), sha256=sha, pages=0)
    lines: list[TextLine] = []
    heights: dict[int, float] = {}
    scanned: list[int] = []
    with pdf:
        doc.pages = len(pdf.pages)
        for page_no, page in enumerate(pdf.pages, start=1):
            heights[page_no] = float(page.height)
            try:
                if _scanned(page):
                    scanned.append(page_no)
                    continue
                grids, boxes = _grids(page, page_no)
                doc.grids.extend(grids)
                lines.extend(_text_lines(page, page_no, boxes))
            except Exception as exc:  # one bad page must not lose the others
                log.debug("page %d of %s failed", page_no, path, exc_info=True)
                doc.unreadable.append((page_no, f"page could not be parsed: {type(exc).__name__}"))
            finally:
                page.flush_cache()
    if scanned:
        _read_scanned(path, scanned, doc, lines)
    doc.lines = _drop_running(lines, heights, doc.pages)
    doc.lines.sort(key=lambda t: t.order)
    doc.grids.sort(key=lambda g: g.order)
    return doc


def _read_scanned(path: Path, pages: list[int], doc: Document, lines: list[TextLine]) -> None:
    from extractors import ocr

    why = ocr.unavailable()
    if why:
        for page_no in pages:
            doc.unreadable.append((page_no, f"scanned page: {why}"))
        doc.notes.append(f"{len(pages)} scanned page(s) not read: {why}")
        return
    for page_no in pages:
        try:
            page_lines, grids = ocr.read_page(path, page_no)
        except Exception as exc:
            log.debug("OCR of page %d of %s failed", page_no, path, exc_info=True)
            doc.unreadable.append((page_no, f"OCR failed: {type(exc).__name__}"))
            continue
        lines.extend(page_lines)
        doc.grids.extend(grids)
    doc.notes.append(f"{len(pages)} scanned page(s) read with OCR")
