"""The "capaian against the Renstra end target" column: realisasi / target akhir Renstra x 100.

Comparison tables often carry, beside the year's target / realisasi / capaian, the Renstra end target
and the capaian against it: ``YearFigure`` records of roles renstra_target, renstra_capaian and
renstra_realisasi (``extractors.figures`` decides which column is which).
"""

from __future__ import annotations

from collections import defaultdict

from extractors.settings import DEFAULT, Settings
from pipeline.check.messages import fmt
from pipeline.check.polarity import wording_says_lower
from pipeline.check.subjects import name_key
from pipeline.check.tolerance import agrees, printed
from schemas.records import Extraction, Flag, YearFigure


def check_renstra(ext: Extraction, settings: Settings = DEFAULT, lower: frozenset[str] = frozenset()) -> list[Flag]:
    """``lower``: name keys of indicators whose own capaian the report divides the lower-is-better way (the
    year's capaian in the same row shows it: FORMAT.md's polarity rule; dev-set d11's "Persentase desa rawan
    pangan", 3,50 / 3,85 = 90,91 against the Renstra end)."""
    flags: list[Flag] = []
    rows: dict[tuple[str, int], dict[str, YearFigure]] = defaultdict(dict)
    for f in ext.year_figures:
        if f.role in ("renstra_realisasi", "renstra_target", "renstra_capaian"):
            rows[(f.table_id, f.row_index)][f.role] = f
    for figs in rows.values():
        if len(figs) != 3:
            continue
        real, target, cap = (figs[r].number for r in ("renstra_realisasi", "renstra_target", "renstra_capaian"))
        if not (real.ok and target.ok and cap.ok) or not target.value or not real.value:
            continue
        first = figs["renstra_capaian"]
        indikator = first.subject
        falling = wording_says_lower(indikator) or name_key(indikator) in lower
        interval = (printed(target).divide(printed(real)) if falling else printed(real).divide(printed(target)))
        if interval is None or agrees(cap, interval.scale(100.0)):
            continue
        t, r = target.value, real.value
        expected = (t / r if falling else r / t) * 100
        how = (f"target akhir Renstra {fmt(t, target.decimals)} / realisasi {fmt(r, real.decimals)}" if falling
               else f"realisasi {fmt(r, real.decimals)} / target akhir Renstra {fmt(t, target.decimals)}")
        flags.append(Flag(ext.info.doc_id, ext.info.source_file, first.table_id, first.page, first.line,
                          "capaian_mismatch", "error", f"{indikator} (capaian thd target akhir Renstra)",
                          cap.value, round(expected, 4), round((cap.value or 0) - expected, 4),
                          f"Capaian terhadap target akhir Renstra {cap.raw.strip()} tidak sesuai: {how} x 100 "
                          f"= {fmt(expected, 2)}%", confidence=min(f.confidence for f in figs.values())))
    return flags
