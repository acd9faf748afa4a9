"""Column roles from words and values together, confirmed by the arithmetic (extractors.understand).

Each table is a small made-up one written from the public formats; the header is given as the
per-column label paths the assemble stage produces.
"""

from __future__ import annotations

from extractors.model import Cell, Row, Table
from extractors.rows import Context, budget_of, column_styles, measurements_of, split_kode
from extractors.understand import assign_roles, classify
from extractors.vocab import Role


def _table(parts: list[list[str]], body: list[list[str]]) -> Table:
    rows = [Row(cells=[Cell(t, line=10 + i) for t in r], line=10 + i) for i, r in enumerate(body)]
    return Table(table_id="t01", caption="Tabel 3.1", header=[" ".join(p) for p in parts], rows=rows,
                 header_parts=parts)


def _understood(parts: list[list[str]], body: list[list[str]], tahun: int = 2024) -> Table:
    table = _table(parts, body)
    assign_roles(table, parts, tahun)
    table.kind = classify(table)
    return table


def _records(table: Table) -> tuple[list, list]:
    ctx = Context("d", "f.txt", 2024, None)
    styles = column_styles(table, None)
    return measurements_of(table, ctx, styles), budget_of(table, ctx, styles)


def test_roles_from_the_arithmetic_when_the_words_name_no_figure() -> None:
    table = _understood(
        [["No"], ["Uraian Pekerjaan"], ["Volume Rencana"], ["Volume Terpasang"], ["Hasil"]],
        [["1", "Jaringan pipa", "1.200 M", "1.080 M", "90,00"],
         ["2", "Sambungan rumah", "450 Unit", "468 Unit", "104,00"],
         ["3", "Hidran umum", "20 Unit", "15 Unit", "75,00"]])
    assert table.roles[2:] == [Role.TARGET, Role.REALISASI, Role.CAPAIAN]
    assert table.confidence > 0.5
    meas, budget = _records(table)
    assert [(m.target.value, m.realisasi.value, m.capaian.value) for m in meas] == [
        (1200, 1080, 90), (450, 468, 104), (20, 15, 75)]
    assert not budget


def test_large_counts_with_units_keep_an_indicator_table() -> None:
    table = _understood(
        [["Indikator"], ["Target"], ["Realisasi"], ["Capaian (%)"]],
        [["Jumlah penduduk terdaftar JKN", "1.250.000 Jiwa", "1.187.500 Jiwa", "95,00"],
         ["Jumlah rumah layak huni", "2.400.000 Unit", "2.400.000 Unit", "100,00"]])
    assert table.roles[1:] == [Role.TARGET, Role.REALISASI, Role.CAPAIAN]
    meas, budget = _records(table)
    assert len(meas) == 2 and not budget


def test_money_without_budget_words_is_read_as_budget() -> None:
    table = _understood(
        [["Program"], ["Target"], ["Realisasi"], ["%"]],
        [["Program Penunjang Urusan", "7.247.670.961", "6.995.601.707", "96,52"],
         ["Program Pengelolaan Jalan", "12.000.000.000", "11.400.000.000", "95,00"]])
    assert table.roles[1:] == [Role.PAGU, Role.REALISASI_ANGGARAN, Role.PERSEN]
    _, budget = _records(table)
    assert [b.pagu.value for b in budget] == [7247670961, 12000000000]


def test_efficiency_columns_are_not_taken_for_target_and_realisasi() -> None:
    table = _understood(
        [["No"], ["Sasaran"], ["Capaian Kinerja (%)"], ["Penyerapan Anggaran (%)"], ["Tingkat Efisiensi (%)"]],
        [["1", "Meningkatnya layanan", "101,66", "98,40", "103,31"],
         ["2", "Meningkatnya kesiapsiagaan", "101,67", "88,88", "114,39"],
         ["3", "Menurunnya risiko", "114,58", "95,89", "119,49"]])
    assert Role.TARGET not in table.roles and Role.REALISASI not in table.roles
    meas, _ = _records(table)
    assert meas == []


