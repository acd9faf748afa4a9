"""Space-aligned text (pdftotext -layout): tables found from the alignment of words across lines.

Unit tests on small made-up texts, then the issue's bar on the sample PDFs converted by Debian's
``pdftotext -layout`` (skipped where poppler-utils is not installed: ``make layout-deps``): measurement and
budget recall at least 0.85 of the same report's tab-separated text, precision at least 0.90.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest
from cli_runner import extract_cli

from extractors.assemble import assemble, split_inner_tables
from extractors.grid_cells import figure_groups, words_home
from extractors.pdf_words import Word
from extractors.text_layout import _parsed, layout_tables, split_lines, split_pages
from extractors.text_reader import parse_text
from pipeline.run import extract_from

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
GOLD = ROOT.parent / "shared" / "gold"

CAPAIAN = """\
Tabel 3.1 Capaian Kinerja Sasaran

No    Indikator                     Target        Realisasi     Capaian
1.    Persentase penduduk miskin    10,50%        9,80%         107,14%
      yang tertangani
2.    Jumlah lembaga sosial         45 Lembaga    41 Lembaga    91,11%
      aktif di kota contoh
3.    Indeks kepuasan masyarakat    80            83,5          104,38%

Semua indikator tercapai kecuali indikator kedua.
"""

SPANNING = """\
Tabel 3.16 Realisasi Anggaran

No   Program                      Anggaran                       Capaian
                                  Pagu            Realisasi      (%)
1    Program Pemberdayaan         2.456.653.000   2.344.566.905  95,44
     Sosial
2    Program Rehabilitasi         1.250.000.000   1.187.500.000  95,00
     Sosial
     JUMLAH                       3.706.653.000   3.532.066.905  95,29
"""


def rows(text: str) -> list[list[str]]:
    (grid,) = parse_text(text).grids
    return [[c.text for c in r] for r in grid.rows]


def test_columns_from_aligned_words_and_wrapped_cells_kept() -> None:
    doc = parse_text(CAPAIAN)
    (grid,) = doc.grids
    assert grid.reader == "layout" and grid.line == 3
    assert [[c.text for c in r] for r in grid.rows] == [
        ["No", "Indikator", "Target", "Realisasi", "Capaian"],
        ["1.", "Persentase penduduk miskin yang tertangani", "10,50%", "9,80%", "107,14%"],
        ["2.", "Jumlah lembaga sosial aktif di kota contoh", "45 Lembaga", "41 Lembaga", "91,11%"],
        ["3.", "Indeks kepuasan masyarakat", "80", "83,5", "104,38%"],
    ]
    assert grid.rows[2][1].line == 6  # a cell's line is where its text starts
    assert [t.text for t in doc.lines] == ["Tabel 3.1 Capaian Kinerja Sasaran",
                                          "Semua indikator tercapai kecuali indikator kedua."]


def test_a_spanning_header_label_keeps_the_first_of_its_columns() -> None:
    got = rows(SPANNING)
    assert got[0] == ["No", "Program", "Anggaran", "", "Capaian"]
    assert got[1] == ["", "", "Pagu", "Realisasi", "(%)"]
    assert got[2] == ["1", "Program Pemberdayaan Sosial", "2.456.653.000", "2.344.566.905", "95,44"]
    assert got[4] == ["", "JUMLAH", "3.706.653.000", "3.532.066.905", "95,29"]
    (table,) = assemble(parse_text(SPANNING))
    assert table.column_paths[2:4] == [("Anggaran", "Pagu"), ("Anggaran", "Realisasi")]


def test_prose_with_double_spaces_is_no_table() -> None:
    prose = ("Kesejahteraan  Sosial adalah kondisi terpenuhinya kebutuhan material, spiritual dan sosial\n"
             "warga Negara agar dapat hidup layak  dan mampu mengembangkan diri, sehingga dapat\n"
             "melaksanakan fungsi sosialnya. Negara  bertanggung jawab atas penyelenggaraan\n"
             "Kesejahteraan Sosial (UU No 11 Tahun 2009)  tentang Kesejahteraan Sosial.\n")
    doc = parse_text(prose)
    assert doc.grids == [] and len(doc.lines) == 4


def test_form_feeds_are_pages_and_tab_lines_stay_tab_rows() -> None:
    text = "Intro\nA\tB\n1\t2\n\f" + CAPAIAN
    lines = split_lines(text)
    assert len(lines) == text.count("\n")  # the form feed ends no line
    assert [p for p, _ in split_pages(lines)] == [1, 2]
    doc = parse_text(text)
    assert doc.pages == 2
    tab, layout = doc.grids
    assert tab.reader == "text" and [[c.text for c in r] for r in tab.rows] == [["A", "B"], ["1", "2"]]
    assert layout.reader == "layout" and layout.page == 2 and layout.rows[1][0].page == 2


def test_tab_separated_texts_are_read_as_before() -> None:
    grids, taken = layout_tables(list(enumerate(["A\tB", "1\t2", "3\t4"], start=1)))
    assert grids == [] and taken == set()


YEAR_LABELS = """\
No   Indikator                   Realisasi 2024   Target 2024   Capaian 2024
1    Indeks kualitas air         53,10            52,50         101,14
2    Indeks kualitas udara       88,20            86,50         101,97
3    Indeks tutupan lahan        47,35            48,00         98,65
4    Persentase sampah terkelola 69,06            65,00         106,25
5    Persentase sampah dikurangi 26,40            25,00         105,60
6    Indeks kualitas lahan       61,20            60,00         102,00
7    Indeks kualitas laut        70,10            70,00         100,14
"""


def test_a_label_wider_than_its_figures_keeps_its_last_word() -> None:
    # "2024" stands in the gutter after "Realisasi" (one space) and nearer the next column, where "Target 2024"
    # already starts: a cell holds no gutter-wide gap, so it ends the label on its left
    got = rows(YEAR_LABELS)
    assert got[0] == ["No", "Indikator", "Realisasi 2024", "Target 2024", "Capaian 2024"]
    assert got[1] == ["1", "Indeks kualitas air", "53,10", "52,50", "101,14"]


HEADING_UNDER_HEADER = """\
No   Indikator Kinerja                                  Satuan   Realisasi          Tahun 2024

                                                                 2021     2022      Target     Realisasi   Capaian (%)

     Sasaran 1: Meningkatnya akses layanan pendidikan

