"""Read a PDF report into a Document: text lines and table grids in reading order.

Every page is first looked at with pypdfium2 (fast): pages without a text layer (or with a
garbage one) are scanned and go to OCR; pages with ruling strokes, rotated text or a /Rotate
are parsed once with pdfplumber (characters and strokes from one parse); the other pages are
read from pdfium's characters. In both cases words are built by :mod:`extractors.pdf_words`,
ruled tables come from the rulings (:mod:`extractors.pdf_rulings`), running headers and
footers are dropped across pages (:mod:`extractors.pdf_running`), unruled tables come from
column clustering (:mod:`extractors.pdf_columns`), and the rest is text. camelot is asked only
about a page whose rulings gave no grid. ``order`` is ``page * 100000 + top``.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from extractors.errors import InputError
from extractors.model import Document, Grid, TextLine
from extractors.pdf_orphans import adopt_orphan_rows, adopt_widow_rows, mend_broken_rows
from extractors.pdf_page import PagePart, carried_columns, edges_of, finish, ruled_part, vocabulary_of
from extractors.pdf_pdfium import PdfiumPage, open_document, read_page
from extractors.pdf_rulings import segments_from_boxes
from extractors.pdf_running import drop_inline_footers, drop_running
from extractors.pdf_words import Frame, make_words

log = logging.getLogger(__name__)

CAMELOT_MIN_RULINGS = (3, 2)  # horizontal and vertical rulings on a page without a grid: camelot is asked
OCR_MISSING = "OCR not installed (install tesseract-ocr tesseract-ocr-ind)"


def _open(path: Path) -> tuple[Any, str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the file: {exc.strerror or exc}") from exc
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise InputError(str(path), "not a PDF file (no %PDF header)")
    sha = hashlib.sha256(data).hexdigest()
    try:
        pdf = open_document(str(path))
    except Exception as exc:
        why = str(exc).lower()
        if "password" in why or "encrypt" in why or "security" in why:
            raise InputError(str(path), "encrypted PDF (a password is needed to open it)") from exc
        raise InputError(str(path), f"damaged or unreadable PDF ({str(exc).splitlines()[0][:120]})") from exc
    return pdf, sha


class _Plumber:
    """pdfplumber opened only when a page needs it, and only once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.pdf: Any = None

    def parse(self, index: int) -> Any:
        import pdfplumber

        from extractors.pdf_plumber import parse_page

        if self.pdf is None:
            self.pdf = pdfplumber.open(self.path)
        page = self.pdf.pages[index]
        try:
            return parse_page(page)
        finally:
            page.close()

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def _part(page: PdfiumPage, plumber: _Plumber) -> PagePart:
    info = page.info
    if not info.upright:  # rotated text or a /Rotate: pdfplumber knows each character's direction
        parsed = plumber.parse(info.number - 1)
        return ruled_part(info.number, parsed.frame, make_words(parsed.glyphs), segments_from_boxes(parsed.strokes),
                          "pdfplumber", make_words(parsed.others))
    frame = Frame("ltr", info.width, info.height)
    return ruled_part(info.number, frame, make_words(page.glyphs), segments_from_boxes(page.strokes), "pdfium",
                      shades=page.shades)


def read_pdf(path: Path) -> Document:
    path = Path(path)
    pdf, sha = _open(path)
    doc = Document(source_file=str(path), sha256=sha, pages=len(pdf))
    plumber = _Plumber(path)
    parts: list[PagePart] = []
    scanned: list[int] = []
    try:
        for index in range(len(pdf)):
            try:
                page = read_page(pdf, index)
                if page.info.scanned:
                    scanned.append(page.info.number)
                elif page.info.n_chars:
                    parts.append(_part(page, plumber))
            except Exception as exc:  # one bad page must not lose the others
                log.debug("page %d of %s failed", index + 1, path, exc_info=True)
                doc.unreadable.append((index + 1, f"page could not be parsed: {type(exc).__name__}"))
    finally:
        plumber.close()
        pdf.close()
    if scanned:
        parts += _read_scanned(path, scanned, doc)
    drop_running(parts)
    drop_inline_footers(parts)
    words = vocabulary_of(parts)
    lines: list[TextLine] = []
    edges = [edges_of(part) for part in parts]
    page_grids: list[Grid] = []  # the grids of the page before: a table carried on keeps their columns
    carried: list[tuple[float, float]] = []
    for k, part in enumerate(parts):
        grids = _second_reader(path, part) if _rulings_without_grid(part) else []
        if grids:  # camelot read the ruled table the rulings did not give; the rest is text
            text = _outside(finish(part, unruled=False)[0], grids)
        else:
            before = edges[k - 1][1] if k and parts[k - 1].number == part.number - 1 else []
            after = edges[k + 1][0] if k + 1 < len(parts) and parts[k + 1].number == part.number + 1 else []
            carried = carried_columns(page_grids, carried) if before else []
            text, grids = finish(part, words=words, before=before, after=after, carried=carried)
        lines.extend(text)
        doc.grids.extend(grids)
        page_grids = grids
    doc.lines = sorted(lines, key=lambda t: t.order)
    doc.grids.sort(key=lambda g: g.order)
    adopt_orphan_rows(doc)
    mend_broken_rows(doc)
    adopt_widow_rows(doc)
    doc.unreadable.sort(key=lambda u: u[0] or 0)
    return doc


def _rulings_without_grid(part: PagePart) -> bool:
    h, v = part.rulings
    return part.reader != "ocr" and not part.tables and h >= CAMELOT_MIN_RULINGS[0] and v >= CAMELOT_MIN_RULINGS[1]


def _second_reader(path: Path, part: PagePart) -> list[Grid]:
    if part.frame.direction != "ltr":
        return []
    from extractors.pdf_camelot import camelot_grids

    return camelot_grids(path, part.number, part.frame.height)


def _outside(lines: list[TextLine], grids: list[Grid]) -> list[TextLine]:
    """Text lines not covered by any of the grids (camelot's grids took their text)."""
    if not grids:
        return lines
    spans = [(g.order, g.end_order if g.end_order is not None else g.order) for g in grids]
    return [t for t in lines if not any(a - 1 <= t.order <= b for a, b in spans)]


def _read_scanned(path: Path, pages: list[int], doc: Document) -> list[PagePart]:
    """OCR of the scanned pages when Tesseract is here; otherwise they are listed as unreadable."""
    from extractors import ocr

    why = ocr.unavailable()
    if why:
        for page_no in pages:
            doc.unreadable.append((page_no, f"scanned page: {why}"))
        doc.notes.append(f"{len(pages)} scanned page(s) not read ({', '.join(map(str, pages))}): {why}")
        return []
    parts = []
    for page_no in pages:
        try:
            parts.append(ocr.page_part(path, page_no))
        except Exception as exc:
            log.debug("OCR of page %d of %s failed", page_no, path, exc_info=True)
            doc.unreadable.append((page_no, f"scanned page: OCR failed ({type(exc).__name__})"))
    if parts:
        doc.notes.append(f"{len(parts)} scanned page(s) read with OCR; their figures may hold OCR errors")
    return parts
