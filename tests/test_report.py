"""Reports for people: the per-report workbook and the HTML overview."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import openpyxl
from records_factory import FLAG_MESSAGE, extraction, failed_extraction

from pipeline.report import render_html, report_names, write_reports
from pipeline.write import frames

RED = "00FFC7CE"


def _rows(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[dict[str, object]]:
    header = [c.value for c in ws[1]]
    return [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)]


def test_workbook_has_the_sheets_and_marks_the_flagged_row(tmp_path: Path) -> None:
    written = write_reports(frames([extraction("in/a.txt")]), tmp_path)
    path = tmp_path / "reports" / "a.xlsx"
    assert path in written
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Measurements", "Budget", "Flags", "Tables"]
    ws = wb["Measurements"]
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].width >= 8
    rows = _rows(ws)
    assert [r["indikator"] for r in rows] == ["Jumlah orang dilatih", "Angka kemiskinan"]
    assert rows[0]["flags"] == FLAG_MESSAGE and rows[1]["flags"] is None
    flagged, clean = ws[2], ws[3]
    assert all(c.fill.fgColor.rgb == RED for c in flagged)
    assert clean[0].fill.fgColor.rgb != RED
    assert FLAG_MESSAGE in flagged[0].comment.text and flagged[0].comment.text.startswith("[error]")
    assert _rows(wb["Budget"])[0]["pagu"] == 12387484416  # numbers stay numbers
    flags = _rows(wb["Flags"])
    assert [f["kind"] for f in flags] == ["capaian_mismatch"] and wb["Flags"][2][0].fill.fgColor.rgb == RED
    assert [t["table_id"] for t in _rows(wb["Tables"])] == ["t01", "t02"]


def test_without_line_numbers_the_subject_picks_the_row(tmp_path: Path) -> None:
    ext = extraction("b.pdf", page=7, lines=False)  # both rows of t01 on page 7, no line numbers
    write_reports(frames([ext]), tmp_path)
    rows = _rows(openpyxl.load_workbook(tmp_path / "reports" / "b.xlsx")["Measurements"])
    assert [r["flags"] is not None for r in rows] == [True, False]


def test_a_flag_naming_no_row_marks_nothing_on_a_page_without_lines(tmp_path: Path) -> None:
    ext = extraction("b.pdf", page=7, lines=False)
    ext.flags[0].subject = "something else entirely"
    write_reports(frames([ext]), tmp_path)
    rows = _rows(openpyxl.load_workbook(tmp_path / "reports" / "b.xlsx")["Measurements"])
    assert [r["flags"] for r in rows] == [None, None]


def test_cell_text_stays_text(tmp_path: Path) -> None:
    ext = extraction("c.txt")
    ext.measurements[0] = dataclasses.replace(ext.measurements[0], indikator="=SUM(A1:A9)\x0c bell\x07")
    write_reports(frames([ext]), tmp_path)
    ws = openpyxl.load_workbook(tmp_path / "reports" / "c.xlsx")["Measurements"]
    cell = ws.cell(2, [c.value for c in ws[1]].index("indikator") + 1)
    assert cell.data_type == "s" and cell.value == "=SUM(A1:A9) bell"


def test_workbook_names_are_unique_and_stale_ones_removed(tmp_path: Path) -> None:
    assert report_names(["x/a.txt", "x/a.pdf", "y/b.txt"]) == {"x/a.pdf": "a_pdf.xlsx", "x/a.txt": "a_txt.xlsx",
                                                               "y/b.txt": "b.xlsx"}
    assert sorted(report_names(["x/a.txt", "y/a.txt"]).values()) == ["a_txt.xlsx", "a_txt_2.xlsx"]
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "old.xlsx").write_bytes(b"stale")
    write_reports(frames([extraction("a.txt"), extraction("a.pdf"), failed_extraction("f.txt")]), tmp_path)
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["a_pdf.xlsx", "a_txt.xlsx"]


def test_html_lists_documents_and_escapes_flag_messages(tmp_path: Path) -> None:
    ext = extraction("d<1>.txt")
    tables = frames([ext, failed_extraction("e.pdf", "read: not a PDF & not text")])
    write_reports(tables, tmp_path)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page == render_html(tables)
    assert page.startswith("<!doctype html>") and "<script" not in page and "http" not in page
    assert "&lt;periksa &amp; koreksi&gt;" in page and "<periksa" not in page
    assert "d&lt;1&gt;.txt" in page and "d<1>" not in page
    assert "not a PDF &amp; not text" in page and "failed" in page
    assert "class='error'" in page and "capaian_mismatch" in page
    assert "12387484416" not in page  # budget figures are not in the flag overview
    assert "<td>92.15</td><td>100</td><td>-7.85</td>" in page


def test_html_shows_coverage_and_flag_confidence() -> None:
    ext = extraction("a.txt")
    ext.info.tables_with_figures, ext.info.tables_read, ext.info.cells_read_share = 4, 3, 0.6
    ext.flags[0].confidence = 0.75
    page = render_html(frames([ext]))
    assert "3 of 4 tables with figures read, 60% of their figures" in page
    assert "<th>confidence</th>" in page and "<td>0.75</td>" in page
