"""The metamorphic transforms of benchmarks/metamorphic.py, on a small made-up report."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load() -> Any:
    spec = importlib.util.spec_from_file_location("metamorphic", ROOT / "benchmarks" / "metamorphic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["metamorphic"] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


mm = _load()

REPORT = "\n".join([
    "BAB III",
    "Tabel 3.1 Capaian Kinerja",
    "No\tIndikator\tSatuan\tTarget\tRealisasi\tCapaian",
    "1.\tPersentase penduduk miskin yang mendapat bantuan sosial dari pemerintah kota\t%\t35,52%\t40,65%\t114,44%",
    "2.\tJumlah keluarga penerima manfaat\tKK\t1.250\t1.100\t88,00%",
    "3.\tJumlah lembaga kesejahteraan sosial yang aktif\tLembaga\t38\t38\t100,00%",
    "4.\tJumlah orang mendapat pelatihan\tOrang\t96\t90\t93,75%",
    "5.\tJumlah laporan\tLaporan\t12\t12\t100,00%",
    "Teks sesudah tabel.",
    "",
    "Tabel 3.2 Realisasi Anggaran",
    "No\tProgram\tAnggaran\tRealisasi\t%",
    "1\tProgram A\t1.000.000.000\t900.000.000\t90,00",
    "2\tProgram B\t2.000.000.000\t1.500.000.000\t75,00",
    "3\tProgram C\t500.000.000\t500.000.000\t100,00",
    "4\tProgram D\t500.000.000\t250.000.000\t50,00",
    "Jumlah\t\t4.000.000.000\t3.150.000.000\t78,75",
    "",
])


def _tables(text: str) -> list[Any]:
    return mm.split_tables(text.splitlines())


def _by_header(table: Any) -> list[dict[str, str]]:
    """Each body row as {header label: cell}."""
    head = table.header[0]
    return [dict(zip(head, row, strict=True)) for row in table.rows()]


def test_tables_found_with_header_and_columns() -> None:
    first, second = _tables(REPORT)
    assert first.header[0][3] == "Target" and len(first.rows()) == 5
    assert first.numbering_col == 0
    assert first.value_cols == [3, 4, 5] and first.name_cols == [1, 2]
    assert second.value_cols == [2, 3, 4]


def test_permuting_columns_keeps_each_row_with_its_header() -> None:
    text, applied = mm.transform_text(REPORT, mm.permute_columns)
    assert len(applied) == 2
    before, after = _tables(REPORT), _tables(text)
    assert after[0].header[0] != before[0].header[0]
    assert after[0].header[0][0] == "No"  # the numbering column stays first
    for old, new in zip(before, after, strict=True):
        assert sorted(old.header[0]) == sorted(new.header[0])
        assert _by_header(old) == _by_header(new)


@pytest.mark.parametrize("cell", ["35,52%", "1.250", "4.000.000.000", "114,44 %", "Rp 2.456.653.000,-", "12", "0,25"])
def test_number_style_swap_round_trips(cell: str) -> None:
    english = mm.swap_cell(cell, "id", "en")
    assert english is not None and english != cell or not any(c in cell for c in ".,")
    back = mm.swap_cell(english, "en", "id")
    assert back == cell.replace(",-", "") or back == cell


def test_number_style_swap_of_a_table_and_back() -> None:
    text, applied = mm.transform_text(REPORT, mm.swap_number_style)
    assert len(applied) == 2
    assert "1,250\t1,100\t88.00%" in text and "4,000,000,000\t3,150,000,000\t78.75" in text
    assert "Persentase penduduk miskin" in text  # name cells untouched
    back, _ = mm.transform_text(text, mm.swap_number_style)
    assert back == REPORT


def test_number_style_swap_leaves_irregular_figures_alone() -> None:
    assert mm.swap_cell("14.90.000", "id", "en") is None
    assert mm.swap_cell("1.100 %", "id", "en") is None


def test_page_split_keeps_every_row_once() -> None:
    text, applied = mm.transform_text(REPORT, mm.page_split)
    assert len(applied) == 2
    lines = text.splitlines()
    assert lines.count(mm.PAGE_FOOTER) == 2
    for line in REPORT.splitlines():
        if "\t" in line and not line.startswith("No\t"):
            assert lines.count(line) == 1, line
    assert lines.count("No\tIndikator\tSatuan\tTarget\tRealisasi\tCapaian") == 2  # header printed again
    # the pieces are one table again for the transforms
    assert [len(t.record_rows()) for t in _tables(text)] == [5, 5]


def test_synonyms_rename_header_only() -> None:
    text, _ = mm.transform_text(REPORT, mm.header_synonyms)
    assert "No\tIndikator Kinerja\tSatuan\tRencana\tRealisasi s.d. Desember\t" in text
    assert "Alokasi Anggaran" in text
    assert mm.synonym_cell("REALISASI %") == "REALISASI S.D. DESEMBER %"


def test_wrapped_row_moves_the_name_tail_to_a_continuation_line() -> None:
    text, applied = mm.transform_text(REPORT, mm.wrap_rows)
    assert len(applied) == 1
    lines = text.splitlines()
    k = next(i for i, line in enumerate(lines) if line.startswith("1.\tPersentase penduduk miskin"))
    assert lines[k].endswith("\t%\t35,52%\t40,65%\t114,44%")
    tail = lines[k + 1].split("\t")
    assert tail[0] == "" and tail[2:] == ["", "", "", ""] and tail[1]
    assert f"{lines[k].split(chr(9))[1]} {tail[1]}" == \
        "Persentase penduduk miskin yang mendapat bantuan sosial dari pemerintah kota"


def test_subtotals_equal_their_groups_and_the_total_their_sum() -> None:
    text, applied = mm.transform_text(REPORT, mm.add_subtotals)
    assert len(applied) == 1
    rows = [line.split("\t") for line in text.splitlines() if "Kelompok Program" in line]
    assert [r[2] for r in rows] == ["3.000.000.000", "1.000.000.000"]
    assert [r[3] for r in rows] == ["2.400.000.000", "750.000.000"]
    assert [r[4] for r in rows] == ["80,00", "75,00"]


def test_krp_pairs_under_a_spanning_header() -> None:
    text, applied = mm.transform_text(REPORT, mm.krp_split)
    assert len(applied) == 1  # the budget table; the indicator table holds no money
    assert "No\tProgram\tAnggaran\t\tRealisasi\t\t%" in text
    assert "\n\t\tK\tRp\tK\tRp\t\n" in text
    assert "1\tProgram A\t\t1.000.000.000\t\t900.000.000\t90,00" in text
    split = mm.krp_split(_tables("T\tA\tB\nx\t87,57% 2.627.100\t1\ny\t90% 1.000.000\t2\n")[0])
    assert split is not None and ["x", "87,57%", "2.627.100", "1"] in split


def test_records_compared_as_multisets() -> None:
    from collections import Counter

    base = {"measurements": Counter([("a", 1.0)]), "budget": Counter(), "flags": Counter()}
    new = {"measurements": Counter([("a", 1.0)]), "budget": Counter([("a kelompok program", 3.0)]),
           "flags": Counter([("total_mismatch", "error")])}
    result = mm.compare("subtotal", "r", 1, base, new)
    assert result.allowed and not result.added["budget"] and result.added["flags"] and not result.same
