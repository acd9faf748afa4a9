"""Build the small PDF fixtures the PDF tests read (reportlab), and a scanned copy of one.

    python scripts/make_fixtures.py [OUT_DIR]      (default tests/fixtures/generated)

- ruled.pdf: a caption, a ruled capaian table with a wrapped cell, running header and page numbers,
  and the table continuing on page 2 with its header repeated;
- landscape.pdf: a ruled budget table on a landscape page;
- scanned.pdf: ruled.pdf's first page rasterised (no text layer);
- unruled.pdf: a caption and a table drawn without rulings (columns only), a wrapped indicator;
- multipage.pdf: one long ruled table over three pages, its header row repeated on each page,
  running header and footer ("Halaman N");
- wrapped.pdf: a two-level header with spanning cells, long indicators wrapped in their cells,
  a cell holding two values ("1. 72,73% 2. 34,29%");
- rotated.pdf: page 1 a table printed sideways reading bottom to top, page 2 one reading top to
  bottom (characters not upright), page 3 a page with /Rotate 90.
- continued.pdf: a captioned budget table with a two-level header and 8 columns on page 1, carried on
  from page 2 by a headerless table of 6 columns laid out anew (its numbering goes on), whose first
  data row is set to repeat on every page (pages 2-3), then an unrelated headerless table on page 4.
- cutwords.pdf: a budget table whose program column is narrower than some of its words, cut there
  with no hyphen ("PEMBERDAYAA" / "N"), the whole words printed in the text above.
- style_<style>_<page>.pdf and style_content.txt: the same report content (a capaian table with wrapped
  indicators, a budget table with a spanning "Anggaran" header over "Pagu | Realisasi" that runs over a
  page break with its header repeated) in four table styles (``grid``: full grid; ``hrules``: horizontal
  rules only; ``norules``: no rules, columns by whitespace; ``shaded``: a shaded header and zebra rows,
  no rules) on two page set-ups (``portrait`` in Helvetica 9 pt, ``landscape`` in Times 10 pt), and as
  tab-separated text. Documented difference: none; every style must give the text's rows.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen.canvas import Canvas
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
UNRULED = [
    ("1.", "Persentase penduduk miskin", "10,50%", "9,80%", "107,14%"),
    ("2.", "Jumlah lembaga sosial aktif", "45 Lembaga", "41 Lembaga", "91,11%"),
    ("3.", "Indeks kepuasan masyarakat", "80", "83,5", "104,38%"),
    ("4.", "Persentase PMKS yang tertangani", "75%", "60%", "80%"),
]
MULTIPAGE_ROWS = 60
SIDEWAYS = [
    ["No", "Program", "Anggaran", "Realisasi", "%"],
    ["1", "PROGRAM PERLINDUNGAN SOSIAL", "1.250.000.000", "1.187.500.000", "95,00"],
    ["2", "PROGRAM REHABILITASI SOSIAL", "980.000.000", "931.000.000", "95,00"],
]


def _table(rows: list[list[str]], widths: list[float], repeat: int = 0, style: list[Any] | None = None) -> Table:
    styles = getSampleStyleSheet()
    cells = [[Paragraph(c, styles["BodyText"]) for c in r] for r in rows]
    table = Table(cells, colWidths=widths, repeatRows=repeat)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               *(style or [])]))
    return table


def _running(canvas: Any, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(60, 810, "LKjIP Dinas Contoh Kota Contoh Tahun 2024")
    canvas.drawString(290, 30, str(canvas.getPageNumber()))
    canvas.restoreState()


def _running_halaman(canvas: Any, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(60, 810, "Laporan Kinerja Instansi Pemerintah Tahun 2024")
    canvas.drawString(270, 28, f"Halaman {canvas.getPageNumber()}")
    canvas.restoreState()


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


def unruled(path: Path) -> None:
    c = Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(60, 780, "Capaian indikator kinerja utama tahun 2024 disajikan pada tabel berikut.")
    c.drawString(60, 750, "Tabel 2.1 Capaian Indikator Kinerja Utama")
    xs = (60, 90, 300, 380, 460)
    y = 725.0
    for x, text in zip(xs, HEADER, strict=True):
        c.drawString(x, y, text)
    for i, row in enumerate(UNRULED):
        y -= 18
        for x, text in zip(xs, row, strict=True):
            c.drawString(x, y, text)
        if i == 0:  # the indicator wraps onto a second line
            y -= 12
            c.drawString(xs[1], y, "di kota contoh")
    c.drawString(60, y - 40, "Semua indikator tercapai kecuali indikator keempat.")
    c.showPage()
    c.save()


def multipage(path: Path) -> None:
    styles = getSampleStyleSheet()
    rows = [[f"{i}.", f"Sub kegiatan contoh nomor {i}", f"{100 + i} Orang", f"{90 + i} Orang",
             f"{(90 + i) / (100 + i) * 100:.2f}%"] for i in range(1, MULTIPAGE_ROWS + 1)]
    story = [Paragraph("Tabel 3.4 Capaian Sub Kegiatan", styles["BodyText"]), Spacer(1, 6),
             _table([HEADER, *rows], [30, 230, 70, 70, 60], repeat=1),
             Spacer(1, 12), Paragraph("Demikian capaian sub kegiatan tahun 2024.", styles["BodyText"])]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=_running_halaman,
                                                     onLaterPages=_running_halaman)


def wrapped(path: Path) -> None:
    styles = getSampleStyleSheet()
    rows = [
        ["No", "Indikator Kinerja", "Tahun 2024", "", ""],
        ["", "", "Target", "Realisasi", "Capaian"],
        ["1.", "Persentase penyandang disabilitas terlantar, anak terlantar, lanjut usia terlantar serta "
               "gelandangan pengemis yang terpenuhi kebutuhan dasarnya di dalam panti", "85,00%", "87,50%",
         "102,94%"],
        ["2.", "Persentase anak terlantar dan lansia terlantar yang direhabilitasi", "1. 72,73% 2. 34,29%",
         "1. 100% 2. 100%", "1. 137 % 2. 291 %"],
    ]
    spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (4, 0))]
    story = [Paragraph("Tabel 3.2 Capaian Kinerja Sasaran Strategis", styles["BodyText"]), Spacer(1, 6),
             _table(rows, [30, 230, 70, 70, 60], style=spans),
             Spacer(1, 12), Paragraph("Capaian di atas menunjukkan kinerja yang baik.", styles["BodyText"])]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def rotated(path: Path) -> None:
    width, height = A4
    c = Canvas(str(path), pagesize=A4)
    for angle in (90, -90):
        table = _table(SIDEWAYS, [30, 300, 120, 120, 60])
        w, h = table.wrapOn(c, height, width)
        c.saveState()
        if angle == 90:  # reads bottom to top: the top of the text faces the left edge
            c.translate(width - 80, 80)
        else:  # reads top to bottom
            c.translate(80, height - 80)
        c.rotate(angle)
        c.setFont("Helvetica", 10)
        c.drawString(0, 20, "Tabel 4.1 Realisasi Anggaran Program")
        table.drawOn(c, 0, -h)
        c.restoreState()
        c.setFont("Helvetica", 9)
        c.drawString(width / 2, 30, str(c.getPageNumber()))
        c.showPage()
    c.setPageRotation(90)  # reportlab then makes the media box landscape: draw on it as such
    c.setFont("Helvetica", 10)
    c.drawString(60, width - 60, "Tabel 4.2 Halaman diputar")
    table = _table(SIDEWAYS, [30, 250, 90, 90, 40])
    _, h = table.wrapOn(c, height, width)
    table.drawOn(c, 60, width - 70 - h)
    c.showPage()
    c.save()


CONTINUED_ROWS = 60  # rows 3..62 of the carried-on table: over two pages


def _budget_row(i: int) -> list[str]:
    pagu = 10_000_000 + i * 1_000_000
    real = pagu - i * 100_000
    return [str(i), f"Sub kegiatan contoh nomor {i}", f"Jumlah dokumen contoh {i}", f"{pagu:,}".replace(",", "."),
            f"{real:,}".replace(",", "."), f"{real / pagu * 100:.2f}%".replace(".", ",")]


def continued(path: Path) -> None:
    styles = getSampleStyleSheet()
    header = [["No", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Keuangan 2024", "", "Capaian", "", ""],
              ["", "", "", "Anggaran", "Realisasi", "%", "", ""]]
    spans = [("SPAN", (3, 0), (4, 0))]
    first = [[*_budget_row(i), "", ""] for i in (1, 2)]
    rest = [_budget_row(i) for i in range(3, 3 + CONTINUED_ROWS)]
    other = [["1", "Rapat koordinasi", "12 Kali"], ["2", "Kunjungan kerja", "4 Kali"]]
    story = [Paragraph("Tabel 3.9 Realisasi Keuangan Sasaran Strategis Tahun 2024", styles["BodyText"]), Spacer(1, 6),
             _table([*header, *first], [25, 150, 120, 75, 75, 50, 20, 20], style=spans), PageBreak(),
             _table(rest, [25, 170, 140, 80, 80, 50], repeat=1), PageBreak(),
             _table(other, [40, 300, 120])]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=_running_halaman,
                                                     onLaterPages=_running_halaman)


CUT_ROWS = [
    ["1", "PEMBERDAYAAN SOSIAL", "250.000.000", "240.000.000", "96,00"],
    ["2", "PERLINDUNGAN SOSIAL", "100.000.000", "90.000.000", "90,00"],
    ["3", "JAMINAN KESEHATAN TENAGA KERJA", "50.000.000", "50.000.000", "100,00"],
]


def cut_words(path: Path) -> None:
    styles = getSampleStyleSheet()
    prose = ("Anggaran program pemberdayaan sosial dan program perlindungan sosial serta jaminan kesehatan "
             "tenaga kerja tahun 2024 disajikan pada tabel berikut.")
    story = [Paragraph(prose, styles["BodyText"]), Spacer(1, 12),
             Paragraph("Tabel 3.6 Realisasi Anggaran Program", styles["BodyText"]), Spacer(1, 6),
             _table([["No", "Program", "Anggaran", "Realisasi", "%"], *CUT_ROWS], [30, 62, 100, 100, 50])]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


STYLES = ("grid", "hrules", "norules", "shaded")
PAGES = {"portrait": (A4, "Helvetica", 9, [28, 200, 80, 80, 60]),
         "landscape": (landscape(A4), "Times-Roman", 10, [32, 330, 110, 110, 80])}
STYLE_CAPAIAN = [
    ["1.", "Persentase penyandang disabilitas terlantar yang terpenuhi kebutuhan dasarnya di dalam panti",
     "85,00%", "87,50%", "102,94%"],
    ["2.", "Jumlah orang mendapat peningkatan kapasitas pekerja sosial masyarakat", "96 Orang", "90 Orang",
     "93,75%"],
    ["3.", "Persentase lembaga kesejahteraan sosial yang meningkat kapasitasnya", "40%", "42%", "105,00%"],
    ["4.", "Indeks kepuasan masyarakat", "80", "84", "105,00%"],
]
STYLE_PROGRAMS = 6  # programs, each with two kegiatan and three sub-kegiatan under each: over a page break


def style_budget_rows() -> list[list[str]]:
    """The budget table's body: program, kegiatan and sub-kegiatan rows with Permendagri codes, then TOTAL."""
    rows: list[list[str]] = []
    total_p = total_r = 0
    for p in range(1, STYLE_PROGRAMS + 1):
        subs = []
        for k in range(1, 3):
            items = []
            for s in range(1, 4):
                pagu = 10_000_000 * p + 1_000_000 * k + 150_000 * s
                real = pagu - 250_000 * s
                items.append((f"1.06.{p:02d}.2.{k:02d}.{s:02d}", f"Sub kegiatan pelayanan sosial {p}.{k}.{s} "
                              "kewenangan kabupaten/kota", pagu, real))
            subs.append((f"1.06.{p:02d}.2.{k:02d}", f"Kegiatan rehabilitasi dan perlindungan {p}.{k}",
                         sum(i[2] for i in items), sum(i[3] for i in items), items))
        pagu, real = sum(k[2] for k in subs), sum(k[3] for k in subs)
        total_p, total_r = total_p + pagu, total_r + real
        rows.append([str(p), f"{subs[0][0][:7]} - PROGRAM PELAYANAN SOSIAL KE-{p}", _rp(pagu), _rp(real),
                     _pct(real, pagu)])
        for code, name, kp, kr, items in subs:
            rows.append(["", f"{code} - {name}", _rp(kp), _rp(kr), _pct(kr, kp)])
            rows += [["", f"{c} - {n}", _rp(ip), _rp(ir), _pct(ir, ip)] for c, n, ip, ir in items]
    rows.append(["", "TOTAL", _rp(total_p), _rp(total_r), _pct(total_r, total_p)])
    return rows


