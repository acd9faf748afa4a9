"""Score lkjip against the hand-made gold of the sample reports, text and PDF separately.

    python benchmarks/evaluate.py [--gold-dir ../shared/gold] [--formats txt,pdf] [--out data/out/eval]

For each format, the sample inputs in data/raw/ of that format are extracted with the `lkjip`
command into OUT/<format>/, then ../shared/eval/score.py is run on each gold file. Prints the
scorer's lines and the wall time per format.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold-dir", type=Path, default=ROOT.parent / "shared" / "gold")
    parser.add_argument("--raw", type=Path, default=ROOT / "data" / "raw")
    parser.add_argument("--formats", default="txt,pdf")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "out" / "eval")
    parser.add_argument("--misses", type=int, default=0)
    args = parser.parse_args(argv)
    scorer = args.gold_dir.parent / "eval" / "score.py"
    golds = sorted(args.gold_dir.glob("*.json"))
    if not golds or not scorer.exists():
        print(f"no gold files or scorer under {args.gold_dir.parent}", file=sys.stderr)
        return 2
    lkjip = Path(sys.executable).with_name("lkjip")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
