"""Coverage: which figures of each table ended in a record, and why a table was not read.

An auditor must know what was not checked. For every understood table this counts the figures in
its body (cells whose text reads as a number) and, of those, the ones that ended in a record: the
cells a Measurement, BudgetLine or PlanEntry was made from. The counts go into tables.csv
(n_numeric_cells, n_cells_read, confidence) and documents.csv (tables_with_figures, tables_read,
cells_read_share); a table with figures that gave no record gets a note saying why.

What is not a figure, by the public format rather than by any one report:
- cells of label columns (no, kode, uraian, indikator, sasaran, satuan, formula, keterangan ...):
  numbering, budget codes and names, never values to check;
- numbering ("1.", "2)") and bare years ("2024") in a column without a value role: the row labels
  of a multi-year table or a list;
- a column without a value role whose figures are whole numbers rising row by row: numbering or
  page references (a daftar isi), not values.

Which cells a record was made from mirrors ``extractors.rows``: a Measurement reads the first
target, realisasi and capaian column of its row; a BudgetLine and a PlanEntry read the first filled
cell of each of their roles' columns (pagu, realisasi anggaran, persen, sisa; target or pagu).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from extractors.model import Row, Table
from extractors.numbers import numbers_in, parse_number, split_items
from extractors.settings import DEFAULT, Settings
from extractors.understand import PERFORMANCE_WORDS
from extractors.vocab import TEXT_ROLES, VALUE_ROLES, Role
from schemas.records import BudgetLine, Extraction, Flag, Measurement, PlanEntry, TableInfo

Cell = tuple[int, int]  # (row index in table.rows, column index)

MEASURE_READS = (Role.TARGET, Role.REALISASI, Role.CAPAIAN)
BUDGET_READS = (Role.PAGU, Role.REALISASI_ANGGARAN, Role.PERSEN, Role.SISA)
UNKNOWN_ROLES = frozenset({Role.CONTINUES, Role.OTHER})
ASIDE_ROLES = frozenset({Role.YEAR, Role.RENSTRA})  # figures of other years / the five-year plan: not read

_FIGURE_STATUSES = ("ok", "ambiguous", "malformed")
_NUMBERING = regex.compile(r"^\(?[0-9]{1,2}[.)]$")
# a date ("26/02", "12/02/2025") is a label, not a figure
_DATE = regex.compile(r"^\W*[0-9]{1,2}[/-][0-9]{1,2}(?:[/-][0-9]{2,4})?\W*$")
# share of the steps of a numbering column that must not fall (see _counter)
_COUNTER_SHARE = 0.9
_CODE = regex.compile(r"^[0-9]{1,2}(?:\.[0-9]{1,4}){2,}(?![0-9.,])")
_YEAR = regex.compile(r"^(?:19[5-9][0-9]|20[0-9][0-9])$")
# words that may stand between the figures of one cell: a range ("85 s/d 100"), a pair ("2 dan 3")
_JOINERS = regex.compile(r"\b(?:s\s*/\s*d|s\.d\.?|sd|sampai|dan|atau|and|to)\b", regex.I)
_LETTER = regex.compile(r"\p{L}")


def is_figure(text: str) -> bool:
    """The cell holds a figure: one number (readable or malformed), or several stacked in one cell."""
    text = text.strip()
    if not text or _DATE.match(text) or _is_code(text):
        return False
    n = parse_number(text)
    if n.status in _FIGURE_STATUSES:
        return True
    if n.status != "text":
        return False
    items = split_items(text)
    if len(items) > 1:
        return all(parse_number(item).status in _FIGURE_STATUSES for item in items)
    pieces = numbers_in(text)
    if not pieces:
        return False
    rest = text
    for piece in pieces:
        rest = rest.replace(piece, " ", 1)
    return not _LETTER.search(_JOINERS.sub(" ", rest))


def _is_code(text: str) -> bool:
    """A budget code ("1.06.01", "1.06.01.2.01.0001 Nama"): dotted groups, none of them a thousands group."""
    m = _CODE.match(text)
    return bool(m) and not any(len(g) == 3 for g in m.group(0).split(".")[1:])


def _role(table: Table, j: int) -> str:
    return table.roles[j] if j < len(table.roles) else Role.CONTINUES


def _label_like(text: str) -> bool:
    """Numbering ("1.", "2)") or a bare year: a row label, not a value."""
    text = text.strip()
    return bool(_NUMBERING.match(text) or _YEAR.match(text))


def _counter(values: Sequence[str]) -> bool:
    """Plain whole numbers rising row by row: numbering, or the page numbers of a daftar isi.

    Rising in most steps, not all: a daftar isi joined with its daftar tabel starts again at 1, and
    two entries on one page repeat a number. Counts of people or things do not rise row by row.
    """
    numbers = [parse_number(v) for v in values]
    if len(numbers) < 3 or any(n.value is None or n.decimals or n.percent or n.money or n.unit or n.qualitative
                               or n.value != int(n.value) for n in numbers):
        return False
    ints = [int(n.value) for n in numbers if n.value is not None]
    steps = list(zip(ints, ints[1:], strict=False))
    if len(ints) < 5:
        return all(b > a for a, b in steps)
    return (sum(b >= a for a, b in steps) >= _COUNTER_SHARE * len(steps)
            and sum(b > a for a, b in steps) >= len(steps) / 2)


def numeric_cells(table: Table) -> set[Cell]:
    """The figures in the table's body, as (row, column) positions."""
    found: set[Cell] = set()
    n_cols = max([table.n_cols, *(len(r.cells) for r in table.rows)], default=0)
    for j in range(n_cols):
        role = _role(table, j)
        if role in TEXT_ROLES:
            continue
        cells = [(i, row.text(j)) for i, row in enumerate(table.rows) if is_figure(row.text(j))]
        if role not in VALUE_ROLES:
            cells = [(i, t) for i, t in cells if not _label_like(t)]
            if role not in ASIDE_ROLES and _counter([t for _, t in cells]):
                continue
        found.update((i, j) for i, _ in cells)
    return found


