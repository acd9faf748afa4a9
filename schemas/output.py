"""The output tables: their columns (OUTPUT.md order, extra columns after) and pandera schemas."""

from __future__ import annotations

import pandera.pandas as pa

DOCUMENTS = ["doc_id", "source_file", "sha256", "pages", "instansi", "wilayah", "tahun", "n_tables",
             "n_measurements", "n_budget", "n_flags", "status", "error"]
TABLES = ["doc_id", "source_file", "table_id", "caption", "page", "line", "kind", "n_rows", "columns", "note"]
MEASUREMENTS = ["doc_id", "source_file", "table_id", "page", "line", "level", "sasaran", "program", "indikator",
                "satuan", "target_raw", "target", "realisasi_raw", "realisasi", "capaian_raw", "capaian_reported",
                "capaian_computed", "polarity", "formula", "year",
                # extra columns
                "target_status", "realisasi_status", "capaian_status"]
BUDGET = ["doc_id", "source_file", "table_id", "page", "line", "kode", "level", "parent_kode", "uraian",
          "pagu_raw", "pagu", "realisasi_raw", "realisasi", "persen_raw", "persen_reported", "persen_computed",
          "sisa_raw", "sisa_reported", "sisa_computed", "is_total",
          # extra columns
          "section", "year", "pagu_status", "realisasi_status"]
FLAGS = ["doc_id", "source_file", "table_id", "page", "line", "kind", "severity", "subject", "reported",
         "expected", "delta", "message"]
ERRORS = ["source_file", "stage", "error"]

COLUMNS = {"documents": DOCUMENTS, "tables": TABLES, "measurements": MEASUREMENTS, "budget": BUDGET,
           "flags": FLAGS, "errors": ERRORS}

TABLE_KINDS = ["perjanjian_kinerja", "capaian_kinerja", "iku", "anggaran", "efisiensi", "renstra", "other"]
MEASUREMENT_LEVELS = ["tujuan", "sasaran", "iku", "program", "kegiatan", "sub_kegiatan", "other"]
BUDGET_LEVELS = ["urusan", "program", "kegiatan", "sub_kegiatan", "total", "other", "sasaran"]
FLAG_KINDS = ["capaian_mismatch", "budget_percent_mismatch", "remaining_mismatch", "total_mismatch",
              "cross_table_mismatch", "malformed_number", "narrative_mismatch", "polarity_assumed",
              "unreadable_table"]
STATUSES = ["ok", "ambiguous", "malformed", "empty", "text"]

_num = pa.Column(float, nullable=True)
_int = pa.Column("Int64", nullable=True)
_text = pa.Column(str, nullable=True)
_key = pa.Column(str, nullable=False)


def _schema(columns: dict[str, pa.Column]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(columns, strict=False, coerce=False)


SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "documents": _schema({
        "doc_id": pa.Column(str, pa.Check.str_matches(r"^[0-9a-f]{12}$")), "source_file": _key,
        "tahun": _int, "pages": _int, "status": pa.Column(str, pa.Check.isin(["ok", "partial", "failed"])),
    }),
    "tables": _schema({
        "doc_id": _key, "table_id": _key, "kind": pa.Column(str, pa.Check.isin(TABLE_KINDS)), "n_rows": _int,
        "page": _int, "line": _int,
    }),
    "measurements": _schema({
        "doc_id": _key, "table_id": _key, "indikator": _text,
        "level": pa.Column(str, pa.Check.isin(MEASUREMENT_LEVELS)),
        "target": _num, "realisasi": _num, "capaian_reported": _num, "capaian_computed": _num,
        "polarity": pa.Column(str, pa.Check.isin(["higher_better", "lower_better", "qualitative"])),
        "year": _int, "page": _int, "line": _int,
        "target_status": pa.Column(str, pa.Check.isin(STATUSES)),
    }),
    "budget": _schema({
        "doc_id": _key, "table_id": _key, "level": pa.Column(str, pa.Check.isin(BUDGET_LEVELS)),
        "pagu": _num, "realisasi": _num, "persen_reported": _num, "persen_computed": _num,
        "sisa_reported": _num, "sisa_computed": _num, "is_total": pa.Column(bool), "page": _int, "line": _int,
    }),
    "flags": _schema({
        "doc_id": _key, "kind": pa.Column(str, pa.Check.isin(FLAG_KINDS)),
        "severity": pa.Column(str, pa.Check.isin(["error", "warning", "info"])),
        "reported": _num, "expected": _num, "delta": _num, "message": _key, "page": _int, "line": _int,
    }),
    "errors": _schema({"source_file": _key, "stage": _key, "error": _key}),
}
