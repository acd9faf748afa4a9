"""Write the output contract: CSV + Parquet per table and one DuckDB file with all of them.

Tables are rebuilt from the extractions on every run (never appended to), in a fixed order, so
re-running on the same inputs gives the same files.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from extractors.numbers import Number
from schemas.output import COLUMNS, SCHEMAS
from schemas.records import Extraction

INT_COLUMNS = {"pages", "tahun", "n_tables", "n_measurements", "n_budget", "n_flags", "page", "line", "n_rows",
               "year"}
FLOAT_COLUMNS = {"target", "realisasi", "capaian_reported", "capaian_computed", "pagu", "persen_reported",
                 "persen_computed", "sisa_reported", "sisa_computed", "reported", "expected", "delta"}


def _number(prefix: str, n: Number, value_name: str | None = None) -> dict[str, Any]:
    return {f"{prefix}_raw": n.raw, value_name or prefix: n.value}


def _measurement_row(m: Any) -> dict[str, Any]:
    row = {k: getattr(m, k) for k in ("doc_id", "source_file", "table_id", "page", "line", "level", "sasaran",
                                      "program", "indikator", "satuan", "capaian_computed", "polarity",
                                      "formula", "year")}
    row.update(_number("target", m.target))
    row.update(_number("realisasi", m.realisasi))
    row.update(_number("capaian", m.capaian, "capaian_reported"))
    row.update(target_status=m.target.status, realisasi_status=m.realisasi.status,
               capaian_status=m.capaian.status)
    return row


def _budget_row(b: Any) -> dict[str, Any]:
    row = {k: getattr(b, k) for k in ("doc_id", "source_file", "table_id", "page", "line", "kode", "level",
                                      "parent_kode", "uraian", "persen_computed", "sisa_computed", "is_total",
                                      "section", "year")}
    row.update(_number("pagu", b.pagu))
    row.update(_number("realisasi", b.realisasi))
    row.update(_number("persen", b.persen, "persen_reported"))
    row.update(_number("sisa", b.sisa, "sisa_reported"))
    row.update(pagu_status=b.pagu.status, realisasi_status=b.realisasi.status)
    return row


def frames(extractions: list[Extraction]) -> dict[str, pd.DataFrame]:
    """The output tables as DataFrames, validated against their schemas."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
    for ext in sorted(extractions, key=lambda e: e.info.source_file):
        rows["documents"].append(asdict(ext.info))
        rows["tables"].extend(asdict(t) for t in ext.table_infos)
        rows["measurements"].extend(_measurement_row(m) for m in ext.measurements)
        rows["budget"].extend(_budget_row(b) for b in ext.budget)
        rows["flags"].extend(asdict(f) for f in ext.flags)
        if ext.info.status == "failed":
            stage, _, why = ext.info.error.partition(": ")
            rows["errors"].append({"source_file": ext.info.source_file, "stage": stage or "read",
                                   "error": why or ext.info.error})
    out = {}
    for name, columns in COLUMNS.items():
        df = pd.DataFrame(rows[name])
        for col in columns:
            if col not in df.columns:
                df[col] = pd.Series([None] * len(df), dtype=object)
        extra = [c for c in df.columns if c not in columns]
        df = df[columns + extra]
        out[name] = SCHEMAS[name].validate(_types(df))
    return out


def _types(df: pd.DataFrame) -> pd.DataFrame:
    for col in df.columns:
        if col in INT_COLUMNS:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("Int64")
        elif col in FLOAT_COLUMNS:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype(float)
        elif col == "is_total":
            df[col] = df[col].astype(bool)
        else:
            df[col] = df[col].map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v))
            df[col] = df[col].astype(str)
    return df


def write_outputs(extractions: list[Extraction], out_dir: Path) -> dict[str, pd.DataFrame]:
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = frames(extractions)
    db_path = out_dir / "lkjip.duckdb"
    tmp_db = out_dir / "lkjip.duckdb.tmp"
    tmp_db.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp_db))
    try:
        for name, df in tables.items():
            df.to_csv(out_dir / f"{name}.csv", index=False, encoding="utf-8")
            df.to_parquet(out_dir / f"{name}.parquet", index=False)
            con.register("frame", df)
            con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM frame')
            con.unregister("frame")
    finally:
        con.close()
    tmp_db.replace(db_path)
    return tables
