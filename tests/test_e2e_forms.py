"""End to end on the wide evaluation forms (Permendagri 86/2017 E.81) of two reports printed by another exporter
(horizontal rules only, landscape, Times: ``scripts/make_fixtures.render_text``), as the PDF and as its
``pdftotext -layout`` text, scored against the reports' gold with ../shared/eval/score.py.

holdout4 j03's form has 28 cells a row over eight pages: on the PDF a page's piece is cut on the columns of the page
before (``pdf_page.carried_columns``); as layout text each page's piece is read row by row and joins the header laid
on its K / Rp row (``form_rows``). dev-set d03's form has cut amounts among its figures ("1.110.05"). A regression
guard for the issue's bar (a PDF keeps 0.90 of the text's recall, a layout text 0.85, precision 0.90); the layout
tests skip where pdftotext (Debian's poppler-utils) is not installed: ``make layout-deps``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest
from printed_reports import print_reports

ROOT = Path(__file__).resolve().parent.parent
REPORTS = {"j03_dispusip": ROOT / "benchmarks" / "holdout4", "d03_pupr": ROOT / "benchmarks" / "devset"}
KINDS = ("measurements", "budget")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each report as tab text, as an hrules landscape PDF and as that PDF's layout text, extracted."""
    return print_reports(REPORTS, tmp_path_factory.mktemp("forms_e2e"))


@pytest.mark.parametrize("stem", sorted(REPORTS))
@pytest.mark.parametrize(("form", "share"), [("pdf", 0.90), ("layout", 0.85)])
def test_a_wide_form_over_many_pages_keeps_the_texts_rows(stem: str, form: str, share: float, scorer: ModuleType,
                                                         printed: dict[str, Path]) -> None:
    if form == "layout" and shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian's poppler-utils) is not installed: make layout-deps")
    gold = json.loads((REPORTS[stem] / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    text, _ = scorer.score(gold, printed["text"], stem)
    res, misses = scorer.score(gold, printed[form], stem)
    for kind in KINDS:
        assert res[kind]["recall"] >= share * text[kind]["recall"], (kind, res[kind], misses[kind]["not_found"][:3])
        assert res[kind]["precision"] >= 0.90, (kind, res[kind], misses[kind]["unmatched_output"][:3])