def _rp(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _pct(part: int, whole: int) -> str:
    return f"{part / whole * 100:.2f}".replace(".", ",")


STYLE_CAPAIAN_HEADER = ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"]
STYLE_BUDGET_HEADER = [["No", "Program / Kegiatan / Sub Kegiatan", "Anggaran", "", "Capaian"],
                       ["", "", "Pagu", "Realisasi", "(%)"]]


def _styled(rows: list[list[str]], widths: list[float], style: str, font: str, size: int, head: int,
            spans: list[Any] | None = None) -> Table:
    para = getSampleStyleSheet()["BodyText"].clone("cell", fontName=font, fontSize=size, leading=size + 2)
    table = Table([[Paragraph(c, para) for c in r] for r in rows], colWidths=widths, repeatRows=head,
                  splitByRow=1)
    commands: list[Any] = [("VALIGN", (0, 0), (-1, -1), "TOP"), *(spans or [])]
    if style == "grid":
        commands.append(("GRID", (0, 0), (-1, -1), 0.6, colors.black))
    elif style == "hrules":
        commands += [("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
                     ("LINEBELOW", (0, max(0, head - 1)), (-1, -1), 0.4, colors.black)]
    elif style == "shaded":
        if head:
            commands.append(("BACKGROUND", (0, 0), (-1, head - 1), colors.HexColor("#c9d7ea")))
        commands.append(("ROWBACKGROUNDS", (0, head), (-1, -1), [colors.white, colors.HexColor("#eeeeee")]))
    table.setStyle(TableStyle(commands))
    return table


def styled_report(path: Path, style: str, page: str) -> None:
    size_, font, size, widths = PAGES[page]
    body = getSampleStyleSheet()["BodyText"].clone("body", fontName=font, fontSize=size + 1, leading=size + 4)
    spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (3, 0)), ("SPAN", (4, 0), (4, 0))]
    story = [Paragraph("Capaian kinerja Dinas Contoh tahun 2024 disajikan pada tabel berikut.", body), Spacer(1, 8),
             Paragraph("Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2024", body), Spacer(1, 4),
             _styled([STYLE_CAPAIAN_HEADER, *STYLE_CAPAIAN], widths, style, font, size, 1), Spacer(1, 10),
             Paragraph("Realisasi anggaran per program, kegiatan dan sub kegiatan sebagai berikut.", body),
             Spacer(1, 8), Paragraph("Tabel 3.2 Realisasi Anggaran Tahun 2024", body), Spacer(1, 4),
             _styled([*STYLE_BUDGET_HEADER, *style_budget_rows()], widths, style, font, size, 2, spans),
             Spacer(1, 10), Paragraph("Demikian realisasi anggaran tahun 2024.", body)]
    SimpleDocTemplate(str(path), pagesize=size_).build(story, onFirstPage=_running, onLaterPages=_running)


