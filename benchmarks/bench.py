"""Speed of the PDF path, in one run on the same PDFs:

- lkjip end to end (read, assemble, understand, normalise, check) per file — or, while
  ``pipeline.run.extract_document`` raises NotImplementedError, the PDF reader alone (said so);
- lkjip's PDF reader alone (``extractors.pdf_reader.read_pdf``), for reference;
- pdfplumber's ``page.extract_tables()`` alone over every page;
- camelot lattice alone over every page, with the vector engine (rulings read from the PDF, no
  page rendering: ``camelot.read_pdf(..., flavor="lattice", engine="vector")``, camelot >= 2).

Bars: lkjip end to end at least as fast as pdfplumber's extract_tables() (ratio >= 1.0) and at
least 3x faster than camelot lattice.

    python benchmarks/bench.py [PDF ...]   (default: data/raw/*.pdf)
    python benchmarks/bench.py --no-camelot --text
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLUMBER_BAR = 1.0
CAMELOT_BAR = 3.0


def _pages(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for p in paths:
        doc = pdfium.PdfDocument(str(p))
        total += len(doc)
        doc.close()
    return total


def _timed(run: Callable[[Path], object], paths: list[Path]) -> float:
    start = time.perf_counter()
    for p in paths:
        run(p)
    return time.perf_counter() - start


def time_lkjip(paths: list[Path]) -> tuple[float, str]:
    """End to end, or the reader alone while the later stages are not written yet."""
    from extractors.pdf_reader import read_pdf
    from pipeline.run import extract_document

    try:
        return _timed(extract_document, paths), "end to end"
    except NotImplementedError:
        return _timed(read_pdf, paths), "read_pdf only (pipeline not implemented yet)"


def time_reader(paths: list[Path]) -> float:
    from extractors.pdf_reader import read_pdf

    return _timed(read_pdf, paths)


def time_pdfplumber(paths: list[Path]) -> float:
    import pdfplumber

    def run(p: Path) -> None:
        with pdfplumber.open(p) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                page.flush_cache()

    return _timed(run, paths)


def time_camelot(paths: list[Path]) -> tuple[float, str]:
    import camelot

    engine = "vector"

    def run(p: Path) -> None:
        nonlocal engine
        try:
            camelot.read_pdf(str(p), pages="all", flavor="lattice", engine=engine)
        except TypeError:  # a camelot without the vector engine
            engine = "raster"
            camelot.read_pdf(str(p), pages="all", flavor="lattice")

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _timed(run, paths), engine


def _line(name: str, seconds: float, pages: int) -> str:
    return f"{name:<34}{seconds:8.2f} s {pages / seconds:8.1f} pages/s"


def _verdict(ratio: float, bar: float) -> str:
    return "PASS" if ratio >= bar else "FAIL"


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
    print(f"{len(paths)} PDF(s), {pages} pages")
    ours, what = time_lkjip(paths)
    reader = time_reader(paths)
    plumber = time_pdfplumber(paths)
    print(_line(f"lkjip {what}", ours, pages))
    print(_line("lkjip read_pdf alone", reader, pages))
    print(_line("pdfplumber extract_tables", plumber, pages))
    print(f"ratio pdfplumber / lkjip          {plumber / ours:8.2f}   bar >= {PLUMBER_BAR}: "
          f"{_verdict(plumber / ours, PLUMBER_BAR)}  (reader alone: {plumber / reader:.2f})")
    if not args.no_camelot:
        cam, engine = time_camelot(paths)
        print(_line(f"camelot lattice ({engine})", cam, pages))
        print(f"ratio camelot / lkjip             {cam / ours:8.2f}   bar >= {CAMELOT_BAR}: "
              f"{_verdict(cam / ours, CAMELOT_BAR)}  (reader alone: {cam / reader:.2f})")
    if args.text:
        texts = sorted((ROOT / "data" / "raw").glob("*.txt"))
        if texts:
            from pipeline.run import extract_document

            print(f"lkjip on {len(texts)} text report(s): {_timed(extract_document, texts):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
