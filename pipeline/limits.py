"""Limits per file: time, memory per worker, pages, and pixels of a page rasterised for OCR.

The defaults never stop a normal report (a 300-page PDF, a few MB of text, A3 scans at 300 dpi);
they are there so that one hostile file cannot stall or take down a batch. Time and memory are
enforced by the supervisor in the parent process (`pipeline.pool`), which ends the worker holding
the file; pages are checked before a PDF is read; the pixel cap lowers the OCR dpi of a huge page.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path

DEFAULT_TIMEOUT = 1800.0  # seconds per file: a long scanned report with OCR takes minutes, not half an hour
DEFAULT_MAX_MEMORY = 4000  # MB per worker (resident): the largest sample PDF peaks well under 1 GB
DEFAULT_MAX_PAGES = 2000  # LKjIP reports run to 50-400 pages, with annexes rarely past 1,000
DEFAULT_MAX_PIXELS = 60_000_000  # an A2 page at 300 dpi is 35 Mpx; a greyscale page stays under 60 MB


@dataclass(frozen=True)
class Limits:
    """Per-file limits; 0 or None switches one off."""

    timeout: float | None = DEFAULT_TIMEOUT
    max_memory: int | None = DEFAULT_MAX_MEMORY  # MB, resident, per worker
    max_pages: int | None = DEFAULT_MAX_PAGES
    max_pixels: int | None = DEFAULT_MAX_PIXELS

    def as_dict(self) -> dict[str, float | int | None]:
        return asdict(self)


NONE = Limits(timeout=None, max_memory=None, max_pages=None, max_pixels=None)


def rss_mb(pid: int) -> float:
    """Resident memory of process `pid` in MB (0 when it is gone or unreadable)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            resident = int(fh.read().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return resident * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_rss_mb(pid: int | str = "self") -> float:
    """Peak resident memory of a process so far, in MB (VmHWM; 0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1000
    except (OSError, ValueError):
        pass
    return 0.0


def pdf_pages(path: Path) -> int | None:
    """The page count of a PDF without parsing its pages (None when it cannot be opened)."""
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
    except Exception:  # the reader will say why it cannot be opened
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def apply_in_worker(limits: Limits) -> None:
    """Settings a worker process takes from the limits before reading any file (the OCR pixel cap)."""
    import pipeline.run
    from extractors import ocr

    ocr.MAX_PIXELS = limits.max_pixels or 0
    pipeline.run.MAX_PAGES = limits.max_pages or 0
