"""Run many inputs: files and folders, failures isolated per file.

Sequential by default; `workers > 1` uses a process pool; a dask.distributed scheduler address
sends the files to a cluster (the optional `dask` extra; the workers must see the same paths).
Whatever happens inside one file's extraction, that file becomes a failed document and the batch
goes on. Results come back in input order, whatever order they finished in.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

from extractors.settings import DEFAULT, Settings
from pipeline.run import SUPPORTED, extract_document
from pipeline.write import one_line
from schemas.records import DocumentInfo, Extraction

log = logging.getLogger(__name__)
OnDone = Callable[[Extraction], None]


class UsageError(Exception):
    """The command cannot run as asked (nothing at a path, no supported files, no scheduler)."""


# --- inputs ---------------------------------------------------------------------------------------------------
def _walk(folder: Path) -> list[Path]:
    """Supported files under `folder`, recursively, skipping hidden files and folders, sorted."""
    found: list[Path] = []

    def warn(exc: OSError) -> None:
        log.warning("cannot list %s: %s", exc.filename, exc.strerror)

    for root, dirs, files in os.walk(folder, onerror=warn):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / f for f in files
                     if not f.startswith(".") and Path(f).suffix.lower() in SUPPORTED)
    return sorted(found, key=lambda p: p.as_posix())


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """Files as given plus the supported files under each folder, each once, in a stable order.

    A file named explicitly is kept whatever its type (the reader reports an unsupported one as a
    failed input); folders contribute only .txt/.md/.pdf files.
    """
    paths = [Path(p) for p in paths]
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(_walk(path))
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(f"no such file or folder: {path}")
    unique: dict[Path, Path] = {}
    for p in found:
        unique.setdefault(p.resolve(), p)
    if not unique:
        names = ", ".join(str(p) for p in paths)
        raise UsageError(f"no supported files (.txt, .md, .pdf) found in {names}")
    return list(unique.values())


# --- one file, never raising --------------------------------------------------------------------------------------
def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return hashlib.sha256(str(path).encode()).hexdigest()


def failed(path: Path, stage: str, exc: BaseException | str) -> Extraction:
    """A failed document for `path` with a one-line error naming the stage."""
    why = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    sha = _sha256(path)
    info = DocumentInfo(doc_id=sha[:12], source_file=str(path), sha256=sha, pages=0, status="failed",
                        error=f"{stage}: {one_line(why)}")
    return Extraction(info=info)


def safe_extract(path: Path, settings: Settings = DEFAULT) -> Extraction:
    """extract_document, with even an unexpected exception turned into a failed document."""
    try:
        ext = extract_document(path, settings)
    except Exception as exc:  # one file must never take the batch down
        log.debug("unexpected failure on %s", path, exc_info=True)
        return failed(path, "internal", exc)
    if not isinstance(ext, Extraction):
        return failed(path, "internal", f"extract_document returned {type(ext).__name__}, not an Extraction")
    ext.info.error = one_line(ext.info.error)
    if ext.info.status == "failed" and not ext.info.error:
        ext.info.error = "extract: failed without a reason"
    return ext


# --- many files ---------------------------------------------------------------------------------------------------
def _collect(futures: dict[Any, int], completed: Iterable[Any], paths: list[Path], results: list[Extraction | None],
             on_done: OnDone | None) -> None:
    """Results of concurrent futures (pool or dask) as they complete, each failure a failed document."""
    for future in completed:
        k = futures[future]
        try:
            ext = future.result()
        except Exception as exc:  # the worker died, or the result could not travel back
            log.debug("worker failure on %s", paths[k], exc_info=True)
            ext = failed(paths[k], "internal", exc)
        results[k] = ext
        if on_done:
            on_done(ext)


def _run_pool(paths: list[Path], workers: int, results: list[Extraction | None], on_done: OnDone | None,
              settings: Settings) -> None:
    with ProcessPoolExecutor(max_workers=workers) as pool:  # Settings is frozen and pickles to the workers
        futures: dict[Future[Extraction], int] = {pool.submit(safe_extract, p, settings): k
                                                  for k, p in enumerate(paths)}
        _collect(futures, as_completed(futures), paths, results, on_done)


def _run_dask(paths: list[Path], scheduler: str, results: list[Extraction | None], on_done: OnDone | None,
              settings: Settings) -> None:
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError as exc:
        raise UsageError("--scheduler needs the dask extra: pip install 'lkjip[dask]'") from exc
    try:
        client = Client(scheduler, timeout=10, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"cannot reach the dask scheduler at {scheduler}: {one_line(str(exc), 200)}") from exc
    with client:
        futures = {client.submit(safe_extract, p, settings, pure=False): k for k, p in enumerate(paths)}
        _collect(futures, dask_completed(list(futures), loop=client.loop), paths, results, on_done)


def run_batch(paths: list[Path], workers: int = 1, scheduler: str | None = None,
              on_done: OnDone | None = None, settings: Settings = DEFAULT) -> list[Extraction]:
    """Every path through extract_document under `settings`; one Extraction per path, in the order of `paths`.

    `on_done` is called in this process as each file finishes (for progress), in finishing order.
    """
    paths = [Path(p) for p in paths]
    results: list[Extraction | None] = [None] * len(paths)
    if scheduler:
        _run_dask(paths, scheduler, results, on_done, settings)
    elif workers > 1 and len(paths) > 1:
        _run_pool(paths, min(workers, len(paths)), results, on_done, settings)
    else:
        for k, path in enumerate(paths):
            ext = safe_extract(path, settings)
            results[k] = ext
            if on_done:
                on_done(ext)
    return [r if r is not None else failed(paths[k], "internal", "no result") for k, r in enumerate(results)]
