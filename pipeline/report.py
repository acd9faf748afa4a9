"""Reports for people: a spreadsheet per report with flagged rows marked, and one HTML overview."""

from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from pipeline.write import frames
from schemas.records import Extraction

FLAG_FILL = PatternFill("solid", fgColor="FFC7CE")
WARN_FILL = PatternFill("solid", fgColor="FFEB9C")


def _missing(value: object) -> bool:
    return value is None or bool(pd.isna(value)) if not isinstance(value, str) else False


def _flag_index(ext: Extraction) -> dict[tuple[str, int | None, int | None], list[str]]:
    index: dict[tuple[str, int | None, int | None], list[str]] = defaultdict(list)
    for f in ext.flags:
        if f.severity != "info":
            index[(f.table_id, f.page, f.line)].append(f"[{f.severity}] {f.message}")
    return index


def write_workbook(ext: Extraction, path: Path) -> None:
    tables = frames([ext])
    flagged = _flag_index(ext)
    wb = Workbook()
    wb.remove(wb.active)
    for sheet, name in (("Flags", "flags"), ("Measurements", "measurements"), ("Budget", "budget"),
                        ("Tables", "tables")):
        df = tables[name]
        ws = wb.create_sheet(sheet)
        ws.append(list(df.columns))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        cols = list(df.columns)
        for record in df.itertuples(index=False):
            values = ["" if _missing(v) else v for v in record]
            ws.append(values)
            if name in ("measurements", "budget"):
                row = dict(zip(cols, record, strict=True))
                line = row.get("line")
                page = row.get("page")
                key = (row["table_id"], None if _missing(page) else int(page), None if _missing(line) else int(line))
                notes = flagged.get(key)
                if notes:
                    for cell in ws[ws.max_row]:
                        cell.fill = FLAG_FILL
                    ws.cell(ws.max_row, 1).comment = Comment("\n".join(notes), "lkjip")
            elif name == "flags":
                fill = FLAG_FILL if record[cols.index("severity")] == "error" else WARN_FILL
                for cell in ws[ws.max_row]:
                    cell.fill = fill
        ws.freeze_panes = "A2"
        for j, col in enumerate(cols, start=1):
            ws.column_dimensions[get_column_letter(j)].width = min(60, max(10, len(col) + 2))
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def render_html(extractions: list[Extraction]) -> str:
    esc = html.escape
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>lkjip report</title><style>",
             "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}",
             "td,th{border:1px solid #ccc;padding:3px 6px;font-size:13px;vertical-align:top}",
             ".error{background:#ffc7ce}.warning{background:#ffeb9c}.info{background:#eef}</style></head><body>",
             "<h1>lkjip report</h1>"]
    for ext in sorted(extractions, key=lambda e: e.info.source_file):
        i = ext.info
        parts.append(f"<h2>{esc(i.source_file)}</h2><p>status <b>{esc(i.status)}</b>"
                     f"{(' — ' + esc(i.error)) if i.error else ''}<br>{esc(i.instansi)} · {esc(i.wilayah)} · "
                     f"{i.tahun or ''}<br>{len(ext.tables)} tables, {len(ext.measurements)} measurements, "
                     f"{len(ext.budget)} budget rows, {len(ext.flags)} flags</p>")
        if ext.flags:
            parts.append("<table><tr><th>line</th><th>page</th><th>table</th><th>kind</th><th>severity</th>"
                         "<th>subject</th><th>message</th></tr>")
            for f in ext.flags:
                parts.append(f"<tr class='{esc(f.severity)}'><td>{f.line or ''}</td><td>{f.page or ''}</td>"
                             f"<td>{esc(f.table_id)}</td><td>{esc(f.kind)}</td><td>{esc(f.severity)}</td>"
                             f"<td>{esc(f.subject)}</td><td>{esc(f.message)}</td></tr>")
            parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def write_reports(extractions: list[Extraction], out_dir: Path) -> None:
    for ext in extractions:
        if ext.info.status != "failed":
            write_workbook(ext, out_dir / "reports" / f"{Path(ext.info.source_file).stem}.xlsx")
    (out_dir / "report.html").write_text(render_html(extractions), encoding="utf-8")
