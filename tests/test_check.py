"""Unit tests of the check stage on small hand-made records, including the no-false-alarm cases."""

import pytest

from extractors.numbers import parse_number
from pipeline.check import check
from pipeline.check.budget import check_budget
from pipeline.check.capaian import check_capaian
from pipeline.check.cross_table import check_cross_table
from pipeline.check.malformed import check_malformed
from pipeline.check.tolerance import agrees, ratio_percent
from pipeline.check.totals import check_totals
from schemas.records import BudgetLine, DocumentInfo, Extraction, Measurement, PlanEntry

P = parse_number


def meas(target: str, real: str, cap: str, name: str = "Jumlah orang dilayani", table: str = "t01",
         line: int = 1) -> Measurement:
    return Measurement("d", "f.txt", table, None, line, "other", name, P(target), P(real), P(cap))


def line(pagu: str, real: str, persen: str = "", sisa: str = "", level: str = "program", name: str = "Program A",
         pos: int = 0, kode: str = "", total: bool = False, table: str = "t01", section: str = "") -> BudgetLine:
    from extractors.rows import parent_of

    return BudgetLine("d", "f.txt", table, None, pos + 1, kode, level, name, P(pagu), P(real), P(persen), P(sisa),
                      is_total=total, parent_kode=parent_of(kode), position=pos, section=section)


def ext(**kw: object) -> Extraction:
    return Extraction(info=DocumentInfo("d", "f.txt", "0" * 64, 0), **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("target", "real", "cap"),
    [
        ("3,69", "2,79", "75,55"),  # 2,79/3,69 spans 75,37..75,85
        ("27412", "27359", "99.9 %"),  # 99,81: within one unit of 0,1
        ("72,73%", "100%", "137 %"),  # 137,49 rounds to 137
        ("93", "95,87", "103,08"),  # truncated, not rounded
        ("100%", "100%", "100 %"),
    ],
)
def test_rounding_and_truncation_are_not_findings(target: str, real: str, cap: str) -> None:
    assert check_capaian(meas(target, real, cap))[1] == []


@pytest.mark.parametrize(
    ("target", "real", "cap", "expected"),
    [("96 Pendamping", "96 Pendamping", "92,15 %", 100.0), ("600 orang", "550 orang", "93 %", 91.6667),
     ("500 Orang", "512 orang", "93 %", 102.4)],
)
def test_capaian_mismatch(target: str, real: str, cap: str, expected: float) -> None:
    [flag] = check_capaian(meas(target, real, cap))[1]
    assert flag.kind == "capaian_mismatch" and flag.severity == "error"
    assert flag.expected == pytest.approx(expected, abs=1e-3)
    assert "tidak sesuai" in flag.message and "x 100" in flag.message


def test_lower_is_better_by_wording_uses_both_formulas() -> None:
    m = meas("10,00%", "8,00%", "125,00%", name="Angka kemiskinan")
    m, _flags = check_capaian(m)
    assert _flags == [] and m.polarity == "lower_better" and m.formula == "target/realisasi*100"
    m = meas("10,00%", "8,00%", "120,00%", name="Prevalensi stunting")
    m, _flags = check_capaian(m)
    assert _flags == [] and m.formula == "(2*target-realisasi)/target*100"


def test_lower_is_better_only_by_arithmetic_is_an_info_flag() -> None:
    [flag] = check_capaian(meas("10,00", "8,00", "125,00"))[1]
    assert flag.kind == "polarity_assumed" and flag.severity == "info"


def test_persentase_penurunan_is_higher_better() -> None:
    m = meas("10%", "12%", "120%", name="Persentase penurunan kasus kekerasan")
    m, _flags = check_capaian(m)
    assert _flags == [] and m.polarity == "higher_better"


def test_qualitative_values_are_not_compared() -> None:
    m = meas("Puas", "Puas", "Puas/100%")
    m, _flags = check_capaian(m)
    assert _flags == [] and m.polarity == "qualitative"


