"""The same subject with different figures in two tables; revisions and rounding are not findings."""

import dataclasses

from extractors.model import Document, Table, TextLine
from extractors.numbers import Number, parse_number
from pipeline.check import check
from pipeline.check.cross_table import budget_versions, check_cross_table, unit_kind
from pipeline.check.subjects import name_key, same_subject
from schemas.records import BudgetLine, DocumentInfo, Extraction, Measurement, PlanEntry

P = parse_number
EMPTY = Number("", None, "empty")


def ext(measurements: list[Measurement], plans: list[PlanEntry] | None = None,
        budget: list[BudgetLine] | None = None) -> Extraction:
    return Extraction(info=DocumentInfo("d", "f.txt", "0" * 64, 1, tahun=2024), measurements=measurements,
                      plans=plans or [], budget=budget or [])


def meas(table: str, line: int, name: str, target: str, real: str, cap: str = "", year: int = 2024,
         satuan: str = "") -> Measurement:
    return Measurement("d", "f.txt", table, None, line, "other", name, P(target), P(real), P(cap) if cap else EMPTY,
                       year=year, satuan=satuan)


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
    [flag] = check_cross_table(ext(rows, plans))
    assert flag.severity == "info" and "4 dari 4" in flag.message


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


def findings(flags: list) -> list:
    return [f for f in flags if f.severity != "info"]


# --- like with like -------------------------------------------------------------------------------------------------
def test_a_capaian_is_compared_only_over_the_same_target_and_realisasi() -> None:
    """A realisasi that differs makes its capaian differ too: one finding (the realisasi), not two."""
    flags = check_cross_table(ext([meas("t05", 137, NAME, "150", "138", "108,70"),
                                   meas("t06", 175, NAME, "150", "141", "106,38")]))
    assert [(f.kind, f.message.split()[0]) for f in flags] == [("cross_table_mismatch", "Realisasi")]


def test_a_capaian_that_differs_over_the_same_inputs_is_flagged() -> None:
    flags = check_cross_table(ext([meas("t05", 139, NAME, "40,00", "36,84", "96,10"),
                                   meas("t06", 178, NAME, "40,00", "36,84", "92,10")]))
    assert [(f.kind, {f.reported, f.expected}) for f in flags] == [("cross_table_mismatch", {96.10, 92.10})]


def test_two_formulas_of_a_lower_is_better_indicator_are_both_legitimate() -> None:
    """FORMAT.md allows target/realisasi and (2*target-realisasi)/target: 24,50/22,10 = 110,86 and
    (49-22,10)/24,50 = 109,80 are the same finding-free figure printed two ways."""
    name = "Prevalensi stunting pada balita di kabupaten"
    assert check_cross_table(ext([meas("t05", 10, name, "24,50", "22,10", "110,86"),
                                  meas("t06", 20, name, "24,50", "22,10", "109,80")])) == []


def test_opposite_polarities_flag_the_capaian_against_the_wording() -> None:
    """Lower-is-better wording: the table printing realisasi/target is the wrong one."""
    name = "Angka Kematian Bayi per 1.000 kelahiran hidup"
    [flag] = check_cross_table(ext([meas("t05", 138, name, "12", "13,4", "111,67"),
                                    meas("t06", 176, name, "12", "13,4", "89,55")]))
    assert (flag.kind, flag.severity, flag.line, flag.reported, flag.expected) == (
        "capaian_mismatch", "error", 138, 111.67, 89.55)


def test_a_polarity_note_in_one_tables_name_does_not_part_the_two_rows() -> None:
    """"Persentase temuan berulang (semakin rendah semakin baik)" in the IKU table, plain in the multi-year table
    (held-out i02): one indicator; the note says lower is better, so the table printing realisasi/target (85,00)
    is the wrong one against (2 x 10,00 - 8,50) / 10,00 = 115,00."""
    name = "Persentase temuan berulang"
    [flag] = check_cross_table(ext([meas("t07", 150, f"{name} (semakin rendah semakin baik)", "10,00", "8,50",
                                         "115,00"),
                                    meas("t08", 192, name, "10,00", "8,50", "85,00")]))
    assert (flag.kind, flag.line, flag.reported, flag.expected) == ("capaian_mismatch", 192, 85.0, 115.0)


