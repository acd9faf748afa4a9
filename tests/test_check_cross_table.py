"""The same subject with different figures in two tables; revisions and rounding are not findings."""

from extractors.numbers import Number, parse_number
from pipeline.check.cross_table import check_cross_table
from pipeline.check.subjects import same_subject
from schemas.records import DocumentInfo, Extraction, Measurement, PlanEntry

P = parse_number
EMPTY = Number("", None, "empty")


def ext(measurements: list[Measurement], plans: list[PlanEntry] | None = None) -> Extraction:
    return Extraction(info=DocumentInfo("d", "f.txt", "0" * 64, 1, tahun=2024), measurements=measurements,
                      plans=plans or [])


def meas(table: str, line: int, name: str, target: str, real: str, cap: str = "", year: int = 2024) -> Measurement:
    return Measurement("d", "f.txt", table, None, line, "other", name, P(target), P(real), P(cap) if cap else EMPTY,
                       year=year)


def plan(table: str, line: int, name: str, target: str) -> PlanEntry:
    return PlanEntry("d", "f.txt", table, None, line, name, target=P(target), year=2024)


NAME = "Persentase pelaku penyelenggaraan kesejahteraan sosial yang diberikan peningkatan kapasitas"


def test_one_shared_indicator_that_differs_is_flagged() -> None:
    flags = check_cross_table(ext([meas("t05", 522, NAME, "66,04%", "66,97%"), meas("t07", 593, NAME, "66,04%",
                                                                                      "66,96%")]))
    assert [(f.kind, sorted([f.reported or 0, f.expected or 0])) for f in flags] == [
        ("cross_table_mismatch", [66.96, 66.97])]


def test_rounding_and_other_years_are_not_findings() -> None:
    assert check_cross_table(ext([meas("t05", 1, NAME, "66%", "67%"), meas("t07", 9, NAME, "66,00%", "67,00%")])) == []
    assert check_cross_table(ext([meas("t05", 1, NAME, "66%", "67%"),
                                  meas("t07", 9, NAME, "60%", "61%", year=2023)])) == []


def test_odd_one_out_is_named_where_the_others_agree() -> None:
    rows = [meas("t01", 10, NAME, "95%", "100%"), meas("t02", 20, NAME, "95%", "100%"),
            meas("t03", 30, NAME, "95%", "90,67%")]
    [flag] = check_cross_table(ext(rows))
    assert flag.line == 30 and flag.reported == 90.67 and flag.expected == 100


def test_contained_name_matches_a_plan_target() -> None:
    rows = [meas("t17", 1027, "Penyediaan Alat Bantu Jumlah Orang yang Mendapatkan Alat Bantu Peraga", "11 Orang",
                 "10 Orang"),
            meas("t17", 1028, "Pemberian Reunifikasi Jumlah Orang yang Mendapatkan Pelayanan Reunifikasi Keluarga",
                 "25 Orang", "11 Orang")]
    plans = [plan("t06", 602, "Jumlah Orang yang Mendapatkan Alat Bantu Peraga", "50 Orang"),
             plan("t06", 603, "Jumlah Orang yang Mendapatkan Pelayanan Reunifikasi Keluarga", "25 Orang")]
    [flag] = check_cross_table(ext(rows, plans))
    assert {flag.reported, flag.expected} == {11, 50}


def test_a_revised_plan_differing_everywhere_is_not_flagged() -> None:
    names = [f"Persentase layanan sosial dasar jenis nomor {k} yang terpenuhi" for k in "abcd"]
    rows = [meas("t10", 10 + i, n, "80%", "80%") for i, n in enumerate(names)]
    plans = [plan("t02", 1 + i, n, "85%") for i, n in enumerate(names)]
    assert check_cross_table(ext(rows, plans)) == []


def test_short_names_are_not_matched_by_containment() -> None:
    assert not same_subject("Penyediaan Makanan", "Penyediaan Makanan dan Minuman bagi Korban Bencana")
    assert same_subject("Program Rehabilitasi Sosial", "PROGRAM REHABILITASI SOSIAL")


def test_a_percentage_and_a_count_are_not_the_same_figure() -> None:
    name = "Jumlah lembaga kemasyarakatan kelurahan yang aktif dibina"
    rows = [meas("t01", 10, name, "100%", "100%"), meas("t02", 20, name, "76 Lembaga", "76 Lembaga")]
    assert check_cross_table(ext(rows)) == []


def test_a_score_with_another_grade_is_flagged_under_its_short_name() -> None:
    """"Nilai SAKIP" 72/B in one table, "Nilai SAKIP/Predikat" 72/BB in two others: the odd grade is named."""
    flags = check_cross_table(ext([meas("t10", 788, "Nilai SAKIP/Predikat", "72/BB", "60,06"),
                                   meas("t20", 1784, "Nilai SAKIP/Predikat", "72/BB", "-")],
                                  [plan("t07", 665, "Nilai SAKIP", "72/B")]))
    assert [(f.line, f.reported, f.expected) for f in flags] == [(665, 72, 72)]
    assert "72/B " in flags[0].message and "72/BB" in flags[0].message


def test_same_grade_or_no_grade_is_not_a_finding() -> None:
    assert check_cross_table(ext([meas("t10", 788, "Nilai SAKIP/Predikat", "72/BB", "60,06")],
                                 [plan("t07", 665, "Nilai SAKIP", "72,00 / BB")])) == []
    assert check_cross_table(ext([meas("t10", 788, "Nilai SAKIP/Predikat", "72", "60,06")],
                                 [plan("t07", 665, "Nilai SAKIP", "72/B")])) == []


def test_short_generic_names_are_not_matched() -> None:
    """Two words of which one is generic ("Jumlah KK") are too vague to call two rows the same indicator."""
    rows = [meas("t10", 1, "Jumlah KK", "10", "9"), meas("t11", 5, "Jumlah KK", "12", "9")]
    assert check_cross_table(ext(rows)) == []
