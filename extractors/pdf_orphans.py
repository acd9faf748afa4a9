"""A table's first rows left at the foot of the page before it (orphans), given back to the table: on a PDF
page by the words' positions, in a space-aligned text (``pdftotext -layout``, which sets each page's columns
anew) by the order of the line's runs of words.

An exporter that does not keep a table's header with its first rows (no "repeat header row", no "keep
with next") may print the header, and sometimes a first row or two, at the foot of a page and the rest
of the table on the next page. On the first page the lines are too few to be a table (the column finder
needs ``min_lines`` aligned lines) and stay text, just under the caption; the next page starts with a
table that has no header, whose columns nobody names.

Such lines are taken back as the first rows of that table when (1) the table is the first thing on its
page, (2) the lines are the last ones of the page before, after its last table and right under a caption
(within ``orphan_caption_lines`` lines: a caption may take two),
(3) each line's words fall into the table's columns, each column's words side by side, the first line
in two columns or more (a line in one column under it is a wrapped label, "Capaian" over "(%)"); a header
label wider than its column's figures goes by its run of words (:func:`_labels_of`), and
(4) with them on top, the table has a header that it did not have without them (the header finder
of :mod:`extractors.header` decides, from labels standing over figure columns), or the one header row it had
(sub-labels alone: "Target | Realisasi | % | Pagu | Realisasi | %") is the lowest of a header whose upper rows
are the lines taken, labels spanning its own (holdout4 j01: the upper row left under the caption at a page's
foot). Public format: PermenPAN-RB 53/2014 tables printed across pages; dev-set reports printed by another
exporter (tables of d07, d09, h04, h05 whose header stood alone at a page's foot).
"""

from __future__ import annotations

from dataclasses import replace

from extractors.header import split_header
from extractors.model import Cell, Document, Grid, TextLine, column_ranges
from extractors.numbers import parse_number
from extractors.pdf_columns import CAPTION, is_cut_code
from extractors.pdf_words import BROKEN_REST, CUT, cut_number, mend_cuts, vocabulary
from extractors.settings import DEFAULT, LayoutSettings

_CAPTION = CAPTION  # the column finder's: a line that starts a table's or a figure's caption


def _columns(grid: Grid) -> list[tuple[float, float]] | None:
    """Each column's x range from its cells' boxes; None when a column has no box."""
    ranges = column_ranges(grid.rows, grid.n_cols)
    return None if any(r is None for r in ranges) else [r for r in ranges if r is not None]


def _row_of(line: TextLine, columns: list[tuple[float, float]], slack: float) -> list[Cell] | None:
    """The line's words by column, or None when a word stands outside every column, the words of one
    column are not side by side, or the line has no word."""
    texts: list[list[str]] = [[] for _ in columns]
    last = -1
    for text, x0, x1 in line.words:
        cx = (x0 + x1) / 2
        inside = [j for j, (a, b) in enumerate(columns) if a - slack <= cx <= b + slack]
        if not inside:
            return None
        j = min(inside, key=lambda k: abs(cx - (columns[k][0] + columns[k][1]) / 2))
        if j < last:
            return None
        last = j
        texts[j].append(text)
    if not any(texts):
        return None
    top, bottom = (line.bbox[1], line.bbox[3]) if line.bbox else (0.0, 0.0)
    return [Cell(" ".join(t), page=line.page, line=line.line, bbox=(a, top, b, bottom) if t else None)
            for t, (a, b) in zip(texts, columns, strict=True)]


def _labels_of(line: TextLine, columns: list[tuple[float, float]], slack: float,
               settings: LayoutSettings = DEFAULT.layout) -> list[Cell] | None:
    """A header line's labels by column, where a label is wider than its column's figures: its run of words (words
    closer than a gutter, ``min_gap``) goes to the column its middle stands over, each column reaching to the next
    one's left side ("Target Akhir Renstra (2026)" over a column of "135.000,00" with its last words over the gap
    to the next column: the hrules print of holdout3 i03, Tabel 3.4's header alone at a page's foot). None when a
    run starts left of the first column, or two runs go out of order."""
    runs: list[list[tuple[str, float, float]]] = []
    for word in line.words:
        if runs and word[1] - runs[-1][-1][2] <= settings.min_gap:
            runs[-1].append(word)
        else:
            runs.append([word])
    texts: list[list[str]] = [[] for _ in columns]
    last = -1
    for run in runs:
        middle = (run[0][1] + run[-1][2]) / 2
        if run[0][1] < columns[0][0] - slack:
            return None
        j = max(k for k, (a, _) in enumerate(columns) if k == 0 or a - slack <= middle)
        if j < last:
            return None
        last = j
        texts[j].append(" ".join(w for w, _, _ in run))
    top, bottom = (line.bbox[1], line.bbox[3]) if line.bbox else (0.0, 0.0)
    return [Cell(" ".join(t), page=line.page, line=line.line, bbox=(a, top, b, bottom) if t else None)
            for t, (a, b) in zip(texts, columns, strict=True)]