def styled_text(path: Path) -> None:
    """The styles' content as tab-separated converted text: the reference every style must reproduce."""
    lines = ["Capaian kinerja Dinas Contoh tahun 2024 disajikan pada tabel berikut.",
             "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2024", "\t".join(STYLE_CAPAIAN_HEADER),
             *("\t".join(r) for r in STYLE_CAPAIAN),
             "Realisasi anggaran per program, kegiatan dan sub kegiatan sebagai berikut.",
             "Tabel 3.2 Realisasi Anggaran Tahun 2024", *("\t".join(r) for r in STYLE_BUDGET_HEADER),
             *("\t".join(r) for r in style_budget_rows()), "Demikian realisasi anggaran tahun 2024."]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_styles(out: Path) -> dict[str, Path]:
    """Every style on every page set-up, and the text: {"grid_portrait": ..., "text": ...}."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for style in STYLES:
        for page in PAGES:
            paths[f"{style}_{page}"] = out / f"style_{style}_{page}.pdf"
            styled_report(paths[f"{style}_{page}"], style, page)
    paths["text"] = out / "style_content.txt"
    styled_text(paths["text"])
    return paths


def _fit_widths(rows: list[list[str]], frame: float, font: str, size: float, padding: float) -> list[float]:
    """Column widths as a word processor's "autofit to contents" sets them: each column as wide as its
    longest cell where the page allows, never narrower than its longest word unless even the words do
    not fit (then every column shrinks alike and long words break)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    n = len(rows[0])
    longest = [max(stringWidth(r[j], font, size) for r in rows) + 2 * padding for j in range(n)]
    word = [max((stringWidth(t, font, size) for r in rows for t in r[j].split()), default=0.0) + 2 * padding
            for j in range(n)]
    floor = [max(w + 1.0, 3 * padding + 4) for w in word]  # +1 pt: reportlab breaks a word that fills its cell exactly
    if sum(floor) >= frame:
        return [frame * w / sum(floor) for w in floor]
    want = [max(a, b) for a, b in zip(longest, floor, strict=True)]
    if sum(want) <= frame:
        return [frame * w / sum(want) for w in want]
    spare, extra = frame - sum(floor), [w - f for w, f in zip(want, floor, strict=True)]
    return [f + spare * e / sum(extra) for f, e in zip(floor, extra, strict=True)]


