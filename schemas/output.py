"""The output tables of the contract (../shared/spec/OUTPUT.md): column order and pandera schemas.

Each table's columns are the contract's, in the contract's order, followed by extra columns
(parse statuses and the like). Every table is validated against its schema before it is written.
"""

from __future__ import annotations

import pandera.pandas as pa

# --- the contract's columns, in the contract's order -------------------------------------------------------
DOCUMENTS = ["doc_id", "source_file", "sha256", "pages", "instansi", "wilayah", "tahun", "n_tables",
             "n_measurements", "n_budget", "n_flags", "status", "error", "duplicate_of", "same_report_as",
             "tables_with_figures", "tables_read", "cells_read_share"]
TABLES = ["doc_id", "source_file", "table_id", "caption", "page", "line", "kind", "n_rows", "columns", "note"]
MEASUREMENTS = ["doc_id", "source_file", "table_id", "page", "line", "level", "sasaran", "program", "indikator",
                "satuan", "target_raw", "target", "realisasi_raw", "realisasi", "capaian_raw", "capaian_reported",
                "capaian_computed", "polarity", "formula", "year", "confidence", "instansi", "wilayah", "tahun",
                "indicator_key"]
BUDGET = ["doc_id", "source_file", "table_id", "page", "line", "kode", "level", "parent_kode", "uraian",
          "pagu_raw", "pagu", "realisasi_raw", "realisasi", "persen_raw", "persen_reported", "persen_computed",
          "sisa_raw", "sisa_reported", "sisa_computed", "is_total", "confidence"]
FLAGS = ["doc_id", "source_file", "table_id", "page", "line", "kind", "severity", "subject", "reported",
         "expected", "delta", "message", "confidence"]
ERRORS = ["source_file", "stage", "error"]
# other years' figures of comparison tables ("Realisasi 2021 | 2022 | 2023 | 2024"): a row per indicator and
# year other than the reporting year (kept out of measurements, which hold the reporting year's pairs)
INDICATOR_YEARS = ["doc_id", "source_file", "table_id", "page", "line", "indikator", "year", "target_raw", "target",
                   "realisasi_raw", "realisasi", "capaian_raw", "capaian_reported", "instansi", "wilayah", "tahun",
                   "indicator_key", "confidence"]

CONTRACT: dict[str, list[str]] = {"documents": DOCUMENTS, "tables": TABLES, "measurements": MEASUREMENTS,
                                  "budget": BUDGET, "flags": FLAGS, "errors": ERRORS}
# tables written beside the contract's (not named in OUTPUT.md)
ADDED: dict[str, list[str]] = {"indicator_years": INDICATOR_YEARS}

# --- extra columns, written after the contract's ----------------------------------------------------------------
EXTRA: dict[str, list[str]] = {
    "documents": [],
    # how sure the reading of the table is (its most confident record; 0 when not read), the figures in
    # its body and, of those, the ones that ended in a record (pipeline.coverage)
    "tables": ["confidence", "n_numeric_cells", "n_cells_read"],
    # level_detail: the extractor's own level when it is finer than the contract's list (else = level)
    "measurements": ["level_detail", "target_status", "realisasi_status", "capaian_status", "satuan_norm"],
    "budget": ["level_detail", "section", "year", "pagu_status", "realisasi_status", "persen_status",
               "sisa_status"],
    # the check's own sentence (Indonesian), from which `message` is rendered in the run's language
    "flags": ["message_original"],
    "errors": [],
}

COLUMNS: dict[str, list[str]] = {name: CONTRACT[name] + EXTRA[name] for name in CONTRACT} | ADDED
TABLE_NAMES = list(COLUMNS)

# --- allowed values ------------------------------------------------------------------------------------------
DOC_STATUSES = ["ok", "partial", "failed", "duplicate"]
TABLE_KINDS = ["perjanjian_kinerja", "capaian_kinerja", "iku", "anggaran", "efisiensi", "renstra", "other"]
MEASUREMENT_LEVELS = ["tujuan", "sasaran", "iku", "program", "kegiatan", "sub_kegiatan", "other"]
BUDGET_LEVELS = ["urusan", "program", "kegiatan", "sub_kegiatan", "total", "other"]
POLARITIES = ["higher_better", "lower_better", "qualitative"]
SEVERITIES = ["error", "warning", "info"]
FLAG_KINDS = ["capaian_mismatch", "budget_percent_mismatch", "remaining_mismatch", "total_mismatch",
              "cross_table_mismatch", "malformed_number", "narrative_mismatch", "polarity_assumed",
              "unreadable_table"]
PARSE_STATUSES = ["ok", "ambiguous", "malformed", "empty", "text"]

# columns by type (used by the writer to give every column its dtype)
INT_COLUMNS = frozenset({"pages", "tahun", "n_tables", "n_measurements", "n_budget", "n_flags", "page", "line",
                         "n_rows", "year", "tables_with_figures", "tables_read", "n_numeric_cells",
                         "n_cells_read"})
FLOAT_COLUMNS = frozenset({"target", "realisasi", "capaian_reported", "capaian_computed", "pagu",
                           "persen_reported", "persen_computed", "sisa_reported", "sisa_computed", "reported",
                           "expected", "delta", "cells_read_share", "confidence"})
BOOL_COLUMNS = frozenset({"is_total"})


def _text(nullable: bool = True) -> pa.Column:
    """A text column; missing text is written as "" so `nullable` only matters for real nulls."""
    return pa.Column(str, nullable=nullable)


def _key() -> pa.Column:
    return pa.Column(str, pa.Check.str_length(min_value=1), nullable=False)


