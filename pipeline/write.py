"""Write the output contract: CSV + Parquet per table and one DuckDB file holding all of them.

Two ways in: `write_outputs` writes a list of extractions held in memory; `TableSink` (the batch)
takes one document's rows at a time and streams them to the CSV and Parquet files, so memory stays
flat however many documents a batch holds, then builds the DuckDB file from the Parquet files.

Tables are rebuilt from the extractions on every run (replaced, never appended to), rows in a
fixed order (source_file, then table order, then page/line), so re-running on the same inputs
gives the same files. Every table is validated against its pandera schema before writing; a
document whose rows do not pass becomes a failed document (stage "write") instead of taking the
other documents' rows down with it.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pandera.errors

from extractors.keys import indicator_key, normalise_satuan, normalise_wilayah
from extractors.numbers import Number
from pipeline.check import messages
from pipeline.panel import create_views
from schemas.output import (
    BOOL_COLUMNS,
    BUDGET_LEVELS,
    COLUMNS,
    FLOAT_COLUMNS,
    INT_COLUMNS,
    MEASUREMENT_LEVELS,
    SCHEMAS,
)
from schemas.records import BudgetLine, DocumentInfo, Extraction, Flag, Measurement, TableInfo, YearFigure

log = logging.getLogger(__name__)

DB_NAME = "lkjip.duckdb"
Row = dict[str, Any]
_STAGE = re.compile(r"^\s*(input|read|assemble|understand|normalise|extract|check|write|internal)\s*:\s*(.*)$", re.S)


def one_line(text: str, limit: int = 500) -> str:
    """A message on one line (whitespace runs collapsed), at most `limit` characters."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def split_stage(error: str) -> tuple[str, str]:
    """'read: no such file' -> ('read', 'no such file'); an error without a known stage -> ('unknown', error)."""
    m = _STAGE.match(error)
    if m:
        return m.group(1), one_line(m.group(2)) or "failed"
    return "unknown", one_line(error) or "failed"


# --- one record -> one row -------------------------------------------------------------------------------------
def _number(prefix: str, n: Number, value_name: str | None = None) -> Row:
    return {f"{prefix}_raw": n.raw, value_name or prefix: n.value, f"{prefix}_status": n.status}


def _contract_level(level: str, allowed: list[str]) -> str:
    return level if level in allowed else "other"


def _report(info: DocumentInfo | None) -> Row:
    """The report's instansi, wilayah (normalised) and tahun, carried by its indicator rows."""
    if info is None:
        return {"instansi": "", "wilayah": "", "tahun": None}
    return {"instansi": info.instansi, "wilayah": normalise_wilayah(info.wilayah), "tahun": info.tahun}


def measurement_row(m: Measurement, info: DocumentInfo | None = None) -> Row:
    row: Row = {k: getattr(m, k) for k in ("doc_id", "source_file", "table_id", "page", "line", "sasaran",
                                           "program", "indikator", "satuan", "capaian_computed", "polarity",
                                           "formula", "year", "confidence")}
    row.update(level=_contract_level(m.level, MEASUREMENT_LEVELS), level_detail=m.level)
    row.update(_number("target", m.target))
    row.update(_number("realisasi", m.realisasi))
    row.update(_number("capaian", m.capaian, "capaian_reported"))
    row.update(_report(info), indicator_key=indicator_key(m.indikator), satuan_norm=normalise_satuan(m.satuan))
    return row


YEAR_ROLES = {"target": "target", "realisasi": "realisasi", "capaian": "capaian", "target_series": "target"}


def year_rows(ext: Extraction) -> list[Row]:
    """Other years' figures of comparison and plan tables, a row per (table row, year): not the reporting year's,
    which are measurements."""
    tahun = ext.info.tahun
    by: dict[tuple[str, int, int], dict[str, YearFigure]] = {}
    for y in ext.year_figures:
        role = YEAR_ROLES.get(y.role)
        if role is None or y.year is None or y.year == tahun or y.number.value is None:
            continue
        slot = by.setdefault((y.table_id, y.row_index, y.year), {})
        slot.setdefault(role, y)
    rows: list[Row] = []
    for (table_id, _, year), figures in by.items():
        first = next(iter(figures.values()))
        row: Row = {"doc_id": ext.info.doc_id, "source_file": ext.info.source_file, "table_id": table_id,
                    "page": first.page, "line": first.line, "indikator": first.subject, "year": year,
                    "confidence": min(f.confidence for f in figures.values())}
        for role, name in (("target", "target"), ("realisasi", "realisasi"), ("capaian", "capaian_reported")):
            f = figures.get(role)
            row[f"{role}_raw"] = f.number.raw if f else ""
            row[name] = f.number.value if f else None
        row.update(_report(ext.info), indicator_key=indicator_key(first.subject))
        rows.append(row)
    return rows


