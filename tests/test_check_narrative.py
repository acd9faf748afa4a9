"""Prose figures: their own arithmetic and against the table rows of the same subject."""

import dataclasses

from extractors.figures import year_figures
from extractors.model import Document, TextLine
from extractors.numbers import Number, parse_number
from pipeline.check.narrative import check_narrative
from pipeline.check.prose import all_sentences
from schemas.records import BudgetLine, DocumentInfo, Extraction, Measurement

P = parse_number


def ext(lines: list[str], measurements: list[Measurement] | None = None, first: int = 10) -> Extraction:
    doc = Document("f.txt", "0" * 64, 1, lines=[TextLine(t, float(i), None, first + i) for i, t in enumerate(lines)])
    return Extraction(info=DocumentInfo("d", "f.txt", "0" * 64, 1, tahun=2024), document=doc,
                      measurements=measurements or [])


def meas(name: str, target: str, real: str, program: str = "", level: str = "iku", line: int = 100) -> Measurement:
    return Measurement("d", "f.txt", "t03", None, line, level, name, P(target), P(real), Number("", None, "empty"),
                       program=program, year=2024)


def test_ratio_in_a_sentence_that_does_not_add_up_is_a_capaian_flag() -> None:
    e = ext(["Realisasi target 1954 orang dari target 2000 orang sehingga capaian sebesar 97,07 %."])
    [flag] = check_narrative(e)
    assert flag.kind == "capaian_mismatch" and flag.line == 10 and flag.reported == 97.07
    assert abs((flag.expected or 0) - 97.7) < 1e-6 and "1954" in flag.message


def test_ratio_that_adds_up_under_rounding_is_not_flagged() -> None:
    assert check_narrative(ext(["Sebanyak 713 lembaga dari 717 lembaga (99,44%) aktif."])) == []
    assert check_narrative(ext(["Terealisasi sebesar 85,00% dari target sebesar 85,00% dan capaian 100,00%."])) == []


def test_budget_share_wrapped_over_lines() -> None:
    lines = ["Dinas mendapat alokasi anggaran sebesar Rp 43.215.795.726,- dengan realisasi sebesar Rp",
             "41.873.823.093,- (Empat Puluh Satu Miliar rupiah) Persentase realisasi tersebut sebesar 96.89 %."]
    assert check_narrative(ext(lines)) == []
    lines = ["memperoleh anggaran belanja sebesar Rp 11.456.247.211,-. Realisasi keuangannya Rp 10.577.358.620,- "
             "(92,33%) dan tunda bayar sebesar Rp 185.784.883,- (1,64%)"]
    [flag] = check_narrative(ext(lines))
    assert flag.kind == "narrative_mismatch" and flag.reported == 1.64 and abs((flag.expected or 0) - 1.6217) < 1e-3


def test_written_average_and_fraction() -> None:
    good = ext(["atau $(17,28\\%+100\\%+72,80\\%+77,77\\%): 4 = 267,85\\%: 4 = 66,96\\%$.",
                "$$\\frac{60,06}{72,00 \\text{ BB}} \\times 100\\% = 83,42\\%$$"])
    assert check_narrative(good) == []
    [flag] = check_narrative(ext(["atau $(77,59\\%+100\\%): 2 \\times 100 = 88,76\\%$"]))
    assert flag.reported == 88.76 and abs((flag.expected or 0) - 88.795) < 1e-6
    [flag] = check_narrative(ext(["$$\\frac{62 \\text{ orang}}{70 \\text{ orang}} \\times 100\\% = 100\\%$$"]))
    assert flag.reported == 100 and abs((flag.expected or 0) - 88.5714) < 1e-3


def test_named_indicator_against_its_table_row() -> None:
    m = meas("Persentase Potensi dan Sumber Kesejahteraan Sosial (PSKS) yang meningkat kemampuannya", "100%", "100%")
    text = ("Pada tahun 2024 sasaran Persentase Potensi dan Sumber Kesejahteraan Sosial (PSKS) yang meningkat "
            "kemampuannya dengan target 100 % dan realisasi 68,15% mengalami penurunan.")
    [flag] = check_narrative(ext([text], [m]))
    assert flag.reported == 68.15 and flag.expected == 100 and "t03" in flag.message
    agreeing = text.replace("68,15%", "100,00%")
    assert check_narrative(ext([agreeing], [m])) == []


def test_other_year_and_unnamed_subject_are_left_alone() -> None:
    m = meas("Persentase Potensi dan Sumber Kesejahteraan Sosial (PSKS) yang meningkat kemampuannya", "100%", "100%")
    other_year = ("Pada tahun 2022 Persentase Potensi dan Sumber Kesejahteraan Sosial (PSKS) yang meningkat "
                  "kemampuannya dengan target 100 % dan realisasi 68,15%.")
    assert check_narrative(ext([other_year], [m])) == []
    assert check_narrative(ext(["Realisasi untuk sasaran strategis sebesar 68,15%."], [m])) == []


