"""Rows of a wide evaluation form in a layout text, each read by itself: figures in order, text by its own lines.

The Permendagri 86/2017 evaluation form (E.81: K and Rp for the Renstra target, the realisation so far, the Renja
target, four quarters, the year's realisation and its rate, 14 to 20 figures a row) printed on one landscape page has
narrow columns a single space apart. pdftotext -layout sets each line on the page's character grid by itself, so a
row's words move by a few characters from one row to the next and from a row's first line to its wrapped lines: no
gutter runs through the body, and the column finder merges a row's code, name, indicator and first figures into one
cell (dev-set d03 and d09, holdout h07, as layout texts of their horizontal-rules prints).

What the layout keeps is each row's own shape. Cells are top-aligned, so a row's first line holds the first line of
every cell, its figures in order; its wrapped lines stand under the cells they continue, their left edges aligned
with one another within a character or two. So a row is read by itself:

- its figures, from the first line's run of figures to the end (each with its unit words; a unit cut at its cell's
  edge goes on with the word under it, "Doku" over "men"), the words after the last one being a text cell of their
  own (the unit in charge, "Bidang Tata Lingkungan");
- its text, cut into cells where its wrapped lines start their words at one place (a clear gap before them on some
  line, within ``form_align_chars`` on the others), a budget code being a cell by itself; the first line, set a
  character or two to the right of its wrapped lines, starts a cell only at or right of such a place.

A table is read so only where it is clearly such a form and clearly better read so: ``form_min_rows`` rows or more
open with ``form_min_figures`` figures or more, most of them as many, and the column finder gave it fewer columns
than a row has cells or set a name and its figures in one cell (:func:`as_form`). A row with
fewer figures than most (an empty cell, not a dash) is laid under the columns by the kind of its figures, rupiah
under rupiah, where one laying only fits; else its figures are left unread (a miss, never a figure under a wrong
column).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from extractors.coltypes import NUMERIC_TYPES, cell_type
from extractors.pdf_columns import Metric, UnruledTable, _numbering_line, unruled_tables
from extractors.pdf_words import BROKEN_REST, CUT, GROUPED_REST, Line, Word, cut_number, text_of
from extractors.settings import DEFAULT, LayoutSettings
from extractors.vocab import ColType

BBox = tuple[float, float, float, float]
_DASH = regex.compile(r"^[-–]$")
_UNIT = regex.compile(r"^[A-Za-z%][\w/\.\-%]*$")  # "Dokumen", "Km", "Kg/kapita", "%"
# a figure's rest: its last digits, or whole thousands groups ("0.000" under "37.600.00")
_REST = regex.compile(rf"{BROKEN_REST.pattern}|{GROUPED_REST.pattern}")
_GLUED_UNIT = regex.compile(r"^(\d{1,3})([A-Za-z%]{1,3})$")  # "0M": a rest and a unit set with no space
# an amount cut at its cell's edge, its last group short ("1.110.05" over "2.638"): a whole thousands group after the
# first, where a Permendagri 90/2019 code has two digits ("2.23.02.2.01"), so it is read as a figure, not a code
_CUT_AMOUNT = regex.compile(r"^\d{1,3}(?:\.\d{3})+\.\d{1,2}$")
_WHOLE_DOTS = 2  # dots in a word of three groups: more than a cut figure's or code's rest holds
_CODE_REST = regex.compile(r"^\.?\d{1,4}(?:\.\d{1,4})*\.?$")  # "13", ".0001" under a code cut at its cell's edge


@dataclass(frozen=True)
class FormRow:
    """One row of the form: its text cells (words each), its figures (words each, a figure and its unit words),
    and the words after its last figure."""

    texts: list[list[Word]]
    figures: list[list[Word]]
    trailing: list[Word]
    top: float


def _figure(word: Word) -> bool:
    """A value: an amount, a count, a percentage, a dash, an amount cut at its cell's edge; never a budget code or a
    row's code."""
    return bool(_DASH.match(word.text)) or cell_type(word.text) in NUMERIC_TYPES or bool(_CUT_AMOUNT.match(word.text))


def _code(word: Word) -> bool:
    return cell_type(word.text) is ColType.CODE and "." in word.text and not _CUT_AMOUNT.match(word.text)


