"""The result cache of an output folder: one file per (content, settings, tool version).

A worker writes each document's output rows (already flattened and validated, see
``pipeline.write.document_rows``) to ``OUT/.lkjip/cache/<key>.pkl`` as soon as the document is
done, so results reach the disk one document at a time (memory stays flat) and an interrupted run
resumes: the next run finds every finished document here and reads only the rest. The key is the
sha256 of the file's content, the settings of the run and the tool version, which carries a hash
of the tool's own source so that a changed extractor never serves stale results. `--force` ignores
the cache (and overwrites it).

An entry holds two pickles one after the other: a small head (the document's summary and the
figures used to link the text and PDF of one report) and the rows; the linking pass reads heads only.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

FORMAT = 2  # bump when the layout of an entry changes
Rows = dict[str, list[dict[str, Any]]]
_PACKAGES = ("extractors", "pipeline", "schemas")


@lru_cache(maxsize=1)
def code_hash() -> str:
    """A hash of the tool's own Python sources (so an edited extractor is a new version)."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for package in _PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def package_version() -> str:
    try:
        return metadata.version("lkjip")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree without install
        return "0+unknown"


@lru_cache(maxsize=1)
def tool_version() -> str:
    """The release plus the hash of the sources, e.g. '0.1.0+3f2a9c1d0b'."""
    return f"{package_version()}+{code_hash()[:10]}"


def settings_fingerprint(settings: Any) -> str:
    items = sorted(settings.as_dict().items())
    return hashlib.sha256(repr(items).encode()).hexdigest()


def entry_key(sha256: str, settings_hash: str, version: str) -> str:
    return hashlib.sha256(f"{FORMAT}\n{sha256}\n{settings_hash}\n{version}".encode()).hexdigest()


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Head:
    """What the writer needs of a document before its rows: its summary and its figures."""

    info: dict[str, Any]  # DocumentInfo as a dict
    figures: frozenset[str] = frozenset()
    counts: dict[str, int] = field(default_factory=dict)
    severity: dict[str, int] = field(default_factory=dict)  # flags by severity


class Cache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pkl"

    def has(self, key: str) -> bool:
        return self.path(key).is_file()

    def workbook(self, key: str) -> Path:
        """Where a worker leaves the document's workbook (report.xlsx for people), built beside its rows."""
        return self.folder / key[:2] / f"{key}.xlsx"

    def store(self, key: str, head: Head, rows: Rows, parts: Any = None) -> None:
        """Write an entry atomically (a partial entry never shows): the head, the rendered parts, the rows."""
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as fh:
                pickle.dump(head, fh, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(parts, fh, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(rows, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)

    def head(self, key: str) -> Head | None:
        try:
            with open(self.path(key), "rb") as fh:
                head = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
            return None
        return head if isinstance(head, Head) else None

    def parts(self, key: str) -> Any:
        """The rows rendered by the worker (CSV lines and Arrow tables per table), or None."""
        with open(self.path(key), "rb") as fh:
            pickle.load(fh)
            return pickle.load(fh)

    def rows(self, key: str) -> Rows:
        with open(self.path(key), "rb") as fh:
            pickle.load(fh)
            pickle.load(fh)
            rows: Rows = pickle.load(fh)
        return rows
