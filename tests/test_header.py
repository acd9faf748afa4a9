"""The header of a table: where rows turn from labels to figures, and the tree of spanning labels.

The grids are made up from the public formats: the Renja evaluation annex (Permendagri 86/2017 form E.81),
PermenPAN-RB 53/2014 capaian and realisasi anggaran tables. None is a sample report's table.
"""

from __future__ import annotations

from extractors.assemble import assemble
from extractors.header import build_tree, flatten_header, mend_label, same_header, split_header
from extractors.model import Cell, HeaderNode
from extractors.text_reader import parse_text


def cells(*texts: str) -> list[Cell]:
    return [Cell(t) for t in texts]


def _tsv(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(r) for r in rows)


# Form E.81: No | Sasaran | Program/Kegiatan | Indikator Kinerja | Target Renstra (2026) K/Rp |
# Realisasi Kinerja pada Triwulan I-IV, each K/Rp | Realisasi Capaian ... 2024 K/Rp | Tingkat Capaian (%) K/Rp
E81_TOP = ["No", "Sasaran", "Program/Kegiatan", "Indikator Kinerja", "Target Renstra (2026)", "",
           "Realisasi Kinerja pada Triwulan", "", "", "", "", "", "", "",
           "Realisasi Capaian Kinerja dan Anggaran 2024", "", "Tingkat Capaian (%)", ""]
E81_QUARTERS = ["", "", "", "", "", "", "I", "", "II", "", "III", "", "IV", "", "", "", "", ""]
E81_KRP = ["", "", "", "", *(["K", "Rp"] * 7)]
E81_NUMBERS = ["1", "2", "3", "4", "5", "", "6", "", "7", "", "8", "", "9", "", "10", "", "11", ""]
E81_BODY = [
    ["1", "Meningkatnya kualitas jalan", "Program Penyelenggaraan Jalan", "Persentase jalan mantap",
     "90,00 %", "250.000.000.000", "-", "4.100.000.000", "-", "15.200.000.000", "-", "16.900.000.000",
     "86,12 %", "19.700.000.000", "86,12 %", "55.900.000.000", "101,32", "95,10"],
    ["", "", "Rehabilitasi Jembatan", "Jumlah jembatan direhabilitasi", "25 Unit", "21.000.000.000", "-",
     "301.300.000", "1 Unit", "1.016.800.000", "2 Unit", "1.129.800.000", "2 Unit", "1.317.980.000",
     "5 Unit", "3.765.880.000", "83,33", "89,66"],
]


def test_e81_three_row_header_ends_where_figures_start() -> None:
    rows = [cells(*r) for r in (E81_TOP, E81_QUARTERS, E81_KRP, E81_NUMBERS, *E81_BODY)]
    header, body = split_header(rows)
    assert len(header) == 4  # three label rows and the numbering row
    assert [c.text for c in body[0]][:3] == E81_BODY[0][:3]


def test_e81_columns_are_keyed_by_their_path() -> None:
    rows = [cells(*r) for r in (E81_TOP, E81_QUARTERS, E81_KRP, E81_NUMBERS)]
    tree, paths = build_tree(rows, len(E81_TOP))
    assert paths[0] == ("No",)
    assert paths[4] == ("Target Renstra (2026)", "K")
    assert paths[5] == ("Target Renstra (2026)", "Rp")
    assert paths[6] == ("Realisasi Kinerja pada Triwulan", "I", "K")
    assert paths[9] == ("Realisasi Kinerja pada Triwulan", "II", "Rp")
    assert paths[10] == ("Realisasi Kinerja pada Triwulan", "III", "K")
    assert paths[13] == ("Realisasi Kinerja pada Triwulan", "IV", "Rp")
    # the quarter IV span stops at its parent's edge, though the K/Rp row goes on
    assert paths[14] == ("Realisasi Capaian Kinerja dan Anggaran 2024", "K")
    assert paths[17] == ("Tingkat Capaian (%)", "Rp")
    triwulan = next(n for n in tree if n.label.startswith("Realisasi Kinerja"))
    assert (triwulan.first_col, triwulan.last_col) == (6, 13)
    assert [(q.label, q.first_col, q.last_col) for q in triwulan.children] == [
        ("I", 6, 7), ("II", 8, 9), ("III", 10, 11), ("IV", 12, 13)]
    assert triwulan.children[2].children == [HeaderNode("K", 10, 10), HeaderNode("Rp", 11, 11)]