def _groups(words: Sequence[Word], max_units: int) -> list[list[Word]] | None:
    """The words as figures each with up to ``max_units`` unit words after it ("2 Doku", "90,00 %"); None where a
    word is neither (a name among the figures)."""
    groups: list[list[Word]] = []
    units = 0
    for w in words:
        if _figure(w) and not _code(w):
            groups.append([w])
            units = max_units if _DASH.match(w.text) else 0
        elif groups and units < max_units and _UNIT.match(w.text) and (
                cell_type(w.text) is not ColType.GRADE or len(w.text) == 1):
            # (a single letter reads as a grade, but after a count it is a unit cut at its cell's edge: "3.500 E" over
            # "ksempl" in holdout4 j03's E.81; a grade of the forms' own is two letters, "BB")
            groups[-1].append(w)
            units += 1
        else:
            return None
    return groups


def _first_line(line: Line, max_units: int) -> tuple[list[Word], list[list[Word]], list[Word]] | None:
    """A row's first line parted into its text words, its figures and the words after its last figure."""
    words = list(line.words)
    figures = [k for k, w in enumerate(words) if _figure(w) and not _code(w)]
    if not figures:
        return None
    last = figures[-1]
    end = last + 1
    while end < len(words) and words[end].text == "%":
        end += 1
    for start in figures:
        groups = _groups(words[start:end], max_units)
        if groups is not None and not any(_code(w) for w in words[start:end]):
            return words[:start], groups, words[end:]
    return None


def _count(line: Line, max_units: int) -> int:
    parts = _first_line(line, max_units)
    return len(parts[1]) if parts else 0


def _starts(lines: Sequence[Line], limit: float, space: float, tol: float, gap_spaces: int) -> list[float]:
    """Where the row's wrapped lines start their text cells: a line's first word, a word after a clear gap
    (``gap_spaces`` spaces or more, a layout text's gutter), and a word at one of those places on another line (within
    ``tol``)."""
    clear: list[float] = []
    for ln in lines:
        ws = [w for w in ln.words if w.x1 <= limit]
        for k, w in enumerate(ws):
            if k == 0 or w.x0 - ws[k - 1].x1 >= gap_spaces * space - 1e-6:
                clear.append(w.x0)
    starts: list[float] = []
    for x in sorted(clear):
        if starts and x - starts[-1] <= tol:
            continue
        starts.append(x)
    return starts


def _text_cells(first: list[Word], wrapped: Sequence[Line], limit: float, settings: LayoutSettings, space: float
                ) -> list[list[Word]]:
    """The row's text words cut into cells (module docstring)."""
    tol = settings.form_align_chars * space
    starts = _starts(wrapped, limit, space, tol, settings.text_min_spaces)
    cells: list[list[Word]] = []
    opened: list[float | None] = []  # the place each cell opened at; None: a code's cell, or before any place
    at = -1  # the last place passed (index into starts)
    for w in first:
        if _code(w):
            cells.append([w])
            opened.append(None)
            at = max([k for k, s in enumerate(starts) if s <= w.x1] or [at])
            continue
        k = max((k for k, s in enumerate(starts) if w.x0 >= s), default=-1)  # the first line stands to the right
        if not cells or (opened[-1] is None and _code(cells[-1][0])) or k > at:  # a code's cell is closed
            cells.append([w])
            opened.append(starts[k] if k >= 0 else None)
        else:
            cells[-1].append(w)
        at = max(at, k)
    if not cells:
        return []
    for ln in wrapped:
        for w in ln.words:
            if w.x1 > limit:
                continue
            code = next((j for j, c in enumerate(cells) if _code(c[0]) and _CODE_REST.match(w.text)
                         and w.x0 < c[0].x1 + space and c[0].x0 < w.x1), None)
            if code is not None:  # a code's rest ("13" under "1.03.10.2.01.")
                cells[code].append(w)
                continue
            places = [j for j, s in enumerate(opened) if s is not None and w.x0 >= s - tol]
            text = [j for j, c in enumerate(cells) if not _code(c[0])]
            j = places[-1] if places else (text[0] if text else 0)
            cells[j].append(w)
    return cells


