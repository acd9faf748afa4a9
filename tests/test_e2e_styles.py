"""End to end on dev-set reports printed by another exporter: their converted texts rendered as PDFs with
horizontal rules only on landscape pages in Times (``scripts/make_fixtures.render_text``), and those PDFs as
``pdftotext -layout`` text, scored against the reports' gold with ../shared/eval/score.py.

Regression guards for the issue's bar on reports the reader reads well today (a PDF keeps 0.90 of the text's
recall, a layout text 0.85, precision 0.90); ``benchmarks/styles.py`` measures all 20 reports in every style.
The layout tests skip where pdftotext (Debian's poppler-utils) is not installed: ``make layout-deps``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest
from printed_reports import print_reports

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "benchmarks" / "devset"
REPORTS = ["d05_kecamatan", "d06_bpbd", "d07_dishub", "d08_rsud"]  # a kecamatan, disaster, transport, hospital
KINDS = ("measurements", "budget")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each report as tab text, as an hrules landscape PDF and as that PDF's layout text, extracted."""
    return print_reports({stem: DEVSET for stem in REPORTS}, tmp_path_factory.mktemp("styles_e2e"))


def _gold(stem: str) -> dict:
    return json.loads((DEVSET / "gold" / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", REPORTS)
@pytest.mark.parametrize(("form", "share"), [("pdf", 0.90), ("layout", 0.85)])
def test_another_exporters_print_keeps_the_texts_rows(stem: str, form: str, share: float, scorer: ModuleType,
                                                      printed: dict[str, Path]) -> None:
    if form == "layout" and shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian's poppler-utils) is not installed: make layout-deps")
    text, _ = scorer.score(_gold(stem), printed["text"], stem)
    res, misses = scorer.score(_gold(stem), printed[form], stem)
    for kind in KINDS:
        assert res[kind]["recall"] >= share * text[kind]["recall"], (kind, res[kind], misses[kind]["not_found"][:3])
        assert res[kind]["precision"] >= 0.90, (kind, res[kind], misses[kind]["unmatched_output"][:3])
