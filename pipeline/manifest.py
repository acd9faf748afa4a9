"""The output folder as a unit: a lock, a staging folder swapped in, and manifest.json written last.

Layout of an output folder OUT:
    OUT/*.csv, *.parquet, lkjip.duckdb, report.html, reports/   the outputs of the last complete run
    OUT/manifest.json                                            written last: the set above is complete
    OUT/.lkjip/lock                                              held (flock) by the run writing to OUT
    OUT/.lkjip/cache/                                            per-document results (pipeline.cache)
    OUT/.lkjip/staging-<run id>/                                 the next outputs, while they are built

A run builds every output in its staging folder; only when all of them are written (and synced) does
it remove manifest.json, move each file into OUT (renames on one file system: no space needed, no
half-written file visible) and write the new manifest.json. A failure before that (a full disk, a
read-only folder, an interrupt) leaves the previous outputs as they were; a reader that finds no
manifest.json, or one whose counts disagree with the files, knows the set is not complete.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

STATE = ".lkjip"
MANIFEST = "manifest.json"
REPORT_FILES = ("report.html", "reports")


class Locked(Exception):
    """Another run holds the output folder."""


class NotWritable(Exception):
    """The output folder cannot be created or written."""


def new_run_id() -> str:
    return time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + "-" + uuid.uuid4().hex[:8]


def prepare(out: Path) -> Path:
    """OUT and its state folder created and checked writable (a file written and removed in each)."""
    if out.exists() and not out.is_dir():
        raise NotWritable(f"output folder {out} is a file")
    state = out / STATE
    for folder in (out, state):
        probe = folder / f".probe-{os.getpid()}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with open(probe, "wb") as fh:
                fh.write(b"x" * 65536)  # a block, not a byte: a full disk shows here
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise NotWritable(f"cannot write to output folder {out}: {exc.strerror or exc}") from None
        finally:
            try:
                probe.unlink()
            except OSError:
                pass
    return state


@contextlib.contextmanager
def lock(out: Path) -> Iterator[None]:
    """Hold OUT's lock for the duration; Locked when another run holds it (released when that process ends)."""
    path = out / STATE / "lock"
    fh = open(path, "a+")
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise Locked(f"another lkjip run ({holder}) is writing to {out}; wait for it to finish or choose "
                         "another output folder (-o)") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}")
        fh.flush()
        try:
            yield
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
    finally:
        fh.close()


def staging(out: Path, run_id: str) -> Path:
    """A fresh staging folder for this run (stale ones of runs that died are removed)."""
    state = out / STATE
    for old in state.glob("staging-*"):
        shutil.rmtree(old, ignore_errors=True)
    for old in state.glob("old-*"):
        shutil.rmtree(old, ignore_errors=True)
    folder = state / f"staging-{run_id}"
    folder.mkdir()
    return folder


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def swap_in(folder: Path, out: Path, manifest: dict[str, Any]) -> None:
    """Move every file of `folder` into `out` (replacing), then write manifest.json there, last.

    Report files of an earlier run that this run did not write (--no-reports) are removed, so that
    the folder holds one run's outputs only.
    """
    data = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    staged_manifest = folder / f".{MANIFEST}.tmp"
    with open(staged_manifest, "w", encoding="utf-8") as fh:  # written (and the disk full found) before the swap
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    (out / MANIFEST).unlink(missing_ok=True)
    _fsync_dir(out)
    trash = out / STATE / f"old-{manifest['run_id']}"
    for name in REPORT_FILES:
        if (out / name).exists() and not (folder / name).exists():
            trash.mkdir(exist_ok=True)
            os.replace(out / name, trash / name)
    for path in sorted(folder.iterdir()):
        if path == staged_manifest:
            continue
        target = out / path.name
        if path.is_dir():
            if target.exists():
                trash.mkdir(exist_ok=True)
                os.replace(target, trash / path.name)
            os.replace(path, target)
        else:
            os.replace(path, target)
    os.replace(staged_manifest, out / MANIFEST)
    _fsync_dir(out)
    shutil.rmtree(trash, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)
