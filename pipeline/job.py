"""One run of `lkjip extract` into an output folder: inputs -> cache -> staged outputs -> swap -> manifest.

The command line (`pipeline.cli`) holds the folder's lock around `run`; everything else is here:
ids and copies (`pipeline.batch`), the files that need reading (not in the cache, or `force`), the
workers (`pipeline.pool`) or the dask cluster, then the outputs streamed one document at a time
into a staging folder (`pipeline.write.TableSink`), the reports, and the swap with manifest.json
last (`pipeline.manifest`). A failure to write anything is a `WriteFailed`: the previous outputs
stay as they were.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from extractors.settings import DEFAULT, Settings
from pipeline.batch import (
    STORE_FAILED,
    Input,
    UsageError,
    _dask_completed,
    _weight,
    assign_ids,
    connect,
    failed_rows,
    link_reports,
    page_body,
    process,
    write_workbook_of,
)
from pipeline.cache import Cache, Head, Rows, entry_key, settings_fingerprint, tool_version
from pipeline.limits import Limits, peak_rss_mb
from pipeline.manifest import STATE, new_run_id, staging, swap_in
from pipeline.panel import join_keys, needs_remap, parts_keys, remap
from pipeline.pool import Outcome, Pool, Task, preload
from pipeline.report import page_name, place_page, report_names, write_index
from pipeline.write import DB_NAME, TableSink, error_row, render, split_stage
from pipeline.write import _typed as _typed
from schemas.output import COLUMNS
from schemas.records import DocumentInfo

log = logging.getLogger(__name__)


class WriteFailed(Exception):
    """The outputs (or the cache) could not be written; the previous outputs are intact."""


@dataclass
class Options:
    workers: int = 1
    scheduler: str | None = None
    settings: Settings = DEFAULT
    limits: Limits = field(default_factory=Limits)
    force: bool = False
    reports: bool = True
    lang: str = "id"  # language of the flag messages (id | en)


class Progress(Protocol):
    def start(self, total: int, cached: int) -> None: ...
    def done(self, info: dict[str, Any], seconds: float) -> None: ...
    def tick(self, active: list[tuple[str, str]]) -> None: ...
    def stop(self) -> None: ...


class _Silent:
    def start(self, total: int, cached: int) -> None:
        pass

    def done(self, info: dict[str, Any], seconds: float) -> None:
        pass

    def tick(self, active: list[tuple[str, str]]) -> None:
        pass

    def stop(self) -> None:
        pass


@dataclass
class Result:
    run_id: str
    counts: dict[str, int]
    status: Counter[str]
    severity: Counter[str]
    failed: list[tuple[str, str]]  # (source_file, error)
    processed: int  # files read in this run
    cached: int  # files whose result came from the cache
    pages: int
    seconds: float
    peak_worker_mb: float
    manifest: dict[str, Any]


def _failed_info(item: Input, stage: str, why: str) -> dict[str, Any]:
    return failed_rows(item, stage, why)["documents"][0]


def _patch(rows: Rows, item: Input) -> Rows:
    """The cached rows as this input's: its doc_id and source_file on every row, its documents row."""
    for name, table_rows in rows.items():
        if name == "documents":
            continue
        for row in table_rows:
            if "doc_id" in row:
                row["doc_id"] = item.doc_id
            row["source_file"] = item.source
    rows["documents"] = [item.outcome]
    return rows


