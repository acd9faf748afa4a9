"""The records the checks read instead of raw cells: other years' figures, target series, Renstra columns
and every numeric cell (extractors.figures), on small made-up tables."""

from extractors.figures import cell_figures, year_figures
from extractors.model import Cell, Row, Table


def comparison() -> Table:
    header = [["Indikator"], ["Realisasi", "Tahun 2022"], ["Target"], ["Realisasi"], ["Capaian"],
              ["Target Akhir Renstra"], ["Capaian thd target akhir Renstra (%)"]]
    row = Row([Cell(t) for t in ("Persentase layanan", "80%", "90%", "88%", "97,78%", "95%", "92,63%")], None, 30)
    return Table("t05", "", [" ".join(h) for h in header], [row], header_parts=header,
                 roles=["indikator", "year", "target", "realisasi", "capaian", "renstra", "renstra"],
                 years=[None, 2022, 2024, 2024, 2024, None, None])


def test_other_years_and_renstra_columns_become_records() -> None:
    figs = year_figures([comparison()], 2024)
    by_role = {f.role: f for f in figs}
    assert by_role["realisasi"].year == 2022 and by_role["realisasi"].number.value == 80
    assert by_role["realisasi"].subject == "Persentase layanan" and by_role["realisasi"].line == 30
    assert by_role["renstra_target"].number.value == 95 and by_role["renstra_capaian"].number.value == 92.63
    assert by_role["renstra_realisasi"].number.value == 88
    # the reporting year's own columns are measurements, not year figures
    assert not any(f.role in ("target", "capaian") for f in figs)


def test_target_series_needs_three_target_years() -> None:
    header = ["Indikator", "Target 2022", "Target 2023", "Target 2024"]
    table = Table("t02", "", header, [Row([Cell("Angka X"), Cell("9"), Cell("8"), Cell("7")], None, 12)],
                  roles=["indikator", "year", "year", "year"], years=[None, 2022, 2023, 2024])
    series = [f for f in year_figures([table], 2025) if f.role == "target_series"]
    assert [(f.year, f.number.value) for f in series] == [(2022, 9), (2023, 8), (2024, 7)]
    table.roles, table.years = table.roles[:3], table.years[:3]
    assert not [f for f in year_figures([table], 2025) if f.role == "target_series"]


def test_every_numeric_cell_keeps_its_parse_status() -> None:
    table = Table("t09", "", ["Uraian", "Pagu", "Realisasi"],
                  [Row([Cell("Program A"), Cell("49.990.000"), Cell("14.90.000")], None, 7)],
                  roles=["uraian", "pagu", "realisasi_anggaran"])
    cells = cell_figures([table])
    assert [(c.role, c.number.status, c.label) for c in cells] == [
        ("pagu", "ok", "Program A"), ("realisasi_anggaran", "malformed", "Program A")]
