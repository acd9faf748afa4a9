"""The lkjip command: exit codes, isolation of failed files, usage errors, summary, reports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from records_factory import fake_extract
from typer.testing import CliRunner

import pipeline.batch
import pipeline.cli
from extractors.settings import Settings
from pipeline.cli import app, main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(pipeline.batch, "extract_document", fake_extract)
    folder = tmp_path / "in"
    for name in ("a.txt", "bad.txt", "sub/c.pdf"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(name, encoding="utf-8")
    return folder


def invoke(*args: str) -> object:
    return CliRunner().invoke(app, ["extract", *args])


def test_a_failed_file_gives_exit_3_and_the_others_are_written(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(str(inputs), "-o", str(out))
    assert result.exit_code == 3, result.output
    errors = pd.read_csv(out / "errors.csv")
    assert errors.to_dict("records") == [{"source_file": str(inputs / "bad.txt"), "stage": "read",
                                          "error": "no tables in this file"}]
    meas = pd.read_csv(out / "measurements.csv")
    assert sorted(set(meas["source_file"])) == [str(inputs / "a.txt"), str(inputs / "sub" / "c.pdf")]
    docs = pd.read_csv(out / "documents.csv")
    assert list(docs["status"]) == ["ok", "failed", "ok"]
    assert (out / "lkjip.duckdb").exists() and (out / "flags.parquet").exists()
    assert f"failed: {inputs / 'bad.txt'}: read: no tables in this file" in result.stderr
    assert "3 file(s): 2 ok, 0 partial, 1 failed" in result.stdout
    assert "4 measurements, 4 budget rows, 2 flags (2 error, 0 warning, 0 info)" in result.stdout
    assert str(out) in result.stdout
    assert (out / "report.html").exists()
    assert sorted(p.name for p in (out / "reports").glob("*.xlsx")) == ["a.xlsx", "c.xlsx"]


def test_all_ok_or_partial_gives_exit_0(inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def partial(path: Path, settings: Settings) -> object:
        ext = fake_extract(path)
        ext.info.status, ext.info.error = "partial", "1 page(s) could not be read"
        return ext

    monkeypatch.setattr(pipeline.batch, "extract_document", partial)
    result = invoke(str(inputs / "a.txt"), str(inputs / "sub"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "2 file(s): 0 ok, 2 partial, 0 failed" in result.stdout
    assert pd.read_csv(tmp_path / "out" / "errors.csv").empty


def test_an_unexpected_crash_in_one_file_is_exit_3_not_a_traceback(inputs: Path, tmp_path: Path) -> None:
    (inputs / "boom.txt").write_text("x", encoding="utf-8")
    result = invoke(str(inputs), "-o", str(tmp_path / "out"), "--workers", "1")
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    errors = pd.read_csv(tmp_path / "out" / "errors.csv").set_index("source_file")
    assert errors.loc[str(inputs / "boom.txt"), "stage"] == "internal"
    assert errors.loc[str(inputs / "boom.txt"), "error"] == "RuntimeError: kaput second line of the message"


def test_a_missing_path_is_a_usage_error_on_one_line(tmp_path: Path) -> None:
    result = invoke(str(tmp_path / "nope"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: no such file or folder: {tmp_path / 'nope'}"
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


def test_a_folder_without_reports_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "x.docx").write_text("x", encoding="utf-8")
    result = invoke(str(tmp_path / "docs"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "no supported files" in result.stderr


def test_an_output_path_that_is_a_file_is_a_usage_error(inputs: Path, tmp_path: Path) -> None:
    (tmp_path / "out.csv").write_text("", encoding="utf-8")
    result = invoke(str(inputs), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 2 and "is a file" in result.stderr


@pytest.mark.parametrize("argv,needle", [
    (["extract", "x.txt", "--workers", "0"], "--workers"),
    (["extract", "x.txt", "--bogus"], "--bogus"),
    (["extract"], "paths"),
    (["frobnicate"], "frobnicate"),
])
def test_bad_options_exit_2_with_one_line(argv: list[str], needle: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("error: ") and needle in err


def test_main_exit_codes_pass_through(inputs: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(inputs), "-o", str(tmp_path / "out"), "-q"])
    assert exit_info.value.code == 3
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(inputs / "a.txt"), "-o", str(tmp_path / "out"), "-q"])
    assert exit_info.value.code == 0


def test_no_reports_and_quiet(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(str(inputs / "a.txt"), "-o", str(out), "--no-reports", "--quiet")
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""
    assert (out / "measurements.csv").exists()
    assert not (out / "report.html").exists() and not (out / "reports").exists()


def test_plain_log_lines_when_not_a_terminal(inputs: Path, tmp_path: Path) -> None:
    result = invoke(str(inputs), "-o", str(tmp_path / "out"))
    lines = [ln for ln in result.stderr.splitlines() if "INFO" in ln]
    assert "settings: defaults" in lines[0]  # the settings of the run come first
    done = [ln for ln in lines if "/3]" in ln]
    assert len(done) == 2 and any("a.txt: ok" in ln for ln in done)
    warnings = [ln for ln in result.stderr.splitlines() if "WARNING" in ln]  # failures at WARNING
    assert len(warnings) == 1 and "/3] " in warnings[0] and "bad.txt: failed (read: no tables" in warnings[0]
    assert "\x1b[" not in result.stderr  # no progress bar escapes


def test_logging_is_left_as_it_was(inputs: Path, tmp_path: Path) -> None:
    import logging

    before = list(logging.getLogger().handlers)
    invoke(str(inputs), "-o", str(tmp_path / "out"), "--verbose")
    assert logging.getLogger().handlers == before
    assert pipeline.cli.log.level == logging.NOTSET


def test_python_dash_m_pipeline() -> None:
    ok = subprocess.run([sys.executable, "-m", "pipeline", "extract", "--help"], cwd=ROOT, capture_output=True,
                        text=True, timeout=120)
    assert ok.returncode == 0 and "--workers" in ok.stdout and "--no-reports" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "pipeline", "extract", "definitely/not/here.txt"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2
    assert bad.stderr.strip() == "error: no such file or folder: definitely/not/here.txt"
