"""Tables in a space-aligned text (``pdftotext -layout``, text pasted from a PDF viewer).

Such a text has no tabs: a table's columns stand at the same character positions line after line,
separated by runs of two or more spaces, and a cell wrapped over several lines continues on the
lines below it. The column finder of the PDF reader (:mod:`extractors.pdf_columns`) reads it with
character positions for x-coordinates and line numbers for y: each run of non-space characters is a
word, a run of ``text_min_spaces`` spaces a possible gutter. A form feed starts a new page (the
layout of one page's table may differ from the next's), and the grids' cells carry their page and
line; the text around them stays running text.

The grids come out as the PDF's unruled grids do (``reader="layout"``): cells are joined from their
wrapped lines where the finder can tell rows apart, and the assembler merges what is left.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

import regex

from extractors.form_rows import as_form
from extractors.model import Cell, Grid
from extractors.pdf_columns import ITEM, Metric, UnruledTable, data_line, edge_blocks, unruled_tables
from extractors.pdf_words import BROKEN_REST, GROUPED_REST, Line, Word, cut_number, mend_cuts, split_line
from extractors.settings import DEFAULT, LayoutSettings

CHAR = 5.0  # "points" per character position
PITCH = 10.0  # "points" per line: a blank line keeps a block together, two end it
HEIGHT = 8.0
_DIGIT = regex.compile(r"\d")
_NAME = regex.compile(r"[A-Za-z]{2}")  # a word with letters in it ("PSLB3", a unit's name) is no figure's rest
_TOKEN = regex.compile(r"\S+")
_SPACE = regex.compile(r"[\u00a0\u2002\u2003\u2009]")


def text_metric(settings: LayoutSettings = DEFAULT.layout) -> Metric:
    """Gutters of ``text_min_spaces`` spaces or more; vertical gaps say nothing (a blank line is a
    converter's choice, not a row's padding)."""
    return Metric(min_gap=(settings.text_min_spaces - 0.5) * CHAR, gap_ratio=0.0, row_gap=None, word_space=CHAR,
                  centred=True, line_gap=(settings.text_blank_lines * PITCH + PITCH - HEIGHT) / HEIGHT + 0.01)


def _line(number: int, raw: str) -> Line | None:
    raw = _SPACE.sub(" ", raw.expandtabs(8))
    top = number * PITCH
    words = tuple(Word(m.group(), m.start() * CHAR, top, m.end() * CHAR, top + HEIGHT) for m in _TOKEN.finditer(raw))
    return Line(words) if words else None


def segments_of(raw: str, settings: LayoutSettings = DEFAULT.layout) -> tuple[tuple[str, float, float], ...]:
    """A line's runs of words, cut where the column finder cuts them (``text_min_spaces`` spaces or more),
    with their positions in the finder's units (``CHAR`` per character): as its grids' cells are placed."""
    line = _line(0, raw)
    if line is None:
        return ()
    return tuple((seg.text, seg.x0, seg.x1) for seg in split_line(line, text_metric(settings).min_gap))


def _number(top: float) -> int:
    return round(top / PITCH)


def _grid(table: UnruledTable, page: int | None, number: Callable[[float], int] = _number,
          words: set[str] | None = None) -> Grid:
    """The table's grid; a word cut at its cell's edge is mended where the document prints it whole (``words``,
    :func:`extractors.pdf_words.vocabulary`), as on a PDF page."""
    rows: list[list[Cell]] = []
    for cells, top in zip(table.rows, table.row_tops, strict=True):
        row_line = number(top)
        row = []
        for text, box in cells:
            line = number(box[1]) if box is not None else row_line
            row.append(Cell(mend_cuts(text, words), page=page, line=line, bbox=box))  # box: character places x CHAR
        rows.append(row)
    first, last = number(table.bbox[1]), number(table.bbox[3])
    return Grid(rows=rows, order=float(first), page=page, line=first, reader="layout", end_order=float(last),
                form=table.form)


def _running_key(raw: str, settings: LayoutSettings, margin: int = 0) -> str | None:
    """The key of a line that may be a running header or footer: at the page's left ``margin``, at most two
    segments (a title and a page number), ``running_min_words`` words or more, a figure (the year, a page
    number) and no item number first; digits blotted out, as :mod:`extractors.pdf_running` does."""
    text = _SPACE.sub(" ", raw.replace("\f", "")).rstrip()
    indent = len(text) - len(text.lstrip())
    text = text.strip()
    if not text or "\t" in raw or indent > margin + settings.running_margin or not _DIGIT.search(text):
        return None
    if len(regex.split(r" {2,}", text)) > 2 or len(text.split()) < settings.running_min_words or ITEM.match(text):
        return None
    return running_key(text)


# the word a page number may carry before it ("Halaman 8", "Hal. 7", "hlm 3", "Page 3"): running footers' shape,
# shared by the PDF's (pdf_running) and the tab text's (text_reader) page labels
PAGE_WORD = r"(?:(?:halaman|hal|hlm|page)\.?\s*)"


def running_key(text: str) -> str:
    """A running line's key: case, runs of spaces and its figures (year, page number) blotted out."""
    return regex.sub(r"\s+", " ", regex.sub(r"\d+", "#", text.lower())).strip()


