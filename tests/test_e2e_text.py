"""End to end on the bundled sample text reports (data/raw/*.txt)."""

from pathlib import Path

import pytest

from pipeline.run import extract_document
from schemas.records import Extraction

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"


@pytest.fixture(scope="module")
def batam() -> Extraction:
    return extract_document(RAW / "000_0f83f2dd310c1dae.txt")


@pytest.fixture(scope="module")
def tanjungpinang() -> Extraction:
    return extract_document(RAW / "001_d8b83a21a2570bae.txt")


@pytest.fixture(scope="module")
def tarakan() -> Extraction:
    return extract_document(RAW / "003_80458ef031615be3.txt")


def test_metadata(batam: Extraction, tanjungpinang: Extraction, tarakan: Extraction) -> None:
    assert (batam.info.instansi, batam.info.wilayah, batam.info.tahun) == (
        "Dinas Sosial dan Pemberdayaan Masyarakat", "Kota Batam", 2024)
    assert (tanjungpinang.info.instansi, tanjungpinang.info.wilayah) == ("Dinas Sosial", "Kota Tanjungpinang")
    assert tarakan.info.wilayah == "Kota Tarakan" and tarakan.info.tahun == 2024


def test_budget_table_with_codes_and_a_unit_section(batam: Extraction) -> None:
    rows = [b for b in batam.budget if b.kode.startswith("1.06.01") and b.level == "program"]
    # the same program code twice: once for the Dinas, once under the UPTD section
    assert len(rows) == 2 and rows[0].section == "" and "UPTD" in rows[1].section
    total = [b for b in batam.budget if b.is_total]
    assert len(total) == 1 and total[0].pagu.value == 43215795726 and total[0].realisasi.value == 41873823093
    sub = next(b for b in batam.budget if b.kode == "1.06.04.2.01.10")
    assert (sub.level, sub.parent_kode, sub.persen.value) == ("sub_kegiatan", "1.06.04.2.01", 24.33)


def test_values_with_units_and_mixed_decimal_marks(batam: Extraction) -> None:
    by_line = {m.line: m for m in batam.measurements}
    assert by_line[360].target.value == 96 and by_line[360].capaian.value == 92.15
    assert by_line[360].satuan == "Pendamping"
    assert by_line[376].capaian.value == 66.67  # dot decimal in a comma-decimal table
    assert by_line[384].target.value == 27412 and by_line[384].capaian.value == 99.9


def test_two_indicators_in_one_cell_give_two_rows(batam: Extraction) -> None:
    rows = [m for m in batam.measurements if m.line == 364]
    assert [(m.target.value, m.realisasi.value, m.capaian.value) for m in rows] == [
        (72.73, 100, 137), (34.29, 100, 291)]
    assert rows[0].indikator.startswith("Persentase anak")
    assert rows[1].indikator.startswith("Persentase penyandang")


def test_plan_tables_give_no_measurements_but_plans(batam: Extraction) -> None:
    pk = [p for p in batam.plans if p.kind == "program"]
    assert any(p.subject.startswith("Rehabilitasi Sosial") and p.pagu and p.pagu.value == 1631159000 for p in pk)
    assert not any(m.table_id == pk[0].table_id for m in batam.measurements)


def test_page_break_repeated_header_and_wrong_header_years(tanjungpinang: Extraction) -> None:
    t316 = next(t for t in tanjungpinang.tables if t.caption.startswith("Tabel 3.16"))
    assert t316.roles[2:6] == ["pagu", "realisasi_anggaran", "sisa", "persen"]
    rows = [b for b in tanjungpinang.budget if b.table_id == t316.table_id]
    assert len(rows) == 80 and not any(b.uraian.upper().startswith("PROGRAM/KEGIATAN") for b in rows)
    # "Realisasi Kinerja Thn 2024" holds capaian: the values say so
    t37 = next(t for t in tanjungpinang.tables if t.caption.startswith("Tabel 3.7"))
    assert t37.roles.count("capaian") == 1 and t37.roles.count("realisasi") == 1


def test_shifted_rows_and_merged_cells(tarakan: Extraction) -> None:
    by_line = {}
    for b in tarakan.budget:
        by_line.setdefault(b.line, b)
    assert by_line[1108].pagu.value == 46199585 and by_line[1108].realisasi.value == 37474940
    assert by_line[1108].level == "sub_kegiatan"
    meas = {m.line: m for m in tarakan.measurements}
    assert meas[1843].realisasi.value == 87.57  # "87,57% 2.627.100": K and Rp merged in one cell
    assert by_line[1843].realisasi.value == 2627100