def flag_rows(flags: list[Flag], ctx: messages.Context, lang: str = "id") -> list[Row]:
    """Flags as rows: `message` rendered in `lang` from the check's sentence (kept as `message_original`)."""
    rows = []
    for f in flags:
        row = asdict(f)
        row["message_original"] = f.message
        row["message"] = messages.render(row, ctx, lang) or f.message
        rows.append(row)
    return rows


def budget_row(b: BudgetLine) -> Row:
    row: Row = {k: getattr(b, k) for k in ("doc_id", "source_file", "table_id", "page", "line", "kode",
                                           "parent_kode", "uraian", "persen_computed", "sisa_computed",
                                           "is_total", "section", "year", "confidence")}
    row.update(level=_contract_level(b.level, BUDGET_LEVELS), level_detail=b.level)
    row.update(_number("pagu", b.pagu))
    row.update(_number("realisasi", b.realisasi))
    row.update(_number("persen", b.persen, "persen_reported"))
    row.update(_number("sisa", b.sisa, "sisa_reported"))
    return row


def document_row(info: DocumentInfo) -> Row:
    row = asdict(info)
    row["error"] = one_line(info.error)
    row["wilayah"] = normalise_wilayah(info.wilayah)
    return row


def error_row(info: DocumentInfo) -> Row:
    stage, why = split_stage(info.error)
    return {"source_file": info.source_file, "stage": stage, "error": why}


# --- one extraction -> its rows of every table -------------------------------------------------------------------
def _sorted(records: Iterable[Any], rank: dict[str, int]) -> list[Any]:
    """Table order, then page, then line; ties keep the extractor's order (sort is stable)."""
    def key(r: Any) -> tuple[int, int, int]:
        return (rank.get(r.table_id, len(rank)), -1 if r.page is None else r.page, -1 if r.line is None else r.line)
    return sorted(records, key=key)


def extraction_rows(ext: Extraction, lang: str = "id") -> dict[str, list[Row]]:
    rank = {t.table_id: i for i, t in reversed(list(enumerate(ext.table_infos)))}
    tables: list[TableInfo] = list(ext.table_infos)
    measurements: list[Measurement] = _sorted(ext.measurements, rank)
    budget: list[BudgetLine] = _sorted(ext.budget, rank)
    flags: list[Flag] = _sorted(ext.flags, rank)
    table_rows = [asdict(t) for t in tables]
    measurement_rows = [measurement_row(m, ext.info) for m in measurements]
    budget_rows = [budget_row(b) for b in budget]
    ctx = messages.Context.of(table_rows, measurement_rows, budget_rows)
    return {
        "documents": [document_row(ext.info)],
        "tables": table_rows,
        "measurements": measurement_rows,
        "budget": budget_rows,
        "flags": flag_rows(flags, ctx, lang),
        "errors": [error_row(ext.info)] if ext.info.status == "failed" else [],
        "indicator_years": _sorted_rows(year_rows(ext), rank),
    }


def _sorted_rows(rows: list[Row], rank: dict[str, int]) -> list[Row]:
    def key(r: Row) -> tuple[int, int, int, int]:
        return (rank.get(r["table_id"], len(rank)), -1 if r["page"] is None else r["page"],
                -1 if r["line"] is None else r["line"], r["year"])
    return sorted(rows, key=key)


# --- rows -> typed, ordered, validated DataFrames -------------------------------------------------------------------
def _text_value(v: Any) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    return str(v)