1    Angka partisipasi kasar                            %        68,40    70,15     72,50      74,18       102,32
2    Angka partisipasi murni                            %        97,02    97,21     97,50      98,06       100,57
3    Rata-rata lama sekolah                             Tahun    11,61    11,70     11,85      11,92       100,59
4    Harapan lama sekolah                               Tahun    14,94    15,02     15,10      15,12       100,13
5    Sekolah terakreditasi B                            %        84,20    86,50     90,00      91,45       101,61
6    Guru berkualifikasi S1                             %        94,10    95,36     97,00      97,53       100,55
7    Angka melek huruf                                  %        96,10    96,40     97,00      97,10       100,10
"""


def test_a_heading_between_the_header_and_the_first_figures_is_a_body_row() -> None:
    # below a two-level header, a line of several words in a cell the lowest level leaves empty is no label
    got = rows(HEADING_UNDER_HEADER)
    assert got[1] == ["", "", "", "2021", "2022", "Target", "Realisasi", "Capaian (%)"]
    assert got[2] == ["", "Sasaran 1: Meningkatnya akses layanan pendidikan", "", "", "", "", "", ""]
    (table,) = assemble(parse_text(HEADING_UNDER_HEADER))
    assert table.column_paths[5:8] == [("Tahun 2024", "Target"), ("Tahun 2024", "Realisasi"),
                                        ("Tahun 2024", "Capaian (%)")]


FOOTER = "Laporan Kinerja Dinas Contoh Kabupaten Contoh Tahun 2024"
PAGE_BREAK_INSIDE = f"""\
{FOOTER}
Tabel 3.6 Realisasi Anggaran

NO   KODE            PROGRAM/KEGIATAN                        PAGU (Rp)       REALISASI (Rp)   %
1    2.19.01         PROGRAM PENUNJANG URUSAN PEMERINTAHAN   9.355.906.420   8.999.723.711    96,19
     2.19.01.2.01    Perencanaan dan Evaluasi Kinerja        81.250.000      77.195.500       95,01
     2.19.01.2.02    Administrasi Keuangan                   6.842.316.420   6.611.284.937    96,62

{FOOTER}
7
NO        KODE               PROGRAM/KEGIATAN                    PAGU (Rp)          REALISASI (Rp)      %
          2.19.01.2.06       Administrasi Umum                   291.800.000        269.660.300         92,41
          2.19.01.2.08       Penyediaan Jasa Penunjang           1.539.240.000      1.467.025.774       95,31
2         2.19.02            PROGRAM KEPEMUDAAN                  1.082.250.000      1.005.512.400       92,91

Sisa anggaran berasal dari efisiensi pengadaan.
{FOOTER}
"""


def test_a_running_footer_inside_a_table_ends_its_block() -> None:
    # text without form feeds (pasted from a viewer): the original's page break stands inline, and below it
    # the columns stand at other places; each part is read with its own columns
    doc = parse_text(PAGE_BREAK_INSIDE)
    above, below = doc.grids
    assert [[c.text for c in r] for r in above.rows][-1] == [
        "", "2.19.01.2.02", "Administrasi Keuangan", "6.842.316.420", "6.611.284.937", "96,62"]
    assert [[c.text for c in r] for r in below.rows][1] == [
        "", "2.19.01.2.06", "Administrasi Umum", "291.800.000", "269.660.300", "92,41"]
    assert below.rows[1][1].line == 12
    assert [t.text for t in doc.lines].count(FOOTER) == 3


def test_a_header_and_one_row_before_a_running_footer_are_a_table() -> None:
    # two lines are too few for a table in running text, but cut off by the original's page break they are
    # the table's head: the assembler joins it with the rest under the repeated header
    lines = PAGE_BREAK_INSIDE.splitlines()
    text = "\n".join(lines[:5] + lines[7:]) + "\n"  # the first page holds the header and one row only
    head, rest = parse_text(text).grids
    assert [[c.text for c in r] for r in head.rows] == [
        ["NO", "KODE", "PROGRAM/KEGIATAN", "PAGU (Rp)", "REALISASI (Rp)", "%"],
        ["1", "2.19.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN", "9.355.906.420", "8.999.723.711", "96,19"]]
    (table,) = assemble(parse_text(text))
    assert [r.text(1) for r in table.rows] == ["2.19.01", "2.19.01.2.06", "2.19.01.2.08", "2.19.02"]
    assert len(parse_text("\n".join(lines[:5]) + "\n").grids) == 0  # no page break: two lines are no table


# --- the sample PDFs through pdftotext -layout, scored against the gold ----------------------------------

STEMS = sorted(p.stem for p in GOLD.glob("*.json") if (RAW / f"{p.stem}.pdf").exists())


@pytest.fixture(scope="module")
def layout_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian's poppler-utils) is not installed: make layout-deps")
    if not STEMS:
        pytest.skip("no sample PDFs with gold")
    texts = tmp_path_factory.mktemp("layout_txt")
    for stem in STEMS:
        subprocess.run(["pdftotext", "-layout", str(RAW / f"{stem}.pdf"), str(texts / f"{stem}.txt")], check=True,
                       timeout=120)
    layout_out, tab_out = tmp_path_factory.mktemp("layout_out"), tmp_path_factory.mktemp("tab_out")
    extract_cli([texts / f"{s}.txt" for s in STEMS], layout_out)
    extract_cli([RAW / f"{s}.txt" for s in STEMS], tab_out)
    return layout_out, tab_out


@pytest.mark.parametrize("stem", STEMS)
def test_pdftotext_layout_of_the_samples_reaches_the_bar(stem: str, scorer: ModuleType,
                                                           layout_runs: tuple[Path, Path]) -> None:
    layout_out, tab_out = layout_runs
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    got, _ = scorer.score(gold, layout_out, stem)
    tab, _ = scorer.score(gold, tab_out, stem)
    for kind in ("measurements", "budget"):
        if not tab[kind]["recall"]:
            continue
        assert got[kind]["recall"] >= 0.85 * tab[kind]["recall"], (kind, got[kind], tab[kind])
        assert got[kind]["precision"] is not None and got[kind]["precision"] >= 0.90, (kind, got[kind])


ORPHAN_HEADER = """Capaian kinerja tahun 2024 disajikan pada tabel berikut.
Tabel 3.4 Pemasangan Perlengkapan Jalan Tahun 2024
No   Indikator            Volume      Terpasang    Persentase
\f1  Rambu lalu lintas          450 Unit    432 Unit     96,00 %
2  Pagar pengaman jalan       1.250 M     1.180 M      94,40 %
3  Warning light              24 Unit     22 Unit      91,67 %
4  Delineator                 600 Buah    540 Buah     90,00 %
"""


def test_a_header_left_at_a_pages_foot_heads_the_table_on_the_next_page() -> None:
    """pdftotext -layout sets each page's columns anew, so the header line at the foot of a page (under its
    caption) and the rows on the next page share no positions: the header's runs of words go onto the
    table's columns in order when their counts agree."""
    doc = parse_text(ORPHAN_HEADER)
    (grid,) = doc.grids
    assert [c.text for c in grid.rows[0]] == ["No", "Indikator", "Volume", "Terpasang", "Persentase"]
    assert not any(t.text.startswith("No ") for t in doc.lines)
    ext = extract_from(doc)
    assert [(m.indikator, m.target.value, m.realisasi.value) for m in ext.measurements][:2] == [
        ("Rambu lalu lintas", 450.0, 432.0), ("Pagar pengaman jalan", 1250.0, 1180.0)]