def _margin(lines: Sequence[tuple[int, str]]) -> int:
    """The page's left margin: the indentation of its least indented line."""
    texts = [_SPACE.sub(" ", raw.replace("\f", "")) for _, raw in lines]
    return min((len(t) - len(t.lstrip()) for t in texts if t.strip()), default=0)


def running_keys(text_lines: Sequence[str], settings: LayoutSettings = DEFAULT.layout) -> frozenset[str]:
    """Keys of the lines that repeat ``running_min_repeats`` times or more: running headers and footers."""
    counts: Counter[str] = Counter()
    for _, page_lines in split_pages(text_lines):
        margin = _margin(page_lines)
        counts.update(k for _, raw in page_lines if (k := _running_key(raw, settings, margin)) is not None)
    return frozenset(k for k, n in counts.items() if n >= settings.running_min_repeats)


def _chunks(lines: Sequence[tuple[int, str]], running: frozenset[str], settings: LayoutSettings
            ) -> list[tuple[list[tuple[int, str]], bool]]:
    """The page's lines cut at its running lines (each with a bare page number standing next to it), and
    whether a cut follows each part: no table goes on across one, the text above and below it came from two
    pages of the original, whose columns may stand at other places."""
    from extractors.pdf_running import PAGE_NUMBER  # pdf_running imports the text reader, so here, not above

    if not running:
        return [(list(lines), False)]
    margin = _margin(lines)
    cut = {i for i, (_, raw) in enumerate(lines) if _running_key(raw, settings, margin) in running}
    for i in sorted(cut):
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and PAGE_NUMBER.match(lines[j][1].strip()):
                cut.add(j)
    chunks: list[list[tuple[int, str]]] = [[]]
    for i, line in enumerate(lines):
        if i in cut:
            chunks.append([])
        else:
            chunks[-1].append(line)
    return [(c, k + 1 < len(chunks)) for k, c in enumerate(chunks) if c]


def _tail(chunk: list[tuple[int, str]], settings: LayoutSettings) -> list[tuple[int, str]]:
    """The lines of two or more segments the chunk ends in (blank lines between them kept, after them not)."""
    start = end = len(chunk)
    for k in range(len(chunk) - 1, -1, -1):
        raw = chunk[k][1]
        if not raw.strip():
            continue
        line = _line(0, raw) if "\t" not in raw else None
        if line is None or len(split_line(line, text_metric(settings).min_gap)) < 2:
            break
        start, end = k, (end if end < len(chunk) else k + 1)
    return chunk[start:end]


def _head(chunk: list[tuple[int, str]], settings: LayoutSettings) -> list[tuple[int, str]]:
    """The lines of two or more segments the chunk starts with (blank lines between them kept)."""
    end = 0
    for k, (_, raw) in enumerate(chunk):
        if not raw.strip():
            continue
        line = _line(0, raw) if "\t" not in raw else None
        if line is None or len(split_line(line, text_metric(settings).min_gap)) < 2:
            break
        end = k + 1
    return chunk[:end]


