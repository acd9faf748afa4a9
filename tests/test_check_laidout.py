"""Findings on tables whose cells the reader built from the page's geometry (``Table.laid_out``): a reading
error (a lost cell, a cut figure, a piece of a table read as a table of its own, a paragraph run into the next)
is not a finding of the report. The same figures given cell by cell (a tab-separated text) keep their findings."""

from __future__ import annotations

from extractors.figures import cell_figures
from extractors.model import Cell, Document, Row, Table, TextLine
from extractors.numbers import parse_number
from extractors.rows import Context, budget_of, column_styles, measurements_of, plans_of
from extractors.settings import DEFAULT
from pipeline.check import check
from pipeline.check.cross_table import _glued_grades
from pipeline.check.malformed import check_malformed
from pipeline.check.prose import passages
from pipeline.check.reading import misread_rows
from schemas.records import DocumentInfo, Extraction

BUDGET = ["kode", "uraian", "pagu", "realisasi_anggaran", "persen", "sisa"]


def table(table_id: str, rows: list[list[str]], roles: list[str] = BUDGET, laid_out: bool = True,
          caption: str = "Tabel 3.5 Realisasi Anggaran", page: int = 7) -> Table:
    return Table(table_id, caption, list(roles), [Row([Cell(t) for t in r], page, None) for r in rows],
                 page=page, roles=list(roles), laid_out=laid_out, role_confidence=[1.0] * len(roles))


def extraction(*tables: Table) -> Extraction:
    ctx = Context("d", "f.pdf", 2024, None)
    ext = Extraction(info=DocumentInfo("d", "f.pdf", "0" * 64, 9), document=Document("f.pdf", "0" * 64, 9),
                     tables=list(tables), cells=cell_figures(list(tables)))
    for t in tables:
        styles = column_styles(t, None)
        ext.measurements.extend(measurements_of(t, ctx, styles))
        ext.budget.extend(budget_of(t, ctx, styles))
        ext.plans.extend(plans_of(t, ctx, styles))
    return ext


def findings(ext: Extraction, kind: str) -> list:
    return [f for f in check(ext).flags if f.kind == kind and f.severity != "info"]


def test_a_row_that_lost_a_cell_gives_no_total_finding_in_a_laid_out_table() -> None:
    """The last sub-kegiatan's pagu cell is blank and its realisasi and % stand one column over, the % cell holding
    two figures (LibreOffice's print of d08): its kegiatan does not add up for reasons of the reading. In a table
    given cell by cell the same figures are the report's own, and flagged."""
    rows = [["1.02.02.2.02", "Penyediaan Layanan Kesehatan", "3.020.000.000", "2.907.162.000", "96,26",
             "112.838.000"],
            ["1.02.02.2.02.38", "Pengelolaan Jaminan Kesehatan", "2.400.000.000", "2.318.750.000", "96,61",
             "81.250.000"],
            ["1.02.02.2.02.36", "Penyediaan Sistem Penanganan Gawat Darurat", "", "620.000.000",
             "588.412.000 94,91", "31.588.000"]]
    assert findings(extraction(table("t1", rows, laid_out=True)), "total_mismatch") == []
    [flag] = findings(extraction(table("t1", rows, laid_out=False)), "total_mismatch")
    assert flag.reported == 2907162000.0


def test_the_signs_of_a_misread_row() -> None:
    rows = [["1.01", "Program A", "10.464.920.00", "10.135.623.89", "96,85", "329.296.110"],  # 0: cut figures
            ["1.01.2.01", "Kegiatan A", "0", "0", "96,85", "329.296.110"],  # 1: their ends
            ["1.01.2.01.01", "Sub A", "73.500.000", "71.580.000", "97,39", "1.920.000"],  # 2: clean
            ["1.01.2.01.02", "Sub B", "296.804.000", "15.696.000", "94,98", ""],  # 3: a lost cell
            ["1.01.2.01.03", "Sub C", "45.000.000", "43.650.000 97,00", "97,00", "1.350.000"],  # 4: two figures
            ["1.01.2.01.04", "Sub D", "28.500.000", "97,10", "98,00", "570.000"],  # 5: a % among rupiah
            ["1.01.2.01.05", "Sub E", "28.500.000", "27.930.000", "27.930.000", "570.000"],  # 6: money as %
            ["1 1.01.02", "PROGRAM B", "45.000.000", "43.650.000", "97,00", "1.350.000"]]  # 7: a number glued
    assert set(misread_rows(table("t1", rows))) == {0, 1, 3, 4, 5, 6, 7}
    assert misread_rows(table("t1", rows, laid_out=False)) == {}
    iku = table("t2", [["1", "Jumlah UMKM Naik Kelas 450 Unit", "486 Unit", "108,00%", "Sangat Tinggi"],
                       ["2", "Persentase Koperasi Aktif", "72,50%", "74,18%", "102,32%"],
                       ["3", "Jumlah wirausaha baru", "400 Orang", "415 Orang", "103,75%"]],
                roles=["no", "indikator", "target", "realisasi", "capaian"])
    assert set(misread_rows(iku)) == {0}