def _typed(name: str, rows: list[Row]) -> pd.DataFrame:
    columns = COLUMNS[name]
    data: dict[str, pd.Series] = {}
    for col in columns:
        values = [r.get(col) for r in rows]
        if col in INT_COLUMNS:
            data[col] = pd.Series(pd.array([None if v is None else int(v) for v in values], dtype="Int64"))
        elif col in FLOAT_COLUMNS:
            data[col] = pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64")
        elif col in BOOL_COLUMNS:
            data[col] = pd.Series([bool(v) for v in values], dtype=bool)
        else:
            data[col] = pd.Series([_text_value(v) for v in values], dtype=str)
    return pd.DataFrame(data, columns=columns)


def validate(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """The table checked against its schema; raises pandera.errors.SchemaError on a bad row."""
    return SCHEMAS[name].validate(df)


def document_rows(ext: Extraction, lang: str = "id") -> dict[str, list[Row]]:
    """One extraction's rows of every table, each validated against its schema; a document whose rows
    break a schema becomes a failed document (stage "write") instead. Flag messages in `lang` (id | en)."""
    try:
        return _check_extraction(ext, lang)
    except (pandera.errors.SchemaError, ValueError, TypeError) as exc:
        return extraction_rows(_write_failure(ext, exc))


def _check_extraction(ext: Extraction, lang: str = "id") -> dict[str, list[Row]]:
    rows = extraction_rows(ext, lang)
    for name, table_rows in rows.items():
        validate(name, _typed(name, table_rows))
    return rows


def _write_failure(ext: Extraction, exc: Exception) -> Extraction:
    why = f"write: rows do not match the output schema: {one_line(str(exc), 300)}"
    log.warning("%s: %s", ext.info.source_file, why)
    return Extraction(info=replace(ext.info, status="failed", error=why, n_tables=0, n_measurements=0,
                                   n_budget=0, n_flags=0))


def frames(extractions: Iterable[Extraction], strict: bool = True, lang: str = "id") -> dict[str, pd.DataFrame]:
    """The output tables as DataFrames (contract columns first), validated against their schemas.

    strict: a row that breaks a schema raises pandera.errors.SchemaError. Otherwise the document it
    came from is written as failed (stage "write", listed in errors) and the others are kept.
    """
    rows: dict[str, list[Row]] = {name: [] for name in COLUMNS}
    for ext in sorted(extractions, key=lambda e: e.info.source_file):
        try:
            ext_rows = _check_extraction(ext, lang)
        except (pandera.errors.SchemaError, ValueError, TypeError) as exc:
            if strict:
                raise
            ext_rows = extraction_rows(_write_failure(ext, exc))
        for name, table_rows in ext_rows.items():
            rows[name].extend(table_rows)
    from pipeline.panel import join_rows

    join_rows(rows)
    return {name: validate(name, _typed(name, table_rows)) for name, table_rows in rows.items()}


# --- files ---------------------------------------------------------------------------------------------------------
def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Write to a temporary file beside `path`, then replace it (no half-written outputs)."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_csv(df: pd.DataFrame, path: Path) -> None:
    _atomic(path, lambda p: df.to_csv(p, index=False, encoding="utf-8", lineterminator="\n"))


def write_parquet(df: pd.DataFrame, path: Path) -> None:
    _atomic(path, lambda p: df.to_parquet(p, index=False, engine="pyarrow"))


def write_duckdb(tables: dict[str, pd.DataFrame], path: Path) -> None:
    def write(tmp: Path) -> None:
        con = duckdb.connect(str(tmp))
        try:
            for name, df in tables.items():
                con.register("frame", df)
                con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM frame')
                con.unregister("frame")
            if set(COLUMNS) <= set(tables):
                create_views(con)
        finally:
            con.close()
    _atomic(path, write)


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, df in tables.items():
        write_csv(df, out_dir / f"{name}.csv")
        write_parquet(df, out_dir / f"{name}.parquet")
    write_duckdb(tables, out_dir / DB_NAME)


def write_outputs(extractions: list[Extraction], out_dir: Path) -> dict[str, pd.DataFrame]:
    """Validate and write every table into `out_dir`; returns the tables written.

    A document whose rows break the schema is written as failed (see `frames`), never dropped.
    """
    tables = frames(extractions, strict=False)
    write_tables(tables, out_dir)
    return tables


# --- streaming, one document at a time ------------------------------------------------------------------------------
SMALL = ("documents", "errors")  # one row or none per document: kept and written at the end, in one piece
Parts = dict[str, tuple[bytes, Any]]  # table -> (CSV lines without header, pyarrow Table)


def _arrow_schema(name: str) -> Any:
    import pyarrow as pa

    return pa.Schema.from_pandas(_typed(name, []), preserve_index=False)


def render(rows: dict[str, list[Row]]) -> Parts:
    """A document's rows of the large tables as CSV lines and Arrow tables, ready to append (done in a worker)."""
    import pyarrow as pa

    parts: Parts = {}
    for name, table_rows in rows.items():
        if name in SMALL or not table_rows:
            continue
        df = _typed(name, table_rows)
        csv = df.to_csv(index=False, header=False, lineterminator="\n").encode("utf-8")
        parts[name] = (csv, pa.Table.from_pandas(df, schema=_arrow_schema(name), preserve_index=False))
    return parts


class TableSink:
    """CSV + Parquet files of every table in `folder`, written one document at a time, then lkjip.duckdb.

    A document comes as rows (`add`) or already rendered by a worker (`add_parts`); documents and
    errors rows (one per input at most) are kept and written at `close`. The files are the same as
    `write_tables` writes for the same rows in the same order.
    """

    ROW_GROUP = 65536  # rows buffered per table before a Parquet row group is written

    def __init__(self, folder: Path) -> None:
        import pyarrow.parquet as pq

        self.folder = folder
        self.counts = {name: 0 for name in COLUMNS}
        self.small: dict[str, list[Row]] = {name: [] for name in SMALL}
        self._csv: dict[str, Any] = {}
        self._parquet: dict[str, Any] = {}
        self._buffer: dict[str, list[Any]] = {name: [] for name in COLUMNS}
        self._buffered = {name: 0 for name in COLUMNS}
        for name in COLUMNS:
            if name in SMALL:
                continue
            fh = open(folder / f"{name}.csv", "wb")
            self._csv[name] = fh
            fh.write(_typed(name, []).to_csv(index=False, lineterminator="\n").encode("utf-8"))
            self._parquet[name] = pq.ParquetWriter(folder / f"{name}.parquet", _arrow_schema(name))

    def add(self, rows: dict[str, list[Row]]) -> None:
        for name in SMALL:
            self.small[name].extend(rows.get(name, []))
        self.add_parts(render(rows))

    def add_parts(self, parts: Parts, small: dict[str, list[Row]] | None = None) -> None:
        for name in SMALL:
            self.small[name].extend((small or {}).get(name, []))
        for name, (csv, table) in parts.items():
            self._csv[name].write(csv)
            self.counts[name] += table.num_rows
            self._buffer[name].append(table)
            self._buffered[name] += table.num_rows
            if self._buffered[name] >= self.ROW_GROUP:
                self._flush(name)

    def _flush(self, name: str) -> None:
        import pyarrow as pa

        if not self._buffer[name]:
            return
        self._parquet[name].write_table(pa.concat_tables(self._buffer[name]))
        self._buffer[name], self._buffered[name] = [], 0

    def close(self) -> None:
        """Finish every file (fsync'd, so that a full disk shows here and not after the swap) and the database."""
        for name in COLUMNS:
            if name in SMALL:
                df = _typed(name, self.small[name])
                self.counts[name] = len(df)
                write_csv(df, self.folder / f"{name}.csv")
                write_parquet(df, self.folder / f"{name}.parquet")
                continue
            self._flush(name)
            self._parquet[name].close()
            fh = self._csv[name]
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
        con = duckdb.connect(str(self.folder / DB_NAME))
        try:
            for name in COLUMNS:
                source = (self.folder / f"{name}.parquet").as_posix().replace("'", "''")
                con.execute(f"CREATE TABLE \"{name}\" AS SELECT * FROM read_parquet('{source}')")
            create_views(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        wal = self.folder / f"{DB_NAME}.wal"
        if wal.exists():
            raise OSError(f"{DB_NAME} was not checkpointed (a write-ahead log is left)")

    def abort(self) -> None:
        for fh in self._csv.values():
            try:
                fh.close()
            except OSError:
                pass
        for writer in self._parquet.values():
            try:
                writer.close()
            except Exception:  # noqa: BLE001 - already failing
                pass