def test_a_formula_table_without_target_gives_no_measurement() -> None:
    table = _understood(
        [["No"], ["Indikator"], ["Formula"], ["Pembilang"], ["Penyebut"], ["Realisasi"]],
        [["1", "Prevalensi stunting", "balita stunting / balita diukur x 100%", "9.874 Balita", "44.680 Balita",
          "22,10%"],
         ["2", "Cakupan JKN", "peserta / penduduk x 100%", "1.336.412 Jiwa", "1.376.058 Jiwa", "97,12%"],
         ["3", "Keberhasilan pengobatan TB", "sembuh / diobati x 100%", "1.679 Orang", "1.840 Orang", "91,25%"]])
    assert table.roles[5] == Role.REALISASI and Role.TARGET not in table.roles
    assert _records(table)[0] == []


def test_national_and_provincial_figures_are_not_the_agency_capaian() -> None:
    table = _understood(
        [["Indikator"], ["Target 2024"], ["Realisasi"], ["Capaian (%)"], ["Capaian Provinsi"], ["Capaian Nasional"]],
        [["Indeks risiko bencana", "160,50", "155,43", "96,84", "132,47", "107,92"],
         ["Waktu tanggap darurat", "6", "4", "150,00", "5", "6"],
         ["Korban tertangani", "100", "97", "97,00", "98,50", "97,20"]])
    assert table.roles[1:4] == [Role.TARGET, Role.REALISASI, Role.CAPAIAN]
    assert table.roles[4:] == [Role.COMPARISON, Role.COMPARISON]


def test_k_and_rp_pairs_give_a_measurement_and_a_budget_line() -> None:
    target = "Target Kinerja dan Anggaran Renja Tahun 2024"
    parts = [["No"], ["Kode"], ["Program/Kegiatan"], ["Indikator Kinerja"], [target, "K"], [target, "Rp"],
             ["Realisasi Kinerja pada Triwulan", "I", "K"], ["Realisasi Kinerja pada Triwulan", "I", "Rp"],
             ["Realisasi Kinerja pada Triwulan", "II", "K"], ["Realisasi Kinerja pada Triwulan", "II", "Rp"],
             ["Realisasi Capaian Kinerja dan Anggaran Renja 2024", "K"],
             ["Realisasi Capaian Kinerja dan Anggaran Renja 2024", "Rp"],
             ["Tingkat Capaian Kinerja dan Realisasi Anggaran (%)", "K"],
             ["Tingkat Capaian Kinerja dan Realisasi Anggaran (%)", "Rp"]]
    body = [["1", "1.03.10", "PROGRAM PENYELENGGARAAN JALAN", "Jalan mantap", "85,00 %", "61.650.000.000",
             "-", "20.000.000.000", "86,12 %", "39.399.130.000", "86,12 %", "59.399.130.000", "101,32", "96,35"],
            ["", "1.03.10.2.01.13", "Rekonstruksi Jalan", "Panjang jalan direkonstruksi", "12,50 Km", "18.500.000.000",
             "2,10 Km", "8.000.000.000", "9,90 Km", "9.845.600.000", "12,00 Km", "17.845.600.000", "96,00", "96,46"]]
    table = _understood(parts, body)
    assert table.roles[4:6] == [Role.TARGET, Role.PAGU]
    assert table.roles[6:10] == [Role.PART] * 4  # the quarters are parts of the year's figure
    assert table.roles[10:] == [Role.REALISASI, Role.REALISASI_ANGGARAN, Role.CAPAIAN, Role.PERSEN]
    assert any(r.startswith("sum") for r in table.relations)  # quarters' Rp add up to the year's
    meas, budget = _records(table)
    assert [(m.target.value, m.realisasi.value, m.capaian.value) for m in meas] == [(85, 86.12, 101.32),
                                                                                   (12.5, 12, 96)]
    assert [(b.pagu.value, b.realisasi.value, b.persen.value) for b in budget] == [
        (61_650_000_000, 59_399_130_000, 96.35), (18_500_000_000, 17_845_600_000, 96.46)]


def test_confidence_is_lower_without_words_and_rows_carry_it() -> None:
    named = _understood(
        [["Indikator"], ["Target"], ["Realisasi"], ["Capaian"]],
        [["A", "80%", "60%", "75%"], ["B", "50%", "45%", "90%"], ["C", "10", "9", "90"]])
    unnamed = _understood(
        [["Indikator"], ["Kolom 1"], ["Kolom 2"], ["Kolom 3"]],
        [["A", "80%", "60%", "75%"], ["B", "50%", "45%", "90%"], ["C", "10", "9", "90"]])
    assert unnamed.roles[1:] == [Role.TARGET, Role.REALISASI, Role.CAPAIAN]
    assert named.confidence > unnamed.confidence
    meas, _ = _records(unnamed)
    assert {m.confidence for m in meas} == {unnamed.confidence}


