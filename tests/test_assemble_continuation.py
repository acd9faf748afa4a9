"""Continuation pieces of a layout-text table (``reader="layout"``) joined over a page break by ``assemble``.

Three rules of :mod:`extractors.assemble` are pinned here through the public ``assemble(doc)``:

1. a continuation that repeats the header with its labels at other column positions keeps its rows under the
   first piece's columns when its rows fill the columns the first piece's rows fill (``_same_fill``); rows that
   follow their own shifted header are still moved under the first header (``remap_columns``);
2. a headerless continuation narrower than the first piece, as wide as the columns the first piece's rows fill,
   goes onto those columns in order (``_onto_filled_columns``);
3. row numbers carry on past a numbering row "1 | 2 | 3 | 4 | 5" at the top of the continuation (``_carries_on``).

Documents are built by hand as the layout reader gives them: every cell has its page and line, the grids'
``order`` and ``end_order`` are line numbers, running text between them is :class:`TextLine` at its line.
"""

from __future__ import annotations

from extractors.assemble import _column_map, _wrapped_text, assemble, split_inner_tables
from extractors.model import Cell, Document, Grid, Table, TextLine
from extractors.pdf_page import order_of
from pipeline.run import extract_from
from schemas.records import BudgetLine

HEADER = ["No", "Program", "Anggaran (Rp)", "Realisasi (Rp)", "%"]
CAPTION = "Tabel 3.1 Realisasi Anggaran per Program Tahun 2024"
FOOTER = "Laporan Kinerja Instansi Pemerintah 2024 - Halaman 12"
PARAGRAPH = ("Dari tabel di atas dapat dilihat bahwa realisasi anggaran pada tahun 2024 telah mencapai target "
             "yang ditetapkan dalam dokumen perencanaan, dengan beberapa catatan yang dijelaskan berikut ini.")


def _money(i: int) -> list[str]:
    """Row i of the budget table: number, program, pagu, realisasi, percent."""
    return [str(i), f"Program Pelayanan Administrasi {i}", f"{i}0.000.000", f"{9 * i}.000.000", "90,00"]


def _grid(rows: list[list[str]], page: int, first_line: int) -> Grid:
    cells = [[Cell(t, page=page, line=first_line + k) for t in r] for k, r in enumerate(rows)]
    last = first_line + len(rows) - 1
    return Grid(rows=cells, order=float(first_line), page=page, line=first_line, reader="layout",
                end_order=float(last))


def _line(text: str, page: int, line: int) -> TextLine:
    return TextLine(text, order=float(line), page=page, line=line)


def _doc(*grids: Grid, between: list[TextLine] | None = None) -> Document:
    """The caption above the first grid (line 8 of page 1) and ``between`` (lines between the pieces)."""
    lines = [_line(CAPTION, 1, 8), *(between or [])]
    return Document("lkjip-2024.txt", "ab" * 32, 2, lines=lines, grids=list(grids))


def _footer() -> list[TextLine]:
    return [_line(FOOTER, 1, 40)]


def _texts(table: Table) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in table.rows]


def _padded(values: list[str], width: int) -> list[str]:
    return values + [""] * (width - len(values))


def _budget(doc: Document) -> dict[str, BudgetLine]:
    """The budget lines the pipeline reads from the document, by the program's number in their uraian."""
    ext = extract_from(doc)
    return {b.uraian.split("Administrasi ")[-1].split()[0]: b for b in ext.budget}


# --- 1. a continuation repeating the header at other column positions ---------------------------------------

SHIFTED_HEADER = ["No", "", "Program", "Anggaran (Rp)", "Realisasi (Rp)", "%"]  # labels at 0, 2, 3, 4, 5


