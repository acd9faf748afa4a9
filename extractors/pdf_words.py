"""Characters to words and lines, the same way for every source (pdfplumber, pdfium, OCR).

A character is a :class:`Glyph` (text and box in top-down PDF points). Glyphs are clustered into
visual lines by their top, sorted left to right and cut into words at spaces and gaps wider
than a fifth of the font size. Rotated text is first turned into its reading frame
(:class:`Frame`) so that it is read like upright text and its boxes can be mapped back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple, TypeVar

from extractors.model import BBox


class Glyph(NamedTuple):
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    spaced: bool = False  # the PDF prints a space right before this glyph: a word starts here


class Word(NamedTuple):
    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


# Glyph and Word share their field order (text, x0, top, x1, bottom): plain item getters sort and compare faster
_X0, _TOP, _X1, _BOTTOM = itemgetter(1), itemgetter(2), itemgetter(3), itemgetter(4)


@dataclass(frozen=True, slots=True)
class Line:
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(map(_X1, self.words))

    @property
    def top(self) -> float:
        return min(map(_TOP, self.words))

    @property
    def bottom(self) -> float:
        return max(map(_BOTTOM, self.words))

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(frozen=True, slots=True)
class Frame:
    """How a page's text is turned to be read upright: none, bottom-to-top or top-to-bottom."""

    direction: str  # "ltr" | "btt" | "ttb"
    width: float  # page width and height as printed (top-down points)
    height: float

    @property
    def size(self) -> tuple[float, float]:
        """Width and height of the reading frame."""
        return (self.width, self.height) if self.direction == "ltr" else (self.height, self.width)

    def to_reading(self, box: BBox) -> BBox:
        x0, top, x1, bottom = box
        if self.direction == "btt":
            return (self.height - bottom, x0, self.height - top, x1)
        if self.direction == "ttb":
            return (top, self.width - x1, bottom, self.width - x0)
        return box

    def to_page(self, box: BBox) -> BBox:
        x0, top, x1, bottom = box
        if self.direction == "btt":
            return (top, self.height - x1, bottom, self.height - x0)
        if self.direction == "ttb":
            return (self.width - bottom, x0, self.width - top, x1)
        return box


_T = TypeVar("_T", Glyph, Word)


# the most a glyph's bottom may stand below its line's first bottom, as a share of its own height (the tolerance
# in points is the most for any size): a line's glyphs end within a few hundredths of the font size of one another
# (a descender's loose box a little lower), while another cell's line in a row of vertically centred cells may
# stand anywhere below; in a 4.7-point table font (h04's and h07's E.81 on their LibreOffice print) a line 2.8
# points lower is another line, and the 3-point tolerance alone took the "g" of "Orang" for the next one. Glyphs
# only: their loose boxes span the font's ascent to descent whatever the letter; a word's box from OCR is tight
# (a hyphen's a third of a letter's height) and words are grouped by the tolerance alone
LINE_SHARE = 0.5


def _by_top(items: Iterable[_T], tolerance: float, share: float | None = None) -> list[list[_T]]:
    """Items grouped into visual lines, top to bottom: taken in the order of their bottoms, an item joins the line
    whose first (highest) bottom stands within ``tolerance`` above its own, or opens a line. A line's glyphs end
    at one bottom (the font's descent under the baseline, a descender a little lower) where their tops differ by
    cap height, x-height and punctuation. Not chained from item to item: cells centred vertically in a row put
    their lines at every height between two lines of a taller cell, and a chain through them would merge that
    cell's lines into one, their words interleaved (LibreOffice's tables: "Meningkatnya keselamatan lalu" over
    "lintas dan" read as "Mlinetnaisn dgaknatnya ..."; "1.04.02" read as "1 . 04 . 02" where the periods' tops
    stood near another cell's line)."""
    groups: list[list[_T]] = []
    tops: list[float] = []  # each group's highest top, kept as the group grows
    anchor = float("-inf")
    group: list[_T] = []
    highest = 0.0
    for item in sorted(items, key=_BOTTOM):
        bottom, top = item[4], item[2]
        limit = tolerance if share is None or share * (bottom - top) > tolerance else share * (bottom - top)
        if groups and bottom - anchor <= limit:
            group.append(item)
            if top < highest:
                highest = top
        else:
            if groups:
                tops.append(highest)
            group, highest, anchor = [item], top, bottom
            groups.append(group)
    if groups:
        tops.append(highest)
    return [groups[k] for k in sorted(range(len(groups)), key=tops.__getitem__)]


def cluster_lines(glyphs: Iterable[Glyph], tolerance: float = 3.0) -> list[list[Glyph]]:
    """Glyphs grouped into visual lines, top to bottom."""
    return _by_top(glyphs, tolerance, LINE_SHARE)


