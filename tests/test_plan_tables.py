"""Pagu-only tables (a Perjanjian Kinerja's program budgets, a Renja list): read into plan entries with
their structure, so their totals and their figures against other tables are checked."""

from __future__ import annotations

from extractors.align import shift_short_row
from extractors.assemble import assemble, merge_wrapped, split_inner_tables
from extractors.levels import RowShape, assign_levels
from extractors.model import Cell
from extractors.text_reader import parse_text
from pipeline.run import extract_from

PK_LAMPIRAN = """Lampiran Perjanjian Kinerja Tahun 2024

No\tSasaran\tNo\tIndikator Kinerja\tTarget
1\tMeningkatnya kualitas layanan\t1\tPersentase layanan yang tuntas\t85%
2\tMeningkatnya akuntabilitas\t2\tNilai SAKIP/Predikat\t72/BB

\tProgram\tAnggaran\tKeterangan
1.\tProgram Penunjang Urusan Pemerintahan Daerah\tRp 4.182.237.871\tAPBD
2.\tProgram Pemberdayaan Sosial\tRp. 99.836.580\tAPBD
3.\tProgram Rehabilitasi Sosial\tRp. 197.002.120\tAPBD
logo of the agency
3. Program Penanganan Bencana\tRp. 49.990.000\tAPBD
Total DPA-P Tahun 2024\tRp. 4.529.066.811\tAPBD
"""


def _cells(*texts: str, line: int = 1) -> list[Cell]:
    return [Cell(t, line=line) for t in texts]


def test_a_second_header_after_a_blank_line_starts_a_new_table() -> None:
    grid = parse_text(PK_LAMPIRAN).grids[0]  # the logo line ends the text grid; assembly joins the rest
    parts = split_inner_tables(grid)
    assert [p.rows[0][1].text for p in parts] == ["Sasaran", "Program"]
    assert parts[1].order == parts[1].line == 7


def test_a_repeated_header_does_not_split_the_table() -> None:
    text = "A\tTarget\tRealisasi\nX\t1\t2\n\nA\tTarget\tRealisasi\nY\t3\t4\n"
    [grid] = parse_text(text).grids
    assert split_inner_tables(grid) == [grid]


def test_a_row_one_cell_short_moves_right_under_the_numbering_column() -> None:
    row = _cells("7. Program Administrasi Desa", "Rp. 43.885.650", "APBD", "")
    assert [c.text for c in shift_short_row(row) or []] == ["7.", "Program Administrasi Desa", "Rp. 43.885.650",
                                                           "APBD"]
    total = _cells("Total DPA-P Tahun 2024", "Rp. 7.393.559.206", "APBD", "")
    assert [c.text for c in shift_short_row(total) or []] == ["", "Total DPA-P Tahun 2024", "Rp. 7.393.559.206",
                                                             "APBD"]
    assert shift_short_row(_cells("1", "Program A", "Rp 5", "APBD")) is None  # not short


def test_plan_list_total_is_checked_and_continuation_joined() -> None:
    ext = extract_from(parse_text(PK_LAMPIRAN))
    programs = [p for p in ext.plans if p.kind == "program"]
    assert [p.subject for p in programs][-2:] == ["Program Penanganan Bencana", "Total DPA-P Tahun 2024"]
    assert programs[-1].is_total and programs[-1].level == "total"
    from pipeline.check import check

    flags = [f for f in check(ext).flags if f.kind == "total_mismatch"]
    # 4.182.237.871 + 99.836.580 + 197.002.120 + 49.990.000 = 4.529.066.571, printed 4.529.066.811
    assert [(f.line, f.reported, f.expected) for f in flags] == [(13, 4529066811, 4529066571)]


def test_converted_text_keeps_heading_rows_but_merges_plain_continuations() -> None:
    rows = [
        _cells("1", "Penyediaan Gaji", "Jumlah orang", "312 Orang", line=1),
        _cells("", "Administrasi Kepegawaian Perangkat Daerah", "", "", line=2),  # a kegiatan heading
        _cells("2", "Pengadaan Pakaian Dinas", "1.Persentase anak", "1. 72%", line=3),
        _cells("", "", "terlantar yang", "", line=4),  # lower case: carries on the cell above
        _cells("", "", "2.Persentase lansia", "", line=5),  # the next item of the list above
        _cells("", "", "Nilai SAKIP", "72/B", line=6),  # a second indicator with its own (graded) value
    ]
    merged = merge_wrapped(rows, whole_cells=True)
    assert [r.line for r in merged] == [1, 2, 3, 6]
    assert merged[2].cells[2].text == "1.Persentase anak terlantar yang 2.Persentase lansia"
    # a PDF's wrapped lines are merged as before
    assert [r.line for r in merge_wrapped(rows[:2])] == [1]


def test_unnumbered_row_heading_numbered_rows_of_its_amount_is_a_kegiatan() -> None:
    def shape(first: str, name: str, amount: float) -> RowShape:
        return RowShape(first=first, name=name, has_values=True, amount=amount)

    rows = [shape("", "PROGRAM REHABILITASI SOSIAL", 30), shape("", "Rehabilitasi Sosial Dasar", 9),
            shape("1", "Pemberian Layanan Rujukan", 9), shape("", "Rehabilitasi Sosial PMKS Lainnya", 21),
            shape("2", "Pemberian Layanan Data", 21)]
    assert assign_levels(rows) == ["program", "kegiatan", "sub_kegiatan", "kegiatan", "sub_kegiatan"]


def test_assembled_pk_lampiran_has_two_tables() -> None:
    tables = assemble(parse_text(PK_LAMPIRAN))
    assert len(tables) == 2
    assert tables[1].header[:3] == ["", "Program", "Anggaran"]
    assert [r.line for r in tables[1].rows] == [8, 9, 10, 12, 13]  # joined across the logo line


def test_a_row_cut_by_a_page_break_is_still_joined_in_whole_cell_tables() -> None:
    rows = [
        _cells("1", "Penyediaan Gaji dan Tunjangan", "Jumlah Orang", "312 Orang", line=1),
        _cells("", "Aparatur Sipil Negara", "", "", line=2),  # the same row, carried over to the next page
    ]
    assert [r.line for r in merge_wrapped(rows, whole_cells=True)] == [1, 2]
    [row] = merge_wrapped(rows, whole_cells=True, page_breaks={1})
    assert row.cells[1].text == "Penyediaan Gaji dan Tunjangan Aparatur Sipil Negara"


def test_a_numbered_coded_label_over_its_figures_line_is_one_row() -> None:
    """"2.1 | 1.02.02.2.01 | Penyediaan Fasilitas ..." with no figures, then "dan UKP Kewenangan ..." with them, then
    the next item (d08's Tabel 3.7): one row, its code and name whole, on the figures' line."""
    rows = [
        _cells("2.1", "1.02.02.2.01", "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM", "", line=261),
        _cells("", "", "dan UKP Kewenangan Daerah Kabupaten/Kota", "24,600,000,000.00", line=262),
        _cells("2.1.1", "1.02.02.2.01.14", "Pengadaan Alat Kesehatan", "14,750,000,000.00", line=263),
    ]
    merged = merge_wrapped(rows, whole_cells=True)
    assert [r.line for r in merged] == [262, 263]
    assert [c.text for c in merged[0].cells[:3]] == [
        "2.1", "1.02.02.2.01", "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah "
        "Kabupaten/Kota"]
