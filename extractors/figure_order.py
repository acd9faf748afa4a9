"""A headerless piece of a layout text's table laid under the table's columns by the order of its figures.

pdftotext -layout sets each line's words where they fall on the page's character grid. Rows whose figures are
wider or narrower than the rows above them move their figures by a few characters, and the column finder can then
cut the table into a piece with columns of its own: a unit set apart from its figure, an empty column between two
figures (held-out i01's Tabel 3.6 on the horizontal-rules print: its ten last rows, all of one page, a table of
their own). Their places then say little, the types of the piece's columns are mixed, and
:func:`extractors.assemble.aligned_columns` rightly finds no clear laying. What the drift keeps is the order of a
row's figures. So where every row of the piece that prints figures prints exactly as many as the table has
columns of figures, each of the kind of its column in turn (an amount of rupiah under a column of rupiah, any other
figure under another column), the figures go to those columns in order, and the row's text cells to the table's
text columns in order (a code set apart from its name joined to it where the table has fewer text columns). Rows
without figures (a name's wrapped lines) go under the text column their own piece's column went to. Anything
less clear leaves the piece alone: a piece left alone loses its rows, a wrong laying puts figures under wrong
roles.
"""

from __future__ import annotations

import regex

from extractors.align import figure_tokens
from extractors.coltypes import NUMERIC_TYPES, cell_type, column_type, item_id
from extractors.model import Cell
from extractors.settings import DEFAULT, JoinSettings
from extractors.vocab import ColType

_STARTS_FIGURE = regex.compile(r"^\s*(?:rp\.?\s*)?[\(\-–]?\d|^\s*[-–]\s*$", regex.I)


def _split(row: list[Cell]) -> tuple[list[tuple[int, Cell]], list[str]] | None:
    """A row's text cells (column, cell) and its figures in order: the figures are the longest run of cells at
    the row's end that holds figures and their units only ("1.1" and its code before a name are text). A row
    without such a run is all text; None where it still holds a figure (a drift this cannot read)."""
    for s, cell in enumerate(row):
        if cell.text and _STARTS_FIGURE.match(cell.text):
            tokens = figure_tokens(" ".join(c.text for c in row[s:] if c.text))
            if tokens:
                return [(j, c) for j, c in enumerate(row[:s]) if c.text], tokens
    if any(cell_type(c.text) in NUMERIC_TYPES for c in row):
        return None
    return [(j, c) for j, c in enumerate(row) if c.text], []


def _fitted(cells: list[tuple[int, Cell]], width: int) -> list[tuple[list[int], str]]:
    """Text cells joined down to ``width`` cells, each with the piece's columns it came from: a code or number set
    apart from the text after it ("1.1", "3.25.03.2.01.0001", "Penyediaan ...") joins it, from the left; text
    cells still over go on the last one (a wrapped word the drift set a column apart, as the row re-layout does:
    :func:`extractors.align.realign_row`)."""
    parts = [([j], c.text, _code(c.text)) for j, c in cells]
    while len(parts) > width:
        at = next((k for k in range(len(parts) - 1) if parts[k][2]), len(parts) - 2)
        (a, x, p), (b, y, q) = parts[at], parts[at + 1]
        parts[at:at + 2] = [(a + b, f"{x} {y}", p and q)]
    return [(cols, text) for cols, text, _ in parts]


def _code(text: str) -> bool:
    """A row's number or budget code ("1.1", "IV.", "3.25.03.2.01.0001"), no name."""
    return item_id(text) or cell_type(text) in (ColType.CODE, ColType.NUMBER)


def lay_by_figure_order(table_rows: list[list[Cell]], width: int, body: list[list[Cell]],
                        settings: JoinSettings = DEFAULT.join) -> list[list[Cell]] | None:
    """The piece's rows laid under the table's ``width`` columns, or None where the order of their figures does
    not settle it (module docstring)."""
    types = [column_type(r[j].text for r in table_rows if j < len(r)).type for j in range(width)]
    figures = [j for j, t in enumerate(types) if t in NUMERIC_TYPES]
    if len(figures) < 2:
        return None
    texts = [j for j in range(figures[0]) if types[j] is not ColType.EMPTY]
    if not texts or any(types[j] not in NUMERIC_TYPES and types[j] is not ColType.EMPTY
                        for j in range(figures[0], figures[-1] + 1)):
        return None  # text between the table's figures: not one run of value columns
    money = [types[j] is ColType.MONEY for j in figures]
    split = [_split(r) for r in body]
    if any(s is None for s in split):
        return None
    full = [s for s in split if s is not None and s[1]]
    if len(full) < settings.figure_order_min_rows:
        return None
    home: dict[int, int] = {}  # the piece's text column -> the table's, learned from its rows of figures
    laid: list[list[Cell]] = []
    for row, parts in zip(body, split, strict=True):
        assert parts is not None
        cells, tokens = parts
        ref = next((c for c in row if c.line is not None or c.page is not None), Cell(""))
        out = [Cell("", ref.page, ref.line) for _ in range(width)]
        if tokens:
            if len(tokens) != len(figures) or any(
                    (kind := cell_type(t)) is not ColType.EMPTY and (kind is ColType.MONEY) != m
                    for t, m in zip(tokens, money, strict=True)):
                return None
            fitted = _fitted(cells, len(texts))
            for (cols, text), j in zip(fitted, texts, strict=False):
                out[j] = Cell(text, ref.page, ref.line)
                for c in cols:
                    if home.setdefault(c, j) != j:
                        return None  # one column of the piece under two of the table's
            for token, j in zip(tokens, figures, strict=True):
                out[j] = Cell(token, ref.page, ref.line)
        laid.append(out)
    for k, parts in enumerate(split):
        assert parts is not None
        if parts[1]:
            continue
        for c, cell in parts[0]:
            j = home.get(c, max((t for p, t in home.items() if p < c), default=texts[0]))
            held = laid[k][j]
            laid[k][j] = cell if not held.text else Cell(f"{held.text} {cell.text}", held.page, held.line)
    return laid
