from extractors.align import figure_tokens, realign_row, resequence_row
from extractors.levels import RowShape, assign_levels
from extractors.model import Cell


def shape(first: str, name: str, amount: float | None = 1.0) -> RowShape:
    return RowShape(first=first, name=name, has_values=amount is not None, amount=amount)


def test_numbering_sequence_separates_kegiatan_from_sub_kegiatan() -> None:
    rows = [
        shape("1", "Program Penunjang"),
        shape("1", "Administrasi Keuangan"),  # followed by a 1: a parent
        shape("1", "Penyediaan Gaji"),
        shape("2", "Administrasi Umum"),  # followed by a 1 again
        shape("1", "Penyediaan Komponen"),
        shape("2", "Penyediaan Peralatan"),
        shape("3", "Penyediaan Bahan"),  # continues the sub list after a page break
        shape("3", "Administrasi Jasa"),  # followed by 1: the third kegiatan
        shape("1", "Penyediaan Jasa"),
        shape("", "Jumlah"),
    ]
    assert assign_levels(rows) == [
        "program", "kegiatan", "sub_kegiatan", "kegiatan", "sub_kegiatan", "sub_kegiatan", "sub_kegiatan",
        "kegiatan", "sub_kegiatan", "total",
    ]


def test_heading_lines_make_numbered_rows_sub_kegiatan() -> None:
    rows = [
        shape("", "PROGRAM REHABILITASI SOSIAL"),
        shape("", "Rehabilitasi Sosial Dasar", amount=None),  # a kegiatan heading without figures
        shape("1", "Penyediaan Permakanan"),
        shape("2", "Penyediaan Sandang"),
    ]
    assert assign_levels(rows) == ["program", "kegiatan", "sub_kegiatan", "sub_kegiatan"]


def test_unnumbered_rows_use_amounts() -> None:
    rows = [
        shape("6", "Program Penanganan Bencana", 30.0),
        shape("", "Perlindungan Sosial Korban Bencana", 30.0),
        shape("", "Penyediaan Makanan", 10.0),
        shape("", "Penyediaan Sandang", 20.0),
    ]
    assert assign_levels(rows) == ["program", "kegiatan", "sub_kegiatan", "sub_kegiatan"]


def test_roman_programs_and_sub_kegiatan_header() -> None:
    rows = [shape("I.", "PROGRAM A"), shape("1.", "Sub A1"), shape("2.", "Sub A2"), shape("v.", "PROGRAM B")]
    assert assign_levels(rows, header="No Program/ Sub Kegiatan Indikator") == [
        "program", "sub_kegiatan", "sub_kegiatan", "program"]


def texts(cells: list[Cell]) -> list[str]:
    return [c.text for c in cells]


ROLES = ["no", "uraian", "indikator", "target", "pagu", "realisasi", "realisasi_anggaran"]


def test_split_numbering_cell_is_collapsed_and_figures_move_back() -> None:
    row = [Cell(t) for t in ["0", "1", "Pendataan", "Jumlah orang", "10 Orang", "46.199.585", "8 Orang", "37.474"]]
    cells, moved = realign_row(row, ROLES)
    assert moved
    assert texts(cells) == ["0 1", "Pendataan", "Jumlah orang", "10 Orang", "46.199.585", "8 Orang", "37.474"]


def test_merged_figure_cell_is_split() -> None:
    row = [Cell(t) for t in ["1", "0", "Penyediaan Jasa", "Jumlah kendaraan", "100%", "3.000.000", "87,57% 2.627.100"]]
    cells, moved = realign_row(row, ROLES)
    assert moved
    assert texts(cells)[3:] == ["100%", "3.000.000", "87,57%", "2.627.100"]


def test_row_that_fits_is_left_alone() -> None:
    row = [Cell(t) for t in ["1", "Penyediaan", "Jumlah", "10 Orang", "1.000.000", "9 Orang", "900.000"]]
    cells, moved = realign_row(row, ROLES)
    assert not moved and cells is row


def test_a_shifted_row_keeps_its_predikat_after_the_figures() -> None:
    roles = ["no", "sasaran", "indikator", "satuan", "target", "realisasi", "capaian", "ket"]
    row = [Cell(t) for t in ["5.", "", "Indeks Kepuasan Masyarakat", "Indeks", "", "85,00", "88,14 (B)", "103,69",
                             "Sangat Tinggi"]]
    cells, moved = realign_row(row, roles)
    assert moved and [c.text for c in cells][4:] == ["85,00", "88,14 (B)", "103,69", "Sangat Tinggi"]


