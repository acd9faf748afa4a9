"""The auditor's workbook of one report (`reports/<stem>.xlsx`), Indonesian sheet names.

Ringkasan (agency, region, year, counts by kind and severity, budget absorbed, share of indicators
that met their target, what was not read), Temuan (every flag, errors first, each hyperlinked to
its row on Indikator / Anggaran / Tabel or to its lines on Teks), Indikator, Anggaran (outline
levels program > kegiatan > sub-kegiatan), Teks (the text lines around each finding in the prose)
and Tabel (every table found, read or not). The cell a finding is about is filled by severity and
carries the finding as a comment. Numbers are stored as numbers with the formats `#,##0` and
`#,##0.00` (shown as 1.631.159.008 and 92,15 by a spreadsheet in an Indonesian locale); every row
carries the report's own caption and its page/line; headers are frozen and filtered.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.check.messages import KIND_ID, caption_label

FILLS = {"error": PatternFill("solid", fgColor="FFC7CE"), "warning": PatternFill("solid", fgColor="FFEB9C"),
         "info": PatternFill("solid", fgColor="DDEBF7")}
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
RANK = {"error": 0, "warning": 1, "info": 2}
SEVERITY_ID = {"error": "kesalahan", "warning": "peringatan", "info": "info"}
INT_FORMAT, DEC_FORMAT = "#,##0", "#,##0.00"
MAX_WIDTH, MIN_WIDTH = 60, 8
SHEETS = ["Ringkasan", "Temuan", "Indikator", "Anggaran", "Teks", "Tabel"]
TableSet = dict[str, pd.DataFrame]
Context = dict[int, list[tuple[int | None, str, bool]]]  # flag position -> [(line, text, is the flagged line)]

# (header, column, kind) per data sheet; kind: t text, i integer, d decimal, m money
INDIKATOR = [("Tabel", "_caption", "t"), ("Halaman", "page", "i"), ("Baris", "line", "i"), ("Level", "level", "t"),
             ("Sasaran", "sasaran", "t"), ("Program", "program", "t"), ("Indikator", "indikator", "t"),
             ("Satuan", "satuan", "t"), ("Target (tertulis)", "target_raw", "t"), ("Target", "target", "d"),
             ("Realisasi (tertulis)", "realisasi_raw", "t"), ("Realisasi", "realisasi", "d"),
             ("Capaian (tertulis)", "capaian_raw", "t"), ("Capaian dilaporkan", "capaian_reported", "d"),
             ("Capaian dihitung", "capaian_computed", "d"), ("Polaritas", "polarity", "t"), ("Rumus", "formula", "t"),
             ("Tahun", "year", "y"), ("Keyakinan", "confidence", "d"), ("Kunci indikator", "indicator_key", "t")]
ANGGARAN = [("Tabel", "_caption", "t"), ("Halaman", "page", "i"), ("Baris", "line", "i"), ("Kode", "kode", "t"),
            ("Level", "level", "t"), ("Uraian", "uraian", "t"), ("Pagu (tertulis)", "pagu_raw", "t"),
            ("Pagu", "pagu", "m"), ("Realisasi (tertulis)", "realisasi_raw", "t"), ("Realisasi", "realisasi", "m"),
            ("% (tertulis)", "persen_raw", "t"), ("% dilaporkan", "persen_reported", "d"),
            ("% dihitung", "persen_computed", "d"), ("Sisa (tertulis)", "sisa_raw", "t"),
            ("Sisa dilaporkan", "sisa_reported", "m"), ("Sisa dihitung", "sisa_computed", "m"),
            ("Total", "is_total", "t"), ("Keyakinan", "confidence", "d")]
TABEL = [("Tabel", "_caption", "t"), ("Judul", "caption", "t"), ("Halaman", "page", "i"), ("Baris", "line", "i"),
         ("Jenis", "kind", "t"), ("Jumlah baris", "n_rows", "i"), ("Kolom", "columns", "t"), ("Catatan", "note", "t"),
         ("Keyakinan", "confidence", "d"), ("Angka", "n_numeric_cells", "i"), ("Angka terbaca", "n_cells_read", "i")]
TEMUAN = ["No", "Tingkat", "Jenis", "Subjek", "Dilaporkan", "Seharusnya", "Selisih", "Pesan", "Tabel", "Halaman",
          "Baris", "Keyakinan", "Lihat"]
OUTLINE = {"urusan": 0, "program": 0, "total": 0, "kegiatan": 1, "sub_kegiatan": 2}


def plain(value: Any) -> Any:
    """A cell value openpyxl can store: None for missing, python scalars, no control characters."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)[:32000] or None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def opt_int(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def norm(text: Any) -> str:
    return " ".join(str(text or "").lower().split())


