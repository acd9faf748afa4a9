"""The check stage: recompute every figure that can be recomputed and flag disagreements.

    check(extraction, settings=DEFAULT) -> Checked(measurements, budget, flags)

Gives new records with capaian_computed / polarity / formula on each Measurement and persen_computed /
sisa_computed on each BudgetLine (records are immutable), and the flags: capaian, budget percentage, remaining
budget, totals against their children, the same figure across tables, malformed figures, prose figures.
Behind the guards of ``pipeline.check.guards`` and ``pipeline.check.totals``: a column failing alike in
every row, a hierarchy most parents disagree with, or a record below the confidence bar gives info flags,
not errors. Every flag carries the confidence of the records it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from extractors.settings import DEFAULT, Settings
from pipeline.check.budget import check_budget
from pipeline.check.capaian import check_capaian
from pipeline.check.cross_table import check_cross_table
from pipeline.check.guards import gate, tested_rows, whole_column
from pipeline.check.malformed import check_malformed
from pipeline.check.narrative import check_narrative
from pipeline.check.polarity import falling_targets, target_series
from pipeline.check.reading import lower_misread, table_pieces
from pipeline.check.renstra import check_renstra
from pipeline.check.subjects import name_key
from pipeline.check.totals import check_measurement_totals, check_plan_totals, check_totals, pagu_elsewhere
from schemas.records import BudgetLine, Extraction, Flag, Measurement


def _not_twice(totals: list[Flag], earlier: list[Flag]) -> list[Flag]:
    """A wrong printed sisa is one finding: the remaining-budget flag already names it."""
    remaining = {(f.table_id, f.line, f.page) for f in earlier if f.kind == "remaining_mismatch"}
    return [f for f in totals if not (f.subject.endswith("(sisa)") and (f.table_id, f.line, f.page) in remaining)]


@dataclass(frozen=True)
class Checked:
    """The check stage's output: the records with their computed fields (new records, the extracted ones are
    left as they were) and the flags."""

    measurements: list[Measurement]
    budget: list[BudgetLine]
    flags: list[Flag]


def check(extraction: Extraction, settings: Settings = DEFAULT) -> Checked:
    flags: list[Flag] = []
    # rows of laid-out tables whose figures show a misreading: their findings abstain (pipeline.check.reading)
    extraction = lower_misread(extraction, settings)
    falling = falling_targets(target_series(extraction))
    measurements: list[Measurement] = []
    for m in extraction.measurements:
        m, found = check_capaian(m, falling=name_key(m.indikator) in falling, settings=settings)
        measurements.append(m)
        flags.extend(found)
    budget: list[BudgetLine] = []
    for b in extraction.budget:
        b, found = check_budget(b, settings)
        budget.append(b)
        flags.extend(found)
    extraction = replace(extraction, measurements=measurements, budget=budget)
    # a column failing alike in (nearly) every row is misread: one info flag instead of an error per row
    flags = whole_column(flags, tested_rows(extraction.measurements, extraction.budget), settings)
    elsewhere = pagu_elsewhere(extraction.budget, extraction.plans)
    pieces = table_pieces(extraction, settings)
    flags.extend(_not_twice(check_totals(extraction.budget, settings, elsewhere, pieces), flags))
    flags.extend(check_plan_totals(extraction.plans, settings, pieces))
    flags.extend(check_renstra(extraction, settings))
    flags.extend(check_measurement_totals(extraction.measurements, settings))
    flags.extend(check_cross_table(extraction, settings))
    flags.extend(check_malformed(extraction, settings))
    flags.extend(check_narrative(extraction, settings))
    flags = gate(flags, settings)
    return Checked(measurements, budget, sorted(flags, key=lambda f: (f.line or 0, f.page or 0, f.table_id, f.kind)))
