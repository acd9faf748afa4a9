"""The whole-column guard and the confidence gate of the check stage, on small made-up tables."""

import dataclasses

from extractors.numbers import parse_number
from extractors.settings import DEFAULT
from pipeline.check import check
from schemas.records import BudgetLine, DocumentInfo, Extraction, Measurement

P = parse_number


def meas(i: int, target: str, real: str, cap: str, table: str = "t01", confidence: float = 1.0) -> Measurement:
    return Measurement("d", "f.txt", table, None, 10 + i, "iku", f"Persentase layanan {i}", P(target), P(real),
                       P(cap), confidence=confidence)


def ext(**kw: object) -> Extraction:
    return Extraction(info=DocumentInfo("d", "f.txt", "0" * 64, 0), **kw)  # type: ignore[arg-type]


def severities(flags: list) -> list[tuple[str, str]]:
    return [(f.kind, f.severity) for f in flags]


def test_a_capaian_column_failing_in_every_row_is_misread() -> None:
    # the "capaian" column holds the predikat score, not realisasi/target x 100
    rows = [meas(0, "80", "84", "3,50"), meas(1, "90", "88", "3,20"), meas(2, "75", "77", "3,80"),
            meas(3, "60", "66", "4,00")]
    flags = check(ext(measurements=rows)).flags
    assert severities(flags) == [("capaian_mismatch", "info")]
    assert "4 dari 4 baris" in flags[0].message and "salah terbaca" in flags[0].message
    # one slip among four rows is a finding
    rows = [meas(0, "80", "84", "105"), meas(1, "90", "88", "97,78"), meas(2, "75", "77", "102,67"),
            meas(3, "60", "66", "100")]
    assert severities(check(ext(measurements=rows)).flags) == [("capaian_mismatch", "error")]


def test_whole_column_guard_needs_enough_rows() -> None:
    rows = [meas(0, "80", "84", "3,50"), meas(1, "90", "88", "3,20")]
    assert severities(check(ext(measurements=rows)).flags) == [("capaian_mismatch", "error")] * 2
    settings = DEFAULT.override(**{"confidence.column_fail_min_rows": 2})
    assert severities(check(ext(measurements=rows), settings).flags) == [("capaian_mismatch", "info")]


def test_budget_percent_column_failing_everywhere_is_one_info_flag() -> None:
    def line(i: int, pagu: str, real: str, pct: str) -> BudgetLine:
        return BudgetLine("d", "f.txt", "t02", None, 20 + i, "", "program", f"Program {i}", P(pagu), P(real),
                          P(pct), P(""), position=i)

    # the % column holds the kinerja capaian of each program, not realisasi/pagu
    rows = [line(0, "100.000.000", "95.000.000", "100"), line(1, "200.000.000", "150.000.000", "98,50"),
            line(2, "50.000.000", "49.000.000", "85,00")]
    assert severities(check(ext(budget=rows)).flags) == [("budget_percent_mismatch", "info")]


def test_records_below_the_confidence_bar_give_info_flags_naming_the_doubt() -> None:
    wrong = meas(0, "96", "96", "92,15", confidence=0.3)
    [flag] = check(ext(measurements=[wrong])).flags
    assert flag.severity == "info" and flag.confidence == 0.3 and "kurang pasti" in flag.message
    [flag] = check(ext(measurements=[dataclasses.replace(wrong, confidence=0.9)])).flags
    assert flag.severity == "error" and flag.confidence == 0.9
    # the bar is a setting
    [flag] = check(ext(measurements=[wrong]), DEFAULT.override(**{"confidence.flag_min": 0.2})).flags
    assert flag.severity == "error"
