"""Assemble raw grids into logical tables.

- a caption ("Tabel 3.1 ...", "Tabel. 4", "TABEL: VI.1") is taken from the text just above a
  grid (or just below it when nothing stands above);
- a grid that continues the previous table across a page break is joined to it: its repeated
  header rows are dropped, and a short running header/footer between the two pieces is ignored; a headerless
  piece with other columns than the table's (another page's character grid, a table cut by the reader) is laid
  under the table's columns by their value types and places when that laying is clear (``aligned_columns``);
- the header ends where rows turn from labels to figures, and is kept as a tree of spanning labels,
  each column keyed by its path (:mod:`extractors.header`);
- rows whose cells only continue the text of the row above (wrapped cell text) are merged.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

import regex

from extractors.coltypes import NUMERIC_TYPES, column_type, figures_per_cell, item_id, next_list_item
from extractors.figure_order import lay_by_figure_order
from extractors.header import (
    HEADER_WORDS,
    NUMBERING,
    YEAR,
    build_tree,
    flatten_header,
    header_words_only,
    is_header_row,
    is_numbering_row,
    looks_data,
    norm,
    row_text,
    same_header,
    split_header,
)
from extractors.model import Cell, Document, Grid, Row, Table, TextLine
from extractors.pdf_words import BROKEN_REST, cut_number
from extractors.settings import DEFAULT, JoinSettings, Settings
from extractors.vocab import ColType

__all__ = [
    "CAPTION", "HEADER_WORDS", "aligned_columns", "assemble", "find_caption", "flatten_header", "is_continuation",
    "is_header_row", "is_numbering_row", "merge_wrapped", "norm", "row_text", "same_header", "split_header",
    "split_inner_tables",
]

CAPTION = regex.compile(r"^\W{0,3}(?:tabel|table)\b\s*[\.:]?\s*(?:[IVXLC]+|\d+)?", regex.I)
_FIGURE = regex.compile(r"^\W{0,3}(?:gambar|grafik|diagram|sumber|keterangan)\b", regex.I)


@dataclass
class _Piece:
    grid: Grid
    header: list[list[Cell]]
    body: list[list[Cell]]
    caption: str = ""
    caption_line: int | None = None
    notes: list[str] = field(default_factory=list)
    raw_first: list[Cell] = field(default_factory=list)  # the grid's first row as printed (header or not)
    laid: bool = False  # its columns laid under the table's by their types: its own width does not count


def _after_repeated_header(rows: list[list[Cell]], header: list[list[Cell]], own: list[list[Cell]] | None = None
                           ) -> list[list[Cell]] | None:
    """The rows after a header repeated at the top of a continuation piece; None when not repeated. ``own``:
    the piece's own header rows, when they are the whole header again (every row, numbering aside)."""
    if own and same_header(own, header):
        rest = rows[len(own):]
        while rest and is_numbering_row(rest[0]):
            rest = rest[1:]
        return rest
    keys = {norm(row_text(r)) for r in header} - {""}
    if not keys or not rows or norm(row_text(rows[0])) not in keys:
        return None
    rest = list(rows)
    for _ in range(len(header) + 2):
        if rest and (norm(row_text(rest[0])) in keys or is_numbering_row(rest[0])):
            rest.pop(0)
            continue
        # a continuation line caught between two header rows still belongs to the body
        if len(rest) > 1 and norm(row_text(rest[1])) in keys:
            rest = [rest[1], rest[0], *rest[2:]]
            continue
        break
    return rest


def _gap_lines(lines: list[TextLine], start: float, end: float) -> list[TextLine]:
    """The lines strictly between two reading positions; `lines` is sorted by order (a binary search: looking
    through every line for every grid was quadratic in a long report)."""
    lo = bisect.bisect_right(lines, start, key=_order)
    hi = bisect.bisect_left(lines, end, lo=lo, key=_order)
    return lines[lo:hi]


def _order(line: TextLine) -> float:
    return line.order


def _paragraphs(gap: list[TextLine]) -> int:
    """How many paragraphs the lines make. A converted text gives one line per paragraph; on a PDF page a
    paragraph is several lines, and the next one starts on another page or after more than a line's space."""
    count = 0
    prev: TextLine | None = None
    for t in gap:
        if prev is None or prev.bbox is None or t.bbox is None or prev.page != t.page:
            count += 1
        else:
            height = prev.bbox[3] - prev.bbox[1]
            count += t.bbox[1] - prev.bbox[1] > 1.6 * height
        prev = t
    return count


def _header_only(group: list[_Piece]) -> bool:
    """A table printed down to its header (and numbering) at a page's foot, its body on the next page."""
    return bool(group[0].header) and not any(r for p in group for r in p.body if any(c.text for c in r))


def _headings_only(gap: list[TextLine]) -> bool:
    """Between a header left alone and its body: short lines only (a running header or footer, a heading row of
    the table spanning its columns, "1.04 URUSAN PEMERINTAHAN BIDANG ..."), no caption, no paragraph."""
    return len(gap) <= _HEADING_LINES and not any(CAPTION.match(t.text) or len(t.text) > _HEADING_CHARS for t in gap)


# between a header left alone and its body: h07's E.81 has a running footer and a heading row wrapped over five
# lines in a narrow cell ("1.04 URUSAN / PEMERINTAHAN / ..."); a paragraph line runs to 100 characters and more
_HEADING_LINES, _HEADING_CHARS = 8, 80


def _wrapped_text(gap: list[TextLine], most: int) -> bool:
    """Between two pieces of a wide form: short lines of words only, at most ``most`` of them (a cell's wrapped
    lines, ``LayoutSettings.max_wrapped``), no caption, no source note and no line of figures: the last row's cells
    wrapped past its lines under a gap, left as text (holdout4 j03's E.81 as layout text, "Kabupaten/Kota,
    Perusahaan, ..." over twelve lines at a page's foot)."""
    return 0 < len(gap) <= most and not any(
        CAPTION.match(t.text) or _SOURCE_NOTE.match(t.text) or _FIGURE_CELL.match(t.text)
        or len(t.text) > _HEADING_CHARS for t in gap)


_SOURCE_NOTE = regex.compile(r"^\W{0,3}(?:sumber|keterangan)\s*:", regex.I)  # "Sumber: ...", not "Sumber Daya Air"


def _is_noise(gap: list[TextLine]) -> bool:
    """Between two pieces of one table: nothing, or a short running header/footer/page number."""
    if len(gap) > 3:
        return False
    for t in gap:
        if CAPTION.match(t.text) or _FIGURE.match(t.text) or len(t.text) > 120:
            return False
    return True


_WORD = regex.compile(r"[\p{L}\p{N}]+")


def _unrepeated(gap: list[TextLine], header: list[list[Cell]]) -> list[TextLine]:
    """The gap without the lines that only repeat the table's header (every word of the line is one of its
    labels' words): a header repeated at the head of the next page that the column finder left out of the
    grid, its labels set wider than the figures below them (pdftotext -layout places each line's words on its
    own character grid: h07's Tabel 3.6 on the hrules print as layout text). The public format repeats a long
    table's header on every page (Word's and LibreOffice's "repeat heading rows"); a line with any other word
    stays in the gap."""
    words = {w.casefold() for row in header for c in row for w in _WORD.findall(c.text)}
    if not words:
        return gap
    return [t for t in gap if not (found := _WORD.findall(t.text)) or not all(w.casefold() in words for w in found)]


_ROW_NUMBER = regex.compile(r"^\s*(\d{1,3})\s*[\.\)]?\s*$")
_SAME_X = 3.0  # points: column edges this close are the same column


