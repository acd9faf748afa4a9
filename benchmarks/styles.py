"""Other agencies' reports in other styles: the dev and held-out texts printed as PDFs by another
exporter, and those PDFs as ``pdftotext -layout`` text, scored against the same gold as the text.

    python benchmarks/styles.py [--styles hrules_landscape,libreoffice_landscape] [--sets devset,holdout,holdout2]
                                [--layout] [--only d07,d11] [--out data/out/styles] [--wide-padding 1.0]

For every report (``<set>/*.txt`` with ``<set>/gold/*.json``) and style, the text is rendered with
``scripts/make_fixtures.render_text`` (reportlab: each run of tab lines one table, columns as wide as their
words allow) or, for the style ``libreoffice_landscape``, by LibreOffice Writer from HTML
(``render_texts_libreoffice``: its own column widths, cells centred vertically), the PDF is extracted, and
with ``--layout`` also its ``pdftotext -layout`` text. Each is scored with ``../shared/eval/score.py`` and
printed beside the text's scores as the issue's ratios: measurement and budget recall as a share of the
text's recall, and precision.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from harness import ROOT, extract, load_pipeline, load_scorer, write

SETS = ("devset", "holdout", "holdout2", "holdout3", "holdout4")
# the bar: a PDF of another style keeps 0.90 of the text's recall, its pdftotext -layout text 0.85;
# precision 0.90 for both
PDF_SHARE, LAYOUT_SHARE, PRECISION = 0.90, 0.85, 0.90
KINDS = ("measurements", "budget")
# another exporter than reportlab: LibreOffice Writer prints the texts as HTML tables with horizontal rules only,
# landscape, DejaVu Serif, its own column autofit and cells centred vertically (style "libreoffice_landscape")
LIBREOFFICE = "libreoffice"
LIBREOFFICE_TOP = "libreofficetop"  # the same with cells set at the top of their rows (Word's default)


def _renderers() -> Any:
    spec = importlib.util.spec_from_file_location("make_fixtures", ROOT / "scripts" / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pairs(sets: list[str], only: set[str]) -> list[tuple[Path, dict[str, Any]]]:
    pairs = []
    for name in sets:
        folder = ROOT / "benchmarks" / name
        for gold_path in sorted((folder / "gold").glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text = folder / (gold.get("seed") or f"{gold_path.stem}.txt")
            if text.exists() and (not only or text.stem.split("_")[0] in only or text.stem in only):
                pairs.append((text, gold))
    return pairs


def _scores(paths: list[Path], golds: list[dict[str, Any]], out: Path, score: Any) -> list[dict[str, Any]]:
    write(extract(paths), out)
    return [score(g, out, p.stem)[0] for p, g in zip(paths, golds, strict=True)]


def _ratio(res: dict[str, Any], base: dict[str, Any], kind: str) -> str:
    r, b, p = res[kind]["recall"], base[kind]["recall"], res[kind]["precision"]
    if r is None or not b:
        return "   -          "
    return f"{r / b:5.2f} P{(p if p is not None else 0):5.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--styles", default="hrules_landscape,norules_landscape,grid_portrait")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--only", default="")
    parser.add_argument("--layout", action="store_true", help="also score the PDFs' pdftotext -layout text")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "out" / "styles")
    parser.add_argument("--wide-padding", type=float, default=1.0,
                        help="cell padding (points) of tables of more than 8 columns, printed 3 pt smaller: 1 pt is "
                             "tighter than any word processor's default (the hardest case); LibreOffice's default "
                             "is 2.8 pt (0.1 cm), Word's 5.4 pt (0.19 cm)")
    parser.add_argument("--reuse", action="store_true",
                        help="score the PDFs and layout texts already in OUT/<style>/in (and OUT/<style>_layout/in) "
                             "instead of printing them again: a reader change measured in seconds")
    args = parser.parse_args(argv)
    load_pipeline()
    score = load_scorer().score
    renderers = _renderers()
    pairs = _pairs(args.sets.split(","), {s for s in args.only.split(",") if s})
    if not pairs:
        print("no reports with gold", file=sys.stderr)
        return 2
    texts, golds = [t for t, _ in pairs], [g for _, g in pairs]
    base = _scores(texts, golds, args.out / "text", score)
    columns: dict[str, list[dict[str, Any]]] = {}
    for style_page in args.styles.split(","):
        style, page = style_page.split("_")
        folder = args.out / style_page / "in"
        reuse = args.reuse and all((folder / f"{t.stem}.pdf").exists() for t in texts)
        if not reuse:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
        if reuse:
            pdfs = [folder / f"{t.stem}.pdf" for t in texts]
        elif style in (LIBREOFFICE, LIBREOFFICE_TOP):
            if not shutil.which("soffice"):
                print(f"{style_page}: skipped, LibreOffice not installed (apt-get install libreoffice-writer-nogui)",
                      file=sys.stderr)
                continue
            pdfs = renderers.render_texts_libreoffice(texts, folder, "top" if style == LIBREOFFICE_TOP else "middle")
        else:
            pdfs = []
            for text in texts:
                pdf = folder / f"{text.stem}.pdf"
                renderers.render_text(text, pdf, style, page, args.wide_padding)
                pdfs.append(pdf)
        columns[style_page] = _scores(pdfs, golds, args.out / style_page / "out", score)
        if args.layout and shutil.which("pdftotext"):
            lay = args.out / f"{style_page}_layout" / "in"
            if not reuse:
                shutil.rmtree(lay, ignore_errors=True)
                lay.mkdir(parents=True)
            for pdf in pdfs if not reuse else []:
                subprocess.run(["pdftotext", "-layout", str(pdf), str(lay / f"{pdf.stem}.txt")], check=True)
            columns[f"{style_page}_layout"] = _scores(sorted(lay.glob("*.txt")), golds,
                                                     args.out / f"{style_page}_layout" / "out", score)
    print("recall as a share of the text's recall, and precision (meas | budget); text: recall meas/budget")
    print(f"{'report':22} {'text':>11}  " + "  ".join(f"{c[:27]:>27}" for c in columns))
    for i, text in enumerate(texts):
        b = base[i]
        head = f"{text.stem[:22]:22} {b['measurements']['recall'] or 0:5.2f}/{b['budget']['recall'] or 0:4.2f}  "
        cells = ["  ".join(_ratio(columns[c][i], b, k) for k in KINDS) for c in columns]
        print(head + "  ".join(f"{c:>27}" for c in cells))
    for c, results in columns.items():
        share = LAYOUT_SHARE if c.endswith("_layout") else PDF_SHARE
        low = [texts[i].stem.split("_")[0] for i, r in enumerate(results)
               if any((r[k]["recall"] is not None and base[i][k]["recall"]
                       and r[k]["recall"] / base[i][k]["recall"] < share)
                      or (r[k]["precision"] is not None and r[k]["precision"] < PRECISION) for k in KINDS)]
        print(f"{c}: {len(texts) - len(low)}/{len(texts)} reports at the bar ({share:.2f} of text recall, "
              f"P {PRECISION:.2f})" + (f"; below: {', '.join(low)}" if low else ""))
        for k in KINDS:  # pooled over the reports: found rows over the text's found rows, and precision
            found = sum(r[k]["found"] for r in results)
            text_found = sum(b[k]["found"] for b in base)
            good, out = sum(r[k]["correct"] for r in results), sum(r[k]["output"] for r in results)
            print(f"  {k}: pooled {found / max(1, text_found):.3f} of the text's recall, precision "
                  f"{good / max(1, out):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