def words_of_line(glyphs: Sequence[Glyph], gap_ratio: float = 0.2) -> list[Word]:
    out: list[Word] = []
    append = out.append
    word = tuple.__new__  # Word's fields in order, without the NamedTuple's keyword handling
    text: list[str] = []
    x0 = top = x1 = bottom = 0.0
    for gt, gx0, gtop, gx1, gbottom, spaced in sorted(glyphs, key=_X0):
        if text:
            # a printed space ends the word (kerned "i j" in Times may leave no gap at all); so does a gap wider
            # than a fifth of the font size
            if not spaced:
                if gt == text[-1] and abs(gx1 - x1) < 0.5 and (gx1 - gx0) > 0.5:
                    continue  # the same glyph printed again on itself (fake bold, shadow)
                gap = gx0 - x1
                if not (gap > 1.0 and gap > gap_ratio * (gbottom - gtop)):
                    text.append(gt)
                    if gx1 > x1:
                        x1 = gx1
                    if gtop < top:
                        top = gtop
                    if gbottom > bottom:
                        bottom = gbottom
                    continue
            append(word(Word, ("".join(text), x0, top, x1, bottom)))
        text = [gt]
        x0, top, x1, bottom = gx0, gtop, gx1, gbottom
    if text:
        append(word(Word, ("".join(text), x0, top, x1, bottom)))
    return out


def make_words(glyphs: Iterable[Glyph]) -> list[Word]:
    """All words of a page, line by line, left to right."""
    return [w for line in cluster_lines(glyphs) for w in words_of_line(line)]


def make_lines(words: Iterable[Word], tolerance: float = 3.0) -> list[Line]:
    """Words grouped into visual lines, top to bottom, each left to right."""
    groups = _by_top(words, tolerance)
    return [Line(tuple(sorted(g, key=_X0))) for g in groups]


def split_line(line: Line, gap: float) -> list[Line]:
    """A visual line cut where the space between two words exceeds ``gap`` points."""
    parts: list[list[Word]] = [[line.words[0]]]
    for w in line.words[1:]:
        if w.x0 - parts[-1][-1].x1 > gap:
            parts.append([w])
        else:
            parts[-1].append(w)
    return [Line(tuple(p)) for p in parts]


CUT = "\x1f"  # joins two lines of a cell where a word too long for the cell may have been cut


def text_of(words: Iterable[Word], edges: tuple[float, float] | None = None) -> str:
    """Text of the words in one cell: lines top to bottom joined by a space.

    With ``edges`` (the cell's left and right side), a line holding a single word that reaches the cell's
    right side (less room left than a character of the next line) is joined to the next line by
    :data:`CUT` instead: a word longer than the cell is wide is cut there with no hyphen ("PEMBERDAYAA" /
    "N SOSIAL"). :func:`mend_cuts` later decides, from the document's own words, whether it was."""
    lines = make_lines(words)
    if edges is None or len(lines) < 2:
        return " ".join(line.text for line in lines)
    parts = [lines[0].text]
    for above, below in zip(lines, lines[1:], strict=False):
        parts.append(CUT if _fills(above, below, edges) or _rest_of(above, below) else " ")
        parts.append(below.text)
    return "".join(parts)


# what a figure cut at its cell's edge leaves on the cell's next line: its last digits, alone
LAST_DIGITS = re.compile(r"^\d{1,3}$")
# ... and on the next page, where a row broke across the page: a few digits, maybe the last of the decimals or the
# money style's ",-" ("0", "000,-", "5"), never a figure of its own ("5.000.000" would read on from "270.000.00")
BROKEN_REST = re.compile(r"^[.,]?\d{1,3}(?:[.,]\d{1,2})?(?:,-)?$")
# ... or, in a layout text's narrow columns, a rest holding whole thousands groups, the figure cut before the last of
# them ("37.600.00" over "0.000": d09's E.81 amounts of tens of billions); cut_number still asks the two to make one
GROUPED_REST = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$")


def _rest_of(above: Line, below: Line) -> bool:
    """The line below holds only the rest of a figure the line above ends in, cut where the cell was too narrow
    ("165.471.330.00" over "0", "185.000" over ".000", "1.524.80" over "0.000"): on a character grid it need
    not reach the cell's side (pdftotext -layout of LibreOffice's narrow cells), nor in a cell whose sides are
    no rulings but the column finder's gutters (a print with horizontal rules only and the word processor's
    cell padding: d09's E.81 form with 2.8 pt padding, where "185.000" / ".000" and "1.524.80" / "0.000" stand in
    one table). Alone on its line, as :func:`_fills` asks; :func:`cut_number` keeps two whole figures stacked in
    a cell apart."""
    return (len(above.words) == 1 and len(below.words) == 1
            and _NUM_HEAD.fullmatch(below.words[0].text) is not None  # the rest, from a separator if cut there
            and cut_number(above.words[0].text, below.words[0].text))