# how much pdftotext -layout stretches one page's character grid against the next's: h06's header stood 10 %
# wider than its table's rows; a header off by a third or more is another table's
_STRETCH = (0.7, 1.3)


def _rescaled(lines: list[TextLine], columns: list[tuple[float, float]]) -> list[TextLine]:
    """Lines of a space-aligned text's page foot in the character grid of the next page's table: pdftotext
    -layout sets each page's grid anew, so a header standing over the same columns is shifted and stretched
    there. The lines' span (their leftmost start to their rightmost end) is mapped onto the table's."""
    spans = [(w[1], w[2]) for t in lines for w in t.words if len(t.words) >= 2]
    if not spans:
        return lines
    x0, x1 = min(a for a, _ in spans), max(b for _, b in spans)
    c0, c1 = columns[0][0], columns[-1][1]
    if x1 <= x0 or not _STRETCH[0] <= (c1 - c0) / (x1 - x0) <= _STRETCH[1]:
        return lines
    k = (c1 - c0) / (x1 - x0)
    return [replace(t, words=tuple((w, c0 + (a - x0) * k, c0 + (b - x0) * k) for w, a, b in t.words))
            for t in lines]


def _row_in_order(line: TextLine, grid: Grid) -> list[Cell] | None:
    """A space-aligned text line's segments as the cells of a table whose cells carry no position (a
    ``pdftotext -layout`` text sets each page's columns at other character positions): one segment per
    column, in order, when the counts agree — the grid's columns, or the columns its rows fill."""
    texts = [w for w, _, _ in line.words]
    filled = [j for j in range(grid.n_cols)
              if sum(1 for r in grid.rows if j < len(r) and r[j].text) * 2 > len(grid.rows)]
    for targets in (list(range(grid.n_cols)), filled):
        if len(texts) == len(targets) >= 2:
            cells = [Cell("", page=line.page, line=line.line) for _ in range(grid.n_cols)]
            for j, text in zip(targets, texts, strict=True):
                cells[j] = Cell(text, page=line.page, line=line.line)
            return cells
    return None


def _folded(lines: list[TextLine]) -> tuple[list[TextLine], dict[float, list[float]]]:
    """A space-aligned text's lines with a line of one run of words under a line of several folded into the run it
    stands under (a label wrapped in its cell: "Anggaran" over "(Rp)"); both lines are on one page, so on one
    character grid. Also the orders of the lines folded into each line."""
    out: list[TextLine] = []
    folded: dict[float, list[float]] = {}
    for t in lines:
        above = out[-1] if out else None
        if above is not None and len(t.words) == 1 and len(above.words) >= 2:
            text, x0, x1 = t.words[0]
            at = [k for k, (_, a, b) in enumerate(above.words) if a < x1 and x0 < b]
            if len(at) == 1:
                k = at[0]
                word, a, b = above.words[k]
                words = (*above.words[:k], (f"{word} {text}", a, max(b, x1)), *above.words[k + 1:])
                out[-1] = replace(above, text=" ".join(w for w, _, _ in words), words=words)
                folded.setdefault(above.order, []).append(t.order)
                continue
        out.append(t)
    return out, folded


def _levels_in_order(line: TextLine, grid: Grid) -> list[Cell] | None:
    """A space-aligned text line's runs as the upper level of a table's one header row (pdftotext -layout sets the
    page before on another character grid, so the runs' places say little): a run over each column left of the
    labels that the rows fill ("No Kode", "Program / Kegiatan / Sub Kegiatan", "Indikator Kinerja"), in order, and
    the rest spanning the labels in equal groups that end alike ("Kinerja" over "Target | Realisasi | %", "Anggaran"
    over "Pagu | Realisasi | %"): holdout4 j01's Tabel 3.4 with its upper header row at page 9's foot. None where the
    counts do not fit so."""
    labels = [j for j, c in enumerate(grid.rows[0]) if c.text.strip()]
    body = grid.rows[1:]
    if not labels or not body:
        return None
    filled = [j for j in range(labels[0]) if sum(1 for r in body if j < len(r) and r[j].text) * 2 > len(body)]
    runs = [w for w, _, _ in line.words]
    spans = len(runs) - len(filled)
    if spans < 1 or len(labels) % spans:
        return None
    size = len(labels) // spans
    groups = [labels[k * size:(k + 1) * size] for k in range(spans)]
    if spans > 1 and len({grid.rows[0][g[-1]].text.strip().casefold() for g in groups}) != 1:
        return None  # groups that do not end alike are no repeated set of labels
    cells = [Cell("", page=line.page, line=line.line) for _ in range(grid.n_cols)]
    for j, text in zip([*filled, *(g[0] for g in groups)], runs, strict=True):
        cells[j] = Cell(text, page=line.page, line=line.line)
    return cells