def test_opposite_polarities_without_wording_flag_the_lower_formula() -> None:
    """No wording says lower-is-better: realisasi/target (FORMAT.md's default) is right, target/realisasi wrong."""
    name = "Indeks kemantapan jembatan kabupaten"
    [flag] = check_cross_table(ext([meas("t08", 137, name, "78,50", "80,00", "98,13"),
                                    meas("t12", 209, name, "78,50", "80,00", "101,91")]))
    assert (flag.kind, flag.line, flag.reported, flag.expected) == ("capaian_mismatch", 137, 98.13, 101.91)


def test_the_method_texts_polarity_decides_which_table_is_wrong() -> None:
    """The report's method text names the indicator lower-is-better ("... (semakin rendah semakin baik), yaitu Jumlah
    kasus konflik sosial, capaian dihitung dengan rumus ..."): the table printing realisasi/target (150) is the wrong
    one, never the tables printing (2 x 2 - 3) / 2 = 50 (holdout4 j04); without it the plain default holds."""
    name = "Jumlah kasus konflik sosial"
    rows = [meas("t08", 169, name, "2", "3", "150,00"), meas("t09", 183, name, "2", "3", "50,00"),
            meas("t10", 249, name, "2", "3", "50,00")]
    told = check_cross_table(ext(rows), lower_named=frozenset({name_key(name)}))
    assert {(f.kind, f.line, f.reported) for f in told} == {("capaian_mismatch", 169, 150.0)}
    assert {f.line for f in check_cross_table(ext(rows))} == {183, 249}
    # the whole check reads the method text so: the capaian check names line 169, no table names the others
    e = ext(rows)
    e.document = Document("f.txt", "0" * 64, 1, lines=[TextLine(
        "Untuk indikator dengan polaritas negatif (semakin rendah semakin baik), yaitu Jumlah kasus konflik sosial, "
        "capaian dihitung dengan rumus ((2 x Target) - Realisasi) / Target x 100%.", 5.0)])
    assert {(f.kind, f.line) for f in check(e).flags if f.severity != "info"} == {("capaian_mismatch", 169)}


def test_a_table_silent_on_its_version_takes_the_version_of_the_table_it_agrees_with() -> None:
    """An efficiency table restating the realisation table's pagu "Setelah Perubahan" is on that budget too: the
    PK's "APBD Murni" pagu is not compared with it (holdout4 j02: Tabel 2.2 against Tabel 3.7)."""
    said = _versioned("Tabel 2.2 Program dan Anggaran dalam Perjanjian Kinerja (APBD Murni)", "",
                      "Anggaran Setelah Perubahan")
    said.budget.append(budget_line("t10", 90, "PROGRAM PENANGGULANGAN BENCANA", "3.225.600.000"))
    said.tables.append(Table("t10", "Tabel 3.7 Efisiensi", ["Program", "Pagu (Rp)", "Realisasi (Rp)"], [],
                             order=80.0, roles=["program", "pagu", "realisasi"]))
    said.document.lines += [TextLine("Seluruh program telah dilaksanakan sesuai rencana.", 78.0),
                            TextLine("Efisiensi penggunaan anggaran tiap program disajikan berikut.", 79.0)]
    assert budget_versions(said) == {"t03": "murni", "t08": "perubahan", "t10": "perubahan"}
    assert check_cross_table(said) == []
    # a table agreeing with neither keeps no version, and is compared as before
    said.budget[-1] = budget_line("t10", 90, "PROGRAM PENANGGULANGAN BENCANA", "3.100.000.000")
    assert budget_versions(said)["t10"] == ""


def test_an_inverted_capaian_of_a_delivered_output_is_named_once() -> None:
    """"... dalam kondisi baik" is higher-is-better by its words: the capaian check names the inverted capaian, the
    cross-table check does not name it again."""
    name = "Persentase jembatan kabupaten dalam kondisi baik"
    rows = [meas("t08", 137, name, "78,50", "80,00", "98,13"), meas("t12", 209, name, "78,50", "80,00", "101,91")]
    e = ext(rows)
    assert check_cross_table(e) == []
    assert [(f.kind, f.line, f.expected) for f in check(e).flags if f.severity != "info"] == [
        ("capaian_mismatch", 137, 101.9108)]