def _cols(table: Table, role: Role) -> list[int]:
    return [j for j, r in enumerate(table.roles) if r == role]


def _first_filled(row: Row, cols: list[int]) -> int | None:
    return next((j for j in cols if row.text(j)), None)


def _plan_rows(table: Table, plan: PlanEntry) -> list[int]:
    """The rows an indicator PlanEntry came from (it keeps no position): same page/line, name and target."""
    name = " ".join(plan.subject.split()).lower()
    t_cols = _cols(table, Role.TARGET)
    found = []
    for i, row in enumerate(table.rows):
        if row.page != plan.page or row.line != plan.line:
            continue
        j = _first_filled(row, t_cols)
        if plan.target is not None and (j is None or row.text(j) != plan.target.raw):
            continue
        if name and name not in " ".join(" ".join(c.text for c in row.cells).split()).lower():
            continue
        found.append(i)
    return found


def read_cells(table: Table, measurements: Iterable[Measurement], budget: Iterable[BudgetLine],
               plans: Iterable[PlanEntry]) -> set[Cell]:
    """The cells of the table that records were made from."""
    rows = table.rows
    read: set[Cell] = set()

    def take(i: int, roles: Sequence[Role], first_column: bool) -> None:
        if not 0 <= i < len(rows):
            return
        for role in roles:
            cols = _cols(table, role)
            j = (cols[0] if cols else None) if first_column else _first_filled(rows[i], cols)
            if j is not None:
                read.add((i, j))

    for m in measurements:
        take(m.row_index, MEASURE_READS, first_column=True)
    for b in budget:
        take(b.position, BUDGET_READS, first_column=False)
    for p in plans:
        if p.kind == "program":
            take(p.position, (Role.PAGU,), first_column=False)
        else:
            for i in _plan_rows(table, p):
                take(i, (Role.TARGET,), first_column=False)
    return read


@dataclass(frozen=True)
class TableCoverage:
    n_numeric: int
    n_read: int
    n_records: int
    confidence: float  # the most confident record of the table; 0 without records
    note: str  # why (part of) the figures were not read; "" when there is nothing to say


def _columns_text(cols: Iterable[int], table: Table) -> str:
    """'3, 4 (year), 9 (renstra)': 1-based column numbers, each run of one role named once."""
    def label(j: int) -> str:
        role = _role(table, j)
        return "role unknown" if role in UNKNOWN_ROLES else str(role)

    parts: list[str] = []
    cols = sorted(cols)
    for k, j in enumerate(cols):
        last_of_label = k + 1 == len(cols) or label(cols[k + 1]) != label(j)
        parts.append(f"{j + 1} ({label(j)})" if last_of_label else str(j + 1))
    return ", ".join(parts)


def why_not_read(table: Table, numeric: set[Cell], read: set[Cell], n_records: int) -> str:
    """A note for the figures that ended in no record: the whole table, or whole columns of it."""
    if not numeric:
        return ""
    unread_cols = {j for _, j in numeric} - {j for _, j in read}
    if n_records:
        return f"figures not read in column(s) {_columns_text(unread_cols, table)}" if unread_cols else ""
    roles = {_role(table, j) for j in range(len(table.roles))}
    figure_roles = {_role(table, j) for _, j in numeric}
    value_roles = sorted(r for r in roles if r in VALUE_ROLES)
    where = _columns_text(unread_cols, table)
    if roles <= UNKNOWN_ROLES | {Role.NO}:
        return f"not read: header not understood (no column roles); figures in column(s) {where}"
    if figure_roles <= UNKNOWN_ROLES:
        return f"not read: figures only in column(s) whose role is unknown: {where}"
    if figure_roles <= UNKNOWN_ROLES | ASIDE_ROLES:
        return f"not read: figures only in other years' or Renstra columns: {where}"
    has_pair = ((Role.TARGET in roles and Role.REALISASI in roles)
                or (Role.PAGU in roles and Role.REALISASI_ANGGARAN in roles))
    if not has_pair and Role.TARGET not in roles and Role.PAGU not in roles:
        found = f" (found: {', '.join(value_roles)})" if value_roles else ""
        return f"not read: no target/realisasi or pagu/realisasi columns{found}"
    if not has_pair:
        return (f"not read: {', '.join(value_roles)} column(s) without the indicator or program names a "
                "planned figure needs")
    return f"not read: no row holds figures in both columns of a pair ({', '.join(value_roles)})"