def _mend_rests(lines: Sequence[Line], space: float, slack_chars: int = DEFAULT.layout.rest_slack_chars) -> list[Line]:
    """A row's figures cut at their cells' edges, their rests on the wrapped lines under them, whole again: under a
    row's first line a wrapped line holds text, so a bare rest under a figure it completes is that figure's (one or
    two such rests a line too, which a whole text's line is not mended for: text_layout.mend_rest_lines)."""
    first = list(lines[0].words)
    out: list[Line] = []
    for ln in lines[1:]:
        kept = []
        for w in ln.words:
            glued = _GLUED_UNIT.match(w.text)  # "0M": a rest and its figure's unit, no space between
            rest = glued.group(1) if glued else w.text
            slack = slack_chars * space
            at = [k for k, u in enumerate(first) if w.x0 < u.x1 + slack and u.x0 < w.x1 + slack
                  and _REST.match(rest) and cut_number(u.text, rest)]
            if len(at) > 1:
                at = [k for k in at if w.x0 < first[k].x1 and first[k].x0 < w.x1]
            if len(at) == 1:
                first[at[0]] = first[at[0]]._replace(text=first[at[0]].text + rest)
                if glued:
                    kept.append(w._replace(text=glued.group(2)))
            else:
                kept.append(w)
        if kept:
            out.append(Line(tuple(kept)))
    return [Line(tuple(first)), *out]


def read_row(lines: Sequence[Line], settings: LayoutSettings = DEFAULT.layout, space: float = 1.0,
             max_units: int = DEFAULT.align.max_unit_words) -> FormRow | None:
    """One row from its lines (the first holding its figures)."""
    lines = _mend_rests(lines, space, settings.rest_slack_chars)
    parts = _first_line(lines[0], max_units)
    if parts is None:
        return None
    text_words, groups, trailing = parts
    limit = groups[0][0].x0 - space / 2  # the text stands left of the first figure
    wrapped = lines[1:]
    texts = _text_cells(text_words, wrapped, limit, settings, space)
    last = groups[-1][-1].x1
    tail = list(trailing)
    for ln in wrapped:
        for w in ln.words:
            if w.x1 <= limit:
                continue
            if trailing and w.x0 >= trailing[0].x0 - settings.form_align_chars * space:
                tail.append(w)
                continue
            if w.x0 > last and not trailing:
                continue
            over = [g for g in groups if any(w.x0 < u.x1 + space and u.x0 < w.x1 + space for u in g)]
            if len(over) > 1:  # near two figures: the one it stands under
                over = [g for g in over if any(w.x0 < u.x1 and u.x0 < w.x1 for u in g)]
            if len(over) == 1 and _UNIT.match(w.text) and len(over[0]) <= max_units:
                over[0].append(w)  # a unit cut at its cell's edge ("Doku" over "men"), or set under its figure
    return FormRow(texts, groups, tail, lines[0].top)


def _rests_only(line: Line) -> bool:
    """A line whose every figure is a bare rest of a cut figure ("00", ".000", "0M"): a wrapped line of the row
    above, whatever its count."""
    figures = [w for w in line.words if any(ch.isdigit() for ch in w.text)]
    # a word of three groups or more ("106.771.000", "2.23.01.2.01.000") is a whole figure or code, never what a cut
    # leaves ("0.000", ".0001"): a row of them opens a row (LibreOffice's top-aligned print of holdout4 j03's E.81)
    return bool(figures) and all((_REST.match(w.text) or _GLUED_UNIT.match(w.text) or _CODE_REST.match(w.text))
                                 and w.text.count(".") < _WHOLE_DOTS for w in figures)


def split_rows(lines: Sequence[Line], settings: LayoutSettings = DEFAULT.layout,
               max_units: int = DEFAULT.align.max_unit_words, pitch: float = 1.0
               ) -> tuple[list[Line], list[list[Line]]] | None:
    """The lines before the form's first row (its header), and its rows' lines: a row opens at a line of
    ``form_min_figures`` figures or more and takes the lines right under it, up to the next such line or a line
    further than ``pitch`` below the one above it."""
    def next_line(k: int) -> bool:  # right under the line above: one pitch, no blank line (two) between
        return lines[k].top - lines[k - 1].top <= pitch * 1.5

    opens = [k for k, ln in enumerate(lines) if _count(ln, max_units) >= settings.form_min_figures
             and not _numbering_line(ln.text.split()) and not (k and _rests_only(ln) and next_line(k))]
    if len(opens) < settings.form_min_rows:
        return None
    rows = []
    for a, b in zip(opens, [*opens[1:], len(lines)], strict=True):
        end = a + 1  # a row's wrapped lines follow its first line (after a gap: a page's running lines, a header)
        while end < b and next_line(end):
            end += 1
        rows.append(list(lines[a:end]))
    return list(lines[:opens[0]]), rows