def test_e81_table_assembled_keeps_paths_and_flat_labels() -> None:
    text = "Tabel 3.9 Evaluasi Renja\n" + _tsv([E81_TOP, E81_QUARTERS, E81_KRP, E81_NUMBERS, *E81_BODY]) + "\n"
    [table] = assemble(parse_text(text))
    assert table.column_paths[10] == ("Realisasi Kinerja pada Triwulan", "III", "K")
    assert table.header_parts[10] == ["Realisasi Kinerja pada Triwulan", "III", "K"]
    assert table.header[11] == "Realisasi Kinerja pada Triwulan III Rp"
    assert len(table.rows) == 2 and table.rows[0].text(4) == "90,00 %"
    assert [n.label for n in table.header_tree][:4] == ["No", "Sasaran", "Program/Kegiatan", "Indikator Kinerja"]


def test_repeated_multi_row_header_on_a_continuation_is_dropped() -> None:
    header = [E81_TOP, E81_QUARTERS, E81_KRP, E81_NUMBERS]
    text = "\n".join([
        "Tabel 3.9 Evaluasi Renja",
        _tsv([*header, E81_BODY[0]]),
        "Laporan Kinerja Dinas X Tahun 2024",
        _tsv([*header, E81_BODY[1]]),
        "",
    ])
    [table] = assemble(parse_text(text))
    assert [r.text(2) for r in table.rows] == ["Program Penyelenggaraan Jalan", "Rehabilitasi Jembatan"]


def test_two_row_budget_header_with_a_title_over_the_figures() -> None:
    rows = [
        cells("NO", "PROGRAM/KEGIATAN", "ANGGARAN BELANJA TAHUN 2024", "", "", ""),
        cells("", "", "RENCANA", "REALISASI", "SISA PAGU", "(%)"),
        cells("1", "Program Penunjang Urusan", "5.000.000.000", "4.800.000.000", "200.000.000", "96,00"),
        cells("2", "Program Perlindungan Sosial", "700.000.000", "560.000.000", "140.000.000", "80,00"),
    ]
    header, body = split_header(rows)
    assert len(header) == 2 and len(body) == 2
    assert [" / ".join(p) for p in flatten_header(header, 6)] == [
        "NO", "PROGRAM/KEGIATAN", "ANGGARAN BELANJA TAHUN 2024 / RENCANA", "ANGGARAN BELANJA TAHUN 2024 / REALISASI",
        "ANGGARAN BELANJA TAHUN 2024 / SISA PAGU", "ANGGARAN BELANJA TAHUN 2024 / (%)"]


def test_a_second_row_of_units_only_is_part_of_the_header() -> None:
    rows = [
        cells("No", "Uraian", "Pagu", "Realisasi", "Capaian"),
        cells("", "", "(Rp)", "(Rp)", "(%)"),
        cells("1", "Belanja Pegawai", "1.200.000.000", "1.100.000.000", "91,67"),
        cells("2", "Belanja Barang dan Jasa", "800.000.000", "760.000.000", "95,00"),
    ]
    header, body = split_header(rows)
    assert len(header) == 2 and body[0][1].text == "Belanja Pegawai"
    assert flatten_header(header, 5)[2:] == [["Pagu", "(Rp)"], ["Realisasi", "(Rp)"], ["Capaian", "(%)"]]


