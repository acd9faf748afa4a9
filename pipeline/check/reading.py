"""How far a row of a laid-out table can be trusted to hold its own figures in its own columns.

A table whose cells the reader built from the page's geometry (``Table.laid_out``: an unruled PDF, a
space-aligned text) can lose a cell, join two cells into one or carry the end of a figure cut over two lines
of its cell into the next row. The figures then stand in the wrong columns or are parts of figures, and the
arithmetic on them fails for reasons of the reading, not of the report. The signs, each seen in the
LibreOffice and reportlab prints of at least two dev or held-out reports:

- a lost cell: a budget figure column the table fills in (nearly) every row is blank in this row while the
  row holds figures in its other budget columns (its figures moved one column over: d08, d10, h04, h05);
- two cells in one: a budget figure cell holding two figures ("208.470.00 96,60": d08, h04);
- a figure of the wrong kind for its column: a percentage or a count in a column of rupiah, a sum of money
  in a percentage column (h04's and h05's misread pieces; OUTPUT.md: capaian and persen are percents);
- a cut figure: a money figure ending in a short group ("10.464.920.00", "5.194.124.547,0") over a bare
  digit or two in the same column of the next row, the figure's end (d06, d09, d12);
- an item number glued before a program's code or name in the name cell ("1 PROGRAM ...": h03, d12, h04);
- a figure a thousand times off: the row's printed % is its realisasi over its pagu only with a group of three
  digits added to one of them (a group left on its cell's next line: h07's print without rules);
- a target and a realisasi of different kinds, a percentage beside a count or a graded score: the two are one
  quantity of one indicator (capaian = realisasi / target, OUTPUT.md), so a cell moved (h03).

Records of such rows keep their figures but their confidence is multiplied by
``settings.confidence.misread_row``, which puts it under the confidence bar: their findings become info flags
naming the doubt. The tab-separated text path gives its cells whole and is left as it was.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from extractors.model import Row, Table
from extractors.numbers import Number, parse_number
from extractors.settings import DEFAULT, Settings
from extractors.vocab import MONEY_ROLES, Role
from schemas.records import Extraction

BUDGET_ROLES = frozenset({Role.PAGU, Role.REALISASI_ANGGARAN, Role.PERSEN, Role.SISA})
PERCENT_ROLES = frozenset({Role.PERSEN, Role.CAPAIAN})

# a figure token: digits with separators, standing apart from other words
_FIGURE = regex.compile(r"(?<![\w.,])\d[\d.,]*\d(?![\w])|(?<![\w.,])\d(?![\w.,])")
# a money figure cut where its cell's line filled: thousands groups, then the separator of the groups again before
# one or two digits ("10.464.920.00", "16,839,536,00"), or a single decimal digit ("5.194.124.547,0")
_CUT = regex.compile(r"^\s*(?:Rp\.?\s*)?\d{1,3}(?:(?P<s>[.,])\d{3})(?:(?P=s)\d{3})*(?:(?P=s)\d{1,2}|[.,]\d)\s*$")
# what is left of a cut figure on the next line: a digit or two
_REMAINDER = regex.compile(r"^\s*\d{1,2}\s*$")


def _blank(text: str) -> bool:
    return not text.strip()


def _rupiah(table: Table, col: int, settings: Settings) -> bool:
    """A column of rupiah: its median figure is money by size (``types.money_min``)."""
    values = sorted(v for row in table.rows if (v := parse_number(row.text(col)).value) is not None and v > 0)
    return bool(values) and values[len(values) // 2] >= settings.types.money_min


# an item number glued before a program's code or name in one cell ("1 PROGRAM PENGAWASAN ...", "2 2.16.02 - PROGRAM
# ...", "1 1.05.02"): the numbering column's cell ran into the name's, or a heading row into the row above it
# (LibreOffice's prints of h03, d12, h04)
_GLUED_NUMBER = regex.compile(r"^\s*\d{1,2}\s+(?:\d+\.\d{2}(?:\.[\dA-Z]+)*\b|(?:\d+(?:\.\d+)+\s*[-–]?\s*)?PROGRAM\b)")


def _first(row: Row, cols: list[int]) -> Number | None:
    for j in cols:
        if row.text(j).strip():
            return parse_number(row.text(j))
    return None


def _kind(n: Number) -> str:
    if n.percent:
        return "percent"
    if n.qualitative:
        return "grade"
    return "count" if n.unit else ""


def _kinds_differ(target: Number | None, real: Number | None) -> bool:
    """A target and a realisasi of one indicator are one quantity: a percentage beside a count with its unit or a
    graded score says a cell moved (LibreOffice's print of h03: '486 Unit' under Target, '108,00%' under
    Realisasi, the target itself glued to the indicator's name)."""
    if target is None or real is None or not (target.ok and real.ok):
        return False
    kinds = {_kind(target), _kind(real)}
    return "percent" in kinds and bool(kinds & {"count", "grade"})


def _thousandfold(row: Row, roles: list[str], tolerance: float) -> bool:
    """The row's printed % is its realisasi over its pagu only with one of the two a thousand times larger: a group
    of three digits stayed on a line of its cell the reader did not take ("84.615" for "84.615.000" over 96.800.000
    at 87,41%: the print without rules of h07's E.81). Rupiah are printed in groups of three digits (DESIGN.md's
    number formats), so a figure cut at a group's separator is off by a power of a thousand; the row's own % is the
    evidence, and a report's own slip of a whole group is a malformed figure the reader cannot tell from it."""
    def first(role: Role) -> float | None:
        n = _first(row, [j for j, r in enumerate(roles) if r == role])
        return n.value if n is not None and n.ok and n.value else None

    pagu, real, persen = first(Role.PAGU), first(Role.REALISASI_ANGGARAN), first(Role.PERSEN)
    if pagu is None or real is None or persen is None:
        return False
    ratio = real / pagu * 100
    return not abs(ratio - persen) <= tolerance * persen and any(
        abs(ratio * k - persen) <= tolerance * persen for k in (1000.0, 0.001))


def misread_rows(table: Table, settings: Settings = DEFAULT) -> dict[int, str]:
    """Rows of a laid-out table (by position) whose figures show a sign of a misreading, with the sign."""
    if not table.laid_out:
        return {}
    roles = [str(r) for r in table.roles]
    budget = [j for j, r in enumerate(roles) if r in BUDGET_ROLES]
    money = [j for j, r in enumerate(roles) if r in MONEY_ROLES]
    percent = [j for j, r in enumerate(roles) if r in PERCENT_ROLES]
    names = [j for j, r in enumerate(roles) if r in (Role.KODE, Role.URAIAN)]
    targets = [j for j, r in enumerate(roles) if r == Role.TARGET]
    reals = [j for j, r in enumerate(roles) if r == Role.REALISASI]
    rupiah = {j for j in money if _rupiah(table, j, settings)}
    types = settings.types
    # the budget columns the table fills: filled in this share of the rows holding budget figures
    with_figures = [row for row in table.rows if any(_FIGURE.search(row.text(j)) for j in budget)]
    filled = {j for j in budget if with_figures and sum(not _blank(row.text(j)) for row in with_figures)
              >= settings.confidence.filled_column_share * len(with_figures)}
    out: dict[int, str] = {}
    for pos, row in enumerate(table.rows):
        texts = {j: row.text(j) for j in budget}
        if any(_FIGURE.search(t) for t in texts.values()):
            lost = [j for j in filled if _blank(texts[j])]
            if lost:
                out[pos] = "sel kosong di kolom angka (angka bergeser kolom)"
                continue
        if any(len(_FIGURE.findall(t)) >= 2 for t in texts.values()):
            out[pos] = "dua angka dalam satu sel"
            continue
        misfit = ""
        for j in rupiah:
            n = parse_number(row.text(j))
            if n.ok and n.value and abs(n.value) < types.pagu_floor:
                misfit = "angka kecil di kolom rupiah"
        for j in percent:
            n = parse_number(row.text(j))
            if n.ok and n.value is not None and abs(n.value) > types.percent_max:
                misfit = "angka rupiah di kolom persen"
        if misfit:
            out[pos] = misfit
            continue
        if _thousandfold(row, roles, settings.confidence.thousandfold_tolerance):
            out[pos] = "angka kehilangan atau mendapat tiga digit (terpotong)"
            continue
        if any(_GLUED_NUMBER.match(row.text(j)) for j in names):
            out[pos] = "nomor urut menempel pada nama program (sel bergabung)"
            continue
        target, real = _first(row, targets), _first(row, reals)
        if _kinds_differ(target, real):
            out[pos] = "target dan realisasi berbeda jenis (sel bergeser)"
    # a cut figure over its end: both rows
    for pos in range(1, len(table.rows)):
        above, here = table.rows[pos - 1], table.rows[pos]
        if any(_CUT.match(above.text(j)) and _REMAINDER.match(here.text(j)) for j in money):
            out.setdefault(pos - 1, "angka terpotong dua baris")
            out.setdefault(pos, "angka terpotong dua baris")
    return out


def lower_misread(ext: Extraction, settings: Settings = DEFAULT) -> Extraction:
    """The extraction with the records of misread rows of laid-out tables under the confidence bar."""
    doubts: dict[tuple[str, int], str] = {}
    for t in ext.tables:
        for pos in misread_rows(t, settings):
            doubts[(t.table_id, pos)] = ""
    if not doubts:
        return ext
    factor = settings.confidence.misread_row

    def lowered(records: Iterable, where: str) -> list:
        return [dataclasses.replace(r, confidence=round(r.confidence * factor, 4))
                if (r.table_id, getattr(r, where)) in doubts else r for r in records]

    return dataclasses.replace(
        ext, measurements=lowered(ext.measurements, "row_index"), budget=lowered(ext.budget, "position"),
        plans=[dataclasses.replace(p, confidence=round(p.confidence * factor, 4))
               if p.kind == "program" and (p.table_id, p.position) in doubts else p for p in ext.plans],
        year_figures=lowered(ext.year_figures, "row_index"))


@dataclass(frozen=True)
class Pieces:
    """Laid-out tables cut where a page ended, whose next piece the reader kept as a table of its own.

    ``continued``: tables whose next table, on the same or the next page, has no caption of its own: rows at the
    table's end may go on there. ``continuing``: those next tables: rows at their start may belong to parents of
    the table before. Both are laid-out (the text path joins its pieces or gives them whole)."""

    continued: frozenset[str] = frozenset()
    continuing: frozenset[str] = frozenset()
    laid_out: frozenset[str] = frozenset()
    # per laid-out table, the rows (positions) holding a sum of money that did not become a record: a row the
    # reader could not place (its figures misplaced, its code cut), whose parent now lacks a child
    unread: dict[str, frozenset[int]] = dataclasses.field(default_factory=dict)


def _pages(table: Table) -> list[int]:
    return [r.page for r in table.rows if r.page is not None] or ([table.page] if table.page is not None else [])


def unread_rows(table: Table, read: set[int], settings: Settings = DEFAULT) -> frozenset[int]:
    """Rows of a laid-out table with a sum of money (``types.money_min`` or more) in a money column that are
    not among the ``read`` positions; and rows the reader re-laid under the header (``Table.shifted_rows``) that
    gave no record, with such a sum in any cell: their figures stand in other columns than their roles' (the grid
    print of h07's E.81, two rows whose wrapped figures ran together in one cell)."""
    money = [j for j, r in enumerate(table.roles) if str(r) in MONEY_ROLES]
    shifted = set(table.shifted_rows)
    out = set()
    for pos, row in enumerate(table.rows):
        if pos in read:
            continue
        # a re-laid row's cells may hold several figures run together: each is looked at
        texts = [t for c in row.cells for t in c.text.split()] if pos in shifted else [row.text(j) for j in money]
        for text in texts:
            n = parse_number(text)
            if n.ok and n.value is not None and abs(n.value) >= settings.types.money_min:
                out.add(pos)
                break
    return frozenset(out)


def table_pieces(ext: Extraction, settings: Settings = DEFAULT) -> Pieces:
    continued: set[str] = set()
    continuing: set[str] = set()
    for before, after in zip(ext.tables, ext.tables[1:], strict=False):
        if not (before.laid_out and after.laid_out) or after.caption.strip():
            continue
        pages_before, pages_after = _pages(before), _pages(after)
        if pages_before and pages_after and 0 <= pages_after[0] - pages_before[-1] <= 1:
            continued.add(before.table_id)
            continuing.add(after.table_id)
    read: dict[str, set[int]] = {}
    for b in ext.budget:
        read.setdefault(b.table_id, set()).add(b.position)
    for p in ext.plans:
        if p.kind == "program":
            read.setdefault(p.table_id, set()).add(p.position)
    unread = {t.table_id: unread_rows(t, read[t.table_id], settings) for t in ext.tables
              if (t.laid_out or t.shifted_rows) and t.table_id in read}
    return Pieces(frozenset(continued), frozenset(continuing), frozenset(t.table_id for t in ext.tables if t.laid_out),
                  {k: v for k, v in unread.items() if v})
