"""PDF reading: generated fixtures (ruled, multi-page, landscape, scanned) and the sample PDFs."""

import importlib.util
import sys
from pathlib import Path

import pytest

from extractors.errors import InputError
from extractors.ocr import unavailable
from extractors.pdf_reader import read_pdf
from pipeline.run import extract_document

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
make_fixtures = importlib.import_module("make_fixtures")


@pytest.fixture(scope="session")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_fixtures.build(tmp_path_factory.mktemp("pdf"))


def test_ruled_table_over_two_pages(fixtures: dict[str, Path]) -> None:
    doc = read_pdf(fixtures["ruled"])
    assert doc.pages == 2 and len(doc.grids) == 2
    caption = next(t for t in doc.lines if t.text.startswith("Tabel 3.1"))
    assert caption.order < doc.grids[0].order  # the caption stands before its grid
    assert not any("LKjIP Dinas Contoh" in t.text for t in doc.lines)  # running header dropped
    first = doc.grids[0].rows[1]
    assert first[1].text.startswith("Persentase anak terlantar") and first[1].text.endswith("di luar panti")
    ext = extract_document(fixtures["ruled"])
    assert [(m.page, m.target.value, m.realisasi.value, m.capaian.value) for m in ext.measurements] == [
        (1, 72.73, 100, 137), (1, 96, 96, 92.15), (2, 38, 38, 100)]
    assert len(ext.tables) == 1  # joined across the page break, repeated header dropped
    assert [f.kind for f in ext.flags] == ["capaian_mismatch"]


def test_landscape_budget_table(fixtures: dict[str, Path]) -> None:
    ext = extract_document(fixtures["landscape"])
    assert [(b.kode, b.level, b.pagu.value) for b in ext.budget] == [
        ("1.06.02", "program", 2456653000), ("1.06.02.2.03", "kegiatan", 2456653000), ("", "total", 2456653000)]
    assert ext.flags == []


def test_not_a_pdf(tmp_path: Path) -> None:
    bad = tmp_path / "x.pdf"
    bad.write_text("hello")
    with pytest.raises(InputError, match="not a PDF"):
        read_pdf(bad)
    assert extract_document(bad).info.status == "failed"


@pytest.mark.skipif(bool(unavailable()), reason=f"OCR extra absent: {unavailable()}")
def test_scanned_page_is_read_with_ocr(fixtures: dict[str, Path]) -> None:
    ext = extract_document(fixtures["scanned"])
    assert ext.document is not None and ext.document.grids
    targets = {m.target.value for m in ext.measurements}
    assert 96 in targets


def test_scanned_page_without_ocr_is_listed(fixtures: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("extractors.ocr.unavailable", lambda: "OCR not installed")
    ext = extract_document(fixtures["scanned"])
    assert ext.document is not None and ext.document.unreadable == [(1, "scanned page: OCR not installed")]
    assert any("unreadable" in t.note for t in ext.table_infos)
    assert ext.info.status == "partial"


@pytest.mark.slow
def test_sample_pdf_budget_table() -> None:
    ext = extract_document(ROOT / "data" / "raw" / "000_0f83f2dd310c1dae.pdf")
    assert ext.info.pages == 24 and ext.info.wilayah == "Kota Batam"
    total = [b for b in ext.budget if b.is_total]
    assert total and total[0].pagu.value == 43215795726
    assert {m.capaian.value for m in ext.measurements if m.page and m.target.value == 72.73} == {137}
