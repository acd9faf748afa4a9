"""Coverage: figures per table, the ones that ended in a record, and why a table was not read."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.model import Cell, Row, Table
from extractors.numbers import parse_number
from pipeline.coverage import apply_coverage, is_figure, numeric_cells, table_coverage
from pipeline.run import extract_document
from schemas.records import BudgetLine, DocumentInfo, Extraction, Measurement, PlanEntry, TableInfo


def table(table_id: str, roles: list[str], rows: list[list[str]]) -> Table:
    return Table(table_id=table_id, caption="", header=[r or "?" for r in roles],
                 rows=[Row([Cell(t, line=k + 1) for t in r], line=k + 1) for k, r in enumerate(rows)],
                 roles=list(roles))


def measurement(table_id: str, row_index: int, confidence: float = 1.0) -> Measurement:
    n = parse_number("1")
    return Measurement("d", "a.txt", table_id, None, row_index + 1, "other", "x", n, n, n,
                       confidence=confidence, row_index=row_index)


def budget_line(table_id: str, position: int, confidence: float = 1.0) -> BudgetLine:
    n = parse_number("1.000.000")
    return BudgetLine("d", "a.txt", table_id, None, position + 1, "", "program", "x", n, n, n, n,
                      position=position, confidence=confidence)


def info_of(t: Table) -> TableInfo:
    return TableInfo("d", "a.txt", t.table_id, "", None, 1, "other", len(t.rows), "|".join(t.roles))


CAPAIAN = table("t01", ["no", "indikator", "target", "realisasi", "capaian"], [
    ["1.", "Jumlah penerima", "100 Orang", "90 Orang", "90 %"],
    ["2.", "Persentase lansia", "80%", "80%", "100 %"],
    ["", "Rata-rata", "", "", "95 %"],  # a summary row: a figure that ends in no record
])
UNKNOWN = table("t02", ["no", "uraian", "other", ""], [
    ["1.", "Pejabat", "4", "3"],
    ["2.", "Staf", "12", "15"],
    ["3.", "Honorer", "7", "9"],
])
NO_FIGURES = table("t03", ["no", "uraian"], [["1.", "Visi"], ["2.", "Misi"]])


@pytest.mark.parametrize(("text", "figure"), [
    ("96 Pendamping", True), ("35,52%", True), ("Rp 2.456.653.000,-", True), ("14.90.000", True),
    ("72/BB", True), ("1. 72,73% 2. 34,29%", True), ("85 s/d 100", True), ("87,57% 2.627.100", True),
    ("Baik", False), ("-", False), ("", False), ("Program 1", False), ("26/02", False), ("1.06.01 Program", False),
])
def test_what_is_a_figure(text: str, figure: bool) -> None:
    assert is_figure(text) is figure


def test_numbering_codes_and_names_are_not_figures() -> None:
    t = table("t09", ["no", "kode", "uraian", "pagu"], [
        ["1.", "1.06.01", "Program 2024", "1.000.000"],
        ["2.", "1.06.02", "Program B", "2.000.000"],
    ])
    assert numeric_cells(t) == {(0, 3), (1, 3)}


def test_row_labels_in_a_column_without_role_are_not_figures() -> None:
    # a multi-year table whose years stand in an unlabelled column, and a daftar isi's page numbers
    years = table("t10", ["", "other"], [["2022", "10"], ["2023", "12"], ["2024", "9"]])
    assert numeric_cells(years) == {(0, 1), (1, 1), (2, 1)}
    pages = [["Kata Pengantar", "1"], ["Bab I", "2"], ["Bab II", "5"], ["Bab III", "5"], ["Bab IV", "10"],
             ["Daftar Tabel", "1"], ["Tabel 1", "3"], ["Tabel 2", "8"], ["Tabel 3", "9"], ["Tabel 4", "12"],
             ["Tabel 5", "15"]]
    assert numeric_cells(table("t11", ["", ""], pages)) == set()
    # counts that do not rise row by row are figures, even in a column without role
    assert len(numeric_cells(UNKNOWN)) == 6


def test_a_read_table_counts_the_cells_of_its_records() -> None:
    cov = table_coverage(CAPAIAN, [measurement("t01", 0, 0.8), measurement("t01", 1, 0.9)], [], [])
    assert (cov.n_numeric, cov.n_read, cov.n_records, cov.confidence) == (7, 6, 2, 0.9)
    assert cov.note == ""  # one summary cell unread, but no whole column of figures


def test_records_of_other_tables_do_not_count() -> None:
    cov = table_coverage(CAPAIAN, [measurement("t99", 0), measurement("t99", 1)], [], [])
    assert (cov.n_read, cov.n_records, cov.confidence) == (0, 0, 0.0)


def test_figures_in_an_unknown_role_column_count_as_figures_not_read() -> None:
    cov = table_coverage(UNKNOWN, [], [], [])
    assert (cov.n_numeric, cov.n_read, cov.confidence) == (6, 0, 0.0)
    assert cov.note.startswith("not read: figures only in column(s) whose role is unknown")
    assert "3, 4 (role unknown)" in cov.note


def test_a_table_read_in_part_names_the_columns_left_out() -> None:
    t = table("t04", ["no", "indikator", "year", "target", "realisasi", "capaian", "renstra"], [
        ["1.", "A", "70", "80", "80", "100", "90"],
        ["2.", "B", "60", "70", "35", "50", "80"],
    ])
    cov = table_coverage(t, [measurement("t04", 0), measurement("t04", 1)], [], [])
    assert (cov.n_numeric, cov.n_read) == (10, 6)
    assert cov.note == "figures not read in column(s) 3 (year), 7 (renstra)"


def test_why_a_table_with_value_columns_was_not_read() -> None:
    capaian_only = table("t05", ["no", "indikator", "capaian", "persen"], [["1.", "A", "100 %", "95 %"]])
    assert table_coverage(capaian_only, [], [], []).note == (
        "not read: no target/realisasi or pagu/realisasi columns (found: capaian, persen)")
    aside = table("t06", ["no", "uraian", "year", "year"], [["1.", "A", "4.419 KPM", "4.531 KPM"]])
    assert table_coverage(aside, [], [], []).note.startswith("not read: figures only in other years'")
    unknown = table("t07", ["", "", ""], [["x", "12", "13,5"]])
    assert table_coverage(unknown, [], [], []).note.startswith("not read: header not understood")


def test_budget_lines_and_plans_by_position() -> None:
    t = table("t08", ["no", "uraian", "pagu", "realisasi_anggaran", "persen", "sisa"], [
        ["1", "Program A", "1.000.000", "900.000", "90", "100.000"],
        ["", "Heading", "", "", "", ""],
        ["2", "Program B", "2.000.000", "-", "0", "2.000.000"],  # the dash is not a figure
    ])
    cov = table_coverage(t, [], [budget_line("t08", 0), budget_line("t08", 2)], [])
    assert (cov.n_numeric, cov.n_read) == (7, 7)
    pagu_list = table("t09", ["no", "uraian", "pagu"], [["1", "Program A", "1.000.000"],
                                                        ["2", "Program B", "2.000.000"]])
    plan = PlanEntry("d", "a.txt", "t09", None, 2, "Program B", kind="program", position=1,
                     pagu=parse_number("2.000.000"))
    assert table_coverage(pagu_list, [], [], [plan]).n_read == 1
    pk = table("t10", ["no", "indikator", "target"], [["1", "Indikator A", "80 %"], ["2", "Indikator B", "90 %"]])
    indicator_plan = PlanEntry("d", "a.txt", "t10", None, 2, "Indikator B", target=parse_number("90 %"))
    assert table_coverage(pk, [], [], [indicator_plan]).n_read == 1


def test_document_coverage_on_a_tiny_made_up_document() -> None:
    info = DocumentInfo("d", "a.txt", "0" * 64, 1)
    ext = Extraction(info=info, tables=[CAPAIAN, UNKNOWN, NO_FIGURES],
                     measurements=[measurement("t01", 0, 0.7), measurement("t01", 1, 0.7)],
                     table_infos=[info_of(CAPAIAN), info_of(UNKNOWN), info_of(NO_FIGURES),
                                  TableInfo("d", "a.txt", "p004", "", 4, None, "other", 0, "",
                                            note="unreadable: scanned")])
    apply_coverage(ext)
    assert (info.tables_with_figures, info.tables_read) == (2, 1)
    assert info.cells_read_share == round(6 / 13, 4)
    by_id = {t.table_id: t for t in ext.table_infos}
    assert (by_id["t01"].n_numeric_cells, by_id["t01"].n_cells_read, by_id["t01"].confidence) == (7, 6, 0.7)
    assert (by_id["t02"].n_numeric_cells, by_id["t02"].n_cells_read, by_id["t02"].confidence) == (6, 0, 0.0)
    assert by_id["t03"].n_numeric_cells == 0 and by_id["p004"].note == "unreadable: scanned"


def test_no_figures_means_no_share() -> None:
    info = DocumentInfo("d", "a.txt", "0" * 64, 1)
    ext = Extraction(info=info, tables=[NO_FIGURES], table_infos=[info_of(NO_FIGURES)])
    apply_coverage(ext)
    assert (info.tables_with_figures, info.tables_read, info.cells_read_share) == (0, 0, None)


def test_the_generic_not_read_note_gives_way_to_the_specific_one() -> None:
    info = DocumentInfo("d", "a.txt", "0" * 64, 1)
    ti = TableInfo("d", "a.txt", "t02", "", None, 1, "other", 3, "no|uraian|other|-",
                   note="joined from 2 pieces; not read: no target/realisasi or pagu/realisasi columns")
    ext = Extraction(info=info, tables=[UNKNOWN], table_infos=[ti])
    apply_coverage(ext)
    note = ext.table_infos[0].note
    assert note.startswith("joined from 2 pieces; not read: figures only in column(s) whose role is unknown")
    assert note.count("not read") == 1


TINY = """LAPORAN KINERJA INSTANSI PEMERINTAH
DINAS SOSIAL KOTA CONTOH TAHUN 2024