def test_a_parent_whose_children_go_on_in_the_next_piece_abstains() -> None:
    """The rows after a program run to its table's end, and the next table, on the next page and without a
    caption of its own, goes on with its kegiatan (LibreOffice's prints of d02, h02, h04): the program's children
    fall short of it because the rest were read as another table. Where the next table has a caption of its own,
    the program is checked."""
    first = [["1.01.01", "PROGRAM PENUNJANG", "500.000.000", "480.000.000", "96,00", "20.000.000"],
             ["1.01.01.2.01", "Perencanaan", "500.000.000", "480.000.000", "96,00", "20.000.000"],
             ["1.01.02", "PROGRAM PENGELOLAAN PENDIDIKAN", "900.000.000", "870.000.000", "96,67", "30.000.000"],
             ["1.01.02.2.01", "Pengelolaan Sekolah Dasar", "600.000.000", "580.000.000", "96,67", "20.000.000"]]
    rest = [["1.01.02.2.02", "Pengelolaan Sekolah Menengah Pertama", "300.000.000", "290.000.000", "96,67",
             "10.000.000"],
            ["1.01.02.2.02.01", "Pembangunan Ruang Kelas", "300.000.000", "290.000.000", "96,67", "10.000.000"]]

    def program_findings(caption: str) -> list:
        ext = extraction(table("t1", first, page=7), table("t2", rest, caption=caption, page=8))
        return [f for f in findings(ext, "total_mismatch") if "PENDIDIKAN" in f.subject]

    assert program_findings("") == []
    assert len(program_findings("Tabel 3.6 Realisasi Anggaran per Sumber Dana")) == 1


def test_a_difference_of_exactly_one_childs_figures_is_a_doubt_in_a_laid_out_table() -> None:
    """A sub-kegiatan printed where a page broke came out twice, once with its code cut (LibreOffice's print of
    h01): the kegiatan's children exceed it by exactly that row's figures."""
    rows = [["2.12.04.2.01", "Penyelenggaraan Pengelolaan Informasi", "1.102.200.000", "1.082.544.000", "98,22",
             "19.656.000"],
            ["2.12.04.2.01.0", "Pengumpulan dan Pengolahan Data", "175.500.000", "168.076.400", "95,77",
             "7.423.600"],
            ["2.12.04.2.01.01", "Pengumpulan dan Pengolahan Data", "175.500.000", "168.076.400", "95,77",
             "7.423.600"],
            ["2.12.04.2.01.02", "Pemeliharaan Perangkat SIAK", "926.700.000", "914.467.600", "98,68",
             "12.232.400"]]
    assert findings(extraction(table("t1", rows, laid_out=True)), "total_mismatch") == []
    assert len(findings(extraction(table("t1", rows, laid_out=False)), "total_mismatch")) == 1


