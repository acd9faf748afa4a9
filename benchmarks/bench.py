"""Speed of the PDF path, in one run on the same PDFs:

- lkjip end to end (read, assemble, understand, normalise, check) per file;
- pdfplumber's page.extract_tables() alone over every page;
- camelot lattice alone over every page (vector-only backend, no page rendering, where available).

    python benchmarks/bench.py [PDF ...]   (default: data/raw/*.pdf)
    python benchmarks/bench.py --text      (also time the converted-text reports in data/raw/*.txt)
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _pages(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for p in paths:
        doc = pdfium.PdfDocument(str(p))
        total += len(doc)
        doc.close()
    return total


def time_lkjip(paths: list[Path]) -> float:
    from pipeline.run import extract_document

    start = time.perf_counter()
    for p in paths:
        extract_document(p)
    return time.perf_counter() - start


def time_pdfplumber(paths: list[Path]) -> float:
    import pdfplumber

    start = time.perf_counter()
    for p in paths:
        with pdfplumber.open(p) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                page.flush_cache()
    return time.perf_counter() - start


def time_camelot(paths: list[Path]) -> tuple[float, str]:
    import camelot

    engine = "vector"  # render-free line detection from the PDF's own rulings
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for p in paths:
            try:
                camelot.read_pdf(str(p), pages="all", flavor="lattice", engine=engine)
            except TypeError:  # a camelot without the vector engine
                engine = "raster"
                camelot.read_pdf(str(p), pages="all", flavor="lattice")
    return time.perf_counter() - start, engine


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--text", action="store_true", help="also time the text reports in data/raw")
    parser.add_argument("--no-camelot", action="store_true")
    args = parser.parse_args(argv)
    paths = args.pdfs or sorted((ROOT / "data" / "raw").glob("*.pdf"))
    if not paths:
        print("no PDFs to time", file=sys.stderr)
        return 2
    pages = _pages(paths)
    ours = time_lkjip(paths)
    plumber = time_pdfplumber(paths)
    print(f"{len(paths)} PDF(s), {pages} pages")
    print(f"lkjip end to end          {ours:7.2f} s  {pages / ours:6.1f} pages/s")
    print(f"pdfplumber extract_tables {plumber:7.2f} s  {pages / plumber:6.1f} pages/s")
    print(f"ratio pdfplumber/lkjip    {plumber / ours:7.2f}  (>= 1.0: lkjip at least as fast)")
    if not args.no_camelot:
        cam, engine = time_camelot(paths)
        print(f"camelot lattice ({engine})  {cam:7.2f} s  {pages / cam:6.1f} pages/s")
        print(f"ratio camelot/lkjip       {cam / ours:7.2f}  (>= 3.0 wanted)")
    if args.text:
        texts = sorted((ROOT / "data" / "raw").glob("*.txt"))
        t = time_lkjip(texts)
        print(f"lkjip on {len(texts)} text report(s): {t:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