Block = list[list[str] | str]  # a table's rows (a str: a row spanning the table), or [str]: one paragraph


def text_blocks(src: Path) -> list[tuple[bool, Block]]:
    """A converted-text report cut as another exporter would print it: each run of tab lines one table (blank
    lines inside the run ignored; a line without tabs between two tab lines a row spanning the table, how
    converted text shows a merged row, "Sasaran 1 : ..."), every other line a paragraph. Each block is
    (is_table, rows)."""
    out: list[tuple[bool, Block]] = []
    block: Block = []

    def flush() -> None:
        if any(isinstance(r, list) for r in block):
            out.append((True, list(block)))
        else:
            out.extend((False, [r]) for r in block)
        block.clear()

    raw_lines = src.read_text(encoding="utf-8").splitlines()
    for k, raw in enumerate(raw_lines):
        if "\t" in raw:
            block.append(raw.split("\t"))
            continue
        if not raw.strip():
            following = next((t for t in raw_lines[k + 1:] if t.strip()), "")
            if not (block and "\t" in following):
                flush()  # a blank line inside a run of tab lines is the converter's, not the table's end
            continue
        if block and k + 1 < len(raw_lines) and "\t" in raw_lines[k + 1]:
            block.append(raw)  # between two tab lines: a row across the table
            continue
        flush()
        out.append((False, [raw.strip()]))
    flush()
    return out


