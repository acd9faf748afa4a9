"""A wide evaluation form as layout text: each row read by itself (extractors.form_rows).

The fixture is written from the public format (Permendagri 86/2017, form E.81: Renstra target K / Rp, Renja target
K / Rp, the four quarters' Rp, the year's realisation K / Rp and its rate K / Rp: twelve figures a row), set as
pdftotext -layout sets such a form printed on one landscape page: columns a single space apart, a row's wrapped
lines a character left of its first line, a unit cut at its cell's edge ("Doku" over "men").
"""

from __future__ import annotations

from extractors.form_rows import (
    FormRow,
    _code,
    _figure,
    _groups,
    _rests_only,
    by_leaves,
    lay_figures,
    read_row,
    split_rows,
)
from extractors.pdf_words import CUT, Word
from extractors.settings import DEFAULT
from extractors.text_layout import CHAR, PITCH, _line, mend_rest_lines
from extractors.text_reader import parse_text


def _at(*words: tuple[int, str]) -> str:
    """A line with each word at its character place."""
    line = ""
    for col, text in words:
        line = line.ljust(col) + text
    return line


FIGURES_PROGRAM = "100,00 1.500.000.000 100,00 370.000.000 75.000.000 90.000.000 94.000.000 100.000.000 " \
                  "359.000.000 100,00 97,03"  # no K for the year's realisation: an empty cell, not a dash
FIGURES_1 = "12 Doku 640.000.000 4 160.000.000 30.000.000 40.000.000 42.000.000 45.000.000 4 157.000.000 100,00 98,13"
FIGURES_2 = "40 Paket 860.000.000 10 210.000.000 45.000.000 50.000.000 52.000.000 55.000.000 9 202.000.000 90,00 96,19"

FORM = "\n".join([
    "Lampiran. Evaluasi terhadap Hasil Renja Perangkat Daerah (Form E.81)",
    "",
    _at((0, "1"), (2, "2.05.02"), (15, "PROGRAM PE"), (26, "Persentase"), (37, FIGURES_PROGRAM)),
    _at((14, "NGELOLAAN"), (25, "data yang")),
    _at((14, "DATA"), (25, "terkelola")),
    _at((14, "STATISTIK")),
    "",
    _at((2, "2.05.02.2.01"), (15, "Pengelolaan"), (27, "Jumlah"), (37, FIGURES_1)),
    _at((14, "Data dan"), (26, "Dokumen"), (42, "men")),
    _at((14, "Informasi"), (26, "Statistik")),
    _at((14, "Statistik")),
    "",
    _at((2, "2.05.02.2.02"), (15, "Penyediaan"), (27, "Jumlah"), (37, FIGURES_2)),
    _at((14, "Layanan"), (26, "Paket Data")),
    _at((14, "Data")),
    "",
    "Sumber: hasil evaluasi Renja.",
])


def _form_grid() -> list[list[str]]:
    grids = [g for g in parse_text(FORM).grids if g.rows and len(g.rows[0]) >= 12]
    assert len(grids) == 1
    return [[c.text for c in r] for r in grids[0].rows]


def test_each_row_of_a_wide_form_is_read_by_itself() -> None:
    rows = _form_grid()
    assert len(rows) == 3
    sub = rows[1]
    # the text a space apart from the figures and from one another is cut where the row's wrapped lines start
    assert "2.05.02.2.01" in sub
    assert "Pengelolaan Data dan Informasi Statistik" in sub
    assert "Jumlah Dokumen Statistik" in sub
    figures = sub[-12:]
    assert figures[0] == "12 Dokumen"  # the unit cut at its cell's edge is whole again, as the document prints it
    assert figures[1:4] == ["640.000.000", "4", "160.000.000"]
    assert figures[-4:] == ["4", "157.000.000", "100,00", "98,13"]


def test_a_row_missing_a_figure_lays_the_rest_by_their_kind() -> None:
    program = _form_grid()[0]
    figures = program[-12:]
    assert figures[7] == "100.000.000"  # the fourth quarter's Rp
    assert figures[8] == ""  # the year's realisation K: empty in the program's row
    assert figures[9:] == ["359.000.000", "100,00", "97,03"]
    # (a word cut at its cell's edge is whole where the document prints it whole: "PE" over "NGELOLAAN")
    assert "PROGRAM PENGELOLAAN DATA STATISTIK" in program and "Persentase data yang terkelola" in program


def test_the_form_rows_start_at_their_lines_of_figures() -> None:
    raw = FORM.split("\n")
    lines = mend_rest_lines([ln for k, text in enumerate(raw, 1) if (ln := _line(k, text)) is not None])
    parts = split_rows(lines, pitch=PITCH)
    assert parts is not None
    head, rows = parts
    assert [ln.text for ln in head] == [raw[0]]
    assert [len(r) for r in rows] == [4, 4, 3]  # a row's lines end at a blank line (the source line after the form)
    first = read_row(rows[1], space=CHAR)
    assert first is not None and len(first.figures) == 12


def _row(*figures: str) -> FormRow:
    return FormRow([], [[Word(f, k * 10.0, 0.0, k * 10.0 + 8.0, 8.0)] for k, f in enumerate(figures)], [], 0.0)


