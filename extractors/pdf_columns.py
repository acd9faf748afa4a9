"""Unruled tables from word positions: blocks of lines with the same wide gaps (column clustering).

A visual line is cut into segments where two words stand further apart than a column gap.
Three or more nearby lines with two or more segments make a block (wrapped one-segment lines
inside it belong to it). The block's columns are the x ranges covered by the segments of most
of its lines; the gutters between them are where almost no segment reaches. A line starts a new
row when it has text in two or more columns or in the first column; any other line continues
the row above (wrapped cell text, joined with a space).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from extractors.model import BBox
from extractors.pdf_words import Line, Word, split_line, text_of

CAPTION = regex.compile(r"^\W{0,3}(?:tabel|table|gambar|grafik|figure)\b", regex.I)
NUMBERED = regex.compile(r"^(?:\(?\d{1,3}[\.\)]|\(?[a-zA-Z][\.\)]|[IVXLC]{1,5}\.|\d+(?:\.\d+){1,6}\b)")
MIN_LINES = 3  # lines with two or more segments needed for a table
GAP_RATIO = 1.0  # a column gap is wider than this many line heights
MIN_GAP = 9.0  # points
MAX_WRAPPED = 15  # narrow one-segment lines in a row inside a block (a long cell wrapped)


@dataclass(slots=True)
class UnruledTable:
    bbox: BBox
    rows: list[list[tuple[str, BBox | None]]]
    row_tops: list[float]
    lines: list[Line]  # the lines it took


def _height(line: Line) -> float:
    return max(1.0, line.bottom - line.top)


def _segments(line: Line) -> list[Line]:
    return split_line(line, max(MIN_GAP, GAP_RATIO * _height(line)))


def _blocks(lines: Sequence[Line]) -> list[list[int]]:
    """Runs of line indexes that may form a table."""
    multi = [len(_segments(ln)) >= 2 and not CAPTION.match(ln.text) for ln in lines]
    blocks: list[list[int]] = []
    current: list[int] = []
    pending: list[int] = []  # one-segment lines waiting to see whether the block goes on
    for i, line in enumerate(lines):
        prev = lines[(current + pending)[-1]] if current else None
        close = prev is not None and line.top - prev.bottom <= 1.6 * _height(prev)
        if multi[i]:
            if current and close:
                current += pending + [i]
            else:
                if current:
                    blocks.append(current + _trailing(lines, current, pending))
                current = [i]
            pending = []
        elif current and close and _wrapped(lines, current, line, len(pending)) and not CAPTION.match(line.text):
            pending.append(i)
        else:
            if current:
                blocks.append(current + _trailing(lines, current, pending))
            current, pending = [], []
    if current:
        blocks.append(current + _trailing(lines, current, pending))
    return [b for b in blocks if sum(multi[i] for i in b) >= MIN_LINES]


def _wrapped(lines: Sequence[Line], block: list[int], line: Line, waiting: int) -> bool:
    """A one-segment line that may be wrapped cell text: narrow beside the block, or one short gap."""
    left = min(lines[i].x0 for i in block)
    right = max(lines[i].x1 for i in block)
    narrow = line.x1 - line.x0 <= 0.6 * (right - left)
    return waiting < MAX_WRAPPED if narrow else waiting < 1


def _trailing(lines: Sequence[Line], block: list[int], pending: list[int]) -> list[int]:
    """Wrapped lines after the last row: tight below it, and narrow or not at the block's left edge."""
    left = min(lines[i].x0 for i in block)
    right = max(lines[i].x1 for i in block)
    out = []
    for i in pending:
        prev = lines[(block + out)[-1]]
        line = lines[i]
        narrow = line.x1 - line.x0 <= 0.6 * (right - left)
        if line.top - prev.bottom <= 0.6 * _height(prev) and (narrow or line.x0 > left + 2 * _height(prev)):
            out.append(i)
        else:
            break
    return out


def _columns(lines: Sequence[Line]) -> list[tuple[float, float]]:
    """Column x ranges from how many multi-segment lines cover each point."""
    segs = [s for ln in lines for s in (_segments(ln) if len(_segments(ln)) >= 2 else [])]
    n = sum(1 for ln in lines if len(_segments(ln)) >= 2)
    lo = int(min(s.x0 for s in segs))
    hi = int(max(s.x1 for s in segs)) + 2
    cover = [0] * (hi - lo + 1)
    for s in segs:
        cover[int(s.x0) - lo] += 1
        cover[int(s.x1) + 1 - lo] -= 1
    limit = max(0, int(0.15 * n))
    cols: list[tuple[float, float]] = []
    run = 0
    start: int | None = None
    for k, delta in enumerate(cover):
        run += delta
        if run > limit and start is None:
            start = k
        elif run <= limit and start is not None:
            cols.append((float(start + lo), float(k + lo)))
            start = None
    return cols


def _column_of(word: Word, cols: Sequence[tuple[float, float]]) -> int:
    """The column holding the word's centre, or the nearest one."""
    cx = word.cx
    return min(range(len(cols)), key=lambda j: max(cols[j][0] - cx, cx - cols[j][1], 0.0))


def _continues(row: list[list[Word]], cells: list[list[Word]]) -> bool:
    """A line that carries wrapped text of the row above: one column, where that row has text too
    and other values, not starting with a number or code, not an all-capitals line under mixed case."""
    filled = [j for j, c in enumerate(cells) if c]
    if len(filled) != 1:
        return False
    j = filled[0]
    if not row[j] or sum(1 for c in row if c) < 2:
        return j > 0 and not row[0] and any(row)  # wrapped text of a row that has not reached column 0
    text = " ".join(w.text for w in cells[j])
    if NUMBERED.match(text):
        return False
    above = " ".join(w.text for w in row[j])
    return not (text.isupper() and not above.isupper())


def _table(lines: Sequence[Line]) -> UnruledTable | None:
    cols = _columns(lines)
    if len(cols) < 2:
        return None
    rows: list[list[list[Word]]] = []
    tops: list[float] = []
    for line in lines:
        cells: list[list[Word]] = [[] for _ in cols]
        for w in line.words:
            cells[_column_of(w, cols)].append(w)
        if rows and _continues(rows[-1], cells):
            for j, words in enumerate(cells):
                rows[-1][j].extend(words)
            continue
        rows.append(cells)
        tops.append(line.top)
    if len(rows) < 2:
        return None
    out: list[list[tuple[str, BBox | None]]] = []
    for cells in rows:
        row: list[tuple[str, BBox | None]] = []
        for words in cells:
            if not words:
                row.append(("", None))
                continue
            text = text_of(words)
            row.append((text, (min(w.x0 for w in words), min(w.top for w in words),
                               max(w.x1 for w in words), max(w.bottom for w in words))))
        out.append(row)
    bbox = (min(ln.x0 for ln in lines), lines[0].top, max(ln.x1 for ln in lines), max(ln.bottom for ln in lines))
    return UnruledTable(bbox, out, tops, list(lines))


def unruled_tables(lines: Sequence[Line]) -> list[UnruledTable]:
    """Tables found among a page's text lines (top to bottom); their lines are not text any more."""
    tables = []
    for block in _blocks(lines):
        table = _table([lines[i] for i in block])
        if table is not None:
            tables.append(table)
    return tables
