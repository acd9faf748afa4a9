"""A table carried over a page break keeps the columns of its piece on the page before
(``extractors.pdf_page.carried_columns``, ``extractors.pdf_columns.fits_columns``, ``unruled_tables(carried=)``).

A PDF's pages share one layout, so the piece on the next page stands in the same columns. Its own gutters may not
show: a cut amount that fills its cell stands a glyph's width from the next cell's "1", and a numbering column
filled on a group's first row only is empty on the page (holdout4 j03's E.81 on the hrules and no-rules prints).
Pages are laid out with ``tests/page_layout.py``: 5 pt per character, a word space of 2.5 pt.
"""

from __future__ import annotations

from collections.abc import Sequence

from page_layout import Col, layout, rule_above

from extractors.model import Cell, Grid
from extractors.pdf_columns import _Finder, edge_blocks, fits_columns, is_cut_code, pdf_metric, unruled_tables
from extractors.pdf_page import carried_columns
from extractors.pdf_words import CUT, Line, Word
from extractors.settings import DEFAULT

# No | Sub kegiatan | Target Rp (left-aligned, 50 pt wide: ten characters fill it) | TW I K | TW I Rp
COLS = [Col(10), Col(30), Col(150), Col(202), Col(300, "right")]
HEAD = ("No", "Sub kegiatan", "Target Rp", "TW I", "Realisasi")
FIRST_PAGE = [
    HEAD,
    ("1", "Penyusunan dokumen", "3.905.600", "-", "892.808.235"),
    ("", "Koordinasi laporan", "182.664", "2", "5.699.800"),
    ("2", "Administrasi umum", "1.050.000", "-", "848.318.635"),
    ("", "Penyediaan gaji", "9.126.800", "1", "6.956.350"),
]
# the next page: no row number, so no word in the first column
NEXT_PAGE = [
    ("", "Pemeliharaan gedung", "12.750.000", "1", "1.883.050"),
    ("", "Pengadaan buku", "42.600.000", "3", "62.340.000"),
    ("", "Layanan keliling", "64.500.000", "2", "56.593.000"),
]


def texts(rows: Sequence[Sequence[tuple[str, object]]]) -> list[list[str]]:
    return [[text.replace(CUT, " ") for text, _ in row] for row in rows]


def grid_of(lines: list[Line], page: int = 1) -> Grid:
    """The page's one unruled table as the reader's Grid (cells with their boxes)."""
    (table,) = unruled_tables(lines)
    return Grid(rows=[[Cell(t, page=page, bbox=box) for t, box in row] for row in table.rows], order=0.0, page=page)


def test_a_carried_piece_is_cut_on_the_columns_of_the_page_before() -> None:
    before_lines = layout(COLS, FIRST_PAGE)
    spans = carried_columns([grid_of(before_lines)])
    assert len(spans) == len(COLS)
    piece = layout(COLS, NEXT_PAGE)
    last = edge_blocks(before_lines)[1]
    # alone (the page before's rows lend no columns to a piece that starts right of them) it has no first column
    (alone,) = unruled_tables(piece, before=last)
    assert texts(alone.rows) == [list(r[1:]) for r in NEXT_PAGE]
    # cut on the page before's columns, its cells stand in the same columns: the numbering column kept, empty
    (carried,) = unruled_tables(piece, before=last, carried=spans)
    assert texts(carried.rows) == [list(r) for r in NEXT_PAGE]


def test_another_layout_is_not_cut_on_the_columns_before() -> None:
    before_lines = layout(COLS, FIRST_PAGE)
    spans = carried_columns([grid_of(before_lines)])
    rows = [("1", "Rapat koordinasi", "12 Kali"), ("2", "Kunjungan kerja", "4 Kali"),
            ("3", "Bimbingan teknis", "6 Kali")]
    other = layout([Col(10), Col(120), Col(250, "right")], rows)
    # its words fall into the columns' ranges (wide gutters hold anything), but its rows stand on other edges
    assert fits_columns(other, spans, DEFAULT.layout.carried_fit_slack, DEFAULT.layout.carried_span_tol)
    (table,) = unruled_tables(other, before=edge_blocks(before_lines)[1], carried=spans)
    assert texts(table.rows) == [list(r) for r in rows]


def _word(x0: float, x1: float) -> Line:
    return Line((Word("w", x0, 0.0, x1, 10.0),))