def test_a_short_row_that_two_layings_fit_is_left_without_figures() -> None:
    full = [_row("1", "100.000.000", "200.000.000", "2"), _row("3", "300.000.000", "400.000.000", "4")]
    # one amount of two: under the first Rp column or the second, nothing tells which: the row's figures are not read
    laid = lay_figures([*full, _row("5", "500.000.000", "6")])
    assert laid is not None and laid[-1] == [None] * 4 and [g[0].text for g in laid[0] if g] == [
        "1", "100.000.000", "200.000.000", "2"]
    # rows of other counts than most: no form
    assert lay_figures([full[0], _row("5", "500.000.000", "6"), _row("7", "8")]) is None
    # a count where a K column is the only place its kind fits
    laid = lay_figures([*full, _row("100.000.000", "200.000.000", "2")])
    assert laid is not None and laid[-1][0] is None and [g[0].text for g in laid[-1][1:] if g] == [
        "100.000.000", "200.000.000", "2"]


def test_an_ordinary_table_is_no_form() -> None:
    text = "\n".join([
        "No   Indikator                 Target     Realisasi   Capaian",
        "1.   Persentase layanan        90,00%     92,00%      102,22%",
        "2.   Jumlah dokumen            4 Dokumen  4 Dokumen   100,00%",
        "3.   Indeks kepuasan           80         82,5        103,13%",
    ])
    (grid,) = parse_text(text).grids
    assert [[c.text for c in r] for r in grid.rows][1] == ["1.", "Persentase layanan", "90,00%", "92,00%", "102,22%"]


# --- the header laid on its K / Rp row and numbering row, pages carried on, figures and rests -------------------

def _lines(*texts: str) -> list:
    return [ln for k, text in enumerate(texts, 1) if (ln := _line(k, text)) is not None]


def test_a_form_header_is_laid_on_its_k_rp_row_and_numbering_row() -> None:
    """holdout4 j03's E.81 as layout text: its labels cut over lines in narrow cells and set a character or two left
    of their columns ("Kode" three left of its "3"), a line of sub-labels ("I II") a level of its own."""
    head = _lines(
        _at((0, "N"), (2, "Sasaran"), (10, "Kode"), (24, "Indikator"), (36, "Target"), (52, "Realisasi")),
        _at((0, "o"), (24, "Kinerja"), (36, "Renja"), (52, "Triwulan")),
        _at((52, "I"), (68, "II")),
        _at((38, "K"), (44, "Rp"), (54, "K"), (60, "Rp"), (70, "K"), (76, "Rp")),
        _at((0, "1"), (2, "2"), (13, "3"), (26, "4"), (38, "5"), (54, "6"), (70, "7")),
    )
    table = by_leaves(head, DEFAULT.layout.form_label_slack_chars * CHAR)
    assert table is not None
    cells = [[text.replace(CUT, " ") for text, _ in row] for row in table.rows]
    assert len(cells[0]) == 10  # No, Sasaran, Kode, Indikator and three K / Rp pairs
    assert cells[0][:5] == ["N o", "Sasaran", "Kode", "Indikator Kinerja", "Target Renja"]
    assert cells[0][6] == "Realisasi Triwulan" and cells[1][6] == "I" and cells[1][8] == "II"
    assert cells[2][3:] == ["", "K", "Rp", "K", "Rp", "K", "Rp"]
    assert by_leaves(head[:3], CHAR) is None  # no K / Rp row: the finder's header stands


def test_a_cut_amount_among_a_rows_figures_is_a_figure_not_a_code() -> None:
    """"1.110.05" over "2.638": a whole thousands group after the first, where a Permendagri 90 code has two digits."""
    assert _figure(Word("1.110.05", 0, 0, 1, 1)) and not _code(Word("1.110.05", 0, 0, 1, 1))
    assert _code(Word("2.23.02.2.01", 0, 0, 1, 1)) and not _figure(Word("2.23.02.2.01", 0, 0, 1, 1))


def test_a_single_letter_after_a_count_is_its_cut_unit() -> None:
    """"3.500 E" over "ksempl" (Eksemplar cut at the cell's edge): a unit, so the row's figures run on."""
    words = [Word(t, float(k), 0, float(k) + 0.5, 1) for k, t in enumerate(["3.500", "E", "425.000.000", "612"])]
    groups = _groups(words, 2)
    assert groups is not None and [len(g) for g in groups] == [2, 1, 1]
    assert _groups([Word("72", 0, 0, 1, 1), Word("BB", 2, 0, 3, 1)], 2) is None  # a grade is no unit


def test_a_line_of_whole_figures_is_no_line_of_rests() -> None:
    """A line under a row's text whose words look like rests one by one ("18", "9") but hold whole amounts and a
    whole code opens a row of its own (LibreOffice's top-aligned print of j03's E.81)."""
    whole = _lines("2.23.01.2.01.000 Penyusunan 18 Dokumen 106.771.000 9 Dokumen 51.275.021")[0]
    rests = _lines("1.0001 dan 00 0.000 35")[0]
    assert not _rests_only(whole) and _rests_only(rests)
