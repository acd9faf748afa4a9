"""The check stage: recompute every figure that can be recomputed and flag disagreements.

    check(extraction) -> list[Flag]

Fills capaian_computed / polarity / formula on each Measurement and persen_computed /
sisa_computed on each BudgetLine, and returns the flags: capaian, budget percentage, remaining
budget, totals against their children, the same figure across tables, malformed figures, prose figures.
"""

from __future__ import annotations

from pipeline.check.budget import check_budget
from pipeline.check.capaian import check_capaian
from pipeline.check.cross_table import check_cross_table
from pipeline.check.malformed import check_malformed
from pipeline.check.narrative import check_narrative
from pipeline.check.polarity import falling_targets, target_series
from pipeline.check.renstra import check_renstra
from pipeline.check.subjects import name_key
from pipeline.check.totals import check_measurement_totals, check_plan_totals, check_totals
from schemas.records import Extraction, Flag


def _not_twice(totals: list[Flag], earlier: list[Flag]) -> list[Flag]:
    """A wrong printed sisa is one finding: the remaining-budget flag already names it."""
    remaining = {(f.table_id, f.line, f.page) for f in earlier if f.kind == "remaining_mismatch"}
    return [f for f in totals if not (f.subject.endswith("(sisa)") and (f.table_id, f.line, f.page) in remaining)]


def check(extraction: Extraction) -> list[Flag]:
    flags: list[Flag] = []
    falling = falling_targets(target_series(extraction))
    for m in extraction.measurements:
        flags.extend(check_capaian(m, falling=name_key(m.indikator) in falling))
    for b in extraction.budget:
        flags.extend(check_budget(b))
    flags.extend(_not_twice(check_totals(extraction.budget), flags))
    flags.extend(check_plan_totals(extraction.plans))
    flags.extend(check_renstra(extraction))
    flags.extend(check_measurement_totals(extraction.measurements))
    flags.extend(check_cross_table(extraction))
    flags.extend(check_malformed(extraction))
    flags.extend(check_narrative(extraction))
    return sorted(flags, key=lambda f: (f.line or 0, f.page or 0, f.table_id, f.kind))