def _by_page(doc: Document) -> tuple[dict[int | None, list[TextLine]], dict[int | None, list[Grid]]]:
    """The document's text lines and grids, each by page."""
    lines_on: dict[int | None, list[TextLine]] = {}
    grids_on: dict[int | None, list[Grid]] = {}
    for t in doc.lines:
        lines_on.setdefault(t.page, []).append(t)
    for g in doc.grids:
        grids_on.setdefault(g.page, []).append(g)
    return lines_on, grids_on


def adopt_orphan_rows(doc: Document, settings: LayoutSettings = DEFAULT.layout) -> None:
    """Give a headerless table at the top of a page the rows left at the foot of the page before (in place)."""
    taken: set[float] = set()  # the orders of the lines taken
    lines_on, grids_on = _by_page(doc)
    for index, grid in enumerate(doc.grids):
        if grid.page is None or grid.page < 2:
            continue
        if any(t.order < grid.order for t in lines_on.get(grid.page, [])):
            continue  # something stands above the table on its own page
        if any(g.order < grid.order for g in grids_on.get(grid.page, [])):
            continue
        before = grids_on.get(grid.page - 1, [])
        after_order = max((g.end_order or g.order for g in before), default=-1.0)
        tail = [t for t in lines_on.get(grid.page - 1, []) if t.order > after_order and t.order not in taken]
        own = len(split_header(grid.rows)[0])
        if not tail or own > 1:
            continue  # (a header of one row may be the lower one of two, its upper row left on the page before)
        columns = _columns(grid)
        # pdftotext -layout sets each page's columns a few characters apart: a wider slack there
        slack = settings.orphan_slack_text if grid.reader == "layout" else settings.orphan_slack
        rows: list[list[Cell]] = []
        used: list[float] = []
        candidates = tail[-settings.orphan_max_lines:]
        if grid.reader == "layout" and columns is not None:
            candidates = _rescaled(candidates, columns)
        folded: dict[float, list[float]] = {}  # a line's order -> the orders of the wrapped lines folded into it
        if grid.reader == "layout":
            candidates, folded = _folded(candidates)
        for t in reversed(candidates):
            if _CAPTION.match(t.text) or not t.words:
                break
            row = _row_of(t, columns, slack) if columns is not None else None
            if row is None and columns is not None and grid.reader != "layout":
                row = _labels_of(t, columns, slack, settings)
            if row is None and grid.reader == "layout":
                row = _row_in_order(t, grid)
            if row is None and grid.reader == "layout" and own == 1 and not rows:
                row = _levels_in_order(t, grid)
            if row is None:
                break
            rows.insert(0, row)
            used.append(t.order)
        while rows and sum(1 for c in rows[0] if c.text) < 2:
            rows.pop(0)  # a line in one column is a wrapped label or cell: it needs a line of columns above it
            used.pop()
        while rows:
            header, _ = split_header([*rows, *grid.rows])
            if header and (not own or (len(header) == own + len(rows) and _spans(rows[-1], grid.rows[0]))):
                break
            rows.pop()  # the last adopted line is not needed for a header: try with fewer
            used.pop(0)
        gone = {*used, *(o for u in used for o in folded.get(u, []))}
        above = [t for t in tail if t.order not in gone][-settings.orphan_caption_lines:]
        if not rows or not any(_CAPTION.match(t.text) for t in above):
            continue  # only a table's own rows stand right under its caption (a page footer does not)
        doc.grids[index] = replace(grid, rows=[*rows, *grid.rows])
        taken |= gone
    if taken:
        doc.lines = [t for t in doc.lines if t.order not in taken]


