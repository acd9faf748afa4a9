"""The header of a table: where it ends, and the tree of its labels.

**Where the header ends.** A header row holds labels; the body starts at the first row that holds
figures. The evidence is the table's own values, column by column: a *figure column* is one whose
cells, in the rows that hold figures at all, are mostly figures (percentages, money, counts with a
unit, "-"). A row is a header row while it holds no figure and its labels stand over figure columns
(the labels a form prints over its value columns: "Target", "K", "Rp", "(Rp)", "(%)", "I".."IV",
"2021", "Realisasi Kinerja pada Triwulan"). A lower header row must label a figure column or a column
that a label above it spans; a text-only row whose text sits under the label of a text column is a
heading of the body ("URUSAN PEMERINTAHAN BIDANG SOSIAL", "Sasaran 1: ..."), not a header row. A
numbering row ("1 2 3 ...", "(1) (2) ...") ends the header. A table with no figure column at all (a
Renstra strategy table, a list of definitions) falls back on the header vocabulary
(:data:`HEADER_WORDS`), the only place the words still decide.

**The tree.** A spanning label is printed once, in the first of the columns it spans; in converted
text the cells beside it in its row are empty and the row below has labels under them; a PDF grid
puts a merged cell's text in its first column and leaves the spanned ones empty the same way (see
:mod:`extractors.pdf_rulings`). A span never crosses the span of the label above it. Each label
becomes a :class:`~extractors.model.HeaderNode` over the columns it spans; each column is keyed by its
path from the top label down, e.g.
("Realisasi Kinerja pada Triwulan", "II", "Rp"). The numbering row is not part of any path.

Rules are justified by the public formats: Permendagri 86/2017 form E.81 (the Renja evaluation
annex: three header rows, quarter numbers, K/Rp pairs, a numbering row), the PermenPAN-RB 53/2014
capaian and realisasi anggaran tables (two-row headers with spanning "Anggaran", "Realisasi",
year columns, unit rows "(Rp)"/"(%)"), and by the sample reports' tables (001 Tabel 3.16/3.18,
003 Tabel 2.3/3.23) and the fixtures of ``tests/test_header.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from enum import Enum

import regex

from extractors.model import Cell, HeaderNode
from extractors.settings import DEFAULT, HeaderSettings

HEADER_WORDS = regex.compile(
    r"\b(?:no|nomor|program|kegiatan|sub|indikator|sasaran|tujuan|strategi|arah|kebijakan|target|"
    r"realisasi|capaian|satuan|anggaran|pagu|rencana|sisa|uraian|kode|keterangan|ket|tahun|thn|"
    r"kinerja|formula|rumus|kondisi|awal|akhir|jumlah|sumber|alokasi|persentase|prosentase|"
    r"penyerapan|efisiensi|kategori|predikat|nilai|skala|keuangan|urusan|bidang|output|outcome|"
    r"selisih|deviasi|tw|triwulan|k|rp|jenis|pelayanan|penanggung|jawab|definisi|operasional|"
    r"layanan|rata|kriteria|interpretasi|jabatan|unit)\b",
    regex.I,
)
# a cell holding a data value: percent, money, decimals, "96 Orang", codes like 1.06.01
DATA_VALUE = regex.compile(
    r"(?:\d[\d\.,]*\s*%|\d{1,3}(?:[\.,]\d{3})+|\d+,\d+|\d+\.\d{1,2}\b|^\s*-\s*$|"
    r"^\s*\d+\s+[A-Za-z]{2,}|\b\d+\.\d{2}\.\d{2}\b|^\s*\d{4,}\s*$)"
)
NUMBERING = regex.compile(r"^\(?\s*(?:\d{1,2}|[ivxlc]{1,5}|[a-z])\s*[\.\)]?\s*\)?$", regex.I)
YEAR = regex.compile(r"\b(?:19|20)\d{2}\b")

# digits that belong to a label, not to a figure: a year ("Target 2024", "(2026)", "2019-2024"), a
# quarter or semester number ("TW 1", "Triwulan 4", "Semester 2"), an ordinal ("Tahun ke-1"), money's scale
# ("(Rp 000)", its wrapped end "000)" beside the next row's labels: "Keuangan (Rp" over "000) Target" in d07's
# Tabel 3.5 on the PDFs; public format: APBD annexes printed in thousands, as understand.money_scale reads them)
_LABEL_DIGITS = regex.compile(
    r"\b(?:19|20)\d{2}\b|\b(?:tw|triwulan|trw|semester|smt|kuartal|bulan)\s*\.?\s*-?\s*\d{1,2}\b|\bke\s*-?\s*\d{1,2}\b"
    r"|(?:\brp\.?\s*)?\(?\s*\b000\s*\)|\brp\.?\s*000\b",
    regex.I,
)
# a cell that starts with a figure: "95 %", "1.000", "(19.588.000)", "Rp 2.456.653.000,-", "96 Orang", "72/BB"
_STARTS_FIGURE = regex.compile(r"^[\s(\[+\-–−]*(?:rp\.?\s*)?\d", regex.I)
# a percentage inside text ("Target: 95%"), but not a formula's "x 100%"
_PERCENT_FIGURE = regex.compile(r"(?<![x×*]\s{0,2})\b\d[\d\.,]*\s*%", regex.I)
_DASH = regex.compile(r"^\s*(?:rp\.?\s*)?[-–—−]+\s*,?-?\s*$", regex.I)
# a numbering row cell: "3", "(3)", "3.", or a column formula "(5)=(4)/(3)x100%", "6 = 5/4"
_NUMBER_CELL = regex.compile(r"^\(?\s*(\d{1,2})\s*[\.\)]?\s*(?:[=x×*/:+\-]\s*\(?\s*\d{1,3}\s*\)?\s*%?\s*)*$")
_BARE_INT = regex.compile(r"^\s*(\d{1,3})\s*$")


class Shape(Enum):
    """What a cell looks like, for the header/body boundary."""

    EMPTY = "empty"
    LABEL = "label"  # words, roman numerals, K/Rp, units, years: what a header prints
    FIGURE = "figure"  # a value as a body prints it
    ORDINAL = "ordinal"  # a row number in the first column ("1", "1.", "I.", "a)")
    TEXT = "text"  # too long to be a label


def cell_shape(text: str, col: int, settings: HeaderSettings = DEFAULT.header) -> Shape:
    text = text.strip()
    if not text:
        return Shape.EMPTY
    if col == 0 and NUMBERING.match(text):
        return Shape.ORDINAL
    if len(text) > settings.label_max_chars:
        return Shape.TEXT
    if _DASH.match(text):
        return Shape.FIGURE
    rest = _LABEL_DIGITS.sub(" ", text)
    if _STARTS_FIGURE.match(rest) or _PERCENT_FIGURE.search(rest):
        return Shape.FIGURE
    return Shape.LABEL


_NON_WORD = regex.compile(r"[\W_]+")


def norm(text: str) -> str:
    return _NON_WORD.sub(" ", text.lower()).strip()


def row_text(row: Sequence[Cell]) -> str:
    return " ".join(c.text for c in row if c.text)


def _text(row: Sequence[Cell], j: int) -> str:
    return row[j].text if 0 <= j < len(row) else ""


def is_numbering_row(row: Sequence[Cell]) -> bool:
    """A "1 2 3 4 5" / "(1) (2) ..." row under a header (a column formula "(5)=(4)/(3)" counts as its
    number): at least two numbers, rising, the first at most 2. A cell may hold two columns' numbers or more
    ("4 5"), where a reader set two narrow columns as one (an E.81 form as pdftotext -layout text: d03)."""
    nums = []
    for c in row:
        if not c.text:
            continue
        matches = [_NUMBER_CELL.fullmatch(p) for p in c.text.split()]
        if not all(matches):  # a number written with spaces in it ("(5) = (4) / (3)") is one number
            matches = [_NUMBER_CELL.fullmatch(c.text.strip())]
        if not all(matches):
            return False
        nums.extend(int(m.group(1)) for m in matches if m is not None)
    if len(nums) < 2:
        return False
    return all(b > a for a, b in zip(nums, nums[1:], strict=False)) and nums[0] <= 2


def _numbers_columns(row: Sequence[Cell], settings: HeaderSettings) -> bool:
    """A numbering row numbers the table's columns from the first ones; a row of quarter numbers ("1 2 3 4"
    under "Triwulan") starts further right, under its spanning label."""
    first = next((j for j, c in enumerate(row) if c.text), len(row))
    return is_numbering_row(row) and first <= settings.numbering_first_col_max


def looks_data(cell: Cell) -> bool:
    text = cell.text
    if not text:
        return False
    if YEAR.fullmatch(text.strip("() ")):
        return False
    return bool(DATA_VALUE.search(text))


def is_header_row(row: Sequence[Cell], first: bool, settings: HeaderSettings = DEFAULT.header) -> bool:
    """The header vocabulary's verdict on a row: most of its cells carry a header word or a year and none a
    bare figure. A tie-breaker only: used for tables without figure columns and to tell the header of a
    second table inside a text grid (:func:`extractors.assemble.split_inner_tables`)."""
    cells = [c for c in row if c.text]
    if not cells:
        return False
    if any(looks_data(c) and not regex.search(r"[A-Za-z]{3,}", c.text) for c in cells):
        return False
    if any(len(c.text) > settings.vocab_row_max_chars for c in cells):
        return False
    worded = sum(1 for c in cells if HEADER_WORDS.search(c.text) or YEAR.search(c.text) or c.text in ("%", "(%)"))
    if first:
        return worded >= max(1, len(cells) // 2)
    if (row[0].text and NUMBERING.match(row[0].text)) or any(len(c.text) > 60 for c in cells):
        return False
    return worded >= max(1, (len(cells) + 1) // 2) and len(cells) <= max(2, len(row))


def _shapes(rows: Sequence[Sequence[Cell]], settings: HeaderSettings) -> list[list[Shape]]:
    return [[cell_shape(c.text, j, settings) for j, c in enumerate(r)] for r in rows]


def figure_columns(rows: Sequence[Sequence[Cell]], settings: HeaderSettings = DEFAULT.header) -> set[int]:
    """Columns that hold figures: among the rows holding any figure, the share of the column's filled cells
    that are figures reaches ``settings.figure_column_share``."""
    shapes = _shapes(rows, settings)
    figures: dict[int, int] = {}
    filled: dict[int, int] = {}
    for row in shapes:
        if Shape.FIGURE not in row:
            continue
        for j, s in enumerate(row):
            if s is Shape.EMPTY:
                continue
            filled[j] = filled.get(j, 0) + 1
            if s is Shape.FIGURE:
                figures[j] = figures.get(j, 0) + 1
    return {j for j, n in figures.items() if n / filled[j] >= settings.figure_column_share}


def _spanned(above: Sequence[Sequence[Cell]], col: int) -> bool:
    """Column ``col`` lies under a label that spans it from the left: going up, the first header row with
    something at or left of ``col`` is blank at ``col`` and has a label left of it."""
    for row in reversed(above):
        if _text(row, col):
            return False
        if any(_text(row, j) for j in range(col)):
            return True
    return False


def _sub_labels(row: Sequence[Cell], shapes: Sequence[Shape], above: Sequence[Sequence[Cell]],
                settings: HeaderSettings) -> set[int]:
    """Columns where bare small numbers are labels under a spanning label (quarter, month or semester numbers
    "1 2 3 4" under "Realisasi Triwulan"), rising from left to right."""
    cols = [j for j, s in enumerate(shapes) if s is Shape.FIGURE]
    nums = []
    for j in cols:
        m = _BARE_INT.match(row[j].text)
        if not m or int(m.group(1)) > settings.sub_label_max_int or not _spanned_or_under(above, j):
            return set()
        nums.append(int(m.group(1)))
    if len(nums) < 2 or any(b <= a for a, b in zip(nums, nums[1:], strict=False)):
        return set()
    return set(cols)


def _spanned_or_under(above: Sequence[Sequence[Cell]], col: int) -> bool:
    """Under a label of the rows above: the label is in this column or spans it."""
    return any(_text(r, col) for r in above) or _spanned(above, col)


def _label_row(row: Sequence[Cell], shapes: Sequence[Shape], above: Sequence[Sequence[Cell]],
               settings: HeaderSettings) -> set[int] | None:
    """The columns where the row prints a label, or None when the row is not one of labels (it holds a
    figure or a text too long for a label)."""
    sub = _sub_labels(row, shapes, above, settings) if above else set()
    labels: set[int] = set()
    for j, s in enumerate(shapes):
        if s is Shape.LABEL or j in sub:
            labels.add(j)
        elif s in (Shape.FIGURE, Shape.TEXT):
            return None
    return labels or None


_CONNECTORS = frozenset({"dan", "atau", "per", "yang", "dari", "terhadap", "thd", "s", "d", "sd", "pada", "di"})
_ROMAN = regex.compile(r"^[ivxlc]{1,5}\.?$", regex.I)


def header_words_only(text: str) -> bool:
    """Every word of the label is a header word or a connector ("URAIAN KEGIATAN", "Kinerja", "Indikator
    Kinerja Program (Outcome)"): the vocabulary's tie-break for a label standing in a text column under
    another label (a header label wrapped onto a second row), against a heading of the body, whose words
    name a program, an urusan or a sasaran ("URUSAN PEMERINTAHAN BIDANG SOSIAL")."""
    words = regex.findall(r"\p{L}+", text)
    return bool(words) and all(HEADER_WORDS.fullmatch(w) or w.lower() in _CONNECTORS or w.lower() in _QUALIFIERS
                               for w in words)


# words that qualify a header word in a label and never open a body heading by themselves: the Perjanjian
# Kinerja's and the IKU table's "Sasaran Strategis" (PermenPAN-RB 53/2014; 95 such labels in the seeds and the
# dev/held-out texts), a budget table's "Serapan (%)" / "Serapan Anggaran" (holdout h08 Tabel 3.8, whose second
# header row was read as a body row without them on its LibreOffice print)
_QUALIFIERS = frozenset({"strategis", "serapan"})


def _weak(text: str) -> bool:
    """A label that cannot by itself open a header over a figure column: a bare roman numeral (quarter
    numbers stand under their spanning label, never on top; "i", "ii" are the page numbers of a table of
    contents) or a label holding a number that is not a year or a quarter ("Hal 1")."""
    return bool(_ROMAN.match(text.strip())) or bool(regex.search(r"\d", _LABEL_DIGITS.sub(" ", text)))


def _heads_next(row: Sequence[Cell], after: Sequence[Sequence[Cell]], figs: set[int], settings: HeaderSettings
                ) -> bool:
    """A first row labelling only text columns opens a header when the next row labels figure columns that
    its labels span ("ANGGARAN BELANJA | (blank) | (blank)" over "RENCANA | REALISASI | SISA")."""
    nxt = next((r for r in after if any(c.text for c in r)), None)
    if nxt is None:
        return False
    labels = _label_row(nxt, [cell_shape(c.text, j, settings) for j, c in enumerate(nxt)], [row], settings)
    return labels is not None and any(j in figs and _spanned([row], j) for j in labels)


def _vocab_split(rows: list[list[Cell]], settings: HeaderSettings) -> tuple[list[list[Cell]], list[list[Cell]]]:
    """The header by its words, for a table without figure columns (nothing to tell labels from values)."""
    header: list[list[Cell]] = []
    i = 0
    while i < len(rows) and len([h for h in header if not is_numbering_row(h)]) < settings.max_rows:
        row = rows[i]
        if not any(c.text for c in row):
            i += 1
            continue
        if is_numbering_row(row) and header:
            header.append(row)
            i += 1
            break
        if is_header_row(row, first=not header, settings=settings):
            header.append(row)
            i += 1
            continue
        break
    return header, rows[i:]


_GLUED_NUMBER = regex.compile(r"^(.*?\S)?\s*(\(\s*\d{1,2}\s*\))$", regex.S)


def unglue_numbering(rows: list[list[Cell]], settings: HeaderSettings = DEFAULT.header) -> list[list[Cell]]:
    """A numbering row printed under the labels but read into the same cells ("No (1) | Sasaran (2) | ..."):
    where nothing but spacing separates rows (a table with no rulings, or horizontal rules only, or a
    space-aligned text) a cell's lines are joined, and the numbering row's "(k)" joins the label above it.
    The row is split back into its label row and its numbering row when every filled cell ends with a
    "(k)" and the numbers rise from the first columns, as a numbering row's do (Permendagri 86/2017 forms;
    dev-set d05 and sample 001's capaian tables print "(1) (2) ..." under their labels)."""
    for i, row in enumerate(rows[: settings.max_rows + 1]):
        matches = [(j, _GLUED_NUMBER.match(c.text.strip())) for j, c in enumerate(row) if c.text.strip()]
        if len(matches) < 2 or not all(m for _, m in matches):
            continue
        if not any(m.group(1) for _, m in matches if m):
            return rows  # a numbering row of its own already
        labels = [replace(c, text=(m.group(1) or "") if (m := _GLUED_NUMBER.match(c.text.strip())) else c.text)
                  for c in row]
        numbers = [replace(c, text=m.group(2) if (m := _GLUED_NUMBER.match(c.text.strip())) else "") for c in row]
        if not _numbers_columns(numbers, settings):
            continue
        return [*rows[:i], labels, numbers, *rows[i + 1:]]
    return rows


def split_header(rows: list[list[Cell]], settings: HeaderSettings = DEFAULT.header
                 ) -> tuple[list[list[Cell]], list[list[Cell]]]:
    """The header rows at the top of a grid piece and the rows after them (see the module docstring).
    An empty header when the first row is already data or a heading of the body (a continuation piece)."""
    rows = unglue_numbering(rows, settings)
    figs = figure_columns(rows, settings)
    if not figs:
        return _vocab_split(rows, settings)
    if not figure_columns([r for r in rows if not _numbers_columns(r, settings)], settings):
        # a header alone over its numbering row, the rows on the next page (E.81's at a page's foot): its column
        # numbers are no figures, and no row above them holds any, so every row down to them is the header's (its
        # labels wrapped over many lines in narrow cells: holdout4 j03's E.81 as layout text, cut "Realisa / si")
        numbering = next((k for k, r in enumerate(rows) if _numbers_columns(r, settings)), None)
        if numbering is not None:
            return rows[:numbering + 1], rows[numbering + 1:]
        header, body = _figure_split(rows, figs, settings)
        if header:
            return header, body
        return _vocab_split(rows, settings)
    return _figure_split(rows, figs, settings)


def _figure_split(rows: list[list[Cell]], figs: set[int], settings: HeaderSettings
                  ) -> tuple[list[list[Cell]], list[list[Cell]]]:
    """The header by its labels over the figure columns ``figs`` (split_header)."""
    header: list[list[Cell]] = []
    labelled_figure = False  # some header label stands over a figure column
    i = 0
    while i < len(rows):
        row = rows[i]
        if not any(c.text for c in row):
            i += 1
            continue
        if _numbers_columns(row, settings):
            if header:
                header.append(row)
                i += 1
            break
        if len(header) >= settings.max_rows:
            break
        shapes = [cell_shape(c.text, j, settings) for j, c in enumerate(row)]
        labels = _label_row(row, shapes, header, settings)
        if labels is None:
            break
        over = {j for j in labels if j in figs}
        if header:
            # a label in a text column, neither spanned nor only header words, is a heading or a row label
            # of the body ("URUSAN PEMERINTAHAN BIDANG SOSIAL", "Sasaran 1: ..."), not a sub-label
            if not all(j in figs or _spanned(header, j) or header_words_only(row[j].text) for j in labels):
                break
        elif not any(not _weak(row[j].text) for j in over) and not _heads_next(row, rows[i + 1:], figs, settings):
            break
        labelled_figure |= bool(over)
        header.append(row)
        i += 1
    if not labelled_figure:
        return [], rows
    return header, rows[i:]


def _extends(col: int, below: Sequence[Sequence[Cell]]) -> bool:
    """Does a label span column ``col``, blank beside it in its row? Only where a lower header row labels
    that column: a spanning label has sub-labels under it ("Target | (blank)" over "K | Rp"), while a blank
    beside a label with nothing under it is a column of its own.

    The same rule serves PDF grids. Cell boxes cannot decide a span there: the ruled reader gives each
    fine cell its own box when rulings run through a spanning label's row (001 Tabel 3.16 in the PDF:
    "ANGGARAN BELANJA TAHUN 2024" boxed in its first column only, its sub-labels in four), so a box's
    x-overlap would cut spans the sub-labels prove; the reader already places a merged cell's text in its
    first column and leaves the spanned ones empty, as converted text does."""
    return any(_text(r, col) for r in below)


# the words of a table header (HEADER_WORDS and the other words of form E.81's and PermenPAN-RB 53/2014's
# labels): what a label cut in a column narrower than its words is mended against
_LABEL_WORDS = frozenset(
    "nomor program kegiatan indikator sasaran tujuan strategi kebijakan target realisasi capaian satuan "
    "anggaran pagu rencana sisa uraian kode keterangan tahun kinerja formula rumus kondisi awal akhir jumlah "
    "sumber alokasi persentase prosentase penyerapan efisiensi kategori predikat nilai skala keuangan urusan "
    "bidang output outcome selisih deviasi triwulan jenis pelayanan penanggung jawab definisi operasional "
    "layanan kriteria interpretasi jabatan unit perangkat daerah pemerintahan renstra renja pencapaian "
    "terhadap tingkat evaluasi periode keluaran hasil pelaksana kabupaten provinsi".split())
_LETTERS_ONLY = regex.compile(r"[^a-z]")


def mend_label(text: str) -> str:
    """A header label whose words were cut where its column is narrower than they are ("Realisa si Capa ian
    Kinerja dan An ggaran Renstr a"): two or three pieces side by side that make a header word, none of them
    one itself, are joined. Dev-set E.81 annexes printed on one landscape page (d03, d09, h04)."""
    tokens = text.split()
    if len(tokens) < 2:
        return text
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for k in (3, 2):
            piece = tokens[i:i + k]
            if len(piece) < k:
                continue
            joined = _LETTERS_ONLY.sub("", "".join(piece).lower())
            if joined in _LABEL_WORDS and not any(_LETTERS_ONLY.sub("", t.lower()) in _LABEL_WORDS for t in piece):
                out.append("".join(piece))
                i += k
                break
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out)