def test_a_money_scale_wrapped_beside_the_next_header_row_is_a_label() -> None:
    """"Keuangan (Rp 000)" wrapped in its cell: its end "000)" stands on the line of the row of labels under it,
    read as "000) Target" (d07's Tabel 3.5 on the PDFs); the header goes on over that row."""
    rows = [
        cells("No", "Program", "Kinerja", "", "Keuangan (Rp", "", ""),
        cells("", "", "Target", "Realisasi", "000) Target", "Realisasi", "%"),
        cells("1", "Program A", "6", "6", "327.500", "318.510", "97,25"),
        cells("2", "Program B", "14", "14", "21.942.300", "21.299.578", "97,07"),
    ]
    header, body = split_header(rows)
    assert len(header) == 2 and body[0][1].text == "Program A"


def test_multi_year_header() -> None:
    rows = [
        cells("No", "Indikator Kinerja", "Realisasi", "", "", "Target 2024", "Realisasi 2024", "Capaian"),
        cells("", "", "2021", "2022", "2023", "", "", ""),
        cells("1", "Indeks kepuasan masyarakat", "78,10", "79,40", "80,75", "81,00", "82,50", "101,85 %"),
        cells("2", "Persentase pengaduan selesai", "85,00 %", "88,00 %", "90,00 %", "92,00 %", "93,50 %", "101,63 %"),
    ]
    header, body = split_header(rows)
    assert len(header) == 2 and len(body) == 2
    _, paths = build_tree(header, 8)
    assert paths[2:] == [("Realisasi", "2021"), ("Realisasi", "2022"), ("Realisasi", "2023"), ("Target 2024",),
                         ("Realisasi 2024",), ("Capaian",)]


def test_a_numbering_row_ends_the_header_and_is_not_in_the_path() -> None:
    rows = [
        cells("No", "Sasaran", "Indikator", "Target", "Realisasi"),
        cells("1", "2", "3", "4", "5"),
        cells("1", "Meningkatnya layanan", "Persentase layanan tuntas", "90 %", "92 %"),
    ]
    header, body = split_header(rows)
    assert len(header) == 2 and body[0][2].text == "Persentase layanan tuntas"
    assert flatten_header(header, 5) == [["No"], ["Sasaran"], ["Indikator"], ["Target"], ["Realisasi"]]


def test_a_table_whose_first_row_is_data_has_no_header() -> None:
    rows = [
        cells("3", "Persentase anak terlantar yang dibina", "80 %", "75 %", "93,75 %"),
        cells("4", "Jumlah lansia yang dilayani", "120 Orang", "118 Orang", "98,33 %"),
    ]
    assert split_header(rows) == ([], rows)


def test_a_continuation_starting_with_a_heading_row_has_no_header() -> None:
    rows = [
        cells("", "PROGRAM REHABILITASI SOSIAL", "", ""),
        cells("1", "Penyediaan Permakanan", "49.956.420", "42.771.480"),
        cells("2", "Penyediaan Sandang", "7.985.250", "6.759.000"),
    ]
    assert split_header(rows) == ([], rows)


def test_labels_outside_any_vocabulary_above_rows_of_figures() -> None:
    rows = [
        cells("Uraian Pekerjaan", "Volume Rencana", "Volume Terpasang"),
        cells("Galian tanah saluran", "1.250 m3", "1.180 m3"),
        cells("Pasangan batu kali", "640 m3", "655 m3"),
    ]
    header, body = split_header(rows)
    assert len(header) == 1 and len(body) == 2
    rows = [
        cells("Lokasi", "Panjang Ruas", "Lebar Ruas"),
        cells("Ruas Sleman - Tempel", "12,40 Km", "6,00 M"),
    ]
    assert len(split_header(rows)[0]) == 1


def test_a_heading_under_the_header_belongs_to_the_body() -> None:
    rows = [
        cells("No", "Indikator Kinerja", "Satuan", "Target", "Realisasi"),
        cells("", "Sasaran 1: Meningkatnya akses layanan", "", "", ""),
        cells("1", "Angka partisipasi kasar", "%", "72,50", "74,18"),
    ]
    header, body = split_header(rows)
    assert len(header) == 1 and body[0][1].text.startswith("Sasaran 1")


