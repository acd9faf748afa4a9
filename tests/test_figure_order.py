"""A headerless layout-text piece laid under its table by the order of its figures (``extractors.figure_order``).

The documents are built as the layout reader gives them for held-out i01's Tabel 3.6 on the horizontal-rules print:
the table's first piece with its K / Rp header, then, on the same page, its later rows cut into a piece of their
own, a K's unit set a column apart from its figure and two empty columns before the figures."""

from __future__ import annotations

from extractors.assemble import assemble
from extractors.figure_order import lay_by_figure_order
from extractors.model import Cell, Document, Grid, Table, TextLine
from pipeline.run import extract_from

CAPTION = "Tabel 3.6 Capaian Kinerja dan Anggaran Program, Kegiatan dan Sub Kegiatan Tahun 2024"
FIRST = [
    ["No Kode Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Target", "", "Realisasi", "", "Capaian (%)"],
    ["", "", "K", "Rp", "K", "Rp", ""],
    ["III. 3.25.03 PROGRAM PENGELOLAAN PERIKANAN BUDIDAYA", "Produksi perikanan budidaya", "5.850,00 Ton",
     "2.028.350.000", "5.612,40 Ton", "1.936.958.950", "95,94"],
    ["1. 3.25.03.2.01 Pemberdayaan Usaha Kecil Pembudidayaan Ikan", "Jumlah pembudidaya ikan yang diberdayakan",
     "840 Orang", "1.341.000.000", "812 Orang", "1.295.088.750", "96,67"],
]
REST = [
    ["1.1", "3.25.03.2.01.0001", "Penyediaan Sarana Usaha Perikanan Budidaya",
     "Jumlah Paket Sarana Usaha Perikanan Budidaya", "", "", "40 Paket", "1.126.400.000", "40 Paket",
     "1.098.236.000", "100,00"],
    ["1.", "3.25.05.2.02", "Pembinaan Mutu Hasil Perikanan", "Jumlah UMKM pengolah hasil perikanan yang dibina",
     "60", "UMKM", "", "238.900.000", "60 UMKM", "226.418.000", "100,00"],
    ["", "", "bagi Usaha Mikro dan Kecil", "", "", "", "", "", "", "", ""],
    ["2.1", "3.25.05.2.03.0001", "Pelaksanaan Kampanye Gemar Makan Ikan", "Jumlah Kegiatan Kampanye Gemar Makan",
     "Ikan", "", "8 Kegiatan", "356.200.000", "8 Kegiatan", "348.761.500", "100,00"],
]


def _grid(rows: list[list[str]], first_line: int, reader: str = "layout") -> Grid:
    cells = [[Cell(t, page=9, line=first_line + k, bbox=(10.0 * j, float(first_line + k), 10.0 * j + 8,
                                                          float(first_line + k + 1)))
              for j, t in enumerate(r)] for k, r in enumerate(rows)]
    return Grid(rows=cells, order=float(first_line), page=9, line=first_line, reader=reader,
                end_order=float(first_line + len(rows) - 1))


def _doc(*grids: Grid) -> Document:
    return Document("lkjip-2024.txt", "ab" * 32, 9, lines=[TextLine(CAPTION, order=9.0, page=9, line=9)],
                    grids=list(grids))


def _texts(table: Table) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in table.rows]


def test_the_piece_is_joined_and_its_figures_go_under_the_value_columns_in_order() -> None:
    tables = assemble(_doc(_grid(FIRST, 10), _grid(REST, 20)))
    assert len(tables) == 1
    rows = _texts(tables[0])
    assert ["1.1 3.25.03.2.01.0001 Penyediaan Sarana Usaha Perikanan Budidaya",
            "Jumlah Paket Sarana Usaha Perikanan Budidaya", "40 Paket", "1.126.400.000", "40 Paket",
            "1.098.236.000", "100,00"] in rows
    # the unit set a column apart joins its figure; the name's wrapped line goes under the name
    assert ["1. 3.25.05.2.02 Pembinaan Mutu Hasil Perikanan", "Jumlah UMKM pengolah hasil perikanan yang dibina",
            "60 UMKM", "238.900.000", "60 UMKM", "226.418.000", "100,00"] in rows
    assert ["bagi Usaha Mikro dan Kecil", "", "", "", "", "", ""] in rows
    # a wrapped word the drift set apart goes on the last text column
    assert rows[-1][1] == "Jumlah Kegiatan Kampanye Gemar Makan Ikan"


def test_the_laid_rows_are_read_as_measurements() -> None:
    ext = extract_from(_doc(_grid(FIRST, 10), _grid(REST, 20)))
    read = {m.indikator: (m.target.value, m.realisasi.value) for m in ext.measurements}
    assert read["Jumlah UMKM pengolah hasil perikanan yang dibina"] == (60.0, 60.0)
    assert read["Jumlah Paket Sarana Usaha Perikanan Budidaya"] == (40.0, 40.0)


def test_a_row_with_one_figure_too_few_leaves_the_piece_alone() -> None:
    """A row whose figures are fewer than the value columns: which one is blank is a guess."""
    short = [r[:] for r in REST]
    short[0][6] = ""
    table_rows = [[Cell(t) for t in r] for r in FIRST[2:]]
    assert lay_by_figure_order(table_rows, 7, [[Cell(t) for t in r] for r in short]) is None


def test_figures_of_the_wrong_kind_in_order_leave_the_piece_alone() -> None:
    """Rupiah where the table has a count: the order does not fit the columns, another table follows."""
    swapped = [r[:] for r in REST]
    for r in swapped:
        r[6], r[7] = r[7], r[6]
    table_rows = [[Cell(t) for t in r] for r in FIRST[2:]]
    assert lay_by_figure_order(table_rows, 7, [[Cell(t) for t in r] for r in swapped]) is None
