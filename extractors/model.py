"""The data model every reader produces and every later stage consumes.

A reader turns one input file into a :class:`Document`: the text lines of its pages (prose,
captions, headers) and the raw table grids it found, each cell carrying its provenance (page,
line in a text input, bounding box in a PDF). Items are kept in reading order through
``order``, so that the assembler can see what stands between two grids (a caption, a page
footer, a paragraph).

The assembler turns grids into logical :class:`Table` objects; the understanding stage fills in
``kind`` and ``roles``. Nothing here knows about a particular report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points


@dataclass(frozen=True)
class Cell:
    """One table cell as printed."""

    text: str
    page: int | None = None  # 1-based page number (None for a text input without pages)
    line: int | None = None  # 1-based line number in a text input
    bbox: BBox | None = None  # position on a PDF page


@dataclass
class TextLine:
    """One line of running text (prose, caption, heading, page header/footer)."""

    text: str
    order: float  # position in reading order, shared with Grid.order
    page: int | None = None
    line: int | None = None
    bbox: BBox | None = None
    words: tuple[tuple[str, float, float], ...] = ()  # (text, x0, x1) on an upright PDF page; else empty


@dataclass
class Grid:
    """A raw table piece as one reader saw it: rows of cells, not yet joined or understood."""

    rows: list[list[Cell]]
    order: float  # reading order of the grid's first row
    page: int | None = None
    line: int | None = None  # first line in a text input
    reader: str = "text"  # text | pdfplumber | camelot | ocr
    confidence: float | None = None  # reader's own confidence, when it gives one
    end_order: float | None = None  # reading order just after the grid's last row
    ruled: bool = False  # cells drawn by rulings: a cell's wrapped lines are already joined in it
    form: bool = False  # a wide form's rows each read by itself (extractors.form_rows): text, then figures in order

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass
class Document:
    """What a reader gives: everything later stages need, nothing reader-specific."""

    source_file: str
    sha256: str
    pages: int
    lines: list[TextLine] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # reader warnings (e.g. "page 4 scanned, no OCR")
    unreadable: list[tuple[int | None, str]] = field(default_factory=list)  # (page, why) not read

    @property
    def doc_id(self) -> str:
        return self.sha256[:12]


@dataclass
class Row:
    """A logical table row: cells aligned to the table's columns (wrapped lines merged)."""

    cells: list[Cell]
    page: int | None = None
    line: int | None = None  # the line holding the row's numbers (text input)

    def text(self, i: int) -> str:
        return self.cells[i].text if 0 <= i < len(self.cells) else ""


@dataclass
class HeaderNode:
    """One header label and the columns it spans (``first_col``..``last_col``, 0-based, inclusive); its
    sub-labels are its children ("Realisasi Kinerja pada Triwulan" over "I".."IV", each over "K" and "Rp")."""

    label: str
    first_col: int
    last_col: int
    children: list[HeaderNode] = field(default_factory=list)


@dataclass
class Table:
    """A logical table: pieces joined across page breaks, header flattened."""

    table_id: str
    caption: str
    header: list[str]  # one flattened label per column ("Target 2024", "Realisasi K")
    rows: list[Row]
    page: int | None = None
    line: int | None = None
    kind: str = "other"  # perjanjian_kinerja | capaian_kinerja | iku | anggaran | efisiensi | renstra | other
    roles: list[str] = field(default_factory=list)  # one role per column, see extractors.understand
    years: list[int | None] = field(default_factory=list)  # year named in each column header
    notes: list[str] = field(default_factory=list)
    reader: str = "text"
    order: float = 0.0
    laid_out: bool = False  # cells built from the page's geometry (unruled PDF, layout text), not given whole
    header_parts: list[list[str]] = field(default_factory=list)  # per column: labels, top level first
    header_tree: list[HeaderNode] = field(default_factory=list)  # top-level labels with their spans
    column_paths: list[tuple[str, ...]] = field(default_factory=list)  # per column: its path in the tree
    # filled by the understanding stage (extractors.understand): evidence per column, and for the table
    col_types: list[str] = field(default_factory=list)  # ColType per column, from the values
    role_confidence: list[float] = field(default_factory=list)  # per column: words, values, arithmetic
    confidence: float = 0.0  # how sure the reading of the table's figures is (0-1)
    relations: list[str] = field(default_factory=list)  # arithmetic found, e.g. "ratio 3,4->5 (9/10)"
    shifted_rows: list[int] = field(default_factory=list)  # rows re-laid out under the header (weaker evidence)
    scales: list[float] = field(default_factory=list)  # per column: printed figure x scale = rupiah ("(Rp 000)")

    @property
    def n_cols(self) -> int:
        return len(self.header)


def column_ranges(rows: Sequence[Sequence[Cell]], n_cols: int) -> list[tuple[float, float] | None]:
    """Each column's x range on its page from the boxes of its cells that hold text in ``rows``: the leftmost left side
    to the rightmost right side; None for a column with no such cell."""
    ranges: list[tuple[float, float] | None] = []
    for j in range(n_cols):
        boxes = [r[j].bbox for r in rows if j < len(r) and r[j].text and r[j].bbox is not None]
        ranges.append((min(b[0] for b in boxes), max(b[2] for b in boxes)) if boxes else None)
    return ranges