def test_a_statistics_table_is_not_named_by_its_arithmetic() -> None:
    """Requests, those served in time and their share: the arithmetic of target/realisasi/capaian, but no
    word of performance or budget in the caption or header."""
    table = _table([["No"], ["Jenis Layanan"], ["Jumlah Permohonan"], ["Selesai Tepat Waktu"], ["Persentase (%)"]],
                   [["1", "Kenaikan Pangkat", "4.812", "4.706", "97,80"],
                    ["2", "Mutasi", "1.286", "1.214", "94,40"],
                    ["3", "Cuti", "5.930", "5.802", "97,84"]])
    table.caption = "Tabel 3.5a Jumlah Layanan Kepegawaian Menurut Jenis Layanan"
    assign_roles(table, table.header_parts, 2023)
    assert Role.TARGET not in table.roles and _records(table)[0] == []


def test_a_row_named_by_a_number_alone_gives_no_record_but_a_year_does() -> None:
    """A name of digits alone is a row number or a numbering row's cell where the columns were misread (d12's
    layout text: "2 | 253.209.000 | 196.224.171"); a year names a row of a table comparing years (h08)."""
    meas, _ = _records(_understood(
        [["No"], ["Indikator"], ["Target"], ["Realisasi"], ["Capaian"]],
        [["1", "Persentase layanan", "80%", "60%", "75%"], ["", "4", "6", "7", "116,67"],
         ["3", "Indeks kepuasan", "80", "82", "102,50"]]))
    assert [m.indikator for m in meas] == ["Persentase layanan", "Indeks kepuasan"]
    _, budget = _records(_understood(
        [["Uraian"], ["Pagu (Rp)"], ["Realisasi (Rp)"], ["%"]],
        [["2", "253.209.000", "196.224.171", "77,49"], ["Belanja Pegawai", "5.218.460.000", "5.034.117.250", "96,47"]]))
    assert [b.uraian for b in budget] == ["Belanja Pegawai"]
    _, years = _records(_understood(
        [["Tahun"], ["Anggaran (Rp)"], ["Realisasi (Rp)"], ["Persentase (%)"]],
        [["2021", "14.286.450.000", "13.402.318.560", "93,81"], ["2022", "17.105.300.000", "16.287.912.804", "95,22"]]))
    assert len(years) == 2


def test_a_total_label_merged_across_the_label_columns_names_its_row() -> None:
    """"Jumlah" printed under "Sasaran" while the program column, the row names' column, is empty (h02's
    efficiency table): the row is the table's total, not a nameless row."""
    _, budget = _records(_understood(
        [["No"], ["Sasaran"], ["Program"], ["Pagu"], ["Realisasi"], ["Serapan"]],
        [["1", "Meningkatnya pendapatan", "Program Pengelolaan Pendapatan", "35,286,700,000", "34,315,656,415",
          "96.97%"],
         ["2", "Meningkatnya pelayanan", "Program Penunjang Urusan", "74,973,595,300", "72,551,275,980", "96.77%"],
         ["", "Jumlah", "", "110,360,295,300", "106,866,932,395", "96.83%"]]))
    assert [(b.uraian, b.is_total) for b in budget][-1] == ("Jumlah", True)


def test_a_percentage_read_as_pagu_in_a_rupiah_table_gives_no_budget_line() -> None:
    """Pagu and realisasi in rupiah (a median of millions): a row whose pagu reads 96,55 had its columns misread
    (LibreOffice's print of h04's E.81), no budget line; a table printed in millions without saying so keeps its
    small figures."""
    parts = [["Uraian"], ["Pagu (Rp)"], ["Realisasi (Rp)"]]
    _, budget = _records(_understood(parts, [
        ["Program penunjang", "9.355.906.420", "8.999.723.711"], ["Kegiatan perencanaan", "96,55", "97,10"],
        ["Kegiatan keuangan", "6.842.316.420", "6.611.284.937"]]))
    assert [b.uraian for b in budget] == ["Program penunjang", "Kegiatan keuangan"]
    _, millions = _records(_understood(parts, [
        ["Program penunjang", "9.355,9", "8.999,7"], ["Kegiatan perencanaan", "96,55", "97,10"],
        ["Kegiatan keuangan", "6.842,3", "6.611,2"]]))
    assert len(millions) == 3


