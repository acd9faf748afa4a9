from extractors.metadata import extract_metadata
from extractors.text_reader import parse_text

COVER = """LAPORAN KINERJA INSTANSI PEMERINTAH (LKJIP)
DINAS KESEHATAN KABUPATEN BATU BARA TAHUN 2023
Sesuai Peraturan Menteri Nomor 53 Tahun 2014 tentang Petunjuk Teknis, Renstra Tahun 2019-2024
Dinas Kesehatan Kabupaten Batu Bara telah menyusun laporan kinerja tahun 2023.
Tabel 3.1 Capaian Kinerja Tahun 2023
No\tIndikator\tTarget\tRealisasi
1\tAngka kematian ibu\t10\t8
"""


def test_metadata_from_cover_and_captions() -> None:
    meta = extract_metadata(parse_text(COVER))
    assert meta.instansi.lower() == "dinas kesehatan"
    assert meta.wilayah == "Kabupaten Batu Bara"
    assert meta.tahun == 2023


def test_regulation_and_renstra_years_do_not_win() -> None:
    text = "Peraturan Nomor 29 Tahun 2014\nPeraturan Nomor 53 Tahun 2014\nRenstra Tahun 2016-2021\nLaporan Tahun 2024\n"
    assert extract_metadata(parse_text(text)).tahun == 2024


def test_full_agency_name_is_kept() -> None:
    text = "\n".join(["DINAS SOSIAL DAN PEMBERDAYAAN MASYARAKAT KOTA BATAM TAHUN 2024"]
                     + ["Dinas Sosial dan Pemberdayaan Masyarakat Kota Batam melaksanakan program."] * 3)
    meta = extract_metadata(parse_text(text))
    assert meta.instansi == "Dinas Sosial dan Pemberdayaan Masyarakat"
    assert meta.wilayah == "Kota Batam"