_PIECE = regex.compile(r"^[a-z]{1,3}$")


def _stray_pieces_home(row: Sequence[Cell]) -> list[Cell]:
    """A header row where the last letters of a label's first word stand alone in the cell left of it ("i" beside
    "Realisas Capaian Kinerja ... Rp": pdftotext sets a cut word's rest where its line puts it): the label, its word
    whole, goes to the piece's cell, the column its span starts at, and its own cell is left to the span. Dev-set
    d03's and d09's E.81 as layout text."""
    out = list(row)
    for j in range(len(out) - 1):
        piece, label = out[j].text.strip(), out[j + 1].text.strip()
        if not _PIECE.match(piece) or not label:
            continue
        head, _, rest = label.partition(" ")
        whole = head + piece

        def word(t: str) -> bool:
            return _LETTERS_ONLY.sub("", t.lower()) in _LABEL_WORDS

        if word(whole) and not word(head):
            out[j] = replace(out[j], text=f"{whole} {rest}".strip())
            out[j + 1] = replace(out[j + 1], text="")
    return out


def build_tree(header: Sequence[Sequence[Cell]], n_cols: int, settings: HeaderSettings = DEFAULT.header
               ) -> tuple[list[HeaderNode], list[tuple[str, ...]]]:
    """The header rows (the numbering row left out) as a tree of labels with their spans, and each column's
    path from the top label down."""
    rows = [_stray_pieces_home(r) for r in header if not _numbers_columns(r, settings)]
    roots: list[HeaderNode] = []
    cover: list[HeaderNode | None] = [None] * n_cols  # the deepest label so far over each column
    path_of: dict[int, tuple[str, ...]] = {}
    for d, row in enumerate(rows):
        above = list(cover)
        for j in range(min(n_cols, len(row))):
            text = mend_label(row[j].text.strip())
            if not text:
                continue
            k = j
            while (k + 1 < n_cols and not _text(row, k + 1) and above[k + 1] is above[j]
                   and _extends(k + 1, rows[d + 1:])):
                k += 1
            node = HeaderNode(text, j, k, [])
            parent = above[j]
            (parent.children if parent is not None else roots).append(node)
            path_of[id(node)] = (*(path_of[id(parent)] if parent is not None else ()), text)
            for c in range(j, k + 1):
                cover[c] = node
    paths = [path_of[id(n)] if n is not None else () for n in cover]
    return roots, paths


def flatten_header(header: Sequence[Sequence[Cell]], n_cols: int) -> list[list[str]]:
    """Per column, its header labels from the top level down (its path in the header tree)."""
    return [list(p) for p in build_tree(header, n_cols)[1]]


def same_header(a: Sequence[Sequence[Cell]], b: Sequence[Sequence[Cell]]) -> bool:
    """Two pieces print the same header: every header row (numbering rows aside) the same text, cell by
    cell, in the same columns."""
    def key(rows: Sequence[Sequence[Cell]]) -> list[tuple[str, ...]]:
        out = []
        for r in rows:
            if _numbers_columns(r, DEFAULT.header):
                continue
            cells = [norm(c.text) for c in r]
            while cells and not cells[-1]:
                cells.pop()
            out.append(tuple(cells))
        return out
    ka, kb = key(a), key(b)
    return bool(ka) and ka == kb