def _spans(upper: list[Cell], lower: list[Cell]) -> bool:
    """``upper`` is a header level over ``lower``: blank over some of its labels (a label spanning them), not the
    same row repeated."""
    return any(not u.text.strip() and low.text.strip() for u, low in zip(upper, lower, strict=False))


def _rests(row: list[Cell], last: list[Cell]) -> set[int] | None:
    """The columns where a head line's cells finish figures cut in the table's last row ("2.250.870.00" over
    "0"); None when a cell is anything else than such a rest or the last lines of a text cell above."""
    cuts: set[int] = set()
    for j, cell in enumerate(row):
        if not cell.text:
            continue
        above = last[j].text if j < len(last) else ""
        if BROKEN_REST.match(cell.text) and above and cut_number(above, cell.text):
            cuts.add(j)
        elif any(ch.isdigit() for ch in cell.text) or not above or above[:1].isdigit() or _CAPTION.match(cell.text):
            return None  # a figure of its own, words where the row had none or under a figure
    return cuts


def mend_broken_rows(doc: Document, settings: LayoutSettings = DEFAULT.layout) -> None:
    """The rest of a table row broken across a page, left as text lines at the next page's head (too few to be a
    table), joined to the row (in place). Word and LibreOffice let a row break across pages: a figure too wide for
    its cell, cut over two lines, may leave its last digits alone above the next page's table ("0" after
    "2.250.870.00": dev-set d03 printed by LibreOffice). Taken when the table closes its page (no line after it)
    and the lines open the next one, each word stands in one of the table's columns
    (:func:`_row_of`, as for orphan rows), and every cell completes a figure cut in the same cell of the table's
    last row (:func:`extractors.pdf_words.cut_number`) or continues a text cell of it; one such figure at least."""
    taken: set[float] = set()
    lines_on, grids_on = _by_page(doc)
    known: list[set[str]] = []

    def words() -> set[str]:
        if not known:
            known.append(vocabulary([*(t.text for t in doc.lines), *(c.text for g in doc.grids for r in g.rows
                                                                    for c in r)]))
        return known[0]

    for index, grid in enumerate(doc.grids):
        if grid.page is None or grid.reader == "layout" or not grid.rows:
            continue
        end = grid.end_order if grid.end_order is not None else grid.order
        if any(t.order > end for t in lines_on.get(grid.page, [])) or any(
                g.order > grid.order for g in grids_on.get(grid.page, [])):
            continue  # the table does not close its page
        nxt = grids_on.get(grid.page + 1, [])
        first = min((g.order for g in nxt), default=float("inf"))
        head = [t for t in lines_on.get(grid.page + 1, []) if t.order < first][:settings.orphan_max_lines]
        columns = _columns(grid)
        if not head or columns is None:
            continue
        last = list(grid.rows[-1])
        cuts: set[int] = set()
        used: list[float] = []
        for t in head:
            row = _row_of(t, columns, settings.orphan_slack)
            found = _rests(row, last) if row is not None else None
            if found is None:
                break
            for j, cell in enumerate(row or []):
                if cell.text:  # a word cut at the cell's edge ("Jumla" / "h") is one word where the report has it
                    glue = "" if j in found else CUT
                    last[j] = replace(last[j], text=mend_cuts(f"{last[j].text}{glue}{cell.text}", words()))
            cuts |= found
            used.append(t.order)
        if not cuts:
            continue
        doc.grids[index] = replace(grid, rows=[*grid.rows[:-1], last])
        taken |= set(used)
    if taken:
        doc.lines = [t for t in doc.lines if t.order not in taken]


def _figure_columns(grid: Grid) -> set[int]:
    """The columns where most of the table's rows hold a figure."""
    return {j for j in range(grid.n_cols)
            if sum(1 for r in grid.rows if j < len(r) and parse_number(r[j].text).value is not None) * 2
            > len(grid.rows)}


WIDOW_MIN_FIGURES = 2  # a widow row fills two of the table's figure columns at least: one figure is a page number's


def _like_rows(row: list[Cell], figures: set[int]) -> bool:
    """A line laid out as one of the table's rows: a figure in two of its figure columns at least, a figure in
    every figure column it fills, and words only where the table has words."""
    filled = [j for j, c in enumerate(row) if c.text]
    numbers = [j for j in filled if parse_number(row[j].text).value is not None]
    return len([j for j in numbers if j in figures]) >= WIDOW_MIN_FIGURES and all(
        (j in figures) == (j in numbers) for j in filled)