def test_program_with_two_indicators_by_ordinal() -> None:
    rows = [meas("Persentase anak terlantar yang direhabilitasi", "72,73%", "100%", "PROGRAM REHABILITASI SOSIAL",
                 "program", 364),
            meas("Persentase disabilitas terlantar yang direhabilitasi", "34,29%", "100%",
                 "PROGRAM REHABILITASI SOSIAL", "program", 364)]
    text = ("- b. Program Rehabilitasi sosial Target pertama 63,64 % dan target kedua 34,29 % Realisasi pertama 100 % "
            "dan realisasi kedua 100 %")
    flags = check_narrative(ext([text], rows))
    assert [(f.reported, f.expected) for f in flags] == [(63.64, 72.73)]


def test_sentences_do_not_break_after_abbreviations() -> None:
    sents = all_sentences(ext(["Anggaran Rp. 7.393.559.206,- pada Th. 2024 terserap. Berikutnya kalimat lain."]).prose)
    assert len(sents) == 2 and sents[0].text.endswith("terserap.")


def test_stated_average_against_the_sasaran_table() -> None:
    rows = [Measurement("d", "f.txt", "t10", None, 784 + i, "sasaran", f"Sasaran {i}", P("100%"), P(r), P(c),
                        year=2024) for i, (r, c) in enumerate([("100%", "100%"), ("100%", "100%"), ("83,42", "83,42")])]
    claim = "Rata-rata realisasi Capaian Kinerja sasaran Tahun 2024 mencapai {} atau bermakna tinggi."
    [flag] = check_narrative(ext([claim.format("89,01%")], rows))
    assert flag.reported == 89.01 and abs((flag.expected or 0) - 94.4733) < 1e-3
    assert check_narrative(ext([claim.format("94,47%")], rows)) == []
    strategi = "Rata-rata capaian kinerja strategi pertama sasaran 1 adalah 66,96%."
    assert check_narrative(ext([strategi], rows)) == []


def test_amounts_with_their_own_percentages_are_not_shares_of_each_other() -> None:
    text = ("sub kegiatan A anggaran realisasi sebesar 205.598.657 atau 42,47%, sub kegiatan B anggaran terealisasi "
            "sebesar 16.032.420 atau 64,13%, sub kegiatan C terealisasi sebesar 52.362.170 atau 83,44%.")
    assert check_narrative(ext([text])) == []


def test_capped_average_is_accepted() -> None:
    rows = [Measurement("d", "f.txt", "t10", None, 784 + i, "sasaran", f"Sasaran {i}", P("100%"), P(c), P(c),
                        year=2024) for i, c in enumerate(["150%", "100%", "90%"])]
    claim = "Rata-rata capaian kinerja sasaran tahun 2024 sebesar 96,67%."
    assert check_narrative(ext([claim], rows)) == []


def test_worked_formula_result_against_the_named_indicator() -> None:
    name = "Persentase pemerlu pelayanan kesejahteraan sosial (PPKS) yang memperoleh kebutuhan dasar"
    rows = [meas(name, "85%", "85,00%", line=784), meas(name, "85%", "85%", line=937)]
    lines = [f"Untuk menghitung {name} di tahun 2024, maka Dinas menggunakan Rumus :",
             "$$\\% \\text{ Capaian} = \\frac{\\sum \\text{Jumlah dilayani}}{\\sum \\text{Jumlah}} \\times 100 \\%$$",
             "$$\\frac{62.569 \\text{ jiwa}}{62.569 \\text{ jiwa}} \\times 100\\% = 100\\%$$"]
    [flag] = check_narrative(ext(lines, rows))
    assert flag.line == 12 and (flag.reported, flag.expected) == (100, 85) and "realisasi" in flag.message
    rows = [meas(name, "85%", "100%", line=784)]
    assert check_narrative(ext(lines, rows)) == []


def test_a_percentage_of_something_else_after_a_ratio_is_not_its_result() -> None:
    text = "Sebanyak 8 dari 10 kegiatan telah selesai dengan serapan anggaran sebesar 95%."
    assert check_narrative(ext([text])) == []


def _history_ext(lines: list[str]) -> Extraction:
    """A comparison table with "Capaian Tahun 2022 / 2023" columns beside the 2024 figures."""
    from extractors.model import Cell, Row, Table

    header = [["Indikator Kinerja"], ["Capaian", "Tahun 2022"], ["Capaian", "Tahun 2023"], ["Target"], ["Realisasi"]]
    table = Table("t40", "Tabel Perbandingan", [" ".join(h) for h in header], header_parts=header,
                  rows=[Row([Cell("Nilai SAKIP/Predikat"), Cell("96,71%"), Cell("83,42%"), Cell("72/BB"), Cell("-")],
                            line=200)])
    table.roles = ["indikator", "year", "year", "target", "realisasi"]
    table.years = [None, 2022, 2023, 2024, 2024]
    e = ext(lines)
    e.tables = [table]
    e.year_figures = year_figures([table], e.info.tahun)
    return e


def test_claims_about_another_year_are_checked_against_that_years_column() -> None:
    e = _history_ext(["Nilai SAKIP/Predikat ditahun 2022 di target predikat B dengan realisasi B dengan capaian "
                      "kinerja 100 %. Indikator Nilai SAKIP/Predikat dinyatakan kurang efisien karena capaian kinerja "
                      "pada Tahun 2023 hanya mencapai sebesar 60,06% tidak cukup baik."])
    flags = check_narrative(e)
    assert [(f.reported, f.expected) for f in flags] == [(100.0, 96.71), (60.06, 83.42)]
    assert "tahun 2022" in flags[0].message and "t40" in flags[0].message


