"""Row levels (program / kegiatan / sub-kegiatan / total) for tables without budget codes.

Where a Permendagri 90/2019 code is printed, its depth decides. Elsewhere the level comes from
the row's wording ("PROGRAM ...", "JUMLAH"), from how the row is numbered (roman, arabic in the
number column, arabic inside the name, "0 1"/"1.1" composite, letters) and from the numbering
sequence: a row numbered 4 right after sub-kegiatan 3 continues the sub-kegiatan list even when
a page break moved its number into another column. A number-less heading line between a program
and numbered rows is a kegiatan heading, so the numbered rows under it are sub-kegiatan.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

PROGRAM_WORD = regex.compile(r"^\W*program\b", regex.I)
KEGIATAN_WORD = regex.compile(r"^\W*kegiatan\b", regex.I)
SUB_WORD = regex.compile(r"^\W*sub\W*kegiatan\b", regex.I)
TOTAL_WORD = regex.compile(
    r"^\W*(?:jumlah|total|grand total|sub\s?total|rata\W*rata)(?:\s+(?:keseluruhan|seluruhnya|total|anggaran|"
    r"belanja|program|kegiatan|kinerja|capaian(?:\s+kinerja)?|realisasi|pagu|dinas|opd|skpd|[\w\s/.-]{0,16}tahun\s+\d{4}))?"
    r"\W*$",
    regex.I,
)
ROMAN = regex.compile(r"^\s*([IVXLC]{1,5})\s*[\.\)]?\s*$", regex.I)
ARABIC = regex.compile(r"^\s*(\d{1,3})\s*[\.\)]?\s*$")
COMPOSITE = regex.compile(r"^\s*\d{1,2}\s*[\.\s]\s*\d{1,2}\s*\.?\s*$")
LETTER = regex.compile(r"^\s*([a-z])\s*[\.\)]\s*$", regex.I)
NAME_NUMBER = regex.compile(r"^\s*(\d{1,3})\s*[\.\)]?\s+(?=[A-Za-z])")


@dataclass
class RowShape:
    first: str  # the numbering cell
    name: str  # the row's label (uraian / program / kegiatan)
    has_values: bool
    kode: str = ""
    amount: float | None = None  # the row's first money figure, for unnumbered hierarchies


def _style(shape: RowShape) -> tuple[str, int | None]:
    first = shape.first.strip()
    if COMPOSITE.match(first):
        return "composite", int(regex.findall(r"\d+", first)[-1])
    if ROMAN.match(first) and not ARABIC.match(first):
        return "roman", None
    m = ARABIC.match(first)
    if m:
        return "arabic", int(m.group(1))
    if LETTER.match(first):
        return "letter", None
    m = NAME_NUMBER.match(shape.name)
    if m:
        return "name", int(m.group(1))
    return "none", None


def assign_levels(shapes: list[RowShape], header: str = "") -> list[str]:
    header_l = header.lower()
    sub_only = "sub kegiatan" in header_l and not regex.search(r"(?<!sub\s)kegiatan(?!\s*sub)", header_l)
    levels: list[str] = []
    style_level: dict[str, str] = {}
    last_number: dict[str, int] = {}
    # the structural level of the last row: program | kegiatan | sub_kegiatan | heading; a table
    # of kegiatan without program rows (the program is in its caption) starts under a program
    context = "program" if "kegiatan" in header_l else ""
    last_letter = ""  # the last letter numbering ("a", "b"): a following "c." continues it, not roman C
    parent_by_sum: set[int] = set()  # unnumbered rows shown to head the rows after them by their amounts
    for i, shape in enumerate(shapes):
        name = shape.name
        style, number = _style(shape)
        letter = shape.first.strip(" .)(").lower()
        if style == "roman" and len(letter) == 1 and last_letter and ord(letter) == ord(last_letter) + 1:
            style, number = "letter", None
        if style == "letter":
            last_letter = letter
        elif style in ("arabic", "roman", "composite"):
            last_letter = ""
        if TOTAL_WORD.match(name) or (not name and TOTAL_WORD.match(shape.first)):
            levels.append("total")
            continue
        if PROGRAM_WORD.match(name) or style == "roman":
            levels.append("program")
            context = "program"
            last_number.pop("kegiatan", None)
            last_number.pop("sub_kegiatan", None)
            continue
        if SUB_WORD.match(name):
            levels.append("sub_kegiatan")
            context = "sub_kegiatan"
            continue
        if KEGIATAN_WORD.match(name):
            levels.append("kegiatan")
            context = "kegiatan"
            continue
        if not shape.has_values and style == "none":
            levels.append("kegiatan" if context in ("program", "sub_kegiatan", "kegiatan", "heading") else "other")
            if context:
                context = "heading"
                last_number.pop("sub_kegiatan", None)
            continue
        if style == "none" and context in ("program", "kegiatan", "sub_kegiatan"):
            prev = shapes[i - 1] if i else None
            if (prev is not None and levels[-1] in ("kegiatan", "sub_kegiatan") and _style(prev)[0] == "none"
                    and prev.has_values and i - 1 not in parent_by_sum and not _heads_by_sum(shapes, i)):
                # an unnumbered row after an unnumbered sibling that heads nothing: the same level (fixture
                # heading_then_row; 003's kegiatan lists under a program)
                levels.append(levels[-1])
                continue
            levels.append(_by_amount(shapes, i, context))
            if levels[-1] == "kegiatan" and _heads_by_sum(shapes, i):
                parent_by_sum.add(i)
            context = levels[-1]
            continue
        if style == "none" or not context:
            levels.append("other")
            continue
        level = style_level.get(style)
        if level is None:
            if context == "heading" or sub_only or "kegiatan" in style_level.values():
                level = "sub_kegiatan"
            else:
                level = "kegiatan"
            style_level[style] = level
        if number is not None and style != "composite" and context != "heading" and not sub_only:
            level = _by_sequence(level, number, style, context, last_number, shapes[i + 1:])
        if level == "kegiatan":
            last_number.pop("sub_kegiatan", None)
        if number is not None:
            last_number[level] = number
        levels.append(level)
        context = level
    return levels


def _by_sequence(level: str, number: int, style: str, context: str, last_number: dict[str, int],
                 following: list[RowShape]) -> str:
    """Decide kegiatan vs sub-kegiatan from the numbering when the style alone cannot.

    A row followed by a row numbered 1 (same style) opens a list of children: a kegiatan. A row
    numbered 1 right after a kegiatan is its first child. Otherwise the list the number continues.
    """
    nxt = following[0] if following else None
    if nxt is not None:
        nxt_style, nxt_number = _style(nxt)
        if nxt_number == 1 and nxt.has_values and not PROGRAM_WORD.match(nxt.name):
            return "kegiatan"
    if number == 1 and context == "kegiatan":
        return "sub_kegiatan"
    sub_last, keg_last = last_number.get("sub_kegiatan"), last_number.get("kegiatan")
    if sub_last is not None and number == sub_last + 1:
        return "sub_kegiatan"
    if keg_last is not None and number == keg_last + 1:
        return "kegiatan"
    return level


def _numbered_children_sum(shapes: list[RowShape], i: int, amount: float) -> bool:
    """An unnumbered row among numbered ones whose amount is the sum of the numbered rows right after it
    heads them (a kegiatan over its sub-kegiatan)."""
    total = 0.0
    for nxt in shapes[i + 1:]:
        if _style(nxt)[0] == "none" or nxt.amount is None:
            break
        total += nxt.amount
        if abs(total - amount) < 0.5:
            return True
        if total > amount:
            break
    return False


def _heads_by_sum(shapes: list[RowShape], i: int) -> bool:
    """The row's amount is the sum of the rows right after it (numbered or not)."""
    amount = shapes[i].amount
    if amount is None or amount <= 0:
        return False
    if _numbered_children_sum(shapes, i, amount):
        return True
    total = 0.0
    for nxt in shapes[i + 1:]:
        if nxt.amount is None or PROGRAM_WORD.match(nxt.name):
            return False
        total += nxt.amount
        if abs(total - amount) < 0.5:
            return True
        if total > amount:
            return False
    return False


def _by_amount(shapes: list[RowShape], i: int, context: str) -> str:
    """Unnumbered rows under a program: a row whose amount is the sum of the rows after it is a kegiatan."""
    amount = shapes[i].amount
    if amount is not None and amount > 0 and _numbered_children_sum(shapes, i, amount):
        return "kegiatan"
    if amount is not None and amount > 0:
        total = 0.0
        for nxt in shapes[i + 1:]:
            if _style(nxt)[0] != "none" or nxt.amount is None or PROGRAM_WORD.match(nxt.name):
                break
            total += nxt.amount
            if abs(total - amount) < 0.5:
                return "kegiatan"
            if total > amount:
                break
    return "kegiatan" if context == "program" else "sub_kegiatan"
