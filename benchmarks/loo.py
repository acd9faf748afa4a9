"""Leave-one-out: settings tuned without a report, scored on it.

    python benchmarks/loo.py [--gold-dir ../shared/gold] [--seeds ../shared/seeds]
                             [--devset benchmarks/devset] [--out data/out/eval/loo] [--grid NAME=V1,V2,...]

A small grid of the tunable settings of ``extractors/settings.py`` (those of GRID that exist) is run:
every report (the sample texts with their gold, plus the dev-set texts whose gold is present) is
extracted once per combination, in this process (``harness.py``), and scored with
``../shared/eval/score.py``'s ``score()``. A report's score is the mean of measurement recall, budget
recall and flag F1, less 5 x the shortfall of measurement or budget precision below 0.95 (a tuned
rule that reads more rows but wrong ones must lose). Then for each report the combination with the
best mean score on the OTHER reports is chosen and scored on the held-out report, beside the
combination best on all reports and beside DEFAULT. A held-out score well below the all-data one
means the setting fits the reports it was tuned on, not the format.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

ROOT = harness.ROOT
PRECISION_BAR = 0.95
PENALTY = 5.0

# candidate settings and values around their defaults; the ones missing from Settings are skipped
# (the first MAX_SETTINGS that exist are used; values reach past the default on the strict side, where
# a setting changes what is read on the sample and dev reports)
GRID: dict[str, list[float]] = {
    "confidence.flag_min": [0.4, 0.5, 0.6, 0.7],
    "arith.share": [0.5, 0.6, 0.75],
    "arith.discover_share": [0.7, 0.8, 0.9],
    "types.majority": [0.6, 0.75, 0.9],
    "arith.rel_tol": [0.005, 0.01, 0.03],
    "totals.lone_child_ratio": [0.3, 0.5, 0.7],
}
MAX_SETTINGS = 3  # 4 x 3 x 3 = 36 combinations: a few minutes over the samples and dev set

Combo = tuple[tuple[str, float], ...]


@dataclass
class Scores:
    m_recall: float | None
    m_precision: float | None
    b_recall: float | None
    b_precision: float | None
    f_recall: float | None
    f_precision: float | None

    @property
    def f1(self) -> float | None:
        r, p = self.f_recall, self.f_precision
        if r is None and p is None:
            return None
        r, p = r or 0.0, p or 0.0
        return 0.0 if r + p == 0 else 2 * r * p / (r + p)

    @property
    def combined(self) -> float:
        parts = [x for x in (self.m_recall, self.b_recall, self.f1) if x is not None]
        value = sum(parts) / len(parts) if parts else 0.0
        for p in (self.m_precision, self.b_precision):
            if p is not None and p < PRECISION_BAR:
                value -= PENALTY * (PRECISION_BAR - p)
        return value


def scores_of(result: dict[str, Any]) -> Scores:
    m, b, f = result["measurements"], result["budget"], result["flags"]
    return Scores(m["recall"], m["precision"], b["recall"], b["precision"], f["recall"], f["precision"])


def reports(gold_dir: Path, seeds: Path, devset: Path) -> list[tuple[Path, Path]]:
    pairs = harness.gold_sets(gold_dir, seeds)
    if (devset / "gold").is_dir():
        pairs += harness.gold_sets(devset / "gold", devset)
    return pairs


def grid(spec: list[str], available: dict[str, Any]) -> dict[str, list[float]]:
    chosen: dict[str, list[float]] = {}
    if spec:
        for item in spec:
            name, _, values = item.partition("=")
            if name not in available:
                raise SystemExit(f"unknown setting '{name}'")
            chosen[name] = [float(v) for v in values.split(",") if v]
        return chosen
    for name, values in GRID.items():
        if name in available and len(chosen) < MAX_SETTINGS:
            chosen[name] = values
    return chosen


def label(combo: Combo, default: dict[str, Any]) -> str:
    changed = [f"{k}={v:g}" for k, v in combo if v != default.get(k)]
    return ",".join(changed) or "DEFAULT"


def fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:5.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold-dir", type=Path, default=harness.SHARED / "gold")
    parser.add_argument("--seeds", type=Path, default=harness.SHARED / "seeds")
    parser.add_argument("--devset", type=Path, default=ROOT / "benchmarks" / "devset")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "out" / "eval" / "loo")
    parser.add_argument("--grid", action="append", default=[], help="NAME=V1,V2,... (repeatable)")
    args = parser.parse_args(argv)
    pairs = reports(args.gold_dir, args.seeds, args.devset)
    if len(pairs) < 2:
        print("leave-one-out needs at least two reports with gold", file=sys.stderr)
        return 2
    start = time.perf_counter()
    harness.load_pipeline()
    from extractors.settings import DEFAULT

    scorer = harness.load_scorer(args.gold_dir.parent / "eval" / "score.py")
    default = DEFAULT.as_dict()
    tunable = grid(args.grid, default)
    if not harness.accepts_settings():
        print("note: pipeline.run.extract_document does not take settings yet; only DEFAULT is scored")
        tunable = {}
    names = list(tunable)
    combos: list[Combo] = [tuple(zip(names, values, strict=True))
                           for values in itertools.product(*(tunable[n] for n in names))]
    base: Combo = tuple((n, float(default[n])) for n in names)
    if base not in combos:
        combos.append(base)
    golds = {text.stem: json.loads(gold.read_text(encoding="utf-8")) for text, gold in pairs}
    texts = [text for text, _ in pairs]
    table: dict[Combo, dict[str, Scores]] = {}
    outputs: set[str] = set()
    for k, combo in enumerate(combos):
        settings = DEFAULT.override(**dict(combo)) if combo else DEFAULT
        out = args.out / f"c{k:03d}"
        harness.write(harness.extract(texts, settings), out)
        table[combo] = {stem: scores_of(scorer.score(gold, out, stem)[0]) for stem, gold in golds.items()}
        (out / "settings.json").write_text(json.dumps(dict(combo)), encoding="utf-8")
        outputs.add("".join(hashlib.sha256((out / f"{t}.csv").read_bytes()).hexdigest()
                            for t in ("measurements", "budget", "flags")))

    def mean_on(combo: Combo, stems: list[str]) -> float:
        return sum(table[combo][s].combined for s in stems) / len(stems)

    def best(stems: list[str]) -> Combo:
        # ties go to the combination that changes the fewest settings, then to the grid order
        return max(combos, key=lambda c: (round(mean_on(c, stems), 6), -sum(v != default[n] for n, v in c)))

    stems = list(golds)
    overall = best(stems)
    print(f"== leave-one-out over {len(stems)} report(s), {len(combos)} setting combination(s) "
          f"of {', '.join(names) or '(none)'}: {len(outputs)} distinct output(s)")
    head = (f"{'report':28s} {'held-out':>8s} {'all-data':>8s} {'DEFAULT':>8s}   "
            f"{'m R':>5s} {'m P':>5s} {'b R':>5s} {'b P':>5s} {'f F1':>5s}  tuned without it")
    print(head)
    rows = []
    for stem in stems:
        others = [s for s in stems if s != stem]
        chosen = best(others)
        held = table[chosen][stem]
        rows.append((held.combined, table[overall][stem].combined, table[base][stem].combined))
        print(f"{stem[:28]:28s} {held.combined:8.3f} {rows[-1][1]:8.3f} {rows[-1][2]:8.3f}   "
              f"{fmt(held.m_recall)} {fmt(held.m_precision)} {fmt(held.b_recall)} {fmt(held.b_precision)} "
              f"{fmt(held.f1)}  {label(chosen, default)}")
    n = len(rows)
    print(f"{'mean':28s} {sum(r[0] for r in rows) / n:8.3f} {sum(r[1] for r in rows) / n:8.3f} "
          f"{sum(r[2] for r in rows) / n:8.3f}")
    print(f"best on all reports: {label(overall, default)}; score = mean(m recall, b recall, flag F1) "
          f"- {PENALTY:g} x (0.95 - precision) for m/b precision below 0.95; {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