def test_claims_about_another_year_that_agree_or_name_nothing_known_are_not_flagged() -> None:
    assert check_narrative(_history_ext(["Nilai SAKIP/Predikat pada tahun 2022 dengan capaian kinerja 96,71 %, "
                                         "dan pada tahun 2023 capaian 83,42%."])) == []
    assert check_narrative(_history_ext(["Jumlah penerima bantuan ditahun 2022 dengan capaian kinerja 100 % dan "
                                         "realisasi 12 orang."])) == []


def test_a_year_given_twice_in_a_list_with_two_figures() -> None:
    line = ("Pada Tahun 2021 penerima bantuan korban bencana sebanyak 772 jiwa, di th 2022 sebanyak 448 jiwa dan di "
            "th 2022 sebanyak 146 jiwa sementara di tahun 2023 penerima bantuan sosial sebanyak 1.440 jiwa.")
    [flag] = check_narrative(ext([line]))
    assert (flag.reported, flag.expected) == (146, 448) and "2022" in flag.message
    # the same year for two different things (another unit, or a subject between) is not a repeat
    for other in ("Di tahun 2022 sebanyak 448 jiwa dan tahun 2022 sebanyak 146 KK menerima bantuan.",
                  "Tahun 2022 sebanyak 448 jiwa, tahun 2022 korban kebakaran sebanyak 146 jiwa."):
        assert check_narrative(ext([other])) == []


def test_a_lower_is_better_ratio_in_prose_is_no_finding() -> None:
    e = ext(["Persentase penduduk miskin turun menjadi 4,23% dari target 4,30% atau tingkat capaian 101,65%."])
    assert check_narrative(e) == []


def test_a_figure_after_sedangkan_belongs_to_the_subject_named_there() -> None:
    rows = [meas("Persentase kesesuaian pemanfaatan ruang", "78,00%", "82,50%"),
            meas("Nilai SAKIP Dinas", "75,00", "76,20", line=101)]
    e = ext(["Persentase kesesuaian pemanfaatan ruang mencapai 82,50%, sedangkan Nilai SAKIP Dinas mencapai "
             "76,20 dari target 75,00."], rows)
    assert check_narrative(e) == []


def test_a_count_in_its_own_unit_is_not_the_table_percentage() -> None:
    rows = [meas("Persentase informasi publik yang terdiseminasi", "95%", "96,80%", program="PROGRAM INFORMASI")]
    e = ext(["Persentase informasi publik yang terdiseminasi didukung publikasi 1.346 konten, melampaui target "
             "1.200 konten."], rows)
    assert check_narrative(e) == []


def test_a_percentage_after_the_next_list_item_is_not_the_ratio_of_the_two_before() -> None:
    e = ext(["Waktu tanggap pengaduan rata-rata 27 menit dari target 30 menit, dan cakupan pelayanan bencana "
             "kebakaran sebesar 78,40%."])
    assert check_narrative(e) == []


def test_a_passage_longer_than_spacy_reads_at_once_is_split_after_full_stops() -> None:
    from pipeline.check import prose

    text = "Capaian kinerja sebesar 95,5 %. Realisasi 1.000 dari target 2.000 orang. " * 4000  # ~300 000 chars
    pieces = prose._pieces(text)
    assert len(pieces) >= 2 and "".join(p for _, p in pieces) == text
    assert all(p.endswith(". ") for _, p in pieces[:-1])
    found = prose.sentences(prose.Passage(text, []))
    assert len(found) == 8000 and all(text.startswith(s.text, s.start) for s in found[::997])


def test_a_slip_of_the_realisasi_in_prose_is_found_and_a_close_but_other_figure_is_not() -> None:
    name = "Persentase rumah tangga yang menempati rumah layak huni"
    rows = [meas(name, "88,50%", "89,12%")]
    [flag] = check_narrative(ext([f"{name} mencapai 89,21% pada tahun 2024."], rows))
    assert flag.kind == "narrative_mismatch" and flag.reported == 89.21 and flag.expected == 89.12
    assert check_narrative(ext([f"{name} mencapai 91,40% pada tahun 2024."], rows)) == []
    assert check_narrative(ext([f"{name} ditargetkan mencapai 89,21%."], rows)) == []


def test_a_budget_share_that_fits_the_tables_total_names_the_prose_amount_that_slipped() -> None:
    """"pagu Rp A ... realisasi Rp B atau p%" where p is not B/A: when the budget table's total row prints B and
    a pagu that p fits, the prose's A is the slip (reported A, expected the table's pagu); the same for a slipped
    realisasi. With no such row, or a total that p does not fit either, the percentage is reported as before."""
    def total(pagu: str, realisasi: str, is_total: bool = True) -> BudgetLine:
        return BudgetLine("d", "f.txt", "t09", None, 198, "", "total", "JUMLAH", P(pagu), P(realisasi), P("96,26"),
                          P(""), is_total=is_total)

    sentence = ["Pagu anggaran Bappeda Tahun 2023 sebesar Rp 13.156.870.000,- dengan realisasi Rp 12.673.079.382,- "
                "atau 96,26%."]

    def flags(*rows: BudgetLine) -> list:
        e = ext(sentence)
        e.budget = list(rows)
        return check_narrative(e)

    [pagu] = flags(total("13.165.870.000,00", "12.673.079.382,00"))
    assert (pagu.reported, pagu.expected) == (13156870000, 13165870000) and "pagu" in pagu.message
    [real] = flags(total("13.156.870.000", "12.665.176.062"))  # 96,26% of the prose's pagu
    assert (real.reported, real.expected) == (12673079382, 12665176062)
    not_a_total = total("13.165.870.000", "12.673.079.382", is_total=False)
    unfit = total("14.000.000.000", "12.673.079.382")
    for rows in ((), (not_a_total,), (unfit,)):
        share = [f for f in flags(*rows) if f.reported == 96.26]
        assert len(share) == 1 and abs((share[0].expected or 0) - 96.3229) < 1e-3
    # a line (no total) printing the pagu with two digits swapped: the prose amount is a slip of it besides
    assert sorted(f.reported for f in flags(not_a_total)) == [96.26, 13156870000]


