"""Cells on a character grid (``pdftotext -layout``): figures set too tight for their columns, read back in order.

pdftotext places each word at the character nearest its x position. Cells filled to their edges then stand a
single space apart and a character or two off their column from row to row, so the column finder's gutters
(:mod:`extractors.pdf_columns`) miss some columns and put some figures in a neighbour's. What the words still say:
their order (a line's figures under a run of figure columns are as many as the columns, one each), their number
(a column most of whose rows hold two figures is two columns), their shape (the last digits of a figure cut at
its cell's edge complete it; a percentage does not belong among amounts of millions) and the words a header
label starts with. These steps take a table's lines already cut into columns and give them back mended.
LibreOffice's prints of the dev and held-out reports, as layout text, are where each was seen (see the
functions); the reportlab prints and the samples' layout texts read as before.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from extractors.numbers import LIST_MARK
from extractors.pdf_words import LAST_DIGITS as REST
from extractors.pdf_words import Line, Word, cut_number
from extractors.settings import DEFAULT, LayoutSettings

Cells = list[list[list[Word]]]  # per line, per column, the words
YEAR_LABEL = regex.compile(r"^(?:\D*\b(?:19|20)\d{2}\b\D*)+$")


_FIGURE_WORD = regex.compile(r"^[\(\-–]?\d[\d.,]*%?\)?$|^[-–]$")
_UNIT_AFTER = regex.compile(r"^%$")
_UNIT_BEFORE = regex.compile(r"^rp\.?$", regex.I)
_UNIT_WORD = regex.compile(r"^(?!rp\.?$)[^\W\d_][\w/.]*$", regex.I)


def figure_groups(words: list[Word]) -> list[list[Word]] | None:
    """The words as figures, each with its "%" or its unit word after it ("1.512 Kali") or its "Rp" before it;
    None if a word is no figure's."""
    groups: list[list[Word]] = []
    opened = False  # an "Rp" waits for its figure
    for w in words:
        if LIST_MARK.match(w.text):
            return None  # "1) 85% 2) 75%": a cell's numbered list, no run of figures
        if _UNIT_AFTER.match(w.text) and groups and not opened:
            groups[-1].append(w)
        elif _UNIT_WORD.match(w.text) and groups and not opened and len(groups[-1]) == 1 and _FIGURE_WORD.match(
                groups[-1][0].text):
            groups[-1].append(w)  # a count's unit: "12 Laporan", as a target or realisasi K prints it
        elif _UNIT_BEFORE.match(w.text):
            groups.append([w])
            opened = True
        elif _FIGURE_WORD.match(w.text):
            if opened:
                groups[-1].append(w)
                opened = False
            else:
                groups.append([w])
        else:
            return None
    return None if opened else groups


def figure_runs(per_line: Cells) -> list[list[int]]:
    """Runs of two or more adjacent columns that hold figures: in the lines holding figures, most of each one's
    filled cells are figures only."""
    n = len(per_line[0]) if per_line else 0
    figure = []
    for j in range(n):
        cells = [line[j] for line in per_line if line[j]]
        figure.append(bool(cells) and sum(1 for c in cells if figure_groups(c)) * 2 > len(cells))
    runs: list[list[int]] = []
    for j in range(n):
        if figure[j] and runs and runs[-1][-1] == j - 1:
            runs[-1].append(j)
        elif figure[j]:
            runs.append([j])
    return [r for r in runs if len(r) >= 2]


def _kind_of(cells: list[list[Word]]) -> str | None:
    """A column's kind by most of its filled cells: "figure" (a figure first: "236", "72,00 / BB", "48 Unit" where
    the next cell's unit came along), "unit" (one word, a unit's: "Orang", "Dokumen", a unit cut over two lines,
    "Dokume" / "n") or None."""
    if not cells:
        return None
    if sum(1 for c in cells if _FIGURE_WORD.match(c[0].text)) * 2 > len(cells):
        return "figure"
    if sum(1 for c in cells if len(c) == 1 and _UNIT_WORD.match(c[0].text)) * 2 > len(cells):
        return "unit"
    return None


