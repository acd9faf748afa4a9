"""Run many inputs: files and folders, failures isolated per file, results cached per file.

`collect` finds the inputs: the files named, and the supported files under each folder. Anything
that is not a regular file that can be read — a FIFO, a device, a symlink loop, a name that is not
valid UTF-8, a folder that cannot be listed — becomes an input that failed at stage "input" (a row
in errors.csv), never a crash or a hang.

Each distinct content is extracted once, in a worker process of `pipeline.pool` (limits per file:
time, memory, pages, OCR pixels) or on a dask.distributed cluster (`--scheduler`, the `dask` extra;
the workers must see the same paths). A worker writes the document's rows to the cache of the
output folder (`pipeline.cache`) as soon as it is done, so a re-run with nothing changed reads no
file and an interrupted run resumes.

Keys (see README, "Keys"): the first input (in path order) holding a content gets the content's
doc_id, the first 12 hex digits of its sha256; a later input with the same content (an exact copy)
gets its own doc_id (from the content hash and its path), status "duplicate" and `duplicate_of`
the first one's doc_id, and its rows are not written again. A text file and a PDF are the same
report (`same_report_as`, set on both) when they sit in one folder under the same name apart from
the extension, or, whatever their names, when their reporting years agree and at least half of the
figures of the smaller one (and at least 5) also appear in the other (amounts of the budget tables,
target/realisasi pairs).

`run_batch` (the library entry point) returns the extractions themselves, in input order.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import stat
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.settings import DEFAULT, Settings
from pipeline.cache import Cache, Head, Rows, file_sha256
from pipeline.limits import Limits, apply_in_worker
from pipeline.pool import Outcome, Pool, Task
from pipeline.run import PDF_SUFFIXES, SUPPORTED, extract_document
from pipeline.write import _typed as typed
from pipeline.write import document_row, document_rows, error_row, one_line, render
from schemas.output import COLUMNS
from schemas.records import DocumentInfo, Extraction

log = logging.getLogger(__name__)
OnDone = Callable[[Extraction], None]


class UsageError(Exception):
    """The command cannot run as asked (nothing at a path, no supported files, no scheduler)."""


# --- inputs ---------------------------------------------------------------------------------------------------
@dataclass
class Input:
    """One input: a readable regular file (path set) or one that cannot be read (error set)."""

    source: str  # the path as given or found, shown in the outputs (odd bytes escaped)
    path: Path | None = None
    error: str = ""  # "why" when it cannot be read (stage input)
    size: int = 0
    sha256: str = ""
    doc_id: str = ""
    key: str = ""  # cache key
    first: Input | None = None  # the first input with the same content, when this is a copy
    outcome: dict[str, Any] = field(default_factory=dict)  # DocumentInfo as a dict once known

    @property
    def is_pdf(self) -> bool:
        return Path(self.source).suffix.lower() in PDF_SUFFIXES


def _display(path: str | Path) -> str:
    """A path as text that any writer accepts: bytes that are not UTF-8 shown as \\xNN."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def _odd_name(path: str | Path) -> str:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return "the file name is not valid UTF-8 (rename it)"
    if any(ord(c) < 32 or ord(c) == 127 for c in str(path)):
        return "the file name holds control characters (rename it)"
    return ""


def _inspect(path: Path) -> Input:
    """An Input for `path`: readable, or with the reason it is not."""
    source = _display(path)
    why = _odd_name(path)
    if why:
        return Input(source, error=why)
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Input(source, error="symlink loop")
        if os.path.islink(path):
            return Input(source, error="broken symlink (its target does not exist)")
        return Input(source, error=f"cannot be opened: {exc.strerror or exc}")
    if not stat.S_ISREG(st.st_mode):
        kind = ("FIFO (named pipe)" if stat.S_ISFIFO(st.st_mode) else "device" if
                stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "socket" if stat.S_ISSOCK(st.st_mode)
                else "special file")
        return Input(source, error=f"not a regular file: a {kind}")
    if not os.access(path, os.R_OK):
        return Input(source, error="cannot be read: permission denied")
    return Input(source, path=path, size=st.st_size)


