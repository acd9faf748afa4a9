"""Column types from the values, and the arithmetic between columns (extractors.coltypes, extractors.arith)."""

from __future__ import annotations

import pytest

from extractors.arith import difference_relation, find_ratios, found, ratio_holds, ratio_relation, sum_relation
from extractors.coltypes import cell_type, column_type
from extractors.vocab import ColType


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("35,52%", ColType.PERCENT),
        ("100 %", ColType.PERCENT),
        ("2.456.653.000", ColType.MONEY),
        ("Rp 2.456.653.000,-", ColType.MONEY),
        ("Rp 500.000", ColType.MONEY),  # small, but printed as money
        ("1.250.000 Jiwa", ColType.COUNT),  # large, but a count of people
        ("96 Pendamping", ColType.COUNT),
        ("1.06.01.2.01.01", ColType.CODE),
        ("7.01.01.2.02.0001", ColType.CODE),
        ("II.", ColType.CODE),
        ("2024", ColType.YEAR),
        ("72/BB", ColType.GRADE),
        ("Baik", ColType.GRADE),
        ("Persentase fakir miskin yang mendapatkan bantuan", ColType.TEXT),
        ("-", ColType.EMPTY),
        ("", ColType.EMPTY),
        ("12,5", ColType.NUMBER),
    ],
)
def test_cell_type(text: str, kind: ColType) -> None:
    assert cell_type(text) is kind


def test_column_type_takes_the_majority_and_ignores_dashes() -> None:
    col = column_type(["95,00%", "-", "100%", "87,5%", "n/a"])
    assert col.type is ColType.PERCENT
    assert col.n_filled == 3


def test_bare_numbers_beside_percents_are_a_percent_column() -> None:
    assert column_type(["100", "95,5%", "100", "98%", "Baik"]).type is ColType.PERCENT


def test_a_column_of_names_is_text_even_with_one_figure() -> None:
    col = column_type(["Program Penunjang Urusan", "Program Rehabilitasi Sosial", "100%", "Program Perlindungan"])
    assert col.type is ColType.TEXT
    assert col.share == pytest.approx(0.75)


@pytest.mark.parametrize(
    ("a", "b", "c", "holds"),
    [
        (80.0, 60.0, 75.0, True),  # realisasi / target
        (6.0, 4.0, 150.0, True),  # lower is better: target / realisasi
        (14.0, 22.1, 42.14, True),  # lower is better, the gap form (2t - r) / t
        (96.0, 96.0, 92.15, False),
    ],
)
def test_ratio_holds_in_either_polarity(a: float, b: float, c: float, holds: bool) -> None:
    assert ratio_holds(a, b, c) is holds


def test_ratio_found_in_most_rows_but_not_all() -> None:
    # target, realisasi, capaian by column; one row carries the report's own slip (96 / 96 printed 92,15)
    values = [[80, 96, 50, 10, 20], [60, 96, 45, 9, 21], [75, 92.15, 90, 90, 105]]
    rel = ratio_relation(values, 0, 1, 2)
    assert (rel.hits, rel.tested) == (4, 5)
    assert found(rel)


def test_discovery_prefers_the_usual_orientation_and_needs_telling_rows() -> None:
    values = [[80, 50, 10, 40], [60, 45, 9, 30], [75, 90, 90, 75]]
    best = find_ratios(values, [0, 1, 2])[0]
    assert best.cols == (0, 1, 2)
    # equal columns beside a column of 100s prove nothing
    equal = [[100, 90, 80], [100, 90, 80], [100, 100, 100]]
    assert find_ratios(equal, [0, 1, 2]) == []
    # nor do rows of zeros
    zeros = [[39, 10, 29], [0, 0, 0], [0, 0, 0]]
    assert find_ratios(zeros, [0, 1, 2]) == []


def test_difference_and_quarter_sums() -> None:
    pagu, real, sisa = [1000.0, 500.0, 300.0], [900.0, 500.0, 100.0], [100.0, 0.0, 250.0]
    rel = difference_relation([pagu, real, sisa], 0, 1, 2)
    assert (rel.hits, rel.tested) == (2, 3)
    year, q1, q2, q3, q4 = [100.0, 40.0], [10.0, 10.0], [20.0, 10.0], [30.0, 10.0], [40.0, 10.0]
    rel = sum_relation([year, q1, q2, q3, q4], 0, [1, 2, 3, 4])
    assert (rel.hits, rel.tested) == (2, 2)