def _one_of(values: list[str]) -> pa.Column:
    return pa.Column(str, pa.Check.isin(values), nullable=False)


def _int(nullable: bool = True, min_value: int | None = None) -> pa.Column:
    checks = [pa.Check.ge(min_value)] if min_value is not None else []
    return pa.Column("Int64", checks, nullable=nullable)


def _float() -> pa.Column:
    return pa.Column("float64", nullable=True)


def _share(nullable: bool = False) -> pa.Column:
    """A share or confidence: a number in [0, 1]."""
    return pa.Column("float64", pa.Check.in_range(0.0, 1.0), nullable=nullable)


_DOC_ID = pa.Column(str, pa.Check.str_matches(r"^[0-9a-f]{12}$"), nullable=False)
_PROVENANCE = {"doc_id": _DOC_ID, "source_file": _key(), "page": _int(min_value=0), "line": _int(min_value=1)}


def _schema(name: str, columns: dict[str, pa.Column]) -> pa.DataFrameSchema:
    missing = set(COLUMNS[name]) - set(columns)
    if missing:  # every column of the table has a declared type
        raise AssertionError(f"schema {name} does not declare {sorted(missing)}")
    return pa.DataFrameSchema(columns, name=name, strict=True, ordered=True, coerce=False)


def _ordered(name: str, columns: dict[str, pa.Column]) -> dict[str, pa.Column]:
    return {col: columns[col] for col in COLUMNS[name]}


SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "documents": _schema("documents", _ordered("documents", {
        "doc_id": _DOC_ID, "source_file": _key(),
        "sha256": pa.Column(str, pa.Check.str_matches(r"^[0-9a-f]{64}$"), nullable=False),
        "pages": _int(False, 0), "instansi": _text(), "wilayah": _text(), "tahun": _int(min_value=1900),
        "n_tables": _int(False, 0), "n_measurements": _int(False, 0), "n_budget": _int(False, 0),
        "n_flags": _int(False, 0), "status": _one_of(DOC_STATUSES), "error": _text(),
        "duplicate_of": pa.Column(str, pa.Check.str_matches(r"^([0-9a-f]{12})?$"), nullable=False),
        "same_report_as": pa.Column(str, pa.Check.str_matches(r"^([0-9a-f]{12})?$"), nullable=False),
        "tables_with_figures": _int(False, 0), "tables_read": _int(False, 0), "cells_read_share": _share(True),
    })),
    "tables": _schema("tables", _ordered("tables", {
        **_PROVENANCE, "table_id": _key(), "caption": _text(), "kind": _one_of(TABLE_KINDS),
        "n_rows": _int(False, 0), "columns": _text(), "note": _text(),
        "confidence": _share(), "n_numeric_cells": _int(False, 0), "n_cells_read": _int(False, 0),
    })),
    "measurements": _schema("measurements", _ordered("measurements", {
        **_PROVENANCE, "table_id": _key(), "level": _one_of(MEASUREMENT_LEVELS), "sasaran": _text(),
        "program": _text(), "indikator": _text(), "satuan": _text(),
        "target_raw": _text(), "target": _float(), "realisasi_raw": _text(), "realisasi": _float(),
        "capaian_raw": _text(), "capaian_reported": _float(), "capaian_computed": _float(),
        "polarity": _one_of(POLARITIES), "formula": _text(), "year": _int(min_value=1900), "confidence": _share(),
        "level_detail": _text(), "target_status": _one_of(PARSE_STATUSES),
        "realisasi_status": _one_of(PARSE_STATUSES), "capaian_status": _one_of(PARSE_STATUSES),
        "instansi": _text(), "wilayah": _text(), "tahun": _int(min_value=1900), "indicator_key": _text(),
        "satuan_norm": _text(),
    })),
    "budget": _schema("budget", _ordered("budget", {
        **_PROVENANCE, "table_id": _key(), "kode": _text(), "level": _one_of(BUDGET_LEVELS),
        "parent_kode": _text(), "uraian": _text(),
        "pagu_raw": _text(), "pagu": _float(), "realisasi_raw": _text(), "realisasi": _float(),
        "persen_raw": _text(), "persen_reported": _float(), "persen_computed": _float(),
        "sisa_raw": _text(), "sisa_reported": _float(), "sisa_computed": _float(),
        "is_total": pa.Column(bool, nullable=False), "confidence": _share(),
        "level_detail": _text(), "section": _text(), "year": _int(min_value=1900),
        "pagu_status": _one_of(PARSE_STATUSES), "realisasi_status": _one_of(PARSE_STATUSES),
        "persen_status": _one_of(PARSE_STATUSES), "sisa_status": _one_of(PARSE_STATUSES),
    })),
    "flags": _schema("flags", _ordered("flags", {
        **_PROVENANCE, "table_id": _text(), "kind": _one_of(FLAG_KINDS), "severity": _one_of(SEVERITIES),
        "subject": _text(), "reported": _float(), "expected": _float(), "delta": _float(),
        "message": _key(), "confidence": _share(), "message_original": _text(),
    })),
    "errors": _schema("errors", _ordered("errors", {"source_file": _key(), "stage": _key(), "error": _key()})),
    "indicator_years": _schema("indicator_years", _ordered("indicator_years", {
        **_PROVENANCE, "table_id": _key(), "indikator": _text(), "year": _int(min_value=1900),
        "target_raw": _text(), "target": _float(), "realisasi_raw": _text(), "realisasi": _float(),
        "capaian_raw": _text(), "capaian_reported": _float(), "instansi": _text(), "wilayah": _text(),
        "tahun": _int(min_value=1900), "indicator_key": _text(), "confidence": _share(),
    })),
}