def _walk(folder: Path, problems: list[Input]) -> list[Path]:
    """Supported files under `folder`, recursively, skipping hidden files and folders, sorted.

    A subfolder that cannot be listed is added to `problems`.
    """
    found: list[Path] = []

    def unlisted(exc: OSError) -> None:
        problems.append(Input(_display(exc.filename), error=f"folder cannot be listed: {exc.strerror or exc}"))

    for root, dirs, files in os.walk(folder, onerror=unlisted):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / f for f in files
                     if not f.startswith(".") and Path(f).suffix.lower() in SUPPORTED)
    return found


def collect(paths: Iterable[Path]) -> list[Input]:
    """Files as given plus the supported files under each folder, each once, sorted by path.

    A file named explicitly is kept whatever its type (the reader reports an unsupported one as a
    failed input); folders contribute only .txt/.md/.pdf files. A path that does not exist at all
    is a usage error.
    """
    paths = [Path(p) for p in paths]
    found: list[Path] = []
    problems: list[Input] = []
    for path in paths:
        if path.is_dir():
            found.extend(_walk(path, problems))
        elif os.path.lexists(path):
            found.append(path)
        else:
            raise UsageError(f"no such file or folder: {_display(path)}")
    unique: dict[str, Input] = {}
    for p in sorted(found, key=lambda p: os.fsencode(p.as_posix())):
        item = _inspect(p)
        unique.setdefault(os.path.realpath(p) if item.path else f"\0{item.source}", item)
    for item in problems:
        unique.setdefault(f"\0{item.source}", item)
    if not unique:
        names = ", ".join(_display(p) for p in paths)
        raise UsageError(f"no supported files (.txt, .md, .pdf) found in {names}")
    return sorted(unique.values(), key=lambda i: i.source)


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """The readable inputs' paths (see `collect`), in a stable order."""
    inputs = [i.path if i.path else Path(i.source) for i in collect(paths)]
    return inputs


# --- keys ------------------------------------------------------------------------------------------------------
def assign_ids(inputs: list[Input]) -> None:
    """sha256 and doc_id of every input; copies point at the first input with their content."""
    used: set[str] = set()
    first_of: dict[str, Input] = {}
    for item in inputs:
        if item.path is not None and not item.sha256:
            try:
                item.sha256 = file_sha256(item.path)
            except OSError as exc:
                item.error, item.path = f"cannot be read: {exc.strerror or exc}", None
        if not item.sha256:
            item.sha256 = hashlib.sha256(os.fsencode(item.source)).hexdigest()
        if item.path is not None and item.sha256 in first_of:
            item.first = first_of[item.sha256]
            candidate = hashlib.sha256(f"{item.sha256}\n{item.source}".encode()).hexdigest()[:12]
        else:
            if item.path is not None:
                first_of[item.sha256] = item
            candidate = item.sha256[:12]
        n = 0
        while candidate in used:  # never two inputs with one doc_id
            n += 1
            candidate = hashlib.sha256(f"{item.sha256}\n{item.source}\n{n}".encode()).hexdigest()[:12]
        item.doc_id = candidate
        used.add(candidate)


def figures_of(rows: Rows) -> frozenset[str]:
    """The figures that identify a report's content: budget amounts and target/realisasi pairs."""
    out: set[str] = set()
    for b in rows.get("budget", []):
        for name in ("pagu", "realisasi"):
            v = b.get(name)
            if v is not None and v == v and abs(v) >= 1e5:
                out.add(f"b{round(v)}")
    for m in rows.get("measurements", []):
        t, r = m.get("target"), m.get("realisasi")
        if t is not None and r is not None and t == t and r == r:
            out.add(f"m{t:.6g}/{r:.6g}")
    return frozenset(out)