def _cells(block: Block) -> list[list[str]]:
    n = max(len(r) for r in block if isinstance(r, list))
    return [[c.strip() for c in r] + [""] * (n - len(r)) if isinstance(r, list) else [r.strip()] + [""] * (n - 1)
            for r in block]


def render_text(src: Path, dst: Path, style: str = "hrules", page: str = "landscape", wide_padding: float = 1.0
                ) -> None:
    """A converted-text report (tab-separated tables) printed as a PDF by reportlab in one table style and page
    set-up, each table's columns autofitted to their contents (:func:`text_blocks`). For measuring the reader on
    reports it has only as text (the dev set)."""
    from xml.sax.saxutils import escape

    size_, font, size, _ = PAGES[page]
    body = getSampleStyleSheet()["BodyText"].clone("body", fontName=font, fontSize=size + 1, leading=size + 4)
    frame_width = size_[0] - 2 * 72
    story: list[Any] = []
    for is_table, block in text_blocks(src):
        if not is_table:
            story.append(Paragraph(escape(str(block[0])), body))
            continue
        cells = _cells(block)
        n = len(cells[0])
        small, padding = (size, 6.0) if n <= 8 else (size - 3, wide_padding)
        widths = _fit_widths([c for c, r in zip(cells, block, strict=True) if isinstance(r, list)], frame_width,
                             font, small, padding)
        extra: list[Any] = [("SPAN", (0, i), (-1, i)) for i, r in enumerate(block) if isinstance(r, str)]
        if n > 8:
            extra += [("LEFTPADDING", (0, 0), (-1, -1), padding), ("RIGHTPADDING", (0, 0), (-1, -1), padding)]
        story.append(_styled([[escape(c) for c in r] for r in cells], widths, style, font, small, 0, extra))
        story.append(Spacer(1, 6))
    SimpleDocTemplate(str(dst), pagesize=size_).build(story)