def lay_figures(rows: list[FormRow]) -> list[list[list[Word] | None]] | None:
    """Each row's figures under the form's figure columns: as many as most rows print, in order; a row printing
    fewer is laid by the kind of its figures (rupiah under a column most rows print rupiah in) where one laying
    only fits, and left without figures where none or several fit (its text is still read: a row cut by a page
    break, h07). None where a row prints more, or where most rows print other counts than the most common one."""
    width = Counter(len(r.figures) for r in rows).most_common(1)[0][0]
    full = [r for r in rows if len(r.figures) == width]
    if 2 * len(full) < len(rows):
        return None
    # a column's kind: what most rows print in it, dashes aside (a dash fits any column)
    money = [next((k for k, _ in Counter(_money(r.figures[j]) for r in full).most_common() if k is not None), None)
             for j in range(width)]
    out: list[list[list[Word] | None]] = []
    for r in rows:
        if len(r.figures) == width:
            out.append(list(r.figures))
            continue
        if len(r.figures) > width:
            return None
        layings = _layings([_money(g) for g in r.figures], money, 0, 0)
        if len(layings) != 1:
            out.append([None] * width)
            continue
        laid: list[list[Word] | None] = [None] * width
        for g, j in zip(r.figures, layings[0], strict=True):
            laid[j] = g
        out.append(laid)
    return out


def _money(group: list[Word]) -> bool | None:
    kind = cell_type(group[0].text)
    return None if _DASH.match(group[0].text) else kind is ColType.MONEY


def _layings(kinds: list[bool | None], columns: list[bool | None], a: int, b: int, cap: int = 2) -> list[list[int]]:
    """Up to ``cap`` ways to lay figures ``kinds[a:]`` under ``columns[b:]`` in order, kinds agreeing."""
    if a == len(kinds):
        return [[]]
    out: list[list[int]] = []
    for j in range(b, len(columns) - (len(kinds) - a) + 1):
        if kinds[a] is not None and columns[j] is not None and kinds[a] != columns[j]:
            continue
        for rest in _layings(kinds, columns, a + 1, j + 1, cap):
            out.append([j, *rest])
            if len(out) >= cap:
                return out
    return out


def _cell(words: Sequence[Word]) -> tuple[str, BBox | None]:
    if not words:
        return ("", None)
    box = (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words), max(w.bottom for w in words))
    return text_of(list(words), (box[0], box[2])), box


def _figure_cell(words: Sequence[Word]) -> tuple[str, BBox | None]:
    """A figure's cell: its first line's words, then the words under it, each a possible cut of the unit above it
    (:func:`extractors.pdf_words.mend_cuts` joins "Doku" and "men" where the document prints "Dokumen")."""
    if not words:
        return ("", None)
    _, box = _cell(words)
    top = min(w.top for w in words)
    first = " ".join(w.text for w in words if w.top == top)
    rest = [w.text for w in words if w.top != top]
    return (CUT.join([first, *rest]) if rest else first), box


