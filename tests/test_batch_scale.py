"""Batch at scale: hostile inputs, keys (copies, text + PDF of one report), cache and resume, limits."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from records_factory import fake_extract
from typer.testing import CliRunner

import pipeline.batch
import pipeline.job
from extractors.settings import DEFAULT, Settings
from extractors.text_reader import decode_text
from pipeline.batch import collect
from pipeline.cli import app
from schemas.records import Extraction

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
sys.path.insert(0, str(ROOT / "scripts"))
import make_hostile  # noqa: E402

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")


def invoke(*args: str) -> object:
    return CliRunner().invoke(app, ["extract", *args])


def csvs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}


# --- hostile inputs -----------------------------------------------------------------------------------------------
@needs_fifo
def test_a_hostile_folder_is_accounted_for_and_the_good_reports_keep_their_rows(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    make_hostile.make(folder, line_mb=0.2, bomb_mb=8)
    out = tmp_path / "out"
    try:
        started = time.monotonic()
        result = invoke(str(folder), "-o", str(out), "--timeout", "60", "--max-memory", "3000",
                        "--max-megapixels", "2", "--no-reports", "--workers", "2")
        assert time.monotonic() - started < 120
    finally:
        make_hostile.cleanup(folder)
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False).set_index("source_file")
    errors = pd.read_csv(out / "errors.csv", keep_default_na=False).set_index("source_file")
    reasons = {Path(k).name: f"{v.stage}: {v.error}" for k, v in errors.iterrows()}
    assert reasons["fifo.txt"] == "input: not a regular file: a FIFO (named pipe)"
    assert reasons["loop.txt"] == reasons["loop_a.txt"] == "input: symlink loop"
    assert reasons["dev.txt"] == "input: not a regular file: a device"
    assert reasons["dangling.txt"].startswith("input: broken symlink")
    assert reasons["bad-name-\\xff.txt"] == "input: the file name is not valid UTF-8 (rename it)"
    assert reasons["empty.txt"] == "read: the file is empty"
    assert reasons["binary.pdf"].startswith("read: ")
    made = {"fifo.txt", "loop.txt", "loop_a.txt", "loop_b.txt", "dev.txt", "dangling.txt", "bad-name-\\xff.txt",
            "one_line.txt", "huge_page.pdf", "bomb.pdf", "empty.txt", "binary.pdf", "zero_width.txt", "utf16.txt",
            "good_1.txt"}
    assert made <= {Path(s).name for s in docs.index}  # every input accounted for
    assert docs["doc_id"].is_unique
    meas = pd.read_csv(out / "measurements.csv")
    per_file = meas.groupby(meas["source_file"].map(lambda s: Path(s).name)).size()
    assert per_file["good_1.txt"] == per_file["zero_width.txt"] == per_file["utf16.txt"] == 3


def test_decoding_by_byte_order_mark_and_invisible_characters() -> None:
    text = "No\tTar\u200bget\tReali\u00adsasi\x0b\n"
    assert decode_text(text.encode("utf-16"), "x")[0] == "No\tTarget\tRealisasi\n"
    assert decode_text(text.encode("utf-16-be"), "x")[0] == "No\tTarget\tRealisasi\n"  # no BOM: by the NULs
    assert decode_text(b"\xef\xbb\xbf" + text.encode(), "x")[0] == "No\tTarget\tRealisasi\n"
    assert decode_text("caf\u00e9".encode("cp1252"), "x") == ("caf\u00e9", ["not valid UTF-8 (byte 3); decoded as "
                                                                          "Windows-1252"])
    with pytest.raises(Exception, match="binary data"):
        decode_text(b"\x00\x01\x02\x03" * 100, "x")


def test_an_unlistable_folder_is_an_error_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("a", encoding="utf-8")
    real_walk = os.walk

    def walk(top: object, onerror: object = None, **kw: object) -> object:
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "in" / "secret")))  # type: ignore[operator]
        return real_walk(top, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline.batch.os, "walk", walk)
    items = collect([tmp_path / "in"])
    assert [(Path(i.source).name, i.error) for i in items] == [
        ("a.txt", ""), ("secret", "folder cannot be listed: Permission denied")]


# --- keys ---------------------------------------------------------------------------------------------------------
@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline.batch, "extract_document", fake_extract)


def test_copies_get_their_own_doc_id_and_are_not_counted_twice(tmp_path: Path, fake: None) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("same content", encoding="utf-8")
    (folder / "sub" / "copy.txt").write_text("same content", encoding="utf-8")
    (folder / "b.txt").write_text("other content", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(str(folder), "-o", str(out), "--no-reports")
    assert result.exit_code == 0, result.output
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False)
    assert docs["doc_id"].is_unique and docs["sha256"].nunique() == 2
    a, copy = docs.iloc[0], docs.iloc[2]
    assert copy["source_file"].endswith("copy.txt") and copy["status"] == "duplicate"
    assert copy["duplicate_of"] == a["doc_id"] and a["doc_id"] == a["sha256"][:12]
    assert (copy["n_measurements"], copy["sha256"]) == (0, a["sha256"])
    with duckdb.connect(str(out / "lkjip.duckdb"), read_only=True) as con:
        joined = con.execute("select count(*) from measurements join documents using (doc_id)").fetchone()[0]
        total = con.execute("select count(*) from measurements").fetchone()[0]
    assert joined == total == 4  # two files' rows, the copy's not again
    assert "1 duplicate" in result.stdout


@pytest.mark.slow
def test_text_and_pdf_of_one_report_are_linked(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(RAW / "000_0f83f2dd310c1dae.txt", folder / "dinsos_2024.txt")
    shutil.copy(RAW / "000_0f83f2dd310c1dae.pdf", folder / "scan_upload_17.pdf")  # another name: by the figures
    shutil.copy(RAW / "001_d8b83a21a2570bae.txt", folder / "disdik.txt")
    shutil.copy(RAW / "001_d8b83a21a2570bae.pdf", folder / "DISDIK.pdf")  # the same name: by the stem
    out = tmp_path / "out"
    result = invoke(str(folder), "-o", str(out), "--no-reports")
    assert result.exit_code == 0, result.output
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False).set_index("source_file")
    ids = {Path(k).name: v for k, v in docs["doc_id"].items()}
    link = {Path(k).name: v for k, v in docs["same_report_as"].items()}
    assert link["dinsos_2024.txt"] == ids["scan_upload_17.pdf"] and link["scan_upload_17.pdf"] == ids["dinsos_2024.txt"]
    assert link["disdik.txt"] == ids["DISDIK.pdf"] and link["DISDIK.pdf"] == ids["disdik.txt"]


# --- cache and resume -------------------------------------------------------------------------------------------------
def _counting(log: Path):  # noqa: ANN202 - a fake extract_document that notes each call in a file
    def extract(path: Path, settings: Settings = DEFAULT) -> Extraction:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{Path(path).name}\n")
        return fake_extract(path, settings)
    return extract


def test_a_rerun_reads_nothing_and_writes_the_same_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = tmp_path / "calls.log"
    monkeypatch.setattr(pipeline.batch, "extract_document", _counting(calls))
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "bad.txt"):
        (folder / name).write_text(name, encoding="utf-8")
    out = tmp_path / "out"
    assert invoke(str(folder), "-o", str(out)).exit_code == 3
    first = csvs(out)
    assert sorted(calls.read_text().split()) == ["a.txt", "b.txt", "bad.txt"]
    calls.unlink()
    again = invoke(str(folder), "-o", str(out))
    assert again.exit_code == 3 and not calls.exists()  # nothing read again
    assert "0 read, 3 unchanged from the cache" in again.stdout
    assert csvs(out) == first
    (folder / "b.txt").write_text("b changed", encoding="utf-8")
    assert invoke(str(folder), "-o", str(out)).exit_code == 3
    assert calls.read_text().split() == ["b.txt"]  # only the changed file
    calls.unlink()
    assert invoke(str(folder), "-o", str(out), "--set", "arith.share=0.7").exit_code == 3
    assert len(calls.read_text().split()) == 3  # other settings: everything again
    calls.unlink()
    assert invoke(str(folder), "-o", str(out), "--force", "--set", "arith.share=0.7").exit_code == 3
    assert len(calls.read_text().split()) == 3  # --force


def test_an_interrupted_run_writes_nothing_and_resumes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = tmp_path / "calls.log"
    monkeypatch.setattr(pipeline.batch, "extract_document", _counting(calls))
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (folder / name).write_text(name, encoding="utf-8")
    out = tmp_path / "out"
    seen: list[str] = []

    class Interrupting:
        def start(self, total: int, cached: int) -> None: ...
        def tick(self, active: object) -> None: ...
        def stop(self) -> None: ...

        def done(self, info: dict, seconds: float) -> None:
            seen.append(info["source_file"])
            if len(seen) == 2:
                raise KeyboardInterrupt

    from pipeline.manifest import prepare

    prepare(out)
    with pytest.raises(KeyboardInterrupt):
        pipeline.job.run(collect([folder]), out, pipeline.job.Options(workers=1), Interrupting())
    assert not (out / "manifest.json").exists() and not (out / "documents.csv").exists()
    calls.unlink()
    result = invoke(str(folder), "-o", str(out), "--workers", "1")
    assert result.exit_code == 0
    assert calls.read_text().split() == ["c.txt", "d.txt"]  # the two finished files came from the cache
    assert len(pd.read_csv(out / "documents.csv")) == 4


# --- limits -------------------------------------------------------------------------------------------------------
def _hostile_extract(path: Path, settings: Settings = DEFAULT) -> Extraction:
    import pipeline.run

    name = Path(path).name
    if "slow" in name:
        pipeline.run._stage("check")
        time.sleep(60)
    if "hog" in name:
        pipeline.run._stage("extract")
        hog = b"x" * 600_000_000  # noqa: F841 - resident memory
        time.sleep(60)
    if "crash" in name:
        os._exit(9)
    return fake_extract(path, settings)


def test_a_file_over_a_limit_is_ended_and_the_batch_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline.batch, "extract_document", _hostile_extract)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "slow.txt", "hog.txt", "crash.txt", "b.txt"):
        (folder / name).write_text(name, encoding="utf-8")
    out = tmp_path / "out"
    started = time.monotonic()
    result = invoke(str(folder), "-o", str(out), "--timeout", "8", "--max-memory", "400", "--workers", "2",
                    "--no-reports")
    assert time.monotonic() - started < 30
    assert result.exit_code == 3, result.output
    errors = pd.read_csv(out / "errors.csv").set_index("source_file")
    slow, hog, crash = (errors.loc[str(folder / n)] for n in ("slow.txt", "hog.txt", "crash.txt"))
    assert slow["stage"] == "check" and slow["error"].startswith("time limit: still running after 8 s")
    assert hog["stage"] == "extract" and hog["error"].startswith("memory limit: ") and "400 MB" in hog["error"]
    assert crash["error"].startswith("the worker process died (exit code 9)")
    docs = pd.read_csv(out / "documents.csv").set_index("source_file")
    assert docs.loc[str(folder / "a.txt"), "status"] == docs.loc[str(folder / "b.txt"), "status"] == "ok"
    # a file ended by a limit is not cached: a later run with other limits reads it again
    assert "limit" in result.stderr


def test_a_pdf_over_the_page_limit_is_not_read(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(str(RAW / "000_0f83f2dd310c1dae.pdf"), "-o", str(out), "--max-pages", "5", "--no-reports")
    assert result.exit_code == 3
    errors = pd.read_csv(out / "errors.csv")
    assert errors.loc[0, "stage"] == "read"
    assert errors.loc[0, "error"] == "page limit: 24 pages, over 5 (--max-pages)"


def test_the_ocr_pixel_cap_lowers_the_dpi() -> None:
    from extractors.ocr import fit_dpi

    assert fit_dpi(595, 842, 300, 60_000_000) == 300  # an A4 page keeps 300 dpi
    dpi = fit_dpi(14400, 14400, 300, 60_000_000)
    assert dpi < 40 and (14400 * dpi / 72) ** 2 <= 60_000_000 * 1.0001