def link_reports(inputs: list[Input], figures: dict[str, frozenset[str]]) -> None:
    """same_report_as between a text input and a PDF input of one report (see the module doc)."""
    docs = [i for i in inputs if i.first is None and i.outcome.get("status") in ("ok", "partial")]
    texts = [i for i in docs if not i.is_pdf]
    pdfs = [i for i in docs if i.is_pdf]
    if not texts or not pdfs:
        return
    partner: dict[str, tuple[float, str]] = {}

    def offer(a: Input, b: Input, score: float) -> None:
        for x, y in ((a, b), (b, a)):
            best = partner.get(x.doc_id)
            if best is None or score > best[0] or (score == best[0] and y.doc_id < best[1]):
                partner[x.doc_id] = (score, y.doc_id)

    by_stem = {(str(Path(p.source).parent), Path(p.source).stem.casefold()): p for p in pdfs}
    for t in texts:
        p = by_stem.get((str(Path(t.source).parent), Path(t.source).stem.casefold()))
        if p is not None:
            offer(t, p, 2.0)
    index: dict[str, list[Input]] = defaultdict(list)
    for p in pdfs:
        for fig in figures.get(p.doc_id, ()):
            index[fig].append(p)
    for t in texts:
        mine = figures.get(t.doc_id, frozenset())
        shared: Counter[str] = Counter()
        for fig in mine:
            hits = index.get(fig, [])
            if len(hits) <= 20:  # a figure in many reports identifies none
                for p in hits:
                    shared[p.doc_id] += 1
        for doc_id, n in shared.items():
            p = next(x for x in pdfs if x.doc_id == doc_id)
            theirs = figures.get(doc_id, frozenset())
            years = (t.outcome.get("tahun"), p.outcome.get("tahun"))
            if None not in years and years[0] != years[1]:
                continue
            if n >= 5 and n >= 0.5 * min(len(mine), len(theirs)):
                offer(t, p, n / max(1, min(len(mine), len(theirs))))
    for item in docs:
        best = partner.get(item.doc_id)
        if best is not None and partner.get(best[1], (0, ""))[1] == item.doc_id:
            item.outcome["same_report_as"] = best[1]