def test_quarter_numbers_in_figures_are_labels_under_their_span() -> None:
    rows = [
        cells("No", "Indikator", "Target Triwulan", "", "", ""),
        cells("", "", "1", "2", "3", "4"),
        cells("1", "Persentase dokumen tepat waktu", "25", "50", "75", "100"),
        cells("2", "Jumlah rapat koordinasi", "3", "6", "9", "12"),
    ]
    header, body = split_header(rows)
    assert len(header) == 2 and len(body) == 2
    assert flatten_header(header, 6)[5] == ["Target Triwulan", "4"]


def test_same_header_compares_every_row() -> None:
    a = [cells("No", "Target", ""), cells("", "K", "Rp")]
    b = [cells("No", "Target", ""), cells("", "K", "Rp"), cells("1", "2", "3")]
    c = [cells("No", "Target", ""), cells("", "K", "Anggaran")]
    assert same_header(a, b)
    assert not same_header(a, c)
    assert not same_header(a, [a[0]])


def test_continuation_piece_with_its_columns_elsewhere_is_moved_under_the_first_header() -> None:
    from extractors.assemble import remap_columns

    first = [[Cell("No"), Cell("Kegiatan"), Cell(""), Cell("Indikator"), Cell("Target"), Cell(""), Cell("Realisasi"),
              Cell("")]]
    own = [[Cell("No"), Cell("Kegiatan"), Cell("Indikator"), Cell("Target"), Cell(""), Cell("Realisasi"), Cell("")]]
    body = [[Cell("4"), Cell("Penyuluhan"), Cell("Jumlah penyuluh"), Cell("214 Orang"), Cell("1.534.417.000"),
             Cell("214 Orang"), Cell("1.435.975.130")]]
    (row,) = remap_columns(body, own, first)
    assert [c.text for c in row] == ["4", "Penyuluhan", "", "Jumlah penyuluh", "214 Orang", "1.534.417.000",
                                     "214 Orang", "1.435.975.130"]
    assert remap_columns(body, own, own) == body  # same layout: untouched


def test_a_label_cut_over_two_columns_of_a_continuation_piece_is_one_column() -> None:
    """The next page's column finder cut "Capaian (%)" into "Capaian" | "(%)" (or "Sasaran" | "Strategis"): the
    cut label's columns go under the first header's one column, the columns right of it one to the left (holdout
    h01's Tabel 3.2 printed with horizontal rules)."""
    from extractors.assemble import remap_columns

    first = [[Cell("No"), Cell("Indikator"), Cell("Target"), Cell("Realisasi"), Cell("Capaian (%)"), Cell("Predikat")]]
    own = [[Cell("No"), Cell("Indikator"), Cell("Target"), Cell("Realisasi"), Cell("Capaian"), Cell("(%)"),
            Cell("Predikat")]]
    body = [[Cell("6."), Cell("Persentase lembaga pengguna"), Cell("80,00"), Cell("85,00"), Cell("106,25"), Cell(""),
             Cell("Sangat Tinggi")]]
    (row,) = remap_columns(body, own, first)
    assert [c.text for c in row] == ["6.", "Persentase lembaga pengguna", "80,00", "85,00", "106,25", "Sangat Tinggi"]
    cut = [[Cell("No"), Cell("Sasaran"), Cell("Strategis"), Cell("Target")]]
    whole = [[Cell("No"), Cell("Sasaran Strategis"), Cell("Target")]]
    (row,) = remap_columns([[Cell("1"), Cell("Meningkatnya"), Cell("mutu"), Cell("90")]], cut, whole)
    assert [c.text for c in row] == ["1", "Meningkatnya mutu", "90"]
    other = [[Cell("No"), Cell("Indikator"), Cell("Target"), Cell("Realisasi"), Cell("Capaian"), Cell("Ket")]]
    assert remap_columns(body, other, first) == body  # other labels: untouched
    # a "%" column holding figures is a column of its own that the first header merged into its neighbour's label
    merged = [[Cell("No"), Cell("Uraian"), Cell("Anggaran (Rp)"), Cell("Realisasi (Rp) %"), Cell("Sisa")]]
    own_pct = [[Cell("No"), Cell("Uraian"), Cell("Anggaran (Rp)"), Cell("Realisasi (Rp)"), Cell("%"), Cell("Sisa")]]
    rows = [[Cell("2"), Cell("PROGRAM KEPEGAWAIAN"), Cell("6.957.650.000"), Cell("6.518.508.000"), Cell("93,69"),
             Cell("439.142.000")]]
    assert remap_columns(rows, own_pct, merged) == rows