def run(inputs: list[Input], out: Path, options: Options, progress: Progress | None = None) -> Result:
    """Extract what is not cached and write the outputs of `inputs` into `out` as a unit."""
    progress = progress or _Silent()
    started, t0 = time.strftime("%Y-%m-%dT%H:%M:%S%z"), time.monotonic()
    run_id = new_run_id()
    version = tool_version()
    settings_hash = settings_fingerprint(options.settings)
    if options.lang != "id":  # the messages are part of a document's cached rows
        settings_hash = f"{settings_hash}+lang={options.lang}"
    cache = Cache(out / STATE / "cache")
    assign_ids(inputs)
    heads: dict[str, Head] = {}
    todo: list[Input] = []
    for item in inputs:
        if item.path is None or item.first is not None:
            continue
        item.key = entry_key(item.sha256, settings_hash, version)
        head = None if options.force else cache.head(item.key)
        if head is None:
            todo.append(item)
        else:
            heads[item.key] = head
    n_cached = len(heads)
    failures: dict[str, tuple[str, str]] = {}  # key -> (stage, why) for files ended by a limit
    pool_peak = _extract(todo, options, cache, heads, failures, progress, n_cached)

    # documents rows: each input's outcome, then copies, then links
    figures: dict[str, frozenset[str]] = {}
    for item in inputs:
        if item.path is None and item.first is None:
            item.outcome = _failed_info(item, "input", item.error)
        elif item.first is None:
            if item.key in heads:
                head = heads[item.key]
                item.outcome = {**head.info, "doc_id": item.doc_id, "source_file": item.source,
                                "sha256": item.sha256, "duplicate_of": "", "same_report_as": ""}
                figures[item.doc_id] = head.figures
            else:
                stage, why = failures.get(item.key, ("internal", "no result"))
                item.outcome = _failed_info(item, stage, why)
    for item in inputs:
        if item.first is not None:
            first = item.first.outcome
            item.outcome = {**first, "doc_id": item.doc_id, "source_file": item.source,
                            "duplicate_of": item.first.doc_id, "same_report_as": ""}
            if first["status"] != "failed":
                item.outcome.update(status="duplicate", error="", n_tables=0, n_measurements=0, n_budget=0,
                                    n_flags=0)
    link_reports(inputs, figures)
    result = _write(inputs, out, options, cache, heads, run_id)
    result.processed, result.cached = len(todo), n_cached
    result.peak_worker_mb = pool_peak
    result.seconds = time.monotonic() - t0
    manifest = _manifest(run_id, version, started, inputs, options, result, {i.key for i in todo})
    result.manifest = manifest
    staged = out / STATE / f"staging-{run_id}"
    try:
        swap_in(staged, out, manifest)
    except OSError as exc:
        raise WriteFailed(f"cannot move the outputs into {out}: {exc.strerror or exc}") from None
    return result


def _extract(todo: list[Input], options: Options, cache: Cache, heads: dict[str, Head],
             failures: dict[str, tuple[str, str]], progress: Progress, cached: int) -> float:
    """Read the files of `todo`; their heads land in `heads`, files ended by a limit in `failures`."""
    progress.start(len(todo), cached)
    if not todo:
        progress.stop()
        return 0.0
    try:
        cache.folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteFailed(f"cannot write the cache {cache.folder}: {exc.strerror or exc}") from None
    try:
        if options.scheduler:
            _extract_dask(todo, options, cache, heads, failures, progress)
            return 0.0
        preload()
        weighted = options.workers > 1
        tasks = [Task(k, (item.path, options.settings, item.key, cache.folder, None, options.reports, options.lang),
                      weight=_weight(item.path) if weighted else 0.0, label=item.source)
                 for k, item in enumerate(todo)]

        def outcome(o: Outcome) -> None:
            item = todo[o.index]
            if o.ok and isinstance(o.value, tuple) and o.value and o.value[0] == STORE_FAILED:
                raise WriteFailed(f"cannot write the cache: {o.value[1]}")
            if o.ok:
                heads[item.key] = o.value
                progress.done(o.value.info, o.seconds)
            else:
                stage, why = o.stage or "internal", o.error
                failures[item.key] = (stage, why)
                progress.done({"source_file": item.source, "status": "failed", "error": f"{stage}: {why}",
                               "pages": 0}, o.seconds)

        def tick(active: dict[int, str]) -> None:
            progress.tick([(todo[k].source, stage) for k, stage in active.items()])

        pool = Pool(process, options.workers, options.limits)
        pool.run(tasks, outcome, tick)
        return pool.peak_rss
    finally:
        progress.stop()


