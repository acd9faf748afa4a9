"""Read a converted-text report (.txt / .md): prose lines plus tab-separated table grids.

A table row is a line holding at least one tab; a run of such lines (blank lines allowed inside)
is one grid. Everything else is running text. HTML remnants (``<p>``, ``<u>``, ``<br>``) and
Markdown emphasis are removed from cell text; the assembler joins grids across page breaks.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import regex

from extractors.errors import InputError
from extractors.model import Cell, Document, Grid, TextLine
from extractors.pdf_orphans import adopt_orphan_rows
from extractors.pdf_words import vocabulary
from extractors.settings import DEFAULT, LayoutSettings
from extractors.text_layout import (
    PAGE_WORD,
    ends_in_table,
    layout_tables,
    page_edges,
    running_key,
    running_keys,
    segments_of,
    split_lines,
    split_pages,
)

_TAG = regex.compile(r"</?(?:p|u|b|i|em|strong|br|ul|ol|li|span|div|td|tr|sup|sub)\b[^>]*>", regex.I)
_EMPHASIS = regex.compile(r"\*\*|__")
_SPACES = regex.compile(r"[ \u00a0\u2002\u2003\u2009]+")


def clean_text(text: str) -> str:
    """Cell or line text without markup remnants and with single spaces."""
    text = _TAG.sub(" ", text)
    text = _EMPHASIS.sub("", text)
    return _SPACES.sub(" ", text).strip()


# invisible characters a converter or a Windows tool leaves inside words: zero-width space/joiners, word
# joiner, byte-order marks, soft hyphen, bidi marks, and control characters other than tab, line feed,
# carriage return and form feed (C0 and C1). They are dropped before anything reads a word.
_INVISIBLE = regex.compile(r"[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u202a-\u202e\u2066-\u2069"
                           r"\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def normalise_invisible(text: str) -> str:
    """`text` without invisible characters (zero-width, soft hyphen, bidi marks, stray control characters)."""
    return _INVISIBLE.sub("", text)


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the NUL bytes sit in every other position (ASCII text saved as UTF-16)."""
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 4:
        return None

    def textual(half: bytes) -> bool:
        return sum(1 for b in half if b >= 32 or b in (9, 10, 13)) >= 0.9 * len(half)

    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even) and textual(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd) and textual(odd):
        return "utf-16-be"
    return None