def unit_runs(per_line: Cells) -> list[tuple[list[int], list[str]]]:
    """Runs of adjacent columns of figures and of their units, each unit column right after a figure column
    ("Target K | Satuan | Realisasi K | Satuan | Capaian": the Renja evaluation's K columns with their units set
    apart), with each column's kind."""
    n = len(per_line[0]) if per_line else 0
    kinds = [_kind_of([line[j] for line in per_line if line[j]]) for j in range(n)]
    runs: list[tuple[list[int], list[str]]] = []
    j = 0
    while j < n:
        if kinds[j] != "figure":
            j += 1
            continue
        run = [j]
        while run[-1] + 1 < n and kinds[run[-1] + 1] is not None and (
                kinds[run[-1] + 1] == "figure" or kinds[run[-1]] == "figure"):
            run.append(run[-1] + 1)
        cols = [kinds[k] or "" for k in run]
        if "unit" in cols and cols.count("figure") >= 2:
            runs.append((run, cols))
        j = run[-1] + 1
    return runs


_KIND_SHAPES = {"figure": _FIGURE_WORD, "unit": _UNIT_WORD}  # the word each kind of column holds


def units_in_order(per_line: Cells, data: Sequence[bool]) -> Cells:
    """A line's figures and unit words under a run of figure and unit columns (:func:`unit_runs`), one word each,
    taken in order when they are as many as the run's columns and of the columns' kinds in turn: pdftotext sets a
    cell's figure and the next cell's unit a single space apart where both fill their cells, and the words after
    them one column off ("48 Unit" in the K column, "48" under Satuan, "Unit" under the realisasi's K:
    LibreOffice's print of h06's Tabel 3.5 as layout text; the same table's other rows, whose words stand in
    their columns, give the same cells read this way). ``data``: which lines are lines of figures."""
    first = next((k for k, figures in enumerate(data) if figures), len(per_line))
    runs = unit_runs(per_line[first:])  # the body's cells: the header's labels ("Target", "Satuan") say no kind
    if not runs:
        return per_line
    out = []
    for line, figures in zip(per_line, data, strict=True):
        line = [list(c) for c in line]
        for run, kinds in runs if figures else ():
            words = sorted((w for j in run for w in line[j]), key=lambda w: w.x0)
            tokens: list[list[Word]] = []
            for w in words:
                if _UNIT_AFTER.match(w.text) and tokens:
                    tokens[-1].append(w)
                else:
                    tokens.append([w])
            if len(tokens) != len(run) or any(_KIND_SHAPES[kind].match(t[0].text) is None
                                              for t, kind in zip(tokens, kinds, strict=True)):
                continue
            for j, token in zip(run, tokens, strict=True):
                line[j] = token
        out.append(line)
    return out


_ROW_FIGURES = 3  # a row of a table of figures holds three or more: target, realisasi, capaian; pagu, realisasi, %