def _extract_dask(todo: list[Input], options: Options, cache: Cache, heads: dict[str, Head],
                  failures: dict[str, tuple[str, str]], progress: Progress) -> None:
    client = connect(options.scheduler or "")
    with client:
        futures = {client.submit(process, item.path, options.settings, item.key, None, options.limits, False,
                                 options.lang, pure=False): k for k, item in enumerate(todo)}
        # workbooks of documents read on the cluster are built here, from their rows
        for future in _dask_completed(client, futures):
            item = todo[futures[future]]
            try:
                head, rows = future.result()
            except Exception as exc:  # the worker died, or the result could not travel back
                failures[item.key] = ("internal", f"{type(exc).__name__}: {exc}")
                progress.done({"source_file": item.source, "status": "failed", "error": f"internal: {exc}",
                               "pages": 0}, 0.0)
                continue
            try:
                cache.store(item.key, head, rows, render(rows))
            except OSError as exc:
                raise WriteFailed(f"cannot write the cache: {exc.strerror or exc}") from None
            if options.reports and head.info["status"] != "failed":
                write_workbook_of(rows, cache.workbook(item.key), page_body(cache.workbook(item.key)))
            heads[item.key] = head
            progress.done(head.info, 0.0)


def _write(inputs: list[Input], out: Path, options: Options, cache: Cache, heads: dict[str, Head],
           run_id: str) -> Result:
    """Every output into the staging folder, one document at a time (in path order)."""
    status: Counter[str] = Counter()
    severity: Counter[str] = Counter()
    failed: list[tuple[str, str]] = []
    pages = 0
    try:
        folder = staging(out, run_id)
    except OSError as exc:
        raise WriteFailed(f"cannot write to {out}: {exc.strerror or exc}") from None
    sink = None
    readable = [i.source for i in inputs if i.outcome["status"] in ("ok", "partial")]
    names = report_names(readable) if options.reports else {}
    books = folder / "reports"
    placed: set[str] = set()  # documents whose site page is in place
    try:
        sink = TableSink(folder)
        if names:
            books.mkdir()
        mapping, doc_keys = _joined_keys(inputs, cache, heads)
        for item in inputs:
            info = item.outcome
            status[info["status"]] += 1
            pages += int(info.get("pages") or 0)
            if info["status"] == "failed":
                failed.append((item.source, info["error"]))
                sink.add_parts({}, {"documents": [info], "errors": [error_row(_as_info(info))]})
                continue
            if item.first is not None or item.key not in heads:
                sink.add_parts({}, {"documents": [info]})
                continue
            head = heads[item.key]
            severity.update(head.severity)
            same = (head.info["doc_id"], head.info["source_file"]) == (item.doc_id, item.source)
            joined = not needs_remap(doc_keys.get(item.key, ()), mapping)
            parts = cache.parts(item.key) if same and joined else None
            if parts is not None:
                sink.add_parts(parts, {"documents": [info]})
                if names:
                    _place(cache.workbook(item.key), books / names[item.source])
                    if place_page(page_body(cache.workbook(item.key)), books / page_name(names[item.source]), info,
                                  names[item.source]):
                        placed.add(item.source)
            else:  # produced under another name or doc_id (a renamed file), or its indicator keys joined with others'
                rows = _patch(cache.rows(item.key), item)
                remap(rows, mapping)
                sink.add(rows)
                if names:  # the reports of this variant are kept beside the entry, for the next run
                    book = _variant(cache.workbook(item.key), item, doc_keys.get(item.key, set()), mapping)
                    body = page_body(book)
                    if not (book.exists() and body.exists()):
                        write_workbook_of(rows, book, body)
                    _place(book, books / names[item.source])
                    if place_page(body, books / page_name(names[item.source]), info, names[item.source]):
                        placed.add(item.source)
        sink.close()
        counts = dict(sink.counts)
        if options.reports:
            _write_html(folder, sink, names, placed)
    except Exception as exc:
        if sink is not None:
            sink.abort()
        shutil.rmtree(folder, ignore_errors=True)
        log.debug("writing failed", exc_info=True)
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise WriteFailed(f"cannot write the outputs to {out}: {type(exc).__name__}: {why}") from None
    return Result(run_id=run_id, counts=counts, status=status, severity=severity, failed=failed, processed=0,
                  cached=0, pages=pages, seconds=0.0, peak_worker_mb=0.0, manifest={})


