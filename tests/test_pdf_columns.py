"""The unruled-table column finder (``extractors.pdf_columns``) on synthetic pages: narrow gutters told by
alignment, header rows split at rules, a numbering row closing the header; and a numbering row read into its
labels split back (``extractors.header.unglue_numbering``).

Pages are laid out like the tables they stand for: 10 pt high lines 12 pt apart, 5 pt per character and a word
space of 2.5 pt (a quarter em). A column is placed by its left edge, its right edge (right-aligned figures) or
its centre; every test table is written row by row.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pytest
from page_layout import Col, Rule, layout
from page_layout import rule_above as page_rule_above

from extractors.header import split_header, unglue_numbering
from extractors.model import Cell
from extractors.pdf_columns import unruled_tables
from extractors.pdf_words import CUT, Line
from extractors.settings import DEFAULT, LayoutSettings

WIDTH = 400.0  # rules run across the whole table


# the same finder without the narrow-gutter rules (by alignment, by the header's labels): a control showing that
# a gutter is narrower than the ordinary gap threshold (min_gap), so only those rules can find it
NO_NARROW = dataclasses.replace(DEFAULT.layout, narrow_min_lines=10_000, header_label_split=False)


def rule_above(line: int) -> Rule:
    """A horizontal rule across the whole table in the 2 pt gap above a line."""
    return page_rule_above(line, 5.0, WIDTH)


def read(lines: Sequence[Line], rules: Sequence[Rule] = (), settings: LayoutSettings = DEFAULT.layout
         ) -> list[list[str]]:
    """The cells' texts of the one table found (a possible cut mark reads as the space it stands for)."""
    tables = unruled_tables(lines, settings=settings, rules=rules)
    assert len(tables) == 1
    return [[text.replace(CUT, " ") for text, _ in row] for row in tables[0].rows]


def texts(rows: Sequence[Sequence[Cell]]) -> list[list[str]]:
    return [[c.text for c in row] for row in rows]


# --- narrow gutters ---------------------------------------------------------------------------------------

# No | Indikator | Target | Realisasi | Capaian: "100,00" (30 pt) in the target column ends at 230, the
# realisasi column starts at 232; "Realisasi" (45 pt) ends at 277, the capaian column starts at 279
TIGHT = [Col(10), Col(40), Col(200), Col(232), Col(279)]


def test_a_gutter_narrower_than_a_word_space_is_found_by_left_alignment() -> None:
    lines = layout(TIGHT, [
        ("No", "Indikator", "Target", "Realisasi", "Capaian"),
        ("1", "Persentase pelayanan", "100,00", "95,50", "95,50"),
        ("2", "Persentase lembaga", "100,00", "100,00", "100,00"),
        ("3", "Persentase NIK", "90,00", "88,25", "98,06"),
        ("4", "Jumlah dokumen", "12,00", "12,00", "100,00"),
        ("5", "Indeks kepuasan", "80,00", "82,10", "102,63"),
        ("6", "Cakupan layanan", "75,00", "80,00", "106,67"),
    ])
    assert read(lines) == [
        ["No", "Indikator", "Target", "Realisasi", "Capaian"],
        ["1", "Persentase pelayanan", "100,00", "95,50", "95,50"],
        ["2", "Persentase lembaga", "100,00", "100,00", "100,00"],
        ["3", "Persentase NIK", "90,00", "88,25", "98,06"],
        ["4", "Jumlah dokumen", "12,00", "12,00", "100,00"],
        ["5", "Indeks kepuasan", "80,00", "82,10", "102,63"],
        ["6", "Cakupan layanan", "75,00", "80,00", "106,67"],
    ]
    # control: by gap width alone the target and realisasi columns are one (the gutter after realisasi is
    # narrow only in the header)
    assert read(lines, settings=NO_NARROW)[2] == ["2", "Persentase lembaga", "100,00 100,00", "100,00"]


# Pagu and Realisasi right-aligned at 250 and 302: the widest realisasi (50 pt) starts 2 pt after the pagu
# column's edge, the narrower ones 7 pt; every row's gap is below min_gap
MONEY = [
    ("1", "Rapat koordinasi", "12.500.000", "12.500.000"),
    ("2", "Pelatihan kader", "9.750.000", "9.000.000"),
    ("3", "Penyusunan laporan", "11.200.000", "10.150.000"),
    ("4", "Bantuan sosial", "8.400.000", "8.400.000"),
    ("5", "Sosialisasi program", "10.050.000", "9.950.000"),
]