def test_rows_that_fill_the_first_pieces_columns_stay_under_them_when_the_header_is_set_elsewhere() -> None:
    """Both grids 6 wide (the first with a last column its rows and header leave empty): the continuation's
    header labels stand at 0,2,3,4,5, its rows at 0..4 as the first piece's do: pagu stays pagu."""
    first = _grid([_padded(HEADER, 6), *(_padded(_money(i), 6) for i in (1, 2, 3))], 1, 10)
    second = _grid([SHIFTED_HEADER, *(_padded(_money(i), 6) for i in (4, 5, 6))], 2, 45)
    [table] = assemble(_doc(first, second, between=_footer()))
    assert "joined from 2 pieces" in table.notes
    assert table.header[:5] == HEADER
    assert _texts(table) == [_padded(_money(i), 6) for i in range(1, 7)]
    assert table.rows[4].text(2) == "50.000.000" and table.rows[4].text(3) == "45.000.000"


def test_rows_of_the_first_pieces_width_stay_under_its_columns_below_a_wider_shifted_header() -> None:
    """The continuation's header row is 6 cells (labels at 0,2,3,4,5), its rows 5 cells filling 0..4 as the
    5-column first piece's rows do: _same_fill holds, remap_columns is not applied."""
    first = _grid([HEADER, *(_money(i) for i in (1, 2, 3))], 1, 10)
    second = _grid([SHIFTED_HEADER, *(_money(i) for i in (4, 5, 6))], 2, 45)
    [table] = assemble(_doc(first, second, between=_footer()))
    assert [r[:5] for r in _texts(table)] == [_money(i) for i in range(1, 7)]
    assert all(not c for r in _texts(table) for c in r[5:])


def test_padded_rows_of_a_wider_continuation_that_fill_the_first_pieces_columns_stay_under_them() -> None:
    """As the layout reader gives it: the 6-column continuation's rows are padded to 6 cells, its last empty."""
    first = _grid([HEADER, *(_money(i) for i in (1, 2, 3))], 1, 10)
    second = _grid([SHIFTED_HEADER, *(_padded(_money(i), 6) for i in (4, 5, 6))], 2, 45)
    [table] = assemble(_doc(first, second, between=_footer()))
    assert [r[:5] for r in _texts(table)] == [_money(i) for i in range(1, 7)]


def test_rows_that_follow_their_own_shifted_header_are_moved_under_the_first_header() -> None:
    """Control (the older behaviour): rows filling 0,2,3,4,5 under labels at 0,2,3,4,5 go under 0..4."""
    first = _grid([HEADER, *(_money(i) for i in (1, 2, 3))], 1, 10)
    shifted = [[m[0], "", *m[1:]] for m in (_money(i) for i in (4, 5, 6))]
    second = _grid([SHIFTED_HEADER, *shifted], 2, 45)
    [table] = assemble(_doc(first, second, between=_footer()))
    assert "joined from 2 pieces" in table.notes
    assert [r[:5] for r in _texts(table)] == [_money(i) for i in range(1, 7)]
    assert all(not c for r in _texts(table) for c in r[5:])


def test_pagu_and_realisasi_of_a_row_under_a_shifted_header_downstream() -> None:
    first = _grid([_padded(HEADER, 6), *(_padded(_money(i), 6) for i in (1, 2, 3))], 1, 10)
    second = _grid([SHIFTED_HEADER, *(_padded(_money(i), 6) for i in (4, 5, 6))], 2, 45)
    budget = _budget(_doc(first, second, between=_footer()))
    assert sorted(budget) == ["1", "2", "3", "4", "5", "6"]
    row = budget["5"]
    assert (row.pagu.value, row.realisasi.value, row.persen.value) == (50_000_000, 45_000_000, 90.0)
    assert row.page == 2


# --- 2. a narrower headerless continuation onto the columns the first piece's rows fill ---------------------

WRAPPED_HEADER = ["No", "Program", "", "Anggaran (Rp)", "Realisasi (Rp)", "%"]  # column 2: a wrapped name


def _wrapped_first_piece() -> Grid:
    """6 columns; its rows fill 0,1,3,4,5 (column 2 holds only the wrapped end of one row's name)."""
    rows = [[m[0], m[1], "", *m[2:]] for m in (_money(i) for i in (1, 2, 3))]
    rows[0][2] = "Perkantoran"
    return _grid([WRAPPED_HEADER, *rows], 1, 10)


