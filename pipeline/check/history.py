"""Figures of other years printed beside the reporting year's: "Realisasi Tahun 2022", "Capaian Tahun 2021"
columns of a comparison table, per indicator (``YearFigure`` records made by ``extractors.figures``). Prose
about those years is checked against them."""

from __future__ import annotations

from schemas.records import Extraction, YearFigure

HISTORY_ROLES = ("target", "realisasi", "capaian")


def year_figures(ext: Extraction) -> list[YearFigure]:
    """Every figure under a header naming a year other than the reporting year, with what it is."""
    return [f for f in ext.year_figures if f.role in HISTORY_ROLES and f.year and f.year != ext.info.tahun]
