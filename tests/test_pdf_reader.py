"""The PDF reader on generated fixtures (tests/conftest.py: pdf_fixtures) and on the sample PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.errors import InputError
from extractors.model import Document, Grid
from extractors.ocr import unavailable
from extractors.pdf_pdfium import is_garbage
from extractors.pdf_reader import read_pdf
from extractors.pdf_rulings import Seg, ruled_tables
from extractors.pdf_words import Frame, Word

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "raw"
HEADER = ["No", "Indikator", "Target", "Realisasi", "Capaian"]


def texts(grid: Grid) -> list[list[str]]:
    return [[c.text for c in row] for row in grid.rows]


def line(doc: Document, start: str) -> float:
    return next(t.order for t in doc.lines if t.text.startswith(start))


# --- ruled tables, captions, running headers ---------------------------------------------------


def test_ruled_table_caption_wrapped_cell_and_running_lines(pdf_fixtures: dict[str, Path]) -> None:
    doc = read_pdf(pdf_fixtures["ruled"])
    assert doc.pages == 2 and [g.page for g in doc.grids] == [1, 2]
    first, second = doc.grids
    assert texts(first)[0] == HEADER
    indicator = "Persentase anak terlantar yang mendapatkan rehabilitasi sosial dasar di luar panti"
    assert texts(first)[1] == ["1.", indicator, "72,73%", "100%", "137 %"]
    assert texts(second) == [HEADER, ["3.", "Jumlah lembaga kesejahteraan sosial", "38 Lembaga", "38 Lembaga", "100 %"]]
    assert line(doc, "Laporan kinerja") < line(doc, "Tabel 3.1") < first.order < (first.end_order or 0)
    assert not any(r[0].text.startswith("Tabel") for g in doc.grids for r in g.rows)  # caption is no row
    assert not any("LKjIP Dinas Contoh" in t.text for t in doc.lines)  # running header dropped
    assert not any(t.text.strip() in {"1", "2"} for t in doc.lines)  # bare page numbers dropped
    cell = first.rows[1][2]
    assert cell.page == 1 and cell.bbox is not None and cell.bbox[0] < cell.bbox[2] and cell.bbox[1] < cell.bbox[3]


def test_spanning_header_and_wrapped_cells(pdf_fixtures: dict[str, Path]) -> None:
    doc = read_pdf(pdf_fixtures["wrapped"])
    (grid,) = doc.grids
    rows = texts(grid)
    assert rows[0] == ["No", "Indikator Kinerja", "Tahun 2024", "", ""]  # spanning text in its first column
    assert rows[1] == ["", "", "Target", "Realisasi", "Capaian"]
    assert rows[2][1] == ("Persentase penyandang disabilitas terlantar, anak terlantar, lanjut usia terlantar serta "
                          "gelandangan pengemis yang terpenuhi kebutuhan dasarnya di dalam panti")
    assert rows[3][2:] == ["1. 72,73% 2. 34,29%", "1. 100% 2. 100%", "1. 137 % 2. 291 %"]
    assert line(doc, "Tabel 3.2") < grid.order < (grid.end_order or 0) < line(doc, "Capaian di atas")


def test_table_over_pages_gives_one_grid_per_page(pdf_fixtures: dict[str, Path]) -> None:
    doc = read_pdf(pdf_fixtures["multipage"])
    assert doc.pages == len(doc.grids) >= 2
    assert [g.page for g in doc.grids] == list(range(1, doc.pages + 1))
    assert all(texts(g)[0] == HEADER for g in doc.grids)  # the repeated header row is kept
    body = [r for g in doc.grids for r in texts(g)[1:]]
    assert [r[0] for r in body] == [f"{i}." for i in range(1, 61)]
    assert body[59] == ["60.", "Sub kegiatan contoh nomor 60", "160 Orang", "150 Orang", "93.75%"]
    assert not any("Halaman" in t.text or "Laporan Kinerja Instansi" in t.text for t in doc.lines)
    orders = [g.order for g in doc.grids]
    assert orders == sorted(orders) and line(doc, "Demikian") > (doc.grids[-1].end_order or 0)


def test_landscape_page(pdf_fixtures: dict[str, Path]) -> None:
    doc = read_pdf(pdf_fixtures["landscape"])
    (grid,) = doc.grids
    assert texts(grid)[1] == ["1", "1.06.02 - PROGRAM PEMBERDAYAAN SOSIAL", "2.456.653.000", "2.344.566.905", "95,44"]
    bbox = grid.rows[1][-1].bbox
    assert bbox is not None and bbox[2] > 595  # beyond a portrait page's width: landscape coordinates


# --- unruled tables ------------------------------------------------------------------------------


def test_unruled_table_from_word_positions(pdf_fixtures: dict[str, Path]) -> None:
    doc = read_pdf(pdf_fixtures["unruled"])
    (grid,) = doc.grids
    assert texts(grid) == [
        HEADER,
        ["1.", "Persentase penduduk miskin di kota contoh", "10,50%", "9,80%", "107,14%"],
        ["2.", "Jumlah lembaga sosial aktif", "45 Lembaga", "41 Lembaga", "91,11%"],
        ["3.", "Indeks kepuasan masyarakat", "80", "83,5", "104,38%"],
        ["4.", "Persentase PMKS yang tertangani", "75%", "60%", "80%"],
    ]
    assert line(doc, "Tabel 2.1") < grid.order and line(doc, "Semua indikator") > (grid.end_order or 0)
    assert not any("Persentase penduduk" in t.text for t in doc.lines)  # table text is not prose too


# --- rotated text and rotated pages -------------------------------------------------------------


def test_rotated_text_and_rotated_page_read_upright(pdf_fixtures: dict[str, Path]) -> None:
    doc = read_pdf(pdf_fixtures["rotated"])
    assert [g.page for g in doc.grids] == [1, 2, 3]
    for grid in doc.grids:
        rows = texts(grid)
        assert rows[0] == ["No", "Program", "Anggaran", "Realisasi", "%"]
        assert rows[1] == ["1", "PROGRAM PERLINDUNGAN SOSIAL", "1.250.000.000", "1.187.500.000", "95,00"]
        caption = next(t for t in doc.lines if t.page == grid.page and t.text.startswith("Tabel 4."))
        assert caption.order < grid.order
    assert any(t.text == "Tabel 4.1 Realisasi Anggaran Program" for t in doc.lines)  # not reversed
    box = doc.grids[0].rows[1][1].bbox  # mapped back onto the portrait page: tall, not wide
    assert box is not None and box[3] - box[1] > box[2] - box[0] and 0 <= box[0] < box[2] <= 596


def test_glyph_boxes_match_pypdfium2s_own_reading(pdf_fixtures: dict[str, Path]) -> None:
    """The glyph reader calls pdfium without ctypes' argument checks (for speed); its characters and boxes are
    those pypdfium2's checked API gives (loose boxes, top-down page points), a printed space marked on the next
    glyph."""
    import pypdfium2 as pdfium

    from extractors.pdf_pdfium import read_page

    pdf = pdfium.PdfDocument(str(pdf_fixtures["ruled"]))
    try:
        page = pdf[0]
        textpage = page.get_textpage()
        left, _, _, top = page.get_mediabox()
        expected = []
        for k in range(textpage.count_chars()):
            ch = textpage.get_text_range(k, 1)
            if ch.isspace() or not ch:
                continue
            x0, y0, x1, y1 = textpage.get_charbox(k, loose=True)
            expected.append((ch, round(x0 - left, 3), round(top - y1, 3), round(x1 - left, 3), round(top - y0, 3)))
        textpage.close()
        page.close()
        glyphs = read_page(pdf, 0).glyphs
    finally:
        pdf.close()
    assert len(glyphs) > 50
    assert [(g.text, round(g.x0, 3), round(g.top, 3), round(g.x1, 3), round(g.bottom, 3)) for g in glyphs] == expected
    assert any(g.spaced for g in glyphs) and not glyphs[0].spaced


def test_reading_frame_round_trip() -> None:
    for direction in ("ltr", "btt", "ttb"):
        frame = Frame(direction, 595.0, 842.0)
        box = (10.0, 20.0, 110.0, 32.0)
        assert frame.to_page(frame.to_reading(box)) == pytest.approx(box)


# --- cell building from rulings -----------------------------------------------------------------


def test_merged_cells_from_missing_rulings() -> None:
    # a 2x3 grid whose top row has no ruling between columns 2 and 3 (a spanning header)
    segs = [Seg(False, y, 0, 300) for y in (0, 20, 40)]
    segs += [Seg(True, 0, 0, 40), Seg(True, 100, 0, 40), Seg(True, 200, 20, 40), Seg(True, 300, 0, 40)]
    words = [Word("Nama", 10, 5, 40, 15), Word("Tahun", 150, 5, 190, 15), Word("2024", 195, 5, 225, 15),
             Word("A", 10, 25, 20, 35), Word("1", 150, 25, 160, 35), Word("2", 250, 25, 260, 35)]
    tables, taken = ruled_tables(segs, words)
    assert len(tables) == 1 and taken == set(range(6))
    assert [[text for text, _ in row] for row in tables[0].rows] == [["Nama", "Tahun 2024", ""], ["A", "1", "2"]]


# --- scanned pages ------------------------------------------------------------------------------


def test_scanned_page_without_ocr_is_listed(pdf_fixtures: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from extractors import ocr

    monkeypatch.setattr(ocr, "unavailable", lambda: ocr.MISSING)
    doc = read_pdf(pdf_fixtures["scanned"])
    assert doc.unreadable == [(1, "scanned page: OCR not installed (install tesseract-ocr tesseract-ocr-ind)")]
    assert doc.notes and "OCR not installed" in doc.notes[0] and not doc.grids


@pytest.mark.ocr
@pytest.mark.skipif(bool(unavailable()), reason=f"OCR extra absent: {unavailable() or '-'}")
def test_scanned_page_read_with_ocr(pdf_fixtures: dict[str, Path]) -> None:
    doc = read_pdf(pdf_fixtures["scanned"])
    assert not doc.unreadable and any("OCR" in n for n in doc.notes)
    (grid,) = doc.grids
    assert grid.reader == "ocr" and grid.page == 1
    rows = texts(grid)
    assert rows[0] == HEADER
    assert rows[1][2:4] == ["72,73%", "100%"] and rows[2][2] == "96 Orang"
    assert line(doc, "Tabel 3.1") < grid.order


def test_garbage_text_layer_is_detected() -> None:
    assert is_garbage("\ufffd\ufffd\x01\x02" * 20)
    assert is_garbage("Xzqwt Pqrst Bcdfg Hjklm Npqrs Tvwxz " * 10)
    assert not is_garbage("Persentase penduduk miskin yang mendapat bantuan sosial tahun 2024 " * 5)
    # private-use glyph codes (a font without a Unicode map) are bad; a soft hyphen, also unprintable, is not
    assert is_garbage("Dinas \ue000\ue001\ue002 Sosial \ue003\ue004 " * 10)
    assert not is_garbage("Pemberdaya\u00adan masyarakat desa tahun 2024 " * 5)


# --- bad input ----------------------------------------------------------------------------------


def test_not_a_pdf_and_damaged_pdf(tmp_path: Path) -> None:
    text = tmp_path / "report.pdf"
    text.write_text("Laporan kinerja")
    with pytest.raises(InputError, match="not a PDF"):
        read_pdf(text)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="not a PDF"):
        read_pdf(empty)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    with pytest.raises(InputError) as info:
        read_pdf(broken)
    assert "\n" not in info.value.why


def test_encrypted_pdf(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "secret.pdf"
    canvas = Canvas(str(path), encrypt=StandardEncryption("user-secret", "owner-secret"))
    canvas.drawString(72, 720, "Rahasia")
    canvas.save()
    with pytest.raises(InputError, match="encrypted"):
        read_pdf(path)


# --- camelot as the second reader ---------------------------------------------------------------


def test_camelot_second_reader_on_a_ruled_page(pdf_fixtures: dict[str, Path]) -> None:
    from extractors.pdf_camelot import camelot_grids

    grids = camelot_grids(pdf_fixtures["landscape"], 1, 595.2756)
    assert grids and grids[0].reader == "camelot" and grids[0].confidence is not None
    assert any("2.456.653.000" in c.text for r in grids[0].rows for c in r)


# --- the sample reports -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_000() -> Document:
    return read_pdf(SAMPLES / "000_0f83f2dd310c1dae.pdf")


@pytest.mark.slow
def test_sample_budget_table(sample_000: Document) -> None:
    assert sample_000.pages == 24 and not sample_000.unreadable
    grid = next(g for g in sample_000.grids if any(c.text == "12,387,484,416" for r in g.rows for c in r))
    row = next(r for r in grid.rows if any(c.text == "12,387,484,416" for c in r))
    assert [c.text for c in row] == ["1", "1.06.01 - PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
                                     "12,387,484,416", "11,988,100,020", "96.78%"]
    assert [c.text for c in grid.rows[0]] == ["NO", "PROGRAM, KEGIATAN SUB KEGIATAN", "ANGGARAN", "REALISASI",
                                              "REALISASI %"]
    caption = next(t for t in sample_000.lines if t.text.startswith("Tabel 5"))
    assert caption.page == grid.page and caption.order < grid.order
    cells = {c.text for g in sample_000.grids for r in g.rows for c in r}
    assert {"92,15 %", "1. 72,73% 2. 34,29%"} <= cells


@pytest.mark.slow
@pytest.mark.parametrize(("stem", "pages"), [("001_d8b83a21a2570bae", 63), ("003_80458ef031615be3", 111)])
def test_other_samples(stem: str, pages: int) -> None:
    doc = read_pdf(SAMPLES / f"{stem}.pdf")
    assert doc.pages == pages and not doc.unreadable and len(doc.grids) > 20
    assert all(g.page is not None and 1 <= g.page <= pages for g in doc.grids)
    orders = [t.order for t in doc.lines]
    assert orders == sorted(orders)
    captions = [t for t in doc.lines if t.text.startswith("Tabel 3.")]
    assert len(captions) >= 10


def test_camelot_asked_where_rulings_gave_no_grid(pdf_fixtures: dict[str, Path],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("extractors.pdf_page.ruled_tables", lambda segs, words, mark_cuts=False: ([], set()))
    doc = read_pdf(pdf_fixtures["landscape"])
    (grid,) = doc.grids
    assert grid.reader == "camelot" and grid.page == 1
    assert any(c.text == "2.344.566.905" for r in grid.rows for c in r)
    assert not any("2.344.566.905" in t.text for t in doc.lines)  # its text is not prose as well
    assert line(doc, "Tabel 5") < grid.order


def test_lone_dash_in_a_scanned_cell() -> None:
    import numpy as np

    from extractors.ocr import _is_dash

    scale = 72 / 300
    cell = np.full((60, 200), 255, dtype=np.uint8)
    dash = cell.copy()
    dash[28:32, 90:110] = 0  # 20 x 4 px at 300 dpi: a hyphen
    digit = cell.copy()
    digit[15:45, 95:103] = 0  # a tall stroke: "1", not a dash
    two = dash.copy()
    two[28:32, 130:150] = 0  # two blobs: not a lone dash
    assert _is_dash(dash, scale) and not _is_dash(digit, scale) and not _is_dash(two, scale)
