"""Figures beside the measurements, as records: the check stage reads these, never raw cells or headers.

    year_figures(tables, tahun) -> list[YearFigure]
        other years' target / realisasi / capaian (comparison tables' "Realisasi Tahun 2022" columns),
        yearly targets of multi-year target tables (Renstra, RPJMD), the Renstra end target and the
        capaian against it with the row's realisasi.
    cell_figures(tables) -> list[CellFigure]
        every figure of a numeric column with its parse status (for malformed figures).

Which column holds what is decided here, from the roles, years and header labels the understanding
stage gave the table; the checks only see the records.
"""

from __future__ import annotations

import regex

from extractors.model import Row, Table
from extractors.numbers import parse_number
from extractors.rows import clean_name
from schemas.records import CellFigure, YearFigure

# what a year column holds, by the nearest naming header label ("Realisasi / Tahun 2022")
WHAT_WORDS = (("capaian", "capaian"), ("realisasi", "realisasi"), ("target", "target"))
NUMERIC_ROLES = {"target", "realisasi", "capaian", "pagu", "realisasi_anggaran", "persen", "sisa"}
# a multi-year series of targets: three years or more make a trend (see pipeline.check.polarity)
SERIES_MIN_COLUMNS = 3


def _what(table: Table, col: int) -> str:
    parts = table.header_parts[col] if col < len(table.header_parts) else []
    for label in reversed(parts):
        low = label.lower()
        for word, what in WHAT_WORDS:
            if word in low:
                return what
    return ""


def _cols(table: Table, role: str) -> list[int]:
    return [j for j, r in enumerate(table.roles) if r == role]


def _header(table: Table, j: int) -> str:
    return table.header[j] if j < len(table.header) else ""


def _year(table: Table, j: int) -> int | None:
    return table.years[j] if j < len(table.years) else None


def _other_years(table: Table, tahun: int | None, conf: float) -> list[YearFigure]:
    names = _cols(table, "indikator")
    columns = [(j, _year(table, j), _what(table, j)) for j in _cols(table, "year") if _year(table, j)]
    columns = [(j, y, w) for j, y, w in columns if w and y != tahun]
    if not names or not columns:
        return []
    out = []
    for i, row in enumerate(table.rows):
        name = clean_name(" ".join(row.text(j) for j in names))
        if not name:
            continue
        for j, year, what in columns:
            number = parse_number(row.text(j))
            if number.ok:
                out.append(YearFigure(table.table_id, i, row.page, row.line, name, what, year, number, conf))
    return out


def _target_series(table: Table, conf: float) -> list[YearFigure]:
    """Year columns of targets: a Renstra table's year columns, or columns whose header says target (never
    realisasi, capaian or the baseline "kondisi")."""
    names = _cols(table, "indikator")
    cols = [j for j, r in enumerate(table.roles)
            if r in ("year", "target") and _year(table, j)
            and not regex.search(r"realisasi|capaian|kondisi", _header(table, j), regex.I)
            and (table.kind == "renstra" or regex.search(r"target", _header(table, j), regex.I))]
    if not names or len(cols) < SERIES_MIN_COLUMNS:
        return []
    out = []
    for i, row in enumerate(table.rows):
        name = row.text(names[-1])
        for j in cols:
            n = parse_number(row.text(j))
            if name and n.ok:
                out.append(YearFigure(table.table_id, i, row.page, row.line, name, "target_series", _year(table, j),
                                      n, conf))
    return out


def _renstra(table: Table, conf: float) -> list[YearFigure]:
    """The Renstra end target and the capaian against it (both columns have the role "renstra"; the one
    whose header speaks of capaian is the percentage), with the row's realisasi."""
    renstra = _cols(table, "renstra")
    capaian = [j for j in renstra if regex.search(r"capaian|persen|%", _header(table, j), regex.I)]
    target = [j for j in renstra if j not in capaian and regex.search(r"target", _header(table, j), regex.I)]
    realisasi, names = _cols(table, "realisasi"), _cols(table, "indikator")
    if len(capaian) != 1 or len(target) != 1 or not realisasi or not names:
        return []
    out = []
    for i, row in enumerate(table.rows):
        for role, j in (("renstra_realisasi", realisasi[-1]), ("renstra_target", target[0]),
                        ("renstra_capaian", capaian[0])):
            out.append(YearFigure(table.table_id, i, row.page, row.line, row.text(names[0]), role, _year(table, j),
                                  parse_number(row.text(j)), conf))
    return out


def year_figures(tables: list[Table], tahun: int | None) -> list[YearFigure]:
    out: list[YearFigure] = []
    for table in tables:
        # the table's own confidence once understood; a table built by hand (tests) has no evidence list
        conf = table.confidence if table.role_confidence else 1.0
        out.extend(_other_years(table, tahun, conf))
        out.extend(_target_series(table, conf))
        out.extend(_renstra(table, conf))
    return out


def _label(row: Row) -> str:
    return next((c.text for c in row.cells if len(c.text) > 3 and not regex.search(r"\d", c.text)), "")


def cell_figures(tables: list[Table]) -> list[CellFigure]:
    out: list[CellFigure] = []
    for table in tables:
        cols = [(j, role) for j, role in enumerate(table.roles) if role in NUMERIC_ROLES]
        if not cols:
            continue
        for i, row in enumerate(table.rows):
            label = _label(row)
            for j, role in cols:
                text = row.text(j)
                if text:
                    out.append(CellFigure(table.table_id, i, row.page, row.line, label, role, parse_number(text)))
    return out
