import pytest

from extractors.understand import column_role


@pytest.mark.parametrize(
    ("parts", "role"),
    [
        (["No"], "no"),
        (["Indikator Kinerja"], "indikator"),
        (["Target"], "target"),
        (["Target Thn 2024"], "target"),
        (["Realisasi"], "realisasi"),
        (["Capaian Kinerja Thn 2024"], "capaian"),
        (["(%)"], "persen"),
        (["ANGGARAN"], "pagu"),
        (["Pagu Anggaran (Rp)"], "pagu"),
        (["Realisasi Anggaran (Rp)"], "realisasi_anggaran"),
        (["ANGGARAN BELANJA TAHUN 2024", "RENCANA"], "pagu"),
        (["ANGGARAN BELANJA TAHUN 2024", "REALISASI"], "realisasi_anggaran"),
        (["ANGGARAN BELANJA TAHUN 2024", "SISA PAGU"], "sisa"),
        (["Target", "K"], "target"),
        (["Target", "Rp"], "pagu"),
        (["Realisasi", "K"], "realisasi"),
        (["Realisasi", "Rp"], "realisasi_anggaran"),
        (["Indikator Kinerja", "Target"], "target"),
        (["Anggaran (Rp)", "%"], "persen"),
        (["Kinerja Tahun 2024", "Capaian (%)"], "capaian"),
        (["Target Akhir Renstra (2024)"], "renstra"),
        (["PROGRAM, KEGIATAN SUB KEGIATAN"], "uraian"),
        (["Sasaran Strategis"], "sasaran"),
        (["Satuan"], "satuan"),
        (["Capaian Anggaran (%)"], "persen"),
        (["Rata-rata Capaian Kinerja Sasaran (%)"], "derived"),
        (["Serapan Anggaran (%)"], "persen"),
        (["Rencana Tingkat Capaian"], "target"),
        (["Realisasi Capaian Kinerja dan Anggaran RKPD"], "realisasi_anggaran"),
    ],
)
def test_column_role_from_header_words(parts: list[str], role: str) -> None:
    assert column_role(parts) == role
