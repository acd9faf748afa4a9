"""The output folder as a unit: manifest, lock, write failures, strict exit, version and help, dask."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from records_factory import fake_extract
from typer.testing import CliRunner

import pipeline.batch
import pipeline.write
from pipeline.cli import app
from pipeline.manifest import lock

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(pipeline.batch, "extract_document", fake_extract)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(name, encoding="utf-8")
    return folder


def invoke(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


def outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and ".lkjip" not in p.parts}


def test_manifest_is_written_last_and_describes_the_set(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("extract", str(inputs), "-o", str(out), "--set", "arith.share=0.7")
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["tool_version"].startswith("0.1.0+") and manifest["run_id"]
    assert manifest["options"]["settings"]["arith.share"] == 0.7
    assert manifest["options"]["limits"]["timeout"] > 0
    assert [Path(i["source_file"]).name for i in manifest["inputs"]] == ["a.txt", "b.txt"]
    assert all(len(i["sha256"]) == 64 for i in manifest["inputs"])
    for name, n in manifest["counts"].items():
        assert len(pd.read_csv(out / f"{name}.csv")) == n
    assert (out / "manifest.json").stat().st_mtime_ns >= max((out / f).stat().st_mtime_ns for f in
                                                              ("documents.csv", "lkjip.duckdb", "report.html"))
    assert not list((out / ".lkjip").glob("staging-*"))


def test_a_second_run_on_the_same_folder_is_refused(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".lkjip").mkdir(parents=True)
    with lock(out):
        result = invoke("extract", str(inputs), "-o", str(out))
    assert result.exit_code == 5
    assert "another lkjip run" in result.stderr and "is writing to" in result.stderr
    assert not (out / "documents.csv").exists()
    assert invoke("extract", str(inputs), "-o", str(out)).exit_code == 0  # released


@pytest.mark.parametrize("where", ["sink", "reports", "cache"])
def test_a_full_disk_is_exit_1_and_the_previous_outputs_stay(inputs: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    out = tmp_path / "out"
    assert invoke("extract", str(inputs), "-o", str(out)).exit_code == 0
    before = outputs(out)
    (inputs / "c.txt").write_text("c", encoding="utf-8")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if where == "sink":
        monkeypatch.setattr(pipeline.write.TableSink, "close", full)
    elif where == "reports":
        monkeypatch.setattr("pipeline.report.write_html", full)
    else:
        monkeypatch.setattr("pipeline.cache.Cache.store", full)
    result = invoke("extract", str(inputs), "-o", str(out))
    assert result.exit_code == 1, result.output
    assert "No space left on device" in result.stderr and "previous outputs" in result.stderr
    assert "outputs in" not in result.stdout  # never a success message
    assert outputs(out) == before
    assert not list((out / ".lkjip").glob("staging-*"))


def test_an_unwritable_output_folder_is_found_before_extraction(inputs: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = invoke("extract", str(inputs), "-o", str(tmp_path / "file" / "out"))
    assert result.exit_code == 2 and "cannot write to output folder" in result.stderr


def test_strict_exits_4_when_flags_of_that_severity_appear(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert invoke("extract", str(inputs), "-o", str(out), "--strict", "error").exit_code == 4
    assert invoke("extract", str(inputs), "-o", str(out), "--strict", "warning").exit_code == 4
    assert invoke("extract", str(inputs), "-o", str(out), "--strict", "bogus").exit_code == 2
    assert invoke("extract", str(inputs), "-o", str(out)).exit_code == 0


def test_version_and_help_list_every_exit_code() -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.startswith("lkjip 0.1.0+")
    text = subprocess.run([sys.executable, "-m", "pipeline", "extract", "--help"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "COLUMNS": "120"}).stdout
    for option in ("--timeout", "--max-memory", "--max-pages", "--max-megapixels", "--force", "--strict",
                   "--workers", "--scheduler"):
        assert option in text
    for code in ("0 ", "1 ", "2 ", "3 ", "4 ", "5 ", "130"):
        assert f"\n   {code}" in text
    assert "Examples:" in text


def test_dask_scheduler_writes_what_the_local_run_writes(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="dask is an optional extra: pip install '.[dask]'")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ROOT / "data" / "raw" / "000_0f83f2dd310c1dae.txt", folder / "a.txt")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    local, remote = tmp_path / "local", tmp_path / "remote"
    assert invoke("extract", str(folder), "-o", str(local), "--no-reports").exit_code == 3
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cl:
        result = invoke("extract", str(folder), "-o", str(remote), "--no-reports", "--scheduler",
                        cl.scheduler_address)
    assert result.exit_code == 3, result.output
    for name in ("documents", "tables", "measurements", "budget", "flags", "errors"):
        assert (local / f"{name}.csv").read_bytes() == (remote / f"{name}.csv").read_bytes(), name