def ends_in_table(lines: Sequence[tuple[int, str]], taken: set[int], running: frozenset[str],
                  settings: LayoutSettings = DEFAULT.layout) -> bool:
    """Does the page's last line (its running footer and page number aside) belong to a table?"""
    from extractors.pdf_running import PAGE_NUMBER

    margin = _margin(lines)
    for number, raw in reversed(lines):
        if not raw.strip() or PAGE_NUMBER.match(raw.strip()) or _running_key(raw, settings, margin) in running:
            continue
        return number in taken
    return False


def page_edges(lines: Sequence[tuple[int, str]], settings: LayoutSettings = DEFAULT.layout,
               running: frozenset[str] = frozenset()) -> tuple[list[Line], list[Line]]:
    """The lines of the block that opens the page's text (under its running header) and of the one that closes it
    (over its running footer), each empty where there is none (:func:`extractors.pdf_columns.edge_blocks`): the
    pieces a table carried over a page break leaves, whose rows show the columns of the other piece."""
    chunks = _chunks(lines, running, settings)
    if not chunks:
        return [], []
    metric = text_metric(settings)
    first = edge_blocks(_parsed(chunks[0][0], settings), metric, settings)[0]
    last = edge_blocks(_parsed(chunks[-1][0], settings), metric, settings)[1]
    return first, last


def _parsed(lines: Sequence[tuple[int, str]], settings: LayoutSettings = DEFAULT.layout) -> list[Line]:
    """The lines as the column finder sees them: one after another from the first one's number, tab lines left
    out, the rests of figures cut at their cells' edges mended (:func:`mend_rest_lines`)."""
    if not lines:
        return []
    first = lines[0][0]
    return mend_rest_lines(
        [ln for k, (_, raw) in enumerate(lines) if "\t" not in raw and (ln := _line(first + k, raw)) is not None],
        settings)


def _under(word: Word, above: Word, slack: float = 0.0) -> bool:
    """The word stands under the one above: their character spans overlap, or come within ``slack``."""
    return word.x0 < above.x1 + slack and above.x0 < word.x1 + slack


# a budget code cut after one of its dots ("1.03.10.2.01." over "13"): the Permendagri 90/2019 codes of a
# sub-kegiatan run to six groups, too long for a narrow Kode column
_CUT_CODE = regex.compile(r"^\d{1,2}(?:\.\d{1,2}){2,}\.$")
_CODE_REST = regex.compile(r"^\d{1,2}(?:\.\d{1,2})*$")
# ... or cut inside a group's digits ("3.26.03.2.0" over "1.01") or before a group's dot ("2.11.02.2.01" over ".0001"),
# the two parts whole a kegiatan's or sub-kegiatan's code: urusan, bidang and program, then four to six groups in all,
# the last of up to four digits
_CODE_HEAD = regex.compile(r"^\d{1,2}(?:\.\d{1,2}){2,}\.?\d?$")
_WHOLE_CODE = regex.compile(r"^\d{1,2}(?:\.\d{1,2}){3,4}\.\d{1,4}$")
_CUT_CODE_REST = regex.compile(r"^\.?\d{1,4}(?:\.\d{1,4})*$")  # "1.01", "01", ".0001"


def _code_rest(above: str, below: str) -> bool:
    """``below`` is the rest of a budget code cut inside its digits or before a dot at the end of ``above`` (a cut
    after a dot is :func:`_rest_of`'s)."""
    return bool(_CODE_HEAD.match(above) and _CUT_CODE_REST.match(below) and _WHOLE_CODE.match(above + below))


def _rest_of(above: str, below: str) -> bool:
    """``below`` is the rest of a figure or a code cut at the end of ``above``."""
    if _CUT_CODE.match(above):
        return bool(_CODE_REST.match(below))
    return bool(BROKEN_REST.match(below) or GROUPED_REST.match(below)) and cut_number(above, below)