def _no_labels(header: list[list[Cell]]) -> bool:
    """No cell of these header rows is a header label (every word a header word: "No", "Indikator Kinerja",
    "Target", "Capaian (%)") and two cells or more hold words: they are a body row's upper lines, a name wrapped
    above its figures in a cell centred vertically at the top of a page (LibreOffice's centred print of held-out
    i02's and i03's Tabel 3.5: the piece after the page break read as a new table headed by "Kegiatan
    Administrasi Keuangan Perangkat")."""
    named = [c for row in header for c in row if len(regex.findall(r"\p{L}{2,}", c.text)) >= 2]
    # a row's wrapped text fills two cells or more (its name and its indicator); a heading row ("C. | Bidang ...")
    # or the page's running footer left in the grid ("LKjIP Dinas ... | Hal. 7") fills one
    return len(named) >= 2 and not any(header_words_only(c.text) for row in header for c in row
                                       if regex.search(r"\p{L}", c.text))


def _down_onto_figures(rows: list[list[Cell]], upper: int) -> list[list[Cell]]:
    """The rows, the first ``upper`` of them (a row's upper lines, its cells centred vertically) joined, column by
    column, in front of the first row with figures below them: they are that row's, not the row above's on the
    page before (merged up across the break, they lengthened its name: h05's Tabel 3.7 on the centred layout
    text)."""
    below = next((k for k in range(upper, len(rows)) if _has_value(rows[k])), None)
    if below is None:
        return rows
    row = rows[below]
    joined = [Cell(" ".join(t for t in (*(r[j].text for r in rows[:upper] if j < len(r)), c.text) if t), c.page,
                   c.line, c.bbox) for j, c in enumerate(row)]
    return [*rows[upper:below], joined, *rows[below + 1:]]


def _later_page(group: list[_Piece], grid: Grid) -> bool:
    last = group[-1].grid
    return grid.page is not None and last.page is not None and grid.page > last.page


def _page_head_fragments(gap: list[TextLine], grid: Grid) -> bool:
    """The lines between two pieces all stand at the head of the later piece's page, short, no caption or
    paragraph among them (:func:`_headings_only`): a row the page break split, its upper part on the page
    before, its rest (its cells centred vertically) read as text above the piece (LibreOffice's centred print
    of held-out i03's Tabel 3.5: six such lines kept its next 15 rows out of the table)."""
    return bool(gap) and all(t.page == grid.page for t in gap) and _headings_only(gap)


def _row_number(row: list[Cell]) -> int | None:
    m = _ROW_NUMBER.match(row[0].text) if row else None
    return int(m.group(1)) if m else None


def _column_edges(grid: Grid) -> list[float] | None:
    """Each column's left edge on the page (the leftmost of its cells), or None without positions."""
    edges: list[float] = []
    for j in range(grid.n_cols):
        xs = [r[j].bbox[0] for r in grid.rows if j < len(r) and r[j].bbox is not None]
        if not xs:
            return None
        edges.append(min(xs))
    return edges


def _same_layout(a: Grid, b: Grid) -> bool:
    ea, eb = _column_edges(a), _column_edges(b)
    return ea is not None and eb is not None and len(ea) == len(eb) and all(
        abs(x - y) <= _SAME_X for x, y in zip(ea, eb, strict=True))


