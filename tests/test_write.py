"""The write stage: contract columns, values, CSV/Parquet/DuckDB, determinism, schema checks."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import duckdb
import pandas as pd
import pandera.errors
import pytest
from records_factory import extraction, failed_extraction

from pipeline.write import frames, one_line, split_stage, write_outputs
from schemas.output import COLUMNS, CONTRACT
from schemas.records import Extraction

# the contract (OUTPUT.md), written out here on purpose: a change to schemas/output.py must not pass silently
EXPECTED = {
    "documents": "doc_id source_file sha256 pages instansi wilayah tahun n_tables n_measurements n_budget n_flags "
                 "status error duplicate_of same_report_as tables_with_figures tables_read cells_read_share",
    "tables": "doc_id source_file table_id caption page line kind n_rows columns note",
    "measurements": "doc_id source_file table_id page line level sasaran program indikator satuan target_raw target "
                    "realisasi_raw realisasi capaian_raw capaian_reported capaian_computed polarity formula year "
                    "confidence instansi wilayah tahun indicator_key",
    "budget": "doc_id source_file table_id page line kode level parent_kode uraian pagu_raw pagu realisasi_raw "
              "realisasi persen_raw persen_reported persen_computed sisa_raw sisa_reported sisa_computed is_total "
              "confidence",
    "flags": "doc_id source_file table_id page line kind severity subject reported expected delta message confidence",
    "errors": "source_file stage error",
}
SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec" / "OUTPUT.md"


def test_contract_columns_match_the_spec_text() -> None:
    assert {k: v.split() for k, v in EXPECTED.items()} == CONTRACT
    if not SPEC.exists():
        pytest.skip(f"{SPEC} not present")
    text = SPEC.read_text(encoding="utf-8")
    for name in ("documents", "tables", "measurements", "budget", "flags"):
        section = text.split(f"## {name}.csv")[1].split("\n## ")[0]
        for col in EXPECTED[name].split():
            assert re.search(rf"\b{col}\b", section), (name, col)


def test_written_tables_have_the_contract_columns_first(tmp_path: Path) -> None:
    write_outputs([extraction(), failed_extraction("z.pdf")], tmp_path)
    con = duckdb.connect(str(tmp_path / "lkjip.duckdb"), read_only=True)
    try:
        for name, expected in EXPECTED.items():
            cols = expected.split()
            csv_cols = list(pd.read_csv(tmp_path / f"{name}.csv").columns)
            pq_cols = list(pd.read_parquet(tmp_path / f"{name}.parquet").columns)
            db_cols = [d[0] for d in con.execute(f'SELECT * FROM "{name}" LIMIT 0').description]
            for got in (csv_cols, pq_cols, db_cols):
                assert got[: len(cols)] == cols
                assert got == COLUMNS[name]
    finally:
        con.close()


def test_values_raw_text_and_normalised_numbers(tmp_path: Path) -> None:
    write_outputs([extraction()], tmp_path)
    meas = pd.read_csv(tmp_path / "measurements.csv")
    first, second = meas.iloc[0], meas.iloc[1]
    assert first["target_raw"] == "96 Orang" and first["target"] == 96
    assert first["capaian_raw"] == "92,15 %" and first["capaian_reported"] == 92.15
    assert first["capaian_computed"] == 100 and first["formula"] == "realisasi/target*100"
    assert second["target"] == 35.52 and second["polarity"] == "lower_better"
    assert pd.isna(second["capaian_raw"]) and pd.isna(second["capaian_reported"])  # empty where there is none
    line = (tmp_path / "measurements.csv").read_text(encoding="utf-8").splitlines()[2]
    assert '"35,52%",35.52,"30,1%",30.1,,,,lower_better,' in line  # capaian raw/reported/computed empty
    assert list(meas["target_status"]) == ["ok", "ok"]

    budget = pd.read_parquet(tmp_path / "budget.parquet")
    assert budget.loc[0, "pagu"] == 12387484416 and budget.loc[0, "pagu_raw"] == "12,387,484,416"
    assert budget.loc[0, "persen_reported"] == 96.78
    assert pd.isna(budget.loc[0, "sisa_reported"]) and budget.loc[0, "sisa_raw"] == "-"
    assert budget.loc[1, "pagu"] == 2456653000 and budget.loc[1, "realisasi"] == -19588000
    assert list(budget["is_total"]) == [False, True]

    # plain numbers in the CSV text: "." decimals, no thousands separators, no index column
    text = (tmp_path / "budget.csv").read_text(encoding="utf-8")
    assert text.startswith("doc_id,source_file,")
    assert ",12387484416.0," in text and ",96.78," in text and "12,387,484,416\"" in text


def test_duckdb_holds_the_same_rows(tmp_path: Path) -> None:
    write_outputs([extraction("a.txt"), extraction("b.txt")], tmp_path)
    with duckdb.connect(str(tmp_path / "lkjip.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from measurements").fetchone() == (4,)
        assert con.execute("select count(*) from flags where kind = 'capaian_mismatch'").fetchone() == (2,)
        assert con.execute("select capaian_reported from measurements where line = 5").fetchall() == [(None,), (None,)]
        assert con.execute("select sum(pagu) from budget where is_total").fetchone() == (2 * 2456653000.0,)


def test_rerun_gives_identical_files_and_replaces_rows(tmp_path: Path) -> None:
    write_outputs([extraction("a.txt"), extraction("b.txt")], tmp_path)
    first = {p.name: p.read_bytes() for p in sorted(tmp_path.glob("*.csv")) + sorted(tmp_path.glob("*.parquet"))}
    write_outputs([extraction("b.txt"), extraction("a.txt")], tmp_path)  # other order in, same files out
    again = {p.name: p.read_bytes() for p in sorted(tmp_path.glob("*.csv")) + sorted(tmp_path.glob("*.parquet"))}
    assert first == again
    write_outputs([extraction("a.txt")], tmp_path)  # fewer inputs: tables replaced, not appended to
    assert len(pd.read_csv(tmp_path / "measurements.csv")) == 2
    with duckdb.connect(str(tmp_path / "lkjip.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from measurements").fetchone() == (2,)
        assert con.execute("select count(*) from documents").fetchone() == (1,)
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_rows_ordered_by_source_then_table_then_line() -> None:
    a, b = extraction("b.txt"), extraction("a.txt")
    a.measurements.reverse()
    a.budget.reverse()
    a.flags.append(a.flags[0].__class__(**{**a.flags[0].__dict__, "table_id": "t02", "line": 10,
                                           "kind": "remaining_mismatch"}))
    a.flags.reverse()
    out = frames([a, b])
    assert list(out["documents"]["source_file"]) == ["a.txt", "b.txt"]
    meas = out["measurements"]
    assert list(zip(meas["source_file"], meas["line"], strict=True)) == [("a.txt", 4), ("a.txt", 5),
                                                                          ("b.txt", 4), ("b.txt", 5)]
    assert list(out["budget"]["line"]) == [10, 11, 10, 11]
    assert list(out["flags"][out["flags"]["source_file"] == "b.txt"]["table_id"]) == ["t01", "t02"]


def test_levels_outside_the_contract_become_other_with_the_detail_kept() -> None:
    ext = extraction()
    ext.budget[0] = dataclasses.replace(ext.budget[0], level="sasaran")
    budget = frames([ext])["budget"]
    assert budget.loc[0, "level"] == "other" and budget.loc[0, "level_detail"] == "sasaran"
    assert budget.loc[1, "level"] == "total" and budget.loc[1, "level_detail"] == "total"


def test_schema_rejects_an_unknown_flag_kind() -> None:
    ext = extraction()
    ext.flags[0].kind = "made_up"
    with pytest.raises(pandera.errors.SchemaError):
        frames([ext])


@pytest.mark.parametrize("field,value", [("severity", "fatal"), ("message", "")])
def test_schema_rejects_bad_flag_fields(field: str, value: str) -> None:
    ext = extraction()
    setattr(ext.flags[0], field, value)
    with pytest.raises(pandera.errors.SchemaError):
        frames([ext])


def test_schema_rejects_bad_polarity_and_bad_doc_id() -> None:
    ext = extraction()
    ext.measurements[0] = dataclasses.replace(ext.measurements[0], polarity="sideways")
    with pytest.raises(pandera.errors.SchemaError):
        frames([ext])
    ext = extraction()
    ext.info.doc_id = "not-a-hash"
    with pytest.raises(pandera.errors.SchemaError):
        frames([ext])


def test_a_document_breaking_the_schema_is_written_as_failed_not_dropped(tmp_path: Path) -> None:
    bad = extraction("bad.txt")
    bad.flags[0].kind = "made_up"
    tables = write_outputs([bad, extraction("good.txt")], tmp_path)
    docs = pd.read_csv(tmp_path / "documents.csv").set_index("source_file")
    assert docs.loc["bad.txt", "status"] == "failed" and docs.loc["good.txt", "status"] == "ok"
    assert docs.loc["bad.txt", "n_measurements"] == 0
    errors = pd.read_csv(tmp_path / "errors.csv")
    assert list(errors["source_file"]) == ["bad.txt"] and list(errors["stage"]) == ["write"]
    assert "made_up" in errors.loc[0, "error"]
    assert set(pd.read_csv(tmp_path / "measurements.csv")["source_file"]) == {"good.txt"}
    assert set(tables["flags"]["kind"]) == {"capaian_mismatch"}


def test_errors_table_for_failed_inputs(tmp_path: Path) -> None:
    exts = [extraction("ok.txt"), failed_extraction("x.pdf", "read: encrypted PDF\n  (password needed)"),
            failed_extraction("y.txt", "weird failure")]
    write_outputs(exts, tmp_path)
    errors = pd.read_csv(tmp_path / "errors.csv")
    assert errors.to_dict("records") == [
        {"source_file": "x.pdf", "stage": "read", "error": "encrypted PDF (password needed)"},
        {"source_file": "y.txt", "stage": "unknown", "error": "weird failure"},
    ]
    docs = pd.read_csv(tmp_path / "documents.csv", keep_default_na=False)
    assert list(docs["status"]) == ["ok", "failed", "failed"]
    assert docs.loc[1, "error"] == "read: encrypted PDF (password needed)"  # one line


def test_empty_batch_still_writes_every_table_with_its_header(tmp_path: Path) -> None:
    write_outputs([], tmp_path)
    for name, cols in COLUMNS.items():
        assert (tmp_path / f"{name}.csv").read_text(encoding="utf-8").strip() == ",".join(cols)
        assert len(pd.read_parquet(tmp_path / f"{name}.parquet")) == 0


def test_one_line_and_split_stage() -> None:
    assert one_line("a\n  b\tc") == "a b c"
    assert len(one_line("x" * 1000, 50)) == 50
    assert split_stage("check: ZeroDivisionError: division by zero") == ("check", "ZeroDivisionError: division by zero")
    assert split_stage("Traceback: nope") == ("unknown", "Traceback: nope")


def test_confidence_and_coverage_columns(tmp_path: Path) -> None:
    ext = extraction()
    ext.measurements[1] = dataclasses.replace(ext.measurements[1], confidence=0.45)
    ext.budget[0] = dataclasses.replace(ext.budget[0], confidence=0.8)
    ext.flags[0].confidence = 0.9
    ext.info.tables_with_figures, ext.info.tables_read, ext.info.cells_read_share = 3, 2, 0.75
    ext.table_infos[0].confidence, ext.table_infos[0].n_numeric_cells, ext.table_infos[0].n_cells_read = 0.9, 7, 6
    write_outputs([ext, failed_extraction("z.pdf")], tmp_path)
    assert list(pd.read_csv(tmp_path / "measurements.csv")["confidence"]) == [1.0, 0.45]
    assert list(pd.read_csv(tmp_path / "budget.csv")["confidence"]) == [0.8, 1.0]
    assert list(pd.read_csv(tmp_path / "flags.csv")["confidence"]) == [0.9]
    docs = pd.read_csv(tmp_path / "documents.csv").set_index("source_file")
    assert (docs.loc["a.txt", "tables_with_figures"], docs.loc["a.txt", "tables_read"]) == (3, 2)
    assert docs.loc["a.txt", "cells_read_share"] == 0.75
    assert docs.loc["z.pdf", "tables_read"] == 0 and pd.isna(docs.loc["z.pdf", "cells_read_share"])  # no figures
    tables = pd.read_csv(tmp_path / "tables.csv")
    assert tables[["confidence", "n_numeric_cells", "n_cells_read"]].values.tolist() == [[0.9, 7, 6], [0.0, 0, 0]]


@pytest.mark.parametrize("value", [1.2, -0.1])
def test_schema_rejects_a_confidence_or_share_outside_0_1(value: float) -> None:
    def record(e: Extraction, name: str) -> None:
        getattr(e, name)[0] = dataclasses.replace(getattr(e, name)[0], confidence=value)

    for set_bad in (lambda e: record(e, "measurements"),
                    lambda e: setattr(e.flags[0], "confidence", value),
                    lambda e: record(e, "budget"),
                    lambda e: setattr(e.table_infos[0], "confidence", value),
                    lambda e: setattr(e.info, "cells_read_share", value)):
        ext = extraction()
        set_bad(ext)
        with pytest.raises(pandera.errors.SchemaError):
            frames([ext])
