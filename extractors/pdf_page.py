"""The layout of one page, from its words and rulings to TextLines and Grids.

Shared by the born-digital reader and OCR. First the ruled tables take the words inside them
(:func:`ruled_part`); the reader then drops running headers and footers from what is left;
finally unruled tables are looked for among the remaining lines and everything else becomes
text in reading order (:func:`finish`). ``order`` is ``page * 100000 + top`` in the page's
reading frame, so a caption above a grid comes before it and the text below it after.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from extractors.model import BBox, Cell, Grid, TextLine, column_ranges
from extractors.pdf_columns import data_line, edge_blocks, unruled_tables
from extractors.pdf_rulings import RuledTable, Seg, merge_segments, ruled_tables
from extractors.pdf_words import Frame, Line, Word, make_lines, mend_cuts, vocabulary
from extractors.text_reader import clean_text

PAGE_STRIDE = 100_000.0


def order_of(page: int, top: float) -> float:
    return page * PAGE_STRIDE + top


@dataclass(slots=True)
class PagePart:
    """A page after its ruled tables took their words: the rest is lines, still to be sorted out."""

    number: int
    frame: Frame
    tables: list[RuledTable]
    lines: list[Line]
    extra: list[Line] = field(default_factory=list)  # text in another direction (page numbers, stamps)
    reader: str = "pdfplumber"
    rulings: tuple[int, int] = (0, 0)  # horizontal and vertical rulings (camelot is asked when no table came of them)
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # horizontal rules outside ruled tables
    # running footers taken out of the page's flow (pdf_running.drop_inline_footers), where they stood
    dropped: list[Line] = field(default_factory=list)


SHADE_MIN_WIDTH = 100.0  # points: a shaded band a row wide, not a shaded word or a coloured mark


def ruled_part(number: int, frame: Frame, words: Sequence[Word], segs: Sequence[Seg], reader: str = "pdfplumber",
               extra: Sequence[Word] = (), shades: Sequence[BBox] = ()) -> PagePart:
    """The page's ruled tables, the rest of its words as lines, and the horizontal rules outside the tables:
    the strokes', and the top and bottom edges of shaded bands (a shaded header, zebra rows), which separate
    rows as rules do (PermenPAN-RB 53/2014 tables printed with shaded headers; the style fixtures' "shaded")."""
    tables, taken = ruled_tables(segs, words, mark_cuts=True) if segs else ([], set())
    rest = [w for k, w in enumerate(words) if k not in taken]
    merged = merge_segments(segs) if segs else []
    counts = (0, 0) if tables else (sum(1 for s in merged if not s.vertical), sum(1 for s in merged if s.vertical))
    edges = sorted({(round(y, 1), round(x0, 1), round(x1, 1)) for x0, top, x1, bottom in shades
                    if x1 - x0 >= SHADE_MIN_WIDTH for y in (top, bottom)})  # two bands meeting share an edge
    rules = [r for r in [*((s.pos, s.a, s.b) for s in merged if not s.vertical), *edges] if not any(
        t.bbox[0] - 2 <= r[1] and r[2] <= t.bbox[2] + 2 and t.bbox[1] - 2 <= r[0] <= t.bbox[3] + 2 for t in tables)]
    return PagePart(number, frame, tables, make_lines(rest), make_lines(extra), reader, counts, rules)


def _grid(number: int, frame: Frame, bbox: BBox, rows: Sequence[Sequence[tuple[str, BBox | None]]],
          reader: str, ruled: bool = False, words: set[str] | None = None) -> Grid:
    cells = [[Cell(clean_text(mend_cuts(text, words)), page=number, bbox=frame.to_page(box) if box else None)
              for text, box in row] for row in rows]
    return Grid(rows=cells, order=order_of(number, bbox[1]), page=number, reader=reader,
                end_order=order_of(number, bbox[3]), ruled=ruled)


def _text_line(number: int, frame: Frame, line: Line) -> TextLine | None:
    text = clean_text(line.text)
    if not text:
        return None
    words = tuple((w.text, w.x0, w.x1) for w in line.words) if frame.direction == "ltr" else ()
    return TextLine(text, order=order_of(number, line.top), page=number, bbox=frame.to_page(line.bbox), words=words)


def vocabulary_of(parts: Sequence[PagePart]) -> set[str]:
    """Every word printed in the parts (text lines and ruled cells): what a word cut in a cell is checked
    against."""
    cells = [text for part in parts for t in part.tables for row in t.rows for text, _ in row if text]
    return vocabulary([*(ln.text for part in parts for ln in (*part.lines, *part.extra)), *cells])


def edges_of(part: PagePart) -> tuple[list[Line], list[Line]]:
    """The lines of the unruled block that opens the page and of the one that closes it (see
    :func:`extractors.pdf_columns.edge_blocks`); none on a page whose ruled tables took its words."""
    if part.tables or part.frame.direction != "ltr":
        return [], []
    return edge_blocks(part.lines, rules=part.rules, ghosts=part.dropped)


def finish(part: PagePart, unruled: bool = True, words: set[str] | None = None, before: Sequence[Line] = (),
           after: Sequence[Line] = (), carried: Sequence[tuple[float, float]] = ()
           ) -> tuple[list[TextLine], list[Grid]]:
    """Unruled tables among the remaining lines; the rest as text lines. ``words``: the document's words,
    to tell a word cut at a ruled cell's edge from two words (without them, lines are joined by a space).
    ``before``/``after``: the edge blocks of the pages before and after (:func:`edges_of`), for a table
    carried over a page break; ``carried``: the columns of the table that closed the page before
    (:func:`carried_columns`)."""
    grids = [_grid(part.number, part.frame, t.bbox, t.rows, part.reader, ruled=True, words=words)
             for t in part.tables]
    lines = part.lines
    if unruled:
        used: set[int] = set()
        for table in unruled_tables(lines, rules=part.rules, before=before, after=after, ghosts=part.dropped,
                                    carried=carried if part.frame.direction == "ltr" else ()):
            grids.append(_grid(part.number, part.frame, table.bbox, table.rows, part.reader, words=words))
            used |= {id(ln) for ln in table.lines}
        lines = [ln for ln in lines if id(ln) not in used]
    text = [t for ln in lines if (t := _text_line(part.number, part.frame, ln)) is not None]
    page_frame = Frame("ltr", part.frame.width, part.frame.height)
    text += [t for ln in part.extra if (t := _text_line(part.number, page_frame, ln)) is not None]
    return text, grids


def carried_columns(grids: Sequence[Grid], given: Sequence[tuple[float, float]] = ()) -> list[tuple[float, float]]:
    """The columns of the unruled table that ends lowest on a page, as the x ranges of its rows of figures' cells
    (a header label spanning two columns stretches its cell over both, so header rows do not count): the columns a
    piece of it carried onto the next page stands in. ``given``: the columns the page's first table was cut on,
    carried from the page before; a column no row of this page fills keeps its place there (a numbering column
    empty on a middle page of a long table). Empty where a column's place is not known or there is no such
    table."""
    unruled = [g for g in grids if not g.ruled and not g.form]
    if not unruled:
        return []
    grid = max(unruled, key=lambda g: g.end_order if g.end_order is not None else g.order)
    rows = [r for r in grid.rows if data_line([c.text for c in r])]
    spans = column_ranges(rows, grid.n_cols)
    if None not in spans:
        return [s for s in spans if s is not None]
    if len(given) != len(spans) or any(s is not None and not (s[0] < g[1] and g[0] < s[1])
                                       for s, g in zip(spans, given, strict=True)):
        return []  # not the table cut on the given columns
    return [s if s is not None else g for s, g in zip(spans, given, strict=True)]