def test_an_amount_one_digit_off_a_printed_one_is_a_slip_unless_the_lines_give_it() -> None:
    """"Total realisasi belanja ... Rp 246.371.045.624,00" where the JUMLAH TOTAL prints 247.371.045.624 (dev d02).
    A sisa the line's own pagu and realisasi give, where the table's printed sisa slipped, is no finding (holdout
    h02); nor is a round amount one digit off another (two budgets, not a slip)."""
    def jumlah(pagu: str, realisasi: str, sisa: str = "") -> BudgetLine:
        return BudgetLine("d", "f.txt", "t09", None, 238, "", "total", "JUMLAH TOTAL", P(pagu), P(realisasi), P(""),
                          P(sisa), is_total=True)

    def flags(text: str, row: BudgetLine) -> list:
        e = ext([text])
        e.budget = [row]
        return check_narrative(e)

    said = "Total realisasi belanja Dinas Pendidikan tahun 2024 adalah sebesar Rp {} dari pagu sebesar Rp {}."
    [flag] = flags(said.format("246.371.045.624,00", "254.003.157.000,00"),
                   jumlah("254.003.157.000", "247.371.045.624"))
    assert (flag.reported, flag.expected) == (246371045624, 247371045624)
    sisa = "Pagu Rp 110.360.295.300,- dengan realisasi Rp 106.866.932.395,- dan sisa anggaran Rp 3.493.362.905,-."
    assert flags(sisa, jumlah("110.360.295.300", "106.866.932.395", "3.439.362.905")) == []
    assert flags(said.format("150.000.000", "900.000.000"), jumlah("900.000.000", "160.000.000")) == []


def test_the_amount_slip_thresholds_are_read_from_the_settings() -> None:
    """settings.prose.slip_amount_digits / slip_amount_figures decide which amounts can be slips: the same twelve-digit
    slip is a finding under the defaults and none where thirteen digits are asked for."""
    from extractors.settings import DEFAULT

    row = BudgetLine("d", "f.txt", "t09", None, 238, "", "total", "JUMLAH TOTAL", P("254.003.157.000"),
                     P("247.371.045.624"), P(""), P(""), is_total=True)
    e = ext(["Total realisasi belanja tahun 2024 adalah sebesar Rp 246.371.045.624,00 dari pagu Rp 254.003.157.000."])
    e.budget = [row]
    assert [f.reported for f in check_narrative(e)] == [246371045624]
    strict = dataclasses.replace(DEFAULT, prose=dataclasses.replace(DEFAULT.prose, slip_amount_digits=13))
    assert check_narrative(e, strict) == []
    few = dataclasses.replace(DEFAULT, prose=dataclasses.replace(DEFAULT.prose, slip_amount_figures=12))
    assert check_narrative(e, few) == []


def test_sentences_end_at_full_stops_but_not_after_abbreviations_initials_or_before_lower_case() -> None:
    from pipeline.check import prose

    text = ("Anggaran Rp. 5.000.000 terserap. Capaian 90 %! Dr. A. Rahman melapor? ya. dan seterusnya. "
            "Target 2024. 5 kegiatan selesai. Akhir")
    found = [s.text for s in prose.sentences(prose.Passage(text, []))]
    assert found == ["Anggaran Rp. 5.000.000 terserap.", "Capaian 90 %!", "Dr. A. Rahman melapor? ya. dan seterusnya.",
                     "Target 2024. 5 kegiatan selesai.", "Akhir"]
    assert all(text.startswith(s.text, s.start) for s in prose.sentences(prose.Passage(text, [])))


def test_a_budget_share_with_the_budget_named_second_and_the_percent_as_a_word() -> None:
    """"realisasi Rp B dari pagu Rp A atau sebesar p persen" (dev d01): p is B/A*100 as when the pagu comes
    first; "persen" is the % sign written out. A share that fits, or an amount larger than the one after it
    without "dari pagu" between, is not a finding."""
    text = ("Secara keseluruhan realisasi anggaran Dinas Kesehatan tahun 2023 mencapai Rp 239.724.037.643,- dari "
            "pagu Rp 247.677.530.000,- atau sebesar {} persen.")
    [flag] = check_narrative(ext([text.format("98,04")]))
    assert (flag.kind, flag.reported, round(flag.expected or 0, 2)) == ("narrative_mismatch", 98.04, 96.79)
    assert check_narrative(ext([text.format("96,79")])) == []
    assert check_narrative(ext([text.format("96,79").replace(" persen", "%")])) == []
    other = ("Realisasi belanja pegawai Rp 239.724.037.643,- sedangkan belanja modal Rp 247.677.530.000,- atau "
             "sebesar 98,04 persen.")
    assert check_narrative(ext([other])) == []