def _column_spans(grid: Grid) -> list[tuple[float, float] | None]:
    """Each column's usual x range on the page (the median left and right edges of its cells, so that a cell
    of a shifted row does not stretch it); None for a column without a box."""
    spans: list[tuple[float, float] | None] = []
    for j in range(grid.n_cols):
        boxes = [r[j].bbox for r in grid.rows if j < len(r) and r[j].bbox is not None and r[j].text]
        if not boxes:
            spans.append(None)
            continue
        lefts, rights = sorted(b[0] for b in boxes), sorted(b[2] for b in boxes)
        spans.append((lefts[len(lefts) // 2], rights[len(rights) // 2]))
    return spans


def _column_map(first: Grid, grid: Grid, body: list[list[Cell]] | None = None) -> dict[int, int] | None:
    """Where a continuation's columns stand under the first piece's, by their places on the page (a PDF's pages
    share one layout): each of its filled columns over one of the first piece's (the one it covers most, where it
    stands over two that are sparse in ``body``, the first piece's rows under its header), in order, three or more
    of them. None when the columns do not fall so (another table, or no boxes)."""
    old, new = _column_spans(first), _column_spans(grid)
    mapping: dict[int, int] = {}
    for j, span in enumerate(new):
        if span is None:
            continue
        width = max(1.0, span[1] - span[0])
        shared = {i: min(o[1], span[1]) - max(o[0], span[0]) for i, o in enumerate(old) if o is not None}
        over = [i for i, o in enumerate(old) if o is not None
                and shared[i] >= _OVERLAP * min(width, max(1.0, o[1] - o[0]))]
        if not over or (len(over) > 1 and not all(_sparse(first.rows if body is None else body, i) for i in over)):
            return None
        # a column over two of the first piece's: two sparse columns the piece's few rows did not tell apart ("2
        # Meningkatnya ..." under "No" and "Sasaran", each filled on a program's row only: the hrules print of d03's
        # E.81 on its second page); it goes under the one it covers most
        mapping[j] = max(over, key=lambda i: shared[i])
    targets = [mapping[j] for j in sorted(mapping)]
    if len(targets) < _MIN_COLUMNS or any(b <= a for a, b in zip(targets, targets[1:], strict=False)):
        return None
    return mapping


def _sparse(rows: list[list[Cell]], j: int) -> bool:
    """Column ``j`` holds text in half the rows or fewer (a numbering or sasaran column filled on its group's first
    row only)."""
    return sum(1 for r in rows if j < len(r) and r[j].text) * 2 <= len(rows)


_OVERLAP = 0.5  # share of the narrower column two columns on two pages overlap by to be one column
# columns two pieces must share to be one table: a name and two figures at the least (two could be any list)
_MIN_COLUMNS = 3
_SAME_KINDS = 0.8  # share of columns whose kind (figures or words) must agree for two pieces to be one table


def _figure_column(rows: list[list[Cell]], j: int) -> bool | None:
    cells = [r[j].text for r in rows if j < len(r) and r[j].text]
    if not cells:
        return None
    return sum(1 for t in cells if _FIGURE_CELL.search(t)) * 2 > len(cells)


_FIGURE_CELL = regex.compile(r"^\W*(?:rp\.?\s*)?\d", regex.I)  # a cell that starts with a figure


def _from_the_right(body: list[list[Cell]], first: list[list[Cell]]) -> dict[int, int] | None:
    """A continuation with fewer columns than the columns the first piece's rows fill, set under them from the
    right: a table's figures stand in its last columns, while a numbering or code column at its left may be
    empty on a page (no numbered row there). Taken when the columns' kinds (figures or words) agree."""
    _, filled = _fill(first)
    own = max((len(r) for r in body), default=0)
    targets = sorted(filled)
    if own < _MIN_COLUMNS or own > len(targets) or own >= max((len(r) for r in first), default=0):
        return None
    mapping = {j: targets[len(targets) - own + j] for j in range(own)}
    kinds = [(_figure_column(body, j), _figure_column(first, i)) for j, i in mapping.items()]
    known = [(a, b) for a, b in kinds if a is not None and b is not None]
    if len(known) < _MIN_COLUMNS or sum(1 for a, b in known if a == b) < _SAME_KINDS * len(known):
        return None
    return mapping


def _type_score(new: ColType, old: ColType) -> float | None:
    """How well a piece's column of type ``new`` goes under a table's column of type ``old``: 2 the same type,
    1 a near one (two kinds of figures, a number beside item numbers or years, a grade beside text), 0 where the
    table's column is empty so far; None where it cannot (figures under words)."""
    if old is ColType.EMPTY:
        return 0.0
    if new is old:
        return 2.0
    near = ({new, old} <= NUMERIC_TYPES or {new, old} <= {ColType.NUMBER, ColType.CODE}
            or {new, old} <= {ColType.NUMBER, ColType.YEAR} or {new, old} <= {ColType.TEXT, ColType.GRADE})
    return 1.0 if near else None


def _spans_places(spans: list[tuple[float, float] | None]) -> list[tuple[float, float] | None]:
    """Column spans across the table's own width (0 its leftmost column's left edge, 1 its rightmost column's
    right edge): where pieces of one table on two pages stand, though the page's character grid (text from
    pdftotext -layout) or the table's indent moves the columns."""
    known = [s for s in spans if s is not None]
    if not known:
        return [None] * len(spans)
    left, right = min(s[0] for s in known), max(s[1] for s in known)
    width = max(1.0, right - left)
    return [None if s is None else ((s[0] - left) / width, (s[1] - left) / width) for s in spans]


def _middle(span: tuple[float, float] | None) -> float | None:
    return None if span is None else (span[0] + span[1]) / 2


# the last word of a header column's label that says what kind of figure the column holds: the K (kinerja: a count,
# a percentage, an index) and Rp (anggaran) pairs of the Permendagri 86/2017 evaluation forms (E.79-E.81), whose
# sub-columns are labelled by these letters alone
_RP_LABEL = regex.compile(r"(?:^|\s)\(?rp\.?\)?$", regex.I)
_K_LABEL = regex.compile(r"(?:^|\s)\(?k\)?$", regex.I)


def _last_labels(header: list[list[Cell]], width: int) -> list[str]:
    """Per column, the lowest label of the header over it (its column numbers aside)."""
    return [next((t for r in reversed(header) if i < len(r) and (t := r[i].text.strip()) and not t.isdigit()), "")
            for i in range(width)]


_PAIR_ONLY = regex.compile(r"\(?k\)?\s+\(?rp\.?\)?", regex.I)


def _pairs_apart(piece: _Piece) -> _Piece:
    """A header alone whose sub-label cell reads "K Rp" (a reader set the pair's two narrow columns as one, with no
    figure under them to part them): the column parted in two, "K" and "Rp", its upper labels over both (cells left
    empty beside them, which the header tree spans). Permendagri 86/2017's E.81 as layout text: h07's triwulan II and
    III pairs."""
    width = piece.grid.n_cols
    pairs = {i for i, label in enumerate(_last_labels(piece.header, width)) if _PAIR_ONLY.fullmatch(label)}
    if not pairs:
        return piece

    def apart(row: list[Cell]) -> list[Cell]:
        out: list[Cell] = []
        for i, cell in enumerate(row):
            if i in pairs and _PAIR_ONLY.fullmatch(cell.text.strip()):
                k, rp = cell.text.split(maxsplit=1)
                out += [replace(cell, text=k), replace(cell, text=rp)]
            elif i in pairs:
                out += [cell, replace(cell, text="")]
            else:
                out.append(cell)
        return out

    rows = [apart(r) for r in piece.grid.rows]
    header = [apart(r) for r in piece.header]
    return replace(piece, grid=replace(piece.grid, rows=rows), header=header, raw_first=rows[0] if rows else [])


def _label_kinds(header: list[list[Cell]], width: int) -> list[bool | None]:
    """Per column of a table, what its header's label says of its figures: True money (a label ending in "Rp"),
    False another figure (ending in "K", or a share: the forms' "Tingkat Capaian ... (%)" pair holds percentages
    under its "Rp" too), None nothing."""
    out: list[bool | None] = []
    paths = flatten_header(header, width)
    for i, label in enumerate(_last_labels(header, width)):
        share = any("%" in part for part in paths[i]) and _RP_LABEL.search(label) is not None
        out.append(False if share else True if _RP_LABEL.search(label) else False if _K_LABEL.search(label) else None)
    return out


_WORD_TYPES = frozenset({ColType.TEXT, ColType.CODE, ColType.GRADE})
_CODE_LABEL = regex.compile(r"\bkode\b", regex.I)
_SATUAN_LABEL = regex.compile(r"\bsatuan\b", regex.I)


def _units(grid: Grid, j: int) -> bool:
    """Column ``j`` holds units: at most ``max_unit_words`` words a cell ("Dokumen", "Orang/Bulan"), in most cells."""
    texts = [r[j].text for r in grid.rows if j < len(r) and r[j].text.strip()]
    return bool(texts) and sum(1 for t in texts if len(t.split()) <= DEFAULT.align.max_unit_words) * 2 > len(texts)


def form_columns(header: list[list[Cell]], grid: Grid) -> dict[int, int] | None:
    """A wide form's rows read row by row (``grid.form``: its text cells, then its figures in order, then the words
    after them) laid under a header alone by count: its figures under the header's K / Rp columns one for one, where
    they are as many and each holds the kind its label says (rupiah under "Rp"); its budget code under the "Kode"
    column, the text cells before and after the code under the header's text columns there, in order, two or more
    under one where the header has fewer (a layout text's header sets "Urusan/Program ..." and "Indikator ..." as
    one cell); the words after the figures under the columns after the header's last K / Rp, if any. None where the
    counts or kinds disagree: the laying by types (aligned_columns) is tried then."""
    width = max((len(r) for r in header), default=0)
    kinds = _label_kinds(header, width)
    values = [i for i, k in enumerate(kinds) if k is not None]
    paths = flatten_header(header, width)
    for p, i in zip(values, values[1:], strict=False):
        if kinds[p] is False and kinds[i] is True and any("%" in part for part in paths[p]):
            kinds[i] = False  # the Rp of a "Tingkat Capaian (%)" pair whose label a layout text set over its K only
    types = [column_type([r[j].text for r in grid.rows if j < len(r)]).type for j in range(grid.n_cols)]
    end = grid.n_cols
    if end and types[end - 1] in _WORD_TYPES:
        end -= 1  # the words after the figures
    start = end - len(values)
    if not values or start < 1 or any(types[j] not in NUMERIC_TYPES and types[j] is not ColType.EMPTY
                                       for j in range(start, end)):
        return None
    if any(types[j] is not ColType.EMPTY and (types[j] is ColType.MONEY) != kinds[i]
           for j, i in zip(range(start, end), values, strict=True)):
        return None
    mapping = dict(zip(range(start, end), values, strict=True))
    labels = _last_labels(header, width)
    text_cols = [i for i in range(values[0]) if any(i < len(r) and r[i].text.strip() for r in header)]
    code_at = next((i for i in text_cols if _CODE_LABEL.search(" ".join(paths[i]))), None)
    code_col = next((j for j in range(start) if types[j] is ColType.CODE), None)
    if not text_cols:
        return None
    if code_at is not None and code_col is not None:
        sides = [(range(code_col), [i for i in text_cols if i < code_at]),
                 (range(code_col + 1, start), [i for i in text_cols if i > code_at])]
        mapping[code_col] = code_at
    else:
        sides = [(range(start), text_cols)]
    for cols, under in sides:
        cols = list(cols)
        if cols and not _units(grid, cols[-1]):
            # a "Satuan" column takes only units: where the form's last text cells are longer (the unit read with
            # its indicator, a space apart), the indicator goes under the name's column with it
            under = [i for i in under if not _SATUAN_LABEL.search(" ".join(paths[i]))] or under
        if not under:
            if any(types[j] is not ColType.EMPTY for j in cols):
                return None  # words with no column to go under
            continue
        extra = max(0, len(cols) - len(under))
        for k, j in enumerate(cols):  # the first columns share the first label where the header has fewer
            mapping[j] = under[max(0, k - extra)] if len(cols) > len(under) else under[k]
    after = [i for i in range(values[-1] + 1, width) if labels[i]]
    if end < grid.n_cols and after:
        mapping[end] = after[0]
    return mapping


def aligned_columns(group: list[_Piece], grid: Grid, body: list[list[Cell]],
                    settings: JoinSettings = DEFAULT.join) -> dict[int, int] | None:
    """A headerless piece laid under the columns of the table it follows, with another column count or other
    places than the table's pieces so far (pdftotext -layout sets each page on its own character grid; a reader
    cuts one table into pieces where its rows change their layout): its filled columns go, in order, onto the
    table's columns by their types (code, text, money, percent, ...: :mod:`extractors.coltypes`) and places.
    Two or more neighbouring columns of the piece may go under one column of the table (their cells joined)
    when their cells so joined are of that column's type: the table's first piece set two columns as one (a
    header label over both, "Capaian (%) Predikat"), and its rows hold both figures in one cell too.

    Taken only when the laying is clear: every filled column of the piece goes under a column of the table,
    figures never under words, three columns or more whose types are known on both sides, most figure columns
    of the same type as the table's, and no other laying close to it in score. Else None: a wrong join puts
    figures under wrong roles, a piece left alone only loses its rows.

    Under a header alone (its rows on the next page, no typed column yet), the labels stand for the types: figures go
    under K and Rp sub-labels by their kind, codes, names and units under the other labels, in order, places only
    breaking ties (``settings.header_only_margin``)."""
    first = group[0]
    width = first.grid.n_cols
    table_rows = [r for p in group for r in p.body if not is_numbering_row(r)]  # the header's column numbers aside
    old = [column_type([r[i].text for r in table_rows if i < len(r)]).type for i in range(width)]
    new = [column_type([r[j].text for r in body if j < len(r)]).type for j in range(grid.n_cols)]
    cols = [j for j, t in enumerate(new) if t is not ColType.EMPTY]
    if len(cols) < _MIN_COLUMNS:
        return None
    old_at = _spans_places(_column_spans(first.grid)) + [None] * width
    new_at = _spans_places(_column_spans(grid))
    stacked = [figures_per_cell([r[i].text for r in table_rows if i < len(r) and r[i].text]) for i in range(width)]
    labelled = _label_kinds(first.header, width)
    # a header alone (its rows on the next page): its K / Rp labels say what its figure columns hold, and a column of
    # other words takes a piece's codes, names or units, never its figures
    worded = [not table_rows and labelled[i] is None and any(i < len(r) and r[i].text.strip() for r in first.header)
              for i in range(width)]

    def joined(run: tuple[int, ...]) -> list[str]:
        return [" ".join(r[j].text for j in run if j < len(r) and r[j].text) for r in body]

    def run_type(run: tuple[int, ...]) -> ColType:
        return new[run[0]] if len(run) == 1 else column_type(joined(run)).type

    def score(run: tuple[int, ...], i: int) -> float | None:
        figures = [j for j in run if new[j] in NUMERIC_TYPES]
        if len(figures) > 1 and len(figures) != stacked[i] and any(
                sum(1 for j in figures if j < len(r) and r[j].text) > 1 for r in body):
            # columns of figures go as one where the table's cells hold as many figures each (a header label
            # set over two columns), or where they are one column cut in two (never both filled in one row)
            return None
        if len(run) > 1 and ColType.TEXT in {new[j] for j in run} and any(
                new[j] in NUMERIC_TYPES and (k or new[j] is not ColType.NUMBER) for k, j in enumerate(run)):
            return None  # a figure is never part of a name; an item number before it may be ("2 Meningkatnya ...")
        kind = _type_score(run_type(run), old[i])
        if worded[i]:
            kind = 1.0 if run_type(run) in _WORD_TYPES else None
        if old[i] is ColType.EMPTY and labelled[i] is not None and run_type(run) is not ColType.EMPTY:
            # a column the table has not filled yet, whose label says money or not: figures of that kind go
            # under it as under a column of their type, other figures and words never
            money = run_type(run) is ColType.MONEY
            kind = 2.0 if run_type(run) in NUMERIC_TYPES and money == labelled[i] else None
        if kind is None:
            return None
        if kind > 0 and old[i] in NUMERIC_TYPES and figures_per_cell([t for t in joined(run) if t]) != stacked[i]:
            return None  # one figure a cell under two a cell, or two under one (two columns a reader set as one)
        spans = [new_at[j] for j in run if new_at[j] is not None]
        here = (min(x[0] for x in spans), max(x[1] for x in spans)) if spans else None
        a, b = _middle(here), _middle(old_at[i])
        place = settings.place_weight * abs(a - b) if a is not None and b is not None else 0.0
        return kind - place - settings.merge_cost * (len(run) - 1)

    # the two best layings of columns cols[a:] onto the table's columns b.., order kept (dynamic programming);
    # a laying: for each of the table's columns taken, the run of the piece's columns under it
    best: dict[tuple[int, int], list[tuple[float, tuple[tuple[int, tuple[int, ...]], ...]]]] = {}
    for a in range(len(cols), -1, -1):
        for b in range(width, -1, -1):
            if a == len(cols):
                best[a, b] = [(0.0, ())]
                continue
            if b == width:
                best[a, b] = []
                continue
            options = list(best[a, b + 1])
            for n in range(1, settings.max_merged + 1):
                if a + n > len(cols):
                    break
                run = tuple(cols[a:a + n])
                here = score(run, b)
                if here is not None:
                    options += [(here + s, ((b, run), *rest)) for s, rest in best[a + n, b + 1]]
            best[a, b] = sorted(options, key=lambda o: -o[0])[:2]
    layings = best[0, 0]
    margin = settings.clear_margin if table_rows else settings.header_only_margin
    if not layings or (len(layings) > 1 and layings[0][0] - layings[1][0] < margin):
        return None
    mapping = {j: i for i, run in layings[0][1] for j in run}
    if not table_rows:  # a header alone: its figures under its K / Rp labels, three or more of them
        labelled_runs = [i for i, run in layings[0][1] if labelled[i] is not None]
        return mapping if len(labelled_runs) >= _MIN_COLUMNS else None
    known = [(run_type(run), old[i]) for i, run in layings[0][1] if old[i] is not ColType.EMPTY]
    figures = [(a, b) for a, b in known if a in NUMERIC_TYPES]
    agree = sum(1 for a, b in figures if a is b)
    if len(known) < _MIN_COLUMNS or not agree or agree < settings.figure_agree_share * len(figures):
        return None
    return mapping


def _union(a: tuple[float, float, float, float] | None, b: tuple[float, float, float, float] | None
           ) -> tuple[float, float, float, float] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def _onto_columns(body: list[list[Cell]], mapping: dict[int, int], width: int) -> list[list[Cell]]:
    """A continuation's rows moved under the first piece's columns (``mapping``: its column -> the first's)."""
    out = []
    for row in body:
        ref = next((c for c in row if c.line is not None or c.page is not None), Cell(""))
        moved = [Cell("", ref.page, ref.line) for _ in range(width)]
        for j, cell in enumerate(row):
            if cell.text and j in mapping:
                held = moved[mapping[j]]
                moved[mapping[j]] = cell if not held.text else Cell(  # two columns under one: their texts joined
                    f"{held.text} {cell.text}", held.page, held.line, _union(held.bbox, cell.bbox))
        out.append(moved)
    return out


def _carries_on(group: list[_Piece], grid: Grid, rows: list[list[Cell]]) -> bool:
    """A headerless grid at the top of a later page continues the table above it, even with another column
    count: its columns stand where the last piece's did, or its row numbers carry on the table's ("5" after
    "4"). Only for pages of a PDF (a text input has no page breaks)."""
    last = group[-1]
    if grid.page is None or last.grid.page is None or grid.page <= last.grid.page:
        return False
    if _same_layout(last.grid, grid):
        return True
    numbers = _numbers_go_on(group, grid, rows)
    if numbers is not None:
        return numbers  # the numbers carry on, or start again (another table)
    return _column_map(last.grid, grid) is not None or _from_the_right(rows, group[0].body) is not None


def _numbers_go_on(group: list[_Piece], grid: Grid, rows: list[list[Cell]]) -> bool | None:
    """Whether a piece's first row number carries on the table's last ("5" after "4"); None without numbers."""
    before = next((n for p in reversed(group) for r in reversed(p.body) if (n := _row_number(r)) is not None), None)
    after = next((n for r in [r for r in _after_repeated_row(rows, group[-1], grid) if not is_numbering_row(r)][:3]
                  if (n := _row_number(r)) is not None), None)
    return None if before is None or after is None else after == before + 1


def _after_repeated_row(rows: list[list[Cell]], last: _Piece, grid: Grid) -> list[list[Cell]]:
    """A piece's rows without the first row of the piece before it, printed again at the top of the next page
    (a table whose first row was set to repeat on every page, though it is not a header)."""
    if grid.page is None or last.grid.page is None or grid.page <= last.grid.page:
        return rows
    if rows and last.raw_first and norm(row_text(rows[0])) == norm(row_text(last.raw_first)) != "":
        return rows[1:]
    return rows


def find_caption(lines: list[TextLine], grid: Grid, prev_end: float) -> tuple[str, int | None]:
    before = _gap_lines(lines, prev_end, grid.order)[-6:]
    for k in range(len(before) - 1, -1, -1):
        if CAPTION.match(before[k].text) and len(before[k].text) < 250:
            parts = [t.text for t in before[k:] if len(t.text) < 160][:4]
            return " ".join(parts), before[k].line
    return "", None


def _caption_after(lines: list[TextLine], grid: Grid, next_start: float) -> tuple[str, int | None]:
    end = grid.end_order if grid.end_order is not None else grid.order
    after = _gap_lines(lines, end, next_start)[:2]
    if after and CAPTION.match(after[0].text) and len(after[0].text) < 250:
        return after[0].text, after[0].line
    return "", None


def _context(lines: list[TextLine], grid: Grid, prev_end: float) -> str:
    before = _gap_lines(lines, prev_end, grid.order)[-2:]
    short = [t.text for t in before if len(t.text) < 160]
    return short[-1] if short else ""


_LABEL_PARTS = 3  # a header label cut over at most this many columns of a continuation piece


def _label_anchors(own: list[tuple[int, str]], first: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Each own header column with the first header's column its label stands in: the same labels in order, a
    label cut over two or three adjacent columns on one page ("Capaian" | "(%)" against "Capaian (%)": the column
    finder split it there) counted as one. Empty when the labels are not the same."""
    anchors: list[tuple[int, int]] = []
    i = 0
    for q, label in first:
        for size in range(1, _LABEL_PARTS + 1):
            group = own[i:i + size]
            if len(group) == size and " ".join(t for _, t in group) == label:
                anchors.extend((p, q) for p, _ in group)
                i += size
                break
        else:
            return []
    return anchors if i == len(own) and own else []


def _cut_label_anchors(rows: list[list[Cell]], own_top: list[Cell], first_top: list[Cell]) -> list[tuple[int, int]]:
    """The anchors of a repeated header whose labels were cut over several columns (:func:`_label_anchors`); a
    column whose label is punctuation alone ("(%)") and whose rows leave it empty is the rest of the label on its
    left. One that holds figures is a column of its own that the first header merged with its neighbour
    ("Realisasi (Rp) %" over two columns of figures, h08 as layout text): no anchors then."""
    anchors = _label_anchors([(j, norm(c.text)) for j, c in enumerate(own_top) if norm(c.text)],
                             [(j, norm(c.text)) for j, c in enumerate(first_top) if norm(c.text)])
    if not anchors:
        return []
    for j, c in enumerate(own_top):
        if c.text and not norm(c.text):
            left = [q for p, q in anchors if p < j]
            if not left or sum(1 for r in rows if j < len(r) and r[j].text) * 2 > len(rows):
                return []
            anchors.append((j, left[-1]))
    return sorted(anchors)


def remap_columns(rows: list[list[Cell]], own: list[list[Cell]], first: list[list[Cell]]) -> list[list[Cell]]:
    """A continuation piece that repeats the header with its columns elsewhere (a spacer column dropped or
    added by the converter on another page) has its rows moved under the first piece's columns: each
    column goes where its header label stands in the first header, the cells right of a label with it.

    Public format: converted text of a table over two pages (dev-set d11; 003's Tabel 3.23 in PDF)."""
    own_top = next((r for r in own if any(c.text for c in r)), [])
    first_top = next((r for r in first if any(c.text for c in r)), [])
    own_labels = [(j, norm(c.text)) for j, c in enumerate(own_top) if c.text]
    first_labels = [(j, norm(c.text)) for j, c in enumerate(first_top) if c.text]
    if own_labels and [t for _, t in own_labels] == [t for _, t in first_labels]:
        anchors = [(p, q) for (p, _), (q, _) in zip(own_labels, first_labels, strict=True)]
    else:
        anchors = _cut_label_anchors(rows, own_top, first_top)
    if not anchors:
        return rows
    if all(p == q for p, q in anchors):
        return rows
    out = []
    for row in rows:
        moved: dict[int, Cell] = {}
        for p, cell in enumerate(row):
            p0, q0 = next(((a, b) for a, b in reversed(anchors) if a <= p), anchors[0])
            q = max(0, q0 + p - p0)
            if q in moved and moved[q].text and cell.text:
                prev = moved[q]
                cell = Cell(f"{prev.text} {cell.text}", prev.page, prev.line, prev.bbox)
            elif q in moved and not cell.text:
                continue
            moved[q] = cell
        ref = next((c for c in row if c.line is not None or c.page is not None), Cell(""))
        width = max(moved, default=-1) + 1
        out.append([moved.get(q, Cell("", ref.page, ref.line)) for q in range(width)])
    return out


def _fill(rows: list[list[Cell]]) -> tuple[int, frozenset[int]]:
    """A body's width and the columns most of its rows fill."""
    counts: dict[int, int] = {}
    for r in rows:
        for j, c in enumerate(r):
            if c.text:
                counts[j] = counts.get(j, 0) + 1
    width = max((len(r) for r in rows), default=0)
    return width, frozenset(j for j, n in counts.items() if 2 * n > len(rows))


def _onto_filled_columns(body: list[list[Cell]], first: list[list[Cell]]) -> list[list[Cell]]:
    """A continuation piece narrower than the first one, as wide as the columns the first one's rows fill: the
    first piece has columns of its own that its rows leave empty (a wrapped name read as a column of its own,
    a gutter split in two), so the continuation's columns go, in order, onto the filled ones. Layout text and
    PDFs of the dev set whose first piece's columns were split (h08 as layout text)."""
    width, filled = _fill(first)
    own_width = max((len(r) for r in body), default=0)
    if not body or own_width >= width or own_width != len(filled):
        return body
    return _onto_columns(body, dict(enumerate(sorted(filled))), width)


def _same_fill(body: list[list[Cell]], first: list[list[Cell]]) -> bool:
    """A continuation whose rows fill the same columns as the first piece's rows (whatever empty columns the grid
    adds at its end): its body stands under the first header already, though its own repeated header was set
    elsewhere (a bold header that pdftotext -layout places at other character positions than the rows: holdout
    h08 as layout text)."""
    return bool(body) and bool(first) and _fill(body)[1] == _fill(first)[1]


def _strip_repeated_header(body: list[list[Cell]], header: list[list[Cell]]) -> list[list[Cell]]:
    keys = {norm(row_text(r)) for r in header}
    keys.discard("")
    return [r for r in body if norm(row_text(r)) not in keys or not keys]


def _row_line(row: list[Cell]) -> int | None:
    return next((c.line for c in row if c.line is not None), None)


def _starts_new_table(rows: list[list[Cell]], i: int) -> bool:
    """Row ``i`` of a grid is the header of a second table: after a blank line, every cell a header word,
    laid out unlike the rows above it, and followed by rows of its own."""
    row, above = rows[i], rows[i - 1]
    here, before = _row_line(row), _row_line(above)
    if here is None or before is None or here - before < 2 or i + 1 >= len(rows):
        return False
    cells = [c for c in row if c.text]
    if len(cells) < 2 or not is_header_row(row, first=True):
        return False
    if not all(HEADER_WORDS.search(c.text) or YEAR.search(c.text) for c in cells):
        return False
    header, _ = split_header(rows[:i])
    if any(norm(row_text(h)) == norm(row_text(row)) for h in header):
        return False  # the header repeated inside the table (a page break in the source)
    filled = [j for j, c in enumerate(row) if c.text]
    return len(row) != len(above) or filled != [j for j, c in enumerate(rows[0]) if c.text]


def _top(row: list[Cell]) -> float | None:
    tops = [c.bbox[1] for c in row if c.text and c.bbox is not None]
    return min(tops) if tops else None


_LEAD_IN = regex.compile(r":\s*$")  # "Program dan anggaran untuk mencapai sasaran tersebut:"


def _lead_in(rows: list[list[Cell]], i: int, settings: JoinSettings = DEFAULT.join) -> bool:
    """Row ``i - 1`` of an unruled PDF grid is a sentence introducing the table whose header is row ``i``: its
    words end in a colon, and the row after it is a header of header words with rows of its own under it. The
    column finder took the sentence and the next table into the table above (the Perjanjian Kinerja's "Program
    dan anggaran untuk mencapai sasaran tersebut:" on the PDFs of h04 and d12)."""
    if i + 1 >= len(rows):
        return False
    words = " ".join(c.text for c in rows[i - 1] if c.text)
    cells = [c for c in rows[i] if c.text]
    return (bool(_LEAD_IN.search(words)) and len(words.split()) >= settings.lead_in_words and len(cells) >= 2
            and is_header_row(rows[i], first=True) and all(HEADER_WORDS.search(c.text) or YEAR.search(c.text)
                                                           for c in cells))


def split_inner_tables(grid: Grid) -> list[Grid]:
    """A text grid holding two tables one after the other (blank lines do not end a grid) cut in two. Only
    tab-separated grids: a space-aligned table's blocks are found by the column finder, and its blank lines
    are the converter's (pdftotext -layout spaces out a header's levels: holdout h03 as layout text). An unruled
    PDF grid is cut where a sentence introduces the next table (:func:`_lead_in`), the sentence left out."""
    rows = [r for r in grid.rows if any(c.text for c in r)]
    if grid.reader != "text":
        if grid.ruled or grid.reader == "layout":
            return [grid]
        at = next((i for i in range(2, len(rows)) if _lead_in(rows, i)), None)
        if at is None:
            return [grid]
        top = _top(rows[0])
        middle = grid.order + (_top(rows[at]) - top if top is not None and _top(rows[at]) is not None else 0.5)
        return [replace(grid, rows=rows[:at - 1], end_order=middle - 0.01),
                replace(grid, rows=rows[at:], order=middle)]
    cuts = [i for i in range(2, len(rows)) if _starts_new_table(rows, i)]
    if not cuts:
        return [grid]
    out: list[Grid] = []
    for start, end in zip([0, *cuts], [*cuts, len(rows)], strict=True):
        part = rows[start:end]
        first, last = _row_line(part[0]), _row_line(part[-1])
        order = grid.order if start == 0 else float(first if first is not None else grid.order)
        end_order = grid.end_order if end == len(rows) else float(last if last is not None else order)
        out.append(Grid(rows=part, order=order, page=grid.page, line=first if first is not None else grid.line,
                        reader=grid.reader, confidence=grid.confidence, end_order=end_order, form=grid.form))
    return out


def assemble(doc: Document, settings: Settings = DEFAULT) -> list[Table]:
    grids = sorted((part for g in doc.grids for part in split_inner_tables(g)), key=lambda g: g.order)
    lines = sorted(doc.lines, key=lambda t: t.order)
    pieces: list[list[_Piece]] = []
    prev_end = float("-inf")
    for idx, grid in enumerate(grids):
        rows = [r for r in grid.rows if any(c.text for c in r)]
        if not rows:
            continue
        header, body = split_header(rows, settings.header)
        gap = _gap_lines(lines, prev_end, grid.order)
        caption, cap_line = find_caption(lines, grid, prev_end)
        if pieces and not caption:
            last = pieces[-1]
            first = last[0]
            if (header and _no_labels(header) and _later_page(last, grid)
                    and _after_repeated_header(rows, first.header, header) is None):
                rows = body = _down_onto_figures(rows, len(header))  # a row's upper lines: see _no_labels
                header = []
            if not header:
                gap = _unrepeated(gap, first.header)
            rest = _after_repeated_header(rows, first.header, header)
            repeated = rest is not None
            compatible = abs(grid.n_cols - first.grid.n_cols) <= 1 and not header
            laid: dict[int, int] | None = None
            ordered: list[list[Cell]] | None = None  # the piece's rows laid by the order of their figures
            # a headerless piece at a later page's head may have a split row's fragments above it (read as text)
            quiet = _is_noise(gap) or (not header and _later_page(last, grid) and _page_head_fragments(gap, grid)) or (
                not header and _header_only(last) and _later_page(last, grid) and _headings_only(gap)) or (
                not header and grid.form and last[-1].grid.form and _wrapped_text(gap, settings.layout.max_wrapped))
            formed = None  # a wide form's rows under the table's K / Rp columns, by count (form_columns)
            if grid.form and not header and first.header and quiet:
                if _header_only(last):
                    last[0] = first = _pairs_apart(first)
                formed = form_columns(first.header, grid)
            joins = (repeated and _paragraphs(gap) <= 4) or (compatible and _is_noise(gap)) or (
                    not header and quiet and _carries_on(last, grid, rows)) or (
                    compatible and _header_only(last) and _headings_only(gap)) or formed is not None
            if not joins and not header and grid.reader != "text" and quiet and _numbers_go_on(
                    last, grid, rows) is not False:  # numbers that start again: another table
                own = [r for r in _after_repeated_row(rows, last[-1], grid) if not is_numbering_row(r)]
                if _header_only(last):
                    last[0] = first = _pairs_apart(first)
                laid = aligned_columns(last, grid, own, settings.join)
                if laid is None and grid.reader == "layout":
                    ordered = lay_by_figure_order([r for p in last for r in p.body], first.grid.n_cols, own,
                                                  settings.join)
                joins = laid is not None or ordered is not None
            if joins:
                body = rest if rest is not None else _after_repeated_row(rows, last[-1], grid)
                if formed is not None:
                    body = _onto_columns([r for r in body if not is_numbering_row(r)], formed, first.grid.n_cols)
                elif repeated and header and not _same_fill(body, first.body):
                    remapped = remap_columns(body, header, first.header)
                    if remapped is body and grid.reader != "text" and grid.n_cols != first.grid.n_cols:
                        # its header repeated over other columns that no label ties to the first's (a page of a
                        # layout text set on its own character grid): its columns are laid by their types, as a
                        # headerless piece's are, where that is clear (a tab row's cells are laid out later)
                        laid = aligned_columns(last, grid, body, settings.join)
                        if laid is not None:
                            remapped = _onto_columns(body, laid, first.grid.n_cols)
                    body = remapped
                elif ordered is not None:
                    body = ordered
                elif laid is not None:
                    body = _onto_columns([r for r in body if not is_numbering_row(r)], laid, first.grid.n_cols)
                elif not repeated:
                    body = [r for r in body if not is_numbering_row(r)]
                    mapping = None
                    if grid.n_cols != first.grid.n_cols and grid.reader != "text":
                        # another column count: the columns' types lay it when they can (a layout text's next
                        # page is set on its own character grid, where places alone mislead)
                        mapping = laid = aligned_columns(last, grid, body, settings.join)
                    if mapping is None and grid.n_cols != first.grid.n_cols:
                        mapping = _column_map(first.grid, grid, first.body)
                    if mapping is None and grid.n_cols < first.grid.n_cols and grid.reader != "text":
                        mapping = _from_the_right(body, first.body)  # (a tab row's cells are laid out later)
                    body = (_onto_columns(body, mapping, first.grid.n_cols) if mapping is not None
                            else _onto_filled_columns(body, first.body))
                last.append(_Piece(grid, [], body, raw_first=rows[0], laid=laid is not None or ordered is not None))
                prev_end = grid.end_order if grid.end_order is not None else grid.order
                continue
        if not caption:
            nxt = grids[idx + 1].order if idx + 1 < len(grids) else float("inf")
            caption, cap_line = _caption_after(lines, grid, nxt)
        piece = _Piece(grid, header, body, caption, cap_line, raw_first=rows[0])
        if not caption:
            piece.caption = ""
            piece.notes.append(f"no caption; context: {_context(lines, grid, prev_end)[:80]}")
        pieces.append([piece])
        prev_end = grid.end_order if grid.end_order is not None else grid.order
    return [_build(i + 1, group, settings) for i, group in enumerate(pieces)]


def _build(number: int, group: list[_Piece], settings: Settings = DEFAULT) -> Table:
    first = group[0]
    n_cols = max(max((len(r) for r in (p.body if p.laid else p.grid.rows)), default=0) for p in group)
    header_rows = first.header
    body: list[list[Cell]] = []
    piece_starts: set[int] = set()  # a row cut by a page break continues at the top of the next piece
    for k, piece in enumerate(group):
        rows = _strip_repeated_header(piece.body, header_rows) if header_rows else piece.body
        if k:
            piece_starts.add(len(body))
        body.extend(r for r in rows if not is_numbering_row(r))
    split = _split_column(header_rows, body, n_cols)
    if split is not None:
        header_rows, body, n_cols = _unsplit(header_rows, body, n_cols, split)
    tree, paths = build_tree(header_rows, n_cols, settings.header)
    parts = [list(p) for p in paths]
    whole = first.grid.reader == "text" or first.grid.ruled
    rows = merge_wrapped([_pad(r, n_cols) for r in body], whole_cells=whole, page_breaks=piece_starts)
    notes = list(first.notes)
    if len(group) > 1:
        notes.append(f"joined from {len(group)} pieces")
    if split is not None:
        notes.append(f"column {split + 1} (no label) held one row's wrapped name: joined to column {split}")
    return Table(
        table_id=f"t{number:02d}",
        caption=first.caption,
        header=[" ".join(p) for p in parts],
        header_parts=parts,
        header_tree=tree,
        column_paths=paths,
        rows=rows,
        page=first.grid.page,
        line=first.caption_line or first.grid.line,
        notes=notes,
        reader=first.grid.reader,
        order=first.grid.order,
        laid_out=not whole,
    )


def _pad(row: list[Cell], n: int) -> list[Cell]:
    if len(row) >= n:
        return row
    ref = next((c for c in row if c.line is not None or c.page is not None), row[0] if row else Cell(""))
    return row + [Cell("", page=ref.page, line=ref.line) for _ in range(n - len(row))]


_SECTION = regex.compile(r"^(?:uptd|upt|unit|urusan|bidang|sekretariat|sub\s*bagian|cabang)\b", regex.I)


_GRADED = regex.compile(r"\d+(?:[\.,]\d+)?\s*/\s*[A-E]{1,3}[+-]?")  # a score with its grade: "72/BB"
_CONNECTOR = regex.compile(r"(?:[-,/(&]|\b(?:dan|atau|yang|serta|di|ke|dari|untuk|dengan|pada|dalam|bagi))\s*$",
                           regex.I)


def _has_value(row: list[Cell]) -> bool:
    return any(looks_data(c) for c in row[1:]) or any(
        regex.fullmatch(r"\d+(?:[\.,]\d+)?\s*%?", c.text) or _GRADED.fullmatch(c.text) for c in row[2:]
    )


def is_continuation(row: list[Cell]) -> bool:
    """A line that only carries wrapped text of the row above it."""
    texts = [c.text for c in row if c.text]
    if not texts or row[0].text:
        return False
    if _has_value(row):
        return False
    joined = " ".join(texts)
    if _SECTION.match(joined) or CAPTION.match(joined):
        return False
    return True


def _continues_text(prev: Row, cells: list[Cell]) -> bool:
    """Where a cell's text comes whole (converted text, ruled cells), a text-only row is a heading unless it
    plainly carries on the text above: it starts in lower case, the cell above ends mid-phrase ("dan", "-",
    ","), or it is the next item of a numbered list the cell above began."""
    for j, c in enumerate(cells):
        if not c.text:
            continue
        if c.text[:1].islower():
            return True
        above = prev.cells[j].text if j < len(prev.cells) else ""
        if above and _CONNECTOR.search(above):
            return True
        if next_list_item(above, c.text):
            return True  # the next item of a list the cell above began ("1.Persentase ..." then "2.Persentase")
    return False


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _item_key(text: str) -> tuple[str, ...] | None:
    """An item number as comparable parts: "3." -> ("3",), "2.1" -> ("2", "1"), "IV" -> ("4",), "b)" -> ("b",)."""
    t = text.strip().strip("().").strip()
    if regex.fullmatch(r"\d{1,3}(?:\.\d{1,2})*", t):
        return tuple(str(int(p)) for p in t.split("."))
    if regex.fullmatch(r"[ivxlc]{1,5}", t, regex.I) and len(t) > 1 or t.upper() in ("I", "V", "X"):
        vals = [_ROMAN[ch] for ch in t.lower()]
        return (str(sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))),)
    if regex.fullmatch(r"[a-z]", t):
        return (t,)
    return None


def _follows(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """b is the item right after a in the same list ("3" -> "4", "2.1" -> "2.2", "b" -> "c")."""
    if len(a) != len(b) or a[:-1] != b[:-1]:
        return False
    x, y = a[-1], b[-1]
    if x.isdigit() and y.isdigit():
        return int(y) == int(x) + 1
    return len(x) == len(y) == 1 and ord(y) == ord(x) + 1


def _between_siblings(prev: Row, cells: list[Cell], nxt: list[Cell] | None) -> bool:
    """A text-only line between item n (with its figures) and item n+1, outside the item's name column,
    carries on item n's text ("... Kewenangan" / "Kabupaten/Kota" under the indicator: 000's Tabel 4,
    dev-set d07/d10). In the name column it may be a kegiatan heading inside a sub-kegiatan list whose
    numbering runs on across kegiatan (003's Renja table): there only the phrase rules decide."""
    if nxt is None or not prev.cells or not _has_value(prev.cells) or len(cells) < 2 or cells[1].text:
        return False
    a, b = _item_key(prev.cells[0].text), _item_key(nxt[0].text) if nxt else None
    return a is not None and b is not None and _follows(a, b)


def _rest_of_cut_heading(prev: Row, cells: list[Cell]) -> bool:
    """On a PDF page, the first row after a page break holding only text in the very cells a text-only row
    above it filled: the rest of that row's text, cut by the page break ("Pemberdayaan Lembaga ..." / "...
    Desa dan Lembaga Adat")."""
    filled = [j for j, c in enumerate(cells) if c.text]
    above = [j for j, c in enumerate(prev.cells) if c.text]
    if not filled or filled != above or all(c.page is None for c in cells):
        return False
    return not _has_value(cells) and not _has_value(prev.cells) and not any(
        NUMBERING.match(cells[j].text) for j in filled)


def _figures_below_label(prev: Row, cells: list[Cell], nxt: list[Cell] | None) -> bool:
    """A numbered item printed on two lines: its number and name without figures, then a line with the
    figures (and maybe the rest of the name) under an empty number cell, and after it the next item (or
    a heading, or the end). The two lines are one row; its line is the one holding the figures.

    Converters wrap a long name cell this way, leaving the figures on the last line (dev-set fixtures
    d07 and d09; DESIGN.md "cell text wrapped onto continuation lines"); a budget code beside the number is part
    of the label (d08). The look-ahead keeps a numbered
    heading (a sasaran) over several unnumbered indicator rows apart: those rows are not one item. A line with a
    budget code of its own is an item of its own (a sub-kegiatan under its kegiatan's heading, the kegiatan's sums
    in a "Sub Total" row after it: holdout4 j02), whatever follows it."""
    if not prev.cells or not item_id(prev.cells[0].text) or _has_value(_without_codes(prev.cells)):
        return False
    if not cells or cells[0].text or not _has_value(cells) or any(_BUDGET_CODE.match(c.text) for c in cells):
        return False
    return nxt is None or bool(nxt[0].text) or not _has_value(nxt)


# a Permendagri 90/2019 code of a program, kegiatan or sub-kegiatan alone in its cell ("4.02.01.2.09.0002")
_BUDGET_CODE = regex.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){2}(?:\.\d\.\d{2}(?:\.\d{1,4})?)?\s*$")


def _without_codes(cells: list[Cell]) -> list[Cell]:
    """The row's cells with its item number and budget code blanked: they open the row, they are no figures of it
    ("2.1 | 1.02.02.2.01 | Penyediaan Fasilitas ..." over its figures' line, d08's Tabel 3.7)."""
    return [replace(c, text="") if item_id(c.text) else c for c in cells]


def _rest_of_broken_row(prev: Row, cells: list[Cell]) -> list[int] | None:
    """The first row after a page break that only finishes the row the break cut (Word and LibreOffice let a
    row break across pages): in one cell or more the last digits of a figure cut in the same cell above
    ("2.281.900.00" over "0", :func:`extractors.pdf_words.cut_number`), elsewhere nothing or the last lines of
    a text cell; no item number or code, no figure of its own. The columns of the cut figures; None when the
    row is no such rest (a row of its own, or text only, which :func:`is_continuation` judges)."""
    cuts: list[int] = []
    for j, c in enumerate(cells):
        if not c.text:
            continue
        above = prev.cells[j].text if j < len(prev.cells) else ""
        if BROKEN_REST.match(c.text) and above and cut_number(above, c.text):
            cuts.append(j)
        elif item_id(c.text) or NUMBERING.match(c.text) or regex.search(r"\d", c.text):
            return None
        elif above and (looks_data(prev.cells[j]) or regex.match(r"^\W*\d", above)):
            return None  # words under a figure: the columns do not line up
    return cuts or None


def merge_wrapped(rows: list[list[Cell]], whole_cells: bool = False, page_breaks: set[int] | None = None) -> list[Row]:
    """Rows that only carry on the text of the row above are merged into it. ``whole_cells``: the reader
    gives each cell's text whole (converted text, ruled cells), so only rows that plainly carry on a phrase
    are merged, or the first row of a piece after a page break (``page_breaks``: their indexes)."""
    out: list[Row] = []
    breaks = page_breaks or set()
    for k, cells in enumerate(rows):
        if out and _figures_below_label(out[-1], cells, rows[k + 1] if k + 1 < len(rows) else None):
            prev = out[-1]
            for j, c in enumerate(cells):
                if c.text and j < len(prev.cells):
                    old = prev.cells[j]
                    prev.cells[j] = Cell(f"{old.text} {c.text}".strip(), old.page or c.page, c.line or old.line,
                                         old.bbox or c.bbox)
            prev.line = next((c.line for c in cells if c.line is not None), prev.line)
            continue
        cuts = _rest_of_broken_row(out[-1], cells) if k in breaks and out else None
        if cuts is not None:  # the rest of a row broken across the page: its cut figures mended, its text joined
            prev = out[-1]
            for j, c in enumerate(cells):
                if c.text and j < len(prev.cells):
                    old = prev.cells[j]
                    prev.cells[j] = Cell(f"{old.text}{'' if j in cuts else ' '}{c.text}".strip(), old.page or c.page,
                                         old.line or c.line, old.bbox)
            continue
        lenient = not whole_cells or k in breaks
        cut = k in breaks and bool(out) and _rest_of_cut_heading(out[-1], cells)
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        if out and (cut or is_continuation(cells) and (lenient or _continues_text(out[-1], cells)
                                                       or _between_siblings(out[-1], cells, nxt))):
            prev = out[-1]
            for j, c in enumerate(cells):
                if not c.text:
                    continue
                if j < len(prev.cells):
                    old = prev.cells[j]
                    prev.cells[j] = Cell(f"{old.text} {c.text}".strip(), old.page or c.page, old.line or c.line,
                                         old.bbox)
            continue
        line = next((c.line for c in cells if c.line is not None), None)
        page = next((c.page for c in cells if c.page is not None), None)
        out.append(Row(cells=list(cells), page=page, line=line))
    return out


# a split column is told only in a table of this many columns at least (number, name, two figures), from the rows
# holding this many cells at least (a wrapped line's rest holds one or two), and where the rows one column short are
# at least this many times the rows reaching the last column (most rows show the header's true width)
_SPLIT_MIN_COLUMNS = 4
_SPLIT_ROW_CELLS = 3
_SPLIT_NARROW_PER_WIDE = 2


def _filled(row: list[Cell], j: int) -> bool:
    return j < len(row) and bool(row[j].text.strip())


def _split_column(header: list[list[Cell]], body: list[list[Cell]], n_cols: int) -> int | None:
    """A column the column finder made of one row's wrapped words: no header label over it, and the rows that
    fill it with words ("Persentase Koperasi" | "Aktif") are the only ones that reach the last, labelled column,
    while most rows stop one column short and hold the next column's figures in it (they stand one column left
    of the header from there on). None when there is no such column. LibreOffice's prints of holdout h03 (Tabel
    3.2: the first indicator's name over two columns) and the public format's one name per row."""
    if not header or n_cols < _SPLIT_MIN_COLUMNS or not any(_filled(h, n_cols - 1) for h in header):
        return None
    rows = [r for r in body if sum(1 for c in r if c.text.strip()) >= _SPLIT_ROW_CELLS]
    wide = [r for r in rows if _filled(r, n_cols - 1)]
    narrow = [r for r in rows if not _filled(r, n_cols - 1)]
    if not wide or len(narrow) < max(2, _SPLIT_NARROW_PER_WIDE * len(wide)):
        return None
    for j in range(n_cols - 2, 0, -1):
        if any(_filled(h, j) for h in header):
            continue
        words = all(_filled(r, j) and _filled(r, j - 1) and not any(ch.isdigit() for ch in r[j].text + r[j - 1].text)
                    for r in wide)
        shifted = sum(1 for r in narrow if _filled(r, j)) * 2 > len(narrow)
        return j if words and shifted else None
    return None


def _unsplit(header: list[list[Cell]], body: list[list[Cell]], n_cols: int, j: int
             ) -> tuple[list[list[Cell]], list[list[Cell]], int]:
    """The split column ``j`` removed: its words joined to the cell on their left in the rows that fill the last
    column, the other rows' empty last cell dropped (they already stand under the header without ``j``)."""
    out: list[list[Cell]] = []
    for r in body:
        row = list(r)
        if _filled(row, n_cols - 1) and _filled(row, j):
            left = row[j - 1]
            row[j - 1] = replace(left, text=f"{left.text} {row[j].text}".strip())
            del row[j]
        elif len(row) == n_cols and not row[-1].text.strip():
            del row[-1]
        out.append(row)
    return [[c for k, c in enumerate(h) if k != j] for h in header], out, n_cols - 1
