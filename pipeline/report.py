"""Reports for people, made from the validated output tables (so they show exactly what was written).

- `<out>/reports/<stem>.xlsx`: one workbook per report (sheets Measurements, Budget, Flags, Tables);
  rows that carry a flag are filled by severity, with the flag messages in a first column "flags"
  and as a cell comment; frozen header, filters, column widths.
- `<out>/report.html`: one self-contained page: per document its status, counts and flags.
"""

from __future__ import annotations

import html
import logging
import math
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.write import one_line

log = logging.getLogger(__name__)

FILLS = {"error": PatternFill("solid", fgColor="FFC7CE"), "warning": PatternFill("solid", fgColor="FFEB9C"),
         "info": PatternFill("solid", fgColor="DDEBF7")}
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
RANK = {"error": 0, "warning": 1, "info": 2}
SHEETS = (("Measurements", "measurements"), ("Budget", "budget"), ("Flags", "flags"), ("Tables", "tables"))
SUBJECT_COLUMNS = {"measurements": ("indikator", "sasaran", "program"), "budget": ("uraian", "kode")}
MAX_WIDTH, MIN_WIDTH = 60, 8
TableSet = dict[str, pd.DataFrame]


def _plain(value: Any) -> Any:
    """A cell value openpyxl can store: None for missing, python scalars, no control characters."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)[:32000]
    if hasattr(value, "item"):
        return value.item()
    return value


def _opt_int(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _norm(text: str) -> str:
    return " ".join(str(text).lower().split())


# --- flags -> rows ----------------------------------------------------------------------------------------------
def flagged_rows(rows: pd.DataFrame, flags: pd.DataFrame, name: str) -> dict[int, list[tuple[str, str]]]:
    """Row position -> [(severity, message)] of the flags that point at that row.

    A flag points at the rows of its table on its page and line; where that leaves several rows
    (a PDF has no line numbers), the flag's subject picks among them, and if it picks none on a
    page without line numbers, no row is marked (the flag stays in the Flags sheet).
    """
    marks: dict[int, list[tuple[str, str]]] = defaultdict(list)
    if rows.empty or flags.empty:
        return marks
    where: dict[tuple[str, int | None, int | None], list[int]] = defaultdict(list)
    for pos, (table_id, page, line) in enumerate(zip(rows["table_id"], rows["page"], rows["line"], strict=True)):
        where[(table_id, _opt_int(page), _opt_int(line))].append(pos)
    subjects = [col for col in SUBJECT_COLUMNS[name] if col in rows.columns]
    for flag in flags.itertuples(index=False):
        line = _opt_int(flag.line)
        candidates = where.get((flag.table_id, _opt_int(flag.page), line), [])
        if len(candidates) > 1 or line is None:
            subject = _norm(flag.subject)
            named = [p for p in candidates if subject and any(_norm(rows.iloc[p][c]) == subject for c in subjects)]
            candidates = named if named or line is None else candidates
        for pos in candidates:
            marks[pos].append((flag.severity, flag.message))
    return marks


# --- workbook ---------------------------------------------------------------------------------------------------
def _sheet(ws: Worksheet, df: pd.DataFrame, marks: dict[int, list[tuple[str, str]]] | None,
           fill_by: str | None = None) -> None:
    columns = (["flags"] if marks is not None else []) + list(df.columns)
    ws.append(columns)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    widths = [len(c) for c in columns]
    for pos, record in enumerate(df.itertuples(index=False)):
        values = [_plain(v) for v in record]
        notes = marks.get(pos, []) if marks is not None else []
        if marks is not None:
            values = ["; ".join(message for _, message in notes) or None, *values]
        ws.append(values)
        r = ws.max_row
        for j, value in enumerate(values, start=1):
            cell = ws.cell(r, j)
            if isinstance(value, str):
                cell.data_type = "s"  # text starting with "=" stays text, never a formula
                widths[j - 1] = max(widths[j - 1], min(len(value), MAX_WIDTH))
            elif value is not None:
                widths[j - 1] = max(widths[j - 1], len(str(value)))
        severity = min((s for s, _ in notes), key=lambda s: RANK.get(s, 3), default=None)
        if fill_by is not None:
            severity = str(getattr(record, fill_by))
        if severity in FILLS:
            for cell in ws[r]:
                cell.fill = FILLS[severity]
        if notes:
            text = "\n".join(f"[{s}] {m}" for s, m in notes)
            ws.cell(r, 1).comment = Comment(text[:30000], "lkjip", width=400, height=160)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = max(MIN_WIDTH, min(MAX_WIDTH, width + 2))


def write_workbook(tables: TableSet, path: Path) -> None:
    """One document's tables (already restricted to it) as an .xlsx workbook."""
    wb = Workbook()
    wb.remove(wb.active)
    flags = tables["flags"]
    for title, name in SHEETS:
        df = tables[name]
        ws = wb.create_sheet(title)
        if name in SUBJECT_COLUMNS:
            _sheet(ws, df, flagged_rows(df, flags, name))
        elif name == "flags":
            _sheet(ws, df, None, fill_by="severity")
        else:
            _sheet(ws, df, None)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    wb.save(tmp)
    tmp.replace(path)


def report_names(source_files: list[str]) -> dict[str, str]:
    """source_file -> workbook file name: `<stem>.xlsx`, made unique when stems collide."""
    stems = Counter(Path(s).stem for s in source_files)
    names: dict[str, str] = {}
    used: set[str] = set()
    for source in sorted(source_files):
        p = Path(source)
        base = p.stem if stems[p.stem] == 1 else f"{p.stem}_{p.suffix.lstrip('.') or 'file'}"
        name, k = f"{base}.xlsx", 2
        while name in used:
            name, k = f"{base}_{k}.xlsx", k + 1
        used.add(name)
        names[source] = name
    return names


