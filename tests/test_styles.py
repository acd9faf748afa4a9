"""Every table style gives the same rows: the same report content (scripts/make_fixtures.py, build_styles)
in a full grid, horizontal rules only, no rules and shaded rows, on portrait (Helvetica) and landscape
(Times) pages, with a budget table over a page break, must give the measurement and budget rows of its
tab-separated text. The fixture documents no difference, so none is allowed: names, levels and figures
included (the issue's bar is 0.95 of the text's recall at precision 0.95)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from script_loader import load_script

from extractors.pdf_pdfium import open_document, read_page
from extractors.pdf_reader import _part, _Plumber, read_pdf
from pipeline.run import extract_document

ROOT = Path(__file__).resolve().parent.parent




MAKE = load_script("make_fixtures")
NAMES = [f"{style}_{page}" for style in MAKE.STYLES for page in MAKE.PAGES]


@pytest.fixture(scope="module")
def styles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return MAKE.build_styles(tmp_path_factory.mktemp("styles"))


def _rows(path: Path) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    ext = extract_document(path)
    meas = {(m.indikator, m.target.value, m.realisasi.value, m.capaian.value) for m in ext.measurements}
    budget = {(b.kode, b.uraian, b.level, b.pagu.value, b.realisasi.value, b.is_total) for b in ext.budget}
    return meas, budget


@pytest.fixture(scope="module")
def reference(styles: dict[str, Path]) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    meas, budget = _rows(styles["text"])
    assert len(meas) == len(MAKE.STYLE_CAPAIAN) and len(budget) == len(MAKE.style_budget_rows())
    return meas, budget


@pytest.mark.parametrize("name", NAMES)
def test_each_style_gives_the_texts_rows(name: str, styles: dict[str, Path],
                                         reference: tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]) -> None:
    meas, budget = _rows(styles[name])
    assert meas == reference[0]
    assert budget == reference[1]


@pytest.mark.parametrize("name", [n for n in NAMES if not n.startswith("grid")])
def test_unruled_styles_give_the_ruled_grid(name: str, styles: dict[str, Path]) -> None:
    """Rows of whole cells with their page and box, the two-level header as a ruled table gives it."""
    ruled = read_pdf(styles[name.replace(name.split("_")[0], "grid")])
    other = read_pdf(styles[name])
    assert len(other.grids) == len(ruled.grids)

    def texts(doc: Any) -> list[list[list[str]]]:
        return [[[c.text for c in r] for r in g.rows] for g in doc.grids]

    assert texts(other) == texts(ruled)
    budget = other.grids[1]
    assert budget.rows[0][2:4] == [budget.rows[0][2], budget.rows[0][3]] and budget.rows[0][3].text == ""
    assert all(c.page and c.bbox for r in budget.rows for c in r if c.text)
    assert {g.page for g in other.grids} == {g.page for g in ruled.grids}


def test_shaded_bands_separate_rows_like_rules(styles: dict[str, Path]) -> None:
    """The shaded style draws no stroke at all: its zebra rows and shaded header are filled areas, whose top
    and bottom edges become the page's row separators (without them a wrapped row is told from two rows only
    by its figures)."""
    path = styles["shaded_portrait"]
    pdf = open_document(str(path))
    try:
        page = read_page(pdf, 0)
        part = _part(page, _Plumber(path))
    finally:
        pdf.close()
    assert not page.strokes and len(page.shades) >= 3
    tops = sorted({round(y) for y, _, _ in part.rules})
    assert len(tops) >= 4  # a shaded header and zebra rows: an edge between each two rows
    assert all(x1 - x0 >= 100 for _, x0, x1 in part.rules)