def test_a_kegiatan_whose_code_was_not_read_is_a_doubt_in_a_laid_out_table() -> None:
    """A kegiatan of the program printed with its code in the next column and read without one (the hrules print
    of d03's E.81): the program's coded children fall short of it by exactly that row's figures. No finding; given
    cell by cell, the same table is the report's own and flagged."""
    rows = [["1.03.02", "PROGRAM PENGELOLAAN SUMBER DAYA AIR", "23.370.000.000", "22.414.521.500", "95,91",
             "955.478.500"],
            ["", "Pengelolaan SDA dan Bangunan Pengaman Pantai", "5.430.000.000", "5.197.796.500", "95,72",
             "232.203.500"],
            ["", "Pembangunan Embung dan Penampung Air Lainnya", "3.250.000.000", "3.102.456.000", "95,46",
             "147.544.000"],
            ["1.03.02.2.02", "Pengembangan dan Pengelolaan Sistem Irigasi", "17.940.000.000", "17.216.725.000",
             "95,97", "723.275.000"],
            ["1.03.02.2.02.01", "Pembangunan Bendung Irigasi", "17.940.000.000", "17.216.725.000", "95,97",
             "723.275.000"]]
    assert findings(extraction(table("t1", rows, laid_out=True)), "total_mismatch") == []
    assert findings(extraction(table("t1", rows, laid_out=False)), "total_mismatch") != []


def test_a_code_printed_on_rows_of_different_names_is_a_doubt_in_a_laid_out_table() -> None:
    """Two sub-kegiatan whose codes wrapped in their cells were read with their kegiatan's code (reportlab's shaded
    print of d02): three rows "1.01.02.2.01", the two taken for kegiatan of the program, which then exceeds its
    pagu by their sum. A code is a row's own; printed on three names it was cut: no finding. Given cell by cell,
    the same table is the report's own and flagged."""
    rows = [["1.01.02", "PROGRAM PENGELOLAAN PENDIDIKAN", "62.946.500.000", "61.728.856.550", "98,07",
             "1.217.643.450"],
            ["1.01.02.2.01", "Pengelolaan Pendidikan Sekolah Dasar", "35.255.600.000", "34.556.294.250", "98,02",
             "699.305.750"],
            ["1.01.02.2.01", "Rehabilitasi", "5.760.000.000", "5.580.000.000", "96,88", "180.000.000"],
            ["1.01.02.2.01", "Pengadaan Mebel", "1.080.000.000", "990.190.000", "91,68", "89.810.000"],
            ["1.01.02.2.01.24", "Pengelolaan Dana BOS Sekolah Dasar", "28.415.600.000", "27.986.104.250", "98,49",
             "429.495.750"],
            ["1.01.02.2.02", "Pengelolaan Pendidikan Sekolah Menengah Pertama", "27.690.900.000", "27.172.562.300",
             "98,13", "518.337.700"]]
    assert findings(extraction(table("t1", rows, laid_out=True)), "total_mismatch") == []
    assert findings(extraction(table("t1", rows, laid_out=False)), "total_mismatch") != []


def test_a_cut_code_no_row_hangs_under_leaves_the_finding() -> None:
    """Two sub-kegiatan whose codes lost their last digits alike ("2.19.03.2.01.0", h05's shaded print) are still
    their kegiatan's children: its wrong total is the report's own and flagged."""
    rows = [["2.19.03.2.01", "Pengembangan Kapasitas Daya Saing Keolahragaan", "2.500.000.000", "2.400.000.000",
             "96,00", "100.000.000"],
            ["2.19.03.2.01.0", "003 Penyelenggaraan Kejuaraan Olahraga", "1.000.000.000", "960.000.000", "96,00",
             "40.000.000"],
            ["2.19.03.2.01.0", "005 Pembinaan Olahraga Prestasi", "1.400.000.000", "1.340.000.000", "95,71",
             "60.000.000"]]
    [flag] = findings(extraction(table("t1", rows, laid_out=True)), "total_mismatch")
    assert (flag.reported, flag.expected) == (2500000000.0, 2400000000.0)


def test_a_row_named_as_a_program_is_no_child_in_a_laid_out_table() -> None:
    """On a new page the item numbers of a program list ran into the names (reportlab's print of d11): "Program
    ..." rows read as kegiatan of the program above are not its children."""
    rows = [["1.", "Program Penunjang Urusan Pemerintahan", "24.036.857.000"],
            ["2.", "Program Penyuluhan Pertanian", "1.624.417.000"],
            ["", "3. Program Peningkatan Diversifikasi Pangan", "2.266.973.000"],
            ["", "4. Program Penanganan Kerawanan Pangan", "2.187.218.000"]]
    pk = ["no", "uraian", "pagu"]

    def subjects(laid_out: bool) -> list[str]:
        ext = extraction(table("t1", rows, roles=pk, laid_out=laid_out, caption="Tabel 2.2 Program"))
        return [f.subject for f in findings(ext, "total_mismatch")]

    assert not any("Penyuluhan" in s for s in subjects(True))


