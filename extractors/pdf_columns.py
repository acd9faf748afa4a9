"""Tables without full rulings, from the alignment of words across rows (column clustering).

The approach of Nurminen's thesis, as in camelot's stream flavour and pdfplumber's text strategy:
a visual line is cut into segments where two words stand further apart than a column gap; three or
more nearby lines with two or more segments make a block (wrapped one-segment lines inside it belong
to it). The block's columns are the x ranges covered by the segments of most of its lines; the
gutters between them are where almost no segment reaches.

The same finder reads a PDF page (x in points) and a space-aligned text (``pdftotext -layout``: x in
character positions, see :mod:`extractors.text_layout`); the caller says how wide a gutter is.

Rows: where the page draws horizontal rules or shaded bands across the block, they separate the
rows (a row is the band between two rules), so a cell wrapped over several lines comes whole.
Without rules a line starts a row when it puts figures where the row already has some, when a
numbering first column (item numbers, budget codes) is filled, or when a gap wider than the
block's line spacing stands above it; any other line carries on the row above (wrapped cell text,
joined with a space). The header (the lines above the first row of figures) becomes one row per
level: a line that puts labels under a label and in the empty column beside it (a spanning label
over "Pagu | Realisasi") opens a lower level, and the spanning label keeps the first of the columns
it spans, the cells it spans left empty, as a ruled merged cell does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import regex

from extractors.coltypes import next_list_item
from extractors.grid_cells import (
    REST,
    YEAR_LABEL,
    by_kind,
    in_order,
    rests_of_cuts,
    stacked_columns,
    under_their_cuts,
    units_in_order,
    words_home,
)
from extractors.header import Shape, cell_shape, header_words_only
from extractors.model import BBox
from extractors.pdf_words import Line, Word, cut_number, split_line, text_of
from extractors.settings import DEFAULT, LayoutSettings

CAPTION = regex.compile(r"^\W{0,3}(?:tabel|table|gambar|grafik|figure)\b", regex.I)
# the source note under a table ("Sumber : Data diolah, 2024", "Sumber data: SIPD"): the table ends above it. Every
# one of the 20 dev / held-out reports prints one under its tables; set at the table's left edge a single space
# apart, pdftotext -layout gave it to the last row as wrapped text (LibreOffice's prints of d01, d09, d10)
SOURCE_NOTE = regex.compile(r"^\W{0,3}sumber(?:\s+data)?\s*:", regex.I)
NUMBERED = regex.compile(r"^(?:\(?\d{1,3}[\.\)]|\(?[a-zA-Z][\.\)]|[IVXLC]{1,5}\.|\d+(?:\.\d+){1,6}\b)")
# an item number or a budget code alone at the start of the first column: "1", "1.", "II.", "a)", "1.06.02"
ITEM = regex.compile(r"^\(?(?:\d{1,3}|[IVXLC]{1,6}|[a-zA-Z])[\.\)]?(?:\s|$)|^\d{1,2}(?:\.\d{1,4}){1,6}\b")
# a figure: a number (with a unit, "%", "Rp", parentheses) or a lone dash for nil
FIGURE = regex.compile(r"\d|^[-\u2013\u2014]$")
SMALL_INT = regex.compile(r"^\(?\d{1,2}\)?$")
_STEP = 0.5  # resolution (points, or character units) of the narrow-gutter search


@dataclass(frozen=True, slots=True)
class Metric:
    """How wide a column gutter is on this input: more than ``min_gap`` and ``gap_ratio`` line heights.
    ``row_gap``: the extra vertical gap (line heights) that starts a row; None where gaps say nothing."""

    min_gap: float
    gap_ratio: float
    row_gap: float | None
    line_gap: float = 1.6  # a block goes on over a vertical gap of at most this many line heights
    word_space: float | None = None  # one word space; None: a share of the line height (a PDF's fonts)
    centred: bool = False  # rows of cells centred vertically are looked for (lines on a grid: a layout text)


def pdf_metric(settings: LayoutSettings = DEFAULT.layout) -> Metric:
    return Metric(settings.min_gap, settings.gap_ratio, settings.row_gap, settings.block_gap)


@dataclass(slots=True)
class UnruledTable:
    bbox: BBox
    rows: list[list[tuple[str, BBox | None]]]
    row_tops: list[float]
    lines: list[Line]  # the lines it took
    form: bool = False  # its rows read by themselves, figures in order (extractors.form_rows)


def _height(line: Line) -> float:
    return max(1.0, line.bottom - line.top)


class _Finder:
    def __init__(self, metric: Metric, settings: LayoutSettings, rules: Sequence[tuple[float, float, float]],
                 ghosts: Sequence[Line] = ()) -> None:
        self.metric = metric
        self.settings = settings
        self.rules = sorted(rules)  # (y, x0, x1) of horizontal rules and shaded band edges
        self.ghosts = list(ghosts)  # running footers dropped from the page's flow (PagePart.dropped)
        # by the line's id, with the line kept alive: a line freed would leave its id to another one
        self._segs: dict[int, tuple[Line, list[Line]]] = {}

    def segments(self, line: Line) -> list[Line]:
        key = id(line)
        if key not in self._segs:
            self._segs[key] = (line, split_line(line, max(self.metric.min_gap, self.metric.gap_ratio * _height(line))))
        return self._segs[key][1]

    # --- blocks ---------------------------------------------------------------------------------------

    def blocks(self, lines: Sequence[Line]) -> list[list[int]]:
        """Runs of line indexes that may form a table (a dropped running footer stands among the lines while they
        are cut into runs: :meth:`_runs_over_ghosts`)."""
        multi = [len(self.segments(ln)) >= 2 and not CAPTION.match(ln.text) and not SOURCE_NOTE.match(ln.text)
                 for ln in lines]
        blocks = self._runs_over_ghosts(lines) if self.ghosts else self._runs(lines)
        if self.rules:
            taken = {i for b in blocks for i in b}
            blocks = [self._within_rules(lines, b, taken) for b in blocks]
        if self.metric.centred:
            taken = {i for b in blocks for i in b}
            blocks = [self._mirrored_above(lines, b, taken) for b in blocks]
        blocks = [part for b in blocks for part in self._split_layouts(lines, b)]
        blocks = [b for b in blocks if sum(multi[i] for i in b) >= self.settings.min_lines]
        return [part for b in blocks for part in self._split_headers(lines, b)]

    def _runs_over_ghosts(self, lines: Sequence[Line]) -> list[list[int]]:
        """The runs as the page stood before its running footers were dropped from its flow (``ghosts``, the
        converted text's page breaks printed mid-page): a footer that a run took in as a wrapped line keeps the run
        whole where rows of figures stand on both sides of it (one table's rows on two pages of the original:
        LibreOffice's print of h06); beside anything else (a header printed again, a caption) the run is cut there
        (the shaded print of h01's annex, whose footer stood between its rows and its repeated header)."""
        ghosts = {id(g) for g in self.ghosts}
        both = sorted([*lines, *self.ghosts], key=lambda ln: (ln.top, ln.x0))
        index = {id(ln): i for i, ln in enumerate(lines)}
        out: list[list[int]] = []
        for run in self._runs(both):
            pieces: list[list[int]] = [[]]
            for j in run:
                if id(both[j]) in ghosts:
                    if pieces[-1]:
                        pieces.append([])
                else:
                    pieces[-1].append(index[id(both[j])])
            pieces = [p for p in pieces if p]
            merged = pieces[:1]
            for piece in pieces[1:]:
                upper, lower = [lines[i] for i in merged[-1]], [lines[i] for i in piece]
                if self.figure_lines(upper) and self._opens_with_rows(lower):
                    merged[-1] = merged[-1] + piece
                else:
                    merged.append(piece)
            out.extend(merged)
        return out

    def _opens_with_rows(self, lines: Sequence[Line]) -> bool:
        """The lines hold rows of figures, and no line of header labels stands above the first of them."""
        first = next((k for k, ln in enumerate(lines) if self._row_of_figures(ln)), None)
        return first is not None and not any(self._header_again(ln, None) for ln in lines[:first])

    def _runs(self, lines: Sequence[Line]) -> list[list[int]]:
        """Runs of lines of two segments or more, close under one another, with the wrapped lines between them."""
        multi = [len(self.segments(ln)) >= 2 and not CAPTION.match(ln.text) and not SOURCE_NOTE.match(ln.text)
                 for ln in lines]
        blocks: list[list[int]] = []
        current: list[int] = []
        pending: list[int] = []  # one-segment lines waiting to see whether the block goes on
        for i, line in enumerate(lines):
            prev = lines[(current + pending)[-1]] if current else None
            close = prev is not None and (line.top - prev.bottom <= self.metric.line_gap * _height(prev)
                                          or self._ruled_between(prev, line))
            if multi[i]:
                if current and close:
                    current += pending + [i]
                else:
                    if current:
                        blocks.append(current + self._trailing(lines, current, pending))
                    current = [i]
                pending = []
            elif (current and close and self._wrapped(lines, current, line, len(pending))
                  and not CAPTION.match(line.text) and not SOURCE_NOTE.match(line.text)):
                pending.append(i)
            else:
                if current:
                    blocks.append(current + self._trailing(lines, current, pending))
                current, pending = [], []
        if current:
            blocks.append(current + self._trailing(lines, current, pending))
        return blocks

    def _split_headers(self, lines: Sequence[Line], block: list[int]) -> list[list[int]]:
        """A block cut before a header printed inside it: a line of labels under rows of figures and over
        more of them. Such a line heads the table's next piece, whose columns may stand elsewhere (a converted
        text's page break kept inside the table, its footer line and repeated header printed as rows: dev-set
        prints d11, h05; Word's "repeat header row" prints the header again at each page's head). A header
        line is the block's own header printed again, or a line of ``header_split_labels`` labels or more
        made of header words only ("No | Kegiatan dan Sub Kegiatan | Indikator kegiatan Target |
        Realisasi"); a wrapped row's last line ("Tunjangan ASN | Orang/bulan | %") is not. The block is cut
        only where the rows below the header stand on other column edges than those above it (the same
        columns are better found from both pieces' rows together, d07's print); each piece keeps at least
        two lines of two segments or more (a table's fewest rows)."""
        multi = [i for i in block if len(self.segments(lines[i])) >= 2]
        rows = [i for i in multi if self._row_of_figures(lines[i])]
        if len(rows) < 2:
            return [block]
        first = [s.text for s in self.segments(lines[multi[0]])] if multi[0] < rows[0] else None
        cuts: list[int] = []
        for i in multi:
            if i <= rows[0] or i > rows[-1] or not self._header_again(lines[i], first):
                continue
            while (k := multi.index(i)) and multi[k - 1] > rows[0] and self._label_line(lines[multi[k - 1]]):
                i = multi[k - 1]  # the header's lines above it ("No Kode | ... | Target Renja", "2024 | (%)")
            start = cuts[-1] if cuts else block[0]
            above = [j for j in multi if start <= j < i]
            if i in cuts or len(above) < 2 or sum(j >= i for j in multi) < 2:
                continue
            if self._moved([lines[j] for j in rows if start <= j < i], [lines[j] for j in rows if j > i]):
                cuts.append(i)
        if not cuts:
            return [block]
        parts = _cut(block, cuts)
        # a piece's one-segment lines after its last row of two segments go with it only when they sit tight
        # under it (a wrapped cell); after a gap they are the page footer kept inside the table (h04's print)
        for k, part in enumerate(parts[:-1]):
            last = max(j for j in part if j in multi)
            body = [j for j in part if j <= last]
            parts[k] = body + self._trailing(lines, body, [j for j in part if j > last])
        return parts

    def _header_again(self, line: Line, first: list[str] | None) -> bool:
        """The block's own header line (``first``) printed again, or a line of labels all of header words."""
        if self._row_of_figures(line):
            return False
        texts = [s.text for s in self.segments(line)]
        return texts == first or (len(texts) >= self.settings.header_split_labels
                                  and all(header_words_only(t) for t in texts))

    def _label_line(self, line: Line) -> bool:
        """A header's line: no row of figures, and most of its words are header words ("No Kode | Program/
        Kegiatan | Target Renja | Tingkat Capaian"; "2024 | (%)" has none, and may stand in a header too); a
        page footer ("LKjIP Dinas Pertanian ... Tahun 2024") or a row's wrapped text is mostly other words."""
        if self._row_of_figures(line):
            return False
        words = regex.findall(r"\p{L}+", line.text)
        known = sum(1 for w in words if header_words_only(w))
        return known >= self.settings.header_label_share * len(words)

    def _moved(self, above: Sequence[Line], below: Sequence[Line]) -> bool:
        """The rows of figures of one side stand, on average, on fewer than ``carried_edge_share`` of the column
        edges of the other side's: the table laid out anew. Both ways, since many rows' edges catch a few
        rows' by chance (h03's print: the two rows below stand on 0.51 of the eight above's edges, those
        eight on 0.26 of theirs). Where neither moved, the same columns are better found from all the rows."""
        if not above or not below:
            return False
        for one, other in ((above, below), (below, above)):
            pool = [x for ln in one for x in self._anchors(ln)]
            if sum(self._matches(ln, pool) for ln in other) / len(other) < self.settings.carried_edge_share:
                return True
        return False

    def _within_rules(self, lines: Sequence[Line], block: list[int], taken: set[int]) -> list[int]:
        """A block drawn between rules across its width (horizontal rules only: a rule above the header, one
        under each row, one under the table) is what its rules enclose. Lines between the top rule and the
        block's first line of two segments are its header's (a label wrapped over two lines in a header of
        cells centred vertically starts above the others: LibreOffice's "Sisa Anggaran" over "(Rp)");
        lines without figures under the last rule are the text after the table, set close under it
        ("Dengan program dan anggaran ...", "BAB III"). A table with fewer than two such rules is left as it
        is, and so are rows of figures under the last rule (a table without a rule at its foot)."""
        block_lines = [lines[i] for i in block]
        x0, x1 = min(ln.x0 for ln in block_lines), max(ln.x1 for ln in block_lines)
        height = _height(block_lines[0])
        reach = self.settings.rule_reach * height
        span = [y for y, r0, r1 in self.rules if r0 <= x0 + reach and r1 >= x1 - reach]
        top = block_lines[0].top
        inside = [y for y in span if top - 1 <= y <= block_lines[-1].bottom + height]  # the rule under it too
        if len(inside) < 2:
            return block
        out = list(block)
        last = max(inside)
        while len(out) > 1 and lines[out[-1]].top > last and not self._row_of_figures(lines[out[-1]]):
            out.pop()
        above = [y for y in span if top - self.settings.max_header_lines * height <= y < top - 1]
        if above:
            rule = max(above)
            k = block[0] - 1
            while k >= 0 and k not in taken and lines[k].top >= rule - 1 and not CAPTION.match(lines[k].text):
                out.insert(0, k)
                k -= 1
        return out

    def _mirrored_above(self, lines: Sequence[Line], block: list[int], taken: set[int]) -> list[int]:
        """A block whose cells are centred vertically takes the one-segment lines right above its first line (no
        blank line between) that a line as far below it mirrors: words in the same x range, the first line
        leaving that range empty. A label or name wrapped over three lines or more beside one-line cells
        spreads as far above their line as below it (LibreOffice's "Sisa Anggaran" over "(Rp)" in a header,
        "Koordinasi dan Penyusunan ..." over a row's code and figures at a page's head: h05's and d03's prints
        as layout text); a top-aligned cell starts on the first line, so nothing stands above it."""
        first = block[0]
        head = lines[first]
        out = list(block)
        for d in range(1, self.settings.centred_max_lines // 2 + 1):
            k, below = first - d, first + d
            if k < 0 or k in taken or below not in block or len(self.segments(lines[k])) != 1:
                break
            line, under = lines[k], lines[below]
            if line.top > lines[k + 1].top - 2 * _height(line) + 0.01 and k + 1 != first:
                break
            if lines[k + 1].top - line.bottom > _height(line) or CAPTION.match(line.text):
                break
            x0, x1 = line.x0, line.x1
            if any(w.x0 < x1 and x0 < w.x1 for w in head.words):
                break
            if not any(w.x0 < x1 and x0 < w.x1 for w in under.words):
                break
            out.insert(0, k)
        return out

    def figure_lines(self, lines: Sequence[Line]) -> list[Line]:
        """The lines of a block that hold figures in two segments or more: its rows, without the header's labels
        (which may span and cross gutters)."""
        return [ln for ln in lines if len(self.segments(ln)) >= 2 and self._row_of_figures(ln)]

    def _anchors(self, line: Line) -> list[float]:
        """Where a line's segments start (after the first) and end: the x positions its columns align on."""
        segs = self.segments(line)
        if self.metric.word_space is not None:
            segs = [part for seg in segs for part in _figures_apart(seg)]
        return [s.x0 for s in segs[1:]] + [s.x1 for s in segs]

    def _matches(self, line: Line, pool: list[float], tol: float | None = None) -> float:
        tol = self.settings.layout_anchor_tol if tol is None else tol
        anchors = self._anchors(line)
        return sum(1 for x in anchors if any(abs(x - y) <= tol for y in pool)) / max(1, len(anchors))

    def _row_of_figures(self, line: Line) -> bool:
        """A line holding figures of a row, not header labels that carry digits ("Target TW 4", "(5)=(4)/(3)",
        "Tahun 2024"): a segment after the first is a figure by the header finder's shapes."""
        segs = self.segments(line)
        texts = [s.text for s in segs]
        return data_line(texts) and any(cell_shape(t, j) is Shape.FIGURE for j, t in enumerate(texts) if j)

    def _rests(self, line: Line, cut_above: list[Line]) -> bool:
        """The line's figures are all rests of figures cut on a line above: a few digits each, under a cut one."""
        tops = [s for above in cut_above for s in self._figure_segments(above) if _CUT_SHAPE.match(s.text)]
        figures = [s for s in self.segments(line)[1:] if _figure(s.text)]
        return bool(tops) and bool(figures) and all(
            REST.match(f.text) and any(t.x0 <= f.x1 and f.x0 <= t.x1 for t in tops) for f in figures)

    def _cut_figures(self, line: Line) -> bool:
        """The line holds a figure cut at its cell's edge, its rest on the next line ("165.471.330.00" over "0":
        LibreOffice's narrow columns, as PDF and as layout text)."""
        return any(_CUT_SHAPE.match(s.text) for s in self._figure_segments(line))

    def _figure_segments(self, line: Line) -> list[Line]:
        """The line's segments after the first, figures a single space apart parted (:func:`_figures_apart`)."""
        return [part for seg in self.segments(line)[1:] for part in _figures_apart(seg)]

    def _split_layouts(self, lines: Sequence[Line], block: list[int]) -> list[list[int]]:
        """Two tables printed one under the other with nothing but a rule or a short line between them are one
        block; their columns stand at other x positions. A block is cut before a line of figures whose
        segments start and end where no line of figures above them does, when there are two such lines above
        and the next lines of figures follow its own positions (a table's rows align with one another; at a
        page's foot, where fewer rows follow, a header or footer line must stand between the two). The
        lines between the last row of the first table and that line (the second one's header, a footer line)
        go with the second table, unless they are one-segment lines or stand tight under the last row between
        the same two rules (a wrapped cell of the last row: :meth:`_row_end`); a one-segment line of header labels
        right above the second table's first line of two segments is its header's ("REALISASI" over "NO | KODE
        | ... | (Rp)": h05's print). Dev-set prints: a table continued after a page's footer line
        in other column widths (d11, d12, h05)."""
        share, need = self.settings.layout_new_share, self.settings.min_lines
        multi = [i for i in block if len(self.segments(lines[i])) >= 2]
        figures = [i for i in multi if self._row_of_figures(lines[i])]
        # the lines that show the layout: not those holding figures cut over two lines, nor those holding only their
        # rests (under them, one or two lines down in a row centred vertically)
        cut = {i for i in multi if self._cut_figures(lines[i])}
        rests = {i for k, i in enumerate(multi) if self._rests(lines[i], [lines[j] for j in multi[max(0, k - 2):k]
                                                                        if j in cut])}
        data = [i for i in figures if i not in cut and i not in rests]
        cuts: list[int] = []
        pool: list[float] = []
        rows = 0
        last_row = -1
        for k, i in enumerate(data):
            line = lines[i]
            last_row = max([last_row, *(j for j in figures if j < i)])
            if rows >= 2 and self._matches(line, pool) <= share:
                after = data[k + 1:k + need]
                own = self._anchors(line)
                between = [j for j in multi if last_row < j < i]  # a header or footer line of its own
                enough = len(after) == need - 1 or (between and len(after) == len(data) - k - 1)
                if enough and all(self._matches(lines[j], own) > share for j in after):
                    end = self._row_end(lines, last_row, i)
                    first = next(j for j in multi if j > end)
                    while first - 1 > end and header_words_only(lines[first - 1].text):
                        first -= 1  # a header's label line of one segment over its line of labels ("REALISASI")
                    cuts.append(first)
                    pool, rows = [], 0
            pool.extend(self._anchors(line))
            rows += 1
            last_row = i
        return _cut(block, cuts) if cuts else [block]

    def _row_end(self, lines: Sequence[Line], row: int, stop: int) -> int:
        """The last line of the row of figures at ``row``, before ``stop``: where rules bound the rows, the lines set
        tight under it (a wrapped line's gap) between the same two rules are its wrapped text (d12's print with
        horizontal rules: "Dipublikasikan | Konten" under "Jumlah Konten Informasi Publik yang | 1.346"); a line
        after a wider gap (a page's footer printed under the table's last row) is not."""
        if not self.rules:
            return row
        band = self._band(lines[row])
        end = row
        while end + 1 < stop and self._band(lines[end + 1]) == band and (
                lines[end + 1].top - lines[end].bottom <= self.settings.row_wrap_gap * _height(lines[end])):
            end += 1
        return end

    def _ruled_between(self, above: Line, below: Line) -> bool:
        """A rule drawn across both lines' x range between them, and no wider gap than a row's padding."""
        if not self.rules or below.top - above.bottom > 3 * _height(above):
            return False
        return any(above.bottom - 1 <= y <= below.top + 1 and x0 <= max(above.x0, below.x0) and x1 >= min(
            above.x1, below.x1) for y, x0, x1 in self.rules)

    def _wrapped(self, lines: Sequence[Line], block: list[int], line: Line, waiting: int) -> bool:
        """A one-segment line that may be wrapped cell text: narrow beside the block, or one short gap."""
        left = min(lines[i].x0 for i in block)
        right = max(lines[i].x1 for i in block)
        narrow = line.x1 - line.x0 <= 0.6 * (right - left)
        return waiting < self.settings.max_wrapped if narrow else waiting < 1

    def _trailing(self, lines: Sequence[Line], block: list[int], pending: list[int]) -> list[int]:
        """Wrapped lines after the last row: tight below it, and narrow or not at the block's left edge."""
        left = min(lines[i].x0 for i in block)
        right = max(lines[i].x1 for i in block)
        out = []
        for i in pending:
            prev = lines[(block + out)[-1]]
            line = lines[i]
            narrow = line.x1 - line.x0 <= 0.6 * (right - left)
            tight = line.top - prev.bottom <= self.settings.row_wrap_gap * _height(prev) or (
                self.metric.row_gap is None and line.top - prev.bottom <= 0.01)
            if tight and (narrow or line.x0 > left + 2 * _height(prev)):
                out.append(i)
            else:
                break
        return out

    # --- columns --------------------------------------------------------------------------------------

    def columns(self, lines: Sequence[Line]) -> list[tuple[float, float]]:
        """Column x ranges from how many multi-segment lines cover each point."""
        multi = [self.segments(ln) for ln in lines if len(self.segments(ln)) >= 2]
        segs = [s for group in multi for s in group]
        lo = int(min(s.x0 for s in segs))
        hi = int(max(s.x1 for s in segs)) + 2
        cover = [0] * (hi - lo + 2)
        for s in segs:
            cover[int(s.x0) - lo] += 1
            cover[int(s.x1) + 1 - lo] -= 1
        limit = max(0, int(self.settings.gutter_share * len(multi)))
        dense = _runs(cover, limit, lo)
        # a column few lines fill (figures of two rows among many wrapped lines) still stands apart from
        # its neighbours by a gutter nothing crosses
        sparse = [r for r in _runs(cover, 0, lo) if not any(r[0] <= d[0] and d[1] <= r[1] for d in dense)]
        cols = sorted(dense + sparse)
        narrow = [part for col in cols for part in self._narrow_split(lines, col)]
        wide = self.settings.narrow_space_factor * self._word_space(lines)
        rows = [self._row_of_figures(ln) for ln in lines]
        first = next((k for k, row in enumerate(rows) if row), None)
        if not first or not self.settings.header_label_split:
            return _without_overflow(narrow, lines, rows, wide)
        owner = [[_column_of(w, narrow) for w in ln.words] for ln in lines]  # each word's column
        split = [part for k in range(len(narrow)) for part in self._label_split(lines, narrow, k, first, owner, wide)]
        return _without_overflow(split, lines, rows, wide)

    def _label_split(self, lines: Sequence[Line], cols: Sequence[tuple[float, float]], index: int, first: int,
                     owner: list[list[int]], wide: float) -> list[tuple[float, float]]:
        """A column cut where its header's lowest labels say two columns stand in it: two labels further apart
        than a word space ("Rp", "K" under "Target" and "Realisasi") over a body where no word crosses the gap
        between them and a row has words on both sides. A table too short to show its narrow gutter by
        alignment (one or two rows of figures on the page: h03's print of a K/Rp table) still has it in its
        header; a label of two words a space apart ("Indikator Kinerja") is one label. ``first``: the block's
        first line of figures; ``owner``: each word's column; ``wide``: a gap wider than a word space."""
        col = cols[index]
        # the words the column takes: those over its range and those nearest it (a column too few lines fill to
        # stand by itself, "NO" over "1" at the table's left edge, lies outside every column's range)
        inside = [[w for w, j in zip(ln.words, own, strict=True) if j == index] for ln, own in zip(lines, owner,
                                                                                                   strict=True)]
        x0, x1 = min([col[0], *(w.x0 for ws in inside for w in ws)]), col[1]
        body = [ws for ws in inside[first:] if ws]
        # the lowest line of labels above the first row of figures (a numbering row, or a row's first lines
        # centred above its figures, may stand below it: E.81's "K Rp K Rp" over "1 2 3 ...")
        # (a line of labels only; else the lowest with two labels or more: "No Sasaran Strategis")
        labels = next((ws for ws in reversed(inside[:first])
                       if len(ws) >= 2 and all(header_words_only(w.text) for w in ws)), []) or next(
            (ws for ws in reversed(inside[:first]) if sum(1 for w in ws if header_words_only(w.text)) >= 2), [])
        cuts: list[float] = []
        for a, b in zip(labels, labels[1:], strict=False):
            if b.x0 - a.x1 <= wide or not (header_words_only(a.text) and header_words_only(b.text)):
                continue
            # the gap's point nearest the right label that no body word crosses
            x = b.x0 - _STEP
            while x > a.x1 and any(w.x0 < x < w.x1 for ws in body for w in ws):
                x -= _STEP
            if x > a.x1 and any(any(w.x1 <= x for w in ws) and any(w.x0 >= x for w in ws) for ws in body):
                cuts.append(x)
        if not cuts:
            return [col]
        edges = [x0, *cuts, x1]
        return [(a, b) for a, b in zip(edges, edges[1:], strict=False)]

    def _narrow_split(self, lines: Sequence[Line], col: tuple[float, float]) -> list[tuple[float, float]]:
        """A column cut where a narrow gutter runs through it: two columns set so tight that their gutter is
        no wider than a word space ("Target Realisasi" over "100,00 100,00" in a table of many columns with
        small cell padding) are told apart by alignment, not by gap width. A gutter is an x range no word
        crosses (a spanning label aside) with words on both sides in ``narrow_min_lines`` lines or more, whose
        words on one side align: the right side's starts (left-aligned cells) or the left side's ends
        (right-aligned figures). Two words of one cell that repeat in every row ("Persentase ...") also
        leave such a range, but their left ends all stand at one x and the gap is a word space: not a gutter.
        Nurminen's thesis (text edges of aligned words); the many-column fixtures of
        ``tests/test_pdf_columns.py`` and dev-set reports printed with tight cells (d07, h01)."""
        x0, x1 = col
        per_line = [[w for w in ln.words if x0 - 0.5 <= w.cx <= x1 + 0.5] for ln in lines]
        per_line = [ws for ws in per_line if ws]
        need = self.settings.narrow_min_lines
        if len(per_line) < need:
            return [col]
        step = _STEP
        lo, n = x0 - 1.0, int((x1 - x0 + 2.0) / step) + 2
        cover = [0] * (n + 1)
        for ws in per_line:
            for w in ws:
                a, b = int((w.x0 - lo) / step) + 1, int((w.x1 - lo) / step)
                if b >= a:
                    cover[max(0, a)] += 1
                    cover[min(n, b + 1)] -= 1
        limit = max(1, int(self.settings.gutter_share * len(per_line)))
        stripes = [s for s in _runs([-d for d in cover], -limit - 1, 0)]  # where coverage <= limit
        clear = _runs([-d for d in cover], -1, 0)  # where no word reaches
        cuts: list[float] = []
        for s0, s1 in stripes:
            # the stripe as a whole, else the part of it no word crosses: a line whose last word reaches into
            # the stripe gives no evidence on the whole of it, but does on the gap after that word (d12's print:
            # "Kabupaten/Kota" ends 4 pt before the next column's words start, inside a stripe 6 pt wide)
            for c0, c1 in [(s0, s1), *((c0, c1) for c0, c1 in clear if s0 <= c0 and c1 <= s1 and (c0, c1) != (s0, s1))]:
                left, right = lo + c0 * step, lo + c1 * step
                if left > x0 and right < x1 and self._is_gutter(per_line, left, right, need):
                    cuts.append((left + right) / 2)
                    break
        if not cuts:
            return [col]
        edges = [x0, *cuts, x1]
        return [(a, b) for a, b in zip(edges, edges[1:], strict=False)]

    def _word_space(self, lines: Sequence[Line]) -> float:
        """One word space on these lines: the metric's (a character grid), else the median gap between two
        words of a line closer than ``word_gap`` line heights (a font's space is a quarter to a third of an em;
        LibreOffice's DejaVu Serif sets 3.2 pt in an 11 pt line, less than the share of the height says)."""
        if self.metric.word_space:
            return self.metric.word_space
        gaps = sorted(gap for ln in lines for half in (self.settings.word_gap * _height(ln),)
                      for a, b in zip(ln.words, ln.words[1:], strict=False) if 0 < (gap := b.x0 - a.x1) < half)
        if not gaps:
            return self.settings.word_space_share * _height(lines[0])
        return gaps[len(gaps) // 2]

    def _is_gutter(self, per_line: list[list[Word]], left: float, right: float, need: int) -> bool:
        ends: list[float] = []
        starts: list[float] = []
        gaps: list[float] = []
        heights: list[float] = []
        pairs: list[tuple[str, str]] = []
        lefts: list[float] = []
        for ws in per_line:
            if any(w.x0 < right - _STEP and w.x1 > left + _STEP for w in ws):
                continue  # a word across the range (a spanning label, a longer cell): says nothing here
            before = [w for w in ws if w.x1 <= left + _STEP]
            after = [w for w in ws if w.x0 >= right - _STEP]
            if not before or not after:
                continue
            a, b = max(before, key=lambda w: w.x1), min(after, key=lambda w: w.x0)
            ends.append(a.x1)
            lefts.append(a.x0)
            starts.append(b.x0)
            gaps.append(b.x0 - a.x1)
            heights.append(a.bottom - a.top)
            pairs.append((a.text, b.text))
        if len(starts) < need:
            return False
        tol, share = self.settings.narrow_align_tol, self.settings.narrow_align_share
        (n_s, asked_s, at_s), (n_e, asked_e, at_e) = _aligned(starts, tol), _aligned([-x for x in ends], tol)
        by_starts, by_ends = n_s >= need and n_s >= share * asked_s, n_e >= need and n_e >= share * asked_e
        if not by_starts and not by_ends:
            return False
        # the lines that speak to the gutter: a line whose next word is a later column's (an empty cell here)
        # shows a wide gap that is not this gutter's (h03's print: "4" then "97.820.000" two columns on, beside
        # "600 Unit", "450 Unit", "400 Orang", one cell's words a space apart)
        speak = [k for k in range(len(starts))
                 if (by_starts and starts[k] <= at_s + tol) or (by_ends and -ends[k] <= at_e + tol)]
        ends, lefts, gaps, heights, pairs = ([v[k] for k in speak] for v in (ends, lefts, gaps, heights, pairs))
        # words that differ from row to row on its left, aligned on one side: a gutter. The same word before it
        # in most rows ("Persentase ...", "kewenangan kabupaten/kota", "100 %") is one cell's words, unless
        # both are figures ("100,00 | 98,50") or more than a word space stands between them ("% | 80,00")
        space = self.metric.word_space or self.settings.word_space_share * sorted(heights)[len(heights) // 2]
        wide = self.settings.narrow_space_factor * space
        first = max(set(a for a, _ in pairs), key=lambda t: sum(1 for a, _ in pairs if a == t))
        repeated = [k for k, (a, _) in enumerate(pairs) if a == first]
        if len(repeated) >= share * len(pairs):
            if min(gaps[k] for k in repeated) > wide:
                return True
            return sum(1 for k in repeated if _figure(pairs[k][0]) and _figure(pairs[k][1])) >= share * len(repeated)
        if max(gaps) > wide:
            return True
        # different words of one width at one place, a word space before the same word: one cell's text whose
        # rows differ only in equal-width digits ("... sosial 1.1.1 kewenangan", "... 1.1.2 kewenangan"); two
        # columns of figures of one width ("268.150.000 | 3", "562.775.000 | 389") differ on both sides
        after = max(set(b for _, b in pairs), key=lambda t: sum(1 for _, b in pairs if b == t))
        figures = sum(1 for a, b in pairs if _figure(a) and _figure(b)) >= share * len(pairs)
        if figures:
            return True
        if self.metric.word_space is not None and not any(_figure(a) or _figure(b) for a, b in pairs):
            # words a single space apart in every line on a character grid: text wrapped in one cell whose
            # next words fall on one character column by chance (h07's layout text: "... Kinerja | Perangkat
            # Daerah", "... Konsultasi | SKPD"); a column of its own shows itself after a wider gap somewhere
            return False
        return not (_alike(ends, tol) >= share * len(ends) and _alike(lefts, tol) >= share * len(lefts)
                    and sum(1 for _, b in pairs if b == after) >= share * len(pairs))

    def cells(self, line: Line, cols: Sequence[tuple[float, float]]) -> list[list[Word]]:
        """The line's words by column: a segment inside one column goes there whole; one that crosses a
        gutter (two columns' text a single space apart) word by word."""
        out: list[list[Word]] = [[] for _ in cols]
        segs = self.segments(line)
        ends = [(_column_of(s.words[0], cols), _column_of(s.words[-1], cols)) for s in segs]
        whole = [_column_of_range(s.x0, s.x1, cols) if a == b else None for s, (a, b) in zip(segs, ends, strict=True)]
        for k, seg in enumerate(segs):
            if whole[k] is not None:
                out[whole[k]].extend(seg.words)
                continue
            before = -1 if k == 0 else (whole[k - 1] if whole[k - 1] is not None else ends[k - 1][1])
            after = len(cols) if k + 1 == len(segs) else (whole[k + 1] if whole[k + 1] is not None else ends[k + 1][0])
            space = self.metric.word_space or self.settings.word_space_share * _height(line)
            prev: int | None = None
            owners = []
            for w in seg.words:
                prev = _gutter_word_column(w, cols, prev, before, after, space)
                owners.append(prev)
            for w, j in zip(seg.words, _labels_at_heads(seg.words, owners), strict=True):
                out[j].append(w)
        return out

    # --- rows -----------------------------------------------------------------------------------------

    def table(self, lines: Sequence[Line], context: Sequence[Line] = (),
              carried: Sequence[tuple[float, float]] = ()) -> UnruledTable | None:
        """The table of a block; ``context``: more lines of the same table (on another page) whose words count
        for the columns only; ``carried``: the columns of that other piece, taken where there are no fewer of them
        than the block's own (see :func:`unruled_tables`)."""
        rests = rests_of_cuts(lines, self.settings) if self.metric.word_space is not None else {}
        # the rests of cut figures stand wherever the cell's second line puts them: they show no column
        shown = [ln if not any(w in rests for w in ln.words) else Line(tuple(w for w in ln.words if w not in rests))
                 for ln in lines if any(w not in rests for w in ln.words)]
        cols = self.columns(shown)
        if context:  # the other piece's rows show gutters these lines cannot; where they hide some, not taken
            joint = self.columns([*shown, *context])
            cols = joint if len(joint) >= len(cols) else cols
        if carried and len(carried) >= len(cols):
            cols = list(carried)
        if len(cols) < 2:
            return None
        per_line = [self.cells(ln, cols) for ln in lines]
        if self.metric.word_space is not None:  # a character grid: figures set too tight, read back (grid_cells)
            data = [data_line([" ".join(w.text for w in c) for c in cells]) for cells in per_line]
            split, parts = stacked_columns(per_line, cols, data)
            if parts:
                cols = split
                per_line = [self.cells(ln, cols) for ln in lines]
            per_line = in_order(per_line, parts, self.metric.word_space, data, self.settings)
            per_line = units_in_order(per_line, data)
            per_line = under_their_cuts(per_line, rests)
            per_line = by_kind(per_line, self.settings.kind_share)
            per_line = words_home(per_line, self.settings.kind_share)
        texts = [[" ".join(w.text for w in c) for c in cells] for cells in per_line]
        first_data = next((k for k, t in enumerate(texts) if data_line(t)), None)
        n_head = first_data if first_data is not None and first_data <= self.settings.max_header_lines else 0
        # a numbering row ("(1) (2) (3) ...") closes the header: what follows is the body even before its
        # first figures (a heading "Sasaran 1: ...", an item whose figures stand on its last line); it may
        # stand lower than max_header_lines where labels in narrow columns wrap over many lines (form E.81
        # printed on one landscape page: 15 lines of labels over "K Rp" and the numbering in d09, d03, h07)
        search = first_data if first_data is not None else len(texts)
        n_head = next((k + 1 for k in range(min(search, self.settings.max_header_lines_numbered))
                       if _numbering_line(texts[k])), n_head)
        n_head = self._head_above_band(lines, texts, n_head, first_data)
        if self.metric.centred and first_data is not None and n_head == first_data:
            n_head -= self._centred_top(texts, n_head)
        bands = [self._band(ln) for ln in lines[:n_head]]
        while n_head > 2 and self._heading_under_levels(per_line[:n_head], texts[:n_head], bands[:n_head]):
            n_head -= 1
        head = self._header(per_line[:n_head], texts[:n_head], bands[:n_head])
        body = self._body(lines[n_head:], per_line[n_head:], texts[n_head:], carried=bool(carried))
        rows = head + body
        if len(rows) < (1 if context else 2):  # one row carried over a page break is a piece of its table
            return None
        tops = [min((w.top for c in r for w in c), default=lines[0].top) for r in rows]
        out = [[_cell(words, cols[j]) for j, words in enumerate(r)] for r in rows]
        bbox = (min(ln.x0 for ln in lines), lines[0].top, max(ln.x1 for ln in lines), max(ln.bottom for ln in lines))
        return UnruledTable(bbox, out, tops, list(lines))

    def _centred_top(self, texts: list[list[str]], n_head: int) -> int:
        """How many of the header's last lines are the first row's upper lines in a table of cells centred
        vertically (a name wrapped over three lines stands one line above the row's figures): the most lines,
        header's first line aside, that the centred reading (:func:`centred_rows`) puts in one row with the first
        line of figures, none of them filling a column where that line has a figure (a unit label "(Rp)" over
        the figures is the header's). LibreOffice's prints as layout text (d03: "PROGRAM PENUNJANG URUSAN" over
        "1.03.01 ... 27.106.680.000"; h06's Tabel 3.5)."""
        figures = {j for j, t in enumerate(texts[n_head]) if j and _figure(t)}
        best = 0
        for m in range(1, min(n_head - 1, self.settings.centred_max_lines // 2) + 1):
            if any(texts[k][j] for k in range(n_head - m, n_head) for j in figures):
                break
            spans = centred_rows(texts[n_head - m:], self._numbered(texts[n_head - m:]), self.settings)
            if spans is not None and spans[0][0] == 0 and spans[0][1] >= m:
                best = m
        return best

    def _numbered(self, texts: list[list[str]]) -> bool:
        firsts = [t[0] for t in texts if t[0]]
        return bool(firsts) and sum(1 for t in firsts if ITEM.match(t)) >= self.settings.numbering_share * len(firsts)

    def _header(self, per_line: list[list[list[Word]]], texts: list[list[str]], bands: list[int]
                ) -> list[list[list[Word]]]:
        """Header lines as rows, one per level of labels. Where rules run between the header's lines, each
        band between two rules is one row (its lines are wrapped labels); else a line opens a new level
        when it puts labels under a spanning one."""
        rows: list[list[list[Word]]] = []
        ruled = len(set(bands)) >= 2
        for k, (cells, text) in enumerate(zip(per_line, texts, strict=True)):
            new = not rows or _numbering_line(text) or (
                bands[k] != bands[k - 1] if ruled else _opens_level(rows[-1], text))  # "1 2 3 ...": a row of its own
            if new:
                if rows:
                    _left_align_spans(rows[-1], cells)
                rows.append([list(c) for c in cells])
                continue
            for j, words in enumerate(cells):
                rows[-1][j].extend(words)
        return rows

    def _head_above_band(self, lines: Sequence[Line], texts: list[list[str]], n_head: int, first_data: int | None
                         ) -> int:
        """Where rules bound the rows, the header ends above the band of the first row of figures: lines of that
        band above its line of figures are the row's own (its name's first lines, the other cells centred
        vertically on a lower line: LibreOffice's rows "Penerbitan Izin Usaha Simpan Pinjam" over "0 1 ...
        12 Izin 45.000.000"), unless they are labels (header words only: a header with no rule under it)."""
        if not self.rules or first_data is None or n_head != first_data or not n_head:
            return n_head
        band = self._band(lines[first_data])
        k = first_data
        while k > 0 and self._band(lines[k - 1]) == band:
            k -= 1
        if band == 0 or k == first_data or any(
                all(header_words_only(t) for t in texts[j] if t) for j in range(k, first_data)):
            return n_head
        return k

    def _heading_under_levels(self, per_line: list[list[list[Word]]], texts: list[list[str]], bands: list[int]
                              ) -> bool:
        """The last header line is the body's first heading ("Sasaran 1: ...", above the first row of figures):
        below a header of two levels or more it fills one cell, of several words, that the lowest level leaves
        empty. A wrapped label continues a label of its own level ("Capaian" over "(%)"); a label set beside
        sub-labels stands on their line, not on a line of its own below them."""
        filled = [j for j, t in enumerate(texts[-1]) if t]
        if len(filled) != 1 or len(texts[-1][filled[0]].split()) < 3:
            return False
        head = self._header(per_line[:-1], texts[:-1], bands[:-1])
        return len(head) >= 2 and not head[-1][filled[0]]

    def _body(self, lines: Sequence[Line], per_line: list[list[list[Word]]], texts: list[list[str]],
              carried: bool = False) -> list[list[list[Word]]]:
        """The body's rows from its lines. ``carried``: a piece cut on the columns of the table it carries on, whose
        rules between rows were seen with its rows before: two bands of figures show them (:meth:`_rows_ruled`)."""
        # columns no line fills (a numbering column empty on a carried piece's page, cut on the columns of the piece
        # before it) are left out of the row tests: the first filled column is the one a row's number or code opens
        lead = next((j for j in range(min((len(t) for t in texts), default=0)) if any(t[j] for t in texts)), 0)
        texts = [t[lead:] for t in texts]
        numbered = self._numbered(texts)
        gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False)]
        usual = sorted(gaps)[len(gaps) // 4] if gaps else 0.0
        bands = [self._band(ln) for ln in lines]
        least = self.settings.carried_ruled_min_bands if carried else self.settings.ruled_min_bands
        ruled = bool(self.rules) and self._rows_ruled(bands, texts, least)
        if self.metric.centred and not ruled:
            spans = centred_rows(texts, numbered, self.settings)
            if spans is not None:
                return [[[w for k in range(a, b + 1) for w in per_line[k][j]] for j in range(len(per_line[a]))]
                        for a, b in spans]
        rows: list[list[list[Word]]] = []
        row_text: list[str] = []
        band = None
        for k, (cells, text) in enumerate(zip(per_line, texts, strict=True)):
            here = bands[k]
            new = not rows
            if not new and ruled:
                new = here != band
            elif not new:
                new = self._starts_row(row_text, text, numbered)
                if not new and self.metric.row_gap is not None and k:
                    new = gaps[k - 1] - usual > self.metric.row_gap * _height(lines[k - 1])
            band = here
            if new:
                rows.append([list(c) for c in cells])
                row_text = list(text)
                continue
            for j, words in enumerate(cells):
                rows[-1][j].extend(words)
            for j, piece in enumerate(text):
                if piece:
                    row_text[j] = f"{row_text[j]} {piece}".strip()
        return rows

    def _rows_ruled(self, bands: list[int], texts: list[list[str]], min_bands: int) -> bool:
        """Rules run between the rows (not only under the header and at the foot): ``min_bands`` bands of figures
        or more, and in the bands that hold figures, no more lines of figures than a wrapped row has (a figure cut
        over two lines, a "K" and its unit on another)."""
        per_band: dict[int, int] = {}
        for band, text in zip(bands, texts, strict=True):
            if data_line(text):
                per_band[band] = per_band.get(band, 0) + 1
        if len(set(bands)) < 2 or len(per_band) < min_bands:
            return False  # rules under the header, above a total and at the foot only (booktabs style)
        counts = sorted(per_band.values())
        return counts[len(counts) // 2] <= self.settings.ruled_row_lines

    def _band(self, line: Line) -> int:
        """How many rules across the line stand above it: lines between the same two rules are one row."""
        mid = (line.top + line.bottom) / 2
        return sum(1 for y, x0, x1 in self.rules if y < mid and x0 <= line.x1 and x1 >= line.x0)

    @staticmethod
    def _starts_row(row: list[str], line: list[str], numbered: bool) -> bool:
        figures = {j for j, t in enumerate(line) if j and _figure(t)}
        held = {j for j, t in enumerate(row) if j and _figure(t)}
        # item numbers are no figures ("1. Sangat" over "Baik 2. Baik": words of two stacked items)
        both = {j for j in figures & held if _figure(_ITEM_MARK.sub(" ", line[j]))}
        code_cut = bool(line[0]) and is_cut_code(row[0], line[0])  # "1.02.01.2.01.0" over "1"
        # the rest of figures too wide for their cells ("171,150,000,00" over "0.00"), also beside the row's number
        # where the row has none yet: cells centred vertically put the code on the row's middle line, under the
        # first lines of its cut figures (LibreOffice's prints of d06, d09: "PROGRAM PENUNJANG ... 5.194.124.547,0"
        # over "1.05.01 DAERAH KABUPATEN/KOTA 5.332.298.600,00 0")
        if both and (not line[0] or code_cut or not row[0]) and all(_continues_cell(row[j], line[j]) for j in both):
            return False
        if not both and line[0] and not row[0] and any(_PENDING.match(t) for t in row[1:]):
            return False  # figures cut above, their rests still to come: the row's number on its middle line
        if both:
            return True  # figures where the row already has its own
        if code_cut:
            return False
        if line[0]:
            if numbered:
                only_first = not any(line[1:]) and not any(row[1:])
                return not only_first  # a number or heading in the numbering column (its wrapped text aside)
            return bool(figures) and bool(held)
        return False


_CODE = regex.compile(r"^(?:\d+\.)+(\d*)$")  # a code, maybe cut right after a dot ("1.03.02.2.02." over "01")
_CODE_TAIL = regex.compile(r"^(\d{1,4})((?:\.\d{2,4})*)$")
_CODE_ENDS = (2, 4)  # digits of a code's last group: kegiatan "2.01", sub kegiatan "01" or "0001" (Permendagri 90)
_KEGIATAN_DIGITS = 2  # a group followed by a sub kegiatan's is a kegiatan's: "2.01" in "2.23.01.2.01.0001"


def is_cut_code(above: str, below: str) -> bool:
    """A budget code too wide for its cell, cut in a group or after a dot ("1.02.01.2.01.0" over "1",
    "5.02.01.2.01.000" over "1", "2.23.01.2.0" over "1.0006", "1.03.02.2.02." over "01": holdout4 j03's and dev d03's
    E.81 on the no-rules print): joined, the cut group has two or four digits where it ends the code (as the
    codes of Permendagri 90 end: kegiatan "2.01", sub kegiatan "01" or "0001") or two where the sub kegiatan's
    group follows it, and it had fewer before."""
    code, rest = _CODE.match(above.strip()), _CODE_TAIL.match(below.strip())
    if code is None or rest is None or (not code.group(1) and above.count(".") < 2):  # "1." is an item's number
        return False
    joined = len(code.group(1) + rest.group(1))
    return joined == _KEGIATAN_DIGITS if rest.group(2) else joined in _CODE_ENDS


def _stacked(pieces: list[str], numbering: bool) -> bool:
    """A column's lines within one row hold two cells' worth: two figures stacked that do not read as one figure
    cut over two lines or one cell's list; in a numbering column, two item numbers or codes that are no one code cut
    over two lines (a numbering cell holds one number: "1." over "a." are a heading row and its first item, the
    outline of i04's Tabel 3.5 on the hrules print as layout text, never one cell's list)."""
    if numbering:
        marked = [p for p in pieces if ITEM.match(p)]
        return any(not (cut_number(a, b) or is_cut_code(a, b)) for a, b in zip(marked, marked[1:], strict=False))
    marked = [p for p in pieces if _figure(p)]
    return any(not _continues_cell(a, b) for a, b in zip(marked, marked[1:], strict=False))


def _partition(texts: list[list[str]], numbered: bool, longest: int, fits: Callable[[int, int, list[int]], bool]
               ) -> list[tuple[int, int]]:
    """The fewest rows (runs of lines, each at most ``longest`` lines) the lines fall into, each row's cells
    placed as ``fits`` (row's first and last line, each cell's first and last line) says a row's cells stand, its
    tallest cell taking all its lines (a row is as tall as its tallest cell, whatever the cells' alignment), and
    no column holding two cells' figures (:func:`_stacked`); a line alone always fits."""
    n = len(texts)
    best: list[tuple[int, int] | None] = [(0, 0)] + [None] * n
    back = [0] * (n + 1)
    for b in range(n):
        for a in range(b, max(-1, b - longest), -1):
            cols = range(len(texts[a]))
            if any(_stacked([texts[k][j] for k in range(a, b + 1) if texts[k][j]], numbered and j == 0) for j in cols):
                break  # a longer row holds them too
            ends = [e for j in cols if (occ := [k for k in range(a, b + 1) if texts[k][j]])
                    for e in (occ[0], occ[-1])]
            prev = best[a]
            tallest = any(ends[k] == a and ends[k + 1] == b for k in range(0, len(ends), 2))
            if prev is None or not tallest or not fits(a, b, ends):
                continue
            cand = (prev[0] + 1, prev[1] + b - a)
            cur = best[b + 1]
            if cur is None or cand[0] < cur[0]:
                best[b + 1], back[b + 1] = cand, a
    spans: list[tuple[int, int]] = []
    b = n
    while b:
        spans.append((back[b], b - 1))
        b = back[b]
    return spans[::-1]


def centred_rows(texts: list[list[str]], numbered: bool, settings: LayoutSettings = DEFAULT.layout
                 ) -> list[tuple[int, int]] | None:
    """Rows of a table whose cells are centred vertically in their rows (LibreOffice's and Word's "centre"
    cell alignment), as (first, last) line, or None where the lines read better as top-aligned rows.

    In such a table a row's one-line cells stand on its middle line, a cell of more lines spreads as far above
    it as below it, and a figure or code too wide for its cell ("28.276.042.15" over "0") stands over and under
    the middle line; rows follow one another without a gap. So the rows are the runs of lines in which every
    cell's first and last lines stand as far (within ``centred_tol`` lines: a converter puts a line half-way
    between two on one of them) from the run's middle as each other, no column holding two figures or codes
    that are no one figure cut; of those partitions, the one with the fewest rows (a line alone is a row, the
    weakest reading). Read the same way with each cell starting on the row's first line (top-aligned), the
    lines need as many rows or fewer in a top-aligned table, while a centred table with rows of several
    heights needs ``centred_min_gain`` rows more, and ``centred_min_share`` of its rows: only then are the rows
    read as centred (LibreOffice's prints
    of the dev set read as pdftotext -layout text: d01, h06, d07; reportlab's top-aligned prints keep their
    rows)."""
    if len(texts) < 2:
        return None
    tol = settings.centred_tol
    longest = settings.centred_max_lines

    def centred(a: int, b: int, ends: list[int]) -> bool:
        return all(abs(ends[k] + ends[k + 1] - a - b) <= 2 * tol for k in range(0, len(ends), 2))

    def top(a: int, b: int, ends: list[int]) -> bool:
        return all(ends[k] == a for k in range(0, len(ends), 2))

    mid = _partition(texts, numbered, longest, centred)
    tops = _partition(texts, numbered, longest, top)
    gain = len(tops) - len(mid)
    if gain < settings.centred_min_gain or gain < settings.centred_min_share * len(tops):
        return None
    return mid


# a figure cut at its cell's edge: its last group shorter than three digits after a separator of its grouping
# ("165.471.330.00", "6,543,460,00"; "165,471,330.00" is a decimal)
_CUT_SHAPE = regex.compile(r"^\d{1,3}([.,])\d{3}(?:\1\d{3})*\1\d{1,2}$")
# a figure cut at its cell's edge whose rest comes on a later line: that shape, or a grouped amount ending in a
# one-digit decimal (money prints two: "5.194.124.547,0")
_PENDING = regex.compile(_CUT_SHAPE.pattern + r"|^\d{1,3}(?:\.\d{3})+,\d$|^\d{1,3}(?:,\d{3})+\.\d$")
# a whole figure as a cell prints it: grouped thousands ("165.471.330.000", also cut short: "165.471.330.00"),
# a decimal ("97,14", "96.75"), a percentage ("96,18%")
_WHOLE_FIGURE = regex.compile(r"^\(?-?(?:\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,3})?|\d+[.,]\d{1,2}|\d+(?:[.,]\d+)?%)\)?%?$")


def _figures_apart(seg: Line) -> list[Line]:
    """A segment cut between two whole figures a single space apart: on a character grid two cells filled to
    their edges stand one space apart ("18.206.411.372 97,14"), and one cell never prints two such figures
    side by side."""
    parts: list[list[Word]] = [[seg.words[0]]]
    for w in seg.words[1:]:
        if _WHOLE_FIGURE.match(parts[-1][-1].text) and _WHOLE_FIGURE.match(w.text):
            parts.append([w])
        else:
            parts[-1].append(w)
    return [seg] if len(parts) == 1 else [Line(tuple(p)) for p in parts]




def _cut(block: list[int], cuts: list[int]) -> list[list[int]]:
    """The block's line indexes in pieces, each cut starting a new one (no piece empty)."""
    parts: list[list[int]] = [[]]
    for i in block:
        if i in cuts and parts[-1]:
            parts.append([])
        parts[-1].append(i)
    return parts


def _runs(cover: list[int], limit: int, lo: int) -> list[tuple[float, float]]:
    """x ranges where more than ``limit`` segments reach (``cover`` holds the changes of the count)."""
    out: list[tuple[float, float]] = []
    run = 0
    start: int | None = None
    for k, delta in enumerate(cover):
        run += delta
        if run > limit and start is None:
            start = k
        elif run <= limit and start is not None:
            out.append((float(start + lo), float(k + lo)))
            start = None
    return out


_DANGLING_ITEM = regex.compile(r"(?:^|\s)\d{1,2}[.)]$")  # "1. 90% 2." : the cell's next item starts here
_ITEM_MARK = regex.compile(r"(?:^|(?<=\s))\d{1,2}[.)](?=\s|$)")


def _continues_cell(above: str, below: str) -> bool:
    """A cell's next line that carries its text on: the rest of a figure cut at the cell's edge, the value of a
    numbered item whose number ends the line above ("1. 90% 2." over "85%"), or the next numbered item
    ("1. 101,39%" over "2. 85,18%"): values of two indicators stacked in one cell, as the converted texts of
    the samples (001) and the dev set (d01) print them."""
    return (cut_number(above, below) or _DANGLING_ITEM.search(above) is not None
            or next_list_item(above, below, spaced=True))  # "2. 85,18%" under "1. 101,39%"


def _alike(values: list[float], tol: float) -> int:
    """The largest number of values within ``tol`` of one another."""
    ordered = sorted(values)
    best = j = 0
    for i, v in enumerate(ordered):
        while ordered[j] < v - tol:
            j += 1
        best = max(best, i - j + 1)
    return best


def _aligned(starts: list[float], tol: float) -> tuple[int, int, float]:
    """How many words start at one x after a gutter (within ``tol``), how many lines speak to it (those and the
    lines whose next word starts nearer the gutter: a cell that does not start there), and that x. A line whose next
    word starts further on has an empty cell there (its next word is a later column's) and says nothing
    (d12's print: seven indicators' targets start at one x, five rows have no target on that line). Ends
    before a gutter are asked the same, negated."""
    ordered = sorted(starts)
    best, lower, at = 0, 0, 0.0
    j = 0
    for i, v in enumerate(ordered):
        while ordered[j] < v - tol:
            j += 1
        if i - j + 1 > best:
            best, lower, at = i - j + 1, j, ordered[j]
    return best, best + lower, at


def _figure(text: str) -> bool:
    return bool(text) and bool(FIGURE.search(text)) and not YEAR_LABEL.match(text) and sum(
        ch.isalpha() for ch in text) <= 16


def _small_ints(texts: list[str]) -> list[int] | None:
    """The small numbers a line holds, every word of it one ("1", "(2)"; two columns set too tight to part
    give "1 2" in one cell), or None."""
    tokens = [t for text in texts for t in text.split()]
    if not tokens or not all(SMALL_INT.match(t) for t in tokens):
        return None
    return [int(t.strip("() ")) for t in tokens]


def data_line(texts: list[str]) -> bool:
    """A line holding figures of a row (not labels, years or the numbering row "1 2 3 ...")."""
    if not any(_figure(t) for t in texts[1:]):
        return False
    return _small_ints(texts) is None


def _numbering_line(texts: list[str]) -> bool:
    """The numbering row under a header: three or more small numbers ("1", "(2)"), rising."""
    nums = _small_ints(texts)
    return nums is not None and len(nums) >= 3 and all(b > a for a, b in zip(nums, nums[1:], strict=False))


def _opens_level(row: list[list[Word]], line: list[str]) -> bool:
    """The line puts labels under a label of the row and in the empty column beside it: sub-labels of a
    spanning label ("Anggaran" over "Pagu | Realisasi")."""
    for j in range(len(line) - 1):
        if line[j] and line[j + 1]:
            left, right = bool(row[j]), bool(row[j + 1])
            if left != right:
                return True
    return False


def _left_align_spans(row: list[list[Word]], below: list[list[Word]]) -> None:
    """A spanning label centred over its columns may have fallen in a later one: each column the line below
    fills under an empty cell belongs to the label above it (overlapping it), else to the nearest label on
    its left (labels are printed left-aligned or centred); a label moves to the first of its columns (left
    of it only, into an empty cell)."""
    labels = [j for j, words in enumerate(row) if words]
    if not labels:
        return
    extent = {j: (min(w.x0 for w in row[j]), max(w.x1 for w in row[j])) for j in labels}
    first = {j: j for j in labels}
    for k, words in enumerate(below):
        if words and not row[k]:
            x0, x1 = min(w.x0 for w in words), max(w.x1 for w in words)
            over = [j for j in labels if extent[j][0] < x1 and x0 < extent[j][1]]
            left = [j for j in labels if extent[j][1] <= x0]
            owner = over[0] if over else (max(left, key=lambda j: extent[j][1]) if left else None)
            if owner is not None:
                first[owner] = min(first[owner], k)
    for j in labels:
        k = first[j]
        if k < j and not any(row[k:j]):
            row[k], row[j] = row[j], []


# the words a column's label starts with (Permendagri 86/2017 form E.81, PermenPAN-RB 53/2014's tables)
_LABEL_HEAD = regex.compile(r"^(?:target|realisasi|capaian|pagu|anggaran|sisa|satuan|indikator|kondisi|keterangan|"
                            r"uraian|kode|program|kegiatan|sasaran|penyerapan|efisiensi|alokasi|rencana|selisih)$",
                            regex.I)


def _labels_at_heads(words: Sequence[Word], owners: list[int]) -> list[int]:
    """The columns of a header segment's words, the cut between two labels moved by one word onto the word a label
    starts with: two labels a single space apart ("Target Akhir Renstra Realisasi" over two columns) are parted
    by place, and a last word of the left label standing nearer the next column ("Renstra") goes with its label
    when the word after it starts the next one ("Realisasi"). Words only: a line of figures is left as placed."""
    if any(any(ch.isdigit() for ch in w.text) and not YEAR_LABEL.match(w.text) for w in words):
        return owners
    out = list(owners)
    for i in range(1, len(words) - 1):
        if (out[i] != out[i - 1] and out[i + 1] == out[i] and not _LABEL_HEAD.match(words[i].text)
                and _LABEL_HEAD.match(words[i + 1].text)):
            out[i] = out[i - 1]
    return out


def _without_overflow(cols: list[tuple[float, float]], lines: Sequence[Line], rows: Sequence[bool], space: float
                      ) -> list[tuple[float, float]]:
    """The columns, each one that holds only the overflow of the column on its left joined to it. Where every
    word in it is a word of letters and its first word on each line stands ``space`` or less
    (``narrow_space_factor`` word spaces) after a word of letters of the left column (a name's, not a figure's:
    units set tight after their figures are a column), it has no cell of its own (no header label, no figure,
    nothing standing apart): a long name's last words run past where the other rows' names end, up to the next
    column ("Persentase cabang olahraga yang | berprestasi" before "55,00%" in LibreOffice's tight cells, h05's
    top-aligned print; the fixture of ``tests/test_pdf_columns.py``). Only a column with words on a row of figures
    (``rows``: which lines are) may be such: a spanning header label's words set one space apart over columns
    ("Realisasi Kinerja Tahun 2022 s.d. 2024") are no row's overflow. Columns in x order; at least two stay."""
    if len(cols) <= 2:
        return cols
    owners = [[_column_of(w, cols) for w in ln.words] for ln in lines]
    filled = [False] * len(cols)  # words on a row of figures
    apart = [False] * len(cols)  # a word of its own: not letters, or standing apart from the left column's
    for ln, own, row in zip(lines, owners, rows, strict=True):
        lasts: dict[int, Word] = {}
        starts: dict[int, Word] = {}
        for w, j in zip(ln.words, own, strict=True):
            if j not in lasts or w.x1 > lasts[j].x1:
                lasts[j] = w
            if j not in starts or w.x0 < starts[j].x0:
                starts[j] = w
            filled[j] = filled[j] or row
            apart[j] = apart[j] or not _LETTERS.match(w.text)
        for j, w in starts.items():
            last = lasts.get(j - 1)
            if last is None or w.x0 - last.x1 > space or not _LETTERS.match(last.text):
                apart[j] = True
    out: list[tuple[float, float]] = []
    for j, col in enumerate(cols):
        if out and filled[j] and not apart[j] and len(cols) - (j - len(out)) > 2:
            out[-1] = (out[-1][0], col[1])
        else:
            out.append(col)
    return out


_LETTERS = regex.compile(r"^\p{L}[\p{L}\-/]*[,.;:)]?$")


def _column_of(word: Word, cols: Sequence[tuple[float, float]]) -> int:
    """The column holding the word's centre, or the nearest one."""
    return _column_of_range(word.x0, word.x1, cols)


def _gutter_word_column(word: Word, cols: Sequence[tuple[float, float]], prev: int | None, before: int, after: int,
                        space: float) -> int:
    """The column of a word of a segment that crosses a gutter (``prev``: the column of the word before it in
    the segment; ``before``/``after``: those of the line's previous and next segments). A word over a column
    goes there. A word standing in a gutter is one space from its neighbour, so it stays in the neighbour's
    cell ("Realisasi 2024" set left-aligned over narrower figures, a heading running past its column) unless
    it touches the next column (within a word space: a centred "%" over right-aligned figures) and no other
    segment of the line is in that column: a cell holds no gutter-wide gap."""
    if any(c0 < word.x1 and word.x0 < c1 for c0, c1 in cols):
        return _column_of(word, cols)
    right = next((i for i, (c0, _) in enumerate(cols) if c0 >= word.x1), None)
    left = next((i for i in range(len(cols) - 1, -1, -1) if cols[i][1] <= word.x0), None)
    if prev is not None:
        touches = right is not None and cols[right][0] - word.x1 <= space and right < after
        return right if touches else prev
    if left is not None and word.x0 - cols[left][1] <= space and left > before:
        return left
    return right if right is not None else _column_of(word, cols)


def _column_of_range(x0: float, x1: float, cols: Sequence[tuple[float, float]]) -> int:
    cx = (x0 + x1) / 2
    return min(range(len(cols)), key=lambda j: max(cols[j][0] - cx, cx - cols[j][1], 0.0))


def _cell(words: list[Word], edges: tuple[float, float] | None = None) -> tuple[str, BBox | None]:
    """A cell's text and box; with its column's ``edges``, a line that fills the column is marked as a possible
    cut (:func:`extractors.pdf_words.text_of`)."""
    if not words:
        return ("", None)
    return (text_of(words, edges), (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words),
                             max(w.bottom for w in words)))


def _same_table(finder: _Finder, a: Sequence[Line], b: Sequence[Line], loose: bool = False,
                ragged_left: bool = False) -> bool:
    """Two blocks set across the same x range whose rows of figures stand on the same column edges: one
    table's two pieces on two pages (two tables both as wide as the page differ in their edges). ``loose``: the
    test for a piece that is no table without the other (:func:`_foot_piece`), where a single row may end short
    of the other piece's widest one, and a layout text's edges may move by ``settings.carried_drift_chars``.
    ``ragged_left``: the pieces' words stand in the columns of the table carried over (:func:`fits_columns`), so
    either piece may start right of the other, its first columns empty on its page (a numbering and sasaran column
    filled on a group's first row only: holdout4 j03's E.81)."""
    tol = finder.settings.carried_span_tol
    rows_a, rows_b = finder.figure_lines(a), finder.figure_lines(b)
    if not rows_a and rows_b and _numbering_closes(finder, a):
        # a header alone at the page's foot, closed by its numbering row (the table broke right under it):
        # the rows that open the next page across the same span are its body
        b0, b1 = min(ln.x0 for ln in rows_b), max(ln.x1 for ln in rows_b)
        return abs(min(ln.x0 for ln in a) - b0) <= tol and max(ln.x1 for ln in a) >= b1 - tol
    if not rows_a or not rows_b:
        return False
    a0, a1 = min(ln.x0 for ln in rows_a), max(ln.x1 for ln in rows_a)  # the rows' span: a header label
    b0, b1 = min(ln.x0 for ln in rows_b), max(ln.x1 for ln in rows_b)  # may reach past the last figures
    small, large = sorted((rows_a, rows_b), key=len)
    single = loose and len(small) == 1
    s1, l1 = (a1, b1) if small is rows_a else (b1, a1)
    # a single row may end short of the other piece's widest one (its last cells empty, or a row of the other
    # piece shifted a column right: the converted text of h04 has one), never past it
    if (abs(a0 - b0) > tol and not ragged_left) or (s1 > l1 + tol if single else abs(a1 - b1) > tol):
        return False
    # each piece's rows stand on the other's column edges; a single row leaves columns empty that the other
    # piece fills (quarters with no figure yet: h04's E.81), so with one row only that row is asked. A layout
    # text sets each page on a character grid of its own (pdftotext -layout): its edges may move between pages
    drift = (finder.metric.word_space or 0.0) * finder.settings.carried_drift_chars if loose else 0.0
    edge_tol = max(finder.settings.layout_anchor_tol, drift)
    pairs = [(large, small)] if len(small) == 1 else [(large, small), (small, large)]
    for one, other in pairs:
        pool = [x for ln in one for x in finder._anchors(ln)]
        shares = [finder._matches(ln, pool, edge_tol) for ln in other]
        if sum(shares) / len(shares) < finder.settings.carried_edge_share:
            return False
    return True


def _foot_piece(finder: _Finder, lines: Sequence[Line], blocks: list[list[int]], after: Sequence[Line]
                ) -> list[int] | None:
    """A table's first piece at the page's foot, too short to be a block by itself (its header and a first row:
    two lines of two segments or more, under ``settings.min_lines``), kept where it closes the page and the table
    that opens the next page stands on its column edges (:func:`_same_table`): the rest of the same table. The
    mirror of the rows a page break leaves at the next page's head (:func:`_head_rows`). Seen where a caption or a
    running line fell right above a table near a page's foot: h04 (Tabel 3.4, header and one row over the
    break, as the grid and shaded prints and their layout text) and h03 (LibreOffice's print as layout text)."""
    if blocks and blocks[-1][-1] == len(lines) - 1:
        return None  # the page's last block closes it already
    taken = {i for b in blocks for i in b}
    loose = _Finder(finder.metric, replace(finder.settings, min_lines=finder.settings.foot_min_lines),
                    finder.rules, finder.ghosts).blocks(lines)
    if not loose or loose[-1][-1] != len(lines) - 1 or taken.intersection(loose[-1]):
        return None
    block_lines = [lines[i] for i in loose[-1]]
    if not finder.figure_lines(block_lines) or not _same_table(finder, block_lines, after, loose=True):
        return None
    return loose[-1]


def _numbering_closes(finder: _Finder, lines: Sequence[Line]) -> bool:
    """The block's last line of two segments or more is a numbering row ("1 2 3 ...")."""
    multi = [ln for ln in lines if len(finder.segments(ln)) >= 2]
    return bool(multi) and _numbering_line([s.text for s in finder.segments(multi[-1])])


def _opens_page(finder: _Finder, lines: Sequence[Line], block: list[int]) -> bool:
    """Nothing but a few short lines without figures (a row's heading in a narrow cell, "1.04 URUSAN ...")
    stands above the block on its page; a paragraph (as wide as half the block or more) does not."""
    if block[0] == 0:
        return True
    width = max(lines[i].x1 for i in block) - min(lines[i].x0 for i in block)
    return block[0] <= finder.settings.carried_heading_lines and not any(
        finder._row_of_figures(lines[i]) or lines[i].x1 - lines[i].x0 >= width / 2 for i in range(block[0]))


def _head_rows(finder: _Finder, lines: Sequence[Line]) -> list[int]:
    """The lines at the page's head that may be a row or two a page break left there: lines of two segments or more,
    fewer than a block needs (``min_lines``), with the one-segment lines between them that stand indented from
    the first line's left edge (a cell's wrapped text: "Kabupaten/Kota" under a kegiatan's name, d01's Tabel
    3.7 on the hrules print); a line at that left edge (the page's running footer) ends them."""
    head: list[int] = []
    multi = 0
    for i, line in enumerate(lines):
        if len(finder.segments(line)) >= 2:
            if multi >= finder.settings.min_lines - 1:
                break
            multi += 1
        elif not head or line.x0 <= lines[head[0]].x0 + finder.metric.min_gap:
            break
        head.append(i)
    while head and len(finder.segments(lines[head[-1]])) < 2:
        head.pop()
    return head


def _carried_rows(finder: _Finder, head: Sequence[Line]) -> bool:
    """The lines a page break left at the page's head are rows of the table before it when the first is a line of
    figures (a top-aligned row: its figures on its first line, its cells' wrapped text below, as h01's Tabel 3.2
    on the hrules print, a row of two lines above the page's running footer, and d01's Tabel 3.7)."""
    return bool(head) and bool(finder.figure_lines(head[:1]))


def edge_blocks(lines: Sequence[Line], metric: Metric | None = None, settings: LayoutSettings = DEFAULT.layout,
                rules: Sequence[tuple[float, float, float]] = (), ghosts: Sequence[Line] = ()
                ) -> tuple[list[Line], list[Line]]:
    """The lines of the block that opens the page (nothing above it but a heading row) and of the one that
    closes it (nothing below it), each empty where there is none: the pieces a table carried over a page break
    leaves."""
    if not lines:
        return [], []
    finder = _Finder(metric or pdf_metric(settings), settings, rules, ghosts)
    blocks = finder.blocks(lines)
    first = [lines[i] for i in blocks[0]] if blocks and _opens_page(finder, lines, blocks[0]) else []
    last = [lines[i] for i in blocks[-1]] if blocks and _closes_page(finder, lines, blocks[-1]) else []
    return first, last


def _closes_page(finder: _Finder, lines: Sequence[Line], block: list[int]) -> bool:
    """Nothing but lines of words stands below the block on its page, each inside its span and right of its left
    edge, each close under the line above it (``settings.closing_wrap_gap``): the cells' wrapped text of a row cut
    by the page break, set below a gap (holdout4 j03's E.81 on the hrules print: "Standar / Nasional / Perpustakaan"
    under one page's last row, two cells' words side by side under another's), not a note or paragraph at the
    table's left edge, nor a page number further down, nor a row of figures. The mirror of
    :func:`_opens_page` and :func:`_head_rows`."""
    x0, x1 = min(lines[i].x0 for i in block), max(lines[i].x1 for i in block)
    gap = finder.settings.closing_wrap_gap
    return all(not finder._row_of_figures(ln) and ln.x0 > x0 + finder.metric.min_gap and ln.x1 <= x1
               and ln.top - above.bottom <= gap * _height(above)
               for above, ln in zip(lines[block[-1]:], lines[block[-1] + 1:], strict=False))


def unruled_tables(lines: Sequence[Line], metric: Metric | None = None, settings: LayoutSettings = DEFAULT.layout,
                   rules: Sequence[tuple[float, float, float]] = (), before: Sequence[Line] = (),
                   after: Sequence[Line] = (), ghosts: Sequence[Line] = (),
                   carried: Sequence[tuple[float, float]] = ()) -> list[UnruledTable]:
    """Tables found among a page's text lines (top to bottom); their lines are not text any more.
    ``rules``: horizontal rules and shaded band edges on the page, as (y, x0, x1). ``before`` and ``after``:
    the lines of the table that closes the page before and of the one that opens the page after
    (:func:`edge_blocks`). Where this page's first table opens the page, or its last one closes it, across the
    same x range and column edges, it is the same table carried over the page break: its columns are found with
    the other piece's rows of figures added (a piece of two rows shows its columns badly; the other piece's rows
    show them), while its rows are its own. Dev-set prints: tables broken over pages with a few rows on one
    side (d06, h04). ``ghosts``: the running footers dropped from the page's flow (:meth:`_Finder.blocks`).
    ``carried``: the columns of the table that closed the page before, as its cells' x ranges (a PDF's pages share
    one layout); a piece that carries it on is cut on them where none of its words reaches into two of them
    (:func:`fits_columns`) and its rows stand on the same column edges (:func:`_same_table`). Its own gutters may not
    show where two cells of a row touch: a cut amount filling its cell beside the next cell's "1" (holdout4 j03's
    E.81 on the hrules and no-rules prints, its second page), a wrapped unit leaving a gap that looks like a
    column. The page's last block takes the wrapped lines under it (:func:`_closes_page`) where the next page's
    first block carries it on."""
    finder = _Finder(metric or pdf_metric(settings), settings, rules, ghosts)
    tables = []
    blocks = finder.blocks(lines)
    slack, reach = finder.settings.carried_fit_slack, finder.settings.carried_span_tol
    if after and blocks and blocks[-1][-1] < len(lines) - 1 and _closes_page(finder, lines, blocks[-1]):
        # the wrapped text of the page's last row, set below a gap, under a table the next page carries on (in the
        # columns this page's table was carried in with, where it was)
        last = [lines[i] for i in blocks[-1]]
        ragged = bool(carried) and fits_columns(last, carried, slack, reach) and fits_columns(after, carried, slack,
                                                                                              reach)
        if _same_table(finder, last, after, ragged_left=ragged):
            blocks[-1] = [*blocks[-1], *range(blocks[-1][-1] + 1, len(lines))]
    if after and (foot := _foot_piece(finder, lines, blocks, after)):
        blocks.append(foot)
    if before and (not blocks or blocks[0][0] != 0):
        # a row or two the page break left at the page's head: too few lines to be a block by themselves,
        # they go on with the table that closed the page before when they stand on its column edges
        head = _head_rows(finder, lines)
        head_lines = [lines[i] for i in head]
        if head and _carried_rows(finder, head_lines) and _same_table(finder, head_lines, before):
            blocks = [head, *(b for b in blocks if b[0] > head[-1])]
    for n, block in enumerate(blocks):
        block_lines = [lines[i] for i in block]
        context: list[Line] = []
        given: Sequence[tuple[float, float]] = ()
        fits = n == 0 and bool(carried) and fits_columns(block_lines, carried, slack, reach)
        if n == 0 and _opens_page(finder, lines, block) and before and _same_table(finder, block_lines, before,
                                                                                    ragged_left=fits):
            context += finder.figure_lines(before)
            given = carried if fits else ()
        if n == len(blocks) - 1 and block[-1] == len(lines) - 1 and after and _same_table(finder, block_lines, after):
            context += finder.figure_lines(after)
        top, bottom = block_lines[0].top, max(ln.bottom for ln in block_lines)
        # the rule right above the block's first line too: it bounds the first row's band (a row centred
        # vertically may start with lines of labels above its first line of figures)
        finder.rules = [r for r in rules if top - _height(block_lines[0]) - 2 <= r[0] <= bottom + 2]
        table = finder.table(block_lines, context, given)
        finder.rules = list(rules)
        if table is not None:
            tables.append(table)
    return tables


def fits_columns(lines: Sequence[Line], columns: Sequence[tuple[float, float]], slack: float, reach: float
                 ) -> bool:
    """No word of the lines reaches into two columns (by more than ``slack`` points each: a word in a gutter is
    in none), and none stands more than ``reach`` points outside the first and last; the columns in order and
    apart. A column's range is where its cells' words stood on the page before, so a wider word of the next page
    may run into the gutter beside it ("1.050" in a column of "-" and "3")."""
    if not columns or any(b[0] < a[1] for a, b in zip(columns, columns[1:], strict=False)):
        return False
    lo, hi = columns[0][0] - reach, columns[-1][1] + reach
    for ln in lines:
        for w in ln.words:
            if w.x0 < lo or w.x1 > hi:
                return False
            if sum(1 for a, b in columns if min(b, w.x1) - max(a, w.x0) > slack) > 1:
                return False
    return True
