"""The year's realised budget against its quarters: form E.81's "Realisasi Kinerja pada Triwulan I-IV" columns.

Permendagri 86/2017's evaluation of the Renja (form E.81) prints, for each program, kegiatan and sub-kegiatan, the
budget realised in each quarter (Rp under Triwulan I..IV) and the year's realisation (Rp under "Realisasi Capaian
Kinerja dan Anggaran Renja"): money adds up, so the four quarters are the year. The golds of three reports flag a
row whose quarters do not (dev-set d03, d09, holdout h04); the quarters of the kinerja side (K) are no sum (a
percentage each quarter) and are not checked.

A table is checked only where its reading holds: most of its rows with all figures printed add up, so that the
columns are the quarters and the year as read (the arithmetic the understanding stage tests too,
``understand._quarter_sums``). Behind that, a row that does not add up is a finding, unless the two are not of one
size (a slip changes a digit or two; a percentage read as the year's amount is no slip). The finding reports the
quarters' sum against the year's figure, as the golds of d03 and d09 do (h04's the other way round): the year's
figure is the one the report's budget tables repeat.

A measurement table per quarter ("Realisasi" over "TW I" .. "TW IV" and "s.d. TW IV") is checked the same way for its
rows of whole counts (:func:`check_measure_quarters`); there the finding names the printed figure against the sum.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from extractors.model import Row, Table
from extractors.numbers import parse_number
from extractors.settings import DEFAULT, Settings
from extractors.understand import period_columns
from extractors.vocab import Role
from pipeline.check.messages import fmt
from schemas.records import Extraction, Flag

_QUARTER = regex.compile(r"\b(?:triwulan|tw)\b", regex.I)  # of the periods understand.period_columns knows
_NAME_ROLES = (Role.URAIAN, Role.INDIKATOR)


def _columns(table: Table) -> tuple[int, list[int]] | None:
    """The year's realised-budget column and its quarter columns: PART columns under a quarter label whose own label
    is the year column's ("Rp", :func:`extractors.understand.period_columns`), four of them."""
    if Role.REALISASI_ANGGARAN not in table.roles or not table.header_parts:
        return None
    year = table.roles.index(Role.REALISASI_ANGGARAN)
    quarters = [j for j in period_columns(table.roles, table.header_parts, year)
                if _QUARTER.search(" ".join(table.header_parts[j]))]
    return (year, quarters) if len(quarters) == 4 else None


def _amount(row: Row, j: int, scales: list[float]) -> float | None:
    """The cell's amount in rupiah (a lone dash is none spent: 0), None where no amount is printed."""
    n = parse_number(row.text(j))
    if n.dash:
        return 0.0
    if not n.ok or n.value is None or n.percent:
        return None
    return n.value * (scales[j] if j < len(scales) else 1.0)


def _name(table: Table, row: Row) -> str:
    for role in _NAME_ROLES:
        for j, r in enumerate(table.roles):
            if r == role and row.text(j).strip():
                return " ".join(row.text(j).split())
    return ""


def _measure_columns(table: Table) -> tuple[int, list[int]] | None:
    """A measurement table's year realisasi and its quarters: four PART columns labelled by a quarter under the
    same label as the year's ("Realisasi" over "TW I" .. "TW IV" and "s.d. TW IV"). A table of the budget's quarters
    (form E.81, whose K quarters are no sums where the indicator is a percentage) is left to :func:`_columns`."""
    if Role.REALISASI not in table.roles or Role.REALISASI_ANGGARAN in table.roles or not table.header_parts:
        return None
    year = table.roles.index(Role.REALISASI)
    above = table.header_parts[year][:-1]
    quarters = [j for j, (role, parts) in enumerate(zip(table.roles, table.header_parts, strict=False))
                if role == Role.PART and parts and parts[:-1] == above and _QUARTER.search(parts[-1])]
    return (year, quarters) if len(quarters) == 4 and above else None


def _count(row: Row, j: int) -> float | None:
    """A whole count in the cell (a lone dash is none: 0); None for a decimal, a percentage, a grade or a blank."""
    n = parse_number(row.text(j))
    if n.dash:
        return 0.0
    if not n.ok or n.value is None or n.percent or n.decimals or n.qualitative:
        return None
    return n.value