def test_grades_glued_from_neighbouring_cells_are_the_same_score() -> None:
    def glued(a: str, b: str) -> bool:
        return _glued_grades(parse_number(a), parse_number(b))

    assert glued("B (68,50)", "B (68,50) Baik WTP")
    assert glued("65,00 / B WTP Tinggi", "65,00 / B")
    assert not glued("72/B", "72/BB")
    assert not glued("B (68,50)", "B (68,00) Baik WTP")


def test_a_cut_figure_with_commas_or_alone_on_a_pdf_line_is_a_doubt() -> None:
    def confidence(laid_out: bool) -> float:
        t = table("t1", [["2.16.01", "PROGRAM PENUNJANG", "16,839,536,00", "14,849,343,581", "88,18", ""]],
                  laid_out=laid_out)
        ext = extraction(t)
        [flag] = [f for f in check_malformed(ext) if "16,839,536,00" in f.message]
        return flag.confidence

    assert confidence(True) < DEFAULT.confidence.flag_min <= confidence(False)

    def prose_confidence(bbox: tuple[float, float, float, float] | None) -> float:
        ext = extraction()
        ext.document.lines = [TextLine("130.961.680.00", 1.0, 4, None if bbox else 12, bbox)]
        [flag] = check_malformed(ext)
        return flag.confidence

    assert prose_confidence((57.0, 300.0, 120.0, 310.0)) < DEFAULT.confidence.flag_min <= prose_confidence(None)


def test_a_pdf_paragraph_ends_at_a_wider_gap_between_lines() -> None:
    """Lines of a paragraph stand a third of a line height apart, paragraphs a whole line height (LibreOffice's
    print of h06): a heading without a full stop does not run into the paragraph under it."""
    lines = [TextLine("Sasaran 2: Meningkatnya kualitas perencanaan dan penganggaran daerah", 1.0, 4, None,
                      (57, 414.3, 435.7, 424.1)),
             TextLine("Penyusunan APBD Tahun Anggaran 2024 dilaksanakan sejak penyampaian KUA", 2.0, 4, None,
                      (57, 434.6, 757.9, 444.4)),
             TextLine("dan waktu yang dibutuhkan adalah 25 hari.", 3.0, 4, None, (57, 448.0, 704.3, 457.8))]
    assert [p.text for p in passages(lines)] == [
        "Sasaran 2: Meningkatnya kualitas perencanaan dan penganggaran daerah",
        "Penyusunan APBD Tahun Anggaran 2024 dilaksanakan sejak penyampaian KUA dan waktu yang dibutuhkan adalah "
        "25 hari."]
    # a sentence broken over two paragraphs goes on with a lower-case word, and is read as one (sample 003)
    broken = [TextLine("Untuk menghitung persentase PPKS, maka Dinas Sosial", 1.0, 40, None, (57, 300, 700, 310)),
              TextLine("dan Pemberdayaan Masyarakat menggunakan rumus:", 2.0, 40, None, (57, 330, 500, 340))]
    assert len(passages(broken)) == 1
    # a converted text by the same rule, its blank line for the gap: the heading stands alone (holdout3 i01's
    # "Sasaran 2: ..." over "Nilai Tukar Nelayan (NTN) ..."), a line under a blank one in lower case goes on
    text = [TextLine(line.text, line.order, None, n) for n, line in zip((10, 12, 13), lines, strict=True)]
    assert [p.text for p in passages(text)] == [p.text for p in passages(lines)]
    assert len(passages([TextLine(line.text, line.order, None, n) for n, line in zip((40, 42), broken,
                                                                                      strict=True)])) == 1


