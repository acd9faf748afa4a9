"""A headerless piece laid under the table it follows by its columns' types and places (``aligned_columns``).

pdftotext -layout sets every page on its own character grid, and the layout reader cuts a table where its rows
change their layout, so a table's later piece often has another column count than its first piece: the first
piece's header merges two columns ("No Sasaran", "Capaian (%) Predikat") that the piece keeps apart, or the
piece leaves out a column. Such a piece is joined when its columns go, in order, onto the table's by their types
(code, text, money, percent ...) clearly; else it is left alone (a wrong join puts figures under wrong roles).

Documents are built by hand as the layout reader gives them (dev-set d01 and holdout h03 printed by LibreOffice
and read back from ``pdftotext -layout``): cells with their page, line and box in character positions.
"""

from __future__ import annotations

from extractors.assemble import aligned_columns, assemble
from extractors.model import Cell, Document, Grid, Table, TextLine
from pipeline.run import extract_from

CAPTION = "Tabel 3.2 Pengukuran Kinerja Sasaran Strategis Tahun 2023"
FIRST = [
    ["No Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%) Predikat"],
    ["1 Meningkatnya derajat kesehatan masyarakat", "Angka Kematian Ibu", "per 100.000 KH", "150", "138",
     "108,70 Sangat Baik"],
]
FIRST_AT = [(0, 125), (175, 265), (385, 440), (450, 480), (495, 540), (560, 680)]
# the rest of the table as the next page prints it: the item number and the sasaran, capaian and predikat apart
REST = [
    ["", "", "Angka Kematian Bayi", "per 1.000 KH", "12", "13,4", "111,67", "Sangat Baik"],
    ["", "", "Prevalensi Stunting pada Balita", "Persen", "24,50", "22,10", "109,80", "Sangat Baik"],
    ["", "", "Usia Harapan Hidup", "Tahun", "67,45", "67,61", "100,24", "Sangat Baik"],
    ["2", "Meningkatnya akses dan mutu pelayanan", "Persentase Penduduk yang Memiliki Jaminan Kesehatan",
     "Persen", "95,00", "97,12", "102,23", "Sangat Baik"],
    ["", "", "Jumlah Puskesmas Terakreditasi", "Puskesmas", "35", "35", "100,00", "Sangat Baik"],
]
REST_AT = [(0, 5), (20, 150), (170, 325), (385, 410), (450, 475), (495, 520), (560, 590), (625, 680)]


def _grid(rows: list[list[str]], page: int, first_line: int, at: list[tuple[int, int]] | None,
          reader: str = "layout") -> Grid:
    cells = [[Cell(t, page=page, line=first_line + k,
                   bbox=(float(at[j][0]), float(first_line + k), float(at[j][1]), float(first_line + k + 1))
                   if at else None)
              for j, t in enumerate(r)] for k, r in enumerate(rows)]
    return Grid(rows=cells, order=float(first_line), page=page, line=first_line, reader=reader,
                end_order=float(first_line + len(rows) - 1))


def _doc(*grids: Grid) -> Document:
    lines = [TextLine(CAPTION, order=8.0, page=1, line=8)]
    return Document("lkjip-2023.txt", "cd" * 32, 2, lines=lines, grids=list(grids))


def _texts(table: Table) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in table.rows]


def test_a_wider_piece_on_the_next_page_goes_under_the_first_pieces_merged_columns() -> None:
    tables = assemble(_doc(_grid(FIRST, 1, 10, FIRST_AT), _grid(REST, 2, 40, REST_AT)))
    assert len(tables) == 1
    rows = _texts(tables[0])
    assert ["2 Meningkatnya akses dan mutu pelayanan", "Persentase Penduduk yang Memiliki Jaminan Kesehatan",
            "Persen", "95,00", "97,12", "102,23 Sangat Baik"] in rows
    assert ["", "Angka Kematian Bayi", "per 1.000 KH", "12", "13,4", "111,67 Sangat Baik"] in rows
    assert "joined from 2 pieces" in tables[0].notes


def test_the_pieces_rows_are_read_as_measurements_downstream() -> None:
    ext = extract_from(_doc(_grid(FIRST, 1, 10, FIRST_AT), _grid(REST, 2, 40, REST_AT)))
    read = {m.indikator: (m.target, m.realisasi) for m in ext.measurements}
    figures = {k: (t.value, r.value) for k, (t, r) in read.items()}
    assert figures["Persentase Penduduk yang Memiliki Jaminan Kesehatan"] == (95.0, 97.12)
    assert figures["Usia Harapan Hidup"] == (67.45, 67.61)


