"""camelot as a second table reader, for a page where the own reader found no usable grid.

Lattice with the vector engine (rulings read from the PDF, no rendering) first, then stream.
Grids come back with camelot's per-table confidence. camelot is slow (it parses the page
again), so the reader asks it only about pages that look tabular and gave no grid.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path
from typing import Any

from extractors.model import Cell, Grid
from extractors.pdf_page import order_of
from extractors.text_reader import clean_text

log = logging.getLogger(__name__)
MIN_CONFIDENCE = 0.5


def _grid(table: Any, page_no: int, height: float, flavor: str) -> Grid | None:
    rows: list[list[Cell]] = []
    for r, cells in enumerate(table.cells):
        row = []
        for c, cell in enumerate(cells):
            text = clean_text(str(table.df.iat[r, c]).replace("\n", " "))
            row.append(Cell(text, page=page_no, bbox=(cell.x1, height - cell.y2, cell.x2, height - cell.y1)))
        if any(c.text for c in row):
            rows.append(row)
    if len(rows) < 2 or max(len(r) for r in rows) < 2:
        return None
    x1, y1, x2, y2 = table._bbox
    try:
        confidence = float(table.parsing_report.get("confidence", 0.0))
    except Exception:  # older report shape
        confidence = float(getattr(table, "accuracy", 0.0)) / 100
    return Grid(rows=rows, order=order_of(page_no, height - y2), page=page_no, reader="camelot",
                confidence=confidence, end_order=order_of(page_no, height - y1))


def camelot_grids(path: Path, page_no: int, height: float) -> list[Grid]:
    """Tables camelot finds on one page (1-based), lattice (vector) first, else stream."""
    try:
        import camelot
    except ImportError:  # pragma: no cover - camelot is a core dependency
        return []
    for flavor, kwargs in (("lattice", {"engine": "vector"}), ("stream", {})):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tables = camelot.read_pdf(str(path), pages=str(page_no), flavor=flavor, suppress_stdout=True,
                                          **kwargs)
        except Exception as exc:
            log.debug("camelot %s failed on page %d: %s", flavor, page_no, exc)
            continue
        grids = [g for t in tables if (g := _grid(t, page_no, height, flavor)) is not None]
        grids = [g for g in grids if g.confidence is None or g.confidence >= MIN_CONFIDENCE]
        if grids:
            return grids
    return []
