"""Figures of other years printed beside the reporting year's: "Realisasi Tahun 2022", "Capaian Tahun 2021"
columns of a comparison table, per indicator. Prose about those years is checked against them."""

from __future__ import annotations

from dataclasses import dataclass

from extractors.model import Table
from extractors.numbers import Number, parse_number
from extractors.rows import clean_name
from schemas.records import Extraction

WHAT_WORDS = (("capaian", "capaian"), ("realisasi", "realisasi"), ("target", "target"))


@dataclass(frozen=True)
class YearFigure:
    indikator: str
    year: int
    what: str  # target | realisasi | capaian
    number: Number
    table_id: str
    line: int | None
    page: int | None


def _what(table: Table, col: int) -> str:
    """What a year column holds, from its header labels (the nearest naming one wins)."""
    parts = table.header_parts[col] if col < len(table.header_parts) else []
    for label in reversed(parts):
        low = label.lower()
        for word, what in WHAT_WORDS:
            if word in low:
                return what
    return ""


def year_figures(ext: Extraction) -> list[YearFigure]:
    """Every figure under a header naming a year other than the reporting year, with what it is."""
    out: list[YearFigure] = []
    for table in ext.tables:
        names = [j for j, role in enumerate(table.roles) if role == "indikator"]
        if not names:
            continue
        columns = [(j, table.years[j], _what(table, j)) for j, role in enumerate(table.roles)
                   if role == "year" and j < len(table.years) and table.years[j]]
        columns = [(j, y, w) for j, y, w in columns if w and y != ext.info.tahun]
        if not columns:
            continue
        for row in table.rows:
            name = clean_name(" ".join(row.text(j) for j in names))
            if not name:
                continue
            for j, year, what in columns:
                number = parse_number(row.text(j))
                if number.ok:
                    out.append(YearFigure(name, year, what, number, table.table_id, row.line, row.page))
    return out
