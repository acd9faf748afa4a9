import pytest

from extractors.understand import column_role, shared_scale


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


def test_a_money_scale_over_one_column_is_shared_by_the_columns_of_its_magnitude() -> None:
    """"Keuangan (Rp" / "000) Target | Realisasi | %": the thousands reached the pagu's label only (d07 as layout
    text). The realisasi, of the pagu's magnitude, is in thousands too; a column of other magnitude, or a table
    naming two scales, keeps its own."""
    roles = ["uraian", "pagu", "realisasi_anggaran", "persen"]
    values = [[None, None], [24_250_600.0, 327_500.0], [23_529_310.0, 318_510.0], [97.03, 97.25]]
    assert shared_scale([1.0, 1000.0, 1.0, 1.0], roles, values) == [1.0, 1000.0, 1000.0, 1.0]
    far = [[None], [24_250_600.0], [23_529_310_000.0], [97.03]]
    assert shared_scale([1.0, 1000.0, 1.0, 1.0], roles, far) == [1.0, 1000.0, 1.0, 1.0]
    assert shared_scale([1.0, 1000.0, 1e6, 1.0], roles, values) == [1.0, 1000.0, 1e6, 1.0]