def base_subject(subject: str) -> str:
    return norm(re.sub(r"\s*\([^()]*\)\s*$", "", str(subject or "")))


# --- where a finding points --------------------------------------------------------------------------------------
def locate(flags: pd.DataFrame, measurements: pd.DataFrame, budget: pd.DataFrame) -> list[tuple[str, int] | None]:
    """Per flag: ('m', row position) on Indikator, ('b', position) on Anggaran, or None (a table or the text).

    A flag points at the rows of its table on its page and line; where that leaves several rows (a PDF has
    no line numbers), its subject picks among them.
    """
    out: list[tuple[str, int] | None] = []
    where: dict[tuple[str, str, int | None, int | None], list[int]] = {}
    names: dict[tuple[str, int], str] = {}
    for kind, df, col in (("m", measurements, "indikator"), ("b", budget, "uraian")):
        for pos, (tid, page, line, name) in enumerate(zip(df["table_id"], df["page"], df["line"], df[col],
                                                          strict=True)):
            where.setdefault((kind, tid, opt_int(page), opt_int(line)), []).append(pos)
            names[(kind, pos)] = norm(name)
    for f in flags.itertuples(index=False):
        found: tuple[str, int] | None = None
        if f.table_id:
            subject, line = base_subject(f.subject), opt_int(f.line)
            for kind in ("m", "b"):
                cands = where.get((kind, f.table_id, opt_int(f.page), line), [])
                named = [p for p in cands if names[(kind, p)] and (names[(kind, p)] == subject
                                                                  or subject.startswith(names[(kind, p)])
                                                                  or names[(kind, p)].startswith(subject))]
                pick = named or (cands if line is not None else [])
                if pick:
                    found = (kind, pick[0])
                    break
        out.append(found)
    return out


_RAW = {"m": ("target_raw", "realisasi_raw", "capaian_raw"),
        "b": ("pagu_raw", "realisasi_raw", "persen_raw", "sisa_raw")}


def cell_of(flag: Any, kind: str, row: pd.Series) -> str:
    """The column a finding is about on its row."""
    subject = str(flag.subject or "").lower()
    first = str(getattr(flag, "message_original", "") or flag.message or "").split(" ", 1)[0].lower()
    if flag.kind in ("capaian_mismatch", "polarity_assumed"):
        return "capaian_reported" if kind == "m" else "persen_reported"
    if flag.kind == "budget_percent_mismatch":
        return "persen_reported"
    if flag.kind == "remaining_mismatch":
        return "sisa_reported"
    if flag.kind == "malformed_number":
        quoted = re.findall(r"'([^']+)'", str(getattr(flag, "message_original", "") or flag.message))
        for col in _RAW[kind]:
            if quoted and quoted[0].strip() and quoted[0].strip() in str(row.get(col) or ""):
                return col
        return "indikator" if kind == "m" else "uraian"
    for word, col in (("(pagu", "pagu"), ("(realisasi", "realisasi"), ("(sisa", "sisa_reported"),
                      ("(target", "target")):
        if word in subject and (kind == "b" or col in ("realisasi", "target")):
            return col
    for word, col in (("pagu", "pagu"), ("target", "target"), ("realisasi", "realisasi"),
                      ("capaian", "capaian_reported"), ("sisa", "sisa_reported")):
        if first == word and (col in row.index):
            return col
    return "realisasi"


# --- sheets -------------------------------------------------------------------------------------------------------
def _header(ws: Worksheet, headers: list[str]) -> None:
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL


def _finish(ws: Worksheet, widths: list[int] | None = None) -> None:
    ws.freeze_panes = "A2"
    if ws.max_row >= 1 and ws.max_column >= 1:
        ws.auto_filter.ref = ws.dimensions
    if widths is None:
        widths = [MIN_WIDTH] * ws.max_column
        for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 400)):
            for j, cell in enumerate(row):
                if cell.value is not None:
                    widths[j] = max(widths[j], min(MAX_WIDTH, len(str(cell.value))))
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = max(MIN_WIDTH, min(MAX_WIDTH, width + 2))


def _put(ws: Worksheet, r: int, c: int, value: Any, kind: str) -> None:
    cell = ws.cell(r, c)
    value = plain(value)
    if kind == "t" and isinstance(value, bool):
        value = "ya" if value else None
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # text starting with "=" stays text, never a formula
    elif value is not None and kind in ("i", "m"):
        cell.number_format = INT_FORMAT
    elif value is not None and kind == "d":
        cell.number_format = DEC_FORMAT


def _data_sheet(ws: Worksheet, df: pd.DataFrame, spec: list[tuple[str, str, str]], captions: dict[str, str]) -> None:
    _header(ws, [h for h, _, _ in spec])
    for pos, row in enumerate(df.to_dict("records"), start=2):
        row["_caption"] = captions.get(row.get("table_id", ""), row.get("table_id", ""))
        for j, (_, col, kind) in enumerate(spec, start=1):
            _put(ws, pos, j, row.get(col), kind)


