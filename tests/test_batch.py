"""The batch runner: inputs, isolation of failures, order, process pool, dask."""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
from pathlib import Path

import pytest
from records_factory import extraction, fake_extract

import pipeline.batch
from extractors.settings import Settings
from pipeline.batch import UsageError, collect_inputs, run_batch
from schemas.records import Extraction


def _touch(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline.batch, "extract_document", fake_extract)


def test_folders_are_walked_recursively_sorted_and_filtered(tmp_path: Path) -> None:
    for name in ("b.txt", "a.PDF", "sub/c.md", "sub/deeper/d.txt", "notes.docx", ".hidden.txt", ".git/e.txt"):
        _touch(tmp_path / "in" / name)
    single = _touch(tmp_path / "single.docx")  # named explicitly: kept, the reader will say why it fails
    found = collect_inputs([tmp_path / "in", single, tmp_path / "in" / "b.txt"])
    rel = [p.relative_to(tmp_path).as_posix() for p in found]
    assert rel == ["in/a.PDF", "in/b.txt", "in/sub/c.md", "in/sub/deeper/d.txt", "single.docx"]


def test_missing_path_and_empty_folder_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file or folder"):
        collect_inputs([tmp_path / "nope.txt"])
    _touch(tmp_path / "empty" / "readme.docx")
    with pytest.raises(UsageError, match="no supported files"):
        collect_inputs([tmp_path / "empty"])


def test_a_crash_becomes_a_failed_document_and_the_rest_go_on(tmp_path: Path, fake: None) -> None:
    paths = [_touch(tmp_path / n, f"content of {n}") for n in ("a.txt", "boom.txt", "bad.txt", "c.txt")]
    seen: list[str] = []
    results = run_batch(paths, on_done=lambda e: seen.append(e.info.source_file))
    assert [r.info.source_file for r in results] == [str(p) for p in paths]
    assert seen == [str(p) for p in paths]
    assert [r.info.status for r in results] == ["ok", "failed", "failed", "ok"]
    boom = results[1].info
    assert boom.error == "internal: RuntimeError: kaput second line of the message"  # one line, with the stage
    sha = hashlib.sha256(b"content of boom.txt").hexdigest()
    assert (boom.sha256, boom.doc_id) == (sha, sha[:12])
    assert results[2].info.error == "read: no tables in this file"
    assert len(results[0].measurements) == 2


def test_the_traceback_goes_to_debug_logs_only(tmp_path: Path, fake: None, capfd: pytest.CaptureFixture[str]) -> None:
    logger = logging.getLogger("pipeline")
    before = logger.level
    try:
        logger.setLevel(logging.INFO)
        run_batch([_touch(tmp_path / "boom.txt")])
        assert "Traceback" not in capfd.readouterr().err
        logger.setLevel(logging.DEBUG)  # --verbose: the worker writes the traceback to stderr
        run_batch([_touch(tmp_path / "boom.txt")])
        err = capfd.readouterr().err
        assert "Traceback" in err and "DEBUG pipeline.batch" in err
    finally:
        logger.setLevel(before)


def test_a_non_extraction_result_is_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline.batch, "extract_document", lambda p, settings: None)
    [result] = run_batch([_touch(tmp_path / "a.txt")])
    assert result.info.status == "failed" and "not an Extraction" in result.info.error


fork_only = pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                               reason="the monkeypatched fake reaches pool workers only when they are forked")


@fork_only
def test_process_pool_keeps_input_order_and_isolates_failures(tmp_path: Path, fake: None) -> None:
    paths = [_touch(tmp_path / n) for n in ("a.txt", "boom.txt", "b.txt", "bad.txt", "c.txt")]
    done: list[Extraction] = []
    results = run_batch(paths, workers=3, on_done=done.append)
    assert [r.info.source_file for r in results] == [str(p) for p in paths]
    assert [r.info.status for r in results] == ["ok", "failed", "ok", "failed", "ok"]
    assert sorted(e.info.source_file for e in done) == sorted(str(p) for p in paths)  # callback ran here


def _die_on_crash(path: Path, settings: Settings) -> Extraction:
    if "crash" in Path(path).name:
        os._exit(1)  # a worker process dying (segfault in a native library, OOM kill)
    return extraction(str(path))


@fork_only
def test_a_dying_worker_process_does_not_take_the_batch_down(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline.batch, "extract_document", _die_on_crash)
    paths = [_touch(tmp_path / n) for n in ("a.txt", "crash.txt", "b.txt")]
    results = run_batch(paths, workers=2)
    assert [r.info.source_file for r in results] == [str(p) for p in paths]
    crashed = results[1].info
    assert crashed.status == "failed" and "the worker process died (exit code 1)" in crashed.error
    assert [r.info.status for r in results] == ["ok", "failed", "ok"]  # the dead worker cost only its own file


def test_dask_scheduler_runs_the_batch(tmp_path: Path, fake: None) -> None:
    distributed = pytest.importorskip("distributed", reason="dask is an optional extra: pip install '.[dask]'")
    paths = [_touch(tmp_path / n) for n in ("a.txt", "boom.txt", "b.txt")]
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cl:
        results = run_batch(paths, scheduler=cl.scheduler_address)
    assert [r.info.source_file for r in results] == [str(p) for p in paths]
    assert [r.info.status for r in results] == ["ok", "failed", "ok"]
    assert "kaput" in results[1].info.error