def test_a_narrow_gutter_after_right_aligned_figures_is_found_by_their_ends() -> None:
    """The realisasi figures start at 252 or 257 (not aligned): only the pagu figures' ends at 250 align."""
    lines = layout([Col(10), Col(40), Col(250, "right"), Col(302, "right")], [
        ("No", "Uraian", "Pagu", "Realisasi"),
        *MONEY,
    ])
    assert read(lines) == [["No", "Uraian", "Pagu", "Realisasi"], *[list(r) for r in MONEY]]
    assert read(lines, settings=NO_NARROW)[1][2] == "12.500.000 12.500.000"  # control


def test_right_aligned_figures_before_a_left_aligned_column_at_a_narrow_gap_split() -> None:
    lines = layout([Col(10), Col(40), Col(250, "right"), Col(252)], [
        ("No", "Uraian", "Realisasi", "Satuan"),
        ("1", "Rapat koordinasi", "1.250", "Orang"),
        ("2", "Pelatihan kader", "45", "Orang"),
        ("3", "Penyusunan laporan", "12", "Dokumen"),
        ("4", "Bantuan sosial", "3.400.000", "Rupiah"),
        ("5", "Sosialisasi", "150", "Kali"),
    ])
    assert [row[2:] for row in read(lines)] == [
        ["Realisasi", "Satuan"], ["1.250", "Orang"], ["45", "Orang"], ["12", "Dokumen"], ["3.400.000", "Rupiah"],
        ["150", "Kali"],
    ]


def test_a_narrow_gutter_after_a_target_repeated_in_every_row_is_found() -> None:
    lines = layout(TIGHT, [
        ("No", "Indikator", "Target", "Realisasi", "Capaian"),
        ("1", "Persentase pelayanan", "100,00", "95,50", "95,50"),
        ("2", "Persentase lembaga", "100,00", "100,00", "100,00"),
        ("3", "Persentase NIK", "100,00", "88,25", "88,25"),
        ("4", "Jumlah dokumen", "100,00", "12,00", "12,00"),
        ("5", "Indeks kepuasan", "100,00", "82,10", "82,10"),
    ])
    assert [row[2:4] for row in read(lines)] == [
        ["Target", "Realisasi"], ["100,00", "95,50"], ["100,00", "100,00"], ["100,00", "88,25"],
        ["100,00", "12,00"], ["100,00", "82,10"],
    ]


# wide gutters (>= 10 pt) between the columns: only a narrow split could cut the indicator column
WIDE = [Col(10), Col(40), Col(230), Col(280), Col(330)]
PERSENTASE = [
    ("1", "Persentase pelayanan dasar", "100,00", "95,50", "95,50"),
    ("2", "Persentase lembaga terakreditasi", "90,00", "100,00", "111,11"),
    ("3", "Persentase NIK tercetak", "85,00", "88,25", "103,82"),
    ("4", "Persentase desa tangguh", "70,00", "72,00", "102,86"),
    ("5", "Persentase keluhan selesai", "100,00", "82,10", "82,10"),
]


def test_a_word_repeated_at_the_start_of_every_row_is_not_a_gutter() -> None:
    """"Persentase" ends at one x in every row and the next words start at one x: an aligned empty stripe, but
    the gap is a word space after the same word, two words of one cell."""
    lines = layout(WIDE, [("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"), *PERSENTASE])
    grid = read(lines)
    assert [len(row) for row in grid] == [5] * 6
    assert [row[1] for row in grid] == ["Indikator Kinerja", *(r[1] for r in PERSENTASE)]
    # control: a guard that took a word space for a gutter would cut the column after "Persentase"
    tight_space = dataclasses.replace(DEFAULT.layout, narrow_space_factor=0.5)
    assert read(lines, settings=tight_space)[1][1:3] == ["Persentase", "pelayanan dasar"]