def test_a_piece_right_under_the_table_on_the_same_page_is_joined_too() -> None:
    tables = assemble(_doc(_grid(FIRST, 1, 10, FIRST_AT), _grid(REST, 1, 13, REST_AT)))
    assert len(tables) == 1 and len(tables[0].rows) > 1


def test_a_converted_texts_tab_grids_are_not_laid_by_type() -> None:
    tables = assemble(_doc(_grid(FIRST, 1, 10, None, reader="text"), _grid(REST, 1, 13, None, reader="text")))
    assert len(tables) == 2


BUDGET = [
    ["No", "Kode", "Program/Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "Sisa (Rp)", "%"],
    ["1", "1.02.01", "PROGRAM PENUNJANG URUSAN", "171.150.000.000", "163.178.470.056", "7.971.529.944", "95,34"],
    ["", "1.02.01.2.01", "Perencanaan dan Evaluasi", "175.000.000", "169.365.400", "5.634.600", "96,78"],
]


def test_a_piece_whose_figures_stand_where_the_table_has_words_is_left_alone() -> None:
    other = [["1.02.01", "Program Penunjang", "1.000.000.000", "95,00"],
             ["1.02.02", "Program Pemenuhan", "2.000.000.000", "95,00"]]
    tables = assemble(_doc(_grid(FIRST, 1, 10, FIRST_AT), _grid(other, 1, 13, None)))
    assert len(tables) == 2


def test_a_piece_that_could_go_under_either_of_two_like_columns_is_left_alone() -> None:
    # no places to tell which of pagu, realisasi and sisa the piece's two amounts are: not clear, not joined
    piece = [["1.02.01.2.02", "Administrasi Keuangan", "52.380.000.000", "51.347.892.640", "98,03"],
             ["1.02.01.2.10", "Peningkatan Pelayanan", "118.595.000.000", "111.661.212.016", "94,15"]]
    tables = assemble(_doc(_grid(BUDGET, 1, 10, None), _grid(piece, 1, 13, None)))
    assert len(tables) == 2


def test_a_column_holding_two_figures_a_cell_does_not_go_under_a_column_of_one() -> None:
    # realisasi and % read as one column ("1.083.560.000 94,22"): not a column of the table, the piece left alone
    at = [(0, 10), (20, 60), (70, 250), (270, 340), (350, 420), (430, 500), (510, 540)]
    piece = [["1.02.03.2.02", "Pengembangan Mutu", "1.150.000.000", "1.083.560.000 94,22"],
             ["1.02.03.2.03", "Peningkatan Kompetensi", "2.150.000.000", "2.083.560.000 96,91"]]
    tables = assemble(_doc(_grid(BUDGET, 1, 10, at), _grid(piece, 1, 13, [(20, 60), (70, 250), (270, 340),
                                                                          (350, 540)])))
    assert len(tables) == 2


def test_the_laying_puts_each_column_under_its_own_kind() -> None:
    from extractors.assemble import _Piece
    from extractors.header import split_header

    first = _grid(BUDGET, 1, 10, [(0, 10), (20, 60), (70, 250), (270, 340), (350, 420), (430, 500), (510, 540)])
    header, body = split_header([list(r) for r in first.rows])
    # the piece leaves out the sisa column; its places tell pagu and realisasi apart
    piece = _grid([["1.02.01.2.02", "Administrasi Keuangan", "52.380.000.000", "51.347.892.640", "98,03"],
                   ["1.02.01.2.10", "Peningkatan Pelayanan", "118.595.000.000", "111.661.212.016", "94,15"]],
                  2, 40, [(20, 60), (70, 250), (270, 340), (350, 420), (510, 540)])
    laid = aligned_columns([_Piece(first, header, body)], piece, [list(r) for r in piece.rows])
    assert laid == {0: 1, 1: 2, 2: 3, 3: 4, 4: 6}


def test_a_piece_one_column_wider_after_a_page_footer_is_laid_by_its_types_not_its_places() -> None:
    """A piece with one column more than the table (the item number apart from the sasaran) right after a page
    footer joins the table as before; its columns go under the table's by their types, which hold on another
    page's character grid where the columns' places moved (here by a fifth of the table's width)."""
    rest = [r[:6] + [f"{r[6]} {r[7]}"] for r in REST]
    moved = [(a - 90 if a >= 170 else a, b - 90 if b >= 170 else b) for a, b in REST_AT[:6]] + [(480, 590)]
    doc = _doc(_grid(FIRST, 1, 10, FIRST_AT), _grid(rest, 2, 40, moved))
    doc.lines.append(TextLine("Laporan Kinerja Dinas Kesehatan Tahun 2023", order=30.0, page=1, line=30))
    tables = assemble(doc)
    assert len(tables) == 1
    rows = _texts(tables[0])
    assert ["2 Meningkatnya akses dan mutu pelayanan", "Persentase Penduduk yang Memiliki Jaminan Kesehatan",
            "Persen", "95,00", "97,12", "102,23 Sangat Baik"] in rows
    assert ["", "Usia Harapan Hidup", "Tahun", "67,45", "67,61", "100,24 Sangat Baik"] in rows


# an evaluation form's K / Rp pairs (Permendagri 86/2017, E.81) as pdftotext -layout sets them: the first piece's
# only row prints its target K left of its column (under "Kinerja"), so the table's K columns are empty so far;
# the next piece, cut where the rows change their layout (holdout h04 as layout text), has its K and Rp figures
# apart, its first figure standing where the first piece printed its target
E81_FIRST = [
    ["No", "Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Kinerja", "Target Renja Tahun 2023", "",
     "Realisasi Kinerja dan Anggaran", "", "Tingkat Capaian (%)", ""],
    ["", "", "", "", "", "K", "Rp", "K", "Rp", "K", "Rp"],
    ["1", "1.05.02", "PROGRAM PENINGKATAN KETENTERAMAN", "Persentase gangguan trantibum yang diselesaikan",
     "90,00 %", "", "7.631.650.000", "92,31 %", "7.368.658.000", "102,57", "96,55"],
]
E81_FIRST_AT = [(0, 10), (20, 55), (65, 160), (170, 230), (240, 275), (330, 345), (380, 440), (470, 485),
                (520, 580), (610, 640), (660, 690)]
E81_REST = [
    ["1.05.02.2.01.01 Deteksi Dini dan Pencegahan", "Jumlah Laporan Hasil Deteksi Dini", "12 Laporan",
     "1.065.700.000", "12 Laporan", "1.021.984.500", "100,00", "95,90"],
    ["1.05.02.2.01.02 Pelaksanaan Patroli", "Jumlah Patroli Trantibum", "1.460 Kali", "2.318.400.000",
     "1.512 Kali", "2.247.092.100", "103,56", "96,92"],
    ["1.05.02.2.01.03 Pengamanan dan Pengawalan", "Jumlah Kegiatan yang Diamankan", "180 Kegiatan",
     "684.250.000", "196 Kegiatan", "661.310.000", "108,89", "96,65"],
]
E81_REST_AT = [(10, 120), (170, 235), (240, 290), (300, 360), (460, 500), (510, 570), (605, 635), (655, 685)]


def test_a_piece_goes_under_the_k_and_rp_columns_its_header_labels_though_the_table_left_them_empty() -> None:
    tables = assemble(_doc(_grid(E81_FIRST, 1, 10, E81_FIRST_AT), _grid(E81_REST, 2, 40, E81_REST_AT)))
    assert len(tables) == 1
    rows = _texts(tables[0])
    assert ["", "", "1.05.02.2.01.02 Pelaksanaan Patroli", "Jumlah Patroli Trantibum", "", "1.460 Kali",
            "2.318.400.000", "1.512 Kali", "2.247.092.100", "103,56", "96,92"] in rows


def test_a_piece_repeating_the_header_over_other_columns_is_laid_by_its_columns_types() -> None:
    """Page two of the form repeats the header, set on its own character grid with other columns: no label ties
    them to the first piece's, so its columns go under the table's by their types and labels (holdout h04 and
    h01 as layout text), not by their places."""
    own_header = [["No Kode Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Target Renja Tahun 2023", "",
                   "Realisasi Kinerja dan Anggaran", "", "Tingkat Capaian (%)", ""],
                  ["", "", "K", "Rp", "K", "Rp", "K", "Rp"]]
    page_two = _grid(own_header + E81_REST, 2, 40, E81_REST_AT)
    tables = assemble(_doc(_grid(E81_FIRST, 1, 10, E81_FIRST_AT), page_two))
    assert len(tables) == 1
    assert ["", "", "1.05.02.2.01.02 Pelaksanaan Patroli", "Jumlah Patroli Trantibum", "", "1.460 Kali",
            "2.318.400.000", "1.512 Kali", "2.247.092.100", "103,56", "96,92"] in _texts(tables[0])