def test_fits_columns() -> None:
    cols = [(10.0, 20.0), (30.0, 40.0), (60.0, 90.0)]
    assert fits_columns([_word(30.0, 50.0)], cols, 1.0, 12.0)  # a wider word runs into the gutter: still one column
    assert not fits_columns([_word(35.0, 65.0)], cols, 1.0, 12.0)  # into two columns
    assert fits_columns([_word(19.5, 30.5)], cols, 1.0, 12.0)  # touching two by less than the slack
    assert not fits_columns([_word(95.0, 110.0)], cols, 1.0, 12.0)  # past the last column by more than the reach
    assert not fits_columns([_word(10.0, 12.0)], [(10.0, 35.0), (30.0, 40.0)], 1.0, 12.0)  # overlapping columns


def _cell(text: str, x0: float, x1: float) -> Cell:
    return Cell(text, page=1, bbox=(x0, 0.0, x1, 10.0))


def test_carried_columns_from_rows_of_figures_only() -> None:
    header = [_cell("Realisasi Triwulan I", 10.0, 120.0), Cell(""), _cell("Ket", 130.0, 150.0)]
    rows = [[_cell("3", 10.0, 20.0), _cell("1.000", 60.0, 90.0), _cell("Baik", 130.0, 150.0)],
            [_cell("12", 10.0, 25.0), _cell("20.000", 55.0, 90.0), Cell("")]]
    spans = carried_columns([Grid(rows=[header, *rows], order=0.0, page=1)])
    assert spans == [(10.0, 25.0), (55.0, 90.0), (130.0, 150.0)]  # the spanning label does not stretch column 0


def test_a_column_empty_on_the_page_keeps_its_place_from_the_page_before() -> None:
    rows = [[Cell(""), _cell("1.000", 60.0, 90.0), _cell("5", 130.0, 135.0)]]
    grid = Grid(rows=rows, order=0.0, page=2)
    given = [(10.0, 25.0), (55.0, 90.0), (130.0, 150.0)]
    assert carried_columns([grid], given) == [(10.0, 25.0), (60.0, 90.0), (130.0, 135.0)]
    assert carried_columns([grid]) == []  # its place is not known
    assert carried_columns([grid], [(10.0, 25.0), (95.0, 120.0), (130.0, 150.0)]) == []  # another table's columns


def test_a_rows_wrapped_text_under_the_last_row_still_closes_the_page() -> None:
    table = layout(COLS, FIRST_PAGE)
    wrapped = layout([Col(30)], [("dan perlengkapan",), ("kantor",)], first=len(FIRST_PAGE) + 1)
    assert edge_blocks([*table, *wrapped])[1] == table
    note = layout([Col(10)], [("Sumber: Bidang Perencanaan",)], first=len(FIRST_PAGE) + 1)
    assert edge_blocks([*table, *note])[1] == []  # a note at the table's left edge: the table ends on its page
    number = layout([Col(120)], [("Halaman 12",)], first=len(FIRST_PAGE) + 10)
    assert edge_blocks([*table, *number])[1] == []  # a page number further down


def test_two_ruled_rows_of_a_carried_piece_are_two_rows() -> None:
    """A row centred in its cell prints its name's first line above its number: the rules, not the number, part
    the rows. A piece of two rows has two bands of figures: rows for a piece carried in its table's columns."""
    rows = [("", "Kegiatan administrasi", "", "", ""), ("2", "", "100.000", "-", "1.000.000"),
            ("", "keuangan", "", "", ""), ("", "Penyediaan gaji", "", "", ""), ("3", "", "84.000", "1", "2.000.000"),
            ("", "pegawai", "", "", "")]
    piece = layout(COLS, rows)
    rules = [rule_above(0, 5.0, 310.0), rule_above(3, 5.0, 310.0), rule_above(6, 5.0, 310.0)]
    spans = carried_columns([grid_of(layout(COLS, FIRST_PAGE))])
    finder = _Finder(pdf_metric(), DEFAULT.layout, rules)
    by_rules = texts(finder.table(piece, carried=spans).rows)
    assert [r[:3] for r in by_rules] == [["2", "Kegiatan administrasi keuangan", "100.000"],
                                        ["3", "Penyediaan gaji pegawai", "84.000"]]
    by_numbers = texts(finder.table(piece).rows)
    assert by_numbers != by_rules  # not a carried piece: two bands are too few to be rows (booktabs rules)


def test_cut_codes() -> None:
    assert is_cut_code("2.23.01.2.0", "1.0006")  # cut in the kegiatan's group, the sub kegiatan's group after it
    assert is_cut_code("1.03.02.2.02.", "01")  # cut right after a dot
    assert is_cut_code("1.02.01.2.01.0", "1")
    assert not is_cut_code("1.03.02.2.02.", "1")  # a group of one digit ends no code
    assert not is_cut_code("1.", "05")  # an item's number
    assert not is_cut_code("2.23.01.2.0", "1.5")  # a sub kegiatan's group has two or four digits