def table_coverage(table: Table, measurements: Sequence[Measurement], budget: Sequence[BudgetLine],
                   plans: Sequence[PlanEntry]) -> TableCoverage:
    """Coverage of one table from the records made from it (records of other tables are ignored)."""
    meas = [m for m in measurements if m.table_id == table.table_id]
    lines = [b for b in budget if b.table_id == table.table_id]
    plan = [p for p in plans if p.table_id == table.table_id]
    numeric = numeric_cells(table)
    read = read_cells(table, meas, lines, plan) & numeric
    n_records = len(meas) + len(lines) + len(plan)
    confidence = max((r.confidence for r in (*meas, *lines, *plan)), default=0.0)
    return TableCoverage(n_numeric=len(numeric), n_read=len(read), n_records=n_records,
                         confidence=round(confidence, 4), note=why_not_read(table, numeric, read, n_records))


def _merge_note(note: str, extra: str) -> str:
    """The table's notes with `extra` added; run.py's generic 'not read: ...' gives way to a specific one."""
    parts = [p for p in (s.strip() for s in note.split(";")) if p]
    if extra.startswith("not read:"):
        parts = [p for p in parts if not p.startswith("not read:")]
    if extra and extra not in parts:
        parts.append(extra)
    return "; ".join(parts)


def apply_coverage(ext: Extraction) -> None:
    """Fill the coverage fields of ext.table_infos and ext.info from ext.tables and the records."""
    by_id = {t.table_id: t for t in ext.tables}
    infos: list[TableInfo] = []
    n_numeric = n_read = with_figures = tables_read = 0
    for info in ext.table_infos:
        table = by_id.get(info.table_id)
        if table is None:  # an unreadable page: nothing to count
            infos.append(info)
            continue
        cov = table_coverage(table, ext.measurements, ext.budget, ext.plans)
        infos.append(dataclasses.replace(info, n_numeric_cells=cov.n_numeric, n_cells_read=cov.n_read,
                                         confidence=cov.confidence, note=_merge_note(info.note, cov.note)))
        n_numeric += cov.n_numeric
        n_read += cov.n_read
        if cov.n_numeric:
            with_figures += 1
            tables_read += cov.n_records > 0
    ext.table_infos = infos
    ext.info.tables_with_figures = with_figures
    ext.info.tables_read = tables_read
    ext.info.cells_read_share = round(n_read / n_numeric, 4) if n_numeric else None


def unread_flags(ext: Extraction, settings: Settings = DEFAULT) -> list[Flag]:
    """An info flag for each table about performance or budget whose figures none ended in a record, and for
    each page that could not be read: what an auditor must know was not checked (OUTPUT.md's
    unreadable_table). Call after apply_coverage."""
    by_id = {t.table_id: t for t in ext.tables}
    out: list[Flag] = []
    for info in ext.table_infos:
        table = by_id.get(info.table_id)
        if table is None:
            if info.note.startswith("unreadable"):
                out.append(_unread(ext, info, f"Halaman {info.page} tidak terbaca ({info.note}): "
                                              "angkanya tidak diperiksa"))
            continue
        words = " ".join([table.caption, *table.header])
        if info.n_numeric_cells >= settings.coverage.unread_min_figures and not info.n_cells_read \
                and PERFORMANCE_WORDS.search(words):
            name = table.caption or info.table_id
            out.append(_unread(ext, info, f"{name[:80]}: {info.n_numeric_cells} angka tidak terbaca ({info.note}); "
                                          "tabel ini tidak diperiksa"))
    return out


def _unread(ext: Extraction, info: TableInfo, message: str) -> Flag:
    return Flag(ext.info.doc_id, ext.info.source_file, info.table_id, info.page, info.line, "unreadable_table",
                "info", info.caption[:120] or info.table_id, None, None, None, message, confidence=0.0)


__all__ = ["TableCoverage", "apply_coverage", "is_figure", "numeric_cells", "read_cells", "table_coverage",
           "unread_flags", "why_not_read"]