def test_a_line_at_a_pages_foot_under_no_caption_is_left_alone() -> None:
    text = ORPHAN_HEADER.replace("Tabel 3.4 Pemasangan Perlengkapan Jalan Tahun 2024\n", "")
    doc = parse_text(text)
    assert doc.grids[0].rows[0][1].text == "Rambu lalu lintas"


SPACED_HEADER = """Tabel 3.3 Perbandingan Realisasi Kinerja Tahun 2022-2024
No   Indikator Kinerja          Satuan   Realisasi Kinerja Tahun 2022 s.d. 2024

                                         2022        2023        2024

                                         Realisasi   Realisasi   Target   Realisasi   Capaian (%)

1    Persentase Koperasi Aktif  %        68,03       70,92       72,50    74,18       102,32

2    Persentase Koperasi Sehat  %        29,80       31,64       35,00    33,26       95,03

3    Nilai SAKIP                Nilai    65,08       68,74       72,00    73,40       101,94
"""


def test_a_header_spaced_out_by_blank_lines_stays_with_its_rows() -> None:
    """pdftotext -layout leaves blank lines between a tall header's levels: they are no table's end, and the
    lowest level ("Realisasi | Target | ...", laid out unlike the levels above it) is no second table."""
    tables = assemble(parse_text(SPACED_HEADER))
    assert len(tables) == 1
    ext = extract_from(parse_text(SPACED_HEADER))
    assert [(m.target.value, m.realisasi.value) for m in ext.measurements] == [
        (72.5, 74.18), (35.0, 33.26), (72.0, 73.4)]


def test_only_tab_grids_are_cut_at_an_inner_header() -> None:
    """The same rows as a tab grid are cut where a header-worded row laid out unlike the rows above follows a
    blank line (two tables in one run of tab lines); as a space-aligned grid they are one table."""
    tab = "\n".join(["No\tIndikator\tSatuan\tRealisasi 2023", "1\tKoperasi Aktif\t%\t70,92", "",
                     "\t\tTarget\tRealisasi\tCapaian (%)", "2\tKoperasi Sehat\t%\t31,64\t95,03",
                     "3\tNilai SAKIP\tNilai\t68,74\t101,94"])
    (grid,) = parse_text(tab).grids
    assert len(split_inner_tables(grid)) == 2
    assert split_inner_tables(replace(grid, reader="layout")) == [replace(grid, reader="layout")]


WIDOW_ROWS = """Tabel 3.4 Perbandingan Realisasi dengan Target Akhir Renstra
No   Indikator Kinerja                       Target Akhir   Realisasi   Capaian (%)
1.   Persentase organisasi pemuda aktif      80,00 %        78,26 %     97,83
2.   Persentase pemuda berprestasi           4,00 %         3,90 %      97,50
3.   Jumlah prestasi olahraga                150 Medali     134 Medali  89,33
\f4.     Persentase sarana olahraga baik        75,00 %      68,42 %     91,23
5.     Indeks Kepuasan Masyarakat             85,00        84,15       99,00

Dibandingkan target akhir Renstra, capaian tertinggi pada indikator pemuda berprestasi.
"""


def test_rows_a_page_break_leaves_at_the_next_pages_head_go_on_with_the_table() -> None:
    """Two rows alone at a page's head are too few lines to show columns (min_lines), but the page before
    ended in a table: they are its rows, joined to it by the assembler."""
    ext = extract_from(parse_text(WIDOW_ROWS))
    assert [m.indikator for m in ext.measurements][-2:] == [
        "Persentase sarana olahraga baik", "Indeks Kepuasan Masyarakat"]
    assert (ext.measurements[-1].target.value, ext.measurements[-1].realisasi.value) == (85.0, 84.15)


def test_lines_at_a_pages_head_after_prose_are_no_rows() -> None:
    text = WIDOW_ROWS.replace("3.   Jumlah prestasi olahraga                150 Medali     134 Medali  89,33\n",
                              "3.   Jumlah prestasi olahraga                150 Medali     134 Medali  89,33\n"
                              "Capaian indikator dihitung dari realisasi dibagi target akhir Renstra dikali seratus.\n")
    assert len(parse_text(text).grids) == 1


SHIFTED_HEADER = """Tabel 3.5 Capaian Program Tahun 2023
No    Program                     Target                    Realisasi                 Capaian
                                  K          Satuan         K             Satuan      (%)
\f1.    Penyusunan Dokumen     4         Dokumen    4            Dokumen   100,00
1.2   Penyediaan Gaji        236       Orang      236          Orang     100,00
1.3   Pengadaan Peralatan    48        Unit       45           Unit      93,75
"""


def test_a_two_level_header_at_a_pages_foot_set_on_another_character_grid_heads_the_table() -> None:
    """pdftotext -layout stretches a page's character grid to its own text: a header at one page's foot stands
    wider than the rows of the next page's table. Stretched onto the table's span, its labels (a spanning
    "Target" over "K | Satuan") fall into the table's columns."""
    doc = parse_text(SHIFTED_HEADER)
    (grid,) = doc.grids
    assert [c.text for c in grid.rows[1]] == ["", "", "K", "Satuan", "K", "Satuan", "(%)"]
    ext = extract_from(doc)
    assert [(m.target.value, m.realisasi.value) for m in ext.measurements] == [(4.0, 4.0), (236.0, 236.0),
                                                                              (48.0, 45.0)]


STACKED_ITEMS = """Tabel 3.2 Capaian Indikator Kinerja Utama Tahun 2023
No   Indikator Kinerja                             Satuan   Target      Realisasi      Capaian        Kategori
1    Persentase Penduduk yang Memiliki Jaminan     %        95,00       97,12          102,23         Sangat Baik
     Kesehatan (UHC)
2    1. Angka Keberhasilan Pengobatan TB (Success  %        1. 90% 2.   1. 91,25% 2.   1. 101,39%     1. Sangat
     Rate) 2. Persentase ODHIV Baru yang Mendapat           85%         72,40%         2. 85,18%      Baik 2. Baik
     Pengobatan ARV
3    Jumlah Puskesmas Terakreditasi                Puskesmas 35         35             100            Sangat Baik
"""


def test_two_indicators_stacked_in_one_cell_stay_one_row_over_its_lines() -> None:
    """A cell holding two numbered items wraps its values over two lines ("1. 90% 2." over "85%", "1. 101,39%"
    over "2. 85,18%", "1. Sangat" over "Baik 2. Baik"): the second line carries the row on, and the row's
    stacked cells then split into the two indicators."""
    ext = extract_from(parse_text(STACKED_ITEMS))
    got = {m.indikator: (m.target.value, m.realisasi.value) for m in ext.measurements}
    assert got.get("Angka Keberhasilan Pengobatan TB (Success Rate)") == (90.0, 91.25)
    assert got.get("Persentase ODHIV Baru yang Mendapat Pengobatan ARV") == (85.0, 72.4)