def test_budget_percent_and_remaining() -> None:
    flags = check_budget(line("224.768.500", "153.100.000", "62,55", "71.668.500"))[1]
    assert [f.kind for f in flags] == ["budget_percent_mismatch"]
    flags = check_budget(line("7.247.670.961", "6.995.601.707", "96,52", "238.808.054"))[1]
    assert [f.kind for f in flags] == ["remaining_mismatch"] and flags[0].expected == 252069254
    assert check_budget(line("-", "-", "0,00", "-"))[1] == []  # 0/0 printed as 0,00


def test_interval_boundary() -> None:
    interval = ratio_percent(P("96"), P("96"))
    assert interval is not None
    # 96/96 with both inputs anywhere in 95,5..96,5 spans 98,96..101,05
    assert agrees(P("99,00"), interval) and agrees(P("101,05"), interval)
    assert not agrees(P("101,07"), interval) and not agrees(P("98,95"), interval)


def test_totals_by_code_keep_sections_apart() -> None:
    rows = [
        line("30", "20", kode="1.06.01", pos=0),
        line("10", "5", kode="1.06.01.2.01", level="kegiatan", pos=1),
        line("20", "15", kode="1.06.01.2.02", level="kegiatan", pos=2),
        line("7", "7", kode="1.06.01", pos=3, section="UPTD X"),
        line("7", "7", kode="1.06.01.2.09", level="kegiatan", pos=4, section="UPTD X"),
        line("37", "27", name="TOTAL", level="total", total=True, pos=5),
    ]
    assert check_totals(rows) == []
    rows[0] = line("31", "20", kode="1.06.01", pos=0)
    rows[5] = line("38", "27", name="TOTAL", level="total", total=True, pos=5)
    flags = check_totals(rows)
    assert [(f.line, f.reported, f.expected) for f in flags] == [(1, 31, 30)]


def test_totals_by_structure() -> None:
    rows = [line("100", "90", pos=0), line("60", "50", level="kegiatan", pos=1),
            line("50", "40", level="kegiatan", pos=2)]
    [flag] = check_totals(rows)
    assert flag.kind == "total_mismatch" and flag.expected == 110


def test_cross_table_flags_the_odd_one_out_not_a_revised_plan() -> None:
    budget = [line("1.000", "900", name="Program A", table="t05"), line("2.000", "1.900", name="Program B",
                                                                           table="t05", pos=1),
              line("3.008", "2.000", name="Program C", table="t05", pos=2)]
    plans = [PlanEntry("d", "f.txt", "t02", None, 10 + i, name, pagu=P(v), kind="program")
             for i, (name, v) in enumerate([("A", "1.000"), ("B", "2.000"), ("Program C", "3.000")])]
    flags = check_cross_table(ext(budget=budget, plans=plans))
    assert [(f.reported, f.expected) for f in flags] in ([(3000, 3008)], [(3008, 3000)])
    revised = [PlanEntry("d", "f.txt", "t09", None, 50 + i, name, pagu=P(v), kind="program")
               for i, (name, v) in enumerate([("A", "1.500"), ("B", "2.500"), ("C", "3.500")])]
    assert [f.severity for f in check_cross_table(ext(budget=budget, plans=revised))] == ["info"]  # no finding


def test_malformed_flagged_once() -> None:
    m = meas("100%", "33,12%", "", table="t01", line=5)
    b = line("49.990.000", "14.90.000", table="t01", pos=4)
    flags = check_malformed(ext(measurements=[m], budget=[b, b]))
    assert [f.kind for f in flags] == ["malformed_number"] and "14.90.000" in flags[0].message


def test_check_fills_computed_fields() -> None:
    m = meas("96", "96", "92,15 %")
    b = line("100", "90", "90%", "10")
    checked = check(ext(measurements=[m], budget=[b]))
    [m2], [b2] = checked.measurements, checked.budget
    assert m2.capaian_computed == 100 and b2.persen_computed == 90 and b2.sisa_computed == 10
    assert m.capaian_computed is None and b.persen_computed is None  # the extracted records are left as they were
    assert [f.kind for f in checked.flags] == ["capaian_mismatch"]