def mend_rest_lines(lines: Sequence[Line], settings: LayoutSettings = DEFAULT.layout) -> list[Line]:
    """Lines whose every figure is the rest of a figure cut on the line right above it, at its cell's edge
    ("268.500.000." over "000", "96,3" over "5", "1.085,0" over "0 Km"): each rest is put back on its figure
    (the word keeps its place on the page) and leaves its line, whose words (a name's or a unit's wrapped lines)
    stay. A line with a figure of its own stays whole: it may be the next row.

    pdftotext -layout keeps a narrow cell's lines where the PDF set them, so a cut figure's rest stands on the
    next line under it, and the column finder would take that line for a row of figures of its own. Public
    format: the many narrow columns of the Permendagri 86/2017 evaluation forms (E.81) cut their amounts so in
    dev-set d03 and d09 and holdout h07 as layout text (:func:`extractors.pdf_words.cut_number` is the mend the
    PDF reader makes inside a cell). Only a line of ``settings.rest_min_figures`` rests or more is mended here."""
    slack = settings.rest_slack_chars * CHAR
    out: list[Line] = list(lines)
    for k in range(1, len(out)):
        above, below = out[k - 1], out[k]
        if not above.words or round((below.top - above.top) / PITCH) != 1:
            continue  # a blank line between: another row
        figures = [w for w in below.words if _DIGIT.search(w.text) and not _NAME.search(w.text)]
        if not figures:
            continue
        mends: dict[int, str] = {}
        codes = 0  # rests of a code cut inside its digits: they go back with the figures' rests, never alone
        for w in figures:
            at = [i for i, u in enumerate(above.words) if _under(w, u, slack) and _rest_of(u.text, w.text)]
            if len(at) > 1:  # of two figures it comes near, one whose rest is not yet found ("1.085,0" over "0", then
                # "00" a place under it too, three places left of its own "30.500.000.0": d03's E.81)
                at = [i for i in at if i not in mends] or at
            if len(at) > 1:  # ... else the figure it overlaps
                at = [i for i in at if _under(w, above.words[i])]
            if not at:
                at = [i for i, u in enumerate(above.words) if _under(w, u, slack) and _code_rest(u.text, w.text)]
                codes += len(at) == 1
            if len(at) != 1 or at[0] in mends:
                break
            mends[at[0]] = w.text
        else:
            if len(mends) - codes < settings.rest_min_figures:
                continue
            words = tuple(u._replace(text=u.text + mends[i]) if i in mends else u for i, u in enumerate(above.words))
            out[k - 1] = Line(words)
            out[k] = Line(tuple(w for w in below.words if w not in figures))
    return [ln for ln in out if ln.words]


def layout_tables(lines: Sequence[tuple[int, str]], page: int | None = None,
                  settings: LayoutSettings = DEFAULT.layout, running: frozenset[str] = frozenset(),
                  carried: bool = False, before: Sequence[Line] = (), after: Sequence[Line] = (),
                  words: set[str] | None = None) -> tuple[list[Grid], set[int]]:
    """Space-aligned tables among (line number, text) lines of one page: their grids and the line numbers
    they took. Lines holding a tab are not looked at (they are tab-separated rows). ``running``: keys of the
    document's running headers and footers (:func:`running_keys`); a table ends at one. What a running line
    cuts off at a table's foot is no table by itself, so: two lines or more (a header and a first row left on
    the original's page before the rest) need only two lines to be a table, the assembler joins it with the
    rest under its repeated header; a lone row goes on with the lines after the running line, as if it
    were not there. ``before`` and ``after``: the lines of the table that closes the page before and of the one
    that opens the page after (:func:`page_edges`): a piece of a table carried over the page break finds its
    columns with the other piece's rows of figures added, as on a PDF page (a header and one row at a page's
    foot show their columns badly: h04's E.81 as layout text)."""
    grids: list[Grid] = []
    taken: set[int] = set()
    carry: list[tuple[int, str]] = []
    chunks = _chunks(lines, running, settings)
    if carried and chunks:
        # a table carried over from the page before may leave only a row or two at this page's head: too few
        # lines to show columns by themselves, they are its rows (the assembler joins them to it); a form's row
        # there is read as one by itself (j03's E.81)
        head = _head(chunks[0][0], settings)
        if 0 < sum(1 for _, raw in head if raw.strip()) < settings.min_lines:
            for grid, used in _tables(head, page, replace(settings, min_lines=1, form_min_rows=1), words=words):
                grids.append(grid)
                taken |= used
            chunks[0] = ([ln for ln in chunks[0][0] if ln[0] not in taken], chunks[0][1])
    for k, (chunk, before_cut) in enumerate(chunks):
        if carry:
            at = _first_data(chunk, settings)
            chunk = chunk[:at] + carry + chunk[at:]  # under the header the table repeats after the break
            carry = []
        found = _tables(chunk, page, settings, before if k == 0 else (), after if k == len(chunks) - 1 else (), words)
        tail = _tail(chunk, settings) if before_cut else []
        if tail and not any(g.line <= tail[-1][0] <= (g.end_order or g.line) for g, _ in found):
            if sum(1 for _, raw in tail if raw.strip()) == 1:
                carry = tail
            else:
                found += _tables(tail, page, replace(settings, min_lines=2), words=words)
        for grid, used in found:
            grids.append(grid)
            taken |= used
    return grids, taken