def test_a_slip_under_a_three_word_name_is_found_but_not_under_a_two_word_one() -> None:
    """A figure one swap off the realisasi ("5,53%" for 5,35) is evidence enough to recognise a three-word name
    ("Tingkat pengangguran terbuka", dev d04); a two-word name stays too vague, and a figure that is no slip of
    the realisasi is no finding."""
    rows = [meas("Tingkat pengangguran terbuka", "5,80%", "5,35%"), meas("Nilai SAKIP", "70,00", "72,10")]
    text = "Tingkat pengangguran terbuka Kota Banjarmasin pada tahun 2024 sebesar {}, lebih rendah dari target 5,80%."
    [flag] = check_narrative(ext([text.format("5,53%")], rows))
    assert (flag.kind, flag.reported, flag.expected) == ("narrative_mismatch", 5.53, 5.35)
    assert check_narrative(ext([text.format("5,10%")], rows)) == []
    assert check_narrative(ext(["Nilai SAKIP pada tahun 2024 sebesar 72,01 dengan predikat BB."], rows)) == []


def test_a_long_figure_one_slip_off_names_a_two_word_indicator() -> None:
    """Six digits or more one swap off the realisasi ("4.521.300" for 4.512.300, holdout3 i04) are evidence enough
    to recognise a name of two content words; a short figure under the same name is not."""
    rows = [meas("Jumlah kunjungan wisatawan", "4.350.000 orang", "4.512.300 orang"),
            meas("Jumlah desa wisata", "140 desa", "154 desa")]
    [flag] = check_narrative(ext(["Jumlah kunjungan wisatawan mencapai 4.521.300 orang pada tahun 2024."], rows))
    assert (flag.reported, flag.expected) == (4521300.0, 4512300.0)
    assert check_narrative(ext(["Jumlah desa wisata mencapai 145 desa pada tahun 2024."], rows)) == []


def test_an_evaluation_that_gave_a_score_states_the_realisasi() -> None:
    """"memberikan nilai 72,51" states the year's score as achieved (d02, d04, i01 and i02 word their SAKIP result
    so; i02's is a slip of 72,15)."""
    rows = [meas("Nilai SAKIP Pemerintah Kota Samarinda", "70,00", "72,15")]
    text = "Hasil evaluasi SAKIP Pemerintah Kota Samarinda Tahun 2024 memberikan nilai {} dengan predikat BB."
    [flag] = check_narrative(ext([text.format("72,51")], rows))
    assert (flag.reported, flag.expected) == (72.51, 72.15)
    assert check_narrative(ext([text.format("72,15")], rows)) == []


def test_a_name_with_its_short_form_is_named_by_its_words_or_by_the_short_form() -> None:
    """"Indeks Kualitas Air (IKA)" is named by "Indeks Kualitas Air" (dev d09) and "Indeks Kepuasan Masyarakat
    (IKM)" by "IKM" (holdout h05); a short form inside a longer name ("... (FSVA) Kabupaten/Kota", a sub-kegiatan
    read with its indicator) names only a part of it, and the percentage row is not the count the text gives."""
    rows = [meas("Indeks Kualitas Air (IKA)", "52,50", "53,10"), meas("Indeks Kepuasan Masyarakat (IKM)", "82,00",
                                                                      "84,15")]
    [flag] = check_narrative(ext(["Indeks Kualitas Air meningkat menjadi 53,01 pada tahun 2024."], rows))
    assert (flag.reported, flag.expected) == (53.01, 53.1)
    [flag] = check_narrative(ext(["Pelayanan membaik, dan nilai IKM mencapai 83,15 pada tahun 2024."], rows))
    assert (flag.reported, flag.expected) == (83.15, 84.15)
    part = [meas("Penyusunan Peta Ketahanan Pangan (FSVA) Kabupaten/Kota Jumlah Dokumen Peta", "1", "1")]
    assert check_narrative(ext(["Desa rawan pangan dianalisis dalam FSVA dari target 4,20."], part)) == []


def test_a_prose_figure_wrong_by_its_own_ratio_and_by_the_table_is_one_finding() -> None:
    """112,24% where the sentence's own amounts give 112,43 and the table prints 112,43 (holdout h02's Ringkasan):
    one narrative finding naming the table, not a capaian finding beside it; without the table row the sentence's
    own ratio is still the finding."""
    name = "Realisasi Pendapatan Asli Daerah (PAD)"
    row = Measurement("d", "f.txt", "t05", None, 100, "iku", name, P("9.115.640.250.000"), P("10.248.317.664.512"),
                      P("112,43%"), year=2024)
    text = (f"Pada tahun 2024 {name[0].lower()}{name[1:]} Provinsi Kalimantan Timur mencapai Rp 10.248.317.664.512,- "
            "dari target Rp 9.115.640.250.000,- atau capaian 112,24%.")
    with_table = check_narrative(ext([text], [row]))
    assert [(f.kind, f.reported) for f in with_table] == [("narrative_mismatch", 112.24)]
    alone = check_narrative(ext([text]))
    assert [(f.kind, f.reported) for f in alone] == [("capaian_mismatch", 112.24)]