def _for_document(tables: TableSet, source_file: str) -> TableSet:
    return {name: df[df["source_file"] == source_file].reset_index(drop=True) for name, df in tables.items()}


def write_workbooks(tables: TableSet, out_dir: Path) -> list[Path]:
    """A workbook per document that was read (not the failed ones); stale workbooks are removed."""
    docs = tables["documents"]
    readable = [s for s, status in zip(docs["source_file"], docs["status"], strict=True) if status != "failed"]
    folder = out_dir / "reports"
    names = report_names(readable)
    written: list[Path] = []
    for source in readable:
        path = folder / names[source]
        try:
            write_workbook(_for_document(tables, source), path)
            written.append(path)
        except Exception as exc:  # a report for people must not cost the data files
            log.warning("%s: workbook not written: %s", source, one_line(f"{type(exc).__name__}: {exc}"))
            log.debug("workbook failure", exc_info=True)
    if folder.is_dir():
        for old in folder.glob("*.xlsx"):
            if old not in written:
                old.unlink()
    return written


# --- HTML -------------------------------------------------------------------------------------------------------
def _fmt(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value)


def _e(value: Any) -> str:
    return html.escape(_fmt(value), quote=True)


CSS = ("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;"
       "margin:0.5em 0 2em}td,th{border:1px solid #bbb;padding:3px 6px;font-size:13px;vertical-align:top;"
       "text-align:left}th{background:#eee}.error{background:#ffc7ce}.warning{background:#ffeb9c}"
       ".info{background:#ddebf7}.failed{color:#a00;font-weight:bold}.partial{color:#a60}.num{text-align:right}")
FLAG_COLUMNS = ("table_id", "page", "line", "kind", "severity", "subject", "reported", "expected", "delta",
                "message", "confidence")


def _share(value: Any) -> str:
    """A 0-1 share as a whole percent ("" when there is none)."""
    return "" if value is None or pd.isna(value) else f"{float(value) * 100:.0f}%"


def _coverage(doc: Any) -> str:
    """What was not checked: tables read of those with figures, and the share of figures read."""
    if not doc.tables_with_figures:
        return "no tables with figures"
    return (f"{_e(doc.tables_read)} of {_e(doc.tables_with_figures)} tables with figures read, "
            f"{_share(doc.cells_read_share)} of their figures (tables.csv says why a table was not read)")


def _row(cells: list[str], cls: str = "", tag: str = "td") -> str:
    attr = f" class='{html.escape(cls, quote=True)}'" if cls else ""
    return f"<tr{attr}>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>"


def render_html(tables: TableSet) -> str:
    docs, flags = tables["documents"], tables["flags"]
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'><title>lkjip report</title>",
             f"<style>{CSS}</style></head><body><h1>lkjip report</h1>",
             f"<p>{len(docs)} document(s); {len(tables['measurements'])} measurements, "
             f"{len(tables['budget'])} budget rows, {len(flags)} flags.</p>", "<table>",
             _row(["file", "status", "tables", "measurements", "budget rows", "figures read", "errors", "warnings",
                   "info", "note"], tag="th")]
    by_doc = {s: g for s, g in flags.groupby("source_file", sort=False)} if not flags.empty else {}
    for k, doc in enumerate(docs.itertuples(index=False)):
        sev = Counter(by_doc[doc.source_file]["severity"]) if doc.source_file in by_doc else Counter()
        link = f"<a href='#d{k}'>{_e(doc.source_file)}</a>"
        parts.append(_row([link, f"<span class='{_e(doc.status)}'>{_e(doc.status)}</span>", _e(doc.n_tables),
                           _e(doc.n_measurements), _e(doc.n_budget), _share(doc.cells_read_share),
                           str(sev["error"]), str(sev["warning"]),
                           str(sev["info"]), _e(doc.error)]))
    parts.append("</table>")
    for k, doc in enumerate(docs.itertuples(index=False)):
        meta = " · ".join(_e(v) for v in (doc.instansi, doc.wilayah, doc.tahun) if _fmt(v))
        parts.append(f"<h2 id='d{k}'>{_e(doc.source_file)}</h2><p>status <b class='{_e(doc.status)}'>"
                     f"{_e(doc.status)}</b>{(' — ' + _e(doc.error)) if doc.error else ''}"
                     f"{('<br>' + meta) if meta else ''}<br>doc_id {_e(doc.doc_id)}, {_e(doc.pages)} page(s), "
                     f"{_e(doc.n_tables)} tables, {_e(doc.n_measurements)} measurements, {_e(doc.n_budget)} "
                     f"budget rows, {_e(doc.n_flags)} flags<br>{_coverage(doc)}</p>")
        doc_flags = by_doc.get(doc.source_file)
        if doc_flags is None or doc_flags.empty:
            parts.append("<p>No flags.</p>")
            continue
        parts.append("<table>" + _row(list(FLAG_COLUMNS), tag="th"))
        for f in doc_flags.itertuples(index=False):
            parts.append(_row([_e(getattr(f, c)) for c in FLAG_COLUMNS], cls=str(f.severity)))
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def write_html(tables: TableSet, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(render_html(tables), encoding="utf-8")
    tmp.replace(path)


def write_reports(tables: TableSet, out_dir: Path) -> list[Path]:
    """The workbooks and report.html; returns the files written."""
    written = write_workbooks(tables, out_dir)
    write_html(tables, out_dir / "report.html")
    return [*written, out_dir / "report.html"]
