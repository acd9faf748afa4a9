"""A word too long for its ruled cell is cut at the cell's edge with no hyphen: the pieces are joined again
when the document prints the whole word elsewhere."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from reportlab.pdfgen import canvas

from extractors.pdf_pdfium import read_page
from extractors.pdf_reader import read_pdf
from extractors.pdf_words import (
    CUT,
    Glyph,
    Word,
    cluster_lines,
    make_words,
    mend_cuts,
    text_of,
    vocabulary,
    words_of_line,
)
from pipeline.run import extract_document

EDGES = (100.0, 160.0)  # a cell 60 points wide: text from 105 to 155


def _w(text: str, x0: float, top: float, char: float = 5.0) -> Word:
    return Word(text, x0, top, x0 + char * len(text), top + 8)


def test_a_single_word_filling_its_line_is_marked() -> None:
    words = [_w("PEMBERDAYA", 105, 0), _w("AN", 105, 10), _w("SOSIAL", 118, 10)]
    assert text_of(words, EDGES) == f"PEMBERDAYA{CUT}AN SOSIAL"
    assert text_of(words) == "PEMBERDAYA AN SOSIAL"  # without the cell's edges: a space, as before


def test_a_word_short_of_the_edge_is_not_marked() -> None:
    short = [_w("PROGRAM", 105, 0), _w("SOSIAL", 105, 10)]  # 15 points left: "S" would have fitted
    assert CUT not in text_of(short, EDGES)


def test_a_line_of_several_words_reaching_the_edge_is_marked_and_the_document_decides() -> None:
    """An exporter that breaks words at the cell's edge cuts them after other words too (the reportlab prints of
    d03, d09, h04: "Jumlah Laporan Lap" over "oran"); a whole word that merely ends at the edge stays apart, as the
    document never prints the two as one word."""
    several = [_w("DAN", 105, 0), _w("JAMINAN", 122, 0), _w("SOSIAL", 105, 10)]
    assert text_of(several, EDGES) == f"DAN JAMINAN{CUT}SOSIAL"
    words = vocabulary(["Jaminan sosial bagi lansia", "Jumlah Laporan Kegiatan"])
    assert mend_cuts(text_of(several, EDGES), words) == "DAN JAMINAN SOSIAL"
    cut = [_w("Jumlah", 105, 0), _w("Lap", 140, 0), _w("oran", 105, 10)]
    assert mend_cuts(text_of(cut, EDGES), words) == "Jumlah Laporan"


def test_two_words_the_document_prints_side_by_side_are_not_joined() -> None:
    """"Sumber" + "Daya" stays two words where the document prints "Sumber Daya", though it spells "Sumberdaya"
    once too (sample 003); a pair across a cut mark is no evidence."""
    words = vocabulary(["Sumber Daya Manusia", "Pengembangan Sumberdaya", f"Jumlah Lap{CUT}oran", "Laporan"])
    assert mend_cuts(f"Sumber{CUT}Daya", words) == "Sumber Daya"
    assert mend_cuts(f"Lap{CUT}oran", words) == "Laporan"


def test_mend_cuts_against_the_document_words() -> None:
    words = vocabulary(["Program pemberdayaan sosial", "PERLINDUNGAN"])
    assert mend_cuts(f"PEMBERDAYA{CUT}AN SOSIAL", words) == "PEMBERDAYAAN SOSIAL"
    assert mend_cuts(f"KABUPATEN/K{CUT}OTA", vocabulary(["Kota Contoh"])) == "KABUPATEN/KOTA"
    assert mend_cuts(f"TENAGA{CUT}KERJA", words) == "TENAGA KERJA"  # "tenagakerja" is printed nowhere
    assert mend_cuts(f"PEMBERDAYA{CUT}AN", None) == "PEMBERDAYA AN"
    assert mend_cuts("no marks", words) == "no marks"


def test_cut_words_in_a_sample_like_pdf(pdf_fixtures: dict[str, Path]) -> None:
    doc = read_pdf(pdf_fixtures["cutwords"])
    names = [row[1].text for row in doc.grids[0].rows[1:]]
    assert names == ["PEMBERDAYAAN SOSIAL", "PERLINDUNGAN SOSIAL", "JAMINAN KESEHATAN TENAGA KERJA"]
    assert not any(CUT in c.text for g in doc.grids for r in g.rows for c in r)
    ext = extract_document(pdf_fixtures["cutwords"])
    assert [b.uraian for b in ext.budget][:2] == ["PEMBERDAYAAN SOSIAL", "PERLINDUNGAN SOSIAL"]


def test_a_printed_space_ends_a_word_however_close_the_next_glyph_stands() -> None:
    """"i" then "j" in Times: the j's box starts left of where the space ends, so no gap shows between them."""
    i, j = Glyph("i", 0.0, 0.0, 2.8, 10.0), Glyph("j", 3.0, 0.0, 5.6, 10.0, spaced=True)
    assert [w.text for w in words_of_line([i, j])] == ["i", "j"]
    # without the printed space the two glyphs touch: one word
    assert [w.text for w in words_of_line([i, j._replace(spaced=False)])] == ["ij"]