def _ringkasan(ws: Worksheet, doc: dict[str, Any], tables: TableSet) -> None:
    m, b, f, t = tables["measurements"], tables["budget"], tables["flags"], tables["tables"]
    ws.append(["Ringkasan laporan", None])
    ws["A1"].font = Font(bold=True, size=14)
    rows: list[tuple[str, Any, str]] = [
        ("Instansi", doc.get("instansi") or "-", "t"), ("Wilayah", doc.get("wilayah") or "-", "t"),
        ("Tahun", doc.get("tahun"), "y"), ("Berkas", doc.get("source_file"), "t"), ("Status", doc.get("status"), "t"),
        ("Halaman", doc.get("pages"), "i"), ("Tabel ditemukan", len(t), "i"),
        ("Pasangan indikator", len(m), "i"), ("Baris anggaran", len(b), "i"), ("Temuan", len(f), "i")]
    for severity in ("error", "warning", "info"):
        rows.append((f"Temuan {SEVERITY_ID[severity]}", int((f["severity"] == severity).sum()), "i"))
    pagu, real = budget_absorbed(b)
    rows.append(("Anggaran: pagu", pagu, "m"))
    rows.append(("Anggaran: realisasi", real, "m"))
    rows.append(("Anggaran terserap (%)", None if not pagu or real is None else real / pagu * 100, "d"))
    met, total = indicators_met(m)
    rows.append(("Indikator mencapai target", f"{met} dari {total}" if total else "-", "t"))
    rows.append(("Indikator mencapai target (%)", met / total * 100 if total else None, "d"))
    rows.append(("Tabel berangka dibaca", f"{doc.get('tables_read') or 0} dari {doc.get('tables_with_figures') or 0}",
                 "t"))
    share = doc.get("cells_read_share")
    rows.append(("Angka tabel terbaca (%)", None if share is None or pd.isna(share) else float(share) * 100, "d"))
    for label, value, kind in rows:
        ws.append([label, None])
        _put(ws, ws.max_row, 2, value, kind)
        ws.cell(ws.max_row, 1).font = Font(bold=True)
    ws.append([])
    ws.append(["Temuan per jenis", "kesalahan", "peringatan", "info"])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for kind, group in f.groupby("kind", sort=True):
        sev = Counter(group["severity"])
        ws.append([KIND_ID.get(str(kind), str(kind)), sev["error"], sev["warning"], sev["info"]])
    ws.append([])
    ws.append(["Tidak terbaca (tabel berangka yang tidak memberi data)", "Catatan"])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for row in t.to_dict("records"):
        if (row.get("n_numeric_cells") or 0) > 0 and not (row.get("n_cells_read") or 0):
            ws.append([caption_label(row.get("caption", ""), row["table_id"], row.get("page"), row.get("line")),
                       plain(row.get("note"))])
    ws.column_dimensions["A"].width = 50
    ws.column_dimensions["B"].width = 60
    for col in "CD":
        ws.column_dimensions[col].width = 12


def budget_absorbed(budget: pd.DataFrame) -> tuple[float | None, float | None]:
    """Pagu and realisasi of the report's budget: its first printed total with both, else the sum of its programs."""
    if budget.empty:
        return None, None
    both = budget[budget["pagu"].notna() & budget["realisasi"].notna()]
    totals = both[both["is_total"].astype(bool)]
    if not totals.empty:
        best = totals.sort_values("pagu", ascending=False).iloc[0]
        return float(best["pagu"]), float(best["realisasi"])
    programs = both[both["level"] == "program"]
    if programs.empty:
        return None, None
    first = programs["table_id"].iloc[0]
    programs = programs[programs["table_id"] == first]
    return float(programs["pagu"].sum()), float(programs["realisasi"].sum())


def indicators_met(measurements: pd.DataFrame) -> tuple[int, int]:
    """Indicators (one per name) whose capaian is at least 100 %: (met, with a capaian)."""
    if measurements.empty:
        return 0, 0
    cap = measurements["capaian_computed"].where(measurements["capaian_computed"].notna(),
                                                 measurements["capaian_reported"])
    df = pd.DataFrame({"name": measurements["indikator"].map(norm), "cap": cap}).dropna()
    df = df.drop_duplicates("name")
    return int((df["cap"] >= 99.995).sum()), len(df)