def test_a_ratio_that_the_tables_realisasi_gives_blames_the_prose_realisasi() -> None:
    """The sentence's realisasi / target does not give its capaian, but the table's realisasi for that target does:
    the capaian is right, the realisasi is the slip (holdout h03: 75,18% for 74,18)."""
    m = meas("Persentase Koperasi Aktif", "72,50%", "74,18%")
    text = ("Dengan demikian realisasi persentase koperasi aktif sebesar 75,18% dari target 72,50% atau capaian "
            "kinerja 102,32% dengan kategori sangat tinggi.")
    [flag] = check_narrative(ext([text], [m]))
    assert (flag.kind, flag.reported, flag.expected) == ("narrative_mismatch", 75.18, 74.18)
    assert flag.subject == "Persentase Koperasi Aktif"
    # without the table row, the capaian is the finding, as before
    [flag] = check_narrative(ext([text]))
    assert (flag.kind, flag.reported) == ("capaian_mismatch", 102.32)


def test_figures_that_are_one_rows_own_name_it_whatever_the_words_match() -> None:
    """A sentence whose target, realisasi and capaian are all one table row's agrees with that row, though its
    words match another indicator better (holdout h03: IKU 2 against a program's KSP/USP indicator)."""
    iku = dataclasses.replace(meas("Persentase Koperasi Sehat", "35,00%", "33,26%"), capaian=P("95,03"))
    program = dataclasses.replace(
        meas("Persentase KSP/USP Koperasi yang Dinilai Kesehatannya", "40,00%", "38,00%",
             program="Program Penilaian Kesehatan KSP/USP Koperasi", level="program", line=199), capaian=P("95,00"))
    text = ("Dari 436 KSP/USP koperasi yang dinilai kesehatannya pada Tahun 2024, sebanyak 145 koperasi memperoleh "
            "predikat sehat, sehingga realisasi indikator sebesar 33,26% dari target 35,00% atau capaian 95,03%.")
    assert check_narrative(ext([text], [iku, program])) == []
    assert sorted(f.reported for f in check_narrative(ext([text], [program]))) == [35.0, 95.03]


def test_a_count_of_indicators_is_no_realisasi_over_a_target() -> None:
    """"4 dari 6 indikator mencapai target dengan rata-rata capaian 101,25%" counts the report's indicators: 4/6 is
    no capaian, and a row with target 6 is not its subject (held-out i01 read it as a realisasi slip of a
    "6 Paket" row). A count of anything else stays a ratio claim."""
    row = meas("Jumlah Paket Prasarana Usaha Perikanan Tangkap", "6 Paket", "6 Paket")
    counted = "Dari tabel di atas, 4 dari 6 indikator mencapai target dengan rata-rata capaian 101,25%."
    assert check_narrative(ext([counted], [row])) == []
    [flag] = check_narrative(ext(["Realisasi 4 paket dari target 6 paket sehingga capaian sebesar 101,25%."]))
    assert flag.reported == 101.25


def test_an_average_of_the_capaian_the_rows_should_print_is_accepted() -> None:
    """A stated average that fits the rows' capaian recomputed as realisasi / target, where one row prints another
    (target / realisasi, held-out i01's NTPi), is no finding; an average fitting neither still is."""
    rows = [Measurement("d", "f.txt", "t10", None, 784 + i, "sasaran", f"Sasaran {i}", P(t), P(r), P(c), year=2024)
            for i, (t, r, c) in enumerate([("100", "104", "104,00"), ("102,00", "101,37", "100,62"),
                                           ("50", "50", "100,00")])]
    claim = "Rata-rata capaian kinerja sasaran tahun 2024 sebesar {}."
    assert check_narrative(ext([claim.format("101,13%")], rows)) == []  # (104 + 99,38 + 100) / 3
    [flag] = check_narrative(ext([claim.format("98,00%")], rows))
    assert flag.reported == 98.0


def test_a_share_of_the_second_budget_a_sentence_names_is_no_slip_of_the_first() -> None:
    """"semula (murni) Rp A dan setelah perubahan menjadi Rp A' ... Rp B atau p% dari anggaran setelah perubahan":
    p is B/A', the sentence's own second budget; A is no slip even where the budget table's total prints A'
    (held-out i04)."""
    sentence = ("Anggaran Dinas Tahun 2023 semula (murni) sebesar Rp 28.137.750.000 dan setelah perubahan menjadi "
                "Rp 28.505.320.000. Realisasi sampai dengan 31 Desember 2023 sebesar Rp 27.678.662.600 atau 97,10% "
                "dari anggaran setelah perubahan.")
    e = ext([sentence])
    e.budget = [BudgetLine("d", "f.txt", "t09", None, 198, "", "total", "JUMLAH", P("28.505.320.000"),
                           P("27.678.662.600"), P("97,10"), P(""), is_total=True)]
    assert check_narrative(e) == []


