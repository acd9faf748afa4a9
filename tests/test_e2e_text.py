"""End to end on the bundled sample text reports and the dev set of other agencies' reports.

Each report runs through `lkjip extract` once and is scored against its hand-made gold with
../shared/eval/score.py. The bars are the issue's, as regression guards: the samples must keep their
rows and flags; the dev set (benchmarks/devset, reports of agencies written from the public format,
never special-cased) must keep the unseen-report bar. Layout details of one report are tested by the
family fixtures (tests/test_families.py), not here.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from cli_runner import extract_cli

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
SAMPLES_GOLD = ROOT.parent / "shared" / "gold"
DEVSET = ROOT / "benchmarks" / "devset"

SAMPLES = sorted(p.stem for p in RAW.glob("*.txt"))
DEV = sorted(p.stem for p in (DEVSET / "gold").glob("*.json"))


@pytest.fixture(scope="module")
def samples_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples_out")
    extract_cli([RAW / f"{s}.txt" for s in SAMPLES], out)
    return out


@pytest.fixture(scope="module")
def dev_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dev_out")
    extract_cli([DEVSET / f"{s}.txt" for s in DEV], out)
    return out


def _gold(path: Path) -> dict:
    if not path.is_file():
        pytest.skip(f"no gold at {path}")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", SAMPLES)
def test_sample_rows_and_flags(stem: str, scorer: ModuleType, samples_out: Path) -> None:
    res, misses = scorer.score(_gold(SAMPLES_GOLD / f"{stem}.json"), samples_out, stem)
    assert res["measurements"]["recall_easy"] >= 0.95 and res["measurements"]["precision"] >= 0.95, res
    assert res["budget"]["recall"] >= 0.95 and res["budget"]["precision"] >= 0.95, res
    assert res["flags"]["recall"] >= 0.80, misses["flags"]["not_found"]
    assert res["flags"]["precision"] >= 0.90, misses["flags"]["unmatched_output"]


@pytest.mark.parametrize("stem", DEV)
def test_unseen_agency_rows_and_flags(stem: str, scorer: ModuleType, dev_out: Path) -> None:
    res, misses = scorer.score(_gold(DEVSET / "gold" / f"{stem}.json"), dev_out, stem)
    for part in ("measurements", "budget"):
        assert res[part]["recall"] >= 0.85, (part, misses[part]["not_found"][:5])
        assert res[part]["precision"] >= 0.95, (part, misses[part]["unmatched_output"][:5])
    assert res["flags"]["recall"] >= 0.50, misses["flags"]["not_found"]
    # per report a floor only: the dev golds disagree with the samples' on whether a capaian wrong by its
    # own row and printed right elsewhere is one finding or two (the samples list both); pooled below
    assert res["flags"]["precision"] >= 0.60, misses["flags"]["unmatched_output"]


def test_unseen_agencies_flags_pooled(scorer: ModuleType, dev_out: Path) -> None:
    right = out = 0
    for stem in DEV:
        res, _ = scorer.score(_gold(DEVSET / "gold" / f"{stem}.json"), dev_out, stem)
        right, out = right + res["flags"]["correct"], out + res["flags"]["output"]
    assert out and right / out >= 0.85, (right, out)


def test_metadata(samples_out: Path) -> None:
    import csv

    with (samples_out / "documents.csv").open(newline="", encoding="utf-8") as fh:
        docs = {Path(r["source_file"]).stem: r for r in csv.DictReader(fh)}
    for stem in SAMPLES:
        gold = _gold(SAMPLES_GOLD / f"{stem}.json")["doc"]
        assert (docs[stem]["wilayah"], int(float(docs[stem]["tahun"]))) == (gold["wilayah"], gold["tahun"])
        assert docs[stem]["instansi"].lower() == gold["instansi"].lower()