def test_words_of_a_times_line_keep_their_spaces(tmp_path: Path) -> None:
    """A line set in Times by reportlab: kerned "i j" pairs (dev-set prints: "Produksi jagung" read as
    "Produksijagung" in d11, "aktif meningkat" as one word in h05) come out as the words the line prints; pdfium's
    generated spaces (guessed from gaps) add nothing."""
    path = tmp_path / "times.pdf"
    page = canvas.Canvas(str(path))
    page.setFont("Times-Roman", 10)
    page.drawString(72, 700, "Produksi jagung dan padajumlah pada jenis")
    page.save()
    pdf = pdfium.PdfDocument(str(path))
    try:
        words = [w.text for w in make_words(read_page(pdf, 0).glyphs)]
    finally:
        pdf.close()
    assert words == ["Produksi", "jagung", "dan", "padajumlah", "pada", "jenis"]


def test_lines_of_a_tall_cell_are_not_chained_through_centred_cells_beside_it() -> None:
    """A cell of two lines (tops 100 and 111.2) beside cells centred in the row, whose single lines stand in
    between (tops 102.8, 105.6, 108.4): each step is within the tolerance, but the two lines of the tall cell
    stay two lines; a comma whose box starts lower than the letters' stays on its letters' line."""
    glyphs = [Glyph("a", 0, 100.0, 5, 110.0), Glyph("b", 5, 100.0, 10, 110.0),
              Glyph(",", 10, 107.0, 12, 110.0),
              Glyph("X", 50, 102.8, 55, 112.8), Glyph("Y", 90, 105.6, 95, 115.6), Glyph("Z", 130, 108.4, 135, 118.4),
              Glyph("c", 0, 111.2, 5, 121.2), Glyph("d", 5, 111.2, 10, 121.2)]
    lines = [{g.text for g in line} for line in cluster_lines(glyphs)]
    assert any({"a", "b", ","} <= line for line in lines)
    assert not any({"a", "c"} <= line for line in lines)


def test_a_small_fonts_line_keeps_its_descender_when_another_cells_line_stands_just_above() -> None:
    """A 4.7-point table font (h04's E.81 on its LibreOffice print): another cell's line 2.8 points above "Oran"
    is within the 3-point tolerance, yet it is another line; the "g" whose loose box ends 0.2 points lower stays
    with its word. Glyphs of a 10-point font group as before."""
    other = [Glyph(ch, 200 + 3 * k, 382.8, 203 + 3 * k, 387.5) for k, ch in enumerate("Jumlah")]
    word = [Glyph(ch, 295.8 + 3.2 * k, 385.6, 299.0 + 3.2 * k, 390.28) for k, ch in enumerate("Oran")]
    g = Glyph("g", 308.5, 385.6, 311.7, 390.51)
    lines = ["".join(x.text for x in sorted(line, key=lambda x: x.x0)) for line in cluster_lines([*other, *word, g])]
    assert lines == ["Jumlah", "Orang"]
    big = [Glyph(ch, 10 * k, 100.0, 10 * k + 9, 112.0) for k, ch in enumerate("abc")]
    low = Glyph("g", 40, 100.0, 49, 112.4)
    assert ["".join(x.text for x in line) for line in cluster_lines([*big, low])] == ["abcg"]