def test_one_row_with_another_first_word_does_not_split_a_repeated_word() -> None:
    lines = layout(WIDE, [
        ("No", "Indikator", "Target", "Realisasi", "Capaian"),
        *PERSENTASE,
        ("6", "Jumlah penduduk miskin", "100,00", "82,10", "82,10"),
    ])
    assert [row[1] for row in read(lines)] == [
        "Indikator", *(r[1] for r in PERSENTASE), "Jumlah penduduk miskin"]


# --- the header -------------------------------------------------------------------------------------------

def test_header_rows_are_the_bands_between_rules() -> None:
    """"Indikator Kinerja" wraps over the two lines of the first band, and "No" stands on its second line
    (bottom-aligned), beside the wrap: by its labels alone that line would open a level of its own. The rules
    say which lines are one header row."""
    cols = [Col(10), Col(40), Col(200), Col(260), Col(320)]
    lines = layout(cols, [
        ("", "Indikator", "Anggaran", "", "Capaian"),  # band 1
        ("No", "Kinerja", "", "", "(%)"),
        ("", "", "Pagu", "Realisasi", ""),  # band 2: under the spanning "Anggaran"
        ("1", "Persentase pelayanan", "1.250.000", "1.100.000", "88,00"),
        ("2", "Persentase lembaga", "2.000.000", "1.950.000", "97,50"),
        ("", "terakreditasi", "", "", ""),  # wrapped in the same ruled row
        ("3", "Persentase NIK", "500.000", "480.000", "96,00"),
        ("4", "Jumlah dokumen", "750.000", "700.000", "93,33"),
    ])
    rules = [rule_above(k) for k in (0, 2, 3, 4, 6, 7, 8)]
    assert read(lines, rules) == [
        ["No", "Indikator Kinerja", "Anggaran", "", "Capaian (%)"],
        ["", "", "Pagu", "Realisasi", ""],
        ["1", "Persentase pelayanan", "1.250.000", "1.100.000", "88,00"],
        ["2", "Persentase lembaga terakreditasi", "2.000.000", "1.950.000", "97,50"],
        ["3", "Persentase NIK", "500.000", "480.000", "96,00"],
        ["4", "Jumlah dokumen", "750.000", "700.000", "93,33"],
    ]


def test_a_numbering_row_ends_the_header() -> None:
    """A heading and an item whose figures stand on its second line come before the first line of figures:
    after the numbering row they are body rows, not header lines."""
    lines = layout(WIDE, [
        ("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"),
        ("(1)", "(2)", "(3)", "(4)", "(5)"),
        ("", "Sasaran 1: Meningkatnya pelayanan", "", "", ""),
        ("1", "Persentase penduduk yang", "", "", ""),
        ("", "memiliki NIK", "100,00", "98,00", "98,00"),
        ("2", "Persentase lembaga", "90,00", "100,00", "111,11"),
        ("3", "Persentase desa tangguh", "70,00", "72,00", "102,86"),
    ])
    grid = read(lines)
    assert grid == [
        ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],  # a numbering line is a header row of its own
        ["", "Sasaran 1: Meningkatnya pelayanan", "", "", ""],
        ["1", "Persentase penduduk yang memiliki NIK", "100,00", "98,00", "98,00"],
        ["2", "Persentase lembaga", "90,00", "100,00", "111,11"],
        ["3", "Persentase desa tangguh", "70,00", "72,00", "102,86"],
    ]
    # and the header of the grid is its labels and their numbering, the heading the first body row
    header, body = split_header([[Cell(t) for t in row] for row in grid])
    assert texts(header) == [["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"],
                             ["(1)", "(2)", "(3)", "(4)", "(5)"]]
    assert texts(body)[0] == ["", "Sasaran 1: Meningkatnya pelayanan", "", "", ""]


# --- a numbering row glued to its labels (extractors.header) ----------------------------------------------

def _row(*cells: str) -> list[Cell]:
    return [Cell(t, page=3, bbox=(10.0 * j, 0.0, 10.0 * j + 9.0, 10.0)) for j, t in enumerate(cells)]


GLUED = _row("No (1)", "Indikator (2)", "Target (3)", "Realisasi (4)", "Capaian (5)")
DATA = _row("1", "Persentase pelayanan", "100,00", "95,50", "95,50")