def test_a_narrower_continuation_goes_onto_the_columns_the_first_pieces_rows_fill() -> None:
    second = _grid([_money(4), _money(5)], 2, 45)  # 5 wide = the 5 filled columns of the first piece
    [table] = assemble(_doc(_wrapped_first_piece(), second, between=_footer()))
    assert "joined from 2 pieces" in table.notes
    texts = _texts(table)
    assert [r[0] for r in texts] == ["1", "2", "3", "4", "5"]
    assert texts[3] == ["4", "Program Pelayanan Administrasi 4", "", "40.000.000", "36.000.000", "90,00"]
    assert texts[4] == ["5", "Program Pelayanan Administrasi 5", "", "50.000.000", "45.000.000", "90,00"]
    assert all(r.page == 2 and r.line is not None for r in table.rows[3:])  # provenance kept on the moved cells


def test_a_continuation_as_wide_as_the_first_piece_is_untouched() -> None:
    """Control: 6 wide like the first piece: its cells stay where they are printed."""
    own = [["4", "Program Pelayanan Administrasi 4", "Lanjutan", "40.000.000", "36.000.000", "90,00"],
           ["5", "Program Pelayanan Administrasi 5", "", "50.000.000", "45.000.000", "90,00"]]
    [table] = assemble(_doc(_wrapped_first_piece(), _grid(own, 2, 45), between=_footer()))
    assert "joined from 2 pieces" in table.notes
    assert _texts(table)[3:] == own


def test_a_narrower_continuation_of_another_width_than_the_filled_columns_is_untouched() -> None:
    """Control: 4 wide against 5 filled columns of a 5-wide first piece: nothing to map it onto."""
    first = _grid([HEADER, *(_money(i) for i in (1, 2, 3))], 1, 10)
    own = [["4", "Program Pelayanan Administrasi 4", "40.000.000", "36.000.000"]]
    [table] = assemble(_doc(first, _grid(own, 2, 45), between=_footer()))
    assert _texts(table)[3] == [*own[0], ""]


def test_pagu_and_realisasi_of_a_row_moved_onto_the_filled_columns_downstream() -> None:
    second = _grid([_money(4), _money(5)], 2, 45)
    budget = _budget(_doc(_wrapped_first_piece(), second, between=_footer()))
    assert sorted(budget) == ["1", "2", "3", "4", "5"]
    row = budget["4"]
    assert (row.pagu.value, row.realisasi.value, row.persen.value) == (40_000_000, 36_000_000, 90.0)


# --- 3. row numbers carry on past a numbering row ----------------------------------------------------------

WIDE_HEADER = [*HEADER, "Keterangan", "Paraf"]  # 7 columns: 2 more than the continuation, so not "compatible"
NUMBERING = ["1", "2", "3", "4", "5"]


def _numbered_first_piece() -> Grid:
    """Rows 1..4 on page 1, 7 columns; its rows fill 0..4."""
    return _grid([WIDE_HEADER, *(_padded(_money(i), 7) for i in (1, 2, 3, 4))], 1, 10)


def test_a_continuation_opening_with_a_numbering_row_whose_rows_carry_on_is_joined() -> None:
    second = _grid([NUMBERING, _money(5), _money(6)], 2, 45)
    [table] = assemble(_doc(_numbered_first_piece(), second, between=_footer()))
    assert "joined from 2 pieces" in table.notes
    assert [r.text(0) for r in table.rows] == ["1", "2", "3", "4", "5", "6"]  # the numbering row is dropped
    assert _texts(table)[4] == _padded(_money(5), 7)


def test_a_continuation_opening_with_a_numbering_row_and_no_header_is_joined_with_no_gap_at_all() -> None:
    second = _grid([NUMBERING, _money(5)], 2, 45)
    [table] = assemble(_doc(_numbered_first_piece(), second))
    assert [r.text(0) for r in table.rows] == ["1", "2", "3", "4", "5"]