def _place(source: Path, target: Path) -> None:
    """The worker's workbook into the staging folder (a hard link when the file system allows)."""
    if not source.exists():
        return  # not made (the worker said why); the report for people only
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _variant(workbook: Path, item: Input, keys: set[str], mapping: dict[str, str]) -> Path:
    """Where the workbook of a document's rows as rewritten in this batch (its name, its joined keys) is kept."""
    import hashlib

    seed = "\n".join([item.source, item.doc_id, *sorted(f"{k}>{mapping.get(k, k)}" for k in keys)])
    return workbook.with_name(f"{workbook.stem}.{hashlib.sha256(seed.encode()).hexdigest()[:12]}.xlsx")


def _joined_keys(inputs: list[Input], cache: Cache, heads: dict[str, Head]) -> tuple[dict[str, str],
                                                                                   dict[str, set[str]]]:
    """The batch's indicator keys joined (near-duplicates under one key), and each document's keys as written."""
    doc_keys: dict[str, set[str]] = {}
    for item in inputs:
        if item.first is not None or item.key not in heads or item.outcome["status"] == "failed":
            continue
        try:
            doc_keys[item.key] = parts_keys(cache.parts(item.key))
        except (OSError, EOFError, ValueError):
            doc_keys[item.key] = set()
    return join_keys(set().union(*doc_keys.values()) if doc_keys else set()), doc_keys


def _write_html(folder: Path, sink: TableSink, names: dict[str, str], pages: set[str]) -> None:
    """reports/index.html and report.html over every document (flags read back from the staged Parquet file)."""
    import pandas as pd

    docs = _typed("documents", sink.small["documents"])
    flags = pd.read_parquet(folder / "flags.parquet", columns=["source_file", "kind", "severity"])
    write_index(docs, flags, folder, names, pages)


def _as_info(row: dict[str, Any]) -> DocumentInfo:
    known = DocumentInfo.__dataclass_fields__
    return DocumentInfo(**{k: v for k, v in row.items() if k in known})


def _manifest(run_id: str, version: str, started: str, inputs: list[Input], options: Options, result: Result,
              read_now: set[str]) -> dict[str, Any]:
    files = [f"{name}.{ext}" for name in COLUMNS for ext in ("csv", "parquet")] + [DB_NAME]
    if options.reports:
        files += ["report.html", "reports/", "reports/index.html"]
    return {
        "run_id": run_id,
        "tool": "lkjip",
        "tool_version": version,
        "started": started,
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "command": [Path(sys.argv[0]).name, *sys.argv[1:]],
        "options": {
            "workers": options.workers, "scheduler": options.scheduler, "reports": options.reports,
            "force": options.force, "limits": options.limits.as_dict(),
            "settings": {k: list(v) if isinstance(v, tuple) else v for k, v in options.settings.as_dict().items()},
        },
        "inputs": [{"source_file": i.source, "doc_id": i.doc_id, "sha256": i.sha256, "size": i.size,
                    "status": i.outcome.get("status"), "stage": split_stage(i.outcome.get("error", ""))[0]
                    if i.outcome.get("status") == "failed" else "", "duplicate_of": i.outcome.get("duplicate_of", ""),
                    "same_report_as": i.outcome.get("same_report_as", ""),
                    "read_in_this_run": bool(i.key) and i.key in read_now and i.first is None}
                   for i in inputs],
        "counts": result.counts,
        "stats": {"seconds": round(result.seconds, 3), "files_read": result.processed, "files_cached": result.cached,
                  "pages_read": sum(int(i.outcome.get("pages") or 0) for i in inputs if i.key in read_now
                                    and i.first is None),
                  "peak_worker_rss_mb": round(result.peak_worker_mb, 1),
                  "peak_parent_rss_mb": round(peak_rss_mb(), 1)},
        "documents_by_status": dict(sorted(result.status.items())),
        "files": files,
    }


__all__ = ["Options", "Progress", "Result", "UsageError", "WriteFailed", "run"]
