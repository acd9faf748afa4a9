"""Make a scanned copy of a PDF: every page rendered to an image, no text layer.

    python scripts/rasterise_pdf.py IN.pdf OUT.pdf [--dpi 150] [--pages 1,3-5] [--grey]

Used to measure OCR on a known report (the scanned copy's extraction is scored against the
same gold as the original) and to build the scanned test fixture.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def parse_pages(spec: str | None) -> list[int] | None:
    """"1,3-5" -> [1, 3, 4, 5] (1-based); None or "" -> every page."""
    if not spec:
        return None
    pages: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if "-" in part:
            a, b = part.split("-", 1)
            pages.extend(range(int(a), int(b) + 1))
        elif part:
            pages.append(int(part))
    return pages


def rasterise(src: Path, dst: Path, dpi: int = 150, pages: list[int] | None = None, grey: bool = False) -> int:
    """Write dst with the chosen 1-based pages of src (all by default) as images; the page count."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(src))
    images = []
    try:
        for i in range(len(pdf)):
            if pages is not None and i + 1 not in pages:
                continue
            page = pdf[i]
            image = page.render(scale=dpi / 72).to_pil()
            images.append(image.convert("L" if grey else "RGB"))
            page.close()
    finally:
        pdf.close()
    if not images:
        raise ValueError(f"{src}: no pages to rasterise")
    dst.parent.mkdir(parents=True, exist_ok=True)
    images[0].save(dst, "PDF", resolution=float(dpi), save_all=True, append_images=images[1:])
    return len(images)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("src", type=Path, metavar="IN")
    parser.add_argument("dst", type=Path, metavar="OUT")
    parser.add_argument("--dpi", type=int, default=150)
    parser.add_argument("--pages", help="1-based pages, e.g. 1,3-5 (default: all)")
    parser.add_argument("--grey", action="store_true", help="greyscale images (smaller files)")
    args = parser.parse_args(argv)
    try:
        n = rasterise(args.src, args.dst, args.dpi, parse_pages(args.pages), args.grey)
    except Exception as exc:
        print(f"rasterise_pdf: {args.src}: {exc}", file=sys.stderr)
        return 1
    print(f"{args.dst}: {n} page(s) at {args.dpi} dpi, no text layer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
