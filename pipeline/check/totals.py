"""Parent and total rows against the sum of their children.

With budget codes, a row's children are the rows of the same table and section whose code has it
as parent ("1.06.01.2.01" under "1.06.01"); "05" and "0005" are one segment. Without codes the
table's structure decides: a total row sums the program rows (or the top-level rows), a program its
kegiatan (or, without kegiatan figures, its sub-kegiatan), a kegiatan its sub-kegiatan. A parent is
only checked when it has at least one child with figures and every child can be read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from extractors.numbers import Number
from extractors.rows import EMPTY, parent_of
from pipeline.check.messages import fmt
from pipeline.check.tolerance import agrees, exact
from schemas.records import BudgetLine, Flag, Measurement, PlanEntry

COLUMNS: list[tuple[str, Callable[[BudgetLine], Number]]] = [
    ("pagu", lambda b: b.pagu), ("realisasi", lambda b: b.realisasi), ("sisa", lambda b: b.sisa)]


def norm_kode(kode: str) -> str:
    return ".".join(str(int(p)) if p.isdigit() else p.upper() for p in kode.split(".") if p)


def _children_by_code(rows: list[BudgetLine]) -> dict[int, list[BudgetLine]]:
    out: dict[int, list[BudgetLine]] = {}
    by_key: dict[tuple[str, str], BudgetLine] = {}
    for b in rows:
        if b.kode:
            by_key.setdefault((b.section, norm_kode(b.kode)), b)
    kids: dict[int, list[BudgetLine]] = defaultdict(list)
    for b in rows:
        if b.kode and b.parent_kode:
            parent = by_key.get((b.section, norm_kode(b.parent_kode)))
            if parent is not None and parent is not b:
                kids[id(parent)].append(b)
    out.update(kids)
    return out


RANK = {"urusan": 0, "program": 1, "kegiatan": 2, "sub_kegiatan": 3}


def _children_by_structure(rows: list[BudgetLine]) -> dict[int, list[BudgetLine]]:
    kids: dict[int, list[BudgetLine]] = {}
    for i, b in enumerate(rows):
        if b.level not in ("program", "kegiatan"):
            continue
        below: dict[str, list[BudgetLine]] = defaultdict(list)
        for nxt in rows[i + 1:]:
            if nxt.level in ("total", "other") or RANK.get(nxt.level, 9) <= RANK[b.level] or nxt.section != b.section:
                break
            below[nxt.level].append(nxt)
        level = "kegiatan" if b.level == "program" and below.get("kegiatan") else "sub_kegiatan"
        if below.get(level):
            kids[id(b)] = below[level]
    return kids


def _top_level(rows: list[BudgetLine], total: BudgetLine) -> list[BudgetLine]:
    before = [b for b in rows if b.position < total.position and not b.is_total]
    for level in ("program", "kegiatan", "sub_kegiatan"):
        picked = [b for b in before if b.level == level]
        if picked:
            return picked
    return [b for b in before if b.level == "other"]


def check_totals(budget: list[BudgetLine]) -> list[Flag]:
    flags: list[Flag] = []
    by_table: dict[str, list[BudgetLine]] = defaultdict(list)
    for b in budget:
        by_table[b.table_id].append(b)
    for table_rows in by_table.values():
        rows = _without_repeats(sorted(table_rows, key=lambda b: b.position))
        coded = sum(1 for b in rows if b.kode) >= len(rows) / 2
        kids = _children_by_code(rows) if coded else _children_by_structure(rows)
        for b in rows:
            if b.is_total:
                children = _top_level(rows, b)
                if len(children) >= 2:
                    flags.extend(_compare(b, children))
            elif id(b) in kids:
                flags.extend(_compare(b, kids[id(b)]))
    return flags


def check_plan_totals(plans: list[PlanEntry]) -> list[Flag]:
    """Pagu-only lists (a Perjanjian Kinerja's program budgets, a Renja table): parents and totals against
    their children, exactly as for budget tables."""
    lines = [BudgetLine(p.doc_id, p.source_file, p.table_id, p.page, p.line, p.kode, p.level, p.subject, p.pagu,
                        EMPTY, EMPTY, EMPTY, is_total=p.is_total, parent_kode=parent_of(p.kode) if p.kode else "",
                        section=p.section, position=p.position, year=p.year)
             for p in plans if p.kind == "program" and p.pagu is not None and p.level]
    return check_totals(lines)


def _without_repeats(rows: list[BudgetLine]) -> list[BudgetLine]:
    """A row printed again after a page break (same name and figures) is counted once."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for b in rows:
        key = (b.section, b.kode or b.uraian.lower(), b.pagu.value, b.realisasi.value)
        if key in seen and not b.is_total:
            continue
        seen.add(key)
        out.append(b)
    return out


def _compare(parent: BudgetLine, children: list[BudgetLine]) -> list[Flag]:
    """One flag per parent row, naming every column whose children do not add up."""
    wrong: list[tuple[str, float, float]] = []
    for name, get in COLUMNS:
        value = get(parent)
        if not value.ok or value.value is None:
            continue
        parts = [get(c) for c in children]
        if not all(p.ok or p.dash for p in parts) or not any(p.ok and p.value for p in parts):
            continue
        total = sum(p.value or 0.0 for p in parts)
        # whole rupiah are exact; only figures printed with decimals carry rounding into the sum
        tolerance = 0.5 * value.resolution + sum(0.5 * p.resolution for p in parts if p.decimals) + 1e-6
        if abs(total - value.value) > tolerance:
            wrong.append((name, value.value, total))
    if not wrong:
        return []
    names = ", ".join(str(c.line or c.kode or c.uraian[:30]) for c in children[:12])
    where = "baris" if children[0].line else "rincian"
    detail = "; ".join(f"{name} {fmt(printed_value)} vs jumlah {fmt(total)}" for name, printed_value, total in wrong)
    name, reported, expected = wrong[0]
    columns = "+".join(w[0] for w in wrong)
    return [Flag(parent.doc_id, parent.source_file, parent.table_id, parent.page, parent.line, "total_mismatch",
                 "error", f"{parent.uraian} ({columns})", reported, expected, round(reported - expected, 4),
                 f"'{parent.uraian[:60]}' tidak sama dengan jumlah {len(children)} rinciannya ({where} {names}): "
                 f"{detail}")]


# --- indicator counts: a kegiatan's count against its sub-kegiatan -------------------------------------------

MEASURE_RANK = {"program": 1, "kegiatan": 2, "sub_kegiatan": 3}


def _count(n: Number) -> bool:
    return n.ok and not n.percent and n.decimals == 0 and not n.qualitative and bool(n.unit)


def check_measurement_totals(measurements: list[Measurement]) -> list[Flag]:
    """A kegiatan counting people (or units) whose realisasi is exactly the sum of its sub-kegiatan while its
    target is not: the target row is the one that does not add up. Only counts in one unit are summed, and
    only where the other column proves the row is meant as a sum."""
    flags: list[Flag] = []
    by_table: dict[str, list[Measurement]] = defaultdict(list)
    for m in measurements:
        by_table[m.table_id].append(m)
    for rows in by_table.values():
        rows = sorted(rows, key=lambda m: m.line or 0)
        for i, parent in enumerate(rows):
            rank = MEASURE_RANK.get(parent.level)
            if rank is None or rank == 3:
                continue
            below = []
            for nxt in rows[i + 1:]:
                if MEASURE_RANK.get(nxt.level, 0) <= rank:
                    break
                below.append(nxt)
            levels = {m.level for m in below}
            child_level = "kegiatan" if parent.level == "program" and "kegiatan" in levels else "sub_kegiatan"
            children = [m for m in below if m.level == child_level]
            if len(children) >= 2:
                flags.extend(_compare_counts(parent, children))
            elif len(children) == 1 and len(below) == 1:
                flags.extend(_compare_only_child(parent, children[0]))
    return flags


NEAR = 1.0  # percentage points: a parent's share this close to its only child's ratio is meant to be it


def _compare_only_child(parent: Measurement, child: Measurement) -> list[Flag]:
    """A kegiatan aiming at 100 % whose only sub-kegiatan counts people or units: its realisasi percentage is
    that child's realisasi / target. Flagged only when the two are near (a slip in the digits), never when far
    apart (then the percentage measures something else)."""
    if not (parent.target.ok and parent.target.percent and parent.target.value == 100.0):
        return []
    if not (parent.realisasi.ok and parent.realisasi.percent and _count(child.target) and _count(child.realisasi)):
        return []
    if child.target.unit.lower() != child.realisasi.unit.lower():
        return []
    # whole people or units are exact counts: only the parent's percentage carries rounding
    ratio = exact(child.realisasi.value or 0.0).divide(exact(child.target.value or 0.0))
    if ratio is None:
        return []
    ratio = ratio.scale(100.0)
    if agrees(parent.realisasi, ratio):
        return []
    expected = ratio.mid
    reported = parent.realisasi.value or 0.0
    if abs(reported - expected) > NEAR:
        return []
    return [Flag(parent.doc_id, parent.source_file, parent.table_id, parent.page, parent.line, "total_mismatch",
                 "warning", f"{parent.indikator} (realisasi)", reported, round(expected, 4),
                 round(reported - expected, 4),
                 f"Realisasi {fmt(reported, parent.realisasi.decimals)}% pada '{parent.indikator[:60]}' tidak sama "
                 f"dengan satu-satunya sub-kegiatannya (baris {child.line}): {fmt(child.realisasi.value)} / "
                 f"{fmt(child.target.value)} {child.target.unit} x 100 = {fmt(expected, 2)}%")]


def _compare_counts(parent: Measurement, children: list[Measurement]) -> list[Flag]:
    everyone = [parent, *children]
    if not all(_count(m.target) and _count(m.realisasi) for m in everyone):
        return []
    units = {m.target.unit.lower() for m in everyone} | {m.realisasi.unit.lower() for m in everyone}
    if len(units) != 1:
        return []
    sums = {name: sum(getattr(m, name).value or 0.0 for m in children) for name in ("target", "realisasi")}
    matches = {name: abs(sums[name] - (getattr(parent, name).value or 0.0)) < 1e-6 for name in sums}
    if sum(matches.values()) != 1:
        return []  # both add up, or neither does (then the row is not meant as a sum)
    name = "target" if not matches["target"] else "realisasi"
    reported = getattr(parent, name).value or 0.0
    lines = ", ".join(str(m.line) for m in children[:12] if m.line)
    return [Flag(parent.doc_id, parent.source_file, parent.table_id, parent.page, parent.line, "total_mismatch",
                 "error", f"{parent.indikator} ({name})", reported, sums[name], round(reported - sums[name], 4),
                 f"{name.capitalize()} {fmt(reported)} {parent.target.unit} pada '{parent.indikator[:60]}' tidak sama "
                 f"dengan jumlah {len(children)} sub-kegiatannya (baris {lines}) = {fmt(sums[name])}, padahal "
                 f"kolom lainnya sesuai dengan jumlahnya")]