LO_HTML_HEAD = """<html><head><meta charset="utf-8"><style>
@page { size: 29.7cm 21cm; margin: 2cm; }
body { font-family: 'DejaVu Serif'; font-size: 10pt; }
</style></head><body>
"""


def text_html(src: Path, valign: str = "middle") -> str:
    """The report as HTML for LibreOffice Writer: paragraphs, and each table with horizontal rules only (rules
    between rows, a rule above and below), 3 pt cell padding, as wide as the page, its columns laid out by
    Writer's own autofit; tables of more than 8 columns in 7 pt, of more than 14 in 5 pt with 1 pt padding;
    cells set at the top (``valign="top"``, Word's default) or centred vertically (Writer's HTML default)."""
    from html import escape

    parts = [LO_HTML_HEAD]
    for is_table, block in text_blocks(src):
        if not is_table:
            parts.append(f"<p>{escape(str(block[0]))}</p>\n")
            continue
        cells = _cells(block)
        n = len(cells[0])
        # wide tables set smaller, as a report's annex is (Writer clips a table wider than the page: form E.81's
        # 24 columns need 5 pt with 1 pt padding to fit a landscape A4)
        size, padding = (5, 1) if n > 14 else (7, 3) if n > 8 else (0, 3)
        small = f' style="font-size: {size}pt"' if size else ""
        parts.append(f'<table border="1" rules="rows" frame="hsides" cellpadding="{padding}" cellspacing="0" '
                     'width="100%">\n')
        td = f'<td valign="{valign}"{small}'
        for row, raw in zip(cells, block, strict=True):
            if isinstance(raw, str):
                parts.append(f'<tr>{td} colspan="{n}">{escape(row[0])}</td></tr>\n')
            else:
                parts.append("<tr>" + "".join(f"{td}>{escape(c)}</td>" for c in row) + "</tr>\n")
        parts.append("</table><p></p>\n")
    parts.append("</body></html>\n")
    return "".join(parts)


def render_texts_libreoffice(srcs: list[Path], out: Path, valign: str = "middle") -> list[Path]:
    """The reports printed by another exporter: LibreOffice Writer (Debian's libreoffice-writer-nogui), from
    :func:`text_html`, on landscape A4 in DejaVu Serif. One PDF per text, named after it, in ``out``."""
    import shutil
    import subprocess
    import tempfile

    soffice = shutil.which("soffice")
    if soffice is None:
        raise RuntimeError("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory() as tmp:
        htmls = []
        for src in srcs:
            html = Path(tmp) / f"{src.stem}.html"
            html.write_text(text_html(src, valign), encoding="utf-8")
            htmls.append(str(html))
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--infilter=HTML (StarWriter)", "--convert-to", "pdf", "--outdir", str(out), *htmls],
                       check=True, capture_output=True)
    return [out / f"{src.stem}.pdf" for src in srcs]


def _rasteriser() -> Any:
    spec = importlib.util.spec_from_file_location("rasterise_pdf", Path(__file__).with_name("rasterise_pdf.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.rasterise


def rasterise(src: Path, dst: Path, dpi: int = 150, pages: list[int] | None = None) -> None:
    """A copy of src with every page (or the given 1-based pages) as an image: no text layer."""
    _rasteriser()(src, dst, dpi=dpi, pages=pages)


def build(out: Path) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    makers = {"ruled": ruled, "landscape": landscape_budget, "unruled": unruled, "multipage": multipage,
              "wrapped": wrapped, "rotated": rotated, "continued": continued,
              "cutwords": cut_words}
    paths = {name: out / f"{name}.pdf" for name in [*makers, "scanned"]}
    for name, make in makers.items():
        make(paths[name])
    rasterise(paths["ruled"], paths["scanned"], dpi=200, pages=[1])
    return paths


if __name__ == "__main__":
    default = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "generated"
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    for name, p in build(target).items():
        print(name, p)
