"""Build the small PDF fixtures the PDF tests read (reportlab), and a scanned copy of one.

    python scripts/make_fixtures.py [OUT_DIR]      (default tests/fixtures/generated)

- ruled.pdf: a caption, a ruled capaian table with a wrapped cell, running header and page numbers,
  and the table continuing on page 2 with its header repeated;
- landscape.pdf: a ruled budget table on a landscape page;
- scanned.pdf: ruled.pdf's first page rasterised (no text layer).
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HEADER = ["No", "Indikator", "Target", "Realisasi", "Capaian"]
ROWS_1 = [
    ["1.", "Persentase anak terlantar yang mendapatkan rehabilitasi sosial dasar di luar panti", "72,73%",
     "100%", "137 %"],
    ["2.", "Jumlah orang mendapat peningkatan kapasitas", "96 Orang", "96 Orang", "92,15 %"],
]
ROWS_2 = [["3.", "Jumlah lembaga kesejahteraan sosial", "38 Lembaga", "38 Lembaga", "100 %"]]
BUDGET = [
    ["NO", "PROGRAM / KEGIATAN", "ANGGARAN", "REALISASI", "%"],
    ["1", "1.06.02 - PROGRAM PEMBERDAYAAN SOSIAL", "2.456.653.000", "2.344.566.905", "95,44"],
    ["", "1.06.02.2.03 - Pengembangan Potensi", "2.456.653.000", "2.344.566.905", "95,44"],
    ["", "TOTAL", "2.456.653.000", "2.344.566.905", "95,44"],
]


def _table(rows: list[list[str]], widths: list[float]) -> Table:
    styles = getSampleStyleSheet()
    cells = [[Paragraph(c, styles["BodyText"]) for c in r] for r in rows]
    table = Table(cells, colWidths=widths, repeatRows=0)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _running(canvas: object, doc: object) -> None:
    canvas.saveState()  # type: ignore[attr-defined]
    canvas.setFont("Helvetica", 8)  # type: ignore[attr-defined]
    canvas.drawString(60, 810, "LKjIP Dinas Contoh Kota Contoh Tahun 2024")  # type: ignore[attr-defined]
    canvas.drawString(290, 30, str(canvas.getPageNumber()))  # type: ignore[attr-defined]
    canvas.restoreState()  # type: ignore[attr-defined]


def ruled(path: Path) -> None:
    styles = getSampleStyleSheet()
    widths = [30, 230, 70, 70, 60]
    story = [Paragraph("Laporan kinerja tahun 2024 memuat capaian berikut.", styles["BodyText"]), Spacer(1, 12),
             Paragraph("Tabel 3.1 Capaian Kinerja Sasaran", styles["BodyText"]), Spacer(1, 6),
             _table([HEADER, *ROWS_1], widths), PageBreak(), _table([HEADER, *ROWS_2], widths)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=_running, onLaterPages=_running)


def landscape_budget(path: Path) -> None:
    styles = getSampleStyleSheet()
    story = [Paragraph("Tabel 5 Realisasi Anggaran", styles["BodyText"]), Spacer(1, 6),
             _table(BUDGET, [40, 330, 120, 120, 60])]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)


def rasterise(src: Path, dst: Path, dpi: int = 150, pages: list[int] | None = None) -> None:
    """A copy of src with every page (or the given 1-based pages) as an image: no text layer."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(src))
    images = []
    for i in range(len(pdf)):
        if pages is None or i + 1 in pages:
            images.append(pdf[i].render(scale=dpi / 72).to_pil().convert("RGB"))
    pdf.close()
    images[0].save(dst, "PDF", resolution=dpi, save_all=True, append_images=images[1:])


def build(out: Path) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = {"ruled": out / "ruled.pdf", "landscape": out / "landscape.pdf", "scanned": out / "scanned.pdf"}
    ruled(paths["ruled"])
    landscape_budget(paths["landscape"])
    rasterise(paths["ruled"], paths["scanned"], dpi=200, pages=[1])
    return paths


if __name__ == "__main__":
    default = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "generated"
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    for name, p in build(target).items():
        print(name, p)
