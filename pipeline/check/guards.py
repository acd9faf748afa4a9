"""Guards between the checks and the flags they raise: a misread column is not a finding, a doubtful row
gives no error.

- Whole-column guard: when (nearly) every row of a table that a row check could test fails it alike
  (capaian, budget percentage, sisa), the column was read wrong — a shifted column, a percentage read as
  a count, another formula — not the report: no error flags for that table and check, one info flag
  naming the doubt instead. A report's own slips are a few rows of a table; the dev reports' misread
  columns fail in every row (a capaian column holding the predikat score, a K column read as pagu).
- Confidence gate: error and warning flags only from records whose confidence reaches
  ``settings.confidence.flag_min`` (OUTPUT.md: "error flags come only from confident rows"); below it the
  finding is kept as an info flag whose message names the doubt.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable

from extractors.settings import DEFAULT, Settings
from schemas.records import BudgetLine, Flag, Measurement

# the row checks whose failures are counted per table
ROW_CHECKS = ("capaian_mismatch", "budget_percent_mismatch", "remaining_mismatch")


def capaian_testable(m: Measurement) -> bool:
    """The capaian check compared this row's printed capaian with its inputs."""
    return m.target.ok and m.realisasi.ok and m.capaian.ok and bool(m.target.value)


def percent_testable(b: BudgetLine) -> bool:
    return b.pagu.ok and b.realisasi.ok and b.persen.ok and bool(b.pagu.value)


def sisa_testable(b: BudgetLine) -> bool:
    return b.pagu.ok and b.realisasi.ok and b.sisa.ok


def tested_rows(measurements: Iterable[Measurement], budget: Iterable[BudgetLine]) -> Counter[tuple[str, str]]:
    """How many rows of each table each row check tested."""
    tested: Counter[tuple[str, str]] = Counter()
    for m in measurements:
        if capaian_testable(m):
            tested[(m.table_id, "capaian_mismatch")] += 1
    for b in budget:
        if percent_testable(b):
            tested[(b.table_id, "budget_percent_mismatch")] += 1
        if sisa_testable(b):
            tested[(b.table_id, "remaining_mismatch")] += 1
    return tested


_WHAT = {"capaian_mismatch": "capaian (realisasi/target x 100)",
         "budget_percent_mismatch": "persentase realisasi anggaran (realisasi/pagu x 100)",
         "remaining_mismatch": "sisa anggaran (pagu - realisasi)"}


def whole_column(flags: list[Flag], tested: Counter[tuple[str, str]], settings: Settings = DEFAULT) -> list[Flag]:
    """Row-check flags of a table where (nearly) every tested row fails the same check become one info flag."""
    failing: dict[tuple[str, str], list[Flag]] = defaultdict(list)
    for f in flags:
        if f.kind in ROW_CHECKS and f.severity != "info" and f.table_id:
            failing[(f.table_id, f.kind)].append(f)
    misread: set[tuple[str, str]] = set()
    out: list[Flag] = []
    for key, failed in failing.items():
        rows = {(f.line, f.page, f.subject) for f in failed}
        n = tested.get(key, 0)
        if n >= settings.confidence.column_fail_min_rows and len(rows) >= settings.confidence.column_fail_share * n:
            misread.add(key)
            first = min(failed, key=lambda f: (f.line or 0, f.page or 0))
            out.append(dataclasses.replace(
                first, severity="info", subject=f"{first.table_id} ({first.kind})", reported=None, expected=None,
                delta=None,
                message=f"{len(rows)} dari {n} baris tabel {first.table_id} tidak sesuai dengan {_WHAT[first.kind]}: "
                        f"kolomnya kemungkinan salah terbaca (kolom bergeser atau berisi besaran lain), bukan "
                        f"kesalahan laporan; tidak dijadikan temuan"))
    out.extend(f for f in flags if (f.table_id, f.kind) not in misread or f.severity == "info")
    return out


def gate(flags: list[Flag], settings: Settings = DEFAULT) -> list[Flag]:
    """Error and warning flags of records below the confidence bar become info flags naming the doubt."""
    bar = settings.confidence.flag_min
    out = []
    for f in flags:
        if f.severity != "info" and f.confidence < bar:
            f = dataclasses.replace(f, severity="info", message=(
                f"{f.message} [bukan temuan: pembacaan tabelnya kurang pasti (keyakinan {f.confidence:.2f} < "
                f"{bar:.2f}); periksa sumbernya]"))
        out.append(f)
    return out