Tabel 3.1 Capaian Kinerja Tahun 2024

No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian (%)
1.\tJumlah penerima bantuan\t100 Orang\t90 Orang\t90 %
2.\tPersentase lansia terlayani\t80%\t80%\t100 %

Tabel 1.1 Data Pegawai

No\tJabatan\tLaki-laki\tPerempuan
1.\tPejabat struktural\t4\t3
2.\tStaf\t12\t15
3.\tTenaga honorer\t7\t9

Demikian laporan ini.
"""


def test_extract_document_fills_coverage(tmp_path: Path) -> None:
    path = tmp_path / "tiny.txt"
    path.write_text(TINY, encoding="utf-8")
    ext = extract_document(path)
    assert len(ext.measurements) == 2
    assert (ext.info.tables_with_figures, ext.info.tables_read, ext.info.cells_read_share) == (2, 1, 0.5)
    read, staff = ext.table_infos
    assert (read.n_numeric_cells, read.n_cells_read) == (6, 6) and read.confidence > 0
    assert (staff.n_numeric_cells, staff.n_cells_read, staff.confidence) == (6, 0, 0.0)
    assert "not read" in staff.note


def test_a_performance_table_whose_figures_were_not_read_gets_an_info_flag() -> None:
    from extractors.model import Document
    from extractors.text_reader import parse_text
    from pipeline.coverage import apply_coverage, unread_flags
    from pipeline.run import extract_from

    text = ("Tabel 3.19 Rekapitulasi Tingkat Efisiensi Terhadap Capaian Kinerja\n\n"
            "No\tSasaran\tCapaian Kinerja (%)\tPenyerapan Anggaran (%)\tTingkat Efisiensi (%)\n"
            "1\tMeningkatnya layanan\t101,66\t98,40\t103,31\n2\tMeningkatnya kesiapsiagaan\t101,67\t88,88\t114,39\n")
    doc: Document = parse_text(text, "f.txt", "0" * 64)
    ext = extract_from(doc)
    apply_coverage(ext)
    [flag] = unread_flags(ext)
    assert flag.kind == "unreadable_table" and flag.severity == "info" and "6 angka" in flag.message
