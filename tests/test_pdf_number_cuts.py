"""A figure too wide for its cell is cut where the cell's first line filled, with no hyphen: text_of marks the
place with CUT and mend_cuts joins the two pieces again when they read as one well-formed figure
(extractors.pdf_words, cut_number). Pieces that do not make one figure stay apart, with a space."""

from __future__ import annotations

import pytest

from extractors.numbers import parse_number
from extractors.pdf_words import CUT, Word, mend_cuts, text_of, vocabulary

EDGES = (100.0, 160.0)  # a cell 60 points wide: with the left margin of 5 points, text runs from 105 to 155


def _w(text: str, x0: float, top: float, char: float = 4.0) -> Word:
    return Word(text, x0, top, x0 + char * len(text), top + 8)


@pytest.mark.parametrize(("before", "after", "whole"), [
    ("268.500.000.", "000", "268.500.000.000"),  # cut after a thousands point
    ("4.751.900.0", "00", "4.751.900.000"),  # cut inside a group of three
    ("96,3", "5", "96,35"),  # cut inside the decimals
    ("1.03.10.2.01.", "13", "1.03.10.2.01.13"),  # a budget code
    ("1.085,0", "0 Km", "1.085,00 Km"),  # the unit after the figure stays a word of its own
    ("Rp 268.500.000.", "000", "Rp 268.500.000.000"),  # a currency word before the figure
    ("(19.588.", "000)", "(19.588.000)"),  # a negative figure in brackets
])
def test_a_cut_figure_is_joined(before: str, after: str, whole: str) -> None:
    assert mend_cuts(f"{before}{CUT}{after}") == whole
    assert mend_cuts(f"{before}{CUT}{after}", vocabulary(["Laporan kinerja"])) == whole  # words change nothing


@pytest.mark.parametrize(("before", "after", "apart"), [
    ("85,00", "(B)", "85,00 (B)"),  # a figure and its grade
    ("12", "Laporan", "12 Laporan"),  # a count and a word
    ("85,00%", "5", "85,00% 5"),  # a percentage is complete
    ("1.250.000", "931.000", "1.250.000 931.000"),  # two figures stacked: groups of three do not carry on
    ("2.", "3", "2. 3"),  # two list numbers
    # a cell listing two indicators' figures: the second item's number over its figure ("2.100,22" would read)
    ("1. 125,00% 2.", "100,22%", "1. 125,00% 2. 100,22%"),
])
def test_pieces_that_are_not_one_figure_stay_apart(before: str, after: str, apart: str) -> None:
    assert mend_cuts(f"{before}{CUT}{after}") == apart


def test_without_a_cut_mark_nothing_is_joined() -> None:
    assert mend_cuts("268.500.000. 000") == "268.500.000. 000"  # a plain space is not a cut


def test_two_years_stay_two_figures() -> None:
    assert mend_cuts(f"2024{CUT}2025") == "2024 2025"


@pytest.mark.parametrize(("before", "after"), [("2.456.653.000", "2.344.566.905"), ("12.500", "9.800")])
def test_two_stacked_money_figures_stay_apart(before: str, after: str) -> None:
    assert mend_cuts(f"{before}{CUT}{after}") == f"{before} {after}"


@pytest.mark.parametrize(("before", "after", "whole"), [
    ("268.500.000", ".000", "268.500.000.000"), ("96", ",35", "96,35"), ("1.085", ",00 Km", "1.085,00 Km")])
def test_a_figure_cut_before_its_separator_is_joined(before: str, after: str, whole: str) -> None:
    assert mend_cuts(f"{before}{CUT}{after}") == whole


def test_a_cut_figure_glued_to_rp_is_joined() -> None:
    assert mend_cuts(f"Rp2.456.653.0{CUT}00") == "Rp2.456.653.000"


def test_the_broken_pieces_are_not_a_figure() -> None:
    """Why the joins matter: the pieces with a space read as no value, the joined figure as its value."""
    assert parse_number("268.500.000.000").value == 268_500_000_000
    assert parse_number("268.500.000 .000").value is None


# --- text_of marks the cut only where the first line fills the cell --------------------------------------


def test_a_figure_reaching_the_right_edge_is_marked_and_mended() -> None:
    words = [_w("268.500.000.", 105, 0), _w("000", 105, 10)]  # 105..153: 2 points left, a character is 4
    text = text_of(words, EDGES)
    assert text == f"268.500.000.{CUT}000"
    assert mend_cuts(text) == "268.500.000.000"
    assert text_of(words) == "268.500.000. 000"  # without the cell's edges: a space


def test_a_figure_well_short_of_the_right_edge_is_not_marked() -> None:
    words = [_w("96,35", 105, 0), _w("(B)", 105, 10)]  # 105..125: 30 points left
    assert text_of(words, EDGES) == "96,35 (B)"


def test_a_first_line_of_several_words_is_not_marked() -> None:
    words = [_w("Rp", 105, 0), _w("268.500.", 117, 0), _w("000", 105, 10)]  # reaches 153 but holds two words
    assert CUT not in text_of(words, EDGES)


@pytest.mark.parametrize(("before", "after", "whole"), [
    ("171,150,000,00", "0.00", "171,150,000,000.00"), ("52,380,000,000.", "00", "52,380,000,000.00"),
    ("6,200,000,000.0", "0", "6,200,000,000.00")])
def test_english_style_figures_cut_at_the_cell_edge_are_joined(before: str, after: str, whole: str) -> None:
    assert mend_cuts(f"{before}{CUT}{after}") == whole


def test_a_cut_money_figure_ending_in_the_money_style_dash_is_joined() -> None:
    assert mend_cuts(f"Rp. 16.887.450.{CUT}000,-") == "Rp. 16.887.450.000,-"


def test_a_figure_ending_a_line_of_several_words_at_the_cells_edge_is_marked() -> None:
    """ "Rp. 16.887.450." fills its cell's line: its figure was cut there ("000,-" below), unlike a whole word
    that wraps after other words."""
    above = [Word("Rp.", 100.0, 0.0, 112.0, 8.0), Word("16.887.450.", 114.0, 0.0, 150.0, 8.0)]
    below = [Word("000,-", 100.0, 10.0, 118.0, 18.0)]
    assert mend_cuts(text_of([*above, *below], (100.0, 150.5))) == "Rp. 16.887.450.000,-"


@pytest.mark.parametrize(("before", "after", "whole"), [
    ("185.000", ".000", "185.000.000"),  # cut before a thousands point
    ("1.524.80", "0.000", "1.524.800.000"),  # cut inside a group, the rest with a group of its own
])
def test_a_figure_whose_rest_stands_alone_under_it_is_mended_short_of_the_cells_edge(
        before: str, after: str, whole: str) -> None:
    """In a table without vertical rules the cell's sides are the column finder's gutters, not the place where
    the line filled; a line of one figure with the figure's rest alone under it is still a cut (d09's E.81 form
    on a print with horizontal rules only and 2.8 pt cell padding)."""
    words = [_w(before, 105, 10), _w(after, 105, 20)]
    assert mend_cuts(text_of(words, (100.0, 200.0))) == whole


def test_two_whole_figures_stacked_short_of_the_cells_edge_stay_apart() -> None:
    words = [_w("1.250.000", 105, 10), _w("931.000", 105, 20)]
    assert mend_cuts(text_of(words, (100.0, 200.0))) == "1.250.000 931.000"