def test_unglue_numbering_splits_labels_from_their_numbers() -> None:
    rows = unglue_numbering([GLUED, DATA])
    assert texts(rows) == [
        ["No", "Indikator", "Target", "Realisasi", "Capaian"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        ["1", "Persentase pelayanan", "100,00", "95,50", "95,50"],
    ]
    assert [c.bbox for c in rows[0]] == [c.bbox for c in GLUED] == [c.bbox for c in rows[1]]  # provenance kept
    assert {c.page for c in rows[0] + rows[1]} == {3}
    header, body = split_header([GLUED, DATA])
    assert texts(header) == texts(rows[:2])
    assert texts(body) == [texts([DATA])[0]]


@pytest.mark.parametrize("row", [
    _row("No", "Uraian", "Pagu (Rp)", "Realisasi (Rp)"),  # units in parentheses
    _row("No", "Indikator", "Target (2024)", "Realisasi (2024)"),  # years
    _row("1", "Persentase pelayanan (3)", "100,00", "95,50"),  # a data row
    _row("", "", "TW (1)", "TW (2)", "TW (3)"),  # quarter numbers under a spanning label, not from the first columns
    _row("Nilai (3)", "Nilai (2)", "Nilai (1)"),  # not rising
    _row("No (1)", "Indikator", "Target (3)"),  # not every label carries a number
    _row("(1)", "(2)", "(3)", "(4)"),  # a numbering row of its own already
], ids=["units", "years", "data", "quarters", "falling", "partial", "numbering"])
def test_unglue_numbering_leaves_other_rows(row: list[Cell]) -> None:
    rows = [_row("No", "Indikator", "Target", "Realisasi", "Capaian"), row, DATA]
    assert unglue_numbering(rows) == rows
    assert unglue_numbering([row, DATA]) == [row, DATA]



# Indikator | Target | Realisasi, set tight: the indicators' first lines end 2.5 to 7.5 pt before the targets
# (left-aligned at 250, a gap narrower than min_gap); each indicator wraps onto a second line with no target
# but with the realisasi's unit
EMPTY_CELLS = [Col(10), Col(30), Col(130), Col(250), Col(310)]
EMPTY_ROWS = [
    ("1", "Monitoring opini", "Jumlah konten yang dimuat", "12 Dokumen", "12"),
    ("", "", "di media", "", "Dokumen"),
    ("2", "Pengelolaan konten", "Jumlah layanan informasi", "1.200 Konten", "1.346"),
    ("", "", "publik", "", "Konten"),
    ("3", "Pelayanan informasi", "Jumlah dokumen SPBE yang", "450 Layanan", "437"),
    ("", "", "disusun", "", "Layanan"),
    ("4", "Tata kelola SPBE", "Jumlah berita yang dimuat", "4 Dokumen", "4"),
    ("", "", "di laman", "", "Dokumen"),
]


def test_lines_with_an_empty_cell_after_a_narrow_gutter_do_not_count_against_its_alignment() -> None:
    """The targets start at one x in five lines; the four wrapped lines have no target, their next word is the
    realisasi's unit further on. Those lines say nothing about the gutter before the targets (d12's print)."""
    lines = layout(EMPTY_CELLS, [("No", "Kegiatan", "Indikator", "Target", "Realisasi"), *EMPTY_ROWS])
    rows = read(lines)
    assert [r[2:4] for r in rows] == [
        ["Indikator", "Target"], ["Jumlah konten yang dimuat di media", "12 Dokumen"],
        ["Jumlah layanan informasi publik", "1.200 Konten"], ["Jumlah dokumen SPBE yang disusun", "450 Layanan"],
        ["Jumlah berita yang dimuat di laman", "4 Dokumen"]]


def test_a_narrow_gutter_is_looked_for_where_no_word_reaches_inside_a_stripe_one_word_crosses() -> None:
    """Three rows; one indicator ("... yang dimuat", to 247.5) reaches 2.5 pt into the stripe the other two leave
    empty (from 245): on the whole stripe that line has a word across and says nothing, leaving two lines, too
    few; the part after its last word has three (d12's print)."""
    rows = [EMPTY_ROWS[2], EMPTY_ROWS[4], EMPTY_ROWS[6]]
    lines = layout(EMPTY_CELLS, rows)
    assert [r[3] for r in read(lines)] == ["1.200 Konten", "450 Layanan", "4 Dokumen"]


def test_a_figure_and_its_unit_a_space_apart_stay_one_cell_beside_a_row_with_an_empty_unit() -> None:
    """Targets of three equal widths ("600 Unit", "450 Unit", "400 Orang") put their units at one x, a word space
    after the figure; a fourth row's target has no unit on its line ("4"), its next word is the Rp figure two
    columns on (the Rp figures stand 4.5 to 9.5 pt after the units). That line's wide gap is not this
    gutter's: the units stay in their cells (h03's print)."""
    rows = [("1", "Jumlah usaha", "600 Unit", "862.455.500"), ("2", "Jumlah dokumen", "4", "97.820.000"),
            ("3", "Jumlah usaha naik", "450 Unit", "1.246.900.000"),
            ("4", "Jumlah wirausaha", "400 Orang", "383.150.000")]
    lines = layout([Col(10), Col(30), Col(150), Col(197)], [("No", "Indikator", "Target", "Anggaran"), *rows])
    assert [r[2] for r in read(lines)] == ["Target", "600 Unit", "4", "450 Unit", "400 Orang"]


# Target K | Rp, Realisasi K | Rp, left-aligned and set tight: a cell ends 6 to 7.5 pt before the next one
K_RP = [Col(10), Col(30), Col(150), Col(189), Col(245), Col(280)]


def test_the_headers_lowest_labels_cut_a_column_its_one_row_cannot_show() -> None:
    """One row of figures under "K Rp K Rp": too few lines to show the narrow gutters by alignment, but each
    pair of labels far apart over a gap no body word crosses is two columns (h03's print)."""
    lines = layout(K_RP, [("No", "Indikator", "Target", "", "Realisasi", ""), ("", "", "K", "Rp", "K", "Rp"),
                          ("1", "Jumlah izin", "12 Izin", "45.000.000", "9 Izin", "41.350.000")])
    assert read(lines)[2] == ["1", "Jumlah izin", "12 Izin", "45.000.000", "9 Izin", "41.350.000"]
    # control: without the labels' evidence the figures run together in fewer columns
    assert len(read(lines, settings=NO_NARROW)[-1]) < 6


def test_a_label_of_two_words_a_space_apart_does_not_cut_its_column() -> None:
    """"Target Kinerja" over short figures that end before "Kinerja" starts: one label, one column."""
    lines = layout([Col(10), Col(30), Col(150), Col(240)], [
        ("No", "Indikator", "Target Kinerja", "Realisasi"),
        ("1", "Persentase layanan", "90", "95,50"), ("2", "Jumlah dokumen", "12", "12"),
        ("3", "Indeks kepuasan", "80", "82,10")])
    assert [r[2] for r in read(lines)] == ["Target Kinerja", "90", "12", "80"]


def test_the_labels_line_is_found_above_a_numbering_row() -> None:
    """E.81 prints a numbering row under its "K Rp" labels, one number over each K/Rp pair ("3" over the
    target's): the lowest header line is then no line of labels, the one above it is, and its labels still
    cut the columns (h03's and h04's prints)."""
    lines = layout(K_RP, [("No", "Indikator", "Target", "", "Realisasi", ""), ("", "", "K", "Rp", "K", "Rp"),
                          ("1", "2", "3", "", "4", ""),
                          ("1", "Jumlah izin", "12 Izin", "45.000.000", "11 Izin", "41.350.000")])
    assert read(lines)[-1] == ["1", "Jumlah izin", "12 Izin", "45.000.000", "11 Izin", "41.350.000"]


def test_a_column_too_few_lines_fill_is_cut_off_by_its_label() -> None:
    """"NO" over a single row number at the table's left edge: too few lines to make a column of their own (the
    header's "NO KODE" is one segment), but the header's labels far apart say it is one (h05's print)."""
    lines = layout([Col(10), Col(26), Col(130), Col(330, "right"), Col(410, "right")], [
        ("NO", "KODE", "PROGRAM/KEGIATAN", "PAGU (Rp)", "REALISASI (Rp)"),
        ("1", "2.19.01", "PROGRAM PENUNJANG URUSAN", "9.355.906.420", "8.999.723.711"),
        *(("", f"2.19.01.2.{k:02d}", f"Kegiatan penunjang {k}", f"{k}1.250.000", f"{k}0.195.500")
          for k in range(1, 13)),
    ])
    rows = read(lines)
    assert rows[0][:2] == ["NO", "KODE"] and rows[1][:2] == ["1", "2.19.01"]


def test_a_rows_code_on_its_middle_line_under_its_cut_figures_stays_in_the_row() -> None:
    """A row of cells centred vertically (LibreOffice's prints, d06): its amounts cut over two lines of their cells
    ("5.194.124.547,0" over "0") start above its code, which stands on the middle line with the one-line figures.
    The code does not open a row while the cut figures above wait for their rests."""
    cols = [Col(5), Col(70), Col(270, "right"), Col(360, "right"), Col(400, "right")]
    lines = layout(cols, [
        ("Kode", "Uraian", "Pagu", "Realisasi", "%"),
        ("", "PROGRAM PENUNJANG URUSAN", "", "5.194.124.547,0", ""),
        ("1.05.01", "", "5.332.298.600,00", "", "97,41"),
        ("", "DAERAH KABUPATEN/KOTA", "", "0", ""),
        ("1.05.01.2.01", "Perencanaan dan Evaluasi", "40.000.000,00", "38.615.000,00", "96,54"),
        ("1.05.01.2.02", "Administrasi Keuangan", "52.000.000,00", "50.000.000,00", "96,15"),
    ])
    got = read(lines)
    assert got[1][0] == "1.05.01" and got[1][1] == "PROGRAM PENUNJANG URUSAN DAERAH KABUPATEN/KOTA"
    assert got[1][2:] == ["5.332.298.600,00", "5.194.124.547,0 0", "97,41"]  # a cut mark there: mended later
    assert [r[0] for r in got[2:]] == ["1.05.01.2.01", "1.05.01.2.02"]


# --- a long name's last words run up to the next column ----------------------------------------------------------

OVERFLOW_COLS = [Col(10), Col(40), Col(200), Col(250), Col(300)]
OVERFLOW_ROWS = [("No", "Indikator", "Target", "Realisasi", "Capaian"),
                 ("1", "Jumlah atlet dibina", "350", "362", "103,43"),
                 ("2", "Persentase cabang yang berprestasi", "55,00", "58,33", "106,05"),
                 ("3", "Jumlah event kota", "12", "14", "116,67"),
                 ("4", "Jumlah kontingen", "18", "18", "100,00"),
                 ("5", "Jumlah sarana olahraga dipelihara", "38", "38", "100,00"),
                 ("6", "Jumlah gelanggang", "2", "1", "50,00"),
                 ("7", "Jumlah festival", "6", "5", "83,33")]


def test_a_names_last_words_past_the_other_rows_names_are_no_column_of_their_own() -> None:
    """Two names run on past where the other rows' names end ("... yang | berprestasi", "... olahraga |
    dipelihara"), a word space after their other words, up to the target column: the gap the short names leave
    is no gutter, those words are the name's (LibreOffice's tight cells in h05's top-aligned print read
    "berprestasi 55,00%" as the target)."""
    rows = read(layout(OVERFLOW_COLS, OVERFLOW_ROWS))
    assert rows[0] == ["No", "Indikator", "Target", "Realisasi", "Capaian"]
    assert rows[2] == ["2", "Persentase cabang yang berprestasi", "55,00", "58,33", "106,05"]
    assert rows[5] == ["5", "Jumlah sarana olahraga dipelihara", "38", "38", "100,00"]


def test_a_column_of_words_set_apart_from_the_names_stays_a_column() -> None:
    """The same table with a unit column between the names and the targets, its words set apart from the names
    by a gap wider than a word space: a column of its own."""
    cols = [Col(10), Col(40), Col(150), Col(200), Col(250), Col(300)]
    rows = [(r[0], " ".join(r[1].split()[:2]), "Satuan" if k == 0 else "Orang", *r[2:])
            for k, r in enumerate(OVERFLOW_ROWS)]
    read_rows = read(layout(cols, rows))
    assert [r[2] for r in read_rows] == ["Satuan"] + ["Orang"] * 7