def test_an_amount_column_of_small_numbers_beside_millions_is_no_amount() -> None:
    """E.81's last columns, "Capaian ... K | Rp", hold percentages printed without their sign: read by the header
    word "Rp" as a second pagu, their 96,55 gave budget lines of 96 rupiah. Beside the table's amounts of millions,
    a column of plain numbers under a thousand is no amount; a table printed in millions keeps its columns."""
    parts = [["Uraian"], ["Target Kinerja dan Anggaran", "Rp"], ["Realisasi Kinerja dan Anggaran", "Rp"],
             ["Realisasi Capaian Kinerja dan Anggaran", "K"], ["Realisasi Capaian Kinerja dan Anggaran", "Rp"]]
    table = _understood(parts, [
        ["Deteksi dini", "1.065.700.000", "1.021.984.500", "100,00", "95,90"],
        ["Patroli", "2.318.400.000", "2.247.092.100", "103,56", "96,92"],
        ["Pengamanan", "684.250.000", "661.310.000", "108,89", "96,65"]])
    assert Role.PAGU not in table.roles[3:] and Role.REALISASI_ANGGARAN not in table.roles[3:]
    _, budget = _records(table)
    assert [b.pagu.value for b in budget] == [1065700000, 2318400000, 684250000]
    millions = _understood([["Uraian"], ["Pagu (Rp juta)"], ["Realisasi (Rp juta)"], ["Sisa (Rp juta)"]], [
        ["Program penunjang", "9.355,9", "8.999,7", "356,2"], ["Kegiatan keuangan", "6.842,3", "6.611,2", "231,1"]])
    assert millions.roles[1:] == [Role.PAGU, Role.REALISASI_ANGGARAN, Role.SISA]


def test_a_rupiah_figure_in_a_kinerja_column_gives_no_measurement() -> None:
    """A K/Rp table: a kegiatan row printing only its Rp figures, its cells moved left by the reader, puts an amount
    under "Target K" beside a percentage: no measurement compares rupiah with a count. A count that large keeps
    its unit and stays."""
    parts = [["Uraian"], ["Indikator"], ["Target", "K"], ["Target", "Rp"], ["Realisasi", "K"], ["Realisasi", "Rp"]]
    table = _understood(parts, [
        ["Penerbitan izin usaha", "Jumlah izin diterbitkan", "12 Izin", "45.000.000", "9 Izin", "41.350.000"],
        ["Pengawasan koperasi", "Jumlah koperasi diawasi", "41.350.000", "", "91,89", ""],
        ["Pelayanan kependudukan", "Jumlah penduduk terlayani", "1.250.000 Jiwa", "98.000.000",
         "1.187.500 Jiwa", "95.500.000"]])
    assert table.roles[2:] == [Role.TARGET, Role.PAGU, Role.REALISASI, Role.REALISASI_ANGGARAN]
    meas, _ = _records(table)
    assert [m.indikator for m in meas] == ["Jumlah izin diterbitkan", "Jumlah penduduk terlayani"]


def test_an_outline_number_before_a_budget_code_is_no_part_of_the_code() -> None:
    """A reader that set the No and Kode columns a single space apart gives one cell "1.1 3.25.02.2.02.0003": the row's
    code is the budget code (i01's hrules print as layout text: five budget lines coded "1.1", "1.2", ...), while a
    spending-by-type row keeps its outline number as its code."""
    assert split_kode("1.1 3.25.02.2.02.0003") == ("3.25.02.2.02.0003", "")
    assert split_kode("1. 3.25.01.2.01 Perencanaan") == ("3.25.01.2.01", "Perencanaan")
    assert split_kode("II. 3.25.02 PROGRAM PENGELOLAAN") == ("3.25.02", "PROGRAM PENGELOLAAN")
    assert split_kode("1.1 Belanja Pegawai") == ("1.1", "Belanja Pegawai")
    assert split_kode("1.03.10 PROGRAM JALAN") == ("1.03.10", "PROGRAM JALAN")