def test_a_count_is_not_compared_with_a_percentage_of_the_same_name() -> None:
    """A formula table's pembilang (tons) read as target beside the indicator's percent target."""
    name = "Persentase sampah terkelola di kabupaten"
    rows = [meas("t07", 188, name, "152.340,25 Ton", "105.210,40 Ton", "69,06"),
            meas("t04", 131, name, "65", "69,06", "106,25", satuan="%")]
    assert check_cross_table(ext(rows)) == []


def test_unit_kinds() -> None:
    assert unit_kind(P("65 %")) == "percent" and unit_kind(P("65"), "%") == "percent"
    assert unit_kind(P("152.340,25 Ton")) == "count" and unit_kind(P("12"), "Desa") == "count"
    assert unit_kind(P("Rp 2.000.000")) == "money" and unit_kind(P("65")) == ""


def test_a_name_joined_with_another_quantity_is_not_the_same_subject() -> None:
    """"X dan Y" sums two quantities: its figure is not X's (roads reconstructed + widened vs reconstructed)."""
    long_ = "Panjang jalan yang direkonstruksi dan ditingkatkan kapasitas strukturnya"
    assert not same_subject("Panjang Jalan yang Direkonstruksi", long_)
    assert check_cross_table(ext([meas("t10", 186, long_, "42,50 Km", "41,80 Km", "98,35"),
                                  meas("t16", 319, "Panjang Jalan yang Direkonstruksi", "12,50 Km", "12,00 Km",
                                       "96,00")])) == []
    # a name continued by other words (an indicator glued to its sub-kegiatan) is still the same subject
    assert same_subject("Jumlah Orang yang Mendapatkan Alat Bantu Peraga",
                        "Penyediaan Alat Bantu Jumlah Orang yang Mendapatkan Alat Bantu Peraga")


# --- revised plans and misread tables -------------------------------------------------------------------------------
def budget_line(table: str, line: int, name: str, pagu: str) -> BudgetLine:
    return BudgetLine("d", "f.txt", table, None, line, "", "program", name, P(pagu), P("1.000"), EMPTY, EMPTY)


def program_plan(table: str, line: int, name: str, pagu: str) -> PlanEntry:
    return PlanEntry("d", "f.txt", table, None, line, name, pagu=P(pagu), kind="program", year=2024)