Sum = tuple[Row, float, float]  # a row, the sum of its quarters, its year's figure


def _sums(table: Table, year: int, quarters: list[int], value: Callable[[Row, int], float | None],
          settings: Settings) -> tuple[int, int, list[Sum]]:
    """How many rows print the year's figure and every quarter (``value`` reads a cell), how many of them add up,
    and those that do not, yet are of the year's size: another figure read in one of the columns is no slip (a slip
    changes a digit or two)."""
    tested: list[Sum] = []
    for row in table.rows:
        printed = value(row, year)
        parts = [value(row, j) for j in quarters]
        if not printed or any(p is None for p in parts):
            continue
        tested.append((row, sum(p or 0.0 for p in parts), printed))
    off = [(row, summed, printed) for row, summed, printed in tested if abs(summed - printed) >= 0.5]
    slips = [(row, summed, printed) for row, summed, printed in off
             if min(summed, printed) >= settings.totals.lone_child_ratio * max(summed, printed)]
    return len(tested), len(tested) - len(off), slips


def check_measure_quarters(ext: Extraction, settings: Settings = DEFAULT) -> list[Flag]:
    """A count realised by the year ("s.d. TW IV") against the sum of its quarters, in a table where most rows of
    whole counts add up so (holdout3 i04's Tabel 3.2: 985.400 + ... = 4.512.300 and 0 + 1 + 1 + 2 = 4, while the
    foreign visitors' 17.840 + 21.365 + 24.190 + 24.525 = 87.920 are printed 88.640). A level (a percentage, an index,
    an average: decimals) is no sum of its quarters and is not checked; the finding names the printed figure against
    the quarters' sum, as that gold does."""
    flags: list[Flag] = []
    for table in ext.tables:
        found = _measure_columns(table)
        if found is None:
            continue
        year, quarters = found
        tested, agreeing, slips = _sums(table, year, quarters, _count, settings)
        if agreeing < max(settings.arith.min_rows, settings.totals.hierarchy_agree_share * tested):
            continue  # too few rows add up: the year's figure is no sum here (or the columns were misread)
        for row, summed, printed in slips:
            if abs(printed - (_count(row, quarters[-1]) or 0.0)) < 0.5:
                continue  # the year's figure is the last quarter's: a count kept as a running total, no sum
            flags.append(_finding(ext, table, row, quarters, "realisasi s.d. triwulan IV", "Realisasi", printed,
                                  summed, reported_printed=True))
    return flags


def check_quarters(ext: Extraction, settings: Settings = DEFAULT) -> list[Flag]:
    flags: list[Flag] = []
    for table in ext.tables:
        found = _columns(table)
        if found is None:
            continue
        year, quarters = found
        tested, agreeing, slips = _sums(table, year, quarters, lambda row, j, t=table: _amount(row, j, t.scales),
                                        settings)
        if tested < settings.arith.min_rows or agreeing < settings.totals.hierarchy_agree_share * tested:
            continue  # too few rows, or most do not add up: the columns were not read as printed
        for row, summed, printed in slips:
            flags.append(_finding(ext, table, row, quarters, "realisasi Rp per triwulan", "Realisasi anggaran",
                                  printed, summed, reported_printed=False))
    return flags + check_measure_quarters(ext, settings)


def _finding(ext: Extraction, table: Table, row: Row, quarters: list[int], what: str, label: str, printed: float,
             summed: float, reported_printed: bool) -> Flag:
    """A row whose quarters do not make its year's figure; ``reported_printed``: the printed figure is the one
    reported (else the quarters' sum, as the E.81 golds of d03 and d09 give it)."""
    name = _name(table, row)
    reported, expected = (printed, summed) if reported_printed else (summed, printed)
    return Flag(
        ext.info.doc_id, ext.info.source_file, table.table_id, row.page, row.line, "total_mismatch", "error",
        f"{name} ({what})", reported, expected, round(reported - expected, 4),
        f"{label} '{name[:60]}' {fmt(printed)} tidak sama dengan jumlah realisasi triwulan I-IV "
        f"{fmt(summed)} ({' + '.join(row.text(j).strip() for j in quarters)})",
        confidence=table.confidence or 1.0)