def decode_text(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode bytes by byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-16 by its NUL pattern, else UTF-8,
    falling back to Windows-1252 with a note; invisible characters are dropped. Reject binary data."""
    if not data.strip():
        raise InputError(source, "the file is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decoded(data, codec, source)
    sample = data[:65536]
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return _decoded(data, utf16, source)
    if b"\x00" in sample:
        raise InputError(source, "binary data (NUL bytes), not a text report")
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if control > max(8, len(sample) // 100):
        raise InputError(source, "binary data (control bytes), not a text report")
    try:
        return normalise_invisible(data.decode("utf-8")), []
    except UnicodeDecodeError as exc:
        note = f"not valid UTF-8 (byte {exc.start}); decoded as Windows-1252"
        return normalise_invisible(data.decode("cp1252", errors="replace")), [note]


def _decoded(data: bytes, codec: str, source: str) -> tuple[str, list[str]]:
    text = data.decode(codec, errors="replace")
    if not text.strip("\ufeff \t\r\n"):
        raise InputError(source, "the file is empty")
    notes = [f"decoded as {codec.upper()}; some bytes were not valid"] if "\ufffd" in text else []
    return normalise_invisible(text), notes


def read_text(path: Path) -> Document:
    data = path.read_bytes()
    text, notes = decode_text(data, str(path))
    return parse_text(text, source_file=str(path), sha256=hashlib.sha256(data).hexdigest(), notes=notes)


# "LKjIP Dinas ... Tahun 2024<TAB>10", "... Tahun 2023<TAB>Halaman 8", "...<TAB><TAB>Hal. 7" (d07, d04, d09)
_TAB_FOOTER = regex.compile(rf"^([^\t]+)\t+\s*{PAGE_WORD}?(\d{{1,4}})\s*$", regex.I)


def _tab_footer_key(raw: str, settings: LayoutSettings = DEFAULT.layout) -> str | None:
    """The key of a line that may be a running footer set with a tab before its page number: a title of
    ``running_min_words`` words or more, a tab, a bare number; digits blotted out (as :func:`running_keys`)."""
    m = _TAB_FOOTER.match(raw.replace("\f", "").strip())
    if not m or len(m.group(1).split()) < settings.running_min_words:
        return None
    return running_key(m.group(1))


def tab_footers(raw_lines: list[str], settings: LayoutSettings = DEFAULT.layout) -> frozenset[str]:
    """Keys of running footers printed as "title<TAB>page" on ``running_min_repeats`` pages or more (dev-set d07's
    "LKjIP Dinas Perhubungan Provinsi NTB Tahun 2024<TAB>10", d08's "Laporan Kinerja RSUD ... | Page<TAB>3", d04's
    "...<TAB>Halaman 8", d09's "...<TAB>Hal. 7"):
    inside a table's tab rows they are no row of it (d07's footer was read as a budget line of 10.000). A
    table of contents' lines ("BAB I PENDAHULUAN<TAB>1") differ from each other and are kept."""
    counts = Counter(k for raw in raw_lines if "\t" in raw and (k := _tab_footer_key(raw, settings)) is not None)
    return frozenset(k for k, n in counts.items() if n >= settings.running_min_repeats)


def parse_text(text: str, source_file: str = "<text>", sha256: str = "", notes: list[str] | None = None) -> Document:
    lines: list[TextLine] = []
    grids: list[Grid] = []
    current: list[list[Cell]] = []
    first = last = 0

    def close() -> None:
        nonlocal current
        if current:
            grids.append(Grid(rows=current, order=float(first), line=first, end_order=float(last)))
        current = []

    # space-aligned tables (pdftotext -layout) among the lines without tabs, page by page
    raw_lines = split_lines(text)
    pages = split_pages(raw_lines)
    page_of: dict[int, int | None] = {}
    taken: set[int] = set()
    running = running_keys(raw_lines)
    words = vocabulary(raw_lines)  # the document's own words: a word cut at a cell's edge is mended by them
    footers = tab_footers(raw_lines)
    carried = False
    # each page's first and last block: a table carried over a page break finds its columns from both pieces
    edges = [page_edges(page_lines, running=running) if page is not None else ([], []) for page, page_lines in pages]
    for k, (page, page_lines) in enumerate(pages):
        page_of.update((number, page) for number, _ in page_lines)
        before = edges[k - 1][1] if k else []
        after = edges[k + 1][0] if k + 1 < len(pages) else []
        found, used = layout_tables(page_lines, page, running=running, carried=carried, before=before, after=after,
                                    words=words)
        grids.extend(found)
        taken |= used
        carried = page is not None and ends_in_table(page_lines, used, running)
    for number, raw in enumerate(raw_lines, start=1):
        if number in taken:
            close()
            continue
        raw = raw.replace("\f", "")
        if "\t" in raw and footers and _tab_footer_key(raw) in footers:
            continue  # a running footer: no row of the table it falls in, and it does not end it
        if "\t" in raw:
            cells = [Cell(clean_text(part), line=number) for part in raw.split("\t")]
            if not current:
                first = number
            current.append(cells)
            last = number
            continue
        stripped = clean_text(raw)
        if not stripped:
            continue  # a blank line does not end a grid
        close()
        page = page_of.get(number)
        lines.append(TextLine(stripped, order=float(number), page=page, line=number,
                              words=segments_of(raw) if page is not None else ()))
    close()
    grids.sort(key=lambda g: g.order)
    doc = Document(
        source_file=source_file,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        pages=len(pages) if pages[0][0] is not None else 0,
        lines=lines,
        grids=grids,
        notes=list(notes or []),
    )
    if doc.pages:
        adopt_orphan_rows(doc)  # a header left at a page's foot, over a table laid out on the next page
    return doc