def test_a_pdf_paragraph_set_with_wide_line_spacing_stays_one_paragraph() -> None:
    """Word's 1.5 line spacing sets a paragraph's lines 0.7 line heights apart and paragraphs 1.4: the gap that
    ends a paragraph is measured against the page's usual spacing, so a line opening with a capital ("Rp", a
    name) still goes on with its sentence, while the wider gap still ends the paragraph."""
    def line(text: str, n: int, top: float) -> TextLine:
        return TextLine(text, float(n), 5, None, (57.0, top, 700.0, top + 10.0))

    lines = [line("Realisasi anggaran Dinas Kesehatan pada tahun 2023 adalah sebesar", 1, 100.0),
             line("Rp 239.724.037.643 dari pagu sebesar Rp 247.677.530.000 atau", 2, 117.0),
             line("Dinas Kesehatan menyerap 96,79 persen anggarannya.", 3, 134.0),
             line("Sisa anggaran dikembalikan ke kas daerah.", 4, 158.0),
             line("Penyerapan tertinggi ada pada belanja pegawai.", 5, 175.0)]
    got = [p.text for p in passages(lines)]
    assert got == [
        "Realisasi anggaran Dinas Kesehatan pada tahun 2023 adalah sebesar Rp 239.724.037.643 dari pagu sebesar "
        "Rp 247.677.530.000 atau Dinas Kesehatan menyerap 96,79% anggarannya.",  # the percent word read as %
        "Sisa anggaran dikembalikan ke kas daerah.", "Penyerapan tertinggi ada pada belanja pegawai."]


def test_the_percent_word_cut_off_by_a_line_break_still_makes_a_percentage() -> None:
    """"... atau sebesar 98,04" / "persen. Sisa ..." (d01's budget sentence on the PDFs): the figure is 98,04%, as
    "98,04 persen" on one line is. A table's source note above the paragraph is a line of its own."""
    def line(text: str, n: int, top: float) -> TextLine:
        return TextLine(text, float(n), 14, None, (78.0, top, 740.0, top + 12.0))

    lines = [line("Sumber: LRA Dinas Kesehatan Kabupaten Lombok Timur Tahun Anggaran 2023 (diolah)", 1, 277.0),
             line("Secara keseluruhan realisasi anggaran mencapai Rp 239.724.037.643,- dari pagu Rp", 2, 291.0),
             line("247.677.530.000,- atau sebesar 98,04", 3, 305.0),
             line("persen. Sisa anggaran berasal dari efisiensi belanja pegawai.", 4, 319.0)]
    got = passages(lines)
    assert [p.text for p in got] == [
        "Sumber: LRA Dinas Kesehatan Kabupaten Lombok Timur Tahun Anggaran 2023 (diolah)",
        "Secara keseluruhan realisasi anggaran mencapai Rp 239.724.037.643,- dari pagu Rp 247.677.530.000,- atau "
        "sebesar 98,04%. Sisa anggaran berasal dari efisiensi belanja pegawai."]
    assert got[1].line_at(got[1].text.index("Sisa")) is lines[3]


def test_a_row_holding_a_piece_of_a_cut_figure_gives_no_record_in_a_laid_out_table() -> None:
    """A laid-out table whose amounts wrap over two lines, read with the lines apart ("435.000" | ".000" as two
    rows: pdftotext -layout of d03's and d09's E.81 forms), gives rows of pieces: they are no budget lines and no
    measurements. Given cell by cell, the same text is the report's own (a malformed figure to flag)."""
    rows = [["1.02.02.2.02", "Penyediaan Layanan Kesehatan", "3.020.000.000", "2.907.162.000", "96,26", ""],
            ["1.02.02.2.02.38", "Pengelolaan Jaminan Kesehatan", "435.000", "418.360", "96,17", ""],
            ["", "Kesehatan Masyarakat", ".000", ".000", "", ""],
            ["1.02.02.2.02.39", "Pelayanan Kesehatan Rujukan", "38.000.", "36.100.", "95,00", ""]]
    assert [b.kode for b in extraction(table("t1", rows)).budget] == ["1.02.02.2.02", "1.02.02.2.02.38"]
    assert len(extraction(table("t1", rows, laid_out=False)).budget) == 4
    kinerja = [["No", "Indikator", "Target", "Realisasi", "Capaian"],
               ["1", "Jumlah Dokumen Perencanaan", "12", "12", "100,00"],
               ["", "Jumlah Titik Pemantauan", "00.000", "000", "100,00"],
               ["2", "Persentase Pengaduan yang Ditindaklanjuti", "95,00", "96,80", "101,89"]]
    roles = ["no", "indikator", "target", "realisasi", "capaian"]
    found = measurements_of(table("t2", kinerja[1:], roles), Context("d", "f.pdf", 2024, None),
                            column_styles(table("t2", kinerja[1:], roles), None))
    assert [m.indikator for m in found] == ["Jumlah Dokumen Perencanaan", "Persentase Pengaduan yang Ditindaklanjuti"]


