"""A PDF table carried on over later pages by pieces with another column count and no header of their own."""

from __future__ import annotations

from pathlib import Path

from extractors.assemble import assemble
from extractors.model import Cell, Document, Grid, TextLine
from extractors.pdf_page import order_of
from pipeline.run import extract_document

HEADER = ["No", "Program/Kegiatan", "Indikator", "Anggaran", "Realisasi", "%", "Keterangan", "Paraf"]


def _row(values: list[str], page: int | None, xs: list[float] | None) -> list[Cell]:
    return [Cell(v, page=page, bbox=(x, 0.0, x + 10.0, 10.0) if xs else None)
            for v, x in zip(values, xs or [0.0] * len(values), strict=True)]


def _grid(rows: list[list[str]], page: int | None, top: float, xs: list[float] | None = None) -> Grid:
    order = order_of(page, top) if page is not None else top
    return Grid(rows=[_row(r, page, xs) for r in rows], order=order, page=page,
                reader="pdfium" if page is not None else "text", end_order=order + 10 * len(rows), ruled=True)


def _money(i: int) -> list[str]:
    return [str(i), f"Sub kegiatan {i}", f"Jumlah dokumen {i}", f"{i}0.000.000", f"{i}0.000.000", "100%"]


WIDE = [50.0, 80, 160, 240, 300, 360, 420, 480]
NARROW = [50.0, 90, 200, 300, 380, 460]


def _doc(*grids: Grid, lines: list[TextLine] | None = None) -> Document:
    caption = [TextLine("Tabel 3.5 Realisasi Keuangan", order=order_of(1, 50), page=1)]
    return Document("x.pdf", "0" * 64, 3, lines=[*caption, *(lines or [])], grids=list(grids))


def _first_piece() -> Grid:
    return _grid([HEADER, [*_money(1), "", ""], [*_money(2), "", ""]], 1, 100, WIDE)


def test_numbering_that_carries_on_joins_a_piece_with_another_column_count() -> None:
    tables = assemble(_doc(_first_piece(), _grid([_money(3), _money(4)], 2, 60, NARROW)))
    assert len(tables) == 1 and [r.text(0) for r in tables[0].rows] == ["1", "2", "3", "4"]
    assert tables[0].rows[2].text(3) == "30.000.000"  # columns taken by position


def test_same_column_positions_join_a_piece_without_numbers() -> None:
    second = _grid([_money(3), _money(4)], 2, 60, NARROW)
    third = _grid([["", "Jumlah", "", "70.000.000", "70.000.000", "100%"]], 3, 60, NARROW)
    tables = assemble(_doc(_first_piece(), second, third))
    assert len(tables) == 1 and tables[0].rows[-1].text(1) == "Jumlah"


def test_unrelated_headerless_table_on_the_next_page_stays_apart() -> None:
    restart = _grid([["1", "Rapat koordinasi", "12 Kali"], ["2", "Kunjungan kerja", "4 Kali"]], 2, 60,
                    [60.0, 100, 400])
    assert len(assemble(_doc(_first_piece(), restart))) == 2


def test_prose_between_the_pieces_keeps_them_apart() -> None:
    prose = [TextLine(f"Paragraf penjelasan capaian kinerja baris {k} yang cukup panjang untuk dibaca.",
                      order=order_of(1, 700 + k), page=1) for k in range(4)]
    tables = assemble(_doc(_first_piece(), _grid([_money(3)], 2, 60, NARROW), lines=prose))
    assert len(tables) == 2


def test_same_page_is_not_a_continuation() -> None:
    below = _grid([["3", "Sub kegiatan 3", "30.000.000", "30.000.000"]], 1, 400, [50.0, 90, 300, 380])
    tables = assemble(_doc(_first_piece(), below))
    assert len(tables) == 2


def test_text_grids_keep_their_rule() -> None:
    """Converted text has no pages: a grid with another column count is not joined by numbering."""
    first = _grid([HEADER, [*_money(1), "", ""]], None, 10)
    first.line, first.end_order = 10, 12
    second = _grid([_money(2)], None, 14)
    second.line = 14
    doc = Document("x.txt", "0" * 64, 0, lines=[TextLine("Tabel 3.5 Realisasi", order=9, line=9)],
                   grids=[first, second])
    assert len(assemble(doc)) == 2


def test_first_row_printed_again_at_the_top_of_the_next_page_is_dropped() -> None:
    second = _grid([_money(3), _money(4)], 2, 60, NARROW)
    third = _grid([_money(3), _money(5)], 3, 60, NARROW)  # row 3 set to repeat on every page
    tables = assemble(_doc(_first_piece(), second, third))
    assert len(tables) == 1 and [r.text(0) for r in tables[0].rows] == ["1", "2", "3", "4", "5"]


def test_continued_budget_table_pdf(pdf_fixtures: dict[str, Path]) -> None:
    ext = extract_document(pdf_fixtures["continued"])
    budget = [t for t in ext.tables if t.kind == "anggaran"]
    assert len(budget) == 1 and budget[0].caption.startswith("Tabel 3.9")
    numbers = [int(b.uraian.rsplit(" ", 1)[-1]) for b in ext.budget]
    assert numbers == list(range(1, 63))  # every row once: the repeated first row of page 2 is not read twice
    row = next(b for b in ext.budget if b.uraian.endswith(" 41"))
    assert (row.pagu.value, row.realisasi.value, row.persen.value) == (51_000_000, 46_900_000, 91.96)
    assert len(ext.tables) == 2 and not ext.flags  # the unrelated table on page 4 stays apart


