"""The same program or indicator with different figures in two tables of one report.

Two tables that disagree on most of the programs they share are two versions of the plan (a
Perjanjian Kinerja before and after the budget change): that is not a finding. Where most shared
programs agree, the few that differ are.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import regex

from extractors.numbers import Number
from pipeline.check.messages import fmt
from schemas.records import Extraction, Flag

_PREFIX = regex.compile(r"^(?:program|kegiatan|sub\s*kegiatan)\s+", regex.I)


def name_key(text: str) -> str:
    t = regex.sub(r"[\W_]+", " ", text.lower()).strip()
    t = _PREFIX.sub("", t)
    t = regex.sub(r"\bkab(?:upaten)?\s*/?\s*kota\b", "kabkota", t)
    return regex.sub(r"\s+", " ", t)


@dataclass
class Figure:
    table_id: str
    page: int | None
    line: int | None
    subject: str
    what: str  # pagu | target | realisasi
    number: Number
    year: int | None


def _same(a: Number, b: Number) -> bool:
    """Equal as printed, at the coarser of the two precisions (96 and 96,00 are the same figure)."""
    if a.value is None or b.value is None:
        return a.value == b.value
    decimals = min(a.decimals, b.decimals)
    return round(a.value, decimals) == round(b.value, decimals)


def _figures(ext: Extraction) -> dict[tuple[str, str], list[Figure]]:
    out: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for b in ext.budget:
        if b.level in ("program", "kegiatan", "sub_kegiatan") and b.pagu.ok and b.pagu.value:
            out[("pagu", name_key(b.uraian))].append(
                Figure(b.table_id, b.page, b.line, b.uraian, "pagu", b.pagu, b.year))
    for p in ext.plans:
        if p.kind == "program" and p.pagu is not None and p.pagu.ok and p.pagu.value:
            out[("pagu", name_key(p.subject))].append(Figure(p.table_id, p.page, p.line, p.subject, "pagu", p.pagu,
                                                           p.year))
    for m in ext.measurements:
        key = name_key(m.indikator)
        if len(key) < 12:
            continue
        for what, n in (("target", m.target), ("realisasi", m.realisasi), ("capaian", m.capaian)):
            if n.ok:
                out[(what, key)].append(Figure(m.table_id, m.page, m.line, m.indikator, what, n, m.year))
    for p in ext.plans:
        key = name_key(p.subject)
        if p.kind == "indicator" and p.target is not None and p.target.ok and len(key) >= 12:
            out[("target", key)].append(Figure(p.table_id, p.page, p.line, p.subject, "target", p.target, p.year))
    return out


def check_cross_table(ext: Extraction) -> list[Flag]:
    figures = _figures(ext)
    # votes per table pair: how many shared subjects agree and which disagree
    pairs: dict[tuple[str, str], list[tuple[Figure, Figure, bool]]] = defaultdict(list)
    for figs in figures.values():
        by_table: dict[str, Figure] = {}
        for f in figs:
            by_table.setdefault(f.table_id, f)  # the first occurrence in each table
        tables = sorted(by_table)
        for i, ta in enumerate(tables):
            for tb in tables[i + 1:]:
                a, b = by_table[ta], by_table[tb]
                if a.year and b.year and a.year != b.year:
                    continue
                pairs[(ta, tb)].append((a, b, _same(a.number, b.number)))
    flags: list[Flag] = []
    seen: set[tuple[object, ...]] = set()
    for comparisons in pairs.values():
        agree = sum(1 for *_, ok in comparisons if ok)
        disagree = [(a, b) for a, b, ok in comparisons if not ok]
        if not disagree or agree < len(disagree):
            continue
        for a, b in disagree:
            key = (a.line, a.page, a.what, a.number.value, b.number.value)
            if key in seen:
                continue
            seen.add(key)
            flags.append(Flag(ext.info.doc_id, ext.info.source_file, a.table_id, a.page, a.line,
                              "cross_table_mismatch", "warning", a.subject, a.number.value, b.number.value,
                              round((a.number.value or 0) - (b.number.value or 0), 4),
                              f"{a.what.capitalize()} '{a.subject[:60]}' {fmt(a.number.value, a.number.decimals)} "
                              f"di tabel {a.table_id} berbeda dengan {fmt(b.number.value, b.number.decimals)} di tabel "
                              f"{b.table_id}{_where(b)}"))
    return flags


def _where(f: Figure) -> str:
    if f.line:
        return f" (baris {f.line})"
    return f" (halaman {f.page})" if f.page else ""
