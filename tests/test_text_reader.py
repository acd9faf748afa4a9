from pathlib import Path

import pytest

from extractors.assemble import assemble, flatten_header, is_numbering_row, split_header
from extractors.errors import InputError
from extractors.model import Cell
from extractors.text_reader import clean_text, decode_text, parse_text, read_text


def cells(*texts: str) -> list[Cell]:
    return [Cell(t) for t in texts]


def test_tab_lines_become_one_grid_across_blank_lines() -> None:
    doc = parse_text("Intro\nA\tB\n1\t2\n\n3\t4\nOutro\n")
    assert len(doc.grids) == 1
    assert [[c.text for c in r] for r in doc.grids[0].rows] == [["A", "B"], ["1", "2"], ["3", "4"]]
    assert doc.grids[0].rows[2][0].line == 5
    assert [t.text for t in doc.lines] == ["Intro", "Outro"]


def test_markup_is_removed_from_cells() -> None:
    assert clean_text("<u>302.635 Org</u> X 100 %") == "302.635 Org X 100 %"
    assert clean_text("**Tabel 3.2**") == "Tabel 3.2"
    assert clean_text("<p>Target</p>") == "Target"


@pytest.mark.parametrize(
    ("data", "why"),
    [(b"", "empty"), (b"   \n", "empty"), (b"\x00\x01PK\x03\x04binary", "binary")],
)
def test_bad_bytes_give_a_clear_error(data: bytes, why: str) -> None:
    with pytest.raises(InputError) as err:
        decode_text(data, "x.txt")
    assert why in err.value.why


def test_non_utf8_is_decoded_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Capaian\tRealisasi ok\n" + b"caf\xe9\n")
    doc = read_text(path)
    assert doc.notes and "UTF-8" in doc.notes[0]
    assert doc.lines[-1].text == "café"


def test_numbering_row_is_recognised() -> None:
    assert is_numbering_row(cells("1", "2", "3", "4", "5"))
    assert is_numbering_row(cells("(1)", "(2)", "(3)"))
    assert not is_numbering_row(cells("1", "Program", "3"))
    # two narrow columns a reader set as one keep both numbers in the cell (d03's E.81 as layout text)
    assert is_numbering_row(cells("1", "2", "3", "4 5", "6", "", "7"))
    assert not is_numbering_row(cells("1", "2", "5 4", "6"))
    assert not is_numbering_row(cells("1", "2 Orang", "3"))


def test_two_level_header_is_flattened() -> None:
    rows = [
        cells("No", "Indikator", "Target", "", "Realisasi", ""),
        cells("", "", "K", "Rp", "K", "Rp"),
        cells("1", "Jumlah orang", "10 Orang", "1.000.000", "9 Orang", "900.000"),
    ]
    header, body = split_header(rows)
    assert len(header) == 2 and len(body) == 1
    parts = flatten_header(header, 6)
    assert [" ".join(p) for p in parts] == ["No", "Indikator", "Target K", "Target Rp", "Realisasi K", "Realisasi Rp"]


def test_caption_join_across_page_break_and_wrapped_rows() -> None:
    text = "\n".join([
        "Tabel 3.1 Capaian Kinerja",
        "No\tIndikator\tTarget\tRealisasi\tCapaian",
        "1.\tPersentase anak\t10%\t10%\t100%",
        "\tterlantar yang dibina\t\t\t",
        "Laporan Kinerja Dinas X Tahun 2024",
        "No\tIndikator\tTarget\tRealisasi\tCapaian",
        "2.\tJumlah lansia\t5 Orang\t4 Orang\t80%",
        "Paragraf penutup yang panjang sekali " * 5,
        "Tabel 3.2 Lain",
        "No\tUraian\tPagu\tRealisasi",
        "1\tProgram A\t1.000\t900",
    ])
    tables = assemble(parse_text(text))
    assert len(tables) == 2
    first = tables[0]
    assert first.caption.startswith("Tabel 3.1")
    assert [r.text(1) for r in first.rows] == ["Persentase anak terlantar yang dibina", "Jumlah lansia"]
    assert first.rows[1].line == 7
    assert tables[1].caption == "Tabel 3.2 Lain"


def test_a_running_footer_set_with_a_tab_is_no_row_of_the_table_it_falls_in() -> None:
    """"LKjIP Dinas ... Tahun 2024<TAB>10" on every page (dev-set d07): inside a table's tab rows it is dropped and
    the table goes on; a table of contents' lines, each printed once, stay."""
    for footer in ("LKjIP Dinas Perhubungan Provinsi NTB Tahun 2024\t{}",
                   "Laporan Kinerja Instansi Pemerintah Bappeda Kota Banjarmasin Tahun 2023\tHalaman {}"):
        text = "\n".join([
            "BAB I PENDAHULUAN\t1", "BAB II PERENCANAAN KINERJA\t4", "",
            "Teks.", footer.format(1), "", "Teks lagi.", footer.format(2), "",
            "Kode\tUraian\tPagu\tRealisasi",
            "2.15.01\tProgram A\t1.000\t900",
            "", footer.format(3), "",
            "2.15.02\tProgram B\t2.000\t1.800",
        ])
        doc = parse_text(text)
        table = next(g for g in doc.grids if g.rows[0][0].text == "Kode")
        assert [r[0].text for r in table.rows] == ["Kode", "2.15.01", "2.15.02"]
    assert any(g.rows[0][0].text == "BAB I PENDAHULUAN" for g in doc.grids)  # the contents stay as they were


def test_a_kegiatan_heading_over_a_coded_wrapped_sub_kegiatan_stays_its_own_row() -> None:
    """A kegiatan named without figures (its sums in a "Sub Total" row after its sub-kegiatan), its first
    sub-kegiatan's name wrapped onto a line of its own: the sub-kegiatan, with a budget code of its own, is no line
    of figures under the kegiatan's label (holdout4 j02's Tabel 3.6). An item whose figures stand on the next,
    uncoded line still takes them (d07, d09)."""
    text = "\n".join([
        "Tabel 3.6 Realisasi Anggaran",
        "No\tKode\tProgram/Kegiatan/Sub Kegiatan\tAnggaran (Rp)\tRealisasi (Rp)\t%",
        "5\t4.02.01.2.09\tPemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah\t\t\t",
        "\t4.02.01.2.09.0002\tPenyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan\t318.750.000"
        "\t296.423.150\t93,00",
        "\t\tKendaraan Dinas Operasional atau Lapangan\t\t\t",
        "\t4.02.01.2.09.0009\tPemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya\t425.000.000"
        "\t411.830.000\t96,90",
        "\t4.02.01.2.09\tSub Total Kegiatan 4.02.01.2.09\t743.750.000\t708.253.150\t95,23",
    ])
    (table,) = assemble(parse_text(text))
    coded = [r for r in table.rows if r.text(1)]
    assert [r.text(1) for r in coded] == ["4.02.01.2.09", "4.02.01.2.09.0002", "4.02.01.2.09.0009", "4.02.01.2.09"]
    assert coded[0].text(3) == "" and coded[1].text(3) == "318.750.000"
    wrapped = "\n".join([
        "No\tProgram\tAnggaran (Rp)\tRealisasi (Rp)\t%",
        "1\tProgram Penunjang Urusan Pemerintahan\t\t\t",
        "\tDaerah Kabupaten/Kota\t1.000.000\t900.000\t90,00",
        "2\tProgram Pengelolaan Jalan\t2.000.000\t1.900.000\t95,00",
    ])
    (table,) = assemble(parse_text(wrapped))
    assert [r.text(1) for r in table.rows] == ["Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
                                              "Program Pengelolaan Jalan"]
