"""Running headers, footers and bare page numbers: found across pages, dropped from the text.

Only lines in the top or bottom band of a page count (words inside ruled tables were already
taken, so a table header repeated at the top of each page is never mistaken for one). A line
is running when its text, with digits blotted out, stands in a band on three or more pages
(two on a short document); a bare page number ("12", "- 3 -", "iv", "Halaman 4 dari 20") in a
band is dropped wherever it is.

A footer set in the page's flow ("LKjIP Dinas ... Tahun 2024   8" where the converted text's
page ended, printed between a table and the next) is dropped too when it has the running title's
shape: a title of words and years, then the page number, the title repeating on three pages or
more with page numbers that grow (:func:`drop_inline_footers`); so is a title alone whose page label stands on
the line under it ("... Tahun 2024" over "III-6"), on three pages or more.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from extractors.pdf_page import PagePart
from extractors.pdf_words import Line
from extractors.settings import DEFAULT, LayoutSettings
from extractors.text_layout import PAGE_WORD, running_key

BAND = 0.08  # share of the page height at the top and at the bottom
# a page number: "12", "xii", "Halaman 3 dari 40", or a chapter's roman numeral and the page in it ("III-14", "II - 3":
# the chapters (BAB I-IV) of the LKjIP format numbered on their own; seen in h01, h04, h07, h08 and i03)
PAGE_NUMBER = regex.compile(
    rf"^[\W_]*{PAGE_WORD}?(?:(?:[ivxlc]{{1,6}}\s*[-–]\s*)?\d{{1,4}}|[ivxlc]{{1,6}})(?:\s*(?:dari|of|/)\s*\d{{1,4}})?[\W_]*$",
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


# "title 8", "title Halaman 8", "title | Page 3": a title, then the page number. The title's only figures are years
# (the report's): a row of a table holds other figures
# (the page number is looked for at the line's end and the title is what stands before it: a pattern spanning the
# whole line backtracks over every long row of figures)
_PAGE_AT_END = regex.compile(rf"\s{PAGE_WORD}?(?P<page>\d{{1,4}})$", regex.I)
_NOT_YEAR = regex.compile(r"(?<!\d)(?!(?:19|20)\d\d(?!\d))\d+")


def _inline_footer(text: str, settings: LayoutSettings) -> tuple[str, int] | None:
    """(key, page number) of a line shaped as a running footer: a title of ``running_min_words`` words or more whose
    figures are years only, then a page number (a year closing the line ends the title: "... Tahun 2024")."""
    if not text[-1:].isdigit():
        return None
    m = _PAGE_AT_END.search(text)
    if m is None or not _NOT_YEAR.fullmatch(m["page"]):
        return None
    title = text[:m.start()].rstrip()
    if (not regex.search(r"\p{L}", title) or _NOT_YEAR.search(title)
            or len(title.split()) < settings.running_min_words):
        return None
    return running_key(title), int(m["page"])


# a page's label on a line of its own under a footer's title: a page number ("12", "Hal. 8") or a chapter's page
# ("III-6", "II-4", "Lampiran-2", "Lamp. 3")
_PAGE_LABEL = regex.compile(r"^[\W_]*(?:(?:[ivxlc]{1,6}|lampiran|lamp\.?)\s*[-\u2013.]\s*)?\d{1,4}[\W_]*$", regex.I)


def _title(line: Line, settings: LayoutSettings) -> str | None:
    """The key of a line shaped as a running footer's title alone: ``running_min_words`` words or more, figures
    that are years only, ending in a word or a year ("LKjIP Dinas ... Kabupaten Gresik Tahun 2024")."""
    text = line.text.strip()
    if _NOT_YEAR.search(text) or len(text.split()) < settings.running_min_words or not regex.search(r"\p{L}", text):
        return None
    return running_key(text)


def _titles_over_labels(parts: Sequence[PagePart], settings: LayoutSettings) -> list[tuple[PagePart, int, str]]:
    """(part, index, key) of each line that is a footer's title over a page label on the next line."""
    out = []
    for part in parts:
        for i, ln in enumerate(part.lines[:-1]):
            label = part.lines[i + 1].text.strip()
            if (_PAGE_LABEL.match(label) and _NOT_YEAR.search(label)  # a year under a label is a header's
                    and (key := _title(ln, settings)) is not None):
                out.append((part, i, key))
    return out