# --- one file, never raising --------------------------------------------------------------------------------------
def failed(path: Path | str, stage: str, exc: BaseException | str, sha256: str = "") -> Extraction:
    """A failed document for `path` with a one-line error naming the stage."""
    why = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    if not sha256:
        try:
            p = Path(path)
            data = p.read_bytes() if stat.S_ISREG(os.stat(p).st_mode) else os.fsencode(str(path))
        except OSError:
            data = os.fsencode(str(path))
        sha256 = hashlib.sha256(data).hexdigest()
    info = DocumentInfo(doc_id=sha256[:12], source_file=_display(path), sha256=sha256, pages=0, status="failed",
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


def _head(rows: Rows) -> Head:
    return Head(info=dict(rows["documents"][0]), figures=figures_of(rows),
                counts={name: len(r) for name, r in rows.items()},
                severity=dict(Counter(f["severity"] for f in rows.get("flags", []))))


STORE_FAILED = "store-failed"


def process(path: Path, settings: Settings, key: str, cache_folder: Path | None,
            limits: Limits | None = None, workbook: bool = False, lang: str = "id") -> Any:
    """One file in a worker: extracted, flattened to validated rows, stored in the cache.

    With `workbook`, the document's workbook (reports/*.xlsx) and its site page body are built here too,
    beside the entry. Flag messages are written in `lang` (id | en).
    Returns the head (the document's summary) when stored, (head, rows) without a cache folder
    (a dask worker that may not share the output folder), or (STORE_FAILED, why) when the cache
    cannot be written (a full disk): the batch then stops with a write error.
    """
    if limits is not None:
        apply_in_worker(limits)
    rows = document_rows(safe_extract(path, settings), lang)
    head = _head(rows)
    if cache_folder is None:
        return head, rows
    cache = Cache(cache_folder)
    try:
        cache.store(key, head, rows, render(rows))
    except OSError as exc:
        return STORE_FAILED, f"{exc.strerror or exc} ({exc.filename or cache_folder})"
    if workbook and head.info["status"] != "failed":
        write_workbook_of(rows, cache.workbook(key), page_body(cache.workbook(key)))
    return head


def page_body(workbook: Path) -> Path:
    """Where the document's site page body is kept, beside its workbook."""
    return workbook.with_suffix(".html")


def write_workbook_of(rows: Rows, path: Path, body: Path | None = None) -> bool:
    """The document's workbook for people (pipeline.report) and, with `body`, its site page body; False, with a
    warning, when they cannot be made."""
    from pipeline.report import write_workbook

    try:
        write_workbook({name: typed(name, rows.get(name, [])) for name in COLUMNS}, path, body)
        return True
    except Exception as exc:  # a report for people must not cost the data files
        log.warning("%s: workbook not written: %s", rows["documents"][0]["source_file"],
                    one_line(f"{type(exc).__name__}: {exc}"))
        return False


# --- many files, in memory (the library entry point) -----------------------------------------------------------
def run_batch(paths: list[Path], workers: int = 1, scheduler: str | None = None,
              on_done: OnDone | None = None, settings: Settings = DEFAULT,
              limits: Limits | None = None) -> list[Extraction]:
    """Every path through extract_document under `settings`; one Extraction per path, in the order of `paths`.

    Each file runs in a worker process (`workers` of them) within `limits`; a file that passes a limit,
    or whose worker dies, is a failed document. `on_done` is called in this process as each file
    finishes (for progress), in finishing order.
    """
    paths = [Path(p) for p in paths]
    results: list[Extraction | None] = [None] * len(paths)

    def done(k: int, ext: Extraction) -> None:
        results[k] = ext
        if on_done:
            on_done(ext)

    if scheduler:
        client = connect(scheduler)
        with client:
            futures = {client.submit(safe_extract, p, settings, pure=False): k for k, p in enumerate(paths)}
            for future in _dask_completed(client, futures):
                k = futures[future]
                try:
                    ext = future.result()
                except Exception as exc:  # the worker died, or the result could not travel back
                    ext = failed(paths[k], "internal", exc)
                done(k, ext)
    else:
        tasks = [Task(k, (p, settings), weight=_weight(p) if workers > 1 else 0.0, label=str(p))
                 for k, p in enumerate(paths)]

        def outcome(o: Outcome) -> None:
            ext = o.value if o.ok else failed(paths[o.index], o.stage, o.error)
            done(o.index, ext)

        Pool(safe_extract, workers, limits or Limits()).run(tasks, outcome)
    return [r if r is not None else failed(paths[k], "internal", "no result") for k, r in enumerate(results)]


def _weight(path: Path) -> float:
    """Expected work: bytes, a PDF byte counting as ten text bytes (pages are parsed, tables found)."""
    try:
        size = os.stat(path).st_size
    except OSError:
        return 0.0
    return size * (10 if path.suffix.lower() in PDF_SUFFIXES else 1)


def connect(scheduler: str) -> Any:
    try:
        from distributed import Client
    except ImportError as exc:
        raise UsageError("--scheduler needs the dask extra: pip install 'lkjip[dask]'") from exc
    try:
        return Client(scheduler, timeout=10, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"cannot reach the dask scheduler at {scheduler}: {one_line(str(exc), 200)}") from exc


def _dask_completed(client: Any, futures: Iterable[Any]) -> Iterable[Any]:
    from distributed import as_completed

    return as_completed(list(futures), loop=client.loop)


def failed_rows(item: Input, stage: str, why: str) -> Rows:
    info = DocumentInfo(doc_id=item.doc_id, source_file=item.source, sha256=item.sha256, pages=0,
                        status="failed", error=f"{stage}: {one_line(why)}")
    return {"documents": [document_row(info)], "errors": [error_row(info)]}