def _fills(above: Line, below: Line, edges: tuple[float, float]) -> bool:
    """The line's last word reaches the cell's right side (less room left than a character of the next line): a
    word longer than the cell, a figure cut where it filled the line ("Rp. 16.887.450." over "000,-"), or a word
    cut after other words by an exporter that breaks words at the cell's edge (the reportlab prints of d03, d09,
    h04: "Normalisasi/Restoras" over "i Sungai", "Jumlah Laporan Lap" over "oran"). A word that wraps whole
    leaves the room it did not fit in, and where the line ends at the side by chance, :func:`mend_cuts` joins the
    two pieces only when the document prints them as one word."""
    word, nxt = above.words[-1], below.words[0]
    right = edges[1] - max(0.0, above.words[0].x0 - edges[0])  # the right margin taken as wide as the left one
    return right - word.x1 < (nxt.x1 - nxt.x0) / max(1, len(nxt.text))


_LETTER = "A-Za-z\u00c0-\u024f"  # Latin letters, accented ones too (a plain class is several times faster)
_LETTERS = re.compile(f"[{_LETTER}]+")
_TAIL = re.compile(f"[{_LETTER}]+$")
_HEAD = re.compile(f"^[{_LETTER}]+")


# two words with one space between them, at each word's start (a pair across a cut mark or a line break is no pair)
_PAIR = re.compile(f"(?<![{_LETTER}])(?=([{_LETTER}]+) ([{_LETTER}]+))")


def vocabulary(texts: Iterable[str]) -> set[str]:
    """The words (letter runs, lower case) of a document's texts, and the pairs of words printed one after the
    other on a line ("sumber daya"); cut marks split words."""
    text = "\n".join(texts).lower()
    out = set(_LETTERS.findall(text))
    out.update(f"{a} {b}" for a, b in _PAIR.findall(text))
    return out


def mend_cuts(text: str, words: set[str] | None = None) -> str:
    """Where :func:`text_of` marked a possible cut, the two pieces are one word when the document has
    that word elsewhere ("PEMBERDAYAA" + "N" where "pemberdayaan" is printed) and does not print them as two
    words on one line ("Sumber" + "Daya" stays two words where "Sumber Daya" is printed, though "Sumberdaya" is
    too); otherwise a space."""
    if CUT not in text:
        return text
    pieces = text.split(CUT)
    out = pieces[0]
    for piece in pieces[1:]:
        tail, head = _TAIL.search(out), _HEAD.match(piece)
        whole = bool(words) and tail is not None and head is not None and (
            tail.group() + head.group()).lower() in (words or ()) and (
            f"{tail.group()} {head.group()}".lower() not in (words or ()))
        out = f"{out}{'' if whole or cut_number(out, piece) else ' '}{piece}"
    return out


_NUM_TAIL = re.compile(r"(?:^|(?<=\s)|(?<=Rp)|(?<=Rp\.))[-(]?\d[\d.,]*$")
_NUM_HEAD = re.compile(r"^[.,]?\d[\d.,]*")
# a whole figure as printed: thousands in groups of three with a decimal comma ("1.085,00", "268.500.000"),
# plain digits with a decimal comma ("96,35"), or a budget code ("1.03.10.2.01.13", "2.16.02.2.01.0002")
# or in the English style some reports print ("171,150,000,000.00")
_WHOLE_NUMBER = re.compile(r"[-(]?(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:,\d+)?|"
                           r"\d{1,2}(?:\.\d{1,2}){2,5}(?:\.\d{4})?)")


_ITEM_MARK = re.compile(r"(\d{1,2})\.")  # a list item's number with its dot
_DECIMAL_CUT = re.compile(r"[.,]\d$")  # a decimal with one digit left on the first line ("96,3", "6,200,000,000.0")


def cut_number(before: str, after: str) -> bool:
    """A figure too wide for its cell, cut where the line filled (the cut mark): the two pieces read as one
    well-formed figure, and the first is no whole figure on its own ("268.500.000." + "000", "4.751.900.0" +
    "00"), or the second starts at a separator ("268.500.000" + ".000"), or a decimal lost its last digits
    ("96,3" + "5", "1.085,0" + "0 Km"). Two whole figures stacked in a cell ("2024" over "2025", "12.500" over
    "9.800") stay apart."""
    tail, head = _NUM_TAIL.search(before), _NUM_HEAD.match(after)
    if tail is None or head is None:
        return False
    first, rest = tail.group(), head.group().rstrip(".,")  # "000,-": the money style's ",-" after the figure
    if not rest or _WHOLE_NUMBER.fullmatch(first + rest) is None:
        return False
    item = _ITEM_MARK.fullmatch(first)
    if item and re.search(rf"(?:^|\s){int(item.group(1)) - 1}\.\s", before[:tail.start()]):
        return False  # the next item's number of a list in the cell ("1. 125,00% 2." over "100,22%": d12)
    return (_WHOLE_NUMBER.fullmatch(first) is None or rest[0] in ".,"
            or (_DECIMAL_CUT.search(first) is not None and rest.isdigit() and len(rest) <= 2))