def write_workbook(tables: TableSet, path: Path, context: Context | None = None) -> None:
    """One document's tables (already restricted to it) as an .xlsx workbook; `context`: flag position -> text
    lines around it (for the findings in the prose)."""
    context = context or {}
    docs = tables["documents"]
    doc = docs.iloc[0].to_dict() if len(docs) else {}
    m, b, f, t = (tables[n].reset_index(drop=True) for n in ("measurements", "budget", "flags", "tables"))
    captions = {row["table_id"]: caption_label(row.get("caption", ""), row["table_id"], row.get("page"),
                                               row.get("line")) for row in t.to_dict("records")}
    table_pos = {tid: k + 2 for k, tid in enumerate(t["table_id"])}
    wb = Workbook()
    wb.remove(wb.active)
    sheets = {name: wb.create_sheet(name) for name in SHEETS}
    _ringkasan(sheets["Ringkasan"], doc, tables)
    _data_sheet(sheets["Indikator"], m, INDIKATOR, captions)
    _data_sheet(sheets["Anggaran"], b, ANGGARAN, captions)
    _data_sheet(sheets["Tabel"], t, TABEL, captions)
    for pos, level in enumerate(b["level"] if not b.empty else [], start=2):
        depth = OUTLINE.get(str(level), 2)
        if depth:
            sheets["Anggaran"].row_dimensions[pos].outline_level = depth
    sheets["Anggaran"].sheet_properties.outlinePr.summaryBelow = False

    order = sorted(range(len(f)), key=lambda k: (RANK.get(f.iloc[k]["severity"], 3), k))
    places = locate(f, m, b)
    teks = sheets["Teks"]
    _header(teks, ["Temuan", "Baris", "Halaman", "Teks"])
    temuan = sheets["Temuan"]
    _header(temuan, TEMUAN)
    specs = {"m": ("Indikator", INDIKATOR), "b": ("Anggaran", ANGGARAN)}
    for no, k in enumerate(order, start=1):
        flag = f.iloc[k]
        fl = next(f.iloc[[k]].itertuples(index=False))
        r = no + 1
        values = [no, SEVERITY_ID.get(flag["severity"], flag["severity"]), KIND_ID.get(flag["kind"], flag["kind"]),
                  flag["subject"], flag["reported"], flag["expected"], flag["delta"], flag["message"],
                  captions.get(flag["table_id"], "teks" if not flag["table_id"] else flag["table_id"]),
                  flag["page"], flag["line"], flag["confidence"]]
        kinds = ["i", "t", "t", "t", "d", "d", "d", "t", "t", "i", "i", "d"]
        for j, (value, kind) in enumerate(zip(values, kinds, strict=True), start=1):
            _put(temuan, r, j, value, kind)
        fill = FILLS.get(flag["severity"])
        if fill:
            for j in range(1, 3):
                temuan.cell(r, j).fill = fill
        link = None
        place = places[k]
        comment = f"[{SEVERITY_ID.get(flag['severity'], flag['severity'])}] {flag['message']}"
        if place is not None:
            kind, pos = place
            sheet, spec = specs[kind]
            row = (m if kind == "m" else b).iloc[pos]
            col = cell_of(fl, kind, row)
            cols = [c for _, c, _ in spec]
            j = cols.index(col) + 1 if col in cols else cols.index("indikator" if kind == "m" else "uraian") + 1
            target = sheets[sheet].cell(pos + 2, j)
            _mark(target, flag["severity"], comment)
            link = f"'{sheet}'!{get_column_letter(j)}{pos + 2}"
        elif k in context and context[k]:
            first = teks.max_row + 1
            for line, text, hit in context[k]:
                teks.append([no, line if flag["line"] is not None and not pd.isna(flag["line"]) else None,
                             opt_int(flag["page"]), plain(text)])
                if hit:
                    first = teks.max_row
                    _mark(teks.cell(teks.max_row, 4), flag["severity"], comment)
            link = f"'Teks'!D{first}"
        elif flag["table_id"] in table_pos:
            link = f"'Tabel'!A{table_pos[flag['table_id']]}"
            _mark(sheets["Tabel"].cell(table_pos[flag["table_id"]], 1), flag["severity"], comment)
        if link:
            cell = temuan.cell(r, len(TEMUAN))
            cell.value = ("lihat baris" if place is not None else "lihat teks" if link.startswith("'Teks'")
                          else "lihat tabel")
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=link)
            cell.font = Font(color="0563C1", underline="single")
    _finish(temuan, [5, 11, 18, 50, 14, 14, 14, 60, 16, 8, 8, 10, 12])
    _finish(teks, [8, 8, 8, 110])
    for name in ("Indikator", "Anggaran", "Tabel"):
        _finish(sheets[name])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    wb.save(tmp)
    tmp.replace(path)


def _mark(cell: Any, severity: str, text: str) -> None:
    if severity in FILLS:
        cell.fill = FILLS[severity]
    old = cell.comment.text + "\n" if cell.comment else ""
    cell.comment = Comment((old + text)[:30000], "lkjip", width=400, height=160)
