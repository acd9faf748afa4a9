"""Batch benchmark: a collection of reports through `lkjip extract` at 1 and 2 workers, then a no-op re-run.

The collection (built in a temporary folder): TEXT text reports and PDFS PDF reports made from the
sample reports (data/raw) and the dev set (benchmarks/devset), each a distinct file (a unique line
or trailing comment appended, so none is a copy), plus broken files (empty, random bytes, a
truncated PDF) and exact copies of a few reports. Each run starts from an empty output folder
(no cache), with the default options (reports included). Reported: wall time, files/s, pages/s,
the speed-up of 2 workers over 1, peak resident memory of a worker (from manifest.json), the
no-op re-run's time against the first run's, and whether every run wrote the same CSV bytes.

    python benchmarks/batch_bench.py [--text 200] [--pdfs 20] [--write BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LKJIP = [sys.executable, "-m", "pipeline"]
SPEED_UP_BAR = 1.6
NOOP_BAR = 0.10


def build(folder: Path, n_text: int, n_pdf: int) -> dict[str, int]:
    texts = sorted((ROOT / "data" / "raw").glob("*.txt")) + sorted((ROOT / "benchmarks" / "devset").glob("*.txt"))
    pdfs = sorted((ROOT / "data" / "raw").glob("*.pdf"))
    folder.mkdir(parents=True)
    for k in range(n_text):
        src = texts[k % len(texts)]
        data = src.read_bytes() + f"\nCatatan arsip: berkas {k:04d}\n".encode()
        (folder / f"t{k:04d}_{src.stem[:12]}.txt").write_bytes(data)
    for k in range(n_pdf):
        src = pdfs[k % len(pdfs)]
        (folder / f"p{k:03d}_{src.stem[:12]}.pdf").write_bytes(src.read_bytes() + f"\n% copy {k}\n".encode())
    broken = folder / "broken"
    broken.mkdir()
    (broken / "empty.txt").write_bytes(b"")
    (broken / "random.pdf").write_bytes(random.Random(1).randbytes(20000))
    (broken / "truncated.pdf").write_bytes(pdfs[0].read_bytes()[:3000])
    copies = folder / "copies"
    copies.mkdir()
    for k in range(3):
        shutil.copy(folder / f"t{k:04d}_{texts[k % len(texts)].stem[:12]}.txt", copies / f"copy_{k}.txt")
    shutil.copy(folder / f"p000_{pdfs[0].stem[:12]}.pdf", copies / "copy_p.pdf")
    return {"text": n_text, "pdf": n_pdf, "broken": 3, "copies": 4}


def snapshot(folder: Path) -> Path:
    """The tool's sources copied once: an edit to the working tree during the benchmark changes nothing
    (the cache key holds a hash of the sources, so an edit between runs would make the re-run read again)."""
    for package in ("extractors", "pipeline", "schemas"):
        shutil.copytree(ROOT / package, folder / package, ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def run(inputs: Path, out: Path, workers: int, *extra: str, cwd: Path = ROOT) -> tuple[float, int, dict]:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    proc = subprocess.run([*LKJIP, "extract", str(inputs), "-o", str(out), "--workers", str(workers), "-q",
                           *extra], cwd=cwd, capture_output=True, text=True)
    seconds = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if "Traceback" in proc.stderr:
        raise SystemExit(f"traceback in the run:\n{proc.stderr[-3000:]}")
    manifest = json.loads((out / "manifest.json").read_text()) if (out / "manifest.json").exists() else {}
    manifest["cpu_seconds"] = cpu
    return seconds, proc.returncode, manifest


def csvs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{platform.system()} {platform.machine()}, {len(os.sched_getaffinity(0))} cores ({cpu or 'unknown cpu'}), "
            f"{mem:.0f} GiB, Python {platform.python_version()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--text", type=int, default=200)
    parser.add_argument("--pdfs", type=int, default=20)
    parser.add_argument("--write", type=Path, help="append the results to this Markdown file (BENCHMARKS.md)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lkjip-batch-") as tmp:
        inputs = Path(tmp) / "in"
        made = build(inputs, args.text, args.pdfs)
        code_dir = snapshot(Path(tmp) / "code")
        n_files = sum(made.values())
        rows = []
        results: dict[int, tuple[float, dict]] = {}
        outputs = {}
        for workers in (1, 2):
            out = Path(tmp) / f"out{workers}"
            seconds, code, manifest = run(inputs, out, workers, cwd=code_dir)
            stats = manifest.get("stats", {})
            results[workers] = (seconds, manifest)
            outputs[workers] = csvs(out)
            pages = stats.get("pages_read", 0)
            rows.append((f"{workers} worker{'s' if workers > 1 else ''}", seconds, code, n_files / seconds,
                         pages / seconds, stats.get("peak_worker_rss_mb", 0.0), manifest["cpu_seconds"]))
            print(f"{rows[-1][0]}: {seconds:.1f} s, exit {code}, {rows[-1][3]:.2f} files/s, {rows[-1][4]:.1f} pages/s, "
                  f"peak worker {rows[-1][5]:.0f} MB", flush=True)
        out2 = Path(tmp) / "out2"
        noop, code, manifest = run(inputs, out2, 2, cwd=code_dir)
        rows.append(("no-op re-run (2 workers)", noop, code, n_files / noop, 0.0, 0.0, manifest["cpu_seconds"]))
        print(f"no-op re-run: {noop:.1f} s, exit {code}", flush=True)
        same = outputs[1] == outputs[2] == csvs(out2)
        docs = (out2 / "documents.csv").read_text().splitlines()
        import csv

        with open(out2 / "documents.csv", encoding="utf-8") as fh:
            doc_rows = list(csv.DictReader(fh))
        with open(out2 / "errors.csv", encoding="utf-8") as fh:
            n_errors = sum(1 for _ in csv.DictReader(fh))
        unique = len({r["doc_id"] for r in doc_rows}) == len(doc_rows)
        n_dup = sum(1 for r in doc_rows if r["status"] == "duplicate")
        speed_up = results[1][0] / results[2][0]
        noop_share = noop / results[2][0]
    verdict = [
        f"- 2 workers vs 1: {speed_up:.2f}x (bar >= {SPEED_UP_BAR}x): {'pass' if speed_up >= SPEED_UP_BAR else 'FAIL'}",
        f"- no-op re-run: {noop:.1f} s = {noop_share:.1%} of the first 2-worker run (bar < {NOOP_BAR:.0%}): "
        f"{'pass' if noop_share < NOOP_BAR else 'FAIL'}",
        f"- CSVs byte-identical across 1 worker, 2 workers and the re-run: {'yes' if same else 'NO'}",
        f"- documents.csv rows: {len(docs) - 1} for {n_files} inputs, doc_id unique: {'yes' if unique else 'NO'}, "
        f"{n_dup} duplicate(s), {n_errors} row(s) in errors.csv; exit code {code} (3: the broken files)",
    ]
    table = ["| run | wall s | CPU s (all processes) | exit | files/s | pages/s | peak worker MB |",
             "|---|---|---|---|---|---|---|"]
    table += [f"| {r[0]} | {r[1]:.1f} | {r[6]:.1f} | {r[2]} | {r[3]:.2f} | {r[4]:.1f} | {r[5]:.0f} |" for r in rows]
    load = os.getloadavg()
    text = "\n".join([
        f"## Batch benchmark ({time.strftime('%Y-%m-%d')})", "",
        f"Machine: {machine()}.  ",
        f"Command: `make bench` (`python benchmarks/batch_bench.py --text {args.text} --pdfs {args.pdfs}`).  ",
        f"Inputs: {made['text']} text reports, {made['pdf']} PDF reports, {made['broken']} broken files, "
        f"{made['copies']} exact copies ({n_files} files); default options, reports included, empty output "
        "folder for each of the first two runs.  ",
        f"Load average at the end: {load[0]:.2f} on {len(os.sched_getaffinity(0))} cores (other jobs may share the "
        "machine; CPU s / wall s shows the cores a run got).", "", *table, "", *verdict, ""])
    print(text)
    if args.write:
        with open(args.write, "a", encoding="utf-8") as fh:
            fh.write("\n" + text)


if __name__ == "__main__":
    main()
