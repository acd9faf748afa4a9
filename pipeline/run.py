"""One document through all stages: read -> assemble -> understand/extract -> check.

INTERFACE (fixed):
    extract_document(path: Path, settings: Settings = DEFAULT) -> Extraction
        Never raises for a bad input file: returns an Extraction whose info.status is
        "failed" and info.error says why (one line, naming the problem).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from extractors.assemble import assemble
from extractors.errors import InputError
from extractors.figures import cell_figures, year_figures
from extractors.metadata import extract_metadata
from extractors.model import Document, Table
from extractors.numbers import Style, infer_style
from extractors.rows import Context, budget_of, column_styles, measurements_of, plans_of
from extractors.settings import DEFAULT, Settings
from extractors.understand import assign_roles, classify
from pipeline.coverage import apply_coverage, unread_flags
from schemas.records import DocumentInfo, Extraction, TableInfo

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".text"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED = TEXT_SUFFIXES | PDF_SUFFIXES

# set by the batch runner in a worker process (pipeline.pool, pipeline.limits): told the stage a file
# reached, so that a file ended by a limit is reported with its stage; and the page limit (0: none)
STAGE_HOOK: Callable[[str], None] | None = None
MAX_PAGES = 0


class StageError(Exception):
    def __init__(self, stage: str, why: str) -> None:
        super().__init__(why)
        self.stage = stage
        self.why = why


def read_document(path: Path) -> Document:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        from extractors.text_reader import read_text

        return read_text(path)
    if suffix in PDF_SUFFIXES:
        from extractors.pdf_reader import read_pdf

        return read_pdf(path)
    raise InputError(str(path), f"unsupported file type '{suffix}' (expected .txt, .md or .pdf)")


def _document_style(tables: list[Table]) -> Style | None:
    return infer_style(cell.text for t in tables for row in t.rows for cell in row.cells)


def _table_note(table: Table, n_meas: int, n_budget: int, n_plans: int) -> str:
    notes = list(table.notes)
    if n_meas or n_budget:
        return "; ".join(notes)
    if n_plans:
        notes.append("planned figures only (no realisasi): kept for cross-checks")
    elif table.kind == "other":
        notes.append("not read: no target/realisasi or pagu/realisasi columns")
    else:
        notes.append(f"{table.kind} table without rows holding both figures")
    return "; ".join(notes)


def extract_from(doc: Document, settings: Settings = DEFAULT) -> Extraction:
    """Every stage after reading, on an already read Document, under `settings`."""
    meta = extract_metadata(doc)
    info = DocumentInfo(doc_id=doc.doc_id, source_file=doc.source_file, sha256=doc.sha256, pages=doc.pages,
                        instansi=meta.instansi, wilayah=meta.wilayah, tahun=meta.tahun)
    ext = Extraction(info=info, document=doc)
    tables = assemble(doc, settings)
    style = _document_style(tables)
    for table in tables:
        assign_roles(table, table.header_parts, meta.tahun, settings, style=style)
        table.kind = classify(table)
    ctx = Context(doc.doc_id, doc.source_file, meta.tahun, style, settings)
    for table in tables:
        styles = column_styles(table, ctx.style)
        meas = measurements_of(table, ctx, styles)
        budget = budget_of(table, ctx, styles)
        plans = plans_of(table, ctx, styles)
        ext.measurements.extend(meas)
        ext.budget.extend(budget)
        ext.plans.extend(plans)
        ext.table_infos.append(TableInfo(
            doc_id=doc.doc_id, source_file=doc.source_file, table_id=table.table_id, caption=table.caption,
            page=table.page, line=table.line, kind=table.kind, n_rows=len(table.rows),
            columns="|".join(r or "-" for r in table.roles),
            note=_table_note(table, len(meas), len(budget), len(plans)),
        ))
    ext.tables = tables
    ext.year_figures, ext.cells = year_figures(tables, meta.tahun), cell_figures(tables)
    for page, why in doc.unreadable:
        ext.table_infos.append(TableInfo(doc_id=doc.doc_id, source_file=doc.source_file,
                                         table_id=f"p{page or 0:03d}", caption="", page=page, line=None,
                                         kind="other", n_rows=0, columns="", note=f"unreadable: {why}"))
    return ext


def _run_checks(ext: Extraction, settings: Settings) -> None:
    from pipeline.check import check  # the check stage loads spaCy: only when a document gets that far

    checked = check(ext, settings)
    ext.measurements, ext.budget, ext.flags = checked.measurements, checked.budget, checked.flags


def _finish(ext: Extraction, settings: Settings = DEFAULT) -> Extraction:
    info = ext.info
    apply_coverage(ext)
    ext.flags = [*ext.flags, *unread_flags(ext, settings)]
    info.n_tables = len(ext.tables)
    info.n_measurements = len(ext.measurements)
    info.n_budget = len(ext.budget)
    info.n_flags = len(ext.flags)
    problems = list(ext.document.notes if ext.document else [])
    if not ext.tables:
        problems.append("no tables found")
    elif not ext.measurements and not ext.budget:
        problems.append("no indicator or budget rows found")
    if ext.document and ext.document.unreadable:
        problems.append(f"{len(ext.document.unreadable)} page(s) could not be read")
    if problems and info.status == "ok":
        info.status = "partial"
        info.error = "; ".join(problems)
    return ext


def _failed(path: Path, stage: str, why: str) -> Extraction:
    try:  # a FIFO or a device is never opened (it could block forever)
        data = path.read_bytes() if stat.S_ISREG(os.stat(path).st_mode) else os.fsencode(str(path))
    except OSError:
        data = os.fsencode(str(path))
    sha = hashlib.sha256(data).hexdigest()
    info = DocumentInfo(doc_id=sha[:12], source_file=str(path), sha256=sha, pages=0, status="failed",
                        error=f"{stage}: {why}")
    return Extraction(info=info)


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """The cyclic garbage collector paused while one document is read.

    Reading builds hundreds of thousands of small objects (glyphs, words, cells) and none of them form
    cycles that must be freed mid-document; each collection pass would only re-scan them (about a
    seventh of the PDF time). Collection resumes as soon as the document is done.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def extract_document(path: Path, settings: Settings = DEFAULT) -> Extraction:
    with _no_gc_pauses():
        return _extract_document(Path(path), settings)


