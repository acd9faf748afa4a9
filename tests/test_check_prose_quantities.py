"""Prose: a figure is compared only with the quantity its own words name (capaian kinerja, penyerapan /
realisasi anggaran, efisiensi, a count), never across them. Small made-up sentences."""

from extractors.model import Document, TextLine
from extractors.numbers import parse_number
from pipeline.check.narrative import check_narrative
from schemas.records import DocumentInfo, Extraction, Measurement

P = parse_number


def ext(lines: list[str], measurements: list[Measurement] | None = None) -> Extraction:
    doc = Document("f.txt", "0" * 64, 1, lines=[TextLine(t, float(i), None, 10 + i) for i, t in enumerate(lines)])
    return Extraction(info=DocumentInfo("d", "f.txt", "0" * 64, 1, tahun=2024), document=doc,
                      measurements=measurements or [])


def test_performance_capaian_after_a_budget_is_not_a_budget_share() -> None:
    text = ("Program Pelayanan Kesehatan dengan pagu Rp 2.000.000.000 dan terealisasi Rp 1.900.000.000 dengan "
            "capaian kinerja sebesar 104,50 %.")
    assert check_narrative(ext([text])) == []
    for words in ("tingkat efisiensi sebesar", "capaian indikator sebesar", "kinerja mencapai"):
        assert check_narrative(ext([text.replace("capaian kinerja sebesar", words)])) == [], words


def test_budget_share_named_as_such_is_still_checked() -> None:
    text = ("Program Pelayanan Kesehatan dengan pagu Rp 2.000.000.000 dan terealisasi Rp 1.900.000.000 atau "
            "sebesar 96,50 %.")
    [flag] = check_narrative(ext([text]))
    assert flag.kind == "narrative_mismatch" and flag.reported == 96.5 and flag.expected == 95
    absorbed = text.replace("atau sebesar", "dengan penyerapan anggaran sebesar")
    [flag] = check_narrative(ext([absorbed]))
    assert flag.reported == 96.5


def test_a_budget_absorption_is_not_compared_with_an_indicator_capaian() -> None:
    m = Measurement("d", "f.txt", "t03", None, 100, "iku", "Persentase balita gizi baik yang terlayani", P("90%"),
                    P("92%"), P("102,22%"), year=2024)
    text = ("Indikator persentase balita gizi baik yang terlayani didukung realisasi anggaran sebesar 88,40% "
            "dengan capaian 102,22%.")
    assert check_narrative(ext([text], [m])) == []
    wrong = text.replace("capaian 102,22%", "capaian 110,00%")
    [flag] = check_narrative(ext([wrong], [m]))
    assert flag.reported == 110 and flag.expected == 102.22


def test_a_count_ratio_is_not_read_as_a_budget_share() -> None:
    text = "Sebanyak 45 orang dari 50 orang sasaran terlayani, sedangkan penyerapan anggaran sebesar 70,00 %."
    assert check_narrative(ext([text])) == []


def test_an_efficiency_figure_after_a_ratio_is_not_its_result() -> None:
    text = "Sebanyak 45 orang dari 50 orang terlayani dengan tingkat efisiensi sebesar 70,00 %."
    assert check_narrative(ext([text])) == []
    assert len(check_narrative(ext([text.replace("dengan tingkat efisiensi sebesar", "atau sebesar")]))) == 1
