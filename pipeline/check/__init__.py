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
from pipeline.check.labels import with_printed_labels
from pipeline.check.malformed import check_malformed
from pipeline.check.narrative import check_narrative, prose_passages
from pipeline.check.polarity import falling_targets, named_lower_in_prose, target_series, wording_says_lower
from pipeline.check.quarters import check_quarters
from pipeline.check.reading import lower_misread, table_pieces
from pipeline.check.renstra import check_renstra
from pipeline.check.subjects import name_key
from pipeline.check.totals import (
    check_measurement_totals,
    check_plan_totals,
    check_totals,
    pagu_elsewhere,
    totals_elsewhere,
)
from schemas.records import BudgetLine, Extraction, Flag, Measurement


def _not_twice(totals: list[Flag], earlier: list[Flag]) -> list[Flag]:
    """A wrong printed sisa is one finding: the remaining-budget flag already names it."""
    remaining = {(f.table_id, f.line, f.page) for f in earlier if f.kind == "remaining_mismatch"}
    return [f for f in totals if not (f.subject.endswith("(sisa)") and (f.table_id, f.line, f.page) in remaining)]


def _once(found: list[Flag], earlier: list[Flag]) -> list[Flag]:
    """A capaian the row's own check already names (a row of an indicator the report divides the lower-is-better
    way elsewhere) is not named again by the cross-table check's polarity finding at the same row."""
    def at(f: Flag) -> tuple[object, ...]:  # a PDF row has no line: its page, subject and figure place it
        return f.table_id, f.line, f.page, f.subject, f.reported

    named = {at(f) for f in earlier if f.kind == "capaian_mismatch"}
    return [f for f in found if not (f.kind == "capaian_mismatch" and at(f) in named)]


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
    checked = [check_capaian(m, falling=name_key(m.indikator) in falling, settings=settings)
               for m in extraction.measurements]
    # an indicator whose capaian the report divides the lower-is-better way in some row (its wording saying so
    # too): a row of it printed realisasi/target is read against that, not taken as the report's own formula
    confirmed = {name_key(m.indikator) for m, found in checked if m.polarity == "lower_better" and m.capaian.ok
                 and not any(f.kind == "capaian_mismatch" for f in found)}
    # ... its wording saying so in this row or in another table's name of it ("Luas kawasan permukiman kumuh (semakin
    # kecil semakin baik)" in h07's PK, plain in its Tabel 3.4; the note is no part of the name: subjects.name_key)
    worded = {name_key(m.indikator) for m in extraction.measurements if wording_says_lower(m.indikator, m.satuan)} | {
        name_key(p.subject) for p in extraction.plans if p.kind == "indicator" and wording_says_lower(p.subject, "")}
    # ... or in the report's method text naming it
    prose = prose_passages(extraction, settings)
    worded |= {name_key(n) for n in named_lower_in_prose([q.text for q in prose],
                                                          {m.indikator for m in extraction.measurements},
                                                          settings.prose.named_min_words)}
    measurements: list[Measurement] = []
    for original, (m, found) in zip(extraction.measurements, checked, strict=True):
        key = name_key(m.indikator)
        if m.polarity == "higher_better" and key in confirmed and key in worded:
            # (the words found elsewhere are evidence of the polarity beside the row's own, as falling targets are)
            m, found = check_capaian(original, falling=key in falling or key in worded, settings=settings,
                                     confirmed=True)
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
    totals = _not_twice(check_totals(extraction.budget, settings, elsewhere, pieces), flags)
    flags.extend(totals + totals_elsewhere(totals, extraction.budget))
    flags.extend(check_plan_totals(extraction.plans, settings, pieces))
    flags.extend(check_quarters(extraction, settings))
    # an indicator every printed capaian of which the report divides the lower-is-better way (the report's own capaian
    # shows the polarity: FORMAT.md; one row read the other way, a report's slip or another indicator of the same
    # name, leaves it undecided): its capaian against the Renstra end is divided so too
    ways: dict[str, set[str]] = {}
    for m in measurements:
        if m.capaian.ok and m.polarity in ("lower_better", "higher_better"):
            ways.setdefault(name_key(m.indikator), set()).add(m.polarity)
    falling_ok = frozenset(k for k, w in ways.items() if w == {"lower_better"})
    flags.extend(check_renstra(extraction, settings, falling_ok))
    flags.extend(check_measurement_totals(extraction.measurements, settings))
    flags.extend(_once(check_cross_table(extraction, settings, frozenset(worded)), flags))
    flags.extend(check_malformed(extraction, settings))
    flags.extend(check_narrative(extraction, settings, prose))
    flags = with_printed_labels(gate(flags, settings), extraction.tables)
    return Checked(measurements, budget, sorted(flags, key=lambda f: (f.line or 0, f.page or 0, f.table_id, f.kind)))
