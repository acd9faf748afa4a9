"""Reports for people: the per-report workbook, the site pages and the index (hand-made extractions)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import openpyxl
from records_factory import FLAG_MESSAGE, extraction, failed_extraction

from pipeline.check.messages import Context, caption_label, render, shorten
from pipeline.report import render_html, report_names, write_reports
from pipeline.workbook import SHEETS
from pipeline.write import frames

RED = "00FFC7CE"


def _rows(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[dict[str, object]]:
    header = [c.value for c in ws[1]]
    return [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)]


def _col(ws: openpyxl.worksheet.worksheet.Worksheet, name: str) -> int:
    return [c.value for c in ws[1]].index(name) + 1


def test_workbook_sheets_summary_and_the_finding_linked_to_its_cell(tmp_path: Path) -> None:
    written = write_reports(frames([extraction("in/a.txt")]), tmp_path)
    path = tmp_path / "reports" / "a.xlsx"
    assert path in written
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == SHEETS == ["Ringkasan", "Temuan", "Indikator", "Anggaran", "Teks", "Tabel"]
    summary = {r[0].value: r[1].value for r in wb["Ringkasan"].iter_rows(min_row=2) if r[0].value}
    assert summary["Instansi"] == "Dinas Sosial" and summary["Wilayah"] == "Kota Batam" and summary["Tahun"] == 2024
    assert summary["Temuan"] == 1 and summary["Temuan kesalahan"] == 1
    assert summary["Indikator mencapai target"] == "1 dari 1"
    temuan = wb["Temuan"]
    rows = _rows(temuan)
    assert len(rows) == 1 and rows[0]["Jenis"] == "Capaian" and rows[0]["Tingkat"] == "kesalahan"
    assert rows[0]["Tabel"] == "Tabel 3.1" and rows[0]["Baris"] == 4
    link = temuan.cell(2, _col(temuan, "Lihat")).hyperlink
    ind = wb["Indikator"]
    col = _col(ind, "Capaian dilaporkan")
    assert link.location == f"'Indikator'!{openpyxl.utils.get_column_letter(col)}2"
    cell = ind.cell(2, col)
    assert cell.fill.fgColor.rgb == RED and "Capaian 92,15%" in cell.comment.text
    assert ind.cell(3, col).fill.fgColor.rgb != RED
    assert ind.freeze_panes == "A2" and ind.auto_filter.ref
    assert ind.cell(2, _col(ind, "Tabel")).value == "Tabel 3.1"  # the report's caption, not t01
    budget = wb["Anggaran"]
    pagu = budget.cell(2, _col(budget, "Pagu"))
    assert pagu.value == 12387484416 and pagu.number_format == "#,##0"  # numbers stay numbers
    assert budget.cell(2, _col(budget, "% dilaporkan")).number_format == "#,##0.00"
    assert [t["Tabel"] for t in _rows(wb["Tabel"])] == ["Tabel 3.1", "Tabel 3.5"]


def test_budget_rows_are_outlined_by_level(tmp_path: Path) -> None:
    ext = extraction("o.txt")
    sub = dataclasses.replace(ext.budget[0], level="sub_kegiatan", line=11, kode="1.06.01.2.01.01")
    keg = dataclasses.replace(ext.budget[0], level="kegiatan", line=10, kode="1.06.01.2.01")
    ext.budget[:] = [ext.budget[0], keg, sub]
    write_reports(frames([ext]), tmp_path)
    ws = openpyxl.load_workbook(tmp_path / "reports" / "o.xlsx")["Anggaran"]
    levels = [ws.row_dimensions[r].outline_level for r in range(2, 5)]
    assert levels == [0, 1, 2]


def test_a_prose_finding_links_to_its_text_lines(tmp_path: Path) -> None:
    src = tmp_path / "p.txt"
    src.write_text("\n".join(f"baris nomor {i}" for i in range(1, 21)), encoding="utf-8")
    ext = extraction(str(src))
    ext.flags.append(dataclasses.replace(ext.flags[0], table_id="", line=12, kind="narrative_mismatch",
                                         severity="warning", subject="nomor", message="Teks menyebut 5 %"))
    write_reports(frames([ext]), tmp_path / "out")
    wb = openpyxl.load_workbook(tmp_path / "out" / "reports" / "p.xlsx")
    teks = _rows(wb["Teks"])
    assert [r["Baris"] for r in teks] == [10, 11, 12, 13, 14] and teks[2]["Teks"] == "baris nomor 12"
    temuan = wb["Temuan"]
    link = temuan.cell(3, _col(temuan, "Lihat")).hyperlink  # errors first: the prose warning is second
    assert link.location == "'Teks'!D4"
    assert wb["Teks"]["D4"].fill.fgColor.rgb == "00FFEB9C"


def test_cell_text_stays_text(tmp_path: Path) -> None:
    ext = extraction("c.txt")
    ext.measurements[0] = dataclasses.replace(ext.measurements[0], indikator="=SUM(A1:A9)\x0c bell\x07")
    write_reports(frames([ext]), tmp_path)
    ws = openpyxl.load_workbook(tmp_path / "reports" / "c.xlsx")["Indikator"]
    cell = ws.cell(2, _col(ws, "Indikator"))
    assert cell.data_type == "s" and cell.value == "=SUM(A1:A9) bell"


def test_report_names_are_unique_and_stale_ones_removed(tmp_path: Path) -> None:
    assert report_names(["x/a.txt", "x/a.pdf", "y/b.txt"]) == {"x/a.pdf": "a_pdf.xlsx", "x/a.txt": "a_txt.xlsx",
                                                               "y/b.txt": "b.xlsx"}
    assert sorted(report_names(["x/a.txt", "y/a.txt"]).values()) == ["a_txt.xlsx", "a_txt_2.xlsx"]
    assert report_names(["index.txt"]) == {"index.txt": "index_txt.xlsx"}  # never the site's index page
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "old.xlsx").write_bytes(b"stale")
    (tmp_path / "reports" / "old.html").write_text("stale")
    write_reports(frames([extraction("a.txt"), extraction("a.pdf"), failed_extraction("f.txt")]), tmp_path)
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["a_pdf.html", "a_pdf.xlsx", "a_txt.html",
                                                                        "a_txt.xlsx", "index.html"]


def test_pages_are_offline_indonesian_and_escape_text(tmp_path: Path) -> None:
    ext = extraction("d<1>.txt")
    tables = frames([ext, failed_extraction("e.pdf", "read: not a PDF & not text")])
    write_reports(tables, tmp_path)
    index = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert index == render_html(tables)
    page = (tmp_path / "reports" / "d<1>.html").read_text(encoding="utf-8")
    for text in (index, page, (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")):
        assert text.startswith("<!doctype html><html lang='id'>")
        assert "http" not in text.replace("http://www.w3.org", "")
        assert "<script src" not in text and "<link rel='stylesheet'" not in text
    assert "&lt;periksa &amp; koreksi&gt;" in page and "<periksa" not in page
    assert "d&lt;1&gt;.txt" in index and "d<1>" not in index
    assert "not a PDF &amp; not text" in index
    assert page.count("<article class='finding error'") == 1
    assert page.count("<figure class='chart' data-chart='capaian'>") == 1
    assert page.count("<figure class='chart' data-chart='anggaran'>") == 1
    assert "<svg" in page and "Tabel 3.1, baris 4" in page and "12.387.484.416" in page


def test_messages_name_captions_never_none_never_cut_mid_word() -> None:
    ctx = Context.of([{"table_id": "t09", "caption": "Tabel. 4 Tabel Realisasi Kinerja", "page": None, "line": 356},
                      {"table_id": "t27", "caption": "", "page": None, "line": 1242}])
    flag = {"kind": "cross_table_mismatch", "severity": "warning", "table_id": "t09", "page": 3, "line": None,
            "subject": "Persentase pelaku penyelenggaraan kesejahteraan sosial yang diberikan peningkatan kapasitas",
            "reported": 66.97, "expected": 66.96, "delta": 0.01, "confidence": 1.0,
            "message_original": "Realisasi 'Persentase pelaku penyelenggaraan kesejahteraan sosial yang ' 66,97 di "
                                "tabel t09 berbeda dengan 66,96 di tabel t27 (baris None)"}
    text = render(flag, ctx)
    assert "None" not in text and "t09" not in text and "t27" not in text
    assert "di Tabel 4 berbeda dengan 66,96 di tabel di baris 1242 (halaman 3)" in text
    assert "'Persentase pelaku penyelenggaraan kesejahteraan sosial yang diberikan…'" in text  # cut at a word
    en = render(flag, ctx, "en")
    assert en.startswith("'Persentase pelaku") and "66.97 in Tabel 4, page 3 but 66.96 in the table at line" in en
    assert shorten("Persentase pelaku penyelenggaraan kesejahteraan", 30) == "Persentase pelaku…"
    assert caption_label("Tabel 3. 22 Analisis Efisiensi") == "Tabel 3.22"
    assert caption_label("TABEL: VI.1 INDIKATOR KINERJA") == "Tabel VI.1"


def test_a_quoted_whole_name_is_not_lengthened_into_another_rows_name() -> None:
    """holdout4 j02: a "Sub Total Kegiatan" row is named whole in its flag, and several other rows' names start
    with it ("Sub Total Kegiatan 4.02.01.2.02", ... all as long): the message keeps the row's own name, the same on
    every run."""
    budget = [{"table_id": "t09", "line": n, "page": 14, "uraian": f"Sub Total Kegiatan 4.02.0{k}.2.0{k}"}
              for n, k in ((311, 1), (318, 2), (327, 6))]
    budget.append({"table_id": "t09", "line": 361, "page": 14, "uraian": "Sub Total Kegiatan"})
    ctx = Context.of([{"table_id": "t09", "caption": "Tabel 3.6", "page": 14, "line": 300}], [], budget)
    flag = {"kind": "total_mismatch", "severity": "info", "table_id": "t09", "page": 14, "line": 361,
            "subject": "Sub Total Kegiatan", "confidence": 1.0,
            "message_original": "'Sub Total Kegiatan' tidak diperiksa terhadap rinciannya"}
    assert render(flag, ctx).startswith("'Sub Total Kegiatan' tidak diperiksa")
    # a name cut mid-word still comes whole, from the one name it starts
    cut = dict(flag, message_original="'Sub Total Kegiatan 4.02.02.2.0' tidak diperiksa")
    assert render(cut, ctx).startswith("'Sub Total Kegiatan 4.02.02.2.02' tidak diperiksa")


def test_english_messages_from_the_row(tmp_path: Path) -> None:
    tables = frames([extraction("e.txt")], lang="en")
    msg = tables["flags"]["message"].iloc[0]
    assert msg == ("Reported achievement 92.15% for 'Jumlah orang dilatih' does not follow from realisasi 96 / "
                   "target 96 x 100 = 100% (Tabel 3.1, line 4).")
    assert tables["flags"]["message_original"].iloc[0] == FLAG_MESSAGE
