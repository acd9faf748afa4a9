"""A supervised pool of worker processes: one file per worker at a time, each within its limits.

Unlike ``concurrent.futures.ProcessPoolExecutor`` (where one dead worker breaks the whole pool and
fails every pending file with ``BrokenProcessPool``), a worker that dies — killed by the
out-of-memory killer, a crash in a native library — costs only the file it held: the supervisor
records that file as failed and starts a fresh worker. The supervisor (the parent process) also
ends a worker whose file runs past the time limit or whose resident memory passes the memory limit.

Workers are forked after the parent has loaded the heavy modules (spaCy's tokenizer, the PDF
readers; see `preload`), so a worker starts in milliseconds and shares those pages with the parent.
Each worker tells the parent the stage its file is in (read, extract, check) so that a file ended
by a limit is reported with the stage it reached. The largest files are handed out first, so that
a slow file does not run alone at the end of the batch.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from pipeline.limits import Limits, apply_in_worker, peak_rss_mb, rss_mb

log = logging.getLogger(__name__)
TICK = 0.2  # seconds between looks at the workers' time and memory


@dataclass
class Task:
    index: int
    args: tuple[Any, ...]
    weight: float = 0.0  # larger first
    label: str = ""


@dataclass
class Outcome:
    index: int
    value: Any = None  # the function's result, when ok
    stage: str = ""  # else: the stage reached
    error: str = ""  # and why it was ended
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass
class _Worker:
    proc: Any
    conn: Connection
    task: Task | None = None
    started: float = 0.0
    stage: str = "read"
    extra: dict[str, Any] = field(default_factory=dict)


def preload() -> None:
    """Load what every file needs before workers are forked (they inherit it instead of each loading it)."""
    import extractors.pdf_reader  # noqa: F401
    import pipeline.check  # noqa: F401

    try:
        from pipeline.check import prose

        prose._nlp()  # spaCy's tokenizer: about a second per process otherwise
    except Exception:  # pragma: no cover - only a speed-up
        log.debug("preloading spaCy failed", exc_info=True)


def _worker_main(conn: Connection, fn: Callable[..., Any], limits: Limits) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends the workers
    root = logging.getLogger()
    for handler in list(root.handlers):  # the parent's console (progress bar) is not ours to write to
        root.removeHandler(handler)
    plain = logging.StreamHandler(sys.stderr)  # at the levels the parent set (--verbose: tracebacks)
    plain.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [worker %(process)d]: %(message)s"))
    root.addHandler(plain)
    apply_in_worker(limits)
    import pipeline.run

    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, args = message

        def stage(name: str, index: int = index) -> None:
            conn.send(("stage", index, name))

        pipeline.run.STAGE_HOOK = stage
        try:
            reply = ("done", index, fn(*args))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, the worker goes on
            reply = ("error", index, f"{type(exc).__name__}: {exc}")
        finally:
            pipeline.run.STAGE_HOOK = None
        try:
            conn.send(reply)
        except Exception as exc:  # the result could not be pickled
            conn.send(("error", index, f"result could not be sent back: {type(exc).__name__}: {exc}"))


def _signal_name(code: int | None) -> str:
    if code is None:
        return "no exit code"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (as the out-of-memory killer does)" if -code == signal.SIGKILL else ""
        return f"killed by {name}{hint}"
    return f"exit code {code}"


class Pool:
    """`workers` processes running `fn(*task.args)`; `on_outcome` is called in this process for each task."""

    def __init__(self, fn: Callable[..., Any], workers: int, limits: Limits) -> None:
        self.fn = fn
        self.size = max(1, workers)
        self.limits = limits
        self.ctx = multiprocessing.get_context("fork")
        self.workers: list[_Worker] = []
        self.peak_rss: float = 0.0  # MB, the peak resident memory of the largest worker (VmHWM)

    # --- workers ---------------------------------------------------------------------------------------------
    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(target=_worker_main, args=(child, self.fn, self.limits), daemon=True)
        proc.start()
        child.close()  # so that a dead worker reads as EOF here
        return _Worker(proc=proc, conn=parent)

    def _end(self, worker: _Worker) -> None:
        self.peak_rss = max(self.peak_rss, peak_rss_mb(worker.proc.pid))
        try:
            worker.proc.kill()
        except (OSError, AttributeError):
            pass
        worker.proc.join(5)
        worker.conn.close()
        self.workers.remove(worker)

    def close(self) -> None:
        for worker in list(self.workers):
            if worker.task is None:
                try:
                    worker.conn.send(None)
                except OSError:
                    pass
        deadline = time.monotonic() + 2
        for worker in list(self.workers):
            if worker.task is None:
                worker.proc.join(max(0.0, deadline - time.monotonic()))
            self._end(worker)

    # --- the run --------------------------------------------------------------------------------------------
    def run(self, tasks: Sequence[Task], on_outcome: Callable[[Outcome], None],
            on_tick: Callable[[dict[int, str]], None] | None = None) -> None:
        """Every task once; returns when all are done (or raises KeyboardInterrupt after ending the workers)."""
        pending = deque(sorted(tasks, key=lambda t: (-t.weight, t.index)))
        try:
            while pending or any(w.task for w in self.workers):
                while pending and (len(self.workers) < min(self.size, len(tasks)) or
                                   any(w.task is None for w in self.workers)):
                    idle = next((w for w in self.workers if w.task is None), None) or self._add()
                    task = pending.popleft()
                    idle.task, idle.started, idle.stage = task, time.monotonic(), "read"
                    try:
                        idle.conn.send((task.index, task.args))
                    except OSError:
                        self._died(idle, on_outcome)
                busy = [w for w in self.workers if w.task is not None]
                for conn in wait([w.conn for w in busy], timeout=TICK):
                    worker = next(w for w in busy if w.conn is conn)
                    self._receive(worker, on_outcome)
                self._watch(on_outcome)
                if on_tick:
                    on_tick({w.task.index: w.stage for w in self.workers if w.task is not None})
        finally:
            self.close()

    def _add(self) -> _Worker:
        worker = self._spawn()
        self.workers.append(worker)
        return worker

    def _receive(self, worker: _Worker, on_outcome: Callable[[Outcome], None]) -> None:
        try:
            while worker.conn.poll():
                kind, index, payload = worker.conn.recv()
                if kind == "stage":
                    worker.stage = payload
                    continue
                task = worker.task
                assert task is not None and task.index == index
                seconds = time.monotonic() - worker.started
                worker.task = None
                self.peak_rss = max(self.peak_rss, peak_rss_mb(worker.proc.pid))
                if kind == "done":
                    on_outcome(Outcome(index, value=payload, seconds=seconds))
                else:
                    on_outcome(Outcome(index, stage="internal", error=payload, seconds=seconds))
                return
        except (EOFError, OSError):
            self._died(worker, on_outcome)

    def _died(self, worker: _Worker, on_outcome: Callable[[Outcome], None]) -> None:
        task, stage = worker.task, worker.stage
        worker.proc.join(5)
        why = f"the worker process died ({_signal_name(worker.proc.exitcode)}) while reading this file"
        self._end(worker)
        if task is not None:
            log.warning("%s: %s", task.label, why)
            on_outcome(Outcome(task.index, stage=stage, error=why, seconds=0.0))

    def _watch(self, on_outcome: Callable[[Outcome], None]) -> None:
        now = time.monotonic()
        for worker in list(self.workers):
            task = worker.task
            if task is None:
                continue
            why = ""
            rss = rss_mb(worker.proc.pid)
            if self.limits.timeout and now - worker.started > self.limits.timeout:
                why = f"time limit: still running after {self.limits.timeout:g} s (--timeout)"
            elif self.limits.max_memory and rss > self.limits.max_memory:
                why = f"memory limit: {rss:,.0f} MB resident, over {self.limits.max_memory:,} MB (--max-memory)"
            if why:
                stage = worker.stage
                self._end(worker)
                log.warning("%s: %s", task.label, why)
                on_outcome(Outcome(task.index, stage=stage, error=why, seconds=now - worker.started))


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