def test_a_stated_average_is_read_against_the_table_the_sentence_names() -> None:
    """"rata-rata capaian kinerja sasaran sebesar X% sebagaimana disajikan pada Tabel 3.1": the average of Tabel
    3.1's rows, even where another table has more rows (d10: its IKU table, once its rows carried level iku)."""
    from schemas.records import TableInfo

    named = [Measurement("d", "f.txt", "t01", None, 100 + i, "sasaran", f"Sasaran {i}", P("100"), P(c), P(c),
                         year=2024) for i, c in enumerate(["100", "120"])]
    other = [Measurement("d", "f.txt", "t02", None, 200 + i, "iku", f"IKU {i}", P("100"), P("100"), P("100"),
                         year=2024) for i in range(3)]
    e = ext(["Secara keseluruhan, rata-rata capaian kinerja sasaran sebesar 125,00% sebagaimana disajikan pada "
             "Tabel 3.1."], named + other)
    e.table_infos = [TableInfo("d", "f.txt", "t01", "Tabel 3.1 Capaian Sasaran", None, 99, "capaian_kinerja", 2, ""),
                     TableInfo("d", "f.txt", "t02", "Tabel 3.2 Capaian IKU", None, 199, "iku", 3, "")]
    [flag] = check_narrative(e)
    assert flag.reported == 125.0 and flag.expected == 110.0


def test_the_budgets_share_said_without_its_amounts_against_the_reports_total() -> None:
    """h04's closing chapter: "realisasi belanja mencapai 95,12% dari pagu"; its three budget tables' totals give
    37.883.135.322 / 39.101.485.000 = 96,88%. Said rightly (h01, i03, i04), or of a line of the report, no finding."""
    def line(name: str, pagu: str, real: str, persen: str, total: bool = False) -> BudgetLine:
        return BudgetLine("d", "f.txt", "t09", None, 200, "", "total" if total else "program", name, P(pagu),
                          P(real), P(persen), P(""), is_total=total)

    budget = [line("Program A", "24.130.335.000", "23.427.522.722", "97,09"),
              line("Program B", "14.971.150.000", "14.455.612.600", "96,56"),
              line("JUMLAH", "39.101.485.000", "37.883.135.322", "96,88", total=True)]

    def flags(sentence: str) -> list:
        return check_narrative(dataclasses.replace(ext([sentence]), budget=budget))

    [flag] = flags("Dari sisi anggaran, realisasi belanja mencapai 95,12% dari pagu, dengan sisa terbesar.")
    assert flag.kind == "narrative_mismatch" and flag.reported == 95.12 and round(flag.expected or 0, 2) == 96.88
    assert flags("Realisasi anggaran mencapai 96,88% dari pagu.") == []
    assert flags("Realisasi anggaran Program B mencapai 96,56%.") == []  # a line's own share
    assert flags("Realisasi anggaran mencapai 45,00% pada triwulan kedua.") == []  # far off: a share of something else


def test_a_count_in_its_unit_is_not_a_row_whose_satuan_is_percent() -> None:
    """The KIA coverage row prints its target bare ("40,00"), its unit in the satuan column ("%"); the sentence's
    "dari target 60.000 keping" counts cards, another quantity (holdout h01): no finding. The same row read with a
    count's unit is compared."""
    from dataclasses import replace

    row = meas("Cakupan kepemilikan Kartu Identitas Anak (KIA)", "40,00", "36,85")
    text = ["Cakupan kepemilikan KIA baru 36,85%, sehingga dari target 60.000 keping hanya terbit 52.416 keping."]
    assert check_narrative(ext(text, [replace(row, satuan="%")])) == []
    assert [f.reported for f in check_narrative(ext(text, [replace(row, satuan="Keping")]))] == [60000.0]


def test_a_count_stated_as_achieved_in_the_rows_unit_is_checked_against_its_realisasi() -> None:
    """"Korban jiwa ... tercatat 9 jiwa" where the named row counts 7 Jiwa (dev d06): a finding. A count in another
    unit, one of the row's own figures, or a part of a whole the sentence names first ("Dari 436 ..., sebanyak 145
    ...", holdout h03) is none."""
    from dataclasses import replace

    row = replace(meas("Jumlah Korban Jiwa Akibat Bencana", "10 Jiwa", "7 Jiwa"), satuan="Jiwa")
    said = "Jumlah korban jiwa akibat bencana pada tahun 2024 tercatat {} sehingga 2 wilayah tertangani."
    [flag] = check_narrative(ext([said.format("9 jiwa")], [row]))
    assert (flag.kind, flag.reported, flag.expected) == ("narrative_mismatch", 9.0, 7.0)
    assert check_narrative(ext([said.format("9 kejadian")], [row])) == []
    assert check_narrative(ext([said.format("7 jiwa")], [row])) == []
    part = "Dari 12 kejadian korban jiwa akibat bencana tahun 2024, tercatat 9 jiwa berasal dari banjir."
    assert check_narrative(ext([part], [row])) == []
    # the same indicator in a comparison table printing "7" with no unit: still the row's unit (holdout h04)
    bare = dataclasses.replace(meas("Jumlah Korban Jiwa Akibat Bencana", "10", "7"), table_id="t05")
    assert [f.reported for f in check_narrative(ext([said.format("9 jiwa")], [row, bare]))] == [9.0]