def test_a_bare_row_number_sharing_the_name_cell_goes_to_the_number_column() -> None:
    """"3 Waktu tunggu rawat jalan" left of the figures where the header has a number and a name column (d08's
    Tabel 3.2 on its LibreOffice print): the number goes to its column and the name to the name's, as for "3."."""
    roles = ["no", "indikator", "year", "year", "target", "realisasi", "capaian"]
    row = [Cell(t) for t in ["3 Waktu tunggu rawat jalan", "75", "64", "60", "52", "115.38%", ""]]
    cells, moved = realign_row(row, roles)
    assert moved and texts(cells) == ["3", "Waktu tunggu rawat jalan", "75", "64", "60", "52", "115.38%"]


def test_figures_set_between_columns_go_in_order_when_they_are_as_many_as_the_value_columns() -> None:
    """A row pdftotext -layout set on other character places than the rows above it: each figure between two
    of the header's columns, an empty cell beside it (d02's and h05's tables on LibreOffice's top-aligned print
    as layout text). Its three figures go to the three value columns in order, its unit to the satuan."""
    roles = ["no", "program", "indikator", "satuan", "target", "realisasi", "capaian"]
    row = [Cell(t) for t in ["4.", "Pengelolaan Pendidikan Nonformal", "Jumlah Warga Belajar", "", "Orang", "",
                             "640", "", "606", "97,28"]]
    cells, moved = realign_row(row, roles)
    assert moved and texts(cells) == ["4.", "Pengelolaan Pendidikan Nonformal", "Jumlah Warga Belajar", "Orang",
                                      "640", "606", "97,28"]


def test_fewer_figures_than_value_columns_between_empty_cells_stay_unplaced() -> None:
    """Two figures and an empty cell between them under three value columns: which one is blank is a guess."""
    roles = ["no", "program", "indikator", "satuan", "target", "realisasi", "capaian"]
    row = [Cell(t) for t in ["4.", "Pengelolaan", "Jumlah Warga", "", "Orang", "", "640", "", "", "97,28"]]
    cells, moved = realign_row(row, roles)
    assert not moved and cells is row


def test_two_empty_leading_cells_are_no_numbering_cell() -> None:
    """A row without number and sasaran (the sasaran spans rows above): its empty first cells stay two, so its
    name stays in the indikator column (h04's IKU table as layout text read "Menit" as the name)."""
    roles = ["no", "sasaran", "indikator", "satuan", "target", "realisasi", "capaian", "-", "ket"]
    row = [Cell(t) for t in ["", "", "Waktu Tanggap Pengaduan", "Menit", "30", "27", "", "111,11", "Sangat Tinggi"]]
    cells, moved = realign_row(row, roles)
    assert moved and texts(cells)[2:8] == ["Waktu Tanggap Pengaduan", "Menit", "30", "27", "111,11", ""]


def test_an_empty_cell_the_row_has_too_many_before_its_figures_is_dropped() -> None:
    """"4. | | Pengelolaan ... | Jumlah ... | | Orang" under no, program, indikator, satuan (LibreOffice's centred
    print of d02 as layout text): the empty cells are the row's own layout, its texts go in order."""
    roles = ["no", "program", "indikator", "satuan", "target", "realisasi", "capaian"]
    row = [Cell(t) for t in ["4.", "", "Pengelolaan Pendidikan", "Jumlah Warga Belajar", "", "Orang", "", "640",
                             "606", "97,28"]]
    cells, moved = realign_row(row, roles)
    assert moved and texts(cells) == ["4.", "Pengelolaan Pendidikan", "Jumlah Warga Belajar", "Orang", "640", "606",
                                      "97,28"]


K_RP = [4, 5, 6, 7, 8, 9]  # target K, Rp; realisasi K, Rp; capaian K, Rp (Tabel 3.6 of h03, as layout text)
def k_rp_money() -> list[bool]:  # the value columns' kinds (rupiah or not), as realign gives them
    return [False, True, False, True, False, False]


def test_figure_tokens_keep_units_and_percent_signs_and_refuse_names() -> None:
    assert figure_tokens("12 Izin 45.000.000 9 Izin") == ["12 Izin", "45.000.000", "9 Izin"]
    assert figure_tokens("86,12 % Rp 59.399.130.000 -") == ["86,12 %", "Rp 59.399.130.000", "-"]
    assert figure_tokens("Jumlah Izin 12") is None  # a word before any figure
    assert figure_tokens("12 Izin Usaha Simpan Pinjam") is None  # a name after a figure, not its unit
    assert figure_tokens("BB (70,00)") is None  # a grade


def test_drifted_figures_of_a_k_rp_row_are_read_in_order() -> None:
    """pdftotext -layout set the K's unit in the Rp cell and left a column empty: the row's six figures, in
    order, fit the six value columns' kinds (money under Rp), so they are laid in order."""
    row = [Cell(t) for t in ["0 1", "Penerbitan Izin", "", "Jumlah Izin", "12 Izin", "45.000.000 9", "Izin",
                             "41.350.000", "75,00", "91,89"]]
    cells = resequence_row(row, K_RP, k_rp_money)
    assert cells is not None and texts(cells)[4:] == ["12 Izin", "45.000.000", "9 Izin", "41.350.000", "75,00",
                                                     "91,89"]
    assert texts(cells)[:4] == ["0 1", "Penerbitan Izin", "", "Jumlah Izin"]


