"""Put the cells of shifted rows back under the right columns.

Converted and exported tables often lose or gain a cell in some rows: a numbering cell split in
two ("0", "1"), an extra empty cell before the figures, a target K and Rp merged into one cell
("87,57% 2.627.100"), text spilled into a value column. A row that does not fit its header
(text where a figure belongs, a bare number where a name belongs) is re-laid out: its trailing
run of figures goes to the value columns in order, its text to the text columns.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import regex

from extractors.coltypes import ITEM_NUMBER, cell_type, column_type
from extractors.model import Cell, Row, Table
from extractors.numbers import parse_number
from extractors.settings import DEFAULT, AlignSettings
from extractors.vocab import ColType

# columns that hold figures: the value roles, and those holding other figures (another year's, the Renstra's,
# a quarter's, a comparison body's, a derived efficiency)
VALUE_COLUMN_ROLES = {"target", "realisasi", "capaian", "pagu", "realisasi_anggaran", "persen", "sisa", "year",
                      "renstra", "part", "comparison", "derived"}
NUMBERING_CELL = regex.compile(r"^\(?\s*(?:\d{1,2}|[IVXLC]{1,5}|[a-z])\s*[\.\)]?\s*$", regex.I)
_FIGURE = regex.compile(r"^[\s\(\-–]*(?:rp\.?\s*)?[\d\.,]*\d[\d\.,]*\s*%{0,2}[\s\),\-]*$", regex.I)
_FIGURE_UNIT = regex.compile(r"^\s*[\d\.,]*\d[\d\.,]*\s*%?\s*[A-Za-z][\w/\.]*(?:\s+[A-Za-z][\w/\.]*)?\s*$")
_LIST_START = regex.compile(r"^\s*1\s*[\.\)](?!\d)")  # "1. 72,73% 2. 34,29%" is a list; "1.512 Kali" is not
_MERGED = regex.compile(r"^(.*\d.*?\S)\s+((?:rp\.?\s*)?\d{1,3}(?:[\.,]\d{3}){1,4}(?:,-)?)\s*$", regex.I)


# a target given as a range or a bound: "60-65 %", "5 s/d 7", "maks. 10 %", "Minimal 80" (public format:
# PermenPAN-RB 53/2014 allows range targets; dev-set d09/d10 and the holdout reports print them)
_BOUND = regex.compile(
    r"^\s*(?:(?:min(?:imal)?|maks(?:imal)?|max)\.?\s*)?[≥≤<>]?=?\s*\d[\d\.,]*\s*%?\s*"
    r"(?:(?:-|–|s/?d|s\.d\.?|sampai)\s*\d[\d\.,]*\s*%?)?\s*$", regex.I)


def is_figure(text: str) -> bool:
    """A cell that holds a printed figure (number, percent, money, dash, number with unit)."""
    t = text.strip()
    if not t:
        return False
    if t in ("-", "–", "n/a", "N/A") or parse_number(t).status == "empty":  # "nihil", "n.a.": printed as nothing
        return True
    if _FIGURE.match(t) or _FIGURE_UNIT.match(t) or _BOUND.match(t):
        return True
    merged = _MERGED.match(t)
    if merged and (_FIGURE.match(merged.group(1)) or _FIGURE_UNIT.match(merged.group(1))):
        return True  # two figures in one cell ("87,57% 2.627.100")
    if len(t) > DEFAULT.align.figure_max_chars:
        return False
    n = parse_number(t)
    return n.value is not None or bool(n.qualitative)


def _two_figures(text: str) -> bool:
    """Two figures run together in one cell ("52.416 Keping 1.183.420.000": a K and its Rp), not a list."""
    merged = _MERGED.match(text)
    return bool(merged) and not regex.match(_LIST_START, text) and bool(
        _FIGURE.match(merged.group(1)) or _FIGURE_UNIT.match(merged.group(1)))


def _fits(cells: list[Cell], roles: list[str]) -> bool:
    last_value = max((j for j, r in enumerate(roles) if r in VALUE_COLUMN_ROLES), default=-1)
    for j, (cell, role) in enumerate(zip(cells, roles, strict=False)):
        text = cell.text
        if not text:
            continue
        if j > last_value >= 0 and role not in VALUE_COLUMN_ROLES and _FIGURE.match(text):
            return False
        if role in VALUE_COLUMN_ROLES and (not is_figure(text) or _two_figures(text)):
            return False
        if role in ("uraian", "indikator", "sasaran") and (NUMBERING_CELL.match(text) or _FIGURE.match(text)):
            return False
        # a satuan cell holds a unit word, never a bare figure; a numbering cell never a name
        # ("3. PROGRAM X" pushed the row's cells one column left: dev-set d07, 003's "7. Program X")
        if role == "satuan" and _FIGURE.match(text):
            return False
        if role == "no" and len(regex.findall(r"[A-Za-z]{3,}", text)) >= 2:
            return False
    return len([c for c in cells[len(roles):] if c.text]) == 0


def _collapse_numbering(cells: list[Cell]) -> list[Cell]:
    """"0", "1" at the start of a row are one numbering cell ("0 1"). Empty cells are no numbering: two of them
    made one, and the row's name moved a column left (h01's and h04's IKU tables as layout text); an empty cell
    the row has too many is dropped where its text cells are laid out (:func:`realign_row`)."""
    out = list(cells)
    while len(out) > 2 and all(c.text and NUMBERING_CELL.match(c.text) for c in out[:2]):
        a, b = out[0], out[1]
        out[0:2] = [Cell(f"{a.text} {b.text}", a.page, a.line, a.bbox)]
    return out


def _split_merged(cells: list[Cell]) -> list[Cell]:
    out: list[Cell] = []
    for c in cells:
        m = _MERGED.match(c.text) if is_figure(c.text) or regex.search(r"\d", c.text) else None
        if m and not regex.match(_LIST_START, c.text):  # "1. 72,73% 2. 34,29%" is a list
            out.append(Cell(m.group(1).strip(), c.page, c.line, c.bbox))
            out.append(Cell(m.group(2).strip(), c.page, c.line, c.bbox))
        else:
            out.append(c)
    return out


def realign_row(cells: list[Cell], roles: list[str]) -> tuple[list[Cell], bool]:
    """The row's cells under the header's roles, and whether they moved.

    Its trailing run of figures goes to the value columns in order. Where that run holds empty cells between
    its figures and is wider than the value columns, but its figures are exactly as many as the value columns
    (a row set on other character places than the rows above it, so that each figure stands between two
    columns with an empty cell beside it: pdftotext -layout moves a block of rows when the page's flow
    changes, as in d02's and h05's tables on LibreOffice's top-aligned print as layout text), the empty cells
    are dropped and the figures taken in order. With fewer figures than value columns the run stays
    unplaced: which column is the blank one is then a guess."""
    if _fits(cells, roles):
        return cells, False
    value_cols = [j for j, r in enumerate(roles) if r in VALUE_COLUMN_ROLES]
    text_cols = [j for j, r in enumerate(roles) if r not in VALUE_COLUMN_ROLES]
    if not value_cols or not text_cols:
        return cells, False
    work = _collapse_numbering(cells)
    while work and not work[-1].text:
        work.pop()
    # text columns after the figures (predikat, keterangan): their cells are set aside, then put back
    tail_cols = [j for j in text_cols if j > value_cols[-1]]
    tail: list[Cell] = []
    while work and len(tail) < len(tail_cols) and work[-1].text and not regex.search(r"\d", work[-1].text):
        tail.insert(0, work.pop())
    start = len(work)
    while start > 0 and (is_figure(work[start - 1].text) or not work[start - 1].text):
        start -= 1
    run = _split_merged(work[start:])
    while run and not run[0].text and len(run) > len(value_cols):
        run.pop(0)
    if len(run) > len(value_cols) and sum(1 for c in run if c.text) == len(value_cols):
        run = [c for c in run if c.text]  # empty cells between the figures (docstring)
    if not run or len(run) > len(value_cols):
        return cells, False
    ref = next((c for c in cells if c.line is not None or c.page is not None), cells[0])
    out = [Cell("", ref.page, ref.line) for _ in roles]
    for j, cell in zip(value_cols, run, strict=False):
        out[j] = cell
    for j, cell in zip(tail_cols[len(tail_cols) - len(tail):], tail, strict=True):
        out[j] = cell
    lead = [j for j in text_cols if j < value_cols[0]] or text_cols[:1]
    head = work[:start]
    while len(head) > len(lead) and any(not c.text for c in head):
        # more cells than the header has text columns there: an empty cell beside a filled one is a column the
        # row's own layout added (a numbering cell cut from its name, "4. | | Pengelolaan ..."), not a blank
        head.remove(next(c for c in head if not c.text))
    numbered = _NUMBERED_HEAD.match(head[0].text) if head else None
    if numbered and len(head) < len(lead):
        # "6. Program X" (or "3 Waktu tunggu", its number bare) in one cell where the header has a numbering
        # column and a name column
        first = head[0]
        head = [Cell(numbered.group(1), first.page, first.line, first.bbox),
                Cell(numbered.group(2), first.page, first.line, first.bbox), *head[1:]]
    for k, cell in enumerate(head):
        j = lead[min(k, len(lead) - 1)]
        if k < len(lead):
            out[j] = cell
        elif cell.text:
            out[j] = Cell(f"{out[j].text} {cell.text}".strip(), out[j].page or cell.page, out[j].line or cell.line)
    return out, True


_ITEM_MARK = r"\(?(?:\d{1,2}|[a-z])[\.\)]"  # a row's number with its mark: "6.", "a)", "(3)"
_NUMBERED_TEXT = regex.compile(rf"^\s*({_ITEM_MARK})\s+(\S.*)$", regex.I)
# the same, or a bare row number before a word: where a row's number and name share the cell left of its figures and
# the header has a column for each, the number is the row's whatever its mark ("3 Waktu tunggu rawat jalan":
# d08's Tabel 3.2 on its LibreOffice print, the name had gone to the number's column and the row was read nameless)
_NUMBERED_HEAD = regex.compile(rf"^\s*({_ITEM_MARK}|\d{{1,2}}(?=\s+[A-Za-z]))\s+(\S.*)$", regex.I)


def _numbering_column(table: Table, settings: AlignSettings = DEFAULT.align) -> bool:
    """Most rows number themselves in the first column ("1", "2.", "a)", "1.1", "2.3.1")."""
    firsts = [row.cells[0].text for row in table.rows if row.cells and row.cells[0].text]
    numbered = sum(1 for t in firsts if ITEM_NUMBER.match(t))
    return len(firsts) >= settings.numbering_min_rows and numbered >= settings.numbering_share * len(firsts)


def shift_short_row(cells: list[Cell]) -> list[Cell] | None:
    """A row one cell short under a numbering column: its number and name share the first cell
    ("7. Program X") or it has no number ("Total ..."). Returns the row moved one cell right, or None."""
    if len(cells) < 3 or cells[-1].text or not cells[0].text or NUMBERING_CELL.match(cells[0].text):
        return None
    first = cells[0]
    if not regex.search(r"[A-Za-z]{3,}", first.text):
        return None
    m = _NUMBERED_TEXT.match(first.text)
    lead = [Cell(m.group(1), first.page, first.line, first.bbox), Cell(m.group(2), first.page, first.line,
                                                                        first.bbox)] if m else [
        Cell("", first.page, first.line), first]
    return lead + cells[1:-1]


_NUMBER_WORD = regex.compile(r"^\(?(?:rp\.?)?\d[\d\.,]*\)?%?$", regex.I)  # "1.065.700.000", "75,00", "92,31%"
_RP_WORD = regex.compile(r"^rp\.?$", regex.I)
_DASH_WORD = regex.compile(r"^[-–]$")
_UNIT_WORD = regex.compile(r"^[A-Za-z][\w/\.\-]*$")  # "Laporan", "Kg/kapita/tahun", "Orang/bulan"


def figure_tokens(text: str, max_units: int = DEFAULT.align.max_unit_words) -> list[str] | None:
    """The figures a run of value cells prints, in order, each with up to ``max_units`` unit words ("12 Laporan",
    "1.065.700.000", "92,31 %", "-"); None where the text holds anything else (a word before any figure, a name
    spilled over, a grade)."""
    tokens: list[str] = []
    units = 0
    prefix = ""
    for word in text.split():
        if _RP_WORD.match(word):
            prefix = word + " "
        elif _DASH_WORD.match(word):
            tokens.append(prefix + word)
            prefix, units = "", max_units  # a dash takes no unit
        elif _NUMBER_WORD.match(word):
            tokens.append(prefix + word)
            prefix, units = "", 0
        elif word == "%" and tokens and not prefix and not tokens[-1].endswith("%") and units == 0:
            tokens[-1] += " %"
            units = max_units
        elif (_UNIT_WORD.match(word) and tokens and not prefix and units < max_units
              and not parse_number(word).qualitative):  # a grade ("BB", "Baik") is a value of its own
            tokens[-1] += " " + word
            units += 1
        else:
            return None
    return None if prefix else tokens


def _is_money(text: str) -> bool | None:
    """Whether a printed figure is an amount of rupiah (None for a dash: it fits any column)."""
    kind = cell_type(text)
    return None if kind is ColType.EMPTY else kind is ColType.MONEY


def resequence_row(cells: list[Cell], value_cols: list[int], money: Callable[[], list[bool]],
                   max_units: int = DEFAULT.align.max_unit_words) -> list[Cell] | None:
    """The row with its figures read in order into the value columns, or None where that is not clearly better.

    pdftotext -layout sets each figure where its words fall on the page's character grid, so a row whose cells
    hold figures of other widths than the rows around it drifts: a K's unit lands in the next Rp cell ("45.000.000
    9 | Izin"), a column is left empty and its figure sits beside the next one (h03's and h04's K/Rp tables as
    layout text). The order of a row's figures survives the drift. So where the figures from the first value
    column on are exactly as many as the value columns, and laid in order each money figure falls under a money
    column (``money``: the column's values are mostly rupiah) and each other figure under another column, while
    as the cells stand some value cell breaks that (holds no figure, two, or one of the other kind), the figures
    are laid in order. Public format: the K / Rp column pairs of the Permendagri 86/2017 evaluation forms, and
    the target / realisasi / capaian sequence of PermenPAN-RB 53/2014's measurement tables; seen drifting in
    h03, h04 and i01 (three reports of three agencies) as layout text."""
    if len(value_cols) < 2 or len(cells) <= value_cols[0]:
        return None
    start, end = value_cols[0], value_cols[-1] + 1
    while end < len(cells) and regex.search(r"\d", cells[end].text):
        end += 1  # a figure pushed past the last value column; a remark after it (no figure) stays
    text = " ".join(cells[j].text for j in range(start, min(end, len(cells))) if cells[j].text)
    if len(text.split()) < len(value_cols) - 1:
        return None  # fewer words than value columns, one aside: fewer figures too
    tokens = figure_tokens(text, max_units)
    if tokens is None:
        return None
    label_at = next((j for j in range(start - 1, -1, -1) if cells[j].text), None)
    label = None
    if len(tokens) == len(value_cols) - 1 and label_at is not None:
        # the first figure set in the label's cell, the label spanning the columns before the figures ("JUMLAH
        # 110.360.295.300,00 | 106.866.932.395,00 | ...": held-out h02's total row on the hrules print)
        pulled = _trailing_figure(cells[label_at].text)
        if pulled is not None:
            label, first = pulled
            tokens = [first, *tokens]
    if len(tokens) != len(value_cols):
        return None
    kinds = money()
    if any((m := _is_money(t)) is not None and m != kinds[k] for k, t in enumerate(tokens)):
        return None
    placed = {j: k for k, j in enumerate(value_cols)}

    def fits(j: int) -> bool:
        text = cells[j].text if j < len(cells) else ""
        own = figure_tokens(text, max_units)
        if j not in placed:
            return not text
        if own is None or len(own) != 1:
            return False
        m = _is_money(own[0])
        return m is None or m == kinds[placed[j]]

    if label is None and all(fits(j) for j in range(start, end)):
        return None
    ref = next((c for c in cells if c.line is not None or c.page is not None), cells[0])
    out = [*cells[:start], *(Cell("", ref.page, ref.line) for _ in range(start, end)), *cells[end:]]
    for j, token in zip(value_cols, tokens, strict=True):
        out[j] = Cell(token, ref.page, ref.line)
    if label is not None and label_at is not None:
        held = cells[label_at]
        out[label_at] = Cell(label, held.page, held.line, held.bbox)
    return out


_FORMATTED = regex.compile(r"^(?:rp\.?)?\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?(?:,-)?$", regex.I)


def _trailing_figure(text: str) -> tuple[str, str] | None:
    """A label cell's words and the one figure printed at its end ("JUMLAH 110.360.295.300,00" -> "JUMLAH",
    "110.360.295.300,00"); only an amount in thousands groups (never a year or an item number), after a word."""
    words = text.split()
    if len(words) < 2 or not _FORMATTED.match(words[-1]) or not regex.search(r"[A-Za-z]{2,}", words[-2]):
        return None
    return " ".join(words[:-1]), words[-1]


def realign(table: Table, settings: AlignSettings = DEFAULT.align) -> list[int]:
    """Re-lay out the rows of a table that do not fit its header; returns the positions of those moved."""
    moved: list[int] = []
    roles = table.roles
    numbered = _numbering_column(table, settings)
    value_cols = [j for j, r in enumerate(roles) if r in VALUE_COLUMN_ROLES]

    @cache
    def money() -> list[bool]:  # which value columns hold rupiah: typed once, when a row needs it
        return [column_type(row.text(j) for row in table.rows).type is ColType.MONEY for j in value_cols]

    for i, row in enumerate(table.rows):
        sequenced = resequence_row(row.cells, value_cols, money, settings.max_unit_words)
        if sequenced is not None:
            table.rows[i] = Row(cells=sequenced, page=row.page, line=row.line)
            moved.append(i)
            continue
        shifted = shift_short_row(row.cells) if numbered and not _fits(row.cells, roles) else None
        if shifted is not None and _fits(shifted, roles):
            table.rows[i] = Row(cells=shifted, page=row.page, line=row.line)
            moved.append(i)
            continue
        cells, changed = realign_row(row.cells, roles)
        if changed:
            table.rows[i] = Row(cells=cells, page=row.page, line=row.line)
            moved.append(i)
    return moved