def test_two_programs_both_revised_are_a_revision_not_two_findings() -> None:
    """A PK on the pagu murni naming two programs, the realisation table on the pagu after the APBD-P."""
    plans = [program_plan("t03", 89, "Program Penanggulangan Bencana", "2.810.600.000"),
             program_plan("t03", 99, "Program Penunjang Urusan Pemerintahan Daerah", "5.212.298.600")]
    budget = [budget_line("t08", 200, "PROGRAM PENANGGULANGAN BENCANA", "3.225.600.000"),
              budget_line("t08", 182, "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "5.332.298.600")]
    flags = check_cross_table(ext([], plans, budget))
    assert findings(flags) == [] and [f.severity for f in flags] == ["info"]


def test_one_program_differing_among_agreeing_ones_is_a_finding() -> None:
    names = ["Program Penunjang Urusan", "Program Sediaan Farmasi", "Program Pemberdayaan Masyarakat",
             "Program Peningkatan Kapasitas"]
    plans = [program_plan("t03", 90 + i, n, v) for i, (n, v) in
             enumerate(zip(names, ["1.000.000", "106.400.000", "383.050.000", "3.687.000.000"], strict=True))]
    budget = [budget_line("t10", 250 + i, n, v) for i, (n, v) in
              enumerate(zip(names, ["1.000.000", "96.400.000", "383.050.000", "3.687.000.000"], strict=True))]
    [flag] = check_cross_table(ext([], plans, budget))
    assert flag.severity == "warning" and {flag.reported, flag.expected} == {106_400_000, 96_400_000}


def test_a_misread_table_disagreeing_in_every_shared_row_abstains() -> None:
    names = [f"Persentase capaian layanan dasar jenis {k} di kabupaten" for k in "abc"]
    rows = [meas("t04", 10 + i, n, "65", "70", "107,69") for i, n in enumerate(names)]
    rows += [meas("t07", 50 + i, n, str(1000 + i), str(900 + i), "70") for i, n in enumerate(names)]
    flags = check_cross_table(ext(rows))
    assert findings(flags) == [] and {f.subject for f in flags} == {"t04/t07 (target)", "t04/t07 (realisasi)"}


def test_an_odd_figure_is_named_against_its_most_confident_partner() -> None:
    doubtful = meas("t02", 94, NAME, "65,00", "68,32")
    doubtful = dataclasses.replace(doubtful, confidence=0.4)
    rows = [doubtful, meas("t03", 116, NAME, "65,00", "68,23"), meas("t07", 250, NAME, "65,00", "68,32")]
    [flag] = check_cross_table(ext(rows))
    assert (flag.line, flag.confidence, flag.message.endswith("(baris 250)")) == (116, 1.0, True)


def spent(table: str, line: int, name: str, pagu: str, real: str) -> BudgetLine:
    return BudgetLine("d", "f.txt", table, None, line, "", "program", name, P(pagu), P(real), EMPTY, EMPTY)


def test_the_money_spent_is_compared_across_tables() -> None:
    """Realisasi anggaran is not revised with the pagu: the same program spends one amount in every table."""
    name = "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan"
    flags = check_cross_table(ext([], budget=[spent("t10", 289, name, "3.687.000.000", "3.547.505.000"),
                                              spent("t12", 336, name, "3.687.000.000", "3.457.505.000")]))
    assert [(f.kind, {f.reported, f.expected}) for f in flags] == [
        ("cross_table_mismatch", {3_547_505_000, 3_457_505_000})]
    assert flags[0].message.startswith("Realisasi anggaran")


def test_a_row_with_another_programs_figures_is_one_finding() -> None:
    """Pagu and realisasi both differ between the same two rows: the pagu names it, once."""
    rows = [spent("t42", 1891, "Program Pemberdayaan Sosial", "99.836.580", "68.043.001"),
            spent("t43", 1911, "Program Pemberdayaan Sosial", "9.956.880", "9.690.000")]
    plans = [program_plan("t06", 595, "Program Pemberdayaan Sosial", "99.836.580")]
    [flag] = findings(check_cross_table(ext([], plans, rows)))
    assert (flag.line, flag.reported, flag.expected) == (1911, 9_956_880, 99_836_580)


def test_the_capaian_its_own_inputs_cannot_give_is_the_odd_one() -> None:
    """83,25 of 90 printed 100 in one table and 92,50 in another: the 100 is named, whatever the table order."""
    rows = [meas("t12", 795, NAME, "90", "83,25", "92,50"), meas("t15", 879, NAME, "90", "83,25", "100")]
    [flag] = check_cross_table(ext(rows))
    assert (flag.line, flag.reported, flag.expected) == (879, 100, 92.5)


def coded(table: str, line: int, kode: str, parent: str, level: str, name: str, pagu: str) -> BudgetLine:
    return BudgetLine("d", "f.txt", table, None, line, kode, level, name, P(pagu), EMPTY, EMPTY, EMPTY,
                      parent_kode=parent)


def test_a_parent_its_own_children_contradict_is_left_to_the_total_check() -> None:
    """The program row prints 2.752.213.000 over its only kegiatan's 2.602.213.000, which the efficiency table
    repeats: the total check names the program row; a table without the children keeps the cross-table flag."""
    name = "Program Informasi dan Komunikasi Publik"
    realisation = [coded("t08", 208, "2.16.02", "2.16", "program", name, "2.752.213.000"),
                   coded("t08", 209, "2.16.02.2.01", "2.16.02", "kegiatan", "Pengelolaan Informasi", "2.602.213.000")]
    efficiency = [coded("t10", 264, "", "", "program", name, "2.602.213.000")]
    assert findings(check_cross_table(ext([], budget=realisation + efficiency))) == []
    childless = [coded("t08", 208, "2.16.02", "2.16", "program", name, "2.602.213.000"),
                 coded("t10", 264, "", "", "program", name, "2.752.213.000")]
    [flag] = findings(check_cross_table(ext([], budget=childless)))
    assert flag.line == 264 or flag.line == 208


def test_a_name_narrowed_by_a_clause_is_another_subject() -> None:
    from pipeline.check.subjects import same_subject

    assert not same_subject("Luas kawasan permukiman kumuh",
                            "Luas kawasan permukiman kumuh yang ditingkatkan kualitasnya")
    assert same_subject("Persentase rumah layak huni", "Persentase Rumah Layak Huni")


def test_the_renstra_end_target_is_not_compared_with_the_years_target(tmp_path) -> None:
    """A table of the year's realisasi against the Renstra end target ("Target Akhir Renstra") reads that
    column as its target; it is another quantity than the year's target of the PK table and is not a
    disagreement with it (holdout h08 Tabel 3.4 against Tabel 2.2), while its realisasi still is compared."""
    from pipeline.run import extract_document

    report = tmp_path / "lkjip.txt"
    report.write_text(
        "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2023\n\n"
        "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2023\n"
        "No\tIndikator Kinerja\tSatuan\tTarget\tRealisasi\tCapaian (%)\n"
        "1\tIndeks Profesionalitas Aparatur Sipil Negara\tIndeks\t72,00\t74,35\t103,26\n"
        "2\tPersentase layanan kepegawaian tepat waktu\t%\t95,00\t97,18\t102,29\n\n"
        "Tabel 3.4 Capaian IKU terhadap Target Akhir Renstra 2018-2023\n"
        "No\tIndikator Kinerja\tSatuan\tTarget Akhir Renstra\tRealisasi 2023\tCapaian (%)\n"
        "1\tIndeks Profesionalitas Aparatur Sipil Negara\tIndeks\t75,00\t73,45\t97,93\n"
        "2\tPersentase layanan kepegawaian tepat waktu\t%\t95,00\t97,18\t102,29\n", encoding="utf-8")
    flags = [f for f in extract_document(report).flags if f.kind == "cross_table_mismatch" and f.severity != "info"]
    assert [(f.reported, f.expected) for f in flags] in ([(73.45, 74.35)], [(74.35, 73.45)])


def test_a_level_realised_in_the_renstra_end_table_is_the_years_realisasi(tmp_path) -> None:
    """Against "Target Akhir Renstra 2026", the row's year is the target's, but "Realisasi 2023" is the year's: a
    percentage there that differs from the year's table is a finding (holdout3 i02's Tabel 3.4, 83,37 for 88,37); a
    count there may be summed over the Renstra's years so far and is not (h07's 3.323 houses, the year's 1.187)."""
    from pipeline.run import extract_document

    report = tmp_path / "lkjip.txt"
    report.write_text(
        "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2023\n\n"
        "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2023\n"
        "No\tIndikator Kinerja\tSatuan\tTarget\tRealisasi\tCapaian (%)\n"
        "1\tPersentase rekomendasi hasil pengawasan yang ditindaklanjuti\t%\t85,00\t88,37\t103,96\n"
        "2\tJumlah rumah tidak layak huni yang ditangani\tUnit\t1.250\t1.187 Unit\t94,96\n\n"
        "Tabel 3.4 Capaian Realisasi Tahun 2023 terhadap Target Akhir Renstra (2026)\n"
        "No\tIndikator Kinerja\tTarget Akhir Renstra 2026\tRealisasi 2023\tCapaian (%)\n"
        "1\tPersentase rekomendasi hasil pengawasan yang ditindaklanjuti\t90,00\t83,37\t92,63\n"
        "2\tJumlah rumah tidak layak huni yang ditangani\t6.250 Unit\t3.323 Unit\t53,17\n", encoding="utf-8")
    flags = [f for f in extract_document(report).flags if f.kind == "cross_table_mismatch" and f.severity != "info"]
    assert [(f.reported, f.expected) for f in flags] in ([(83.37, 88.37)], [(88.37, 83.37)])  # two tables: either


# --- two versions of the budget: murni and perubahan (budget_versions) ------------------------------------------
def _versioned(pk_caption: str, intro: str, realisation_label: str) -> Extraction:
    """One program in a PK (its pagu on the caption or the introducing sentence) and in the realisation table
    (its pagu column labelled ``realisation_label``): the PK names one program only, so no revision rule applies."""
    pk = Table("t03", pk_caption, ["Program", "Anggaran (Rp)"], [], order=10.0, roles=["program", "pagu"])
    real = Table("t08", "Tabel 3.4 Realisasi Anggaran", ["Program", realisation_label, "Realisasi (Rp)"], [],
                 order=50.0, roles=["program", "pagu", "realisasi"])
    lines = [TextLine("Perjanjian Kinerja Kepala Dinas dengan Bupati Tahun 2024 memuat program", 7.0),
             TextLine(intro, 8.0), TextLine(pk_caption, 9.0)]
    out = ext([], [program_plan("t03", 10, "Program Penanggulangan Bencana", "2.810.600.000")],
              [budget_line("t08", 52, "PROGRAM PENANGGULANGAN BENCANA", "3.225.600.000")])
    out.tables, out.document = [pk, real], Document("f.txt", "0" * 64, 1, lines=lines)
    return out


def test_a_pagu_murni_is_not_compared_with_a_pagu_after_the_change() -> None:
    """The PK's sentence says murni, the realisation table's label says perubahan (dev d05, d06; holdout3 i04)."""
    said = _versioned("Tabel 2.1 Perjanjian Kinerja", "dengan pagu anggaran murni sebagai berikut.",
                      "Anggaran Setelah Perubahan")
    assert budget_versions(said) == {"t03": "murni", "t08": "perubahan"}
    assert check_cross_table(said) == []


def test_a_pagu_without_its_version_on_one_side_is_compared() -> None:
    """Where one table does not say which budget its pagu is, a difference stays a finding (dev d07: its PK
    Perubahan against an unlabelled realisation table)."""
    unsaid = _versioned("Tabel 2.1 Perjanjian Kinerja", "dengan program pendukung sebagai berikut.",
                        "Anggaran Setelah Perubahan")
    assert budget_versions(unsaid) == {"t03": "", "t08": "perubahan"}
    assert [f.severity for f in check_cross_table(unsaid)] == ["warning"]


def test_a_sentence_naming_both_versions_says_neither() -> None:
    """"pagu anggaran murni ... (pagu setelah perubahan disajikan pada Bab III)": no version from it (dev d05's
    sentence; its caption says murni)."""
    both = _versioned("Tabel 2.1 Perjanjian Kinerja",
                      "pagu anggaran murni sebagai berikut (pagu setelah perubahan pada Bab III).", "Anggaran")
    assert budget_versions(both) == {"t03": "", "t08": ""}
    assert budget_versions(_versioned("Program dan Pagu Anggaran Murni Tahun 2024", "", "Anggaran"))["t03"] == "murni"


def test_a_row_differing_in_its_target_and_its_realisasi_is_one_finding_named_by_the_realisasi() -> None:
    """A row printed with another row's figures (sample 001's Tabel 3.8 carries an indicator's name over another
    one's 94,25 / 88,76): one flag for the row, as for a budget row whose pagu and realisasi both differ."""
    row = "Persentase Penyandang disabilitas terlantar, anak terlantar, lanjut usia terlantar di Luar Panti sosial"
    flags = check_cross_table(ext([meas("t09", 717, row, "100%", "100%"), meas("t12", 793, row, "94,25%", "88,76%")]))
    assert [(f.kind, sorted([f.reported or 0, f.expected or 0])) for f in flags] == [
        ("cross_table_mismatch", [88.76, 100.0])]
    # a row differing in its target only is still a finding of its own
    flags = check_cross_table(ext([meas("t09", 717, row, "100%", "88,76%"), meas("t12", 793, row, "94,25%", "88,76%")]))
    assert [sorted([f.reported or 0, f.expected or 0]) for f in flags] == [[94.25, 100.0]]