def test_a_continuation_whose_numbers_start_again_is_not_joined() -> None:
    """Control with the same running footer between: "1" after "4" does not carry on."""
    second = _grid([NUMBERING, _money(1), _money(2)], 2, 45)
    tables = assemble(_doc(_numbered_first_piece(), second, between=_footer()))
    assert len(tables) == 2
    assert [r.text(0) for r in tables[0].rows] == ["1", "2", "3", "4"]
    assert [r.text(0) for r in tables[1].rows] == ["1", "2"]


def test_a_continuation_whose_numbers_start_again_after_a_paragraph_is_not_joined() -> None:
    second = _grid([NUMBERING, _money(1), _money(2)], 2, 45)
    tables = assemble(_doc(_numbered_first_piece(), second, between=[_line(PARAGRAPH, 1, 30)]))
    assert len(tables) == 2 and [r.text(0) for r in tables[1].rows] == ["1", "2"]


def test_a_paragraph_between_keeps_pieces_apart_even_when_numbers_carry_on() -> None:
    """_carries_on is only asked when the gap is noise: a paragraph (over 120 characters) is not."""
    second = _grid([NUMBERING, _money(5)], 2, 45)
    assert len(assemble(_doc(_numbered_first_piece(), second, between=[_line(PARAGRAPH, 1, 30)]))) == 2


def test_pagu_and_realisasi_of_a_row_after_the_numbering_row_downstream() -> None:
    second = _grid([NUMBERING, _money(5), _money(6)], 2, 45)
    budget = _budget(_doc(_numbered_first_piece(), second, between=_footer()))
    assert sorted(budget) == ["1", "2", "3", "4", "5", "6"]
    row = budget["6"]
    assert (row.pagu.value, row.realisasi.value, row.persen.value) == (60_000_000, 54_000_000, 90.0)
    assert row.page == 2


# --- 4. a continuation whose numbering column is empty on its page, set under the first from the right --------

KODE_HEADER = ["No", "Kode", "Program", "Anggaran (Rp)", "Realisasi (Rp)", "%"]


def _coded(i: int, numbered: bool) -> list[str]:
    return [str(i) if numbered else "", f"1.02.0{i}", f"Program Pelayanan Administrasi {i}", f"{i}0.000.000",
            f"{9 * i}.000.000", "90,00"]


def test_a_continuation_without_its_numbering_column_goes_under_the_first_from_the_right() -> None:
    """Six columns on page 1, whose "No" most rows leave empty (only programs are numbered); the next page has
    no numbered and no coded row, so its grid is four columns wide (two fewer: not "compatible") and has no row
    number to carry on. Its columns agree in kind with the first piece's last four (words, then figures): it
    goes under them, not under "No" and "Kode"."""
    first = _grid([KODE_HEADER, _coded(1, True), _coded(2, False), _coded(3, False)], 1, 10)
    second = _grid([_coded(4, False)[2:], _coded(5, False)[2:]], 2, 45)
    [table] = assemble(_doc(first, second, between=_footer()))
    assert _texts(table)[-2:] == [["", "", *_coded(4, False)[2:]], ["", "", *_coded(5, False)[2:]]]


def test_a_continuation_whose_columns_differ_in_kind_is_not_set_from_the_right() -> None:
    """Control: the same widths, but the next page's table has words where the first has figures: not joined."""
    first = _grid([KODE_HEADER, _coded(1, True), _coded(2, False), _coded(3, False)], 1, 10)
    other = _grid([["Program A", "baik", "lengkap", "ya"], ["Program B", "cukup", "kurang", "tidak"]], 2, 45)
    assert len(assemble(_doc(first, other, between=_footer()))) == 2


# --- 4. a column made of one row's wrapped name ---------------------------------------------------------------