def _stage(name: str) -> None:
    if STAGE_HOOK is not None:
        STAGE_HOOK(name)


def _not_readable(path: Path) -> str:
    """Why `path` is not a regular file to read ("" when it is one)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return exc.strerror or "cannot be opened"
    if not stat.S_ISREG(mode):
        return "not a regular file"
    return ""


def _over_pages(path: Path) -> str:
    if not MAX_PAGES or path.suffix.lower() not in PDF_SUFFIXES:
        return ""
    from pipeline.limits import pdf_pages

    pages = pdf_pages(path)
    if pages is not None and pages > MAX_PAGES:
        return f"page limit: {pages} pages, over {MAX_PAGES} (--max-pages)"
    return ""


def _extract_document(path: Path, settings: Settings) -> Extraction:
    _stage("read")
    why = _not_readable(path) or _over_pages(path)
    if why:
        return _failed(path, "read", why)
    try:
        doc = read_document(path)
    except InputError as exc:
        return _failed(path, "read", exc.why)
    except Exception as exc:  # a reader bug must not take the batch down
        log.debug("reader failed on %s", path, exc_info=True)
        return _failed(path, "read", f"{type(exc).__name__}: {exc}")
    _stage("extract")
    try:
        ext = extract_from(doc, settings)
    except Exception as exc:
        log.debug("extraction failed on %s", path, exc_info=True)
        return _failed(path, "extract", f"{type(exc).__name__}: {exc}")
    _stage("check")
    try:
        _run_checks(ext, settings)
    except Exception as exc:
        log.debug("checks failed on %s", path, exc_info=True)
        ext.info.status = "partial"
        ext.info.error = f"check: {type(exc).__name__}: {exc}"
    return _finish(ext, settings)
