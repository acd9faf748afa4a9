"""Tables in a space-aligned text (``pdftotext -layout``, text pasted from a PDF viewer).

Such a text has no tabs: a table's columns stand at the same character positions line after line,
separated by runs of two or more spaces, and a cell wrapped over several lines continues on the
lines below it. The column finder of the PDF reader (:mod:`extractors.pdf_columns`) reads it with
character positions for x-coordinates and line numbers for y: each run of non-space characters is a
word, a run of ``text_min_spaces`` spaces a possible gutter. A form feed starts a new page (the
layout of one page's table may differ from the next's), and the grids' cells carry their page and
line; the text around them stays running text.

The grids come out as the PDF's unruled grids do (``reader="layout"``): cells are joined from their
wrapped lines where the finder can tell rows apart, and the assembler merges what is left.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from extractors.model import Cell, Grid
from extractors.pdf_columns import Metric, UnruledTable, unruled_tables
from extractors.pdf_words import Line, Word, mend_cuts
from extractors.settings import DEFAULT, LayoutSettings

CHAR = 5.0  # "points" per character position
PITCH = 10.0  # "points" per line: a blank line keeps a block together, two end it
HEIGHT = 8.0
_TOKEN = regex.compile(r"\S+")
_SPACE = regex.compile(r"[\u00a0\u2002\u2003\u2009]")


def text_metric(settings: LayoutSettings = DEFAULT.layout) -> Metric:
    """Gutters of ``text_min_spaces`` spaces or more; vertical gaps say nothing (a blank line is a
    converter's choice, not a row's padding)."""
    return Metric(min_gap=(settings.text_min_spaces - 0.5) * CHAR, gap_ratio=0.0, row_gap=None, word_space=CHAR,
                  line_gap=(settings.text_blank_lines * PITCH + PITCH - HEIGHT) / HEIGHT + 0.01)


def _line(number: int, raw: str) -> Line | None:
    raw = _SPACE.sub(" ", raw.expandtabs(8))
    top = number * PITCH
    words = tuple(Word(m.group(), m.start() * CHAR, top, m.end() * CHAR, top + HEIGHT) for m in _TOKEN.finditer(raw))
    return Line(words) if words else None


def _number(top: float) -> int:
    return round(top / PITCH)


def _grid(table: UnruledTable, page: int | None) -> Grid:
    rows: list[list[Cell]] = []
    for cells, top in zip(table.rows, table.row_tops, strict=True):
        row_line = _number(top)
        row = []
        for text, box in cells:
            line = _number(box[1]) if box is not None else row_line
            row.append(Cell(mend_cuts(text), page=page, line=line))  # a figure cut at the cell's edge
        rows.append(row)
    first, last = _number(table.bbox[1]), _number(table.bbox[3])
    return Grid(rows=rows, order=float(first), page=page, line=first, reader="layout", end_order=float(last))


def layout_tables(lines: Sequence[tuple[int, str]], page: int | None = None,
                  settings: LayoutSettings = DEFAULT.layout) -> tuple[list[Grid], set[int]]:
    """Space-aligned tables among (line number, text) lines of one page: their grids and the line numbers
    they took. Lines holding a tab are not looked at (they are tab-separated rows)."""
    parsed = [ln for number, raw in lines if "\t" not in raw and (ln := _line(number, raw)) is not None]
    if len(parsed) < settings.min_lines or not any("  " in raw for _, raw in lines):
        return [], set()
    grids: list[Grid] = []
    taken: set[int] = set()
    for table in unruled_tables(parsed, text_metric(settings), settings):
        grids.append(_grid(table, page))
        taken |= {_number(ln.top) for ln in table.lines}
    return grids, taken


_BREAKS = regex.compile(r"\r\n|[\n\r\v\x1c-\x1e\x85\u2028\u2029]")


def split_lines(text: str) -> list[str]:
    """The text's lines as ``str.splitlines`` gives them, except that a form feed (a page break) stays in
    its line instead of ending it."""
    if "\f" not in text:
        return text.splitlines()
    lines = _BREAKS.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def split_pages(text_lines: Sequence[str]) -> list[tuple[int | None, list[tuple[int, str]]]]:
    """The lines (1-based number, text without form feeds) of each page; one page (None) without form feeds."""
    if not any("\f" in t for t in text_lines):
        return [(None, list(enumerate(text_lines, start=1)))]
    pages: list[tuple[int | None, list[tuple[int, str]]]] = [(1, [])]
    for number, raw in enumerate(text_lines, start=1):
        parts = raw.split("\f")
        for _ in parts[1:]:
            pages.append(((pages[-1][0] or 0) + 1, []))
        pages[-1][1].append((number, "".join(parts)))
    return pages
