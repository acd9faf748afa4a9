"""A table row broken across a page break (Word and LibreOffice let a row break across pages): the row's first
lines at one page's foot, the last digits of its cut figures and the last lines of its name at the next page's
head (under the repeated header, or above the table as text lines). The rest is merged into the row; a row of its
own at the page's head is left alone."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from pipeline.run import extract_document

HEADER = ["Kode", "Program/Kegiatan/Sub Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "%"]
EDGES = [40.0, 130, 400, 520, 640, 700]  # column edges (points)
ROW = 16.0  # row height


def _table(c: canvas.Canvas, top: float, rows: list[list[str]]) -> None:
    """A ruled table from ``top`` (points from the page's top): a row per list, texts left or right aligned."""
    height = landscape(A4)[1]
    y = height - top
    c.setFont("Helvetica", 9)
    c.setLineWidth(0.5)
    c.line(EDGES[0], y, EDGES[-1], y)
    for row in rows:
        for j, text in enumerate(row):
            if j >= 2:
                c.drawRightString(EDGES[j + 1] - 4, y - 11, text)
            else:
                c.drawString(EDGES[j] + 4, y - 11, text)
        y -= ROW
        c.line(EDGES[0], y, EDGES[-1], y)
    for x in EDGES:
        c.line(x, height - top, x, y)


def _pdf(path: Path, foot: list[list[str]], head: list[list[str]], above: str = "") -> Path:
    """Page 1: a caption and the table's first rows down to the page's foot; page 2: ``above`` (a text line in the
    Realisasi column) and the header repeated over the next rows."""
    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    height = landscape(A4)[1]
    c.setFont("Helvetica", 10)
    c.drawString(40, height - 60, "Tabel 3.1 Realisasi Anggaran per Program dan Kegiatan Tahun 2023")
    first = [
        ["1.02.01", "PROGRAM PENUNJANG URUSAN", "500.000.000", "450.000.000", "90,00"],
        ["1.02.01.2.01", "Perencanaan dan Penganggaran", "200.000.000", "180.000.000", "90,00"],
    ]
    _table(c, 80, [HEADER, *first, *foot])
    c.showPage()
    if above:
        c.setFont("Helvetica", 9)
        c.drawRightString(EDGES[4] - 4, height - 82, above)  # below the band of page numbers
    tail = [
        ["1.02.02", "PROGRAM PEMENUHAN UPAYA", "800.000.000", "720.000.000", "90,00"],
        ["1.02.02.2.01", "Penyediaan Fasilitas Pelayanan", "800.000.000", "720.000.000", "90,00"],
        ["", "JUMLAH", "1.300.000.000", "1.170.000.000", "90,00"],
    ]
    _table(c, 86, [HEADER, *head, *tail])
    c.showPage()
    c.save()
    return path


CUT_ROW = ["1.02.01.2.02", "Administrasi Keuangan", "300.000.00", "270.000.00", "90,00"]


def _line(ext, kode: str):  # noqa: ANN001, ANN202 - an Extraction's budget line
    return next(b for b in ext.budget if b.kode == kode)


def test_rest_of_a_row_under_the_repeated_header_is_merged(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "broken.pdf", [CUT_ROW], [["", "Perangkat Daerah", "0", "0", ""]])
    ext = extract_document(path)
    row = _line(ext, "1.02.01.2.02")
    assert (row.pagu.value, row.realisasi.value) == (300_000_000, 270_000_000)
    assert row.uraian == "Administrasi Keuangan Perangkat Daerah"
    assert not any(b.pagu.value == 0 for b in ext.budget)  # the rest is no row of its own
    assert not [f for f in ext.flags if f.kind == "malformed_number"]


def test_rest_of_a_row_left_as_a_text_line_at_the_page_head_is_merged(tmp_path: Path) -> None:
    foot = [["1.02.01.2.02", "Administrasi Keuangan", "300.000.000", "270.000.00", "90,00"]]
    ext = extract_document(_pdf(tmp_path / "head.pdf", foot, [], above="0"))
    row = _line(ext, "1.02.01.2.02")
    assert (row.pagu.value, row.realisasi.value) == (300_000_000, 270_000_000)
    assert not [f for f in ext.flags if f.kind == "malformed_number"]


def test_a_row_of_its_own_at_the_page_head_is_not_merged(tmp_path: Path) -> None:
    """Its own figures (not the rest of a cut one), or a figure under a whole one: two rows stay two."""
    own = ["", "Perangkat Daerah", "0", "5.000.000", ""]
    ext = extract_document(_pdf(tmp_path / "own.pdf", [CUT_ROW], [own]))
    assert _line(ext, "1.02.01.2.02").uraian == "Administrasi Keuangan"
    whole = ["1.02.01.2.02", "Administrasi Keuangan", "300.000.000", "270.000.000", "90,00"]
    ext = extract_document(_pdf(tmp_path / "whole.pdf", [whole], [["", "Perangkat Daerah", "0", "0", ""]]))
    row = _line(ext, "1.02.01.2.02")
    assert (row.pagu.value, row.uraian) == (300_000_000, "Administrasi Keuangan")
