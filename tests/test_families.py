"""One small converted-text report per LKjIP table family (tests/fixtures/families/, see its README).

Each fixture's gold was written by hand from the public formats (PermenPAN-RB 53/2014, Permendagri
90/2019 codes, Permendagri 86/2017 form E.81), not from what the tool does. The tool runs once per
session over all fixtures (`lkjip extract`, as a batch job would) and every fixture is scored with
../shared/eval/score.py's own matching: measurement and budget recall and precision must be 1.0,
every gold inconsistency must be flagged, and no error/warning flag may go beyond the gold.

A fixture the tool gets wrong today is marked xfail(strict=True) with what goes wrong, so the suite
stays green and a fix shows up as XPASS (then drop the mark).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from cli_runner import extract_cli

ROOT = Path(__file__).resolve().parent.parent
FAMILIES = ROOT / "tests" / "fixtures" / "families"

# fixtures the tool gets wrong today: name -> what goes wrong (none at present)
XFAIL: dict[str, str] = {}

NAMES = sorted(p.stem for p in FAMILIES.glob("*.json"))


def _param(name: str) -> Any:
    if name in XFAIL:
        return pytest.param(name, marks=pytest.mark.xfail(reason=XFAIL[name], strict=True))
    return name


def _gold(name: str) -> dict[str, Any]:
    return json.loads((FAMILIES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def families_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every fixture through `lkjip extract` once, into one output folder."""
    out = tmp_path_factory.mktemp("families_out")
    extract_cli([FAMILIES / f"{n}.txt" for n in NAMES], out, timeout=120)
    return out


def test_fixtures_are_paired() -> None:
    assert len(NAMES) >= 15
    for name in NAMES:
        assert (FAMILIES / f"{name}.txt").is_file(), name
        gold = _gold(name)
        assert gold["seed"] == f"{name}.txt"
        n_lines = len((FAMILIES / f"{name}.txt").read_text(encoding="utf-8").splitlines())
        assert 10 <= n_lines <= 40, (name, n_lines)
        for key in ("measurements", "budget", "inconsistencies"):
            assert all(1 <= r["line"] <= n_lines for r in gold[key]), (name, key)


@pytest.mark.parametrize("name", [_param(n) for n in NAMES])
def test_family(name: str, scorer: ModuleType, families_out: Path) -> None:
    res, misses = scorer.score(_gold(name), families_out, name)
    problems = []
    for part in ("measurements", "budget"):
        r = res[part]
        if r["gold"] and r["recall"] != 1.0:
            problems.append(f"{part}: missed {json.dumps(misses[part]['not_found'], ensure_ascii=False)[:600]}")
        if r["output"] and r["precision"] != 1.0:
            extra = [{k: o.get(k) for k in ("line", "level", "indikator", "uraian", "target", "realisasi", "pagu")
                      if o.get(k) not in (None, "")} for o in misses[part]["unmatched_output"]]
            problems.append(f"{part}: extra {json.dumps(extra, ensure_ascii=False)[:600]}")
    f = res["flags"]
    if f["gold"] and f["recall"] != 1.0:
        problems.append(f"flags: not raised {[(g['line'], g['kind']) for g in misses['flags']['not_found']]}")
    if f["output"] and f["precision"] != 1.0:
        problems.append("flags: false " + "; ".join(
            f"{o.get('line')} {o.get('kind')} {o.get('severity')}: {(o.get('message') or '')[:200]}"
            for o in misses["flags"]["unmatched_output"]))
    assert not problems, f"{name}:\n" + "\n".join(problems)


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", (s or "").lower())


@pytest.mark.parametrize("name", NAMES)
def test_family_document(name: str, families_out: Path) -> None:
    """instansi / wilayah / tahun from the cover line (compared word by word: punctuation aside)."""
    import csv

    with (families_out / "documents.csv").open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if Path(r["source_file"]).stem == name]
    assert len(rows) == 1
    doc, gold = rows[0], _gold(name)["doc"]
    assert _words(doc["instansi"]) == _words(gold["instansi"])
    assert _words(doc["wilayah"]) == _words(gold["wilayah"])
    assert int(float(doc["tahun"])) == gold["tahun"]