def _first_data(lines: Sequence[tuple[int, str]], settings: LayoutSettings) -> int:
    """Where the first line holding a row's figures stands among the lines (0 if none)."""
    gap = text_metric(settings).min_gap
    for k, (number, raw) in enumerate(lines):
        line = _line(number, raw) if "\t" not in raw else None
        if line is not None and data_line([seg.text for seg in split_line(line, gap)]):
            return k
    return 0


def _tables(lines: Sequence[tuple[int, str]], page: int | None, settings: LayoutSettings,
            before: Sequence[Line] = (), after: Sequence[Line] = (), words: set[str] | None = None
            ) -> list[tuple[Grid, set[int]]]:
    """The tables among the lines; the finder sees them one after another (a running line left out between
    two of them stands nowhere), the grids keep their lines' numbers."""
    if not lines:
        return []
    first = lines[0][0]
    real = {first + k: number for k, (number, _) in enumerate(lines)}

    def number(top: float) -> int:
        return real.get(_number(top), _number(top))

    parsed = _parsed(lines, settings)
    if len(parsed) < settings.min_lines or not any("  " in raw for _, raw in lines):
        return []
    out = []
    metric = text_metric(settings)
    for found in unruled_tables(parsed, metric, settings, before=before, after=after):
        used = {number(ln.top) for ln in found.lines}
        # a form carried on from the page before may open this page with a single row (j03's E.81, its next rows
        # after a gap under the row's wrapped text): a form row by itself there
        opening = bool(before) and bool(found.lines) and found.lines[0].top == parsed[0].top
        form_settings = replace(settings, form_min_rows=1) if opening else settings
        for table in as_form(found, metric, form_settings, CHAR, PITCH) or [found]:
            out.append((_grid(table, page, number, words), used))
    return out


_BREAKS = regex.compile(r"\r\n|[\n\r\v\x1c-\x1e\x85\u2028\u2029]")


def split_lines(text: str) -> list[str]:
    """The text's lines as ``str.splitlines`` gives them, except that a form feed (a page break) stays in
    its line instead of ending it."""
    if "\f" not in text:
        return text.splitlines()
    lines = _BREAKS.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def split_pages(text_lines: Sequence[str]) -> list[tuple[int | None, list[tuple[int, str]]]]:
    """The lines (1-based number, text without form feeds) of each page; one page (None) without form feeds."""
    if not any("\f" in t for t in text_lines):
        return [(None, list(enumerate(text_lines, start=1)))]
    pages: list[tuple[int | None, list[tuple[int, str]]]] = [(1, [])]
    for number, raw in enumerate(text_lines, start=1):
        parts = raw.split("\f")
        for _ in parts[1:]:
            pages.append(((pages[-1][0] or 0) + 1, []))
        pages[-1][1].append((number, "".join(parts)))
    return pages
