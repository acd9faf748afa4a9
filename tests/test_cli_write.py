from pathlib import Path

import duckdb
import pandas as pd
import pandera.errors
import pytest
from typer.testing import CliRunner

import pipeline.batch
from extractors.numbers import parse_number
from extractors.settings import Settings
from pipeline.cli import app
from pipeline.write import frames, write_outputs
from schemas.output import COLUMNS
from schemas.records import BudgetLine, DocumentInfo, Extraction, Flag, Measurement

TABLE = "Tabel 1 Capaian\nNo\tIndikator\tTarget\tRealisasi\tCapaian\n1\tJumlah orang\t96 Orang\t96 Orang\t92,15 %\n"


def small_extraction() -> Extraction:
    info = DocumentInfo(doc_id="abcdef012345", source_file="a.txt", sha256="ab" * 32, pages=0, tahun=2024)
    m = Measurement("abcdef012345", "a.txt", "t01", None, 3, "other", "Jumlah orang", parse_number("96 Orang"),
                    parse_number("96 Orang"), parse_number("92,15 %"), satuan="Orang")
    b = BudgetLine("abcdef012345", "a.txt", "t02", None, 9, "1.06.01", "program", "Program A",
                   parse_number("12,387,484,416"), parse_number("-"), parse_number("96.78%"), parse_number(""))
    f = Flag("abcdef012345", "a.txt", "t01", None, 3, "capaian_mismatch", "error", "Jumlah orang", 92.15, 100.0,
             -7.85, "Capaian 92,15% tidak sesuai: realisasi 96 / target 96 x 100 = 100,00%")
    return Extraction(info=info, measurements=[m], budget=[b], flags=[f])


def test_columns_follow_the_contract_and_numbers_are_plain(tmp_path: Path) -> None:
    write_outputs([small_extraction()], tmp_path)
    for name, columns in COLUMNS.items():
        df = pd.read_csv(tmp_path / f"{name}.csv")
        assert list(df.columns)[: len(columns)] == columns
        assert (tmp_path / f"{name}.parquet").exists()
    budget = pd.read_csv(tmp_path / "budget.csv")
    assert budget.loc[0, "pagu"] == 12387484416 and budget.loc[0, "pagu_raw"] == "12,387,484,416"
    meas = pd.read_parquet(tmp_path / "measurements.parquet")
    assert meas.loc[0, "capaian_reported"] == 92.15
    with duckdb.connect(str(tmp_path / "lkjip.duckdb")) as con:
        assert con.execute("select count(*) from flags where kind = 'capaian_mismatch'").fetchone() == (1,)


def test_rerun_gives_identical_files(tmp_path: Path) -> None:
    write_outputs([small_extraction()], tmp_path)
    first = {p.name: p.read_bytes() for p in tmp_path.glob("*.csv")}
    write_outputs([small_extraction()], tmp_path)
    assert first == {p.name: p.read_bytes() for p in tmp_path.glob("*.csv")}


def test_schema_rejects_an_unknown_flag_kind() -> None:
    ext = small_extraction()
    ext.flags[0].kind = "made_up"
    with pytest.raises(pandera.errors.SchemaError):
        frames([ext])


def test_cli_isolates_a_failing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text(TABLE, encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 3
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert list(errors["source_file"]) == [str(tmp_path / "in" / "empty.txt")]
    meas = pd.read_csv(tmp_path / "out" / "measurements.csv")
    assert list(meas["capaian_reported"]) == [92.15]


def test_cli_survives_an_unexpected_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x.txt"
    path.write_text(TABLE, encoding="utf-8")

    def boom(_: Path, settings: Settings) -> Extraction:
        raise RuntimeError("kaput")

    monkeypatch.setattr(pipeline.batch, "extract_document", boom)
    result = CliRunner().invoke(app, ["extract", str(path), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 3
    assert "kaput" in pd.read_csv(tmp_path / "out" / "errors.csv").loc[0, "error"]


def test_cli_usage_error_for_a_missing_path(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "nope"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "no such file" in result.output