def test_a_count_that_opens_its_clause_is_named_by_the_words_after_it() -> None:
    """"Sebanyak 1.350 orang guru SD dan SMP telah ditingkatkan kompetensinya melalui ..." names what it counts
    after the figure (dev d02), where the table prints 1.250 Orang; a figure spelled out in brackets keeps its
    unit ("6 (enam) unit jembatan")."""
    from dataclasses import replace

    from pipeline.check.prose import figures

    row = replace(meas("Jumlah Guru yang Ditingkatkan Kompetensinya", "1.250 Orang", "1.250 Orang"), satuan="Orang")
    said = ("Sepanjang tahun 2024 sebanyak 1.350 orang guru SD dan SMP telah ditingkatkan kompetensinya melalui "
            "pelatihan tersebut, sesuai dengan target 2 kali.")
    [flag] = check_narrative(ext([said], [row]))
    assert (flag.reported, flag.expected) == (1350.0, 1250.0)
    assert [f.unit for f in figures("Selama tahun 2024 sebanyak 6 (enam) unit jembatan telah selesai")][-1] == "unit"


def test_a_count_changed_from_last_year_to_this_year_is_this_years_claim() -> None:
    """"Menurun dari 27 kasus pada tahun 2023 menjadi 17 kasus pada tahun 2024" where the table prints 19 Kasus
    (holdout h08): the year named right after the figure is the report's, and "dari 27 kasus" is the start of a
    change, not a whole the count is part of. Said of last year, it is no finding."""
    from dataclasses import replace

    row = replace(meas("Jumlah pelanggaran disiplin ASN", "25 Kasus", "19 Kasus"), satuan="Kasus")
    said = "Jumlah pelanggaran disiplin ASN menurun dari 27 kasus pada tahun 2023 menjadi 17 kasus pada tahun {}."
    assert [(f.reported, f.expected) for f in check_narrative(ext([said.format(2024)], [row]))] == [(17.0, 19.0)]
    assert check_narrative(ext([said.format(2022)], [row])) == []


def test_a_share_restated_after_atau_is_a_claim_of_the_realisasi() -> None:
    """"1.516 aduan ... telah ditindaklanjuti atau 97,63%" where the named row prints 97,36% (dev d12): a slip."""
    name = "Persentase aduan masyarakat yang ditindaklanjuti"
    rows = [meas(name, "95,00%", "97,36%")]
    said = ("Aduan masyarakat melalui kanal SP4N-LAPOR! sebanyak 1.553 aduan, 1.512 di antaranya telah "
            "ditindaklanjuti atau 97,63% dari target 95,00%.")
    assert [(f.reported, f.expected) for f in check_narrative(ext([said], rows))] == [(97.63, 97.36)]


def test_a_count_of_another_unit_in_the_sentence_is_not_the_indicators_target() -> None:
    """"IPLM ... mencapai 15,87 dari target 14,20 ... pembinaan 36 perpustakaan ... dari target 40 perpustakaan":
    the 40 counts libraries, which the index neither measures in nor names (holdout4 j03); a count in the
    indicator's own unit is still read against it."""
    index = meas("Indeks Pembangunan Literasi Masyarakat (IPLM)", "14,20", "15,87")
    text = ("Indeks Pembangunan Literasi Masyarakat (IPLM) tahun 2024 mencapai 15,87 dari target 14,20 atau capaian "
            "111,76%. Peningkatan IPLM didorong oleh bertambahnya koleksi, antara lain pembinaan 36 perpustakaan "
            "satuan pendidikan dasar dari target 40 perpustakaan.")
    assert check_narrative(ext([text], [index])) == []
    libraries = meas("Jumlah perpustakaan satuan pendidikan dasar yang dibina", "45", "36")
    said = ("Pada tahun 2024 jumlah perpustakaan satuan pendidikan dasar yang dibina sebanyak 36 perpustakaan dari "
            "target 40 perpustakaan.")
    [flag] = check_narrative(ext([said], [libraries]))
    assert (flag.reported, flag.expected) == (40, 45)


def test_an_indicator_named_an_average_is_no_stated_average_capaian() -> None:
    """"capaian tertinggi pada indikator rata-rata waktu penyampaian risalah rapat paripurna (125,00%)" is one
    indicator's capaian, not the average of the table (holdout4 j02); a stated average is still read."""
    from schemas.records import TableInfo

    caps = ["100", "100", "100", "100", "100", "95,50", "125", "105,88"]
    rows = [Measurement("d", "f.txt", "t01", None, 100 + i, "iku", f"Indikator {i}", P("100"), P(c), P(c),
                        year=2024) for i, c in enumerate(caps)]
    info = [TableInfo("d", "f.txt", "t01", "Tabel 3.2 Capaian Indikator Kinerja Utama", None, 99, "iku", 8, "")]
    highest = ext(["Secara umum kinerja tergolong sangat tinggi: 7 dari 8 indikator kinerja utama mencapai target, "
                   "dengan capaian tertinggi pada indikator rata-rata waktu penyampaian risalah rapat paripurna "
                   "(125,00%) dan persentase rancangan peraturan daerah yang dibahas (105,88%)."], rows)
    highest.table_infos = info
    assert check_narrative(highest) == []
    average = ext(["Secara keseluruhan, rata-rata capaian indikator kinerja utama sebesar 125,00% sebagaimana "
                   "disajikan pada Tabel 3.2."], rows)
    average.table_infos = info
    assert [f.reported for f in check_narrative(average)] == [125.0]
