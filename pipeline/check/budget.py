"""Budget percentage (realisasi/pagu*100) and remaining budget (pagu - realisasi), where printed."""

from __future__ import annotations

from dataclasses import replace

from extractors.settings import DEFAULT, Settings
from pipeline.check.messages import fmt
from pipeline.check.tolerance import agrees, printed, ratio_percent
from schemas.records import BudgetLine, Flag


def check_budget(b: BudgetLine, settings: Settings = DEFAULT) -> tuple[BudgetLine, list[Flag]]:
    """Recompute the budget % and sisa; returns the line with its computed fields (a new record: records
    are immutable) and the flags."""
    if not (b.pagu.ok and b.realisasi.ok):
        return b, []
    pagu, real = b.pagu.value or 0.0, b.realisasi.value or 0.0
    b = replace(b, persen_computed=round(real / pagu * 100, 4) if pagu else None, sisa_computed=pagu - real)
    return b, _budget_flags(b, pagu, real)


def _budget_flags(b: BudgetLine, pagu: float, real: float) -> list[Flag]:
    flags: list[Flag] = []
    if b.persen.ok and pagu:
        interval = ratio_percent(b.realisasi, b.pagu)
        if interval is not None and not agrees(b.persen, interval):
            expected = real / pagu * 100
            flags.append(_flag(b, "budget_percent_mismatch", b.persen.value, expected,
                               f"Persentase realisasi {b.persen.raw.strip()} tidak sesuai: realisasi "
                               f"{fmt(real)} / pagu {fmt(pagu)} x 100 = {fmt(expected, 2)}%"))
    elif b.persen.ok and not pagu and real == 0 and b.persen.value:
        flags.append(_flag(b, "budget_percent_mismatch", b.persen.value, 0.0,
                           f"Persentase realisasi {b.persen.raw.strip()} tercetak untuk pagu dan realisasi 0"))
    if b.sisa.ok:
        computed = printed(b.pagu) - printed(b.realisasi)
        if not agrees(b.sisa, computed):
            flags.append(_flag(b, "remaining_mismatch", b.sisa.value, b.sisa_computed,
                               f"Sisa {fmt(b.sisa.value)} tidak sesuai: pagu {fmt(pagu)} - realisasi {fmt(real)} "
                               f"= {fmt(b.sisa_computed)}"))
    return flags


def _flag(b: BudgetLine, kind: str, reported: float | None, expected: float | None, message: str) -> Flag:
    delta = None if reported is None or expected is None else round(reported - expected, 4)
    return Flag(b.doc_id, b.source_file, b.table_id, b.page, b.line, kind, "error", b.uraian or b.kode, reported,
                None if expected is None else round(expected, 4), delta, message, confidence=b.confidence)