def test_sasaran_strategis_and_serapan_are_header_words() -> None:
    from extractors.header import header_words_only

    assert header_words_only("Sasaran Strategis") and header_words_only("Serapan Anggaran")
    assert not header_words_only("Sasaran Strategis 1: Meningkatnya kesejahteraan")


def test_labels_cut_in_narrow_columns_are_mended_against_the_header_words() -> None:
    assert mend_label("Realisa si Capa ian Kinerja dan An ggaran Renstr a") == (
        "Realisasi Capaian Kinerja dan Anggaran Renstra")
    assert mend_label("Target Kinerja dan An ggaran Renja P erangk at Daerah") == (
        "Target Kinerja dan Anggaran Renja Perangkat Daerah")
    # two header words side by side stay two words; a piece that is a word itself is not joined
    assert mend_label("Target Realisasi") == "Target Realisasi"
    assert mend_label("No Kode") == "No Kode"
    assert mend_label("Program Kegiatan") == "Program Kegiatan"


def test_a_header_alone_over_its_numbering_row_is_read_by_its_words() -> None:
    """An E.81 header left at a page's foot as layout text, its rows on the next page: a label cell holds two
    labels cut over many lines (132 characters: d09), and the numbering row "1 2 | 3 | 4 5 | 6 ..." is the only
    row with figures. Its column numbers are no figures: the labels are the header."""
    long = ("Urusan/Bidang Indikator Urusan Kinerja Pemerintahan Program (out Daerah dan Pro come)/Kegiat "
            "gram/Kegiatan/ an (output) Sub Kegiatan")
    rows = [
        [Cell("N Sasaran o"), Cell("Kode"), Cell(long), Cell("Target Kinerja dan Anggaran Renja Tahun 2024"),
         Cell(""), Cell("Realisasi Kinerja dan Anggaran Renja Tahun 2024"), Cell("")],
        [Cell(""), Cell(""), Cell(""), Cell("K"), Cell("Rp"), Cell("K"), Cell("Rp")],
        [Cell("1 2"), Cell("3"), Cell("4 5"), Cell("6"), Cell(""), Cell("7"), Cell("")],
    ]
    header, body = split_header(rows)
    assert len(header) == 3 and body == []


def test_every_row_of_a_header_alone_down_to_its_numbering_row_is_the_header() -> None:
    """holdout4 j03's E.81 as layout text (its first columns): labels cut in narrow cells over many lines ("Realisa"
    / "si", "o" under "N"), a "K" beside a "Rp K Rp" the finder could not part; no row holds a figure but the
    numbering row, so all are the header's (the labels' way stopped after the first row)."""
    texts = [
        ["N Sasaran", "Kode", "Urusan/Bidang Indikator", "Target", "", "Realisa", "", "Target", "", "Reali", ""],
        ["o", "", "Urusan Kinerja", "Renstra", "", "si", "", "Kinerja", "", "sasi", ""],
        ["", "", "Pemerintahan Program (outc", "Perangk", "", "Capaian", "", "dan An", "", "Kine", ""],
        ["", "", "Sub Kegiatan", "pada", "", "Perangk", "", "erangka", "", "nI", ""],
        ["", "", "", "Renstra )", "", "Renja Tahun Lalu (2023)", "", "n (2024) yang Dievaluasi", "", "", ""],
        ["", "", "", "K", "Rp", "K", "Rp", "K", "", "Rp K Rp", "K"],
        ["1 2", "3", "4 5", "6", "7", "", "", "8", "", "9", ""],
    ]
    header, body = split_header([[Cell(t) for t in row] for row in texts])
    assert len(header) == len(texts) and body == []