def adopt_widow_rows(doc: Document, settings: LayoutSettings = DEFAULT.layout) -> None:
    """A table's last rows printed alone at the head of the next page, given back to the table (in place).

    An exporter that lets a table break anywhere may carry its last row or two (most often the total row)
    over to the next page, where they are too few to be a table and stay text, above everything else of the
    page. The mirror of :func:`adopt_orphan_rows`: taken when the table closes its page, the lines open the
    next one (no table or caption before them), and each line is laid out as one of the table's rows
    (:func:`_row_of` in its columns; figures in two figure columns at least and only there, :func:`_like_rows`)
    up to a line outside the columns (prose, a caption). A line in the columns that is no such row (a wrapped
    cell's line) means rows that cannot be told apart line by line: nothing is taken, unless one row stands
    there alone, its wrapped cells' lines around it (:func:`_widows`).
    Public format: PermenPAN-RB 53/2014 tables printed across pages; dev-set d01 printed by LibreOffice
    ("TOTAL BELANJA" alone between two rules at the top of the page after Tabel 3.8)."""
    taken: set[float] = set()
    lines_on, grids_on = _by_page(doc)
    for index, grid in enumerate(doc.grids):
        if grid.page is None or grid.reader == "layout" or len(grid.rows) < 2:
            continue
        end = grid.end_order if grid.end_order is not None else grid.order
        if any(t.order > end and t.order not in taken for t in lines_on.get(grid.page, [])) or any(
                g.order > grid.order for g in grids_on.get(grid.page, [])):
            continue  # the table does not close its page
        first = min((g.order for g in grids_on.get(grid.page + 1, [])), default=float("inf"))
        head = [t for t in lines_on.get(grid.page + 1, []) if t.order < first and t.order not in taken]
        columns = _columns(grid)
        if not head or columns is None:
            continue
        figures = _figure_columns(grid)
        rows, used = _widows(head[:settings.orphan_max_lines], columns, figures, settings)
        if used:
            doc.grids[index] = replace(grid, rows=[*grid.rows, *rows])
            taken |= set(used)
    if taken:
        doc.lines = [t for t in doc.lines if t.order not in taken]


def _widows(head: list[TextLine], columns: list[tuple[float, float]], figures: set[int],
            settings: LayoutSettings = DEFAULT.layout) -> tuple[list[list[Cell]], list[float]]:
    """The rows a page's head gives back to the table of the page before, and the orders of their lines. Each line
    laid out as a row is one; when a line in the columns is no row, the lines up to the first that leaves the
    table's columns (prose, a caption) or puts words where figures stand (the next table's header) are one row,
    if exactly one of them is a row: its cells wrapped over lines under it (cells set at the top), or as many above
    and under it (cells centred vertically: a code "1.02.02.2.02.0" / "1" over and under the line of a name and its
    figures, LibreOffice's print of dev-set d01, the last row of Tabel 3.7 alone above the page's repeated header).
    More lines above the row than under it are the rest of the page before's last row. Else none."""
    rows: list[list[Cell]] = []
    used: list[float] = []
    laid: list[tuple[TextLine, list[Cell]]] = []
    for t in head:
        row = _row_of(t, columns, settings.orphan_slack) if not _CAPTION.match(t.text) else None
        if row is None:
            break  # prose or a caption: the table has ended
        laid.append((t, row))
    for t, row in laid:
        if not _like_rows(row, figures):
            break
        rows.append(row)
        used.append(t.order)
    if len(rows) == len(laid):
        return rows, used
    cell_lines = []
    for t, row in laid:
        if not _like_rows(row, figures) and any(c.text for j, c in enumerate(row) if j in figures):
            break  # words where figures stand: a header, not a wrapped cell
        cell_lines.append((t, row))
    at = [k for k, (_, row) in enumerate(cell_lines) if _like_rows(row, figures)]
    if len(at) != 1 or at[0] > len(cell_lines) - 1 - at[0]:
        return [], []  # more rows, or more lines above the row than under it: the rest of the page before's row
    row = cell_lines[at[0]][1]
    cells = [replace(c, text=_stack([r[j].text for _, r in cell_lines if r[j].text])) for j, c in enumerate(row)]
    return [cells], [t.order for t, _ in cell_lines]


def _stack(pieces: list[str]) -> str:
    """A cell's lines as one text: a budget code cut at the cell's side joined whole ("1.02.02.2.02.0" over "1")."""
    out = pieces[0] if pieces else ""
    for piece in pieces[1:]:
        out = f"{out}{piece}" if is_cut_code(out, piece) else f"{out} {piece}"
    return out
