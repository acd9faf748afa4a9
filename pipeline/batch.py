"""Run many inputs: files and folders, failures isolated per file, progress on a terminal."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pipeline.run import SUPPORTED, extract_document
from schemas.records import DocumentInfo, Extraction

log = logging.getLogger(__name__)


class UsageError(Exception):
    """The paths given cannot be used (nothing there, nothing readable)."""


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """Files as given plus the supported files under each folder, sorted, each once."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED
                                and not p.name.startswith(".")))
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(f"no such file or folder: {path}")
    unique = list(dict.fromkeys(found))
    if not unique:
        raise UsageError("no .txt, .md or .pdf files found in " + ", ".join(str(p) for p in paths))
    return unique


def safe_extract(path: Path) -> Extraction:
    """extract_document, with even an unexpected error turned into a failed document."""
    try:
        return extract_document(path)
    except Exception as exc:  # never let one file take the batch down
        log.debug("unexpected failure on %s\n%s", path, traceback.format_exc())
        info = DocumentInfo(doc_id="0" * 12, source_file=str(path), sha256="0" * 64, pages=0, status="failed",
                            error=f"internal: {type(exc).__name__}: {exc}")
        return Extraction(info=info)


def run_batch(paths: list[Path], workers: int = 1, scheduler: str | None = None,
              on_done: Callable[[Extraction], None] | None = None) -> list[Extraction]:
    results: list[Extraction] = []

    def done(ext: Extraction) -> None:
        results.append(ext)
        if on_done:
            on_done(ext)

    if scheduler:
        try:
            from dask.distributed import Client
        except ImportError as exc:
            raise UsageError("--scheduler needs the dask extra: pip install 'lkjip[dask]'") from exc
        with Client(scheduler) as client:
            for future in client.map(safe_extract, paths):
                done(future.result())
    elif workers > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for ext in pool.map(safe_extract, paths):
                done(ext)
    else:
        for path in paths:
            done(safe_extract(path))
    return results


def is_terminal() -> bool:
    return sys.stderr.isatty()
