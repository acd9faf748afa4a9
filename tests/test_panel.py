"""The cross-city panel: keys, regions, units, and the indicator_panel view over the three samples."""

from __future__ import annotations

import duckdb
import pytest
from sample_run import sample_out

from extractors.keys import indicator_key, join_keys, normalise_satuan, normalise_wilayah, same_indicator

# real pairs from the samples: (Kota Batam 000, Kota Tarakan 003 / Kota Tanjungpinang 001), printed differently
SAME = [
    ("Junlah Orang Yang Mendapatkan Pemenuhan Kebutuhan Permakanan Sesuai Dengan Standar Gizi minimal "
     "kewwenangan kabupaten/kota",
     "Penyediaan Permakanan Jumlah Orang yang Mendapatkan Pemenuhan Kebutuhan Pernakan Sesuai dengan Standar Gizi "
     "Minimal Kewenangan Kabupaten/Kota"),
    ("Jumlah Orang yang Mendapatkan Pelayanan Reunifikasi Keluarga Kewenangan Kabupaten/Kota",
     "Pemberian Pelayanan Reunifikasi Keluarga Jumlah Orang yang Mendapatkan Pelayanan Reunifikasi Keluarga "
     "Kewenangan Kabupaten/Kota"),
    ("Jumlah Orang Yang Mendapatkan Alat Bantu dan Alat Bantu Peraga Sesuai kebutuhan kewenangan Kabupaten/Kota",
     "Penyediaan Alat Bantu Jumlah Orang yang Mendapatkan Alat Bantu dan Alat Bantu Peraga Sesuai kebutuhan "
     "Kewenangan Kabupaten/Kota"),
    ("Jumlah Peserta Bimbingan Fisik, Mental, Spiritual dan Sosial Kewenangan Kabupaten/Kota",
     "Pemberian Bimbingan Fisik, Mental, Spiritual, dan Sosial Jumlah Peserta Bimbingan Fisik, Mental, Spiritual "
     "dan Sosial Kewenangan Kabupaten/Kota"),
    ("Jumlah Makam Yang Terpenuhi Pemeliharaannya Pada Taman Makam Pahlawan Kabupaten/Kota",
     "Jumlah Makam yang Terpenuhi Pemeliharannya pada Taman Makam Pahlawan Kabupaten/Kota"),
    ("Persentase korban bencana alam dan sosial yang terpenuhi kebutuhan dasarnya pada saat dan setelah tanggap "
     "darurat bencana daerah kabupaten/kota",
     "Persentase korban bencana alam dan sosial yang terpenuhi kebutuhan dasarnya pada saat dan setelah"),
    ("Persentase (%) penyandang disabilitas terlantar, anak terlantar, lanjut usia terlantar dan gelandangan "
     "pengemis yang terpenuhi kebutuhan dasarnya di luar panti (Indikator SPM)",
     "Persentase Penyandang Disabilitas, Anak terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis "
     "Terlantar di Luar Panti Yang Terpenuhi Kebutuhan Dasarnya"),
    # one report, three spellings (003)
    ("Persentase pemerlu pelayanan kesejahteraan sosial (PPKS) yang memperoleh kebutuhan dasar dan rehabilitasi "
     "sosial",
     "Percentase Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) yang memperoleh Kebutuhan Dasar dan Rehabilitasi "
     "sosial"),
    ("Persentase PMKS yg mendapatkan pemberdayaan", "Persentase PPKS yang mendapatkan pemberdayaan"),
]
# close wordings that are other indicators (001): one target group for another, what they get
DIFFERENT = [
    ("Persentase Penyandang disabilitas terlantar yang mendapat rehabilitasi sosial dasar di luar panti sosial",
     "Persentase anak terlantar yang mendapat rehabilitasi sosial dasar di luar panti sosial"),
    ("Persentase fakir miskin, anak terlantar, lanjut usia terlantar, penyandang disabilitas dan korban bencana alam "
     "dan sosial yang mendapatkan bantuan sosial",
     "Persentase fakir miskin, anak terlantar, lanjut usia terlantar dan penyandang disabilitas dan korban bencana "
     "alam dan sosial yang mendapatkan perlindungan dan jaminan sosial"),
    ("Persentase (%) Penyandang Disabilitas Terlantar yang Terpenuhi Kebutuhannya di Luar Panti",
     "Persentase (%) penyandang disabilitas terlantar, anak terlantar, lanjut usia terlantar dan gelandangan "
     "pengemis yang terpenuhi kebutuhan dasarnya di luar panti (Indikator SPM)"),
    ("Persentase PPKS di Luar Panti sosial mendapatkan rehabilitasi sosial dasar di luar panti sosial",
     "Persentase PPKS lainnya bukan Penyandang disabilitas terlantar, anak terlantar, lanjut usia terlantar, serta "
     "gelandangan dan pengemis dan bukan korban HIV / AIDS dan NAPZA di Luar Panti sosial mendapatkan rehabilitasi "
     "sosial dasar di luar panti sosial"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_real_pairs_join_under_one_key(a: str, b: str) -> None:
    ka, kb = indicator_key(a), indicator_key(b)
    assert ka == kb or same_indicator(ka, kb)
    joined = join_keys([ka, kb])
    assert joined[ka] == joined[kb]


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_close_but_other_indicators_stay_apart(a: str, b: str) -> None:
    ka, kb = indicator_key(a), indicator_key(b)
    joined = join_keys([ka, kb])
    assert joined[ka] != joined[kb]


def test_regions_and_units_in_one_spelling() -> None:
    for raw in ("KOTA BATAM", "Pemerintah Kota Batam", "Kota batam", " kota  Batam. "):
        assert normalise_wilayah(raw) == "Kota Batam"
    assert normalise_wilayah("Kab. Batu Bara") == normalise_wilayah("PEMERINTAH KABUPATEN BATU BARA") == \
        "Kabupaten Batu Bara"
    assert normalise_wilayah("") == ""
    assert normalise_satuan("Orang") == normalise_satuan("orang") == "orang"
    assert normalise_satuan("%") == normalise_satuan("Persen") == "%"


def test_panel_one_row_per_key_region_year_and_shared_indicators_join() -> None:
    con = duckdb.connect(str(sample_out() / "lkjip.duckdb"), read_only=True)
    try:
        n, distinct, unfilled = con.execute(
            "select count(*), count(distinct (indicator_key, wilayah, tahun)), "
            "count(*) filter (where wilayah is null or wilayah = '' or tahun is null) from indicator_panel").fetchone()
        assert n == distinct and n > 100 and unfilled == 0
        cols = [d[0] for d in con.execute("select * from indicator_panel limit 0").description]
        assert cols == ["indicator_key", "indicator", "instansi", "wilayah", "tahun", "satuan", "target", "realisasi",
                        "capaian_reported", "capaian_computed", "n_flags", "source"]
        assert sorted(r[0] for r in con.execute("select distinct wilayah from indicator_panel").fetchall()) == [
            "Kota Batam", "Kota Tanjungpinang", "Kota Tarakan"]
        shared = dict(con.execute(
            "select indicator_key, count(distinct wilayah) from indicator_panel where tahun = 2024 "
            "group by 1 having count(distinct wilayah) > 1").fetchall())
        for a, b in SAME[:7]:  # the cross-city pairs: one key, two cities in the 2024 panel
            keys = {k for k in shared if k in (indicator_key(a), indicator_key(b))} | {
                k for k in shared for x in (a, b) if join_keys([k, indicator_key(x)])[indicator_key(x)] == k}
            assert keys, (a, b)
        # measurements carry the joined key and the report's wilayah and tahun
        m = con.execute("select count(*) filter (where wilayah = '' or tahun is null or indicator_key = ''), "
                        "count(*) from measurements").fetchone()
        assert m[0] == 0 and m[1] > 100
        # the preferred row: the reporting year's IKU/pengukuran table over the others
        row = con.execute("select source, capaian_reported from indicator_panel where wilayah = 'Kota Tarakan' and "
                          "tahun = 2024 and indicator_key like 'persentase ppks mendapatkan kebutuhan dasar%'"
                          ).fetchall()
        assert len(row) == 1 and "Tabel 3. 2 Capaian Kinerja" in row[0][0]
        # comparison tables give the earlier years (kept out of measurements)
        years = [r[0] for r in con.execute("select tahun from indicator_panel where wilayah = 'Kota Tarakan' and "
                                           "indicator_key like 'persentase partisipasi masyarakat pembangunan%' "
                                           "order by tahun").fetchall()]
        assert years[:4] == [2021, 2022, 2023, 2024]
        assert con.execute("select count(*) from indicator_years where year = tahun").fetchone()[0] == 0
    finally:
        con.close()