def form_cells(rows: list[FormRow], laid: list[list[list[Word] | None]]) -> list[list[tuple[str, BBox | None]]]:
    """The rows' cells on one set of columns: the text cells before a row's budget code, the code, the text cells
    after it (each row's from the left), the figures as laid, and the words after them."""
    def code_at(r: FormRow) -> int | None:
        return next((k for k, c in enumerate(r.texts) if c and _code(c[0])), None)

    coded = [(r, k) for r in rows if (k := code_at(r)) is not None]
    pre = max((k for _, k in coded), default=0)
    post = max([len(r.texts) - k - 1 for r, k in coded] + [len(r.texts) - pre for r in rows if code_at(r) is None]
               + [0])
    width = pre + (1 if coded else 0) + post
    trailing = any(r.trailing for r in rows)
    out: list[list[tuple[str, BBox | None]]] = []
    for r, figures in zip(rows, laid, strict=True):
        texts: list[list[Word]] = [[] for _ in range(width)]
        k = code_at(r)
        if k is None:
            for j, c in enumerate(r.texts[:width]):
                texts[j] = c
        else:
            for j, c in enumerate(r.texts[:k]):
                texts[j] = c
            texts[pre] = r.texts[k]
            for j, c in enumerate(r.texts[k + 1:]):
                texts[min(pre + 1 + j, width - 1)] += c
        cells = [_cell(c) for c in texts] + [_figure_cell(g or []) for g in figures]
        if trailing:
            cells.append(_cell(r.trailing))
        out.append(cells)
    return out


def as_form(table: UnruledTable, metric: Metric, settings: LayoutSettings, space: float, pitch: float
            ) -> list[UnruledTable] | None:
    """A wide evaluation form's table read row by row (:mod:`extractors.form_rows`): its header and its body, each
    row on the form's columns; None where the table is no such form, or where the column finder read it as well: as
    many columns as a row has cells, and no cell holding a row's name with its figures or two figures. ``space``: a
    word space, ``pitch``: the distance of two lines of a cell, in the lines' units (a character and a line on a
    layout text, points on a PDF page)."""
    parts = split_rows(table.lines, settings, pitch=pitch)
    if parts is None:
        return None
    head_lines, row_lines = parts
    if any(_merged(ln.text) for ln in head_lines if not _numbering_line(ln.text.split())):
        return None  # a row of figures above the form's first: a piece whose rows the form reading would part
    rows = [read_row(lines, settings, space) for lines in row_lines]
    if any(r is None for r in rows):
        return None
    form = [r for r in rows if r is not None]
    laid = lay_figures(form)
    if laid is None:
        return None
    cells = form_cells(form, laid)
    # a piece without a header (a page of the form carried on) is read so as well: it joins its header by count
    # (assemble.form_columns), while the finder's columns of one page stand nowhere on another's character grid
    if head_lines and len(cells[0]) <= max(len(r) for r in table.rows) and not any(
            _merged(text) for r in table.rows for text, _ in r):
        return None
    body_top = row_lines[0][0].top
    out = []
    if head_lines:
        out += _form_header(table, head_lines, body_top, metric, settings, pitch, space)
    out.append(UnruledTable((table.bbox[0], body_top, table.bbox[2], table.bbox[3]), cells, [r.top for r in form],
                            [ln for lines in row_lines for ln in lines], form=True))
    return out


def _form_header(table: UnruledTable, head_lines: list[Line], body_top: float, metric: Metric,
                 settings: LayoutSettings, pitch: float, space: float) -> list[UnruledTable]:
    """The form's header: laid on its K / Rp labels and its numbering row where it has both (:func:`by_leaves`);
    else the finder's rows above its first row, where none reaches into it; else the header lines read by themselves
    (the finder set the header's last lines and the first row as one row: h07's later pages)."""
    leaves = by_leaves(head_lines, settings.form_label_slack_chars * space)
    if leaves is not None:
        return [leaves]
    above = [k for k, r in enumerate(table.rows) if all(box is None or box[3] < body_top for _, box in r)]
    if len(above) == sum(1 for top in table.row_tops if top < body_top):
        if not above:
            return []
        return [UnruledTable((table.bbox[0], table.bbox[1], table.bbox[2], body_top - pitch / 2),
                             [table.rows[k] for k in above], [table.row_tops[k] for k in above], head_lines)]
    alone = unruled_tables(head_lines, metric, replace(settings, min_lines=1))
    return alone if len(alone) == 1 else []


_LEAF = regex.compile(r"^(?:K|Rp\.?)$")  # the form's own lowest labels: a figure's count (K) and its rupiah (Rp)
_MIN_PAIRS = 2  # K / Rp pairs a line holds to be the form's lowest header row: one pair could be any two words
_SUBLABEL_CHARS = 4  # a line of sub-labels this short each ("I", "II", "III", "IV", "2024") is a header level


