"""Running headers, footers and bare page numbers: found across pages, dropped from the text.

Only lines in the top or bottom band of a page count (words inside ruled tables were already
taken, so a table header repeated at the top of each page is never mistaken for one). A line
is running when its text, with digits blotted out, stands in a band on three or more pages
(two on a short document); a bare page number ("12", "- 3 -", "iv", "Halaman 4 dari 20") in a
band is dropped wherever it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from extractors.pdf_page import PagePart
from extractors.pdf_words import Line
from extractors.text_layout import running_key

BAND = 0.08  # share of the page height at the top and at the bottom
PAGE_NUMBER = regex.compile(
    r"^[\W_]*(?:(?:hal(?:aman)?|page|hlm)\.?\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:dari|of|/)\s*\d{1,4})?[\W_]*$",
    regex.I,
)


def in_band(line: Line, height: float) -> bool:
    return line.top < height * BAND or line.bottom > height * (1 - BAND)


def drop_running(parts: Sequence[PagePart]) -> int:
    """Remove running lines from every part (in place); the number of lines removed."""
    seen: Counter[str] = Counter()
    for part in parts:
        height = part.frame.size[1]
        seen.update({running_key(ln.text) for ln in part.lines if in_band(ln, height)})
    need = 2 if len(parts) <= 4 else 3
    removed = 0
    for part in parts:
        height = part.frame.size[1]
        keep = []
        for ln in part.lines:
            if in_band(ln, height) and (PAGE_NUMBER.match(ln.text) or seen[running_key(ln.text)] >= need):
                removed += 1
                continue
            keep.append(ln)
        part.lines = keep
        part.extra = [ln for ln in part.extra if not PAGE_NUMBER.match(ln.text)]
    return removed