def test_figures_whose_order_breaks_the_columns_kinds_stay_where_they_are() -> None:
    """Six figures, but the second is no amount of rupiah: laid in order a count would go under Rp."""
    row = [Cell(t) for t in ["1", "Nama", "", "Indikator", "12 Izin", "9 Izin 45.000.000", "", "41.350.000",
                             "75,00", "91,89"]]
    assert resequence_row(row, K_RP, k_rp_money) is None


def test_a_row_whose_cells_already_fit_is_not_resequenced() -> None:
    row = [Cell(t) for t in ["1", "Nama", "", "Indikator", "12 Izin", "45.000.000", "9 Izin", "41.350.000",
                             "75,00", "91,89"]]
    assert resequence_row(row, K_RP, k_rp_money) is None


def test_fewer_figures_than_value_columns_are_not_resequenced() -> None:
    """A kegiatan row printing only its Rp figures: which Rp column each goes under is left to the places."""
    row = [Cell(t) for t in ["1", "Kegiatan", "", "", "", "45.000.000 41.350.000", "", "", "", "91,89"]]
    assert resequence_row(row, K_RP, k_rp_money) is None


IKU_ONE_SASARAN_CELL = "\n".join([
    "Tabel 3.2",
    "Pengukuran Kinerja Sasaran Strategis Tahun 2024",
    "",
    "No\tSasaran Strategis\tIndikator Kinerja\tSatuan\tTarget\tRealisasi\tCapaian (%)",
    "1.\tMeningkatnya produksi perikanan\tProduksi perikanan tangkap\tTon\t23.500,00\t24.386,72\t103,77",
    "\t\tProduksi perikanan budidaya\tTon\t5.850,00\t5.612,40\t95,94",
    "2.\tMeningkatnya konsumsi ikan\tAngka konsumsi ikan\tKg/kapita\t36,50\t38,04\t104,22",
    "",
])


def test_indicator_rows_under_a_sasaran_written_once_are_the_sasarans() -> None:
    """A sasaran's cell merged down over its indicators (PermenPAN-RB 53/2014's IKU tables): the row under it,
    its sasaran cell empty, is that sasaran's indicator as much as the first (held-out i01, whose stated average
    over the IKU counted it while lkjip left it out)."""
    from extractors.text_reader import parse_text
    from pipeline.run import extract_from

    ext = extract_from(parse_text(IKU_ONE_SASARAN_CELL))
    assert [(m.indikator, m.level) for m in ext.measurements] == [
        ("Produksi perikanan tangkap", "sasaran"), ("Produksi perikanan budidaya", "sasaran"),
        ("Angka konsumsi ikan", "sasaran")]


IKU_TABLE = "\n".join([
    "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2024",
    "",
    "No\tIndikator Kinerja Utama\tSatuan\tTarget\tRealisasi\tCapaian (%)",
    "1\tIndeks Kepuasan Masyarakat\tIndeks\t82,00\t84,15\t102,62",
    "2\tPersentase temuan yang ditindaklanjuti\t%\t90,00\t92,50\t102,78",
    "",
])


def test_rows_of_an_iku_table_without_a_sasaran_column_are_iku() -> None:
    """OUTPUT.md's level "iku": the rows of an IKU table that no sasaran cell places (the golds' level of such rows
    in d01, d02, d09, d10 and the held-out reports); before, they were "other"."""
    from extractors.text_reader import parse_text
    from pipeline.run import extract_from

    ext = extract_from(parse_text(IKU_TABLE))
    assert [m.level for m in ext.measurements] == ["iku", "iku"]


def test_a_total_rows_first_figure_set_in_its_label_cell_is_read_with_the_others() -> None:
    """"JUMLAH 110.360.295.300,00" in the label cell spanning the columns before the figures, the rest one column
    to the left (held-out h02's total row on the hrules print): the label's amount is the row's first figure."""
    value_cols = [2, 3, 4, 5]  # pagu, realisasi, sisa, persen

    def money() -> list[bool]:
        return [True, True, True, False]

    row = [Cell(t) for t in ["", "JUMLAH 110.360.295.300,00", "106.866.932.395,00", "3.439.362.905,00", "96,83",
                             ""]]
    cells = resequence_row(row, value_cols, money)
    assert cells is not None and texts(cells) == ["", "JUMLAH", "110.360.295.300,00", "106.866.932.395,00",
                                                  "3.439.362.905,00", "96,83"]
    # a year at the label's end is no figure of the row
    row = [Cell(t) for t in ["", "Target Tahun 2024", "80", "85", "106,25", ""]]
    assert resequence_row(row, value_cols, money) is None
