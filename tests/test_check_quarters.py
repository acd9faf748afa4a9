"""The year's realised budget against its four quarters (form E.81, Permendagri 86/2017)."""

from __future__ import annotations

from extractors.model import Cell, Document, Row, Table
from extractors.vocab import Role
from pipeline.check.quarters import check_quarters
from schemas.records import DocumentInfo, Extraction

QUARTERS = [["Realisasi Kinerja pada Triwulan", q, "Rp"] for q in ("I", "II", "III", "IV")]
PARTS = [["Kode"], ["Program/Kegiatan/Sub Kegiatan"], ["Realisasi Kinerja pada Triwulan", "I", "K"], *QUARTERS,
         ["Realisasi Capaian Kinerja dan Anggaran Renja", "Rp"]]
ROLES = [Role.KODE, Role.URAIAN, Role.PART, Role.PART, Role.PART, Role.PART, Role.PART, Role.REALISASI_ANGGARAN]


def _extraction(table_id: str, caption: str, parts: list[list[str]], roles: list[Role], rows: list[list[str]],
                first_line: int, confidence: float) -> Extraction:
    """One table of the given header (its labels' levels) and roles, its rows from ``first_line`` on."""
    table = Table(table_id, caption, [" ".join(p) for p in parts],
                  [Row([Cell(t) for t in r], None, first_line + i) for i, r in enumerate(rows)], roles=list(roles),
                  header_parts=[list(p) for p in parts], confidence=confidence)
    return Extraction(info=DocumentInfo("d", "f.txt", "0" * 64, 9), document=Document("f.txt", "0" * 64, 9),
                      tables=[table])


def _ext(rows: list[list[str]]) -> Extraction:
    return _extraction("t09", "Lampiran E.81", PARTS, ROLES, rows, 300, 0.98)


ROWS = [["1.03.10.2.01.13", "Rekonstruksi Jalan", "-", "1.427.600.000", "4.818.300.000", "5.353.700.000",
         "6.246.000.000", "17.845.600.000"],
        ["1.03.10.2.01.14", "Peningkatan Kapasitas Struktur Jalan", "-", "1.759.000.000", "5.936.600.000",
         "6.746.200.000", "7.695.650.000", "21.987.450.000"],
        ["1.03.10.2.01.22", "Pemeliharaan Berkala Jalan", "-", "761.000.000", "2.568.300.000", "2.853.700.000",
         "3.329.300.000", "9.512.300.000"]]


def test_a_row_whose_quarters_do_not_make_its_year_is_a_finding() -> None:
    """d03's E.81: triwulan III of one sub-kegiatan printed 150.000.000 too high; the other rows add up."""
    [flag] = check_quarters(_ext(ROWS))
    assert (flag.kind, flag.line) == ("total_mismatch", 301)
    assert (flag.reported, flag.expected) == (22137450000.0, 21987450000.0)
    assert flag.subject == "Peningkatan Kapasitas Struktur Jalan (realisasi Rp per triwulan)"


def test_no_finding_where_most_rows_do_not_add_up_or_a_figure_is_not_of_the_years_size() -> None:
    """Columns that most rows do not foot were not read as printed; a percentage read as the year's amount is no
    slip (LibreOffice's print of h07: "89,29" against quarters of 84.615.000)."""
    wrong = [[*r[:3], r[4], r[3], r[6], r[5], "1.000.000"] for r in ROWS]
    assert check_quarters(_ext(wrong)) == []
    small = [*ROWS[:1], [*ROWS[1][:7], "89,29"], *ROWS[2:]]
    assert check_quarters(_ext(small)) == []


# a measurement table per quarter (holdout3 i04's Tabel 3.2): Realisasi over TW I..IV and "s.d. TW IV"
M_PARTS = [["Indikator Kinerja"], ["Satuan"], ["Target 2023"], *(["Realisasi", q] for q in ("TW I", "TW II", "TW III",
                                                                                             "TW IV", "s.d. TW IV"))]
M_ROLES = [Role.INDIKATOR, Role.SATUAN, Role.TARGET, Role.PART, Role.PART, Role.PART, Role.PART, Role.REALISASI]
M_ROWS = [["Jumlah kunjungan wisatawan", "orang", "4.350.000", "985.400", "1.120.650", "1.048.900", "1.357.350",
           "4.512.300"],
          ["Jumlah kunjungan wisatawan mancanegara", "orang", "95.000", "17.840", "21.365", "24.190", "24.525",
           "88.640"],
          ["Rata-rata lama tinggal wisatawan", "hari", "1,85", "1,78", "1,90", "1,86", "2,04", "1,92"],
          ["Persentase cagar budaya yang dilestarikan", "%", "42,00", "10,50", "21,25", "32,50", "43,75", "43,75"],
          ["Jumlah warisan budaya tak benda yang ditetapkan", "karya", "3", "-", "1", "1", "2", "4"]]


def _measures(rows: list[list[str]]) -> Extraction:
    return _extraction("t05", "Tabel 3.2 Pengukuran Kinerja per Triwulan", M_PARTS, M_ROLES, rows, 117, 0.95)


def test_a_count_whose_quarters_do_not_make_its_years_realisasi_is_a_finding() -> None:
    """Whole counts add up over the quarters in the other rows; averages and percentages (decimals) are levels,
    not sums, and are not checked."""
    [flag] = check_quarters(_measures(M_ROWS))
    assert (flag.kind, flag.line, flag.reported, flag.expected) == ("total_mismatch", 118, 88640.0, 87920.0)
    assert flag.subject == "Jumlah kunjungan wisatawan mancanegara (realisasi s.d. triwulan IV)"


def test_no_count_finding_where_the_years_figure_is_no_sum_of_the_quarters() -> None:
    """A table whose counts are cumulative (the last quarter is the year) adds up in no row: nothing is checked."""
    cumulative = [[*r[:7], r[6]] for r in M_ROWS[:2]] + [["Jumlah desa wisata", "desa", "40", "10", "20", "30", "41",
                                                           "40"]]
    assert check_quarters(_measures(cumulative)) == []
    # a running total among rows that add up: its year's figure is its last quarter's
    running = [*M_ROWS, ["Jumlah desa wisata yang dibina", "desa", "40", "2", "2", "3", "41", "41"]]
    assert [f.line for f in check_quarters(_measures(running))] == [118]