def test_a_column_made_of_one_rows_wrapped_name_is_given_back_to_the_name() -> None:
    """The first indicator's name printed over two columns ("Persentase Koperasi" | "Aktif", h03's Tabel 3.2 on
    its LibreOffice print): an unlabelled column that only that row fills with words, while the other rows stop
    one column short of the header's last column. The column goes; the words join the name; every row stands
    under its label. A labelled column, or rows that do fill the last column, are left as they are."""
    header = ["No", "Indikator Kinerja", "", "Target", "Realisasi", "Capaian", "Kategori"]
    rows = [["1", "Persentase Koperasi", "Aktif", "72,50%", "74,18%", "102,32%", "Sangat Tinggi"],
            ["2", "Persentase Koperasi Sehat", "35,00%", "33,26%", "98,03%", "Sangat Tinggi", ""],
            ["3", "Jumlah UMKM Naik Kelas", "450 Unit", "486 Unit", "108,00%", "Sangat Tinggi", ""],
            ["4", "Nilai SAKIP Perangkat Daerah", "72,00 (BB)", "73,40 (BB)", "101,94%", "Sangat Tinggi", ""]]
    [table] = assemble(_doc(_grid([header, *rows], 1, 10)))
    assert table.header == ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "Kategori"]
    assert "column 3 (no label) held one row's wrapped name: joined to column 2" in table.notes
    assert [r[1:4] for r in _texts(table)] == [["Persentase Koperasi Aktif", "72,50%", "74,18%"],
                                               ["Persentase Koperasi Sehat", "35,00%", "33,26%"],
                                               ["Jumlah UMKM Naik Kelas", "450 Unit", "486 Unit"],
                                               ["Nilai SAKIP Perangkat Daerah", "72,00 (BB)", "73,40 (BB)"]]
    labelled = [header[:2] + ["Satuan"] + header[3:], *rows]
    [table] = assemble(_doc(_grid(labelled, 1, 10)))
    assert len(table.header) == 7 and table.header[2] == "Satuan"
    full = [header, rows[0], *(r[:6] + ["Baik"] for r in rows[1:])]
    [table] = assemble(_doc(_grid(full, 1, 10)))
    assert len(table.header) == 7


# --- 4. a repeated header the column finder left out of the grid ----------------------------------------------

def test_lines_repeating_the_header_between_two_pieces_do_not_cut_the_table() -> None:
    """pdftotext -layout sets the header repeated at the next page's head wider than the figures under it; the
    column finder leaves it out, and its lines stand between the pieces as text (h07's Tabel 3.6 on the hrules
    print as layout text). Lines of header words only are no text between two pieces of one table."""
    first = _grid([HEADER, _money(1), _money(2)], page=1, first_line=10)
    second = _grid([_money(3), _money(4)], page=2, first_line=46)
    between = [_line(FOOTER, 1, 40), _line("III-14", 1, 41),
               _line("No    Program      Anggaran", 2, 43), _line("(Rp)     Realisasi (Rp)", 2, 44), _line("%", 2, 45)]
    (table,) = assemble(_doc(first, second, between=between))
    assert "joined from 2 pieces" in table.notes
    assert [r[0] for r in _texts(table)] == ["1", "2", "3", "4"]


def test_a_line_with_other_words_than_the_headers_still_parts_two_tables() -> None:
    first = _grid([HEADER, _money(1), _money(2)], page=1, first_line=10)
    second = _grid([_money(3), _money(4)], page=2, first_line=47)
    between = [_line(FOOTER, 1, 40), _line("III-14", 1, 41),
               _line("No    Program      Anggaran", 2, 43), _line("(Rp)     Realisasi (Rp)", 2, 44),
               _line("Realisasi anggaran per kegiatan di bawah ini", 2, 45), _line("menurut sumber dananya:", 2, 46)]
    assert len(assemble(_doc(first, second, between=between))) == 2


