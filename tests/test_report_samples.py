"""The reports of the three sample reports: every flag in the workbook's Temuan sheet (linked to its row or its
text) and on the site; `lkjip report` rebuilds them from the output folder, in English with --lang en."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
from sample_run import run_cli, sample_out


def _sheet_rows(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[dict[str, object]]:
    header = [c.value for c in ws[1]]
    return [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)]


def test_every_flag_is_in_the_temuan_sheet_and_linked() -> None:
    out = sample_out()
    flags = pd.read_csv(out / "flags.csv", keep_default_na=False)
    docs = pd.read_csv(out / "documents.csv")
    assert len(flags) > 50
    for doc in docs.itertuples():
        wb = openpyxl.load_workbook(out / "reports" / f"{Path(doc.source_file).stem}.xlsx")
        ws = wb["Temuan"]
        rows = _sheet_rows(ws)
        mine = flags[flags["source_file"] == doc.source_file]
        assert len(rows) == len(mine) == doc.n_flags
        assert sorted(r["Pesan"] for r in rows) == sorted(mine["message"])
        ranks = [{"kesalahan": 0, "peringatan": 1, "info": 2}[r["Tingkat"]] for r in rows]
        assert ranks == sorted(ranks)  # errors first
        link_col = [c.value for c in ws[1]].index("Lihat") + 1
        for k, row in enumerate(rows, start=2):
            link = ws.cell(k, link_col).hyperlink
            assert link is not None and link.location, row  # every finding leads to its row, table or text
            sheet, cell = link.location.rsplit("!", 1)
            target = wb[sheet.strip("'")][cell]
            assert target.fill.fgColor.rgb in ("00FFC7CE", "00FFEB9C", "00DDEBF7")
            assert row["Pesan"] in target.comment.text
        for row in rows:  # captions, not internal ids; never None; no name cut mid-word
            assert row["Tabel"] and not str(row["Tabel"]).startswith("t0") and "None" not in row["Pesan"]
        summary = {r[0].value: r[1].value for r in wb["Ringkasan"].iter_rows(min_row=2) if r[0].value}
        assert summary["Wilayah"] == doc.wilayah and summary["Tahun"] == doc.tahun
        assert summary["Temuan"] == doc.n_flags and summary["Anggaran terserap (%)"] > 50


def test_messages_never_none_nor_internal_ids() -> None:
    flags = pd.read_csv(sample_out() / "flags.csv", keep_default_na=False)
    for message in flags["message"]:
        assert "None" not in message and "tabel t" not in message.lower(), message


def test_report_command_rebuilds_the_reports_in_english(tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(sample_out(), out)
    data = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.glob("*.csv")}
    shutil.rmtree(out / "reports")
    (out / "report.html").unlink()
    proc = run_cli("report", str(out), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert "3 workbook(s)" in proc.stdout
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.glob("*.csv")} == data
    assert (out / "report.html").exists() and (out / "reports" / "index.html").exists()
    ws = openpyxl.load_workbook(out / "reports" / "000_0f83f2dd310c1dae.xlsx")["Temuan"]
    messages = [r["Pesan"] for r in _sheet_rows(ws)]
    assert any(m.startswith("Reported achievement 92.15% for 'Jumlah Orang Mendapat Peningkatan") for m in messages)
    page = (out / "reports" / "000_0f83f2dd310c1dae.html").read_text(encoding="utf-8")
    assert "does not follow from realisasi 96 / target 96 x 100 = 100%" in page
    assert run_cli("report", str(tmp_path / "nothing")).returncode == 2