def by_leaves(head_lines: Sequence[Line], slack: float) -> UnruledTable | None:
    """A form's header laid on its lowest labels: its columns start where its K and Rp labels stand, and left and
    right of them where its numbering row's numbers stand ("1 2 3 4 5" over No, Sasaran, Kode, Program and Indikator,
    "17" over the unit in charge), and every header word goes to the column its left edge stands in, a label set up to
    ``slack`` left of its column's start, never past the middle of the column before (pdftotext -layout sets each line
    on the character grid by itself: j03's "Kode" three characters left of its "3", d03's labels where their numbers
    are, its "No" column two characters wide). The labels above are cut over many lines in narrow cells and moved from
    line to line, so no gutter runs through them (holdout4 j03's 28-cell E.81 as layout text: its finder set "Rp K Rp"
    in one cell), while the K / Rp row and the numbering row stand one word a column. Public format: Permendagri
    86/2017's E.81, whose K / Rp labels and numbering row are its own (dev-set d03, d09, holdout h07 and holdout4
    j03). None where the lines hold no such rows."""
    leaf = next((ln for ln in head_lines if len(ln.words) >= 2 * _MIN_PAIRS
                 and all(_LEAF.match(w.text) for w in ln.words)), None)
    numbering = next((ln for ln in head_lines if _numbering_line([w.text for w in ln.words])), None)
    if leaf is None or numbering is None:
        return None
    first, last = leaf.words[0].x0, leaf.words[-1].x1
    anchors = sorted([w for w in numbering.words if w.x1 < first], key=lambda w: w.x0) + list(leaf.words) + sorted(
        [w for w in numbering.words if w.x0 > last], key=lambda w: w.x0)
    starts = [w.x0 for w in anchors]
    if any(b <= a for a, b in zip(starts, starts[1:], strict=False)):
        return None
    # the label lines above the K / Rp row make one header row, cut where a line of sub-labels alone stands ("I II
    # III IV" under "Realisasi Kinerja pada Triwulan": d03); the K / Rp row and the numbering row are rows of their own
    def alone(line: Line) -> bool:
        return line is leaf or line is numbering or (len(line.words) >= 2 and all(
            len(w.text) <= _SUBLABEL_CHARS for w in line.words))

    levels: list[list[Line]] = []
    for line in head_lines:
        if not levels or alone(line) or (len(levels[-1]) == 1 and alone(levels[-1][0])):
            levels.append([line])
        else:
            levels[-1].append(line)
    laid: list[list[list[Word]]] = []
    for level in levels:
        cells: list[list[Word]] = [[] for _ in anchors]
        for w in (w for line in level for w in line.words):
            cells[sum(1 for x, before in zip(starts[1:], starts, strict=False)
                      if x - min(slack, (x - before) / 2) <= w.x0)].append(w)
        laid.append(cells)
    # each column's sides, where its words reach: a word cut at the side is marked so (text_of), for the document's
    # words to mend ("Realisa" / "si")
    sides = [(min((w.x0 for r in laid for w in r[k]), default=0.0),
              max((w.x1 for r in laid for w in r[k]), default=0.0)) for k in range(len(anchors))]
    rows = [[(text_of(ws, sides[k]), _box(ws)) if ws else ("", None) for k, ws in enumerate(r)] for r in laid]
    tops = [level[0].top for level in levels]
    lines = list(head_lines)
    bbox = (min(ln.x0 for ln in lines), lines[0].top, max(ln.x1 for ln in lines), max(ln.bottom for ln in lines))
    return UnruledTable(bbox, rows, tops, lines)


def _box(words: Sequence[Word]) -> BBox:
    return (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words),
            max(w.bottom for w in words))


# a cell the finder made of a row's name and its figures, or of two figures: a number (no code) beside three words,
# or two numbers
_NUMBER_WORD = regex.compile(r"(?<!\S)[-(]?\d[\d.,]*%?\)?(?!\S)")
_LETTER_WORD = regex.compile(r"(?<!\S)[A-Za-z][A-Za-z/()-]+(?!\S)")


def _merged(text: str) -> bool:
    numbers = [n for n in _NUMBER_WORD.findall(text) if cell_type(n) not in (ColType.CODE, ColType.YEAR)]
    return len(numbers) >= 2 or (len(numbers) == 1 and len(_LETTER_WORD.findall(text)) >= 3)