def test_a_sentence_introducing_a_table_cuts_an_unruled_pdf_grid_in_two() -> None:
    """The Perjanjian Kinerja's indicator table, its lead-in sentence and its program table read as one unruled
    grid (h04 and d12 on the PDFs): cut before the sentence, the sentence left out, each table with its header."""
    def row(*texts: str, top: float) -> list[Cell]:
        return [Cell(t, 4, None, (10.0 * j, top, 10.0 * j + 8, top + 8)) for j, t in enumerate(texts)]

    rows = [row("No", "Sasaran", "Indikator", "Target", top=100), row("4", "Meningkatnya akuntabilitas",
                                                                        "Nilai SAKIP", "B (65)", top=112),
            row("Program dan", "anggaran untuk mencapai sasaran tersebut:", "", "", top=130),
            row("No", "Program", "Anggaran", "Keterangan", top=148),
            row("1.", "Program Penunjang Urusan", "Rp 24.130.335.000,-", "APBD", top=160),
            row("2.", "Program Peningkatan Ketenteraman", "Rp 7.721.650.000,-", "APBD", top=172)]
    grid = Grid(rows=rows, order=400100.0, page=4, reader="pdfium", end_order=400180.0)
    first, second = split_inner_tables(grid)
    assert [r[0].text for r in first.rows] == ["No", "4"]
    assert [r[1].text for r in second.rows] == ["Program", "Program Penunjang Urusan",
                                                "Program Peningkatan Ketenteraman"]
    assert first.end_order is not None and first.end_order < second.order == 400148.0
    # a ruled grid's cells are its own: never cut so
    assert len(split_inner_tables(Grid(rows=rows, order=400100.0, page=4, reader="pdfplumber", ruled=True))) == 1


def _placed(spans: list[tuple[float, float]], rows: list[list[str]], page: int) -> Grid:
    cells = [[Cell(t, page=page, bbox=(a, 100.0 + 12 * i, b, 109.0 + 12 * i)) for t, (a, b) in zip(row, spans,
                                                                                                 strict=True)]
             for i, row in enumerate(rows)]
    return Grid(rows=cells, order=order_of(page, 100.0), page=page, reader="pdfium")


def test_a_continuation_column_over_two_sparse_columns_goes_under_the_one_it_covers_most() -> None:
    """A piece whose few rows fill "No" and "Sasaran" once, as one run of words ("2 Meningkatnya ..."), reads
    them as one column over both (the hrules print of d03's E.81 on its second page): the places on the page still
    lay it, that column under the one it covers most, the others one to one."""
    spans = [(10.0, 20.0), (30.0, 100.0), (110.0, 150.0), (160.0, 200.0), (210.0, 250.0)]
    first = _placed(spans, [["1", "Meningkatnya jalan", "1.03.10", "90,00 %", "268.500.000"],
                            ["", "", "1.03.10.2.01", "100,00 %", "61.650.000"]], 13)
    piece = _placed([(10.0, 95.0), *spans[2:]], [["2 Meningkatnya air", "1.03.02", "80,00 %", "112.000.000"],
                                                 ["", "1.03.02.2.01", "100,00 %", "27.000.000"]], 14)
    assert _column_map(first, piece) == {0: 1, 1: 2, 2: 3, 3: 4}
    elsewhere = _placed([(300.0, 340.0), *spans[2:]], [["x", "1.03.02", "80,00 %", "112.000.000"]], 14)
    assert _column_map(first, elsewhere) is None
    # over two columns that every row fills (a name and its target): which one it is, is a guess
    dense = _placed(spans, [["1", "Jumlah desa", "1.03.10", "10 Desa", "268.500.000"],
                            ["2", "Jumlah dokumen", "1.03.10.2.01", "1 Dokumen", "61.650.000"]], 13)
    assert _column_map(dense, piece) is None


def test_a_forms_wrapped_text_between_two_pieces_does_not_part_them() -> None:
    """Lines of words left between two pieces of a wide form (its last row's cells wrapped past a page's foot,
    holdout4 j03's E.81 as layout text) let them join; a source note, a caption or a line of figures do not."""
    def lines(*texts: str) -> list[TextLine]:
        return [TextLine(t, order=float(k), page=1) for k, t in enumerate(texts)]

    assert _wrapped_text(lines("Air dan Listrik Jasa", "Komunikasi,", "Sumber Daya", "Disediakan"), 15)
    assert not _wrapped_text(lines("Kantor", "Sumber: Bidang Perencanaan"), 15)
    assert not _wrapped_text(lines("Tabel 3.5 Realisasi Anggaran"), 15)
    assert not _wrapped_text(lines("Kantor", "12.500.000 11.900.000 95,20"), 15)
    assert not _wrapped_text(lines(*["kata"] * 16), 15)