def stacked_columns(per_line: Cells, cols: list[tuple[float, float]], data: Sequence[bool]
                    ) -> tuple[list[tuple[float, float]], list[list[int]]]:
    """The columns, each cut in k where most of its filled cells in the lines of figures hold k figures (k >= 2) a
    single space apart: two columns of figures that fill their cells, which pdftotext sets a space apart and a
    character or two off from row to row, so that no gutter shows between them (LibreOffice's prints as layout
    text: "Pagu" and "Realisasi" in one column). Cut where the figures part on average; with the indexes of each
    column's parts. ``data``: which lines are lines of figures (not the header's)."""
    out: list[tuple[float, float]] = []
    parts: list[list[int]] = []
    # the rows' lines of figures: those holding several (a row's middle line in a table of centred cells holds its
    # one-line figures only, the lines of figures cut over two lines their rests)
    rows = [line for line, d in zip(per_line, data, strict=True)
            if d and sum(len(g) for c in line if c and (g := figure_groups(c)) is not None) >= _ROW_FIGURES]
    for j, col in enumerate(cols):
        groups = [g for line in rows if line[j] and (g := figure_groups(line[j])) is not None]
        filled = sum(1 for line in rows if line[j])
        counts = [len(g) for g in groups]
        k = max(set(counts), key=counts.count) if counts else 1
        if k < 2 or counts.count(k) * 2 <= filled:
            out.append(col)
            continue
        bounds = [col[0]]
        for i in range(1, k):
            gaps = [(g[i - 1][-1].x1 + g[i][0].x0) / 2 for g in groups if len(g) == k]
            bounds.append(sorted(gaps)[len(gaps) // 2])
        bounds.append(col[1])
        parts.append(list(range(len(out), len(out) + k)))
        out.extend((bounds[i], bounds[i + 1]) for i in range(k))
    return out, parts


def rests_of_cuts(lines: Sequence[Line], settings: LayoutSettings = DEFAULT.layout) -> dict[Word, Word]:
    """The rests of figures cut at their cells' edges, each with the cut figure it goes on: a word of one to three
    digits one or two lines under a figure that it completes (:func:`extractors.pdf_words.cut_number`:
    "165.471.330.00" over "0") and that it stands under. On a character grid such a rest stands a character or two
    off its figure, often in the gutter or the next column (LibreOffice's narrow cells as layout text)."""
    out: dict[Word, Word] = {}
    for k, line in enumerate(lines):
        for w in line.words:
            if not REST.match(w.text):
                continue
            reach = settings.rest_reach * (w.x1 - w.x0)
            for above in lines[max(0, k - 2):k][::-1]:
                tops = [c for c in above.words if c.x0 - reach <= w.x0 and w.x1 <= c.x1 + reach
                        and cut_number(c.text, w.text) and c not in out.values()]
                # the figure it stands under, or the nearest one
                top = min(tops, key=lambda c: (max(c.x0 - w.x0, w.x1 - c.x1, 0.0), abs(c.cx - w.cx)), default=None)
                if top is not None:
                    out[w] = top
                    break
    return out


def under_their_cuts(per_line: Cells, rests: dict[Word, Word]) -> Cells:
    """Each rest of a cut figure moved to the column of the figure it completes (:func:`rests_of_cuts`)."""
    if not rests:
        return per_line
    where = {w: j for line in per_line for j, cell in enumerate(line) for w in cell}
    out = []
    for line in per_line:
        moved: list[list[Word]] = [list(c) for c in line]
        for j, cell in enumerate(line):
            for w in cell:
                top = rests.get(w)
                if top is not None and where.get(top, j) != j:
                    moved[j].remove(w)
                    moved[where[top]].append(w)
        out.append(moved)
    return out


_MONEY_SHAPE = regex.compile(r"^\(?\d{1,3}(?:[.,]\d{3}){2,}(?:[.,]\d{1,3})?\)?$")  # a million or more
_RATIO_SHAPE = regex.compile(r"^\d{1,3}[.,]\d{1,2}\s*%?$|^\d{1,3}\s*%$")  # a percentage: "96,18", "95.34%", "100%"


def _kind(words: list[Word]) -> str | None:
    text = " ".join(w.text for w in words)
    return "money" if _MONEY_SHAPE.match(text) else "ratio" if _RATIO_SHAPE.match(text) else None


def by_kind(per_line: Cells, share: float) -> Cells:
    """A line's only figure, of one kind (a percentage, an amount of a million rupiah or more), standing in a column
    of the other kind beside an empty column of its own kind, moved there: in a row of cells centred vertically
    whose other figures are cut over the lines above and below, pdftotext places the one-line figure in the
    middle a few characters off its column (LibreOffice's narrow columns as layout text: "96,18" under the "Sisa"
    figures, of d01 and h03). A column's kind is the kind of ``share`` of its figures or more. Lines of several
    figures are left to :func:`in_order`."""
    n = len(per_line[0]) if per_line else 0
    kinds = _column_kinds(per_line, share)
    out = []
    for line in per_line:
        figures = [j for j in range(n) if kinds[j] is not None and line[j] and figure_groups(line[j]) is not None]
        mine = _kind(line[figures[0]]) if len(figures) == 1 else None
        j = figures[0] if mine is not None else -1
        if mine is not None and kinds[j] is not None and mine != kinds[j]:
            to = [i for i in (j + 1, j - 1) if 0 <= i < n and kinds[i] == mine and not line[i]]
            if len(to) == 1:
                line = [list(c) for c in line]
                line[to[0]], line[j] = line[j], []
        out.append(line)
    return out


_NAME_WORD = regex.compile(r"^\p{L}[\p{L}\-/]*[,.]?$")


def _column_kinds(per_line: Cells, share: float) -> list[str | None]:
    """Each column's kind of figure ("money", "ratio") where ``share`` of its figures, three or more, are of it."""
    n = len(per_line[0]) if per_line else 0
    kinds: list[str | None] = []
    for j in range(n):
        seen = [k for line in per_line if line[j] and (k := _kind(line[j])) is not None]
        top = max(set(seen), key=seen.count) if seen else None
        kinds.append(top if top is not None and len(seen) >= 3 and seen.count(top) >= share * len(seen) else None)
    return kinds


def words_home(per_line: Cells, share: float) -> Cells:
    """A name's last words set a single space before the figure of the next column, taken into the figure's column
    ("... Konsultasi | SKPD 118.000.000,00"), given back to the name: in a column of figures of one kind
    (:func:`_column_kinds`), a cell that opens with words of letters (not "Rp") before a figure, beside a filled
    column on its left that holds no figures of a kind. pdftotext -layout sets a long name and the figure after
    it one space apart (LibreOffice's top-aligned print of d06's Tabel 3.5 as layout text, once the columns come
    from both pieces of the table, and the unit fixture in ``tests/test_text_layout.py``)."""
    kinds = _column_kinds(per_line, share)
    out = []
    for line in per_line:
        line = [list(c) for c in line]
        for j in range(1, len(line)):
            cell = line[j]
            if kinds[j] is None or kinds[j - 1] is not None or not cell or not line[j - 1]:
                continue
            k = 0
            while k < len(cell) and _NAME_WORD.match(cell[k].text) and not _UNIT_BEFORE.match(cell[k].text):
                k += 1
            if 0 < k < len(cell) and _kind(cell[k:]) == kinds[j]:
                line[j - 1], line[j] = line[j - 1] + cell[:k], cell[k:]
        out.append(line)
    return out


def _pieces(words: list[Word], space: float) -> list[list[Word]]:
    """Words in runs parted by more than a word space (a header's labels)."""
    runs: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.x0):
        if runs and w.x0 - runs[-1][-1].x1 <= space:
            runs[-1].append(w)
        else:
            runs.append([w])
    return runs


def in_order(per_line: Cells, parts: list[list[int]], space: float, data: Sequence[bool],
             settings: LayoutSettings = DEFAULT.layout) -> Cells:
    """The figures of a line set under a run of figure columns in their order, when the line holds as many
    figures there as the run has columns (``data``: which lines are lines of figures): pdftotext places figures
    that fill their cells a single space apart and a character or two off their column ("52,380,000,000.00
    51,347,892,640.00" in one column, the next one empty), where their order still says which column each is
    (LibreOffice's prints as layout text). In a column cut in ``parts`` (:func:`stacked_columns`), a header
    line's labels too, as many as its parts ("Rp K" over "77.461.865.000 100%")."""
    runs = figure_runs(per_line)
    if not runs and not parts:
        return per_line
    out = []
    for line, figures in zip(per_line, data, strict=True):  # a header's "2022 Target 2023" holds no figures
        line = [list(c) for c in line]
        for run in runs + parts:
            words = sorted((w for j in run for w in line[j]), key=lambda w: w.x0)
            groups = figure_groups(words) if words and figures else None
            if groups is None and run in parts and words:
                groups = _pieces(words, space)
            left = run[0] - 1
            if (groups is not None and len(groups) == len(run) - 1 and run not in parts and left >= 0
                    and len(line[left]) >= 2 and _FIGURE_WORD.match(line[left][-1].text)
                    and not YEAR_LABEL.match(line[left][-1].text)
                    and line[left][-1].x0 - line[left][-2].x1 <= space * settings.glued_spaces):
                # the run's first figure glued to the words of the text cell before it, a space apart, the run a
                # figure short: a text column filled to its gutter ("... Jumlah siswa 62  20.015  0,25 ...")
                glued = line[left].pop()
                groups = [[glued], *groups]
            if groups is None or len(groups) != len(run):
                continue
            for j, group in zip(run, groups, strict=True):
                line[j] = group
        out.append(line)
    return out