def _paragraph(page: int, top: float, n: int) -> list[TextLine]:
    """n lines of one paragraph, 13 points apart (9 points high)."""
    return [TextLine(f"Kalimat penjelasan capaian kinerja yang panjang, baris {k}.", order=order_of(page, top + 13 * k),
                     page=page, bbox=(57.0, top + 13 * k, 700.0, top + 13 * k + 9)) for k in range(n)]


def test_paragraphs_of_a_pdf_page_count_as_the_text_input_counts_lines() -> None:
    """A piece with the header repeated after a few paragraphs (each several PDF lines) still joins."""
    wide = [HEADER, [*_money(1), "", ""]]
    again = _grid([HEADER, [*_money(2), "", ""]], 1, 600, WIDE)
    three = [*_paragraph(1, 200, 5), *_paragraph(1, 290, 4), *_paragraph(1, 360, 1)]  # 10 lines, 3 paragraphs
    assert len(assemble(_doc(_grid(wide, 1, 100, WIDE), again, lines=three))) == 1
    five = [line for k in range(5) for line in _paragraph(1, 200 + 70 * k, 3)]
    assert len(assemble(_doc(_grid(wide, 1, 100, WIDE), again, lines=five))) == 2


def test_heading_cut_by_the_page_break_is_one_row() -> None:
    """A text-only heading row cut by the page break goes on in the same cells of the next piece."""
    second = _grid([_money(3), ["Pemberdayaan Lembaga Kemasyarakatan yang", "", "", "", "", ""]], 2, 60, NARROW)
    third = _grid([["Bergerak di Pemberdayaan Desa dan Lembaga Adat", "", "", "", "", ""], _money(4)], 3, 60, NARROW)
    rows = assemble(_doc(_first_piece(), second, third))[0].rows
    assert [r.text(0) for r in rows] == ["1", "2", "3", "Pemberdayaan Lembaga Kemasyarakatan yang Bergerak di "
                                         "Pemberdayaan Desa dan Lembaga Adat", "4"]


def test_heading_after_a_page_break_under_a_row_with_figures_stays_a_row() -> None:
    second = _grid([["Pengelolaan Data Fakir Miskin", "", "", "", "", ""], _money(3)], 2, 60, NARROW)
    rows = assemble(_doc(_first_piece(), second))[0].rows
    assert [r.text(0) for r in rows] == ["1", "2", "Pengelolaan Data Fakir Miskin", "3"]


def test_a_rows_upper_lines_read_as_a_header_on_the_next_page_are_body_rows() -> None:
    """A piece at the next page's head whose first line is a row's name wrapped above its figures (cells centred
    vertically): no cell of it is a header label, so it is no header, the piece goes on with the table, and the
    line goes with the figures below it (LibreOffice's centred print of held-out i02's Tabel 3.5). A piece whose
    header is labels is another table."""
    head = ["No", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"]
    first = _grid([head, ["1", "Kegiatan Perencanaan", "Persentase dokumen perencanaan", "100,00%", "100,00%",
                          "100,00"]], 1, 100, [50.0, 80, 250, 420, 500, 580])

    def piece(top: list[str]) -> Grid:  # the piece's rows as the reader gave them (its first column holds both)
        return _grid([top, ["2", "", "100,00%", "100,00%", "100,00"], ["Daerah", "keuangan", "", "", ""],
                      ["", "Jumlah Orang yang Menerima Gaji dan", "", "", ""],
                      ["2.1 Penyediaan Gaji dan Tunjangan ASN", "Tunjangan ASN", "84 Orang/bulan", "84 Orang/bulan",
                       "100,00"]], 2, 60, [50.0, 250, 420, 500, 580])

    [table] = assemble(_doc(first, piece(["Kegiatan Administrasi Keuangan Perangkat",
                                          "Persentase pemenuhan administrasi", "", "", ""])))
    second = " ".join(c.text for c in table.rows[1].cells)
    assert "Kegiatan Administrasi Keuangan Perangkat" in second and "100,00%" in second
    assert "2.1 Penyediaan" in " ".join(c.text for c in table.rows[-1].cells)
    assert len(assemble(_doc(first, piece(["No", "Program", "Target", "Realisasi", "Capaian (%)"])))) == 2


def test_a_split_rows_fragments_above_a_headerless_piece_do_not_part_it_from_the_table() -> None:
    """Short lines at the next page's head above a headerless piece (a row the page break split, its rest read as
    text: held-out i03's Tabel 3.5 on the centred print): the piece still goes on with the table. The same lines
    on the page before the piece's, or a paragraph, keep them apart."""
    fragments = [TextLine(t, order=order_of(2, 40 + k), page=2) for k, t in enumerate(
        ["PENANAMAN MODAL investasi yang ditindaklanjuti", "Jumlah dokumen rekomendasi",
         "2.18.02.2.01.0 Fasilitasi Pemberian Insentif", "pemberian insentif 4 Dokumen 4 Dokumen 100,00",
         "1 Penanaman Modal"])]
    piece = _grid([_money(3), _money(4)], 2, 60, NARROW)
    assert len(assemble(_doc(_first_piece(), piece, lines=fragments))) == 1
    on_page_one = [TextLine(t.text, order=order_of(1, 700 + k), page=1) for k, t in enumerate(fragments)]
    assert len(assemble(_doc(_first_piece(), piece, lines=on_page_one))) == 2