def test_a_parents_difference_that_is_its_childs_own_slip_is_noted_once() -> None:
    """A kegiatan printed 25.000.000 above its two sub-kegiatan, under a program that equals them (d11's Tabel 3.6):
    one figure is wrong, the kegiatan's; the program's difference is that slip again and is only noted. Where the
    program is off by another amount, both are findings."""
    rows = [["3.27.03", "PROGRAM PENYEDIAAN DAN PENGEMBANGAN PRASARANA PERTANIAN", "10.366.300.000",
             "9.176.728.147", "88,52", "1.189.571.853"],
            ["3.27.03.2.02", "Pembangunan Prasarana Pertanian", "10.391.300.000", "9.176.728.147", "88,31",
             "1.214.571.853"],
            ["3.27.03.2.02.01", "Pembangunan Jalan Usaha Tani", "4.120.500.000", "3.306.157.322", "80,24",
             "814.342.678"],
            ["3.27.03.2.02.02", "Pembangunan Jaringan Irigasi Tersier", "6.245.800.000", "5.870.570.825", "93,99",
             "375.229.175"]]
    [flag] = findings(extraction(table("t1", rows, laid_out=False)), "total_mismatch")
    assert flag.subject.startswith("Pembangunan Prasarana Pertanian")
    rows[0][2], rows[0][5] = "10.366.400.000", "1.189.671.853"
    assert len(findings(extraction(table("t1", rows, laid_out=False)), "total_mismatch")) == 2


def test_a_ruled_tables_row_the_reader_re_laid_and_could_not_read_is_a_doubt() -> None:
    """A ruled table (a grid print) whose sub-kegiatan's wrapped figures ran together in one cell: the reader re-laid
    the row under the header (``Table.shifted_rows``) and it gave no budget record, so its kegiatan lacks a child
    for reasons of the reading (the grid print of h07's E.81). A row not re-laid keeps the finding."""
    rows = [["1.04.03.2.02", "Penataan Kawasan Permukiman", "4.015.000.000", "3.872.030.000", "96,44", "142.970.000"],
            ["1.04.03.2.02.01", "Rehabilitasi Jalan Lingkungan", "1.850.000.000", "1.792.340.000", "96,88",
             "57.660.000"],
            ["1.04.03.2.02.02", "Pembangunan Drainase Lingkungan Meter 13.000 1.240.000.000 245 200.336.000", "", "",
             "", ""],
            ["1.04.03.2.02.05", "Pembangunan Sarana Air Minum", "925.000.000", "901.240.000", "97,43", "23.760.000"]]
    ruled = table("t1", rows, laid_out=False)
    assert [f.reported for f in findings(extraction(ruled), "total_mismatch")] == [4015000000.0]
    ruled.shifted_rows = [2]
    assert findings(extraction(ruled), "total_mismatch") == []
    assert [f.severity for f in check(extraction(ruled)).flags if f.kind == "total_mismatch"] == ["info"]


def test_a_figure_a_thousand_times_off_by_its_rows_own_percent_is_a_doubt_in_a_laid_out_table() -> None:
    """Realisasi "84.615" for 84.615.000 (its last group left on its cell's next line), the row's 87,41% agreeing only
    with the whole figure: a reading doubt in a laid-out table; given cell by cell, the report's own figure."""
    rows = [["1.04.05.2.01.03", "Verifikasi dan Serah Terima PSU", "96.800.000", "84.615", "87,41", ""]]
    assert findings(extraction(table("t1", rows, laid_out=True)), "budget_percent_mismatch") == []
    [flag] = findings(extraction(table("t1", rows, laid_out=False)), "budget_percent_mismatch")
    assert flag.reported == 87.41
