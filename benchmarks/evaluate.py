"""Score lkjip against the hand-made gold of the sample reports, text and PDF separately, and of the dev set.

    python benchmarks/evaluate.py [--gold-dir ../shared/gold] [--formats txt,pdf] [--out data/out/eval]
                                  [--devset benchmarks/devset]

For each format, the sample inputs in data/raw/ of that format are extracted with the `lkjip`
command into OUT/<format>/, then ../shared/eval/score.py is run on each gold file. Prints the
scorer's lines and the wall time per format. When DEVSET holds reports (*.txt) with gold
(DEVSET/gold/*.json, the format of ../shared/gold), they are extracted as text into OUT/devset/ and
scored too. A compact table closes the run: per report, recall/precision of measurements, budget
rows and (error/warning) flags, with the mean over the samples and over the dev set.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
KINDS = (("measurements", "meas"), ("budget", "budget"), ("flags", "flags"))


def _load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("lkjip_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cell(x: float | None) -> str:
    return "  -  " if x is None else f"{x:5.3f}"


def _mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def summary(title: str, results: list[dict[str, Any]]) -> list[str]:
    """Rows of the compact table: per report R/P of measurements, budget and flags, then the mean."""
    head = f"{title:28s} " + " ".join(f"{name + ' R':>8s} {name + ' P':>8s}" for _, name in KINDS)
    lines = [head]
    for r in results:
        lines.append(f"{r['source'][:28]:28s} " + " ".join(
            f"{_cell(r[k]['recall']):>8s} {_cell(r[k]['precision']):>8s}" for k, _ in KINDS))
    if len(results) > 1:
        lines.append(f"{'mean':28s} " + " ".join(
            f"{_cell(_mean([r[k]['recall'] for r in results])):>8s} "
            f"{_cell(_mean([r[k]['precision'] for r in results])):>8s}" for k, _ in KINDS))
    return lines


def devset_pairs(devset: Path) -> list[tuple[Path, dict[str, Any]]]:
    """(report .txt, gold) for each dev-set gold file whose report is there."""
    pairs = []
    for gold_path in sorted((devset / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = devset / (gold.get("seed") or f"{gold_path.stem}.txt")
        if text.exists():
            pairs.append((text, gold))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold-dir", type=Path, default=ROOT.parent / "shared" / "gold")
    parser.add_argument("--raw", type=Path, default=ROOT / "data" / "raw")
    parser.add_argument("--formats", default="txt,pdf")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "out" / "eval")
    parser.add_argument("--misses", type=int, default=0)
    parser.add_argument("--devset", type=Path, default=ROOT / "benchmarks" / "devset")
    args = parser.parse_args(argv)
    scorer = args.gold_dir.parent / "eval" / "score.py"
    golds = sorted(args.gold_dir.glob("*.json"))
    if not golds or not scorer.exists():
        print(f"no gold files or scorer under {args.gold_dir.parent}", file=sys.stderr)
        return 2
    lkjip = Path(sys.executable).with_name("lkjip")
    score = _load_scorer(scorer).score
    tables: list[str] = []
    for fmt in args.formats.split(","):
        inputs = [args.raw / f"{g.stem}.{fmt}" for g in golds if (args.raw / f"{g.stem}.{fmt}").exists()]
        if not inputs:
            continue
        out = args.out / fmt
        start = time.perf_counter()
        subprocess.run([str(lkjip), "extract", *map(str, inputs), "-o", str(out), "--quiet"], check=False)
        elapsed = time.perf_counter() - start
        print(f"== {fmt}: {len(inputs)} file(s) in {elapsed:.2f} s")
        for gold in golds:
            cmd = [sys.executable, str(scorer), str(gold), str(out)]
            if args.misses:
                cmd += ["--misses", str(args.misses)]
            subprocess.run(cmd, check=False)
        results = [score(json.loads(g.read_text(encoding="utf-8")), out, g.stem)[0] for g in golds]
        tables += [*summary(f"samples ({fmt})", results), ""]
    # the dev set (developed against), then the held-out sets (written later, scored as they come)
    for label, folder in (("dev set", args.devset), ("holdout", ROOT / "benchmarks" / "holdout"),
                          ("holdout 2", ROOT / "benchmarks" / "holdout2"),
                          ("holdout 3", ROOT / "benchmarks" / "holdout3"),
                          ("holdout 4", ROOT / "benchmarks" / "holdout4")):
        tables += _score_set(label, folder, args, lkjip, score)
    if tables:
        print("== summary (recall R, precision P; flags of severity error/warning)")
        print("\n".join(tables).rstrip())
    return 0


def _score_set(label: str, folder: Path, args: argparse.Namespace, lkjip: Path, score: Any) -> list[str]:
    pairs = devset_pairs(folder)
    if not pairs:
        return []
    out = args.out / folder.name
    start = time.perf_counter()
    subprocess.run([str(lkjip), "extract", *(str(t) for t, _ in pairs), "-o", str(out), "--quiet"], check=False)
    print(f"== {label} (txt): {len(pairs)} file(s) in {time.perf_counter() - start:.2f} s")
    results = []
    for text, gold in pairs:
        res, misses = score(gold, out, text.stem)
        results.append(res)
        for k in ("measurements", "budget", "flags"):
            for g in misses[k]["not_found"][:args.misses]:
                print(f"{text.stem} MISS {k}: {json.dumps(g, ensure_ascii=False)[:300]}")
            for o in misses[k]["unmatched_output"][:args.misses]:
                print(f"{text.stem} EXTRA {k}: {json.dumps(o, ensure_ascii=False)[:300]}")
    return [*summary(f"{label} (txt)", results), ""]


if __name__ == "__main__":
    sys.exit(main())