def drop_inline_footers(parts: Sequence[PagePart], settings: LayoutSettings = DEFAULT.layout) -> int:
    """Remove, anywhere on the page, the running footers a converted text left in its flow (in place); the number of
    lines removed. A title is a running footer when it stands on ``running_min_repeats`` pages or more, each time
    followed by a page number, and the numbers never fall from one page to the next: the text's page breaks. The
    text reader drops the same lines of a tab text (``text_reader.tab_footers``: dev-set d07, d08, d04, d09); on a
    PDF printed from such a text they stand between a table and the next, ruled like a row of one (d03's print
    with horizontal rules read its footer, the annex's caption and its header as one row).

    A title alone over its page label (``_PAGE_LABEL``: "12", "III-6", "Lampiran-2"; a year under a line of labels
    is a header's) is dropped on the same terms, both lines. Those two lines are kept in ``PagePart.dropped``: the
    table finder cuts its runs of lines as they stood (:meth:`extractors.pdf_columns._Finder._runs_over_ghosts`).
    The shaded print of h01 read its annex whole once the footer was gone (32 -> 50 measurements), but
    LibreOffice's print of h06 needs the footer's place to keep one table's rows on its two sides as one run.
    A footer drawn as a row of a ruled table counts towards its title's pages and goes too
    (:func:`_drop_footer_rows`)."""
    found: dict[str, list[tuple[int, int]]] = {}
    shapes: dict[int, str] = {}  # id of a line (or a ruled table's row) shaped as a footer -> its title's key
    for part in parts:
        for ln in part.lines:
            if (shape := _inline_footer(ln.text, settings)) is not None:
                found.setdefault(shape[0], []).append((part.number, shape[1]))
                shapes[id(ln)] = shape[0]
        for table in part.tables:
            for row in table.rows:
                if (shape := _inline_footer(_row_text(row), settings)) is not None:
                    found.setdefault(shape[0], []).append((part.number, shape[1]))
                    shapes[id(row)] = shape[0]
    running = set()
    for key, seen in found.items():
        numbers = [n for _, n in sorted(seen)]
        if len({p for p, _ in seen}) >= settings.running_min_repeats and numbers == sorted(numbers):
            running.add(key)
    # the title alone, its page label on the line under it ("... Tahun 2024" over "III-6"): on as many pages
    titled = _titles_over_labels(parts, settings)
    pages: dict[str, set[int]] = {}
    for part, _, key in titled:
        pages.setdefault(key, set()).add(part.number)
    labelled = {key for key, numbers in pages.items() if len(numbers) >= settings.running_min_repeats}
    drop = {(id(part), i) for part, i, key in titled if key in labelled}
    drop |= {(id(part), i + 1) for part, i, key in titled if key in labelled}
    if not running and not drop:
        return 0
    removed = 0
    for part in parts:
        keep = [ln for i, ln in enumerate(part.lines)
                if (id(part), i) not in drop and shapes.get(id(ln)) not in running]
        removed += len(part.lines) - len(keep)
        part.dropped += [ln for i, ln in enumerate(part.lines) if (id(part), i) in drop]
        part.lines = keep
        removed += _drop_footer_rows(part, shapes, running)
    return removed


def _row_text(row: Sequence[tuple[str, object]]) -> str:
    return " ".join(text.strip() for text, _ in row if text.strip())


def _drop_footer_rows(part: PagePart, shapes: dict[int, str], running: set[str]) -> int:
    """Rows of the page's ruled tables that are a running footer, title and page number in two cells: an exporter
    that drew a tab text's footer line ("LKjIP Dinas ... Tahun 2024<TAB>10") as a row of the grid (the grid print of
    d07, on every page); a table left without rows goes. The number of rows removed."""
    removed = 0
    tables = []
    for table in part.tables:
        kept = [(row, top) for row, top in zip(table.rows, table.row_tops, strict=True)
                if shapes.get(id(row)) not in running]
        removed += len(table.rows) - len(kept)
        if kept:
            table.rows, table.row_tops = [r for r, _ in kept], [t for _, t in kept]
            tables.append(table)
    part.tables = tables
    return removed