def _laid_out(*cells: tuple[str, ...], at: tuple[int, ...] = (0, 14, 80, 97, 114)) -> str:
    """Lines of cells set at fixed character columns, as pdftotext -layout sets a table's rows."""
    lines = []
    for row in cells:
        line = ""
        for text, col in zip(row, at, strict=True):
            line = line.ljust(col) + text
        lines.append(line.rstrip())
    return "\n".join(lines) + "\n"


# three names have a word starting at character 48 of the name ("Perangkat", "SKPD", "Listrik")
CHANCE = _laid_out(
    ("Kode", "Program/Kegiatan/Sub Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "(%)"),
    ("1.04.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "6.050.860.000", "5.829.432.162", "96,34"),
    ("1.04.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "43.250.000",
     "41.855.500", "96,78"),
    ("1.04.01.2.02", "Administrasi Keuangan Perangkat Daerah", "5.218.460.000", "5.034.117.250", "96,47"),
    ("1.04.01.2.06", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "148.000.000", "139.560.000", "94,30"),
    ("1.04.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "544.750.000", "519.683.812", "95,40"),
    ("1.04.01.2.09", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", "132.000.000", "118.447.312", "89,73"),
)


def test_words_falling_on_one_character_column_by_chance_do_not_cut_a_text_column() -> None:
    """Long names set one space apart: "Perangkat", "SKPD" and "Listrik" all start at one character column, each
    a single space after another word. On a character grid that is chance, not a gutter: a column of its own
    would show itself after a wider gap somewhere (h07's layout text)."""
    got = rows(CHANCE)
    assert all(len(r) == 5 for r in got)
    assert got[2][1] == "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"
    assert got[4][1] == "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD"


# A table printed with its cells centred vertically (LibreOffice's "centre" alignment), then converted by
# pdftotext -layout: a row's one-line cells stand on its middle line, a two-line name spreads over and under it,
# and a figure or code too wide for its cell is cut over the lines above and below; no line parts the rows.
CENTRED = """\
Tabel 3.9 Realisasi Anggaran

                                                                                         Sisa Anggaran
Kode               Uraian                                  Pagu           Realisasi                     %
                                                                                         (Rp)
                   PROGRAM PELAYANAN KESEHATAN             12.345.678.90  11.111.111.10                 90,00
1.02.02                                                                                  1.234.567.800
                   MASYARAKAT                              0              0                             %
                   Penyediaan Fasilitas Pelayanan                                                       95,00
1.02.02.2.01                                               200.000.000    190.000.000    10.000.000
                   Kesehatan                                                                            %
1.02.02.2.01.001                                                                                        96,00
                   Pengadaan Obat dan Bahan Habis Pakai    150.000.000    144.000.000    6.000.000
2                                                                                                       %
1.02.02.2.02       Pembinaan Puskesmas Keliling            50.000.000     46.000.000     4.000.000      92,00
"""


def test_rows_of_cells_centred_vertically_are_read_around_their_middle_lines() -> None:
    got = rows(CENTRED)
    body = [r for r in got if r[0].startswith("1.")]
    assert [r[0] for r in body] == [
        "1.02.02", "1.02.02.2.01", "1.02.02.2.01.0012", "1.02.02.2.02"]
    assert body[0][1] == "PROGRAM PELAYANAN KESEHATAN MASYARAKAT"
    assert body[0][2:4] == ["12.345.678.900", "11.111.111.100"]
    assert body[1][1] == "Penyediaan Fasilitas Pelayanan Kesehatan"
    assert body[1][2:] == ["200.000.000", "190.000.000", "10.000.000", "95,00 %"]
    assert body[2][1] == "Pengadaan Obat dan Bahan Habis Pakai"
    assert body[3][1:] == ["Pembinaan Puskesmas Keliling", "50.000.000", "46.000.000", "4.000.000", "92,00"]


def test_a_centred_header_label_over_its_row_is_the_headers() -> None:
    header = rows(CENTRED)[0]
    assert header[4] == "Sisa Anggaran (Rp)"


CENTRED_FIRST = """\
Tabel 3.10 Realisasi Anggaran

Kode               Uraian                                  Pagu           Realisasi      Sisa           %
                   PROGRAM PENUNJANG URUSAN
1.02.01                                                    5.000.000      4.500.000      500.000        90,00
                   PEMERINTAHAN DAERAH KABUPATEN
                   Administrasi Keuangan Perangkat
1.02.01.2.02                                               3.000.000      2.900.000      100.000        96,67
                   Daerah
1.02.01.2.02.0001  Penyediaan Gaji dan Tunjangan ASN       3.000.000      2.900.000      100.000        96,67
"""


def test_the_first_rows_upper_line_under_a_centred_header_is_the_rows() -> None:
    got = rows(CENTRED_FIRST)
    assert got[0][:2] == ["Kode", "Uraian"]
    assert got[1][:3] == ["1.02.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN", "5.000.000"]
    assert got[2][:2] == ["1.02.01.2.02", "Administrasi Keuangan Perangkat Daerah"]
    assert len(got) == 4


CUT_CODES = _laid_out(
    ("Kode", "Uraian", "Pagu (Rp)", "Realisasi (Rp)", "%"),
    ("1.02.01.2.01", "Perencanaan dan Evaluasi Kinerja", "282.150.000", "268.096.500", "95,02"),
    ("1.02.01.2.01.0", "Penyusunan Dokumen Perencanaan", "185.400.000", "176.226.500", "95,05"),
    ("1", "", "", "", ""),
    ("1.02.01.2.01.0", "Evaluasi Kinerja Perangkat Daerah", "96.750.000", "91.870.000", "94,96"),
    ("7", "", "", "", ""),
    at=(0, 16, 60, 80, 100),
)


def test_a_budget_code_cut_at_its_cells_edge_goes_on_in_its_row() -> None:
    """A sub kegiatan's code too wide for its cell wraps its last digits onto the next line ("1.02.01.2.01.0"
    over "1"): a line holding that alone is the rest of the code, not a row of its own numbered "1"."""
    got = rows(CUT_CODES)
    assert [r[0] for r in got] == ["Kode", "1.02.01.2.01", "1.02.01.2.01.01", "1.02.01.2.01.07"]  # mended


# two money columns filled to their edges: pdftotext sets them a single space apart, a character or two off from
# row to row, so no gutter parts them (LibreOffice's prints as layout text)
TOUCHING = """\
Tabel 3.7 Realisasi Anggaran

Kode          Uraian                                   Pagu (Rp)            Realisasi (Rp)       %
1.02.01       PROGRAM PENUNJANG URUSAN PEMERINTAHAN    171,150,000,000.00 163,178,470,056.00     95.34%
1.02.01.2.01  Perencanaan dan Evaluasi Kinerja           175,000,000.00 169,365,400.00           96.78%
1.02.01.2.02  Administrasi Keuangan Perangkat Daerah   52,380,000,000.00 51,347,892,640.00       98.03%
1.02.01.2.10  Peningkatan Pelayanan BLUD                 118,595,000,000.00 111,661,212,016.00   94.15%
"""


def test_figures_a_space_apart_with_no_gutter_between_are_two_columns() -> None:
    got = rows(TOUCHING)
    assert got[0] == ["Kode", "Uraian", "Pagu (Rp)", "Realisasi (Rp)", "%"]
    assert got[1][2:] == ["171,150,000,000.00", "163,178,470,056.00", "95.34%"]
    assert got[2][2:] == ["175,000,000.00", "169,365,400.00", "96.78%"]
    assert got[4][2:] == ["118,595,000,000.00", "111,661,212,016.00", "94.15%"]


# a row whose figures are cut over two lines of their cells, centred on its code's line, opens the body: the lines
# of cut figures and their rests show no layout of their own, so the table is not cut under them
CUT_FIRST_ROW = (
    "Tabel 3.7 Realisasi Anggaran\n"
    "Kode           Uraian                                            Pagu (Rp)        "
    "Realisasi (Rp)     Sisa (Rp)      %\n"
    "               PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH      165.471.330.00 15"
    "9.147.480.57 6.323.849.42\n"
    "1.02.01                                                                           "
    "                          96,18\n"
    "               KABUPATEN/KOTA                                    0              3              7\n"
    "1.02.01.2.01   Perencanaan dan Evaluasi Kinerja Perangkat Daerah 282.150.000      "
    "268.096.500        14.053.500     95,02\n"
    "1.02.01.2.02   Penyusunan Dokumen Perencanaan                    185.400.000      "
    "176.226.500        9.173.500      95,05\n"
    "1.02.01.2.03   Evaluasi Kinerja Perangkat Daerah                 96.750.000       "
    "91.870.000         4.880.000      94,96\n"
    "1.02.01.2.06   Administrasi Umum Perangkat Daerah                668.500.000      "
    "625.235.500        43.264.500     93,53\n"
)


def test_a_first_row_of_cut_figures_does_not_cut_the_table_from_its_header() -> None:
    (grid,) = parse_text(CUT_FIRST_ROW).grids
    texts = [[c.text for c in r] for r in grid.rows]
    assert texts[0][:3] == ["Kode", "Uraian", "Pagu (Rp)"]
    assert any(r[0] == "1.02.01.2.06" and r[-1] == "93,53" for r in texts)


def test_the_rests_of_figures_cut_in_a_centred_row_go_with_their_figures() -> None:
    """LibreOffice's narrow cells as layout text: a row's figures cut over two lines of their cells ("165.471.330.00"
    over "0", the rests a column off), its code and its "%" on the middle line, the "%" placed under the cut
    figures: one row, its figures mended, the "%" in its column."""
    got = rows(CUT_FIRST_ROW)
    assert got[1] == ["1.02.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "165.471.330.000",
                      "159.147.480.573", "6.323.849.427", "96,18"]
    assert got[2][0] == "1.02.01.2.01"


# a piece of two rows under a header of three lines: its last two columns' figures a space apart in both rows
TWO_ROWS = (
    "Kode          Program / Kegiatan                          Pagu            Realisasi             Sisa\n"
    "                                                                                          %     Anggaran\n"
    "                                                          (Rp)            (Rp)                  (Rp)\n"
    "2.11.01       PROGRAM PENUNJANG URUSAN PEMERINTAHAN       10.464.920.000  10.135.623.890  96,85 329.296.110\n"
    "X.XX.01.2.01  Perencanaan dan Evaluasi Kinerja            73.500.000      71.580.000        97,39 1.920.000\n"
)


def test_two_columns_a_space_apart_in_a_piece_of_two_rows_are_told_apart() -> None:
    got = rows(TWO_ROWS)
    assert [r[4:] for r in got[-2:]] == [["96,85", "329.296.110"], ["97,39", "1.920.000"]]


def test_a_count_with_its_unit_is_one_figure_of_a_run() -> None:
    """E.81's count and amount columns: a realisasi count with its unit and its amount set a space apart ("1.512
    Kali 2.247.092.100") are two figures of the run, in order; a header's "2022 Target 2023" is no figure run."""
    def words(text: str) -> list[Word]:
        return [Word(t, 5.0 * k, 0.0, 5.0 * k + 4.0, 8.0) for k, t in enumerate(text.split())]

    groups = figure_groups(words("1.512 Kali 2.247.092.100 103,56 96,92"))
    assert groups is not None
    assert [" ".join(w.text for w in g) for g in groups] == ["1.512 Kali", "2.247.092.100", "103,56", "96,92"]
    assert figure_groups(words("Rp 1.000 50 %")) is not None
    assert figure_groups(words("Persentase 12")) is None


# LibreOffice's print of a budget table as layout text: rows of cells centred vertically, amounts cut over two lines
# of their cells; the cut rows' figures span the gutter between Realisasi and %, so the columns' coverage merges them
CENTRED_CUTS = (
    "                                                                                        Realisasi\n"
    "Kode           Program/Kegiatan/Sub Kegiatan                             Pagu (Rp)        "
    "            %            Sisa (Rp)\n"
    "                                                                                        (Rp)\n"
    "               URUSAN PEMERINTAHAN BIDANG KOPERASI, USAHA\n"
    "2.17\n"
    "               KECIL, DAN MENENGAH\n"
    "               PROGRAM PENUNJANG URUSAN PEMERINTAHAN                     6,543,460,00 6,33"
    "0,625,89                 212,834,10\n"
    "2.17.01                                                                                   "
    "         96.75%\n"
    "               DAERAH KABUPATEN/KOTA                                     0            7   "
    "                         3\n"
    "               Perencanaan, Penganggaran, dan Evaluasi Kinerja\n"
    "2.17.01.2.01                                                             85,250,000     83"
    ",195,500    97.59%       2,054,500\n"
    "               Perangkat Daerah\n"
    "2.17.01.2.01.0\n"
    "               Penyusunan Dokumen Perencanaan Perangkat Daerah           48,500,000     47"
    ",215,000    97.35%       1,285,000\n"
    "1\n"
    "2.17.01.2.01.0 Koordinasi dan Penyusunan Laporan Capaian Kinerja dan\n"
    "                                                                         36,750,000     35"
    ",980,500    97.91%       769,500\n"
    "6              Ikhtisar Realisasi Kinerja SKPD\n"
    "                                                                         5,284,610,00 5,10"
    "2,337,41                 182,272,58\n"
    "2.17.01.2.02   Administrasi Keuangan Perangkat Daerah                                     "
    "         96.55%\n"
    "                                                                         0            6   "
    "                         4\n"
    "2.17.01.2.02.0                                                           5,284,610,00 5,10"
    "2,337,41                 182,272,58\n"
    "               Penyediaan Gaji dan Tunjangan ASN                                          "
    "         96.55%\n"
    "1                                                                        0            6   "
    "                         4\n"
    "2.17.01.2.06   Administrasi Umum Perangkat Daerah                        453,300,000    43"
    "7,770,250   96.57%       15,529,750\n"
    "2.17.01.2.06.0\n"
    "               Penyediaan Bahan Logistik Kantor                          142,800,000    13"
    "9,654,250   97.80%       3,145,750\n"
    "4\n"
    "2.17.01.2.06.0\n"
    "               Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD      310,500,000    29"
    "8,116,000   90.01%       12,384,000\n"
    "9\n"
)


def test_columns_merged_by_the_cut_rows_are_parted_by_the_whole_rows() -> None:
    """Counted on the lines holding a whole row's figures (three or more), most cells of the merged column hold two
    figures; the lines of a centred row's cut figures and its middle line do not outvote them."""
    got = rows(CENTRED_CUTS)
    body = {r[0]: r for r in got if r[0].startswith("2.17.01.")}
    assert body["2.17.01.2.01"][2:] == ["85,250,000", "83,195,500", "97.59%", "2,054,500"]
    assert body["2.17.01.2.02"][2:] == ["5,284,610,000", "5,102,337,416", "96.55%", "182,272,584"]


# two header labels a single space apart over two columns, the left one's last word nearer the right column
LABELS_TOUCHING = """\
No Indikator Kinerja                 Kondisi Awal   Target Akhir Renstra Realisasi        Capaian thd Target
                                     (2021)         (2026)               2024             Akhir (%)
1.      Cakupan kepemilikan KTP-el   97,86          99,50                  99,21          99,71
2.      Cakupan akta kelahiran anak  93,12          98,00                  97,38          99,73
3.      Cakupan Kartu Identitas Anak 21,40          55,00                  36,85          67,00
"""


def test_two_labels_a_space_apart_part_where_the_next_label_starts() -> None:
    header = rows(LABELS_TOUCHING)[0]
    assert "Target Akhir Renstra (2026)" in header and "Realisasi 2024" in header


GLUED = _laid_out(
    ("No", "Indikator", "Pembilang", "Penyebut", "Capaian"),
    ("1", "Angka partisipasi kasar PAUD usia dini", "10.124", "13.648", "74,18"),
    ("2", "Angka putus sekolah SMP 62", "", "20.015", "0,31"),
    ("3", "Persentase guru berkualifikasi S1/D-IV", "2.846", "2.918", "97,53"),
    ("4", "Persentase satuan terakreditasi", "198", "212", "93,40"),
    at=(0, 4, 46, 58, 70),
)


def test_a_figure_glued_to_the_text_before_a_run_of_figures_is_the_runs_first() -> None:
    """A text cell filled to its gutter puts the next column's figure a single space after its last word ("...
    Jumlah siswa 62"); where the run of figure columns after it is one figure short, that figure is its first."""
    got = rows(GLUED)
    assert got[2] == ["2", "Angka putus sekolah SMP", "62", "20.015", "0,31"]


def _at(*cells: str, at: tuple[int, ...] = (0, 4, 37, 68, 77, 86, 96, 105)) -> str:
    out = ""
    for x, cell in zip(at, cells, strict=False):
        if cell:
            out = out.ljust(x) + cell
    return out.rstrip() + "\n"


# the Renja evaluation's K columns with their units set apart (Target K | Satuan | Realisasi K | Satuan | Capaian)
UNITS_APART = (_at("", "", "", "Target", "", "Realisasi", "", "Capaian")
               + _at("No", "Sub Kegiatan", "Indikator", "K", "Satuan", "K", "Satuan", "(%)")
               + _at("1", "Penyediaan Gaji ASN", "Jumlah Pegawai Digaji", "236", "Orang", "236", "Orang", "100,00")
               + _at("2", "Pengadaan Peralatan Kantor", "Jumlah Unit Disediakan", "48 Unit", "48", "Unit", "100,00")
               + _at("3", "Penyusunan Laporan", "Jumlah Laporan Disusun", "12", "Laporan", "11", "Laporan", "91,67")
               + _at("4", "Pembinaan Kelompok Tani", "Jumlah Kelompok Dibina", "40", "Kelompok", "38", "Kelompok",
                     "95,00")
               + _at("5", "Pengadaan Paket Bantuan", "Jumlah Paket Disalurkan", "5 Paket", "4", "Paket", "80,00",
                     "(triwulan)"))


def test_figures_and_units_in_columns_of_their_own_are_read_in_order() -> None:
    """A K figure and the next cell's unit a space apart ("48 Unit") and the row's other words one column off:
    under a run of figure and unit columns, the line's words go one to a column in order when they are as many
    and of the columns' kinds in turn. A line with a word more than the run's columns (row 5) is left as it is."""
    got = rows(UNITS_APART)
    assert got[3][3:] == ["48", "Unit", "48", "Unit", "100,00"]
    assert got[2][3:] == ["236", "Orang", "236", "Orang", "100,00"]
    assert got[6][3:] == ["5 Paket", "4", "Paket", "80,00", "(triwulan)"]


# a header and one row at a page's foot, the rest on the next page (its lines are wider than ruff allows here)
CARRIED_AFTER_ONE_ROW = (ROOT / "tests" / "fixtures" / "layout" / "carried_after_one_row.txt").read_text("utf-8")


def test_a_header_and_one_row_at_a_pages_foot_take_their_columns_from_the_next_pages_rows() -> None:
    """A header and a single row left at a page's foot show their columns badly (a label and the unit beside it a
    space apart: "per 100.000 120"); the rows that open the next page on the same columns show them. As on a
    PDF page, the piece's columns are found with the other piece's rows added (d01's Tabel 3.2 on LibreOffice's
    print as layout text: one row of seven read before)."""
    ext = extract_from(parse_text(CARRIED_AFTER_ONE_ROW))
    assert [(m.target.value, m.realisasi.value) for m in ext.measurements] == [
        (120.0, 110.0), (10.0, 11.2), (92.5, 93.1), (0.45, 0.47), (90.0, 92.0), (410.0, 402.0)]


def _words(*cells: str) -> list[list[Word]]:
    """One line's cells as words, each cell's words a space apart, cells ten characters apart."""
    out, x = [], 0.0
    for cell in cells:
        words = []
        for part in cell.split():
            words.append(Word(part, x, 0.0, x + 5.0 * len(part), 8.0))
            x += 5.0 * (len(part) + 1)
        out.append(words)
        x += 50.0
    return out


def test_a_names_last_word_set_before_the_next_columns_figure_goes_back_to_the_name() -> None:
    lines = [_words("Penyusunan Dokumen Perencanaan", "24.600.000,00", "97,50"),
             _words("Evaluasi Kinerja Perangkat Daerah", "15.400.000,00", "95,00"),
             _words("Penyelenggaraan Rapat Koordinasi dan Konsultasi", "SKPD 118.000.000,00", "95,00"),
             _words("Penyediaan Jasa Komunikasi", "Rp 84.000.000,00", "94,58"),
             _words("Pengadaan Kendaraan Dinas", "485.000.000,00", "98,69")]
    texts = [[" ".join(w.text for w in c) for c in line] for line in words_home(lines, 0.6)]
    assert texts[2] == ["Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "118.000.000,00", "95,00"]
    assert texts[3][1] == "Rp 84.000.000,00"  # the currency stays with its figure
    assert texts[0] == ["Penyusunan Dokumen Perencanaan", "24.600.000,00", "97,50"]


def test_a_source_note_under_a_table_is_no_wrapped_text_of_its_last_row() -> None:
    """"Sumber : ..." under a table (every dev / held-out report prints one) ends it: set at the table's left edge
    and a space apart from word to word, it read as the last row's wrapped name ("Jumlah Posyandu Aktif diolah
    (2025)": LibreOffice's prints of d01, d09, d10 as layout text)."""
    text = CARRIED_AFTER_ONE_ROW + "Sumber: Bidang Pelayanan Kesehatan, data diolah (2025)\n"
    ext = extract_from(parse_text(text))
    assert ext.measurements[-1].indikator == "Jumlah Posyandu Aktif"
    assert (ext.measurements[-1].target.value, ext.measurements[-1].realisasi.value) == (410.0, 402.0)


# an evaluation form's row as pdftotext -layout sets narrow cells: amounts cut at the cell's edge, their rests on
# the next line under them, beside the wrapped words of the name and the units (d03's E.81)
CUT_ROW = [
    "1.03.10.2.01. Rekonstruksi   Panjang Jalan  60,00  92.000.000.0 12,50  18.500.000.0   96,3",
    "13            Jalan          yang           Km     00           Km     00             5",
    "              Kota           Direkonstruksi",
]


def test_the_rests_of_cut_figures_go_back_on_their_figures_and_the_words_stay() -> None:
    lines = _parsed(list(enumerate(CUT_ROW, start=10)))
    assert [w.text for w in lines[0].words] == ["1.03.10.2.01.13", "Rekonstruksi", "Panjang", "Jalan", "60,00",
                                                "92.000.000.000", "12,50", "18.500.000.000", "96,35"]
    assert [w.text for w in lines[1].words] == ["Jalan", "yang", "Km", "Km"]
    # the mended words keep their places on the line
    assert lines[0].words[5].x0 == CUT_ROW[0].index("92.000") * 5.0


def test_a_line_with_a_figure_of_its_own_is_a_row_not_a_rest() -> None:
    """"12" under "60,00" completes nothing: the line is the next row (its rests not taken either)."""
    rows = [CUT_ROW[0], "14            Jalan          yang           12     00           Km     00             5"]
    lines = _parsed(list(enumerate(rows, start=10)))
    assert lines[0].words[5].text == "92.000.000.0" and "00" in [w.text for w in lines[1].words]


def test_one_or_two_rests_are_left_to_their_cells() -> None:
    """A sisa cut in a wider table ("252,899,16" over "5": LibreOffice's print of holdout3 i02) is mended inside its
    cell once the column finder has placed the line; only a row of many cut figures is mended before."""
    rows = ["6.01.01   PROGRAM PENUNJANG URUSAN     8,329,750,300 8,076,851,135 252,899,16 96.96",
            "          DAERAH KABUPATEN/KOTA                                   5"]
    lines = _parsed(list(enumerate(rows, start=10)))
    assert [w.text for w in lines[1].words] == ["DAERAH", "KABUPATEN/KOTA", "5"]


# a table's header and first row at a page's foot under the original's running footer and chapter page number
# ("III-14"), the rest on the next page set one character to the left (pdftotext lays each page on its own grid)
FOOT_PIECE = (ROOT / "tests" / "fixtures" / "layout" / "foot_piece_one_row.txt").read_text("utf-8")


def test_a_header_and_one_row_closing_a_page_go_on_with_the_next_pages_rows() -> None:
    """Two lines of two segments are no table in running text, but at a page's foot, with the next page opening on
    the same columns, they are the head of its table (h04's Tabel 3.4 as layout text of the grid print: 30 budget
    lines read that were lost under an empty header)."""
    ext = extract_from(parse_text(FOOT_PIECE))
    assert [(b.uraian.split()[0], b.pagu.value, b.realisasi.value) for b in ext.budget] == [
        ("PROGRAM", 1_850_000_000.0, 1_790_500_000.0), ("Perencanaan,", 150_000_000.0, 146_000_000.0),
        ("Administrasi", 1_700_000_000.0, 1_644_500_000.0), ("Pengembangan", 2_400_000_000.0, 2_310_000_000.0),
        ("Pelatihan", 1_150_000_000.0, 1_104_000_000.0), ("Pendampingan", 1_250_000_000.0, 1_206_000_000.0),
        ("Pengawasan", 3_750_000_000.0, 3_602_600_000.0), ("Pemeriksaan", 3_750_000_000.0, 3_602_600_000.0)]


def test_two_aligned_lines_closing_a_page_over_another_table_stay_text() -> None:
    """The same foot, with the next page opening on a table of other columns: the two lines are no piece of it."""
    head, _, rest = FOOT_PIECE.rpartition("\f")
    other = ("No   Indikator Kinerja                  Satuan   Target 2024   Realisasi 2024   Capaian\n"
             "1    Jumlah koperasi sehat              Unit     120           126              105,00\n"
             "2    Jumlah usaha mikro yang dibina     Unit     450           441              98,00\n"
             "3    Persentase koperasi aktif          %        75,00         78,40            104,53\n")
    doc = parse_text(head + "\f" + other + rest[rest.index("\n\n"):])
    assert "Kode Rekening Program/Kegiatan/Sub Anggaran (Rp) Realisasi (Rp) (%)" in [t.text for t in doc.lines]


# a portrait page's narrow Kode column cuts a sub-kegiatan's code inside its digits ("3.26.03.2.0" over "1.01"),
# and the narrow money columns cut the figures of the same row ("209.600.00" over "0")
CODES_AND_FIGURES_CUT = (ROOT / "tests" / "fixtures" / "layout" / "cut_codes_and_figures.txt").read_text("utf-8")


def test_the_rest_of_a_code_cut_inside_its_digits_goes_back_with_the_figures_rests() -> None:
    """The line under a row holding the rest of its code and the rests of three figures or more is no row of its own:
    every rest goes back to its word (i04's Tabel 3.6 on the grid print as layout text: 14 budget lines more, 13
    wrong ones fewer). A code's rest alone never mends a line (see the next test)."""
    ext = extract_from(parse_text(CODES_AND_FIGURES_CUT))
    assert [(b.kode, b.pagu.value, b.realisasi.value) for b in ext.budget] == [
        ("3.26.03", 3_163_100_000.0, 3_091_307_150.0), ("3.26.03.2.01", 3_163_100_000.0, 3_091_307_150.0),
        ("3.26.03.2.01.01", 209_600_000.0, 204_318_250.0), ("3.26.03.2.01.02", 1_235_500_000.0, 1_196_742_900.0),
        ("3.26.03.2.01.03", 1_718_000_000.0, 1_690_246_000.0)]


def test_a_code_cut_before_its_last_groups_dot_goes_back_with_the_figures_rests() -> None:
    """"2.11.02.2.01" over ".0001": the sub-kegiatan code of an evaluation form cut where its last group starts (d09's
    E.81 on the hrules print as layout text; h05's Tabel 3.6 on the grid print: 3 budget lines more)."""
    from extractors.text_layout import _line, mend_rest_lines

    above = _line(1, "2.11.02.2.01 Penyusunan    520.000.0   148.500.0   185.000.0   62,")
    below = _line(2, ".0001        Materi         00          00          00          57")
    assert above is not None and below is not None
    (row, rest) = mend_rest_lines([above, below])
    assert [w.text for w in row.words] == ["2.11.02.2.01.0001", "Penyusunan", "520.000.000", "148.500.000",
                                           "185.000.000", "62,57"]
    assert [w.text for w in rest.words] == ["Materi"]


def test_a_codes_rest_alone_is_no_cut_row() -> None:
    from extractors.text_layout import _line, mend_rest_lines

    above = _line(1, "3.26.03.2.0     Penyediaan Data     209.600.000   204.318.250   5.281.750     97,48")
    below = _line(2, "1.01            dan Penyebaran")
    assert above is not None and below is not None
    assert [ln.text for ln in mend_rest_lines([above, below])] == [above.text, below.text]


CUT_WORD = """\
Penanggulangan bencana daerah dilaksanakan melalui program berikut.

Tabel 3.2 Capaian Sub Kegiatan

No   Sub Kegiatan    Target   Realisasi   Capaian
1    Penanggulanga   12       12          100,00
     n Bencana
2    Pencegahan      40       38          95,00
     Kebakaran
3    Rehabilitasi    5        5           100,00
     Pasca Bencana
"""


def test_a_word_cut_at_its_cells_edge_is_whole_where_the_document_prints_it_whole() -> None:
    """A word longer than its cell is cut with no hyphen ("Penanggulanga" over "n Bencana"); as on a PDF page, the
    document's own words decide (pdf_words.mend_cuts): whole where it prints the word elsewhere, else two words. The
    evaluation forms' header labels read so on LibreOffice's print as layout text (h07: 12 measurements more)."""
    (grid,) = parse_text(CUT_WORD).grids
    assert grid.rows[1][1].text == "Penanggulangan Bencana"
    (grid,) = parse_text(CUT_WORD.split("\n", 2)[2]).grids  # the sentence printing the word whole left out
    assert grid.rows[1][1].text == "Penanggulanga n Bencana"


# an outline in the first column ("I.", "1.", "a.", "b.") over top-aligned rows whose units wrap under their counts
OUTLINE = (ROOT / "tests" / "fixtures" / "layout" / "outline_numbered_rows.txt").read_text("utf-8")


def test_an_outlines_item_numbers_stacked_in_the_numbering_column_are_two_rows() -> None:
    """A heading row ("1. Perencanaan ...") and its first item ("a. Penyusunan ...") are two rows, never one cell's
    list: read as one centred row they pulled every unit wrapped under a count into the next row ("dokumen 5
    laporan"; i04's Tabel 3.5 on the hrules print as layout text: 2 measurements more)."""
    ext = extract_from(parse_text(OUTLINE))
    assert [(m.target.raw, m.realisasi.raw) for m in ext.measurements] == [
        ("100,00 %", "98,60 %"), ("4 dokumen", "4 dokumen"), ("5 laporan", "5 laporan"), ("118 orang", "118 orang"),
        ("12 paket", "12 paket"), ("12 laporan", "12 laporan")]


# an evaluation form's (E.81) header alone at a page's foot, set on a tighter character pitch than its rows on the next
# page, its "K Rp" pairs read as one column each where no figure under them parts them
HEADER_ALONE = (ROOT / "tests" / "fixtures" / "layout" / "header_alone_over_the_next_page.txt").read_text("utf-8")


def test_a_header_alone_at_a_pages_foot_heads_the_next_pages_rows_by_its_k_and_rp_labels() -> None:
    """Places cannot tie the two pieces (each page has its own pitch), their labels can: the header's "K Rp" cells
    are parted in two, and the rows' figures go under the K and Rp columns in order, the "(%)" pair's two shares
    included; h07's E.81 on the hrules print as layout text: 12 measurements more."""
    ext = extract_from(parse_text(HEADER_ALONE))
    assert [(m.target.raw, m.realisasi.raw, m.capaian.raw) for m in ext.measurements] == [
        ("80,00", "82,50", "103,13"), ("40", "41", "102,50"), ("120", "118", "98,33")]
    assert [(b.pagu.value, b.realisasi.value) for b in ext.budget] == [
        (1_250_000_000.0, 1_198_300_000.0), (450_000_000.0, 432_150_000.0), (800_000_000.0, 766_150_000.0)]


def test_rests_of_cut_amounts_holding_whole_groups_are_mended_beside_a_unit_name() -> None:
    """An amount of tens of billions cut before its last group ("37.600.00" over "0.000") and an amount cut before a
    group's dot ("7.308.000" over ".000") go back on their figures, while a unit's name with a digit in it
    ("PSLB3", the unit in charge, under the row's last word) is no rest and stays (d09's E.81 as layout text)."""
    from extractors.text_layout import _line, mend_rest_lines

    above = "Sampah Terkelola 72,00   38.000.00 64,36   19.856.30 65,00   7.308.000 851.896      Bidang"
    below = "                         0.000             0.000             .000      .000         PSLB3"
    lines = mend_rest_lines([ln for k, t in enumerate([above, below]) if (ln := _line(k, t)) is not None])
    assert [w.text for w in lines[0].words] == ["Sampah", "Terkelola", "72,00", "38.000.000.000", "64,36",
                                                "19.856.300.000", "65,00", "7.308.000.000", "851.896.000", "Bidang"]
    assert [w.text for w in lines[1].words] == ["PSLB3"]
